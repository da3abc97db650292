"""The directory's pages and files, generated from the data (no MkDocs here).

`fichiers_annuaire()` returns every generated file, path -> content, relative to the
site root: the 101 département pages (Markdown), their vCards, the index of
départements with the map, the finder page and its index files, the open-data page
and the exports. The MkDocs hook adds them with `File.generated`; another engine (or
`python -m …`) can write them as plain files.

Everything taken from the data is escaped where it lands: Jinja2 autoescaping in the
templates (HTML), `json_pour_script()` in JSON-LD, vobject in vCards, the CSV writer
in exports.py.
"""
from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from urllib.parse import quote, urlparse

import opening_hours
import phonenumbers
import vobject
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from .. import carte, referentiel
from ..referentiel import Departement
from . import exports, recherche
from .chargement import FICHIER_PLATEFORMES
from .modele import Lieu, Plateforme, StatutVerification
from .page_proposer import PAGE_PROPOSER, page_proposer

TEMPLATES = Path(__file__).parent / "templates"
CHEMIN_YAML_DANS_DEPOT = "data/plateformes.yaml"

PAGE_INDEX = "departements/index.md"
PAGE_TROUVER = "trouver-ma-plateforme/index.md"
# Not donnees/index.md: with navigation.indexes, Material would make an index.md the
# page of the whole "À propos du site" section.
PAGE_DONNEES = "donnees.md"
DOSSIER_TROUVER = "trouver-ma-plateforme"


@dataclass(frozen=True)
class ParametresSite:
    """What the pages need from the site configuration."""

    site_url: str | None = None  # absolute URL of the site root, for JSON-LD and exports
    repo_url: str | None = None  # e.g. https://github.com/owner/repo
    branche: str = "main"
    courriel_propositions: str | None = None  # where the proposal form's e-mails go (extra.annuaire)


def chemin_page(code: str) -> str:
    return f"departements/{code.lower()}/index.md"


def chemin_vcard(code: str) -> str:
    return f"departements/{code.lower()}/{nom_vcard(code)}"


def nom_vcard(code: str) -> str:
    return f"plateforme-emploi-accompagne-{code.lower()}.vcf"


# --- Opening hours in words -----------------------------------------------------------------

# A week without public holiday; no country is given to the parser, so "PH" never applies
# and the result does not depend on the build date.
SEMAINE_DE_REFERENCE = dt.datetime(2026, 3, 2)
JOURS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
_JOURS_OSM = r"(?:Mo|Tu|We|Th|Fr|Sa|Su)"
_PLAGE = r"\d\d:\d\d-\d\d:\d\d"
# One rule of a plain weekly pattern: optional days ("Mo-Fr", "Mo,We") then time ranges.
_REGLE_HEBDOMADAIRE = re.compile(
    rf"^(?:{_JOURS_OSM}(?:-{_JOURS_OSM})?(?:,{_JOURS_OSM}(?:-{_JOURS_OSM})?)*\s+)?{_PLAGE}(?:,{_PLAGE})*$"
)
_FERIES_FERMES = {"PH off", "PH closed"}


@dataclass(frozen=True)
class HorairesEnMots:
    lignes: tuple[str, ...]  # "Du lundi au vendredi : de 9 h à 12 h et de 14 h à 17 h"
    ferme_jours_feries: bool
    expression: str | None  # the raw value, shown when the words cannot say everything


def _heure(moment: dt.time, fin: bool = False) -> str:
    if fin and moment == dt.time(0, 0):
        return "minuit"
    return f"{moment.hour} h" if moment.minute == 0 else f"{moment.hour} h {moment.minute:02d}"


