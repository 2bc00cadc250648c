"""One person's merged events -> the same events with inferred bounds and a consistent order.

A simple temporal network over event time points: each event has bounds
[lo, hi] (fractional years; +-inf when unknown); constraints ``a <= b`` come
from life bounds (nothing before birth, nothing but publications after death),
ordering cues ("later", "on release", "eventually", ...) and narrative order
between consecutive events of one document. Bounds propagate along the
constraints, one at a time, each from its two ends only (a worklist over the
sparse graph); a soft constraint that would make any interval empty is undone and
reported in the event's ``note`` instead of hiding the contradiction.
Why our own code: the network is tiny and sparse per person; a general
solver would cost more to install than these sixty lines.
"""
from __future__ import annotations

import heapq
import math
from collections import defaultdict

INF = math.inf
AFTER_DEATH_OK = {"publication", "authorship", "other", "award", "premiere"}
CUES = {"later", "then", "eventually", "after", "afterwards", "subsequently", "on release", "from there",
        "ultimately", "finally", "thereafter", "next", "soon", "when", "by then"}
#: Cue prefix of a mention told in the lead or a thematic section (set by extract/events/dates.py).
NO_ORDER = "§"


def iso_to_years(v: str | None, high: bool) -> float:
    if not v:
        return INF if high else -INF
    neg = v.startswith("-")
    parts = (v[1:] if neg else v).split("T")[0].split("-")
    try:
        y = int(parts[0]) * (-1 if neg else 1)
        if len(parts[0]) < 4:          # a decade or century value slipped in: widen
            scale = 10 ** (4 - len(parts[0]))
            y *= scale
            return y + (scale - 1e-6 if high else 0)
        m = int(parts[1]) if len(parts) > 1 else None
        d = int(parts[2]) if len(parts) > 2 else None
    except ValueError:
        return INF if high else -INF
    if m is None:
        return y + (0.999999 if high else 0.0)
    base = y + (m - 1) / 12
    if d is None:
        return base + (1 / 12 - 1e-6 if high else 0.0)
    return base + (d - 1) / 365 + (1 / 365 - 1e-6 if high else 0.0)


def years_to_iso(x: float) -> str | None:
    if x in (INF, -INF):
        return None
    return str(math.floor(x))


class Network:
    """Point bounds with ``a <= b`` constraints, added one at a time with incremental propagation.

    Adding a constraint propagates only from its ends (a worklist over the
    successors for lower bounds and the predecessors for upper bounds), and is
    undone when it would empty an interval, so n constraints cost about
    O(n * affected) rather than a full pass each.
    """

    def __init__(self, lo: list[float], hi: list[float]):
        self.lo, self.hi = lo, hi
        self.succ: dict[int, list[int]] = defaultdict(list)
        self.pred: dict[int, list[int]] = defaultdict(list)

    def add(self, a: int, b: int) -> bool:
        lo, hi, log = self.lo, self.hi, []
        self.succ[a].append(b)
        self.pred[b].append(a)
        work = [(a, b)]
        ok = True
        while work and ok:
            x, y = work.pop()
            if lo[x] > lo[y]:
                log.append((0, y, lo[y]))
                lo[y] = lo[x]
                work.extend((y, z) for z in self.succ[y])
                ok = lo[y] <= hi[y] + 1e-9
            if ok and hi[y] < hi[x]:
                log.append((1, x, hi[x]))
                hi[x] = hi[y]
                work.extend((w, x) for w in self.pred[x])
                ok = lo[x] <= hi[x] + 1e-9
        if not ok:
            for kind, i, v in reversed(log):
                (lo if kind == 0 else hi)[i] = v
            self.succ[a].pop()
            self.pred[b].pop()
        return ok


def _reaches(net: Network, a: int, b: int) -> bool:
    """Is there a path of kept constraints from a to b?"""
    if a == b:
        return True
    seen, stack = {a}, [a]
    while stack:
        for y in net.succ.get(stack.pop(), ()):
            if y == b:
                return True
            if y not in seen:
                seen.add(y)
                stack.append(y)
    return False


def _linear_extension(n: int, net: Network, prio) -> list[int]:
    """A total order that respects every kept ``a <= b`` constraint, earliest-priority first (Kahn's algorithm).

    A cycle (two events forced equal) is broken at its earliest-priority member.
    """
    indeg = [0] * n
    for a, bs in net.succ.items():
        for b in bs:
            if a != b:
                indeg[b] += 1
    heap = [(prio(i), i) for i in range(n) if indeg[i] == 0]
    heapq.heapify(heap)
    done = [False] * n
    out: list[int] = []
    while len(out) < n:
        if not heap:   # only cycles remain
            i = min((i for i in range(n) if not done[i]), key=prio)
            indeg[i] = 0
            heap.append((prio(i), i))
        _, i = heapq.heappop(heap)
        if done[i]:
            continue
        done[i] = True
        out.append(i)
        for b in net.succ.get(i, ()):
            if b != i and not done[b]:
                indeg[b] -= 1
                if indeg[b] == 0:
                    heapq.heappush(heap, (prio(b), b))
    return out


def order_events(events: list[dict]) -> None:
    """Infer bounds for undated events and set ``rank`` (per subject), in place."""
    by_subject: dict[str, list[dict]] = defaultdict(list)
    for ev in events:
        by_subject[ev["subject_id"]].append(ev)
    for evs in by_subject.values():
        _order_one(evs)


