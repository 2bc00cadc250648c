"""Historical-event table in, event lookups and event-anchored dates ("after the Russian Revolution") out."""
from __future__ import annotations

import re
from datetime import date, timedelta
from functools import lru_cache

from ...lexicons import load, mapping
from ...records import Timex
from .lexicon import NUM_RE, word_number
from .values import iso

_GENERIC = mapping("time", "generic_event_words")


@lru_cache(maxsize=1)
def _table() -> tuple[list[dict], dict[str, dict]]:
    """The event table and an index from normalised names/aliases to events (loaded once, lazily)."""
    events = load("historical_events")["events"]
    index: dict[str, dict] = {}
    for e in events:
        for n in [e["name"], e["id"], *e.get("aliases", [])]:
            index.setdefault(_norm(n), e)
    return events, index


def _norm(name: str) -> str:
    n = re.sub(r"[‘’`´]", "'", name.lower())
    n = re.sub(r"[–—]", "-", n)
    n = re.sub(r"^(?:the|a|an)\s+", "", n.strip())
    return re.sub(r"\s+", " ", re.sub(r"[^\w'\- ]+", " ", n)).strip()


def find_event(name: str) -> dict | None:
    """An event of the table by its name, id or one of its aliases ("the Kronstadt rebellion"), or None."""
    if not isinstance(name, str) or not name.strip():
        return None
    return _table()[1].get(_norm(name))


def _years(e: dict) -> tuple[int, int]:
    a = int(e["start"][:4])
    b = int((e.get("end") or e["start"])[:4])
    return a, b


#: Kinds of named events that happen inside a war and so make that war the salient one.
_WAR_EPISODES = {"invasion", "battle", "occupation", "siege", "offensive", "liberation", "landing", "bombing",
                 "campaign", "evacuation", "armistice", "massacre", "uprising"}


def _war_containing(e: dict, events: list[dict]) -> dict | None:
    """The war during which an episode (an invasion, a battle) happened; world wars first, then the best known."""
    y0 = e["start"][:10]
    best, best_key = None, None
    for w in events:
        if w["kind"] != "war" or not (w["start"][:10] <= y0 <= (w.get("end") or w["start"])[:10] + "-99"):
            continue
        key = ("World War" in w["name"], len(w.get("aliases", [])))
        if best_key is None or key > best_key:
            best, best_key = w, key
    return best


def salient_event(kind: str, context_years: list[int], named: list[str]) -> dict | None:
    """The event of a kind ("war", "revolution", "armistice", ...) that a document's ambiguous mention means.

    Preference: the most recently named event of that kind (``named`` in reading order), then
    the event of that kind that covers most of the document's dated years. An armistice is the
    one that ended the salient war.
    """
    events, _ = _table()
    only = "Civil War" if kind.lower().strip() == "civil war" else None
    kind = _GENERIC.get(kind.lower(), kind.lower())
    if only:
        events = [e for e in events if only in e["name"]]
    if kind == "armistice":
        wars = [find_event(n) for n in reversed(named)]
        wars = [w for w in wars if w and w["kind"] == "war"]
        by_years = salient_event("war", context_years, [])
        for war in wars + ([by_years] if by_years else []):
            for e in events:
                if e["kind"] == "armistice" and war["id"] in e.get("ends", []):
                    return e
        for n in reversed(named):
            e = find_event(n)
            if e and e["kind"] == "armistice":
                return e
        return None
    for n in reversed(named):
        e = find_event(n)
        if e and e["kind"] == kind and (not only or only in e["name"]):
            return e
        if e and kind == "war" and not only and e["kind"] in _WAR_EPISODES:
            # "as Nazi Germany invaded France ... after the cessation of hostilities": the war it was part of
            w = _war_containing(e, events)
            if w is not None:
                return w
    years = [y for y in context_years if isinstance(y, int)]
    if not years:
        return None
    best, best_score = None, 0.0
    for e in events:
        if e["kind"] != kind:
            continue
        a, b = _years(e)
        inside = sum(1 for y in years if a - 1 <= y <= b + 1)
        if not inside:
            continue
        score = inside + 0.1 * min(len(e.get("aliases", [])), 8) + (1.5 if "World War" in e["name"] else 0)
        if score > best_score:
            best, best_score = e, score
    if best is None and kind in ("war", "revolution"):
        # a life dated before the event ("born in 1890 ... the war"): the next major one within 30 years
        last = max(years)
        for e in events:
            a, b = _years(e)
            if e["kind"] == kind and last < a <= last + 30 and len(e.get("aliases", [])) >= 3:
                score = len(e.get("aliases", [])) - (a - last) / 10 + (3 if "World War" in e["name"] else 0)
                if score > best_score:
                    best, best_score = e, score
    return best


