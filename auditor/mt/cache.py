"""An embedded SQLite cache of translations, shared by threads and processes.

Keys are a hash of (engine tag, language pair, text); the engine tag carries the model version,
so a new model never serves old translations. The database runs in WAL mode with a busy timeout,
each thread has its own connection, and every batch is written in one transaction: a failure
mid-batch leaves either the whole batch or none of it.
"""

from __future__ import annotations

import hashlib
import sqlite3
import threading
import time
from pathlib import Path
from typing import Iterable, Sequence

from auditor.paths import cache_dir

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


class CacheError(RuntimeError):
    pass


class TranslationCache:
    """``get_many``/``put_many`` over (engine tag, source language, target language, text)."""

    def __init__(self, path: str | Path | None = None) -> None:
        self.path = Path(path) if path else default_path()
        self._local = threading.local()
        self.hits = 0
        self.misses = 0
        self._stats_lock = threading.Lock()
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._connection()
        except (OSError, sqlite3.Error) as exc:
            raise CacheError(f"{self.path}: cannot open the translation cache ({exc})") from exc

    def _connection(self) -> sqlite3.Connection:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = sqlite3.connect(self.path, timeout=60, isolation_level=None, check_same_thread=False)
            conn.execute("PRAGMA busy_timeout = 60000")
            # Switching to WAL and creating the table take locks that SQLite's busy handler does not
            # always wait for when another process is doing the same; retry them briefly.
            for attempt in range(100):
                try:
                    if conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                        conn.execute("PRAGMA journal_mode = WAL")
                    conn.execute(_SCHEMA)
                    break
                except sqlite3.OperationalError as exc:
                    if "locked" not in str(exc) or attempt == 99:
                        raise
                    time.sleep(0.01 * (1 + attempt % 10))
            conn.execute("PRAGMA synchronous = NORMAL")
            self._local.conn = conn
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
        keys = [self.key(engine, source, target, t) for t in texts]
        found: dict[bytes, str] = {}
        conn = self._connection()
        try:
            for i in range(0, len(keys), _CHUNK):
                chunk = keys[i:i + _CHUNK]
                marks = ",".join("?" * len(chunk))
                found.update(conn.execute(f"SELECT key, target FROM translation WHERE key IN ({marks})",
                                          chunk).fetchall())
        except sqlite3.Error as exc:
            raise CacheError(f"{self.path}: translation cache read failed ({exc})") from exc
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
        if not rows:
            return
        conn = self._connection()
        try:
            conn.execute("BEGIN IMMEDIATE")
            conn.executemany("INSERT OR REPLACE INTO translation VALUES (?, ?, ?, ?, ?)", rows)
            conn.execute("COMMIT")
        except sqlite3.Error as exc:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise CacheError(f"{self.path}: translation cache write failed ({exc})") from exc

    def __len__(self) -> int:
        return self._connection().execute("SELECT COUNT(*) FROM translation").fetchone()[0]

    @property
    def hit_rate(self) -> float:
        total = self.hits + self.misses
        return self.hits / total if total else 0.0
