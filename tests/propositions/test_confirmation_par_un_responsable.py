"""Spécification : une proposition que seule la plateforme appuie attend un responsable. Le robot
montre ce qu'il a lu, tel qu'on le lit (« 02 98 00 00 00 »), avec une courte empreinte de ces
valeurs (code 4, rien d'écrit). Un responsable qui les a vérifiées auprès de la plateforme commente
`/confirmer <empreinte> <comment>` : la fiche est alors confirmée, pour ces valeurs-là seulement.

- Seul un compte qui peut écrire dans le dépôt peut confirmer (le droit que GitHub donne, pas
  l'association affichée sur le commentaire).
- L'empreinte citée doit être une que le robot a montrée, pour une seule version de la
  proposition : la confirmation vaut pour l'empreinte complète de cette version. Une issue modifiée
  après l'affichage n'est pas confirmée ; une confirmation survit à une modification qui garde les
  mêmes valeurs, et à elle seule.
- Le nom du responsable figure dans la pull request, jamais dans les données ouvertes.

Les commentaires arrivent comme le workflow les écrit (confirmations.py) ; chaque attaque du
rapport de sécurité sur ce point (constats 1, 6 et 7) est un cas ci-dessous."""
import json
import re
from pathlib import Path

import pytest
import yaml

from emploi_accompagne.annuaire import proposition as module_proposition
from emploi_accompagne.annuaire.chargement import charger_plateformes_texte
from emploi_accompagne.annuaire.confirmations import ROBOT

from .conftest import proposition

LECTEUR = getattr(yaml, "CBaseLoader", yaml.BaseLoader)
FIXTURES = Path(__file__).parent / "fixtures"
DATE = "2026-12-02"
PLATEFORME = {
    "departement": "29 – Finistère",
    "nom": "Plateforme emploi accompagné du Finistère",
    "telephone": "0298000000",
    "courriel": "contact@plateforme29.fr",
    "sites": "Antenne de Quimper – 3 place de la Résistance, 29000 Quimper – 02 98 00 00 01",
    "source": "Je travaille à la plateforme",
    "role": "Je travaille à la plateforme emploi accompagné",
}
MOYEN = "appel au numéro publié par l'ARS"


def fiche_29(texte: str) -> dict:
    return next(f for f in yaml.load(texte, Loader=LECTEUR) if f["departement"] == "29")


def empreinte_du_texte(texte: str) -> str:
    """The short digest, as the bot's answer shows it."""
    return re.search(r"Empreinte de ces informations : \*\*`([0-9a-f]{8})`\*\*", texte)[1]


def empreinte_courte(sortie) -> str:
    return empreinte_du_texte(sortie.stdout)


def commentaire(auteur: str, corps: str, date: str, type_: str = "User") -> dict:
    return {"auteur": auteur, "type": type_, "date": date, "corps": corps}


@pytest.fixture
def avec_commentaires(lancer, tmp_path):
    """from-issue as the workflow runs it: the issue's comments and their authors' rights in a file."""

    def _lancer(corps: str, commentaires: list[dict], droits: dict[str, str] | None = None):
        fichier = tmp_path / "commentaires.json"
        fichier.write_text(json.dumps({"commentaires": commentaires, "droits": droits or {}}), encoding="utf-8")
        return lancer(corps, "--numero", "12", "--date", DATE, "--commentaires", str(fichier))

    return _lancer


def reponse_du_robot(avec_commentaires, corps: str) -> dict:
    """The bot's answer to a proposal waiting for a confirmation, as a comment of the issue."""
    sortie = avec_commentaires(corps, [])
    assert sortie.code == 4, sortie.stderr
    return commentaire(ROBOT, sortie.stdout, "2026-11-30T23:11:00Z", "Bot")


# --- what the bot shows --------------------------------------------------------------------------


def test_le_robot_montre_ce_qu_il_a_lu_tel_qu_on_le_lit_avec_son_empreinte(lancer):
    sortie = lancer(proposition(PLATEFORME), "--date", DATE)
    assert sortie.code == 4 and sortie.inchange
    texte = sortie.stdout
    assert "- **Département** : `29 – Finistère`" in texte
    assert "- **Téléphone** : `02 98 00 00 00`" in texte  # written 0298000000, stored +33298000000
    assert "- **E-mail** : `contact@plateforme29.fr`" in texte
    assert "  1. nom `Antenne de Quimper`, téléphone `02 98 00 00 01`, adresse `3 place de la Résistance`" in texte
    assert "+33" not in texte
    court = empreinte_courte(sortie)
    [entiere] = re.findall(r"<!-- empreinte-complete: ([0-9a-f]{64}) -->", texte)
    assert entiere.startswith(court) and f"(en entier : `{entiere}`)" in texte


