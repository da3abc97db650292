"""Le formulaire « Proposer une fiche » dans Chromium : messages d'erreur accessibles, e-mail
prêt à partir, formulaire GitHub prérempli, préremplissage depuis l'adresse, clavier seul.

Tried on the specimen site (tests/helpers/site.py), built with a publisher's address set
(COURRIEL_PROPOSITIONS, read by mkdocs.yml): the default build has none and so no e-mail button. The
e-mail's body is read back with a small parser of the "<libellé> :" layout and
compared with page_proposer.bloc(), so the script and the Python side cannot drift apart.
"""
from __future__ import annotations

import re
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from pydantic import ValidationError

from emploi_accompagne.annuaire import formulaire, page_proposer
from emploi_accompagne.annuaire.erreurs import message_en_francais
from emploi_accompagne.annuaire.formulaire import (
    CHAMPS,
    SANS_REPONSE_COURRIEL,
    SOURCE_PLATEFORME,
    SOURCE_SANS_PAGE,
)
from emploi_accompagne.annuaire.modele import CONTEXT_DEPARTEMENT, Plateforme
from tests.helpers.site import SPECIMEN_COURRIEL, SPECIMEN_DEPOT

from .test_proposer import lire_bloc

pytestmark = pytest.mark.navigateur

COURRIEL = SPECIMEN_COURRIEL
DEPOT = SPECIMEN_DEPOT
PAGE = "/contribuer/proposer/"
LIBELLES = {champ.id: champ.libelle for champ in CHAMPS}
# What a platform's employee would type (fake values: ARCEP fiction range, example.org).
SAISIE = {
    "nom": "Plateforme emploi accompagné du Finistère",
    "structure_gestionnaire": "Association « Exemple » & co",  # from-issue refuses a tag
    "telephone": "02 98 00 00 00",
    "courriel": "contact@example.org",
    "site_web": "https://example.org/plateforme?a=1&b=2",
    "code_postal": "29000",
    "commune": "Quimper",
    "horaires_accueil": "Du lundi au vendredi\nde 9 h à 12 h",
    "remarques": "### pas un titre ? 100 % sûr #1",
    "contact": "moi@example.org",
}


def ouvrir(onglet, site, requete: str = ""):
    onglet.goto(site.url(PAGE + requete), wait_until="load")
    onglet.wait_for_selector("#proposer", state="visible")
    onglet.wait_for_function("document.readyState === 'complete'")


def actif(onglet) -> str:
    return onglet.evaluate("document.activeElement ? document.activeElement.id : ''")


def remplir(onglet, departement="29 – Finistère", role=formulaire.ROLES[0], source="https://example.org/source",
            saisie=SAISIE):
    onglet.select_option("#champ-departement", label=departement)
    for identifiant, valeur in saisie.items():
        onglet.fill(f"#champ-{identifiant}", valeur)
    if source == SOURCE_SANS_PAGE:
        onglet.check("#champ-source-plateforme")
    else:
        onglet.check("#champ-source-page")
        onglet.fill("#champ-source", source)
    onglet.check(f"fieldset[data-champ=role] input[value=\"{role}\"]")


def lien_courriel(onglet) -> str:
    onglet.wait_for_selector("#proposer-resultat", state="visible")
    return onglet.get_attribute("#proposer-lien-courriel", "href")


def lire_mailto(lien: str) -> tuple[str, str, str]:
    """(address, subject, body) of a mailto: link, body decoded."""
    morceaux = urlsplit(lien)
    assert morceaux.scheme == "mailto"
    requete = {cle: unquote(valeur) for cle, _, valeur in (p.partition("=") for p in morceaux.query.split("&"))}
    assert set(requete) == {"subject", "body"}
    return unquote(morceaux.path), requete["subject"], requete["body"]


def attendus(**autres) -> dict[str, str]:
    """Every field by id, as the block should carry it."""
    valeurs = {champ.id: "" for champ in CHAMPS}
    valeurs.update(departement="29 – Finistère", source="https://example.org/source", role=formulaire.ROLES[0])
    valeurs.update(SAISIE)
    valeurs.update(autres)
    return valeurs


