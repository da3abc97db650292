"""Le site construit, dans Chromium : la recherche au clavier, la carte, la recherche du site.

Uses the session fixtures of tests/conftest.py (strict build, local server, Chromium).
The finder's script is compared with the Python lookup on a sample of queries, so that
the two implementations of chercher() cannot drift apart.
"""
from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from emploi_accompagne.annuaire import recherche
from tests.helpers.browser import SharedTab

TROUVER = "/trouver-ma-plateforme/"
OPTION = "#trouver-resultats [role=option]"
MAX_AFFICHES = 20  # as in trouver.js


@pytest.fixture(scope="module")
def onglet_du_module(browser, site):
    """Every load a first visit (the tests read what the finder fetches)."""
    contexte = browser.new_context(locale="fr-FR", viewport={"width": 1280, "height": 900})
    contexte.set_default_timeout(15_000)
    partage = SharedTab(contexte, first_visits=True)
    partage.tab.requetes = []
    partage.tab.on("request", lambda requete: partage.tab.requetes.append(requete.url))
    yield partage
    contexte.close()


@pytest.fixture
def onglet(onglet_du_module):
    onglet_du_module.tab.requetes = []
    yield onglet_du_module.tab
    onglet_du_module.clear()


def ouvrir_la_recherche(onglet, site):
    onglet.goto(site.url(TROUVER), wait_until="load")
    onglet.wait_for_selector("#trouver-champ", state="visible")


def taper(onglet, texte: str) -> list[str]:
    """Type in the finder's field and return the options shown once the answer is in."""
    champ = onglet.locator("#trouver-champ")
    champ.fill("")
    champ.press_sequentially(texte)
    onglet.wait_for_function(
        "(texte) => document.getElementById('trouver').getAttribute('data-recherche') === texte", arg=texte
    )
    return onglet.locator(OPTION).all_text_contents()


def texte_option(resultat: recherche.Resultat, noms: dict[str, str]) -> str:
    """The option text as trouver.js writes it."""
    if resultat.genre == "departement":
        return resultat.libelle
    return f"{resultat.libelle} — {noms[resultat.departement]} ({resultat.departement})"


def test_au_clavier_villeurb_puis_entree_mene_au_rhone(onglet, site):
    ouvrir_la_recherche(onglet, site)
    # Reach the field with Tab only, from the top of the page.
    for _ in range(150):
        onglet.keyboard.press("Tab")
        if onglet.evaluate("document.activeElement && document.activeElement.id") == "trouver-champ":
            break
    else:
        pytest.fail("le champ de recherche n'est pas atteignable avec la touche Tab")
    onglet.keyboard.type("villeurb")
    onglet.wait_for_selector(f"{OPTION}:has-text('Villeurbanne (69100)')")
    champ = onglet.locator("#trouver-champ")
    assert champ.get_attribute("aria-expanded") == "true"
    onglet.keyboard.press("ArrowDown")
    actif = champ.get_attribute("aria-activedescendant")
    option = onglet.locator(f"#{actif}")
    assert option.get_attribute("aria-selected") == "true"
    assert option.text_content() == "Villeurbanne (69100) — Rhône (69)"
    assert "1 résultat" in onglet.locator("#trouver-statut").text_content()
    onglet.keyboard.press("Enter")
    onglet.wait_for_url(re.compile(r"/departements/69/$"))
    assert onglet.locator("h1").text_content() == "Rhône (69)"


def test_un_code_postal_sur_deux_departements_donne_les_deux(onglet, site):
    ouvrir_la_recherche(onglet, site)
    options = taper(onglet, "01200")
    assert any(o.endswith("— Ain (01)") for o in options)
    assert any(o.endswith("— Haute-Savoie (74)") for o in options)
    assert "2 résultats" in onglet.locator("#trouver-statut").text_content()


