"""The report as a flat list of blocks (headings, paragraphs, tables, images).

Word and PDF render the same outline, so both documents always say the same thing.
Every text in a block is plain text: renderers never interpret it as markup.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from io import BytesIO

from PIL import Image

from portal.i18n import t
from portal.i18n.formats import long_date, number
from portal.report.api import EMPTY, Report

# Activities updated during the year that the Word and PDF report show in full (a
# municipality's plan has some 40 activities); beyond it, the Excel appendix has them.
DETAIL_LIMIT = 100
# Rows a list in the Word and PDF report shows; a longer one is counted there and given
# in full in the Excel appendix (a national plan's 2,669 carried-over activities are a
# spreadsheet, not pages to read).
LIST_LIMIT = 100


@dataclass
class Block:
    kind: str  # cover, toc, pagebreak, h1, h2, h3, p, note, table, image
    text: str = ""
    rows: list[list[str]] = field(default_factory=list)
    headers: list[str] = field(default_factory=list)
    image: bytes = b""
    widths: list[int] = field(default_factory=list)  # relative column widths, if not equal


def image_size(png: bytes, max_w: float, max_h: float) -> tuple[float, float]:
    """The largest size within max_w x max_h that keeps the image's proportions."""
    with Image.open(BytesIO(png)) as img:
        px_w, px_h = img.size
    ratio = px_h / px_w if px_w else 1
    width = max_w
    if width * ratio > max_h:
        width = max_h / ratio
    return width, width * ratio


def _pct(value: float | None) -> str:
    return EMPTY if value is None else f"{value:.0f} %"


def _short(text: str, limit: int = 70) -> str:
    """A heading-sized start of a long activity text (the full text follows it)."""
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0].rstrip(",.;:") + " …"


def _num(value: float | None) -> str:
    if value is None:
        return EMPTY
    return f"{value:g}"


def _plan_line(cover: dict) -> str:
    title, period = cover["plan_title"], cover["period"]
    if period and period not in title:
        title = f"{title} {period}"
    return title or EMPTY


def outline(report: Report) -> list[Block]:
    c = report.content
    year = c["year"]
    cover = c["cover"]
    blocks = [
        Block("title", t("report.doc_title", year=year)),
        Block(
            "cover",
            t("report.doc_to"),
            widths=[30, 70],
            rows=[
                [t("report.cover_municipality"), cover["municipality"]],
                [t("report.cover_plan"), _plan_line(cover)],
                [t("report.cover_year"), str(year)],
                [t("report.cover_authors"), ", ".join(cover["authors"])],
                [t("report.cover_date"), cover["date"]],
            ],
        ),
        Block("pagebreak"),
        Block("toc", t("report.toc")),
        Block("pagebreak"),
    ]
    if c["empty"]:
        blocks += [
            Block("h1", t("report.summary")),
            Block("p", t("report.nothing_to_report", year=year)),
        ]
        return blocks
    blocks += _summary(c)
    blocks += _dimensions(c)
    blocks += _cooperation(c["cooperation"])
    blocks += _situation(c["situation"], report.charts)
    blocks += _signals(c["signals"])
    blocks += _carry_over(c)
    return blocks


def _summary(c: dict) -> list[Block]:
    s = c["summary"]
    out = [Block("h1", t("report.summary"))]
    if not s:
        return out + [Block("p", t("report.no_plan"))]
    out += [
        Block(
            "p",
            f"{t('report.overall_progress')}: {_pct(s['progress'])}. "
            f"{t('report.activities_count')}: {s['activities']}.",
        ),
        Block("h2", t("report.by_status")),
        Block(
            "table",
            headers=[t("report.status"), t("report.count")],
            rows=[[r["label"], str(r["count"])] for r in s["by_status"]],
        ),
        Block("h2", t("report.completed")),
    ]
    if not s["done"]:
        out.append(Block("p", t("report.none_completed")))
    else:
        out += _listed_or_counted(s["done"], _brief_table, t("report.completed"))
    out.append(Block("h2", t("report.late")))
    if not s["late"]:
        out.append(Block("p", t("report.none_late")))
    else:
        out += _listed_or_counted(s["late"], _brief_table, t("report.activities_sheet"))
    return out


