"""The coreference layer: pronouns, party phrases and descriptions linked to parties (sentences written for
these tests)."""
from __future__ import annotations

import pytest

from tidings.models import Document
from tidings.stages import coref


@pytest.fixture(scope="module")
def linked(build_doc):
    """``linked(text)`` → the document with its coreference layer (actors and places first)."""
    def run(text: str) -> Document:
        doc = coref.run(build_doc(text, until="places"))
        for link in doc.corefs:
            assert doc.text[link.start:link.end] == link.text
            for ref in link.refs:
                if ref.start is not None:
                    assert doc.text[ref.start:ref.end] == ref.text
                if ref.actor_id is not None:
                    assert doc.actor(ref.actor_id) is not None  # every id points into doc.actors
        return doc
    return run


def pronoun(doc: Document, word: str, nth: int = 0):
    """The link of the ``nth`` pronoun ``word`` (case-insensitive)."""
    links = [c for c in doc.corefs if c.kind == "pronoun" and c.text.lower() == word.lower()]
    return links[nth]


def names(link) -> list[str | None]:
    return [r.name or r.text for r in link.refs]


def test_he_said_after_two_named_men_is_the_one_who_spoke(linked):
    doc = linked("Martin Kessler met Paul Ostrander in Vienna on Monday. Ostrander said the talks went well. "
                 "He said a deal could follow within weeks.")
    link = pronoun(doc, "He")
    assert names(link) == ["Paul Ostrander"]
    assert (link.gender, link.number) == ("male", "singular")


def test_she_skips_a_man_for_a_woman(linked):
    doc = linked("Angela Moreno and Robert Tilly debated on Tuesday. She said the budget was unrealistic.")
    assert names(pronoun(doc, "She")) == ["Angela Moreno"]
    doc = linked("Robert Tilly and Angela Moreno debated on Tuesday. She said the budget was unrealistic.")
    assert names(pronoun(doc, "She")) == ["Angela Moreno"]


def test_the_minister_then_he(linked):
    doc = linked("The Russian foreign minister arrived in Geneva on Monday. He met diplomats from France.")
    minister = next(c for c in doc.corefs if c.kind == "phrase" and "minister" in c.text)
    link = pronoun(doc, "He")
    assert link.refs and minister.refs
    assert link.refs[0].actor_id == minister.refs[0].actor_id is not None
    assert link.refs[0].country == "RUS"


def test_the_company_then_it(linked):
    doc = linked("Siemens cut 3,000 jobs in Germany last year. It said on Friday that more cuts would follow.")
    link = pronoun(doc, "It")
    assert names(link) == ["Siemens"] and link.number == "singular"


def test_plural_they_is_a_group_not_a_person(linked):
    doc = linked("Opposition lawmakers met Maria Lopez on Sunday. They said the budget was unrealistic.")
    link = pronoun(doc, "They")
    assert link.number == "plural"
    assert [r.text for r in link.refs] == ["Opposition lawmakers"]
    doc = linked("Maria Lopez met the governor on Sunday. They said the talks had gone well.")
    assert pronoun(doc, "They").refs == []


def test_an_object_pronoun_is_not_the_subject_of_its_own_clause(linked):
    doc = linked("Liam Fox spoke on Monday. But Charles Clarke accused him of trying to score cheap points.")
    assert names(pronoun(doc, "him")) == ["Liam Fox"]


def test_it_in_a_clause_below_a_country_is_that_country(linked):
    doc = linked("Syria says it will attend the peace talks in Geneva.")
    link = pronoun(doc, "it")
    assert [r.country for r in link.refs] == ["SYR"] and link.rule == "clause-subject"


def test_a_relative_pronoun_is_its_antecedent(linked):
    doc = linked("The talks were opened by Vladimir Putin, who said Russia wanted peace.")
    assert names(pronoun(doc, "who")) == ["Vladimir Putin"]


def test_a_definite_role_noun_is_the_person_named_before(linked):
    doc = linked("Greta Lindqvist spoke to reporters on Monday. The spokeswoman said the ministry would respond.")
    link = next(c for c in doc.corefs if c.kind == "description")
    assert link.text == "The spokeswoman" and names(link) == ["Greta Lindqvist"] and link.gender == "female"


def test_a_nationality_looked_up_in_a_phrase_joins_the_actors(linked):
    doc = linked("Officials rejected an Indian proposal on Monday.")
    phrase = next(c for c in doc.corefs if c.kind == "phrase" and c.text.endswith("proposal"))
    assert [r.country for r in phrase.refs] == ["IND"]
    assert any(a.country == "IND" for a in doc.actors)


