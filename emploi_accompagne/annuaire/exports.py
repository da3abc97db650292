"""The open-data exports of the directory, published under /donnees/.

- plateformes.json: the entries exactly as the model holds them (valid against
  plateformes.schema.json, published next to it);
- plateformes.csv: one row per département, for spreadsheets (UTF-8 with a byte order
  mark so that Excel reads the accents; every field quoted; whatever a spreadsheet
  would run as a formula, at the start of a cell or after a separator, is neutralised);
- data-inclusion/structures.json and services.json: the national data·inclusion
  schema v1 (one structure and one service per platform that a public source or the
  platform itself backs, under the name that source gives: never a name made up from
  the département's, never a record that says nothing; see `pour_data_inclusion`).
- no absolute address of this computer: a build that stays on it (site_url on localhost)
  gives no `lien_source` rather than one that would point to localhost once published.

Outputs only depend on the data (no build date), so two builds give the same bytes.
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import typing
from enum import Enum

from pydantic import BaseModel

from .. import referentiel
from ..configuration import est_une_publication
from ..paths import DATA
from . import chemins
from .modele import Plateforme, StatutVerification

DOSSIER = chemins.DOSSIER_DONNEES
FICHIER_SCHEMA = DATA / "plateformes.schema.json"
SOURCE_DATA_INCLUSION = "annuaire-emploi-accompagne"
BOM = "\ufeff"

# A spreadsheet runs a cell starting with one of these as a formula (CSV injection).
DEBUTS_DE_FORMULE = ("=", "+", "-", "@", "\t", "\r")
# A cell can also start after one of these inside a value: French Excel splits a line on ";" whatever
# the quotes, others on ","; a paste splits on tabs and line breaks. `Plateforme;=HYPERLINK(…)`.
SEPARATEURS = ";,\t\r\n"
_APRES_SEPARATEUR = rf"([{re.escape(SEPARATEURS)}][ \t\r\n\"]*)"
_FORMULE_APRES_SEPARATEUR = re.compile(_APRES_SEPARATEUR + r"(?=[=+\-@])")
_FORMULE_NEUTRALISEE = re.compile(_APRES_SEPARATEUR + r"'(?=[=+\-@])")

# The CSV's columns come from the model, in its order: a field gives its column; a group of
# fields (structure_gestionnaire, mdph…) one column per field, `<group>_<field>`, its `nom`
# being the group's column itself; a list of places or structures one column of their names.
COLONNES_DU_DEPARTEMENT = ("departement", "departement_nom", "region")


def modele_interieur(annotation):
    """The model inside `Model | None` or `list[Model]`, and whether it is a list."""
    for argument in (annotation, *typing.get_args(annotation)):
        if typing.get_origin(argument) is list:
            return typing.get_args(argument)[0], True
        if isinstance(argument, type) and issubclass(argument, BaseModel):
            return argument, False
    return None, False


def colonnes_du_modele(modele: type[BaseModel] = Plateforme) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(column, path of the field in the model) for each column a fiche gives."""
    colonnes = []
    for nom in modele.model_fields:
        sous_modele, liste = modele_interieur(modele.model_fields[nom].annotation)
        if sous_modele is None or liste:
            colonnes.append((nom, (nom,)))
            continue
        for colonne, chemin in colonnes_du_modele(sous_modele):
            colonnes.append((nom if colonne == "nom" else f"{nom}_{colonne}", (nom, *chemin)))
    return tuple(colonnes)


# The platform's name first, for a reader of the spreadsheet; then the model's order.
COLONNES_DES_FICHES = tuple(sorted((c for c in colonnes_du_modele() if c[0] != "departement"), key=lambda c: c[0] != "nom"))
COLONNES_CSV = (*COLONNES_DU_DEPARTEMENT, *(colonne for colonne, _ in COLONNES_DES_FICHES))
SEPARATEUR_LISTE = " | "


# --- JSON -------------------------------------------------------------------------------------


def _json(valeur) -> str:
    return json.dumps(valeur, ensure_ascii=False, indent=1) + "\n"


def plateformes_json(plateformes: list[Plateforme]) -> str:
    return _json([p.model_dump(mode="json") for p in plateformes])


# --- CSV ---------------------------------------------------------------------------------------


