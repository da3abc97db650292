"""Le balisage d'une fiche complète (plusieurs lieux, horaires, partenaires) : Nu checker et axe-core.

The real data has no contact yet, so the built site cannot show the full markup of a
page. This renders the fake complete entry of the fixtures into a minimal HTML document
and checks it with the same tools as the site tests.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.helpers.browser import AXE_RUN, AXE_SCRIPT, AXE_TAGS
from tests.helpers.site import ROOT

from .test_pages import en_html

VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


@pytest.fixture(scope="module")
def document_complet(fichiers_complets) -> str:
    corps = en_html(fichiers_complets["departements/01/index.md"])
    return (
        '<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>Ain (01)</title></head>'
        f"<body><main>{corps}</main></body></html>"
    )


def test_la_fiche_complete_est_du_html_valide(document_complet, tmp_path):
    java = shutil.which("java")
    if java is None or not VNU_JAR.is_file():
        pytest.fail("the Nu checker needs Java and node_modules/vnu-jar (`npm ci`)", pytrace=False)
    page = tmp_path / "ain.html"
    page.write_text(document_complet, encoding="utf-8")
    result = subprocess.run(
        [java, "-jar", str(VNU_JAR), "--errors-only", "--format", "json", str(page)], capture_output=True, text=True
    )
    messages = json.loads(result.stderr or result.stdout)["messages"]
    assert not messages, "\n".join(f"{m.get('lastLine')}: {m.get('message')}" for m in messages)


def page_du_site_avec_la_fiche_complete(site, document_complet) -> str:
    """The built page of the Ain, its content swapped for the complete entry (Material's CSS
    matters to axe: spacing, target sizes, contrast). Written next to the pages, at the same
    depth, so that its relative links to the assets still work; returns its URL path."""
    construite = (Path(site.root) / "departements/01/index.html").read_text(encoding="utf-8")
    debut = construite.index('<article class="md-content__inner md-typeset">')
    fin = construite.index("</article>", debut)
    corps = document_complet.split("<main>", 1)[1].rsplit("</main>", 1)[0]
    # The build gives the stylesheet a fingerprinted name (hooks/fingerprints.py).
    feuille = next((Path(site.root) / "assets").glob("annuaire.*.css")).name
    lien = f'<link rel="stylesheet" href="../../assets/{feuille}">'  # the Ain has no card: no link yet
    page = construite[:debut] + '<article class="md-content__inner md-typeset">' + corps + construite[fin:]
    page = page.replace("</head>", lien + "</head>", 1)
    chemin = Path(site.root) / "_tests-annuaire" / "ain-complet" / "index.html"
    chemin.parent.mkdir(parents=True, exist_ok=True)
    # Written aside then renamed: the other test process may be loading the page meanwhile.
    partiel = chemin.with_name(f"index.{os.getpid()}.partiel")
    partiel.write_text(page, encoding="utf-8")
    partiel.replace(chemin)
    return "/_tests-annuaire/ain-complet/"


@pytest.mark.parametrize("schema", ["light", "dark"])
def test_la_fiche_complete_passe_axe_core(site, browser, document_complet, schema):
    if not AXE_SCRIPT.is_file():
        pytest.fail("axe-core is missing: run `npm ci`", pytrace=False)
    chemin = page_du_site_avec_la_fiche_complete(site, document_complet)
    contexte = browser.new_context(color_scheme=schema, locale="fr-FR", viewport={"width": 1280, "height": 900})
    try:
        page = contexte.new_page()
        page.goto(site.url(chemin), wait_until="load")
        page.add_script_tag(content=AXE_SCRIPT.read_text(encoding="utf-8"))
        violations = page.evaluate(AXE_RUN, AXE_TAGS)
    finally:
        contexte.close()
    assert not violations, json.dumps(violations, ensure_ascii=False, indent=1)
