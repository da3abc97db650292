"""Sur chaque page de département, chaque lecteur trouve ce qu'il peut faire aujourd'hui, même
sans les coordonnées de la plateforme : la personne (ou un proche), l'employeur, le
professionnel qui oriente (issue 19). Une fiche jamais vérifiée ne montre pas de date de
vérification (issue 20)."""
from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from emploi_accompagne import referentiel
from emploi_accompagne.annuaire import chemins, pages
from emploi_accompagne.annuaire.chargement import charger_annuaire
from emploi_accompagne.annuaire.francais import date_en_mots
from tests.helpers.fiche_complete import DEPARTEMENT as AIN
from tests.helpers.fiche_complete import annuaire_avec_la_fiche_complete, remplacer_fiche

from .conftest import PARAMETRES
from .test_pages import en_html, front_matter

RACINE = Path(__file__).resolve().parents[2]
LECTEURS = ("personne", "employeur", "professionnel")


def bloc(page_html: str, ancre: str) -> str:
    """The HTML from the heading with this id to the next heading, entities decoded and
    line breaks read as spaces (as a browser does)."""
    debut = page_html.index(f'id="{ancre}"')
    suivant = re.compile(r"<h[1-6][ >]").search(page_html, debut + 1)
    return " ".join(html.unescape(page_html[debut: suivant.start() if suivant else len(page_html)]).split())


def section(page_html: str, ancre: str) -> str:
    """The HTML of an h2 section (by its id), up to the next h2, read like bloc()."""
    debut = page_html.index(f'id="{ancre}"')
    fin = page_html.find("<h2", debut)
    return " ".join(html.unescape(page_html[debut: fin if fin != -1 else len(page_html)]).split())


def etat(page_markdown: str) -> str:
    return front_matter(page_markdown)["type_de_page"].removeprefix("departement/")


@pytest.fixture(scope="module")
def trois_etats(fichiers, fichiers_complets):
    """One page of each state: no contact at all, the MDPH block only, every field filled."""
    par_etat = {}
    for chemin, texte in sorted(fichiers.items()):
        if re.fullmatch(r"departements/[^/]+/index\.md", chemin) and chemin != chemins.chemin_page(AIN):
            par_etat.setdefault(etat(texte), (chemin, texte))
    par_etat["plateforme"] = (chemins.chemin_page(AIN), fichiers_complets[chemins.chemin_page(AIN)])
    assert {"sans-coordonnees", "mdph-seulement", "plateforme"} <= set(par_etat)
    return par_etat


@pytest.mark.parametrize("nom_etat", ["sans-coordonnees", "mdph-seulement", "plateforme"])
def test_dans_chaque_etat_de_la_page_chaque_lecteur_a_son_bloc(trois_etats, nom_etat):
    chemin, texte = trois_etats[nom_etat]
    page = en_html(texte)
    for lecteur in LECTEURS:
        assert "<a href=" in bloc(page, lecteur), (chemin, lecteur)  # an action, and where to go
    assert "Ce que vous pouvez faire aujourd'hui" in bloc(page, "personne")
    # With the platform's contacts, the employer's first step is to call it (with the employee's agreement).
    employeur = bloc(page, "employeur")
    assert ("contactez la plateforme" in employeur) == (nom_etat == "plateforme"), chemin
    # The blocks belong to "Qui peut faire la demande", whose sheets they link to.
    qui = section(page, "qui-peut-faire-la-demande")
    assert all(f'id="{lecteur}"' in qui for lecteur in LECTEURS)


def test_sans_coordonnees_le_haut_de_la_page_mene_a_chaque_lecteur(plateformes, fichiers):
    sans = [p for p in plateformes if not p.a_des_contacts()]
    assert sans
    for plateforme in sans:
        page = en_html(fichiers[chemins.chemin_page(plateforme.departement)])
        contacter = page[page.index("Contacter la plateforme"): page.index('id="qui-peut-faire-la-demande"')]
        for lecteur in LECTEURS:
            assert f'href="#{lecteur}"' in contacter, (plateforme.departement, lecteur)


def test_la_page_ne_renvoie_plus_le_lecteur_vers_le_conseiller_qui_l_y_a_envoye(fichiers):
    for chemin, texte in fichiers.items():
        if chemin.startswith("departements/"):
            assert "connaissent la plateforme" not in texte, chemin


def test_la_personne_sait_a_qui_demander_quoi_dire_et_quoi_apporter(fichiers):
    for dep in referentiel.departements():
        personne = bloc(en_html(fichiers[chemins.chemin_page(dep.code)]), "personne")
        # Who serves whom: Cap emploi when the adviser knows little of disability or in a job,
        # the mission locale for 16-25, the département's own MDPH otherwise.
        assert "demandez à être suivi par <strong>Cap emploi</strong>" in personne
        assert "en emploi : <strong>Cap emploi</strong>, qui aide aussi à garder son emploi" in personne
        assert "entre 16 et 25 ans : la <strong>mission locale</strong>" in personne
        assert f"personne ne vous suit : la <strong>MDPH {dep.de}</strong>" in personne
        assert "« Je voudrais demander l'emploi accompagné." in personne
        assert "certificat médical de moins d'un an" in personne and "RQTH" in personne
        assert "représentant légal" in personne  # what a relative can and cannot do
        assert 'href="../../proches/index.md"' in personne


