"""The site's own search forgives French readers (issue 19): accents or not, the usual forms of
a word (singular or plural, verb or noun), one wrong letter in a word of five letters or more,
wherever it is in the word (the first letters too).

Each query is one that readers type; the page expected among the first three results was
chosen by reading the site: the page that answers it (the word in its title or in the text
that speaks of it). The search itself is docs/assets/recherche.js, around Material's worker.
"""
from __future__ import annotations

import json
import unicodedata
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from tests.helpers import recherche_du_site
from tests.helpers.browser import DESKTOP

pytestmark = pytest.mark.navigateur

PREMIERS = 3

# (what the reader types, the page expected among the first three results)
REQUETES = [
    # Word forms, verb and noun: the hiring of the person in « Chercher un emploi ».
    ("embauche", "/situations/recherche-emploi/"),
    ("embaucher", "/situations/recherche-emploi/"),
    ("embauché", "/situations/recherche-emploi/"),
    ("l'embauche", "/situations/recherche-emploi/"),
    # Accents or not, singular or plural: the employers' page speaks of « votre salarié ».
    ("salarie", "/employeurs/"),
    ("salaries", "/employeurs/"),
    ("salarié", "/employeurs/"),
    ("salariee", "/situations/"),  # « la salariée » of « Un changement de traitement »
    # « Un salarié autiste dans un open space » (the autism situation).
    ("autisme", "/situations/open-space/"),
    ("autiste", "/situations/open-space/"),
    ("autistes", "/situations/open-space/"),
    ("handicape", "/personnes/"),  # « L'emploi accompagné pour les personnes en situation de handicap »
    ("travailleur handicapé", "/personnes/"),
    ("handicap psychique", "/situations/changement-traitement/"),
    # « Quels aménagements sont nécessaires » : the employers' page, what they are told.
    ("amenagement", "/employeurs/"),
    ("amenagements", "/employeurs/"),
    ("aménager", "/employeurs/"),
    ("prescripteur", "/prescripteurs/"),
    ("prescripteurs", "/prescripteurs/"),
    ("recrutement", "/employeurs/"),  # « Vous recrutez »
    ("recruter", "/employeurs/"),
    ("mdph", "/preparer-ma-demande/mdph/"),  # « Ma demande à la MDPH »
    ("cap emploi", "/prescripteurs/"),  # the page for France Travail, Cap emploi, missions locales
    ("job coach", "/facile-a-lire/le-job-coach/"),
    ("rqth", "/personnes/"),  # « La RQTH : la condition pour commencer »
    ("esat", "/situations/sortie-esat/"),  # « Quitter un ESAT pour une entreprise »
    # One wrong letter in a word of five letters or more.
    ("accompagnement", "/"),
    ("acompagnement", "/"),
    ("emploi accompagne", "/"),
    ("emploi acompagne", "/"),
    ("prescipteur", "/prescripteurs/"),
    ("recrutemnet", "/employeurs/"),
    ("handicpa", "/personnes/"),
    ("ardeche", "/departements/07/"),
    ("ardehce", "/departements/07/"),
    # The wrong letter among the first ones: a neighbour key, a letter missing or two swapped.
    ("sakarié", "/employeurs/"),
    ("ebmauche", "/situations/recherche-emploi/"),
    ("mployeur", "/employeurs/"),
    ("rpescripteur", "/prescripteurs/"),
    ("qutiste", "/situations/open-space/"),
    ("emploi ccompagné", "/"),
    ("nairie", "/situations/mairie/"),  # « Une mairie recrute un agent »
    ("ecrutement", "/employeurs/"),
    ("raitement", "/situations/changement-traitement/"),
    ("dékais", "/prescripteurs/"),  # « La décision : délais, recours, date de fin »
    ("cienne", "/departements/86/"),  # the département pages are in the search
    ("gronde", "/departements/33/"),
    ("llier", "/departements/03/"),
    # A word of five letters with one missing: four letters typed.
    ("apui", "/employeurs/comparer/"),  # « Comparer l'emploi accompagné et les autres appuis »
    ("snté", "/professionnels-sante-social/"),
    # No page of the site speaks of part-time work yet: see test_temps_partiel.
]
TEMPS_PARTIEL = "temps partiel"


