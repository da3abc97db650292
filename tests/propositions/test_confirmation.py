"""Spécification : rien n'est publié sans une page publique (lien_source) ou une confirmation
de première main, notée par un responsable (bloc confirmation : date, moyen) ; le statut
« confirme » exige cette confirmation."""

import json

import pytest

from emploi_accompagne.__main__ import SCHEMA_FILE
from emploi_accompagne.annuaire.chargement import (
    FICHIER_PLATEFORMES,
    DonneesInvalides,
    charger_plateformes_texte,
)
from emploi_accompagne.annuaire.ecriture import remplacer_fiche
from emploi_accompagne.annuaire.modele import StatutVerification

REEL = FICHIER_PLATEFORMES.read_text(encoding="utf-8")
CONFIRMATION = {"date": "2026-11-30", "moyen": "appel au numéro publié par l'ARS"}


def fiche_29(texte):
    return next(p for p in charger_plateformes_texte(texte) if p.departement == "29")


def probleme(texte) -> str:
    with pytest.raises(DonneesInvalides) as erreur:
        charger_plateformes_texte(texte)
    [ligne] = str(erreur.value).splitlines()
    return ligne


def test_un_contact_confirme_par_la_plateforme_se_publie_sans_page_publique():
    texte = remplacer_fiche(
        REEL,
        "29",
        {
            "telephone": "02 98 00 00 00",
            "statut_verification": "confirme",
            "confirmation": CONFIRMATION,
        },
    )
    fiche = fiche_29(texte)
    assert fiche.statut_verification is StatutVerification.CONFIRME
    assert fiche.confirmation.moyen == "appel au numéro publié par l'ARS"
    assert str(fiche.confirmation.date) == "2026-11-30"


def test_un_contact_sans_page_publique_ni_confirmation_est_refuse():
    ligne = probleme(remplacer_fiche(REEL, "29", {"telephone": "02 98 00 00 00"}))
    assert "[département 29] lien_source: lien_source manquant" in ligne
    assert "confirmation" in ligne


def test_le_statut_confirme_sans_confirmation_est_refuse_a_la_ligne_de_la_fiche():
    texte = remplacer_fiche(REEL, "29", {"statut_verification": "confirme"})
    ligne = probleme(texte)
    numero = texte[: texte.index('- departement: "29"')].count("\n") + 1
    assert ligne.startswith(f"data/plateformes.yaml:{numero}:")
    assert "[département 29] confirmation: confirmation manquante" in ligne


@pytest.mark.parametrize(
    "confirmation, champ, message",
    [
        ({"date": "2999-01-01", "moyen": "appel"}, "confirmation.date", "futur"),
        ({"date": "30/11/2026", "moyen": "appel"}, "confirmation.date", "AAAA-MM-JJ"),
        ({"date": "2026-11-30"}, "confirmation.moyen", "champ obligatoire manquant"),
        (
            {"date": "2026-11-30", "moyen": "appel", "par": "Jean Dupont"},
            "confirmation.par",
            "champ inconnu",
        ),
    ],
)
def test_une_confirmation_mal_remplie_est_signalee_a_son_champ(
    confirmation, champ, message
):
    texte = remplacer_fiche(
        REEL, "29", {"statut_verification": "confirme", "confirmation": confirmation}
    )
    ligne = probleme(texte)
    assert f"] {champ}: " in ligne and message in ligne


def test_le_schema_json_decrit_le_bloc_confirmation():
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    confirmation = schema["$defs"]["Confirmation"]
    assert set(confirmation["required"]) == {"date", "moyen"}
    assert confirmation["additionalProperties"] is False
