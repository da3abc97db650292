"""The one model of a directory entry.

It validates `data/plateformes.yaml`, generates its JSON Schema and gives the
templates their fields. Field names follow the data·inclusion schema v1 where
one fits (and reuse its code types); the rest is specific to the platforms.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum
from typing import Annotated
from urllib.parse import urlsplit

import phonenumbers
from data_inclusion.schema import common as di
from email_validator import EmailNotValidError, validate_email
from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
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

from .. import referentiel
from . import localisation

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


MESSAGE_DOMAINE_NON_ASCII = (
    "lettres accentuées ou d'un autre alphabet dans le nom du site : refusées, car elles peuvent imiter "
    "un autre site (« а » cyrillique pour « a ») ; écrire le nom en lettres simples, sans accent"
)


def _domaine_ascii(domaine: str) -> bool:
    """A domain written in plain letters: neither Unicode nor its ASCII disguise (`xn--` labels, IDNA)."""
    return domaine.isascii() and not any(label.startswith("xn--") for label in domaine.lower().split("."))


def hote(url: str) -> str:
    """The host a browser goes to for `url` (WHATWG rules, as pydantic reads it): `evil.example`
    for `https://www.service-public.fr@evil.example/`."""
    return _http_url.validate_python(url).host or ""


def _hote_pour_urllib(value: str) -> str | None:
    try:
        return urlsplit(value).hostname
    except ValueError:  # characters that NFKC turns into "/", "@"…
        return None


def _https_only(value: str) -> str:
    url = _http_url.validate_python(value)
    if url.scheme != "https":
        raise ValueError("adresse web à écrire en https:// (les autres adresses sont refusées)")
    if url.username is not None or url.password is not None:
        # https://www.service-public.fr@evil.example/ goes to evil.example.
        raise ValueError(
            f"adresse web trompeuse : le site est « {url.host} », ce qui précède « @ » n'est qu'un nom "
            "d'utilisateur ; écrire l'adresse sans partie « …@ »"
        )
    if not _domaine_ascii(url.host or "") or not _domaine_ascii(_hote_pour_urllib(value) or ""):
        raise ValueError(MESSAGE_DOMAINE_NON_ASCII)
    # The browser (WHATWG rules) and the page that names the site (urllib) must read the same host:
    # they differ on "\\", "%41" or a tab in it. Spaces have no place in an address anyway.
    if not value.isprintable() or " " in value or "\\" in value or _hote_pour_urllib(value) != url.host:
        raise ValueError(
            "adresse web ambiguë (espace, « \\ » ou « % » dans le nom du site) : "
            "la copier telle que la barre d'adresse du navigateur l'affiche"
        )
    return value


def courriel_valide(value: str) -> str:
    try:
        courriel = validate_email(value, check_deliverability=False)
    except EmailNotValidError:
        # The library explains in English: give the volunteer a French example instead.
        raise ValueError("adresse e-mail invalide : écrire par exemple « contact@exemple.fr »") from None
    if not value.isascii() or not _domaine_ascii(courriel.ascii_domain):
        raise ValueError(
            "lettres accentuées ou d'un autre alphabet dans l'adresse e-mail : refusées, car elles peuvent "
            "imiter une autre adresse ; écrire l'adresse en lettres simples, sans accent"
        )
    return courriel.normalized


# An address as e-mail programs show it: "contact@x.fr", <contact@x.fr>, « contact@x.fr ».
ENCADREMENTS_DE_COURRIEL = {'"': '"', "'": "'", "<": ">", "«": "»", "“": "”", "‘": "’"}


def sans_guillemets(value):
    """One pair of quotes or angle brackets around the whole address taken off, and nothing
    else: what is inside is then checked like any address (a quote left inside is refused)."""
    if isinstance(value, str):
        texte = value.strip()
        if len(texte) > 2 and ENCADREMENTS_DE_COURRIEL.get(texte[0]) == texte[-1]:
            return texte[1:-1].strip()
    return value


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
Courriel = Annotated[
    str,
    BeforeValidator(sans_guillemets),
    StringConstraints(strip_whitespace=True, max_length=254),
    AfterValidator(courriel_valide),
]
Horaires = Annotated[str, StringConstraints(strip_whitespace=True, max_length=300), AfterValidator(_opening_hours)]
Telephone = Annotated[str, StringConstraints(strip_whitespace=True, max_length=30)]


# What a person writes in a number, besides digits and one leading "+": spaces (non-breaking ones
# too, as French typography puts them), dots, dashes, brackets. Anything else is refused before
# phonenumbers reads it: the library turns letters into keypad digits (05 55 XX XX XX -> 05 55 99 99 99)
# and drops what follows "#", "x" or ";ext=" as an extension.
SEPARATEURS_TELEPHONE = " \u00a0\u202f.-()"
MESSAGE_LETTRES = "le numéro contient des lettres (O à la place de 0 ?)"
MESSAGE_PLUS = "le signe « + » ne peut être qu'au début du numéro"
MESSAGE_CARACTERE = (
    "le numéro contient « {caractere} » : écrire un seul numéro, avec seulement des chiffres de 0 à 9, "
    "des espaces, des points, des tirets ou des parenthèses"
)
MESSAGE_TELEPHONE_INVALIDE = (
    "numéro de téléphone invalide : écrire par exemple « 04 74 00 00 00 » ou « +33 4 74 00 00 00 »"
)
MESSAGE_SURTAXE = (
    "numéro surtaxé (08 1x, 08 2x, 08 9x…) : donner un numéro fixe, portable ou gratuit de la plateforme"
)
# Ordinary price or free (ARCEP): fixed, mobile, 080x, 09 (VOIP), 0806-0809 (UAN); 081x-082x (SHARED_COST), 089x (PREMIUM_RATE) are surcharged.
TYPES_JOIGNABLES = frozenset({
    phonenumbers.PhoneNumberType.FIXED_LINE,
    phonenumbers.PhoneNumberType.MOBILE,
    phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE,
    phonenumbers.PhoneNumberType.TOLL_FREE,
    phonenumbers.PhoneNumberType.VOIP,
    phonenumbers.PhoneNumberType.UAN,
})
TYPES_SURTAXES = frozenset({phonenumbers.PhoneNumberType.PREMIUM_RATE, phonenumbers.PhoneNumberType.SHARED_COST})


def caractere_refuse(value: str) -> str | None:
    """Why a number's characters are refused (French, one line), or None when they are only
    digits, separators and one leading "+"."""
    texte = value.strip()
    for position, caractere in enumerate(texte):
        if caractere in "0123456789" or caractere in SEPARATEURS_TELEPHONE or (caractere == "+" and position == 0):
            continue
        if caractere.isalpha():
            return MESSAGE_LETTRES
        if caractere == "+":
            return MESSAGE_PLUS
        montre = caractere if caractere.isprintable() and not caractere.isspace() else f"U+{ord(caractere):04X}"
        return MESSAGE_CARACTERE.format(caractere=montre)
    return None


def normalise_telephone(value: str, departement: str | None) -> str:
    """Return the E.164 form of a French number (metropolitan or overseas) that anyone can call
    at the price of an ordinary call, or raise ValueError with the reason in French."""
    if (pourquoi := caractere_refuse(value)) is not None:
        raise ValueError(pourquoi)
    region = REGION_TELEPHONE.get(departement or "", "FR")
    try:
        number = phonenumbers.parse(value.replace("\u202f", " ").strip(), region)  # it does not know this space
    except phonenumbers.NumberParseException:
        number = None
    if (
        number is None
        or not phonenumbers.is_valid_number(number)
        or phonenumbers.region_code_for_number(number) not in REGIONS_FRANCAISES
    ):
        raise ValueError(MESSAGE_TELEPHONE_INVALIDE)
    genre = phonenumbers.number_type(number)
    if genre in TYPES_SURTAXES:
        raise ValueError(MESSAGE_SURTAXE)
    if genre not in TYPES_JOIGNABLES:
        raise ValueError("ce numéro n'est ni un fixe, ni un portable, ni un numéro gratuit : donner celui de la plateforme")
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def chercher_telephone(texte: str, departement: str | None) -> tuple[int, int] | None:
    """Where a free text (an antenne's line) holds a phone number, even a wrong one, so that
    normalise_telephone judges it instead of it staying in an address: phonenumbers'
    matcher first, then a run that starts with "0" or "+" and mixes digits with letters
    (« 05 55 XX XX XX »), which the matcher does not see. (start, end) of the first one, or None."""
    region = REGION_TELEPHONE.get(departement or "", "FR")
    for trouve in phonenumbers.PhoneNumberMatcher(texte, region):
        return trouve.start, trouve.end
    for debut in (i for i, c in enumerate(texte) if c in "0+(" and (i == 0 or not texte[i - 1].isalnum())):
        fin = position = debut
        signes = chiffres = 0
        # Word by word: a word of the number has a digit, or is a pair of capitals typed for digits ("XX", "OO").
        for mot in texte[debut:].split(" "):
            coeur = mot.strip("().-+\u00a0\u202f")
            if not coeur.isalnum() or not (any(c.isdigit() for c in coeur) or len(coeur) <= 2 and coeur.isupper()):
                break
            signes += len(coeur)
            chiffres += sum(c.isdigit() for c in coeur)
            position += len(mot)
            fin = position
            position += 1
        if 9 <= signes <= 15 and chiffres >= 4:
            fin = debut + len(texte[debut:fin].rstrip(".-"))
            return (debut + 1 if texte[debut] == "(" and ")" not in texte[debut:fin] else debut), fin
    return None


@dataclass(frozen=True)
class Formulaire:
    """A field the proposal form asks (annuaire/formulaire.py): the site's form, the GitHub issue
    form and `from-issue` take it from here, its kind of input from the field's type. Given as the
    field's `json_schema_extra`, it also names the field in the JSON Schema (its title)."""

    libelle: str
    rubrique: str  # the form's section, one of formulaire.RUBRIQUES
    aide: str | None = None  # help for the form, when the description speaks of the file
    options: tuple[tuple[str, str], ...] = ()  # a choice's values in words: (("oui", "Oui"), …)

    def __call__(self, schema: dict) -> None:
        schema["title"] = self.libelle


def _departement(info: ValidationInfo) -> str | None:
    """The fiche's département, which every path gives the model (context `departement`)."""
    return (info.context or {}).get(CONTEXT_DEPARTEMENT)


class StatutVerification(StrEnum):
    """How far the entry has been checked."""

    A_COMPLETER = "a-completer"  # no public source found yet: contacts unknown
    SOURCE_PUBLIQUE = "source-publique"  # taken from a public page, not confirmed by the platform
    CONFIRME = "confirme"  # confirmed by the platform itself


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Lieu(_Strict):
    """Where and how to reach a place: fields of data·inclusion v1."""

    adresse: Annotated[
        Texte | None,
        Field(description="Numéro et voie.", examples=["12 rue de l'Exemple"],
              json_schema_extra=Formulaire("Adresse", "contacts")),
    ] = None
    complement_adresse: Annotated[Texte | None, Field(description="Bâtiment, étage, boîte postale…", examples=["Bâtiment B"])] = None
    code_postal: Annotated[
        di.CodePostal | None,
        Field(
            description="Code postal à 5 chiffres, dans le département de la plateforme (un code CEDEX aussi).",
            examples=["29200"],
            json_schema_extra=Formulaire("Code postal", "contacts"),
        ),
    ] = None
    commune: Annotated[
        Texte | None,
        Field(
            description="Nom officiel de la commune, dans le département de la plateforme ; elle a ce code postal.",
            examples=["Brest"],
            json_schema_extra=Formulaire("Commune", "contacts"),
        ),
    ] = None
    code_insee: Annotated[di.CodeCommune | None, Field(description="Code officiel (COG) de la commune, 5 caractères.", examples=["29019"])] = None
    telephone: Annotated[
        Telephone | None,
        Field(
            description="Un seul numéro fixe, portable ou gratuit (jamais surtaxé), en chiffres, espaces ou points : "
            "il est vérifié et enregistré au format international.",
            examples=["04 74 00 00 00"],
            json_schema_extra=Formulaire(
                "Téléphone", "contacts", aide="Le numéro public de la plateforme, par exemple 04 74 00 00 00."
            ),
        ),
    ] = None
    courriel: Annotated[
        Courriel | None,
        Field(description="Adresse e-mail de contact.", examples=["contact@exemple.fr"],
              json_schema_extra=Formulaire("E-mail", "contacts")),
    ] = None
    horaires_accueil: Annotated[
        Horaires | None,
        Field(
            description="Horaires au format OpenStreetMap (Mo lundi, Tu mardi, We mercredi, Th jeudi, Fr vendredi, "
            "Sa samedi, Su dimanche ; PH off : fermé les jours fériés).",
            examples=["Mo-Fr 09:00-12:00,14:00-17:00; PH off"],
            # The form asks in words; from-issue translates them, or asks a maintainer to.
            json_schema_extra=Formulaire(
                "Horaires d'accueil", "contacts", aide="En mots, par exemple « du lundi au vendredi, de 9 h à 12 h »."
            ),
        ),
    ] = None
    accessibilite_lieu: Annotated[
        UrlHttps | None,
        Field(description="Lien vers la fiche du lieu sur acceslibre.", examples=["https://acceslibre.beta.gouv.fr/…"],
              json_schema_extra=Formulaire("Accessibilité du lieu", "contacts")),
    ] = None

    def a_des_coordonnees(self) -> bool:
        """A phone, an e-mail or an address: what a vCard or a contact point can carry."""
        return bool(self.telephone or self.courriel or self.adresse)

    @field_validator("telephone")
    @classmethod
    def _telephone(cls, value: str | None, info: ValidationInfo) -> str | None:
        if value is None:
            return None
        departement = (info.context or {}).get(CONTEXT_DEPARTEMENT)
        return normalise_telephone(value, departement)

    # Postal code, commune and département agree (localisation.py). A field that failed is absent
    # from info.data: each problem is reported once, on its own field, all of them in one run.
    @field_validator("code_postal")
    @classmethod
    def _code_postal_du_departement(cls, value: str | None, info: ValidationInfo) -> str | None:
        if value is not None and (pourquoi := localisation.probleme_code_postal(value, _departement(info))):
            raise ValueError(pourquoi)
        return value

    @field_validator("commune")
    @classmethod
    def _commune_du_departement(cls, value: str | None, info: ValidationInfo) -> str | None:
        if value is not None and (
            pourquoi := localisation.probleme_commune(value, _departement(info), info.data.get("code_postal"))
        ):
            raise ValueError(pourquoi)
        return value

    @field_validator("code_insee")
    @classmethod
    def _code_insee_du_departement(cls, value: str | None, info: ValidationInfo) -> str | None:
        if value is not None and (
            pourquoi := localisation.probleme_code_insee(
                value, _departement(info), info.data.get("commune"), info.data.get("code_postal")
            )
        ):
            raise ValueError(pourquoi)
        return value


class Structure(_Strict):
    """An organisation: the structure gestionnaire or a partner."""

    nom: Annotated[Texte, Field(description="Nom de la structure.", examples=["Association Exemple"])]
    siret: Annotated[di.CodeSiret | None, Field(description="Numéro SIRET, 14 chiffres.", examples=["12345678901234"])] = None
    site_web: Annotated[UrlHttps | None, Field(description="Site web de la structure.")] = None


class Site(Lieu):
    """An antenne: another place where the platform receives people."""

    nom: Annotated[Texte, Field(description="Nom du lieu.", examples=["Antenne de Brest"])]
    lien_source: Annotated[
        UrlHttps | None,
        Field(description="Page publique d'où viennent les informations de ce lieu, si ce n'est pas celle de la fiche."),
    ] = None


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


class Mdph(Lieu):
    """The MDPH (or MDA) of the département: it can always prescribe. Public and stable
    contacts, with a source and a date of their own."""

    nom: Annotated[Texte, Field(description="Nom officiel, ex. « MDPH de l'Aude » ou « MDA des Hautes-Alpes ».")]
    site_web: Annotated[UrlHttps | None, Field(description="Site web officiel de la MDPH.")] = None
    lien_source: Annotated[UrlHttps, Field(description="Page officielle d'où viennent ces informations.")]
    date_maj: Annotated[
        dt.date, AfterValidator(_not_in_future), Field(description="Date de la vérification de ces informations (AAAA-MM-JJ).")
    ]


class Accueil(StrEnum):
    """Whether the platform takes new people now."""

    OUI = "oui"
    LISTE_D_ATTENTE = "liste-d-attente"
    NON = "non"


class OuiNon(StrEnum):
    OUI = "oui"
    NON = "non"


class Plateforme(Lieu):
    """The plateforme départementale emploi accompagné of one département."""

    departement: Annotated[
        str,
        Field(
            description="Code du département : « 01 » à « 95 », « 2A », « 2B », « 971 » à « 976 ».",
            examples=["01", "2A", "974"],
            json_schema_extra={"enum": list(CODES_DEPARTEMENTS)},
        ),
    ]
    nom: Annotated[
        Texte | None,
        Field(description="Nom de la plateforme tel qu'elle l'écrit.", examples=["Plateforme emploi accompagné du Finistère"],
              json_schema_extra=Formulaire("Nom de la plateforme", "plateforme")),
    ] = None
    site_web: Annotated[
        UrlHttps | None,
        Field(description="Site web ou page de la plateforme, en https://.", examples=["https://www.exemple.fr"],
              json_schema_extra=Formulaire("Site web", "plateforme")),
    ] = None
    structure_gestionnaire: Annotated[
        Structure | None,
        Field(description="La structure qui porte la plateforme.",
              json_schema_extra=Formulaire("Structure gestionnaire", "plateforme",
                                           aide="L'association ou l'organisme qui porte la plateforme.")),
    ] = None
    partenaires: Annotated[
        list[Structure],
        Field(description="Structures partenaires qui accompagnent aussi.", max_length=50,
              json_schema_extra=Formulaire(
                  "Structures partenaires", "plateforme",
                  aide="Une structure par ligne, par exemple une association qui accompagne aussi.")),
    ] = []
    sites: Annotated[
        list[Site],
        Field(description="Antennes et autres lieux d'accueil.", max_length=50,
              json_schema_extra=Formulaire(
                  "Autres lieux d'accueil", "contacts",
                  aide="Une antenne par ligne : son nom, puis son adresse ou son téléphone.")),
    ] = []
    remarques: Annotated[TexteLong | None, Field(description="Une ou deux phrases utiles au public.", examples=["Accueil sur rendez-vous."])] = None
    # What a person needs to know before making contact (same source and date as the fiche).
    accueil_nouvelles_personnes: Annotated[
        Accueil | None,
        Field(
            description="La plateforme accueille-t-elle de nouvelles personnes en ce moment : oui, liste-d-attente ou non.",
            examples=["liste-d-attente"],
            json_schema_extra=Formulaire(
                "Accueil de nouvelles personnes", "avant-le-contact",
                aide="La plateforme accueille-t-elle de nouvelles personnes en ce moment ?",
                options=(("oui", "Oui"), ("liste-d-attente", "Oui, avec une liste d'attente"), ("non", "Non")),
            ),
        ),
    ] = None
    delai_premier_rendez_vous: Annotated[
        Texte | None,
        Field(description="Délai habituel avant un premier rendez-vous, en mots.", examples=["environ un mois"],
              json_schema_extra=Formulaire("Délai avant un premier rendez-vous", "avant-le-contact",
                                           aide="Le délai habituel, en mots, par exemple « environ un mois ».")),
    ] = None
    contact_avant_prescription: Annotated[
        OuiNon | None,
        Field(description="Peut-on contacter la plateforme avant d'avoir une prescription : oui ou non.", examples=["oui"],
              json_schema_extra=Formulaire("Contact avant une prescription", "avant-le-contact",
                                           aide="Peut-on contacter la plateforme avant d'avoir une prescription ?")),
    ] = None
    premier_entretien_a_distance: Annotated[
        OuiNon | None,
        Field(
            description="Le premier entretien peut-il avoir lieu à distance (téléphone ou visio) : oui ou non.",
            examples=["oui"],
            json_schema_extra=Formulaire("Premier entretien à distance", "avant-le-contact",
                                         aide="Le premier entretien peut-il avoir lieu par téléphone ou en visio ?"),
        ),
    ] = None
    prescriptions: Annotated[
        TexteLong | None,
        Field(
            description="Comment les prescriptions arrivent à la plateforme, en une ou deux phrases.",
            examples=["Les conseillers envoient la fiche navette par e-mail."],
            json_schema_extra=Formulaire("Comment les prescriptions arrivent", "prescripteurs"),
        ),
    ] = None
    courriel_prescripteurs: Annotated[
        Courriel | None,
        Field(
            description="Adresse e-mail réservée aux prescripteurs (fiches navettes) : la page la montre aux professionnels, "
            "pas comme contact du public.",
            examples=["prescriptions@exemple.fr"],
            json_schema_extra=Formulaire("E-mail pour les prescripteurs", "prescripteurs"),
        ),
    ] = None
    mdph: Annotated[
        Mdph | None, Field(description="La MDPH (ou MDA) du département, avec sa propre source et sa date."),
    ] = None
    lien_source: Annotated[
        UrlHttps | None,
        Field(
            description="Page publique d'où viennent les informations (obligatoire dès qu'un contact est renseigné).",
            examples=["https://www.exemple.fr/emploi-accompagne"],
        ),
    ] = None
    date_maj: Annotated[
        dt.date,
        AfterValidator(_not_in_future),
        Field(description="Date de la dernière vérification de la fiche (AAAA-MM-JJ, jamais dans le futur).", examples=["2026-11-23"]),
    ]
    statut_verification: Annotated[
        StatutVerification,
        Field(
            description="a-completer (rien de vérifié), source-publique (trouvé sur une page publique) "
            "ou confirme (confirmé par la plateforme elle-même).",
            examples=["source-publique"],
        ),
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
            if (proche := value.strip().upper().zfill(2)) in CODES_DEPARTEMENTS:  # "9", "2a"
                raise ValueError(f"code de département mal écrit : écrire « {proche} »")
            raise ValueError("code de département inconnu : « 01 » à « 95 », « 2A », « 2B », « 971 » à « 976 »")
        return value

    @model_validator(mode="after")
    def _contacts_need_a_source(self) -> Plateforme:
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
        """Any way to reach the platform, at any of its places: what needs a source."""
        if self.site_web is not None or self.courriel_prescripteurs is not None:
            return True
        return any(lieu.a_des_coordonnees() for lieu in (self, *self.sites))

    def nom_de_source(self) -> str | None:
        """The name a source gives: the platform's own, else that of the organisation that runs
        it; None when no source names either (a name is never made up from the département's)."""
        if self.nom:
            return self.nom
        return self.structure_gestionnaire.nom if self.structure_gestionnaire else None

    def nom_affiche(self) -> str:
        """The platform's own name when a source gives it, else a plain description."""
        return self.nom or f"Plateforme emploi accompagné {referentiel.departement(self.departement).de}"


def json_schema() -> dict:
    """JSON Schema of the whole file: a list of platforms."""
    schema = TypeAdapter(list[Plateforme]).json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "Annuaire des plateformes départementales emploi accompagné"
    return schema
