"""Builders for the import tests.

Every value is fictitious: example.org addresses, numbers from the ranges ARCEP keeps for
fiction (01 99 00 …, 04 65 71 …), a SIRET of 14 digits that belongs to nobody. They
live in temporary files only, never in data/.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from emploi_accompagne.annuaire.chargement import (
    FICHIER_PLATEFORMES,
    charger_plateformes,
)
from emploi_accompagne.annuaire.importation.lecture import (
    COLONNE_DE_CHAMP,
    Cellule,
    Ligne,
)
from emploi_accompagne.annuaire.modele import CONTEXT_DEPARTEMENT, Plateforme

FIXTURES = Path(__file__).parent / "fixtures"
SOURCE = "https://example.org/liste-des-plateformes"
AUTRE_SOURCE = "https://example.org/une-autre-page"
DATE = dt.date(2026, 6, 1)  # the list's date in most tests
AVANT = dt.date(2026, 1, 15)  # a fiche checked before the list
APRES = dt.date(2026, 9, 1)  # a fiche checked after the list
CONFIRMATION = {"date": "2026-01-10", "moyen": "appel fictif au numéro publié"}


def plateforme(departement: str = "29", **champs) -> Plateforme:
    donnees = {"departement": departement, "date_maj": AVANT, "statut_verification": "a-completer", **champs}
    return Plateforme.model_validate(donnees, context={CONTEXT_DEPARTEMENT: departement})


def ligne(departement: str = "29", numero: int = 2, **valeurs) -> Ligne:
    """A row of a list: field path (structure_gestionnaire.siret as structure_gestionnaire__siret) -> text."""
    cellules = {}
    for colonne, (cle, valeur) in enumerate(valeurs.items(), start=4):
        champ = cle.replace("__", ".")
        cellules[champ] = Cellule(valeur, numero, colonne, COLONNE_DE_CHAMP[champ])
    return Ligne("liste.csv", numero, departement, cellules)


@pytest.fixture(scope="session")
def yaml_reel() -> str:
    return FICHIER_PLATEFORMES.read_text(encoding="utf-8")


@pytest.fixture
def copie_des_donnees(tmp_path: Path, yaml_reel: str) -> Path:
    """A temporary copy of data/plateformes.yaml: imports in tests write there only."""
    chemin = tmp_path / "plateformes.yaml"
    chemin.write_text(yaml_reel, encoding="utf-8")
    return chemin


@pytest.fixture(scope="session")
def yaml_avec_une_fiche_complete(tmp_path_factory, yaml_reel) -> str:
    """The real file with the directory tests' complete (fictitious) fiche for the Ain."""
    from tests.helpers.fiche_complete import FICHE_COMPLETE, remplacer_fiche

    return remplacer_fiche(yaml_reel, "01", FICHE_COMPLETE)


@pytest.fixture(scope="session")
def plateformes_avec_une_fiche_complete(tmp_path_factory, yaml_avec_une_fiche_complete):
    chemin = tmp_path_factory.mktemp("complet") / "plateformes.yaml"
    chemin.write_text(yaml_avec_une_fiche_complete, encoding="utf-8")
    return charger_plateformes(chemin)


@pytest.fixture(autouse=True)
def les_donnees_du_depot_restent_intactes():
    """No import test may ever write to data/plateformes.yaml."""
    avant = FICHIER_PLATEFORMES.read_bytes()
    yield
    assert FICHIER_PLATEFORMES.read_bytes() == avant, "a test wrote to data/plateformes.yaml"
