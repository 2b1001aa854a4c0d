"""A user's digest: what is theirs to do, read through the features' façades.

- activities of the plan whose responsible role is the user's: overdue, due within
  DUE_SOON_DAYS, or stale (the plan's own rules: `plan_api.current_plan_view`);
- the user's open meeting action items, past due first;
- for directory editors, entries due for verification;
- for the coordinator, last year's situation picture still unapproved from
  PORTAL_SITUATION_REMIND_MONTH on.

A digest with nothing in it is not sent.
"""

from __future__ import annotations

from datetime import date, timedelta

import pandas as pd

from portal import auth, config
from portal.admin.api import User
from portal.directory import api as directory_api
from portal.i18n import t, tn
from portal.meetings import api as meetings_api
from portal.notify._mail import Item, Mail, Section, page_url
from portal.plan import api as plan_api
from portal.situation import api as situation_api

DUE_SOON_DAYS = 30
MAX_ITEMS = 15  # per section; the rest is "and N more" with the link


def period(frequency: str, day: date) -> str:
    """The digest's period: one ISO week (weekly) or one day (daily)."""
    if frequency == "daily":
        return day.isoformat()
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def _month(day: date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def _short(text: object, limit: int = 110) -> str:
    value = " ".join(str(text or "").split())
    return value if len(value) <= limit else value[: limit - 1] + "…"


def _section(heading: str, items: list[Item], lang: str) -> Section | None:
    if not items:
        return None
    more = ""
    if len(items) > MAX_ITEMS:
        more = t("notify.more", lang=lang, n=len(items) - MAX_ITEMS)
    return Section(heading, items[:MAX_ITEMS], more)


def _activity_item(row: pd.Series, lang: str, detail: str) -> Item:
    label = f"{row['dimension_number']} · {_short(row['description'])} ({detail})"
    return Item(label, page_url("/handlingsplan"))


def _due_text(row: pd.Series, lang: str) -> str:
    return t("notify.due", lang=lang, month=row["due_month"] or "")


def plan_sections(user: User, day: date, lang: str) -> list[Section]:
    view = plan_api.current_plan_view(day)
    if view is None:
        return []
    acts = view[2]
    mine = acts[(acts["responsible_role"] == user.role) & ~acts["status"].isin(plan_api.CLOSED)]
    soon_last = _month(day + timedelta(days=DUE_SOON_DAYS))
    overdue = mine[mine["overdue"]]
    due_month = mine["due_month"].fillna("")
    soon = mine[
        ~mine["overdue"]
        & ~mine["ongoing"].fillna(False).astype(bool)
        & (due_month >= _month(day))
        & (due_month <= soon_last)
    ]
    listed = set(overdue["id"]) | set(soon["id"])
    stale = mine[mine["stale"] & ~mine["id"].isin(listed)]
    days = plan_api.stale_days()
    found = [
        _section(
            t("notify.overdue_activities", lang=lang),
            [_activity_item(r, lang, _due_text(r, lang)) for _, r in overdue.iterrows()],
            lang,
        ),
        _section(
            tn("notify.soon_activities", DUE_SOON_DAYS, lang),
            [_activity_item(r, lang, _due_text(r, lang)) for _, r in soon.iterrows()],
            lang,
        ),
        _section(
            tn("notify.stale_activities", days, lang),
            [
                _activity_item(r, lang, tn("notify.not_updated", days, lang))
                for _, r in stale.iterrows()
            ],
            lang,
        ),
    ]
    return [s for s in found if s]


def action_sections(user: User, day: date, lang: str) -> list[Section]:
    rows = meetings_api.actions(open_only=True, owner=(user.username, user.name))
    past: list[Item] = []
    other: list[Item] = []
    for r in rows.to_dict("records"):
        due = meetings_api.as_date(r["due"])
        when = due.isoformat() if due else t("notify.no_due", lang=lang)
        item = Item(
            f"{_short(r['text'])} ({when}, {_short(r['meeting_title'], 60)})",
            page_url(f"/moten?mote={int(r['meeting_id'])}"),
        )
        (past if due is not None and due < day else other).append(item)
    found = [
        _section(t("notify.past_due_actions", lang=lang), past, lang),
        _section(t("notify.open_actions", lang=lang), other, lang),
    ]
    return [s for s in found if s]


def directory_sections(user: User, day: date, lang: str) -> list[Section]:
    if not auth.can(user.role, "directory.edit"):
        return []
    page = directory_api.stale_page(user.role, day, size=MAX_ITEMS)
    if not page.total:
        return []
    items = [Item(_short(r.get("name")), page_url("/stodkatalog")) for r in page.rows]
    more = ""
    if page.total > len(items):
        more = t("notify.more", lang=lang, n=page.total - len(items))
    return [Section(t("notify.verify_entries", lang=lang), items, more)]


def situation_sections(user: User, day: date, lang: str) -> list[Section]:
    if user.role != "coordinator":
        return []
    if day.month < config.get_int("PORTAL_SITUATION_REMIND_MONTH"):
        return []
    if not situation_api.is_overdue(day):
        return []
    item = Item(
        t("notify.situation_unapproved", lang=lang, year=day.year - 1), page_url("/lagesbild")
    )
    return [Section(t("notify.situation_heading", lang=lang), [item])]


def digest(user: User, day: date, frequency: str, lang: str) -> Mail | None:
    """The user's digest for the period containing `day`, or None when it is empty."""
    sections = [
        *plan_sections(user, day, lang),
        *action_sections(user, day, lang),
        *directory_sections(user, day, lang),
        *situation_sections(user, day, lang),
    ]
    if not sections:
        return None
    key = "notify.digest_daily" if frequency == "daily" else "notify.digest_weekly"
    return Mail(
        subject=t(key, lang=lang, period=period(frequency, day)),
        intro=t("notify.digest_intro", lang=lang, name=user.name),
        sections=sections,
        link=Item(t("notify.open_portal", lang=lang), page_url("/oversikt")),
        lang=lang,
    )
