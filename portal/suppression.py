"""Small numbers are sensitive: counts below a threshold are shown as "<N".

Used wherever members see counts or counts leave the portal (situation picture,
signal aggregates, reports, exports). The coordinator may see exact figures.
"""

from __future__ import annotations

import pandas as pd

from portal import config


def threshold() -> int:
    return config.get_int("PORTAL_SMALL_NUMBER")


def shown(count: int, exact: bool = False, limit: int | None = None) -> str:
    """The count as it may be shown: exact, or "<limit" when 0 < count < limit."""
    limit = threshold() if limit is None else limit
    if exact or count == 0 or count >= limit:
        return str(int(count))
    return f"<{limit}"


def shown_column(
    df: pd.DataFrame, column: str = "count", exact: bool = False, limit: int | None = None
) -> pd.DataFrame:
    """A copy of df whose `column` is text, small counts replaced by "<limit"."""
    out = df.copy()
    out[column] = [shown(int(c), exact, limit) for c in out[column]]
    return out
