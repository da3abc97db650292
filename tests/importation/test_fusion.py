"""Spécification des règles de fusion : une liste remplit les champs vides ou plus anciens,
ne touche jamais une fiche confirmée ou plus récente, et signale chaque désaccord."""
from __future__ import annotations

import datetime as dt

import pytest

from emploi_accompagne.annuaire.chargement import DonneesInvalides
from emploi_accompagne.annuaire.importation.fusion import (
    Nature,
    changements,
    decider,
    fusionner,
    valeurs_de_ligne,
)
from emploi_accompagne.annuaire.modele import StatutVerification

from .conftest import (
    APRES,
    AUTRE_SOURCE,
    AVANT,
    CONFIRMATION,
    DATE,
    SOURCE,
    ligne,
    plateforme,
)


def fusion_d_une_fiche(fiche, **valeurs):
    [bilan] = fusionner([fiche], [ligne(fiche.departement, **valeurs)], SOURCE, DATE).bilans
    return bilan


def natures(bilan) -> dict[str, Nature]:
    return {d.champ: d.nature for d in bilan.decisions}


# --- Fill, keep, replace ---------------------------------------------------------------------------


def test_un_champ_vide_est_rempli_et_la_fiche_prend_la_source_et_la_date_de_la_liste():
    bilan = fusion_d_une_fiche(plateforme(), telephone="01 99 00 00 00", nom="Plateforme fictive")
    assert natures(bilan) == {"telephone": Nature.AJOUT, "nom": Nature.AJOUT}
    fiche = bilan.fiche
    assert fiche.telephone == "+33199000000" and fiche.nom == "Plateforme fictive"
    assert fiche.lien_source == SOURCE and fiche.date_maj == DATE
    assert fiche.statut_verification is StatutVerification.SOURCE_PUBLIQUE


def test_une_valeur_deja_presente_sous_une_autre_ecriture_ne_change_rien():
    fiche = plateforme(telephone="+33199000000", courriel="contact@example.org", lien_source=SOURCE)
    bilan = fusion_d_une_fiche(fiche, telephone="01 99 00 00 00", courriel="contact@EXAMPLE.org")
    assert set(natures(bilan).values()) == {Nature.IDENTIQUE}
    assert bilan.fiche is None  # no new source or date on a fiche the list does not change


def test_une_fiche_plus_ancienne_que_la_liste_prend_la_valeur_de_la_liste():
    fiche = plateforme(telephone="01 99 00 00 00", lien_source=SOURCE, date_maj=AVANT)
    bilan = fusion_d_une_fiche(fiche, telephone="01 99 00 00 01")
    assert natures(bilan) == {"telephone": Nature.MODIFICATION}
    assert bilan.fiche.telephone == "+33199000001"


def test_une_fiche_verifiee_le_jour_meme_garde_sa_valeur_et_le_conflit_est_signale():
    fiche = plateforme(telephone="01 99 00 00 00", lien_source=SOURCE, date_maj=DATE)
    bilan = fusion_d_une_fiche(fiche, telephone="01 99 00 00 01")
    [decision] = bilan.decisions
    assert decision.nature is Nature.CONFLIT
    assert (decision.dans_fichier, decision.dans_liste) == ("+33199000000", "+33199000001")
    assert bilan.fiche is None


def test_une_fiche_sourcee_plus_recente_que_la_liste_n_est_pas_touchee():
    fiche = plateforme(telephone="01 99 00 00 00", lien_source=AUTRE_SOURCE, date_maj=APRES)
    bilan = fusion_d_une_fiche(fiche, telephone="01 99 00 00 01", courriel="contact@example.org")
    assert natures(bilan) == {"telephone": Nature.CONFLIT, "courriel": Nature.IGNORE}
    assert all("après la date de la liste" in d.raison or "pas avant" in d.raison for d in bilan.decisions)
    assert bilan.fiche is None


def test_une_fiche_vide_plus_recente_que_la_liste_est_remplie_a_la_date_de_la_liste():
    # The 101 blank fiches carry the date someone looked and found nothing: a list published
    # earlier still fills them, and the fiche then says how old its facts are.
    fiche = plateforme(date_maj=APRES)
    bilan = fusion_d_une_fiche(fiche, courriel="contact@example.org")
    assert natures(bilan) == {"courriel": Nature.AJOUT}
    assert bilan.fiche.date_maj == DATE < APRES


