"""Editing the plan itself and starting a new plan period."""

from datetime import date

import pytest

from portal.admin._db.users import get_user
from portal.db import audit
from portal.errors import PermissionDenied, StaleEdit, ValidationError
from portal.plan import (
    _core as plan_service,
    _edit as plan_edit,
    _period as plan_period,
    _structure as plan_structure,
)
from portal.plan._db import plans as plans_db


def _plan_and_acts():
    plan = plans_db.current_plan()
    return plan, plans_db.activities(plan["id"])


NEW = {
    "description": "Ny aktivitet",
    "responsible_role": "coordinator",
    "due_month": "2020-06",
    "ongoing": False,
    "weight": 2.0,
}


def test_add_edit_and_reorder(demo_db):
    plan, acts = _plan_and_acts()
    dim_id = int(acts.iloc[0]["dimension_id"])
    user = get_user("samordnare")
    new_id = plan_structure.add_activity(dim_id, NEW, user)
    act = plans_db.activity(new_id)
    assert act["position"] == 3 and act["weight"] == 2.0
    assert act["responsible_label"] == "Säkerhetssamordnare"
    v = plan_structure.edit_activity(
        new_id, act["version"], {"description": "Ändrad", "ongoing": True}, user
    )
    act = plans_db.activity(new_id)
    assert (act["description"], act["ongoing"], act["due_month"], act["version"]) == (
        "Ändrad",
        True,
        None,
        v,
    )
    plan_structure.move_activity(new_id, v, -1, user)
    order = list(plans_db.activities(plan["id"]).query("dimension_id == @dim_id")["id"])
    assert order.index(new_id) == 1
    with pytest.raises(StaleEdit):  # the move bumped the version
        plan_structure.edit_activity(new_id, v, {"description": "Igen"}, user)


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"description": "  "}, "description"),
        ({"description": "x" * 1001}, "description"),
        ({"due_month": "2018-12"}, "due_month"),  # before the plan's start (2019)
        ({"due_month": "2020-13"}, "due_month"),
        ({"responsible_role": "partner"}, "responsible_role"),
        ({"weight": 0}, "weight"),
    ],
)
def test_bad_activity_input(demo_db, fields, field):
    plan, acts = _plan_and_acts()
    dim_id = int(acts.iloc[0]["dimension_id"])
    with pytest.raises(ValidationError) as err:
        plan_structure.add_activity(dim_id, {**NEW, **fields}, get_user("admin"))
    assert field in err.value.problems
    assert len(plans_db.activities(plan["id"])) == 6


def test_cancel_goes_into_history(demo_db):
    _plan, acts = _plan_and_acts()
    act = acts.iloc[4]
    plan_structure.cancel_activity(
        int(act["id"]), int(act["version"]), "Ersätts", get_user("processledare")
    )
    hist = plans_db.activity_updates([int(act["id"])])
    assert hist.iloc[-1]["new_status"] == "cancelled"
    assert hist.iloc[-1]["comment"] == "Ersätts"


def test_delete_with_history_needs_confirmation_and_is_audited(demo_db):
    plan, acts = _plan_and_acts()
    act = plans_db.activity(int(acts.iloc[0]["id"]))
    user = get_user("processledare")
    with pytest.raises(ValidationError) as err:
        plan_structure.delete_activity(act["id"], act["version"], user)
    assert "confirm" in err.value.problems
    assert plans_db.activity(act["id"]) is not None
    plan_structure.delete_activity(act["id"], act["version"], user, confirmed=True)
    assert plans_db.activity(act["id"]) is None
    assert plans_db.activity_updates([act["id"]]).empty
    entry = audit.entries(entity="activity").iloc[0]
    assert entry["action"] == "delete"
    assert "Demokratiavsnitt" in entry["before_json"]  # the history is kept in the log


