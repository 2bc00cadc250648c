"""One exception tree; the CLI turns each into a one-sentence message and an exit code.

    KronikaError
     ├── IngestError        a document could not be read (recorded in `failures`, build goes on)
     ├── AnnotateError      the NLP pipeline could not be built or run
     ├── StoreError         the database is missing, locked or not a kronika database
     ├── NotFoundError      an unknown subject, entity or document
     └── UsageError         a bad option value the user can fix
"""
from __future__ import annotations


class KronikaError(Exception):
    """Base of every error kronika raises on purpose; ``str()`` is one sentence for the user."""

    exit_code = 1

    def __init__(self, message: str, *, doc: str | None = None, stage: str | None = None):
        super().__init__(message)
        self.doc = doc
        self.stage = stage


class IngestError(KronikaError):
    pass


class AnnotateError(KronikaError):
    pass


class StoreError(KronikaError):
    pass


class NotFoundError(KronikaError):
    pass


class UsageError(KronikaError):
    exit_code = 2
