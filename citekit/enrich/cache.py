"""A persistent SQLite cache of API responses, so that a rerun asks the network nothing.

Entries are keyed by request kind ("search", "doi", ...) and a normalized key
(the query or DOI) and hold the response body as JSON plus its HTTP status, so a
"does not exist" answer (404) is remembered too.  Each ``put`` is its own
transaction in a WAL-mode database: an interrupted run (Ctrl-C, a crash) keeps
every entry written before it.

Where the file lives: the ``path`` argument, else ``$CITEKIT_CACHE``, else
``crossref.sqlite`` in the user cache directory (``platformdirs``).  A file that
is not a readable SQLite database is moved aside (``<name>.corrupt-<time>``)
and a new one started, with a ``CacheWarning``; a cache that cannot be written
at all falls back to memory with a warning, so enrichment still runs.

``stats`` counts hits, misses, writes and the requests the caller reports as
sent (``record_request``): a second run over the same input shows
``requests == 0``.
"""

from __future__ import annotations

import json
import os
import sqlite3
import threading
import time
import unicodedata
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import platformdirs

ENV_VAR = "CITEKIT_CACHE"
FILE_NAME = "crossref.sqlite"
SCHEMA_VERSION = 1

_SCHEMA = """
CREATE TABLE IF NOT EXISTS responses (
    kind TEXT NOT NULL,
    key TEXT NOT NULL,
    status INTEGER NOT NULL,
    body TEXT NOT NULL,
    fetched_at REAL NOT NULL,
    PRIMARY KEY (kind, key)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);
"""


class CacheWarning(UserWarning):
    """The cache could not be used as asked (corrupt file moved aside, unwritable, ...)."""


@dataclass(frozen=True, slots=True)
class Entry:
    """One cached response."""

    status: int  # 200, or 404 for "does not exist"
    body: object  # the decoded JSON body (None for a 404)
    fetched_at: float  # seconds since the epoch


@dataclass(slots=True)
class CacheStats:
    hits: int = 0
    misses: int = 0
    writes: int = 0
    requests: int = 0  # requests sent to the network by the cache's user

    def snapshot(self) -> CacheStats:
        return CacheStats(self.hits, self.misses, self.writes, self.requests)


def default_path() -> Path:
    """``$CITEKIT_CACHE`` or ``crossref.sqlite`` in the user cache directory."""
    env = os.environ.get(ENV_VAR, "").strip()
    if env:
        return Path(env).expanduser()
    return platformdirs.user_cache_path("citekit", appauthor=False) / FILE_NAME


def normalize_key(text: str) -> str:
    """NFC, case-folded, whitespace collapsed: "Nye  (2004)" and "nye (2004)" share an entry."""
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


