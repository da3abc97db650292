"""The schema.org description of a platform (JSON-LD), for search engines and assistants."""
from __future__ import annotations

import json

from markupsafe import Markup

from ..referentiel import Departement
from .modele import Lieu, Plateforme


def json_pour_script(donnees: dict) -> Markup:
    """JSON safe inside <script>: <, > and & written as \\u escapes (still the same JSON)."""
    texte = json.dumps(donnees, ensure_ascii=False, separators=(",", ":"))
    texte = texte.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(texte)


def _adresse_postale(lieu: Lieu) -> dict | None:
    if not (lieu.adresse or lieu.commune):
        return None
    adresse = {"@type": "PostalAddress", "addressCountry": "FR"}
    for cle, valeur in (
        ("streetAddress", ", ".join(p for p in (lieu.adresse, lieu.complement_adresse) if p)),
        ("postalCode", lieu.code_postal),
        ("addressLocality", lieu.commune),
    ):
        if valeur:
            adresse[cle] = valeur
    return adresse


def _contacts_schema(lieu: Lieu, zone: dict) -> dict:
    champs: dict = {}
    if lieu.telephone:
        champs["telephone"] = lieu.telephone
    if lieu.courriel:
        champs["email"] = lieu.courriel
    adresse = _adresse_postale(lieu)
    if adresse:
        champs["address"] = adresse
    if lieu.telephone or lieu.courriel:
        point = {"@type": "ContactPoint", "contactType": "accueil", "availableLanguage": "fr", "areaServed": zone}
        point.update({k: v for k, v in champs.items() if k in ("telephone", "email")})
        champs["contactPoint"] = [point]
    return champs


def donnees_json_ld(plateforme: Plateforme, dep: Departement, url_page: str | None) -> dict | None:
    """The organisation a source names (the platform, else the one that runs it); None when no
    source names one: search engines would show a made-up organisation that nobody can reach."""
    nom = plateforme.nom_de_source()
    if nom is None:
        return None
    zone = {"@type": "AdministrativeArea", "name": dep.nom, "identifier": dep.code}
    donnees: dict = {
        "@context": "https://schema.org",
        "@type": "Organization",
        "name": nom,
        "areaServed": zone,
    }
    if url_page:
        donnees["mainEntityOfPage"] = url_page
    if plateforme.site_web:
        donnees["url"] = plateforme.site_web
    donnees.update(_contacts_schema(plateforme, zone))
    gestionnaire = plateforme.structure_gestionnaire
    if gestionnaire and plateforme.nom:  # without its own name, the platform is described by its organisation
        donnees["parentOrganization"] = {"@type": "Organization", "name": gestionnaire.nom}
        if gestionnaire.site_web:
            donnees["parentOrganization"]["url"] = gestionnaire.site_web
    sites = [
        {"@type": "Organization", "name": site.nom, **_contacts_schema(site, zone)} for site in plateforme.sites
    ]
    if sites:
        donnees["department"] = sites
    return donnees
