"""The legal texts the site cites: Code du travail articles, checked against the consolidated code.

- `citations(texte)` finds every article the site cites (« L. 5213-2-1 », « D. 5213-89 »,
  « L5213-2-1 », ranges « D. 5213-88 à D. 5213-93 »…) and says which code each belongs to:
  the code named next to it (« du CASF », « CASF, article … »), else the Code du travail
  when its number has four digits before the first hyphen (the numbering of the Code du
  travail since 2008); else nobody knows, and the site must say.
- data/code-du-travail.json, the extract: exactly the Code du travail articles the site
  cites, each with its Légifrance identifier (LEGIARTI…), its state, its dates and its text,
  and the texts (JORFTEXT…) that the site links to, as the consolidated code names them.
  scripts/extraire_textes.py derives it once (`make textes`) from the pinned npm package
  @socialgouv/legi-data; a test re-derives it and names every article that changed.
- The links: in Markdown, a reference link whose label is an article number,
  `[article L. 5213-2-1][L. 5213-2-1]` or `[L. 5213-2-1][]`, gets its definition from
  `definitions_des_liens`: the direct Légifrance link built from the article's identifier,
  never a search. Plain Markdown: any engine that reads reference links renders it.

Pure Python: no MkDocs, no network, no npm at build time.
"""
from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .paths import DATA, ROOT

EXTRAIT = DATA / "code-du-travail.json"
PAQUET = "@socialgouv/legi-data"
VERSION_DU_PAQUET = "2.513.0"
CODE_DU_TRAVAIL = "LEGITEXT000006072050"
DOSSIER_DU_PAQUET = ROOT / "node_modules" / "@socialgouv" / "legi-data"

URL_ARTICLE = "https://www.legifrance.gouv.fr/codes/article_lc/{id}"
URL_TEXTE = "https://www.legifrance.gouv.fr/jorf/id/{id}"

# Where the site's sentences are written: every file the build turns into a page.
SOURCES_DU_SITE = (
    "docs/**/*.md",
    "data/questionnaire.yaml",
    "data/glossaire.yaml",
    "data/plateformes.yaml",
    "emploi_accompagne/templates/**/*.j2",
    "emploi_accompagne/annuaire/templates/*.j2",
    "overrides/**/*.html",
)

# --- Finding the citations -------------------------------------------------------------

_ESPACE = r"\s"  # spaces, no-break spaces and line breaks (Markdown wraps its lines)
# « L. 5213-2-1 », « L.5213-2-1 », « L 5213-2-1 », « L5213-2-1 », « D. 5213-89 », « R. 241-33 ».
_NUMERO = rf"(?<![\w*])(?P<lettre>[LRD])\.?{_ESPACE}?(?P<chiffres>\d{{3,4}}(?:-\d+)+)(?![\w-])"
NUMERO = re.compile(_NUMERO)
# Between two numbers of one list: « L. 1221-6 et L. 1222-2 », « D. 5213-88 à D. 5213-93 ».
_LIEN_DE_LISTE = re.compile(rf"^(?:{_ESPACE}|,)*(?P<mot>à|et|ou|,)(?:{_ESPACE}|,)*(?:(?:articles?|art\.){_ESPACE}*)?$")

TRAVAIL = "Code du travail"
CASF = "Code de l'action sociale et des familles"
_CODES = (
    (TRAVAIL, r"code du travail"),
    (CASF, r"CASF|code de l['’]action sociale et des familles"),
    ("Code de la sécurité sociale", r"code de la sécurité sociale"),
    ("Code de la santé publique", r"code de la santé publique"),
    ("Code général de la fonction publique", r"code général de la fonction publique"),
    ("Code des relations entre le public et l'administration", r"CRPA|code des relations entre le public et l['’]administration"),
)
_NOM_DE_CODE = "|".join(f"(?P<c{index}>{motif})" for index, (_, motif) in enumerate(_CODES))
# The code named right after a citation (or a list): « L. 344-2-5 du CASF », « … du code du travail ».
_CODE_APRES = re.compile(
    rf"^(?:{_ESPACE}*,?{_ESPACE}*(?:I|II|III|IV|V|VI)?,?)?{_ESPACE}*(?:du|de la|de l['’]|dudit)?{_ESPACE}*(?:{_NOM_DE_CODE})",
    re.IGNORECASE,
)
# The code named right before: « CASF, article L. 344-2-5 », « (code du travail, art. L. 1222-2) ».
_CODE_AVANT = re.compile(rf"(?:{_NOM_DE_CODE})\)?{_ESPACE}*[,:]?{_ESPACE}*(?:(?:articles?|art\.){_ESPACE}*)?$", re.IGNORECASE)


