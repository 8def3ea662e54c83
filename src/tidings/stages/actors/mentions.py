"""Finds actor mentions in a parsed Document: KB names, people (titles, appositions,
misspellings, surname-only repeats), role-noun phrases and capitals used for governments."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from tidings.models import Actor, Document, Entity, Parse, Token
from tidings.resources.places import load_gazetteer

from .index import ADJECTIVE, CAPITAL, COUNTRY, ORG, PEOPLE_NOUN, PERSON, SEAT, NameIndex, NameMatch, Target
from .resolve import ELITE, Resolver, day_of, is_countryish, slug

#: Prepositions whose object is a place, not an actor ("flew to Moscow").
LOCATIVE_PREPS = frozenset("in at to from into near outside inside across around via through toward towards "
                           "within over throughout".split())
#: Prepositions whose object gives a role noun its country or organisation ("students across Chile").
PLACE_PREPS = frozenset("of in from for across throughout".split())
#: Participles placing the noun they follow somewhere ("a group based in Trinidad", "troops stationed in Niger").
BASED_VERBS = frozenset({"base", "station", "headquarter"})
#: Nouns whose possessor backs the role noun compounding them ("Iran's militia allies" are backed by Iran).
PATRON_NOUNS = frozenset({"ally", "proxy", "client", "surrogate"})
#: Participles of ground held by the role noun glued to them ("rebel-held territory", "government-controlled towns").
HOLDING_VERBS = frozenset({"hold", "control", "occupy", "seize", "capture"})
#: Participles naming the place people left ("refugees fleeing Syria", "civilians escaping the war in Sudan").
FLEEING_VERBS = frozenset({"flee", "escape"})
#: Verbs that make a modifier a patron ("Moscow-backed rebels").
PATRON_VERBS = frozenset("back support sponsor arm fund ally align".split())
NAME_LABELS = {COUNTRY: "GPE", CAPITAL: "GPE", ADJECTIVE: "NORP", PEOPLE_NOUN: "NORP", SEAT: "ORG", ORG: "ORG",
               PERSON: "PERSON"}
#: Labels of entities whose inner words are not separate actors ("Bank of America", "New Mexico").
CONTAINER_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "WORK_OF_ART", "EVENT", "LAW", "PRODUCT"})
ROLE_LABEL = "NOMINAL"
POSSESSIVES = frozenset({"his", "her", "their", "its"})
FORMER = frozenset({"former", "ex"})
#: Words making a demonym a minority of that origin, not the country's people ("ethnic Albanians" in Serbia).
MINORITY_MARKERS = frozenset({"ethnic"})
#: Sector of a minority named by its origin: civilians of the country they live in.
CIVILIAN = "CVL"
MEDIA = "MED"
#: Role nouns that are also words of proper names ("a U.S. national", not the "National Assembly"): roles only
#: when written in lowercase.
LOWERCASE_ROLES = frozenset({"national"})
#: Modifiers making a newspaper, broadcaster or news agency the state's outlet, coded as its government (CAMEO
#: ``GOVMED``: "the official news agency", "state-run television", "a government newspaper").
STATE_OUTLET_WORDS = frozenset({"official", "state", "government"})
PATRON_SUFFIX = re.compile(r"^(.+)-(?:backed|supported|sponsored|armed|funded|allied)$", re.IGNORECASE)
#: Smallest town whose name alone gives a country ("protesters in Minsk"); capitals count whatever their size.
CITY_MIN_POPULATION = 15_000
#: Shortest word the tagger took for a person's name that may be a misspelt country ("Kazakstan"); shorter
#: ones are too often surnames ("Greene", "Franco").
MISSPELT_AS_PERSON_MIN = 9
#: Smallest namesake city preferred to a capital or larger city of the same name when the article names only
#: its country ("Tripoli" in an article on Lebanon).
NAMESAKE_MIN_POPULATION = 100_000
#: Dependencies that keep a word inside the noun phrase describing a name.
TITLE_DEPS = frozenset({"compound", "amod", "nmod", "prep", "pobj", "poss"})
#: Which candidate wins an overlap: a person over a role phrase over a bare KB name or organisation.
PERSON_PRIORITY, ROLE_PRIORITY, NAME_PRIORITY = 3, 2, 1


@dataclass(order=True)
class Candidate:
    """A possible mention; overlaps are settled by priority, then length."""

    priority: int
    start: int
    end: int
    label: str = field(compare=False)
    actor: Actor = field(compare=False)


@dataclass
class Context:
    """What surrounds a name or role noun: countries, organisations, patrons, role words."""

    targets: list[Target] = field(default_factory=list)
    spans: dict[Target, tuple[int, int]] = field(default_factory=dict)  # where left modifiers are named
    patrons: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    former: bool = False


@dataclass
class PeopleFound:
    """What the people pass found: its candidates, the tokens they claim, people seen, surnames and given
    names for later repeats, and titled people still without a country (with their title words)."""

    claimed: set[int] = field(default_factory=set)
    seen_people: set[str] = field(default_factory=set)
    surnames: dict[str, Actor] = field(default_factory=dict)
    first_names: dict[str, Actor] = field(default_factory=dict)
    candidates: list[Candidate] = field(default_factory=list)
    untold: list[tuple[Actor, set[str]]] = field(default_factory=list)


@dataclass
class RolesFound:
    """What the role-phrase pass found: its candidates, the tokens claimed by it and the passes before it,
    and the offices it bound to a country in a sentence ("Zimbabwe's president" → ZWE)."""

    claimed: set[int]
    candidates: list[Candidate] = field(default_factory=list)
    office_countries: dict[str, set[tuple[str, int]]] = field(default_factory=dict)

    def add(self, finder: MentionFinder, start: int, end: int, actor: Actor, idx: list[int]) -> None:
        """A role mention over [start, end) for the phrase tokens ``idx``."""
        self.claimed.update(idx)
        self.claimed.update(t.i for t in finder.tokens_in(start, end))
        label = "PERSON" if actor.kind == "person" else ROLE_LABEL
        self.candidates.append(Candidate(ROLE_PRIORITY, start, end, label, actor))


def parse_of(doc: Document) -> Parse:
    """The parse of ``doc``, which the actors stage runs after (``run`` skips an unparsed document)."""
    if doc.parse is None:
        raise ValueError("the actors stage needs a parsed document (run the nlp stage first)")
    return doc.parse


class MentionFinder:
    """The mention generators over one parsed article and the lookups they share (tokens, entities, KB name
    matches), fixed at construction; each generator's inputs and findings are explicit."""

    def __init__(self, doc: Document, index: NameIndex, resolver: Resolver):
        self.doc, self.index, self.resolver, self.kb = doc, index, resolver, index.kb
        self.text = doc.article.text
        self.parse: Parse = parse_of(doc)
        self.tokens: list[Token] = self.parse.tokens
        self.day = day_of(doc.article.published)
        self.entity_of: dict[int, Entity] = {}
        for ent in self.parse.entities:
            for i in range(ent.token_start, ent.token_end):
                self.entity_of[i] = ent
        self.lowered = self.parse.lower_texts
        #: per token, whether a role phrase may start there (its text, lemma or singular is a role word)
        self.opens_role = _role_openers(self.lowered, self.parse.lower_lemmas, index.role_words)
        self._roles: dict[int, tuple[str, int] | None] = {}
        self.matches = [m for m in index.find(self.text) if self._keep_match(m)]
        self.match_of: dict[int, NameMatch] = {}
        self._index_matches(self.matches)
        misspelt = self._misspelt_countries()
        self._index_matches(misspelt)
        self.matches = sorted(self.matches + misspelt, key=lambda m: m.start)

    def _index_matches(self, matches: list[NameMatch]) -> None:
        for m in matches:
            for tok in self.tokens_in(m.start, m.end):
                self.match_of[tok.i] = m

    # --- KB name matches ----------------------------------------------------------------------

    def tokens_in(self, start: int, end: int) -> list[Token]:
        """Tokens overlapping [start, end)."""
        return self.parse.tokens_in(start, end)

    def _keep_match(self, m: NameMatch) -> bool:
        """Drop names that are only part of a longer name ("New Mexico", "Ivanka Trump")."""
        toks = self.tokens_in(m.start, m.end)
        if not toks or toks[0].start != m.start or toks[-1].end != m.end:
            return False  # not on token boundaries ("US" inside "USA-based" tokenised oddly)
        ent = self.entity_of.get(toks[0].i)
        if ent is not None and not (ent.start <= m.start and ent.end >= m.end):
            ent = None
        if all(t.kind == ADJECTIVE for t in m.targets) and ent is not None and ent.label == "ORG":
            # "Turkish Airlines" is a company (of Turkey), "the Russian Defence Ministry" a Russian role phrase
            rest = [t for t in self.tokens[ent.token_start:ent.token_end] if t.i not in {x.i for x in toks}]
            return any(self._is_title_word(t) for t in rest) or not any(
                t.pos in ("PROPN", "NOUN") and t.i > toks[-1].i for t in rest)
        if all(t.kind == ADJECTIVE for t in m.targets) or (len(toks) > 1 and m.targets[0].kind == PERSON):
            return True  # a full KB name stands even inside a longer tagged span ("Democrat Hillary Clinton")
        if ent is None or ent.label not in CONTAINER_LABELS:
            return True
        extra = [t for t in self.tokens[ent.token_start:ent.token_end] if t.end <= m.start or t.start >= m.end]
        if self._coordinated(toks, ent):
            return True  # "Amnesty International and Human Rights Watch" tagged as one organisation
        return all(self._is_title_word(t) or t.tag == "POS" or t.pos in ("DET", "PUNCT") for t in extra)

    def _misspelt_countries(self) -> list[NameMatch]:
        """Misspelt country names and demonyms ("Quatar's emir", "Ethopia has agreed"): a capitalised proper noun
        outside the KB and the places gazetteer, untagged or tagged alone (as a person only when long), after no
        title or honorific, close to one country's name (``NameIndex.fuzzy_country``)."""
        found = []
        for tok in self.tokens:
            ent = self.entity_of.get(tok.i)
            labels = ("GPE", "ORG", "NORP", "LOC") + (("PERSON",) if len(tok.text) >= MISSPELT_AS_PERSON_MIN else ())
            if (tok.pos != "PROPN" or tok.i in self.match_of or not tok.text[:1].isupper() or tok.text.isupper()
                    or (ent is not None and (ent.label not in labels or ent.token_end - ent.token_start > 1))
                    or (tok.i and self._is_title_word(self.tokens[tok.i - 1])) or tok.text in self.index.surnames):
                continue
            target = self.index.fuzzy_country(tok.text)
            if target is not None and not load_gazetteer().has_name(tok.text):
                found.append(NameMatch(tok.start, tok.end, tok.text, (target,)))
        return found

    def _coordinated(self, toks: list[Token], ent: Entity) -> bool:
        """Whether a name fills a whole side of a coordination inside a tagged span ("A and B")."""
        before = self.tokens[toks[0].i - 1] if toks[0].i > ent.token_start else None
        after = self.tokens[toks[-1].i + 1] if toks[-1].i + 1 < ent.token_end else None
        sides = [t for t in (before, after) if t is not None]
        return bool(sides) and all(t.pos == "CCONJ" or t.text == "," for t in sides)

    def _is_title_word(self, tok: Token) -> bool:
        low = tok.text.lower()
        return low in FORMER or low in self.index.role_words or tok.text in self.kb.honorifics or any(
            is_countryish(t) or t.kind == ORG for t in self.index.exact(tok.text))

    # --- context around names and role nouns --------------------------------------------------

    def context_of(self, heads: list[int], exclude: set[int]) -> Context:
        """Countries, organisations, patrons and role words modifying the tokens ``heads``."""
        ctx = Context()
        for h in heads:
            for c in self.parse.children(h):
                if c in exclude:
                    continue
                tok = self.tokens[c]
                dep = tok.dep
                if dep in ("amod", "compound", "nmod", "poss", "npadvmod", "nummod") or (
                        dep == "conj" and tok.pos in ("ADJ", "PROPN") and self._demonym(c)):
                    self._modifier(c, ctx)
                elif dep == "prep" and tok.text.lower() in PLACE_PREPS:
                    self._prep_object(c, ctx)
                elif dep == "acl" and tok.lemma.lower() in BASED_VERBS:  # "a group based in Trinidad"
                    for p in self.parse.children(c):
                        if self.tokens[p].dep == "prep" and self.tokens[p].text.lower() in ("in", "at"):
                            self._prep_object(p, ctx)
                elif dep == "acl" and tok.lemma.lower() in FLEEING_VERBS:  # "refugees fleeing the war in Liberia"
                    self._fled_place(c, ctx)
        return ctx

    def _modifier(self, i: int, ctx: Context) -> None:
        tok = self.tokens[i]
        low = tok.text.lower()
        if low in FORMER:
            ctx.former = True
            return
        if (glued := PATRON_SUFFIX.match(tok.text)) and (patron := self._name_country(glued.group(1))):
            ctx.patrons.append(patron)  # "U.S.-backed forces" as one token
            return
        if tok.lemma.lower() in PATRON_VERBS and tok.pos in ("VERB", "ADJ"):
            # "Moscow-backed rebels": the name under "backed" is a patron.
            for c in self.parse.subtree(i):
                if (m := self.match_of.get(c)) and (iso := self._target_country(m)):
                    ctx.patrons.append(iso)
                    return
        m = self.match_of.get(i)
        if m is not None:
            target = m.targets[0]
            prev = self.text[max(0, m.start - 4):m.start].lower()
            if prev.endswith(("pro-", "pro ")) and (iso := self._target_country(m)):
                ctx.patrons.append(iso)  # "pro-Russian separatists"
            elif target.kind == PERSON:
                person = self.resolver.person(self.kb.people[target.key], self.day)
                if person.country:
                    ctx.targets.append(Target(COUNTRY, person.country))
            else:
                ctx.targets.append(target)
                ctx.spans.setdefault(target, (m.start, m.end))
        elif low in self.index.role_words:
            ctx.roles.append(low)
        for c in self.parse.children(i):
            if self.tokens[c].dep == "conj":
                self._modifier(c, ctx)  # "Hungarian and Romanian officials"

    def _prep_object(self, prep: int, ctx: Context) -> None:
        for c in self.parse.children(prep):
            if self.tokens[c].dep == "pobj":
                self._place_object(c, ctx)

    def _fled_place(self, verb: int, ctx: Context) -> None:
        """The place left behind by "refugees fleeing Syria" / "fleeing the war in Liberia"."""
        for c in self.parse.children(verb):
            if self.tokens[c].dep == "dobj":
                self._place_object(c, ctx)
                for p in self.parse.children(c):
                    if self.tokens[p].dep == "prep" and self.tokens[p].text.lower() == "in":
                        self._prep_object(p, ctx)
            elif self.tokens[c].dep == "prep" and self.tokens[c].text.lower() in ("from", "in"):
                self._prep_object(c, ctx)

    def _place_object(self, c: int, ctx: Context) -> None:
        """The country or organisation named by the object ``c`` of a preposition or verb placing a role noun."""
        m = self.match_of.get(c)
        if m is not None and m.targets[0].kind == CAPITAL:  # a namesake city may be meant ("Tripoli")
            ctx.targets.append(Target(COUNTRY, self._place_country(m.text) or m.targets[0].key))
            return
        if m is not None and m.targets[0].kind != PERSON:
            ctx.targets.append(m.targets[0])
            return
        # "protesters in Minsk", "rebels in Darfur", "the government of Sindh province"
        named = [i for i in (c, *self.parse.children(c)) if i == c or self.tokens[i].dep == "compound"]
        places = {ent.start: ent.text for i in sorted(named)
                  if (ent := self.entity_of.get(i)) is not None and ent.label in ("GPE", "LOC")}
        for place in places.values():
            if iso := self._place_country(place):
                ctx.targets.append(Target(COUNTRY, iso))

    def _place_country(self, name: str) -> str | None:
        """The country of a city or region named in a role phrase: the capital or most populous city of that
        name, unless the article names only the country of a large namesake ("militias in Tripoli" beside "the
        Lebanese port" → LBN), else a region of one country."""
        default = self._kb_capital(name) or city_country(name)
        named = {t.key for m in self.matches for t in m.targets[:1] if t.kind in (COUNTRY, ADJECTIVE, PEOPLE_NOUN)}
        if default is not None and default not in named:
            namesakes = {e.country for m in load_gazetteer().lookup(name) if (e := m.entry).feature == "city"
                         and e.name == name and e.population >= NAMESAKE_MIN_POPULATION} & named
            if len(namesakes) == 1:
                return namesakes.pop()
        return default or region_country(name)

    def _kb_capital(self, name: str) -> str | None:
        """The country whose KB capital is ``name``."""
        return next((t.key for t in self.index.exact(name) if t.kind == CAPITAL), None)

    def _demonym(self, i: int) -> bool:
        """Whether token ``i`` is a demonym ("Romanian"), which may modify a role noun it is coordinated with;
        a coordinated name ("the Bank of China and Air India") is another party."""
        m = self.match_of.get(i)
        return m is None or all(t.kind == ADJECTIVE for t in m.targets)

    def _name_country(self, name: str) -> str | None:
        """The country a KB name stands for ("U.S." → USA), None for people and unknown names."""
        targets = [t for t in self.index.exact(name) if t.kind != PERSON]
        return self.resolver.country_of(targets[0], self.day) if targets else None

    def _target_country(self, m: NameMatch) -> str | None:
        return self.resolver.country_of(m.targets[0], self.day)

    # --- names and titles of people -----------------------------------------------------------

    def _given_name_before(self, first: Token) -> int:
        """Where a tagged person's name starts: a given name the tagger took for a place ("Marta" tagged GPE
        before "Voskuijl") belongs to it when it is a capitalised compound of the name and no KB name or title."""
        prev = self.tokens[first.i - 1] if first.i else None
        if (prev is not None and prev.sent == first.sent and prev.pos == "PROPN" and prev.dep == "compound"
                and prev.head >= first.i and prev.text[:1].isupper() and prev.text[1:].islower()
                and prev.i not in self.match_of and not self._is_title_word(prev)
                and (ent := self.entity_of.get(prev.i)) is not None and ent.label in ("GPE", "LOC")
                and ent.token_end == first.i):
            return prev.start
        return first.start

    def _government_noun_after(self, last: Token) -> Token | None:
        """The government noun ("administration", "regime") right after a name in its sentence, if any."""
        nxt = self.tokens[last.i + 1] if last.i + 1 < len(self.tokens) else None
        if nxt is None or nxt.sent != last.sent or nxt.pos not in ("NOUN", "PROPN"):
            return None
        return nxt if nxt.text.lower() in self.kb.government_nouns else None

    def _title(self, first: int, indices: set[int]) -> tuple[int, list[int]]:
        """The description right before a name ("former Russian President", "French National Assembly
        president") → (start offset, tokens): left modifiers attached to the name or to each other."""
        title: list[int] = []
        i = first - 1
        while i >= 0 and self.tokens[i].sent == self.tokens[first].sent:
            tok = self.tokens[i]
            spelled = next((n for n in (3, 2) if i - n + 1 >= 0 and (hit := self._role_at(i - n + 1))
                            and hit[1] == n), None)
            spelled_text = self.text[self.tokens[i - spelled + 1].start:tok.end] if spelled else ""
            if spelled and (" of " in spelled_text or "-" in spelled_text):
                title.extend(range(i, i - spelled, -1))  # "Secretary of State Clinton", "Secretary-General X"
                i -= spelled
                continue
            if (tok.tag == "HYPH" and i > 0 and title and self.tokens[i - 1].end == tok.start
                    and tok.end == self.tokens[i + 1].start and self._attached(i - 1, first, indices, title)):
                title.extend((i, i - 1))  # "Israeli right-winger Ariel Sharon": one hyphenated word
                i -= 2
                continue
            if tok.tag == "POS" and i > 0 and self._attached(i - 1, first, indices, title):
                title.extend((i, i - 1))  # "Ukraine's President Volodymyr Zelenskiy"
                i -= 2
                continue
            named_org = (m := self.match_of.get(i)) is not None and m.targets[0].kind == ORG  # "WHO" tagged PRON
            if not self._attached(i, first, indices, title) or (
                    tok.pos not in ("PROPN", "ADJ", "NOUN", "ADP") and not named_org) or (
                    self._names_someone(tok) and self.entity_of.get(tok.i) is not self.entity_of.get(first)):
                break
            title.append(i)
            i -= 1
        while title and not self._is_title_word(self.tokens[title[-1]]) and self.tokens[title[-1]].pos == "ADJ":
            title.pop()  # a leading plain adjective ("popular President X") is not part of the title
        return (self.tokens[title[-1]].start if title else 0), sorted(title)

    def _attached(self, i: int, first: int, indices: set[int], title: list[int]) -> bool:
        """Whether token ``i`` modifies the name through noun-phrase links only ("ambassador to Moscow")."""
        for _ in range(6):
            tok = self.tokens[i]
            if tok.dep not in TITLE_DEPS:
                return False
            if tok.head in indices or tok.head in title:
                return True
            if not i < tok.head < first:
                return False
            i = tok.head
        return False

    def _names_someone(self, tok: Token) -> bool:
        """Whether ``tok`` belongs to another person's name."""
        ent = self.entity_of.get(tok.i)
        match = self.match_of.get(tok.i)
        return (ent is not None and ent.label == "PERSON") or (
            match is not None and any(t.kind == PERSON for t in match.targets))

    def _title_roles(self, title: list[int]) -> list[str]:
        """Role phrases spelt by title tokens ("Prime Minister", "Lt. Gen.")."""
        found, k = [], 0
        while k < len(title):
            hit = self._role_at(title[k])
            if hit is not None and title[k] + hit[1] - 1 <= title[-1]:
                found.append(hit[0])
                k += hit[1]
            else:
                k += 1
        return found

    def _same_person(self, earlier: Actor, surname: str, offices: set[str], gender: str | None) -> bool:
        """Whether a bare surname ("Vice President Biden", "Mr. Biden") may be the person named earlier with it:
        not when the honorific's gender differs, nor when its title names an office the earlier person never
        held while a KB namesake held it (Hunter Biden is not "Vice President Biden")."""
        person = self.kb.people.get(earlier.id)
        if gender and person is not None and person.gender not in (None, gender):
            return False
        if not offices or (person is not None and any(t.office in offices for t in person.roles)):
            return True
        return not any(t.office in offices for pid in self.index.surnames.get(surname, ()) if pid != earlier.id
                       for t in self.kb.people[pid].roles)

    # --- role-noun phrases --------------------------------------------------------------------

    def _role_at(self, i: int) -> tuple[str, int] | None:
        """The KB role phrase starting at token ``i`` and its length in tokens (remembered per token)."""
        if not self.opens_role[i]:
            return None
        if i not in self._roles:
            self._roles[i] = self._find_role(i)
        return self._roles[i]

    def _find_role(self, i: int) -> tuple[str, int] | None:
        if (m := self.match_of.get(i)) and not all(t.kind == ADJECTIVE for t in m.targets):
            return None  # inside a name ("Democratic People's Republic of Korea")
        for n in (3, 2, 1):
            toks = self.tokens[i:i + n]
            if len(toks) < n or toks[-1].sent != toks[0].sent or toks[-1].pos not in (
                    ("NOUN", "PROPN", "ADJ") if n > 1 else ("NOUN", "PROPN")):  # "secretary-general" ends in ADJ
                continue
            words = self.lowered[i:i + n]
            plural = words[-1][:-1] if words[-1].endswith("s") else words[-1]  # proper-noun plurals ("Kurds")
            before = self.text[toks[0].start:toks[-1].start].lower()  # keeps hyphens: "secretary-general"
            for last in (words[-1], self.parse.lower_lemmas[i + n - 1], plural):
                for key in (" ".join(words[:-1] + [last]), before + last):
                    if key in self.kb.roles and not (key in LOWERCASE_ROLES and not toks[0].text.islower()):
                        return key, n
        return None

    def _singular(self, idx: list[int]) -> bool:
        """A singular role phrase names one office holder ("the president", not "presidents")."""
        return not any(self.tokens[i].tag in ("NNS", "NNPS") for i in idx)

    def _between(self, start: int, idx: list[int]) -> list[int]:
        """Tokens between a modifier starting at ``start`` and the phrase that are not adjectives or names."""
        first = self.parse.token_at(start)
        if first is None:
            return [idx[0]]
        return [i for i in range(first.i + 1, idx[0])
                if self.tokens[i].pos not in ("ADJ", "PROPN", "NOUN", "CCONJ") and i not in self.match_of]

    def _modifier_tokens(self, idx: list[int], phrase: set[int]) -> list[int]:
        """Left modifiers of the phrase that belong in the mention span."""
        out: list[int] = []
        for h in idx:
            for c in self.parse.children(h):
                if c < idx[0] and c not in phrase and self.tokens[c].dep in ("amod", "compound", "nmod", "poss",
                                                                             "npadvmod"):
                    out.extend(self.parse.subtree(c))
        return out

    def role_candidates(self, claimed: frozenset[int], earlier: list[Candidate]) -> RolesFound:
        """"Russian officials", "Moscow-backed rebels", "protesters in Minsk", "the U.S. president" outside
        ``claimed`` tokens; "his government" takes the country of the last ``earlier`` mention before it."""
        found = RolesFound(set(claimed))
        starts = [i for i, opens in enumerate(self.opens_role) if opens]
        free = 0
        for i in starts:
            if i < free or (hit := self._role_at(i)) is None:
                continue
            role_key, n = hit
            self._role_phrase(list(range(i, i + n)), role_key, found, earlier)
            free = i + n
        return found

    def _role_phrase(self, idx: list[int], role_key: str, found: RolesFound, earlier: list[Candidate]) -> None:
        if any(i in found.claimed for i in idx):
            return
        phrase = set(idx)
        head = next((i for i in idx if self.tokens[i].head not in phrase or self.tokens[i].head == i), idx[-1])
        head_tok = self.tokens[head]
        if head_tok.dep == "compound" and (self._role_at(head_tok.head) or self.tokens[head_tok.head].pos == "PROPN"):
            return  # a title ("President Biden") or a modifier of another role noun ("government troops")
        role = self.kb.roles[role_key]
        heads = idx + ([head_tok.head] if head_tok.dep == "compound" and self.tokens[head_tok.head].pos == "NOUN"
                       else [])  # "opposition groups in Zimbabwe": the head noun's modifiers count too
        if (held := self._held_by(head_tok)) is not None:
            heads.append(held)  # "Albanian rebel-held territory": the rebels are the Albanian ones
        ctx = self.context_of(heads, phrase)
        backer = self._backer(head_tok, ctx)  # "Iran's militia allies in Iraq": Iran backs them
        patron = ctx.patrons[0] if ctx.patrons else None
        sector = role.sector
        if sector == "GOV":
            # "intelligence officials", "rebel leaders": the modifier's sector is the specific one.
            sector = next((r.sector for w in ctx.roles if (r := self.kb.roles.get(w)) and r.sector != "GOV"), sector)
        elif sector == MEDIA and self._state_owned(idx, phrase):
            sector = "GOV"  # "the official Syrian newspaper", "state-run television": the state's voice
        elif sector == "MIL" and any((r := self.kb.roles.get(w)) and r.sector == CIVILIAN for w in ctx.roles):
            sector = "REB"  # "Moslem forces", "Christian forces": a community's fighters, not a state's army
        sector = ELITE if ctx.former else sector
        left = min([self.tokens[i].start for i in idx] + [
            m.start if (m := self.match_of.get(i)) else self.tokens[i].start
            for i in self._modifier_tokens(idx, phrase)
            if i in self.match_of or self.tokens[i].text.lower() in self.index.role_words
            or PATRON_SUFFIX.match(self.tokens[i].text)])
        phrase_start = self.tokens[idx[0]].start
        nearby = [start for start, _ in ctx.spans.values()
                  if start < phrase_start and not any(self.tokens[i].start > start for i in self._between(start, idx))]
        left = min([left] + nearby + ([backer] if backer is not None else []))
        # "Israeli army bulldozers": the demonym belongs to the role mention; so does a backer's name
        if ctx.patrons and self.text[max(0, left - 4):left].lower() == "pro-":
            left -= 4
        end = self.tokens[idx[-1]].end
        if not ctx.targets and (owner := self._possessor(idx, earlier + found.candidates)):
            ctx.targets.append(Target(COUNTRY, owner))  # "Orban said his government ..." → HUN
        if not ctx.targets:
            # not "police station", but "Russia's militia proxies"
            if (patron or role.standalone) and (head_tok.dep != "compound" or backer is not None):
                found.add(self, left, end, self.resolver.generic(sector, patron), idx)
            return
        distinct = list(dict.fromkeys(ctx.targets))
        named = [t for t in distinct if t in ctx.spans and is_countryish(t)]
        if len(named) > 1:
            # "Hungarian and Romanian officials": one mention per country name.
            for target in named:
                start, stop = ctx.spans[target]
                found.add(self, start, stop, self.resolver.target(target, sector=sector, patron=patron), idx)
            return
        target = distinct[0]
        if target.kind == ORG:
            holder = self.resolver.office_holder((role.office,), target.key, self.day) if role.office else None
            if holder is not None and not ctx.former and self._singular(idx):
                actor = self.resolver.person(holder, self.day)  # "the NATO secretary-general" on that day
            else:
                actor = self.resolver.org(target.key, patron)
        else:
            iso = self.resolver.country_of(target, self.day)
            holder = self.resolver.office_holder((role.office,), iso, self.day) if role.office and iso else None
            if iso and self._singular(idx):
                for key in {k for k in (role_key, role.office) if k is not None}:
                    found.office_countries.setdefault(key, set()).add((iso, head_tok.sent))  # "Zimbabwe's president"
            if holder is not None and not ctx.former and self._singular(idx):
                actor = self.resolver.person(holder, self.day)  # "the Russian president" on that day
            elif iso is None:
                return
            else:
                actor = self.resolver.country(iso, sector, patron)
        found.add(self, left, end, actor, idx)

    def _backer(self, tok: Token, ctx: Context) -> int | None:
        """For a role noun compounding "ally", "proxy" or "client" ("Iran's militia allies in Iraq", "Israel's
        militia ally in southern Lebanon"), the possessor is the patron, not the fighters' country: moves it from
        ``ctx.targets`` to ``ctx.patrons``; returns where its name starts (None when there is none)."""
        head = self.tokens[tok.head]
        if tok.dep != "compound" or head.i == tok.i or self.parse.lower_lemmas[head.i] not in PATRON_NOUNS:
            return None
        for c in self.parse.children(head.i):
            m = self.match_of.get(c)
            if self.tokens[c].dep == "poss" and m is not None and (iso := self._target_country(m)):
                ctx.targets = [t for t in ctx.targets if t != m.targets[0]]
                ctx.patrons.insert(0, iso)
                return m.start
        return None

    def _held_by(self, tok: Token) -> int | None:
        """The noun a role noun holds through a hyphenated participle ("rebel-held territory", "government-controlled
        districts"), whose other modifiers describe the holder ("Albanian rebel-held territory" → ALB-REB)."""
        participle = self.tokens[tok.head]
        hyphen = self.tokens[tok.i + 1] if tok.i + 1 < participle.i else None
        if (tok.dep not in ("npadvmod", "compound") or participle.tag != "VBN" or hyphen is None
                or participle.lemma.lower() not in HOLDING_VERBS
                or hyphen.tag != "HYPH" or hyphen.i + 1 != participle.i or participle.dep not in ("amod", "compound")):
            return None
        noun = self.tokens[participle.head]
        return noun.i if noun.pos == "NOUN" and noun.i > participle.i and not self._role_at(noun.i) else None

    def _state_owned(self, idx: list[int], phrase: set[int]) -> bool:
        """Whether a media phrase is the state's outlet: a left modifier spelling "official", "state(-run)" or
        "government(-owned)" ("the official Syrian newspaper", "state-run television")."""
        return any(self.lowered[i] in STATE_OUTLET_WORDS for i in self._modifier_tokens(idx, phrase))

    def _possessor(self, idx: list[int], candidates: list[Candidate]) -> str | None:
        """The country of whoever "his/her/their/its" points back to, within the sentence."""
        pronoun = next((c for i in idx for c in self.parse.children(i)
                        if self.tokens[c].dep == "poss" and self.tokens[c].text.lower() in POSSESSIVES), None)
        if pronoun is None:
            return None
        sent = self.parse.sentences[self.tokens[pronoun].sent]
        before = [c for c in candidates if sent.start <= c.start < self.tokens[pronoun].start and c.actor.country]
        return max(before, key=lambda c: c.start).actor.country if before else None

    # --- KB names and organisations -----------------------------------------------------------

    def name_candidates(self, claimed: frozenset[int]) -> list[Candidate]:
        """KB countries, demonyms, seats, organisations and agentive capitals on tokens not ``claimed``."""
        found = []
        for m in self.matches:
            toks = self.tokens_in(m.start, m.end)
            if any(t.i in claimed for t in toks):
                continue
            target = m.targets[0]
            if target.kind == PERSON:
                continue
            place_like = target.kind == CAPITAL or (
                (ent := self.entity_of.get(toks[-1].i)) is not None and ent.label in ("GPE", "LOC"))
            if place_like and target.kind != COUNTRY and not self._agentive(toks[-1]):
                continue  # "in Brussels", "flew to Moscow": a place here, not an actor
            if target.kind in (ADJECTIVE, PEOPLE_NOUN) and toks[0].i and (
                    self.lowered[toks[0].i - 1] in MINORITY_MARKERS):
                # "ethnic Albanians in Macedonia": civilians of the place named with them, else of the article's
                # country (context.py), never of the country of their origin
                ctx = self.context_of([toks[-1].i], {t.i for t in toks})
                homes = {iso for t in ctx.targets if (iso := self.resolver.country_of(t, self.day))} - {target.key}
                actor = self.resolver.country(homes.pop(), CIVILIAN) if len(homes) == 1 else self.resolver.generic(
                    CIVILIAN)
                start = self.tokens[toks[0].i - 1].start
                found.append(Candidate(NAME_PRIORITY, start, m.end, ROLE_LABEL, actor))
                continue
            patron, start = None, m.start
            if target.kind == ORG:
                # "Iran-backed Houthi rebels": a patron modifying an organisation's name.
                ids = {t.i for t in toks}
                heads = [t.i for t in toks if t.head not in ids]
                ctx = self.context_of(heads, ids)
                if ctx.patrons:
                    patron = ctx.patrons[0]
                    start = min([start] + [self.tokens[i].start for i in self._modifier_tokens(heads, ids)])
            if target.kind in (ADJECTIVE, PEOPLE_NOUN) and self._counted_people(toks[-1]):
                actor = self.resolver.country(target.key, CIVILIAN)  # "100 Palestinians", "young Algerians"
            else:
                actor = self.resolver.target(target, day=self.day, patron=patron)
            found.append(Candidate(NAME_PRIORITY, start, m.end, NAME_LABELS[target.kind], actor))
        return found

    def _counted_people(self, tok: Token) -> bool:
        """Whether a demonym used as a noun names some of a country's people, not the country: counted or
        described ("more than 100 Palestinians", "young Algerians", "a Chilean") rather than bare ("Palestinians
        blamed Israel")."""
        if tok.pos not in ("NOUN", "PROPN") or tok.dep in ("amod", "compound"):
            return False
        return any((t := self.tokens[c]).dep in ("nummod", "amod") and c not in self.match_of
                   or (t.dep == "compound" and c not in self.match_of and c not in self.entity_of)  # "Young" tagged
                   or (t.dep == "det" and t.text.lower() in ("a", "an"))
                   for c in self.parse.children(tok.i) if c < tok.i)

    def organisation_candidates(self, claimed: frozenset[int], taken: list[Candidate]) -> list[Candidate]:
        """Organisations outside the KB ("Gazprom", "the Ukrainian Orthodox Church"), tagged ORG by spaCy.

        The tagger also marks headline fragments and places as ORG: all-capital words, single city
        names, ``taken`` mentions and ``claimed`` tokens are skipped."""
        spans = []
        for ent in self.parse.entities:
            toks = [t for t in self.tokens[ent.token_start:ent.token_end] if t.pos != "DET" and t.tag != "POS"]
            if ent.label == "ORG" and toks:
                spans.append((toks, self.text[toks[0].start:toks[-1].end]))
        found = []
        things = {name for toks, name in spans if self._names_a_thing(toks)}
        for toks, name in spans:
            start, end = toks[0].start, toks[-1].end
            if (any(c.start < end and start < c.end for c in taken) or any(t.i in claimed for t in toks)
                    or not name[:1].isupper() or (name.isupper() and len(name) > 5) or "\n" in name
                    or not any(t.pos == "PROPN" for t in toks) or (len(toks) == 1 and city_country(name))
                    or name in things or _is_region(name)):
                continue  # not a name; a city, region or thing ("the Zircon missile") the tagger took for an org
            known = [t for t in self.index.tagged_names.get(name, ()) if t.kind == ORG]
            actor = self.resolver.org(known[0].key) if known else Actor(
                id=slug(name), name=name, kind="organization", country=self._org_country(name),
                sector=self._org_sector(toks))
            found.append(Candidate(NAME_PRIORITY, start, end, "ORG", actor))
        return found

    def _org_country(self, name: str) -> str | None:
        """The country an organisation's own name gives: a demonym anywhere ("Turkish Airlines", "the Syrian
        Observatory for Human Rights") or a country named after "of" or last ("Bank of China", "Air India").
        A country name first is no evidence: it is as often a person's or a state's name ("Georgia Power",
        "Jordan Brand")."""
        found: dict[str, int] = {}
        for m in self.index.find(name):
            target = m.targets[0]
            before = name[:m.start].rstrip()
            if target.kind in (ADJECTIVE, PEOPLE_NOUN) or (target.kind == COUNTRY and (
                    before.endswith(" of") or (m.end == len(name) and before))):
                found.setdefault(target.key, m.start)
        return next(iter(found)) if len(found) == 1 else None

    def _org_sector(self, toks: list[Token]) -> str | None:
        """The type of an organisation outside the KB from its final words ("Toyota Motor Corp" → BUS,
        "The Washington Post" → MED, ``org_words.tsv``), else from a role noun in its name ("… University")."""
        words = [t.text for t in toks]
        for n in (2, 1):
            if len(words) > n - 1 and (sector := self.kb.org_words.get(" ".join(words[-n:]))):
                return sector
        role = next((r for t in reversed(toks) if (r := self.kb.roles.get(t.lemma.lower()))), None)
        return role.sector if role else None

    def _names_a_thing(self, toks: list[Token]) -> bool:
        """Whether a tagged name modifies a noun of ``object_nouns.tsv`` ("the Zircon hypersonic missile",
        "the Crimea bridge") or is described by one in apposition ("Zircon, a hypersonic missile")."""
        last = toks[-1]
        inside = {t.i for t in toks}
        if last.dep in ("compound", "nmod", "amod") and last.head not in inside:
            return self.parse.lower_lemmas[last.head] in self.kb.object_nouns
        return any(self.tokens[c].dep == "appos" and self.parse.lower_lemmas[c] in self.kb.object_nouns
                   for c in self.parse.children(last.i))

    def _agentive(self, tok: Token) -> bool:
        """A capital stands for its government unless it is a place ("in Moscow", "Moscow time")."""
        head = self.tokens[tok.head]
        if tok.dep == "pobj" and head.text.lower() in LOCATIVE_PREPS:
            return False
        if tok.dep == "compound" and head.pos == "NOUN":
            return False
        return (ent := self.entity_of.get(tok.i)) is None or ent.label in ("GPE", "ORG", "NORP")

    # --- people -------------------------------------------------------------------------------

    def people_candidates(self) -> PeopleFound:
        """Person mentions from KB names and PERSON entities, in text order; later mentions of a person
        lean on earlier ones (surname repeats, people already seen)."""
        found = PeopleFound()
        spans: dict[tuple[int, int], list[str]] = {}
        for m in self.matches:
            pids = [t.key for t in m.targets if t.kind == PERSON]
            if not pids:
                continue
            toks = self.tokens_in(m.start, m.end)
            first = toks[0]
            given = self.tokens[first.i - 1] if first.i and len(toks) == 1 else None
            if (given is not None and given.pos == "PROPN" and given.dep == "compound" and given.head >= first.i
                    and given.text[:1].isupper() and not self._is_title_word(given)):
                spans[(given.start, m.end)] = []  # "Ivanka Trump" is not Donald Trump
            else:
                spans[(m.start, m.end)] = pids
        for ent in self.parse.entities:
            if ent.label not in ("PERSON", "ORG"):
                continue
            toks = [t for t in self.tokens[ent.token_start:ent.token_end] if not (t.tag == "POS" or t.pos == "PUNCT")]
            while len(toks) > 1 and (self._is_title_word(toks[0]) or toks[0].pos == "DET"):
                toks = toks[1:]  # "President Biden" tagged whole: the name is what follows the title
            if not toks or any(s < ent.end and ent.start < e for s, e in spans) or all(
                    t.i in self.match_of for t in toks):
                continue  # a KB name (country, organisation, known person) already covers it
            start, end = toks[0].start, toks[-1].end
            if ent.label == "ORG" and not any(self.match_of.get(t.i) for t in toks):
                fuzzy = self.index.fuzzy_people(self.text[start:end])
                if fuzzy:
                    spans[(start, end)] = list(fuzzy)  # misspelt names the tagger took for an organisation
                elif self._title_roles(self._title(toks[0].i, {t.i for t in toks})[1]):
                    spans[(start, end)] = []  # "Vice-President Moody Awori" tagged as an organisation
                continue
            if ent.label == "PERSON":
                spans[(self._given_name_before(toks[0]), end)] = []
        for (start, end), pids in sorted(spans.items()):
            self._person(start, end, pids, found)
        for tok in self.tokens:
            # Surname repeats the tagger missed ("Pifer added ...").
            if tok.pos == "PROPN" and tok.text in found.surnames and tok.i not in found.claimed and (
                    tok.i not in self.match_of):
                found.claimed.add(tok.i)
                actor = found.surnames[tok.text]
                found.candidates.append(Candidate(PERSON_PRIORITY, tok.start, tok.end, "PERSON", actor))
        return found

    def _person(self, start: int, end: int, pids: list[str], found: PeopleFound) -> None:
        toks = self.tokens_in(start, end)
        name = self.text[start:end]
        if any(t.i in found.claimed for t in toks):
            return
        indices = {t.i for t in toks}
        heads = [t.i for t in toks if t.head not in indices or t.head == t.i]
        noun = self._government_noun_after(toks[-1]) if pids else None
        if noun is not None:
            # "the Biden administration", "the Putin regime": the government the leader heads, not the person.
            pid = self.resolver.rank_people(pids, self.day, set(), set(), found.seen_people)
            actor = self.resolver.government_led_by(self.kb.people[pid], self.kb.roles[noun.text.lower()].sector)
            if actor is not None:
                found.claimed.update(indices | {noun.i})
                found.candidates.append(Candidate(PERSON_PRIORITY, start, noun.end, ROLE_LABEL, actor))
                return
        title_start, title = self._title(toks[0].i, indices)
        ctx = self.context_of(heads + title, indices | set(title))
        ctx.roles += self._title_roles(title)
        for i in title:
            tok = self.tokens[i]
            located = tok.dep == "pobj" and self.tokens[tok.head].text.lower() != "of"  # "ambassador to Moscow"
            if i in self.match_of and not located:
                self._modifier(i, ctx)  # "Kenyan" in "Kenyan Foreign Minister"
        ctx.former |= any(self.tokens[i].text.lower() in FORMER for i in title)
        described = [c for h in heads for c in self.parse.children(h) if self.tokens[c].dep == "appos"]
        described += [t.head for t in toks if t.dep == "appos" and t.head not in indices and t.head < toks[0].i
                      and self._role_at(t.head)]  # "Former U.S. ambassador to Moscow Michael McFaul"
        for c in described:
            # "Steven Pifer, a former U.S. ambassador": the apposition describes the person.
            app = self.context_of([c], indices)
            ctx.targets += app.targets
            ctx.former |= app.former
            ctx.roles.append(self.tokens[c].lemma.lower())
            described_tokens = self._modifier_tokens([c], {c}) + [c]
            found.claimed.update(described_tokens)
            if c < toks[0].i and not any(t.pos == "PUNCT" for t in self.tokens[c:toks[0].i]):
                title_start = min([self.tokens[i].start for i in described_tokens] + [title_start or start])
                title = sorted(set(title) | set(range(min(described_tokens), toks[0].i)))
        genders = {self.kb.honorifics[self.tokens[i].text] for i in title if self.tokens[i].text in self.kb.honorifics}
        if len(genders) == 1 and None not in genders:
            # "Mr. Obama" is not Michelle Obama.
            pids = [p for p in pids if self.kb.people[p].gender in genders] or pids
        actor = self._resolve_person(name, pids, ctx, found, next(iter(genders)) if len(genders) == 1 else None)
        if actor is None:
            return
        found.claimed.update(indices | set(title))
        label = "PERSON" if actor.kind == "person" else "ORG"
        found.candidates.append(Candidate(PERSON_PRIORITY, title_start if title else start, end, label, actor))

    def _resolve_person(self, name: str, pids: list[str], ctx: Context, found: PeopleFound,
                        gender: str | None = None) -> Actor | None:
        offices = {r.office for w in ctx.roles if (r := self.kb.roles.get(w)) and r.office}
        countries = {iso for t in ctx.targets if (iso := self.resolver.country_of(t, self.day))}
        earlier = found.surnames.get(name) if " " not in name else None
        if earlier is not None and self._same_person(earlier, name, offices, gender):
            return earlier  # surname-only repeat of someone named earlier
        if not pids and name in found.first_names:
            return found.first_names[name]  # "Hillary" after "Hillary Clinton"
        if not pids:
            exact = [t.key for t in self.index.exact(name) if t.kind == PERSON]
            pids = exact or list(self.index.fuzzy_people(name))
        if not pids and gender and " " not in name and name in found.surnames:
            # "Mr. Clinton" after "Hillary Clinton": the one namesake of that gender, if the KB has exactly one.
            namesakes = [p for p in self.index.surnames.get(name, ()) if self.kb.people[p].gender == gender]
            pids = namesakes if len(namesakes) == 1 else []
        if not pids and offices and " " not in name:
            # "President Bush": a KB surname shared by several people, told apart by the office held.
            pids = [p for p in self.index.surnames.get(name, ())
                    if any(t.office in offices for t in self.kb.people[p].roles)]
            pids = self.resolver.latest_holders(pids, offices, self.day)
        if pids:
            pid = self.resolver.rank_people(pids, self.day, offices, countries, found.seen_people)
            actor = self.resolver.person(self.kb.people[pid], self.day, former=ctx.former)
            named_orgs = [t.key for t in ctx.targets if t.kind == ORG]
            if named_orgs and not ctx.former and actor.org != named_orgs[0]:
                # "U.N. Secretary-General Ban Ki-moon": a title naming an organisation the person served.
                actor = self.resolver.acting_for(self.kb.people[pid], named_orgs[0], self.day) or actor
            titled = [self.kb.roles[w] for w in ctx.roles if w in self.kb.roles]
            if titled and not ctx.former and actor.sector in (None, ELITE):
                # "President Obama" in a text written during his term: the title is the evidence.
                actor.sector = titled[0].sector
            found.seen_people.add(pid)
        elif groups := [t.key for t in self.index.exact(name) if t.kind == ORG]:
            return self.resolver.org(groups[0])  # a group's name the tagger took for a person's ("Ansar Dine")
        else:
            if not name[:1].isupper() or len(name) < 3:
                return None
            actor = self._unknown_person(name, ctx, countries, found)
        words = name.split()
        if len(words) > 1:
            found.surnames.setdefault(words[-1], actor)
            found.first_names.setdefault(words[0], actor)
        return actor

    def _unknown_person(self, name: str, ctx: Context, countries: set[str], found: PeopleFound) -> Actor:
        orgs = [t.key for t in ctx.targets if t.kind == ORG]
        sector = next((self.kb.roles[w].sector for w in ctx.roles if w in self.kb.roles), None)
        if orgs:
            sector = sector if sector not in (None, "GOV") else self.kb.orgs[orgs[0]].sector
        if ctx.former and sector is not None:
            sector = ELITE
        country = next(iter(sorted(countries)), None) if len(countries) == 1 else (
            self.resolver.country_of(ctx.targets[0], self.day) if ctx.targets else None)
        actor = self.resolver.unknown_person(name, None if orgs else country, sector, orgs[0] if orgs else None)
        titles = {key for w in ctx.roles if (role := self.kb.roles.get(w)) for key in (w, role.office) if key}
        if actor.country is None and not orgs and titles:
            found.untold.append((actor, titles))
        return actor

    # --- titles bound to countries ------------------------------------------------------------

    def bind_titles(self, candidates: list[Candidate], untold: list[tuple[Actor, set[str]]],
                    office_countries: dict[str, set[tuple[str, int]]]) -> None:
        """"President Mugabe" (not in the KB) takes the country of "Zimbabwe's president" named in the
        same article, when that title is bound to exactly one country there outside the sentences naming
        the person ("President Mugabe met Kenya's president" is someone else)."""
        for actor, titles in untold:
            own = {self.tokens_in(c.start, c.end)[0].sent for c in candidates if c.actor is actor}
            countries = {iso for key in titles for iso, sent in office_countries.get(key, ()) if sent not in own}
            if len(countries) == 1:
                actor.country = countries.pop()


