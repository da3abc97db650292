"""Loading `data/plateformes.yaml` so that a volunteer can act on every problem.

Every problem becomes one line `file:line:col: [département CODE] field: message`
in French, all of them at once; nothing is ever half-loaded.
YAML is read with positions, every scalar kept as text (so `01` stays "01"),
duplicate keys refused, anchors, aliases and tags (`!ENV`, `!!str`…) refused before anything
is built: a data file holds values only. Only mkdocs.yml, read with `etiquettes_de_mkdocs`,
keeps its tags, and has its `!ENV` resolved as MkDocs does.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from ..paths import DATA
from .erreurs import message_en_francais
from .modele import CODES_DEPARTEMENTS, CONTEXT_DEPARTEMENT, Plateforme

FICHIER_PLATEFORMES = DATA / "plateformes.yaml"
TAILLE_MAX = 2_000_000  # bytes: ten times the real file, far below anything harmful
VALEURS_NULLES = {"", "~", "null", "Null", "NULL"}


@dataclass(frozen=True)
class Probleme:
    fichier: str
    ligne: int
    colonne: int
    departement: str
    champ: str
    message: str
    # What the entry is, for files other than the directory: "sigle RQTH", "extra".
    rubrique: str | None = None

    def __str__(self) -> str:
        # One line per problem, whatever the input contained.
        message = " ".join(self.message.split())
        champ = " ".join(self.champ.split()) or "?"
        if ":" in champ:  # a mistyped key such as "commune:x" would blur the "field: message" split
            champ = "«" + champ.replace("»", "") + "»"
        quoi = " ".join(self.rubrique.split()) if self.rubrique else f"département {_etiquette(self.departement)}"
        return f"{self.fichier}:{self.ligne}:{self.colonne}: [{quoi}] {champ}: {message}"

    def annotation_github(self) -> str:
        """The problem as a GitHub workflow command, so that it shows on its line of the file."""
        proprietes = {
            "file": self.fichier,
            "line": str(self.ligne),
            "col": str(self.colonne),
            "title": f"Département {_etiquette(self.departement)} : {' '.join(self.champ.split()) or '?'}",
        }
        texte = ",".join(f"{cle}={_echapper_propriete(valeur)}" for cle, valeur in proprietes.items())
        message = str(self).removeprefix(f"{self.fichier}:{self.ligne}:{self.colonne}: ")  # already in the properties
        return f"::error {texte}::{_echapper_donnee(message)}"


def _echapper_donnee(texte: str) -> str:
    # GitHub's rules for workflow commands (actions/toolkit, command.ts).
    return texte.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _echapper_propriete(texte: str) -> str:
    return _echapper_donnee(texte).replace(":", "%3A").replace(",", "%2C")


def _etiquette(departement: str) -> str:
    """The département as the line shows it: a code-like value, even a mistyped one ("2C"), or "?"."""
    code = departement.strip()
    if code in CODES_DEPARTEMENTS or (code.isascii() and code.isalnum() and len(code) <= 4):
        return code
    return "?"


class DonneesInvalides(Exception):
    """Raised with every problem found; str() is the report, one line per problem."""

    def __init__(self, problemes: list[Probleme]):
        self.problemes = problemes
        super().__init__("\n".join(str(p) for p in problemes))


Chemin = tuple[Any, ...]


@dataclass
class DocumentYaml:
    """Plain data built from the YAML nodes, with the position of every key and value."""

    donnees: Any
    positions: dict[Chemin, tuple[int, int]]


@dataclass(frozen=True)
class Annuaire:
    """The valid fiches, in official order, and the line where each one starts in the file."""

    plateformes: list[Plateforme]
    lignes: dict[str, int]  # département code -> line of the fiche's first field


# The last file read and what it gave: the hooks and `mkdocs serve` ask again for the same bytes.
_dernier_chargement: dict[Path, tuple[bytes, Annuaire]] = {}


def charger_annuaire(path: Path = FICHIER_PLATEFORMES) -> Annuaire:
    nom = nom_du_fichier(path)
    brut = _lire_octets(path, nom)
    deja = _dernier_chargement.get(path)
    if deja is not None and deja[0] == brut:
        return deja[1]
    texte = _decoder(brut, nom, f"le fichier est vide : il doit contenir les {len(CODES_DEPARTEMENTS)} fiches")
    annuaire = _valider(analyser_yaml(texte, nom), nom)
    _dernier_chargement.clear()
    _dernier_chargement[path] = (brut, annuaire)
    return annuaire


def charger_plateformes(path: Path = FICHIER_PLATEFORMES) -> list[Plateforme]:
    return charger_annuaire(path).plateformes


def charger_plateformes_texte(texte: str, nom: str = "data/plateformes.yaml") -> list[Plateforme]:
    """The same checks on a text not written yet (a proposed change): problems name `nom`
    and the lines of `texte`, as they will be once it is written."""
    if len(texte.encode("utf-8")) > TAILLE_MAX:
        raise _probleme_fichier(nom, f"fichier trop gros ({len(texte.encode('utf-8'))} octets, {TAILLE_MAX} au maximum)")
    _verifier_non_vide(texte, nom, f"le fichier est vide : il doit contenir les {len(CODES_DEPARTEMENTS)} fiches")
    return _valider(analyser_yaml(texte, nom), nom).plateformes


def nom_du_fichier(path: Path) -> str:
    """The file as a volunteer finds it in the project: `data/plateformes.yaml`, wherever the project is."""
    if path.parent.name == DATA.name:
        return f"{DATA.name}/{path.name}"
    try:
        return str(path.resolve().relative_to(DATA.parent))
    except ValueError:
        return str(path)


def _probleme_fichier(nom: str, message: str, ligne: int = 1, colonne: int = 1) -> DonneesInvalides:
    return DonneesInvalides([Probleme(nom, ligne, colonne, "?", "fichier", message)])


def lire_document(path: Path, nom: str | None = None, etiquettes_de_mkdocs: bool = False) -> DocumentYaml:
    """A YAML data file of the site as plain data with the position of every key and value,
    or DonneesInvalides with the located problems (syntax, encoding, duplicate keys, tags…).
    `etiquettes_de_mkdocs`: for mkdocs.yml only, whose tags are MkDocs's (`!ENV` is resolved as it does)."""
    nom = nom or nom_du_fichier(path)
    return analyser_yaml(_decoder(_lire_octets(path, nom), nom), nom, etiquettes_de_mkdocs)


