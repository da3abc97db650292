"""Results kept in `.cache/` between builds, keyed on everything they are computed from.

For work that is slow and whose inputs seldom change (a QR code per page): a build, a
`mkdocs serve` rebuild or a test build of the same inputs reads the result instead of
computing it again. A changed input is a different key, so a stale result is never read;
deleting `.cache/` only costs one slower build.
"""
from __future__ import annotations

import hashlib
import os
from collections.abc import Callable

from .paths import ROOT

DOSSIER = ROOT / ".cache"


def garde_en_cache(espace: str, entrees: tuple[str, ...], calcul: Callable[[], str]) -> str:
    """`calcul()`, computed once for these inputs (a tool's version among them, when its
    output could change with it), and read from `.cache/<espace>/` afterwards."""
    cle = hashlib.sha256("\0".join(entrees).encode("utf-8")).hexdigest()
    chemin = DOSSIER / espace / cle
    try:
        return chemin.read_text(encoding="utf-8")
    except FileNotFoundError:
        pass
    resultat = calcul()
    chemin.parent.mkdir(parents=True, exist_ok=True)
    # Written aside then renamed: a build running at the same time never reads half a file.
    partiel = chemin.with_name(f"{cle}.{os.getpid()}.partiel")
    partiel.write_text(resultat, encoding="utf-8")
    partiel.replace(chemin)
    return resultat
