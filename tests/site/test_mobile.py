"""At 320 CSS px wide (WCAG 1.4.10 reflow), no page scrolls sideways."""
import pytest

from tests.helpers.browser import NARROW

pytestmark = pytest.mark.navigateur

OVERFLOW = """() => {
  const width = document.documentElement.clientWidth;
  const wide = [...document.querySelectorAll('body *')]
    .filter(e => e.getBoundingClientRect().right > width + 1 && getComputedStyle(e).visibility !== 'hidden')
    .slice(0, 8)
    .map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (typeof e.className === 'string' && e.className ? '.' + e.className.trim().split(/\\s+/).join('.') : '')
      + ' (right: ' + Math.round(e.getBoundingClientRect().right) + 'px)');
  return {scrollWidth: document.documentElement.scrollWidth, clientWidth: width, wide};
}"""


def test_no_horizontal_scroll_at_320px(site_page, site, browsing):
    result = browsing.open(site_page, "light", NARROW).evaluate(OVERFLOW)
    assert result["scrollWidth"] <= result["clientWidth"], (
        f"{site.url(site_page)} at 320px: scrollWidth {result['scrollWidth']} > clientWidth {result['clientWidth']}; "
        f"elements past the right edge: {result['wide']}"
    )


def test_no_horizontal_scroll_at_320px_before_or_without_javascript(site, browser):
    # Every reader sees the page in this state until the scripts have run, some for good.
    contexte = browser.new_context(viewport=NARROW, java_script_enabled=False)
    try:
        onglet = contexte.new_page()
        debordent = {}
        for site_page in site.pages:
            onglet.goto(site.url(site_page), wait_until="load")
            result = onglet.evaluate(OVERFLOW)
            if result["scrollWidth"] > result["clientWidth"]:
                debordent[site_page.path] = f"scrollWidth {result['scrollWidth']}: {result['wide']}"
        assert debordent == {}
    finally:
        contexte.close()
