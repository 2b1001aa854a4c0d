"""Page loads and a save as a person waits for them: real headless Chromium, from
navigation start until Streamlit is idle, interleaved with a bare Streamlit page served
by the same Streamlit, at 1x and 100x data.

    python -m bench.browser_pages                       # 1x and 100x, 5 rounds
    python -m bench.browser_pages --scales 1 --rounds 3 --workdir data/bench
    python -m bench.browser_pages --scales 100 --pages lagesbild stodkatalog  # no save

"Idle": the last change of the app's script state to notRunning, then QUIET_MS with
none (each script run of a navigation is counted). Each person logs in once through the
real form and keeps the cookie. Every round visits every page in a rotating order, with
the bare page loaded right before or after it (alternating), so a busy moment slows
both; the table gives the median ratio and the ratio of the fastest loads.

Budgets (printed, not asserted): every page's median load <= 1.5x the bare page's, at
each scale; a save's confirmation <= 2x a bare form's.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from playwright.sync_api import Page, sync_playwright

from bench.generate import generate
from bench.pages import ROLE_USERS
from portal import ROOT, auth
from tests.e2e.conftest import CHROMIUM, _free_port, login, start_server, stop_server

QUIET_MS = 800
PAGE_BUDGET = 1.5
SAVE_BUDGET = 2.0

# Records every script-state change of the app and what arrives over the websocket.
PROBE = """
window.__bench = {states: [], msgs: 0, bytes: 0};
new MutationObserver((muts) => {
  for (const m of muts) {
    window.__bench.states.push([m.target.getAttribute('data-test-script-state'),
                                performance.now()]);
  }
}).observe(document, {subtree: true, attributes: true,
                      attributeFilter: ['data-test-script-state']});