def numero_normalise(lettre: str, chiffres: str) -> str:
    """The number as Légifrance stores it: `L5213-2-1`."""
    return f"{lettre}{chiffres}"


def numero_lisible(numero: str) -> str:
    """`L5213-2-1` -> `L. 5213-2-1`, as the site writes it."""
    return f"{numero[0]}. {numero[1:]}"


@dataclass(frozen=True)
class Citation:
    """One article cited by the site."""

    numero: str  # as Légifrance stores it: "L5213-2-1"
    ecrit: str  # as the site writes it: "L. 5213-2-1", or the range "D. 5213-88 à D. 5213-93"
    code: str | None  # the code it belongs to; None when the site does not say and the number cannot tell
    ligne: int = 0  # 1-based line in the source, for the messages

    @property
    def lisible(self) -> str:
        return numero_lisible(self.numero)


def _code_nomme(trouve: re.Match) -> str:
    for index, (nom, _) in enumerate(_CODES):
        if trouve.group(f"c{index}"):
            return nom
    raise AssertionError(trouve)


def _plage(debut: str, fin: str) -> list[str]:
    """`D5213-88`, `D5213-93` -> `D5213-88` … `D5213-93` (same article but for the last number)."""
    tete_debut, _, dernier_debut = debut.rpartition("-")
    tete_fin, _, dernier_fin = fin.rpartition("-")
    if tete_debut != tete_fin or int(dernier_fin) <= int(dernier_debut):
        return [debut, fin]
    return [f"{tete_debut}-{n}" for n in range(int(dernier_debut), int(dernier_fin) + 1)]


def citations(texte: str) -> list[Citation]:
    """Every article cited in `texte`, ranges expanded, each with its code (see the module's doc)."""
    trouves = list(NUMERO.finditer(texte))
    # Group the numbers of one list (« L. 1221-6 et L. 1222-2 », « D. 5213-88 à D. 5213-93 »):
    # the code named after the last one, or before the first one, is the code of all.
    groupes: list[list[tuple[re.Match, str]]] = []
    for trouve in trouves:
        if groupes:
            precedent = groupes[-1][-1][0]
            lien = _LIEN_DE_LISTE.match(texte[precedent.end() : trouve.start()])
            if lien:
                groupes[-1].append((trouve, lien.group("mot")))
                continue
        groupes.append([(trouve, "")])
    resultat = []
    for groupe in groupes:
        debut, fin = groupe[0][0].start(), groupe[-1][0].end()
        apres = _CODE_APRES.match(texte[fin : fin + 80])
        avant = _CODE_AVANT.search(texte[max(0, debut - 80) : debut])
        code_dit = _code_nomme(apres) if apres else _code_nomme(avant) if avant else None
        ligne = texte.count("\n", 0, debut) + 1
        numeros: list[tuple[str, str]] = []
        for trouve, mot in groupe:
            numero = numero_normalise(trouve.group("lettre"), trouve.group("chiffres"))
            if mot == "à" and numeros:
                precedent_numero, precedent_ecrit = numeros.pop()
                ecrit = f"{precedent_ecrit} à {trouve.group(0)}"
                numeros += [(n, ecrit) for n in _plage(precedent_numero, numero)]
            else:
                numeros.append((numero, trouve.group(0)))
        for numero, ecrit in numeros:
            code = code_dit
            if code is None and len(numero[1:].split("-")[0]) == 4:
                code = TRAVAIL
            resultat.append(Citation(numero=numero, ecrit=ecrit, code=code, ligne=ligne))
    return resultat


def fichiers_du_site(racine: Path = ROOT) -> list[Path]:
    """The files whose text becomes the site's pages (SOURCES_DU_SITE), sorted."""
    fichiers: set[Path] = set()
    for motif in SOURCES_DU_SITE:
        fichiers.update(chemin for chemin in racine.glob(motif) if chemin.is_file())
    return sorted(fichiers)


