"""Content fingerprints for the site's own static assets, after the build.

A browser may keep `site.3f2a9c1d.css` for a year: when the file changes, its name
changes. Material already names its own CSS and JS this way; this module does the same
for the project's files (stylesheet, scripts, images) once the site is written:

1. each stylesheet and script is minified (comments and spaces out, with `rcssmin` and
   `rjsmin`, which rename nothing), then each asset is renamed `name.<8 hex of its SHA-256>.ext`;
2. every reference to it is rewritten: in the HTML pages (tag attributes, inline
   `<script>` and `<style>`, never the text that readers see) and in the other
   fingerprinted assets (a stylesheet's `url()`, a script naming another file).

An asset that refers to another is hashed after the reference is rewritten, so a change
anywhere shows in every name that depends on it. The result depends only on the files'
contents: two builds of the same sources give the same names.

Nothing here depends on MkDocs (the hook `hooks/fingerprints.py` only passes the list).
"""
from __future__ import annotations

import hashlib
import posixpath
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import rcssmin
import rjsmin

HASH_LENGTH = 8
# Files a page loads as sub-resources. Data files (JSON, CSV, vCard...) keep stable,
# documented addresses: people link to them and scripts find them by name.
FINGERPRINTABLE = {
    ".css", ".js", ".mjs",
    ".svg", ".png", ".jpg", ".jpeg", ".webp", ".avif", ".gif", ".ico",
    ".woff", ".woff2",
}
# Assets whose text may name other files.
TEXT_ASSETS = {".css", ".js", ".mjs", ".svg"}
SCRIPT_ASSETS = {".js", ".mjs"}
# The sources stay readable, with their comments; readers are sent the minified text.
MINIFIERS = {".css": rcssmin.cssmin, ".js": rjsmin.jsmin, ".mjs": rjsmin.jsmin}
ALREADY_FINGERPRINTED = re.compile(r"\.[0-9a-f]{8}(?:\.min)?\.[A-Za-z0-9]+$")
# Characters that end a URL written in HTML, CSS or JS.
NOT_URL_CHARS = frozenset(" \t\r\n\f\"'`()<>,;=|{}[]\\")


class FingerprintError(RuntimeError):
    """The assets cannot be fingerprinted safely (e.g. two scripts naming each other)."""


@dataclass(frozen=True)
class Asset:
    path: str  # site-relative POSIX path, e.g. "assets/site.css"

    @property
    def name(self) -> str:
        return posixpath.basename(self.path)

    @property
    def suffix(self) -> str:
        return posixpath.splitext(self.path)[1].lower()


def fingerprinted_name(name: str, content: bytes) -> str:
    """`site.css` -> `site.<8 hex>.css`, from the SHA-256 of the content."""
    stem, ext = posixpath.splitext(name)
    digest = hashlib.sha256(content).hexdigest()[:HASH_LENGTH]
    return f"{stem}.{digest}{ext}"


def is_fingerprintable(path: str) -> bool:
    name = posixpath.basename(path)
    return posixpath.splitext(name)[1].lower() in FINGERPRINTABLE and not ALREADY_FINGERPRINTED.search(name)


def fingerprint_site(site_dir: Path, asset_paths: Iterable[str], site_url: str | None = None) -> dict[str, str]:
    """Fingerprint the given assets of a built site; return {old path: new path}.

    `asset_paths` are site-relative paths; the ones that are not fingerprintable (pages,
    data files, files already carrying a hash) or do not exist are ignored. `site_url`
    lets absolute references (`/base/assets/x.css`, `https://host/base/assets/x.css`,
    as in the 404 page or JSON-LD) be recognised.
    """
    assets = sorted(
        {Asset(p) for p in asset_paths if is_fingerprintable(p) and (site_dir / p).is_file()},
        key=lambda asset: asset.path,
    )
    if not assets:
        return {}
    resolver = _Resolver({asset.path for asset in assets}, site_url)
    renamed: dict[str, str] = {}
    for asset in _dependency_order(site_dir, assets, resolver):
        renamed[asset.path] = _fingerprint_asset(site_dir, asset, resolver, renamed)
    for page in sorted(site_dir.rglob("*.html")):
        _rewrite_page(site_dir, page, resolver, renamed)
    return renamed


def _fingerprint_asset(site_dir: Path, asset: Asset, resolver: _Resolver, renamed: dict[str, str]) -> str:
    source = site_dir / asset.path
    content = source.read_bytes()
    if asset.suffix in TEXT_ASSETS:
        text = content.decode("utf-8")
        if asset.suffix in MINIFIERS:
            text = MINIFIERS[asset.suffix](text)
        content = resolver.rewrite(text, asset.path, renamed, scripts=asset.suffix in SCRIPT_ASSETS).encode("utf-8")
    new_path = posixpath.join(posixpath.dirname(asset.path), fingerprinted_name(asset.name, content))
    (site_dir / new_path).write_bytes(content)
    if new_path != asset.path:
        source.unlink()
    return new_path


def _rewrite_page(site_dir: Path, page: Path, resolver: _Resolver, renamed: dict[str, str]) -> None:
    text = page.read_text(encoding="utf-8")
    new_text = resolver.rewrite(text, page.relative_to(site_dir).as_posix(), renamed, context=_html_context(text))
    if new_text != text:
        page.write_text(new_text, encoding="utf-8")


