"""Directory search, filters and result cards (shared by /stodkatalog and /stod).

Everything an entry holds was written by a user or an import: it is shown escaped
(portal.ui.text) or in widgets that render text literally, and links are built only from
validated phone numbers, e-mail addresses and http(s) URLs.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import streamlit as st

from portal.directory import api as dir_service, api as dir_views
from portal.directory.api import (
    CATEGORIES,
    TARGET_GROUPS,
    Page,
    label,
    mailto_href,
    tel_href,
    valid_url,
    word_spans,
)
from portal.i18n import t, tn
from portal.i18n.formats import long_date, number
from portal.ui import links, pager, widgets
from portal.ui.text import escape_md


def filters(role: str | None, editor: bool) -> dict[str, Any]:
    """The search box and filters; returns keyword arguments for dir_service.search."""
    options = dir_service.filter_options(role)
    links.seed_from_url("sok", "dir_query")
    query = widgets.helped(
        st.text_input, t("directory.search"), key="dir_query", help=t("directory.search_help")
    )
    with st.expander(
        t("directory.filter_category")
        + " · "
        + t("directory.filter_group")
        + " · "
        + t("directory.filter_language")
        + " · "
        + t("directory.filter_area")
    ):
        category = widgets.select(
            t("directory.filter_category"),
            [None, *CATEGORIES],
            format_func=lambda k: "–" if k is None else label("category", k),
            key="dir_category",
        )
        group = widgets.select(
            t("directory.filter_group"),
            [None, *TARGET_GROUPS],
            format_func=lambda k: "–" if k is None else label("group", k),
            key="dir_group",
        )
        language = widgets.select(
            t("directory.filter_language"),
            [None, *options["languages"]],
            format_func=lambda k: "–" if k is None else label("lang", k),
            key="dir_language",
        )
        area = widgets.select(
            t("directory.filter_area"),
            [None, *options["areas"]],
            format_func=lambda k: "–" if k is None else k,
            key="dir_area",
        )
        inactive = st.toggle(t("directory.show_inactive"), key="dir_inactive") if editor else False
    return dict(
        query=query,
        category=category,
        group=group,
        language=language,
        area=area,
        include_inactive=inactive,
    )


def search_section(role: str | None, editor: bool, internal_info: bool, today: date) -> None:
    """Search box, filters and one page of matching entries."""
    chosen = filters(role, editor)
    start = pager.requested("dir_results", tuple(sorted(chosen.items())))
    page = dir_views.results_page(role, start, **chosen)
    results(page, today, internal_info, "dir_results")


def public_list(today: date) -> None:
    """The public entries on /stod with a search box, a page of cards at a time."""
    query = widgets.helped(
        st.text_input,
        t("directory.public_search"),
        key="stod_query",
        help=t("directory.public_search_help"),
    )
    start = pager.requested("stod_entries", query.strip())
    page = dir_views.results_page(None, start, query=query)
    if not page.total:
        st.info(t("directory.public_no_results") if query.strip() else t("support.directory_empty"))
        return
    paged = page.has_previous or page.has_next
    if paged:
        st.caption(
            t(
                "support.showing",
                first=number(page.first),
                last=number(page.last),
                n=number(page.total),
            )
        )
    for entry in page.rows:
        card(entry, today)
    page_controls("stod_entries", page)
    if paged:
        st.caption(t("support.entries_hint"))


def results(page: Page, today: date, internal_info: bool, pager_key: str) -> None:
    """One page of result cards between the count ("Visar 1–20 av 15 000") and the pager."""
    summary(page)
    if not page.total:
        st.info(t("directory.no_results"))
    for entry in page.rows:
        card(entry, today, internal_info)
    page_controls(pager_key, page)


def summary(page: Page) -> None:
    """'Visar 1–20 av 15 000' (or the plain count when everything fits on one page)."""
    if page.total <= len(page.rows):
        st.caption(tn("directory.results", page.total))
    else:
        st.caption(
            t(
                "directory.showing",
                first=number(page.first),
                last=number(page.last),
                n=number(page.total),
            )
        )


def page_controls(key: str, page: Page) -> None:
    """The shared pager's buttons under a directory list (the count is said above it)."""
    pager.controls(key, page.total, page.offset, len(page.rows), page.size, caption=False)


