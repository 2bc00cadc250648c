"""spaCy Doc + entity mentions -> token index -> person key for pronouns, relative pronouns and descriptions.

A rule-based resolver (no coreference model): gender agreement learnt from the
document itself, recency, grammatical salience (subjects of the current and the
previous sentence), the document's main person, appositions ("the author, Victor
Serge") and definite descriptions matched on nationality/occupation words.
"""
from __future__ import annotations

from collections import Counter, defaultdict

from spacy.tokens import Doc, Token

from ...lexicons import words
from ...records import Mention
from .persons import main_person, person_tokens

SUBJ_DEPS = {"nsubj", "nsubjpass"}
RELATIVE = {"who", "whom", "whose"}
#: Person-describing nouns for definite descriptions ("the author", "the revolutionary").
DESCRIPTION_NOUNS = words("persons", "description_nouns")
MALE_NOUNS = words("persons", "male_nouns")
FEMALE_NOUNS = words("persons", "female_nouns")
MALE_PRONOUNS = words("persons", "male_pronouns")
FEMALE_PRONOUNS = words("persons", "female_pronouns")
PLURAL_PRONOUNS = words("persons", "plural_pronouns")
#: Common first names: a gender cue for the pronoun resolver (absent names stay unknown), so that "she" never
#: lands on a man's name.
FEMALE_NAMES = words("persons", "female_first_names")
MALE_NAMES = words("persons", "male_first_names")


def _gender_of_pronoun(t: Token) -> str | None:
    w = t.lower_
    if w in MALE_PRONOUNS:
        return "m"
    if w in FEMALE_PRONOUNS:
        return "f"
    return None


def _learn_genders(sdoc: Doc, ptok: dict[int, str]) -> dict[str, str]:
    """Vote a gender for each person: first names, titles, and subject pronouns right after that person as subject."""
    votes: dict[str, Counter] = defaultdict(Counter)
    for i, k in ptok.items():
        t = sdoc[i]
        first = i == 0 or ptok.get(i - 1) != k
        # a first name followed by the rest of the name, or a person known by that one name ("Anna")
        named = first and ((i + 1 < len(sdoc) and ptok.get(i + 1) == k) or k == t.text)
        if named and t.lower_ in FEMALE_NAMES:
            votes[k]["f"] += 5
        if named and t.lower_ in MALE_NAMES:
            votes[k]["m"] += 5
        if i > 0 and sdoc[i - 1].lower_.rstrip(".") in ("mr", "sir", "lord", "mister", "monsieur", "herr"):
            votes[k]["m"] += 5
        if i > 0 and sdoc[i - 1].lower_.rstrip(".") in ("mrs", "ms", "miss", "madame", "lady", "frau", "mme"):
            votes[k]["f"] += 5
        if t.head.i not in ptok or t.head.i == i:      # the root of a name: "his father, Hugh Smith"
            for w in (t.head, *t.children):
                if w.i in ptok or w.dep_ not in ("appos", "compound", "nmod", "attr") and t.dep_ not in ("appos", "compound"):
                    continue
                lem = w.lemma_.lower()
                if lem in MALE_NOUNS:
                    votes[k]["m"] += 3
                elif lem in FEMALE_NOUNS:
                    votes[k]["f"] += 3
    sents = list(sdoc.sents)
    for si, s in enumerate(sents):
        subj_keys = [ptok[t.i] for t in s if t.i in ptok and t.dep_ in ("nsubj", "nsubjpass")]
        keys = {ptok[t.i] for t in s if t.i in ptok}
        if len(set(subj_keys)) != 1:
            continue
        k = subj_keys[0]
        first = min(t.i for t in s if t.i in ptok)
        window = [t for t in s if t.dep_ in ("nsubj", "nsubjpass") and t.i not in ptok and t.i > first]
        nxt = sents[si + 1] if si + 1 < len(sents) else None
        if nxt is not None and len(keys) == 1 and not any(
                _gender_of_pronoun(t) for t in s if t.i not in ptok):
            subj = [t for t in nxt if t.dep_ in ("nsubj", "nsubjpass")]
            if subj and subj[0].i not in ptok:
                window.append(subj[0])
        for t in window:
            g = _gender_of_pronoun(t)
            if g:
                votes[k][g] += 1 if len(keys) > 1 else 2
    out = {}
    for k, c in votes.items():
        if c["m"] > c["f"]:
            out[k] = "m"
        elif c["f"] > c["m"]:
            out[k] = "f"
    return out


