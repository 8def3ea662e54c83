"""The time-expression grammar: regular expressions built from the lexicon, each with its interpreter.

A rule's interpreter turns a match into ``(value, type)`` given a :class:`Context` (anchor date and
tense), or ``None`` when the match is not a time expression after all.
"""
from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass

from tidings.resources.dates import load_lexicon
from tidings.resources.grammar import words as word_class
from tidings.stages.dates import calendar as cal

#: Relative words that turn a time backward ("last week") or forward ("next week"); indefinite articles.
_BACKWARD = word_class("backward_time_words")
_FORWARD = word_class("forward_time_words")
_INDEFINITE = word_class("indefinite_articles")

Interpretation = tuple[str | None, str]


@dataclass(frozen=True)
class Context:
    """What a rule needs beyond the match: the anchor date, the governing tense, the text before."""

    anchor: cal.Date | None
    tense: str | None
    before: str = ""
    sentence: str = ""
    reference: str | None = None  # the last fully resolved date before the expression (for "that day")


@dataclass(frozen=True)
class Rule:
    """A pattern and its interpreter; with ``triggers`` (lower-case strings, one of which every match
    contains), the pattern runs only near an occurrence of a trigger (see :func:`candidates`)."""

    name: str
    pattern: re.Pattern[str]
    interpret: Callable[[re.Match[str], Context], Interpretation | None]
    triggers: tuple[str, ...] = ()


@dataclass(frozen=True)
class Candidate:
    start: int
    end: int
    rule: Rule
    match: re.Match[str]


def _alt(words, *, case_sensitive: bool = False) -> str:
    """A regex matching one of ``words`` (a space matches any run of whitespace), trying longer words first.

    Written as a prefix tree ("march|may" → "ma(?:rch|y)") so the engine reads each letter once instead of
    trying every word in turn. It matches exactly what the plain longest-first alternation does: words that
    match at one place are prefixes of one another, and the tree tries the longest of them first too.
    """
    words = list(words)
    if not all(w.isascii() for w in words):  # case folding beyond ASCII could join two branches
        body = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))
    else:
        tree: dict[str, dict] = {}
        for word in words:
            node = tree
            for char in word if case_sensitive else word.lower():
                node = node.setdefault(r"\s+" if char == " " else re.escape(char), {})
            node[""] = {}
        body = _tree_regex(tree)
    return f"(?-i:{body})" if case_sensitive else f"(?:{body})"


def _tree_regex(node: dict[str, dict]) -> str:
    """The regex of a prefix-tree node: its branches, then the end of a word ("" key) last."""
    branches = [piece + _tree_regex(child) for piece, child in node.items() if piece]
    if "" in node and branches:
        branches.append("")
    if len(branches) <= 1:
        return branches[0] if branches else ""
    return "(?:" + "|".join(branches) + ")"


class Vocabulary:
    """Lexicon tables plus the regular-expression pieces built from them."""

    def __init__(self, lex: dict) -> None:
        self.lex = lex
        self.months = {k.lower(): v for k, v in lex["months"].items()}
        self.weekdays = {k.lower(): v for k, v in lex["weekdays"].items()}
        self.numbers = lex["numbers"]
        self.ordinals = lex["ordinals"]
        self.units: dict[str, str] = dict(lex["units"])  # word → TIMEX3 unit code
        self.unit_plurals: dict[str, str] = lex["unit_plurals"]
        self.seasons = lex["seasons"]
        self.holidays = {k.lower(): v for k, v in lex["holidays"].items()}
        full_months = [m for m in lex["months"] if (len(m) > 3 or m == "May") and m != "Sept"]
        abbreviations = [m for m in lex["months"] if m not in full_months]
        self.MONTH = (rf"(?:{_alt(full_months, case_sensitive=True)}|"
                      rf"{_alt(abbreviations, case_sensitive=True)}\.?)(?!\w)")
        self.MONTH_FULL = rf"{_alt(full_months, case_sensitive=True)}(?!\w)"
        full_days = [d for d in lex["weekdays"] if d.endswith("day")]
        self.WEEKDAY_NAME = _alt(full_days, case_sensitive=True)
        self.WEEKDAY = rf"{self.WEEKDAY_NAME}(?!\w)"
        tens = [w for w, v in self.numbers.items() if v in range(20, 100, 10) and " " not in w]
        ones = [w for w, v in self.numbers.items() if v in range(1, 10) and w not in _INDEFINITE]
        compound = rf"{_alt(tens)}[- ]{_alt(ones)}"
        self.NUMWORD = rf"(?:{compound}|{_alt(self.numbers)})"
        self.NUM = (rf"(?:\d+(?:\.\d+)?(?:\s+\d/\d)?|{self.NUMWORD}(?:\s+and\s+a\s+half)?|half\s+an?|a\s+half)"
                    rf"(?![\w-]*\d)")
        self.VAGUE = _alt(lex["vague_numbers"])
        self.UNIT = rf"(?:{_alt(list(self.units) + list(self.unit_plurals))})"
        self.ORD = _alt(list(self.ordinals) + ["1st", "2nd", "3rd", "4th"])
        self.YEAR = r"(?<![\d$£€.,])(?:1[6-9]\d\d|20\d\d)(?![^\W_]|,\d|\.\d|-\d\d\b)"  # not "2000m", "1990s"
        self.DAYNUM = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![^\W_]|:\d)"  # not "May 5G"
        ones_word = "(?:one|two|three|four|five|six|seven|eight|nine)"
        teens = "(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
        tens_word = "(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
        self.SPELLED_YEAR = (rf"(?-i:(?:[Nn]ineteen|[Ee]ighteen)[- ](?:hundred\s+(?:and\s+)?)?(?:{tens_word}"
                             rf"(?:[- ]{ones_word})?|{teens})|[Tt]wo\s+thousand(?:\s+and)?(?:[- ](?:{teens}|"
                             rf"{ones_word}|twenty(?:[- ]{ones_word})?))?)(?![\w-])(?!\s+(?:{self.UNIT}|people|men|"
                             rf"women|troops|dollars))")
        self.ANY_YEAR = rf"(?:{self.YEAR}|{self.SPELLED_YEAR})"
        self.SEASON = _alt(self.seasons)
        self.PART = _alt(lex["parts_of_day"])
        self.TZ = _alt(lex["time_zones"], case_sensitive=True)
        self.HOLIDAY = _alt(lex["holidays"], case_sensitive=True)
        self.REFERENCE = _alt(lex["references"])
        self.SETWORD = _alt(lex["set_words"])
        names = lex["name_words"]
        self.NAME_AFTER = re.compile(rf"\s+{_alt(names['after'], case_sensitive=True)}\b")
        self.NAME_BEFORE = re.compile(rf"\b{_alt(names['before'], case_sensitive=True)}\s+$")

    def number(self, text: str | None) -> float | None:
        """The value of a number phrase ("two", "twenty-five", "2 1/2", "half an"); None when vague."""
        if text is None:
            return None
        text = re.sub(r"\s+", " ", text.lower().strip())
        half = 0.5 if text.endswith(" and a half") else 0.0
        text = text.removesuffix(" and a half")
        if text in ("half a", "half an", "a half"):
            return 0.5
        fraction = re.fullmatch(r"(\d+) (\d)/(\d)", text)
        if fraction:
            return int(fraction[1]) + int(fraction[2]) / int(fraction[3])
        if re.fullmatch(r"\d+(\.\d+)?", text):
            return float(text) + half
        if text in self.numbers:
            return self.numbers[text] + half
        parts = re.split(r"[- ]", text)
        if len(parts) == 2 and all(p in self.numbers for p in parts):
            return self.numbers[parts[0]] + self.numbers[parts[1]] + half
        return None

    def year(self, text: str) -> int | None:
        """The year written in digits or words ("1996", "nineteen ninety-six", "two thousand and one")."""
        if text.isdigit():
            return int(text)
        words = re.sub(r"[\s-]+", " ", text.lower()).replace(" and ", " ")
        if words.startswith("two thousand"):
            ones = self.number(words.removeprefix("two thousand").strip()) if words != "two thousand" else 0
            return 2000 + int(ones) if ones is not None else None
        century_word, _, rest = words.partition(" ")
        tail = self.number(rest.removeprefix("hundred ").strip()) if rest else None
        if century_word not in self.numbers or tail is None or tail >= 100:
            return None
        return self.numbers[century_word] * 100 + int(tail)

    def unit(self, word: str) -> str:
        word = word.lower()
        word = self.unit_plurals.get(word, word)
        return self.units.get(word.removesuffix("s"), self.units.get(word, "D"))


