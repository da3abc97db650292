"""Keyboard and screen reader, on a phone (390 x 800) and a computer (1280 x 900).

- Every stop of the Tab order is on screen, not under a closed drawer or an overlay.
- The menu and search toggles are buttons with a French name and `aria-expanded`, opened
  with Enter or Space; opening moves focus into the drawer or the search field; Escape
  closes and gives focus back to the button; while closed, the drawer and the search are
  neither focusable nor in the accessibility tree.
- The journeys that matter, by keyboard on a phone: home -> menu -> "Pour les employeurs";
  home -> search -> a département; the finder -> a result -> the fiche.
"""
from __future__ import annotations

import re

import pytest

from tests.helpers.clavier import (
    NAMES,
    TELEPHONE,
    VIEWPORTS,
    Tabs,
    describe,
    focus,
    focus_inside,
    panel_hidden,
    press,
    tab_order,
    tab_until,
    wait_panel_hidden,
)

pytestmark = pytest.mark.navigateur

PAGES = ["/", "/employeurs/", "/facile-a-lire/pour-qui/", "/glossaire/", "/trouver-ma-plateforme/",
         "/departements/01/", "/404.html"]


@pytest.fixture(scope="module")
def tabs(browser, site):
    opened = Tabs(browser, site)
    yield opened
    opened.close()


def button(tab, name: str):
    return tab.locator(f'.md-header [data-ea-bascule="{name}"][aria-expanded]')


@pytest.mark.parametrize("viewport", VIEWPORTS.values(), ids=VIEWPORTS.keys())
@pytest.mark.parametrize("path", PAGES)
def test_every_tab_stop_is_on_screen(path, viewport, tabs):
    tab = tabs.open(path, viewport=viewport)
    stops = tab_order(tab)
    assert len(stops) > 3, describe(stops)
    hidden = [stop for stop in stops if not stop["visible"]]
    assert not hidden, f"{path} at {viewport['width']}px: Tab stops that a person cannot see:\n{describe(stops)}"


def test_home_tab_order_on_a_phone(tabs):
    """Skip link, the header's two buttons, then the page's own content: no hidden menu first."""
    tab = tabs.open("/", viewport=TELEPHONE)
    stops = [press(tab, "Tab") for _ in range(4)]
    assert [(s["tag"], s["name"]) for s in stops[:3]] == [
        ("a", "Aller au contenu"), ("button", "Menu"), ("button", "Rechercher")
    ], describe(stops)
    in_article = tab.evaluate("() => !!document.activeElement.closest('article')")
    assert in_article, describe(stops)


def test_on_a_computer_the_navigation_is_in_the_tab_order_and_the_toggles_are_not(tabs):
    tab = tabs.open("/", viewport=VIEWPORTS["1280px"])
    for name in NAMES:
        assert not button(tab, name).is_visible()
    stops = tab_order(tab)
    names = [stop["name"] for stop in stops]
    assert "Rechercher" in names and "Pour les employeurs" in names, describe(stops)
    assert "Menu" not in names, describe(stops)


@pytest.mark.parametrize("key", ["Enter", "Space"])
@pytest.mark.parametrize("name", NAMES)
def test_menu_and_search_are_buttons_that_open_and_close_by_keyboard(name, key, tabs):
    tab = tabs.open("/", viewport=TELEPHONE)
    toggle = tab.get_by_role("button", name=NAMES[name], exact=True)
    assert toggle.count() == 1 and toggle.evaluate("e => e.tagName") == "BUTTON"
    assert toggle.get_attribute("aria-expanded") == "false"
    tab_until(tab, lambda stop: stop["tag"] == "button" and stop["name"] == NAMES[name], limit=5)

    opened = press(tab, key)
    assert toggle.get_attribute("aria-expanded") == "true"
    assert focus_inside(tab, name) and opened["visible"], f"after {key} on {NAMES[name]!r}, focus is on {opened}"
    if name == "__search":
        assert opened["tag"] == "input", opened

    closed = press(tab, "Escape")
    assert toggle.get_attribute("aria-expanded") == "false"
    assert (closed["tag"], closed["name"]) == ("button", NAMES[name]), f"after Escape, focus is on {closed}"
    wait_panel_hidden(tab, name)
    after = press(tab, "Tab")
    assert not focus_inside(tab, name), after


