"""The support directory and the public page: the façade other code uses."""

from __future__ import annotations

from portal.directory import _seed
from portal.directory._core import (
    filter_options as filter_options,
    is_stale as is_stale,
    mark_verified as mark_verified,
    save as save,
    set_active as set_active,
    visibilities_for as visibilities_for,
)
from portal.directory._db.directory import all_entries as all_entries
from portal.directory._import import (
    COLUMNS as COLUMNS,
    import_file as import_file,
    import_upload as import_upload,
)
from portal.directory._open import (
    hsds_service as hsds_service,
    hsds_services_page as hsds_services_page,
    hsds_tables as hsds_tables,
)
from portal.directory._template import import_template as import_template
from portal.directory._text import word_spans as word_spans
from portal.directory._views import (
    TOP_STALE as TOP_STALE,
    Page as Page,
    active_count as active_count,
    directory_version as directory_version,
    entries_for as entries_for,
    pick as pick,
    public_page as public_page,
    published_entries as published_entries,
    results_page as results_page,
    stale_count as stale_count,
    stale_page as stale_page,
)
from portal.directory._vocab import (
    CATEGORIES as CATEGORIES,
    TARGET_GROUPS as TARGET_GROUPS,
    VISIBILITIES as VISIBILITIES,
    label as label,
    mailto_href as mailto_href,
    tel_href as tel_href,
    valid_url as valid_url,
)

# The embedded default and demo data (portal/setup.py loads every feature's seeder).
seeder = _seed
