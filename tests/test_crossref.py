"""CrossrefResolver: recorded Crossref responses replayed, and a loopback server that misbehaves.

Nothing here reaches the network: the cassettes under ``../shared`` are
replayed by vcrpy with recording off, and every other request goes to
``FakeCrossref`` on 127.0.0.1.
"""

from __future__ import annotations

import json
import sqlite3
import warnings
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
import vcr
import yaml

import citekit.enrich.crossref as crossref_module
from citekit.bench.fake_crossref import FakeCrossref, sample_record
from citekit.enrich.cache import Cache
from citekit.enrich.crossref import (
    SELECT,
    CrossrefResolver,
    MailtoWarning,
    NotLookedUp,
)
from citekit.enrich.pacing import ANONYMOUS, POLITE, Backoff, Limits, Pacer
from citekit.errors import ConfigError, NetworkError

MAILTO = "tests@example.org"
FAST = Limits(concurrency=3, rate=500.0, search_rate=500.0)


def fast_pacer(**kwargs: object) -> Pacer:
    options: dict[str, object] = {"backoff": Backoff(base=0.01, cap=0.05, max_retries=3)}
    options.update(kwargs)
    return Pacer(FAST, **options)  # type: ignore[arg-type]


# --- recorded responses ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def cassettes(shared_dir: Path) -> Path:
    folder = shared_dir / "data" / "crossref" / "habanero-cassettes"
    if not folder.is_dir():
        pytest.skip(f"recorded Crossref responses not found at {folder}")
    return folder


@pytest.fixture(scope="module")
def decoded(shared_dir: Path) -> Path:
    return shared_dir / "data" / "crossref" / "habanero-decoded"


def replay(cassettes: Path, name: str) -> vcr.cassette.CassetteContextDecorator:
    return vcr.use_cassette(str(cassettes / f"{name}.yaml"), record_mode="none")


def recorded_resolver(cache: Cache | None = None) -> CrossrefResolver:
    """A resolver whose requests look like the recorded ones (plain query, no select)."""
    return CrossrefResolver(
        mailto=MAILTO,
        cache=cache,
        pacer=fast_pacer(),
        select=None,
        query_field=None,
        batch_min=100,  # the recordings hold one request per DOI
    )


@pytest.mark.shared
def test_replay_one_doi(cassettes: Path) -> None:
    with replay(cassettes, "test-works_test_works_with_one_id"):
        found = recorded_resolver().lookup(["https://doi.org/10.1371/JOURNAL.PONE.0033693"])
    work = found["10.1371/journal.pone.0033693"]
    assert work is not None
    assert work.title.startswith("Methylphenidate Exposure Induces Dopamine Neuron Loss")
    assert work.year == 2012 and work.volume == "7" and work.pages == "e33693"
    assert [a.family for a in work.authors][:2] == ["Sadasivan", "Pond"]


@pytest.mark.shared
def test_replay_many_dois(cassettes: Path, decoded: Path) -> None:
    expected = {}
    for n in range(5):
        body = json.loads(
            (decoded / f"test-works_test_works_with_many_ids__{n}.json").read_text(encoding="utf-8")
        )
        expected[body["message"]["DOI"].lower()] = body["message"]
    with replay(cassettes, "test-works_test_works_with_many_ids"):
        found = recorded_resolver().lookup(list(expected))
    assert set(found) == set(expected)
    for doi, record in expected.items():
        work = found[doi]
        assert work is not None
        assert work.title == record["title"][0].strip()
        assert work.type == record["type"]


@pytest.mark.shared
def test_replay_bad_doi_text_404(cassettes: Path) -> None:
    cache = Cache(":memory:")
    resolver = recorded_resolver(cache)
    with replay(cassettes, "test-works_test_works_bad_id_warn"):
        assert resolver.lookup(["10.1371/notarealdoi"]) == {"10.1371/notarealdoi": None}
    assert cache.get("doi", "10.1371/notarealdoi").status == 404  # type: ignore[union-attr]
    sent = resolver.stats().requests
    # Remembered: asking again sends nothing (and no cassette is active to answer).
    assert resolver.lookup(["10.1371/notarealdoi"]) == {"10.1371/notarealdoi": None}
    assert resolver.stats().requests == sent == 1


