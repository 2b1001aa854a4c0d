"""GET /kalender/<token>.ics: a user's private calendar feed (see portal/notify/_feed.py).

The token is the only credential, so every failure (wrong, revoked, malformed token,
disabled account) answers the same 404 as a path that was never there. The feed holds
meetings only: never a signal, never a directory entry.
"""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Route

from portal.notify import api as notify_api

NOT_FOUND = "Not Found"


async def calendar_feed(request: Request) -> Response:
    token = str(request.path_params.get("token", ""))
    body = notify_api.feed(token)
    if body is None:
        return PlainTextResponse(NOT_FOUND, status_code=404)
    return Response(
        body,
        media_type="text/calendar; charset=utf-8",
        headers={
            "Cache-Control": "private, no-store",
            "Content-Disposition": 'inline; filename="sos-portalen.ics"',
            "X-Robots-Tag": "noindex",
            "Referrer-Policy": "no-referrer",
        },
    )


ROUTES = [Route("/kalender/{token}.ics", calendar_feed, methods=["GET", "HEAD"])]
