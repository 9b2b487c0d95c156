"""Privacy-preserving match keys for "the same client at two organisations".

A match key is a cryptographic long-term key (CLK, Schnell, Bachteler & Reiher 2011), the
encoding German registries use for record linkage without clear names: the normalised
name parts and the birth date are cut into features (name bigrams, date parts), each
feature sets a few bits of one Bloom filter chosen by a keyed hash, and two keys are
compared with the Dice coefficient of their set bits. Small spelling differences change
only a few bits, so typos still score high, while the name and date cannot be read back
without the secret.

Parameters and why:
- BITS = 1024: the usual CLK length; with ≈20 features it stays about a quarter full, so
  chance overlaps between different people remain low.
- Name bigrams set NAME_HASHES = 10 bits each, the three date parts (day, month, year)
  DATE_HASHES = 20 each: a birth date weighs about as much as a short name. Measured on
  crafted pairs: the same birth date with other names scores 0.4–0.75, the same name with
  another birth date ≈0.7, one typo in a name 0.95+, two typos or Muller/Müller ≈0.9, a
  typo in one date part ≈0.9. Hence DEFAULT_THRESHOLD = 0.85. The hard case is twins
  (same family name and birth date, other first name: 0.81–0.84, just below): no name-
  and date-only key can tell them safely, which is why coordination decides every pair.
- Positions come from "random hashing" (Schnell 2016): HMAC-SHA512 of the feature, keyed
  with the secret, cut into 16-bit numbers. The older double hashing (h1 + i·h2) leaks
  structure that published attacks exploit (Kroll & Steinmetzer 2015); random hashing
  does not, and needs one HMAC per feature as well.
Keys remain open to frequency attacks by whoever holds many keys and the secret's
absence does not make them anonymous data: they stay case data, inside the system.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

BITS = 1024
NAME_HASHES = 10
DATE_HASHES = 20
DEFAULT_THRESHOLD = 0.85
# Refused in production (config).
DEV_SECRET = "dev-only-match-key-secret"  # nosec B105
HEX_LENGTH = BITS // 4

# German transliterations first, so Müller and Mueller give the same letters; other
# accents are stripped afterwards (Çelik → celik).
_SPELLING = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "æ": "ae", "ø": "oe"})
_APOSTROPHES = re.compile("['\u2019`\u00b4]")
_NOT_LETTERS = re.compile(r"[^a-z]+")
# Name particles are written, left out or joined inconsistently (von, al-, de …), so they
# carry no evidence; dropped unless nothing else is left.
PARTICLES = frozenset(
    "von vom van zu zum zur der den de di da du del la le al el ibn bin bint".split()
)


class MatchKeyError(ValueError):
    """The identity cannot be encoded (no letters in the name, no valid date)."""


def name_parts(*names: str) -> list[str]:
    """Normalised name parts, sorted, so swapped first and family names give the same key."""
    text = " ".join(n for n in names if n).lower().translate(_SPELLING)
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = _APOSTROPHES.sub("", text)
    parts = [p for p in _NOT_LETTERS.split(text) if p]
    meaningful = [p for p in parts if p not in PARTICLES]
    return sorted(meaningful or parts)


def features(names: Sequence[str], birth_date: dt.date) -> tuple[set[str], set[str]]:
    """The name bigrams (padded, so first and last letters count) and the date parts."""
    bigrams: set[str] = set()
    for part in name_parts(*names):
        padded = f"_{part}_"
        bigrams.update(f"n:{padded[i : i + 2]}" for i in range(len(padded) - 1))
    if not bigrams:
        raise MatchKeyError("the name has no letters")
    date = {f"d:{birth_date.day:02d}", f"m:{birth_date.month:02d}", f"y:{birth_date.year:04d}"}
    return bigrams, date


@dataclass
class Encoder:
    """Makes match keys with one secret; remembers each feature's bits (features repeat)."""

    secret: str
    _masks: dict[tuple[str, int], int] | None = None

    def _mask(self, feature: str, hashes: int) -> int:
        if self._masks is None or len(self._masks) > 200_000:
            self._masks = {}
        cached = self._masks.get((feature, hashes))
        if cached is not None:
            return cached
        digest = hmac.new(self.secret.encode(), feature.encode(), hashlib.sha512).digest()
        mask = 0
        for i in range(hashes):  # 16-bit slices; 65536 is a multiple of BITS, so uniform
            mask |= 1 << (int.from_bytes(digest[2 * i : 2 * i + 2], "big") % BITS)
        self._masks[(feature, hashes)] = mask
        return mask

    def key(self, names: Sequence[str], birth_date: dt.date) -> int:
        """The Bloom-filter key of one person as an int of BITS bits."""
        bigrams, date = features(names, birth_date)
        value = 0
        for feature in bigrams:
            value |= self._mask(feature, NAME_HASHES)
        for feature in date:
            value |= self._mask(feature, DATE_HASHES)
        return value


