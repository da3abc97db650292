"""Le questionnaire « Est-ce pour moi ? » tel qu'il est construit : en suivant chaque réponse
depuis la première page, comme une personne sans JavaScript, chaque chemin finit sur un
résultat, sans boucle, en six questions au plus, et chaque page est atteinte."""
from __future__ import annotations

import json
import re
from dataclasses import dataclass

import pytest

from emploi_accompagne import referentiel
from emploi_accompagne.questionnaire import MAX_QUESTIONS, charger_questionnaire
from tests.helpers.html import normalize_space, resolve

ACCUEIL = "/est-ce-pour-moi/"
RANG = re.compile(r"^Question (\d+)$")


@dataclass(frozen=True)
class Parcours:
    """One walk from the first question: the pages in order, and where it ends."""

    pages: tuple[str, ...]  # URL paths of the question pages
    fin: str  # URL path of the result page
    fragment: str  # "departement-69" when a département was chosen


def article(parsed_site, path):
    return parsed_site[path].soup.select_one("article")


def reponses(site, parsed_site, path) -> list:
    """The answer links of a question page, resolved."""
    liens = article(parsed_site, path).select(".questionnaire-reponses a, .questionnaire-liste-departements a")
    return [resolve(site, parsed_site[path].page, a["href"]) for a in liens]


def est_un_resultat(parsed_site, path) -> bool:
    return "Votre résultat" in normalize_space(article(parsed_site, path).h1.get_text())


@pytest.fixture(scope="module")
def parcours(site, parsed_site) -> list[Parcours]:
    premiere = next(
        resolve(site, parsed_site[ACCUEIL].page, a["href"]).path
        for a in article(parsed_site, ACCUEIL).select("a")
        if normalize_space(a.get_text()) == "Commencer le questionnaire"
    )
    trouves: list[Parcours] = []

    def suivre(path: str, avant: tuple[str, ...], fragment: str) -> None:
        assert path in parsed_site, f"{avant[-1] if avant else ACCUEIL}: the answer leads to {path}, not a page"
        assert path not in avant, f"loop: {' → '.join((*avant, path))}"
        if est_un_resultat(parsed_site, path):
            trouves.append(Parcours(avant, path, fragment))
            return
        cibles = reponses(site, parsed_site, path)
        assert cibles, f"{path}: neither a result nor a question with answers"
        for cible in cibles:
            suivre(cible.path, (*avant, path), cible.fragment)

    suivre(premiere, (), "")
    return trouves


def test_chaque_chemin_finit_sur_un_resultat_en_six_questions_au_plus(parcours):
    assert len(parcours) > 100  # the département questions count each département
    trop_longs = [p for p in parcours if len(p.pages) > MAX_QUESTIONS]
    assert not trop_longs, f"paths of more than {MAX_QUESTIONS} questions: {trop_longs[:3]}"


def test_chaque_page_du_questionnaire_est_atteinte(parcours, parsed_site):
    atteintes = {ACCUEIL} | {page for p in parcours for page in p.pages} | {p.fin for p in parcours}
    construites = {path for path in parsed_site if path.startswith(ACCUEIL)}
    assert construites - atteintes == set(), "pages no answer leads to"
    assert len(construites) == 2 + len(charger_questionnaire().precedente)  # + the start page and the first question


def test_les_chemins_du_site_sont_ceux_des_donnees(parcours):
    arbre = charger_questionnaire()
    attendus = sorted((len(c.etapes), c.resultat, c.departement or "") for c in arbre.chemins())
    vus = sorted((len(p.pages), p.fin.strip("/").split("/")[-1], p.fragment.removeprefix("departement-").upper())
                 for p in parcours)
    assert vus == attendus


def test_chaque_question_a_un_titre_son_rang_ses_reponses_en_liens_et_un_retour(parcours, site, parsed_site):
    rang: dict[str, int] = {}
    precedente: dict[str, str] = {}
    for p in parcours:
        for i, page in enumerate(p.pages):
            rang[page] = i + 1
            precedente[page] = p.pages[i - 1] if i else ACCUEIL
    for page in rang:
        contenu = article(parsed_site, page)
        titres = contenu.select("h1")
        assert len(titres) == 1, f"{page}: {len(titres)} <h1>"
        etape = titres[0].select_one(".questionnaire-rang")
        assert etape is not None, f"{page}: no « Question N » in the <h1>"
        trouve = RANG.match(normalize_space(etape.get_text()))
        assert trouve, f"{page}: {etape.get_text()!r}"
        assert int(trouve[1]) == rang[page], page
        assert len(reponses(site, parsed_site, page)) >= 2, f"{page}: fewer than two answers"
        # The only field is the one that shortens the list of départements; answers stay links.
        formulaire = [e for e in contenu.select("form, input, select, button:not(.ea-ecouter__bouton)")
                      if not e.find_parent(class_="questionnaire-filtre")]
        assert not formulaire, f"{page}: answers must be plain links (no script needed)"
        retour = [a for a in contenu.select(".questionnaire-navigation a") if "Revenir" in a.get_text()]
        assert len(retour) == 1 and resolve(site, parsed_site[page].page, retour[0]["href"]).path == precedente[page], page