def citations_du_site(racine: Path = ROOT) -> dict[str, list[Citation]]:
    """Relative path -> the citations of that file, for every file of the site."""
    return {
        chemin.relative_to(racine).as_posix(): citations(chemin.read_text(encoding="utf-8"))
        for chemin in fichiers_du_site(racine)
    }


def articles_cites_du_code_du_travail(racine: Path = ROOT) -> list[str]:
    """The numbers of the Code du travail articles the site cites, in the code's order."""
    numeros = {c.numero for liste in citations_du_site(racine).values() for c in liste if c.code == TRAVAIL}
    return sorted(numeros, key=cle_d_ordre)


def cle_d_ordre(numero: str) -> tuple:
    """L before R before D, then number by number: L5213-2 < L5213-2-1 < L5213-3."""
    return ("LRD".index(numero[0]), tuple(int(n) for n in numero[1:].split("-")))


# --- The extract -------------------------------------------------------------------------


@dataclass(frozen=True)
class Article:
    """One article of the Code du travail, as the extract keeps it."""

    numero: str  # "L5213-2-1"
    id: str  # LEGIARTI… of the version in force: the direct link is built from it
    cid: str  # LEGIARTI… shared by all the versions of the article
    etat: str  # "VIGUEUR" when in force
    debut: str  # ISO date the version in force started
    fin: str | None  # ISO date it ends, None when no end is planned
    versions: tuple[dict, ...]
    modifie_par: tuple[dict, ...]  # the texts that created or last changed it (JORFTEXT…, title)
    nota: str
    texte: str

    @property
    def lisible(self) -> str:
        return numero_lisible(self.numero)

    @property
    def en_vigueur(self) -> bool:
        return self.etat == "VIGUEUR"

    @property
    def lien(self) -> str:
        return URL_ARTICLE.format(id=self.id)


@dataclass(frozen=True)
class Extrait:
    source: dict
    articles: dict[str, Article]  # numero -> Article
    textes: dict[str, str]  # JORFTEXT… -> title, for the texts the site links to

    def article(self, numero: str) -> Article | None:
        return self.articles.get(numero)


class ArticleInconnu(ValueError):
    """A page cites an article that the extract does not hold."""


def charger_extrait(chemin: Path = EXTRAIT) -> Extrait:
    brut = json.loads(chemin.read_text(encoding="utf-8"))
    articles = {}
    for entree in brut["articles"]:
        entree = dict(entree)
        del entree["lisible"]
        entree["versions"] = tuple(entree["versions"])
        entree["modifie_par"] = tuple(entree["modifie_par"])
        article = Article(**entree)
        articles[article.numero] = article
    return Extrait(source=brut["source"], articles=articles, textes={t["id"]: t["titre"] for t in brut["textes"]})


# --- Links -------------------------------------------------------------------------------

# A reference label that is an article number: `[L. 5213-2-1][]`, `[…][L. 5213-2-1]`, `[L. 5213-2-1]`
# (not an inline link `[…](…)`, not a definition `[…]: …`).
_ETIQUETTE = re.compile(rf"\[(?P<etiquette>[LRD]\.?{_ESPACE}?\d{{4}}(?:-\d+)+)\](?![(:])")


def etiquettes_d_articles(markdown: str) -> list[tuple[str, str]]:
    """(label as written, article number) for every reference label naming an article."""
    vues: dict[str, str] = {}
    for trouve in _ETIQUETTE.finditer(markdown):
        etiquette = " ".join(trouve.group("etiquette").split())  # as Markdown reads a label written on two lines
        numero = NUMERO.fullmatch(etiquette)
        if numero and etiquette not in vues:
            vues[etiquette] = numero_normalise(numero.group("lettre"), numero.group("chiffres"))
    return list(vues.items())


def definitions_des_liens(markdown: str, extrait: Extrait) -> str:
    """Markdown reference definitions for the article labels of `markdown`, to append to it.

    ArticleInconnu names the article when the extract does not hold it (run `make textes`)
    or when it is no longer in force.
    """
    lignes = []
    for etiquette, numero in etiquettes_d_articles(markdown):
        article = extrait.article(numero)
        if article is None:
            raise ArticleInconnu(
                f"article {numero_lisible(numero)} : absent de data/code-du-travail.json (lancer `make textes`)"
            )
        if not article.en_vigueur:
            raise ArticleInconnu(f"article {article.lisible} : plus en vigueur ({article.etat}) dans le code consolidé")
        lignes.append(f"[{etiquette}]: {article.lien}")
    return "\n".join(lignes)


