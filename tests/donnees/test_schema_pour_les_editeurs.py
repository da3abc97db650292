"""Spécification : un éditeur de code (VS Code, github.dev) vérifie data/plateformes.yaml pendant
la frappe avec le schéma JSON du modèle : la première ligne du fichier et les réglages du dépôt
(.vscode/) désignent ce schéma, qui existe et est celui que le modèle génère ; l'extension qui
le lit est recommandée ; CONTRIBUTING le dit aux contributeurs."""
from __future__ import annotations

import json
import re

from emploi_accompagne.__main__ import SCHEMA_FILE, schema_text
from emploi_accompagne.annuaire.chargement import FICHIER_PLATEFORMES
from emploi_accompagne.paths import ROOT

EXTENSION_YAML = "redhat.vscode-yaml"  # reads `yaml.schemas` and the `yaml-language-server` line


def test_la_premiere_ligne_du_fichier_designe_le_schema_du_modele():
    premiere = FICHIER_PLATEFORMES.read_text(encoding="utf-8").splitlines()[0]
    [chemin] = re.fullmatch(r"# yaml-language-server: \$schema=(\S+)", premiere).groups()
    schema = (FICHIER_PLATEFORMES.parent / chemin).resolve()  # relative to the YAML file, as the extension reads it
    assert schema == SCHEMA_FILE.resolve() and schema.read_text(encoding="utf-8") == schema_text()


def test_les_reglages_de_l_editeur_associent_le_schema_au_fichier():
    reglages = json.loads((ROOT / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    associations = reglages["yaml.schemas"]
    [schema] = [s for s, fichiers in associations.items()
                if FICHIER_PLATEFORMES.relative_to(ROOT).as_posix() in ([fichiers] if isinstance(fichiers, str) else fichiers)]
    chemin = (ROOT / schema).resolve()
    assert chemin == SCHEMA_FILE.resolve() and chemin.read_text(encoding="utf-8") == schema_text()


def test_le_depot_recommande_l_extension_qui_lit_le_schema():
    extensions = json.loads((ROOT / ".vscode" / "extensions.json").read_text(encoding="utf-8"))
    assert EXTENSION_YAML in extensions["recommendations"]


def test_contributing_le_dit_a_qui_corrige_une_fiche():
    texte = " ".join((ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8").split())
    assert "l'extension YAML de Red Hat" in texte and "`data/plateformes.schema.json`" in texte
