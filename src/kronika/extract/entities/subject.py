"""The person a biography is about and every name it gives them, read from the lead sentence.

A biography states its subject's names once, at the top: ``JOHN SMITH (born JOHANN SCHMIDT; 3 May 1850 –
1 June 1920), also known as JACK SMITH, was ...``, ``Sir John Smith, 1st Baron Smith (...)``,
``Jane "Jenny" Hale (née Dorn; ...)``. ``find_subject`` reads those names (upper-case or title-case, with
titles, nicknames, birth names and "known as" names) and gives the document one key for its subject;
``Subject.matches`` then says which other person names of the document are that same person:

- a name made of the subject's own name words ("Claude Monet" for OSCAR-CLAUDE MONET, "Kreszentia Mühsam"
  for ZENZL MÜHSAM born KRESZENTIA ELFINGER), but not one with a given name of its own ("Claude Adolphe Monet",
  the father) nor a different generation suffix ("Noah Webster Sr." for NOAH WEBSTER JR.);
- a married name: the subject's given name and surname followed by one more surname ("Margaret Mead Cressman");
- the surname alone, unless a relative of the same surname is named about as often as the subject (then a lone
  surname may be either of them and stays apart); a birth surname alone when no one else bears it;
- the given name or nickname alone when no other person of the document has it.

Nothing here names a person: the rules read the shape of a lead sentence.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from ...lexicons import words

#: Words that stand before a name without being part of it.
HONORIFICS = words("names", "honorifics")
#: Words that mark a hereditary or conferred title in a lead ("1ST BARON LISTER", "Countess of Tyrone").
PEERAGE = words("names", "peerage")
#: Name particles that stay lower-case inside a name ("Albéniz y Pascual", "Ludwig van Beethoven").
PARTICLES = words("names", "particles")
#: Generation suffixes: "Noah Webster Jr." and "Noah Webster Sr." are two people.
SUFFIXES = words("names", "suffixes")
#: Heads that make a name a place, building, institution or prize named after a person, not the person.
NAMED_AFTER_HEADS = words("names", "named_after_heads")
_HONOR_BARE = frozenset(h.rstrip(".") for h in HONORIFICS)
_BORN = re.compile(r"^(?:born|n[ée]e|n[ée]|birth name|real name|bapti[sz]ed|christened)\b[\s:]*", re.I)
#: A lead sentence says what its subject was ("... was a British surgeon"); a dateline or heading does not.
_LEAD_VERB = re.compile(r"\b(?:was|is|were)\s+(?:\w+\s+){0,2}?(?:a|an|the|one|among)\b")
_VERB = re.compile(r"\b(?:was|is|were|are|became|has been)\b")
_QUOTES = "\"“”«»‘’'"
_SEPARATORS = ",;:()"


def fold(s: str) -> str:
    """Accents and case folded ("Gödel" -> "godel"); Ł/ł and ß spelt out."""
    s = s.replace("ł", "l").replace("Ł", "L").replace("ß", "ss").replace("ø", "o").replace("Ø", "O")
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c)).casefold()


def name_tokens(name: str) -> tuple[str, ...]:
    """Folded name words, hyphenated names split ("Oscar-Claude" -> oscar, claude), quotes and dots dropped."""
    out = []
    for w in re.split(r"[\s\-‐–]+", name):
        w = fold(w.strip(_QUOTES + ".,;:()[]_*"))
        if w and any(c.isalnum() for c in w):
            out.append(w)
    return tuple(out)


def _is_caps(w: str) -> bool:
    letters = [c for c in w if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters) and (len(letters) >= 2 or fold(w) in PARTICLES)


def _is_title_word(w: str) -> bool:
    core = w.strip(_QUOTES + "_*")
    if not core or not core[0].isupper():
        return False
    return any(c.islower() for c in core) or bool(re.fullmatch(r"[A-Z]\.", core))


def title_case(w: str, first: bool = False) -> str:
    """'ALBÉNIZ' -> 'Albéniz', 'OSCAR-CLAUDE' -> 'Oscar-Claude', "O'BRIEN" -> "O'Brien", 'Y' -> 'y', '1ST' -> '1st'."""
    if not _is_caps(w):
        return w
    if not first and fold(w) in PARTICLES:
        return w.lower()
    parts = re.split(r"([\-'’])", w.lower())
    return "".join(p[:1].upper() + p[1:] if p not in ("-", "'", "’") and p[:1].isalpha() else p for p in parts)


@dataclass
class _Run:
    """A run of name words in the lead: char offsets, the words and their quoted ones (nicknames)."""

    start: int
    end: int
    words: list[str]
    nick: list[str] = field(default_factory=list)


def _words(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    return [(m.start() + start, m.end() + start, m.group()) for m in re.finditer(r"\S+", text[start:end])]


def _run_at(toks: list[tuple[int, int, str]], i: int, caps: bool) -> tuple[_Run | None, int]:
    """The name run starting at token i (upper-case words when ``caps``, else title-case words)."""
    words: list[str] = []
    nick: list[str] = []
    start = end = None
    j = i
    while j < len(toks):
        s, e, w = toks[j]
        core = w.strip(_SEPARATORS)
        lead_cut = len(w) - len(w.lstrip(_SEPARATORS))
        if lead_cut and words:
            break
        quoted = core[:1] in _QUOTES and core[-1:] in _QUOTES and len(core) > 2
        bare = core.strip(_QUOTES + "_*")
        if not bare:
            break
        ok = _is_caps(bare) if caps else (_is_title_word(bare) or (words and fold(bare) in PARTICLES and bare.islower()))
        if not ok and caps and words and re.fullmatch(r"[A-Z]\.", bare):
            ok = True                                     # "ROBERT J. FLAHERTY"
        if not ok:
            break
        if start is None:
            start = s + lead_cut
            if not quoted:
                start += len(core) - len(core.lstrip(_QUOTES + "_*"))
        end = s + lead_cut + len(core.rstrip(_QUOTES + "_*")) + (len(core) - len(core.rstrip(_QUOTES + "_*"))
                                                                if quoted else 0)
        (nick if quoted else words).append(bare)
        j += 1
        if w.rstrip().endswith(tuple(_SEPARATORS)) and not w.rstrip().endswith(".)"):
            break
    if not words:
        return None, i
    return _Run(start, end, words, nick), j


def _clean(words: list[str]) -> tuple[list[str], list[str]]:
    """(honorific words, name words) with honorifics cut from the front and upper case undone."""
    hon = []
    k = 0
    while k < len(words) - 1 and all(p.rstrip(".") in _HONOR_BARE for p in fold(words[k]).split("-")):
        hon.append(words[k])
        k += 1
    name = [title_case(w, first=(n == 0)) for n, w in enumerate(words[k:])]
    return [title_case(w, True) for w in hon], name


@dataclass
class Subject:
    """A document's subject: its key, the spans of its names in the lead, and the name words to match."""

    key: str
    spans: list[tuple[int, int]]
    names: list[tuple[str, ...]]                    # folded words of each full name the lead gives
    given: set[str]                                 # first names and nicknames
    surname: str | None                             # the surname the text calls the subject by (folded)
    other_surnames: set[str]                        # birth or other names' surnames
    suffix: str | None = None                       # "jr" for NOAH WEBSTER JR.
    titles: list[str] = field(default_factory=list)
    blocked: set[str] = field(default_factory=set)  # lone words another person also bears
    surname_form: str | None = None                 # as written in the text ("Albéniz")

    def word_set(self) -> set[str]:
        return {w for n in self.names for w in n}

    def matches(self, name: str) -> bool:
        """Whether a person name of the document names the subject."""
        toks = tuple(t for t in name_tokens(name) if t not in HONORIFICS)
        if not toks or toks[-1] in NAMED_AFTER_HEADS:
            return False
        gen = {t.rstrip(".") for t in toks if t in SUFFIXES}
        if gen and (self.suffix is None or gen != {self.suffix}):
            return False
        toks = tuple(t for t in toks if t not in SUFFIXES)
        if not toks:
            return False
        if len(toks) == 1:
            t = toks[0]
            if t in self.blocked:
                return False
            return t == self.surname or t in self.other_surnames or t in self.given
        words = self.word_set()
        sig = [t for t in toks if t not in PARTICLES]
        if any(set(sig) <= set(n) for n in self.names):
            return True
        surnames = {self.surname} | self.other_surnames
        # given name of one name + surname of another ("Kreszentia Mühsam": born Kreszentia Elfinger)
        if len(sig) == 2 and sig[0] in self.given and sig[1] in surnames:
            return True
        # a married name: the subject's name and one more surname ("Margaret Mead Cressman")
        if len(sig) >= 3 and sig[0] in self.given and set(sig[:-1]) <= words and sig[-2] in surnames:
            return True
        return False


