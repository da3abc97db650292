"""La barre d'actions des pages de département : imprimer (avec un QR code), partager, y aller, la vCard.

The first tests read the generated Markdown (real data and the complete, fictitious fiche 01);
those marked `navigateur` run the built site in headless Chromium (print emulation, PDF,
clipboard, Web Share).
"""
from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import pytest
import segno
from bs4 import BeautifulSoup

from emploi_accompagne import referentiel
from emploi_accompagne.annuaire import chemins, pages
from tests.annuaire.conftest import SITE_URL
from tests.annuaire.test_pages import en_html

CODES = [dep.code for dep in referentiel.departements()]
BOUTONS_JS = {"imprimer", "partager", "copier"}


def page_html(fichiers: dict[str, str], code: str) -> BeautifulSoup:
    return BeautifulSoup(en_html(fichiers[chemins.chemin_page(code)]), "html.parser")


def barre(soupe: BeautifulSoup):
    [trouvee] = soupe.select("div.annuaire-barre")
    return trouvee


def modules_du_svg(svg) -> list[list[bool]]:
    """The dark modules drawn by segno's single SVG path (`M x y` moves, `h n` runs, `m dx dy` steps)."""
    taille = int(svg["viewbox"].split()[2])
    grille = [[False] * taille for _ in range(taille)]
    x = y = 0.0
    for commande, nombres in re.findall(r"([MmHh])([-\d.\s]+)", svg.path["d"]):
        valeurs = [float(n) for n in nombres.split()]
        if commande == "M":
            x, y = valeurs
        elif commande == "m":
            x, y = x + valeurs[0], y + valeurs[1]
        else:
            longueur = valeurs[0] if commande == "h" else valeurs[0] - x
            for colonne in range(int(x), int(x + longueur)):
                grille[int(y)][colonne] = True
            x += longueur
    return grille


def modules_attendus(url: str, bordure: int) -> list[list[bool]]:
    matrice = segno.make(url, micro=False).matrix
    taille = len(matrice) + 2 * bordure
    grille = [[False] * taille for _ in range(taille)]
    for ligne, rangee in enumerate(matrice):
        for colonne, module in enumerate(rangee):
            grille[ligne + bordure][colonne + bordure] = bool(module)
    return grille


# --- Sur chaque page --------------------------------------------------------------------------------


@pytest.mark.parametrize("code", CODES)
def test_chaque_page_de_departement_a_la_barre_et_son_script_differe(fichiers, code):
    soupe = page_html(fichiers, code)
    actions = barre(soupe)
    assert actions["role"] == "group" and actions["aria-label"]
    assert {b["data-action"] for b in actions.find_all("button")} == BOUTONS_JS
    assert all(b["type"] == "button" for b in actions.find_all("button"))
    [script] = [s for s in soupe.find_all("script") if s.get("src")]
    assert script["src"] == chemins.url_relative(chemins.chemin_page(code), chemins.SCRIPT_BARRE)
    assert script.has_attr("defer")
    # The stylesheet holding the bar's and the print styles is in the head, on every page.
    assert 'feuilles_de_style: ["assets/annuaire.css"]' in fichiers[chemins.chemin_page(code)]


def test_les_boutons_qui_ont_besoin_de_javascript_sont_caches_sans_lui(fichiers):
    actions = barre(page_html(fichiers, "29"))
    for bouton in actions.find_all("button"):
        assert bouton.parent.name == "li" and bouton.parent.has_attr("hidden"), bouton
    liens = [a for a in actions.find_all("a") if not a.find_parent(attrs={"hidden": True})]
    assert [a.get_text() for a in liens] == ["Envoyer par e-mail", "Envoyer par SMS"]
    statut = actions.find(attrs={"role": "status"})
    assert statut is not None and statut["data-reussi"] == "Le lien est copié."


def test_les_liens_e_mail_et_sms_portent_un_court_texte_avec_l_adresse_de_la_page(fichiers):
    url = chemins.url_departement(SITE_URL, "29")
    actions = barre(page_html(fichiers, "29"))
    courriel = actions.find("a", string="Envoyer par e-mail")["href"]
    assert courriel.startswith("mailto:?")
    champs = parse_qs(urlsplit(courriel).query)
    assert champs["subject"] == ["Plateforme emploi accompagné dans le Finistère (29)"]
    assert url in champs["body"][0] and len(champs["body"][0]) < 300
    assert champs["body"][0].startswith("Bonjour,\r\n\r\n")  # line breaks as RFC 6068 writes them
    sms = actions.find("a", string="Envoyer par SMS")["href"]
    assert sms.startswith("sms:?&body=")
    [corps] = parse_qs(urlsplit(sms).query)["body"]
    assert corps.endswith(url) and len(corps) < 160  # one text message