def _plages_par_jour(expression: opening_hours.OpeningHours) -> tuple[list[list[tuple[dt.time, dt.time]]], bool]:
    """Open time ranges of each day of the reference week, and whether anything else showed up."""
    jours: list[list[tuple[dt.time, dt.time]]] = [[] for _ in JOURS]
    autre_chose = False
    fin_semaine = SEMAINE_DE_REFERENCE + dt.timedelta(days=7)
    for debut, fin, etat, commentaire in expression.intervals(SEMAINE_DE_REFERENCE, fin_semaine):
        if commentaire or etat == opening_hours.State.UNKNOWN:
            autre_chose = True
        if etat != opening_hours.State.OPEN:
            continue
        while debut < fin:  # split at midnight
            minuit = dt.datetime.combine(debut.date() + dt.timedelta(days=1), dt.time(0, 0))
            morceau = min(fin, minuit)
            jours[debut.weekday()].append((debut.time(), morceau.time()))
            debut = morceau
    return jours, autre_chose


def _plages_en_mots(plages: list[tuple[dt.time, dt.time]]) -> str:
    if plages == [(dt.time(0, 0), dt.time(0, 0))]:
        return "24 h sur 24"
    morceaux = [f"de {_heure(debut)} à {_heure(fin, fin=True)}" for debut, fin in plages]
    return _enumerer(morceaux)


def _enumerer(morceaux: list[str]) -> str:
    if len(morceaux) == 1:
        return morceaux[0]
    return ", ".join(morceaux[:-1]) + " et " + morceaux[-1]


def _jours_en_mots(indices: list[int]) -> str:
    if len(indices) == 7:
        return "tous les jours"
    suites: list[list[int]] = []
    for indice in indices:
        if suites and indice == suites[-1][-1] + 1:
            suites[-1].append(indice)
        else:
            suites.append([indice])
    morceaux: list[str] = []
    for suite in suites:
        if len(suite) >= 3:
            morceaux.append(f"du {JOURS[suite[0]]} au {JOURS[suite[-1]]}")
        else:
            morceaux += [f"le {JOURS[i]}" for i in suite]
    return _enumerer(morceaux)


def _dans_la_journee(regle: str) -> bool:
    """Every time range of the rule ends after it starts (no range past midnight)."""
    return all(debut < fin for debut, fin in re.findall(r"(\d\d:\d\d)-(\d\d:\d\d)", regle))


def _est_hebdomadaire(expression: str) -> tuple[bool, bool]:
    """(only plain weekly rules within the day, closed on public holidays)."""
    regles = [regle.strip() for regle in expression.split(";") if regle.strip()]
    feries = any(regle in _FERIES_FERMES for regle in regles)
    autres = [regle for regle in regles if regle not in _FERIES_FERMES]
    simple = all(
        regle == "24/7" or (_REGLE_HEBDOMADAIRE.match(regle) and _dans_la_journee(regle)) for regle in autres
    )
    return simple, feries


def horaires_en_mots(expression: str) -> HorairesEnMots:
    analyse = opening_hours.OpeningHours(expression)
    jours, autre_chose = _plages_par_jour(analyse)
    simple, feries = _est_hebdomadaire(expression)
    groupes: dict[tuple, list[int]] = {}
    for indice, plages in enumerate(jours):
        if plages:
            groupes.setdefault(tuple(plages), []).append(indice)
    lignes = []
    for plages, indices in sorted(groupes.items(), key=lambda item: item[1][0]):
        jours_texte = _jours_en_mots(indices)
        lignes.append(f"{jours_texte[0].upper()}{jours_texte[1:]} : {_plages_en_mots(list(plages))}")
    montrer_expression = not simple or autre_chose or not lignes
    return HorairesEnMots(tuple(lignes), feries, expression if montrer_expression else None)


# --- Contacts as shown ---------------------------------------------------------------------


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
        return bool(self.telephone or self.courriel or self.adresse or self.site_web)


def telephone_affiche(e164: str) -> str:
    numero = phonenumbers.parse(e164, None)
    return phonenumbers.format_number(numero, phonenumbers.PhoneNumberFormat.NATIONAL)