@functools.cache
def vocabulary() -> Vocabulary:
    return Vocabulary(load_lexicon())


# --- interpreters -------------------------------------------------------------------------


def _leading(pattern: str, text: str) -> re.Match[str]:
    """``re.match`` where the rule's own pattern guarantees a match (a captured day starts with digits)."""
    match = re.match(pattern, text)
    if match is None:
        raise ValueError(f"{text!r} does not start with {pattern!r}")
    return match


def _direction(ctx: Context) -> str | None:
    """Map the governing tense to a search direction for underspecified dates."""
    return {"past": "past", "future": "future", "present": None}.get(ctx.tense or "")


def _day_of(word: str | None, ctx: Context, v: Vocabulary) -> cal.Date | None:
    """The date a day word (weekday, today, yesterday, tomorrow, tonight) points to."""
    if ctx.anchor is None:
        return None
    if not word:
        return ctx.anchor
    word = word.lower()
    offsets = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}
    if word in offsets:
        return ctx.anchor + cal.dt.timedelta(days=offsets[word])
    if word in v.weekdays:
        return cal.weekday_near(ctx.anchor, v.weekdays[word], _direction(ctx))
    return None


def _month_day(month: int, day: int, year: str | None, ctx: Context) -> str | None:
    if year:
        try:
            return cal.Date(vocabulary().year(year) or 0, month, day).isoformat()
        except ValueError:
            return None
    if not 1 <= day <= 31:
        return None
    if ctx.anchor is None:
        return f"XXXX-{month:02d}-{day:02d}"
    y = cal.year_for(ctx.anchor, month, day, _direction(ctx))
    try:
        return cal.Date(y, month, day).isoformat()
    except ValueError:
        return None


def interpret_full_date(m: re.Match[str], ctx: Context) -> Interpretation | None:
    v = vocabulary()
    month = v.months[(m["mon"] or m["mon2"] or m["mon3"]).rstrip(".").lower()]
    if m["dayword"]:
        day = v.ordinals.get(m["dayword"].lower()) or int(m["dayword"][:-2])
    else:
        day = int(_leading(r"\d+", m["day"] or m["day2"])[0])
    if m["rel"]:
        ctx = Context(ctx.anchor, "past" if m["rel"].lower().split()[-1] in _BACKWARD else "future")
    value = _month_day(month, day, m["year"], ctx)
    return (value, "DATE") if value else None


def interpret_week_of(m: re.Match[str], ctx: Context) -> Interpretation | None:
    """"the week of March 6" → the ISO week holding that day."""
    value = _month_day(vocabulary().months[m["mon"].rstrip(".").lower()], int(_leading(r"\d+", m["day"])[0]),
                       m["year"], ctx)
    if value is None or value.startswith("X"):
        return value, "DATE"
    return cal.fmt_week(cal.Date.fromisoformat(value)), "DATE"


def interpret_numeric_date(m: re.Match[str], ctx: Context) -> Interpretation | None:
    if m["y"]:
        year, month, day = int(m["y"]), int(m["m"]), int(m["d"])
    else:
        year, month, day = int(m["y2"]), int(m["m2"]), int(m["d2"])
        year += 0 if year > 99 else (1900 if year > 30 else 2000)
    try:
        return cal.Date(year, month, day).isoformat(), "DATE"
    except ValueError:
        return None


#: "the March for Life", "the ``March of the Mothers''": a protest march named after its cause, not a month
_MARCH_BEFORE = re.compile(r"\b(?:the|a|an|annual)\W*$", re.I)
_MARCH_AFTER = re.compile(r"\W*\s(?:for|of|on|against)\b")


