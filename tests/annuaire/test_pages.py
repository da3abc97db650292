"""Les pages des départements, générées sans MkDocs : noms, contacts, échappement, JSON-LD, vCard."""
from __future__ import annotations

import html
import json
import re

import markdown
import pytest
import vobject

from emploi_accompagne import referentiel
from emploi_accompagne.annuaire import chemins, horaires, pages
from emploi_accompagne.annuaire import json_ld as json_ld_module
from emploi_accompagne.annuaire import vcard as vcard_module
from emploi_accompagne.annuaire.chargement import FICHIER_PLATEFORMES, charger_annuaire
from emploi_accompagne.annuaire.modele import CODES_DEPARTEMENTS
from tests.helpers.fiche_complete import NOM_PIEGE

# The Markdown extensions of mkdocs.yml that matter for these pages.
EXTENSIONS = ["abbr", "admonition", "attr_list", "def_list", "md_in_html", "tables", "toc"]


def en_html(page_markdown: str) -> str:
    corps = page_markdown.split("\n---\n", 1)[1]  # drop the front matter
    return markdown.markdown(corps, extensions=EXTENSIONS)


def front_matter(page_markdown: str) -> dict:
    bloc = page_markdown.split("---\n")[1]
    return {cle: json.loads(valeur) for cle, _, valeur in (ligne.partition(": ") for ligne in bloc.splitlines())}


def json_ld(page_html: str) -> dict:
    trouve = re.search(r'<script type="application/ld\+json">(.*?)</script>', page_html, re.DOTALL)
    assert trouve, "pas de JSON-LD"
    return json.loads(trouve.group(1))


# --- Une page par département -------------------------------------------------------------------


def test_une_page_par_departement_a_l_adresse_du_code_en_minuscules(fichiers):
    attendues = {f"departements/{code.lower()}/index.md" for code in CODES_DEPARTEMENTS}
    generees = {chemin for chemin in fichiers if re.fullmatch(r"departements/[^/]+/index\.md", chemin)}
    assert generees == attendues
    assert "departements/2a/index.md" in generees and "departements/974/index.md" in generees


def test_le_h1_de_chaque_page_porte_le_nom_officiel(fichiers):
    for dep in referentiel.departements():
        page = en_html(fichiers[chemins.chemin_page(dep.code)])
        h1 = re.findall(r"<h1[^>]*>(.*?)</h1>", page)
        assert [html.unescape(titre) for titre in h1] == [f"{dep.nom} ({dep.code})"]


def test_titres_et_descriptions_sont_uniques(fichiers):
    metas = [front_matter(fichiers[chemins.chemin_page(code)]) for code in CODES_DEPARTEMENTS]
    assert len({m["title"] for m in metas}) == len({m["description"] for m in metas}) == 101
    ain = front_matter(fichiers["departements/01/index.md"])
    assert ain["title"] == "Plateforme emploi accompagné dans l'Ain (01)"
    assert "dans l'Ain" in ain["description"]


def test_l_ordre_des_titres_est_h1_h2_h3(fichiers_complets):
    page = en_html(fichiers_complets["departements/01/index.md"])
    niveaux = [int(n) for n in re.findall(r"<h([1-6])\b", page)]
    assert niveaux[0] == 1 and niveaux.count(1) == 1
    assert all(suivant <= precedent + 1 for precedent, suivant in zip(niveaux, niveaux[1:]))
    assert 3 in niveaux  # the sites (antennes)


def test_les_ids_sont_uniques_dans_une_page(fichiers_complets):
    page = en_html(fichiers_complets["departements/01/index.md"])
    ids = re.findall(r'\bid="([^"]+)"', page)
    assert len(ids) == len(set(ids))


def test_la_recherche_du_site_trouve_le_nom_sans_accents_et_le_numero(fichiers):
    """The plain spellings go to the search index, not to the page that a person reads."""
    page = en_html(fichiers["departements/07/index.md"])
    assert "Département 07" in page
    assert "Aussi écrit" not in page and " ardeche" not in page
    index = {"config": {}, "docs": [
        {"location": "departements/07/", "title": "Ardèche (07)", "text": "<p>Département 07</p>"},
        {"location": "departements/07/#sources", "title": "Sources", "text": "x"},
        {"location": "departements/22/", "title": "Côtes-d'Armor (22)", "text": ""},
        {"location": "departements/01/", "title": "Ain (01)", "text": "<p>Ain</p>"},
    ]}
    docs = {d["location"]: d["text"] for d in json.loads(pages.index_avec_graphies(json.dumps(index)))["docs"]}
    assert docs["departements/07/"] == "<p>Département 07</p> ardeche"
    assert docs["departements/07/#sources"] == "x"  # the page once, not each of its sections
    assert docs["departements/22/"] == "cotes d armor"
    assert docs["departements/01/"] == "<p>Ain</p>"  # "ain" is already plain


