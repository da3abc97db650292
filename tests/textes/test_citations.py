"""Chaque article du Code du travail que le site cite (« L. 5213-2-1 », « D. 5213-89 »,
« L5213-2-1 », « D. 5213-88 à D. 5213-93 »…) est dans l'extrait et en vigueur ; chaque lien
vers Légifrance est un lien direct, construit depuis l'identifiant, jamais une recherche."""
from __future__ import annotations

import re

import markdown
import pytest

from emploi_accompagne import textes
from tests.helpers.modules import load_hook
from tests.helpers.site import ROOT


@pytest.fixture(scope="module")
def extrait():
    return textes.charger_extrait()


@pytest.fixture(scope="module")
def sources():
    """Relative path -> text, for every file whose text becomes a page."""
    return {chemin.relative_to(ROOT).as_posix(): chemin.read_text(encoding="utf-8") for chemin in textes.fichiers_du_site()}


# --- The site ----------------------------------------------------------------------------------


def test_chaque_article_du_code_du_travail_cite_est_dans_l_extrait_et_en_vigueur(sources, extrait):
    problemes = []
    for chemin, texte in sources.items():
        for citation in textes.citations(texte):
            if citation.code != textes.TRAVAIL:
                continue
            article = extrait.article(citation.numero)
            if article is None:
                problemes.append(f"{chemin}:{citation.ligne}: article {citation.lisible} absent de l'extrait (lancer `make textes`)")
            elif not article.en_vigueur:
                problemes.append(f"{chemin}:{citation.ligne}: article {citation.lisible} plus en vigueur ({article.etat})")
    assert not problemes, "\n".join(problemes)


def test_chaque_article_cite_dit_de_quel_code_il_est(sources):
    """A number with three digits (« R. 241-33 ») is not from the Code du travail: the sentence names its code."""
    sans_code = [
        f"{chemin}:{citation.ligne}: « {citation.ecrit} » : dire de quel code (« du CASF », « du code du travail »…)"
        for chemin, texte in sources.items()
        for citation in textes.citations(texte)
        if citation.code is None
    ]
    assert not sans_code, "\n".join(sans_code)


def test_chaque_lien_vers_legifrance_est_direct(sources, extrait):
    problemes = [
        f"{chemin}: {lien} : {probleme}"
        for chemin, texte in sources.items()
        for lien in textes.liens_legifrance(texte)
        if (probleme := textes.probleme_de_lien(lien, extrait))
    ]
    assert not problemes, "\n".join(problemes)


LIEN_VERS_UN_TEXTE = re.compile(r"\[(?P<texte>[^\]]+)\]\(https://www\.legifrance\.gouv\.fr/jorf/id/(?P<id>JORFTEXT\d{12})\)")


def test_chaque_lien_vers_un_texte_mene_au_texte_qu_il_nomme(sources, extrait):
    """« [loi n° 2020-935 du 30 juillet 2020](…/JORFTEXT000042176557) » : the code names that identifier « LOI n°2020-935 »."""
    vus = 0
    for chemin, texte in sources.items():
        for lien in LIEN_VERS_UN_TEXTE.finditer(texte):
            numero = re.search(r"n°\s*(\d{4}-\d+)", lien.group("texte"))
            assert numero, f"{chemin}: « {lien.group('texte')} » : dire le numéro du texte"
            titre = extrait.textes.get(lien.group("id"), "")
            assert re.search(rf"n°\s*{numero.group(1)}\b", titre), f"{chemin}: « {lien.group('texte')} » mène à {lien.group('id')}, « {titre} »"
            vus += 1
    assert vus


def test_chaque_article_en_lien_recoit_le_lien_de_sa_version_en_vigueur(sources, extrait):
    vus = 0
    for chemin, texte in sources.items():
        definitions = textes.definitions_des_liens(texte, extrait)
        for ligne, (etiquette, numero) in zip(definitions.splitlines(), textes.etiquettes_d_articles(texte)):
            article = extrait.article(numero)
            assert ligne == f"[{etiquette}]: https://www.legifrance.gouv.fr/codes/article_lc/{article.id}", chemin
            assert article.id.startswith("LEGIARTI") and article.en_vigueur
            vus += 1
    assert vus, "au moins une page fait un lien vers un article du Code du travail"


# --- Finding the citations -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("texte", "attendu"),
    [
        ("l'article L. 5213-2-1 du Code du travail", [("L5213-2-1", textes.TRAVAIL)]),
        ("(L5213-2-1)", [("L5213-2-1", textes.TRAVAIL)]),
        ("article L.\u00a05213-2-1, II", [("L5213-2-1", textes.TRAVAIL)]),
        ("D. 5213-89, 2°", [("D5213-89", textes.TRAVAIL)]),
        ("R. 5213-1-1", [("R5213-1-1", textes.TRAVAIL)]),
        ("L. 1221-6 et L. 1222-2", [("L1221-6", textes.TRAVAIL), ("L1222-2", textes.TRAVAIL)]),
        ("article L. 344-2-5 du CASF", [("L344-2-5", textes.CASF)]),
        ("articles R. 241-31 et R. 241-33 du code de l'action sociale et des familles", [("R241-31", textes.CASF), ("R241-33", textes.CASF)]),
        ("(CASF, article R. 146-26)", [("R146-26", textes.CASF)]),
        ("R. 241-33", [("R241-33", None)]),
        ("la fiche R19993, le décret n° 2016-1899, Cerfa n° 15692*01, LEGIARTI000048590283", []),
    ],
)
def test_les_citations_et_leur_code(texte, attendu):
    assert [(c.numero, c.code) for c in textes.citations(texte)] == attendu