def interpret_month(m: re.Match[str], ctx: Context) -> Interpretation | None:
    v = vocabulary()
    month = v.months[m["mon"].rstrip(".").lower()]
    if (m["mon"] == "March" and m[0] == "March" and _MARCH_BEFORE.search(ctx.before)
            and _MARCH_AFTER.match(m.string, m.end())):
        return None
    if m["year"]:
        year = v.year(m["year"])
        return (f"{year:04d}-{month:02d}", "DATE") if year else None
    if ctx.anchor is None:
        return f"XXXX-{month:02d}", "DATE"
    rel = (m["rel"] or m["yrel"] or "").lower().split()
    if m["yrel"]:
        year = ctx.anchor.year + {"last": -1, "next": 1}.get(rel[0], 0)
    elif rel and rel[-1] in _BACKWARD:
        year = cal.year_for(ctx.anchor, month, None, "past", reach=366)
        year -= 1 if year == ctx.anchor.year and month == ctx.anchor.month else 0
    elif rel and rel[-1] in _FORWARD:
        year = cal.year_for(ctx.anchor, month, None, "future", reach=366)
        year += 1 if year == ctx.anchor.year and month == ctx.anchor.month else 0
    elif rel and rel[-1] == "this":
        year = ctx.anchor.year
    else:
        year = cal.year_for(ctx.anchor, month, None, _direction(ctx))
    return f"{year:04d}-{month:02d}", "DATE"


def interpret_year(m: re.Match[str], ctx: Context) -> Interpretation | None:
    return m["year"], "DATE"


def interpret_spelled_year(m: re.Match[str], ctx: Context) -> Interpretation | None:
    """Years and decades in words ("nineteen ninety-six", "two thousand and one", "the nineties")."""
    v = vocabulary()
    if m["decade"]:
        tens = v.numbers[m["decade"].lower()[:-3] + "y"]
        century = "19" if ctx.anchor is None or tens // 10 > ctx.anchor.year % 100 // 10 else str(ctx.anchor.year)[:2]
        return f"{century}{tens // 10}", "DATE"
    year = v.year(m["spelled"])
    return (f"{year:04d}", "DATE") if year is not None else None


def interpret_decade(m: re.Match[str], ctx: Context) -> Interpretation | None:
    if m["dec"]:
        return m["dec"][:3], "DATE"
    short = int(m["short"])
    century = "19" if ctx.anchor is None or short > ctx.anchor.year % 100 else str(ctx.anchor.year)[:2]
    return f"{century}{short // 10}", "DATE"


def interpret_century(m: re.Match[str], ctx: Context) -> Interpretation | None:
    v = vocabulary()
    word = m["ord"].lower()
    n = v.ordinals.get(word) or int(_leading(r"\d+", word)[0])
    return f"{n - 1:02d}", "DATE"


def interpret_quarter(m: re.Match[str], ctx: Context) -> Interpretation | None:
    v = vocabulary()
    if m["q"]:
        n, unit, year = int(m["q"]), "quarter", m["y3"]
    else:
        n = v.ordinals.get(m["ord"].lower()) or int(m["ord"][0])
        unit, year = m["unit"].lower(), m["y1"] or m["y2"]
    if unit == "half" and n > 2 or n > 4:
        return None
    letter = "H" if unit == "half" else "Q"
    if year:
        return f"{year}-{letter}{n}", "DATE"
    if ctx.anchor is None:
        return f"XXXX-{letter}{n}", "DATE"
    year_n = ctx.anchor.year
    det = (m.groupdict().get("qrel") or m["det"] or "").lower()
    if det.startswith("last") or "year-" in det:
        year_n -= 1
    elif det.startswith("next"):
        year_n += 1
    return f"{year_n}-{letter}{n}", "DATE"


def _quarterly(ctx: Context) -> bool:
    """True when the text around the expression reports quarterly results."""
    return bool(re.search(r"quarter", ctx.sentence, re.I))


def interpret_reporting_period(m: re.Match[str], ctx: Context) -> Interpretation | None:
    """"the 1988 quarter", "last year's period", "the quarter a year ago": the reported quarter of another year."""
    if ctx.anchor is None:
        return None
    unit = (m["unit"] or m["unit2"]).lower()
    if unit == "period" and not _quarterly(ctx):
        return None  # "the 1990 period" outside an earnings report is not a quarter
    quarter = cal.fmt_quarter(cal.shift(ctx.anchor, -1, "Q"))[-2:]
    year = int(m["year"]) if m["year"] else ctx.anchor.year - 1
    return f"{year}-{quarter}", "DATE"


#: A capitalised word right after a season or set word, or right before it (other than a sentence-opening
#: function word: "In Spring, ..."), makes it part of a name
_NAME_NEXT = re.compile(r"\s+[A-Z][a-z]")
_NAME_BEFORE = re.compile(r"\b(?!(?:In|On|By|At|The|This|Last|Next|During|Since|Until|After|Before|From|Through|Over"
                          r"|Every|Each|Early|Late|And|But|Then)\s)[A-Z][a-z]*(?:['’]s)?\s+$")


def _capitalised_in_a_name(m: re.Match[str], group: str, ctx: Context) -> bool:
    """True when the word in ``group`` is capitalised next to another capitalised word ("Arab Spring", "Daily Mail")."""
    return m[group][0].isupper() and bool(_NAME_NEXT.match(m.string, m.end(group)) or _NAME_BEFORE.search(ctx.before))
#: "the fall" followed by these is a drop, not autumn
_FALL_OF = re.compile(r"\s+(?:of|in|from|to|by)\b", re.I)


def interpret_season(m: re.Match[str], ctx: Context) -> Interpretation | None:
    v = vocabulary()
    season = v.seasons[m["season"].lower()]
    if m["year"]:
        year = v.year(m["year"])
        return (f"{year:04d}-{season}", "DATE") if year else None
    if _capitalised_in_a_name(m, "season", ctx):
        return None  # "the Arab Spring", "the Winter Olympics"
    rel = (m["rel"] or "").lower().split()
    if m["season"].lower() == "fall" and (not rel or rel == ["the"] and _FALL_OF.match(m.string, m.end())):
        return None  # a bare "fall" is a drop; so is "the fall of Kabul", "the fall in prices"
    if ctx.anchor is None:
        return f"XXXX-{season}", "DATE"
    if m["yrel"]:
        return f"{ctx.anchor.year + _REL_SHIFT.get(m['yrel'].lower(), 0)}-{season}", "DATE"
    start = v.lex["season_starts"][season]
    if rel and rel[-1] == "this":
        return f"{ctx.anchor.year}-{season}", "DATE"
    direction: str | None
    if rel and rel[-1] in _BACKWARD:
        direction = "past"
    elif rel and rel[-1] in _FORWARD:
        direction = "future"
    else:
        direction = _direction(ctx)
    year = cal.year_for(ctx.anchor, start, None, direction)
    if rel and rel[-1] == "last" and year == ctx.anchor.year and ctx.anchor.month >= start:
        year -= 1
    return f"{year}-{season}", "DATE"


