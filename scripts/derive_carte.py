"""Derive the compact SVG map of the 101 départements from the IGN outlines.

Reads ../shared/data/departements-avec-outre-mer.geojson (IGN Admin Express / INSEE
COG 2018, simplified, Licence Ouverte, from the france-geojson project) and writes
data/carte-departements.json: one SVG path per département, already projected and
simplified, the five overseas départements as framed insets in a column left of
metropolitan France, Paris and the petite couronne (75, 92, 93, 94) repeated enlarged
in a frame of their own, the viewBox and a label anchor per département.

How:
- metropolitan France (with Corsica) is projected in Lambert-93 (the official
  conformal conic projection, EPSG:2154); each overseas département gets a local
  equirectangular projection (x scaled by cos of its mean latitude) and is scaled
  to fill its inset frame;
- simplification is topological: the shared borders are cut into arcs at the
  points where three outlines meet, each arc is simplified once (Douglas-Peucker)
  and reused by both neighbours, so simplified borders still fit without gaps;
- coordinates are rounded to whole units; each path uses relative moves;
- label anchors are poles of inaccessibility (the interior point farthest from the
  edges, "polylabel"), better than centroids for concave shapes.

Pure standard library. Run: python scripts/derive_carte.py [path/to/geojson]
The result is committed: the site build never needs ../shared.
"""
from __future__ import annotations

import gzip
import heapq
import json
import math
import sys
from pathlib import Path

from emploi_accompagne.annuaire.modele import CODES_DEPARTEMENTS as EXPECTED_CODES
from emploi_accompagne.paths import ROOT

# The source outlines, committed (compressed) so that `make referentiel` works on a clean clone.
DEFAULT_SOURCE = ROOT / "data" / "sources" / "departements-avec-outre-mer.geojson.gz"
OUTPUT = ROOT / "data" / "carte-departements.json"

SOURCE_CREDIT = (
    "Contours des départements : IGN Admin Express / INSEE COG 2018, simplifiés, "
    "Licence Ouverte (projet france-geojson)"
)

# The one list of the 101 codes is the directory model's (EXPECTED_CODES, imported above).

OVERSEAS = ["971", "972", "973", "974", "976"]
# Paris and the three départements around it are too small to click on the mainland
# map: they are repeated, enlarged, in a frame of their own.
ZOOM_CODES = ["75", "92", "93", "94"]
ZOOM_TITLE = "Paris et petite couronne"

# --- Layout, in viewBox units --------------------------------------------------------
MARGIN = 8
METRO_HEIGHT = 784  # metropolitan France (with Corsica) fits this height
INSET_WIDTH = 150
INSET_GAP = 10  # vertical gap between insets
INSET_TO_METRO = 24  # horizontal gap between the inset column and the mainland
INSET_PADDING = 7  # inside the frame, around the shape
INSET_LABEL_HEIGHT = 20  # strip at the bottom of each frame for its name
INSET_HEIGHT = (METRO_HEIGHT - INSET_GAP * (len(OVERSEAS) - 1)) / len(OVERSEAS)
# The enlarged Paris frame sits in the Channel, right of the inset column, above Brittany.
ZOOM_FRAME = (MARGIN + INSET_WIDTH + 12, MARGIN, 168, 150)

# --- Simplification ----------------------------------------------------------------------
TOLERANCE = 0.9  # Douglas-Peucker tolerance, in viewBox units
MIN_RING_AREA = 6.0  # smaller islands are dropped (units²), never a département's main ring


# --- Projections -------------------------------------------------------------------------

_GRS80_A = 6378137.0
_GRS80_E = 0.0818191910428158
_L93_LON0 = math.radians(3)
_L93_X0, _L93_Y0 = 700000.0, 6600000.0


def _l93_m(phi: float) -> float:
    return math.cos(phi) / math.sqrt(1 - (_GRS80_E * math.sin(phi)) ** 2)


def _l93_t(phi: float) -> float:
    e_sin = _GRS80_E * math.sin(phi)
    return math.tan(math.pi / 4 - phi / 2) / ((1 - e_sin) / (1 + e_sin)) ** (_GRS80_E / 2)


