"""Spécification : les erreurs de YAML que font les bénévoles (rapport des contributeurs,
issue 20 point 7) sont nommées à leur cause, sur la ligne où corriger, en une ligne en
français qui dit quoi faire : un guillemet jamais fermé, un « - » oublié, une fiche
manquante, une date qui n'existe pas, une valeur qui commence par « @ »."""
from __future__ import annotations

import pytest

from emploi_accompagne.annuaire.chargement import DonneesInvalides, charger_plateformes_texte
from emploi_accompagne.annuaire.modele import CODES_DEPARTEMENTS

FICHIER = "data/plateformes.yaml"


def fiche_vide(code: str) -> str:
    return (f'- departement: "{code}"\n  statut_verification: a-completer\n  date_maj: 2026-11-23\n  nom:\n'
            "  telephone:\n  courriel:\n  site_web:\n  adresse:\n  code_postal:\n  commune:\n  lien_source:\n")


ANNUAIRE = "\n".join(fiche_vide(code) for code in CODES_DEPARTEMENTS)


def ligne_de(texte: str, fragment: str) -> int:
    return texte[: texte.index(fragment)].count("\n") + 1


def ligne_de_la_fiche(texte: str, code: str) -> int:
    return ligne_de(texte, f'departement: "{code}"')


def dans_la_fiche(code: str, avant: str, apres: str, texte: str = ANNUAIRE) -> str:
    debut = texte.index(f'- departement: "{code}"')
    fin = texte.index("\n\n", debut) + 1 if code != CODES_DEPARTEMENTS[-1] else len(texte)
    assert avant in texte[debut:fin]
    return texte[:debut] + texte[debut:fin].replace(avant, apres, 1) + texte[fin:]


def erreurs(texte: str) -> list[str]:
    with pytest.raises(DonneesInvalides) as erreur:
        charger_plateformes_texte(texte, FICHIER)
    return str(erreur.value).splitlines()


def test_l_annuaire_de_depart_est_valide():
    assert len(charger_plateformes_texte(ANNUAIRE, FICHIER)) == 101


# --- an unclosed quote: on its own line, not « indentation incohérente » lines below -------------


@pytest.mark.parametrize("guillemet", ['"', "'"])
def test_un_guillemet_jamais_ferme_est_signale_sur_sa_ligne(guillemet):
    texte = dans_la_fiche("18", "  nom:\n", f"  nom: {guillemet}Plateforme du Cher\n")
    assert erreurs(texte) == [
        f"{FICHIER}:{ligne_de(texte, 'Plateforme du Cher')}:8: [département 18] nom: guillemet « {guillemet} » "
        f"ouvert mais jamais fermé : ajouter « {guillemet} » à la fin de la valeur"
    ]


def test_un_guillemet_ferme_sur_une_autre_ligne_du_texte_reste_accepte():
    """A quoted value may go on over two lines: it is not a mistake."""
    texte = dans_la_fiche("18", "  nom:\n", '  nom: "Plateforme\n    du Cher"\n')
    assert charger_plateformes_texte(texte, FICHIER)[17].nom == "Plateforme du Cher"


# --- a forgotten "- ": one line, not eleven « champ écrit deux fois » --------------------------------


@pytest.mark.parametrize("retrait", ["  ", ""], ids=["aligne-sur-les-champs", "au-debut-de-la-ligne"])
def test_un_tiret_oublie_avant_departement_est_une_seule_erreur_qui_dit_ou_le_mettre(retrait):
    texte = ANNUAIRE.replace('- departement: "18"', f'{retrait}departement: "18"')
    [erreur] = erreurs(texte)
    assert erreur.startswith(
        f"{FICHIER}:{ligne_de_la_fiche(texte, '18')}:1: [département 18] departement: tiret « - » oublié "
        "avant « departement: » : chaque fiche commence par « - departement: », le tiret au début de la ligne"
    )
    if retrait:  # read as more fields of the fiche above
        assert erreur.endswith(f"; sans lui, cette fiche s'ajoute à la fiche du dessus (département 17, ligne "
                               f"{ligne_de_la_fiche(texte, '17')})")


def test_un_champ_vraiment_ecrit_deux_fois_reste_un_champ_ecrit_deux_fois():
    texte = dans_la_fiche("18", "  lien_source:\n", '  lien_source:\n  departement: "18"\n')
    [erreur] = erreurs(texte)
    assert erreur.endswith("[département 18] departement: champ écrit deux fois (déjà à la ligne "
                           f"{ligne_de_la_fiche(texte, '18')}) : n'en garder qu'un")


# --- a missing fiche: where it belongs, not at 1:1 -------------------------------------------------


def test_une_fiche_supprimee_est_signalee_la_ou_elle_manque():
    debut = ANNUAIRE.index('- departement: "19"')
    texte = ANNUAIRE[:debut] + ANNUAIRE[ANNUAIRE.index('- departement: "2A"'):]  # 19 is gone
    assert erreurs(texte) == [
        f"{FICHIER}:{ligne_de_la_fiche(texte, '2A')}:1: [département 19] departement: fiche manquante : "
        "chaque département a sa fiche ; ajouter celle du département 19 juste avant cette ligne (fiche du département 2A)"
    ]


