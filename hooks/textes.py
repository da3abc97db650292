"""MkDocs hook: the direct Légifrance link of every Code du travail article a page cites
(thin glue; the work is in emploi_accompagne.textes).

- on_config: read the extract data/code-du-travail.json of the project being built;
- on_page_markdown: append to the page the reference definitions of its article labels
  (`[article L. 5213-2-1][L. 5213-2-1]` links to the version in force, by its identifier);
  an article that the extract does not hold, or that is no longer in force, stops the build
  with the page and the article.
"""
from __future__ import annotations

from pathlib import Path

from mkdocs_glue import stop_build

from emploi_accompagne import textes

_state: dict = {}


def on_config(config):
    # The extract of the project being built, next to its mkdocs.yml.
    _state["extrait"] = textes.charger_extrait(Path(config.config_file_path).parent / "data" / textes.EXTRAIT.name)
    return config


def on_page_markdown(markdown, page, config, files):
    try:
        return textes.avec_liens_des_articles(markdown, _state["extrait"])
    except textes.ArticleInconnu as error:
        stop_build([f"{page.file.src_uri}: {error}"])
