"""Command line: `python -m emploi_accompagne check|generer|schema|formulaire-github|from-issue|pages|import|index-trouver`."""
from __future__ import annotations

import argparse
import json
import sys

from .aide import en_francais
from .annuaire.chargement import DonneesInvalides, charger_plateformes
from .annuaire.modele import json_schema
from .paths import DATA

SCHEMA_FILE = DATA / "plateformes.schema.json"


def schema_text() -> str:
    return json.dumps(json_schema(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def cmd_check(args) -> int:
    try:
        plateformes = charger_plateformes()
    except DonneesInvalides as error:
        if getattr(args, "format", "texte") == "github":
            # Workflow commands are read on stdout: one annotation per problem, on its line.
            print("\n".join(p.annotation_github() for p in error.problemes))
        else:
            print(error, file=sys.stderr)
        print(f"{len(error.problemes)} problème(s) à corriger dans les données.", file=sys.stderr)
        return 1
    avec_contacts = sum(p.a_des_contacts() for p in plateformes)
    avec_mdph = sum(p.mdph is not None for p in plateformes)
    print(
        f"Données valides : {len(plateformes)} fiches, dont {avec_contacts} avec un contact sourcé de la plateforme "
        f"et {avec_mdph} avec les coordonnées sourcées de la MDPH."
    )
    return 0


def cmd_schema(args) -> int:
    if args.check:
        if SCHEMA_FILE.read_text(encoding="utf-8") != schema_text():
            print(f"{SCHEMA_FILE.name} n'est pas à jour : lancer `python -m emploi_accompagne schema`.", file=sys.stderr)
            return 1
        return 0
    SCHEMA_FILE.write_text(schema_text(), encoding="utf-8")
    return 0


def cmd_formulaire_github(args) -> int:
    from .annuaire.formulaire_github import (
        CHEMIN_FORMULAIRE_GITHUB,
        formulaire_github_texte,
    )

    chemin = CHEMIN_FORMULAIRE_GITHUB
    if args.check:
        if not chemin.exists() or chemin.read_text(encoding="utf-8") != formulaire_github_texte():
            print(f"{chemin.name} n'est pas à jour : lancer `python -m emploi_accompagne formulaire-github`.", file=sys.stderr)
            return 1
        return 0
    chemin.write_text(formulaire_github_texte(), encoding="utf-8")
    return 0


def fichiers_derives_du_modele() -> dict:
    """Every committed file written from the model: path -> its text as the model gives it."""
    from .annuaire import guide
    from .annuaire.formulaire_github import CHEMIN_FORMULAIRE_GITHUB, formulaire_github_texte

    return {
        SCHEMA_FILE: schema_text(),
        CHEMIN_FORMULAIRE_GITHUB: formulaire_github_texte(),
        guide.GUIDE: guide.guide_a_jour(guide.GUIDE.read_text(encoding="utf-8")),
    }


def cmd_generer(args) -> int:
    """After a change of the model: the JSON Schema, the GitHub issue form, the guide's table."""
    perimes = []
    for chemin, texte in fichiers_derives_du_modele().items():
        if not chemin.exists() or chemin.read_text(encoding="utf-8") != texte:
            perimes.append(chemin)
            if not args.check:
                chemin.write_text(texte, encoding="utf-8")
    noms = ", ".join(str(chemin.relative_to(DATA.parent)) for chemin in perimes)
    if args.check and perimes:
        print(f"Pas à jour : {noms}. Lancer `python -m emploi_accompagne generer`.", file=sys.stderr)
        return 1
    print(f"Réécrits : {noms}." if perimes else "Tout est à jour.")
    return 0


def cmd_from_issue(args) -> int:
    from .annuaire.proposition import from_issue

    return from_issue(args.fichier, date=args.date, numero=args.numero, confirmation=args.confirmation,
                      empreinte=args.empreinte, commentaires=args.commentaires, donnees=args.donnees)


def cmd_pages(args) -> int:
    """Write the generated pages and files as plain files, for any engine (or none)."""
    from pathlib import Path

    from .annuaire.chargement import charger_annuaire
    from .annuaire.pages import ParametresSite, fichiers_annuaire

    try:
        annuaire = charger_annuaire()
    except DonneesInvalides as error:
        print(error, file=sys.stderr)
        return 1
    dossier = Path(args.dossier)
    parametres = ParametresSite(site_url=args.site_url, repo_url=args.repo_url, branche="main")
    fichiers = fichiers_annuaire(annuaire, parametres)
    for fichier in sorted(fichiers, key=lambda f: f.chemin):
        cible = dossier / fichier.chemin
        cible.parent.mkdir(parents=True, exist_ok=True)
        cible.write_text(fichier.contenu, encoding="utf-8", newline="")  # keep the CSV's CRLF
    print(f"{len(fichiers)} fichiers écrits dans {dossier}")
    return 0


def cmd_index_trouver(args) -> int:
    """Derive the finder's index from the reference data (committed: see recherche.py)."""
    from .annuaire import recherche

    texte = recherche.texte_index_derive()
    chemin = recherche.FICHIER_INDEX_DERIVE
    if args.check:
        if chemin.read_text(encoding="utf-8") != texte:
            print(f"{chemin.name} n'est pas à jour : lancer `python -m emploi_accompagne index-trouver`.", file=sys.stderr)
            return 1
        return 0
    chemin.write_text(texte, encoding="utf-8", newline="\n")
    print(f"{chemin.relative_to(DATA.parent)} : {texte.count(chr(10))} fichiers d'index")
    return 0


def main(argv: list[str] | None = None) -> int:
    with en_francais():
        parser = argparse.ArgumentParser(
            prog="python -m emploi_accompagne",
            description="Les données de l'annuaire des plateformes : vérifier, importer, appliquer une proposition, "
            "réécrire ce qui vient du modèle.",
        )
        sub = parser.add_subparsers(dest="commande", required=True, title="commandes", metavar="COMMANDE")
        return _lancer(parser, sub, argv)


def _lancer(parser, sub, argv) -> int:
    check = sub.add_parser("check", help="valide data/plateformes.yaml")
    check.add_argument("--format", choices=("texte", "github"), default="texte",
                       help="github : une annotation ::error par problème, sur sa ligne")
    check.set_defaults(func=cmd_check)
    generer = sub.add_parser("generer", help="réécrit ce qui vient du modèle : schéma JSON, formulaire GitHub, tableau de CONTRIBUTING.md")
    generer.add_argument("--check", action="store_true", help="vérifie seulement que tout est à jour")
    generer.set_defaults(func=cmd_generer)
    formulaire = sub.add_parser("formulaire-github", help="écrit le formulaire d'issue « Proposer une fiche »")
    formulaire.add_argument("--check", action="store_true", help="vérifie seulement qu'il est à jour")
    formulaire.set_defaults(func=cmd_formulaire_github)
    issue = sub.add_parser(
        "from-issue",
        help="applique une proposition de fiche (issue GitHub ou e-mail) à data/plateformes.yaml",
        description="Sortie : 0 fichier modifié (résumé Markdown sur stdout) ; 1 proposition refusée "
        "(explications sur stderr, rien d'écrit) ; 3 aucun changement (raison sur stdout) ; 4 à confirmer "
        "auprès de la plateforme (les informations lues et leur empreinte sur stdout, rien d'écrit) ; "
        "5 erreur inattendue (rien d'écrit, détail sur stderr).",
    )
    issue.add_argument("fichier", help="texte de la proposition (corps de l'issue ou de l'e-mail), - pour l'entrée standard")
    issue.add_argument("--date", help="date de la vérification, AAAA-MM-JJ (par défaut : aujourd'hui)")
    issue.add_argument("--numero", help="numéro de l'issue d'origine")
    issue.add_argument("--confirmation", help="comment un responsable a confirmé auprès de la plateforme "
                       "(publié avec la fiche : sans nom de personne) ; avec --empreinte")
    issue.add_argument("--empreinte", help="l'empreinte des informations confirmées, affichée par from-issue "
                       "quand la proposition attend une confirmation (code 4)")
    issue.add_argument("--commentaires", help="les commentaires de l'issue et les droits de leurs auteurs (JSON écrit "
                       "par le workflow) : les « /confirmer » d'un responsable qui valent pour ces informations")
    issue.add_argument("--donnees", default=None, help=argparse.SUPPRESS)  # another file, for the tests
    issue.set_defaults(func=cmd_from_issue)
    schema = sub.add_parser("schema", help="écrit data/plateformes.schema.json")
    schema.add_argument("--check", action="store_true", help="vérifie seulement qu'il est à jour")
    schema.set_defaults(func=cmd_schema)
    pages = sub.add_parser("pages", help="écrit les pages générées (annuaire, recherche, exports) en fichiers ordinaires")
    pages.add_argument("dossier", help="dossier de sortie, par exemple build/pages")
    pages.add_argument("--site-url", default=None, help="adresse publique du site (liens absolus, JSON-LD)")
    pages.add_argument("--repo-url", default=None, help="adresse du dépôt (liens « Signaler une correction »)")
    pages.set_defaults(func=cmd_pages)
    index = sub.add_parser("index-trouver", help="dérive data/trouver-index.tsv (le moteur « Trouver ma plateforme »)")
    index.add_argument("--check", action="store_true", help="vérifie seulement qu'il est à jour")
    index.set_defaults(func=cmd_index_trouver)
    from .annuaire.importation import commande as importation

    importation.declarer(sub)
    args = parser.parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
