"""The HTML a browser gets at each page's URL: Streamlit's own, with its server named.

Streamlit's frontend looks for its server by trying the page's URL first
(`/konto/_stcore/health`, a 404) and the folder above it only after a retry delay: about
120 ms of every page opened by its address (a bookmark, a link in an e-mail, a reload),
measured with the browser benchmark (docs/PERFORMANCE.md). Streamlit reads
`window.__streamlit.BACKEND_BASE_URL`, meant for hosts that serve the frontend elsewhere,
before anything else; set to the folder of the page's own address, the first address
tried is the right one, also behind a proxy that serves the portal under a path prefix.
Nothing else in the HTML changes, and the script holds no input of any kind.
"""

from __future__ import annotations

import importlib.util
from functools import cache
from pathlib import Path

from starlette.requests import Request
from starlette.responses import HTMLResponse
from starlette.routing import Route

from portal import auth

# The login and the hidden start page (portal/ui/shell.py). Not "/": there Streamlit asks
# the right address first anyway, and under a proxy's prefix without its final slash the
# folder of the address would be the wrong one.
_SHELL_PATHS = ("login", "start")
# As Streamlit serves its HTML: asked for again on every load; the bundles it names are
# hashed and cached.
_NO_CACHE = {"Cache-Control": "no-cache"}
# Every page URL is one segment, so its folder is where the server answers.
SCRIPT = (
    '<script>window.__streamlit = {BACKEND_BASE_URL: new URL("./", location.href).href};</script>'
)


def _streamlit_index() -> Path:
    # The file is found without importing Streamlit: only pages and ui use its API.
    spec = importlib.util.find_spec("streamlit")
    if spec is None or spec.origin is None:
        raise RuntimeError("Streamlit is not installed")
    return Path(spec.origin).parent / "static" / "index.html"


@cache
def html() -> str:
    """Streamlit's index.html with SCRIPT first in its head."""
    text = _streamlit_index().read_text(encoding="utf-8")
    head = text.index("<head>") + len("<head>")
    return text[:head] + SCRIPT + text[head:]


def page(request: Request) -> HTMLResponse:
    return HTMLResponse(html(), headers=_NO_CACHE)


def _paths() -> list[str]:
    names = [*_SHELL_PATHS, *(spec.url_path for spec in auth.PAGES)]
    return ["/" + name for name in names]


ROUTES = [Route(path, page, methods=["GET", "HEAD"]) for path in _paths()]