def test_le_commentaire_public_ne_donne_pas_les_consignes_des_responsables(lancer):
    """The thread is the coordinator's: thanks and what was read; how a maintainer confirms is in
    CONTRIBUTING (« Relire et publier »), where it names the command and the digest."""
    texte = lancer(proposition(PLATEFORME), "--date", DATE).stdout
    assert "Vous n'avez rien à corriger" in texte
    assert "/confirmer" not in texte and "<details" not in texte
    relire = (Path(__file__).resolve().parents[2] / "CONTRIBUTING.md").read_text(encoding="utf-8").split("Relire et publier", 1)[1]
    assert "`/confirmer <empreinte> <comment>`" in relire


def test_l_empreinte_ne_depend_que_des_valeurs_lues(lancer):
    def empreinte(valeurs):
        return empreinte_courte(lancer(proposition(valeurs), "--date", DATE))

    reference = empreinte(PLATEFORME)
    # Written otherwise, with another message or role: the same values.
    assert empreinte({**PLATEFORME, "telephone": "02 98 00 00 00", "remarques": "Merci !", "role": "Autre"}) == reference
    # Another value: another digest.
    assert empreinte({**PLATEFORME, "telephone": "02 98 00 00 09"}) != reference
    assert empreinte({**PLATEFORME, "sites": "Antenne de Brest – 29200 Brest"}) != reference
    # The same values for another département (without the antenne, whose postal code is Finistère's).
    sans_antenne = {**PLATEFORME, "sites": ""}
    assert empreinte({**sans_antenne, "departement": "56"}) != empreinte(sans_antenne)


# --- confirming ---------------------------------------------------------------------------------


def test_un_responsable_qui_cite_l_empreinte_montree_publie_la_fiche_confirmee(avec_commentaires):
    corps = proposition(PLATEFORME)
    robot = reponse_du_robot(avec_commentaires, corps)
    court = empreinte_du_texte(robot["corps"])
    sortie = avec_commentaires(corps, [robot, commentaire("alice", f"/confirmer {court} {MOYEN}\nMerci !",
                                                          "2026-12-01T08:00:00Z")], {"alice": "write"})
    assert sortie.code == 0, sortie.stderr
    f = fiche_29(sortie.apres)
    assert f["telephone"] == "+33298000000" and f["statut_verification"] == "confirme"
    assert f["confirmation"] == {"date": "2026-12-01", "moyen": MOYEN}  # the day of the comment
    assert f["date_maj"] == "2026-12-01"
    assert f"(noté par @alice le 2026-12-01, pour les informations d'empreinte `{court}`)" in sortie.stdout


@pytest.mark.parametrize("droit", ["admin", "maintain", "write"])
def test_un_compte_qui_peut_ecrire_dans_le_depot_peut_confirmer(avec_commentaires, droit):
    corps = proposition(PLATEFORME)
    robot = reponse_du_robot(avec_commentaires, corps)
    court = empreinte_du_texte(robot["corps"])
    sortie = avec_commentaires(corps, [robot, commentaire("alice", f"/confirmer {court} {MOYEN}", "2026-12-01T08:00:00Z")],
                               {"alice": droit})
    assert sortie.code == 0, sortie.stderr


@pytest.mark.parametrize("droit", ["triage", "read", "none", None])
def test_un_membre_ou_collaborateur_sans_droit_d_ecriture_ne_confirme_rien(avec_commentaires, droit):
    """Le rapport (constat 6) : MEMBER et COLLABORATOR comprennent des comptes en lecture seule."""
    corps = proposition(PLATEFORME)
    robot = reponse_du_robot(avec_commentaires, corps)
    court = empreinte_du_texte(robot["corps"])
    droits = {"mallory": droit} if droit else {}
    sortie = avec_commentaires(corps, [robot, commentaire("mallory", f"/confirmer {court} {MOYEN}", "2026-12-01T08:00:00Z")],
                               droits)
    assert sortie.code == 4 and sortie.inchange
    assert ("le commentaire « /confirmer » de `mallory` du 2026-12-01 n'est pas pris en compte : seul un responsable "
            "de l'annuaire (un compte qui peut écrire dans le dépôt) peut confirmer.") in sortie.stdout


