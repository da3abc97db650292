"""Chromium for the tests and for `make bench`: Debian's package, launched with one set of flags.

Never a downloaded browser: `chromium` on PATH (or /usr/bin/chromium), or the path in
the CHROMIUM environment variable. The flags keep it from phoning home and, the machine
being offline, make any host but the local server fail at once instead of hanging.
"""
from __future__ import annotations

import os
import shutil
from pathlib import Path

CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost , EXCLUDE 127.0.0.1",
]
NOT_FOUND = (
    "Chromium not found (looked for `chromium` on PATH and /usr/bin/chromium). "
    "`make test` installs Debian's chromium package; elsewhere install Chromium "
    "and set CHROMIUM=/path/to/chromium."
)


def find_chromium() -> str | None:
    candidates = [os.environ.get("CHROMIUM"), shutil.which("chromium"), "/usr/bin/chromium"]
    return next((c for c in candidates if c and Path(c).is_file()), None)


def chrome_flags() -> str:
    """CHROMIUM_ARGS as one string, for Lighthouse's --chrome-flags (quoted where they hold spaces)."""
    return " ".join(f'"{arg}"' if " " in arg else arg for arg in CHROMIUM_ARGS)
