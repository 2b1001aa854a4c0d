"""The command line while a real portal server holds the database: every command that
can run then gives the same output, files and exit status as on an identical database
with no portal running; `init` and `restore` say in one line what to do; the loopback
route refuses a request without the secret."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path

import duckdb
import pytest
from pypdf import PdfReader

from portal import ROOT
from tests.e2e.conftest import Server, start_server, stop_server

PASSWORD = "a-long-password-123\n"


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """A running portal, and a copy of its database as it was before the server started
    (the same demo data), used by the same commands with no portal running."""
    tmp = tmp_path_factory.mktemp("cli-bridge")
    alone = tmp / "alone" / "portal.duckdb"

    def keep_a_copy(env: dict[str, str]) -> None:
        # the server purges old signal text when it starts: do it first, for both
        assert run(env, tmp, "purge-signals").returncode == 0
        alone.parent.mkdir()
        shutil.copyfile(env["PORTAL_DB"], alone)  # the cookie key is in env, no key file

    srv = start_server(tmp, prepare=keep_a_copy)
    yield srv, alone
    stop_server(srv)


def run(env: dict[str, str], cwd: Path, *args: str, stdin: str | None = None):
    return subprocess.run(
        [sys.executable, "-m", "portal", *args],
        env={**env, "PYTHONPATH": str(ROOT)},
        cwd=cwd,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=300,
    )


def _bridge(srv: Server) -> dict:
    return json.loads(srv.db.with_name(srv.db.name + ".cli-bridge").read_text())


def test_the_server_holds_the_database_and_publishes_an_owner_only_bridge(served):
    srv, _ = served
    with pytest.raises(duckdb.IOException):
        duckdb.connect(str(srv.db), read_only=True)
    bridge = srv.db.with_name(srv.db.name + ".cli-bridge")
    assert bridge.stat().st_mode & 0o777 == 0o600
    data = _bridge(srv)
    assert data["host"] == "127.0.0.1" and srv.url.endswith(f":{data['port']}")
    assert len(data["secret"]) >= 40


# (arguments, stdin, output file to compare or None). Writes come in the same order on
# both databases, so their outputs must match too.
SEQUENCE: list[tuple[tuple[str, ...], str | None, str | None]] = [
    (("user", "list"), None, None),
    (
        ("user", "add", "kim", "--role", "member", "--name", "Kim", "--email", "k@x.se"),
        PASSWORD,
        None,
    ),
    (
        ("user", "add", "kim", "--role", "member", "--name", "Kim", "--email", "k@x.se"),
        PASSWORD,
        None,
    ),
    (("user", "disable", "kim"), None, None),
    (("user", "disable", "nobody"), None, None),
    (("user", "list"), None, None),
    (("export", "plan", "--format", "csv", "-o", "out/plan.csv"), None, "out/plan.csv"),
    (("export", "plan", "--format", "pdf", "-o", "out/x.pdf"), None, None),
    (("export", "directory", "--format", "csv", "-o", "dir.csv"), None, "dir.csv"),
    (("export", "situation", "--format", "csv", "-o", "sit.csv"), None, "sit.csv"),
    (("export", "meetings", "--format", "csv", "-o", "meet.csv"), None, "meet.csv"),
    (("import", "directory", "dir.csv"), None, None),
    (("import", "directory", "missing.csv"), None, None),
    (("purge-signals",), None, None),
    (("report", "--year", "2020", "--format", "pdf", "-o", "r.pdf"), None, "r.pdf"),
    (("report", "--year", "2020", "--format", "xlsx", "-o", "r.xlsx"), None, None),
    (("report", "--year", "1800", "--format", "pdf", "-o", "bad.pdf"), None, None),
    (("backup", "backups"), None, None),
]


def _same_file(name: str, here: Path, there: Path) -> None:
    a, b = here / name, there / name
    assert a.stat().st_mode & 0o777 == b.stat().st_mode & 0o777 == 0o600
    if name.endswith(".pdf"):
        pages = [[p.extract_text() for p in PdfReader(f).pages] for f in (a, b)]
        assert pages[0] == pages[1] and len(pages[0]) > 3
    else:
        assert a.read_bytes() == b.read_bytes()


def test_every_command_gives_the_same_output_with_the_portal_running(served, tmp_path):
    srv, alone = served
    env_alone = {**srv.env, "PORTAL_DB": str(alone)}
    here, there = tmp_path / "served", tmp_path / "alone"
    here.mkdir()
    there.mkdir()
    for args, stdin, output in SEQUENCE:
        live = run(srv.env, here, *args, stdin=stdin)
        solo = run(env_alone, there, *args, stdin=stdin)
        stamp = re.compile(r"sos-portal-backup-\d{8}-\d{6}(-\d+)?")
        norm = [stamp.sub("BACKUP", p.stdout) for p in (live, solo)]
        assert (live.returncode, norm[0], live.stderr) == (solo.returncode, norm[1], solo.stderr), (
            args
        )
        assert "lock" not in live.stderr.lower(), args
        if output:
            assert live.returncode == 0, (args, live.stderr)
            _same_file(output, here, there)
    # the running server really did the work: its backup holds kim, disabled
    folder = next((here / "backups").iterdir())
    users = folder / "users.parquet"
    conn = duckdb.connect()
    rows = conn.execute("SELECT username, active FROM read_parquet(?)", [str(users)]).fetchall()
    conn.close()
    assert ("kim", False) in rows
    rows = list(csv.reader(io.StringIO((here / "out/plan.csv").read_text("utf-8-sig"))))
    assert len(rows) == 7


def test_init_and_restore_say_in_one_line_to_stop_the_portal(served, tmp_path):
    srv, _ = served
    backups = tmp_path / "b"
    assert run(srv.env, tmp_path, "backup", str(backups)).returncode == 0
    folder = next(backups.iterdir())
    for args in (("init",), ("restore", str(folder), "--force")):
        out = run({**srv.env, "PORTAL_LANG": "en"}, tmp_path, *args)
        assert out.returncode == 1
        assert out.stderr.count("\n") == 1, out.stderr
        assert "stop it" in out.stderr and "lock" not in out.stderr.lower()
        swedish = run(srv.env, tmp_path, *args)
        assert swedish.stderr.startswith("error: portalen körs och håller databasen")
        assert swedish.stderr.count("\n") == 1


def test_notify_leaves_the_work_to_the_running_portal(served, tmp_path):
    srv, _ = served
    out = run({**srv.env, "PORTAL_SMTP_HOST": "127.0.0.1"}, tmp_path, "notify", "--dry-run")
    assert out.returncode == 0, out.stderr
    assert "the portal is running and sends notifications itself" in out.stdout
    assert "lock" not in (out.stdout + out.stderr).lower()


def _post(url: str, body: dict, headers: dict[str, str]) -> tuple[int, dict]:
    request = urllib.request.Request(
        url + "/_portal/cli",
        data=json.dumps(body).encode(),
        headers={"Content-Type": "application/json", **headers},
        method="POST",
    )
    try:
        with urllib.request.urlopen(request, timeout=60) as resp:
            return resp.status, json.loads(resp.read())
    except urllib.error.HTTPError as exc:
        return exc.code, json.loads(exc.read() or b"{}")


def test_the_route_refuses_without_the_secret(served):
    srv, _ = served
    secret = _bridge(srv)["secret"]
    body = {"command": "user list", "params": {}}
    header = "X-Portal-CLI-Secret"
    assert _post(srv.url, body, {})[0] == 403
    assert _post(srv.url, body, {header: ""})[0] == 403
    assert _post(srv.url, body, {header: secret[:-1] + "x"})[0] == 403
    assert _post(srv.url, body, {header: secret, "X-Forwarded-For": "203.0.113.9"})[0] == 403
    status, data = _post(srv.url, body, {header: secret})
    assert status == 200 and data["code"] == 0 and "admin\tadmin\tactive" in data["out"]
    assert _post(srv.url, {"command": "init", "params": {}}, {header: secret})[0] == 404
    # a GET runs nothing (Streamlit answers it with its page shell)
    with urllib.request.urlopen(srv.url + "/_portal/cli", timeout=30) as resp:
        assert b"active" not in resp.read()
