"""The directory's pages and files, generated from the data (no MkDocs here).

`fichiers_annuaire()` returns every generated file: the 101 département pages
(Markdown), their vCards, the index of départements with the map, the finder page and
its index files, the open-data page and the exports. The MkDocs hook adds them with
`File.generated`; another engine (or `python -m emploi_accompagne pages`) can write them
as plain files. The words of the pages (titles, descriptions, labels) are in the
templates; here, only what they are given.

Everything taken from the data is escaped where it lands: Jinja2 autoescaping in the
templates (HTML), `json_pour_script()` in JSON-LD, vobject in vCards, the CSV writer
in exports.py.
"""
from __future__ import annotations

import json
from dataclasses import dataclass

import segno
from markupsafe import Markup

from .. import carte, referentiel
from ..cache import garde_en_cache
from ..fichiers import FichierGenere
from ..referentiel import Departement
from ..templating import rendre_gabarit
from . import chemins, exports, recherche
from .chargement import Annuaire
from .coordonnees import coordonnees, domaine
from .couverture import Couverture
from .json_ld import donnees_json_ld, json_pour_script
from .page_proposer import page_proposer
from .vcard import vcard


@dataclass(frozen=True)
class ParametresSite:
    """What the pages need from the site configuration."""

    site_url: str | None = None  # absolute URL of the site root, for JSON-LD and exports
    repo_url: str | None = None  # e.g. https://github.com/owner/repo
    branche: str = "main"
    courriel_propositions: str | None = None  # where the proposal form's e-mails go (extra.annuaire)


@dataclass(frozen=True)
class Liens:
    """Where the reader proposes a correction of one entry."""

    modifier: str | None
    voir: str | None
    ligne: int | None


def liens_correction(parametres: ParametresSite, ligne: int | None) -> Liens:
    if not parametres.repo_url:
        return Liens(None, None, ligne)
    depot = parametres.repo_url.rstrip("/")
    modifier = f"{depot}/edit/{parametres.branche}/{chemins.CHEMIN_YAML_DANS_DEPOT}"
    voir = f"{depot}/blob/{parametres.branche}/{chemins.CHEMIN_YAML_DANS_DEPOT}" + (f"#L{ligne}" if ligne else "")
    return Liens(modifier, voir, ligne)


def graphies_de_recherche(dep: Departement) -> str | None:
    """The name as typed without accents or apostrophes, when that differs (for the site search,
    which splits words at hyphens but keeps accents and apostrophes)."""
    simple = recherche.normaliser(dep.nom)
    return simple if simple != dep.nom.lower().replace("-", " ") else None


def index_avec_graphies(index_json: str) -> str:
    """Material's search index, where each département page also answers its name typed without
    accents: search keywords belong in the index, not in the page's text."""
    index = json.loads(index_json)
    graphies = {
        chemins.url_de(chemins.chemin_page(dep.code)): graphie
        for dep in referentiel.departements()
        if (graphie := graphies_de_recherche(dep))
    }
    for document in index["docs"]:
        graphie = graphies.get(document["location"])
        if graphie:
            document["text"] = f"{document['text']} {graphie}".strip()
    return json.dumps(index, separators=(",", ":"))  # as Material writes it


def qr_code_svg(url: str | None) -> Markup | None:
    """The page's public address as a QR code (inline SVG, for print), when the site URL is known.
    Hidden from assistive technologies: the address is written next to it."""
    if not url:
        return None
    # Choosing the best mask is slow (about 15 ms a page): computed once per address.
    svg = garde_en_cache("qr", ("segno", segno.__version__, url), lambda: _qr_code(url))
    return Markup(svg.replace("<svg ", '<svg aria-hidden="true" ', 1))


def _qr_code(url: str) -> str:
    return segno.make(url, micro=False).svg_inline(omitsize=True, svgclass="annuaire-qr", lineclass=None)


def adresse_itineraire(plateforme) -> str | None:
    """The platform's address on one line, for directions: street, postcode and town
    (the building or floor would only confuse the lookup)."""
    if not (plateforme.adresse and plateforme.commune):
        return None
    ville = " ".join(filter(None, (plateforme.code_postal, plateforme.commune)))
    return f"{plateforme.adresse}, {ville}"


# What the readers' blocks of a département page link to (pages written in docs/).
PAGES_EMPLOYEUR = {"page": "employeurs/index.md", "note": "preparer-ma-demande/employeur.md"}
PAGES_LECTEURS = {"proches": "proches/index.md", "soignants": "professionnels-sante-social/index.md"}


def _json_ld(donnees: dict | None):
    return json_pour_script(donnees) if donnees else None


