"""Results kept in `.cache/` between builds, keyed on everything they are computed from.

For work that is slow and whose inputs seldom change (a QR code per page): a build, a
`mkdocs serve` rebuild or a test build of the same inputs reads the result instead of
computing it again. A changed input is a different key, so a stale result is never read;
deleting `.cache/` only costs one slower build. Each space keeps at most LIMITE results: the
least recently used go first (a test server on a new port each run would otherwise add a
hundred QR codes to it at every run, for ever).
"""
from __future__ import annotations

import hashlib
import os
from collections.abc import Callable

from .paths import ROOT

DOSSIER = ROOT / ".cache"
LIMITE = 2000  # results per space: twenty sites' QR codes
_deja_elagues: set[str] = set()


def garde_en_cache(espace: str, entrees: tuple[str, ...], calcul: Callable[[], str]) -> str:
    """`calcul()`, computed once for these inputs (a tool's version among them, when its
    output could change with it), and read from `.cache/<espace>/` afterwards."""
    cle = hashlib.sha256("\0".join(entrees).encode("utf-8")).hexdigest()
    chemin = DOSSIER / espace / cle
    try:
        resultat = chemin.read_text(encoding="utf-8")
    except FileNotFoundError:
        pass
    else:
        _marquer_utilise(chemin)
        _elaguer_une_fois(chemin.parent)
        return resultat
    resultat = calcul()
    chemin.parent.mkdir(parents=True, exist_ok=True)
    # Written aside then renamed: a build running at the same time never reads half a file.
    partiel = chemin.with_name(f"{cle}.{os.getpid()}.partiel")
    partiel.write_text(resultat, encoding="utf-8")
    partiel.replace(chemin)
    _elaguer_une_fois(chemin.parent)
    return resultat


def _marquer_utilise(chemin) -> None:
    try:
        os.utime(chemin)  # the date of last use, which trimming keeps
    except OSError:  # deleted meanwhile by another build, or a read-only cache: nothing to keep
        pass


def _elaguer_une_fois(dossier) -> None:
    """Once per process and space, after its first result is read or written (so that one is
    kept): beyond LIMITE results, delete the least recently used, down to half of it (another
    build may delete the same files at the same time: harmless)."""
    if str(dossier) in _deja_elagues:
        return
    _deja_elagues.add(str(dossier))
    resultats = [e for e in os.scandir(dossier) if e.is_file() and not e.name.endswith(".partiel")]
    if len(resultats) <= LIMITE:
        return
    resultats.sort(key=_derniere_utilisation)
    for entree in resultats[: len(resultats) - LIMITE // 2]:
        try:
            os.unlink(entree.path)
        except FileNotFoundError:
            pass


def _derniere_utilisation(entree: os.DirEntry) -> float:
    try:
        return entree.stat().st_mtime
    except FileNotFoundError:  # already deleted by another build
        return 0.0
