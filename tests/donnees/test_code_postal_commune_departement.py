"""Spécification : le code postal, la commune et le département d'un lieu s'accordent, d'après
data/communes.json, et `check`, `import` et `from-issue` rendent le même verdict, avec le même
message, tous les problèmes d'une fiche à la fois. La règle est dans le modèle
(emploi_accompagne/annuaire/localisation.py) ; le formulaire du site l'applique aussi
(tests/annuaire/test_proposer_lieu_navigateur.py, les mêmes cas)."""
from __future__ import annotations

import datetime as dt
import re

import pytest

from emploi_accompagne.__main__ import main
from emploi_accompagne.annuaire import localisation
from emploi_accompagne.annuaire.chargement import FICHIER_PLATEFORMES, DonneesInvalides, charger_plateformes
from emploi_accompagne.annuaire.proposition import PropositionRefusee, appliquer
from tests.propositions.conftest import proposition

REEL = FICHIER_PLATEFORMES.read_text(encoding="utf-8")
SOURCE = "https://www.exemple.fr/emploi-accompagne"
DATE = dt.date(2026, 11, 30)
LIBELLES = {"code_postal": "Code postal", "commune": "Commune"}

CLERMONT_EN_CORREZE = (
    "le code postal 63000 n'est pas en Corrèze : c'est celui de Clermont-Ferrand (Puy-de-Dôme) ; "
    "corriger le code postal (ou le département de la fiche)"
)

# (département, code postal, commune) -> {champ: message}; {} : le lieu est accepté.
CAS = {
    "63000 en Corrèze": (("19", "63000", "Tulle"), {"code_postal": CLERMONT_EN_CORREZE}),
    "code postal et commune d'un autre département": (
        ("19", "63000", "Clermont-Ferrand"),
        {
            "code_postal": CLERMONT_EN_CORREZE,
            "commune": "la commune « Clermont-Ferrand » n'est pas en Corrèze : elle est dans le Puy-de-Dôme ; "
            "corriger la commune (ou le département de la fiche)",
        },
    ),
    "commune qui n'a pas ce code postal": (
        ("19", "19000", "Brive-la-Gaillarde"),
        {"commune": "la commune Brive-la-Gaillarde n'a pas le code postal 19000 (le sien : 19100) ; 19000 est celui "
                    "de Les Angles-sur-Corrèze (Corrèze) ou Tulle (Corrèze) : corriger le code postal ou la commune"},
    ),
    "commune inconnue": (
        ("19", "19000", "Tule"),
        {"commune": "commune « Tule » inconnue en Corrèze (peut-être « Tulle » ?) : écrire son nom officiel, "
                    "celui de la commune nouvelle s'il y en a une"},
    ),
    "code postal inconnu hors du département": (
        ("19", "29999", None),
        {"code_postal": "le code postal 29999 n'est pas en Corrèze : ses codes postaux commencent par 19 ; "
                        "corriger le code postal (ou le département de la fiche)"},
    ),
    "lieu juste": (("19", "19000", "Tulle"), {}),
    "code CEDEX du département": (("24", "24016", "Périgueux"), {}),
    "nom écrit sans accent": (("91", "91000", "Evry-Courcouronnes"), {}),
    "nom officiel avec son article": (("43", "43000", "Le Puy-en-Velay"), {}),
    "nom sans son article": (
        ("43", "43000", "Puy-en-Velay"),
        {"commune": "commune « Puy-en-Velay » inconnue en Haute-Loire (peut-être « Le Puy-en-Velay » ?) : écrire son "
                    "nom officiel, celui de la commune nouvelle s'il y en a une"},
    ),
    "arrondissement de Paris": (("75", "75015", "Paris"), {}),
    "Corse : 20…": (("2A", "20000", "Ajaccio"), {}),
    "outre-mer": (("974", "97400", "Saint-Denis"), {}),
}


def _valeurs(code_postal, commune) -> dict[str, str]:
    return {cle: valeur for cle, valeur in (("code_postal", code_postal), ("commune", commune)) if valeur}


# --- the three paths, each giving {champ: message} ------------------------------------------------


def par_check(tmp_path, departement, code_postal, commune) -> dict[str, str]:
    """`check` (charger_plateformes) on the real file, the département's fiche given this place."""
    debut = REEL.index(f'- departement: "{departement}"')
    fin = REEL.find("\n- departement:", debut)
    fiche = REEL[debut:fin]
    for cle, valeur in _valeurs(code_postal, commune).items():
        fiche = re.sub(rf"^  {cle}:.*$", f'  {cle}: "{valeur}"', fiche, count=1, flags=re.MULTILINE)
    chemin = tmp_path / "plateformes.yaml"
    chemin.write_text(REEL[:debut] + fiche + REEL[fin:], encoding="utf-8")
    try:
        charger_plateformes(chemin)
    except DonneesInvalides as erreur:
        assert all(p.departement == departement for p in erreur.problemes), erreur
        return {p.champ: p.message for p in erreur.problemes}
    return {}


