"""The glossary (data/glossaire.yaml) is the one source of the acronyms and of the words of
the scheme: each acronym gets its <abbr> with the spelled-out form wherever the text uses
it; each acronym for readers and each term has its entry on /glossaire/; the acronyms of
web technique (CSS, SVG…) keep their <abbr> but stay off the public glossary page."""
import re

import pytest

from emploi_accompagne.glossaire import charger_glossaire, charger_sigles

SIGLES = charger_sigles()
ENTREES = charger_glossaire()


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


def test_la_page_glossaire_donne_chaque_entree_publique_avec_son_ancre(parsed_site):
    article = _content(parsed_site["/glossaire/"])
    for entree in ENTREES:
        dt = article.find(id=entree.ancre)
        if entree.technique:
            assert dt is None, f"{entree.nom}: a web technique acronym on the public glossary page"
            continue
        assert dt is not None and dt.name == "dt", f"{entree.nom}: no <dt id={entree.ancre!r}>"
        assert (entree.developpe or entree.terme) in dt.get_text(" ")


# The words the reviews of issue 19 found unexplained on a reader's path.
MOTS_DES_PARCOURS = ["Cap emploi", "France Travail", "mission locale", "prescription", "convention d'appui",
                     "parcours renforcé en emploi", "convention individuelle d'accompagnement", "CDAPH", "RQTH"]


@pytest.mark.parametrize("mot", MOTS_DES_PARCOURS)
def test_les_mots_des_parcours_ont_leur_definition_dans_le_glossaire(parsed_site, mot):
    article = _content(parsed_site["/glossaire/"])
    titres = [" ".join(dt.get_text(" ").split()) for dt in article.find_all("dt")]
    assert any(t == mot or t.startswith(f"{mot} (") for t in titres), f"{mot!r} not among {titres}"


def test_la_page_glossaire_ne_montre_aucun_sigle_de_la_technique_du_web(parsed_site):
    article = _content(parsed_site["/glossaire/"])
    techniques = {e.sigle for e in ENTREES if e.technique}
    assert techniques, "the glossary marks no web technique acronym"
    shown = {dt.get_text(" ").split()[0] for dt in article.find_all("dt")}
    assert not techniques & shown
