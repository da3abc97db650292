"""L'e-mail que prépare le formulaire du site est en français simple (« Téléphone : » puis la
valeur, « (pas de réponse) » pour un champ vide), et from-issue le lit comme une issue GitHub."""
from emploi_accompagne.annuaire import page_proposer

from .conftest import proposition
from .test_from_issue import COMPLETE, DATE, fiche


def _courriel(valeurs: dict[str, str]) -> str:
    """The body as the site's form writes it (the browser test checks the script writes the same)."""
    return page_proposer.bloc(valeurs).replace("\n", "\r\n")


def test_l_e_mail_du_formulaire_se_lit_sans_diese_ni_anglais():
    texte = _courriel({**COMPLETE, "code_postal": ""})
    assert "###" not in texte and "_No response_" not in texte
    assert "Téléphone :\r\n02 98 00 00 00" in texte
    assert "Code postal :\r\n(pas de réponse)" in texte


def test_from_issue_lit_l_e_mail_du_formulaire_comme_l_issue_github(lancer, tmp_path):
    par_courriel = lancer(_courriel(COMPLETE), "--date", DATE)
    assert par_courriel.code == 0, par_courriel.stderr
    par_github = lancer(proposition(COMPLETE), "--date", DATE)
    assert par_github.code == 0, par_github.stderr
    assert fiche(par_courriel.apres, "29") == fiche(par_github.apres, "29")


def test_un_champ_vide_de_l_e_mail_reste_vide_dans_la_fiche(lancer):
    valeurs = {"departement": "29", "nom": "Plateforme du Finistère", "source": COMPLETE["source"]}
    sortie = lancer(_courriel(valeurs), "--date", DATE)
    assert sortie.code == 0, sortie.stderr
    f = fiche(sortie.apres, "29")
    assert f["nom"] == "Plateforme du Finistère"
    assert "(pas de réponse)" not in str(f)
    assert f == fiche(lancer(proposition(valeurs), "--date", DATE).apres, "29")


def test_le_contact_prive_de_l_e_mail_n_entre_jamais_dans_la_fiche(lancer):
    valeurs = {"departement": "29", "nom": "Plateforme du Finistère", "source": COMPLETE["source"],
               "contact": "prenom.nom@exemple.org"}
    sortie = lancer(_courriel(valeurs), "--date", DATE)
    assert sortie.code == 0, sortie.stderr
    assert "prenom.nom" not in sortie.apres and "prenom.nom" not in sortie.stdout
