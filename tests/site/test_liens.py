"""Every link and resource of the site that points to the site itself resolves: the file
exists and, for `page#anchor`, the anchor exists in the target page."""
import pytest

from tests.helpers.html import resolve


@pytest.fixture(scope="session")
def pages_by_file(parsed_site):
    return {parsed.page.file: parsed for parsed in parsed_site.values()}


def test_internal_links_resolve(site_page, site, parsed_site, pages_by_file):
    broken = []
    for link in parsed_site[site_page.path].links:
        target = resolve(site, site_page, link.value)
        if target is None:
            continue  # another origin, mailto:, tel:, data:...
        if target.file is None:
            broken.append(f"{link}: nothing at {target.path}")
        elif target.fragment and target.file in pages_by_file:
            if target.fragment not in pages_by_file[target.file].ids:
                broken.append(f"{link}: no id {target.fragment!r} in {target.path}")
    assert not broken, f"broken internal links in {site_page}:\n" + "\n".join(broken)
