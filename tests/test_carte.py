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
def carte_derivee():
    return json.loads(CARTE_JSON.read_text(encoding="utf-8"))


def _href(code: str) -> str:
    return f"../departements/{code.lower()}/"


def _title(code: str) -> str:
    return f"{referentiel.departement(code).nom} ({code})"


@pytest.fixture(scope="module")
def carte_dessinee() -> str:
    return carte.dessiner_carte(_href, _title)


@pytest.fixture(scope="module")
def arbre(carte_dessinee):
    return ET.fromstring(carte_dessinee)


# --- Derived data ---------------------------------------------------------------------------


def test_les_101_departements_ont_un_contour(carte_derivee):
    codes = list(carte_derivee["departements"])
    assert codes == [dep.code for dep in referentiel.departements()]
    for code, entry in carte_derivee["departements"].items():
        assert PATH_SYNTAX.match(entry["d"]), code
        x, y, radius = entry["label"]
        assert radius > 0, code


def test_taille_du_fichier_de_la_carte(carte_derivee):
    paths = sum(len(entry["d"]) for entry in carte_derivee["departements"].values())
    paths += sum(len(entry["d"]) for entry in carte_derivee["zoom"]["departements"].values())
    assert paths < 120_000
    assert CARTE_JSON.stat().st_size < 120_000


def test_les_encarts_d_outre_mer_cadrent_leur_departement_sans_toucher_la_metropole(carte_derivee):
    _, _, width, height = (float(v) for v in carte_derivee["viewBox"].split())
    frames = {encart["code"]: encart["cadre"] for encart in carte_derivee["encarts"]}
    assert list(frames) == OVERSEAS
    frame_right = max(x + w for x, _, w, _ in frames.values())
    for code, entry in carte_derivee["departements"].items():
        points = [p for ring in _path_points(entry["d"]) for p in ring]
        if code in frames:
            x, y, w, h = frames[code]
            assert all(x <= px <= x + w and y <= py <= y + h for px, py in points), code
        else:
            assert all(frame_right < px <= width and 0 <= py <= height for px, py in points), code


def test_le_cadre_agrandi_de_paris_et_de_la_petite_couronne(carte_derivee):
    zoom = carte_derivee["zoom"]
    assert list(zoom["departements"]) == ZOOMED
    x, y, w, h = zoom["cadre"]
    for code, entry in zoom["departements"].items():
        points = [p for ring in _path_points(entry["d"]) for p in ring]
        assert all(x <= px <= x + w and y <= py <= y + h for px, py in points), code


def test_la_corse_est_sur_la_carte(carte_derivee):
    for code in ("2A", "2B"):
        assert len(_path_points(carte_derivee["departements"][code]["d"])[0]) > 10


def test_la_carte_commitee_est_la_derivation_des_contours_du_depot():
    module = load_module("scripts/derive_carte.py", "derive_carte")
    assert module.to_json(module.derive(GEOJSON)) == CARTE_JSON.read_text(encoding="utf-8"), (
        "data/carte-departements.json is stale: run scripts/derive_carte.py"
    )


# --- Rendering ------------------------------------------------------------------------------


def _named_links(arbre):
    """The links reachable by keyboard and screen readers (not inside an aria-hidden group)."""
    hidden = {id(a) for g in arbre.iter(f"{SVG}g") if g.get("aria-hidden") == "true" for a in g.iter(f"{SVG}a")}
    return [a for a in arbre.iter(f"{SVG}a") if id(a) not in hidden]


def test_le_dessin_est_un_svg_bien_forme_avec_un_titre(arbre):
    assert arbre.tag == "figure"
    svg = arbre.find(f"{SVG}svg")
    title_id = svg.get("aria-labelledby")
    title = svg.find(f"{SVG}title")
    assert title.get("id") == title_id and title.text == carte.TITRE
    assert svg.get("role") is None  # role="img" would hide the links
    assert "liste des départements" in arbre.find("figcaption").text


def test_un_lien_nomme_par_departement_dans_l_ordre_officiel(arbre):
    links = _named_links(arbre)
    assert [a.get("data-code") for a in links] == [dep.code for dep in referentiel.departements()]
    for link in links:
        code = link.get("data-code")
        assert link.get("href") == _href(code)
        assert link.find(f"{SVG}title").text == _title(code)
        assert link.get("tabindex") is None
        assert link.find(f"{SVG}path").get("d").startswith("M")
        for text in link.iter(f"{SVG}text"):
            assert text.get("aria-hidden") == "true"


def test_les_petits_doublons_de_la_metropole_ne_servent_qu_a_la_souris(arbre):
    hidden_links = [a for a in arbre.iter(f"{SVG}a") if a.get("tabindex") == "-1"]
    assert len(hidden_links) == len(ZOOMED)
    assert sorted(a.get("href") for a in hidden_links) == sorted(_href(code) for code in ZOOMED)
    assert all(a.find(f"{SVG}title") is None for a in hidden_links)


def test_les_encarts_d_outre_mer_sont_encadres_et_nommes(arbre):
    frames = [rect for rect in arbre.iter(f"{SVG}rect") if rect.get("class") == "carte-encart__cadre"]
    assert len(frames) == len(OVERSEAS) + 1  # and the Paris frame
    names = {text.text for text in arbre.iter(f"{SVG}text") if text.get("class") == "carte-dep__nom"}
    assert names == {f"{referentiel.departement(code).nom} ({code})" for code in OVERSEAS}


def test_tout_est_echappe():
    html = carte.dessiner_carte(lambda code: f"/d?c={code}&x=1", lambda code: f'<b>"{code}"</b> & co')
    arbre = ET.fromstring(html)
    link = _named_links(arbre)[0]
    assert link.get("href") == "/d?c=01&x=1"
    assert link.find(f"{SVG}title").text == '<b>"01"</b> & co'
    assert "<b>" not in html


def test_taille_de_la_carte_dessinee(carte_dessinee):
    raw = len(carte_dessinee.encode("utf-8"))
    zipped = len(gzip.compress(carte_dessinee.encode("utf-8"), compresslevel=9))
    assert raw < 90_000
    assert zipped < 25_000
