"""Spécification : publier le site demande ses réglages, ou rien n'est publié.

Une construction pour publier (un `site_url` qui n'est ni 127.0.0.1 ni localhost, comme celle
du workflow Publier) s'arrête, une ligne en français par réglage manquant, sans l'identité de
l'éditeur, son contact ou l'adresse qui reçoit les propositions ; le workflow les passe depuis
les variables du dépôt ; le README les liste. Le site ne promet « sans compte » et « par e-mail »
que si cette adresse existe ; les mentions légales montrent l'éditeur configuré.
"""
from __future__ import annotations

import re

import pytest
from markupsafe import escape
from ruamel.yaml import YAML

from emploi_accompagne.annuaire.chargement import DonneesInvalides, charger_annuaire
from emploi_accompagne.annuaire.pages import ParametresSite, fichiers_annuaire
from emploi_accompagne.configuration import (
    REGLAGES_DE_PUBLICATION,
    est_une_publication,
    valider_extra,
    verifier_publication,
)
from emploi_accompagne.paths import ROOT
from emploi_accompagne.templating import rendre_markdown

from .conftest import VALEURS, construire

PUBLICATION = "https://emploi-accompagne.example.org/"
# What the e-mail route promises: no account needed, sending by e-mail.
PROMESSES = r"sans\s+compte|par\s+e-mail|besoin\s+(?:ni\s+)?d'un\s+compte|besoin\s+de\s+compte"
VARIABLES = [r.variable for r in REGLAGES_DE_PUBLICATION if r.variable]


@pytest.fixture
def sans_reglages(monkeypatch):
    for variable in VARIABLES:
        monkeypatch.delenv(variable, raising=False)
    return monkeypatch


@pytest.fixture
def avec_reglages(monkeypatch):
    for variable, valeur in VALEURS.items():
        monkeypatch.setenv(variable, valeur)
    return monkeypatch


def lignes_d_erreur(site_url: str) -> list[str]:
    with pytest.raises(DonneesInvalides) as erreur:
        verifier_publication(site_url)
    return str(erreur.value).splitlines()


# --- which builds are for publication -------------------------------------------------------------


@pytest.mark.parametrize("site_url, publication", [
    (None, False), ("", False), ("http://127.0.0.1:8000/", False), ("http://127.0.0.1:41235/", False),
    ("http://localhost:8000/", False), ("http://[::1]:8000/", False),
    (PUBLICATION, True), ("https://exemple.github.io/site/", True), ("http://192.168.1.20/", True),
])
def test_seule_une_adresse_qui_n_est_pas_cet_ordinateur_est_une_publication(site_url, publication):
    assert est_une_publication(site_url) is publication


def test_une_construction_locale_n_a_besoin_d_aucun_reglage(sans_reglages):
    for site_url in (None, "http://127.0.0.1:8000/", "http://localhost:8000/"):
        verifier_publication(site_url)


# --- the message --------------------------------------------------------------------------------------


def test_sans_reglages_une_ligne_en_francais_par_reglage_manquant_a_sa_cle_de_mkdocs_yml(sans_reglages):
    lignes = lignes_d_erreur(PUBLICATION)
    texte = (ROOT / "mkdocs.yml").read_text(encoding="utf-8").splitlines()
    assert len(lignes) == len(VARIABLES)
    for ligne, variable in zip(lignes, VARIABLES, strict=True):
        numero = int(ligne.split(":")[1])
        assert f"!ENV [{variable}, " in texte[numero - 1], (ligne, texte[numero - 1])
    assert lignes[0] == (
        f"mkdocs.yml:{lignes[0].split(':')[1]}:5: [extra] editeur.nom: manquant pour publier le site sur {PUBLICATION} "
        "(le nom de l'éditeur du site, personne ou organisme) : donner la variable EDITEUR_NOM (réglage du dépôt pour "
        "le workflow Publier, ou variable d'environnement de la construction) ; voir « Publier le site » dans README.md"
    )
    assert any(ligne.startswith("mkdocs.yml:") and "annuaire.courriel_propositions: manquant" in ligne
               and "COURRIEL_PROPOSITIONS" in ligne for ligne in lignes)


@pytest.mark.parametrize("variable", VARIABLES)
def test_un_seul_reglage_manquant_donne_une_seule_ligne(avec_reglages, variable):
    avec_reglages.setenv(variable, "")  # what the workflow passes for a variable the repository does not have
    [ligne] = lignes_d_erreur(PUBLICATION)
    assert f"donner la variable {variable} " in ligne


def test_avec_tous_les_reglages_la_publication_est_possible(avec_reglages):
    verifier_publication(PUBLICATION)


def test_l_hebergeur_vide_dans_mkdocs_yml_arrete_aussi_la_publication(avec_reglages, tmp_path):
    texte = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    chemin = tmp_path / "mkdocs.yml"
    chemin.write_text(texte.replace('    nom: "GitHub, Inc. (GitHub Pages)"', '    nom: ""', 1), encoding="utf-8")
    with pytest.raises(DonneesInvalides) as erreur:
        verifier_publication(PUBLICATION, chemin)
    [ligne] = str(erreur.value).splitlines()
    assert "[extra] hebergeur.nom: manquant pour publier le site" in ligne and "l'écrire ici, dans mkdocs.yml" in ligne


