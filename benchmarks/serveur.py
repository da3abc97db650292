"""A small static server for measurements: gzip and cache headers like a real host.

`http.server` sends files uncompressed and without caching headers, which Lighthouse
would count against the site. This one serves a directory on 127.0.0.1 (random port,
one thread per connection), gzips text types when the client accepts it (level 6, as
nginx and GitHub Pages do) and marks fingerprinted assets (a content hash in the file
name) as cacheable for a year; everything else must be revalidated.
"""
from __future__ import annotations

import functools
import gzip
import re
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

HOST = "127.0.0.1"
GZIP_LEVEL = 6
TEXT_TYPES = (
    "text/", "application/javascript", "application/json", "application/xml",
    "image/svg+xml", "application/manifest+json", "text/vcard",
)
# name.<8 hex>.ext, also Material's name.<8 hex>.min.ext
FINGERPRINTED = re.compile(r"\.[0-9a-f]{8}(?:\.min)?\.[A-Za-z0-9]+$")
LONG_CACHE = "public, max-age=31536000, immutable"
REVALIDATE = "no-cache"


def is_fingerprinted(path: str) -> bool:
    return bool(FINGERPRINTED.search(path.split("?", 1)[0].split("#", 1)[0]))


class _GzipHandler(SimpleHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as browsers expect from a real host
    extensions_map = {
        **SimpleHTTPRequestHandler.extensions_map,
        ".js": "application/javascript",
        ".mjs": "application/javascript",
        ".json": "application/json",
        ".svg": "image/svg+xml",
        ".webmanifest": "application/manifest+json",
        ".vcf": "text/vcard",
        ".woff2": "font/woff2",
        ".xml": "application/xml",
    }

    def log_message(self, format, *args):  # noqa: A002 - the base class's signature
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?", 1)[0].endswith("/"):
                return super().send_head()  # the base class redirects to the slash URL
            path = path / "index.html"
        if not path.is_file():
            return self._send_not_found()
        return self._send_file(path)

    def _send_file(self, path: Path, status: int = 200):
        body = path.read_bytes()
        content_type = self.guess_type(str(path))
        if content_type.startswith("text/") and "charset" not in content_type:
            content_type += "; charset=utf-8"
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        if content_type.startswith(TEXT_TYPES) and "gzip" in self.headers.get("Accept-Encoding", ""):
            body = gzip.compress(body, compresslevel=GZIP_LEVEL, mtime=0)
            self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Cache-Control", LONG_CACHE if is_fingerprinted(path.name) else REVALIDATE)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return _Body(body)

    def _send_not_found(self):
        page = Path(self.directory) / "404.html"
        if page.is_file():
            return self._send_file(page, status=404)
        self.send_error(404)
        return None


class _Body:
    """What `send_head` returns: something `copyfile` can read, then closed."""

    def __init__(self, data: bytes) -> None:
        self.data = data

    def read(self, size: int = -1) -> bytes:
        data, self.data = self.data, b""
        return data

    def close(self) -> None:
        self.data = b""


class _QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        # A browser closing a kept-alive connection is normal here, not worth a traceback.
        import sys

        if not isinstance(sys.exc_info()[1], (ConnectionError, TimeoutError)):
            super().handle_error(request, client_address)


class StaticServer:
    """Serves `root` on 127.0.0.1 in a background thread; use as a context manager."""

    def __init__(self, root: Path) -> None:
        handler = functools.partial(_GzipHandler, directory=str(root))
        self._server = _QuietServer((HOST, 0), handler)
        self.origin = f"http://{HOST}:{self._server.server_address[1]}"
        self._thread = threading.Thread(target=self._server.serve_forever, name="bench-server", daemon=True)

    def __enter__(self) -> StaticServer:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._server.shutdown()
        self._server.server_close()

    def url(self, path: str) -> str:
        return self.origin + path
