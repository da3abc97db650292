"""La question du département, dans Chromium : un champ raccourcit la liste des 101 départements,
annonce poliment combien il en reste, et sans JavaScript la liste entière reste."""
from __future__ import annotations

import re

import pytest

from tests.helpers.browser import SharedTab

pytestmark = pytest.mark.navigateur

PAGE = "/est-ce-pour-moi/departement-conseiller/"
LIENS_VISIBLES = "() => [...document.querySelectorAll('#liste-departements a')].filter(a => a.offsetParent).map(a => a.textContent.trim())"
TITRES_VISIBLES = "() => [...document.querySelectorAll('#liste-departements h2')].filter(h => h.offsetParent).map(h => h.textContent.trim())"


@pytest.fixture(scope="module")
def onglet_du_module(browser, site):
    contexte = browser.new_context(locale="fr-FR", viewport={"width": 390, "height": 844})
    contexte.set_default_timeout(15_000)
    yield SharedTab(contexte, first_visits=True)
    contexte.close()


@pytest.fixture
def onglet(onglet_du_module, site):
    page = onglet_du_module.tab
    page.goto(site.url(PAGE), wait_until="load")
    page.wait_for_function("() => !document.getElementById('filtre-departements').hidden")
    yield page
    onglet_du_module.clear()


def filtrer(onglet, texte: str) -> list[str]:
    champ = onglet.get_by_label("Raccourcir la liste")
    champ.fill("")
    champ.press_sequentially(texte)
    onglet.wait_for_function(
        "(t) => document.getElementById('filtre-departements').getAttribute('data-filtre') === t", arg=texte
    )
    return onglet.evaluate(LIENS_VISIBLES)


def test_taper_nord_ne_laisse_que_le_nord_et_l_annonce(onglet):
    assert filtrer(onglet, "nord") == ["Nord (59)"]
    assert onglet.evaluate(TITRES_VISIBLES) == ["Hauts-de-France"]
    statut = onglet.locator("#filtre-departements-statut")
    assert statut.get_attribute("role") == "status"
    assert statut.text_content() == "1 département correspond, juste en dessous."


@pytest.mark.parametrize(
    ("texte", "attendus"),
    [("ardeche", ["Ardèche (07)"]), ("Côtes", ["Côtes-d'Armor (22)"]), ("2a", ["Corse-du-Sud (2A)"]),
     ("savoie", ["Savoie (73)", "Haute-Savoie (74)"])],
)
def test_nom_sans_accent_mot_du_nom_ou_numero(onglet, texte, attendus):
    assert filtrer(onglet, texte) == attendus


def test_rien_ne_correspond_puis_effacer_rend_toute_la_liste(onglet):
    assert filtrer(onglet, "zzz") == []
    assert "Aucun département ne correspond" in onglet.locator("#filtre-departements-statut").text_content()
    assert len(filtrer(onglet, "")) == 101
    assert onglet.locator("#filtre-departements-statut").text_content() == ""


def test_entree_avec_un_seul_departement_ouvre_le_resultat(onglet):
    filtrer(onglet, "finist")
    onglet.get_by_label("Raccourcir la liste").press("Enter")
    onglet.wait_for_url(re.compile(r"/est-ce-pour-moi/demander-a-mon-conseiller/#departement-29$"))


def test_sans_javascript_pas_de_champ_et_les_101_departements(browser, site):
    contexte = browser.new_context(java_script_enabled=False)
    try:
        page = contexte.new_page()
        page.goto(site.url(PAGE), wait_until="load")
        assert page.locator("#filtre-departements").is_hidden()
        assert len(page.evaluate(LIENS_VISIBLES)) == 101
    finally:
        contexte.close()
