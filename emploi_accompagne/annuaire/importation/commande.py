"""`python -m emploi_accompagne import LISTE --source URL [--date AAAA-MM-JJ] [--dry-run] [--correspondance FICHIER]
[--rapport FICHIER]`.

A list of MDPH only (columns mdph…, each row with its own mdph_lien_source) needs no --source.

Reads the list, merges it (fusion.py), changes only the blocks of the fiches it changes
(ecriture.py), checks the whole result with the site's loader and compares it with what
the merge meant, and only then writes the file, atomically. `--dry-run` prints the
unified diff instead. Every problem is a French line; nothing is written if there is one.
`--rapport` also writes the report as Markdown, for the pull request's description.
"""
from __future__ import annotations

import argparse
import datetime as dt
import difflib
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from pydantic import TypeAdapter, ValidationError

from ... import referentiel
from .. import ecriture
from ..chargement import (
    FICHIER_PLATEFORMES,
    DonneesInvalides,
    charger_plateformes,
    charger_plateformes_texte,
)
from ..coordonnees import telephone_affiche
from ..erreurs import message_en_francais
from ..modele import UrlHttps
from .fusion import (
    PREFIXE_MDPH,
    BilanFiche,
    Fusion,
    Nature,
    Valeur,
    changements,
    fusionner,
    valeurs_de_ligne,
)
from .lecture import COLONNE_DE_CHAMP, Ligne, ListeInvalide, lire_liste

NOM_DONNEES = "data/plateformes.yaml"


class ImportImpossible(Exception):
    """One French line: a bad argument, or a change the writer refused."""


@dataclass(frozen=True)
class Import:
    fusion: Fusion
    avant: str  # the text of the directory file
    apres: str  # the text to write (equal to `avant` when nothing changes)
    nom_donnees: str


def verifier_source(source: str | None, lignes: list[Ligne] = ()) -> str | None:
    if source is None:
        if any(not champ.startswith(PREFIXE_MDPH) for ligne in lignes for champ in ligne.cellules):
            raise ImportImpossible(
                "--source manque : l'adresse https:// de la page qui publie la liste (seule une liste de MDPH, "
                "avec la colonne mdph_lien_source, s'en passe)"
            )
        return None
    try:
        return TypeAdapter(UrlHttps).validate_python(source)
    except ValidationError as erreur:
        detail = erreur.errors(include_url=False)[0]
        raise ImportImpossible(f"--source : {message_en_francais(detail)}") from None


def lire_date(texte: str, aujourd_hui: dt.date | None = None) -> dt.date:
    aujourd_hui = aujourd_hui or dt.date.today()
    try:
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", texte):
            raise ValueError
        date = dt.date.fromisoformat(texte)
    except ValueError:
        raise ImportImpossible(f"--date : « {texte} » n'est pas une date AAAA-MM-JJ, par exemple 2026-11-23") from None
    if date > aujourd_hui:
        raise ImportImpossible(f"--date : le {texte} est dans le futur ; indiquer le jour où la liste a été publiée")
    return date


def _avec_les_valeurs(erreur: ListeInvalide, source: str, date: dt.date) -> DonneesInvalides:
    """The list's problems and those of the values of its readable rows: all at once."""
    problemes = list(erreur.problemes)
    for ligne in erreur.lignes:
        try:
            valeurs_de_ligne(ligne, source, date)
        except DonneesInvalides as autre:
            problemes.extend(autre.problemes)
    return DonneesInvalides(sorted(problemes, key=lambda p: (p.ligne, p.colonne)))


def _nom_donnees(path: Path) -> str:
    return NOM_DONNEES if Path(path).resolve() == FICHIER_PLATEFORMES.resolve() else str(path)