# --- Contacts inconnus ------------------------------------------------------------------------------


def test_sans_donnees_aucun_lien_tel_ni_mailto_ni_vcard(plateformes, fichiers):
    # The MDPH's contacts have their own block and source: a fiche without them is tested here.
    sans_contact = [p for p in plateformes if not p.a_des_contacts() and p.mdph is None]
    assert sans_contact, "le test suppose au moins une fiche sans contact"
    for plateforme in sans_contact:
        page = fichiers[chemins.chemin_page(plateforme.departement)]
        # `mailto:?subject=…` is the action bar's "send this page", to no one in particular.
        assert "tel:" not in page and not re.search(r"mailto:(?!\?)", page) and ".vcf" not in page
        assert chemins.chemin_vcard(plateforme.departement) not in fichiers


def test_sans_contact_la_page_le_dit_et_dit_quoi_faire(plateformes, fichiers):
    plateforme = next(p for p in plateformes if not p.a_des_contacts())
    page = en_html(fichiers[chemins.chemin_page(plateforme.departement)])
    assert "pas encore trouvé de coordonnées" in page
    for prescripteur in ("MDPH", "France Travail", "Cap emploi", "mission locale"):
        assert prescripteur in page
    assert "Signaler une correction" in page
    assert 'href="https://github.com/exemple/site/blob/main/data/plateformes.yaml#L' in page
    assert "aucune page publique trouvée" in page


# --- Fiche complète -----------------------------------------------------------------------------------


def test_une_fiche_complete_donne_tous_les_contacts(fichiers_complets):
    page = en_html(fichiers_complets["departements/01/index.md"])
    assert '<a href="tel:+33465710000">04 65 71 00 00</a>' in page
    assert '<a href="mailto:contact@example.org">contact@example.org</a>' in page
    assert "01000 Bourg-en-Bresse" in page
    assert "Du lundi au vendredi : de 9 h à 12 h et de 14 h à 17 h" in page
    assert "Fermé les jours fériés" in page
    assert 'href="https://acceslibre.beta.gouv.fr/app/exemple/"' in page
    assert "<h3>Antenne de Test</h3>" in page and 'href="tel:+33465710001"' in page
    assert "Le mardi et le jeudi : de 9 h à 12 h" in page
    assert "Association Exemple" in page and "Partenaire Deux" in page
    assert "page publique sur example.org</a>, vérifiée le 15 janvier 2026" in page
    assert "confirmée par la plateforme elle-même" in page
    assert 'href="plateforme-emploi-accompagne-01.vcf" download' in page
    # The line of the entry in the YAML file, for "Signaler une correction".
    assert "plateformes.yaml#L7" in page


def test_le_texte_des_donnees_est_echappe_en_html(fichiers_complets):
    page = en_html(fichiers_complets["departements/01/index.md"])
    assert "<b>Test</b>" not in page
    assert "&lt;b&gt;Test&lt;/b&gt;" in page
    assert "<em>étoile</em>" not in page  # no Markdown inside data
    assert 'href="https://example.org/plateforme?a=1&amp;b=2"' in page
    # The only </script> of the page, once the action bar's two scripts (the template's own
    # text, no data in them) are left aside, closes the JSON-LD.
    sans_barre = page.replace('<script src="../../assets/barre.js" defer></script>', "", 1)
    sans_barre = re.sub(r"<script>\(function\(b,n\)\{[^<]*\}\)\(document\.currentScript[^<]*</script>", "", sans_barre, count=1)
    assert sans_barre.count("</script>") == 1


