"""Static reading of the built HTML: links, anchors, titles, descriptions, visible text."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from bs4 import BeautifulSoup

from tests.helpers.site import BuiltSite, SitePage

URL_ATTRIBUTES = ("href", "src", "poster", "xlink:href")
# <link rel> values that make the browser fetch the URL (as opposed to canonical, next...).
FETCHING_LINK_RELS = {
    "stylesheet", "icon", "shortcut", "apple-touch-icon", "manifest", "preload",
    "prefetch", "modulepreload", "preconnect", "dns-prefetch", "mask-icon",
}
NOT_TEXT = {"script", "style", "template", "noscript"}
WHITESPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Link:
    """One URL written in a page: which tag and attribute, and the raw value."""

    tag: str
    attribute: str
    value: str
    fetched: bool  # the browser loads it (img src, stylesheet...), not just a link

    def __str__(self) -> str:
        return f'<{self.tag} {self.attribute}="{self.value}">'


@dataclass
class ParsedPage:
    page: SitePage
    soup: BeautifulSoup
    title: str
    description: str | None
    ids: set[str] = field(default_factory=set)
    links: list[Link] = field(default_factory=list)
    text: str = ""


def normalize_space(text: str) -> str:
    """Collapse every run of whitespace (non-breaking spaces included) to one space."""
    return WHITESPACE.sub(" ", text).strip()


def parse_site(site: BuiltSite) -> dict[str, ParsedPage]:
    return {page.path: parse_page(page) for page in site.pages}


def parse_page(page: SitePage) -> ParsedPage:
    soup = BeautifulSoup(page.file.read_text(encoding="utf-8"), "html.parser")
    title = normalize_space(soup.title.get_text()) if soup.title else ""
    meta = soup.find("meta", attrs={"name": "description"})
    description = normalize_space(meta.get("content", "")) if meta else None
    ids = {tag["id"] for tag in soup.find_all(id=True)} | {tag["name"] for tag in soup.find_all("a", attrs={"name": True})}
    return ParsedPage(
        page=page, soup=soup, title=title, description=description,
        ids=ids, links=list(_links(soup)), text=visible_text(soup),
    )


def visible_text(soup: BeautifulSoup) -> str:
    body = soup.body or soup
    strings = (s for s in body.find_all(string=True) if not {p.name for p in s.parents} & NOT_TEXT)
    return normalize_space(" ".join(strings))


def _links(soup: BeautifulSoup):
    for tag in soup.find_all(True):
        for attribute in URL_ATTRIBUTES:
            value = tag.get(attribute)
            if value is not None:
                yield Link(tag.name, attribute, value.strip(), _is_fetched(tag, attribute))
        if tag.get("srcset"):
            for candidate in tag["srcset"].split(","):
                if candidate.strip():
                    yield Link(tag.name, "srcset", candidate.split()[0], True)
        if tag.name == "object" and tag.get("data"):
            yield Link(tag.name, "data", tag["data"].strip(), True)


def _is_fetched(tag, attribute: str) -> bool:
    if tag.name == "a" or tag.name == "area":
        return False
    if tag.name == "link":
        return bool(set(tag.get("rel") or []) & FETCHING_LINK_RELS)
    return True  # src, poster, svg <use>/<image> href


@dataclass(frozen=True)
class Target:
    """Where an internal URL leads in the built site."""

    path: str  # URL path, e.g. "/personnes/"
    file: Path | None  # the built file it resolves to, None when nothing is there
    fragment: str


def resolve(site: BuiltSite, page: SitePage, value: str) -> Target | None:
    """The built file an URL of the page leads to, or None for another origin or scheme."""
    absolute = urljoin(site.url(page), value)
    parts = urlsplit(absolute)
    if parts.scheme not in ("http", "https") or f"{parts.scheme}://{parts.netloc}" != site.origin:
        return None
    path = unquote(parts.path) or "/"
    return Target(path=path, file=_file_for(site.root, path), fragment=unquote(parts.fragment))


def is_other_origin(site: BuiltSite, page: SitePage, value: str) -> bool:
    parts = urlsplit(urljoin(site.url(page), value))
    return parts.scheme in ("http", "https", "ws", "wss", "") and f"{parts.scheme}://{parts.netloc}" != site.origin


def _file_for(root: Path, path: str) -> Path | None:
    candidate = root / path.lstrip("/")
    if path.endswith("/") or candidate.is_dir():
        candidate = candidate / "index.html"
    root_resolved = root.resolve()
    if candidate.is_file() and root_resolved in candidate.resolve().parents:
        return candidate
    return None
