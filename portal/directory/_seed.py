"""Default directory entries from data/reference/directory-facts.md, plus demo rows.

Only facts found in the public sources are entered; every default carries its source and
the day the facts were gathered. The municipality's own services are internal entries
without contact details (those are the municipality's own and not known here): they are
never verified, so the page lists them as "to check" until a person fills them in.
Orostelefonen's opening hours differ between versions of its source page, so no hours
are entered for it.
"""

from __future__ import annotations

import json
import uuid
from datetime import date
from typing import Any

from portal import SEED_DIR, config
from portal.db.connection import Cursor
from portal.directory._db import directory as dir_db, search_index

FACTS_CHECKED_ON = date(2026, 11, 24)  # when directory-facts.md was compiled
FACTS_CHECKED_BY = "Källgenomgång (data/reference/directory-facts.md)"
DEMO_FILE = SEED_DIR / "demo" / "directory.json"
_NS = uuid.UUID("7b0f3c1e-5a7d-4c4e-9a51-3f0a2f6d9c10")  # stable ids for default rows

ORGANIZATIONS = {
    "rb": ("Rädda Barnen", "Driver Orostelefonen på uppdrag av CVE.", "https://www.raddabarnen.se"),
    "cve": (
        "Center mot våldsbejakande extremism (CVE)",
        "Nationellt centrum vid Brottsförebyggande rådet (Brå).",
        "https://www.cve.se",
    ),
    "police": ("Polisen", "", "https://polisen.se"),
    "sos": ("Nödnumret 112", "", ""),
}

DEFAULTS = [
    dict(
        key="orostelefonen",
        org="rb",
        name="Orostelefonen",
        description=(
            "Nationell stödtelefon för dig som är orolig för att någon i din närhet"
            " dras in i våldsbejakande extremism. Drivs av Rädda Barnen och"
            " finansieras av CVE. Du kan vara anonym."
        ),
        categories=["support_line", "counselling"],
        target_groups=["relatives", "young"],
        languages=["sv"],
        phone="020-100 200",
        email="orostelefonen@rb.se",
        service_area="Hela Sverige",
        visibility="public",
        cost="Kostnadsfritt",
        source="raddabarnen.se (Orostelefonen FAQ); öppettider ej verifierade",
    ),
    dict(
        key="cve-stodtelefon",
        org="cve",
        name="CVE stödtelefon för yrkesverksamma",
        description=(
            "Stödtelefon för yrkesverksamma, till exempel lärare och socialsekreterare,"
            " med frågor om våldsbejakande extremism."
        ),
        categories=["support_line", "knowledge"],
        target_groups=["professionals"],
        languages=["sv"],
        phone="08-527 44 290",
        hours="Vardagar 09–15",
        service_area="Hela Sverige",
        visibility="public",
        source="cve.se/stod/stodtelefon.html",
    ),
    dict(
        key="cve",
        org="cve",
        name="Center mot våldsbejakande extremism (CVE)",
        description=(
            "Stöd till kommuner med lägesbilder, handlingsplaner och hantering av oro."
            " Metodstöd i fem steg för att hantera oro: ta emot oron, gör en"
            " första bedömning, utred behoven, genomför insatsen, följ upp."
        ),
        categories=["knowledge"],
        target_groups=["professionals"],
        languages=["sv"],
        url="https://www.cve.se",
        service_area="Hela Sverige",
        visibility="public",
        source="cve.se (operativt stöd: hantera och utreda oro)",
    ),
    dict(
        key="112",
        org="sos",
        name="112 – vid akut fara",
        description="Ring 112 när det finns ett akut hot eller en fara.",
        categories=["emergency"],
        target_groups=["everyone"],
        phone="112",
        service_area="Hela Sverige",
        visibility="public",
        source="cve.se (”skolattack – frågor och svar”)",
    ),
    dict(
        key="polisen",
        org="police",
        name="Polisen 114 14",
        description="Polisens nummer när det inte är akut, till exempel för att lämna tips.",
        categories=["police"],
        target_groups=["everyone"],
        phone="114 14",
        url="https://polisen.se",
        service_area="Hela Sverige",
        visibility="public",
        source="polisen.se",
    ),
]

# The municipality's own services named in the seed plan; contact details left empty.
MUNICIPAL_SERVICES = [
    (
        "socialtjansten",
        "Socialtjänsten (individ- och familjeomsorg)",
        ["social_services"],
        ["relatives", "leaving", "young"],
    ),
    (
        "processledare",
        "Processledare för barn och unga",
        ["coordination"],
        ["young", "professionals"],
    ),
    (
        "sakerhetssamordnare",
        "Säkerhetssamordnare",
        ["coordination"],
        ["professionals", "relatives"],
    ),
    ("integration", "Integrationsenheten", ["integration"], ["everyone"]),
    ("elevhalsan", "Elevhälsan", ["school"], ["young", "relatives"]),
    ("fritid", "Fritid", ["leisure"], ["young"]),
]


def entry_uuid(key: str) -> str:
    return str(uuid.uuid5(_NS, key))


def load_default(cur: Cursor) -> None:
    if not dir_db.count_entries(cur):
        _load_default(cur)
    search_index.ensure(cur)


def _load_default(cur: Cursor) -> None:
    org_ids: dict[str, str] = {}
    for key, (name, description, website) in ORGANIZATIONS.items():
        org_ids[key] = entry_uuid("org:" + key)
        dir_db.insert_organization(cur, org_ids[key], name, description, website)
    for row in DEFAULTS:
        values: dict[str, Any] = {k: v for k, v in row.items() if k not in ("key", "org")}
        values.update(status="active", verified_on=FACTS_CHECKED_ON, verified_by=FACTS_CHECKED_BY)
        dir_db.insert_entry(
            cur, entry_uuid(str(row["key"])), org_ids[str(row["org"])], _complete(values), "system"
        )
    municipality = config.get("PORTAL_MUNICIPALITY")
    muni_id = entry_uuid("org:municipality")
    dir_db.insert_organization(cur, muni_id, municipality, "", "")
    for key, name, categories, groups in MUNICIPAL_SERVICES:
        values = dict(
            name=name,
            categories=categories,
            target_groups=groups,
            languages=["sv"],
            service_area=municipality,
            visibility="internal",
            status="active",
            source="Handlingsplanen (kontaktuppgifter saknas)",
            verified_on=None,
            verified_by="",
        )
        dir_db.insert_entry(cur, entry_uuid("muni:" + key), muni_id, _complete(values), "system")


def load_demo(cur: Cursor) -> None:
    """Demo entries, marked [Demo]; contact details are left empty on purpose."""
    demo = json.loads(DEMO_FILE.read_text(encoding="utf-8"))
    for row in demo["entries"]:
        entry_id = entry_uuid("demo:" + row["key"])
        if dir_db.get_entry(cur, entry_id):
            continue
        org_id = dir_db.organization_id(cur, row["organization"])
        values = {k: v for k, v in row.items() if k not in ("key", "organization")}
        if values.get("verified_on"):
            values["verified_on"] = date.fromisoformat(values["verified_on"])
        dir_db.insert_entry(cur, entry_id, org_id, _complete(values), "system")


def _complete(values: dict[str, Any]) -> dict[str, Any]:
    """Every entry field present, empty where not given."""
    out: dict[str, Any] = {f: "" for f in dir_db.ENTRY_FIELDS}
    out.update(languages=[], target_groups=[], categories=[], verified_on=None, status="active")
    out.update(values)
    return out