def preparer(
    liste: Path,
    source: str | None,
    date: dt.date,
    donnees: Path = FICHIER_PLATEFORMES,
    correspondance: Path | None = None,
) -> Import:
    """Everything but writing. Raises DonneesInvalides (the list, or the result) or ImportImpossible."""
    if source is not None:
        source = verifier_source(source)
    try:
        lignes = lire_liste(Path(liste), Path(correspondance) if correspondance else None)
    except ListeInvalide as erreur:
        raise _avec_les_valeurs(erreur, source, date) from None
    source = verifier_source(source, lignes)
    nom = _nom_donnees(donnees)
    try:
        plateformes = charger_plateformes(Path(donnees))
    except DonneesInvalides as erreur:
        raise ImportImpossible(
            f"{nom} n'est pas valide ; le corriger avant d'importer (python -m emploi_accompagne check) :\n{erreur}"
        ) from None
    avant = Path(donnees).read_bytes().decode("utf-8")  # bytes: keep its line endings as they are
    fusion = fusionner(plateformes, lignes, source, date)
    actuelles = {p.departement: p for p in plateformes}
    nouvelles = fusion.fiches_modifiees()
    try:
        apres = ecriture.remplacer_fiches(
            avant, {code: changements(actuelles[code], fiche) for code, fiche in nouvelles.items()}
        )
    except ecriture.EcritureImpossible as erreur:
        raise ImportImpossible(f"{nom} : {erreur}") from None
    relues = charger_plateformes_texte(apres, nom)  # the site's own checks, on the whole file
    attendues = [nouvelles.get(p.departement, p) for p in plateformes]
    if relues != attendues:  # the writer's text must mean exactly what the merge decided
        raise ImportImpossible(f"{nom} : le fichier modifié ne relit pas les valeurs prévues ; import annulé")
    return Import(fusion, avant, apres, nom)


# --- Report ---------------------------------------------------------------------------------------


def _pluriel(nombre: int, mot: str) -> str:
    return f"{nombre} {mot}{'s' if nombre > 1 else ''}"


def _texte(valeur: Valeur | None, champ: str = "") -> str:
    if valeur is None:
        return "(vide)"
    if isinstance(valeur, tuple):
        valeur = " | ".join(valeur)
    elif champ.rpartition(".")[2] == "telephone":
        valeur = telephone_affiche(str(valeur))  # as the person who reviews it dials it, not E.164
    return "« " + " ".join(str(valeur).split()) + " »"


def _colonne(champ: str) -> str:
    return COLONNE_DE_CHAMP.get(champ, champ)


def _comptes(compter) -> str:
    return ", ".join((
        _pluriel(compter(Nature.AJOUT), "ajouté"),
        _pluriel(compter(Nature.MODIFICATION), "modifié"),
        _pluriel(compter(Nature.CONFLIT), "conflit"),
        _pluriel(compter(Nature.IGNORE), "ignoré"),
    )) + f" ({compter(Nature.IDENTIQUE)} déjà à jour)"



def lignes_du_bilan(bilan: BilanFiche, nom_donnees: str) -> list[str]:
    dep = referentiel.departement(bilan.departement)
    lignes = [f"{dep.code} {dep.nom} : {_comptes(bilan.nombre)}"]
    for decision in bilan.de_nature(Nature.MODIFICATION):
        lignes.append(
            f"  modifié {dep.code} {_colonne(decision.champ)} : {_texte(decision.dans_fichier, decision.champ)} "
            f"→ {_texte(decision.dans_liste, decision.champ)}"
        )
    for decision in bilan.de_nature(Nature.CONFLIT):
        lignes.append(
            f"  conflit {dep.code} {_colonne(decision.champ)} : {nom_donnees} {_texte(decision.dans_fichier, decision.champ)}, "
            f"liste {_texte(decision.dans_liste, decision.champ)} ({decision.raison})"
        )
    ignores = bilan.de_nature(Nature.IGNORE)
    for raison in dict.fromkeys(d.raison for d in ignores):
        champs = ", ".join(_colonne(d.champ) for d in ignores if d.raison == raison)
        lignes.append(f"  ignoré {dep.code} {champs} : {raison}")
    if bilan.change_la_plateforme() and bilan.fiche.remarques and "remarques" not in bilan.ligne.cellules:
        # Written for the former source ("coordonnées à vérifier"…): a person must reread it.
        lignes.append(f"  à relire {dep.code} remarques : gardées telles quelles, écrites avant cette liste")
    return lignes


def rapport(resultat: Import, ecrit: bool) -> str:
    fusion = resultat.fusion
    lignes = []
    for bilan in fusion.bilans:
        lignes.extend(lignes_du_bilan(bilan, resultat.nom_donnees))
    modifiees = len(fusion.fiches_modifiees())
    lignes.append(
        f"Total : {_pluriel(len(fusion.bilans), 'département')} dans la liste, "
        f"{modifiees} fiche{'s' if modifiees > 1 else ''} modifiée{'s' if modifiees > 1 else ''} ; "
        f"{_comptes(fusion.total)}."
    )
    if not modifiees:
        lignes.append(f"Rien à changer dans {resultat.nom_donnees}.")
    elif ecrit:
        lignes.append(f"{resultat.nom_donnees} mis à jour : relire le changement (git diff), puis ouvrir une pull request.")
    else:
        lignes.append("Essai (--dry-run) : rien n'a été écrit.")
    return "\n".join(lignes) + "\n"


