"""The actors stage: finds who is named in an article and resolves each mention to an actor.

``run(doc)`` fills ``doc.mentions`` and ``doc.actors``. Other stages use ``actor_at`` /
``actors_at`` (mentions in a character span), ``lookup`` (resolve a phrase such as
"the Kremlin" or "President Biden") and ``person_gender`` (pronoun resolution).
Actor id convention: see ``resolve.py`` and ``resources/data/actors/README.md``.
"""
from __future__ import annotations

import functools
import re

from tidings.models import Actor, Document, Mention
from tidings.resources.actors import Role, home_country, load_kb

from .context import default_countries, inherit_countries
from .index import NameIndex, default_index
from .mentions import FORMER, find_mentions
from .resolve import Resolver, day_of

__all__ = ["run", "lookup", "actor_at", "actors_at", "person_gender", "home_country"]


@functools.lru_cache(maxsize=8)
def _resolver(index: NameIndex) -> Resolver:
    return Resolver(index.kb, index)


@functools.lru_cache(maxsize=8)
def _index_with(extra_actors: tuple[str, ...]) -> NameIndex:
    return NameIndex(load_kb(extra_actors)) if extra_actors else default_index()


def run(doc: Document, *, index: NameIndex | None = None, extra_actors: tuple[str, ...] = (),
        infer_countries: bool = True) -> Document:
    """Add mentions and actors to a parsed ``doc``. ``extra_actors`` adds user actor files (on top of
    ``$TIDINGS_ACTORS``; see the actors data README); ``index`` swaps in another KB, e.g. in tests;
    ``infer_countries`` lets bare role nouns take the article's country (``context.py``)."""
    if doc.parse is None:
        return doc
    index = index or _index_with(tuple(str(p) for p in extra_actors))
    resolver = _resolver(index)
    chosen = find_mentions(doc, index, resolver)
    if infer_countries:
        inherit_countries(doc, chosen, index, resolver)
    default_countries(doc, chosen, index, resolver)
    for cand in chosen:
        actor = doc.add_actor(cand.actor)
        doc.mentions.append(Mention(cand.start, cand.end, doc.article.text[cand.start:cand.end], cand.label,
                                    actor.id))
    return doc


def actors_at(doc: Document, start: int, end: int) -> list[tuple[Mention, Actor]]:
    """Every mention overlapping the character span [start, end), in text order, with its actor."""
    out = []
    for mention in doc.mentions:
        if mention.start < end and mention.end > start:
            actor = doc.actor(mention.actor_id)
            if actor is not None:
                out.append((mention, actor))
    return out


def actor_at(doc: Document, start: int, end: int) -> tuple[Mention, Actor] | None:
    """The mention covering [start, end), else the first one inside it, else None."""
    found = actors_at(doc, start, end)
    covering = [(m, a) for m, a in found if m.start <= start and m.end >= end]
    inside = [(m, a) for m, a in found if m.start >= start and m.end <= end]
    return next(iter(covering or inside), None)


def person_gender(actor_id: str | None, *, index: NameIndex | None = None) -> str | None:
    """``"m"``, ``"f"`` or None for a KB person id (unknown people and non-people: None)."""
    person = (index or default_index()).kb.people.get(actor_id or "")
    return person.gender if person else None


_WORD = re.compile(r"[\w.'\u2019-]+")
_BACKED = re.compile(r"(\S+?)-(?:backed|supported|sponsored|allied|armed|funded)\b")


def lookup(text: str, *, on_date: str | None = None, index: NameIndex | None = None) -> Actor | None:
    """Resolve a short phrase ("the Kremlin", "Russian troops", "NATO", "President Biden") without a parse."""
    index = index or default_index()
    resolver = _resolver(index)
    day = day_of(on_date)
    phrase = re.sub(r"(?:'s|\u2019s)$", "", text.strip())
    patron = None
    if backed := _BACKED.search(phrase):  # "Kremlin-backed separatists"
        found = index.find(backed.group(1))
        patron = resolver.country_of(found[0].targets[0], day) if found else None
        phrase = phrase[:backed.start()] + phrase[backed.end():]
    former = bool(FORMER & set(re.split(r"[\s-]+", phrase.lower())))
    matches = index.find(phrase)
    rest = _WORD.findall(index.regex.sub(" ", phrase))
    role = _role_in(index, [w.lower() for w in rest if w.lower() not in ("the", "a", "an", "s", *FORMER)])
    named_orgs = [t.key for m in matches for t in m.targets[:1] if t.kind == "org"]
    for match in matches:
        people = [t.key for t in match.targets if t.kind == "person"]
        following = phrase[match.end:].split()[:1]
        if people and following and following[0].lower() in index.kb.government_nouns:
            # "the Biden administration": the government the leader heads or headed.
            pid = resolver.rank_people(people, day, set(), set(), set())
            sector = index.kb.roles[following[0].lower()].sector
            return resolver.government_led_by(index.kb.people[pid], sector) or resolver.person(
                index.kb.people[pid], day)
        if people:
            pid = resolver.rank_people(people, day, {role.office} if role and role.office else set(), set(), set())
            actor = resolver.person(index.kb.people[pid], day, former=former)
            if named_orgs and not former and actor.org != named_orgs[0]:  # "U.N. Secretary-General Ban Ki-moon"
                actor = resolver.acting_for(index.kb.people[pid], named_orgs[0], day) or actor
            return actor
    if not matches:
        pids = index.fuzzy_people(" ".join(rest[-2:])) if rest and rest[-1][:1].isupper() else []
        if pids:
            return resolver.person(index.kb.people[pids[0]], day, former=former)
        if role and (role.standalone or patron):
            sector = "ELI" if former else role.sector
            if not patron and (iso := _default_country(index, rest)):
                return resolver.country(iso, sector)  # "a senior administration official" → USA-GOV
            return resolver.generic(sector, patron)
        return None
    target = matches[0].targets[0]
    if role is None:
        return resolver.target(target, day=day)
    if target.kind == "org":
        holder = resolver.office_holder((role.office,), target.key, day) if role.office and not former else None
        return resolver.person(holder, day) if holder else resolver.org(target.key)
    iso = resolver.country_of(target, day)
    if iso is None:
        return None
    holder = resolver.office_holder((role.office,), iso, day) if role.office and not former else None
    if holder is not None:
        return resolver.person(holder, day)
    return resolver.country(iso, "ELI" if former else role.sector)


def _default_country(index: NameIndex, words: list[str]) -> str | None:
    """The country a bare government noun stands for ("administration" → USA; ``government_nouns.tsv``)."""
    return next((iso for w in words if (iso := index.kb.government_nouns.get(w.lower()))), None)


def _role_in(index: NameIndex, words: list[str]) -> Role | None:
    """The longest role phrase at the end of ``words`` (plural or singular)."""
    roles = index.kb.roles
    for n in (3, 2, 1):
        if len(words) < n:
            continue
        tail = words[-n:]
        for last in (tail[-1], tail[-1][:-1] if tail[-1].endswith("s") else tail[-1]):
            key = " ".join(tail[:-1] + [last])
            if key in roles:
                return roles[key]
    return None
