"""The verb and phrase lexicon: patterns mapping words to a CAMEO code and its PLOVER type.

Built-in patterns live in ``data/lexicon/*.txt`` (format in ``data/lexicon/README.md``).
Users add or override patterns with their own files: pass ``extra=[path, ...]`` to
:func:`load`, or set ``TIDINGS_LEXICON`` to files or folders separated by ``os.pathsep``.
PETRARCH/TABARI verb dictionaries are read by :func:`import_petrarch`.
"""
from __future__ import annotations

import functools
import itertools
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from tidings.resources import file_identity, ontology

DATA = Path(__file__).parent / "data" / "lexicon"
ENV_VAR = "TIDINGS_LEXICON"
FRAMES = ontology.FRAMES
SLOT = "*"
#: ``voice=undergo``: the pattern's subject suffers the event, its from/by phrase does it ("came under fire from");
#: ``voice=doer``: a noun pattern's slot names who does it ("the resignation of *").
VOICES = ("active", "undergo", "doer")
#: Words that end the event noun of a nominal pattern ("air strikes on *" is headed by "strikes").
NOUN_STOPS = frozenset({"of", "on", "with", "to", "against", "in", "into", "between", "by", "for", "at", "from",
                        "over", "near", "along", "around", "outside", SLOT})
POS_KINDS = ("verb", "noun")

_HEADER = re.compile(r"^\[(\d{2,4})((?:\s+\w+=[\w,\-]+)*)\s*\]$")
_BRACES = re.compile(r"\{([^{}]*)\}")


@dataclass(frozen=True)
class Pattern:
    """One lexicon entry: literal words (lemmas or surface forms), an optional ``*`` slot, a code."""

    id: str
    words: tuple[str, ...]
    cameo: str
    type: str
    mode: str | None = None
    context: tuple[str, ...] = ()
    pos: str = "verb"
    frame: str | None = None
    head: int = 0
    voice: str = "active"

    @functools.cached_property
    def literals(self) -> tuple[str, ...]:
        return tuple(w for w in self.words if w != SLOT)

    @property
    def required(self) -> frozenset[str]:
        """The literal words other than the head: all must sit near the head token for a match."""
        return frozenset(w for k, w in enumerate(self.words) if k != self.head and w != SLOT)

    @property
    def key(self) -> tuple[str, tuple[str, ...]]:
        """What a user pattern must repeat to override this one."""
        return self.pos, self.words

    @property
    def text(self) -> str:
        return " ".join(self.words)


class HeadPatterns:
    """The patterns one trigger token may start (in lexicon order), indexed by the other words they need."""

    def __init__(self, patterns: list[Pattern], required: list[frozenset[str]] | None = None) -> None:
        self.patterns = patterns
        self.required = [p.required for p in patterns] if required is None else required
        #: patterns needing no other word
        self.free = [k for k, need in enumerate(self.required) if not need]
        #: each other pattern under one of its required words, the longest (the rarest, likely): it can match
        #: only where that word is near
        self.by_word: dict[str, list[int]] = {}
        for k, need in enumerate(self.required):
            if need:
                self.by_word.setdefault(max(need, key=lambda w: (len(w), w)), []).append(k)
        self.words = frozenset(self.by_word)

    def __add__(self, other: HeadPatterns) -> HeadPatterns:
        return HeadPatterns(self.patterns + other.patterns, self.required + other.required)

    def possible(self, words: set[str]) -> list[Pattern]:
        """The patterns whose required words are all in ``words``, in lexicon order."""
        if not self.by_word:
            return self.patterns
        picked = list(self.free)
        required = self.required
        for word in self.words & words:
            for k in self.by_word[word]:
                if required[k] <= words:
                    picked.append(k)
        picked.sort()
        return [self.patterns[k] for k in picked]