# --- Report for the pull request (Markdown) ---------------------------------------------------------

NATURES_EN_MOTS = {
    Nature.AJOUT: "ajouté",
    Nature.MODIFICATION: "modifié",
    Nature.CONFLIT: "conflit",
    Nature.IGNORE: "ignoré",
}


def code_markdown(texte: str) -> str:
    """`texte` as a Markdown code span inside a table cell: nothing in it is read as Markdown,
    HTML, a mention or a link (a list is not ours to trust); `|` would end the cell."""
    texte = " ".join(texte.split())
    ticks = max((len(m) for m in re.findall(r"`+", texte)), default=0) + 1
    bord = " " if texte.startswith("`") or texte.endswith("`") or not texte.strip() else ""
    return ("`" * ticks + bord + texte + bord + "`" * ticks).replace("|", "\\|")


def _cellule(valeur: Valeur | None, champ: str) -> str:
    if valeur is None:
        return "(vide)"
    return code_markdown(_texte(valeur, champ).removeprefix("« ").removesuffix(" »"))


def rapport_markdown(resultat: Import, ecrit: bool, liste: str, source: str | None, date: dt.date) -> str:
    """The report as Markdown, for the pull request's description: what changes, every
    conflict and what to reread as a checklist, then each département's decisions in a table."""
    fusion = resultat.fusion
    modifiees = len(fusion.fiches_modifiees())
    donnees = code_markdown(resultat.nom_donnees)
    if not modifiees:
        issue = f"Rien à changer dans {donnees}."
    elif ecrit:
        issue = f"{donnees} mis à jour."
    else:
        issue = "Essai (--dry-run) : rien n'a été écrit."
    lignes = [
        f"## Import de la liste {code_markdown(Path(liste).name)}",
        "",
        f"- Source : {source}" if source else "- Source : la page de chaque ligne (colonne mdph_lien_source)",
        f"- Date de la liste : {date.isoformat()}",
        f"- {_pluriel(len(fusion.bilans), 'département')} dans la liste, "
        f"{modifiees} fiche{'s' if modifiees > 1 else ''} modifiée{'s' if modifiees > 1 else ''} : {_comptes(fusion.total)}.",
        f"- {issue}",
    ]
    a_relire = []
    for bilan in fusion.bilans:
        dep = referentiel.departement(bilan.departement)
        for decision in bilan.de_nature(Nature.CONFLIT):
            a_relire.append(
                f"- [ ] {dep.code} {dep.nom}, conflit sur {code_markdown(_colonne(decision.champ))} : "
                f"le fichier garde {_cellule(decision.dans_fichier, decision.champ)}, la liste donne "
                f"{_cellule(decision.dans_liste, decision.champ)} ({decision.raison})"
            )
        if bilan.change_la_plateforme() and bilan.fiche.remarques and "remarques" not in bilan.ligne.cellules:
            a_relire.append(f"- [ ] {dep.code} {dep.nom}, remarques gardées telles quelles, écrites avant cette liste : "
                            "les relire")
    if a_relire:
        lignes += ["", "### À relire", "", *a_relire]
    lignes += ["", "### Par département"]
    for bilan in fusion.bilans:
        dep = referentiel.departement(bilan.departement)
        lignes += ["", f"#### {dep.code} {dep.nom} : {_comptes(bilan.nombre)}"]
        decisions = [d for d in bilan.decisions if d.nature is not Nature.IDENTIQUE]
        if not decisions:
            continue
        lignes += ["", f"| | Champ | Dans {donnees} | Dans la liste | Pourquoi |", "|---|---|---|---|---|"]
        for decision in decisions:
            raison = decision.raison.replace("|", "\\|")
            lignes.append(
                f"| {NATURES_EN_MOTS[decision.nature]} | {code_markdown(_colonne(decision.champ))} | "
                f"{_cellule(decision.dans_fichier, decision.champ)} | {_cellule(decision.dans_liste, decision.champ)} | {raison} |"
            )
    return "\n".join(lignes) + "\n"


