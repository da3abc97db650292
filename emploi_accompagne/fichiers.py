"""What the site's generators give the build: files, each with its place in the site."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class FichierGenere:
    """One generated file, and whether it belongs in the site's navigation."""

    chemin: str  # relative to the site root: "departements/01/index.md"
    contenu: str
    dans_la_navigation: bool = True