@pytest.mark.parametrize(
    ("requete", "premiere_option", "adresse"),
    [
        ("2a", "Corse-du-Sud (2A)", "/departements/2a/"),
        ("974", "La Réunion (974)", "/departements/974/"),
        ("ardeche", "Ardèche (07)", "/departements/07/"),
        ("cotes d armor", "Côtes-d'Armor (22)", "/departements/22/"),
    ],
)
def test_departement_par_numero_ou_par_nom(onglet, site, requete, premiere_option, adresse):
    ouvrir_la_recherche(onglet, site)
    options = taper(onglet, requete)
    assert options[0] == premiere_option
    onglet.keyboard.press("ArrowDown")
    onglet.keyboard.press("Enter")
    onglet.wait_for_url(re.compile(re.escape(adresse) + "$"))


def test_fleches_echap_et_annonce(onglet, site):
    ouvrir_la_recherche(onglet, site)
    options = taper(onglet, "lyon")
    assert len(options) == 11
    champ = onglet.locator("#trouver-champ")
    champ.press("ArrowUp")  # from nowhere, up goes to the last option
    assert champ.get_attribute("aria-activedescendant") == "trouver-option-10"
    champ.press("ArrowDown")  # and wraps round to the first
    assert champ.get_attribute("aria-activedescendant") == "trouver-option-0"
    statut = onglet.locator("#trouver-statut")
    assert statut.get_attribute("role") == "status"
    assert "11 résultats" in statut.text_content()
    champ.press("Escape")
    assert champ.get_attribute("aria-expanded") == "false"
    assert onglet.locator("#trouver-resultats").is_hidden()
    assert champ.get_attribute("aria-activedescendant") is None
    assert champ.input_value() == "lyon"
    champ.press("Escape")
    assert champ.input_value() == ""


def test_les_donnees_ne_sont_chargees_qu_a_la_frappe_et_restent_petites(onglet, site):
    ouvrir_la_recherche(onglet, site)
    onglet.wait_for_load_state("networkidle")
    assert not [url for url in onglet.requetes if "/index/" in url]
    taper(onglet, "villeurb")
    charges = sorted({url for url in onglet.requetes if "/trouver-ma-plateforme/index/" in url})
    assert [url.split("/index/")[1] for url in charges] == ["c/vi.json", "departements.json"]
    taille = sum(len(gzip.compress(Path(site.root, url.split(site.origin + "/")[1]).read_bytes(), 6)) for url in charges)
    assert taille <= 30_000


SAMPLE = ["villeurb", "saint-ét", "st etienne", "lyon", "69", "691", "01200", "corse", "sai", "y", "1",
          "974", "20000", "l'hay", "Œuilly", "savoie", "marseille 1", "zzz",
          "roubais", "robuaix", "finsitere", "sant malo", "lyom", "zzzzzz"]  # fmt: skip


def test_roubais_propose_roubaix_et_dit_que_le_nom_est_proche(onglet, site):
    ouvrir_la_recherche(onglet, site)
    assert taper(onglet, "Roubais") == ["Roubaix (59100) — Nord (59)"]
    statut = onglet.locator("#trouver-statut").text_content()
    assert "Aucun nom ne s'écrit exactement ainsi" in statut and "1 nom proche" in statut
    onglet.locator(OPTION).first.click()
    onglet.wait_for_url(re.compile(r"/departements/59/$"))


def test_l_aide_ne_parle_des_fleches_qu_au_clavier(onglet, site):
    """A reader on a touch screen hears no instruction about keys they do not have."""
    ouvrir_la_recherche(onglet, site)
    aide = onglet.locator("#trouver-aide").text_content()
    assert "flèches" in aide and aide.index("Au clavier") < aide.index("flèches")
    taper(onglet, "lyon")
    assert "lèche" not in onglet.locator("#trouver-statut").text_content()


