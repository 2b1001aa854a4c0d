"""The situation picture (lägesbild): the façade other code uses."""

from __future__ import annotations

from portal.situation import _seed
from portal.situation._charts import (
    Plot as Plot,
    breakdown_plot as breakdown_plot,
    draw as draw,
    level_plot as level_plot,
    period_plot as period_plot,
    signal_plot as signal_plot,
    year_plot as year_plot,
)
from portal.situation._core import (
    LEVELS as LEVELS,
    MIN_YEAR as MIN_YEAR,
    TRENDS as TRENDS,
    approve as approve,
    create_year as create_year,
    is_overdue as is_overdue,
    latest_approved as latest_approved,
    max_year as max_year,
    save_assessment as save_assessment,
    save_year as save_year,
)
from portal.situation._db.situation import assessments as assessments
from portal.situation._find import find as find
from portal.situation._import import (
    import_file as import_file,
    import_template as import_template,
    import_text as import_text,
    import_upload as import_upload,
)
from portal.situation._indicators import (
    add_indicator as add_indicator,
    delete_indicator as delete_indicator,
)
from portal.situation._summary import (
    charts_for_year as charts_for_year,
    year_summary as year_summary,
)
from portal.situation._views import (
    assessments_of as assessments_of,
    breakdown as breakdown,
    by_period as by_period,
    indicator_count as indicator_count,
    indicator_table as indicator_table,
    level_label as level_label,
    level_matrix as level_matrix,
    milieu_label as milieu_label,
    revisions_table as revisions_table,
    signal_counts as signal_counts,
    source_label as source_label,
    trend_label as trend_label,
    year_vs_year as year_vs_year,
    years as years,
)

# The embedded default and demo data (portal/setup.py loads every feature's seeder).
seeder = _seed
