"""The accessible SVG map of the 101 départements, as an HTML fragment.

The shapes come from data/carte-departements.json (scripts/derive_carte.py). Every
département is a link (`<a href>` around its `<path>`), keyboard focusable like any
link, named by a `<title>` (also shown as a tooltip on hover). The five overseas
départements are framed insets with their name written under them. The map is not the
only way in: the list of départements on the same page is its text alternative, which
the caption says.

CSS hooks (styles belong to the site stylesheet; the SVG carries sober defaults as
presentation attributes, which any CSS rule overrides):
- `.carte-departements`: the <figure>; `.carte-departements__svg`: the <svg>;
- `.carte-dep`: each link (`data-code` holds the code); `.carte-dep__forme`: its path;
  `.carte-dep__code`: the code written on the shape; `.carte-dep__nom`: the name under
  an overseas inset;
- `.carte-encart__cadre`: the frame of an inset (overseas, and the enlarged Paris area);
  `.carte-encart__repere`: the group of the small mainland shapes of 75, 92, 93, 94,
  outlined darker to show which area the Paris frame enlarges;
  `.carte-encart__titre`: the title of the Paris frame;
- `.carte-dep--doublon`: the mouse-only copies of 75, 92, 93, 94 on the mainland map;
- `.carte-departements__legende`: the caption.
Hover and keyboard focus: style `.carte-dep:hover .carte-dep__forme` and
`.carte-dep:focus-visible .carte-dep__forme` (a fill change is not hidden by the
neighbouring shapes, which a thick outline would be).
"""
from __future__ import annotations

import json
from collections.abc import Callable
from functools import cache
from pathlib import Path

from markupsafe import Markup, escape

from . import referentiel
from .paths import DATA

CARTE_FILE = DATA / "carte-departements.json"

TITRE = "Carte des départements de France"
LEGENDE = (
    "Chaque département de la carte est un lien vers sa page. "
    "Les départements d'outre-mer sont dans les cadres à gauche. "
    "Paris et les trois départements autour sont agrandis dans le cadre en haut. "
    "La liste des départements, sur cette page, donne les mêmes liens."
)
# Codes are written on shapes wide enough to hold them (radius of the largest inner
# circle, in viewBox units).
MIN_LABEL_RADIUS = 6
SMALL_LABEL_RADIUS = 8  # below this, a smaller font (Territoire de Belfort, Val-d'Oise)
CODE_FONT_SIZE = 12
SMALL_CODE_FONT_SIZE = 9
NAME_FONT_SIZE = 13

# Sober defaults, overridable by the site CSS. Border vs fill contrast ≈ 5:1.
FILL = "#e3ecf6"
STROKE = "#51657d"
TEXT_FILL = "#1b2a3a"
FRAME_STROKE = "#51657d"


