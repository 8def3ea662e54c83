"""``tidings bench`` runs end to end on a tiny corpus and a small synthetic store (timings are not asserted)."""
import json
import os
import subprocess
import sys
import time

from click.testing import CliRunner

from tidings import bench
from tidings.cli import main

STORIES = {
    "talks.txt": "Ethiopian and Tigrayan negotiators met in Pretoria on Tuesday for a second round of talks "
                 "mediated by the African Union, officials said.",
    "protest.txt": "Thousands of people protested in Khartoum on Sunday against military rule, witnesses said, "
                   "and police fired tear gas to disperse them.",
    "note.html": "<html><body><h1>Aid convoy</h1><p>The World Food Programme said on Monday that a convoy of "
                 "40 trucks had reached the besieged city.</p></body></html>",
}


def write_corpus(folder):
    for name, text in STORIES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_copies_are_unique_inputs(tmp_path):
    raws = bench.corpus_inputs(write_corpus(tmp_path), 3)
    assert len(raws) == 9 and len({r.id for r in raws}) == 9
    assert len({r.text or r.html for r in raws}) == 9
    html_copy = next(r for r in raws if r.html and r.id.endswith("~2"))
    assert "Copy 2 of this report" in html_copy.html


def test_ingest_bench_reports_tidings_and_spacy(tmp_path):
    report = bench.bench_ingest(write_corpus(tmp_path), workers=1, repeat=2, rounds=2)
    assert (report.inputs, report.articles) == (6, 6) and report.words > 100
    assert [(r.name, r.processes, r.trial) for r in report.runs] == [
        ("tidings", 1, 0), ("spacy", 1, 0), ("spacy", 1, 1), ("tidings", 1, 1)]  # turns at going first
    tidings = report.run("tidings", 1)
    assert tidings.seconds > 0 and tidings.peak_rss_mb > 50 and tidings.cpu_seconds > 0
    assert {"nlp", "actors", "events"} <= set(tidings.stage_seconds)
    assert set(report.ratios()) == {"tidings_vs_spacy_1p", "tidings_vs_spacy_cpu_1p"}
    assert json.loads(json.dumps(report.to_dict()))["runs"][0]["articles_per_second"] > 0


def test_ingest_bench_runs_tidings_with_a_user_lexicon(tmp_path):
    verbs = tmp_path / "verbs.txt"
    verbs.write_text("[051]\nhail *\n", encoding="utf-8")
    (tmp_path / "corpus").mkdir()
    corpus = write_corpus(tmp_path / "corpus")
    report = bench.bench_ingest(corpus, workers=1, repeat=1, rounds=1, spacy=False, lexicon_files=[str(verbs)])
    run = report.run("tidings", 1)
    assert [r.name for r in report.runs] == ["tidings"] and "events" in run.stage_seconds and run.failed == 0
    verbs.write_text("hail *\n", encoding="utf-8")  # no [CODE] header: the workers read it and every article fails
    report = bench.bench_ingest(corpus, workers=1, repeat=1, rounds=1, spacy=False, lexicon_files=[str(verbs)])
    assert report.run("tidings", 1).failed == len(STORIES)


def test_ratios_are_medians_of_paired_rounds():
    def run(name, processes, seconds, trial):
        return bench.Run(name, processes, seconds, 10, 1000, cpu_seconds=seconds, trial=trial)

    report = bench.IngestReport("c", 10, 10, 1000, runs=[
        run("tidings", 1, 2.0, 0), run("spacy", 1, 1.0, 0),
        run("tidings", 1, 9.0, 1), run("spacy", 1, 9.0, 1),  # a burst of load slowed both runs of round 1
        run("tidings", 1, 2.0, 2), run("spacy", 1, 1.6, 2),
        run("tidings", 2, 1.0, 0), run("spacy", 2, 0.6, 0)])
    ratios = report.ratios()
    assert ratios["tidings_vs_spacy_1p"] == 0.8 and ratios["tidings_vs_spacy_cpu_1p"] == 0.8
    assert ratios["tidings_2p_vs_1p"] == 2.0 and ratios["spacy_2p_vs_1p"] == round(1 / 0.6, 3)
    assert report.run("tidings", 1).seconds == 2.0 and len(report.rounds("tidings", 1)) == 3


def test_query_bench_times_every_dashboard_query(tmp_path):
    result = bench.bench_queries(3000, runs=1, db=tmp_path / "q.db")
    assert result["events"] == 3000 and len(result["queries"]) == len(bench.dashboard_queries())
    assert all(q["median_ms"] >= 0 for q in result["queries"])
    assert next(q for q in result["queries"] if q["name"] == "top dyads")["rows"] == 15
    again = bench.bench_queries(3000, runs=1, db=tmp_path / "q.db")  # an existing store is reused
    assert again["inserted"] == {}


def test_cli_prints_a_table_or_json(tmp_path):
    result = CliRunner().invoke(main, ["bench", "--queries", "1000", "--format", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["events"] >= 1000
    result = CliRunner().invoke(main, ["bench", "--queries", "1000"])
    assert "median ms" in result.output and "top actors" in result.output


def test_usage_counts_a_child_that_ends_between_samples():
    busy = "import time\nstart = time.process_time()\nwhile time.process_time() - start < 0.3:\n    pass"
    with bench.Usage() as usage:
        subprocess.run([sys.executable, "-c", busy], check=True)
    tick = 1 / os.sysconf("SC_CLK_TCK")  # /proc and os.times count CPU in clock ticks
    assert usage.cpu_seconds >= 0.3 - 2 * tick  # the child's work, though no sample saw it finish
    assert 0 <= usage.sampler_cpu < usage.cpu_seconds


def test_peak_memory_ignores_children_that_were_there_before_the_run():
    """A long-lived child of the test process (a multiprocessing resource tracker, say) is not a worker."""
    import subprocess
    import sys

    bystander = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        time.sleep(0.2)
        with bench.Usage() as usage:
            time.sleep(0.3)
        assert usage.peak_rss_mb == round(usage.rss[usage.me.pid] / 2**20, 1)  # this process, not the bystander
    finally:
        bystander.kill()
        bystander.wait()
