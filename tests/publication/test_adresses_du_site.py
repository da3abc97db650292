"""Spécification : les adresses que le site donne de lui-même sont celles où il est publié.

Une construction pour publier (site_url réel) donne ses adresses publiques à chaque page (adresse
canonique, données structurées, liens de partage, QR code), au plan du site (sitemap.xml) et aux
exports data·inclusion (`lien_source`). Une construction qui reste sur cet ordinateur (127.0.0.1,
localhost) n'écrit son adresse dans rien de ce que lisent des machines : ni adresse canonique, ni
plan du site, ni données structurées, ni `lien_source` ; copiée en ligne par erreur, elle
n'enverrait ni les moteurs de recherche ni les outils de data·inclusion vers localhost. Ses
boutons de partage et son QR code donnent l'adresse où on la regarde, comme l'aperçu qu'elle est.
"""
from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import unquote
from xml.etree import ElementTree

import pytest
from bs4 import BeautifulSoup

from emploi_accompagne.annuaire import chemins

from .conftest import GROUPE_DES_CONSTRUCTIONS, PUBLICATION

CANONIQUE = re.compile(r'<link rel="canonical" href="([^"]*)"')
JSON_LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)
pytestmark = GROUPE_DES_CONSTRUCTIONS


def _pages(site: Path) -> dict[str, str]:
    """{URL path: HTML} of every page (Material's assets aside)."""
    pages = {}
    for fichier in site.rglob("*.html"):
        relatif = fichier.relative_to(site).as_posix()
        if not relatif.startswith("assets/") and relatif != "404.html":
            pages["/" + relatif.removesuffix("index.html")] = fichier.read_text(encoding="utf-8")
    return pages


def _pages_de_departement(site: Path) -> dict[str, str]:
    return {chemin: html for chemin, html in _pages(site).items() if re.fullmatch(r"/departements/[^/]+/", chemin)}


@pytest.fixture(scope="module")
def construction(construction_publiee, construction_locale):
    """The site built for publication and built on this computer: {"publication"|"locale": site dir}."""
    return {"publication": construction_publiee, "locale": construction_locale}


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


def test_les_donnees_structurees_publiees_renvoient_a_la_page_publique(construction):
    trouvees = {chemin: JSON_LD.findall(html) for chemin, html in _pages_de_departement(construction["publication"]).items()}
    decrites = {chemin: donnees for chemin, donnees in trouvees.items() if donnees}  # a source names the organisation
    assert decrites
    for chemin, [donnees] in decrites.items():
        assert json.loads(donnees)["mainEntityOfPage"] == PUBLICATION + chemin.lstrip("/"), chemin


def test_les_liens_de_partage_publies_donnent_l_adresse_publique_de_la_fiche(construction):
    html = _pages_de_departement(construction["publication"])["/departements/29/"]
    adresse = chemins.url_departement(PUBLICATION, "29")
    soupe = BeautifulSoup(html, "html.parser")
    assert soupe.select_one(".annuaire-barre")["data-url"] == adresse
    assert adresse in soupe.select_one(".annuaire-imprime").get_text()  # beside the QR code
    for lien in soupe.select('.annuaire-barre a[href^="mailto:"], .annuaire-barre a[href^="sms:"]'):
        assert adresse in unquote(lien["href"])


def test_une_construction_locale_n_ecrit_ni_plan_du_site_ni_adresse_locale_dans_les_donnees_structurees(construction):
    site = construction["locale"]
    assert not list(site.glob("sitemap.xml*"))  # a sitemap lists absolute addresses, for search engines
    donnees = [json.loads(d) for html in _pages_de_departement(site).values() for d in JSON_LD.findall(html)]
    assert donnees
    assert not [d["name"] for d in donnees if "mainEntityOfPage" in d]
