"""Le bouton « Écouter » : absent quand le navigateur ne sait pas lire à voix haute ; sinon, au
clavier, il lit le texte principal de la page (pas le menu ni le pied de page, pas ce qui est
caché), avec une voix française quand il y en a une, et se met en pause, reprend et s'arrête.

Headless Chromium has no voice: the Web Speech API is replaced by a recorder (init script).
"""
from __future__ import annotations

import pytest

from tests.helpers.html import normalize_space

pytestmark = pytest.mark.navigateur

FAUSSE_SYNTHESE = """
(() => {
  window.dit = []; window.appels = [];
  const synthese = {
    courante: null,
    getVoices() { return [{lang: "en-US", name: "Anglaise"}, {lang: "fr_FR", name: "Française"}]; },
    speak(phrase) {
      window.dit.push({texte: phrase.text, langue: phrase.lang, voix: phrase.voice && phrase.voice.name});
      this.courante = phrase;
      setTimeout(() => phrase.onstart && phrase.onstart(), 0);
    },
    pause() { window.appels.push("pause"); },
    resume() { window.appels.push("resume"); },
    cancel() { window.appels.push("cancel"); this.courante = null; },
  };
  Object.defineProperty(window, "speechSynthesis", {value: synthese, configurable: true});
  window.SpeechSynthesisUtterance = function (texte) { this.text = texte; };
  window.finirLaPhrase = () => { const p = synthese.courante; synthese.courante = null; if (p && p.onend) p.onend(); };
})();
"""
SANS_SYNTHESE = "Object.defineProperty(window, 'speechSynthesis', {value: undefined, configurable: true});"


@pytest.fixture
def ouvrir(browser, site):
    contextes = []

    def _ouvrir(chemin: str, script: str = FAUSSE_SYNTHESE):
        contexte = browser.new_context(locale="fr-FR", viewport={"width": 1280, "height": 900})
        contexte.set_default_timeout(15_000)
        contextes.append(contexte)
        page = contexte.new_page()
        page.requetes = []
        page.on("request", lambda requete: page.requetes.append(requete.url))
        page.add_init_script(script)
        page.goto(site.url(chemin), wait_until="load")
        return page

    yield _ouvrir
    for contexte in contextes:
        contexte.close()


def bouton(page):
    return page.locator("#ea-ecouter-lire")


@pytest.mark.parametrize("chemin", ["/personnes/", "/facile-a-lire/pour-qui/"])
def test_absent_quand_le_navigateur_ne_sait_pas_lire(ouvrir, chemin):
    page = ouvrir(chemin, SANS_SYNTHESE)
    assert bouton(page).is_hidden()


def test_au_clavier_il_lit_le_texte_principal_en_francais(ouvrir, site):
    page = ouvrir("/facile-a-lire/pour-qui/")
    assert bouton(page).is_visible()
    assert not [url for url in page.requetes if "ecouter" in url], "the reading code waits for the first press"
    bouton(page).focus()
    page.keyboard.press("Enter")
    page.wait_for_function("window.dit.length === 1")
    titre = normalize_space(page.locator("article h1").inner_text())
    premier = page.evaluate("window.dit[0]")
    assert premier == {"texte": titre, "langue": "fr_FR", "voix": "Française"}
    assert page.locator("article h1.ea-ecouter-en-cours").count() == 1, "the block being read is highlighted"
    assert bouton(page).inner_text().strip() == "Pause"
    assert page.locator("#ea-ecouter-arreter").is_visible()
    for _ in range(60):
        page.evaluate("window.finirLaPhrase()")
    textes = page.evaluate("window.dit.map(d => d.texte)")
    assert "L'emploi accompagné est pour les personnes handicapées." in textes
    lu = " ".join(textes)
    for absent in ("Écouter", "Plan du site", "Mentions légales", "Trouver ma plateforme"):
        assert absent not in lu, f"{absent!r} is not part of the page's text"
    assert all(url.startswith(site.origin + "/") for url in page.requetes)


def test_pause_reprise_et_arret(ouvrir):
    page = ouvrir("/personnes/")
    bouton(page).click()
    page.wait_for_function("window.dit.length === 1")
    bouton(page).click()
    assert bouton(page).inner_text().strip() == "Reprendre"
    bouton(page).click()
    assert bouton(page).inner_text().strip() == "Pause"
    page.locator("#ea-ecouter-arreter").focus()
    page.keyboard.press("Enter")
    assert page.evaluate("window.appels") == ["cancel", "pause", "resume", "cancel"]
    assert bouton(page).inner_text().strip() == "Écouter"
    assert page.locator("#ea-ecouter-arreter").is_hidden()
    assert page.evaluate("document.activeElement.id") == "ea-ecouter-lire", "the keyboard stays on the reader"
    assert page.locator(".ea-ecouter-en-cours").count() == 0


def test_ce_qui_est_cache_n_est_pas_lu(ouvrir):
    page = ouvrir("/est-ce-pour-moi/demander-a-mon-conseiller/")
    bouton(page).click()
    page.wait_for_function("window.dit.length === 1")
    for _ in range(80):
        page.evaluate("window.finirLaPhrase()")
    lu = " ".join(page.evaluate("window.dit.map(d => d.texte)"))
    assert "Ce qui s'applique à vous" in lu
    assert "Votre département :" not in lu, "the 101 hidden département blocks are not read"
