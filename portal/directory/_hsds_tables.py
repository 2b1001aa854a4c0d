"""The HSDS tabular files of a set of entries: one list of rows per resource, built
from the same objects the API answers with (portal/directory/_hsds.py)."""

from __future__ import annotations

from portal import config
from portal.directory._hsds import (
    Row,
    attributes,
    contacts,
    derived_id,
    languages,
    organization,
    phones,
    schedules,
    service,
    service_areas,
    service_at_locations,
    taxonomy,
    timestamp,
)


def _flat(row: Row) -> Row:
    """A row for its CSV file: nested objects are files of their own."""
    return {k: v for k, v in row.items() if not isinstance(v, (dict, list))}


def tables(entries: list[Row], with_visibility: bool) -> dict[str, list[Row]]:
    """HSDS rows per resource name (the descriptor's names) for `entries`."""
    out: dict[str, list[Row]] = {}

    def add(name: str, rows: list[Row]) -> None:
        out.setdefault(name, []).extend(_flat(r) for r in rows)

    names: dict[str, list[str]] = {}
    for entry in entries:
        names.setdefault(entry["organization_id"], []).append(entry["name"])
    orgs: dict[str, Row] = {}
    terms: dict[str, Row] = {}
    for entry in entries:
        orgs.setdefault(
            entry["organization_id"], organization(entry, names[entry["organization_id"]])
        )
        add("service", [service(entry)])
        add("phone", phones(entry))
        add("contact", contacts(entry))
        add("schedule", schedules(entry))
        add("service_area", service_areas(entry))
        add("language", languages(entry))
        sals = service_at_locations(entry)
        add("service_at_location", sals)
        add("location", [s["location"] for s in sals])
        add("address", [a for s in sals for a in s["location"]["addresses"]])
        attrs = attributes(entry, with_visibility)
        add("attribute", attrs)
        for attr in attrs:
            terms.setdefault(attr["taxonomy_term_id"], attr["taxonomy_term"])
        add("metadata", [metadata(entry)])
    add("organization", list(orgs.values()))
    add("taxonomy_term", list(terms.values()))
    add("taxonomy", [taxonomy()] if terms else [])
    return out


def metadata(entry: Row) -> Row:
    """When the service was created and last changed. Who changed it is given as the
    publisher (the municipality), not as a member of staff."""
    created, updated = timestamp(entry.get("created_at")), timestamp(entry.get("updated_at"))
    changed = entry.get("updated_at")
    return {
        "id": derived_id(entry["id"], "metadata"),
        "resource_id": entry["id"],
        "resource_type": "service",
        "last_action_date": changed.date().isoformat() if changed else None,
        "last_action_type": "update" if int(entry.get("version") or 1) > 1 else "create",
        "field_name": "last_modified",
        "previous_value": created,
        "replacement_value": updated,
        "updated_by": config.get("PORTAL_MUNICIPALITY"),
    }
