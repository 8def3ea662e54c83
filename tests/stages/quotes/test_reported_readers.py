"""The reported-speech generators one by one, the tables that route to them and the selector (sentences written
for these tests)."""
from __future__ import annotations

import pytest

from tests.parses import doc_from_conllu
from tidings.resources import quotes as quote_lexicon
from tidings.stages import actors, quotes
from tidings.stages.quotes.attribution import Attributor, Cue, Reported
from tidings.stages.quotes.reported import COMPLEMENT_READERS, TOKEN_READERS, ReportedSpeech


@pytest.fixture(scope="module")
def reader_of(build_doc):
    """``reader_of(text)`` → (the ReportedSpeech of ``text``, its text)."""
    def build(text: str) -> tuple[ReportedSpeech, str]:
        doc = build_doc(text, until="actors")
        assert doc.parse is not None
        return ReportedSpeech(Attributor(doc.parse, doc.text, quote_lexicon.load(), [])), doc.text
    return build


def _token(speech: ReportedSpeech, word: str) -> int:
    return next(t.i for t in speech.parse.tokens if t.text == word)


@pytest.mark.parametrize("sentence, verb, reader, content", [
    ("The minister said that the talks had failed.", "said", "clause", "that the talks had failed"),
    ("Senator Maria Okafor refused to testify before the committee.", "refused", "infinitive",
     "to testify before the committee"),
    ("The mayor warned of a crisis in the water supply.", "warned", "prep_object", "a crisis in the water supply"),
    ("The union criticized the trade deal.", "criticized", "content_object", "the trade deal"),
])
def test_each_complement_reader_reads_its_construction(reader_of, sentence, verb, reader, content):
    speech, text = reader_of(sentence)
    found = list(getattr(ReportedSpeech, reader)(speech, _token(speech, verb)))
    assert found and text[slice(*speech._trim(*found[0]))] == content


def test_complement_readers_are_ordered_and_gated():
    names = [rule.reader.__name__ for rule in COMPLEMENT_READERS]
    assert names[:2] == ["clause", "bare_adverbial"]
    assert all(not rule.stance for rule in COMPLEMENT_READERS[:2])  # a stance verb takes no clause
    assert all(rule.lemmas is not None for rule in COMPLEMENT_READERS[3:])  # verbs listed for them only


def test_a_token_goes_to_the_first_reader_it_triggers(reader_of):
    speech, _ = reader_of("According to the ministry, the border will reopen on Monday.")
    tok = speech.parse.tokens[_token(speech, "According")]
    rule = next(rule for rule in TOKEN_READERS if speech._triggers(rule, tok))
    assert rule.reader is ReportedSpeech.according


def test_a_token_no_reader_triggers_has_no_candidates(reader_of):
    speech, _ = reader_of("The border will reopen on Monday.")
    assert list(speech.candidates(speech.parse.tokens[_token(speech, "border")])) == []


def test_select_trims_and_drops_an_embedded_stance(reader_of):
    speech, text = reader_of("Moscow accused Kyiv of ignoring the talks.")
    accused, ignoring = _token(speech, "accused"), _token(speech, "ignoring")
    assert speech._is_stance(ignoring)
    kyiv, end = text.index("Kyiv"), len(text) - 1
    outer = Reported(kyiv - 1, end, Cue((accused,), None))  # " Kyiv of ignoring the talks"
    inner = Reported(text.index("the talks"), end, Cue((ignoring,), None))  # a stance inside what Moscow said
    blank = Reported(kyiv - 1, kyiv, Cue((accused,), None))  # " ": nothing once trimmed
    assert [(r.start, r.end) for r in speech.select([outer, inner, blank])] == [(kyiv, end)]


def test_in_mind_is_no_source_phrase(quotes_of):
    assert quotes_of("That was not what the council had in mind when it approved the plan.") == []


def test_a_promise_is_its_infinitive_not_a_clause_after_it():
    # the parser hangs the clause after the dash on "promising"
    doc = quotes.run(actors.run(doc_from_conllu('''
        1   Kovac      Kovac    PROPN  NNP  _  2   nsubj  _  NER=B-PERSON
        2   arrived    arrive   VERB   VBD  _  0   root   _  SpaceAfter=No
        3   ,          ,        PUNCT  ,    _  4   punct  _  _
        4   promising  promise  VERB   VBG  _  2   advcl  _  _
        5   to         to       PART   TO   _  6   aux    _  _
        6   cut        cut      VERB   VB   _  4   xcomp  _  _
        7   taxes      tax      NOUN   NNS  _  6   dobj   _  _
        8   ―          ―        PUNCT  :    _  4   punct  _  _
        9   not        not      PART   RB   _  12  neg    _  _
        10  what       what     PRON   WP   _  12  dobj   _  _
        11  Lind       Lind     PROPN  NNP  _  12  nsubj  _  NER=B-PERSON
        12  wanted     want     VERB   VBD  _  4   ccomp  _  SpaceAfter=No
        13  .          .        PUNCT  .    _  2   punct  _  _
    ''')))
    assert [q.text for q in doc.quotes if q.cue == "promising"] == ["to cut taxes"]


