"""Score the dates stage against TimeML gold (TempEval-3 style).

Reads ``.tml`` files (inline ``<TIMEX3 type value>`` in ``<TEXT>``; the ``CREATION_TIME`` TIMEX3 is
the publication date), runs the NLP pass and the dates stage, and reports span precision/recall/F1
(strict: same span; relaxed: overlapping), value F1 (relaxed matches whose normalised value is right,
over system and gold counts, as TempEval-3 does), type accuracy, and a table per TIMEX3 type.
The headline ``value_f1_date_time`` restricts both sides to DATE and TIME expressions.
"""
from __future__ import annotations

import html
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from tidings.eval.report import Report, Table, prf
from tidings.models import Article, DateMention, Document
from tidings.stages import dates, nlp

TYPES = ("DATE", "TIME", "DURATION", "SET")
_TAG = re.compile(r"<(/?)(\w+)([^>]*)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')


@dataclass(frozen=True)
class GoldTimex:
    start: int
    end: int
    type: str
    value: str
    text: str


@dataclass
class GoldDoc:
    id: str
    text: str
    published: str | None
    timexes: list[GoldTimex]


def read_tml(path: Path) -> GoldDoc:
    """One TimeML file: the plain ``<TEXT>`` content, its TIMEX3s (offsets into it) and the DCT."""
    raw = path.read_text(encoding="utf-8")
    dct = re.search(r'<TIMEX3[^>]*functionInDocument="CREATION_TIME"[^>]*>', raw)
    published = dict(_ATTR.findall(dct[0])).get("value") if dct else None
    body = re.search(r"<TEXT>(.*)</TEXT>", raw, re.S)
    source = body[1] if body else ""
    pieces: list[str] = []
    length = 0
    open_timex: list[tuple[int, dict[str, str]]] = []
    timexes: list[GoldTimex] = []
    pos = 0
    for tag in _TAG.finditer(source):
        chunk = html.unescape(source[pos : tag.start()])
        pieces.append(chunk)
        length += len(chunk)
        pos = tag.end()
        closing, name = tag[1] == "/", tag[2]
        if name != "TIMEX3":
            continue
        if not closing:
            open_timex.append((length, dict(_ATTR.findall(tag[3]))))
        elif open_timex:
            start, attrs = open_timex.pop()
            text = "".join(pieces)[start:length]
            timexes.append(GoldTimex(start, length, attrs.get("type", "DATE"), attrs.get("value", ""), text))
    pieces.append(html.unescape(source[pos:]))
    return GoldDoc(path.stem, "".join(pieces), published, timexes)


def read_corpus(path: str | Path, limit: int | None = None) -> list[GoldDoc]:
    root = Path(path)
    files = [root] if root.is_file() else sorted(root.rglob("*.tml"))
    return [read_tml(f) for f in files[:limit]]


def predict(golds: list[GoldDoc], pipeline=None) -> list[list[DateMention]]:
    """Run the NLP pass and the dates stage (or ``pipeline``'s annotators) on each gold text."""
    docs = [Document(Article(id=g.id, text=g.text, published=g.published, language="en")) for g in golds]
    model = pipeline.nlp if pipeline is not None else nlp.load_model()
    out = []
    for doc in nlp.run_many(docs, nlp=model, batch_size=16):
        doc = pipeline.annotate(doc) if pipeline is not None else dates.run(doc)
        out.append(doc.dates)
    return out


def _match(gold: list[GoldTimex], system: list[DateMention]) -> list[tuple[GoldTimex, DateMention]]:
    """One-to-one relaxed matching: each gold pairs with the overlapping system mention sharing most characters."""
    pairs, used = [], set()
    for g in gold:
        best, best_overlap = None, 0
        for k, s in enumerate(system):
            overlap = min(g.end, s.end) - max(g.start, s.start)
            if k not in used and overlap > best_overlap:
                best, best_overlap = k, overlap
        if best is not None:
            used.add(best)
            pairs.append((g, system[best]))
    return pairs


@dataclass
class _Tally:
    gold: int = 0
    system: int = 0
    strict: int = 0
    relaxed: int = 0
    value: int = 0
    type: int = 0

    def add(self, gold: list[GoldTimex], system: list[DateMention]) -> list[tuple[GoldTimex, DateMention]]:
        pairs = _match(gold, system)
        self.gold += len(gold)
        self.system += len(system)
        self.relaxed += len(pairs)
        self.strict += sum(g.start == s.start and g.end == s.end for g, s in pairs)
        self.value += sum(g.value == s.value for g, s in pairs)
        self.type += sum(g.type == s.type for g, s in pairs)
        return pairs

    def scores(self, prefix: str = "") -> dict[str, float]:
        strict = prf(self.strict, self.system - self.strict, self.gold - self.strict)
        relaxed = prf(self.relaxed, self.system - self.relaxed, self.gold - self.relaxed)
        value = prf(self.value, self.system - self.value, self.gold - self.value)
        return {
            f"{prefix}strict_f1": strict[2], f"{prefix}relaxed_p": relaxed[0], f"{prefix}relaxed_r": relaxed[1],
            f"{prefix}relaxed_f1": relaxed[2], f"{prefix}value_p": value[0], f"{prefix}value_r": value[1],
            f"{prefix}value_f1": value[2],
        }


def _shape(value: str | None) -> str:
    """A value with its digits masked ("2021-Q3" → "9999-Q9"), to group errors by kind."""
    return re.sub(r"\d", "9", value) if value else "none"


def evaluate(path: str | Path, *, limit: int | None = None, pipeline=None) -> Report:
    """Score the dates stage on a TimeML file or folder of ``.tml`` files."""
    golds = read_corpus(path, limit)
    predictions = predict(golds, pipeline)
    overall, date_time = _Tally(), _Tally()
    per_type = {t: _Tally() for t in TYPES}
    errors: Counter[tuple[str, str, str]] = Counter()
    for gold, system in zip(golds, predictions, strict=True):
        for g, s in overall.add(gold.timexes, system):
            if g.value != s.value:
                errors[(g.type, _shape(g.value), _shape(s.value))] += 1
        date_time.add([g for g in gold.timexes if g.type in ("DATE", "TIME")],
                      [s for s in system if s.type in ("DATE", "TIME")])
        for t in TYPES:
            per_type[t].add([g for g in gold.timexes if g.type == t], [s for s in system if s.type == t])
    scores = overall.scores()
    scores["type_accuracy"] = overall.type / overall.relaxed if overall.relaxed else 0.0
    scores.update(date_time.scores("date_time_"))
    scores["value_f1_date_time"] = scores.pop("date_time_value_f1")
    header = ["type", "gold", "system", "strict_f1", "relaxed_p", "relaxed_r", "relaxed_f1", "value_f1"]
    rows = []
    for t, tally in per_type.items():
        sc = tally.scores()
        rows.append([t, tally.gold, tally.system, sc["strict_f1"], sc["relaxed_p"], sc["relaxed_r"], sc["relaxed_f1"],
                     sc["value_f1"]])
    report = Report(kind="dates", path=str(path), scores=scores)
    report.tables.append(Table("per TIMEX3 type (both sides restricted to the type)", header, rows))
    report.tables.append(Table("most frequent value errors on matched spans, by shape (digits as 9)",
                               ["gold type", "gold value", "system value", "count"],
                               [[*k, n] for k, n in errors.most_common(15)]))
    report.notes.append(f"{len(golds)} documents, {overall.gold} gold and {overall.system} system expressions")
    return report
