"""Command-line arguments in, library calls and printed results out (thin over the library).

Exit codes: 0 done (a build in which some files failed still exits 0 and lists
them), 1 an error the user can fix (one sentence on stderr), 2 a usage error.
"""
from __future__ import annotations

import argparse
import logging
import sqlite3
import sys

from .. import __version__
from ..errors import KronikaError
from ..settings import DEFAULTS, load_settings
from ..store.db import explain
from . import commands

DESCRIPTION = """\
kronika turns documents about people's lives into a sourced chronicle: a dated
timeline of each life, the people, places, organisations and works around it,
facts, relations and claims, every one tied to the passage it came from.

Start with:
  kronika build examples/serge            # build kronika.db from a folder
  kronika timeline                        # the most-discussed person's life
  kronika show "Victor Serge"             # a dossier
  kronika ask "Where did Serge die?"      # an answer with its quotation
"""


class Parser(argparse.ArgumentParser):
    def error(self, message):  # one sentence, exit 2
        self.exit(2, f"kronika: {message}; see `{self.prog} --help`.\n")


def _common(p, *, db=True, fmt=True):
    if db:
        p.add_argument("--db", help=f"the database file (default: {DEFAULTS.db}, or $KRONIKA_DB)")
    if fmt:
        p.add_argument("--format", choices=("text", "json"), default="text",
                       help="text for people (default), json for programs")