def _noun_cue_speaker(conllu):
    doc = quotes.run(actors.run(doc_from_conllu(conllu)))
    return [(q.cue, q.speaker.text if q.speaker else None) for q in doc.quotes if q.kind == "indirect"]


def test_a_report_named_for_its_publisher_is_the_publishers():
    assert ("report", "Reuters") in _noun_cue_speaker('''
        1   Voters  voter   NOUN   NNS  _  2   nsubj     _  _
        2   read    read    VERB   VBD  _  0   root      _  _
        3   a       a       DET    DT   _  5   det       _  _
        4   Reuters Reuters PROPN  NNP  _  5   compound  _  NER=B-ORG
        5   report  report  NOUN   NN   _  2   dobj      _  _
        6   that    that    SCONJ  IN   _  9   mark      _  _
        7   the     the     DET    DT   _  8   det       _  _
        8   mine    mine    NOUN   NN   _  9   nsubj     _  _
        9   closed  close   VERB   VBD  _  5   acl       _  SpaceAfter=No
        10  .       .       PUNCT  .    _  2   punct     _  _
    ''')


def test_warnings_from_someone_are_theirs_not_the_readers():
    assert ("warnings", "its auditors") in _noun_cue_speaker('''
        1   The         the         DET    DT    _  2   det     _  _
        2   board       board       NOUN   NN    _  3   nsubj   _  _
        3   ignored     ignore      VERB   VBD   _  0   root    _  _
        4   warnings    warning     NOUN   NNS   _  3   dobj    _  _
        5   from        from        ADP    IN    _  4   prep    _  _
        6   its         its         PRON   PRP$  _  7   poss    _  _
        7   auditors    auditor     NOUN   NNS   _  5   pobj    _  _
        8   that        that        SCONJ  IN    _  11  mark    _  _
        9   the         the         DET    DT    _  10  det     _  _
        10  accounts    account     NOUN   NNS   _  11  nsubj   _  _
        11  were        be          AUX    VBD   _  4   acl     _  _
        12  incomplete  incomplete  ADJ    JJ    _  11  acomp   _  SpaceAfter=No
        13  .           .           PUNCT  .     _  3   punct   _  _
    ''')


def test_a_cue_ending_the_sentence_reports_every_clause_before_it():
    # the parser makes "added" a conjunct of "told" with only the second clause as its complement
    doc = quotes.run(actors.run(doc_from_conllu('''
        1   Vance      Vance      PROPN  NNP  _  3   nsubj     _  NER=B-PERSON
        2   had        have       AUX    VBD  _  3   aux       _  _
        3   told       tell       VERB   VBN  _  0   root      _  _
        4   aides      aide       NOUN   NNS  _  3   dobj      _  _
        5   that       that       SCONJ  IN   _  7   mark      _  _
        6   she        she        PRON   PRP  _  7   nsubj     _  _
        7   resigned   resign     VERB   VBD  _  3   ccomp     _  SpaceAfter=No
        8   ,          ,          PUNCT  ,    _  3   punct     _  _
        9   but        but        CCONJ  CC   _  3   cc        _  _
        10  the        the        DET    DT   _  11  det       _  _
        11  party      party      NOUN   NN   _  12  nsubj     _  _
        12  refused    refuse     VERB   VBD  _  17  ccomp     _  SpaceAfter=No
        13  ,          ,          PUNCT  ,    _  17  punct     _  _
        14  an         an         DET    DT   _  15  det       _  _
        15  aide       aide       NOUN   NN   _  17  nsubj     _  _
        16  later      later      ADV    RB   _  17  advmod    _  _
        17  added      add        VERB   VBD  _  3   conj      _  SpaceAfter=No
        18  .          .          PUNCT  .    _  17  punct     _  _
    ''')))
    added = next(q for q in doc.quotes if q.cue == "added")
    assert added.text == "Vance had told aides that she resigned, but the party refused"
