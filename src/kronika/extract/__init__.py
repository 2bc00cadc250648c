"""spaCy Docs of one document in, its mention records out, by family.

- ``entities``: entity mentions (PERSON, PLACE, ORG, WORK, EVENT) with in-document keys; the spaCy components.
- ``time``: time expressions found and normalised to TIMEX3 values, plus dates anchored on historical events.
- ``coref``: which person each pronoun, relative pronoun and description stands for (used by ``events``).
- ``events``: life events (type, subject, date, places, participants, modality) with their clause as source.
- ``facts``: biographical facts and relations between people.
- ``claims``: attributed claims (stance of a holder towards a target) and quotations.

Each family is a package whose ``document`` module runs its steps over one document; the word lists they read
live in ``kronika/data`` and are loaded through ``kronika.lexicons``.
"""
