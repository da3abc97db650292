"""Spécification : le glossaire (data/glossaire.yaml) et les réglages de l'éditeur (mkdocs.yml,
`extra:`) sont vérifiés comme l'annuaire : une ligne en français par problème,
`fichier:ligne:colonne: [rubrique] champ: message`, et rien n'est construit."""
from pathlib import Path

import pytest

from emploi_accompagne.annuaire.chargement import DonneesInvalides
from emploi_accompagne.configuration import valider_extra
from emploi_accompagne.glossaire import FICHIER_GLOSSAIRE, charger_sigles
from emploi_accompagne.paths import ROOT


def lignes_d_erreur(fonction, path: Path) -> list[str]:
    with pytest.raises(DonneesInvalides) as erreur:
        fonction(path)
    return str(erreur.value).splitlines()


@pytest.fixture
def glossaire(tmp_path):
    def _ecrire(texte: str) -> Path:
        path = tmp_path / "glossaire.yaml"
        path.write_text(texte, encoding="utf-8")
        return path

    return _ecrire


@pytest.fixture
def mkdocs_yml(tmp_path):
    reel = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")

    def _ecrire(avant: str, apres: str) -> Path:
        assert avant in reel
        path = tmp_path / "mkdocs.yml"
        path.write_text(reel.replace(avant, apres, 1), encoding="utf-8")
        return path

    return _ecrire


def test_le_vrai_glossaire_est_valide_et_trie():
    sigles = charger_sigles()
    assert len(sigles) >= 30
    assert [s.sigle.casefold() for s in sigles] == sorted(s.sigle.casefold() for s in sigles)


def test_un_champ_manquant_du_glossaire_est_situe(glossaire):
    path = glossaire("- sigle: MDPH\n  developpe: Maison départementale\n  definition: Le guichet.\n- sigle: RQTH\n  developpe: Reconnaissance\n")
    assert lignes_d_erreur(charger_sigles, path) == [f"{path}:4:3: [sigle RQTH] definition: champ obligatoire manquant"]


def test_un_champ_inconnu_du_glossaire_est_situe_sur_sa_cle(glossaire):
    path = glossaire("- sigle: MDPH\n  developpe: Maison\n  definition: Le guichet.\n  defintion: faute\n")
    (ligne,) = lignes_d_erreur(charger_sigles, path)
    assert ligne.startswith(f"{path}:4:3: [sigle MDPH] defintion: champ inconnu")


def test_un_sigle_en_double_est_refuse(glossaire):
    entree = "- sigle: ESAT\n  developpe: Établissement\n  definition: Un lieu de travail.\n"
    (ligne,) = lignes_d_erreur(charger_sigles, glossaire(entree + entree))
    assert ":4:3: [sigle ESAT] sigle: sigle en double (déjà à la ligne 1)" in ligne


def test_une_erreur_de_syntaxe_du_glossaire_est_situee(glossaire):
    (ligne,) = lignes_d_erreur(charger_sigles, glossaire("- sigle: MDPH\n\tdeveloppe: x\n"))
    assert ":2:1: " in ligne and "tabulation interdite" in ligne


def test_le_fichier_du_glossaire_est_celui_de_data():
    assert FICHIER_GLOSSAIRE == ROOT / "data" / "glossaire.yaml"


def test_une_valeur_venue_de_l_environnement_est_verifiee_aussi(monkeypatch):
    """`!ENV [COURRIEL_PROPOSITIONS, ""]`: the address a publisher gives at build time."""
    monkeypatch.setenv("COURRIEL_PROPOSITIONS", "annuaire@example.org")
    assert valider_extra().annuaire.courriel_propositions == "annuaire@example.org"
    monkeypatch.setenv("COURRIEL_PROPOSITIONS", "pas-un-mail")
    (ligne,) = lignes_d_erreur(valider_extra, ROOT / "mkdocs.yml")
    assert "[extra] annuaire.courriel_propositions: adresse e-mail invalide" in ligne


def test_les_reglages_de_l_editeur_du_depot_sont_valides():
    extra = valider_extra()
    assert extra.hebergeur.nom.startswith("GitHub")
    assert extra.generator is False


def test_une_rubrique_inconnue_de_extra_est_refusee(mkdocs_yml):
    # `analytics` would make Material load a tracker: never accepted.
    path = mkdocs_yml("  generator: false\n", "  generator: false\n  analytics:\n    provider: google\n")
    (ligne,) = lignes_d_erreur(valider_extra, path)
    numero = path.read_text(encoding="utf-8").splitlines().index("  analytics:") + 1
    assert ligne.startswith(f"mkdocs.yml:{numero}:3: [extra] analytics: champ inconnu")


def test_une_faute_dans_le_nom_d_un_champ_de_l_editeur_est_situee(mkdocs_yml):
    path = mkdocs_yml("    directeur_publication:", "    directeur_publicaton:")
    (ligne,) = lignes_d_erreur(valider_extra, path)
    assert "[extra] editeur.directeur_publicaton: champ inconnu" in ligne


def test_l_adresse_des_propositions_doit_etre_un_e_mail(mkdocs_yml):
    path = mkdocs_yml('courriel_propositions: !ENV [COURRIEL_PROPOSITIONS, ""]', "courriel_propositions: pas-un-mail")
    (ligne,) = lignes_d_erreur(valider_extra, path)
    assert "[extra] annuaire.courriel_propositions: adresse e-mail invalide" in ligne
