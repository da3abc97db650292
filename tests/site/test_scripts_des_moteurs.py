"""The engines' scripts reach each page the way tests/helpers/browser.add_script says.

A page of the test server loads each engine from that server (tests/helpers/server.TEST_TOOLS),
as a script of the page's own origin: Chromium compiles it once for all the pages of a
renderer, and its megabytes do not go through Playwright's pipe. A page of no origin gets
the source sent over. The server serves node_modules' files there, and nothing outside them.
"""
from __future__ import annotations

import http.client
from urllib.parse import urlsplit

import pytest

from tests.helpers import moteurs
from tests.helpers.browser import AXE_SCRIPT, add_script, tool_path
from tests.helpers.server import TEST_TOOLS

pytestmark = pytest.mark.navigateur


def test_chaque_page_du_site_charge_les_moteurs_depuis_son_propre_serveur(browser, site):
    context = moteurs.new_context(browser)
    try:
        tab = context.new_page()
        requested: list[str] = []
        tab.on("request", lambda request: requested.append(request.url))
        for path in ("/", "/faq/"):  # each document loads its own
            tab.goto(site.url(path), wait_until="load")
            requested.clear()
            for engine, name in moteurs.GLOBALS.items():
                add_script(tab, moteurs.SCRIPTS[engine])
                assert tab.evaluate(f"typeof window.{name}") != "undefined", f"{engine} not run on {path}"
            tools = [url for url in requested if TEST_TOOLS in url]
            expected = [site.origin + tool_path(script) for script in moteurs.SCRIPTS.values()]
            assert tools == expected
    finally:
        context.close()


def test_une_page_sans_origine_recoit_la_source(browser):
    tab = browser.new_page()
    try:
        tab.set_content('<html lang="fr"><head><title>t</title></head><body></body></html>')
        add_script(tab, AXE_SCRIPT)
        assert tab.evaluate("typeof window.axe") == "object"
    finally:
        tab.close()


def _get(site, path: str) -> http.client.HTTPResponse:
    """The raw answer to `path`, sent as is (a browser would resolve the dots itself)."""
    where = urlsplit(site.origin)
    connection = http.client.HTTPConnection(where.hostname, where.port, timeout=30)
    connection.request("GET", path)
    response = connection.getresponse()
    response.read()
    connection.close()
    return response


def test_le_serveur_ne_sert_sous_ce_chemin_que_les_fichiers_de_node_modules(site):
    assert _get(site, TEST_TOOLS + "axe-core/axe.min.js").status == 200
    assert _get(site, TEST_TOOLS + "../package.json").status == 404
    assert _get(site, TEST_TOOLS + "%2e%2e/package.json").status == 404
    assert _get(site, TEST_TOOLS + "axe-core/").status == 404