def _clause_verb(t: Token) -> Token:
    h = t
    while h.dep_ not in ("ROOT",) and h.pos_ not in ("VERB", "AUX"):
        if h.head.i == h.i:
            break
        h = h.head
    return h


def _descriptors(sdoc: Doc, ptok: dict[int, str]) -> dict[str, set[str]]:
    """Words a document uses to describe each person (appositions and copular predicates)."""
    out: dict[str, set[str]] = defaultdict(set)
    for t in sdoc:
        if t.dep_ == "appos" and t.head.i in ptok:
            k = ptok[t.head.i]
        elif t.dep_ == "attr" and t.head.lemma_ in ("be", "become"):
            subj = [c for c in t.head.children if c.dep_ in SUBJ_DEPS]
            if not subj or subj[0].i not in ptok:
                continue
            k = ptok[subj[0].i]
        else:
            continue
        for w in t.subtree:
            if w.pos_ in ("NOUN", "ADJ", "PROPN", "VERB") and w.i not in ptok:
                out[k].update(p.lower() for p in w.text.replace("-", " ").split())
    return out


def resolve_references(sdoc: Doc, mentions: list[Mention]) -> dict[int, str]:
    """Token index -> person key for third-person pronouns, relative pronouns and definite descriptions."""
    ptok = person_tokens(sdoc, mentions)
    if not ptok:
        return {}
    main = main_person(sdoc, mentions)
    genders = _learn_genders(sdoc, ptok)
    main_gender = genders.get(main)
    if main and main_gender is None:
        c = Counter(_gender_of_pronoun(t) for t in sdoc if _gender_of_pronoun(t))
        if c:
            main_gender = c.most_common(1)[0][0]
            genders[main] = main_gender
    desc = _descriptors(sdoc, ptok)
    out: dict[int, str] = {}
    last_seen: dict[str, int] = {}
    prev_subjects: list[str] = []
    prev_group: list[str] = []

    def known(i: int) -> str | None:
        return ptok.get(i) or out.get(i)

    for sent in sdoc.sents:
        cur_subjects: list[str] = []
        cur_group: list[str] = []
        for t in sent:
            k = ptok.get(t.i)
            if k is None:
                g = _gender_of_pronoun(t)
                low = t.lower_
                if g:
                    k = _pick(t, g, sent, ptok, out, genders, last_seen, prev_subjects, main)
                elif low in PLURAL_PRONOUNS or (low in ("two", "both", "pair", "couple") and t.dep_ in SUBJ_DEPS):
                    grp = cur_group or _partners(sent, t, ptok, cur_subjects) or prev_group
                    if grp:
                        k = main if main in grp else grp[0]
                elif low in RELATIVE and t.head.dep_ == "relcl":
                    k = _relative_antecedent(t.head.head, ptok, out)
                elif t.pos_ == "NOUN" and t.lemma_.lower() in DESCRIPTION_NOUNS:
                    k = _description(t, ptok, out, desc, genders, last_seen, main)
                if k:
                    out[t.i] = k
            if k:
                last_seen[k] = t.i
                if t.dep_ in SUBJ_DEPS:
                    cur_subjects.append(k)
                    if list(t.conjuncts):
                        grp = [known(c.i) for c in t.conjuncts]
                        cur_group = [k] + [g for g in grp if g]
        if not cur_group and cur_subjects:      # "X meets Y, and the two ...": subject plus named partners
            others = [ptok[t.i] for t in sent if t.i in ptok and ptok[t.i] != cur_subjects[0]
                      and t.dep_ in ("dobj", "pobj", "conj")]
            if others:
                cur_group = [cur_subjects[0]] + others
        prev_subjects = cur_subjects or prev_subjects[-1:]
        prev_group = cur_group
    return out


def _partners(sent, t: Token, ptok: dict[int, str], cur_subjects: list[str]) -> list[str]:
    """Persons met, married or joined earlier in the sentence: the referents of a later 'they'."""
    if not cur_subjects:
        return []
    others = [ptok[w.i] for w in sent if w.i < t.i and w.i in ptok and ptok[w.i] != cur_subjects[0]
              and w.dep_ in ("dobj", "pobj", "conj")]
    return [cur_subjects[0]] + others if others else []


