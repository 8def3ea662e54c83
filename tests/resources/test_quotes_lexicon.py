"""The quotes lexicon loads and its validator catches broken entries."""
from tidings.resources import quotes


def test_shipped_lexicon_is_valid():
    lex = quotes.load()
    assert lex.is_cue("say") and lex.is_cue("believe") and not lex.is_cue("fire")
    assert lex.name_gender("Angela") == "female"


def test_validator_reports_problems():
    cues = {"version": 1, "speech": ["say", "say", "Tell"], "cognition": [], "evidence": [], "xcomp_verbs": ["dance"], "object_complement_verbs": [], "object_content_verbs": [], "nouns": [],
            "document_nouns": [], "prep_complements": {"warn": ["out of"]}, "source_phrases": [["According"]],
            "descriptions": {"spokesman": "man"}, "pronouns": {}}
    names = {"version": 1, "male": ["alex"], "female": ["alex", "Mary"]}
    problems = " | ".join(quotes.validate(cues, names))
    for expected in ("duplicate entries in speech", "'Tell'", "prep_complements", "source phrase",
                     "unknown gender", "'dance' is not a speech", "'alex' listed", "'Mary'"):
        assert expected in problems