def find_subject(text: str, persons: list[tuple[int, int, str]], window: int = 600) -> Subject | None:
    """The subject of a biography from its lead (``text`` as spaCy sees it), or None when the text opens with
    no name. ``persons`` are the document's person mentions (start, end, text), to choose the key and to
    keep lone names that another person also bears apart."""
    head = text[:window]
    body_start = len(head) - len(head.lstrip())
    para_end = head.find("\n\n", body_start)
    if para_end < 0:
        para_end = len(head)
    toks = _words(text, body_start, para_end)
    if not toks:
        return None
    run = None
    j = 0
    # an upper-case run among the first words (image names and captions may come first)
    for i, (s, e, w) in enumerate(toks[:12]):
        bare = w.strip(_SEPARATORS + _QUOTES + "_*")
        if _is_caps(bare) and (fold(bare) not in PARTICLES or (
                i + 1 < len(toks) and _is_caps(toks[i + 1][2].strip(_SEPARATORS + _QUOTES + "_*")))):
            r, j = _run_at(toks, i, caps=True)
            if r is not None and (len(r.words) >= 2 or (j < len(toks) and toks[j][2].startswith("("))):
                run = r
                # a title-case honorific right before ("Captain JAMES COOK", "Lieutenant-General MIKHAIL ...")
                if i > 0 and fold(toks[i - 1][2]).split("-")[0] in HONORIFICS:
                    run.words = [toks[i - 1][2]] + run.words
                break
    if run is None:
        r, j = _run_at(toks, 0, caps=False)
        while j < len(toks) and not toks[j][2].strip(_QUOTES + "_*"):
            j += 1                                        # a stray closing quote of the bold name
        if r is None or len(r.words) < 2 or len(r.words) > 7 or j >= len(toks) or not toks[j][2].startswith(("(", ",")):
            return None
        run = r
    hon, formal = _clean(run.words)
    if not formal or not _LEAD_VERB.search(text, run.end, min(len(text), run.end + 700)):
        return None
    nick = [title_case(w, True) for w in run.nick]
    spans = [(run.start, run.end)]
    names = [formal]
    titles: list[str] = []
    births: list[list[str]] = []
    # the rest of the lead up to its verb: titles, the parenthesis (born ..., née ...), "known as ..."
    rest_start = run.end
    m = _VERB.search(text, rest_start, min(len(text), rest_start + 500))
    rest_end = m.start() if m else min(len(text), rest_start + 300)
    rest_toks = _words(text, rest_start, rest_end)
    k = 0
    after_as = False
    while k < len(rest_toks):
        s, e, w = rest_toks[k]
        bare = w.strip(_SEPARATORS + _QUOTES + "_*")
        low = fold(bare)
        seg = text[s:rest_end].lstrip("(;:, ")
        if _BORN.match(seg):
            k2 = k + 1
            while k2 < len(rest_toks) and fold(rest_toks[k2][2].strip(_SEPARATORS)) in ("name", "as", ":"):
                k2 += 1
            if k2 < len(rest_toks):
                caps = _is_caps(rest_toks[k2][2].strip(_SEPARATORS + _QUOTES + "_*"))
                r, k3 = _run_at(rest_toks, k2, caps=caps)
                if r is not None:
                    _h, nm = _clean(r.words)
                    if nm and not any(ch.isdigit() for ch in "".join(nm)):
                        births.append(nm)
                        spans.append((r.start, r.end))
                        k = k3
                        continue
            k += 1
            continue
        if low in ("as", "or", "and") and k + 1 < len(rest_toks):
            after_as = after_as or low == "as"
            if after_as:
                nxt = rest_toks[k + 1][2].strip(_SEPARATORS + _QUOTES + "_*")
                caps = _is_caps(nxt)
                r, k3 = _run_at(rest_toks, k + 1, caps=caps)
                if r is not None and (caps or len(r.words) >= 1) and nxt[:1].isupper():
                    h, nm = _clean(r.words)
                    if nm:
                        if any(fold(x) in PEERAGE for x in nm):
                            titles.append(" ".join(nm))
                        else:
                            names.append(nm)
                        spans.append((r.start, r.end))
                        k = k3
                        continue
            k += 1
            continue
        if _is_caps(bare) and low not in PARTICLES:
            r, k3 = _run_at(rest_toks, k, caps=True)
            if r is not None and any(fold(x).rstrip(".") in PEERAGE for x in r.words):
                if len(r.words) > 1:
                    titles.append(" ".join(title_case(x, n == 0) for n, x in enumerate(r.words)))
                    spans.append((r.start, r.end))
                k = k3
                continue
            k = max(k3, k + 1)
            continue
        k += 1
    return _subject(formal, nick, names, births, titles, spans, persons, hon)