def _html_context(html: str):
    """For a position in the page: None in text that readers see, else whether it is script code.

    Only markup is rewritten: inside a tag (attributes), an inline <script> or <style>.
    Looking around each candidate is much faster than splitting every page into tags,
    and candidates are few (only where an asset's file name appears).
    """
    def context(position: int) -> bool | None:
        if html.rfind("<", 0, position) > html.rfind(">", 0, position):
            return False  # inside a tag
        for element, is_script in (("script", True), ("style", False)):
            opened = html.rfind("<" + element, 0, position)
            if opened > html.rfind("</" + element, 0, position) and html.find(">", opened) < position:
                return is_script
        return None

    return context


def _dependency_order(site_dir: Path, assets: list[Asset], resolver: _Resolver) -> list[Asset]:
    """Assets ordered so that each comes after every asset it refers to."""
    by_path = {asset.path: asset for asset in assets}
    needs: dict[str, set[str]] = {}
    for asset in assets:
        if asset.suffix in TEXT_ASSETS:
            text = (site_dir / asset.path).read_text(encoding="utf-8")
            found = resolver.references(text, asset.path, scripts=asset.suffix in SCRIPT_ASSETS)
            needs[asset.path] = found - {asset.path}
        else:
            needs[asset.path] = set()
    ordered: list[Asset] = []
    done: set[str] = set()
    while len(done) < len(assets):
        ready = sorted(path for path in needs if path not in done and needs[path] <= done)
        if not ready:
            cycle = sorted(path for path in needs if path not in done)
            raise FingerprintError(f"assets referring to each other cannot be fingerprinted: {cycle}")
        for path in ready:
            ordered.append(by_path[path])
            done.add(path)
    return ordered


# What may follow an asset's name at the end of a URL (besides white space and the end of the text).
_URL_END = "?#\"'`()<>,;{}[]\\"


class _Resolver:
    """Finds the URLs that lead to an asset in a piece of HTML, CSS or JS."""

    def __init__(self, asset_paths: set[str], site_url: str | None) -> None:
        self.asset_paths = asset_paths
        parts = urlsplit(site_url or "")
        self.site_origin = f"{parts.scheme}://{parts.netloc}" if parts.netloc else None
        self.base_path = parts.path if parts.path.endswith("/") else (parts.path or "") + "/"
        self.names = sorted({posixpath.basename(p) for p in asset_paths}, key=len, reverse=True)

    def urls(self, text: str):
        """(start, end, url) of each URL ending with an asset's name, as a whole name followed by
        the end of the URL (or ?query, #fragment); the URL is read backwards from the name.

        str.find on each name is many times faster than one regular expression tried at every
        position of every page. Two matches cannot overlap: a name is never preceded by a
        character that file names are made of.
        """
        found = []
        for name in self.names:
            start = text.find(name)
            while start != -1:
                end = start + len(name)
                before = text[start - 1] if start else ""
                after = text[end] if end < len(text) else ""
                if not (before and (before.isalnum() or before in "_.-")) and (not after or after in _URL_END or after.isspace()):
                    found.append((start, end))
                    start = text.find(name, end)
                else:
                    start = text.find(name, start + 1)
        for start, end in sorted(found):
            begin = start
            while begin > 0 and text[begin - 1] not in NOT_URL_CHARS:
                begin -= 1
            yield begin, end, text[begin:end]

    def references(self, text: str, from_path: str, scripts: bool) -> set[str]:
        return {
            target for _start, _end, url in self.urls(text) if (target := self.resolve(url, from_path, scripts))
        }

    def rewrite(self, text: str, from_path: str, renamed: dict[str, str], scripts: bool = False, context=None) -> str:
        """Rewrite URLs to renamed assets; `context(position)` (HTML) says where, and how, to look."""
        pieces, done = [], 0
        for start, end, url in self.urls(text):
            in_scripts = scripts if context is None else context(start)
            if in_scripts is None:
                continue  # text that readers see
            target = self.resolve(url, from_path, in_scripts)
            if target is None or target not in renamed:
                continue
            name = posixpath.basename(target)
            pieces += [text[done:end - len(name)], posixpath.basename(renamed[target])]
            done = end
        return "".join(pieces) + text[done:]

    def resolve(self, url: str, from_path: str, scripts: bool) -> str | None:
        """The asset an URL written in `from_path` leads to, or None."""
        path = self._site_path(url, from_path)
        if path in self.asset_paths:
            return path
        if scripts and not _is_absolute(url):
            # A script's relative URL is resolved against the page that runs it, which
            # varies: accept it when it names exactly one asset by its trailing path.
            tail = _strip_leading_dots(url)
            matches = [p for p in self.asset_paths if p == tail or p.endswith("/" + tail)]
            if len(matches) == 1:
                return matches[0]
        return None

    def _site_path(self, url: str, from_path: str) -> str | None:
        if self.site_origin and url.startswith(self.site_origin + "/"):
            url = url[len(self.site_origin):]
        if url.startswith("//") or "://" in url or url.startswith(("data:", "mailto:", "tel:")):
            return None
        if url.startswith("/"):
            if not url.startswith(self.base_path):
                return None
            return posixpath.normpath(url[len(self.base_path):]) if url != self.base_path else None
        joined = posixpath.normpath(posixpath.join(posixpath.dirname(from_path), url))
        return None if joined.startswith("..") else joined


def _is_absolute(url: str) -> bool:
    return url.startswith("/") or "://" in url


def _strip_leading_dots(url: str) -> str:
    while url.startswith(("./", "../")):
        url = url.split("/", 1)[1]
    return url