def test_une_construction_pour_publier_sans_reglages_s_arrete_sans_rien_construire(tmp_path, sans_reglages):
    resultat = construire(ROOT, tmp_path / "site", SITE_URL=PUBLICATION)
    sortie = resultat.stdout + resultat.stderr
    assert resultat.returncode != 0
    for variable in VARIABLES:
        assert f"donner la variable {variable} " in sortie, variable
    assert "Traceback" not in sortie
    assert not (tmp_path / "site" / "index.html").exists()


# --- the publish workflow, mkdocs.yml and the README agree --------------------------------------


def test_le_workflow_publier_passe_chaque_reglage_depuis_les_variables_du_depot():
    workflow = YAML(typ="safe").load((ROOT / ".github" / "workflows" / "publier.yml").read_text(encoding="utf-8"))
    [construction] = [e for e in workflow["jobs"]["construire"]["steps"] if e.get("run") == "make build"]
    for variable in VARIABLES:
        # In env:, never in the script (zizmor, tests/publication/test_workflows.py).
        assert construction["env"][variable] == f"${{{{ vars.{variable} }}}}", variable
    assert construction["env"]["SITE_URL"].startswith("${{ steps.pages.outputs.base_url }}")


def test_mkdocs_yml_lit_chaque_reglage_dans_l_environnement():
    texte = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    for reglage in REGLAGES_DE_PUBLICATION:
        if reglage.variable:
            assert f'{reglage.champ[1]}: !ENV [{reglage.variable}, ""]' in texte, reglage.nom


def test_le_readme_a_une_section_publier_le_site_qui_liste_chaque_reglage():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    [section] = re.findall(r"^## Publier le site\n(.*?)^## ", readme, flags=re.DOTALL | re.MULTILINE)
    for reglage in REGLAGES_DE_PUBLICATION:
        if reglage.variable:
            assert f"| `{reglage.variable}` | {reglage.quoi} |" in section, reglage.variable
    assert "extra.hebergeur" in section


# --- the legal notice shows the publisher ----------------------------------------------------------


def page_redigee(nom: str, extra) -> str:
    texte = (ROOT / "docs" / nom).read_text(encoding="utf-8")
    corps = texte.split("---\n", 2)[2]  # after the front matter, as MkDocs gives it to the hook
    return rendre_markdown(corps, extra=extra, glossaire="", plan_du_site="", fiches_a_reverifier="")


def test_les_mentions_legales_montrent_l_editeur_configure(avec_reglages):
    page = page_redigee("mentions-legales.md", valider_extra().model_dump())
    assert "- Nom : Association Exemple" in page
    assert "- Adresse : 1 rue de l'Exemple, 29200 Brest" in page
    assert "- Contact : [editeur@example.org](mailto:editeur@example.org)" in page
    assert "Camille Exemple" in page
    assert "à renseigner" not in page


# --- « sans compte », « par e-mail »: only with the e-mail route ----------------------------------------


def _sans_les_valeurs_des_fiches(texte: str, annuaire) -> str:
    """The page's own words: the values of the fiches (« fiche navette par e-mail ») and the bar's
    « Envoyer par e-mail » (sharing the page with someone, no proposal) taken out."""
    def valeurs(objet):
        if isinstance(objet, dict):
            for v in objet.values():
                yield from valeurs(v)
        elif isinstance(objet, list):
            for v in objet:
                yield from valeurs(v)
        elif isinstance(objet, str) and len(objet) > 10:
            yield objet
    for plateforme in annuaire.plateformes:
        for valeur in valeurs(plateforme.model_dump(mode="json")):
            texte = texte.replace(valeur, "").replace(str(escape(valeur)), "")
    return texte.replace(">Envoyer par e-mail</a>", "")


@pytest.mark.parametrize("courriel", [None, "propositions@example.org"], ids=["sans-adresse", "avec-adresse"])
def test_sans_compte_et_par_e_mail_seulement_si_une_adresse_recoit_les_propositions(courriel, monkeypatch):
    annuaire = charger_annuaire()
    parametres = ParametresSite(site_url="http://127.0.0.1:8000/", repo_url="https://github.com/exemple/annuaire",
                                courriel_propositions=courriel)
    pages = {f.chemin: f.contenu for f in fichiers_annuaire(annuaire, parametres) if f.chemin.endswith(".md")}
    if courriel:
        monkeypatch.setenv("COURRIEL_PROPOSITIONS", courriel)
    else:
        monkeypatch.delenv("COURRIEL_PROPOSITIONS", raising=False)
    pages["contribuer.md"] = page_redigee("contribuer.md", valider_extra().model_dump())
    promesses = {chemin: re.findall(PROMESSES, _sans_les_valeurs_des_fiches(texte, annuaire), re.I)
                 for chemin, texte in pages.items()}
    if courriel is None:
        assert not {chemin: mots for chemin, mots in promesses.items() if mots}
    else:
        for chemin in ("departements/29/index.md", "donnees.md", "contribuer/proposer/index.md", "contribuer.md"):
            chemin = next(c for c in pages if c.endswith(chemin))
            assert promesses[chemin], chemin
