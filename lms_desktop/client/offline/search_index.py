"""Search over downloaded courses, on this computer (SQLite FTS5 beside the outbox).

Why local: offline, the server's search is gone, but the learner's downloaded courses are all here. Each
downloaded course adds one row for itself (title, description) and one per section (title, plain text);
removing the download removes its rows. Rows carry the account, so two learners on one computer never see
each other's downloads. The learner's words are quoted (any input is safe) and the last one is a prefix, as
on the server.
"""

from __future__ import annotations

import hashlib
import re
import sqlite3
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

MAX_HITS = 50
# Ranking costs a few microseconds per matching row: a query whose words are in most sections (common words,
# a short prefix) would rank thousands. Above this estimate, title matches are ranked and text matches follow
# in course order instead.
RANK_AT_MOST = 800
_WORD = re.compile(r"\w+", re.UNICODE)
_SCHEMA = """
CREATE VIRTUAL TABLE IF NOT EXISTS {table} USING fts5(
    course_id UNINDEXED, section_id UNINDEXED, course_title UNINDEXED,
    title, body, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3 4'
);
"""


def table_name(account: str) -> str:
    """One FTS table per account: filtering a shared table by account read every matching row's content,
    which cost more than the search itself."""
    return "entries_" + hashlib.sha256(account.encode()).hexdigest()[:20]


@dataclass(frozen=True)
class IndexedSection:
    section_id: int
    title: str
    text: str


@dataclass(frozen=True)
class OfflineHit:
    course_id: int
    course_title: str
    section_id: int | None  # None: the course itself matched (title or description)
    title: str
    snippet: str  # plain text around the match, the matched words between [ and ]


def match_expression(query: str) -> str | None:
    """An FTS5 expression for the learner's words: each quoted, the last a prefix; None if no words."""
    words = _WORD.findall(query)[:32]
    if not words:
        return None
    quoted = [f'"{w}"' for w in words]
    quoted[-1] += "*"
    return " ".join(quoted)


class OfflineSearchIndex:
    """FTS5 tables in one file; a lock makes it safe from the UI thread and the download task's thread."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._lock = threading.Lock()
        self._ready: set[str] = set()

    def _table(self, account: str, *, create: bool) -> str | None:
        """The account's table (created on first write); None when it has none yet."""
        name = table_name(account)
        if name in self._ready:
            return name
        exists = self._db.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (name,)).fetchone()
        if exists is None:
            if not create:
                return None
            self._db.executescript(_SCHEMA.format(table=name))
            # Rank by bm25 inside FTS5 (titles weigh 8x the text): cheaper than calling bm25() from SQL.
            self._db.execute(f"INSERT INTO {name}({name}, rank) VALUES('rank', 'bm25(0, 0, 0, 8.0, 1.0)')")
        self._db.execute(f"CREATE VIRTUAL TABLE IF NOT EXISTS {name}_terms USING fts5vocab({name}, 'row')")
        self._ready.add(name)
        return name

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def replace_course(
        self,
        account: str,
        course_id: int,
        title: str,
        description: str,
        sections: Iterable[IndexedSection],
    ) -> None:
        """(Re)index a downloaded course in one transaction."""
        rows: list[tuple[int, int | None, str, str, str]] = [(course_id, None, title, title, description)]
        rows += [(course_id, s.section_id, title, s.title, s.text) for s in sections]
        with self._lock:
            table = self._table(account, create=True)
            self._db.execute("BEGIN")
            try:
                self._db.execute(f"DELETE FROM {table} WHERE course_id = ?", (course_id,))
                self._db.executemany(f"INSERT INTO {table} VALUES (?, ?, ?, ?, ?)", rows)
                self._db.execute("COMMIT")
            except BaseException:
                self._db.execute("ROLLBACK")
                raise

    def remove_course(self, account: str, course_id: int) -> None:
        with self._lock:
            table = self._table(account, create=False)
            if table is not None:
                self._db.execute(f"DELETE FROM {table} WHERE course_id = ?", (course_id,))

    def courses(self, account: str) -> set[int]:
        with self._lock:
            table = self._table(account, create=False)
            if table is None:
                return set()
            found = self._db.execute(f"SELECT DISTINCT course_id FROM {table}").fetchall()
        return {int(r[0]) for r in found}

    def search(self, account: str, query: str, limit: int = MAX_HITS) -> list[OfflineHit]:
        """Best matches first (bm25: a word in a title counts more than one in the text)."""
        expression = match_expression(query)
        if expression is None:
            return []
        with self._lock:
            table = self._table(account, create=False)
            if table is None:
                return []
            if self._estimate(table, query) <= RANK_AT_MOST:
                ids = self._ids(
                    table,
                    f"SELECT rowid FROM {table} WHERE {table} MATCH ? ORDER BY rank LIMIT ?",
                    expression,
                    limit,
                )
            else:
                ids = self._ids(
                    table,
                    f"SELECT rowid FROM {table} WHERE {table} MATCH ? ORDER BY rank LIMIT ?",
                    f"{{title}} : ({expression})",
                    limit,
                )
                more = self._ids(
                    table, f"SELECT rowid FROM {table} WHERE {table} MATCH ? LIMIT ?", expression, limit
                )
                ids += [i for i in more if i not in set(ids)][: limit - len(ids)]
            if not ids:
                return []
            # Snippets only for the page of results (a snippet costs more than a rank).
            found = self._db.execute(
                f"SELECT rowid, course_id, section_id, course_title, title, "
                f"snippet({table}, 4, '[', ']', '…', 16) FROM {table} "
                f"WHERE {table} MATCH ? AND rowid IN ({', '.join('?' * len(ids))})",
                (expression, *ids),
            ).fetchall()
        order = {rowid: n for n, rowid in enumerate(ids)}
        found.sort(key=lambda r: order[r[0]])
        return [
            OfflineHit(int(c), str(ct), None if s is None else int(s), str(t), str(snip))
            for _rowid, c, s, ct, t, snip in found
        ]

    def _ids(self, table: str, sql: str, expression: str, limit: int) -> list[int]:
        return [int(r[0]) for r in self._db.execute(sql, (expression, limit)).fetchall()]

    def _estimate(self, table: str, query: str) -> int:
        """An upper bound of the rows matching every word (the rarest word's count; the last word counts
        every term it begins)."""
        words = [w.lower() for w in _WORD.findall(query)[:32]]
        counts = []
        for n, word in enumerate(words):
            if n == len(words) - 1:
                row = self._db.execute(
                    f"SELECT SUM(doc) FROM {table}_terms WHERE term >= ? AND term < ?",
                    (word, word + "\uffff"),
                ).fetchone()
            else:
                row = self._db.execute(f"SELECT doc FROM {table}_terms WHERE term = ?", (word,)).fetchone()
            counts.append(int(row[0] or 0) if row else 0)
        return min(counts) if counts else 0