def test_une_fiche_confirmee_par_la_plateforme_n_est_jamais_modifiee():
    fiche = plateforme(
        telephone="01 99 00 00 00", lien_source=AUTRE_SOURCE, date_maj=AVANT, statut_verification="confirme",
        confirmation=CONFIRMATION,
    )
    bilan = fusion_d_une_fiche(fiche, telephone="01 99 00 00 01", courriel="contact@example.org")
    assert natures(bilan) == {"telephone": Nature.CONFLIT, "courriel": Nature.IGNORE}
    assert {d.raison for d in bilan.decisions} == {"fiche confirmée par la plateforme"}
    assert bilan.fiche is None


# --- Lists and nested fields ----------------------------------------------------------------------


def test_une_liste_de_noms_remplit_une_liste_vide_mais_ne_remplace_jamais_une_liste_remplie():
    vide = fusion_d_une_fiche(plateforme(), partenaires=("Association Alpha", "Association Beta"))
    assert [p.nom for p in vide.fiche.partenaires] == ["Association Alpha", "Association Beta"]

    remplie = plateforme(partenaires=[{"nom": "Association Alpha", "site_web": "https://example.org/alpha"}])
    bilan = fusion_d_une_fiche(remplie, partenaires=("Association Gamma",))
    assert natures(bilan) == {"partenaires": Nature.CONFLIT}  # even though the fiche is older
    assert bilan.decisions[0].dans_fichier == ("Association Alpha",)


def test_le_siret_d_une_structure_gestionnaire_sans_nom_n_est_pas_enregistre():
    bilan = fusion_d_une_fiche(plateforme(), structure_gestionnaire__siret="12345678901234")
    assert natures(bilan) == {"structure_gestionnaire.siret": Nature.IGNORE}
    assert bilan.fiche is None

    fiche = plateforme(structure_gestionnaire={"nom": "Association Fictive"})
    bilan = fusion_d_une_fiche(fiche, structure_gestionnaire__siret="12345678901234")
    assert bilan.fiche.structure_gestionnaire.model_dump(exclude_none=True) == {
        "nom": "Association Fictive",
        "siret": "12345678901234",
    }


# --- One source per fiche --------------------------------------------------------------------------


def test_une_fiche_qui_garde_un_contact_d_une_autre_source_n_est_pas_completee():
    # Once the list is the fiche's lien_source, it would seem to back this phone number too.
    fiche = plateforme(telephone="01 99 00 00 00", lien_source=AUTRE_SOURCE)
    bilan = fusion_d_une_fiche(fiche, courriel="contact@example.org")
    [decision] = bilan.decisions
    assert decision.nature is Nature.IGNORE and "telephone" in decision.raison
    assert bilan.fiche is None


def test_une_fiche_dont_la_liste_reprend_tous_les_contacts_est_completee():
    fiche = plateforme(telephone="01 99 00 00 00", lien_source=AUTRE_SOURCE, remarques="Accueil sur rendez-vous.")
    bilan = fusion_d_une_fiche(fiche, telephone="+33 1 99 00 00 00", courriel="contact@example.org")
    assert natures(bilan) == {"telephone": Nature.IDENTIQUE, "courriel": Nature.AJOUT}
    assert bilan.fiche.lien_source == SOURCE
    assert bilan.fiche.remarques == "Accueil sur rendez-vous."  # a note needs no source


def test_une_antenne_avec_des_coordonnees_sans_source_propre_bloque_le_changement_de_source():
    fiche = plateforme(lien_source=AUTRE_SOURCE, sites=[{"nom": "Antenne fictive", "telephone": "01 99 00 00 02"}])
    bilan = fusion_d_une_fiche(fiche, sites=("Antenne fictive",), courriel="contact@example.org")
    assert natures(bilan)["courriel"] is Nature.IGNORE
    assert "coordonnées des sites" in bilan.decisions[-1].raison


