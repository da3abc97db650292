"""The finder's data: small JSON files that the page fetches only when the reader types.

One field answers a commune name, a postal code or a département (number or name).
The data is split so that one query fetches at most two files, both small:

- `index/departements.json`, always needed: the 101 départements and the list of the
  other files (so the script never asks for a file that does not exist);
- one of
  - `index/cp/<2 first digits>.json`: the postal codes starting with those digits, each
    with its département(s) and communes;
  - `index/c/<key>.json`: the communes whose normalised name starts with <key>. Keys
    are the first two letters, longer where two letters would make a file too big
    (the many "saint…" communes): a file is split by one more letter until it fits
    the byte budget. The keys form a prefix-free set (the leaves of a trie), so one
    query has at most one file.

`chercher()` is the lookup, written once here and mirrored line for line in
`docs/assets/trouver.js`; the tests run it on every postal code and every commune,
on the generated files themselves.

When a name of five letters or more finds nothing, a second look tolerates one wrong
letter (missing, extra, changed, or two neighbours swapped) after the first two letters
("Roubais" finds Roubaix). It reads the query's own file and at most two other files
that a one-letter change would lead to: no new file, and only after a miss.
"""
from __future__ import annotations

import bisect
import gzip
import json
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache, lru_cache

from .. import referentiel
from ..paths import DATA
from . import chemins

DOSSIER_INDEX = "index"
FICHIER_DEPARTEMENTS = f"{DOSSIER_INDEX}/departements.json"
LONGUEUR_CLE_MIN = 2
LONGUEUR_CLE_MAX = 12
# A commune file is split while its gzip size is above this; the always-needed file
# (a few KB) plus one commune file then stays far below the 30 KB per query.
BUDGET_FICHIER_GZIP = 18_000
FORMAT_VERSION = 1
# Typo tolerance: from this many characters, in at most this many commune files.
LONGUEUR_MIN_FAUTE = 5
FICHIERS_PROCHES_MAX = 3
# Letters a one-letter change may bring into a normalised name.
_ALPHABET = "abcdefghijklmnopqrstuvwxyz "

_PAS_LETTRE_NI_CHIFFRE = re.compile(r"[^a-z0-9]+")
# The combining diacritical marks that NFD splits off French letters (é -> e + U+0301).
_DIACRITIQUES = re.compile("[\u0300-\u036f]")
# "saint"/"sainte" and "st"/"ste" are the same words for the reader: both sides are
# written "saint"/"sainte" (whole words only: "stains" stays "stains").
_ABREVIATIONS = ((re.compile(r"\bste\b"), "sainte"), (re.compile(r"\bst\b"), "saint"))


@cache
def normaliser(texte: str) -> str:
    """Lower case, no accents, any punctuation as one space, "st"/"ste" written in full."""
    texte = texte.lower().replace("œ", "oe").replace("æ", "ae")
    texte = _DIACRITIQUES.sub("", unicodedata.normalize("NFD", texte))
    texte = _PAS_LETTRE_NI_CHIFFRE.sub(" ", texte).strip()
    for motif, complet in _ABREVIATIONS:
        texte = motif.sub(complet, texte)
    return texte


def cle_commune(nom_normalise: str, longueur: int) -> str:
    """The file key of a name at a given depth; short names are padded with spaces."""
    return nom_normalise.ljust(longueur)[:longueur]


def nom_de_fichier(cle: str) -> str:
    """Keys hold letters, digits and spaces; spaces become underscores in file names."""
    return cle.replace(" ", "_")


def chemin_commune(cle: str) -> str:
    return f"{DOSSIER_INDEX}/c/{nom_de_fichier(cle)}.json"


def chemin_code_postal(prefixe: str) -> str:
    return f"{DOSSIER_INDEX}/cp/{prefixe}.json"


# --- Building the files -------------------------------------------------------------------


def _json_compact(valeur) -> str:
    return json.dumps(valeur, ensure_ascii=False, separators=(",", ":"))


def taille_gzip(texte: str) -> int:
    # Level 6: what web servers usually use; mtime=0: the same bytes every time.
    return len(gzip.compress(texte.encode("utf-8"), compresslevel=6, mtime=0))


