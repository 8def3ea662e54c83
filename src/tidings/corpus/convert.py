"""Turn annotators' judgements (words of the text) into stand-off annotations (offsets), checking them.

``python -m tidings.corpus.convert WORK_DIR RAW.jsonl [--out OUT.jsonl]`` reads an annotator's file
(one line per article: ``doc_id``, ``annotator``, ``labels`` per candidate id, ``missed`` events),
resolves every party and trigger to character offsets in the source text, and prints one line per
problem. With ``--out`` it writes the stand-off records (no text, offsets and labels only).
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from tidings.corpus import sources
from tidings.corpus.annotations import REASONS, STATUSES, TYPES, default_cameo

LABELS = frozenset({"ok", "fix", "no"})


def read_sidecars(work: Path) -> dict[str, dict]:
    """The pre-annotation (sentences and candidates) of every article, by document id."""
    out = {}
    for path in sorted(work.glob("*.candidates.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            item = json.loads(line)
            out[item["doc_id"]] = item
    return out


def find_span(text: str, words: str | None, sentence: tuple[int, int], near: int) -> list[int] | None:
    """Offsets of ``words``: in the sentence (closest to ``near``), else the closest earlier mention in the
    text, else the closest later one."""
    if not words:
        return None
    words = words.strip()
    hits = []
    k = text.find(words)
    while k >= 0:
        hits.append(k)
        k = text.find(words, k + 1)
    if not hits:
        return None
    inside = [h for h in hits if sentence[0] <= h < sentence[1]]
    before = [h for h in hits if h < sentence[0]]
    if inside:
        best = min(inside, key=lambda h: abs(h - near))
    elif before:
        best = max(before)
    else:
        best = min(hits)
    return [best, best + len(words)]


def _code_type(code: str) -> str | None:
    from tidings.resources import ontology

    try:
        return ontology.load().code(code).plover_type or None
    except KeyError:
        return None


def _event(text: str, fields: dict, base: dict, sentence: tuple[int, int], trigger: list[int],
           problems: list[str], where: str) -> dict | None:
    merged = {**base, **{k: v for k, v in fields.items() if k != "label"}}
    type_ = merged.get("type")
    if not isinstance(type_, str) or type_ not in TYPES:
        problems.append(f"{where}: type {type_!r} is not a PLOVER type")
        return None
    cameo = merged.get("cameo") if "type" not in fields or "cameo" in fields else None
    code_type = _code_type(str(cameo)) if cameo else None
    if code_type is not None and code_type != type_:
        type_ = code_type  # the code decides (the project's CAMEO→PLOVER table)
    status = merged.get("status", "asserted")
    if status not in STATUSES:
        problems.append(f"{where}: status {status!r} not one of {sorted(STATUSES)}")
    event = {"trigger": trigger, "type": type_, "cameo": str(cameo) if cameo else default_cameo(type_),
             "status": status, "historical": bool(merged.get("historical", False))}
    for role in ("actor", "recipient"):
        words = merged.get(role)
        span = find_span(text, words, sentence, trigger[0])
        if words and span is None:
            problems.append(f"{where}: {role} {words!r} is not in the text")
        event[role] = span
    if merged.get("date"):
        event["date"] = str(merged["date"])
    return event


def convert(raw: dict, sidecar: dict, text: str) -> tuple[dict, list[str]]:
    """One article's stand-off record and the problems found in the judgements."""
    problems: list[str] = []
    doc = raw.get("doc_id")
    labels = raw.get("labels", {})
    sentences = [tuple(s) for s in sidecar["sentences"]]
    record = {"doc_id": doc, "split": sidecar["split"], "annotator": raw.get("annotator"),
              "events": [], "non_events": []}
    for cand in sidecar["candidates"] + sidecar["lexicon_words"]:
        cid = cand["cid"]
        where = f"{doc} {cid}"
        judgement = labels.get(cid)
        if not isinstance(judgement, dict) or judgement.get("label") not in LABELS:
            problems.append(f"{where}: no label (ok / fix / no)")
            continue
        origin = "proposed" if cid.startswith("c") else "lexicon_word"
        proposed = {"proposed_type": cand["type"], "proposed_cameo": cand["cameo"], "origin": origin}
        if judgement["label"] == "no":
            reason = judgement.get("reason")
            if reason not in REASONS:
                problems.append(f"{where}: reason {reason!r} not one of {sorted(REASONS)}")
            record["non_events"].append({"trigger": cand["trigger"], **proposed, "reason": reason})
            continue
        if judgement["label"] == "ok" and origin == "lexicon_word":
            problems.append(f"{where}: a lexicon word has no proposed event to accept: use fix with every field")
            continue
        base = {"type": cand["type"], "cameo": cand["cameo"], "status": cand.get("status", "asserted"),
                "historical": cand.get("historical", False)}
        if origin == "proposed":
            base |= {"actor": cand["actor_text"], "recipient": cand["recipient_text"]}
        event = _event(text, judgement, base, sentences[cand["sentence"]], cand["trigger"], problems, where)
        if event:
            record["events"].append({**event, **proposed, "label": judgement["label"]})
    for k, missed in enumerate(raw.get("missed", [])):
        where = f"{doc} missed #{k + 1}"
        s = missed.get("sentence")
        if not isinstance(s, int) or not 0 <= s < len(sentences):
            problems.append(f"{where}: sentence {s!r} is not a sentence number of this article")
            continue
        span = find_span(text, missed.get("trigger"), sentences[s], sentences[s][0])
        if span is None or not sentences[s][0] <= span[0] < sentences[s][1]:
            problems.append(f"{where}: trigger {missed.get('trigger')!r} is not in sentence S{s}")
            continue
        event = _event(text, missed, {}, sentences[s], span, problems, where)
        if event:
            record["events"].append({**event, "origin": "added", "label": "added"})
    unknown = set(labels) - {c["cid"] for c in sidecar["candidates"] + sidecar["lexicon_words"]}
    if unknown:
        problems.append(f"{doc}: labels for unknown candidates {sorted(unknown)}")
    return record, problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("work", type=Path, help="folder of the pre-annotation sidecars (*.candidates.jsonl)")
    parser.add_argument("raw", type=Path, nargs="+", help="annotator files (JSON lines)")
    parser.add_argument("--out", type=Path, help="write the stand-off records here")
    args = parser.parse_args(argv)
    sidecars = read_sidecars(args.work)
    records, problems, docs = [], [], 0
    for path in args.raw:
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            try:
                raw = json.loads(line)
            except json.JSONDecodeError as exc:
                problems.append(f"{path.name}:{n}: not JSON ({exc})")
                continue
            sidecar = sidecars.get(raw.get("doc_id"))
            if sidecar is None:
                problems.append(f"{path.name}:{n}: unknown doc_id {raw.get('doc_id')!r}")
                continue
            record, found = convert(raw, sidecar, sources.load(raw["doc_id"]).text)
            records.append(record)
            problems += found
            docs += 1
    for problem in problems:
        print(problem)
    events = sum(len(r["events"]) for r in records)
    judged = sum(len(r["non_events"]) + sum(e["origin"] != "added" for e in r["events"]) for r in records)
    print(f"{docs} articles, {judged} judged candidates, {events} events, {len(problems)} problems", file=sys.stderr)
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        with args.out.open("w", encoding="utf-8") as handle:
            for record in records:
                handle.write(json.dumps(record, sort_keys=True) + "\n")
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