def test_le_nom_du_responsable_n_entre_jamais_dans_les_donnees_ouvertes(avec_commentaires):
    """Issue 20, point 9 : le pseudo est dans la pull request, jamais dans `confirmation_moyen`."""
    corps = proposition(PLATEFORME)
    robot = reponse_du_robot(avec_commentaires, corps)
    court = empreinte_du_texte(robot["corps"])
    sortie = avec_commentaires(corps, [robot, commentaire("julien-benevole", f"/confirmer {court} {MOYEN}",
                                                          "2026-12-01T08:00:00Z")], {"julien-benevole": "write"})
    assert sortie.code == 0, sortie.stderr
    assert "julien" not in sortie.apres
    fiche = next(p for p in charger_plateformes_texte(sortie.apres) if p.departement == "29")
    assert fiche.confirmation.moyen == MOYEN
    assert "@julien-benevole" in sortie.stdout  # the pull request names who confirmed


@pytest.mark.parametrize(
    "texte, raison",
    [
        (f"/confirmer {MOYEN}", "écrire juste après « /confirmer » l'empreinte donnée par le robot"),
        ("/confirmer", "écrire juste après « /confirmer » l'empreinte donnée par le robot"),
        ("/confirmer {court}", "texte de la confirmation : dire comment la plateforme a confirmé"),
        ("/confirmer {court} appel, noté par @alice", "texte de la confirmation : pas de @compte"),
        ('/confirmer {court} appel "officiel"', "texte de la confirmation : guillemets droits"),
        ("/confirmer 0123abcd appel", "le robot n'a donné l'empreinte `0123abcd` pour aucune version de cette proposition"),
    ],
)
def test_un_confirmer_mal_ecrit_ne_confirme_rien_et_le_robot_dit_pourquoi(avec_commentaires, texte, raison):
    corps = proposition(PLATEFORME)
    robot = reponse_du_robot(avec_commentaires, corps)
    court = empreinte_du_texte(robot["corps"])
    sortie = avec_commentaires(corps, [robot, commentaire("alice", texte.format(court=court), "2026-12-01T08:00:00Z")],
                               {"alice": "write"})
    assert sortie.code == 4 and sortie.inchange
    assert f"n'est pas pris en compte : {raison}" in sortie.stdout
    assert "julien" not in sortie.stdout


# --- what was seen is what is confirmed ----------------------------------------------------------


def test_une_issue_modifiee_apres_l_affichage_n_est_pas_confirmee(avec_commentaires):
    """Le rapport (constat 1, scénario B) : l'issue change entre la lecture du responsable et son /confirmer."""
    robot = reponse_du_robot(avec_commentaires, proposition(PLATEFORME))
    court = empreinte_du_texte(robot["corps"])
    modifiee = proposition({**PLATEFORME, "telephone": "06 12 34 56 78"})
    sortie = avec_commentaires(modifiee, [robot, commentaire("alice", f"/confirmer {court} {MOYEN}", "2026-12-01T08:00:00Z")],
                               {"alice": "write"})
    assert sortie.code == 4 and sortie.inchange
    assert (f"La confirmation de `alice` du 2026-12-01 (empreinte `{court}`) ne vaut pas pour les informations "
            "ci-dessous : elles ne sont plus celles qu'elle confirmait.") in sortie.stdout
    assert "- **Téléphone** : `06 12 34 56 78`" in sortie.stdout  # the new values, with their own digest
    assert empreinte_courte(sortie) != court


def test_une_confirmation_survit_a_une_modification_qui_garde_les_memes_valeurs(avec_commentaires):
    robot = reponse_du_robot(avec_commentaires, proposition(PLATEFORME))
    court = empreinte_du_texte(robot["corps"])
    confirmer = commentaire("alice", f"/confirmer {court} {MOYEN}", "2026-12-01T08:00:00Z")
    # Edited after the confirmation: the number written otherwise, a message added.
    modifiee = proposition({**PLATEFORME, "telephone": "02 98 00 00 00", "remarques": "Merci pour l'appel !"})
    sortie = avec_commentaires(modifiee, [robot, confirmer], {"alice": "write"})
    assert sortie.code == 0, sortie.stderr
    assert fiche_29(sortie.apres)["confirmation"] == {"date": "2026-12-01", "moyen": MOYEN}


