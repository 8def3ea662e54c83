"""Documents built directly from the model, so store and query tests do not depend on the stages."""
from __future__ import annotations

from tidings.models import (
    Actor,
    ActorRef,
    Amount,
    Article,
    DateMention,
    Document,
    Event,
    Location,
    Mention,
    Place,
    Quote,
    SentenceRef,
    Tone,
    Trigger,
)

ACTORS = {
    "joe-biden": Actor("joe-biden", "Joe Biden", "person", "USA", "GOV", wikidata="Q6279"),
    "vladimir-putin": Actor("vladimir-putin", "Vladimir Putin", "person", "RUS", "GOV", wikidata="Q7747"),
    "nato": Actor("nato", "NATO", "organization", None, "IGO", org="NATO"),
    "ukraine": Actor("ukraine", "Ukraine", "country", "UKR"),
    "russia": Actor("russia", "Russia", "country", "RUS"),
}

GENEVA = Location("Geneva", "Geneva", "CHE", 46.2022, 6.1457, 2660646)
KYIV = Location("Kyiv", "Kyiv", "UKR", 50.4547, 30.5238, 703448)


def ref(actor_id: str, text: str | None = None) -> ActorRef:
    actor = ACTORS[actor_id]
    return ActorRef(text or actor.name, actor.id, actor.name, actor.country, actor.sector, actor.org)


def event(type_: str, cameo: str, actor: str | None, recipient: str | None, *, date: str | None = "2021-12-30",
          status: str = "asserted", location: Location | None = None, trigger: str = "met",
          precision: str = "day", index: int = 0) -> Event:
    return Event(id=f"e{index}", type=type_, mode=None, context=["diplomatic"], cameo=cameo,
                 quad_class=1, goldstein=1.0, actor=ref(actor) if actor else None,
                 recipient=ref(recipient) if recipient else None, sentence=SentenceRef(index, 0, 40),
                 trigger=Trigger(trigger, 10, 10 + len(trigger)), status=status, date=date,
                 date_precision=precision if date else "unknown", location=location, confidence=0.8,
                 evidence="test")


def document(article_id: str, text: str, *, events: list[Event] = (), source: str | None = "Wire",
             published: str = "2021-12-30", title: str | None = None, language: str = "en") -> Document:
    """A Document with the given events and one of every other layer."""
    doc = Document(Article(article_id, text, title or f"Story {article_id}", f"https://example.org/{article_id}",
                           source, published, language, ["Jane Roe"], "GENEVA"))
    actor_ids = {e.actor.actor_id for e in events if e.actor} | {e.recipient.actor_id for e in events if e.recipient}
    for actor_id in sorted(actor_ids & ACTORS.keys()):
        doc.add_actor(ACTORS[actor_id])
    doc.mentions = [Mention(0, 5, text[:5], "PERSON", sorted(actor_ids)[0] if actor_ids else None)]
    doc.events = list(events)
    doc.quotes = [Quote("We will talk again", 0, 18, "direct", "said", ref("vladimir-putin", "Putin"), 20, 24)]
    doc.dates = [DateMention("Thursday", 30, 38, "2021-12-30", "day")]
    doc.places = [Place("Geneva", 40, 46, "Geneva", "CHE", "GE", 46.2022, 6.1457, 2660646, "city")]
    doc.amounts = [Amount("100,000 soldiers", 50, 66, 100000.0, "soldiers", True)]
    doc.tone = Tone(-1.5, 2.0, 3.5, 5.5, 120)
    return doc


def save(store, *docs: Document):
    """Commit documents through the ingest writer (dedup and event clustering included)."""
    from tidings.batch.ingest import IngestSummary, Writer
    from tidings.models import RawArticle

    summary = IngestSummary()
    raws = [RawArticle(id=d.article.id, text=d.article.text, origin=f"{d.article.id}.txt") for d in docs]
    Writer(store, summary).commit(raws, list(docs))
    return summary
