"""Nothing delays the first paint that the first paint does not need.

- In <head>, a script either loads without blocking the parser (`defer`, `async`,
  `type="module"`) or is a tiny inline one (Material's configuration, a few hundred bytes).
- In <body>, a blocking external script comes only after all the content (Material's
  bundle, last in the page); ours are `defer`.
- Every stylesheet is from the site and applies to the page (at least one of its rules
  matches an element once loaded, checked in Chromium): a stylesheet blocks rendering,
  so one that styles nothing on the page must not be loaded there. A stylesheet whose
  media query does not match (the dark palette in light mode) does not block rendering.
- Stylesheets are linked from the <head>, never from the body.
- Our stylesheets do not chain requests with @import.
"""
from __future__ import annotations

import re

import pytest

from tests.helpers.html import is_other_origin

INLINE_SCRIPT_MAX = 1_000  # bytes
NON_BLOCKING_TYPES = {"module", "application/json", "application/ld+json", "importmap", "text/template"}
MATERIAL_ASSETS = re.compile(r"/assets/(?:javascripts|stylesheets)/")


def _blocks_parser(script) -> bool:
    kind = (script.get("type") or "").strip().lower()
    if kind in NON_BLOCKING_TYPES:
        return False
    return script.get("src") is not None and script.get("defer") is None and script.get("async") is None


def test_no_blocking_script_in_head(site_page, parsed_site):
    head = parsed_site[site_page.path].soup.head
    problems = []
    for script in head.find_all("script"):
        kind = (script.get("type") or "").strip().lower()
        if script.get("src") is not None:
            if _blocks_parser(script):
                problems.append(f'<script src="{script["src"]}"> without defer/async')
        elif kind not in NON_BLOCKING_TYPES and len(script.get_text().encode()) > INLINE_SCRIPT_MAX:
            problems.append(f"inline script of {len(script.get_text().encode()):,} bytes: {script.get_text()[:80]}…")
    assert not problems, f"{site_page}: render-blocking scripts in <head>:\n" + "\n".join(problems)


def test_blocking_scripts_only_after_the_content(site_page, parsed_site):
    body = parsed_site[site_page.path].soup.body
    problems = []
    for script in body.find_all("script"):
        if not _blocks_parser(script):
            continue
        after = [tag.name for tag in script.find_all_next(True) if tag.name != "script"]
        if after:
            problems.append(f'<script src="{script["src"]}"> without defer, followed by <{after[0]}> and {len(after) - 1} more elements')
    assert not problems, f"{site_page}: parser-blocking scripts before the end of the page:\n" + "\n".join(problems)


def test_stylesheets_are_linked_from_the_head(site_page, parsed_site):
    """A stylesheet linked from the body holds back the paint of everything after it."""
    body = parsed_site[site_page.path].soup.body
    in_body = [link.get("href") for link in body.find_all("link") if "stylesheet" in (link.get("rel") or [])]
    assert not in_body, f"{site_page}: stylesheets linked from the <body>: {in_body}"


@pytest.mark.navigateur
def test_every_stylesheet_applies_to_the_page(site_page, site, page_loads):
    load = page_loads[site_page.path]
    problems = []
    for sheet in load.stylesheets:
        href = sheet["href"]
        if href and is_other_origin(site, site_page, href):
            problems.append(f"{href}: a stylesheet from another origin")
        elif href and sheet["applies"] and sheet["used"] is False:
            problems.append(f"{href}: no rule applies to this page ({'<head>' if sheet['in_head'] else '<body>'})")
    assert not problems, f"{site_page}: stylesheets not needed for the first paint:\n" + "\n".join(problems)


def test_our_stylesheets_do_not_import(site):
    importing = [
        css.relative_to(site.root).as_posix()
        for css in site.root.rglob("*.css")
        if not MATERIAL_ASSETS.search("/" + css.relative_to(site.root).as_posix())
        and re.search(r"@import\b", css.read_text(encoding="utf-8"))
    ]
    assert not importing, f"@import chains a request before the first paint: {importing}"


# The first paint, then the requests made before and after it, seen from the page itself.
FIRST_PAINT_AND_REQUESTS = """() => {
  const paint = performance.getEntriesByName('first-contentful-paint')[0];
  return {
    paint: paint ? paint.startTime : null,
    requests: performance.getEntriesByType('resource').map((r) => [r.name, r.startTime]),
    js: document.documentElement.classList.contains('js'),
  };
}"""


@pytest.mark.navigateur
@pytest.mark.parametrize("path", ["/", "/personnes/", "/departements/29/", "/trouver-ma-plateforme/"])
def test_material_javascript_waits_for_the_first_paint_then_starts(browser, site, path):
    """The page is painted without Material's bundle, which then loads and runs."""
    page = browser.new_page()
    try:
        page.goto(site.url(path), wait_until="load")
        page.wait_for_function("document.documentElement.classList.contains('js')", timeout=10000)
        seen = page.evaluate(FIRST_PAINT_AND_REQUESTS)
    finally:
        page.close()
    bundle = [start for name, start in seen["requests"] if "/assets/javascripts/bundle." in name]
    assert seen["paint"] is not None, f"{path}: no first contentful paint recorded"
    assert len(bundle) == 1, f"{path}: Material's bundle requested {len(bundle)} times"
    assert bundle[0] >= seen["paint"], (
        f"{path}: Material's bundle requested at {bundle[0]:.0f} ms, before the first paint ({seen['paint']:.0f} ms)"
    )


PALETTE_BEFORE_PAINT = """() => ({
  loaded: performance.getEntriesByType('resource').find(e => e.name.includes('/stylesheets/palette.')).responseEnd,
  paint: performance.getEntriesByName('first-contentful-paint')[0].startTime,
})"""


@pytest.mark.navigateur
def test_the_dark_palette_is_loaded_only_in_dark_mode(browsing, site):
    """In dark mode the palette stylesheet is there before the first paint and applies (its
    rules are used); in light mode it is not even downloaded, until the system turns dark."""
    from benchmarks.poids import STYLESHEETS_USED

    def palettes(tab) -> list[dict]:
        return [s for s in tab.evaluate(STYLESHEETS_USED) if s["href"] and "/stylesheets/palette." in s["href"]]

    for scheme in ("light", "dark"):
        tab = browsing.context(scheme).new_page()
        requested = []
        tab.on("request", lambda request, requested=requested: requested.append(request.url))
        try:
            tab.goto(site.url("/personnes/"), wait_until="load")
            found = palettes(tab)
            if scheme == "light":
                assert found == [] and not [url for url in requested if "/stylesheets/palette." in url]
                tab.emulate_media(color_scheme="dark")
                tab.wait_for_function("() => { const link = document.querySelector('link[href*=\"/stylesheets/palette.\"]'); return !!(link && link.sheet); }")
                found = palettes(tab)
            [palette] = found
            assert palette["applies"] is True and palette["used"] is True, (scheme, palette)
            if scheme == "dark":  # no light flash: the first paint waited for it
                tab.wait_for_function("document.documentElement.classList.contains('js')", timeout=10000)  # painted
                timing = tab.evaluate(PALETTE_BEFORE_PAINT)
                assert timing["loaded"] <= timing["paint"], timing
        finally:
            tab.close()
