"""MkDocs hook: the questionnaire « Est-ce pour moi ? » (thin glue; the work is in
emploi_accompagne.questionnaire).

- on_config: validate data/questionnaire.yaml; on any problem print one line per problem
  (`data/questionnaire.yaml:LINE:COL: …`) and stop the build before anything is written;
- on_files: add its pages with `File.generated` (never written into docs/): the first page
  in the navigation, the questions and results reached from it.
"""
from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, InclusionLevel

from emploi_accompagne.annuaire.chargement import DonneesInvalides
from emploi_accompagne.questionnaire import charger_questionnaire, pages_questionnaire

_state: dict = {}


def on_config(config):
    # The data of the project being built, next to its mkdocs.yml.
    chemin = Path(config.config_file_path).parent / "data" / "questionnaire.yaml"
    try:
        _state["arbre"] = charger_questionnaire(chemin)
    except DonneesInvalides as error:
        for probleme in error.problemes:
            print(probleme, file=sys.stderr)
        raise PluginError(
            f"{len(error.problemes)} problème(s) dans data/questionnaire.yaml : "
            "corriger les lignes ci-dessus (rien n'a été construit)."
        ) from None
    return config


def on_files(files, config):
    for page in pages_questionnaire(_state["arbre"]):
        ancien = files.get_file_from_path(page.chemin)
        if ancien is not None:
            files.remove(ancien)
        nouveau = File.generated(config, page.chemin, content=page.contenu)
        if not page.dans_la_navigation:
            nouveau.inclusion = InclusionLevel.NOT_IN_NAV
        files.append(nouveau)
    return files
