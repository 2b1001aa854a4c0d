"""The open HSDS API and /healthz on a real `streamlit run app.py` server (no browser:
these are plain HTTP requests, as a monitoring probe or an open-data consumer makes)."""

from __future__ import annotations

import json
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from typing import Any

import duckdb
import pytest

from portal.admin._health import latest_migration
from portal.db.migrations import available
from portal.directory._seed import entry_uuid
from tests.e2e.conftest import Server, start_server, stop_server
from tests.hsds_schemas import errors, page_errors

PUBLIC = {
    "Orostelefonen",
    "CVE stödtelefon för yrkesverksamma",
    "Center mot våldsbejakande extremism (CVE)",
    "112 – vid akut fara",
    "Polisen 114 14",
    "[Demo] Öppen verksamhet för unga",
}


@pytest.fixture(scope="module")
def api(tmp_path_factory) -> Iterator[Server]:
    srv = start_server(tmp_path_factory.mktemp("open-api"))
    yield srv
    stop_server(srv)


def get(
    url: str, headers: dict[str, str] | None = None, method: str = "GET"
) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(request, timeout=30) as resp:
            return resp.status, {k.lower(): v for k, v in resp.headers.items()}, resp.read()
    except urllib.error.HTTPError as exc:
        return exc.code, {k.lower(): v for k, v in exc.headers.items()}, exc.read()


def get_json(url: str) -> tuple[int, Any]:
    status, _, body = get(url)
    return status, json.loads(body)


def services(api: Server, **params: object) -> dict[str, Any]:
    status, body = get_json(f"{api.url}/api/hsds/services?{urllib.parse.urlencode(params)}")
    assert status == 200
    assert page_errors(body) == []
    return body


def test_healthz_answers_ok_with_the_schema(api):
    status, headers, body = get(api.url + "/healthz")
    assert status == 200 and headers["content-type"] == "application/json"
    assert json.loads(body) == {"status": "ok", "schema": latest_migration()}


def test_root_names_the_version_and_profile(api):
    status, body = get_json(api.url + "/api/hsds/")
    assert status == 200
    assert body["version"] == "3.0"
    assert body["profile"].startswith("https://")
    assert body["openapi_url"] == api.url + "/api/hsds/openapi.json"
    status, spec = get_json(body["openapi_url"])
    assert status == 200 and spec["openapi"].startswith("3.1")
    assert set(spec["paths"]) == {"/", "/services", "/services/{id}"}
    assert spec["servers"] == [{"url": api.url + "/api/hsds"}]
    assert spec["info"]["license"]["identifier"] == "CC0-1.0"


def test_services_are_paged_as_the_reference_says(api):
    first, second = services(api, page=1, per_page=4), services(api, page=2, per_page=4)
    assert (first["total_items"], first["total_pages"], first["page_number"]) == (6, 2, 1)
    assert (first["size"], first["first_page"], first["last_page"]) == (4, True, False)
    assert (second["size"], second["first_page"], second["last_page"]) == (2, False, True)
    names = [s["name"] for s in first["contents"] + second["contents"]]
    assert sorted(names) == sorted(PUBLIC)
    assert services(api)["size"] == 6  # one default page holds them all
    assert get(f"{api.url}/api/hsds/services?per_page=0")[0] == 400


def test_search_finds_what_people_type(api):
    assert [s["name"] for s in services(api, search="anhöriga")["contents"]] == ["Orostelefonen"]
    found = services(api, search="stödtelefon")["contents"]
    assert found and {s["name"] for s in found} <= PUBLIC
    # only a partner entry is for parents: nothing public to find
    assert services(api, search="stöd till föräldrar")["empty"] is True


def test_a_public_service_in_full(api):
    entry_id = entry_uuid("cve-stodtelefon")
    status, body = get_json(f"{api.url}/api/hsds/services/{entry_id}")
    assert status == 200
    assert errors("service.json", body) == []
    assert body["schedules"][0]["byday"] == "MO,TU,WE,TH,FR"
    assert body["phones"][0]["number"] == "08-527 44 290"


def test_partner_internal_and_missing_ids_answer_the_same_404(api):
    answers = []
    for entry_id in (
        entry_uuid("demo:foraldrastod"),  # partners
        entry_uuid("muni:socialtjansten"),  # internal
        "6f1c2b1e-0000-4000-8000-000000000000",  # no such entry
    ):
        status, headers, body = get(f"{api.url}/api/hsds/services/{entry_id}")
        headers.pop("date", None)
        answers.append((status, headers, body))
    assert answers[0][0] == 404
    assert answers[0] == answers[1] == answers[2]


def test_open_to_every_site_and_cached_until_a_change(api):
    url = f"{api.url}/api/hsds/services?per_page=2"
    status, headers, _ = get(url, {"Origin": "https://example.org"})
    assert status == 200 and headers["access-control-allow-origin"] == "*"
    preflight = {"Origin": "https://example.org", "Access-Control-Request-Method": "GET"}
    assert get(url, preflight, method="OPTIONS")[0] == 200
    assert get(url, {"If-None-Match": headers["etag"]})[0] == 304


def test_healthz_is_503_when_a_migration_is_missing(tmp_path):
    def drop_latest(env: dict[str, str]) -> None:
        conn = duckdb.connect(env["PORTAL_DB"])
        conn.execute("DELETE FROM schema_migrations WHERE version = ?", [available()[-1].version])
        conn.close()

    srv = start_server(tmp_path, prepare=drop_latest)
    try:
        status, headers, body = get(srv.url + "/healthz")
        assert status == 503
        assert json.loads(body) == {"status": "unavailable"}
        assert headers["cache-control"] == "no-store"
    finally:
        stop_server(srv)


def test_the_pages_hsds_download_uploads_back(page, api, tmp_path):
    """The HSDS zip the page offers is accepted by the page's own import (last in this
    module: the import saves every entry again, so the directory's version changes)."""
    from tests.e2e.conftest import goto, login

    login(page, api.url, "processledare")
    goto(page, api.url, "/stodkatalog")
    page.get_by_role("tab", name="Import och export").click()
    with page.expect_download() as download:
        page.get_by_role("button", name="Ladda ner HSDS-paket (zip)").click()
    package = tmp_path / "stodkatalog-hsds.zip"
    download.value.save_as(package)
    page.locator("[data-testid='stFileUploaderDropzoneInput']").set_input_files(str(package))
    page.locator("[data-testid='stFileUploader']").get_by_text(package.name).wait_for()
    page.wait_for_function("() => !document.querySelector('[data-testid=\"stStatusWidget\"]')")
    page.get_by_role("button", name="Importera").click()
    page.get_by_text("14 poster importerades.").wait_for()
    # the import kept every id: the same public service answers, changed only in time
    status, body = get_json(f"{api.url}/api/hsds/services/{entry_uuid('cve-stodtelefon')}")
    assert status == 200 and body["name"] == "CVE stödtelefon för yrkesverksamma"
    assert services(api)["total_items"] == 6
