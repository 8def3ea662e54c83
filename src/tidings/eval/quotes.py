"""Score the quotes stage against PolNeAR-style brat attributions (``tidings eval quotes PATH``).

PATH holds ``text/NAME.txt`` and ``attributions/NAME_ANNOTATOR.ann``. An ``E`` line ties a
Content, a Cue and (optionally) a Source; spans may be discontinuous (``s e;s e``). When an
article has several annotators the first (sorted by name) is the gold. The texts are fed
to the pipeline as they are (the clean stage is bypassed) so offsets stay those of the gold,
and only the stages quotes depend on run (nlp, actors, quotes) unless a pipeline is given.

Measures, over all articles:

* content P/R/F1, *partial*: a predicted quote is right when it overlaps some gold content;
  a gold content is found when some predicted quote overlaps it;
* content P/R/F1, *exact*: same, but spans must match once quotation marks, spaces and edge
  punctuation are stripped; a gold content split in fragments (a quote interrupted by its
  cue) matches fragment by fragment, or as a whole;
* source accuracy: among found gold attributions that have a source, the share whose best
  predicted quote (the one overlapping its content most; of equal overlaps, the one with the least text
  outside it, so a nested quote is matched to itself rather than to the quote around it) has a speaker
  overlapping the gold source, or naming the same person;
* cue accuracy: among found gold attributions, the share whose best predicted quote's cue
  overlaps the gold cue;
* the same partial P/R/F1 split by kind (gold kind: direct when its content opens with a
  quotation mark).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from tidings.eval.report import Report, Table
from tidings.models import Article, Document, Quote
from tidings.stages.quotes.marks import strip_span

#: The stages the quotes stage needs (speakers come from the actors and coreference layers).
SPEAKER_STAGES = ("actors", "coref", "quotes")
_MARKS = "\"'“”‘’„«»"
_STRIP = _MARKS + " \t\r\n,.;:!?-–—…"
_SPAN = re.compile(r"^(\w[\w-]*) (\d+ \d+(?:;\d+ \d+)*)$")


@dataclass
class GoldAttribution:
    content: list[tuple[int, int]]
    cue: list[tuple[int, int]] = field(default_factory=list)
    source: list[tuple[int, int]] = field(default_factory=list)
    kind: str = "indirect"


def read_ann(path: Path, text: str) -> list[GoldAttribution]:
    """The attributions of one brat ``.ann`` file (those with a Content)."""
    spans: dict[str, list[tuple[int, int]]] = {}
    events: list[dict[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            match = _SPAN.match(parts[1])
            if match:
                pairs = (s.split() for s in match.group(2).split(";"))  # "START END" each, by _SPAN
                spans[parts[0]] = [(int(start), int(end)) for start, end in pairs]
        elif line.startswith("E") and len(parts) >= 2:
            roles = dict(arg.split(":", 1) for arg in parts[1].split() if ":" in arg)
            events.append(roles)
    gold = []
    for roles in events:
        content = spans.get(roles.get("Content", ""))
        if not content:
            continue
        first = text[min(s for s, _ in content):].lstrip()[:1]
        gold.append(GoldAttribution(
            content=sorted(content), cue=spans.get(roles.get("Cue", ""), []),
            source=spans.get(roles.get("Source", ""), []),
            kind="direct" if first and first in _MARKS else "indirect"))
    return gold


def load_gold(path: str | Path, limit: int | None = None) -> list[tuple[str, str, list[GoldAttribution]]]:
    """(name, text, attributions) per article, one annotator per article."""
    root = Path(path)
    items = []
    for txt in sorted((root / "text").glob("*.txt")):
        anns = sorted((root / "attributions").glob(f"{txt.stem}_*.ann"))
        if not anns:
            continue
        text = txt.read_text(encoding="utf-8")
        items.append((txt.stem, text, read_ann(anns[0], text)))
        if limit is not None and len(items) >= limit:
            break
    return items


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _core(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without quotation marks, spaces and edge punctuation."""
    return strip_span(text, start, end, _STRIP)


def _exact(text: str, quote: Quote, gold: GoldAttribution) -> bool:
    mine = _core(text, quote.start, quote.end)
    whole = (gold.content[0][0], gold.content[-1][1])
    return any(mine == _core(text, s, e) for s, e in [*gold.content, whole])