def _lire_octets(path: Path, nom: str) -> bytes:
    try:
        brut = path.read_bytes()
    except FileNotFoundError:
        raise _probleme_fichier(nom, "fichier introuvable") from None
    if len(brut) > TAILLE_MAX:
        raise _probleme_fichier(nom, f"fichier trop gros ({len(brut)} octets, {TAILLE_MAX} au maximum)")
    return brut


def _decoder(brut: bytes, nom: str, si_vide: str = "le fichier est vide") -> str:
    try:
        texte = brut.decode("utf-8")
    except UnicodeDecodeError as error:
        ligne = brut[: error.start].count(b"\n") + 1
        colonne = error.start - (brut.rfind(b"\n", 0, error.start) + 1) + 1
        departement = _departement_avant(brut.decode("utf-8", "replace"), ligne)
        raise DonneesInvalides(
            [Probleme(nom, ligne, colonne, departement, "fichier",
                      "le fichier doit être enregistré en UTF-8 (caractère illisible ici)")]
        ) from None
    _verifier_non_vide(texte, nom, si_vide)
    return texte


def _verifier_non_vide(texte: str, nom: str, si_vide: str) -> None:
    if not texte.strip() or all(ligne.strip().startswith("#") or not ligne.strip() for ligne in texte.splitlines()):
        raise _probleme_fichier(nom, si_vide)


def analyser_yaml(texte: str, nom: str, etiquettes_de_mkdocs: bool = False) -> DocumentYaml:
    """The YAML text as plain data with the position of every key and value; a syntax error
    is a `DonneesInvalides` located in `nom` (the import's correspondence file reads its YAML so too).
    A tag is refused, unless `etiquettes_de_mkdocs` (mkdocs.yml): then `!ENV` is resolved."""
    try:
        racine = _composer(texte, nom, etiquettes_de_mkdocs)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        ligne, colonne = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        champ, cause = "fichier", _cause_de_l_erreur(texte, ligne)
        if cause is not None:
            ligne, colonne, champ, message = cause
        else:
            message = _syntaxe_en_francais(error)
        raise DonneesInvalides([Probleme(nom, ligne, colonne, _departement_avant(texte, ligne), champ, message)]) from None
    except yaml.reader.ReaderError as error:
        ligne, colonne = ligne_colonne(texte, error.position)
        raise DonneesInvalides(
            [Probleme(nom, ligne, colonne, _departement_avant(texte, ligne), "fichier",
                      f"caractère spécial interdit (U+{error.character:04X}) : le supprimer")]
        ) from None
    except yaml.YAMLError as error:
        raise _probleme_fichier(nom, f"syntaxe YAML invalide ({error})") from None
    positions: dict[Chemin, tuple[int, int]] = {}
    doublons: list[Probleme] = []
    donnees = _construire(racine, (), positions, doublons, nom, etiquettes_de_mkdocs)
    if doublons:
        raise DonneesInvalides(doublons)
    return DocumentYaml(donnees, positions)


