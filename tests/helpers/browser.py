"""Headless Chromium for the built-site tests: one browser per test process, pages loaded once.

Every page is loaded once as on a first visit (`page_loads`, tests/conftest.py): what it
requests and logs is recorded, then, on the same load, axe-core runs on it and the skip link
is followed with the keyboard (`visit_loaded_page`). The two other engines, the dark scheme
and the other widths run on one page of each kind (tests/site/test_types_de_page.py).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.poids import disable_http_cache
from tests.helpers.server import TEST_TOOLS
from tests.helpers.site import NODE_MODULES, BuiltSite, SitePage

AXE_SCRIPT = NODE_MODULES / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
DESKTOP = {"width": 1280, "height": 900}
NARROW = {"width": 320, "height": 640}
SCHEMES = {"light": "default", "dark": "slate"}  # prefers-color-scheme -> Material scheme
TIMEOUT_MS = 30_000  # generous: the machine may be busy

# axe's options on every run (`tags`: AXE_TAGS): violations only, and of the assets axe reads
# before its rules, the media only (for no-autoplay-audio). The one rule that reads the
# stylesheets, css-orientation-lock, is experimental and not run with these tags
# (tests/site/test_accessibilite.py): parsing every stylesheet for it took a fifth of each run.
AXE_OPTIONS = "{runOnly: {type: 'tag', values: tags}, resultTypes: ['violations'], preload: {assets: ['media']}}"
# axe's result reduced to what a failure message needs.
AXE_RUN = """async (tags) => {
  const results = await axe.run(document, """ + AXE_OPTIONS + """);
  return results.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.map(n => ({target: n.target.join(' '), summary: n.failureSummary}))
  }));
}"""
FOCUSED = """() => {
  const element = document.activeElement;
  const box = element.getBoundingClientRect();
  return {
    tag: element.tagName.toLowerCase(), id: element.id, classes: String(element.className),
    text: (element.textContent || '').trim().replace(/\\s+/g, ' ').slice(0, 80),
    visible: box.width > 0 && box.height > 0 && box.bottom > 0 && box.top < innerHeight
      && box.right > 0 && box.left < innerWidth,
    inContent: !!element.closest('main article, main .md-content'),
  };
}"""
# The engines' scripts are large (axe-core 0.65 MB, the three 1.7 MB). A page of the test
# server loads them from it (tests/helpers/server.TEST_TOOLS), as a script of its own origin:
# Chromium then compiles each once for all the pages that its renderer shows, not once per
# page (measured over the site's pages: axe-core 110 ms less per page, IBM's 65), and their
# megabytes do not go through Playwright's pipe. A page of no origin (a blank page, content
# set by a test) gets the source sent over.
LOAD_SCRIPT = """(url) => new Promise((loaded, failed) => {
  const script = document.createElement('script');  // as add_script_tag does: a classic script
  script.src = url;
  script.onload = () => { script.remove(); loaded(); };
  script.onerror = () => failed(new Error(`${url} did not load`));
  document.head.append(script);
})"""


def add_script(tab, script: Path) -> None:
    """Run one of node_modules' scripts in the page (its top-level names become globals)."""
    if tab.url.startswith(("http://", "https://")):
        tab.evaluate(LOAD_SCRIPT, tool_path(script))
    else:
        tab.add_script_tag(path=str(script))


def tool_path(script: Path) -> str:
    """Where the test server serves one of node_modules' files."""
    return TEST_TOOLS + script.relative_to(NODE_MODULES).as_posix()


class SharedTab:
    """One tab for the tests of a module, left as a new one after each (`clear`).

    Opening a tab starts a renderer process: measured on the proposal form's tests, a tab per
    test took a third of their CPU. Cleared, the tab is on a blank page, the site's storage
    emptied, without cookies; with `first_visits`, its HTTP cache is off, so that every load
    fetches everything, as a new context's first load does. The test fails if a page's script
    threw an error (`errors`).
    """

    def __init__(self, context, first_visits: bool = False) -> None:
        self.context = context
        self.tab = context.new_page()
        self.errors: list[str] = []
        self.tab.on("pageerror", lambda error: self.errors.append(str(error)))
        if first_visits:
            disable_http_cache(self.tab)

    def clear(self) -> list[str]:
        """Leave the tab as a new one; the errors that its pages threw since the last time."""
        errors, self.errors = self.errors, []
        if self.tab.url.startswith("http"):
            self.tab.evaluate("() => { localStorage.clear(); sessionStorage.clear(); }")
        self.context.clear_cookies()
        self.tab.goto("about:blank")
        return errors


