"""The enrichment pipeline over the Crossref resolver, against the loopback Crossref-like server.

Shows, through the pipeline and the command line: validated DOIs from
Crossref answers, a second run that sends no request, a 429 storm that leaves
every entry enriched or "not looked up" with the cache intact, and the local
index answering before Crossref is asked.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from citekit.bench.fake_crossref import FakeCrossref
from citekit.cli import main
from citekit.enrich.bibfile import read_bibfile
from citekit.enrich.cache import Cache
from citekit.enrich.crossref import CrossrefResolver
from citekit.enrich.index import LocalIndex, build_index
from citekit.enrich.pacing import Backoff, Limits, Pacer
from citekit.enrich.run import enrich_references

BIB = r"""@book{nye2004,
  author = {Nye, Joseph S.},
  title = {Soft Power: The Means to Success in World Politics},
  publisher = {PublicAffairs},
  year = {2004},
}

@article{nye1990,
  author = {Nye, Joseph S.},
  title = {Soft power},
  journal = {Foreign Policy},
  year = {1990},
  volume = {80},
  pages = {153--171},
}

@article{shea1993,
  author = {Shea, M. J. and Compton, R. N.},
  journal = {Phys. Rev. B},
  volume = {47},
  pages = {9967},
  year = {1993},
}

@book{samuelson2009,
  author = {Samuelson, Paul A. and Nordhaus, William D.},
  title = {Economics},
  edition = {19th},
  publisher = {McGraw-Hill},
  year = {2009},
}
"""

EXPECTED = {
    "nye2004": "10.5555/book.softpower.2004",
    "nye1990": "10.5555/fp.1990.80.153",
    "shea1993": "10.5555/prb.47.9967",
    "samuelson2009": "10.5555/econ.2009",
}


@pytest.fixture()
def records(data_dir: Path) -> list[dict]:
    lines = (data_dir / "enrich" / "works.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


@pytest.fixture()
def server(records: list[dict]) -> Iterator[FakeCrossref]:
    with FakeCrossref(records, seed=3) as fake:
        yield fake


def fast_resolver(server: FakeCrossref, cache: Cache) -> CrossrefResolver:
    pacer = Pacer(
        Limits(concurrency=3, rate=500.0, search_rate=500.0),
        backoff=Backoff(base=0.01, cap=0.05, max_retries=2),
    )
    return CrossrefResolver(
        mailto="tests@example.org", api_url=server.url, cache=cache, pacer=pacer, timeout=2.0
    )


def test_pipeline_over_crossref_and_a_second_run_asks_nothing(
    server: FakeCrossref, tmp_path: Path
) -> None:
    refs = read_bibfile(BIB, "refs.bib").references
    with Cache(tmp_path / "c.sqlite") as cache:
        first = enrich_references(refs, [fast_resolver(server, cache)])
    assert {r.key: e.doi for r, e in zip(refs, first.results, strict=True)} == EXPECTED
    sent = server.count()
    assert sent >= len(refs)
    with Cache(tmp_path / "c.sqlite") as cache:
        resolver = fast_resolver(server, cache)
        second = enrich_references(refs, [resolver])
        assert resolver.stats().requests == 0
    assert server.count() == sent
    assert [e.doi for e in second.results] == [e.doi for e in first.results]


def test_429_storm_leaves_entries_not_looked_up_and_the_cache_intact(
    server: FakeCrossref, tmp_path: Path
) -> None:
    refs = read_bibfile(BIB, "refs.bib").references
    server.chooser = lambda number, kind: "ok" if number <= 2 else "429"
    path = tmp_path / "c.sqlite"
    with Cache(path) as cache:
        run = enrich_references(refs, [fast_resolver(server, cache)])
    statuses = [e.status for e in run.results]
    assert set(statuses) <= {"matched", "not-looked-up"}
    assert "not-looked-up" in statuses
    for ref, verdict in zip(refs, run.results, strict=True):
        if verdict.status == "matched":
            assert verdict.doi == EXPECTED[ref.key]
        else:
            assert "429" in verdict.message or "skipped" in verdict.message
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    db.close()
    # once the storm is over, a rerun completes every entry
    server.chooser = None
    with Cache(path) as cache:
        rerun = enrich_references(refs, [fast_resolver(server, cache)])
    assert [e.doi for e in rerun.results] == list(EXPECTED.values())


def test_index_first_crossref_only_for_the_rest(
    server: FakeCrossref, tmp_path: Path, data_dir: Path
) -> None:
    only_two = tmp_path / "two.jsonl"
    lines = (data_dir / "enrich" / "works.jsonl").read_text(encoding="utf-8").splitlines()
    only_two.write_text(
        "\n".join(line for line in lines if "prb.47" in line) + "\n", encoding="utf-8"
    )
    build_index([only_two], tmp_path / "i.sqlite")
    refs = read_bibfile(BIB, "refs.bib").references
    with Cache(tmp_path / "c.sqlite") as cache:
        run = enrich_references(
            refs, [LocalIndex(tmp_path / "i.sqlite"), fast_resolver(server, cache)]
        )
    assert [e.doi for e in run.results] == list(EXPECTED.values())
    assert server.count("search") == 3  # shea1993 came from the index


def test_cli_against_the_loopback_server(
    server: FakeCrossref,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("CITEKIT_MAILTO", raising=False)
    bib = tmp_path / "refs.bib"
    bib.write_text(BIB, encoding="utf-8")
    args = [
        "enrich",
        str(bib),
        "-o",
        str(tmp_path / "out.bib"),
        "--api-url",
        server.url,
        "--mailto",
        "tests@example.org",
        "--cache",
        str(tmp_path / "cache.sqlite"),
        "--report",
        "json",
        "--report-file",
        str(tmp_path / "r.json"),
    ]
    for run_number in (1, 2):
        with pytest.raises(SystemExit) as exit_info:
            main(args)
        assert exit_info.value.code == 0
        report = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
        requests = report["stats"]["crossref_requests"]
        assert (requests > 0) if run_number == 1 else (requests == 0)
        out = (tmp_path / "out.bib").read_text(encoding="utf-8")
        for doi in EXPECTED.values():
            assert f"doi = {{{doi}}}" in out
    _, err = capsys.readouterr()
    assert "warning" not in err  # a mailto was given
