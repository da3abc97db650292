"""No layout shift while a page loads (CLS 0), on every page of the site.

Measured in Chromium with a PerformanceObserver on `layout-shift` entries registered
before the page's own code (buffered: true, so earlier entries are delivered too), at a
phone-sized viewport, until the page has settled (benchmarks/poids.py: loaded, Material's
scripts started, two frames painted, no request in flight); shifts caused by the reader's
input are not counted, as in the CLS metric. What is counted is what a reader can see:
elements painted in the viewport that start at another place than in the frame before
(the Layout Instability API). No tolerance: a shift may not show on every load (a race
between a paint and a stylesheet or a script), but any shift seen is real, and the message
says which element moved, from where to where and when (ms after the navigation started).
"""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.navigateur


def test_no_layout_shift(site_page, page_loads):
    load = page_loads[site_page.path]
    assert load.cls is not None and load.cls >= 0, f"{site_page}: layout shifts could not be observed"
    shifted = "; ".join(f"{s['value']:.4f} at {s.get('time')} ms moving {', '.join(s['sources']) or '?'}" for s in load.shifts)
    assert load.cls == 0, f"{site_page}: cumulative layout shift {load.cls:.4f} ({shifted})"
