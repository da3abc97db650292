"""Where an accessibility engine is wrong: each exception of tests/helpers/moteurs.EXCEPTIONS
names one rule on one element, and a test here proves that the failure it reports does not
happen (and that the engine still reports it, so that a stale exception is noticed).

The engines themselves run on every page (axe-core, tests/site/test_accessibilite.py) and on
one page of each kind in each of its states (all three, tests/site/test_types_de_page.py).
"""
from __future__ import annotations

import pytest

from tests.helpers import moteurs
from tests.helpers.clavier import TELEPHONE, Tabs

pytestmark = pytest.mark.navigateur


@pytest.fixture(scope="module")
def tabs(browser, site):
    if moteurs.missing_scripts():
        pytest.fail(f"missing {moteurs.missing_scripts()}: run `npm ci` (or `make test`).", pytrace=False)
    opened = Tabs(browser, site)
    yield opened
    opened.close()


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