_REL_SHIFT = {**dict.fromkeys(_BACKWARD, -1), **dict.fromkeys(_FORWARD, 1)}


def interpret_relative_unit(m: re.Match[str], ctx: Context) -> Interpretation | None:
    """this/last/next/the + week, weekend, month, year, quarter, decade, century."""
    v = vocabulary()
    unit_word = m["unit"].lower()
    rel_words = (m["rel"] or "the").lower().split()
    rel = rel_words[-1]
    if unit_word == "period":
        if rel not in ("latest", "recent") or not _quarterly(ctx):
            return None  # only "the latest period" of a quarterly report is a date
        unit_word = "quarter"
    if unit_word == "year" and m.groupdict().get("ended") is not None and rel == "the":
        return "P1Y", "DURATION"  # "net income for the year ended June 30": the twelve months, not a date
    if rel_words == ["the", "past"] and unit_word != "weekend":
        return cal.duration(1.0, v.unit(unit_word)), "DURATION"  # "the past decade": the stretch up to now
    if ctx.anchor is None:
        return None, "DATE"  # "last year" in an undated article: a date the text cannot place
    if unit_word == "weekend":
        if rel in _BACKWARD or (rel == "the" and _direction(ctx) == "past"):
            saturday = cal.weekday_near(ctx.anchor, 6, "past" if ctx.anchor.isoweekday() == 7 else "last")
        elif rel in _FORWARD:
            saturday = cal.weekday_near(ctx.anchor, 6, "next" if rel == "next" else "future")
        else:
            saturday = cal.weekday_near(ctx.anchor, 6, "this")
        return f"{cal.fmt_week(saturday)}-WE", "DATE"
    unit = v.unit(unit_word)
    shift = _REL_SHIFT.get(rel, 0)
    if unit == "Q" and rel in ("the", "latest", "recent"):
        shift = -1  # "the quarter", "the latest quarter": the last completed quarter
    day = cal.shift(ctx.anchor, shift, unit)
    return cal.at_granularity(day, unit), "DATE"


def interpret_year_ago(m: re.Match[str], ctx: Context) -> Interpretation | None:
    """year-earlier / year-ago (the same period one year before)."""
    if ctx.anchor is None:
        return None
    return _year_before(ctx.anchor, ctx.sentence), "DATE"


def _year_before(anchor: cal.Date, sentence: str) -> str:
    """One year before the anchor; the year-ago quarter when the sentence compares quarters."""
    if re.search(r"quarter", sentence, re.I):
        return cal.fmt_quarter(cal.shift(cal.shift(anchor, -1, "Q"), -1, "Y"))
    return str(anchor.year - 1)


def _in_a_name(m: re.Match[str], ctx: Context) -> bool:
    """True when a weekday or holiday is part of a name ("the Sunday Times", "the Good Friday Agreement")."""
    v = vocabulary()
    return bool(v.NAME_AFTER.match(m.string, m.end()) or v.NAME_BEFORE.search(ctx.before))


def interpret_weekday(m: re.Match[str], ctx: Context) -> Interpretation | None:
    v = vocabulary()
    if _in_a_name(m, ctx):
        return None
    weekday = v.weekdays[m["wd"].lower()]
    if ctx.anchor is None:
        return f"XXXX-WXX-{weekday}", "DATE"
    rel = (m["rel"] or "").lower().split()
    if m["week"]:
        week_shift = {"last": -1, "next": 1}.get(m["week"].split()[0].lower(), 0)
        day = cal.weekday_near(cal.shift(ctx.anchor, week_shift, "W"), weekday, "this")
    elif rel:
        direction = {"last": "last", "past": "last", "next": "next", "coming": "future", "this": "this"}[rel[-1]]
        day = cal.weekday_near(ctx.anchor, weekday, direction)
    else:
        day = cal.weekday_near(ctx.anchor, weekday, _direction(ctx))
    return day.isoformat(), "DATE"


_ANAPHORIC_SHIFT = {"that": 0, "same": 0, "next": 1, "following": 1, "previous": -1, "preceding": -1}


def interpret_anaphoric(m: re.Match[str], ctx: Context) -> Interpretation | None:
    """"that day", "the next day", "later that year": counted from the last date the text gave."""
    if ctx.reference is None or not re.fullmatch(r"\d{4}(-\d\d){0,2}", ctx.reference):
        return None
    unit = {"morning": "D", "night": "D", "evening": "D", "afternoon": "D"}.get(m["unit"].lower(),
                                                                             vocabulary().unit(m["unit"]))
    parts = [int(p) for p in ctx.reference.split("-")]
    needed = {"D": 3, "W": 3, "M": 2, "Y": 1}[unit]
    if len(parts) < needed:
        return None
    day = cal.Date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    shifted = cal.shift(day, _ANAPHORIC_SHIFT[m["rel"].lower().split()[-1]], unit)
    return cal.at_granularity(shifted, unit), "DATE"


def interpret_relative_day(m: re.Match[str], ctx: Context) -> Interpretation | None:
    word = re.sub(r"\s+", " ", m["word"].lower())
    if ctx.anchor is None:
        return None
    offsets = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1,
               "the day before yesterday": -2, "the day after tomorrow": 2}
    day = ctx.anchor + cal.dt.timedelta(days=offsets[word])
    if word == "tonight":
        return f"{day.isoformat()}TNI", "TIME"
    return day.isoformat(), "DATE"


