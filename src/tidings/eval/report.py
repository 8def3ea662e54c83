"""The Report every scorer returns: headline scores plus tables to print."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field


@dataclass
class Table:
    title: str
    header: list[str]
    rows: list[list[object]] = field(default_factory=list)

    def render(self) -> str:
        table: list[Sequence[object]] = [self.header, *self.rows]
        cells = [[_fmt(c) for c in row] for row in table]
        widths = [max(len(r[i]) for r in cells) for i in range(len(self.header))]
        lines = [self.title]
        for n, row in enumerate(cells):
            lines.append("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=False)).rstrip())
            if n == 0:
                lines.append("  ".join("-" * w for w in widths))
        return "\n".join(lines)


@dataclass
class Report:
    """Scores (name → value in [0, 1] unless said otherwise) and the tables explaining them."""

    kind: str
    path: str
    scores: dict[str, float] = field(default_factory=dict)
    tables: list[Table] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def render(self) -> str:
        parts = [f"tidings eval {self.kind} {self.path}"]
        parts.append(Table("scores", ["measure", "value"], [[k, v] for k, v in self.scores.items()]).render())
        parts.extend(t.render() for t in self.tables)
        parts.extend(self.notes)
        return "\n\n".join(parts)

    def to_dict(self) -> dict:
        return {
            "kind": self.kind,
            "path": self.path,
            "scores": self.scores,
            "tables": [{"title": t.title, "header": t.header, "rows": t.rows} for t in self.tables],
            "notes": self.notes,
        }


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    """Precision, recall and F1 from counts (0.0 where undefined)."""
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def _fmt(value: object) -> str:
    if isinstance(value, float):
        return f"{value:.3f}"
    return str(value)
