"""The glossary: one YAML file gives both the glossary page and the <abbr> of every page."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from .paths import DATA

GLOSSARY_FILE = DATA / "glossaire.yaml"


@dataclass(frozen=True)
class Term:
    sigle: str
    developpe: str
    definition: str


def load_terms(path: Path = GLOSSARY_FILE) -> list[Term]:
    entries = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    terms = [Term(**entry) for entry in entries]
    return sorted(terms, key=lambda term: term.sigle.casefold())


def abbreviation_definitions(terms: list[Term], markdown: str) -> str:
    """Markdown `abbr` definitions for the acronyms written in `markdown`, to append to it.

    Python-Markdown tries every definition on every piece of text of the page; a term
    absent from the page's source can match nothing, so leaving it out changes nothing
    but the build time.
    """
    return "\n".join(f"*[{term.sigle}]: {term.developpe}" for term in terms if term.sigle in markdown)


def glossary_markdown(terms: list[Term]) -> str:
    """The body of the glossary page, as a definition list (one entry per term)."""
    blocks = []
    for term in terms:
        anchor = term.sigle.lower()
        blocks.append(
            f"{term.sigle} ({term.developpe}) {{ #{anchor} }}\n: {term.definition.strip()}\n"
        )
    return "\n".join(blocks)
