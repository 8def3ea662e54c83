"""The Document round-trips through its dict form and keeps the contract's keys."""
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
from tidings.models.document import Parse, Sentence, Token


def sample_document() -> Document:
    text = "Biden spoke with Putin in Geneva on Thursday."
    biden = ActorRef(text="Biden", actor_id="joe-biden", name="Joe Biden", country="USA", sector="GOV", start=0, end=5)
    putin = ActorRef(text="Putin", actor_id="vladimir-putin", name="Vladimir Putin", country="RUS", sector="GOV")
    event = Event(
        id="a-0-6", type="CONSULT", mode="phone", context=["diplomatic"], cameo="041", quad_class=1,
        goldstein=1.0, actor=biden, recipient=putin, sentence=SentenceRef(0, 0, len(text)),
        trigger=Trigger("spoke", 6, 11), date="2021-12-30", date_precision="day",
        location=Location(text="Geneva", name="Geneva", country="CHE", lat=46.2, lon=6.15, geonames_id=2660646),
    )
    return Document(
        article=Article(id="a", text=text, published="2021-12-30", language="en"),
        actors=[Actor(id="joe-biden", name="Joe Biden", kind="person", country="USA", sector="GOV")],
        mentions=[Mention(0, 5, "Biden", "PERSON", "joe-biden")],
        events=[event],
        quotes=[Quote(text="We talked.", start=0, end=10, kind="direct", cue="said", speaker=biden)],
        dates=[DateMention("Thursday", 36, 44, "2021-12-30", "day")],
        places=[Place("Geneva", 26, 32, name="Geneva", country="CHE", lat=46.2, lon=6.15, feature="city")],
        amounts=[Amount("40 people", 0, 9, 40, "people")],
        tone=Tone(score=-1.0, positive=1.0, negative=2.0),
    )


def test_round_trip_is_lossless():
    doc = sample_document()
    again = Document.from_dict(doc.to_dict())
    assert again.to_dict() == doc.to_dict()
    assert again.events[0].actor.country == "USA"
    assert again.events[0].location.geonames_id == 2660646


def test_contract_keys_present():
    out = sample_document().to_dict()
    event = out["events"][0]
    for key in ("id", "type", "mode", "context", "cameo", "quad_class", "goldstein", "actor", "recipient",
                "status", "historical", "date", "date_precision", "location", "sentence", "trigger",
                "confidence", "evidence"):
        assert key in event
    assert out["quotes"][0]["speaker"]["name"] == "Joe Biden"
    assert out["article"]["published"] == "2021-12-30"


def test_parse_helpers_find_tokens_sentences_and_subtrees():
    tokens = [Token(0, 0, 5, "Biden", "Biden", "PROPN", "NNP", "nsubj", 1, 0),
              Token(1, 6, 11, "spoke", "speak", "VERB", "VBD", "ROOT", 1, 0),
              Token(2, 11, 12, ".", ".", "PUNCT", ".", "punct", 1, 0)]
    parse = Parse(tokens=tokens, sentences=[Sentence(0, 0, 12, 0, 3)])
    assert parse.token_at(7).text == "spoke"
    assert parse.token_at(5) is None
    assert parse.sentence_at(3).index == 0
    assert parse.children(1) == [0, 2]
    assert parse.subtree(1) == [0, 1, 2]
    assert [t.text for t in parse.tokens_in(0, 6)] == ["Biden"]


def test_tokens_in_matches_a_full_scan_for_every_range():
    words = "Russia denied it . Talks in Geneva resume".split()
    tokens, pos = [], 0
    for i, w in enumerate(words):
        tokens.append(Token(i, pos, pos + len(w), w, w, "X", "X", "dep", i, 0))
        pos += len(w) + 1
    parse = Parse(tokens=tokens, sentences=[Sentence(0, 0, pos, 0, len(tokens))])
    for start in range(pos + 1):
        for end in range(start, pos + 2):
            expected = [t for t in tokens if t.start < end and t.end > start]
            assert parse.tokens_in(start, end) == expected, (start, end)


def _two_sentence_parse(heads: list[int]) -> Parse:
    words = "Kenya closed the border . Talks resumed .".split()
    lemmas = "Kenya close the border . talk resume .".split()
    tokens, pos = [], 0
    for i, (w, lemma) in enumerate(zip(words, lemmas, strict=True)):
        tokens.append(Token(i, pos, pos + len(w), w, lemma, "X", "X", "dep", heads[i], 0 if i < 5 else 1))
        pos += len(w) + 1
    return Parse(tokens=tokens, sentences=[Sentence(0, 0, 24, 0, 5), Sentence(1, 25, pos - 1, 5, 8)])