@pytest.mark.shared
def test_replay_mixed_good_and_bad(cassettes: Path) -> None:
    dois = ["10.1371/journal.pone.0033693", "10.1371/notarealdoi", "10.1371/journal.pone.0020476"]
    with replay(cassettes, "test-works_test_works_mixed_ids_warn"):
        found = recorded_resolver().lookup(dois)
    assert found["10.1371/notarealdoi"] is None
    assert found["10.1371/journal.pone.0020476"] is not None
    assert found["10.1371/journal.pone.0020476"].year == 2011
    assert found["10.1371/journal.pone.0033693"] is not None


@pytest.mark.shared
def test_replay_query_with_scores(cassettes: Path) -> None:
    with replay(cassettes, "test-works_test_works_query"):
        works = recorded_resolver().search("ecology", rows=2)
    assert [w.doi for w in works] == [
        "10.1093/obo/9780199830060-0238",
        "10.1093/obo/9780199830060-0023",
    ]
    assert works[0].score == pytest.approx(11.044969)
    assert works[0].score >= works[1].score > 0


@pytest.mark.shared
def test_replay_select(cassettes: Path) -> None:
    resolver = CrossrefResolver(
        mailto=MAILTO, pacer=fast_pacer(), select=("DOI", "title"), query_field=None
    )
    with replay(cassettes, "test-works_test_works_with_select_param"):
        works = resolver.search("ecology", rows=None)
    assert len(works) == 20
    assert all(w.doi.startswith("10.1093/obo/") and w.title and not w.authors for w in works)


@pytest.mark.shared
def test_unrecorded_request_never_reaches_the_network(cassettes: Path) -> None:
    with (
        replay(cassettes, "test-works_test_works_query"),
        pytest.raises(vcr.errors.CannotOverwriteExistingCassetteException),
    ):
        recorded_resolver().search("something else", rows=2)


def test_replay_recorded_batch_out_of_order(data_dir: Path, tmp_path: Path) -> None:
    """The one recorded ``filter=doi:`` response (kept reduced in tests/data): items come back
    in another order than asked, with score 0, and are mapped by DOI."""
    recorded = json.loads((data_dir / "crossref" / "filter-doi-batch.json").read_text("utf-8"))
    cassette = tmp_path / "batch.yaml"
    cassette.write_text(
        yaml.safe_dump(
            {
                "version": 1,
                "interactions": [
                    {
                        "request": {
                            "method": "GET",
                            "uri": recorded["uri"],
                            "body": None,
                            "headers": {},
                        },
                        "response": {
                            "status": {"code": recorded["status"], "message": "OK"},
                            "headers": {k: [v] for k, v in recorded["headers"].items()},
                            "body": {"string": json.dumps(recorded["body"])},
                        },
                    }
                ],
            }
        ),
        encoding="utf-8",
    )
    asked = ["10.1007/s11192-025-05390-3", "10.1162/qss_a_00348", "10.1007/10452.1573-5125"]
    returned = [i["DOI"] for i in recorded["body"]["message"]["items"]]
    assert returned != asked and sorted(returned) == sorted(asked)
    resolver = CrossrefResolver(
        mailto=MAILTO, pacer=fast_pacer(), select=None, batch_min=2, cache=Cache(":memory:")
    )
    with vcr.use_cassette(str(cassette), record_mode="none"):
        found = resolver.lookup(asked)
    assert list(found) == asked
    article = found["10.1007/s11192-025-05390-3"]
    assert article is not None and article.container_title == "Scientometrics"
    assert article.title.startswith("Estimating transformative agreement impact")
    assert article.year == 2025 and article.authors[0].family == "Jahn"
    qss = found["10.1162/qss_a_00348"]
    assert qss is not None and (qss.volume, qss.pages) == ("6", "242-262")
    assert ("has-review", "10.1162/qss_a_00348/v1/review2") in qss.relation
    journal = found["10.1007/10452.1573-5125"]
    assert journal is not None and journal.type == "journal" and journal.year == 2013
    assert resolver.stats().requests == 1
    assert resolver.cache is not None and resolver.cache.count("doi") == 3


# --- loopback server ---------------------------------------------------------------------------

ODD_DOI = "10.1002/(sici)1097-4636(199706)35:4<427::aid-jbm1>3.0.co;2-#"


def _records() -> list[dict]:
    records = [sample_record(n) for n in range(40)]
    odd = sample_record(99)
    odd["DOI"] = ODD_DOI.upper()
    return [*records, odd]