def interpret_part_of_day(m: re.Match[str], ctx: Context) -> Interpretation | None:
    """"this morning", "last night", "Friday evening", "overnight", "mid-afternoon"."""
    v = vocabulary()
    part = re.sub(r"\s+", "", m["part"].lower())
    code = v.lex["parts_of_day"].get(part.removeprefix("mid-").removeprefix("mid"), "MO")
    ref = (m["ref"] or "").lower().split()
    if not ref and m["day"] is None and part != "overnight" and not part.startswith("mid"):
        return None  # a bare "morning" or "night" is not anchored
    if ref == ["the"] and part == "night" and m["day"] is None:
        return None  # "the night" is rarely today's night ("on the night of the attack")
    if m["day"]:
        day = _day_of(m["day"], ctx, v)
    elif ref and ref[-1] == "last":
        day = ctx.anchor - cal.dt.timedelta(days=1) if ctx.anchor else None
    elif ref and ref[-1] not in ("this", "the", "early", "late", "later", "earlier"):
        day = _day_of(ref[-1], ctx, v)
    elif "this" not in ref and ctx.reference and re.fullmatch(r"\d{4}-\d\d-\d\d", ctx.reference):
        day = cal.Date.fromisoformat(ctx.reference)  # "the morning", "overnight": of the day last named
    else:
        day = ctx.anchor
    if day is None:
        return None
    named_day = m["day"] is not None or (
        ref and ref[-1] not in ("this", "the", "last", "early", "late", "later", "earlier"))
    return f"{day.isoformat()}T{code}", "DATE" if named_day else "TIME"  # "Friday night" is a DATE in TimeBank


def interpret_clock(m: re.Match[str], ctx: Context) -> Interpretation | None:
    v = vocabulary()
    clock = m["clock"].lower()
    if clock in v.lex["clock_words"]:
        hhmm = v.lex["clock_words"][clock]
    else:
        hm = _leading(r"(\d{1,2})(?:[:.](\d\d))?", clock)  # "3:18 a.m.", British "3.18am"
        hour, minute = int(hm[1]), int(hm[2] or 0)
        if hour > 24 or minute > 59:
            return None
        if re.search(r"p\.?m|afternoon|evening", clock) and hour < 12:
            hour += 12
        elif re.search(r"a\.?m\b|a\.m|morning", clock) and hour == 12:
            hour = 0
        hhmm = f"{hour:02d}:{minute:02d}"
    day_word = m["pre"] or m["post"]
    if day_word:
        day_word = day_word.strip()
        month_day = re.match(rf"({v.MONTH})\s+(\d+)", day_word)
        if month_day:
            value = _month_day(v.months[month_day[1].rstrip(".").lower()], int(month_day[2]), None, ctx)
            day = cal.Date.fromisoformat(value) if value and value[0] != "X" else None
        else:
            day = _day_of(day_word, ctx, v)
    elif ctx.reference and re.fullmatch(r"\d{4}-\d\d-\d\d", ctx.reference):
        day = cal.Date.fromisoformat(ctx.reference)  # "police arrived on Oct. 23 ... at 10 p.m.": that day's clock
    else:
        day = ctx.anchor
    if day is None:
        return f"XXXX-XX-XXT{hhmm}", "TIME"
    return f"{day.isoformat()}T{hhmm}", "TIME"


def interpret_ago(m: re.Match[str], ctx: Context) -> Interpretation | None:
    v = vocabulary()
    unit = v.unit(m["unit"])
    amount = v.number(m["num"]) if m["num"] else None
    direction = m["dir"].lower().split()[0]
    year_before = unit == "Y" and amount == 1 and direction in ("ago", "earlier", "before")
    if direction in ("before", "earlier") and not year_before:
        return None  # "three days before" is the duration "three days" counted from another event (duration rule)
    sign = 1 if direction in ("from", "hence") else -1
    if amount is None or amount != int(amount):
        return ("PAST_REF" if sign < 0 else "FUTURE_REF"), "DATE"
    if ctx.anchor is None:
        return None, "DATE"
    if unit.startswith("T"):
        return ctx.anchor.isoformat(), "DATE"
    if year_before:
        return _year_before(ctx.anchor, ctx.sentence), "DATE"
    if unit == "2W":
        amount, unit = amount * 2, "W"
    return cal.at_granularity(cal.shift(ctx.anchor, sign * int(amount), unit), unit), "DATE"


def interpret_duration(m: re.Match[str], ctx: Context) -> Interpretation | None:
    v = vocabulary()
    unit = v.unit(m["unit"])
    num = m["num"]
    amount = v.number(num) if num else None
    groups = m.groupdict()
    if groups.get("bare") is not None and not m[0].lower().endswith(("s", "ia")):
        return None  # a bare unit counts only in the plural: "for years", "in recent months"
    if groups.get("old"):
        return None  # ages ("a 6-year-old boy") are not time expressions in TimeML
    vague = bool(groups.get("vague")) or groups.get("bare") is not None or (num is not None and amount is None)
    if num is None and not vague:
        amount = 1.0
    if unit == "TS" and num and num.lower() in _INDEFINITE:
        return None  # "a second" is nearly always an ordinal ("a second term")
    if unit == "Q" and not (groups.get("pos") or groups.get("more")):
        return None  # "three quarters of voters": only "the past two quarters" etc. are times
    if groups.get("half"):
        amount = (amount or 1.0) + 0.5
    if _after_amount(ctx.before) and num and num.lower() in _INDEFINITE | {"per"} and not groups.get("pos"):
        return cal.duration(1.0, unit), "SET"
    return cal.duration(None if vague else amount, unit), "DURATION"


def _after_amount(before: str) -> bool:
    """True when the text before ends in an amount or rate ("$5 million a year", "twice a week")."""
    tail = before[-40:]
    if re.search(r"(\d|\bmillion|\bbillion|\btrillion|\bpercent|%|\btimes|\bonce|\btwice|\bdollars?"
                 r"|\bcents?|\bpounds?|\beuros?)\W*$", tail, re.I):
        return True
    counted = rf"(?:\d[\d,.]*|\b{vocabulary().NUMWORD})\s+(?:[a-z]+\s+)?[a-z]+s\s*$"  # "four flights a week"
    return bool(re.search(counted, tail, re.I))


