"""The fields of a proposal: one list for the web form, the GitHub issue form and `from-issue`.

A proposal is what a person can know about one platform, in words, plus where it comes
from. Each field says where it lands in a fiche (`chemin`, a path in the model), its
label and help come from the model's own descriptions where the field is the model's,
so that a field added to the model is one line here.

The proposal travels as text: "### <libellé>" then the value, the layout GitHub writes
for an issue form; the e-mail the web form prepares is plain French, "<libellé> :" then
the value (or « (pas de réponse) »), and `from-issue` reads both.
"""
from __future__ import annotations

from dataclasses import dataclass

from .. import referentiel
from .modele import Lieu, Plateforme

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

SOURCE_PLATEFORME = "Je travaille à la plateforme"


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
    options: tuple[str, ...] = ()  # for a select
    # The département pages link to the forms with this field filled in. GitHub cannot prefill a
    # dropdown from the URL, so on GitHub such a field is a text input (the web form keeps its select).
    prerempli_par_url: bool = False


def _aide(modele, champ: str) -> str:
    return modele.model_fields[champ].description or ""


def options_departement() -> tuple[str, ...]:
    """ "01 – Ain" … "976 – Mayotte": the département's code first, which is what `from-issue` reads."""
    return tuple(f"{dep.code} – {dep.nom}" for dep in referentiel.departements())


ROLES = (
    "Je travaille à la plateforme emploi accompagné",
    "Je suis job coach ou professionnel de l'accompagnement",
    "Je travaille à la MDPH, à France Travail, à Cap emploi ou à la mission locale",
    "Je suis une personne accompagnée ou un proche",
    "Je suis employeur",
    "Autre",
)

CHAMPS: tuple[ChampProposition, ...] = (
    ChampProposition(
        "departement", "Département", "Le département de la plateforme.", ("departement",),
        type_html="select", obligatoire=True, options=options_departement(), prerempli_par_url=True,
    ),
    ChampProposition("nom", "Nom de la plateforme", _aide(Plateforme, "nom"), ("nom",)),
    ChampProposition(
        "structure_gestionnaire", "Structure gestionnaire", "L'association ou l'organisme qui porte la plateforme.",
        ("structure_gestionnaire", "nom"), autocomplete="organization",
    ),
    ChampProposition(
        "telephone", "Téléphone", "Le numéro public de la plateforme, par exemple 04 74 00 00 00.",
        ("telephone",), type_html="tel",
    ),
    ChampProposition("courriel", "E-mail", _aide(Lieu, "courriel"), ("courriel",), type_html="email"),
    ChampProposition(
        "site_web", "Site web", "Adresse commençant par https://", ("site_web",), type_html="url"
    ),
    ChampProposition("adresse", "Adresse", _aide(Lieu, "adresse"), ("adresse",), autocomplete="address-line1"),
    ChampProposition("code_postal", "Code postal", _aide(Lieu, "code_postal"), ("code_postal",),
                     autocomplete="postal-code"),
    ChampProposition("commune", "Commune", _aide(Lieu, "commune"), ("commune",), autocomplete="address-level2"),
    ChampProposition(
        "horaires", "Horaires d'accueil", "En mots, par exemple « du lundi au vendredi, de 9 h à 12 h ».",
        ("horaires_accueil",), type_html="textarea",
    ),
    ChampProposition(
        "accessibilite", "Accessibilité du lieu", _aide(Lieu, "accessibilite_lieu"), ("accessibilite_lieu",),
        type_html="url",
    ),
    ChampProposition(
        "sites", "Autres lieux d'accueil", "Une antenne par ligne : son nom, puis son adresse ou son téléphone.",
        ("sites",), type_html="textarea",
    ),
    ChampProposition(
        "partenaires", "Structures partenaires", "Une structure par ligne, par exemple une association qui accompagne aussi.",
        ("partenaires",), type_html="textarea",
    ),
    ChampProposition(
        "source", "Source",
        "L'adresse (https://…) de la page publique qui donne ces informations, "
        f"ou « {SOURCE_PLATEFORME} ».",
        None, type_html="text", obligatoire=True,
    ),
    ChampProposition("role", "Vous êtes", "Pour savoir comment vérifier la proposition.", None,
                     type_html="select", obligatoire=True, options=ROLES),
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

def champ(identifiant: str) -> ChampProposition:
    return next(c for c in CHAMPS if c.id == identifiant)
