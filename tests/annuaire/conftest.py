"""Fixtures of the directory tests: the real data, and a copy where one entry is complete
(tests/helpers/fiche_complete.py)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from emploi_accompagne import referentiel
from emploi_accompagne.annuaire import chemins, pages, recherche
from emploi_accompagne.annuaire.chargement import charger_annuaire
from tests.helpers.browser import SharedTab
from tests.helpers.fiche_complete import ecrire_annuaire_avec_la_fiche_complete
from tests.helpers.site import specimen_under_test

SITE_URL = "https://exemple.test/annuaire/"
REPO_URL = "https://github.com/exemple/site"
PARAMETRES = pages.ParametresSite(site_url=SITE_URL, repo_url=REPO_URL, branche="main")

@pytest.fixture(scope="session")
def annuaire():
    return charger_annuaire()


@pytest.fixture(scope="session")
def plateformes(annuaire):
    return annuaire.plateformes


@pytest.fixture(scope="session")
def fichiers_generes(annuaire):
    return pages.fichiers_annuaire(annuaire, PARAMETRES)


@pytest.fixture(scope="session")
def fichiers(fichiers_generes):
    return pages.contenus(fichiers_generes)


@pytest.fixture(scope="session")
def yaml_complet(tmp_path_factory) -> Path:
    return ecrire_annuaire_avec_la_fiche_complete(tmp_path_factory.mktemp("donnees") / "plateformes.yaml")


@pytest.fixture(scope="session")
def annuaire_complet(yaml_complet):
    return charger_annuaire(yaml_complet)


@pytest.fixture(scope="session")
def plateformes_completes(annuaire_complet):
    return annuaire_complet.plateformes


@pytest.fixture(scope="session")
def fichiers_complets(annuaire_complet):
    return pages.contenus(pages.fichiers_annuaire(annuaire_complet, PARAMETRES))


@pytest.fixture(scope="session")
def index_recherche(fichiers):
    """The finder's own files, parsed, as the page's script reads them."""
    prefixe = chemins.DOSSIER_TROUVER + "/"
    return {
        chemin.removeprefix(prefixe): json.loads(texte)
        for chemin, texte in fichiers.items()
        if chemin.startswith(prefixe + recherche.DOSSIER_INDEX + "/")
    }


@pytest.fixture(scope="session")
def lire(index_recherche):
    return index_recherche.__getitem__


@pytest.fixture(scope="session")
def departements():
    return referentiel.departements()


# --- the proposal form in Chromium (test_proposer_*navigateur.py) ------------------------------


@pytest.fixture(scope="module")
def specimen(site):
    """The specimen site (the publisher's e-mail route set), served with the site under test."""
    return specimen_under_test()


@pytest.fixture(scope="module")
def contexte(browser):
    """Shared by a module's tests: the form keeps nothing between loads."""
    contexte = browser.new_context(locale="fr-FR", viewport={"width": 1280, "height": 900})
    contexte.set_default_timeout(15_000)
    yield contexte
    contexte.close()


@pytest.fixture(scope="module")
def onglet_du_module(contexte):
    return SharedTab(contexte)


@pytest.fixture
def onglet(onglet_du_module):
    """The module's tab (tests/helpers/browser.SharedTab); the test fails if the page's script
    threw an error."""
    yield onglet_du_module.tab
    erreurs = onglet_du_module.clear()
    assert not erreurs, erreurs
