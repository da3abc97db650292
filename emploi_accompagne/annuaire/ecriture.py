"""Changing fiches of `data/plateformes.yaml` without touching anything else in the file.

A proposal, or a bulk import, changes a few fields of a few fiches; the pull request
that carries it must show those lines and nothing else. So the file is never
re-serialised: the YAML parser gives the position of every field of the fiche, and
only the text of the fields that change is replaced, each new value written by a YAML
emitter (never by string concatenation), so a value can never add a key or a fiche.

Public API (stable: `from-issue` and the bulk import both use it)
----------------------------------------------------------------

`remplacer_fiche(texte, code, valeurs) -> str`
    The text of the file with the fiche of département `code` changed. `valeurs` maps
    top-level field names to their new value. Only those fields change:

    - a field already in the fiche: its value is replaced where it stands (its key, its
      position, the lines around it and a comment at the end of its last line are kept);
    - a field not yet in the fiche: inserted on a new line, after the last field that
      comes before it in `ORDRE_DES_CHAMPS` (so "confirmation" lands after "lien_source");
    - the value `None`: the field stays, empty (`telephone:`), as the file's blank
      fiches are written;
    - the value `SUPPRIMER`: the field's lines are removed.

    Values are what the model reads: `str`, `int`, `bool`, `datetime.date`, lists and
    dicts of them (nested `None` entries are left out). Every other byte of the file
    (other fiches, comments, blank lines, line endings) is unchanged. `departement`
    itself cannot be changed.

`remplacer_fiches(texte, modifications) -> str`
    The same for several fiches at once: `modifications` is `{code: valeurs}`.

`etendue_fiche(texte, code) -> (debut, fin)`
    Offsets of a fiche in the text: from the start of its "- departement" line to the
    end of its last line of content (blank lines and comments after it excluded).

`ecrire_atomiquement(path, texte)`
    Writes through a temporary file in the same folder, then renames it over `path`:
    a reader sees the old file or the new one, never half of one.

`EcritureImpossible` (a `ValueError`)
    Raised, with a one-line French message, when the change cannot be made safely:
    unknown or duplicated département, fiche not written as a block of `champ: valeur`
    lines, YAML anchors, or a result that does not read back as exactly the intended data
    (checked after every change). The text is then left as it was.

This module does not validate the data: the caller runs the loader
(`chargement.charger_plateformes_texte`) on the result before writing it.
"""
from __future__ import annotations

import datetime as dt
import itertools
import os
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml

# The order of the fields in a fiche (the one CONTRIBUTING.md shows): where a new field goes.
ORDRE_DES_CHAMPS: tuple[str, ...] = (
    "departement",
    "statut_verification",
    "date_maj",
    "nom",
    "telephone",
    "courriel",
    "site_web",
    "adresse",
    "complement_adresse",
    "code_postal",
    "commune",
    "code_insee",
    "horaires_accueil",
    "accessibilite_lieu",
    "lien_source",
    "confirmation",
    "structure_gestionnaire",
    "partenaires",
    "sites",
    "remarques",
)


class _Supprimer:
    def __repr__(self) -> str:
        return "SUPPRIMER"


SUPPRIMER: Any = _Supprimer()


class EcritureImpossible(ValueError):
    """The change cannot be made without risk; the message is one French line."""


# --- emitting values -------------------------------------------------------------------------


class _Emetteur(yaml.SafeDumper):
    """PyYAML's safe dumper, in the file's style: lists indented under their key,
    double quotes when a value needs quoting (never single quotes), no line folding."""

    def increase_indent(self, flow: bool = False, indentless: bool = False):
        return super().increase_indent(flow, False)

    def choose_scalar_style(self):
        style = super().choose_scalar_style()
        return '"' if style == "'" else style


def _sans_vides(valeur: Any) -> Any:
    if isinstance(valeur, Mapping):
        return {str(k): _sans_vides(v) for k, v in valeur.items() if v is not None}
    if isinstance(valeur, (list, tuple)):
        return [_sans_vides(v) for v in valeur]
    if valeur is None or isinstance(valeur, (str, bool, int, float, dt.date)):
        return valeur
    raise EcritureImpossible(f"valeur impossible à écrire en YAML : {type(valeur).__name__}")


def _yaml_du_champ(champ: str, valeur: Any, colonne: int, fin_de_ligne: str) -> str:
    """`champ: valeur` as YAML, its continuation lines indented to `colonne`, no final newline."""
    if valeur is None:
        return f"{champ}:"
    texte = yaml.dump(
        {champ: _sans_vides(valeur)},
        Dumper=_Emetteur,
        allow_unicode=True,
        sort_keys=False,
        default_flow_style=False,
        width=1_000_000,
        indent=2,
    )
    lignes = texte.rstrip("\n").split("\n")
    if lignes[-1].strip() == "...":  # a lone top-level scalar never happens here, but be strict
        lignes.pop()
    decalage = " " * colonne
    return fin_de_ligne.join([lignes[0], *(decalage + ligne if ligne else ligne for ligne in lignes[1:])])


