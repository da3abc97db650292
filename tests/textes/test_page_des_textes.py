"""La page « Textes de référence » : chaque texte a un lien direct, la chronologie a le
1er janvier 2025 et le 31 décembre 2025, et chaque date « en vigueur depuis » du tableau
des articles est celle du code consolidé (elle change avec lui, le test le dit)."""
from __future__ import annotations

import datetime as dt
import re

import pytest

from emploi_accompagne import textes
from emploi_accompagne.annuaire.francais import MOIS, date_en_mots
from tests.helpers.site import ROOT

PAGE = ROOT / "docs" / "textes-de-reference.md"
LIGNE_DU_TABLEAU = re.compile(r"^\| \[(?P<etiquette>[LRD]\. [\d-]+)\]\[\] \| (?P<quoi>[^|]+) \| (?P<date>[^|]+) \|$", re.MULTILINE)


@pytest.fixture(scope="module")
def page() -> str:
    return PAGE.read_text(encoding="utf-8")


def _iso(en_mots: str) -> str:
    jour, mois, annee = en_mots.strip().split(" ")
    return dt.date(int(annee), MOIS.index(mois) + 1, int(jour.removesuffix("er"))).isoformat()


def test_chaque_date_du_tableau_est_celle_de_la_version_en_vigueur(page):
    extrait = textes.charger_extrait()
    lignes = list(LIGNE_DU_TABLEAU.finditer(page))
    assert len(lignes) >= 10, "the table of the Code du travail articles"
    ecarts = []
    for ligne in lignes:
        numero = ligne.group("etiquette").replace(". ", "")
        article = extrait.article(numero)
        if _iso(ligne.group("date")) != article.debut:
            selon_le_code = date_en_mots(dt.date.fromisoformat(article.debut))
            ecarts.append(f"{article.lisible} : la page dit {ligne.group('date').strip()}, le code consolidé {selon_le_code}")
    assert not ecarts, "\n".join(ecarts)


def test_la_page_dit_la_version_du_code_verifiee(page):
    version = dt.date.fromisoformat(textes.charger_extrait().source["version_du_code"])
    assert f"version du {date_en_mots(version)}" in page


def test_la_chronologie_a_les_jalons_de_2025(page):
    titres = re.findall(r"^### (.+)$", page, re.MULTILINE)
    for jalon in ("1er janvier 2025", "31 décembre 2025", "1er décembre 2025", "30 juillet 2020", "1er janvier 2026"):
        assert any(titre.startswith(jalon) for titre in titres), f"no « {jalon} » in the chronology"


def test_chaque_texte_date_de_la_chronologie_a_un_lien_direct_ou_dit_pourquoi(page):
    sections = re.split(r"^### ", page, flags=re.MULTILINE)[1:]
    for section in sections:
        titre = section.splitlines()[0]
        if not re.match(r"\d", titre):
            continue
        nomme_un_texte = re.search(r"\b(loi|décret|arrêté|circulaire) n°|arrêté du", section)
        if nomme_un_texte:
            lie = "legifrance.gouv.fr" in section or textes.etiquettes_d_articles(section)
            assert lie or "lien direct" in section, f"« {titre} » : no direct link, and no word on why"
