"""The typed data model shared by every stage, the store and the faces."""
from tidings.models.document import (
    SCHEMA,
    Actor,
    ActorRef,
    Amount,
    Article,
    Coref,
    DateMention,
    Document,
    Entity,
    Event,
    Location,
    Mention,
    Parse,
    Place,
    Quote,
    Sentence,
    SentenceRef,
    Token,
    Tone,
    Trigger,
)
from tidings.models.raw import Failure, RawArticle

__all__ = [
    "SCHEMA", "Actor", "ActorRef", "Amount", "Article", "Coref", "DateMention", "Document", "Entity",
    "Event", "Failure", "Location", "Mention", "Parse", "Place", "Quote", "RawArticle", "Sentence",
    "SentenceRef", "Token", "Tone", "Trigger",
]
