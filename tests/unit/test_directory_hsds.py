"""The directory as HSDS 3.0: the API's objects and pages, checked against the official
JSON schemas (tests/data/hsds), on a real demo database."""

from __future__ import annotations

from datetime import datetime

import pytest

from portal.db.connection import transaction
from portal.directory import _core as svc, _hours, api as dir_api
from portal.directory._seed import entry_uuid
from portal.web.hsds import page_of
from tests.hsds_schemas import errors, page_errors

PUBLIC = {
    "Orostelefonen",
    "CVE stödtelefon för yrkesverksamma",
    "Center mot våldsbejakande extremism (CVE)",
    "112 – vid akut fara",
    "Polisen 114 14",
    "[Demo] Öppen verksamhet för unga",
}
PARTNER_ID = entry_uuid("demo:foraldrastod")
INTERNAL_ID = entry_uuid("muni:socialtjansten")
CVE_LINE_ID = entry_uuid("cve-stodtelefon")


def test_every_published_service_is_a_valid_hsds_service(demo_db):
    published = dir_api.published_entries()
    assert {e["name"] for e in published} == PUBLIC
    for entry in published:
        service = dir_api.hsds_service(entry["id"])
        assert service is not None
        assert errors("service.json", service) == [], entry["name"]
        assert "visibility" not in str(service["attributes"])
        assert service["organization"]["description"] != service["organization"]["name"]


def test_the_check_can_fail(demo_db):
    service = dir_api.hsds_service(CVE_LINE_ID)
    service["last_modified"] = "2026-12-01T10:00:00"  # no time zone
    service["phones"][0]["id"] = "1"
    problems = errors("service.json", service)
    assert any("last_modified" in p for p in problems)
    assert any(p.startswith("phones/0/id") for p in problems)


@pytest.mark.parametrize(
    "entry_id", [PARTNER_ID, INTERNAL_ID, "00000000-0000-0000-0000-000000000000", "x' OR 1=1"]
)
def test_partner_internal_and_unknown_ids_find_nothing(demo_db, entry_id):
    assert dir_api.hsds_service(entry_id) is None


def test_an_inactive_public_entry_is_not_published(demo_db):
    svc.set_active("admin", "admin", CVE_LINE_ID, False)
    assert dir_api.hsds_service(CVE_LINE_ID) is None
    assert CVE_LINE_ID not in {e["id"] for e in dir_api.published_entries()}


def test_written_hours_become_weekly_openings(demo_db):
    service = dir_api.hsds_service(CVE_LINE_ID)
    assert service["schedules"] == [
        {
            "id": service["schedules"][0]["id"],
            "service_id": CVE_LINE_ID,
            "freq": "WEEKLY",
            "byday": "MO,TU,WE,TH,FR",
            "opens_at": "09:00:00",
            "closes_at": "15:00:00",
            "description": "Vardagar 09–15",
        }
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Vardagar 09–15", [(("MO", "TU", "WE", "TH", "FR"), "09:00:00", "15:00:00")]),
        (
            "Mån–tors 8.30–16, fre 8.30–12",
            [
                (("MO", "TU", "WE", "TH"), "08:30:00", "16:00:00"),
                (("FR",), "08:30:00", "12:00:00"),
            ],
        ),
        ("Lördag och söndag kl. 10–14", [(("SA", "SU"), "10:00:00", "14:00:00")]),
        ("Dygnet runt", [(_hours.DAYS, "00:00:00", "23:59:00")]),
        ("Ring och boka tid", None),
        ("Vardagar 15–09", None),
        ("Mån–tors 9–16, ibland fredagar", None),
    ],
)
def test_hours_parser(text, expected):
    found = _hours.parse(text)
    assert (found and [(o.days, o.opens, o.closes) for o in found]) == expected


def test_free_text_hours_stay_text(demo_db):
    entry = {**svc.get("admin", CVE_LINE_ID), "hours": "Ring och boka tid"}
    svc.save("admin", "admin", entry, CVE_LINE_ID, entry["version"])
    schedules = dir_api.hsds_service(CVE_LINE_ID)["schedules"]
    assert [(s["description"], "byday" in s) for s in schedules] == [("Ring och boka tid", False)]


