"""Après l'envoi, la personne sait ce qui se passe : qui lit, en combien de temps, l'appel au
numéro publié par la MDPH ou l'ARS avant de publier, et la mention « confirmée par la plateforme »."""
from __future__ import annotations

import pytest

from emploi_accompagne.annuaire import pages

from .test_proposer import AVEC_TOUT, SANS_COURRIEL, html_de

ETAPES = [
    "Un responsable bénévole de l'annuaire lit votre proposition",
    "dans les deux semaines",
    "au numéro publié par la MDPH ou par l'ARS",
    "Vous n'avez rien d'autre à faire",
    "« confirmée par la plateforme elle-même »",
]


@pytest.fixture(scope="module")
def page():
    return html_de(AVEC_TOUT)


def _texte(element) -> str:
    return " ".join(element.get_text(" ").split())


def test_la_page_dit_ce_qui_se_passe_avant_meme_de_remplir(page):
    avant = page.find(id="proposer-ensuite-avant")
    assert avant.find_previous("form") is None, "avant le formulaire, lisible sans JavaScript"
    assert avant.find("h2").get_text() == "Et ensuite ?"
    for etape in ETAPES:
        assert etape in _texte(avant)


def test_le_resultat_de_l_envoi_redit_ce_qui_se_passe_ensuite(page):
    apres = page.find(id="proposer-ensuite-apres")
    assert apres.find_parent(id="proposer-resultat") is not None
    assert not apres.has_attr("data-cas"), "montré pour l'e-mail, la copie et GitHub"
    assert apres.find("h3").get_text() == "Et ensuite ?", "sous le titre h2 du résultat"
    for etape in ETAPES:
        assert etape in _texte(apres)


@pytest.mark.parametrize("parametres", [SANS_COURRIEL, pages.ParametresSite(courriel_propositions="p@example.org")])
def test_ce_qui_se_passe_ensuite_est_dit_par_chaque_voie(parametres):
    page = html_de(parametres)
    for identifiant in ("proposer-ensuite-avant", "proposer-ensuite-apres"):
        assert "au numéro publié par la MDPH ou par l'ARS" in _texte(page.find(id=identifiant))
