"""The trigger table: which words start which event types in real news, counted on the annotated corpus.

``tidings train events`` counts, over the train split's annotated events, the lemma of each trigger's
head word with the event's PLOVER type and CAMEO code. A lemma seen at least ``MIN_COUNT`` times as
a type proposes that type wherever the lemma heads a clause with a party as its doer
(:mod:`~tidings.stages.events.loose`); the event scorer decides. This reaches the events no lexicon
pattern covers ("said" carrying an accusation, "called" a demand, "took" a city) and the other type
of a word the rules read one way ("attacked" in words, "ruled" against someone).
"""
from __future__ import annotations

import functools
import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from tidings.models import Parse, Token
from tidings.resources import ontology

PATH = Path(__file__).resolve().parent.parent / "resources" / "data" / "models" / "event_triggers.json"
#: How often a lemma must have triggered a type in the train split to propose it.
MIN_COUNT = 2
#: The word classes a trigger's head word may have.
TRIGGER_POS = ("VERB", "NOUN")


@dataclass
class TriggerTable:
    """Per lemma, per PLOVER type: how often it triggered an annotated event, and with which CAMEO codes."""

    codes: dict[str, dict[str, Counter]] = field(default_factory=dict)
    #: proposals per lemma, memoised (the events stage asks for every verb and noun of every article)
    _proposed: dict[str, list[tuple[str, str]]] = field(default_factory=dict, repr=False, compare=False)

    def add(self, lemma: str, type_: str, cameo: str, count: int = 1) -> None:
        self.codes.setdefault(lemma, {}).setdefault(type_, Counter())[cameo] += count
        self._proposed.pop(lemma, None)

    def count(self, lemma: str, type_: str) -> int:
        return sum(self.codes.get(lemma, {}).get(type_, Counter()).values())

    def proposals(self, lemma: str) -> list[tuple[str, str]]:
        """(type, its most frequent CAMEO code) for each type ``lemma`` triggered at least ``MIN_COUNT`` times,
        the most frequent first."""
        if lemma in self._proposed:
            return self._proposed[lemma]
        types = self.codes.get(lemma, {})
        ranked = sorted(types, key=lambda t: (-sum(types[t].values()), t))
        out = [(t, types[t].most_common(1)[0][0]) for t in ranked if sum(types[t].values()) >= MIN_COUNT]
        self._proposed[lemma] = out
        return out

    def without(self, other: TriggerTable) -> TriggerTable:
        """This table less another's counts (leave one article out when training on its own counts)."""
        out = TriggerTable()
        for lemma, types in self.codes.items():
            for type_, codes in types.items():
                left = codes - other.codes.get(lemma, {}).get(type_, Counter())
                for cameo, n in left.items():
                    out.add(lemma, type_, cameo, n)
        return out

    def to_json(self) -> dict:
        return {lemma: {t: dict(sorted(c.items())) for t, c in sorted(types.items())}
                for lemma, types in sorted(self.codes.items())}

    @classmethod
    def from_json(cls, data: dict) -> TriggerTable:
        table = cls()
        for lemma, types in data.items():
            for type_, codes in types.items():
                for cameo, n in codes.items():
                    table.add(lemma, type_, cameo, int(n))
        return table


def head_word(parse: Parse, start: int, end: int) -> Token | None:
    """The word that heads an annotated trigger span: its first verb or noun, else its first token."""
    tokens = parse.tokens_in(start, end)
    words = [t for t in tokens if t.pos in TRIGGER_POS]
    if words:
        return words[0]
    return tokens[0] if tokens else None


def count(annotated: Iterable[tuple[Parse | None, Iterable]]) -> TriggerTable:
    """The table of (parse, annotated events) pairs (an unparsed article adds nothing); events need
    ``trigger``, ``type`` and ``cameo``."""
    table = TriggerTable()
    for parse, events in annotated:
        if parse is None:
            continue
        for event in events:
            word = head_word(parse, *event.trigger)
            if word is not None:
                table.add(word.lemma.lower(), event.type, event.cameo)
    return table


def validate(table: TriggerTable | None = None) -> list[str]:
    """Problems of a table (by default the committed one): unknown codes, codes of another type, counts below
    one."""
    table = table if table is not None else load()
    if table is None:
        return []
    onto = ontology.load()
    problems = []
    for lemma, types in table.codes.items():
        for type_, codes in types.items():
            for cameo, n in codes.items():
                try:
                    code_type = onto.code(cameo).plover_type
                except KeyError:
                    problems.append(f"{lemma}: unknown CAMEO code {cameo!r}")
                    continue
                if code_type not in (type_, ""):
                    problems.append(f"{lemma}: CAMEO {cameo} is {code_type}, not {type_}")
                if n < 1:
                    problems.append(f"{lemma} {type_} {cameo}: count {n}")
    return problems


def save(table: TriggerTable, path: Path = PATH) -> None:
    path.write_text(json.dumps(table.to_json(), indent=0, sort_keys=True) + "\n", encoding="utf-8")


@functools.cache
def load(path: Path = PATH) -> TriggerTable | None:
    """The committed table (None when there is none: no corpus-learned candidates)."""
    if not path.is_file():
        return None
    return TriggerTable.from_json(json.loads(path.read_text(encoding="utf-8")))
