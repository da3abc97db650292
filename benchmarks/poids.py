"""What a page costs to load, measured in headless Chromium.

A fresh browser context (empty cache) loads the page and we record every response until
the network has been idle for 500 ms: the HTML, the stylesheets and scripts, the images
and fonts, and what scripts fetch on their own (Material's search worker, its index and
its language files). Each body is counted as the local server (tests/helpers/server.py)
sends it: gzip level 6 for text types, as is for the others (images already compressed,
fonts). Also used by the budget tests in tests/performance/.
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field

from tests.helpers.chromium import CHROMIUM_ARGS, find_chromium
from tests.helpers.server import is_fingerprinted, transfer_size

# A phone-sized viewport, as Lighthouse's mobile run.
MOBILE = {"width": 412, "height": 823}
QUIET_MS = 700
TIMEOUT_MS = 30_000
# Layout shifts observed from the very start of the page (buffered entries).
CLS_OBSERVER = """
window.__ea_cls = 0; window.__ea_shifts = [];
try {
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.hadRecentInput) continue;
      window.__ea_cls += entry.value;
      // Each moved element, and where it was and went (x,y w×h), so that a failure can be explained.
      const box = (r) => `${Math.round(r.x)},${Math.round(r.y)} ${Math.round(r.width)}×${Math.round(r.height)}`;
      window.__ea_shifts.push({value: entry.value, time: Math.round(entry.startTime), sources: (entry.sources || []).map(
        (s) => (s.node ? (s.node.nodeName + (s.node.id ? '#' + s.node.id : '') +
          (s.node.className && typeof s.node.className === 'string' ? '.' + s.node.className.split(' ').join('.') : '')) : '?')
          + ` (${box(s.previousRect)} -> ${box(s.currentRect)})`)});
    }
  }).observe({type: 'layout-shift', buffered: true});
} catch (e) { window.__ea_cls = -1; }
"""


@dataclass
class Resource:
    url: str
    content_type: str
    raw: int
    gzip: int
    status: int

    def as_dict(self) -> dict:
        return {"url": self.url, "type": self.content_type, "raw": self.raw, "gzip": self.gzip, "status": self.status}


@dataclass
class PageLoad:
    url: str
    resources: list[Resource] = field(default_factory=list)
    cls: float = 0.0
    shifts: list[dict] = field(default_factory=list)
    stylesheets: list[dict] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    # What the privacy and clean-load tests read (LoadsInOneTab): every request the page made,
    # failed ones too, the document's HTTP status, console and page errors, cookies set.
    requests: list[str] = field(default_factory=list)
    status: int | None = None
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    cookies: list[str] = field(default_factory=list)
    # What the tests read on the same load once the readings above are taken (axe-core, the
    # skip link: tests/helpers/browser.PageVisit); None in the benchmarks.
    visit: object | None = None

    @property
    def total_gzip(self) -> int:
        return sum(r.gzip for r in self.resources)

    @property
    def total_raw(self) -> int:
        return sum(r.raw for r in self.resources)

    @property
    def html_gzip(self) -> int:
        return self.resources[0].gzip if self.resources else 0

    def by_kind(self) -> dict[str, int]:
        """gzip bytes per kind of file: html, css, js, json, image, font, other."""
        kinds: dict[str, int] = {}
        for index, resource in enumerate(self.resources):
            kind = "html" if index == 0 else kind_of(resource)
            kinds[kind] = kinds.get(kind, 0) + resource.gzip
        return kinds

    def as_dict(self) -> dict:
        return {
            "url": self.url, "total_gzip": self.total_gzip, "total_raw": self.total_raw,
            "html_gzip": self.html_gzip, "by_kind": self.by_kind(), "cls": self.cls, "shifts": self.shifts, "stylesheets": self.stylesheets,
            "resources": [r.as_dict() for r in self.resources], "errors": self.errors,
        }


def kind_of(resource: Resource) -> str:
    content_type = resource.content_type.split(";")[0].strip().lower()
    path = resource.url.split("?", 1)[0].lower()
    if "css" in content_type or path.endswith(".css"):
        return "css"
    if "javascript" in content_type or path.endswith((".js", ".mjs")):
        return "js"
    if "json" in content_type or path.endswith(".json"):
        return "json"
    if content_type.startswith("image/"):
        return "image"
    if content_type.startswith("font/") or path.endswith((".woff", ".woff2", ".ttf", ".otf")):
        return "font"
    if content_type.startswith("text/html"):
        return "html"
    return "other"


def launch_browser(playwright, executable: str | None = None):
    return playwright.chromium.launch(executable_path=executable or find_chromium(), args=CHROMIUM_ARGS, headless=True)


class Recorder:
    """Records the responses of one tab; their bodies are read once, when asked.

    After `clear`, it records again from the next document's own request: a request that the
    previous document made late (after it looked idle) and that ends after `clear` is not the
    next page's (it once put a third logo in a page's bytes)."""

    def __init__(self, tab) -> None:
        self.responses: list = []
        self.pending: set = set()
        self.requests: list[str] = []
        self._recorded: set = set()  # the requests whose responses are recorded
        self._recording = True
        self.console_errors: list[str] = []
        self.page_errors: list[str] = []
        tab.on("request", self._start)
        tab.on("console", lambda message: message.type == "error" and self.console_errors.append(_located(message)))
        tab.on("pageerror", lambda error: self.page_errors.append(str(error)))
        tab.on("response", self._on_response)
        tab.on("requestfinished", self._end)
        tab.on("requestfailed", self._end)

    def _start(self, request) -> None:
        self.pending.add(request)
        if request.is_navigation_request() and request.frame.parent_frame is None:
            self._recording = True  # the next document's own request
        if self._recording:
            self._recorded.add(request)
            self.requests.append(request.url)

    def clear(self) -> None:
        for recorded in (self.responses, self.requests, self.console_errors, self.page_errors, self._recorded):
            recorded.clear()
        self._recording = False

    def _end(self, request) -> None:
        self.pending.discard(request)

    def wait_until_idle(self, tab, timeout_ms: int = TIMEOUT_MS) -> None:
        """Wait, by conditions, until no request is in flight, before and after two frames."""
        deadline = time.monotonic() + timeout_ms / 1000
        while True:
            while self.pending:  # polled: Playwright has no event for "no request left"
                if time.monotonic() > deadline:
                    raise TimeoutError(f"{tab.url}: requests still in flight: {[r.url for r in self.pending]}")
                tab.wait_for_timeout(10)  # lets Playwright deliver the events that empty the set
            tab.evaluate(TWO_FRAMES)
            if not self.pending:
                return

    def _on_response(self, response) -> None:
        if response.request in self._recorded:
            self.responses.append(response)

    def resources(self, start: int = 0) -> tuple[list[Resource], list[str]]:
        return _resources_of(self.responses[start:])


def new_context(browser):
    context = browser.new_context(viewport=MOBILE, locale="fr-FR", service_workers="block")
    context.set_default_timeout(TIMEOUT_MS)
    return context


# After the load: each stylesheet, where it sits and whether any of its rules matches an
# element of the page (pseudo-classes and pseudo-elements ignored, so this errs towards
# "used").
STYLESHEETS_USED = r"""() => Array.from(document.styleSheets).map((sheet) => {
  const owner = sheet.ownerNode;
  const matches = (rules) => {
    for (const rule of rules) {
      if (rule.selectorText) {
        for (const part of rule.selectorText.split(',')) {
          const selector = part.replace(/::?[a-zA-Z-]+(\([^)]*\))?/g, '').trim() || '*';
          try { if (document.querySelector(selector)) return true; } catch (e) {}
        }
      } else if (rule.cssRules && matches(rule.cssRules)) {
        return true;
      }
    }
    return false;
  };
  let used = null;
  try { used = matches(sheet.cssRules); } catch (e) {}
  const media = sheet.media.mediaText;
  return {href: sheet.href, in_head: !!(owner && owner.closest('head')), media: media, applies: !media || matchMedia(media).matches, used: used};
})"""


def measure_pages(
    urls: list[str], concurrency: int = 4, quiet_ms: int = QUIET_MS, executable: str | None = None
) -> dict[str, PageLoad]:
    """Load each URL in a fresh context (empty cache), `concurrency` at a time: {url: PageLoad}.

    Playwright's async API runs in a thread of its own, so this can be called next to
    the sync API (the test session's browser) in the calling thread.
    """
    import asyncio
    import threading

    outcome: dict = {}

    def run() -> None:
        try:
            outcome["loads"] = asyncio.run(_measure_all(list(urls), concurrency, quiet_ms, executable or find_chromium()))
        except BaseException as error:  # re-raised in the calling thread
            outcome["error"] = error

    thread = threading.Thread(target=run, name="page-weights")
    thread.start()
    thread.join()
    if "error" in outcome:
        raise outcome["error"]
    return outcome["loads"]


async def _measure_all(urls: list[str], concurrency: int, quiet_ms: int, executable: str) -> dict[str, PageLoad]:
    import asyncio

    from playwright.async_api import async_playwright

    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS, headless=True)
        limit = asyncio.Semaphore(concurrency)

        async def one(url: str):
            async with limit:
                return url, await _load(browser, url, quiet_ms)

        try:
            return dict(await asyncio.gather(*(one(url) for url in urls)))
        finally:
            await browser.close()


async def _load(browser, url: str, quiet_ms: int) -> PageLoad:
    """Every response of the page until the network is quiet, the CLS and the stylesheets."""
    import asyncio

    context = await browser.new_context(viewport=MOBILE, locale="fr-FR", service_workers="block")
    context.set_default_timeout(TIMEOUT_MS)
    responses: list = []
    activity = {"last": time.monotonic()}

    pending: set = set()  # requests started and not yet finished

    def touch(*_args) -> None:
        activity["last"] = time.monotonic()

    def start(request) -> None:
        touch()
        pending.add(request)

    def end(request) -> None:
        touch()
        pending.discard(request)

    def keep(response) -> None:
        touch()
        responses.append(response)

    try:
        tab = await context.new_page()
        await tab.add_init_script(CLS_OBSERVER)
        tab.on("request", start)
        tab.on("requestfinished", end)
        tab.on("requestfailed", end)
        tab.on("response", keep)
        await tab.goto(url, wait_until="load")
        await _settled(tab, pending)
        deadline = time.monotonic() + TIMEOUT_MS / 1000
        while time.monotonic() < deadline and time.monotonic() - activity["last"] < quiet_ms / 1000:
            await asyncio.sleep(0.05)
        load = PageLoad(url=url)
        for response in responses:
            if 300 <= response.status < 400:
                continue  # a redirect: its target is recorded too
            try:
                body = await response.body()
            except Exception as error:  # e.g. a request the page aborted
                load.errors.append(f"{response.url}: {error}")
                continue
            content_type = response.headers.get("content-type", "")
            load.resources.append(
                Resource(response.url, content_type, len(body), transfer_size(body, content_type), response.status)
            )
        load.cls = await tab.evaluate("window.__ea_cls")
        load.shifts = await tab.evaluate("window.__ea_shifts")
        load.stylesheets = await tab.evaluate(STYLESHEETS_USED)
        return load
    finally:
        await context.close()


# Material's bundle has started (it swaps `no-js` for `js`): the last thing a page does on its
# own after the load event; what it fetches (nothing but on a reader's action) is then under way.
MATERIAL_STARTED = "() => document.documentElement.classList.contains('js')"
TWO_FRAMES = "() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))"


async def _settled(tab, pending: set) -> None:
    """Wait, by conditions and never by a duration, until the page has done what it does by
    itself: loaded, Material's bundle started, two frames painted (their layout shifts are
    reported), and no request in flight, before and after those frames."""
    import asyncio

    await tab.wait_for_function(MATERIAL_STARTED)
    deadline = time.monotonic() + TIMEOUT_MS / 1000
    for _ in range(2):
        while pending:  # polled: Playwright has no event for "no request left"
            if time.monotonic() > deadline:
                raise TimeoutError(f"{tab.url}: requests still in flight after {TIMEOUT_MS} ms: {[r.url for r in pending]}")
            await asyncio.sleep(0.01)
        await tab.evaluate(TWO_FRAMES)


def disable_http_cache(tab) -> None:
    """Every load of `tab` fetches everything, as a first visit does (DevTools protocol)."""
    session = tab.context.new_cdp_session(tab)
    session.send("Network.enable")
    session.send("Network.setCacheDisabled", {"cacheDisabled": True})


class LoadsInOneTab:
    """Pages loaded one after the other in one tab whose HTTP cache is off (DevTools protocol):
    each load fetches everything, as a first visit does, without a new browser context per
    page (several times faster). Same readings as `measure_pages` (checked equal on every page
    of the site when this was written); the tests use it, `make bench` keeps fresh contexts."""

    def __init__(self, browser) -> None:
        self.context = new_context(browser)
        self.tab = self.context.new_page()
        disable_http_cache(self.tab)
        self.tab.add_init_script(CLS_OBSERVER)
        self.recorder = Recorder(self.tab)
        self._assets: dict[str, Resource] = {}  # fingerprinted files, the same on every page: read once

    def load(self, url: str) -> PageLoad:
        """Loaded, Material's scripts started, no request in flight: as `_settled`, for the sync API."""
        self.recorder.clear()
        self.context.clear_cookies()  # cookies found after the load come from this page
        response = self.tab.goto(url, wait_until="load")
        self.tab.wait_for_function(MATERIAL_STARTED)
        self.recorder.wait_until_idle(self.tab)
        load = PageLoad(url=url, status=response.status if response else None)
        load.requests = list(self.recorder.requests)
        load.console_errors = list(self.recorder.console_errors)
        load.page_errors = list(self.recorder.page_errors)
        load.cookies = [cookie["name"] for cookie in self.context.cookies()]
        if self.tab.evaluate("document.cookie"):
            load.cookies.append(self.tab.evaluate("document.cookie"))
        load.resources, load.errors = _resources_of(self.recorder.responses, self._assets)
        load.cls = self.tab.evaluate("window.__ea_cls")
        load.shifts = self.tab.evaluate("window.__ea_shifts")
        load.stylesheets = self.tab.evaluate(STYLESHEETS_USED)
        return load

    def close(self) -> None:
        self.context.close()


