"""SQLite response cache: persistence, counters, expiry, corruption, interrupted writers."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from citekit.enrich.cache import Cache, CacheWarning, default_path, normalize_key


def test_round_trip_and_counters(tmp_path: Path) -> None:
    with Cache(tmp_path / "c.sqlite") as cache:
        assert cache.get("doi", "10.1/a") is None
        cache.put("doi", "10.1/a", 200, {"message": {"DOI": "10.1/A", "title": ["Ä"]}})
        cache.put("doi", "10.1/missing", 404, None)
        cache.record_request(2)
        entry = cache.get("doi", "10.1/a")
        assert entry is not None and entry.status == 200
        assert entry.body == {"message": {"DOI": "10.1/A", "title": ["Ä"]}}
        missing = cache.get("doi", "10.1/missing")
        assert missing is not None and missing.status == 404 and missing.body is None
        assert cache.get("search", "10.1/a") is None  # kinds are separate
        stats = cache.stats.snapshot()
        assert (stats.hits, stats.misses, stats.writes, stats.requests) == (2, 2, 2, 2)
        assert cache.count() == 2 and cache.count("doi") == 2 and cache.count("search") == 0


def test_persists_across_instances_and_counters_restart(tmp_path: Path) -> None:
    path = tmp_path / "c.sqlite"
    with Cache(path) as first:
        first.put("search", "k", 200, {"n": 1})
    with Cache(path) as second:
        assert second.get("search", "k") is not None
        assert second.stats.hits == 1 and second.stats.requests == 0
        assert second._db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_replace_and_clear(tmp_path: Path) -> None:
    with Cache(tmp_path / "c.sqlite") as cache:
        cache.put("doi", "x", 404, None)
        cache.put("doi", "x", 200, {"v": 2})
        entry = cache.get("doi", "x")
        assert entry is not None and entry.body == {"v": 2}
        cache.put("search", "q", 200, [])
        assert cache.clear("doi") == 1
        assert cache.count() == 1


def test_max_age() -> None:
    now = [100.0]
    cache = Cache(":memory:", clock=lambda: now[0])
    cache.put("doi", "x", 200, {})
    now[0] += 50
    assert cache.get("doi", "x", max_age=60) is not None
    assert cache.get("doi", "x", max_age=10) is None
    assert cache.get("doi", "x") is not None


def test_path_from_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "sub" / "mine.sqlite"
    monkeypatch.setenv("CITEKIT_CACHE", str(target))
    assert default_path() == target
    with Cache() as cache:
        cache.put("doi", "x", 200, {})
    assert target.is_file()
    monkeypatch.delenv("CITEKIT_CACHE")
    assert default_path().name == "crossref.sqlite"
    assert "citekit" in default_path().parts


def test_corrupt_file_is_moved_aside_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "c.sqlite"
    path.write_bytes(b"this is not a database, just some text " * 100)
    with pytest.warns(CacheWarning, match="unreadable"):
        cache = Cache(path)
    aside = list(tmp_path.glob("c.sqlite.corrupt-*"))
    assert len(aside) == 1
    assert aside[0].read_bytes().startswith(b"this is not a database")
    cache.put("doi", "x", 200, {})
    assert cache.get("doi", "x") is not None
    assert cache.notices and "moved" in cache.notices[0]
    cache.close()


def test_unwritable_location_falls_back_to_memory(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.warns(CacheWarning, match="memory"):
        cache = Cache(blocker / "c.sqlite")
    assert cache.path is None
    cache.put("doi", "x", 200, {"ok": True})
    assert cache.get("doi", "x") is not None


def test_unreadable_entry_is_dropped(tmp_path: Path) -> None:
    path = tmp_path / "c.sqlite"
    with Cache(path) as cache:
        cache.put("doi", "x", 200, {})
    db = sqlite3.connect(path)
    db.execute("UPDATE responses SET body = '{broken' WHERE key = 'x'")
    db.commit()
    db.close()
    with Cache(path) as cache:
        assert cache.get("doi", "x") is None
        assert cache.stats.misses == 1
        assert cache.count() == 0
        assert any("unreadable" in n for n in cache.notices)


def test_write_failure_warns_once() -> None:
    cache = Cache(":memory:")
    cache._db.execute("DROP TABLE responses")
    with pytest.warns(CacheWarning, match="not being saved"):
        cache.put("doi", "x", 200, {})
    cache.put("doi", "y", 200, {})  # no second warning, no exception
    assert cache.notices == [n for n in cache.notices if "not being saved" in n]
    assert len(cache.notices) == 1


def test_entries_survive_a_killed_writer(tmp_path: Path) -> None:
    """Each put is committed: a process killed mid-run keeps every entry written before."""
    path = tmp_path / "c.sqlite"
    script = textwrap.dedent(
        f"""
        import os, signal
        from citekit.enrich.cache import Cache
        cache = Cache({str(path)!r})
        for n in range(5):
            cache.put("search", f"q{{n}}", 200, {{"n": n}})
        os.kill(os.getpid(), signal.SIGKILL)
        """
    )
    result = subprocess.run([sys.executable, "-c", script], check=False, timeout=60)
    assert result.returncode != 0
    with Cache(path) as cache:
        assert cache.count("search") == 5
        entry = cache.get("search", "q4")
        assert entry is not None and entry.body == {"n": 4}


def test_read_failure_is_a_miss_with_one_warning() -> None:
    cache = Cache(":memory:")
    cache.put("doi", "x", 200, {})
    cache._db.execute("DROP TABLE responses")
    with pytest.warns(CacheWarning, match="could not read"):
        assert cache.get("doi", "x") is None
    assert cache.get("doi", "y") is None  # no second warning, no exception
    assert cache.stats.misses == 2


def test_normalize_key() -> None:
    assert normalize_key("  Nye,  J.\n(2004)  SOFT Power ") == "nye, j. (2004) soft power"
    assert normalize_key("Cafe\u0301") == normalize_key("Café")
