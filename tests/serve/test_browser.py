"""The web app in a real browser: Debian's Chromium driven by Playwright (never a downloaded browser).

Mandatory when CI=true (missing chromium or playwright fails the run); skipped with a reason elsewhere.
"""
from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

CHROMIUM = os.environ.get("KRONIKA_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
VENDOR = Path(__file__).resolve().parents[2] / "src" / "kronika" / "serve" / "static" / "vendor"


def _need(reason: str):
    if os.environ.get("CI") == "true":
        pytest.fail(f"browser tests are mandatory in CI: {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def live_server(chronicle_db):
    import uvicorn
    from kronika.serve.app import create_app

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(chronicle_db, allowed_hosts={"127.0.0.1", "localhost"}),
                                           host="127.0.0.1", port=port, log_level="warning"))
    t = threading.Thread(target=server.run, daemon=True)
    t.start()
    for _ in range(200):
        if server.started:
            break
        time.sleep(0.05)
    assert server.started, "the web app did not start"
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    t.join(timeout=10)


@pytest.fixture(scope="module")
def browser():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _need("the playwright package is not installed (pip install playwright; no browser download needed)")
    if not (os.path.exists(CHROMIUM) or shutil.which(CHROMIUM)):
        _need(f"{CHROMIUM} is missing (apt-get install -y chromium)")
    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield b
        b.close()


@pytest.fixture()
def page(browser, live_server):
    ctx = browser.new_context(viewport={"width": 1280, "height": 900})
    p = ctx.new_page()
    p.dialogs, p.problems, p.foreign = [], [], []

    def on_dialog(d):
        p.dialogs.append(d.message)
        d.dismiss()

    p.on("dialog", on_dialog)
    p.on("console", lambda m: p.problems.append(m.text) if m.type == "error" else None)
    p.on("pageerror", lambda e: p.problems.append(str(e)))
    p.on("request", lambda r: p.foreign.append(r.url) if not r.url.startswith(live_server) else None)
    yield p
    ctx.close()


def _click_event(page, text: str):
    box = page.locator(".vis-item.vis-box", has_text=text)
    if box.count():
        box.first.click()
    else:  # no vendor files: the plain list is the timeline
        page.locator("li.event", has_text=text).first.click()


def test_timeline_shows_serge_and_a_click_shows_the_quotation(page, live_server):
    page.goto(live_server + "/", wait_until="networkidle")
    assert page.locator("h1").first.inner_text() == "Victor Serge"
    assert page.locator("li.event").count() >= 9
    if VENDOR.is_dir():
        assert page.locator(".vis-item.vis-box").count() >= 5, "vis-timeline should draw the axis"
    _click_event(page, "Exiled to Orenburg")
    mark = page.locator("#detail mark").first
    mark.wait_for(timeout=5000)
    quotes = page.locator("#detail mark").all_inner_texts()
    assert "arrested in 1933 and exiled to Orenburg" in quotes
    page.wait_for_function("document.querySelector('#detail blockquote').textContent.includes('He was ')")
    assert not page.problems, page.problems
    assert not page.foreign, page.foreign


def test_filters_hide_events(page, live_server):
    page.goto(live_server + "/", wait_until="networkidle")
    page.locator('#filters input[value="exile"]').uncheck()
    assert page.locator("li.event[data-type=exile]").first.is_hidden()
    assert page.locator("li.event[data-type=birth]").first.is_visible()
    if VENDOR.is_dir():
        assert page.locator(".vis-item.vis-box", has_text="Exiled to Orenburg").count() == 0
    page.locator('#filters input[value="corroborated"]').uncheck()
    assert page.locator("li.event[data-status=corroborated]").first.is_hidden()
    assert page.locator("li.event[data-status=single-source]").first.is_visible()


def test_uncertain_dates_are_ranges_and_inferred_ones_marked(page, live_server):
    if not VENDOR.is_dir():
        pytest.skip("static/vendor is absent (run `make web`): the list shows the dates as text")
    page.goto(live_server + "/", wait_until="networkidle")
    rng = page.locator(".vis-item.vis-range.uncertain", has_text="Joined the Bolsheviks")
    rng.first.wait_for(state="visible", timeout=5000)  # the chart shows once it is set to the life's window
    assert rng.count() == 1  # 1919-1920: a bar over the interval, not a point
    assert "inferred" in rng.first.get_attribute("class")
    assert rng.first.inner_text().startswith("~")
    assert "inferred" not in page.locator(".vis-item", has_text="Exiled to Orenburg").first.get_attribute("class")


def test_source_page_highlights_the_hash_range(page, live_server):
    import json
    import urllib.request
    t = json.load(urllib.request.urlopen(live_server + "/api/timeline"))
    from urllib.parse import quote
    for s in (s for e in t["events"] if e["type"] == "exile" for s in e["sources"]):
        page.goto(f"{live_server}/doc/{quote(s['doc'], safe='')}#{s['start']}-{s['end']}", wait_until="networkidle")
        assert "".join(page.locator("mark.quote-hl").all_inner_texts()) == s["quote"]
    assert "".join(page.locator("mark.quote-hl").all_inner_texts()) == s["quote"]
    assert page.locator(".seg.stripped").count() + page.locator(".stripped-list li").count() >= 1
    page.locator("#doctext .seg.event").first.click()
    page.locator("#detail li.ann").first.wait_for(timeout=5000)
    assert "event" in page.locator("#detail").inner_text()


def test_hostile_document_stays_inert(page, live_server):
    urls = ["/doc/c_hostile.html", "/", "/network", "/map/Victor%20Serge", "/entity/Victor%20Serge",
            "/docs", "/search?q=%3Cscript%3Ealert(1)%3C/script%3E", "/ask?q=%3Cimg%20src=x%20onerror=alert(1)%3E"]
    for u in urls:
        page.goto(live_server + u, wait_until="networkidle")
        page.wait_for_timeout(150)
        assert page.locator("img[src='x'], img[onerror]").count() == 0, u
        assert page.locator("[onmouseover], [onerror], [onclick]").count() == 0, u
        assert page.locator("a[href^='javascript:'], a[href^='JAVASCRIPT:']").count() == 0, u
        assert page.locator("script:not([src]):not([type='application/json'])").count() == 0, u
        assert page.locator("b").count() == 0, u
    page.goto(live_server + "/doc/c_hostile.html", wait_until="networkidle")
    assert "<script>alert(1)</script>" in page.locator("#doctext").inner_text()
    page.goto(live_server + "/", wait_until="networkidle")
    _click_event(page, "alert('summary')")
    page.locator("#detail mark").first.wait_for(timeout=5000)
    page.wait_for_timeout(300)  # the document text arrives and goes in as text
    assert "<img src=x onerror=alert(1)>" in page.locator("#detail").inner_text()
    assert page.locator("#detail img, #detail script, #detail b").count() == 0
    assert page.dialogs == [], page.dialogs
    assert not page.foreign, page.foreign


def test_map_and_network_draw_offline(page, live_server):
    if not VENDOR.is_dir():
        pytest.skip("static/vendor is absent (run `make web`): the map and network fall back to tables")
    page.goto(live_server + "/map/Victor%20Serge", wait_until="networkidle")
    page.locator(".leaflet-overlay-pane path").first.wait_for(timeout=5000)
    assert page.locator(".leaflet-overlay-pane path").count() > 50  # countries + places + the path
    assert page.locator(".leaflet-tile").count() == 0  # no tile server
    page.goto(live_server + "/network", wait_until="networkidle")
    page.locator("#network canvas").wait_for(timeout=5000)
    assert not page.problems, page.problems
    assert not page.foreign, page.foreign
