"""A hostile input corpus for tidings, written by this script (nothing binary is committed).

``write_hostile_corpus(folder)`` lays out 200+ files — binaries, random bytes under text extensions, every
encoding, bounded gzip bombs, truncated ``.gz`` / ``.jsonl.gz`` / ``.warc.gz``, deeply nested JSON and HTML,
id collisions, lone surrogates, control characters, huge-but-bounded and empty inputs, feeds with entities,
HTML with only script/style — and returns ``{file name: input units}`` (file, JSONL line, WARC record, feed
item), so a test can check that every unit ends in exactly one outcome. Deterministic for a given seed.

Run as a script to write it somewhere: ``python -m tests.hostile.make_corpus OUT_DIR``.
"""
from __future__ import annotations

import gzip
import json
import random
import sys
import zlib
from pathlib import Path

from tests.batch.stories import FRENCH, STORIES

STORY_LIST = list(STORIES.values())
SUMMIT = STORIES["summit"]
#: Over the 20 MB article limit (tidings.stages.ingest.readers.MAX_BYTES) by a little.
OVER_ARTICLE = 20_000_000 + 1024
#: Decompressed size of the gzip bombs: over the 50 MB stream limit (MAX_FILE_BYTES), a few kB compressed.
BOMB_BYTES = 64 * 1024 * 1024


def _gz(data: bytes) -> bytes:
    return gzip.compress(data, compresslevel=9, mtime=0)


def _lines_in_prefix(compressed: bytes) -> int:
    """Complete lines a reader can get out of a cut gzip stream (what 'keeps every whole line' promises)."""
    out = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(compressed)
    return out.count(b"\n")


def _warc_record(uri: str, html: str, n: int) -> bytes:
    body = (b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + html.encode("utf-8"))
    head = (f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: {uri}\r\n"
            f"WARC-Date: 2024-03-0{n % 9 + 1}T12:00:00Z\r\nWARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-"
            f"{n:012d}>\r\nContent-Type: application/http; msgtype=response\r\n"
            f"Content-Length: {len(body)}\r\n\r\n").encode("ascii")
    return head + body + b"\r\n\r\n"


def _html(text: str) -> str:
    return f"<html><head><title>t</title></head><body><article><p>{text}</p></article></body></html>"


