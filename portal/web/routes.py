"""Every HTTP route the portal serves beside its pages, in one list that app.py mounts.

Each feature's routes live in their own module here and are added to ROUTES by name, so
a route that is not listed is not served.
"""

from starlette.routing import BaseRoute

from portal.web import calendar, cli_bridge, health, hsds, page_html

ROUTES: list[BaseRoute] = [
    *health.ROUTES,
    *hsds.ROUTES,
    *calendar.ROUTES,
    *cli_bridge.ROUTES,
    *page_html.ROUTES,
]
