"""iter_inputs over files, folders and globs: one RawArticle or one Failure per input, never a crash."""
import gzip
import json
from pathlib import Path

import pytest

from tidings.models import Failure, RawArticle
from tidings.stages.ingest import iter_inputs, raw_from_string
from tidings.stages.ingest.readers import markdown_to_text

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "ingest"
STORY = "MOSCOW (Reuters) - Russia and Belarus began joint military drills on Thursday, officials said.\n"


def read(*paths, **options):
    return list(iter_inputs([str(p) for p in paths], **options))


def reasons(items):
    return [item.reason.split(":")[0] for item in items if isinstance(item, Failure)]


def test_text_file_gets_path_id_and_origin(tmp_path):
    path = tmp_path / "drills.txt"
    path.write_text(STORY, encoding="utf-8")
    (raw,) = read(path)
    assert isinstance(raw, RawArticle)
    assert (raw.id, raw.origin, raw.text, raw.html) == ("drills", str(path), STORY, None)
    assert [r.id for r in iter_inputs(path)] == [r.id for r in iter_inputs(str(tmp_path))] == ["drills"]


def test_html_file_is_read_as_html():
    (raw,) = read(FIXTURES / "gulf-talks.html")
    assert raw.html.startswith("<!DOCTYPE html>") and raw.text is None
    assert raw.id == "gulf-talks"


def test_text_file_holding_html_is_sniffed(tmp_path):
    path = tmp_path / "page.txt"
    path.write_text("<html><body><p>Leaders met in Rome on Friday.</p></body></html>", encoding="utf-8")
    (raw,) = read(path)
    assert raw.html and raw.text is None


def test_markdown_file_becomes_plain_text():
    (raw,) = read(FIXTURES / "markdown-brief.md")
    assert raw.text.startswith("Ministers agree to extend grain corridor\n")
    assert "The United Nations said on Thursday" in raw.text
    assert "**" not in raw.text and "](" not in raw.text and "map.png" not in raw.text
    assert '"This is good news' in raw.text and raw.extra["format"] == "markdown"


def test_markdown_keeps_lone_asterisks_and_underscores():
    plain = "Rates rose 5 * 2 times in snake_case_names."
    assert markdown_to_text(plain) == plain


def test_folder_is_walked_recursively_in_order_with_relative_ids(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "two.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "one.html").write_text(f"<p>{STORY}</p>", encoding="utf-8")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "skip.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / ".DS_Store").write_bytes(b"\x00\x01")
    (tmp_path / "README.md").write_text("# About this folder", encoding="utf-8")
    items = read(tmp_path)
    assert [i.id for i in items] == ["b/two", "one"]
    assert all(isinstance(i, RawArticle) for i in items)
    assert read(tmp_path / "README.md")[0].text == "About this folder"


def test_globs_expand_recursively_and_ids_are_relative_to_the_glob_base(tmp_path):
    (tmp_path / "x" / "y").mkdir(parents=True)
    (tmp_path / "x" / "a.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "x" / "y" / "b.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "x" / "y" / "c.html").write_text(f"<p>{STORY}</p>", encoding="utf-8")
    assert [i.id for i in read(f"{tmp_path}/x/**/*.txt")] == ["a", "y/b"]
    assert [i.id for i in read(f"{tmp_path}/x/*.txt")] == ["a"]


def test_missing_path_and_empty_folder_are_failures(tmp_path):
    (failure,) = read(tmp_path / "nowhere.txt")
    assert isinstance(failure, Failure) and failure.reason.startswith("not found")
    assert read(f"{tmp_path}/*.nothing")[0].reason.startswith("not found")
    (tmp_path / "void").mkdir()
    assert read(tmp_path / "void")[0].reason.startswith("empty")


@pytest.mark.parametrize("name, content, reason", [
    ("empty.txt", b"", "empty"),
    ("blank.txt", b"  \n\t\n ", "empty"),
    ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
    ("nul.html", b"<html>\x00\x00\x00\x01\x02</html>", "binary"),
    ("garbage.txt", bytes(range(128, 256)) * 4, "undecodable"),
    ("report.pdf", b"%PDF-1.4 binary", "unsupported type"),
    ("noextension", b"plain words", "unsupported type"),
])
def test_bad_files_fail_with_a_one_line_reason(tmp_path, name, content, reason):
    path = tmp_path / name
    path.write_bytes(content)
    (failure,) = read(path)
    assert isinstance(failure, Failure)
    assert failure.reason.split(":")[0] == reason and "\n" not in failure.reason
    assert failure.origin == str(path)