_L93_LAT1, _L93_LAT2, _L93_LAT0 = math.radians(44), math.radians(49), math.radians(46.5)
_L93_N = (math.log(_l93_m(_L93_LAT1)) - math.log(_l93_m(_L93_LAT2))) / (
    math.log(_l93_t(_L93_LAT1)) - math.log(_l93_t(_L93_LAT2))
)
_L93_F = _l93_m(_L93_LAT1) / (_L93_N * _l93_t(_L93_LAT1) ** _L93_N)
_L93_RHO0 = _GRS80_A * _L93_F * _l93_t(_L93_LAT0) ** _L93_N


def lambert93(lon: float, lat: float) -> tuple[float, float]:
    """Lambert-93 (EPSG:2154): conformal conic on GRS80, standard parallels 44°N and 49°N."""
    rho = _GRS80_A * _L93_F * _l93_t(math.radians(lat)) ** _L93_N
    theta = _L93_N * (math.radians(lon) - _L93_LON0)
    return _L93_X0 + rho * math.sin(theta), _L93_Y0 + _L93_RHO0 - rho * math.cos(theta)


def local_equirectangular(mean_lat: float):
    """A projection good enough for one small overseas territory (metres)."""
    kx = 111320.0 * math.cos(math.radians(mean_lat))
    ky = 110574.0

    def project(lon: float, lat: float) -> tuple[float, float]:
        return lon * kx, lat * ky

    return project


# --- Reading -------------------------------------------------------------------------------

def read_polygons(source: Path) -> dict[str, list[list[list[tuple[float, float]]]]]:
    """code -> list of polygons, each a list of closed rings of (lon, lat)."""
    brut = source.read_bytes()
    collection = json.loads(gzip.decompress(brut) if source.suffix == ".gz" else brut)
    result: dict[str, list] = {}
    for feature in collection["features"]:
        code = feature["properties"]["code"]
        geometry = feature["geometry"]
        polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
        rings_of = [[[tuple(point) for point in ring] for ring in polygon] for polygon in polygons]
        result.setdefault(code, []).extend(rings_of)
    codes = sorted(result)
    if sorted(EXPECTED_CODES) != codes:
        missing = sorted(set(EXPECTED_CODES) - set(codes))
        extra = sorted(set(codes) - set(EXPECTED_CODES))
        sys.exit(f"GeoJSON codes do not match the 101 départements: missing {missing}, extra {extra}")
    return result


# --- Layout: one affine transform per département ----------------------------------------

def bbox(points) -> tuple[float, float, float, float]:
    xs = [p[0] for p in points]
    ys = [p[1] for p in points]
    return min(xs), min(ys), max(xs), max(ys)


def all_points(polygons):
    return [point for polygon in polygons for ring in polygon for point in ring]


def fit_transform(project, points, box):
    """A function (lon, lat) -> viewBox (x, y) fitting the projected points in box, y down."""
    projected = [project(*point) for point in points]
    min_x, min_y, max_x, max_y = bbox(projected)
    left, top, width, height = box
    scale = min(width / (max_x - min_x), height / (max_y - min_y))
    offset_x = left + (width - (max_x - min_x) * scale) / 2
    offset_y = top + (height - (max_y - min_y) * scale) / 2

    def transform(lon: float, lat: float) -> tuple[float, float]:
        x, y = project(lon, lat)
        return offset_x + (x - min_x) * scale, offset_y + (max_y - y) * scale

    return transform


def inset_frames() -> dict[str, tuple[float, float, float, float]]:
    """code -> (x, y, width, height) of each overseas inset frame, top to bottom."""
    frames = {}
    for index, code in enumerate(OVERSEAS):
        top = MARGIN + index * (INSET_HEIGHT + INSET_GAP)
        frames[code] = (MARGIN, top, INSET_WIDTH, INSET_HEIGHT)
    return frames


def build_transforms(polygons_by_code):
    metro_points = [p for code, polys in polygons_by_code.items() if code not in OVERSEAS for p in all_points(polys)]
    metro_projected = [lambert93(*p) for p in metro_points]
    min_x, min_y, max_x, max_y = bbox(metro_projected)
    metro_width = (max_x - min_x) * METRO_HEIGHT / (max_y - min_y)
    metro_box = (MARGIN + INSET_WIDTH + INSET_TO_METRO, MARGIN, metro_width, METRO_HEIGHT)
    metro_transform = fit_transform(lambert93, metro_points, metro_box)

    transforms = {code: metro_transform for code in polygons_by_code if code not in OVERSEAS}
    for code, (x, y, width, height) in inset_frames().items():
        points = all_points(polygons_by_code[code])
        mean_lat = sum(p[1] for p in points) / len(points)
        inner = (
            x + INSET_PADDING,
            y + INSET_PADDING,
            width - 2 * INSET_PADDING,
            height - 2 * INSET_PADDING - INSET_LABEL_HEIGHT,
        )
        transforms[code] = fit_transform(local_equirectangular(mean_lat), points, inner)
    view_width = math.ceil(metro_box[0] + metro_width + MARGIN)
    view_height = math.ceil(METRO_HEIGHT + 2 * MARGIN)
    return transforms, (view_width, view_height)