def _pick(t: Token, g: str, sent, ptok, out, genders, last_seen, prev_subjects, main) -> str | None:
    """Choose the antecedent of a gendered pronoun by agreement, salience and recency."""
    scores: dict[str, float] = {}
    verb = _clause_verb(t)
    np_top = _np_top(t) if t.dep_ == "poss" else None
    for k, pos in last_seen.items():
        kg = genders.get(k)
        if kg and kg != g:
            continue
        s = -0.01 * min(t.i - pos, 300)
        if pos >= sent.start:
            s += 2.0
            tok = t.doc[pos]
            if tok.dep_ in SUBJ_DEPS or (tok.head.dep_ in SUBJ_DEPS and tok.dep_ in ("compound", "flat", "appos")):
                s += 2.0
                # a non-reflexive object pronoun does not refer to its own clause's subject
                if t.dep_ in ("dobj", "pobj") and _clause_verb(tok).i == verb.i and not t.lower_.endswith("self"):
                    s -= 5.0
            if np_top is not None and pos < t.i and np_top.left_edge.i <= pos <= np_top.right_edge.i \
                    and pos not in (c.i for c in np_top.subtree if c.dep_ in SUBJ_DEPS and c.head.i == verb.i):
                # "the son of Hugh Smith from his second marriage": a possessive inside a noun phrase that names
                # a person before it is that person's
                s += 6.0
            elif t.dep_ == "poss" and _clause_verb(tok).i == verb.i and (
                    tok.dep_ in SUBJ_DEPS or (tok.head.dep_ in SUBJ_DEPS and tok.dep_ in ("compound", "flat", "appos"))):
                s += 3.0          # "Hugh Smith had four children from his first marriage": the clause's subject
        if k in prev_subjects:
            s += 3.0
        if k == main:
            s += 1.5
        if kg is None and genders.get(main) == g and k != main and pos < sent.start:
            s -= 2.5        # an agreeing main person beats someone whose gender the text never showed
        scores[k] = s
    if not scores:
        if main and genders.get(main) in (None, g):
            return main
        return None
    return max(scores, key=scores.get)


def _np_top(t: Token) -> Token | None:
    """The largest noun phrase around a possessive, up to (not including) its clause's verb; None when the
    possessive's noun hangs on the verb directly ("in his youth")."""
    h = t.head
    top = None
    while h.pos_ not in ("VERB", "AUX") and h.dep_ != "ROOT" and h.head.i != h.i:
        if h.pos_ in ("NOUN", "PROPN", "NUM", "ADJ", "PRON") and h.i != t.head.i:
            top = h
        h = h.head
    if h.pos_ not in ("VERB", "AUX") and h.pos_ in ("NOUN", "PROPN", "NUM", "ADJ") and h.i != t.head.i:
        top = h
    return top


def _relative_antecedent(head: Token, ptok, out) -> str | None:
    """'who' -> the noun the relative clause hangs on, or the subject that noun describes."""
    if head.i in ptok or head.i in out:
        return ptok.get(head.i) or out.get(head.i)
    if head.dep_ in ("attr", "appos"):
        anchor = head.head
        if head.dep_ == "appos":
            return ptok.get(anchor.i) or out.get(anchor.i)
        subj = [c for c in anchor.children if c.dep_ in SUBJ_DEPS]
        if subj:
            return ptok.get(subj[0].i) or out.get(subj[0].i)
    return None


def _description(t: Token, ptok, out, desc, genders, last_seen, main) -> str | None:
    """'the author', 'the Belgian-born revolutionary' -> a person, by apposition or descriptor overlap."""
    dets = [c for c in t.children if c.dep_ == "det"]
    if not dets or dets[0].lower_ not in ("the", "this", "that"):
        return None
    if t.i in ptok:
        return None
    # "the author of X" names someone else's work only when X is a person
    for c in t.children:
        if c.dep_ == "appos" and (c.i in ptok):
            return ptok[c.i]
        if c.dep_ == "prep" and c.lower_ == "of":
            return None if any(w.i in ptok for w in c.subtree) else (main)
    if t.dep_ == "appos" and t.head.i in ptok:
        return ptok[t.head.i]
    noun_g = "m" if t.lemma_.lower() in MALE_NOUNS else "f" if t.lemma_.lower() in FEMALE_NOUNS else None
    words = {w.lower() for c in t.children if c.dep_ in ("amod", "compound", "nmod")
             for w in c.text.replace("-", " ").split()}
    words.add(t.lemma_.lower())
    best, best_s = None, 0.0
    for k in set(last_seen) | ({main} if main else set()):
        if noun_g and genders.get(k) and genders[k] != noun_g:
            continue
        s = len(words & desc.get(k, set())) * 2.0 + (1.0 if k == main else 0.0)
        if s > best_s:
            best, best_s = k, s
    return best
