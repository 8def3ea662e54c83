"""Deduplication: exact and near-duplicate articles, and clustering of events across articles."""