RECORDS = _records()


@pytest.fixture
def server() -> Iterator[FakeCrossref]:
    with FakeCrossref(RECORDS, seed=7) as fake:
        yield fake


def resolver_for(
    server: FakeCrossref, cache: Cache | None = None, **kwargs: object
) -> CrossrefResolver:
    options: dict[str, object] = {"mailto": MAILTO, "pacer": fast_pacer(), "timeout": 5.0}
    options.update(kwargs)
    return CrossrefResolver(api_url=server.url, cache=cache, **options)  # type: ignore[arg-type]


def _params(path: str) -> dict[str, list[str]]:
    return parse_qs(urlsplit(path).query)


def test_search_request_shape(server: FakeCrossref) -> None:
    title = RECORDS[3]["title"][0]
    works = resolver_for(server).search(f"Author3, A. (1993). {title}. Journal of Examples", rows=1)
    params = _params(server.observed.paths[0])
    assert params["query.bibliographic"][0].startswith("Author3, A. (1993).")
    assert params["rows"] == ["2"]  # at least two rows, to see ties
    assert params["select"][0].split(",") == list(SELECT)
    assert "query" not in params
    assert works[0].doi == RECORDS[3]["DOI"].lower()
    assert works[0].score >= works[1].score
    agent = server.observed.agents[0]
    assert f"mailto:{MAILTO}" in agent and "citekit/" in agent


def test_empty_query_sends_nothing(server: FakeCrossref) -> None:
    assert resolver_for(server).search("   \n ") == []
    assert server.count() == 0


def test_batched_lookup_maps_unordered_items(server: FakeCrossref) -> None:
    dois = [r["DOI"].upper() for r in RECORDS[:25]] + ["10.5555/not-there"]
    found = resolver_for(server, batch_size=10).lookup(dois)
    paths = server.observed.paths
    assert len(paths) == 3 and all("filter=" in p for p in paths)
    batches = sorted(_params(p)["filter"][0].split(",") for p in paths)
    assert sorted(len(b) for b in batches) == [6, 10, 10]
    assert sorted(d for b in batches for d in b) == sorted(f"doi:{d.lower()}" for d in dois)
    assert found.pop("10.5555/not-there") is None
    assert len(found) == 25
    for record in RECORDS[:25]:
        work = found[record["DOI"].lower()]
        assert work is not None and work.title == record["title"][0]
    assert server.observed.answered == {"ok": 3}


def test_few_dois_use_the_single_route_and_404_text(server: FakeCrossref) -> None:
    found = resolver_for(server).lookup([RECORDS[0]["DOI"], "10.5555/nope"])
    assert found == {
        RECORDS[0]["DOI"].lower(): found[RECORDS[0]["DOI"].lower()],
        "10.5555/nope": None,
    }
    assert found[RECORDS[0]["DOI"].lower()] is not None
    assert sorted(urlsplit(p).path for p in server.observed.paths) == [
        "/works/10.5555/fake.00000",
        "/works/10.5555/nope",
    ]


def test_doi_with_url_special_characters(server: FakeCrossref) -> None:
    found = resolver_for(server).lookup([ODD_DOI])
    assert found[ODD_DOI] is not None
    assert "#" not in server.observed.paths[0] and "<" not in server.observed.paths[0]


def test_not_a_doi_is_none_without_a_request(server: FakeCrossref) -> None:
    assert resolver_for(server).lookup(["n/a", ""]) == {"n/a": None, "": None}
    assert server.count() == 0


def test_second_run_sends_zero_requests(server: FakeCrossref, tmp_path: Path) -> None:
    queries = [f"{r['author'][0]['family']} {r['title'][0]}" for r in RECORDS[:8]]
    dois = [r["DOI"] for r in RECORDS[10:20]] + ["10.5555/unknown"]
    with Cache(tmp_path / "cache.sqlite") as cache:
        first = resolver_for(server, cache)
        first_results = first.search_many(queries)
        first_found = first.lookup(dois)
        sent = server.count()
        assert sent == 8 + 1 and cache.stats.requests == sent
    with Cache(tmp_path / "cache.sqlite") as cache:
        second = resolver_for(server, cache)
        assert second.search_many(queries) == first_results
        assert second.lookup(dois) == first_found
        assert cache.stats.requests == 0 and second.stats().requests == 0
        assert cache.stats.hits == 8 + 11 and cache.stats.misses == 0
    assert server.count() == sent


