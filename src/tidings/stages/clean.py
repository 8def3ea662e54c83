"""Clean stage: RawArticle in, Document with cleaned text and metadata out.

HTML goes through trafilatura (main text, title, date, author, site name); scraped text
is cleaned of debris (labels, embeds, share/cookie/subscribe lines, link lists, photo
credits, copyright and credit lines, listed in ``resources/data/clean/debris.json``).
Bylines become ``authors``, datelines ``article.dateline``; both leave the text.
Paragraphs in the cleaned text are separated by exactly ``"\\n\\n"``. The language is
detected; ``published`` is normalised to ``YYYY-MM-DD``.

A RawArticle with ``extra["verbatim"]`` set keeps its text unchanged (gold data whose
offsets must stay valid); only metadata and language are filled in.
"""
from __future__ import annotations

import dataclasses
import datetime
import email.utils
import functools
import html as html_lib
import re
import unicodedata
from dataclasses import dataclass, field

from tidings.errors import BadInput  # noqa: E402  (raised here; public as tidings.BadInput)
from tidings.models import Article, Document, RawArticle
from tidings.models.raw import ID_ESCAPED
from tidings.resources import grammar
from tidings.resources.clean import Debris, debris
from tidings.stages.ingest import HTML_TAG

#: Texts shorter than this many words are assumed English (language guessers fail on them).
MIN_WORDS_FOR_LANGUAGE = 8
#: Languages tried for publication dates that are not written in English.
DATE_LANGUAGES = ("fr", "de", "es", "it", "pt", "nl", "ru")
#: A non-English guess must be at least this probable to override English.
LANGUAGE_CONFIDENCE = 0.99  # short English news sentences can score ~0.92 for Italian; real foreign text scores ~1.0

