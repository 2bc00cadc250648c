"""A verb token in its clause in, the event type it states (or None) out: ``verb_type`` and its sense rules.

The rules are one ordered table, read top to bottom; a rule applies to the verb lemmas it lists (or to every
verb) and either decides (an event type, or None for "no event") or passes (``NEXT``) to the rules below:

1. phrasal and object-dependent senses, before the lexicon ("take part", "spend two years in prison");
2. the lexicon's type for the lemma (``VERB_TYPES``) and the voice it needs (passive-only, active-only verbs);
3. lemma-specific refinements of the lexicon's type ("work with" is collaboration, "work as" a role).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from spacy.tokens import Token

from ...lexicons import words
from .lexicon import (ACTIVE_ONLY, COMPETITION_OBJECTS, CREATION_OBJECTS, EDUCATION_OBJECTS, EXILE_NOUNS, GATHERING_OBJECTS, HONOUR_OBJECTS, NEEDS_ARGUMENT,
                      OBJECT_PATIENT, ORG_OBJECTS, PARTICIPATION_OBJECTS, PASSIVE_ONLY, PERIODICAL_OBJECTS,
                      POSITION_OBJECTS, PRISON_NOUNS, ROLE_NOUN_TYPES, VERB_TYPES, WORK_OBJECTS)
from .syntax import children_with, deep_lemmas, has_place, is_passive, lemmas_of, objects_of, shared_objects, vlemma

MOTION = {"travel", "residence"}
#: Nouns that make a motion verb an event without a named place ("returned home", "moved abroad").
PLACE_NOUNS = words("events", "place_nouns")
#: Common nouns for people: a victim named only by one is someone else ("took away a friend ... and shot him").
HUMAN_NOUNS = words("events", "human_nouns")
SENTENCE_PLACES = (PRISON_NOUNS | {"sentence", "term"}) - {"labour", "labor"}
FREEDOM = {"freedom", "release", "liberty"}
CONTACT = {"contact", "contacts", "acquaintance", "friend", "friends"}
DEGREES = {"degree", "doctorate", "diploma", "ba", "ma", "phd", "bachelor", "master"}
MILITARY_BODIES = {"army", "navy", "military", "government"}


class _Next:
    def __repr__(self) -> str:
        return "NEXT"


#: What a rule returns when it does not decide: the rules below it are asked.
NEXT = _Next()


@dataclass(frozen=True)
class Verb:
    """A verb and the parts of its clause the rules read, computed once per verb."""

    tok: Token
    lem: str
    type: str | None            # the lexicon's type for the lemma, before the rules refine it
    prts: set[str]              # particles ("up", "over")
    preps: set[str]             # prepositions (and the passive agent "by")
    objs: list[Token]           # direct and prepositional objects, or a coordinated verb's shared ones
    olem: set[str]              # their lemmas and forms
    deep: set[str]              # lemmas anywhere under objects and prepositions
    dobj: list[Token]
    passive: bool
    places: set[int]
    persons: set[int]

    @classmethod
    def read(cls, v: Token, places: set[int], persons: set[int]) -> Verb:
        lem = vlemma(v)
        objs = objects_of(v) or shared_objects(v)
        return cls(tok=v, lem=lem, type=VERB_TYPES.get(lem),
                   prts={c.lower_ for c in v.children if c.dep_ == "prt"},
                   preps={c.lower_ for c in v.children if c.dep_ in ("prep", "agent")},
                   objs=objs, olem=lemmas_of(objs), deep=deep_lemmas(v), dobj=children_with(v, {"dobj"}),
                   passive=is_passive(v), places=places, persons=persons)


Decision = "str | None | _Next"
Rule = tuple[frozenset[str] | None, Callable[[Verb], Decision]]


def verb_type(v: Token, places: set[int], persons: set[int]) -> str | None:
    """The event type a verb states in its context, or None."""
    verb = Verb.read(v, places, persons)
    for lemmas, decide in RULES:
        if lemmas is None or verb.lem in lemmas:
            out = decide(verb)
            if out is not NEXT:
                return out
    return verb.type


# --- 1. phrasal and object-dependent senses, before the lexicon ------------------------------------------------

def _take_part(c: Verb) -> Decision:
    return "participation" if any(o.lemma_ == "part" for o in c.dobj) else NEXT


def _get_involved(c: Verb) -> Decision:
    return "participation" if any(x.lower_ == "involved" for x in c.tok.children
                                  if x.dep_ in ("acomp", "oprd", "attr", "xcomp", "dobj")) else NEXT


def _involved_in(c: Verb) -> Decision:
    return "participation" if c.passive and "in" in c.preps else NEXT


def _make_contact(c: Verb) -> Decision:
    return "meeting" if c.olem & CONTACT else NEXT


def _find_way(c: Verb) -> Decision:
    """'made his way to Paris' is travel; 'found a way' alone is nothing."""
    if not any(o.lemma_ == "way" for o in c.dobj):
        return NEXT
    near = objects_of(c.tok) + [x for o in c.dobj for x in o.children]
    return "travel" if has_place(near, c.places) or c.preps or any(
        x.dep_ == "prep" for o in c.dobj for x in o.children) else None


def _send(c: Verb) -> Decision:
    """'sent into exile', 'sent to a camp', 'taken to Siberia' (exile when passive, travel when active)."""
    if c.olem & EXILE_NOUNS:
        return "exile"
    if c.olem & PRISON_NOUNS and c.lem != "take":
        return "imprisonment"
    if has_place(c.objs, c.places) and ("to" in c.preps or "into" in c.preps):
        return "exile" if c.passive else "travel"
    return None


def _serve_time(c: Verb) -> Decision:
    return "imprisonment" if c.deep & SENTENCE_PLACES else NEXT


def _spend_in_place(c: Verb) -> Decision:
    return "residence" if has_place(c.objs, c.places) else NEXT


def _held_in_prison(c: Verb) -> Decision:
    return "imprisonment" if c.deep & PRISON_NOUNS else NEXT


def _gain_freedom(c: Verb) -> Decision:
    return "release" if c.olem & FREEDOM else NEXT


def _won_over(c: Verb) -> Decision:
    return "conversion" if "over" in c.prts else NEXT


def _give_birth(c: Verb) -> Decision:
    return None if "birth" in c.olem else NEXT


def _grow_up(c: Verb) -> Decision:
    return None if "up" not in c.prts else NEXT


def _lead(c: Verb) -> Decision:
    if "to" in c.preps:
        return None                                   # "led to": a cause, not a life event
    return "participation" if c.olem & PARTICIPATION_OBJECTS else NEXT


def _go_on(c: Verb) -> Decision:
    """'went on to become', 'came along': no travel without a place."""
    return None if c.prts & {"on", "along", "through", "back"} and not has_place(c.objs, c.places) else NEXT


def _fight_for(c: Verb) -> Decision:
    """'fighting for change' is not an event; fighting in a war or a place is."""
    return None if not (c.olem & PARTICIPATION_OBJECTS or has_place(c.objs, c.places) or "in" in c.preps) else NEXT


def _hold_post(c: Verb) -> Decision:
    return "role" if c.olem & POSITION_OBJECTS else None


def _visit_person(c: Verb) -> Decision:
    return "meeting" if c.dobj and (c.dobj[0].pos_ == "PRON" or c.dobj[0].i in c.persons) else NEXT


def _honour(c: Verb) -> Decision:
    """'won the championship' (competition), 'received the Nobel Prize' (award), 'received his doctorate'."""
    if c.lem == "win" and c.olem & COMPETITION_OBJECTS - {"medal", "title"}:
        return "competition"
    if c.olem & DEGREES and not c.olem & {"honorary", "prize", "medal"}:
        return "education"
    if c.deep & HONOUR_OBJECTS or any(o.ent_type_ == "WORK_OF_ART" for o in c.objs):
        return "award"
    if c.lem == "win" and c.deep & COMPETITION_OBJECTS:
        return "competition"
    if c.lem in ("award", "decorate") and c.passive and not c.objs:
        return "award"                                # "she was decorated in 1945"
    return None


def _named_to(c: Verb) -> Decision:
    """'was named director', 'was named as his successor' (appointment); never 'was named after'."""
    if not c.passive or "after" in c.preps or "for" in c.preps:
        return None
    if "as" in c.preps or "to" in c.preps:
        return "appointment"
    pred = children_with(c.tok, {"oprd", "attr", "xcomp"})
    if pred and pred[0].pos_ != "PROPN":
        return "appointment"          # "was named director"; "was named Saloth Sar" is a name, not a post
    return None


def _create(c: Verb) -> Decision:
    """'built the first motor car', 'directed the film', 'recorded an album': a work made; not 'built a career'."""
    if c.olem & CREATION_OBJECTS or any(w.ent_type_ == "WORK_OF_ART" for o in c.objs for w in o.subtree):
        return "creation"
    return None


def _finish_race(c: Verb) -> Decision:
    """'finished second in the race', 'took part in the championship'."""
    return "competition" if c.deep & COMPETITION_OBJECTS - {"title", "work", "series"} else NEXT


def _degree(c: Verb) -> Decision:
    return "education" if c.olem & DEGREES else None


def _stage_work(c: Verb) -> Decision:
    if c.lem == "perform":             # "was first performed in 1899": a premiere; other performances are not events
        return "premiere" if c.passive and any(x.lower_ == "first" for x in c.tok.children) else None
    if c.lem in ("premiere", "premier") and any(w.lower_ in WORK_OBJECTS or w.lower_ in CREATION_OBJECTS or w.ent_type_ == "WORK_OF_ART"
                                   for s_ in children_with(c.tok, {"nsubj", "nsubjpass"}) for w in s_.subtree):
        return "premiere"                             # "her opera premiered in Milan"
    if not (c.olem & WORK_OBJECTS or c.olem & CREATION_OBJECTS or any(w.ent_type_ == "WORK_OF_ART" for o in c.objs
                                                                    for w in o.subtree)):
        return None
    return "creation" if c.lem == "produce" else "premiere"


def _removed_from(c: Verb) -> Decision:
    return None if not c.preps & {"from", "as"} else NEXT


def _elected_modifier(c: Verb) -> Decision:
    return None if c.tok.dep_ == "amod" else NEXT


def _bare_gerund(c: Verb) -> Decision:
    """'the fleeing army', bare gerunds."""
    v = c.tok
    return None if v.tag_ == "VBG" and v.dep_ in ("amod", "acl", "pcomp", "ROOT") and not c.objs \
        and c.lem not in ("bear",) else NEXT


# --- 2. the lexicon's type and the voice it needs ------------------------------------------------------------

def _in_lexicon(c: Verb) -> Decision:
    return None if c.type is None else NEXT


def _passive_only(c: Verb) -> Decision:
    """'was arrested' (or 'arrested her', for verbs whose object is the person), never 'he arrested'."""
    person_object = c.lem in OBJECT_PATIENT and any(
        o.pos_ in ("PRON", "PROPN") and o.lower_ not in ("it", "them", "they") for o in c.dobj)
    return None if not c.passive and not person_object else NEXT


def _someone_elses_death(c: Verb) -> Decision:
    """'took away a friend ... and shot him': the victim is someone else."""
    if c.type == "death" and not c.passive and c.lem != "die" and not any(o.pos_ == "PROPN" for o in c.dobj) \
            and (not c.dobj or _unnamed_human_before(c.tok)):
        return None
    return NEXT


def _active_only(c: Verb) -> Decision:
    return None if c.passive else NEXT


def _unnamed_human_before(v: Token) -> bool:
    """A person named only by a common noun earlier in the sentence, not as anyone's subject (the agents)."""
    subj = {w.i for c in v.children if c.dep_ in ("nsubj", "nsubjpass") for w in c.subtree}
    cur = v
    while cur.dep_ == "conj":
        cur = cur.head
        subj |= {w.i for c in cur.children if c.dep_ in ("nsubj", "nsubjpass") for w in c.subtree}
    return any(w.pos_ == "NOUN" and w.lemma_.lower() in HUMAN_NOUNS and w.i not in subj
               and w.dep_ not in ("nsubj", "nsubjpass", "compound") for w in v.doc[v.sent.start:v.i])


