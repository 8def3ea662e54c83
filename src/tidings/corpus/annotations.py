"""Load and validate the corpus's stand-off annotations (``corpus/annotations/*.jsonl``)."""
from __future__ import annotations

import functools
import json
from dataclasses import dataclass, field
from pathlib import Path

from tidings.resources import ontology

TYPES = frozenset({"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
                   "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"})
STATUSES = frozenset({"asserted", "negated", "future", "hypothetical"})
REASONS = frozenset({"other_sense", "not_political", "generic", "not_an_act", "duplicate", "no_parse"})
SPLITS = ("train", "dev", "test")
#: The code an event of each type gets when the annotator gave only the type.
ROOT_CODES = {"AGREE": "030", "CONSULT": "040", "SUPPORT": "051", "CONCEDE": "080", "COOPERATE": "060",
              "AID": "070", "RETREAT": "084", "REQUEST": "020", "ACCUSE": "112", "REJECT": "120",
              "THREATEN": "130", "PROTEST": "140", "SANCTION": "160", "MOBILIZE": "150", "COERCE": "173",
              "ASSAULT": "190"}
ROOT = Path(__file__).resolve().parents[3] / "corpus"


def default_cameo(type_: str) -> str:
    return ROOT_CODES[type_]


@dataclass(frozen=True)
class GoldEvent:
    """An annotated event: trigger, type and code, parties (offsets), status and time."""

    trigger: tuple[int, int]
    type: str
    cameo: str
    actor: tuple[int, int] | None
    recipient: tuple[int, int] | None
    status: str
    historical: bool
    origin: str
    date: str | None = None


@dataclass(frozen=True)
class NonEvent:
    """A judged candidate that is not a codable event, with the reason."""

    trigger: tuple[int, int]
    proposed_type: str
    reason: str
    origin: str


@dataclass
class AnnotatedDoc:
    doc_id: str
    split: str
    annotator: str
    events: list[GoldEvent] = field(default_factory=list)
    non_events: list[NonEvent] = field(default_factory=list)


def _span(value) -> tuple[int, int] | None:
    return (int(value[0]), int(value[1])) if value else None


def _trigger(value) -> tuple[int, int]:
    """A record's trigger span, which every event and non-event has (the validator sees to it)."""
    span = _span(value)
    if span is None:
        raise ValueError(f"a record without its trigger span: {value!r}")
    return span


def parse_record(item: dict) -> AnnotatedDoc:
    doc = AnnotatedDoc(item["doc_id"], item["split"], item.get("annotator") or "?")
    for e in item["events"]:
        doc.events.append(GoldEvent(_trigger(e["trigger"]), e["type"], e["cameo"], _span(e.get("actor")),
                                    _span(e.get("recipient")), e["status"], bool(e["historical"]), e["origin"],
                                    e.get("date")))
    for n in item["non_events"]:
        doc.non_events.append(NonEvent(_trigger(n["trigger"]), n["proposed_type"], n["reason"], n["origin"]))
    return doc


@functools.cache
def load(folder: Path = ROOT / "annotations", annotator: str = "primary") -> tuple[AnnotatedDoc, ...]:
    """Every annotated article of one annotator set (``primary`` or ``second``), in file order."""
    docs = []
    for path in sorted((folder / annotator).glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                docs.append(parse_record(json.loads(line)))
    return tuple(docs)


def validate(docs: tuple[AnnotatedDoc, ...] | None = None) -> list[str]:
    """Problems in the annotations: unknown labels, codes of another type, spans out of order, bad splits."""
    onto = ontology.load()
    problems = []
    seen = set()
    for doc in docs if docs is not None else load():
        where = doc.doc_id
        if doc.doc_id in seen:
            problems.append(f"{where}: annotated twice")
        seen.add(doc.doc_id)
        if doc.split not in SPLITS:
            problems.append(f"{where}: split {doc.split!r}")
        for e in doc.events:
            if e.type not in TYPES or e.status not in STATUSES:
                problems.append(f"{where} {e.trigger}: type {e.type!r} / status {e.status!r}")
            elif onto.code(e.cameo).plover_type not in (e.type, ""):
                problems.append(f"{where} {e.trigger}: CAMEO {e.cameo} is not {e.type}")
            for span in (e.trigger, e.actor, e.recipient):
                if span is not None and not 0 <= span[0] < span[1]:
                    problems.append(f"{where}: bad span {span}")
        for n in doc.non_events:
            if n.reason not in REASONS:
                problems.append(f"{where} {n.trigger}: reason {n.reason!r}")
    return problems
