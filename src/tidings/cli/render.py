"""Human-readable summaries of Documents for the terminal."""
from __future__ import annotations

from tidings.models import ActorRef, Document


def _who(ref: ActorRef | None) -> str:
    if ref is None:
        return "-"
    code = ref.org or "".join(x for x in (ref.country, ref.sector) if x)
    return f"{ref.name or ref.text}" + (f" [{code}]" if code else "")


def document_table(doc: Document) -> str:
    """A compact text report: article header, events, quotes, actors, places, dates, amounts."""
    a = doc.article
    lines = [f"# {a.title or a.id}", f"published {a.published or '?'} · language {a.language} · "
             f"{len(a.text.split())} words" + (f" · {a.url}" if a.url else "")
             + (f" · topic {a.topic}" if a.topic else "") + (" (off-topic: not coded)" if a.off_topic else "")]
    lines.append(f"\nEVENTS ({len(doc.events)})")
    for e in doc.events:
        flags = "" if e.status == "asserted" else f" ({e.status})"
        flags += " [historical]" if e.historical else ""
        where = f" @ {e.location.name}" if e.location and e.location.name else ""
        lines.append(f"  {e.date or '?':<10} {e.type:<9} {e.cameo:<4} {_who(e.actor)} → {_who(e.recipient)}"
                     f"{where}{flags}  «{e.trigger.text}»  {e.confidence:.2f}")
    lines.append(f"\nQUOTES ({len(doc.quotes)})")
    for q in doc.quotes:
        text = q.text if len(q.text) < 100 else q.text[:97] + "..."
        lines.append(f"  {_who(q.speaker)}: {text!r}")
    lines.append(f"\nACTORS ({len(doc.actors)})")
    for actor in doc.actors:
        code = actor.org or "".join(x for x in (actor.country, actor.sector) if x)
        lines.append(f"  {actor.name} [{actor.kind}{', ' + code if code else ''}]")
    for title, items in (("PLACES", doc.places), ("DATES", doc.dates), ("AMOUNTS", doc.amounts)):
        lines.append(f"\n{title} ({len(items)})")
        for item in items:
            detail = {"PLACES": lambda p: f"{p.name or '?'} {p.country or ''} ({p.lat}, {p.lon})",
                      "DATES": lambda d: f"{d.value} [{d.precision}]",
                      "AMOUNTS": lambda m: f"{m.value} {m.object or ''}"}[title](item)
            lines.append(f"  {item.text!r} → {detail}")
    if doc.tone:
        tone = doc.tone
        lines.append(f"\nTONE {tone.score:+.2f} (positive {tone.positive:.2f}, negative {tone.negative:.2f})")
    return "\n".join(lines)
