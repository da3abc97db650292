"""Keyboard and screen reader, on two phones (320 x 640, 390 x 800) and a computer (1280 x 900).

- Every stop of the Tab order, forwards and backwards (Shift+Tab), is seen whole once the page
  has settled: inside the viewport and inside every box that clips it, under neither the sticky
  header nor the back-to-top button, not under a closed drawer or an overlay
  (tests/helpers/clavier.py measures it, whatever the fonts and the machine's speed).
- So is every link of the open drawer (phones) or of the sidebars (computer), Tab after Tab and
  back, and every result of the site search.
- The menu and search toggles are buttons with a French name and `aria-expanded`, opened
  with Enter or Space; opening moves focus into the drawer or the search field; Escape
  closes and gives focus back to the button; while closed, the drawer and the search are
  neither focusable nor in the accessibility tree.
- The journeys that matter, by keyboard: home -> menu (the sidebar on a computer) -> "Pour les
  employeurs"; home -> search -> a département; the finder -> a result -> the fiche.
"""
from __future__ import annotations

import re

import pytest

from tests.helpers.browser import DESKTOP
from tests.helpers.clavier import (
    NAMES,
    TELEPHONE,
    VIEWPORTS,
    Tabs,
    describe,
    focus,
    focus_inside,
    hidden_stops,
    panel_hidden,
    press,
    tab_order,
    tab_orders,
    tab_until,
    wait_panel_hidden,
)

pytestmark = pytest.mark.navigateur

PAGES = ["/", "/employeurs/", "/facile-a-lire/pour-qui/", "/glossaire/", "/trouver-ma-plateforme/",
         "/departements/01/", "/404.html"]
COMPUTER = VIEWPORTS["1280px"]
# The links a person can reach in the navigation: the open drawer on a phone, both sidebars
# (site navigation, then table of contents) on a computer.
NAVIGATION_LINKS = """(selector) => [...document.querySelectorAll(selector + ' a[href]')]
  .filter((a) => a.getClientRects().length && getComputedStyle(a).visibility === 'visible').length"""
IN_NAVIGATION = "(selector) => !!document.activeElement.closest(selector)"
SEARCH_QUERY = "emploi"  # results on most pages, the longest one (the glossary) several screens tall
SEARCH_RESULTS_WALKED = 15
# Material renders the results ten at a time, more as the panel scrolls down: past the last one
# rendered, Tab would leave the search (and close it).
# The last result a reader can reach: the sections of a page folded under « N de plus sur cette
# page » (a closed <details>) are out of the Tab order.
ON_LAST_RESULT = """() => document.activeElement === [...document.querySelectorAll('.md-search-result__link')]
  .filter((link) => !link.closest('details:not([open])')).pop()"""


@pytest.fixture(scope="module")
def tabs(browser, site):
    opened = Tabs(browser, site)
    yield opened
    opened.close()


def button(tab, name: str):
    return tab.locator(f'.md-header [data-ea-bascule="{name}"][aria-expanded]')


def is_phone(viewport: dict) -> bool:
    return viewport["width"] < COMPUTER["width"]


def open_navigation(tab, viewport: dict) -> tuple[str, list[dict]]:
    """Open the site navigation by keyboard: the drawer on a phone (Menu, Enter), nothing to open
    on a computer (Tab to the sidebar). Its selector, and the stops up to its first link."""
    if is_phone(viewport):
        stops = tab_until(tab, lambda stop: stop["name"] == "Menu", limit=5)
        stops.append(press(tab, "Enter"))
        return ".md-sidebar--primary", stops
    return ".md-sidebar", tab_until(tab, lambda stop: tab.evaluate(IN_NAVIGATION, ".md-sidebar"), limit=10)


def assert_all_seen(stops: list[dict | None], what: str) -> None:
    assert not hidden_stops(stops), f"{what}: Tab stops that a person cannot see whole:\n{describe(stops)}"


# The whole Tab orders, forwards and backwards, of PAGES at both widths: walked by one test
# process (one group), AT_ONCE at a time (tests/helpers/clavier.tab_orders), a page's four on
# first use.
ORDER_WIDTHS = {"390px": TELEPHONE, "1280px": DESKTOP}
ORDERS = [(path, width, key) for path in PAGES for width in ORDER_WIDTHS for key in ("Tab", "Shift+Tab")]
AT_ONCE = 4