# --- reading the positions --------------------------------------------------------------------


# libyaml when it is there (ten times faster); both give marks as character offsets into the text.
_LECTEUR = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_LECTEUR_TEXTE = getattr(yaml, "CBaseLoader", yaml.BaseLoader)


def _composer(texte: str) -> yaml.Node:
    try:
        for evenement in yaml.parse(texte, Loader=_LECTEUR):
            if isinstance(evenement, yaml.AliasEvent) or getattr(evenement, "anchor", None):
                raise EcritureImpossible("le fichier contient des ancres ou alias YAML (& et *) : les retirer d'abord")
        racine = yaml.compose(texte, Loader=_LECTEUR)
    except yaml.YAMLError as erreur:
        raise EcritureImpossible(f"le fichier n'est pas un YAML lisible ({' '.join(str(erreur).split())})") from None
    if not isinstance(racine, yaml.SequenceNode):
        raise EcritureImpossible("le fichier doit être une liste de fiches, chacune commençant par « - departement: »")
    return racine


def _code(fiche: yaml.Node) -> str | None:
    if not isinstance(fiche, yaml.MappingNode):
        return None
    for cle, valeur in fiche.value:
        if isinstance(cle, yaml.ScalarNode) and cle.value == "departement" and isinstance(valeur, yaml.ScalarNode):
            return valeur.value
    return None


def _fiches_par_code(racine: yaml.SequenceNode) -> dict[str, yaml.MappingNode]:
    fiches: dict[str, yaml.MappingNode] = {}
    for fiche in racine.value:
        code = _code(fiche)
        if code is None:
            continue
        if code in fiches:
            raise EcritureImpossible(f"le département {code} a deux fiches : les fusionner d'abord")
        fiches[code] = fiche
    return fiches


def _fin(texte: str, noeud: yaml.Node) -> int:
    """Offset just after the last character of a node's content."""
    if isinstance(noeud, yaml.ScalarNode) or getattr(noeud, "flow_style", False):
        debut, fin = noeud.start_mark.index, noeud.end_mark.index
        return debut + len(texte[debut:fin].rstrip())  # a block scalar's end includes its newlines
    enfants = [n for paire in noeud.value for n in paire] if isinstance(noeud, yaml.MappingNode) else noeud.value
    return max((_fin(texte, n) for n in enfants), default=noeud.start_mark.index)


def _debut_de_ligne(texte: str, position: int) -> int:
    return max(texte.rfind("\n", 0, position), texte.rfind("\r", 0, position)) + 1


def _fin_de_ligne(texte: str, position: int) -> int:
    """Offset just after the line break that ends the line of `position` (or the text's end)."""
    for i in range(position, len(texte)):
        if texte[i] == "\n":
            return i + 1
        if texte[i] == "\r":
            return i + 2 if texte[i + 1 : i + 2] == "\n" else i + 1
    return len(texte)


def _saut_de_ligne(texte: str) -> str:
    i = texte.find("\n")
    return "\r\n" if i > 0 and texte[i - 1] == "\r" else "\n"


def etendue_fiche(texte: str, code: str) -> tuple[int, int]:
    fiche = _fiche(_composer(texte), code)
    return _debut_de_ligne(texte, fiche.start_mark.index), _fin(texte, fiche)


def _fiche(racine: yaml.SequenceNode, code: str) -> yaml.MappingNode:
    fiches = _fiches_par_code(racine)
    if code not in fiches:
        raise EcritureImpossible(f"aucune fiche pour le département {code} dans le fichier")
    fiche = fiches[code]
    if fiche.flow_style:
        raise EcritureImpossible(f"la fiche {code} est écrite sur une ligne {{…}} : l'écrire champ par champ d'abord")
    return fiche


# --- the change -------------------------------------------------------------------------------


def _rang(champ: str) -> int:
    return ORDRE_DES_CHAMPS.index(champ) if champ in ORDRE_DES_CHAMPS else len(ORDRE_DES_CHAMPS)