def lien_courriel(courriel: str) -> str:
    return "mailto:" + quote(courriel, safe="@.+-_")


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
        courriel_href=lien_courriel(lieu.courriel) if lieu.courriel else None,
        adresse=lignes_adresse(lieu),
        horaires=horaires_en_mots(lieu.horaires_accueil) if lieu.horaires_accueil else None,
        accessibilite=lieu.accessibilite_lieu,
        site_web=site_web,
        lien_source=lien_source,
        manquants=tuple(manquants),
    )


# --- Dates, status, sources -------------------------------------------------------------------

MOIS = (
    "janvier", "février", "mars", "avril", "mai", "juin",
    "juillet", "août", "septembre", "octobre", "novembre", "décembre",
)  # fmt: skip

STATUTS = {
    StatutVerification.A_COMPLETER: "à compléter, aucune source publique n'a encore été trouvée",
    StatutVerification.SOURCE_PUBLIQUE: "reprise d'une page publique, pas encore confirmée par la plateforme",
    StatutVerification.CONFIRME: "confirmée par la plateforme elle-même",
}


def date_en_mots(date: dt.date) -> str:
    jour = "1er" if date.day == 1 else str(date.day)
    return f"{jour} {MOIS[date.month - 1]} {date.year}"


def lignes_des_fiches(texte_yaml: str) -> dict[str, int]:
    """Line number of each entry's `- departement: "XX"` in the YAML text."""
    motif = re.compile(r"""^-\s+departement:\s*["']?([0-9][0-9AB]{1,2})["']?\s*(?:#.*)?$""")
    lignes = {}
    for numero, ligne in enumerate(texte_yaml.splitlines(), start=1):
        trouve = motif.match(ligne)
        if trouve and trouve.group(1) not in lignes:
            lignes[trouve.group(1)] = numero
    return lignes


def domaine(url: str) -> str:
    return urlparse(url).netloc.removeprefix("www.")


# --- vCard and JSON-LD ---------------------------------------------------------------------


def nom_affiche(plateforme: Plateforme, dep: Departement) -> str:
    """The platform's own name when a source gives it, else a plain description."""
    return plateforme.nom or f"Plateforme emploi accompagné {dep.de}"


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


def _a_des_coordonnees(lieu: Lieu) -> bool:
    return bool(lieu.telephone or lieu.courriel or lieu.adresse)


def vcard(plateforme: Plateforme, dep: Departement) -> str | None:
    """The .vcf text (one card per place with contacts), or None when no contact is known."""
    note = f"Vérifié le {date_en_mots(plateforme.date_maj)}. Source : {plateforme.lien_source or 'non renseignée'}"
    nom = nom_affiche(plateforme, dep)
    cartes = []
    if _a_des_coordonnees(plateforme):
        cartes.append(_carte_vcard(nom, plateforme, plateforme.site_web, note))
    for site in plateforme.sites:
        if _a_des_coordonnees(site):
            cartes.append(_carte_vcard(f"{nom} – {site.nom}", site, None, note))
    if not cartes:
        return None
    return "".join(carte_vcf.serialize() for carte_vcf in cartes)


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


def donnees_json_ld(plateforme: Plateforme, dep: Departement, url_page: str | None) -> dict:
    zone = {"@type": "AdministrativeArea", "name": dep.nom, "identifier": dep.code}
    donnees: dict = {
        "@context": "https://schema.org",
        "@type": "Organization",
        "name": nom_affiche(plateforme, dep),
        "areaServed": zone,
    }
    if url_page:
        donnees["mainEntityOfPage"] = url_page
    if plateforme.site_web:
        donnees["url"] = plateforme.site_web
    donnees.update(_contacts_schema(plateforme, zone))
    gestionnaire = plateforme.structure_gestionnaire
    if gestionnaire:
        donnees["parentOrganization"] = {"@type": "Organization", "name": gestionnaire.nom}
        if gestionnaire.site_web:
            donnees["parentOrganization"]["url"] = gestionnaire.site_web
    sites = [
        {"@type": "Organization", "name": site.nom, **_contacts_schema(site, zone)} for site in plateforme.sites
    ]
    if sites:
        donnees["department"] = sites
    return donnees


