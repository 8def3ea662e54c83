"""Score the places stage against TR-News (XML) and GeoWebNews (brat) gold toponyms.

``PATH`` may be ``TR-News.xml``, the GeoWebNews folder, or a folder holding both (then both
are scored). Measures:

* toponym precision / recall / F1 by span overlap;
* accuracy@161 km: share of the gold toponyms the stage found whose chosen coordinates lie
  within 161 km (100 miles) of the gold ones (``..._all`` counts missed toponyms as wrong).

TR-News also tags adjectives ("Turkish") as toponyms; the output contract says demonyms are
not places, so gold demonyms are left out of every TR-News measure. GeoWebNews: recall on
``Literal`` toponyms; precision against every toponym-like annotation (literal, metonymic,
mixed, modifiers); gold coordinates come from the gazetteer by GeoNames id, where it has it;
roles: how often a literal toponym gets role ``location`` and a metonymic one role ``actor``, and
precision / recall of "non-literal" (role ``actor``) over the found toponyms whose gold use is
clearly literal or clearly not (``Mixed`` uses count as neither).
"""
from __future__ import annotations

import functools
import re
import statistics
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from tidings.eval.report import Report, Table, prf
from tidings.models import Article, Document, Place
from tidings.resources.places import distance_km, load_gazetteer
from tidings.stages import nlp as nlp_stage
from tidings.stages import places as places_stage

ACCURACY_KM = 161.0
#: GeoWebNews annotation types naming a place (whatever its use); the rest are not toponyms.
GWN_TOPONYM_TYPES = frozenset({"Literal", "Mixed", "Metonymic", "Homonym", "Coercion", "Literal_Modifier",
                               "Non_Literal_Modifier", "Embedded_Literal", "Embedded_Non_Lit", "Demonym"})
#: GeoWebNews types whose coordinates are scored (a place meant as a place or as its people).
GWN_RESOLVED_TYPES = frozenset({"Literal", "Mixed", "Metonymic", "Homonym", "Coercion"})
#: GeoWebNews uses of a name as a place: the place itself, a modifier meant as the place ("Paris
#: pollution"), a place inside a facility name ("Paris airport"), a venue named for its use.
GWN_LITERAL_TYPES = frozenset({"Literal", "Literal_Modifier", "Embedded_Literal", "Coercion"})
#: Non-literal uses: the place standing for its people or government, a modifier meant that way
#: ("U.S. officials"), a name inside an organisation or event name, a demonym, a homonym.
GWN_NON_LITERAL_TYPES = frozenset({"Metonymic", "Non_Literal_Modifier", "Embedded_Non_Lit", "Demonym", "Homonym",
                                   "Language"})


@dataclass
class GoldToponym:
    start: int
    end: int
    text: str
    kind: str
    lat: float | None = None
    lon: float | None = None


@dataclass
class GoldArticle:
    id: str
    text: str
    published: str | None
    toponyms: list[GoldToponym] = field(default_factory=list)


def evaluate(path, *, limit: int | None = None, pipeline=None) -> Report:
    """Score the places stage on the gold data at ``path`` (first ``limit`` articles of each set)."""
    path = Path(path)
    report = Report("places", str(path))
    sets = _datasets(path)
    if not sets:
        raise ValueError(f"no TR-News XML or GeoWebNews .ann files at {path}")
    for name, reader in sets:
        articles = reader()[:limit] if limit else reader()
        docs = _annotate(articles, pipeline)
        score = _score_trnews if name == "trnews" else _score_geowebnews
        score(articles, docs, report)
    return report


def _datasets(path: Path) -> list[tuple[str, Callable[[], list[GoldArticle]]]]:
    if path.is_file():
        return [("trnews", lambda: read_trnews(path))]
    sets: list[tuple[str, Callable[[], list[GoldArticle]]]] = []
    xml = path / "TR-News.xml"
    if xml.is_file():
        sets.append(("trnews", lambda: read_trnews(xml)))
    for folder in (path, path / "geowebnews"):
        if folder.is_dir() and any(folder.glob("*.ann")):
            sets.append(("geowebnews", functools.partial(read_geowebnews, folder)))
            break
    return sets


# --- readers ---------------------------------------------------------------------------


def read_trnews(path: Path) -> list[GoldArticle]:
    """TR-News articles; offsets that are off by a few characters are re-anchored on the phrase."""
    articles: list[GoldArticle] = []
    for node in ET.parse(path).getroot().iter("article"):
        text = node.findtext("text") or ""
        published = (node.findtext("dltime") or "").strip() or None
        article = GoldArticle(node.get("docid") or str(len(articles)), text, published)
        for top in node.iter("toponym"):
            phrase = (top.findtext("phrase") or "").strip()
            start = _anchor(text, phrase, int(top.findtext("start", "")))
            if start is None:
                continue
            gaz = top.find("gaztag")
            lat = _float(gaz.findtext("lat")) if gaz is not None else None
            lon = _float(gaz.findtext("lon")) if gaz is not None else None
            article.toponyms.append(GoldToponym(start, start + len(phrase), phrase, "toponym", lat, lon))
        articles.append(article)
    return articles


