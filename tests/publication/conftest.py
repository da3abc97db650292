import os
import subprocess
from pathlib import Path

import pytest

from benchmarks.projets import copy_project
from emploi_accompagne.paths import ROOT


def environnement(**extra) -> dict:
    env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    env.update(NO_MKDOCS_2_WARNING="1", **extra)
    return env


@pytest.fixture
def copie_du_projet(tmp_path: Path) -> Path:
    """A scratch copy of the project sharing the installed .venv, to break data without touching the repo."""
    copie = copy_project(tmp_path / "projet")
    (copie / ".venv").symlink_to(ROOT / ".venv")
    return copie


def construire(projet: Path, dossier: Path, outil: str = "mkdocs", **env) -> subprocess.CompletedProcess:
    commande = [str(ROOT / ".venv" / "bin" / outil), "build", "--strict", "-f", str(projet / "mkdocs.yml"), "-d", str(dossier)]
    return subprocess.run(commande, cwd=projet, capture_output=True, text=True, env=environnement(**env))


# What the publish workflow gives a build: a real address and the publisher's settings.
PUBLICATION = "https://emploi-accompagne.example.org/chemin/"
LOCALE = "http://127.0.0.1:8000/"
VALEURS = {
    "EDITEUR_NOM": "Association Exemple",
    "EDITEUR_ADRESSE": "1 rue de l'Exemple, 29200 Brest",
    "EDITEUR_CONTACT": "editeur@example.org",
    "EDITEUR_DIRECTEUR_PUBLICATION": "Camille Exemple",
    "COURRIEL_PROPOSITIONS": "propositions@example.org",
}
POUR_PUBLIER = dict(VALEURS, SITE_URL=PUBLICATION)
JOUR_DE_L_AN = "1767225600"  # 2026-01-01, a SOURCE_DATE_EPOCH unlike the clock's date

# Builds are the costly part of these tests (several seconds each): the modules that only read
# a build share these two, made once by one test process (mark them with this xdist group).
GROUPE_DES_CONSTRUCTIONS = pytest.mark.xdist_group("constructions de reference")


@pytest.fixture(scope="session")
def construction_publiee(tmp_path_factory) -> Path:
    """The site as the publish workflow builds it, dated by its commit (here 2026-01-01)."""
    return _construite(tmp_path_factory, "publiee", SOURCE_DATE_EPOCH=JOUR_DE_L_AN, **POUR_PUBLIER)


@pytest.fixture(scope="session")
def construction_locale(tmp_path_factory) -> Path:
    """The site as a contributor builds it on this computer."""
    return _construite(tmp_path_factory, "locale", SITE_URL=LOCALE)


def _construite(tmp_path_factory, nom: str, **env) -> Path:
    dossier = tmp_path_factory.mktemp(nom) / "site"
    resultat = construire(ROOT, dossier, **env)
    assert resultat.returncode == 0, resultat.stderr
    return dossier
