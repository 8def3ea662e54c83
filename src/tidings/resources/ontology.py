"""CAMEO codes (names, Goldstein scores, QuadClass), the PLOVER types, modes and contexts, and how the
event coder treats each type.

Data: ``data/ontology/cameo.tsv`` (one CAMEO code a line, with its PLOVER type/mode/context),
``data/ontology/plover.json`` (the 16 PLOVER types with their modes, and the contexts) and
``data/ontology/coding.tsv`` (one PLOVER type a line: its coding policy, :class:`TypePolicy`).
"""
from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

DATA = Path(__file__).parent / "data" / "ontology"

PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
#: The frames a pattern or a type opens over a complement event (what the lexicon's ``combine.tsv`` combines).
FRAMES = ("intent", "request", "reject", "threat")
#: Whom the event coder takes as the target of an event whose text names none (``TypePolicy.recipient_fallback``).
RECIPIENT_FALLBACKS = ("location_state", "condition_subject", "claim_subject")


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
class TypePolicy:
    """How the event coder treats one PLOVER type (a line of ``coding.tsv``, whose header explains each column)."""

    frame: str | None = None
    joint: bool = False
    joint_codes: frozenset[str] = frozenset()
    keeps_when_scheduled: bool = False
    absorbs: frozenset[str] = frozenset()
    recipient_fallback: str | None = None
    verbal_code: str | None = None
    armed_code: str | None = None
    literal_targets: bool = False
    source_agent: str | None = None
    #: sectors whose parties, when they are all its recipients, make it no event of this type (a press interview)
    not_with: frozenset[str] = frozenset()

    def is_joint(self, code: str) -> bool:
        """Coordinated actors of this type, coded ``code``, act together."""
        return self.joint or code in self.joint_codes


@dataclass(frozen=True)
class Ontology:
    cameo: dict[str, CameoCode]
    modes: dict[str, tuple[str, ...]]
    definitions: dict[str, str]
    contexts: tuple[str, ...]
    policies: dict[str, TypePolicy] = field(default_factory=dict)

    def policy(self, type_: str) -> TypePolicy:
        """The coding policy of a PLOVER type (the neutral one for a type without a line)."""
        return self.policies.get(type_, _NEUTRAL)

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


_NEUTRAL = TypePolicy()


def _read_policies(path: Path) -> dict[str, TypePolicy]:
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")]
    header = lines[0].split("\t")
    policies = {}
    for line in lines[1:]:
        row = dict(zip(header, line.split("\t"), strict=True))
        joint = row["joint"].split()
        for column in ("keeps_when_scheduled", "literal_targets"):
            if row[column] not in ("", "yes"):
                raise ValueError(f"{path.name}: {row['type']}: {column} must be yes or empty")
        policies[row["type"]] = TypePolicy(
            frame=row["frame"] or None,
            joint="yes" in joint,
            joint_codes=frozenset(joint) - {"yes"},
            keeps_when_scheduled=row["keeps_when_scheduled"] == "yes",
            absorbs=frozenset(row["absorbs"].split()),
            recipient_fallback=row["recipient_fallback"] or None,
            verbal_code=row["verbal_code"] or None,
            armed_code=row["armed_code"] or None,
            literal_targets=row["literal_targets"] == "yes",
            source_agent=row["source_agent"] or None,
            not_with=frozenset(row["not_with"].split()),
        )
    return policies


@functools.cache
def load(directory: Path = DATA) -> Ontology:
    """Read the ontology tables (cached)."""
    plover = json.loads((directory / "plover.json").read_text(encoding="utf-8"))
    return Ontology(
        cameo=_read_cameo(directory / "cameo.tsv"),
        modes={t: tuple(v["modes"]) for t, v in plover["types"].items()},
        definitions={t: v["definition"] for t, v in plover["types"].items()},
        contexts=tuple(plover["contexts"]),
        policies=_read_policies(directory / "coding.tsv"),
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
    return problems + policy_problems(onto)


def policy_problems(onto: Ontology) -> list[str]:
    """Problems of the coding policies (``coding.tsv``): unknown types, frames, fallbacks and codes."""
    problems = []
    if onto.policies and set(onto.policies) != set(PLOVER_TYPES):
        problems.append(f"coding.tsv: types differ from the 16 PLOVER types: "
                        f"{sorted(set(onto.policies) ^ set(PLOVER_TYPES))}")
    for type_, policy in onto.policies.items():
        label = f"coding.tsv: {type_}"
        if policy.frame is not None and policy.frame not in FRAMES:
            problems.append(f"{label}: frame {policy.frame} not one of {', '.join(FRAMES)}")
        if policy.recipient_fallback is not None and policy.recipient_fallback not in RECIPIENT_FALLBACKS:
            problems.append(f"{label}: recipient_fallback {policy.recipient_fallback} not one of "
                            f"{', '.join(RECIPIENT_FALLBACKS)}")
        problems += [f"{label}: absorbs unknown type {t}" for t in sorted(policy.absorbs) if t not in PLOVER_TYPES]
        if policy.source_agent is not None and not re.fullmatch(r"[A-Z]{3}", policy.source_agent):
            problems.append(f"{label}: source_agent {policy.source_agent} is no sector code")
        problems += [f"{label}: not_with {sector} is no sector code" for sector in sorted(policy.not_with)
                     if not re.fullmatch(r"[A-Z]{3}", sector)]
        for code in sorted(policy.joint_codes) + [c for c in (policy.verbal_code, policy.armed_code) if c]:
            if code not in onto.cameo:
                problems.append(f"{label}: unknown CAMEO code {code}")
        problems += [f"{label}: joint code {c} is not a {type_} code" for c in sorted(policy.joint_codes)
                     if c in onto.cameo and onto.cameo[c].plover_type != type_]
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
