"""Reading a published list into one `Ligne` per département.

Three inputs: the site's own CSV export (possibly edited in a spreadsheet), another
list's CSV through a mapping file, and data·inclusion v1 structures.json / services.json.
Each value keeps the cell it came from (line, column, column name), so that any later
error can point at it. Nothing here knows the directory's content: see fusion.py.
The input is untrusted: every problem becomes a French `Probleme`, all reported at once.
"""
from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from ... import referentiel
from ..chargement import DonneesInvalides, Probleme, analyser_yaml, ligne_colonne
from ..erreurs import message_en_francais
from ..exports import (
    BOM,
    COLONNES_CSV,
    COLONNES_DES_FICHES,
    DEBUTS_DE_FORMULE,
    SEPARATEUR_LISTE,
    SOURCE_DATA_INCLUSION,
    retablir_formule,
)
from ..modele import CODES_DEPARTEMENTS

TAILLE_MAX = 2_000_000  # bytes: a list of 101 platforms is a few dozen kilobytes
PROBLEMES_MAX = 100  # a garbage file would otherwise print thousands of lines

# The importable fields, by the column of the site's CSV export that carries them (both come
# from the model: a field added there is exported and imported). A field is a path in the
# model: "structure_gestionnaire.siret". The fiche's source, date and status are the import's
# own; a confirmation is never imported. The MDPH block has a source of its own: each row
# gives it (column mdph_lien_source), the command's date becomes the block's date_maj.
GROUPES_IMPORTABLES = ("structure_gestionnaire", GROUPE_MDPH := "mdph")
CHAMPS_DE_LA_VERIFICATION = ("lien_source", "date_maj", "statut_verification")


def _importable(chemin: tuple[str, ...]) -> bool:
    if chemin[0] in CHAMPS_DE_LA_VERIFICATION or chemin == (GROUPE_MDPH, "date_maj"):
        return False
    return len(chemin) == 1 or chemin[0] in GROUPES_IMPORTABLES


CHAMP_DE_COLONNE = {colonne: ".".join(chemin) for colonne, chemin in COLONNES_DES_FICHES if _importable(chemin)}
COLONNE_DE_CHAMP = {champ: colonne for colonne, champ in CHAMP_DE_COLONNE.items()}
CHAMPS_LISTES = ("partenaires", "sites")  # names joined by " | " in the export
COLONNE_DEPARTEMENT = "departement"
COLONNE_NOM_DEPARTEMENT = "departement_nom"
# Columns of the export that describe the entry, not the platform: the import's own
# source and date replace them. departement_nom is still checked (a shifted row).
COLONNES_INFORMATIVES = (
    COLONNE_NOM_DEPARTEMENT, "region", *(colonne for colonne, chemin in COLONNES_DES_FICHES if not _importable(chemin))
)
# What a mapping file may point a column at.
CIBLES = (COLONNE_DEPARTEMENT, COLONNE_NOM_DEPARTEMENT, *CHAMP_DE_COLONNE)

