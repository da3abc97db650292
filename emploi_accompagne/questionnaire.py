"""The questionnaire « Est-ce pour moi ? »: one question per page, its answers as links.

`data/questionnaire.yaml` is the tree. A question's answers lead (`suite`) to another
question, to a département question or to a result. A département question lists the
101 départements, each a link to its result with the département in the address
(`../resultat/#departement-69`): a static site carries a choice from page to page only
in the URL, and a fragment does so without one result page per département. The result
page shows the chosen département with CSS `:target` (no JavaScript needed); a line of
script keeps it shown if the fragment changes afterwards (the skip link).

Validated like the directory: every problem is one French line
`data/questionnaire.yaml:LINE:COL: [question age] champ: message`, all at once, the
checks of the tree included (unknown `suite`, loop, unreachable page, two questions
leading to one page, a path longer than six questions). Nothing is generated from an
invalid file. No MkDocs here: hooks/questionnaire.py adds the pages to the build.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError, field_validator

from . import referentiel
from .annuaire import chemins
from .annuaire.chargement import DonneesInvalides, Probleme, lire_document, problemes_de_validation
from .fichiers import FichierGenere
from .paths import DATA
from .templating import rendre_gabarit

FICHIER_QUESTIONNAIRE = DATA / "questionnaire.yaml"
DOSSIER = "est-ce-pour-moi"
PAGE_ACCUEIL = f"{DOSSIER}/index.md"
MAX_QUESTIONS = 6  # on the longest path, département question included
FEUILLE_DEMARCHES = "assets/demarches.css"
DOSSIER_PICTOS = "facile-a-lire/img"
PREFIXE_DEPARTEMENT = "departement-"  # id of a département's block on a result page


class Picto(StrEnum):
    """The pictograms of the Facile à lire pages (docs/facile-a-lire/img/NAME.svg)."""

    accord = "accord"
    carte = "carte"
    conseiller = "conseiller"
    cv = "cv"
    document = "document"
    duree = "duree"
    entreprise = "entreprise"
    entretien = "entretien"
    equipe = "equipe"
    esat = "esat"
    gratuit = "gratuit"
    invisible = "invisible"
    job_coach = "job-coach"
    lettre = "lettre"
    maison = "maison"
    mdph = "mdph"
    personne = "personne"
    question = "question"
    travail = "travail"


class Kit(StrEnum):
    """The sheets of « Préparer ma demande » a result can offer (see KITS)."""

    mdph = "mdph"
    conseiller = "conseiller"
    message = "message"
    employeur = "employeur"
    facile = "facile"


# Kit -> (page of docs/, link text on a result page).
KITS: dict[Kit, tuple[str, str]] = {
    Kit.mdph: ("preparer-ma-demande/mdph.md", "La fiche pour la MDPH"),
    Kit.conseiller: ("preparer-ma-demande/conseiller.md", "La fiche pour mon conseiller"),
    Kit.message: ("preparer-ma-demande/message.md", "Un message prêt à envoyer, si vous préférez écrire"),
    Kit.employeur: ("preparer-ma-demande/employeur.md", "La fiche pour l'employeur : ce qu'il sait et signe"),
    Kit.facile: ("preparer-ma-demande/facile-a-lire.md", "Préparer ma demande en Facile à lire"),
}


def _texte(maximum: int, description: str):
    return Annotated[str, StringConstraints(min_length=1, max_length=maximum), Field(description=description)]


Identifiant = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", max_length=60),
    Field(description="L'adresse de la page : minuscules, chiffres et tirets, ex. « demander-a-la-mdph »."),
]
LignesFalc = Annotated[
    list[_texte(90, "Une phrase courte, une seule idée.")],
    Field(min_length=1, max_length=6, description="Le texte en Facile à lire : une phrase courte par ligne."),
]


class _Modele(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Reponse(_Modele):
    texte: _texte(90, "La réponse, telle que la personne la dirait : « Oui, j'ai 16 ans ou plus ».")
    suite: Identifiant


class Question(_Modele):
    id: Identifiant
    titre: _texte(120, "La question, en une phrase.")
    aide: _texte(800, "Ce qu'il faut savoir pour répondre (Markdown).")
    falc: LignesFalc
    picto: Picto
    reponses: Annotated[list[Reponse], Field(min_length=2, max_length=6)]


class QuestionDepartement(_Modele):
    id: Identifiant
    suite: Identifiant


class TexteDepartement(_Modele):
    """The wording of every département question."""

    titre: _texte(120, "La question.")
    aide: _texte(800, "Pourquoi on la pose (Markdown).")
    falc: LignesFalc
    picto: Picto
    passer: _texte(60, "Le lien pour ne pas répondre.")


SECTION = re.compile(r"^[a-z0-9-]+(?:/[a-z0-9-]+)*\.md#[a-z0-9-]+$")


class Lecture(_Modele):
    """A section of the site that a result relies on: a page of docs/ and the anchor of the section."""

    texte: _texte(120, "Le texte du lien : ce que la section explique.")
    page: Annotated[str, Field(description="La page de docs/ et l'ancre de la section, ex. « personnes/index.md#pour-qui ».")]

    @field_validator("page")
    @classmethod
    def _section_exacte(cls, page: str) -> str:
        # A reader sent to the top of a long page has to look for the answer again.
        if "#" not in page:
            raise ValueError(f"« {page} » : il manque l'ancre de la section (« #… ») ; "
                             "un résultat renvoie à la section exacte, pas au haut de la page")
        if not SECTION.match(page):
            raise ValueError(f"« {page} » : écrire le chemin d'une page de docs/ puis l'ancre, "
                             "ex. « personnes/index.md#pour-qui »")
        return page


class Resultat(_Modele):
    id: Identifiant
    nom: _texte(80, "Ce que dit ce résultat, en quelques mots, pour le titre de sa question « département ».")
    titre: _texte(120, "Ce qui s'applique, en une phrase.")
    description: _texte(300, "La description de la page (moteurs de recherche, aperçus).")
    picto: Picto
    falc: LignesFalc
    applique: _texte(1500, "Ce qui s'applique à la personne, et pourquoi (Markdown).")
    a_qui: _texte(1500, "À qui demander d'abord (Markdown).")
    quoi_dire: _texte(400, "La phrase que la personne peut dire ou écrire.") | None = None
    quoi_apporter: Annotated[list[_texte(400, "Un document ou une information.")], Field(max_length=8)] = []
    ensuite: _texte(1500, "Ce qui se passe ensuite (Markdown).") | None = None
    kits: Annotated[list[Kit], Field(max_length=5)] = []
    a_lire: Annotated[list[Lecture], Field(
        min_length=1, max_length=4,
        description="Les sections du site sur lesquelles ce résultat s'appuie (page et ancre).",
    )]


class Questionnaire(_Modele):
    premiere_question: Identifiant
    departement: TexteDepartement
    questions: Annotated[list[Question], Field(min_length=1)]
    questions_departement: list[QuestionDepartement] = []
    resultats: Annotated[list[Resultat], Field(min_length=1)]


# --- The tree -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Etape:
    """One answered question on a path."""

    question: str  # id
    reponse: str  # the answer's text, or a département's code ("" when skipped)


@dataclass(frozen=True)
class Chemin:
    """A path from the first question to a result."""

    etapes: tuple[Etape, ...]
    resultat: str
    departement: str | None = None  # code, when the path chose one


@dataclass(frozen=True)
class Arbre:
    """The valid questionnaire, with what the pages need to know about each node."""

    questionnaire: Questionnaire
    precedente: dict[str, str]  # node id -> id of the question leading to it
    rang: dict[str, int]  # question id -> its number on every path through it (1 = first)
    total: dict[str, int]  # question id -> number of questions on the longest path through it

    @property
    def questions(self) -> dict[str, Question]:
        return {q.id: q for q in self.questionnaire.questions}

    @property
    def questions_departement(self) -> dict[str, QuestionDepartement]:
        return {q.id: q for q in self.questionnaire.questions_departement}

    @property
    def resultats(self) -> dict[str, Resultat]:
        return {r.id: r for r in self.questionnaire.resultats}

    def suites(self, noeud: str) -> list[str]:
        """The nodes an answer of `noeud` leads to, in order, each once (none for a result)."""
        if noeud in self.questions:
            return list(dict.fromkeys(r.suite for r in self.questions[noeud].reponses))
        if noeud in self.questions_departement:
            return [self.questions_departement[noeud].suite]
        return []

    def resultat_a_un_departement(self, resultat: str) -> bool:
        return self.precedente.get(resultat) in self.questions_departement

    def chemins(self) -> list[Chemin]:
        """Every path through the questionnaire (each département once per département question)."""
        trouves: list[Chemin] = []
        self._parcourir(self.questionnaire.premiere_question, (), trouves)
        return trouves

    def _parcourir(self, noeud: str, etapes: tuple[Etape, ...], trouves: list[Chemin]) -> None:
        if noeud in self.resultats:
            trouves.append(Chemin(etapes, noeud))
        elif noeud in self.questions:
            for reponse in self.questions[noeud].reponses:
                self._parcourir(reponse.suite, (*etapes, Etape(noeud, reponse.texte)), trouves)
        else:
            suite = self.questions_departement[noeud].suite
            for dep in referentiel.departements():
                trouves.append(Chemin((*etapes, Etape(noeud, dep.code)), suite, dep.code))
            trouves.append(Chemin((*etapes, Etape(noeud, "")), suite))


def charger_questionnaire(path: Path = FICHIER_QUESTIONNAIRE) -> Arbre:
    """The valid questionnaire; DonneesInvalides lists every problem, located, in French."""
    nom = _nom(path)
    document = lire_document(path, nom)
    if not isinstance(document.donnees, dict):
        raise DonneesInvalides(
            [Probleme(nom, 1, 1, "?", "fichier", "le fichier doit commencer par « premiere_question: »", "questionnaire")]
        )
    try:
        questionnaire = Questionnaire.model_validate(document.donnees)
    except ValidationError as error:
        problemes = [_avec_rubrique(p, document.donnees) for p in problemes_de_validation(error, (), document, nom)]
        raise DonneesInvalides(sorted(problemes, key=lambda p: (p.ligne, p.colonne))) from None
    return _verifier_arbre(questionnaire, document, nom)


def _nom(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(DATA.parent))
    except ValueError:
        return str(path)


_RUBRIQUES = {"questions": "question", "questions_departement": "question département", "resultats": "résultat"}


def _rubrique(donnees: Any, liste: str, index: int) -> str:
    entree = donnees.get(liste, [])[index] if isinstance(donnees.get(liste), list) else None
    ident = entree.get("id") if isinstance(entree, dict) else None
    return f"{_RUBRIQUES[liste]} {ident if isinstance(ident, str) else '?'}"


def _avec_rubrique(probleme: Probleme, donnees: Any) -> Probleme:
    """`questions[2].reponses[1].suite` -> [question titre] reponses[1].suite."""
    trouve = re.match(r"^(questions|questions_departement|resultats)\[(\d+)\]\.?(.*)$", probleme.champ)
    if not trouve:
        return Probleme(
            probleme.fichier, probleme.ligne, probleme.colonne, "?", probleme.champ, probleme.message, "questionnaire"
        )
    liste, index, champ = trouve.group(1), int(trouve.group(2)) - 1, trouve.group(3) or "?"
    return Probleme(
        probleme.fichier, probleme.ligne, probleme.colonne, "?", champ, probleme.message, _rubrique(donnees, liste, index)
    )


class _Verification:
    """The checks of the tree, each problem at the line of the value that causes it."""

    def __init__(self, questionnaire: Questionnaire, document, nom: str):
        self.q = questionnaire
        self.document = document
        self.nom = nom
        self.problemes: list[Probleme] = []

    def signaler(self, chemin: tuple, rubrique: str, champ: str, message: str) -> None:
        ligne, colonne = self.document.positions.get(chemin, (1, 1))
        self.problemes.append(Probleme(self.nom, ligne, colonne, "?", champ, message, rubrique))


def _verifier_arbre(questionnaire: Questionnaire, document, nom: str) -> Arbre:
    v = _Verification(questionnaire, document, nom)
    noeuds: dict[str, tuple[str, tuple]] = {}  # id -> (rubrique, position of its id)
    for liste, entrees in (
        ("questions", questionnaire.questions),
        ("questions_departement", questionnaire.questions_departement),
        ("resultats", questionnaire.resultats),
    ):
        for index, entree in enumerate(entrees):
            rubrique = f"{_RUBRIQUES[liste]} {entree.id}"
            position = (liste, index, "id")
            if entree.id in noeuds:
                ligne = document.positions.get(noeuds[entree.id][1], (0, 0))[0]
                v.signaler(position, rubrique, "id", f"identifiant déjà employé à la ligne {ligne} : chaque page a le sien")
            else:
                noeuds[entree.id] = (rubrique, position)
    questions = {q.id for q in questionnaire.questions}
    departements = {q.id for q in questionnaire.questions_departement}
    resultats = {r.id for r in questionnaire.resultats}

    # Each edge: (from, to, position of the `suite`, rubrique of `from`, field).
    aretes: list[tuple[str, str, tuple, str, str]] = []
    for i, question in enumerate(questionnaire.questions):
        for j, reponse in enumerate(question.reponses):
            aretes.append((question.id, reponse.suite, ("questions", i, "reponses", j, "suite"),
                           f"question {question.id}", f"reponses[{j + 1}].suite"))
    for i, qd in enumerate(questionnaire.questions_departement):
        aretes.append((qd.id, qd.suite, ("questions_departement", i, "suite"), f"question département {qd.id}", "suite"))

    if questionnaire.premiere_question not in questions:
        v.signaler(("premiere_question",), "questionnaire", "premiere_question",
                   f"« {questionnaire.premiere_question} » n'est pas l'id d'une question de la liste `questions`")
    precedente: dict[str, str] = {}
    for depuis, vers, position, rubrique, champ in aretes:
        if vers not in noeuds:
            v.signaler(position, rubrique, champ, f"« {vers} » n'est l'id d'aucune question ni d'aucun résultat")
            continue
        if depuis in departements and vers not in resultats:
            v.signaler(position, rubrique, champ, f"après le département vient un résultat, pas « {vers} »")
            continue
        if vers == questionnaire.premiere_question:
            v.signaler(position, rubrique, champ, "la première question ne peut pas être la suite d'une réponse (boucle)")
            continue
        if vers in precedente and precedente[vers] != depuis:
            v.signaler(position, rubrique, champ,
                       f"« {vers} » suit déjà la question « {precedente[vers]} » : une page n'a qu'une question "
                       "précédente (le lien « Revenir » doit mener quelque part de sûr) ; faire une copie de la page")
            continue
        precedente[vers] = depuis

    # Links written in the texts: [texte](id) must name a page of the questionnaire.
    for i, resultat in enumerate(questionnaire.resultats):
        for champ in ("applique", "a_qui", "ensuite"):
            for cible in liens_internes(getattr(resultat, champ) or ""):
                if cible not in noeuds:
                    v.signaler(("resultats", i, champ), f"résultat {resultat.id}", champ,
                               f"lien vers « {cible} », qui n'est l'id d'aucune question ni d'aucun résultat")

    if v.problemes:
        raise DonneesInvalides(sorted(v.problemes, key=lambda p: (p.ligne, p.colonne)))

    # From the first question: every page reached, no loop, no path too long.
    suites: dict[str, list[str]] = {}
    for depuis, vers, *_ in aretes:
        suites.setdefault(depuis, [])
        if vers not in suites[depuis]:
            suites[depuis].append(vers)
    rang: dict[str, int] = {}
    restant: dict[str, int] = {}  # questions from this node to the end of its longest path, itself included

    def visiter(noeud: str, profondeur: int, pile: tuple[str, ...]) -> None:
        if noeud in pile:
            boucle = " → ".join((*pile[pile.index(noeud):], noeud))
            v.signaler(noeuds[noeud][1], noeuds[noeud][0], "id", f"boucle : {boucle}")
            return
        if noeud in resultats:
            restant[noeud] = 0
            return
        if noeud in rang and rang[noeud] != profondeur:
            v.signaler(noeuds[noeud][1], noeuds[noeud][0], "id", "cette question est atteinte à deux rangs différents")
        rang[noeud] = profondeur
        for suite in suites.get(noeud, []):
            visiter(suite, profondeur + 1, (*pile, noeud))
        restant[noeud] = 1 + max((restant.get(s, 0) for s in suites.get(noeud, [])), default=0)

    visiter(questionnaire.premiere_question, 1, ())
    for ident, (rubrique, position) in noeuds.items():
        if ident not in rang and ident not in restant:
            v.signaler(position, rubrique, "id",
                       "cette page n'est atteinte par aucun chemin depuis la première question : la relier ou la supprimer")
    total = {ident: rang[ident] + restant[ident] - 1 for ident in rang if ident in restant}
    for ident, longueur in total.items():
        if longueur > MAX_QUESTIONS and rang[ident] == 1:
            v.signaler(noeuds[ident][1], noeuds[ident][0], "id",
                       f"un chemin compte {longueur} questions ; {MAX_QUESTIONS} au plus, pour ne pas épuiser la personne")
    if v.problemes:
        raise DonneesInvalides(sorted(v.problemes, key=lambda p: (p.ligne, p.colonne)))
    return Arbre(questionnaire, precedente, rang, total)


LIEN_INTERNE = re.compile(r"\]\(([a-z0-9]+(?:-[a-z0-9]+)*)\)")


def liens_internes(texte: str) -> list[str]:
    """The ids that a Markdown text links to with `[texte](id)`."""
    return LIEN_INTERNE.findall(texte)


# --- The pages ----------------------------------------------------------------------------


def chemin_page(ident: str) -> str:
    return f"{DOSSIER}/{ident}/index.md"


def echapper_markdown(texte: str) -> str:
    """Plain text (an answer, a line of Facile à lire) safe in Markdown: `15692*01` stays as written."""
    return re.sub(r"([\\`*_\[\]])", r"\\\1", texte)


def _liens_vers_pages(texte: str, depuis: str) -> str:
    """`[texte](id)` -> a Markdown link from the page `depuis` to the page of that id."""
    return LIEN_INTERNE.sub(lambda m: "](" + chemins.lien_markdown(depuis, chemin_page(m.group(1))) + ")", texte)


def _lien_vers_section(depuis: str, section: str) -> str:
    page, ancre = section.split("#", 1)
    return f"{chemins.lien_markdown(depuis, page)}#{ancre}"


def _picto(depuis: str, picto: Picto) -> str:
    return chemins.lien_markdown(depuis, f"{DOSSIER_PICTOS}/{picto.value}.svg")


def _recapitulatif(arbre: Arbre, noeud: str, ici: str) -> list[dict]:
    """The questions answered to reach `noeud`: each with the answers that lead on, and its page."""
    lignes = []
    courant = noeud
    while courant in arbre.precedente:
        parent = arbre.precedente[courant]
        if parent in arbre.questions:
            question = arbre.questions[parent]
            reponses = [r.texte for r in question.reponses if r.suite == courant]
            lignes.append({"question": question.titre, "reponses": reponses,
                           "lien": chemins.lien_markdown(ici, chemin_page(parent))})
        courant = parent
    return list(reversed(lignes))


def _contexte_commun(ici: str) -> dict:
    return {
        "ici": ici,
        "accueil": chemins.lien_markdown(ici, PAGE_ACCUEIL),
        "FEUILLE_DEMARCHES": FEUILLE_DEMARCHES,
        "echapper": echapper_markdown,
    }


def page_accueil(arbre: Arbre) -> str:
    premiere = arbre.questionnaire.premiere_question
    return rendre_gabarit(
        "questionnaire/accueil.md.j2",
        **_contexte_commun(PAGE_ACCUEIL),
        premiere=chemins.lien_markdown(PAGE_ACCUEIL, chemin_page(premiere)),
        nombre=arbre.total[premiere],
        picto=_picto(PAGE_ACCUEIL, Picto.question),
    )


def page_question(arbre: Arbre, question: Question) -> str:
    ici = chemin_page(question.id)
    precedente = arbre.precedente.get(question.id)
    return rendre_gabarit(
        "questionnaire/question.md.j2",
        **_contexte_commun(ici),
        question=question,
        rang=arbre.rang[question.id],
        total=arbre.total[question.id],
        picto=_picto(ici, question.picto),
        reponses=[(r.texte, chemins.lien_markdown(ici, chemin_page(r.suite))) for r in question.reponses],
        precedente=chemins.lien_markdown(ici, chemin_page(precedente)) if precedente else None,
    )


def page_question_departement(arbre: Arbre, qd: QuestionDepartement) -> str:
    ici = chemin_page(qd.id)
    resultat = chemins.lien_markdown(ici, chemin_page(qd.suite))
    texte = arbre.questionnaire.departement
    return rendre_gabarit(
        "questionnaire/departement.md.j2",
        **_contexte_commun(ici),
        texte=texte,
        resultat=arbre.resultats[qd.suite],
        rang=arbre.rang[qd.id],
        total=arbre.total[qd.id],
        picto=_picto(ici, texte.picto),
        passer=resultat,
        regions=[
            (region, [(dep, f"{resultat}#{PREFIXE_DEPARTEMENT}{dep.slug}") for dep in deps])
            for region, deps in referentiel.departements_par_region()
        ],
        precedente=chemins.lien_markdown(ici, chemin_page(arbre.precedente[qd.id])),
        script_filtre=chemins.lien_markdown(ici, "assets/filtre-departements.js"),
    )


def page_resultat(arbre: Arbre, resultat: Resultat) -> str:
    ici = chemin_page(resultat.id)
    precedente = arbre.precedente[resultat.id]
    departements = []
    if arbre.resultat_a_un_departement(resultat.id):
        departements = [
            (dep, f"{PREFIXE_DEPARTEMENT}{dep.slug}", chemins.lien_markdown(ici, chemins.chemin_page(dep.code)))
            for dep in referentiel.departements()
        ]
    return rendre_gabarit(
        "questionnaire/resultat.md.j2",
        **_contexte_commun(ici),
        resultat=resultat,
        picto=_picto(ici, resultat.picto),
        applique=_liens_vers_pages(resultat.applique, ici),
        a_qui=_liens_vers_pages(resultat.a_qui, ici),
        ensuite=_liens_vers_pages(resultat.ensuite, ici) if resultat.ensuite else None,
        kits=[(texte, chemins.lien_markdown(ici, page)) for page, texte in (KITS[k] for k in resultat.kits)],
        a_lire=[(lecture.texte, _lien_vers_section(ici, lecture.page)) for lecture in resultat.a_lire],
        departements=departements,
        index_departements=chemins.lien_markdown(ici, chemins.PAGE_INDEX),
        trouver=chemins.lien_markdown(ici, chemins.PAGE_TROUVER),
        recapitulatif=_recapitulatif(arbre, resultat.id, ici),
        precedente=chemins.lien_markdown(ici, chemin_page(precedente)),
    )


def pages_questionnaire(arbre: Arbre) -> list[FichierGenere]:
    """Every page of the questionnaire: the first one in the navigation, the others reached from it."""
    pages = [FichierGenere(PAGE_ACCUEIL, page_accueil(arbre))]
    pages += [FichierGenere(chemin_page(q.id), page_question(arbre, q), dans_la_navigation=False) for q in arbre.questionnaire.questions]
    pages += [
        FichierGenere(chemin_page(q.id), page_question_departement(arbre, q), dans_la_navigation=False) for q in arbre.questionnaire.questions_departement
    ]
    pages += [FichierGenere(chemin_page(r.id), page_resultat(arbre, r), dans_la_navigation=False) for r in arbre.questionnaire.resultats]
    return pages


def resume_des_chemins(arbre: Arbre) -> list[str]:
    """One line per path (départements counted, not listed), for people reviewing the tree."""
    lignes = []
    vus = set()
    for chemin in arbre.chemins():
        etapes = [e for e in chemin.etapes if e.question not in arbre.questions_departement]
        avec_departement = any(e.question in arbre.questions_departement for e in chemin.etapes)
        cle = (tuple(etapes), chemin.resultat)
        if cle in vus:
            continue
        vus.add(cle)
        texte = " → ".join(f"{arbre.questions[e.question].titre} « {e.reponse} »" for e in etapes)
        if avec_departement:
            texte += " → département (101 choix, ou « passer »)"
        lignes.append(f"{texte} ⇒ /{chemins.url_de(chemin_page(chemin.resultat))}")
    return lignes


if __name__ == "__main__":  # python -m emploi_accompagne.questionnaire: every path and its result
    import sys

    try:
        arbre = charger_questionnaire()
    except DonneesInvalides as error:
        print(error, file=sys.stderr)
        sys.exit(1)
    for numero, ligne in enumerate(resume_des_chemins(arbre), 1):
        print(f"{numero}. {ligne}")
