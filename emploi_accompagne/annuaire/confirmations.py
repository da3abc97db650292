"""The maintainers' confirmations of a proposal, read in the comments of its GitHub issue.

While a proposal waits for a confirmation, the bot shows the values it read, as people read
them, with their digest (`proposition.message_a_confirmer`; the whole digest is in an HTML
comment at the end of the bot's comment). A maintainer who has checked them with the platform
comments `/confirmer <empreinte> <comment>`. Such a comment counts only if:

- its author may write to the repository, by the permission GitHub gives for that account
  (`droits`), not by the author's association with the issue, which read-only members and
  collaborators share;
- its digest is one the bot showed, for a single version of the proposal: the confirmation is
  then bound to that version's whole digest. A later edit of the issue keeps it only if it gives
  the very same values; a short digest alone could be made to collide, the whole one cannot;
- it says how the platform confirmed, without anyone's name (that text is published).

The file, written by the workflow from GitHub's API (`.github/workflows/proposition.yml`):

    {"commentaires": [{"auteur": "<login>", "type": "User", "date": "<ISO 8601>", "corps": "<text>"}, …],
     "droits": {"<login>": "admin" | "maintain" | "write" | "triage" | "read" | "none", …}}

`droits` holds the authors of the `/confirmer` comments; an author missing from it has no right.
"""
from __future__ import annotations

import datetime as dt
import re
from typing import Any

from .proposition import ConfirmationDuResponsable, _code, _une_ligne, defauts_du_moyen

# The account of the workflow's bot (GITHUB_TOKEN): no person's login can contain "[".
ROBOT = "github-actions[bot]"
DROITS_DE_RESPONSABLE = frozenset({"admin", "maintain", "write"})
_EMPREINTE_MONTREE = re.compile(r"<!-- empreinte-complete: ([0-9a-f]{64}) -->")
_COMMANDE = re.compile(r"/confirmer(?:\s+(?P<reste>.*))?", re.IGNORECASE)
_EMPREINTE = re.compile(r"[0-9a-fA-F]{6,64}")


def _premiere_ligne(texte: str) -> str:
    return (texte.strip().splitlines() or [""])[0].strip()


def _jour(horodatage: str) -> dt.date:
    return dt.date.fromisoformat(horodatage[:10])


def confirmations_des_commentaires(
    donnees: dict[str, Any],
) -> tuple[list[ConfirmationDuResponsable], list[str]]:
    """The confirmations that count, the latest first, each with the whole digest of the values it
    confirms; and, if the latest `/confirmer` does not count, why (French, Markdown, for the issue)."""
    commentaires = sorted(donnees.get("commentaires") or [], key=lambda c: str(c.get("date", "")))
    droits: dict[str, str] = donnees.get("droits") or {}
    montrees = {
        empreinte
        for c in commentaires
        if c.get("auteur") == ROBOT and c.get("type") == "Bot"
        for empreinte in _EMPREINTE_MONTREE.findall(str(c.get("corps") or ""))
    }
    retenues: list[ConfirmationDuResponsable] = []
    pourquoi_pas = None  # why the latest /confirmer does not count
    for commentaire in commentaires:
        auteur = str(commentaire.get("auteur") or "")
        commande = _COMMANDE.fullmatch(_premiere_ligne(str(commentaire.get("corps") or "")))
        if commande is None or auteur == ROBOT:
            continue
        date = _jour(str(commentaire["date"]))
        mots = (commande["reste"] or "").split(maxsplit=1)
        citee = mots[0].lower() if mots else ""
        moyen = _une_ligne(mots[1]) if len(mots) > 1 else ""
        exemple = "/confirmer 3f9a1c2b appel au numéro publié par l'ARS"
        raison = None
        if droits.get(auteur) not in DROITS_DE_RESPONSABLE:
            raison = "seul un responsable de l'annuaire (un compte qui peut écrire dans le dépôt) peut confirmer"
        elif not _EMPREINTE.fullmatch(citee):
            raison = (
                "écrire juste après « /confirmer » l'empreinte donnée par le robot, puis comment la plateforme "
                f"a confirmé, par exemple {_code(exemple)}"
            )
        else:
            correspondantes = {e for e in montrees if e.startswith(citee)}
            if not correspondantes:
                raison = f"le robot n'a donné l'empreinte {_code(citee)} pour aucune version de cette proposition"
            elif len(correspondantes) > 1:
                raison = (
                    f"le robot a donné l'empreinte {_code(citee)} pour deux versions différentes de la proposition : "
                    "confirmer avec l'empreinte en entier (donnée par le robot entre parenthèses)"
                )
            elif defauts := defauts_du_moyen(moyen):
                raison = "texte de la confirmation : " + " ; ".join(defauts)
            else:
                [entiere] = correspondantes
                retenues.append(ConfirmationDuResponsable(moyen, entiere, par=auteur, date=date))
        pourquoi_pas = (
            f"le commentaire « /confirmer » de {_code(auteur)} du {date.isoformat()} n'est pas pris en compte : "
            f"{raison}." if raison else None
        )
    return retenues[::-1], [pourquoi_pas] if pourquoi_pas else []