def interpret_set(m: re.Match[str], ctx: Context) -> Interpretation | None:
    v = vocabulary()
    if m["word"]:
        if _capitalised_in_a_name(m, "word", ctx):
            return None  # "People's Daily", "the Daily Mail"
        return v.lex["set_words"][m["word"].lower()], "SET"
    low = m["target"].lower()
    low = low if low in v.weekdays else low.removesuffix("s")
    every = m["every"].lower()
    if every in _INDEFINITE | {"per"} and (low in v.weekdays or low in v.months):
        return None  # "on a Friday", "a May morning" are dates, not sets
    if low in v.weekdays:
        return f"XXXX-WXX-{v.weekdays[low]}", "SET"
    if low in v.months:
        return f"XXXX-{v.months[low]:02d}", "SET"
    if every in _INDEFINITE and not (m["freq"] or _after_amount(ctx.before)):
        return None  # "a year", "a night" are sets only as rates: "twice a year", "$55 a night"
    if low in v.lex["parts_of_day"]:
        return f"XXXX-XX-XXT{v.lex['parts_of_day'][low]}", "SET"
    if low == "weekend":
        return "XXXX-WXX-WE", "SET"
    n = (m["n"] or "").lower()
    amount = {"": 1.0, "other": 2.0, "few": None, "several": None}.get(n, v.number(n))
    return cal.duration(amount, v.unit(low)), "SET"


def interpret_plural_weekday(m: re.Match[str], ctx: Context) -> Interpretation | None:
    v = vocabulary()
    weekday = v.weekdays[m["wd"].lower()]
    if not m[0].lower().endswith("s"):
        return None  # "Tuesday nights" is a set, "Tuesday night's debate" is not
    part = v.lex["parts_of_day"].get((m["part"] or "").lower().removesuffix("s"))
    return f"XXXX-WXX-{weekday}" + (f"T{part}" if part else ""), "SET"


def interpret_reference(m: re.Match[str], ctx: Context) -> Interpretation | None:
    v = vocabulary()
    key = re.sub(r"\s+", " ", m["ref"].lower())
    return v.lex["references"][key], "DATE"


def interpret_holiday(m: re.Match[str], ctx: Context) -> Interpretation | None:
    v = vocabulary()
    if _in_a_name(m, ctx):
        return None
    rule = v.holidays[re.sub(r"\s+", " ", m["name"].lower())]
    if m["year"]:
        year = int(m["year"])
    elif ctx.anchor is None:
        return (f"XXXX-{rule}", "DATE") if re.fullmatch(r"\d\d-\d\d", rule) else (None, "DATE")
    else:
        anchor = ctx.anchor
        rel = (m["rel"] or "").lower()
        direction = {"last": "past", "next": "future"}.get(rel, _direction(ctx))
        options = [_holiday_date(rule, y) for y in (anchor.year - 1, anchor.year, anchor.year + 1)]
        before = [d for d in options if d <= anchor]
        after = [d for d in options if d >= anchor]
        if direction == "past":
            return max(before).isoformat(), "DATE"
        if direction == "future":
            return min(after).isoformat(), "DATE"
        return min(options, key=lambda d: abs((d - anchor).days)).isoformat(), "DATE"
    return _holiday_date(rule, year).isoformat(), "DATE"


_HOLIDAY = re.compile(r"(?:(\d\d)-(\d\d)|(\d\d)-(MO|TU|WE|TH|FR|SA|SU)([1-5L])|EASTER)([+-]\d+)?")


def _holiday_date(rule: str, year: int) -> cal.Date:
    """The date of a holiday rule in a year: ``12-25``; ``11-TH4`` (4th Thursday); ``05-MOL`` (last
    Monday); ``11-MO1+1`` (the day after the first Monday); ``EASTER-2`` (two days before Easter)."""
    parts = _HOLIDAY.fullmatch(rule)
    if parts is None:
        raise ValueError(f"not a holiday rule: {rule!r}")
    month, day, nth_month, weekday, nth, offset = parts.groups()
    if month:
        date = cal.Date(year, int(month), int(day))
    elif nth_month:
        days = {"MO": 1, "TU": 2, "WE": 3, "TH": 4, "FR": 5, "SA": 6, "SU": 7}
        date = cal.nth_weekday(year, int(nth_month), days[weekday], -1 if nth == "L" else int(nth))
    else:
        date = cal.easter(year)
    return date + cal.dt.timedelta(days=int(offset or 0))


# --- the rules ----------------------------------------------------------------------------


