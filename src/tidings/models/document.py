"""The typed Document that flows through every stage.

Annotations are plain dataclasses holding character offsets into ``article.text``;
nothing here imports another part of tidings or any NLP library, so a Document
serialises, stores and highlights on its own.
"""
from __future__ import annotations

import bisect
import dataclasses
import functools
from collections.abc import Collection
from dataclasses import dataclass, field
from typing import Any, ClassVar

SCHEMA = "tidings.document/1"

EVENT_STATUSES = ("asserted", "negated", "future", "hypothetical")
DATE_PRECISIONS = ("day", "week", "month", "year", "unknown")
ACTOR_KINDS = ("person", "organization", "country", "group")
PLACE_FEATURES = ("city", "admin1", "country", "region", "water", "other")
QUOTE_KINDS = ("direct", "indirect")


class Record:
    """Mixin: dict round trip for nested dataclasses (None and lists kept as-is)."""

    _nested: ClassVar[dict[str, type[Record]]] = {}
    _nested_lists: ClassVar[dict[str, type[Record]]] = {}

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for f in dataclasses.fields(self):  # type: ignore[arg-type]
            if not f.repr:
                continue
            value = getattr(self, f.name)
            if isinstance(value, Record):
                value = value.to_dict()
            elif isinstance(value, list):
                value = [v.to_dict() if isinstance(v, Record) else v for v in value]
            out[f.name] = value
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]):
        names = {f.name for f in dataclasses.fields(cls) if f.init}  # type: ignore[arg-type]
        kwargs: dict[str, Any] = {}
        for key, value in data.items():
            if key not in names:
                continue
            if key in cls._nested and value is not None:
                value = cls._nested[key].from_dict(value)
            elif key in cls._nested_lists and value is not None:
                value = [cls._nested_lists[key].from_dict(v) for v in value]
            kwargs[key] = value
        return cls(**kwargs)


@dataclass
class Article(Record):
    """The cleaned article and its metadata. ``text`` is what every offset points into."""

    id: str
    text: str
    title: str | None = None
    url: str | None = None
    source: str | None = None
    published: str | None = None
    language: str | None = None
    authors: list[str] = field(default_factory=list)
    dateline: str | None = None
    #: the most likely of the topic model's five topics (business, entertainment, politics, sport, tech)
    topic: str | None = None
    #: True when the topic gate found the article confidently off-topic and skipped its parse and event coding
    off_topic: bool = False


@dataclass
class Actor(Record):
    """A resolved real-world actor (person, organisation, country or group)."""

    id: str
    name: str
    kind: str = "group"
    country: str | None = None
    sector: str | None = None
    org: str | None = None
    wikidata: str | None = None
    patron: str | None = None
    #: ``male`` / ``female`` for a person when known (knowledge base, honorific or given name), else None
    gender: str | None = None


@dataclass
class Mention(Record):
    """A stretch of text naming an actor; ``actor_id`` is None when unresolved."""

    start: int
    end: int
    text: str
    label: str
    actor_id: str | None = None


@dataclass
class ActorRef(Record):
    """An actor as it appears in an event or as a quote's speaker."""

    text: str
    actor_id: str | None = None
    name: str | None = None
    country: str | None = None
    sector: str | None = None
    org: str | None = None
    start: int | None = None
    end: int | None = None


#: Kinds of coreference link: a pronoun, a party phrase, a definite description of a named person.
COREF_KINDS = ("pronoun", "phrase", "description")


@dataclass
class Coref(Record):
    """The coreference layer: a pronoun or party phrase (``start``/``end``, headed by the token at
    ``head_start``) linked to the parties it stands for. ``refs`` carry the antecedent's own text and
    offsets (a pronoun's antecedent phrase; a phrase's own words), with the actor ids of ``doc.actors``.
    ``gender`` and ``number`` are what the words say (``he``: male, singular); ``rule`` names the rule
    that made the link (None: the phrase resolves itself)."""

    _nested_lists: ClassVar[dict[str, type[Record]]] = {}

    start: int
    end: int
    text: str
    kind: str
    head_start: int
    refs: list[ActorRef] = field(default_factory=list)
    #: char offset of the antecedent's head token (a pronoun's; a description's named person), if any
    antecedent_head: int | None = None
    gender: str | None = None
    number: str | None = None
    rule: str | None = None
    #: the same phrase's refs when a city stands for its country (the target of force), if they differ
    city_refs: list[ActorRef] | None = None


