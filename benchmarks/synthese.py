"""Synthetic directory data in the real schema, for build-time measurements only.

Written into a scratch copy of the project, never into the real `data/`. Every value is
obviously fictitious yet valid: telephone numbers in the 01 99 00 xx xx range (reserved
by ARCEP for fiction, written +33 1 99 00 xx xx), `exemple.fr` addresses, "fictive" in every name. Communes and
postal codes are the département's chef-lieu, taken from the project's reference data,
so the pages look like real ones (an address line, a commune, a postal code).
"""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import yaml

HEADER = (
    "# yaml-language-server: $schema=plateformes.schema.json\n"
    "# DONNÉES FICTIVES pour mesurer la construction du site (benchmarks) : ne pas publier.\n\n"
)
HOURS = "Mo-Fr 09:00-12:00,14:00-17:00"


def write_synthetic_directory(project: Path, sites_per_platform: int) -> int:
    """Write data/plateformes.yaml of a scratch project; return the number of places (entries + sites)."""
    departements = json.loads((project / "data" / "departements.json").read_text(encoding="utf-8"))
    chefs_lieux = _chefs_lieux(project)
    today = dt.date.today().isoformat()
    entries = [
        _entry(index, dep, chefs_lieux.get(dep["chef_lieu"]), sites_per_platform, today)
        for index, dep in enumerate(departements)
    ]
    text = HEADER + yaml.safe_dump(entries, allow_unicode=True, sort_keys=False, width=120)
    (project / "data" / "plateformes.yaml").write_text(text, encoding="utf-8")
    return len(entries) * (1 + sites_per_platform)


def _chefs_lieux(project: Path) -> dict[str, dict]:
    data = json.loads((project / "data" / "communes.json").read_text(encoding="utf-8"))
    return {commune["c"]: commune for commune in data["communes"]}


def _entry(index: int, dep: dict, chef_lieu: dict | None, sites: int, today: str) -> dict:
    code = dep["code"]
    slug = code.lower()
    entry = {
        "departement": code,
        "statut_verification": "source-publique",
        "date_maj": today,
        "nom": f"Plateforme fictive emploi accompagné {code}",
        **_place(index * 20, slug, chef_lieu, "Accueil principal"),
        "site_web": f"https://exemple.fr/plateformes/{slug}/",
        "structure_gestionnaire": {"nom": f"Association fictive {code}", "site_web": f"https://exemple.fr/gestionnaire-{slug}/"},
        "partenaires": [
            {"nom": f"Partenaire fictif A {code}", "site_web": f"https://exemple.fr/partenaire-a-{slug}/"},
            {"nom": f"Partenaire fictif B {code}"},
        ],
        "sites": [
            {"nom": f"Antenne fictive {n + 1}", **_place(index * 20 + n + 1, f"{slug}-{n + 1}", chef_lieu, None),
             "lien_source": f"https://exemple.fr/sources/{slug}-{n + 1}"}
            for n in range(sites)
        ],
        "remarques": "Fiche fictive écrite pour mesurer la construction du site.",
        "lien_source": f"https://exemple.fr/sources/{slug}",
    }
    return entry


def _place(number: int, slug: str, chef_lieu: dict | None, complement: str | None) -> dict:
    place = {
        "adresse": f"{number % 90 + 1} rue de l'Exemple",
        "telephone": _fictitious_phone(number),
        "courriel": f"contact-{slug}@exemple.fr",
        "horaires_accueil": HOURS,
        "accessibilite_lieu": f"https://exemple.fr/acces/{slug}",
    }
    if complement:
        place["complement_adresse"] = complement
    if chef_lieu:
        place.update(code_postal=chef_lieu["p"][0], commune=chef_lieu["n"], code_insee=chef_lieu["c"])
    return place


def _fictitious_phone(number: int) -> str:
    """01 99 00 00 00 to 01 99 00 99 99: numbers reserved for fiction.

    Written in international form so that overseas entries validate too (a national
    number is read in the overseas département's own telephone region there).
    """
    number %= 10_000
    return f"+33 1 99 00 {number // 100:02d} {number % 100:02d}"