# --- QR code ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("code", ["01", "29", "2A", "974"])
def test_le_qr_code_imprime_encode_l_adresse_publique_de_la_page(fichiers, code):
    soupe = page_html(fichiers, code)
    [bloc] = soupe.select("div.annuaire-imprime")
    assert bloc.has_attr("hidden")  # print only
    svg = bloc.find("svg")
    assert svg["aria-hidden"] == "true"
    url = chemins.url_departement(SITE_URL, code)
    assert url in bloc.get_text()  # the address, written out, is the text alternative
    dessines = modules_du_svg(svg)
    bordure = (len(dessines) - len(segno.make(url, micro=False).matrix)) // 2
    assert dessines == modules_attendus(url, bordure)
    autre = chemins.url_departement(SITE_URL, "75" if code != "75" else "76")
    assert dessines != modules_attendus(autre, bordure)


def test_sans_adresse_du_site_ni_qr_code_ni_liens_e_mail_et_sms(annuaire):
    plateforme = annuaire.plateformes[0]
    dep = referentiel.departement(plateforme.departement)
    texte = pages.page_departement(plateforme, dep, pages.ParametresSite(site_url=None), None)
    soupe = BeautifulSoup(en_html(texte), "html.parser")
    assert not soupe.find("svg") and not soupe.select(".annuaire-imprime")
    actions = barre(soupe)
    assert not actions.has_attr("data-url")  # the script then shares the address in the browser
    assert not actions.select('a[href^="mailto:"], a[href^="sms:"]')
    assert {b["data-action"] for b in actions.find_all("button")} == BOUTONS_JS


# --- Y aller et vCard -------------------------------------------------------------------------------


def test_y_aller_mene_a_openstreetmap_avec_l_adresse_de_la_plateforme(fichiers_complets):
    actions = barre(page_html(fichiers_complets, "01"))
    [lien] = actions.find_all("a", string=re.compile("^Y aller"))
    adresse = urlsplit(lien["href"])
    assert (adresse.scheme, adresse.netloc, adresse.path) == ("https", "www.openstreetmap.org", "/directions")
    assert parse_qs(adresse.query)["to"] == ["=1 rue de l'Exemple, 01000 Bourg-en-Bresse"]


def test_y_aller_n_apparait_que_si_la_fiche_a_une_adresse(plateformes, fichiers, fichiers_complets):
    for plateforme in plateformes:
        page = fichiers[chemins.chemin_page(plateforme.departement)]
        assert ("openstreetmap.org" in page) == bool(plateforme.adresse and plateforme.commune)
    assert "www.openstreetmap.org/directions" in fichiers_complets[chemins.chemin_page("01")]


def test_la_vcard_est_dans_la_barre_quand_il_y_a_des_contacts(fichiers, fichiers_complets):
    soupe = page_html(fichiers_complets, "01")
    [vcard] = soupe.select('a[href$=".vcf"]')
    assert vcard.find_parent("div", class_="annuaire-barre") is not None
    assert vcard["href"] == chemins.nom_vcard("01") and vcard.has_attr("download")
    assert not page_html(fichiers, "29").select('a[href$=".vcf"]')  # no contact, no vCard


# --- Dans le navigateur -----------------------------------------------------------------------------

PAGE = "/departements/29/"
CACHE_AU_PAPIER = [".md-header", ".md-sidebar--primary", ".md-footer", ".md-search", ".annuaire-barre", ".annuaire-contributeurs"]


