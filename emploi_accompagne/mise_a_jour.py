"""When each page of the site was last changed, from the git history of its source.

Not the build date: a page written in 2026 and built in 2027 still says 2026. The dates come
from one `git log` over the project's history, read once per build. Without that history
(no git, or a shallow clone whose only commit would date every file), no date is given: a
wrong date is worse than none, so the publishing job needs the full history.
"""
from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

from .annuaire.francais import date_en_mots

CLASSE = "ea-mise-a-jour"


def _git(racine: Path, *arguments: str) -> str | None:
    try:
        resultat = subprocess.run(["git", *arguments], cwd=racine, capture_output=True, text=True, check=False)
    except OSError:  # no git on this machine
        return None
    return resultat.stdout if resultat.returncode == 0 else None


def dates_des_fichiers(racine: Path) -> dict[str, dt.date]:
    """Path relative to `racine` (posix) -> date of the last commit that changed it.

    Empty when `racine` has no git history, or only part of it (a shallow clone).
    """
    if (_git(racine, "rev-parse", "--is-shallow-repository") or "").strip() != "false":
        return {}
    prefixe = (_git(racine, "rev-parse", "--show-prefix") or "").strip()
    journal = _git(racine, "log", "--format=%x00%cs", "--name-only", "--no-renames", "--", ".")
    if journal is None:
        return {}
    dates: dict[str, dt.date] = {}
    for bloc in journal.split("\x00")[1:]:
        date, *fichiers = bloc.strip().splitlines()
        for fichier in fichiers:
            if fichier and fichier.startswith(prefixe):
                dates.setdefault(fichier[len(prefixe) :], dt.date.fromisoformat(date))
    return dates


def date_de_la_page(dates: dict[str, dt.date], sources: list[str]) -> dt.date | None:
    """The last change of any of the page's sources (paths relative to the project), or None."""
    connues = [dates[source] for source in sources if source in dates]
    return max(connues) if connues else None


def mention_markdown(date: dt.date) -> str:
    """The sentence the page ends with."""
    return f"Dernière mise à jour de cette page : {date_en_mots(date)}.\n{{ .{CLASSE} }}"
