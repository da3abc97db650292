"""The engines' scripts reach each page the way tests/helpers/browser.py says.

A context made for the engines keeps their sources as text in every new document
(`keep_scripts`), and `add_script` runs that copy: the 1.7 MB are sent to Chromium once per
context, not once per page. A context that keeps nothing gets the source sent over, as before.
Each test hands `add_script` a stand-in source that only marks the page: it runs only where
nothing was kept.
"""
from __future__ import annotations

import pytest

from tests.helpers import moteurs
from tests.helpers.browser import add_script

pytestmark = pytest.mark.navigateur

STAND_IN = "window.__eaSourceEnvoyee = true;"
SENT = "() => window.__eaSourceEnvoyee === true"


def test_un_contexte_des_moteurs_les_garde_dans_chaque_nouveau_document(browser, site):
    context = moteurs.new_context(browser, engines=True)
    try:
        tab = context.new_page()
        for path in ("/", "/faq/"):  # a second document gets its own copy
            tab.goto(site.url(path), wait_until="load")
            for engine, name in moteurs.GLOBALS.items():
                add_script(tab, engine, STAND_IN)
                assert tab.evaluate(f"typeof window.{name}") != "undefined", f"{engine} not run on {path}"
            assert not tab.evaluate(SENT), f"a source was sent over on {path}: the kept copy was not used"
    finally:
        context.close()


def test_sans_copie_gardee_la_source_est_envoyee(browser, site):
    context = moteurs.new_context(browser)
    try:
        tab = context.new_page()
        tab.goto(site.url("/"), wait_until="load")
        add_script(tab, "axe", STAND_IN)
        assert tab.evaluate(SENT)
        assert tab.evaluate("typeof window.axe") == "undefined"
    finally:
        context.close()
