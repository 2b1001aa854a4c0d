"""The import tabs offer the template CSV their feature builds, to editors only."""

from __future__ import annotations

import pytest

from tests.app.helpers import open_tab, page_as

TEMPLATE = "Ladda ned mall (CSV)"


def _labels(at) -> list[str]:
    return [b.label for b in at.get("download_button")]


@pytest.mark.parametrize("page", ["app_pages/directory.py", "app_pages/situation.py"])
def test_import_tab_offers_the_template(demo_db, page):
    at = page_as("admin", page)
    # Both pages run only the open tab.
    key, label = (
        ("situation_tab", "Importera")
        if "situation" in page
        else ("directory_tab", "Import och export")
    )
    at = open_tab(at, key, label)
    assert not at.exception
    assert _labels(at).count(TEMPLATE) == 1


def test_readers_get_no_template(demo_db):
    at = page_as("partner", "app_pages/directory.py")
    assert not at.exception
    assert TEMPLATE not in _labels(at)
