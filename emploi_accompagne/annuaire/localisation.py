"""Where a place is: its postal code, its commune and its département must agree.

The one rule, read from data/communes.json (INSEE COG, postal codes of La Poste), that the
model applies to every place of a fiche (the platform, its antennes, its MDPH): `check`,
`import` and `from-issue` validate with the model, so all three give the same verdict,
and the web form applies the same rule to the finder's index, derived from the same file.

- a postal code belongs to the département: one of its communes has it, or, for a code
  that no commune has (a CEDEX code, such as 24016 for Périgueux), it starts like the
  département's codes (24…, 20… for Corsica, 974… overseas);
- a commune is a commune of the département (accents, case, hyphens, « St » and a final
  « Cedex » do not matter);
- both given, the commune has that postal code (when the code is one of a commune);
- a commune code (INSEE) is one of the département's, and names the same commune.

Each function gives the reason in French, with the fix, or None when the place agrees.
An unknown département (reported by the model on its own) checks nothing.
"""
from __future__ import annotations

import difflib
import re
from functools import cache

from .. import referentiel
from .recherche import normaliser

_CEDEX = re.compile(r"\s+cedex(\s+\d+)?$")
_ARTICLES = ("le ", "la ", "les ", "l ")


def nom_compare(nom: str) -> str:
    """A commune's name as two spellings of it compare: "Evry-Courcouronnes" = "Évry-Courcouronnes",
    "St-Malo" = "Saint-Malo", "Périgueux Cedex 9" = "Périgueux", "Puy-en-Velay" = "Le Puy-en-Velay"."""
    texte = _CEDEX.sub("", normaliser(nom))
    for article in _ARTICLES:
        if texte.startswith(article):
            return texte[len(article):]
    return texte


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


def _ou(communes) -> str:
    """ "Clermont-Ferrand (Puy-de-Dôme)" or "Tulle (Corrèze) ou Naves (Corrèze)"."""
    noms = [f"{c.nom} ({referentiel.departement(c.departement).nom})" for c in communes[:3]]
    return " ou ".join(noms) + (" …" if len(communes) > 3 else "")


def _communes_principales(communes) -> list:
    """The communes of a postal code without the arrondissements of Paris, Lyon and Marseille."""
    return [c for c in communes if not c.arrondissement_municipal] or list(communes)


def probleme_code_postal(code_postal: str, departement: str | None) -> str | None:
    """Why a postal code is not one of the département's, or None."""
    dep = _departement(departement)
    if dep is None:
        return None
    communes = _communes_du_code_postal(code_postal)
    if communes is None:
        if code_postal.startswith(prefixe_des_codes_postaux(dep.code)):
            return None  # a CEDEX code, or another code no commune has: its département is its start
        return (
            f"le code postal {code_postal} n'est pas {dep.dans} : ses codes postaux commencent par "
            f"{prefixe_des_codes_postaux(dep.code)} ; corriger le code postal (ou le département de la fiche)"
        )
    if any(c.departement == dep.code for c in communes):
        return None
    return (
        f"le code postal {code_postal} n'est pas {dep.dans} : c'est celui de {_ou(_communes_principales(communes))} ; "
        "corriger le code postal (ou le département de la fiche)"
    )


def probleme_commune(commune: str, departement: str | None, code_postal: str | None = None) -> str | None:
    """Why a commune is not one of the département's, or does not have this postal code, or None.
    `code_postal`: only one that `probleme_code_postal` accepts (else it is reported on its own)."""
    dep = _departement(departement)
    if dep is None:
        return None
    nom = nom_compare(commune)
    ici = _noms(dep.code).get(nom)
    if ici is None:
        ailleurs = [c for code in _par_departement() if code != dep.code for c in _noms(code).get(nom, ())]
        if ailleurs:
            return (
                f"la commune « {commune} » n'est pas {dep.dans} : elle est "
                f"{' ou '.join(dict.fromkeys(referentiel.departement(c.departement).dans for c in ailleurs[:3]))} ; "
                "corriger la commune (ou le département de la fiche)"
            )
        proches = difflib.get_close_matches(nom, list(_noms(dep.code)), n=1, cutoff=0.8)
        suggestion = f" (peut-être « {_noms(dep.code)[proches[0]][0].nom} » ?)" if proches else ""
        return (
            f"commune « {commune} » inconnue {dep.dans}{suggestion} : écrire son nom officiel, "
            "celui de la commune nouvelle s'il y en a une"
        )
    autres = _communes_du_code_postal(code_postal) if code_postal else None
    if autres is None:
        return None  # no code, or a CEDEX code: the commune is the département's, nothing more to compare
    if any(code_postal in c.codes_postaux for c in ici):
        return None
    codes = sorted({cp for c in ici for cp in c.codes_postaux})
    autres = [c for c in autres if c.departement == dep.code]
    return (
        f"la commune {ici[0].nom} n'a pas le code postal {code_postal} (le sien : {', '.join(codes[:6])}"
        f"{' …' if len(codes) > 6 else ''}) ; {code_postal} est celui de {_ou(_communes_principales(autres))} : "
        "corriger le code postal ou la commune"
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
