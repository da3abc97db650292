"""Derive data/code-du-travail.json from the consolidated Code du travail of @socialgouv/legi-data.

Reads node_modules/@socialgouv/legi-data/data/LEGITEXT000006072050.json (the Code du travail as
Légifrance consolidates it, pinned in package.json) and keeps exactly what the site needs:

- every Code du travail article that a page of the site cites (emploi_accompagne.textes finds
  them in docs/, data/ and the templates): its identifier, state, dates, text and the texts
  that created or changed it;
- every text (JORFTEXT…) that a page links to directly, with its title as the code names it.

Run it with `make textes` (npm ci, then this script). The site build never runs it: the extract
is committed, and a test re-derives it to name every article that changed.
"""
from __future__ import annotations

import json
import sys

from emploi_accompagne import textes

FICHIER_DU_CODE = textes.DOSSIER_DU_PAQUET / "data" / f"{textes.CODE_DU_TRAVAIL}.json"


def lire_le_paquet() -> tuple[dict, dict]:
    """The code and the package's name and version; exits if npm ci has not been run."""
    if not FICHIER_DU_CODE.exists():
        sys.exit(f"{FICHIER_DU_CODE} manque : lancer `npm ci` (ou `make textes`).")
    version = json.loads((textes.DOSSIER_DU_PAQUET / "package.json").read_text(encoding="utf-8"))["version"]
    if version != textes.VERSION_DU_PAQUET:
        sys.exit(f"{textes.PAQUET} est en version {version}, {textes.VERSION_DU_PAQUET} attendue (emploi_accompagne/textes.py).")
    code = json.loads(FICHIER_DU_CODE.read_text(encoding="utf-8"))
    return code, {"nom": textes.PAQUET, "version": version}


def derive() -> dict:
    """The extract from the installed package and the site's current pages (used by the tests too)."""
    code, paquet = lire_le_paquet()
    return textes.extraire(code, textes.articles_cites_du_code_du_travail(), textes.textes_lies_du_site(), paquet)


def main() -> None:
    try:
        extrait = derive()
    except textes.ExtractionImpossible as erreur:
        sys.exit("\n".join(erreur.problemes))
    texte = textes.texte_de_l_extrait(extrait)
    textes.EXTRAIT.write_text(texte, encoding="utf-8")
    print(f"{textes.EXTRAIT.relative_to(textes.ROOT)} : {len(extrait['articles'])} articles, {len(extrait['textes'])} textes")


if __name__ == "__main__":
    main()
