"""Spécification : le formulaire d'issue « Proposer une fiche » est généré depuis
formulaire.CHAMPS (il ne peut pas être en retard), est valide pour GitHub, ne demande rien de
personnel, et le lien des pages de département l'ouvre avec le département déjà rempli."""
import subprocess
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml

from emploi_accompagne.__main__ import main
from emploi_accompagne.annuaire import formulaire_github
from emploi_accompagne.annuaire.formulaire import (
    CHAMPS,
    ETIQUETTE_PROPOSITION,
    FICHIER_FORMULAIRE_GITHUB,
)
from emploi_accompagne.annuaire.formulaire_github import (
    CHEMIN_FORMULAIRE_GITHUB,
    formulaire_github_texte,
    url_proposition_github,
)
from emploi_accompagne.annuaire.modele import CODES_DEPARTEMENTS
from emploi_accompagne.annuaire.proposition import lire_blocs, lire_departement
from emploi_accompagne.paths import ROOT

FORMULAIRE = yaml.safe_load(CHEMIN_FORMULAIRE_GITHUB.read_text(encoding="utf-8"))
ELEMENTS = {e["id"]: e for e in FORMULAIRE["body"] if "id" in e}
DEPOT = "https://github.com/exemple/emploi-accompagne"


def test_le_formulaire_committe_est_celui_que_genere_formulaire_py():
    assert CHEMIN_FORMULAIRE_GITHUB.read_text(encoding="utf-8") == formulaire_github_texte(), (
        f"{FICHIER_FORMULAIRE_GITHUB} est périmé : lancer `python -m emploi_accompagne formulaire-github`"
    )


def test_la_commande_check_echoue_quand_le_formulaire_est_perime(tmp_path, monkeypatch, capsys):
    perime = tmp_path / "proposer-une-fiche.yml"
    perime.write_text(formulaire_github_texte().replace("Département", "Departement"), encoding="utf-8")
    monkeypatch.setattr(formulaire_github, "CHEMIN_FORMULAIRE_GITHUB", perime)
    assert main(["formulaire-github", "--check"]) == 1
    assert "n'est pas à jour" in capsys.readouterr().err
    assert main(["formulaire-github"]) == 0
    assert main(["formulaire-github", "--check"]) == 0
    assert perime.read_text(encoding="utf-8") == formulaire_github_texte()


def test_le_formulaire_est_valide_selon_le_schema_des_formulaires_github():
    resultat = subprocess.run(
        [str(ROOT / ".venv/bin/check-jsonschema"), "--builtin-schema", "vendor.github-issue-forms", str(CHEMIN_FORMULAIRE_GITHUB)],
        capture_output=True, text=True, timeout=120, check=False,
    )
    assert resultat.returncode == 0, resultat.stdout + resultat.stderr


def test_seuls_les_champs_publics_y_figurent_dans_l_ordre_de_champs():
    publics = [c for c in CHAMPS if c.public]
    assert list(ELEMENTS) == [c.id for c in publics]
    assert "contact" not in ELEMENTS
    for champ in publics:
        element = ELEMENTS[champ.id]
        assert element["attributes"]["label"] == champ.libelle
        assert element.get("validations", {}).get("required", False) == champ.obligatoire


def test_chaque_type_de_champ_devient_le_bon_element_et_le_departement_reste_preremplissable():
    for champ in CHAMPS:
        if not champ.public:
            continue
        attendu = {"select": "dropdown", "textarea": "textarea"}.get(champ.type_html, "input")
        if champ.prerempli_par_url:
            attendu = "input"  # GitHub cannot prefill a dropdown from the URL
        assert ELEMENTS[champ.id]["type"] == attendu, champ.id
    assert ELEMENTS["departement"]["type"] == "input"
    assert ELEMENTS["role"]["attributes"]["options"] == list(next(c for c in CHAMPS if c.id == "role").options)


def test_l_issue_porte_l_etiquette_et_l_introduction_dit_qu_elle_est_publique_sans_donnees_personnelles():
    assert FORMULAIRE["labels"] == [ETIQUETTE_PROPOSITION]
    introduction = FORMULAIRE["body"][0]
    assert introduction["type"] == "markdown"
    texte = introduction["attributes"]["value"]
    assert "publique" in texte and "Aucune information personnelle" in texte


def test_le_corps_que_github_ecrit_pour_ce_formulaire_est_lu_par_from_issue():
    corps = "\n\n".join(f"### {e['attributes']['label']}\n\n_No response_" for e in ELEMENTS.values())
    assert set(lire_blocs(corps)) == set(ELEMENTS)


@pytest.mark.parametrize("code", CODES_DEPARTEMENTS)
def test_le_lien_d_une_page_de_departement_preremplit_le_departement(code):
    url = url_proposition_github(DEPOT + "/", code)
    morceaux = urlsplit(url)
    assert f"{morceaux.scheme}://{morceaux.netloc}{morceaux.path}" == f"{DEPOT}/issues/new"
    requete = parse_qs(morceaux.query)
    assert requete["template"] == ["proposer-une-fiche.yml"]
    assert requete["title"][0].startswith(f"Proposition de fiche : {code} – ")
    assert lire_departement(requete["departement"][0]) == code
    assert "labels" not in requete  # set by the template; a visitor may not add labels


def test_le_lien_peut_preremplir_d_autres_champs_texte_mais_pas_une_liste_ni_le_contact():
    url = url_proposition_github(DEPOT, "2A", {"nom": "Plateforme & co", "source": "https://exemple.fr/?a=1&b=2"})
    requete = parse_qs(urlsplit(url).query)
    assert requete["nom"] == ["Plateforme & co"] and requete["source"] == ["https://exemple.fr/?a=1&b=2"]
    for interdit in ("role", "contact", "inconnu"):
        with pytest.raises(ValueError, match="préremplir"):
            url_proposition_github(DEPOT, "29", {interdit: "x"})
    with pytest.raises(ValueError, match="département inconnu"):
        url_proposition_github(DEPOT, "20")