@dataclass
class Lexicon:
    patterns: list[Pattern] = field(default_factory=list)
    by_head: dict[str, list[Pattern]] = field(default_factory=dict)
    _heads: dict[str | tuple[str, str], HeadPatterns] = field(default_factory=dict, init=False, repr=False,
                                                              compare=False)

    def __post_init__(self) -> None:
        self.reindex()

    def reindex(self) -> None:
        self.by_head = {}
        for pattern in self.patterns:
            self.by_head.setdefault(pattern.words[pattern.head], []).append(pattern)
        self._heads = {word: HeadPatterns(patterns) for word, patterns in self.by_head.items()}

    def headed_by(self, lemma: str, text: str) -> HeadPatterns | None:
        """Patterns whose head word is a token's lower-case ``lemma`` or ``text``, those of the lemma first
        (None when there are none)."""
        by_lemma, by_text = self._heads.get(lemma), self._heads.get(text) if text != lemma else None
        if by_lemma is None or by_text is None:
            return by_lemma or by_text
        key = (lemma, text)
        if key not in self._heads:
            self._heads[key] = by_lemma + by_text
        return self._heads[key]

    def merged(self, others: Iterable[Pattern]) -> Lexicon:
        """A new lexicon where ``others`` replace patterns with the same words and pos."""
        table = {p.key: p for p in self.patterns}
        for pattern in others:
            table[pattern.key] = pattern
        return Lexicon(list(table.values()))

    def __len__(self) -> int:
        return len(self.patterns)


def expand(text: str) -> list[str]:
    """``{a|b} c`` → ``["a c", "b c"]`` (alternatives multiply out)."""
    parts = _BRACES.split(text)
    choices = [[p] if k % 2 == 0 else p.split("|") for k, p in enumerate(parts)]
    return [" ".join("".join(combo).split()) for combo in itertools.product(*choices)]


def _options(raw: str) -> dict[str, str]:
    return dict(item.split("=", 1) for item in raw.split())


def make_pattern(pid: str, words: list[str], code: str, *, mode: str | None = None,
                 context: Iterable[str] | None = None, pos: str = "verb", frame: str | None = None,
                 voice: str = "active") -> Pattern:
    """A Pattern whose type, default mode and context come from the CAMEO code in the ontology."""
    entry = ontology.load().cameo.get(code)
    if entry is None:
        raise ValueError(f"{pid}: unknown CAMEO code {code}")
    head = next((k for k, w in enumerate(words) if w.startswith("^")), None)
    if head is None:
        head = _noun_head(words) if pos == "noun" else 0
    words = [w.lstrip("^") for w in words]
    return Pattern(
        id=pid, words=tuple(words), cameo=code, type=entry.plover_type,
        mode=mode if mode is not None else entry.plover_mode,
        context=tuple(context) if context is not None else entry.plover_context,
        pos=pos, frame=frame, head=head, voice=voice,
    )


def _noun_head(words: list[str]) -> int:
    """The event noun of a nominal pattern: the last word before its first preposition or slot
    ("military cooperation with *" → cooperation)."""
    end = next((k for k, w in enumerate(words) if k and w in NOUN_STOPS), len(words))
    return max(0, end - 1)


def read_file(path: Path) -> list[Pattern]:
    """Patterns of one lexicon file in the tidings format."""
    patterns: list[Pattern] = []
    block: dict[str, str] | None = None
    code = ""
    for lineno, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        header = _HEADER.match(line)
        if header:
            code, block = header.group(1), _options(header.group(2))
            continue
        if block is None:
            raise ValueError(f"{path}:{lineno}: pattern before any [CODE] header")
        for text in expand(line.lower()):
            patterns.append(make_pattern(
                f"{path.stem}:{code}:{block.get('pos', 'verb')[0]}:{text}", text.split(), code,
                mode=block.get("mode"),
                context=block["context"].split(",") if "context" in block else None,
                pos=block.get("pos", "verb"), frame=block.get("frame"), voice=block.get("voice", "active"),
            ))
    return patterns


