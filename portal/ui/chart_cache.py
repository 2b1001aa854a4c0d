"""Draw Altair charts without rebuilding and re-validating the same chart every rerun.

Building an Altair chart and turning it into a Vega-Lite spec (schema validation) costs
tens of milliseconds per chart, whatever the amount of data: a page with six charts
spent most of its rerun there. The spec is a pure function of the builder, its
arguments (the summed chart data and translated texts) and the language, so it is kept
under a key made of exactly those: the key holds the data's content, never a time or a
user, so a kept spec can never be stale, and only what a person was allowed to see goes
into it (the data is already suppressed for them).
"""

from __future__ import annotations

import copy
import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import Any

import altair as alt
import pandas as pd
import streamlit as st

from portal.i18n import get_lang

_MAX = 64
_lock = threading.Lock()
_specs: OrderedDict[tuple, dict] = OrderedDict()


def _fingerprint(value: Any) -> Any:
    if isinstance(value, pd.DataFrame):
        hashed = pd.util.hash_pandas_object(value, index=False).to_numpy().tobytes()
        return ("df", tuple(value.columns), tuple(map(str, value.dtypes)), hashed)
    if isinstance(value, (list, tuple)):
        return tuple(_fingerprint(v) for v in value)
    return value


def spec(build: Callable[..., alt.TopLevelMixin], *args: Any) -> dict:
    """The Vega-Lite spec Streamlit would send for `build(*args)`, built once per content."""
    key = (build.__module__, build.__qualname__, get_lang(), _fingerprint(args))
    with _lock:
        if key in _specs:
            _specs.move_to_end(key)
            return copy.deepcopy(_specs[key])
    # Altair's own (public) conversion; the data is small and already summed, so it
    # travels inline in the spec, and st.vega_lite_chart applies the portal's theme.
    made = build(*args).to_dict()
    with _lock:
        _specs[key] = made
        while len(_specs) > _MAX:
            _specs.popitem(last=False)
    return copy.deepcopy(made)


def show(build: Callable[..., alt.TopLevelMixin], *args: Any) -> None:
    """st.altair_chart(build(*args), width="stretch"), from the kept spec when possible."""
    st.vega_lite_chart(spec=spec(build, *args), width="stretch")
