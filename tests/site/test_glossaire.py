"""The glossary (data/glossaire.yaml) is the one source of the acronyms: each one gets its
<abbr> with the spelled-out form wherever the text uses it, and its entry on /glossaire/."""
import re

import pytest

from emploi_accompagne.glossaire import charger_sigles

SIGLES = charger_sigles()


def _content(parsed):
    return parsed.soup.select_one("article.md-content__inner")


def test_chaque_sigle_ecrit_dans_une_page_est_explique(site_page, parsed_site):
    article = _content(parsed_site[site_page.path])
    if article is None:
        pytest.skip("no article (redirect or generated file)")
    problems = []
    for sigle in SIGLES:
        whole_word = re.compile(rf"(?<!\w){re.escape(sigle.sigle)}(?!\w)")
        if not whole_word.search(article.get_text(" ")):
            continue
        titles = {abbr.get("title") for abbr in article.find_all("abbr") if abbr.get_text() == sigle.sigle}
        if titles != {sigle.developpe}:
            problems.append(f"{sigle.sigle}: <abbr title> {sorted(t or '' for t in titles)}, expected {sigle.developpe!r}")
    assert not problems, f"{site_page}:\n" + "\n".join(problems)


def test_aucune_page_n_explique_un_sigle_qu_elle_n_emploie_pas(parsed_site):
    """Each page carries only the definitions it needs (nothing hidden or stray)."""
    sigles = {s.sigle for s in SIGLES}
    stray = {}
    for path, parsed in parsed_site.items():
        article = _content(parsed)
        if article is None:
            continue
        for abbr in article.find_all("abbr"):
            if abbr.get_text() not in sigles:
                stray.setdefault(path, []).append(abbr.get_text())
    assert not stray, stray


def test_la_page_glossaire_donne_chaque_sigle_avec_son_ancre(parsed_site):
    article = _content(parsed_site["/glossaire/"])
    for sigle in SIGLES:
        entry = article.find(id=sigle.sigle.lower())
        assert entry is not None and entry.name == "dt", f"{sigle.sigle}: no <dt id={sigle.sigle.lower()!r}>"
        assert sigle.developpe in entry.get_text(" ")