def avec_liens_des_articles(markdown: str, extrait: Extrait) -> str:
    """The page's Markdown with the definitions of its article links appended."""
    definitions = definitions_des_liens(markdown, extrait)
    return f"{markdown}\n\n{definitions}\n" if definitions else markdown


LIEN_LEGIFRANCE = re.compile(r"https?://(?:www\.)?legifrance\.gouv\.fr[^\s)\"'<>\]]*")
_LIEN_DIRECT_TEXTE = re.compile(r"https://www\.legifrance\.gouv\.fr/jorf/id/(?P<id>JORFTEXT\d{12})")
_LIEN_ELI = re.compile(r"https://www\.legifrance\.gouv\.fr/eli/(?:loi|decret|arrete|ordonnance)/\d{4}/\d{1,2}/\d{1,2}/[\w-]+/jo/texte")


def probleme_de_lien(lien: str, extrait: Extrait) -> str | None:
    """Why a Légifrance link written in a page is not acceptable, or None.

    Accepted: the direct link to a text, by its JORFTEXT identifier when the consolidated code
    names that text (the extract's `textes`), or by its ELI. An article of the Code du travail is
    linked by its label (see `definitions_des_liens`), never typed by hand; a search is never a link.
    """
    if "/search" in lien or "query=" in lien:
        return "lien vers une recherche : donner le lien direct du texte"
    if "/codes/" in lien or "LEGIARTI" in lien:
        return "article écrit à la main : écrire [article L. …][L. …], le lien est construit depuis data/code-du-travail.json"
    direct = _LIEN_DIRECT_TEXTE.fullmatch(lien)
    if direct:
        if direct.group("id") not in extrait.textes:
            return f"{direct.group('id')} : identifiant absent de data/code-du-travail.json (lancer `make textes`)"
        return None
    if _LIEN_ELI.fullmatch(lien):
        return None
    return "forme de lien inconnue : lien direct /jorf/id/JORFTEXT… ou /eli/…"


def liens_legifrance(texte: str) -> list[str]:
    return LIEN_LEGIFRANCE.findall(texte)


# --- Deriving the extract from the consolidated code -----------------------------------------


class ExtractionImpossible(ValueError):
    """The package cannot give what the site cites: one line per article."""

    def __init__(self, problemes: list[str]):
        super().__init__("\n".join(problemes))
        self.problemes = problemes


def _date(millisecondes: int | None) -> str | None:
    """Milliseconds since 1970 (UTC) -> ISO date; the package's « 2999-01-01 » means no end."""
    if millisecondes is None:
        return None
    date = dt.datetime.fromtimestamp(millisecondes / 1000, tz=dt.UTC).date()
    return None if date.year >= 2999 else date.isoformat()


def articles_du_code(code: dict) -> Iterator[dict]:
    """Every article node of a code as the package gives it (a unist tree)."""
    pile = [code]
    while pile:
        noeud = pile.pop()
        if noeud.get("type") == "article":
            yield noeud["data"]
        pile.extend(reversed(noeud.get("children") or []))


def textes_nommes(code: dict) -> dict[str, str]:
    """JORFTEXT… -> title (« LOI n°2023-1196 du 18 décembre 2023 »), for every text the code
    names as creating or changing one of its articles."""
    textes: dict[str, str] = {}
    for donnees in articles_du_code(code):
        for lien in donnees.get("lienModifications") or []:
            identifiant, titre = lien.get("textCid") or "", lien.get("textTitle") or ""
            if identifiant.startswith("JORFTEXT"):
                textes.setdefault(identifiant, titre.split(" - ")[0].strip())
    return textes


