"""Paged directory reads: pages, counts, search-then-pick and the SQL list to check."""

from datetime import date, timedelta

import pytest

from portal.db import cache
from portal.db.connection import cursor
from portal.directory import _core as svc, _views as views


def _add(name: str, description: str = "", **extra) -> str:
    values = {
        "name": name,
        "organization": "Testorg",
        "description": description,
        "visibility": "public",
        **extra,
    }
    return svc.save("processledare", "process_leader", values)


def _ids(rows) -> list[str]:
    return [r["id"] for r in rows]


def _all_pages(read, size: int) -> list[dict]:
    """Every row of a paged read, page after page."""
    rows, offset = [], 0
    while True:
        page = read(offset, size)
        rows += page.rows
        if not page.has_next:
            return rows
        offset += size


@pytest.mark.parametrize(
    "offset,total,size,expected",
    [
        (0, 0, 20, 0),
        (-5, 100, 20, 0),
        (40, 100, 20, 40),
        (45, 100, 20, 40),
        (100, 100, 20, 80),
        (1000, 45, 20, 40),
        (20, 20, 20, 0),
        (20, 21, 20, 20),
    ],
)
def test_offsets_are_clamped_to_a_page_start(offset, total, size, expected):
    assert views.clamp_offset(offset, total, size) == expected


def test_pages_together_are_the_whole_search_in_order(db_path):
    for n in range(45):
        _add(f"Sidtest {n:02d}", "bläddringstest")
    first = views.results_page("member", 0, 20, "bläddringstest")
    assert (first.total, first.first, first.last, len(first.rows)) == (45, 1, 20, 20)
    assert not first.has_previous and first.has_next
    last = views.results_page("member", 40, 20, "bläddringstest")
    assert (last.first, last.last, last.has_next) == (41, 45, False)
    paged = _all_pages(lambda o, s: views.results_page("member", o, s, "bläddringstest"), 20)
    assert _ids(paged) == _ids(svc.search("member", "bläddringstest"))
    beyond = views.results_page("member", 500, 20, "bläddringstest")
    assert beyond.offset == 40 and beyond.first == 41  # past the end: the last page


ROLES = [None, "partner", "member", "admin"]
FILTERS = [
    {},
    {"query": "stöd"},
    {"category": "emergency"},
    {"group": "professionals"},
    {"language": "sv"},
    {"include_inactive": True},
]


def test_counts_and_first_page_match_the_full_search(demo_db):
    svc.set_active("p", "process_leader", svc.search("admin")[0]["id"], False)
    for role in ROLES:
        for filters in FILTERS:
            page = views.results_page(role, 0, 5, **filters)
            full = svc.search(role, **filters)
            assert page.total == len(full), (role, filters)
            assert _ids(page.rows) == _ids(full[:5]), (role, filters)
        assert views.active_count(role) == len(svc.search(role))


def test_public_page_holds_only_public_entries(demo_db):
    page = views.public_page(0, 100)
    assert page.total == len(svc.search(None)) and page.rows
    assert {e["visibility"] for e in page.rows} == {"public"}


def test_pick_offers_at_most_the_limit_and_counts_the_rest(db_path):
    for n in range(12):
        _add(f"Väljtest {n:02d}", "plocklista")
    gone = _add("Väljtest nedlagd", "plocklista")
    svc.set_active("processledare", "process_leader", gone, False)
    page = views.pick("process_leader", "plocklista", limit=5)
    assert len(page.rows) == 5 and page.total == 13  # inactive entries can be edited too
    assert views.pick("member", "plocklista", limit=50).total == 12  # not for non-editors
    assert views.pick("process_leader", "Väljtest nedlagd").total == 1


def test_pick_keeps_the_swedish_search_semantics(db_path):
    _add("Åskådarstöd", "test")
    _add("Askadarstöd", "test")
    # å/ä/ö and a/o find each other; the letters as typed come first
    assert [e["name"] for e in views.pick("admin", "ÅSKÅDAR").rows] == [
        "Åskådarstöd",
        "Askadarstöd",
    ]
    assert [e["name"] for e in views.pick("admin", "askadar").rows] == [
        "Askadarstöd",
        "Åskådarstöd",
    ]
    assert views.pick("admin", "%").total == 0 and views.pick("admin", "_").total == 0


def _old_stale_rule(role, today):
    """The rule as it was computed in Python before: every entry, then is_stale()."""
    rows = [e for e in svc.search(role) if svc.is_stale(e, today)]
    return sorted(rows, key=lambda e: (e["verified_on"] is not None, e["verified_on"] or date.min))


def _seed_verification_dates(today: date) -> None:
    edge = svc.cutoff(today)
    for n, day in enumerate(
        [
            None,
            edge,
            edge - timedelta(days=1),
            edge + timedelta(days=1),
            today,
            date(2020, 1, 1),
            None,
        ]
    ):
        entry_id = _add(f"Kontrolltest {n}", visibility=("public", "partners", "internal")[n % 3])
        if day:
            svc.mark_verified("p", "process_leader", entry_id, day)
    gone = _add("Kontrolltest inaktiv")
    svc.set_active("p", "process_leader", gone, False)  # inactive: never on the list


def test_sql_check_list_equals_the_old_rule(demo_db):
    today = date(2026, 11, 24)
    _seed_verification_dates(today)
    for role in ROLES:
        old = _old_stale_rule(role, today)
        paged = _all_pages(lambda o, s, r=role: views.stale_page(r, today, o, s), 3)
        assert sorted(_ids(paged)) == sorted(_ids(old)), role
        assert [e["verified_on"] for e in paged] == [e["verified_on"] for e in old], role
        assert views.stale_count(role, today) == len(old), role
        assert _ids(views.stale_page(role, today, 0, 10_000).rows) == _ids(paged), role
        names = {e["name"] for e in paged}
        assert "Kontrolltest inaktiv" not in names
        assert "Kontrolltest 1" not in names  # verified exactly on the cut-off: not stale
    assert views.stale_count("admin", today) > views.stale_count("partner", today)


def test_cached_reads_follow_a_committed_write(db_path):
    before = views.results_page("admin", 0, 20, "cachetest")
    assert before.total == 0
    _add("Cachetest", "cachetest")
    assert views.results_page("admin", 0, 20, "cachetest").total == 1
    entry_id = views.results_page("admin", 0, 20, "cachetest").rows[0]["id"]
    count = views.stale_count("admin")
    svc.mark_verified("p", "process_leader", entry_id)
    assert views.stale_count("admin") == count - 1


def test_a_raw_write_is_seen_after_invalidate(db_path):
    count = views.active_count("admin")
    with cursor() as cur:  # auto-committed, outside transaction(): the cache must be told
        cur.execute("UPDATE dir_entries SET status = 'inactive' WHERE name = ?", ["Orostelefonen"])
    cache.invalidate()
    assert views.active_count("admin") == count - 1


def test_handed_out_rows_cannot_change_the_cache(db_path):
    page = views.results_page("admin", 0, 5)
    page.rows[0]["name"] = "ändrad"
    assert views.results_page("admin", 0, 5).rows[0]["name"] != "ändrad"
