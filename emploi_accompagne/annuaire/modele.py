"""The one model of a directory entry.

It validates `data/plateformes.yaml`, generates its JSON Schema and gives the
templates their fields. Field names follow the data·inclusion schema v1 where
one fits (and reuse its code types); the rest is specific to the platforms.
"""
from __future__ import annotations

import datetime as dt
from enum import Enum
from typing import Annotated

import phonenumbers
from data_inclusion.schema import common as di
from email_validator import EmailNotValidError, validate_email
from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    HttpUrl,
    StringConstraints,
    TypeAdapter,
    ValidationInfo,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

# Codes of the 101 départements, in the official order.
CODES_DEPARTEMENTS: tuple[str, ...] = (
    *(f"{n:02d}" for n in range(1, 20)),
    "2A",
    "2B",
    *(f"{n:02d}" for n in range(21, 96)),
    "971",
    "972",
    "973",
    "974",
    "976",
)

# Overseas départements have their own telephone regions (+590, +596, +594, +262).
REGION_TELEPHONE = {"971": "GP", "972": "MQ", "973": "GF", "974": "RE", "976": "YT"}

# Metropolitan France and the overseas départements (Saint-Barthélemy and Saint-Martin share +590).
REGIONS_FRANCAISES = {"FR", "GP", "MQ", "GF", "RE", "YT", "BL", "MF"}

CONTEXT_DEPARTEMENT = "departement"

Texte = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
TexteLong = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=1000)]

_http_url = TypeAdapter(HttpUrl)


def _https_only(value: str) -> str:
    url = _http_url.validate_python(value)
    if url.scheme != "https":
        raise ValueError("adresse web à écrire en https:// (les autres adresses sont refusées)")
    return value


def _valid_email(value: str) -> str:
    try:
        return validate_email(value, check_deliverability=False).normalized
    except EmailNotValidError:
        # The library explains in English: give the volunteer a French example instead.
        raise ValueError("adresse e-mail invalide : écrire par exemple « contact@exemple.fr »") from None


def _opening_hours(value: str) -> str:
    import opening_hours

    try:
        opening_hours.OpeningHours(value)
    except Exception:  # the parser raises its own error types
        raise ValueError(
            "horaires à écrire au format OpenStreetMap, par exemple « Mo-Fr 09:00-12:00,14:00-17:00 »"
        ) from None
    return value


UrlHttps = Annotated[str, StringConstraints(strip_whitespace=True, max_length=500), AfterValidator(_https_only)]
Courriel = Annotated[str, StringConstraints(strip_whitespace=True, max_length=254), AfterValidator(_valid_email)]
Horaires = Annotated[str, StringConstraints(strip_whitespace=True, max_length=300), AfterValidator(_opening_hours)]
Telephone = Annotated[str, StringConstraints(strip_whitespace=True, max_length=30)]


def normalise_telephone(value: str, departement: str | None) -> str:
    """Return the E.164 form of a French number (metropolitan or overseas), or raise ValueError."""
    region = REGION_TELEPHONE.get(departement or "", "FR")
    try:
        number = phonenumbers.parse(value, region)
    except phonenumbers.NumberParseException:
        number = None
    if (
        number is None
        or not phonenumbers.is_valid_number(number)
        or phonenumbers.region_code_for_number(number) not in REGIONS_FRANCAISES
    ):
        raise ValueError(
            "numéro de téléphone invalide : écrire par exemple « 04 74 00 00 00 » ou « +33 4 74 00 00 00 »"
        )
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


class StatutVerification(str, Enum):
    """How far the entry has been checked."""

    A_COMPLETER = "a-completer"  # no public source found yet: contacts unknown
    SOURCE_PUBLIQUE = "source-publique"  # taken from a public page, not confirmed by the platform
    CONFIRME = "confirme"  # confirmed by the platform itself


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Lieu(_Strict):
    """Where and how to reach a place: fields of data·inclusion v1."""

    adresse: Annotated[Texte | None, Field(description="Numéro et voie, ex. « 12 rue de la Paix ».")] = None
    complement_adresse: Annotated[Texte | None, Field(description="Bâtiment, étage, boîte postale…")] = None
    code_postal: Annotated[di.CodePostal | None, Field(description="Code postal à 5 chiffres.")] = None
    commune: Annotated[Texte | None, Field(description="Nom de la commune.")] = None
    code_insee: Annotated[di.CodeCommune | None, Field(description="Code officiel (COG) de la commune.")] = None
    telephone: Annotated[
        Telephone | None,
        Field(description="Un seul numéro ; enregistré au format international E.164."),
    ] = None
    courriel: Annotated[Courriel | None, Field(description="Adresse e-mail de contact.")] = None
    horaires_accueil: Annotated[
        Horaires | None,
        Field(description="Horaires au format OpenStreetMap opening_hours, ex. « Mo-Fr 09:00-12:00 »."),
    ] = None
    accessibilite_lieu: Annotated[
        UrlHttps | None, Field(description="Lien vers la fiche acceslibre.gouv.fr du lieu.")
    ] = None

    @field_validator("telephone")
    @classmethod
    def _telephone(cls, value: str | None, info: ValidationInfo) -> str | None:
        if value is None:
            return None
        departement = (info.context or {}).get(CONTEXT_DEPARTEMENT)
        return normalise_telephone(value, departement)