Coref._nested_lists = {"refs": ActorRef, "city_refs": ActorRef}


@dataclass
class Location(Record):
    """Where an event happened (a resolved place)."""

    text: str
    name: str | None = None
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonames_id: int | None = None


@dataclass
class SentenceRef(Record):
    index: int
    start: int
    end: int


@dataclass
class Trigger(Record):
    text: str
    start: int
    end: int


@dataclass
class Event(Record):
    """One coded event: who did what to whom, with its factuality, date and place."""

    _nested: ClassVar[dict[str, type]] = {}

    id: str
    type: str
    mode: str | None
    context: list[str]
    cameo: str
    quad_class: int
    goldstein: float
    actor: ActorRef | None
    recipient: ActorRef | None
    sentence: SentenceRef
    trigger: Trigger
    status: str = "asserted"
    historical: bool = False
    date: str | None = None
    date_precision: str = "unknown"
    location: Location | None = None
    confidence: float = 0.5
    evidence: str = ""


Event._nested = {
    "actor": ActorRef,
    "recipient": ActorRef,
    "location": Location,
    "sentence": SentenceRef,
    "trigger": Trigger,
}


@dataclass
class Quote(Record):
    """A direct or reported statement with its speaker and cue."""

    text: str
    start: int
    end: int
    kind: str
    cue: str | None = None
    speaker: ActorRef | None = None
    cue_start: int | None = None
    cue_end: int | None = None


Quote._nested = {"speaker": ActorRef}


@dataclass
class DateMention(Record):
    """A time expression normalised to a TimeML value (``2021-12-30``, ``2021-W51``, ``P3D``)."""

    text: str
    start: int
    end: int
    value: str | None
    precision: str = "unknown"
    type: str = "DATE"


@dataclass
class Place(Record):
    """A place name resolved against the gazetteer. ``role`` is ``location`` or ``actor`` (metonymy)."""

    text: str
    start: int
    end: int
    name: str | None = None
    country: str | None = None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonames_id: int | None = None
    feature: str = "other"
    role: str = "location"


@dataclass
class Amount(Record):
    """A counted quantity ("an estimated 100,000 soldiers" → 100000, soldiers)."""

    text: str
    start: int
    end: int
    value: float | None
    object: str | None = None
    approximate: bool = False
    unit: str | None = None


@dataclass
class Tone(Record):
    """Document tone in GDELT's style: score = positive − negative, in % of words."""

    score: float = 0.0
    positive: float = 0.0
    negative: float = 0.0
    polarity: float = 0.0
    word_count: int = 0


# --- the parse layer: plain data, offsets only, produced by the nlp stage -------------


@dataclass(slots=True)
class Token:
    """One token of the parse. ``head`` is the token index of the syntactic head."""

    i: int
    start: int
    end: int
    text: str
    lemma: str
    pos: str
    tag: str
    dep: str
    head: int
    sent: int
    ent_iob: str = "O"
    ent_type: str = ""
    morph: str = ""


#: Dependencies that open a clause below their head.
CLAUSE_DEPS = frozenset({"ccomp", "advcl", "relcl", "xcomp", "acl", "pcomp", "parataxis", "csubj"})


@dataclass(slots=True)
class Sentence:
    index: int
    start: int
    end: int
    token_start: int
    token_end: int


@dataclass(slots=True)
class Entity:
    start: int
    end: int
    label: str
    text: str
    token_start: int
    token_end: int


