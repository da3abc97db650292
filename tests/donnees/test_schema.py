"""Le schéma JSON publié est généré par le modèle : il ne peut pas être en retard."""
import json

import jsonschema
import yaml

from emploi_accompagne.__main__ import SCHEMA_FILE, schema_text
from emploi_accompagne.annuaire.chargement import FICHIER_PLATEFORMES


def test_le_schema_json_committe_est_celui_que_genere_le_modele():
    assert SCHEMA_FILE.read_text(encoding="utf-8") == schema_text(), (
        "data/plateformes.schema.json est périmé : lancer `python -m emploi_accompagne schema`"
    )


def test_le_fichier_yaml_annonce_son_schema_aux_editeurs_des_la_premiere_ligne():
    premiere = FICHIER_PLATEFORMES.read_text(encoding="utf-8").splitlines()[0]
    assert premiere == f"# yaml-language-server: $schema={SCHEMA_FILE.name}"


def test_les_donnees_respectent_le_schema_json_publie():
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    donnees = yaml.load(FICHIER_PLATEFORMES.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    # BaseLoader keeps scalars as text, as the site's loader does; empty values are absent fields.
    propres = [{k: v for k, v in fiche.items() if v != ""} for fiche in donnees]
    jsonschema.validate(propres, schema)


def test_le_schema_refuse_un_champ_inconnu():
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    fiche = {"departement": "01", "date_maj": "2026-01-01", "statut_verification": "a-completer", "telephon": "x"}
    assert not jsonschema.Draft202012Validator(schema).is_valid([fiche])
