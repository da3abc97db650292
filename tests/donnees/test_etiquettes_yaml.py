"""Spécification : un fichier de données ne contient que des données.

Une étiquette YAML (`!ENV`, `!!str`, `!n_importe_quoi`) change ce qu'une valeur veut dire :
`nom: !ENV [GITHUB_TOKEN]` ferait publier par la construction une variable d'environnement.
Toute étiquette est refusée dans data/ (annuaire, glossaire, questionnaire) et dans le
fichier de correspondance d'un import, avec le fichier, la ligne et un message en français ;
seul mkdocs.yml lit `!ENV`, comme MkDocs.
"""
from __future__ import annotations

import pytest

from emploi_accompagne.annuaire.chargement import DonneesInvalides, analyser_yaml, charger_plateformes_texte
from emploi_accompagne.configuration import valider_extra
from emploi_accompagne.glossaire import charger_sigles
from emploi_accompagne.paths import ROOT
from emploi_accompagne.questionnaire import FICHIER_QUESTIONNAIRE, charger_questionnaire

from .test_chargement import numero_de_ligne, problemes, remplacer_dans_fiche

SECRET = "valeur-secrete-de-la-construction"


@pytest.fixture
def secret(monkeypatch):
    monkeypatch.setenv("SECRET_DE_TEST", SECRET)
    return "SECRET_DE_TEST"


@pytest.mark.parametrize(
    ("valeur", "etiquette"),
    [
        ("!ENV SECRET_DE_TEST", "!ENV"),  # the security report's case
        ("!ENV [SECRET_DE_TEST, Plateforme]", "!ENV"),
        ("!!str Plateforme", "!!str"),
        ("!!python/object/apply:os.system [echo]", "!!python/object/apply:os.system"),
        ("!Important Plateforme", "!Important"),  # a value that starts with "!" by mistake
        ("! Plateforme", "!"),
        ("!<tag:yaml.org,2002:str> Plateforme", "!!str"),
    ],
)
def test_une_etiquette_dans_l_annuaire_est_refusee_a_sa_ligne(yaml_valide, ecrire, secret, valeur, etiquette):
    texte = remplacer_dans_fiche(yaml_valide, "29", "  nom:\n", f"  nom: {valeur}\n")
    [p] = problemes(ecrire(texte))
    assert p["fichier"].endswith("plateformes.yaml")
    assert (p["dep"], p["champ"]) == ("29", "fichier")
    assert (int(p["ligne"]), int(p["colonne"])) == (numero_de_ligne(texte, f"  nom: {valeur}"), 8)
    assert p["message"].startswith(f"étiquette YAML « {etiquette} » refusée : un fichier de données ne contient que des valeurs")
    assert SECRET not in p["message"]


def test_une_etiquette_sur_un_groupe_ou_une_cle_est_refusee(yaml_valide, ecrire):
    texte = remplacer_dans_fiche(yaml_valide, "29", "  nom:\n", "  structure_gestionnaire: !Structure\n    nom: Association\n")
    [p] = problemes(ecrire(texte))
    assert "« !Structure »" in p["message"] and p["dep"] == "29"
    texte = remplacer_dans_fiche(yaml_valide, "29", "  nom:\n", "  !ENV nom: Plateforme\n")
    [p] = problemes(ecrire(texte))
    assert "« !ENV »" in p["message"]


def test_un_point_d_exclamation_entre_guillemets_reste_du_texte(yaml_valide):
    texte = remplacer_dans_fiche(yaml_valide, "29", "  nom:\n", '  nom: "!ENV SECRET_DE_TEST"\n')
    finistere = next(p for p in charger_plateformes_texte(texte) if p.departement == "29")
    assert finistere.nom == "!ENV SECRET_DE_TEST"


def test_une_proposition_ou_un_import_ne_peut_pas_ecrire_d_etiquette(yaml_valide, secret):
    """from-issue and import check the text they would write with charger_plateformes_texte."""
    texte = remplacer_dans_fiche(yaml_valide, "29", "  nom:\n", "  nom: !ENV SECRET_DE_TEST\n")
    with pytest.raises(DonneesInvalides) as erreur:
        charger_plateformes_texte(texte)
    assert "étiquette YAML « !ENV » refusée" in str(erreur.value) and SECRET not in str(erreur.value)


def test_le_glossaire_refuse_aussi_les_etiquettes(tmp_path, secret):
    path = tmp_path / "glossaire.yaml"
    path.write_text("- sigle: MDPH\n  developpe: !ENV SECRET_DE_TEST\n  definition: Le guichet.\n", encoding="utf-8")
    with pytest.raises(DonneesInvalides) as erreur:
        charger_sigles(path)
    [ligne] = str(erreur.value).splitlines()
    assert ligne.startswith(f"{path}:2:14: ") and "étiquette YAML « !ENV » refusée" in ligne


def test_le_questionnaire_refuse_aussi_les_etiquettes(tmp_path, secret):
    reel = FICHIER_QUESTIONNAIRE.read_text(encoding="utf-8")
    cle = next(l for l in reel.splitlines() if l.startswith("premiere_question:"))
    path = tmp_path / "questionnaire.yaml"
    path.write_text(reel.replace(cle, "premiere_question: !ENV SECRET_DE_TEST", 1), encoding="utf-8")
    with pytest.raises(DonneesInvalides) as erreur:
        charger_questionnaire(path)
    [ligne] = str(erreur.value).splitlines()
    assert f":{numero_de_ligne(reel, cle)}:20: " in ligne and "étiquette YAML « !ENV » refusée" in ligne


def test_la_correspondance_d_un_import_refuse_aussi_les_etiquettes():
    with pytest.raises(DonneesInvalides) as erreur:
        analyser_yaml("colonnes:\n  Dépt: !ENV departement\n", "correspondance.yaml")
    assert str(erreur.value).startswith("correspondance.yaml:2:9: ")


def test_seul_mkdocs_yml_lit_env(monkeypatch):
    monkeypatch.setenv("COURRIEL_PROPOSITIONS", "annuaire@example.org")
    assert "!ENV [COURRIEL_PROPOSITIONS" in (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert valider_extra().annuaire.courriel_propositions == "annuaire@example.org"
