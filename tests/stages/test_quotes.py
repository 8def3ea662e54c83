"""The quotes stage on sentences written for these tests (wire style)."""
from __future__ import annotations

import pytest

from tidings.models import Actor, Mention
from tidings.stages import quotes
from tidings.stages.quotes.marks import find_marked_quotes


def only(found, kind=None):
    matching = [q for q in found if kind is None or q.kind == kind]
    assert len(matching) == 1, [(q.kind, q.text) for q in found]
    return matching[0]


# --- quotation marks alone --------------------------------------------------------------

def test_marks_curly_straight_and_nested():
    text = "“One,” he said. \"Two 'three' four,\" she said. ‘Five’ was the title."
    found = [text[q.start:q.end] for q in find_marked_quotes(text)]
    assert found == ["One", "Two 'three' four", "Five"]


def test_marks_unbalanced_mark_costs_only_its_paragraph():
    text = 'He said: "The plan was rejected.\n\n"We fight on," he said. "Always."'
    found = [text[q.start:q.end] for q in find_marked_quotes(text)]
    assert found == ["The plan was rejected.", "We fight on", "Always."]


def test_marks_stray_mark_inside_a_sentence_opens_nothing():
    text = 'The so-called "peace plan was rejected, officials said. The 12" gun fired.'
    assert find_marked_quotes(text) == []


def test_marks_multi_paragraph_quote_continues():
    text = '"The first phase is over. We move on.\n\n"Nobody should doubt us," he said.'
    first, second = find_marked_quotes(text)
    assert first.continues and first.close_at is None
    assert text[second.start:second.end] == "Nobody should doubt us"


def test_marks_apostrophes_are_not_quotes():
    text = "The generals’ plan didn't work, and Russia's envoy left."
    assert find_marked_quotes(text) == []


# --- direct quotes -----------------------------------------------------------------------

def test_speaker_after_quote(quotes_of):
    q = only(quotes_of('"There is no threat from Russia," Peskov told reporters in Moscow.'))
    assert (q.kind, q.text, q.cue, q.speaker.text) == ("direct", "There is no threat from Russia", "told", "Peskov")


def test_speaker_before_quote_with_colon(quotes_of):
    q = only(quotes_of("The defence minister said: “We will not retreat from the border.”"))
    assert q.kind == "direct" and q.text.startswith("We will not retreat")
    assert q.cue == "said" and q.speaker.text == "The defence minister"


def test_inverted_said_name(quotes_of):
    q = only(quotes_of("“The door to diplomacy remains open,” said Dmitry Peskov, the Kremlin spokesman."))
    assert q.speaker.text == "Dmitry Peskov" and q.cue == "said"


def test_cue_inside_quote_gives_two_quotes_sharing_cue(quotes_of):
    found = quotes_of('"We are ready to talk," Angela Merkel said, "but not under threat."')
    assert [q.text for q in found] == ["We are ready to talk", "but not under threat."]
    assert {(q.cue_start, q.speaker.text) for q in found} == {(found[0].cue_start, "Angela Merkel")}


def test_multi_paragraph_quote_keeps_speaker(quotes_of):
    found = quotes_of('"The first phase of the operation is over," the general said. "We now move to '
                      'the second phase.\n\n"Nobody should doubt our resolve or our numbers."')
    assert len(found) == 3
    assert {q.speaker.text for q in found} == {"the general"}


def test_quote_filling_next_paragraph_inherits_speaker(quotes_of):
    found = quotes_of('"Sanctions will not change our course," Lavrov told a news conference.\n\n'
                      '"We have lived under pressure for years and we will live with it again."')
    assert len(found) == 2 and found[1].speaker.text == "Lavrov"


def test_nested_quote_stays_inside(quotes_of):
    q = only(quotes_of("“When they say ‘peace’, they mean our surrender,” Zelensky said."))
    assert "‘peace’" in q.text and q.speaker.text == "Zelensky"


