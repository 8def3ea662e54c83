"""The quotes lexicon loads and its validator catches broken entries."""
from tidings.resources import quotes


def test_shipped_lexicon_is_valid():
    lex = quotes.load()
    assert lex.is_cue("say") and lex.is_cue("believe") and not lex.is_cue("fire")
    assert lex.name_gender("Angela") == "female"


def test_validator_reports_problems():
    cues = {"version": 1, "speech": ["say", "say", "Tell"], "cognition": [], "evidence": [], "xcomp_verbs": ["dance"],
            "object_complement_verbs": [], "object_content_verbs": [], "nouns": [],
            "document_nouns": [], "prep_complements": {"warn": ["out of"]}, "source_phrases": [["According"]],
            "descriptions": {"spokesman": "man"}, "pronouns": {}}
    names = {"version": 1, "male": ["alex"], "female": ["alex", "Mary"]}
    problems = " | ".join(quotes.validate(cues, names))
    for expected in ("duplicate entries in speech", "'Tell'", "prep_complements", "source phrase",
                     "unknown gender", "'dance' is not a speech", "'alex' listed", "'Mary'"):
        assert expected in problems


def test_validator_requires_content_for_stance_verbs():
    cues = {"version": 2, "speech": [], "cognition": [], "evidence": [], "stance": ["endorse", "want"],
            "reporting_verbs": [], "obligation_reporting_verbs": [],
            "xcomp_verbs": ["want"], "object_complement_verbs": [], "object_content_verbs": [], "nouns": [],
            "infinitive_nouns": [], "document_nouns": [], "source_nouns": ["view"], "hearsay_verbs": [],
            "judging_verbs": [], "clause_adjectives": [],
            "prep_complements": {},
            "prep_words": {"critical": ["of"]},
            "source_phrases": [],
            "descriptions": {}, "pronouns": {}}
    problems = quotes.validate(cues, {"version": 1, "male": [], "female": []})
    assert problems == ["cues.json: stance verb 'endorse' has no content (not in xcomp_verbs, "
                        "object_content_verbs, object_complement_verbs, prep_complements)"]


def test_stance_verbs_are_cues_that_never_sign_direct_quotes():
    lex = quotes.load()
    assert lex.is_cue("endorse") and "endorse" not in lex.speech and "view" in lex.source_nouns


def test_reporting_verbs_are_named_sub_classes_of_the_verbs_of_saying():
    lex = quotes.load()
    assert lex.obligation_reporting <= lex.reporting <= lex.speech | lex.cognition
    assert "say" in lex.obligation_reporting and "believe" in lex.reporting - lex.obligation_reporting
    assert "urge" in lex.speech - lex.reporting  # introduces a quote, but frames its own event


def test_validator_keeps_reporting_verbs_inside_the_verbs_of_saying():
    cues = {"version": 2, "speech": ["say"], "cognition": ["think"], "evidence": [], "stance": [],
            "reporting_verbs": ["say", "think", "shout"], "obligation_reporting_verbs": ["say", "think", "whisper"]}
    problems = quotes.validate(cues, {"version": 1, "male": [], "female": []})
    assert "cues.json: reporting_verbs entry 'shout' is not in speech or cognition" in problems
    assert "cues.json: obligation_reporting_verbs entry 'whisper' is not in reporting_verbs" in problems
    assert not any("'think'" in p or "'say'" in p for p in problems)
