"""Keyboard: on every page of the site, the first Tab reaches the skip link ("Aller au
contenu"), and following it with Enter moves keyboard focus into the content.

Checked on the page as loaded for the other per-page checks (`page_loads`, tests/conftest.py),
right after axe, which does not move focus: the first Tab still starts from the top of the
document.
"""
import pytest

pytestmark = pytest.mark.navigateur

SKIP_LABEL = "Aller au contenu"


def test_skip_link_moves_focus_to_the_content(site_page, page_loads):
    visit = page_loads[site_page.path].visit
    first = visit.focus_after_tab
    assert first and "md-skip" in first["classes"] and first["text"] == SKIP_LABEL, (
        f"{visit.url}: the first Tab focuses {first}, expected the {SKIP_LABEL!r} link"
    )
    assert first["visible"], f"{visit.url}: the focused skip link is not visible"
    after = visit.focus_after_enter
    assert after and after["inContent"], (
        f"{visit.url}: after Enter on the skip link, focus is on {after}, not in the content"
    )
