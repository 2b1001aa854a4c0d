"""The directory's open HSDS 3.0 API: `/api/hsds/`, `/api/hsds/services` and
`/api/hsds/services/{id}` (the endpoints the HSDS API reference requires), described by
`/api/hsds/openapi.json` (the official HSDS description narrowed to these).

Only published entries (public and active) are served; any other id answers the same
404 as an id that does not exist. Bodies are kept per request until the directory
changes (keyed on its version, also sent as the ETag), and any site may read them
(CORS: GET from anywhere; it is open data).
"""

from __future__ import annotations

import hashlib
import json
import threading
from collections import OrderedDict
from collections.abc import Callable
from pathlib import Path
from typing import Any

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Mount, Route

from portal import config
from portal.directory import api as directory_api

HSDS_VERSION = "3.0"
PROFILE = "https://github.com/openreferral/specification/tree/3.0"  # base HSDS, no profile
OPENAPI = Path(__file__).parent / "data" / "hsds-openapi.json"  # official, CC BY-SA 4.0
IMPLEMENTED = ("/", "/services", "/services/{id}")
QUERY = ("search", "page", "per_page")  # the /services parameters served
PER_PAGE = 50  # default page size
MAX_PER_PAGE = 200
_MAX_CACHED = 512
_JSON = "application/json"

_cache: OrderedDict[tuple[Any, ...], tuple[int, bytes]] = OrderedDict()
_lock = threading.Lock()


class BadRequest(ValueError):
    """A query parameter that is not what the API reference describes."""


def _cached(key: tuple[Any, ...], build: Callable[[], tuple[int, Any]]) -> tuple[int, bytes, str]:
    """(status, body, etag) for `key` at the directory's current version."""
    # The file is part of the key: two databases (tests, a restore) may share a version.
    full = (str(config.db_path()), directory_api.directory_version(), *key)
    with _lock:
        hit = _cache.get(full)
        if hit is not None:
            _cache.move_to_end(full)
    if hit is None:
        status, data = build()
        hit = (status, json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode())
        with _lock:
            _cache[full] = hit
            while len(_cache) > _MAX_CACHED:
                _cache.popitem(last=False)
    etag = '"' + hashlib.sha256(repr(full).encode()).hexdigest()[:32] + '"'
    return hit[0], hit[1], etag


def _respond(
    request: Request, key: tuple[Any, ...], build: Callable[[], tuple[int, Any]]
) -> Response:
    status, body, etag = _cached(key, build)
    headers = {"Cache-Control": "public, no-cache"}
    if status != 200:
        # No ETag: a 404 must not tell one unpublished id from another.
        return Response(body, status_code=status, media_type=_JSON, headers=headers)
    headers["ETag"] = etag
    if request.headers.get("if-none-match") == etag:
        return Response(status_code=304, headers=headers)
    return Response(body, status_code=status, media_type=_JSON, headers=headers)


def _int(request: Request, name: str, default: int) -> int:
    raw = request.query_params.get(name, "").strip()
    if not raw:
        return default
    if not raw.isdigit() or int(raw) < 1:
        raise BadRequest(f"{name} must be a whole number from 1")
    return int(raw)


def _base(request: Request) -> str:
    return str(request.base_url).rstrip("/") + "/api/hsds"


def root(request: Request) -> Response:
    base = _base(request)
    info = {"version": HSDS_VERSION, "profile": PROFILE, "openapi_url": base + "/openapi.json"}
    return _respond(request, ("root", base), lambda: (200, info))


def description(base: str) -> dict[str, Any]:
    """The official HSDS OpenAPI description narrowed to what this API serves."""
    spec = json.loads(OPENAPI.read_text(encoding="utf-8"))
    licence = config.get("PORTAL_OPEN_DATA_LICENSE")
    spec["info"] = {
        "title": f"SOS-portalen: {config.get('PORTAL_MUNICIPALITY')}, HSDS API",
        "version": HSDS_VERSION,
        "description": "The public entries of the support directory as HSDS 3.0 (open "
        "data). Based on the HSDS 3.0 OpenAPI description by Open Referral (CC BY-SA 4.0).",
        "license": {"name": licence, "identifier": licence},
    }
    spec["servers"] = [{"url": base}]
    spec["paths"] = {p: v for p, v in spec["paths"].items() if p in IMPLEMENTED}
    listing = spec["paths"]["/services"]["get"]
    listing["parameters"] = [
        p for p in listing["parameters"] if p.get("$ref", "").rsplit("/", 1)[-1] in QUERY
    ]
    spec["components"]["parameters"] = {
        k: v for k, v in spec["components"]["parameters"].items() if k in QUERY
    }
    return spec


def openapi(request: Request) -> Response:
    base = _base(request)
    return _respond(request, ("openapi", base), lambda: (200, description(base)))


def page_of(search: str, page: int, per_page: int) -> dict[str, Any]:
    """One page of published services with the API reference's Page fields."""
    total, contents = directory_api.hsds_services_page(search, page, per_page)
    pages = (total + per_page - 1) // per_page
    return {
        "total_items": total,
        "total_pages": pages,
        "page_number": page,
        "size": len(contents),
        "first_page": page == 1,
        "last_page": page >= pages,
        "empty": not contents,
        "contents": contents,
    }


def services(request: Request) -> Response:
    try:
        page = _int(request, "page", 1)
        per_page = min(_int(request, "per_page", PER_PAGE), MAX_PER_PAGE)
    except BadRequest as exc:
        return Response(json.dumps({"detail": str(exc)}), 400, media_type=_JSON)
    search = " ".join(request.query_params.get("search", "").split())[:200]
    key = ("services", search, page, per_page)
    return _respond(request, key, lambda: (200, page_of(search, page, per_page)))


def service(request: Request) -> Response:
    entry_id = str(request.path_params["id"])[:100]

    def build() -> tuple[int, Any]:
        found = directory_api.hsds_service(entry_id)
        return (200, found) if found is not None else (404, {"detail": "Not Found"})

    return _respond(request, ("service", entry_id), build)


_api = Starlette(
    routes=[
        Route("/", root, methods=["GET"]),
        Route("/openapi.json", openapi, methods=["GET"]),
        Route("/services", services, methods=["GET"]),
        Route("/services/{id}", service, methods=["GET"]),
    ],
    middleware=[Middleware(CORSMiddleware, allow_origins=["*"], allow_methods=["GET"])],
)

# The root is /api/hsds/ (with its slash); /api/hsds alone is left to Streamlit.
ROUTES = [Mount("/api/hsds", app=_api)]
