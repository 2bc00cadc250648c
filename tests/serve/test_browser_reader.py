"""The web app as a reader meets it in Chromium: a readable network, phones, full-text search, a timeline
that opens on the life, offsets with astral characters, keyboard and screen-reader access (axe-core).

Mandatory when CI=true (missing chromium or playwright fails the run); skipped with a reason elsewhere.
"""
from __future__ import annotations

import json
import re
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import quote

import pytest
from conftest import live

pytestmark = pytest.mark.browser

VENDOR = Path(__file__).resolve().parents[2] / "src" / "kronika" / "serve" / "static" / "vendor"


def _vendor():
    if not (VENDOR / "vis-timeline.min.js").is_file() or not (VENDOR / "axe.min.js").is_file():
        from conftest import need_browser
        need_browser("static/vendor is incomplete: run `make web` (npm ci + copy-vendor.js)")


@pytest.fixture(scope="module")
def serge(chronicle_db):
    with live(chronicle_db) as base:
        yield base


@pytest.fixture(scope="module")
def maria(unicode_db):
    with live(unicode_db) as base:
        yield base


def _page(chromium, width=1280, height=900, **kw):
    ctx = chromium.new_context(viewport={"width": width, "height": height}, **kw)
    p = ctx.new_page()
    p.problems = []
    p.on("console", lambda m: p.problems.append(m.text) if m.type == "error" else None)
    p.on("pageerror", lambda e: p.problems.append(str(e)))
    return ctx, p


@pytest.fixture()
def page(chromium):
    ctx, p = _page(chromium)
    yield p
    ctx.close()


@pytest.fixture()
def phone(chromium):
    ctx, p = _page(chromium, 390, 844, is_mobile=True, has_touch=True)
    yield p
    ctx.close()


def _get(base, url):
    return json.load(urllib.request.urlopen(base + url))


def _pages(base):
    t = _get(base, "/api/timeline")
    sid = quote(t["subject"]["id"], safe="")
    src = t["events"][0]["sources"][0]
    docs = [d["doc"] for d in _get(base, "/api/docs")]
    return ["/", f"/person/{sid}", f"/map/{sid}", "/network", "/network?all=1", "/docs",
            f"/doc/{quote(src['doc'], safe='')}#{src['start']}-{src['end']}",
            *[f"/doc/{quote(d, safe='')}" for d in docs], f"/entity/{sid}", "/search?q=born",
            "/ask?q=" + quote("Where was she born?"), "/nowhere", "/entity/Nobody%20At%20All"]


# ---- 1. the network ----------------------------------------------------------------------------

def test_network_opens_on_one_circle_with_picker_filters_and_whole_graph(page, serge):
    _vendor()
    api = _get(serge, "/api/network")
    assert api["subject"]["name"] == "Victor Serge" and len(api["nodes"]) <= 60
    small = _get(serge, "/api/network?subject=Trotsky&limit=2")
    assert small["subject"]["name"] == "Leon Trotsky" and len(small["nodes"]) == 2
    with pytest.raises(urllib.error.HTTPError) as bad:
        urllib.request.urlopen(serge + "/api/network?limit=lots")
    assert bad.value.code == 400
    page.goto(serge + "/network", wait_until="networkidle")
    assert page.locator("h1").inner_text() == "Victor Serge: circle"
    page.locator("#network canvas").wait_for(timeout=5000)
    names = page.locator("#node-list button.node").all_inner_texts()
    assert "Victor Serge" in names and "Leon Trotsky" in names
    assert page.locator("select#subject-pick").count() == 1 and page.locator("label[for=subject-pick]").count() == 1
    # filter by kind of link: unchecking "worked_with" hides its rows
    rows = page.locator("table.edges tr[data-labels*='worked_with']")
    assert rows.count() >= 1 and rows.first.is_visible()
    for box in page.locator("#net-filters input[name=label]").all():
        if box.get_attribute("value") != "worked_with":
            box.uncheck()
    assert rows.first.is_visible()
    page.locator("#net-filters input[value=worked_with]").uncheck()
    assert rows.first.is_hidden()
    page.locator("#net-filters input[value=PERSON]").uncheck()
    assert page.locator("#node-list li[data-type=PERSON]").first.is_hidden()
    # the whole graph only on request
    page.locator("a", has_text="the whole graph").click()
    page.wait_for_url(re.compile(r"all=1"))
    assert "most-linked" in page.locator(".subject .links").inner_text()
    assert not page.problems, page.problems


def test_network_node_list_opens_the_panel_and_escape_closes_it(page, serge):
    page.goto(serge + "/network", wait_until="networkidle")
    btn = page.locator("#node-list button.node", has_text="Leon Trotsky")
    btn.focus()
    page.keyboard.press("Enter")
    panel = page.locator("#detail")
    assert panel.is_visible() and "Trotsky" in panel.locator("h2").inner_text()
    assert page.evaluate("document.getElementById('detail').contains(document.activeElement)")
    assert panel.locator("button.close").is_visible()
    page.keyboard.press("Escape")
    assert panel.is_hidden()
    assert page.evaluate("document.activeElement.textContent") == "Leon Trotsky"


