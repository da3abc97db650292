"""Every page loads cleanly, has its own title and description, and the site's footer."""
import re
from collections import defaultdict
from xml.etree import ElementTree

import pytest

from emploi_accompagne.accessibilite.grille import charger_audit
from tests.helpers.html import normalize_space, resolve

# The status computed from the audit's grid (data/accessibilite/audit.yaml).
MENTION = f"Accessibilité : {charger_audit().etat}"
FOOTER_LINKS = {  # link text -> URL path of its target
    "Plan du site": "/plan-du-site/",
    MENTION: "/accessibilite/",
    "Mentions légales": "/mentions-legales/",
    "Données personnelles": "/donnees-personnelles/",
}
LICENCE = re.compile(r"Licence Ouverte", re.IGNORECASE)


@pytest.mark.navigateur
def test_loads_without_console_or_page_error(site_page, site, page_loads):
    """As on a first visit, in the light scheme; the dark one, and the states a reader brings
    about, on one page of each kind (tests/site/test_types_de_page.py)."""
    load = page_loads[site_page.path]
    problems = [f"HTTP status {load.status}"] if load.status != 200 else []
    problems += [f"console error: {error}" for error in load.console_errors]
    problems += [f"page error: {error}" for error in load.page_errors]
    assert not problems, f"{site.url(site_page)}:\n" + "\n".join(dict.fromkeys(problems))


def test_has_a_title_a_description_and_one_h1(site_page, parsed_site):
    parsed = parsed_site[site_page.path]
    assert parsed.title, f"{site_page}: empty or missing <title>"
    assert parsed.description, f'{site_page}: empty or missing <meta name="description">'
    h1 = parsed.soup.select("article h1")
    assert len(h1) == 1, f"{site_page}: expected one <h1> in the content, found {len(h1)}"


def test_titles_are_unique(parsed_site):
    assert not _duplicates(parsed_site, "title"), _describe(_duplicates(parsed_site, "title"), "title")


def test_descriptions_are_unique(parsed_site):
    assert not _duplicates(parsed_site, "description"), _describe(_duplicates(parsed_site, "description"), "meta description")


def test_footer_has_the_usual_links_and_the_licence(site_page, site, parsed_site):
    soup = parsed_site[site_page.path].soup
    footer = soup.select_one("footer")
    assert footer is not None, f"{site_page}: no <footer>"
    nav = footer.select_one('nav[aria-label="Pied de page"]')
    assert nav is not None, f'{site_page}: no <nav aria-label="Pied de page"> in the footer'
    links = {normalize_space(a.get_text()): a.get("href", "") for a in nav.select("a")}
    for text, path in FOOTER_LINKS.items():
        assert text in links, f"{site_page}: footer link {text!r} missing (found {sorted(links)})"
        target = resolve(site, site_page, links[text])
        assert target is not None and target.path == path, f"{site_page}: footer link {text!r} goes to {links[text]!r}, expected {path}"
    assert LICENCE.search(normalize_space(footer.get_text())), f"{site_page}: the content licence is not in the footer"


def test_home_page_states_its_status_exactly_once(parsed_site):
    """RGAA: the home page carries one mention of the conformity status, the one the audit gives."""
    count = parsed_site["/"].text.count(MENTION)
    assert count == 1, f"the home page says {MENTION!r} {count} time(s), expected exactly once"


def _duplicates(parsed_site, attribute: str) -> dict[str, list[str]]:
    pages_by_value = defaultdict(list)
    for path, parsed in parsed_site.items():
        value = getattr(parsed, attribute)
        if value:
            pages_by_value[value].append(path)
    return {value: paths for value, paths in pages_by_value.items() if len(paths) > 1}


def _describe(duplicates: dict[str, list[str]], what: str) -> str:
    return f"the same {what} on several pages:\n" + "\n".join(f"{value!r}: {', '.join(paths)}" for value, paths in duplicates.items())
