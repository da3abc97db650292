import os
import shutil
import subprocess
from pathlib import Path

import pytest

from emploi_accompagne.paths import ROOT

IGNORES = shutil.ignore_patterns(".venv", "node_modules", "site", "site.partiel", ".git", "build", "__pycache__", ".pytest_cache", ".hypothesis")


def environnement(**extra) -> dict:
    env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    env.update(NO_MKDOCS_2_WARNING="1", **extra)
    return env


@pytest.fixture
def copie_du_projet(tmp_path: Path) -> Path:
    """A scratch copy of the project sharing the installed .venv, to break data without touching the repo."""
    copie = tmp_path / "projet"
    shutil.copytree(ROOT, copie, ignore=IGNORES)
    (copie / ".venv").symlink_to(ROOT / ".venv")
    return copie


def construire(projet: Path, dossier: Path, outil: str = "mkdocs", **env) -> subprocess.CompletedProcess:
    commande = [str(ROOT / ".venv" / "bin" / outil), "build", "--strict", "-f", str(projet / "mkdocs.yml"), "-d", str(dossier)]
    return subprocess.run(commande, cwd=projet, capture_output=True, text=True, env=environnement(**env))