# The field and its question (label, or legend of its group) in view, below Material's sticky header.
VISIBLES_SOUS_L_EN_TETE = """(id) => {
  const champ = document.getElementById(id);
  const question = champ.type === 'radio' ? champ.closest('fieldset').querySelector('legend')
    : document.querySelector(`label[for="${id}"]`);
  const haut = document.querySelector('.md-header').getBoundingClientRect().bottom;
  return [champ, question].every(e => { const r = e.getBoundingClientRect(); return r.top >= haut && r.bottom <= innerHeight; });
}"""


# --- Erreurs ---------------------------------------------------------------------------------------


def test_envoi_vide_resume_des_erreurs_en_haut_avec_un_lien_par_champ(onglet, specimen):
    ouvrir(onglet, specimen)
    titre = onglet.title()
    onglet.click("#proposer-envoyer-courriel")
    resume = onglet.locator("#proposer-erreurs")
    assert resume.is_visible() and resume.get_attribute("role") == "alert"
    assert actif(onglet) == "proposer-erreurs"
    assert resume.locator("h2").text_content() == "Il y a un problème"
    assert onglet.title() == "Erreur : " + titre
    liens = resume.locator("a")
    textes = liens.all_text_contents()
    assert textes == [
        "Département : choisissez dans la liste",
        page_proposer.MESSAGE_RIEN,
        "Vous êtes : choisissez une réponse",
        "Source : dites d'où viennent ces informations",
    ]
    assert onglet.locator("#proposer-resultat").is_hidden()
    cibles = [href.removeprefix("#") for href in liens.evaluate_all("els => els.map(e => e.getAttribute('href'))")]
    assert cibles == ["champ-departement", "champ-nom", "champ-role-1", "champ-source-page"]
    for numero, cible in enumerate(cibles):
        liens.nth(numero).click()
        assert actif(onglet) == cible
        assert onglet.evaluate(VISIBLES_SOUS_L_EN_TETE, cible), f"{cible} ou sa question cachés après le lien"


def test_chaque_message_est_a_cote_de_son_champ_et_lui_est_associe(onglet, specimen):
    ouvrir(onglet, specimen)
    onglet.click("#proposer-envoyer-courriel")
    for cible, message in (("champ-departement", "Département : choisissez dans la liste"), ("champ-nom", page_proposer.MESSAGE_RIEN)):
        saisie = onglet.locator(f"#{cible}")
        assert saisie.get_attribute("aria-invalid") == "true"
        decrit = saisie.get_attribute("aria-describedby").split()
        assert decrit[-1] == f"{cible}-erreur"
        assert onglet.locator(f"#{cible}-erreur").text_content() == "Erreur : " + message
        assert onglet.locator(f"#{cible}-erreur .proposer-masque").text_content() == "Erreur : "  # read, not shown
    # A group of radio buttons: the message describes the fieldset.
    groupe = onglet.locator("fieldset[data-champ=role]")
    assert "champ-role-1-erreur" in groupe.get_attribute("aria-describedby").split()
    assert onglet.locator("#champ-role-1").get_attribute("aria-invalid") is None
    # Corrected and sent again: the messages go, the title comes back.
    remplir(onglet)
    onglet.click("#proposer-copier")
    assert onglet.locator("#proposer-erreurs").is_hidden()
    assert onglet.locator(".proposer-champ__erreur").count() == 0
    assert onglet.locator("[aria-invalid]").count() == 0
    assert onglet.locator("#champ-departement").get_attribute("aria-describedby") == "champ-departement-aide"
    assert not onglet.title().startswith("Erreur")