def neutraliser_formule(valeur: str) -> str:
    """Prefix a quote to a cell a spreadsheet would read as a formula (OWASP's advice), and to
    what would start a formula after a separator: `a;=B1` -> `a;'=B1`."""
    valeur = _FORMULE_APRES_SEPARATEUR.sub(r"\1'", valeur)
    return "'" + valeur if valeur.startswith(DEBUTS_DE_FORMULE) else valeur


def retablir_formule(valeur: str) -> str:
    """The text before `neutraliser_formule` (the quotes after separators; the import removes the first one)."""
    return _FORMULE_NEUTRALISEE.sub(r"\1", valeur)


def _valeur_csv(valeur) -> str:
    if valeur is None:
        return ""
    if isinstance(valeur, list):  # places or structures: their names
        return SEPARATEUR_LISTE.join(element.nom for element in valeur)
    if isinstance(valeur, Enum):
        return str(valeur.value)
    if isinstance(valeur, dt.date):
        return valeur.isoformat()
    return str(valeur)


def _ligne_csv(plateforme: Plateforme) -> dict[str, str]:
    dep = referentiel.departement(plateforme.departement)
    valeurs = {"departement": dep.code, "departement_nom": dep.nom, "region": dep.region}
    for colonne, chemin in COLONNES_DES_FICHES:
        valeur = plateforme
        for nom in chemin:
            valeur = getattr(valeur, nom, None) if valeur is not None else None
        valeurs[colonne] = _valeur_csv(valeur)
    return {colonne: neutraliser_formule(valeurs[colonne]) for colonne in COLONNES_CSV}


def plateformes_csv(plateformes: list[Plateforme]) -> str:
    tampon = io.StringIO()
    ecrivain = csv.DictWriter(tampon, fieldnames=COLONNES_CSV, lineterminator="\r\n", quoting=csv.QUOTE_ALL)
    ecrivain.writeheader()
    for plateforme in plateformes:
        ecrivain.writerow(_ligne_csv(plateforme))
    return BOM + tampon.getvalue()


# --- data·inclusion v1 -------------------------------------------------------------------------

DESCRIPTION_STRUCTURE = (
    "Plateforme départementale emploi accompagné : un référent (job coach) aide une personne "
    "en situation de handicap à trouver un emploi en milieu ordinaire et à le garder, et "
    "accompagne aussi son employeur."
)
DESCRIPTION_SERVICE = (
    "Un référent emploi accompagné (job coach) suit la personne aussi longtemps que nécessaire : "
    "évaluation de sa situation, projet professionnel, recherche d'emploi, puis soutien dans "
    "l'emploi. Il appuie aussi l'employeur, le manager et les collègues. Gratuit pour la "
    "personne et pour l'employeur."
)
PUBLICS_PRECISIONS = (
    "Personnes de 16 ans ou plus ayant une reconnaissance de la qualité de travailleur "
    "handicapé (RQTH) ou un autre titre de l'obligation d'emploi."
)
CONDITIONS_ACCES = (
    "Sur prescription : décision de la CDAPH (demande à la MDPH), ou prescription de "
    "France Travail, de Cap emploi ou d'une mission locale."
)
MOBILISATION_PRECISIONS = (
    "La personne demande une prescription à la MDPH (la CDAPH décide), ou à France Travail, à "
    "Cap emploi ou à sa mission locale, qui prescrivent directement et en informent la CDAPH."
)
# Backed by a public page or by the platform itself: the only fiches data·inclusion receives.
STATUTS_DATA_INCLUSION = (StatutVerification.SOURCE_PUBLIQUE, StatutVerification.CONFIRME)


def pour_data_inclusion(plateformes: list[Plateforme]) -> list[Plateforme]:
    """The fiches data·inclusion receives: backed by a public source or the platform, and named by it.
    An empty fiche would flood professionals' tools with a structure nobody can reach."""
    return [p for p in plateformes if p.statut_verification in STATUTS_DATA_INCLUSION and p.nom_de_source()]


def lien_public(site_url: str | None, plateforme: Plateforme) -> str | None:
    """The page's address on the published site; none for a build that stays on this computer."""
    if not est_une_publication(site_url):
        return None
    return chemins.url_departement(site_url, plateforme.departement)


