"""Le département choisi, dans Chromium : montré par l'adresse (#departement-69) avec ou sans
JavaScript, la page restant en haut ; gardé quand l'adresse change ensuite (lien d'évitement)."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.navigateur

RESULTAT = "/est-ce-pour-moi/demander-a-mon-conseiller/"
VISIBLES = "() => [...document.querySelectorAll('.questionnaire-departement')].filter(e => e.offsetParent).map(e => e.id)"


@pytest.fixture(params=[True, False], ids=["avec-javascript", "sans-javascript"])
def onglet(request, browser):
    contexte = browser.new_context(locale="fr-FR", viewport={"width": 390, "height": 844}, java_script_enabled=request.param)
    contexte.set_default_timeout(15_000)
    yield contexte.new_page()
    contexte.close()


def test_le_departement_de_l_adresse_est_le_seul_montre_et_la_page_reste_en_haut(onglet, site):
    onglet.goto(site.url(RESULTAT + "#departement-69"), wait_until="load")
    assert onglet.evaluate(VISIBLES) == ["departement-69"]
    assert "Rhône (69)" in onglet.locator("#departement-69").inner_text()
    assert onglet.evaluate("scrollY") == 0, "the page jumped to the block: its title is out of sight"


def test_sans_departement_aucun_bloc_n_est_montre(onglet, site):
    onglet.goto(site.url(RESULTAT), wait_until="load")
    assert onglet.evaluate(VISIBLES) == []
    assert onglet.get_by_role("link", name="Choisir mon département dans la liste").is_visible()


def test_le_departement_reste_montre_apres_le_lien_d_evitement(browser, site):
    contexte = browser.new_context(locale="fr-FR", viewport={"width": 1280, "height": 900})
    page = contexte.new_page()
    try:
        page.goto(site.url(RESULTAT + "#departement-2a"), wait_until="load")
        # Arriving on the fragment, the next Tab goes to the block's own link; the skip link is before it.
        page.locator(".md-skip").focus()
        page.keyboard.press("Enter")  # « Aller au contenu »: the address's fragment changes
        page.wait_for_function("location.hash !== '#departement-2a'")
        assert page.evaluate("location.pathname") == RESULTAT
        assert page.evaluate(VISIBLES) == ["departement-2a"]
    finally:
        contexte.close()