@functools.cache
def rules() -> tuple[Rule, ...]:
    """Every rule, most specific first (ties in length go to the earlier rule)."""
    v = vocabulary()
    mod = (r"(?:at\s+least|at\s+most|more\s+than|less\s+than|fewer\s+than|no\s+more\s+than|nearly|almost|"
           r"about|around|roughly|approximately|some|over(?!\s+the\b)|under|up\s+to|well\s+over)")
    day_word = rf"(?:{v.WEEKDAY}|(?:today|tonight|yesterday|tomorrow)(?!\w))"
    specs: list[tuple[str, str, Callable]] = [
        ("clock",
         rf"(?:(?:about|around|approximately|shortly\s+(?:before|after)|just\s+(?:before|after))\s+)?"
         rf"(?:(?P<pre>{day_word})\s+(?:at\s+)?)?"
         rf"(?P<clock>(?<![:.]\d)(?<![:.])\d{{1,2}}(?:[:.]\d\d){{0,2}}\s*(?:a\.m\.?|p\.m\.?|am\b|pm\b)|(?<!\d:)\d{{1,2}}:\d\d(?!\d|:\d)|(?:(?<!high\s)noon|midday|midnight)(?![\w-])"
         rf"|\d{{1,2}}\s+o'clock|\d{{1,2}}(?::\d\d)?\s+in\s+the\s+(?:morning|afternoon|evening))"
         rf"(?:\s+(?:{v.TZ})(?!\w))?(?:,?\s+(?:on\s+)?(?P<post>{day_word}|{v.MONTH}\s+\d{{1,2}}(?!\w)))?",
         interpret_clock),
        ("part_of_day",
         rf"(?:(?P<ref>(?:(?:early|late|later|earlier)\s+)?(?:this|last|the|{day_word})|early|late|later|earlier)\s+)?"
         rf"(?P<part>mid[- ]?(?:morning|afternoon|evening)|{v.PART})(?![\w-])(?:\s+(?P<day>{day_word}))?",
         interpret_part_of_day),
        ("full_date",
         rf"(?:(?P<rel>last|next|this\s+past|this\s+coming)\s+)?"
         rf"(?:{v.WEEKDAY},?\s+)?(?:(?P<mon>{v.MONTH})\s+(?P<day>{v.DAYNUM})"
         rf"|(?:the\s+)?(?P<day2>{v.DAYNUM})\s+(?:of\s+)?(?P<mon2>{v.MONTH})"
         rf"|(?P<mon3>{v.MONTH_FULL})\s+(?:the\s+)?(?P<dayword>{v.ORD})(?![\w-]))(?:,?\s+(?P<year>{v.ANY_YEAR}))?",
         interpret_full_date),
        ("week_of", rf"the\s+week\s+of\s+(?P<mon>{v.MONTH})\s+(?P<day>{v.DAYNUM})(?:,?\s+(?P<year>{v.YEAR}))?",
         interpret_week_of),
        ("numeric_date",
         r"(?<!/)\b(?:(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)|(?P<m2>[01]?\d)/(?P<d2>[0-3]?\d)/"
         r"(?P<y2>(?:19|20)?\d\d))(?!/|(?!T\d)\w)", interpret_numeric_date),
        ("month",
         rf"(?:(?P<rel>(?:early|late|mid)-?|(?:the\s+)?(?:beginning|start|end|middle)\s+of|(?:earlier|later)\s+(?:in\s+)?"
         rf"|last|next|this\s+past|this|(?:this\s+)?coming)\s*)?(?P<mon>{v.MONTH_FULL}|{v.MONTH}(?=,?\s+(?:of\s+)?\d{{4}}))"
         rf"(?:,?\s+(?:of\s+)?(?P<year>{v.ANY_YEAR})|\s+(?:of\s+)?(?P<yrel>(?:last|next|this)\s+year))?",
         interpret_month),
        ("year",
         rf"(?:(?:fiscal(?:\s+year)?|FY|calendar(?:\s+year)?|early|late|(?:the\s+)?(?:beginning|start|end|middle)\s+of"
         rf"|the\s+year)\s*|(?:mid|pre|post)-)?(?P<year>{v.YEAR})(?!\s*(?:%|percent))",
         interpret_year),
        ("decade", r"(?:the\s+)?(?:(?:early|late|mid-?)\s*)?(?:(?P<dec>(?:1[0-9]|20)\d0)'?s|'(?P<short>\d0)s)\b",
         interpret_decade),
        ("spelled_year",
         rf"(?:the\s+year\s+)?(?P<spelled>{v.SPELLED_YEAR})"
         rf"|(?:the\s+)?(?:(?:early|late|mid-?)\s*)?(?P<decade>twenties|thirties|forties|fifties|sixties|"
         rf"seventies|eighties|nineties)\b", interpret_spelled_year),
        ("century",
         rf"(?:the\s+)?(?:(?:early|late|mid-?)\s*)?(?P<ord>{v.ORD}|\d{{1,2}}(?:st|nd|rd|th))[- ]century(?!\w)",
         interpret_century),
        ("quarter",
         rf"(?:(?P<det>the(?:\s+year-(?:ago|earlier))?|this|last|next|(?:this|last|next)\s+year's)\s+"
         rf"(?!\w+-(?:quarter|half)))?"  # "the third quarter" keeps its article, "third-quarter results" has none
         rf"(?:(?P<y1>{v.YEAR})\s+)?(?:fiscal[- ])?"
         rf"(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)[- ](?:fiscal[- ])?(?P<unit>quarter|half)(?![\w-])"
         rf"(?:\s+of\s+(?:fiscal\s+)?(?:(?P<y2>{v.YEAR})|(?P<qrel>last|next|this)\s+year))?"
         rf"|\bQ(?P<q>[1-4])(?:\s+(?P<y3>{v.YEAR}))?\b", interpret_quarter),
        ("reporting_period",
         rf"(?:the\s+)?(?:(?P<year>{v.YEAR})|last\s+year's|the\s+year-(?:ago|earlier))\s+(?:fiscal\s+)?"
         rf"(?P<unit>quarter|period)(?![\w-])"
         rf"|the\s+(?:same\s+|corresponding\s+|comparable\s+)?(?P<unit2>quarter|period)\s+"
         rf"(?:a\s+year\s+(?:ago|earlier)|(?:of\s+)?last\s+year)(?![\w-])", interpret_reporting_period),
        ("season",
         rf"(?:(?P<rel>(?:the\s+)?(?:early|late|mid-?)|this\s+past|the\s+past|last|next|this|the|coming)\s*)?"
         rf"(?P<season>{v.SEASON})(?:\s+(?:of\s+)?(?P<year>{v.ANY_YEAR})|\s+of\s+(?P<yrel>last|this|next)\s+year)?(?![\w-])",
         interpret_season),
        ("relative_unit",
         r"(?:(?:early|late|earlier|later)\s+(?:in\s+)?|the\s+(?:beginning|start|end|middle|rest|remainder)"
         r"\s+of\s+)?(?P<rel>this\s+past|this|last|next|the\s+past|the\s+last|the\s+coming|the\s+current|"
         r"the\s+latest|the\s+most\s+recent|the\s+full|the)\s+(?:fiscal\s+)?"
         r"(?P<unit>weekend|week|month|year|quarter|period|decade|century)(?![\w-])(?!\s+(?:old|long|-?old))"
         r"(?P<ended>(?=\s+end(?:ed|ing)\b))?", interpret_relative_unit),
        ("year_end", r"(?P<rel>)(?P<unit>year)(?:[- ]|'s\s+)end\b", interpret_relative_unit),
        ("year_ago", r"(?:the\s+)?year-(?:earlier|ago)(?:\s+(?P<period>quarter|period))?(?![\w-])", interpret_year_ago),
        ("weekday",
         rf"(?:(?:early|late)\s+)?(?:(?P<rel>last|next|this\s+past|this\s+coming|this|coming)\s+)?"
         rf"(?P<wd>{v.WEEKDAY})(?:\s+(?P<week>(?:last|next|this)\s+week)(?![\w-]))?", interpret_weekday),
        ("anaphoric",
         r"(?:(?:earlier|later)\s+)?(?P<rel>that|the\s+same|that\s+same|the\s+next|the\s+following|the\s+previous|"
         r"the\s+preceding)\s+(?P<unit>day|morning|afternoon|evening|night|week|month|year)(?![\w-])",
         interpret_anaphoric),
        ("relative_day",
         r"(?:(?:early|late)\s+)?(?P<word>today|tonight|yesterday|tomorrow|the\s+day\s+before\s+"
         r"yesterday|the\s+day\s+after\s+tomorrow)\b", interpret_relative_day),
        ("ago",
         rf"(?:{mod}\s+)?(?:(?P<num>{v.NUM})|{v.VAGUE})\s+(?P<unit>{v.UNIT})s?(?:\s+or\s+so)?\s+"
         rf"(?P<dir>ago|earlier|before|from\s+now|hence|back)\b", interpret_ago),
        ("duration",
         rf"(?:{mod}\s+)?(?:(?:the|each\s+of\s+the|all)\s+)?"
         rf"(?:(?P<pos>past|last|next|first|coming|previous|following|final|remaining|latest|ensuing|preceding|"
         rf"initial|additional|further|same)\s+)?"
         rf"(?:(?P<num>{v.NUM})|(?P<vague>{v.VAGUE})|(?P<bare>(?<=\bfor\s)|(?<=\bin\s)|(?<=\bover\s)|(?<=\bwithin\s)))"
         rf"(?P<more>\s+(?:more|additional|consecutive|straight|full|long|successive|trading|business|working|"
         rf"extra|further))?\s*(?(bare)|\s)(?P<unit>{v.UNIT})s?(?![\w-])"
         rf"(?P<half>\s+and\s+a\s+half)?(?:\s+or\s+so|\s+in\s+a\s+row)?(?!\s+old\b)", interpret_duration),
        ("duration_adjective",
         rf"(?P<num>\d+(?:\.\d+)?|{v.NUMWORD}|half)-(?P<unit>{v.UNIT})(?:s?-(?P<old>old)|-long)?(?![\w-])",
         interpret_duration),
        # "\w++": a count word ("three times") is a whole word, so it never gives back letters (same matches, faster)
        ("set",
         rf"\b(?P<word>{v.SETWORD})\b|(?:(?P<freq>once|twice|\w++\s+times)\s+)?(?P<every>every|each|per|a|an)\s+"
         rf"(?:(?P<n>other|few|several|{v.NUMWORD}|\d+)\s+)?(?P<target>{v.WEEKDAY}|{v.MONTH_FULL}|{v.UNIT}|weekend|"
         rf"morning|afternoon|evening|night)s?(?![\w-])", interpret_set),
        ("plural_weekday",
         rf"(?P<wd>{v.WEEKDAY_NAME})(?:s|(?=\s+\w+s\b))(?:\s+(?P<part>mornings|afternoons|evenings|nights))?"
         rf"(?![\w-])",
         interpret_plural_weekday),
        ("reference", rf"\b(?P<ref>{v.REFERENCE})(?![\w-])", interpret_reference),
        ("holiday", rf"(?:(?P<rel>last|next|this)\s+)?(?P<name>{v.HOLIDAY})(?:,?\s+(?P<year>{v.YEAR}))?(?![\w'])",
         interpret_holiday),
    ]
    units = (*v.units, *v.unit_plurals)
    weekdays = [d for d in v.weekdays if d.endswith("day")]
    parts = [*v.lex["parts_of_day"], "morning", "afternoon", "evening"]
    # the words each rule cannot match without (weekday names and "weekend" hold "day" and "week")
    triggers = {
        "clock": (*"0123456789", "noon", "midday", "midnight"),
        "part_of_day": parts,
        "full_date": v.months,
        "week_of": ("week",),
        "numeric_date": ("-", "/"),
        "month": v.months,
        "year": ("16", "17", "18", "19", "20"),
        "decade": ("0s", "0's"),
        "spelled_year": ("nineteen", "eighteen", "thousand", "ties"),
        "century": ("century",),
        "quarter": ("quarter", "half", "q"),
        "reporting_period": ("quarter", "period"),
        "season": v.seasons,
        "relative_unit": ("week", "month", "year", "quarter", "period", "decade", "century"),
        "year_end": ("year",),
        "year_ago": ("year",),
        "weekday": weekdays,
        "anaphoric": ("day", "week", "month", "year", *parts),
        "relative_day": ("today", "tonight", "yesterday", "tomorrow"),
        "ago": units,
        "duration": units,
        "duration_adjective": units,
        "set": (*units, *v.months, *v.lex["set_words"], *parts),
        "plural_weekday": weekdays,
        "reference": v.lex["references"],
        "holiday": v.lex["holidays"],
    }
    return tuple(Rule(name, re.compile(rf"(?<![\w-])(?:{pattern})", re.I), fn, _trigger_words(triggers.get(name, ())))
                 for name, pattern, fn in specs)


