"""CONTRIBUTING.md en deux parties : « Proposer une correction » pour tout le monde, puis
« Relire et publier » pour les responsables ; ce qu'il dit du site est vrai."""
import re

from tests.helpers.site import ROOT

GUIDE = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")


def _parties() -> dict[str, str]:
    sans_code = re.sub(r"```.*?```", "", GUIDE, flags=re.DOTALL)
    morceaux = re.split(r"^## (.+)$", sans_code, flags=re.MULTILINE)
    return dict(zip(morceaux[1::2], morceaux[2::2]))


def test_le_guide_a_deux_parties_dans_cet_ordre():
    assert list(_parties()) == ["Proposer une correction", "Relire et publier"]


def test_les_commandes_des_responsables_ne_sont_que_dans_la_seconde_partie():
    proposer, relire = _parties().values()
    for commande in ("from-issue", "/confirmer", "python -m emploi_accompagne import", "--empreinte"):
        assert commande not in proposer, commande
    for titre in ("Appliquer une proposition", "Confirmer, compléter, publier", "Importer une liste publiée"):
        assert f"### {titre}" in relire


def test_signaler_une_correction_mene_au_formulaire_comme_sur_le_site():
    proposer = _parties()["Proposer une correction"]
    assert "le lien **« Signaler une correction »** ouvre\nle formulaire du site" in proposer
    assert "**« Signaler une correction »**. Vous arrivez sur le fichier" not in GUIDE
    site = (ROOT / "emploi_accompagne/annuaire/templates/departement.md.j2").read_text(encoding="utf-8")
    assert ">Signaler une correction</a> : un formulaire simple" in site
    assert "[modifier directement le fichier](" in site
    assert "ouvrez\n   la section **« Pour les contributeurs »** et cliquez sur **« modifier\n   directement le fichier »**" in GUIDE


def test_le_guide_dit_ce_qui_se_passe_apres_l_envoi_comme_le_formulaire():
    proposer = " ".join(_parties()["Proposer une correction"].split())
    assert "dans les deux semaines" in proposer
    assert "le numéro publié par la MDPH ou par l'ARS" in proposer
    assert "« confirmée par la plateforme elle-même »" in proposer
