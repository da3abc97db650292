"""MkDocs hook: accessibility, validity and loading fixes on Material's markup where no block exists.

Material for MkDocs 9.8.1 writes a few things that the tests (axe-core, W3C Nu checker)
reject, in parts of its templates that have no `{% block %}` to override:

- the search `<div class="md-search" role="dialog">` has no accessible name (axe
  `aria-dialog-name`) -> add `aria-label="Recherche"`; its inner `role="search"` landmark
  has no name either, so a second search landmark on a page (the directory's finder)
  makes them indistinguishable (axe `landmark-unique`) -> name it "Rechercher dans le site";
- the two hidden checkbox toggles (`#__drawer`, `#__search`) carry `autocomplete="off"`,
  which HTML does not allow on a checkbox -> remove the attribute; they are mere state,
  out of the accessibility tree (display: none), which HTML_CodeSniffer does not see ->
  say it with `aria-hidden="true"`;
- the menu and search toggles are `<label for="__drawer|__search">`: not reachable with
  Tab, no role, no name, nothing on Enter (IBM Equal Access: a visible label for a hidden
  control) -> `<button>`s named in French, with `aria-expanded`, that flip the same
  checkboxes (hooks/material_toggles.js: focus into the panel on opening, Escape or focus
  leaving it closes it and Escape gives focus back to the button); the overlays become
  plain `<div>`s (a click still closes), the search field's arrow a "Fermer la recherche"
  button; Material's search code looks up `header [for=__search]`: an empty hidden label
  stays for it;
- the titles of the navigation (site name, table of contents) and the section labels
  ("À propos du site") are labels for hidden checkboxes, headings on a large screen
  -> drop their `for` (site.css shows the drawer's levels in place on a small screen,
  so they open nothing there either); on a page without a table of contents, Material
  still writes the `#__toc` checkbox, labelled by nothing -> remove it;
- Material's icons (`<svg>` in buttons and links that have their own name) are exposed as
  unnamed images (IBM `svg_graphics_labelled`) -> `aria-hidden="true"`;
- the search results' container is a Tab stop (`tabindex="0"`) even while empty and
  hidden; its results are links -> drop the tabindex;
- navigation section labels get an empty `tabindex=""` (invalid) -> remove it;
- the repository link (`repo_url`) asks api.github.com for stars and forks from every
  page, a request to another origin -> drop `data-md-component="source"`, which only
  triggers that request; the link itself stays;
- the skip link ("Aller au contenu") is written only when the page has a table of
  contents entry, and it points at a heading that cannot take focus, so keyboard focus
  stays on the skip link -> add the link when it is missing (e.g. the 404 page) and make
  its target focusable with `tabindex="-1"`;
- Material's palette stylesheet only styles the dark (slate) scheme here, the colours
  being the site's own: a light-mode reader's first paint waited for it, and every reader
  downloaded it (2 KB gzip) -> a small inline script (hooks/material_palette_loader.js)
  adds it only when the system is dark, `media="(prefers-color-scheme: dark)"` being the
  very condition of the dark scheme (overrides/main.html); without JavaScript, the link
  stays in a <noscript> with that media query;
- Material's bundle is a parser-blocking script at the end of the body: the first paint
  waits for it (35 KB gzip, then about 40 ms of work on a fast computer, four times more on
  a phone) although the page reads without it -> load it once the first contentful paint
  is reported, with the DOMContentLoaded event it starts on (already past by then).

Each replacement targets Material's exact markup and raises when that markup is not
found, so that a Material upgrade cannot silently undo a fix.
"""
from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

import rjsmin

SKIP_LABEL = "Aller au contenu"
TOGGLE_NAMES = {"drawer": "Menu", "search": "Rechercher"}
SEARCH_CLOSE_LABEL = "Fermer la recherche"
SEARCH_DIALOG_LABEL = "Recherche"
SEARCH_LANDMARK_LABEL = "Rechercher dans le site"

SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'
SEARCH_LANDMARK = '<div class="md-search__inner" role="search">'
TOGGLE_WITH_AUTOCOMPLETE = re.compile(
    r'(<input class="md-toggle" data-md-toggle="(?:drawer|search)" type="checkbox" id="__(?:drawer|search)")'
    r' autocomplete="off">'
)
SECTION_LABEL_EMPTY_TABINDEX = re.compile(r'(<label class="md-nav__link[^"]*" for="[^"]*" id="[^"]*") tabindex="">')
SOURCE_LINK = re.compile(r'(<a href="[^"]*" title="[^"]*" class="md-source") data-md-component="source">')
HEADER_TOGGLE = re.compile(r'<label class="md-header__button md-icon" for="__(drawer|search)">(.*?)</label>', re.DOTALL)
OVERLAY = re.compile(r'<label class="(md-overlay|md-search__overlay)" for="(__drawer|__search)"></label>')
SEARCH_ICON = re.compile(r'<label class="md-search__icon md-icon" for="__search">(.*?)</label>', re.DOTALL)
DRAWER_TITLE = '<label class="md-nav__title" for="__drawer">'
TOC_TITLE = '<label class="md-nav__title" for="__toc">'
ORPHAN_TOC_TOGGLE = '<input class="md-nav__toggle md-toggle" type="checkbox" id="__toc">'
# A section's label follows its checkbox; the arrow that opens an indexed section sits in a container.
SECTION_LABEL = re.compile(
    r'(<input class="md-nav__toggle md-toggle " type="checkbox" id="(__nav_[0-9_]+)" (?:checked)?>\s*<label class="md-nav__link")'
    r' for="\2"'
)
MATERIAL_ICON = re.compile(r'<svg xmlns="http://www.w3.org/2000/svg" viewBox="[0-9. ]+">')
SEARCH_SCROLLWRAP = '<div class="md-search__scrollwrap" tabindex="0" data-md-scrollfix>'
SKIP_BLOCK = re.compile(r'(<div data-md-component="skip">)(.*?)(</div>)', re.DOTALL)
SKIP_LINK_HREF = re.compile(r'<a href="#([^"]+)" class="md-skip">')
FIRST_H1 = re.compile(r"<h1\b([^>]*)>")
DEFAULT_SKIP_TARGET = "contenu"
PALETTE_STYLESHEET = re.compile(r'<link rel="stylesheet" href="([^"]*assets/stylesheets/palette\.[0-9a-f]{8}\.min\.css)">')
DARK_SCHEME_MEDIA = "(prefers-color-scheme: dark)"
MATERIAL_BUNDLE = re.compile(r'<script src="([^"]*assets/javascripts/bundle\.[0-9a-f]{8}\.min\.js)"></script>')
# The scripts' sources, readable in their own files; inlined minified (rjsmin).
BUNDLE_LOADER_FILE = Path(__file__).with_name("material_bundle_loader.js")
PALETTE_LOADER_FILE = Path(__file__).with_name("material_palette_loader.js")
TOGGLES_FILE = Path(__file__).with_name("material_toggles.js")


@cache
def minified_script(path: Path) -> str:
    """A script of hooks/, minified once, as it goes inline in every page."""
    return rjsmin.jsmin(path.read_text(encoding="utf-8"))


def bundle_loader_script(src: str) -> str:
    return f"<script>{minified_script(BUNDLE_LOADER_FILE)}({json.dumps(src)})</script>"


class MaterialMarkupChanged(RuntimeError):
    """Material's markup no longer matches what a fix expects: review hooks/material_fixes.py."""


def on_post_page(output: str, page, config) -> str:
    return fix_material_markup(output, where=page.file.src_uri)


def on_post_template(output_content: str, template_name: str, config) -> str:
    # Static templates (404.html) go through this event, not on_post_page.
    if not template_name.endswith(".html"):
        return output_content
    return fix_material_markup(output_content, where=template_name)


def fix_material_markup(html: str, where: str) -> str:
    html = _name_search_dialog(html, where)
    html = _drop_autocomplete_on_toggles(html, where)
    html = _drop_empty_tabindex_on_section_labels(html, where)
    html = _keep_repository_link_offline(html, where)
    html = _toggles_as_buttons(html, where)
    html = _unlink_navigation_titles(html, where)
    html = _hide_material_icons(html, where)
    html = _untab_search_results(html, where)
    html = _load_palette_only_in_dark_mode(html, where)
    html = _load_bundle_after_first_paint(html, where)
    return _make_skip_link_move_focus(html, where)


