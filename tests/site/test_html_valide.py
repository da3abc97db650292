"""Zero error from the W3C Nu HTML checker (npm package vnu-jar) on every page.

The checker is run over a part of the pages at a time (Java starts slowly; the parts are
shared out between the test processes), then each page's errors are reported by its own test.
"""
import json
import shutil
import subprocess
from collections import defaultdict
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from tests.helpers.distribution import MeasuredByPart
from tests.helpers.site import ROOT

VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

pytestmark = pytest.mark.vnu


@pytest.fixture(scope="session")
def nu_errors(site) -> MeasuredByPart:
    """{URL path: errors} for every page, the checker run over a part of the pages at a time."""
    java = shutil.which("java")
    if java is None:
        pytest.fail("`java` not found: the W3C Nu checker needs Java 11 or later (Debian: openjdk-17-jre-headless).", pytrace=False)
    if not VNU_JAR.is_file():
        pytest.fail(f"{VNU_JAR} is missing: run `npm ci` (or `make test`).", pytrace=False)
    files = {page.path: page.file.resolve() for page in site.pages}

    def check(paths: list[str]) -> dict[str, list[str]]:
        by_file = _nu_check(java, [files[path] for path in paths])
        return {path: by_file.get(files[path], []) for path in paths}

    return MeasuredByPart(list(files), check)


def _nu_check(java: str, files: list[Path]) -> dict[Path, list[str]]:
    result = subprocess.run(
        [java, "-jar", str(VNU_JAR), "--errors-only", "--format", "json", *map(str, files)],
        capture_output=True, text=True,
    )
    try:
        report = json.loads(result.stderr or result.stdout)  # vnu writes its report on stderr
    except json.JSONDecodeError:
        pytest.fail(f"the Nu checker did not answer in JSON (exit {result.returncode}):\n{result.stderr[-3000:]}", pytrace=False)
    errors = defaultdict(list)
    for message in report.get("messages", []):
        if message.get("type") in ("error", "non-document-error") or message.get("subType") == "fatal":
            file = Path(unquote(urlsplit(message.get("url", "")).path)).resolve()
            line = message.get("lastLine", "?")
            errors[file].append(f"line {line}: {message.get('message')} [{message.get('extract', '').strip()[:120]}]")
    return errors


def test_no_nu_checker_error(site_page, nu_errors):
    errors = nu_errors[site_page.path]
    assert not errors, f"W3C Nu checker errors in {site_page} ({site_page.file}):\n" + "\n".join(errors)
