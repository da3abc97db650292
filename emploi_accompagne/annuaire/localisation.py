"""Where a place is: its postal code, its commune and its département must agree.

The one rule, read from data/communes.json (INSEE COG, postal codes of La Poste), that the
model applies to every place of a fiche (the platform, its antennes, its MDPH): `check`,
`import` and `from-issue` validate with the model, so all three give the same verdict,
and the web form applies the same rule to the finder's index, derived from the same file.

- a postal code belongs to the département: one of its communes has it, or, for a code
  that no commune has (a CEDEX code, such as 24016 for Périgueux), it starts like the
  département's codes (24…, 20… for Corsica, 974… overseas);
- a commune is a commune of the département, by its official name (accents, case, hyphens,
  « St » and a final « Cedex » do not matter);
- both given, the commune has that postal code (when the code is one of a commune);
- a commune code (INSEE) is one of the département's, and names the same commune.

Each function gives the reason in French, with the fix, or None when the place agrees.
An unknown département (reported by the model on its own) checks nothing. The messages are
MESSAGES, which the form's script fills in the same way (`regles_du_formulaire`); lists of
communes follow the finder's index (département in official order, then name).
"""
from __future__ import annotations

import difflib
import re
from functools import cache

from .. import referentiel
from .recherche import normaliser

_CEDEX = re.compile(r" cedex( [0-9]+)?$")
MAX_COMMUNES = 3  # communes named in a message
MAX_CODES = 6  # postal codes named in a message

MESSAGES = {
    "code_postal_hors_du_departement": "le code postal {code_postal} n'est pas {dans} : ses codes postaux commencent "
    "par {prefixe} ; corriger le code postal (ou le département de la fiche)",
    "code_postal_d_ailleurs": "le code postal {code_postal} n'est pas {dans} : c'est celui de {communes} ; "
    "corriger le code postal (ou le département de la fiche)",
    "commune_d_ailleurs": "la commune « {commune} » n'est pas {dans} : elle est {ailleurs} ; "
    "corriger la commune (ou le département de la fiche)",
    "commune_inconnue": "commune « {commune} » inconnue {dans}{suggestion} : écrire son nom officiel, "
    "celui de la commune nouvelle s'il y en a une",
    "commune_sans_ce_code_postal": "la commune {nom} n'a pas le code postal {code_postal} (le sien : {codes}) ; "
    "{code_postal} est celui de {communes} : corriger le code postal ou la commune",
}


def nom_compare(nom: str) -> str:
    """A commune's name as two spellings of it compare: "Evry-Courcouronnes" = "Évry-Courcouronnes",
    "St-Malo" = "Saint-Malo", "Périgueux Cedex 9" = "Périgueux" (the finder's normaliser)."""
    return _CEDEX.sub("", normaliser(nom))


# Indexes built on first use from the entries of communes.json (about 30 ms), not from the
# 35,000 Commune objects of referentiel.communes(), which `check` would wait for.
def _commune(entree: dict) -> referentiel.Commune:
    return referentiel.Commune(entree["c"], entree["n"], entree["d"], tuple(entree["p"]), entree.get("m"))


@cache
def _par_code_postal() -> dict[str, tuple[dict, ...]]:
    index: dict[str, list[dict]] = {}
    for entree in referentiel.entrees_communes():
        for code_postal in entree["p"]:
            index.setdefault(code_postal, []).append(entree)
    return {cle: tuple(valeurs) for cle, valeurs in index.items()}


@cache
def _par_departement() -> dict[str, tuple[dict, ...]]:
    index: dict[str, list[dict]] = {}
    for entree in referentiel.entrees_communes():
        index.setdefault(entree["d"], []).append(entree)
    return {cle: tuple(valeurs) for cle, valeurs in index.items()}


@cache
def _par_code() -> dict[str, dict]:
    return {entree["c"]: entree for entree in referentiel.entrees_communes()}


@cache
def _noms(departement: str) -> dict[str, tuple[referentiel.Commune, ...]]:
    """The département's communes by name as compared (nom_compare)."""
    index: dict[str, list[referentiel.Commune]] = {}
    for entree in _par_departement().get(departement, ()):
        index.setdefault(nom_compare(entree["n"]), []).append(_commune(entree))
    return {cle: tuple(valeurs) for cle, valeurs in index.items()}


def _communes_du_code_postal(code_postal: str) -> list[referentiel.Commune] | None:
    entrees = _par_code_postal().get(code_postal)
    return None if entrees is None else [_commune(e) for e in entrees]


def _departement(code: str | None) -> referentiel.Departement | None:
    try:
        return referentiel.departement(code) if code else None
    except KeyError:
        return None


def prefixe_des_codes_postaux(code: str) -> str:
    """How the département's postal codes start: "19" for Corrèze, "20" for Corsica, "974" for La Réunion."""
    return "20" if code in ("2A", "2B") else code


