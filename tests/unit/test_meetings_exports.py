"""Calendar, CSV, Word and PDF output of meetings, opened again and checked field by field."""

import csv
import io
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from docx import Document
from icalendar import Calendar
from pypdf import PdfReader

from portal import cli
from portal.admin._db import users as users_db
from portal.charts.meetings import attendance_by_org
from portal.exports import meetings as ics_export, minutes as minutes_export
from portal.exports.fonts import font_path
from portal.meetings import _actions as acts, _agenda as lists, _core as svc
from tests.outputs import (
    assert_accessible_a4,
    blank_pages,
    ink_outside,
    mm_to_px,
    pdf_fonts,
    pdf_page_images,
    problems_in,
    text_of,
)

STHLM = ZoneInfo("Europe/Stockholm")


@pytest.fixture
def leader(db_path):
    from portal.admin import _seed as user_seed
    from portal.db.connection import transaction

    with transaction() as cur:
        user_seed.load_demo(cur)
    return users_db.get_user("processledare")


def _create(leader, title, start, **kw):
    return lists.create_meeting(
        leader,
        {
            "title": title,
            "type": kw.pop("type", "sos"),
            "starts_at": start,
            "ends_at": start + timedelta(hours=2),
            **kw,
        },
        prefill=False,
    )


def _events(data: bytes) -> dict[str, object]:
    cal = Calendar.from_ical(data)
    return {str(ev["UID"]): ev for ev in cal.walk("VEVENT")}


def test_meeting_ics_round_trip_field_by_field(leader):
    summer = _create(
        leader,
        "Sommarmöte, SOS",
        datetime(2031, 6, 12, 13, 0),
        place="Kommunhuset, sal Orust",
        link="https://example.org/m",
    )
    data = ics_export.meeting_ics(summer)
    cal = Calendar.from_ical(data)
    assert str(cal["VERSION"]) == "2.0" and "SOS-portalen" in str(cal["PRODID"])
    tzs = cal.walk("VTIMEZONE")
    assert [str(tz["TZID"]) for tz in tzs] == ["Europe/Stockholm"]
    (ev,) = cal.walk("VEVENT")
    assert str(ev["UID"]) == f"meeting-{summer}@sos-portalen.invalid"
    assert str(ev["SUMMARY"]) == "Sommarmöte, SOS"
    assert str(ev["LOCATION"]) == "Kommunhuset, sal Orust"
    assert str(ev["URL"]) == "https://example.org/m"
    assert str(ev["STATUS"]) == "CONFIRMED"
    start, end = ev.decoded("DTSTART"), ev.decoded("DTEND")
    assert start == datetime(2031, 6, 12, 13, 0, tzinfo=STHLM)
    assert end - start == timedelta(hours=2)
    # Summer time: 13:00 in Stockholm is 11:00 UTC.
    assert start.utcoffset() == timedelta(hours=2)
    assert start.astimezone(ZoneInfo("UTC")).hour == 11
    assert ev["DTSTART"].params["TZID"] == "Europe/Stockholm"
    assert b"DTSTART;TZID=Europe/Stockholm:20310612T130000" in data


def test_winter_meeting_offset_and_cancelled_status(leader):
    winter = _create(leader, "Vintermöte", datetime(2031, 1, 15, 9, 30))
    svc.set_status(leader, winter, "cancelled", 1)
    (ev,) = Calendar.from_ical(ics_export.meeting_ics(winter)).walk("VEVENT")
    assert ev.decoded("DTSTART").utcoffset() == timedelta(hours=1)
    assert str(ev["STATUS"]) == "CANCELLED"
    assert int(ev["SEQUENCE"]) == 1  # updated once: calendars replace the old copy


def test_uids_are_stable_so_reimport_updates(leader):
    mid = _create(leader, "Stabil", datetime(2031, 3, 3, 10))
    first = _events(ics_export.meeting_ics(mid))
    svc.update_meeting(leader, mid, {**svc.get(mid), "title": "Stabil, ny titel"}, 1)
    second = _events(ics_export.meeting_ics(mid))
    assert list(first) == list(second)
    assert str(second[next(iter(second))]["SUMMARY"]) == "Stabil, ny titel"