def _remplacements(texte: str, code: str, fiche: yaml.MappingNode, valeurs: Mapping[str, Any]) -> list[tuple[int, int, str]]:
    """(start, end, new text) of every edit in one fiche; spans never overlap."""
    saut = _saut_de_ligne(texte)
    paires: dict[str, tuple[yaml.ScalarNode, yaml.Node]] = {}
    for cle, valeur in fiche.value:
        if not isinstance(cle, yaml.ScalarNode):
            raise EcritureImpossible(f"fiche {code} : un nom de champ n'est pas un simple texte")
        if cle.value in paires:
            raise EcritureImpossible(f"fiche {code} : le champ {cle.value} est écrit deux fois, n'en garder qu'un")
        paires[cle.value] = (cle, valeur)
    colonne = next(iter(paires.values()))[0].start_mark.column
    editions: list[tuple[int, int, str]] = []
    insertions: dict[int, list[tuple[int, str]]] = {}  # offset -> [(rank, text)]
    for champ, valeur in valeurs.items():
        if champ == "departement":
            raise EcritureImpossible("le code du département d'une fiche ne se change pas")
        if not isinstance(champ, str) or not champ.isidentifier():
            raise EcritureImpossible(f"nom de champ invalide : {champ!r}")
        if champ in paires:
            cle, noeud = paires[champ]
            debut, fin = cle.start_mark.index, _fin(texte, noeud)
            if valeur is SUPPRIMER:
                if texte[_debut_de_ligne(texte, debut) : debut].strip():
                    raise EcritureImpossible(f"fiche {code} : le champ {champ} partage sa ligne avec « - », le retirer à la main")
                editions.append((_debut_de_ligne(texte, debut), _fin_de_ligne(texte, fin), ""))
            else:
                editions.append((debut, fin, _yaml_du_champ(champ, valeur, colonne, saut)))
        elif valeur is not SUPPRIMER:
            # after the present field that comes last, in the usual order, before the new one
            avant = max((c for c in paires if _rang(c) <= _rang(champ)), key=_rang, default=next(iter(paires)))
            cle, noeud = paires[avant]
            position = _fin_de_ligne(texte, _fin(texte, noeud))
            prefixe = "" if position and texte[position - 1] in "\r\n" else saut
            ligne = prefixe + " " * colonne + _yaml_du_champ(champ, valeur, colonne, saut) + saut
            insertions.setdefault(position, []).append((_rang(champ), ligne))
    for position, lignes in insertions.items():
        editions.append((position, position, "".join(t for _, t in sorted(lignes, key=lambda x: x[0]))))
    return editions


def _vue_texte(valeur: Any) -> Any:
    """A value as the site's loader would read it back: every scalar as text."""
    if valeur is None:
        return ""
    return yaml.load(yaml.dump(_sans_vides(valeur), Dumper=_Emetteur, allow_unicode=True), Loader=_LECTEUR_TEXTE)


def remplacer_fiches(texte: str, modifications: Mapping[str, Mapping[str, Any]]) -> str:
    if not modifications:
        return texte
    racine = _composer(texte)
    editions: list[tuple[int, int, str]] = []
    for code, valeurs in modifications.items():
        editions.extend(_remplacements(texte, code, _fiche(racine, code), valeurs))
    editions.sort(key=lambda e: (e[0], e[1]))
    for (_, fin_a, _), (debut_b, _, _) in itertools.pairwise(editions):
        if debut_b < fin_a:
            raise EcritureImpossible("deux modifications portent sur les mêmes lignes")
    nouveau = texte
    for debut, fin, remplacement in reversed(editions):
        nouveau = nouveau[:debut] + remplacement + nouveau[fin:]
    _verifier(texte, nouveau, modifications)
    return nouveau


def remplacer_fiche(texte: str, code: str, valeurs: Mapping[str, Any]) -> str:
    return remplacer_fiches(texte, {code: valeurs})


def _verifier(ancien: str, nouveau: str, modifications: Mapping[str, Mapping[str, Any]]) -> None:
    """The new text must read back as the old data with exactly the intended changes."""
    try:
        avant = yaml.load(ancien, Loader=_LECTEUR_TEXTE)
        apres = yaml.load(nouveau, Loader=_LECTEUR_TEXTE)
    except yaml.YAMLError:
        raise EcritureImpossible("le fichier modifié ne se relit pas : modification annulée") from None
    attendu = []
    for fiche in avant:
        code = fiche.get("departement") if isinstance(fiche, dict) else None
        if code in modifications:
            fiche = dict(fiche)
            for champ, valeur in modifications[code].items():
                if valeur is SUPPRIMER:
                    fiche.pop(champ, None)
                else:
                    fiche[champ] = _vue_texte(valeur)
        attendu.append(fiche)
    if apres != attendu:
        raise EcritureImpossible("le fichier modifié ne contient pas exactement les valeurs prévues : modification annulée")


def ecrire_atomiquement(path: Path, texte: str) -> None:
    path = Path(path)
    descripteur, temporaire = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(descripteur, "w", encoding="utf-8", newline="") as fichier:
            fichier.write(texte)
            fichier.flush()
            os.fsync(fichier.fileno())
        if path.exists():
            os.chmod(temporaire, path.stat().st_mode & 0o777)
        os.replace(temporaire, path)
    except BaseException:
        Path(temporaire).unlink(missing_ok=True)
        raise