def test_unbalanced_mark_does_not_lose_the_article(quotes_of):
    found = quotes_of('The so-called "peace plan was rejected by both sides on Monday.\n\n'
                      '"We will fight on," the rebel commander said.\n\n'
                      '"There is nothing to discuss," a government spokesman said.')
    attributed = {q.text: q.speaker.text for q in found if q.speaker}
    assert attributed["We will fight on"] == "the rebel commander"
    assert attributed["There is nothing to discuss"] == "a government spokesman"


def test_partial_quote_inside_indirect_speech(quotes_of):
    q = only(quotes_of('Putin warned of "adequate military-technical measures" if NATO expanded further.'))
    assert q.speaker.text == "Putin" and q.cue == "warned"
    assert "adequate military-technical measures" in q.text


def test_partial_quote_stays_inside_reported_clause(quotes_of):
    q = only(quotes_of('The senator said that the plan was "dead on arrival" in the chamber.'))
    assert q.kind == "indirect" and q.text == 'that the plan was "dead on arrival" in the chamber'


def test_anonymous_source_keeps_description(quotes_of):
    q = only(quotes_of('"We have seen no sign of a withdrawal," a senior administration official said.'))
    assert q.speaker.text == "a senior administration official" and q.speaker.start == 40


def test_short_unattributed_quotes_are_not_quotes(quotes_of):
    assert quotes_of('She watched "Casablanca" twice on the flight to Cairo.') == []


# --- reported speech ----------------------------------------------------------------------

def test_said_that_clause(quotes_of):
    q = only(quotes_of("The senator told reporters that the bill would pass next week."))
    assert (q.kind, q.text, q.cue, q.speaker.text) == (
        "indirect", "that the bill would pass next week", "told", "The senator")


def test_reported_clause_before_cue(quotes_of):
    q = only(quotes_of("The talks have failed, the foreign minister said on Tuesday."))
    assert q.text == "The talks have failed" and q.speaker.text == "the foreign minister"


@pytest.mark.parametrize("sentence, content", [
    ("The ministry said in a statement that the talks had been postponed.", "that the talks had been postponed"),
    ("Analyst Jane Porter wrote in an analysis that the rebels had regrouped.", "that the rebels had regrouped"),
    ("The general said on Twitter that his troops had withdrawn.", "that his troops had withdrawn"),
])
def test_statement_and_written_sources(quotes_of, sentence, content):
    assert only(quotes_of(sentence)).text == content


@pytest.mark.parametrize("sentence, content", [
    ("According to two Western officials, Russia has moved tanks to the border.",
     "Russia has moved tanks to the border"),
    ("Russia has moved tanks to the border, according to two Western officials.",
     "Russia has moved tanks to the border"),
])
def test_according_to(quotes_of, sentence, content):
    q = only(quotes_of(sentence))
    assert (q.text, q.cue.lower(), q.speaker.text) == (content, "according to", "two Western officials")


def test_accused_of(quotes_of):
    q = only(quotes_of("The minister accused Washington of ignoring Russia's security concerns."))
    assert q.cue == "accused" and q.text == "ignoring Russia's security concerns"


def test_cognition_verb(quotes_of):
    q = only(quotes_of("Officials believe the strike killed dozens of fighters."))
    assert q.cue == "believe" and q.text == "the strike killed dozens of fighters"


def test_no_quotes_without_speech(quotes_of):
    assert quotes_of("The army fired shells at the village overnight, killing three people.") == []


# --- speakers ----------------------------------------------------------------------------

def test_pronouns_resolve_by_gender(quotes_of):
    found = quotes_of("Angela Merkel met Emmanuel Macron in Paris on Monday. She said that Europe must stay "
                      "united. He said that France would host the next summit.")
    assert [(q.speaker.text, q.speaker.name) for q in found] == [
        ("She", "Angela Merkel"), ("He", "Emmanuel Macron")]


def test_role_noun_resolves_to_last_named_person(quotes_of):
    found = quotes_of("Dmitry Peskov spoke to reporters on Monday. The spokesman said the Kremlin was not worried.")
    assert only(found).speaker.name == "Dmitry Peskov"