@dataclass
class Parse:
    """Tokens, sentences and named entities as offsets, with small tree helpers."""

    tokens: list[Token] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    #: per token, the parser's contextual vector (a numpy float32 array, tokens × width; None when absent)
    vectors: Any = None

    @functools.cached_property
    def child_lists(self) -> list[list[int]]:
        """Per token, the token indices whose head it is (in order); built once per parse."""
        kids: list[list[int]] = [[] for _ in self.tokens]
        for tok in self.tokens:
            if tok.head != tok.i:
                kids[tok.head].append(tok.i)
        return kids

    @functools.cached_property
    def lower_texts(self) -> list[str]:
        """Per token, its text in lower case (built once per parse)."""
        return [tok.text.lower() for tok in self.tokens]

    @functools.cached_property
    def lower_lemmas(self) -> list[str]:
        """Per token, its lemma in lower case (built once per parse)."""
        return [tok.lemma.lower() for tok in self.tokens]

    @functools.cached_property
    def sentence_words(self) -> list[frozenset[str]]:
        """Per sentence, the lower-case forms and lemmas that dependency arcs from its tokens can reach: its own,
        or every word of the text when an arc crosses sentences."""
        if not self._arcs_within_sentences():
            everything = frozenset(self.lower_texts) | frozenset(self.lower_lemmas)
            return [everything for _ in self.sentences]
        forms, lemmas = self.lower_texts, self.lower_lemmas
        return [frozenset(forms[s.token_start : s.token_end] + lemmas[s.token_start : s.token_end])
                for s in self.sentences]

    def _arcs_within_sentences(self) -> bool:
        """Whether the sentences tile the tokens and every token's head lies in its own sentence."""
        ends = [s.token_start for s in self.sentences[1:]] + [len(self.tokens)]
        if not self.sentences or self.sentences[0].token_start != 0 or \
                any(s.token_end != end for s, end in zip(self.sentences, ends, strict=True)):
            return not self.tokens
        heads = [t.head for t in self.tokens]
        return all(min(heads[s.token_start : s.token_end], default=s.token_start) >= s.token_start
                   and max(heads[s.token_start : s.token_end], default=s.token_start) < s.token_end
                   for s in self.sentences)

    def children(self, i: int) -> list[int]:
        """Token indices whose head is token ``i`` (in order)."""
        return self.child_lists[i]

    def subtree(self, i: int) -> list[int]:
        """All token indices dominated by ``i`` (including ``i``), sorted."""
        kids = self.child_lists
        out, stack = [], [i]
        while stack:
            j = stack.pop()
            out.append(j)
            stack.extend(kids[j])
        out.sort()
        return out

    def clause_depth(self, i: int) -> int:
        """How many clauses down from the sentence root token ``i`` sits (0 for the main clause)."""
        d, hops = 0, 0
        while self.tokens[i].head != i and hops < 50:
            if self.tokens[i].dep in CLAUSE_DEPS:
                d += 1
            i = self.tokens[i].head
            hops += 1
        return d

    def root_of(self, i: int) -> int:
        """The root token of the sentence token ``i`` belongs to (its heads climbed to the top)."""
        seen = set()
        while self.tokens[i].head != i and i not in seen:
            seen.add(i)
            i = self.tokens[i].head
        return i

    def clause_head(self, i: int) -> int:
        """The nearest verb at or above token ``i`` (the clause it belongs to)."""
        seen = set()
        while i not in seen:
            seen.add(i)
            tok = self.tokens[i]
            if tok.pos in ("VERB", "AUX") or tok.head == i:
                return i
            i = tok.head
        return i

    def object_control_verb(self, i: int, verbs: Collection[str]) -> int | None:
        """The verb of ``verbs`` (by lemma) whose xcomp token ``i`` is, else None."""
        # object control: in "urged the minister to resign" the verb's object, not its subject, is to act
        tok = self.tokens[i]
        return tok.head if tok.dep == "xcomp" and self.tokens[tok.head].lemma.lower() in verbs else None

    def sentence_tokens(self, index: int) -> list[Token]:
        sent = self.sentences[index]
        return self.tokens[sent.token_start : sent.token_end]

    def sentence_at(self, char: int) -> Sentence | None:
        """The sentence containing character offset ``char``."""
        k = bisect.bisect_right(self._sentence_starts, char) - 1
        if k >= 0 and char < self.sentences[k].end:
            return self.sentences[k]
        return None

    def token_at(self, char: int) -> Token | None:
        """The token covering character offset ``char``."""
        k = bisect.bisect_right(self._bounds[0], char) - 1
        if k >= 0 and char < self.tokens[k].end:
            return self.tokens[k]
        return None

    @functools.cached_property
    def _sentence_starts(self) -> list[int]:
        return [s.start for s in self.sentences]

    @functools.cached_property
    def _bounds(self) -> tuple[list[int], list[int]]:
        """Token start and end offsets, for bisection."""
        return [t.start for t in self.tokens], [t.end for t in self.tokens]

    def tokens_in(self, start: int, end: int) -> list[Token]:
        """Tokens overlapping the character range [start, end)."""
        starts, ends = self._bounds
        first = bisect.bisect_right(ends, start)
        return self.tokens[first : max(first, bisect.bisect_left(starts, end))]

    def span_head(self, start: int, end: int) -> int | None:
        """The head token of the character range [start, end): the first token whose head lies outside it (or
        that is a root); None when no token overlaps the range."""
        tokens = self.tokens_in(start, end)
        if not tokens:
            return None
        inside = {t.i for t in tokens}
        return next((t.i for t in tokens if t.head not in inside or t.head == t.i), tokens[-1].i)


