"""MkDocs hooks: thin glue between MkDocs and the `emploi_accompagne` package."""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from emploi_accompagne import glossary  # noqa: E402
from emploi_accompagne.plan import NavEntry, plan_markdown  # noqa: E402
from emploi_accompagne.templating import render_with_site_values  # noqa: E402

GLOSSARY_PAGE = "glossaire.md"
PLAN_PAGE = "plan-du-site.md"

_state: dict = {}


def on_config(config):
    _state["terms"] = glossary.load_terms()
    return config


def on_nav(nav, config, files):
    _state["nav"] = nav
    return nav


def on_page_markdown(markdown, page, config, files):
    if page.meta.get("gabarit"):
        # Pages that show deployer-provided values (mkdocs.yml `extra:`), e.g. the publisher.
        markdown = render_with_site_values(markdown, config.extra)
    if page.file.src_uri == GLOSSARY_PAGE:
        markdown = markdown.replace("{{ glossaire }}", glossary.glossary_markdown(_state["terms"]))
    if page.file.src_uri == PLAN_PAGE:
        markdown = markdown.replace("{{ plan_du_site }}", plan_markdown(_nav_entries(_state["nav"].items, page)))
    return markdown + "\n\n" + glossary.abbreviation_definitions(_state["terms"], markdown) + "\n"


def _nav_entries(items, from_page) -> list[NavEntry]:
    entries = []
    for item in items:
        url = None
        if getattr(item, "file", None) is not None:
            url = _relative_md_link(from_page, item.file.src_uri)
        elif getattr(item, "url", None) and not getattr(item, "children", None):
            url = item.url
        children = _nav_entries(item.children, from_page) if getattr(item, "children", None) else []
        entries.append(NavEntry(title=item.title, url=url, children=children))
    return entries


def _relative_md_link(from_page, src_uri: str) -> str:
    from posixpath import dirname, relpath

    return relpath(src_uri, dirname(from_page.file.src_uri) or ".")