def _surname_of(words: list[str]) -> str | None:
    toks = [w for w in words if fold(w).rstrip(".") not in SUFFIXES]
    if "y" in toks[1:]:                               # Spanish double surname: the father's
        i = toks.index("y")
        if i >= 2:
            return fold(toks[i - 1])
    parts = name_tokens(toks[-1]) if toks else ()
    return parts[-1] if parts and len(toks) > 1 else None


def _subject(formal, nick, names, births, titles, spans, persons, hon) -> Subject:
    suffix = next((fold(w).rstrip(".") for w in formal if fold(w).rstrip(".") in SUFFIXES), None)
    core = [w for w in formal if fold(w).rstrip(".") not in SUFFIXES]
    surname = _surname_of(formal)
    all_names = [tuple(t for t in name_tokens(" ".join(n)) if t not in SUFFIXES) for n in names + births]
    if nick and surname:
        all_names.append(tuple(name_tokens(" ".join(nick))) + (surname,))
    given = {name_tokens(n[0])[0] for n in names + births if n and name_tokens(n[0])}
    given |= {t for w in core[:-1] for t in name_tokens(w) if t not in PARTICLES and t != surname}
    given |= {name_tokens(n)[0] for n in nick if name_tokens(n)}
    if core and "-" in core[0]:                       # "Oscar-Claude": either part is a given name
        given |= set(name_tokens(core[0]))
    others = set()
    for n in names[1:] + births:
        s = _surname_of(n)
        if s and s != surname:
            others.add(s)
    for t in titles:                                  # "1st Baron Dunmere": "Lord Dunmere", "Dunmere"
        words = [w for w in name_tokens(t) if w not in PARTICLES and w not in PEERAGE and w.isalpha()]
        if words and words[0] != surname:
            others.add(words[0])
    if surname is None and len(core) == 1:            # a one-word name ("PELÉ") is its own surname
        surname = fold(core[0])
    form = next((p for w in core for p in re.split(r"[\-‐]", w) if fold(p) == surname), None)
    subj = Subject(key="", spans=spans, names=[n for n in all_names if n], given=given, surname=surname,
                   other_surnames=others, suffix=suffix, titles=titles, surname_form=form)
    subj.key = _choose_key(subj, core, nick, persons)
    subj.blocked = _blocked(subj, persons)
    return subj


