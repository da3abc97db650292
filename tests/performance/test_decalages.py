"""No layout shift while a page loads (CLS 0), on every page of the site.

Measured in Chromium with a PerformanceObserver on `layout-shift` entries registered
before the page's own code (buffered: true, so earlier entries are delivered too), at a
phone-sized viewport, until the page has settled (benchmarks/poids.py: loaded, Material's
scripts started, two frames painted, no request in flight); shifts caused by the reader's
input are not counted, as in the CLS metric. What is counted is what a reader can see:
elements painted in the viewport that start at another place than in the frame before
(the Layout Instability API). No tolerance: a shift may not show on every load (a race
between a paint and a stylesheet, a script, or the rest of the page still on its way), but any
shift seen is real, and the message says which element moved, from where to where and when
(ms after the navigation started).
"""
from __future__ import annotations

import functools
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

import pytest

from benchmarks.poids import LoadsInOneTab

pytestmark = pytest.mark.navigateur


def test_no_layout_shift(site_page, page_loads):
    load = page_loads[site_page.path]
    assert load.cls is not None and load.cls >= 0, f"{site_page}: layout shifts could not be observed"
    shifted = "; ".join(f"{s['value']:.4f} at {s.get('time')} ms moving {', '.join(s['sources']) or '?'}" for s in load.shifts)
    assert load.cls == 0, f"{site_page}: cumulative layout shift {load.cls:.4f} ({shifted})"


# Where a page may be cut by the network: after a bold phrase and its space, before the link
# that ends the line (a département page's invitation to publish the fiche). Painted at that
# moment, the line moved when the link came (CLS 0.0076, seen in CI under load).
CUT_AFTER = b"</strong> <a"
PAUSE_S = 0.3  # the network's pause, the input of this test, not a wait for the page


class _PausingHandler(SimpleHTTPRequestHandler):
    """Serves the built site; sends `cut` bytes of `page`, pauses, then the rest."""

    protocol_version = "HTTP/1.1"
    page = ""
    cut = 0

    def log_message(self, format, *args):  # noqa: A002 - the base class's signature
        pass

    def copyfile(self, source, destination):
        if self.path != self.page:
            return super().copyfile(source, destination)
        body = source.read()
        destination.write(body[: self.cut])
        destination.flush()
        time.sleep(PAUSE_S)
        destination.write(body[self.cut :])
        destination.flush()


# When the footer (the end of the content) was read, in the page's clock.
FOOTER_READ = """
new MutationObserver((changes, observer) => {
  if (document.getElementById('ea-pied-de-page')) { window.__ea_footer_read = performance.now(); observer.disconnect(); }
}).observe(document, {childList: true, subtree: true});
"""


def test_a_page_the_network_cuts_is_painted_whole(site, browser):
    """A reader on a slow network sees the page once its content has arrived, not half of it
    then moving (overrides/main.html: the first paint waits for the footer)."""
    page = site.root / "departements" / "72" / "index.html"
    html = page.read_bytes()
    _PausingHandler.page = "/departements/72/"
    _PausingHandler.cut = html.index(CUT_AFTER) + len(b"</strong> ")
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_PausingHandler, directory=str(site.root)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    loads = LoadsInOneTab(browser)
    try:
        loads.tab.add_init_script(FOOTER_READ)
        load = loads.load(f"http://127.0.0.1:{server.server_address[1]}/departements/72/")
        first_paint = loads.tab.evaluate("performance.getEntriesByName('first-contentful-paint')[0].startTime")
        footer_read = loads.tab.evaluate("window.__ea_footer_read")
    finally:
        loads.close()
        server.shutdown()
        server.server_close()
    assert first_paint >= footer_read, f"first paint at {first_paint:.0f} ms, before the footer was read ({footer_read:.0f} ms)"
    assert load.cls == 0, f"cumulative layout shift {load.cls:.4f}: {load.shifts}"