def test_offline_answers_from_the_cache_only(server: FakeCrossref, tmp_path: Path) -> None:
    query = RECORDS[5]["title"][0]
    with Cache(tmp_path / "c.sqlite") as cache:
        resolver_for(server, cache).search(query)
        resolver_for(server, cache).lookup([RECORDS[6]["DOI"]])
    sent = server.count()
    with Cache(tmp_path / "c.sqlite") as cache:
        offline = resolver_for(server, cache, offline=True)
        assert offline.search(query)[0].doi == RECORDS[5]["DOI"].lower()
        assert offline.lookup([RECORDS[6]["DOI"]])[RECORDS[6]["DOI"].lower()] is not None
        with pytest.raises(NotLookedUp, match="offline"):
            offline.search("a query never asked")
        with pytest.raises(NotLookedUp) as info:
            offline.lookup([RECORDS[6]["DOI"], RECORDS[7]["DOI"]])
        assert info.value.missing == (RECORDS[7]["DOI"].lower(),)
        assert RECORDS[6]["DOI"].lower() in info.value.partial
    assert server.count() == sent


def test_retries_500_timeout_malformed_and_reset(server: FakeCrossref) -> None:
    server.timeout_delay = 2.5
    server.script.extend(["500", "timeout", "malformed", "reset", "503"])
    resolver = resolver_for(
        server, timeout=1.0, pacer=fast_pacer(backoff=Backoff(base=0.01, max_retries=5))
    )
    works = resolver.search(RECORDS[2]["title"][0])
    assert works[0].doi == RECORDS[2]["DOI"].lower()
    stats = resolver.stats()
    assert stats.retries == 5 and stats.requests == 6
    reasons = dict(stats.failures)
    assert reasons["timeout"] == 1 and reasons["malformed response"] == 1
    assert reasons["HTTP 500 server error"] == 1 and reasons["HTTP 503 server error"] == 1


def test_persistent_malformed_json_is_not_looked_up(server: FakeCrossref) -> None:
    server.fault, server.fault_rate = "malformed", 1.0
    with pytest.raises(NotLookedUp, match="malformed response"):
        resolver_for(server).lookup([RECORDS[0]["DOI"]])
    assert server.count() == 4  # one try and three retries


def test_bad_request_is_not_retried(server: FakeCrossref) -> None:
    server.script.append("400")
    resolver = resolver_for(server)
    with pytest.raises(NotLookedUp, match="HTTP 400"):
        resolver.search("anything at all")
    assert server.count() == 1 and resolver.stats().retries == 0


def test_retry_after_is_honoured(server: FakeCrossref) -> None:
    server.script.append("429:1")
    resolver = resolver_for(server)
    resolver.search(RECORDS[1]["title"][0])
    (first, _), (second, _) = server.observed.arrivals
    assert second - first >= 0.95
    assert resolver.stats().throttled == 1


def test_429_storm_completes_with_every_item_accounted_for(
    server: FakeCrossref, tmp_path: Path
) -> None:
    # The first 12 requests work, then every request is refused with 429.
    server.chooser = lambda number, kind: "ok" if number <= 12 else "429"
    queries = [f"{r['author'][0]['family']} {r['title'][0]}" for r in RECORDS[:30]]
    path = tmp_path / "c.sqlite"
    with Cache(path) as cache:
        resolver = resolver_for(server, cache)
        results = resolver.search_many(queries)
        answered = [r for r in results if r.ok]
        refused = [r for r in results if not r.ok]
        assert len(results) == 30 and len(answered) == 12 and len(refused) == 18
        assert all(r.works for r in answered)
        assert all("429" in (r.error or "") or "skipped" in (r.error or "") for r in refused)
        stats = resolver.stats()
        assert stats.throttled > 0 and stats.gave_up >= 3 and stats.skipped > 0
        # The circuit breaker spared the server most of the storm.
        assert server.count() < 12 + 18 * 4
        assert cache.count("search") == 12
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    db.close()
    # After the storm a rerun asks only what was refused.
    server.chooser = None
    before = server.count()
    with Cache(path) as cache:
        rerun = resolver_for(server, cache).search_many(queries)
    assert all(r.ok and r.works for r in rerun)
    assert server.count() - before == 18