def _listed_or_counted(
    items: list[dict], table: Callable[[list[dict]], Block], sheet: str
) -> list[Block]:
    """A list as a table, or, beyond LIST_LIMIT rows, its length and where it is in full."""
    if len(items) <= LIST_LIMIT:
        return [table(items)]
    return [Block("p", t("report.listed_in_appendix", count=number(len(items)), sheet=sheet))]


def _brief_table(items: list[dict]) -> Block:
    return Block(
        "table",
        headers=[
            t("report.number"),
            t("report.activity"),
            t("report.status"),
            t("report.progress"),
            t("report.due"),
            t("report.responsible"),
        ],
        rows=[
            [
                i["number"],
                i["description"],
                i["status_label"],
                str(i["progress"]),
                i["due"],
                i["responsible"],
            ]
            for i in items
        ],
        widths=[8, 44, 13, 10, 12, 16],
    )


def _indicators_note(c: dict) -> str:
    return t("report.indicators_as_of", date=long_date(date.fromisoformat(c["as_of"])))


def _dimensions(c: dict) -> list[Block]:
    """Each dimension: its goal and progress, every activity as one row of a compact
    table, then the activities updated during the year in full (comments, indicators).
    A plan with more than DETAIL_LIMIT updated activities leaves those details to the
    Excel appendix, which has every activity's comments and indicators: a national-scale
    plan in full was a 1,472-page document nobody reads, and took minutes to make."""
    changed = [a for d in c["dimensions"] for a in d["activities"] if a.get("changed", True)]
    detailed = len(changed) <= DETAIL_LIMIT
    out: list[Block] = []
    for dim in c["dimensions"]:
        out += [
            Block("h1", f"{dim['number']} {dim['name']}"),
            Block("p", f"{t('report.objective')}: {dim['objective']}"),
            Block("p", f"{t('report.dimension_progress')}: {_pct(dim['progress'])}"),
        ]
        if not dim["activities"]:
            out.append(Block("p", t("report.no_activities")))
            continue
        out.append(_brief_table([_listed(a) for a in dim["activities"]]))
        if not detailed:
            updated = sum(1 for a in dim["activities"] if a.get("changed", True))
            if updated:
                out.append(Block("note", t("report.details_in_appendix", count=number(updated))))
            continue
        for act in dim["activities"]:
            if act.get("changed", True):
                out += _activity(c, act)
    return out


def _listed(act: dict) -> dict:
    """An activity as a row of the compact list: an overdue one says so by its status."""
    if not act["overdue"]:
        return act
    return dict(act, status_label=f"{act['status_label']} ({t('report.overdue').lower()})")


def _activity(c: dict, act: dict) -> list[Block]:
    """One activity in full: its text, state, the year's comments and its indicators."""
    status = _listed(act)["status_label"]
    out = [
        Block("h2", f"{act['number']} {_short(act['description'])}"),
        Block("p", act["description"]),
        Block(
            "table",
            widths=[30, 70],
            rows=[
                [t("report.status"), status],
                [t("report.progress"), str(act["progress"])],
                [t("report.due"), act["due"]],
                [t("report.responsible"), act["responsible"]],
            ],
        ),
        Block("h3", t("report.comments")),
    ]
    if act["comments"]:
        out.append(
            Block(
                "table",
                headers=[t("report.date"), t("report.comments")],
                rows=[[x["date"], x["text"]] for x in act["comments"]],
                widths=[20, 80],
            )
        )
    else:
        out.append(Block("p", t("report.no_comments")))
    if act["indicators"]:
        out += [
            Block("h3", t("report.indicators")),
            Block("note", _indicators_note(c)),
            Block(
                "table",
                headers=[
                    t("report.indicator"),
                    t("report.unit"),
                    t("report.target"),
                    t("report.actual"),
                    t("report.actual_on"),
                ],
                rows=[
                    [
                        i["name"],
                        i["unit"],
                        _num(i["target"]),
                        _num(i["actual"]),
                        i["actual_on"] or EMPTY,
                    ]
                    for i in act["indicators"]
                ],
            ),
        ]
    return out


