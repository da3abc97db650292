"""Le hook MkDocs du questionnaire : un fichier faux arrête la construction avec une ligne par
problème (sans trace Python) ; les pages sont ajoutées, seule la première dans la navigation."""
from __future__ import annotations

import shutil

import pytest
from mkdocs.config import load_config
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files, InclusionLevel

from tests.helpers.modules import load_hook
from tests.helpers.site import ROOT


@pytest.fixture(scope="module")
def hook():
    return load_hook("hooks/questionnaire.py", "hook_questionnaire")


def test_un_questionnaire_faux_arrete_la_construction(hook, tmp_path, capsys):
    """The hook reads the data of the project being built (a copy here, with one mistake)."""
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    for dossier in ("docs", "overrides", "hooks"):
        (tmp_path / dossier).symlink_to(ROOT / dossier)
    (tmp_path / "data").mkdir()
    texte = (ROOT / "data" / "questionnaire.yaml").read_text(encoding="utf-8")
    (tmp_path / "data" / "questionnaire.yaml").write_text(texte.replace("suite: esat\n", "suite: esatt\n"), encoding="utf-8")
    config = load_config(str(tmp_path / "mkdocs.yml"))
    with pytest.raises(PluginError) as erreur:
        hook.on_config(config)
    (ligne,) = capsys.readouterr().err.splitlines()
    assert ligne.endswith("[question situation] reponses[3].suite: « esatt » n'est l'id d'aucune question ni d'aucun résultat")
    assert "1 problème(s) dans data/questionnaire.yaml" in str(erreur.value)
    assert erreur.value.__suppress_context__


def test_les_pages_sont_ajoutees_seule_la_premiere_dans_la_navigation(hook, monkeypatch):
    config = load_config(str(ROOT / "mkdocs.yml"))
    monkeypatch.setattr(config.plugins, "_current_plugin", "questionnaire", raising=False)
    hook.on_config(config)
    fichiers = hook.on_files(Files([]), config)
    accueil = fichiers.get_file_from_path("est-ce-pour-moi/index.md")
    assert accueil is not None and accueil.inclusion != InclusionLevel.NOT_IN_NAV
    age = fichiers.get_file_from_path("est-ce-pour-moi/age/index.md")
    assert age is not None and age.is_documentation_page() and age.inclusion == InclusionLevel.NOT_IN_NAV