def _tries(communes) -> list[referentiel.Commune]:
    """In the finder's order: département in official order, then name."""
    return sorted(communes, key=lambda c: (referentiel.cle_ordre_officiel(c.departement), c.nom))


def _ou(communes) -> str:
    """ "Clermont-Ferrand (Puy-de-Dôme)" or "Tulle (Corrèze) ou Naves (Corrèze)"; without the
    arrondissements of Paris, Lyon and Marseille when their commune is there."""
    communes = _tries([c for c in communes if not c.arrondissement_municipal] or communes)
    noms = [f"{c.nom} ({referentiel.departement(c.departement).nom})" for c in communes[:MAX_COMMUNES]]
    return " ou ".join(noms) + (" …" if len(communes) > MAX_COMMUNES else "")


def probleme_code_postal(code_postal: str, departement: str | None) -> str | None:
    """Why a postal code is not one of the département's, or None."""
    dep = _departement(departement)
    if dep is None:
        return None
    communes = _communes_du_code_postal(code_postal)
    if communes is None:
        if code_postal.startswith(prefixe_des_codes_postaux(dep.code)):
            return None  # a CEDEX code, or another code no commune has: its département is its start
        return MESSAGES["code_postal_hors_du_departement"].format(
            code_postal=code_postal, dans=dep.dans, prefixe=prefixe_des_codes_postaux(dep.code)
        )
    if any(c.departement == dep.code for c in communes):
        return None
    return MESSAGES["code_postal_d_ailleurs"].format(code_postal=code_postal, dans=dep.dans, communes=_ou(communes))


def probleme_commune(commune: str, departement: str | None, code_postal: str | None = None) -> str | None:
    """Why a commune is not one of the département's, or does not have this postal code, or None.
    `code_postal`: only one that `probleme_code_postal` accepts (else it is reported on its own)."""
    dep = _departement(departement)
    if dep is None:
        return None
    nom = nom_compare(commune)
    ici = _noms(dep.code).get(nom)
    if ici is None:
        ailleurs = [code for code in _par_departement() if code != dep.code and nom in _noms(code)]
        if ailleurs:
            ailleurs.sort(key=referentiel.cle_ordre_officiel)
            return MESSAGES["commune_d_ailleurs"].format(
                commune=commune, dans=dep.dans,
                ailleurs=" ou ".join(referentiel.departement(code).dans for code in ailleurs[:MAX_COMMUNES]),
            )
        proches = difflib.get_close_matches(nom, list(_noms(dep.code)), n=1, cutoff=0.8)
        suggestion = f" (peut-être « {_noms(dep.code)[proches[0]][0].nom} » ?)" if proches else ""
        return MESSAGES["commune_inconnue"].format(commune=commune, dans=dep.dans, suggestion=suggestion)
    autres = _communes_du_code_postal(code_postal) if code_postal else None
    if autres is None:
        return None  # no code, or a CEDEX code: the commune is the département's, nothing more to compare
    if any(code_postal in c.codes_postaux for c in ici):
        return None
    codes = sorted({cp for c in ici for cp in c.codes_postaux})
    return MESSAGES["commune_sans_ce_code_postal"].format(
        nom=ici[0].nom, code_postal=code_postal,
        codes=", ".join(codes[:MAX_CODES]) + (" …" if len(codes) > MAX_CODES else ""),
        communes=_ou([c for c in autres if c.departement == dep.code]),
    )


def probleme_code_insee(code_insee: str, departement: str | None, commune: str | None = None,
                        code_postal: str | None = None) -> str | None:
    """Why a commune code is not one of the département's, or names another commune, or None."""
    dep = _departement(departement)
    if dep is None:
        return None
    entree = _par_code().get(code_insee)
    if entree is None:
        return f"code commune {code_insee} inconnu : écrire le code officiel (COG) de la commune, par exemple celui donné par l'INSEE"
    trouvee = _commune(entree)
    if trouvee.departement != dep.code:
        return (
            f"le code commune {code_insee} est celui de {_ou([trouvee])}, pas d'une commune {dep.de} : "
            "corriger le code commune (ou le département de la fiche)"
        )
    if commune and nom_compare(commune) != nom_compare(trouvee.nom):
        return f"le code commune {code_insee} est celui de {trouvee.nom}, pas de « {commune} » : corriger l'un ou l'autre"
    if code_postal and code_postal in _par_code_postal() and code_postal not in trouvee.codes_postaux:
        return (
            f"le code commune {code_insee} est celui de {trouvee.nom}, qui n'a pas le code postal {code_postal} : "
            "corriger l'un ou l'autre"
        )
    return None


def regles_du_formulaire() -> dict:
    """What the form's script needs to apply the same rule with the finder's index: the messages,
    and for each département its name, its « en … » form and how its postal codes start."""
    return {
        "messages": MESSAGES,
        "max_communes": MAX_COMMUNES,
        "max_codes": MAX_CODES,
        "departements": [
            [dep.code, dep.nom, dep.dans, prefixe_des_codes_postaux(dep.code)] for dep in referentiel.departements()
        ],
    }