def test_surname_expands_to_full_name(quotes_of):
    found = quotes_of("Sergei Lavrov arrived in Geneva. Lavrov said the proposals were unacceptable.")
    assert only(found).speaker.name == "Sergei Lavrov"


def test_speaker_uses_actor_layer(build_doc):
    doc = build_doc('"We will respond," Kovalenko said.', until="actors")
    start = doc.text.index("Kovalenko")
    doc.actors = [Actor(id="oleh-kovalenko", name="Oleh Kovalenko", kind="person", country="UKR", sector="GOV")]
    doc.mentions = [Mention(start, start + 9, "Kovalenko", "PERSON", "oleh-kovalenko")]
    speaker = only(quotes.run(doc).quotes).speaker
    assert (speaker.actor_id, speaker.name, speaker.country, speaker.sector) == (
        "oleh-kovalenko", "Oleh Kovalenko", "UKR", "GOV")


def test_pronoun_uses_actor_gender_when_offered(build_doc, monkeypatch):
    from tidings.stages import actors

    doc = build_doc("Robin Keller met Sam Ortiz. She said the deal was close.", until="actors")
    doc.actors = [Actor(id="robin-keller", name="Robin Keller", kind="person"),
                  Actor(id="sam-ortiz", name="Sam Ortiz", kind="person")]
    doc.mentions = [Mention(0, 12, "Robin Keller", "PERSON", "robin-keller"),
                    Mention(17, 26, "Sam Ortiz", "PERSON", "sam-ortiz")]
    genders = {"robin-keller": "f", "sam-ortiz": "m"}
    monkeypatch.setattr(actors, "person_gender", genders.get, raising=False)
    assert only(quotes.run(doc).quotes).speaker.actor_id == "robin-keller"


def test_without_parse_nothing_happens(build_doc):
    doc = build_doc('"Yes," he said.', until="actors")
    doc.parse = None
    assert quotes.run(doc).quotes == []


def test_titles_in_marks_are_not_quotes_but_short_answers_are(quotes_of):
    found = quotes_of('"Yes," the senator said on "Fox and Friends" when asked about the vote.')
    assert [(q.text, q.speaker.text) for q in found] == [("Yes", "the senator")]


def test_object_of_speech_verb_and_noun_cue(quotes_of):
    found = quotes_of("The minister criticized the new trade agreement. Critics repeated their claim "
                      "that the vote was rigged.")
    assert [(q.text, q.cue) for q in found] == [
        ("the new trade agreement", "criticized"), ("that the vote was rigged", "claim")]
    assert found[1].speaker.text == "Critics"


def test_doubled_apostrophes_are_double_quotes(quotes_of):
    q = only(quotes_of("''It is more tinkering at the edges,'' said Alan Reyes, an economist."))
    assert (q.text, q.speaker.text) == ("It is more tinkering at the edges", "Alan Reyes")


def test_signed_quote_after_a_dash(quotes_of):
    q = only(quotes_of("“We are not going anywhere, whatever they decide.” ― Jane Alvarez, a nurse from Ohio"))
    assert (q.cue, q.speaker.text) == ("―", "Jane Alvarez")


def test_transcript_turns_are_direct_quotes():
    from tidings.models import Article, Document
    from tidings.stages import nlp

    text = ("Mike Pence and Tim Kaine met in Virginia on Tuesday.\n\n"
            "MODERATOR: Do you think the system is rigged?\n\n"
            'PENCE: Well, look, he has said he "would accept the result" of the vote.')
    doc = quotes.run(nlp.run(Document(Article(id="t", text=text))))
    assert [(q.kind, q.cue, q.speaker.text, q.text[:10]) for q in doc.quotes] == [
        ("direct", ":", "MODERATOR", "Do you thi"), ("direct", ":", "PENCE", "Well, look")]
    assert doc.quotes[1].speaker.name == "Mike Pence"


