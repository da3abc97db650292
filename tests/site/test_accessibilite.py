"""Zero axe-core violation on every page of the site (light scheme), and the dark scheme as the
system says.

Rules: WCAG 2.0, 2.1 and 2.2 levels A and AA, and axe's best practices. axe runs on each page
as loaded for the other per-page checks (`page_loads`, tests/conftest.py: phone width); the
dark scheme, the desktop width and the two other engines run on one page of each kind, in
each of its states (tests/site/test_types_de_page.py), the page turning dark live: a page
loaded in the dark must look the same.
"""
import pytest

from tests.helpers.browser import (
    AXE_SCRIPT,
    AXE_TAGS,
    DARK_SETTLED,
    DESKTOP,
    MATERIAL_READY,
    SCHEMES,
    add_script,
    format_axe_violations,
    visit_loaded_page,
)

pytestmark = pytest.mark.navigateur

# Every element's colours and visibility: what contrast and what is shown depend on.
COLOURS = """() => [...document.querySelectorAll('body *')].map((e) => {
  const style = getComputedStyle(e);
  return [e.tagName, style.color, style.backgroundColor, style.borderTopColor, style.visibility, style.display].join(' ');
})"""


def test_no_axe_violation(site_page, page_loads):
    visit = page_loads[site_page.path].visit
    assert visit.body_scheme == SCHEMES["light"], (
        f"{visit.url}: with prefers-color-scheme: light the page shows the {visit.body_scheme!r} palette"
    )
    assert not visit.axe_violations, format_axe_violations(visit.url, visit.axe_violations) + f"\n(tags: {AXE_TAGS})"


def test_axe_as_run_on_each_page_sees_a_violation(browser):
    """The per-page run (axe added after the load) reports what it should: an image without
    a text alternative, then the skip link missing."""
    tab = browser.new_page()
    try:
        tab.set_content('<html lang="fr"><head><title>t</title></head><body><main><img src="data:,"></main></body></html>')
        visit = visit_loaded_page(tab, "about:blank")
    finally:
        tab.close()
    assert "image-alt" in {violation["id"] for violation in visit.axe_violations}, visit.axe_violations
    assert visit.focus_after_enter is None


def test_la_seule_regle_d_axe_qui_lit_les_feuilles_de_style_ne_tourne_pas_avec_les_etiquettes_du_site(browser):
    """Why axe preloads the media only (AXE_OPTIONS): css-orientation-lock, the one rule that
    reads the parsed stylesheets, is experimental, so not run with AXE_TAGS; should axe run it
    one day, this test fails and the stylesheets must be preloaded again."""
    tab = browser.new_page()
    try:
        tab.set_content('<html lang="fr"><head><title>t</title><style>@media (orientation: portrait) '
                        '{ html { transform: rotate(90deg); } }</style></head><body><main><h1>t</h1></main></body></html>')
        add_script(tab, AXE_SCRIPT)
        # axe's default options: every asset preloaded, the stylesheets too.
        trouvees = "async (tags) => (await axe.run(document, {runOnly: {type: 'tag', values: tags}})).violations.map(v => v.id)"
        avec_les_experimentales = tab.evaluate(trouvees, AXE_TAGS + ["experimental"])
        avec_les_etiquettes_du_site = tab.evaluate(trouvees, AXE_TAGS)
    finally:
        tab.close()
    assert "css-orientation-lock" in avec_les_experimentales  # the rule works, when asked for
    assert "css-orientation-lock" not in avec_les_etiquettes_du_site


@pytest.fixture(scope="module")
def loaded_and_turned(browser):
    """A tab whose system is dark from the start, and one whose system turns dark after the load."""
    contexts = {
        how: browser.new_context(viewport=DESKTOP, color_scheme=scheme, locale="fr-FR", reduced_motion="reduce")
        for how, scheme in (("loaded", "dark"), ("turned", "light"))
    }
    yield {how: context.new_page() for how, context in contexts.items()}
    for context in contexts.values():
        context.close()


def test_a_page_loaded_in_the_dark_looks_as_one_that_turned_dark(exemplaire, loaded_and_turned):
    colours = {}
    for how, tab in loaded_and_turned.items():
        tab.emulate_media(color_scheme="dark" if how == "loaded" else "light")
        tab.goto(exemplaire.url, wait_until="load")
        if how == "turned":
            tab.wait_for_function(MATERIAL_READY, arg=SCHEMES["light"])
            tab.emulate_media(color_scheme="dark")
        tab.wait_for_function(DARK_SETTLED)
        colours[how] = tab.evaluate(COLOURS)
    different = [(a, b) for a, b in zip(colours["loaded"], colours["turned"]) if a != b]
    assert len(colours["loaded"]) == len(colours["turned"]) and not different, (
        f"{exemplaire}: loaded in the dark / turned dark differ on {len(different)} elements: {different[:5]}"
    )


def test_scheme_follows_the_system_preference_on_each_visit(site, browsing):
    """The scheme follows the system, live and on each visit (Material would keep the first one)."""
    home = site.pages[0]
    tab = browsing.context("light").new_page()
    try:
        tab.goto(site.url(home), wait_until="load")
        tab.wait_for_function("document.documentElement.classList.contains('js')")
        assert tab.evaluate("document.body.dataset.mdColorScheme") == "default"
        tab.emulate_media(color_scheme="dark")
        tab.wait_for_function("document.body.dataset.mdColorScheme === 'slate'", timeout=5000)
        tab.reload(wait_until="load")
        tab.wait_for_function("document.documentElement.classList.contains('js')")
        assert tab.evaluate("document.body.dataset.mdColorScheme") == "slate", (
            "after switching the system to dark mode, a reload still shows the light palette"
        )
    finally:
        tab.close()