# --- Templates ---------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def environnement() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=True,  # every value from the data is HTML-escaped
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["date_en_mots"] = date_en_mots
    env.filters["domaine"] = domaine
    return env


# The directory's stylesheet, in the <head> of the pages that use it (overrides/main.html
# reads `feuilles_de_style`): linked from the body, it would hold back the paint of
# everything below the link.
FEUILLE_ANNUAIRE = "assets/annuaire.css"


def front_matter(titre: str, description: str, **autres) -> str:
    """YAML front matter; JSON strings are valid YAML and escape everything."""
    lignes = [f"title: {json.dumps(titre, ensure_ascii=False)}", f"description: {json.dumps(description, ensure_ascii=False)}"]
    lignes += [f"{cle}: {json.dumps(valeur, ensure_ascii=False)}" for cle, valeur in autres.items()]
    return "---\n" + "\n".join(lignes) + "\n---\n\n"


def rendre(template: str, **contexte) -> str:
    return environnement().get_template(template).render(**contexte)


# --- Pages ---------------------------------------------------------------------------------------


@dataclass
class Liens:
    """Where the reader proposes a correction of one entry."""

    modifier: str | None
    voir: str | None
    ligne: int | None


def liens_correction(parametres: ParametresSite, ligne: int | None) -> Liens:
    if not parametres.repo_url:
        return Liens(None, None, ligne)
    depot = parametres.repo_url.rstrip("/")
    modifier = f"{depot}/edit/{parametres.branche}/{CHEMIN_YAML_DANS_DEPOT}"
    voir = f"{depot}/blob/{parametres.branche}/{CHEMIN_YAML_DANS_DEPOT}" + (f"#L{ligne}" if ligne else "")
    return Liens(modifier, voir, ligne)


def url_absolue(parametres: ParametresSite, chemin_md: str) -> str | None:
    """The public URL of a generated page (directory URLs), when the site URL is known."""
    if not parametres.site_url:
        return None
    return parametres.site_url.rstrip("/") + "/" + chemin_md.removesuffix("index.md")


def graphies_de_recherche(dep: Departement) -> str | None:
    """The name as typed without accents or apostrophes, when that differs (for the site search,
    which splits words at hyphens but keeps accents and apostrophes)."""
    simple = recherche.normaliser(dep.nom)
    return simple if simple != dep.nom.lower().replace("-", " ") else None


def description_departement(plateforme: Plateforme, dep: Departement) -> str:
    if plateforme.a_des_contacts():
        return (
            f"Contacter la plateforme emploi accompagné {dep.dans} ({dep.code}) : coordonnées, "
            "horaires, et qui peut faire la demande d'un job coach."
        )
    return (
        f"La plateforme emploi accompagné {dep.dans} ({dep.code}) : qui peut faire la demande "
        "d'un job coach, et comment nous aider à compléter ses coordonnées."
    )


def page_departement(plateforme: Plateforme, dep: Departement, parametres: ParametresSite, ligne: int | None) -> str:
    nom = nom_affiche(plateforme, dep)
    principal = coordonnees(plateforme, titre=plateforme.nom, site_web=plateforme.site_web)
    # A site may have its own source; the platform's is shown once, at the end of the page.
    sites = [coordonnees(site, titre=site.nom, lien_source=site.lien_source) for site in plateforme.sites]
    a_une_vcard = vcard(plateforme, dep) is not None
    corps = rendre(
        "departement.md.j2",
        dep=dep,
        plateforme=plateforme,
        nom=nom,
        principal=principal,
        sites=sites,
        graphie=graphies_de_recherche(dep),
        vcard=nom_vcard(dep.code) if a_une_vcard else None,
        statut=STATUTS[plateforme.statut_verification],
        liens=liens_correction(parametres, ligne),
        json_ld=json_pour_script(donnees_json_ld(plateforme, dep, url_absolue(parametres, chemin_page(dep.code)))),
    )
    titre = f"Plateforme emploi accompagné {dep.dans} ({dep.code})"
    feuilles = [FEUILLE_ANNUAIRE] if principal.joignable or sites else []  # cards to lay out
    return front_matter(titre, description_departement(plateforme, dep), feuilles_de_style=feuilles) + corps


