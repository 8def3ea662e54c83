"""Who, to whom, when (issue #11): self-dyads, non-parties, event dates and status cues, on sentences and
short articles written for the project."""
from __future__ import annotations

import pytest

from tests.stages.events.conftest import party
from tidings.models import ActorRef
from tidings.stages.events import coder, timing

# ---- self-dyads -------------------------------------------------------------------------------------------


def _ref(country=None, sector=None, actor_id=None, org=None, start=None):
    return ActorRef(text="x", actor_id=actor_id, country=country, sector=sector, org=org,
                    start=start, end=None if start is None else start + 1)


def test_same_country_and_sector_is_one_party_unless_two_named_actors():
    assert coder.same_party(_ref("BLR", "GOV"), _ref("BLR", "GOV"))
    assert coder.same_party(_ref("BLR", "GOV", "BLR-GOV"), _ref("BLR", "GOV", start=3))
    assert coder.same_party(_ref("CAN", actor_id="CAN", start=0), _ref("CAN", start=9))
    assert not coder.same_party(_ref("BLR", "GOV"), _ref("BLR", "MIL"))
    assert not coder.same_party(_ref("USA", "GOV", "joe-biden"), _ref("USA", "GOV", "nancy-pelosi"))
    assert not coder.same_party(_ref(None, org="UN"), _ref(None, org="NATO"))


def test_two_proper_names_are_two_parties(code):
    doc = code("Michael Howard said Charles Clarke was wrong.")
    howard = ActorRef(text="Michael Howard", country="GBR", start=0, end=14)
    clarke = ActorRef(text="Charles Clarke", country="GBR", start=20, end=34)
    assert not coder.same_party(howard, clarke, doc)
    assert coder.same_party(howard, clarke)  # without the text, same country and sector is one party


def _no_self_dyad(doc):
    for event in doc.events:
        if event.actor is not None and event.recipient is not None:
            assert not coder.same_party(event.actor, event.recipient, doc), (event.type, event.actor, event.recipient)


@pytest.mark.parametrize("text", [
    "The Belarusian government accused the Belarusian authorities of negligence on Monday.",
    "Canada criticised Canadian regulators over the pipeline decision.",
    "Ottawa urged Canada to act quickly on the refugee backlog.",
])
def test_an_actor_is_not_its_own_recipient_without_a_word_for_it(code, text):
    _no_self_dyad(code(text))


def test_a_reflexive_pronoun_keeps_the_actor_as_recipient(code):
    doc = code("Belarus defended itself against the accusations.")
    kept = [e for e in doc.events if e.recipient is not None]
    assert all(e.actor is None or party(e.actor) == party(e.recipient) for e in kept)


def test_two_named_people_of_one_government_are_two_parties(code):
    doc = code("Joe Biden criticised Nancy Pelosi on Tuesday.")
    (event,) = [e for e in doc.events if e.type == "ACCUSE"]
    assert event.recipient is not None and event.recipient.actor_id != event.actor.actor_id


@pytest.mark.parametrize("phrase", ["artillery", "tanks", "missiles", "drills", "sovereignty", "its allies"])
def test_weapons_and_abstractions_are_never_parties(code, phrase):
    doc = code(f"The statement said that {phrase} threatened the region.")
    for event in doc.events:
        for ref in (event.actor, event.recipient):
            if ref is not None and not (ref.actor_id or ref.country or ref.org):
                assert phrase.split()[-1] not in ref.text, (event.type, ref)


def test_non_party_nouns_only_when_unresolved(code):
    doc = code("Artillery shelled the town. Russian artillery shelled Kharkiv on Monday.")
    assert coder.actorrefs.non_party(doc, ActorRef(text="Artillery", start=0, end=9))
    assert not coder.actorrefs.non_party(doc, ActorRef(text="Russian artillery", country="RUS", start=28, end=45))


def test_a_place_where_the_event_happens_is_no_recipient(code):
    doc = code("Opposition leaders met Lukashenko in Minsk on Sunday. Belarusian troops shelled Minsk.")
    first, second = (doc.text.index("Minsk"), doc.text.rindex("Minsk"))
    assert coder.place_as_location(doc, ActorRef(text="Minsk", start=first, end=first + 5))
    assert not coder.place_as_location(doc, ActorRef(text="Minsk", start=second, end=second + 5))
    for event in doc.events:
        assert event.recipient is None or event.recipient.text != "Minsk" or event.trigger.text == "shelled"


# ---- event dates ------------------------------------------------------------------------------------------

