"""The SVG map: derived data and the accessible HTML rendering."""
from __future__ import annotations

import gzip
import json
import re
import xml.etree.ElementTree as ET

import pytest

from emploi_accompagne import carte, referentiel
from tests.helpers.modules import load_module
from tests.helpers.site import ROOT

CARTE_JSON = ROOT / "data" / "carte-departements.json"
GEOJSON = ROOT / "data" / "sources" / "departements-avec-outre-mer.geojson.gz"  # committed
SVG = "{http://www.w3.org/2000/svg}"
OVERSEAS = ["971", "972", "973", "974", "976"]
ZOOMED = ["75", "92", "93", "94"]
PATH_SYNTAX = re.compile(r"^(M-?\d+[ -]\d+l(?:[ -]?\d+)*z)+$")


def _path_points(d: str) -> list[list[tuple[int, int]]]:
    """Absolute points of each ring of a path written as 'M x y l dx dy ... z'."""
    rings = []
    for ring in re.findall(r"M([^z]*)z", d):
        start, _, deltas = ring.partition("l")
        numbers = [int(n) for n in re.findall(r"-?\d+", start)]
        x, y = numbers
        points = [(x, y)]
        steps = [int(n) for n in re.findall(r"-?\d+", deltas)]
        for dx, dy in zip(steps[::2], steps[1::2]):
            x, y = x + dx, y + dy
            points.append((x, y))
        rings.append(points)
    return rings


@pytest.fixture(scope="module")
def data():
    return json.loads(CARTE_JSON.read_text(encoding="utf-8"))


def _href(code: str) -> str:
    return f"../departements/{code.lower()}/"


def _title(code: str) -> str:
    return f"{referentiel.departement(code).nom} ({code})"


@pytest.fixture(scope="module")
def rendered() -> str:
    return carte.dessiner_carte(_href, _title)


@pytest.fixture(scope="module")
def tree(rendered):
    return ET.fromstring(rendered)


# --- Derived data ---------------------------------------------------------------------------


def test_the_101_departements_have_a_path(data):
    codes = list(data["departements"])
    assert codes == [dep.code for dep in referentiel.departements()]
    for code, entry in data["departements"].items():
        assert PATH_SYNTAX.match(entry["d"]), code
        x, y, radius = entry["label"]
        assert radius > 0, code


def test_file_sizes(data):
    paths = sum(len(entry["d"]) for entry in data["departements"].values())
    paths += sum(len(entry["d"]) for entry in data["zoom"]["departements"].values())
    assert paths < 120_000
    assert CARTE_JSON.stat().st_size < 120_000


def test_overseas_insets_frame_their_departement_and_do_not_overlap_the_mainland(data):
    _, _, width, height = (float(v) for v in data["viewBox"].split())
    frames = {encart["code"]: encart["cadre"] for encart in data["encarts"]}
    assert list(frames) == OVERSEAS
    frame_right = max(x + w for x, _, w, _ in frames.values())
    for code, entry in data["departements"].items():
        points = [p for ring in _path_points(entry["d"]) for p in ring]
        if code in frames:
            x, y, w, h = frames[code]
            assert all(x <= px <= x + w and y <= py <= y + h for px, py in points), code
        else:
            assert all(frame_right < px <= width and 0 <= py <= height for px, py in points), code


def test_zoom_of_paris_and_petite_couronne(data):
    zoom = data["zoom"]
    assert list(zoom["departements"]) == ZOOMED
    x, y, w, h = zoom["cadre"]
    for code, entry in zoom["departements"].items():
        points = [p for ring in _path_points(entry["d"]) for p in ring]
        assert all(x <= px <= x + w and y <= py <= y + h for px, py in points), code


def test_corsica_is_on_the_map(data):
    for code in ("2A", "2B"):
        assert len(_path_points(data["departements"][code]["d"])[0]) > 10


def test_committed_map_is_the_derivation_of_the_geojson():
    module = load_module("scripts/derive_carte.py", "derive_carte")
    assert module.to_json(module.derive(GEOJSON)) == CARTE_JSON.read_text(encoding="utf-8"), (
        "data/carte-departements.json is stale: run scripts/derive_carte.py"
    )


# --- Rendering ------------------------------------------------------------------------------


def _named_links(tree):
    """The links reachable by keyboard and screen readers (not inside an aria-hidden group)."""
    hidden = {id(a) for g in tree.iter(f"{SVG}g") if g.get("aria-hidden") == "true" for a in g.iter(f"{SVG}a")}
    return [a for a in tree.iter(f"{SVG}a") if id(a) not in hidden]


def test_rendering_is_well_formed_xml_with_a_titled_svg(tree):
    assert tree.tag == "figure"
    svg = tree.find(f"{SVG}svg")
    title_id = svg.get("aria-labelledby")
    title = svg.find(f"{SVG}title")
    assert title.get("id") == title_id and title.text == carte.TITRE
    assert svg.get("role") is None  # role="img" would hide the links
    assert "liste des départements" in tree.find("figcaption").text


def test_one_named_link_per_departement_in_official_order(tree):
    links = _named_links(tree)
    assert [a.get("data-code") for a in links] == [dep.code for dep in referentiel.departements()]
    for link in links:
        code = link.get("data-code")
        assert link.get("href") == _href(code)
        assert link.find(f"{SVG}title").text == _title(code)
        assert link.get("tabindex") is None
        assert link.find(f"{SVG}path").get("d").startswith("M")
        for text in link.iter(f"{SVG}text"):
            assert text.get("aria-hidden") == "true"


def test_small_mainland_copies_are_mouse_only(tree):
    hidden_links = [a for a in tree.iter(f"{SVG}a") if a.get("tabindex") == "-1"]
    assert len(hidden_links) == len(ZOOMED)
    assert sorted(a.get("href") for a in hidden_links) == sorted(_href(code) for code in ZOOMED)
    assert all(a.find(f"{SVG}title") is None for a in hidden_links)


def test_overseas_insets_are_framed_and_labelled(tree):
    frames = [rect for rect in tree.iter(f"{SVG}rect") if rect.get("class") == "carte-encart__cadre"]
    assert len(frames) == len(OVERSEAS) + 1  # and the Paris frame
    names = {text.text for text in tree.iter(f"{SVG}text") if text.get("class") == "carte-dep__nom"}
    assert names == {f"{referentiel.departement(code).nom} ({code})" for code in OVERSEAS}


def test_everything_is_escaped():
    html = carte.dessiner_carte(lambda code: f"/d?c={code}&x=1", lambda code: f'<b>"{code}"</b> & co')
    tree = ET.fromstring(html)
    link = _named_links(tree)[0]
    assert link.get("href") == "/d?c=01&x=1"
    assert link.find(f"{SVG}title").text == '<b>"01"</b> & co'
    assert "<b>" not in html


def test_rendered_size(rendered):
    raw = len(rendered.encode("utf-8"))
    zipped = len(gzip.compress(rendered.encode("utf-8"), compresslevel=9))
    assert raw < 90_000
    assert zipped < 25_000
