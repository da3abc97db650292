"""Three accessibility engines run on a page: axe-core, IBM Equal Access and HTML_CodeSniffer.

Each engine is added to the loaded page when it runs there (browser.add_script), then run. Each reports only its
violations, in one shape: `{"moteur", "regle", "cible", "message"}`, where `cible` is a
CSS-like path of the element (tag, id, classes), the same for every engine, so that an
exception can name one rule on one selector.

- axe-core: WCAG 2.0-2.2 A and AA and best practices (AXE_TAGS), violations;
- IBM Equal Access (accessibility-checker-engine): rule set WCAG_2_2, results of level
  "VIOLATION" that "FAIL" (not the potential ones, which need a human);
- HTML_CodeSniffer: standard WCAG2AA, messages of type ERROR (not warnings or notices).
"""
from __future__ import annotations

from tests.helpers.browser import AXE_OPTIONS, AXE_SCRIPT, AXE_TAGS, TIMEOUT_MS, add_script
from tests.helpers.site import NODE_MODULES

ACE_SCRIPT = NODE_MODULES / "accessibility-checker-engine" / "ace.js"
HTMLCS_SCRIPT = NODE_MODULES / "html_codesniffer" / "build" / "HTMLCS.js"
SCRIPTS = {"axe": AXE_SCRIPT, "ibm": ACE_SCRIPT, "htmlcs": HTMLCS_SCRIPT}
# Where an engine is wrong: (engine, rule, the element's own "tag#id.class" description), each
# proven by the test named beside it (tests/site/test_moteurs_accessibilite.py).
EXCEPTIONS = {
    # A form without a submit button (WCAG 3.2.2, technique H32): the site search searches as
    # one types, the message form writes the message as one types; neither changes context
    # (no navigation, focus stays in the field). The finder has its « Chercher » button.
    ("htmlcs", "H32.2", "form.md-search__form"): "test_taper_dans_la_recherche_du_site_ne_change_pas_de_contexte",
    ("htmlcs", "H32.2", "form#message.message"): "test_remplir_le_message_ne_change_pas_de_contexte",
}
ACE_POLICY = "WCAG_2_2"
HTMLCS_STANDARD = "WCAG2AA"

# The same element description for every engine: "tag#id.class1.class2", ancestors joined by " > ".
DESCRIBE = """window.__eaDecrire = (element) => {
  const parts = [];
  for (let e = element; e && e.nodeType === 1 && parts.length < 4; e = e.parentElement) {
    let part = e.tagName.toLowerCase();
    if (e.id) part += '#' + e.id;
    const classes = typeof e.className === 'string' ? e.className.trim().split(/\\s+/).filter(Boolean) : [];
    if (classes.length) part += '.' + classes.join('.');
    const attr = e.getAttribute('for');
    if (attr) part += '[for=' + attr + ']';
    parts.unshift(part);
    if (e.id) break;
  }
  return parts.join(' > ');
};"""

RUN = {
    "axe": """async (tags) => {
  const results = await axe.run(document, """ + AXE_OPTIONS + """);
  return results.violations.flatMap(v => v.nodes.map(n => {
    const element = document.querySelector(n.target[n.target.length - 1]);
    return {moteur: 'axe', regle: v.id, cible: element ? __eaDecrire(element) : n.target.join(' '), message: v.help};
  }));
}""",
    "ibm": """async (policy) => {
  const report = await new ace.Checker().check(document, [policy]);
  return report.results
    .filter(r => r.value[0] === 'VIOLATION' && r.value[1] === 'FAIL')
    .map(r => {
      const element = document.evaluate(r.path.dom, document, null, XPathResult.FIRST_ORDERED_NODE_TYPE, null).singleNodeValue;
      return {moteur: 'ibm', regle: r.ruleId, cible: element ? __eaDecrire(element) : r.path.dom, message: r.message};
    });
}""",
    "htmlcs": """(standard) => new Promise((resolve, reject) => {
  HTMLCS.process(standard, document, () => resolve(
    HTMLCS.getMessages().filter(m => m.type === HTMLCS.ERROR).map(m => ({
      moteur: 'htmlcs', regle: m.code.split('.').slice(-2).join('.'),
      cible: m.element && m.element.nodeType === 1 ? __eaDecrire(m.element) : String(m.element), message: m.msg,
    }))
  ), () => reject(new Error('HTML_CodeSniffer failed')), 'en');
})""",
}
ARGUMENTS = {"axe": AXE_TAGS, "ibm": ACE_POLICY, "htmlcs": HTMLCS_STANDARD}


def missing_scripts() -> list[str]:
    return [str(path) for path in SCRIPTS.values() if not path.is_file()]


def new_context(browser, scheme: str = "light", viewport: dict | None = None):
    """A context for the engine and keyboard tests."""
    context = browser.new_context(
        viewport=viewport or {"width": 1280, "height": 900}, color_scheme=scheme, locale="fr-FR", reduced_motion="reduce"
    )
    context.set_default_timeout(TIMEOUT_MS)
    context.add_init_script(script=DESCRIBE)  # small, and the keyboard tests describe elements with it
    return context


GLOBALS = {"axe": "axe", "ibm": "ace", "htmlcs": "HTMLCS"}


def run_engine(tab, engine: str) -> list[dict]:
    if tab.evaluate("typeof window.__eaDecrire === 'undefined'"):
        tab.add_script_tag(content=DESCRIBE)
    if tab.evaluate(f"typeof window.{GLOBALS[engine]} === 'undefined'"):
        add_script(tab, SCRIPTS[engine])
    return tab.evaluate(RUN[engine], ARGUMENTS[engine])


def run_engines(tab) -> dict[str, list[dict]]:
    return {engine: run_engine(tab, engine) for engine in RUN}


def element_of(violation: dict) -> str:
    """The reported element itself: the last step of its description."""
    return violation["cible"].rsplit(" > ", 1)[-1]


def is_exception(violation: dict) -> bool:
    return (violation["moteur"], violation["regle"], element_of(violation)) in EXCEPTIONS


def format_violations(url: str, violations: list[dict]) -> str:
    lines = [f"{len(violations)} violation(s) on {url}:"]
    lines += [f"- {v['moteur']} {v['regle']}: {v['cible']}\n    {v['message'][:200]}" for v in violations]
    return "\n".join(lines)
