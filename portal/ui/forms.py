"""The one way a form saves: run the façade call, then show what happened.

A failed save is kept in session state and shown at the form (`errors`) and at each
field (`field_error`) on the rerun, so the message sits next to what must be fixed.
Every message is shown as plain text: an error may quote what the user typed.
A successful save stores a confirmation that `flash` shows once, at the top of the page.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, TypeVar

import streamlit as st

from portal.actor import Actor
from portal.errors import PortalError, StaleEdit, ValidationError
from portal.i18n import t
from portal.ui import session
from portal.ui.text import escape_md

T = TypeVar("T")
FLASH = "form_flash"

# How a stale refusal names a changed field: (field, value) -> text shown to the user.
ShowChange = Callable[[str, Any], str]


def submit(
    form: str,
    action: Callable[[], T],
    success: str | None,
    *,
    reset: tuple[str, ...] = (),
    rerun: bool = True,
    on_success: Callable[[T], None] | None = None,
    keep: Mapping[str, str] | None = None,
) -> T | None:
    """Run `action` for `form`; remember its outcome and (by default) rerun the page.

    `reset` names session keys to forget afterwards (form values and the version the
    form was based on), both after a save and after a stale refusal, so the form shows
    what is now stored. `keep` names text the user typed ({label: text}): after a stale
    refusal it is shown beside the stored values, to copy, so nothing typed is lost.
    `on_success` sees the action's result before the rerun.
    Returns the result (only reached with rerun=False), or None after an error.
    """
    st.session_state.pop(_key(form), None)
    try:
        result = action()
    except ValidationError as exc:
        st.session_state[_key(form)] = {"message": str(exc), "problems": exc.problems}
    except StaleEdit as exc:
        st.session_state[_key(form)] = {
            "message": str(exc),
            "changes": exc.changes,
            "hint": True,
            "kept": {label: text for label, text in (keep or {}).items() if text.strip()},
        }
        _forget(reset)
    except PortalError as exc:
        st.session_state[_key(form)] = {"message": str(exc)}
    else:
        if success:
            st.session_state[FLASH] = success
        _forget(reset)
        if on_success is not None:
            on_success(result)
        if rerun:
            st.rerun()
        return result
    if rerun:
        st.rerun()
    return None


def _forget(keys: tuple[str, ...]) -> None:
    for key in keys:
        st.session_state.pop(key, None)


def _key(form: str) -> str:
    return f"{form}__outcome"


def failed(form: str) -> bool:
    """Whether the last save of `form` was refused (its message is still to be shown)."""
    return bool(st.session_state.get(_key(form)))


def on_submit(
    form: str,
    action: Callable[[], object],
    success: str,
    *,
    actor: Actor,
    reset: tuple[str, ...] = (),
    keep: Callable[[], Mapping[str, str]] | None = None,
) -> Callable[[], None]:
    """`submit` as a form button's `on_click`: Streamlit runs it before the script, so a
    save is one run of the page (the saved values and the confirmation) instead of a run
    to save and another to show it. `action` and `keep` read the form's values from
    session state, where the widgets' keys put them before the callback runs.

    The callback runs before the page's guard, so it checks `actor`'s session itself and
    saves nothing for a session that has ended or a role that has changed."""

    def callback() -> None:
        if not session.still_valid(actor):
            return  # the run that follows ends the session or shows the new role
        submit(form, action, success, reset=reset, rerun=False, keep=keep() if keep else None)

    return callback


def flash() -> None:
    """The confirmation of the last save, once."""
    message = st.session_state.pop(FLASH, None)
    if message:
        st.success(escape_md(message), icon=":material/check_circle:")


def errors(form: str, show_change: ShowChange | None = None) -> None:
    """The general message of a failed save; for a stale save, what changed (each field
    named by `show_change`) and that the form now shows the stored values."""
    outcome = st.session_state.get(_key(form))
    if not outcome:
        return
    st.error(escape_md(outcome["message"]), icon=":material/error:")
    problems: Mapping[str, Any] = outcome.get("problems") or {}
    general = [p for where, p in problems.items() if where in ("", "form", "entry")]
    rows = [f"{where}: {p}" for where, p in problems.items() if where.isdigit()]
    for line in [*general, *rows]:
        if str(line) != outcome["message"]:
            st.error(escape_md(str(line)))
    changes: Mapping[str, Any] = outcome.get("changes") or {}
    if show_change is not None:
        lines = [
            show_change(name, c)
            for name, c in changes.items()
            if not name.startswith("_") and isinstance(c, dict) and "seen" in c
        ]
        if lines:
            st.markdown("\n".join(f"- {escape_md(line)}" for line in lines))
    if outcome.get("hint"):
        st.info(t("common.reload_hint"))
    for label, text in (outcome.get("kept") or {}).items():
        st.caption(t("common.your_text", field=label))
        st.code(text, language=None, wrap_lines=True)  # shown literally, with a copy button


def field_error(form: str, field: str) -> None:
    """The message for one field of a failed save, under that field."""
    outcome = st.session_state.get(_key(form)) or {}
    message = (outcome.get("problems") or {}).get(field)
    if message:
        st.error(escape_md(str(message)), icon=":material/error:")


def show_error(exc: PortalError, field_label: Callable[[str], str] | None = None) -> None:
    """An error shown at once (for actions that are not forms), with one line per bad
    field or row, as plain text. `field_label` names a field in the user's language."""
    st.error(escape_md(str(exc)), icon=":material/error:")
    if isinstance(exc, ValidationError):
        for where, problem in exc.problems.items():
            if str(problem) == str(exc):
                continue
            if where.isdigit():
                line = f"{where}: {problem}"
            elif field_label is not None and where not in ("", "form", "entry"):
                line = f"{field_label(where)}: {problem}"
            else:
                line = str(problem)
            st.error(escape_md(line))
