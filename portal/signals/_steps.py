"""The signal routine's vocabulary and its step machine, after CVE's method support.

A reported concern is `new` until the receiving function acknowledges it. From there it
moves forward one step at a time:

    new -> received -> assessment -> referred -> closed
                                 \\-----------------> closed

Closing straight after the preliminary assessment is allowed (the assessment may find
no ground for concern, or that it is already handled); every other jump, and every
step backwards, is refused. Labels live in the catalogs under signals.<vocabulary>.<key>.
"""

from __future__ import annotations

from portal.errors import ValidationError
from portal.i18n import t

KINDS = ("symbols", "statements", "recruitment", "threats", "travel", "online", "relative", "other")
URGENCIES = ("low", "soon", "urgent")
STEPS = ("new", "received", "assessment", "referred", "closed")
REFERRED_TO = ("social_services", "police", "school", "other")
OUTCOMES = ("no_concern", "handed_over", "support_given", "monitoring", "other")

TRANSITIONS: dict[str, tuple[str, ...]] = {
    "new": ("received",),
    "received": ("assessment",),
    "assessment": ("referred", "closed"),
    "referred": ("closed",),
    "closed": (),
}
OPEN_STEPS = tuple(s for s in STEPS if s != "closed")


def next_steps(current: str) -> tuple[str, ...]:
    """The steps a signal at `current` may move to."""
    return TRANSITIONS.get(current, ())


def check_transition(
    current: str, target: str, referred_to: str | None = None, outcome: str | None = None
) -> None:
    """Raise ValidationError unless `current -> target` is a permitted step with the
    details that step needs (to whom it was referred; the outcome when closing)."""
    if target not in STEPS:
        raise ValidationError(t("signals.errors.unknown_step"), {"step": target})
    if target not in next_steps(current):
        message = t(
            "signals.errors.out_of_order",
            current=t(f"signals.steps.{current}"),
            target=t(f"signals.steps.{target}"),
        )
        raise ValidationError(message, {"step": message})
    if target == "referred" and referred_to not in REFERRED_TO:
        message = t("signals.errors.referred_to_required")
        raise ValidationError(message, {"referred_to": message})
    if target == "closed" and outcome not in OUTCOMES:
        message = t("signals.errors.outcome_required")
        raise ValidationError(message, {"outcome": message})


def step_label(step: str) -> str:
    return t(f"signals.steps.{step}")
