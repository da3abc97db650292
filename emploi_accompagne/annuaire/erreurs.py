"""Pydantic error details turned into French a volunteer can act on."""
from __future__ import annotations

import calendar
import re

_MESSAGES = {
    "missing": "champ obligatoire manquant",
    "extra_forbidden": "champ inconnu : vérifier l'orthographe (la liste des champs est dans CONTRIBUTING.md)",
    "string_type": "doit être un texte sur une seule ligne",
    "list_type": "doit être une liste (chaque élément sur une ligne commençant par « - »)",
    "model_type": "doit être un groupe de champs « nom: valeur »",
    "model_attributes_type": "doit être un groupe de champs « nom: valeur »",
    "dict_type": "doit être un groupe de champs « nom: valeur »",
    "date_from_datetime_parsing": "date à écrire au format AAAA-MM-JJ, par exemple 2026-11-23",
    "date_parsing": "date à écrire au format AAAA-MM-JJ, par exemple 2026-11-23",
    "date_type": "date à écrire au format AAAA-MM-JJ, par exemple 2026-11-23",
    "url_parsing": "adresse web invalide : écrire l'adresse complète, commençant par https://",
    "url_scheme": "adresse web à écrire en https:// (les autres adresses sont refusées)",
    "url_type": "adresse web invalide : écrire l'adresse complète, commençant par https://",
}

_MOTIFS = {
    "code_postal": "code postal à 5 chiffres, par exemple 01000",
    "code_insee": "code commune à 5 caractères (code officiel INSEE), par exemple 01053",
    "siret": "numéro SIRET à 14 chiffres, sans espace",
    "telephone": "un seul numéro (30 caractères au plus) : un autre numéro va dans sites (une antenne) ou dans remarques",
}


_DATE_ECRITE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_MOIS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
         "novembre", "décembre")


def date_impossible(texte: object) -> str | None:
    """Why a date written AAAA-MM-JJ does not exist (2026-02-30), or None."""
    trouve = _DATE_ECRITE.match(str(texte).strip())
    if trouve is None:
        return None
    annee, mois, jour = (int(n) for n in trouve.groups())
    if not 1 <= mois <= 12:
        return f"la date {trouve[0]} n'existe pas : il n'y a pas de mois {mois:02d} ; écrire AAAA-MM-JJ, le mois entre 01 et 12"
    jours = calendar.monthrange(annee, mois)[1]
    if not 1 <= jour <= jours:
        return (f"la date {trouve[0]} n'existe pas : {_MOIS[mois - 1]} {annee} a {jours} jours ; "
                "vérifier le jour et le mois (AAAA-MM-JJ)")
    return None


def message_en_francais(detail: dict) -> str:
    kind = detail["type"]
    ctx = detail.get("ctx") or {}
    champ = next((p for p in reversed(detail["loc"]) if isinstance(p, str)), "")
    if kind == "value_error":
        return str(ctx.get("error", detail["msg"]))
    if kind.startswith("date") and (impossible := date_impossible(detail.get("input", ""))):
        return impossible
    if kind in _MESSAGES:
        return _MESSAGES[kind]
    if kind == "enum":
        choix = str(ctx.get("expected", "")).replace(" or ", " ou ")
        return f"valeur non reconnue : choisir parmi {choix}"
    if kind == "string_too_short":
        if not str(detail.get("input", "")).strip():
            return "valeur vide : supprimer la ligne ou la remplir"
        return _MOTIFS.get(champ, f"texte trop court ({ctx.get('min_length')} caractères au minimum)")
    if kind == "too_long" and isinstance(detail.get("input"), str):
        # A text whose type has a validator before its constraints (modele.Courriel): pydantic's generic kind.
        kind = "string_too_long"
    elif kind == "too_long":
        return f"liste trop longue ({ctx.get('max_length')} éléments au maximum)"
    if kind in ("string_pattern_mismatch", "string_too_long") and champ in _MOTIFS:
        return _MOTIFS[champ]
    if kind == "string_too_long":
        return f"texte trop long ({ctx.get('max_length')} caractères au maximum)"
    if kind == "string_pattern_mismatch":
        return _MOTIFS.get(champ, "format non reconnu")
    # Our own rules carry a French message already.
    return detail["msg"]
