"""Le nombre de fiches sourcées se lit en bon français : « 1 fiche sur 101 a », « 4 fiches sur
101 ont », sur l'index des départements comme sur la page des données ouvertes."""
from __future__ import annotations

import pytest

from emploi_accompagne.annuaire.modele import StatutVerification
from emploi_accompagne.annuaire.pages import ParametresSite, page_donnees, page_index


class _Fiche:
    lien_source = None
    statut_verification = StatutVerification.A_COMPLETER  # backed by nothing: not sent to data·inclusion

    def __init__(self, contacts: bool):
        self._contacts = contacts

    def a_des_contacts(self) -> bool:
        return self._contacts


def _fiches(avec_contacts: int, total: int = 101) -> list[_Fiche]:
    return [_Fiche(i < avec_contacts) for i in range(total)]


@pytest.mark.parametrize(
    ("avec_contacts", "attendu"),
    [
        (1, "1 fiche sur 101 a des coordonnées"),
        (2, "2 fiches sur 101 ont des coordonnées"),
        (101, "101 fiches sur 101 ont des coordonnées"),
    ],
)
def test_le_nombre_de_fiches_s_accorde(avec_contacts, attendu):
    fiches = _fiches(avec_contacts)
    assert attendu in page_index(fiches)
    assert attendu in page_donnees(fiches, ParametresSite())


def test_aucune_fiche_le_dit_en_toutes_lettres():
    assert "aucune fiche n'a encore de coordonnées" in page_index(_fiches(0))