def _composer(texte: str, nom: str, etiquettes_de_mkdocs: bool = False) -> yaml.Node:
    """The YAML node tree, with libyaml when it is there (ten times faster); a document it
    rejects is read again by the pure-Python parser, whose errors the messages translate."""
    yaml.reader.Reader(texte)  # refuses control characters, as both parsers must
    rapide = getattr(yaml, "CSafeLoader", None)
    if rapide is not None:
        try:
            _refuser_ancres_et_etiquettes(texte, nom, rapide, etiquettes_de_mkdocs)
            return yaml.compose(texte, Loader=rapide)
        except yaml.YAMLError:
            pass
    _refuser_ancres_et_etiquettes(texte, nom, yaml.SafeLoader, etiquettes_de_mkdocs)
    return yaml.compose(texte, Loader=yaml.SafeLoader)


def ligne_colonne(texte: str, position: int) -> tuple[int, int]:
    return texte.count("\n", 0, position) + 1, position - (texte.rfind("\n", 0, position) + 1) + 1


def _departement_avant(texte: str, ligne: int) -> str:
    """The département of the entry a line belongs to, read from the text (the YAML may not parse)."""
    for precedente in reversed(texte.splitlines()[:ligne]):
        cle, _, valeur = precedente.strip().lstrip("-").strip().partition(":")
        if cle == "departement":
            return valeur.strip().strip("\"'") or "?"
    return "?"


def _refuser_ancres_et_etiquettes(texte: str, nom: str, loader, etiquettes_de_mkdocs: bool = False) -> None:
    """Anchors and aliases can blow up memory (billion laughs); the directory never needs them.
    A tag makes a value something else than the text written: `!ENV` would publish an environment
    variable of the build. The parser gives a tag only where one is written (`tag` is None otherwise)."""
    for event in yaml.parse(texte, Loader=loader):
        mark = event.start_mark
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            signe = "*" if isinstance(event, yaml.AliasEvent) else "&"
            raise DonneesInvalides([Probleme(
                nom, mark.line + 1, mark.column + 1, _departement_avant(texte, mark.line + 1), "fichier",
                f"une valeur qui commence par « {signe} » s'écrit entre guillemets, par exemple \"{signe}…\" "
                "(les ancres et alias YAML, & et *, ne sont pas acceptés : recopier la valeur)",
            )])
        etiquette = getattr(event, "tag", None)
        if etiquette is not None and not etiquettes_de_mkdocs:
            raise DonneesInvalides([Probleme(
                nom, mark.line + 1, mark.column + 1, _departement_avant(texte, mark.line + 1), "fichier",
                f"étiquette YAML « {_etiquette_lisible(etiquette)} » refusée : un fichier de données ne contient que "
                "des valeurs écrites telles quelles (si « ! » fait partie du texte, le mettre entre guillemets)",
            )])


def _etiquette_lisible(etiquette: str) -> str:
    # The parser expands `!!str` to `tag:yaml.org,2002:str`: show it as written.
    etiquette = etiquette.replace("tag:yaml.org,2002:", "!!")
    return etiquette if len(etiquette) <= 40 else etiquette[:39] + "…"