def extraire(code: dict, numeros: Iterable[str], textes_lies: Iterable[str], paquet: dict) -> dict:
    """The extract (as JSON data) of the articles `numeros` and the texts `textes_lies`."""
    par_numero = {donnees["num"].strip(): donnees for donnees in articles_du_code(code)}
    problemes, articles = [], []
    for numero in sorted(set(numeros), key=cle_d_ordre):
        donnees = par_numero.get(numero)
        if donnees is None:
            problemes.append(f"article {numero_lisible(numero)} : introuvable dans le Code du travail de {paquet['nom']} {paquet['version']}")
            continue
        articles.append(
            {
                "numero": numero,
                "lisible": numero_lisible(numero),
                "id": donnees["id"],
                "cid": donnees["cid"],
                "etat": donnees["etat"],
                "debut": _date(donnees.get("dateDebut")),
                "fin": _date(donnees.get("dateFin")),
                "versions": [
                    {"id": v["id"], "etat": v["etat"], "debut": _date(v.get("dateDebut")), "fin": _date(v.get("dateFin"))}
                    for v in donnees.get("articleVersions") or []
                ],
                "modifie_par": [
                    {"id": lien["textCid"], "titre": lien["textTitle"], "lien": lien["linkType"]}
                    for lien in donnees.get("lienModifications") or []
                ],
                "nota": (donnees.get("nota") or "").strip(),
                "texte": " ".join((donnees.get("texte") or "").split()),
            }
        )
    nommes = textes_nommes(code)
    textes = []
    for identifiant in sorted(set(textes_lies)):
        if identifiant not in nommes:
            problemes.append(f"{identifiant} : le Code du travail de {paquet['nom']} {paquet['version']} ne nomme pas ce texte")
            continue
        textes.append({"id": identifiant, "titre": nommes[identifiant]})
    if problemes:
        raise ExtractionImpossible(problemes)
    return {
        "source": {
            "paquet": paquet["nom"],
            "version": paquet["version"],
            "code": code["data"]["id"],
            "titre": code["data"]["title"],
            "version_du_code": code["data"].get("dateDebutVersion"),
        },
        "articles": articles,
        "textes": textes,
    }


def texte_de_l_extrait(extrait: dict) -> str:
    return json.dumps(extrait, ensure_ascii=False, indent=1) + "\n"


def textes_lies_du_site(racine: Path = ROOT) -> list[str]:
    """The JORFTEXT identifiers of the direct Légifrance links written in the site."""
    identifiants = set()
    for chemin in fichiers_du_site(racine):
        for lien in liens_legifrance(chemin.read_text(encoding="utf-8")):
            direct = _LIEN_DIRECT_TEXTE.fullmatch(lien)
            if direct:
                identifiants.add(direct.group("id"))
    return sorted(identifiants)


def differences(engage: dict, derive: dict) -> list[str]:
    """What changed between the committed extract and a new derivation, one line per article or text."""
    lignes = []
    avant = {a["numero"]: a for a in engage.get("articles", [])}
    apres = {a["numero"]: a for a in derive.get("articles", [])}
    for numero in sorted(avant.keys() | apres.keys(), key=cle_d_ordre):
        lisible = numero_lisible(numero)
        if numero not in apres:
            lignes.append(f"article {lisible} : dans l'extrait, mais plus cité par le site")
        elif numero not in avant:
            lignes.append(f"article {lisible} : cité par le site, absent de l'extrait")
        else:
            for champ in ("id", "etat", "debut", "fin", "texte", "nota", "versions", "modifie_par", "cid"):
                ancien, nouveau = avant[numero].get(champ), apres[numero].get(champ)
                if ancien != nouveau:
                    lignes.append(f"article {lisible} : « {champ} » a changé dans le code consolidé ({_resume(ancien)} → {_resume(nouveau)})")
    textes_avant = {t["id"]: t["titre"] for t in engage.get("textes", [])}
    textes_apres = {t["id"]: t["titre"] for t in derive.get("textes", [])}
    for identifiant in sorted(textes_avant.keys() ^ textes_apres.keys()):
        lignes.append(f"texte {identifiant} : {'plus lié par le site' if identifiant in textes_avant else 'lié par le site, absent de l’extrait'}")
    if engage.get("source") != derive.get("source"):
        lignes.append(f"source : {engage.get('source')} → {derive.get('source')}")
    return lignes


def _resume(valeur) -> str:
    texte = json.dumps(valeur, ensure_ascii=False) if not isinstance(valeur, str) else valeur
    return texte if len(texte) <= 60 else texte[:57] + "…"