class TabOrders:
    """{(path, width, key): the stops, or why the walk stopped short}, walked on first use,
    each walk of a batch in its own tabs (tests/helpers/clavier.tab_orders)."""

    def __init__(self, browser, site) -> None:
        self.slots = [Tabs(browser, site) for _ in range(AT_ONCE)]
        self.walked: dict = {}

    def __getitem__(self, order: tuple[str, str, str]):
        if order not in self.walked:  # its batch: the orders of its page
            start = ORDERS.index(order) // AT_ONCE * AT_ONCE
            self._walk(ORDERS[start:start + AT_ONCE])
        return self.walked[order]

    def _walk(self, orders: list[tuple[str, str, str]]) -> None:
        walks = [(slot.open(path, viewport=ORDER_WIDTHS[width]), key) for slot, (path, width, key) in zip(self.slots, orders)]
        self.walked.update(zip(orders, tab_orders(walks)))

    def close(self) -> None:
        for slot in self.slots:
            slot.close()


@pytest.fixture(scope="module")
def tab_orders_walked(browser, site):
    orders = TabOrders(browser, site)
    yield orders
    orders.close()


def walked(tab_orders_walked, path: str, width: str, key: str) -> list[dict]:
    stops = tab_orders_walked[(path, width, key)]
    if isinstance(stops, AssertionError):
        raise stops
    return stops


@pytest.mark.xdist_group("tab orders")
@pytest.mark.parametrize("width", ORDER_WIDTHS)
@pytest.mark.parametrize("path", PAGES)
def test_every_tab_stop_is_on_screen(path, width, tab_orders_walked):
    """From the top of the page, Tab after Tab until focus leaves the page: every stop is seen
    whole. (At 320 px the layout is that of 390 px: the drawer, the search results and a journey
    are walked at 320 px below.)"""
    stops = walked(tab_orders_walked, path, width, "Tab")
    assert len(stops) > 3, describe(stops)
    assert_all_seen(stops, f"{path} at {width}")


@pytest.mark.xdist_group("tab orders")
@pytest.mark.parametrize("width", ORDER_WIDTHS)
@pytest.mark.parametrize("path", PAGES)
def test_every_shift_tab_stop_is_on_screen(path, width, tab_orders_walked):
    """From the end of the page, Shift+Tab after Shift+Tab: every stop is seen whole, the page
    scrolling up, not under the sticky header, nor under the back-to-top button that Material
    shows while the page scrolls up, nor under a sidebar's sticky title."""
    stops = walked(tab_orders_walked, path, width, "Shift+Tab")
    assert len(stops) > 3, describe(stops)
    assert_all_seen(stops, f"{path} at {width}, backwards")


def test_tab_orders_walked_at_once_are_those_walked_one_by_one(browser, site):
    """Walking several tabs at once (as above) finds, in each, the stops of a walk made alone."""
    pages = ["/404.html", "/facile-a-lire/pour-qui/"]
    slots = [Tabs(browser, site) for _ in pages]
    try:
        alone = [tab_order(slots[0].open(path, viewport=TELEPHONE)) for path in pages]
        at_once = tab_orders([(slot.open(path, viewport=TELEPHONE), "Tab") for slot, path in zip(slots, pages)])
    finally:
        for slot in slots:
            slot.close()
    assert at_once == alone
    assert all(len(stops) > 3 for stops in alone), alone


@pytest.mark.parametrize("viewport", VIEWPORTS.values(), ids=VIEWPORTS.keys())
def test_every_link_of_the_navigation_is_on_screen(viewport, tabs):
    """On a phone, the open drawer scrolls so that each of its links, Tab after Tab to the last
    one and then Shift+Tab back to the first, is seen whole (not a few pixels of it at the
    bottom edge). On a computer, the same through both sidebars, which scroll on their own."""
    tab = tabs.open("/", viewport=viewport)
    selector, stops = open_navigation(tab, viewport)
    links = tab.evaluate(NAVIGATION_LINKS, selector)
    walked = [stops[-1]]
    for key in ("Tab", "Shift+Tab"):
        walked += [press(tab, key) for _ in range(links - 1)]
        assert tab.evaluate(IN_NAVIGATION, selector), f"{key}: focus left {selector}, of {links} links:\n{describe(walked)}"
    assert_all_seen(stops + walked, f"the navigation at {viewport['width']}px")


