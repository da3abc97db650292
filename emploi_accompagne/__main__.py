"""Command line: `python -m emploi_accompagne check|schema`."""
from __future__ import annotations

import argparse
import json
import sys

from .annuaire.chargement import DonneesInvalides, charger_plateformes
from .annuaire.modele import json_schema
from .paths import DATA

SCHEMA_FILE = DATA / "plateformes.schema.json"


def schema_text() -> str:
    return json.dumps(json_schema(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def cmd_check(_args) -> int:
    try:
        plateformes = charger_plateformes()
    except DonneesInvalides as error:
        print(error, file=sys.stderr)
        print(f"{len(error.problemes)} problème(s) à corriger dans les données.", file=sys.stderr)
        return 1
    avec_contacts = sum(p.a_des_contacts() for p in plateformes)
    print(f"Données valides : {len(plateformes)} fiches, dont {avec_contacts} avec un contact sourcé.")
    return 0


def cmd_schema(args) -> int:
    if args.check:
        if SCHEMA_FILE.read_text(encoding="utf-8") != schema_text():
            print(f"{SCHEMA_FILE.name} n'est pas à jour : lancer `python -m emploi_accompagne schema`.", file=sys.stderr)
            return 1
        return 0
    SCHEMA_FILE.write_text(schema_text(), encoding="utf-8")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m emploi_accompagne")
    sub = parser.add_subparsers(dest="commande", required=True)
    sub.add_parser("check", help="valide data/plateformes.yaml").set_defaults(func=cmd_check)
    schema = sub.add_parser("schema", help="écrit data/plateformes.schema.json")
    schema.add_argument("--check", action="store_true", help="vérifie seulement qu'il est à jour")
    schema.set_defaults(func=cmd_schema)
    args = parser.parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
