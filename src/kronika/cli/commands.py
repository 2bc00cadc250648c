"""Parsed arguments in, printed text or JSON out: one function per command, each calling the library."""
from __future__ import annotations

import os
import signal
import sys
import threading

from ..ask import answer
from ..ask.answer import check_question
from ..build import build, remove
from ..errors import NotFoundError, UsageError
from ..export import export
from ..reconcile.conflicts import find_conflicts
from ..reconcile.corrections import iso_bounds
from ..serve.app import run
from ..settings import load_settings
from ..store import reads
from ..store.db import Store
from . import render
from .render import emit as _emit


def _open(args) -> Store:
    return Store(args.db, readonly=True)


class _Terminated(KeyboardInterrupt):
    """SIGTERM, turned into an interrupt so that a build stops as cleanly as on Ctrl-C."""


def _on_sigterm(signum, frame):
    raise _Terminated()


def cmd_build(args) -> int:
    if args.processes is not None and args.processes < 0:
        raise UsageError(f"--processes {args.processes} is not a number of processes; give 0 (one per core) or more")
    settings = load_settings(n_process=args.processes)
    interactive = sys.stderr.isatty() and not args.no_progress

    def on_failure(f):
        if interactive:
            print(f"  skipped {f.doc}: {f.reason}", file=sys.stderr)

    main_thread = threading.current_thread() is threading.main_thread()
    previous = signal.signal(signal.SIGTERM, _on_sigterm) if main_thread else None
    try:
        rep = build(args.paths, args.db, settings, progress=interactive, engine=args.engine,
                    scheduler=args.scheduler, on_failure=on_failure)
    except _Terminated:
        print("kronika: stopped by SIGTERM; run the same command again to resume.", file=sys.stderr)
        return 128 + signal.SIGTERM
    finally:
        if main_thread:
            signal.signal(signal.SIGTERM, previous if previous is not None else signal.SIG_DFL)
    if args.format == "json":
        _emit({"db": os.path.abspath(rep.db), "added": rep.added, "replaced": rep.replaced,
               "unchanged": rep.unchanged, "failed": rep.failed,
               "failures": [{"doc": f.doc, "stage": f.stage, "reason": f.reason} for f in rep.failures],
               "partial": [{"doc": doc, "chars": n, "read": settings.max_chars} for doc, n in rep.partial]})
    else:
        print(f"built {rep.db}: {rep.added} added, {rep.replaced} replaced, {rep.unchanged} unchanged, "
              f"{rep.failed} failed")
        for f in rep.failures:
            print(f"  failed  {f.doc}: {f.reason}")
        for doc, n in rep.partial:
            print(f"  partly read  {doc}: only the first {settings.max_chars:,} of its {n:,} characters were read "
                  "(KRONIKA_MAX_CHARS raises the limit)")
    if rep.stored == 0 and rep.failed and not rep.added:
        print("kronika: nothing readable to build; check the paths and file types (.txt .md .html .jsonl .warc).",
              file=sys.stderr)
        return 1
    return 0


def cmd_remove(args) -> int:
    known = set()
    with _open(args) as st:
        known = {d["doc"] for d in reads.docs(st.conn)}
    missing = [d for d in args.docs if d not in known]
    if missing:
        raise NotFoundError(f"No document called {missing[0]!r}; list them with `kronika docs`.")
    n = remove(args.docs, args.db, load_settings())
    print(f"removed {n} document(s) from {args.db}")
    return 0


def cmd_docs(args) -> int:
    with _open(args) as st:
        data = reads.failures(st.conn) if args.failures else reads.docs(st.conn)
    if args.format == "json":
        _emit(data)
    else:
        print(render.failures(data) if args.failures else render.docs(data))
    return 0


def cmd_entities(args) -> int:
    with _open(args) as st:
        data = reads.entities(st.conn, args.type)
    _emit(data) if args.format == "json" else print(render.entities(data))
    return 0


def cmd_timeline(args) -> int:
    with _open(args) as st:
        data = reads.timeline(st.conn, args.subject)
    _emit(data) if args.format == "json" else print(render.timeline(data))
    return 0


def cmd_show(args) -> int:
    with _open(args) as st:
        data = reads.show(st.conn, args.name)
    _emit(data) if args.format == "json" else print(render.show(data))
    return 0


def cmd_conflicts(args) -> int:
    with _open(args) as st:
        data = find_conflicts(*reads.conflict_evidence(st.conn, args.subject))
    _emit(data) if args.format == "json" else print(render.conflicts(data))
    return 0


def cmd_claims(args) -> int:
    with _open(args) as st:
        about = reads.find_entity(st.conn, args.subject, None)["id"] if args.subject else None
        data = reads.claims_of(st.conn, about)
    _emit(data) if args.format == "json" else print(render.claims(data))
    return 0


def cmd_ask(args) -> int:
    settings = load_settings(ask_top_k=args.top)
    check_question(args.question, settings)          # a usage error before the database is opened
    with _open(args) as st:
        data = answer(st.conn, args.question, settings, top=settings.ask_top_k)
    _emit(data) if args.format == "json" else print(render.answers(data))
    return 0


def cmd_correct(args) -> int:
    with Store(args.db) as st:
        if args.action == "list":
            rows = [dict(r) for r in st.corrections()]
            _emit(rows) if args.format == "json" else print(render.corrections(rows))
            return 0
        from ..reconciling import check, reconcile  # deferred: loads spaCy (via the gazetteer); --help stays fast
        # every correction names something that exists (entity, event, fact, alias) and a valid date range
        target, value = check(st.conn, args.action, args.target, args.value)
        cid = st.add_correction(args.action, target, value, args.reason)
        reconcile(st, load_settings(), full=True)
    print(f"correction {cid} recorded and applied ({args.action} {target}{' ' + value if value else ''});"
          " it is kept across rebuilds")
    return 0


def cmd_annotate(args) -> int:
    from ..analyse import annotate_file  # deferred: it loads spaCy, which would slow `kronika --help` by ~2 s

    if args.dct is not None and iso_bounds(args.dct) is None:
        raise UsageError(f"--dct {args.dct!r} is not an ISO date of the calendar; write it like 2013-03-22.")
    data = annotate_file(args.file, load_settings(), dct=args.dct)
    _emit(data) if args.format == "json" else print(render.annotation(data))
    return 0


def cmd_export(args) -> int:
    with _open(args) as st:
        path = export(st.conn, args.to, args.dest, subject=args.subject)
    print(f"wrote {path}")
    return 0


def cmd_serve(args) -> int:
    settings = load_settings(host=args.host, port=args.port)
    run(args.db, host=settings.host, port=settings.port)
    return 0
