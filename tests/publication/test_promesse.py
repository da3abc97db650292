"""Spécification : le site ne promet que ce qu'il donne.

L'accueil et « Trouver ma plateforme » disent ce que le lecteur trouvera sur la page de son
département, compté depuis les données : toujours qui peut faire la demande ; les coordonnées
de la plateforme, celles de la MDPH, une adresse pour les prescripteurs, seulement dans le
nombre de départements où une source les donne. Vérifié sur les vraies données, sur le site
spécimen (une fiche complète de plus) et sur des comptes extrêmes (aucune, toutes).
"""
from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup

from emploi_accompagne.annuaire import chemins, pages
from emploi_accompagne.annuaire.chargement import charger_annuaire
from emploi_accompagne.annuaire.couverture import Couverture
from emploi_accompagne.paths import ROOT
from emploi_accompagne.templating import rendre_markdown
from tests.helpers.fiche_complete import ecrire_annuaire_avec_la_fiche_complete
from tests.helpers.site import site_under_test, specimen_under_test

# What the pages used to promise whatever the data: a platform's page, with its contacts.
PROMESSES_FIXES = ("vous montre la plateforme de votre département", "la page de la plateforme, avec ses")


def texte(html_ou_markdown: str) -> str:
    return " ".join(BeautifulSoup(html_ou_markdown, "html.parser").get_text().split())


def accueil(couverture: Couverture) -> str:
    source = (ROOT / "docs" / "index.md").read_text(encoding="utf-8").split("---\n", 2)[2]
    return texte(rendre_markdown(source, couverture=couverture))


@pytest.fixture(scope="module", params=["reelles", "completes"])
def annuaire(request, tmp_path_factory):
    if request.param == "reelles":
        return charger_annuaire()
    return charger_annuaire(ecrire_annuaire_avec_la_fiche_complete(tmp_path_factory.mktemp("d") / "plateformes.yaml"))


def test_la_couverture_compte_ce_que_montrent_les_pages_des_departements(annuaire):
    couverture = Couverture.des(annuaire.plateformes)
    fichiers = {f.chemin: f.contenu for f in pages.fichiers_annuaire(annuaire, pages.ParametresSite())}
    departements = {p.departement: fichiers[chemins.chemin_page(p.departement)] for p in annuaire.plateformes}
    assert couverture.total == len(departements) == 101
    avec_la_plateforme = {code for code, page in departements.items() if '"departement/plateforme"' in page}
    assert couverture.plateforme == len(avec_la_plateforme)
    assert couverture.mdph == sum('class="annuaire-mdph"' in page for page in departements.values())
    prescripteurs = {p.departement for p in annuaire.plateformes if p.courriel_prescripteurs
                     and f"mailto:{p.courriel_prescripteurs}" in departements[p.departement]}
    assert couverture.prescripteurs == len(prescripteurs - avec_la_plateforme)


def test_l_accueil_et_le_moteur_disent_ce_que_les_donnees_donnent(annuaire):
    c = Couverture.des(annuaire.plateformes)
    moteur = texte(pages.page_trouver(annuaire.plateformes))
    for page in (accueil(c), moteur):
        assert "qui peut faire la demande pour vous (la MDPH, France Travail, Cap emploi ou la mission locale)" in page
        if c.plateforme == 0:
            assert "Pour l'instant, le site n'a les coordonnées d'aucune plateforme." in page
        else:
            assert f"coordonnées de la plateforme pour {c.plateforme} département{'s' if c.plateforme > 1 else ''} sur 101" in page
        assert f"Pour {c.mdph} départements, la page donne les coordonnées de la MDPH." in page
        for promesse in PROMESSES_FIXES:
            assert promesse not in page


@pytest.mark.parametrize(
    ("couverture", "attendu", "absent"),
    [
        (Couverture(101, 0, 0, 0), "Pour l'instant, le site n'a les coordonnées d'aucune plateforme.", "MDPH."),
        (Couverture(101, 1, 1, 1), "coordonnées de la plateforme pour 1 département sur 101. "
         "Pour 1 département, la page donne les coordonnées de la MDPH. "
         "Pour 1 département, la page donne une adresse réservée aux professionnels qui prescrivent.", "aucune"),
        (Couverture(101, 101, 101, 0), "La page donne aussi les coordonnées de la plateforme. "
         "La page donne aussi les coordonnées de la MDPH.", "Pour "),
    ],
    ids=["aucune", "une", "toutes"],
)
def test_la_phrase_suit_les_nombres(couverture, attendu, absent):
    page = accueil(couverture)
    phrase = page[page.index("Il existe une plateforme"):page.index("Choisissez votre situation")]
    assert attendu in phrase
    assert absent not in phrase


@pytest.mark.parametrize("chemin", ["/", "/trouver-ma-plateforme/"])
def test_les_pages_construites_promettent_ce_que_leurs_donnees_donnent(chemin, tmp_path):
    """The built site (real data) and the specimen site (one complete fiche more)."""
    site, specimen = site_under_test(), specimen_under_test()
    if not (site.ok and specimen.ok):
        pytest.fail("`mkdocs build --strict` failed:\n" + site.build_output + specimen.build_output, pytrace=False)
    reelles = Couverture.des(charger_annuaire().plateformes)
    completes = Couverture.des(charger_annuaire(ecrire_annuaire_avec_la_fiche_complete(tmp_path / "p.yaml")).plateformes)
    assert completes.plateforme == reelles.plateforme + 1  # the specimen's Ain fiche: its contacts are shown
    for construit, couverture in ((site, reelles), (specimen, completes)):
        html = (construit.root / chemin.lstrip("/") / "index.html").read_text(encoding="utf-8")
        page = texte(str(BeautifulSoup(html, "html.parser").select_one("article")))
        if couverture.plateforme:
            assert re.search(rf"coordonnées de la plateforme pour {couverture.plateforme} départements? sur 101", page)
        else:
            assert "d'aucune plateforme" in page
        assert f"Pour {couverture.mdph} départements, la page donne les coordonnées de la MDPH." in page
