"""Shared fixtures: the built site, served locally, and one headless Chromium per test process.

Any test that takes a `site_page` argument runs once per page of the built site (test id =
the page's URL path), so pages added later (the directory's pages) are tested too; one that
takes an `exemplaire` runs once per kind of page (tests/helpers/types_de_page.py).

`make test` runs the tests in several processes (pytest-xdist, pyproject.toml). The site is
built once, by the process that starts them (tests/helpers/site.py). Tests that read the
same costly measurement are sent to the same process, so that it is made only once there:
see `pytest_collection_modifyitems`.
"""
from __future__ import annotations

import functools
import gc
from pathlib import Path

import pytest

from benchmarks.poids import LoadsInOneTab
from tests.helpers import nu
from tests.helpers.browser import AXE_SCRIPT, Browsing, visit_loaded_page
from tests.helpers.chromium import CHROMIUM_ARGS, NOT_FOUND, find_chromium
from tests.helpers.distribution import GroupScheduling, MeasuredByPart, parts_of, share_groups, stop_sharing_groups, write_groups
from tests.helpers.html import parse_site
from tests.helpers.site import close_site_under_test, share_site_under_test, site_under_test, specimen_under_test
from tests.helpers.types_de_page import exemplaires_du_run

# Session fixtures that measure the pages a part at a time (distribution.MeasuredByPart):
# the tests that read one part of one form a group.
MEASURED_BY_PART = (
    "page_loads",  # pages loaded with an empty cache (below)
)


def pytest_configure(config):
    # The suite keeps many objects alive (parsed pages, collected items): with Python's
    # default thresholds the cyclic collector walks them again and again. Collecting less
    # often took the tests without a browser from 102-114 s to 88-90 s (-n 2, same machine).
    gc.set_threshold(50_000, 20, 50)


def pytest_sessionstart(session):
    if session.config.pluginmanager.hasplugin("dsession"):  # the xdist controller, before its workers start
        share_site_under_test()
        share_groups()
        nu.start(*_pages_for_the_nu_checker())  # in the background, while the workers start


def pytest_generate_tests(metafunc):
    if "exemplaire" in metafunc.fixturenames and "etat" not in metafunc.fixturenames:
        found = exemplaires_du_run()  # one page of each kind (tests/helpers/types_de_page.py)
        metafunc.parametrize("exemplaire", found, ids=[str(e) for e in found], indirect=True)
    if "site_page" in metafunc.fixturenames:
        pages = site_under_test().pages
        if pages:
            metafunc.parametrize("site_page", pages, ids=[page.path for page in pages], indirect=True)
        else:  # the build failed: one test per function, failing with the build output
            metafunc.parametrize("site_page", [None], ids=["build"], indirect=True)


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items):
    """One process gets every test of a group (`--dist loadgroup`, tests/helpers/distribution.py)."""
    for item in items:
        group = _group(item)
        if group:
            item.add_marker(pytest.mark.xdist_group(group))


def _group(item) -> str | None:
    page = _page_of(item)
    for fixture in MEASURED_BY_PART:
        if fixture in item.fixturenames and page is not None:
            parts = _parts_of_the_pages()
            return f"{fixture} {parts[page]}" if page in parts else fixture
    if page is not None and "browsing" in item.fixturenames:
        return f"browsing {page}"  # the visits of a page are cached by the process that made them
    return None


@functools.cache
def _parts_of_the_pages() -> dict[str, int]:
    return parts_of([page.path for page in site_under_test().pages])


def _page_of(item) -> str | None:
    """The URL path of the page a test is about: its `site_page` or `path` parameter."""
    params = getattr(item, "callspec", None) and item.callspec.params
    if not params:
        return None
    page = params.get("site_page") or params.get("path")
    return str(page) if page is not None else None


@pytest.hookimpl(tryfirst=True)  # before the worker sends its collection to the controller
def pytest_collection_finish(session):
    if hasattr(session.config, "workerinput"):
        write_groups(session.items)


@pytest.hookimpl(optionalhook=True)  # the controller's scheduler
def pytest_xdist_make_scheduler(config, log):
    if config.getvalue("dist") == "loadgroup":
        return GroupScheduling(config, log)
    return None


def pytest_sessionfinish(session):
    nu.stop()
    close_site_under_test()
    stop_sharing_groups()


@pytest.fixture(scope="session")
def site():
    """The site built with `mkdocs build --strict` and served on 127.0.0.1."""
    built = site_under_test()
    if not built.ok:
        pytest.fail("`mkdocs build --strict` failed:\n" + built.build_output, pytrace=False)
    built.serve()
    specimen_under_test().serve()  # the specimen site (tests/helpers/site.py), built with it
    return built


@pytest.fixture
def site_page(request, site):
    return request.param


@pytest.fixture
def exemplaire(request, site):
    """One page of each kind, served (the specimen site with the site)."""
    return request.param


@pytest.fixture(scope="session")
def page_loads(site, browser):
    """{URL path: PageLoad} for every HTML page of the site, each loaded once as on a first visit
    (HTTP cache off) at a phone-sized viewport, every request, response, error and cookie
    recorded until the page has settled (benchmarks.poids.LoadsInOneTab), then axe-core run
    and the skip link followed on the same load (`load.visit`, tests/helpers/browser.py);
    measured a part at a time, each part by the test process that runs its tests."""
    loads = LoadsInOneTab(browser)

    def measure(paths: list[str]) -> dict:
        measured = {}
        for path in paths:
            load = loads.load(site.url(path))
            load.visit = visit_loaded_page(loads.tab, load.url)
            # What the visit fetched (a logo again, for one) is done before the next page's
            # readings start: arriving late, it was counted as that page's.
            loads.recorder.wait_until_idle(loads.tab)
            measured[path] = load
        return measured

    yield MeasuredByPart([page.path for page in site.pages], measure)
    loads.close()


def _pages_for_the_nu_checker() -> tuple[list[Path], Path]:
    """Every page of the site and the specimen's complete one; where the report goes."""
    site = site_under_test()
    files = [page.file.resolve() for page in site.pages]
    files += [e.page.file.resolve() for e in exemplaires_du_run() if e.specimen]
    return files, site.root.parent / "nu.json"


@pytest.fixture(scope="session")
def nu_errors(site) -> dict[str, list[str]]:
    """{resolved file path: the W3C Nu checker's errors} for every page (tests/helpers/nu.py)."""
    try:
        return nu.errors(*_pages_for_the_nu_checker())
    except nu.NuUnavailable as why:
        pytest.fail(str(why), pytrace=False)


@pytest.fixture(scope="session")
def parsed_site(site):
    """Every built page parsed once (links, ids, title, description, text)."""
    return parse_site(site)


@pytest.fixture(scope="session")
def browser():
    chromium = find_chromium()
    if chromium is None:
        pytest.fail(NOT_FOUND, pytrace=False)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS, headless=True)
        yield launched
        launched.close()


@pytest.fixture(scope="session")
def browsing(browser, site):
    """Cached page visits shared by the browser tests."""
    if not AXE_SCRIPT.is_file():
        pytest.fail(f"{AXE_SCRIPT} is missing: run `npm ci` (or `make test`).", pytrace=False)
    shared = Browsing(browser, site)
    yield shared
    shared.close()

