"""Speakers from the discourse, documents by their authors, and content that says nothing (sentences written
for these tests)."""
from __future__ import annotations

from tests.parses import doc_from_conllu
from tidings.stages import quotes


def _speakers(found):
    return [(q.speaker.text, q.speaker.name) for q in found]


def test_he_said_is_the_last_speaker_not_the_last_man_named(quotes_of):
    found = quotes_of("Tom Keller said the deal was fair to the dockers represented by Mark Dunn's union. "
                      '"We will sign it on Friday," he said.')
    assert _speakers(found)[-1] == ("he", "Tom Keller")


def test_she_said_skips_a_speaker_of_the_other_gender(quotes_of):
    found = quotes_of("Anna Berg said the port would reopen. Tom Keller said the deal was fair. "
                      '"It is a good day for the town," she said.')
    assert _speakers(found)[-1] == ("she", "Anna Berg")


def test_he_in_the_speakers_own_sentence_is_the_subject_before_it(quotes_of):
    found = quotes_of('"We are ready," Carlos Mendes said. '
                      "Peter Lang said after the vote he would not accept the result.")
    assert _speakers(found)[-1] == ("he", "Peter Lang")


def test_quoted_words_inside_an_earlier_cues_complement_are_that_speakers(quotes_of):
    found = quotes_of('Police chief Rafael Ortiz said it did not give "any clear evidence that anyone in the car was '
                      'pointing a weapon at the officers," but he said the inquiry would go on.')
    quoted = next(q for q in found if "any clear evidence" in q.text)
    first_said = len("Police chief Rafael Ortiz ")
    assert (quoted.cue, quoted.cue_start, quoted.speaker.name) == ("said", first_said, "Rafael Ortiz")


def test_a_letter_is_spoken_by_its_signers_not_its_addressee(quotes_of):
    found = quotes_of("An open letter addressed to Interior Minister Karl Weber and signed by 40 mayors says "
                      "the reform will close rural schools.")
    assert [q.speaker.text for q in found] == ["40 mayors"]


def test_a_bare_noun_for_speech_is_no_quote(quotes_of):
    assert quotes_of("The ministry denied the allegations on Tuesday.") == []


def test_a_reported_amount_is_no_quote(quotes_of):
    found = quotes_of("Analysts estimated $4.5 billion. The agency said the harvest would be poor.")
    assert [q.text for q in found] == ["the harvest would be poor"]


def test_a_speaker_before_the_cue_when_the_parser_took_a_subject_inside_the_quotation(quotes_of):
    found = quotes_of('"My reaction, that was a mistake," the former campaign strategist said in an interview.')
    assert [q.speaker.text for q in found] == ["the former campaign strategist"]


def test_a_reported_figure_is_no_quote(quotes_of):
    found = quotes_of("The carmaker reported net income of $104m for the quarter. "
                      "The minister denied any role in the 2019 contract.")
    assert [q.text for q in found] == ["any role"]


def test_who_after_a_quoted_phrase_stands_for_the_noun_next_to_it():
    # the parser hangs "who said" from the quoted noun instead of "Conservatives"
    doc = quotes.run(doc_from_conllu('''
        1   The            the            DET    DT    _  2   det        _  _
        2   posters        poster         NOUN   NNS   _  4   nsubjpass  _  _
        3   were           be             AUX    VBD   _  4   auxpass    _  _
        4   labelled       label          VERB   VBN   _  0   root       _  _
        5   a              a              DET    DT    _  8   det        _  _
        6   "              "              PUNCT  ``    _  8   punct      _  SpaceAfter=No
        7   big            big            ADJ    JJ    _  8   amod       _  _
        8   blunder        blunder        NOUN   NN    _  4   oprd       _  SpaceAfter=No
        9   "              "              PUNCT  ''    _  8   punct      _  _
        10  by             by             ADP    IN    _  4   agent      _  _
        11  the            the            DET    DT    _  12  det        _  _
        12  Conservatives  Conservatives  PROPN  NNPS  _  10  pobj       _  NER=B-NORP
        13  who            who            PRON   WP    _  14  nsubj      _  _
        14  said           say            VERB   VBD   _  8   relcl      _  _
        15  the            the            DET    DT    _  16  det        _  _
        16  campaign       campaign       NOUN   NN    _  18  nsubj      _  _
        17  had            have           AUX    VBD   _  18  aux        _  _
        18  backfired      backfire       VERB   VBN   _  14  ccomp      _  SpaceAfter=No
        19  .              .              PUNCT  .     _  4   punct      _  _
    '''))
    reported = next(q for q in doc.quotes if q.text == "the campaign had backfired")
    assert (reported.speaker.text, reported.speaker.name) == ("who", "Conservatives")


def test_a_letter_someone_received_speaks_for_its_sender_not_its_reader(quotes_of):
    found = quotes_of("The minister received a letter from the farmers' union saying the subsidy cuts would ruin them.")
    assert [q.speaker.text for q in found] == ["the farmers' union"]


def test_a_statement_someone_issued_speaks_for_its_issuer(quotes_of):
    found = quotes_of("The dockworkers' unions issued a statement saying the strike would continue.")
    assert [q.speaker.text for q in found] == ["The dockworkers' unions"]


def test_a_name_beats_a_relativizer_the_parser_also_took_for_the_subject():
    doc = quotes.run(doc_from_conllu('''
        1   Critics   critic    NOUN   NNS  _  2   nsubj   _  _
        2   listed    list      VERB   VBD  _  0   root    _  _
        3   the       the       DET    DT   _  4   det     _  _
        4   reasons   reason    NOUN   NNS  _  2   dobj    _  _
        5   that      that      PRON   WDT  _  7   nsubj   _  _
        6   Smith     Smith     PROPN  NNP  _  7   nsubj   _  NER=B-PERSON
        7   refuses   refuse    VERB   VBZ  _  4   relcl   _  _
        8   to        to        PART   TO   _  9   aux     _  _
        9   publish   publish   VERB   VB   _  7   xcomp   _  _
        10  his       his       PRON   PRP$ _  11  poss    _  _
        11  returns   return    NOUN   NNS  _  9   dobj    _  SpaceAfter=No
        12  .         .         PUNCT  .    _  2   punct   _  _
    '''))
    refusal = next(q for q in doc.quotes if q.cue == "refuses")
    assert refusal.speaker.text == "Smith"