# ---- 2. phones ---------------------------------------------------------------------------------

@pytest.mark.parametrize("which", ["serge", "maria"])
def test_every_page_fits_a_phone(phone, which, request):
    base = request.getfixturevalue(which)
    long_q = "Aleksandr" * 40  # a long name in a heading must wrap
    for u in _pages(base) + ["/search?q=" + long_q]:
        phone.goto(base + u, wait_until="networkidle")
        w = phone.evaluate("Math.max(document.documentElement.scrollWidth, document.body.scrollWidth)")
        assert w <= 390, (u, w)


def test_detail_panel_is_usable_on_a_phone(phone, maria):
    phone.goto(maria + "/", wait_until="networkidle")
    phone.locator("li.event", has_text="Imprisoned in Lisbon").locator(".what").first.click(position={"x": 5, "y": 5})
    panel = phone.locator("#detail")
    panel.locator("blockquote").first.wait_for(timeout=5000)
    box, close = panel.bounding_box(), panel.locator("button.close").bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 390 and box["y"] + box["height"] <= 844
    assert 0 <= close["x"] and close["x"] + close["width"] <= 390 and close["y"] >= box["y"] - 1
    panel.evaluate("p => { p.scrollTop = p.scrollHeight; }")
    panel.locator("button.close").click()  # still reachable once the panel is scrolled
    assert panel.is_hidden()


# ---- 3. full-text search -----------------------------------------------------------------------

def test_search_finds_words_of_the_texts_and_links_to_the_passage(page, serge):
    page.goto(serge + "/search?q=russian+exiles", wait_until="networkidle")
    link = page.locator("ol.passages a.passage").first
    assert page.locator("ol.passages mark").all_inner_texts()[:2] == ["Russian", "exiles"]
    href = link.get_attribute("href")
    assert href.startswith("/doc/a_serge_life.txt#")
    link.click()
    page.wait_for_url(re.compile(r"#\d+-\d+$"))
    a, b = map(int, href.rsplit("#", 1)[1].split("-"))
    doc = _get(serge, "/api/doc?name=a_serge_life.txt")
    assert "".join(page.locator("mark.quote-hl").all_inner_texts()) == doc["text"][a:b]


# ---- 4. the timeline opens on the life ---------------------------------------------------------

def test_timeline_opens_on_the_life_with_labels_and_conflicts_in_words(page, maria):
    _vendor()
    page.goto(maria + "/", wait_until="networkidle")
    assert page.locator("h1").first.inner_text() == "Maria Sousa"
    page.locator(".vis-item").first.wait_for(timeout=5000)
    years = [int(t) for t in page.locator(".vis-time-axis .vis-text").all_inner_texts() if re.fullmatch(r"\d{4}", t)]
    assert years and min(years) >= 1870 and max(years) <= 1960, years  # not 1500-2000 for one outlier
    assert page.locator(".vis-item", has_text="Family house built").count() == 0 or \
        page.locator(".vis-item", has_text="Family house built").first.bounding_box()["x"] < 0
    birth = page.locator("li.event[data-type=birth] .when").inner_text()
    assert birth.strip() == "1880"  # the interval 1880 .. 1880-12-31 said at its precision
    conflicts = page.locator("#conflicts")
    text = conflicts.inner_text()
    assert "born 30 December 1880 — born 31 December 1880" in text
    assert "event:" not in text and "birth_date" not in text
    assert "agreeing, less precise: born 1880" in text  # "1880" joins a side rather than disagreeing
    assert conflicts.locator(".side").count() == 4  # two conflicts (the fact and the event), two sides each
    assert not page.problems, page.problems


# ---- 5. offsets in the browser -----------------------------------------------------------------

def test_quotations_in_context_after_astral_characters(page, maria):
    from unicode_db import DOC_A

    t = _get(maria, "/api/timeline")
    for ev in t["events"]:
        for s in ev["sources"]:
            if s["doc"] != "maria_a.txt":
                continue
            assert DOC_A[s["start"]:s["end"]] == s["quote"]
            page.goto(f"{maria}/doc/maria_a.txt#{s['start']}-{s['end']}", wait_until="networkidle")
            assert "".join(page.locator("mark.quote-hl").all_inner_texts()) == s["quote"], s
    page.goto(maria + "/", wait_until="networkidle")
    page.locator("li.event", has_text="Died in Lisbon").locator(".what").first.click(position={"x": 5, "y": 5})
    s = next(s for e in t["events"] if e["summary"] == "Died in Lisbon" for s in e["sources"])
    want = DOC_A[max(0, s["start"] - 240):s["start"]] + s["quote"] + DOC_A[s["end"]:s["end"] + 240]
    page.wait_for_function("document.querySelector('#detail blockquote').textContent.length > 60")
    got = page.locator("#detail blockquote").first.evaluate("b => b.textContent")
    assert got.strip("…") == want  # no shifted context: "1880.She moved …" would fail here