FORMATS = [  # (champ, valeur, acceptée)
    ("telephone", "02 98 00 00 00", True),
    ("telephone", "+33 2 98 00 00 00", True),
    ("telephone", "+33 (0)2 98 00 00 00", True),
    ("telephone", "0262 12 34 56", False),  # a Réunion number written the national way, in the Finistère: see below
    ("telephone", "1298000000", False),
    ("telephone", "+262 262 12 34 56", True),
    ("telephone", "02 98 00 00", False),
    ("telephone", "+44 20 7946 0000", False),
    ("courriel", "contact@example.org", True),
    ("courriel", "contact@example", False),
    ("courriel", "contact example.org", False),
    ("courriel", "contact@exämple.org", False),
    ("courriel", "contact@аpple.com", False),  # Cyrillic а
    ("courriel", "contact@xn--pple-43d.com", False),
    ("site_web", "https://example.org", True),
    ("site_web", "http://example.org", False),
    ("site_web", "www.example.org", False),
    ("site_web", "https://www.service-public.fr@evil.example/", False),
    ("site_web", "https://аpple.com/", False),
    ("site_web", "https://xn--pple-43d.com/", False),
    ("site_web", "https://evil.example\\@www.service-public.fr/", False),
    ("code_postal", "29000", True),
    ("code_postal", "2900", False),
    ("code_postal", "29 000", True),
    ("source", "http://example.org/page", False),
]


@pytest.mark.parametrize("champ", sorted({champ for champ, _, _ in FORMATS}))
def test_les_formats_sont_verifies_avec_un_message_en_francais(onglet, specimen, champ):
    """Each value in turn in the same form, the rest of it valid: each click checks the whole form again."""
    ouvrir(onglet, specimen)
    remplir(onglet)
    message = onglet.locator(f"[data-champ={champ}]").get_attribute("data-message-format")
    for _, valeur, accepte in (f for f in FORMATS if f[0] == champ):
        onglet.fill(f"#champ-{champ}", valeur)
        onglet.click("#proposer-copier")
        erreurs = onglet.locator("#proposer-erreurs a").all_text_contents()
        if accepte:
            assert erreurs == [], valeur
            assert onglet.locator("#proposer-resultat").is_visible(), valeur
        else:
            assert erreurs == [message], valeur
            assert onglet.locator(f"#champ-{champ}").get_attribute("aria-invalid") == "true", valeur


# Each one judged by the page's script and by the model, as `check`, `import` and `from-issue` judge it.
TELEPHONES = [
    "02 98 00 00 00", "06 12 34 56 78", "07 56 12 34 56", "0 800 12 34 56", "0806 12 34 56", "09 70 12 34 56",
    "+33 (0)2 98 00 00 00", "0033 2 98 00 00 00", "33 2 98 00 00 00", "02.98.00.00.00", "02\u00a098\u00a000\u00a000\u00a000",
    "05 55 XX XX XX", "04 74 OO OO OO", "О2 98 00 00 00", "02 98 00 00 00 x12", "tel:+33298000000",
    "02 98 00 00 00 #12", "02 98 00 00 00 / 06 12 34 56 78", "02 98 +00 00 00", "02\u200b98 00 00 00",
    "08 99 12 34 56", "08 92 12 34 56", "08 10 12 34 56", "08 25 12 34 56", "+33 8 99 12 34 56", "0890 12 34 56",
    "+590 891 12 34 56", "0262 40 00 00", "+262 262 40 00 00", "0692 12 34 56", "+44 20 7946 0000", "02 98 00 00", "1298000000",
]


def message_du_modele(cle: str, valeur: str, departement: str) -> str | None:
    """What `check` says of this value in a fiche of this département, or None if it accepts it."""
    fiche = {"departement": departement, "date_maj": "2026-01-01", "statut_verification": "source-publique",
             "lien_source": "https://example.org/source", cle: valeur}
    try:
        Plateforme.model_validate(fiche, context={CONTEXT_DEPARTEMENT: departement})
    except ValidationError as erreur:
        [detail] = erreur.errors()
        return message_en_francais(detail)
    return None


@pytest.mark.parametrize("departement", ["29 – Finistère", "974 – La Réunion"])
def test_le_formulaire_juge_chaque_numero_comme_le_modele_avec_le_meme_message(onglet, specimen, departement):
    ouvrir(onglet, specimen)
    # Without the Finistère's postal code and commune, which do not belong to La Réunion.
    remplir(onglet, departement=departement, saisie={c: v for c, v in SAISIE.items() if c not in ("code_postal", "commune")})
    generique = onglet.locator("[data-champ=telephone]").get_attribute("data-message-format")
    for numero in TELEPHONES:
        message = message_du_modele("telephone", numero, departement.split(" ")[0])
        if message is None:
            attendu = []
        else:
            precis = not message.startswith(("numéro de téléphone invalide", "ce numéro n'est ni"))
            attendu = [f"{LIBELLES['telephone']} : {message}" if precis else generique]
        onglet.fill("#champ-telephone", numero)
        onglet.click("#proposer-copier")
        assert onglet.locator("#proposer-erreurs a").all_text_contents() == attendu, numero


