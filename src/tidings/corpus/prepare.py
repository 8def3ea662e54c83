"""Choose the corpus articles, record their split, and write pre-annotated work files for annotators.

``python -m tidings.corpus.prepare OUT_DIR`` writes, for each batch, a readable work file (the text
by sentence, every candidate event tidings proposes) and a sidecar of the candidates' offsets. The
work files hold article text, so they go to a folder outside the repository.
"""
from __future__ import annotations

import hashlib
import json
import random
import sys
from collections.abc import Mapping
from pathlib import Path

from tidings.corpus import sources
from tidings.models import Article, Document, Parse

#: BBC articles per topic; the non-political topics teach what is not an event.
BBC_TOPICS = {"politics": 80, "business": 50, "sport": 30, "entertainment": 30, "tech": 30}
#: Share of each BBC topic drawn from the train / val / test files (our train / dev / test splits).
BBC_SPLITS = {"train": 0.6, "val": 0.2, "test": 0.2}
SPLIT_OF_FILE = {"train": "train", "val": "dev", "test": "test"}
OTHER_SOURCES = {"polnear": 25, "tbaq": 30, "trnews": 15, "geowebnews": 15}
MAX_WORDS = 700
SEED = 2026


def split_of(doc_id: str) -> str:
    """Train / dev / test by article: BBC ids follow their file, others a stable hash (60/20/20)."""
    if doc_id.startswith("bbc/"):
        return SPLIT_OF_FILE[doc_id.split("/")[1]]
    bucket = int(hashlib.sha1(doc_id.encode()).hexdigest(), 16) % 10
    return "train" if bucket < 6 else "dev" if bucket < 8 else "test"


def _short(text: str, low: int = 120) -> bool:
    return low <= len(text.split()) <= MAX_WORDS


def _other_pools() -> dict[str, list[str]]:
    """Document ids of the non-BBC sources, by source."""
    root = sources.shared_root() / "eval"
    return {
        "polnear": [f"polnear/{p.stem}" for p in sorted((root / "quotes" / "polnear_dev" / "text").glob("*.txt"))],
        "tbaq": [f"tbaq/{p.parent.name}/{p.stem}" for p in
                 sorted((root / "dates" / "tempeval3_training" / "TBAQ-cleaned").rglob("*.tml"))],
        "trnews": [f"trnews/{k}" for k in sorted(sources._trnews())],
        "geowebnews": [f"geowebnews/{p.stem}" for p in sorted((root / "places" / "geowebnews").glob("*.txt"))],
    }


#: BBC articles per topic: a count split in ``BBC_SPLITS`` shares, or (train, val, test) counts
BbcCounts = Mapping[str, int | tuple[int, int, int]]


def _draw(rng: random.Random, bbc: BbcCounts, others: Mapping[str, int], exclude: set[str]) -> list[str]:
    """BBC articles per topic (split by the BBC file, in ``BBC_SPLITS`` shares, or as (train, val, test) counts
    where a topic's val and test files are used up) and articles of the other sources, all of 120-700 words
    and none in ``exclude``."""
    chosen: list[str] = []
    for topic, count in bbc.items():
        for k, (split, share) in enumerate(BBC_SPLITS.items()):
            rows = [i for i, (text, cat) in enumerate(sources.bbc_rows(split))
                    if cat == topic and _short(text) and f"bbc/{split}/{i}" not in exclude]
            n = count[k] if isinstance(count, tuple) else round(count * share)
            chosen += [f"bbc/{split}/{i}" for i in sorted(rng.sample(rows, n))]
    pools = _other_pools() if others else {}
    for kind, count in others.items():
        pool = [d for d in pools[kind] if d not in exclude and _short(sources.load(d).text)]
        chosen += sorted(rng.sample(pool, count))
    return chosen


def choose_documents(rng: random.Random) -> list[str]:
    """The corpus document ids of the first draw, drawn once with a fixed seed."""
    return _draw(rng, BBC_TOPICS, OTHER_SOURCES, set())


#: Later draws (seed, BBC articles per topic, articles per other source), none already chosen: the second
#: grows the corpus where events are; the third and fourth add training text, mostly news-heavy, with some
#: of every other topic for what is not an event; the fifth takes the BBC politics left (all in the train
#: file: the val and test files have none left) and more of every other source; the sixth takes the last BBC
#: politics of every file, mostly business (where false events abound) and most of what the other sources have left.
EXTRA_DRAWS: dict[int, tuple[int, BbcCounts, Mapping[str, int]]] = {
    2: (2027, {"politics": 50, "business": 30}, {}),
    3: (2028, {"politics": 60, "business": 30, "sport": 10, "entertainment": 10, "tech": 10}, {}),
    4: (2029, {"politics": 100, "business": 60, "sport": 15, "entertainment": 15, "tech": 15},
        {"polnear": 20, "tbaq": 30, "trnews": 25, "geowebnews": 25}),
    5: (2030, {"politics": (100, 0, 0), "business": 100, "sport": 20, "entertainment": 20, "tech": 20},
        {"tbaq": 40, "trnews": 30, "geowebnews": 40}),
    6: (2031, {"politics": (6, 2, 1), "business": (90, 19, 20), "sport": (15, 5, 5), "entertainment": (15, 5, 5),
               "tech": (15, 5, 5)}, {"tbaq": 60, "trnews": 30, "geowebnews": 60}),
}


def choose_extra(draw: int, exclude: set[str]) -> list[str]:
    """The articles of a later draw (see ``EXTRA_DRAWS``), none in ``exclude``."""
    seed, bbc, others = EXTRA_DRAWS[draw]
    return _draw(random.Random(seed), bbc, others, exclude)


