"""Medians with their spread, as the report prints them."""
from __future__ import annotations

import statistics
from dataclasses import dataclass


@dataclass(frozen=True)
class Series:
    """Several measurements of one thing."""

    values: tuple[float, ...]

    @property
    def median(self) -> float:
        return statistics.median(self.values)

    @property
    def minimum(self) -> float:
        return min(self.values)

    @property
    def maximum(self) -> float:
        return max(self.values)

    def as_dict(self) -> dict:
        return {"median": self.median, "min": self.minimum, "max": self.maximum, "values": list(self.values)}

    def seconds(self) -> str:
        """`2.41 s (2.30–2.77)`."""
        return f"{self.median:.2f} s ({self.minimum:.2f}–{self.maximum:.2f})"

    def score(self) -> str:
        """`100` when all runs agree, else `98 (97–100)`."""
        if self.minimum == self.maximum:
            return f"{self.median:.0f}"
        return f"{self.median:.0f} ({self.minimum:.0f}–{self.maximum:.0f})"


def ratio(numerator: float, denominator: float) -> float | None:
    return numerator / denominator if denominator else None


def format_ratio(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.2f}×"


def kilobytes(count: int | float | None) -> str:
    """Bytes shown in KB of 1,000 bytes, as the budgets are written (73 KB = 73,000 bytes)."""
    return "n/a" if count is None else f"{count / 1000:.1f} KB"
