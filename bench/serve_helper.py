"""A database in, a running `kronika serve` on a free loopback port out (for bench scripts)."""
from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(db: str, wait_s: float = 15.0) -> tuple[subprocess.Popen, str]:
    """Start the web app on 127.0.0.1 and wait until it answers; returns the process and its base URL."""
    port = free_port()
    exe = str(Path(sys.executable).parent / "kronika")
    proc = subprocess.Popen([exe, "serve", "--db", db, "--port", str(port)], stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    for _ in range(int(wait_s * 10)):
        try:
            urllib.request.urlopen(base + "/api/docs", timeout=1).read()
            return proc, base
        except OSError:
            if proc.poll() is not None:
                raise SystemExit("server exited: " + proc.stderr.read().decode()[-2000:])
            time.sleep(0.1)
    proc.kill()
    raise SystemExit(f"server did not start in {wait_s:.0f} s")
