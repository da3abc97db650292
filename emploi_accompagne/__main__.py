"""Command line: `python -m emploi_accompagne check|schema|pages|import`."""
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


def cmd_pages(args) -> int:
    """Write the generated pages and files as plain files, for any engine (or none)."""
    from pathlib import Path

    from .annuaire.pages import ParametresSite, fichiers_annuaire

    try:
        plateformes = charger_plateformes()
    except DonneesInvalides as error:
        print(error, file=sys.stderr)
        return 1
    dossier = Path(args.dossier)
    parametres = ParametresSite(site_url=args.site_url, repo_url=args.repo_url, branche="main")
    fichiers = fichiers_annuaire(plateformes, parametres)
    for chemin, contenu in sorted(fichiers.items()):
        cible = dossier / chemin
        cible.parent.mkdir(parents=True, exist_ok=True)
        cible.write_text(contenu, encoding="utf-8", newline="")  # keep the CSV's CRLF
    print(f"{len(fichiers)} fichiers écrits dans {dossier}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m emploi_accompagne")
    sub = parser.add_subparsers(dest="commande", required=True)
    sub.add_parser("check", help="valide data/plateformes.yaml").set_defaults(func=cmd_check)
    schema = sub.add_parser("schema", help="écrit data/plateformes.schema.json")
    schema.add_argument("--check", action="store_true", help="vérifie seulement qu'il est à jour")
    schema.set_defaults(func=cmd_schema)
    pages = sub.add_parser("pages", help="écrit les pages générées (annuaire, recherche, exports) en fichiers ordinaires")
    pages.add_argument("dossier", help="dossier de sortie, par exemple build/pages")
    pages.add_argument("--site-url", default=None, help="adresse publique du site (liens absolus, JSON-LD)")
    pages.add_argument("--repo-url", default=None, help="adresse du dépôt (liens « Signaler une correction »)")
    pages.set_defaults(func=cmd_pages)
    from .annuaire.importation import commande as importation

    importation.declarer(sub)
    args = parser.parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
