"""Every kind of page, in each state it can take, passes the three accessibility engines in
the light and the dark scheme, on a computer and on a phone, and reflows at 320 px.

The Nu checker, the byte budgets, the layout shifts, axe-core (light scheme, phone width) and
the skip link run on every page of the site (tests/site/test_html_valide.py,
tests/performance/, tests/site/test_accessibilite.py, tests/site/test_clavier.py).
What is costlier runs here, on one page of each kind (tests/helpers/types_de_page.py: the
kinds come from the build, so a new kind cannot escape), in each of its states:

- as loaded; the states a reader brings about: the finder after a search, the proposal form
  with its errors, a questionnaire result with a département chosen; on a phone, the menu
  open and the search open (PLACES_DANS_LA_NAVIGATION says on which kinds, and why);
- each state with axe-core, IBM Equal Access (WCAG 2.2, failed violations) and
  HTML_CodeSniffer (WCAG2AA, errors), at 1280 px and 390 px, in the light scheme, and in
  the dark one at 1280 px and for the phone's own states (`schemes`, `moteurs_pour`);
- at 320 px (WCAG 1.4.10), no sideways scrolling, with and without JavaScript.

Where an engine is wrong, tests/helpers/moteurs.EXCEPTIONS names one rule on one element,
proven by a test of tests/site/test_moteurs_accessibilite.py.
"""
from __future__ import annotations

import pytest

from tests.helpers import moteurs
from tests.helpers.browser import DARK_SETTLED, DESKTOP, MATERIAL_READY, NARROW, SCHEMES
from tests.helpers.site import specimen_under_test
from tests.helpers.types_de_page import Exemplaire, exemplaires_du_run, type_de_page

pytestmark = pytest.mark.navigateur

TELEPHONE = {"width": 390, "height": 800}
# Settled: Material's scripts have run and no transition is under way (a panel sliding in).
SETTLED = """() => document.documentElement.classList.contains('js')
  && document.getAnimations().every((a) => a.playState !== 'running')"""


def _ouvrir_le_menu(onglet) -> None:
    onglet.locator('.md-header [data-ea-bascule="__drawer"][aria-expanded]').click()
    onglet.wait_for_function("document.getElementById('__drawer').checked")


def _ouvrir_la_recherche(onglet) -> None:
    onglet.locator('.md-header [data-ea-bascule="__search"][aria-expanded]').click()
    onglet.keyboard.type("emploi")
    onglet.wait_for_selector(".md-search-result__link")


def _chercher_dans_le_trouveur(onglet) -> None:
    onglet.locator("#trouver-champ").press_sequentially("lyon")
    onglet.wait_for_function("document.getElementById('trouver').getAttribute('data-recherche') === 'lyon'")
    onglet.wait_for_selector("#trouver-resultats [role=option]")


def _envoyer_le_formulaire_vide(onglet) -> None:
    onglet.locator("#proposer [type=submit]").first.click()
    onglet.wait_for_selector("#proposer-erreurs a")


def _choisir_un_departement(onglet) -> None:
    onglet.goto(onglet.url.split("#")[0] + "#departement-69")
    onglet.wait_for_selector("#departement-69", state="visible")


CHARGEE = "chargée"
# The states a reader brings about, by kind of page.
ETATS = {
    "annuaire/trouver": {"après une recherche": _chercher_dans_le_trouveur},
    "annuaire/proposer": {"erreurs affichées": _envoyer_le_formulaire_vide},
    "questionnaire/resultat": {"un département choisi": _choisir_un_departement},
}
# What only a phone shows: the header's panels. They are the same on every page but for where
# the page sits in the navigation (the menu opens at it): at the top, in a section, outside it.
ETATS_TELEPHONE = {"menu ouvert": _ouvrir_le_menu, "recherche ouverte": _ouvrir_la_recherche}
PLACES_DANS_LA_NAVIGATION = {"accueil", "facile-a-lire", "departement/sans-coordonnees"}
LARGEURS = {"1280px": DESKTOP, "390px": TELEPHONE}
LOCAL_SCHEMES = ("data:", "blob:", "about:")