def _href_depuis_index(code: str) -> str:
    return f"{code.lower()}/"


def _titre_carte(code: str) -> str:
    dep = referentiel.departement(code)
    return f"{dep.nom} ({dep.code})"


def page_index(plateformes: list[Plateforme]) -> str:
    corps = rendre(
        "departements.md.j2",
        regions=referentiel.departements_par_region(),
        carte=Markup(carte.render_carte(_href_depuis_index, _titre_carte)),
        avec_contacts=sum(p.a_des_contacts() for p in plateformes),
        total=len(plateformes),
    )
    description = (
        "La plateforme emploi accompagné de chaque département, sur une carte et dans une liste par région."
    )
    return front_matter("Les plateformes emploi accompagné par département", description, feuilles_de_style=[FEUILLE_ANNUAIRE]) + corps


def page_trouver() -> str:
    corps = rendre("trouver.md.j2", regions=referentiel.departements_par_region())
    description = (
        "Trouver la plateforme emploi accompagné de votre commune, de votre code postal ou de votre département."
    )
    return front_matter("Trouver ma plateforme emploi accompagné", description, feuilles_de_style=[FEUILLE_ANNUAIRE]) + corps


def page_donnees(plateformes: list[Plateforme], parametres: ParametresSite) -> str:
    corps = rendre(
        "donnees.md.j2",
        avec_contacts=sum(p.a_des_contacts() for p in plateformes),
        total=len(plateformes),
        sources=sorted({domaine(p.lien_source) for p in plateformes if p.lien_source}),
        depot=parametres.repo_url,
        liens=liens_correction(parametres, None),
        colonnes=exports.COLONNES_CSV,
    )
    description = (
        "Télécharger l'annuaire des plateformes emploi accompagné en JSON, CSV et au format data·inclusion, "
        "sous Licence Ouverte."
    )
    return front_matter("Données ouvertes de l'annuaire", description) + corps


@lru_cache(maxsize=1)
def _index_de_recherche() -> dict[str, str]:
    # Depends on the reference data only: computed once per process (`mkdocs serve` rebuilds).
    return recherche.fichiers_index(referentiel.departements(), referentiel.communes())


# --- Everything at once -----------------------------------------------------------------------------


def fichiers_annuaire(
    plateformes: list[Plateforme],
    parametres: ParametresSite,
    texte_yaml: str | None = None,
) -> dict[str, str]:
    """Every generated file, path relative to the site root -> text."""
    if texte_yaml is None:
        texte_yaml = FICHIER_PLATEFORMES.read_text(encoding="utf-8")
    lignes = lignes_des_fiches(texte_yaml)
    fichiers: dict[str, str] = {}
    for plateforme in plateformes:
        dep = referentiel.departement(plateforme.departement)
        fichiers[chemin_page(dep.code)] = page_departement(plateforme, dep, parametres, lignes.get(dep.code))
        texte_vcard = vcard(plateforme, dep)
        if texte_vcard is not None:
            fichiers[chemin_vcard(dep.code)] = texte_vcard
    fichiers[PAGE_INDEX] = page_index(plateformes)
    fichiers[PAGE_TROUVER] = page_trouver()
    fichiers[PAGE_DONNEES] = page_donnees(plateformes, parametres)
    fichiers[PAGE_PROPOSER] = page_proposer(parametres)
    fichiers.update({f"{DOSSIER_TROUVER}/{chemin}": texte for chemin, texte in _index_de_recherche().items()})
    fichiers.update(exports.fichiers_exports(plateformes, parametres.site_url))
    return fichiers
