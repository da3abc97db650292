"""Le formulaire « Proposer une fiche » juge le code postal, la commune et le département comme
le modèle : le même verdict et le même message que `check`, `import` et `from-issue`
(tests/donnees/test_code_postal_commune_departement.py, mêmes cas), lus dans l'index du moteur
« Trouver ma plateforme » ; seule la suggestion « peut-être … ? » d'une commune inconnue est du
modèle seul.

Tried on the specimen site (the publisher's e-mail route set), as test_proposer_navigateur.py.
"""
from __future__ import annotations

import pytest

from emploi_accompagne.annuaire import formulaire
from emploi_accompagne.annuaire.formulaire import CHAMPS
from tests.donnees.test_code_postal_commune_departement import CAS

pytestmark = pytest.mark.navigateur

PAGE = "/contribuer/proposer/"
LIBELLES = {champ.id: champ.libelle for champ in CHAMPS}
DEPARTEMENTS = {option.split(" ")[0]: option for option in formulaire.options_departement()}


def proposer(onglet, specimen, departement, code_postal, commune, bouton="#proposer-copier"):
    onglet.goto(specimen.url(PAGE), wait_until="load")
    onglet.wait_for_selector("#proposer", state="visible")
    onglet.select_option("#champ-departement", value=DEPARTEMENTS[departement])
    if code_postal:
        onglet.fill("#champ-code_postal", code_postal)
    if commune:
        onglet.fill("#champ-commune", commune)
    onglet.check("#champ-source-page")
    onglet.fill("#champ-source", "https://example.org/source")
    onglet.check(f'fieldset[data-champ=role] input[value="{formulaire.ROLES[0]}"]')
    onglet.click(bouton)
    onglet.wait_for_function(
        "!document.getElementById('proposer-erreurs').hidden || !document.getElementById('proposer-resultat').hidden"
    )


def erreurs_du_lieu(onglet) -> dict[str, str]:
    erreurs = {}
    for champ in ("code_postal", "commune"):
        message = onglet.locator(f"[data-champ={champ}] .proposer-champ__erreur")
        if message.count():
            erreurs[champ] = message.text_content().removeprefix("Erreur : ")
    return erreurs


def sans_suggestion(message: str) -> str:
    debut = message.find(" (peut-être « ")
    return message if debut < 0 else message[:debut] + message[message.index("» ?)", debut) + 4 :]


@pytest.mark.parametrize("cas", list(CAS))
def test_le_formulaire_rend_le_verdict_du_modele_avec_son_message(onglet, specimen, cas):
    (departement, code_postal, commune), attendu = CAS[cas]
    proposer(onglet, specimen, departement, code_postal, commune)
    assert erreurs_du_lieu(onglet) == {
        champ: f"{LIBELLES[champ]} : {sans_suggestion(message)}" for champ, message in attendu.items()
    }
    assert onglet.locator("#proposer-resultat").is_visible() is not bool(attendu)
    if attendu:  # in the summary too, in the fields' order
        liens = onglet.locator("#proposer-erreurs a").all_text_contents()
        assert liens == [f"{LIBELLES[champ]} : {sans_suggestion(attendu[champ])}" for champ in ("code_postal", "commune")
                         if champ in attendu]


def test_un_lieu_juste_part_par_e_mail_apres_la_verification(onglet, specimen):
    proposer(onglet, specimen, "29", "29000", "Quimper", bouton="#proposer-envoyer-courriel")
    lien = onglet.get_attribute("#proposer-lien-courriel", "href")
    assert "Code%20postal%20%3A%0D%0A29000" in lien and "Commune%20%3A%0D%0AQuimper" in lien