def candidates(doc: Document) -> list[dict]:
    """Every event tidings proposes for ``doc``, as offsets and labels."""
    out = []
    for k, e in enumerate(doc.events, 1):
        out.append({
            "cid": f"c{k}", "sentence": e.sentence.index, "trigger": [e.trigger.start, e.trigger.end],
            "trigger_text": e.trigger.text, "type": e.type, "cameo": e.cameo, "mode": e.mode,
            "actor": [e.actor.start, e.actor.end] if e.actor and e.actor.start is not None else None,
            "actor_text": e.actor.text if e.actor else None,
            "recipient": [e.recipient.start, e.recipient.end]
            if e.recipient and e.recipient.start is not None else None,
            "recipient_text": e.recipient.text if e.recipient else None,
            "status": e.status, "historical": e.historical, "date": e.date, "evidence": e.evidence,
            "confidence": e.confidence,
        })
    return out


def parsed(doc: Document) -> Parse:
    """The parse of an article ``annotate`` ran the pipeline on (every corpus text is parsed)."""
    if doc.parse is None:
        raise ValueError(f"{doc.article.id}: not parsed")
    return doc.parse


def lexicon_words(doc: Document, lexicon) -> list[dict]:
    """Verbs and nouns that head a lexicon pattern whose other words are all in their sentence, yet gave no event:
    the places where a missed event (or a rightly rejected word) sits."""
    taken = {e.trigger.start for e in doc.events}
    parse = parsed(doc)
    out: list[dict] = []
    for tok in parse.tokens:
        if tok.pos not in ("VERB", "NOUN") or tok.start in taken:
            continue
        heads = lexicon.headed_by(tok.lemma.lower(), tok.text.lower())
        possible = heads.possible(set(parse.sentence_words[tok.sent])) if heads else []
        if possible:
            out.append({"cid": f"w{len(out) + 1}", "sentence": tok.sent, "trigger": [tok.start, tok.end],
                        "trigger_text": tok.text, "type": possible[0].type, "cameo": possible[0].cameo,
                        "evidence": possible[0].id})
    return out


def annotate(doc_ids: list[str]) -> list[tuple[sources.SourceText, Document]]:
    """Run the pipeline on each source text as it is (no cleaning, so offsets are the source's)."""
    from tidings.pipeline import default_pipeline
    from tidings.stages import nlp

    pipeline = default_pipeline()
    texts = [sources.load(d) for d in doc_ids]
    docs = [Document(Article(id=t.doc_id, text=t.text, published=t.published, language="en")) for t in texts]
    parsed = nlp.run_many(docs, nlp=pipeline.nlp)
    return [(t, pipeline.annotate(d)) for t, d in zip(texts, parsed, strict=True)]


def work_text(source: sources.SourceText, doc: Document, cands: list[dict], words: list[dict]) -> str:
    """The annotator's view of one article: numbered sentences, then the candidates."""
    lines = [f"=== DOC {source.doc_id}   published: {source.published or 'unknown'}"
             f"   topic label: {source.topic or 'none'}"]
    for s in parsed(doc).sentences:
        lines.append(f"[S{s.index}] " + " ".join(doc.article.text[s.start:s.end].split()))
    lines.append("--- CANDIDATES")
    for c in cands:
        lines.append(f"{c['cid']} S{c['sentence']} \"{c['trigger_text']}\" {c['type']}/{c['cameo']}"
                     f" actor={json.dumps(c['actor_text'])} recipient={json.dumps(c['recipient_text'])}"
                     f" status={c['status']} historical={str(c['historical']).lower()}")
    for w in words:
        lines.append(f"{w['cid']} S{w['sentence']} \"{w['trigger_text']}\" (lexicon word; a pattern would give"
                     f" {w['type']}/{w['cameo']})")
    if not cands and not words:
        lines.append("(none)")
    return "\n".join(lines) + "\n"


def main(argv: list[str]) -> int:
    """``OUT [BATCHES] [--draw N]``: the first draw in BATCHES batches, or a later draw (2, 3: see
    ``EXTRA_DRAWS``) in batches numbered after those already in OUT."""
    draw = 1
    if "--draw" in argv:
        k = argv.index("--draw")
        draw = int(argv[k + 1])
        argv = argv[:k] + argv[k + 2:]
    out = Path(argv[0])
    batches = int(argv[1]) if len(argv) > 1 else 8
    out.mkdir(parents=True, exist_ok=True)
    doc_ids = choose_documents(random.Random(SEED))
    first = 0
    if draw > 1:
        first = len(list(out.glob("batch*.txt")))
        exclude = set(doc_ids)
        for earlier in range(2, draw):
            exclude |= set(choose_extra(earlier, exclude))
        doc_ids = choose_extra(draw, exclude)
    random.Random(SEED).shuffle(doc_ids)
    results = annotate(doc_ids)
    from tidings.resources import lexicon as lexicon_data

    lexicon = lexicon_data.load()
    for b in range(batches):
        part = results[b::batches]
        name = f"batch{first + b + 1:02d}"
        with (out / f"{name}.txt").open("w", encoding="utf-8") as view, \
                (out / f"{name}.candidates.jsonl").open("w", encoding="utf-8") as side:
            for source, doc in part:
                cands, words = candidates(doc), lexicon_words(doc, lexicon)
                view.write(work_text(source, doc, cands, words) + "\n")
                sentences = [[s.start, s.end] for s in parsed(doc).sentences]
                side.write(json.dumps({"doc_id": source.doc_id, "split": split_of(source.doc_id),
                                       "sentences": sentences, "candidates": cands,
                                       "lexicon_words": words}) + "\n")
    total = sum(len(d.events) + len(lexicon_words(d, lexicon)) for _, d in results)
    print(f"{len(results)} documents, {total} candidates, {batches} batches in {out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