# --- 3. lemma-specific refinements of the lexicon's type -----------------------------------------------------

def _sentenced(c: Verb) -> Decision:
    if c.deep & EXILE_NOUNS:
        return "exile"
    if "death" in c.deep or "execution" in c.deep:
        return "other"
    return "imprisonment"


def _join(c: Verb) -> Decision:
    if c.objs and all(o.pos_ == "PROPN" and o.ent_type_ in ("ORG", "NORP", "") for o in c.objs) and c.lem == "join":
        return "membership"
    if c.olem & PARTICIPATION_OBJECTS or lemmas_of(w for o in c.objs for w in o.subtree) & {"revolution", "war", "uprising"}:
        return "participation"
    return c.type


def _work(c: Verb) -> Decision:
    if "with" in c.preps:
        return "collaboration"
    if c.preps & {"as", "for", "in", "at", "on"}:
        return "role"
    return None


def _write(c: Verb) -> Decision:
    objs = [x for x in c.tok.children if x.dep_ == "dobj"] or shared_objects(c.tok)
    objs = objs + [p for o in objs for x in o.children if x.dep_ == "prep" and x.lower_ == "of"
                   for p in x.children if p.dep_ == "pobj"] + [x for o in objs for x in o.children
                                                               if x.dep_ == "appos"]
    olem = lemmas_of(objs)
    if c.lem == "compose" and objs:
        return "creation"            # "composed her first symphony", "composed the music for ..."
    if any(o.pos_ == "PROPN" and o.i not in c.persons and o.i not in c.places and o.dep_ == "dobj" for o in objs):
        return "authorship"          # "wrote The Detainee"
    if olem & WORK_OBJECTS or "for" in c.preps or any(w.ent_type_ == "WORK_OF_ART" for o in objs for w in o.subtree):
        return "authorship"
    return None