def test_fragment_inside_reported_phrase_becomes_that_phrase(quotes_of):
    q = only(quotes_of('On Monday the senator described the governor as a "reckless gambler".'))
    assert (q.kind, q.text, q.cue) == ("indirect", 'the governor as a "reckless gambler"', "described")


def test_quoted_transcript_labels():
    from tidings.stages.quotes.marks import find_transcript_turns

    text = '"HOST: Will you run again?\n\n"SEN. OKAFOR: No.\n\nUPDATE: The vote was delayed.'
    assert [text[t.label_start:t.label_end] for t in find_transcript_turns(text)] == ["HOST", "SEN. OKAFOR"]


def test_parenthetical_cue_inside_reported_clause(quotes_of):
    found = quotes_of("If the talks fail, the minister argued, there are other tools in the toolbox.")
    assert found and {q.cue for q in found} == {"argued"}
    assert "there are other tools in the toolbox" in " ".join(q.text for q in found)
    assert all(q.speaker.text == "the minister" for q in found)


def test_anonymous_source_takes_country_from_its_modifier(build_doc):
    doc = build_doc('"We will not allow it," a senior Russian diplomat said.', until="actors")
    start = doc.text.index("Russian")
    doc.actors = [Actor(id="RUS", name="Russia", kind="country", country="RUS")]
    doc.mentions = [Mention(start, start + 7, "Russian", "NORP", "RUS")]
    speaker = only(quotes.run(doc).quotes).speaker
    assert (speaker.text, speaker.country, speaker.actor_id) == ("a senior Russian diplomat", "RUS", None)


def test_according_to_a_statement_from_an_organisation(quotes_of):
    q = only(quotes_of('"The border will remain closed until further notice," according to a statement '
                       "from the Interior Ministry."))
    assert (q.kind, q.cue.lower(), q.speaker.text) == ("direct", "according to", "the Interior Ministry")


def test_document_subject_speaks_for_its_owner(quotes_of):
    q = only(quotes_of("The ministry's statement said the new sanctions were illegal."))
    assert (q.text, q.speaker.text) == ("the new sanctions were illegal", "The ministry")


def test_question_then_cue(quotes_of):
    q = only(quotes_of('"Why now, after ten years of silence?" the senator asked.'))
    assert (q.text, q.cue, q.speaker.text) == ("Why now, after ten years of silence?", "asked", "the senator")


def test_quote_paragraph_after_colon_intro(quotes_of):
    found = quotes_of("After the vote, the prime minister told parliament:\n\n"
                      '"This is a dark day for our democracy, and history will judge us for it."')
    assert [(q.cue, q.speaker.text) for q in found] == [("told", "the prime minister")]


def test_long_apposition_before_cue(quotes_of):
    q = only(quotes_of('"It has the virtue of being fiscally responsible," Leonard Burns, director of a '
                       "research centre in Boston and a professor of economics, said of the plan."))
    assert (q.cue, q.speaker.text) == ("said", "Leonard Burns")


def test_pronoun_prefers_a_person_known_to_match(quotes_of):
    found = quotes_of("Hillary Clinton visited the family of Terrence Okonjo on Friday. She said that "
                      "the investigation must be independent.")
    assert only(found).speaker.name == "Hillary Clinton"


def test_quote_paragraph_after_reported_speech_takes_its_speaker(quotes_of):
    found = quotes_of("Kremlin spokesman Dmitry Peskov said the talks had reached a dead end.\n\n"
                      '"We see no willingness on the other side to take our concerns seriously."')
    direct = only(found, "direct")
    assert (direct.cue, direct.speaker.text) == ("said", "Kremlin spokesman Dmitry Peskov")


def test_reported_clause_drops_leading_conjunction(quotes_of):
    q = only(quotes_of("But the measure is not about revenue, according to the finance ministry."))
    assert q.text == "the measure is not about revenue"


def test_subject_the_parser_attached_elsewhere(quotes_of):
    found = quotes_of("The news set off fireworks on Friday: Republicans said they were convinced the department "
                      "mishandled the inquiry and Democrats accused the party of stoking the issue for political gain.")
    accused = [q for q in found if q.cue == "accused"]
    assert accused and accused[0].speaker.text == "Democrats"


