"""Le premier entretien à distance (téléphone ou visio) : dit sur la fiche quand la source le
dit, repris par les exports, refusé avec un message situé quand la valeur n'est pas prévue.

Ce champ a été ajouté en trois fichiers : le modèle, le gabarit de la page, ce test. Le
schéma JSON, le tableau de CONTRIBUTING et les colonnes du CSV en découlent."""
from __future__ import annotations

import csv
import io
import json

import pytest

from emploi_accompagne.annuaire import chemins, exports, pages
from emploi_accompagne.annuaire.chargement import DonneesInvalides, charger_annuaire

from .conftest import PARAMETRES
from .test_avant_le_contact import section
from .test_pages import en_html

AIN = chemins.chemin_page("01")


def annuaire_avec(yaml_complet, tmp_path, valeur: str | None):
    """The complete fiche (which says « oui »), with another value, or without the field (None)."""
    ligne = "" if valeur is None else f"  premier_entretien_a_distance: {valeur}\n"
    texte = yaml_complet.read_text(encoding="utf-8").replace("  premier_entretien_a_distance: oui\n", ligne, 1)
    chemin = tmp_path / "plateformes.yaml"
    chemin.write_text(texte, encoding="utf-8")
    return charger_annuaire(chemin)


@pytest.mark.parametrize(("valeur", "phrase"), [
    ("oui", "Le premier entretien peut avoir lieu à distance, par téléphone ou en visio."),
    ("non", "Le premier entretien a lieu sur place."),
])
def test_la_fiche_dit_si_le_premier_entretien_peut_avoir_lieu_a_distance(yaml_complet, tmp_path, valeur, phrase):
    annuaire = annuaire_avec(yaml_complet, tmp_path, valeur)
    page = en_html(pages.contenus(pages.fichiers_annuaire(annuaire, PARAMETRES))[AIN])
    assert phrase in section(page, "Avant de prendre contact")


def test_sans_l_information_la_fiche_n_en_dit_rien(yaml_complet, tmp_path):
    annuaire = annuaire_avec(yaml_complet, tmp_path, None)
    assert "Le premier entretien" not in pages.contenus(pages.fichiers_annuaire(annuaire, PARAMETRES))[AIN]


def test_les_exports_portent_le_champ(yaml_complet, tmp_path):
    plateformes = annuaire_avec(yaml_complet, tmp_path, "oui").plateformes
    assert json.loads(exports.plateformes_json(plateformes))[0]["premier_entretien_a_distance"] == "oui"
    lignes = csv.DictReader(io.StringIO(exports.plateformes_csv(plateformes).lstrip("\ufeff")))
    assert next(ligne for ligne in lignes if ligne["departement"] == "01")["premier_entretien_a_distance"] == "oui"


def test_une_valeur_non_prevue_est_refusee_avec_sa_ligne_et_son_departement(yaml_complet, tmp_path):
    with pytest.raises(DonneesInvalides) as erreur:
        annuaire_avec(yaml_complet, tmp_path, "peut-etre")
    [probleme] = erreur.value.problemes
    lignes = (tmp_path / "plateformes.yaml").read_text(encoding="utf-8").splitlines()
    ligne = next(i for i, texte in enumerate(lignes, 1) if "premier_entretien_a_distance" in texte)
    assert f"plateformes.yaml:{ligne}:" in str(probleme)
    assert "[département 01] premier_entretien_a_distance: valeur non reconnue" in str(probleme)
