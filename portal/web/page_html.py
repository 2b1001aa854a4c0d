"""The HTML a browser gets at each page's URL: Streamlit's own, with its server named.

Streamlit's frontend looks for its server by trying the page's URL first
(`/konto/_stcore/health`, a 404) and the site's root only after a retry delay: about
120 ms of every page opened by its address (a bookmark, a link in an e-mail, a reload),
measured with the browser benchmark (docs/PERFORMANCE.md). Streamlit reads
`window.__streamlit.BACKEND_BASE_URL`, meant for hosts that serve the frontend elsewhere,
before anything else; set to the portal's own root, the first address tried is the
right one. Nothing else in the HTML changes, and the script holds no user input.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import streamlit as st
from starlette.requests import Request
from starlette.responses import HTMLResponse
from starlette.routing import Route

from portal import auth

# Where the login, the hidden start page and the start pages live (portal/ui/shell.py).
_SHELL_PATHS = ("", "login", "start")
# As Streamlit serves its HTML: asked for again on every load; the bundles it names are
# hashed and cached.
_NO_CACHE = {"Cache-Control": "no-cache"}


def backend_script(base_path: str) -> str:
    """The inline script naming the server: the page's origin and the configured base
    URL path (empty unless the portal is served under a prefix)."""
    path = "/" + base_path.strip("/") + "/" if base_path.strip("/") else "/"
    # From the server's own setting, never from the request; as a JSON string with "<"
    # escaped, so no setting can close the script element.
    literal = json.dumps(path).replace("<", "\\u003c")
    return (
        "<script>window.__streamlit = "
        f"{{BACKEND_BASE_URL: window.location.origin + {literal}}};</script>"
    )


@cache
def _html(base_path: str) -> str:
    index = Path(st.__file__).parent / "static" / "index.html"
    text = index.read_text(encoding="utf-8")
    head = text.index("<head>") + len("<head>")
    return text[:head] + backend_script(base_path) + text[head:]


def page(request: Request) -> HTMLResponse:
    base_path = str(st.get_option("server.baseUrlPath") or "")
    return HTMLResponse(_html(base_path), headers=_NO_CACHE)


def _paths() -> list[str]:
    names = [*_SHELL_PATHS, *(spec.url_path for spec in auth.PAGES)]
    return ["/" + name for name in names]


ROUTES = [Route(path, page, methods=["GET", "HEAD"]) for path in _paths()]