def test_failed_batch_lookup_reports_partial_results(server: FakeCrossref) -> None:
    server.chooser = lambda number, kind: "ok" if number == 1 else "503"
    resolver = resolver_for(
        server, Cache(":memory:"), batch_size=5, pacer=fast_pacer(trip_after=None)
    )
    dois = [r["DOI"] for r in RECORDS[:10]]
    with pytest.raises(NotLookedUp) as info:
        resolver.lookup(dois)
    assert isinstance(info.value, NetworkError)
    assert len(info.value.partial) == 5 and len(info.value.missing) == 5
    answers, failed = resolver.lookup_outcome(dois)
    assert set(answers) == set(info.value.partial)  # now from the cache
    assert set(failed) == set(info.value.missing)


def test_ctrl_c_keeps_everything_fetched(server: FakeCrossref, tmp_path: Path) -> None:
    queries = [f"{r['author'][0]['family']} {r['title'][0]}" for r in RECORDS[:20]]
    seen: list[int] = []

    def interrupt(index: int, result: object) -> None:
        seen.append(index)
        if len(seen) == 4:
            raise KeyboardInterrupt

    path = tmp_path / "c.sqlite"
    with Cache(path) as cache:
        resolver = resolver_for(server, cache, pacer=Pacer(Limits(3, 20.0, 20.0)))
        with pytest.raises(KeyboardInterrupt):
            resolver.search_many(queries, on_result=interrupt)
    answered = server.observed.answered.get("ok", 0)
    assert 4 <= answered < 20  # it stopped early...
    with Cache(path) as cache:
        assert cache.count("search") == answered  # ...and lost nothing it had received
        offline = resolver_for(server, cache, offline=True)
        for index in seen:
            assert offline.search(queries[index])


