"""« Préparer ma demande » : chaque fiche tient sur une page A4 à l'impression, la fiche MDPH
dit le formulaire, sa case, le certificat et les papiers, et chaque résultat du questionnaire
mène aux fiches qui lui servent, comme chaque page de département."""
from __future__ import annotations

import re

import pytest

from emploi_accompagne.questionnaire import KITS, Kit, charger_questionnaire
from tests.helpers.html import normalize_space, resolve

DOSSIER = "/preparer-ma-demande/"
PAGE_PDF = re.compile(rb"/Type\s*/Page[^s]")


def fiches(parsed_site) -> dict[str, int]:
    """URL path -> number of printable sheets on the page."""
    return {
        path: len(parsed.soup.select(".kit-feuille"))
        for path, parsed in parsed_site.items()
        if path.startswith(DOSSIER) and parsed.soup.select(".kit-feuille")
    }


def test_toutes_les_pages_du_kit_ont_leur_fiche(parsed_site):
    pages = {path for path in parsed_site if path.startswith(DOSSIER) and path != DOSSIER}
    assert pages == set(fiches(parsed_site)), "every page of the kit (the index aside) is a printable sheet"
    assert len(pages) == 6


@pytest.mark.navigateur
def test_chaque_fiche_tient_sur_une_page_a4(browser, site, parsed_site):
    contexte = browser.new_context(locale="fr-FR")
    page = contexte.new_page()
    try:
        trop_longues = {}
        for path, nombre in fiches(parsed_site).items():
            page.goto(site.url(path), wait_until="load")
            pdf = page.pdf(prefer_css_page_size=True, print_background=True)
            pages = len(PAGE_PDF.findall(pdf))
            if pages != nombre:
                trop_longues[path] = f"{nombre} sheet(s) printed on {pages} A4 page(s)"
        assert not trop_longues, trop_longues
    finally:
        contexte.close()


def test_la_fiche_mdph_dit_le_formulaire_sa_case_le_certificat_et_les_papiers(parsed_site):
    texte = normalize_space(parsed_site[DOSSIER + "mdph/"].soup.select_one(".kit-feuille").get_text(" "))
    for attendu in (
        "Cerfa n° 15692*01",
        "« Avec accompagnement par le dispositif Emploi accompagné »",
        "Cerfa n° 15695*01",
        "moins d'un an",
        "pièce d'identité",
        "justificatif de domicile",
        "plusieurs mois",
    ):
        assert attendu in texte, f"the MDPH sheet does not say {attendu!r}"


def test_chaque_resultat_mene_aux_fiches_qui_lui_servent(site, parsed_site):
    arbre = charger_questionnaire()
    for resultat in arbre.questionnaire.resultats:
        path = f"/est-ce-pour-moi/{resultat.id}/"
        liens = {resolve(site, parsed_site[path].page, a["href"]).path for a in parsed_site[path].soup.select("article a[href]")}
        attendus = {"/" + KITS[kit][0].removesuffix(".md") + "/" for kit in resultat.kits}
        assert attendus <= liens, f"{path}: missing links to {attendus - liens}"
        if any("15692" in chose for chose in resultat.quoi_apporter):
            assert Kit.mdph in resultat.kits, f"{path} says to bring the MDPH form: it must offer the MDPH sheet"


def test_chaque_page_de_departement_mene_aux_fiches(site, parsed_site):
    attendus = {DOSSIER + nom + "/" for nom in ("mdph", "conseiller", "message", "prescripteur")}
    departements = [path for path in parsed_site if re.fullmatch(r"/departements/[0-9ab]{2,3}/", path)]
    assert len(departements) == 101
    for path in departements:
        section = parsed_site[path].soup.select_one("#qui-peut-faire-la-demande")
        liens = set()
        for element in section.find_all_next():
            if element.name == "h2":
                break
            cible = element.name == "a" and element.get("href") and resolve(site, parsed_site[path].page, element["href"])
            if cible:  # a page of the site (not tel:, not another site)
                liens.add(cible.path)
        assert attendus <= liens, f"{path}: missing links to {attendus - liens}"