_SPACES = re.compile(r"[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
_INVISIBLE = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_BLANK_LINE = re.compile(r"\n\s*\n")
_TERMINAL = re.compile(r"[.!?…:;\"'”’)\]]$")
_SENTENCE_END = re.compile(r"[.!?…][\"'”’»)\]]*$")
_MOJIBAKE = re.compile(r"â€[™œ\x9d˜”“¦¢]|Ã[©¨¡¢³¶¼±§ª­]|Â[ ·°£©®]")
_ENTITY = re.compile(r"&(?:#\d+|#x[0-9a-f]+|[a-z]+);", re.I)
_BULLET = re.compile(r"^[-–•*·▪►]\s+")
#: Where a photo credit may start: after a sentence's end (and a dash or bar), or at an opening parenthesis.
_CREDIT_CUT = re.compile(r"(?<=[.!?…\"'”’)\]])\s+(?:[-–—|]\s*)?|\s*(?=\()")
_UNSPACED_SCRIPT = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
_WORD = re.compile(r"\w+(?:[-'’]\w+)*")
_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")
_ENGLISH_FUNCTION_WORDS = grammar.words("english_function_words")
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_DATE_ONLY = re.compile(
    rf"(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?,?\s+)?(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?\s+\d{{4}}|\d{{4}}-\d\d-\d\d(?:[T ][\d:.]+Z?(?:[+-]\d\d:?\d\d)?)?"
    rf"|\d{{1,2}}[/.]\d{{1,2}}[/.]\d{{4}})(?:\s*(?:[|,•·-]|at)?\s*\d{{1,2}}[:.]\d\d(?:\s*[ap]\.?m\.?)?"
    rf"(?:\s*[A-Z]{{2,4}}\b|\s*GMT[+-]?\d*|\s*UTC[+-]?\d*)?)?",
    re.I)


@dataclass
class _Meta:
    """Metadata gathered while cleaning."""

    title: str | None = None
    published: str | None = None
    updated: str | None = None
    authors: list[str] = field(default_factory=list)
    source: str | None = None
    dateline: str | None = None


def run(raw: RawArticle) -> Document:
    """Clean one RawArticle into a Document; raise BadInput when nothing usable is left."""
    meta = _Meta(title=_clean_inline(raw.title) if raw.title else None, source=raw.source)
    if raw.extra.get("verbatim"):
        text = raw.text if raw.text is not None else _html_text(raw.html or "", meta)
        if not text.strip():
            raise BadInput("empty: no text")
    else:
        text = _clean(raw, meta)
    published = normalise_date(raw.published) if raw.published else None
    published = published or meta.published or meta.updated or normalise_date(raw.extra.get("crawl_date"))
    article = Article(id=raw.id, text=text, title=meta.title, url=raw.url, source=meta.source,
                      published=published, language=detect_language(text), authors=meta.authors,
                      dateline=meta.dateline)
    doc = Document(article, raw_html=raw.html)
    if raw.published and not normalise_date(raw.published):
        doc.warnings.append(f"unreadable publication date {raw.published!r}")
    if raw.extra.get(ID_ESCAPED):
        doc.warnings.append(f"input id held characters that cannot be stored; escaped as {raw.id!r}")
    return doc


def _clean(raw: RawArticle, meta: _Meta) -> str:
    if raw.html is not None and raw.html.strip():
        body = _html_text(raw.html, meta)
    elif raw.text is not None:
        body = strip_markup(raw.text)
        body = html_lib.unescape(body) if _ENTITY.search(body) else body
    else:
        raise BadInput("empty: no text or html")
    if _CONTROL.sub("", body).strip() == "":
        raise BadInput("empty: no text")
    if len(_CONTROL.findall(body[:10000])) > max(5, len(body[:10000]) // 50):
        raise BadInput("binary: text is mostly control characters")
    paragraphs = clean_paragraphs(body, meta)
    if not paragraphs:
        raise BadInput("empty: nothing left after removing page debris")
    return "\n\n".join(paragraphs)


# --- HTML ---------------------------------------------------------------------------


def _html_text(page: str, meta: _Meta) -> str:
    """Main text of an HTML page (one paragraph per line) and its metadata into ``meta``."""
    page = _CONTROL.sub(" ", page)  # XML cannot hold them (lxml refuses "\x0b" between tags)
    import trafilatura
    from trafilatura.settings import Document as Extraction
    from trafilatura.settings import set_date_params
    from trafilatura.utils import load_html

    params = set_date_params(extensive=False)
    try:
        tree = load_html(page)
        extracted = None if tree is None else trafilatura.bare_extraction(
            _without_widgets(tree), with_metadata=True, include_comments=False, include_tables=False,
            date_extraction_params=params)
        result = extracted if isinstance(extracted, Extraction) else None  # never the dict: as_dict is off
    except Exception:  # trafilatura raises assorted errors on broken markup; fall back to plain lxml
        result = None
    text = result.text if result is not None and result.text else _plain_html_text(page)
    if result is None:
        try:
            result = trafilatura.extract_metadata(page, date_config=params)
        except Exception:  # metadata is optional; broken markup still yields the fallback text
            result = None
    if result is not None:
        meta.title = meta.title or (_clean_inline(result.title) if result.title else None)
        meta.published = meta.published or normalise_date(result.date)
        meta.source = meta.source or (result.sitename or None)
        if result.author and not meta.authors:
            meta.authors = _author_names(result.author, tables=debris())
    return text


def _without_widgets(tree):
    """The page tree without embedded posts, share bars, newsletter boxes and other widgets."""
    drop = debris().html_drop_classes
    for element in tree.xpath("//*[@class]"):
        if drop.intersection(element.get("class", "").split()) and element.getparent() is not None:
            element.drop_tree()
    return tree


_BLOCK_TAGS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "article", "section",
               "blockquote", "header", "footer", "figcaption", "dd", "dt", "pre", "ul", "ol", "table"}


def _plain_html_text(page: str) -> str:
    """Visible text of a page, one block element per line (fallback when trafilatura finds none)."""
    import lxml.html

    try:
        root = lxml.html.fromstring(page)
    except (ValueError, lxml.etree.ParserError):
        return ""
    for bad in root.xpath("//script|//style|//noscript|//template|//nav|//form|//iframe|//svg|//head"):
        bad.drop_tree()
    for element in root.iter():
        if isinstance(element.tag, str) and element.tag.lower() in _BLOCK_TAGS:
            element.tail = "\n" + (element.tail or "")
    return root.text_content()


# --- plain text ---------------------------------------------------------------------

_HIDDEN_ELEMENT = re.compile(r"<(script|style|noscript|template|svg|head|title)\b[^>]*>.*?</\1\s*>", re.I | re.S)
_BLOCK_TAG = re.compile(rf"</?(?:{'|'.join(sorted(_BLOCK_TAGS - {'br'}))}|hr)\b[^<>]*>", re.I)
_LINE_BREAK_TAG = re.compile(r"<br\b[^<>]*>", re.I)


def strip_markup(text: str) -> str:
    """Text without residual HTML (tags of known elements, comments, scripts and styles); blocks become
    paragraph breaks, ``<br>`` a line break. Text with no tag is returned unchanged."""
    if "<" not in text or not HTML_TAG.search(text):
        return text
    text = _HIDDEN_ELEMENT.sub(" ", text)
    text = _LINE_BREAK_TAG.sub("\n", text)
    text = HTML_TAG.sub(lambda m: "\n\n" if _BLOCK_TAG.fullmatch(m.group(0)) else "", text)
    return text



def clean_paragraphs(body: str, meta: _Meta | None = None) -> list[str]:
    """Split scraped text into paragraphs and drop debris; metadata found goes into ``meta``.

    Debris removal never takes the only prose: a paragraph that is debris only because of the photo credit
    ending it (a caption: "... officials said. Pic/AFP") is dropped when the text has other prose, and kept
    without its credit when it is all the text has."""
    meta = meta if meta is not None else _Meta()
    tables = debris()
    paragraphs = [_BULLET.sub("", p) for p in split_paragraphs(normalise_whitespace(body))]
    found = dataclasses.replace(meta, authors=list(meta.authors))
    kept = _without_debris(paragraphs, found, tables)
    if not any(map(_is_prose, kept)):
        uncaptioned = [_uncaptioned(p, tables) for p in paragraphs]
        if uncaptioned != paragraphs:
            retry = dataclasses.replace(meta, authors=list(meta.authors))
            rescued = _without_debris(uncaptioned, retry, tables)
            if any(map(_is_prose, rescued)) or (rescued and not kept):
                kept, found = rescued, retry
    for name in (f.name for f in dataclasses.fields(_Meta)):
        setattr(meta, name, getattr(found, name))
    return kept


def strip_trailing_credit(paragraph: str, tables: Debris | None = None) -> str:
    """The paragraph without a photo credit after its last sentence ("... officials said. Pic/AFP",
    "... on Monday. (AP Photo)"); unchanged when it ends with none or is nothing but a credit."""
    tables = tables or debris()
    cuts = [m for m in _CREDIT_CUT.finditer(paragraph) if _WORD.search(paragraph, 0, m.start())]
    for cut in reversed(cuts):  # the shortest credit first
        if tables.trailing_credit.fullmatch(paragraph[cut.end():].rstrip()):
            return paragraph[:cut.start()].rstrip()
    return paragraph


def _uncaptioned(paragraph: str, tables: Debris) -> str:
    """A caption (a paragraph that is debris only because of its trailing credit) without the credit; any other
    paragraph as it is."""
    if not _is_debris(paragraph, tables):
        return paragraph
    stripped = strip_trailing_credit(paragraph, tables)
    return stripped if stripped != paragraph and not _is_debris(stripped, tables) else paragraph


def _without_debris(paragraphs: list[str], meta: _Meta, tables: Debris) -> list[str]:
    verdicts: dict[str, bool] = {}  # the second debris pass meets mostly the same paragraphs: test each once

    def kept(paragraph: str) -> bool:
        if paragraph not in verdicts:
            verdicts[paragraph] = _is_debris(paragraph, tables)
        return not verdicts[paragraph]

    paragraphs = [p for p in paragraphs if kept(p)]
    paragraphs = [p for p in (strip_trailing_credit(_clean_inline(p, tables), tables) for p in paragraphs) if p]
    paragraphs = _drop_link_blocks(paragraphs, tables)
    paragraphs = _take_header(paragraphs, meta, tables)
    paragraphs = [p for p in paragraphs if kept(p)]
    paragraphs = _drop_trailing_fragments(paragraphs)
    paragraphs = _take_opening_lines(paragraphs, meta, tables)
    return list(dict.fromkeys(p for p in paragraphs if p))  # a paragraph repeated by the page is kept once


def repair_mojibake(text: str) -> str:
    """Undo UTF-8 text that was decoded as Windows-1252 ('â€™' → '’'), line by line where it applies."""
    if not _MOJIBAKE.search(text):
        return text
    repaired = []
    for line in text.split("\n"):
        try:
            repaired.append(_cp1252_bytes(line).decode("utf-8") if _MOJIBAKE.search(line) else line)
        except (UnicodeEncodeError, UnicodeDecodeError):
            repaired.append(line)
    return "\n".join(repaired)


def _cp1252_bytes(line: str) -> bytes:
    """Windows-1252 bytes of ``line``; the five bytes it leaves undefined map to themselves (as browsers do)."""
    return b"".join(bytes([ord(ch)]) if "\x80" <= ch <= "\x9f" and ch in "\x81\x8d\x8f\x90\x9d"
                    else ch.encode("cp1252") for ch in line)


def normalise_whitespace(text: str) -> str:
    """Unicode NFC, one kind of newline, no invisible or control characters, single spaces."""
    text = unicodedata.normalize("NFC", repair_mojibake(text)).replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u2028", "\n").replace("\u2029", "\n\n")
    text = _CONTROL.sub(" ", _INVISIBLE.sub("", text))
    return "\n".join(_SPACES.sub(" ", line).strip() for line in text.split("\n"))


def split_paragraphs(text: str) -> list[str]:
    """Paragraphs: blank-line separated blocks, split into lines unless a line continues a wrapped sentence."""
    paragraphs: list[str] = []
    for block in _BLANK_LINE.split(text.strip()):
        lines = [line for line in block.split("\n") if line]
        wrapped = len(lines) > 2 and _hard_wrapped(lines)
        for k, line in enumerate(lines):
            if k and (wrapped or _continues(lines[k - 1], line)):
                paragraphs[-1] += " " + line
            else:
                paragraphs.append(line)
    return paragraphs


def _hard_wrapped(lines: list[str]) -> bool:
    """True when most lines of a block break mid-sentence at a similar width (wrapped prose)."""
    inner = lines[:-1]
    widest = max(len(line) for line in inner)
    widths_even = widest >= 50 and all(len(line) >= 0.6 * widest for line in inner)
    open_ended = sum(1 for line in inner if not _TERMINAL.search(line))
    return widths_even and open_ended * 2 > len(inner)


def _continues(previous: str, line: str) -> bool:
    """True when ``line`` carries on the unfinished sentence of a long ``previous`` line."""
    return len(previous) >= 40 and not _TERMINAL.search(previous) and (line[0].islower() or line[0].isdigit())


def _clean_inline(text: str, tables: Debris | None = None) -> str:
    """Remove inline embeds, template residue and photo credits; collapse the spaces left behind."""
    tables = tables or debris()
    for pattern in tables.inline:
        text = pattern.sub(" ", text)
    return _SPACES.sub(" ", text).strip()


def _is_debris(paragraph: str, tables: Debris) -> bool:
    """True when the paragraph (or its text inside enclosing brackets) is a debris line."""
    if tables.drop_lines.fullmatch(paragraph):
        return True
    inner = paragraph.strip("()[] ")
    return inner != paragraph and bool(tables.drop_lines.fullmatch(inner))


def _is_prose(paragraph: str) -> bool:
    """A sentence-like paragraph: ends like a sentence, introduces what follows (':'), or is long."""
    words = len(_WORD.findall(paragraph))
    return (words >= 25 or (words >= 4 and bool(_SENTENCE_END.search(paragraph)))
            or (words >= 6 and paragraph.endswith(":")))


def _is_link_title(paragraph: str) -> bool:
    """A short headline-like line (no full stop, not a 'label: value' line), as in lists of links."""
    words = len(_WORD.findall(paragraph))
    return 0 < words <= 18 and not re.search(r"[.!…:][\"'”’»)\]]*$|:\s*[\d.,%]+$", paragraph)


def _drop_link_blocks(paragraphs: list[str], tables: Debris) -> list[str]:
    """Remove 'Related Articles'-style headings and the link titles listed under them."""
    kept: list[str] = []
    in_block = False
    for paragraph in paragraphs:
        if tables.link_block_headings.fullmatch(paragraph.rstrip(" :»>›")):
            in_block = True
            continue
        if in_block and (_is_link_title(paragraph) or _is_debris(paragraph, tables)):
            continue
        in_block = False
        kept.append(paragraph)
    return kept


def _drop_trailing_fragments(paragraphs: list[str]) -> list[str]:
    """Drop a run of two or more short non-sentence lines ending a long article (footer links, labels)."""
    prose = [i for i, p in enumerate(paragraphs) if _is_prose(p)]
    if len(prose) < 3:
        return paragraphs
    tail = paragraphs[prose[-1] + 1:]
    if len(tail) >= 2 and all(_is_link_title(p) for p in tail):
        return paragraphs[: prose[-1] + 1]
    return paragraphs


# --- header: title, section labels, byline, publication date -----------------------


def _take_header(paragraphs: list[str], meta: _Meta, tables: Debris) -> list[str]:
    """Consume the short lines before the first real paragraph: dates, bylines, labels, the headline."""
    first_prose = next((i for i, p in enumerate(paragraphs) if _is_prose(p) and not _byline(p, tables)), None)
    if first_prose is None:
        return paragraphs
    header, body = paragraphs[:first_prose], paragraphs[first_prose:]
    leftovers: list[str] = []
    for line in header:
        if (_take_date_line(line, meta, tables) or _take_byline(line, meta, tables) or _is_debris(line, tables)
                or _take_dateline(line, meta, tables) == ""):
            continue
        leftovers.append(line)
    candidates = [line for line in leftovers if len(_WORD.findall(line)) >= 3 and "|" not in line]
    if meta.title is None and candidates:
        # a headline has five words or more; section labels ("World News Europe") are shorter
        meta.title = next((c for c in candidates if len(_WORD.findall(c)) >= 5),
                          max(candidates, key=lambda c: len(_WORD.findall(c))))
    title_key = _key(meta.title) if meta.title else None
    # the headline and section labels ("World", "Europe | Politics") are not article text
    body_start = [p for p in body[:3] if _key(p) != title_key]
    if not any(map(_is_prose, body_start + body[3:])):
        return body  # the only prose repeats the headline (a one-sentence story): it is still the story
    return body_start + body[3:]


def _key(text: str) -> str:
    return " ".join(_WORD.findall(text.lower()))


def _take_date_line(line: str, meta: _Meta, tables: Debris) -> bool:
    """A 'Published: …' / 'Updated …' / bare date line (parts may be joined by '|'): record its date."""
    segments = re.split(r"\s+[|•·]\s+", line.strip())
    if len(segments) > 1:
        dated = [s for s in segments if not _TIME_ONLY.fullmatch(s)]
        return bool(dated) and all(_take_date_segment(s, meta, tables) for s in dated)
    return _take_date_segment(line, meta, tables)


@functools.cache
def _date_labels(published: tuple[str, ...], updated: tuple[str, ...]) -> tuple[re.Pattern, tuple]:
    """A test for a line opening with any label, and (label pattern, is a published label) longest label first."""
    labels = sorted(published + updated, key=len, reverse=True)
    opening = re.compile(rf"(?:{'|'.join(re.escape(label) for label in labels)})\b", re.I)
    return opening, tuple((re.compile(rf"{re.escape(label)}\b\s*:?\s*(?:on\s+|at\s+)?(.+)$", re.I),
                           label in published) for label in labels)


def _take_date_segment(line: str, meta: _Meta, tables: Debris) -> bool:
    opening, labels = _date_labels(tables.published_labels, tables.updated_labels)
    for pattern, published in labels if opening.match(line) else ():
        labelled = pattern.match(line)
        if labelled and _YEAR.search(labelled.group(1)) and len(_WORD.findall(labelled.group(1))) <= 14:
            value = normalise_date(labelled.group(1).strip(" |•·"))
            if value is None:
                return False
            if published:
                meta.published = meta.published or value
            else:
                meta.updated = meta.updated or value
            return True
    if _DATE_ONLY.fullmatch(line.strip(" |•·")):
        meta.published = meta.published or normalise_date(line.strip(" |•·"))
        return True
    return False


_TIME_ONLY = re.compile(r"(?:[a-z ]{2,20}:?\s*)?(?:at\s+)?\d{1,2}[:.]\d\d\s*(?:[ap]\.?m\.?)?\s*(?:[A-Z]{2,4})?",
                        re.I)
_PARTICLES = "de|da|del|der|van|von|al|el|bin|ibn|la|le|du|dos"
_NAME = re.compile(rf"(?:[A-Z][\w'’.-]*|(?:{_PARTICLES})[-\s]?)(?:\s+(?:[A-Z][\w'’.-]*|{_PARTICLES})){{1,4}}")


@dataclass
class _Byline:
    """What a byline says: person names, the agency or outlet, a publication date."""

    authors: list[str]
    agency: str | None
    published: str | None


def _byline(line: str, tables: Debris) -> _Byline | None:
    """Parse 'By Jane Doe and John Roe, Reuters' (with optional roles and a date) or return None."""
    match = re.match(r"by\s+(.+)$", line.strip(), re.I)
    if not match or len(_WORD.findall(line)) > 30:
        return None
    authors: list[str] = []
    agency = published = None
    recognised = 0
    names = match.group(1)
    labels = "|".join(re.escape(label) for label in tables.published_labels + tables.updated_labels)
    labelled = re.search(rf"(?:^|[\s|•·,])(?:{labels})\b.*$", names, re.I)
    if labelled:  # 'By Jane Doe, CNN Updated 10:41 AM ET, Thu December 30, 2021'
        names, stamp = names[: labelled.start()], labelled.group(0)
        dated = _DATE_ONLY.search(stamp)
        published = normalise_date(dated.group(0)) if dated else None
    dated = _DATE_ONLY.search(names)
    if dated:
        published = published or normalise_date(dated.group(0))
        names = names[: dated.start()] + names[dated.end():]
    for part in re.split(r"\s*(?:,|;|\||•|·|\band\b|&|\s[-–—]\s)\s*", names.strip(" .|•·")):
        part = re.sub(r"^(?:the\s+)?|\s+(?:in|from)\s+[A-Z][\w .'’-]*$", "", part.strip(), flags=re.I).strip()
        if not part:
            continue
        recognised += 1
        if part in tables.agencies:
            agency = agency or tables.agencies[part]
        elif part.lower() in tables.byline_roles or part.lower().rsplit(" ", 1)[-1] in tables.byline_roles:
            continue
        elif _TIME_ONLY.fullmatch(part):
            continue
        elif _NAME.fullmatch(part) and part.lower().rsplit(" ", 1)[-1] in tables.byline_outlet_words:
            agency = agency or part
        elif _NAME.fullmatch(part):
            authors.append(part)
        else:
            return None
    return _Byline(authors, agency, published) if recognised else None


def _author_names(authors: str, *, tables: Debris) -> list[str]:
    """Person names from an author field ('Jane Doe; Capital Ledger staff' → ['Jane Doe'])."""
    names: list[str] = []
    for author in filter(None, (a.strip() for a in re.split(r";|\s+\|\s+", authors))):
        parsed = _byline(f"By {author}", tables)
        names.extend(parsed.authors if parsed else [author])
    return names


def _take_byline(line: str, meta: _Meta, tables: Debris) -> bool:
    """A byline, or an agency name on its own line under one: record authors, source and date."""
    found = _byline(line, tables)
    if found is None and line.strip(" .") in tables.agencies:
        found = _Byline([], tables.agencies[line.strip(" .")], None)
    if found is None:
        return False
    meta.authors = meta.authors or found.authors
    meta.source = meta.source or found.agency
    meta.published = meta.published or found.published
    return True


# --- dateline -----------------------------------------------------------------------


@functools.cache
def _dateline_pattern(agencies: tuple[str, ...]) -> re.Pattern:
    agency = "|".join(re.escape(a) for a in sorted(agencies, key=len, reverse=True))
    caps_place = r"[A-Z][A-Z.'’-]+(?:[ /-][A-Z][A-Z.'’-]+){0,3}"
    any_place = r"[A-Z][\w.'’-]+(?:[ /-][A-Z][\w.'’-]+){0,3}"
    region = r"(?:,\s*[A-Z][\w.'’-]+(?:\s[A-Z][\w.'’-]+){0,2})?"
    date = rf"(?:,?\s*{_MONTH}\s+\d{{1,2}})?"
    dash = r"(?:\s*(?:—|–|--|-|_)|:)(?:\s+(?=\S)|\s*$)"
    # a capitalised place may carry any outlet in brackets, such as a station's call sign: "COLUMBIA, Ky. (WBKO) -"
    outlet = r"(?:\s*\([A-Z][\w&.'’-]{1,19}\))?"
    # after a bracketed agency or outlet the dash may be missing: "MEXICO CITY (AP) Mexico's Senate ..."
    after_brackets = r"(?<=\))\s+(?=[A-Z])"
    return re.compile(rf"(?P<line>(?:{any_place}){region}{date}\s*\((?:{agency})\)|{caps_place}{region}{date}{outlet})"
                      rf"(?:{dash}|{after_brackets})")


def _take_dateline(paragraph: str, meta: _Meta, tables: Debris) -> str | None:
    """The paragraph without its opening 'KYIV, Ukraine (AP) —' / 'WASHINGTON, Dec 30 (Reuters) -'
    (empty for a dateline standing alone), or None when it has no dateline."""
    match = _dateline_pattern(tuple(tables.agencies)).match(paragraph)
    rest = paragraph[match.end():] if match else ""
    if not match or (rest and len(_WORD.findall(rest)) < 3) or match.group("line").upper() in tables.kicker_labels:
        return None
    meta.dateline = match.group("line").strip()
    agency = re.search(r"\(([^)]+)\)$", meta.dateline)
    if agency and agency.group(1) in tables.agencies:
        meta.source = meta.source or tables.agencies[agency.group(1)]
    return rest[:1].upper() + rest[1:]


def _take_opening_lines(paragraphs: list[str], meta: _Meta, tables: Debris) -> list[str]:
    """Strip a byline ('By Jane Doe. ') and the dateline from the start of the story."""
    for i, paragraph in enumerate(paragraphs[:3]):
        byline = re.match(r"(By\s[^.]{2,80}?)\.\s+(?=[A-Z])", paragraph)
        if byline and _take_byline(byline.group(1), meta, tables):
            paragraph = paragraph[byline.end():]
        rest = _take_dateline(paragraph, meta, tables)
        if rest is not None:
            return paragraphs[:i] + ([rest] if rest else []) + paragraphs[i + 1:]
        paragraphs = paragraphs[:i] + [paragraph] + paragraphs[i + 1:]
    return paragraphs


# --- dates and language -------------------------------------------------------------


#: Publication years outside this range are unreadable: date arithmetic around them ("the week after
#: next" of 9999-12-31) would leave the calendar.
PUBLISHED_YEARS = range(1000, 3000)


def normalise_date(value: object) -> str | None:
    """ISO ``YYYY-MM-DD`` from a date in any common form (ISO, RFC 2822, 'Dec 30, 2021', …), else None."""
    try:
        found = None if value is None else _normalised_date(str(value).strip())
    except (ValueError, OverflowError, OSError):  # a timestamp or date past what the calendar holds
        return None
    return found if found is not None and int(found[:4]) in PUBLISHED_YEARS else None


@functools.lru_cache(maxsize=4096)
def _normalised_date(text: str) -> str | None:
    """:func:`normalise_date` of stripped text (cached: feeds and pages repeat their date strings)."""
    iso = re.match(r"(\d{4})-(\d\d)-(\d\d)", text) or re.fullmatch(r"(\d{4})(\d\d)(\d\d)", text)
    if iso:
        return _valid_iso(*iso.groups())
    if re.fullmatch(r"\d{9,10}(?:\.\d+)?|\d{12,13}", text):  # Unix time in seconds or milliseconds
        seconds = float(text) / (1000 if len(text) >= 12 and "." not in text else 1)
        return datetime.datetime.fromtimestamp(seconds, tz=datetime.UTC).date().isoformat()
    if not _YEAR.search(text):
        return None
    try:
        return email.utils.parsedate_to_datetime(text).date().isoformat()
    except (TypeError, ValueError, IndexError):
        pass
    written = _written_english_date(text)
    if written is not None:
        return written
    import dateparser

    settings = {"REQUIRE_PARTS": ["day", "month", "year"], "RETURN_AS_TIMEZONE_AWARE": False}
    parsed = (dateparser.parse(text, languages=["en"], settings=settings)
              or dateparser.parse(text, languages=list(DATE_LANGUAGES), settings=settings))
    if parsed is None and (inner := _DATE_ONLY.search(text)) and inner.group(0) != text:
        return _normalised_date(inner.group(0))  # a date among other words: 'December 30, 2021 / Updated …'
    return parsed.date().isoformat() if parsed else None


_MONTH_NUMBERS = {name: number for number, names in enumerate((
    "january jan", "february feb", "march mar", "april apr", "may", "june jun", "july jul", "august aug",
    "september sep sept", "october oct", "november nov", "december dec"), start=1) for name in names.split()}
_MONTH_NAMES = "|".join(_MONTH_NUMBERS)
_SLASHED_DATE = re.compile(r"(\d{4})([/.])(\d{1,2})\2(\d{1,2})", re.A)
_WRITTEN_DATE = re.compile(rf"(?:(?P<month>{_MONTH_NAMES})\.? (?P<day>\d{{1,2}}),? "
                           rf"|(?P<day_first>\d{{1,2}}) (?P<month_second>{_MONTH_NAMES})\.?,? )(?P<year>\d{{4}})",
                           re.I | re.A)  # ASCII only: no other digits or look-alike letters


def _written_english_date(text: str) -> str | None:
    """'December 6, 2021', 'Dec. 6 2021', '6 December 2021' or '2021/12/06' read directly (dateparser reads them
    alike, at a hundred times the cost); None for anything else, including impossible days."""
    slashed = _SLASHED_DATE.fullmatch(text)
    if slashed:
        year, _, month, day = slashed.groups()
        return _valid_iso(year, month, day)
    match = _WRITTEN_DATE.fullmatch(text)
    if not match:
        return None
    month = _MONTH_NUMBERS[(match["month"] or match["month_second"]).lower()]
    try:
        return datetime.date(int(match["year"]), month, int(match["day"] or match["day_first"])).isoformat()
    except ValueError:
        return None


def _valid_iso(year: str, month: str, day: str) -> str | None:
    try:
        return datetime.date(int(year), int(month), int(day)).isoformat()
    except ValueError:
        return None


#: Dates whose reading loads dateparser's English locale and the other date languages.
WARM_UP_DATES = ("Thursday, March 3, 2022", "3 March 2022 10:00 GMT", "3 mars 2022")


def warm_up() -> None:
    """Load now what cleaning loads on first need (the language identifier, ~70 ms; dateparser's locales),
    so a worker's first articles do not pay for it. For the pipeline's warm-up."""
    _language_identifier()
    for value in WARM_UP_DATES:
        normalise_date(value)


@functools.cache
def _language_identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_pickled_model(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> str:
    """ISO 639-1 code of ``text``; English unless another language is clearly more likely."""
    words = _WORD.findall(text[:5000].lower())
    if (len(words) < MIN_WORDS_FOR_LANGUAGE  # Chinese and Japanese write no spaces: count their characters
            and len(_UNSPACED_SCRIPT.findall(text[:5000])) < 2 * MIN_WORDS_FOR_LANGUAGE):
        return "en"
    function_share = sum(map(_ENGLISH_FUNCTION_WORDS.__contains__, words)) / len(words)
    if function_share >= 0.15:
        return "en"
    try:
        language, probability = _language_identifier().classify(text[:5000])
    except (ValueError, ZeroDivisionError):
        return "en"
    return str(language) if language != "en" and float(probability) >= LANGUAGE_CONFIDENCE else "en"
