"""The glossary (data/glossaire.yaml) is the one source of the acronyms: each one gets its
<abbr> with the spelled-out form wherever the text uses it, and its entry on /glossaire/."""
import re

import pytest

from emploi_accompagne.glossaire import charger_sigles

TERMS = charger_sigles()


def _content(parsed):
    return parsed.soup.select_one("article.md-content__inner")


def test_every_acronym_written_in_a_page_is_spelled_out(site_page, parsed_site):
    article = _content(parsed_site[site_page.path])
    if article is None:
        pytest.skip("no article (redirect or generated file)")
    problems = []
    for term in TERMS:
        whole_word = re.compile(rf"(?<!\w){re.escape(term.sigle)}(?!\w)")
        if not whole_word.search(article.get_text(" ")):
            continue
        titles = {abbr.get("title") for abbr in article.find_all("abbr") if abbr.get_text() == term.sigle}
        if titles != {term.developpe}:
            problems.append(f"{term.sigle}: <abbr title> {sorted(t or '' for t in titles)}, expected {term.developpe!r}")
    assert not problems, f"{site_page}:\n" + "\n".join(problems)


def test_no_page_spells_out_an_acronym_it_does_not_use(parsed_site):
    """Each page carries only the definitions it needs (nothing hidden or stray)."""
    sigles = {term.sigle for term in TERMS}
    stray = {}
    for path, parsed in parsed_site.items():
        article = _content(parsed)
        if article is None:
            continue
        for abbr in article.find_all("abbr"):
            if abbr.get_text() not in sigles:
                stray.setdefault(path, []).append(abbr.get_text())
    assert not stray, stray


def test_the_glossary_page_lists_every_term_with_its_anchor(parsed_site):
    article = _content(parsed_site["/glossaire/"])
    for term in TERMS:
        entry = article.find(id=term.sigle.lower())
        assert entry is not None and entry.name == "dt", f"{term.sigle}: no <dt id={term.sigle.lower()!r}>"
        assert term.developpe in entry.get_text(" ")