def _construire(node, chemin: Chemin, positions, doublons: list[Probleme], nom: str, etiquettes_de_mkdocs: bool = False) -> Any:
    positions[chemin] = (node.start_mark.line + 1, node.start_mark.column + 1)
    if etiquettes_de_mkdocs and node.tag == "!ENV":  # mkdocs.yml: `!ENV [NAME, default]`, as MkDocs reads it
        return _variable_d_environnement(node)
    if isinstance(node, yaml.ScalarNode):
        if not node.style and node.value in VALEURS_NULLES:  # plain: None in Python, "" in libyaml
            return None
        return node.value
    if isinstance(node, yaml.SequenceNode):
        return [_construire(item, (*chemin, i), positions, doublons, nom, etiquettes_de_mkdocs) for i, item in enumerate(node.value)]
    resultat: dict[str, Any] = {}
    for cle_node, valeur_node in node.value:
        cle = cle_node.value if isinstance(cle_node, yaml.ScalarNode) else str(cle_node.value)
        position_cle = (cle_node.start_mark.line + 1, cle_node.start_mark.column + 1)
        if cle == "departement" and cle in resultat and len(chemin) == 1 and isinstance(chemin[0], int) and any(
            isinstance(suivant, yaml.ScalarNode) and suivant.value in resultat
            for suivant, _ in node.value[[c for c, _ in node.value].index(cle_node) + 1 :]
        ):
            # A second fiche with no "- " before it: its fields add to the fiche above, each one "twice".
            valeur = valeur_node.value if isinstance(valeur_node, yaml.ScalarNode) else "?"
            doublons.append(Probleme(
                nom, position_cle[0], 1, valeur, cle,
                f"{_MESSAGE_TIRET} ; sans lui, cette fiche s'ajoute à la fiche du dessus "
                f"(département {_etiquette(str(resultat[cle]))}, ligne {positions[chemin][0]})",
            ))
            break  # the rest of this fiche would only be "written twice"
        if cle in resultat:
            premiere = positions[(*chemin, ("cle", cle))][0]
            doublons.append(
                Probleme(
                    nom,
                    *position_cle,
                    _departement_du_chemin(chemin, resultat),
                    cle,
                    f"champ écrit deux fois (déjà à la ligne {premiere}) : n'en garder qu'un",
                )
            )
            continue
        positions[(*chemin, ("cle", cle))] = position_cle
        resultat[cle] = _construire(valeur_node, (*chemin, cle), positions, doublons, nom, etiquettes_de_mkdocs)
    return resultat


def _variable_d_environnement(node) -> str | None:
    """The first variable that is set, else the last item itself (pyyaml-env-tag's rule)."""
    noms = [node.value] if isinstance(node, yaml.ScalarNode) else [item.value for item in node.value]
    for nom in noms:
        if nom in os.environ:
            return os.environ[nom]
    return noms[-1] if len(noms) > 1 else None


def _departement_du_chemin(chemin: Chemin, mapping: dict) -> str:
    code = mapping.get("departement")
    return code if isinstance(code, str) else "?"


# --- Where a syntax error comes from ----------------------------------------------------------
#
# The parser stops where the text stops making sense, often lines below the mistake (an unclosed
# quote runs on to the next quote). A few mistakes a volunteer makes are looked for on the lines
# up to the error, nearest first; one is the cause if repairing it alone lets the parser go past
# the error. Each gives its own line and the fix.

_CLE_VALEUR = re.compile(r"^(?P<retrait>\s*(?:-\s+)*)(?:(?P<cle>[^\s#'\"][^:#]*?):(?:\s+|$))?(?P<valeur>.*)$")
# What YAML reads as syntax at the start of a plain value (not text): a volunteer's `@compte`,
# `` `code` ``, `%`, `|`, `>`, `[…`, `{…`, `,`, `]`, `}`.
_INDICATEURS = "@`%|>[]{},"
_LONGUEUR_EXEMPLE = 40
_ESSAIS_MAX = 5


def _quote_ouvert(valeur: str) -> str | None:
    """The quote that opens `valeur` and that the line does not close, else None."""
    if not valeur or valeur[0] not in "\"'":
        return None
    guillemet, i = valeur[0], 1
    while i < len(valeur):
        if guillemet == '"' and valeur[i] == "\\":
            i += 2
            continue
        if valeur[i] == guillemet:
            if guillemet == "'" and valeur[i + 1 : i + 2] == "'":  # '' is a quote inside '…'
                i += 2
                continue
            return None
        i += 1
    return guillemet


