"""Spécification : une page de département parle au public ; ce qui ne sert qu'aux contributeurs
(état de la fiche, fichier des données, GitHub) est dans une section « Pour les contributeurs »,
fermée, à la fin de la page.

Read on the generated Markdown of every département, with a repository address so that the
GitHub links exist.
"""
from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from emploi_accompagne import referentiel
from emploi_accompagne.annuaire import chemins
from tests.annuaire.test_pages import en_html

CODES = [dep.code for dep in referentiel.departements()]
# What only someone who maintains the directory needs to read.
POUR_CONTRIBUTEURS = ("État de la fiche", "plateformes.yaml", "github.com", "fichier des données", chemins.PAGE_CONTRIBUER)


def section_contributeurs(soupe: BeautifulSoup):
    [section] = soupe.select("details.annuaire-contributeurs")
    return section


@pytest.mark.parametrize("code", CODES)
def test_ce_qui_ne_sert_qu_aux_contributeurs_est_dans_une_section_fermee(fichiers, code):
    soupe = BeautifulSoup(en_html(fichiers[chemins.chemin_page(code)]), "html.parser")
    section = section_contributeurs(soupe).extract()
    assert not section.has_attr("open")
    assert section.summary.get_text(strip=True) == "Pour les contributeurs"
    dedans = str(section)
    assert "État de la fiche" in dedans and "github.com" in dedans and "plateformes.yaml" in dedans
    reste = str(soupe)
    assert not [mot for mot in POUR_CONTRIBUTEURS if mot in reste]


def test_la_section_des_contributeurs_vient_apres_tout_ce_qui_sert_au_lecteur(fichiers):
    soupe = BeautifulSoup(en_html(fichiers[chemins.chemin_page("07")]), "html.parser")
    section = section_contributeurs(soupe)
    assert not section.find_next_siblings(["h2", "h3", "ul", "div"])
    # The reader keeps the source, its date, and a way to report a mistake.
    sources = soupe.select_one(".annuaire-source")
    assert "vérifiée le" in sources.get_text() and sources.find("a", string="Signaler une correction")
