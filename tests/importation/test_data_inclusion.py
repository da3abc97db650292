"""Spécification de la lecture du format national data·inclusion v1 : structures.json ou
services.json, validés par le paquet data-inclusion-schema, chaque enregistrement rattaché
à un département par zone_eligibilite, code_insee ou code_postal."""
from __future__ import annotations

import json

import pytest

from emploi_accompagne.annuaire import exports
from emploi_accompagne.annuaire.chargement import DonneesInvalides
from emploi_accompagne.annuaire.importation.fusion import Nature, fusionner
from emploi_accompagne.annuaire.importation.lecture import (
    lire_data_inclusion,
    lire_liste,
)

from .conftest import DATE, FIXTURES, SOURCE


def valeurs(ligne) -> dict:
    return {champ: cellule.valeur for champ, cellule in ligne.cellules.items()}


def structure(**champs) -> dict:
    return {"source": "liste-fictive", "id": "liste-fictive--1", "nom": "Plateforme fictive",
            "date_maj": "2026-05-01", **champs}


def problemes(enregistrements) -> list:
    texte = enregistrements if isinstance(enregistrements, str) else json.dumps(enregistrements, indent=1)
    with pytest.raises(DonneesInvalides) as erreur:
        lire_data_inclusion(texte, "structures.json")
    return erreur.value.problemes


def test_des_structures_se_lisent_et_se_rattachent_par_leur_commune():
    finistere, morbihan = lire_liste(FIXTURES / "structures.json")
    assert finistere.departement == "29"  # code_insee 29019
    assert valeurs(finistere) == {
        "nom": "Plateforme fictive du Finistère",
        "structure_gestionnaire.siret": "12345678901234",  # as the site's own export writes it
        "site_web": "https://example.org/finistere",
        "adresse": "1 rue de l'Exemple",
        "code_postal": "29200",
        "commune": "Brest",
        "code_insee": "29019",
        "telephone": "+33199000000",
        "courriel": "finistere@example.org",
    }
    assert morbihan.departement == "56"  # postal code 56000 serves the Morbihan only
    cellule = morbihan.cellules["telephone"]
    assert (cellule.ligne, cellule.colonne, cellule.nom) == (16, 3, "telephone")  # where the record starts


def test_un_service_se_rattache_par_sa_zone_d_eligibilite_et_ne_donne_pas_son_nom():
    [corse] = lire_liste(FIXTURES / "services.json")
    assert corse.departement == "2A"
    assert valeurs(corse) == {
        "telephone": "04 65 71 00 02",
        "courriel": "corse-du-sud@example.org",
        "horaires_accueil": "Mo-Fr 09:00-12:00",
    }


@pytest.mark.parametrize("fichier", ["structures.json", "services.json"])
def test_les_exports_data_inclusion_du_site_se_relisent_sans_rien_changer(fichier, plateformes_avec_une_fiche_complete):
    plateformes = plateformes_avec_une_fiche_complete
    texte = exports.fichiers_exports(plateformes, "https://exemple.test/")[f"donnees/data-inclusion/{fichier}"]
    lignes = lire_data_inclusion(texte, fichier)
    exportees = exports.pour_data_inclusion(plateformes)
    # Structures without an address: found by their identifier.
    assert [l.departement for l in lignes] == [p.departement for p in exportees]
    fusion = fusionner(plateformes, lignes, SOURCE, DATE)
    assert fusion.fiches_modifiees() == {}
    assert {d.nature for b in fusion.bilans for d in b.decisions} <= {Nature.IDENTIQUE}
    # A structure named after the organisation that runs the platform does not name the platform.
    sans_nom = {p.departement for p in exportees if not p.nom}
    assert sans_nom and not any("nom" in l.cellules for l in lignes if l.departement in sans_nom)


def test_un_enregistrement_hors_schema_est_signale_en_francais():
    trouves = problemes([structure(nom="AB", courriel="pas-une-adresse", code_insee="29019"),
                         structure(code_insee="56260", date_maj="hier")])
    assert [(p.ligne, p.departement, p.champ) for p in trouves] == [
        (2, "29", "nom"), (2, "29", "courriel"), (10, "56", "date_maj")
    ]
    assert all(p.message.endswith("(schéma data·inclusion v1)") for p in trouves)
    assert "3 caractères" in trouves[0].message and "e-mail" in trouves[1].message
    assert "AAAA-MM-JJ" in trouves[2].message


def test_un_enregistrement_sans_departement_unique_est_refuse():
    sans, ambigu = problemes([
        structure(),
        {"source": "x", "structure_id": "x--1", "id": "x--2", "nom": "Emploi accompagné",
         "description": "Service fictif.", "date_maj": "2026-05-01", "zone_eligibilite": ["07", "26"]},
    ])
    assert "département introuvable" in sans.message
    assert "plusieurs départements (07, 26)" in ambigu.message


def test_un_code_commune_inconnu_ne_rattache_a_rien():
    [p] = problemes([structure(code_insee="00000")])
    assert p.champ == "departement"


def test_deux_enregistrements_du_meme_departement_sont_refuses():
    [p] = problemes([structure(code_insee="29019"), structure(code_postal="29200")])
    assert (p.ligne, p.departement) == (9, "29") and "déjà à la ligne 2" in p.message


def test_une_valeur_sur_plusieurs_lignes_est_refusee():
    [p] = problemes([structure(code_insee="29019", adresse="1 rue\nde l'Exemple")])
    assert p.champ == "adresse" and "une seule ligne" in p.message


@pytest.mark.parametrize(
    ("texte", "message", "ligne"),
    [
        ('[\n {"nom": "a",\n  "id": }\n]', "valeur attendue", 3),
        ('[\n {"nom": "a" "id": "b"}\n]', "virgule manquante", 2),
        ('[\n {"nom": "a", "nom": "b"}\n]', "« nom » écrit deux fois", 2),
        ('{"structures": []}', "liste JSON", 1),
        ("[]", "vide", 1),
        ('[{"a": 1},]', "virgule en trop", 1),
        ('[{"a": 1}] en trop', "après la fin", 1),
        ("[" * 100_000, "imbriqué", 1),
    ],
)
def test_un_json_illisible_est_signale_a_sa_ligne(texte, message, ligne):
    [p] = problemes(texte)
    assert message in p.message and p.ligne == ligne


def test_un_enregistrement_qui_n_est_pas_un_objet_est_refuse():
    [p] = problemes("[\n 12\n]")
    assert p.ligne == 2 and "objet" in p.message
