"""The import template: the import's columns and one realistic example row, written as
Swedish Excel reads a CSV file best (UTF-8 with BOM, semicolon between cells). Values
are the labels people see in the UI's language (the import takes labels or keys)."""

from __future__ import annotations

import csv
import io

from portal.directory._import import COLUMNS
from portal.directory._vocab import label


def example_row() -> dict[str, str]:
    """One entry as a person would fill it in (the id is left empty: a new entry)."""
    return {
        "id": "",
        "organization": "Tjörns kommun",
        "name": "Samtalsstöd för anhöriga",
        "description": "Samtal för dig som är orolig för en närstående. Du får vara anonym.",
        "status": label("status", "active"),
        "categories": label("category", "counselling"),
        "target_groups": "; ".join(label("group", g) for g in ("relatives", "professionals")),
        "languages": "sv; en",
        "phone": "0304-60 10 00",
        "email": "stod@example.se",
        "url": "https://www.example.se/stod",
        "address": "Kyrkvägen 1, 471 80 Skärhamn",
        "service_area": "Tjörn",
        "hours": "Mån–fre 08.00–16.00",
        "eligibility": "Boende i kommunen",
        "cost": "Kostnadsfritt",
        "visibility": label("visibility", "internal"),
        "source": "Kommunens webbplats",
        "verified_on": "2026-01-15",
        "verified_by": "Anna Andersson",
    }


def import_template() -> bytes:
    """The template CSV's bytes."""
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=list(COLUMNS), delimiter=";", lineterminator="\r\n")
    writer.writeheader()
    writer.writerow(example_row())
    return ("\ufeff" + buf.getvalue()).encode("utf-8")
