"""Role assignment as constructions: which phrase is a party to an event, on sentences written for the project."""
from __future__ import annotations

import pytest

from tests.stages.events.conftest import of_type, party
from tidings.resources import lexicon as lexicon_data
from tidings.stages.events import coder, loose, speech


def _speech_party(doc, verb: str):
    """The party a verb of saying's content is about (the speech candidates' recipient)."""
    i = next(t.i for t in doc.parse.tokens if t.text == verb)
    subject, _ = coder.frames.subject_of(doc.parse, i)
    (speaker, *_) = coder.resolve_heads(doc, [subject])
    return speech.content_party(doc, speech.content_of(doc, i), speaker)




def test_named_object_of_denunciation_stays(code):
    doc = code("Pope Francis denounced Russia for the invasion.")
    (event,) = of_type(doc, "ACCUSE")
    assert party(event.recipient) == "RUS"




def test_city_after_at_is_still_a_target_of_force(code):
    doc = code("Russia fired missiles at Kharkiv on Sunday.")
    (event,) = of_type(doc, "ASSAULT")
    assert party(event.recipient) == "UKR"


def test_addressee_of_told_is_not_whom_the_words_are_about(code):
    doc = code("Senator Elizabeth Warren told CNN that Governor Andrew Cuomo had been dishonest.")
    found = _speech_party(doc, "told")
    assert found is not None and "Cuomo" in found.text


def test_object_of_a_verb_of_branding_is_whom_the_words_are_about(code):
    doc = code('Senator Anna Berg branded Governor Tom Hale "arrogant and wrong" for claiming the Tories were '
               'the natural party.')
    found = _speech_party(doc, "branded")
    assert found is not None and "Hale" in found.text


def test_time_phrase_of_a_verb_of_saying_is_no_content(code):
    doc = code("On Monday, Senator Elizabeth Warren said the plan was a disgrace.")
    assert _speech_party(doc, "said") is None


def test_a_named_law_is_not_whom_criticism_is_about(code):
    doc = code("Senator Elizabeth Warren said the Patriot Act was a disgrace.")
    assert _speech_party(doc, "said") is None


def test_place_in_reported_words_is_no_party(code):
    doc = code("Senator Elizabeth Warren said she was shocked by the shootings in Chicago.")
    assert _speech_party(doc, "said") is None


def test_coordinated_objects_are_each_a_recipient(code):
    doc = code("Senator Elizabeth Warren accused Governor Andrew Cuomo and Mayor Eric Adams of lying.")
    recipients = {e.recipient.text for e in of_type(doc, "ACCUSE") if e.recipient is not None}
    assert any("Cuomo" in r for r in recipients) and any("Adams" in r for r in recipients)


def test_passive_without_agent_has_the_subject_as_recipient(code):
    doc = code("French police arrested Mayor Jean Dupont on Tuesday. Mayor Jean Dupont was arrested again on Friday.")
    events = of_type(doc, "COERCE")
    assert events and all(e.recipient is not None and "Dupont" in e.recipient.text for e in events)
    assert any(e.actor is None for e in events)  # no by-agent: nobody is guessed as the arrester


def test_between_phrase_gives_actor_and_recipient_of_future_talks(code):
    doc = code("Talks between Ethiopia and Eritrea will take place in Nairobi next week.")
    (event,) = of_type(doc, "CONSULT")
    assert (party(event.actor), party(event.recipient), event.status) == ("ETH", "ERI", "future")


def test_between_phrase_of_clashes_gives_both_sides(code):
    doc = code("Clashes between police and protesters left three people injured.")
    (event,) = of_type(doc, "ASSAULT")
    assert (event.actor.text, event.recipient.text, event.status) == ("police", "protesters", "asserted")


def test_meeting_noun_dated_after_publication_is_future(code):
    doc = code("A meeting between Ethiopia and Eritrea is planned for Friday.", published="2021-12-29")
    (event,) = of_type(doc, "CONSULT")
    assert (party(event.actor), party(event.recipient), event.status) == ("ETH", "ERI", "future")


def test_agreement_between_parties_signed_in_the_past_stays_asserted(code):
    doc = code("The agreement between Ethiopia and Eritrea was signed on Monday.")
    (event,) = of_type(doc, "AGREE")
    assert (party(event.actor), party(event.recipient), event.status) == ("ETH", "ERI", "asserted")


def test_mediation_between_parties_keeps_the_mediator_as_actor(code):
    doc = code("Qatar offered mediation between Ethiopia and Eritrea.")
    events = doc.events
    assert events and all(party(e.actor) == "QAT" for e in events)
    assert {party(e.recipient) for e in events} == {"ETH", "ERI"}


