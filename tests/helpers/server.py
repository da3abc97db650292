"""The static server of the tests and of `make bench`, and how bytes are counted on the wire.

It serves a built site on 127.0.0.1 (random port, one thread per connection, keep-alive),
gzips text types when the client accepts it (level 6, as nginx and GitHub Pages do) and
answers a missing path with the site's 404 page. Only the caching differs, on purpose,
and each user says which it wants:

- `cache_for_a_session` (the tests): every file may be kept for an hour. The files do not change
  during a test session, and pages load faster when Chromium reuses the assets.
- `cache_like_a_host` (the benchmarks): what a real host sends, which Lighthouse scores.
  Fingerprinted assets (a content hash in the name) are cacheable for a year, everything
  else must be revalidated.

The tests' server also serves the tools that the tests run in a page (the accessibility
engines of node_modules) under TEST_TOOLS, a path no page of the site uses (`tools`).
"""
from __future__ import annotations

import functools
import gzip
import re
import sys
import threading
from collections.abc import Callable
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote

HOST = "127.0.0.1"
GZIP_LEVEL = 6
TEXT_TYPES = (
    "text/", "application/javascript", "application/json", "application/xml", "application/ld+json",
    "image/svg+xml", "application/manifest+json", "text/vcard",
)
TEST_TOOLS = "/__test-tools__/"
# name.<8 hex>.ext, also Material's name.<8 hex>.min.ext
FINGERPRINTED = re.compile(r"\.[0-9a-f]{8}(?:\.min)?\.[A-Za-z0-9]+$")


def is_fingerprinted(path: str) -> bool:
    return bool(FINGERPRINTED.search(path.split("?", 1)[0].split("#", 1)[0]))


def is_text(content_type: str) -> bool:
    return content_type.split(";")[0].strip().lower().startswith(TEXT_TYPES)


def gzip_size(body: bytes) -> int:
    return len(gzip.compress(body, compresslevel=GZIP_LEVEL, mtime=0))


def transfer_size(body: bytes, content_type: str) -> int:
    """Bytes this server sends for the body (HTTP headers aside)."""
    return gzip_size(body) if is_text(content_type) else len(body)


CacheControl = Callable[[str], str]  # file name -> Cache-Control value


def cache_for_a_session(name: str) -> str:
    return "max-age=3600"


def cache_like_a_host(name: str) -> str:
    return "public, max-age=31536000, immutable" if is_fingerprinted(name) else "no-cache"


@functools.lru_cache(maxsize=512)
def _compressed(path: Path, mtime_ns: int, size: int) -> bytes:
    """Each file is compressed once (the key changes when it does), as gzip_static would."""
    return gzip.compress(path.read_bytes(), compresslevel=GZIP_LEVEL, mtime=0)


class _Handler(SimpleHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as browsers expect from a real host
    # Headers and body leave in two writes: on a kept-alive connection, Nagle's algorithm held
    # the body until the browser acknowledged the headers, which it delays (up to 40 ms on Linux).
    disable_nagle_algorithm = True
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

    def __init__(self, *args, cache_control: CacheControl, tools: Path | None, **kwargs) -> None:
        self.cache_control = cache_control
        self.tools = tools
        super().__init__(*args, **kwargs)

    def log_message(self, format, *args):  # noqa: A002 - the base class's signature
        pass

    def send_head(self):
        tool = self._tool()
        if tool is not None:
            return self._send_file(tool)
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?", 1)[0].endswith("/"):
                return super().send_head()  # the base class redirects to the slash URL
            path = path / "index.html"
        if not path.is_file():
            return self._send_not_found()
        return self._send_file(path)

    def _tool(self) -> Path | None:
        """The file of `tools` asked for under TEST_TOOLS (never one outside it), or None."""
        asked = unquote(self.path.split("?", 1)[0])
        if self.tools is None or not asked.startswith(TEST_TOOLS):
            return None
        file = (self.tools / asked[len(TEST_TOOLS):]).resolve()
        return file if file.is_relative_to(self.tools) and file.is_file() else None

    def _send_file(self, path: Path, status: int = 200):
        content_type = self.guess_type(str(path))
        if content_type.startswith("text/") and "charset" not in content_type:
            content_type += "; charset=utf-8"
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        if is_text(content_type) and "gzip" in self.headers.get("Accept-Encoding", ""):
            stat = path.stat()
            body = _compressed(path, stat.st_mtime_ns, stat.st_size)
            self.send_header("Content-Encoding", "gzip")
        else:
            body = path.read_bytes()
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Cache-Control", self.cache_control(path.name))
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
        if not isinstance(sys.exc_info()[1], (ConnectionError, TimeoutError)):
            super().handle_error(request, client_address)


class StaticServer:
    """Serves `root` from a background thread; the port is taken at once (`origin` is known
    before anything is served, e.g. to build the site for it), serving starts with `start()`
    or `with`. With `tools`, the files of that directory are served under TEST_TOOLS too."""

    def __init__(self, root: Path, cache_control: CacheControl, tools: Path | None = None) -> None:
        tools = tools.resolve() if tools is not None else None
        handler = functools.partial(_Handler, directory=str(root), cache_control=cache_control, tools=tools)
        self._server = _QuietServer((HOST, 0), handler)
        self.origin = f"http://{HOST}:{self._server.server_address[1]}"
        self._thread: threading.Thread | None = None

    def url(self, path: str) -> str:
        return self.origin + path

    def start(self) -> None:
        if self._thread is None:
            self._thread = threading.Thread(target=self._server.serve_forever, name="static-server", daemon=True)
            self._thread.start()

    def close(self) -> None:
        if self._thread is not None:
            self._server.shutdown()
        self._server.server_close()

    def __enter__(self) -> StaticServer:
        self.start()
        return self

    def __exit__(self, *exc) -> None:
        self.close()
