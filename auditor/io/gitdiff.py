"""The lines that changed since a git revision, for ``auditor check --changed-since``.

``git diff -U0 REF`` (the working tree against REF, staged or not) gives each changed file's hunk
headers; the added or changed lines of the new version are what counts. A file git does not track
yet (and does not ignore) is new: all of it counts.
"""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

_HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@", re.M)
ALL_LINES = None  # a file that is new: every line of it changed


class GitError(ValueError):
    """No git, not inside a repository, or a revision git does not know; one line for the user."""


def _git(args: list[str], cwd: Path) -> str:
    try:
        done = subprocess.run(["git", "-c", "core.quotepath=off", *args], cwd=cwd, capture_output=True, text=True, encoding="utf-8",
                              errors="replace", check=False)
    except FileNotFoundError:
        raise GitError("--changed-since needs git, which is not installed") from None
    if done.returncode != 0:
        message = (done.stderr.strip().splitlines() or ["git failed"])[-1]
        raise GitError(message.removeprefix("fatal: "))
    return done.stdout


def changed_lines(ref: str, cwd: Path | None = None) -> dict[str, set[int] | None]:
    """Absolute path -> the 1-based lines changed since ``ref`` (None: the whole file is new)."""
    cwd = cwd or Path.cwd()
    try:
        top = Path(_git(["rev-parse", "--show-toplevel"], cwd).strip())
    except GitError:
        raise GitError(f"--changed-since: {os.fspath(cwd)} is not inside a git repository") from None
    if ref.startswith("-"):
        raise GitError(f"--changed-since: {ref!r} is not a revision")
    try:
        _git(["rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}"], top)
    except GitError:
        raise GitError(f"--changed-since: unknown revision {ref!r}") from None
    changed: dict[str, set[int] | None] = {}
    diff = _git(["diff", "-U0", "--no-color", "--no-ext-diff", ref, "--"], top)
    for name, body in _files(diff):
        lines = changed.setdefault(str((top / name).resolve()), set())
        for m in _HUNK.finditer(body):
            first, count = int(m.group(1)), int(m.group(2) or 1)
            lines.update(range(first, first + count))
    for name in _git(["ls-files", "--others", "--exclude-standard", "-z"], top).split("\0"):
        if name:
            changed[str((top / name).resolve())] = ALL_LINES
    return changed


def _files(diff: str):
    """(new path, its part of the diff) for each file in a ``git diff`` output."""
    parts = re.split(r"^diff --git ", diff, flags=re.M)
    for part in parts[1:]:
        m = re.search(r"^\+\+\+ (.*)$", part, re.M)
        name = _unquote(m.group(1)) if m else "/dev/null"
        if name != "/dev/null":
            yield name.removeprefix("b/"), part


def _unquote(name: str) -> str:
    """A path as git prints it, quoted with C escapes when it has unusual characters."""
    if not (name.startswith('"') and name.endswith('"')):
        return name
    raw = name[1:-1].encode("latin-1", "backslashreplace").decode("unicode_escape")
    return raw.encode("latin-1").decode("utf-8", "replace")
