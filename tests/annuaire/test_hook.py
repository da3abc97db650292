"""Le hook MkDocs de l'annuaire : il arrête la construction sur des données fausses, sans trace
Python, et ajoute les pages générées sans les mettre dans la navigation."""
from __future__ import annotations

import pytest
from mkdocs.config import load_config
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files, InclusionLevel

from emploi_accompagne.annuaire.chargement import DonneesInvalides, Probleme
from tests.helpers.modules import load_hook
from tests.helpers.site import ROOT


@pytest.fixture(scope="module")
def hook():
    return load_hook("hooks/annuaire.py", "hook_annuaire")


@pytest.fixture(scope="module")
def config():
    return load_config(str(ROOT / "mkdocs.yml"))


def test_des_donnees_fausses_arretent_la_construction_avec_un_message_par_ligne(hook, config, monkeypatch, capsys):
    problemes = [
        Probleme("data/plateformes.yaml", 12, 3, "01", "telephone", "numéro de téléphone invalide"),
        Probleme("data/plateformes.yaml", 40, 3, "02", "telephon", "champ inconnu"),
    ]

    def charger_en_erreur(chemin):
        raise DonneesInvalides(problemes)

    monkeypatch.setattr(hook, "charger_annuaire", charger_en_erreur)
    with pytest.raises(PluginError) as erreur:
        hook.on_config(config)
    sortie = capsys.readouterr().err.splitlines()
    assert sortie == [
        "data/plateformes.yaml:12:3: [département 01] telephone: numéro de téléphone invalide",
        "data/plateformes.yaml:40:3: [département 02] telephon: champ inconnu",
    ]
    assert "2 problème(s)" in str(erreur.value)
    assert erreur.value.__suppress_context__  # no chained traceback


def test_le_hook_lit_les_donnees_du_projet_construit(hook, config):
    """Not those of the installed package: a copy of the project builds its own data."""
    assert hook.fichier_des_plateformes(config) == ROOT / "data" / "plateformes.yaml"


def test_les_pages_generees_sont_ajoutees_hors_navigation(hook, config, monkeypatch):
    # MkDocs sets this while it runs an event; File.generated() records it.
    monkeypatch.setattr(config.plugins, "_current_plugin", "annuaire", raising=False)
    hook.on_config(config)
    fichiers = hook.on_files(Files([]), config)
    ain = fichiers.get_file_from_path("departements/01/index.md")
    assert ain is not None and ain.is_documentation_page()
    assert ain.inclusion == InclusionLevel.NOT_IN_NAV
    for chemin in ("departements/index.md", "trouver-ma-plateforme/index.md", "donnees.md"):
        page = fichiers.get_file_from_path(chemin)
        assert page is not None and page.inclusion != InclusionLevel.NOT_IN_NAV
    for chemin in ("donnees/plateformes.csv", "trouver-ma-plateforme/index/departements.json"):
        assert fichiers.get_file_from_path(chemin) is not None


def test_la_branche_vient_de_edit_uri(hook):
    assert hook._branche("edit/main/docs/") == "main"
    assert hook._branche("blob/dev/docs/") == "dev"
    assert hook._branche(None) == "main"


def test_une_etiquette_env_dans_les_donnees_arrete_la_construction_sans_rien_lire(hook, config, monkeypatch, capsys, tmp_path):
    """`nom: !ENV [SECRET]` in data/plateformes.yaml: the build stops, the variable is never read."""
    monkeypatch.setenv("SECRET_DE_TEST", "valeur-secrete-de-la-construction")
    reel = (ROOT / "data" / "plateformes.yaml").read_text(encoding="utf-8")
    donnees = tmp_path / "data" / "plateformes.yaml"
    donnees.parent.mkdir()
    donnees.write_text(reel.replace('- departement: "29"\n', '- departement: "29"\n  remarques: !ENV [SECRET_DE_TEST]\n', 1), encoding="utf-8")
    monkeypatch.setattr(hook, "fichier_des_plateformes", lambda config: donnees)
    with pytest.raises(PluginError):
        hook.on_config(config)
    sortie = capsys.readouterr().err
    ligne = reel[: reel.index('- departement: "29"')].count("\n") + 2
    assert f"data/plateformes.yaml:{ligne}:14: [département 29] fichier: étiquette YAML « !ENV » refusée" in sortie
    assert "valeur-secrete" not in sortie
