"""French wording shared by the pages and the messages: dates and enumerations."""
from __future__ import annotations

import datetime as dt

MOIS = (
    "janvier", "février", "mars", "avril", "mai", "juin",
    "juillet", "août", "septembre", "octobre", "novembre", "décembre",
)  # fmt: skip


def date_en_mots(date: dt.date) -> str:
    """`2026-03-01` -> `1er mars 2026`."""
    jour = "1er" if date.day == 1 else str(date.day)
    return f"{jour} {MOIS[date.month - 1]} {date.year}"


def enumerer(morceaux: list[str]) -> str:
    """`["a", "b", "c"]` -> `a, b et c`."""
    if len(morceaux) == 1:
        return morceaux[0]
    return ", ".join(morceaux[:-1]) + " et " + morceaux[-1]


def majuscule_initiale(texte: str) -> str:
    return texte[:1].upper() + texte[1:]


def insecables(texte: str) -> str:
    """French guillemets kept with their word (no line break inside « »)."""
    return texte.replace("« ", "«\u00a0").replace(" »", "\u00a0»")