def _order_one(evs: list[dict]) -> None:
    n = len(evs)
    lo = [iso_to_years(e["date_start"], False) for e in evs]
    hi = [iso_to_years(e["date_end"], True) for e in evs]
    lo0, hi0 = list(lo), list(hi)
    hard: list[tuple[int, int]] = []
    births = [i for i, e in enumerate(evs) if e["type"] == "birth"]
    deaths = [i for i, e in enumerate(evs) if e["type"] == "death"]
    for b in births:
        hard += [(b, i) for i in range(n) if i != b]
    for d in deaths:
        hard += [(i, d) for i in range(n) if i != d and evs[i]["type"] not in AFTER_DEATH_OK]
    # Narrative order: consecutive events of the subject within each document.
    seq: dict[str, list[tuple[int, int, str | None]]] = defaultdict(list)
    for i, e in enumerate(evs):
        for m in e["members"]:
            cue = m.get("cue")
            if cue and cue.startswith(NO_ORDER):
                continue        # told in the lead or a thematic section: no place in the story's order
            seq[m["doc"]].append((m["ord"], m["start"], i, cue))
    cued: list[tuple[int, int]] = []
    plain: list[tuple[int, int]] = []
    for doc in sorted(seq):
        chain = sorted(seq[doc])
        for (o1, s1, a, _), (o2, s2, b, cue) in zip(chain, chain[1:]):
            if a == b:
                continue
            (cued if cue and cue.lower() in CUES else plain).append((a, b))
    net = Network(lo, hi)
    notes: dict[int, str] = {}
    for a, b in hard:
        if not net.add(a, b):
            notes[b if evs[a]["type"] == "birth" else a] = "its date contradicts the person's life dates"
    for group in (cued, plain):
        for a, b in group:
            if _reaches(net, b, a):
                continue        # one event told twice around another: a circle would stall the order
            if not net.add(a, b) and group is cued:
                notes[b] = f"the sources order this after '{evs[a]['summary']}', which their dates contradict"
    # Order: earliest bound first, then latest, then narrative position; unbounded events follow their predecessor.
    first_pos = {i: min((m["doc"], m["ord"]) for m in evs[i]["members"]) for i in range(n)}
    key: dict[int, float] = {}
    for i in range(n):
        # the event's own bounds, not those the life's bounds lent it: "before 1779" sits just before 1779,
        # not at the birth year every event is bounded by
        if lo0[i] > -INF:
            key[i] = lo[i]
        elif hi0[i] < INF:
            key[i] = max(lo[i], hi[i] - 1.0)      # "by 1919": before the events known to be in 1919
    in_chain = {i for doc in seq for _, _, i, _ in seq[doc]}
    end_of_life = min((hi[d] for d in deaths if hi[d] < INF), default=INF)
    for i in range(n):
        # told only in a lead or a thematic section, with nothing but the life's bounds: its middle, not the
        # birth year, is the least wrong place
        top = min(hi[i], end_of_life)
        if i not in in_chain and not (evs[i]["date_start"] or evs[i]["date_end"]) and lo[i] > -INF and top < INF:
            key[i] = (lo[i] + top) / 2
    for doc in sorted(seq):
        chain = [i for _, _, i, _ in sorted(seq[doc])]
        prev = None
        for i in chain:
            if i not in key and prev is not None and prev in key:
                key[i] = max(key[prev] + 1e-4, lo[i])
            prev = i
    for i in range(n):
        if i not in key:
            if lo[i] > -INF:
                key[i] = lo[i]
            elif hi[i] < INF:
                key[i] = hi[i] - 1.0
    ordered = _linear_extension(n, net, lambda i: (key.get(i, INF), hi[i], first_pos[i]))
    for rank, i in enumerate(ordered):
        e = evs[i]
        e["rank"] = rank
        if not (e["date_start"] or e["date_end"]):
            s, t = years_to_iso(lo[i]), years_to_iso(hi[i])
            if s or t:
                e["date_start"], e["date_end"], e["date_inferred"] = s, t, True
        e["date_start"], e["date_end"] = tidy_interval(e["date_start"], e["date_end"])
        if i in notes:
            e["note"] = notes[i]


def tidy_interval(start: str | None, end: str | None) -> tuple[str | None, str | None]:
    """Both bounds at the precision of the evidence: a bound that is the first or last day (or month) of the
    other bound's year or month says no more than that year or month ("1890"–"1890-12-31" is "1890")."""
    if not start or not end or start.startswith("-") or end.startswith("-"):
        return start, end
    if len(start) == 4 and end[4:] in ("-12", "-12-31"):
        end = end[:4]
    elif len(start) == 7 and len(end) == 10 and end[8:] == _last_day(end):
        end = end[:7]
    if len(end) == 4 and start[4:] in ("-01", "-01-01"):
        start = start[:4]
    elif len(end) == 7 and len(start) == 10 and start[8:] == "01":
        start = start[:7]
    return start, end


def _last_day(iso_day: str) -> str:
    import calendar
    try:
        return f"{calendar.monthrange(int(iso_day[:4]), int(iso_day[5:7]))[1]:02d}"
    except (ValueError, IndexError):
        return ""
