"""Keyboard helpers for the browser tests: where focus is, and whether a person sees it there.

One tab per (colour scheme, viewport), shared by the keyboard and engine tests of a module
(an engine is sent to a page when it runs there: tests/helpers/moteurs.py).

After each key press the helpers wait for a condition, never for a duration: the page has
settled (SETTLED). Settling takes a frame or two: `tab_orders` walks several tabs at once.
Then they look at the focused element as a person would (FOCUS): its whole
box on screen, inside every box that clips it, under nothing, drawn. Neither font metrics
nor the machine's speed change what they measure.
"""
from __future__ import annotations

from tests.helpers import moteurs
from tests.helpers.browser import DESKTOP, MATERIAL_READY, NARROW, SCHEMES, TIMEOUT_MS

TELEPHONE = {"width": 390, "height": 800}
VIEWPORTS = {"320px": NARROW, "390px": TELEPHONE, "1280px": DESKTOP}
NAMES = {"__drawer": "Menu", "__search": "Rechercher"}
PANELS = {"__drawer": ".md-sidebar--primary", "__search": ".md-search"}

# The page has settled once, in three samples in a row, the last two on consecutive animation
# frames (Playwright calls the predicate at once, then on every frame), nothing has moved: the scroll positions of the viewport
# and of every ancestor of the focused element, the focused element's box and which element
# has focus; and no CSS transition or animation is running (an endless one, such as
# Material's annotation pulse, never ends and is left out). Material also locks the page's
# scrolling 400 ms after its search opens on a phone, and unlocks it (scrolling the page back)
# 100 ms after it closes, with a timer that no animation shows: the page has settled only
# once that lock matches the search's state.
SETTLED = """(() => {
  let last = null, same = 0;
  return () => {
    const e = document.activeElement || document.body;
    const parts = [scrollX, scrollY, visualViewport.offsetLeft, visualViewport.offsetTop];
    for (let a = e; a; a = a.parentElement) parts.push(a.scrollLeft, a.scrollTop);
    const r = e.getBoundingClientRect();
    parts.push(e.tagName, r.left, r.top, r.width, r.height);
    const search = document.getElementById('__search');
    const lockWanted = !!search && search.checked && !matchMedia('(min-width: 60em)').matches;
    const running = document.getAnimations().some(
      (a) => a.playState === 'running' && a.effect && a.effect.getComputedTiming().endTime !== Infinity);
    const sample = parts.join(',');
    if (running || document.body.hasAttribute('data-md-scrolllock') !== lockWanted) {
      last = null;
      same = 0;
      return false;
    }
    same = sample === last ? same + 1 : 0;
    last = sample;
    return same >= 2;
  };
})()"""

RUNNING = """() => document.getAnimations().filter((a) => a.playState === 'running').map((a) =>
  `${a.constructor.name} ${a.animationName || a.transitionProperty || ''}`
  + (a.effect && a.effect.target ? ` on ${__eaDecrire(a.effect.target)}` : ''))"""