def test_pages_follow_the_api_reference(demo_db):
    first, second = page_of("", 1, 4), page_of("", 2, 4)
    assert page_errors(first) == [] and page_errors(second) == []
    assert (first["total_items"], first["total_pages"], first["size"]) == (6, 2, 4)
    assert (first["first_page"], first["last_page"], first["empty"]) == (True, False, False)
    assert (second["size"], second["first_page"], second["last_page"]) == (2, False, True)
    names = [s["name"] for s in first["contents"] + second["contents"]]
    assert sorted(names) == sorted(PUBLIC)
    beyond = page_of("", 3, 4)
    assert (beyond["empty"], beyond["contents"], beyond["last_page"]) == (True, [], True)


def test_search_finds_what_people_type_and_only_public_entries(demo_db):
    # "anhöriga" is the target group's label; the partner entry for parents has it too
    found = page_of("anhöriga", 1, 10)
    assert [s["name"] for s in found["contents"]] == ["Orostelefonen"]
    assert page_of("föräldrar", 1, 10)["total_items"] == 0  # only a partner entry says it
    assert [s["name"] for s in page_of("stödtelefon", 1, 10)["contents"]][0] in PUBLIC


def test_ids_stay_the_same_and_last_modified_moves_with_an_edit(demo_db):
    before = dir_api.hsds_service(CVE_LINE_ID)
    version = dir_api.directory_version()
    with transaction() as cur:  # make the seeded rows older than the edit below
        cur.execute("UPDATE dir_entries SET updated_at = TIMESTAMP '2026-01-02 03:04:05'")
    entry = svc.get("admin", CVE_LINE_ID)
    svc.save("admin", "admin", {**entry, "cost": "Gratis"}, CVE_LINE_ID, entry["version"])
    after = dir_api.hsds_service(CVE_LINE_ID)
    assert dir_api.directory_version() != version
    assert after["id"] == before["id"]
    assert [p["id"] for p in after["phones"]] == [p["id"] for p in before["phones"]]
    assert after["fees_description"] == "Gratis"
    edited = datetime.fromisoformat(after["last_modified"])
    other = datetime.fromisoformat(dir_api.hsds_service(entry_uuid("112"))["last_modified"])
    assert other == datetime(2026, 1, 2, 3, 4, 5).astimezone()
    assert edited > other and edited.tzinfo is not None


def test_an_address_becomes_a_location_with_a_postal_address(demo_db):
    entry_id = entry_uuid("demo:ungdomsgard")
    entry = svc.get("admin", entry_id)
    values = {**entry, "address": "Strandvägen 3, 471 31 Skärhamn", "url": "https://tjorn.se"}
    svc.save("admin", "admin", values, entry_id, entry["version"])
    service = dir_api.hsds_service(entry_id)
    assert errors("service.json", service) == []
    places = {
        s["location"]["location_type"]: s["location"] for s in service["service_at_locations"]
    }
    assert places["virtual"]["url"] == "https://tjorn.se"
    (address,) = places["physical"]["addresses"]
    assert (address["address_1"], address["postal_code"], address["city"]) == (
        "Strandvägen 3",
        "471 31",
        "Skärhamn",
    )
    assert (address["state_province"], address["country"]) == ("Västra Götalands län", "SE")


def _get(handler, query: str = "", headers: dict[str, str] | None = None, **path_params):
    from starlette.requests import Request

    scope = {
        "type": "http",
        "method": "GET",
        "path": "/api/hsds/services",
        "query_string": query.encode(),
        "headers": [(k.lower().encode(), v.encode()) for k, v in (headers or {}).items()],
        "path_params": path_params,
        "server": ("127.0.0.1", 8501),
        "scheme": "http",
    }
    return handler(Request(scope))


def test_answers_are_kept_until_the_directory_changes(demo_db):
    from portal.web import hsds

    first = _get(hsds.service, id=CVE_LINE_ID)
    etag = first.headers["etag"]
    assert _get(hsds.service, id=CVE_LINE_ID).body == first.body
    assert _get(hsds.service, headers={"If-None-Match": etag}, id=CVE_LINE_ID).status_code == 304
    entry = svc.get("admin", CVE_LINE_ID)
    svc.save("admin", "admin", {**entry, "cost": "Gratis"}, CVE_LINE_ID, entry["version"])
    changed = _get(hsds.service, headers={"If-None-Match": etag}, id=CVE_LINE_ID)
    assert changed.status_code == 200 and changed.headers["etag"] != etag
    assert b"Gratis" in changed.body and b"Gratis" not in first.body
    assert _get(hsds.services, "per_page=x").status_code == 400