def test_token_and_sentence_lookups_match_a_full_scan_for_every_offset():
    parse = _two_sentence_parse([1, 1, 3, 1, 1, 6, 6, 6])
    for char in range(parse.tokens[-1].end + 2):
        assert parse.token_at(char) == next((t for t in parse.tokens if t.start <= char < t.end), None), char
        assert parse.sentence_at(char) == next((s for s in parse.sentences if s.start <= char < s.end), None), char


def test_parse_keeps_lower_case_forms_lemmas_and_sentence_words():
    parse = _two_sentence_parse([1, 1, 3, 1, 1, 6, 6, 6])
    assert parse.lower_texts[0] == "kenya" and parse.lower_lemmas[1] == "close"
    assert parse.sentence_words[1] == {"talks", "talk", "resumed", "resume", "."}
    assert parse.child_lists[6] == [5, 7] and parse.children(1) == [0, 3, 4]


def test_sentence_words_cover_the_whole_text_when_an_arc_crosses_sentences():
    parse = _two_sentence_parse([1, 1, 3, 1, 1, 1, 6, 6])  # "Talks" hangs on "closed"
    assert "kenya" in parse.sentence_words[1] and "talk" in parse.sentence_words[0]


def test_object_control_verb_is_the_verb_of_urging_over_an_infinitive():
    words = "Aides urged Ellis to resign and wanted to stay .".split()
    lemmas = "aide urge Ellis to resign and want to stay .".split()
    deps = ["nsubj", "ROOT", "dobj", "aux", "xcomp", "cc", "conj", "aux", "xcomp", "punct"]
    heads = [1, 1, 1, 4, 1, 1, 1, 8, 6, 1]
    tokens, pos = [], 0
    for i, (w, lemma) in enumerate(zip(words, lemmas, strict=True)):
        tokens.append(Token(i, pos, pos + len(w), w, lemma, "X", "X", deps[i], heads[i], 0))
        pos += len(w) + 1
    parse = Parse(tokens=tokens, sentences=[Sentence(0, 0, pos - 1, 0, len(tokens))])
    verbs = {"urge", "force"}
    assert parse.object_control_verb(4, verbs) == 1  # "urged Ellis to resign"
    assert parse.object_control_verb(8, verbs) is None  # "wanted to stay": subject control
    assert parse.object_control_verb(2, verbs) is None  # not an xcomp


def test_span_head_is_the_token_whose_head_lies_outside_the_span():
    words = "Police arrested the former mayor .".split()
    deps = ["nsubj", "ROOT", "det", "amod", "dobj", "punct"]
    heads = [1, 1, 4, 4, 1, 1]
    tokens, pos = [], 0
    for i, w in enumerate(words):
        tokens.append(Token(i, pos, pos + len(w), w, w.lower(), "X", "X", deps[i], heads[i], 0))
        pos += len(w) + 1
    parse = Parse(tokens=tokens, sentences=[Sentence(0, 0, pos - 1, 0, len(tokens))])
    assert parse.span_head(tokens[2].start, tokens[4].end) == 4  # "the former mayor"
    assert parse.span_head(0, pos - 1) == 1  # the whole sentence: its root
    assert parse.span_head(pos + 5, pos + 9) is None  # past the text


def test_actor_lookup_follows_appends_and_replaced_lists():
    doc = sample_document()
    assert doc.actor("joe-biden").name == "Joe Biden" and doc.actor("nobody") is None
    doc.add_actor(Actor(id="vladimir-putin", name="Vladimir Putin", kind="person", country="RUS"))
    assert doc.actor("vladimir-putin").country == "RUS"
    assert doc.add_actor(Actor(id="joe-biden", name="Someone Else")).name == "Joe Biden"
    doc.actors = [Actor(id="joe-biden", name="J. Biden")]
    assert doc.actor("joe-biden").name == "J. Biden" and doc.actor("vladimir-putin") is None
    doc.actors[0].id = "president-biden"  # an id changed in place
    assert doc.actor("president-biden").name == "J. Biden" and doc.actor("joe-biden") is None
