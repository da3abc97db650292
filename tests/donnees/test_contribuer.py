"""Le guide des contributeurs décrit chaque champ du modèle, et son exemple est une fiche valide."""
import re

import yaml

from emploi_accompagne.__main__ import fichiers_derives_du_modele
from emploi_accompagne.annuaire.guide import guide_a_jour
from emploi_accompagne.annuaire.modele import CONTEXT_DEPARTEMENT, Plateforme, Site, Structure
from emploi_accompagne.paths import ROOT

GUIDE = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")


def test_chaque_champ_du_modele_est_explique_dans_le_guide():
    champs = set(Plateforme.model_fields) | set(Site.model_fields) | set(Structure.model_fields)
    absents = sorted(c for c in champs if f"`{c}`" not in GUIDE)
    assert not absents, f"champs absents de CONTRIBUTING.md : {absents}"


def test_l_exemple_du_guide_est_une_fiche_valide():
    exemple = re.search(r"```yaml\n(.*?)```", GUIDE, re.S).group(1)
    [fiche] = yaml.load(exemple, Loader=yaml.BaseLoader)
    Plateforme.model_validate(fiche, context={CONTEXT_DEPARTEMENT: fiche["departement"]})


def test_le_tableau_des_champs_du_guide_est_celui_du_modele():
    """Written by `python -m emploi_accompagne generer` from the model's descriptions and examples."""
    assert guide_a_jour(GUIDE) == GUIDE, "CONTRIBUTING.md n'est pas à jour : lancer `python -m emploi_accompagne generer`"


def test_tout_ce_qui_vient_du_modele_est_a_jour():
    """The JSON Schema, the GitHub issue form and the guide's table: one command rewrites them all."""
    perimes = [str(chemin) for chemin, texte in fichiers_derives_du_modele().items() if chemin.read_text(encoding="utf-8") != texte]
    assert not perimes, f"pas à jour : {perimes} ; lancer `python -m emploi_accompagne generer`"
