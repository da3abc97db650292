"""The site's one Jinja environment: the directory's templates and the Markdown pages of docs/.

- `rendre_gabarit(nom, …)` renders a template of `annuaire/templates/` or `templates/` (HTML in Markdown:
  every value autoescaped, block tags trimmed);
- `rendre_markdown(texte, …)` renders a page of docs/ that shows values computed at build
  time (`{{ extra.editeur.nom }}`, `{{ glossaire }}`…): plain Markdown, whitespace kept as
  written, nothing escaped (the values are the site's own).
Both share the same globals (links, `lien_contact`) and filters; an unknown name fails the build.
"""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from jinja2 import Environment, FileSystemBytecodeCache, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from .annuaire import chemins
from .annuaire.coordonnees import domaine, lignes_adresse, telephone_affiche
from .annuaire.francais import date_en_mots, insecables, majuscule_initiale
from .paths import ROOT

TEMPLATES = Path(__file__).parent / "annuaire" / "templates"
# The site's other generated pages (the questionnaire…), in their own sub-folders.
TEMPLATES_SITE = Path(__file__).parent / "templates"

# The directory's stylesheet, in the <head> of the pages that use it (overrides/main.html
# reads `feuilles_de_style`): linked from the body, it would hold back the paint of
# everything below the link.
FEUILLE_ANNUAIRE = "assets/annuaire.css"


def cache_des_gabarits(racine: Path = ROOT) -> FileSystemBytecodeCache:
    """Compiled templates kept between builds, keyed on each template's source (Jinja checks
    the checksum): compiling is a large part of a build, and templates seldom change."""
    dossier = racine / ".cache" / "jinja"
    dossier.mkdir(parents=True, exist_ok=True)
    return FileSystemBytecodeCache(str(dossier))


def lien_contact(valeur: str) -> str:
    """A contact as Markdown: a web address or an e-mail address becomes a link."""
    if valeur.startswith(("https://", "http://")):
        return f"<{valeur}>"
    if "@" in valeur and " " not in valeur:
        return f"[{valeur}](mailto:{valeur})"
    return valeur


def front_matter(**champs) -> Markup:
    """A page's YAML front matter. Values are JSON, which YAML reads and which escapes
    everything; text captured by `{% set %}` is unescaped and its whitespace collapsed."""
    lignes = []
    for cle, valeur in champs.items():
        if isinstance(valeur, Markup):
            valeur = " ".join(valeur.unescape().split())
        lignes.append(f"{cle}: {json.dumps(valeur, ensure_ascii=False)}")
    return Markup("---\n" + "\n".join(lignes) + "\n---")


@lru_cache(maxsize=1)
def _markdown() -> Environment:
    env = Environment(
        loader=FileSystemLoader([TEMPLATES, TEMPLATES_SITE]),
        undefined=StrictUndefined,
        autoescape=False,
        keep_trailing_newline=True,
        bytecode_cache=cache_des_gabarits(),
    )
    env.filters.update(
        date_en_mots=date_en_mots,
        domaine=domaine,
        majuscule_initiale=majuscule_initiale,
        insecables=insecables,
        telephone_affiche=telephone_affiche,
        url_courriel=chemins.url_courriel,
        lignes_adresse=lignes_adresse,
    )
    env.globals.update(
        lien_contact=lien_contact,
        front_matter=front_matter,
        FEUILLE_ANNUAIRE=FEUILLE_ANNUAIRE,
        lien_markdown=chemins.lien_markdown,
        chemin_page=chemins.chemin_page,
        url_relative=chemins.url_relative,
        url_proposition=chemins.url_proposition,
        PAGES={
            "index": chemins.PAGE_INDEX,
            "trouver": chemins.PAGE_TROUVER,
            "donnees": chemins.PAGE_DONNEES,
            "contribuer": chemins.PAGE_CONTRIBUER,
            "personnes": chemins.PAGE_PERSONNES,
            "prescripteurs": chemins.PAGE_PRESCRIPTEURS,
        },
        PAGES_PREPARER=chemins.PAGES_PREPARER,
    )
    return env


@lru_cache(maxsize=1)
def _html() -> Environment:
    # The same environment (globals, filters, loader), escaping every value and trimming block tags.
    return _markdown().overlay(autoescape=True, trim_blocks=True, lstrip_blocks=True)


def rendre_gabarit(nom: str, **contexte) -> str:
    return _html().get_template(nom).render(**contexte)


def rendre_markdown(texte: str, **contexte) -> str:
    return _page_compilee(texte).render(**contexte)


@lru_cache(maxsize=64)
def _page_compilee(texte: str):
    # Compiling is most of the cost; `mkdocs serve` renders the same pages again and again.
    return _markdown().from_string(texte)
