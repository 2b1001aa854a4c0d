"""Weak passwords: common ones, ones built on the user's own names, simple patterns.

Each check returns the catalog key of the problem (admin.password_<key>) or None:
- a password from data/common_passwords.txt, also with only digits or symbols before
  or after it ("password1234") and with common letter swaps undone ("p@ssw0rd");
- one containing the username or a part of the user's name of 4 or more letters;
- one character or a short group repeated ("aaaaaaaaaaaa", "abcabcabcabc");
- keyboard and alphabet runs ("123456789012", "qwertyuiopå1", "mnopqrstuvwx"), with at
  most 3 characters outside runs of 4 or more;
- digits only.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

COMMON_FILE = Path(__file__).parent / "data" / "common_passwords.txt"
MIN_NAME_PART = 4
# Sequences whose neighbours count as a run, both directions; digits wrap 9 -> 0.
SEQUENCES = (
    "01234567890",
    "abcdefghijklmnopqrstuvwxyzåäö",
    "1234567890+",
    "qwertyuiopå",
    "asdfghjklöä",
    "zxcvbnm",
)
MIN_RUN = 4  # a run this long counts; what is left outside runs must be longer than:
MAX_LEFT_OVER = 3
_LEET = str.maketrans({"@": "a", "4": "a", "0": "o", "1": "i", "3": "e", "$": "s", "5": "s"})
_EDGES = re.compile(r"^[\W\d_]+|[\W\d_]+$")
_NAME_PARTS = re.compile(r"[\W_]+")


@cache
def common_passwords() -> frozenset[str]:
    lines = COMMON_FILE.read_text(encoding="utf-8").splitlines()
    return frozenset(s.strip().lower() for s in lines if s.strip() and not s.startswith("#"))


@cache
def _neighbours() -> frozenset[tuple[str, str]]:
    pairs = set()
    for seq in SEQUENCES:
        for a, b in zip(seq, seq[1:], strict=False):
            pairs |= {(a, b), (b, a)}
    return frozenset(pairs)


def problem(password: str, username: str = "", name: str = "") -> str | None:
    """The catalog key (without "admin.password_") of the first weakness, or None."""
    low = password.lower()
    if _is_common(low):
        return "common"
    if _has_personal(low, username, name):
        return "personal"
    if _is_repeated(low):
        return "repeated"
    if _left_outside_runs(low) <= MAX_LEFT_OVER:
        return "sequence"
    if low.isdigit():
        return "digits"
    return None


def _is_common(low: str) -> bool:
    common = common_passwords()
    for candidate in (low, low.translate(_LEET)):
        core = _EDGES.sub("", candidate)
        if candidate in common or (core and core in common):
            return True
    return False


def _has_personal(low: str, username: str, name: str) -> bool:
    parts = {username.lower()} | set(_NAME_PARTS.split(name.lower()))
    return any(len(part) >= MIN_NAME_PART and part in low for part in parts)


def _is_repeated(low: str) -> bool:
    """One character, or a group of up to 4, repeated to fill the whole password."""
    for size in range(1, 5):
        unit = low[:size]
        if len(low) >= 2 * size and unit * (len(low) // size) + unit[: len(low) % size] == low:
            return True
    return False


def _left_outside_runs(low: str) -> int:
    """How many characters are not part of a keyboard/alphabet run of MIN_RUN or more."""
    neighbours = _neighbours()
    left, start = 0, 0
    for i in range(1, len(low) + 1):
        if i == len(low) or (low[i - 1], low[i]) not in neighbours:
            length = i - start
            left += 0 if length >= MIN_RUN else length
            start = i
    return left