def test_le_compteur_avance_d_un_et_n_annonce_aucun_total_que_la_suite_dementirait(parcours, parsed_site):
    """« Question 2 sur 5 » then « Question 3 sur 3 » was untrue: the count left depends on the answers."""
    for p in parcours:
        numeros = []
        for page in p.pages:
            titre = parsed_site[page].soup.title.get_text()
            h1 = normalize_space(article(parsed_site, page).h1.get_text())
            assert not re.search(r"question \d+ sur \d+", f"{h1} {titre}", re.IGNORECASE), (page, titre)
            numeros.append(int(RANG.match(normalize_space(article(parsed_site, page).select_one(".questionnaire-rang").get_text()))[1]))
        assert numeros == list(range(1, len(p.pages) + 1)), (p.pages, numeros)


def test_la_question_du_departement_a_un_filtre_qui_attend_le_script(parcours, parsed_site):
    """Without JavaScript the field stays hidden (the whole list is there); it has a visible label
    and announces the number left in a polite live region."""
    pages = {page for p in parcours for page in p.pages if article(parsed_site, page).select(".questionnaire-liste-departements")}
    assert pages
    for page in pages:
        bloc = article(parsed_site, page).select_one(".questionnaire-filtre")
        assert bloc is not None and bloc.has_attr("hidden"), page
        champ = bloc.select_one("input")
        etiquette = bloc.select_one(f"label[for='{champ['id']}']")
        assert etiquette is not None and "département" in etiquette.get_text(), page
        assert bloc.select_one("[role=status]") is not None, page


def test_la_question_du_departement_propose_les_101_departements_et_de_passer(parcours, site, parsed_site):
    pages = {page for p in parcours for page in p.pages if article(parsed_site, page).select(".questionnaire-liste-departements")}
    assert pages
    for page in pages:
        cibles = reponses(site, parsed_site, page)
        premiere = normalize_space(article(parsed_site, page).select_one(".questionnaire-reponses a").get_text())
        assert premiere == "Passer cette question", f"{page}: skipping comes first, before 101 links"
        attendus = sorted(f"departement-{d.slug}" for d in referentiel.departements())
        assert sorted(c.fragment for c in cibles if c.fragment) == attendus
        assert len({c.path for c in cibles}) == 1, f"{page}: every answer leads to the same result"


def test_chaque_resultat_dit_quoi_faire_et_mene_au_departement(parcours, site, parsed_site):
    for fin in {p.fin for p in parcours}:
        contenu = article(parsed_site, fin)
        assert len(contenu.select("h1")) == 1
        titres = [normalize_space(h.get_text()) for h in contenu.select("h2, h3")]
        for attendu in ("Ce qui s'applique à vous", "Ce que vous pouvez faire maintenant", "1. À qui demander d'abord"):
            assert attendu in titres, f"{fin}: no heading {attendu!r} (found {titres})"
        assert contenu.select_one(".falc-bloc .falc-etiquette"), f"{fin}: no Facile à lire block"
        cibles = {resolve(site, parsed_site[fin].page, a["href"]).path for a in contenu.select("a[href]")}
        assert "/departements/" in cibles, f"{fin}: no link to the list of départements"
        assert ACCUEIL in cibles, f"{fin}: no way to start again"


def test_le_departement_choisi_mene_a_sa_page(parcours, site, parsed_site):
    for p in (p for p in parcours if p.fragment):
        bloc = article(parsed_site, p.fin).find(id=p.fragment)
        assert bloc is not None, f"{p.fin}#{p.fragment}: no such block"
        code = p.fragment.removeprefix("departement-")
        liens = {resolve(site, parsed_site[p.fin].page, a["href"]).path for a in bloc.select("a")}
        assert liens == {f"/departements/{code}/"}, f"{p.fin}#{p.fragment}: {liens}"


def test_les_pages_de_questions_et_de_resultats_restent_hors_de_la_recherche(site):
    """Out of their path they make no sense; and 101 hidden départements would match every search."""
    index = json.loads((site.root / "search" / "search_index.json").read_text(encoding="utf-8"))
    dans_l_index = {doc["location"].split("#")[0] for doc in index["docs"] if doc["location"].startswith("est-ce-pour-moi")}
    assert dans_l_index == {"est-ce-pour-moi/"}
