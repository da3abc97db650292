"""The audit grid, `data/accessibilite/audit.yaml`, validated like the directory: every problem
becomes one line `data/accessibilite/audit.yaml:LINE:COL: [critère 1.1] champ: message`, in
French, all of them at once; then the rate and the status, computed as the RGAA says.

The RGAA's method (« Évaluation de la conformité », accessibilite.numerique.gouv.fr):
- a criterion is met (« validé ») when it is met or not applicable on every page of the sample,
  and met on one at least; it is applicable when it applies to one page at least;
- rate of criteria met = criteria met / applicable criteria;
- on a page that belongs to a process, a criterion is met only if it is met on every page of
  that process (the page rates, and their mean, the « taux moyen », follow this rule);
- status: « totalement conforme » when every applicable criterion is met, « partiellement
  conforme » from 50 % of them, « non conforme » below (or without an audit).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError

from ..annuaire.chargement import DocumentYaml, DonneesInvalides, Probleme, lire_document, nom_du_fichier, problemes_de_validation
from ..paths import DATA
from .referentiel import Critere, Referentiel, charger_referentiel

FICHIER_AUDIT = DATA / "accessibilite" / "audit.yaml"

Resultat = Literal["C", "NC", "NA"]
RESULTATS: dict[str, str] = {"C": "conforme", "NC": "non conforme", "NA": "non applicable"}
AUTRES = "autres"  # in a criterion's results: every page of the sample not named elsewhere
Texte = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=4000)]
Ligne = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=300)]
Identifiant = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length=60)]
# A test of the suite (`tests/…/test_x.py::test_y`), a rule of one of the three engines
# (`axe:image-alt`, `ibm:img_alt_valid`, `htmlcs:H37`) or the W3C Nu checker (`nu`).
ReferenceDeTest = Annotated[str, StringConstraints(pattern=r"^(tests/[\w/]+\.py::\w+|(axe|ibm|htmlcs):[\w.-]+|nu)$")]


class _Modele(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class PageAuditee(_Modele):
    """One page of the sample, in one state (the site search, a form with its errors…)."""

    id: Identifiant = Field(description="Identifiant court, repris dans les résultats de chaque critère.")
    titre: Ligne
    adresse: Annotated[str, StringConstraints(pattern=r"^/[\w./#?=-]*$", max_length=200)]
    etat: Ligne | None = Field(None, description="L'état vérifié, quand ce n'est pas la page telle qu'elle se charge.")
    raison: Ligne = Field(description="Pourquoi la page est dans l'échantillon (règle du RGAA).")


class Processus(_Modele):
    nom: Ligne
    pages: Annotated[list[Identifiant], Field(min_length=2)]


class VerificationDuCritere(_Modele):
    """A criterion on every page of the sample, and how it was checked."""

    resultats: dict[Resultat, Literal["autres"] | Annotated[list[Identifiant], Field(min_length=1)]]
    automatique: list[ReferenceDeTest] = Field(default_factory=list, description="Les tests de la suite qui le vérifient.")
    manuel: Texte | None = Field(None, description="Ce qui a été regardé, et la décision.")


class NonConformite(_Modele):
    criteres: Annotated[list[Annotated[str, StringConstraints(pattern=r"^\d{1,2}\.\d{1,2}$")]], Field(min_length=1)]
    pages: Annotated[list[Identifiant], Field(min_length=1)]
    constat: Texte
    correction: Texte = Field(description="Ce qui sera fait.")
    echeance: dt.date = Field(description="Quand ce sera fait.")


class ExamenComplementaire(_Modele):
    """A review that no RGAA criterion asks for (the Facile à lire pages against their rules)."""

    sujet: Ligne
    pages: Annotated[list[Identifiant], Field(min_length=1)]
    examen: Texte
    decision: Texte


class Grille(_Modele):
    referentiel: Literal["RGAA 4.1.2"]
    date: dt.date
    auteur: Ligne
    environnement: Annotated[list[Ligne], Field(min_length=1)]
    outils: Annotated[list[Ligne], Field(min_length=1)]
    tirage: Texte = Field(description="Comment les pages tirées au hasard l'ont été.")
    echantillon: Annotated[list[PageAuditee], Field(min_length=1)]
    processus: list[Processus] = Field(default_factory=list)
    criteres: dict[str, VerificationDuCritere]
    non_conformites: list[NonConformite] = Field(default_factory=list)
    examens: list[ExamenComplementaire] = Field(default_factory=list)


@dataclass(frozen=True)
class ResultatDuCritere:
    critere: Critere
    verification: VerificationDuCritere
    par_page: dict[str, Resultat]  # page id -> result, as the grid says

    @property
    def global_(self) -> Resultat:
        valeurs = set(self.par_page.values())
        return "NC" if "NC" in valeurs else "C" if "C" in valeurs else "NA"

    def pages(self, resultat: Resultat) -> list[str]:
        return [page for page, valeur in self.par_page.items() if valeur == resultat]


@dataclass(frozen=True)
class Bilan:
    """What the grid says, computed: every criterion, the rate, the status."""

    grille: Grille
    referentiel: Referentiel
    criteres: list[ResultatDuCritere]
    source: str  # the grid's path in the repository, "data/accessibilite/audit.yaml"

    @property
    def conformes(self) -> list[ResultatDuCritere]:
        return [r for r in self.criteres if r.global_ == "C"]

    @property
    def non_conformes(self) -> list[ResultatDuCritere]:
        return [r for r in self.criteres if r.global_ == "NC"]

    @property
    def non_applicables(self) -> list[ResultatDuCritere]:
        return [r for r in self.criteres if r.global_ == "NA"]

    @property
    def taux(self) -> Fraction:
        applicables = len(self.conformes) + len(self.non_conformes)
        return Fraction(len(self.conformes), applicables) if applicables else Fraction(0)

    @property
    def etat(self) -> str:
        """« totalement conforme », « partiellement conforme » or « non conforme »."""
        if not self.non_conformes and self.conformes:
            return "totalement conforme"
        return "partiellement conforme" if self.taux >= Fraction(1, 2) else "non conforme"

    @property
    def pages(self) -> dict[str, PageAuditee]:
        return {page.id: page for page in self.grille.echantillon}

    def resultats_de_la_page(self, page: str) -> dict[str, Resultat]:
        """Each criterion on one page, by the RGAA's rule for a process: not met on a page of
        the process, it is not met on any of them."""
        processus = [set(p.pages) for p in self.grille.processus if page in p.pages]
        resultats = {}
        for resultat in self.criteres:
            valeur = resultat.par_page[page]
            if valeur != "NA" and any(resultat.par_page[autre] == "NC" for pages in processus for autre in pages):
                valeur = "NC"
            resultats[resultat.critere.numero] = valeur
        return resultats

    def taux_de_la_page(self, page: str) -> Fraction | None:
        valeurs = list(self.resultats_de_la_page(page).values())
        applicables = valeurs.count("C") + valeurs.count("NC")
        return Fraction(valeurs.count("C"), applicables) if applicables else None

    @property
    def taux_moyen(self) -> Fraction:
        taux = [t for t in (self.taux_de_la_page(page) for page in self.pages) if t is not None]
        return sum(taux, Fraction(0)) / len(taux) if taux else Fraction(0)


def pourcentage(taux: Fraction) -> str:
    """« 93,4 % » (one decimal, French comma, a narrow no-break space before %)."""
    texte = f"{float(taux) * 100:.1f}".replace(".", ",")
    return texte.removesuffix(",0") + "\u202f%"


def charger_audit(path: Path = FICHIER_AUDIT, referentiel: Referentiel | None = None) -> Bilan:
    """The grid, checked against the 106 criteria, and what it gives; DonneesInvalides lists
    every problem, one located French line each."""
    referentiel = referentiel or charger_referentiel()
    nom = nom_du_fichier(path)
    document = lire_document(path, nom)
    if not isinstance(document.donnees, dict):
        raise DonneesInvalides([Probleme(nom, 1, 1, "?", "fichier", "le fichier doit être un groupe de champs « nom: valeur » (date, auteur, echantillon, criteres…)", "grille")])  # noqa: E501
    try:
        grille = Grille.model_validate(document.donnees)
    except ValidationError as error:
        problemes = problemes_de_validation(error, (), document, nom, rubrique="grille")
        raise DonneesInvalides(sorted(problemes, key=lambda p: (p.ligne, p.colonne))) from None
    verifications = _Verifications(grille, referentiel, document, nom)
    criteres = verifications.resultats()
    if verifications.problemes:
        raise DonneesInvalides(sorted(verifications.problemes, key=lambda p: (p.ligne, p.colonne)))
    return Bilan(grille, referentiel, criteres, nom)


class _Verifications:
    """What the model alone cannot see: every criterion there once, every page in one result,
    every page named exists, every non-conformity listed with its plan."""

    def __init__(self, grille: Grille, referentiel: Referentiel, document: DocumentYaml, nom: str):
        self.grille, self.referentiel, self.document, self.nom = grille, referentiel, document, nom
        self.problemes: list[Probleme] = []
        self.ids = [page.id for page in grille.echantillon]

    def signaler(self, chemin: tuple, rubrique: str, champ: str, message: str) -> None:
        ligne, colonne = self._position(chemin)
        self.problemes.append(Probleme(self.nom, ligne, colonne, "?", champ, message, rubrique))

    def _position(self, chemin: tuple) -> tuple[int, int]:
        cle = (*chemin[:-1], ("cle", chemin[-1])) if chemin else None
        if cle in self.document.positions:
            return self.document.positions[cle]
        while chemin:
            if chemin in self.document.positions:
                return self.document.positions[chemin]
            chemin = chemin[:-1]
        return (1, 1)

    def resultats(self) -> list[ResultatDuCritere]:
        self._echantillon()
        resultats = []
        attendus = self.referentiel.par_numero
        for numero, verification in self.grille.criteres.items():
            if numero not in attendus:
                self.signaler(("criteres", numero), f"critère {numero}", "criteres", f"critère inconnu du {self.referentiel.nom} : les numéros vont de 1.1 à 13.12")  # noqa: E501
                continue
            par_page = self._par_page(numero, verification)
            if not verification.automatique and not verification.manuel:
                self.signaler(("criteres", numero), f"critère {numero}", "automatique", "dire comment le critère a été vérifié : « automatique » (les tests) ou « manuel » (ce qui a été regardé, et la décision)")  # noqa: E501
            if par_page is not None:
                resultats.append(ResultatDuCritere(attendus[numero], verification, par_page))
        manquants = [numero for numero in attendus if numero not in self.grille.criteres]
        if manquants:
            self.signaler(("criteres",), "grille", "criteres", f"{len(manquants)} critère(s) sans résultat : {', '.join(manquants)} (les 106 critères sont attendus)")  # noqa: E501
        self._non_conformites(resultats)
        return sorted(resultats, key=lambda r: r.critere.cle)

    def _echantillon(self) -> None:
        vus = set()
        for index, page in enumerate(self.grille.echantillon):
            if page.id in vus:
                self.signaler(("echantillon", index, "id"), f"page {page.id}", "id", "identifiant déjà pris par une autre page de l'échantillon")
            vus.add(page.id)
        for index, processus in enumerate(self.grille.processus):
            for rang, page in enumerate(processus.pages):
                if page not in vus:
                    self.signaler(("processus", index, "pages", rang), f"processus {processus.nom}", "pages", f"page « {page} » absente de l'échantillon")

    def _par_page(self, numero: str, verification: VerificationDuCritere) -> dict[str, Resultat] | None:
        rubrique = f"critère {numero}"
        par_page: dict[str, Resultat] = {}
        reste = None
        for resultat, pages in verification.resultats.items():
            if pages == AUTRES:
                reste = resultat
                continue
            for rang, page in enumerate(pages):
                chemin = ("criteres", numero, "resultats", resultat, rang)
                if page not in self.ids:
                    self.signaler(chemin, rubrique, f"resultats.{resultat}", f"page « {page} » absente de l'échantillon")
                elif page in par_page:
                    self.signaler(chemin, rubrique, f"resultats.{resultat}", f"page « {page} » déjà notée {par_page[page]} : une page a un seul résultat")
                else:
                    par_page[page] = resultat
        oubliees = [page for page in self.ids if page not in par_page]
        if reste is not None:
            par_page.update((page, reste) for page in oubliees)
        elif oubliees:
            self.signaler(("criteres", numero, "resultats"), rubrique, "resultats", f"sans résultat pour {', '.join(oubliees)} : les nommer, ou écrire « autres » pour toutes les pages non nommées")  # noqa: E501
            return None
        return {page: par_page[page] for page in self.ids}

    def _non_conformites(self, resultats: list[ResultatDuCritere]) -> None:
        """Every page where a criterion is not met is in the list, with what will be done and
        when; the list names nothing that the grid does not find."""
        listees: set[tuple[str, str]] = set()
        par_numero = {r.critere.numero: r for r in resultats}
        for index, nc in enumerate(self.grille.non_conformites):
            for rang, numero in enumerate(nc.criteres):
                for page_rang, page in enumerate(nc.pages):
                    listees.add((numero, page))
                    resultat = par_numero.get(numero)
                    if resultat is not None and resultat.par_page.get(page) != "NC":
                        self.signaler(("non_conformites", index, "pages", page_rang), f"non-conformité {index + 1}", "pages",
                                      f"le critère {numero} n'est pas noté NC sur « {page} » dans la grille")
                if numero not in par_numero:
                    self.signaler(("non_conformites", index, "criteres", rang), f"non-conformité {index + 1}", "criteres", f"critère {numero} absent de la grille")  # noqa: E501
        for resultat in resultats:
            for page in resultat.pages("NC"):
                if (resultat.critere.numero, page) not in listees:
                    self.signaler(("criteres", resultat.critere.numero, "resultats", "NC"), f"critère {resultat.critere.numero}", "resultats.NC",
                                  f"non conforme sur « {page} » sans non-conformité listée : ajouter à non_conformites ce qui sera fait, et quand")
