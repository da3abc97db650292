"""How the test processes share the costly measurements (tests/helpers/distribution.py)."""
from __future__ import annotations

from tests.helpers import distribution


def test_les_pages_sont_reparties_en_parts_egales():
    paths = [f"/page-{i}/" for i in range(20)]
    parts = list(distribution.parts_of(paths).values())
    counts = [parts.count(part) for part in range(distribution.PARTS)]
    assert set(parts) == set(range(distribution.PARTS))
    assert max(counts) - min(counts) <= 1


def test_une_part_est_mesuree_une_fois_a_sa_premiere_lecture():
    paths = [f"/page-{i}/" for i in range(20)]
    measured = []

    def measure(chunk):
        measured.append(chunk)
        return {path: path.upper() for path in chunk}

    results = distribution.MeasuredByPart(paths, measure)
    assert results["/page-0/"] == "/PAGE-0/"
    assert results[f"/page-{distribution.PARTS}/"] == f"/PAGE-{distribution.PARTS}/"  # same part: no new measure
    assert len(measured) == 1 and "/page-1/" not in measured[0]
    assert results["/page-1/"] == "/PAGE-1/"
    assert len(measured) == 2
    assert sorted(path for chunk in measured for path in chunk) == sorted(
        path for path, part in distribution.parts_of(paths).items() if part in (0, 1)
    )