def _value(e: dict) -> tuple[str, str | None, str | None]:
    """TIMEX3-style value and inclusive bounds of an event's interval."""
    s, t = e["start"], e.get("end") or None
    if t is None:
        return s[:4], s, None
    if s == t:
        return s, s, t
    if s[:7] == t[:7]:
        return s[:7], s, t
    if s[:4] == t[:4]:
        return s[:4], s, t
    if s[:3] == t[:3]:
        return s[:3], s, t
    a, b = int(s[:4]), int(t[:4])
    if b - a <= 15:  # "during the Second World War": the decade it mostly falls in
        return f"{(a + b) // 20:03d}", s, t
    return s[:2], s, t


_PREP = (r"(?P<prep>during|after|before|since|until|till|following|throughout|when|as|while|once|by|at\s+the\s+time\s+of"
         r"|in\s+the\s+wake\s+of|in\s+the\s+aftermath\s+of|in\s+the\s+run-up\s+to|on\s+the\s+eve\s+of|in\s+the\s+midst\s+of)")
_PART = (r"(?P<part>(?:the\s+)?(?:outbreak|start|beginning|onset|end|close|aftermath|eve|height|middle|course|last\s+days"
         r"|first\s+days|early\s+days|cessation|conclusion)\s+of\s+)")
_OFFSET = r"(?P<off>(?P<num>" + NUM_RE + r")\s+(?P<unit>years?|months?|weeks?|days?)\s+(?P<dir>after|before|into)\s+)"
_GEN = (r"(?P<gen>(?:the|an)\s+(?:eventual\s+|final\s+)?(?:civil\s+war|great\s+war|war|revolution|armistice|cessation\s+of\s+"
        r"hostilities|end\s+of\s+hostilities|hostilities|purges?|famine|occupation|liberation|uprising|insurrection|rebellion"
        r"|revolt|blockade|siege))\b")


# Names that several events share ("the Civil War", "the Revolution"): resolved by salience, never by the table's first entry.
AMBIGUOUS = frozenset({"civil war", "revolution", "commune", "terror", "occupation", "liberation", "depression",
                       "crash", "pact", "thaw", "transition", "intervention", "partition", "exodus", "slump", "purges",
                       "famine", "great famine", "war", "armistice", "blitz", "troubles", "pandemic", "the civil war"})


@lru_cache(maxsize=1)
def _alias_index() -> tuple[re.Pattern, frozenset[str]]:
    """A regex of all event names (matched only where a name can start) and the set of their first words."""
    events, _ = _table()
    names = set()
    for e in events:
        for a in [e["name"], *e.get("aliases", [])]:
            a = re.sub(r"^the\s+", "", a.strip(), flags=re.I)
            if _norm(a) in AMBIGUOUS:
                continue
            if len(a) >= 4 and (" " in a or any(ch.isdigit() for ch in a) or a[0].isupper()):
                names.add(a)
    alts = sorted(names, key=len, reverse=True)
    body = "|".join(re.escape(a).replace(r"\ ", r"\s+").replace("'", "['’]") for a in alts)
    first = frozenset(re.split(r"\s+", a)[0].lower() for a in alts)
    return re.compile(r"(?P<name>" + body + r")(?![\w-])"), first


_WORD = re.compile(r"(?<![\w-])[\w][\w'’.-]*")


def _single_word(name: str) -> bool:
    return " " not in re.sub(r"^the\s+", "", name.strip(), flags=re.I)