def test_people_get_their_gender(linked):
    doc = linked("Vladimir Putin met Angela Merkel in Berlin on Monday to discuss gas supplies to Europe.")
    assert {a.id: a.gender for a in doc.actors if a.kind == "person"} == {
        "vladimir-putin": "male", "angela-merkel": "female"}  # the knowledge base's
    doc = linked("Mrs Adaeze Obi met the new budget committee in Abuja on Monday to discuss the state budget.")
    # the actors stage may keep the title in the mention ("Mrs Adaeze"): the title still gives the gender
    assert [a.gender for a in doc.actors if a.kind == "person"] == ["female"]


def test_a_stage_alone_builds_the_layer_when_needed(build_doc):
    doc = build_doc("Syria says it will attend.", until="places")
    assert doc.corefs is None
    assert [r.country for r in coref.refs_for(doc, 2)] == ["SYR"]
    assert doc.corefs is not None


def test_the_layer_stays_out_of_the_output_contract(linked):
    doc = linked("Syria says it will attend.")
    assert "corefs" not in doc.to_dict()
    assert Document.from_dict(doc.to_dict()).corefs is None


def test_courtesy_titles_take_their_gender_from_the_actors_honorifics():
    from tidings.resources.actors import honorifics
    from tidings.stages.coref import pronouns

    codes = {"m": "male", "f": "female"}
    assert pronouns._HONORIFIC_GENDER == {w.lower(): codes[g] for w, g in honorifics().items() if g}
    assert pronouns._HONORIFIC_GENDER["sheikha"] == "female" and "dr." not in pronouns._HONORIFIC_GENDER


def test_first_person_is_the_writer_outside_quotes_and_the_speaker_inside(linked):
    doc = linked("I met Governor Tomas Reyes in Austin on Monday. He spoke about the budget.")
    assert pronoun(doc, "I").refs == []
    doc = linked('"We will respond to any attack," the Russian defence ministry said on Monday.')
    assert [r.country for r in pronoun(doc, "We").refs] == ["RUS"]


def test_quoted_we_is_the_speaker_named_by_a_pronoun(linked):
    doc = linked('Union leader Maria Okafor spoke in Leeds on Monday. '
                 '"We have not ruled out a strike and we oppose the pay offer," she said.')
    assert names(pronoun(doc, "We")) == ["Maria Okafor"] and pronoun(doc, "We").rule == "clause-subject"
    assert names(pronoun(doc, "we")) == ["Maria Okafor"]


def test_quoted_i_without_a_cue_in_its_sentence_is_the_last_speaker(linked):
    doc = linked('Lord Carlile said the plan was flawed. "We will not accept it. I intend to press for a safeguard." '
                 'I met him later.')
    assert names(pronoun(doc, "We")) == ["Lord Carlile"] and names(pronoun(doc, "I")) == ["Lord Carlile"]
    assert pronoun(doc, "I", 1).refs == []  # outside the quotation: the writer


def test_quoted_i_under_a_verb_that_is_no_speech_is_not_its_pronoun_subject(linked):
    doc = linked('Liverpool lost the final in May. Tom Becker told the radio station: "It is true that when I '
                 'apologised there were things I regretted," he said.')
    assert names(pronoun(doc, "I")) == ["Tom Becker"]  # not "It" above it, which is Liverpool


# One pronoun per row: (what it catches, text, pronoun, the name it stands for).
STANDS_FOR = [
    ("quoted_i_between_doubled_backticks_and_apostrophes_is_the_speaker",
     "``As a mother, I urge both sides to stop the shelling,'' Maria Santos said.", "I", "Maria Santos"),
    ("he_stands_for_someone_not_for_something",
     'Paul Ostrander spoke in Vienna on Monday. "That," he added, "is the difference."', "he", "Paul Ostrander"),
    ("it_is_no_person", "Siemens hired Angela Moreno last year. It said on Friday that profits had doubled.", "It",
     "Siemens"),
]


@pytest.mark.parametrize("text, word, name", [row[1:] for row in STANDS_FOR], ids=[row[0] for row in STANDS_FOR])
def test_a_pronoun_stands_for(linked, text, word, name):
    assert names(pronoun(linked(text), word)) == [name]


def test_subject_it_continues_the_previous_sentences_body(linked):
    doc = linked("The Food and Agriculture Organization urged the World Trade Organization to end farm subsidies. "
                 "It also criticised the high tariffs of rich nations.")
    link = pronoun(doc, "It")
    assert names(link) == ["Food and Agriculture Organization"] and link.rule == "previous-subject"


def test_subject_it_does_not_continue_a_thing_owned_by_a_body(linked):
    doc = linked("Siemens hired Angela Moreno last year. Siemens's announcement of the deal surprised analysts. "
                 "It said on Friday that profits had doubled.")
    assert pronoun(doc, "It").rule != "previous-subject"


