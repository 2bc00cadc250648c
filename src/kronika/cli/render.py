"""Contract-shaped data in, text for people out (tables, a chronology, dossiers)."""
from __future__ import annotations

import json
import re
import shutil
import sys
import textwrap


def emit(obj) -> None:
    """``obj`` as indented JSON on stdout (the ``--format json`` output of every command)."""
    json.dump(obj, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def _w() -> int:
    return max(60, min(120, shutil.get_terminal_size((100, 20)).columns))


def _short(s: str | None, n: int) -> str:
    s = " ".join((s or "").split())
    return s if len(s) <= n else s[: n - 1] + "…"


_MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                "November", "December"]
_SEASONS = {(3, 5): "spring", (6, 8): "summer", (9, 11): "autumn"}


def _bound_label(v: str) -> str:
    """One ISO bound as people write it: '1885', 'June 1906', '14 November 1840'."""
    p = v.split("T")[0].split("-")
    try:
        if len(p) >= 3 and p[0]:
            return f"{int(p[2])} {_MONTH_NAMES[int(p[1]) - 1]} {p[0]}"
        if len(p) == 2 and p[0]:
            return f"{_MONTH_NAMES[int(p[1]) - 1]} {p[0]}"
    except (ValueError, IndexError):
        pass
    return v


def _same_precision(s: str, e: str) -> tuple[str, str]:
    """'1890' and '1890-12-31': the bound that only closes the other's year or month adds nothing."""
    if len(s) == 4 and e[4:] in ("-12", "-12-31"):
        e = e[:4]
    if len(e) == 4 and s[4:] in ("-01", "-01-01"):
        s = s[:4]
    return s, e


def date_label(d: dict) -> str:
    """An interval at the precision its evidence has: '1885', '1885–1887', 'spring 1906', 'after 1919'."""
    s, e = d.get("start"), d.get("end")
    if not s and not e:
        return "undated"
    if s and e:
        s, e = _same_precision(s, e)
    if s == e:
        lab = _bound_label(s)
    elif s and e:
        season = None
        if len(s) == 7 and len(e) == 7 and s[:4] == e[:4]:
            season = _SEASONS.get((int(s[5:7]), int(e[5:7])))
        elif len(s) == 7 and len(e) == 7 and int(e[:4]) == int(s[:4]) + 1 and s[5:7] == "12" and e[5:7] == "02":
            season = "winter"
        if season:
            lab = f"{season} {s[:4]}"
        elif len(s) == 4 and len(e) == 4:
            lab = f"{s}–{e}"
        elif s[:4] == e[:4] and len(s) == 7 and len(e) == 7:
            lab = f"{_MONTH_NAMES[int(s[5:7]) - 1]}–{_MONTH_NAMES[int(e[5:7]) - 1]} {s[:4]}"
        else:
            lab = f"{_bound_label(s)} – {_bound_label(e)}"
    elif s:
        lab = f"after {_bound_label(s)}"
    else:
        lab = f"before {_bound_label(e)}"
    return ("~" + lab) if d.get("inferred") else lab


# Characters a terminal would act on instead of showing: C0/C1 controls, DEL, and bidirectional overrides.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def safe(s) -> str:
    """Text from a document made harmless for a terminal: each control character shown as its escape."""
    return _CONTROL.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), str(s))


def docs(data: list[dict]) -> str:
    if not data:
        return "no documents; add some with `kronika build PATH`"
    lines = []
    for d in data:
        meta = ", ".join(safe(x) for x in (d.get("genre"), d.get("author") and f"by {d['author']}",
                                           d.get("published"), d.get("about") and f"about {d['about']}") if x)
        lines.append(f"{safe(d['doc'])}\n  {safe(_short(d.get('title') or '(no title)', 90))}\n  {meta}; "
                     f"{d['chars']} chars"
                     + (f"; {len(d['stripped'])} boilerplate passage(s) stripped" if d["stripped"] else ""))
    return "\n".join(lines)


def failures(data: list[dict]) -> str:
    if not data:
        return "no failures"
    return "\n".join(f"{safe(f['doc'])}  [{f['stage']}] {safe(f['reason'])}" for f in data)


def entities(data: list[dict]) -> str:
    if not data:
        return "no entities"
    out = [f"{'TYPE':7} {'MENTIONS':>8}  NAME (ALIASES)"]
    for e in data:
        al = f" ({', '.join(e['aliases'][:4])}{', …' if len(e['aliases']) > 4 else ''})" if e["aliases"] else ""
        out.append(f"{e['type']:7} {e['mentions']:>8}  {e['name']}{al}")
    return "\n".join(out)


def _srcdocs(sources: list[dict]) -> str:
    docs = []
    for s in sources:
        if s["doc"] not in docs:
            docs.append(s["doc"])
    return ", ".join(docs)


