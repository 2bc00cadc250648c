"""data/events.json in, the trigger lexicon of life events out (verbs, nouns, roles, cues, hedges, summary templates)."""
from __future__ import annotations

from ...lexicons import mapping, words

# Verb lemma -> event type. A verb only triggers when its subject (or, for passives, its
# patient) resolves to a person. Phrasal and object-dependent senses are refined in
# ``clauses.verb_type``.
VERB_TYPES: dict[str, str] = mapping("events", "verb_types")

# Verbs that are events only in the passive with a person patient ("was killed", "was named").
PASSIVE_ONLY = words("events", "passive_only")
# Verbs whose active object is the person the event happens to ("the police arrested her").
OBJECT_PATIENT = words("events", "object_patient")
# Verbs that are events only in the active voice with the person as agent.
ACTIVE_ONLY = words("events", "active_only")

# Verbs too common to be events without a place, a person or a specific object.
NEEDS_ARGUMENT = words("events", "needs_argument")

# Noun lemma -> event type: nominalisations that state an event when a person owns them
# ("his expulsion", "her release") or when they are the goal of an event verb ("sent into exile").
NOUN_TYPES: dict[str, str] = mapping("events", "noun_types")
# Nouns that are events on their own only with a place/prison complement ("suffering in prison").
NOUN_NEEDS_COMPLEMENT = words("events", "noun_needs_complement")

# Nouns naming a prison, for "held in prison", "suffering in prison", "sent to a camp".
PRISON_NOUNS = words("events", "prison_nouns")
EXILE_NOUNS = words("events", "exile_nouns")
# Objects that turn "join"/"take part in" into participation rather than membership.
PARTICIPATION_OBJECTS = words("events", "participation_objects")
GATHERING_OBJECTS = words("events", "gathering_objects")
EDUCATION_OBJECTS = words("events", "education_objects")
WORK_OBJECTS = words("events", "work_objects")
PERIODICAL_OBJECTS = words("events", "periodical_objects")
ORG_OBJECTS = words("events", "org_objects")

# Copular predicate nouns -> event type ("he was a Comintern agent", "she became a lecturer").
ROLE_NOUNS = words("events", "role_nouns")
ROLE_NOUN_TYPES = mapping("events", "role_noun_types")

# Hedges lower confidence; speculative verbs above an event make it an intention, not an event.
HEDGE_WORDS = words("events", "hedge_words")
HEDGE_VERBS = words("events", "hedge_verbs")
HEDGE_MODALS = words("events", "hedge_modals")
NEGATORS = words("events", "negators")
INTENTION_VERBS = words("events", "intention_verbs")

# Ordering cues (single words, or phrases built from the parse in events.dates).
CUE_WORDS = words("events", "cue_words")
CUE_MARKERS = words("events", "cue_markers")

# Irregular past tenses for summaries; everything else gets "-ed" rules.
PAST = mapping("events", "irregular_past")

# Verb-specific summary leads for motion and residence ("Returned to Spain", "Settled in Berlin").
VERB_TEMPLATES = mapping("events", "verb_templates")

# Short summary templates by type (used when a place or partner is known).
TEMPLATES = mapping("events", "templates")

# Objects that make hold/receive/win/obtain a life event.
POSITION_OBJECTS = words("events", "position_objects")
HONOUR_OBJECTS = words("events", "honour_objects")
# Objects that make win/finish/take part a competition, and make/build/direct/record a creation.
COMPETITION_OBJECTS = words("events", "competition_objects")
CREATION_OBJECTS = words("events", "creation_objects")

# Demonyms for "Belgian-born", "Polish born": the country the birth took place in. The one demonym table of
# kronika (data/demonyms.json), shared with the facts' nationality reader.
DEMONYMS = mapping("demonyms", "demonyms")
