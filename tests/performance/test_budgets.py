"""Byte budgets (issue 5): what a first visit to each page costs, counted in bytes.

How the bytes are counted, and why this way. Each page of the built site is loaded in
headless Chromium at a phone-sized viewport, with the HTTP cache off (as on a first visit:
benchmarks.poids.LoadsInOneTab), and every response is recorded until the page has settled
and no request is in flight. That is what a browser really fetches: the HTML, the
stylesheets, scripts, images and fonts it references, what the stylesheets reference, and
also what scripts fetch on their own after the load
(Material's search worker, its index and language files), which no reading of the HTML
would find. Images the browser does not fetch (lazy, below the fold) are not counted,
as a reader does not pay for them either. Each body counts as a gzip server sends it:
gzip level 6 for text types (HTML, CSS, JS, JSON, SVG), as is for already-compressed
types; HTTP headers are left out. 1 KB = 1,000 bytes.

Budgets: a content page and a département page at most 73 KB (what a stock Material
9.8.1 page transfers); the directory index with its map, the finder before typing and the
proposal form at
most 110 KB; a finder query at most 30 KB more (tested in test_trouver.py). The RGAA audit
grid, a reference table of 106 criteria on the audit's 47 pages that the accessibility
statement links to (not a page of a reader's journey), at most 90 KB.
"""
from __future__ import annotations

import pytest

PAGE_BUDGET = 73_000
DIRECTORY_BUDGET = 110_000
# Pages that carry a tool of their own (map, finder, proposal form with its checks).
DIRECTORY_PAGES = {"/departements/", "/trouver-ma-plateforme/", "/contribuer/proposer/"}
AUDIT_GRID_BUDGET = 90_000
AUDIT_GRID = "/accessibilite/grille/"

pytestmark = pytest.mark.navigateur


def budget_for(path: str) -> int:
    if path == AUDIT_GRID:
        return AUDIT_GRID_BUDGET
    return DIRECTORY_BUDGET if path in DIRECTORY_PAGES else PAGE_BUDGET


def describe(load, budget: int) -> str:
    """The total against the budget, then every file from the heaviest."""
    lines = [
        f"{load.url}: {load.total_gzip:,} bytes gzip for {len(load.resources)} files, "
        f"budget {budget:,} ({load.total_gzip - budget:+,})"
    ]
    for resource in sorted(load.resources, key=lambda r: -r.gzip):
        lines.append(f"  {resource.gzip:>8,}  {resource.url}")
    lines += [f"  not counted: {error}" for error in load.errors]
    return "\n".join(lines)


def test_page_within_byte_budget(site_page, page_loads):
    load = page_loads[site_page.path]
    budget = budget_for(site_page.path)
    assert load.resources, f"{site_page}: nothing recorded while loading the page"
    within_budget = load.total_gzip <= budget
    assert within_budget, describe(load, budget)


def test_every_request_succeeds(site_page, page_loads):
    """A failed request would be left out of the count: none may fail."""
    load = page_loads[site_page.path]
    failed = [f"{r.status} {r.url}" for r in load.resources if r.status >= 400 and r.url != load.url]
    assert not failed and not load.errors, f"{site_page}: " + "; ".join(failed + load.errors)


def test_a_response_to_the_previous_page_does_not_count_as_the_next_one_s():
    """A request that the previous page made late, answered once the next load has begun, is
    not counted as the next page's: recording starts again at the next document's own request.
    (Played with the tab's events in the order Chromium sends them: the race is too rare to
    be brought about in a browser on demand.)"""
    from types import SimpleNamespace

    from benchmarks.poids import Recorder

    handlers = {}
    recorder = Recorder(SimpleNamespace(on=lambda event, handler: handlers.setdefault(event, handler)))
    main_frame = SimpleNamespace(parent_frame=None)

    class Request:  # as Playwright's: one object per request, compared by identity
        def __init__(self, url: str, navigation: bool = False) -> None:
            self.url, self.frame, self.navigation = url, main_frame, navigation

        def is_navigation_request(self) -> bool:
            return self.navigation

    late = Request("http://127.0.0.1/assets/logo.svg")
    handlers["request"](late)  # the previous page, after it looked idle
    recorder.clear()  # the next load begins
    document, logo = Request("http://127.0.0.1/page/", navigation=True), Request("http://127.0.0.1/assets/logo.svg")
    for own in (document, logo):
        handlers["request"](own)
    for answered in (late, document, logo):
        handlers["response"](SimpleNamespace(request=answered))
    assert [response.request for response in recorder.responses] == [document, logo]
    assert recorder.requests == [document.url, logo.url]