# YAML and the templates expect one line: line breaks (including Unicode ones) and the
# characters the YAML reader refuses are rejected in every cell.
_INTERDITS = re.compile("[\t\n\r\x85\u2028\u2029]|[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
DELIMITEURS = (",", ";", "\t")


@dataclass(frozen=True)
class Cellule:
    valeur: str | tuple[str, ...]
    ligne: int
    colonne: int
    nom: str  # the column (CSV) or key (JSON) as the file names it


@dataclass(frozen=True)
class Ligne:
    """What the list says about one département."""

    fichier: str
    ligne: int
    departement: str
    cellules: dict[str, Cellule]  # field path -> cell

    def probleme(self, champ: str | None, message: str) -> Probleme:
        cellule = self.cellules.get(champ) if champ else None
        if cellule is None:
            colonne = COLONNE_DE_CHAMP.get(champ, champ) if champ else "ligne"
            return Probleme(self.fichier, self.ligne, 1, self.departement, colonne, message)
        return Probleme(self.fichier, cellule.ligne, cellule.colonne, self.departement, cellule.nom, message)


def nom_affiche(path: Path) -> str:
    return str(path)  # as the person typed it


class ListeInvalide(DonneesInvalides):
    """Problems in the list; `lignes` holds its readable rows, whose values can still be checked."""

    def __init__(self, problemes: list[Probleme], lignes: list[Ligne] = ()):
        super().__init__(problemes)
        self.lignes = list(lignes)


def _echec(problemes: list[Probleme], lignes: list[Ligne] = ()) -> DonneesInvalides:
    problemes = sorted(problemes, key=lambda p: (p.ligne, p.colonne))
    if len(problemes) > PROBLEMES_MAX:
        reste = len(problemes) - PROBLEMES_MAX
        dernier = problemes[PROBLEMES_MAX - 1]
        problemes = problemes[:PROBLEMES_MAX] + [
            Probleme(dernier.fichier, dernier.ligne, dernier.colonne, "?", "fichier",
                     f"et {reste} autre(s) problème(s) : corriger d'abord ceux-ci")
        ]
    return ListeInvalide(problemes, lignes)


def _probleme_fichier(nom: str, message: str, ligne: int = 1, colonne: int = 1) -> DonneesInvalides:
    return DonneesInvalides([Probleme(nom, ligne, colonne, "?", "fichier", message)])


def lire_texte(path: Path, nom: str) -> str:
    """The file's text, refused when too big, not UTF-8 or binary. A byte order mark is dropped."""
    try:
        taille = path.stat().st_size
        if not path.is_file():
            raise _probleme_fichier(nom, "ce n'est pas un fichier")
        if taille > TAILLE_MAX:  # checked before reading anything
            raise _probleme_fichier(nom, f"fichier trop gros ({taille} octets, {TAILLE_MAX} au maximum)")
        brut = path.read_bytes()
    except FileNotFoundError:
        raise _probleme_fichier(nom, "fichier introuvable") from None
    except OSError as erreur:
        raise _probleme_fichier(nom, f"fichier illisible ({erreur.strerror})") from None
    if brut.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise _probleme_fichier(
            nom, "fichier en UTF-16 (« Texte Unicode ») : l'enregistrer en « CSV UTF-8 » ou en JSON UTF-8"
        )
    try:
        texte = brut.decode("utf-8")
    except UnicodeDecodeError as erreur:
        ligne = brut[: erreur.start].count(b"\n") + 1
        colonne = erreur.start - (brut.rfind(b"\n", 0, erreur.start) + 1) + 1
        raise _probleme_fichier(
            nom,
            "le fichier n'est pas en UTF-8 (sans doute l'ancien « CSV » d'Excel, en Windows-1252) : "
            "dans Excel, « Enregistrer sous » puis « CSV UTF-8 » ; dans LibreOffice, jeu de caractères « Unicode (UTF-8) »",
            ligne,
            colonne,
        ) from None
    if "\x00" in texte:
        ligne, colonne = ligne_colonne(texte, texte.index("\x00"))
        raise _probleme_fichier(nom, "caractère nul : ce n'est pas un fichier texte", ligne, colonne)
    texte = texte.removeprefix(BOM)
    if not texte.strip():
        raise _probleme_fichier(nom, "le fichier est vide")
    return texte


# --- Départements ---------------------------------------------------------------------------------


def _simplifie(texte: str) -> str:
    """Case, accents, hyphens and apostrophes ignored: "Côtes-d'Armor" == "cotes d armor"."""
    decompose = unicodedata.normalize("NFD", texte.casefold())
    sans_accents = "".join(c for c in decompose if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^0-9a-z]+", " ", sans_accents).split())


def _noms_de_departements() -> dict[str, str]:
    noms = {}
    for dep in referentiel.departements():
        for nom in (dep.nom, dep.avec_article):
            simple = _simplifie(nom)
            noms[simple] = dep.code
            # "Réunion" for "La Réunion": no two names differ by their article only.
            noms[re.sub(r"^(la|le|les|l) ", "", simple)] = dep.code
    return noms


MESSAGE_DEPARTEMENT = "écrire le code (« 01 » à « 95 », « 2A », « 2B », « 971 » à « 976 ») ou le nom"


def code_departement(texte: str) -> str:
    """The code of a département written as "01", "1" (a spreadsheet dropped the zero), "2a",
    "01 – Ain" or "Ain"; ValueError with a French message otherwise."""
    brut = texte.strip()
    code = brut.upper()
    if code.isdigit() and len(code) == 1:
        code = "0" + code
    if code in CODES_DEPARTEMENTS:
        return code
    if code == "20":
        raise ValueError("« 20 » ne désigne plus un département : écrire « 2A » (Corse-du-Sud) ou « 2B » (Haute-Corse)")
    noms = _noms_de_departements()
    simple = _simplifie(brut)
    if simple in noms:
        return noms[simple]
    # "01 – Ain", "2A - Corse-du-Sud": the code, then the name of that very département.
    debut, _, reste = simple.partition(" ")
    debut = debut.upper()
    if len(debut) == 1 and debut.isdigit():
        debut = "0" + debut
    if debut in CODES_DEPARTEMENTS and noms.get(reste) == debut:
        return debut
    raise ValueError(f"département inconnu « {brut[:40]} » : {MESSAGE_DEPARTEMENT}")


def departement_de_commune(code_insee: str | None, code_postal: str | None) -> str | None:
    """The département of a commune code, else of a postal code that serves one département only."""
    if code_insee:
        commune = _communes().get(code_insee)
        if commune is not None:
            return commune.departement
    if code_postal:
        departements = referentiel.departements_par_code_postal().get(code_postal, ())
        if len(departements) == 1:
            return departements[0]
    return None


def _communes() -> dict[str, referentiel.Commune]:
    global _COMMUNES
    if _COMMUNES is None:
        _COMMUNES = {c.code: c for c in referentiel.communes()}
    return _COMMUNES


_COMMUNES: dict[str, referentiel.Commune] | None = None


# --- Cells ----------------------------------------------------------------------------------------


def _nettoyer_cellule(brut: str, colonne: str) -> str:
    """The text of a spreadsheet cell, or ValueError.

    The export puts a quote before a value a spreadsheet would run as a formula, and
    before what would start one after a separator: they are removed. A cell that still starts like a formula did not come from the export and is
    refused, except a telephone number written "+33…".
    """
    correspondance = _INTERDITS.search(brut)
    if correspondance:
        caractere = correspondance.group()
        if caractere in "\n\r\x85\u2028\u2029":
            raise ValueError("retour à la ligne dans la cellule : écrire la valeur sur une seule ligne")
        if caractere == "\t":
            raise ValueError("tabulation dans la cellule : la remplacer par une espace")
        raise ValueError(f"caractère spécial interdit (U+{ord(caractere):04X}) : le supprimer")
    brut = retablir_formule(brut)  # the export's quotes after a ";" or a ","
    if brut.startswith("'") and brut[1:].startswith(DEBUTS_DE_FORMULE):
        return brut[1:].strip()
    valeur = brut.strip()
    if valeur.startswith(DEBUTS_DE_FORMULE) and not (
        colonne.endswith("telephone") and re.fullmatch(r"\+[0-9 .()-]+", valeur)
    ):
        raise ValueError(
            f"la cellule commence par « {valeur[0]} », comme une formule de tableur : si c'est bien du texte, "
            "la faire précéder d'une apostrophe « ' »"
        )
    return valeur


def _zero_perdu(colonne: str, valeur: str) -> str:
    """A spreadsheet reads "01000" as the number 1000: put back the zero of a 4-digit code."""
    if colonne.endswith(("code_postal", "code_insee")) and len(valeur) == 4 and valeur[0].isdigit():
        return "0" + valeur
    return valeur


def _liste(valeur: str, separateur: str) -> tuple[str, ...]:
    return tuple(nom.strip() for nom in valeur.split(separateur) if nom.strip())


# --- Mapping file ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Correspondance:
    """Another list's columns -> our columns (those of the site's CSV export)."""

    colonnes: dict[str, str]  # their column (as written) -> our column
    separateur_liste: str = SEPARATEUR_LISTE.strip()


def lire_correspondance(path: Path) -> Correspondance:
    nom = nom_affiche(path)
    texte = lire_texte(path, nom)
    document = analyser_yaml(texte, nom)
    donnees, positions = document.donnees, document.positions
    problemes: list[Probleme] = []

    def probleme(chemin: tuple, champ: str, message: str) -> None:
        ligne, colonne = positions.get(chemin, (1, 1))
        problemes.append(Probleme(nom, ligne, colonne, "?", champ, message))

    if not isinstance(donnees, dict) or not isinstance(donnees.get("colonnes"), dict):
        raise _probleme_fichier(
            nom, "la correspondance doit commencer par « colonnes: » suivi de lignes « Colonne de la liste: champ »"
        )
    for cle in donnees:
        if cle not in ("colonnes", "separateur_liste"):
            probleme((("cle", cle),), cle, "clé inconnue : seules « colonnes » et « separateur_liste » sont possibles")
    separateur = donnees.get("separateur_liste", SEPARATEUR_LISTE.strip())
    if not isinstance(separateur, str) or not separateur.strip() or len(separateur) > 5:
        probleme(("separateur_liste",), "separateur_liste", "écrire un séparateur court entre guillemets, par exemple « \";\" »")
        separateur = "|"
    colonnes: dict[str, str] = {}
    deja: dict[str, str] = {}
    for leur_colonne, cible in donnees["colonnes"].items():
        chemin = ("colonnes", leur_colonne)
        if not isinstance(cible, str) or cible not in CIBLES:
            probleme(chemin, leur_colonne, "champ inconnu : choisir parmi " + ", ".join(CIBLES))
            continue
        if cible in deja:
            probleme(chemin, leur_colonne, f"le champ {cible} est déjà donné par la colonne « {deja[cible]} »")
            continue
        deja[cible] = leur_colonne
        colonnes[leur_colonne] = cible
    if not problemes and not any(c in (COLONNE_DEPARTEMENT, "code_insee", "code_postal") for c in colonnes.values()):
        probleme(("colonnes",), "colonnes",
                 "aucune colonne ne donne le département : associer une colonne à departement (ou à code_insee, code_postal)")
    if problemes:
        raise _echec(problemes)
    return Correspondance(colonnes, separateur.strip() or separateur)


# --- CSV ---------------------------------------------------------------------------------------------


def _cle(colonne: str) -> str:
    return " ".join(unicodedata.normalize("NFC", colonne).split()).casefold()


def _choisir_delimiteur(texte: str, attendues: dict[str, str], nom: str) -> str:
    """The delimiter under which the header names the most expected columns.

    With a wrong delimiter the header is one long cell that names none, so the choice
    is unambiguous as soon as one column is recognised.
    """
    premiere = texte.splitlines()[0] if texte.splitlines() else ""
    scores = {}
    for delimiteur in DELIMITEURS:
        try:
            entete = next(csv.reader([premiere], delimiter=delimiteur), [])
        except csv.Error:
            continue
        scores[delimiteur] = sum(_cle(c) in attendues for c in entete)
    meilleur = max(scores, key=scores.get, default=",")
    if not scores or scores[meilleur] == 0:
        exemple = "departement" if len(attendues) > 2 else "la colonne du département"
        raise _probleme_fichier(
            nom,
            f"en-tête non reconnu : la première ligne doit nommer les colonnes (dont « {exemple} »), "
            "séparées par des virgules ou des points-virgules",
        )
    return meilleur


def _message_csv(erreur: csv.Error) -> str:
    texte = str(erreur)
    if "field larger than field limit" in texte:
        return "cellule trop longue"
    if "expected" in texte and "after" in texte or "quote" in texte:
        return "guillemet mal placé : une cellule qui contient un guillemet doit être entourée de guillemets et le doubler"
    return "ligne CSV illisible"


def lire_csv(texte: str, nom: str, correspondance: Correspondance | None = None) -> list[Ligne]:
    """One `Ligne` per département row of a CSV: the site's columns, or a list's through a mapping."""
    if correspondance is None:
        attendues = {_cle(c): c for c in COLONNES_CSV}
        separateur = SEPARATEUR_LISTE.strip()
    else:
        attendues = {_cle(c): cible for c, cible in correspondance.colonnes.items()}
        separateur = correspondance.separateur_liste
    delimiteur = _choisir_delimiteur(texte, attendues, nom)
    lecteur = csv.reader(io.StringIO(texte, newline=""), delimiter=delimiteur, strict=True)
    problemes: list[Probleme] = []
    lignes: list[Ligne] = []
    partielles: list[Ligne] = []
    try:
        entete = next(lecteur)
        cibles = _cibles_de_l_entete(entete, attendues, correspondance, nom, problemes)
        if problemes:
            raise _echec(problemes)
        premiere_ligne: dict[str, int] = {}
        precedente = lecteur.line_num
        for cellules in lecteur:
            if len(problemes) > PROBLEMES_MAX:
                break
            numero, precedente = precedente + 1, lecteur.line_num
            avant = len(problemes)
            ligne = _ligne_csv(cellules, numero, entete, cibles, separateur, nom, problemes)
            if ligne is None:
                continue
            if ligne.departement in premiere_ligne:
                problemes.append(ligne.probleme(
                    COLONNE_DEPARTEMENT, f"département en double (déjà à la ligne {premiere_ligne[ligne.departement]}) : "
                          "n'en garder qu'une ligne"))
                continue
            premiere_ligne[ligne.departement] = numero
            # A row with a bad cell is not imported, but its other cells are still checked.
            (lignes if len(problemes) == avant else partielles).append(ligne)
    except csv.Error as erreur:
        problemes.append(Probleme(nom, lecteur.line_num, 1, "?", "fichier", _message_csv(erreur)))
    if problemes:
        raise _echec(problemes, lignes + partielles)
    if not lignes:
        raise _probleme_fichier(nom, "aucune ligne de département sous l'en-tête")
    return lignes


def _cibles_de_l_entete(entete, attendues, correspondance, nom, problemes) -> list[str | None]:
    """For each column of the header, the column of ours it carries (None: ignored)."""
    cibles: list[str | None] = []
    vues: dict[str, int] = {}
    for index, colonne in enumerate(entete, start=1):
        cle = _cle(colonne)
        if not cle:
            cibles.append(None)  # a spreadsheet's trailing empty column
            continue
        if cle in vues:
            problemes.append(Probleme(nom, 1, index, "?", colonne, f"colonne en double (déjà en colonne {vues[cle]})"))
        vues[cle] = index
        cible = attendues.get(cle)
        if cible in COLONNES_INFORMATIVES and cible != COLONNE_NOM_DEPARTEMENT:
            cible = None  # known, but the command's --source and --date take their place
        elif cible is None and correspondance is None:
            problemes.append(Probleme(
                nom, 1, index, "?", colonne,
                "colonne inconnue : garder les colonnes de l'export plateformes.csv, "
                "ou décrire celles de cette liste dans un fichier --correspondance"))
        cibles.append(cible)
    if correspondance is not None:
        for leur_colonne in correspondance.colonnes:
            if _cle(leur_colonne) not in vues:
                problemes.append(Probleme(nom, 1, 1, "?", "fichier",
                                          f"colonne « {leur_colonne} » de la correspondance absente de l'en-tête"))
    if not problemes and not {COLONNE_DEPARTEMENT, "code_insee", "code_postal"} & set(cibles):
        problemes.append(Probleme(nom, 1, 1, "?", "fichier", "colonne « departement » absente de l'en-tête"))
    return cibles


def _ligne_csv(cellules, numero, entete, cibles, separateur, nom, problemes) -> Ligne | None:
    if not any(c.strip() for c in cellules):
        return None  # blank line, or a row of empty cells left by a spreadsheet
    en_trop = [i for i in range(len(cibles), len(cellules)) if cellules[i].strip()]
    valeurs: dict[str, Cellule] = {}
    a_signaler: list[tuple[int, str, str]] = []  # (column, name, message): the département is not known yet
    if en_trop:
        a_signaler.append((en_trop[0] + 1, "ligne",
                           (f"{len(cellules)} cellules pour {len(cibles)} colonnes : une valeur contient sans doute "
                           f"le séparateur sans être entre guillemets")))
    for index, cible in enumerate(cibles):
        if cible is None or index >= len(cellules):
            continue
        colonne = entete[index].strip()
        try:
            valeur = _nettoyer_cellule(cellules[index], cible)
        except ValueError as erreur:
            a_signaler.append((index + 1, colonne, str(erreur)))
            continue
        if not valeur:
            continue
        valeur = _zero_perdu(cible, valeur)
        contenu: str | tuple[str, ...] = _liste(valeur, separateur) if cible in CHAMPS_LISTES else valeur
        valeurs[cible] = Cellule(contenu, numero, index + 1, colonne)

    departement = "?"
    cellule_dep = valeurs.pop(COLONNE_DEPARTEMENT, None)
    try:
        if cellule_dep is not None:
            departement = code_departement(cellule_dep.valeur)
        else:
            code_insee, code_postal = (valeurs[c].valeur if c in valeurs else None for c in ("code_insee", "code_postal"))
            departement = departement_de_commune(code_insee, code_postal) or "?"
            if departement == "?":
                raise ValueError(f"département manquant : {MESSAGE_DEPARTEMENT}")
    except ValueError as erreur:
        colonne = cellule_dep.colonne if cellule_dep else 1
        a_signaler.append((colonne, cellule_dep.nom if cellule_dep else COLONNE_DEPARTEMENT, str(erreur)))
    nom_dep = valeurs.pop(COLONNE_NOM_DEPARTEMENT, None)
    if nom_dep is not None and departement != "?":
        attendu = referentiel.departement(departement)
        if _simplifie(nom_dep.valeur) not in (_simplifie(attendu.nom), _simplifie(attendu.avec_article)):
            a_signaler.append((nom_dep.colonne, nom_dep.nom,
                               (f"« {nom_dep.valeur[:40]} » n'est pas le nom du département {departement} "
                               f"({attendu.nom}) : la ligne a-t-elle été décalée ?")))
    for colonne, nom_colonne, message in a_signaler:
        problemes.append(Probleme(nom, numero, colonne, departement, nom_colonne, message))
    if departement == "?":
        return None
    return Ligne(nom, numero, departement, {CHAMP_DE_COLONNE[c]: cellule for c, cellule in valeurs.items()})


# --- data·inclusion v1 ---------------------------------------------------------------------------------

# data·inclusion keys -> our columns. A structure is the platform itself; its SIRET is the
# one of the organisation that runs it (as the site's own export writes it).
_LIEU_DATA_INCLUSION = (
    "adresse", "complement_adresse", "code_postal", "commune", "code_insee", "telephone", "courriel",
    "horaires_accueil",
)  # fmt: skip
COLONNES_STRUCTURE = {
    "nom": "nom",
    "siret": "structure_gestionnaire_siret",
    "site_web": "site_web",
    "accessibilite_lieu": "accessibilite_lieu",
    **{cle: cle for cle in _LIEU_DATA_INCLUSION},
}
COLONNES_SERVICE = {cle: cle for cle in _LIEU_DATA_INCLUSION}  # a service's name is not the platform's


class _CleEnDouble(ValueError):
    pass


def _sans_doublon(paires):
    objet = {}
    for cle, valeur in paires:
        if cle in objet:
            raise _CleEnDouble(cle)
        objet[cle] = valeur
    return objet


def _message_json(message: str) -> str:
    for anglais, francais in (
        ("Expecting ',' delimiter", "virgule manquante entre deux valeurs"),
        ("Expecting ':' delimiter", "deux-points « : » manquant après le nom du champ"),
        ("Expecting property name", "nom de champ à écrire entre guillemets doubles"),
        ("Unterminated string", "guillemet ouvert mais jamais fermé"),
        ("Invalid control character", "retour à la ligne ou caractère de contrôle dans un texte"),
        ("Expecting value", "valeur attendue (virgule en trop ?)"),
    ):
        if message.startswith(anglais):
            return f"syntaxe JSON invalide : {francais}"
    return "syntaxe JSON invalide"


def _enregistrements_json(texte: str, nom: str) -> list[tuple[object, int, int]]:
    """The items of the top-level JSON array, each with the line and column where it starts."""
    decodeur = json.JSONDecoder(object_pairs_hook=_sans_doublon)
    blancs = re.compile(r"\s*")
    position = blancs.match(texte, 0).end()
    if texte[position:position + 1] != "[":
        raise _probleme_fichier(nom, "le fichier doit être une liste JSON [ … ] d'enregistrements data·inclusion",
                                *ligne_colonne(texte, position))
    position = blancs.match(texte, position + 1).end()
    resultat = []
    try:
        while texte[position:position + 1] != "]":
            objet, fin = decodeur.raw_decode(texte, position)
            resultat.append((objet, *ligne_colonne(texte, position)))
            position = blancs.match(texte, fin).end()
            if texte[position:position + 1] == ",":
                position = blancs.match(texte, position + 1).end()
                if texte[position:position + 1] == "]":
                    raise json.JSONDecodeError("Expecting value", texte, position)
            elif texte[position:position + 1] != "]":
                raise json.JSONDecodeError("Expecting ',' delimiter", texte, position)
    except json.JSONDecodeError as erreur:
        raise _probleme_fichier(nom, _message_json(erreur.msg), erreur.lineno, erreur.colno) from None
    except _CleEnDouble as erreur:
        raise _probleme_fichier(nom, f"champ « {erreur} » écrit deux fois dans un enregistrement",
                                *ligne_colonne(texte, position)) from None
    except RecursionError:
        raise _probleme_fichier(nom, "JSON trop imbriqué", *ligne_colonne(texte, position)) from None
    if texte[position + 1:].strip():
        raise _probleme_fichier(nom, "texte après la fin de la liste JSON", *ligne_colonne(texte, position + 1))
    if not resultat:
        raise _probleme_fichier(nom, "la liste JSON est vide")
    return resultat


def _message_data_inclusion(detail: dict) -> str:
    cles = [p for p in detail["loc"] if isinstance(p, str)]
    if "courriel" in cles:
        return "adresse e-mail invalide : écrire par exemple « contact@exemple.fr »"
    if "zone_eligibilite" in cles:
        return "code inconnu : un code commune, département, EPCI, pays, ou « france »"
    return message_en_francais(detail)


def _departement_data_inclusion(objet: dict) -> str:
    """The one département a record is about: its zone_eligibilite, else its commune, else
    (in the site's own export only, where a structure may have no address) its identifier."""
    zone = set()
    codes = objet.get("zone_eligibilite")
    for code in codes if isinstance(codes, list) else ():
        code = str(code).upper()
        if code in CODES_DEPARTEMENTS:
            zone.add(code)
        elif code in _communes():
            zone.add(_communes()[code].departement)
    commune = departement_de_commune(objet.get("code_insee"), objet.get("code_postal"))
    if commune is None and objet.get("source") == SOURCE_DATA_INCLUSION:
        identifiant = str(objet.get("structure_id") or objet.get("id") or "")
        code = identifiant.removeprefix(SOURCE_DATA_INCLUSION + "--").partition("--")[0].upper()
        commune = code if code in CODES_DEPARTEMENTS else None
    if len(zone) == 1:
        return zone.pop()
    if commune and (not zone or commune in zone):
        return commune
    if len(zone) > 1:
        raise ValueError(
            f"zone_eligibilite couvre plusieurs départements ({', '.join(sorted(zone))}) et le code_insee ne "
            "permet pas de choisir : une plateforme est départementale"
        )
    raise ValueError("département introuvable : ni zone_eligibilite, ni code_insee, ni code_postal n'en désignent un seul")


def lire_data_inclusion(texte: str, nom: str) -> list[Ligne]:
    """One `Ligne` per record of a data·inclusion v1 structures.json or services.json,
    each validated by the schema's own models first."""
    from data_inclusion.schema.v1 import Service, Structure

    enregistrements = _enregistrements_json(texte, nom)
    services = all(isinstance(o, dict) and "structure_id" in o for o, _, _ in enregistrements)
    modele, colonnes = (Service, COLONNES_SERVICE) if services else (Structure, COLONNES_STRUCTURE)
    problemes: list[Probleme] = []
    lignes: list[Ligne] = []
    premiere_ligne: dict[str, int] = {}
    for objet, numero, colonne in enregistrements:
        if not isinstance(objet, dict):
            problemes.append(Probleme(nom, numero, colonne, "?", "enregistrement", "chaque enregistrement doit être un objet { … }"))
            continue
        try:
            departement = _departement_data_inclusion(objet)
        except ValueError as erreur:
            problemes.append(Probleme(nom, numero, colonne, "?", "departement", str(erreur)))
            departement = "?"
        try:
            modele.model_validate(objet)
        except ValidationError as erreur:
            vus = set()
            for detail in erreur.errors(include_url=False):
                champ = str(detail["loc"][0]) if detail["loc"] else "enregistrement"
                if champ not in vus:  # a union reports each of its members: keep one line
                    vus.add(champ)
                    problemes.append(Probleme(nom, numero, colonne, departement, champ,
                                              _message_data_inclusion(detail) + " (schéma data·inclusion v1)"))
            continue
        if departement == "?":
            continue
        if departement in premiere_ligne:
            problemes.append(Probleme(nom, numero, colonne, departement, "departement",
                                      f"département en double (déjà à la ligne {premiere_ligne[departement]}) : "
                                      "n'en garder qu'un enregistrement"))
            continue
        premiere_ligne[departement] = numero
        cellules = {}
        for cle, notre_colonne in colonnes.items():
            valeur = objet.get(cle)
            if valeur is None or not str(valeur).strip():
                continue
            valeur = str(valeur).strip()
            if _INTERDITS.search(valeur):
                problemes.append(Probleme(nom, numero, colonne, departement, cle,
                                          "retour à la ligne ou caractère spécial : écrire la valeur sur une seule ligne"))
                continue
            if cle == "nom" and (valeur == _nom_par_defaut(departement) or objet.get("source") == SOURCE_DATA_INCLUSION):
                # This site's export names a structure by the platform's name or, when the source gives
                # none, by the organisation that runs it (older exports: a name made up from the
                # département's): not read back as the platform's name.
                continue
            cellules[CHAMP_DE_COLONNE[notre_colonne]] = Cellule(valeur, numero, colonne, cle)
        lignes.append(Ligne(nom, numero, departement, cellules))
    if problemes:
        raise _echec(problemes, lignes)
    return lignes


def _nom_par_defaut(departement: str) -> str:
    from ..modele import Plateforme, StatutVerification

    vide = Plateforme.model_construct(departement=departement, nom=None, statut_verification=StatutVerification.A_COMPLETER)
    return vide.nom_affiche()


# --- Any list ------------------------------------------------------------------------------------------


def lire_liste(path: Path, correspondance: Path | None = None) -> list[Ligne]:
    """A CSV or a data·inclusion JSON, told apart by their content (a JSON list starts with "[")."""
    nom = nom_affiche(path)
    texte = lire_texte(path, nom)
    if texte.lstrip()[:1] in ("[", "{"):
        if correspondance is not None:
            raise _probleme_fichier(nom, "--correspondance ne sert qu'à un fichier CSV ; un JSON doit suivre data·inclusion v1")
        return lire_data_inclusion(texte, nom)
    return lire_csv(texte, nom, lire_correspondance(correspondance) if correspondance else None)