def test_une_page_source_choisie_mais_sans_adresse_est_signalee_sur_l_adresse(onglet, specimen):
    ouvrir(onglet, specimen)
    remplir(onglet)
    assert onglet.locator("#champ-source").is_visible()
    onglet.fill("#champ-source", "")
    onglet.click("#proposer-copier")
    assert onglet.locator("#proposer-erreurs a").get_attribute("href") == "#champ-source"
    onglet.check("#champ-source-plateforme")  # the address is not asked any more
    assert onglet.locator("#champ-source").is_hidden()
    onglet.click("#proposer-copier")
    assert onglet.locator("#proposer-erreurs").is_hidden()


# --- E-mail ------------------------------------------------------------------------------------------


def test_le_mailto_porte_toute_la_proposition_en_francais_simple(onglet, specimen):
    ouvrir(onglet, specimen)
    remplir(onglet)
    onglet.click("#proposer-envoyer-courriel")
    adresse, objet, corps = lire_mailto(lien_courriel(onglet))
    assert adresse == COURRIEL
    assert objet == "Proposition de fiche : 29 – Finistère"
    assert "\r\n" in corps and "\n" not in corps.replace("\r\n", "")  # RFC 6068 line breaks
    valeurs = lire_bloc(corps)
    assert list(valeurs) == [champ.libelle for champ in CHAMPS]
    assert valeurs[LIBELLES["telephone"]] == "02 98 00 00 00"
    assert valeurs[LIBELLES["horaires_accueil"]] == "Du lundi au vendredi\nde 9 h à 12 h"
    assert valeurs[LIBELLES["contact"]] == "moi@example.org"  # by e-mail only
    assert valeurs[LIBELLES["adresse"]] == SANS_REPONSE_COURRIEL
    assert corps.replace("\r\n", "\n") == page_proposer.bloc(attendus())
    # The same text is shown, to be copied by hand.
    assert onglet.input_value("#proposer-texte") == page_proposer.bloc(attendus())
    assert actif(onglet) == "" and onglet.evaluate("document.activeElement.classList.contains('proposer-resultat__titre')")


def test_le_texte_de_l_e_mail_se_lit_avec_from_issue(onglet, specimen):
    # The parser of the `propositions` work; this test runs once that work is merged.
    proposition = pytest.importorskip("emploi_accompagne.annuaire.proposition")
    ouvrir(onglet, specimen)
    remplir(onglet)
    onglet.click("#proposer-envoyer-courriel")
    blocs = proposition.lire_blocs(lire_mailto(lien_courriel(onglet))[2])
    assert {cle: bloc.valeur for cle, bloc in blocs.items()} == attendus()


def test_sans_page_publique_la_source_part_en_toutes_lettres(onglet, specimen):
    ouvrir(onglet, specimen)
    remplir(onglet, source=SOURCE_SANS_PAGE, role=formulaire.ROLES[3])
    onglet.click("#proposer-envoyer-courriel")
    valeurs = lire_bloc(lire_mailto(lien_courriel(onglet))[2])
    assert valeurs["Source"] == SOURCE_SANS_PAGE
    assert valeurs["Vous êtes"] == formulaire.ROLES[3]


def test_copier_le_texte_pour_une_messagerie_en_ligne(onglet, contexte, specimen):
    contexte.grant_permissions(["clipboard-read", "clipboard-write"], origin=specimen.origin)
    ouvrir(onglet, specimen)
    remplir(onglet)
    onglet.click("#proposer-copier")
    onglet.wait_for_function("document.getElementById('proposer-copie-statut').textContent !== ''")
    assert onglet.text_content("#proposer-copie-statut") == "Le texte est copié. Collez-le dans votre message."
    assert onglet.evaluate("navigator.clipboard.readText()") == page_proposer.bloc(attendus())
    consigne = onglet.locator("[data-cas=copie]")
    assert consigne.is_visible() and COURRIEL in consigne.text_content()
    assert "Proposition de fiche : 29 – Finistère" in consigne.text_content()
    assert onglet.locator("[data-cas=courriel]").is_hidden()


