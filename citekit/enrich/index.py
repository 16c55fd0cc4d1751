"""A local resolver: Crossref work records in a SQLite FTS5 index.

``build_index`` reads Crossref work JSON (JSON Lines, gzipped or not, a JSON
list, or saved API responses with ``message`` / ``message.items``) and writes
one SQLite file.  ``LocalIndex`` answers the ``Resolver`` questions from it:
``search`` tokenizes the reference string, drops stop words and ranks records
by BM25 (title words weigh most), ``lookup`` finds records by DOI.  It needs no
network, so it serves offline runs, CI and bulk work.
"""

from __future__ import annotations

import gzip
import json
import os
import re
import sqlite3
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from citekit.enrich import Work
from citekit.enrich.match import fold
from citekit.enrich.records import normalize_doi, work_from_json, works_from_message
from citekit.errors import InputError
from citekit.model import Name

SCHEMA_VERSION = 1
# BM25 column weights: title, authors, container, other (year, volume, pages, publisher).
_WEIGHTS = (10.0, 4.0, 2.0, 1.0)
MAX_QUERY_TOKENS = 40


def _word_set(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Words that say nothing about which work is meant (and would only slow FTS5 OR queries).
STOP_WORDS = _word_set(
    """
    a an and are as at be by for from has have he her his i in into is it its of on or our
    she that the their them they this to was we were which with you your al et eds ed edn
    edition vol vols volume no nos pp pg p pages page doi http https www org com dx
    retrieved available online accessed der die das und von zu im le la les de des du et en
    el los las y del journal j proceedings proc conference conf international int press
    university univ
    """
)

_TOKEN = re.compile(r"[^\W_]+")  # words of any script, as `fold` keeps them


@dataclass(frozen=True, slots=True)
class BuildStats:
    """What ``build_index`` did."""

    files: int
    records: int  # works written (a DOI seen twice counts once)
    skipped: int  # items without a DOI or not a work
    path: str


# ---------------------------------------------------------------- Work <-> JSON


def work_to_json(work: Work) -> str:
    """A compact, stable JSON form of a ``Work`` (the index stores it)."""
    data = asdict(work)
    data.pop("score", None)
    data["authors"] = [_name_list(n) for n in work.authors]
    data["editors"] = [_name_list(n) for n in work.editors]
    data["isbn"] = list(work.isbn)
    data["relation"] = [list(r) for r in work.relation]
    return json.dumps(
        {k: v for k, v in data.items() if v not in ("", [], None)},
        ensure_ascii=False,
        separators=(",", ":"),
    )


def _name_list(name: Name) -> list[Any]:
    out: list[Any] = [name.family, name.given, name.particle, name.suffix, name.literal]
    while out and out[-1] in ("", False):
        out.pop()
    return out


def work_from_stored(text: str, score: float = 0.0) -> Work:
    data = json.loads(text)

    def names(rows: list[list[Any]]) -> tuple[Name, ...]:
        return tuple(Name(*row) for row in rows)

    return Work(
        doi=data["doi"],
        type=data.get("type", ""),
        title=data.get("title", ""),
        subtitle=data.get("subtitle", ""),
        authors=names(data.get("authors", [])),
        editors=names(data.get("editors", [])),
        year=data.get("year"),
        container_title=data.get("container_title", ""),
        volume=data.get("volume", ""),
        issue=data.get("issue", ""),
        pages=data.get("pages", ""),
        publisher=data.get("publisher", ""),
        edition=data.get("edition", ""),
        isbn=tuple(data.get("isbn", ())),
        score=score,
        relation=tuple((r[0], r[1]) for r in data.get("relation", ())),
    )


# ---------------------------------------------------------------- reading records


def _open_text(path: Path) -> Any:
    with open(path, "rb") as probe:
        gz = probe.read(2) == b"\x1f\x8b"
    if gz:
        return gzip.open(path, "rt", encoding="utf-8-sig")
    return open(path, encoding="utf-8-sig")


def read_records(path: str | os.PathLike[str]) -> Iterator[tuple[Work | None, str]]:
    """Works in one file: yields ``(work, "")`` or ``(None, why)`` for an unusable item.

    JSON Lines (one record or one API response a line) are streamed, so a
    large dump is never held in memory; a file whose first line is not a JSON
    document on its own (a pretty-printed API response, a JSON list) is read
    whole.  Gzip is recognised by its content, whatever the file name.
    """
    p = Path(path)
    try:
        handle = _open_text(p)
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from None
    try:
        with handle:
            yield from _read_handle(handle, str(path))
    except (UnicodeDecodeError, EOFError, gzip.BadGzipFile, OSError) as exc:
        raise InputError(f"{path}: not UTF-8 JSON text ({exc})") from None


def _read_handle(handle: Any, path: str) -> Iterator[tuple[Work | None, str]]:
    first, first_no = "", 0
    for line in handle:
        first_no += 1
        if line.strip():
            first = line
            break
    if not first:
        return
    lines: Iterable[tuple[int, str]]
    try:
        body = json.loads(first)
    except json.JSONDecodeError:
        text = first + handle.read()
        try:
            whole = json.loads(text)
        except json.JSONDecodeError:
            lines = enumerate(text.splitlines(), first_no)
        else:
            yield from _works_of(whole)
            return
    else:
        yield from _works_of(body)
        lines = enumerate(handle, first_no + 1)
    bad_lines = seen = 0
    for lineno, line in lines:
        if not line.strip():
            continue
        seen += 1
        try:
            body = json.loads(line)
        except json.JSONDecodeError:
            bad_lines += 1
            if bad_lines > 10 and bad_lines * 2 > seen:
                raise InputError(f"{path}: not JSON Lines (line {lineno} is not JSON)") from None
            yield None, f"line {lineno}: not JSON"
            continue
        yield from _works_of(body)


def _works_of(body: object) -> Iterator[tuple[Work | None, str]]:
    if isinstance(body, dict) and ("message" in body or "message-type" in body):
        try:
            works = works_from_message(body)
        except ValueError as exc:
            yield None, str(exc)
            return
        if not works:
            yield None, f"no works in a {body.get('message-type', 'response')} message"
        for work in works:
            yield work, ""
        return
    items = body if isinstance(body, list) else [body]
    for item in items:
        if isinstance(item, dict) and isinstance(item.get("message"), dict):
            yield from _works_of(item)
            continue
        try:
            yield work_from_json(item), ""  # type: ignore[arg-type]
        except ValueError as exc:
            yield None, str(exc)


# ---------------------------------------------------------------- building


_SCHEMA = f"""
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS works (id INTEGER PRIMARY KEY, doi TEXT UNIQUE NOT NULL, data TEXT NOT NULL);
CREATE VIRTUAL TABLE IF NOT EXISTS works_fts USING fts5(
    title, authors, container, other,
    tokenize='unicode61 remove_diacritics 2'
);
INSERT OR REPLACE INTO meta VALUES ('schema', '{SCHEMA_VERSION}');
"""


def _fts_row(work: Work) -> tuple[str, str, str, str]:
    names = " ".join(f"{n.particle} {n.family} {n.given}" for n in (*work.authors, *work.editors))
    other = " ".join(
        str(v)
        for v in (
            work.year or "",
            work.volume,
            work.issue,
            work.pages,
            work.publisher,
            work.edition,
        )
        if v
    )
    title = f"{work.title} {work.subtitle}"
    return fold(title), fold(names), fold(work.container_title), fold(other)


def build_index(
    sources: Sequence[str | os.PathLike[str]],
    output: str | os.PathLike[str],
    *,
    progress: Callable[[str, int], None] | None = None,
) -> BuildStats:
    """Write an index of every work in ``sources`` to ``output`` (replaced atomically)."""
    if not sources:
        raise InputError("no record files given")
    out = Path(output)
    tmp = out.with_name(f".{out.name}.building")
    if tmp.exists():
        tmp.unlink()
    try:
        conn = sqlite3.connect(tmp)
    except sqlite3.Error as exc:
        raise InputError(f"{output}: cannot create the index ({exc})") from None
    records = skipped = 0
    try:
        conn.executescript(_SCHEMA)
        for source in sources:
            n_before = records
            batch: list[Work] = []
            for work, _why in read_records(source):
                if work is None:
                    skipped += 1
                    continue
                batch.append(work)
                if len(batch) >= 2000:
                    records += _insert(conn, batch)
                    batch = []
            records += _insert(conn, batch)
            if progress:
                progress(str(source), records - n_before)
        if records == 0:
            names = ", ".join(str(p) for p in sources)
            raise InputError(f"no Crossref work records in {names}")
        conn.execute("INSERT INTO works_fts(works_fts) VALUES ('optimize')")
        conn.commit()
        conn.close()
        os.replace(tmp, out)
    except BaseException:
        conn.close()
        tmp.unlink(missing_ok=True)
        raise
    return BuildStats(files=len(sources), records=records, skipped=skipped, path=str(out))


def _insert(conn: sqlite3.Connection, works: list[Work]) -> int:
    added = 0
    for work in works:
        row = conn.execute("SELECT id FROM works WHERE doi = ?", (work.doi,)).fetchone()
        if row:
            conn.execute("DELETE FROM works_fts WHERE rowid = ?", (row[0],))
            conn.execute("UPDATE works SET data = ? WHERE id = ?", (work_to_json(work), row[0]))
            rowid = row[0]
        else:
            rowid = conn.execute(
                "INSERT INTO works (doi, data) VALUES (?, ?)", (work.doi, work_to_json(work))
            ).lastrowid
            added += 1
        conn.execute(
            "INSERT INTO works_fts (rowid, title, authors, container, other) VALUES (?, ?, ?, ?, ?)",
            (rowid, *_fts_row(work)),
        )
    return added


# ---------------------------------------------------------------- querying


def query_tokens(text: str, limit: int = MAX_QUERY_TOKENS) -> list[str]:
    """The search words of a reference string: folded, no stop words, no 1-letter tokens."""
    out: dict[str, None] = {}
    for tok in _TOKEN.findall(fold(text)):
        if tok in STOP_WORDS or len(tok) < 2:
            continue
        out.setdefault(tok, None)
        if len(out) >= limit:
            break
    return list(out)


class LocalIndex:
    """A ``Resolver`` over an index file written by ``build_index``."""

    name = "index"
    authoritative = False  # a DOI missing here may still exist

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = str(path)
        if not Path(path).is_file():
            raise InputError(f"{path}: no such index file")
        self._local = threading.local()
        conn = self._conn()
        try:
            row = conn.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
        except sqlite3.DatabaseError:
            raise InputError(f"{path}: not a citekit index") from None
        if not row or row[0] != str(SCHEMA_VERSION):
            raise InputError(
                f"{path}: index schema {row[0] if row else '?'} is not "
                f"{SCHEMA_VERSION}; rebuild it with `citekit index build`"
            )
        self.queries = 0

    def _conn(self) -> sqlite3.Connection:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            uri = f"{Path(self.path).resolve().as_uri()}?mode=ro"
            conn = sqlite3.connect(uri, uri=True, check_same_thread=False)
            self._local.conn = conn
        return conn

    def __len__(self) -> int:
        return int(self._conn().execute("SELECT count(*) FROM works").fetchone()[0])

    def search(self, query: str, rows: int = 5) -> list[Work]:
        tokens = query_tokens(query)
        if not tokens:
            return []
        self.queries += 1
        match = " OR ".join(f'"{t}"' for t in tokens)
        sql = (
            "SELECT w.data, bm25(works_fts, ?, ?, ?, ?) AS rank FROM works_fts "
            "JOIN works w ON w.id = works_fts.rowid WHERE works_fts MATCH ? "
            "ORDER BY rank LIMIT ?"
        )
        cur = self._conn().execute(sql, (*_WEIGHTS, match, rows))
        return [work_from_stored(data, -rank) for data, rank in cur]

    def lookup(self, dois: Sequence[str]) -> dict[str, Work | None]:
        result: dict[str, Work | None] = {}
        conn = self._conn()
        for doi in dois:
            key = normalize_doi(doi)
            row = conn.execute("SELECT data FROM works WHERE doi = ?", (key,)).fetchone()
            result[key] = work_from_stored(row[0]) if row else None
        return result

    def close(self) -> None:
        conn = getattr(self._local, "conn", None)
        if conn is not None:
            conn.close()
            self._local.conn = None
