"""Le formulaire « Proposer une fiche » dans Chromium : les informations « avant le contact » y
sont, jugées comme `check` et `from-issue` les jugent (mêmes cas :
tests/propositions/test_avant_le_contact.py), et arrivent jusqu'à la fiche ; un texte que
`from-issue` refuserait (« # », guillemets, balise…) est refusé dès le formulaire, avec son message ; sur un téléphone, le
résumé des erreurs n'est caché ni par l'en-tête ni par le bouton « Retour en haut » de Material.

Tried on the specimen site (the publisher's e-mail route set), as test_proposer_navigateur.py.
"""
from __future__ import annotations

import pytest

from emploi_accompagne.annuaire import formulaire
from emploi_accompagne.annuaire.proposition import appliquer
from tests.propositions.conftest import REEL
from tests.propositions.test_avant_le_contact import AVANT_LE_CONTACT, CAS, CAS_TEXTE, DATE

from .test_proposer_navigateur import lien_courriel, lire_mailto

pytestmark = pytest.mark.navigateur

PAGE = "/contribuer/proposer/"


def ouvrir(onglet, specimen):
    onglet.goto(specimen.url(PAGE + "?departement=19"), wait_until="load")
    onglet.wait_for_selector("#proposer", state="visible")


def source_et_role(onglet):
    onglet.check(f'fieldset[data-champ=role] input[value="{formulaire.ROLES[0]}"]')
    onglet.check("#champ-source-page")
    onglet.fill("#champ-source", "https://example.org/source")


def envoyer(onglet, bouton="#proposer-copier"):
    onglet.click(bouton)
    onglet.wait_for_function(
        "!document.getElementById('proposer-erreurs').hidden || !document.getElementById('proposer-resultat').hidden"
    )


def test_les_informations_avant_le_contact_ont_leurs_sections(onglet, specimen):
    ouvrir(onglet, specimen)
    sections = onglet.evaluate("""(ids) => ids.map(id => {
      const question = document.querySelector(`[data-champ="${id}"]`);
      let titre = question.previousElementSibling;
      while (titre.tagName !== 'H2') titre = titre.previousElementSibling;
      return titre.textContent;
    })""", list(AVANT_LE_CONTACT))
    assert sections == ["Avant de prendre contact"] * 4 + ["Pour les prescripteurs"] * 2


@pytest.mark.parametrize("cas", list(CAS))
def test_le_formulaire_rend_le_verdict_de_check_et_de_from_issue(onglet, specimen, cas):
    cle, valeur, message = CAS[cas]
    ouvrir(onglet, specimen)
    source_et_role(onglet)
    onglet.fill(f"#champ-{cle}", valeur)
    envoyer(onglet)
    erreurs = onglet.locator("#proposer-erreurs a").all_text_contents()
    if message is None:
        assert erreurs == []
        return
    libelle = formulaire.champ(cle).libelle
    assert len(erreurs) == 1 and erreurs[0].startswith(f"{libelle} : ")
    if message.startswith("texte trop long"):  # the model's own words; for a format, the form's example
        assert erreurs == [f"{libelle} : {message}"]
    assert onglet.locator(f"#champ-{cle}").get_attribute("aria-invalid") == "true"


@pytest.mark.parametrize("cas", list(CAS_TEXTE))
def test_ce_que_from_issue_refuse_dans_un_texte_le_formulaire_le_refuse_avec_son_message(onglet, specimen, cas):
    cle, valeur, message = CAS_TEXTE[cas]
    ouvrir(onglet, specimen)
    source_et_role(onglet)
    onglet.fill(f"#champ-{cle}", valeur)
    envoyer(onglet)
    attendu = [] if message is None else [f"{formulaire.champ(cle).libelle} : {message}"]
    assert onglet.locator("#proposer-erreurs a").all_text_contents() == attendu


def test_les_reponses_choisies_arrivent_jusqu_a_la_fiche(onglet, specimen):
    """Radio buttons, the e-mail the form writes, then from-issue: the values `check` accepts."""
    ouvrir(onglet, specimen)
    onglet.get_by_role("radio", name="Oui, avec une liste d'attente").check()
    onglet.check("#champ-contact_avant_prescription-1")  # Oui
    onglet.check("#champ-premier_entretien_a_distance-1")  # Oui…
    onglet.check("#champ-premier_entretien_a_distance-inconnu")  # … then « Je ne sais pas »: nothing said
    onglet.fill("#champ-delai_premier_rendez_vous", "environ six semaines")
    onglet.fill("#champ-prescriptions", "Par la fiche navette,\nenvoyée par e-mail.")
    onglet.fill("#champ-courriel_prescripteurs", "prescriptions@example.org")
    source_et_role(onglet)
    envoyer(onglet, "#proposer-envoyer-courriel")
    corps = lire_mailto(lien_courriel(onglet))[2]
    resultat = appliquer(corps, REEL, date=DATE)
    assert {c.champ: c.apres for c in resultat.changements if c.champ in AVANT_LE_CONTACT} == {
        "accueil_nouvelles_personnes": "liste-d-attente", "delai_premier_rendez_vous": "environ six semaines",
        "contact_avant_prescription": "oui", "prescriptions": "Par la fiche navette, envoyée par e-mail.",
        "courriel_prescripteurs": "prescriptions@example.org",
    }


# Points along the top of the error summary, and what covers each one.
CE_QUI_COUVRE_LE_RESUME = """() => {
  const resume = document.getElementById('proposer-erreurs');
  const r = resume.getBoundingClientRect();
  const couverts = [];
  for (const x of [r.left + 4, r.left + r.width / 2, r.right - 4]) {
    for (const y of [r.top + 2, r.top + 24]) {
      const dessus = document.elementFromPoint(x, y);
      if (!dessus || !resume.contains(dessus)) couverts.push([Math.round(x), Math.round(y), dessus ? dessus.className || dessus.tagName : null]);
    }
  }
  return couverts;
}"""


@pytest.mark.parametrize("largeur", [390, 320])
def test_sur_un_telephone_le_resume_des_erreurs_n_est_pas_cache_par_retour_en_haut(browser, specimen, largeur):
    """Sent from the bottom of the form: the page scrolls up to the summary, and Material shows its
    « Retour en haut » button (it appears as the page scrolls up): neither it nor the header covers it."""
    contexte = browser.new_context(viewport={"width": largeur, "height": 740}, locale="fr-FR", has_touch=True)
    try:
        onglet = contexte.new_page()
        onglet.goto(specimen.url(PAGE), wait_until="load")
        onglet.wait_for_function("document.readyState === 'complete' && !document.getElementById('proposer').hidden")
        onglet.locator("#proposer-envoyer-courriel").scroll_into_view_if_needed()
        onglet.mouse.wheel(0, -200)  # a reader scrolling back a little: Material shows its button
        onglet.wait_for_function("document.querySelector('.md-top') && !document.querySelector('.md-top').hidden")
        onglet.locator("#proposer-envoyer-courriel").click()
        onglet.wait_for_selector("#proposer-erreurs a")
        assert onglet.evaluate("document.activeElement.id") == "proposer-erreurs"
        # Still (no scrolling left), the button shown or not as Material decides.
        onglet.wait_for_function("""() => new Promise(ok => { const y = scrollY;
          requestAnimationFrame(() => requestAnimationFrame(() => ok(scrollY === y))); })""")
        onglet.wait_for_function("""() => { const b = document.querySelector('.md-top');
          return b.hidden || getComputedStyle(b).opacity === '1'; }""")
        assert onglet.evaluate(CE_QUI_COUVRE_LE_RESUME) == []
    finally:
        contexte.close()