def _anchor(text: str, phrase: str, start: int, slack: int = 10) -> int | None:
    if text[start:start + len(phrase)] == phrase:
        return start
    hits = [m.start() for m in re.finditer(re.escape(phrase), text[max(0, start - slack):start + len(phrase) + slack])]
    return min((max(0, start - slack) + h for h in hits), key=lambda h: abs(h - start), default=None)


def _float(value: str | None) -> float | None:
    try:
        return float(value) if value is not None else None
    except ValueError:
        return None


def read_geowebnews(folder: Path) -> list[GoldArticle]:
    """GeoWebNews brat files; coordinates looked up by GeoNames id in the gazetteer."""
    gazetteer = load_gazetteer()
    articles = []
    for ann in sorted(folder.glob("*.ann"), key=lambda p: (len(p.stem), p.stem)):
        text = ann.with_suffix(".txt").read_text(encoding="utf-8")
        spans: dict[str, GoldToponym] = {}
        notes: dict[str, str] = {}
        for line in ann.read_text(encoding="utf-8").splitlines():
            cols = line.split("\t")
            if line.startswith("T") and len(cols) >= 3:
                kind, start, end = cols[1].split(" ")[:3]
                if ";" not in end:
                    spans[cols[0]] = GoldToponym(int(start), int(end), cols[2], kind)
            elif line.startswith("#") and len(cols) >= 3 and cols[1].startswith("AnnotatorNotes"):
                notes[cols[1].split(" ")[1]] = cols[2].strip()
        for key, gold in spans.items():
            entry = gazetteer.by_geonames_id(int(notes[key])) if notes.get(key, "").isdigit() else None
            if entry is not None:
                gold.lat, gold.lon = entry.lat, entry.lon
        toponyms = sorted((g for g in spans.values() if g.kind in GWN_TOPONYM_TYPES), key=lambda g: g.start)
        articles.append(GoldArticle(ann.stem, text, None, toponyms))
    return articles


# --- running ---------------------------------------------------------------------------


def _annotate(articles: list[GoldArticle], pipeline) -> list[Document]:
    """Parse the gold texts as they are (no cleaning, so offsets stay comparable) and run places."""
    model = pipeline.nlp if pipeline is not None else nlp_stage.load_model()
    docs = [Document(Article(id=a.id, text=a.text, published=a.published)) for a in articles]
    parsed = list(nlp_stage.run_many(docs, nlp=model))
    if pipeline is not None:
        return [pipeline.annotate(d) for d in parsed]
    return [places_stage.run(d) for d in parsed]


# --- scoring ---------------------------------------------------------------------------


@dataclass
class _Tally:
    tp_pred: int = 0
    predicted: int = 0
    found: int = 0
    gold: int = 0
    within: int = 0
    resolvable_found: int = 0
    resolvable_gold: int = 0
    errors_km: list[float] = field(default_factory=list)
    misses: Counter = field(default_factory=Counter)
    wrong: Counter = field(default_factory=Counter)
    spurious: Counter = field(default_factory=Counter)

    def count(self, gold: list[GoldToponym], tolerated: list[GoldToponym], predicted: list[Place]) -> None:
        """Add one article: ``gold`` to find (and resolve), ``tolerated`` spans a prediction may hit."""
        self.predicted += len(predicted)
        for place in predicted:
            if any(_overlap(place, g) for g in tolerated):
                self.tp_pred += 1
            else:
                self.spurious[place.text] += 1
        for g in gold:
            self.gold += 1
            hit = next((p for p in predicted if _overlap(p, g)), None)
            self.found += hit is not None
            if g.lat is None:
                if hit is None:
                    self.misses[g.text] += 1
                continue
            self.resolvable_gold += 1
            if hit is None:
                self.misses[g.text] += 1
                continue
            self.resolvable_found += 1
            km = (distance_km(g.lat, g.lon, hit.lat, hit.lon)
                  if g.lon is not None and hit.lat is not None and hit.lon is not None else None)
            if km is not None:
                self.errors_km.append(km)
            if km is not None and km <= ACCURACY_KM:
                self.within += 1
            else:
                self.wrong[f"{g.text} → {hit.name or '?'} ({hit.country or '?'})"] += 1

    def scores(self, prefix: str, recall_name: str = "recall") -> dict[str, float]:
        precision = prf(self.tp_pred, self.predicted - self.tp_pred, 0)[0]
        recall = prf(self.found, 0, self.gold - self.found)[1]
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return {
            f"{prefix}_accuracy_161km": self.within / self.resolvable_found if self.resolvable_found else 0.0,
            f"{prefix}_accuracy_161km_all": self.within / self.resolvable_gold if self.resolvable_gold else 0.0,
            f"{prefix}_precision": precision,
            f"{prefix}_{recall_name}": recall,
            f"{prefix}_f1": f1,
        }

    def tables(self, title: str) -> list[Table]:
        median = statistics.median(self.errors_km) if self.errors_km else 0.0
        counts = Table(f"{title}: counts", ["measure", "value"], [
            ["gold toponyms", self.gold], ["found", self.found], ["predicted", self.predicted],
            ["predicted on a gold toponym", self.tp_pred], ["gold with coordinates", self.resolvable_gold],
            ["found with coordinates", self.resolvable_found], [f"within {ACCURACY_KM:.0f} km", self.within],
            ["median error km", round(median, 1)],
        ])
        return [counts,
                Table(f"{title}: most frequent wrong resolutions", ["gold → chosen", "n"],
                      [list(x) for x in self.wrong.most_common(15)]),
                Table(f"{title}: most frequent missed toponyms", ["text", "n"],
                      [list(x) for x in self.misses.most_common(15)]),
                Table(f"{title}: most frequent predictions on no gold toponym", ["text", "n"],
                      [list(x) for x in self.spurious.most_common(15)])]


