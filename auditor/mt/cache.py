"""An embedded SQLite cache of translations, shared by threads and processes.

Keys are a hash of (engine tag, language pair, text); the engine tag carries the model version,
so a new model never serves old translations. The database runs in WAL mode with a busy timeout,
each thread has its own connection, and every batch is written in one transaction: a failure
mid-batch leaves either the whole batch or none of it.

A cache is an optimisation, never a reason to fail a run. Given ``on_error`` (the CLI passes one
that prints a note), a cache file that is not a database is moved aside and rebuilt, and a cache
that cannot be read or written (a read-only home, a full disk) is bypassed from then on with one
note naming its path and how to move it. Without ``on_error`` (library use) such failures raise
:class:`CacheError`.
"""

from __future__ import annotations

import hashlib
import sqlite3
import threading
import time
from pathlib import Path
from typing import Callable, Iterable, Sequence

from auditor.io.paths import cache_dir
from auditor.io.sqlite import connect

_SCHEMA = """
CREATE TABLE IF NOT EXISTS translation (
    key BLOB PRIMARY KEY,
    engine TEXT NOT NULL,
    pair TEXT NOT NULL,
    source TEXT NOT NULL,
    target TEXT NOT NULL
) WITHOUT ROWID
"""
_CHUNK = 500  # SQLite's host-parameter limit is 999 on old builds


def default_path() -> Path:
    return cache_dir() / "translations.sqlite3"


MOVE_HINT = "set AUDITOR_CACHE_DIR or XDG_CACHE_HOME, or pass --cache PATH, to move it"


class CacheError(RuntimeError):
    pass


def _is_corrupt(exc: BaseException) -> bool:
    text = str(exc)
    return isinstance(exc, sqlite3.DatabaseError) and ("not a database" in text or "malformed" in text)


class TranslationCache:
    """``get_many``/``put_many`` over (engine tag, source language, target language, text)."""

    def __init__(self, path: str | Path | None = None,
                 on_error: Callable[[str], None] | None = None) -> None:
        self.path = Path(path) if path else default_path()
        self._local = threading.local()
        self.hits = 0
        self.misses = 0
        self._stats_lock = threading.Lock()
        self._on_error = on_error
        self.bypassed = False
        try:
            self._open()
        except (OSError, sqlite3.Error) as exc:
            if on_error is not None and _is_corrupt(exc) and self._set_aside():
                return
            raise CacheError(f"{self.path}: cannot open the translation cache ({exc})") from exc

    def _open(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._connection()

    def _set_aside(self) -> bool:
        """Move a corrupt cache file aside and start a new one; False when that fails too."""
        aside = self.path.with_name(f"{self.path.name}.corrupt-{int(time.time())}")
        try:
            self._close()
            self.path.replace(aside)
            for suffix in ("-wal", "-shm"):
                Path(f"{self.path}{suffix}").unlink(missing_ok=True)
            self._open()
        except (OSError, sqlite3.Error):
            return False
        self._on_error(f"{self.path}: the translation cache was not a readable database; "
                       f"moved it to {aside.name} and started a new one")
        return True

    def _close(self) -> None:
        conn = getattr(self._local, "conn", None)
        if conn is not None:
            conn.close()
            self._local.conn = None

    def _bypass(self, exc: BaseException, doing: str) -> None:
        """Stop using the cache for the rest of the run, with one note; or raise without a
        handler."""
        message = f"{self.path}: translation cache {doing} failed ({exc})"
        if self._on_error is None:
            raise CacheError(message) from exc
        with self._stats_lock:
            first, self.bypassed = not self.bypassed, True
        if first:
            self._on_error(f"{message}; going on without the cache ({MOVE_HINT})")

    def _connection(self) -> sqlite3.Connection:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = self._local.conn = connect(self.path, _SCHEMA, threads=True)
        return conn

    @staticmethod
    def key(engine: str, source: str, target: str, text: str) -> bytes:
        h = hashlib.blake2b(digest_size=16)
        for part in (engine, source, target, text):
            h.update(part.encode("utf-8", "surrogatepass"))
            h.update(b"\x00")
        return h.digest()

    def get_many(self, engine: str, source: str, target: str, texts: Sequence[str]) -> list[str | None]:
        """Cached translations of ``texts`` (None where missing), in order."""
        if self.bypassed:
            return [None] * len(texts)
        keys = [self.key(engine, source, target, t) for t in texts]
        found: dict[bytes, str] = {}
        try:
            conn = self._connection()
            for i in range(0, len(keys), _CHUNK):
                chunk = keys[i:i + _CHUNK]
                marks = ",".join("?" * len(chunk))
                found.update(conn.execute(f"SELECT key, target FROM translation WHERE key IN ({marks})",
                                          chunk).fetchall())
        except (OSError, sqlite3.Error) as exc:
            self._bypass(exc, "read")
            return [None] * len(texts)
        out = [found.get(k) for k in keys]
        hit = sum(1 for o in out if o is not None)
        with self._stats_lock:
            self.hits += hit
            self.misses += len(out) - hit
        return out

    def put_many(self, engine: str, source: str, target: str, pairs: Iterable[tuple[str, str]]) -> None:
        """Store (text, translation) pairs in one transaction."""
        pair = f"{source}-{target}"
        rows = [(self.key(engine, source, target, s), engine, pair, s, t) for s, t in pairs]
        if not rows or self.bypassed:
            return
        conn = None
        try:
            conn = self._connection()
            conn.execute("BEGIN IMMEDIATE")
            conn.executemany("INSERT OR REPLACE INTO translation VALUES (?, ?, ?, ?, ?)", rows)
            conn.execute("COMMIT")
        except (OSError, sqlite3.Error) as exc:
            try:
                if conn is not None and conn.in_transaction:
                    conn.execute("ROLLBACK")
            except sqlite3.Error:
                pass  # the failure below says what went wrong
            self._bypass(exc, "write")

    def __len__(self) -> int:
        return self._connection().execute("SELECT COUNT(*) FROM translation").fetchone()[0]

    @property
    def hit_rate(self) -> float:
        total = self.hits + self.misses
        return self.hits / total if total else 0.0
