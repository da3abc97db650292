"""What an employer finds (issue 19, employers' review): the three things to know first, what to do now
and who does it, recruiting, the FIPHFP for public employers, the schemes compared in one
table, situations told step by step (who, when, what is signed, who pays), and a note for
the employee that says where to read more and whom to talk to in the organisation."""
from __future__ import annotations

import re

import pytest

from tests.helpers.browser import NARROW
from tests.helpers.html import normalize_space, resolve

EMPLOYEURS = "/employeurs/"
COMPARER = "/employeurs/comparer/"
SITUATIONS = "/situations/"
NOTE = "/preparer-ma-demande/employeur/"
COLONNES = ["Appui", "Pour qui", "Qui demande", "Qui paie", "Combien de temps"]
# A step opens with « when — who. », in bold: « Semaine 2 — le job coach et la manager. »
DEBUT_D_ETAPE = re.compile(r"^(?P<quand>[^—]+?) — (?P<qui>[^—]+)\.$")


def _article(parsed):
    return parsed.soup.select_one("article.md-content__inner")


def _section(parsed, ancre: str) -> str:
    """The text of a section: its heading (by id) and what follows, up to the next heading of
    the same or a higher level."""
    titre = _article(parsed).find(id=ancre)
    assert titre is not None and re.fullmatch(r"h[2-6]", titre.name), f"{parsed.page}: no heading #{ancre}"
    morceaux = [titre.get_text(" ")]
    for suivant in titre.find_next_siblings():
        if re.fullmatch(r"h[1-6]", suivant.name or "") and suivant.name <= titre.name:
            break
        morceaux.append(suivant.get_text(" "))
    return normalize_space(" ".join(morceaux))


def _pages_de_situation(parsed_site) -> list[str]:
    return sorted(path for path in parsed_site if path.startswith(SITUATIONS) and path != SITUATIONS)


@pytest.mark.parametrize("path", [EMPLOYEURS, COMPARER])
def test_la_page_commence_par_les_trois_choses_a_savoir_avec_leur_lien(site, parsed_site, path):
    parsed = parsed_site[path]
    premier = _article(parsed).find("h2")
    assert premier is not None and premier.get("id") == "l-essentiel", f"{path}: the first section is not the essentials"
    assert normalize_space(premier.get_text()) == "Les trois choses à savoir"
    liste = premier.find_next_sibling()
    points = liste.find_all("li", recursive=False) if liste is not None and liste.name in ("ol", "ul") else []
    assert len(points) == 3, f"{path}: three things to know, found {len(points)}"
    for point in points:
        liens = point.find_all("a", href=True)
        assert liens, f"{path}: « {normalize_space(point.get_text())} » links to no section"
        cible = resolve(site, parsed.page, liens[-1]["href"])
        assert cible is not None and cible.file is not None and cible.fragment, f"{path}: {liens[-1]['href']} is not a section"
        assert cible.fragment in parsed_site[cible.path].ids, f"{path}: {liens[-1]['href']} leads to no heading"


def test_ce_que_l_employeur_peut_faire_des_maintenant_nomme_chaque_acteur(parsed_site):
    texte = _section(parsed_site[EMPLOYEURS], "des-maintenant")
    for acteur in (
        "médecin du travail",
        "cellule de prévention de la désinsertion professionnelle",
        "Cap emploi",
        "maintien dans l'emploi",
        "Agefiph",
        "handicap psychique",
        "autisme",
        "emploi accompagné",
        "avec son accord",
    ):
        assert acteur in texte, f"« Ce que vous pouvez faire dès maintenant » does not name {acteur!r}"
    section = _article(parsed_site[EMPLOYEURS]).find(id="des-maintenant").find_next_sibling("ul")
    cites = {normalize_space(a.get_text()) for a in section.select('a[href*="legifrance.gouv.fr"]')}
    assert {"article L. 4622-8-1", "article L. 5214-3-1", "article L. 5213-2-1"} <= cites, cites


def test_recruter_se_lit_en_etapes_jusqu_a_la_convention(parsed_site):
    titre = _article(parsed_site[EMPLOYEURS]).find(id="recruter")
    etapes = titre.find_next_sibling("ol")
    assert etapes is not None and len(etapes.find_all("li", recursive=False)) >= 5, "« Recruter » has no list of steps"
    texte = _section(parsed_site[EMPLOYEURS], "recruter")
    for attendu in ("France Travail", "Cap emploi", "mise en situation", "convention individuelle d'accompagnement"):
        assert attendu in texte, f"« Recruter avec l'emploi accompagné » does not say {attendu!r}"