def test_too_large_file_fails(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text(STORY * 50, encoding="utf-8")
    (failure,) = read(path, max_bytes=1000)
    assert failure.reason.startswith("too large")
    assert isinstance(read(path)[0], RawArticle)


def test_legacy_encodings_are_decoded():
    (raw,) = read(FIXTURES / "latin1-note.txt")
    assert "Café owners in São Paulo" in raw.text


def test_declared_charset_and_byte_order_marks(tmp_path):
    html = tmp_path / "page.html"
    html.write_bytes('<html><head><meta charset="windows-1252"></head><body><p>“Talks”</p></body></html>'
                     .encode("cp1252"))
    utf16 = tmp_path / "utf16.txt"
    utf16.write_bytes("Talks resumed in Doha.".encode("utf-16"))
    assert "“Talks”" in read(html)[0].html
    assert read(utf16)[0].text == "Talks resumed in Doha."


def test_one_bad_file_never_stops_the_rest(tmp_path):
    (tmp_path / "a.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"\x00\x00binary")
    (tmp_path / "c.jsonl").write_text('{"id": "j", "text": "Ministers met."}\nnot json\n', encoding="utf-8")
    (tmp_path / "d.txt").write_text(STORY, encoding="utf-8")
    items = read(tmp_path)
    assert [i.id for i in items] == ["a", "b", "j", "c:2", "d"]
    assert reasons(items) == ["binary", "parse error"]


def test_every_supported_format_in_one_folder():
    items = read(FIXTURES)
    articles = [i for i in items if isinstance(i, RawArticle)]
    failures = {Path(f.origin).name.split("#")[0]: f.reason.split(":")[0] for f in items if isinstance(f, Failure)}
    assert failures == {"broken-feed.rss": "parse error", "sitemap.xml": "unsupported type",
                        "world-feed.rss": "empty"}
    assert {a.origin.rsplit("/", 1)[-1] for a in articles} >= {
        "briefings.atom#1", "gulf-talks.html", "latin1-note.txt", "markdown-brief.md",
        "world-feed.rss#1", "world-feed.rss#2"}


def test_raw_from_string_sniffs_html_and_hashes_an_id():
    text = raw_from_string("Leaders met in Rome.", published="2022-01-01")
    page = raw_from_string("<div><p>Leaders met in Rome.</p></div>", id="rome", url="https://example.org/r")
    assert text.text and text.html is None and len(text.id) == 16 and text.published == "2022-01-01"
    assert page.html and page.id == "rome" and page.url == "https://example.org/r"
    assert raw_from_string("Leaders met in Rome.").id == text.id
    assert raw_from_string("Rates fell <5% while x > y.").text
    fragment = raw_from_string('<p>Leaders met in Rome.</p><img src="https://example.org/rome.jpg">')
    assert fragment.html and fragment.text is None


def test_gzipped_files_are_read_like_their_plain_forms(tmp_path):
    (tmp_path / "story.html.gz").write_bytes(gzip.compress(f"<p>{STORY}</p>".encode()))
    (tmp_path / "notes.txt.gz").write_bytes(gzip.compress(STORY.encode()))
    rows = [{"id": "g1", "text": STORY}, {"id": "g2", "text": STORY}]
    (tmp_path / "batch.jsonl.gz").write_bytes(gzip.compress("\n".join(json.dumps(r) for r in rows).encode()))
    (tmp_path / "broken.txt.gz").write_bytes(b"\x1f\x8b\x08\x00 not really gzip")
    (tmp_path / "broken-batch.jsonl.gz").write_bytes(b"\x1f\x8b\x08\x00 not really gzip")
    (tmp_path / "bomb.txt.gz").write_bytes(gzip.compress(b"a" * 5000))
    (tmp_path / "archive.tar.gz").write_bytes(gzip.compress(b"tar"))
    items = {i.id: i for i in read(tmp_path, max_bytes=1000)}
    assert items["g1"].text == STORY and items["g2"].origin.endswith("batch.jsonl.gz:2")
    assert items["story"].html and items["notes"].text == STORY
    assert items["broken"].reason.startswith("parse error")
    assert items["broken-batch"].reason.startswith("parse error")
    assert items["bomb"].reason.startswith("too large")
    assert items["archive.tar"].reason.startswith("unsupported type")
    assert len(items) == 8 and sum(isinstance(i, Failure) for i in items.values()) == 4


def test_files_that_would_share_an_id_keep_their_extension(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    for folder in ("a", "b"):
        (tmp_path / folder / "story.txt").write_text("Ministers met in Vienna.", encoding="utf-8")
    (tmp_path / "a" / "story.html").write_text("<p>Ministers met in Riga.</p>", encoding="utf-8")
    (tmp_path / "a" / "note.txt").write_text("Talks resumed in Doha.", encoding="utf-8")
    ids = [item.id for item in iter_inputs([tmp_path / "a", tmp_path / "b"])]
    assert ids == ["note", "story.html", f"{(tmp_path / 'a' / 'story.txt').as_posix()}",
                   f"{(tmp_path / 'b' / 'story.txt').as_posix()}"]
    assert len(set(ids)) == len(ids)


def test_a_new_format_is_one_reader_and_one_table_entry(tmp_path, monkeypatch):
    from tidings.stages.ingest import readers
    from tidings.stages.ingest.source import Source

    def read_tsv(source: Source):  # one article per row: id <TAB> text
        for line in source.text().splitlines():
            ident, text = line.split("\t")
            yield RawArticle(id=f"{source.stem_id}:{ident}", text=text, origin=source.origin)

    monkeypatch.setitem(readers.READERS, ".tsv", read_tsv)
    (tmp_path / "wire.tsv").write_text(f"a\t{STORY}a row without a tab\n", encoding="utf-8")
    with gzip.open(tmp_path / "more.tsv.gz", "wt", encoding="utf-8") as fh:
        fh.write(f"c\t{STORY}")
    items = read(tmp_path / "wire.tsv", tmp_path / "more.tsv.gz")
    assert [i.id for i in items] == ["wire:a", "wire", "more:c"]  # a reader's crash is one Failure for its file
    assert reasons(items) == ["parse error"]


def test_every_supported_suffix_has_a_reader():
    from tidings.stages.ingest import readers

    assert set(readers.SUPPORTED_SUFFIXES) == set(readers.READERS)
    assert {".html", ".txt", ".md", ".jsonl", ".warc", ".warc.gz", ".xml", ".rss", ".atom"} <= set(readers.READERS)