def _same_person(text: str, quote: Quote, gold: GoldAttribution) -> bool:
    speaker = quote.speaker
    if speaker is None:
        return False
    if (speaker.start is not None and speaker.end is not None
            and any(_overlap((speaker.start, speaker.end), s) for s in gold.source)):
        return True
    gold_words = " ".join(text[s:e] for s, e in gold.source).replace("’s", "").replace("'s", "").split()
    name_words = (speaker.name or speaker.text or "").split()
    return bool(gold_words and name_words and gold_words[-1].lower() == name_words[-1].lower())


@dataclass
class Tally:
    tp_pred: int = 0
    n_pred: int = 0
    tp_gold: int = 0
    n_gold: int = 0

    def scores(self) -> tuple[float, float, float]:
        p = self.tp_pred / self.n_pred if self.n_pred else 0.0
        r = self.tp_gold / self.n_gold if self.n_gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score_article(text: str, quotes: list[Quote], gold: list[GoldAttribution], tallies: dict[str, Tally],
                  counts: dict[str, int]) -> None:
    """Add one article's matches to the running tallies and counts."""
    def overlaps(q: Quote, g: GoldAttribution) -> int:
        return sum(_overlap((q.start, q.end), span) for span in g.content)

    for q in quotes:
        hit = any(overlaps(q, g) for g in gold)
        exact = any(_exact(text, q, g) for g in gold)
        for key, good in (("partial", hit), ("exact", exact), (f"partial {q.kind}", hit)):
            tallies[key].n_pred += 1
            tallies[key].tp_pred += int(good)
    for g in gold:
        best = max(quotes, key=lambda q: (overlaps(q, g), overlaps(q, g) - (q.end - q.start)), default=None)
        found = best is not None and overlaps(best, g) > 0
        exact = any(_exact(text, q, g) for q in quotes)
        for key, good in (("partial", found), ("exact", exact), (f"partial {g.kind}", found)):
            tallies[key].n_gold += 1
            tallies[key].tp_gold += int(good)
        if best is None or not found:
            continue
        if g.source:
            counts["sourced"] += 1
            counts["source ok"] += int(_same_person(text, best, g))
        if g.cue:
            counts["cued"] += 1
            counts["cue ok"] += int(best.cue_start is not None and best.cue_end is not None and any(
                _overlap((best.cue_start, best.cue_end), c) for c in g.cue))


def run_quotes(text: str, pipeline) -> list[Quote]:
    """The quotes the pipeline finds in raw ``text`` (offsets into ``text`` itself)."""
    from tidings.stages import nlp

    doc = Document(Article(id="eval", text=text, language="en"))
    nlp.run(doc, nlp=pipeline.nlp)
    return pipeline.annotate(doc).quotes


def evaluate(path: str | Path, *, limit: int | None = None, pipeline=None) -> Report:
    """Score the pipeline's quotes against the gold attributions under ``path``."""
    from tidings.pipeline import ANNOTATORS, Pipeline

    pipeline = pipeline or Pipeline(annotators=tuple(a for a in ANNOTATORS if a[0] in SPEAKER_STAGES))
    keys = ("partial", "exact", "partial direct", "partial indirect")
    tallies = {k: Tally() for k in keys}
    counts = {"sourced": 0, "source ok": 0, "cued": 0, "cue ok": 0}
    articles = load_gold(path, limit)
    for _name, text, gold in articles:
        score_article(text, run_quotes(text, pipeline), gold, tallies, counts)
    report = Report(kind="quotes", path=str(path))
    rows = []
    for key in keys:
        p, r, f = tallies[key].scores()
        label = key.replace(" ", "_")
        report.scores.update({f"content_{label}_p": p, f"content_{label}_r": r, f"content_{label}_f1": f})
        t = tallies[key]
        rows.append([key, t.n_gold, t.n_pred, p, r, f])
    report.scores["source_accuracy"] = counts["source ok"] / counts["sourced"] if counts["sourced"] else 0.0
    report.scores["cue_accuracy"] = counts["cue ok"] / counts["cued"] if counts["cued"] else 0.0
    report.tables.append(Table("content detection", ["match", "gold", "predicted", "P", "R", "F1"], rows))
    report.tables.append(Table("attribution (among found contents)", ["measure", "right", "of", "accuracy"], [
        ["source", counts["source ok"], counts["sourced"], report.scores["source_accuracy"]],
        ["cue", counts["cue ok"], counts["cued"], report.scores["cue_accuracy"]],
    ]))
    report.notes.append(f"{len(articles)} articles, {sum(len(g) for *_, g in articles)} gold attributions; "
                        "per-kind rows: P over predicted quotes of that kind, R over gold of that kind.")
    return report
