"""Spécification : ce qu'une personne doit savoir avant de prendre contact (accueil de nouvelles
personnes, délai, contact avant une prescription, premier entretien à distance) et ce qui sert aux
prescripteurs (comment les prescriptions arrivent, leur adresse e-mail) se proposent par le
formulaire du site, par l'issue GitHub ou par e-mail. `from-issue` les juge comme `check` : le même
verdict, avec le même message, parce que les deux passent par le modèle. Le formulaire du site rend
le même verdict sur les mêmes cas (tests/annuaire/test_proposer_avant_le_contact_navigateur.py)."""
from __future__ import annotations

import datetime as dt
import json
import re

import pytest

from emploi_accompagne.annuaire.chargement import DonneesInvalides, charger_plateformes
from emploi_accompagne.annuaire.formulaire import CHAMPS, SANS_REPONSE, champ
from emploi_accompagne.annuaire.modele import Plateforme
from emploi_accompagne.annuaire.proposition import DEFAUTS, INVISIBLES, PropositionRefusee, appliquer

from .conftest import REEL, proposition

SOURCE = "https://www.exemple.fr/emploi-accompagne"
DATE = dt.date(2026, 11, 30)
AVANT_LE_CONTACT = ("accueil_nouvelles_personnes", "delai_premier_rendez_vous", "contact_avant_prescription",
                    "premier_entretien_a_distance", "prescriptions", "courriel_prescripteurs")
TROP_LONG_200 = "texte trop long (200 caractères au maximum)"
TROP_LONG_1000 = "texte trop long (1000 caractères au maximum)"
COURRIEL_INVALIDE = "adresse e-mail invalide : écrire par exemple « contact@exemple.fr »"
ACCENTS = ("lettres accentuées ou d'un autre alphabet dans l'adresse e-mail : refusées, car elles peuvent "
           "imiter une autre adresse ; écrire l'adresse en lettres simples, sans accent")

# name -> (field, value as a person writes it, the model's message or None when accepted).
# Texts as the form sends them: what `check` reads in the file is the same text on one line.
CAS = {
    "délai en mots": ("delai_premier_rendez_vous", "environ un mois", None),
    "délai de 200 caractères": ("delai_premier_rendez_vous", "environ un mois, " * 11 + "ou moins" + "." * 5, None),
    "délai trop long": ("delai_premier_rendez_vous", "environ un mois, " * 12, TROP_LONG_200),
    "prescriptions en deux phrases": ("prescriptions", "Les conseillers envoient la fiche navette par e-mail. "
                                      "La plateforme rappelle la personne dans la semaine.", None),
    "prescriptions trop longues": ("prescriptions", "La fiche navette arrive par e-mail. " * 29, TROP_LONG_1000),
    "e-mail des prescripteurs": ("courriel_prescripteurs", "prescriptions@exemple.fr", None),
    "e-mail sans domaine complet": ("courriel_prescripteurs", "prescriptions@exemple", COURRIEL_INVALIDE),
    "e-mail avec une espace": ("courriel_prescripteurs", "prescriptions @exemple.fr", COURRIEL_INVALIDE),
    "e-mail accentué": ("courriel_prescripteurs", "prescriptions@exämple.fr", ACCENTS),
    "e-mail trop long": ("courriel_prescripteurs", "p" * 64 + "@" + "exemple-" * 24 + "exemple.fr",
                         "texte trop long (254 caractères au maximum)"),
}


def _sur_une_ligne(valeur: str) -> str:
    return " ".join(valeur.split())


def par_check(tmp_path, cle: str, valeur) -> str | None:
    """`check` on the real file, fiche 19 (which has a public source) given this value."""
    debut = REEL.index('- departement: "19"')
    fin = REEL.find("\n- departement:", debut)
    ligne = f"\n  {cle}: {json.dumps(valeur, ensure_ascii=False)}"
    chemin = tmp_path / "plateformes.yaml"
    chemin.write_text(REEL[:fin] + ligne + REEL[fin:], encoding="utf-8")
    try:
        charger_plateformes(chemin)
    except DonneesInvalides as erreur:
        [probleme] = erreur.problemes
        assert (probleme.departement, probleme.champ) == ("19", cle), probleme
        return probleme.message
    return None


def par_from_issue(cle: str, valeur: str):
    """`from-issue` on a proposal for fiche 19 giving this value: the fiche's new value, or the message."""
    corps = proposition({"departement": "19", cle: valeur, "source": SOURCE, "role": "Autre"})
    try:
        resultat = appliquer(corps, REEL, date=DATE)
    except PropositionRefusee as refus:
        [probleme] = refus.problemes
        # A value's defect is said of its field; what GitHub would hide, of its line (_texte_invisible).
        ou = rf"Rubrique « {re.escape(champ(cle).libelle)} »|Commentaire HTML|Définition de lien"
        trouve = re.fullmatch(rf"(?:{ou}) \(ligne \d+\) : (.*)\.", probleme)
        assert trouve, probleme
        return None, trouve[1]
    [nouvelle] = [c for c in resultat.changements if c.champ == cle]
    return nouvelle.apres, None


def test_chaque_information_avant_le_contact_est_une_question_du_formulaire():
    assert [c.id for c in CHAMPS if c.id in AVANT_LE_CONTACT] == list(AVANT_LE_CONTACT)
    for cle in AVANT_LE_CONTACT:
        assert champ(cle).chemin == (cle,) and cle in Plateforme.model_fields


@pytest.mark.parametrize("cas", list(CAS))
def test_from_issue_et_check_rendent_le_meme_verdict_avec_le_meme_message(cas, tmp_path):
    cle, valeur, message = CAS[cas]
    assert par_check(tmp_path, cle, _sur_une_ligne(valeur)) == message
    apres, refus = par_from_issue(cle, valeur)
    assert refus == message
    if message is None:
        assert apres == _sur_une_ligne(valeur)