def test_headline_led_by_a_name(quotes_of):
    found = quotes_of("Angela Merkel: 'Europe must stand together against this aggression'\n\n"
                      "Poll: Most voters back the new border policy")
    assert [(q.kind, q.cue, q.speaker.text) for q in found] == [("direct", ":", "Angela Merkel")]


def test_it_resolves_to_the_last_organisation(quotes_of):
    found = quotes_of("Amnesty International published its annual report on Tuesday. It said that "
                      "arbitrary detentions had risen sharply in the region.")
    speaker = only(found).speaker
    assert speaker.text == "It" and "Amnesty International" in speaker.name


def test_title_with_the_sentence_period_inside_the_marks(quotes_of):
    assert quotes_of('The governor made the remarks on Sunday on "Meet the Press."') == []


def test_british_single_quotes(quotes_of):
    found = quotes_of("‘We will not be intimidated by anyone,’ the prime minister said. ‘Our country has "
                      "faced worse and we have always prevailed.’\n\nHer aides said she was ‘deeply concerned’.")
    assert [(q.kind, q.speaker.text) for q in found] == [
        ("direct", "the prime minister"), ("direct", "the prime minister"), ("indirect", "Her aides")]


def test_description_with_a_name_in_apposition_speaks_as_that_person(build_doc):
    doc = build_doc("The ministry's chief spokesman, Ravi Menon, said the border talks would resume next week.",
                    until="quotes")
    (quote,) = doc.quotes
    assert quote.kind == "indirect" and quote.speaker.text == "Ravi Menon"


def test_nested_reported_speech_gives_output_in_proportion_to_the_input(build_doc):
    from tidings.stages.quotes import MAX_QUOTE_CHARS, MAX_QUOTE_DEPTH

    for n in (100, 400):
        text = "Russia said " * n
        doc = build_doc(text, until="quotes")
        assert doc.quotes and all(q.end - q.start <= MAX_QUOTE_CHARS for q in doc.quotes)
        assert sum(q.end - q.start for q in doc.quotes) <= MAX_QUOTE_DEPTH * len(doc.text)


def test_a_quote_span_is_cut_at_its_paragraph_and_at_a_word_break():
    from tidings.stages.quotes import MAX_QUOTE_CHARS, bounded
    from tidings.stages.quotes.marks import paragraphs

    text = "He said the talks had failed.\n\nNext paragraph."
    assert bounded(text, paragraphs(text), 8, len(text)) == (8, 29)
    long = "word " * 1000
    start, end = bounded(long, paragraphs(long), 0, len(long))
    assert start == 0 and end <= MAX_QUOTE_CHARS and long[end - 4:end] == "word"


def test_a_speech_verb_attributes_its_clause_to_its_subject_on_a_fixed_tree():
    """Written by hand (tests/parses.py), so the rule is tested whatever tree the model gives the sentence."""
    from tests.parses import doc_from_conllu
    from tidings.stages import actors

    doc = quotes.run(actors.run(doc_from_conllu("""
        1   Peskov  Peskov  PROPN  NNP  _  2  nsubj  _  NER=B-PERSON
        2   said    say     VERB   VBD  _  0  ROOT   _  _
        3   the     the     DET    DT   _  4  det    _  _
        4   talks   talk    NOUN   NNS  _  6  nsubj  _  _
        5   had     have    AUX    VBD  _  6  aux    _  _
        6   failed  fail    VERB   VBN  _  2  ccomp  _  SpaceAfter=No
        7   .       .       PUNCT  .    _  2  punct  _  _
    """, published="2022-03-01")))
    quote = only(doc.quotes)
    assert (quote.kind, quote.text, quote.cue, quote.speaker.text) == ("indirect", "the talks had failed", "said",
                                                                     "Peskov")
    assert quote.speaker.actor_id == "dmitry-peskov"
