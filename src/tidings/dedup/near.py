"""Exact and near-duplicate articles: content hashes, MinHash signatures and LSH buckets.

Syndicated copies and rewrites of one wire story share many of their word bigrams even
when ledes, headlines and page debris differ or words are swapped for synonyms. A MinHash
signature (universal hashing mod 2^31 - 1, so estimates are unbiased) estimates the Jaccard
similarity of two articles' bigram sets; LSH bands (stored in the database) find the
candidates without comparing every pair.
"""
from __future__ import annotations

import functools
import hashlib
import re
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
    if not text.isascii():  # ASCII is its own NFKD form and has no combining marks
        text = unicodedata.normalize("NFKD", text)
        marks = {ord(c): None for c in set(text) if unicodedata.combining(c)}
        if marks:
            text = text.translate(marks)
    return " ".join(_WORD.findall(text.lower()))


def content_hash(text: str) -> str:
    """Hash of the normalised text: identical stories with different punctuation or spacing collide."""
    return normalized_hash(normalize(text))


def normalized_hash(normalized: str) -> str:
    """:func:`content_hash` of a text already passed through :func:`normalize`."""
    return hashlib.sha1(normalized.encode("utf-8")).hexdigest()


def raw_hash(content: str) -> str:
    """Hash of an input exactly as read, checked before any parsing."""
    return hashlib.sha1(content.encode("utf-8", "replace")).hexdigest()


def shingles(text: str, size: int = SHINGLE) -> set[str]:
    """The word ``size``-grams of the normalised text."""
    return word_shingles(normalize(text).split(), size)


def word_shingles(words: list[str], size: int = SHINGLE) -> set[str]:
    """The ``size``-grams of already normalised words."""
    if len(words) < size:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + size]) for i in range(len(words) - size + 1)}


_DIGEST4 = functools.partial(hashlib.blake2b, digest_size=4)


def _hash31(shingles: set[str]) -> np.ndarray:
    """Each shingle's 4-byte blake2b digest (little-endian) mod ``PRIME``; ``[0]`` for no shingles."""
    digests = b"".join([_DIGEST4(s.encode()).digest() for s in shingles]) or bytes(4)
    return np.frombuffer(digests, dtype="<u4").astype(np.uint64) % PRIME


@dataclass(frozen=True)
class Signature:
    """A MinHash signature with its LSH band hashes."""

    values: np.ndarray

    @classmethod
    def of(cls, text: str) -> Signature:
        return cls.of_normalized(normalize(text))

    @classmethod
    def of_normalized(cls, normalized: str) -> Signature:
        """The signature of a text already passed through :func:`normalize`."""
        products = np.multiply.outer(_A, _hash31(word_shingles(normalized.split())))
        products += _B[:, None]
        products %= PRIME
        return cls(products.min(axis=1))

    @classmethod
    def from_bytes(cls, blob: bytes) -> Signature:
        return cls(np.frombuffer(blob, dtype="<u4").astype(np.uint64))

    def to_bytes(self) -> bytes:
        """Little-endian uint32 values (each is below 2^31)."""
        return self.values.astype("<u4").tobytes()

    def bands(self) -> list[int]:
        """One signed 63-bit bucket hash per band (SQLite INTEGER-safe)."""
        blob, width = self.to_bytes(), 4 * ROWS
        digests = b"".join([hashlib.blake2b(blob[i : i + width], digest_size=8).digest()
                            for i in range(0, BANDS * width, width)])
        return np.frombuffer(digests, dtype="<i8").tolist()

    def similarity(self, other: Signature) -> float:
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