@cache
def charger_carte(path: Path = CARTE_FILE) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def dessiner_carte(
    href_for_code: Callable[[str], str],
    title_for_code: Callable[[str], str],
    *,
    titre: str = TITRE,
    legende: str = LEGENDE,
    id_prefix: str = "carte-departements",
) -> str:
    """The <figure> holding the SVG map; each département links to href_for_code(code).

    Exactly one focusable, named link per département, in official order. Paris and the
    petite couronne are linked from their enlarged frame; their tiny shapes on the
    mainland stay clickable with the mouse but are hidden from the keyboard and from
    screen readers, so nothing is announced twice.
    """
    carte = charger_carte()
    zoom = carte["zoom"]
    title_id = f"{id_prefix}-titre"
    frames = {encart["code"]: encart["cadre"] for encart in carte["encarts"]}
    links, duplicates = [], []
    for dep in referentiel.departements():
        href, title = href_for_code(dep.code), title_for_code(dep.code)
        if dep.code in zoom["departements"]:
            links.append(_link(dep, zoom["departements"][dep.code], None, href, title))
            duplicates.append(_link(dep, carte["departements"][dep.code], None, href, None))
        else:
            links.append(_link(dep, carte["departements"][dep.code], frames.get(dep.code), href, title))
    parts = [
        # The caption belongs to the map for assistive technologies too (RGAA 1.9: role and
        # aria-label on the <figure>, the same text as its <figcaption>). « figure » rather than
        # « group », which ARIA in HTML forbids on a figure with a caption (IBM Equal Access).
        f'<figure class="carte-departements" id="{escape(id_prefix)}" role="figure" aria-label="{escape(legende)}">',
        f'<svg class="carte-departements__svg" xmlns="http://www.w3.org/2000/svg" '
        f'viewBox="{escape(carte["viewBox"])}" aria-labelledby="{escape(title_id)}" '
        f'fill-rule="evenodd" font-size="{CODE_FONT_SIZE}" text-anchor="middle">',
        f'<title id="{escape(title_id)}">{escape(titre)}</title>',
        _frames(carte),
        f'<g fill="{FILL}" stroke="{STROKE}" stroke-width="0.8" stroke-linejoin="round">',
        *links,
        # Drawn last with a darker outline: it also marks where the enlarged area lies.
        f'<g class="carte-encart__repere" aria-hidden="true" stroke="{TEXT_FILL}" stroke-width="1.2">',
        *duplicates,
        "</g></g>",
        "</svg>",
        f'<figcaption class="carte-departements__legende">{escape(legende)}</figcaption>',
        "</figure>",
    ]
    return "".join(parts)


def _frames(carte: dict) -> str:
    """Inset frames and the Paris frame title: decoration, hidden from screen readers."""
    zoom = carte["zoom"]
    rects = [_rect("carte-encart__cadre", encart["cadre"]) for encart in carte["encarts"]]
    rects.append(_rect("carte-encart__cadre", zoom["cadre"]))
    x, y, width, height = zoom["cadre"]
    zoom_title = Markup(
        '<text class="carte-encart__titre" x="{}" y="{}" font-size="{}" fill="{}">{}</text>'
    ).format(x + width / 2, y + height - 8, NAME_FONT_SIZE, TEXT_FILL, zoom["titre"])
    return (
        f'<g aria-hidden="true" fill="none" stroke="{FRAME_STROKE}" stroke-width="1">{"".join(rects)}</g>'
        f'<g aria-hidden="true">{zoom_title}</g>'
    )


def _rect(css_class: str, box) -> str:
    x, y, width, height = box
    return f'<rect class="{css_class}" x="{x}" y="{y}" width="{width}" height="{height}" rx="3"/>'


def _link(dep, shape: dict, frame, href: str, title: str | None) -> str:
    """One département: a link around its shape. Without title, a mouse-only duplicate."""
    if title is None:
        opening = f'<a class="carte-dep carte-dep--doublon" href="{escape(href)}" tabindex="-1">'
        name = ""
    else:
        opening = f'<a class="carte-dep" href="{escape(href)}" data-code="{escape(dep.code)}">'
        name = f"<title>{escape(title)}</title>"
    label = _label(dep, shape, frame) if title is not None else ""
    return f'{opening}{name}<path class="carte-dep__forme" d="{escape(shape["d"])}"/>{label}</a>'


def _label(dep, shape: dict, frame) -> Markup | str:
    """Visible text on the map, hidden from screen readers (the <title> names the link)."""
    if frame is not None:
        x, y, width, height = frame
        return Markup(
            '<text class="carte-dep__nom" x="{}" y="{}" font-size="{}" fill="{}" stroke="none" aria-hidden="true">{}</text>'
        ).format(round(x + width / 2, 1), round(y + height - 8, 1), NAME_FONT_SIZE, TEXT_FILL, f"{dep.nom} ({dep.code})")
    x, y, radius = shape["label"]
    if radius < MIN_LABEL_RADIUS:
        return ""
    size = Markup(f' font-size="{SMALL_CODE_FONT_SIZE}"') if radius < SMALL_LABEL_RADIUS else ""
    return Markup(
        '<text class="carte-dep__code" x="{}" y="{}" dy="0.35em"{} fill="{}" stroke="none" aria-hidden="true">{}</text>'
    ).format(x, y, size, TEXT_FILL, dep.code)