def test_cli_exports_upcoming_meetings_only(leader, tmp_path):
    now = svc.now_local().replace(second=0, microsecond=0)
    past = _create(leader, "Förr", now - timedelta(days=30))
    future = [_create(leader, f"Sedan {i}", now + timedelta(days=10 * i)) for i in (1, 2)]
    out = tmp_path / "moten.ics"
    assert cli.main(["export", "meetings", "--format", "ics", "-o", str(out)]) == 0
    uids = set(_events(out.read_bytes()))
    assert uids == {ics_export.uid(m) for m in future}
    assert ics_export.uid(past) not in uids
    csv_out = tmp_path / "moten.csv"
    assert cli.main(["export", "meetings", "--format", "csv", "-o", str(csv_out)]) == 0
    rows = list(csv.DictReader(io.StringIO(csv_out.read_text(encoding="utf-8-sig"))))
    assert [r["Rubrik"] for r in rows] == ["Förr", "Sedan 1", "Sedan 2"]
    assert rows[0]["Typ"] == "SOS-möte"


def _full_meeting(leader) -> int:
    mid = _create(leader, "SOS-möte i Tjörn", datetime(2031, 9, 3, 13))
    lists.save_attendance(
        leader,
        mid,
        [
            {"name": "Åsa Öberg", "organisation": "Socialtjänsten", "present": True},
            {"name": "Pär Ängström", "organisation": "Polisen", "present": False},
        ],
    )
    lists.save_agenda(leader, mid, [{"title": "Lägesbild", "presenter": "Polisen"}])
    svc.save_minutes(leader, mid, "# Läget\nInga förändringar.\n- Punkt ett <script>x</script>", 1)
    acts.add_decision(leader, mid, "Utbildningen genomförs i höst.")
    acts.add_decision(leader, mid, "Nästa möte i december.")
    acts.add_action(
        leader, mid, "Boka lokal för föräldrakväll", "Demo Processledare", date(2031, 10, 1)
    )
    return mid


def test_minutes_docx_uses_real_headings_and_holds_everything(leader):
    doc = Document(io.BytesIO(minutes_export.docx_bytes(_full_meeting(leader))))
    headings = [
        (p.style.name, p.text)
        for p in doc.paragraphs
        if p.style.name.startswith(("Heading", "Title"))
    ]
    assert ("Title", "SOS-möte i Tjörn") in headings
    assert {
        ("Heading 1", h) for h in ("Närvaro", "Dagordning", "Protokoll", "Beslut", "Åtgärdspunkter")
    } <= set(headings)
    assert ("Heading 2", "Läget") in headings
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "Åsa Öberg (Socialtjänsten)" in text
    assert "Pär Ängström (Polisen)" in text  # invited, not present
    assert "§ 1. Utbildningen genomförs i höst." in text
    assert "§ 2. Nästa möte i december." in text
    assert "Punkt ett <script>x</script>" in text  # literal text, never markup
    table = doc.tables[0]
    assert [c.text for c in table.rows[0].cells] == ["Åtgärd", "Ansvarig", "Klart senast", "Status"]
    assert [c.text for c in table.rows[1].cells] == [
        "Boka lokal för föräldrakväll",
        "Demo Processledare",
        "2031-10-01",
        "Öppen",
    ]


def test_minutes_pdf_renders_swedish_characters_with_embedded_font(leader):
    data = minutes_export.pdf_bytes(_full_meeting(leader))
    reader = PdfReader(io.BytesIO(data))
    text = "\n".join(page.extract_text() for page in reader.pages)
    for expected in (
        "PROTOKOLL",
        "SOS-möte i Tjörn",
        "Åsa Öberg",
        "Åtgärdspunkter",
        "§ 1",
        "Utbildningen genomförs i höst.",
        "Boka lokal för föräldrakväll",
        "Punkt ett <script>x</script>",  # literal text, never markup
        "Justeras:",
        "Vid protokollet:",
    ):
        assert expected in text
    assert text.index("§ 1") < text.index("Utbildningen") < text.index("§ 2")
    assert_accessible_a4(data, "SOS-möte i Tjörn")
    assert all(name.endswith(("DejaVuSans", "DejaVuSans-Bold")) for name, _ in pdf_fonts(data))
    assert problems_in(text_of(data, "pdf")) == []
    images = pdf_page_images(data)
    assert blank_pages(images) == [] and ink_outside(images, mm_to_px(5)) == []