def test_subject_pronoun_continues_the_previous_sentences_subject(linked):
    doc = linked("Prime Minister Tom Hale said John Carter had been a loyal colleague. "
                 "During the long years in opposition, John Carter held several senior posts. "
                 "He quit the party in 2009.")
    link = pronoun(doc, "He")
    assert any("Carter" in n for n in names(link)) and link.rule == "previous-subject"


def test_previous_subject_of_the_other_gender_is_passed_over(linked):
    doc = linked("Senator Mark Olsen praised the plan on Monday. Governor Anna Ruiz rejected it on Tuesday. "
                 "He said the vote would go ahead.")
    assert any("Olsen" in n for n in names(pronoun(doc, "He")))


@pytest.mark.parametrize(("text", "word", "expected"), [
    # the participle's unspoken subject is the writer, so "them" is whom the letter went to
    ("The Bishop of Leeds wrote to all four parties on Sunday urging them to drop the plan.", "them", "four parties"),
    # the same when the parser hangs the participle on the addressee noun itself
    ("A group of nurses sent a letter to the hospital trustees urging them to reconsider.", "them", "trustees"),
    # a conjoined verb's object is the first verb's object, not its subject
    ("Omar Haddad met the Italian president in Rome and urged him to release the prisoners.", "him", "president"),
])
def test_object_pronoun_of_a_participle_or_conjoined_verb_is_the_verb_aboves_object(linked, text, word, expected):
    link = pronoun(linked(text), word)
    assert link.rule == "governor-object" and any(expected in r.text for r in link.refs)


def test_an_object_pronoun_of_an_infinitive_is_not_the_one_told_to_act(linked):
    doc = linked("Maria Lopez told the farmers on Monday to sell them before the winter.")
    assert pronoun(doc, "them").rule != "governor-object"


@pytest.mark.parametrize(("text", "head", "expected"), [
    ("A spokesman for the Liberty Party said the vote was rigged.", "spokesman", "spokesman for the Liberty Party"),
    ("The MP for Ealing North said the bill was wrong.", "MP", "MP for Ealing North"),
    # no name after "for": not part of who the actor is
    ("A man for all seasons said nothing.", "man", "man"),
])
def test_a_for_phrase_naming_a_body_belongs_to_the_actor_phrase(build_doc, text, head, expected):
    doc = build_doc(text, until="places")
    i = next(t.i for t in doc.parse.tokens if t.text == head)
    (ref,) = coref.phrases.resolve_phrase(doc, i)
    assert ref.text == expected


@pytest.mark.parametrize(("text", "head"), [
    # a finite verb is a clause about the thing, never a participle naming whose it is
    ("Senator Maria Lopez rejected the idea that Iran armed the rebels.", "idea"),
    ("Senator Maria Lopez dismissed reports that Russia sent troops to the border.", "reports"),
])
def test_a_party_inside_a_clause_on_a_thing_does_not_own_it(build_doc, text, head):
    doc = build_doc(text, until="places")
    i = next(t.i for t in doc.parse.tokens if t.text == head)
    (ref,) = coref.phrases.resolve_phrase(doc, i)
    assert ref.country is None and ref.actor_id is None


@pytest.mark.parametrize(("text", "nth", "expected"), [
    # a possessive in a phrase fronted before its clause looks ahead to the clause's named subject
    ("Governor Tom Hale spoke on Monday. After his arrest, Mr Peter Ross was taken to Tehran.", 0, "Ross"),
    ("Governor Tom Hale spoke on Monday. In the days before his arrest Mr Peter Ross gave interviews to the BBC.",
     0, "Ross"),
    # not to a subject of the other gender
    ("Governor Tom Hale spoke on Monday. In his speech, Senator Anna Berg criticised the plan.", 0, "Hale"),
])
def test_a_possessive_fronted_before_its_subject_stands_for_that_subject(linked, text, nth, expected):
    link = pronoun(linked(text), "his", nth)
    assert any(expected in (n or "") for n in names(link))


def test_a_possessor_phrase_ends_before_its_possessive_marker(build_doc):
    doc = build_doc("Mr Tom Bell's speech called for a greater effort in schools.", until="places")
    i = next(t.i for t in doc.parse.tokens if t.text == "Bell")
    (ref,) = coref.phrases.resolve_phrase(doc, i)
    assert ref.text == "Mr Tom Bell"


def test_a_name_running_past_the_phrases_words_is_kept_whole(build_doc):
    doc = build_doc("Doctors Without Borders criticised the army.", until="places")
    (ref,) = coref.phrases.resolve_phrase(doc, 0)
    assert ref.text == "Doctors Without Borders"
