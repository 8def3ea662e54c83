"""The attribution lexicon of the quotes stage: cue verbs, source phrases, role nouns, name genders.

Data: ``data/quotes/cues.json`` (cue verbs by kind, the named sub-classes of reporting verbs that the
events stage reads, stance verbs, hearsay verbs, cue nouns, stance nouns and adjectives, prepositional,
infinitive and object complements, nouns of intention, judging verbs, document and source nouns, role
descriptions, pronouns; its ``about`` says what each list holds) and ``data/quotes/names.json`` (given
names by gender, a fallback for pronoun resolution). Both carry a ``version``.
"""
from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from pathlib import Path

DATA = Path(__file__).parent / "data" / "quotes"
GENDERS = ("male", "female")
_LEMMA_LISTS = ("speech", "cognition", "evidence", "stance", "reporting_verbs", "obligation_reporting_verbs",
                "xcomp_verbs", "object_complement_verbs", "object_content_verbs", "nouns", "infinitive_nouns",
                "document_nouns", "source_nouns", "hearsay_verbs", "judging_verbs", "clause_adjectives")
#: Named sub-classes of the verbs of saying and belief: (list, the lists it must lie within).
_SUB_CLASSES = (("reporting_verbs", ("speech", "cognition")), ("obligation_reporting_verbs", ("reporting_verbs",)))


@dataclass(frozen=True)
class QuoteLexicon:
    """Everything the quotes stage knows about how news text attributes speech."""

    version: int
    speech: frozenset[str]
    cognition: frozenset[str]
    evidence: frozenset[str]
    stance: frozenset[str]
    #: verbs of saying or belief whose complement clause is reported content with its own actor and time
    reporting: frozenset[str]
    #: reporting verbs that make a reported obligation a demand ("said Iran must stop")
    obligation_reporting: frozenset[str]
    prep_complements: dict[str, frozenset[str]]
    prep_words: dict[str, frozenset[str]]
    xcomp_verbs: frozenset[str]
    object_complement_verbs: frozenset[str]
    object_content_verbs: frozenset[str]
    nouns: frozenset[str]
    #: nouns of decision or intention whose infinitive clause is attributed content ("her refusal to testify")
    infinitive_nouns: frozenset[str]
    source_phrases: tuple[tuple[str, ...], ...]
    source_nouns: frozenset[str]
    hearsay_verbs: frozenset[str]
    #: verbs whose passive subject is the one judged ("was accused of fraud", "was described as reckless")
    judging_verbs: frozenset[str]
    clause_adjectives: frozenset[str]
    document_nouns: frozenset[str]
    descriptions: dict[str, str | None]
    pronouns: dict[str, str | None]
    first_names: dict[str, str]

    def is_cue(self, lemma: str) -> bool:
        """True for any verb that can introduce reported content."""
        return lemma in self.speech or lemma in self.cognition or lemma in self.evidence or lemma in self.stance

    def name_gender(self, given_name: str) -> str | None:
        """``male`` / ``female`` for a known given name, else None."""
        return self.first_names.get(given_name.lower())


