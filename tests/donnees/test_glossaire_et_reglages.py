"""Spécification : le glossaire (data/glossaire.yaml) et les réglages de l'éditeur (mkdocs.yml,
`extra:`) sont vérifiés comme l'annuaire : une ligne en français par problème,
`fichier:ligne:colonne: [rubrique] champ: message`, et rien n'est construit."""
from pathlib import Path

import pytest

from emploi_accompagne.annuaire.chargement import DonneesInvalides
from emploi_accompagne.configuration import valider_extra
from emploi_accompagne.glossaire import FICHIER_GLOSSAIRE, charger_glossaire, charger_sigles, glossaire_markdown
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
    entrees = charger_glossaire()
    assert len(charger_sigles()) >= 30
    assert [e.nom.casefold() for e in entrees] == sorted(e.nom.casefold() for e in entrees)


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


def test_un_terme_qui_n_est_pas_un_sigle_a_sa_definition_sans_infobulle(glossaire):
    path = glossaire("- sigle: MDPH\n  developpe: Maison départementale\n  definition: Le guichet.\n"
                     "- terme: convention d'appui\n  definition: Le soutien de l'ESAT.\n")
    entrees = charger_glossaire(path)
    assert [e.nom for e in entrees] == ["convention d'appui", "MDPH"]
    assert [s.sigle for s in charger_sigles(path)] == ["MDPH"]
    assert "convention d'appui { #convention-d-appui }\n: Le soutien de l'ESAT." in glossaire_markdown(entrees)


def test_un_sigle_technique_garde_son_infobulle_mais_quitte_la_page_glossaire(glossaire):
    path = glossaire("- sigle: CSS\n  technique: true\n  developpe: Cascading Style Sheets\n  definition: Un langage.\n")
    assert [s.sigle for s in charger_sigles(path)] == ["CSS"]
    assert glossaire_markdown(charger_glossaire(path)) == ""


def test_une_entree_est_un_sigle_ou_un_terme(glossaire):
    path = glossaire("- sigle: MDPH\n  terme: Maison\n  developpe: Maison\n  definition: Le guichet.\n"
                     "- terme: Cap emploi\n  developpe: x\n  definition: Un réseau.\n"
                     "- sigle: RQTH\n  definition: La reconnaissance.\n")
    lignes = lignes_d_erreur(charger_glossaire, path)
    assert len(lignes) == 3, lignes
    assert lignes[0].startswith(f"{path}:1:3: [sigle MDPH]") and "soit « sigle: »" in lignes[0]
    assert lignes[1].startswith(f"{path}:5:3: [terme Cap emploi]") and "un terme n'a ni « developpe: »" in lignes[1]
    assert lignes[2].startswith(f"{path}:8:3: [sigle RQTH]") and "demande « developpe: »" in lignes[2]


def test_un_terme_en_double_est_refuse_meme_avec_une_autre_casse(glossaire):
    path = glossaire("- terme: Cap emploi\n  definition: Un réseau.\n- terme: cap emploi\n  definition: Le même.\n")
    (ligne,) = lignes_d_erreur(charger_glossaire, path)
    assert ":3:3: [terme cap emploi] terme: terme en double (déjà à la ligne 1)" in ligne


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
