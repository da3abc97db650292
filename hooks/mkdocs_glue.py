"""What the site's hooks share (not a hook itself: mkdocs.yml does not list it; MkDocs puts
this folder on `sys.path` while it loads a hook, which is how the hooks import it)."""
from __future__ import annotations

import sys
from collections.abc import Iterable
from typing import NoReturn

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel


def stop_build(problems: list, what: str = "") -> NoReturn:
    """One located line per problem on stderr (editors and CI annotate `file:line:col`), then
    stop before anything is written: no Python traceback, no partial site."""
    for problem in problems:
        print(problem, file=sys.stderr)
    where = f" dans {what}" if what else ""
    raise PluginError(f"{len(problems)} problème(s){where} : corriger les lignes ci-dessus (rien n'a été construit).") from None


def add_generated_files(files: Files, config, generated: Iterable) -> Files:
    """Each generated file replaces any file of docs/ at its path, without being written into
    docs/ (which would loop `mkdocs serve`), in or out of the navigation as it says."""
    for item in generated:
        old = files.get_file_from_path(item.chemin)
        if old is not None:
            files.remove(old)
        new = File.generated(config, item.chemin, content=item.contenu)
        if not item.dans_la_navigation:
            new.inclusion = InclusionLevel.NOT_IN_NAV
        files.append(new)
    return files
