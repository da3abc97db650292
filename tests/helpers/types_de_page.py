"""One page of each kind: what the costlier checks run on.

Every built page says what kind it is: `<meta name="ea-type-de-page" content="…">`
(overrides/main.html), from the front matter `type_de_page` that each generator writes
(département pages, questionnaire, directory tools) and that the pages of docs/ with a
layout of their own carry; any other page of docs/ is « contenu », the 404 page « 404 ».
A département page also says what it shows: `departement/plateforme` (the platform's
contacts), `departement/mdph-seulement`, `departement/sans-coordonnees`.

The kinds are read from the build, so a new kind of page cannot escape the checks: it gets
its exemplar on the next run. The exemplar of a kind is its longest page (the most markup
to check); the complete département page comes from the specimen site (tests/helpers/site.py),
built with a fiche that fills every optional field, which the real data does not show yet.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from tests.helpers.site import BuiltSite, SitePage, site_under_test, specimen_under_test

META = re.compile(r'<meta name="ea-type-de-page" content="([^"]+)">')
SPECIMEN_PAGE = "/departements/01/"  # the Ain, whose fiche the specimen site fills completely


@cache
def type_de_page(file: Path) -> str | None:
    found = META.search(file.read_text(encoding="utf-8"))
    return found.group(1) if found else None


@dataclass(frozen=True)
class Exemplaire:
    """The page that stands for its kind, and the site it belongs to."""

    type: str
    page: SitePage
    site: BuiltSite
    specimen: bool = False  # from the specimen site

    @property
    def path(self) -> str:
        return self.page.path

    @property
    def url(self) -> str:
        return self.site.url(self.page)

    def __str__(self) -> str:
        return f"{self.type} ({'specimen ' if self.specimen else ''}{self.path})"


def exemplaires(site: BuiltSite, specimen: BuiltSite) -> list[Exemplaire]:
    """One page per kind, ordered by kind: the longest page of the site, except where the
    specimen's Ain page is of that kind (it is the complete one)."""
    chosen: dict[str, Exemplaire] = {}
    for page in site.pages:
        kind = type_de_page(page.file)
        if kind is None:
            continue  # reported by tests/site/test_types_de_page.py
        current = chosen.get(kind)
        if current is None or page.file.stat().st_size > current.page.file.stat().st_size:
            chosen[kind] = Exemplaire(kind, page, site)
    specimen_page = next((page for page in specimen.pages if page.path == SPECIMEN_PAGE), None)
    if specimen_page is not None and type_de_page(specimen_page.file):
        kind = type_de_page(specimen_page.file)
        chosen[kind] = Exemplaire(kind, specimen_page, specimen, specimen=True)
    return [chosen[kind] for kind in sorted(chosen)]


def exemplaires_du_run() -> list[Exemplaire]:
    """The exemplars of this test run's builds (none when a build failed: its tests say so)."""
    site, specimen = site_under_test(), specimen_under_test()
    return exemplaires(site, specimen) if site.ok and specimen.ok else []


def main() -> None:
    """`python -m tests.helpers.types_de_page`: builds the two sites and prints each kind of
    page, its exemplar and how many pages of the site are of that kind."""
    from collections import Counter

    site, specimen = BuiltSite.build_with_specimen()
    try:
        if not (site.ok and specimen.ok):
            raise SystemExit("La construction a échoué :\n" + site.build_output + specimen.build_output)
        counts = Counter(type_de_page(page.file) for page in site.pages)
        print(f"{'type de page':<30} {'pages':>5}  exemplaire vérifié par les trois moteurs")
        for exemplaire in exemplaires(site, specimen):
            where = f"{exemplaire.path} (site spécimen, fiche complète)" if exemplaire.specimen else exemplaire.path
            print(f"{exemplaire.type:<30} {counts.get(exemplaire.type, 0):>5}  {where}")
        if counts.get(None):
            print(f"{counts[None]} page(s) sans type : elles n'ont pas la balise ea-type-de-page")
    finally:
        site.close()
        specimen.close()


if __name__ == "__main__":
    main()
