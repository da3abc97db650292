"""No request leaves the site's origin and nothing is stored in cookies, on every page.

Read from the load of each page as on a first visit (the `page_loads` fixture, tests/conftest.py):
every request the page made, failed ones too, and the cookies found after it.
"""
import pytest

from tests.helpers.html import is_other_origin

LOCAL_SCHEMES = ("data:", "blob:", "about:")


@pytest.mark.navigateur
def test_no_request_to_another_origin(site_page, site, page_loads):
    """In the light scheme; the dark one, and the states a reader brings about, on one page of
    each kind (tests/site/test_types_de_page.py)."""
    foreign = []
    for url in page_loads[site_page.path].requests:
        if not (url.startswith(site.origin + "/") or url.startswith(LOCAL_SCHEMES)):
            foreign.append(url)
    assert not foreign, f"{site.url(site_page)} requested another origin:\n" + "\n".join(sorted(set(foreign)))


@pytest.mark.navigateur
def test_no_cookie(site_page, site, page_loads):
    cookies = page_loads[site_page.path].cookies
    assert not cookies, f"{site.url(site_page)} set cookies: {cookies}"


def test_no_resource_from_another_origin_in_html(site_page, site, parsed_site):
    """What the browser would fetch (scripts, styles, images, fonts...) comes from the site itself."""
    parsed = parsed_site[site_page.path]
    foreign = [str(link) for link in parsed.links if link.fetched and is_other_origin(site, site_page, link.value)]
    assert not foreign, f"{site_page.file.name} of {site_page}: resources from another origin:\n" + "\n".join(foreign)