def write_hostile_corpus(folder: Path, *, seed: int = 12) -> dict[str, int]:
    """Write the corpus into ``folder`` (created); return file name → number of input units it holds."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    units: dict[str, int] = {}

    def put(name: str, data: bytes | str, count: int = 1) -> None:
        (folder / name).write_bytes(data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data)
        units[name] = count

    # 1. binaries and random bytes under every text extension (no newline, so a .jsonl holds one line)
    text_exts = [".txt", ".text", ".md", ".html", ".htm", ".xhtml", ".jsonl", ".xml", ".rss", ".atom"]
    for i in range(40):
        ext = text_exts[i % len(text_exts)]
        data = bytes(rng.randrange(256) for _ in range(rng.choice([1, 7, 64, 1000, 5000])))
        put(f"random-{i:02d}{ext}", data.replace(b"\n", b" ").replace(b"\r", b" "))
    magic = {"png": b"\x89PNG\r\n\x1a\n" + bytes(200), "pdf": b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n" + bytes(300),
             "elf": b"\x7fELF\x02\x01\x01" + bytes(500), "zip": b"PK\x03\x04" + bytes(100),
             "jpeg": b"\xff\xd8\xff\xe0\x00\x10JFIF" + bytes(100), "sqlite": b"SQLite format 3\x00" + bytes(400)}
    for kind, data in magic.items():
        for ext in (".txt", ".html", ".md"):
            put(f"binary-{kind}{ext}", data)
    put("allbytes.txt", bytes(range(256)) * 16)
    put("nuls.txt", b"\x00" * 4096)

    # 2. every encoding, each with and without a BOM where one exists
    for i, text in enumerate(STORY_LIST):
        base = f"enc{i}"
        put(f"{base}-utf8.txt", text.encode("utf-8"))
        put(f"{base}-utf8bom.txt", b"\xef\xbb\xbf" + text.encode("utf-8"))
        put(f"{base}-utf16le-bom.txt", b"\xff\xfe" + text.encode("utf-16-le"))
        put(f"{base}-utf16be-bom.txt", b"\xfe\xff" + text.encode("utf-16-be"))
        put(f"{base}-utf16le.txt", text.encode("utf-16-le"))
        put(f"{base}-utf16be.txt", text.encode("utf-16-be"))
        put(f"{base}-latin1.html", _html(text + " Café São Paulo — naïve.".replace("—", "-")).encode("latin-1"))
        put(f"{base}-cp1252.md", (text + " \u201cquoted\u201d \u2013 \u20ac5m").encode("cp1252"))
        put(f"{base}-sjis.txt", (text + " 東京 日本政府").encode("shift_jis"))
        put(f"{base}-utf16le-bom.html", b"\xff\xfe" + _html(text).encode("utf-16-le"))
    put("meta-lies.html", ('<html><head><meta charset="shift_jis"></head><body><p>' + SUMMIT + " Zürich</p></body>"
                           "</html>").encode("latin-1"))
    put("bom-only.txt", b"\xef\xbb\xbf")
    put("bom16-only.txt", b"\xff\xfe")
    put("utf16-odd.txt", b"\xff\xfe" + SUMMIT.encode("utf-16-le") + b"\x00")

    # 3. gzip: bounded bombs, truncated streams, gzip of nothing, not-gzip under .gz
    zeros = b"\x00" * (1 << 20)
    bomb = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    bomb_data = b"".join(bomb.compress(zeros) for _ in range(BOMB_BYTES >> 20)) + bomb.flush()
    put("bomb.txt.gz", bomb_data)
    put("bomb.html.gz", bomb_data)
    spaces = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    one_line = b"".join(spaces.compress(b" " * (1 << 20)) for _ in range(BOMB_BYTES >> 20)) + spaces.flush()
    put("bomb-line.jsonl.gz", one_line)  # one line, over the line and the stream limits: one failure
    good_lines = [json.dumps({"id": f"gzline{k}", "text": STORY_LIST[k % len(STORY_LIST)]}) for k in range(6)]
    full = _gz(("\n".join(good_lines) + "\n").encode())
    put("whole.jsonl.gz", full, 6)
    for cut in (5, 12, len(full) // 2, len(full) - 4):
        put(f"cut{cut}.jsonl.gz", full[:cut], _lines_in_prefix(full[:cut]) + 1)
    html_gz = _gz(_html(SUMMIT).encode())
    put("whole.html.gz", html_gz)
    put("cut.html.gz", html_gz[: len(html_gz) // 2])
    put("cut-header.txt.gz", html_gz[:3])
    put("empty.txt.gz", _gz(b""))
    put("notgzip.txt.gz", b"this is not gzip at all " * 10)
    put("zero.jsonl.gz", b"")
    warc = b"".join(_warc_record(f"https://example.org/w{k}", _html(STORY_LIST[k]), k) for k in range(3))
    put("whole.warc", warc, 3)
    warc_gz = b"".join(_gz(_warc_record(f"https://example.org/g{k}", _html(STORY_LIST[k]), k)) for k in range(3))
    put("whole.warc.gz", warc_gz, 3)

    # 4. deep nesting
    put("deep.jsonl", "[" * 100_000 + "]" * 100_000 + "\n")
    put("deep-obj.jsonl", '{"id": "deep", "text": ' + '{"a": ' * 50_000 + "1" + "}" * 50_000 + "}\n")
    put("deep.html", "<div>" * 50_000 + SUMMIT + "</div>" * 50_000)
    put("deep-unclosed.html", "<b><i>" * 30_000 + SUMMIT)
    put("deep.xml", "<rss><channel><item><title>t</title><description>" + "<x>" * 20_000 + "</x>" * 20_000
        + "</description></item></channel></rss>")
    put("deep-items.xml", "<rss><channel>" + "<item>" * 100 + "</item>" * 100 + "</channel></rss>", 100)

    # 5. id collisions: same stem under other extensions, JSONL ids equal to file ids, repeated ids
    put("same.txt", STORY_LIST[0])
    put("same.html", _html(STORY_LIST[1]))
    put("same.md", "# Heading\n\n" + STORY_LIST[2])
    put("same.txt.gz", _gz(STORY_LIST[3].encode()))
    rows = [{"id": "same", "text": STORY_LIST[4]}, {"id": "same.txt", "text": STORY_LIST[5]},
            {"id": "collide", "text": STORY_LIST[0]}, {"id": "collide", "text": STORY_LIST[1]},
            {"id": "collide", "text": STORY_LIST[0]}, {"id": "collide:2", "text": STORY_LIST[2]},
            {"id": "", "text": STORY_LIST[3]}, {"id": 7, "text": STORY_LIST[4]}, {"id": None, "text": "x"},
            {"id": ["list"], "text": STORY_LIST[5]}, {"text": STORY_LIST[0] + " Again."}]
    put("same.jsonl", "\n".join(json.dumps(r) for r in rows) + "\n", len(rows))
    put("collide.jsonl", "\n".join(json.dumps(r) for r in rows[:4]) + "\n", 4)

    # 6. hostile JSONL lines: surrogates, control characters, wrong types, bad JSON, CRLF, blank lines
    bad_lines = [
        '{"id": "s1", "text": "Lone \\ud800 surrogate in Geneva talks between Biden and Putin on Monday."}',
        '{"id": "s2\\udfff", "text": "' + SUMMIT.replace('"', "'").replace("\n", " ") + '"}',
        '{"id": "c1", "text": "' + "".join(f"\\u{c:04x}" for c in range(32)) + SUMMIT[:80] + '"}',
        '{"id": "t1", "text": 42}', '{"id": "t2", "text": null}', '{"id": "t3", "html": ["a"]}',
        '{"id": "t4"}', "[1, 2, 3]", '"just a string"', "null", "{broken json", '{"id": "dup key", "id": "k"}',
        "\ufeff" + json.dumps({"id": "bomline", "text": SUMMIT}), json.dumps({"id": "nan", "text": "NaN", "x": 1e400}),
        json.dumps({"id": "ws", "text": " \t\u00a0\u2003 "}), json.dumps({"id": "zw", "text": "\u200b" * 500}),
        json.dumps({"id": "rtl", "text": "\u202e" + SUMMIT}), json.dumps({"id": "html", "html": "<script>x</script>"}),
    ]
    put("hostile.jsonl", "\r\n".join(bad_lines) + "\r\n\r\n\n", len(bad_lines))
    put("raw-surrogate.jsonl", b'{"id": "raw", "text": "\xed\xa0\x80 bytes"}\n{"id": "ok", "text": "'
        + SUMMIT.replace('"', "'").replace("\n", " ").encode() + b'"}\n', 2)
    put("latin1.jsonl", json.dumps({"id": "l1", "text": "Z\u00fcrich"}, ensure_ascii=False).encode("latin-1")
        + b"\n", 1)
    put("utf16.jsonl", (json.dumps({"id": "u16", "text": SUMMIT}) + "\n").encode("utf-16"), 2)  # NUL after \n: 2 lines
    put("blank-only.jsonl", "\n\n   \n\t\n", 1)  # no line at all: one 'empty' failure for the file
    put("no-newline.jsonl", json.dumps({"id": "nonl", "text": STORY_LIST[2]}), 1)
    put("control.txt", "".join(chr(c) for c in range(32) if c not in (9, 10, 13)) * 40 + SUMMIT)
    put("surrogate.txt", "A lone \ud800 and \udfff surrogate. " + SUMMIT)
    put("mixed-nl.txt", SUMMIT.replace("\n", "\r") + "\r\n\x0b\x0c\u2028\u2029" + STORY_LIST[1])

    # 7. huge-but-bounded and tiny inputs
    put("huge.txt", b"a" * OVER_ARTICLE)
    put("huge.jsonl", b'{"id": "big", "text": "' + b"b" * OVER_ARTICLE + b'"}\n'
        + json.dumps({"id": "after-big", "text": STORY_LIST[3]}).encode() + b"\n", 2)
    put("one-long-word.txt", "x" * 200_000)
    put("long-story.txt", " ".join([SUMMIT] * 60))
    put("many-lines.txt", "\n" * 100_000)
    for name, data in {"empty.txt": b"", "empty.html": b"", "empty.md": b"", "empty.xml": b"", "empty.jsonl": b"",
                       "empty.warc": b"", "space.txt": b" ", "nl.html": b"\n", "dot.md": b".", "a.txt": b"a",
                       "zero.htm": b"0", "lt.html": b"<", "tag.html": b"<html></html>"}.items():
        put(name, data)

    # 8. HTML with only script/style, and other near-empty markup
    put("script-only.html", "<html><head><script>" + "var a = 1;" * 500 + "</script></head><body></body></html>")
    put("style-only.html", "<html><head><style>" + "p { color: red }" * 500 + "</style></head></html>")
    put("script-body.html", "<html><body><script>document.write('" + SUMMIT.replace("'", "") + "')</script></body>")
    put("noscript.html", "<html><body><noscript>Enable JS</noscript><template><p>hidden</p></template></body></html>")
    put("comment-only.html", "<!-- " + SUMMIT + " -->")
    put("cdata.html", "<![CDATA[" + SUMMIT + "]]>")
    put("unclosed.html", "<html><body><p>" + SUMMIT + "<p><script>")
    put("entities.html", "<p>" + "&amp;&lt;&#0;&#xD800;&#1114112;&bogus;&#x110000;" * 200 + SUMMIT + "</p>")
    put("iframe.html", '<iframe src="javascript:alert(1)"></iframe><img src=x onerror=alert(1)><p>' + SUMMIT)

    # 9. feeds: entities, XXE attempts, billion laughs, empty, items without content, RSS under .txt
    item = "<item><title>{t}</title><link>https://example.org/{n}</link><description>{d}</description></item>"
    items = "".join(item.format(t=f"Story {n}", n=n, d=STORY_LIST[n].replace("&", "&amp;")) for n in range(3))
    put("feed.rss", f'<?xml version="1.0"?><rss version="2.0"><channel><title>f</title>{items}</channel></rss>', 3)
    put("feed-entities.xml", '<?xml version="1.0"?><rss version="2.0"><channel>'
        + item.format(t="&amp;&lt;&gt;&quot;&apos;&#233;&#x1F600;", n=0, d="&lt;p&gt;" + STORY_LIST[0] + "&lt;/p&gt;")
        + "</channel></rss>", 1)
    laughs = '<!DOCTYPE lolz [<!ENTITY lol "lol">' + "".join(
        f'<!ENTITY lol{k} "{("&lol" + (str(k - 1) if k > 1 else "") + ";") * 10}">' for k in range(1, 10)) + "]>"
    put("laughs.xml", f'<?xml version="1.0"?>{laughs}<rss version="2.0"><channel><item><title>t</title>'
        f"<description>&lol9;</description></item></channel></rss>", 1)
    put("xxe.rss", '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><rss version="2.0">'
        "<channel><item><title>x</title><description>&x;</description></item></channel></rss>", 1)
    put("feed-empty.atom", '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"></feed>')
    put("feed-bare-items.rss", '<rss version="2.0"><channel>' + "<item></item>" * 5 + "</channel></rss>", 5)
    put("atom.atom", '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        + "".join(f"<entry><id>urn:e{n}</id><title>E{n}</title><content type='html'>&lt;p&gt;{STORY_LIST[n]}"
                  f"&lt;/p&gt;</content></entry>" for n in range(2)) + "</feed>", 2)
    put("feed-latin1.rss", ('<?xml version="1.0" encoding="iso-8859-1"?><rss version="2.0"><channel><item>'
                            f"<title>Zürich</title><description>{STORY_LIST[4]}</description></item>"
                            "</channel></rss>").encode("latin-1"), 1)
    put("not-a-feed.xml", "<root><child>" + SUMMIT + "</child></root>")
    put("rss-as.txt", f'<rss version="2.0"><channel>{items}</channel></rss>')

    # 10. WARC oddities
    put("bad.warc", b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 999999\r\n\r\nshort", 1)
    put("cut.warc.gz", warc_gz[: len(warc_gz) - 40], 3)
    put("garbage.warc.gz", b"\x1f\x8b" + bytes(rng.randrange(256) for _ in range(300)), 1)
    put("random.warc", bytes(rng.randrange(256) for _ in range(2000)), 1)

    # 11. language and content edge cases
    put("french.txt", FRENCH)
    put("emoji.txt", "\U0001f600" * 2000)
    put("cjk.txt", "日本政府は月曜日に発表した。" * 100)
    put("rtl.txt", "\u0627\u0644\u062d\u0643\u0648\u0645\u0629 " * 300)
    put("combining.txt", "a" + "\u0301" * 5000 + " " + SUMMIT)
    put("quotes-only.txt", '"' * 3000 + "\u201c" * 3000)
    put("numbers.md", "1. 2. 3. " * 2000)
    return units


def write_big_feed(path: Path, *, items: int = 20_000, body_every: int = 2_000) -> Path:
    """An RSS feed of ``items`` items, each with nested markup (a media group, escaped HTML) but, except every
    ``body_every``-th, without content or summary (title-only items, as many feeds have): every item is an
    input unit, few of them need the pipeline."""
    def item(n: int) -> str:
        body = (f"<description>&lt;div&gt;&lt;p&gt;{STORY_LIST[n % len(STORY_LIST)]} ({n})&lt;/p&gt;&lt;/div&gt;"
                "</description>") if n % body_every == 0 else ""
        return (f"<item><title>Story {n}</title><link>https://example.org/{n}</link><guid>urn:story:{n}</guid>"
                f"<media:group><media:content url='https://example.org/{n}.jpg'><media:title>photo {n}</media:title>"
                f"</media:content></media:group>{body}</item>")

    head = ('<?xml version="1.0"?><rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel>'
            "<title>Wire</title>")
    with path.open("w", encoding="utf-8") as out:
        out.write(head)
        for n in range(items):
            out.write(item(n) + "\n")
        out.write("</channel></rss>")
    return path


if __name__ == "__main__":
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "hostile-corpus")
    counted = write_hostile_corpus(out)
    print(f"{len(counted)} files, {sum(counted.values())} input units in {out}")
