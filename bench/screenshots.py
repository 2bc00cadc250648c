"""Screenshots of each page of the web app into docs/ (timeline, map, network, sources).

    .venv/bin/python bench/screenshots.py [--db DB]

Starts ``kronika serve`` on a free loopback port, drives Debian's Chromium
(/usr/bin/chromium, never a downloaded browser) through Playwright, and prints
any console error or Content-Security-Policy violation it saw. Without --db it
builds the seed corpus (../shared/seeds) into a temporary database.
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from serve_helper import start_server  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = os.environ.get("KRONIKA_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db")
    ap.add_argument("--out", default=str(ROOT / "docs"))
    ap.add_argument("--subject", help="whose life to show (default: the most-discussed person)")
    args = ap.parse_args()
    from playwright.sync_api import sync_playwright

    tmp = tempfile.mkdtemp()
    db = args.db
    if not db:
        db = os.path.join(tmp, "seeds.db")
        subprocess.run([str(Path(sys.executable).parent / "kronika"), "build", str(ROOT.parent / "shared" / "seeds"),
                        "--db", db, "--no-progress"], check=True, stdout=subprocess.DEVNULL)
    proc, base = start_server(db)
    problems = []
    try:
        import json
        t = json.load(urllib.request.urlopen(base + "/api/timeline" + (
            "?subject=" + urllib.request.quote(args.subject) if args.subject else "")))
        sid = urllib.request.quote(t["subject"]["id"], safe="")
        docs = json.load(urllib.request.urlopen(base + "/api/docs"))
        first_src = next((s for e in t["events"] for s in e["sources"]), None)
        doc_url = (f"/doc/{urllib.request.quote(first_src['doc'], safe='')}#{first_src['start']}-{first_src['end']}"
                   if first_src else f"/doc/{urllib.request.quote(docs[0]['doc'], safe='')}")
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
            page = browser.new_page(viewport={"width": 1280, "height": 860})
            page.on("console", lambda m: problems.append(f"{m.type}: {m.text}") if m.type in ("error", "warning") else None)
            page.on("pageerror", lambda e: problems.append(f"pageerror: {e}"))
            page.on("request", lambda r: problems.append(f"external request: {r.url}")
                    if not r.url.startswith(base) and not r.url.startswith("data:") else None)
            shots = [("timeline", f"/person/{sid}", None), ("map", f"/map/{sid}", ".leaflet-overlay-pane path"),
                     ("network", f"/network?subject={sid}", None), ("sources", doc_url, None)]
            for name, url, wait in shots:
                page.goto(base + url, wait_until="networkidle")
                if wait:
                    try:
                        page.wait_for_selector(wait, timeout=5000)
                    except Exception:  # noqa: BLE001
                        problems.append(f"{name}: {wait} never appeared")
                if name == "timeline":
                    items = page.locator(".vis-item.vis-box")
                    page.wait_for_timeout(800)  # the chart shows once set to the life's window
                    idx = page.evaluate("""() => {
                        const c = document.querySelector('#timeline-vis .vis-center').getBoundingClientRect();
                        return [...document.querySelectorAll('.vis-item.vis-box')].findIndex((e) => {
                          const r = e.getBoundingClientRect();
                          return r.left > c.left && r.right < c.right && r.top > c.top && r.bottom < c.bottom; }); }""")
                    if idx >= 0:
                        items.nth(idx).click(timeout=5000)
                        page.wait_for_timeout(600)
                if name == "network":
                    page.locator("#network").scroll_into_view_if_needed()
                    page.evaluate("document.getElementById('network').scrollIntoView({block: 'center'})")
                page.wait_for_timeout(1500 if name == "network" else 500)
                out = os.path.join(args.out, f"{name}.png")
                page.screenshot(path=out, full_page=False)
                print("wrote", out)
            browser.close()
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    for p in problems:
        print("  problem:", p)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