def _ligne_commune(commune: referentiel.Commune) -> list:
    return [commune.nom, commune.departement, list(commune.codes_postaux)]


def _decouper(communes: list[tuple[str, list]], longueur: int) -> dict[str, list[tuple[str, list]]]:
    """Group (normalised name, row) pairs by key, splitting groups over the byte budget."""
    groupes: dict[str, list[tuple[str, list]]] = {}
    for nom_normalise, ligne in communes:
        groupes.setdefault(cle_commune(nom_normalise, longueur), []).append((nom_normalise, ligne))
    feuilles: dict[str, list[tuple[str, list]]] = {}
    for cle, groupe in groupes.items():
        texte = _json_compact([ligne for _, ligne in groupe])
        # gzip never grows JSON this size: compress only what might be over the budget.
        trop_gros = len(texte.encode("utf-8")) > BUDGET_FICHIER_GZIP and taille_gzip(texte) > BUDGET_FICHIER_GZIP
        if trop_gros and longueur < LONGUEUR_CLE_MAX:
            feuilles.update(_decouper(groupe, longueur + 1))
        else:
            feuilles[cle] = groupe
    return feuilles


def fichiers_communes(communes: Iterable[referentiel.Commune]) -> dict[str, list]:
    """Key -> rows [name, département, postal codes], sorted by normalised name."""
    paires = sorted(
        ((normaliser(c.nom), _ligne_commune(c)) for c in communes),
        key=lambda paire: (paire[0], referentiel.cle_ordre_officiel(paire[1][1]), paire[1][0]),
    )
    feuilles = _decouper(paires, LONGUEUR_CLE_MIN)
    return {cle: [ligne for _, ligne in feuilles[cle]] for cle in sorted(feuilles)}


def fichiers_codes_postaux(communes: Iterable[referentiel.Commune]) -> dict[str, dict]:
    """2-digit prefix -> {postal code: [[département, [commune names]], …]}."""
    par_code: dict[str, dict[str, list[str]]] = {}
    for commune in communes:
        for code_postal in commune.codes_postaux:
            par_code.setdefault(code_postal, {}).setdefault(commune.departement, []).append(commune.nom)
    fichiers: dict[str, dict] = {}
    for code_postal in sorted(par_code):
        departements = par_code[code_postal]
        fichiers.setdefault(code_postal[:2], {})[code_postal] = [
            [code, sorted(departements[code])] for code in sorted(departements, key=referentiel.cle_ordre_officiel)
        ]
    return fichiers


def fichiers_index(
    departements: Iterable[referentiel.Departement], communes: Iterable[referentiel.Commune]
) -> dict[str, str]:
    """Relative path -> JSON text of every file of the finder's index."""
    communes = list(communes)
    par_cle = fichiers_communes(communes)
    par_prefixe = fichiers_codes_postaux(communes)
    resume = {
        "v": FORMAT_VERSION,
        # [code, name, page of the département as the finder's page links to it]
        "d": [[dep.code, dep.nom, chemins.url_relative(chemins.PAGE_TROUVER, chemins.chemin_page(dep.code))]
              for dep in departements],
        "c": list(par_cle),
        "cp": list(par_prefixe),
    }
    fichiers = {FICHIER_DEPARTEMENTS: _json_compact(resume)}
    fichiers.update({chemin_commune(cle): _json_compact(lignes) for cle, lignes in par_cle.items()})
    fichiers.update({chemin_code_postal(p): _json_compact(codes) for p, codes in par_prefixe.items()})
    return fichiers


# --- The index, derived once and committed -----------------------------------------------------

# Computing the index from 34,875 communes takes about a second, and it changes only with
# the reference data: it is derived by `make referentiel` (or `python -m emploi_accompagne
# index-trouver`) into this file, one index file per line ("path<TAB>JSON"), and a test
# fails when the file no longer matches what the code and the reference data give.
FICHIER_INDEX_DERIVE = DATA / "trouver-index.tsv"


def texte_index_derive() -> str:
    fichiers = fichiers_index(referentiel.departements(), referentiel.communes())
    return "".join(f"{chemin}\t{texte}\n" for chemin, texte in fichiers.items())


