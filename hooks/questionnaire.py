"""MkDocs hook: the questionnaire « Est-ce pour moi ? » (thin glue; the work is in
emploi_accompagne.questionnaire).

- on_config: validate data/questionnaire.yaml; on any problem print one line per problem
  (`data/questionnaire.yaml:LINE:COL: …`) and stop the build before anything is written;
- on_files: add its pages with `File.generated` (never written into docs/): the first page
  in the navigation, the questions and results reached from it.
"""
from __future__ import annotations

from pathlib import Path

from mkdocs_glue import add_generated_files, stop_build

from emploi_accompagne.annuaire.chargement import DonneesInvalides
from emploi_accompagne.questionnaire import charger_questionnaire, pages_questionnaire

_state: dict = {}


def on_config(config):
    # The data of the project being built, next to its mkdocs.yml.
    chemin = Path(config.config_file_path).parent / "data" / "questionnaire.yaml"
    try:
        _state["arbre"] = charger_questionnaire(chemin)
    except DonneesInvalides as error:
        stop_build(error.problemes, "data/questionnaire.yaml")
    return config


def on_files(files, config):
    return add_generated_files(files, config, pages_questionnaire(_state["arbre"]))