# --- Topology: cut rings into arcs shared between neighbours -----------------------------

def open_ring(ring):
    return ring[:-1] if ring[0] == ring[-1] else list(ring)


def find_junctions(polygons_by_code) -> set:
    """Points where the outline branches (three or more outlines meet, or a border ends)."""
    neighbours: dict = {}
    junctions = set()
    for polygons in polygons_by_code.values():
        for polygon in polygons:
            for ring in polygon:
                points = open_ring(ring)
                count = len(points)
                for index, point in enumerate(points):
                    pair = (points[index - 1], points[(index + 1) % count])
                    seen = neighbours.get(point)
                    if seen is None:
                        neighbours[point] = pair
                    elif seen != pair and seen != (pair[1], pair[0]):
                        junctions.add(point)
    return junctions


def split_ring(points, junctions):
    """The arcs of an open ring, cut at its junctions (each arc includes both ends)."""
    cut_indexes = [index for index, point in enumerate(points) if point in junctions]
    if not cut_indexes:
        return None
    start = cut_indexes[0]
    rotated = points[start:] + points[:start]
    cuts = [index - start if index >= start else index - start + len(points) for index in cut_indexes]
    cuts = sorted(cuts) + [len(rotated)]
    closed = rotated + [rotated[0]]
    return [closed[cuts[k]: cuts[k + 1] + 1] for k in range(len(cuts) - 1)]


# --- Simplification ------------------------------------------------------------------------

def perpendicular_distance(point, start, end) -> float:
    (px, py), (ax, ay), (bx, by) = point, start, end
    dx, dy = bx - ax, by - ay
    length_sq = dx * dx + dy * dy
    if length_sq == 0:
        return math.hypot(px - ax, py - ay)
    t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / length_sq))
    return math.hypot(px - (ax + t * dx), py - (ay + t * dy))


def douglas_peucker(points, tolerance):
    """Indexes kept by Douglas-Peucker on an open polyline (both ends kept)."""
    keep = {0, len(points) - 1}
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        best_index, best_distance = None, tolerance
        for index in range(first + 1, last):
            distance = perpendicular_distance(points[index], points[first], points[last])
            if distance > best_distance:
                best_index, best_distance = index, distance
        if best_index is not None:
            keep.add(best_index)
            stack.append((first, best_index))
            stack.append((best_index, last))
    return sorted(keep)


def simplify_arc(source_points, transform, tolerance):
    projected = [transform(*p) for p in source_points]
    return [projected[i] for i in douglas_peucker(projected, tolerance)]


def canonical_closed_ring(points):
    """The same ring always starts at the same point, in the same direction."""
    start = points.index(min(points))
    rotated = points[start:] + points[:start]
    backwards = [rotated[0]] + rotated[1:][::-1]
    return min(rotated, backwards)


def simplify_closed_ring(points, transform, tolerance):
    """A ring with no junction (island, enclave): split at its farthest point, simplify halves."""
    ring = canonical_closed_ring(points)
    projected = [transform(*p) for p in ring]
    first = projected[0]
    far = max(range(len(projected)), key=lambda i: math.hypot(projected[i][0] - first[0], projected[i][1] - first[1]))
    half_one = projected[: far + 1]
    half_two = projected[far:] + [first]
    kept_one = [half_one[i] for i in douglas_peucker(half_one, tolerance)]
    kept_two = [half_two[i] for i in douglas_peucker(half_two, tolerance)]
    return kept_one + kept_two[1:-1]


