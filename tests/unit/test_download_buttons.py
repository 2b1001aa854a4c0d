"""Every download button keeps the page as it is when clicked (on_click="ignore").

A click that reruns the page replaces the files the page offered: a second download
clicked within that rerun ("CSV", then "Excel" at once) then finds its file gone
(`MediaFileStorageError: Deferred file ... not found`) and the person gets nothing.
"""

import ast
from pathlib import Path

from portal import ROOT


def _download_calls() -> list[tuple[str, int, ast.Call]]:
    found = []
    for folder in ("app_pages", "portal/ui"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if (
                    isinstance(node, ast.Call)
                    and isinstance(node.func, ast.Attribute)
                    and node.func.attr == "download_button"
                ):
                    found.append((str(Path(path).relative_to(ROOT)), node.lineno, node))
    return found


def test_every_download_button_ignores_the_click():
    calls = _download_calls()
    assert len(calls) >= 15  # the check looks where the buttons are
    rerunning = [
        f"{where}:{line}"
        for where, line, node in calls
        if not any(
            k.arg == "on_click" and isinstance(k.value, ast.Constant) and k.value.value == "ignore"
            for k in node.keywords
        )
    ]
    assert rerunning == []
