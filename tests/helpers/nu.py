"""The W3C Nu HTML checker (npm package vnu-jar) over every page of a test run, once.

Java starts slowly and warms up as it goes: one run of the checker over all the pages (the
site's, and the specimen's complete département page) costs a fraction of one run per part.
The process that builds the sites starts it in the background as soon as they are built
(tests/conftest.py), so that it works while the tests start; the tests read its report, a
file written whole when the checker has ended (`python -m tests.helpers.nu REPORT FILE...`).
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path
from urllib.parse import unquote, urlsplit

from tests.helpers.site import NODE_MODULES, ROOT

VNU_JAR = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
SHARED_REPORT = "EA_NU_REPORT"  # where the report of the run's checker will be
WAIT_S = 900  # far more than the checker takes on a busy machine; only a hung Java reaches it

_started: list[subprocess.Popen] = []


class NuUnavailable(Exception):
    """Java or the checker is missing, or the checker did not answer."""


def start(files: list[Path], report: Path) -> None:
    """Start the checker over `files` in the background; its report will be `report`."""
    report.unlink(missing_ok=True)
    command = [sys.executable, "-m", "tests.helpers.nu", str(report), *map(str, files)]
    _started.append(subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
    os.environ[SHARED_REPORT] = str(report)  # the test processes started from now on read it


def stop() -> None:
    for process in _started:
        if process.poll() is None:
            process.kill()
        process.wait()
    _started.clear()


def errors(files: list[Path], report: Path) -> dict[str, list[str]]:
    """{file: its errors} from the report of the run's checker (started here if no process has)."""
    if os.environ.get(SHARED_REPORT) != str(report):
        start(files, report)
    deadline = time.monotonic() + WAIT_S
    while not report.is_file():  # polled: written whole (renamed into place) when the checker ends
        if time.monotonic() > deadline:
            raise NuUnavailable(f"no report from the Nu checker after {WAIT_S} s ({report})")
        time.sleep(0.1)
    found = json.loads(report.read_text(encoding="utf-8"))
    if "unavailable" in found:
        raise NuUnavailable(found["unavailable"])
    return found["errors"]


def check(files: list[str]) -> dict:
    """Run the checker; {"errors": {file: [errors]}} or {"unavailable": why}."""
    java = shutil.which("java")
    if java is None:
        return {"unavailable": "`java` not found: the W3C Nu checker needs Java 11 or later (Debian: openjdk-17-jre-headless)."}
    if not VNU_JAR.is_file():
        return {"unavailable": f"{VNU_JAR} is missing: run `npm ci` (or `make test`)."}
    result = subprocess.run(
        [java, "-jar", str(VNU_JAR), "--errors-only", "--format", "json", *files], capture_output=True, text=True
    )
    try:
        report = json.loads(result.stderr or result.stdout)  # vnu writes its report on stderr
    except json.JSONDecodeError:
        return {"unavailable": f"the Nu checker did not answer in JSON (exit {result.returncode}):\n{result.stderr[-3000:]}"}
    by_file = defaultdict(list)
    for message in report.get("messages", []):
        if message.get("type") in ("error", "non-document-error") or message.get("subType") == "fatal":
            file = str(Path(unquote(urlsplit(message.get("url", "")).path)).resolve())
            line = message.get("lastLine", "?")
            by_file[file].append(f"line {line}: {message.get('message')} [{message.get('extract', '').strip()[:120]}]")
    return {"errors": dict(by_file)}


def main(arguments: list[str]) -> None:
    report, files = Path(arguments[0]), arguments[1:]
    partial = report.with_suffix(".partial")
    partial.write_text(json.dumps(check(files)), encoding="utf-8")
    partial.replace(report)


if __name__ == "__main__":
    main(sys.argv[1:])
