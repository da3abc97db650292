"""Le message prêt à envoyer, dans Chromium : écrit dans le navigateur à partir de quelques champs,
à copier, envoyer par mailto: (sans adresse), imprimer ou enregistrer ; rien ne part du site et
rien n'est gardé. Sans JavaScript, la page montre le modèle à recopier."""
from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest

from tests.helpers.browser import SharedTab

pytestmark = pytest.mark.navigateur

MESSAGE = "/preparer-ma-demande/message/"


@pytest.fixture(scope="module")
def onglet_du_module(browser, site):
    contexte = browser.new_context(locale="fr-FR", viewport={"width": 390, "height": 844}, accept_downloads=True)
    contexte.grant_permissions(["clipboard-read", "clipboard-write"], origin=site.origin)
    contexte.set_default_timeout(15_000)
    partage = SharedTab(contexte, first_visits=True)
    partage.tab.requetes = []
    partage.tab.on("request", lambda requete: partage.tab.requetes.append(requete.url))
    partage.tab.add_init_script("window.print = function () { window.impressions = (window.impressions || 0) + 1; };")
    yield partage
    contexte.close()


@pytest.fixture
def onglet(onglet_du_module, site):
    page = onglet_du_module.tab
    page.requetes = []
    page.goto(site.url(MESSAGE), wait_until="load")
    page.wait_for_function("document.getElementById('message-texte').value !== ''")
    yield page
    onglet_du_module.clear()


def remplir(onglet):
    onglet.get_by_label("Votre prénom et votre nom").fill("Camille Martin")
    onglet.get_by_label("Votre département (par exemple : Rhône)").fill("Ardèche")
    onglet.get_by_label("J'ai un emploi et des difficultés pour le garder").check()
    return onglet.locator("#message-texte").input_value()


def test_le_message_s_ecrit_avec_les_champs(onglet):
    texte = remplir(onglet)
    assert texte.startswith("Objet : Demande d'emploi accompagné\n")
    assert "Je m'appelle Camille Martin. Mon département : Ardèche." in texte
    assert "J'ai un emploi et j'ai des difficultés pour le garder." in texte
    assert "faire la prescription" in texte and texte.rstrip().endswith("Camille Martin")
    onglet.get_by_label("À la MDPH de mon département").check()
    onglet.get_by_label("Je ne l'ai pas encore").check()
    texte = onglet.locator("#message-texte").input_value()
    assert texte.startswith("Objet : Demande de RQTH et d'emploi accompagné\n")
    assert "Cerfa n° 15692*01" in texte


def test_le_lien_e_mail_ouvre_la_messagerie_sans_adresse_avec_l_objet_et_le_texte(onglet):
    texte = remplir(onglet)
    lien = urlsplit(onglet.locator("#message-courriel").get_attribute("href"))
    assert lien.scheme == "mailto" and lien.path == "", "no address: the reader chooses whom to write to"
    champs = parse_qs(lien.query)
    assert champs["subject"] == ["Demande d'emploi accompagné"]
    assert champs["body"][0].replace("\r\n", "\n") == texte.split("\n", 2)[2]


def test_copier_imprimer_enregistrer(onglet):
    texte = remplir(onglet)
    onglet.get_by_role("button", name="Copier le message").click()
    onglet.wait_for_function("document.getElementById('message-statut').textContent.includes('copié')")
    assert onglet.evaluate("navigator.clipboard.readText()") == texte
    onglet.get_by_role("button", name="Imprimer").click()
    assert onglet.evaluate("window.impressions") == 1
    assert onglet.locator("#message-imprime").text_content() == texte
    with onglet.expect_download() as telechargement:
        onglet.get_by_role("link", name="Enregistrer (fichier texte)").click()
    fichier = telechargement.value
    assert fichier.suggested_filename == "message-emploi-accompagne.txt"
    assert open(fichier.path(), encoding="utf-8").read() == texte


def test_un_message_modifie_n_est_plus_reecrit_par_les_champs(onglet):
    remplir(onglet)
    onglet.locator("#message-texte").fill("Bonjour, mon propre message.")
    onglet.get_by_label("Je cherche un emploi").check()
    assert onglet.locator("#message-texte").input_value() == "Bonjour, mon propre message."
    assert "Vous avez modifié le message" in onglet.locator("#message-statut").text_content()


def test_rien_ne_part_du_site_et_rien_n_est_garde(onglet, site):
    remplir(onglet)
    onglet.get_by_role("button", name="Copier le message").click()
    assert all(url.startswith((site.origin + "/", "blob:", "data:")) for url in onglet.requetes), onglet.requetes
    gardes = onglet.evaluate("[localStorage.length, sessionStorage.length, document.cookie]")
    assert gardes == [0, 0, ""]
    assert "Le site ne l'envoie pas et ne l'enregistre pas" in onglet.locator("article").inner_text()


def test_sans_javascript_la_page_montre_le_modele(browser, site):
    contexte = browser.new_context(locale="fr-FR", java_script_enabled=False)
    try:
        page = contexte.new_page()
        page.goto(site.url(MESSAGE), wait_until="load")
        assert page.locator("#message").is_hidden()
        assert page.get_by_text("Recopiez ce message et remplacez ce qui est entre crochets.").is_visible()
    finally:
        contexte.close()


def test_sans_adresse_la_page_dit_quoi_faire(onglet, site):
    """« Envoyer par e-mail » opens a message with no recipient: the page says whom to ask,
    where the MDPH's address is, and that the message can be copied or printed instead."""
    lien = onglet.locator(".admonition a[href='#pas-d-adresse']")
    assert lien.is_visible()
    section = onglet.locator("#pas-d-adresse ~ ul").first
    texte = section.inner_text()
    for attendu in ("conseiller", "Copiez le message", "demandez l'adresse", "imprimez le message", "MDPH", "courrier"):
        assert attendu.lower() in texte.lower(), attendu
    assert section.locator("a[href='https://lannuaire.service-public.fr/']").count() == 1
    onglet.locator("#message-courriel").evaluate("a => a.addEventListener('click', e => e.preventDefault())")
    onglet.locator("#message-courriel").click()
    statut = onglet.locator("#message-statut")
    onglet.wait_for_function("document.getElementById('message-statut').textContent !== ''")
    assert "Vous n'avez pas d'adresse pour écrire ?" in statut.text_content()


def test_sans_javascript_la_page_dit_aussi_quoi_faire_sans_adresse(browser, site):
    contexte = browser.new_context(java_script_enabled=False)
    try:
        page = contexte.new_page()
        page.goto(site.url(MESSAGE), wait_until="load")
        assert page.locator("#pas-d-adresse").is_visible()
    finally:
        contexte.close()
