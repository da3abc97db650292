"""A place's contacts as a reader sees them: phone written the French way, links, address lines."""
from __future__ import annotations

from dataclasses import dataclass

import phonenumbers

from . import chemins
from .horaires import HorairesEnMots, horaires_en_mots
from .modele import Lieu, hote


@dataclass(frozen=True)
class Coordonnees:
    """One place (the platform or one of its sites) ready for the template."""

    titre: str | None
    telephone: str | None  # as written in France: "04 74 00 00 00"
    telephone_href: str | None  # "tel:+33474000000"
    courriel: str | None
    courriel_href: str | None
    adresse: tuple[str, ...]
    horaires: HorairesEnMots | None
    accessibilite: str | None
    site_web: str | None
    lien_source: str | None = None
    manquants: tuple[str, ...] = ()

    @property
    def joignable(self) -> bool:
        """Something to call, write to, visit or browse: the card is worth showing."""
        return bool(self.telephone or self.courriel or self.adresse or self.site_web)


def telephone_affiche(e164: str) -> str:
    """`+33298000000` -> `02 98 00 00 00`: a number as people write and dial it in France."""
    numero = phonenumbers.parse(e164, None)
    return phonenumbers.format_number(numero, phonenumbers.PhoneNumberFormat.NATIONAL)


def lignes_adresse(lieu: Lieu) -> tuple[str, ...]:
    ville = " ".join(part for part in (lieu.code_postal, lieu.commune) if part)
    return tuple(ligne for ligne in (lieu.adresse, lieu.complement_adresse, ville) if ligne)


def coordonnees(
    lieu: Lieu, titre: str | None = None, site_web: str | None = None, lien_source: str | None = None
) -> Coordonnees:
    manquants = [
        libelle
        for libelle, valeur in (
            ("téléphone", lieu.telephone),
            ("e-mail", lieu.courriel),
            ("adresse", lieu.adresse),
            ("horaires", lieu.horaires_accueil),
        )
        if not valeur
    ]
    return Coordonnees(
        titre=titre,
        telephone=telephone_affiche(lieu.telephone) if lieu.telephone else None,
        telephone_href=f"tel:{lieu.telephone}" if lieu.telephone else None,
        courriel=lieu.courriel,
        courriel_href=chemins.url_courriel(lieu.courriel) if lieu.courriel else None,
        adresse=lignes_adresse(lieu),
        horaires=horaires_en_mots(lieu.horaires_accueil) if lieu.horaires_accueil else None,
        accessibilite=lieu.accessibilite_lieu,
        site_web=site_web,
        lien_source=lien_source,
        manquants=tuple(manquants),
    )


def domaine(url: str) -> str:
    """`https://www.exemple.fr/page` -> `exemple.fr`, to name a link's site in words: the host the
    browser goes to (never a user part, a port or what urllib alone would read)."""
    return hote(url).removeprefix("www.")
