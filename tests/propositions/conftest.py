from dataclasses import dataclass
from pathlib import Path

import pytest

from emploi_accompagne.__main__ import main
from emploi_accompagne.annuaire.chargement import FICHIER_PLATEFORMES
from emploi_accompagne.annuaire.formulaire import CHAMPS, SANS_REPONSE

REEL = FICHIER_PLATEFORMES.read_text(encoding="utf-8")


def proposition(valeurs: dict[str, str], *, seulement_donnes: bool = False) -> str:
    """The body GitHub writes for the issue form: every public field, in order, "### label",
    a blank line, the value or _No response_."""
    blocs = []
    for champ in CHAMPS:
        if not champ.public or (seulement_donnes and champ.id not in valeurs):
            continue
        blocs.append(f"### {champ.libelle}\n\n{valeurs.get(champ.id) or SANS_REPONSE}")
    return "\n\n".join(blocs) + "\n"


@dataclass
class Sortie:
    code: int
    stdout: str
    stderr: str
    avant: str
    apres: str

    @property
    def inchange(self) -> bool:
        return self.apres == self.avant


@pytest.fixture
def lancer(tmp_path: Path, capsys):
    """Run `from-issue` on a copy of the directory file (or of `donnees`)."""

    def _lancer(corps: str | bytes, *options: str, donnees: str = REEL) -> Sortie:
        fichier = tmp_path / "plateformes.yaml"
        fichier.write_text(donnees, encoding="utf-8", newline="")
        entree = tmp_path / "corps.md"
        if isinstance(corps, bytes):
            entree.write_bytes(corps)
        else:
            entree.write_text(corps, encoding="utf-8", newline="")
        capsys.readouterr()
        code = main(["from-issue", str(entree), "--donnees", str(fichier), *options])
        sortie = capsys.readouterr()
        return Sortie(code, sortie.out, sortie.err, donnees, fichier.read_bytes().decode("utf-8"))

    return _lancer
