"""The directory as open data: what the HSDS API answers and the export writes.

Published means public and active, exactly what a visitor sees on /stod; partner,
internal and inactive entries are never published, and asking for one by id finds
nothing, like asking for an id that does not exist.
"""

from __future__ import annotations

from typing import Any

from portal.directory import _hsds, _hsds_tables
from portal.directory._views import published_entries, published_entry, published_page


def _services_by_organization(entries: list[dict[str, Any]]) -> dict[str, list[str]]:
    names: dict[str, list[str]] = {}
    for entry in entries:
        names.setdefault(entry["organization_id"], []).append(entry["name"])
    return names


def hsds_service(entry_id: str) -> dict[str, Any] | None:
    """The published service `entry_id` with everything it holds, or None."""
    entry = published_entry(entry_id)
    if entry is None:
        return None
    names = _services_by_organization(published_entries())
    return _hsds.full_service(entry, names.get(entry["organization_id"], [entry["name"]]))


def hsds_services_page(query: str, page: int, per_page: int) -> tuple[int, list[dict[str, Any]]]:
    """The number of published services matching `query` and the `page`th (from 1)
    `per_page` of them, as HSDS list items."""
    total, rows = published_page(query, (page - 1) * per_page, per_page)
    names = _services_by_organization(published_entries())
    # (a write between the two reads: an organisation lists at least its own service)
    return total, [_hsds.list_item(e, names.get(e["organization_id"], [e["name"]])) for e in rows]


def hsds_tables(
    entries: list[dict[str, Any]], with_visibility: bool
) -> dict[str, list[dict[str, Any]]]:
    """HSDS rows per resource for `entries` (the export's files)."""
    return _hsds_tables.tables(entries, with_visibility)