def test_joint_meeting_and_talks_with_are_unchanged(code):
    met = code("Ethiopia and Eritrea met in Nairobi on Monday.")
    assert {(party(e.actor), e.recipient) for e in of_type(met, "CONSULT")} == {("ETH", None), ("ERI", None)}
    talks = code("Ethiopia will hold talks with Eritrea next week.")
    (event,) = of_type(talks, "CONSULT")
    assert (party(event.actor), party(event.recipient), event.status) == ("ETH", "ERI", "future")


def test_object_told_to_act_is_a_party_though_unnamed(code):
    doc = code("Labour MP Diane Abbott urged the prime minister to resign over the spending scandal.")
    (event,) = of_type(doc, "REQUEST")
    assert event.recipient is not None and event.recipient.text == "prime minister"


def test_object_accused_of_a_deed_is_a_party_though_unnamed(code):
    doc = code("Senator Elizabeth Warren accused the drug makers of hiding the true price of insulin.")
    (event,) = of_type(doc, "ACCUSE")
    assert event.recipient is not None and "drug makers" in event.recipient.text


def test_subject_of_an_allegation_is_its_recipient(code):
    doc = code("Prosecutors allege that Governor Rod Blagojevich tried to sell the vacant Senate seat.")
    (event,) = of_type(doc, "ACCUSE")
    assert event.recipient is not None and "Blagojevich" in event.recipient.text


def test_agent_of_a_passive_allegation_is_its_recipient(code):
    doc = code("American officials allege the bombings were planned by Osama bin Laden.")
    (event,) = of_type(doc, "ACCUSE")
    assert event.recipient is not None and "bin Laden" in event.recipient.text


def test_party_deep_inside_a_thing_does_not_own_it(code):
    doc = code("A federal judge rejected a request to unseal the records of Donald Trump's divorce.")
    (event,) = of_type(doc, "REJECT")
    assert event.recipient is None or "Trump" not in event.recipient.text


def test_pronoun_object_of_a_conjoined_verb_is_not_its_subject(code):
    doc = code("Police said John Bassett approached Mark Beedle in an alley and stabbed him in the back.")
    (event,) = [e for e in doc.events if e.trigger.text == "stabbed"]
    assert event.recipient is not None and "Beedle" in event.recipient.text


def test_violence_between_two_people_stays_violence(code):
    doc = code("Police said John Bassett stabbed Mark Beedle in an alley behind the bar.")
    (event,) = [e for e in doc.events if e.trigger.text == "stabbed"]
    assert event.type == "ASSAULT"


def test_attack_in_words_between_two_politicians_is_criticism(code):
    doc = code("Senator John Smith attacked Senator Mary Jones over the budget, saying she had misled voters.")
    (event,) = [e for e in doc.events if e.trigger.text == "attacked"]
    assert event.type == "ACCUSE" and event.cameo == "111"


def test_one_urged_in_the_passive_is_the_recipient_not_the_actor(code):
    doc = code("Prime Minister Tony Blair was urged to push for action on climate change at the summit.")
    (event,) = [e for e in doc.events if e.trigger.text == "urged"]
    assert event.actor is None and event.recipient is not None and "Blair" in event.recipient.text


def test_subject_of_a_passive_participle_adjunct_underwent_it(code):
    doc = code("Former spy Sergei Skripal spoke for the first time since being poisoned in Britain by Russian agents.")
    (event,) = [e for e in doc.events if e.trigger.text == "poisoned"]
    assert event.recipient is not None and "Skripal" in event.recipient.text
    assert event.actor is None or "Skripal" not in event.actor.text


def test_the_of_phrase_of_a_resignation_is_who_resigns(code):
    doc = code("The scandal forced the resignation of Defence Secretary Geoff Hoon on Monday.")
    (event,) = of_type(doc, "RETREAT")
    assert event.actor is not None and "Hoon" in event.actor.text and event.recipient is None


def test_a_violence_verb_whose_subject_is_the_attack_is_no_second_event(code):
    doc = code("A Taliban suicide attack on the police headquarters in Kabul killed 12 officers on Monday.")
    assaults = of_type(doc, "ASSAULT")
    assert [e.trigger.text for e in assaults] == ["attack"]


def test_possessor_of_an_arrest_noun_is_who_was_arrested(code):
    doc = code("The activist Alaa Abdel Fattah went on hunger strike soon after his arrest in Cairo.")
    (event,) = of_type(doc, "COERCE")
    assert event.actor is None and event.recipient is not None and "Fattah" in event.recipient.text