def _cooperation(coop: dict | None) -> list[Block]:
    out = [Block("h1", t("report.cooperation"))]
    if coop is None:
        return out + [Block("p", t("report.no_data_yet"))]
    out += [Block("p", f"{t('report.meetings_held')}: {coop['held']}")]
    if coop["by_type"]:
        out.append(
            Block(
                "table",
                headers=[t("report.meeting_type"), t("report.count")],
                rows=[[r["label"], str(r["count"])] for r in coop["by_type"]],
            )
        )
    if coop["attendance"]:
        out += [
            Block("h2", t("report.attendance")),
            Block(
                "table",
                headers=[t("report.organisation"), t("report.count")],
                rows=[[r["organisation"], str(r["count"])] for r in coop["attendance"]],
            ),
        ]
    if coop["decisions"]:
        out.append(Block("h2", t("report.decisions")))
        out += _listed_or_counted(coop["decisions"], _decisions_table, t("report.decisions"))
    if coop["open_actions"]:
        out.append(Block("h2", t("report.open_actions")))
        out += _listed_or_counted(coop["open_actions"], _actions_table, t("report.open_actions"))
    return out


def _decisions_table(decisions: list[dict]) -> Block:
    return Block(
        "table",
        headers=[t("report.date"), t("report.meeting"), t("report.number"), t("report.decision")],
        rows=[[r["date"], r["meeting"], r["number"], r["text"]] for r in decisions],
        widths=[15, 22, 8, 55],
    )


def _actions_table(actions: list[dict]) -> Block:
    return Block(
        "table",
        headers=[t("report.action"), t("report.owner"), t("report.due"), t("report.status")],
        rows=[[r["text"], r["owner"], r["due"], r["status"]] for r in actions],
        widths=[50, 20, 15, 15],
    )


def _situation(situ: dict | None, charts: list[tuple[str, bytes]]) -> list[Block]:
    out = [Block("h1", t("report.situation"))]
    if situ is None:
        return out + [Block("p", t("report.no_data_yet"))]
    status = (
        t(f"report.status_{situ['status']}")
        if situ["status"] in ("draft", "approved")
        else situ["status"]
    )
    line = f"{t('report.situation_status')}: {status}"
    if situ["approved_on"]:
        line += f". {t('report.approved_on')}: {situ['approved_on']}"
    if situ["made_with"]:
        line += f". {t('report.made_with')}: {situ['made_with']}"
    out.append(Block("p", line))
    for a in situ["assessments"]:
        out += [
            Block("h2", a["milieu"]),
            Block(
                "table",
                widths=[30, 70],
                rows=[
                    [t("report.level"), a["level"]],
                    [t("report.trend"), a["trend"]],
                    [t("report.sources_used"), a["sources_used"]],
                    [t("report.sources_not_used"), a["sources_not_used"]],
                ],
            ),
            Block("p", a["narrative"]),
        ]
    if situ["indicators"]:
        out += [
            Block("h2", t("report.situation_indicators")),
            Block(
                "table",
                headers=[t("report.milieu"), t("report.source"), t("report.count")],
                rows=[[r["milieu"], r["source"], r["count"]] for r in situ["indicators"]],
            ),
        ]
    for title, png in charts:
        out.append(Block("image", title, image=png))
    return out


def _signals(sig: dict | None) -> list[Block]:
    out = [Block("h1", t("report.signals"))]
    if sig is None:
        return out + [Block("p", t("report.no_data_yet"))]
    out += [
        Block("note", t("report.signals_note")),
        Block("p", f"{t('report.signals_total')}: {sig['total']}"),
    ]
    for key in ("by_milieu", "by_setting", "by_quarter"):
        if sig[key]:
            out += [
                Block("h2", t(f"report.{key}")),
                Block(
                    "table",
                    headers=[t("report.category"), t("report.count")],
                    rows=[[r["label"], r["count"]] for r in sig[key]],
                ),
            ]
    return out


def _carry_over(c: dict) -> list[Block]:
    out = [Block("h1", t("report.carry_over"))]
    if c["summary"] is None:
        return out + [Block("p", t("report.no_plan"))]
    if not c["carry_over"]:
        return out + [Block("p", t("report.none_carry_over"))]
    return out + _listed_or_counted(c["carry_over"], _brief_table, t("report.carry_over"))
