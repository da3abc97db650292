"""Which entries have not been checked for too long."""
from __future__ import annotations

import datetime as dt

from .. import referentiel
from . import chemins
from .francais import date_en_mots
from .modele import Plateforme

DELAI_MOIS = 12


def date_limite(aujourd_hui: dt.date, mois: int = DELAI_MOIS) -> dt.date:
    """The same day `mois` months earlier (the 29 February falls back to the 28th)."""
    annee, mois_index = divmod(aujourd_hui.year * 12 + aujourd_hui.month - 1 - mois, 12)
    jour = min(aujourd_hui.day, 28 if mois_index + 1 == 2 else 30 if mois_index + 1 in (4, 6, 9, 11) else 31)
    return dt.date(annee, mois_index + 1, jour)


def fiches_a_reverifier(plateformes: list[Plateforme], aujourd_hui: dt.date) -> list[Plateforme]:
    """Entries last checked more than 12 months ago, oldest first."""
    limite = date_limite(aujourd_hui)
    anciennes = [p for p in plateformes if p.date_maj < limite]
    return sorted(anciennes, key=lambda p: p.date_maj)


def message_de_construction(anciennes: list[Plateforme]) -> list[str]:
    """Lines printed by the build so maintainers see what to re-check."""
    return [
        f"Fiche à revérifier : département {p.departement} (dernière vérification le {p.date_maj.isoformat()})"
        for p in anciennes
    ]


def liste_markdown(anciennes: list[Plateforme], depuis: str = chemins.PAGE_CONTRIBUER) -> str:
    """The list shown on a page (the contribution page): Markdown links to the département pages."""
    if not anciennes:
        return "Aucune pour le moment : toutes les fiches ont été vérifiées depuis moins de 12 mois."
    lignes = []
    for plateforme in anciennes:
        dep = referentiel.departement(plateforme.departement)
        lien = chemins.lien_markdown(depuis, chemins.chemin_page(dep.code))
        lignes.append(f"- [{dep.nom} ({dep.code})]({lien}) : dernière vérification le {date_en_mots(plateforme.date_maj)}")
    return "\n".join(lignes)