def test_une_plage_est_chaque_article_de_la_plage():
    (*_, derniere) = citations = textes.citations("les articles D. 5213-88 à D. 5213-93 du code du travail")
    assert [c.numero for c in citations] == [f"D5213-{n}" for n in range(88, 94)]
    assert derniere.ecrit == "D. 5213-88 à D. 5213-93" and derniere.code == textes.TRAVAIL


def test_le_numero_tel_que_le_site_l_ecrit():
    assert textes.numero_lisible("L5213-2-1") == "L. 5213-2-1"
    assert sorted(["L5213-3", "D5213-88", "L5213-2-1", "L5213-2", "L1221-6"], key=textes.cle_d_ordre) == [
        "L1221-6", "L5213-2", "L5213-2-1", "L5213-3", "D5213-88",
    ]


# --- Links ----------------------------------------------------------------------------------------


def test_les_trois_formes_de_lien_recoivent_le_lien_direct(extrait):
    page = "Voir l'[article L. 5213-2-1][L. 5213-2-1], le [L. 1221-6][] et [L. 1221-6].\n"
    html = markdown.markdown(textes.avec_liens_des_articles(page, extrait))
    l5213 = extrait.article("L5213-2-1").lien
    l1221 = extrait.article("L1221-6").lien
    assert f'<a href="{l5213}">article L. 5213-2-1</a>' in html
    assert html.count(f'<a href="{l1221}">L. 1221-6</a>') == 2


def test_un_lien_dans_un_bloc_html_markdown_recoit_aussi_son_lien(extrait):
    page = '<div class="kit-feuille" markdown>\n\n- [article L. 1221-6][L. 1221-6]\n\n</div>\n'
    html = markdown.markdown(textes.avec_liens_des_articles(page, extrait), extensions=["md_in_html"])
    assert f'<a href="{extrait.article("L1221-6").lien}">article L. 1221-6</a>' in html


def test_un_lien_inline_ou_une_definition_ne_sont_pas_des_etiquettes():
    assert textes.etiquettes_d_articles("[L. 5213-2-1](https://exemple.fr) [L. 5213-2-1]: https://exemple.fr") == []


def test_un_article_absent_de_l_extrait_est_nomme(extrait):
    with pytest.raises(textes.ArticleInconnu, match=r"article L\. 1234-5 : absent de data/code-du-travail\.json"):
        textes.definitions_des_liens("[L. 1234-5][]", extrait)


@pytest.mark.parametrize(
    ("lien", "motif"),
    [
        ("https://www.legifrance.gouv.fr/search/jorf?query=emploi", "recherche"),
        ("https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000048590283", "écrire [article L. …][L. …]"),
        ("https://www.legifrance.gouv.fr/jorf/id/JORFTEXT000012345678", "absent de data/code-du-travail.json"),
        ("https://www.legifrance.gouv.fr/affichTexte.do?cidTexte=JORFTEXT000032983213", "forme de lien inconnue"),
    ],
)
def test_les_liens_refuses(extrait, lien, motif):
    assert motif in textes.probleme_de_lien(lien, extrait)


def test_les_liens_acceptes(extrait):
    assert textes.probleme_de_lien("https://www.legifrance.gouv.fr/eli/decret/2016/12/27/2016-1899/jo/texte", extrait) is None
    (identifiant, *_) = extrait.textes
    assert textes.probleme_de_lien(f"https://www.legifrance.gouv.fr/jorf/id/{identifiant}", extrait) is None


# --- The hook -------------------------------------------------------------------------------------


class _Page:
    class file:
        src_uri = "exemple.md"


def test_le_hook_ajoute_les_liens_et_arrete_la_construction_sur_un_article_inconnu(capsys):
    from mkdocs.config import load_config
    from mkdocs.exceptions import PluginError

    hook = load_hook("hooks/textes.py", "hook_textes")
    config = hook.on_config(load_config(str(ROOT / "mkdocs.yml")))
    sortie = hook.on_page_markdown("[L. 1221-6][]\n", _Page, config, None)
    assert sortie.endswith(f"[L. 1221-6]: {textes.charger_extrait().article('L1221-6').lien}\n")
    assert hook.on_page_markdown("Rien à lier.\n", _Page, config, None) == "Rien à lier.\n"
    with pytest.raises(PluginError):
        hook.on_page_markdown("[L. 1234-5][]\n", _Page, config, None)
    assert "exemple.md: article L. 1234-5 : absent de data/code-du-travail.json" in capsys.readouterr().err