def _trigger_words(phrases) -> tuple[str, ...]:
    """One word of each phrase (its longest), case-folded: a match of the phrase always holds it."""
    return tuple(sorted({max(phrase.split(), key=len).casefold() for phrase in phrases}))


#: How far (characters) a triggered rule's match may start before its trigger word and end after it:
#: well beyond the longest time expression (74 characters in 1.2M of news and TimeBank text), so running
#: the rule only there finds every match.
REACH_BEFORE, REACH_AFTER = 120, 100


def _windows(triggers: tuple[str, ...], lowered: str) -> list[tuple[int, int]]:
    """The stretches of text within reach of a trigger occurrence, in order, merged where they touch."""
    spans = []
    size = len(lowered)
    for word in triggers:
        at = lowered.find(word)
        while at >= 0:
            start, end = max(0, at - REACH_BEFORE), min(size, at + len(word) + REACH_AFTER)
            # jump to the last occurrence whose window still touches this one, as long as there is one
            while (last := lowered.rfind(word, at + 1, end + REACH_BEFORE + len(word))) >= 0:
                at, end = last, min(size, last + len(word) + REACH_AFTER)
            spans.append((start, end))
            at = lowered.find(word, at + 1)
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def candidates(text: str) -> list[Candidate]:
    """Every match of every rule (overlapping; choose with :func:`choose`)."""
    lowered = text.casefold()  # as the rules' case-insensitive matching folds ("ſ" is "s")
    exact_offsets = len(lowered) == len(text)  # folding lengthens a few letters ("ß" is "ss")
    found = []
    windows: dict[tuple[str, ...], list[tuple[int, int]]] = {}
    for rule in rules():
        if not rule.triggers or not exact_offsets:
            spans = [(0, len(text))]
        else:
            if rule.triggers not in windows:
                windows[rule.triggers] = _windows(rule.triggers, lowered)
            spans = windows[rule.triggers]
        for start, end in spans:
            for m in rule.pattern.finditer(text, start, end):
                if m.end() > m.start():
                    found.append(Candidate(m.start(), m.end(), rule, m))
    return found