def test_possessor_of_a_demanded_removal_is_the_recipient(code):
    doc = code("Opposition MPs called for Boris Johnson's removal.")
    (event,) = of_type(doc, "REQUEST")
    assert event.recipient is not None and "Johnson" in event.recipient.text


def test_billboard_accusing_someone_is_its_makers_act(code):
    doc = code("The Green Party unveiled a billboard accusing the government of lying.")
    (event,) = of_type(doc, "ACCUSE")
    assert event.actor is not None and "Green Party" in event.actor.text


def test_whose_thing_is_criticised_is_the_recipient(code):
    doc = code("Rishi Sunak apologised on Monday. The Labour Party criticised his proposals.")
    (event,) = of_type(doc, "ACCUSE")
    assert event.recipient is not None and "Sunak" in event.recipient.text


def test_place_of_a_condemned_attack_is_not_the_recipient(code):
    doc = code("The Danish government strongly condemned the bomb attacks in Kenya on Saturday.")
    (event,) = of_type(doc, "ACCUSE")
    assert party(event.actor) == "DNK" and event.recipient is None
    target = code("The Danish government strongly condemned the bombing of the US embassy.")
    (event,) = of_type(target, "ACCUSE")
    assert party(event.recipient) == "USA"  # the target of the condemned act stays (CAMEO practice)


def test_place_of_an_attack_with_a_named_doer_is_where_not_whom(code):
    doc = code("Three soldiers died in a Taliban attack in Kabul on Monday.")
    (event,) = of_type(doc, "ASSAULT")
    assert event.actor is not None and "Taliban" in event.actor.text and event.recipient is None


def test_name_in_apposition_to_a_description_is_the_party(code):
    doc = code("Barack Obama did not criticise his successor, Donald Trump, by name.")
    (event,) = of_type(doc, "ACCUSE")
    assert event.recipient is not None and "Donald Trump" in event.recipient.text
    assert event.recipient.actor_id is not None and "successor" in event.recipient.text  # the span covers both


def test_agent_of_a_demanded_investigation_is_the_one_asked(code):
    doc = code("Keir Starmer has called for an investigation by the Electoral Commission.")
    (event,) = of_type(doc, "REQUEST")
    assert event.recipient is not None and "Electoral Commission" in event.recipient.text


def test_the_from_phrase_of_criticism_is_the_critic(code):
    doc = code("Criticism from the opposition grew louder after the vote on the budget.")
    (event,) = of_type(doc, "ACCUSE")
    assert event.actor is not None and "opposition" in event.actor.text and event.recipient is None


def test_subject_of_a_verb_that_undergoes_an_event_noun_is_its_recipient(build_doc):
    doc = build_doc("The former chairman of Acme Bank is facing criminal charges over the collapse.", until="quotes")
    (event,) = [e for e in loose.candidates(doc, lexicon_data.load(), taken=set()) if e.trigger.text == "charges"]
    assert event.actor is None and event.recipient is not None and "chairman" in event.recipient.text


def test_subject_of_under_attack_undergoes_it_but_not_under_a_plan(code):
    doc = code("Police officers came under attack from gunmen near the border.")
    assert all(e.recipient is not None and "officers" in e.recipient.text for e in of_type(doc, "ASSAULT"))
    plan = code("Teenagers will become voters under plans unveiled by ministers on Monday.")
    assert all(e.recipient is None or "Teenagers" not in e.recipient.text for e in plan.events)


def test_the_office_someone_resigns_as_is_no_recipient(code):
    doc = code("Interior Minister Ana Ruiz resigned as party chairwoman on Wednesday.")
    (event,) = of_type(doc, "RETREAT")
    assert "Ruiz" in event.actor.text and event.recipient is None
    left = code("Interior Minister Ana Ruiz resigned from the Spanish government on Wednesday.")
    (event,) = of_type(left, "RETREAT")
    assert event.recipient is not None and "government" in event.recipient.text


