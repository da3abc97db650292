"""The site's own search (Material's, in the header), driven as a reader does, in Chromium.

Material sends each value of the field to its search worker as the reader types, and draws
the answer as soon as it comes. The results on screen are those of the whole query once
the field holds it and the worker has answered every query sent: the page counts them
(`COMPTER_LES_REPONSES`, a script run before the page's own) and writes the query last
answered in `data-ea-recherche-repondue` on <html>. Nothing waits for a duration.
"""
from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from playwright.sync_api import TimeoutError as PlaywrightTimeout

REQUETE, REPONSE = 2, 3  # Material's SearchMessageType.QUERY and .RESULT
CHAMP = "input.md-search__input"
ATTRIBUT = "data-ea-recherche-repondue"

# Wraps window.Worker before overrides/main.html keeps it for the search worker it starts.
COMPTER_LES_REPONSES = f"""(() => {{
  const Real = window.Worker;
  if (!Real) return;
  window.Worker = class extends Real {{
    constructor(url, options) {{
      super(url, options);
      let envoyees = 0, recues = 0, derniere = null;
      const noter = () => document.documentElement.setAttribute("{ATTRIBUT}", envoyees === recues ? derniere : "");
      const envoyer = this.postMessage;
      this.postMessage = function (message) {{
        if (message && message.type === {REQUETE}) {{ envoyees += 1; derniere = message.data; noter(); }}
        return envoyer.apply(this, arguments);
      }};
      this.addEventListener("message", (event) => {{
        if (event.data && event.data.type === {REPONSE}) {{ recues += 1; noter(); }}
      }});
    }}
  }};
}})();"""

REPONDUE = f"""(requete) => document.querySelector("{CHAMP}").value === requete
  && document.documentElement.getAttribute("{ATTRIBUT}") === requete"""

# Each result is one page (its sections inside): its address and title.
RESULTATS = """(items) => items.map((item) => {
  const lien = item.querySelector("a.md-search-result__link");
  return {adresse: lien.href, titre: (item.querySelector("h1, h2") || lien).textContent.trim()};
})"""


@dataclass(frozen=True)
class Resultat:
    adresse: str  # absolute URL, with Material's ?h=
    titre: str

    @property
    def chemin(self) -> str:
        """The page's URL path: "/situations/"."""
        return urlsplit(self.adresse).path

    def __str__(self) -> str:
        return f"{self.chemin} ({self.titre})"


def preparer(contexte) -> None:
    """Count the search worker's answers in every page of this browser context."""
    contexte.add_init_script(COMPTER_LES_REPONSES)


def ouvrir(onglet, site, chemin: str = "/") -> None:
    """Load a page and put the focus in the search field, as a click does."""
    onglet.goto(site.url(chemin), wait_until="load")
    onglet.wait_for_function("document.documentElement.classList.contains('js')")  # Material's search is set up
    onglet.locator(CHAMP).click()  # Material's one-key shortcuts are off (RGAA 12.10)
    onglet.wait_for_function(f"document.activeElement && document.activeElement.matches('{CHAMP}')")


def chercher(onglet, requete: str, timeout_ms: int = 30_000) -> list[Resultat]:
    """Type the query in the open search field (after emptying it); the results shown for it."""
    champ = onglet.locator(CHAMP)
    champ.fill("")
    champ.press_sequentially(requete)  # Material listens to key events, not to fill()
    # A letter that a US keyboard lacks (é) is typed without key events; a reader's keyboard
    # sends them. The key that follows the last letter lets Material read the whole query.
    champ.press("End")
    try:
        onglet.wait_for_function(REPONDUE, arg=requete, timeout=timeout_ms)
    except PlaywrightTimeout as erreur:
        etat = onglet.evaluate(f"[document.querySelector('{CHAMP}').value, document.documentElement.getAttribute('{ATTRIBUT}')]")
        raise AssertionError(f"« {requete} » : pas de réponse de la recherche (champ, dernière requête répondue : {etat})") from erreur
    return [Resultat(**r) for r in onglet.locator(".md-search-result__item").evaluate_all(RESULTATS)]
