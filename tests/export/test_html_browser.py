"""The static HTML export in a real browser (Debian's Chromium via Playwright): it draws from its own inline
scripts, makes no request, and a ``<script>`` inside a document stays text (never runs).

Mandatory when CI=true; skipped with a reason elsewhere.
"""
from __future__ import annotations

import os
import shutil

import pytest

from kronika.export import export

pytestmark = pytest.mark.browser

CHROMIUM = os.environ.get("KRONIKA_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]


def _need(reason: str):
    if os.environ.get("CI") == "true":
        pytest.fail(f"browser tests are mandatory in CI: {reason}")
    pytest.skip(reason)


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


def test_the_export_draws_offline_and_a_documents_script_stays_inert(browser, conn, tmp_path):
    path = export(conn, "html", str(tmp_path / "p.html"))
    assert "\\u003cscript\\u003ealert(1)" in open(path, encoding="utf-8").read()  # the hostile text is in the data
    ctx = browser.new_context()
    page = ctx.new_page()
    dialogs, problems, requests = [], [], []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.on("pageerror", lambda e: problems.append(str(e)))
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("request", lambda r: requests.append(r.url))
    url = "file://" + os.path.abspath(path)
    page.goto(url)
    page.wait_for_selector("#timeline svg")
    # open every event's detail: the hostile document's text is shown as text, never parsed as markup
    for row in page.locator("#timeline svg g.row").all():
        row.click()
    page.wait_for_timeout(200)
    assert dialogs == [] and problems == []
    assert requests == [url]
    assert page.evaluate("[...document.scripts].every(s => s.type === 'application/json' || !s.src)")
    assert page.evaluate("document.querySelectorAll('#detail script, ol.events script, #detail img').length") == 0
    ctx.close()
