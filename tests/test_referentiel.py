"""The reference data: 101 départements with their French forms, communes and postal codes."""
from __future__ import annotations

import json

import pytest

from emploi_accompagne import referentiel
from tests.helpers.modules import load_module
from tests.helpers.site import ROOT

PACKAGE_DATA = ROOT / "node_modules" / "@etalab" / "decoupage-administratif" / "data"

OFFICIAL_CODES = (
    [f"{n:02d}" for n in range(1, 20)]
    + ["2A", "2B"]
    + [f"{n:02d}" for n in range(21, 96)]
    + ["971", "972", "973", "974", "976"]
)


def _load_derivation_script():
    return load_module("scripts/derive_referentiel.py", "derive_referentiel")


# --- The committed files are a faithful derivation of the package ---------------------


@pytest.fixture(scope="module")
def textes_derives():
    if not (PACKAGE_DATA / "communes.json").exists():
        pytest.fail(
            "node_modules/@etalab/decoupage-administratif is missing: run `npm ci` "
            "(`make test` installs it) to check data/departements.json and data/communes.json."
        )
    return _load_derivation_script().derive()


def test_departements_json_est_la_derivation_du_paquet(textes_derives):
    committed = (ROOT / "data" / "departements.json").read_text(encoding="utf-8")
    assert committed == textes_derives[0], "data/departements.json is stale: run `make referentiel`"


def test_communes_json_est_la_derivation_du_paquet(textes_derives):
    committed = (ROOT / "data" / "communes.json").read_text(encoding="utf-8")
    assert committed == textes_derives[1], "data/communes.json is stale: run `make referentiel`"


def test_chaque_commune_actuelle_du_paquet_est_gardee():
    if not (PACKAGE_DATA / "communes.json").exists():
        pytest.fail("node_modules is missing: run `npm ci` (`make test` does).")
    raw = json.loads((PACKAGE_DATA / "communes.json").read_text(encoding="utf-8"))
    wanted = {
        entry["code"]
        for entry in raw
        if entry["type"] in ("commune-actuelle", "arrondissement-municipal") and entry["departement"] in OFFICIAL_CODES
    }
    assert {commune.code for commune in referentiel.communes()} == wanted


# --- Départements ----------------------------------------------------------------------------


def test_exactement_les_101_departements_dans_l_ordre_officiel():
    codes = [dep.code for dep in referentiel.departements()]
    assert len(codes) == 101
    assert codes == OFFICIAL_CODES


@pytest.mark.parametrize(
    ("code", "nom", "region"),
    [
        ("01", "Ain", "Auvergne-Rhône-Alpes"),
        ("2A", "Corse-du-Sud", "Corse"),
        ("2B", "Haute-Corse", "Corse"),
        ("59", "Nord", "Hauts-de-France"),
        ("75", "Paris", "Île-de-France"),
        ("971", "Guadeloupe", "Guadeloupe"),
        ("974", "La Réunion", "La Réunion"),
        ("976", "Mayotte", "Mayotte"),
    ],
)
def test_noms_et_regions(code, nom, region):
    dep = referentiel.departement(code)
    assert (dep.nom, dep.region) == (nom, region)


def test_la_recherche_par_code_accepte_les_minuscules_et_refuse_les_codes_inconnus():
    assert referentiel.departement("2a").code == "2A"
    assert referentiel.departement("2b").slug == "2b"
    for unknown in ("20", "975", "977", "988", "96"):
        with pytest.raises(KeyError):
            referentiel.departement(unknown)


@pytest.mark.parametrize(
    ("code", "dans"),
    [
        # Masculine with "le" / plural with "les": "dans" + article.
        ("59", "dans le Nord"),
        ("14", "dans le Calvados"),
        ("90", "dans le Territoire de Belfort"),
        ("95", "dans le Val-d'Oise"),
        ("13", "dans les Bouches-du-Rhône"),
        ("22", "dans les Côtes-d'Armor"),
        ("92", "dans les Hauts-de-Seine"),
        # "l'": "dans l'", masculine and feminine.
        ("01", "dans l'Ain"),
        ("34", "dans l'Hérault"),
        ("60", "dans l'Oise"),
        ("89", "dans l'Yonne"),
        # Feminine with "la": "en".
        ("2A", "en Corse-du-Sud"),
        ("2B", "en Haute-Corse"),
        ("31", "en Haute-Garonne"),
        ("16", "en Charente"),
        ("93", "en Seine-Saint-Denis"),
        ("971", "en Guadeloupe"),
        ("972", "en Martinique"),
        ("973", "en Guyane"),
        # Names joined by "et": "en", with or without an article in INSEE's data.
        ("35", "en Ille-et-Vilaine"),
        ("49", "en Maine-et-Loire"),
        ("41", "en Loir-et-Cher"),
        ("82", "en Tarn-et-Garonne"),
        # A city and two islands: "à".
        ("75", "à Paris"),
        ("974", "à La Réunion"),
        ("976", "à Mayotte"),
        # Exceptions: "en" for these feminine names with "l'"...
        ("07", "en Ardèche"),
        ("09", "en Ariège"),
        ("38", "en Isère"),
        ("91", "en Essonne"),
        # ... and "dans la" where "en" would name the sea, the river or the city.
        ("50", "dans la Manche"),
        ("51", "dans la Marne"),
        ("86", "dans la Vienne"),
    ],
)
def test_la_forme_dans(code, dans):
    assert referentiel.departement(code).dans == dans


