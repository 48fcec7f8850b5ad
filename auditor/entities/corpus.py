"""Corpus memory: how often each name spelling occurs across a corpus, in an SQLite database.

``auditor entities learn CORPUS... --db PATH`` fills it; ``auditor check --db PATH`` reads it, so a
single new article is checked against the spellings the corpus has settled on.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from pathlib import Path
from typing import Iterable, Mapping

from auditor.entities.match import TOKEN_MATCH, is_truncation, token_similarity
from auditor.names import skeleton

_SCHEMA = """
CREATE TABLE IF NOT EXISTS spelling (
    surface TEXT PRIMARY KEY,
    skeleton TEXT NOT NULL,
    uses INTEGER NOT NULL,
    docs INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS spelling_skeleton ON spelling (skeleton);
CREATE TABLE IF NOT EXISTS document (path TEXT PRIMARY KEY, words INTEGER NOT NULL) WITHOUT ROWID;
"""


class CorpusError(RuntimeError):
    pass


class CorpusMemory:
    """Spelling counts over a corpus; learning the same document twice counts it once."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._conn = sqlite3.connect(self.path, timeout=60, isolation_level=None)
            self._conn.execute("PRAGMA journal_mode = WAL")
            self._conn.executescript(_SCHEMA)
        except (OSError, sqlite3.Error) as exc:
            raise CorpusError(f"{self.path}: cannot open the corpus database ({exc})") from exc

    def learn(self, path: str, words: int, spellings: Mapping[str, int]) -> bool:
        """Add one document's name counts; False when the document was learnt before."""
        conn = self._conn
        try:
            conn.execute("BEGIN IMMEDIATE")
            if conn.execute("SELECT 1 FROM document WHERE path = ?", (path,)).fetchone():
                conn.execute("ROLLBACK")
                return False
            conn.execute("INSERT INTO document VALUES (?, ?)", (path, words))
            conn.executemany(
                "INSERT INTO spelling VALUES (?, ?, ?, 1) ON CONFLICT(surface) "
                "DO UPDATE SET uses = uses + excluded.uses, docs = docs + 1",
                [(name, skeleton(name), n) for name, n in spellings.items()])
            conn.execute("COMMIT")
            return True
        except sqlite3.Error as exc:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise CorpusError(f"{self.path}: corpus database write failed ({exc})") from exc

    def counts(self, spellings: Iterable[str]) -> Counter[str]:
        names = list(spellings)
        if not names:
            return Counter()
        marks = ",".join("?" * len(names))
        rows = self._conn.execute(f"SELECT surface, uses FROM spelling WHERE surface IN ({marks})", names)
        return Counter(dict(rows.fetchall()))

    def variants_of(self, name: str) -> Counter[str]:
        """Spellings the corpus has that are variants of ``name`` (same skeleton, close enough)."""
        rows = self._conn.execute("SELECT surface, uses FROM spelling WHERE skeleton = ?", (skeleton(name),))
        return Counter({s: n for s, n in rows.fetchall()
                        if s == name or (token_similarity(name.lower(), s.lower()) >= TOKEN_MATCH
                                         and not is_truncation(name, s) and not is_truncation(s, name))})

    def documents(self) -> int:
        return self._conn.execute("SELECT COUNT(*) FROM document").fetchone()[0]