def _etendue(debut: int, fin: int) -> str:
    longueur = fin - debut
    return f"{debut + 1 if longueur else debut}" + ("" if longueur == 1 else f",{longueur}")


def diff(resultat: Import, contexte: int = 3) -> str:
    """The unified diff of the YAML, as `git diff` shows it.

    difflib.unified_diff treats lines that recur often as junk ("  adresse:" is in every
    blank fiche) and would show them as removed and added; the matcher runs without that.
    """
    if resultat.avant == resultat.apres:
        return ""
    avant, apres = resultat.avant.splitlines(keepends=True), resultat.apres.splitlines(keepends=True)
    chemin = resultat.nom_donnees.lstrip("/")
    sortie = [f"--- a/{chemin}\n", f"+++ b/{chemin}\n"]
    comparaison = difflib.SequenceMatcher(None, avant, apres, autojunk=False)
    for groupe in comparaison.get_grouped_opcodes(contexte):
        sortie.append(f"@@ -{_etendue(groupe[0][1], groupe[-1][2])} +{_etendue(groupe[0][3], groupe[-1][4])} @@\n")
        for operation, a1, a2, b1, b2 in groupe:
            if operation == "equal":
                sortie.extend(" " + ligne for ligne in avant[a1:a2])
                continue
            sortie.extend("-" + ligne for ligne in avant[a1:a2])
            sortie.extend("+" + ligne for ligne in apres[b1:b2])
    return "".join(ligne if ligne.endswith("\n") else ligne + "\n\\ No newline at end of file\n" for ligne in sortie)


# --- Command line -----------------------------------------------------------------------------------


def declarer(sous_commandes) -> None:
    commande = sous_commandes.add_parser(
        "import",
        help="importe une liste publiée (CSV ou data·inclusion) dans data/plateformes.yaml",
        description="Remplit les fiches à partir d'une liste publiée, sans jamais écraser une fiche confirmée "
        "ou plus récente ; chaque désaccord est signalé. Mode d'emploi : CONTRIBUTING.md.",
    )
    commande.add_argument("liste", metavar="FICHIER", help="la liste : CSV (colonnes de l'export plateformes.csv, "
                          "ou d'une autre liste avec --correspondance) ou structures.json / services.json data·inclusion")
    commande.add_argument("--source", default=None, help="adresse https:// de la page publique qui publie la liste "
                          "(inutile pour une liste de MDPH seules : chaque ligne donne sa page, mdph_lien_source)")
    commande.add_argument("--date", default=None, metavar="AAAA-MM-JJ",
                          help="date de publication de la liste (par défaut : aujourd'hui)")
    commande.add_argument("--dry-run", action="store_true", help="affiche le diff du YAML sans rien écrire")
    commande.add_argument("--rapport", default=None, metavar="FICHIER",
                          help="écrit aussi le rapport en Markdown dans FICHIER, à reprendre dans la pull request")
    commande.add_argument("--correspondance", default=None, metavar="FICHIER",
                          help="fichier YAML : colonne de la liste → champ de l'annuaire")
    commande.add_argument("--donnees", default=str(FICHIER_PLATEFORMES), metavar="FICHIER",
                          help=f"fichier de l'annuaire à compléter (par défaut {NOM_DONNEES}), par exemple une copie d'essai")
    commande.set_defaults(func=executer)


def executer(args: argparse.Namespace) -> int:
    try:
        date = lire_date(args.date) if args.date else dt.date.today()
        resultat = preparer(args.liste, args.source, date, Path(args.donnees), args.correspondance)
    except DonneesInvalides as erreur:
        print(erreur, file=sys.stderr)
        print(f"Import annulé : {_pluriel(len(erreur.problemes), 'problème')} ; rien n'a été écrit.", file=sys.stderr)
        return 1
    except ImportImpossible as erreur:
        print(erreur, file=sys.stderr)
        print("Import annulé : rien n'a été écrit.", file=sys.stderr)
        return 1
    if args.dry_run:
        sys.stdout.write(diff(resultat))
    elif resultat.apres != resultat.avant:
        ecriture.ecrire_atomiquement(Path(args.donnees), resultat.apres)
    sys.stdout.write(rapport(resultat, ecrit=not args.dry_run))
    if args.rapport:
        texte = rapport_markdown(resultat, not args.dry_run, args.liste, args.source, date)
        ecriture.ecrire_atomiquement(Path(args.rapport), texte)
        print(f"Rapport pour la pull request : {args.rapport}")
    return 0
