"""The site map page, built from the navigation tree (never written by hand)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml


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


def titre_de_la_source(chemin: str | Path) -> str | None:
    """A page's title as MkDocs will give it once the page is read: `title` in its front
    matter, else its first `# ` heading. The navigation has no title yet for a page listed
    without one (`- facile-a-lire/index.md`): the site map would otherwise show « None »."""
    texte = Path(chemin).read_text(encoding="utf-8")
    entete = re.match(r"^---\n(.*?)\n---\n", texte, re.DOTALL)
    if entete:
        donnees = yaml.safe_load(entete.group(1)) or {}
        if isinstance(donnees, dict) and donnees.get("title"):
            return str(donnees["title"])
        texte = texte[entete.end():]
    titre = re.search(r"^# (.+?)\s*(\{.*\})?$", texte, re.MULTILINE)
    return titre.group(1).strip() if titre else None