@pytest.mark.parametrize(
    ("code", "article", "avec_article", "de"),
    [
        ("01", "l'", "l'Ain", "de l'Ain"),
        ("59", "le", "le Nord", "du Nord"),
        ("13", "les", "les Bouches-du-Rhône", "des Bouches-du-Rhône"),
        ("2A", "la", "la Corse-du-Sud", "de la Corse-du-Sud"),
        ("28", "", "Eure-et-Loir", "d'Eure-et-Loir"),
        ("49", "", "Maine-et-Loire", "de Maine-et-Loire"),
        ("41", "le", "le Loir-et-Cher", "du Loir-et-Cher"),
        ("75", "", "Paris", "de Paris"),
        ("971", "la", "la Guadeloupe", "de la Guadeloupe"),
        ("974", "", "La Réunion", "de La Réunion"),
        ("976", "", "Mayotte", "de Mayotte"),
    ],
)
def test_l_article_et_la_forme_de(code, article, avec_article, de):
    dep = referentiel.departement(code)
    assert (dep.article, dep.avec_article, dep.de) == (article, avec_article, de)


def test_chaque_departement_a_une_forme_dans_bien_ecrite():
    for dep in referentiel.departements():
        assert dep.dans.endswith(dep.nom)
        assert dep.dans.split(" ")[0] in ("dans", "en", "à"), dep.dans


def test_departements_groupes_par_region():
    groups = referentiel.departements_par_region()
    assert len(groups) == 18  # 13 metropolitan régions and 5 overseas
    assert sum(len(deps) for _, deps in groups) == 101
    assert dict(groups)["Corse"] == [referentiel.departement("2A"), referentiel.departement("2B")]
    assert [name for name, _ in groups][-5:] == ["Guadeloupe", "Martinique", "Guyane", "La Réunion", "Mayotte"]


# --- Communes and postal codes -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "nom", "departement", "codes_postaux"),
    [
        ("69266", "Villeurbanne", "69", ("69100",)),
        ("2A004", "Ajaccio", "2A", ("20000", "20090", "20167")),
        ("2B033", "Bastia", "2B", ("20200", "20600")),
        ("97411", "Saint-Denis", "974", ("97400", "97417", "97490")),
        ("97611", "Mamoudzou", "976", ("97600", "97605")),
        ("97302", "Cayenne", "973", ("97300",)),
        ("01053", "Bourg-en-Bresse", "01", ("01000",)),
    ],
)
def test_communes_temoins(code, nom, departement, codes_postaux):
    commune = next(commune for commune in referentiel.communes() if commune.code == code)
    assert (commune.nom, commune.departement, commune.codes_postaux) == (nom, departement, codes_postaux)


def test_arrondissements_municipaux_de_paris_lyon_marseille():
    arrondissements = [commune for commune in referentiel.communes() if commune.arrondissement_municipal]
    parents = sorted({commune.commune_parente for commune in arrondissements})
    assert parents == ["13055", "69123", "75056"]
    assert len(arrondissements) == 20 + 9 + 16
    paris_16 = next(commune for commune in arrondissements if commune.code == "75116")
    assert paris_16.codes_postaux == ("75016", "75116")


def test_communes_par_departement():
    assert len(referentiel.communes_du_departement("2a")) > 100
    assert all(commune.departement == "974" for commune in referentiel.communes_du_departement("974"))
    assert sum(len(referentiel.communes_du_departement(dep.code)) for dep in referentiel.departements()) == len(
        referentiel.communes()
    )


def test_les_16_codes_postaux_sur_deux_departements():
    spanning = {cp: deps for cp, deps in referentiel.departements_par_code_postal().items() if len(deps) > 1}
    assert spanning == {
        "01200": ("01", "74"),
        "01410": ("01", "39"),
        "01590": ("01", "39"),
        "05110": ("04", "05"),
        "05130": ("04", "05"),
        "05160": ("04", "05"),
        "05700": ("05", "26"),
        "06260": ("04", "06"),
        "13780": ("13", "83"),
        "21340": ("21", "71"),
        "33220": ("24", "33"),
        "37160": ("37", "86"),
        "42620": ("03", "42"),
        "43450": ("15", "43"),
        "48250": ("07", "48"),
        "52100": ("51", "52"),
    }


def test_les_codes_postaux_ont_cinq_chiffres_et_la_corse_commence_par_20():
    for commune in referentiel.communes():
        assert all(len(cp) == 5 and cp.isdigit() for cp in commune.codes_postaux), commune
        if commune.departement in ("2A", "2B"):
            assert all(cp.startswith("20") for cp in commune.codes_postaux), commune
