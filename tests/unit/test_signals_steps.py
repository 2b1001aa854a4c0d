"""The step machine after CVE's method: forward one step at a time, with details."""

import pytest

from portal.errors import ValidationError
from portal.signals._steps import STEPS, TRANSITIONS, check_transition, next_steps

ALLOWED = {
    ("new", "received"),
    ("received", "assessment"),
    ("assessment", "referred"),
    ("assessment", "closed"),
    ("referred", "closed"),
}


def _details(target):
    return {
        "referred_to": "police" if target == "referred" else None,
        "outcome": "no_concern" if target == "closed" else None,
    }


@pytest.mark.parametrize("current", STEPS)
@pytest.mark.parametrize("target", STEPS)
def test_every_pair(current, target):
    if (current, target) in ALLOWED:
        check_transition(current, target, **_details(target))
    else:
        with pytest.raises(ValidationError) as exc:
            check_transition(current, target, **_details(target))
        assert "step" in exc.value.problems


def test_transitions_match_the_table():
    assert {(c, n) for c, ns in TRANSITIONS.items() for n in ns} == ALLOWED
    assert next_steps("closed") == ()


def test_out_of_order_message_names_the_steps():
    with pytest.raises(ValidationError, match="Avslutad.*Mottagen"):
        check_transition("received", "closed", outcome="no_concern")


def test_referral_needs_a_recipient():
    with pytest.raises(ValidationError) as exc:
        check_transition("assessment", "referred")
    assert "referred_to" in exc.value.problems
    with pytest.raises(ValidationError):
        check_transition("assessment", "referred", referred_to="the neighbour")


def test_closing_needs_an_outcome():
    with pytest.raises(ValidationError) as exc:
        check_transition("referred", "closed")
    assert "outcome" in exc.value.problems


def test_unknown_step():
    with pytest.raises(ValidationError):
        check_transition("new", "archived")
