"""What the directory pages show: one page of results, counts, the list to check.

The work of a rerun follows what is shown, not what is stored: counts are SQL counts and
lists are pages of at most `PAGE_SIZE` rows. Reads everyone shares (the first page of the
directory, the public list, the counts) are cached until the next committed write, keyed
by the visibilities a role has rather than the role, so partners, members and visitors
each share one entry.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from portal import auth
from portal.db.cache import cached_read
from portal.db.connection import cursor
from portal.directory._core import cutoff, ensure_index, visibilities_for
from portal.directory._db import directory as dir_db
from portal.directory._text import Term, terms_of

PAGE_SIZE = 10  # result cards per page: enough to scan, few enough for a phone (and a
# page of cards is what the browser renders, card by card)
PICK_LIMIT = 50  # entries offered at once when choosing one to edit
CHECK_PAGE_SIZE = 25  # rows per page of the list of entries to check
TOP_STALE = 10  # entries to check listed on the overview


@dataclass(frozen=True)
class Page:
    """Rows `offset`..`offset + len(rows)` of `total` matches."""

    rows: list[dict[str, Any]]
    total: int
    offset: int
    size: int

    @property
    def first(self) -> int:
        """1-based number of the first row shown (0 when nothing matches)."""
        return self.offset + 1 if self.rows else 0

    @property
    def last(self) -> int:
        return self.offset + len(self.rows)

    @property
    def has_previous(self) -> bool:
        return self.offset > 0

    @property
    def has_next(self) -> bool:
        return self.last < self.total


def clamp_offset(offset: int, total: int, size: int) -> int:
    """A page start within 0..total: the last page when `offset` ran past the end."""
    if total <= 0 or offset <= 0:
        return 0
    offset -= offset % size
    return min(offset, (total - 1) // size * size)


Filters = tuple[
    tuple[str, ...], tuple[Term, ...], str | None, str | None, str | None, str | None, bool
]


def _filters(
    role: str | None,
    query: str,
    category: str | None,
    group: str | None,
    language: str | None,
    area: str | None,
    include_inactive: bool,
) -> Filters:
    """The hashable search arguments for the db layer; inactive entries only for editors."""
    inactive = include_inactive and auth.can(role, "directory.edit")
    return (
        visibilities_for(role),
        terms_of(query),
        category or None,
        group or None,
        language or None,
        area or None,
        inactive,
    )


@cached_read
def _count(filters: Filters) -> int:
    vis, terms, category, group, language, area, inactive = filters
    with cursor() as cur:
        return dir_db.count_matches(cur, vis, terms, category, group, language, area, inactive)


@cached_read
def _rows(filters: Filters, limit: int, offset: int) -> list[dict[str, Any]]:
    vis, terms, category, group, language, area, inactive = filters
    with cursor() as cur:
        return dir_db.search(
            cur, vis, terms, category, group, language, area, inactive, limit, offset
        )


def results_page(
    role: str | None,
    offset: int = 0,
    size: int = PAGE_SIZE,
    query: str = "",
    category: str | None = None,
    group: str | None = None,
    language: str | None = None,
    area: str | None = None,
    include_inactive: bool = False,
) -> Page:
    """One page of the entries `role` may see that match the search: the best matches
    first, then in Swedish order."""
    filters = _filters(role, query, category, group, language, area, include_inactive)
    if filters[1]:
        ensure_index()
    total = _count(filters)
    offset = clamp_offset(offset, total, size)
    rows = _rows(filters, size, offset) if total else []
    return Page(rows, total, offset, size)


def public_page(offset: int = 0, size: int = PAGE_SIZE) -> Page:
    """The public entries a visitor sees on /stod, one page at a time."""
    return results_page(None, offset, size)


def pick(role: str | None, query: str, limit: int = PICK_LIMIT) -> Page:
    """At most `limit` entries (inactive ones too) matching `query`, to choose one to edit."""
    return results_page(role, 0, limit, query, include_inactive=True)


def _stale_cutoff(today: date | None) -> date:
    return cutoff(today or date.today())


@cached_read
def _stale_count(vis: tuple[str, ...], before: date) -> int:
    with cursor() as cur:
        return dir_db.count_stale(cur, vis, before)


@cached_read
def _stale_rows(
    vis: tuple[str, ...], before: date, limit: int, offset: int
) -> list[dict[str, Any]]:
    with cursor() as cur:
        return dir_db.stale(cur, vis, before, limit, offset)


def stale_count(role: str | None, today: date | None = None) -> int:
    """How many active entries visible to `role` need checking."""
    return _stale_count(visibilities_for(role), _stale_cutoff(today))


def stale_page(
    role: str | None, today: date | None = None, offset: int = 0, size: int = CHECK_PAGE_SIZE
) -> Page:
    """One page of the entries to check: never verified first, then the oldest check."""
    vis, before = visibilities_for(role), _stale_cutoff(today)
    total = _stale_count(vis, before)
    offset = clamp_offset(offset, total, size)
    rows = _stale_rows(vis, before, size, offset) if total else []
    return Page(rows, total, offset, size)


def active_count(role: str | None) -> int:
    """Active entries `role` may see (the overview's figure)."""
    return _count(_filters(role, "", None, None, None, None, False))


def entries_for(role: str | None) -> list[dict[str, Any]]:
    """Every entry `role` may see, active or not (for exports; the CLI exports as admin)."""
    vis = visibilities_for(role)
    with cursor() as cur:
        return [e for e in dir_db.all_entries(cur) if e["visibility"] in vis]


@cached_read
def directory_version() -> str:
    """Changes whenever the directory does (the open API's cache key and ETag)."""
    with cursor() as cur:
        return dir_db.version(cur)


def published_page(query: str, offset: int, size: int) -> tuple[int, list[dict[str, Any]]]:
    """How many published entries match `query`, and rows `offset`..`offset + size` of
    them, ranked as the public page's search ranks them (no clamping to the last page)."""
    filters = _filters(None, query, None, None, None, None, False)
    if filters[1]:
        ensure_index()
    total = _count(filters)
    return total, (_rows(filters, size, offset) if offset < total else [])


@cached_read
def published_entries() -> list[dict[str, Any]]:
    """Every published entry, in the directory's order."""
    with cursor() as cur:
        return [
            e
            for e in dir_db.all_entries(cur)
            if e["visibility"] == "public" and e["status"] == "active"
        ]


def published_entry(entry_id: str) -> dict[str, Any] | None:
    """The published entry with `entry_id`; None for a partner, internal, inactive or
    unknown id alike."""
    return next((e for e in published_entries() if e["id"] == entry_id), None)