def _name_search_dialog(html: str, where: str) -> str:
    if SEARCH_DIALOG not in html:
        raise MaterialMarkupChanged(f"{where}: search dialog markup not found")
    if SEARCH_LANDMARK not in html:
        raise MaterialMarkupChanged(f"{where}: search landmark markup not found")
    html = html.replace(SEARCH_DIALOG, SEARCH_DIALOG[:-1] + f' aria-label="{SEARCH_DIALOG_LABEL}">', 1)
    return html.replace(SEARCH_LANDMARK, SEARCH_LANDMARK[:-1] + f' aria-label="{SEARCH_LANDMARK_LABEL}">', 1)


def _drop_autocomplete_on_toggles(html: str, where: str) -> str:
    html, count = TOGGLE_WITH_AUTOCOMPLETE.subn(r'\1 aria-hidden="true">', html)
    if count != 2:
        raise MaterialMarkupChanged(f"{where}: expected the 2 checkbox toggles with autocomplete, found {count}")
    return html


def _drop_empty_tabindex_on_section_labels(html: str, where: str) -> str:
    html, count = SECTION_LABEL_EMPTY_TABINDEX.subn(r"\1>", html)
    # Material writes the empty tabindex on each navigation section (navigation.sections).
    if count == 0 and "md-nav__item--section" in html:
        raise MaterialMarkupChanged(f"{where}: navigation section label markup not found")
    return html


def _keep_repository_link_offline(html: str, where: str) -> str:
    html = SOURCE_LINK.sub(r"\1>", html)
    if 'class="md-source"' in html and 'data-md-component="source"' in html:
        raise MaterialMarkupChanged(f"{where}: repository link markup not recognised")
    return html


def _toggles_as_buttons(html: str, where: str) -> str:
    def button(match: re.Match) -> str:
        name = match.group(1)
        tag = (
            f'<button type="button" class="md-header__button md-icon" data-ea-bascule="__{name}"'
            f' aria-label="{TOGGLE_NAMES[name]}" aria-expanded="false">{match.group(2)}</button>'
        )
        # Material's search code throws without a `header [for=__search]` element.
        return tag + ('<label for="__search" hidden></label>' if name == "search" else "")

    html, count = HEADER_TOGGLE.subn(button, html)
    if count != 2:
        raise MaterialMarkupChanged(f"{where}: expected the 2 header toggle labels (menu, search), found {count}")
    html, count = OVERLAY.subn(r'<div class="\1" data-ea-bascule="\2"></div>', html)
    if count != 2:
        raise MaterialMarkupChanged(f"{where}: expected the 2 overlay labels (drawer, search), found {count}")
    html, count = SEARCH_ICON.subn(
        lambda m: f'<button type="button" class="md-search__icon md-icon" data-ea-bascule="__search"'
        f' aria-label="{SEARCH_CLOSE_LABEL}">{m.group(1)}</button>',
        html,
        count=1,
    )
    if count != 1:
        raise MaterialMarkupChanged(f"{where}: search field icon label not found")
    return _insert_before_last(html, "</body>", f"<script>{minified_script(TOGGLES_FILE)}</script>", where)


def _insert_before_last(html: str, marker: str, text: str, where: str) -> str:
    at = html.rfind(marker)
    if at < 0:
        raise MaterialMarkupChanged(f"{where}: {marker} not found")
    return html[:at] + text + html[at:]


def _unlink_navigation_titles(html: str, where: str) -> str:
    if DRAWER_TITLE not in html:
        raise MaterialMarkupChanged(f"{where}: navigation title label not found")
    html = html.replace(DRAWER_TITLE, '<label class="md-nav__title">', 1)
    html = html.replace(TOC_TITLE, '<label class="md-nav__title">')
    html = SECTION_LABEL.sub(r"\1", html)
    # Without headings, Material still writes the checkbox (and, when listed, nothing labels it).
    if 'for="__toc"' not in html:
        html = html.replace(ORPHAN_TOC_TOGGLE, "")
    return html


