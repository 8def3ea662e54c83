"""Web archives: each HTML response record is an article; other records are passed over."""
import gzip
import io

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from tidings.models import Failure, RawArticle
from tidings.stages.ingest import iter_inputs

PAGE = "<html><body><p>Leaders of the Group of Seven met in Bavaria on Sunday.</p></body></html>"


def write_warc(path, records, *, gzipped=False):
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=gzipped)
        for uri, content_type, status, body in records:
            http = StatusAndHeaders(f"{status} OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(body),
                                                          http_headers=http))
        request = io.BytesIO(b"GET / HTTP/1.1\r\n\r\n")
        writer.write_record(writer.create_warc_record("https://example.org/a", "request", payload=request))
    return path


def test_html_responses_become_articles(tmp_path):
    path = write_warc(tmp_path / "crawl.warc.gz", [
        ("https://example.org/a", "text/html; charset=utf-8", 200, PAGE.encode()),
        ("https://example.org/logo.png", "image/png", 200, b"\x89PNG\r\n"),
        ("https://example.org/missing", "text/html", 404, b"<html>Not found</html>"),
        ("https://example.org/b", "text/html; charset=windows-1252", 200,
         "<p>“Quoted” words.</p>".encode("cp1252")),
    ], gzipped=True)
    items = list(iter_inputs([path]))
    assert [type(i) for i in items] == [RawArticle, RawArticle]
    first, second = items
    assert first.url == "https://example.org/a" and first.html == PAGE
    assert first.id.startswith("warc-") and first.origin.startswith(f"{path}#")
    assert first.extra["crawl_date"][:2] == "20"
    assert "“Quoted”" in second.html
    assert [i.id for i in iter_inputs([path])] == [first.id, second.id]


def test_plain_warc_and_archive_without_pages(tmp_path):
    plain = write_warc(tmp_path / "one.warc", [("https://example.org/a", "text/html", 200, PAGE.encode())])
    assert isinstance(next(iter_inputs([plain])), RawArticle)
    images = write_warc(tmp_path / "images.warc", [("https://example.org/x.png", "image/png", 200, b"\x89PNG")])
    (failure,) = iter_inputs([images])
    assert isinstance(failure, Failure) and failure.reason.startswith("empty")


def test_corrupt_archive_and_oversized_record(tmp_path):
    not_warc = tmp_path / "page.warc"
    not_warc.write_bytes(b"<html>not a web archive</html>")
    garbage = tmp_path / "garbage.warc.gz"
    garbage.write_bytes(b"\x1f\x8b\x08\x00 broken gzip stream")
    truncated = tmp_path / "truncated.warc.gz"
    truncated.write_bytes(gzip.compress(b"WARC/1.0\r\nWARC-Type: response\r\n") + b"\x00junk")
    for path in (not_warc, garbage, truncated):
        (failure,) = iter_inputs([path])
        assert failure.reason.startswith("parse error"), failure
    big = write_warc(tmp_path / "big.warc", [("https://example.org/a", "text/html", 200, PAGE.encode() * 50)])
    (failure,) = iter_inputs([big], max_bytes=500)
    assert failure.reason.startswith("too large")


def gzip_members(data: bytes) -> list[bytes]:
    """The gzip members of a per-record compressed archive, in order."""
    import zlib

    members, position = [], 0
    while position < len(data):
        inflate = zlib.decompressobj(31)
        inflate.decompress(data[position:])
        end = len(data) - len(inflate.unused_data)
        members.append(data[position:end])
        position = end
    return members


def three_pages(tmp_path):
    pages = [(f"https://example.org/{n}", "text/html", 200, (PAGE * 20).encode()) for n in range(3)]
    return gzip_members(write_warc(tmp_path / "whole.warc.gz", pages, gzipped=True).read_bytes())


def test_a_record_cut_at_the_end_of_the_archive_fails_instead_of_being_stored_short(tmp_path):
    members = three_pages(tmp_path)
    path = tmp_path / "cut.warc.gz"
    path.write_bytes(b"".join(members[:2]) + members[2][: len(members[2]) * 9 // 10])
    first, second, cut = iter_inputs([path])
    assert isinstance(first, RawArticle) and isinstance(second, RawArticle)
    assert isinstance(cut, Failure) and cut.reason == "parse error: record cut short (the archive is truncated)"
    assert cut.origin.endswith("#3")


def test_reading_resumes_after_a_damaged_record(tmp_path):
    members = three_pages(tmp_path)
    path = tmp_path / "damaged.warc.gz"
    path.write_bytes(members[0] + members[1][: len(members[1]) // 2] + b"".join(members[2:]))
    first, damaged, third = iter_inputs([path])
    assert isinstance(first, RawArticle) and first.url == "https://example.org/0"
    assert isinstance(damaged, Failure) and damaged.reason.startswith("parse error") and damaged.id == "damaged#2"
    assert isinstance(third, RawArticle) and third.url == "https://example.org/2" and third.origin.endswith("#3")


def test_a_damaged_record_never_swallows_the_records_after_it(tmp_path):
    """Record ids and dates are random, so the damaged half-member decodes differently each time: sometimes to
    an error, sometimes to a header-less record or to a quiet end of the stream. Every way must be reported."""
    for n in range(150):
        members = three_pages(tmp_path)
        path = tmp_path / f"damaged{n}.warc.gz"
        path.write_bytes(members[0] + members[1][: len(members[1]) // 2] + b"".join(members[2:]))
        items = list(iter_inputs([path]))
        urls = [item.url for item in items if isinstance(item, RawArticle)]
        assert urls == ["https://example.org/0", "https://example.org/2"], (n, items)
        assert [item.reason.split(":")[0] for item in items if isinstance(item, Failure)] == ["parse error"]
