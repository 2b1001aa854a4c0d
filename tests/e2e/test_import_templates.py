"""The import tabs in a real browser: the template downloads as Swedish Excel reads it
(UTF-8 with BOM, semicolons) and the downloaded file imports as it is."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.e2e.conftest import goto, login, start_server, stop_server


@pytest.fixture(scope="module")
def own_server(tmp_path_factory):
    srv = start_server(tmp_path_factory.mktemp("e2e-templates"))
    yield srv
    stop_server(srv)


def _idle(page) -> None:
    page.wait_for_function("() => !document.querySelector('[data-testid=\"stStatusWidget\"]')")


def _download_template(page, tmp_path: Path, name: str) -> Path:
    with page.expect_download(timeout=15_000) as info:
        page.get_by_role("button", name="Ladda ned mall (CSV)").click()
    path = tmp_path / name
    info.value.save_as(path)
    assert info.value.suggested_filename == name
    return path


def _upload_and_import(page, path: Path, done: str) -> None:
    page.locator("[data-testid='stFileUploaderDropzoneInput']").set_input_files(str(path))
    page.locator("[data-testid='stFileUploader']").get_by_text(path.name).wait_for()
    _idle(page)
    page.get_by_role("button", name="Importera", exact=True).click()
    page.get_by_text(done).wait_for()


@pytest.mark.parametrize(
    ("path", "tab", "name", "header", "done"),
    [
        (
            "/stodkatalog",
            "Import och export",
            "stodkatalog-mall.csv",
            "id;organization;name;description;status",
            "1 post importerades.",
        ),
        (
            "/lagesbild",
            "Importera",
            "lagesbild-mall.csv",
            "Kvartal;Miljö;Källa",
            "1 rad importerad.",
        ),
    ],
    ids=["directory", "situation"],
)
def test_template_downloads_and_imports_as_it_is(
    page, own_server, tmp_path, path, tab, name, header, done
):
    login(page, own_server.url, "admin")
    goto(page, own_server.url, path)
    page.get_by_role("tab", name=tab, exact=True).click()
    _idle(page)
    data = _download_template(page, tmp_path, name).read_bytes()
    assert data.startswith(b"\xef\xbb\xbf" + header.encode())
    assert len(data.decode("utf-8-sig").splitlines()) == 2
    _upload_and_import(page, tmp_path / name, done)
