"""Text -> boilerplate passages (Stripped, marked never cut) and the byline's author and date.

Rules are generic and line-level, compiled once:

1. *Pattern lines*: a whole line that is a comment prompt, share widget, cookie
   or privacy notice, subscription box, related-posts list, tag/category line,
   navigation crumb or copyright footer.
2. *Trailing zones*: from a comment prompt ("Leave a Reply", "3 comments") in the
   second part of the text to the end, everything is comments or forms; from a
   references heading ("References", "External links", "See also", "Notes") in
   the second half to the end, everything is references.
3. *Widget runs*: in the header and footer zones (before the first and after the
   last line of prose), very short lines without sentence punctuation next to a
   share, navigation or related-posts line ("Twitter", "Facebook").
4. *Repeated titles*: a short header line that occurs more than once before the
   prose, when a fuller heading contains it or it repeats the first heading.
5. *Byline*: "Submitted by X on DATE", "Posted by X on DATE", "By X | DATE",
   "By X": its author and ISO date are returned and the line is marked "byline".
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..records import Stripped
from .dates import parse_date
from .lines import Line, body_range, split_lines

_I = re.IGNORECASE

COMMENT_PROMPT = re.compile(
    r"(?:leave a (?:reply|comment)|add (?:a )?(?:new )?comment|post (?:a|your) comment|write a comment"
    r"|(?:\d+|one|two|three|no) (?:comments?|responses?|replies|thoughts)(?: (?:on|to) .{0,150})?(?: yet)?"
    r"|comments?(?: \(\d+\))?|responses|join the (?:discussion|conversation)"
    r"|comments are closed|cancel reply|reader comments|have your say)[.:!]?",
    _I,
)
REFERENCES = re.compile(
    r"(?:=+|#+)?\s*(?:references|external links|further reading|see also|notes(?: and references)?|footnotes"
    r"|citations|sources|works cited|references and notes)\s*(?:=+)?:?", _I)
PATTERNS: tuple[tuple[str, re.Pattern], ...] = tuple((reason, re.compile(rx, _I)) for reason, rx in (
    ("share", r"(?:share(?: this(?: (?:post|article|page|story|entry))?| on \w+| via .{0,40})?|tweet|like this|like|"
              r"loading\.*|like loading\.*|facebook|twitter|x|linkedin|pinterest|reddit|tumblr|whatsapp|telegram|pocket"
              r"|email|e-mail|print|more|click to (?:share|print|email)[^.]{0,60}|(?:\w+ )?(?:likes|like) this"
              r"|be the first to like this|follow us(?: on .{0,40})?|share this:?)[.:!]?(?: \(opens in new window\))?"),
    ("comments", r"(?:reply|log in to reply|report(?: this)? (?:comment|abuse)|permalink"
                 r"|your email address will not be published.*|required fields are marked.*|name ?\*?|e-?mail ?\*?|website"
                 r"|save my name, email,? and website.*|notify me of .{0,80}|you must be logged in to post a comment.*"
                 r"|\d+ (?:likes?|votes?)|(?:\w+ )?says:?|(?:\d+ )?(?:days?|hours?|minutes?|weeks?|months?|years?) ago)[.:]?"),
    ("cookie", r".{0,200}\b(?:(?:this|our) (?:web)?site uses cookies|we use cookies|uses cookies to|by continuing to (?:use|browse)"
               r"|accept (?:all )?cookies|cookie (?:policy|settings|preferences|consent)|manage (?:cookie|your) (?:settings|preferences))"
               r".{0,300}"),
    ("cookie", r".{0,200}\b(?:agree|accept|consent|read our|see our|view our|review our)\b.{0,100}"
               r"\b(?:privacy (?:policy|notice)|terms (?:and|&) conditions|terms of (?:use|service)).{0,200}"),
    ("footer", r"(?:(?:privacy(?: policy| notice)?|terms(?: (?:and|&) conditions| of (?:use|service))?|cookie policy|imprint"
               r"|impressum|legal notice|sitemap|accessibility(?: statement)?|contact(?: us)?|about(?: us)?)\s*[|·•/,]?\s*){2,}"),
    ("subscribe", r"(?:subscribe(?: (?:to|now|for) .{0,80})?|sign up(?: (?:for|to) .{0,80})?|newsletter|get (?:the latest|new posts) .{0,80}"
                  r"|enter your e-?mail(?: address)?.{0,80}|follow (?:this )?blog.{0,80}|join \d[\d,]* other (?:subscribers|followers).{0,40}"
                  r"|rss feed|rss)[.:!]?"),
    ("related", r"(?:related(?: posts| articles| stories| reading| content)?|you (?:may|might) also (?:like|enjoy)"
                r"|read (?:more|next)|more from .{1,60}|recommended(?: for you| reading)?|popular (?:posts|articles)"
                r"|recent (?:posts|articles|comments)|[←→«»‹›<> ]*(?:previous|next)(?: post| article| story)?(?:[:»«←→ ].{0,100})?"
                r"|older posts|newer posts|archives?|categories)[.:]?"),
    ("footer", r"this (?:entry|post|article) was (?:posted|published|filed) in .{0,200}|.{0,200}\bbookmark the permalink\.?"),
    ("tags", r"(?:(?:tags?|categories|category|labels?|topics?|keywords?)\s*:|(?:tagged(?: with)?|filed under|posted in):?\s)"
             r"\s*[^.!?]{1,150}"),
    ("navigation", r"(?:skip to (?:main )?content|skip to (?:navigation|footer)|jump to navigation|main menu|menu|toggle navigation"
                   r"|search(?: for)?(?: …|\.\.\.)?:?|home|you are here:.{0,150}|breadcrumbs?|back to top|go to top|top of page"
                   r"|log ?in|sign in|register|about(?: us)?|contact(?: us)?)[.:]?"),
    ("footer", r"(?:(?:©|\(c\)|copyright\b).{0,150}|.{0,120}\ball rights reserved\.?.{0,40}|(?:proudly )?powered by .{1,60}"
               r"|theme:? .{1,60} by .{1,60}|designed by .{1,60}|advertisement|sponsored(?: content)?)"),
))
_SHORT_PATTERN_MAX = 400
_LONG_TRIGGER = re.compile(r"cookie|privacy|terms|continuing|rights reserved|©|\(c\)|copyright|permalink|powered by|designed by"
                           r"|this (?:entry|post|article) was|subscri|newsletter|e-?mail|comment|notif|follow|share|tag|categor"
                           r"|filed under|posted in|you are here|related|previous|next|recommend|you (?:may|might) also")
_CRUMB_SEP = re.compile(r"\s*(?:>|»|›|/|\||::)\s*")
_NAME = r"(?P<name>[^\d|,;:()\n]{2,60}?)"
BYLINES = (re.compile(  # "By JANE DOE, Associated Press": names and agencies capitalised (case-sensitive)
    r"(?i:by):?\s+(?P<name>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){1,3}),\s+(?:[Tt]he\s+)?"
    r"(?:(?i:associated press|reuters|afp|agence france-presse|staff (?:writer|reporter|correspondent)|special correspondent"
    r"|correspondent)|AP|[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,3})\.?"),) + tuple(re.compile(rx, _I) for rx in (
    rf"(?:submitted|posted|written|published|uploaded|added|contributed|filed)\s+by:?\s+{_NAME}\s*(?:,\s*|\s+)on\s+(?P<date>.{{6,60}})",
    rf"(?:posted|published|written|submitted|updated|added)(?:\s+on)?:?\s+(?P<date>.{{6,60}}?)\s+by:?\s+{_NAME}",
    rf"by:?\s+{_NAME}\s*(?:[|,•·–—-]|\bon\b)\s*(?P<date>.{{6,60}})",
    rf"(?P<date>[^|]{{6,40}}?)\s*[|•·]\s*by:?\s+{_NAME}",
    r"(?:posted|published|updated|written|submitted)(?:\s+on)?:?\s+(?P<date>.{6,60})",
)) + (re.compile(  # "By Jane Doe": a capitalised name only (case-sensitive), nothing after it
    r"(?i:by|author|written by|words by|posted by|submitted by):?\s+"
    r"(?P<name>[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|de|van|von|der|da|la|le|del|di)){0,4})"),)
_WEAK = ("share", "navigation", "related", "comments", "subscribe")


@dataclass(frozen=True)
class Byline:
    author: str | None
    published: str | None
    start: int
    end: int


def _reason_of(ln: Line) -> str | None:
    if not ln.s or len(ln.s) > _SHORT_PATTERN_MAX:
        return None
    low = ln.low
    if len(low) > 100 and not _LONG_TRIGGER.search(low):
        return None  # long lines are prose unless they carry a notice's wording
    for reason, rx in PATTERNS:
        if rx.fullmatch(low):
            if reason in ("tags", "related") and ln.sentence and ln.words > 12:
                continue
            return reason
    if _is_crumb(ln):
        return "navigation"
    return None


def _is_crumb(ln: Line) -> bool:
    if ln.sentence or ln.words > 14 or (ln.s.startswith("|") and ln.s.endswith("|")):
        return False  # a sentence, or a table row
    parts = [p for p in _CRUMB_SEP.split(ln.s) if p]
    return len(parts) >= 3 and all(len(p.split()) <= 4 for p in parts) and bool(_CRUMB_SEP.search(ln.s))


def parse_byline(s: str) -> tuple[str | None, str | None] | None:
    """(author, ISO date) when the line ``s`` is a byline, else None."""
    if len(s) > 160 or not s:
        return None
    for rx in BYLINES:
        m = rx.fullmatch(s.strip())
        if not m:
            continue
        g = m.groupdict()
        name = (g.get("name") or "").strip(" .,-–—|") or None
        if name and name.isupper() and len(name) > 3:
            name = name.title()  # "JANE DOE" -> "Jane Doe"
        date = parse_date(g.get("date")) if g.get("date") else None
        if g.get("date") is not None and date is None:
            continue
        if name is not None and (len(name.split()) > 5 or name.lower() in ("the", "a", "an")):
            continue
        if name is None and date is None:
            continue
        return name, date
    return None


def find_boilerplate(text: str, lines: list[Line] | None = None) -> tuple[list[Stripped], Byline | None]:
    """Boilerplate passages of ``text`` (each ``text[start:end]``) and its byline, if any."""
    lines = lines if lines is not None else split_lines(text)
    n = len(lines)
    reasons: list[str | None] = [None] * n
    pattern = [_reason_of(ln) for ln in lines]
    first_body, last_body = body_range([ln for ln in lines if pattern[ln.index] is None])
    # trailing zones (rule 2) first: they decide where the prose ends
    zone, zone_reason = n, "comments"
    for ln in lines:
        if ln.index <= first_body or ln.blank or ln.words > 25:
            continue
        if ln.start >= len(text) * 0.4 and COMMENT_PROMPT.fullmatch(ln.low):
            zone = ln.index
            break
        if ln.start >= len(text) * 0.5 and REFERENCES.fullmatch(ln.low):
            zone, zone_reason = ln.index, "references"
            break
    if zone < n:
        last_body = max((x.index for x in lines[:zone] if x.body and pattern[x.index] is None), default=-1)
    # rule 1: pattern lines (one- or two-word widget lines inside the prose are kept)
    for ln in lines:
        r = pattern[ln.index]
        if r in _WEAK and first_body <= ln.index <= last_body and ln.words < 3:
            r = None  # a one- or two-word line inside the prose is more likely a heading
        if ln.index >= zone and not ln.blank and (r is None or zone_reason == "references"):
            r = zone_reason
        reasons[ln.index] = r
    # rule 5: byline (header and footer zones, or the first lines)
    byline = None
    for ln in lines:
        outside = ln.index < first_body or ln.index > last_body or ln.index < 8
        if not outside or ln.blank or ln.body or (reasons[ln.index] not in (None, "navigation")):
            continue
        found = parse_byline(ln.s)
        if found:
            reasons[ln.index] = "byline"
            if byline is None:
                byline = Byline(found[0], found[1], ln.start, ln.end)
            elif byline.author is None or byline.published is None:  # "By X, Agency" then "Updated <date>"
                byline = Byline(byline.author or found[0], byline.published or found[1], byline.start, byline.end)
    # rule 3: widget runs next to share/navigation/related lines, outside the prose (header runs end at a blank line)
    spreading = ("share", "navigation", "related", "subscribe")
    for rng in (range(n), range(n - 1, -1, -1)):
        prev = None
        for i in rng:
            ln = lines[i]
            if ln.blank:
                if i < first_body:
                    prev = None  # in the header a blank line ends a widget run (the title may follow)
                continue
            if reasons[i] is None and prev in spreading and (i < first_body or i > last_body) \
                    and not ln.sentence and (ln.words <= 3 and len(ln.s) <= 40
                                             or prev == "related" and ln.words <= 10 and len(ln.s) <= 90):
                reasons[i] = prev
            prev = reasons[i]
    # rule 4: repeated title lines before the prose
    _mark_repeated_titles(lines, reasons, first_body)
    return _passages(text, lines, reasons), byline


def _mark_repeated_titles(lines: list[Line], reasons: list[str | None], first_body: int) -> None:
    if first_body >= len(lines):
        return  # no prose at all (a poem, a list): repeated lines are refrains, not titles
    head = [ln for ln in lines[:min(first_body, 30)] if not ln.blank and reasons[ln.index] is None
            and ln.words <= 15 and not ln.sentence]
    if len(head) < 2:
        return
    seen: dict[str, list[Line]] = {}
    for ln in head:
        seen.setdefault(_norm(ln.low), []).append(ln)
    for key, group in seen.items():
        if len(group) < 2:
            continue
        fuller = any(key != _norm(o.low) and key in _norm(o.low) for o in head)
        for ln in group if fuller else group[1:]:
            reasons[ln.index] = "repeated title"


def _norm(low: str) -> str:
    return re.sub(r"[\W_]+", " ", low).strip()


def _passages(text: str, lines: list[Line], reasons: list[str | None]) -> list[Stripped]:
    out: list[Stripped] = []
    cur: list[int] | None = None  # [start, end, reason-index]
    cur_reason = None
    for ln in lines:
        r = reasons[ln.index]
        if ln.blank:
            continue
        if r is not None and cur is not None and r == cur_reason:
            cur[1] = ln.end
            continue
        if cur is not None:
            out.append(Stripped(cur[0], cur[1], text[cur[0]:cur[1]], cur_reason))
            cur = None
        if r is not None:
            cur, cur_reason = [ln.start, ln.end], r
    if cur is not None:
        out.append(Stripped(cur[0], cur[1], text[cur[0]:cur[1]], cur_reason))
    return out


# ---- conversion debris inside the prose: marked, never cut -------------------------------------------------
#: Footnote and editorial markers of wiki-like sources ("[12]", "[a]", "[citation needed]"), runs joined.
_FOOTNOTE = re.compile(r"(?<!\[)(?:\[(?:\d{1,4}|[a-zA-Z]|(?:note|nb|n) ?\d{1,3}|citation needed|clarification needed"
                       r"|page needed|better source needed|who\?|when\?|which\?|according to whom\?|dubious[^\]\n]{0,30}"
                       r"|verification needed|original research\?|full citation needed|sic)\])+", _I)
#: The tail of an image caption whose head a conversion lost: a line's start up to "]]" (no "[[" before it),
#: footnote markers allowed inside ("... named after him.[61]]]").
_CAPTION = re.compile(r"(?:^|(?<=\]\]))(?:[^\n\[\]]|\[[^\n\[\]]{0,30}\]){0,600}\]\]", re.M)
#: Markdown emphasis by underscores ("_Encyclopaedia Britannica_"): only the underscore itself.
_UNDERSCORE = re.compile(r"(?<![\w_])_(?=[^\s_])|(?<=[^\s_])_(?![\w_])")


def find_debris(text: str, fmt: str | None = None) -> list[Stripped]:
    """Footnote markers, image-caption leftovers and (in Markdown and plain text) underscore emphasis marks.

    Each is a Stripped passage of ``text`` (``text[start:end]``): the text keeps them, the extractors do not
    read them (they see spaces), so labels carry no "[74" and the parser no stray brackets.
    """
    out: list[Stripped] = []
    if "]]" in text:
        out += [Stripped(m.start(), m.end(), m.group(0), "caption") for m in _CAPTION.finditer(text)]
    if "[" in text:
        out = _outside(out, [Stripped(m.start(), m.end(), m.group(0), "footnote") for m in _FOOTNOTE.finditer(text)])
    if fmt in ("md", "txt") and "_" in text:
        out = _outside(out, [Stripped(m.start(), m.end(), m.group(0), "markup") for m in _UNDERSCORE.finditer(text)])
    return out


def _outside(marked: list[Stripped], new: list[Stripped]) -> list[Stripped]:
    """``marked`` (sorted, disjoint) plus the passages of ``new`` (sorted) that start outside all of them."""
    out: list[Stripped] = []
    i = 0
    for n in new:
        while i < len(marked) and marked[i].end <= n.start:
            out.append(marked[i])
            i += 1
        if i < len(marked) and marked[i].start <= n.start:
            continue
        if out and out[-1].end > n.start:
            continue
        out.append(n)
    return out + marked[i:]
