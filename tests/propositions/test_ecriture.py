"""Spécification : changer une fiche de data/plateformes.yaml ne touche à aucun autre octet
du fichier (autres fiches, commentaires, ordre, fins de ligne), et une valeur, quelle
qu'elle soit, ne peut jamais ajouter un champ ou une fiche."""
import datetime as dt
import os

import pytest
import yaml

from emploi_accompagne.annuaire.chargement import (
    FICHIER_PLATEFORMES,
    charger_plateformes_texte,
)
from emploi_accompagne.annuaire.ecriture import (
    SUPPRIMER,
    EcritureImpossible,
    ecrire_atomiquement,
    etendue_fiche,
    remplacer_fiche,
    remplacer_fiches,
)
from emploi_accompagne.annuaire.modele import CODES_DEPARTEMENTS

REEL = FICHIER_PLATEFORMES.read_text(encoding="utf-8")
LECTEUR = getattr(yaml, "CBaseLoader", yaml.BaseLoader)  # every scalar as text, as the site reads it


def fiche_lue(texte: str, code: str) -> dict:
    """A fiche as the site reads it: every scalar as text."""
    [fiche] = [f for f in yaml.load(texte, Loader=LECTEUR) if f["departement"] == code]
    return fiche


def assert_seule_la_fiche_change(avant: str, apres: str, code: str) -> None:
    debut, fin = etendue_fiche(avant, code)
    assert apres[:debut] == avant[:debut]
    assert apres.endswith(avant[fin:])


@pytest.mark.parametrize("code", CODES_DEPARTEMENTS)
def test_sur_le_vrai_fichier_seule_la_fiche_visee_change_octet_pour_octet(code):
    apres = remplacer_fiche(
        REEL,
        code,
        {"nom": "Plateforme emploi accompagné (essai)", "horaires_accueil": "Mo-Fr 09:00-12:00", "date_maj": dt.date(2026, 11, 30)},
    )
    assert apres != REEL
    assert_seule_la_fiche_change(REEL, apres, code)
    fiche = fiche_lue(apres, code)
    assert fiche["nom"] == "Plateforme emploi accompagné (essai)"
    assert fiche["horaires_accueil"] == "Mo-Fr 09:00-12:00"
    assert fiche["date_maj"] == "2026-11-30"
    assert len(charger_plateformes_texte(apres)) == len(CODES_DEPARTEMENTS)


def test_un_champ_deja_present_est_remplace_sur_sa_ligne_sans_bouger_les_autres():
    apres = remplacer_fiche(REEL, "29", {"telephone": "+33298000000"})
    assert REEL.replace('- departement: "29"', "X").count("\n") == apres.replace('- departement: "29"', "X").count("\n")
    debut, fin = etendue_fiche(REEL, "29")
    bloc_avant, bloc_apres = REEL[debut:fin].splitlines(), apres[debut:].splitlines()[: len(REEL[debut:fin].splitlines())]
    differentes = [(a, b) for a, b in zip(bloc_avant, bloc_apres) if a != b]
    assert differentes == [("  telephone:", '  telephone: "+33298000000"')]


def test_un_champ_nouveau_se_place_dans_l_ordre_des_champs():
    apres = remplacer_fiche(
        REEL, "48", {"confirmation": {"date": dt.date(2026, 11, 30), "moyen": "appel au numéro publié par l'ARS"}}
    )
    debut, _ = etendue_fiche(apres, "48")
    lignes = apres[debut:].splitlines()[:16]
    i = lignes.index("  confirmation:")
    assert lignes[i - 1].startswith("  lien_source: ")
    assert lignes[i + 1 : i + 4] == ["    date: 2026-11-30", "    moyen: appel au numéro publié par l'ARS", "  structure_gestionnaire:"]


def test_les_listes_sont_ecrites_comme_dans_le_fichier_indentees_sous_leur_champ():
    apres = remplacer_fiche(REEL, "29", {"sites": [{"nom": "Antenne de Quimper", "telephone": None, "commune": "Quimper"}]})
    assert "  sites:\n    - nom: Antenne de Quimper\n      commune: Quimper\n" in apres


def test_none_laisse_le_champ_vide_et_supprimer_retire_ses_lignes():
    apres = remplacer_fiche(REEL, "48", {"lien_source": None, "structure_gestionnaire": SUPPRIMER, "remarques": SUPPRIMER})
    fiche = fiche_lue(apres, "48")
    assert fiche["lien_source"] == ""
    assert "structure_gestionnaire" not in fiche and "remarques" not in fiche
    assert "Clos du Nid" not in apres
    assert_seule_la_fiche_change(REEL, apres, "48")


AVEC_COMMENTAIRES = """\
# en-tête
- departement: "01"   # l'Ain
  statut_verification: a-completer
  # le nom vient de la page de l'ARS
  nom: Ancien nom  # à revoir
  date_maj: 2026-11-23
  remarques: |
    Deux lignes
    de remarques.

  # commentaire entre deux champs
  sites:
    - nom: A
      # commentaire dans un site
      commune: B

# fin de la fiche 01
- departement: "02"
  statut_verification: a-completer
  date_maj: 2026-11-23
"""