def named_mentions(text: str) -> list[tuple[int, int, dict]]:
    """Mentions of table events by name in a text, in order (multi-word names anywhere, single words in context)."""
    rx, first = _alias_index()
    out = []
    pos = 0
    for w in _WORD.finditer(text):
        if w.start() < pos or w.group().lower() not in first:
            continue
        m = rx.match(text, w.start())
        if m is None:
            continue
        e = find_event(m.group("name"))
        if e is None:
            continue
        start = m.start()
        if text[max(0, start - 4): start].lower() == "the ":
            start -= 4
        if _single_word(m.group("name")) and not re.search(r"\b(?:during|after|before|since|until|of|at|following)\s+(?:the\s+)?$",
                                                          text[max(0, start - 14): m.start()], re.I):
            continue
        out.append((start, m.end(), e))
        pos = m.end()
    return out


_INVADED = re.compile(
    r"(?<![\w-])(?P<agent>(?:Nazi\s+)?Germany|Hitler|the\s+Germans|the\s+Nazis|Japan|the\s+Japanese|Italy|Mussolini|"
    r"the\s+Soviet\s+Union|the\s+Soviets|Stalin|Russia|the\s+Russians|Iraq|Saddam(?:\s+Hussein)?|the\s+United\s+States|"
    r"the\s+Allies|the\s+Americans)\s+(?:had\s+)?(?:[a-z]+ly\s+)?(?:(?:[a-z]+\s+){1,3}and\s+)?"
    r"(?:invaded|attacked|occupied|marched\s+into)\s+"
    r"(?P<target>(?:the\s+)?[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)")


_AGENT_ADJ = (("german", "German"), ("hitler", "German"), ("nazi", "German"), ("japan", "Japanese"),
              ("italy", "Italian"), ("mussolini", "Italian"), ("soviet", "Soviet"), ("stalin", "Soviet"),
              ("russia", "Russian"), ("iraq", "Iraqi"), ("saddam", "Iraqi"), ("united states", "American"),
              ("americans", "American"), ("allies", "Allied"))


def _invasions(text: str) -> list[tuple[int, int, dict]]:
    """'as Germany invaded Poland', 'when Hitler attacked the Soviet Union': the table's invasion of that country."""
    out = []
    for m in _INVADED.finditer(text):
        target = m.group("target")
        ev = None
        agent = m.group("agent").lower()
        adj = next((a for k, a in _AGENT_ADJ if k in agent), "")
        for name in (f"the {adj} invasion of {target}", f"the {adj} occupation of {target}", f"the invasion of {target}",
                     f"the occupation of {target}"):
            ev = find_event(name)
            if ev:
                break
        if ev and not any(s <= m.start() < e for s, e, _ in out):
            out.append((m.start(), m.end(), ev))
    return out


_LEFT = re.compile(r"(?<![\w-])(?:" + _OFFSET + r")?(?:" + _PREP + r"\s+)?(?:" + _PART + r")?$", re.I)
_ANCHOR_END = re.compile(r"(?<![\w-])(?:" + _OFFSET + r")?(?:" + _PREP + r"\s+)?(?:" + _PART + r")?" + _GEN + r"$", re.I)
_GEN_RX = re.compile(r"(?<![\w-])" + _GEN, re.I)


