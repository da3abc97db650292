"""Fixtures of the directory tests: the real data, and a copy where one entry is complete.

The complete entry is fake but valid (telephone numbers from the ranges ARCEP keeps for
fiction, example.org addresses) and lives only in a temporary file, never in data/. Its
values also carry characters that must be escaped (HTML, Markdown, vCard, CSV).
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from emploi_accompagne import referentiel
from emploi_accompagne.annuaire import chemins, pages, recherche
from emploi_accompagne.annuaire.chargement import FICHIER_PLATEFORMES, charger_annuaire

SITE_URL = "https://exemple.test/annuaire/"
REPO_URL = "https://github.com/exemple/site"
PARAMETRES = pages.ParametresSite(site_url=SITE_URL, repo_url=REPO_URL, branche="main")

NOM_PIEGE = 'Plateforme <b>Test</b> ; emploi, "accompagné" & co *étoile* </script>'
FICHE_COMPLETE = '''- departement: "01"
  statut_verification: source-publique
  date_maj: 2026-01-15
  nom: '{nom}'
  telephone: "04 65 71 00 00"
  courriel: contact@example.org
  site_web: https://example.org/plateforme?a=1&b=2
  adresse: "=1 rue de l'Exemple"
  complement_adresse: "Bâtiment B; 2e étage, porte 3"
  code_postal: "01000"
  commune: Bourg-en-Bresse
  code_insee: "01053"
  horaires_accueil: "Mo-Fr 09:00-12:00,14:00-17:00; PH off"
  accessibilite_lieu: https://acceslibre.beta.gouv.fr/app/exemple/
  remarques: "+Accueil sur rendez-vous -le matin @antenne"
  lien_source: https://example.org/source
  structure_gestionnaire:
    nom: Association Exemple
    siret: "12345678901234"
    site_web: https://example.org/association
  partenaires:
    - nom: Partenaire Un
    - nom: Partenaire Deux
      site_web: https://example.org/deux
  sites:
    - nom: Antenne de Test
      adresse: 2 place de l'Exemple
      code_postal: "01100"
      commune: Oyonnax
      telephone: "04 65 71 00 01"
      horaires_accueil: "Tu,Th 09:00-12:00"
      lien_source: https://example.org/antenne
    - nom: Permanence sans coordonnées
  accueil_nouvelles_personnes: liste-d-attente
  delai_premier_rendez_vous: environ six semaines
  contact_avant_prescription: oui
  prescriptions: "Les conseillers envoient la fiche navette <b>par e-mail</b>."
  courriel_prescripteurs: prescripteurs@example.org
  mdph:
    nom: MDPH de l'Exemple
    site_web: https://example.org/mdph
    telephone: "04 65 71 00 09"
    adresse: 1 avenue de l'Exemple
    code_postal: "01000"
    commune: Bourg-en-Bresse
    lien_source: https://example.org/mdph/contact
    date_maj: 2026-02-01
'''.format(nom=NOM_PIEGE.replace("'", "''"))


def remplacer_fiche(texte: str, code: str, nouvelle: str) -> str:
    """The YAML text with the entry of one département replaced."""
    motif = re.compile(rf'^- departement: "{code}"\n(?:^(?!- departement:).*\n)*', re.MULTILINE)
    resultat, nombre = motif.subn(nouvelle + "\n", texte, count=1)
    assert nombre == 1, f"entry {code} not found"
    return resultat


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
    texte = remplacer_fiche(FICHIER_PLATEFORMES.read_text(encoding="utf-8"), "01", FICHE_COMPLETE)
    chemin = tmp_path_factory.mktemp("donnees") / "plateformes.yaml"
    chemin.write_text(texte, encoding="utf-8")
    return chemin


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