def test_le_fiphfp_est_explique_a_l_employeur_public(parsed_site):
    parsed = parsed_site[EMPLOYEURS]
    texte = _section(parsed, "employeur-public")
    assert "fonds pour l'insertion des personnes handicapées dans la fonction publique" in texte
    assert "employeurs publics" in texte and "aménager un poste" in texte
    abbr = _article(parsed).find(id="employeur-public").find_next("abbr", string="FIPHFP")
    assert abbr is not None and abbr.get("title"), "FIPHFP has no <abbr title> in the public employers' section"
    # Who pays for an adjustment, private or public.
    paie = _section(parsed, "signer-payer")
    assert re.search(r"Agefiph si vous êtes un employeur privé, au FIPHFP si vous êtes\s+un employeur public", paie), paie


def test_le_tableau_compare_les_appuis_colonne_par_colonne(site, parsed_site):
    tableau = _article(parsed_site[COMPARER]).select_one("table")
    assert tableau is not None and tableau.caption is not None, "no comparison table with a caption"
    entetes = tableau.select("thead th")
    assert [normalize_space(th.get_text()) for th in entetes] == COLONNES
    assert all(th.get("scope") == "col" for th in entetes), "column headers need scope=col"
    appuis = []
    for ligne in tableau.select("tbody tr"):
        entete = ligne.find("th")
        assert entete is not None and entete.get("scope") == "row", f"row without <th scope=row>: {ligne.get_text(' ')[:60]}"
        cellules = ligne.find_all("td")
        # Each cell says its column on a phone (data-colonne): it must be the right one.
        assert [td.get("data-colonne") for td in cellules] == COLONNES[1:], normalize_space(entete.get_text())
        assert all(normalize_space(td.get_text()) for td in cellules), f"an empty cell in {entete.get_text()}"
        appuis.append(normalize_space(entete.get_text()))
    for attendu in ("Emploi accompagné", "Cap emploi", "Agefiph", "FIPHFP", "Parcours renforcé en emploi", "Convention d'appui"):
        assert any(attendu in appui for appui in appuis), f"the table does not compare {attendu!r}: {appuis}"
    liens = {resolve(site, parsed_site[EMPLOYEURS].page, a["href"]).path for a in _article(parsed_site[EMPLOYEURS]).select("a[href]")
             if resolve(site, parsed_site[EMPLOYEURS].page, a["href"])}
    assert COMPARER in liens, "the employers' page does not lead to the comparison"


@pytest.mark.navigateur
def test_sur_un_telephone_le_tableau_tient_dans_l_ecran_et_chaque_cellule_dit_sa_colonne(browser, site):
    contexte = browser.new_context(viewport=NARROW)
    page = contexte.new_page()
    try:
        page.goto(site.url(COMPARER), wait_until="load")
        mesure = page.evaluate("""() => {
          const table = document.querySelector('article table');
          const cellule = table.querySelector('tbody td');
          return {large: table.scrollWidth, visible: table.clientWidth, page: document.documentElement.scrollWidth,
                  ecran: document.documentElement.clientWidth,
                  etiquette: getComputedStyle(cellule, '::before').content, colonne: cellule.dataset.colonne};
        }""")
    finally:
        contexte.close()
    assert mesure["large"] <= mesure["visible"] and mesure["page"] <= mesure["ecran"], mesure
    assert mesure["etiquette"] == f'"{mesure["colonne"]} : "', mesure


def test_chaque_situation_se_lit_etape_par_etape_qui_quand_signe_paie(site, parsed_site):
    pages = _pages_de_situation(parsed_site)
    assert len(pages) >= 7, pages
    index = parsed_site[SITUATIONS]
    liens = {resolve(site, index.page, a["href"]).path for a in _article(index).select("a[href]") if resolve(site, index.page, a["href"])}
    assert set(pages) <= liens, f"situations the index does not list: {set(pages) - liens}"
    for path in pages:
        parsed = parsed_site[path]
        etapes = _article(parsed).find(id="etapes")
        liste = etapes.find_next_sibling("ol") if etapes is not None else None
        assert liste is not None, f"{path}: no ordered list of steps under « Étape par étape »"
        points = liste.find_all("li", recursive=False)
        assert len(points) >= 4, f"{path}: {len(points)} steps"
        for point in points:
            debut = point.find("strong")
            trouve = debut is not None and DEBUT_D_ETAPE.match(normalize_space(debut.get_text()))
            assert trouve, f"{path}: a step does not open with « when — who. »: {normalize_space(point.get_text())[:80]}"
        assert _section(parsed, "signe").startswith("Ce qui est signé"), path
        assert _section(parsed, "qui-paie").startswith("Qui paie"), path
        assert len(_section(parsed, "qui-paie")) > len("Qui paie") + 20, f"{path}: « Qui paie » says nothing"


