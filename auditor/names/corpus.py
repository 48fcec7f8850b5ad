"""Corpus memory: how often each name spelling occurs across a corpus, in an SQLite database.

``auditor entities learn CORPUS... --db PATH`` fills it; ``auditor check --db PATH`` reads it, so a
single new article is checked against the spellings the corpus has settled on.

Spellings are stored under their coarse key (``keys.bucket_key``), which finds the candidates;
``similarity.token_similarity`` then decides which are variants. The schema version is stored in
the database (``PRAGMA user_version``): the rows are only as good as the key function that wrote
them, so a database of another version is refused with one line saying what to do.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from pathlib import Path
from typing import Iterable, Mapping

from auditor.io.sqlite import connect, schema_version
from auditor.names.keys import bucket_key
from auditor.names.similarity import TOKEN_MATCH, is_truncation, token_similarity

# 1: spelling(surface, skeleton, uses, docs), no version stored (auditor before the names package);
# 2: spelling(surface, bucket, uses, docs), bucket = keys.bucket_key(surface).
SCHEMA_VERSION = 2
_SCHEMA = [
    """CREATE TABLE IF NOT EXISTS spelling (
        surface TEXT PRIMARY KEY,
        bucket TEXT NOT NULL,
        uses INTEGER NOT NULL,
        docs INTEGER NOT NULL
    ) WITHOUT ROWID""",
    "CREATE INDEX IF NOT EXISTS spelling_bucket ON spelling (bucket)",
    "CREATE TABLE IF NOT EXISTS document (path TEXT PRIMARY KEY, words INTEGER NOT NULL) WITHOUT ROWID",
    f"PRAGMA user_version = {SCHEMA_VERSION}",
]


class CorpusError(RuntimeError):
    pass


class CorpusMemory:
    """Spelling counts over a corpus; learning the same document twice counts it once."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        try:
            self._conn = connect(self.path)
            version = self._schema_version()
        except (OSError, sqlite3.Error) as exc:
            raise CorpusError(f"{self.path}: cannot open the corpus database ({exc})") from exc
        if version != SCHEMA_VERSION:
            self._conn.close()
            older = version < SCHEMA_VERSION
            raise CorpusError(
                f"{self.path}: corpus database from {'an older' if older else 'a newer'} auditor (schema "
                f"{version}, this auditor reads {SCHEMA_VERSION}); "
                + (f"remove it and re-run `auditor entities learn CORPUS... --db {self.path}` to rebuild it"
                   if older else "use that auditor, or re-run `auditor entities learn` into a new database"))

    def _schema_version(self) -> int:
        """The database's schema version; a new, empty database gets the current schema."""
        conn = self._conn
        version = schema_version(conn)
        if version:
            return version  # read without writing: a read-only database can still be checked against
        conn.execute("BEGIN IMMEDIATE")  # two learners creating one database: one creates, one sees it
        try:
            version = schema_version(conn)
            if not version and conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table'").fetchone():
                version = 1  # tables but no version: written before versions were stored
            elif not version:
                for statement in _SCHEMA:
                    conn.execute(statement)
                version = SCHEMA_VERSION
            conn.execute("COMMIT")
        except sqlite3.Error:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        return version

    def learn(self, path: str, words: int, spellings: Mapping[str, int],
              documents: Mapping[str, int] | None = None) -> bool:
        """Add one document's name counts; False when the document was learnt before.

        ``documents`` gives, for a batch of documents learnt as one (a task of ``auditor clean``),
        how many of them use each spelling; by default each spelling counts one document."""
        conn = self._conn
        try:
            conn.execute("BEGIN IMMEDIATE")
            if conn.execute("SELECT 1 FROM document WHERE path = ?", (path,)).fetchone():
                conn.execute("ROLLBACK")
                return False
            conn.execute("INSERT INTO document VALUES (?, ?)", (path, words))
            conn.executemany(
                "INSERT INTO spelling VALUES (?, ?, ?, ?) ON CONFLICT(surface) "
                "DO UPDATE SET uses = uses + excluded.uses, docs = docs + excluded.docs",
                [(name, bucket_key(name), n, documents.get(name, 1) if documents else 1)
                 for name, n in spellings.items()])
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
        """Spellings the corpus has that are variants of ``name`` (same bucket, close enough)."""
        rows = self._conn.execute("SELECT surface, uses FROM spelling WHERE bucket = ?", (bucket_key(name),))
        return Counter({s: n for s, n in rows.fetchall()
                        if s == name or (token_similarity(name.lower(), s.lower()) >= TOKEN_MATCH
                                         and not is_truncation(name, s) and not is_truncation(s, name))})

    def most_used(self, limit: int) -> list[tuple[str, int]]:
        """The ``limit`` spellings with the most uses, most used first."""
        rows = self._conn.execute("SELECT surface, uses FROM spelling ORDER BY uses DESC, surface LIMIT ?", (limit,))
        return rows.fetchall()

    def documents(self) -> int:
        return self._conn.execute("SELECT COUNT(*) FROM document").fetchone()[0]
