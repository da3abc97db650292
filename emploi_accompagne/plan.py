"""The site map page, built from the navigation tree (never written by hand)."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class NavEntry:
    title: str
    url: str | None = None  # None for a section without a page of its own
    children: list["NavEntry"] = field(default_factory=list)


def plan_markdown(entries: list[NavEntry], depth: int = 0) -> str:
    lines = []
    indent = "    " * depth
    for entry in entries:
        label = f"[{entry.title}]({entry.url})" if entry.url else entry.title
        lines.append(f"{indent}- {label}")
        if entry.children:
            lines.append(plan_markdown(entry.children, depth + 1))
    return "\n".join(lines)
