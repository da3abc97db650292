"""Spécification de `python -m emploi_accompagne from-issue` : une proposition (corps d'issue
ou bloc d'e-mail) change la seule fiche de son département, seulement si une page publique ou
une confirmation de la plateforme l'appuie, et dit en Markdown ce qui change et ce qu'il reste
à faire.

Sorties : 0 = fichier modifié (résumé sur stdout) ; 1 = refusée (erreurs sur stderr, rien
d'écrit) ; 3 = aucun changement (raison sur stdout) ; 4 = à confirmer auprès de la plateforme
(ce qui a été lu et son empreinte sur stdout, rien d'écrit) ; 5 = erreur inattendue."""
import datetime as dt
import re

import pytest
import yaml

from emploi_accompagne.annuaire.ecriture import etendue_fiche
from emploi_accompagne.annuaire.proposition import lire_departement

from .conftest import REEL, proposition

LECTEUR = getattr(yaml, "CBaseLoader", yaml.BaseLoader)
SOURCE = "https://www.exemple.fr/emploi-accompagne/contact"
DATE = "2026-11-30"
COMPLETE = {
    "departement": "29 – Finistère",
    "nom": "Plateforme emploi accompagné du Finistère",
    "structure_gestionnaire": "Association Exemple",
    "telephone": "02 98 00 00 00",
    "courriel": "Contact@Exemple.fr",
    "site_web": "https://www.exemple.fr/emploi-accompagne",
    "adresse": "12 rue de l'Exemple",
    "code_postal": "29200",
    "commune": "Brest",
    "horaires_accueil": "Mo-Fr 09:00-12:00,14:00-17:00",
    "accessibilite_lieu": "https://acceslibre.beta.gouv.fr/app/29-brest/a/exemple/erp/exemple/",
    "sites": "Antenne de Quimper – 3 place de la Résistance, 29000 Quimper – 02 98 00 00 01",
    "partenaires": "Association Partenaire\nAutre structure https://autre.exemple.fr",
    "source": SOURCE,
    "role": "Je suis job coach ou professionnel de l'accompagnement",
}


def fiche(texte: str, code: str) -> dict:
    [f] = [f for f in yaml.load(texte, Loader=LECTEUR) if f["departement"] == code]
    return f


def seule_la_fiche_change(sortie, code: str) -> None:
    debut, fin = etendue_fiche(sortie.avant, code)
    assert sortie.apres[:debut] == sortie.avant[:debut]
    assert sortie.apres.endswith(sortie.avant[fin:])


# --- a proposal with a public page -------------------------------------------------------------


def test_une_proposition_complete_remplit_la_fiche_de_son_departement_seulement(lancer):
    sortie = lancer(proposition(COMPLETE), "--numero", "12", "--date", DATE)
    assert sortie.code == 0, sortie.stderr
    seule_la_fiche_change(sortie, "29")
    f = fiche(sortie.apres, "29")
    assert f["nom"] == "Plateforme emploi accompagné du Finistère"
    assert f["telephone"] == "+33298000000"  # stored in E.164
    assert f["courriel"] == "Contact@exemple.fr"  # the domain normalised by the validator
    assert f["horaires_accueil"] == "Mo-Fr 09:00-12:00,14:00-17:00"
    assert f["accessibilite_lieu"] == COMPLETE["accessibilite_lieu"]
    assert f["structure_gestionnaire"] == {"nom": "Association Exemple"}
    assert f["partenaires"] == [{"nom": "Association Partenaire"}, {"nom": "Autre structure", "site_web": "https://autre.exemple.fr"}]
    assert f["sites"] == [
        {"nom": "Antenne de Quimper", "telephone": "+33298000001", "adresse": "3 place de la Résistance",
         "code_postal": "29000", "commune": "Quimper"}
    ]
    assert (f["lien_source"], f["statut_verification"], f["date_maj"]) == (SOURCE, "source-publique", DATE)
    assert "confirmation" not in f


def test_le_resume_markdown_dit_champ_par_champ_ce_qui_change_et_ce_qu_il_reste_a_faire(lancer):
    sortie = lancer(proposition(COMPLETE), "--numero", "12", "--date", DATE)
    resume = sortie.stdout
    assert resume.startswith("## Proposition de fiche : 29 – Finistère\n")
    assert "Proposition #12" in resume
    assert "| Téléphone (`telephone`) | _vide_ | `02 98 00 00 00` |" in resume  # as people write it
    assert "| État de la fiche (`statut_verification`) | `a-completer` | `source-publique` |" in resume
    assert "| Date de vérification (`date_maj`) | `2026-11-23` | `2026-11-30` |" in resume
    assert "### À faire avant de fusionner" in resume
    assert f"- [ ] Ouvrir la source `{SOURCE}`" in resume
    assert "Proposé par : `Je suis job coach" in resume


