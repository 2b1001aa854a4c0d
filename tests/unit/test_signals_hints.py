"""Names and street addresses in a signal's text: a warning, never a refusal (issue 17,
item 2). A table of what must be hinted and what must pass without a word."""

import pytest

from portal.signals._hints import (
    ADDRESS,
    FIRST_NAMES_FILE,
    NAME,
    before_saving,
    find,
    first_names,
    kinds,
)

HINTED = [
    ("Anna Svensson har visat symboler.", [NAME], "Anna Svensson"),
    ("Jag pratade med Lars Andersson efter lektionen.", [NAME], "Lars Andersson"),
    ("Hej Anna Svensson", [NAME], "Anna Svensson"),
    ("Rektor Karin Lindqvist vet om det.", [NAME], "Karin Lindqvist"),
    ("Mohammed Ali sa att han skulle åka.", [NAME], "Mohammed Ali"),
    ("Eleven Emma Nilsson-Berg i 9B", [NAME], "Emma Nilsson-Berg"),
    ("Åke Öberg på fritidsgården", [NAME], "Åke Öberg"),
    ("Björn Ek och Åsa Holm", [NAME], "Björn Ek"),
    ("Linnéa Johansson", [NAME], "Linnéa Johansson"),
    ("enligt Erik Karlsson", [NAME], "Erik Karlsson"),
    ("Han bor på Storgatan 12.", [ADDRESS], "Storgatan 12"),
    ("Tjörnvägen 3 B, trappuppgång två", [ADDRESS], "Tjörnvägen 3 B"),
    ("vid Kyrkogränd 4", [ADDRESS], "Kyrkogränd 4"),
    ("på Skolstigen 7a", [ADDRESS], "Skolstigen 7a"),
    ("Stortorget 1", [ADDRESS], "Stortorget 1"),
    ("Solbacken 22", [ADDRESS], "Solbacken 22"),
    ("Lindallén 5", [ADDRESS], "Lindallén 5"),
    ("Järntorgsplan 2", [ADDRESS], "Järntorgsplan 2"),
    ("Bohusleden 140", [ADDRESS], "Bohusleden 140"),
    ("han sprang längs hamngatan 9 i går", [ADDRESS], "hamngatan 9"),
    ("Anna Svensson, Storgatan 12", [NAME, ADDRESS], "Anna Svensson"),
]

QUIET = [
    "",
    "En elev i årskurs 8 visade symboler på skolgården.",
    "Eva såg det hända på rasten.",  # a first name, not a full name
    "Anna berättade om det.",
    "anna svensson",  # not capitalised: not read as a name
    "Svensson och Karlsson",  # surnames only
    "Kommunens handlingsplan 2025 gäller.",  # a year, not a house number
    "Mötet hölls på plan 3.",  # a floor
    "Storgatan har fått nya bänkar.",  # a street, but no address
    "Sveriges Radio rapporterade om det.",
    "Socialtjänsten och Polisen är informerade.",
    "Vecka 12 på Tjörns Gymnasium",
    "Kontakta Stödlinjen på 020-100 200.",
    "Verksamhetsplan 2024 och 2025",
    "Region Västra Götaland",
]


@pytest.mark.parametrize(("text", "expected", "first"), HINTED)
def test_names_and_addresses_are_hinted(text, expected, first):
    found = find(text)
    assert kinds(found) == expected
    assert text[found[0].start : found[0].end] == first


@pytest.mark.parametrize("text", QUIET)
def test_ordinary_text_is_not_hinted(text):
    assert find(text) == [], [text[f.start : f.end] for f in find(text)]


def test_identity_data_is_refused_first_so_no_hint_then():
    assert before_saving("Anna Svensson 19900101-1234") == []
    assert kinds(before_saving("Anna Svensson i 9B")) == [NAME]


def test_the_shipped_name_list():
    header = FIRST_NAMES_FILE.read_text(encoding="utf-8").splitlines()[:5]
    assert any("SCB" in line and "Namnstatistik" in line for line in header)
    names = first_names()
    assert 190 <= len(names) <= 260
    assert all(n[0].isupper() and n.isalpha() for n in names)
    assert {"Anna", "Lars", "Maria", "Erik", "Mohammed", "Åsa"} <= names