def test_limits_follow_the_mailto(server: FakeCrossref, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CITEKIT_MAILTO", raising=False)
    monkeypatch.setattr(crossref_module, "_mailto_warned", False)
    with pytest.warns(MailtoWarning):
        anonymous = CrossrefResolver(api_url=server.url)
    assert anonymous.pacer.limits == ANONYMOUS
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        CrossrefResolver(api_url=server.url)  # warned once only
    monkeypatch.setenv("CITEKIT_MAILTO", "mailto:someone@example.org")
    polite = CrossrefResolver(api_url=server.url)
    assert polite.mailto == "someone@example.org" and polite.pacer.limits == POLITE
    assert CrossrefResolver(mailto="x@example.net", api_url=server.url).mailto == "x@example.net"


def test_bad_settings_are_config_errors() -> None:
    with pytest.raises(ConfigError, match="e-mail"):
        CrossrefResolver(mailto="not an address")
    with pytest.raises(ConfigError, match="http"):
        CrossrefResolver(mailto=MAILTO, api_url="ftp://mirror.example.org")


def test_unreachable_server_is_not_looked_up() -> None:
    with FakeCrossref() as fake:
        url = fake.url
    resolver = CrossrefResolver(mailto=MAILTO, api_url=url, pacer=fast_pacer(), timeout=1.0)
    with pytest.raises(NotLookedUp, match="connection failed"):
        resolver.search("anything")


def test_open_crossref(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CITEKIT_CACHE", str(tmp_path / "default.sqlite"))
    resolver = crossref_module.open_crossref(mailto=MAILTO, offline=True)
    assert resolver.cache is not None and resolver.cache.path == tmp_path / "default.sqlite"
    other = crossref_module.open_crossref(mailto=MAILTO, cache=tmp_path / "other.sqlite")
    assert other.cache is not None and other.cache.path == tmp_path / "other.sqlite"
    assert crossref_module.open_crossref(mailto=MAILTO, cache=False).cache is None
    other.close()  # closes the cache it opened
    with pytest.raises(sqlite3.ProgrammingError):
        other.cache.count()
    assert other.stats().cache_hits == 0  # still readable after close
    with pytest.raises(NotLookedUp, match="interrupted"):
        other.search("anything")
    assert other.lookup_outcome(["10.1/x"]) == ({}, {"10.1/x": "interrupted"})
    with pytest.raises(ConfigError, match="offline"):
        crossref_module.open_crossref(mailto=MAILTO, cache=False, offline=True)
    with pytest.raises(ConfigError, match="select"):
        CrossrefResolver(mailto=MAILTO, select=("DOI", "no-such-field"))


def test_fake_server_reports_limit_violations() -> None:
    """The benchmark's referee: an unpaced client is caught exceeding the limits."""
    with FakeCrossref(RECORDS, concurrency=1, rate=2, search_rate=1, latency=(0.05, 0.05)) as fake:
        greedy = CrossrefResolver(mailto=MAILTO, api_url=fake.url, pacer=fast_pacer())
        greedy.search_many([r["title"][0] for r in RECORDS[:6]])
        report = fake.report()
    assert report["searches"] == 6 and report["max_in_flight"] >= 2
    assert report["peak_searches_per_second"] >= 3
    assert any("in flight" in v for v in report["violations"])
    assert any("searches in one second" in v for v in report["violations"])


def test_cli_second_run_sends_zero_requests(
    server: FakeCrossref, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """End to end: ``citekit enrich`` twice over one .bib; the rerun is answered by the cache."""
    from click.testing import CliRunner

    from citekit.cli import cli

    record = RECORDS[3]
    bib = tmp_path / "refs.bib"
    bib.write_text(
        "@article{a,\n"
        "  author = {Author3, Ada and Second, B.},\n"
        f"  title = {{{record['title'][0]}}},\n"
        "  journal = {Journal of Examples},\n"
        f"  year = {{{record['issued']['date-parts'][0][0]}}},\n"
        f"  volume = {{{record['volume']}}},\n"
        f"  pages = {{{record['page'].replace('-', '--')}}},\n"
        "}\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("CITEKIT_MAILTO", MAILTO)
    args = ["enrich", str(bib), "--api-url", server.url, "--cache", str(tmp_path / "c.sqlite")]
    args += ["--report", "json"]
    first = CliRunner().invoke(cli, args)
    assert first.exit_code == 0, first.output
    sent = server.count()
    assert sent >= 1
    second = CliRunner().invoke(cli, args)
    assert second.exit_code == 0, second.output
    stats = json.loads(second.stdout)["stats"]
    assert stats["crossref_requests"] == 0 and stats["crossref_cache_hits"] >= 1
    assert server.count() == sent


def test_search_many_asks_a_repeated_reference_once(server: FakeCrossref) -> None:
    title = RECORDS[8]["title"][0]
    queries = [title, "  " + title.upper() + " ", RECORDS[9]["title"][0], title]
    seen: list[int] = []
    results = resolver_for(server).search_many(queries, on_result=lambda i, r: seen.append(i))
    assert server.count() == 2
    assert sorted(seen) == [0, 1, 2, 3]
    assert [r.query for r in results] == queries
    assert results[0].works == results[1].works == results[3].works
    assert results[2].works[0].doi == RECORDS[9]["DOI"].lower()


def test_refused_batch_falls_back_to_single_lookups(server: FakeCrossref) -> None:
    server.script.append("400")
    dois = [r["DOI"] for r in RECORDS[:4]]
    found = resolver_for(server).lookup(dois)
    assert all(found[d.lower()] is not None for d in dois)
    paths = server.observed.paths
    assert "filter=" in paths[0] and len(paths) == 5
    assert all(urlsplit(p).path.startswith("/works/10.5555/") for p in paths[1:])


def test_connections_are_kept_alive(server: FakeCrossref) -> None:
    resolver = resolver_for(server, pacer=Pacer(Limits(1, 500.0, 500.0)))
    resolver.lookup([RECORDS[0]["DOI"], RECORDS[1]["DOI"]])  # two single-DOI requests
    for record in RECORDS[2:6]:
        resolver.search(record["title"][0])
    assert server.count() == 6
    assert server.connections == 1


def test_kept_alive_stand_in_passes_unknown_arguments_to_httpx(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls: list[tuple[str, dict]] = []

    class Module:
        def get(self, url: str, **kwargs: object) -> str:
            calls.append(("module", kwargs))
            return "module"

    class Client:
        def get(self, url: str, **kwargs: object) -> str:
            calls.append(("client", kwargs))
            return "client"

    shim = crossref_module._KeptAliveHttp(Module(), Client())  # type: ignore[arg-type]
    assert shim.get("u", params={}, headers={}, timeout=5) == "client"
    assert shim.get("u", verify=False) == "module"
    assert [c for c, _ in calls] == ["client", "module"]