def etats(exemplaire: Exemplaire, largeur: str) -> list[str]:
    telephone = largeur == "390px" and exemplaire.type in PLACES_DANS_LA_NAVIGATION
    return [CHARGEE, *ETATS.get(exemplaire.type, {}), *(ETATS_TELEPHONE if telephone else ())]


def schemes(etat: str, largeur: str) -> tuple[str, ...]:
    """Both on a computer; on a phone, the dark scheme only for what a computer does not show
    (colours are the same at every width; the phone's own layout is checked in the light)."""
    return ("light", "dark") if largeur == "1280px" or etat in ETATS_TELEPHONE else ("light",)


def pytest_generate_tests(metafunc):
    if "exemplaire" not in metafunc.fixturenames:
        return
    if "etat" in metafunc.fixturenames:  # the others: tests/conftest.py
        found = exemplaires_du_run()
        cases = [(e, etat, largeur) for largeur in LARGEURS for e in found for etat in etats(e, largeur)]
        ids = [f"{e}-{etat}-{largeur}" for e, etat, largeur in cases]
        metafunc.parametrize(("exemplaire", "etat", "largeur"), cases, ids=ids, indirect=["exemplaire"])


class Onglets:
    """One reused tab per (scheme, viewport, JavaScript on or off), recording every request."""

    def __init__(self, browser) -> None:
        self.browser = browser
        self._contexts: dict = {}
        self.requests: list[str] = []

    def ouvrir(self, exemplaire: Exemplaire, scheme: str = "light", viewport: dict = DESKTOP, javascript: bool = True):
        key = (scheme, viewport["width"], javascript)
        if key not in self._contexts:
            if javascript:
                context = moteurs.new_context(self.browser, scheme, viewport)
            else:
                context = self.browser.new_context(viewport=viewport, color_scheme=scheme, java_script_enabled=False)
            context.on("request", lambda request: self.requests.append(request.url))
            self._contexts[key] = context
        context = self._contexts[key]
        onglet = context.pages[0] if context.pages else context.new_page()
        onglet.emulate_media(color_scheme=scheme)  # a test that failed in the dark may have left it so
        onglet.goto(exemplaire.url, wait_until="load")
        if javascript:
            onglet.wait_for_function(MATERIAL_READY, arg=SCHEMES[scheme])
            onglet.wait_for_function(SETTLED)
        return onglet

    def close(self) -> None:
        for context in self._contexts.values():
            context.close()


@pytest.fixture(scope="module")
def onglets(browser, site):
    if moteurs.missing_scripts():
        pytest.fail(f"missing {moteurs.missing_scripts()}: run `npm ci` (or `make test`).", pytrace=False)
    opened = Onglets(browser)
    yield opened
    opened.close()


def mettre_dans_l_etat(onglet, exemplaire: Exemplaire, etat: str) -> None:
    action = {**ETATS.get(exemplaire.type, {}), **ETATS_TELEPHONE}.get(etat)
    if action is not None:
        action(onglet)
        onglet.wait_for_function(SETTLED)


def test_chaque_page_dit_son_type(site_page):
    assert type_de_page(site_page.file), f"{site_page}: no <meta name=\"ea-type-de-page\"> (overrides/main.html)"


def test_chaque_etat_decrit_existe_dans_le_site():
    """A state written for a kind that the build no longer has would silently test nothing."""
    kinds = {e.type for e in exemplaires_du_run()}
    assert set(ETATS) | PLACES_DANS_LA_NAVIGATION <= kinds, (set(ETATS) | PLACES_DANS_LA_NAVIGATION) - kinds


def test_le_specimen_montre_la_fiche_complete():
    """The département page in its fullest state is among the exemplars (from the specimen site)."""
    built = specimen_under_test()
    assert built.ok, "the specimen site's build failed:\n" + built.build_output
    specimen = [e for e in exemplaires_du_run() if e.specimen]
    assert [e.type for e in specimen] == ["departement/plateforme"], specimen


