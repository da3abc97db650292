"""What the build publishes from the audit: the readable grid (/accessibilite/grille/), the raw
file beside it, and the values of the statement and of the footer."""
from __future__ import annotations

from pathlib import Path

from ..annuaire.francais import date_en_mots
from ..fichiers import FichierGenere
from ..glossaire import abreger_le_html, charger_sigles
from ..templating import rendre_gabarit
from .grille import RESULTATS, Bilan, pourcentage

PAGE_GRILLE = "accessibilite/grille/index.md"
FICHIER_BRUT = "accessibilite/audit-rgaa.yaml"
FICHIER_CRITERES = "accessibilite/rgaa-criteres.json"


def fichiers_accessibilite(bilan: Bilan, grille: Path, criteres: Path) -> list[FichierGenere]:
    """The grid page (out of the navigation: the statement links to it) and the two raw files."""
    page = rendre_gabarit("accessibilite/grille.md.j2", **valeurs(bilan))
    # Its text is HTML blocks, which Markdown's abbreviations skip: the acronyms get theirs here
    # (after the front matter, which is not HTML).
    debut, separateur, corps = page.partition("\n---\n")
    page = debut + separateur + abreger_le_html(corps, charger_sigles())
    return [
        FichierGenere(PAGE_GRILLE, page, dans_la_navigation=False),
        FichierGenere(FICHIER_BRUT, grille.read_text(encoding="utf-8"), dans_la_navigation=False),
        FichierGenere(FICHIER_CRITERES, criteres.read_text(encoding="utf-8"), dans_la_navigation=False),
    ]


def valeurs(bilan: Bilan) -> dict:
    """What the statement (docs/accessibilite.md), the grid page and the footer show."""
    grille = bilan.grille
    return {
        "etat": bilan.etat,
        "taux": pourcentage(bilan.taux),
        "taux_moyen": pourcentage(bilan.taux_moyen),
        "nombre_conformes": len(bilan.conformes),
        "nombre_non_conformes": len(bilan.non_conformes),
        "nombre_non_applicables": len(bilan.non_applicables),
        "nombre_applicables": len(bilan.conformes) + len(bilan.non_conformes),
        "date": date_en_mots(grille.date),
        "auteur": grille.auteur,
        "referentiel": bilan.referentiel,
        "environnement": grille.environnement,
        "outils": grille.outils,
        "tirage": grille.tirage,
        "echantillon": grille.echantillon,
        "processus": grille.processus,
        "pages": bilan.pages,
        "criteres": bilan.criteres,
        "thematiques": bilan.referentiel.thematiques(),
        "par_numero": {r.critere.numero: r for r in bilan.criteres},
        "non_conformites": [
            {"nc": nc, "echeance": date_en_mots(nc.echeance)} for nc in grille.non_conformites
        ],
        "examens": grille.examens,
        "taux_des_pages": {page: (pourcentage(t) if (t := bilan.taux_de_la_page(page)) is not None else "—") for page in bilan.pages},
        "RESULTATS": RESULTATS,
        "url_brut": FICHIER_BRUT.rsplit("/", 1)[-1],
        "url_criteres": FICHIER_CRITERES.rsplit("/", 1)[-1],
        "source": bilan.source,
    }