@pytest.mark.parametrize(("sentence", "type_", "actor", "recipient"), [
    # a message's participle speaks for its sender
    ("Keir Starmer opened the debate with a speech criticising Rishi Sunak.", "ACCUSE", "Starmer", "Sunak"),
    # whom a letter goes to is the one asked
    ("Keir Starmer has written to Rishi Sunak demanding an explanation of the new rules.", "REQUEST", "Starmer",
     "Sunak"),
    # the from-phrase does what the subject of "faced" undergoes
    ("Senator Maria Lopez faced fierce criticism from Governor Tom Hale over the budget.", "ACCUSE", "Hale", "Lopez"),
    # a finite main verb the parser hung on the subject's name as its modifier is still that name's act
    ("Maria Lopez, chairman of the Fair Housing Commission, called on Governor Tom Hale to resign.", "REQUEST",
     "Lopez", "Hale"),
    # a person's name the parser hung on the body inside the description is who the description is
    ("But director of the Fair Housing Trust, Anna Berg, accused Lord Hale of contempt for tenants.", "ACCUSE",
     "Anna Berg", "Hale"),
    # a document does not act: the body behind it does (GUIDE), named beside it or where it was first named
    ("A report by the Commons health committee urged the Home Office to act.", "REQUEST", "committee", "Home Office"),
    ("The Commons health committee published a report on Monday. The report urged the Home Office to act.",
     "REQUEST", "committee", "Home Office"),
    # an active perfect conjoined to a passive does its own act, with the passive's subject as doer
    ("Ms Anna Berg was suspended in September and has since lodged a complaint with the Equal Employment "
     "Opportunity Commission.", "ACCUSE", "Anna Berg", "Commission"),
])
def test_parties_of_a_construction(code, sentence, type_, actor, recipient):
    (event,) = of_type(code(sentence), type_)
    assert actor in event.actor.text and recipient in event.recipient.text


@pytest.mark.xfail(strict=True, reason="the rule for it (session 8) took the corpus test split's precision under its "
                   "floor by one event when gated commit by commit; kept out until the scorer is retrained with it")
def test_participles_conjoined_in_the_passive_share_agent_and_patient(code):
    doc = code("The protester was beaten and arrested by riot police in Minsk on Friday.")
    for kind in ("ASSAULT", "COERCE"):  # "beaten" has no agent of its own, "arrested" no subject
        (event,) = of_type(doc, kind)
        assert "police" in event.actor.text and "protester" in event.recipient.text


def test_what_someone_calls_an_attack_is_not_their_attack(code):
    doc = code("The United Nations condemned what it called a massacre of civilians in Darfur.")
    assert all(e.actor is None or "United Nations" not in e.actor.text for e in of_type(doc, "ASSAULT"))


def test_a_verb_the_parser_hung_from_a_named_subject_is_still_its_act(code):
    doc = code("Anna Berg, for the Liberal Democrats, called on Mr Brown to resign.")
    (event,) = of_type(doc, "REQUEST")
    assert "Anna Berg" in event.actor.text and "Brown" in event.recipient.text


@pytest.mark.xfail(strict=True, reason="the rule for it (session 9: a common noun of no people or group, with no "
                   "party among its modifiers or prepositional objects, is no recipient) raised recipient accuracy on "
                   "train and dev but took the corpus test split's fully-right precision under its floor; reverted")
@pytest.mark.parametrize(("sentence", "type_"), [
    # a treaty named after a city belongs to nobody
    ("Canada refused on Monday to sign the Geneva treaty.", "REJECT"),
    # a place after "near" only says where the theft was
    ("The Ohio State Highway Patrol investigated a theft of farm equipment near Dayton.", "ACCUSE"),
])
def test_a_thing_with_no_party_behind_it_is_no_recipient(code, sentence, type_):
    (event,) = of_type(code(sentence), type_)
    assert event.recipient is None


@pytest.mark.parametrize(("sentence", "type_", "recipient"), [
    # the owner of the thing is the party (GUIDE)
    ("Senator Maria Lopez criticised the Home Office's new powers.", "ACCUSE", "Home Office"),
    # so is whoever a preposition on it names
    ("The opposition condemned the sanctions against Iran.", "ACCUSE", "IRN"),
    ("Labour criticised the new rules for Amnesty International.", "ACCUSE", "AMNESTY"),
    # a place is the target of force
    ("Army tanks fired shells at targets in Kharkiv on Sunday.", "ASSAULT", "Kharkiv"),
])
def test_a_thing_keeps_the_party_behind_it(code, sentence, type_, recipient):
    (event,) = of_type(code(sentence), type_)
    assert event.recipient is not None and (recipient in event.recipient.text or recipient == party(event.recipient))


@pytest.mark.parametrize(("sentence", "type_", "owner", "thing"), [
    # a by-phrase names whose the thing is
    ("Britain welcomed the decision by Norway to double its aid budget.", "SUPPORT", "Norway", "decision"),
    ("The governor praised the proposal by state senators to cap rents.", "SUPPORT", "senators", "proposal"),
    # so does a possessive
    ("Chile's electoral court rejected former President Ramon Ortiz's bid to stand again.", "REJECT", "Ortiz",
     "bid"),
])
def test_the_owner_named_in_a_things_own_words_is_the_recipient(code, sentence, type_, owner, thing):
    (event,) = of_type(code(sentence), type_)
    assert event.recipient is not None and owner in event.recipient.text and thing not in event.recipient.text


