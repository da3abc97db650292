"""The reference data: the 101 départements and the communes with their postal codes.

Loaded from data/departements.json and data/communes.json, which
scripts/derive_referentiel.py derives from the INSEE COG 2026 (npm package
@etalab/decoupage-administratif 6.0.0). Pure Python: no MkDocs, no network.
"""
from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from .paths import DATA

DEPARTEMENTS_FILE = DATA / "departements.json"
COMMUNES_FILE = DATA / "communes.json"


@dataclass(frozen=True)
class Departement:
    code: str  # COG code: "01", "2A", "974"
    nom: str  # official name: "Ain", "La Réunion"
    code_region: str
    region: str
    chef_lieu: str  # INSEE code of the prefecture's commune
    tncc: int  # INSEE "type de nom en clair" (gives the article)
    article: str  # "le", "la", "les", "l'" or ""
    avec_article: str  # "l'Ain", "le Nord", "La Réunion"
    dans: str  # "dans l'Ain", "en Corse-du-Sud", "à La Réunion"
    de: str  # "de l'Ain", "du Nord", "de La Réunion"

    @property
    def slug(self) -> str:
        """The URL segment: the code in lower case ("2a", "974")."""
        return self.code.lower()

    @property
    def outre_mer(self) -> bool:
        return len(self.code) == 3


@dataclass(frozen=True)
class Commune:
    code: str  # INSEE code
    nom: str
    departement: str  # code of the département
    codes_postaux: tuple[str, ...]
    commune_parente: str | None = None  # set for the arrondissements of Paris, Lyon, Marseille

    @property
    def arrondissement_municipal(self) -> bool:
        return self.commune_parente is not None


def cle_ordre_officiel(code: str) -> tuple[int, str]:
    """Sort key giving the official order 01…19, 2A, 2B, 21…95, 971…976."""
    if code in ("2A", "2B"):
        return (20, code)
    return (int(code), "")


@cache
def departements(path: Path = DEPARTEMENTS_FILE) -> tuple[Departement, ...]:
    """All départements, in official order."""
    raw = json.loads(path.read_text(encoding="utf-8"))
    items = (Departement(**entry) for entry in raw)
    return tuple(sorted(items, key=lambda dep: cle_ordre_officiel(dep.code)))


@cache
def _departements_by_code(path: Path = DEPARTEMENTS_FILE) -> dict[str, Departement]:
    return {dep.code: dep for dep in departements(path)}


def departement(code: str, path: Path = DEPARTEMENTS_FILE) -> Departement:
    """The département of a code; accepts "2a" as well as "2A". KeyError if unknown."""
    return _departements_by_code(path)[code.upper()]


def departements_par_region(path: Path = DEPARTEMENTS_FILE) -> list[tuple[str, list[Departement]]]:
    """(région name, its départements in official order).

    Metropolitan régions come first, by name (accents ignored), then the overseas
    régions in code order (Guadeloupe, Martinique, Guyane, La Réunion, Mayotte).
    """
    groups: dict[str, list[Departement]] = {}
    for dep in departements(path):
        groups.setdefault(dep.region, []).append(dep)

    def region_key(item: tuple[str, list[Departement]]) -> tuple[bool, str]:
        name, deps = item
        if deps[0].outre_mer:
            return (True, deps[0].code_region)
        return (False, _cle_de_tri_francaise(name))

    return sorted(groups.items(), key=region_key)


def _cle_de_tri_francaise(text: str) -> str:
    """Accent-insensitive key, so "Île-de-France" sorts with the I."""
    decomposed = unicodedata.normalize("NFD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


@cache
def entrees_communes(path: Path = COMMUNES_FILE) -> tuple[dict, ...]:
    """The entries of communes.json as written (keys c, n, d, p, m: see its "cles"), read once:
    faster than `communes()` for a lookup in a few of them (the data checks)."""
    return tuple(json.loads(path.read_text(encoding="utf-8"))["communes"])


@cache
def communes(path: Path = COMMUNES_FILE) -> tuple[Commune, ...]:
    """All communes (and municipal arrondissements), sorted by INSEE code."""
    raw = entrees_communes(path)
    return tuple(
        Commune(
            code=entry["c"],
            nom=entry["n"],
            departement=entry["d"],
            codes_postaux=tuple(entry["p"]),
            commune_parente=entry.get("m"),
        )
        for entry in raw
    )


@cache
def _communes_by_departement(path: Path = COMMUNES_FILE) -> dict[str, tuple[Commune, ...]]:
    groups: dict[str, list[Commune]] = {}
    for commune in communes(path):
        groups.setdefault(commune.departement, []).append(commune)
    return {code: tuple(items) for code, items in groups.items()}


def communes_du_departement(code: str, path: Path = COMMUNES_FILE) -> tuple[Commune, ...]:
    """The communes of one département (INSEE code order); empty for an unknown code."""
    return _communes_by_departement(path).get(code.upper(), ())


def departements_par_code_postal(path: Path = COMMUNES_FILE) -> dict[str, tuple[str, ...]]:
    """Postal code -> codes of the département(s) it serves (a few serve two)."""
    mapping: dict[str, set[str]] = {}
    for commune in communes(path):
        for code_postal in commune.codes_postaux:
            mapping.setdefault(code_postal, set()).add(commune.departement)
    return {
        code_postal: tuple(sorted(codes, key=cle_ordre_officiel))
        for code_postal, codes in sorted(mapping.items())
    }