def make_parser() -> argparse.ArgumentParser:
    ap = Parser(prog="kronika", description=DESCRIPTION, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--version", action="version", version=f"kronika {__version__}")
    sub = ap.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)

    p = sub.add_parser("build", help="ingest files and folders into the database (idempotent, resumable)",
                       description="Read .txt, .md, .html, .jsonl (and .warc) files, extract entities, time "
                       "expressions, events, facts and claims, and reconcile them across documents. Building the same "
                       "files again changes nothing; a changed file replaces its old version; a build that was "
                       "interrupted resumes. Files that cannot be read are listed and the build goes on. Files are read up to "
                       "$KRONIKA_MAX_BYTES (20 MB) and annotated up to $KRONIKA_MAX_CHARS characters (1,000,000); a "
                       "longer document is stored whole and listed as partly read.")
    p.add_argument("paths", nargs="+", metavar="PATH", help="files or folders (searched recursively)")
    _common(p)
    p.add_argument("--engine", choices=("local", "dask"), default="local",
                   help="local processes (default) or a Dask cluster for the per-document stages")
    p.add_argument("--scheduler", metavar="ADDRESS", help="a Dask scheduler, e.g. tcp://host:8786 (default: a local cluster)")
    p.add_argument("--processes", type=int, metavar="N",
                   help=f"worker processes for spaCy and the extractors (default {DEFAULTS.n_process}, or "
                   "$KRONIKA_N_PROCESS; 0: one per core; 1: none)")
    p.add_argument("--no-progress", action="store_true", help="no progress bar")

    p = sub.add_parser("remove", help="take documents out again, with everything only they supported")
    p.add_argument("docs", nargs="+", metavar="DOC", help="document names as `kronika docs` lists them")
    _common(p)

    p = sub.add_parser("docs", help="the documents: title, author, date, genre, reviewed work, what was stripped")
    _common(p)
    p.add_argument("--failures", action="store_true", help="list the files that could not be built instead")

    p = sub.add_parser("entities", help="people, places, organisations, works and events, with aliases")
    _common(p)
    p.add_argument("--type", type=str.upper, choices=("PERSON", "PLACE", "ORG", "WORK", "EVENT"), help="only this type")

    p = sub.add_parser("timeline", help="the chronicle of one person (default: the most-discussed)")
    p.add_argument("subject", nargs="?", metavar="SUBJECT", help="a person's name, alias or id")
    _common(p)

    p = sub.add_parser("show", help="a dossier: facts, events, relations, claims, quotations, sources")
    p.add_argument("name", metavar="NAME", help="a name, alias or id")
    _common(p)

    p = sub.add_parser("conflicts", help="where the sources disagree about a person, side by side")
    p.add_argument("subject", nargs="?", metavar="SUBJECT")
    _common(p)

    p = sub.add_parser("claims", help="who says what about whom: opinions, judgements, quotations")
    p.add_argument("subject", nargs="?", metavar="SUBJECT", help="about whom (default: every claim)")
    _common(p)

    p = sub.add_parser("ask", help="a question in plain English, answered with citations",
                       description="Answer one question from the database, each answer with the passages it\n"
                       "comes from; no answer when the documents do not say.\n"
                       "  kronika ask \"Where did Serge die?\"\n"
                       "  kronika ask \"Who was Victor Serge's son?\" --format json\n"
                       "A question has at most 500 characters (KRONIKA_ASK_MAX_CHARS changes the limit);\n"
                       "an empty or longer one is a usage error (exit 2).",
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("question", metavar="QUESTION", help="the question, in quotes")
    _common(p)
    p.add_argument("--top", type=int, help=f"answers to show (default {DEFAULTS.ask_top_k}, or $KRONIKA_ASK_TOP_K)")

    p = sub.add_parser("correct", help="your corrections, kept across rebuilds",
                       description="Corrections are stored apart from extracted data and survive every rebuild.\n"
                       "  kronika correct merge p-victor-serge p-serge --reason 'same man'   (p-serge joins)\n"
                       "  kronika correct split p-victor-serge 'Victor Kibalchich'   (an alias `entities` shows)\n"
                       "  kronika correct reject-event ev-1a2b3c4d5e --reason 'plot of the novel'\n"
                       "  kronika correct reject-fact f-0a1b2c3d4e       (fact ids: `kronika show NAME`)\n"
                       "  kronika correct pin-date ev-1a2b3c4d5e 1919-01..1919-03   (or one date: 1919-01-15)\n"
                       "  kronika correct rename p-victor-serge 'Victor Serge (Kibalchich)'\n"
                       "  kronika correct list\n"
                       "Entities are given by id (`kronika show NAME` shows it) or by a name or alias only one\n"
                       "entity has; event ids are in `kronika timeline --format json`. A correction that names\n"
                       "nothing known, or a malformed or reversed date range, is refused (exit 1).",
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("action", choices=("merge", "split", "reject-event", "reject-fact", "pin-date", "rename", "list"))
    p.add_argument("target", nargs="?", help="the entity, event or fact id")
    p.add_argument("value", nargs="?", help="the other entity, the alias, the date (START..END) or the new name")
    p.add_argument("--reason", help="why (shown with the correction)")
    _common(p)

    p = sub.add_parser("annotate", help="one document's entities, time expressions and events (no database)")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--dct", metavar="DATE", help="the document's creation date, e.g. 2013-03-22")
    _common(p, db=False)

    p = sub.add_parser("export", help="write the knowledge base as json, jsonld, csv, graphml, timelinejs, csl or html")
    p.add_argument("--to", dest="to", required=True,
                   choices=("json", "jsonld", "csv", "graphml", "timelinejs", "csl", "html"), help="the format")
    p.add_argument("dest", metavar="DEST", help="the file (a folder for csv)")
    _common(p, fmt=False)
    p.add_argument("--subject", help="for timelinejs and html: whose timeline (default: the most-discussed person)")

    p = sub.add_parser("serve", help="the web app on 127.0.0.1: timeline, map, network, sources, ask")
    _common(p, fmt=False)
    p.add_argument("--host", help=f"address to bind (default {DEFAULTS.host}, or $KRONIKA_HOST; "
                   "127.0.0.1 is this machine only)")
    p.add_argument("--port", type=int, help=f"port (default {DEFAULTS.port}, or $KRONIKA_PORT)")
    return ap


def main(argv: list[str] | None = None) -> int:
    ap = make_parser()
    args = ap.parse_args(argv)
    if not args.command:
        ap.print_help()
        return 2
    _show_notes()
    try:
        if getattr(args, "db", False) is None:  # the default comes from Settings (KRONIKA_DB, else kronika.db)
            args.db = load_settings().db
        return int(getattr(commands, "cmd_" + args.command.replace("-", "_"))(args) or 0)
    except KronikaError as exc:
        print(f"kronika: {exc}", file=sys.stderr)
        return exc.exit_code
    except sqlite3.Error as exc:  # last resort: a database failure the store did not turn into a sentence
        print(f"kronika: {explain(exc, getattr(args, 'db', None) or 'the database')}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("kronika: interrupted; run the same command again to resume.", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


class _Note(logging.Handler):
    """The library's warnings (``logging.getLogger("kronika")``) as `kronika: note: ...` lines on stderr."""

    def emit(self, record):
        print(f"kronika: note: {record.getMessage()}", file=sys.stderr)


def _show_notes() -> None:
    log = logging.getLogger("kronika")
    if not any(isinstance(h, _Note) for h in log.handlers):
        log.addHandler(_Note(logging.WARNING))
        log.propagate = False


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
