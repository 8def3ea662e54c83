"""RSS and Atom: every item with content or a summary is an article; feeds are recognised by content."""
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.hostile.make_corpus import write_big_feed
from tidings.models import Failure
from tidings.stages.ingest.feeds import is_feed, read_feed

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "ingest"


def read(name):
    path = FIXTURES / name
    return list(read_feed(path.read_text(encoding="utf-8"), path=path, stem_id=path.stem, max_bytes=100_000))


def test_rss_items_become_articles_with_metadata():
    first, second, empty = read("world-feed.rss")
    assert first.html and "Military delegations from Russia and Ukraine" in first.html
    assert (first.url, first.title, first.published, first.source) == (
        "https://example.org/world/black-sea-talks", "Turkey hosts Black Sea shipping talks", "2022-07-13",
        "Harbour Wire World News")
    assert first.id.startswith("feed-") and first.origin.endswith("world-feed.rss#1")
    assert second.text.startswith("NAIROBI, Kenya (AP)") and second.html is None
    assert second.published == "2022-08-15"
    assert isinstance(empty, Failure) and empty.reason.startswith("empty")
    assert empty.origin.endswith("#3")


def test_ids_are_stable_across_reads():
    assert [i.id for i in read("world-feed.rss")] == [i.id for i in read("world-feed.rss")]


def test_atom_entry_uses_summary_and_published_date():
    (entry,) = read("briefings.atom")
    assert entry.text.startswith("The foreign ministers of the Group of Seven")
    assert entry.published == "2022-02-10" and entry.url == "https://example.org/briefings/munich"
    assert entry.source == "Capital Briefings"


def test_feed_detection_by_root_element():
    assert is_feed((FIXTURES / "world-feed.rss").read_text(encoding="utf-8"))
    assert is_feed((FIXTURES / "briefings.atom").read_text(encoding="utf-8"))
    assert is_feed('<?xml version="1.0"?>\n<!-- comment -->\n<rdf:RDF xmlns:rdf="x"></rdf:RDF>')
    assert not is_feed((FIXTURES / "sitemap.xml").read_text(encoding="utf-8"))
    assert not is_feed("<html><body>A feed of news</body></html>")


def test_broken_feed_is_one_parse_error():
    (failure,) = read("broken-feed.rss")
    assert failure.reason.startswith("parse error") and "\n" not in failure.reason


#: Reads a feed with iter_inputs in a fresh process, prints its units and the process's peak RSS (kB): VmHWM,
#: which starts afresh with the new program (ru_maxrss would keep the forking test process's peak).
COUNT_UNITS = ("import re, sys\nfrom pathlib import Path\nfrom tidings.stages.ingest.readers import iter_inputs\n"
               "units = sum(1 for _ in iter_inputs([sys.argv[1]]))\n"
               "print(units, re.search(r'VmHWM:\\s+(\\d+)', Path('/proc/self/status').read_text())[1])\n")


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads the peak RSS from /proc (Linux)")
def test_a_feed_of_twenty_thousand_nested_items_gives_as_many_inputs_in_bounded_memory(tmp_path):
    feed = write_big_feed(tmp_path / "big.rss", items=20_000)
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[3] / "src")}
    done = subprocess.run([sys.executable, "-c", COUNT_UNITS, str(feed)], env=env, capture_output=True, text=True,
                          timeout=600)
    units, peak_kb = map(int, done.stdout.split())
    assert units == 20_000, done.stderr[-2000:]
    assert peak_kb < 400_000  # a feed is read whole but is bounded by --max-bytes (20 MB); this one is 4.7 MB