def _lit_au_dela(texte: str, lignes: list[str], numero: int, nouvelle: str, erreur_ligne: int) -> bool:
    """Whether, line `numero` (1-based) written `nouvelle`, the parser goes past line `erreur_ligne`."""
    essai = lignes.copy()
    essai[numero - 1] = nouvelle
    try:
        yaml.compose("\n".join(essai), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.MarkedYAMLError as autre:
        mark = autre.problem_mark or autre.context_mark
        return mark is not None and mark.line + 1 > erreur_ligne
    except yaml.YAMLError:
        return False
    return True


def _cause_de_l_erreur(texte: str, erreur_ligne: int) -> tuple[int, int, str, str] | None:
    """(line, column, field, French message with the fix) of the mistake behind a syntax error, or None."""
    lignes = texte.split("\n")
    essais = _ESSAIS_MAX  # each one parses the file again: a few, the nearest to the error
    for numero in range(min(erreur_ligne, len(lignes)), 0, -1):
        if essais == 0:
            return None
        ligne = lignes[numero - 1]
        trouve = _CLE_VALEUR.match(ligne)
        if trouve is None or ligne.lstrip().startswith("#"):
            continue
        retrait, cle, valeur = trouve["retrait"], trouve["cle"], trouve["valeur"].rstrip()
        debut = len(ligne) - len(trouve["valeur"])
        if (guillemet := _quote_ouvert(valeur)) is not None:
            essais -= 1
            if _lit_au_dela(texte, lignes, numero, ligne.rstrip() + guillemet, erreur_ligne):
                return numero, debut + 1, (cle or "fichier").strip(), (
                    f"guillemet « {guillemet} » ouvert mais jamais fermé : ajouter « {guillemet} » à la fin de la valeur"
                )
        elif valeur and valeur[0] in _INDICATEURS:
            essais -= 1
            entre_guillemets = '"' + valeur.replace("\\", "\\\\").replace('"', '\\"') + '"'
            if _lit_au_dela(texte, lignes, numero, ligne[:debut] + entre_guillemets, erreur_ligne):
                exemple = entre_guillemets if len(entre_guillemets) <= _LONGUEUR_EXEMPLE else entre_guillemets[: _LONGUEUR_EXEMPLE - 2] + '…"'
                return numero, debut + 1, (cle or "fichier").strip(), (
                    f"une valeur qui commence par « {valeur[0]} » s'écrit entre guillemets : "
                    f"{cle + ': ' if cle else ''}{exemple}"
                )
        elif cle is not None and cle.strip() == "departement" and "-" not in retrait:
            essais -= 1
            if _lit_au_dela(texte, lignes, numero, "- " + ligne.lstrip(), erreur_ligne):
                return numero, 1, "departement", _MESSAGE_TIRET
    return None


_MESSAGE_TIRET = (
    "tiret « - » oublié avant « departement: » : chaque fiche commence par « - departement: », "
    "le tiret au début de la ligne"
)


def _syntaxe_en_francais(error: yaml.MarkedYAMLError) -> str:
    probleme = f"{error.problem or ''} {error.context or ''}"
    if "'\\t'" in probleme:
        return "tabulation interdite : indenter avec des espaces"
    if "mapping values are not allowed" in probleme:
        return "deux-points inattendu : mettre la valeur entre guillemets ou revoir l'indentation"
    if "could not find expected ':'" in probleme:
        return "deux-points « : » manquant après le nom du champ"
    if "quoted scalar" in probleme:
        return "guillemet ouvert mais jamais fermé"
    if "expected <block end>" in probleme or "expected <block" in probleme:
        return "indentation incohérente : aligner ce champ sur les autres champs de la fiche"
    if "end of stream" in probleme:
        return "fin de fichier inattendue : le fichier semble tronqué"
    return f"syntaxe YAML invalide ({probleme.strip()})"


def _valider(document: DocumentYaml, nom: str) -> Annuaire:
    donnees = document.donnees
    if not isinstance(donnees, list):
        raise _probleme_fichier(nom, "le fichier doit être une liste de fiches, chacune commençant par « - departement: »")
    problemes: list[Probleme] = []
    plateformes: list[Plateforme] = []
    premiere_ligne: dict[str, int] = {}
    suspectes: list[tuple[int, int, str, str]] = []  # fiches whose code may be a missing one's: line, col, code, why
    for index, fiche in enumerate(donnees):
        ligne, colonne = document.positions[(index,)]
        code = fiche.get("departement") if isinstance(fiche, dict) else None
        if not isinstance(code, str):
            code = None  # a list or a mapping typed in place of the code: reported by the model
        code_affiche = code or "?"
        if not isinstance(fiche, dict):
            problemes.append(Probleme(nom, ligne, colonne, "?", "fiche", "chaque fiche doit être une liste de champs « nom: valeur »"))
            continue
        position_code = document.positions.get((index, "departement"), (ligne, colonne))
        if code in premiere_ligne:
            problemes.append(
                Probleme(nom, ligne, colonne, code_affiche, "departement",
                         f"département en double (déjà à la ligne {premiere_ligne[code]}) : si c'est la fiche d'un "
                         "autre département, corriger son code ; sinon fusionner les deux fiches")
            )
            suspectes.append((*position_code, code, f"déjà pris ligne {premiere_ligne[code]}"))
            continue
        if code is not None:
            premiere_ligne[code] = ligne
            if code not in CODES_DEPARTEMENTS:
                suspectes.append((*position_code, code, "inconnu"))
        try:
            plateformes.append(Plateforme.model_validate(fiche, context={CONTEXT_DEPARTEMENT: code}))
        except ValidationError as error:
            problemes.extend(_problemes_de_validation(error, index, code_affiche, document, nom))
    problemes.extend(_fiches_manquantes(premiere_ligne, suspectes, document, nom))
    if problemes:
        raise DonneesInvalides(sorted(problemes, key=lambda p: (p.ligne, p.colonne)))
    return Annuaire(sorted(plateformes, key=lambda p: CODES_DEPARTEMENTS.index(p.departement)), premiere_ligne)


def _fiches_manquantes(premiere_ligne: dict[str, int], suspectes: list[tuple[int, int, str, str]],
                       document: DocumentYaml, nom: str) -> list[Probleme]:
    """A missing fiche, where it belongs: at the fiche that may be it (a code unknown or taken twice,
    between its neighbours in official order), else before the next département's fiche."""
    derniere_ligne = max((position[0] for position in document.positions.values()), default=1)
    problemes = []
    for rang, code in enumerate(CODES_DEPARTEMENTS):
        if code in premiere_ligne:
            continue
        avant = next((c for c in reversed(CODES_DEPARTEMENTS[:rang]) if c in premiere_ligne), None)
        apres = next((c for c in CODES_DEPARTEMENTS[rang + 1 :] if c in premiere_ligne), None)
        debut = premiere_ligne[avant] if avant else 0
        fin = premiere_ligne[apres] if apres else derniere_ligne + 1
        entre = [s for s in suspectes if debut < s[0] < fin]
        if len(entre) == 1:
            ligne, colonne, ecrit, pourquoi = entre[0]
            message = (f"fiche manquante : la fiche de cette ligne a le code « {ecrit} » ({pourquoi}) ; si c'est celle "
                       f"du département {code}, écrire « {code} »")
        elif apres is not None:
            ligne, colonne = premiere_ligne[apres], 1
            message = (f"fiche manquante : chaque département a sa fiche ; ajouter celle du département {code} "
                       f"juste avant cette ligne (fiche du département {apres})")
        else:
            ligne, colonne = derniere_ligne, 1
            message = (f"fiche manquante : chaque département a sa fiche ; ajouter celle du département {code} "
                       f"à la fin du fichier{f', après la fiche du département {avant}' if avant else ''}")
        problemes.append(Probleme(nom, ligne, colonne, code, "departement", message))
    return problemes


def _problemes_de_validation(error: ValidationError, index: int, code: str, document: DocumentYaml, nom: str) -> list[Probleme]:
    return problemes_de_validation(error, (index,), document, nom, departement=code)


def problemes_de_validation(
    error: ValidationError, chemin: Chemin, document: DocumentYaml, nom: str, departement: str = "?",
    rubrique: str | None = None,
) -> list[Probleme]:
    """One located French problem per error of a model validated on the data at `chemin`."""
    problemes = []
    for detail in error.errors(include_url=False):
        loc = tuple(detail["loc"])
        champ = _nom_de_champ(loc, detail)
        ligne, colonne = _position(document, (*chemin, *loc), detail["type"])
        problemes.append(Probleme(nom, ligne, colonne, departement, champ, message_en_francais(detail), rubrique))
    return problemes


def _nom_de_champ(loc: tuple, detail: dict) -> str:
    parts = [str(p) if not isinstance(p, int) else f"[{p + 1}]" for p in loc]
    champ = ".".join(parts).replace(".[", "[")
    return champ or (detail.get("ctx") or {}).get("champ", "fiche")


def _position(document: DocumentYaml, chemin: Chemin, type_erreur: str) -> tuple[int, int]:
    """The position of the value (or of the key for unknown fields), else of the closest parent."""
    if type_erreur == "extra_forbidden":
        cle = (*chemin[:-1], ("cle", chemin[-1]))
        if cle in document.positions:
            return document.positions[cle]
    while chemin:
        if chemin in document.positions:
            return document.positions[chemin]
        chemin = chemin[:-1]
    return (1, 1)