@lru_cache(maxsize=1)
def index_du_moteur(chemin=FICHIER_INDEX_DERIVE) -> dict[str, str]:
    """Relative path -> JSON text of every file of the finder's index, as derived."""
    lignes = chemin.read_text(encoding="utf-8").splitlines()
    return dict(ligne.split("\t", 1) for ligne in lignes)


# --- The lookup (mirrored in docs/assets/trouver.js) ----------------------------------------


@dataclass(frozen=True)
class Resultat:
    genre: str  # "departement", "commune" or "code-postal"
    libelle: str  # what the reader sees, e.g. "Villeurbanne (69100)"
    departement: str  # code of the département whose page the result opens


@dataclass
class Reponse:
    resultats: list[Resultat] = field(default_factory=list)
    # True when more communes start with the query than one file holds: type more letters.
    plus_de_lettres: bool = False
    # True when nothing was written this way and the results are names one letter away.
    proches: bool = False


def libelle_commune(nom: str, codes_postaux: list[str]) -> str:
    if not codes_postaux:
        return nom
    if len(codes_postaux) == 1:
        return f"{nom} ({codes_postaux[0]})"
    return f"{nom} ({codes_postaux[0]} à {codes_postaux[-1]})"


def libelle_code_postal(code_postal: str, noms: list[str]) -> str:
    visibles = ", ".join(noms[:3])
    return f"{code_postal} {visibles}{', …' if len(noms) > 3 else ''}"


@cache
def _mots_du_nom(nom: str) -> tuple[str, tuple[str, ...]]:
    """The normalised name and its words of three letters or more."""
    nom_normalise = normaliser(nom)
    return nom_normalise, tuple(mot for mot in nom_normalise.split(" ") if len(mot) >= 3)


def _departements_trouves(requete: str, departements: list[list[str]]) -> list[Resultat]:
    trouves = []
    for code, nom, _page in departements:
        nom_normalise, mots = _mots_du_nom(nom)
        par_code = requete == code.lower() or (len(requete) == 1 and requete.isdigit() and "0" + requete == code)
        # The name, or any word of three letters or more: "savoie" finds Savoie and Haute-Savoie.
        par_nom = len(requete) >= 2 and (
            nom_normalise.startswith(requete) or any(mot.startswith(requete) for mot in mots)
        )
        if par_code or par_nom:
            trouves.append(Resultat("departement", f"{nom} ({code})", code))
    return trouves


def _fichier_de_communes(requete: str, cles: list[str]) -> str | None:
    """The one key whose file holds the names starting with the query (None if several or none)."""
    for cle in cles:
        if cle_commune(requete, len(cle)) == cle:
            return cle
    return None


_noms_des_fichiers: dict[int, tuple[list, list[str]]] = {}


def _noms_normalises(lignes: list[list]) -> list[str]:
    """Normalised names of one commune file, computed once per loaded file."""
    deja = _noms_des_fichiers.get(id(lignes))
    if deja is None or deja[0] is not lignes:
        deja = (lignes, [normaliser(ligne[0]) for ligne in lignes])
        _noms_des_fichiers[id(lignes)] = deja
    return deja[1]


def _communes_trouvees(requete: str, lignes: list[list]) -> list[Resultat]:
    noms = _noms_normalises(lignes)
    debut = bisect.bisect_left(noms, requete)
    trouvees = []
    for index in range(debut, len(lignes)):
        if not noms[index].startswith(requete):
            break
        nom, departement, codes_postaux = lignes[index]
        trouvees.append((noms[index] != requete, Resultat("commune", libelle_commune(nom, codes_postaux), departement)))
    # Exact names first (e.g. "Lyon" before "Lyons-la-Forêt"); the rest keep their order.
    return [resultat for _, resultat in sorted(trouvees, key=lambda paire: paire[0])]


def _codes_postaux_trouves(requete: str, codes: dict[str, list]) -> list[Resultat]:
    trouves = []
    for code_postal, departements in codes.items():
        if code_postal.startswith(requete):
            for departement, noms in departements:
                trouves.append(Resultat("code-postal", libelle_code_postal(code_postal, noms), departement))
    return trouves