def test_le_bloc_d_un_e_mail_avec_le_contact_prive_et_la_signature(lancer):
    corps = (
        proposition({"departement": "29", "nom": "Plateforme du Finistère", "source": SOURCE}).replace("\n", "\r\n")
        + "### Pour vous recontacter (facultatif)\r\n\r\nPrénom Nom <prenom.nom@exemple.org>\r\n\r\n"
        "-- \r\nPrénom Nom\r\n06 00 00 00 00\r\n<https://www.exemple.org>\r\n"
    )
    sortie = lancer(corps, "--date", DATE)
    assert sortie.code == 0, sortie.stderr
    assert fiche(sortie.apres, "29")["nom"] == "Plateforme du Finistère"
    for secret in ("prenom.nom", "Prénom Nom", "06 00"):
        assert secret not in sortie.apres and secret not in sortie.stdout
    assert "« Pour vous recontacter » a été ignorée" in sortie.stdout


def test_le_texte_d_un_e_mail_avant_le_bloc_est_a_retirer(lancer):
    """Only the block is read, from its first heading: a greeting before it is pointed at."""
    corps = "Bonjour,\r\nVoici une proposition pour l'annuaire.\r\n\r\n" + proposition(
        {"departement": "29", "nom": "Plateforme du Finistère", "source": SOURCE}).replace("\n", "\r\n")
    sortie = lancer(corps, "--date", DATE)
    assert sortie.code == 1 and sortie.inchange
    assert sortie.stderr.startswith(
        "Texte avant la première rubrique (ligne 1) : la proposition commence par « ### Département » ; "
        "supprimer ce texte, ou l'écrire dans « Autre chose à nous dire »."
    )


@pytest.mark.parametrize(
    "ecrit, code",
    [("29", "29"), ("29 – Finistère", "29"), ("Finistère", "29"), ("finistere (29)", "29"), ("2a", "2A"),
     ("2B – Haute-Corse", "2B"), ("974 – La Réunion", "974"), ("La Réunion", "974"), ("1", "01"), ("Côtes-d'Armor", "22")],
)
def test_le_departement_se_lit_par_son_numero_ou_son_nom(ecrit, code):
    assert lire_departement(ecrit) == code


def test_des_horaires_en_mots_ne_sont_pas_ecrits_mais_signales_a_traduire(lancer):
    sortie = lancer(proposition({**COMPLETE, "horaires_accueil": "du lundi au vendredi, de 9 h à 12 h"}), "--date", DATE)
    assert sortie.code == 0
    assert "horaires_accueil" not in fiche(sortie.apres, "29")
    assert "à traduire au format OpenStreetMap" in sortie.stdout
    assert "`du lundi au vendredi, de 9 h à 12 h`" in sortie.stdout


def test_une_ligne_de_lieu_sans_nom_n_est_pas_reprise_mais_signalee(lancer):
    sites = "Antenne de Morlaix, 29600 Morlaix\n02 98 00 00 02\nPermanence de Brest"
    sortie = lancer(proposition({**COMPLETE, "sites": sites}), "--date", DATE)
    assert sortie.code == 0
    assert fiche(sortie.apres, "29")["sites"] == [
        {"nom": "Antenne de Morlaix", "code_postal": "29600", "commune": "Morlaix"},
        {"nom": "Permanence de Brest"},
    ]
    assert "non reprise (pas de nom au début de la ligne) : `02 98 00 00 02`" in sortie.stdout


def test_un_code_postal_qui_ne_va_pas_avec_la_commune_est_refuse(lancer):
    """Refused, as `check` and `import` refuse it (tests/donnees/test_code_postal_commune_departement.py)."""
    corps = proposition({**COMPLETE, "code_postal": "29000", "commune": "Brest"})
    sortie = lancer(corps, "--date", DATE)
    assert sortie.code == 1 and sortie.inchange
    ligne = corps.splitlines().index("Brest") + 1
    assert f"Rubrique « Commune » (ligne {ligne}) : la commune Brest n'a pas le code postal 29000" in sortie.stderr