# --- GitHub ------------------------------------------------------------------------------------------


def aller_sur_github(onglet, contexte) -> dict[str, list[str]]:
    """Click « Envoyer sur GitHub »; the address reached, answered here instead of GitHub."""
    contexte.route("https://github.com/**", lambda route: route.fulfill(status=200, body="GitHub", content_type="text/plain"))
    with onglet.expect_navigation(url=re.compile(r"^https://github\.com/")):
        onglet.click("#proposer-envoyer-github")
    adresse = urlsplit(onglet.url)
    assert f"{adresse.scheme}://{adresse.netloc}{adresse.path}" == f"{DEPOT}/issues/new"
    return parse_qs(adresse.query, keep_blank_values=True)


def test_github_s_ouvre_prerempli_avec_les_champs_publics_seulement(onglet, contexte, specimen):
    ouvrir(onglet, specimen)
    remplir(onglet)
    requete = aller_sur_github(onglet, contexte)
    assert requete.pop("template") == ["proposer-une-fiche.yml"]
    assert requete.pop("title") == ["Proposition de fiche : 29 – Finistère"]
    par_url = {
        cle: valeur for cle, valeur in attendus().items()
        if valeur and formulaire.champ(cle).public and page_proposer.prerempli_par_github(formulaire.champ(cle))
    }  # fmt: skip
    assert requete == {cle: [valeur] for cle, valeur in par_url.items()}
    assert "contact" not in requete and "moi@example.org" not in onglet.url
    assert "role" not in requete  # a dropdown on GitHub: chosen there again, as the page says
    assert requete["departement"] == ["29 – Finistère"]


def test_un_texte_trop_long_pour_github_est_coupe_et_le_lecteur_prevenu(onglet, contexte, specimen):
    ouvrir(onglet, specimen)
    long = "Une antenne à Brest, une autre à Morlaix. " * 300  # about 25 KB once encoded
    remplir(onglet, saisie=dict(SAISIE, remarques=long))
    onglet.click("#proposer-envoyer-github")
    alerte = onglet.locator("[data-cas=github]")
    alerte.wait_for(state="visible")
    assert onglet.text_content("#proposer-coupes") == LIBELLES["remarques"]
    lien = onglet.get_attribute("#proposer-lien-github", "href")
    assert len(lien) <= page_proposer.LIMITE_URL_GITHUB
    requete = parse_qs(urlsplit(lien).query)
    assert requete["remarques"][0].endswith(page_proposer.NOTE_COUPE)
    assert long.startswith(requete["remarques"][0].removesuffix(page_proposer.NOTE_COUPE))
    assert requete["nom"] == [SAISIE["nom"]]  # the other fields are whole
    assert onglet.url.startswith(specimen.origin)  # the reader decides to go on


# --- Préremplissage depuis l'adresse -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("requete", "choisi"),
    [("?departement=2A", "2A – Corse-du-Sud"), ("?departement=2a", "2A – Corse-du-Sud"),
     ("?departement=974", "974 – La Réunion"), ("?departement=1", "01 – Ain"), ("?departement=99", "")],
)  # fmt: skip
def test_le_departement_vient_de_l_adresse(onglet, specimen, requete, choisi):
    ouvrir(onglet, specimen, requete)
    assert onglet.input_value("#champ-departement") == choisi


@pytest.mark.parametrize("source", [SOURCE_SANS_PAGE, SOURCE_PLATEFORME])  # the former wording too
def test_les_autres_champs_aussi_par_leur_id(onglet, specimen, source):
    ouvrir(onglet, specimen, "?departement=29&nom=Plateforme%20du%20Finist%C3%A8re&source=" + source.replace(" ", "+")
           + "&contact_avant_prescription=Oui")
    assert onglet.input_value("#champ-nom") == "Plateforme du Finistère"
    assert onglet.is_checked("#champ-source-plateforme")
    assert onglet.is_checked("#champ-contact_avant_prescription-1")


# --- Clavier seul, sans JavaScript ----------------------------------------------------------------------


