from pathlib import Path

import pytest

from emploi_accompagne.annuaire.chargement import FICHIER_PLATEFORMES


@pytest.fixture(scope="session")
def yaml_valide() -> str:
    """The real directory file: every test mutates a copy of it."""
    return FICHIER_PLATEFORMES.read_text(encoding="utf-8")


@pytest.fixture
def ecrire(tmp_path: Path):
    def _ecrire(texte: str | bytes) -> Path:
        path = tmp_path / "plateformes.yaml"
        if isinstance(texte, bytes):
            path.write_bytes(texte)
        else:
            path.write_text(texte, encoding="utf-8")
        return path

    return _ecrire
