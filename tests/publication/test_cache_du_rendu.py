"""Le cache du rendu (hooks/render_cache.py) : une construction qui le lit écrit le même site,
octet pour octet, qu'une construction sans cache, et ne reprend que ce dont rien n'a changé.

Chaque cas construit un petit site Material (trois pages, les réglages du cache du site) :
une fois pour remplir le cache, puis, après une modification, une fois avec le cache et une
fois sans ; les deux sorties doivent être identiques, et le message de la construction dit
combien de pages ont été reprises à chaque étape. Le site lui-même est vérifié de la même
façon dans test_construction.py.
"""
from __future__ import annotations

import os
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

from emploi_accompagne.paths import ROOT

from .conftest import environnement

CONFIG = f"""site_name: Essai
site_url: https://exemple.test/
theme:
  name: material
  custom_dir: overrides
  language: fr
extra:
  slogan: Premier slogan
hooks:
  - {ROOT / "hooks" / "render_cache.py"}
validation:
  anchors: warn
markdown_extensions:
  - toc
  - attr_list
nav:
  - Accueil: index.md
  - Une autre page: autre.md
"""
PAGES = {
    "index.md": "# Accueil\n\nVoir [la suite](autre.md#suite).\n",
    "autre.md": "# Autre\n\n## Suite {#suite}\n\nUn texte.\n",
    "hors-menu.md": "# Hors du menu\n\nRetour à [l'accueil](index.md).\n",
}
MAIN_HTML = '{% extends "base.html" %}\n{% block footer %}<p>{{ config.extra.slogan }}</p>{% endblock %}\n'
COMPTES = re.compile(r"Markdown (\d+) sur (\d+), gabarit (\d+) sur (\d+), recherche (\d+) sur (\d+)")


@dataclass
class Construction:
    resultat: subprocess.CompletedProcess
    sortie: Path

    @property
    def messages(self) -> str:
        return self.resultat.stdout + self.resultat.stderr

    def reprises(self) -> dict[str, tuple[int, int]]:
        """{étape: (pages reprises du cache, pages en tout)}."""
        trouve = COMPTES.search(self.messages)
        assert trouve, f"pas de bilan du cache dans :\n{self.messages}"
        n = [int(x) for x in trouve.groups()]
        return {"markdown": (n[0], n[1]), "gabarit": (n[2], n[3]), "recherche": (n[4], n[5])}

    def fichiers(self) -> dict[str, bytes]:
        return {p.relative_to(self.sortie).as_posix(): p.read_bytes() for p in sorted(self.sortie.rglob("*")) if p.is_file()}


@pytest.fixture
def projet(tmp_path: Path) -> Path:
    racine = tmp_path / "projet"
    (racine / "docs").mkdir(parents=True)
    (racine / "overrides").mkdir()
    (racine / "mkdocs.yml").write_text(CONFIG, encoding="utf-8")
    (racine / "overrides" / "main.html").write_text(MAIN_HTML, encoding="utf-8")
    for nom, texte in PAGES.items():
        (racine / "docs" / nom).write_text(texte, encoding="utf-8")
    return racine


def construire(projet: Path, sortie: Path, cache: str) -> Construction:
    commande = [str(ROOT / ".venv" / "bin" / "mkdocs"), "build", "--strict", "-f", str(projet / "mkdocs.yml"), "-d", str(sortie)]
    env = environnement(EA_RENDER_CACHE=cache, SOURCE_DATE_EPOCH="1767225600")
    return Construction(subprocess.run(commande, cwd=projet, capture_output=True, text=True, env=env), sortie)


def avec_et_sans_cache(projet: Path, tmp_path: Path, modifier) -> tuple[Construction, Construction]:
    """Fills the cache, applies `modifier`, then builds with the cache and without."""
    cache = str(tmp_path / "cache")
    premiere = construire(projet, tmp_path / "premiere", cache)
    assert premiere.resultat.returncode == 0, premiere.messages
    assert premiere.reprises() == {"markdown": (0, 3), "gabarit": (0, 3), "recherche": (0, 3)}
    modifier(projet)
    depuis_le_cache = construire(projet, tmp_path / "depuis-le-cache", cache)
    sans_cache = construire(projet, tmp_path / "sans-cache", "off")
    assert depuis_le_cache.resultat.returncode == sans_cache.resultat.returncode == 0, depuis_le_cache.messages + sans_cache.messages
    a, b = depuis_le_cache.fichiers(), sans_cache.fichiers()
    assert a.keys() == b.keys()
    differents = [nom for nom in a if a[nom] != b[nom]]
    assert not differents, f"le cache a changé ces fichiers : {differents}"
    return depuis_le_cache, sans_cache


def remplacer(chemin: Path, avant: str, apres: str) -> None:
    texte = chemin.read_text(encoding="utf-8")
    assert avant in texte
    chemin.write_text(texte.replace(avant, apres, 1), encoding="utf-8")


