"""Chaque page rédigée dit quand elle a été modifiée pour la dernière fois, d'après l'historique
git de sa source (pas la date de construction) ; sans historique complet, aucune date."""
from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from emploi_accompagne import mise_a_jour
from tests.helpers.modules import load_hook
from tests.helpers.site import ROOT

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is needed to read a history")


def _git(dossier: Path, *arguments: str, date: str | None = None) -> str:
    env = dict(os.environ, GIT_AUTHOR_NAME="Test", GIT_AUTHOR_EMAIL="test@exemple.test", GIT_COMMITTER_NAME="Test",
               GIT_COMMITTER_EMAIL="test@exemple.test")  # fmt: skip
    if date:
        env.update(GIT_AUTHOR_DATE=f"{date}T12:00:00+01:00", GIT_COMMITTER_DATE=f"{date}T12:00:00+01:00")
    return subprocess.run(["git", *arguments], cwd=dossier, env=env, capture_output=True, text=True, check=True).stdout


@pytest.fixture
def depot(tmp_path) -> Path:
    """A project with three commits: the FAQ changed in 2026-03, the home page last in 2026-11."""
    projet = tmp_path / "projet"
    (projet / "docs").mkdir(parents=True)
    _git(projet, "init", "-q", "-b", "main")
    for date, fichiers in (
        ("2026-01-10", {"docs/index.md": "Accueil", "docs/faq.md": "FAQ", "data/glossaire.yaml": "- sigle: A"}),
        ("2026-03-05", {"docs/faq.md": "FAQ modifiée"}),
        ("2026-11-23", {"docs/index.md": "Accueil modifié"}),
    ):
        for chemin, texte in fichiers.items():
            (projet / chemin).parent.mkdir(parents=True, exist_ok=True)
            (projet / chemin).write_text(texte, encoding="utf-8")
        _git(projet, "add", "-A")
        _git(projet, "commit", "-q", "-m", f"commit du {date}", date=date)
    return projet


def test_chaque_fichier_a_la_date_de_son_dernier_commit(depot):
    assert mise_a_jour.dates_des_fichiers(depot) == {
        "docs/index.md": dt.date(2026, 11, 23),
        "docs/faq.md": dt.date(2026, 3, 5),
        "data/glossaire.yaml": dt.date(2026, 1, 10),
    }


def test_une_page_faite_d_un_fichier_de_donnees_prend_la_date_la_plus_recente(depot):
    dates = mise_a_jour.dates_des_fichiers(depot)
    assert mise_a_jour.date_de_la_page(dates, ["docs/faq.md", "data/glossaire.yaml"]) == dt.date(2026, 3, 5)
    assert mise_a_jour.date_de_la_page(dates, ["docs/inconnue.md"]) is None


def test_un_clone_superficiel_ne_donne_aucune_date(depot, tmp_path):
    """Its only commit would date every file of the site: better no date than a wrong one."""
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{depot}", str(clone)], check=True, capture_output=True)
    assert mise_a_jour.dates_des_fichiers(clone) == {}


def test_sans_git_aucune_date(tmp_path):
    (tmp_path / "docs").mkdir()
    assert mise_a_jour.dates_des_fichiers(tmp_path) == {}


def test_la_phrase_de_la_page():
    assert mise_a_jour.mention_markdown(dt.date(2026, 12, 1)) == "Dernière mise à jour de cette page : 1er décembre 2026.\n{ .ea-mise-a-jour }"


def test_le_projet_lui_meme_donne_la_date_du_dernier_commit_de_chaque_page():
    dates = mise_a_jour.dates_des_fichiers(ROOT)
    if not dates:
        pytest.skip("this clone has no full history (shallow): no dates, as intended")
    attendu = _git(ROOT, "log", "-1", "--format=%cs", "--", "docs/faq.md").strip()
    assert dates["docs/faq.md"].isoformat() == attendu


class _Page:
    def __init__(self, src_uri: str, generated_by: str | None = None, meta: dict | None = None):
        self.file = type("F", (), {"src_uri": src_uri, "generated_by": generated_by})()
        self.meta = meta or {}


def test_le_hook_date_les_pages_redigees_et_pas_les_pages_generees(depot):
    from mkdocs.config import load_config

    (depot / "mkdocs.yml").write_text("site_name: Essai\n", encoding="utf-8")
    hook = load_hook("hooks/mise_a_jour.py", "hook_mise_a_jour")
    config = hook.on_config(load_config(str(depot / "mkdocs.yml")))
    fin = "Dernière mise à jour de cette page : 5 mars 2026.\n{ .ea-mise-a-jour }\n"
    assert hook.on_page_markdown("# FAQ\n", _Page("faq.md"), config, None).endswith(fin)
    glossaire = hook.on_page_markdown("# FAQ\n", _Page("faq.md", meta={"sources": ["data/glossaire.yaml"]}), config, None)
    assert glossaire.endswith(fin)
    assert hook.on_page_markdown("# Ain\n", _Page("departements/01.md", generated_by="annuaire"), config, None) == "# Ain\n"
    assert hook.on_page_markdown("# Nouvelle\n", _Page("nouvelle.md"), config, None) == "# Nouvelle\n"