def test_le_json_ld_est_valide_et_decrit_l_organisation(fichiers_complets):
    donnees = json_ld(en_html(fichiers_complets["departements/01/index.md"]))
    assert donnees["@context"] == "https://schema.org"
    assert donnees["@type"] == "Organization"
    assert donnees["name"] == NOM_PIEGE  # escaped as \u003c in the page, same JSON value
    assert donnees["telephone"] == "+33465710000"
    assert donnees["contactPoint"][0]["@type"] == "ContactPoint"
    assert donnees["address"]["postalCode"] == "01000"
    assert donnees["areaServed"] == {"@type": "AdministrativeArea", "name": "Ain", "identifier": "01"}
    assert donnees["mainEntityOfPage"] == "https://exemple.test/annuaire/departements/01/"
    assert donnees["department"][0]["name"] == "Antenne de Test"


@pytest.mark.parametrize("code", CODES_DEPARTEMENTS)
def test_le_json_ld_ne_decrit_que_l_organisation_qu_une_source_nomme(fichiers, plateformes, code):
    html = en_html(fichiers[chemins.chemin_page(code)])
    fiche = next(p for p in plateformes if p.departement == code)
    nom = fiche.nom or (fiche.structure_gestionnaire.nom if fiche.structure_gestionnaire else None)
    if nom is None:  # no name made up from the département's
        assert "application/ld+json" not in html
        return
    donnees = json_ld(html)
    assert donnees["@type"] == "Organization" and donnees["name"] == nom
    assert donnees["areaServed"]["identifier"] == code


def test_json_pour_script_ne_peut_pas_fermer_la_balise():
    texte = str(json_ld_module.json_pour_script({"a": "</script><!-- & >"}))
    assert "<" not in texte and ">" not in texte and "&" not in texte
    assert json.loads(texte) == {"a": "</script><!-- & >"}


# --- vCard ------------------------------------------------------------------------------------------


def test_la_vcard_contient_les_contacts_et_echappe_le_texte(fichiers_complets):
    texte = fichiers_complets["departements/01/plateforme-emploi-accompagne-01.vcf"]
    cartes = list(vobject.readComponents(texte))
    assert len(cartes) == 2  # the platform and its site with contacts (not the one without)
    principale, antenne = cartes
    assert principale.fn.value == NOM_PIEGE
    assert principale.tel.value == "+33465710000"
    assert principale.email.value == "contact@example.org"
    assert principale.adr.value.street == "=1 rue de l'Exemple"
    assert principale.adr.value.extended == "Bâtiment B; 2e étage, porte 3"
    assert principale.adr.value.code == "01000" and principale.adr.value.city == "Bourg-en-Bresse"
    assert "Source : https://example.org/source" in principale.note.value
    assert antenne.fn.value.endswith("Antenne de Test") and antenne.tel.value == "+33465710001"
    # Separators inside values are escaped in the file itself.
    assert "FN:Plateforme <b>Test</b> \\; emploi\\, " in texte


def test_pas_de_vcard_sans_contact(plateformes):
    plateforme = next(p for p in plateformes if not p.a_des_contacts())
    assert vcard_module.vcard(plateforme, referentiel.departement(plateforme.departement)) is None


# --- Horaires en mots ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("expression", "lignes", "feries", "brute"),
    [
        ("Mo-Fr 09:00-12:00,14:00-17:00", ["Du lundi au vendredi : de 9 h à 12 h et de 14 h à 17 h"], False, False),
        ("Mo-Fr 09:00-17:00; PH off", ["Du lundi au vendredi : de 9 h à 17 h"], True, False),
        (
            "Mo-Th 08:30-12:30,13:30-17:00; Fr 08:30-12:00",
            ["Du lundi au jeudi : de 8 h 30 à 12 h 30 et de 13 h 30 à 17 h", "Le vendredi : de 8 h 30 à 12 h"],
            False,
            False,
        ),
        ("Mo,We,Fr 10:00-12:00", ["Le lundi, le mercredi et le vendredi : de 10 h à 12 h"], False, False),
        ("Mo-We,Fr 10:00-12:00", ["Du lundi au mercredi et le vendredi : de 10 h à 12 h"], False, False),
        ("24/7", ["Tous les jours : 24 h sur 24"], False, False),
        ("Mo-Fr 09:00-17:00; Aug off", ["Du lundi au vendredi : de 9 h à 17 h"], False, True),
        ('Tu 14:00-18:00 "sur rendez-vous"', ["Le mardi : de 14 h à 18 h"], False, True),
        ("Mo-Fr 22:00-24:00", ["Du lundi au vendredi : de 22 h à minuit"], False, False),
        ("Mo-Fr 22:00-02:00", None, False, True),
    ],
)
def test_horaires_en_mots(expression, lignes, feries, brute):
    en_mots = horaires.horaires_en_mots(expression)
    if lignes is not None:
        assert list(en_mots.lignes) == lignes
    assert en_mots.ferme_jours_feries is feries
    assert (en_mots.expression == expression) is brute


