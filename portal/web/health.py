"""`GET /healthz`: for the municipality's monitoring. No login, nothing sensitive.

200 {"status": "ok", "schema": "NNN_name"} when the database answers and every migration
is applied; 503 {"status": "unavailable"} otherwise (locked by another process,
unreadable, or a migration missing). Never cached: each probe looks again.
"""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from portal.admin import api as admin_api

_NO_STORE = {"Cache-Control": "no-store"}


def healthz(request: Request) -> JSONResponse:
    state = admin_api.health()
    if state.ok:
        return JSONResponse({"status": "ok", "schema": state.schema}, headers=_NO_STORE)
    return JSONResponse({"status": "unavailable"}, status_code=503, headers=_NO_STORE)


ROUTES = [Route("/healthz", healthz, methods=["GET"])]