# What has focus, and whether a person sees it there. "Visible" means all of this:
# - its border box lies inside the viewport (without its scroll bars);
# - and inside the visible part of every ancestor that clips it (overflow other than visible,
#   on the axis it clips), following the containing blocks: a fixed drawer is not clipped
#   by the page's boxes around it, but by its own scroll wrapper;
# - visibility visible, and no ancestor fully transparent (Material hides the skip link so);
# - no fixed or sticky element (the header, the back-to-top button, a sticky title in a
#   sidebar or the search results) drawn over any part of it;
# - the element itself (or a child of it) is the topmost one at the centre of its first box.
#   A link in running text that wraps over two lines has one box per line: the middle of
#   their union may fall on the words around it, so the centre is taken on its first line
#   (the whole union still has to be inside the viewport and its clipping ancestors).
# A combobox that keeps focus in its field and moves an active option (the finder) shows
# that option too: it has to be visible the same way.
# Boxes may end on half pixels: a 1 px tolerance.
FOCUS = """() => {
  const TOLERANCE = 1;
  const rounded = (r) => ({left: Math.round(r.left), top: Math.round(r.top),
    right: Math.round(r.right), bottom: Math.round(r.bottom)});
  const text = (r) => `(${Math.round(r.left)}, ${Math.round(r.top)})-(${Math.round(r.right)}, ${Math.round(r.bottom)})`;
  const outside = (box, clip) => box.left < clip.left - TOLERANCE || box.right > clip.right + TOLERANCE
    || box.top < clip.top - TOLERANCE || box.bottom > clip.bottom + TOLERANCE;
  const clips = (value) => value !== 'visible';
  const containsFixed = (s) => s.transform !== 'none' || s.perspective !== 'none' || s.filter !== 'none'
    || /paint|layout|strict|content/.test(s.contain) || /transform|perspective|filter/.test(s.willChange);

  // Why a person does not see `e` whole, or null.
  const hidden = (e) => {
    const box = e.getBoundingClientRect();
    const first = [...e.getClientRects()].find((r) => r.width > 0 && r.height > 0);
    if (!first) return 'no box';
    const root = document.documentElement;
    const viewport = {left: 0, top: 0, right: root.clientWidth, bottom: root.clientHeight};
    if (outside(box, viewport)) return `outside the viewport ${text(viewport)}`;
    const style = getComputedStyle(e);
    if (style.visibility !== 'visible') return `visibility ${style.visibility}`;
    if (style.opacity === '0') return 'transparent';
    let position = style.position;
    for (let a = e.parentElement; a && a !== document.body && a !== root; a = a.parentElement) {
      const s = getComputedStyle(a);
      if (s.opacity === '0') return `transparent ancestor ${__eaDecrire(a)}`;
      // Is `a` in the chain of containing blocks? (Only then does its overflow clip `e`.)
      if (position === 'fixed' && !containsFixed(s)) continue;
      if (position === 'absolute' && s.position === 'static' && !containsFixed(s)) continue;
      position = s.position;
      if (!clips(s.overflowX) && !clips(s.overflowY)) continue;
      const r = a.getBoundingClientRect(), left = r.left + a.clientLeft, top = r.top + a.clientTop;
      const clip = {
        left: clips(s.overflowX) ? left : -Infinity, right: clips(s.overflowX) ? left + a.clientWidth : Infinity,
        top: clips(s.overflowY) ? top : -Infinity, bottom: clips(s.overflowY) ? top + a.clientHeight : Infinity,
      };
      if (outside(box, clip)) return `clipped by ${__eaDecrire(a)} ${text(clip)}`;
    }
    for (const o of document.body.querySelectorAll('*')) {
      if (o.contains(e) || e.contains(o)) continue;
      const s = getComputedStyle(o);
      if (s.position !== 'fixed' && s.position !== 'sticky') continue;
      const r = o.getBoundingClientRect();
      const left = Math.max(r.left, box.left), right = Math.min(r.right, box.right);
      const top = Math.max(r.top, box.top), bottom = Math.min(r.bottom, box.bottom);
      if (right - left <= TOLERANCE || bottom - top <= TOLERANCE) continue;
      const over = document.elementFromPoint((left + right) / 2, (top + bottom) / 2);
      if (over && o.contains(over) && !e.contains(over)) return `under ${__eaDecrire(o)} ${text(r)}`;
    }
    const x = first.left + first.width / 2, y = first.top + first.height / 2;
    const drawn = document.elementFromPoint(x, y);
    if (!drawn || !(drawn === e || e.contains(drawn))) return `${drawn ? __eaDecrire(drawn) : 'nothing'} drawn at its centre`;
    return null;
  };

  const e = document.activeElement;
  if (!e || e === document.body) return null;
  const option = e.getAttribute('aria-activedescendant') && document.getElementById(e.getAttribute('aria-activedescendant'));
  const optionHidden = option && hidden(option);
  const why = hidden(e) || (optionHidden && `its active option ${__eaDecrire(option)}: ${optionHidden}`) || null;
  const box = e.getBoundingClientRect();
  return {
    tag: e.tagName.toLowerCase(),
    name: (e.getAttribute('aria-label') || e.textContent || e.value || e.placeholder || '')
      .trim().replace(/\\s+/g, ' ').slice(0, 60),
    href: e.getAttribute('href'),
    where: __eaDecrire(e),
    visible: !why, why,
    box: rounded(box), option: option ? rounded(option.getBoundingClientRect()) : null,
  };
}"""


# Settled, then what has focus: in the page, in one call. The predicate is sampled at once, then
# on each animation frame (as Playwright polls "raf"), until it holds or the time is up.
SETTLED_THEN_FOCUS = """async (timeout) => {
  const settled = """ + SETTLED.strip() + """;
  const deadline = performance.now() + timeout;
  while (!settled()) {
    if (performance.now() > deadline) return {settled: false};
    await new Promise((frame) => requestAnimationFrame(frame));
  }
  return {settled: true, focus: (""" + FOCUS + """)()};
}"""
# The same, started and left to run (`window.__eaSettling`), so that other tabs take their keys
# while this page settles; reading `window.__eaSettling` waits for the outcome.
START_SETTLING = "(timeout) => { window.__eaSettling = (" + SETTLED_THEN_FOCUS + ")(timeout); }"
SETTLING = "() => window.__eaSettling"


class Tabs:
    """Tabs reused from page to page, one per colour scheme and viewport."""

    def __init__(self, browser, site) -> None:
        self.browser = browser
        self.site = site
        self._contexts: dict[tuple[str, int, int], object] = {}

    def open(self, path: str, scheme: str = "light", viewport: dict = DESKTOP):
        key = (scheme, viewport["width"], viewport["height"])
        if key not in self._contexts:
            self._contexts[key] = moteurs.new_context(self.browser, scheme, viewport)
        context = self._contexts[key]
        tab = context.pages[0] if context.pages else context.new_page()
        tab.goto(self.site.url(path), wait_until="load")
        tab.wait_for_function(MATERIAL_READY, arg=SCHEMES[scheme])
        settle(tab, f"loading {path}")
        return tab

    def close(self) -> None:
        for context in self._contexts.values():
            context.close()
        self._contexts.clear()


