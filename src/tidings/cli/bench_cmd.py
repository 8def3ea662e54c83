"""``bench``: ingest throughput beside bare spaCy, memory per worker, dashboard query latency."""
from __future__ import annotations

import json

import click


@click.command("bench")
@click.argument("corpus", required=False, type=click.Path(exists=True))
@click.option("--workers", type=click.IntRange(min=1), default=2, show_default=True,
              help="Compare this many worker processes with one.")
@click.option("--repeat", type=click.IntRange(min=1), default=5, show_default=True,
              help="Use the corpus this many times (copies made unique) for stable timings.")
@click.option("--rounds", type=click.IntRange(min=1), default=3, show_default=True,
              help="Repeat each tidings/spaCy comparison this many times, taking turns to go first; "
                   "ratios are medians of the rounds (steadier on a busy machine).")
@click.option("--queries", "query_events", type=click.IntRange(min=1), default=None,
              help="Instead: time the dashboard queries on a store of this many synthetic events.")
@click.option("--queries-db", type=click.Path(dir_okay=False), default=None,
              help="With --queries: build (or reuse) the synthetic store here instead of a temporary file.")
@click.option("--no-spacy", is_flag=True, help="Skip the bare spaCy baseline.")
@click.option("--lexicon", "lexicon_files", multiple=True, type=click.Path(exists=True, dir_okay=False),
              help="Run tidings with this user verb-pattern file added to its lexicon (repeatable), to measure "
                   "what your own patterns cost.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def bench_command(corpus, workers, repeat, rounds, query_events, queries_db, no_spacy, lexicon_files, fmt) -> None:
    """Measure end-to-end ingest (articles/s, words/s, peak RSS per worker) beside bare spaCy.

    \b
    CORPUS defaults to the bundled sample corpus. Targets: tidings >= 0.8x bare spaCy,
    2 workers >= 1.6x one, peak RSS <= 1.5 GB per worker, dashboard queries < 200 ms.
    \b
    Examples:
      tidings bench --workers 2 --repeat 10 --rounds 5
      tidings bench --lexicon my_verbs.txt --no-spacy
      tidings bench --queries 1000000 --format json
    """
    from tidings import bench

    if query_events:
        result = bench.bench_queries(query_events, db=queries_db)
        click.echo(json.dumps(result, indent=2) if fmt == "json" else queries_table(result))
        return
    report = bench.bench_ingest(corpus, workers=workers, repeat=repeat, rounds=rounds, spacy=not no_spacy,
                                lexicon_files=lexicon_files)
    click.echo(json.dumps(report.to_dict(), indent=2) if fmt == "json" else ingest_table(report))


def ingest_table(report) -> str:
    """The median run of each comparison (with the spread of its rounds), its stage times, and the ratios."""
    load = ", ".join(f"{x:.1f}" for x in report.load_average)
    lines = [f"corpus {report.corpus}: {report.inputs} inputs, {report.articles} English articles, "
             f"{report.words:,} words; machine load average {load}", "",
             f"{'median run':<16}{'procs':>6}{'seconds':>10}{'articles/s':>12}{'words/s':>11}{'CPU s':>9}"
             f"{'peak RSS MB':>13}  rounds (min-max s)"]
    configs = sorted({(r.processes, r.name != "tidings", r.name) for r in report.runs})
    medians = [report.run(name, processes) for processes, _, name in configs]
    for run in medians:
        label = "tidings ingest" if run.name == "tidings" else "spaCy nlp.pipe"
        spread = [r.seconds for r in report.rounds(run.name, run.processes)]
        lines.append(f"{label:<16}{run.processes:>6}{run.seconds:>10.2f}{run.articles_per_second:>12.2f}"
                     f"{run.words_per_second:>11.0f}{run.cpu_seconds:>9.1f}{run.peak_rss_mb:>13.0f}"
                     f"  {len(spread)} ({min(spread):.2f}-{max(spread):.2f})")
    for run in medians:
        if run.stage_seconds:
            lines.append(f"  stages ({run.processes} procs, seconds): "
                         + ", ".join(f"{name} {value:.1f}" for name, value in run.stage_seconds.items()))
        if run.failed:
            lines.append(f"  warning: {run.failed} inputs failed in the {run.processes}-process run "
                         "(see `tidings ingest` for their reasons); its timings include them")
    ratios = report.ratios()
    if ratios:
        lines += ["", "ratios (medians of rounds): " + ", ".join(f"{k} {v:.2f}" for k, v in ratios.items())]
    lines.append("targets: tidings_vs_spacy >= 0.8, tidings_2p_vs_1p >= 1.6, peak RSS <= 1536 MB per worker")
    return "\n".join(lines)


def queries_table(result: dict) -> str:
    lines = [f"{result['events']:,} synthetic event mentions (built in {result['build_seconds']} s); "
             f"median of {result['runs']} runs, target < {result['target_ms']} ms", "",
             f"{'query':<28}{'median ms':>11}{'max ms':>9}{'rows':>7}"]
    for q in result["queries"]:
        lines.append(f"{q['name']:<28}{q['median_ms']:>11.1f}{q['max_ms']:>9.1f}{q['rows']:>7}")
    return "\n".join(lines)


COMMANDS = [bench_command]
