"""How long `mkdocs serve` takes to rebuild after a change of `data/plateformes.yaml`.

The figure is MkDocs' own ("Documentation built in … seconds"), which is what the
maintainer waits for before the browser reloads. The change is a real one, the
verification date of one fiche, made and undone in turn: each save changes the data
the pages are built from.
"""
from __future__ import annotations

import os
import queue
import re
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

from . import projets
from .statistiques import Series

BUILT = re.compile(r"Documentation built in ([0-9.]+) seconds")
FICHE = '- departement: "02"\n  statut_verification: a-completer\n  date_maj: '
PAUSE_S = 3  # between two saves: MkDocs waits for the files to settle, then rebuilds
TIMEOUT_S = 120


def rebuild_times(project: Path, runs: int) -> dict:
    """`runs` rebuilds of `mkdocs serve` on `project` (a scratch copy): Series.as_dict()."""
    data = project / "data" / "plateformes.yaml"
    original = data.read_text(encoding="utf-8")
    changed = _changed_date(original)
    # Dated as `make serve` dates it (Makefile).
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", SOURCE_DATE_EPOCH=projets.commit_epoch())
    # MkDocs shows "Documentation built in 0.87 seconds" once per session (a filter drops repeated
    # messages, so a rebuild as fast as an earlier one would say nothing); it adds that filter
    # only when Python is given no -W option: one is given, which changes nothing else here.
    command = [
        sys.executable, "-W", "ignore::DeprecationWarning", "-m", "mkdocs", "serve",
        "--dev-addr", f"127.0.0.1:{_free_port()}", "--watch", "data",
    ]
    server = subprocess.Popen(command, cwd=project, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    builds: queue.Queue[float] = queue.Queue()
    threading.Thread(target=_read_build_times, args=(server.stdout, builds), daemon=True).start()
    times = []
    try:
        builds.get(timeout=TIMEOUT_S)  # the first, full build
        for run in range(runs):
            time.sleep(PAUSE_S)
            data.write_text(changed if run % 2 == 0 else original, encoding="utf-8")
            times.append(builds.get(timeout=TIMEOUT_S))
    finally:
        server.terminate()
        server.wait()
        data.write_text(original, encoding="utf-8")
    return Series(tuple(times)).as_dict()


def _changed_date(text: str) -> str:
    start = text.index(FICHE) + len(FICHE)
    date = text[start:start + 10]
    other = date[:-1] + ("1" if date[-1] != "1" else "2")
    return text[:start] + other + text[start + 10:]


def _read_build_times(stream, builds: queue.Queue) -> None:
    for line in stream:
        found = BUILT.search(line)
        if found:
            builds.put(float(found.group(1)))


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]