def test_delete_without_history_needs_no_confirmation(demo_db):
    _plan, acts = _plan_and_acts()
    act = acts.iloc[4]  # the demo gives activity 5 no updates
    plan_structure.delete_activity(int(act["id"]), int(act["version"]), get_user("admin"))
    assert plans_db.activity(int(act["id"])) is None


def test_edit_dimension_refuses_stale_text(demo_db):
    plan = plans_db.current_plan()
    dim = plans_db.dimensions(plan["id"]).iloc[0]
    user = get_user("processledare")
    plan_structure.edit_dimension(
        int(dim["id"]), dim["objective"], dim["description"], "Nytt mål", dim["description"], user
    )
    with pytest.raises(StaleEdit) as err:
        plan_structure.edit_dimension(
            int(dim["id"]),
            dim["objective"],
            dim["description"],
            "Annat mål",
            dim["description"],
            get_user("samordnare"),
        )
    assert err.value.changes["objective"]["now"] == "Nytt mål"
    assert plans_db.dimensions(plan["id"]).iloc[0]["objective"] == "Nytt mål"
    with pytest.raises(PermissionDenied):
        plan_structure.edit_dimension(
            int(dim["id"]), "Nytt mål", dim["description"], "x", "y", get_user("ledamot")
        )


def test_new_period_carries_over_open_activities(demo_db):
    old = plans_db.current_plan()
    old_acts = plans_db.activities(old["id"])
    user = get_user("processledare")
    first = int(old_acts.iloc[0]["id"])
    plan_edit.add_indicator(first, "Deltagare", "st", 50, user)
    defaults = plan_period.suggested(old)
    assert defaults["period_label"] == "2021-2022"
    assert defaults["title"] == "Handlingsplan mot våldsbejakande extremism 2021-2022"
    new_id = plan_period.start_new_period(
        old["id"], defaults["title"], "2021-2022", 2021, 2022, "2022-12", user
    )
    assert plans_db.current_plan()["id"] == new_id
    assert plans_db.plan_by_id(old["id"])["is_current"] is False
    assert len(plans_db.activities(old["id"])) == 6  # the old plan is untouched
    new_acts = plans_db.activities(new_id)
    assert len(new_acts) == 5  # the done one stays behind
    assert list(plans_db.dimensions(new_id)["key"]) == ["promote", "prevent", "hinder"]
    assert set(new_acts["predecessor_id"]) == set(old_acts[old_acts["status"] != "done"]["id"])
    carried = new_acts[new_acts["predecessor_id"] == first].iloc[0]
    assert (carried["status"], carried["progress"], carried["due_month"]) == (
        "in_progress",
        60,
        "2022-12",
    )
    assert new_acts[new_acts["ongoing"]]["due_month"].isna().all()
    # the history follows the activity back into the old period
    hist = plan_service.activity_history(int(carried["id"]))
    assert len(hist) == 2 and set(hist["activity_id"]) == {first}
    inds = plan_service.indicators_for_plan(new_id)
    # indicator definitions follow the carried-over activities (not the done one's)
    assert "Deltagare" in set(inds["name"])
    assert not any("Besök på hemsidans" in n for n in inds["name"])
    assert inds["actual"].isna().all()  # values belong to the old period


def test_new_period_bad_input(demo_db):
    old = plans_db.current_plan()
    user = get_user("admin")
    with pytest.raises(ValidationError) as err:
        plan_period.start_new_period(old["id"], "", "2019-2020", 2018, 2017, "2016-01", user)
    assert set(err.value.problems) == {
        "title",
        "period_label",
        "start_year",
        "end_year",
        "due_month",
    }
    assert len(plans_db.all_plans()) == 1
    with pytest.raises(PermissionDenied):
        plan_period.start_new_period(
            old["id"], "T", "2021-2022", 2021, 2022, "2022-12", get_user("ledamot")
        )


def test_annual_report_interface_filters_by_creation(demo_db):
    plan, _dims, acts = plan_service.current_plan_view(date(2020, 12, 31))
    assert "created_at" in acts.columns and "overdue" in acts.columns