@pytest.fixture(scope="module")
def onglet(browser, site):
    contexte = browser.new_context(locale="fr-FR", viewport=DESKTOP)
    contexte.set_default_timeout(30_000)
    recherche_du_site.preparer(contexte)
    page = contexte.new_page()
    recherche_du_site.ouvrir(page, site)
    yield page
    contexte.close()


def _liste(resultats) -> str:
    return "\n".join(f"  {rang}. {resultat}" for rang, resultat in enumerate(resultats[:8], start=1)) or "  (aucun résultat)"


@pytest.mark.parametrize(("requete", "attendue"), REQUETES, ids=[requete for requete, _ in REQUETES])
def test_la_recherche_trouve_la_page_qui_repond(onglet, requete, attendue):
    resultats = recherche_du_site.chercher(onglet, requete)
    premiers = [resultat.chemin for resultat in resultats[:PREMIERS]]
    assert attendue in premiers, (
        f"« {requete} » : {attendue} attendue parmi les {PREMIERS} premiers résultats ; "
        f"la recherche donne ({len(resultats)} pages) :\n{_liste(resultats)}"
    )


def _sans_accents(texte: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", texte.lower()) if unicodedata.category(c) != "Mn")


def test_temps_partiel(onglet, site):
    """« temps partiel » is what a reader types; no page answers it yet. When one does, this
    test fails and asks to name it in REQUETES."""
    index = json.loads((Path(site.root) / "search/search_index.json").read_text(encoding="utf-8"))
    pages = sorted({
        "/" + document["location"].split("#")[0]
        for document in index["docs"]
        if TEMPS_PARTIEL in _sans_accents(document["title"] + " " + document["text"])
    })
    assert not pages, f"{pages} parle(nt) maintenant du temps partiel : ajoutez (« {TEMPS_PARTIEL} », page) à REQUETES"
    resultats = recherche_du_site.chercher(onglet, TEMPS_PARTIEL)
    pytest.xfail(f"aucune page du site ne parle du temps partiel ; la recherche donne :\n{_liste(resultats)}")


def test_les_mots_sans_accent_sont_surlignes_tels_que_le_site_les_ecrit(onglet):
    """The page a result opens highlights the words found as the site writes them (with their
    accents), not as the reader typed them, nor the terms the search reads."""
    recherche_du_site.chercher(onglet, "amenagements")
    liens = onglet.locator(".md-search-result__item a.md-search-result__link").evaluate_all("liens => liens.map(l => l.href)")
    lien = next((lien for lien in liens if urlsplit(lien).path == "/employeurs/" and "h=" in lien and not lien.endswith("h=")), None)
    assert lien, f"no link to a section of /employeurs/ among {liens}"
    assert "aménagements" in parse_qs(urlsplit(lien).query)["h"][0].split(), lien
    page = onglet.context.new_page()
    try:
        page.goto(lien, wait_until="load")
        marque = page.wait_for_selector("article mark[data-md-highlight]")
        assert marque.inner_text() == "aménagements", marque.inner_text()
    finally:
        page.close()


def test_un_mot_introuvable_est_nomme_tel_que_le_lecteur_l_a_tape(onglet):
    """Material names, under a result, the words of the query it does not contain: the
    reader's word, not the term the search made of it."""
    resultats = recherche_du_site.chercher(onglet, "salariés zzzzz")
    assert resultats, "« salariés zzzzz » : aucun résultat (salariés est sur plusieurs pages)"
    manquants = onglet.locator(".md-search-result__terms del").all_text_contents()
    assert manquants and set(manquants) == {"zzzzz"}, manquants
