"""Spécification : les adresses que le site donne de lui-même sont celles où il est publié.

Une construction pour publier (site_url réel) donne à chaque page son adresse canonique, au plan
du site (sitemap.xml) et aux exports data·inclusion (`lien_source`) ses adresses publiques. Une
construction qui reste sur cet ordinateur (127.0.0.1, localhost) ne met d'adresse canonique sur
aucune page, ni de `lien_source` dans les exports : copiée en ligne par erreur, elle n'enverrait
ni les moteurs de recherche ni les outils de data·inclusion vers localhost.
"""
from __future__ import annotations

import json
import re
from pathlib import Path
from xml.etree import ElementTree

import pytest

from emploi_accompagne.paths import ROOT

from .conftest import construire
from .test_reglages_de_publication import VALEURS

PUBLICATION = "https://emploi-accompagne.example.org/chemin/"
LOCALE = "http://127.0.0.1:8000/"
CANONIQUE = re.compile(r'<link rel="canonical" href="([^"]*)"')


def _pages(site: Path) -> dict[str, str]:
    """{URL path: HTML} of every page (Material's assets aside)."""
    pages = {}
    for fichier in site.rglob("*.html"):
        relatif = fichier.relative_to(site).as_posix()
        if not relatif.startswith("assets/") and relatif != "404.html":
            pages["/" + relatif.removesuffix("index.html")] = fichier.read_text(encoding="utf-8")
    return pages


@pytest.fixture(scope="module")
def construction(tmp_path_factory):
    """The site built for publication and built on this computer: {"publication"|"locale": site dir}."""
    sites = {}
    for nom, site_url in (("publication", PUBLICATION), ("locale", LOCALE)):
        dossier = tmp_path_factory.mktemp(nom) / "site"
        resultat = construire(ROOT, dossier, SITE_URL=site_url, **VALEURS)
        assert resultat.returncode == 0, resultat.stderr
        sites[nom] = dossier
    return sites


def test_chaque_page_publiee_a_pour_adresse_canonique_la_sienne_sur_le_site_publie(construction):
    pages = _pages(construction["publication"])
    assert len(pages) > 100
    for chemin, html in pages.items():
        assert CANONIQUE.findall(html) == [PUBLICATION + chemin.lstrip("/")], chemin


def test_le_plan_du_site_publie_donne_les_adresses_publiques(construction):
    plan = ElementTree.parse(construction["publication"] / "sitemap.xml").getroot()
    adresses = [loc.text.strip() for loc in plan.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    assert adresses and all(a.startswith(PUBLICATION) for a in adresses)
    assert {PUBLICATION + chemin.lstrip("/") for chemin in _pages(construction["publication"])} == set(adresses)


def test_les_exports_publies_renvoient_aux_pages_publiques(construction):
    dossier = construction["publication"] / "donnees" / "data-inclusion"
    for nom in ("structures.json", "services.json"):
        enregistrements = json.loads((dossier / nom).read_text(encoding="utf-8"))
        assert enregistrements
        for enregistrement in enregistrements:
            code = enregistrement["zone_eligibilite"][0] if "zone_eligibilite" in enregistrement else enregistrement["id"].rpartition("--")[2].upper()
            assert enregistrement["lien_source"] == f"{PUBLICATION}departements/{code}/", enregistrement["id"]


def test_rien_de_publie_ne_renvoie_a_cet_ordinateur(construction):
    site = construction["publication"]
    for fichier in site.rglob("*"):
        if fichier.suffix in (".html", ".json", ".xml", ".csv", ".vcf", ".js", ".txt"):
            texte = fichier.read_text(encoding="utf-8", errors="replace")
            assert "127.0.0.1" not in texte and "localhost" not in texte, fichier.relative_to(site)


def test_une_construction_locale_n_a_pas_d_adresse_canonique(construction):
    pages = _pages(construction["locale"])
    assert len(pages) > 100
    avec = [chemin for chemin, html in pages.items() if 'rel="canonical"' in html]
    assert not avec, f"pages built on this computer that name a canonical address: {avec[:5]}"


def test_une_construction_locale_ne_met_pas_localhost_dans_les_exports(construction):
    dossier = construction["locale"] / "donnees"
    for fichier in dossier.rglob("*.json"):
        texte = fichier.read_text(encoding="utf-8")
        assert "127.0.0.1" not in texte and "localhost" not in texte, fichier.name