ARTICLES = [
    ("2021-12-30",
     "Pakistani police arrested twelve opposition activists in Lahore.\n\n"
     "The activists had protested against the government's fuel prices. Police said the men, who attacked "
     "a checkpoint, would face charges."),
    ("2022-03-02",
     "Russian troops shelled the outskirts of Kharkiv, Ukrainian officials said.\n\n"
     "Russia, which invaded Georgia, says it is defending its citizens. Armenia and Azerbaijan have clashed "
     "repeatedly since their 2020 war."),
    ("2021-06-15",
     "Iranian officials condemned the new sanctions on Tuesday.\n\n"
     "The United States imposed the sanctions on Iran's oil sector. Tehran had rejected an offer of talks."),
    ("2020-11-10",
     "Ethiopian forces attacked Tigrayan positions today, the army said.\n\n"
     "The government accused the regional party of attacking a federal base last week."),
]


def _date_words(doc, event) -> list[str]:
    sentence = doc.parse.sentences[event.sentence.index]
    anchor = doc.parse.token_at(event.trigger.start)
    return [d.text for d in doc.dates if sentence.start <= d.start < sentence.end
            and timing.own_clause(doc.parse, anchor.i, d.start, d.end)]


@pytest.mark.parametrize("published,text", ARTICLES)
def test_no_event_takes_the_publication_date_without_a_date_in_its_clause(code, published, text):
    doc = code(text, published=published)
    assert doc.events
    year, week, _ = timing.dt.date.fromisoformat(published).isocalendar()
    for event in doc.events:
        if event.date in (published, f"{year}-W{week:02d}"):
            assert _date_words(doc, event), (event.type, event.trigger.text, event.date)
        assert timing.DATE_NOTE in event.evidence  # the rule that dated it
        if event.date is None:
            assert event.date_precision == "unknown"


def test_a_date_in_the_events_own_clause_still_dates_it(code):
    doc = code("Ethiopian forces attacked Tigrayan positions today, the army said.", published="2020-11-10")
    (attack,) = [e for e in doc.events if e.type == "ASSAULT"]
    assert attack.date == "2020-11-10" and "date: clause date 'today'" in attack.evidence


def test_lead_news_without_a_date_is_undated(code):
    doc = code("Pakistani police arrested twelve opposition activists in Lahore.", published="2021-12-30")
    (event,) = [e for e in doc.events if e.type == "COERCE"]
    assert event.date is None and event.date_precision == "unknown" and not event.historical
    assert event.evidence.endswith("; date: no date in the clause")


def test_a_period_bound_is_not_the_events_date(code):
    doc = code("Armenia and Azerbaijan have clashed repeatedly since their 2020 war.", published="2022-03-02")
    for event in doc.events:
        if event.trigger.text == "clashed":
            assert event.date != "2020"


def test_a_date_in_a_reported_clause_dates_that_clause_only(code):
    doc = code("Kenya said on Monday that Somali militants attacked a police post.", published="2021-12-30")
    for event in doc.events:
        if event.trigger.text == "attacked":
            assert event.date is None


def test_a_past_relative_clause_under_a_present_sentence_is_background(code):
    doc = code("Russia, which invaded Georgia, says it is defending its citizens.", published="2022-03-02")
    invasions = [e for e in doc.events if e.trigger.text == "invaded"]
    for event in invasions:
        assert event.historical and event.date is None and event.date_precision == "unknown"


# ---- status cues ------------------------------------------------------------------------------------------


def _status(doc, trigger):
    return {e.status for e in doc.events if e.trigger.text == trigger}


def test_at_no_time_negates(code):
    doc = code("At no time did Serbian police attack the protesters, the ministry said.")
    assert _status(doc, "attack") == {"negated"}


def test_negative_adverbial_in_the_parse():
    from tests.parses import doc_from_conllu
    from tidings.stages.events import factuality

    doc = doc_from_conllu("""
        1  At      at      ADP   IN   _  6  prep   _  _
        2  no      no      DET   DT   _  3  det    _  _
        3  time    time    NOUN  NN   _  1  pobj   _  _
        4  did     do      AUX   VBD  _  6  aux    _  _
        5  police  police  NOUN  NNS  _  6  nsubj  _  _
        6  attack  attack  VERB  VB   _  0  ROOT   _  SpaceAfter=No
        7  .       .       PUNCT .    _  6  punct  _  _
    """)
    assert doc.parse is not None
    assert factuality.assess(doc.parse, 5).status == "negated"


def test_nothing_to_apologise_for_negates(code):
    doc = code("The minister said Britain had nothing to apologise to Iran for.")
    (event,) = [e for e in doc.events if e.trigger.text == "apologise"]
    assert event.status == "negated" and party(event.actor) == "GBR" and party(event.recipient) == "IRN"


