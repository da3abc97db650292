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


# --- Filled on screen as well as on paper ---------------------------------------------------------

FICHES_A_REMPLIR = ("conseiller/", "employeur/", "mdph/", "prescripteur/")


@pytest.mark.parametrize("fiche", FICHES_A_REMPLIR)
def test_chaque_ligne_a_remplir_est_un_champ_et_chaque_case_une_case_a_cocher(parsed_site, fiche):
    soup = parsed_site[DOSSIER + fiche].soup
    feuilles = soup.select(".kit-feuille")
    lignes = [li for f in feuilles for li in f.select(".kit-lignes li")]
    cases = [li for f in feuilles for li in f.select(".kit-a-cocher li")]
    cellules = [td for f in feuilles for td in f.select(".kit-formulaire td:last-child")]
    assert lignes or cases or cellules, fiche
    for li in lignes:
        champ = li.select_one("textarea")
        assert champ is not None, f"{fiche}: « {normalize_space(li.get_text())} » has no field to type in"
        assert li.select_one(f"label[for='{champ['id']}']").get_text(strip=True)
    for li in cases:
        case = li.select_one("input[type=checkbox]")
        assert case is not None, f"{fiche}: « {normalize_space(li.get_text())} » has no box to tick"
        assert li.select_one(f"label[for='{case['id']}']").get_text(strip=True)
    for td in cellules:
        champ = td.select_one("textarea")
        assert champ is not None, f"{fiche}: a cell to fill has no field"
        assert soup.find(id=champ["aria-labelledby"]).get_text(strip=True)
    assert not soup.select("article form"), "nothing is sent: the fields are in no form"


@pytest.mark.parametrize("fiche", FICHES_A_REMPLIR)
def test_la_fiche_dit_que_ce_qui_est_tape_reste_dans_le_navigateur(parsed_site, fiche):
    ecran = " ".join(normalize_space(e.get_text(" ")) for e in parsed_site[DOSSIER + fiche].soup.select(".kit-ecran"))
    assert "reste dans votre navigateur" in ecran and "ne l'envoie pas et ne le garde pas" in ecran, fiche
    assert "s'imprime" in ecran, fiche


# (sheet, a field, what is typed in it, a box to tick or None)
SAISIES = (
    ("conseiller/", "Ce qui est difficile pour moi",
     "J'ai du mal avec le bruit.\nLes consignes écrites m'aident.\nJe fatigue vite le matin.", "Cette fiche, avec mes notes."),
    # The employer writes whom the employee can talk to in the organisation, in the note.
    ("employeur/", "Nom et rôle", "Camille Martin, référente handicap\nService des ressources humaines\nBureau 12, 2e étage", None),
)


@pytest.mark.navigateur
@pytest.mark.parametrize(("fiche", "etiquette", "texte", "case"), SAISIES, ids=[s[0] for s in SAISIES])
def test_ce_qui_est_tape_et_coche_s_imprime_en_entier(browser, site, parsed_site, fiche, etiquette, texte, case):
    contexte = browser.new_context(locale="fr-FR", viewport={"width": 390, "height": 844})
    page = contexte.new_page()
    try:
        page.goto(site.url(DOSSIER + fiche), wait_until="load")
        page.get_by_label(etiquette).fill(texte)
        if case:
            page.get_by_label(case).check()
        page.emulate_media(media="print")
        champ = page.get_by_label(etiquette)
        assert champ.is_visible() and champ.input_value() == texte
        hauteurs = champ.evaluate("t => [t.clientHeight, t.scrollHeight]")
        assert hauteurs[0] >= hauteurs[1], f"the printed field cuts what was typed: {hauteurs}"
        assert not case or page.get_by_label(case).is_checked()
        pdf = page.pdf(prefer_css_page_size=True, print_background=True)
        feuilles = fiches(parsed_site)[DOSSIER + fiche]
        assert len(PAGE_PDF.findall(pdf)) == feuilles, f"filled in, each sheet still prints on one A4 page ({feuilles})"
    finally:
        contexte.close()
