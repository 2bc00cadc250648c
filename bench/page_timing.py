"""Every page of the web app on a real database: time to DOMContentLoaded, cold and warm, the first map
view after start, page widths on a phone, and axe-core's serious or critical findings.

    .venv/bin/python bench/page_timing.py --db DB [--runs 3] [--json]

Starts ``kronika serve`` (which warms its caches at start-up) on a free loopback port and drives
Debian's Chromium (/usr/bin/chromium) through Playwright. Times are the browser's own
(PerformanceNavigationTiming.domContentLoadedEventEnd), so they include the server's work, the
transfer and the parsing of the page and its scripts. "cold" is the first load of a page after start,
"warm" the median of the next --runs loads. Widths: document scrollWidth at a 390 px wide viewport.
axe-core (static/vendor/axe.min.js, from npm) runs on each page at 390 and 1280 px.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import quote

sys.path.insert(0, str(Path(__file__).resolve().parent))
from serve_helper import start_server  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = os.environ.get("KRONIKA_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
AXE = ROOT / "src" / "kronika" / "serve" / "static" / "vendor" / "axe.min.js"
DCL = "performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd"


def pages(base: str) -> list[tuple[str, str]]:
    get = lambda u: json.load(urllib.request.urlopen(base + u))  # noqa: E731
    t = get("/api/timeline")
    sid = quote(t["subject"]["id"], safe="")
    docs = get("/api/docs")
    big = max(docs, key=lambda d: d["chars"])
    src = next((s for e in t["events"] for s in e["sources"]), None)
    doc_url = f"/doc/{quote(src['doc'], safe='')}#{src['start']}-{src['end']}" if src else \
        f"/doc/{quote(big['doc'], safe='')}"
    return [("home (timeline)", "/"), ("timeline", f"/person/{sid}"), ("map", f"/map/{sid}"),
            ("network (circle)", "/network"), ("network (whole)", "/network?all=1"), ("sources", "/docs"),
            ("source viewer", doc_url), ("largest source", f"/doc/{quote(big['doc'], safe='')}"),
            ("dossier", f"/entity/{sid}"), ("search", "/search?q=prison"),
            ("ask", "/ask?q=" + quote(f"Where was {t['subject']['name']} born?")), ("not found", "/nowhere")]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", required=True)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    from playwright.sync_api import sync_playwright

    t0 = time.perf_counter()
    proc, base = start_server(args.db, wait_s=120)
    started = time.perf_counter() - t0
    out = {"db": args.db, "server_ready_s": round(started, 2), "pages": []}
    try:
        t = json.load(urllib.request.urlopen(base + "/api/timeline"))
        sid = quote(t["subject"]["id"], safe="")
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
            page = browser.new_page(viewport={"width": 1280, "height": 860})
            # the first map view after start, before anything else has been asked for
            w0 = time.perf_counter()
            page.goto(base + f"/map/{sid}", wait_until="domcontentloaded")
            out["first_map_after_start_s"] = round(time.perf_counter() - w0, 3)
            out["first_map_dcl_ms"] = round(page.evaluate(DCL))
            for name, url in pages(base):
                page.goto(base + url, wait_until="load")
                cold = page.evaluate(DCL)
                warm = []
                for _ in range(args.runs):
                    page.goto(base + url, wait_until="load")
                    warm.append(page.evaluate(DCL))
                out["pages"].append({"page": name, "url": url, "cold_ms": round(cold), "warm_ms": round(
                    statistics.median(warm)), "warm_max_ms": round(max(warm))})
            phone = browser.new_page(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
            for row in out["pages"]:
                row["axe_serious"] = []
                for p, wide in ((phone, False), (page, True)):
                    p.goto(base + row["url"], wait_until="load")
                    p.wait_for_timeout(300)
                    if not wide:
                        row["width_390"] = p.evaluate("Math.max(document.documentElement.scrollWidth,"
                                                      " document.body.scrollWidth)")
                    if AXE.is_file():
                        p.add_script_tag(url="/static/vendor/axe.min.js")
                        res = p.evaluate("axe.run(document, {resultTypes: ['violations']})"
                                         ".then(r => r.violations.filter(v => ['serious','critical']"
                                         ".includes(v.impact)).map(v => v.id + ' (' + v.nodes.length + ')'))")
                        row["axe_serious"] += [("1280: " if wide else "390: ") + x for x in res]
            browser.close()
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    if args.json:
        print(json.dumps(out, indent=1))
        return 0
    print(f"database: {args.db}; server ready after {out['server_ready_s']} s (warm-up included)")
    print(f"first map view after start: {out['first_map_after_start_s']:.3f} s to DOMContentLoaded "
          f"(browser's own figure {out['first_map_dcl_ms']} ms)")
    print(f"{'page':<18} {'cold ms':>8} {'warm ms':>8} {'warm max':>9} {'width@390':>10}  axe serious/critical")
    for r in out["pages"]:
        print(f"{r['page']:<18} {r['cold_ms']:>8} {r['warm_ms']:>8} {r['warm_max_ms']:>9} {r.get('width_390', '?'):>10}"
              f"  {', '.join(r.get('axe_serious') or []) or '-'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