def _hide_material_icons(html: str, where: str) -> str:
    # Only outside the page's own content: an image there keeps its own text alternative.
    start = html.find('<article class="md-content__inner')
    end = html.find("</article>", start)
    if start < 0 or end < 0:
        raise MaterialMarkupChanged(f"{where}: page content (article) not found")
    hide = lambda part: MATERIAL_ICON.sub(lambda m: m.group(0)[:-1] + ' aria-hidden="true">', part)  # noqa: E731
    fixed = hide(html[:start]) + html[start:end] + hide(html[end:])
    if fixed == html:
        raise MaterialMarkupChanged(f"{where}: no Material icon found")
    return fixed


def _untab_search_results(html: str, where: str) -> str:
    if SEARCH_SCROLLWRAP not in html:
        raise MaterialMarkupChanged(f"{where}: search results container not found")
    return html.replace(SEARCH_SCROLLWRAP, '<div class="md-search__scrollwrap" data-md-scrollfix>', 1)


def _make_skip_link_move_focus(html: str, where: str) -> str:
    block = SKIP_BLOCK.search(html)
    if block is None:
        raise MaterialMarkupChanged(f"{where}: skip link container not found")
    link = SKIP_LINK_HREF.search(block.group(2))
    if link is None:
        # No table of contents (e.g. the 404 page): point the skip link at the first h1.
        target = _ensure_first_h1_has_id(html)
        if target is None:
            return html  # a page without h1: the keyboard test reports it
        html, target_id = target
        skip_link = f'\n        <a href="#{target_id}" class="md-skip">\n          {SKIP_LABEL}\n        </a>\n      '
        html = html[: block.start(2)] + skip_link + html[block.end(2):]
    else:
        target_id = link.group(1)
    return _make_focusable(html, target_id, where)


def _ensure_first_h1_has_id(html: str) -> tuple[str, str] | None:
    h1 = FIRST_H1.search(html, max(0, html.find('<div class="md-content"')))
    if h1 is None:
        return None
    existing = re.search(r'\sid="([^"]+)"', h1.group(1))
    if existing:
        return html, existing.group(1)
    new_tag = f'<h1 id="{DEFAULT_SKIP_TARGET}"{h1.group(1)}>'
    return html[: h1.start()] + new_tag + html[h1.end():], DEFAULT_SKIP_TARGET


def _make_focusable(html: str, target_id: str, where: str) -> str:
    # tabindex="-1" lets the browser move focus to the heading when the skip link is followed.
    target = re.compile(r'<(h[1-6]|div|section|article|main)\b([^>]*\sid="' + re.escape(target_id) + r'"[^>]*)>')
    match = target.search(html)
    if match is None:
        raise MaterialMarkupChanged(f"{where}: skip link target #{target_id} not found")
    if "tabindex=" in match.group(2):
        return html
    new_tag = f'<{match.group(1)}{match.group(2)} tabindex="-1">'
    return html[: match.start()] + new_tag + html[match.end():]


def _load_bundle_after_first_paint(html: str, where: str) -> str:
    bundle = MATERIAL_BUNDLE.search(html)
    if bundle is None:
        raise MaterialMarkupChanged(f"{where}: Material's bundle script not found")
    loader = bundle_loader_script(bundle.group(1))
    return html[: bundle.start()] + loader + html[bundle.end():]


def _load_palette_only_in_dark_mode(html: str, where: str) -> str:
    def loader(match: re.Match) -> str:
        href = match.group(1)
        return (
            f"<script>{minified_script(PALETTE_LOADER_FILE)}({json.dumps(href)})</script>"
            f'<noscript><link rel="stylesheet" href="{href}" media="{DARK_SCHEME_MEDIA}"></noscript>'
        )

    html, count = PALETTE_STYLESHEET.subn(loader, html)
    if count != 1:
        raise MaterialMarkupChanged(f"{where}: Material's palette stylesheet link not found")
    return html