def par_import(tmp_path, capsys, departement, code_postal, commune) -> dict[str, str]:
    """`import` of a one-line list into a copy of the real file."""
    valeurs = _valeurs(code_postal, commune)
    liste = tmp_path / "liste.csv"
    liste.write_text(
        "departement;" + ";".join(valeurs) + "\n" + f"{departement};" + ";".join(valeurs.values()) + "\n",
        encoding="utf-8",
    )
    donnees = tmp_path / "copie.yaml"
    donnees.write_text(REEL, encoding="utf-8")
    capsys.readouterr()
    code = main(["import", str(liste), "--source", SOURCE, "--date", DATE.isoformat(), "--donnees", str(donnees)])
    sortie = capsys.readouterr()
    if code == 0:
        return {}
    problemes = {}
    for ligne in sortie.err.splitlines():
        if trouve := re.search(rf"liste\.csv:2:\d+: \[département {departement}\] (\w+): (.*)$", ligne):
            problemes[trouve[1]] = trouve[2]
    assert problemes, sortie.err
    return problemes


def par_from_issue(departement, code_postal, commune) -> dict[str, str]:
    """`from-issue` (appliquer) on a proposal that gives this place, with a public source."""
    corps = proposition({"departement": departement, **_valeurs(code_postal, commune), "source": SOURCE,
                         "role": "Autre"})
    try:
        appliquer(corps, REEL, date=DATE)
    except PropositionRefusee as refus:
        problemes = {}
        for ligne in refus.problemes:
            trouve = re.match(r"Rubrique « (.+?) » \(ligne \d+\) : (.*)\.$", ligne)
            assert trouve, ligne
            [champ] = [cle for cle, libelle in LIBELLES.items() if libelle == trouve[1]]
            problemes[champ] = trouve[2]
        return problemes
    return {}


# --- the specification ------------------------------------------------------------------------------


@pytest.mark.parametrize("cas", list(CAS))
def test_check_import_et_from_issue_rendent_le_meme_verdict_avec_le_meme_message(cas, tmp_path, capsys):
    (departement, code_postal, commune), attendu = CAS[cas]
    assert par_check(tmp_path, departement, code_postal, commune) == attendu
    assert par_import(tmp_path, capsys, departement, code_postal, commune) == attendu
    assert par_from_issue(departement, code_postal, commune) == attendu


def test_tous_les_problemes_d_une_fiche_sont_donnes_en_une_fois(tmp_path):
    """A wrong number, a wrong postal code and a commune of another département: three lines."""
    debut = REEL.index('- departement: "19"')
    fin = REEL.find("\n- departement:", debut)
    fiche = (REEL[debut:fin].replace("  telephone:\n", "  telephone: 05 55 XX XX XX\n", 1)
             .replace("  code_postal:\n", '  code_postal: "63000"\n', 1)
             .replace("  commune:\n", "  commune: Clermont-Ferrand\n", 1)
             .replace("  lien_source:\n", f"  lien_source: {SOURCE}\n", 1))
    chemin = tmp_path / "plateformes.yaml"
    chemin.write_text(REEL[:debut] + fiche + REEL[fin:], encoding="utf-8")
    with pytest.raises(DonneesInvalides) as erreur:
        charger_plateformes(chemin)
    assert sorted(p.champ for p in erreur.value.problemes) == ["code_postal", "commune", "telephone"]


def test_une_antenne_et_la_mdph_sont_verifiees_aussi(tmp_path):
    debut = REEL.index('- departement: "19"')
    fin = REEL.find("\n- departement:", debut)
    fiche = REEL[debut:fin] + (
        "\n  sites:\n    - nom: Antenne\n      code_postal: \"63000\"\n      commune: Clermont-Ferrand\n"
        "  mdph:\n    nom: MDPH de la Corrèze\n    code_postal: \"19000\"\n    commune: Brive-la-Gaillarde\n"
        f"    lien_source: {SOURCE}\n    date_maj: 2026-11-01"
    )
    chemin = tmp_path / "plateformes.yaml"
    chemin.write_text(REEL[:debut] + fiche + REEL[fin:], encoding="utf-8")
    with pytest.raises(DonneesInvalides) as erreur:
        charger_plateformes(chemin)
    assert [p.champ for p in erreur.value.problemes] == ["sites[1].code_postal", "sites[1].commune", "mdph.commune"]


def test_une_antenne_proposee_dans_une_ligne_est_refusee_a_sa_ligne():
    corps = proposition({"departement": "19", "sites": "Antenne de Clermont – 1 rue Blatin, 63000 Clermont-Ferrand",
                         "source": SOURCE, "role": "Autre"})
    with pytest.raises(PropositionRefusee) as refus:
        appliquer(corps, REEL, date=DATE)
    ligne = corps.splitlines().index("Antenne de Clermont – 1 rue Blatin, 63000 Clermont-Ferrand") + 1
    assert refus.value.problemes[0] == (
        f"Rubrique « Autres lieux d'accueil » (ligne {ligne}) : code postal : {CLERMONT_EN_CORREZE}."
    )


def test_un_code_commune_est_celui_d_une_commune_du_departement():
    assert localisation.probleme_code_insee("19272", "19") is None  # Tulle
    assert localisation.probleme_code_insee("63113", "19").startswith(
        "le code commune 63113 est celui de Clermont-Ferrand (Puy-de-Dôme), pas d'une commune de la Corrèze"
    )
    assert localisation.probleme_code_insee("19272", "19", commune="Brive-la-Gaillarde").startswith(
        "le code commune 19272 est celui de Tulle, pas de « Brive-la-Gaillarde »"
    )


def test_les_donnees_du_depot_respectent_la_regle():
    """The real file: the MDPH of Dordogne keeps its CEDEX code, Essonne's its unaccented name."""
    charger_plateformes()