def _found(c: Verb) -> Decision:
    if c.olem & PERIODICAL_OBJECTS or c.olem & WORK_OBJECTS:
        return "publication"
    return "other" if c.objs else None


def _serve(c: Verb) -> Decision:
    if "as" in c.preps:
        return "role"
    if c.olem & ORG_OBJECTS or c.olem & MILITARY_BODIES:
        return "role"
    return None


def _become(c: Verb) -> Decision:
    attrs = children_with(c.tok, {"attr", "oprd"})
    if not attrs:
        return None
    return ROLE_NOUN_TYPES.get(attrs[0].lemma_.lower(), "role")


def _meet(c: Verb) -> Decision:
    return c.type if c.objs or c.tok.dep_ == "relcl" or any(x.dep_ == "conj" for x in c.tok.children) else None


def _enter(c: Verb) -> Decision:
    """'entered graduate school', 'entered the Academy' (education); 'entered the room' is nothing."""
    return "education" if c.olem & EDUCATION_OBJECTS or lemmas_of(w for o in c.objs for w in o.subtree) & {
        "school", "university", "college", "seminary", "conservatory"} else None


def _volunteer(c: Verb) -> Decision:
    """'volunteered for the army' (role); 'volunteered to help' is nothing."""
    return "role" if c.olem & (MILITARY_BODIES | ORG_OBJECTS) or "as" in c.preps else None


