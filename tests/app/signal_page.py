"""The signals page in AppTest: shared by the page's test modules."""

from datetime import date

from portal.db.connection import cursor
from portal.signals import _core as svc
from tests.app.helpers import open_tab

PAGE = "app_pages/signals.py"


def on(at, label):
    """Open the tab `label` (only the open tab runs)."""
    return open_tab(at, "signals_tab", label)


def button(at, label):
    return next(b for b in at.button if b.label == label)


def submit_report(at, description):
    at.text_area[0].input(description)
    button(at, "Skicka anmälan").click()
    at.run()
    return at


def signal_count():
    with cursor() as cur:
        return cur.execute("SELECT count(*) FROM signals").fetchone()[0]


def member_reports(description: str, **fields: str) -> int:
    """A report by the demo member, through the service, as the form would make it;
    `fields` overrides setting, milieu, kind or urgency."""
    chosen = {"setting": "school", "milieu": "other", "kind": "online", "urgency": "low"}
    chosen.update(fields)
    return svc.report(
        "ledamot", "member", observed_on=date.today(), description=description, **chosen
    )
