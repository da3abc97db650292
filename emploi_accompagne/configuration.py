"""The values a publisher sets in `mkdocs.yml` under `extra:`, validated like the data.

Every problem becomes one line `mkdocs.yml:LINE:COL: [extra] champ: message`, in French,
and stops the build: a publisher who mistypes `editeur` must not get an empty legal notice.

A build for publication (a `site_url` that is not this computer's) needs every value the
legal notice shows and the address that receives proposals (REGLAGES_DE_PUBLICATION, given
by the repository's settings in the publish workflow): without them it stops, so that no
published site says « à renseigner » or promises an e-mail route that does not exist.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Annotated
from urllib.parse import urlsplit

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError

from .annuaire.chargement import DonneesInvalides, Probleme, lire_document, problemes_de_validation
from .annuaire.modele import courriel_valide
from .paths import ROOT

Valeur = Annotated[str, Field(max_length=500)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Editeur(_Strict):
    nom: Valeur = ""
    adresse: Valeur = ""
    contact: Annotated[Valeur, Field(description="Une adresse e-mail, une adresse web ou un texte.")] = ""
    directeur_publication: Valeur = ""


class Hebergeur(_Strict):
    nom: Valeur = ""
    adresse: Valeur = ""
    site: Valeur = ""


def _courriel_ou_vide(valeur: str) -> str:
    return courriel_valide(valeur) if valeur else valeur


class ReglagesAnnuaire(_Strict):
    courriel_propositions: Annotated[
        Valeur,
        AfterValidator(_courriel_ou_vide),
        Field(description="Adresse qui reçoit les propositions de fiches envoyées par e-mail (vide : pas d'envoi par e-mail)."),
    ] = ""


class ValeursDuSite(_Strict):
    """`extra:` of mkdocs.yml. Unknown keys are refused (Material would read some of them,
    such as `analytics`, which this site must never turn on)."""

    editeur: Editeur = Editeur()
    hebergeur: Hebergeur = Hebergeur()
    annuaire: ReglagesAnnuaire = ReglagesAnnuaire()
    generator: bool = False  # Material's "Made with Material" notice


def valider_extra(config_file: str | Path | None = None) -> ValeursDuSite:
    """The validated `extra:` of the configuration file; DonneesInvalides lists every problem."""
    path = Path(config_file) if config_file else ROOT / "mkdocs.yml"
    nom = path.name  # mkdocs.yml, at the root of the project it configures
    document = lire_document(path, nom, etiquettes_de_mkdocs=True)  # the one file whose !ENV is read
    racine = document.donnees if isinstance(document.donnees, dict) else {}
    extra = racine.get("extra") or {}
    if not isinstance(extra, dict):
        ligne, colonne = document.positions.get(("extra",), (1, 1))
        raise DonneesInvalides(
            [Probleme(nom, ligne, colonne, "?", "extra", "doit être un groupe de champs « nom: valeur »", "extra")]
        )
    try:
        return ValeursDuSite.model_validate(_booleens(extra))
    except ValidationError as error:
        raise DonneesInvalides(problemes_de_validation(error, ("extra",), document, nom, rubrique="extra")) from None


def _booleens(extra: dict) -> dict:
    # The positional reader keeps every scalar as text: YAML's true/false, as MkDocs reads them.
    valeurs = dict(extra)
    if isinstance(valeurs.get("generator"), str):
        valeurs["generator"] = {"true": True, "false": False}.get(valeurs["generator"].lower(), valeurs["generator"])
    return valeurs


# --- Publishing ---------------------------------------------------------------------------------

# site_url of a build that stays on this computer (make serve, make build, the tests).
HOTES_LOCAUX = frozenset({"localhost", "127.0.0.1", "::1"})


@dataclass(frozen=True)
class Reglage:
    """A value a published site needs, and how its publisher gives it."""

    champ: tuple[str, str]  # where it is under `extra:`
    variable: str | None  # the environment variable mkdocs.yml reads it from (!ENV); None: written in mkdocs.yml
    quoi: str  # what it is, in French

    @property
    def nom(self) -> str:
        return ".".join(self.champ)


REGLAGES_DE_PUBLICATION: tuple[Reglage, ...] = (
    Reglage(("editeur", "nom"), "EDITEUR_NOM", "le nom de l'éditeur du site, personne ou organisme"),
    Reglage(("editeur", "adresse"), "EDITEUR_ADRESSE", "l'adresse postale de l'éditeur"),
    Reglage(("editeur", "contact"), "EDITEUR_CONTACT", "comment joindre l'éditeur : une adresse e-mail ou une page web"),
    Reglage(("editeur", "directeur_publication"), "EDITEUR_DIRECTEUR_PUBLICATION",
            "le nom du directeur ou de la directrice de la publication"),
    Reglage(("annuaire", "courriel_propositions"), "COURRIEL_PROPOSITIONS",
            "l'adresse e-mail qui reçoit les propositions de fiches envoyées sans compte"),
    Reglage(("hebergeur", "nom"), None, "le nom de l'hébergeur"),
    Reglage(("hebergeur", "adresse"), None, "l'adresse de l'hébergeur"),
    Reglage(("hebergeur", "site"), None, "le site de l'hébergeur"),
)


def est_une_publication(site_url: str | None) -> bool:
    """Whether a build is meant for the public: a site_url that is set and not this computer's."""
    if not site_url:
        return False
    try:
        hote = urlsplit(site_url).hostname
    except ValueError:
        return True
    return hote not in HOTES_LOCAUX


def verifier_publication(site_url: str | None, config_file: str | Path | None = None) -> None:
    """For a publication, DonneesInvalides with one line per missing value (at its key in mkdocs.yml)."""
    if not est_une_publication(site_url):
        return
    path = Path(config_file) if config_file else ROOT / "mkdocs.yml"
    valeurs = valider_extra(path)
    document = lire_document(path, path.name, etiquettes_de_mkdocs=True)
    problemes = []
    for reglage in REGLAGES_DE_PUBLICATION:
        groupe, champ = reglage.champ
        if getattr(getattr(valeurs, groupe), champ):
            continue
        ligne, colonne = _position(document, ("extra", groupe, ("cle", champ)))
        comment = (
            f"donner la variable {reglage.variable} (réglage du dépôt pour le workflow Publier, ou variable "
            "d'environnement de la construction)" if reglage.variable else f"l'écrire ici, dans {path.name}"
        )
        problemes.append(Probleme(
            path.name, ligne, colonne, "?", reglage.nom,
            f"manquant pour publier le site sur {site_url} ({reglage.quoi}) : {comment} ; "
            "voir « Publier le site » dans README.md",
            "extra",
        ))
    if problemes:
        raise DonneesInvalides(problemes)


def _position(document, chemin: tuple) -> tuple[int, int]:
    while chemin:
        if chemin in document.positions:
            return document.positions[chemin]
        chemin = chemin[:-1]
    return (1, 1)