def timeline(data: dict) -> str:
    s = data["subject"]
    w = _w()
    head = f"{s['name']}" + (f"  (also: {', '.join(s['aliases'][:5])})" if s.get("aliases") else "")
    out = [head, "=" * min(len(head), w)]
    if not data["events"]:
        out.append("no events found")
    dw = max([16] + [len(date_label(e["date"])) for e in data["events"]])
    pad = dw + 4
    for e in data["events"]:
        mark = {"corroborated": "✓", "conflicting": "!", "single-source": " "}[e["status"]]
        where = ", ".join(p["name"] for p in e["places"])
        who = ", ".join(p["name"] for p in e["participants"])
        extra = "; ".join(x for x in (where, who and f"with {who}") if x)
        line = f"{date_label(e['date']):>{dw}}  {mark} {e['summary']}" + (f" [{extra}]" if extra else "")
        if e.get("fiction"):
            line += " (from a novel)"
        out.append(line)
        q = e["sources"][0]["quote"] if e["sources"] else ""
        out.append(" " * pad + _short(f"“{q}” — {_srcdocs(e['sources'])}", w - pad))
        if e.get("note"):
            out.append(" " * pad + f"note: {e['note']}")
    out.append("")
    out.append("✓ stated by two or more documents   ! the sources disagree   ~ date inferred")
    return "\n".join(out)


def show(data: dict) -> str:
    e = data["entity"]
    out = [f"{e['name']}  [{e['type']}, {e['id']}]"]
    if e["aliases"]:
        out.append("also: " + ", ".join(e["aliases"]))
    out.append(f"{e['mentions']} mentions in {len(e['docs'])} document(s): {', '.join(e['docs'])}")
    if data["facts"]:
        out += ["", "Facts"]
        for f in data["facts"]:
            out.append(f"  {f['attribute']:14} {f['value']}   — {_srcdocs(f['sources'])}"
                       + (f"   [{f['id']}]" if f.get("id") else ""))
    if data["events"]:
        out += ["", "Events"]
        for ev in data["events"]:
            out.append(f"  {date_label(ev['date']):>16}  {ev['summary']}   — {_srcdocs(ev['sources'])}")
    if data["relations"]:
        out += ["", "Relations"]
        for r in data["relations"]:
            out.append(f"  {r['source']['name']} —{r['relation']}→ {r['target']['name']}   — {_srcdocs(r['sources'])}")
    if data["claims"]:
        out += ["", "Claims"]
        out.append(claims(data["claims"], indent="  "))
    return "\n".join(out)


def conflicts(data: list[dict]) -> str:
    if not data:
        return "the sources agree (no conflicting values found)"
    out = []
    for c in data:
        out.append(f"{c['attribute']}" + (f" ({c['summary']})" if c.get("summary") else ""))
        for cl in c["claims"]:
            for s in cl["sources"]:
                out.append(f"  {cl['value']:<24} {s['doc']}: “{_short(s['quote'], 80)}”")
    return "\n".join(out)


def claims(data: list[dict], indent: str = "") -> str:
    if not data:
        return indent + "no claims"
    groups: dict[str, list[dict]] = {}
    for c in data:
        holder = c["holder"]["name"] if c["holder"] else "the document's own voice"
        groups.setdefault(holder, []).append(c)
    out = []
    for holder, cs in groups.items():
        out.append(f"{indent}{holder}")
        for c in cs:
            src = c["sources"][0] if c["sources"] else {}
            by = f" (by {src['author']})" if not c["holder"] and src.get("author") else ""
            out.append(f"{indent}  [{c['stance']:8}] on {c['about']['name']}: {_short(c['text'], 90)}"
                       f" — {src.get('doc', '')}{by}")
    return "\n".join(out)


def answers(data: dict) -> str:
    if not data["answers"]:
        return "The documents do not say."
    out = []
    for i, a in enumerate(data["answers"], 1):
        out.append(f"{i}. {a['text']}")
        for s in a["sources"][:2]:
            out.append(textwrap.indent(textwrap.fill(f"“{_short(s['quote'], 300)}” — {s['doc']}", _w() - 6), "   "))
    return "\n".join(out)


def corrections(rows: list[dict]) -> str:
    if not rows:
        return "no corrections"
    return "\n".join(f"{r['id']:>3}  {r['created']}  {r['action']} {r['target']} {r['value'] or ''}"
                     + (f"  ({r['reason']})" if r["reason"] else "") for r in rows)


def annotation(data: dict) -> str:
    out = [f"{data['doc']}: {len(data['entities'])} entity mentions, {len(data['timexes'])} time expressions, "
           f"{len(data['events'])} events"]
    for t in data["timexes"]:
        out.append(f"  TIME  {t['text']!r:40} {t['type']:8} {t['value']}" + (f" {t['mod']}" if t.get("mod") else ""))
    for e in data["events"]:
        out.append(f"  EVENT {e['type']:13} {e['summary']}  ({date_label(e['date'])})")
    return "\n".join(out)