def test_des_contacts_confirmes_par_la_plateforme_ne_passent_pas_sous_la_source_de_la_liste():
    fiche = plateforme(telephone="01 99 00 00 00", statut_verification="source-publique", confirmation=CONFIRMATION)
    bilan = fusion_d_une_fiche(fiche, courriel="contact@example.org")
    assert natures(bilan) == {"courriel": Nature.IGNORE} and "telephone" in bilan.decisions[0].raison

    avec_le_meme_numero = fusion_d_une_fiche(fiche, telephone="01 99 00 00 00", courriel="contact@example.org")
    assert avec_le_meme_numero.fiche.confirmation == fiche.confirmation  # still true of the number


def test_une_nouvelle_version_de_la_meme_liste_complete_la_fiche():
    fiche = plateforme(telephone="01 99 00 00 00", lien_source=SOURCE)
    bilan = fusion_d_une_fiche(fiche, courriel="contact@example.org")
    assert natures(bilan) == {"courriel": Nature.AJOUT}
    assert bilan.fiche.telephone == "+33199000000"


# --- Values checked by the model, errors at their cell ----------------------------------------------


def test_les_valeurs_de_la_liste_sont_normalisees_par_le_modele():
    valeurs = valeurs_de_ligne(
        ligne("974", telephone="02 62 00 00 00", code_postal="97400", sites=("Antenne Nord", "Antenne Sud")),
        SOURCE,
        DATE,
    )
    assert valeurs == {"telephone": "+262262000000", "code_postal": "97400", "sites": ("Antenne Nord", "Antenne Sud")}


def test_chaque_valeur_invalide_est_signalee_a_sa_cellule_avec_son_departement():
    lignes = [
        ligne("29", numero=3, telephone="12", courriel="contact@example.org"),
        ligne("56", numero=7, courriel="pas-une-adresse", site_web="http://example.org"),
    ]
    with pytest.raises(DonneesInvalides) as erreur:
        fusionner([plateforme("29"), plateforme("56")], lignes, SOURCE, DATE)
    problemes = [(p.ligne, p.colonne, p.departement, p.champ) for p in erreur.value.problemes]
    assert problemes == [(3, 4, "29", "telephone"), (7, 4, "56", "courriel"), (7, 5, "56", "site_web")]
    messages = str(erreur.value)
    assert "numéro de téléphone invalide" in messages and "https://" in messages


def test_un_nom_trop_long_dans_une_liste_de_noms_est_situe():
    with pytest.raises(DonneesInvalides) as erreur:
        fusionner([plateforme()], [ligne(partenaires=("Court", "x" * 300))], SOURCE, DATE)
    [probleme] = erreur.value.problemes
    assert probleme.champ == "partenaires" and probleme.message.startswith("élément 2 : texte trop long")


# --- What the YAML writer receives -------------------------------------------------------------------


def test_les_changements_sont_les_seuls_champs_de_premier_niveau_qui_different():
    ancienne = plateforme(structure_gestionnaire={"nom": "Association Fictive"})
    bilan = fusion_d_une_fiche(ancienne, telephone="01 99 00 00 00", structure_gestionnaire__siret="12345678901234")
    assert changements(ancienne, bilan.fiche) == {
        "statut_verification": "source-publique",
        "date_maj": DATE,
        "telephone": "+33199000000",
        "structure_gestionnaire": {"nom": "Association Fictive", "siret": "12345678901234", "site_web": None},
        "lien_source": SOURCE,
    }
    assert isinstance(changements(ancienne, bilan.fiche)["date_maj"], dt.date)


def test_decider_ne_depend_que_de_la_fiche_de_la_liste_de_la_source_et_de_la_date():
    fiche = plateforme(telephone="01 99 00 00 00", lien_source=SOURCE, date_maj=AVANT)
    valeurs = {"telephone": "+33199000001"}
    assert decider(fiche, valeurs, SOURCE, AVANT - dt.timedelta(days=1))[0].nature is Nature.CONFLIT
    assert decider(fiche, valeurs, SOURCE, AVANT)[0].nature is Nature.CONFLIT
    assert decider(fiche, valeurs, SOURCE, AVANT + dt.timedelta(days=1))[0].nature is Nature.MODIFICATION