def find_mentions(doc: Document, index: NameIndex, resolver: Resolver) -> list[Candidate]:
    """The non-overlapping actor mentions of a parsed ``doc``, in text order.

    The passes run in a fixed order because each skips tokens the earlier ones explained: people, then
    role phrases, then leftover KB names, then untagged organisations; titles are bound to countries last."""
    finder = MentionFinder(doc, index, resolver)
    people = finder.people_candidates()
    roles = finder.role_candidates(frozenset(people.claimed), people.candidates)
    claimed = frozenset(roles.claimed)
    found = people.candidates + roles.candidates + finder.name_candidates(claimed)
    found += finder.organisation_candidates(claimed, found)
    finder.bind_titles(found, people.untold, roles.office_countries)
    return select_candidates(found)


def select_candidates(candidates: list[Candidate]) -> list[Candidate]:
    """Non-overlapping candidates in text order: higher priority wins an overlap, then the longer one."""
    chosen: list[Candidate] = []
    for cand in sorted(candidates, key=lambda c: (-c.priority, -(c.end - c.start), c.start)):
        if all(cand.end <= c.start or cand.start >= c.end for c in chosen):
            chosen.append(cand)
    return sorted(chosen, key=lambda c: c.start)


def _role_openers(lowered: list[str], lemmas: list[str], role_words: frozenset[str]) -> list[bool]:
    """Per token, whether its text, lemma or singular ("officials") is a word that role phrases start with."""
    return [low in role_words or low[:-1] in role_words or lemma in role_words
            for low, lemma in zip(lowered, lemmas, strict=True)]


