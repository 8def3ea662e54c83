"""Exact and near-duplicate articles: content hashes, MinHash signatures and LSH buckets.

Syndicated copies and rewrites of one wire story share many of their word bigrams even
when ledes, headlines and page debris differ or words are swapped for synonyms. A MinHash
signature (universal hashing mod 2^31 - 1, so estimates are unbiased) estimates the Jaccard
similarity of two articles' bigram sets; LSH bands (stored in the database) find the
candidates without comparing every pair.
"""
from __future__ import annotations

import hashlib
import re
import struct
import unicodedata
from dataclasses import dataclass

import numpy as np

NUM_PERM = 128
BANDS = 64  # 64 bands of 2 rows: candidate probability ~0.77 at Jaccard 0.15, ~0.93 at 0.2, ~0.15 at 0.05
ROWS = NUM_PERM // BANDS
SHINGLE = 2  # word bigrams: rewrites keep 0.2-0.6 of them, other stories on the same topic ~0.05
THRESHOLD = 0.15  # estimated Jaccard above which two articles are versions of one story
PRIME = (1 << 31) - 1
# universal hashing (a·h + b) mod p with a, b < p = 2^31 - 1 and h < p: a·h + b never overflows 64 bits
_RNG = np.random.default_rng(20211230)
_A = _RNG.integers(1, PRIME, size=NUM_PERM, dtype=np.uint64)
_B = _RNG.integers(0, PRIME, size=NUM_PERM, dtype=np.uint64)

_WORD = re.compile(r"\w+", re.UNICODE)


def normalize(text: str) -> str:
    """Case-, accent- and punctuation-insensitive form used for hashing and shingling."""
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return " ".join(_WORD.findall(text.lower()))


def content_hash(text: str) -> str:
    """Hash of the normalised text: identical stories with different punctuation or spacing collide."""
    return hashlib.sha1(normalize(text).encode("utf-8")).hexdigest()


def raw_hash(content: str) -> str:
    """Hash of an input exactly as read, checked before any parsing."""
    return hashlib.sha1(content.encode("utf-8", "replace")).hexdigest()


def shingles(text: str, size: int = SHINGLE) -> set[str]:
    words = normalize(text).split()
    if len(words) < size:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + size]) for i in range(len(words) - size + 1)}


def _hash31(shingle: str) -> int:
    return int.from_bytes(hashlib.blake2b(shingle.encode("utf-8"), digest_size=4).digest(), "little") % PRIME


@dataclass(frozen=True)
class Signature:
    """A MinHash signature with its LSH band hashes."""

    values: np.ndarray

    @classmethod
    def of(cls, text: str) -> "Signature":
        hashes = np.array([_hash31(s) for s in shingles(text)] or [0], dtype=np.uint64)
        values = ((_A[:, None] * hashes[None, :] + _B[:, None]) % PRIME).min(axis=1)
        return cls(values.astype(np.uint64))

    @classmethod
    def from_bytes(cls, blob: bytes) -> "Signature":
        return cls(np.frombuffer(blob, dtype="<u4").astype(np.uint64))

    def to_bytes(self) -> bytes:
        """Little-endian uint32 values (each is below 2^31)."""
        return self.values.astype("<u4").tobytes()

    def bands(self) -> list[int]:
        """One signed 63-bit bucket hash per band (SQLite INTEGER-safe)."""
        out = []
        for band in range(BANDS):
            chunk = self.values[band * ROWS : (band + 1) * ROWS].astype("<u4").tobytes()
            out.append(struct.unpack("<q", hashlib.blake2b(chunk, digest_size=8).digest())[0])
        return out

    def similarity(self, other: "Signature") -> float:
        """Estimated Jaccard similarity of the two articles' bigram sets."""
        return float(np.mean(self.values == other.values))


@dataclass(frozen=True)
class Match:
    """The story an article copies: its duplicate cluster and the estimated similarity."""

    dup_cluster: str
    article_id: str
    similarity: float


def best_match(signature: Signature, candidates, *, threshold: float = THRESHOLD) -> Match | None:
    """The most similar candidate (rows with ``id``, ``dup_cluster``, ``minhash``) above ``threshold``."""
    best: Match | None = None
    for row in candidates:
        if row["minhash"] is None:
            continue
        score = signature.similarity(Signature.from_bytes(row["minhash"]))
        if score >= threshold and (best is None or score > best.similarity):
            best = Match(row["dup_cluster"], row["id"], score)
    return best