def card(entry: dict[str, Any], today: date, internal_info: bool = False) -> None:
    """One entry as a bordered card: name, organisation and tags, description, contact
    links. Name to description are one Markdown block: a page holds ten cards, and every
    element costs the browser a render."""
    found = set(entry.get("matched") or ())
    tags = [label("category", c) for c in entry["categories"]]
    tags += [label("group", g) for g in entry["target_groups"]]
    blocks = [
        "**" + marked(entry["name"], found) + "**  \n"
        ":small[:gray[" + marked(" · ".join([entry["organization"], *tags]), found) + "]]"
    ]
    if internal_info:
        blocks.append(_badges(entry, today))
    if entry["description"]:
        paras = entry["description"].split("\n\n")
        blocks += [marked(p, found).replace("\n", "  \n") for p in paras]
    with st.container(border=True):
        st.markdown("\n\n".join(blocks))
        contact_links(entry)
        # A page of cards sends the details only of the card someone opens.
        widgets.expander(
            t("directory.details"),
            f"dir_details_{entry['id']}",
            lambda: details(entry, internal_info),
        )


def marked(text: str, found: set[str]) -> str:
    """`text` as escaped Markdown with the words a search matched highlighted.

    Every piece of `text` is escaped; only the highlight markup around a matched word
    (letters and digits only) is added, so user text never becomes markup.
    """
    if not found:
        return escape_md(text)
    out: list[str] = []
    end = 0
    for start, stop in word_spans(text):
        out.append(escape_md(text[end:start]))
        word = text[start:stop]
        if word.lower() in found:
            out.append(":orange-background[" + escape_md(word) + "]")
        else:
            out.append(escape_md(word))
        end = stop
    out.append(escape_md(text[end:]))
    return "".join(out)


def _badges(entry: dict[str, Any], today: date) -> str:
    badges = [(label("visibility", entry["visibility"]), "blue")]
    if entry["status"] != "active":
        badges.append((t("directory.inactive_badge"), "gray"))
    if dir_service.is_stale(entry, today):
        badges.append((t("directory.stale_badge"), "orange"))
    return " ".join(f":{colour}-badge[{escape_md(text)}]" for text, colour in badges)


def contact_links(entry: dict[str, Any]) -> None:
    """Click-to-call, e-mail and web links, only for values that pass validation."""
    key = entry["id"]
    tel = tel_href(entry["phone"])
    if tel:
        st.link_button(
            escape_md(t("directory.call", phone=entry["phone"])),
            tel,
            icon=":material/call:",
            key=f"tel-{key}",
        )
    mail = mailto_href(entry["email"])
    if mail:
        st.link_button(
            escape_md(t("directory.mail", email=entry["email"])),
            mail,
            icon=":material/mail:",
            key=f"mail-{key}",
        )
    if valid_url(entry["url"]):
        st.link_button(
            t("directory.website"), entry["url"], icon=":material/open_in_new:", key=f"web-{key}"
        )


def details(entry: dict[str, Any], internal_info: bool) -> None:
    """Every field of an entry, each value escaped."""
    rows = [
        ("organization", entry["organization"]),
        ("eligibility", entry["eligibility"]),
        ("cost", entry["cost"]),
        ("languages", ", ".join(label("lang", c) for c in entry["languages"])),
        ("target_groups", ", ".join(label("group", g) for g in entry["target_groups"])),
        ("phone", entry["phone"]),
        ("email", entry["email"]),
        ("url", entry["url"]),
        ("address", entry["address"]),
        ("service_area", entry["service_area"]),
        ("hours", entry["hours"] or t("directory.hours_unknown")),
        ("source", entry["source"]),
    ]
    lines = [f"**{t('directory.' + k)}:** {escape_md(v)}" for k, v in rows if v]
    st.markdown("  \n".join(lines))
    if entry["verified_on"]:
        st.caption(
            escape_md(
                t(
                    "directory.verified",
                    day=long_date(entry["verified_on"]),
                    by=entry["verified_by"] or "–",
                )
            )
        )
    else:
        st.caption(t("directory.never_verified"))
