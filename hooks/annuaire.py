"""MkDocs hook: the directory of platforms (thin glue; the work is in emploi_accompagne.annuaire).

- on_config: validate data/plateformes.yaml first; on any problem print one line per
  problem (`data/plateformes.yaml:LINE:COL: …`) and stop the build before anything is
  written;
- on_post_build: give the site search the spellings a reader types ("ardeche" for Ardèche);
- on_files: add every generated page and file (département pages, vCards, the index
  with the map, the finder and its data, the open-data page and exports) with
  `File.generated`, never writing into docs/ (which would loop `mkdocs serve`); each
  generated file says whether it belongs in the navigation.
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

from mkdocs.plugins import event_priority
from mkdocs_glue import add_generated_files, stop_build

from emploi_accompagne.annuaire import chemins, fraicheur
from emploi_accompagne.annuaire.chargement import DonneesInvalides, charger_annuaire
from emploi_accompagne.annuaire.pages import ParametresSite, fichiers_annuaire, index_avec_graphies
from emploi_accompagne.horloge import date_de_construction

_state: dict = {}


def fichier_des_plateformes(config) -> Path:
    """The data of the project being built (the one of this mkdocs.yml, not of the installed package)."""
    return Path(config.config_file_path).parent / chemins.CHEMIN_YAML_DANS_DEPOT


def on_config(config):
    try:
        _state["annuaire"] = charger_annuaire(fichier_des_plateformes(config))
    except DonneesInvalides as error:
        stop_build(error.problemes, chemins.CHEMIN_YAML_DANS_DEPOT)
    a_reverifier = fraicheur.fiches_a_reverifier(_state["annuaire"].plateformes, date_de_construction())
    for ligne in fraicheur.message_de_construction(a_reverifier):
        print(ligne, file=sys.stderr)
    return config


def on_files(files, config):
    parametres = ParametresSite(
        site_url=config.site_url,
        repo_url=config.repo_url,
        branche=_branche(config.edit_uri),
        courriel_propositions=(config.extra.get("annuaire") or {}).get("courriel_propositions") or None,
    )
    return add_generated_files(files, config, fichiers_annuaire(_state["annuaire"], parametres))


@event_priority(-50)  # after the search plugin has written its index
def on_post_build(config):
    index = Path(config.site_dir) / "search" / "search_index.json"
    if index.is_file():
        index.write_text(index_avec_graphies(index.read_text(encoding="utf-8")), encoding="utf-8")


def _branche(edit_uri: str | None) -> str:
    """`edit/main/docs/` -> `main`."""
    trouve = re.match(r"(?:edit|blob)/([^/]+)/", edit_uri or "")
    return trouve.group(1) if trouve else "main"
