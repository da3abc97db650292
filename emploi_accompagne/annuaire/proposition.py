"""A proposal of a fiche, read from its text and applied to `data/plateformes.yaml`.

A proposal is the text of a GitHub issue opened with the form "Proposer une fiche", or the
same block in an e-mail sent by the site's form: "### <libellé>", a blank line, the value
(`_No response_` when empty), for the fields of `formulaire.CHAMPS`. It starts with its first
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
it with the platform itself and says how (`--confirmation`: block `confirmation`, status
`confirme`). A proposal from the platform's staff without a public page is refused until then.
"""
from __future__ import annotations

import datetime as dt
import re
import sys
import unicodedata
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import Any

import phonenumbers
from pydantic import TypeAdapter, ValidationError

from .. import referentiel
from .chargement import DonneesInvalides, charger_plateformes_texte
from .ecriture import ORDRE_DES_CHAMPS, EcritureImpossible, remplacer_fiche
from .erreurs import message_en_francais
from .formulaire import CHAMPS, SANS_REPONSE, SOURCE_PLATEFORME, ChampProposition
from .modele import (
    CODES_DEPARTEMENTS,
    CONTEXT_DEPARTEMENT,
    REGION_TELEPHONE,
    Confirmation,
    Horaires,
    Plateforme,
    Site,
    StatutVerification,
    Structure,
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


def _texte_invisible(numero: int, ligne: str, *, balises: bool) -> str | None:
    """Why GitHub would not show (part of) this line, in French; None if it shows all of it.
    `balises`: also look for tags (the values of the public blocks are checked by `_defauts`)."""
    if _COMMENTAIRE_HTML.search(ligne):
        return (f"Commentaire HTML (ligne {numero}) : « <!-- » ou « --> » ; GitHub n'affiche pas ce "
                "qu'un commentaire contient : le supprimer.")
    if _DEFINITION_DE_LIEN.match(ligne):
        return (f"Définition de lien (ligne {numero}) : une ligne « [nom]: adresse » n'apparaît pas "
                "sur GitHub : écrire l'adresse en entier dans sa rubrique.")
    if balises and _BALISE_HTML.search(ligne):
        return (f"Balise HTML (ligne {numero}) : elle peut cacher du texte sur GitHub : écrire le "
                "texte seul, sans « < … > ».")
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
        champ = par_libelle.get(_cle(ligne.lstrip()[4:])) if ligne.lstrip().startswith("### ") else None
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
        if valeur == SANS_REPONSE or (champ.type_html == "select" and valeur == "None"):
            contenu = ()
        blocs[champ.id] = Bloc(champ, contenu[0][0] if contenu else i + 1, contenu)
    return blocs


# --- untrusted values -------------------------------------------------------------------------


def _defauts(texte: str, *, dans_la_fiche: bool, adresse_web: bool) -> list[str]:
    """What makes a line of a value unacceptable (never the value itself, which is untrusted)."""
    defauts = []
    for caractere in texte:
        if unicodedata.category(caractere) in ("Cc", "Cf", "Zl", "Zp") and caractere != "\t":
            defauts.append(f"caractère invisible ou de contrôle (U+{ord(caractere):04X}) : le supprimer")
            break
    if _BALISE.search(texte):
        defauts.append("balise HTML refusée (« < … > ») : écrire le texte seul")
    if "${{" in texte:
        defauts.append("expression de GitHub Actions (dollar suivi de deux accolades) refusée")
    if "`" in texte or "$(" in texte:
        defauts.append("accent grave et « $( » refusés (caractères de commande)")
    if dans_la_fiche:
        ligne_yaml = _LIGNE_YAML.match(texte)
        if ligne_yaml and ligne_yaml["cle"] in _NOMS_DU_MODELE:
            defauts.append(f"ressemble à une ligne du fichier (« {ligne_yaml['cle']}: ») : écrire seulement la valeur")
        if not adresse_web and '"' in texte:
            defauts.append("guillemets droits « \" » refusés : écrire « … » si besoin")
        if not adresse_web and "#" in texte:
            defauts.append("caractère « # » refusé : écrire « n° » si besoin")
    return defauts


def _controler(bloc: Bloc) -> list[str]:
    champ = bloc.champ
    problemes = []
    if champ.type_html != "textarea" and len(bloc.lignes) > 1:
        problemes.append(_probleme(bloc, bloc.lignes[1][0], "une seule ligne attendue"))
    if champ.type_html == "textarea" and champ.chemin and len(bloc.lignes) > LIGNES_MAX:
        problemes.append(_probleme(bloc, bloc.ligne, f"{LIGNES_MAX} lignes au maximum"))
    adresse_web = champ.type_html == "url" or champ.id == "source"
    for numero, texte in bloc.lignes:
        for defaut in _defauts(texte, dans_la_fiche=champ.chemin is not None or champ.id == "source", adresse_web=adresse_web):
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
    if _cle(valeur).startswith(_cle(SOURCE_PLATEFORME)):
        return Source(None)
    raise ValueError(f"donner l'adresse https:// d'une page publique, ou écrire « {SOURCE_PLATEFORME} »")


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
    region = REGION_TELEPHONE.get(code, "FR")
    # A line that starts with an address, a number or an e-mail has no name ("Antenne du 13e" has one).
    if not nom or nom[0].isdigit() or "@" in nom or "://" in nom or phonenumbers.PhoneNumberMatcher(nom, region).has_next():
        return None, "pas de nom au début de la ligne"
    lieu: dict[str, Any] = {"nom": nom}
    for trouve in phonenumbers.PhoneNumberMatcher(reste, region):
        lieu["telephone"] = reste[trouve.start : trouve.end]
        reste = reste[: trouve.start] + " " + reste[trouve.end :]
        break
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


def _commune_connue(code: str, code_postal: str | None, commune: str | None) -> bool:
    if not code_postal or not commune:
        return True
    nom = _nom_normalise(commune)
    return any(
        code_postal in c.codes_postaux and _nom_normalise(c.nom) == nom for c in referentiel.communes_du_departement(code)
    )


# --- applying ---------------------------------------------------------------------------------

_LIBELLES_GESTION = {
    "statut_verification": "État de la fiche",
    "date_maj": "Date de vérification",
    "lien_source": "Source",
    "confirmation": "Confirmation par la plateforme",
}
_DE_LA_FICHE = {c.chemin[0]: c for c in CHAMPS if c.chemin and c.chemin[0] != "departement"}
_CHAMPS_LIEU = {"telephone": "téléphone", "courriel": "e-mail", "adresse": "adresse", "code_postal": "code postal",
                "commune": "commune", "nom": "nom", "site_web": "site web"}


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


EXPLICATION_CONFIRMATION = """\
Cette proposition vient de la plateforme elle-même et ne cite aucune page publique : elle ne
peut pas être publiée telle quelle. Un responsable de l'annuaire doit d'abord confirmer ces
informations **auprès de la plateforme**, par un moyen qui ne vient pas de la proposition
(par exemple en appelant le numéro de la plateforme publié par l'ARS, la MDPH ou le
département, ou en écrivant à l'adresse de son site officiel), puis commenter l'issue par :

    /confirmer appel au numéro publié par l'ARS

(sans nom de personne). Autre possibilité : donner dans la rubrique « Source » l'adresse
https:// d'une page publique qui contient ces informations."""


def appliquer(
    proposition: str,
    texte_yaml: str,
    *,
    date: dt.date,
    confirmation: str | None = None,
    numero: int | None = None,
    nom_fichier: str = "data/plateformes.yaml",
) -> Resultat:
    """The new text of the file with the proposal applied to its fiche, and the summary.

    Raises PropositionRefusee (nothing to write) or AucunChangement.
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
            f"(l'adresse https:// d'une page publique, ou « {SOURCE_PLATEFORME} »)."
        )
    elif not defauts["source"]:
        try:
            source = lire_source(blocs["source"].valeur)
        except ValueError as erreur:
            problemes.append(_probleme(blocs["source"], blocs["source"].ligne, str(erreur)))
    if confirmation is not None:
        confirmation = _une_ligne(confirmation)
        mauvais = _defauts(confirmation, dans_la_fiche=True, adresse_web=False) if confirmation else ["texte vide"]
        problemes.extend(f"Option --confirmation : {d}." for d in mauvais)
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

    # The bookkeeping fields follow the publishing rule.
    gestion: dict[str, Any] = {"date_maj": date}
    confirmation_attendue = source.page is None and confirmation is None
    if source.page:
        gestion["lien_source"] = source.page
        lecture.origine.setdefault("lien_source", blocs["source"])
    if confirmation is not None or confirmation_attendue:
        gestion["statut_verification"] = StatutVerification.CONFIRME
        # Without --confirmation, a stand-in lets the model find every other problem first.
        gestion["confirmation"] = {"date": date, "moyen": confirmation or "à confirmer"}
    else:
        gestion["statut_verification"] = StatutVerification.SOURCE_PUBLIQUE

    avant = actuelle.model_dump()
    fusion = {**avant, **lecture.valeurs, **gestion}
    try:
        nouvelle = Plateforme.model_validate(fusion, context={CONTEXT_DEPARTEMENT: code})
    except ValidationError as erreur:
        problemes.extend(_messages_du_modele(erreur, lecture, blocs))
    if confirmation_attendue:
        problemes.append(_probleme(blocs["source"], blocs["source"].ligne,
                                   "la plateforme est la seule source : un responsable doit confirmer avant publication"))
    if problemes:
        raise PropositionRefusee(_trier(problemes), EXPLICATION_CONFIRMATION if confirmation_attendue else "")

    if not lecture.valeurs:
        raise AucunChangement(
            f"La proposition ne donne aucune information sur la plateforme (toutes les rubriques de la fiche "
            f"sont vides) : la fiche {code} ne change pas."
        )
    apres = nouvelle.model_dump()
    changements = [
        Changement(cle, _libelle(cle), _brut(avant[cle]), _brut(apres[cle]))
        for cle in [*lecture.valeurs, *gestion]
        if cle != "date_maj" and avant[cle] != apres[cle]
    ]
    if not changements:
        raise AucunChangement(
            f"La proposition ne change rien à la fiche {code} : elle redit les informations déjà publiées, "
            "avec la même source."
        )
    changements.append(Changement("date_maj", _libelle("date_maj"), avant["date_maj"], date))
    valeurs = {c.champ: c.apres for c in changements}
    try:
        texte = remplacer_fiche(texte_yaml, code, valeurs)
        charger_plateformes_texte(texte, nom_fichier)
    except EcritureImpossible as erreur:
        raise PropositionRefusee([f"{nom_fichier} : {erreur}."]) from None
    except DonneesInvalides as erreur:
        raise PropositionRefusee([str(p) for p in erreur.problemes], "Le fichier modifié serait invalide : rien n'a été écrit.") from None

    a_faire, informations = _a_faire(blocs, lecture, source, actuelle, nouvelle, confirmation, code)
    resultat = Resultat(code, texte, changements, a_faire, "", informations)
    resultat.resume = resume_markdown(
        resultat, numero=numero, date=date, source=source, confirmation=confirmation, nom_fichier=nom_fichier
    )
    return resultat


def _libelle(cle: str) -> str:
    if cle in _LIBELLES_GESTION:
        return _LIBELLES_GESTION[cle]
    return _DE_LA_FICHE[cle].libelle if cle in _DE_LA_FICHE else cle


def _a_faire(blocs, lecture: _Lecture, source: Source, actuelle: Plateforme, nouvelle: Plateforme,
             confirmation: str | None, code: str) -> tuple[list[str], list[str]]:
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
        if actuelle.statut_verification is StatutVerification.CONFIRME:
            informations.append(
                "La fiche était confirmée par la plateforme ; elle repasse en « source publique » "
                "car les nouvelles informations viennent d'une page publique (la confirmation précédente est gardée)."
            )
    if confirmation:
        a_faire.append(
            f"Vérifier que la confirmation notée ({_code(confirmation)}) a bien été obtenue auprès de la "
            "plateforme, par un moyen qui ne vient pas de la proposition."
        )
    a_faire.extend(lecture.a_faire)
    for lieu in [nouvelle, *nouvelle.sites]:
        if not _commune_connue(code, lieu.code_postal, lieu.commune):
            a_faire.append(
                f"Le code postal {_code(lieu.code_postal)} et la commune {_code(lieu.commune)} ne vont ensemble dans "
                f"aucune commune {referentiel.departement(code).de} : vérifier."
            )
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


def _montrer(valeur: Any) -> str:
    if valeur is None or valeur == [] or valeur == {}:
        return "_vide_"
    if isinstance(valeur, list):
        return f"{len(valeur)} entrée(s), ci-dessous"
    if isinstance(valeur, dict):
        return ", ".join(f"{k} {_code(v, dans_un_tableau=True)}" for k, v in valeur.items())
    if isinstance(valeur, dt.date):
        return _code(valeur.isoformat(), dans_un_tableau=True)
    return _code(valeur, dans_un_tableau=True)


def resume_markdown(resultat: Resultat, *, numero: int | None, date: dt.date, source: Source,
                    confirmation: str | None, nom_fichier: str = "data/plateformes.yaml") -> str:
    dep = referentiel.departement(resultat.code)
    lignes = [f"## Proposition de fiche : {dep.code} – {dep.nom}", ""]
    origine = f"Proposition #{numero}" if numero is not None else "Proposition"
    lignes += [f"{origine}, appliquée le {date.isoformat()} : seule la fiche {dep.code} de `{nom_fichier}` change.", ""]
    if source.page:
        lignes.append(f"- **Source** : page publique {_code(source.page)}")
    if confirmation:
        lignes.append(f"- **Confirmée par la plateforme** (noté par un responsable) : {_code(confirmation)}")
    etat = "confirme" if confirmation else "source-publique"
    lignes += [f"- **État de la fiche** après fusion : « {etat} »", ""]
    lignes += ["### Ce qui change", "", "| Champ | Avant | Après |", "|---|---|---|"]
    for c in resultat.changements:
        lignes.append(f"| {c.libelle} (`{c.champ}`) | {_montrer(c.avant)} | {_montrer(c.apres)} |")
    for c in resultat.changements:
        if isinstance(c.apres, list):
            lignes += ["", f"**{c.libelle}** (nouvelle liste) :", ""]
            for entree in c.apres:
                lignes.append("- " + ", ".join(f"{k} {_code(v)}" for k, v in entree.items()))
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
    donnees: Path | None = None,
) -> int:
    """`python -m emploi_accompagne from-issue FICHIER [--date] [--numero] [--confirmation]`."""
    from .chargement import FICHIER_PLATEFORMES, nom_du_fichier
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
        if problemes:
            raise PropositionRefusee(problemes)
        texte_proposition = decoder(_lire_entree(fichier))
        try:
            texte_yaml = chemin.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            raise PropositionRefusee([f"{nom} : fichier introuvable ou illisible."]) from None
        resultat = appliquer(
            texte_proposition, texte_yaml, date=jour, confirmation=confirmation,
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
    ecrire_atomiquement(chemin, resultat.texte)
    sys.stdout.write(resultat.resume)
    return CODE_APPLIQUEE
