"""The fields of a proposal: one list for the web form, the GitHub issue form and `from-issue`.

A proposal is what a person can know about one platform, in words, plus where it comes
from. The fields about the platform come from the model (`modele.Plateforme`): a field whose
`json_schema_extra` is a `modele.Formulaire` is asked, with its label, its section and its help
(the field's description unless it gives one for the form); its type gives the kind of input
(a choice: radio buttons or a list; a list of entries: one per line; an e-mail, a web address,
a phone: their own inputs) and the length the model accepts. Adding such a field to the model is
enough. The fields about the proposal itself (département, source, role, message, private
contact) are declared here.

The proposal travels as text: "### <libellé>" then the value, the layout GitHub writes
for an issue form; the e-mail the web form prepares is plain French, "<libellé> :" then
the value (or « (pas de réponse) »), and `from-issue` reads both.
"""
from __future__ import annotations

import types
import typing
from dataclasses import dataclass
from enum import Enum
from typing import Any, Literal

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from .. import referentiel
from . import modele
from .erreurs import message_en_francais
from .modele import Formulaire, Plateforme

# Label of the GitHub issues that carry a proposal (the issue form sets it, the workflow reads it).
ETIQUETTE_PROPOSITION = "proposition-de-fiche"
FICHIER_FORMULAIRE_GITHUB = ".github/ISSUE_TEMPLATE/proposer-une-fiche.yml"
# What GitHub writes for a field left empty.
SANS_REPONSE = "_No response_"
# What the web form's e-mail writes for a field left empty.
SANS_REPONSE_COURRIEL = "(pas de réponse)"


def titre_courriel(libelle: str) -> str:
    """A field's heading in the e-mail the web form prepares: "Téléphone :"."""
    return f"{libelle} :"


# The source when no public page gives the information: a maintainer checks with the platform.
# The form writes SOURCE_SANS_PAGE; SOURCE_PLATEFORME, its former wording, is still read, and
# names such a source in a confirmation's digest.
SOURCE_SANS_PAGE = "Aucune page publique"
SOURCE_PLATEFORME = "Je travaille à la plateforme"

# The form's sections, in order: a model field names its own (`Formulaire.rubrique`).
RUBRIQUES: tuple[tuple[str, str], ...] = (
    ("plateforme", "La plateforme"),
    ("contacts", "Où et comment la joindre"),
    ("avant-le-contact", "Avant de prendre contact"),
    ("prescripteurs", "Pour les prescripteurs"),
    ("proposition", "D'où viennent ces informations, et qui vous êtes"),
)
RUBRIQUE_PROPOSITION = "proposition"


@dataclass(frozen=True)
class ChampProposition:
    id: str  # stable: the issue form's field id and the web form's input name (URL prefill)
    libelle: str  # the "### " heading of the block, and the visible label
    aide: str  # help under the label
    chemin: tuple[str, ...] | None  # where the value lands in a fiche; None: about the proposal
    type_html: str = "text"  # text, tel, email, url, textarea, select
    obligatoire: bool = False
    autocomplete: str | None = None
    public: bool = True  # False: never sent to GitHub (only the maintainers see it, by e-mail)
    options: tuple[str, ...] = ()  # for a select: the answers, in words
    # The département pages link to the forms with this field filled in. GitHub cannot prefill a
    # dropdown from the URL, so on GitHub such a field is a text input (the web form keeps its select).
    prerempli_par_url: bool = False
    rubrique: str = RUBRIQUE_PROPOSITION  # the form's section (RUBRIQUES)
    valeurs: tuple[Any, ...] = ()  # a model choice: the model's value of each option, in order
    longueur_max: int | None = None  # characters the model accepts (whitespace runs count as one)
    message_trop_long: str | None = None  # the model's message past it, as `check` says it

    def valeur_du_modele(self, reponse: str) -> Any:
        """The model's value for an answer: an option in words or the model's own value (any case);
        anything else as written, for the model to refuse as `check` does."""
        cle = " ".join(reponse.split()).casefold()
        for option, valeur in zip(self.options, self.valeurs, strict=True):
            if cle in (option.casefold(), str(_brute(valeur)).casefold()):
                return valeur
        return reponse


def _brute(valeur: Any) -> Any:
    return valeur.value if isinstance(valeur, Enum) else valeur


# --- the fields of the model ------------------------------------------------------------------

_OUI_NON = (("Oui", True), ("Non", False))


def _sans_none(annotation: Any) -> Any:
    """`X | None` -> X."""
    arguments = [a for a in typing.get_args(annotation) if a is not type(None)]
    if typing.get_origin(annotation) in (typing.Union, types.UnionType) and len(arguments) == 1:
        return arguments[0]
    return annotation


def _saisie(sorte: Any) -> str:
    """The input of a text type of the model, by the type itself (modele.Telephone…)."""
    for alias, saisie in ((modele.Telephone, "tel"), (modele.Courriel, "email"), (modele.UrlHttps, "url"),
                          (modele.Horaires, "textarea"), (modele.TexteLong, "textarea")):
        if sorte == alias:
            return saisie
    return "text"


def _longueur_max(sorte: Any, metadonnees: list) -> int | None:
    """The most characters the model accepts, unless the type has its own format (a postal code)."""
    contraintes = [*(typing.get_args(sorte)[1:] if typing.get_origin(sorte) is typing.Annotated else ()), *metadonnees]
    if any(getattr(c, "pattern", None) for c in contraintes):
        return None
    return next((c.max_length for c in contraintes if getattr(c, "max_length", None)), None)