def test_les_horaires_ne_dependent_pas_de_la_date_du_jour():
    # The reference week is fixed: two calls give the same words whatever the date.
    assert horaires.horaires_en_mots("Mo-Fr 09:00-17:00; PH off") == horaires.horaires_en_mots("Mo-Fr 09:00-17:00; PH off")
    assert horaires.SEMAINE_DE_REFERENCE.weekday() == 0


# --- Lignes du fichier YAML ------------------------------------------------------------------------------


def test_le_chargeur_donne_la_ligne_de_chaque_fiche_dans_le_fichier_yaml():
    texte = FICHIER_PLATEFORMES.read_text(encoding="utf-8")
    lignes = charger_annuaire().lignes
    assert set(lignes) == set(CODES_DEPARTEMENTS)
    toutes = texte.splitlines()
    for code, numero in lignes.items():
        assert toutes[numero - 1].startswith(f'- departement: "{code}"')


# --- Index, recherche, données ---------------------------------------------------------------------------


def test_l_index_groupe_les_departements_par_region_avec_la_carte(fichiers):
    page = en_html(fichiers[chemins.PAGE_INDEX])
    regions = re.findall(r"<h2[^>]*>(.*?)</h2>", page)
    assert [html.unescape(r) for r in regions] == [nom for nom, _ in referentiel.departements_par_region()]
    liens_liste = re.findall(r'<li><a href="([^"]+)/index\.md">', page)
    assert sorted(liens_liste) == sorted(code.lower() for code in CODES_DEPARTEMENTS)
    assert page.index("<svg") < page.index("<h2")  # the map above its text alternative
    assert len(re.findall(r'<a class="carte-dep" href="[^"]+/"', page)) == 101


def test_la_page_de_recherche_contient_la_liste_complete_sans_javascript(fichiers):
    page = en_html(fichiers[chemins.PAGE_TROUVER])
    liens = re.findall(r'<li><a href="\.\./departements/([^"/]+)/index\.md">', page)
    assert sorted(liens) == sorted(code.lower() for code in CODES_DEPARTEMENTS)
    assert re.search(r'<form class="trouver" id="trouver" role="search" hidden', page)
    assert '<script src="../assets/trouver.js" defer></script>' in page


def test_la_page_donnees_cite_la_licence_et_les_sources(fichiers):
    page = en_html(fichiers[chemins.PAGE_DONNEES])
    assert "Licence Ouverte 2.0" in page
    assert "@etalab/decoupage-administratif" in page and "6.0.0" in page
    assert "france-geojson" in page and "IGN" in page
    for fichier in ("plateformes.json", "plateformes.csv", "plateformes.schema.json",
                    "data-inclusion/structures.json", "data-inclusion/services.json"):  # fmt: skip
        assert f'href="donnees/{fichier}"' in page  # page at the root: MkDocs makes it relative


def test_la_feuille_de_style_n_est_chargee_que_par_les_pages_qui_l_utilisent(fichiers, fichiers_complets):
    """In the front matter (overrides/main.html puts it in the <head>), never in the body."""
    en_tete = 'feuilles_de_style: ["assets/annuaire.css"]'
    assert en_tete in fichiers_complets["departements/01/index.md"]  # cards to lay out
    assert en_tete in fichiers["departements/01/index.md"]  # no card, but the action bar and print styles
    assert en_tete in fichiers[chemins.PAGE_INDEX]
    assert en_tete in fichiers[chemins.PAGE_TROUVER]
    assert not [chemin for chemin, texte in {**fichiers, **fichiers_complets}.items() if "<link" in texte]


def test_chaque_fiche_mene_au_formulaire_de_proposition_pour_son_departement(plateformes, fichiers):
    for plateforme in plateformes:
        dep = referentiel.departement(plateforme.departement)
        page = en_html(fichiers[chemins.chemin_page(dep.code)])
        lien = f'href="../../contribuer/proposer/?departement={dep.code}"'
        assert f'<a {lien}>Signaler une correction</a>' in page, dep.code
        if plateforme.statut_verification.value == "a-completer":
            assert f'Vous travaillez à cette plateforme ?</strong> <a {lien}>Publiez sa fiche</a>' in page, dep.code
