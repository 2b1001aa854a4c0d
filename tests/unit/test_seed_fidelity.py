"""The loaded plan must say exactly what the municipality's seed document says.

The expected values are parsed here from the seed text itself, independently of the
JSON file the loader reads.
"""

import re

from portal import SEED_DIR
from portal.db.connection import cursor
from portal.plan._db import plans as plans_db

SEED_TEXT = (SEED_DIR / "handlingsplan-vbe-2019-2020.txt").read_text(encoding="utf-8")


def _seed_activities() -> list[tuple[str, str, str, str]]:
    """(dimension number, description, due, responsible) in document order."""
    found = []
    for block in re.split(r"\n(?=4\.\d\.1 Aktiviteter:)", SEED_TEXT.split("\n4 Åtgärder\n", 1)[1]):
        head = re.match(r"4\.(\d)\.1 Aktiviteter:", block)
        if not head:
            continue
        body = block.split("\n", 1)[1]
        body = re.split(r"\n4\.\d ", body)[0]
        paras = [p.strip() for p in body.split("\n\n") if p.strip()]
        for i in range(0, len(paras), 3):
            desc, due, resp = paras[i : i + 3]
            found.append(
                (
                    f"4.{head.group(1)}",
                    desc,
                    due.removeprefix("Klart: "),
                    resp.removeprefix("Ansvarig: "),
                )
            )
    return found


def test_seed_text_has_six_activities():
    acts = _seed_activities()
    assert len(acts) == 6
    assert [a[2] for a in acts] == [
        "2020-12",
        "2019-12",
        "2020-12",
        "Fortlöpande",
        "2020-12",
        "2020-12",
    ]


def test_loaded_activities_match_seed_text(db_path):
    plan = plans_db.current_plan()
    acts = plans_db.activities(plan["id"])
    loaded = [
        (
            r.dimension_number,
            r.description,
            "Fortlöpande" if r.ongoing else r.due_month,
            r.responsible_label,
        )
        for r in acts.itertuples()
    ]
    assert loaded == _seed_activities()


def test_plan_header_matches_seed(db_path):
    plan = plans_db.current_plan()
    assert plan["title"] == "Handlingsplan mot våldsbejakande extremism 2019-2020"
    assert "Handlingsplan mot våldsbejakande extremism 2019-2020" in SEED_TEXT
    assert plan["adopted_by"] == "Kommunstyrelsen"
    assert plan["adopted_on"].isoformat() == "2019-05-02"
    assert plan["adoption_ref"] == "§ 97"
    assert "Fastställd/Upprättad KS 2019-05-02, § 97" in SEED_TEXT
    assert plan["valid_through"] == "2020"


def test_dimensions_objectives_and_descriptions_match_seed(db_path):
    dims = plans_db.dimensions(plans_db.current_plan()["id"])
    assert list(dims["key"]) == ["promote", "prevent", "hinder"]
    assert list(dims["number"]) == ["4.1", "4.2", "4.3"]
    for row in dims.itertuples():
        assert f"\n{row.number} {row.name}\n" in SEED_TEXT
        assert f"Målsättning: {row.objective}" in SEED_TEXT
        for para in row.description.split("\n\n"):
            assert para in SEED_TEXT


def test_organisation_and_2017_situation_sections(db_path):
    sections = plans_db.plan_sections(plans_db.current_plan()["id"])
    by_number = {r.number: r for r in sections.itertuples()}
    assert by_number["2.1"].body.startswith("Säkerhetssamordnaren utses som samordnare")
    assert "processledaren för barn och unga" in by_number["2.2"].body
    assert "årligen till kommunledningsgruppen" in by_number["2.3"].body
    assert by_number["3.1"].body.startswith(
        "I dagsläget anses det inte finnas någon våldsbejakande extremism på Tjörn."
    )
    for row in sections.itertuples():
        assert row.body.split("\n\n")[0] in SEED_TEXT


def test_default_has_no_demo_data(db_path):
    with cursor() as cur:
        assert cur.execute("SELECT count(*) FROM users").fetchone()[0] == 0
        assert cur.execute("SELECT count(*) FROM activity_updates").fetchone()[0] == 0
        assert cur.execute("SELECT count(*) FROM meta WHERE key = 'demo'").fetchone()[0] == 0


def test_demo_adds_marked_demo_users_and_is_idempotent(demo_db):
    from portal.setup import init_database

    init_database(demo=True)
    with cursor() as cur:
        users = cur.execute("SELECT username, role, is_demo FROM users ORDER BY username")
        assert users.fetchall() == [
            ("admin", "admin", True),
            ("ledamot", "member", True),
            ("partner", "partner", True),
            ("processledare", "process_leader", True),
            ("samordnare", "coordinator", True),
        ]
        comments = [r[0] for r in cur.execute("SELECT comment FROM activity_updates").fetchall()]
    assert comments and all(c.startswith("[Demo]") for c in comments)
    assert len(plans_db.all_plans()) == 1
