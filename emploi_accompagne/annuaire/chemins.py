"""Where every generated page and file lives, and its address: the one home of paths and URLs.

Paths are relative to the site root, as the generator and MkDocs see them
(`departements/2a/index.md`); URLs follow MkDocs' directory URLs (`departements/2a/`).
Python builds every link from here, the templates through the globals of their
environment, and the finder's script through the data it is given (`index/departements.json`).
"""
from __future__ import annotations

import posixpath
from urllib.parse import quote

from .. import referentiel

DOSSIER_DEPARTEMENTS = "departements"
PAGE_INDEX = f"{DOSSIER_DEPARTEMENTS}/index.md"
DOSSIER_TROUVER = "trouver-ma-plateforme"
PAGE_TROUVER = f"{DOSSIER_TROUVER}/index.md"
# Not donnees/index.md: with navigation.indexes, Material would make an index.md the
# page of the whole "À propos du site" section.
PAGE_DONNEES = "donnees.md"
DOSSIER_DONNEES = "donnees"
PAGE_CONTRIBUER = "contribuer.md"
PAGE_PROPOSER = "contribuer/proposer/index.md"
PARAMETRE_DEPARTEMENT = "departement"  # /contribuer/proposer/?departement=29 preselects Finistère
PAGE_PERSONNES = "personnes/index.md"
PAGE_PRESCRIPTEURS = "prescripteurs/index.md"
# « Préparer ma demande »: the sheets to print and the ready-made message (docs/preparer-ma-demande/).
PAGES_PREPARER = {
    "mdph": "preparer-ma-demande/mdph.md",
    "conseiller": "preparer-ma-demande/conseiller.md",
    "message": "preparer-ma-demande/message.md",
    "prescripteur": "preparer-ma-demande/prescripteur.md",
}
CHEMIN_YAML_DANS_DEPOT = "data/plateformes.yaml"
# The action bar of the département pages (share, print): deferred, loaded by those pages only.
SCRIPT_BARRE = "assets/barre.js"
# Directions to a fiche's address: a plain link, nothing is loaded from there.
OSM_ITINERAIRE = "https://www.openstreetmap.org/directions"


def chemin_page(code: str) -> str:
    """`01` -> `departements/01/index.md`; `2A` -> `departements/2a/index.md`."""
    return f"{DOSSIER_DEPARTEMENTS}/{referentiel.departement(code).slug}/index.md"


def nom_vcard(code: str) -> str:
    return f"plateforme-emploi-accompagne-{referentiel.departement(code).slug}.vcf"


def chemin_vcard(code: str) -> str:
    return posixpath.join(posixpath.dirname(chemin_page(code)), nom_vcard(code))


def url_de(chemin: str) -> str:
    """The URL path of a page, from the site root: `departements/01/index.md` -> `departements/01/`."""
    if chemin.endswith("index.md"):
        return chemin.removesuffix("index.md")
    if chemin.endswith(".md"):
        return chemin.removesuffix(".md") + "/"
    return chemin


def url_absolue(site_url: str | None, chemin: str) -> str | None:
    """The public URL of a page or file, when the site URL is known."""
    if not site_url:
        return None
    return site_url.rstrip("/") + "/" + url_de(chemin)


def url_departement(site_url: str | None, code: str) -> str | None:
    return url_absolue(site_url, chemin_page(code))


def url_proposition(depuis: str, code: str) -> str:
    """The proposal form, from a page, with the département chosen."""
    return f"{url_relative(depuis, PAGE_PROPOSER)}?{PARAMETRE_DEPARTEMENT}={referentiel.departement(code).code}"


def lien_markdown(depuis: str, vers: str) -> str:
    """A Markdown link from one page's source to another's (MkDocs turns it into a URL)."""
    return posixpath.relpath(vers, posixpath.dirname(depuis) or ".")


def url_relative(depuis: str, vers: str) -> str:
    """A link, as a browser follows it, from one page to another (for raw HTML and scripts)."""
    cible = url_de(vers)
    relative = posixpath.relpath(cible or ".", url_de(depuis) or ".")
    return relative + "/" if cible.endswith("/") and relative != "." else relative


def url_itineraire(adresse: str) -> str:
    """OpenStreetMap's directions to an address written out (OSM looks it up)."""
    return f"{OSM_ITINERAIRE}?to={quote(adresse, safe='')}"


def url_courriel(adresse: str = "", objet: str | None = None, corps: str | None = None) -> str:
    """A new e-mail (`mailto:`, RFC 6068): to `adresse` (none: the reader chooses), with a subject
    and a text when given; everything percent-encoded but the @, line breaks as CRLF."""
    champs = []
    if objet is not None:
        champs.append("subject=" + quote(objet, safe=""))
    if corps is not None:
        champs.append("body=" + quote(corps.replace("\r\n", "\n").replace("\n", "\r\n"), safe=""))
    return f"mailto:{quote(adresse, safe='@')}" + ("?" + "&".join(champs) if champs else "")


def url_sms_partage(corps: str) -> str:
    """A new text message; `?&body=` is the form both Android and iOS read."""
    return f"sms:?&body={quote(corps, safe='')}"
