"""The 106 criteria of the RGAA 4.1 (edition 4.1.2): number, theme and title, as the DINUM's
reference file gives them (data/accessibilite/rgaa-criteres.json, with its source and licence)."""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from ..paths import DATA

FICHIER_CRITERES = DATA / "accessibilite" / "rgaa-criteres.json"


@dataclass(frozen=True)
class Critere:
    numero: str  # "1.1"
    thematique: str
    titre: str

    @property
    def cle(self) -> tuple[int, int]:
        """For sorting: 1.2 before 1.10."""
        theme, rang = self.numero.split(".")
        return int(theme), int(rang)


@dataclass(frozen=True)
class Referentiel:
    nom: str  # "RGAA 4.1.2"
    source: str
    editeur: str
    licence: str
    criteres: tuple[Critere, ...]

    @property
    def par_numero(self) -> dict[str, Critere]:
        return {c.numero: c for c in self.criteres}

    def thematiques(self) -> list[tuple[int, str, list[Critere]]]:
        """(number, name, criteria) of each theme, in the RGAA's order."""
        themes: dict[int, tuple[str, list[Critere]]] = {}
        for critere in self.criteres:
            themes.setdefault(critere.cle[0], (critere.thematique, []))[1].append(critere)
        return [(numero, nom, criteres) for numero, (nom, criteres) in sorted(themes.items())]


@cache
def charger_referentiel(path: Path = FICHIER_CRITERES) -> Referentiel:
    brut = json.loads(path.read_text(encoding="utf-8"))
    criteres = tuple(sorted((Critere(**c) for c in brut["criteres"]), key=lambda c: c.cle))
    return Referentiel(brut["referentiel"], brut["source"], brut["editeur"], brut["licence"], criteres)