def test_le_script_donne_les_memes_resultats_que_python(onglet, site):
    racine = Path(site.root) / "trouver-ma-plateforme"
    lire = lambda chemin: json.loads((racine / chemin).read_text(encoding="utf-8"))  # noqa: E731
    noms = {code: nom for code, nom, _ in lire(recherche.FICHIER_DEPARTEMENTS)["d"]}
    ouvrir_la_recherche(onglet, site)
    for requete in SAMPLE:
        attendues = [texte_option(r, noms) for r in recherche.chercher(requete, lire).resultats[:MAX_AFFICHES]]
        assert taper(onglet, requete) == attendues, requete


def test_sans_javascript_la_liste_complete_reste(browser, site):
    contexte = browser.new_context(java_script_enabled=False)
    try:
        page = contexte.new_page()
        page.goto(site.url(TROUVER))
        assert page.locator("#trouver").is_hidden()
        liens = page.locator("article a[href*='departements/']").evaluate_all("els => els.map(e => e.getAttribute('href'))")
        departements = {lien for lien in liens if re.fullmatch(r"\.\./departements/[0-9ab]{2,3}/", lien)}
        assert len(departements) == 101
    finally:
        contexte.close()


def test_la_carte_nomme_chaque_lien_et_y_mene(onglet, site):
    onglet.goto(site.url("/departements/"), wait_until="load")
    carte = onglet.locator("figure.carte-departements")
    assert carte.locator("a.carte-dep:not(.carte-dep--doublon)").count() == 101  # + mouse-only copies
    assert carte.get_by_role("link", name="Corse-du-Sud (2A)").count() == 1
    assert onglet.locator("article").get_by_role("link", name="Corse-du-Sud (2A)").count() == 2  # map and list
    carte.get_by_role("link", name="Corse-du-Sud (2A)").click()
    onglet.wait_for_url(re.compile(r"/departements/2a/$"))
    assert onglet.locator("h1").text_content() == "Corse-du-Sud (2A)"


@pytest.mark.parametrize(
    ("requete", "adresse"),
    [("ardeche", "departements/07/"), ("07", "departements/07/"), ("cotes d armor", "departements/22/"), ("2a", "departements/2a/")],
)
def test_la_recherche_du_site_trouve_le_departement_par_nom_sans_accents_ou_par_numero(onglet, site, requete, adresse):
    onglet.goto(site.url("/"), wait_until="load")
    onglet.wait_for_function("document.documentElement.classList.contains('js')")  # Material's search is set up
    champ = onglet.locator("input.md-search__input")
    champ.click()
    champ.press_sequentially(requete)  # Material listens to key events, not to fill()
    # The results follow the typing: wait for those of the whole query (the field's value),
    # then read the first one; results of a shorter prefix may be shown in between.
    try:
        onglet.wait_for_function(PREMIER_RESULTAT_POUR, arg=[requete, "/" + adresse], timeout=15_000)
    except PlaywrightTimeout:
        liens = onglet.locator(".md-search-result__item a").evaluate_all("els => els.map(e => e.getAttribute('href'))")
        pytest.fail(f"« {requete} » : results {liens[:3]}, expected {adresse} first", pytrace=False)


PREMIER_RESULTAT_POUR = """([requete, adresse]) => {
  const premier = document.querySelector('.md-search-result__item a');
  return document.querySelector('input.md-search__input').value === requete
    && !!premier && premier.getAttribute('href').split('?')[0].endsWith(adresse);
}"""


def test_l_index_de_recherche_garde_peu_de_texte_par_departement(site):
    index = json.loads((Path(site.root) / "search/search_index.json").read_text(encoding="utf-8"))
    fiche = next(doc for doc in index["docs"] if doc["location"] == "departements/07/")
    assert fiche["title"] == "Ardèche (07)"
    assert "ardeche" in fiche["text"] and "07" in fiche["text"]
    # The generic paragraphs of the 101 pages stay out of the index loaded by every page.
    par_departement = [doc for doc in index["docs"] if re.match(r"departements/[^/]+/", doc["location"])]
    assert sum(len(json.dumps(doc, ensure_ascii=False)) for doc in par_departement) < 30_000
