"""MkDocs hook: the RGAA audit (thin glue; the work is in emploi_accompagne.accessibilite).

- on_config: validate data/accessibilite/audit.yaml against the 106 criteria; on any problem
  print one line per problem (`data/accessibilite/audit.yaml:LINE:COL: …`) and stop the build;
  the computed values go to `extra.accessibilite`, read by the statement (docs/accessibilite.md)
  and by the footer's « Accessibilité : … » (overrides/main.html);
- on_files: add the readable grid (/accessibilite/grille/) and the raw files beside it.
"""
from __future__ import annotations

from pathlib import Path

from mkdocs_glue import add_generated_files, stop_build

from emploi_accompagne.accessibilite.grille import charger_audit
from emploi_accompagne.accessibilite.pages import fichiers_accessibilite, valeurs
from emploi_accompagne.accessibilite.referentiel import charger_referentiel
from emploi_accompagne.annuaire.chargement import DonneesInvalides

_state: dict = {}


def on_config(config):
    # The data of the project being built, next to its mkdocs.yml.
    dossier = Path(config.config_file_path).parent / "data" / "accessibilite"
    _state["grille"], _state["criteres"] = dossier / "audit.yaml", dossier / "rgaa-criteres.json"
    try:
        _state["bilan"] = charger_audit(_state["grille"], charger_referentiel(_state["criteres"]))
    except DonneesInvalides as error:
        stop_build(error.problemes, "data/accessibilite/audit.yaml")
    config.extra["accessibilite"] = valeurs(_state["bilan"])
    return config


def on_files(files, config):
    return add_generated_files(files, config, fichiers_accessibilite(_state["bilan"], _state["grille"], _state["criteres"]))
