"""The only package that speaks SQL: schema and migrations, the single writer, named read queries."""
from tidings.storage.store import Store, StoreError, default_path

__all__ = ["Store", "StoreError", "default_path"]