def identifiant(plateforme: Plateforme) -> str:
    return f"{SOURCE_DATA_INCLUSION}--{plateforme.departement.lower()}"


def _coordonnees_data_inclusion(plateforme: Plateforme) -> dict:
    champs = (
        "adresse", "complement_adresse", "code_postal", "commune", "code_insee",
        "telephone", "courriel", "horaires_accueil",
    )  # fmt: skip
    return {champ: getattr(plateforme, champ) for champ in champs if getattr(plateforme, champ)}


def structure_data_inclusion(plateforme: Plateforme, site_url: str | None) -> dict:
    structure = {
        "source": SOURCE_DATA_INCLUSION,
        "id": identifiant(plateforme),
        "nom": plateforme.nom_de_source(),
        "date_maj": plateforme.date_maj.isoformat(),
        "description": DESCRIPTION_STRUCTURE,
        **_coordonnees_data_inclusion(plateforme),
    }
    if plateforme.structure_gestionnaire and plateforme.structure_gestionnaire.siret:
        # The platform is not an establishment of its own: data·inclusion accepts the
        # SIRET of the organisation that runs it.
        structure["siret"] = plateforme.structure_gestionnaire.siret
    if plateforme.site_web:
        structure["site_web"] = plateforme.site_web
    if plateforme.accessibilite_lieu:
        structure["accessibilite_lieu"] = plateforme.accessibilite_lieu
    lien = lien_public(site_url, plateforme)
    if lien:
        structure["lien_source"] = lien
    return structure


def _modes_mobilisation(plateforme: Plateforme) -> list[str]:
    modes = []
    if plateforme.courriel:
        modes.append("envoyer-un-courriel")
    if plateforme.telephone:
        modes.append("telephoner")
    return modes


def _precisions_de_mobilisation(plateforme: Plateforme) -> str:
    # The prescribers' address is not the public's: it goes in words, not in `courriel`.
    adresse = (
        f"Adresse des prescripteurs pour la fiche navette : {plateforme.courriel_prescripteurs}."
        if plateforme.courriel_prescripteurs else None
    )
    return " ".join(filter(None, (MOBILISATION_PRECISIONS, plateforme.prescriptions, adresse)))


def service_data_inclusion(plateforme: Plateforme, site_url: str | None) -> dict:
    service = {
        "source": SOURCE_DATA_INCLUSION,
        "structure_id": identifiant(plateforme),
        "id": identifiant(plateforme) + "--emploi-accompagne",
        "nom": "Emploi accompagné",
        "description": DESCRIPTION_SERVICE,
        "date_maj": plateforme.date_maj.isoformat(),
        "type": "accompagnement",
        "thematiques": ["trouver-un-emploi--maintien-dans-lemploi"],
        "frais": "gratuit",
        "publics": ["personnes-en-situation-de-handicap"],
        "publics_precisions": PUBLICS_PRECISIONS,
        "conditions_acces": CONDITIONS_ACCES,
        "zone_eligibilite": [plateforme.departement],
        "mobilisable_par": ["professionnels"],
        "mobilisation_precisions": _precisions_de_mobilisation(plateforme),
        **_coordonnees_data_inclusion(plateforme),
    }
    modes = _modes_mobilisation(plateforme)
    if modes:
        service["modes_mobilisation"] = modes
    lien = lien_public(site_url, plateforme)
    if lien:
        service["lien_source"] = lien
    return service


# --- All files -----------------------------------------------------------------------------------


def fichiers_exports(plateformes: list[Plateforme], site_url: str | None) -> dict[str, str]:
    data_inclusion = pour_data_inclusion(plateformes)
    return {
        f"{DOSSIER}/plateformes.json": plateformes_json(plateformes),
        f"{DOSSIER}/plateformes.csv": plateformes_csv(plateformes),
        f"{DOSSIER}/plateformes.schema.json": FICHIER_SCHEMA.read_text(encoding="utf-8"),
        f"{DOSSIER}/data-inclusion/structures.json": _json(
            [structure_data_inclusion(p, site_url) for p in data_inclusion]
        ),
        f"{DOSSIER}/data-inclusion/services.json": _json([service_data_inclusion(p, site_url) for p in data_inclusion]),
    }
