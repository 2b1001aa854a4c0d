"""The one-page PDF leaflet for families: the national line, 112, the coordinator and
the public directory entries. Built with fpdf2 and a Unicode TrueType font."""

from __future__ import annotations

from datetime import date

from fpdf import FPDF

from portal import config
from portal.directory.api import public_page
from portal.exports.fonts import font_path
from portal.i18n import t

_BOTTOM = 270  # mm: entries that would pass this line are left out to keep one page
_MAX_LISTED = 40  # more than ever fit above _BOTTOM (each takes at least 11 mm)


def leaflet_pdf(today: date | None = None) -> bytes:
    today = today or date.today()
    municipality = config.get("PORTAL_MUNICIPALITY")
    contact = config.get("PORTAL_COORDINATOR_CONTACT")
    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(False)
    pdf.set_margins(18, 16, 18)
    pdf.add_font("DejaVu", "", str(font_path()))
    pdf.add_font("DejaVu", "B", str(font_path(bold=True)))
    pdf.set_title(t("support.leaflet_title"))
    pdf.add_page()
    width = pdf.w - pdf.l_margin - pdf.r_margin

    def para(text: str, size: float = 10.5, style: str = "", gap: float = 1.5) -> None:
        pdf.set_font("DejaVu", style, size)
        pdf.multi_cell(width, size * 0.5, text, align="L", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(gap)

    para(t("support.leaflet_title"), 18, "B", 2)
    para(t("support.leaflet_intro"), 11, "", 4)
    para(t("support.leaflet_line_heading"), 13, "B", 1)
    para(t("support.leaflet_line_body"), 11, "", 4)
    para(t("support.leaflet_emergency_heading"), 13, "B", 1)
    para(t("support.leaflet_emergency_body"), 11, "", 4)
    para(t("support.coordinator_heading"), 13, "B", 1)
    para(
        t("support.leaflet_coordinator", municipality=municipality)
        + " "
        + (
            t("support.leaflet_contact", contact=contact)
            if contact
            else t("support.coordinator_switchboard")
        ),
        11,
        "",
        4,
    )
    para(t("support.leaflet_more_heading"), 13, "B", 1)
    entries = public_page(0, _MAX_LISTED)  # the rest is only counted, in SQL
    shown = 0
    for entry in entries.rows:
        if pdf.get_y() + 11 > _BOTTOM:
            break
        details = [v for v in (entry["phone"], entry["email"], entry["url"], entry["hours"]) if v]
        para(entry["name"], 10.5, "B", 0)
        if details:
            para(" · ".join(details), 10, "", 2)
        else:
            pdf.ln(2)
        shown += 1
    left_out = entries.total - shown
    if left_out:
        para(t("support.leaflet_more_online", n=left_out), 9, "", 1)
    pdf.set_y(_BOTTOM + 6)
    para(t("support.leaflet_footer", municipality=municipality, day=today.isoformat()), 8)
    return bytes(pdf.output())