def test_les_situations_montrent_le_recrutement_l_employeur_public_et_l_echec(parsed_site):
    titres = {path: normalize_space(parsed_site[path].soup.select_one("article h1").get_text()) for path in _pages_de_situation(parsed_site)}
    textes = {path: parsed_site[path].text for path in titres}
    recit = [p for p, t in titres.items() if "recrute" in t and "mairie" not in t.lower()]
    assert recit and "Ce que l'employeur a fait" in textes[recit[0]], "no recruitment told from the employer's side"
    public = [p for p, t in titres.items() if "mairie" in t.lower()]
    assert public and "FIPHFP" in _section(parsed_site[public[0]], "qui-paie"), "no public employer, or not who pays"
    echec = [p for p, t in titres.items() if "ne marche pas" in t]
    assert echec and "ne veut plus" in textes[echec[0]], "no situation where it is not working"


def test_le_casque_du_dessin_est_dans_le_texte_avec_qui_le_paie(parsed_site):
    """The open-space drawing shows a headset: the text says it, and who pays for it."""
    parsed = parsed_site[SITUATIONS + "open-space/"]
    image = _article(parsed).find("img")
    assert "casque antibruit" in image["alt"]
    assert "casque antibruit" in _section(parsed, "etapes")
    assert "casque" in _section(parsed, "qui-paie") and "Agefiph" in _section(parsed, "qui-paie")


def test_la_note_au_salarie_donne_l_adresse_du_site_et_une_place_pour_le_contact(site, parsed_site):
    note = parsed_site[NOTE].soup.select_one(".kit-feuille")
    texte = normalize_space(note.get_text(" "))
    adresse = site.origin + "/personnes/"  # where this build of the site is served
    assert adresse in texte, f"the printed note does not give the site's address {adresse}"
    assert any(a["href"] == adresse for a in note.select("a[href]")), "the address is not a link"
    lignes = [normalize_space(li.get_text()) for li in note.select(".kit-lignes li")]
    assert any("Nom et rôle" in ligne for ligne in lignes), lignes
    assert any("Téléphone ou e-mail" in ligne for ligne in lignes), lignes


# --- The menu leads to the comparison and to each situation ---------------------------------------


def _menu(site, parsed) -> set[str]:
    """The pages the menu of a page links to (URL paths)."""
    liens = parsed.soup.select("nav.md-nav--primary a.md-nav__link[href]")
    cibles = (resolve(site, parsed.page, a["href"]) for a in liens)
    return {cible.path for cible in cibles if cible is not None and cible.file is not None}


def test_depuis_le_menu_on_arrive_a_la_comparaison_et_a_chaque_situation(site, parsed_site):
    """A reader who only uses the menu gets there: an entry of the home page's menu, then an
    entry of the menu of the page it opens."""
    premier_clic = _menu(site, parsed_site["/"])
    assert {EMPLOYEURS, SITUATIONS} <= premier_clic, "the home page's menu leads neither to the employers nor to the situations"
    second_clic = set().union(*(_menu(site, parsed_site[path]) for path in premier_clic if path in parsed_site))
    attendues = {COMPARER, *_pages_de_situation(parsed_site)}
    assert attendues <= second_clic, f"pages the menu does not lead to: {sorted(attendues - second_clic)}"


def test_sur_une_situation_le_menu_donne_les_autres_situations(site, parsed_site):
    situations = set(_pages_de_situation(parsed_site))
    for path in [SITUATIONS, *sorted(situations)]:
        manquantes = situations - _menu(site, parsed_site[path])
        assert not manquantes, f"{path}: the menu does not list {sorted(manquantes)}"
    assert COMPARER in _menu(site, parsed_site[EMPLOYEURS]), "the employers' menu does not list the comparison"
