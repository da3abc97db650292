"""Every page of the built site loaded once in headless Chromium, for the budget tests.

Each page is loaded in a fresh browser context (empty cache, phone-sized viewport), four
at a time, and every response is recorded until the network is idle: see
`benchmarks.poids`, shared with `make bench`. The tests that read these loads all run in
one process (tests/conftest.py), so the pages are loaded once per run.
"""
from __future__ import annotations

import pytest

from benchmarks.poids import measure_pages
from tests.helpers.chromium import NOT_FOUND, find_chromium
from tests.helpers.distribution import MeasuredByPart

CONCURRENT_PAGES = 4


@pytest.fixture(scope="session")
def page_loads(site):
    """{URL path: PageLoad} for every HTML page of the site, measured a part at a time."""
    chromium = find_chromium()
    if chromium is None:
        pytest.fail(NOT_FOUND, pytrace=False)

    def measure(paths: list[str]) -> dict:
        loads = measure_pages([site.url(path) for path in paths], concurrency=CONCURRENT_PAGES, quiet_ms=0, executable=chromium)
        return {path: loads[site.url(path)] for path in paths}

    return MeasuredByPart([page.path for page in site.pages], measure)
