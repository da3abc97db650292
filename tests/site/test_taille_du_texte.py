"""La taille du texte, dans Chromium : les encadrés (avertissements de Material, <details>) et les
blocs Facile à lire sont au moins à la taille du texte courant (16 px), jamais en petits caractères."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.navigateur

TAILLES = """(selecteur) => [...document.querySelectorAll(selecteur)]
  .flatMap(bloc => [...bloc.querySelectorAll('p, li, summary, .admonition-title')])
  .filter(e => e.offsetParent && e.textContent.trim())
  .map(e => [e.textContent.trim().slice(0, 40), parseFloat(getComputedStyle(e).fontSize)])"""
TEXTE_COURANT = "() => parseFloat(getComputedStyle(document.querySelector('.md-typeset')).fontSize)"


@pytest.mark.parametrize(
    ("page", "selecteur"),
    [
        ("/preparer-ma-demande/message/", ".md-typeset .admonition"),  # « Rien n'est envoyé, rien n'est gardé »
        ("/facile-a-lire/pour-qui/", ".falc-texte"),
        ("/est-ce-pour-moi/", ".falc-texte"),
    ],
)
def test_les_encadres_et_le_facile_a_lire_ne_sont_pas_en_petits_caracteres(browser, site, page, selecteur):
    contexte = browser.new_context(locale="fr-FR", viewport={"width": 390, "height": 844})
    try:
        onglet = contexte.new_page()
        onglet.goto(site.url(page), wait_until="load")
        courant = onglet.evaluate(TEXTE_COURANT)
        tailles = onglet.evaluate(TAILLES, selecteur)
        assert tailles, f"{page}: nothing found for {selecteur}"
        assert courant >= 16
        petits = [(texte, taille) for texte, taille in tailles if taille < courant]
        assert not petits, f"{page}: smaller than the body text ({courant} px): {petits}"
    finally:
        contexte.close()
