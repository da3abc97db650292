"""Every page of the built site loaded once in headless Chromium, for the budget tests.

Each page is loaded as on a first visit (HTTP cache off) at a phone-sized viewport, and
every response is recorded until the page has settled: see `benchmarks.poids.LoadsInOneTab`.
The pages are measured a part at a time, each part by the test process that runs its tests
(tests/conftest.py), so that each page is loaded once per run.
"""
from __future__ import annotations

import pytest

from benchmarks.poids import LoadsInOneTab
from tests.helpers.distribution import MeasuredByPart


@pytest.fixture(scope="session")
def page_loads(site, browser):
    """{URL path: PageLoad} for every HTML page of the site, measured a part at a time."""
    loads = LoadsInOneTab(browser)

    def measure(paths: list[str]) -> dict:
        return {path: loads.load(site.url(path)) for path in paths}

    yield MeasuredByPart([page.path for page in site.pages], measure)
    loads.close()