def _fonts_of(data: bytes, needle: str) -> set[str]:
    """The fonts the PDF draws `needle` with (pypdf reports each text run's font)."""
    found: set[str] = set()

    def visit(text, _cm, _tm, font, _size):
        if font and needle in text:
            found.add(str(font["/BaseFont"]))

    for page in PdfReader(io.BytesIO(data)).pages:
        page.extract_text(visitor_text=visit)
    return found


def test_minutes_markdown_is_formatted_in_pdf_and_word(leader):
    mid = _create(leader, "Markdownmöte", datetime(2031, 9, 3, 13))
    notes = (
        "**Närvarande:** Åsa och Pär\n\n## Uppföljning\n\n- första *punkten*\n- andra"
        "\n\n1. ett\n2. två\n\n#set text(red) $x$ #import"
    )
    svc.save_minutes(leader, mid, notes, 1)
    data = minutes_export.pdf_bytes(mid)
    text = text_of(data, "pdf")
    assert "**" not in text and "##" not in text
    assert "Närvarande: Åsa och Pär" in " ".join(text.split())
    assert "#set text(red) $x$ #import" in text
    assert any(f.endswith("DejaVuSans-Bold") for f in _fonts_of(data, "Närvarande:"))
    assert any(f.endswith("DejaVuSans-Bold") for f in _fonts_of(data, "Uppföljning"))
    assert "• första punkten" in " ".join(text.split())
    doc = Document(io.BytesIO(minutes_export.docx_bytes(mid)))
    bold = [r.text for p in doc.paragraphs for r in p.runs if r.bold]
    assert "Närvarande:" in bold
    assert ("Heading 2", "Uppföljning") in [(p.style.name, p.text) for p in doc.paragraphs]
    styles = {p.text: p.style.name for p in doc.paragraphs}
    assert styles["första punkten"] == "List Bullet" and styles["1. ett"] == "List"
    assert "**" not in "\n".join(p.text for p in doc.paragraphs)


def test_minutes_without_organisation_or_notes_print_no_raw_values(leader):
    mid = _create(leader, "Tomt möte", datetime(2031, 10, 1, 9))
    lists.save_attendance(leader, mid, [{"name": "Utan Org", "present": True}])
    for data, kind in (
        (minutes_export.pdf_bytes(mid), "pdf"),
        (minutes_export.docx_bytes(mid), "docx"),
    ):
        text = text_of(data, kind)
        assert "Utan Org" in text and "Utan Org (" not in text
        assert problems_in(text) == []


def test_shared_font_helper_points_at_packaged_ttf():
    for bold in (False, True):
        path = font_path(bold)
        assert path.exists() and path.suffix == ".ttf"
        assert path.read_bytes()[:4] in (b"\x00\x01\x00\x00", b"true")
    assert font_path(bold=True).name == "DejaVuSans-Bold.ttf"


def test_attendance_chart_spec():
    import pandas as pd

    df = pd.DataFrame({"organisation": ["Polisen", "Skolan"], "count": [3, 1]})
    spec = attendance_by_org(df, "Närvaro 2031", "Antal", "Organisation").to_dict()
    assert spec["title"] == "Närvaro 2031"
    assert spec["encoding"]["x"]["field"] == "count"
    assert spec["encoding"]["x"]["title"] == "Antal"
    assert spec["encoding"]["y"]["field"] == "organisation"
    values = next(iter(spec["datasets"].values()))
    assert values == [
        {"organisation": "Polisen", "count": 3},
        {"organisation": "Skolan", "count": 1},
    ]
