"""La fiche complète des tests remplit chaque champ facultatif du modèle.

The real data has almost no contact yet: the département page in its fullest state is
shown only by the specimen site (tests/helpers/site.py), built with this fiche, whose Ain
page goes through the Nu checker and the three accessibility engines like one page of each
kind (tests/site/test_types_de_page.py). That proves something only if the fiche really
fills every optional field, in the platform and in each kind of nested block.
"""
from __future__ import annotations

from pydantic import BaseModel

from emploi_accompagne.annuaire.modele import Plateforme


def champs_vides(modele: BaseModel, ou: str) -> list[str]:
    """The optional fields left empty in `modele` and in its nested blocks (lists: the fullest item)."""
    vides = []
    for nom in type(modele).model_fields:
        valeur = getattr(modele, nom)
        if valeur is None or valeur == []:
            vides.append(f"{ou}.{nom}")
        elif isinstance(valeur, BaseModel):
            vides += champs_vides(valeur, f"{ou}.{nom}")
        elif isinstance(valeur, list) and isinstance(valeur[0], BaseModel):
            vides += min((champs_vides(element, f"{ou}.{nom}[]") for element in valeur), key=len)
    return vides


def test_la_fiche_complete_remplit_chaque_champ_facultatif(plateformes_completes):
    ain = next(p for p in plateformes_completes if p.departement == "01")
    assert isinstance(ain, Plateforme)
    assert champs_vides(ain, "fiche") == []


def test_un_champ_vide_serait_vu(plateformes):
    """The check itself: a real fiche, with empty fields, is reported."""
    assert "fiche.telephone" in champs_vides(next(p for p in plateformes if p.departement == "01"), "fiche")
