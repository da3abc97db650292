"""Spécification : une adresse e-mail écrite comme un logiciel de messagerie l'affiche,
entre guillemets ou entre chevrons (« "contact@x.fr" », « <contact@x.fr> »), est acceptée
par les trois chemins (check, import, from-issue) : la seule paire autour de l'adresse est
retirée, rien d'autre ne change ; une adresse mal fermée ou avec un nom devant reste refusée."""
from __future__ import annotations

import pytest
from pydantic import TypeAdapter, ValidationError

from emploi_accompagne.__main__ import main
from emploi_accompagne.annuaire import ecriture
from emploi_accompagne.annuaire.chargement import DonneesInvalides, charger_plateformes, charger_plateformes_texte
from emploi_accompagne.annuaire.modele import Courriel
from tests.importation.test_commande import annuaire_vide
from tests.propositions.conftest import lancer, proposition  # noqa: F401 (lancer: the fixture)
from tests.propositions.test_from_issue import COMPLETE, fiche

ADRESSE = "contact@exemple.fr"
ECRITURES = ['"contact@exemple.fr"', "<contact@exemple.fr>", "« contact@exemple.fr »", "'contact@exemple.fr'",
             "“contact@exemple.fr”", " <contact@exemple.fr> "]
REFUSEES = ['"contact@exemple.fr', "<contact@exemple.fr", "contact@exemple.fr>", 'co"ntact@exemple.fr',
            "Contact <contact@exemple.fr>", '<"contact@exemple.fr">', "<>", '""']


@pytest.mark.parametrize("ecrite", ECRITURES)
def test_le_modele_retire_les_guillemets_ou_les_chevrons_autour_de_l_adresse(ecrite):
    assert TypeAdapter(Courriel).validate_python(ecrite) == ADRESSE


@pytest.mark.parametrize("ecrite", REFUSEES)
def test_une_adresse_mal_encadree_reste_refusee(ecrite):
    with pytest.raises(ValidationError):
        TypeAdapter(Courriel).validate_python(ecrite)


def _yaml(courriel: str) -> str:
    return ecriture.remplacer_fiche(annuaire_vide(), "29", {
        "statut_verification": "source-publique", "courriel": courriel, "lien_source": "https://example.org/source",
    })


@pytest.mark.parametrize("ecrite", ECRITURES)
def test_check_et_le_site_acceptent_l_adresse_entre_guillemets(ecrite, tmp_path):
    chemin = tmp_path / "plateformes.yaml"
    chemin.write_text(_yaml(ecrite), encoding="utf-8")
    # The loader of `check` and of the build; the page and the exports show the bare address.
    [finistere] = [p for p in charger_plateformes(chemin) if p.departement == "29"]
    assert finistere.courriel == ADRESSE


@pytest.mark.parametrize("ecrite", REFUSEES)
def test_check_refuse_une_adresse_mal_encadree(ecrite):
    with pytest.raises(DonneesInvalides) as erreur:
        charger_plateformes_texte(_yaml(ecrite), "plateformes.yaml")
    assert "courriel" in str(erreur.value)


@pytest.mark.parametrize("ecrite", ECRITURES)
def test_l_import_ecrit_l_adresse_sans_ses_guillemets(ecrite, tmp_path, capsys):
    donnees = tmp_path / "plateformes.yaml"
    donnees.write_text(annuaire_vide(), encoding="utf-8")
    cellule = '"' + ecrite.replace('"', '""') + '"'  # as a spreadsheet saves a cell with quotes
    liste = tmp_path / "liste.csv"
    liste.write_text(f"departement,courriel\n29,{cellule}\n", encoding="utf-8")
    code = main(["import", str(liste), "--source", "https://example.org/liste", "--date", "2026-06-01",
                 "--donnees", str(donnees)])
    assert code == 0, capsys.readouterr().err
    assert f"  courriel: {ADRESSE}\n" in donnees.read_text(encoding="utf-8")


@pytest.mark.parametrize("ecrite", ECRITURES)
def test_from_issue_ecrit_l_adresse_sans_ses_guillemets(ecrite, lancer):  # noqa: F811
    sortie = lancer(proposition({**COMPLETE, "courriel": ecrite}), "--numero", "12", "--date", "2026-11-30")
    assert sortie.code == 0, sortie.stderr
    assert fiche(sortie.apres, "29")["courriel"] == ADRESSE


@pytest.mark.parametrize("ecrite", REFUSEES[:4])
def test_from_issue_refuse_une_adresse_mal_encadree(ecrite, lancer):  # noqa: F811
    sortie = lancer(proposition({**COMPLETE, "courriel": ecrite}), "--numero", "12", "--date", "2026-11-30")
    assert sortie.code == 1 and sortie.inchange
