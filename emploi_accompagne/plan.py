"""The site map page, built from the navigation tree (never written by hand)."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class EntreeDuPlan:
    titre: str
    url: str | None = None  # None for a section without a page of its own
    enfants: list[EntreeDuPlan] = field(default_factory=list)


def plan_markdown(entrees: list[EntreeDuPlan], profondeur: int = 0) -> str:
    lignes = []
    retrait = "    " * profondeur
    for entree in entrees:
        libelle = f"[{entree.titre}]({entree.url})" if entree.url else entree.titre
        lignes.append(f"{retrait}- {libelle}")
        if entree.enfants:
            lignes.append(plan_markdown(entree.enfants, profondeur + 1))
    return "\n".join(lignes)
