"""Derive the reference data (départements, communes) from @etalab/decoupage-administratif.

Reads node_modules/@etalab/decoupage-administratif/data/{departements,regions,communes}.json
(version 6.0.0 = INSEE COG 2026, Licence Ouverte) and writes:

- data/departements.json: the 101 départements, in official order, with their région
  and the French forms needed to write about them ("dans l'Ain", "en Corse-du-Sud",
  "à La Réunion", "de l'Ain", "du Nord"...).
- data/communes.json: every current commune of those départements, plus the
  arrondissements municipaux of Paris, Lyon and Marseille (the package gives them
  their own postal codes), with their postal codes.

Run it with `make referentiel` (npm ci, then this script). The site build never runs it:
the derived JSON files are committed.
"""
from __future__ import annotations

import json
import sys

from emploi_accompagne.annuaire.modele import CODES_DEPARTEMENTS as EXPECTED_CODES
from emploi_accompagne.paths import ROOT

PACKAGE = ROOT / "node_modules" / "@etalab" / "decoupage-administratif"
PACKAGE_DATA = PACKAGE / "data"
EXPECTED_VERSION = "6.0.0"
OUT_DEPARTEMENTS = ROOT / "data" / "departements.json"
OUT_COMMUNES = ROOT / "data" / "communes.json"

SOURCE = (
    "@etalab/decoupage-administratif 6.0.0 (INSEE, Code officiel géographique 2026 ; "
    "codes postaux : base officielle de La Poste), Licence Ouverte"
)

# The 101 départements: 01-19, 2A, 2B, 21-95, 971-974, 976. The package also lists the
# overseas collectivities (975, 977, 978, 984, 986-989), which are not départements.
# The one list of the 101 codes is the directory model's (EXPECTED_CODES, imported above).

# --- French forms -------------------------------------------------------------------
#
# INSEE's "type de nom en clair" (TNCC, `typeLiaison` in the package) gives the article
# and the "charnière" (the form after "de"), as documented in the COG:
#   0: no article, consonant   -> "de Paris"
#   1: no article, vowel       -> "d'Eure-et-Loir"
#   2: "le"                    -> "du Nord"
#   3: "la"                    -> "de la Charente"
#   4: "les"                   -> "des Landes"
#   5: "l'"                    -> "de l'Ain"
# (6-8, "aux"/"las"/"los", are not used by départements.)
ARTICLE_BY_TNCC = {0: "", 1: "", 2: "le ", 3: "la ", 4: "les ", 5: "l'"}
DE_BY_TNCC = {0: "de ", 1: "d'", 2: "du ", 3: "de la ", 4: "des ", 5: "de l'"}

# The locative ("in the département") has no official form; usage varies between
# "en" and "dans". Rules chosen for this site, after the usual references:
#   1. names made of two names joined by "et" take "en" without article, as the
#      Académie française recommends: "en Maine-et-Loire", "en Loir-et-Cher";
#   2. otherwise, by TNCC:
#      - masculine or plural names keep the article: "dans le Nord", "dans les Landes";
#      - feminine names with "la" take "en" (the usage of most prefectures):
#        "en Charente", "en Haute-Garonne", "en Corse-du-Sud", "en Guadeloupe";
#      - names with "l'" keep "dans l'": "dans l'Ain", "dans l'Oise" (Ain, Allier,
#        Aveyron and Hérault are masculine; for most feminine ones "dans l'" is the
#        common usage too; the exceptions are below);
#      - the remaining names without article are a city and two islands, which
#        take "à" like any city or small island: "à Paris", "à La Réunion" (the
#        article belongs to the official name), "à Mayotte".
DANS_BY_TNCC = {0: "à ", 1: "à ", 2: "dans le ", 3: "en ", 4: "dans les ", 5: "dans l'"}
COMPOUND_MARK = "-et-"

# Where the rules above do not match usage: code -> the words written before the name.
DANS_EXCEPTIONS = {
    # Feminine names with "l'" where "en" is the established usage.
    "07": "en ",  # en Ardèche
    "09": "en ",  # en Ariège
    "38": "en ",  # en Isère
    "91": "en ",  # en Essonne
    # Feminine names with "la" where "dans la" is the usual form, mostly because
    # "en" would be read as the river, the sea or the city of the same name.
    "42": "dans la ",  # dans la Loire (not "en Loire", the river)
    "50": "dans la ",  # dans la Manche (not "en Manche", the sea)
    "51": "dans la ",  # dans la Marne
    "55": "dans la ",  # dans la Meuse
    "80": "dans la ",  # dans la Somme
    "86": "dans la ",  # dans la Vienne (not "en Vienne", the city)
}


def locative_prefix(code: str, nom: str, tncc: int) -> str:
    """The words before the name to say "in the département" (rules above)."""
    if code in DANS_EXCEPTIONS:
        return DANS_EXCEPTIONS[code]
    if COMPOUND_MARK in nom:
        return "en "
    return DANS_BY_TNCC[tncc]


