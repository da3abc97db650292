"""The GitHub issue form "Proposer une fiche", generated from `formulaire.CHAMPS` (the model's
fields that have a `modele.Formulaire`, and those about the proposal),
and the link that opens it with the département already filled in.

`python -m emploi_accompagne formulaire-github` writes `.github/ISSUE_TEMPLATE/proposer-une-fiche.yml`;
`--check` fails when the committed file is not what `CHAMPS` gives.

Prefilling (GitHub's documentation, "Syntax for GitHub's form schema"): a field's `id` is
its name in the URL's query, `/issues/new?template=<file>&title=…&<id>=<value>`. Dropdowns
cannot be prefilled that way (a dropdown value in the URL leaves the form blank), so a field
the département pages prefill (`prerempli_par_url`) is a text input on GitHub. The URL holds
no `labels` parameter: the template sets the label, and a visitor without the right to label
issues would get an error page.
"""
from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from urllib.parse import quote, urlencode

import yaml

from .. import referentiel
from ..paths import ROOT
from .formulaire import (
    CHAMPS,
    ETIQUETTE_PROPOSITION,
    FICHIER_FORMULAIRE_GITHUB,
    ChampProposition,
)

CHEMIN_FORMULAIRE_GITHUB = ROOT / FICHIER_FORMULAIRE_GITHUB
TITRE_PROPOSITION = "Proposition de fiche : "

EN_TETE = (
    "# Fichier généré depuis le modèle (emploi_accompagne/annuaire/modele.py) et formulaire.py :\n"
    "# ne pas le modifier à la main, lancer `python -m emploi_accompagne formulaire-github`.\n"
)

INTRODUCTION = """\
Merci de nous aider à compléter l'annuaire des plateformes emploi accompagné.
Remplissez seulement ce que vous savez : une case laissée vide ne change rien à la fiche.

**Cette demande est publique** : tout le monde peut la lire. Aucune information personnelle
n'est nécessaire : n'écrivez rien sur vous ni sur une personne accompagnée, seulement les
coordonnées publiques de la plateforme.

Avant d'être publiée, chaque information est vérifiée par un responsable de l'annuaire :
sur la page publique indiquée dans « Source », ou directement auprès de la plateforme si
vous y travaillez.
"""


def _type_github(champ: ChampProposition) -> str:
    if champ.type_html == "select" and not champ.prerempli_par_url:
        return "dropdown"
    return "textarea" if champ.type_html == "textarea" else "input"


def _description(champ: ChampProposition) -> str:
    if champ.type_html == "select" and champ.prerempli_par_url:
        # A text input in place of the web form's list: say what to type.
        return f"{champ.aide} Écrivez son numéro, par exemple 29 ou 2A, ou son nom."
    return champ.aide


def champs_github() -> tuple[ChampProposition, ...]:
    """The fields the issue form shows: the public ones, in the order of `CHAMPS`."""
    return tuple(c for c in CHAMPS if c.public)


def _element(champ: ChampProposition) -> dict:
    type_github = _type_github(champ)
    attributs: dict = {"label": champ.libelle}
    if description := _description(champ):
        attributs["description"] = description
    if type_github == "dropdown":
        attributs["options"] = list(champ.options)
    elif champ.type_html == "select":
        attributs["placeholder"] = champ.options[0] if champ.options else ""
    element: dict = {"type": type_github, "id": champ.id, "attributes": attributs}
    if champ.obligatoire:
        element["validations"] = {"required": True}
    return element


def formulaire_github() -> dict:
    return {
        "name": "Proposer une fiche de plateforme",
        "description": "Donner le nom, les coordonnées, les antennes ou les conditions d'accueil d'une plateforme "
        "emploi accompagné, avec leur source.",
        "title": TITRE_PROPOSITION,
        "labels": [ETIQUETTE_PROPOSITION],
        "body": [
            {"type": "markdown", "attributes": {"value": INTRODUCTION}},
            *(_element(champ) for champ in champs_github()),
        ],
    }


class _Ecrivain(yaml.SafeDumper):
    def increase_indent(self, flow: bool = False, indentless: bool = False):
        return super().increase_indent(flow, False)


def _texte(dumper: yaml.SafeDumper, valeur: str) -> yaml.ScalarNode:
    return dumper.represent_scalar("tag:yaml.org,2002:str", valeur, style="|" if "\n" in valeur else None)


_Ecrivain.add_representer(str, _texte)


def formulaire_github_texte() -> str:
    corps = yaml.dump(
        formulaire_github(), Dumper=_Ecrivain, allow_unicode=True, sort_keys=False, width=1_000_000, indent=2
    )
    return EN_TETE + corps


def url_proposition_github(repo_url: str, code: str, valeurs: Mapping[str, str] | None = None) -> str:
    """The link that opens the issue form with the département (and `valeurs`, by field id) filled in.

    `repo_url` is the repository's address ("https://github.com/owner/name"). Raises ValueError
    for an unknown département or a field the form cannot prefill (unknown, private, dropdown).
    """
    try:
        departement = referentiel.departement(code)
    except KeyError:
        raise ValueError(f"département inconnu : {code!r}") from None
    prerempli = {"departement": f"{departement.code} – {departement.nom}"}
    remplissables = {c.id for c in champs_github() if _type_github(c) != "dropdown"}
    for identifiant, valeur in (valeurs or {}).items():
        if identifiant not in remplissables:
            raise ValueError(f"champ {identifiant!r} : GitHub ne peut pas le préremplir par l'adresse")
        prerempli[identifiant] = valeur
    requete = {
        "template": Path(FICHIER_FORMULAIRE_GITHUB).name,
        "title": f"{TITRE_PROPOSITION}{departement.code} – {departement.nom}",
        **prerempli,
    }
    base = repo_url.rstrip("/").removesuffix(".git")
    return f"{base}/issues/new?{urlencode(requete, quote_via=quote)}"
