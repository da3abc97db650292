"""Scratch projects for the measurements: copies of ours, stock Material sites, timed builds.

Nothing here writes into the repository: every project lives in a temporary directory.
Builds run `python -m mkdocs build --strict` in a subprocess with the same interpreter
(the project's virtualenv), so both sides pay the same start-up costs.
"""
from __future__ import annotations

import os
import random
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# What a clean clone has, minus what the build does not read.
NOT_COPIED = shutil.ignore_patterns(
    ".venv", "node_modules", "site", "site.partiel", ".git", "build",
    ".hypothesis", ".pytest_cache", "__pycache__", ".cache",
)
STOCK_CONFIG = "site_name: Stock Material\ntheme:\n  name: material\n"
# Plain words for the stock pages' text: only its length and shape matter.
WORDS = (
    "le la les un une des du de et à en pour par avec sans sur dans chez vers "
    "travail emploi personne employeur équipe projet accompagnement service aide "
    "entreprise poste mission contrat formation question réponse temps semaine "
    "mois année besoin solution conseil étape dossier rendez-vous démarche soutien "
    "trouver garder demander expliquer préparer choisir suivre comprendre avancer "
    "simple clair utile possible important nouveau ordinaire régulier long court"
).split()


class BuildFailed(RuntimeError):
    pass


def copy_project(destination: Path) -> Path:
    """A copy of the repository as a clean clone would build it."""
    shutil.copytree(ROOT, destination, ignore=NOT_COPIED)
    return destination


def commit_epoch() -> str:
    """The last commit's date, as `make` exports it in SOURCE_DATE_EPOCH: dates in the output
    come from it, not from the clock."""
    result = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=ROOT, capture_output=True, text=True, check=True)
    return result.stdout.strip()


def build(project: Path, site_dir: Path, site_url: str | None = None, **extra_env: str) -> float:
    """Build `project` into `site_dir`, dated as `make` dates it; return the wall-clock time in seconds."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", **extra_env)
    env.setdefault("SOURCE_DATE_EPOCH", commit_epoch())
    env.pop("SITE_URL", None)
    if site_url:
        env["SITE_URL"] = site_url
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(site_dir)]
    start = time.perf_counter()
    result = subprocess.run(command, cwd=project, env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise BuildFailed(f"build of {project} failed:\n{result.stdout}{result.stderr}")
    return elapsed


def check_data(project: Path) -> None:
    """The project's own data check (`make check-data`) on a scratch copy."""
    result = subprocess.run(
        [sys.executable, "-m", "emploi_accompagne", "check"], cwd=project, capture_output=True, text=True
    )
    if result.returncode != 0:
        raise BuildFailed(f"synthetic data rejected in {project}:\n{result.stdout}{result.stderr}")


def documentation_pages(site_dir: Path) -> list[str]:
    """URLs of the pages listed in the sitemap (every page of the site but the 404)."""
    sitemap = (site_dir / "sitemap.xml").read_text(encoding="utf-8")
    return re.findall(r"<loc>([^<]+)</loc>", sitemap)


def mean_text_length(site_dir: Path) -> int:
    """Mean number of characters of the main text (the <article>) of the built pages."""
    from bs4 import BeautifulSoup

    lengths = []
    for page in site_dir.rglob("index.html"):
        if "assets" in page.relative_to(site_dir).parts:
            continue
        article = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").find("article")
        if article:
            lengths.append(len(" ".join(article.get_text(" ").split())))
    return round(sum(lengths) / len(lengths)) if lengths else 2000


def write_stock_project(destination: Path, pages: int, characters_per_page: int) -> Path:
    """A stock Material site: `theme: material` only, no nav (every page in the sidebar)."""
    docs = destination / "docs"
    docs.mkdir(parents=True)
    (destination / "mkdocs.yml").write_text(STOCK_CONFIG, encoding="utf-8")
    generator = random.Random(pages)  # same text for the same number of pages
    (docs / "index.md").write_text(_plain_page("Accueil", characters_per_page, generator), encoding="utf-8")
    width = len(str(pages))
    for number in range(1, pages):
        text = _plain_page(f"Page {number}", characters_per_page, generator)
        (docs / f"page-{number:0{width}d}.md").write_text(text, encoding="utf-8")
    return destination


def stock_content_page(pages: int) -> str:
    """URL path of a plain page of the stock site (the first one after the home page)."""
    return f"/page-{1:0{len(str(pages))}d}/"


def _plain_page(title: str, characters: int, generator: random.Random) -> str:
    """A title, then sections of plain paragraphs, about `characters` long."""
    parts = [f"# {title}\n"]
    written = 0
    section = 0
    while written < characters:
        if written // 900 >= section:  # a heading about every 900 characters
            section += 1
            parts.append(f"## Partie {section}\n")
        paragraph = " ".join(_sentence(generator) for _ in range(generator.randint(2, 4)))
        parts.append(paragraph + "\n")
        written += len(paragraph)
    return "\n".join(parts)


def _sentence(generator: random.Random) -> str:
    words = [generator.choice(WORDS) for _ in range(generator.randint(8, 18))]
    return words[0].capitalize() + " " + " ".join(words[1:]) + "."
