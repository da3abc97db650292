"""Chromium for the tests and for `make bench`: Debian's packages, launched with one set of flags.

Never a downloaded browser. The tests drive Debian's `chromium-headless-shell` when it is
there: the same Chromium release as `chromium` (same Blink, same V8, same fonts), without the
browser's own layer, which has nothing to draw headless. Measured on the whole suite (2 cores),
it spends a fifth less processor time than `chromium --headless=new`: 512 against 651 core-s,
the browser process 38 against 107; it is also what Playwright runs for headless Chromium.
Lighthouse (`make bench`) keeps the whole browser, as its reports assume. Without the shell,
the tests run in `chromium`, slower. The CHROMIUM environment variable overrides both.
The flags keep it from phoning home and, the machine being offline, make any host but the
local server fail at once instead of hanging.
"""
from __future__ import annotations

import os
import shutil
from pathlib import Path

CHROMIUM_ARGS = [
    "--headless=new",  # for `chromium`; the shell is headless whatever it is told
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost , EXCLUDE 127.0.0.1",
]
NOT_FOUND = (
    "Chromium not found (looked for `chromium-headless-shell` and `chromium` on PATH, and "
    "/usr/bin/chromium). `make test` installs Debian's packages; elsewhere install Chromium "
    "and set CHROMIUM=/path/to/chromium."
)


def find_chromium(shell: bool = True) -> str | None:
    """The browser to launch: with `shell`, Debian's headless shell if installed."""
    candidates = [os.environ.get("CHROMIUM")]
    if shell:
        candidates.append(shutil.which("chromium-headless-shell"))
    candidates += [shutil.which("chromium"), "/usr/bin/chromium"]
    return next((c for c in candidates if c and Path(c).is_file()), None)


def chrome_flags() -> str:
    """CHROMIUM_ARGS as one string, for Lighthouse's --chrome-flags (quoted where they hold spaces)."""
    return " ".join(f'"{arg}"' if " " in arg else arg for arg in CHROMIUM_ARGS)
