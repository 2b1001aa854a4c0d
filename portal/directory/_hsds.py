"""Directory entries as HSDS 3.0 objects: the one mapping behind the open API and the
tabular export, so both publish the same ids and the same values.

Every object of an entry gets a UUID derived from the entry's own id (uuid5), so ids stay
the same across edits, exports and API calls. Values the data does not hold are left out
(the schemas type them as strings, so an absent value is never sent as null).
"""

from __future__ import annotations

import re
import uuid
from datetime import date, datetime
from typing import Any

from portal import config
from portal.directory import _hours
from portal.i18n import t

Row = dict[str, Any]
_NS = uuid.UUID("0f8a4a52-3a44-4b8c-8d3e-6f1f3d0c2b77")  # derived ids (phones, terms, ...)
TAXONOMY = "sos-portalen"
TAXONOMY_ID = str(uuid.uuid5(_NS, "taxonomy/sos-portalen"))
LANG = "sv"  # open data is published in the portal's default language
# Vocabularies published as service attributes; visibility only in an internal export.
_KINDS = (("category", "categories"), ("group", "target_groups"))
_ADDRESS = re.compile(r"^(?P<street>.+?),\s*(?P<postal>\d{3}\s?\d{2})\s+(?P<city>[^,\d]+)$")


def derived_id(*parts: str) -> str:
    return str(uuid.uuid5(_NS, "/".join(parts)))


def term_id(kind: str, key: str) -> str:
    return derived_id("term", kind, key)


def label(kind: str, key: str) -> str:
    text = t(f"directory.{kind}.{key}", LANG)
    return key if text == f"directory.{kind}.{key}" else text


def _clean(row: Row) -> Row:
    """The row without empty values (HSDS types them as strings: absent, never null)."""
    return {k: v for k, v in row.items() if v is not None and v != ""}


def timestamp(value: datetime | None) -> str | None:
    """An RFC 3339 date-time with its offset. DuckDB stores `current_timestamp` in a
    TIMESTAMP column as the server's local wall time, so it is read as local time."""
    if value is None:
        return None
    return value.astimezone().isoformat(timespec="seconds")


def organization(entry: Row, services: list[str]) -> Row:
    """The organisation of `entry`; its description is its own, or the services it
    offers in this directory (HSDS requires one, and repeating the name says nothing)."""
    own = (entry.get("organization_description") or "").strip()
    offered = t("directory.hsds.offers", LANG, services=", ".join(sorted(services)))
    return _clean(
        {
            "id": entry["organization_id"],
            "name": entry["organization"],
            "description": own or offered,
            "website": entry.get("organization_website"),
        }
    )


def service(entry: Row) -> Row:
    """The service's own fields (what /services lists and services.csv holds)."""
    verified = entry.get("verified_on")
    return _clean(
        {
            "id": entry["id"],
            "organization_id": entry["organization_id"],
            "name": entry["name"],
            "description": entry.get("description"),
            "url": entry.get("url"),
            "email": entry.get("email"),
            "status": entry["status"],
            "fees_description": entry.get("cost"),
            "eligibility_description": entry.get("eligibility"),
            "assured_date": verified.isoformat() if isinstance(verified, date) else None,
            "last_modified": timestamp(entry.get("updated_at")),
        }
    )


def phones(entry: Row) -> list[Row]:
    if not entry.get("phone"):
        return []
    sid = entry["id"]
    return [
        {
            "id": derived_id(sid, "phone"),
            "service_id": sid,
            "contact_id": derived_id(sid, "contact"),
            "number": entry["phone"],
            "type": "voice",
        }
    ]


def contacts(entry: Row) -> list[Row]:
    """One contact for the service when it can be reached (its e-mail; its phone is
    linked to the contact by contact_id)."""
    if not (entry.get("email") or entry.get("phone")):
        return []
    sid = entry["id"]
    row = {
        "id": derived_id(sid, "contact"),
        "service_id": sid,
        "name": entry["name"],
        "department": entry.get("organization"),
        "email": entry.get("email"),
    }
    return [_clean(row)]


def schedules(entry: Row) -> list[Row]:
    """Weekly openings when the written hours can be read, else the text alone."""
    text = (entry.get("hours") or "").strip()
    if not text:
        return []
    sid = entry["id"]
    openings = _hours.parse(text)
    if not openings:
        return [{"id": derived_id(sid, "hours"), "service_id": sid, "description": text}]
    return [
        {
            "id": derived_id(sid, "hours", str(n)),
            "service_id": sid,
            "freq": "WEEKLY",
            "byday": ",".join(o.days),
            "opens_at": o.opens,
            "closes_at": o.closes,
            "description": o.text,
        }
        for n, o in enumerate(openings)
    ]