def _paths(spec: str | os.PathLike) -> list[Path]:
    path = Path(spec)
    return sorted(path.glob("*.txt")) if path.is_dir() else [path]


def user_paths(extra: Iterable[str | os.PathLike] | None = None, *, env: bool = True) -> list[Path]:
    """Files named by the ``TIDINGS_LEXICON`` variable (unless ``env`` is false: a configuration that has
    read it already) and ``extra``, the later ones overriding the earlier."""
    specs: list[str | os.PathLike] = [s for s in os.environ.get(ENV_VAR, "").split(os.pathsep) if s] if env else []
    specs.extend(extra or ())
    return [p for spec in specs for p in _paths(spec)]


def _specific_first(patterns: Iterable[Pattern]) -> list[Pattern]:
    """Where two built-in blocks list the same words, keep the more specific (longer) code, else the later."""
    table: dict[tuple[str, tuple[str, ...]], Pattern] = {}
    for pattern in patterns:
        known = table.get(pattern.key)
        if known is None or len(pattern.cameo) >= len(known.cameo):
            table[pattern.key] = pattern
    return list(table.values())


@functools.cache
def builtin() -> Lexicon:
    """The lexicon shipped with tidings (cached)."""
    return Lexicon(_specific_first(p for path in sorted(DATA.glob("*.txt")) for p in read_file(path)))


def load(extra: Iterable[str | os.PathLike] | None = None, *, env: bool = True) -> Lexicon:
    """Built-in patterns overridden by user files (``$TIDINGS_LEXICON`` unless ``env`` is false, and ``extra``).

    Merged once per set of user files: cached by each file's path, size and modification time, so an
    edited file is read again and an unchanged one is not (the events stage asks for every article)."""
    paths = user_paths(extra, env=env)
    if not paths:
        return builtin()
    return _merged(tuple((str(p), *file_identity(p)) for p in paths))


@functools.lru_cache(maxsize=16)
def _merged(files: tuple[tuple[str, int, int], ...]) -> Lexicon:
    lexicon = builtin()
    for name, _, _ in files:
        path = Path(name)
        reader = import_petrarch if path.suffix.lower() in (".verbs", ".verbpatterns") else read_file
        lexicon = lexicon.merged(reader(path))
    return lexicon


# --- PETRARCH / TABARI verb dictionaries --------------------------------------------------

_PETRARCH_BLOCK = re.compile(r"^---\s+(\S+)\s+\[([^\]]*)\]\s*---")
_PETRARCH_CODE = re.compile(r"\[([^\]]*)\]")


def _petrarch_code(raw: str) -> str | None:
    code = raw.split(":")[0].strip().lstrip("~")
    return code if code.isdigit() and 2 <= len(code) <= 4 else None


def import_petrarch(path: str | os.PathLike) -> list[Pattern]:
    """Read a PETRARCH/TABARI verb dictionary into tidings patterns.

    ``--- VERB [code] ---`` opens a verb block (its following bare lines are inflected forms);
    ``- words * words [code]`` lines are phrase patterns where ``*`` is the verb, ``+`` the
    target (our recipient slot) and ``$``/``%``/``^`` source and skip markers (dropped).
    Blocks or patterns coded ``[---]`` are skipped.
    """
    path = Path(path)
    patterns: list[Pattern] = []
    forms: list[str] = []
    block_code: str | None = None
    for lineno, raw in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), 1):
        line = raw.split("#", 1)[0].strip()
        if not line or line.startswith("<") or line.startswith("+++"):
            continue
        block = _PETRARCH_BLOCK.match(line)
        if block:
            forms = [block.group(1).lower().replace("_", " ")]
            block_code = _petrarch_code(block.group(2))
            block_code = block_code if block_code in ontology.load().cameo else None
            if block_code:
                patterns.append(make_pattern(f"petrarch:{path.stem}:{lineno}", forms[0].split(), block_code))
            continue
        if line.startswith("-") and forms:
            found = _PETRARCH_CODE.search(line)
            code = _petrarch_code(found.group(1)) if found else None
            if found is None or code is None:
                continue
            words = _petrarch_words(line[1:found.start()], forms[0])
            if words and code in ontology.load().cameo:
                patterns.append(make_pattern(f"petrarch:{path.stem}:{lineno}", words, code))
            continue
        if forms and re.fullmatch(r"[A-Z_'\-]+(\s*\{[^}]*\})?", line):
            form = line.split("{")[0].strip().lower().replace("_", " ")
            if block_code and form != forms[0]:
                patterns.append(make_pattern(f"petrarch:{path.stem}:{lineno}", form.split(), block_code))
            forms.append(form)
    return patterns


