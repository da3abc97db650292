"""Keyboard helpers for the browser tests: where focus is, and whether a person sees it there.

One tab per (colour scheme, viewport), with the three accessibility engines ready in every
document (tests/helpers/moteurs.py), shared by the keyboard and engine tests of a module.
"""
from __future__ import annotations

import time

from tests.helpers import moteurs
from tests.helpers.browser import DESKTOP, MATERIAL_READY, SCHEMES

TELEPHONE = {"width": 390, "height": 800}
VIEWPORTS = {"390px": TELEPHONE, "1280px": DESKTOP}
NAMES = {"__drawer": "Menu", "__search": "Rechercher"}
PANELS = {"__drawer": ".md-sidebar--primary", "__search": ".md-search"}

# What has focus, and whether a person sees it: inside the viewport, and what is drawn at
# the middle of its first box is the element itself (not a closed drawer, an overlay...).
FOCUS = """() => {
  const e = document.activeElement;
  if (!e || e === document.body) return null;
  const box = e.getClientRects()[0] || e.getBoundingClientRect();
  const x = box.left + box.width / 2, y = box.top + box.height / 2;
  const inViewport = box.width > 0 && box.height > 0 && x >= 0 && x <= innerWidth && y >= 0 && y <= innerHeight;
  const drawn = inViewport ? document.elementFromPoint(x, y) : null;
  return {
    tag: e.tagName.toLowerCase(),
    name: (e.getAttribute('aria-label') || e.textContent || e.value || e.placeholder || '')
      .trim().replace(/\\s+/g, ' ').slice(0, 60),
    href: e.getAttribute('href'),
    where: __eaDecrire(e),
    visible: inViewport && getComputedStyle(e).visibility === 'visible' && !!drawn && (drawn === e || e.contains(drawn)),
    x: Math.round(box.left), y: Math.round(box.top),
  };
}"""


class Tabs:
    """Tabs reused from page to page, one per colour scheme and viewport."""

    def __init__(self, browser, site) -> None:
        self.browser = browser
        self.site = site
        self._contexts: dict[tuple[str, int], object] = {}

    def open(self, path: str, scheme: str = "light", viewport: dict = DESKTOP):
        key = (scheme, viewport["width"])
        if key not in self._contexts:
            self._contexts[key] = moteurs.new_context(self.browser, scheme, viewport)
        context = self._contexts[key]
        tab = context.pages[0] if context.pages else context.new_page()
        tab.goto(self.site.url(path), wait_until="load")
        tab.wait_for_function(MATERIAL_READY, arg=SCHEMES[scheme])
        return tab

    def close(self) -> None:
        for context in self._contexts.values():
            context.close()
        self._contexts.clear()


def focus(tab) -> dict | None:
    return tab.evaluate(FOCUS)


def press(tab, key: str, pause: float = 0.0) -> dict | None:
    tab.keyboard.press(key)
    if pause:
        time.sleep(pause)  # Material unlocks the page's scrolling 100 ms after its search closes
    stop = focus(tab)
    if stop and not stop["visible"]:
        time.sleep(0.3)  # what a person sees once the page has scrolled to it, not in between
        stop = focus(tab)
    return stop


def tab_until(tab, wanted, limit: int = 80, pause: float = 0.0) -> list[dict]:
    """Tab until `wanted(stop)` holds; every stop on the way (the last one too)."""
    stops = []
    for _ in range(limit):
        stop = press(tab, "Tab", pause)
        stops.append(stop)
        if stop and wanted(stop):
            return stops
    raise AssertionError(f"not reached in {limit} Tab presses; stops: {describe(stops)}")


def tab_order(tab, limit: int = 300) -> list[dict]:
    """Every stop of the Tab order from the top of the page, until focus leaves the page."""
    stops = []
    for _ in range(limit):
        stop = press(tab, "Tab")
        if stop is None or (stops and stop["where"] == stops[0]["where"] and stop["name"] == stops[0]["name"]):
            return stops
        stops.append(stop)
    return stops


def describe(stops: list[dict | None]) -> str:
    return "\n".join(
        f"  {i:3}. " + ("(page)" if s is None else f"{s['tag']} {s['name']!r} {'' if s['visible'] else 'NOT VISIBLE '}"
                         f"at ({s['x']}, {s['y']}) {s['where']}")
        for i, s in enumerate(stops, 1)
    )


HIDDEN = "(selector) => getComputedStyle(document.querySelector(selector)).visibility === 'hidden'"
FOCUS_INSIDE = "(selector) => document.querySelector(selector).contains(document.activeElement)"


def panel_hidden(tab, name: str) -> bool:
    return tab.evaluate(HIDDEN, PANELS[name])


def focus_inside(tab, name: str) -> bool:
    return tab.evaluate(FOCUS_INSIDE, PANELS[name])


def wait_panel_hidden(tab, name: str) -> None:
    # The closed panel is hidden once it has slid out or faded (site.css).
    tab.wait_for_function(HIDDEN, arg=PANELS[name], timeout=5_000)