def simplify_all(polygons_by_code, transforms, tolerance):
    """code -> list of polygons -> list of rings of rounded (x, y) integer points."""
    junctions = find_junctions(polygons_by_code)
    arc_cache: dict = {}
    result = {}
    for code, polygons in polygons_by_code.items():
        transform = transforms[code]
        simplified_polygons = []
        for polygon in polygons:
            rings = []
            for ring in polygon:
                points = open_ring(ring)
                arcs = split_ring(points, junctions)
                if arcs is None:
                    simplified = simplify_closed_ring(points, transform, tolerance)
                else:
                    simplified = []
                    for arc in arcs:
                        key = tuple(arc)
                        reverse_key = key[::-1]
                        canonical = min(key, reverse_key)
                        if canonical not in arc_cache:
                            arc_cache[canonical] = simplify_arc(list(canonical), transform, tolerance)
                        kept = arc_cache[canonical] if canonical == key else arc_cache[canonical][::-1]
                        simplified.extend(kept[:-1])
                rounded = round_ring(simplified)
                if len(rounded) >= 3:
                    rings.append(rounded)
            if rings:
                simplified_polygons.append(rings)
        result[code] = drop_small_polygons(simplified_polygons)
    return result


def round_ring(points):
    rounded = []
    for x, y in points:
        point = (round(x), round(y))
        if not rounded or rounded[-1] != point:
            rounded.append(point)
    while len(rounded) > 1 and rounded[0] == rounded[-1]:
        rounded.pop()
    return remove_collinear(rounded)


def remove_collinear(ring):
    """Drop points lying exactly on the straight line between their neighbours."""
    changed = True
    while changed and len(ring) > 3:
        changed = False
        kept = []
        count = len(ring)
        for index, (x, y) in enumerate(ring):
            (ax, ay), (bx, by) = ring[index - 1], ring[(index + 1) % count]
            if (x - ax) * (by - ay) - (y - ay) * (bx - ax) == 0 and min(ax, bx) <= x <= max(ax, bx) and min(ay, by) <= y <= max(ay, by):
                changed = True
                continue
            kept.append((x, y))
        ring = kept if len(kept) >= 3 else ring
        if len(kept) < 3:
            break
    return ring


def ring_area(ring) -> float:
    return abs(sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1]))) / 2


def drop_small_polygons(polygons):
    """Tiny islands disappear at this scale; the largest polygon always stays."""
    if not polygons:
        return polygons
    largest = max(polygons, key=lambda polygon: ring_area(polygon[0]))
    kept = []
    for polygon in polygons:
        if polygon is largest or ring_area(polygon[0]) >= MIN_RING_AREA:
            holes = [ring for ring in polygon[1:] if ring_area(ring) >= MIN_RING_AREA]
            kept.append([polygon[0], *holes])
    return kept


# --- SVG path encoding ----------------------------------------------------------------------

def join_numbers(numbers) -> str:
    """SVG number list with the fewest separators: a minus sign separates by itself."""
    text = ""
    for number in numbers:
        piece = str(number)
        if text and not piece.startswith("-"):
            text += " "
        text += piece
    return text


def path_data(polygons) -> str:
    """One path: each ring is an absolute move then relative lines, closed."""
    parts = []
    for polygon in polygons:
        for ring in polygon:
            (x0, y0), rest = ring[0], ring[1:]
            deltas = []
            previous = (x0, y0)
            for x, y in rest:
                deltas += [x - previous[0], y - previous[1]]
                previous = (x, y)
            parts.append(f"M{join_numbers([x0, y0])}l{join_numbers(deltas)}z")
    return "".join(parts)


# --- Label anchor: pole of inaccessibility (polylabel) -----------------------------------

def point_to_polygon_distance(x, y, polygon) -> float:
    """Signed distance from (x, y) to the polygon outline: positive inside."""
    inside = False
    min_distance_sq = math.inf
    for ring in polygon:
        count = len(ring)
        for index in range(count):
            ax, ay = ring[index]
            bx, by = ring[index - 1]
            if (ay > y) != (by > y) and x < (bx - ax) * (y - ay) / (by - ay) + ax:
                inside = not inside
            min_distance_sq = min(min_distance_sq, perpendicular_distance((x, y), (ax, ay), (bx, by)) ** 2)
    distance = math.sqrt(min_distance_sq)
    return distance if inside else -distance


