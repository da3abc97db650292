"""MkDocs hook: every page written in docs/ ends with the date it was last changed, from the
git history of its source (thin glue; the work is in emploi_accompagne.mise_a_jour).

A page whose text comes from a data file names it in its front matter
(`sources: [data/glossaire.yaml]`): the later of the two dates is given. Generated pages
(départements, questionnaire) carry their own dates, and get none here.
"""
from __future__ import annotations

from pathlib import Path

from emploi_accompagne import mise_a_jour

_state: dict = {}


def on_config(config):
    _state["racine"] = racine = Path(config.config_file_path).parent
    _state["docs"] = Path(config.docs_dir).resolve().relative_to(racine.resolve()).as_posix()
    _state["dates"] = mise_a_jour.dates_des_fichiers(racine)
    return config


def on_page_markdown(markdown, page, config, files):
    if page.file.generated_by is not None:
        return markdown
    sources = [f"{_state['docs']}/{page.file.src_uri}", *page.meta.get("sources", [])]
    date = mise_a_jour.date_de_la_page(_state["dates"], sources)
    if date is None:
        return markdown
    return f"{markdown}\n\n{mise_a_jour.mention_markdown(date)}\n"
