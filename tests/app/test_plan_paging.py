"""The plan page a page at a time: 'Visar 1–25 av N', the pager, filters, search-then-pick,
and the overview's short lists with how many more there are."""

from __future__ import annotations

from portal.db.connection import transaction
from portal.plan._db import plans as plans_db
from tests.app.helpers import app_as, open_tab, page_as, seen, texts

EXTRA = 60


def _many_activities() -> None:
    """60 more open activities in the first dimension, all due long ago (overdue)."""
    plan = plans_db.current_plan()
    dim = int(plans_db.dimensions(plan["id"]).iloc[0]["id"])
    with transaction() as cur:
        for n in range(EXTRA):
            plans_db.insert_activity(
                cur,
                dim,
                {
                    "description": f"Extra aktivitet {n + 1:02d}",
                    "responsible_role": "process_leader",
                    "responsible_label": "Processledaren",
                    "due_month": "2020-01",
                },
                100 + n,
            )


def _first_dim_total() -> int:
    plan = plans_db.current_plan()
    acts = plans_db.activities(plan["id"])
    return int((acts["dimension_id"] == acts["dimension_id"].iloc[0]).sum())


def _table_rows(at, index: int = 0) -> list[str]:
    return list(at.dataframe[index].value.iloc[:, 0])


def test_pager_shows_which_rows_and_moves(demo_db):
    _many_activities()
    total = _first_dim_total()
    at = page_as("ledamot", "app_pages/plan.py")
    assert not at.exception
    assert f"Visar 1–25 av {total}" in texts(at)
    first_page = _table_rows(at)
    assert len(first_page) == 25
    next(b for b in at.button if b.key and b.key.endswith("_next")).click()
    at.run()
    assert f"Visar 26–50 av {total}" in texts(at)
    assert not set(_table_rows(at)) & set(first_page)
    next(b for b in at.button if b.key and b.key.endswith("_last")).click()
    at.run()
    assert f"Visar 51–{total} av {total}" in texts(at)
    assert next(b for b in at.button if b.key and b.key.endswith("_next")).disabled


def test_filter_and_search_narrow_the_list_and_the_picker(demo_db):
    _many_activities()
    at = page_as("processledare", "app_pages/plan.py")
    at.text_input(key="plan_filter_search").input("extra aktivitet 07")
    at.run()
    assert not at.exception
    assert _table_rows(at) == ["Extra aktivitet 07"]
    assert "Visar 1–1 av 1" in texts(at)
    at.selectbox(key="plan_filter_state").set_value("done")
    at.run()
    assert "Inga aktiviteter matchar urvalet." in texts(at)
    # the detail picker offers what the search finds, not every activity
    open_tab(at, "plan_tab", "Aktivitet i detalj")
    at.text_input(key="plan_activity_search").input("Extra aktivitet 4")
    at.run()
    options = at.selectbox(key="plan_activity").options
    assert len(options) == 10 and all("Extra aktivitet 4" in o for o in options)


def test_overview_lists_are_short_and_say_how_many_more(demo_db):
    _many_activities()
    at = app_as("processledare")
    assert not at.exception
    text = texts(at)
    assert "… och" in text and "till (" in text
    # my activities, overdue and stale: at most five rows each
    # Each list is one block: its heading, the rows, and how many more in small type.
    blocks = [seen(m.value) for m in at.markdown if "\n- **4." in seen(m.value)]
    assert [b.split("\n")[0] for b in blocks] == [
        "### Mina aktiviteter",
        "### Försenade aktiviteter",
        "### Inte uppdaterade på 90 dagar eller mer",
    ]
    lists = [[line for line in b.split("\n") if line.startswith("- **4.")] for b in blocks]
    assert [len(v) for v in lists] == [5, 5, 4]
    assert all(b.endswith(" i allt).]]") and ":small[:gray[… och " in b for b in blocks[:2])
    overdue = lists[1][0]  # the activity, its state, progress, due month and owner
    assert overdue.startswith("- **4.1** Extra aktivitet") and "Försenad" in overdue
    assert " % · Klart: 2020-01 · Processledaren" in overdue  # mine, overdue (60+ each), stale (4)