CHOIX = [(c.id, option, valeur) for c in CHAMPS if c.chemin and c.id != "departement" and c.options
         for option, valeur in zip(c.options, c.valeurs, strict=True)]


@pytest.mark.parametrize(("cle", "option", "valeur"), CHOIX)
def test_chaque_reponse_du_formulaire_donne_la_valeur_que_check_accepte(cle, option, valeur, tmp_path):
    """The answer in words (a radio button of the site, an option of GitHub's list, a line of the e-mail)."""
    apres, refus = par_from_issue(cle, option)
    assert refus is None
    assert apres == valeur.value
    assert par_check(tmp_path, cle, apres) is None


def test_les_reponses_se_lisent_aussi_comme_dans_le_fichier_et_sans_majuscule():
    assert par_from_issue("accueil_nouvelles_personnes", "liste-d-attente") == ("liste-d-attente", None)
    assert par_from_issue("contact_avant_prescription", "OUI") == ("oui", None)
    assert par_from_issue("premier_entretien_a_distance", "  non ") == ("non", None)


def test_une_reponse_inconnue_est_refusee_comme_check_la_refuse(tmp_path):
    message = par_check(tmp_path, "accueil_nouvelles_personnes", "peut-être")
    assert message.startswith("valeur non reconnue : choisir parmi")
    assert par_from_issue("accueil_nouvelles_personnes", "peut-être") == (None, message)


def test_une_liste_laissee_vide_sur_github_ne_change_rien():
    """GitHub writes "None" (or _No response_) for an optional list left empty."""
    for vide in ("None", SANS_REPONSE):
        corps = proposition({"departement": "19", "contact_avant_prescription": vide, "delai_premier_rendez_vous":
                             "environ un mois", "source": SOURCE, "role": "Autre"})
        resultat = appliquer(corps, REEL, date=DATE)
        assert "contact_avant_prescription" not in {c.champ for c in resultat.changements}


def test_l_e_mail_du_formulaire_porte_ces_informations_jusqu_a_la_fiche():
    from emploi_accompagne.annuaire import page_proposer

    valeurs = {"departement": "19 – Corrèze", "accueil_nouvelles_personnes": "Oui, avec une liste d'attente",
               "delai_premier_rendez_vous": "environ six semaines", "contact_avant_prescription": "Oui",
               "premier_entretien_a_distance": "Non", "prescriptions": "Par la fiche navette,\nenvoyée par e-mail.",
               "courriel_prescripteurs": "prescriptions@exemple.fr", "source": SOURCE, "role": "Autre"}
    resultat = appliquer(page_proposer.bloc(valeurs).replace("\n", "\r\n"), REEL, date=DATE)
    assert {c.champ: c.apres for c in resultat.changements if c.champ in AVANT_LE_CONTACT} == {
        "accueil_nouvelles_personnes": "liste-d-attente", "delai_premier_rendez_vous": "environ six semaines",
        "contact_avant_prescription": "oui", "premier_entretien_a_distance": "non",
        "prescriptions": "Par la fiche navette, envoyée par e-mail.", "courriel_prescripteurs": "prescriptions@exemple.fr",
    }


# --- what from-issue refuses in a line of text, the site's form refuses too ----------------------

# name -> (field, value, from-issue's message or None): the form says the same (same cases,
# tests/annuaire/test_proposer_avant_le_contact_navigateur.py).
CAS_TEXTE = {
    "« # » dans un délai": ("delai_premier_rendez_vous", "environ 3 semaines #rapide", DEFAUTS["diese"]),
    "guillemets droits": ("prescriptions", 'Par la fiche "navette".', DEFAUTS["guillemets"]),
    "balise HTML": ("nom", "Plateforme <b>emploi</b>", DEFAUTS["balise"]),
    "accent grave": ("adresse", "12 rue `id`", DEFAUTS["commande"]),
    "expression de GitHub": ("nom", "Plateforme ${{ github.token }}", DEFAUTS["expression"]),
    "ligne du fichier": ("prescriptions", "telephone: 0102030405", DEFAUTS["ligne_yaml"].format(cle="telephone")),
    "caractère invisible": ("delai_premier_rendez_vous", "environ\u200bun mois", DEFAUTS["controle"].format(code="200B")),
    "fin de commentaire HTML": ("prescriptions", "Par la fiche navette --> sinon par téléphone", INVISIBLES["commentaire"]),
    "définition de lien": ("prescriptions", "[fiche]: https://evil.example/navette", INVISIBLES["definition_de_lien"]),
    "définition de lien dans une liste": ("prescriptions", "Deux étapes :\n- [1]: https://evil.example/", INVISIBLES["definition_de_lien"]),
    "crochets ordinaires": ("prescriptions", "Par la fiche navette [voir le site] : simple", None),
    "« # » dans une adresse web": ("site_web", "https://www.exemple.fr/page#contact", None),
    "e-mail entre chevrons": ("courriel_prescripteurs", "<prescriptions@exemple.fr>", None),
    "e-mail entre guillemets": ("courriel_prescripteurs", '"prescriptions@exemple.fr"', None),
    "e-mail entre guillemets français": ("courriel_prescripteurs", "« prescriptions@exemple.fr »", None),
    "apostrophe et tiret": ("delai_premier_rendez_vous", "d'une à deux semaines — parfois plus", None),
}


@pytest.mark.parametrize("cas", list(CAS_TEXTE))
def test_from_issue_refuse_ces_textes_avec_ces_messages(cas):
    cle, valeur, message = CAS_TEXTE[cas]
    apres, refus = par_from_issue(cle, valeur)
    assert refus == message
    assert (apres is None) == (message is not None)