def test_la_derniere_fiche_supprimee_est_signalee_a_la_fin_du_fichier():
    texte = ANNUAIRE[: ANNUAIRE.index('- departement: "976"')]
    [erreur] = erreurs(texte)
    assert erreur.startswith(f"{FICHIER}:{texte.count(chr(10)) - 1}:1: [département 976] departement: fiche manquante")
    assert erreur.endswith("ajouter celle du département 976 à la fin du fichier, après la fiche du département 974")


def test_une_fiche_au_code_mal_tape_est_celle_qui_manque():
    texte = ANNUAIRE.replace('- departement: "19"', '- departement: "20"')
    ligne = ligne_de_la_fiche(texte, "20")
    assert erreurs(texte) == [
        f"{FICHIER}:{ligne}:16: [département 20] departement: code de département inconnu : « 01 » à « 95 », "
        "« 2A », « 2B », « 971 » à « 976 »",
        f"{FICHIER}:{ligne}:16: [département 19] departement: fiche manquante : la fiche de cette ligne a le code "
        "« 20 » (inconnu) ; si c'est celle du département 19, écrire « 19 »",
    ]


def test_un_code_sans_son_zero_dit_comment_l_ecrire():
    texte = ANNUAIRE.replace('- departement: "09"', '- departement: "9"')
    assert f"{FICHIER}:{ligne_de_la_fiche(texte, '9')}:16: [département 9] departement: code de département mal écrit : " \
           "écrire « 09 »" in erreurs(texte)


def test_une_fiche_recopiee_sans_changer_son_code_est_celle_qui_manque():
    texte = ANNUAIRE.replace('- departement: "19"', '- departement: "18"')
    premiere, seconde = ligne_de_la_fiche(texte, "18"), ligne_de_la_fiche(texte, "2A") - 12
    assert erreurs(texte) == [
        f"{FICHIER}:{seconde}:3: [département 18] departement: département en double (déjà à la ligne {premiere}) : "
        "si c'est la fiche d'un autre département, corriger son code ; sinon fusionner les deux fiches",
        f"{FICHIER}:{seconde}:16: [département 19] departement: fiche manquante : la fiche de cette ligne a le code "
        f"« 18 » (déjà pris ligne {premiere}) ; si c'est celle du département 19, écrire « 19 »",
    ]


# --- a date that does not exist is not a format error -----------------------------------------------


@pytest.mark.parametrize("date, attendu", [
    ("2026-02-30", "la date 2026-02-30 n'existe pas : février 2026 a 28 jours ; vérifier le jour et le mois (AAAA-MM-JJ)"),
    ("2026-04-31", "la date 2026-04-31 n'existe pas : avril 2026 a 30 jours ; vérifier le jour et le mois (AAAA-MM-JJ)"),
    ("2026-13-01", "la date 2026-13-01 n'existe pas : il n'y a pas de mois 13 ; écrire AAAA-MM-JJ, le mois entre 01 et 12"),
    ("04/12/2026", "date à écrire au format AAAA-MM-JJ, par exemple 2026-11-23"),  # a format error indeed
])
def test_une_date_qui_n_existe_pas_est_dite_inexistante(date, attendu):
    texte = dans_la_fiche("18", "date_maj: 2026-11-23", f"date_maj: {date}")
    assert erreurs(texte) == [f"{FICHIER}:{ligne_de(texte, date)}:13: [département 18] date_maj: {attendu}"]


# --- a value that starts with a sign YAML reads: in French, with the quotes to add ---------------


@pytest.mark.parametrize("valeur", ["@plateforme18", "`Plateforme`", "%Plateforme", "| Plateforme"])
def test_une_valeur_qui_commence_par_un_signe_de_yaml_se_met_entre_guillemets(valeur):
    texte = dans_la_fiche("18", "  nom:\n", f"  nom: {valeur}\n")
    assert erreurs(texte) == [
        f"{FICHIER}:{ligne_de(texte, valeur)}:8: [département 18] nom: une valeur qui commence par « {valeur[0]} » "
        f's\'écrit entre guillemets : nom: "{valeur}"'
    ]


def test_une_valeur_qui_commence_par_une_etoile_aussi_avec_son_departement():
    texte = dans_la_fiche("18", "  nom:\n", "  nom: *plateforme18\n")
    [erreur] = erreurs(texte)
    assert erreur.startswith(f"{FICHIER}:{ligne_de(texte, '*plateforme18')}:8: [département 18] fichier: "
                             "une valeur qui commence par « * » s'écrit entre guillemets")


def test_aucun_message_ne_garde_l_anglais_du_lecteur_yaml():
    for valeur in ["@a", "`a`", "%a", "| a", "> a", "[a", "{a", ", a", "] a"]:
        [erreur] = erreurs(dans_la_fiche("18", "  nom:\n", f"  nom: {valeur}\n  commune: Bourges\n"))
        assert "found" not in erreur and "expected" not in erreur and "syntaxe YAML invalide" not in erreur, erreur
