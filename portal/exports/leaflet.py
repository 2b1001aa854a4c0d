"""The one-page PDF leaflet for families: the national line, 112, the coordinator and
the public directory entries, typeset by templates/leaflet.typ.

The template places as many entries as fit on the one page and counts the rest in its
last line, so the leaflet never runs onto a second page."""

from __future__ import annotations

from datetime import date

from portal import config
from portal.directory.api import public_page
from portal.exports.typeset import render_pdf
from portal.i18n import t

_MAX_LISTED = 40  # more than ever fit on the page (each entry takes at least 11 mm)


def _details(entry: dict) -> str:
    return " · ".join(
        str(v) for v in (entry["phone"], entry["email"], entry["url"], entry["hours"]) if v
    )


def leaflet_pdf(today: date | None = None) -> bytes:
    today = today or date.today()
    municipality = config.get("PORTAL_MUNICIPALITY")
    contact = config.get("PORTAL_COORDINATOR_CONTACT")
    entries = public_page(0, _MAX_LISTED)  # the rest is only counted, in SQL
    coordinator = t("support.leaflet_coordinator", municipality=municipality) + " "
    coordinator += (
        t("support.leaflet_contact", contact=contact)
        if contact
        else t("support.coordinator_switchboard")
    )
    data = {
        "title": t("support.leaflet_title"),
        "author": municipality,
        "intro": t("support.leaflet_intro"),
        "sections": [
            [t("support.leaflet_line_heading"), t("support.leaflet_line_body")],
            [t("support.leaflet_emergency_heading"), t("support.leaflet_emergency_body")],
            [t("support.coordinator_heading"), coordinator],
        ],
        "more_heading": t("support.leaflet_more_heading"),
        "entries": [{"name": str(e["name"]), "details": _details(e)} for e in entries.rows],
        "total": entries.total,
        "more_online": t("support.leaflet_more_online", n="{n}"),
        "footer": t("support.leaflet_footer", municipality=municipality, day=today.isoformat()),
    }
    return render_pdf("leaflet", data)
