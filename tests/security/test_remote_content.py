"""No user text makes a viewer's browser load an image from another host.

Markdown images ("![t](http://host/b.png)", reference images) in a meeting's title,
minutes and agenda notes, in plan and situation tables: escaped or neutralised, so at
most a link remains, shown as a link.
"""

import re

import pandas as pd

from portal.admin._db import users as users_db
from portal.meetings import _agenda as lists, _core as meetings
from portal.meetings._db import meetings as meetings_db
from portal.ui.text import escape_md, user_markdown
from tests.app.helpers import app_as

PAGE = "app_pages/meetings.py"
EVIL = "![spår](http://evil.example/b.png)"
REF = "![spår][r]\n\n[r]: http://evil.example/c.png"
# An image in rendered Markdown: "![" not preceded by a backslash.
LIVE_IMAGE = re.compile(r"(?<!\\)!\[")


def test_user_markdown_keeps_formatting_and_drops_images():
    assert LIVE_IMAGE.search(user_markdown(EVIL)) is None
    assert LIVE_IMAGE.search(user_markdown(REF)) is None
    assert user_markdown("**Närvarande:** Kim") == "**Närvarande:** Kim"
    assert LIVE_IMAGE.search(escape_md(EVIL)) is None


def _element_texts(at) -> list[str]:
    kinds = ("title", "header", "subheader", "markdown", "caption")
    return [str(el.value) for kind in kinds for el in getattr(at, kind)]


def _hostile_meeting() -> int:
    leader = users_db.get_user("processledare")
    df = meetings_db.meetings("sos")
    mid = int(df[df["status"] == "planned"].iloc[0]["id"])
    m = meetings_db.meeting(mid)
    meetings.update_meeting(
        leader,
        mid,
        {**m, "title": f"Möte {EVIL}", "place": f"Sal {EVIL}"},
        int(m["version"]),
    )
    items = meetings_db.agenda(mid).to_dict("records")
    items[0] = {**items[0], "title": f"Punkt {EVIL}", "notes": f"Se {EVIL}\n\n{REF}"}
    lists.save_agenda(leader, mid, items)
    fresh = meetings_db.meeting(mid)
    meetings.save_minutes(leader, mid, f"Protokoll {EVIL}\n\n{REF}", int(fresh["minutes_version"]))
    return mid


def test_meeting_page_and_meeting_mode_show_no_image(demo_db):
    mid = _hostile_meeting()
    for mode in ("0", "1"):
        at = app_as("processledare", None)
        at.query_params["mote"] = str(mid)
        if mode == "1":
            at.query_params["lage"] = "1"
        at.switch_page(PAGE)
        at.run()
        assert not at.exception
        texts = _element_texts(at)
        assert any("evil" in t for t in texts), "the hostile text is shown"
        live = [t for t in texts if LIVE_IMAGE.search(t)]
        assert live == [], f"meeting mode {mode}: {live[:3]}"


def test_tables_escape_their_cells(monkeypatch):
    shown: list[pd.DataFrame] = []
    monkeypatch.setattr("portal.ui.text.st.table", lambda df, **_: shown.append(df))
    from portal.ui.text import table

    table(pd.DataFrame({"Indikator": [EVIL], "Antal": [3]}))
    cell = shown[0].iloc[0, 0]
    assert LIVE_IMAGE.search(cell) is None
    assert shown[0].iloc[0, 1] == 3