@pytest.mark.parametrize("sentence, trigger", [
    ("The government has refrained from criticizing Beijing over the crackdown.", "criticizing"),
    ("Police failed to arrest the suspects before they crossed the border.", "arrest"),
    ("Britain stopped short of accusing Russia of the attack.", "accusing"),
    ("Germany shied away from imposing sanctions on Russia.", "imposing"),
    ("The White House is steering clear of criticizing the senator for the remarks.", "criticizing"),
])
def test_a_forgone_act_is_negated(code, sentence, trigger):
    assert _status(code(sentence), trigger) == {"negated"}


def test_a_forgone_act_under_a_condition_is_hypothetical(code):
    doc = code("The minister said Britain would expel the envoy if police failed to arrest the suspects.")
    assert _status(doc, "arrest") == {"hypothetical"}


def test_a_negative_subject_negates_its_own_act_only(build_doc):
    from tidings.stages.events import factuality

    doc = build_doc("No protesters were arrested over the attack on the embassy.", until="actors")
    index = {t.text: t.i for t in doc.parse.tokens}
    assert factuality.assess(doc.parse, index["arrested"]).status == "negated"
    assert factuality.assess(doc.parse, index["attack"], nominal=True).status == "asserted"
    for text in ("Neither the minister nor her aides have been charged with any crime.",
                 "Neither Hartley nor his allies have been charged with any crime over the deal.  "):
        doc = build_doc(text, until="actors")
        charged = next(t.i for t in doc.parse.tokens if t.text == "charged")
        assert factuality.assess(doc.parse, charged).status == "negated"


def test_a_possible_act_is_hypothetical_and_nobodys_promise(code):
    doc = code("The possibility of a meeting between the mayor and the strikers' union was raised on Thursday.")
    (event,) = [e for e in doc.events if e.trigger.text == "meeting"]
    assert (event.type, event.status) == ("CONSULT", "hypothetical")


def test_a_negated_condition_is_hypothetical_not_negated(code):
    doc = code("Lithuania will expel Russian diplomats if Moscow doesn't release the activists.")
    assert "negated" not in _status(doc, "release")
    assert _status(doc, "release") == {"hypothetical"}


def test_reported_past_perfect_is_not_background(code):
    doc = code("The agency reported on Monday that Kenya had deported forty Somali refugees.", published="2021-12-30")
    deportations = [e for e in doc.events if e.trigger.text == "deported"]
    assert deportations and not any(e.historical for e in deportations)
    doc = code("The ministry said that years earlier the militia had kidnapped two aid workers.")
    assert all(e.historical for e in doc.events if e.trigger.text == "kidnapped")


def test_a_country_read_from_a_place_or_a_name_inside_the_phrase_is_not_the_actors_identity(code):
    doc = code("Ethiopian militiamen shelled a school near Mekelle on Friday.")
    school = ActorRef(text="school", country="ETH", start=doc.text.index("school"), end=doc.text.index("school") + 6)
    militia = ActorRef(text="Ethiopian militiamen", country="ETH", start=0, end=20)
    assert not coder.same_party(militia, school, doc)
    assert coder.same_party(militia, school)  # without the text to tell them apart: one code, ETH→ETH
    doc = code("Staff at Britain's Royal Mail protested outside Parliament.")
    staff = ActorRef(text="Staff", actor_id="GBR", country="GBR", start=0, end=5)
    britain = ActorRef(text="Britain", actor_id="GBR-GOV", country="GBR", start=9, end=16)
    assert not coder.same_party(staff, britain, doc)


def test_a_bare_earlier_is_the_same_news_and_years_earlier_is_background(code):
    doc = code("Earlier, Labour accused the Conservatives of lying.")
    assert [e.historical for e in doc.events if e.type == "ACCUSE"] == [False]
    doc = code("Years earlier, Labour accused the Conservatives of lying.")
    assert [e.historical for e in doc.events if e.type == "ACCUSE"] == [True]


def test_an_object_pronoun_is_not_the_subject_of_its_own_clause(code):
    doc = code("Liam Fox spoke on Monday. But Charles Clarke accused him of trying to score cheap political points.")
    (event,) = [e for e in doc.events if e.type == "ACCUSE"]
    assert event.recipient is not None and event.recipient.actor_id == "liam-fox"
    doc = code("Egypt criticised Sudan. Later Cairo urged it to reopen the border.")
    requests = [e for e in doc.events if e.type == "REQUEST"]
    assert requests and all(party(e.recipient) == "SDN" for e in requests)
