"""Messages caused by a write: meeting invitations and cancellations, minutes when a
meeting is marked held, and the content-free alert that a signal awaits.

Each is found by looking at the current state (not by hooks in the other features), so
whatever was not sent right after the write (server stopped, SMTP down) is found again
by the next pass: the outbox decides what is new.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import partial
from typing import Any

import pandas as pd

from portal import config
from portal.admin.api import User
from portal.exports import meetings as meetings_export, minutes as minutes_export
from portal.i18n import get_lang, set_lang, t
from portal.meetings import api as meetings_api
from portal.notify._mail import Attachment, Item, Mail, Section, page_url, sender
from portal.signals import api as signals_api

MINUTES_DAYS = 30  # minutes go out for meetings held (ended) within this many days


@dataclass(frozen=True)
class Candidate:
    """A message that should exist: its key, its recipient and how to write it."""

    kind: str
    user: User
    subject_ref: str
    period: str
    lang: str
    make: Callable[[], Mail | None]


def _meeting_url(meeting_id: int) -> str:
    return page_url(f"/moten?mote={int(meeting_id)}")


def _when(m: dict[str, Any]) -> str:
    start, end = pd.Timestamp(m["starts_at"]), pd.Timestamp(m["ends_at"])
    return f"{start:%Y-%m-%d %H:%M}–{end:%H:%M}"


def invited_users(meeting_id: int, users: dict[str, User]) -> list[User]:
    """Invited attendees who are portal users (matched by username or display name)."""
    by_name = {u.name: u for u in users.values()}
    found: dict[str, User] = {}
    for row in meetings_api.attendees(meeting_id).to_dict("records"):
        if not row.get("invited"):
            continue
        name = str(row["name"])
        user = users.get(name) or by_name.get(name)
        if user:
            found[user.username] = user
    return list(found.values())


def invited_guests(meeting_id: int, users: dict[str, User]) -> list[User]:
    """Invited attendees who are not portal users but have an e-mail address. They get
    invitations (recipient "guest:<address>", in the portal's default language), not
    the minutes, which stay with the portal's users."""
    by_name = {u.name for u in users.values()}
    found: dict[str, User] = {}
    for row in meetings_api.attendees(meeting_id).to_dict("records"):
        name, email = str(row["name"]), str(row.get("email") or "").strip()
        if not row.get("invited") or not email or name in users or name in by_name:
            continue
        key = f"guest:{email.lower()}"
        found[key] = User(username=key, name=name, role=None, email=email)
    return list(found.values())


def _agenda(meeting_id: int) -> list[str]:
    return [
        f"{int(r['position'])}. {r['title']}"
        for r in meetings_api.agenda(meeting_id).to_dict("records")
    ]


def invitation(m: dict[str, Any], user: User, lang: str, removed: bool = False) -> Mail:
    """An invitation, a cancellation, or (removed) the cancellation for one person taken
    off the attendee list of a meeting that still takes place."""
    if removed:
        m = {**m, "status": "cancelled"}  # for this person's calendar the event is gone
    cancel = m["status"] == "cancelled"
    key = "uninvite" if removed else "cancel" if cancel else "invite"
    url = _meeting_url(m["id"])
    agenda = _agenda(m["id"])
    ics = meetings_export.invitation_bytes(m, sender(), user.email, agenda, url)
    facts = [Item(t("notify.when", lang=lang, when=_when(m)))]
    if m.get("place"):
        facts.append(Item(t("notify.where", lang=lang, place=m["place"])))
    if m.get("link"):
        facts.append(Item(t("notify.online", lang=lang), str(m["link"])))
    sections = [Section(t("notify.meeting_facts", lang=lang), facts)]
    if agenda and not cancel:
        sections.append(Section(t("notify.agenda", lang=lang), [Item(a) for a in agenda]))
    method = "CANCEL" if cancel else "REQUEST"
    return Mail(
        subject=t(f"notify.{key}_subject", lang=lang, title=m["title"], when=_when(m)),
        intro=t(f"notify.{key}_intro", lang=lang, title=m["title"]),
        sections=sections,
        link=Item(t("notify.open_meeting", lang=lang), url),
        lang=lang,
        attachments=[
            Attachment(
                "invitation.ics", "text", "calendar", ics, {"method": method, "charset": "utf-8"}
            )
        ],
        guest=user.role is None,
    )


def invitation_state(m: dict[str, Any]) -> str:
    """What an invitation tells: the meeting's time, place and status. A new one is sent
    when this differs from the last one the recipient got (moved in time or place,
    cancelled, moved back)."""
    start, end = pd.Timestamp(m["starts_at"]), pd.Timestamp(m["ends_at"])
    return f"{start:%Y-%m-%dT%H:%M}/{end:%Y-%m-%dT%H:%M}/{m['status']}/{m.get('place') or ''}"


def invitation_period(m: dict[str, Any]) -> str:
    """The outbox period: the state plus the SEQUENCE and the attendee list's version,
    unique for every version (someone taken off and put back is invited again)."""
    sequence = max(int(m.get("version") or 1) - 1, 0)
    return f"{invitation_state(m)}#{sequence}.{int(m.get('attendance_version') or 0)}"


def _minutes_mail(
    m: dict[str, Any], user: User, lang: str, pdf: Callable[[int, str], bytes]
) -> Mail:
    return minutes(m, user, lang, pdf(int(m["id"]), lang))


def minutes(m: dict[str, Any], user: User, lang: str, pdf: bytes) -> Mail:
    actions = meetings_api.actions(meeting_id=int(m["id"]))
    mine: list[Item] = []
    others: list[Item] = []
    for r in actions.to_dict("records"):
        due = meetings_api.as_date(r["due"])
        label = f"{r['text']} – {r['owner']}" + (f" ({due.isoformat()})" if due else "")
        is_mine = r.get("owner_username") == user.username or r["owner"] in (
            user.username,
            user.name,
        )
        (mine if is_mine else others).append(Item(label))
    sections = []
    if mine:
        sections.append(Section(t("notify.your_actions", lang=lang), mine))
    if others:
        sections.append(Section(t("notify.other_actions", lang=lang), others))
    name = f"protokoll-{int(m['id'])}.pdf" if lang == "sv" else f"minutes-{int(m['id'])}.pdf"
    return Mail(
        subject=t("notify.minutes_subject", lang=lang, title=m["title"], when=_when(m)),
        intro=t("notify.minutes_intro", lang=lang, title=m["title"]),
        sections=sections,
        link=Item(t("notify.open_meeting", lang=lang), _meeting_url(m["id"])),
        lang=lang,
        attachments=[Attachment(name, "application", "pdf", pdf)],
    )


def signal_alert(lang: str) -> Mail:
    """That a signal awaits, and where: nothing of the signal itself (not even its id in
    the text, nor its kind, urgency or setting)."""
    return Mail(
        subject=t("notify.signal_subject", lang=lang),
        intro=t("notify.signal_intro", lang=lang),
        sections=[],
        link=Item(t("notify.open_signals", lang=lang), page_url("/signaler")),
        lang=lang,
    )


class _MinutesPdfs:
    """Each meeting's minutes PDF rendered once per language within a pass."""

    def __init__(self) -> None:
        self._done: dict[tuple[int, str], bytes] = {}

    def __call__(self, meeting_id: int, lang: str) -> bytes:
        if (meeting_id, lang) not in self._done:
            old = get_lang()
            set_lang(lang)  # the PDF's headings follow the recipient's language
            try:
                self._done[(meeting_id, lang)] = minutes_export.pdf_bytes(meeting_id)
            finally:
                set_lang(old)
        return self._done[(meeting_id, lang)]


def _invitations(
    m: dict[str, Any],
    users: dict[str, User],
    lang_of: Callable[[User], str],
    last_told: dict[tuple[str, str], str],
) -> list[Candidate]:
    ref = f"meeting:{int(m['id'])}"
    state = invitation_state(m)
    found = []
    for user in invited_users(int(m["id"]), users) + invited_guests(int(m["id"]), users):
        told = last_told.get((user.username, ref))
        if told == state:
            continue  # already told this time and status (e.g. only the title changed)
        if m["status"] == "cancelled" and told is None:
            continue  # nobody is told of a cancellation they were never invited to
        lang = lang_of(user)
        make = partial(invitation, m, user, lang)
        found.append(Candidate("invitation", user, ref, invitation_period(m), lang, make))
    return found


def _removals(
    m: dict[str, Any],
    users: dict[str, User],
    lang_of: Callable[[User], str],
    told_here: dict[str, str],
) -> list[Candidate]:
    """A CANCEL for everyone told of this meeting who is no longer on its invited list,
    so the event leaves their calendar. `told_here`: recipient -> last state told."""
    invited = {u.username for u in invited_users(int(m["id"]), users)}
    invited |= {u.username for u in invited_guests(int(m["id"]), users)}
    found = []
    for recipient, told in sorted(told_here.items()):
        user = _told_user(recipient, users)
        if recipient in invited or _was_cancel(told) or user is None:
            continue
        lang = lang_of(user)
        make = partial(invitation, m, user, lang, True)
        period = invitation_period({**m, "status": "cancelled"})
        found.append(Candidate("invitation", user, f"meeting:{int(m['id'])}", period, lang, make))
    return found


def _was_cancel(state: str) -> bool:
    """Whether the last state told (`invitation_state`) was a cancellation."""
    return state.split("/")[2:3] == ["cancelled"]


def _told_user(recipient: str, users: dict[str, User]) -> User | None:
    """The person behind an outbox recipient: a portal user, or a guest address."""
    if recipient.startswith("guest:"):
        email = recipient.removeprefix("guest:")
        return User(username=recipient, name=email, role=None, email=email)
    return users.get(recipient)


def _minutes(
    m: dict[str, Any], users: dict[str, User], lang_of: Callable[[User], str], pdfs: _MinutesPdfs
) -> list[Candidate]:
    ref = f"meeting:{int(m['id'])}"
    found = []
    for user in _minutes_recipients(int(m["id"]), users):
        lang = lang_of(user)
        make = partial(_minutes_mail, m, user, lang, pdfs)
        found.append(Candidate("minutes", user, ref, "held", lang, make))
    return found


def meeting_candidates(
    now: datetime,
    users: dict[str, User],
    lang_of: Callable[[User], str],
    last_told: dict[tuple[str, str], str],
) -> list[Candidate]:
    """Invitations for upcoming meetings (cancellations only to those invited before),
    minutes for meetings held lately. `last_told`: (recipient, "meeting:<id>") -> the
    state (`invitation_state`) of the last invitation queued for them."""
    found: list[Candidate] = []
    pdfs = _MinutesPdfs()
    held_since = pd.Timestamp(now - timedelta(days=MINUTES_DAYS))
    told: dict[str, dict[str, str]] = {}
    for (recipient, ref), state in last_told.items():
        told.setdefault(ref, {})[recipient] = state
    for m in meetings_api.meetings().to_dict("records"):
        starts, ends = pd.Timestamp(m["starts_at"]), pd.Timestamp(m["ends_at"])
        if m["status"] in ("planned", "cancelled") and starts >= pd.Timestamp(now):
            found += _invitations(m, users, lang_of, last_told)
        if m["status"] == "planned" and starts >= pd.Timestamp(now):
            found += _removals(m, users, lang_of, told.get(f"meeting:{int(m['id'])}", {}))
        if m["status"] == "held" and ends >= held_since:
            found += _minutes(m, users, lang_of, pdfs)
    return found


def _minutes_recipients(meeting_id: int, users: dict[str, User]) -> list[User]:
    found = {u.username: u for u in invited_users(meeting_id, users)}
    by_name = {u.name: u for u in users.values()}
    for r in meetings_api.actions(meeting_id=meeting_id).to_dict("records"):
        user = users.get(str(r.get("owner_username") or "")) or by_name.get(str(r["owner"]))
        if user:
            found[user.username] = user
    return list(found.values())


def signal_candidates(users: dict[str, User], lang_of: Callable[[User], str]) -> list[Candidate]:
    receiver = config.get("PORTAL_SIGNAL_RECEIVER_ROLE")
    receivers = [u for u in users.values() if u.role == receiver]
    return [
        Candidate(
            "signal",
            user,
            f"signal:{signal_id}",
            "new",
            lang_of(user),
            partial(signal_alert, lang_of(user)),
        )
        for signal_id in signals_api.awaiting_ids()
        for user in receivers
    ]