def _located(message) -> str:
    where = (message.location or {}).get("url", "")
    return f"{message.text} ({where})" if where else message.text


def _resources_of(responses: list, assets: dict[str, Resource] | None = None) -> tuple[list[Resource], list[str]]:
    """The responses' bodies, counted; a fingerprinted file (its content in its name) is read
    once when `assets` keeps them."""
    resources, errors = [], []
    for response in responses:
        if 300 <= response.status < 400:
            continue  # a redirect: its target is recorded too
        if assets is not None and response.url in assets and response.status == 200:
            resources.append(assets[response.url])
            continue
        try:
            body = response.body()
        except Exception as error:  # e.g. a response the page aborted
            errors.append(f"{response.url}: {error}")
            continue
        content_type = response.headers.get("content-type", "")
        resources.append(Resource(response.url, content_type, len(body), transfer_size(body, content_type), response.status))
        if assets is not None and response.status == 200 and is_fingerprinted(response.url):
            assets[response.url] = resources[-1]
    return resources, errors


FINDER_FIELD = ".md-content input[role='combobox'], .md-content input[type='search'], .md-content input[type='text']"


@dataclass
class FinderQuery:
    query: str
    resources: list[Resource]
    results: int
    errors: list[str] = field(default_factory=list)

    @property
    def total_gzip(self) -> int:
        return sum(r.gzip for r in self.resources)

    def as_dict(self) -> dict:
        return {"query": self.query, "total_gzip": self.total_gzip, "results": self.results,
                "resources": [r.as_dict() for r in self.resources], "errors": self.errors}