def _overlap(place: Place, gold: GoldToponym) -> bool:
    return place.start < gold.end and gold.start < place.end


def _score_trnews(articles: list[GoldArticle], docs: list[Document], report: Report) -> None:
    gazetteer = load_gazetteer()
    tally = _Tally()
    demonyms = 0
    for article, doc in zip(articles, docs, strict=True):
        gold = [g for g in article.toponyms if not gazetteer.demonym(g.text)]
        demonyms += len(article.toponyms) - len(gold)
        tally.count(gold, article.toponyms, doc.places)
    report.scores.update(tally.scores("trnews"))
    report.tables.extend(tally.tables(f"TR-News ({len(articles)} articles)"))
    report.notes.append(f"TR-News: {demonyms} gold demonym toponyms (\"Turkish\") left out: demonyms are not places.")


def _share(roles: Counter, kind: str, role: str) -> float:
    """Of the found gold toponyms of ``kind``, the share given ``role``."""
    found = roles[(kind, "location")] + roles[(kind, "actor")]
    return roles[(kind, role)] / found if found else 0.0


def _score_geowebnews(articles: list[GoldArticle], docs: list[Document], report: Report) -> None:
    literal = _Tally()
    resolved = _Tally()
    roles: Counter = Counter()
    uses: Counter = Counter()  # (gold literal?, predicted literal?) over found toponyms of a clear use
    for article, doc in zip(articles, docs, strict=True):
        literal.count([g for g in article.toponyms if g.kind == "Literal"], article.toponyms, doc.places)
        resolved.count([g for g in article.toponyms if g.kind in GWN_RESOLVED_TYPES], article.toponyms, doc.places)
        for gold in article.toponyms:
            hit = next((p for p in doc.places if _overlap(p, gold)), None)
            if hit is not None and gold.kind in ("Literal", "Metonymic"):
                roles[(gold.kind, hit.role)] += 1
            if hit is not None and gold.kind in GWN_LITERAL_TYPES | GWN_NON_LITERAL_TYPES:
                uses[(gold.kind in GWN_LITERAL_TYPES, hit.role == "location")] += 1
    scores = literal.scores("geowebnews", recall_name="literal_recall")
    del scores["geowebnews_f1"]
    scores["geowebnews_accuracy_161km"] = resolved.scores("x")["x_accuracy_161km"]
    scores["geowebnews_recall"] = resolved.scores("x")["x_recall"]
    del scores["geowebnews_accuracy_161km_all"]
    scores["geowebnews_literal_as_location"] = _share(roles, "Literal", "location")
    scores["geowebnews_metonymic_as_actor"] = _share(roles, "Metonymic", "actor")
    non_literal = prf(uses[(False, False)], uses[(True, False)], uses[(False, True)])
    scores["geowebnews_non_literal_precision"], scores["geowebnews_non_literal_recall"] = non_literal[:2]
    report.scores.update(scores)
    report.tables.append(Table("GeoWebNews: gold use → role given (found toponyms)", ["gold", "role", "n"],
                               [[kind, role, n] for (kind, role), n in sorted(roles.items())]))
    report.tables.append(Table("GeoWebNews: literal / non-literal use → role given (found toponyms)",
                               ["gold use", "role", "n"],
                               [["literal" if gold else "non-literal", "location" if given else "actor", n]
                                for (gold, given), n in sorted(uses.items(), reverse=True)]))
    report.tables.extend(literal.tables(f"GeoWebNews literal ({len(articles)} articles)")[:1])
    report.tables.extend(resolved.tables(f"GeoWebNews literal+metonymic+mixed ({len(articles)} articles)"))