def service_areas(entry: Row) -> list[Row]:
    if not entry.get("service_area"):
        return []
    sid = entry["id"]
    return [{"id": derived_id(sid, "area"), "service_id": sid, "name": entry["service_area"]}]


def languages(entry: Row) -> list[Row]:
    sid = entry["id"]
    return [
        {"id": derived_id(sid, "lang", code), "service_id": sid, "name": label("lang", code)}
        | {"code": code}
        for code in entry.get("languages") or []
    ]


def address(entry: Row, location_id: str) -> list[Row]:
    """The postal address when the text reads "street, NNN NN city" and the service is
    local (its county is then the municipality's, which HSDS requires)."""
    match = _ADDRESS.match(" ".join((entry.get("address") or "").split()))
    area = entry.get("service_area") or ""
    if not match or area not in ("", config.get("PORTAL_MUNICIPALITY")):
        return []
    return [
        {
            "id": derived_id(entry["id"], "address"),
            "location_id": location_id,
            "address_1": match["street"].strip(),
            "city": match["city"].strip(),
            "state_province": config.get("PORTAL_REGION"),
            "postal_code": match["postal"],
            "country": "SE",
            "address_type": "physical",
        }
    ]


def locations(entry: Row) -> list[Row]:
    """Where the service is: a physical place (its address) and/or its web site."""
    sid = entry["id"]
    found = []
    if entry.get("address"):
        loc = derived_id(sid, "location")
        found.append(
            {
                "id": loc,
                "location_type": "physical",
                "organization_id": entry["organization_id"],
                "name": entry["name"],
                "description": entry["address"],
                "addresses": address(entry, loc),
            }
        )
    if entry.get("url"):
        found.append(
            {
                "id": derived_id(sid, "web"),
                "location_type": "virtual",
                "organization_id": entry["organization_id"],
                "name": entry["name"],
                "url": entry["url"],
                "addresses": [],
            }
        )
    return found


def service_at_locations(entry: Row) -> list[Row]:
    sid = entry["id"]
    return [
        {
            "id": derived_id(sid, "sal", loc["location_type"]),
            "service_id": sid,
            "location_id": loc["id"],
            "location": loc,
        }
        for loc in locations(entry)
    ]


def taxonomy_term(kind: str, key: str) -> Row:
    return {
        "id": term_id(kind, key),
        "code": f"{kind}:{key}",
        "name": label(kind, key),
        "description": t(f"directory.hsds.term.{kind}", LANG, label=label(kind, key)),
        "taxonomy": TAXONOMY,
        "language": LANG,
        "taxonomy_id": TAXONOMY_ID,
    }


def attributes(entry: Row, with_visibility: bool) -> list[Row]:
    """Categories and target groups (and, internally, visibility) as taxonomy terms."""
    sid = entry["id"]
    kinds = [(kind, list(entry.get(field) or [])) for kind, field in _KINDS]
    if with_visibility:
        kinds.append(("visibility", [entry["visibility"]]))
    return [
        {
            "id": derived_id(sid, "attr", kind, key),
            "link_id": sid,
            "taxonomy_term_id": term_id(kind, key),
            "link_type": kind,
            "link_entity": "service",
            "taxonomy_term": taxonomy_term(kind, key),
        }
        for kind, keys in kinds
        for key in keys
    ]


def taxonomy() -> Row:
    return {
        "id": TAXONOMY_ID,
        "name": "SOS-portalen",
        "description": t("directory.hsds.taxonomy", LANG),
        "uri": f"urn:uuid:{TAXONOMY_ID}",
    }


def full_service(entry: Row, services_of_org: list[str]) -> Row:
    """A service with everything it holds, as GET /services/{id} answers."""
    return {
        **service(entry),
        "organization": organization(entry, services_of_org),
        "phones": phones(entry),
        "contacts": contacts(entry),
        "schedules": schedules(entry),
        "service_areas": service_areas(entry),
        "languages": languages(entry),
        "service_at_locations": service_at_locations(entry),
        "attributes": attributes(entry, with_visibility=False),
    }


def list_item(entry: Row, services_of_org: list[str]) -> Row:
    """A service as /services lists it: its own fields and its organisation."""
    return {**service(entry), "organization": organization(entry, services_of_org)}
