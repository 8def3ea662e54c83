"""Property tests (hypothesis): `tidings.extract` on any string raises nothing but BadInput, keeps every offset
inside its article text and its output linear in the input; the JSONL reader on any bytes never raises and gives
one outcome per line. Example counts are kept small (about a minute in all)."""
import json
from pathlib import Path
from tempfile import TemporaryDirectory

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import tidings
from tests.batch.stories import STORIES
from tidings.models import Failure, RawArticle
from tidings.stages.ingest.jsonl import read_jsonl

#: Total characters of quotes / mentions, and of serialized events, per character of input (plus a floor for
#: very short inputs, whose one event record is longer than they are).
QUOTE_MENTION_FACTOR = 3
EVENT_FACTOR, EVENT_FLOOR = 40, 4000

WORDS = [w for story in STORIES.values() for w in story.split()]
HOSTILE_CHARS = st.characters(codec=None, exclude_categories=())  # every code point, surrogates included
fragments = st.one_of(
    st.sampled_from(WORDS), st.sampled_from(list(STORIES.values())),
    st.text(HOSTILE_CHARS, max_size=20),
    st.sampled_from(['"', "\u201c", "\u201d", "<p>", "</p>", "<script>", "</script>", "<html>", "&amp;", "&#0;",
                     "\n", "\r\n", "\x00", "\ufeff", "\u202e", " said ", " met ", " on Monday", "-", "  "]),
)
articles = st.one_of(st.text(HOSTILE_CHARS, max_size=300),
                     st.lists(fragments, max_size=40).map(" ".join),
                     st.lists(fragments, max_size=40).map("".join))
FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def offsets(value, path="doc"):
    """Every (where, start, end) pair in a Document's dict form."""
    if isinstance(value, dict):
        if isinstance(value.get("start"), int) and isinstance(value.get("end"), int):
            yield path, value["start"], value["end"]
        if isinstance(value.get("cue_start"), int) and isinstance(value.get("cue_end"), int):
            yield path + ".cue", value["cue_start"], value["cue_end"]
        for key, inner in value.items():
            yield from offsets(inner, f"{path}.{key}")
    elif isinstance(value, list):
        for n, inner in enumerate(value):
            yield from offsets(inner, f"{path}[{n}]")


@FAST
@given(articles)
def test_extract_raises_only_bad_input_and_stays_inside_the_text(text):
    try:
        doc = tidings.extract(text, min_confidence=0)
    except tidings.BadInput:
        return
    body = doc.article.text
    for name in ("mentions", "quotes", "dates", "places", "amounts"):
        for where, start, end in offsets([r.to_dict() for r in getattr(doc, name)], name):
            assert 0 <= start <= end <= len(body), (where, start, end, len(body))
    for where, start, end in offsets([e.to_dict() for e in doc.events], "events"):
        assert 0 <= start <= end <= len(body), (where, start, end, len(body))
    size = max(len(text), 1)
    assert sum(len(q.text) for q in doc.quotes) <= QUOTE_MENTION_FACTOR * size
    assert sum(len(m.text) for m in doc.mentions) <= QUOTE_MENTION_FACTOR * size
    assert sum(len(json.dumps(e.to_dict(), default=str)) for e in doc.events) <= EVENT_FACTOR * size + EVENT_FLOOR


@settings(max_examples=20, deadline=None)
@given(st.one_of(st.integers(), st.binary(), st.none(), st.lists(st.text(max_size=5), max_size=3)))
def test_extract_on_anything_but_a_string_is_a_type_error(value):
    try:
        tidings.extract(value)
    except TypeError:
        return
    raise AssertionError("no TypeError")


line_pieces = st.one_of(
    st.binary(max_size=60),
    st.builds(lambda r: json.dumps(r).encode(), st.dictionaries(
        st.sampled_from(["id", "text", "html", "url", "title", "published", "source", "x"]),
        st.one_of(st.text(HOSTILE_CHARS, max_size=30).map(lambda s: s.encode("utf-8", "surrogatepass")
                                                           .decode("utf-8", "replace")),
                  st.integers(), st.none(), st.floats(allow_nan=True), st.lists(st.integers(), max_size=2)),
        max_size=5)),
    st.sampled_from([b"", b" ", b"\r", b"{", b"[]", b"null", b'"s"', b"\xff\xfe", b"\xed\xa0\x80", b"[" * 5000]),
)


@settings(max_examples=150, deadline=None)
@given(st.lists(line_pieces, max_size=12), st.sampled_from([b"\n", b"\r\n"]), st.booleans(), st.booleans())
def test_the_jsonl_reader_never_raises_and_gives_one_outcome_per_line(pieces, newline, final_newline, blank_lines):
    lines = [p.replace(b"\n", b" ") for p in pieces]
    data = newline.join(lines) + (newline if final_newline and lines else b"")
    with TemporaryDirectory() as folder:
        path = Path(folder) / "batch.jsonl"
        path.write_bytes(data)
        out = list(read_jsonl(path, stem_id="batch", max_bytes=200, blank_lines=blank_lines))
    assert all(isinstance(item, (RawArticle, Failure)) for item in out)
    assert all(item.reason for item in out if isinstance(item, Failure))
    counted = data.split(b"\n")
    if counted[-1] == b"":  # what follows the last newline is no line
        counted.pop()
    nonblank = sum(1 for line in counted if line.strip())
    assert len(out) == (len(counted) if blank_lines else nonblank) + (0 if nonblank else 1)  # none: 'empty'