class Structure(_Strict):
    """An organisation: the structure gestionnaire or a partner."""

    nom: Annotated[Texte, Field(description="Nom de la structure.")]
    siret: Annotated[di.CodeSiret | None, Field(description="Numéro SIRET (14 chiffres).")] = None
    site_web: Annotated[UrlHttps | None, Field(description="Site web de la structure.")] = None


class Site(Lieu):
    """An antenne: another place where the platform receives people."""

    nom: Annotated[Texte, Field(description="Nom du site, ex. « Antenne de Brest ».")]
    lien_source: Annotated[UrlHttps | None, Field(description="Page publique d'où viennent ces informations.")] = None


def _not_in_future(value: dt.date) -> dt.date:
    if value > dt.date.today():
        raise ValueError("la date de vérification ne peut pas être dans le futur")
    return value


class Confirmation(_Strict):
    """A first-hand confirmation: a maintainer checked the fiche with the platform itself."""

    date: Annotated[
        dt.date,
        AfterValidator(_not_in_future),
        Field(description="Date à laquelle la plateforme a confirmé les informations (AAAA-MM-JJ)."),
    ]
    moyen: Annotated[
        Texte,
        Field(
            description="Comment un responsable de l'annuaire a vérifié auprès de la plateforme, sans nom de personne, "
            "ex. « appel au numéro publié par l'ARS »."
        ),
    ]


class Plateforme(Lieu):
    """The plateforme départementale emploi accompagné of one département."""

    departement: Annotated[
        str,
        Field(
            description="Code du département : « 01 » à « 95 », « 2A », « 2B », « 971 » à « 976 ».",
            json_schema_extra={"enum": list(CODES_DEPARTEMENTS)},
        ),
    ]
    nom: Annotated[Texte | None, Field(description="Nom de la plateforme tel qu'elle le publie.")] = None
    site_web: Annotated[UrlHttps | None, Field(description="Site web ou page de la plateforme.")] = None
    structure_gestionnaire: Annotated[
        Structure | None, Field(description="La structure qui porte la plateforme.")
    ] = None
    partenaires: Annotated[
        list[Structure], Field(description="Structures partenaires qui accompagnent aussi.", max_length=50)
    ] = []
    sites: Annotated[list[Site], Field(description="Antennes et autres lieux d'accueil.", max_length=50)] = []
    remarques: Annotated[TexteLong | None, Field(description="Précision utile au public, en une ou deux phrases.")] = None
    lien_source: Annotated[
        UrlHttps | None,
        Field(description="Page publique d'où viennent les informations (obligatoire dès qu'un contact est renseigné)."),
    ] = None
    date_maj: Annotated[
        dt.date,
        AfterValidator(_not_in_future),
        Field(description="Date de la dernière vérification de la fiche (AAAA-MM-JJ)."),
    ]
    statut_verification: Annotated[
        StatutVerification,
        Field(description="a-completer, source-publique (page publique) ou confirme (confirmé par la plateforme)."),
    ]
    confirmation: Annotated[
        Confirmation | None,
        Field(
            description="Quand et comment la plateforme a confirmé la fiche (obligatoire pour le statut confirme ; "
            "suffit, sans lien_source, pour publier un contact)."
        ),
    ] = None

    @field_validator("departement")
    @classmethod
    def _known_departement(cls, value: str) -> str:
        if value not in CODES_DEPARTEMENTS:
            raise ValueError("code de département inconnu : « 01 » à « 95 », « 2A », « 2B », « 971 » à « 976 »")
        return value

    @model_validator(mode="after")
    def _contacts_need_a_source(self) -> "Plateforme":
        # Never publish a contact that neither a public page nor the platform itself backs.
        if self.a_des_contacts() and not self.lien_source and not self.confirmation:
            raise PydanticCustomError(
                "source_manquante",
                "lien_source manquant : indiquer la page publique d'où viennent les contacts "
                "(ou, si la plateforme les a confirmés elle-même, le bloc confirmation)",
                {"champ": "lien_source"},
            )
        if self.statut_verification is StatutVerification.CONFIRME and not self.confirmation:
            raise PydanticCustomError(
                "confirmation_manquante",
                "confirmation manquante : le statut « confirme » demande le bloc confirmation "
                "(date, moyen : quand et comment la plateforme a confirmé)",
                {"champ": "confirmation"},
            )
        return self

    def a_des_contacts(self) -> bool:
        lieux = [self, *self.sites]
        return any(lieu.telephone or lieu.courriel or lieu.adresse for lieu in lieux) or bool(self.site_web)


def json_schema() -> dict:
    """JSON Schema of the whole file: a list of platforms."""
    schema = TypeAdapter(list[Plateforme]).json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "Annuaire des plateformes départementales emploi accompagné"
    return schema