def tabuler_jusqu_a(onglet, identifiant: str, maximum: int = 200) -> None:
    for _ in range(maximum):
        onglet.keyboard.press("Tab")
        if actif(onglet) == identifiant:
            return
    pytest.fail(f"#{identifiant} n'est pas atteignable avec la touche Tab")


def test_au_clavier_seul_de_l_erreur_a_l_e_mail(onglet, specimen):
    ouvrir(onglet, specimen)
    tabuler_jusqu_a(onglet, "proposer-envoyer-courriel")
    onglet.keyboard.press("Enter")
    assert actif(onglet) == "proposer-erreurs"
    onglet.keyboard.press("Tab")
    assert onglet.evaluate("document.activeElement.getAttribute('href')") == "#champ-departement"
    onglet.keyboard.press("Enter")
    assert actif(onglet) == "champ-departement"
    onglet.keyboard.type("29", delay=50)  # type-ahead in the closed list
    assert onglet.input_value("#champ-departement") == "29 – Finistère"
    onglet.keyboard.press("Tab")
    assert actif(onglet) == "champ-nom"
    onglet.keyboard.type("Plateforme du Finistère")
    tabuler_jusqu_a(onglet, "champ-telephone", 10)
    onglet.keyboard.type("02 98 00 00 00")
    tabuler_jusqu_a(onglet, "champ-role-1", 20)
    onglet.keyboard.press("ArrowDown")
    assert onglet.is_checked("#champ-role-2")
    onglet.keyboard.press("Tab")
    assert actif(onglet) == "champ-source-page"
    onglet.keyboard.press("Space")
    onglet.keyboard.press("Tab")
    assert actif(onglet) == "champ-source"  # the address appears right under its choice
    onglet.keyboard.type("https://example.org/source")
    tabuler_jusqu_a(onglet, "proposer-envoyer-courriel", 5)
    onglet.keyboard.press("Enter")
    valeurs = lire_bloc(lire_mailto(lien_courriel(onglet))[2])
    assert valeurs["Département"] == "29 – Finistère"
    assert valeurs["Nom de la plateforme"] == "Plateforme du Finistère"
    assert valeurs["Téléphone"] == "02 98 00 00 00"
    assert valeurs["Source"] == "https://example.org/source"
    assert valeurs["Vous êtes"] == formulaire.ROLES[1]
    assert onglet.evaluate("document.activeElement.classList.contains('proposer-resultat__titre')")


def test_sans_javascript_les_deux_voies_sont_expliquees(browser, specimen):
    contexte = browser.new_context(java_script_enabled=False)
    try:
        page = contexte.new_page()
        page.goto(specimen.url(PAGE))
        assert page.locator("#proposer").is_hidden()
        assert page.locator("#proposer-sans-js").is_visible()
        article = page.locator("article")
        assert article.get_by_role("link", name="ouvrez le formulaire de proposition sur GitHub").get_attribute("href") == (
            f"{DEPOT}/issues/new?template=proposer-une-fiche.yml"
        )
        modele = article.get_by_role("link", name="écrivez un e-mail à partir du modèle").get_attribute("href")
        adresse, objet, corps = lire_mailto(modele)
        assert adresse == COURRIEL and objet == page_proposer.OBJET_COURRIEL
        assert corps.replace("\r\n", "\n") == page_proposer.modele_courriel()
        assert article.get_by_role("link", name=COURRIEL).is_visible()
    finally:
        contexte.close()


def test_a_320_px_rien_ne_deborde_formulaire_et_erreurs_compris(browser, specimen):
    contexte = browser.new_context(viewport={"width": 320, "height": 640}, locale="fr-FR")
    try:
        page = contexte.new_page()
        page.goto(specimen.url(PAGE), wait_until="load")
        page.click("#proposer-envoyer-github")
        largeurs = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
        assert largeurs[0] <= largeurs[1]
        trop_petits = page.evaluate("""() => [...document.querySelectorAll('#proposer input, #proposer button, #proposer-erreurs a')]
          .filter(e => { const r = e.getBoundingClientRect(); return r.width > 0 && (r.width < 24 || r.height < 24); })
          .map(e => e.id || e.textContent)""")
        assert trop_petits == []
    finally:
        contexte.close()
