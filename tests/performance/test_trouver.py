"""The finder (/trouver-ma-plateforme/) loads its data only when the reader types, ≤ 30 KB a query.

Two views of the same budget:
- in Chromium, a fresh finder page per query (so the first query's cost, the worst:
  it also fetches the file every query needs), typing a few real queries;
- on the files themselves, the worst possible query: the finder's design
  (emploi_accompagne/annuaire/recherche.py) fetches at most the always-needed file
  `index/departements.json` and one other file, so the budget holds for every query
  when that file plus the heaviest other file fit in it. (A name of five letters or more
  that finds nothing gets a second look, one wrong letter allowed, in up to three commune
  files: its bytes are measured on typos of real names in tests/annuaire/test_recherche.py.)
Bytes are counted as in test_budgets.py (gzip level 6 of each body).
"""
from __future__ import annotations

import gzip

import pytest

from benchmarks.poids import finder_query

FINDER = "/trouver-ma-plateforme/"
DATA_DIR = "trouver-ma-plateforme/index"
ALWAYS_NEEDED = "departements.json"
QUERY_BUDGET = 30_000
QUERIES = ("villeurb", "29200", "2a", "974", "ardeche", "cotes d armor", "saint-etienne")


def gzip_size(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=6, mtime=0))


@pytest.fixture(scope="module")
def finder_url(site):
    if not (site.root / FINDER.strip("/") / "index.html").is_file():
        pytest.fail(f"{FINDER} is missing from the built site", pytrace=False)
    return site.url(FINDER)


@pytest.mark.navigateur
@pytest.mark.parametrize("query", QUERIES)
def test_query_fetches_at_most_30_kb(query, browser, finder_url):
    result = finder_query(browser, finder_url, query)
    fetched = "\n".join(f"  {r.gzip:>8,}  {r.url}" for r in result.resources)
    assert result.resources, f"typing « {query} » fetched nothing: the finder did not look anything up"
    assert result.total_gzip <= QUERY_BUDGET, (
        f"« {query} » fetched {result.total_gzip:,} bytes gzip, budget {QUERY_BUDGET:,}:\n{fetched}"
    )


def test_worst_query_fits_in_the_budget(site):
    data_dir = site.root / DATA_DIR
    files = {path.relative_to(data_dir).as_posix(): gzip_size(path.read_bytes()) for path in data_dir.rglob("*.json")}
    assert ALWAYS_NEEDED in files, f"{DATA_DIR}/{ALWAYS_NEEDED} is missing"
    always = files.pop(ALWAYS_NEEDED)
    heaviest = max(files, key=files.get)
    worst = always + files[heaviest]
    assert worst <= QUERY_BUDGET, (
        f"{ALWAYS_NEEDED} ({always:,} bytes gzip) + {heaviest} ({files[heaviest]:,}) = {worst:,} "
        f"> {QUERY_BUDGET:,}"
    )


@pytest.mark.navigateur
@pytest.mark.parametrize("path", [FINDER])  # grouped with the other tests of this page's load (tests/conftest.py)
def test_finder_fetches_no_data_before_typing(path, page_loads):
    load = page_loads[path]
    data = [r.url for r in load.resources if f"/{DATA_DIR}/" in r.url]
    assert not data, f"{FINDER} fetches its data before anything is typed: {data}"