def test_deux_versions_de_meme_empreinte_courte_ne_confirment_ni_l_une_ni_l_autre(avec_commentaires):
    """A short digest can be made to collide: two versions shown with the same one confirm nothing;
    the whole digest, shown to maintainers, still can."""
    corps = proposition(PLATEFORME)
    robot = reponse_du_robot(avec_commentaires, corps)
    [entiere] = re.findall(r"<!-- empreinte-complete: ([0-9a-f]{64}) -->", robot["corps"])
    court = entiere[:8]
    jumelle = court + ("0" if entiere[8] != "0" else "1") + entiere[9:]
    autre_version = commentaire(ROBOT, f"…\n<!-- empreinte-complete: {jumelle} -->", "2026-11-30T23:30:00Z", "Bot")
    droits = {"alice": "write"}
    sortie = avec_commentaires(corps, [robot, autre_version, commentaire("alice", f"/confirmer {court} {MOYEN}",
                                                                         "2026-12-01T08:00:00Z")], droits)
    assert sortie.code == 4 and sortie.inchange
    assert f"le robot a donné l'empreinte `{court}` pour deux versions différentes de la proposition" in sortie.stdout
    sortie = avec_commentaires(corps, [robot, autre_version, commentaire("alice", f"/confirmer {entiere} {MOYEN}",
                                                                         "2026-12-01T09:00:00Z")], droits)
    assert sortie.code == 0, sortie.stderr


@pytest.mark.parametrize("auteur, type_", [("mallory", "User"), (ROBOT, "User"), ("github-actions", "Bot")])
def test_seules_les_reponses_du_robot_donnent_une_empreinte(avec_commentaires, auteur, type_):
    """Someone's comment that imitates the bot's answer (its hidden digest) shows nothing."""
    corps = proposition(PLATEFORME)
    vraie = reponse_du_robot(avec_commentaires, corps)
    imitation = {**vraie, "auteur": auteur, "type": type_}
    court = empreinte_du_texte(vraie["corps"])
    sortie = avec_commentaires(corps, [imitation, commentaire("alice", f"/confirmer {court} {MOYEN}", "2026-12-01T08:00:00Z")],
                               {"alice": "write"})
    assert sortie.code == 4 and sortie.inchange
    assert "pour aucune version de cette proposition" in sortie.stdout


def test_la_valeur_cachee_du_rapport_ne_peut_pas_etre_confirmee(avec_commentaires):
    """Le rapport (constat 1, scénario A) : même confirmée, la proposition à commentaire caché est refusée."""
    corps = (FIXTURES / "cache-commentaire.md").read_text(encoding="utf-8")
    sortie = avec_commentaires(corps, [commentaire("alice", f"/confirmer 3f9a1c2b {MOYEN}", "2026-12-01T08:00:00Z")],
                               {"alice": "write"})
    assert sortie.code == 1 and sortie.inchange
    assert "Commentaire HTML (ligne 2)" in sortie.stderr and "08 99" not in sortie.stderr


# --- an unexpected error -------------------------------------------------------------------------


def test_une_erreur_inattendue_sort_avec_son_propre_code_et_une_phrase_en_francais(lancer, monkeypatch):
    """Le rapport (constat 7) : un plantage n'est pas un refus, et sa trace n'est pas une réponse."""

    def plante(*args, **kwargs):
        raise RuntimeError("```\nboum")

    monkeypatch.setattr(module_proposition, "appliquer", plante)
    sortie = lancer(proposition(PLATEFORME), "--date", DATE)
    assert sortie.code == 5 and sortie.inchange
    assert sortie.stderr.splitlines()[0] == (
        "Erreur inattendue de from-issue : ce n'est pas la faute de la proposition, et rien n'a été modifié. "
        "Détail pour les développeurs :"
    )
    assert "Proposition refusée" not in sortie.stderr


def test_un_fichier_de_commentaires_illisible_est_une_erreur_inattendue(lancer, tmp_path):
    fichier = tmp_path / "commentaires.json"
    fichier.write_text("{pas du JSON", encoding="utf-8")
    sortie = lancer(proposition(PLATEFORME), "--date", DATE, "--commentaires", str(fichier))
    assert sortie.code == 5 and sortie.inchange
