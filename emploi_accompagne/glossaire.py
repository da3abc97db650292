"""The glossary: one YAML file gives both the glossary page and the <abbr> of every page.

`data/glossaire.yaml` holds two kinds of entries:
- an acronym (`sigle`, `developpe`, `definition`): its <abbr title> on every page that
  writes it, and its entry on the glossary page;
- a term that is not an acronym (`terme`, `definition`): « Cap emploi », « convention
  d'appui »…; an entry on the glossary page only (a word of several words is no <abbr>).
An acronym of web technique (`technique: true`, CSS, SVG…) keeps its <abbr> on the pages
that use it but is left out of the public glossary page, which speaks to readers.

Validated like the directory: every problem becomes one line
`data/glossaire.yaml:LINE:COL: [sigle RQTH] champ: message`, in French.
"""
from __future__ import annotations

import re
import unicodedata
from html import escape
from pathlib import Path
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError, model_validator

from .annuaire.chargement import DonneesInvalides, Probleme, lire_document, nom_du_fichier, problemes_de_validation
from .paths import DATA

FICHIER_GLOSSAIRE = DATA / "glossaire.yaml"


class Entree(BaseModel):
    """One entry of the glossary: an acronym, written exactly as the pages write it, or a term."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)

    sigle: Annotated[
        str,
        StringConstraints(min_length=2, max_length=20, pattern=r"^\S+$"),
        Field(description="Le sigle tel que les pages l'écrivent, ex. « RQTH » (un seul mot)."),
    ] | None = None
    terme: Annotated[
        str,
        StringConstraints(min_length=2, max_length=60),
        Field(description="Un mot ou une expression qui n'est pas un sigle, ex. « convention d'appui »."),
    ] | None = None
    developpe: Annotated[
        str, StringConstraints(min_length=1, max_length=200), Field(description="Le sigle en toutes lettres.")
    ] | None = None
    definition: Annotated[str, StringConstraints(min_length=1, max_length=2000), Field(description="Une ou deux phrases simples.")]
    technique: Annotated[
        bool, Field(description="Sigle de la technique du web : infobulle sur les pages, absent de la page Glossaire.")
    ] = False

    @model_validator(mode="after")
    def _un_sigle_ou_un_terme(self) -> Entree:
        if (self.sigle is None) == (self.terme is None):
            raise ValueError("une entrée a soit « sigle: » (avec « developpe: »), soit « terme: », pas les deux")
        if self.sigle is not None and self.developpe is None:
            raise ValueError("un sigle demande « developpe: », le sigle en toutes lettres")
        if self.terme is not None and (self.developpe is not None or self.technique):
            raise ValueError("un terme n'a ni « developpe: » ni « technique: » (seulement « definition: »)")
        return self

    @property
    def nom(self) -> str:
        return self.sigle or self.terme or ""

    @property
    def ancre(self) -> str:
        """The entry's id on the glossary page: `rqth`, `cap-emploi`, `convention-d-appui`."""
        sans_accents = unicodedata.normalize("NFKD", self.nom).encode("ascii", "ignore").decode()
        return re.sub(r"[^a-z0-9]+", "-", sans_accents.lower()).strip("-")


# The name the rest of the package knows: an acronym is an entry with a `sigle`.
Sigle = Entree


def charger_glossaire(path: Path = FICHIER_GLOSSAIRE) -> list[Entree]:
    """Every entry, acronyms and terms, sorted (case-insensitively); DonneesInvalides lists every problem."""
    nom = nom_du_fichier(path)
    document = lire_document(path, nom)
    if not isinstance(document.donnees, list):
        message = "le fichier doit être une liste d'entrées, chacune commençant par « - sigle: » ou « - terme: »"
        raise DonneesInvalides([Probleme(nom, 1, 1, "?", "fichier", message, "glossaire")])
    entrees, problemes, vus = [], [], {}
    for index, donnees in enumerate(document.donnees):
        ligne, colonne = document.positions[(index,)]
        quoi = _rubrique(donnees)
        try:
            entree = Entree.model_validate(donnees)
        except ValidationError as error:
            problemes += problemes_de_validation(error, (index,), document, nom, rubrique=quoi)
            continue
        cle = entree.nom.casefold()
        champ = "sigle" if entree.sigle else "terme"
        if cle in vus:
            problemes.append(Probleme(nom, ligne, colonne, "?", champ, f"{champ} en double (déjà à la ligne {vus[cle]}) : n'en garder qu'un", quoi))
            continue
        vus[cle] = ligne
        entrees.append(entree)
    if problemes:
        raise DonneesInvalides(sorted(problemes, key=lambda p: (p.ligne, p.colonne)))
    return sorted(entrees, key=lambda e: e.nom.casefold())


def _rubrique(donnees) -> str:
    if isinstance(donnees, dict):
        for champ in ("sigle", "terme"):
            if isinstance(donnees.get(champ), str):
                return f"{champ} {donnees[champ]}"
    return "sigle ?"


def charger_sigles(path: Path = FICHIER_GLOSSAIRE) -> list[Entree]:
    """The acronyms only (technical ones included): what gets an <abbr> on the pages."""
    return [e for e in charger_glossaire(path) if e.sigle]


def definitions_des_abreviations(sigles: list[Entree], markdown: str) -> str:
    """Markdown `abbr` definitions for the acronyms written in `markdown`, to append to it.

    Python-Markdown tries every definition on every piece of text of the page; a term
    absent from the page's source can match nothing, so leaving it out changes nothing
    but the build time.
    """
    return "\n".join(f"*[{s.sigle}]: {s.developpe}" for s in sigles if s.sigle and s.sigle in markdown)


_BALISE = re.compile(r"(<[^>]*>)")


def abreger_le_html(html: str, sigles: list[Entree]) -> str:
    """Each acronym of the glossary written in the text of an HTML block, wrapped in its
    `<abbr title>`: Markdown's `abbr` leaves raw HTML alone (a generated page's tables).
    Text inside <code>, <abbr> and tag attributes is left as it is."""
    par_sigle = {s.sigle: s.developpe for s in sigles if s.sigle}
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


def glossaire_markdown(entrees: list[Entree]) -> str:
    """The body of the glossary page, as a definition list: every public entry, acronyms
    with their spelled-out form, in one alphabetical order."""
    blocs = []
    for e in entrees:
        if e.technique:
            continue
        titre = f"{e.sigle} ({e.developpe})" if e.sigle else e.terme
        blocs.append(f"{titre} {{ #{e.ancre} }}\n: {e.definition.strip()}\n")
    return "\n".join(blocs)
