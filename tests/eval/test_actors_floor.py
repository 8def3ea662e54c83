"""Actors quality gate: the actors resolved on the PLOVER gold actor spans keep their country and sector."""
from __future__ import annotations

import json
from pathlib import Path

from tidings.models import Actor, RawArticle
from tidings.resources.actors import home_country, load_kb
from tidings.stages import actors, clean, nlp

FLOORS = json.loads((Path(__file__).parent / "floors" / "actors.json").read_text())


def scored_country(actor: Actor | None) -> str | None:
    """The country compared with PLOVER gold: an armed group's home country (Hamas → PSE), none for other
    organisations and for people acting for one, else the actor's country."""
    if actor is None:
        return None
    if actor.org:
        org = load_kb().orgs.get(actor.org)
        return home_country(actor.org) if org is not None and org.kind == "group" else None
    return actor.country


def score_plover_actors(path: Path) -> dict[str, float]:
    """Share of gold actor spans with a mention, and with the gold country / sector (armed groups: their home)."""
    total = found = country = sector = 0
    for line in path.read_text().splitlines():
        record = json.loads(line)
        doc = nlp.run(clean.run(RawArticle(id=record["id"], text=record["text"], published="2000-01-01")))
        doc = actors.run(doc)
        for event in record["events"]:
            for gold in (event["actor"] or []) + (event["recipient"] or []):
                start = doc.text.find(gold.get("text") or "\0")
                if start < 0:
                    continue
                total += 1
                hit = actors.actor_at(doc, start, start + len(gold["text"]))
                actor = hit[1] if hit else None
                found += hit is not None
                country += scored_country(actor) == gold["country"]
                sector += (actor.sector if actor else None) == gold["sector"]
    return {"found": found / total, "country_accuracy": country / total, "sector_accuracy": sector / total}


def test_actor_resolution_stays_above_floors(shared_eval):
    scores = score_plover_actors(shared_eval / "events" / "plover_gsr_dev.jsonl")
    below = {name: (round(scores[name], 3), floor) for name, floor in FLOORS.items() if scores[name] < floor}
    assert not below, f"actor scores below their floors (score, floor): {below}"