def moteurs_pour(etat: str, largeur: str, scheme: str) -> list[str]:
    """Every engine, but where it would only repeat itself. IBM Equal Access (about a second a
    page, the costliest) reads the document, which is the same at both widths and in both
    schemes: it runs on each state in the light at 1280 px, and on what only a phone shows.
    In the dark only colours change, which axe-core and HTML_CodeSniffer check; at 390 px
    axe-core checks what the width changes (target sizes, what is hidden)."""
    if scheme == "dark" or (largeur == "390px" and etat not in ETATS_TELEPHONE):
        return ["axe", "htmlcs"]
    return ["axe", "ibm", "htmlcs"]


def test_trois_moteurs_en_clair_puis_en_sombre_et_aucune_requete_vers_un_autre_site(exemplaire, etat, largeur, onglets):
    """The dark scheme on the same document: the system turns dark and the page follows it live
    (tests/site/test_accessibilite.py shows that a page loaded in the dark looks the same)."""
    onglets.requests.clear()
    onglet = onglets.ouvrir(exemplaire, "light", LARGEURS[largeur])
    mettre_dans_l_etat(onglet, exemplaire, etat)
    for scheme in schemes(etat, largeur):
        if scheme == "dark":
            onglet.emulate_media(color_scheme="dark")
            onglet.wait_for_function(DARK_SETTLED)
        engines = moteurs_pour(etat, largeur, scheme)
        found = [v for engine in engines for v in moteurs.run_engine(onglet, engine) if not moteurs.is_exception(v)]
        assert not found, moteurs.format_violations(onglet.url, found) + f"\n({exemplaire}, {etat}, {largeur}, scheme: {scheme})"
    onglet.emulate_media(color_scheme="light")
    foreign = sorted({url for url in onglets.requests if not url.startswith((exemplaire.site.origin + "/", *LOCAL_SCHEMES))})
    assert not foreign, f"{exemplaire} ({etat}, {largeur}) requested another origin: {foreign}"


# What sticks out past the right edge (the describing function defined here: no init script runs
# without JavaScript).
OVERFLOW = "() => {" + moteurs.DESCRIBE + """
  const width = document.documentElement.clientWidth;
  const wide = [...document.querySelectorAll('body *')]
    .filter(e => e.getBoundingClientRect().right > width + 1 && getComputedStyle(e).visibility !== 'hidden')
    .slice(0, 8)
    .map(e => __eaDecrire(e) + ' (right: ' + Math.round(e.getBoundingClientRect().right) + 'px)');
  return {scrollWidth: document.documentElement.scrollWidth, clientWidth: width, wide};
}"""


@pytest.mark.parametrize("javascript", [True, False], ids=["avec-javascript", "sans-javascript"])
def test_a_320_px_rien_ne_defile_de_cote(exemplaire, javascript, onglets):
    """Without JavaScript too: every reader sees the page so until the scripts have run, some for good."""
    onglet = onglets.ouvrir(exemplaire, "light", NARROW, javascript)
    for etat in (etats(exemplaire, "1280px") if javascript else [CHARGEE]):
        if etat != CHARGEE:
            onglet = onglets.ouvrir(exemplaire, "light", NARROW, javascript)
            mettre_dans_l_etat(onglet, exemplaire, etat)
        result = onglet.evaluate(OVERFLOW)
        assert result["scrollWidth"] <= result["clientWidth"], (
            f"{exemplaire} ({etat}) at 320px: scrollWidth {result['scrollWidth']} > clientWidth {result['clientWidth']}; "
            f"elements past the right edge: {result['wide']}"
        )


@pytest.mark.vnu
def test_la_fiche_complete_est_du_html_valide_dans_son_budget_et_sans_decalage(nu_errors):
    """What every page of the site goes through (Nu checker, byte budget, CLS 0), for the
    specimen's complete département page, which is not a page of the site."""
    from benchmarks.poids import measure_pages
    from tests.performance.test_budgets import budget_for, describe

    [exemplaire] = [e for e in exemplaires_du_run() if e.specimen]
    errors = nu_errors.get(str(exemplaire.page.file.resolve()), [])
    assert not errors, "\n".join(errors)
    load = measure_pages([exemplaire.url], concurrency=1)[exemplaire.url]
    assert load.total_gzip <= budget_for(exemplaire.path), describe(load, budget_for(exemplaire.path))
    assert load.cls == 0, load.shifts
