"""Frozen records shared by every stage: Document, Mention, Timex, Event, Fact, Relation, Claim.

Every record that comes from a text carries the document name and character
offsets into that document's text; ``quote == text[start:end]`` is an
invariant the tests check. Entities are referred to by *keys* inside one
document (``Mention.key``) and by stable ids (``p-victor-serge``) once the
store has resolved them across documents.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field

EVENT_TYPES = (
    "birth", "death", "education", "residence", "travel", "imprisonment", "release", "exile",
    "flight", "membership", "expulsion", "conversion", "participation", "role", "meeting",
    "collaboration", "authorship", "publication", "marriage", "exchange", "other",
    # issue 15: a vocabulary for any life (README, "Event types")
    "award", "discovery", "creation", "premiere", "appointment", "election", "competition",
)
ENTITY_TYPES = ("PERSON", "PLACE", "ORG", "WORK", "EVENT")
GENRES = ("review", "essay", "article", "biography", "memoir", "letter", "news", "fiction", "other")
FACT_ATTRIBUTES = (
    "birth_date", "birth_place", "death_date", "death_place", "nationality", "occupation",
    "member_of", "employer", "educated_at", "spouse", "parent", "child", "sibling",
    "notable_work", "award", "conflict", "military_branch", "residence", "birth_name", "pseudonym",
)
STANCES = ("positive", "negative", "neutral")
#: Attributes a person has one value of: two incompatible values are a conflict (`kronika conflicts`).
SINGLE_VALUED = ("birth_date", "birth_place", "death_date", "death_place", "birth_name")

# ---- ids: the one definition of how a reconciled record is named --------------------------------------------
#: The first letter of an entity id, by entity type ("p-victor-serge", "l-lodz").
PREFIX = {"PERSON": "p", "PLACE": "l", "ORG": "o", "WORK": "w", "EVENT": "e"}
#: Letters NFKD does not take apart into ASCII plus accents (without this "Łódź" would slug to "odz").
_TRANSLIT = str.maketrans({"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ß": "ss", "æ": "ae",
                           "Æ": "AE", "œ": "oe", "Œ": "OE", "þ": "th", "ı": "i", "’": "'"})


def fold_ascii(name: str) -> str:
    """``name`` in ASCII, accents dropped and the letters NFKD keeps whole transliterated ("Łódź" -> "Lodz")."""
    return unicodedata.normalize("NFKD", name.translate(_TRANSLIT)).encode("ascii", "ignore").decode()


def slug(name: str) -> str:
    """ASCII slug of a name: "Natalya Sedova" -> "natalya-sedova", "Łódź" -> "lodz"."""
    return re.sub(r"[^a-z0-9]+", "-", fold_ascii(name).lower()).strip("-") or "x"


def entity_id(type_: str, name: str) -> str:
    """An entity's id: type prefix and slug of its name ("PLACE", "Łódź" -> "l-lodz")."""
    return f"{PREFIX.get(type_, 'x')}-{slug(name)}"


def fact_id(subject_id: str | None, attribute: str, value: str, value_iso: str | None) -> str:
    """A fact's id: the same for the same subject, attribute and value on every rebuild
    (the id `kronika correct reject-fact` takes)."""
    norm = value_iso or " ".join((value or "").lower().split())
    return "f-" + hashlib.sha1(f"{subject_id}|{attribute}|{norm}".encode()).hexdigest()[:10]


@dataclass(frozen=True)
class Stripped:
    """A passage of boilerplate: marked, never cut out of the text."""

    start: int
    end: int
    text: str
    reason: str = "boilerplate"


@dataclass(frozen=True)
class Document:
    """One input document. ``text`` is what every offset refers to."""

    doc: str                      # name relative to the build argument, e.g. "000_x.txt", "f.jsonl#3"
    sha256: str                   # content hash of the raw bytes (or of the JSONL line)
    text: str
    title: str | None = None
    author: str | None = None
    published: str | None = None  # ISO date or date-time
    genre: str = "other"
    about: str | None = None      # the work a review discusses
    url: str | None = None
    stripped: tuple[Stripped, ...] = ()
    path: str | None = None       # file system path it was read from (not part of the contract)
    format: str = "txt"           # txt, md, html, jsonl, warc


