"""Zero axe-core violation on every page, in the light and in the dark colour scheme.

Rules: WCAG 2.0, 2.1 and 2.2 levels A and AA, and axe's best practices.
"""
import pytest

from tests.helpers.browser import AXE_TAGS, SCHEMES, format_axe_violations

pytestmark = pytest.mark.navigateur


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_axe_violation(site_page, scheme, browsing):
    visit = browsing.visit(site_page, scheme)
    assert visit.body_scheme == SCHEMES[scheme], (
        f"{visit.url}: with prefers-color-scheme: {scheme} the page shows the "
        f"{visit.body_scheme!r} palette, expected {SCHEMES[scheme]!r}"
    )
    assert not visit.axe_violations, format_axe_violations(visit.url, visit.axe_violations) + f"\n(tags: {AXE_TAGS}, scheme: {scheme})"


def test_scheme_follows_the_system_preference_on_each_visit(site, browsing):
    """The scheme follows the system, live and on each visit (Material would keep the first one)."""
    home = site.pages[0]
    tab = browsing.context("light").new_page()
    try:
        tab.goto(site.url(home), wait_until="load")
        tab.wait_for_function("document.documentElement.classList.contains('js')")
        assert tab.evaluate("document.body.dataset.mdColorScheme") == "default"
        tab.emulate_media(color_scheme="dark")
        tab.wait_for_function("document.body.dataset.mdColorScheme === 'slate'", timeout=5000)
        tab.reload(wait_until="load")
        tab.wait_for_function("document.documentElement.classList.contains('js')")
        assert tab.evaluate("document.body.dataset.mdColorScheme") == "slate", (
            "after switching the system to dark mode, a reload still shows the light palette"
        )
    finally:
        tab.close()