def test_une_erreur_de_valeur_nomme_la_rubrique_et_sa_ligne(lancer):
    corps = proposition({**COMPLETE, "telephone": "12 34", "site_web": "http://exemple.fr", "code_postal": "290"})
    sortie = lancer(corps, "--date", DATE)
    assert sortie.code == 1 and sortie.inchange
    ligne = corps.splitlines().index("12 34") + 1
    assert f"Rubrique « Téléphone » (ligne {ligne}) : numéro de téléphone invalide" in sortie.stderr
    assert "Rubrique « Site web »" in sortie.stderr and "https://" in sortie.stderr
    assert "Rubrique « Code postal »" in sortie.stderr
    assert sortie.stderr.rstrip().endswith("plateformes.yaml.") and "Proposition refusée : rien n'a été modifié" in sortie.stderr


def test_un_lieu_a_l_e_mail_invalide_est_signale_a_sa_ligne(lancer):
    corps = proposition({**COMPLETE, "sites": "Antenne A, 02 98 00 00 03\nAntenne B, contact@exemple"})
    sortie = lancer(corps, "--date", DATE)
    assert sortie.code == 1 and sortie.inchange
    ligne = corps.splitlines().index("Antenne B, contact@exemple") + 1
    [probleme] = [ligne for ligne in sortie.stderr.splitlines() if ligne.startswith("Rubrique")]
    assert probleme.startswith(f"Rubrique « Autres lieux d'accueil » (ligne {ligne}) : e-mail : adresse e-mail invalide")


@pytest.mark.parametrize("telephone", ["02 98 XX XX XX", "02 98 OO OO OO"])
def test_le_numero_ecrit_avec_des_lettres_d_un_lieu_est_refuse_et_non_change_en_chiffres(lancer, telephone):
    """The phone library reads letters as a keypad (X -> 9, O -> 6): a number with letters is
    refused with the model's message, in the main field as in a place's line."""
    for champs in ({"telephone": telephone}, {"sites": f"Antenne de Morlaix – 29600 Morlaix – {telephone}"}):
        sortie = lancer(proposition({**COMPLETE, **champs}), "--date", DATE)
        assert sortie.code == 1 and sortie.inchange, sortie.stdout
        assert "le numéro contient des lettres (O à la place de 0 ?)" in sortie.stderr
        assert "99 99 99" not in sortie.stderr + sortie.stdout and "66 66 66" not in sortie.stderr + sortie.stdout


def test_changer_de_structure_gestionnaire_retire_l_ancien_siret_et_le_dit(lancer):
    donnees = REEL.replace("    nom: Association Clos du Nid\n", '    nom: Association Clos du Nid\n    siret: "12345678900011"\n')
    sortie = lancer(proposition({"departement": "48", "structure_gestionnaire": "Autre association", "source": SOURCE}),
                    "--date", DATE, donnees=donnees)
    assert sortie.code == 0, sortie.stderr
    assert fiche(sortie.apres, "48")["structure_gestionnaire"] == {"nom": "Autre association"}
    assert "SIRET" in sortie.stdout


def test_une_nouvelle_source_remplace_l_ancienne_et_le_resume_le_signale(lancer):
    sortie = lancer(proposition({"departement": "19", "telephone": "05 55 00 00 00", "source": SOURCE}), "--date", DATE)
    assert sortie.code == 0, sortie.stderr
    assert fiche(sortie.apres, "19")["lien_source"] == SOURCE
    assert fiche(sortie.apres, "19")["nom"] == fiche(REEL, "19")["nom"]  # untouched fields stay
    assert "La source de la fiche change (avant : `https://www.cralimousin.com/" in sortie.stdout


# --- the platform as its own source ------------------------------------------------------------

PAR_LA_PLATEFORME = {**COMPLETE, "source": "Je travaille à la plateforme", "role": "Je travaille à la plateforme emploi accompagné"}


def test_la_plateforme_sans_page_publique_attend_qu_un_responsable_confirme_et_rien_n_est_ecrit(lancer):
    sortie = lancer(proposition(PAR_LA_PLATEFORME), "--numero", "12", "--date", DATE)
    assert sortie.code == 4 and sortie.inchange
    assert sortie.stdout.startswith("## Merci ! Votre proposition est à confirmer auprès de la plateforme")
    assert "Vous n'avez rien à corriger" in sortie.stdout and "Empreinte de ces informations" in sortie.stdout
    assert sortie.stderr == ""


def empreinte_affichee(sortie) -> str:
    return re.search(r"Empreinte de ces informations : \*\*`([0-9a-f]{8})`\*\*", sortie.stdout)[1]


