"""Which test process (pytest-xdist worker) runs which tests: `--dist loadgroup`, made to work.

Tests that read the same costly measurement carry the same `xdist_group` mark, and
loadgroup sends a whole group to one worker, which then makes the measurement once.
xdist passes the groups from the workers to the controller by appending them to the
test ids, which pytest 9.2 no longer allows: the groups are silently lost
(pytest-dev/pytest-xdist#1386). Here each worker writes the groups it collected to a
file the controller gave it (environment variable GROUPS_FILE), and the controller's
scheduler reads them from there.
"""
from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path

from xdist.scheduler import LoadGroupScheduling

GROUPS_FILE = "EA_TEST_GROUPS"


def group_of(item) -> str | None:
    names = sorted(str(mark.args[0] if mark.args else mark.kwargs.get("name", "default"))
                   for mark in item.iter_markers("xdist_group"))
    return "_".join(names) or None


def share_groups() -> None:
    """In the controller, before the workers start: where they will write their groups."""
    os.environ[GROUPS_FILE] = str(Path(tempfile.mkdtemp(prefix="ea-groups-")) / "groups.json")


def stop_sharing_groups() -> None:
    if GROUPS_FILE in os.environ:
        shutil.rmtree(Path(os.environ.pop(GROUPS_FILE)).parent, ignore_errors=True)


def write_groups(items) -> None:
    """In a worker: {test id: group} for the controller (every worker writes the same file)."""
    destination = os.environ.get(GROUPS_FILE)
    if not destination:
        return
    groups = {item.nodeid: group for item in items if (group := group_of(item))}
    partial = Path(f"{destination}.{os.getpid()}")
    partial.write_text(json.dumps(groups), encoding="utf-8")
    partial.replace(destination)  # the other worker may be reading it


class GroupScheduling(LoadGroupScheduling):
    """loadgroup, with the groups read from the workers' file."""

    def __init__(self, config, log=None) -> None:
        super().__init__(config, log)
        self._groups: dict[str, str] | None = None

    def _split_scope(self, nodeid: str) -> str:
        if self._groups is None:  # first called once every worker has collected
            path = Path(os.environ[GROUPS_FILE])
            self._groups = json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}
        return self._groups.get(nodeid) or super()._split_scope(nodeid)


# --- Measurements made a part of the site at a time -----------------------------------------
# Loading every page in a fresh browser context, or running the Nu checker over every page,
# takes minutes in one process: the pages are split into parts, each measured by the process
# that runs the tests of that part (each part is a group), so that the processes share the work.
PARTS = 6


def parts_of(paths: list[str]) -> dict[str, int]:
    """{page: its part}: the site's pages, in order, dealt round-robin."""
    return {path: index % PARTS for index, path in enumerate(paths)}


class MeasuredByPart(Mapping):
    """{page path: result}, measured one part of the pages at a time, on first use of the part."""

    def __init__(self, paths: list[str], measure: Callable[[list[str]], dict]) -> None:
        self._paths = list(paths)
        self._parts = parts_of(self._paths)
        self._measure = measure
        self._results: dict = {}
        self._measured: set[int] = set()

    def __getitem__(self, path: str):
        part = self._parts[path]
        if part not in self._measured:
            self._results.update(self._measure([p for p in self._paths if self._parts[p] == part]))
            self._measured.add(part)
        return self._results[path]

    def __iter__(self) -> Iterator[str]:
        return iter(self._paths)

    def __len__(self) -> int:
        return len(self._paths)
