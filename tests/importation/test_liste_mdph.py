"""La liste des MDPH publiée (data/sources/mdph-2026-12.csv) : chaque valeur copiée l'est
telle que la recherche l'a lue sur la page officielle, et l'extrait committé de cette
recherche (les notes complètes sont partagées hors du dépôt) en est une copie mot pour mot."""
from __future__ import annotations

import csv
from pathlib import Path

import pytest

from .conftest import FIXTURES

LISTE_MDPH = Path(__file__).parents[2] / "data" / "sources" / "mdph-2026-12.csv"
EXTRAIT = FIXTURES / "mdph-recherche-extrait.md"
RECHERCHE = Path("/work/shared/research/mdph")  # the research notes; absent outside the project's machines
COLONNES_COPIEES = ("mdph_site_web", "mdph_adresse", "mdph_commune", "mdph_code_postal", "mdph_telephone",
                    "mdph_courriel", "mdph_lien_source")


def test_chaque_valeur_de_la_liste_des_mdph_est_dans_la_recherche():
    """Names are written in French from the research's wording; every other value is copied:
    it must be found, character for character, in the committed extract of the research."""
    extrait = EXTRAIT.read_text(encoding="utf-8")
    with LISTE_MDPH.open(encoding="utf-8", newline="") as fichier:
        lignes = list(csv.DictReader(fichier))
    absentes = [(ligne["departement"], colonne, ligne[colonne]) for ligne in lignes
                for colonne in COLONNES_COPIEES if ligne.get(colonne) and ligne[colonne] not in extrait]
    assert lignes and not absentes


@pytest.mark.skipif(not RECHERCHE.is_dir(), reason="notes de recherche absentes (hors des machines du projet)")
def test_l_extrait_de_la_recherche_est_copie_mot_pour_mot():
    recherche = "".join(p.read_text(encoding="utf-8") for p in sorted(RECHERCHE.glob("mdph-partie-*.md")))
    lignes = [ligne for ligne in EXTRAIT.read_text(encoding="utf-8").splitlines() if ligne.startswith("- ")]
    assert lignes and [ligne for ligne in lignes if ligne not in recherche] == []


DECISIONS = LISTE_MDPH.with_suffix(".md")
COLONNES_CONTACT = ("mdph_adresse", "mdph_commune", "mdph_code_postal", "mdph_telephone", "mdph_courriel")
MOTS_CONTACT = ("adresse", "commune", "coordonnées", "téléphone", "e-mail")


def _ce_qui_est_publie() -> dict[str, str]:
    """The « publié » column of the decisions table, per département (« 09, 10 » is two rows)."""
    publie = {}
    for ligne in DECISIONS.read_text(encoding="utf-8").splitlines():
        cellules = [c.strip() for c in ligne.strip("|").split("|")]
        if ligne.startswith("| ") and len(cellules) == 3 and cellules[0] not in ("dép.", "---"):
            for code in cellules[0].split(","):
                publie[code.strip()] = cellules[1]
    return publie


def test_le_tableau_des_decisions_dit_ce_que_la_liste_des_mdph_publie():
    """A reviewer reads, for each département of the list, whether a site and contacts are
    published; the table must say the same thing as the list, and « rien » elsewhere."""
    publie = _ce_qui_est_publie()
    with LISTE_MDPH.open(encoding="utf-8", newline="") as fichier:
        lignes = {ligne["departement"]: ligne for ligne in csv.DictReader(fichier)}
    ecarts = []
    for code, ligne in lignes.items():
        dit = publie.get(code, "")
        if ("site" in dit) != bool(ligne.get("mdph_site_web")):
            ecarts.append((code, "site", dit))
        if any(mot in dit for mot in MOTS_CONTACT) != any(ligne.get(c) for c in COLONNES_CONTACT):
            ecarts.append((code, "coordonnées", dit))
    ecarts += [(code, "hors de la liste", dit) for code, dit in publie.items()
               if code not in lignes and dit != "rien" and "déjà là" not in dit]
    assert len(publie) == 101 and ecarts == []
