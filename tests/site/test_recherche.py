"""Search: reading a page does not download the search engine; opening the search does,
and it finds a département typed without accents."""
import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

pytestmark = pytest.mark.navigateur

SEARCH_FILES = ("search_index.json", "/workers/search.", "/lunr/", "/assets/recherche.")
ARDECHE_FIRST = """() => {
  const first = document.querySelector('.md-search-result__item');
  return document.querySelector('input.md-search__input').value === 'ardeche'
    && !!first && first.innerText.includes('Ardèche (07)');
}"""


def test_la_recherche_ne_se_charge_qu_a_la_demande_et_trouve_un_departement_sans_accent(browser, site):
    page = browser.new_page()
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    try:
        page.goto(site.url("/personnes/"), wait_until="networkidle")
        assert not [u for u in requested if any(f in u for f in SEARCH_FILES)], requested
        page.wait_for_function("document.documentElement.classList.contains('js')")  # Material's search is ready
        page.locator("input.md-search__input").click()  # Material's one-key shortcuts are off (RGAA 12.10)
        page.wait_for_function("document.activeElement && document.activeElement.matches('input.md-search__input')")
        page.keyboard.type("ardeche")
        # Results come as one types ("ard" first): wait for those of the whole word.
        try:
            page.wait_for_function(ARDECHE_FIRST, timeout=15_000)
        except PlaywrightTimeout:
            premiers = page.locator(".md-search-result__item").all_inner_texts()[:3]
            pytest.fail(f"« ardeche » : first results {premiers}, expected Ardèche (07)", pytrace=False)
        assert any("search_index.json" in u for u in requested)
    finally:
        page.close()