def settle(tab, after: str) -> dict | None:
    """Wait until the page has settled (SETTLED), then say what has focus (FOCUS); fail saying
    what still moves if it never settles."""
    return _outcome(tab, tab.evaluate(SETTLED_THEN_FOCUS, TIMEOUT_MS), after)


def _outcome(tab, outcome: dict, after: str) -> dict | None:
    if not outcome["settled"]:
        raise AssertionError(
            f"the page did not settle within {TIMEOUT_MS} ms after {after}; running: {tab.evaluate(RUNNING)}; "
            f"focus: {focus(tab)}"
        )
    return outcome["focus"]


def focus(tab) -> dict | None:
    return tab.evaluate(FOCUS)


def press(tab, key: str) -> dict | None:
    """Press a key, wait until the page has settled, then say what has focus and whether it is seen."""
    tab.keyboard.press(key)
    return settle(tab, f"pressing {key}")


def tab_until(tab, wanted, limit: int = 80, key: str = "Tab") -> list[dict]:
    """Tab until `wanted(stop)` holds; every stop on the way (the last one too)."""
    stops = []
    for _ in range(limit):
        stop = press(tab, key)
        stops.append(stop)
        if stop and wanted(stop):
            return stops
    raise AssertionError(f"not reached in {limit} presses of {key}; stops: {describe(stops)}")


def tab_order(tab, limit: int = 300, key: str = "Tab") -> list[dict]:
    """Every stop of the Tab order (Shift+Tab: backwards, from the end) until focus leaves the page."""
    walked = tab_orders([(tab, key)], limit)[0]
    if isinstance(walked, AssertionError):
        raise walked
    return walked


def tab_orders(walks: list[tuple[object, str]], limit: int = 300) -> list[list[dict] | AssertionError]:
    """`tab_order` in several tabs at once, one (tab, key) each: while a page settles after its
    key (a frame or two), the others take theirs. Each tab in its own context: Chromium draws
    the frames of one tab of a context only (in the others, the walk waits about a second a
    key). Each walk's stops, or why it stopped short."""
    stops: list[list[dict]] = [[] for _ in walks]
    failures: dict[int, AssertionError] = {}
    walking = list(range(len(walks)))
    for _ in range(limit):
        for index in walking:
            tab, key = walks[index]
            tab.keyboard.press(key)
            tab.evaluate(START_SETTLING, TIMEOUT_MS)
        for index in list(walking):
            tab, key = walks[index]
            try:
                stop = _outcome(tab, tab.evaluate(SETTLING), f"pressing {key}")
            except AssertionError as failure:
                failures[index] = failure
                walking.remove(index)
                continue
            if _back_where_it_started(stop, stops[index]):
                walking.remove(index)
            else:
                stops[index].append(stop)
        if not walking:
            break
    return [failures.get(index, walked) for index, walked in enumerate(stops)]


def _back_where_it_started(stop: dict | None, stops: list[dict]) -> bool:
    """Focus left the page, or came round to the first stop again."""
    return stop is None or bool(stops and stop["where"] == stops[0]["where"] and stop["name"] == stops[0]["name"])


def describe(stops: list[dict | None]) -> str:
    return "\n".join(f"  {i:3}. {describe_stop(stop)}" for i, stop in enumerate(stops, 1))


def describe_stop(stop: dict | None) -> str:
    if stop is None:
        return "(page)"
    box = stop["box"]
    seen = "" if stop["visible"] else f"NOT VISIBLE ({stop['why']}) "
    return (f"{stop['tag']} {stop['name']!r} {seen}box ({box['left']}, {box['top']})-({box['right']}, {box['bottom']}) "
            f"{stop['where']}")


def hidden_stops(stops: list[dict | None]) -> list[dict]:
    return [stop for stop in stops if stop and not stop["visible"]]


HIDDEN = "(selector) => getComputedStyle(document.querySelector(selector)).visibility === 'hidden'"
FOCUS_INSIDE = "(selector) => document.querySelector(selector).contains(document.activeElement)"


def panel_hidden(tab, name: str) -> bool:
    return tab.evaluate(HIDDEN, PANELS[name])


def focus_inside(tab, name: str) -> bool:
    return tab.evaluate(FOCUS_INSIDE, PANELS[name])


def wait_panel_hidden(tab, name: str) -> None:
    # The closed panel is hidden once it has slid out or faded (site.css).
    tab.wait_for_function(HIDDEN, arg=PANELS[name], timeout=TIMEOUT_MS)