def test_closed_drawer_and_search_are_out_of_the_accessibility_tree(tabs):
    """What a screen reader reads first: the skip link, the header's buttons, then the page."""
    tab = tabs.open("/", viewport=TELEPHONE)
    snapshot = tab.locator("body").aria_snapshot()
    lines = [line for line in snapshot.splitlines() if not line.strip().startswith("- /url:")]
    start = lines[: lines.index("  - article:") + 1]
    assert start == [
        '- link "Aller au contenu":',
        "- banner:",
        '  - navigation "En-tête":',
        '    - button "Menu"',
        "    - text: Emploi accompagné Accueil",
        '    - button "Rechercher"',
        "- main:",
        "  - article:",
    ], snapshot[:1500]
    for hidden in ('navigation "Navigation"', "dialog", "Table des matières", "search"):
        assert hidden not in snapshot, f"{hidden!r} is exposed while the menu and the search are closed"
    for name in NAMES:
        assert panel_hidden(tab, name)


def test_focus_leaving_the_open_drawer_closes_it(tabs):
    tab = tabs.open("/", viewport=TELEPHONE)
    tab_until(tab, lambda stop: stop["name"] == "Menu", limit=5)
    press(tab, "Enter")
    back = press(tab, "Shift+Tab")
    assert button(tab, "__drawer").get_attribute("aria-expanded") == "false"
    wait_panel_hidden(tab, "__drawer")
    assert focus(tab)["visible"], back


def test_journey_home_menu_employers(tabs):
    tab = tabs.open("/", viewport=TELEPHONE)
    stops = tab_until(tab, lambda stop: stop["name"] == "Menu", limit=5)
    stops.append(press(tab, "Enter"))
    stops += tab_until(tab, lambda stop: stop["name"] == "Pour les employeurs" and stop["tag"] == "a")
    assert all(stop["visible"] for stop in stops), describe(stops)
    with tab.expect_navigation():
        tab.keyboard.press("Enter")
    assert tab.url.endswith("/employeurs/")


def test_journey_home_search_departement(tabs):
    tab = tabs.open("/", viewport=TELEPHONE)
    stops = tab_until(tab, lambda stop: stop["name"] == "Rechercher" and stop["tag"] == "button", limit=5)
    stops.append(press(tab, "Enter"))
    tab.keyboard.type("Gironde", delay=30)
    tab.wait_for_selector(".md-search-result__link[href*='departements/33/']")
    stops += tab_until(tab, lambda stop: "departements/33/" in (stop["href"] or ""), limit=10, pause=0.2)
    assert all(stop["visible"] for stop in stops), describe(stops)
    with tab.expect_navigation():
        tab.keyboard.press("Enter")
    assert re.search(r"/departements/33/(\?.*)?$", tab.url), tab.url


def test_journey_finder_result_fiche(tabs):
    tab = tabs.open("/trouver-ma-plateforme/", viewport=TELEPHONE)
    stops = tab_until(tab, lambda stop: stop["tag"] == "input" and "trouver" in stop["where"])
    tab.keyboard.type("Bourg-en-Bresse", delay=30)
    tab.wait_for_selector("#trouver-resultats [role=option]")
    stops.append(press(tab, "ArrowDown"))
    with tab.expect_navigation():
        tab.keyboard.press("Enter")
    assert tab.url.endswith("/departements/01/")
    tab.wait_for_function("document.documentElement.classList.contains('js')")
    stops.append(press(tab, "Tab"))  # the skip link
    stops.append(press(tab, "Enter"))
    first_link = press(tab, "Tab")
    stops.append(first_link)
    assert all(stop["visible"] for stop in stops), describe(stops)
    in_card = tab.evaluate(
        "() => !!document.activeElement.closest('article') && document.activeElement"
        ".compareDocumentPosition(document.getElementById('contacter-la-plateforme')) === 2"
    )
    assert in_card, f"the first link after the skip link is {first_link}, not in the contact part of the fiche"
