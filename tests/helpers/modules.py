"""Loading the project's scripts and hooks, which are files rather than package modules."""
from __future__ import annotations

import importlib.util
from types import ModuleType

from mkdocs.config import config_options

from tests.helpers.site import ROOT


def load_module(relative_path: str, name: str) -> ModuleType:
    """The module at ROOT/relative_path (e.g. "hooks/annuaire.py"), executed under `name`."""
    spec = importlib.util.spec_from_file_location(name, ROOT / relative_path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def load_hook(relative_path: str, name: str) -> ModuleType:
    """A hook (e.g. "hooks/annuaire.py") loaded by MkDocs' own loader, as `mkdocs build` does:
    a fresh module each time, with its folder on the import path while it runs, so that it
    finds hooks/mkdocs_glue.py."""
    return config_options.Hooks("plugins")._load_hook(name, str(ROOT / relative_path))
