"""No layout shift while a page loads (CLS 0), on every page of the site.

Measured in Chromium with a PerformanceObserver on `layout-shift` entries registered
before the page's own code (buffered: true, so earlier entries are delivered too), at a
phone-sized viewport, until the network is idle; shifts caused by the reader's input are
not counted, as in the CLS metric. A shift is often a race (a stylesheet or a script
arriving after the first paint): it may not show on every load, but any shift seen is real.
"""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.navigateur


def test_no_layout_shift(site_page, page_loads):
    load = page_loads[site_page.path]
    assert load.cls is not None and load.cls >= 0, f"{site_page}: layout shifts could not be observed"
    shifted = "; ".join(f"{s['value']:.4f} moving {', '.join(s['sources']) or '?'}" for s in load.shifts)
    no_shift = load.cls == 0
    assert no_shift, f"{site_page}: cumulative layout shift {load.cls:.4f} ({shifted})"