@dataclass(frozen=True)
class Failure:
    """A document that could not be ingested or processed, with one clear reason."""

    doc: str
    reason: str
    stage: str = "ingest"
    path: str | None = None


@dataclass(frozen=True)
class Mention:
    """A mention of an entity in one document; ``key`` groups mentions of one entity."""

    start: int
    end: int
    text: str
    type: str                     # PERSON, PLACE, ORG, WORK, EVENT
    key: str                      # canonical name inside the document, e.g. "Victor Serge"
    source: str = "ner"           # ner, gazetteer, pattern, title, coref


@dataclass(frozen=True)
class Timex:
    """A TIMEX3 time expression, normalised; earliest/latest are inclusive ISO bounds."""

    start: int
    end: int
    text: str
    type: str                     # DATE, TIME, DURATION, SET
    value: str                    # TIMEX3 value: "1919", "193", "P10Y", "PAST_REF", "1918-11-11T12:24"
    mod: str | None = None        # BEFORE, AFTER, ON_OR_BEFORE, START, MID, END, APPROX, MORE_THAN, ...
    earliest: str | None = None   # inclusive ISO bound ("1933") or None when unbounded / not a date
    latest: str | None = None
    inferred: bool = False        # value derived from an anchor event rather than read directly
    anchor: str | None = None     # name of the historical event it was anchored to, if any


@dataclass(frozen=True)
class Source:
    """Provenance: the exact passage a record was read from."""

    doc: str
    start: int
    end: int
    quote: str


@dataclass(frozen=True)
class EventDate:
    start: str | None = None
    end: str | None = None
    text: str | None = None
    inferred: bool = False


@dataclass(frozen=True)
class Event:
    """One life event of one person, as stated in one document."""

    type: str
    subject: str                  # entity key of the person whose life it is
    summary: str
    source: Source                # the clause/sentence that states it
    trigger: str = ""             # the word that signals it ("jailed", "exile")
    places: tuple[str, ...] = ()          # entity keys
    participants: tuple[str, ...] = ()    # entity keys (people, organisations, works)
    date: EventDate = field(default_factory=EventDate)
    order: int = 0                # narrative position in the document
    confidence: float = 0.8
    hedged: bool = False
    negated: bool = False
    fiction: bool = False         # drawn from the plot of a work of fiction
    cue: str | None = None        # ordering cue: "later", "then", "on release", "eventually", ...


@dataclass(frozen=True)
class Fact:
    """An attribute-value pair about a subject, with its source."""

    subject: str                  # entity key
    attribute: str
    value: str
    source: Source
    value_iso: str | None = None
    date: EventDate | None = None
    confidence: float = 0.8
    value_key: str | None = None  # entity key of the value when it is an entity


@dataclass(frozen=True)
class Relation:
    source_key: str
    relation: str
    target_key: str
    source: Source
    date: EventDate = field(default_factory=EventDate)
    confidence: float = 0.7


@dataclass(frozen=True)
class Claim:
    """An attributed opinion, judgement, accusation or characterisation (or a direct quotation)."""

    holder: str | None            # entity key, or None for the document's own voice
    about: str                    # entity key
    stance: str                   # positive, negative, neutral
    text: str
    source: Source
    kind: str = "opinion"         # opinion, accusation, characterisation, quotation, reception
    date: EventDate | None = None
    work: str | None = None       # for quotations: the work quoted from


@dataclass
class Extraction:
    """Everything extracted from one document (mutable while it is being built)."""

    doc: Document
    mentions: list[Mention] = field(default_factory=list)
    timexes: list[Timex] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    sentences: list[tuple[int, int]] = field(default_factory=list)   # sentence offsets, for search
    entity_types: dict[str, str] = field(default_factory=dict)       # key -> type
    aliases: dict[str, set[str]] = field(default_factory=dict)       # key -> surface forms