@pytest.mark.parametrize("viewport", VIEWPORTS.values(), ids=VIEWPORTS.keys())
def test_journey_home_menu_employers(viewport, tabs):
    """Home -> the menu (on a computer, the sidebar) -> "Pour les employeurs", every stop seen whole."""
    tab = tabs.open("/", viewport=viewport)
    _, stops = open_navigation(tab, viewport)
    stops += tab_until(tab, lambda stop: stop["name"] == "Pour les employeurs" and stop["tag"] == "a")
    assert_all_seen(stops, f"home -> Pour les employeurs at {viewport['width']}px")
    with tab.expect_navigation():
        tab.keyboard.press("Enter")
    assert tab.url.endswith("/employeurs/")


@pytest.mark.parametrize("viewport", VIEWPORTS.values(), ids=VIEWPORTS.keys())
def test_every_result_of_the_site_search_is_on_screen(viewport, tabs):
    """Search the site, then Tab through the results and Shift+Tab back through them to the
    field: every result is seen whole in the results panel, however long the text of its
    section, and Shift+Tab goes back result by result (Shift alone does not jump to the field)."""
    tab = tabs.open("/", viewport=viewport)
    stops = tab_until(tab, lambda stop: stop["name"] == "Rechercher", limit=10)
    if is_phone(viewport):
        stops.append(press(tab, "Enter"))
    tab.keyboard.type(SEARCH_QUERY)
    tab.wait_for_selector(".md-search-result__link")
    results = 0
    while results < SEARCH_RESULTS_WALKED and not tab.evaluate(ON_LAST_RESULT):
        stops.append(press(tab, "Tab"))
        results += "md-search-result__link" in stops[-1]["where"]
    assert results >= 5 and focus_inside(tab, "__search"), describe(stops)
    stops += tab_until(tab, lambda stop: stop["tag"] == "input", limit=SEARCH_RESULTS_WALKED + 5, key="Shift+Tab")
    assert_all_seen(stops, f"the results of the search at {viewport['width']}px")


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
    tab = tabs.open("/", viewport=COMPUTER)
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


def test_journey_home_search_departement(tabs):
    tab = tabs.open("/", viewport=TELEPHONE)
    stops = tab_until(tab, lambda stop: stop["name"] == "Rechercher" and stop["tag"] == "button", limit=5)
    stops.append(press(tab, "Enter"))
    tab.keyboard.type("Gironde", delay=30)
    tab.wait_for_selector(".md-search-result__link[href*='departements/33/']")
    stops += tab_until(tab, lambda stop: "departements/33/" in (stop["href"] or ""), limit=10)
    assert_all_seen(stops, "home -> search -> Gironde")
    with tab.expect_navigation():
        tab.keyboard.press("Enter")
    assert re.search(r"/departements/33/(\?.*)?$", tab.url), tab.url


def test_journey_finder_result_fiche(tabs):
    """The finder's field, then its active option (arrow keys; focus stays in the field), seen whole."""
    tab = tabs.open("/trouver-ma-plateforme/", viewport=TELEPHONE)
    stops = tab_until(tab, lambda stop: stop["tag"] == "input" and "trouver" in stop["where"])
    tab.keyboard.type("Bourg-en-Bresse", delay=30)
    # The list answers the whole query, not one of the first letters (it would be redrawn under ArrowDown).
    tab.wait_for_function("document.getElementById('trouver').getAttribute('data-recherche') === 'Bourg-en-Bresse'")
    tab.wait_for_selector("#trouver-resultats [role=option]")
    stops.append(press(tab, "ArrowDown"))
    assert stops[-1]["option"], f"no active option after ArrowDown: {stops[-1]}"
    with tab.expect_navigation():
        tab.keyboard.press("Enter")
    assert tab.url.endswith("/departements/01/")
    tab.wait_for_function("document.documentElement.classList.contains('js')")
    stops.append(press(tab, "Tab"))  # the skip link
    stops.append(press(tab, "Enter"))
    first_link = press(tab, "Tab")
    stops.append(first_link)
    assert_all_seen(stops, "the finder -> Bourg-en-Bresse -> the fiche")
    in_card = tab.evaluate(
        "() => !!document.activeElement.closest('article') && document.activeElement"
        ".compareDocumentPosition(document.getElementById('contacter-la-plateforme')) === 2"
    )
    assert in_card, f"the first link after the skip link is {first_link}, not in the contact part of the fiche"
