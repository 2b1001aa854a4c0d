"""Small numbers are sensitive: counts below a threshold are shown as "<N".

Used wherever members see counts or counts leave the portal (situation picture,
signal aggregates, reports, exports). The coordinator may see exact figures.
"""

from __future__ import annotations

from collections.abc import Sequence

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


# A cell hidden only so that a hidden small cell cannot be worked out from the rest.
HIDDEN = ".."


def shown_group(counts: Sequence[int], exact: bool = False, limit: int | None = None) -> list[str]:
    """The counts of one group (cells that add up to a total someone can know) as text.

    Small counts read "<limit". Complementary suppression: when exactly one cell of the
    group is small, the smallest other non-zero cell reads HIDDEN too, so the small one
    cannot be recovered as total minus the rest.
    """
    texts = [shown(int(c), exact, limit) for c in counts]
    small = [i for i, s in enumerate(texts) if s.startswith("<")]
    if len(small) != 1:
        return texts
    others = [i for i, c in enumerate(counts) if i != small[0] and int(c) > 0]
    if others:
        texts[min(others, key=lambda i: int(counts[i]))] = HIDDEN
    return texts


def is_hidden(text: str) -> bool:
    """Whether a shown text stands for a hidden count (small or complementary)."""
    return text.startswith("<") or text == HIDDEN


def shown_by_group(
    df: pd.DataFrame,
    groups: list[str] | None,
    column: str = "count",
    exact: bool = False,
    limit: int | None = None,
) -> pd.Series:
    """Text of `column` with complementary suppression within each group of rows
    (`groups` the columns that define a group; None: the whole frame is one group)."""
    out = pd.Series([""] * len(df), index=df.index, dtype=object)
    parts = [df] if not groups else [g for _, g in df.groupby(groups, sort=False)]
    for part in parts:
        out.loc[part.index] = shown_group([int(c) for c in part[column]], exact, limit)
    return out
