"""A bounded load test of the web app on loopback: N concurrent clients for S seconds against one route.

    .venv/bin/python bench/load_test.py --db DB [--clients 200] [--seconds 30] [--path /api/timeline]

Starts ``kronika serve`` on a free 127.0.0.1 port (or uses --url), runs the
clients with httpx.AsyncClient, and prints requests/s, latency percentiles
and errors. It measures; it asserts nothing (no timed assertions in tests).
"""
from __future__ import annotations

import argparse
import asyncio
import os
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from serve_helper import start_server  # noqa: E402


async def run(base: str, path: str, clients: int, seconds: float) -> tuple[list[float], Counter, float]:
    import httpx

    lat: list[float] = []
    errors: Counter = Counter()
    deadline = time.perf_counter() + seconds
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=30.0) as client:
        async def worker():
            while time.perf_counter() < deadline:
                t0 = time.perf_counter()
                try:
                    r = await client.get(path)
                    await r.aread()
                    if r.status_code != 200:
                        errors[f"HTTP {r.status_code}"] += 1
                        continue
                except httpx.HTTPError as exc:
                    errors[type(exc).__name__] += 1
                    await asyncio.sleep(0.01)
                    continue
                lat.append(time.perf_counter() - t0)

        t0 = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(clients)))
        elapsed = time.perf_counter() - t0
    return lat, errors, elapsed


def pct(xs: list[float], p: float) -> float:
    if not xs:
        return float("nan")
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(p / 100 * (len(xs) - 1))))]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", help="database to serve (default: build ../shared/seeds into a temporary one)")
    ap.add_argument("--url", help="an already running server instead of starting one")
    ap.add_argument("--path", default="/api/timeline")
    ap.add_argument("--clients", type=int, default=200)
    ap.add_argument("--seconds", type=float, default=30.0)
    args = ap.parse_args()
    if not (1 <= args.clients <= 1000 and 0 < args.seconds <= 300):
        ap.error("keep it bounded: 1-1000 clients, at most 300 seconds")
    proc = None
    base = args.url
    if not base:
        db = args.db
        if not db:
            import tempfile
            db = os.path.join(tempfile.mkdtemp(), "seeds.db")
            root = Path(__file__).resolve().parent.parent
            subprocess.run([str(Path(sys.executable).parent / "kronika"), "build", str(root.parent / "shared" / "seeds"),
                            "--db", db, "--no-progress"], check=True, stdout=subprocess.DEVNULL)
        proc, base = start_server(db)
    try:
        lat, errors, elapsed = asyncio.run(run(base, args.path, args.clients, args.seconds))
    finally:
        if proc:
            proc.terminate()
            proc.wait(timeout=10)
    n = len(lat)
    print(f"{args.path}: {args.clients} clients for {elapsed:.1f} s on {base}")
    print(f"  requests ok   {n}  ({n / elapsed:.1f} req/s)")
    print(f"  latency ms    p50 {pct(lat, 50) * 1000:.1f}  p90 {pct(lat, 90) * 1000:.1f}  "
          f"p99 {pct(lat, 99) * 1000:.1f}  max {max(lat, default=float('nan')) * 1000:.1f}")
    print(f"  errors        {sum(errors.values())}" + (f"  {dict(errors)}" if errors else ""))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