def test_les_commentaires_et_lignes_autour_des_champs_changes_restent():
    apres = remplacer_fiche(AVEC_COMMENTAIRES, "01", {"nom": "Nouveau nom", "remarques": "Une ligne.", "courriel": "a@exemple.fr"})
    attendu = (
        AVEC_COMMENTAIRES.replace("nom: Ancien nom  # à revoir", "nom: Nouveau nom  # à revoir")
        .replace("  remarques: |\n    Deux lignes\n    de remarques.\n", "  remarques: Une ligne.\n")
        .replace("  date_maj: 2026-11-23\n  remarques", "  date_maj: 2026-11-23\n  remarques", 1)
    )
    # the new field goes after "nom" (the last field before it in the usual order), comment kept
    attendu = attendu.replace("nom: Nouveau nom  # à revoir\n", "nom: Nouveau nom  # à revoir\n  courriel: a@exemple.fr\n")
    assert apres == attendu


def test_un_fichier_en_fins_de_ligne_windows_les_garde():
    crlf = AVEC_COMMENTAIRES.replace("\n", "\r\n")
    apres = remplacer_fiche(crlf, "01", {"sites": [{"nom": "C", "commune": "D"}], "telephone": "+33474000000"})
    assert "\n" not in apres.replace("\r\n", "")
    assert fiche_lue(apres, "01")["sites"] == [{"nom": "C", "commune": "D"}]
    assert apres.endswith(crlf[crlf.index("# fin de la fiche 01") :])


@pytest.mark.parametrize(
    "valeur",
    [
        'x"\n- departement: "02"\n  nom: pirate',
        "x\n  telephone: 0102030405",
        "statut_verification: confirme",
        "nom # commentaire",
        "'apostrophes' et \"guillemets\"",
        "${{ secrets.GITHUB_TOKEN }}",
        "$(rm -rf /); `id` | cat && echo",
        "- departement: \"03\"",
        "[liste, en, ligne]",
        "{a: b}",
        "&ancre *alias !!python/object:os.system",
        "null",
        "2026-11-23",
        "yes",
        "",
        " espaces autour ",
        "\\ antislash \\n",
    ],
)
def test_une_valeur_hostile_reste_une_simple_valeur(valeur):
    apres = remplacer_fiche(REEL, "13", {"nom": valeur})
    assert_seule_la_fiche_change(REEL, apres, "13")
    donnees = yaml.load(apres, Loader=LECTEUR)
    assert [f["departement"] for f in donnees] == list(CODES_DEPARTEMENTS)
    assert fiche_lue(apres, "13")["nom"] == valeur
    assert set(fiche_lue(apres, "13")) == set(fiche_lue(REEL, "13"))


def test_plusieurs_fiches_a_la_fois_comme_une_par_une():
    ensemble = remplacer_fiches(REEL, {"01": {"nom": "A"}, "974": {"nom": "B", "telephone": "+262262000000"}})
    une_par_une = remplacer_fiche(remplacer_fiche(REEL, "01", {"nom": "A"}), "974", {"nom": "B", "telephone": "+262262000000"})
    assert ensemble == une_par_une


@pytest.mark.parametrize(
    "texte, code, valeurs, message",
    [
        (REEL, "99", {"nom": "x"}, "aucune fiche pour le département 99"),
        (REEL, "01", {"departement": "02"}, "ne se change pas"),
        (REEL + '\n- departement: "01"\n  nom: doublon\n', "01", {"nom": "x"}, "deux fiches"),
        ('- departement: "01"\n  nom: &a x\n  commune: *a\n', "01", {"nom": "y"}, "ancres"),
        ('- {departement: "01", nom: x}\n', "01", {"nom": "y"}, "sur une ligne"),
        ('- departement: "01"\n  nom: x\n  nom: y\n', "01", {"nom": "z"}, "écrit deux fois"),
        ("departement: 01\n", "01", {"nom": "z"}, "liste de fiches"),
        ('- departement: "01"\n  nom: "jamais fermé\n', "01", {"nom": "z"}, "YAML lisible"),
        (REEL, "01", {"nom": object()}, "impossible à écrire"),
        (REEL, "01", {"nom: x": "y"}, "nom de champ invalide"),
    ],
)
def test_un_changement_impossible_est_refuse_en_francais(texte, code, valeurs, message):
    with pytest.raises(EcritureImpossible, match=message):
        remplacer_fiche(texte, code, valeurs)


def test_l_etendue_d_une_fiche_va_de_son_tiret_a_sa_derniere_ligne():
    debut, fin = etendue_fiche(AVEC_COMMENTAIRES, "01")
    assert AVEC_COMMENTAIRES[debut:].startswith('- departement: "01"')
    assert AVEC_COMMENTAIRES[:fin].endswith("      commune: B")


def test_l_ecriture_atomique_remplace_le_fichier_sans_laisser_de_temporaire(tmp_path):
    cible = tmp_path / "plateformes.yaml"
    cible.write_text("ancien", encoding="utf-8")
    os.chmod(cible, 0o644)
    ecrire_atomiquement(cible, "nouveau\r\navec CRLF\n")
    assert cible.read_bytes() == b"nouveau\r\navec CRLF\n"
    assert oct(cible.stat().st_mode & 0o777) == "0o644"
    assert [p.name for p in tmp_path.iterdir()] == ["plateformes.yaml"]
