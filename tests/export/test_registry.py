"""The exporters table: a format is one writer function and one table entry; the command line offers them all."""
import io

import pytest

import tidings.export as exports
from tidings.export import export
from tidings.export.job import Exporter


def test_a_new_format_is_one_writer_and_one_table_entry(store, tmp_path, monkeypatch):
    def write_limit(job, stream):  # a toy line format
        stream.write(f"{job.limit} {job.undated}\n")
        return 1, 0

    monkeypatch.setitem(exports.EXPORTERS, "toy", Exporter("a toy format", lines=write_limit))
    out = tmp_path / "out" / "toy.txt"
    summary = export(store, "toy", out, limit=7, undated="published")
    assert out.read_text() == "7 published\n" and summary.written == {str(out): 1}
    stream = io.StringIO()
    export(store, "toy", stream, limit=3)
    assert stream.getvalue() == "3 skip\n"


def test_folder_formats_refuse_a_stream_and_unknown_formats_are_named(store):
    assert exports.STREAMLESS_FORMATS == ("parquet",)
    with pytest.raises(ValueError, match="writes a folder"):
        export(store, "parquet", io.StringIO())
    with pytest.raises(ValueError, match="one of: gdelt-events"):
        export(store, "csv", io.StringIO())


def test_the_command_line_offers_every_exporter():
    from tidings.cli.export_cmd import export_command

    (fmt,) = [p for p in export_command.params if p.name == "fmt"]
    assert list(fmt.type.choices) == list(exports.EXPORTERS) == list(exports.FORMATS)


def test_an_exporter_writes_lines_or_a_folder_not_both():
    with pytest.raises(ValueError, match="either lines or a folder"):
        Exporter("both", lines=lambda job, stream: (0, 0), folder=lambda job, folder: {})
    with pytest.raises(ValueError):
        Exporter("neither")
