"""Altair chart builders: pure functions from plain data to alt.Chart, one module per
domain (portal/charts/<domain>.py).

Every chart has a title and axis titles in the UI language and uses PALETTE, which reads
in greyscale and for colour-blind viewers.
"""

from typing import TypeVar

import altair as alt

from portal.i18n.formats import time_locale

# Okabe-Ito: distinguishable with the common colour-vision deficiencies.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]


ChartT = TypeVar("ChartT", bound=alt.TopLevelMixin)


def localised(chart: ChartT) -> ChartT:
    """The chart with month and day names in the UI language (every chart with a time
    axis goes through this; vega-embed and vl-convert both read `config.locale`)."""
    return chart.configure(locale={"time": time_locale()})