def _choose_key(subj: Subject, core: list[str], nick: list[str], persons) -> str:
    """The name the text calls its subject by most ("Claude Monet" for OSCAR-CLAUDE MONET), else the lead's
    given name (or nickname) and surname, else the lead name."""
    counts: dict[str, int] = {}
    for _s, _e, t in persons:
        t = " ".join(t.split())
        toks = name_tokens(t)
        if 2 <= len(toks) <= 4 and len(t.split()) >= 2 and subj.matches(t) and not any(x in HONORIFICS for x in toks) \
                and not t.isupper() and any(set(toks) <= set(n) for n in subj.names + [tuple(toks)] if n != tuple(toks)):
            counts[t] = counts.get(t, 0) + 1
    if counts:
        return max(sorted(counts), key=lambda t: counts[t])
    if len(core) >= 2 and subj.surname:
        first = nick[0] if nick else core[0]
        last = next((w for w in reversed(core) if fold(w) == subj.surname or subj.surname in name_tokens(w)), core[-1])
        return f"{first} {last}"
    return " ".join(core)


def _blocked(subj: Subject, persons) -> set[str]:
    """Lone words that do not safely name the subject: a given name another person of the document has, a
    birth surname others bear, and the surname when a same-surname relative is named about as often."""
    words = subj.word_set()
    others: dict[str, int] = {}
    mine = 0
    first_of_others: set[str] = set()
    last_of_others: set[str] = set()
    for _s, _e, t in persons:
        toks = [x for x in name_tokens(t) if x not in HONORIFICS and x not in SUFFIXES]
        if len(toks) < 2:
            continue
        if subj.matches(t):
            mine += 1
            continue
        if toks[-1] in NAMED_AFTER_HEADS:
            continue
        first_of_others.add(toks[0])
        last_of_others.add(toks[-1])
        if toks[-1] == subj.surname:
            key = " ".join(toks)
            others[key] = others.get(key, 0) + 1
    blocked = {g for g in subj.given if g in first_of_others}
    blocked |= {s for s in subj.other_surnames if s in last_of_others}
    if subj.surname and others and max(others.values()) >= max(3, (mine + 1) // 2):
        blocked.add(subj.surname)
    del words
    return blocked