def french_forms(code: str, nom: str, tncc: int) -> dict[str, str]:
    """The article, the name with its article, the locative and the "de" form."""
    if tncc not in ARTICLE_BY_TNCC:
        raise ValueError(f"{code} {nom}: unexpected TNCC {tncc}")
    article = ARTICLE_BY_TNCC[tncc]
    return {
        "article": article.strip(),
        "avec_article": article + nom,
        "dans": locative_prefix(code, nom, tncc) + nom,
        "de": DE_BY_TNCC[tncc] + nom,
    }


# --- Reading the package ---------------------------------------------------------------


def read_package_json(name: str):
    path = PACKAGE_DATA / name
    if not path.exists():
        sys.exit(f"{path} is missing: run `npm ci` first (or `make referentiel`).")
    return json.loads(path.read_text(encoding="utf-8"))


def check_package_version() -> None:
    version = json.loads((PACKAGE / "package.json").read_text(encoding="utf-8"))["version"]
    if version != EXPECTED_VERSION:
        sys.exit(f"@etalab/decoupage-administratif is {version}, expected {EXPECTED_VERSION}.")


def build_departements(raw_departements: list[dict], raw_regions: list[dict]) -> list[dict]:
    region_names = {region["code"]: region["nom"] for region in raw_regions}
    by_code = {dep["code"]: dep for dep in raw_departements}
    missing = [code for code in EXPECTED_CODES if code not in by_code]
    if missing:
        sys.exit(f"Départements missing from the package: {missing}")
    departements = []
    for code in EXPECTED_CODES:
        dep = by_code[code]
        departements.append(
            {
                "code": code,
                "nom": dep["nom"],
                "code_region": dep["region"],
                "region": region_names[dep["region"]],
                "chef_lieu": dep["chefLieu"],
                "tncc": dep["typeLiaison"],
                **french_forms(code, dep["nom"], dep["typeLiaison"]),
            }
        )
    if len(departements) != 101:
        sys.exit(f"Expected 101 départements, got {len(departements)}")
    return departements


# Short keys of data/communes.json (documented in data/REFERENTIEL.md).
COMMUNE_KEYS = {
    "c": "code INSEE (COG)",
    "n": "nom officiel",
    "d": "code du département",
    "p": "codes postaux (liste triée)",
    "m": "code INSEE de la commune dont c'est un arrondissement municipal (Paris, Lyon, Marseille)",
}
KEPT_TYPES = {"commune-actuelle", "arrondissement-municipal"}


def build_communes(raw_communes: list[dict]) -> list[dict]:
    wanted_departements = set(EXPECTED_CODES)
    communes = []
    for raw in raw_communes:
        if raw["type"] not in KEPT_TYPES or raw["departement"] not in wanted_departements:
            continue
        commune = {
            "c": raw["code"],
            "n": raw["nom"],
            "d": raw["departement"],
            "p": sorted(set(raw.get("codesPostaux", []))),
        }
        if raw["type"] == "arrondissement-municipal":
            commune["m"] = raw["commune"]
        communes.append(commune)
    communes.sort(key=lambda commune: commune["c"])
    codes = [commune["c"] for commune in communes]
    if len(codes) != len(set(codes)):
        sys.exit("Duplicate INSEE codes in the derived communes.")
    return communes


# --- Writing -------------------------------------------------------------------------------


def departements_json(departements: list[dict]) -> str:
    return json.dumps(departements, ensure_ascii=False, indent=1) + "\n"


def communes_json(communes: list[dict]) -> str:
    """One commune per line: compact, and a change of one commune is a one-line diff."""
    lines = [json.dumps(commune, ensure_ascii=False, separators=(",", ":")) for commune in communes]
    header = json.dumps({"source": SOURCE, "cles": COMMUNE_KEYS}, ensure_ascii=False)[:-1]
    return header + ',"communes":[\n' + ",\n".join(lines) + "\n]}\n"


def derive() -> tuple[str, str]:
    """Both output texts, from the installed package (used by the tests too)."""
    check_package_version()
    departements = build_departements(
        read_package_json("departements.json"), read_package_json("regions.json")
    )
    communes = build_communes(read_package_json("communes.json"))
    return departements_json(departements), communes_json(communes)


def main() -> None:
    departements_text, communes_text = derive()
    OUT_DEPARTEMENTS.write_text(departements_text, encoding="utf-8")
    OUT_COMMUNES.write_text(communes_text, encoding="utf-8")
    print(f"{OUT_DEPARTEMENTS.relative_to(ROOT)}: {len(departements_text.encode())} bytes")
    print(f"{OUT_COMMUNES.relative_to(ROOT)}: {len(communes_text.encode())} bytes")


if __name__ == "__main__":
    main()
