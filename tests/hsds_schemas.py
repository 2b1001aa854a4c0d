"""The official HSDS 3.0 JSON schemas (tests/data/hsds, CC BY-SA 4.0, Open Referral) as
jsonschema validators, with the formats the schemas use checked strictly.

jsonschema checks "date-time" and "uri" only when optional packages are installed; the
checks below do it without them: a date-time must be RFC 3339 with its offset, a uri must
have a scheme, a uuid must parse.
"""

from __future__ import annotations

import json
import re
import uuid
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

SCHEMAS = Path(__file__).parent / "data" / "hsds" / "schema"
_RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$")

FORMATS = FormatChecker()


@FORMATS.checks("date-time", raises=ValueError)
def _date_time(value: object) -> bool:
    if not isinstance(value, str):
        return True
    if not _RFC3339.match(value):
        return False
    return datetime.fromisoformat(value.replace("Z", "+00:00")).tzinfo is not None


@FORMATS.checks("uri")
def _uri(value: object) -> bool:
    if not isinstance(value, str):
        return True
    parts = urlsplit(value)
    return bool(parts.scheme) and bool(parts.netloc or parts.path) and " " not in value


@FORMATS.checks("uuid", raises=ValueError)
def _uuid(value: object) -> bool:
    return not isinstance(value, str) or bool(uuid.UUID(value))


def load(name: str) -> dict[str, Any]:
    return json.loads((SCHEMAS / name).read_text(encoding="utf-8"))


@cache
def _registry() -> Registry:
    resources = [
        (path.name, Resource.from_contents(load(path.name), default_specification=DRAFT202012))
        for path in SCHEMAS.glob("*.json")
    ]
    return Registry().with_resources(resources)


def validator(name: str) -> Draft202012Validator:
    """A validator for schema file `name` (e.g. "service.json", "compiled/service_list.json")."""
    return Draft202012Validator(load(name), registry=_registry(), format_checker=FORMATS)


def errors(name: str, instance: Any) -> list[str]:
    """Every way `instance` breaks schema `name`, as readable lines (empty when valid)."""
    found = validator(name).iter_errors(instance)
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in found]


def page_errors(body: dict[str, Any]) -> list[str]:
    """A page of services: the API's Page envelope and each item as a listed service."""
    page = load("openapi.json")["components"]["schemas"]["Page"]
    problems = [
        f"page: {e.message}"
        for e in Draft202012Validator(page, format_checker=FORMATS).iter_errors(body)
    ]
    missing = [k for k in page["properties"] if k not in body]
    problems += [f"page: no {k}" for k in missing]
    for n, item in enumerate(body.get("contents", [])):
        problems += [f"contents/{n}/{p}" for p in errors("compiled/service_list.json", item)]
    return problems
