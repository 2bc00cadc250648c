"""The store in, a TimelineJS3 JSON file out: one person's events as slides.

``{"title": {"text": {"headline", "text"}}, "events": [{"unique_id", "start_date": {"year", "month",
"day"}, "end_date", "display_date", "text": {"headline", "text"}, "group"}]}``. TimelineJS renders
``text`` as HTML, so every string from a document is HTML-escaped here. Undated events
keep their place in the chronology (the previous dated event's date) and say so in
``display_date``.
"""
from __future__ import annotations

import html
import json
import re

from ..store import reads


def tl_date(iso: str | None) -> dict | None:
    m = re.match(r"^(-?\d{1,4})(?:-(\d{2}))?(?:-(\d{2}))?", iso or "")
    if not m:
        return None
    out = {"year": int(m.group(1))}
    if m.group(2):
        out["month"] = int(m.group(2))
    if m.group(3):
        out["day"] = int(m.group(3))
    return out


def display(d: dict) -> str:
    s, e = d.get("start"), d.get("end")
    t = s if s and s == e else f"{s}–{e}" if s and e else f"after {s}" if s else f"before {e}" if e else "undated"
    return t + (" (inferred)" if d.get("inferred") else "")


def slide_text(ev: dict) -> str:
    esc = html.escape
    parts = []
    if ev["places"]:
        parts.append("<p>In " + ", ".join(esc(p["name"]) for p in ev["places"]) + ".</p>")
    if ev["participants"]:
        parts.append("<p>With " + ", ".join(esc(p["name"]) for p in ev["participants"]) + ".</p>")
    parts.append(f"<p><em>{esc(ev['status'])}, confidence {ev['confidence']:.2f}</em></p>")
    for s in ev["sources"]:
        parts.append(f"<blockquote>{esc(s['quote'])}</blockquote><p>— {esc(s['doc'])} [{s['start']}–{s['end']}]</p>")
    return "".join(parts)


def timeline_json(conn, subject: str | None = None) -> dict:
    t = reads.timeline(conn, subject)
    events, last = [], None
    for ev in t["events"]:
        start = tl_date(ev["date"]["start"]) or tl_date(ev["date"]["end"])
        end = tl_date(ev["date"]["end"]) if ev["date"]["start"] else None
        undated = start is None
        if undated:
            if last is None:
                continue
            start = dict(last)
        last = start
        slide = {"unique_id": ev["id"], "start_date": start,
                 "display_date": "undated" if undated else display(ev["date"]),
                 "text": {"headline": html.escape(ev["summary"]), "text": slide_text(ev)},
                 "group": ev["type"]}
        if end and end != start:
            slide["end_date"] = end
        events.append(slide)
    # TimelineJS shows slides by start date whatever their order; the file lists them the same way (stable: the
    # chronicle's order within a date), so that a wide interval placed late by the narrative reads where it shows.
    events.sort(key=lambda sl: tuple(sl["start_date"].get(k, 0) for k in ("year", "month", "day")))
    name = html.escape(t["subject"]["name"])
    aliases = ", ".join(html.escape(a) for a in t["subject"]["aliases"])
    return {"title": {"text": {"headline": name,
                               "text": f"<p>{len(events)} events from kronika{'; also ' + aliases if aliases else ''}.</p>"}},
            "events": events}


def write(conn, dest: str, subject: str | None = None) -> str:
    with open(dest, "w", encoding="utf-8") as fh:
        json.dump(timeline_json(conn, subject), fh, ensure_ascii=False, indent=1)
    return dest