def test_sans_modification_tout_est_repris_et_le_site_est_le_meme(projet, tmp_path):
    depuis_le_cache, _ = avec_et_sans_cache(projet, tmp_path, lambda projet: None)
    assert depuis_le_cache.reprises() == {"markdown": (3, 3), "gabarit": (3, 3), "recherche": (3, 3)}


def test_une_page_modifiee_est_seule_rendue_de_nouveau(projet, tmp_path):
    depuis_le_cache, _ = avec_et_sans_cache(
        projet, tmp_path, lambda projet: remplacer(projet / "docs" / "autre.md", "Un texte.", "Un autre texte.")
    )
    assert depuis_le_cache.reprises() == {"markdown": (2, 3), "gabarit": (2, 3), "recherche": (2, 3)}
    assert "Un autre texte." in (depuis_le_cache.sortie / "autre" / "index.html").read_text(encoding="utf-8")


def test_un_titre_du_menu_change_le_gabarit_de_chaque_page_mais_pas_son_markdown(projet, tmp_path):
    depuis_le_cache, _ = avec_et_sans_cache(
        projet, tmp_path, lambda projet: remplacer(projet / "mkdocs.yml", "Une autre page:", "La page suivante:")
    )
    assert depuis_le_cache.reprises()["markdown"] == (3, 3)
    assert depuis_le_cache.reprises()["gabarit"] == (0, 3)
    assert "La page suivante" in (depuis_le_cache.sortie / "hors-menu" / "index.html").read_text(encoding="utf-8")


def test_un_gabarit_de_overrides_modifie_est_relu(projet, tmp_path):
    depuis_le_cache, _ = avec_et_sans_cache(
        projet, tmp_path, lambda projet: remplacer(projet / "overrides" / "main.html", "<p>", '<p class="slogan">')
    )
    assert depuis_le_cache.reprises()["gabarit"] == (0, 3)
    assert '<p class="slogan">' in (depuis_le_cache.sortie / "index.html").read_text(encoding="utf-8")


def test_un_reglage_de_mkdocs_yml_modifie_est_relu(projet, tmp_path):
    depuis_le_cache, _ = avec_et_sans_cache(
        projet, tmp_path, lambda projet: remplacer(projet / "mkdocs.yml", "Premier slogan", "Second slogan")
    )
    assert depuis_le_cache.reprises()["gabarit"] == (0, 3)
    assert "Second slogan" in (depuis_le_cache.sortie / "autre" / "index.html").read_text(encoding="utf-8")


def test_un_fichier_ajoute_fait_resoudre_de_nouveau_les_liens(projet, tmp_path):
    """A link is resolved against the list of files: a new file can change every page's links."""
    def ajouter(projet: Path) -> None:
        (projet / "docs" / "nouvelle.md").write_text("# Nouvelle\n", encoding="utf-8")

    depuis_le_cache, _ = avec_et_sans_cache(projet, tmp_path, ajouter)
    assert depuis_le_cache.reprises()["markdown"] == (0, 4)


def echoue_deux_fois_en_disant(projet: Path, tmp_path: Path, avertissement: str) -> Construction:
    """Builds twice with one cache: both stop (--strict) with the warning; returns the second."""
    cache = str(tmp_path / "cache")
    premiere = construire(projet, tmp_path / "premiere", cache)
    seconde = construire(projet, tmp_path / "seconde", cache)
    for construction in (premiere, seconde):
        assert construction.resultat.returncode != 0, construction.messages
        assert avertissement in construction.messages
    return seconde


def test_un_lien_casse_est_signale_aussi_quand_la_page_vient_du_cache(projet, tmp_path):
    remplacer(projet / "docs" / "hors-menu.md", "(index.md)", "(disparue.md)")
    seconde = echoue_deux_fois_en_disant(projet, tmp_path, "contains a link 'disparue.md', but the target is not found")
    # The second time, the page comes from the cache with the warning it gave, logged again.
    assert "Markdown 3 sur 3" in seconde.messages


def test_une_ancre_manquante_est_signalee_aussi_quand_les_pages_viennent_du_cache(projet, tmp_path):
    remplacer(projet / "docs" / "index.md", "autre.md#suite", "autre.md#absente")
    seconde = echoue_deux_fois_en_disant(projet, tmp_path, "does not contain an anchor '#absente'")
    # Anchors are checked once every page is rendered, from what each page left: from the cache too.
    assert "Markdown 3 sur 3" in seconde.messages