def page_departement(plateforme, dep: Departement, parametres: ParametresSite, ligne: int | None) -> str:
    principal = coordonnees(plateforme, titre=plateforme.nom, site_web=plateforme.site_web)
    # A site may have its own source; the platform's is shown once, at the end of the page.
    sites = [coordonnees(site, titre=site.nom, lien_source=site.lien_source) for site in plateforme.sites]
    url_page = chemins.url_departement(parametres.site_url, dep.code)
    return rendre_gabarit(
        "departement.md.j2",
        dep=dep,
        plateforme=plateforme,
        principal=principal,
        sites=sites,
        vcard=chemins.nom_vcard(dep.code) if vcard(plateforme, dep) is not None else None,
        liens=liens_correction(parametres, ligne),
        # Structured data is read by machines far from here: only a public address, as in the exports.
        json_ld=_json_ld(donnees_json_ld(plateforme, dep, exports.lien_public(parametres.site_url, plateforme))),
        url_page=url_page,
        qr_code=qr_code_svg(url_page),
        adresse_itineraire=adresse_itineraire(plateforme),
        url_itineraire=chemins.url_itineraire,
        url_courriel=chemins.url_courriel,
        url_sms_partage=chemins.url_sms_partage,
        script_barre=chemins.url_relative(chemins.chemin_page(dep.code), chemins.SCRIPT_BARRE),
        # The proposal form is said to work "sans compte", "par e-mail" only when an address receives it.
        courriel_propositions=parametres.courriel_propositions,
        depot=parametres.repo_url,
        pages_employeur=PAGES_EMPLOYEUR,
        pages_lecteurs=PAGES_LECTEURS,
    )


def _titre_carte(code: str) -> str:
    dep = referentiel.departement(code)
    return f"{dep.nom} ({dep.code})"


def page_index(plateformes: list) -> str:
    carte_svg = carte.dessiner_carte(
        lambda code: chemins.url_relative(chemins.PAGE_INDEX, chemins.chemin_page(code)), _titre_carte
    )
    return rendre_gabarit(
        "departements.md.j2",
        regions=referentiel.departements_par_region(),
        carte=Markup(carte_svg),
        avec_contacts=sum(p.a_des_contacts() for p in plateformes),
        total=len(plateformes),
    )


def page_trouver(plateformes: list) -> str:
    return rendre_gabarit(
        "trouver.md.j2", regions=referentiel.departements_par_region(), couverture=Couverture.des(plateformes)
    )


def page_donnees(plateformes: list, parametres: ParametresSite) -> str:
    return rendre_gabarit(
        "donnees.md.j2",
        avec_contacts=sum(p.a_des_contacts() for p in plateformes),
        total=len(plateformes),
        data_inclusion=len(exports.pour_data_inclusion(plateformes)),
        sources=sorted({domaine(p.lien_source) for p in plateformes if p.lien_source}),
        depot=parametres.repo_url,
        courriel_propositions=parametres.courriel_propositions,
        liens=liens_correction(parametres, None),
        colonnes=exports.COLONNES_CSV,
    )


def fichiers_annuaire(annuaire: Annuaire, parametres: ParametresSite) -> list[FichierGenere]:
    """Every generated file of the directory."""
    fichiers: list[FichierGenere] = []
    for plateforme in annuaire.plateformes:
        dep = referentiel.departement(plateforme.departement)
        ligne = annuaire.lignes.get(dep.code)
        # Reached from the index, the map, the finder and the search: 101 pages in the
        # navigation would slow every page down.
        fichiers.append(
            FichierGenere(chemins.chemin_page(dep.code), page_departement(plateforme, dep, parametres, ligne), False)
        )
        texte_vcard = vcard(plateforme, dep)
        if texte_vcard is not None:
            fichiers.append(FichierGenere(chemins.chemin_vcard(dep.code), texte_vcard, False))
    fichiers.append(FichierGenere(chemins.PAGE_INDEX, page_index(annuaire.plateformes)))
    fichiers.append(FichierGenere(chemins.PAGE_TROUVER, page_trouver(annuaire.plateformes)))
    fichiers.append(FichierGenere(chemins.PAGE_DONNEES, page_donnees(annuaire.plateformes, parametres)))
    # Reached from every département page and the contribution page, not from the sidebar.
    fichiers.append(FichierGenere(chemins.PAGE_PROPOSER, page_proposer(parametres), False))
    fichiers += [
        FichierGenere(f"{chemins.DOSSIER_TROUVER}/{chemin}", texte, False)
        for chemin, texte in recherche.index_du_moteur().items()
    ]
    fichiers += [
        FichierGenere(chemin, texte, False)
        for chemin, texte in exports.fichiers_exports(annuaire.plateformes, parametres.site_url).items()
    ]
    return fichiers


def contenus(fichiers: list[FichierGenere]) -> dict[str, str]:
    """Path -> text, for code that only reads the files."""
    return {fichier.chemin: fichier.contenu for fichier in fichiers}
