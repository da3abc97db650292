"""Lighthouse 12 (npm, node_modules/.bin/lighthouse) on a page, offline, with Debian's chromium.

Default mobile form factor and simulated throttling, the four categories. Chromium is
told to resolve no host but the local server, and each run has a time limit, so a page
that tried to reach the network could neither leak nor hang the benchmark.
"""
from __future__ import annotations

import json
import os
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from tests.helpers.chromium import chrome_flags, find_chromium

from .projets import ROOT

LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
TIMEOUT_S = 180


@dataclass
class LighthouseRun:
    url: str
    scores: dict[str, float] = field(default_factory=dict)  # 0-100 per category
    cls: float | None = None
    render_blocking: list[dict] = field(default_factory=list)  # url, bytes, wastedMs
    total_byte_weight: int | None = None  # transfer bytes, as Lighthouse counts them
    metrics: dict[str, float] = field(default_factory=dict)  # FCP, LCP, TBT, SI in ms
    failed_audits: dict[str, tuple[float, str]] = field(default_factory=dict)  # "category: id" -> score, value
    error: str | None = None

    def as_dict(self) -> dict:
        return dict(self.__dict__)


def available() -> bool:
    return LIGHTHOUSE.is_file() and find_chromium(shell=False) is not None


def run_lighthouse(url: str, output: Path) -> LighthouseRun:
    command = [
        str(LIGHTHOUSE), url,
        "--output=json", f"--output-path={output}", "--quiet",
        "--disable-full-page-screenshot",  # a large image the report does not use; no effect on scores
        f"--chrome-flags={chrome_flags()}",
        f"--only-categories={','.join(CATEGORIES)}",
    ]
    env = dict(os.environ, CHROME_PATH=find_chromium(shell=False))
    try:
        result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=TIMEOUT_S)
    except subprocess.TimeoutExpired:
        return LighthouseRun(url, error=f"no result after {TIMEOUT_S} s")
    if result.returncode != 0 or not output.is_file():
        return LighthouseRun(url, error=(result.stderr or result.stdout).strip()[-1000:])
    return read_report(url, json.loads(output.read_text(encoding="utf-8")))


def read_report(url: str, report: dict) -> LighthouseRun:
    run = LighthouseRun(url)
    if report.get("runtimeError"):
        run.error = str(report["runtimeError"])
    audits = report["audits"]
    for category in CATEGORIES:
        score = report["categories"].get(category, {}).get("score")
        if score is not None:
            run.scores[category] = round(score * 100)
    run.cls = audits.get("cumulative-layout-shift", {}).get("numericValue")
    run.total_byte_weight = audits.get("total-byte-weight", {}).get("numericValue")
    for metric in ("first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "speed-index"):
        if audits.get(metric, {}).get("numericValue") is not None:
            run.metrics[metric] = audits[metric]["numericValue"]
    blocking = audits.get("render-blocking-resources") or audits.get("render-blocking-insight") or {}
    for item in (blocking.get("details") or {}).get("items", []):
        run.render_blocking.append(
            {"url": item.get("url"), "bytes": item.get("totalBytes"), "wasted_ms": item.get("wastedMs")}
        )
    run.failed_audits = _failed_audits(report)
    return run


def _failed_audits(report: dict) -> dict[str, tuple[float, str]]:
    """Scored audits below 1 that weigh in a category: what keeps a score under 100."""
    failed = {}
    for name, category in report["categories"].items():
        for ref in category.get("auditRefs", []):
            audit = report["audits"].get(ref["id"], {})
            if ref.get("weight", 0) > 0 and audit.get("score") is not None and audit["score"] < 1:
                failed[f"{name}: {ref['id']}"] = (audit["score"], audit.get("displayValue") or "")
    return failed
