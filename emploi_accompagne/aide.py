"""argparse in French: its own words (usage, options, errors) translated while the command line runs."""
from __future__ import annotations

import argparse
import contextlib

# argparse's messages (Python 3.11 to 3.13), as argparse writes them, and their French.
TRADUCTIONS = {
    "usage: ": "utilisation : ",
    "positional arguments": "arguments",
    "options": "options",
    "optional arguments": "options",
    "show this help message and exit": "affiche cette aide et s'arrête",
    "show program's version number and exit": "affiche la version et s'arrête",
    "the following arguments are required: %s": "arguments obligatoires manquants : %s",
    "unrecognized arguments: %s": "arguments inconnus : %s",
    "invalid choice: %(value)r (choose from %(choices)s)": "choix inconnu : %(value)r (choisir parmi %(choices)s)",
    "argument %(argument_name)s: %(message)s": "argument %(argument_name)s : %(message)s",
    "%(prog)s: error: %(message)s\n": "%(prog)s : erreur : %(message)s\n",
    "expected one argument": "une valeur attendue",
    "expected at most one argument": "au plus une valeur attendue",
    "expected at least one argument": "au moins une valeur attendue",
    "ignored explicit argument %r": "valeur ignorée : %r",
    "invalid %(type)s value: %(value)r": "valeur invalide (%(type)s) : %(value)r",
    "ambiguous option: %(option)s could match %(matches)s": "option ambiguë : %(option)s peut être %(matches)s",
    "not allowed with argument %s": "impossible avec l'argument %s",
}


def traduire(message: str) -> str:
    return TRADUCTIONS.get(message, message)


def ntraduire(singulier: str, pluriel: str, nombre: int) -> str:
    return traduire(singulier if nombre == 1 else pluriel)


@contextlib.contextmanager
def en_francais():
    """argparse looks its words up through its module's `_` and `ngettext` at each use: swap them, then put them back."""
    anciens = argparse._, argparse.ngettext
    argparse._, argparse.ngettext = traduire, ntraduire
    try:
        yield
    finally:
        argparse._, argparse.ngettext = anciens
