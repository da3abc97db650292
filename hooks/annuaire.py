"""MkDocs hook: the directory of platforms (thin glue; the work is in emploi_accompagne.annuaire).

- on_config: validate data/plateformes.yaml first; on any problem print one line per
  problem (`data/plateformes.yaml:LINE:COL: …`) and stop the build before anything is
  written;
- on_files: add every generated page and file (département pages, vCards, the index
  with the map, the finder and its data, the open-data page and exports) with
  `File.generated`, never writing into docs/ (which would loop `mkdocs serve`).
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, InclusionLevel

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from emploi_accompagne.annuaire.chargement import DonneesInvalides, charger_plateformes  # noqa: E402
from emploi_accompagne.annuaire import fraicheur  # noqa: E402
from emploi_accompagne.annuaire.pages import ParametresSite, fichiers_annuaire  # noqa: E402
from emploi_accompagne.horloge import date_de_construction  # noqa: E402

PAGE_CONTRIBUER = "contribuer.md"

_state: dict = {}


def on_config(config):
    try:
        _state["plateformes"] = charger_plateformes()
    except DonneesInvalides as error:
        # Plain lines that editors and CI annotate (file:line:col), not a log record.
        for probleme in error.problemes:
            print(probleme, file=sys.stderr)
        raise PluginError(
            f"{len(error.problemes)} problème(s) dans data/plateformes.yaml : "
            "corriger les lignes ci-dessus (rien n'a été construit)."
        ) from None
    _state["a_reverifier"] = fraicheur.fiches_a_reverifier(_state["plateformes"], date_de_construction())
    for ligne in fraicheur.message_de_construction(_state["a_reverifier"]):
        print(ligne, file=sys.stderr)
    return config


def on_page_markdown(markdown, page, config, files):
    if page.file.src_uri == PAGE_CONTRIBUER:
        markdown = markdown.replace("{{ fiches_a_reverifier }}", fraicheur.liste_markdown(_state["a_reverifier"]))
    return markdown


def on_files(files, config):
    parametres = ParametresSite(
        site_url=config.site_url,
        repo_url=config.repo_url,
        branche=_branche(config.edit_uri),
        courriel_propositions=(config.extra.get("annuaire") or {}).get("courriel_propositions") or None,
    )
    for chemin, contenu in fichiers_annuaire(_state["plateformes"], parametres).items():
        ancien = files.get_file_from_path(chemin)
        if ancien is not None:
            files.remove(ancien)
        nouveau = File.generated(config, chemin, content=contenu)
        if chemin.startswith("departements/") and chemin.count("/") == 2:
            # Département pages are reached from the index, the map, the finder and the
            # search; listing 101 pages in the nav would slow every page down.
            nouveau.inclusion = InclusionLevel.NOT_IN_NAV
        files.append(nouveau)
    return files


def _branche(edit_uri: str | None) -> str:
    """`edit/main/docs/` -> `main`."""
    trouve = re.match(r"(?:edit|blob)/([^/]+)/", edit_uri or "")
    return trouve.group(1) if trouve else "main"
