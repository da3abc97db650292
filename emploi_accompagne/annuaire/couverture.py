"""What the directory shows a reader today, counted from the data.

The home page and the finder promise what the département pages deliver: who can make the
request (every page), the platform's contacts, the MDPH's, an address for prescribers (only
where a source gives them). The sentence is `_promesse.md.j2`; the numbers come from here.
"""
from __future__ import annotations

from dataclasses import dataclass

from .coordonnees import coordonnees
from .modele import Plateforme


def montre_la_plateforme(plateforme: Plateforme) -> bool:
    """The page has a way to reach the platform: its card, or one of its other places
    (the département page's own test, `principal.joignable or sites`)."""
    return coordonnees(plateforme, site_web=plateforme.site_web).joignable or bool(plateforme.sites)


@dataclass(frozen=True)
class Couverture:
    total: int  # départements, each with its page
    plateforme: int  # pages with the platform's contacts
    mdph: int  # pages with the MDPH's contacts
    prescripteurs: int  # pages with an address for prescribers only, and no contact for the public

    @classmethod
    def des(cls, plateformes: list[Plateforme]) -> Couverture:
        return cls(
            total=len(plateformes),
            plateforme=sum(montre_la_plateforme(p) for p in plateformes),
            mdph=sum(p.mdph is not None for p in plateformes),
            prescripteurs=sum(bool(p.courriel_prescripteurs) and not montre_la_plateforme(p) for p in plateformes),
        )
