"""One search across the portal. Each feature finds its own hits through its façade
(`find`); this module asks only the features the role may see, and never the signal
routine: a signal's text is shown to no one through search (the receiving function
has its own queue)."""

from __future__ import annotations

from portal import auth
from portal.db.cache import cached_read
from portal.directory import api as directory_api
from portal.hits import Hit, words
from portal.meetings import api as meetings_api
from portal.plan import api as plan_api
from portal.situation import api as situation_api

PER_KIND = 5  # hits per feature and kind; the feature's own page has the rest


@cached_read  # the overview reruns on every click while a query stands in the box
def search(role: str | None, query: str, limit: int = PER_KIND) -> list[Hit]:
    """Hits for every word of `query` (accents and case aside) from what `role` sees:
    plan, meetings and situation picture for municipal roles; the directory entries the
    role may see for everyone. Empty for a query with no word of two letters or more."""
    found = words(query)
    if not found:
        return []
    hits: list[Hit] = []
    if auth.can(role, "plan.view"):
        hits += plan_api.find(found, limit)
    if auth.can(role, "meetings.view"):
        hits += meetings_api.find(found, limit)
    if auth.can(role, "situation.view"):
        hits += situation_api.find(found, limit)
    if auth.can(role, "directory.view"):
        page = directory_api.results_page(role, 0, limit, query=query)
        hits += [
            Hit("directory_entry", str(e["name"]), None, "stodkatalog", (("sok", str(e["name"])),))
            for e in page.rows
        ]
    return hits
