"""Code hygiene: ruff (configured in pyproject.toml) finds nothing, and the installed package needs no import hacks."""
import subprocess
import sys
from pathlib import Path

from emploi_accompagne.paths import ROOT

RUFF = Path(sys.executable).with_name("ruff")


def test_ruff_reports_nothing():
    resultat = subprocess.run([str(RUFF), "check", "--output-format", "concise", "."], cwd=ROOT, capture_output=True, text=True)
    assert resultat.returncode == 0, resultat.stdout + resultat.stderr


def test_no_module_edits_the_import_path():
    """The package is installed (pyproject.toml): nothing needs to edit the import path."""
    offenders = [
        str(p.relative_to(ROOT))
        for dossier in ("emploi_accompagne", "hooks", "scripts", "benchmarks", "tests")
        for p in (ROOT / dossier).rglob("*.py")
        if "sys.path.insert" in p.read_text(encoding="utf-8") and p.name != "test_code.py"
    ]
    assert not offenders