def test_l_employeur_sait_quoi_faire_des_aujourd_hui(fichiers):
    employeur = bloc(en_html(fichiers[chemins.chemin_page("69")]), "employeur")
    for levier in (
        "Cap emploi",  # job retention (L. 5214-3-1)
        "médecin du travail",
        "prévention de la désinsertion professionnelle",  # the occupational health unit (L. 4622-8-1)
        "prestations d'appui spécifiques",
        "sans demander son diagnostic",
    ):
        assert levier in employeur, levier
    assert 'href="../../preparer-ma-demande/employeur.md"' in employeur  # the note to hand over
    assert 'href="../../employeurs/index.md#des-maintenant"' in employeur  # the rest, on the employers' page


def test_le_professionnel_trouve_la_plateforme_par_un_autre_chemin_que_lui_meme(plateformes, fichiers, fichiers_complets):
    """Without contacts: the convention with the State and the MDPH, not 'ask Cap emploi' (the
    reader may be Cap emploi). With contacts, the page gives them and skips this step."""
    sans = next(p for p in plateformes if not p.a_des_contacts())
    dep = referentiel.departement(sans.departement)
    professionnel = bloc(en_html(fichiers[chemins.chemin_page(dep.code)]), "professionnel")
    assert "convention avec l'État" in professionnel
    assert f"la MDPH {dep.de} savent donc qui accompagne {dep.dans}" in professionnel
    assert 'href="../../preparer-ma-demande/prescripteur.md"' in professionnel
    assert 'href="../../professionnels-sante-social/index.md"' in professionnel  # carers and social workers
    complet = bloc(en_html(fichiers_complets[chemins.chemin_page(AIN)]), "professionnel")
    assert "Trouver la plateforme" not in complet
    assert "<strong>Prescrire</strong>" in complet


def _adresses_connues() -> str:
    """Every address the repository's own pages already link to."""
    return "\n".join(f.read_text(encoding="utf-8") for f in sorted((RACINE / "docs").rglob("*.md")))


def test_chaque_lien_vers_un_autre_site_est_deja_connu_du_depot_ou_vient_de_la_fiche(
    plateformes, fichiers, plateformes_completes, fichiers_complets
):
    """Never an invented address: each outside link of the reader's blocks is one that a page of
    docs/ already gives, or a value of the fiche itself (its MDPH, its sources)."""
    connues = _adresses_connues()
    vues = set()
    for plateforme, textes in [(p, fichiers) for p in plateformes] + [(plateformes_completes[0], fichiers_complets)]:
        page = en_html(textes[chemins.chemin_page(plateforme.departement)])
        demande = section(page, "qui-peut-faire-la-demande")
        donnees = plateforme.model_dump_json()
        for adresse in re.findall(r'href="(https?://[^"]+)"', demande):
            vues.add(adresse)
            assert adresse in connues or adresse in donnees, (plateforme.departement, adresse)
    assert "https://lannuaire.service-public.fr/" in vues


def test_une_fiche_jamais_verifiee_ne_montre_aucune_date_de_verification(plateformes, fichiers):
    jamais = [p for p in plateformes if p.lien_source is None and p.confirmation is None]
    assert jamais
    for plateforme in jamais:
        sources = section(en_html(fichiers[chemins.chemin_page(plateforme.departement)]), "sources")
        assert date_en_mots(plateforme.date_maj) not in sources, plateforme.departement
        assert "rien n'a encore pu être vérifié" in sources
        assert "Dernière vérification" not in sources


def test_une_fiche_verifiee_garde_sa_date(plateformes, fichiers):
    avec_source = next(p for p in plateformes if p.lien_source)
    sources = section(en_html(fichiers[chemins.chemin_page(avec_source.departement)]), "sources")
    assert f"vérifiée le {date_en_mots(avec_source.date_maj)}" in sources


def test_avant_le_contact_sans_source_ne_se_dit_pas_verifie(tmp_path):
    """What a fiche says about the first contact, with no source yet, is not dated as checked."""
    fiche = '''- departement: "29"
  statut_verification: a-completer
  date_maj: 2026-11-23
  accueil_nouvelles_personnes: oui'''
    chemin = tmp_path / "plateformes.yaml"
    chemin.write_text(remplacer_fiche(annuaire_avec_la_fiche_complete(), "29", fiche), encoding="utf-8")
    page = en_html(pages.contenus(pages.fichiers_annuaire(charger_annuaire(chemin), PARAMETRES))[chemins.chemin_page("29")])
    avant = page[page.index("Avant de prendre contact"): page.index('id="qui-peut-faire-la-demande"')]
    assert "accueille de nouvelles personnes" in avant
    assert "vérifiée le" not in avant and "23 novembre 2026" not in avant
    assert "pas encore de source" in avant
