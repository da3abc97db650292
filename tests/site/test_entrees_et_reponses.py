"""Issue 19 : une entrée pour chaque public, les réponses d'abord, un menu qui parle au public.

- L'accueil mène aussi aux proches et aux soignants et travailleurs sociaux.
- Chaque longue page d'un public s'ouvre sur « Les trois choses à savoir » : trois réponses,
  chacune avec un lien vers la section de la page qui la détaille.
- Sur la page des personnes, ce qui reste privé vient avant les démarches.
- Le menu ne nomme pas deux pages différentes « Pour l'employeur » et « Pour les employeurs »,
  et le lien vers le code du site (GitHub) vient après les pages, pas en premier."""
from __future__ import annotations

import re

import pytest

from tests.helpers.html import resolve

PAGES_LONGUES = ["/personnes/", "/proches/", "/professionnels-sante-social/", "/prescripteurs/", "/faq/"]


def _article(parsed):
    return parsed.soup.select_one("article.md-content__inner")


@pytest.mark.parametrize("cible", ["/proches/", "/professionnels-sante-social/"])
def test_l_accueil_mene_aux_nouvelles_entrees(site, parsed_site, cible):
    accueil = parsed_site["/"]
    cartes = _article(accueil).select(".grid.cards a[href]")
    assert any((t := resolve(site, accueil.page, a["href"])) and t.path == cible for a in cartes), cible


@pytest.mark.parametrize("path", PAGES_LONGUES)
def test_une_longue_page_commence_par_ses_trois_reponses(parsed_site, path):
    article = _article(parsed_site[path])
    premier = article.find("h2")
    assert premier is not None and premier.get("id") == "l-essentiel", f"{path}: first section is {premier}"
    liste = premier.find_next_sibling("ol")
    assert liste is not None and len(liste.find_all("li", recursive=False)) == 3, f"{path}: not three answers"
    ancres = [a["href"][1:] for a in liste.select('a[href^="#"]')]
    assert len(ancres) >= 3, f"{path}: the answers link to no section of the page"
    ids = parsed_site[path].ids
    assert all(ancre in ids for ancre in ancres), f"{path}: {[a for a in ancres if a not in ids]}"


def test_ce_qui_reste_prive_vient_avant_les_demarches(parsed_site):
    ids = [h2.get("id") for h2 in _article(parsed_site["/personnes/"]).find_all("h2")]
    assert ids.index("ce-qui-reste-prive") < ids.index("pour-qui") < ids.index("comment-demander")


def _libelles_du_menu(parsed):
    nav = parsed.soup.select_one("nav.md-nav--primary")
    return [" ".join(span.get_text().split()) for span in nav.select(".md-nav__link .md-ellipsis")]


def test_le_menu_n_a_pas_deux_libelles_pour_un_meme_public(parsed_site):
    """« Pour l'employeur » and « Pour les employeurs » on two different pages: which one is mine?"""
    publics: dict[str, list[str]] = {}
    for libelle in _libelles_du_menu(parsed_site["/"]):
        if libelle.startswith("Pour "):
            cle = re.sub(r"^Pour (les |l'|la |le )", "", libelle).lower().rstrip("s")
            publics.setdefault(cle, []).append(libelle)
    assert len(publics) >= 4, publics
    assert all(len(libelles) == 1 for libelles in publics.values()), publics


def test_le_lien_vers_github_vient_apres_les_pages_du_menu(parsed_site):
    nav = parsed_site["/"].soup.select_one("nav.md-nav--primary")
    enfants = [e for e in nav.children if getattr(e, "name", None)]
    classes = [" ".join(e.get("class", [])) for e in enfants]
    liste = next(i for i, c in enumerate(classes) if "md-nav__list" in c)
    source = next(i for i, c in enumerate(classes) if "md-nav__source" in c)
    assert liste < source, classes