@pytest.mark.parametrize(("sentence", "thing"), [
    # "the nation" names no one in particular
    ("The senator renewed his attack on the nation's farm subsidies.", "subsidies"),
    # a body a pronoun makes the actor's own is no other party
    ("Ms Reyes defended her party's plans to raise the pension age.", "plans"),
    # the thing of a promised act is that act's, not the promise's
    ("President Hugo Salas has promised to halve Peru's budget deficit within five years.", "deficit"),
])
def test_a_mere_group_or_the_actors_own_side_does_not_own_the_thing(code, sentence, thing):
    for event in code(sentence).events:
        assert event.recipient is None or thing in event.recipient.text


@pytest.mark.parametrize(("sentence", "type_", "recipient"), [
    # the pattern "arrest journalist" names whom the arrest is aimed at
    ("Police in Minsk arrested about 30 journalists on Sunday.", "COERCE", "journalists"),
    # "open fire on protesters"
    ("Soldiers opened fire on protesters in Khartoum on Monday.", "ASSAULT", "protesters"),
])
def test_a_people_noun_among_the_patterns_own_words_is_the_target(code, sentence, type_, recipient):
    (event,) = of_type(code(sentence), type_)
    assert event.recipient is not None and recipient in event.recipient.text


def test_the_patterns_own_people_noun_is_not_the_target_of_a_recall(code):
    (event,) = of_type(code("Russia recalled its ambassador on Tuesday."), "SANCTION")
    assert event.recipient is None or "ambassador" not in event.recipient.text


def test_a_suicide_is_no_attack_but_a_suicide_bombing_is(code):
    assert not of_type(code("The gunman, a former soldier, later killed himself in a police cell."), "ASSAULT")
    assert of_type(code("A bomber blew himself up outside a police station in Kabul on Monday."), "ASSAULT")


@pytest.mark.parametrize(("sentence", "type_", "recipient"), [
    # people named by what they are, with no role in the knowledge base (grammar class person_nouns)
    ("Interior Minister Anna Berg met union representatives in Lagos on Monday.", "CONSULT", "representatives"),
    ("Police in Ohio arrested two looters overnight.", "COERCE", "looters"),
    # bodies of people count as much as people
    ("Foreign Minister Anna Berg criticised rich nations for their slow aid.", "ACCUSE", "nations"),
    # a board is a body, not a thing whose owner stands in for it
    ("The Democratic Party filed a complaint with Ohio's election board on Monday.", "ACCUSE", "board"),
])
def test_an_unnamed_noun_of_people_can_be_acted_on(code, sentence, type_, recipient):
    (event,) = of_type(code(sentence), type_)
    assert event.recipient is not None and recipient in event.recipient.text


@pytest.mark.parametrize(("sentence", "actor"), [
    ("Two men were charged with theft on Monday, police said.", "police"),
    ("A Dayton man was arrested on Friday, according to the Ohio State Highway Patrol.", "Highway Patrol"),
])
def test_police_reporting_an_arrest_with_no_agent_made_it(code, sentence, actor):
    (event,) = of_type(code(sentence), "COERCE")
    assert event.actor is not None and actor in event.actor.text and event.actor.sector == "COP"


def test_police_reporting_a_shooting_did_not_shoot(code):
    (event,) = of_type(code("A Dayton man was shot on Friday, police said."), "ASSAULT")
    assert event.actor is None


@pytest.mark.parametrize(("sentence", "words", "country"), [
    # a noun of people among the pattern's own words is the party, with the name beside it
    ("Foreign Minister Hakan Fidan met his Russian counterpart Sergei Lavrov in Ankara on Friday.", "Lavrov", "RUS"),
    ("Putin met his Turkish counterpart in Sochi on Tuesday.", "counterpart", "TUR"),
])
def test_the_counterpart_met_is_the_recipient_not_its_nationality(code, sentence, words, country):
    (event,) = of_type(code(sentence), "CONSULT")
    assert event.recipient is not None and words in event.recipient.text and event.recipient.country == country


@pytest.mark.parametrize("sentence", [
    # local government's people are parties on their own, as the police are (roles.tsv, standalone)
    "The mayor was arrested on Monday.",
    "A city councillor was charged with fraud.",
])
def test_a_mayor_or_councillor_acted_on_makes_an_event(code, sentence):
    (event,) = of_type(code(sentence), "COERCE")
    assert event.recipient is not None and event.recipient.sector == "GOV"
