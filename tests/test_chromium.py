"""Which Chromium the tests and the benchmarks launch (tests/helpers/chromium.py)."""
from __future__ import annotations

import pytest

from tests.helpers.chromium import find_chromium


@pytest.fixture
def path_with(tmp_path, monkeypatch):
    """A PATH holding only executables of these names (empty files with the execute bit)."""

    def make(*names: str) -> dict[str, str]:
        for name in names:
            executable = tmp_path / name
            executable.write_text("#!/bin/sh\n")
            executable.chmod(0o755)
        monkeypatch.setenv("PATH", str(tmp_path))
        monkeypatch.delenv("CHROMIUM", raising=False)
        return {name: str(tmp_path / name) for name in names}

    return make


def test_les_tests_lancent_le_headless_shell_de_debian_quand_il_est_installe(path_with):
    found = path_with("chromium", "chromium-headless-shell")
    assert find_chromium() == found["chromium-headless-shell"]


def test_lighthouse_lance_chromium_entier(path_with):
    found = path_with("chromium", "chromium-headless-shell")
    assert find_chromium(shell=False) == found["chromium"]


def test_sans_le_shell_les_tests_lancent_chromium(path_with):
    found = path_with("chromium")
    assert find_chromium() == found["chromium"]


def test_la_variable_chromium_l_emporte(path_with, tmp_path, monkeypatch):
    path_with("chromium", "chromium-headless-shell")
    chosen = tmp_path / "mon-chromium"
    chosen.write_text("#!/bin/sh\n")
    monkeypatch.setenv("CHROMIUM", str(chosen))
    assert find_chromium() == find_chromium(shell=False) == str(chosen)