#: Gazetteer features of places that are never organisations when the tagger calls their bare name one.
REGION_FEATURES = frozenset({"admin1", "region", "water", "country"})


def _is_region(name: str) -> bool:
    """Whether ``name`` is a region, province, sea or country of the places gazetteer ("Crimea", "Caucasus")."""
    return any(m.entry.feature in REGION_FEATURES for m in load_gazetteer().lookup(name.removeprefix("the ")))


def region_country(name: str) -> str | None:
    """The country of a region, province or state of the places gazetteer ("Darfur" → SDN), None when the name
    is unknown or belongs to regions of several countries."""
    countries = {m.entry.country for m in load_gazetteer().lookup(name.removeprefix("the "))
                 if m.entry.feature in ("admin1", "region")}
    return countries.pop() if len(countries) == 1 else None


def city_country(name: str, *, case_sensitive: bool = True) -> str | None:
    """The country of a city named in "protesters in Minsk": its most populous namesake in the places
    gazetteer (towns of at least ``CITY_MIN_POPULATION`` and capitals), None when unknown. Without
    ``case_sensitive``, a dateline written in capitals ("KHARTOUM") also answers."""
    entry = load_gazetteer().largest_city(name.removeprefix("the ").strip(), min_population=CITY_MIN_POPULATION,
                                          case_sensitive=case_sensitive)
    return entry.country if entry else None