def test_avec_la_confirmation_d_un_responsable_pour_cette_empreinte_la_fiche_est_confirmee(lancer):
    empreinte = empreinte_affichee(lancer(proposition(PAR_LA_PLATEFORME), "--date", DATE))
    sortie = lancer(proposition(PAR_LA_PLATEFORME), "--date", DATE,
                    "--confirmation", "appel au numéro publié par l'ARS", "--empreinte", empreinte)
    assert sortie.code == 0, sortie.stderr
    seule_la_fiche_change(sortie, "29")
    f = fiche(sortie.apres, "29")
    assert f["statut_verification"] == "confirme"
    assert f["confirmation"] == {"date": DATE, "moyen": "appel au numéro publié par l'ARS"}
    assert f["lien_source"] == ""  # no public page: the confirmation backs the contacts
    assert "Confirmée par la plateforme" in sortie.stdout
    assert f"pour les informations d'empreinte `{empreinte}`" in sortie.stdout


@pytest.mark.parametrize(
    "options, message",
    [
        (["--confirmation", "<b>ok</b>", "--empreinte", "3f9a1c2b"], "Option --confirmation : balise HTML refusée"),
        (["--confirmation", "appel, noté par @alice", "--empreinte", "3f9a1c2b"], "Option --confirmation : pas de @compte"),
        (["--confirmation", "appel au numéro publié par l'ARS"], "Options --confirmation et --empreinte : l'une ne va pas sans l'autre"),
        (["--confirmation", "appel", "--empreinte", "3f9a"], "Option --empreinte : l'empreinte affichée par from-issue"),
    ],
)
def test_une_confirmation_hostile_ou_incomplete_est_refusee(lancer, options, message):
    sortie = lancer(proposition(PAR_LA_PLATEFORME), "--date", DATE, *options)
    assert sortie.code == 1 and sortie.inchange
    assert message in sortie.stderr


# --- nothing to change -------------------------------------------------------------------------


def test_une_proposition_qui_redit_la_fiche_ne_change_rien_et_sort_en_3(lancer):
    avant = fiche(REEL, "19")
    sortie = lancer(proposition({"departement": "19", "nom": avant["nom"], "source": avant["lien_source"]}), "--date", DATE)
    assert sortie.code == 3 and sortie.inchange
    assert "ne change rien à la fiche 19" in sortie.stdout


def test_une_proposition_sans_aucune_information_ne_change_rien(lancer):
    sortie = lancer(proposition({"departement": "29", "source": SOURCE}), "--date", DATE)
    assert sortie.code == 3 and sortie.inchange
    assert "aucune information" in sortie.stdout


# --- options and files -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "options, message",
    [
        (["--date", "30/11/2026"], "Option --date : date à écrire au format AAAA-MM-JJ"),
        (["--date", (dt.date.today() + dt.timedelta(days=2)).isoformat()], "Option --date : la date de vérification ne peut pas être dans le futur"),
        (["--numero", "12; rm -rf /"], "Option --numero"),
    ],
)
def test_une_option_invalide_est_refusee_en_francais(lancer, options, message):
    sortie = lancer(proposition(COMPLETE), *options)
    assert sortie.code == 1 and sortie.inchange
    assert message in sortie.stderr


def test_un_fichier_de_donnees_deja_invalide_est_signale_dans_le_style_de_check(lancer):
    avant = '- departement: "13"\n  statut_verification: a-completer\n'
    donnees = REEL.replace(avant, avant + "  telephon: 1\n", 1)
    sortie = lancer(proposition(COMPLETE), "--date", DATE, donnees=donnees)
    assert sortie.code == 1 and sortie.inchange
    assert "[département 13] telephon: champ inconnu" in sortie.stderr
    assert "a déjà des problèmes" in sortie.stderr


def test_la_proposition_peut_arriver_par_l_entree_standard(tmp_path, monkeypatch, capsys):
    import io

    from emploi_accompagne.__main__ import main

    fichier = tmp_path / "plateformes.yaml"
    fichier.write_text(REEL, encoding="utf-8")
    corps = proposition({"departement": "29", "nom": "Plateforme du Finistère", "source": SOURCE}).encode()
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(corps)))
    assert main(["from-issue", "-", "--donnees", str(fichier), "--date", DATE]) == 0
    assert fiche(fichier.read_text(encoding="utf-8"), "29")["nom"] == "Plateforme du Finistère"


def test_chaque_departement_se_lit_par_l_option_du_formulaire_par_son_nom_et_avec_son_article():
    from emploi_accompagne import referentiel
    from emploi_accompagne.annuaire.formulaire import options_departement

    for dep, option in zip(referentiel.departements(), options_departement(), strict=True):
        assert lire_departement(option) == dep.code
        assert lire_departement(dep.nom) == dep.code
        assert lire_departement(dep.avec_article) == dep.code
        assert lire_departement(dep.code.lower()) == dep.code
