"""Une fiche tirée d'une page publique dit que la page a pu vieillir avec la réorganisation de
2025–2026 ; l'adresse des prescripteurs, si la plateforme ne l'a pas confirmée, est à vérifier
avant d'y envoyer des données personnelles ; la page ne dit pas « aucune coordonnée » sans
parler de cette adresse (revue des prescripteurs, E4 et E5)."""
from __future__ import annotations

from .test_pages import en_html

REORGANISATION = "les conventions plus anciennes ont pris fin au plus tard le 31 décembre 2025"


def test_une_fiche_d_apres_une_page_publique_dit_qu_elle_a_pu_vieillir(plateformes, fichiers):
    for plateforme in plateformes:
        page = fichiers[f"departements/{plateforme.departement.lower()}/index.md"]
        attendu = bool(plateforme.lien_source) and plateforme.confirmation is None
        assert (REORGANISATION in page) == attendu, plateforme.departement


def test_l_adresse_des_prescripteurs_non_confirmee_est_a_verifier(plateformes, fichiers):
    avec_adresse = [p for p in plateformes if p.courriel_prescripteurs]
    assert avec_adresse, "the data has a prescribers' address (Ardèche)"
    for plateforme in avec_adresse:
        page = en_html(fichiers[f"departements/{plateforme.departement.lower()}/index.md"])
        if plateforme.statut_verification.value != "confirme":
            assert "avant d'y envoyer des informations personnelles" in page
        if not plateforme.a_des_contacts():
            assert "en dehors d'une adresse\nréservée aux prescripteurs (plus bas)" in page


def test_une_fiche_confirmee_ne_porte_pas_l_avertissement(fichiers_complets, plateformes_completes):
    confirmee = next(p for p in plateformes_completes if p.confirmation is not None)
    assert REORGANISATION not in fichiers_complets[f"departements/{confirmee.departement.lower()}/index.md"]