const NativeWS = window.WebSocket;
window.WebSocket = class extends NativeWS {
  constructor(...args) {
    super(...args);
    this.addEventListener('message', (e) => {
      window.__bench.msgs += 1;
      window.__bench.bytes += e.data.byteLength || e.data.size || e.data.length || 0;
    });
  }
};
"""

IDLE = """(quiet) => {
  const b = window.__bench, app = document.querySelector('[data-testid="stApp"]');
  if (!b || !app || app.getAttribute('data-test-script-state') !== 'notRunning') return null;
  const last = b.states[b.states.length - 1];
  if (!last || performance.now() - last[1] < quiet) return null;
  return {ms: last[1], runs: b.states.filter((s) => s[0] === 'running').length,
          msgs: b.msgs, bytes: b.bytes,
          iframes: document.querySelectorAll('iframe').length};
}"""


@dataclass
class Samples:
    ms: list[float] = field(default_factory=list)
    bare: list[float] = field(default_factory=list)
    runs: list[int] = field(default_factory=list)
    msgs: list[int] = field(default_factory=list)
    kbytes: list[float] = field(default_factory=list)
    iframes: list[int] = field(default_factory=list)

    def ratio(self) -> tuple[float, float]:
        """Median over the bare median, and fastest over the bare fastest."""
        return (
            statistics.median(self.ms) / statistics.median(self.bare),
            min(self.ms) / min(self.bare),
        )


def load(page: Page, url: str) -> dict:
    """Open `url` and wait until Streamlit is idle; what the probe saw."""
    page.goto(url)
    handle = page.wait_for_function(IDLE, arg=QUIET_MS, timeout=180_000, polling=50)
    return handle.json_value()


def _bare_server(script: str) -> tuple[subprocess.Popen, str]:
    port = _free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(ROOT / "bench" / script)]
        + ["--server.port", str(port), "--server.headless", "true"]
        + ["--browser.gatherUsageStats", "false"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    for _ in range(200):  # until its health check answers
        try:
            urllib.request.urlopen(url + "/_stcore/health", timeout=2)
            return proc, url
        except OSError:
            time.sleep(0.3)
    proc.kill()
    raise RuntimeError("the bare page did not start")


def targets() -> list[tuple[str, str]]:
    """(url path, role) for every page, each seen by the role that sees most pages."""
    roles = sorted(ROLE_USERS, key=lambda r: -len(auth.pages_for(r)))
    out: dict[str, str] = {}
    for role in roles:
        for spec in auth.pages_for(role):
            out.setdefault(spec.url_path, role)
    return list(out.items())


def measure_pages(
    browser, portal: str, bare: str, rounds: int, only: list[str] | None = None
) -> dict[tuple[str, str], Samples]:
    pages = [p for p in targets() if not only or p[0] in only]
    contexts = {}
    for role in {r for _, r in pages}:
        ctx = browser.new_context(viewport={"width": 1280, "height": 900}, locale="sv-SE")
        ctx.add_init_script(PROBE)
        tab = ctx.new_page()
        tab.set_default_timeout(120_000)
        login(tab, portal, ROLE_USERS[role])
        contexts[role] = tab
    bare_tab = browser.new_context().new_page()
    bare_tab.context.add_init_script(PROBE)
    results = {key: Samples() for key in pages}
    for spec in pages:  # one warm-up load of each, not counted
        load(contexts[spec[1]], f"{portal}/{spec[0]}")
    for n in range(rounds):
        order = pages[n % len(pages) :] + pages[: n % len(pages)]
        for path, role in order:
            got = {}
            for which in ("bare", "page") if n % 2 == 0 else ("page", "bare"):
                if which == "bare":
                    got[which] = load(bare_tab, bare)
                else:
                    got[which] = load(contexts[role], f"{portal}/{path}")
            s = results[(path, role)]
            s.ms.append(got["page"]["ms"])
            s.bare.append(got["bare"]["ms"])
            s.runs.append(got["page"]["runs"])
            s.msgs.append(got["page"]["msgs"])
            s.kbytes.append(got["page"]["bytes"] / 1024)
            s.iframes.append(got["page"]["iframes"])
    return results


def _save_once(page: Page, portal: str, n: int) -> float:
    load(page, f"{portal}/handlingsplan")
    page.get_by_role("tab", name="Aktivitet i detalj").click()
    form = page.locator("[data-testid='stForm']").filter(has_text="Spara uppdateringen")
    progress = form.get_by_label("Framsteg (%)")
    progress.fill(str(10 + n % 80))
    progress.press("Tab")
    form.get_by_label("Kommentar").fill(f"Mätning {n}")
    form.get_by_label("Kommentar").press("Tab")
    start = time.perf_counter()
    form.get_by_role("button", name="Spara uppdateringen").click()
    page.get_by_text("Sparat.").wait_for(timeout=180_000)
    return (time.perf_counter() - start) * 1000


def _bare_save_once(page: Page, bare_form: str, n: int) -> float:
    load(page, bare_form)
    page.get_by_label("Värde").fill(str(n))
    page.get_by_label("Värde").press("Tab")
    start = time.perf_counter()
    page.get_by_role("button", name="Spara").click()
    page.get_by_text(f"Sparat {n}.").wait_for(timeout=60_000)
    return (time.perf_counter() - start) * 1000


def measure_save(browser, portal: str, bare_form: str, rounds: int) -> Samples:
    ctx = browser.new_context(viewport={"width": 1280, "height": 900}, locale="sv-SE")
    ctx.add_init_script(PROBE)
    tab = ctx.new_page()
    tab.set_default_timeout(180_000)
    login(tab, portal, "processledare")
    bare_tab = browser.new_context().new_page()
    bare_tab.context.add_init_script(PROBE)
    s = Samples()
    _save_once(tab, portal, 0)  # warm-up
    for n in range(1, rounds + 1):
        if n % 2:
            s.bare.append(_bare_save_once(bare_tab, bare_form, n))
            s.ms.append(_save_once(tab, portal, n))
        else:
            s.ms.append(_save_once(tab, portal, n))
            s.bare.append(_bare_save_once(bare_tab, bare_form, n))
    return s


def run_scale(
    scale: int,
    workdir: Path,
    rounds: int,
    bare: str,
    bare_form: str | None,
    only: list[str] | None = None,
):
    db = workdir / f"bench-{scale}x.duckdb"
    if not db.exists():
        generate(db, scale)
    with tempfile.TemporaryDirectory() as tmp:
        server = start_server(Path(tmp), prepare=lambda env: shutil.copyfile(db, env["PORTAL_DB"]))
        try:
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=CHROMIUM)
                pages = measure_pages(browser, server.url, bare, rounds, only)
                save = measure_save(browser, server.url, bare_form, rounds) if bare_form else None
                browser.close()
        finally:
            stop_server(server)
    return pages, save


def report(by_scale: dict[int, tuple[dict, Samples | None]]) -> int:
    scales = sorted(by_scale)
    head = ["page", "role"] + [f"{s}x median ms (×bare median, ×bare min)" for s in scales]
    head += ["script runs", "ws msgs", "ws KB", "iframes", "budget"]
    print("| " + " | ".join(head) + " |")
    print("|" + "---|" * len(head))
    failures = 0
    for key in by_scale[scales[0]][0]:
        cells, ok = [f"/{key[0]}", key[1]], True
        for s in scales:
            sam = by_scale[s][0][key]
            med, low = sam.ratio()
            ok = ok and med <= PAGE_BUDGET
            cells.append(f"{statistics.median(sam.ms):.0f} (×{med:.2f}, ×{low:.2f})")
        top = by_scale[scales[-1]][0][key]
        figures = (top.runs, top.msgs, top.kbytes, top.iframes)
        cells += [f"{statistics.median(v):.0f}" for v in figures] + ["pass" if ok else "FAIL"]
        failures += 0 if ok else 1
        print("| " + " | ".join(cells) + " |")
    for s in scales:
        save = by_scale[s][1]
        if save is None:  # --pages: pages only
            continue
        med, low = save.ratio()
        ok = med <= SAVE_BUDGET
        failures += 0 if ok else 1
        print(
            f"\nsave at {s}x (submit -> 'Sparat.'): median {statistics.median(save.ms):.0f} ms, "
            f"bare form {statistics.median(save.bare):.0f} ms, ×{med:.2f} (min ×{low:.2f}) "
            f"{'pass' if ok else 'FAIL'}"
        )
    print(f"\n{failures} budget misses (page <= ×{PAGE_BUDGET}, save <= ×{SAVE_BUDGET}).")
    return failures


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--scales", type=int, nargs="+", default=[1, 100])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--workdir", type=Path, default=ROOT / "data" / "bench")
    parser.add_argument(
        "--pages", nargs="+", help="only these url paths (e.g. lagesbild), and no save"
    )
    args = parser.parse_args()
    args.workdir.mkdir(parents=True, exist_ok=True)
    bare_proc, bare = _bare_server("bare_page.py")
    procs = [bare_proc]
    bare_form = None
    if not args.pages:
        form_proc, bare_form = _bare_server("bare_form.py")
        procs.append(form_proc)
    try:
        by_scale = {
            s: run_scale(s, args.workdir, args.rounds, bare, bare_form, args.pages)
            for s in args.scales
        }
    finally:
        for proc in procs:
            proc.terminate()
            proc.wait(timeout=10)
    report(by_scale)


if __name__ == "__main__":
    main()