@dataclass
class Document:
    """An article with every annotation layer; ``to_dict()`` is the output contract."""

    article: Article
    actors: list[Actor] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    amounts: list[Amount] = field(default_factory=list)
    tone: Tone | None = None
    parse: Parse | None = None
    raw_html: str | None = None
    timings: dict[str, float] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    #: the topic model's probabilities (``stages.topic``), read by the event scorer
    topics: dict[str, float] = field(default_factory=dict)
    #: the coreference layer (``stages.coref``): None until built; not part of ``to_dict()``
    corefs: list[Coref] | None = None
    #: when the store committed the article (ISO time; set by ``Store.load_document``, not part of ``to_dict()``)
    stored_at: str | None = field(default=None, compare=False)
    #: actor id → position of its first actor in ``_indexed_actors``, for the first ``_indexed_count`` actors
    _actor_positions: dict[str, int] = field(default_factory=dict, init=False, repr=False, compare=False)
    _indexed_actors: list[Actor] | None = field(default=None, init=False, repr=False, compare=False)
    _indexed_count: int = field(default=0, init=False, repr=False, compare=False)
    _coref_index: tuple = field(default=(None, 0, {}), init=False, repr=False, compare=False)

    @property
    def text(self) -> str:
        return self.article.text

    def actor(self, actor_id: str | None) -> Actor | None:
        """The document's actor with this id, if any."""
        if actor_id is None:
            return None
        actors = self.actors
        if self._indexed_actors is not actors or self._indexed_count > len(actors):
            self._actor_positions, self._indexed_actors, self._indexed_count = {}, actors, 0
        for k in range(self._indexed_count, len(actors)):  # actors appended since the last call
            self._actor_positions.setdefault(actors[k].id, k)
        self._indexed_count = len(actors)
        pos = self._actor_positions.get(actor_id)
        if pos is not None and actors[pos].id == actor_id:
            return actors[pos]
        return next((actor for actor in actors if actor.id == actor_id), None)  # an id changed in place

    def coref(self, head_start: int, kind: str | None = None) -> Coref | None:
        """The coreference link of the pronoun or phrase whose head token starts at ``head_start``."""
        links = self.corefs or []
        if self._coref_index[0] is not links or self._coref_index[1] != len(links):
            index: dict[tuple[int, str | None], Coref] = {}
            for link in links:
                index.setdefault((link.head_start, link.kind), link)
                index.setdefault((link.head_start, None), link)
            self._coref_index = (links, len(links), index)
        return self._coref_index[2].get((head_start, kind))

    def add_actor(self, actor: Actor) -> Actor:
        """Add ``actor`` unless an actor with its id is already there; return the stored one."""
        existing = self.actor(actor.id)
        if existing is not None:
            return existing
        self.actors.append(actor)
        return actor

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": SCHEMA,
            "article": self.article.to_dict(),
            "actors": [a.to_dict() for a in self.actors],
            "mentions": [m.to_dict() for m in self.mentions],
            "events": [e.to_dict() for e in self.events],
            "quotes": [q.to_dict() for q in self.quotes],
            "dates": [d.to_dict() for d in self.dates],
            "places": [p.to_dict() for p in self.places],
            "amounts": [a.to_dict() for a in self.amounts],
            "tone": self.tone.to_dict() if self.tone else None,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Document:
        return cls(
            article=Article.from_dict(data["article"]),
            actors=[Actor.from_dict(a) for a in data.get("actors", [])],
            mentions=[Mention.from_dict(m) for m in data.get("mentions", [])],
            events=[Event.from_dict(e) for e in data.get("events", [])],
            quotes=[Quote.from_dict(q) for q in data.get("quotes", [])],
            dates=[DateMention.from_dict(d) for d in data.get("dates", [])],
            places=[Place.from_dict(p) for p in data.get("places", [])],
            amounts=[Amount.from_dict(a) for a in data.get("amounts", [])],
            tone=Tone.from_dict(data["tone"]) if data.get("tone") else None,
        )
