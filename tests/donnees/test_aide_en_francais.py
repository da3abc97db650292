"""L'aide de la ligne de commande (`python -m emploi_accompagne --help` et chaque commande) est en français."""
import argparse

import pytest

from emploi_accompagne.__main__ import main

COMMANDES = ["check", "generer", "formulaire-github", "from-issue", "schema", "pages", "index-trouver", "import"]
MOTS_ANGLAIS = ["usage:", "positional arguments", "show this help", "error:", "required", "invalid choice"]


def _sortie(capsys, argv):
    with pytest.raises(SystemExit):
        main(argv)
    sortie = capsys.readouterr()
    return sortie.out + sortie.err


@pytest.mark.parametrize("argv", [["--help"]] + [[commande, "--help"] for commande in COMMANDES])
def test_l_aide_de_chaque_commande_est_en_francais(capsys, argv):
    texte = _sortie(capsys, argv)
    assert texte.startswith("utilisation : python -m emploi_accompagne")
    assert "affiche cette aide et s'arrête" in texte
    for mot in MOTS_ANGLAIS:
        assert mot not in texte


def test_l_aide_generale_liste_les_commandes_sous_un_titre_francais(capsys):
    texte = _sortie(capsys, ["--help"])
    assert "commandes:" in texte
    for commande in COMMANDES:
        assert commande in texte


def test_une_commande_mal_ecrite_est_signalee_en_francais(capsys):
    texte = _sortie(capsys, ["chec"])
    assert "erreur : argument COMMANDE : choix inconnu : 'chec' (choisir parmi 'check'" in texte


def test_un_argument_manquant_est_signale_en_francais(capsys):
    texte = _sortie(capsys, ["from-issue"])
    assert "erreur : arguments obligatoires manquants : fichier" in texte


def test_argparse_retrouve_ses_mots_apres_la_commande(capsys):
    """La traduction ne vaut que le temps de la commande : un autre programme du même processus n'est pas touché."""
    _sortie(capsys, ["--help"])
    assert "usage:" in argparse.ArgumentParser(prog="autre").format_usage()
