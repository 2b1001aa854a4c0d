"""Identity data in free text: a table of what must be refused and what must pass."""

import pytest

from portal.signals._identity import (
    EMAIL,
    PERSONNUMMER,
    PHONE,
    find,
    is_personnummer,
    kinds,
    luhn_ok,
)

PNR, TEL, MAIL = [PERSONNUMMER], [PHONE], [EMAIL]

POSITIVE = [
    # personnummer, every written form
    ("Eleven har personnummer 19121212-1212.", PNR),
    ("pnr 121212-1212", PNR),
    ("121212+1212 (över 100 år)", PNR),
    ("19121212+1212", PNR),
    ("1212121212", PNR),
    ("191212121212", PNR),
    ("121212 1212", PNR),
    ("811218-9876", PNR),
    ("198112189876 står i journalen", PNR),
    ("(811218-9876)", PNR),
    ("född 2000-02-29? nej: 20000229-0005", PNR),  # leap day, 12 digits
    ("000229-0005", PNR),  # leap day in 2000
    # samordningsnummer: day + 60
    ("samordningsnummer 701063-2391", PNR),
    ("121291-0002", PNR),  # 31 Dec + 60
    # phone numbers
    ("ring 070-123 45 67", TEL),
    ("0701234567", TEL),  # date-shaped but Luhn fails: still a mobile number
    ("08-123 456 78", TEL),
    ("0303-12 34 56", TEL),
    ("031-123456", TEL),
    ("031 - 12 34 56", TEL),
    ("+46 70 123 45 67", TEL),
    ("+46701234567", TEL),
    ("0046 8 123 456 78", TEL),
    ("+46 (0)70-123 45 67", TEL),
    # e-mail
    ("mejla anna.svensson@example.se", MAIL),
    ("x_y+z@sub.example.com.", MAIL),
    ("ELEV@SKOLA.TJORN.SE", MAIL),
    # several at once, reported in a fixed order
    ("19121212-1212, 070-123 45 67 och a@b.se", [PERSONNUMMER, PHONE, EMAIL]),
    ("a@b.se och 121212-1212", [PERSONNUMMER, EMAIL]),
]

NEGATIVE = [
    "",
    "En elev i årskurs 8 visade symboler på skolgården.",
    "Ring 112 vid akut fara.",
    "Hänvisade till stödlinjen 020-100 200.",  # national service number, not personal
    "Kontakta 0771-14 14 00 för mer information.",  # shared-cost service number
    "1177 eller 114 14",  # short national numbers
    "Händelsen var 2024-05-12 kl. 14:30.",  # ISO date
    "Datum 12-05-2024",  # day-month-year date
    "20240512",  # compact date, 8 digits
    "Ordernummer 1234567890",  # month 34: not a date
    "Ärende 5512123456",  # Luhn fails
    "121212-1213",  # right date, wrong check digit
    "19121212-1213",
    "990631-0009",  # 31 June does not exist (Luhn ok)
    "851301-0002",  # month 13 (Luhn ok)
    "010229-0004",  # 29 Feb 1901/2001 (Luhn ok)
    "121292-0001",  # samordningsnummer day 32
    "99121212-1212",  # century 99 does not exist
    "Fakturanummer 12345678901234",  # long digit run
    "konto 1234-5678",
    "2019-2020 års plan, 3 dimensioner och 6 aktiviteter",
    "Mötet hölls 0930-1100",  # times
    "Kvartal 2025-Q1: 4 signaler",
    "@-tecknet och #hashtag i ett inlägg",
    "skriv till kommunen via webbformuläret",
    "Postnummer 471 80 Skärhamn",
    "tel. 12345",
]


@pytest.mark.parametrize(("text", "expected"), POSITIVE)
def test_identity_data_is_found(text, expected):
    assert kinds(text) == expected


@pytest.mark.parametrize("text", NEGATIVE)
def test_look_alikes_pass(text):
    assert find(text) == [], [text[f.start : f.end] for f in find(text)]


@pytest.mark.parametrize(
    ("digits", "ok"),
    [
        ("1212121212", True),
        ("8112189876", True),
        ("1212121213", False),
        ("0000000000", True),
        ("7010632391", True),
    ],
)
def test_luhn(digits, ok):
    assert luhn_ok(digits) is ok


def test_whole_value_check():
    assert is_personnummer(" 19121212-1212 ")
    assert not is_personnummer("19121212-1212 och mer")


def test_positions_and_masking():
    text = "Se 19121212-1212 nu"
    (finding,) = find(text)
    assert text[finding.start : finding.end] == "19121212-1212"
    masked = finding.masked(text)
    assert masked.startswith("19") and "1212-1212" not in masked