def _attend(c: Verb) -> Decision:
    if c.olem & GATHERING_OBJECTS:
        return "participation"
    return "education" if c.olem & EDUCATION_OBJECTS else None


def _leave(c: Verb) -> Decision:
    return "travel" if has_place(c.dobj, c.places) or "for" in c.preps else None


def _lexicon_type(c: Verb) -> Decision:
    return c.type


def _release(c: Verb) -> Decision:
    """'X released Y': the person is the object (see ``clauses.subject_token``)."""
    return c.type if not c.passive and c.tok.dep_ not in ("advcl",) else NEXT


def _needs_argument(c: Verb) -> Decision:
    """Common verbs ('went', 'lived', 'wrote') are events only with a place, a person or a specific object."""
    if c.type in MOTION:
        return c.type if has_place(c.objs + children_with(c.tok, {"advmod"}), c.places) \
            or c.olem & (EXILE_NOUNS | PLACE_NOUNS) else None
    return None if not c.objs else NEXT


def _verbs(*ws: str) -> frozenset[str]:
    return frozenset(ws)


RULES: list[Rule] = [
    # 1. phrasal and object-dependent senses
    (_verbs("take"), _take_part),
    (_verbs("become", "get", "be"), _get_involved),
    (_verbs("involve"), _involved_in),
    (_verbs("make"), _make_contact),
    (_verbs("find", "make", "wend"), _find_way),
    (_verbs("send", "ship", "transport", "take"), _send),
    (_verbs("spend", "serve"), _serve_time),
    (_verbs("spend"), _spend_in_place),
    (_verbs("hold", "keep", "put", "throw", "lock"), _held_in_prison),
    (_verbs("secure", "gain", "win", "regain", "obtain"), _gain_freedom),
    (_verbs("win", "turn", "convert", "switch", "go"), _won_over),
    (_verbs("give"), _give_birth),
    (_verbs("grow"), _grow_up),
    (_verbs("lead"), _lead),
    (_verbs("go", "come", "move"), _go_on),
    (_verbs("fight"), _fight_for),
    (_verbs("hold"), _hold_post),
    (_verbs("visit"), _visit_person),
    (_verbs("receive", "win", "award", "honour", "honor", "decorate", "grant"), _honour),
    (_verbs("obtain", "earn"), _degree),
    (_verbs("name"), _named_to),
    (_verbs("build", "record", "direct", "film", "design", "make", "create"), _create),
    (_verbs("finish", "place", "compete", "race"), _finish_race),
    (_verbs("produce", "stage", "premiere", "premier", "perform"), _stage_work),
    (_verbs("remove", "dismiss"), _removed_from),
    (_verbs("elect", "appoint", "name"), _elected_modifier),
    (None, _bare_gerund),
    # 2. the lexicon and voice
    (None, _in_lexicon),
    (PASSIVE_ONLY, _passive_only),
    (None, _someone_elses_death),
    (ACTIVE_ONLY, _active_only),
    # 3. refinements of the lexicon's type
    (_verbs("sentence"), _sentenced),
    (_verbs("join", "participate", "enlist"), _join),
    (_verbs("work"), _work),
    (_verbs("write", "author", "compose", "pen"), _write),
    (_verbs("found", "establish"), _found),
    (_verbs("publish", "study", "remove", "dismiss", "expel", "exclude"), _lexicon_type),
    (_verbs("serve"), _serve),
    (_verbs("become"), _become),
    (_verbs("meet", "befriend", "encounter"), _meet),
    (_verbs("attend"), _attend),
    (_verbs("enter"), _enter),
    (_verbs("volunteer"), _volunteer),
    (_verbs("leave"), _leave),
    (_verbs("free", "release", "liberate"), _release),
    (NEEDS_ARGUMENT, _needs_argument),
]
