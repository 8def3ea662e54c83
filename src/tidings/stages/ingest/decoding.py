"""Bytes → text for input files: binary sniffing, BOMs, declared charsets, charset detection."""
from __future__ import annotations

import codecs
import re

#: File signatures of common binary formats that are never articles.
BINARY_SIGNATURES = (b"%PDF", b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"PK\x03\x04", b"\x1f\x8b", b"BZh",
                     b"\x7fELF", b"\xd0\xcf\x11\xe0", b"7z\xbc\xaf")
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_DECLARED = re.compile(rb"""(?:charset|encoding)\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.I)
_CONTROL = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f]")


class InputError(ValueError):
    """An input that cannot become an article; the message is the one-line failure reason."""


def looks_binary(data: bytes) -> bool:
    """True for data with a binary file signature, NUL bytes or many control characters."""
    if any(data.startswith(bom) for bom, _ in _BOMS):
        return False
    if data.startswith(BINARY_SIGNATURES):
        return True
    head = data[:8192]
    return b"\x00" in head or len(_CONTROL.findall(head)) > max(2, len(head) // 100)


def decode(data: bytes, *, declared: str | None = None) -> str:
    """Decode ``data`` (BOM, then UTF-8, then a declared charset, then detection) or raise InputError."""
    if not data.strip():
        raise InputError("empty: no content")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise InputError(f"undecodable: invalid {encoding} after byte-order mark ({exc.reason})") from None
    utf16 = None if data.startswith(BINARY_SIGNATURES) else utf16_without_bom(data)
    if utf16 is not None:
        try:
            return data.decode(utf16)
        except UnicodeDecodeError as exc:
            raise InputError(f"undecodable: invalid {utf16} ({exc.reason})") from None
    if looks_binary(data):
        raise InputError("binary: not a text file")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    for encoding in filter(None, (declared, _declared_charset(data))):
        try:
            return data.decode(encoding)
        except (LookupError, UnicodeDecodeError):
            continue
    import charset_normalizer

    matches = list(charset_normalizer.from_bytes(data[:200_000]))
    if not matches:
        raise InputError("undecodable: not UTF-8 and no character set fits")
    least_chaos = min(m.chaos for m in matches)
    fitting = [m.encoding for m in matches if m.chaos == least_chaos]
    # Windows-1252 is by far the commonest legacy encoding of news pages; prefer it among equals
    encoding = "cp1252" if "cp1252" in fitting else fitting[0]
    try:
        return data.decode(encoding)
    except (LookupError, UnicodeDecodeError):
        raise InputError(f"undecodable: not UTF-8 and not {encoding}") from None


def utf16_without_bom(data: bytes) -> str | None:
    """``utf-16-le`` or ``utf-16-be`` for text saved as UTF-16 without a byte-order mark (its NUL bytes would
    pass for binary): most characters of Latin-script text then have one NUL half, always on the same side."""
    head = data[:8192]
    head = head[: len(head) - len(head) % 2]
    if len(head) < 8:
        return None
    even, odd = head[0::2], head[1::2]
    for encoding, nul_side, other in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if nul_side.count(0) >= 0.6 * len(nul_side) and other.count(0) == 0:
            return encoding
    return None


def _declared_charset(data: bytes) -> str | None:
    """The charset named by an HTML meta tag or XML declaration near the start, if any."""
    match = _DECLARED.search(data[:4096])
    return match.group(1).decode("ascii").lower() if match else None


#: Names of the HTML elements that mark text as markup (documents, fragments, residue of scraped pages).
HTML_ELEMENTS = (
    "html|head|body|main|article|section|header|footer|nav|aside|div|span|p|br|hr|a|h[1-6]|ul|ol|li|dl|dt|dd|"
    "table|thead|tbody|tfoot|tr|td|th|caption|em|strong|b|i|u|s|small|sub|sup|mark|q|cite|abbr|time|code|pre|"
    "blockquote|figure|figcaption|picture|source|img|video|audio|iframe|embed|object|script|style|noscript|"
    "template|svg|form|input|button|label|select|option|meta|link|title|base")
#: An opening, closing or self-closing tag of a known element (attribute values may hold '>'), or a comment.
HTML_TAG = re.compile(
    rf"<!doctype\s+html|<!--.*?-->|</?(?:{HTML_ELEMENTS})(?:\s(?:[^<>\"']|\"[^\"]*\"|'[^']*')*)?/?>",
    re.I | re.S)


def looks_like_html(content: str) -> bool:
    """True when ``content`` holds HTML markup anywhere (a document, a fragment, stray tags)."""
    return "<" in content and HTML_TAG.search(content) is not None