def anchored_timexes(text: str, timexes: list[Timex] | None = None) -> list[Timex]:
    """Event-anchored time expressions of a text, with ``inferred=True`` and ``anchor`` set.

    Named events count when a temporal preposition, a part ("the outbreak of") or an offset
    ("two years after") governs them; generic mentions ("the war", "the cessation of
    hostilities", "the eventual armistice") resolve to the document's salient event.
    """
    if not text:
        return []
    years = sorted({int(t.earliest[:4]) for t in (timexes or []) if t.earliest and not t.inferred
                    and t.type in ("DATE", "TIME") and t.earliest[:1].isdigit()})
    year_pos = [(int(t.earliest[:4]), t.start) for t in (timexes or []) if t.earliest and not t.inferred
                and t.type in ("DATE", "TIME") and t.earliest[:1].isdigit()]
    named = named_mentions(text)
    named = sorted(named + [x for x in _invasions(text) if not any(a < x[1] and x[0] < b for a, b, _ in named)],
                   key=lambda t: t[0])
    out: list[Timex] = []
    named_by_start = {s: (e_, ev) for s, e_, ev in named}
    # named events: look left for a preposition / part / offset
    for s, e_, ev in named:
        m = _LEFT.search(text, max(0, s - 80), s)
        if not m or not (m.group("prep") or m.group("part") or m.group("off")):
            continue
        t = _make(text, m.start(), e_, ev, m, ev["name"])
        if t:
            out.append(t)
    for g in _GEN_RX.finditer(text):
        m = _ANCHOR_END.search(text, max(0, g.start() - 80), g.end())
        if m is None:
            continue
        gen = re.sub(r"\s+", " ", m.group("gen").lower())
        word = re.sub(r"^(?:the|an) (?:eventual |final )?", "", gen)
        has_ctx = m.group("prep") or m.group("part") or m.group("off") or "armistice" in word or "hostilities" in word
        if not has_ctx or m.start("gen") in named_by_start:
            continue
        before = [ev["name"] for s, _e, ev in named if s < m.start()]
        kind = ("armistice" if "armistice" in word else "civil war" if "civil war" in word
                else "war" if ("hostilities" in word or "war" in word) else word.rstrip("s"))
        near = [y for y, pos in year_pos if m.start() - 250 <= pos <= m.end() + 60]
        named_ev = salient_event(kind, [], before) if before else None
        near_ev = salient_event(kind, near, []) if near else None
        if named_ev and (near_ev is None or any(_years(named_ev)[0] - 5 <= y <= _years(named_ev)[1] + 5 for y in near)):
            ev = named_ev
        else:
            ev = near_ev or named_ev or salient_event(kind, years, before)
        if ev is None:
            continue
        t = _make(text, m.start(), m.end(), ev, m, ev["name"], ends=("cessation" in word or "end of" in word))
        if t:
            out.append(t)
    return out


def _make(text: str, start: int, end: int, ev: dict, m: re.Match, anchor: str, ends: bool = False) -> Timex | None:
    value, lo, hi = _value(ev)
    prep = re.sub(r"\s+", " ", (m.group("prep") or "").lower())
    part = re.sub(r"\s+", " ", (m.group("part") or "").lower())
    mod = None
    point_end = ends or any(w in part for w in ("end", "close", "cessation", "conclusion", "aftermath", "last days"))
    point_start = any(w in part for w in ("outbreak", "start", "beginning", "onset", "eve", "first days", "early days"))
    if point_end and hi:
        value, lo = hi, hi
    elif point_start:
        value, hi = lo, lo
    if "eve" in part or prep in ("on the eve of", "in the run-up to"):
        mod, lo = "BEFORE", (date.fromisoformat(lo) - timedelta(days=60)).isoformat() if len(lo or "") == 10 else lo
    if prep in ("after", "following", "since", "in the wake of", "in the aftermath of", "once"):
        mod, lo, hi = "AFTER", hi or lo, None
    elif prep in ("before", "until", "till", "by"):
        mod, lo, hi = "BEFORE", None, lo
    if m.group("off"):
        n = word_number(m.group("num"))
        unit = m.group("unit").lower()
        direction = m.group("dir").lower()
        base = (hi or lo) if direction == "after" else (lo or hi)
        if direction == "into":
            base = ev["start"]
        if base is None:
            return None
        if n == "X" or n is None:
            k, spread, mod = 3, 2, "APPROX"
        else:
            k = n
            spread = 1 if m.group("num").lower().startswith(("a couple", "couple", "a few", "some", "several")) else 0
            mod = "APPROX" if spread else None
        sign = -1 if direction == "before" else 1
        if unit.startswith("year"):
            y = int(base[:4]) + sign * int(round(k))
            value, lo, hi = iso(y), iso(y - spread), iso(y + spread)
        else:
            days = {"m": 30, "w": 7, "d": 1}[unit[0]] * k
            d0 = date.fromisoformat(base if len(base) == 10 else (base + "-01-01")[:10])
            d1 = d0 + timedelta(days=sign * days)
            value = d1.isoformat()[:7] if unit.startswith("month") else d1.isoformat()
            lo = hi = value
            mod = mod or ("APPROX" if unit.startswith("month") else None)
    ext_start = start
    if not m.group("off"):
        if m.group("part"):
            ext_start = m.start("part")
        elif m.group("prep"):
            ext_start = m.end("prep")
    while ext_start < end and text[ext_start].isspace():
        ext_start += 1
    return Timex(start=ext_start, end=end, text=text[ext_start:end], type="DATE", value=value, mod=mod,
                 earliest=lo, latest=hi, inferred=True, anchor=anchor)