MATERIAL_READY = """(scheme) => document.documentElement.classList.contains('js')
  && document.body.getAttribute('data-md-color-scheme') === scheme"""
# The page shows the dark scheme as a reader sees it: Material's palette on, every stylesheet
# loaded (the dark one is added when the system turns dark) and no colour transition under way.
DARK_SETTLED = """() => document.documentElement.classList.contains('js')
  && document.body.dataset.mdColorScheme === 'slate'
  && [...document.querySelectorAll('link[rel=stylesheet]')].every((link) => link.sheet)
  && document.getAnimations().every((a) => a.playState !== 'running')"""


@dataclass
class PageVisit:
    """What axe-core and the keyboard found on one loaded page."""

    url: str
    scheme: str
    axe_violations: list[dict] = field(default_factory=list)
    body_scheme: str | None = None
    # The skip link test, done on the same load (light scheme only), after axe:
    # what has focus after the first Tab, then after Enter.
    focus_after_tab: dict | None = None
    focus_after_enter: dict | None = None


class Browsing:
    """Browser contexts (one per colour scheme and viewport) and reused tabs.

    Loading pages in a reused tab is several times faster than opening a tab per page;
    each `goto` starts a new document, so no state carries over but localStorage.
    """

    def __init__(self, browser, site: BuiltSite) -> None:
        self.browser = browser
        self.site = site
        self._contexts: dict[tuple[str, int], object] = {}
        self._tabs: dict[tuple[str, int, str], object] = {}

    def context(self, scheme: str = "light", viewport: dict = DESKTOP):
        key = (scheme, viewport["width"])
        if key not in self._contexts:
            context = self.browser.new_context(
                viewport=viewport, color_scheme=scheme, locale="fr-FR", reduced_motion="reduce"
            )
            context.set_default_timeout(TIMEOUT_MS)
            self._contexts[key] = context
        return self._contexts[key]

    def open(self, page: SitePage, scheme: str = "light", viewport: dict = DESKTOP, purpose: str = "test"):
        """The page loaded in a reused tab, once Material's scripts have set the colour scheme."""
        tab = self._tab(scheme, viewport, purpose)
        tab.goto(self.site.url(page), wait_until="load")
        tab.wait_for_function(MATERIAL_READY, arg=SCHEMES[scheme])
        return tab

    def _tab(self, scheme: str, viewport: dict, purpose: str):
        key = (scheme, viewport["width"], purpose)
        if key not in self._tabs or self._tabs[key].is_closed():
            self._tabs[key] = self.context(scheme, viewport).new_page()
        return self._tabs[key]

    def close(self) -> None:
        for context in self._contexts.values():
            context.close()
        self._contexts.clear()
        self._tabs.clear()


def visit_loaded_page(tab, url: str) -> PageVisit:
    """axe-core, then the skip link, on the page loaded in `tab` (its readings already taken):
    axe is added after the load, so that it weighs on no measurement, and does not move focus."""
    visit = PageVisit(url=url, scheme="light")
    visit.body_scheme = tab.evaluate("document.body.getAttribute('data-md-color-scheme')")
    add_script(tab, AXE_SCRIPT)
    visit.axe_violations = tab.evaluate(AXE_RUN, AXE_TAGS)
    _follow_skip_link(tab, visit)
    return visit


def _follow_skip_link(tab, visit: PageVisit) -> None:
    """Tab once (nothing has had focus yet: axe does not move it), then Enter."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    tab.keyboard.press("Tab")
    visit.focus_after_tab = tab.evaluate(FOCUSED)
    if "md-skip" in str(visit.focus_after_tab.get("classes")):
        tab.keyboard.press("Enter")
        try:
            tab.wait_for_function("location.hash.length > 1", timeout=5_000)
        except PlaywrightTimeout:
            pass  # the test reports where focus is
        visit.focus_after_enter = tab.evaluate(FOCUSED)


def format_axe_violations(url: str, violations: list[dict]) -> str:
    lines = [f"{len(violations)} axe-core violation(s) on {url}:"]
    for violation in violations:
        lines.append(f"- {violation['id']} [{violation['impact']}]: {violation['help']}")
        for node in violation["nodes"][:10]:
            lines.append(f"    {node['target']}")
            if node.get("summary"):
                lines.extend("      " + line for line in node["summary"].splitlines()[:4])
        if len(violation["nodes"]) > 10:
            lines.append(f"    ... and {len(violation['nodes']) - 10} more")
    return "\n".join(lines)
