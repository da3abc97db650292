"""IBM Equal Access and HTML_CodeSniffer, beside axe-core (tests/site/test_accessibilite.py):
no violation on any page, and none in what only a phone shows (menu open, search open).

- IBM Equal Access (accessibility-checker-engine): rule set WCAG 2.2, failed violations;
- HTML_CodeSniffer: WCAG2AA, errors.

Where an engine is wrong, tests/helpers/moteurs.EXCEPTIONS names one rule on one element,
and a test here proves that the failure it reports does not happen (and that the engine
still reports it, so that a stale exception is noticed).
"""
from __future__ import annotations

import pytest

from tests.helpers import moteurs
from tests.helpers.clavier import TELEPHONE, Tabs

pytestmark = pytest.mark.navigateur

# Contrast is what differs between the schemes: the dark one on one page of each kind.
DARK_PAGES = ["/", "/employeurs/", "/facile-a-lire/pour-qui/", "/glossaire/", "/trouver-ma-plateforme/",
              "/departements/", "/departements/01/", "/404.html"]
PHONE_PAGES = ["/", "/trouver-ma-plateforme/", "/departements/01/"]


@pytest.fixture(scope="module")
def tabs(browser, site):
    if moteurs.missing_scripts():
        pytest.fail(f"missing {moteurs.missing_scripts()}: run `npm ci` (or `make test`).", pytrace=False)
    opened = Tabs(browser, site)
    yield opened
    opened.close()


def violations(tab, engines) -> list[dict]:
    found = [violation for engine in engines for violation in moteurs.run_engine(tab, engine)]
    return [violation for violation in found if not moteurs.is_exception(violation)]


def test_no_violation_ibm_htmlcs(site_page, browsing):
    """On the load that axe-core checks too (tests/helpers/browser.py), light scheme."""
    visit = browsing.visit(site_page, "light")
    found = [violation for violation in visit.engine_violations if not moteurs.is_exception(violation)]
    assert not found, moteurs.format_violations(visit.url, found)


@pytest.mark.parametrize("path", DARK_PAGES)
def test_no_violation_ibm_htmlcs_dark(path, tabs):
    tab = tabs.open(path, "dark")
    found = violations(tab, ["ibm", "htmlcs"])
    assert not found, moteurs.format_violations(tab.url, found) + "\n(dark scheme)"


def _open_menu(tab):
    tab.locator('.md-header [data-ea-bascule="__drawer"][aria-expanded]').click()
    tab.wait_for_function("document.getElementById('__drawer').checked")


def _open_search(tab):
    tab.locator('.md-header [data-ea-bascule="__search"][aria-expanded]').click()
    tab.keyboard.type("emploi", delay=20)
    tab.wait_for_selector(".md-search-result__link")


STATES = {"closed": lambda tab: None, "menu open": _open_menu, "search open": _open_search}


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("path", PHONE_PAGES)
def test_no_violation_on_a_phone(path, state, scheme, tabs):
    tab = tabs.open(path, scheme, TELEPHONE)
    STATES[state](tab)
    found = violations(tab, ["axe", "ibm", "htmlcs"])
    assert not found, moteurs.format_violations(tab.url, found) + f"\n(390 px, {state}, scheme: {scheme})"


def _still_reported(tab, element: str) -> bool:
    return any(moteurs.is_exception(v) and moteurs.element_of(v) == element for v in moteurs.run_engine(tab, "htmlcs"))


def test_taper_dans_la_recherche_du_site_ne_change_pas_de_contexte(tabs):
    """HTML_CodeSniffer H32.2 (a form without a submit button) on Material's search form: the
    search runs as one types and nothing changes context (WCAG 3.2.2): same page, focus kept."""
    tab = tabs.open("/", viewport=TELEPHONE)
    url = tab.url
    tab.locator('.md-header [data-ea-bascule="__search"][aria-expanded]').click()
    tab.keyboard.type("emploi accompagné", delay=20)
    tab.wait_for_selector(".md-search-result__link")
    assert tab.url == url
    assert tab.evaluate("document.activeElement.classList.contains('md-search__input')")
    assert _still_reported(tab, "form.md-search__form"), "HTML_CodeSniffer no longer reports it: drop the exception"


def test_remplir_le_message_ne_change_pas_de_contexte(tabs):
    """HTML_CodeSniffer H32.2 on the form of the ready-made message: the message is written as
    one types, in the same page; nothing is sent (WCAG 3.2.2)."""
    tab = tabs.open("/preparer-ma-demande/message/")
    url = tab.url
    champ = tab.locator("#message-nom")
    champ.focus()
    tab.keyboard.type("Camille Exemple", delay=20)
    tab.wait_for_function("document.getElementById('message-texte').value.includes('Camille Exemple')")
    tab.keyboard.press("Enter")  # a form's implicit submission: nothing happens either
    assert tab.url.split("#")[0] == url.split("#")[0]
    assert tab.evaluate("document.activeElement.id") == "message-nom"
    assert _still_reported(tab, "form#message.message"), "HTML_CodeSniffer no longer reports it: drop the exception"


def test_le_trouveur_a_un_bouton_d_envoi_et_n_a_plus_besoin_d_exception(tabs):
    tab = tabs.open("/trouver-ma-plateforme/")
    assert tab.locator("form#trouver button[type=submit]").count() == 1
    assert not _still_reported(tab, "form#trouver.trouver")