def to_text(key: int) -> str:
    """The key as fixed-length hex text, for storage."""
    return f"{key:0{HEX_LENGTH}x}"


def from_text(text: str) -> int:
    """The key from its stored hex text."""
    if len(text) != HEX_LENGTH:
        raise MatchKeyError(f"a match key has {HEX_LENGTH} hex digits")
    return int(text, 16)


def dice(a: int, b: int) -> float:
    """Dice coefficient of the set bits: 1.0 the same key, about 0 unrelated ones."""
    total = a.bit_count() + b.bit_count()
    return 2 * (a & b).bit_count() / total if total else 0.0


@dataclass(frozen=True)
class Keyed:
    """One case's key with what matters for pairing: who holds the case."""

    pseudonym: str
    actor_id: str
    key: int


def best_matches(key: int, others: Iterable[Keyed], threshold: float) -> list[tuple[Keyed, float]]:
    """The other cases whose key scores at least `threshold` against `key`, best first."""
    found = []
    for other in others:
        score = dice(key, other.key)
        if score >= threshold:
            found.append((other, score))
    return sorted(found, key=lambda item: (-item[1], item[0].pseudonym))


def all_pairs(items: Sequence[Keyed], threshold: float) -> list[tuple[Keyed, Keyed, float]]:
    """Every pair of cases of different organisations scoring at least `threshold`.

    All pairs are compared (n²/2; a CLK allows no blocking by birth year without
    weakening it), but sorted by bit count so a pair whose counts differ too much to reach
    the threshold (Dice ≤ 2·min/(a+b)) ends the inner loop early.
    """
    ordered = sorted(((item.key.bit_count(), item) for item in items), key=lambda x: x[0])
    found = []
    for i, (count_a, a) in enumerate(ordered):
        for count_b, b in ordered[i + 1 :]:
            if 2 * count_a < threshold * (count_a + count_b):
                break
            if a.actor_id == b.actor_id:
                continue
            score = 2 * (a.key & b.key).bit_count() / (count_a + count_b)
            if score >= threshold:
                first, second = sorted((a, b), key=lambda k: k.pseudonym)
                found.append((first, second, score))
    return sorted(found, key=lambda x: (-x[2], x[0].pseudonym, x[1].pseudonym))


def check_name(value: str) -> None:
    """A name part the key can use: at most 100 characters, at least one letter."""
    if len(value) > 100:
        raise MatchKeyError("a name has at most 100 characters")
    if not name_parts(value):
        raise MatchKeyError("a name needs at least one letter")


def check_birth_date(value: dt.date, today: dt.date) -> None:
    """A plausible birth date: in the past and at most 120 years ago."""
    if value >= today:
        raise MatchKeyError("the date of birth must lie in the past")
    if value.year < today.year - 120:
        raise MatchKeyError("the date of birth lies more than 120 years back")