class Cache:
    """Thread-safe SQLite response cache; see the module docstring."""

    def __init__(
        self, path: str | os.PathLike[str] | None = None, *, clock: Callable[[], float] = time.time
    ) -> None:
        self._clock = clock
        self._lock = threading.Lock()
        self.stats = CacheStats()
        self.notices: list[str] = []  # every warning issued, for reports
        self._write_failed = False
        self._read_failed = False
        if path is not None and str(path) == ":memory:":
            self.path: Path | None = None
            self._db = self._connect(":memory:")
            return
        self.path = Path(path).expanduser() if path is not None else default_path()
        self._db = self._open_file(self.path)

    # -- opening ------------------------------------------------------------------------------

    def _warn(self, message: str) -> None:
        self.notices.append(message)
        warnings.warn(message, CacheWarning, stacklevel=3)

    @staticmethod
    def _connect(target: str) -> sqlite3.Connection:
        db = sqlite3.connect(target, timeout=30, isolation_level=None, check_same_thread=False)
        try:
            if target != ":memory:":
                db.execute("PRAGMA journal_mode=WAL")
                db.execute("PRAGMA synchronous=NORMAL")
            db.executescript(_SCHEMA)
            row = db.execute("PRAGMA quick_check").fetchone()
            if not row or row[0] != "ok":
                raise sqlite3.DatabaseError(f"integrity check failed: {row[0] if row else '?'}")
            db.execute(
                "INSERT OR IGNORE INTO meta(name, value) VALUES ('schema', ?)",
                (str(SCHEMA_VERSION),),
            )
            (version,) = db.execute("SELECT value FROM meta WHERE name = 'schema'").fetchone()
            if version != str(SCHEMA_VERSION):
                raise sqlite3.DatabaseError(f"unknown cache schema version {version}")
        except BaseException:
            db.close()
            raise
        return db

    def _open_file(self, path: Path) -> sqlite3.Connection:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            self._warn(
                f"cannot create the cache directory {path.parent} ({error}); caching in memory only"
            )
            self.path = None
            return self._connect(":memory:")
        try:
            return self._connect(str(path))
        except sqlite3.DatabaseError as error:
            if isinstance(error, sqlite3.OperationalError) and not _looks_corrupt(error):
                self._warn(f"cannot use the cache {path} ({error}); caching in memory only")
                self.path = None
                return self._connect(":memory:")
            aside = path.with_name(f"{path.name}.corrupt-{time.strftime('%Y%m%d-%H%M%S')}")
            for suffix in ("", "-wal", "-shm"):
                extra = Path(str(path) + suffix)
                if extra.exists():
                    extra.replace(Path(str(aside) + suffix))
            self._warn(
                f"the cache {path} was unreadable ({error}); it was moved to {aside} "
                "and a new cache started"
            )
            return self._connect(str(path))

    # -- use ----------------------------------------------------------------------------------

    def get(self, kind: str, key: str, max_age: float | None = None) -> Entry | None:
        """The cached response for ``(kind, key)``, or None (counted as a miss)."""
        with self._lock:
            try:
                row = self._db.execute(
                    "SELECT status, body, fetched_at FROM responses WHERE kind = ? AND key = ?",
                    (kind, key),
                ).fetchone()
            except sqlite3.Error as error:
                if not self._read_failed:
                    self._read_failed = True
                    message = f"could not read the cache {self.path} ({error}); asking again"
                    self.notices.append(message)
                    warnings.warn(message, CacheWarning, stacklevel=2)
                row = None
            entry: Entry | None = None
            if row is not None:
                status, body, fetched_at = row
                try:
                    entry = Entry(int(status), json.loads(body), float(fetched_at))
                except (ValueError, TypeError):
                    self._db.execute(
                        "DELETE FROM responses WHERE kind = ? AND key = ?", (kind, key)
                    )
                    self.notices.append(f"dropped an unreadable cache entry {kind}:{key}")
                if (
                    entry is not None
                    and max_age is not None
                    and self._clock() - entry.fetched_at > max_age
                ):
                    entry = None
            if entry is None:
                self.stats.misses += 1
            else:
                self.stats.hits += 1
            return entry

    def put(self, kind: str, key: str, status: int, body: object) -> None:
        """Store one response, committed at once."""
        text = json.dumps(body, ensure_ascii=False, separators=(",", ":"))
        with self._lock:
            try:
                self._db.execute(
                    "INSERT OR REPLACE INTO responses(kind, key, status, body, fetched_at) "
                    "VALUES (?, ?, ?, ?, ?)",
                    (kind, key, int(status), text, self._clock()),
                )
            except sqlite3.Error as error:
                if not self._write_failed:
                    self._write_failed = True
                    message = f"could not write to the cache {self.path} ({error}); results are not being saved"
                    self.notices.append(message)
                    warnings.warn(message, CacheWarning, stacklevel=2)
                return
            self.stats.writes += 1

    def record_request(self, count: int = 1) -> None:
        """Count requests sent to the network (the cache cannot see them itself)."""
        with self._lock:
            self.stats.requests += count

    def count(self, kind: str | None = None) -> int:
        with self._lock:
            if kind is None:
                return int(self._db.execute("SELECT count(*) FROM responses").fetchone()[0])
            return int(
                self._db.execute(
                    "SELECT count(*) FROM responses WHERE kind = ?", (kind,)
                ).fetchone()[0]
            )

    def clear(self, kind: str | None = None) -> int:
        """Delete entries (of one kind, or all); returns how many."""
        with self._lock:
            if kind is None:
                cursor = self._db.execute("DELETE FROM responses")
            else:
                cursor = self._db.execute("DELETE FROM responses WHERE kind = ?", (kind,))
            return cursor.rowcount

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def __enter__(self) -> Cache:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _looks_corrupt(error: sqlite3.Error) -> bool:
    text = str(error).lower()
    return any(
        word in text for word in ("not a database", "malformed", "corrupt", "integrity", "schema")
    )
