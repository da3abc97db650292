"""Spécification : `import --rapport FICHIER` écrit le rapport en Markdown, pour la pull request.

Le fichier dit la source, la date de la liste et le résultat ; chaque conflit et chaque
remarque à relire devient une case à cocher ; chaque département a un tableau de ses
décisions (ajouté, modifié, conflit, ignoré) avec les deux valeurs et la raison. Une valeur
de la liste n'y est jamais lue comme du Markdown (lien, mention, HTML, colonne du tableau).
Un import annulé n'écrit pas de rapport.
"""
from __future__ import annotations

import datetime as dt

import markdown
import pytest
from bs4 import BeautifulSoup

from emploi_accompagne.annuaire import ecriture
from emploi_accompagne.annuaire.importation.commande import code_markdown

from .conftest import CONFIRMATION, SOURCE
from .test_commande import annuaire, ecrire, importer  # noqa: F401 (the fixture)

HOSTILE = "Plateforme | <b>gras</b> @quelquun `code` [lien](https://evil.example) *x*"


def en_html(texte: str) -> BeautifulSoup:
    return BeautifulSoup(markdown.markdown(texte, extensions=["tables"]), "html.parser")


def comme_github(cellule: str) -> str:
    """A cell's text as GitHub shows it: in a table, GFM reads `\\|` as `|`, even in a code span
    (GFM spec, tables, example 200); Python-Markdown keeps the backslash there."""
    return cellule.replace("\\|", "|")


@pytest.fixture
def liste(tmp_path, annuaire):  # noqa: F811
    texte = annuaire.read_text(encoding="utf-8")
    texte = ecriture.remplacer_fiche(texte, "29", {
        "statut_verification": "confirme", "telephone": "01 99 00 00 00", "lien_source": "https://example.org/plateforme-29",
        "confirmation": CONFIRMATION,
    })
    texte = ecriture.remplacer_fiche(texte, "56", {
        "date_maj": dt.date(2026, 9, 1), "nom": "Nom vérifié", "lien_source": "https://example.org/plateforme-56",
    })
    annuaire.write_text(texte, encoding="utf-8")
    return ecrire(tmp_path, "liste.csv",
                  f'departement,nom,telephone\n29,,01 99 00 00 01\n56,Autre nom,01 99 00 00 02\n22,"{HOSTILE}",\n')


def test_le_rapport_markdown_dit_la_source_la_date_et_chaque_decision(tmp_path, capsys, annuaire, liste):  # noqa: F811
    rapport = tmp_path / "rapport.md"
    code, sortie, _ = importer(capsys, liste, annuaire, "--rapport", str(rapport))
    assert code == 0 and f"Rapport pour la pull request : {rapport}" in sortie
    texte = rapport.read_text(encoding="utf-8")
    page = en_html(texte)
    assert page.h2.get_text() == "Import de la liste liste.csv"
    resume = page.ul.get_text()
    assert f"Source : {SOURCE}" in resume and "Date de la liste : 2026-06-01" in resume
    assert "3 départements dans la liste, 1 fiche modifiée : 1 ajouté, 0 modifié, 2 conflits, 1 ignoré" in resume
    assert "mis à jour" in resume
    # Each conflict, to tick off in the pull request.
    cases = [ligne for ligne in texte.splitlines() if ligne.startswith("- [ ] ")]
    assert len(cases) == 2
    assert "29 Finistère, conflit sur `telephone` : le fichier garde `01 99 00 00 00`, la liste donne `01 99 00 00 01`" in cases[0]
    assert "(fiche confirmée par la plateforme)" in cases[0]
    # One table per département with decisions: every row has its five cells.
    tableaux = page.find_all("table")
    assert len(tableaux) == 3
    lignes = [[comme_github(td.get_text()) for td in tr.find_all("td")] for t in tableaux for tr in t.find_all("tr")[1:]]
    assert all(len(l) == 5 for l in lignes)
    assert ["ajouté", "nom", "(vide)", HOSTILE, ""] in lignes
    assert ["ignoré", "telephone", "(vide)", "01 99 00 00 02",
            "fiche vérifiée le 2026-09-01 sur sa source, après la date de la liste"] in lignes


def test_une_valeur_de_la_liste_reste_du_texte_dans_le_rapport(tmp_path, capsys, annuaire, liste):  # noqa: F811
    rapport = tmp_path / "rapport.md"
    importer(capsys, liste, annuaire, "--rapport", str(rapport))
    page = en_html(rapport.read_text(encoding="utf-8"))
    assert not page.find("b") and not page.find("a") and not page.find("em")
    [cellule] = [c for c in page.find_all("code") if "gras" in c.get_text()]
    assert comme_github(cellule.get_text()) == HOSTILE


@pytest.mark.parametrize("valeur", ["a|b", "`", "``x`", " ", "a `b` c", "fin`"])
def test_code_markdown_rend_le_texte_tel_quel(valeur):
    cellule = en_html(f"| a |\n|---|\n| {code_markdown(valeur)} |").find("td")
    assert comme_github(cellule.get_text()).strip() == " ".join(valeur.split())


def test_un_essai_ecrit_aussi_le_rapport_et_le_dit(tmp_path, capsys, annuaire, liste):  # noqa: F811
    avant = annuaire.read_bytes()
    rapport = tmp_path / "rapport.md"
    code, _, _ = importer(capsys, liste, annuaire, "--dry-run", "--rapport", str(rapport))
    assert code == 0 and annuaire.read_bytes() == avant
    assert "Essai (--dry-run) : rien n'a été écrit." in rapport.read_text(encoding="utf-8")


def test_un_import_annule_n_ecrit_pas_de_rapport(tmp_path, capsys, annuaire):  # noqa: F811
    liste = ecrire(tmp_path, "liste.csv", "departement,telephone\n29,08 99 00 00 00\n")
    rapport = tmp_path / "rapport.md"
    code, _, erreur = importer(capsys, liste, annuaire, "--rapport", str(rapport))
    assert code == 1 and "Import annulé" in erreur
    assert not rapport.exists()
