"""Fingerprinted assets: every file a page loads carries a content hash in its name.

A browser may then keep it for a year (the name changes with the content). Exceptions,
whose addresses must stay stable: the HTML pages, the 404 page, the sitemap and the
search index. Checked on what the HTML references (even images Chromium does not load
at once) and on what Chromium actually fetched. The first tests exercise
`emploi_accompagne.fingerprints` (run by hooks/fingerprints.py) on small made-up sites.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from benchmarks.serveur import is_fingerprinted
from emploi_accompagne.fingerprints import FingerprintError, fingerprint_site, fingerprinted_name
from emploi_accompagne.paths import DOCS
from tests.helpers.html import resolve

NOT_FINGERPRINTED = {"/404.html", "/sitemap.xml", "/sitemap.xml.gz", "/search/search_index.json"}
HASHED = r"[0-9a-f]{8}"


# --- The fingerprinting itself, on made-up sites ------------------------------------------


def write(root: Path, files: dict[str, str]) -> Path:
    for path, text in files.items():
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_text(text, encoding="utf-8")
    return root


def names(root: Path) -> set[str]:
    return {p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()}


def test_renames_and_rewrites_relative_absolute_and_full_urls(tmp_path):
    site = write(tmp_path, {
        "assets/site.css": "body{color:red}",
        "assets/logo.svg": "<svg/>",
        "index.html": '<link rel="stylesheet" href="assets/site.css"><img src="assets/logo.svg" alt="">',
        "personnes/index.html": '<link rel="stylesheet" href="../assets/site.css?v=1">',
        "404.html": '<link rel="stylesheet" href="/base/assets/site.css">'
                    '<script type="application/ld+json">{"logo":"https://exemple.fr/base/assets/logo.svg"}</script>',
    })
    renamed = fingerprint_site(site, ["assets/site.css", "assets/logo.svg", "index.html"], site_url="https://exemple.fr/base/")
    css = renamed["assets/site.css"]
    assert re.fullmatch(rf"assets/site\.{HASHED}\.css", css)
    assert css == "assets/" + fingerprinted_name("site.css", b"body{color:red}")
    assert "assets/site.css" not in names(site) and css in names(site)
    assert f'href="{css}"' in (site / "index.html").read_text()
    assert f'href="../{css}?v=1"' in (site / "personnes/index.html").read_text()
    not_found = (site / "404.html").read_text()
    assert f'href="/base/{css}"' in not_found
    assert f'https://exemple.fr/base/{renamed["assets/logo.svg"]}' in not_found
    assert "index.html" not in renamed  # pages keep their names


def test_text_that_readers_see_is_left_alone(tmp_path):
    site = write(tmp_path, {
        "assets/site.css": "a{}",
        "index.html": '<p>Le style est dans assets/site.css</p><code>assets/site.css</code>'
                      '<link rel="stylesheet" href="assets/site.css">',
    })
    renamed = fingerprint_site(site, ["assets/site.css"])
    html = (site / "index.html").read_text()
    assert "<p>Le style est dans assets/site.css</p><code>assets/site.css</code>" in html
    assert f'href="{renamed["assets/site.css"]}"' in html


def test_a_referenced_file_changes_the_name_of_the_file_that_refers_to_it(tmp_path):
    def build(icon: str) -> dict[str, str]:
        root = tmp_path / icon
        write(root, {
            "assets/site.css": ".a{background:url(img/icone.svg)}",
            "assets/img/icone.svg": icon,
            "index.html": '<link rel="stylesheet" href="assets/site.css">',
        })
        renamed = fingerprint_site(root, ["assets/site.css", "assets/img/icone.svg"])
        css = (root / renamed["assets/site.css"]).read_text()
        assert f"url(img/{renamed['assets/img/icone.svg'].rsplit('/', 1)[1]})" in css
        return renamed

    first, second = build("<svg>1</svg>"), build("<svg>2</svg>")
    assert first["assets/site.css"] != second["assets/site.css"]


def test_scripts_naming_other_scripts_are_rewritten(tmp_path):
    site = write(tmp_path, {
        "assets/trouver.js": 'import("./outils.js"); fetch(base + "index/departements.json")',
        "assets/outils.js": "export const x = 1;",
        "trouver/index.html": '<script src="../assets/trouver.js" defer></script>',
    })
    renamed = fingerprint_site(site, ["assets/trouver.js", "assets/outils.js"])
    script = (site / renamed["assets/trouver.js"]).read_text()
    assert f'import("./{renamed["assets/outils.js"].rsplit("/", 1)[1]}")' in script
    assert '"index/departements.json"' in script  # data files keep their names


def test_same_sources_same_names(tmp_path):
    files = {"assets/a.js": "console.log(1)", "assets/b.css": "p{}", "index.html": '<script src="assets/a.js"></script>'}
    first = fingerprint_site(write(tmp_path / "1", files), ["assets/a.js", "assets/b.css"])
    second = fingerprint_site(write(tmp_path / "2", files), ["assets/a.js", "assets/b.css"])
    assert first == second


def test_already_fingerprinted_and_data_files_are_not_renamed(tmp_path):
    site = write(tmp_path, {"assets/bundle.a5f9d56c.min.js": "1", "donnees/plateformes.json": "[]", "index.html": ""})
    assert fingerprint_site(site, ["assets/bundle.a5f9d56c.min.js", "donnees/plateformes.json"]) == {}


def test_scripts_that_name_each_other_are_refused(tmp_path):
    site = write(tmp_path, {"assets/a.js": 'import "./b.js"', "assets/b.js": 'import "./a.js"', "index.html": ""})
    with pytest.raises(FingerprintError):
        fingerprint_site(site, ["assets/a.js", "assets/b.js"])


# --- The built site ------------------------------------------------------------------------


def test_our_assets_are_renamed_in_the_built_site(site):
    own = [p for p in (DOCS / "assets").rglob("*") if p.suffix in {".css", ".js", ".svg", ".png", ".webp", ".woff2"}]
    assert own, "no asset in docs/assets"
    problems = []
    for source in own:
        relative = source.relative_to(DOCS).as_posix()
        built = site.root / relative
        variants = list(built.parent.glob(f"{source.stem}.*{source.suffix}"))
        if built.exists():
            problems.append(f"{relative} is still published under its own name")
        if not any(re.fullmatch(rf"{re.escape(source.stem)}\.{HASHED}{re.escape(source.suffix)}", v.name) for v in variants):
            problems.append(f"{relative}: no fingerprinted copy in the built site")
    assert not problems, "\n".join(problems)


def test_assets_referenced_by_the_page_are_fingerprinted(site_page, site, parsed_site):
    problems = []
    for link in parsed_site[site_page.path].links:
        if not link.fetched:
            continue
        target = resolve(site, site_page, link.value)
        if target is None or target.path in NOT_FINGERPRINTED or target.path.endswith((".html", "/")):
            continue
        if not is_fingerprinted(target.path):
            problems.append(str(link))
    assert not problems, f"{site_page}: assets without a content hash in their name:\n" + "\n".join(problems)


@pytest.mark.navigateur
def test_assets_fetched_by_the_page_are_fingerprinted(site_page, site, page_loads):
    load = page_loads[site_page.path]
    problems = []
    for resource in load.resources[1:]:
        path = resource.url.removeprefix(site.origin).split("?", 1)[0]
        if path in NOT_FINGERPRINTED or resource.content_type.startswith("text/html") or path.endswith("/"):
            continue
        if not is_fingerprinted(path):
            problems.append(f"{path} ({resource.gzip:,} bytes gzip)")
    assert not problems, (
        f"{site_page}: fetched on load without a content hash in the name (cannot be cached for long):\n"
        + "\n".join(problems)
    )