STATUT_ANNONCE = "() => (document.getElementById('trouver-statut')?.textContent || '').trim().length > 0"


def finder_query(browser, url: str, query: str) -> FinderQuery:
    """Load the finder in a fresh context, type `query`, return what the typing fetched.

    A fresh page per query gives each query's worst case: the first query also fetches
    the file every query needs.
    """
    context = new_context(browser)
    try:
        tab = context.new_page()
        recorder = Recorder(tab)
        tab.goto(url, wait_until="load")
        tab.wait_for_function(MATERIAL_STARTED)
        recorder.wait_until_idle(tab)
        before = len(recorder.responses)
        field_ = tab.locator(FINDER_FIELD).first
        field_.click()
        field_.press_sequentially(query)
        # The finder waits for a pause in typing before it looks up: wait for its announced
        # result (the status region) rather than for a quiet network, which a busy machine
        # can reach before the lookup has even started.
        try:
            tab.wait_for_function(STATUT_ANNONCE, timeout=15_000)
        except Exception:  # reported by the caller: nothing fetched, no result
            pass
        recorder.wait_until_idle(tab)
        resources, errors = recorder.resources(before)
        results = tab.locator(".md-content [role='listbox'] [role='option']").count()
        return FinderQuery(query, resources, results, errors)
    finally:
        context.close()
