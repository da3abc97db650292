"""Content fingerprints for the site's own static assets.

A browser may keep `site.3f2a9c1d.css` for a year: when the file changes, its name
changes. Material already names its own CSS and JS this way; this module does the same
for the project's files (stylesheet, scripts, images):

1. each stylesheet and script is minified (comments and spaces out, with `rcssmin` and
   `rjsmin`, which rename nothing), then each asset is renamed `name.<8 hex of its SHA-256>.ext`;
2. every reference to it is rewritten: in the HTML pages (tag attributes, inline
   `<script>` and `<style>`, never the text that readers see) and in the other
   fingerprinted assets (a stylesheet's `url()`, a script naming another file).

An asset that refers to another is hashed after the reference is rewritten, so a change
anywhere shows in every name that depends on it. The result depends only on the files'
contents: two builds of the same sources give the same names.

Nothing here depends on MkDocs: the hook `hooks/fingerprints.py` passes the assets, then
each page as MkDocs writes it.
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


class Fingerprints:
    """The new names of a site's assets, their new contents, and the rewriting of the pages
    that name them. `contents` are the assets' bytes as the site holds them, by site-relative
    path; the ones that are not fingerprintable (data files, files already carrying a hash)
    are ignored. `site_url` lets absolute references (`/base/assets/x.css`,
    `https://host/base/assets/x.css`, as in the 404 page or JSON-LD) be recognised.
    """

    def __init__(self, contents: dict[str, bytes], site_url: str | None = None) -> None:
        assets = sorted({Asset(p) for p in contents if is_fingerprintable(p)}, key=lambda asset: asset.path)
        self.resolver = _Resolver({asset.path for asset in assets}, site_url)
        self.renamed: dict[str, str] = {}  # old path -> new path
        self.contents: dict[str, bytes] = {}  # new path -> bytes
        for asset in _dependency_order(contents, assets, self.resolver):
            new_path, content = _fingerprint_asset(asset, contents[asset.path], self.resolver, self.renamed)
            self.renamed[asset.path] = new_path
            self.contents[new_path] = content

    def rewrite_page(self, html: str, path: str) -> str:
        """The page at site-relative `path`, with the URLs of renamed assets rewritten in its markup."""
        if not self.renamed:
            return html
        return self.resolver.rewrite(html, path, self.renamed, context=_html_context(html))

    def write_assets(self, site_dir: Path) -> None:
        """The assets under their new names, in place of the old ones."""
        for old_path, new_path in self.renamed.items():
            (site_dir / new_path).write_bytes(self.contents[new_path])
            if new_path != old_path:
                (site_dir / old_path).unlink()

    def rewrite_pages_on_disk(self, site_dir: Path, skip: set[str] = frozenset()) -> None:
        """Every HTML page of the site but those in `skip` (site-relative paths), rewritten in place."""
        for page in sorted(site_dir.rglob("*.html")):
            path = page.relative_to(site_dir).as_posix()
            if path in skip:
                continue
            text = page.read_text(encoding="utf-8")
            new_text = self.rewrite_page(text, path)
            if new_text != text:
                page.write_text(new_text, encoding="utf-8")


def fingerprint_site(site_dir: Path, asset_paths: Iterable[str], site_url: str | None = None) -> dict[str, str]:
    """Fingerprint the given assets of a built site and rewrite its pages; return {old path: new path}.

    `asset_paths` are site-relative paths; the ones that do not exist are ignored.
    """
    contents = {p: (site_dir / p).read_bytes() for p in asset_paths if is_fingerprintable(p) and (site_dir / p).is_file()}
    fingerprints = Fingerprints(contents, site_url)
    fingerprints.write_assets(site_dir)
    fingerprints.rewrite_pages_on_disk(site_dir)
    return fingerprints.renamed


def _fingerprint_asset(asset: Asset, content: bytes, resolver: _Resolver, renamed: dict[str, str]) -> tuple[str, bytes]:
    if asset.suffix in TEXT_ASSETS:
        text = content.decode("utf-8")
        if asset.suffix in MINIFIERS:
            text = MINIFIERS[asset.suffix](text)
        content = resolver.rewrite(text, asset.path, renamed, scripts=asset.suffix in SCRIPT_ASSETS).encode("utf-8")
    return posixpath.join(posixpath.dirname(asset.path), fingerprinted_name(asset.name, content)), content


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


def _dependency_order(contents: dict[str, bytes], assets: list[Asset], resolver: _Resolver) -> list[Asset]:
    """Assets ordered so that each comes after every asset it refers to."""
    by_path = {asset.path: asset for asset in assets}
    needs: dict[str, set[str]] = {}
    for asset in assets:
        if asset.suffix in TEXT_ASSETS:
            text = contents[asset.path].decode("utf-8")
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
        self.names = {posixpath.basename(p) for p in asset_paths}
        self.extensions = sorted({posixpath.splitext(name)[1] for name in self.names})

    def urls(self, text: str):
        """(start, end, url) of each URL ending with an asset's name, as a whole name followed by
        the end of the URL (or ?query, #fragment); the URL is read backwards from the name.

        The assets' extensions are looked for (str.find, many times faster than a regular
        expression tried at every position, and a few extensions rather than every name),
        then the whole file name that ends there is read backwards and looked up.
        """
        found = []
        for extension in self.extensions:
            end = text.find(extension)
            while end != -1:
                end += len(extension)
                after = text[end] if end < len(text) else ""
                if not after or after in _URL_END or after.isspace():
                    start = end - len(extension)
                    while start > 0 and (text[start - 1].isalnum() or text[start - 1] in "_.-"):
                        start -= 1
                    if text[start:end] in self.names:
                        found.append((start, end))
                end = text.find(extension, end)
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
