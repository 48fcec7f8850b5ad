"""SQLite connections for auditor's stores (the translation cache, the corpus memory).

One way to open a store, shared by all of them: autocommit mode (each store runs its own
``BEGIN IMMEDIATE`` transactions), a busy timeout so that processes and threads wait for each
other rather than fail, write-ahead logging so that readers never block the writer, and the
schema created on first use. A schema version kept in ``PRAGMA user_version`` tells a store
written by another version of auditor from an empty one.
"""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

BUSY_TIMEOUT_S = 60


def connect(path: str | Path, schema: str = "", threads: bool = False) -> sqlite3.Connection:
    """Open (creating its folder and its tables) the database at ``path``; raises OSError or
    sqlite3.Error. ``threads`` lets the connection be handed to another thread."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_S, isolation_level=None, check_same_thread=not threads)
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_S * 1000}")
    # Switching to WAL and creating tables take locks that SQLite's busy handler does not always
    # wait for when another process is doing the same; retry them briefly.
    for attempt in range(100):
        try:
            if conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                conn.execute("PRAGMA journal_mode = WAL")
            if schema:
                conn.executescript(schema)
            break
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or attempt == 99:
                conn.close()
                raise
            time.sleep(0.01 * (1 + attempt % 10))
    conn.execute("PRAGMA synchronous = NORMAL")
    return conn


def schema_version(conn: sqlite3.Connection) -> int:
    """The schema version a store recorded in ``PRAGMA user_version`` (0 for none)."""
    return conn.execute("PRAGMA user_version").fetchone()[0]
