"""The table of fields in CONTRIBUTING.md, written from the model (descriptions and examples).

The guide is edited by hand, except between its two markers: `python -m emploi_accompagne
generer` writes the table there, and a test fails when it no longer matches the model.
"""
from __future__ import annotations

import json
import re

from ..paths import ROOT
from .exports import modele_interieur
from .modele import Plateforme

GUIDE = ROOT / "CONTRIBUTING.md"
DEBUT = "<!-- champs : début (écrit par `python -m emploi_accompagne generer` depuis le modèle) -->"
FIN = "<!-- champs : fin -->"
# The fields a volunteer writes first, then the others in the model's order.
PREMIERS = ("departement", "statut_verification", "date_maj", "lien_source", "confirmation", "nom")
# YAML would read these examples as numbers or dates: the file writes them between quotes.
_A_GUILLEMETS = re.compile(r"^[0-9]+[0-9A-B]*$")


def _exemple(valeur) -> str:
    texte = json.dumps(valeur, ensure_ascii=False) if isinstance(valeur, str) and _A_GUILLEMETS.match(valeur) else str(valeur)
    return f"`{texte}`"


def _cellule(texte: str) -> str:
    return texte.replace("|", "\\|").replace("\n", " ")


def _ligne(nom: str, champ, exemple_du_guide: str) -> str:
    description = champ.description or ""
    sous_modele, liste = modele_interieur(champ.annotation)
    if sous_modele is not None:
        sous_champs = ", ".join(f"`{n}`" for n in sous_modele.model_fields)
        forme = "une liste d'éléments" if liste else "un groupe de champs"
        description += f" C'est {forme} : {sous_champs}."
        exemple = "voir l'exemple" if re.search(rf"^  {nom}:", exemple_du_guide, re.M) else ""
    else:
        exemple = ", ".join(_exemple(e) for e in (champ.examples or [])) or ""
    return f"| `{nom}` | {_cellule(description)} | {exemple} |"


def tableau_des_champs(guide: str) -> str:
    bloc = re.search(r"```yaml\n(.*?)```", guide, re.S)
    exemple = bloc.group(1) if bloc else ""
    champs = Plateforme.model_fields
    ordre = [n for n in PREMIERS if n in champs] + [n for n in champs if n not in PREMIERS]
    lignes = ["| champ | ce qu'on y met | exemple |", "|---|---|---|"]
    lignes += [_ligne(nom, champs[nom], exemple) for nom in ordre]
    return "\n".join(lignes)


def guide_a_jour(texte: str) -> str:
    """The guide's text with the table between the markers written anew."""
    debut, fin = texte.index(DEBUT) + len(DEBUT), texte.index(FIN)
    return texte[:debut] + "\n" + tableau_des_champs(texte) + "\n" + texte[fin:]
