"""L'extrait du Code du travail (data/code-du-travail.json) est la dérivation exacte du code
consolidé épinglé (@socialgouv/legi-data) pour les articles que le site cite : une version
du paquet qui modifie ou abroge un article cité fait échouer un test qui nomme l'article."""
from __future__ import annotations

import copy
import json

import pytest

from emploi_accompagne import textes
from tests.helpers.modules import load_module
from tests.helpers.site import ROOT


@pytest.fixture(scope="module")
def derivation():
    if not (textes.DOSSIER_DU_PAQUET / "data" / f"{textes.CODE_DU_TRAVAIL}.json").exists():
        pytest.fail(
            "node_modules/@socialgouv/legi-data is missing: run `npm ci` (`make test` installs it) "
            "to check data/code-du-travail.json against the consolidated Code du travail."
        )
    return load_module("scripts/extraire_textes.py", "extraire_textes").derive()


def test_chaque_article_de_l_extrait_est_celui_du_code_consolide(derivation):
    engage = json.loads(textes.EXTRAIT.read_text(encoding="utf-8"))
    ecarts = textes.differences(engage, derivation)
    assert not ecarts, "data/code-du-travail.json n'est plus à jour (lancer `make textes`) :\n" + "\n".join(ecarts)


def test_le_fichier_de_l_extrait_est_ecrit_comme_la_derivation_l_ecrit(derivation):
    assert textes.EXTRAIT.read_text(encoding="utf-8") == textes.texte_de_l_extrait(derivation), "lancer `make textes`"


def test_l_extrait_vient_du_paquet_epingle():
    paquet = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))["devDependencies"][textes.PAQUET]
    assert paquet == textes.VERSION_DU_PAQUET, "package.json et emploi_accompagne/textes.py doivent épingler la même version"
    verrou = json.loads((ROOT / "package-lock.json").read_text(encoding="utf-8"))
    assert verrou["packages"][f"node_modules/{textes.PAQUET}"]["version"] == textes.VERSION_DU_PAQUET
    assert textes.charger_extrait().source["version"] == textes.VERSION_DU_PAQUET


# --- What a later version of the package would do, on a small code of the same shape ------------

MS_2025 = 1735689600000  # 1 January 2025, 00:00 UTC
MS_SANS_FIN = 32472144000000  # the package's « 2999-01-01 »
PAQUET = {"nom": "@socialgouv/legi-data", "version": "9.9.9"}


def _article(numero: str, identifiant: str, etat: str = "VIGUEUR", texte: str = "Texte.") -> dict:
    return {
        "type": "article",
        "data": {
            "num": numero,
            "id": identifiant,
            "cid": identifiant,
            "etat": etat,
            "dateDebut": MS_2025,
            "dateFin": MS_SANS_FIN,
            "articleVersions": [{"id": identifiant, "etat": etat, "dateDebut": MS_2025, "dateFin": MS_SANS_FIN}],
            "lienModifications": [
                {"textCid": "JORFTEXT000048581935", "textTitle": "LOI n°2023-1196 du 18 décembre 2023 - art. 10 (V)", "linkType": "MODIFIE"}
            ],
            "nota": "",
            "texte": texte,
        },
    }


def _code(*articles: dict) -> dict:
    section = {"type": "section", "data": {"title": "Section"}, "children": list(articles)}
    return {"type": "code", "data": {"id": "LEGITEXT000006072050", "title": "Code du travail", "dateDebutVersion": "2026-03-27"}, "children": [section]}


@pytest.fixture
def code():
    return _code(_article("L5213-2-1", "LEGIARTI000048590283"), _article("D5213-89", "LEGIARTI000033730555"))


def test_un_article_modifie_est_nomme(code):
    engage = textes.extraire(code, ["L5213-2-1", "D5213-89"], [], PAQUET)
    nouveau = copy.deepcopy(code)
    nouveau["children"][0]["children"][0]["data"].update(id="LEGIARTI000099999999", texte="Texte réécrit.")
    ecarts = textes.differences(engage, textes.extraire(nouveau, ["L5213-2-1", "D5213-89"], [], PAQUET))
    assert ecarts and all(ligne.startswith("article L. 5213-2-1 :") for ligne in ecarts), ecarts
    assert any("« id »" in ligne and "LEGIARTI000099999999" in ligne for ligne in ecarts)
    assert any("« texte »" in ligne for ligne in ecarts)


def test_un_article_abroge_est_nomme(code):
    engage = textes.extraire(code, ["L5213-2-1", "D5213-89"], [], PAQUET)
    nouveau = copy.deepcopy(code)
    nouveau["children"][0]["children"][1]["data"]["etat"] = "ABROGE"
    assert textes.differences(engage, textes.extraire(nouveau, ["L5213-2-1", "D5213-89"], [], PAQUET)) == [
        "article D. 5213-89 : « etat » a changé dans le code consolidé (VIGUEUR → ABROGE)"
    ]


def test_un_article_disparu_du_code_est_nomme(code):
    nouveau = copy.deepcopy(code)
    del nouveau["children"][0]["children"][1]
    with pytest.raises(textes.ExtractionImpossible) as erreur:
        textes.extraire(nouveau, ["L5213-2-1", "D5213-89"], [], PAQUET)
    assert erreur.value.problemes == ["article D. 5213-89 : introuvable dans le Code du travail de @socialgouv/legi-data 9.9.9"]


def test_un_texte_que_le_code_ne_nomme_pas_n_est_pas_un_identifiant_verifie(code):
    extrait = textes.extraire(code, [], ["JORFTEXT000048581935"], PAQUET)
    assert extrait["textes"] == [{"id": "JORFTEXT000048581935", "titre": "LOI n°2023-1196 du 18 décembre 2023"}]
    with pytest.raises(textes.ExtractionImpossible) as erreur:
        textes.extraire(code, [], ["JORFTEXT000012345678"], PAQUET)
    assert "JORFTEXT000012345678" in erreur.value.problemes[0]


def test_les_dates_du_paquet_deviennent_des_dates_iso(code):
    (article,) = textes.extraire(code, ["D5213-89"], [], PAQUET)["articles"]
    assert (article["debut"], article["fin"]) == ("2025-01-01", None)
