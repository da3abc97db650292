"""Spécification de l'import du bloc MDPH : il a sa propre source (colonne mdph_lien_source,
une par ligne) et sa propre date (celle de la commande) ; il est complété sans jamais être
affaibli ; la fiche de la plateforme garde sa source, sa date et son statut ; une liste de
MDPH seules se passe de --source."""
from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pytest

from emploi_accompagne.__main__ import main
from emploi_accompagne.annuaire.chargement import DonneesInvalides, charger_plateformes
from emploi_accompagne.annuaire.importation.fusion import Nature, changements, fusionner
from emploi_accompagne.annuaire.modele import StatutVerification

from .conftest import APRES, AUTRE_SOURCE, AVANT, DATE, SOURCE, ligne, plateforme

PAGE_MDPH = "https://example.org/mdph/contact"
BLOC = {"nom": "MDPH fictive", "courriel": "mdph@example.org", "adresse": "1 rue de l'Exemple",
        "lien_source": AUTRE_SOURCE, "date_maj": AVANT}


def bilan(fiche, **valeurs):
    [resultat] = fusionner([fiche], [ligne(fiche.departement, **valeurs)], SOURCE, DATE).bilans
    return resultat


def natures(resultat) -> dict[str, Nature]:
    return {d.champ: d.nature for d in resultat.decisions}


def test_le_bloc_mdph_est_ajoute_avec_sa_propre_source_et_la_date_de_la_liste():
    fiche = plateforme("29", nom="Plateforme fictive", lien_source=AUTRE_SOURCE, statut_verification="source-publique")
    resultat = bilan(fiche, mdph__nom="MDPH fictive", mdph__site_web="https://example.org/mdph",
                     mdph__lien_source=PAGE_MDPH)
    assert resultat.fiche.mdph.nom == "MDPH fictive"
    assert resultat.fiche.mdph.site_web == "https://example.org/mdph"
    assert resultat.fiche.mdph.lien_source == PAGE_MDPH
    assert resultat.fiche.mdph.date_maj == DATE
    # The platform's own facts did not change: neither do their source, date and status.
    assert (resultat.fiche.lien_source, resultat.fiche.date_maj) == (AUTRE_SOURCE, AVANT)
    assert resultat.fiche.statut_verification is StatutVerification.SOURCE_PUBLIQUE
    assert natures(resultat)["mdph.lien_source"] is Nature.AJOUT


def test_un_bloc_mdph_n_est_jamais_affaibli_par_une_autre_page():
    fiche = plateforme("24", mdph=BLOC)
    resultat = bilan(fiche, mdph__nom="MDPH fictive", mdph__site_web="https://example.org/mdph",
                     mdph__lien_source=PAGE_MDPH)
    assert resultat.fiche is None
    [ignore] = resultat.de_nature(Nature.IGNORE)
    assert ignore.champ == "mdph.site_web"
    assert "mdph_courriel" in ignore.raison and "mdph_adresse" in ignore.raison


def test_la_meme_page_complete_un_bloc_verifie_avant_la_liste():
    fiche = plateforme("24", mdph=BLOC)
    resultat = bilan(fiche, mdph__nom="MDPH fictive", mdph__telephone="01 99 00 12 34",
                     mdph__lien_source=AUTRE_SOURCE)
    assert resultat.fiche.mdph.telephone == "+33199001234"
    assert resultat.fiche.mdph.courriel == "mdph@example.org"
    assert resultat.fiche.mdph.date_maj == DATE


def test_un_bloc_mdph_verifie_apres_la_liste_garde_ses_valeurs():
    fiche = plateforme("24", mdph={**BLOC, "date_maj": APRES})
    resultat = bilan(fiche, mdph__nom="Autre nom", mdph__telephone="01 99 00 12 34", mdph__lien_source=AUTRE_SOURCE)
    assert resultat.fiche is None
    assert natures(resultat) == {"mdph.nom": Nature.CONFLIT, "mdph.telephone": Nature.IGNORE}


def test_le_bloc_mdph_d_une_fiche_confirmee_n_est_pas_touche():
    fiche = plateforme("29", statut_verification="confirme", confirmation={"date": "2026-01-10", "moyen": "appel fictif"})
    resultat = bilan(fiche, mdph__nom="MDPH fictive", mdph__lien_source=PAGE_MDPH)
    assert resultat.fiche is None
    assert natures(resultat) == {"mdph.nom": Nature.IGNORE}


def test_un_bloc_mdph_sans_sa_page_est_refuse_en_nommant_la_colonne():
    fiche = plateforme("29")
    with pytest.raises(DonneesInvalides) as erreur:
        bilan(fiche, mdph__nom="MDPH fictive", mdph__site_web="https://example.org/mdph")
    assert "mdph_lien_source" in str(erreur.value)


def test_le_bloc_mdph_s_ecrit_nom_en_tete_et_date_en_clair():
    fiche = plateforme("29")
    nouvelle = bilan(fiche, mdph__nom="MDPH fictive", mdph__lien_source=PAGE_MDPH).fiche
    bloc = changements(fiche, nouvelle)["mdph"]
    assert [champ for champ, valeur in bloc.items() if valeur is not None] == ["nom", "lien_source", "date_maj"]
    assert bloc["date_maj"] == DATE and isinstance(bloc["date_maj"], dt.date)


# --- The command -------------------------------------------------------------------------------------


def ecrire_liste(dossier: Path, lignes: list[dict[str, str]]) -> Path:
    chemin = dossier / "mdph.csv"
    with chemin.open("w", encoding="utf-8", newline="") as fichier:
        ecrivain = csv.DictWriter(fichier, list(lignes[0]))
        ecrivain.writeheader()
        ecrivain.writerows(lignes)
    return chemin


def test_une_liste_de_mdph_s_importe_sans_source_et_ne_change_que_les_blocs(tmp_path, copie_des_donnees, capsys):
    avant = {p.departement: p for p in charger_plateformes(copie_des_donnees)}
    liste = ecrire_liste(tmp_path, [{"departement": "70", "mdph": "MDPH fictive", "mdph_site_web": "https://example.org/mdph",
                                     "mdph_telephone": "+33 1 99 00 12 34", "mdph_lien_source": PAGE_MDPH}])
    code = main(["import", str(liste), "--date", DATE.isoformat(), "--donnees", str(copie_des_donnees)])
    sortie = capsys.readouterr()
    assert code == 0, sortie.err
    apres = {p.departement: p for p in charger_plateformes(copie_des_donnees)}
    assert apres["70"].mdph.lien_source == PAGE_MDPH
    assert apres["70"].mdph.telephone == "+33199001234"  # "+33 …" is a number, not a spreadsheet formula
    assert apres["70"].model_copy(update={"mdph": None}) == avant["70"]
    assert {code for code in apres if apres[code] != avant[code]} == {"70"}
    assert "70 Haute-Saône : 4 ajoutés" in sortie.out


def test_une_liste_qui_donne_des_champs_de_plateforme_demande_sa_source(tmp_path, copie_des_donnees, capsys):
    liste = ecrire_liste(tmp_path, [{"departement": "70", "nom": "Plateforme fictive", "mdph": "MDPH fictive",
                                     "mdph_lien_source": PAGE_MDPH}])
    code = main(["import", str(liste), "--date", DATE.isoformat(), "--donnees", str(copie_des_donnees)])
    assert code == 1
    assert "--source manque" in capsys.readouterr().err
