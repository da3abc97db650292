"""A proposal of a fiche, read from its text and applied to `data/plateformes.yaml`.

A proposal is the text of a GitHub issue opened with the form "Proposer une fiche", or the
text of an e-mail sent by the site's form: "### <libellé>", a blank line, the value
(`_No response_` when empty) on GitHub; "<libellé> :" then the value (« (pas de réponse) »
when empty) in the form's e-mail, plain French; for the fields of `formulaire.CHAMPS`. It starts with its first
heading (the issue form writes nothing before it); what follows an e-mail signature line
("-- ") is ignored.

The text is untrusted: anyone can open an issue. So it is read strictly (known headings
only, each once, one département, bounded size, no markup, no control characters, no
YAML-looking lines, no `${{`), every value goes through the model, the new file is written
by `ecriture` (a YAML emitter, one fiche changed) and validated whole by the loader before
anything is written. A refusal names the heading and what is wrong, never echoes the value.

What a maintainer checks is what GitHub shows: a text that GitHub would not display (an HTML
comment, a link reference definition, a tag, text before the first heading) is refused, since
the headings it hides would otherwise be read.

Publishing rule: a value is published only if a public page backs it (the source is an
https:// address: `lien_source`, status `source-publique`) or if a maintainer has confirmed
it with the platform itself and says how (block `confirmation`, status `confirme`). The
confirmation names the values it is for by their digest (`empreinte`: what `from-issue`
shows, in the form people read them, while the proposal waits for it): it applies only as
long as the proposal gives those same values. The maintainer's name goes in the pull request,
never in the data.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import sys
import traceback
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import Any

import phonenumbers
from pydantic import TypeAdapter, ValidationError

from .. import referentiel
from .chargement import DonneesInvalides, charger_plateformes_texte
from .coordonnees import telephone_affiche
from .ecriture import ORDRE_DES_CHAMPS, EcritureImpossible, remplacer_fiche
from .erreurs import message_en_francais
from .formulaire import (
    CHAMPS,
    SANS_REPONSE,
    SANS_REPONSE_COURRIEL,
    SOURCE_PLATEFORME,
    SOURCE_SANS_PAGE,
    ChampProposition,
)
from .modele import (
    CODES_DEPARTEMENTS,
    CONTEXT_DEPARTEMENT,
    Confirmation,
    Horaires,
    Plateforme,
    Site,
    StatutVerification,
    Structure,
    chercher_telephone,
    sans_guillemets,
)

# A GitHub issue body holds at most 65 536 characters; an e-mail adds a little around it.
TAILLE_MAX_OCTETS = 200_000
LIGNES_MAX = 50  # entries of a list field (the model's limit)
SIGNATURE = ("--", "-- ")  # an e-mail signature starts after this line

_horaires_osm = TypeAdapter(Horaires)

# Every field name of the model: a line starting with one of them and ":" is YAML, not a value.
_NOMS_DU_MODELE = frozenset(
    {*Plateforme.model_fields, *Site.model_fields, *Structure.model_fields, *Confirmation.model_fields}
)
_LIGNE_YAML = re.compile(r"^\s*(?:-\s+)?(?P<cle>[A-Za-z_][A-Za-z0-9_]*)\s*:(?:\s|$)")
_BALISE = re.compile(r"<\s*[A-Za-z/!?]")
_LIBELLE_MESSAGE = next(c.libelle for c in CHAMPS if c.id == "remarques")
_CODE_DEPARTEMENT = re.compile(r"(?<![0-9A-Za-z])(\d{1,3}|2[AaBb])(?![0-9A-Za-z])")


class PropositionRefusee(Exception):
    """Nothing is written; `problemes` are one French line each, `explication` says what to do."""

    def __init__(self, problemes: list[str], explication: str = ""):
        self.problemes = problemes
        self.explication = explication
        super().__init__("\n".join(problemes))


class AucunChangement(Exception):
    """The proposal says what the fiche already says: nothing to write."""


@dataclass(frozen=True)
class Bloc:
    champ: ChampProposition
    ligne: int  # line of the value (of the heading when the value is empty), from 1
    lignes: tuple[tuple[int, str], ...]  # (line number, text) of each non-empty line of the value

    @property
    def valeur(self) -> str:
        return "\n".join(texte for _, texte in self.lignes)


@dataclass
class Changement:
    champ: str  # field of the fiche
    libelle: str
    avant: Any
    apres: Any


@dataclass
class Resultat:
    code: str
    texte: str  # the whole new file
    changements: list[Changement]
    a_faire: list[str]
    resume: str  # Markdown: the pull request's body
    informations: list[str] = field(default_factory=list)


# --- reading the blocks -----------------------------------------------------------------------


def _cle(texte: str) -> str:
    return " ".join(texte.split()).casefold()


def _sans_accents(texte: str) -> str:
    decompose = unicodedata.normalize("NFD", texte.casefold())
    return "".join(c for c in decompose if not unicodedata.combining(c))


def decoder(brut: bytes) -> str:
    """The text of a proposal file, or PropositionRefusee (too big, not UTF-8)."""
    if len(brut) > TAILLE_MAX_OCTETS:
        raise PropositionRefusee(
            [f"Proposition trop longue ({len(brut)} octets, {TAILLE_MAX_OCTETS} au maximum) : elle n'a pas été lue."]
        )
    try:
        return brut.decode("utf-8-sig")
    except UnicodeDecodeError as erreur:
        ligne = brut[: erreur.start].count(b"\n") + 1
        raise PropositionRefusee([f"Proposition illisible (ligne {ligne}) : le texte doit être en UTF-8."]) from None


AUCUNE_RUBRIQUE = (
    "Aucune rubrique du formulaire trouvée : la proposition doit contenir des titres "
    "« ### Département », « ### Source »… suivis de leur valeur."
)

EXPLICATION_TEXTE_INVISIBLE = """\
Tout ce que la proposition contient doit se voir sur GitHub : un responsable vérifie ce qu'il
lit, et le robot ne doit lire rien d'autre. Les commentaires HTML (« <!-- … --> »), les
définitions de liens (« [nom]: adresse ») et les balises HTML n'apparaissent pas sur la page
de l'issue : ils sont refusés, où qu'ils soient. La proposition commence par sa première
rubrique, comme le formulaire l'écrit ; un message pour l'équipe va dans « Autre chose à nous
dire »."""

# What GitHub does not display, wherever it is in the text (in a private block too: an unclosed
# tag there would hide every heading after it).
_COMMENTAIRE_HTML = re.compile(r"<!--|-->")
# CommonMark: a label in brackets then ":", also inside a block quote or a list item.
_DEFINITION_DE_LIEN = re.compile(r"^(?:\s|>|[-*+](?=\s)|\d{1,9}[.)](?=\s))*\[[^\]]+\]:")
# An HTML tag (`<details>`, `</div>`, `<style`), a declaration or an instruction (`<!x`, `<?x`);
# not an address in brackets (`<nom@exemple.fr>`, `<https://…>`).
_BALISE_HTML = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?=[\s/>]|$)|<[!?]")


# What `_texte_invisible` says, by rule; the site's form says the same (`regles_du_formulaire`).
INVISIBLES = {
    "commentaire": "« <!-- » ou « --> » ; GitHub n'affiche pas ce qu'un commentaire contient : le supprimer",
    "definition_de_lien": "une ligne « [nom]: adresse » n'apparaît pas sur GitHub : écrire l'adresse en entier dans sa rubrique",
}


def _texte_invisible(numero: int, ligne: str, *, balises: bool) -> str | None:
    """Why GitHub would not show (part of) this line, in French; None if it shows all of it.
    `balises`: also look for tags (the values of the public blocks are checked by `_defauts`)."""
    if _COMMENTAIRE_HTML.search(ligne):
        return f"Commentaire HTML (ligne {numero}) : {INVISIBLES['commentaire']}."
    if _DEFINITION_DE_LIEN.match(ligne):
        return f"Définition de lien (ligne {numero}) : {INVISIBLES['definition_de_lien']}."
    if balises and _BALISE_HTML.search(ligne):
        return (f"Balise HTML (ligne {numero}) : elle peut cacher du texte sur GitHub : écrire le "
                "texte seul, sans « < … > ».")
    return None


def _titre(ligne: str, par_libelle: dict[str, ChampProposition]) -> ChampProposition | None:
    """The field a line heads: "### Téléphone" (GitHub's issue form) or "Téléphone :" (the site's e-mail)."""
    ligne = ligne.strip()
    if ligne.startswith("### "):
        return par_libelle.get(_cle(ligne[4:]))
    if ligne.endswith(":"):
        return par_libelle.get(_cle(ligne[:-1]))
    return None


def lire_blocs(texte: str) -> dict[str, Bloc]:
    """The blocks of a proposal by field id; PropositionRefusee if a heading is written twice, or
    if the text holds anything GitHub does not show, or text before its first heading."""
    if len(texte.encode("utf-8")) > TAILLE_MAX_OCTETS:
        raise PropositionRefusee([f"Proposition trop longue (plus de {TAILLE_MAX_OCTETS} octets) : elle n'a pas été lue."])
    lignes = texte.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    par_libelle = {_cle(c.libelle): c for c in CHAMPS}
    titres: list[tuple[int, ChampProposition]] = []
    premiere: dict[str, int] = {}
    problemes = []
    invisibles = []
    texte_avant = None  # line of the first text before the first heading
    fin = len(lignes)
    for i, ligne in enumerate(lignes):
        if titres and ligne.rstrip("\n") in SIGNATURE:
            fin = i
            break
        champ = _titre(ligne, par_libelle)
        dans_un_bloc_public = bool(titres) and titres[-1][1].public and champ is None
        if invisible := _texte_invisible(i + 1, ligne, balises=not dans_un_bloc_public):
            invisibles.append(invisible)
        if champ is None:
            if not titres and ligne.strip() and texte_avant is None:
                texte_avant = i + 1
            continue
        if champ.id in premiere:
            problemes.append(
                f"Rubrique « {champ.libelle} » (ligne {i + 1}) : écrite deux fois (déjà à la ligne "
                f"{premiere[champ.id]}) : n'en garder qu'une."
            )
        else:
            premiere[champ.id] = i + 1
        titres.append((i, champ))
    if not titres:
        raise PropositionRefusee([*invisibles, AUCUNE_RUBRIQUE], EXPLICATION_TEXTE_INVISIBLE if invisibles else "")
    if texte_avant is not None:
        invisibles.append(
            f"Texte avant la première rubrique (ligne {texte_avant}) : la proposition commence par "
            f"« ### {CHAMPS[0].libelle} » ; supprimer ce texte, ou l'écrire dans « {_LIBELLE_MESSAGE} »."
        )
    if invisibles:
        raise PropositionRefusee(_trier(invisibles + problemes), EXPLICATION_TEXTE_INVISIBLE)
    if problemes:
        raise PropositionRefusee(problemes)
    blocs: dict[str, Bloc] = {}
    for n, (i, champ) in enumerate(titres):
        j = titres[n + 1][0] if n + 1 < len(titres) else fin
        contenu = tuple((k + 1, lignes[k].strip()) for k in range(i + 1, j) if lignes[k].strip())
        valeur = "\n".join(t for _, t in contenu)
        if valeur in (SANS_REPONSE, SANS_REPONSE_COURRIEL) or (champ.type_html == "select" and valeur == "None"):
            contenu = ()
        blocs[champ.id] = Bloc(champ, contenu[0][0] if contenu else i + 1, contenu)
    return blocs


# --- untrusted values -------------------------------------------------------------------------


# What `_defauts` says, by rule; the site's form says the same (`regles_du_formulaire`).
DEFAUTS = {
    "controle": "caractère invisible ou de contrôle (U+{code}) : le supprimer",
    "balise": "balise HTML refusée (« < … > ») : écrire le texte seul",
    "expression": "expression de GitHub Actions (dollar suivi de deux accolades) refusée",
    "commande": "accent grave et « $( » refusés (caractères de commande)",
    "ligne_yaml": "ressemble à une ligne du fichier (« {cle}: ») : écrire seulement la valeur",
    "guillemets": "guillemets droits « \" » refusés : écrire « … » si besoin",
    "diese": "caractère « # » refusé : écrire « n° » si besoin",
}


def _defauts(texte: str, *, dans_la_fiche: bool, adresse_web: bool) -> list[str]:
    """What makes a line of a value unacceptable (never the value itself, which is untrusted)."""
    defauts = []
    for caractere in texte:
        if unicodedata.category(caractere) in ("Cc", "Cf", "Zl", "Zp") and caractere != "\t":
            defauts.append(DEFAUTS["controle"].format(code=f"{ord(caractere):04X}"))
            break
    if _BALISE.search(texte):
        defauts.append(DEFAUTS["balise"])
    if "${{" in texte:
        defauts.append(DEFAUTS["expression"])
    if "`" in texte or "$(" in texte:
        defauts.append(DEFAUTS["commande"])
    if dans_la_fiche:
        ligne_yaml = _LIGNE_YAML.match(texte)
        if ligne_yaml and ligne_yaml["cle"] in _NOMS_DU_MODELE:
            defauts.append(DEFAUTS["ligne_yaml"].format(cle=ligne_yaml["cle"]))
        if not adresse_web and '"' in texte:
            defauts.append(DEFAUTS["guillemets"])
        if not adresse_web and "#" in texte:
            defauts.append(DEFAUTS["diese"])
    return defauts


def lu_comme_la_fiche(champ: ChampProposition) -> bool:
    """Whether `_defauts` reads the field's value as the fiche's (the source's address too)."""
    return champ.chemin is not None or champ.id == "source"


def est_une_adresse_web(champ: ChampProposition) -> bool:
    return champ.type_html == "url" or champ.id == "source"


def regles_du_formulaire() -> dict:
    """`_defauts` and `_texte_invisible` for the site form's script: their messages, the patterns,
    the model's field names. The page's fields say which rules are theirs (`lu_comme_la_fiche`…)."""
    return {
        "messages": {**DEFAUTS, **INVISIBLES},
        "commentaire": _COMMENTAIRE_HTML.pattern,
        "definition_de_lien": _DEFINITION_DE_LIEN.pattern,
        "balise": _BALISE.pattern,
        "ligne_yaml": _LIGNE_YAML.pattern.replace("(?P<", "(?<"),
        "noms_du_modele": sorted(_NOMS_DU_MODELE),
    }


def _controler(bloc: Bloc) -> list[str]:
    champ = bloc.champ
    problemes = []
    if champ.type_html != "textarea" and len(bloc.lignes) > 1:
        problemes.append(_probleme(bloc, bloc.lignes[1][0], "une seule ligne attendue"))
    if champ.type_html == "textarea" and champ.chemin and len(bloc.lignes) > LIGNES_MAX:
        problemes.append(_probleme(bloc, bloc.ligne, f"{LIGNES_MAX} lignes au maximum"))
    for numero, texte in bloc.lignes:
        if champ.type_html == "email":  # "contact@x.fr", <contact@x.fr>: the model takes that pair off, so here too
            texte = sans_guillemets(texte)
        for defaut in _defauts(texte, dans_la_fiche=lu_comme_la_fiche(champ), adresse_web=est_une_adresse_web(champ)):
            problemes.append(_probleme(bloc, numero, defaut))
    return problemes


def _trier(problemes: list[str]) -> list[str]:
    """In the order of the proposal's lines; the options' problems last."""

    def cle(probleme: str) -> tuple[int, int]:
        ligne = re.search(r"\(ligne (\d+)\)", probleme)
        return (1, 0) if probleme.startswith("Option") else (0, int(ligne[1]) if ligne else 0)

    return sorted(problemes, key=cle)


def _probleme(bloc: Bloc, ligne: int, message: str) -> str:
    return f"Rubrique « {bloc.champ.libelle} » (ligne {ligne}) : {message}."


# --- département and source -------------------------------------------------------------------


def _nom_normalise(texte: str) -> str:
    mots = re.sub(r"[-'’\s]+", " ", _sans_accents(texte)).split()
    while mots and mots[0] in ("le", "la", "les", "l"):
        mots = mots[1:]
    return " ".join(mots)


def lire_departement(valeur: str) -> str:
    """The code of a département written as "29", "29 – Finistère", "Finistère" or "2a";
    ValueError (French, without echoing the value) otherwise."""
    texte = " ".join(valeur.split())
    codes = {c.upper().zfill(2) for c in _CODE_DEPARTEMENT.findall(texte)}
    reste = _nom_normalise(_CODE_DEPARTEMENT.sub(" ", texte).replace("(", " ").replace(")", " ").strip(" –—-:,."))
    noms = {_nom_normalise(d.nom): d.code for d in referentiel.departements()}
    # "Finistère et Morbihan" is two; "Ille-et-Vilaine" is one.
    if len(codes) > 1 or (reste not in noms and any(sep in f" {reste} " for sep in (" et ", " ou "))):
        raise ValueError("un seul département par proposition")
    if not codes:
        if reste in noms:
            return noms[reste]
        raise ValueError("département non reconnu : écrire son numéro, par exemple 29 ou 2A")
    [code] = codes
    if code not in CODES_DEPARTEMENTS:
        indice = " (la Corse : 2A ou 2B)" if code == "20" else ""
        raise ValueError(f"département inconnu{indice} : 01 à 95, 2A, 2B, 971 à 976")
    if reste and noms.get(reste) != code:
        raise ValueError(
            f"le numéro {code} est celui {referentiel.departement(code).de}, pas le nom écrit à côté : "
            "vérifier le département"
        )
    return code


@dataclass(frozen=True)
class Source:
    page: str | None  # the public page, or None when the platform itself is the source


def lire_source(valeur: str) -> Source:
    adresses = [mot.rstrip(".,;)") for mot in valeur.split() if mot.casefold().startswith(("https://", "http://"))]
    if len(adresses) > 1:
        raise ValueError("une seule adresse de page publique")
    if adresses:
        if not adresses[0].casefold().startswith("https://"):
            raise ValueError("adresse à écrire en https:// (les autres adresses sont refusées)")
        return Source(adresses[0])
    if _cle(valeur).startswith((_cle(SOURCE_SANS_PAGE), _cle(SOURCE_PLATEFORME))):
        return Source(None)
    raise ValueError(f"donner l'adresse https:// d'une page publique, ou écrire « {SOURCE_SANS_PAGE} »")


# --- values of the fiche ----------------------------------------------------------------------

_SEPARATEUR_NOM = re.compile(r"\s+[–—-]\s+|\s*[;|,]\s*|\s+:\s+|\s*:\s+")
_CODE_POSTAL_COMMUNE = re.compile(r"(?<!\d)(\d{5}|\d{2} \d{3})(?!\d)\s+([^\d,;–—|]+)")
_COURRIEL = re.compile(r"[^\s,;()<>]+@[^\s,;()<>]+")


def _une_ligne(texte: str) -> str:
    return " ".join(texte.split())


def _code_postal(texte: str) -> str:
    sans_espace = texte.replace(" ", "")
    return sans_espace if sans_espace.isdigit() and len(sans_espace) == 5 else texte


def _lire_lieu(ligne: str, code: str) -> tuple[dict | None, str]:
    """An antenne from one line "nom – adresse, code postal commune – téléphone";
    (None, why) when the line has no name."""
    morceaux = _SEPARATEUR_NOM.split(ligne, maxsplit=1)
    nom, reste = (morceaux[0].strip(), morceaux[1]) if len(morceaux) == 2 else (ligne.strip(), "")
    # A line that starts with an address, a number or an e-mail has no name ("Antenne du 13e" has one).
    if not nom or nom[0].isdigit() or "@" in nom or "://" in nom or chercher_telephone(nom, code) is not None:
        return None, "pas de nom au début de la ligne"
    lieu: dict[str, Any] = {"nom": nom}
    # A number with letters (« 05 55 XX XX XX ») is found too, and refused by the model.
    if (trouve := chercher_telephone(reste, code)) is not None:
        debut, fin = trouve
        lieu["telephone"] = reste[debut:fin]
        reste = reste[:debut] + " " + reste[fin:]
    if courriel := _COURRIEL.search(reste):
        lieu["courriel"] = courriel.group(0).rstrip(".")
        reste = reste[: courriel.start()] + " " + reste[courriel.end() :]
    if postal := _CODE_POSTAL_COMMUNE.search(reste):
        lieu["code_postal"] = _code_postal(postal.group(1))
        lieu["commune"] = postal.group(2).strip(" .–—-")
        reste = reste[: postal.start()] + " " + reste[postal.end() :]
    adresse = " ".join(reste.split()).strip(" ,;:–—-|.")
    if adresse:
        lieu["adresse"] = adresse
    return lieu, ""


def _lire_structure(ligne: str) -> dict:
    mots = ligne.split()
    adresses = [m.rstrip(".,;)") for m in mots if m.casefold().startswith("https://")]
    nom = " ".join(m for m in mots if not m.casefold().startswith(("https://", "http://"))).strip(" ,;:–—-|")
    structure: dict[str, Any] = {"nom": nom or ligne}
    if adresses:
        structure["site_web"] = adresses[0]
    return structure


# --- applying ---------------------------------------------------------------------------------

_LIBELLES_GESTION = {
    "statut_verification": "État de la fiche",
    "date_maj": "Date de vérification",
    "lien_source": "Source",
    "confirmation": "Confirmation par la plateforme",
}
_DE_LA_FICHE = {c.chemin[0]: c for c in CHAMPS if c.chemin and c.chemin[0] != "departement"}
_CHAMPS_LIEU = {"telephone": "téléphone", "courriel": "e-mail", "adresse": "adresse", "code_postal": "code postal",
                "commune": "commune", "nom": "nom", "site_web": "site web", "siret": "SIRET",
                "complement_adresse": "complément d'adresse", "code_insee": "code INSEE",
                "horaires_accueil": "horaires", "accessibilite_lieu": "accessibilité", "lien_source": "source"}


def _rang_du_champ(cle: str) -> int:
    return ORDRE_DES_CHAMPS.index(cle) if cle in ORDRE_DES_CHAMPS else len(ORDRE_DES_CHAMPS)


def _brut(valeur: Any) -> Any:
    """A dumped model value as the file holds it: plain text, dates, lists, no empty entries."""
    if isinstance(valeur, Enum):
        return valeur.value
    if isinstance(valeur, dict):
        # In the file's usual order (nom first, as CONTRIBUTING.md shows a site).
        cles = sorted((k for k, v in valeur.items() if v is not None and v != []), key=_rang_du_champ)
        return {k: _brut(valeur[k]) for k in cles}
    if isinstance(valeur, list):
        return [_brut(v) for v in valeur]
    return valeur


@dataclass
class _Lecture:
    """What the blocks give: fields to set, and where each came from (for the messages)."""

    valeurs: dict[str, Any] = field(default_factory=dict)
    origine: dict[str, Bloc] = field(default_factory=dict)
    lignes_des_entrees: dict[str, list[int]] = field(default_factory=dict)
    a_faire: list[str] = field(default_factory=list)


def _lire_valeurs(blocs: dict[str, Bloc], code: str, actuelle: Plateforme, exclus: set[str]) -> _Lecture:
    lecture = _Lecture()
    for bloc in blocs.values():
        champ = bloc.champ
        if not champ.chemin or champ.chemin[0] == "departement" or not bloc.lignes or champ.id in exclus:
            continue
        cle = champ.chemin[0]
        lecture.origine[cle] = bloc
        if cle == "horaires_accueil":
            texte = _une_ligne(bloc.valeur.replace("\n", " ; "))
            try:
                lecture.valeurs[cle] = _horaires_osm.validate_python(texte)
            except ValidationError:
                lecture.a_faire.append(
                    f"Horaires à traduire au format OpenStreetMap (champ `horaires_accueil`, par exemple "
                    f"`Mo-Fr 09:00-12:00`) : la proposition dit {_code(texte)}."
                )
        elif cle == "structure_gestionnaire":
            nom = _une_ligne(bloc.valeur)
            ancienne = actuelle.structure_gestionnaire
            if ancienne and _cle(ancienne.nom) == _cle(nom):
                lecture.valeurs[cle] = ancienne.model_dump()
            else:
                lecture.valeurs[cle] = {"nom": nom}
                if ancienne and (ancienne.siret or ancienne.site_web):
                    lecture.a_faire.append(
                        "La structure gestionnaire change : son SIRET et son site web, qui étaient ceux de "
                        f"{_code(ancienne.nom)}, ont été retirés ; les ajouter s'ils sont connus."
                    )
        elif cle == "sites":
            lieux, lignes = [], []
            for numero, ligne in bloc.lignes:
                lieu, raison = _lire_lieu(ligne, code)
                if lieu is None:
                    lecture.a_faire.append(f"Ligne {numero} des « {champ.libelle} » non reprise ({raison}) : {_code(ligne)}.")
                    continue
                lieux.append(lieu)
                lignes.append(numero)
            if lieux:
                lecture.valeurs[cle] = lieux
                lecture.lignes_des_entrees[cle] = lignes
                remplace = f", et remplace les {len(actuelle.sites)} lieu(x) de la fiche" if actuelle.sites else ""
                lecture.a_faire.append(
                    "Vérifier le découpage de chaque lieu d'accueil (nom, adresse, code postal, commune, téléphone) : "
                    f"il est déduit du texte de la proposition{remplace}."
                )
        elif cle == "partenaires":
            lecture.valeurs[cle] = [_lire_structure(ligne) for _, ligne in bloc.lignes]
            lecture.lignes_des_entrees[cle] = [numero for numero, _ in bloc.lignes]
        elif cle == "code_postal":
            lecture.valeurs[cle] = _code_postal(_une_ligne(bloc.valeur))
        elif champ.options:
            # An answer in words (« Oui, avec une liste d'attente ») or the model's value; else the model refuses it.
            lecture.valeurs[cle] = champ.valeur_du_modele(bloc.valeur)
        else:
            lecture.valeurs[cle] = _une_ligne(bloc.valeur)
    return lecture


def _messages_du_modele(erreur: ValidationError, lecture: _Lecture, blocs: dict[str, Bloc]) -> list[str]:
    problemes = []
    for detail in erreur.errors(include_url=False):
        loc = tuple(detail["loc"])
        message = message_en_francais(detail)
        cle = loc[0] if loc else (detail.get("ctx") or {}).get("champ", "")
        if cle in ("confirmation",):
            problemes.append(f"Option --confirmation : {message}.")
        elif cle in ("date_maj",):
            problemes.append(f"Option --date : {message}.")
        elif cle == "lien_source" and "source" in blocs:
            problemes.append(_probleme(blocs["source"], blocs["source"].ligne, message))
        elif cle in lecture.origine:
            bloc = lecture.origine[cle]
            ligne = bloc.ligne
            if len(loc) >= 2 and isinstance(loc[1], int) and cle in lecture.lignes_des_entrees:
                ligne = lecture.lignes_des_entrees[cle][loc[1]]
                if len(loc) >= 3:
                    message = f"{_CHAMPS_LIEU.get(str(loc[2]), loc[2])} : {message}"
            problemes.append(_probleme(bloc, ligne, message))
        else:
            champ = ".".join(str(p) for p in loc) or cle or "fiche"
            problemes.append(f"Fiche actuelle, champ {champ} : {message}.")
    return problemes


# --- confirmation by a maintainer -------------------------------------------------------------

# Hex digits of the digest shown and quoted in "/confirmer <empreinte> …". They name the values;
# on GitHub the whole digest binds them (see confirmations.py), so that no edit can reuse them.
LONGUEUR_EMPREINTE = 8
_EMPREINTE = re.compile(r"[0-9a-f]{6,64}")
_COMPTE = re.compile(r"(?<![\w.])@[A-Za-z0-9]")  # "@alice" (an e-mail address is not one)


@dataclass(frozen=True)
class ConfirmationDuResponsable:
    """A maintainer's word: the platform itself confirmed the values whose digest starts with `empreinte`."""

    moyen: str  # how, without anyone's name: published with the fiche (`confirmation.moyen`)
    empreinte: str  # the digest quoted (hex), or the whole digest
    par: str | None = None  # who, a GitHub account: named in the pull request, never in the data
    date: dt.date | None = None  # the day of the confirmation (by default, the command's --date)


class ConfirmationAttendue(Exception):
    """The proposal is valid but only the platform backs it: nothing is written until a
    maintainer confirms these values. `message` (Markdown) shows them, as people read them,
    with their digest and how to confirm."""

    def __init__(self, message: str, empreinte: str):
        self.message = message
        self.empreinte = empreinte
        super().__init__(message)


def defauts_du_moyen(moyen: str) -> list[str]:
    """What makes the text of a confirmation unfit for the data (it is published), in French."""
    if not moyen.strip():
        return ["dire comment la plateforme a confirmé, par exemple « appel au numéro publié par l'ARS »"]
    defauts = _defauts(_une_ligne(moyen), dans_la_fiche=True, adresse_web=False)
    if _COMPTE.search(moyen):
        defauts.append(
            "pas de @compte : ce texte est publié avec la fiche, sans nom de personne "
            "(le nom du responsable figure dans la pull request)"
        )
    return defauts


def empreinte_des_valeurs(code: str, source: Source, valeurs: dict[str, Any]) -> str:
    """SHA-256 (hex) of what a proposal would publish: its département, its source and each of its
    values as the fiche would hold them ("02 98 00 00 00" and "0298000000" give the same digest)."""
    contenu = {"departement": code, "source": source.page or SOURCE_PLATEFORME, "valeurs": valeurs}
    texte = json.dumps(contenu, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(texte.encode("utf-8")).hexdigest()


def _qui_et_quand(confirmation: ConfirmationDuResponsable) -> str:
    par = f" de {_code(confirmation.par)}" if confirmation.par else ""
    le = f" du {confirmation.date.isoformat()}" if confirmation.date else ""
    return f"{par}{le}"


def _ne_vaut_plus(confirmation: ConfirmationDuResponsable) -> str:
    return (
        f"La confirmation{_qui_et_quand(confirmation)} (empreinte "
        f"{_code(confirmation.empreinte[:LONGUEUR_EMPREINTE])}) ne vaut pas pour les informations "
        "ci-dessous : elles ne sont plus celles qu'elle confirmait. Les relire, puis confirmer de nouveau "
        "avec leur empreinte."
    )


def message_a_confirmer(code: str, valeurs: dict[str, Any], empreinte: str, *, notes: Sequence[str] = ()) -> str:
    """The bot's public answer to a proposal that waits for a maintainer: thanks, the values read (as
    people read them) and their digest. How to confirm is for the maintainers (CONTRIBUTING.md,
    « Relire et publier »), not for the public thread; what to check in the pull request is in its
    summary once confirmed. The whole digest is also in an HTML comment at the end, for
    confirmations.py."""
    dep = referentiel.departement(code)
    court = empreinte[:LONGUEUR_EMPREINTE]
    lignes = ["## Merci ! Votre proposition est à confirmer auprès de la plateforme", ""]
    for note in notes:
        lignes += [f"> **À noter** : {note}", ""]
    lignes += [
        "Elle ne cite pas de page publique : avant de publier ces informations, un responsable de l'annuaire "
        "va les vérifier **auprès de la plateforme**, par un moyen qui ne vient pas de cette issue (par exemple "
        "en appelant le numéro publié par l'ARS, la MDPH ou le département). Vous n'avez rien à corriger.",
        "",
        "### Ce que le robot a lu dans l'issue",
        "",
        f"- **Département** : {_code(f'{dep.code} – {dep.nom}')}",
    ]
    for cle, valeur in valeurs.items():
        if isinstance(valeur, list):
            lignes.append(f"- **{_libelle(cle)}** :")
            lignes += [f"  {n}. {_lisible(cle, entree)}" for n, entree in enumerate(valeur, 1)]
        else:
            lignes.append(f"- **{_libelle(cle)}** : {_lisible(cle, valeur)}")
    lignes += [f"- **Source** : {_code(SOURCE_SANS_PAGE)}", ""]
    lignes += [
        f"Empreinte de ces informations : **`{court}`** (en entier : `{empreinte}`). Si l'issue est modifiée, "
        "le robot la relit et donne une nouvelle empreinte : une confirmation ne vaut que pour les informations "
        "de son empreinte.",
        "",
        f"<!-- empreinte-complete: {empreinte} -->",
    ]
    return "\n".join(lignes) + "\n"


# --- applying ---------------------------------------------------------------------------------


def appliquer(
    proposition: str,
    texte_yaml: str,
    *,
    date: dt.date,
    confirmations: Sequence[ConfirmationDuResponsable] = (),
    notes: Sequence[str] = (),
    numero: int | None = None,
    nom_fichier: str = "data/plateformes.yaml",
) -> Resultat:
    """The new text of the file with the proposal applied to its fiche, and the summary.

    `confirmations` (the latest first): the first one whose digest is the proposal's applies.
    `notes` (French, Markdown): said to the proposal's author if it waits for a confirmation.
    Raises PropositionRefusee (nothing to write), AucunChangement or ConfirmationAttendue.
    """
    blocs = lire_blocs(proposition)
    # The private field (contact) is never read: not even checked, never echoed.
    defauts = {cle: _controler(bloc) for cle, bloc in blocs.items() if bloc.champ.public}
    problemes: list[str] = [p for liste in defauts.values() for p in liste]
    code = source = None
    if "departement" not in blocs or not blocs["departement"].lignes:
        problemes.append("Rubrique « Département » : obligatoire, elle manque ou est vide.")
    elif not defauts["departement"]:
        try:
            code = lire_departement(blocs["departement"].valeur)
        except ValueError as erreur:
            problemes.append(_probleme(blocs["departement"], blocs["departement"].ligne, str(erreur)))
    if "source" not in blocs or not blocs["source"].lignes:
        problemes.append(
            "Rubrique « Source » : obligatoire, elle manque ou est vide "
            f"(l'adresse https:// d'une page publique, ou « {SOURCE_SANS_PAGE} »)."
        )
    elif not defauts["source"]:
        try:
            source = lire_source(blocs["source"].valeur)
        except ValueError as erreur:
            problemes.append(_probleme(blocs["source"], blocs["source"].ligne, str(erreur)))
    if code is None or source is None:
        raise PropositionRefusee(_trier(problemes))

    try:
        actuelles = charger_plateformes_texte(texte_yaml, nom_fichier)
    except DonneesInvalides as erreur:
        raise PropositionRefusee(
            [str(p) for p in erreur.problemes],
            f"{nom_fichier} a déjà des problèmes : les corriger avant d'appliquer une proposition.",
        ) from None
    actuelle = next(p for p in actuelles if p.departement == code)
    # The other values are still checked, so that every problem is reported at once.
    lecture = _lire_valeurs(blocs, code, actuelle, exclus={cle for cle, liste in defauts.items() if liste})
    if source.page:
        lecture.origine.setdefault("lien_source", blocs["source"])
    avant = actuelle.model_dump()

    def gestion(retenue: ConfirmationDuResponsable | None) -> dict[str, Any]:
        """The bookkeeping fields, by the publishing rule."""
        jour = retenue.date if retenue and retenue.date else date
        champs: dict[str, Any] = {"date_maj": jour}
        if source.page:
            champs["lien_source"] = source.page
        if retenue is not None or source.page is None:
            champs["statut_verification"] = StatutVerification.CONFIRME
            # Until a maintainer confirms, a stand-in lets the model find every other problem first.
            champs["confirmation"] = {"date": jour, "moyen": retenue.moyen if retenue else "à confirmer"}
        else:
            champs["statut_verification"] = StatutVerification.SOURCE_PUBLIQUE
        return champs

    def valider(champs: dict[str, Any]) -> Plateforme | None:
        try:
            return Plateforme.model_validate({**avant, **lecture.valeurs, **champs}, context={CONTEXT_DEPARTEMENT: code})
        except ValidationError as erreur:
            problemes.extend(_messages_du_modele(erreur, lecture, blocs))
            return None

    champs = gestion(None)
    nouvelle = valider(champs)
    if problemes or nouvelle is None:
        raise PropositionRefusee(_trier(problemes))
    if not lecture.valeurs:
        raise AucunChangement(
            f"La proposition ne donne aucune information sur la plateforme (toutes les rubriques de la fiche "
            f"sont vides) : la fiche {code} ne change pas."
        )
    # What the proposal would publish, as the fiche would hold it: what a confirmation is for.
    valeurs = {cle: _brut(nouvelle.model_dump()[cle]) for cle in sorted(lecture.valeurs, key=_rang_du_champ)}
    empreinte = empreinte_des_valeurs(code, source, valeurs)
    retenue = next((c for c in confirmations if empreinte.startswith(c.empreinte.lower())), None)
    if retenue is not None:
        champs = gestion(retenue)
        nouvelle = valider(champs)
        if problemes or nouvelle is None:
            raise PropositionRefusee(_trier(problemes))
    apres = nouvelle.model_dump()
    changements = [
        Changement(cle, _libelle(cle), _brut(avant[cle]), _brut(apres[cle]))
        for cle in [*lecture.valeurs, *champs]
        if cle != "date_maj" and avant[cle] != apres[cle]
    ]
    if not changements:
        raise AucunChangement(
            f"La proposition ne change rien à la fiche {code} : elle redit les informations déjà publiées, "
            "avec la même source."
        )
    if retenue is None and source.page is None:
        raise ConfirmationAttendue(
            message_a_confirmer(
                code, valeurs, empreinte, notes=[*notes, *(_ne_vaut_plus(c) for c in confirmations[:1])],
            ),
            empreinte,
        )
    changements.append(Changement("date_maj", _libelle("date_maj"), avant["date_maj"], champs["date_maj"]))
    nouvelles_valeurs = {c.champ: c.apres for c in changements}
    try:
        texte = remplacer_fiche(texte_yaml, code, nouvelles_valeurs)
        charger_plateformes_texte(texte, nom_fichier)
    except EcritureImpossible as erreur:
        raise PropositionRefusee([f"{nom_fichier} : {erreur}."]) from None
    except DonneesInvalides as erreur:
        raise PropositionRefusee([str(p) for p in erreur.problemes], "Le fichier modifié serait invalide : rien n'a été écrit.") from None

    a_faire, informations = _a_faire(blocs, lecture, source, actuelle, retenue)
    resultat = Resultat(code, texte, changements, a_faire, "", informations)
    resultat.resume = resume_markdown(
        resultat, numero=numero, date=champs["date_maj"], source=source, confirmation=retenue,
        empreinte=empreinte, nom_fichier=nom_fichier,
    )
    return resultat


def _libelle(cle: str) -> str:
    if cle in _LIBELLES_GESTION:
        return _LIBELLES_GESTION[cle]
    return _DE_LA_FICHE[cle].libelle if cle in _DE_LA_FICHE else cle


def _a_faire(blocs, lecture: _Lecture, source: Source, actuelle: Plateforme,
             confirmation: ConfirmationDuResponsable | None) -> tuple[list[str], list[str]]:
    a_faire: list[str] = []
    informations: list[str] = []
    if source.page:
        a_faire.append(
            f"Ouvrir la source {_code(source.page)} et vérifier que chaque information du tableau y figure, "
            "à jour ; sinon corriger ou retirer la ligne avant de fusionner."
        )
        if actuelle.lien_source and actuelle.lien_source != source.page:
            a_faire.append(
                f"La source de la fiche change (avant : {_code(actuelle.lien_source)}) : vérifier que la nouvelle "
                "page confirme aussi les informations que la proposition ne change pas, sinon les retirer."
            )
        if actuelle.statut_verification is StatutVerification.CONFIRME and confirmation is None:
            informations.append(
                "La fiche était confirmée par la plateforme ; elle repasse en « source publique » "
                "car les nouvelles informations viennent d'une page publique (la confirmation précédente est gardée)."
            )
    if confirmation:
        a_faire.append(
            f"Vérifier que la confirmation notée ({_code(confirmation.moyen)}) a bien été obtenue auprès de la "
            "plateforme, par un moyen qui ne vient pas de la proposition, et qu'elle porte sur chaque information "
            "du tableau."
        )
    a_faire.extend(lecture.a_faire)
    if "remarques" in blocs and blocs["remarques"].lignes:
        a_faire.append(
            "Lire le message de la personne (rubrique « Autre chose à nous dire ») dans l'issue ou l'e-mail "
            "d'origine : il n'est pas recopié ici."
        )
    if "contact" in blocs:
        informations.append("La rubrique « Pour vous recontacter » a été ignorée : elle n'est jamais publiée.")
    if "role" in blocs and blocs["role"].lignes:
        informations.append(f"Proposé par : {_code(_une_ligne(blocs['role'].valeur))}.")
    informations.append(
        "Les rubriques laissées vides ne changent rien. Pour retirer une information de la fiche, "
        "modifier `data/plateformes.yaml` à la main."
    )
    return a_faire, informations


# --- the summary ------------------------------------------------------------------------------


def _code(texte: Any, *, dans_un_tableau: bool = False) -> str:
    """Inline code that no backtick in the text can close (and no "|" can split a table cell)."""
    texte = " ".join(str(texte).split())
    longueur = max((len(m) for m in re.findall(r"`+", texte)), default=0) + 1
    if dans_un_tableau:
        texte = texte.replace("|", "\\|")
    cloture = "`" * longueur
    espace = " " if texte.startswith("`") or texte.endswith("`") else ""
    return f"{cloture}{espace}{texte}{espace}{cloture}"


def _telephone_lisible(valeur: str) -> str:
    """"+33298000000" -> "02 98 00 00 00", as people write it (the file keeps E.164)."""
    try:
        return telephone_affiche(valeur)
    except phonenumbers.NumberParseException:
        return valeur


def _lisible(cle: str, valeur: Any, *, dans_un_tableau: bool = False) -> str:
    """A value of the fiche as people read it, in inline code (a group of fields: each named)."""
    if valeur is None or valeur == [] or valeur == {}:
        return "_vide_"
    if isinstance(valeur, dict):
        return ", ".join(f"{_CHAMPS_LIEU.get(k, k)} {_lisible(k, v, dans_un_tableau=dans_un_tableau)}"
                         for k, v in valeur.items())
    if isinstance(valeur, dt.date):
        valeur = valeur.isoformat()
    elif cle == "telephone" and isinstance(valeur, str):
        valeur = _telephone_lisible(valeur)
    return _code(valeur, dans_un_tableau=dans_un_tableau)


def _montrer(cle: str, valeur: Any) -> str:
    if isinstance(valeur, list) and valeur:
        return f"{len(valeur)} entrée(s), ci-dessous"
    return _lisible(cle, valeur, dans_un_tableau=True)


def resume_markdown(resultat: Resultat, *, numero: int | None, date: dt.date, source: Source,
                    confirmation: ConfirmationDuResponsable | None, empreinte: str,
                    nom_fichier: str = "data/plateformes.yaml") -> str:
    dep = referentiel.departement(resultat.code)
    lignes = [f"## Proposition de fiche : {dep.code} – {dep.nom}", ""]
    origine = f"Proposition #{numero}" if numero is not None else "Proposition"
    lignes += [f"{origine}, appliquée le {date.isoformat()} : seule la fiche {dep.code} de `{nom_fichier}` change.", ""]
    if source.page:
        lignes.append(f"- **Source** : page publique {_code(source.page)}")
    if confirmation:
        # The maintainer is named here (the pull request), never in the data.
        par = f" par @{confirmation.par}" if confirmation.par else " par un responsable"
        le = f" le {confirmation.date.isoformat()}" if confirmation.date else ""
        lignes.append(
            f"- **Confirmée par la plateforme** : {_code(confirmation.moyen)} (noté{par}{le}, pour les informations "
            f"d'empreinte {_code(empreinte[:LONGUEUR_EMPREINTE])})"
        )
    etat = "confirme" if confirmation else "source-publique"
    lignes += [f"- **État de la fiche** après fusion : « {etat} »", ""]
    lignes += ["### Ce qui change", "", "| Champ | Avant | Après |", "|---|---|---|"]
    for c in resultat.changements:
        lignes.append(f"| {c.libelle} (`{c.champ}`) | {_montrer(c.champ, c.avant)} | {_montrer(c.champ, c.apres)} |")
    for c in resultat.changements:
        if isinstance(c.apres, list):
            lignes += ["", f"**{c.libelle}** (nouvelle liste) :", ""]
            for entree in c.apres:
                lignes.append("- " + _lisible(c.champ, entree))
    lignes += ["", "### À faire avant de fusionner", ""]
    lignes += [f"- [ ] {tache}" for tache in resultat.a_faire]
    if resultat.informations:
        lignes += ["", "### Bon à savoir", ""]
        lignes += [f"- {info}" for info in resultat.informations]
    return "\n".join(lignes) + "\n"


# --- the command ------------------------------------------------------------------------------

CODE_APPLIQUEE = 0  # the file changed; the summary (Markdown) is on stdout
CODE_REFUSEE = 1  # nothing written; French problems on stderr, fit for an issue comment
CODE_AUCUN_CHANGEMENT = 3  # nothing to write; the reason (one French sentence) is on stdout
CODE_A_CONFIRMER = 4  # nothing written; stdout: the values read, their digest, how to confirm (Markdown)
CODE_ERREUR_INATTENDUE = 5  # a bug, not the proposal's fault: nothing written; stderr: a French line, then the details

ERREUR_INATTENDUE = (
    "Erreur inattendue de from-issue : ce n'est pas la faute de la proposition, et rien n'a été modifié. "
    "Détail pour les développeurs :"
)


def _lire_entree(fichier: str) -> bytes:
    if fichier == "-":
        return sys.stdin.buffer.read(TAILLE_MAX_OCTETS + 1)
    try:
        with open(fichier, "rb") as flux:
            return flux.read(TAILLE_MAX_OCTETS + 1)
    except OSError:
        raise PropositionRefusee([f"Proposition introuvable ou illisible : {fichier}."]) from None


def from_issue(
    fichier: str,
    *,
    date: str | None = None,
    numero: str | None = None,
    confirmation: str | None = None,
    empreinte: str | None = None,
    commentaires: str | None = None,
    donnees: Path | None = None,
) -> int:
    """`python -m emploi_accompagne from-issue FICHIER [--date] [--numero] [--confirmation --empreinte]
    [--commentaires]`: the exit code says what happened (CODE_…), never a traceback for a refusal."""
    try:
        return _from_issue(fichier, date=date, numero=numero, confirmation=confirmation, empreinte=empreinte,
                           commentaires=commentaires, donnees=donnees)
    except Exception:
        print(ERREUR_INATTENDUE, file=sys.stderr)
        traceback.print_exc(file=sys.stderr)
        return CODE_ERREUR_INATTENDUE


def _from_issue(fichier, *, date, numero, confirmation, empreinte, commentaires, donnees) -> int:
    from .chargement import FICHIER_PLATEFORMES, nom_du_fichier
    from .confirmations import confirmations_des_commentaires
    from .ecriture import ecrire_atomiquement

    chemin = Path(donnees) if donnees else FICHIER_PLATEFORMES
    nom = nom_du_fichier(chemin)
    try:
        problemes = []
        try:
            jour = dt.date.fromisoformat(date) if date else dt.date.today()
        except ValueError:
            problemes.append("Option --date : date à écrire au format AAAA-MM-JJ, par exemple 2026-11-30.")
        if numero is not None and not (numero.isascii() and numero.isdigit()):
            problemes.append("Option --numero : le numéro de l'issue, en chiffres.")
        confirmations: list[ConfirmationDuResponsable] = []
        if (confirmation is None) != (empreinte is None):
            problemes.append(
                "Options --confirmation et --empreinte : l'une ne va pas sans l'autre (l'empreinte est celle que "
                "from-issue affiche quand la proposition attend une confirmation)."
            )
        elif confirmation is not None and empreinte is not None:
            problemes += [f"Option --confirmation : {defaut}." for defaut in defauts_du_moyen(confirmation)]
            if not _EMPREINTE.fullmatch(empreinte.strip().lower()):
                problemes.append(
                    "Option --empreinte : l'empreinte affichée par from-issue (6 à 64 chiffres et lettres a à f), "
                    "par exemple 3f9a1c2b."
                )
            confirmations.append(ConfirmationDuResponsable(_une_ligne(confirmation), empreinte.strip().lower()))
        notes: list[str] = []
        if commentaires is not None:
            trouvees, notes = confirmations_des_commentaires(json.loads(Path(commentaires).read_text(encoding="utf-8")))
            confirmations += trouvees
        if problemes:
            raise PropositionRefusee(problemes)
        texte_proposition = decoder(_lire_entree(fichier))
        try:
            texte_yaml = chemin.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            raise PropositionRefusee([f"{nom} : fichier introuvable ou illisible."]) from None
        resultat = appliquer(
            texte_proposition, texte_yaml, date=jour, confirmations=confirmations, notes=notes,
            numero=int(numero) if numero else None, nom_fichier=nom,
        )
    except PropositionRefusee as refus:
        for probleme in refus.problemes:
            print(probleme, file=sys.stderr)
        if refus.explication:
            print("\n" + refus.explication, file=sys.stderr)
        print(f"\nProposition refusée : rien n'a été modifié dans {nom}.", file=sys.stderr)
        return CODE_REFUSEE
    except AucunChangement as rien:
        print(str(rien))
        return CODE_AUCUN_CHANGEMENT
    except ConfirmationAttendue as attente:
        sys.stdout.write(attente.message)
        return CODE_A_CONFIRMER
    ecrire_atomiquement(chemin, resultat.texte)
    sys.stdout.write(resultat.resume)
    return CODE_APPLIQUEE