def _petrarch_words(body: str, verb: str) -> list[str]:
    """Words of a PETRARCH phrase: the verb (``*``) first, the target slot, other literals in order."""
    body = re.sub(r"[{}()]", " ", body)
    words = [verb.split()[0]] + verb.split()[1:]
    for token in body.split():
        if token == "*":
            continue
        if token == "+":
            words.append(SLOT)
        elif token in ("$", "%", "^") or not re.fullmatch(r"[A-Za-z_'\-]+", token):
            continue
        else:
            words.extend(token.lower().replace("_", " ").split())
    return words


# --- validation ------------------------------------------------------------------------------


def validate(lexicon: Lexicon | None = None) -> list[str]:
    """Problems in a lexicon (an empty list when every pattern is well formed)."""
    lexicon = lexicon or builtin()
    onto = ontology.load()
    problems: list[str] = []
    seen: set[str] = set()
    for p in lexicon.patterns:
        if p.cameo not in onto.cameo:
            problems.append(f"{p.id}: unknown CAMEO code {p.cameo}")
        if p.type not in ontology.PLOVER_TYPES:
            problems.append(f"{p.id}: CAMEO {p.cameo} has no PLOVER type")
        problems += ontology.plover_problems(p.id, p.type, p.mode, p.context, onto)
        if p.pos not in POS_KINDS:
            problems.append(f"{p.id}: pos must be one of {POS_KINDS}")
        if p.frame and p.frame not in FRAMES:
            problems.append(f"{p.id}: frame must be one of {FRAMES}")
        if p.voice not in VOICES:
            problems.append(f"{p.id}: voice must be one of {VOICES}")
        if not p.literals or p.words[p.head] == SLOT:
            problems.append(f"{p.id}: no head word")
        if p.id in seen:
            problems.append(f"{p.id}: duplicate pattern id")
        seen.add(p.id)
    return problems


# --- frame combinations --------------------------------------------------------------------


@functools.cache
def combinations(path: Path = DATA / "combine.tsv") -> dict[tuple[str, str], str]:
    """(frame, content code prefix) → the CAMEO code of the combined event."""
    table: dict[tuple[str, str], str] = {}
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")]
    for line in lines[1:]:
        frame, content, code = line.split("\t")
        table[(frame, content)] = code
    return table


def combine(frame: str, content_code: str) -> str | None:
    """The code for ``frame`` applied to an event coded ``content_code`` (longest prefix wins)."""
    table = combinations()
    for length in range(len(content_code), 1, -1):
        code = table.get((frame, content_code[:length]))
        if code:
            return code
    return None


def validate_combinations() -> list[str]:
    """Problems in the frame combination table."""
    onto = ontology.load()
    expected = {"intent": "AGREE", "threat": "THREATEN", "request": "REQUEST", "reject": "REJECT"}
    problems = []
    for (frame, content), code in combinations().items():
        if frame not in expected:
            problems.append(f"{frame}/{content}: unknown frame")
        elif code not in onto.cameo or onto.cameo[code].plover_type != expected[frame]:
            problems.append(f"{frame}/{content}: {code} is not a {expected[frame]} code")
        if content not in onto.cameo:
            problems.append(f"{frame}/{content}: unknown content code")
    return problems
