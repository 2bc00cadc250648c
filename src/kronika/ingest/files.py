"""Paths -> (document name, file path) pairs, and one file's bytes read safely (size limit, links, races)."""
from __future__ import annotations

import errno
import os
import re
import stat
from typing import Iterator

KINDS = (
    (".jsonl.gz", "jsonl.gz"), (".warc.gz", "warc"), (".warc", "warc"), (".jsonl", "jsonl"),
    (".html", "html"), (".htm", "html"), (".xhtml", "html"), (".md", "md"), (".markdown", "md"),
    (".txt", "txt"), (".text", "txt"),
)
CHUNK = 1 << 20
# Files that document a folder rather than belong to its corpus (skipped in folder walks only).
_PROJECT_FILES = re.compile(r"(?:readme|license|licence|changelog|contributing|copying)(?:\.[\w.]+)?", re.IGNORECASE)


def kind_of(name: str) -> str | None:
    """The reader for a file name ("txt", "md", "html", "jsonl", "jsonl.gz", "warc"), None if unsupported."""
    low = name.lower()
    for suffix, kind in KINDS:
        if low.endswith(suffix):
            return kind
    return None


def iter_files(path: str) -> Iterator[tuple[str, str]]:
    """(doc name, file path) for a file, or for a folder every supported file under it, sorted by name.

    Folder names are relative to ``path`` with "/" separators. Symbolic links to
    folders are followed once; a link back into a folder already being read, a
    dangling link or a link loop is still listed so that reading it reports why.
    Hidden files and folders (".git") and a folder's README, LICENSE or
    CHANGELOG files are skipped (name such a file directly to read it).
    """
    if not os.path.isdir(path):
        yield os.path.basename(path.rstrip("/" + os.sep)) or path, path
        return
    found: list[tuple[str, str]] = []
    try:
        st = os.stat(path)
        visited = {(st.st_dev, st.st_ino)}
    except OSError:
        visited = set()
    stack = [("", path)]
    while stack:
        rel, folder = stack.pop()
        try:
            with os.scandir(folder) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError:
            found.append((rel.rstrip("/") or os.path.basename(folder), folder))
            continue
        for e in entries:
            if e.name.startswith(".") or _PROJECT_FILES.fullmatch(e.name):
                continue
            name = rel + e.name
            try:
                is_dir = e.is_dir(follow_symlinks=True)
            except OSError:
                is_dir = False
            if is_dir:
                try:
                    s = os.stat(e.path)
                    key = (s.st_dev, s.st_ino)
                except OSError:
                    found.append((name, e.path))
                    continue
                if key in visited:
                    found.append((name, e.path))
                    continue
                visited.add(key)
                stack.append((name + "/", e.path))
                continue
            broken = e.is_symlink() and not os.path.exists(e.path)
            if broken or kind_of(e.name) is not None:
                found.append((name, e.path))
    found.sort(key=lambda p: p[0])
    yield from found


def size_failure(limit: int) -> str:
    return f"larger than the size limit of {limit} bytes; raise KRONIKA_MAX_BYTES to include it"


def open_regular(path: str, max_bytes: int | None) -> tuple[int | None, os.stat_result | None, str | None]:
    """(file descriptor, stat, None) for a readable regular file no larger than ``max_bytes`` (None: any size).

    Otherwise (None, None, reason): broken link, link loop, vanished, not a
    regular file (a FIFO would block), permission denied, over the size limit.
    Opened non-blocking and checked again after opening, so a file swapped
    between the check and the open is caught.
    """
    try:
        st = os.stat(path)
    except FileNotFoundError:
        if os.path.islink(path):
            return None, None, "broken symbolic link: its target does not exist"
        return None, None, "the file no longer exists (it was removed before it could be read)"
    except OSError as exc:
        return None, None, _os_reason(exc)
    if stat.S_ISDIR(st.st_mode):
        if not os.access(path, os.R_OK | os.X_OK):
            return None, None, "permission denied: the folder cannot be read"
        if os.path.islink(path):
            return None, None, "symbolic link loop: it leads to a folder that is already being read"
        return None, None, "a folder that could not be listed"
    if not stat.S_ISREG(st.st_mode):
        return None, None, "not a regular file (a device, socket or pipe), so it was not read"
    if max_bytes is not None and st.st_size > max_bytes:
        return None, None, size_failure(max_bytes)
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        return None, None, _os_reason(exc)
    try:
        now = os.fstat(fd)
    except OSError as exc:
        os.close(fd)
        return None, None, _os_reason(exc)
    if not stat.S_ISREG(now.st_mode) or (now.st_dev, now.st_ino) != (st.st_dev, st.st_ino):
        os.close(fd)
        return None, None, "the file changed while it was being read"
    return fd, now, None


def read_bytes(path: str, max_bytes: int) -> tuple[bytes | None, str | None]:
    """(content, None), or (None, one sentence saying why the file cannot be read)."""
    fd, before, reason = open_regular(path, max_bytes)
    if fd is None or before is None:
        return None, reason
    try:
        parts, total = [], 0
        want = min(max_bytes, before.st_size) + 1  # one byte more than expected reveals growth
        while total < want:
            chunk = os.read(fd, min(CHUNK, want - total))
            if not chunk:
                break
            parts.append(chunk)
            total += len(chunk)
        after = os.fstat(fd)
    except OSError as exc:
        return None, _os_reason(exc)
    finally:
        os.close(fd)
    if total > before.st_size:
        return None, "the file changed while it was being read"
    if total > max_bytes:
        return None, size_failure(max_bytes)
    if after.st_size != before.st_size or after.st_mtime_ns != before.st_mtime_ns or total != after.st_size:
        return None, "the file changed while it was being read"
    try:
        if os.stat(path).st_ino != before.st_ino:
            return None, "the file changed while it was being read"
    except OSError:
        return None, "the file was removed while it was being read"
    return b"".join(parts), None


def _os_reason(exc: OSError) -> str:
    if exc.errno == errno.ELOOP:
        return "symbolic link loop: the link points (directly or indirectly) to itself"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "permission denied: the file cannot be read"
    if exc.errno == errno.ENOENT:
        return "the file no longer exists (it was removed before it could be read)"
    if exc.errno == errno.EISDIR:
        return "symbolic link loop: it leads to a folder that is already being read"
    return f"the file cannot be read ({exc.strerror or exc})"
