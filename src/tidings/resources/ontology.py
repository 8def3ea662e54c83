"""CAMEO codes (names, Goldstein scores, QuadClass) and the PLOVER types, modes and contexts.

Data: ``data/ontology/cameo.tsv`` (one CAMEO code a line, with its PLOVER type/mode/context)
and ``data/ontology/plover.json`` (the 16 PLOVER types with their modes, and the contexts).
"""
from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from pathlib import Path

DATA = Path(__file__).parent / "data" / "ontology"

PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)


@dataclass(frozen=True)
class CameoCode:
    """One CAMEO event code with its scores and PLOVER mapping (type '' for statements)."""

    code: str
    name: str
    goldstein: float
    quad_class: int
    plover_type: str
    plover_mode: str | None
    plover_context: tuple[str, ...]


@dataclass(frozen=True)
class Ontology:
    cameo: dict[str, CameoCode]
    modes: dict[str, tuple[str, ...]]
    definitions: dict[str, str]
    contexts: tuple[str, ...]

    def code(self, code: str) -> CameoCode:
        """The entry for ``code``; unknown four-digit codes fall back to their three-digit parent."""
        while code not in self.cameo and len(code) > 2:
            code = code[:-1]
        return self.cameo[code]


def _read_cameo(path: Path) -> dict[str, CameoCode]:
    table: dict[str, CameoCode] = {}
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")]
    header = lines[0].split("\t")
    for line in lines[1:]:
        row = dict(zip(header, line.split("\t"), strict=False))
        table[row["code"]] = CameoCode(
            code=row["code"],
            name=row["name"],
            goldstein=float(row["goldstein"]),
            quad_class=int(row["quad_class"]),
            plover_type=row["plover_type"],
            plover_mode=row["plover_mode"] or None,
            plover_context=tuple(c for c in row["plover_context"].split(",") if c),
        )
    return table


@functools.cache
def load(directory: Path = DATA) -> Ontology:
    """Read the ontology tables (cached)."""
    plover = json.loads((directory / "plover.json").read_text(encoding="utf-8"))
    return Ontology(
        cameo=_read_cameo(directory / "cameo.tsv"),
        modes={t: tuple(v["modes"]) for t, v in plover["types"].items()},
        definitions={t: v["definition"] for t, v in plover["types"].items()},
        contexts=tuple(plover["contexts"]),
    )


def validate(onto: Ontology | None = None) -> list[str]:
    """Problems in the ontology tables (an empty list when they are consistent)."""
    onto = onto or load()
    problems = []
    if set(onto.modes) != set(PLOVER_TYPES):
        problems.append(f"PLOVER types differ from the 16 expected: {sorted(set(onto.modes) ^ set(PLOVER_TYPES))}")
    for code, entry in onto.cameo.items():
        if not code.isdigit() or not 2 <= len(code) <= 4:
            problems.append(f"{code}: malformed CAMEO code")
        if not -10.0 <= entry.goldstein <= 10.0:
            problems.append(f"{code}: Goldstein {entry.goldstein} outside [-10, 10]")
        expected_quad = _quad_class(code)
        if entry.quad_class != expected_quad:
            problems.append(f"{code}: QuadClass {entry.quad_class}, expected {expected_quad}")
        if len(code) > 2 and code[:2] not in onto.cameo:
            problems.append(f"{code}: root {code[:2]} missing")
        if entry.plover_type and entry.plover_type not in PLOVER_TYPES:
            problems.append(f"{code}: unknown PLOVER type {entry.plover_type}")
        problems += plover_problems(code, entry.plover_type, entry.plover_mode, entry.plover_context, onto)
        if not entry.plover_type and not code.startswith("01"):
            problems.append(f"{code}: no PLOVER type")
    return problems


def plover_problems(label: str, type_: str | None, mode: str | None, context, onto: Ontology) -> list[str]:
    """Problems of a PLOVER mode and contexts for ``type_`` (shared by the ontology and lexicon validators)."""
    problems = []
    if mode and mode not in onto.modes.get(type_ or "", ()):
        problems.append(f"{label}: mode {mode} not a {type_} mode")
    problems += [f"{label}: unknown context {ctx}" for ctx in context if ctx not in onto.contexts]
    return problems


def _quad_class(code: str) -> int:
    """CAMEO QuadClass: 1 verbal / 2 material cooperation, 3 verbal / 4 material conflict."""
    root = int(code[:2])
    return 1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4