def polylabel(polygon, precision: float = 0.5) -> tuple[float, float, float]:
    """Mapbox's polylabel: best-first search over square cells; returns x, y and the radius."""
    min_x, min_y, max_x, max_y = bbox(polygon[0])
    width, height = max_x - min_x, max_y - min_y
    cell_size = min(width, height)
    if cell_size == 0:
        return min_x, min_y, 0.0
    half = cell_size / 2

    def cell(x, y, h):
        distance = point_to_polygon_distance(x, y, polygon)
        return (-(distance + h * math.sqrt(2)), x, y, h, distance)

    queue = []
    x = min_x
    while x < max_x:
        y = min_y
        while y < max_y:
            heapq.heappush(queue, cell(x + half, y + half, half))
            y += cell_size
        x += cell_size
    cx, cy = area_centroid(polygon[0])
    best = cell(cx, cy, 0)
    bbox_cell = cell(min_x + width / 2, min_y + height / 2, 0)
    if bbox_cell[4] > best[4]:
        best = bbox_cell
    while queue:
        current = heapq.heappop(queue)
        if current[4] > best[4]:
            best = current
        if -current[0] - best[4] <= precision:
            continue
        h = current[3] / 2
        for dx in (-h, h):
            for dy in (-h, h):
                heapq.heappush(queue, cell(current[1] + dx, current[2] + dy, h))
    return best[1], best[2], best[4]


def area_centroid(ring) -> tuple[float, float]:
    area = cx = cy = 0.0
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1]):
        cross = x1 * y2 - x2 * y1
        area += cross
        cx += (x1 + x2) * cross
        cy += (y1 + y2) * cross
    if area == 0:
        return ring[0]
    return cx / (3 * area), cy / (3 * area)


def label_anchor(polygons) -> list[int]:
    """[x, y, r]: the label point and the radius of the largest circle around it inside the shape."""
    largest = max(polygons, key=lambda polygon: ring_area(polygon[0]))
    x, y, radius = polylabel(largest)
    return [round(x), round(y), math.floor(radius)]


# --- Main ----------------------------------------------------------------------------------

def derive(source: Path) -> dict:
    polygons_by_code = read_polygons(source)
    transforms, (view_width, view_height) = build_transforms(polygons_by_code)
    simplified = simplify_all(polygons_by_code, transforms, TOLERANCE)
    frames = inset_frames()
    departements = {}
    for code in EXPECTED_CODES:
        entry = {"d": path_data(simplified[code]), "label": label_anchor(simplified[code])}
        departements[code] = entry
    return {
        "source": SOURCE_CREDIT,
        "derivation": "scripts/derive_carte.py (Lambert-93, Douglas-Peucker topologique, "
        f"tolérance {TOLERANCE} unité, coordonnées entières)",
        "viewBox": f"0 0 {view_width} {view_height}",
        "encarts": [
            {"code": code, "cadre": [round(value, 1) for value in frames[code]]} for code in OVERSEAS
        ],
        "zoom": derive_zoom(polygons_by_code),
        "departements": departements,
    }


def derive_zoom(polygons_by_code) -> dict:
    """The enlarged copy of Paris and the petite couronne."""
    zoom_polygons = {code: polygons_by_code[code] for code in ZOOM_CODES}
    x, y, width, height = ZOOM_FRAME
    inner = (
        x + INSET_PADDING,
        y + INSET_PADDING,
        width - 2 * INSET_PADDING,
        height - 2 * INSET_PADDING - INSET_LABEL_HEIGHT,
    )
    points = [p for polygons in zoom_polygons.values() for p in all_points(polygons)]
    transform = fit_transform(lambert93, points, inner)
    simplified = simplify_all(zoom_polygons, {code: transform for code in ZOOM_CODES}, TOLERANCE)
    return {
        "titre": ZOOM_TITLE,
        "cadre": list(ZOOM_FRAME),
        "departements": {
            code: {"d": path_data(simplified[code]), "label": label_anchor(simplified[code])} for code in ZOOM_CODES
        },
    }


def to_json(result: dict) -> str:
    """One département per line, so a change shows as a readable diff."""
    head = {key: value for key, value in result.items() if key != "departements"}
    lines = [
        f"{json.dumps(code)}:{json.dumps(entry, separators=(',', ':'))}"
        for code, entry in result["departements"].items()
    ]
    return json.dumps(head, ensure_ascii=False)[:-1] + ',"departements":{\n' + ",\n".join(lines) + "\n}}\n"


def main() -> None:
    source = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_SOURCE
    if not source.exists():
        sys.exit(f"{source} not found (pass the GeoJSON path as argument).")
    text = to_json(derive(source))
    OUTPUT.write_text(text, encoding="utf-8")
    paths_size = sum(len(entry["d"]) for entry in json.loads(text)["departements"].values())
    print(f"{OUTPUT.relative_to(ROOT)}: {len(text.encode())} bytes, paths {paths_size} bytes")


if __name__ == "__main__":
    main()