# ---- 6. keyboard and screen readers ------------------------------------------------------------

def _axe(p):
    p.add_script_tag(url="/static/vendor/axe.min.js")
    return p.evaluate("axe.run(document, {resultTypes: ['violations']}).then(r => r.violations"
                      ".filter(v => v.impact === 'serious' || v.impact === 'critical')"
                      ".map(v => v.id + ': ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', ')))")


@pytest.mark.parametrize("which", ["serge", "maria"])
def test_axe_finds_no_serious_problem_on_any_page(chromium, which, request):
    _vendor()
    base = request.getfixturevalue(which)
    for width, height in ((1280, 900), (390, 844)):
        ctx, p = _page(chromium, width, height)
        try:
            for u in _pages(base):
                p.goto(base + u, wait_until="networkidle")
                assert _axe(p) == [], (u, width)
            p.goto(base + "/", wait_until="networkidle")  # with the panel open
            p.locator("li.event").first.locator(".what").click(position={"x": 5, "y": 5})
            p.locator("#detail blockquote").first.wait_for(timeout=5000)
            assert _axe(p) == [], ("/ with the panel", width)
        finally:
            ctx.close()


def test_skip_link_and_keyboard_on_the_timeline(page, maria):
    _vendor()
    page.goto(maria + "/", wait_until="networkidle")
    page.locator(".vis-item[tabindex='0']").first.wait_for(timeout=5000)
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    # the chart's items are in the Tab order; Enter opens the panel, Escape closes it, focus comes back
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('vis-item')"):
            break
    else:
        pytest.fail("no chart item reached by Tab")
    label = page.evaluate("document.activeElement.getAttribute('aria-label')")
    page.keyboard.press("Enter")
    panel = page.locator("#detail")
    assert panel.is_visible() and panel.locator("h2").inner_text() in label
    assert page.evaluate("document.getElementById('detail').contains(document.activeElement)")
    page.keyboard.press("Escape")
    assert panel.is_hidden()
    assert page.evaluate("document.activeElement.classList.contains('vis-item')")
    # the list: an event is one Tab stop, Enter opens it
    page.locator("li.event").first.focus()
    page.keyboard.press("Enter")
    assert panel.is_visible()
    page.keyboard.press("Escape")
    assert page.evaluate("document.activeElement.classList.contains('event')")


def test_highlighted_spans_reached_by_keyboard(page, serge):
    page.goto(serge + "/doc/a_serge_life.txt", wait_until="networkidle")
    spans = page.locator("#doctext span[data-ann][tabindex='0']")
    assert spans.count() == 1  # one passage in the Tab order, the arrows move between them
    spans.first.focus()
    first = page.evaluate("document.activeElement.dataset.s")
    page.keyboard.press("ArrowRight")
    assert page.evaluate("document.activeElement.dataset.s") != first
    page.keyboard.press("Enter")
    assert page.locator("#detail li.ann").count() >= 1
    page.keyboard.press("Escape")
    assert page.locator("#detail").is_hidden()
    assert page.evaluate("document.activeElement.hasAttribute('data-ann')")


def test_map_places_reached_by_keyboard(page, serge):
    _vendor()
    page.goto(serge + "/map/Victor%20Serge", wait_until="networkidle")
    places = page.locator("#map path[role=button]")
    assert places.count() >= 3
    assert places.first.get_attribute("aria-label")
    places.first.focus()
    page.keyboard.press("Enter")
    page.locator(".leaflet-popup-content").wait_for(timeout=3000)
    assert "dossier" in page.locator(".leaflet-popup-content").inner_text()


def test_wide_tables_are_cards_on_a_phone(phone, serge):
    phone.goto(serge + "/docs", wait_until="networkidle")
    cell = phone.locator("table.docs td[data-label=Author]").first
    assert cell.evaluate("td => getComputedStyle(td).display") == "block"
    assert cell.evaluate("td => getComputedStyle(td, '::before').content").startswith('"Author')


# ---- 7. small things ---------------------------------------------------------------------------

def test_ask_leaves_the_search_box_alone_and_errors_speak_to_people(page, serge):
    page.goto(serge + "/ask?q=" + quote("Where was Serge exiled?"), wait_until="networkidle")
    assert page.locator("header form.search input").input_value() == ""
    for u in ("/nowhere", "/entity/Nobody%20At%20All", "/person/Nobody%20At%20All"):
        page.goto(serge + u, wait_until="networkidle")
        text = page.locator("main").inner_text()
        assert "kronika " not in text and "`" not in text, (u, text)
        assert "search" in text.lower(), (u, text)