def validate(cues: dict | None = None, names: dict | None = None) -> list[str]:
    """Problems found in the raw lexicon files (default: the shipped ones; empty list when they are sound)."""
    cues = _read("cues.json") if cues is None else cues
    names = _read("names.json") if names is None else names
    problems: list[str] = []
    for label, data in (("cues.json", cues), ("names.json", names)):
        if not isinstance(data.get("version"), int):
            problems.append(f"{label}: missing integer version")
    for key in (*_LEMMA_LISTS, "prep_complements", "prep_words", "source_phrases", "descriptions", "pronouns"):
        if key not in cues:
            problems.append(f"cues.json: missing {key}")
    for key in _LEMMA_LISTS:
        items = cues.get(key, [])
        if len(items) != len(set(items)):
            problems.append(f"cues.json: duplicate entries in {key}")
        problems.extend(f"cues.json: {key} entry {w!r} is not a lower-case lemma"
                        for w in items if not w or w != w.lower() or w != w.strip())
    cue_verbs = {w for kind in ("speech", "cognition", "evidence", "stance") for w in cues.get(kind, [])}
    for key in ("prep_complements", "xcomp_verbs", "object_complement_verbs", "object_content_verbs", "hearsay_verbs",
                "judging_verbs"):
        problems.extend(f"cues.json: {key} entry {w!r} is not a speech, cognition, evidence or stance verb"
                        for w in cues.get(key, []) if w not in cue_verbs)
    for key, within in _SUB_CLASSES:
        outer = {w for kind in within for w in cues.get(kind, [])}
        problems.extend(f"cues.json: {key} entry {w!r} is not in {' or '.join(within)}"
                        for w in cues.get(key, []) if w not in outer)
    content_keys = ("xcomp_verbs", "object_content_verbs", "object_complement_verbs", "prep_complements")
    problems.extend(f"cues.json: stance verb {w!r} has no content (not in {', '.join(content_keys)})"
                    for w in cues.get("stance", []) if not any(w in cues.get(key, []) for key in content_keys))
    for table in ("prep_complements", "prep_words"):
        for word, preps in cues.get(table, {}).items():
            if not preps or any(" " in p for p in preps):
                problems.append(f"cues.json: {table}[{word!r}] must be single prepositions")
    for phrase in cues.get("source_phrases", []):
        if not phrase or any(not w or w != w.lower() for w in phrase):
            problems.append(f"cues.json: bad source phrase {phrase!r}")
    for table in ("descriptions", "pronouns"):
        for word, gender in cues.get(table, {}).items():
            if gender is not None and gender not in GENDERS:
                problems.append(f"cues.json: {table}[{word!r}] has unknown gender {gender!r}")
    seen: dict[str, str] = {}
    for gender in GENDERS:
        for name in names.get(gender, []):
            if name != name.lower() or not name.isalpha():
                problems.append(f"names.json: {name!r} is not a lower-case name")
            if name in seen:
                problems.append(f"names.json: {name!r} listed as {seen[name]} and {gender}")
            seen[name] = gender
    return problems


def _read(name: str) -> dict:
    return json.loads((DATA / name).read_text(encoding="utf-8"))


@functools.cache
def load() -> QuoteLexicon:
    """Read and validate the lexicon once per process (raises ValueError when invalid)."""
    cues, names = _read("cues.json"), _read("names.json")
    problems = validate(cues, names)
    if problems:
        raise ValueError("invalid quotes lexicon: " + "; ".join(problems))
    return QuoteLexicon(
        version=cues["version"],
        speech=frozenset(cues["speech"]),
        cognition=frozenset(cues["cognition"]),
        evidence=frozenset(cues["evidence"]),
        stance=frozenset(cues["stance"]),
        reporting=frozenset(cues["reporting_verbs"]),
        obligation_reporting=frozenset(cues["obligation_reporting_verbs"]),
        prep_complements={v: frozenset(p) for v, p in cues["prep_complements"].items()},
        prep_words={w: frozenset(p) for w, p in cues["prep_words"].items()},
        xcomp_verbs=frozenset(cues["xcomp_verbs"]),
        object_complement_verbs=frozenset(cues["object_complement_verbs"]),
        object_content_verbs=frozenset(cues["object_content_verbs"]),
        nouns=frozenset(cues["nouns"]),
        infinitive_nouns=frozenset(cues["infinitive_nouns"]),
        source_phrases=tuple(tuple(p) for p in cues["source_phrases"]),
        source_nouns=frozenset(cues["source_nouns"]),
        hearsay_verbs=frozenset(cues["hearsay_verbs"]),
        judging_verbs=frozenset(cues["judging_verbs"]),
        clause_adjectives=frozenset(cues["clause_adjectives"]),
        document_nouns=frozenset(cues["document_nouns"]),
        descriptions=dict(cues["descriptions"]),
        pronouns=dict(cues["pronouns"]),
        first_names={n: g for g in GENDERS for n in names[g]},
    )
