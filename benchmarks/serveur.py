"""The benchmarks' static server: the tests' one (tests/helpers/server.py), gzip included,
with the cache headers of a real host.

`http.server` alone would send files uncompressed and without caching headers, which
Lighthouse would count against the site. Fingerprinted assets (a content hash in the file
name) are cacheable for a year; everything else must be revalidated. The tests' server
differs only there, on purpose: it lets Chromium keep every file during a session.
"""
from __future__ import annotations

from pathlib import Path

from tests.helpers.server import StaticServer as _StaticServer
from tests.helpers.server import cache_like_a_host, is_fingerprinted

__all__ = ["StaticServer", "is_fingerprinted"]


class StaticServer(_StaticServer):
    """Serves `root` on 127.0.0.1 in a background thread; use as a context manager."""

    def __init__(self, root: Path) -> None:
        super().__init__(root, cache_control=cache_like_a_host)
