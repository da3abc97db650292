"""The vCard of a platform: one card per place with contacts, for the reader's phone."""
from __future__ import annotations

import vobject

from ..referentiel import Departement
from .francais import date_en_mots
from .modele import Lieu, Plateforme


def _carte_vcard(nom: str, lieu: Lieu, site_web: str | None, note: str) -> vobject.base.Component:
    carte_vcf = vobject.vCard()
    carte_vcf.add("n").value = vobject.vcard.Name()
    carte_vcf.add("fn").value = nom
    carte_vcf.add("org").value = [nom]
    if lieu.telephone:
        tel = carte_vcf.add("tel")
        tel.value = lieu.telephone
        tel.type_param = "WORK"
    if lieu.courriel:
        courriel = carte_vcf.add("email")
        courriel.value = lieu.courriel
        courriel.type_param = "INTERNET"
    if lieu.adresse or lieu.commune:
        adr = carte_vcf.add("adr")
        adr.value = vobject.vcard.Address(
            street=lieu.adresse or "",
            extended=lieu.complement_adresse or "",
            code=lieu.code_postal or "",
            city=lieu.commune or "",
            country="France",
        )
    if site_web:
        carte_vcf.add("url").value = site_web
    carte_vcf.add("note").value = note
    return carte_vcf


def vcard(plateforme: Plateforme, dep: Departement) -> str | None:
    """The .vcf text (one card per place with contacts), or None when no contact is known."""
    note = f"Vérifié le {date_en_mots(plateforme.date_maj)}. Source : {plateforme.lien_source or 'non renseignée'}"
    nom = plateforme.nom_affiche()
    cartes = []
    if plateforme.a_des_coordonnees():
        cartes.append(_carte_vcard(nom, plateforme, plateforme.site_web, note))
    for site in plateforme.sites:
        if site.a_des_coordonnees():
            cartes.append(_carte_vcard(f"{nom} – {site.nom}", site, None, note))
    if not cartes:
        return None
    return "".join(carte_vcf.serialize() for carte_vcf in cartes)
