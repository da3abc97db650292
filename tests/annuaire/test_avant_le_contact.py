"""Ce qu'une personne doit savoir avant de prendre contact, et la MDPH du département :
affichés seulement quand ils sont renseignés, datés et sourcés, et repris par les exports."""
import csv
import io
import json

from emploi_accompagne.annuaire import chemins, exports

from .test_pages import en_html

AIN = chemins.chemin_page("01")


def section(page: str, titre: str) -> str:
    """The HTML of one h2 section of a page."""
    debut = page.index(f">{titre}</h2>")
    fin = page.find("<h2", debut)
    return page[debut: fin if fin != -1 else len(page)]


def test_la_fiche_dit_si_la_plateforme_accueille_et_dans_quel_delai(fichiers_complets):
    avant = section(en_html(fichiers_complets[AIN]), "Avant de prendre contact")
    assert "il y a une liste d&#39;attente pour commencer" in avant or "il y a une liste d'attente pour commencer" in avant
    assert "Délai habituel avant un premier rendez-vous : environ six semaines." in avant
    assert "Vous pouvez contacter la plateforme avant d&#39;avoir une prescription" in avant
    assert "vérifiée le 15 janvier 2026" in avant  # dated like the rest of the fiche


def test_sans_ces_informations_la_section_n_existe_pas(fichiers):
    assert "Avant de prendre contact" not in fichiers[AIN]


def test_l_adresse_des_prescripteurs_n_est_donnee_qu_aux_prescripteurs(fichiers_complets):
    page = en_html(fichiers_complets[AIN])
    pour_eux = page[page.index(">Pour un professionnel qui oriente</h3>"):]
    assert 'href="mailto:prescripteurs@example.org"' in pour_eux
    assert page.count("prescripteurs@example.org") == 2  # the link and its text, nowhere else
    assert "fiche navette &lt;b&gt;par e-mail&lt;/b&gt;" in pour_eux  # escaped like every value
    assert "prescripteurs@example.org" not in section(page, "Contacter la plateforme")
    assert "prescripteurs@example.org" not in fichiers_complets[chemins.chemin_vcard("01")]


def test_la_mdph_a_son_bloc_avec_sa_source_et_sa_date(fichiers_complets):
    demande = section(en_html(fichiers_complets[AIN]), "Qui peut faire la demande")
    assert "<strong>MDPH de l&#39;Exemple</strong>" in demande
    assert '<a href="tel:+33465710009">04 65 71 00 09</a>' in demande
    assert "1 avenue de l&#39;Exemple, Accueil au rez-de-chaussée, 01000 Bourg-en-Bresse" in demande
    assert '<a href="https://example.org/mdph/contact">page officielle sur example.org</a>, vérifiée le 1er février 2026' in demande


def test_les_exports_portent_les_nouveaux_champs(plateformes_completes):
    ain = json.loads(exports.plateformes_json(plateformes_completes))[0]
    assert ain["accueil_nouvelles_personnes"] == "liste-d-attente" and ain["mdph"]["nom"] == "MDPH de l'Exemple"
    [ligne] = [r for r in csv.DictReader(io.StringIO(exports.plateformes_csv(plateformes_completes).lstrip("\ufeff"))) if r["departement"] == "01"]
    assert ligne["delai_premier_rendez_vous"] == "environ six semaines"
    assert ligne["courriel_prescripteurs"] == "prescripteurs@example.org"
    assert ligne["mdph"] == "MDPH de l'Exemple" and ligne["mdph_lien_source"] == "https://example.org/mdph/contact"
    service = exports.service_data_inclusion(plateformes_completes[0], None)
    assert "prescripteurs@example.org" in service["mobilisation_precisions"]
    assert service.get("courriel") != "prescripteurs@example.org"  # not the public's address


def test_une_fiche_confirmee_dit_quand_la_plateforme_l_a_confirmee(yaml_complet, tmp_path):
    from emploi_accompagne.annuaire import pages
    from emploi_accompagne.annuaire.chargement import charger_annuaire

    from .conftest import PARAMETRES

    texte = yaml_complet.read_text(encoding="utf-8").replace(
        "  statut_verification: source-publique\n  date_maj: 2026-01-15\n",
        "  statut_verification: confirme\n  date_maj: 2026-01-15\n  confirmation:\n    date: 2026-01-20\n    moyen: appel au numéro public\n", 1,
    )
    chemin = tmp_path / "plateformes.yaml"
    chemin.write_text(texte, encoding="utf-8")
    page = en_html(pages.contenus(pages.fichiers_annuaire(charger_annuaire(chemin), PARAMETRES))[AIN])
    sources = section(page, "D&#39;où viennent ces informations") if "D&#39;où" in page else section(page, "D'où viennent ces informations")
    assert "Confirmé par la plateforme le 20 janvier 2026" in sources
    assert "confirmée par la plateforme elle-même" in sources
