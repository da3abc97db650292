"""The glossary: one YAML file gives both the glossary page and the <abbr> of every page.

`data/glossaire.yaml` is validated like the directory: every problem becomes one line
`data/glossaire.yaml:LINE:COL: [sigle RQTH] champ: message`, in French.
"""
from __future__ import annotations

import re
from html import escape
from pathlib import Path
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError

from .annuaire.chargement import DonneesInvalides, Probleme, lire_document, nom_du_fichier, problemes_de_validation
from .paths import DATA

FICHIER_GLOSSAIRE = DATA / "glossaire.yaml"


class Sigle(BaseModel):
    """One acronym of the site, written exactly as the pages write it."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)

    sigle: Annotated[
        str,
        StringConstraints(min_length=2, max_length=20, pattern=r"^\S+$"),
        Field(description="Le sigle tel que les pages l'écrivent, ex. « RQTH » (un seul mot)."),
    ]
    developpe: Annotated[str, StringConstraints(min_length=1, max_length=200), Field(description="Le sigle en toutes lettres.")]
    definition: Annotated[str, StringConstraints(min_length=1, max_length=2000), Field(description="Une ou deux phrases simples.")]


def charger_sigles(path: Path = FICHIER_GLOSSAIRE) -> list[Sigle]:
    """Every acronym, sorted (case-insensitively); DonneesInvalides lists every problem."""
    nom = nom_du_fichier(path)
    document = lire_document(path, nom)
    if not isinstance(document.donnees, list):
        message = "le fichier doit être une liste de sigles, chacun commençant par « - sigle: »"
        raise DonneesInvalides([Probleme(nom, 1, 1, "?", "fichier", message, "glossaire")])
    sigles, problemes, vus = [], [], {}
    for index, entree in enumerate(document.donnees):
        ligne, colonne = document.positions[(index,)]
        quoi = f"sigle {entree.get('sigle')}" if isinstance(entree, dict) and isinstance(entree.get("sigle"), str) else "sigle ?"
        try:
            sigle = Sigle.model_validate(entree)
        except ValidationError as error:
            problemes += problemes_de_validation(error, (index,), document, nom, rubrique=quoi)
            continue
        if sigle.sigle in vus:
            problemes.append(Probleme(nom, ligne, colonne, "?", "sigle", f"sigle en double (déjà à la ligne {vus[sigle.sigle]}) : n'en garder qu'un", quoi))
            continue
        vus[sigle.sigle] = ligne
        sigles.append(sigle)
    if problemes:
        raise DonneesInvalides(sorted(problemes, key=lambda p: (p.ligne, p.colonne)))
    return sorted(sigles, key=lambda s: s.sigle.casefold())


def definitions_des_abreviations(sigles: list[Sigle], markdown: str) -> str:
    """Markdown `abbr` definitions for the acronyms written in `markdown`, to append to it.

    Python-Markdown tries every definition on every piece of text of the page; a term
    absent from the page's source can match nothing, so leaving it out changes nothing
    but the build time.
    """
    return "\n".join(f"*[{s.sigle}]: {s.developpe}" for s in sigles if s.sigle in markdown)


_BALISE = re.compile(r"(<[^>]*>)")


def abreger_le_html(html: str, sigles: list[Sigle]) -> str:
    """Each acronym of the glossary written in the text of an HTML block, wrapped in its
    `<abbr title>`: Markdown's `abbr` leaves raw HTML alone (a generated page's tables).
    Text inside <code>, <abbr> and tag attributes is left as it is."""
    par_sigle = {s.sigle: s.developpe for s in sigles}
    mot = re.compile(r"(?<!\w)(" + "|".join(re.escape(s) for s in sorted(par_sigle, key=len, reverse=True)) + r")(?!\w)")
    morceaux, a_garder = [], 0
    for morceau in _BALISE.split(html):
        if _BALISE.fullmatch(morceau):
            nom = morceau.strip("</>").split()[0].lower() if morceau.strip("</>") else ""
            if nom in ("code", "abbr"):
                a_garder += -1 if morceau.startswith("</") else 1
            morceaux.append(morceau)
        elif a_garder or not par_sigle:
            morceaux.append(morceau)
        else:
            morceaux.append(mot.sub(lambda m: f'<abbr title="{escape(par_sigle[m.group(1)])}">{m.group(1)}</abbr>', morceau))
    return "".join(morceaux)


def glossaire_markdown(sigles: list[Sigle]) -> str:
    """The body of the glossary page, as a definition list (one entry per acronym)."""
    blocs = []
    for s in sigles:
        blocs.append(f"{s.sigle} ({s.developpe}) {{ #{s.sigle.lower()} }}\n: {s.definition.strip()}\n")
    return "\n".join(blocs)
