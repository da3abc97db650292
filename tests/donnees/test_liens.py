"""Spécification : un lien ne ment pas. Le site qu'une page nomme est celui où le lien mène.

- une adresse web avec une partie « nom@ » est refusée : `https://www.service-public.fr@evil.example/`
  mène à evil.example ;
- un nom de site ou un domaine d'e-mail en lettres accentuées ou d'un autre alphabet (ou son
  déguisement ASCII `xn--`) est refusé : « аpple.com » en cyrillique imite apple.com ;
- une adresse que deux programmes liraient différemment (« \\ », « % » dans le nom du site,
  espace, tabulation) est refusée ;
- la page nomme toujours l'hôte où mène le lien, lu comme le navigateur le lit.
"""
from __future__ import annotations

import pytest
from pydantic import ValidationError

from emploi_accompagne.annuaire.coordonnees import domaine
from emploi_accompagne.annuaire.modele import CONTEXT_DEPARTEMENT, Plateforme, Structure

from .test_chargement import numero_de_ligne, problemes, remplacer_dans_fiche


def message_pour(champ: str, valeur: str) -> str:
    donnees = {
        "departement": "29", "date_maj": "2026-01-15", "statut_verification": "source-publique",
        "lien_source": "https://example.org/source", champ: valeur,
    }  # fmt: skip
    with pytest.raises(ValidationError) as erreur:
        Plateforme.model_validate(donnees, context={CONTEXT_DEPARTEMENT: "29"})
    [detail] = erreur.value.errors()
    assert detail["loc"] == (champ,)
    return str(detail["ctx"]["error"])


# --- Adresses web ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "vrai_site"),
    [
        ("https://www.service-public.fr@evil.example/", "evil.example"),  # the security report's case
        ("https://www.service-public.fr:443@evil.example/demarches", "evil.example"),
        ("https://user:motdepasse@example.org/", "example.org"),
    ],
)
def test_une_adresse_avec_une_partie_utilisateur_est_refusee_en_nommant_le_vrai_site(url, vrai_site):
    message = message_pour("site_web", url)
    assert message.startswith(f"adresse web trompeuse : le site est « {vrai_site} »")


@pytest.mark.parametrize(
    "url",
    [
        "https://exämple.org/",  # an accent
        "https://аpple.com/",  # Cyrillic а: looks like apple.com
        "https://www.service-publiс.fr/",  # Cyrillic с at the end
        "https://xn--pple-43d.com/",  # the same, in its ASCII disguise (punycode)
        "https://www.xn--exmple-cua.org/page",
        "https://ｅｘａｍｐｌｅ.org/",  # full-width letters, that IDNA folds into example.org
    ],
)
def test_un_nom_de_site_hors_de_l_alphabet_latin_simple_est_refuse(url):
    assert message_pour("site_web", url).startswith("lettres accentuées ou d'un autre alphabet dans le nom du site")


@pytest.mark.parametrize(
    "url",
    [
        "https://evil.example\\@www.service-public.fr/",  # browsers go to evil.example, urllib reads service-public.fr
        "https://ex%61mple.org/",
        "https://exa\tmple.org/",
        "https://example.org/une page",
    ],
)
def test_une_adresse_que_deux_programmes_liraient_differemment_est_refusee(url):
    assert message_pour("site_web", url).startswith("adresse web ambiguë")


@pytest.mark.parametrize(
    "url",
    [
        "https://www.service-public.fr/particuliers/vosdroits/F1650",
        "https://example.org/plateforme?a=1&b=2",
        "https://example.org/page-accentuée",  # accents after the host are fine: the site is named in plain letters
        "https://example.org/a%20b#section",
        "https://EXAMPLE.org/",
    ],
)
def test_une_adresse_ordinaire_est_acceptee_telle_quelle(url):
    structure = Structure.model_validate({"nom": "Association fictive", "site_web": url})
    assert structure.site_web == url


def test_chaque_champ_d_adresse_suit_la_regle():
    for champ in ("site_web", "lien_source", "accessibilite_lieu"):
        assert message_pour(champ, "https://www.service-public.fr@evil.example/").startswith("adresse web trompeuse")


def test_check_refuse_le_lien_a_sa_ligne(yaml_valide, ecrire):
    url = "https://www.service-public.fr@evil.example/"
    texte = remplacer_dans_fiche(yaml_valide, "29", "  site_web:", f"  site_web: {url}")
    texte = remplacer_dans_fiche(texte, "29", "  lien_source:", "  lien_source: https://example.org/source")
    [p] = problemes(ecrire(texte))
    assert (p["dep"], p["champ"]) == ("29", "site_web")
    assert int(p["ligne"]) == numero_de_ligne(texte, url)
    assert p["message"].startswith("adresse web trompeuse : le site est « evil.example »")


@pytest.mark.parametrize(
    ("url", "nomme"),
    [
        ("https://www.exemple.fr/page", "exemple.fr"),
        ("https://www.service-public.fr@evil.example/", "evil.example"),  # had it passed the model
        ("https://evil.example\\@www.service-public.fr/", "evil.example"),
        ("https://example.org:8443/page", "example.org"),
    ],
)
def test_la_page_nomme_le_site_ou_mene_vraiment_le_lien(url, nomme):
    assert domaine(url) == nomme


# --- Adresses e-mail -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "courriel",
    [
        "contact@exämple.org",
        "contact@аpple.com",  # Cyrillic а
        "contact@xn--pple-43d.com",  # the ASCII disguise of the same
        "cоntact@example.org",  # Cyrillic о before the @
        "contact@ｅｘａｍｐｌｅ.org",
    ],
)
def test_une_adresse_e_mail_hors_de_l_alphabet_latin_simple_est_refusee(courriel):
    for champ in ("courriel", "courriel_prescripteurs"):
        assert message_pour(champ, courriel).startswith("lettres accentuées ou d'un autre alphabet dans l'adresse e-mail")


@pytest.mark.parametrize("courriel", ['"contact@evil"@example.org', "Service public <contact@example.org>"])
def test_une_adresse_e_mail_deguisee_est_refusee(courriel):
    assert message_pour("courriel", courriel).startswith("adresse e-mail invalide")


def test_une_adresse_e_mail_ordinaire_est_acceptee():
    fiche = Plateforme.model_validate(
        {"departement": "29", "date_maj": "2026-01-15", "statut_verification": "source-publique",
         "lien_source": "https://example.org/source", "courriel": "contact@EXAMPLE.org"},
        context={CONTEXT_DEPARTEMENT: "29"},
    )  # fmt: skip
    assert fiche.courriel == "contact@example.org"