def _choix(sorte: Any, question: Formulaire) -> tuple[tuple[str, Any], ...]:
    """(answer in words, model value) of a choice of the model: an enum, a Literal or a bool."""
    if sorte is bool:
        return _OUI_NON
    if isinstance(sorte, type) and issubclass(sorte, Enum):
        valeurs: tuple[Any, ...] = tuple(sorte)
    elif typing.get_origin(sorte) is Literal:
        valeurs = typing.get_args(sorte)
    else:
        return ()
    en_mots = dict(question.options)
    return tuple((en_mots.get(str(_brute(v)), str(_brute(v)).capitalize()), v) for v in valeurs)


def champ_du_modele(nom: str, info: FieldInfo) -> ChampProposition:
    """How the form asks a field of the model that has its `Formulaire`."""
    question = info.json_schema_extra
    assert isinstance(question, Formulaire)
    sorte = _sans_none(info.annotation)
    chemin: tuple[str, ...] = (nom,)
    aide = info.description or "" if question.aide is None else question.aide
    if typing.get_origin(sorte) is list:
        # One entry per line; from-issue reads each (proposition._lire_valeurs).
        return ChampProposition(nom, question.libelle, aide, chemin, type_html="textarea", rubrique=question.rubrique)
    metadonnees = info.metadata
    if isinstance(sorte, type) and issubclass(sorte, BaseModel):
        # A group of fields (the structure gestionnaire): asked by its name.
        interieur = sorte.model_fields["nom"]
        chemin, sorte, metadonnees = (nom, "nom"), _sans_none(interieur.annotation), interieur.metadata
    if choix := _choix(sorte, question):
        return ChampProposition(nom, question.libelle, aide, chemin, type_html="select", rubrique=question.rubrique,
                                options=tuple(o for o, _ in choix), valeurs=tuple(v for _, v in choix))
    saisie = _saisie(sorte)
    # Hours are asked in words, then translated: the model's length is not theirs.
    longueur = None if sorte == modele.Horaires else _longueur_max(sorte, metadonnees)
    return ChampProposition(
        nom, question.libelle, aide, chemin, type_html=saisie, rubrique=question.rubrique,
        longueur_max=longueur, message_trop_long=_message_trop_long(chemin[-1], longueur) if longueur else None,
    )


def _message_trop_long(champ: str, longueur: int) -> str:
    """What `check` says of a text longer than the model accepts."""
    return message_en_francais(
        {"type": "string_too_long", "loc": (champ,), "msg": "", "ctx": {"max_length": longueur}}
    )


def champs_du_modele(modele_: type[BaseModel] = Plateforme) -> tuple[ChampProposition, ...]:
    """The model's fields that the form asks, by section (RUBRIQUES), in the model's order within one."""
    champs = [champ_du_modele(nom, info) for nom, info in modele_.model_fields.items()
              if isinstance(info.json_schema_extra, Formulaire)]
    rang = {rubrique: n for n, (rubrique, _) in enumerate(RUBRIQUES)}
    inconnues = {c.rubrique for c in champs} - set(rang)
    if inconnues:
        raise ValueError(f"rubrique inconnue du formulaire : {', '.join(sorted(inconnues))} (voir formulaire.RUBRIQUES)")
    return tuple(sorted(champs, key=lambda c: rang[c.rubrique]))


# --- the fields about the proposal ------------------------------------------------------------


def options_departement() -> tuple[str, ...]:
    """ "01 – Ain" … "976 – Mayotte": the département's code first, which is what `from-issue` reads."""
    return tuple(f"{dep.code} – {dep.nom}" for dep in referentiel.departements())


# One « Je travaille à la plateforme » in the whole form: here; the source then says « Aucune page publique ».
ROLES = (
    "Je travaille à la plateforme emploi accompagné",
    "Je suis job coach ou professionnel de l'accompagnement",
    "Je travaille à la MDPH, à France Travail, à Cap emploi ou à la mission locale",
    "Je suis une personne accompagnée ou un proche",
    "Je suis employeur",
    "Autre",
)

DEPARTEMENT = ChampProposition(
    "departement", "Département", "Le département de la plateforme.", ("departement",),
    type_html="select", obligatoire=True, options=options_departement(), prerempli_par_url=True,
    rubrique="plateforme",
)
SUR_LA_PROPOSITION = (
    ChampProposition("role", "Vous êtes", "Pour savoir comment vérifier la proposition.", None,
                     type_html="select", obligatoire=True, options=ROLES),
    ChampProposition(
        "source", "Source",
        "L'adresse (https://…) de la page publique qui donne ces informations, "
        f"ou « {SOURCE_SANS_PAGE} » : un responsable de l'annuaire vérifiera alors auprès de la plateforme.",
        None, type_html="text", obligatoire=True,
    ),
    ChampProposition(
        "remarques", "Autre chose à nous dire", "Par exemple une information que vous n'avez pas su où écrire.",
        None, type_html="textarea",
    ),
    ChampProposition(
        "contact", "Pour vous recontacter (facultatif)",
        "Seuls les responsables de l'annuaire le voient. Il n'est jamais publié.",
        None, type_html="email", autocomplete="email", public=False,
    ),
)


def construire_champs(modele_: type[BaseModel] = Plateforme) -> tuple[ChampProposition, ...]:
    """The département, the model's fields, then those about the proposal; ids are unique."""
    champs = (DEPARTEMENT, *champs_du_modele(modele_), *SUR_LA_PROPOSITION)
    ids = [c.id for c in champs]
    if len(set(ids)) != len(ids) or len({c.libelle.casefold() for c in champs}) != len(champs):
        raise ValueError("deux champs du formulaire ont le même nom ou le même libellé")
    return champs


CHAMPS: tuple[ChampProposition, ...] = construire_champs()


def champ(identifiant: str) -> ChampProposition:
    return next(c for c in CHAMPS if c.id == identifiant)