# --- Un second processus -------------------------------------------------------------------
# Sur une machine à deux cœurs ou plus, une construction qui a des pages à rendre en donne les
# dernières à un second processus (un fork) : il convertit leur Markdown et rend leurs
# gabarits pendant que la construction fait les premières ; ce qu'il calcule passe par le
# cache. Il faut au moins 8 pages de sa part : les essais ont un site de 30 pages.
PLUSIEURS_COEURS = (os.cpu_count() or 1) > 1
PAGES_DU_GRAND_SITE = 30
SECOND_PROCESSUS = re.compile(r"rendues par un second processus : Markdown (\d+), gabarit (\d+), recherche (\d+)")
# A hook that fails in any process but the one that loaded it: the second process fails.
HOOK_QUI_ECHOUE_DANS_LE_SECOND_PROCESSUS = """import os
PROCESSUS = os.getpid()
def on_page_markdown(markdown, page, config, files):
    if os.getpid() != PROCESSUS:
        raise RuntimeError("le second processus échoue")
    return markdown
"""


@pytest.fixture
def grand_projet(projet: Path) -> Path:
    """The small site, with 30 pages, each linking to the next one's section."""
    for numero in range(PAGES_DU_GRAND_SITE):
        suivante = f"page-{numero + 1:02d}.md#suite" if numero + 1 < PAGES_DU_GRAND_SITE else "index.md"
        texte = f"# Page {numero}\n\n## Suite {{#suite}}\n\nLire [la suivante]({suivante}).\n\n" + "Un paragraphe. " * 40 + "\n"
        (projet / "docs" / f"page-{numero:02d}.md").write_text(texte, encoding="utf-8")
    return projet


def rendues_par_le_second_processus(construction: Construction) -> dict[str, int]:
    trouve = SECOND_PROCESSUS.search(construction.messages)
    assert trouve, f"pas de bilan du second processus dans :\n{construction.messages}"
    return dict(zip(("markdown", "gabarit", "recherche"), (int(n) for n in trouve.groups())))


def meme_site(a: Construction, b: Construction) -> None:
    fa, fb = a.fichiers(), b.fichiers()
    assert fa.keys() == fb.keys()
    differents = [nom for nom in fa if fa[nom] != fb[nom]]
    assert not differents, f"fichiers différents : {differents}"


@pytest.mark.skipif(not PLUSIEURS_COEURS, reason="un seul cœur : pas de second processus")
def test_un_cache_vide_fait_rendre_les_dernieres_pages_par_un_second_processus_et_le_site_est_le_meme(grand_projet, tmp_path):
    avec_le_second = construire(grand_projet, tmp_path / "cache-vide", str(tmp_path / "cache"))
    sans_cache = construire(grand_projet, tmp_path / "sans-cache", "off")
    assert avec_le_second.resultat.returncode == sans_cache.resultat.returncode == 0, avec_le_second.messages
    pages = PAGES_DU_GRAND_SITE + len(PAGES)
    assert avec_le_second.reprises() == {"markdown": (0, pages), "gabarit": (0, pages), "recherche": (0, pages)}
    second = rendues_par_le_second_processus(avec_le_second)
    assert all(0 < n < pages for n in second.values()), second
    meme_site(avec_le_second, sans_cache)


def test_une_construction_depuis_un_cache_plein_ne_donne_rien_au_second_processus(grand_projet, tmp_path):
    cache = str(tmp_path / "cache")
    construire(grand_projet, tmp_path / "premiere", cache)
    seconde = construire(grand_projet, tmp_path / "seconde", cache)
    assert seconde.resultat.returncode == 0, seconde.messages
    assert rendues_par_le_second_processus(seconde) == {"markdown": 0, "gabarit": 0, "recherche": 0}


@pytest.mark.skipif(not PLUSIEURS_COEURS, reason="un seul cœur : pas de second processus")
def test_un_lien_casse_dans_une_page_du_second_processus_est_signale_une_fois(grand_projet, tmp_path):
    remplacer(grand_projet / "docs" / f"page-{PAGES_DU_GRAND_SITE - 1:02d}.md", "(index.md)", "(disparue.md)")
    construction = construire(grand_projet, tmp_path / "sortie", str(tmp_path / "cache"))
    assert construction.resultat.returncode != 0, construction.messages
    assert rendues_par_le_second_processus(construction)["markdown"] > 0
    assert construction.messages.count("contains a link 'disparue.md', but the target is not found") == 1, construction.messages


def test_quand_le_second_processus_echoue_la_construction_fait_tout_et_le_site_est_le_meme(grand_projet, tmp_path):
    (grand_projet / "hooks").mkdir()
    (grand_projet / "hooks" / "echec.py").write_text(HOOK_QUI_ECHOUE_DANS_LE_SECOND_PROCESSUS, encoding="utf-8")
    remplacer(grand_projet / "mkdocs.yml", "hooks:\n", "hooks:\n  - hooks/echec.py\n")
    construction = construire(grand_projet, tmp_path / "cache-vide", str(tmp_path / "cache"))
    sans_cache = construire(grand_projet, tmp_path / "sans-cache", "off")
    assert construction.resultat.returncode == sans_cache.resultat.returncode == 0, construction.messages
    assert rendues_par_le_second_processus(construction)["markdown"] == 0
    assert "le second processus échoue" not in construction.messages
    meme_site(construction, sans_cache)
