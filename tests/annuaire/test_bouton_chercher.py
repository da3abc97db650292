"""Le bouton « Chercher » du moteur « Trouver ma plateforme » : il cherche tout de suite, mène au
seul résultat, ou montre la liste et rend le champ au clavier ; la liste au clavier reste la même."""
from __future__ import annotations

import re

import pytest

from tests.helpers.browser import SharedTab

pytestmark = pytest.mark.navigateur

TROUVER = "/trouver-ma-plateforme/"
OPTION = "#trouver-resultats [role=option]"


@pytest.fixture(scope="module")
def onglet_du_module(browser, site):
    contexte = browser.new_context(locale="fr-FR", viewport={"width": 390, "height": 844})
    contexte.set_default_timeout(15_000)
    yield SharedTab(contexte, first_visits=True)
    contexte.close()


@pytest.fixture
def onglet(onglet_du_module, site):
    page = onglet_du_module.tab
    page.goto(site.url(TROUVER), wait_until="load")
    page.wait_for_selector("#trouver-champ", state="visible")
    yield page
    onglet_du_module.clear()


def bouton(onglet):
    return onglet.get_by_role("button", name="Chercher", exact=True)


def attendre_la_liste(onglet, texte):
    """Waits for the list that appears as one types, as a reader who pauses before pressing."""
    onglet.wait_for_function(
        "texte => document.getElementById('trouver').getAttribute('data-recherche') === texte", arg=texte
    )


def test_le_bouton_mene_au_seul_resultat(onglet):
    onglet.locator("#trouver-champ").fill("villeurb")
    bouton(onglet).click()
    onglet.wait_for_url(re.compile(r"/departements/69/$"))


def test_le_bouton_marche_encore_quand_la_liste_est_ouverte(onglet):
    """Pressing the button closes the list (the field loses focus): the button must not move."""
    onglet.locator("#trouver-champ").fill("villeurb")
    attendre_la_liste(onglet, "villeurb")
    assert onglet.locator(OPTION).count() == 1
    bouton(onglet).click()
    onglet.wait_for_url(re.compile(r"/departements/69/$"))


def test_la_liste_qui_s_ouvre_ne_deplace_pas_le_bouton(onglet):
    avant = bouton(onglet).bounding_box()
    onglet.locator("#trouver-champ").fill("lyon")
    attendre_la_liste(onglet, "lyon")
    assert onglet.locator("#trouver-resultats").is_visible()
    assert bouton(onglet).bounding_box() == avant


@pytest.mark.parametrize("pause", [False, True], ids=["tout-de-suite", "apres-la-liste"])
def test_le_bouton_montre_les_resultats_et_rend_la_main_au_champ(onglet, pause):
    champ = onglet.locator("#trouver-champ")
    champ.fill("lyon")
    if pause:
        attendre_la_liste(onglet, "lyon")
    bouton(onglet).click()
    # The click takes the focus from the field, which closes the list: it opens again only
    # once the button's own search is done.
    onglet.wait_for_function("document.getElementById('trouver-champ').getAttribute('aria-expanded') === 'true'")
    assert onglet.locator(OPTION).count() == 11
    assert onglet.evaluate("document.activeElement.id") == "trouver-champ"
    assert "11 résultats" in onglet.locator("#trouver-statut").text_content()
    onglet.keyboard.press("ArrowDown")
    onglet.keyboard.press("Enter")
    onglet.wait_for_url(re.compile(r"/departements/69/$"))


def test_le_bouton_n_attend_pas_la_fin_de_la_frappe(onglet):
    """Pressed right after typing (before the list's short delay), it searches what is typed."""
    onglet.locator("#trouver-champ").press_sequentially("01200")
    onglet.keyboard.press("Tab")  # the button comes right after the field
    assert onglet.evaluate("document.activeElement.id") == "trouver-bouton"
    onglet.keyboard.press("Enter")
    onglet.wait_for_function("document.getElementById('trouver').getAttribute('data-recherche') === '01200'")
    assert onglet.locator(OPTION).count() == 2


def test_entree_sans_option_choisie_cherche_comme_le_bouton(onglet):
    champ = onglet.locator("#trouver-champ")
    champ.fill("ardeche")
    champ.press("Enter")
    onglet.wait_for_url(re.compile(r"/departements/07/$"))


def test_le_bouton_sans_rien_tape_dit_quoi_faire(onglet):
    bouton(onglet).click()
    onglet.wait_for_function("document.getElementById('trouver-statut').textContent !== ''")
    assert "Tapez d'abord" in onglet.locator("#trouver-statut").text_content()
    assert onglet.evaluate("document.activeElement.id") == "trouver-champ"
