"""Issue 12: request bodies bounded (413 before the body is read), Host header checked (DNS rebinding), no
echo of input in errors, POST /api/extract guarded by the token beyond loopback."""
from __future__ import annotations

import socket
import time

import pytest
from fastapi.testclient import TestClient

from tests.api.live import serve
from tests.api.test_api import FakePipeline, build_store
from tidings.api import MAX_BODY_BYTES, create_app

MARKER = "zq<script>echo9"
ARTICLE = {"text": "NATO ministers met in Brussels.", "id": "posted"}


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return build_store(tmp_path_factory.mktemp("hardening") / "api.db")


def local(app, host="localhost"):
    return TestClient(app, base_url=f"http://{host}")


def test_the_default_body_limit_is_two_megabytes():
    assert MAX_BODY_BYTES == 2_000_000


def test_a_body_over_the_limit_is_a_413(db):
    client = local(create_app(db, pipeline=FakePipeline(), max_body=1_000))
    response = client.post("/api/extract", json={"text": "word " * 1_000})
    assert response.status_code == 413 and "1000 bytes" in response.json()["detail"]
    assert client.post("/api/extract", json=ARTICLE).status_code == 200


def test_a_streamed_body_over_the_limit_is_a_413(db):
    client = local(create_app(db, pipeline=FakePipeline(), max_body=1_000))
    chunks = (b'{"text": "' + b"word " * 100 for _ in range(50))  # no Content-Length: sent chunked
    response = client.post("/api/extract", content=chunks, headers={"Content-Type": "application/json"})
    assert response.status_code == 413


def _exchange(url: str, head: bytes, body: bytes = b"") -> bytes:
    """Send ``head`` and ``body`` to the live server and read its answer; the body is never finished."""
    host, port = url.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=10) as sock:
        sock.sendall(head)
        if body:
            sock.sendall(body)
        sock.settimeout(5)
        answer = b""
        deadline = time.monotonic() + 5
        while b"\r\n\r\n" not in answer and time.monotonic() < deadline:
            data = sock.recv(65536)
            if not data:
                break
            answer += data
    return answer


def test_a_declared_length_over_the_limit_is_refused_before_the_body_is_sent(db):
    with serve(create_app(db, pipeline=FakePipeline(), max_body=10_000)) as url:
        head = (b"POST /api/extract HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                b"Content-Length: 100000000\r\n\r\n")
        answer = _exchange(url, head)  # not one byte of the 100 MB body is sent
    assert answer.startswith(b"HTTP/1.1 413"), answer[:200]


def test_a_chunked_body_is_cut_off_once_it_passes_the_limit(db):
    with serve(create_app(db, pipeline=FakePipeline(), max_body=10_000)) as url:
        head = (b"POST /api/extract HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                b"Transfer-Encoding: chunked\r\n\r\n")
        piece = b"x" * 4_096
        body = b"".join(b"%x\r\n%s\r\n" % (len(piece), piece) for _ in range(8))  # 32 KB, never terminated
        answer = _exchange(url, head, body)
    assert answer.startswith(b"HTTP/1.1 413"), answer[:200]


@pytest.mark.parametrize("host", ["localhost", "localhost:8000", "127.0.0.1:8000", "[::1]:8000", "LOCALHOST"])
def test_loopback_host_names_are_accepted(db, host):
    assert local(create_app(db)).get("/api/summary", headers={"Host": host}).status_code == 200


@pytest.mark.parametrize("host", ["evil.example", "evil.example:8000", "127.0.0.1.evil.example", "testserver"])
def test_other_host_names_are_refused(db, host):
    response = local(create_app(db), host).get("/api/summary")
    assert response.status_code == 400 and "Host" in response.json()["detail"]
    assert "evil" not in response.text


def test_the_bound_host_and_configured_names_are_accepted(db, monkeypatch):
    assert local(create_app(db, host="192.0.2.7"), "192.0.2.7:8000").get("/api/summary").status_code == 200
    app = create_app(db, host="0.0.0.0", allowed_hosts=["news.example.org"])
    assert local(app, "news.example.org").get("/api/summary").status_code == 200
    assert local(app, "10.0.0.9").get("/api/summary").status_code == 400
    monkeypatch.setenv("TIDINGS_ALLOWED_HOSTS", "a.example, b.example")
    assert local(create_app(db), "b.example").get("/api/summary").status_code == 200
    assert local(create_app(db, allowed_hosts=["*"]), "anything.example").get("/api/summary").status_code == 200


def test_extract_needs_the_token_when_bound_beyond_loopback(db):
    off = local(create_app(db, host="0.0.0.0", token=None, pipeline=FakePipeline()), "localhost")
    assert off.post("/api/extract", json=ARTICLE).status_code == 403
    guarded = local(create_app(db, host="0.0.0.0", token="s3cret", pipeline=FakePipeline()), "localhost")
    assert guarded.post("/api/extract", json=ARTICLE).status_code == 401
    ok = guarded.post("/api/extract", json=ARTICLE, headers={"Authorization": "Bearer s3cret"})
    assert ok.status_code == 200 and ok.json()["article"]["id"] == "posted"
    loopback = local(create_app(db, host="127.0.0.1", token=None, pipeline=FakePipeline()))
    assert loopback.post("/api/extract", json=ARTICLE).status_code == 200


@pytest.mark.parametrize("method, path, kwargs", [
    ("get", f"/api/articles/{MARKER}", {}),
    ("get", "/api/events", {"params": {"country": MARKER}}),
    ("get", "/api/events", {"params": {"type": MARKER[:20]}}),
    ("get", "/api/events", {"params": {"since": MARKER[:10]}}),
    ("get", "/api/stats/daily", {"params": {"bucket": MARKER[:10]}}),
    ("get", "/api/events", {"params": {"limit": MARKER}}),
    ("post", "/api/extract", {"json": {"text": MARKER, "html": MARKER}}),
    ("post", "/api/extract", {"json": {"text": [MARKER], MARKER: 1}}),
    ("post", "/api/extract", {"content": b'{"text": "' + MARKER.encode() + b'"', "headers": {
        "Content-Type": "application/json"}}),
])
def test_errors_never_echo_the_input(db, method, path, kwargs):
    response = getattr(local(create_app(db, pipeline=FakePipeline())), method)(path, **kwargs)
    assert 400 <= response.status_code < 500
    assert MARKER[:10] not in response.text and "echo9" not in response.text, response.text