def une_lettre_pres(requete: str, nom: str) -> bool:
    """One letter missing, extra or changed, or two neighbours swapped (not the same text)."""
    if requete == nom or abs(len(requete) - len(nom)) > 1:
        return False
    i = 0
    while i < len(requete) and i < len(nom) and requete[i] == nom[i]:
        i += 1
    if len(requete) == len(nom):
        echange = i + 1 < len(nom) and requete[i] == nom[i + 1] and requete[i + 1] == nom[i]
        return requete[i + 1:] == nom[i + 1:] or (echange and requete[i + 2:] == nom[i + 2:])
    if len(requete) > len(nom):
        return requete[i + 1:] == nom[i:]
    return requete[i:] == nom[i + 1:]


def _variantes(requete: str, position: int) -> list[str]:
    """The texts one change at `position` makes of the query, as the files know letters."""
    avant, apres = requete[:position], requete[position:]
    variantes = []
    if apres:
        variantes.append(avant + apres[1:])
        if len(apres) > 1:
            variantes.append(avant + apres[1] + apres[0] + apres[2:])
        variantes += [avant + lettre + apres[1:] for lettre in _ALPHABET]
    variantes += [avant + lettre + apres for lettre in _ALPHABET]
    return variantes


def _fichiers_proches(requete: str, cles: list[str]) -> list[str]:
    """The files where a name one letter away may be: the query's own, then the longest keys a
    change leads to (a long key is a crowded prefix, "saint m"), latest change first."""
    connues = set(cles)
    propre = _fichier_de_communes(requete, cles)
    autres: list[str] = []
    for position in range(min(len(requete), LONGUEUR_CLE_MAX), LONGUEUR_CLE_MIN - 1, -1):
        for texte in _variantes(requete, position):
            for longueur in range(LONGUEUR_CLE_MIN, LONGUEUR_CLE_MAX + 1):
                cle = cle_commune(texte, longueur)
                if cle in connues:
                    if cle != propre and cle not in autres:
                        autres.append(cle)
                    break
    autres.sort(key=len, reverse=True)  # stable: the latest change first among equals
    return ([propre] if propre is not None else []) + autres[: FICHIERS_PROCHES_MAX - (propre is not None)]


def _proches(requete: str, departements: list[list[str]], fichiers: list[list[list]]) -> list[Resultat]:
    """Départements, then communes, whose name is one letter away from the query."""
    trouves = [
        Resultat("departement", f"{nom} ({code})", code)
        for code, nom, _page in departements
        if une_lettre_pres(requete, normaliser(nom))
    ]
    for lignes in fichiers:
        for nom_normalise, (nom, departement, codes_postaux) in zip(_noms_normalises(lignes), lignes):
            if len(nom_normalise) >= LONGUEUR_MIN_FAUTE and une_lettre_pres(requete, nom_normalise):
                trouves.append(Resultat("commune", libelle_commune(nom, codes_postaux), departement))
    return trouves


def chercher(texte: str, lire: Callable[[str], object]) -> Reponse:
    """Answer one query; `lire(path)` returns the parsed JSON of one index file."""
    requete = normaliser(texte)
    reponse = Reponse()
    if not requete:
        return reponse
    resume = lire(FICHIER_DEPARTEMENTS)
    reponse.resultats += _departements_trouves(requete, resume["d"])
    if requete.isdigit():
        if len(requete) >= 2 and requete[:2] in resume["cp"]:
            reponse.resultats += _codes_postaux_trouves(requete, lire(chemin_code_postal(requete[:2])))
        return reponse
    cle = _fichier_de_communes(requete, resume["c"])
    if cle is not None:
        reponse.resultats += _communes_trouvees(requete, lire(chemin_commune(cle)))
    reponse.plus_de_lettres = any(c.startswith(requete) and c != cle_commune(requete, len(c)) for c in resume["c"])
    if not reponse.resultats and not reponse.plus_de_lettres and len(requete) >= LONGUEUR_MIN_FAUTE:
        fichiers = [lire(chemin_commune(c)) for c in _fichiers_proches(requete, resume["c"])]
        reponse.resultats = _proches(requete, resume["d"], fichiers)
        reponse.proches = bool(reponse.resultats)
    return reponse
