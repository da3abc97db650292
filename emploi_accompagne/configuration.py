"""The values a publisher sets in `mkdocs.yml` under `extra:`, validated like the data.

Every problem becomes one line `mkdocs.yml:LINE:COL: [extra] champ: message`, in French,
and stops the build: a publisher who mistypes `editeur` must not get an empty legal notice.
"""
from __future__ import annotations

from pathlib import Path
from typing import Annotated

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
