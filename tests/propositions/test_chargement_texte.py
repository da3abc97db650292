"""Spécification : un texte pas encore écrit (un changement proposé) se valide comme le
fichier lui-même, avec les numéros de ligne qu'il aura une fois écrit."""

import pytest

from emploi_accompagne.annuaire.chargement import (
    FICHIER_PLATEFORMES,
    DonneesInvalides,
    charger_plateformes,
    charger_plateformes_texte,
)

REEL = FICHIER_PLATEFORMES.read_text(encoding="utf-8")


def test_le_texte_du_fichier_donne_les_memes_fiches_que_le_fichier():
    assert charger_plateformes_texte(REEL) == charger_plateformes()


def test_les_problemes_d_un_texte_portent_son_nom_et_ses_lignes():
    texte = REEL.replace(
        '- departement: "13"\n  statut_verification: a-completer\n',
        '- departement: "13"\n  statut_verification: a-completer\n  telephon: 1\n',
        1,
    )
    ligne = texte[: texte.index("telephon:")].count("\n") + 1
    with pytest.raises(DonneesInvalides) as erreur:
        charger_plateformes_texte(texte, nom="data/plateformes.yaml")
    assert str(erreur.value).startswith(
        f"data/plateformes.yaml:{ligne}:3: [département 13] telephon: champ inconnu"
    )


@pytest.mark.parametrize(
    "texte, message",
    [
        ("", "le fichier est vide"),
        ("# rien\n", "le fichier est vide"),
        ("x" * 2_000_001, "fichier trop gros"),
    ],
)
def test_un_texte_vide_ou_trop_gros_est_refuse_comme_un_fichier(texte, message):
    with pytest.raises(DonneesInvalides, match=message):
        charger_plateformes_texte(texte)
