"""Batch ingest: workers run the pipeline (in-process, local processes or Dask); one writer commits."""
from tidings.batch.ingest import IngestSummary, ingest

__all__ = ["IngestSummary", "ingest"]
