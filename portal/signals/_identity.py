"""Finding personal identity data in free text before it is stored.

The signal routine must never store who a concern is about. Names cannot be detected
reliably, so the form tells people not to write them; what *can* be detected is refused:

- Anything shaped like a Swedish personal identity number (personnummer) or
  co-ordination number (samordningsnummer, day + 60): 10 or 12 digits, optionally with
  "-", "+" or a space before the last four, whose first six (YYMMDD) or eight
  (YYYYMMDD) digits form a real date. The check digit is NOT required: a mistyped
  personnummer still points at a person, and a stored one cannot be taken back from
  the backups. Order numbers whose "month" or "day" is impossible, dates, amounts,
  times and postcodes pass.
- Swedish phone numbers: 0 + 7-9 digits (e.g. 070-123 45 67, 08-123 456 78,
  0303-12 34 56) or +46/0046 + 7-9 digits. National service numbers (020-, 077-) and
  short emergency numbers (112, 114 14, 1177) are not personal and pass.
- E-mail addresses.

Pure functions, no Streamlit and no database.
"""

from __future__ import annotations

import re
from calendar import monthrange
from dataclasses import dataclass

PERSONNUMMER = "personnummer"
PHONE = "phone"
EMAIL = "email"
ORDER = (PERSONNUMMER, PHONE, EMAIL)

# 12 digits (century + YYMMDD) or 10 digits (YYMMDD), then an optional separator and four
# digits. Not part of a longer run of digits.
_PNR = re.compile(
    r"(?<![\d+])(?P<century>\d{2})?(?P<date>\d{6})(?P<sep>[-+ \u00a0]?)(?P<tail>\d{4})(?!\d)"
)
# Domestic: 0 + area/mobile prefix, one optional "-" or space, then digit groups split by
# single spaces. Digits are counted afterwards (8-10 in all).
_PHONE_DOMESTIC = re.compile(
    r"(?<![\d+\w])(0\d{1,3})(?:[ \u00a0]?-[ \u00a0]?|[ \u00a0]|\))?(\d(?:[ \u00a0]?\d){4,8})(?!\d)"
)
# International: +46 or 0046, optional (0), then digit groups split by spaces or "-".
_PHONE_INTL = re.compile(
    r"(?<!\w)(?:\+|00)46[ \u00a0-]?(?:\(0\)[ \u00a0]?)?(\d(?:[ \u00a0-]?\d){6,8})(?!\d)"
)
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}(?![\w-])")
# Non-personal numbers that share the domestic shape: free and shared-cost service numbers.
_SERVICE_PREFIXES = ("020", "077", "0900", "0939", "0944")


@dataclass(frozen=True)
class Finding:
    kind: str  # PERSONNUMMER, PHONE or EMAIL
    start: int  # position in the text, for highlighting
    end: int

    def masked(self, text: str) -> str:
        """The found value with all but its first two characters hidden."""
        value = text[self.start : self.end]
        return value[:2] + "".join("•" if ch.isalnum() else ch for ch in value[2:])


def luhn_ok(digits: str) -> bool:
    """The Luhn (mod 10) check used by personnummer, on the 10-digit form."""
    total = 0
    for i, ch in enumerate(digits):
        n = int(ch) * (2 if i % 2 == 0 else 1)
        total += n - 9 if n > 9 else n
    return total % 10 == 0


def _valid_date(century: str | None, yymmdd: str) -> bool:
    yy, mm, dd = int(yymmdd[:2]), int(yymmdd[2:4]), int(yymmdd[4:])
    if dd > 60:  # samordningsnummer: the day of birth plus 60
        dd -= 60
    if not 1 <= mm <= 12 or dd < 1:
        return False
    if century is not None:
        if century not in ("18", "19", "20"):
            return False
        years = [int(century) * 100 + yy]
    else:  # the century is not written: accept the date if it exists in either
        years = [1900 + yy, 2000 + yy]
    return any(dd <= monthrange(year, mm)[1] for year in years)


def is_personnummer(value: str) -> bool:
    """Whether `value` (the whole string) is a valid personnummer or samordningsnummer
    (real date and right check digit)."""
    match = _PNR.fullmatch(value.strip())
    return match is not None and _pnr_shape(match) and _luhn_of(match)


def has_personnummer_shape(value: str) -> bool:
    """Whether `value` (the whole string) is shaped like a personnummer or
    samordningsnummer, whatever its check digit: the rule that decides refusal."""
    match = _PNR.fullmatch(value.strip())
    return match is not None and _pnr_shape(match)


def _pnr_shape(match: re.Match) -> bool:
    # "+" formally marks age 100+ in the 10-digit form only; "19121212+1212" is still
    # someone's number, so the separator is not held against the 12-digit form.
    return _valid_date(match.group("century"), match.group("date"))


def _luhn_of(match: re.Match) -> bool:
    return luhn_ok(match.group("date") + match.group("tail"))


def _is_phone(prefix: str, rest: str) -> bool:
    digits = prefix + re.sub(r"\D", "", rest)
    if not 8 <= len(digits) <= 10 or digits.startswith("00"):
        return False
    return not digits.startswith(_SERVICE_PREFIXES)


def find(text: str | None) -> list[Finding]:
    """Every piece of identity data in `text`, in order of position."""
    if not text:
        return []
    found: list[Finding] = []
    taken: list[tuple[int, int]] = []

    def add(kind: str, start: int, end: int) -> None:
        if any(s < end and start < e for s, e in taken):
            return  # already reported as something else (e.g. a personnummer)
        taken.append((start, end))
        found.append(Finding(kind, start, end))

    for m in _EMAIL.finditer(text):
        add(EMAIL, m.start(), m.end())
    shaped = [m for m in _PNR.finditer(text) if _pnr_shape(m)]
    for m in shaped:  # valid personnummer first: they are named as such
        if _luhn_of(m):
            add(PERSONNUMMER, m.start(), m.end())
    for m in _PHONE_INTL.finditer(text):
        digits = re.sub(r"\D", "", m.group(1))
        if 7 <= len(digits) <= 9:
            add(PHONE, m.start(), m.end())
    for m in _PHONE_DOMESTIC.finditer(text):
        if _is_phone(m.group(1), m.group(2)):
            add(PHONE, m.start(), m.end())
    # The shape alone refuses: a wrong check digit is still someone's number. (A
    # 10-digit mobile number such as 0701234567 was named a phone number just above.)
    for m in shaped:
        add(PERSONNUMMER, m.start(), m.end())
    return sorted(found, key=lambda f: f.start)


def kinds(text: str | None) -> list[str]:
    """The distinct kinds of identity data in `text`, in a fixed order."""
    present = {f.kind for f in find(text)}
    return [k for k in ORDER if k in present]
