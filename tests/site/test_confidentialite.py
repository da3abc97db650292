"""No request leaves the site's origin and nothing is stored in cookies, on every page."""
import pytest

from tests.helpers.html import is_other_origin

LOCAL_SCHEMES = ("data:", "blob:", "about:")


@pytest.mark.navigateur
def test_no_request_to_another_origin(site_page, site, browsing):
    """In the light scheme; the dark one, and the states a reader brings about, on one page of
    each kind (tests/site/test_types_de_page.py)."""
    foreign = []
    for url in browsing.visit(site_page, "light").requests:
        if not (url.startswith(site.origin + "/") or url.startswith(LOCAL_SCHEMES)):
            foreign.append(url)
    assert not foreign, f"{site.url(site_page)} requested another origin:\n" + "\n".join(sorted(set(foreign)))


@pytest.mark.navigateur
def test_no_cookie(site_page, site, browsing):
    cookies = browsing.visit(site_page, "light").cookies
    assert not cookies, f"{site.url(site_page)} set cookies: {cookies}"


def test_no_resource_from_another_origin_in_html(site_page, site, parsed_site):
    """What the browser would fetch (scripts, styles, images, fonts...) comes from the site itself."""
    parsed = parsed_site[site_page.path]
    foreign = [str(link) for link in parsed.links if link.fetched and is_other_origin(site, site_page, link.value)]
    assert not foreign, f"{site_page.file.name} of {site_page}: resources from another origin:\n" + "\n".join(foreign)