def nombre_de_pages_pdf(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", pdf))


@pytest.fixture
def onglet(browser, site):
    contexte = browser.new_context(locale="fr-FR", viewport={"width": 1280, "height": 900})
    contexte.set_default_timeout(15_000)
    page = contexte.new_page()
    yield page
    contexte.close()


def visible(onglet, selecteur: str) -> bool:
    return onglet.locator(selecteur).first.is_visible()


@pytest.mark.navigateur
def test_a_l_impression_il_reste_la_fiche_son_adresse_et_le_qr_code(onglet, site):
    onglet.goto(site.url(PAGE), wait_until="load")
    assert not visible(onglet, ".annuaire-imprime svg")  # on screen, no QR code
    assert visible(onglet, ".annuaire-barre")
    onglet.emulate_media(media="print")
    for selecteur in CACHE_AU_PAPIER:
        assert not visible(onglet, selecteur), selecteur
    assert visible(onglet, ".annuaire-imprime svg")
    assert onglet.locator(".annuaire-imprime svg").bounding_box()["width"] >= 90  # about 3 cm
    assert chemins.url_departement(site.origin + "/", "29") in onglet.locator(".annuaire-imprime").inner_text()
    assert visible(onglet, "h1")
    # The QR code, in the top corner, covers nothing: it ends above the first section.
    qr = onglet.locator(".annuaire-imprime").bounding_box()
    assert qr["y"] + qr["height"] <= onglet.locator("article h2").first.bounding_box()["y"]


@pytest.mark.navigateur
def test_la_fiche_la_plus_longue_tient_sur_une_page_a4(onglet, site):
    longueurs = {
        page.path: len(BeautifulSoup(page.file.read_text(encoding="utf-8"), "html.parser").article.get_text())
        for page in site.pages
        if re.fullmatch(r"/departements/[^/]+/", page.path)
    }
    assert len(longueurs) == 101
    for chemin in (max(longueurs, key=longueurs.get), PAGE):
        onglet.goto(site.url(chemin), wait_until="load")
        assert nombre_de_pages_pdf(onglet.pdf(format="A4", print_background=False)) == 1, chemin


@pytest.mark.navigateur
def test_copier_le_lien_copie_l_adresse_et_l_annonce(browser, site):
    contexte = browser.new_context(locale="fr-FR", viewport={"width": 320, "height": 640})
    contexte.grant_permissions(["clipboard-read", "clipboard-write"], origin=site.origin)
    contexte.add_init_script("delete Navigator.prototype.share")  # a browser without Web Share
    try:
        onglet = contexte.new_page()
        onglet.goto(site.url(PAGE), wait_until="load")
        bouton = onglet.get_by_role("button", name="Copier le lien")
        bouton.wait_for(state="visible")
        assert onglet.get_by_role("button", name="Partager").count() == 0  # hidden
        bouton.focus()
        onglet.keyboard.press("Enter")
        statut = onglet.locator(".annuaire-barre [role=status]")
        statut.filter(has_text="Le lien est copié.").wait_for()
        assert onglet.evaluate("navigator.clipboard.readText()") == chemins.url_departement(site.origin + "/", "29")
        # Targets of at least 24 px, and the bar fits a 320 px screen.
        for cible in onglet.locator(".annuaire-barre button:visible, .annuaire-barre a").all():
            boite = cible.bounding_box()
            assert boite["height"] >= 24 and boite["width"] >= 24
            assert boite["x"] >= 0 and boite["x"] + boite["width"] <= 320
        assert onglet.evaluate("document.documentElement.scrollWidth") <= 320
    finally:
        contexte.close()


@pytest.mark.navigateur
def test_avec_le_partage_du_navigateur_partager_remplace_copier(browser, site):
    contexte = browser.new_context(locale="fr-FR")
    contexte.add_init_script(
        "window.partages = []; navigator.share = (donnees) => { window.partages.push(donnees); return Promise.resolve(); }"
    )
    try:
        onglet = contexte.new_page()
        onglet.goto(site.url(PAGE), wait_until="load")
        onglet.get_by_role("button", name="Partager").click()
        assert onglet.get_by_role("button", name="Copier le lien").count() == 0
        [partage] = onglet.evaluate("window.partages")
        assert partage["url"] == chemins.url_departement(site.origin + "/", "29")
    finally:
        contexte.close()


@pytest.mark.navigateur
def test_sans_javascript_seuls_les_liens_restent(browser, site):
    contexte = browser.new_context(java_script_enabled=False)
    try:
        onglet = contexte.new_page()
        onglet.goto(site.url(PAGE))
        assert onglet.locator(".annuaire-barre button:visible").count() == 0
        assert onglet.locator(".annuaire-barre a:visible").all_inner_texts() == ["Envoyer par e-mail", "Envoyer par SMS"]
    finally:
        contexte.close()
