"""Chaque résultat du questionnaire renvoie aux sections du site sur lesquelles il s'appuie :
le lien mène à la section exacte (son ancre), et cette section existe dans la page visée.
Un lecteur envoyé en haut d'une longue page devrait y chercher la réponse une seconde fois."""
from __future__ import annotations

import pytest

from emploi_accompagne.annuaire import chemins
from emploi_accompagne.questionnaire import charger_questionnaire, chemin_page
from tests.helpers.html import normalize_space, resolve

ARBRE = charger_questionnaire()


@pytest.fixture(scope="module")
def pages_par_fichier(parsed_site):
    return {parsed.page.file: parsed for parsed in parsed_site.values()}


@pytest.mark.parametrize("ident", sorted(ARBRE.resultats))
def test_chaque_resultat_mene_a_la_section_exacte_qu_il_resume(ident, site, parsed_site, pages_par_fichier):
    parsed = parsed_site["/" + chemins.url_de(chemin_page(ident))]
    article = parsed.soup.select_one("article.md-content__inner")
    liens = {normalize_space(a.get_text(" ")): a["href"] for a in article.select("a[href]")}
    assert ARBRE.resultats[ident].a_lire, f"{ident}: no section of the site to read"
    for lecture in ARBRE.resultats[ident].a_lire:
        assert lecture.texte in liens, f"{ident}: no link « {lecture.texte} » on the page"
        cible = resolve(site, parsed.page, liens[lecture.texte])
        assert cible is not None and cible.file in pages_par_fichier, f"{ident}: {liens[lecture.texte]} leads nowhere"
        assert cible.fragment, f"{ident}: « {lecture.texte} » leads to the top of {cible.path}"
        assert cible.fragment in pages_par_fichier[cible.file].ids, f"{ident}: no section #{cible.fragment} in {cible.path}"
