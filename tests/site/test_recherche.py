"""Search: reading a page does not download the search engine; opening the search does,
and it finds a département typed without accents."""
import pytest

from tests.helpers import recherche_du_site

pytestmark = pytest.mark.navigateur

SEARCH_FILES = ("search_index.json", "/workers/search.", "/lunr/", "/assets/recherche.")


def test_la_recherche_ne_se_charge_qu_a_la_demande_et_trouve_un_departement_sans_accent(browser, site):
    page = browser.new_page()
    recherche_du_site.preparer(page.context)  # the results shown are those of the whole query
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    try:
        page.goto(site.url("/personnes/"), wait_until="networkidle")
        assert not [u for u in requested if any(f in u for f in SEARCH_FILES)], requested
        page.wait_for_function("document.documentElement.classList.contains('js')")  # Material's search is ready
        page.locator("input.md-search__input").click()  # Material's one-key shortcuts are off (RGAA 12.10)
        page.wait_for_function("document.activeElement && document.activeElement.matches('input.md-search__input')")
        resultats = recherche_du_site.chercher(page, "ardeche")
        assert resultats and "Ardèche (07)" in resultats[0].titre, [str(r) for r in resultats[:3]]
        assert any("search_index.json" in u for u in requested)
    finally:
        page.close()
