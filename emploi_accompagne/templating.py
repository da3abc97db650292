"""Jinja2 rendering of Markdown pages that show values set once in the site configuration."""
from __future__ import annotations

from jinja2 import Environment, StrictUndefined

_env = Environment(undefined=StrictUndefined, autoescape=False, keep_trailing_newline=True)


def render_with_site_values(markdown: str, extra: dict) -> str:
    """Render `{{ extra.editeur.nom }}`-style placeholders; an unknown name fails the build."""
    return _env.from_string(markdown).render(extra=extra)
