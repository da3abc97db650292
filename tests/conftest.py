"""Shared fixtures: the built site, served locally, and one headless Chromium per session.

Any test that takes a `site_page` argument runs once per page of the built site (test id =
the page's URL path), so pages added later (the directory's pages) are tested too.
"""
from __future__ import annotations

import pytest

from tests.helpers.browser import AXE_SCRIPT, CHROMIUM_ARGS, Browsing, find_chromium
from tests.helpers.html import parse_site
from tests.helpers.site import close_site_under_test, site_under_test


def pytest_generate_tests(metafunc):
    if "site_page" in metafunc.fixturenames:
        pages = site_under_test().pages
        if pages:
            metafunc.parametrize("site_page", pages, ids=[page.path for page in pages], indirect=True)
        else:  # the build failed: one test per function, failing with the build output
            metafunc.parametrize("site_page", [None], ids=["build"], indirect=True)


def pytest_sessionfinish(session):
    close_site_under_test()


@pytest.fixture(scope="session")
def site():
    """The site built with `mkdocs build --strict` and served on 127.0.0.1."""
    built = site_under_test()
    if not built.ok:
        pytest.fail("`mkdocs build --strict` failed:\n" + built.build_output, pytrace=False)
    built.serve()
    return built


@pytest.fixture
def site_page(request, site):
    return request.param


@pytest.fixture(scope="session")
def parsed_site(site):
    """Every built page parsed once (links, ids, title, description, text)."""
    return parse_site(site)


@pytest.fixture(scope="session")
def browser():
    chromium = find_chromium()
    if chromium is None:
        pytest.fail(
            "Chromium not found (looked for `chromium` on PATH and /usr/bin/chromium). "
            "`make test` installs Debian's chromium package; elsewhere install Chromium "
            "and set CHROMIUM=/path/to/chromium.",
            pytrace=False,
        )
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
