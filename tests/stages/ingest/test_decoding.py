"""Bytes to text: binary sniffing, byte-order marks, declared charsets, detection, HTML sniffing."""
import pytest

from tidings.stages.ingest.decoding import InputError, decode, looks_binary, looks_like_html


def test_binary_signatures_nul_bytes_and_control_characters():
    assert looks_binary(b"%PDF-1.7\n")
    assert looks_binary(b"PK\x03\x04zipfile")
    assert looks_binary(b"words\x00words")
    assert looks_binary(bytes(range(1, 9)) * 20)
    assert not looks_binary("Plain news text, with “quotes”.".encode())
    assert not looks_binary("Plain".encode("utf-16"))


def test_decode_order_bom_utf8_declared_detected():
    assert decode("Kyiv".encode("utf-8-sig")) == "Kyiv"
    assert decode("Kyiv".encode("utf-16")) == "Kyiv"
    assert decode("São Paulo".encode()) == "São Paulo"
    assert decode("Zürich".encode("latin-1"), declared="iso-8859-1") == "Zürich"
    assert decode(b'<meta charset="koi8-r"><p>' + "Москва".encode("koi8-r")).endswith("Москва")
    assert decode("Der Außenminister traf seinen Amtskollegen in Köln.".encode("cp1252")).endswith("in Köln.")


@pytest.mark.parametrize("data, reason", [
    (b"", "empty"), (b" \n ", "empty"), (b"\x00\x01\x02", "binary"),
    (bytes(range(128, 256)) * 3, "undecodable"), (b"\xff\xfe\x00\xd8", "undecodable"),
])
def test_decode_failures(data, reason):
    with pytest.raises(InputError) as error:
        decode(data)
    assert str(error.value).split(":")[0] == reason


def test_html_sniffing():
    assert looks_like_html("<!DOCTYPE html><html></html>")
    assert looks_like_html("Intro <p>Leaders met.</p>")
    assert looks_like_html('<div class="x">Leaders met.</div>')
    assert not looks_like_html("Rates fell <5% as x > y.")
    assert not looks_like_html("He wrote <b in a memo.")


@pytest.mark.parametrize("fragment", [
    '<p>Ministers met in Lusaka.</p><img src="https://example.org/a.jpg">',
    "Ministers met in Lusaka.<br/>Talks ended late.",
    "Ministers met.<P CLASS=lead>Talks ended.</P>",
    '<figure><img alt="a > b" src="x.jpg"/><figcaption>Delegates</figcaption></figure>',
    "Ministers met. <!-- advert --> Talks ended.",
    "word " * 2000 + "<em>late</em> tag after the first thousands of characters",
])
def test_html_fragments_are_sniffed_anywhere(fragment):
    assert looks_like_html(fragment)


@pytest.mark.parametrize("text", ["He wrote a < b and c > d.", "Mail <desk@example.org> or see <https://example.org>."])
def test_angle_brackets_that_are_not_tags_are_text(text):
    assert not looks_like_html(text)


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark_is_text_not_binary(encoding):
    text = "Ministers met in Kyiv — «переговоры» resumed on Monday."
    assert decode(text.encode(encoding)) == text
