"""Benchmark: does the Crossref client use its allowance without ever exceeding it?

Runs ``CrossrefResolver`` against the loopback ``FakeCrossref`` server set to
Crossref's published limits and prints, per scenario, the rate reached as a
share of the allowed rate, the busiest one-second window, the most requests in
flight, and any violation the server saw.  Exit status 1 if a limit was
exceeded or a rate stayed under 90% of its allowance.

    python -m citekit.bench.crossref_rate [--shared PATH] [--quick]

Scenarios: polite searches (3/s, 3 concurrent), polite single-DOI look-ups
(10/s), both at once (10/s overall, searches 3/s), anonymous searches (1/s, 1
concurrent).  The server answers after a random delay (``LATENCY``) short
enough for the rate limit, not the latency, to bind.  Records come from ``works-sample`` under ``--shared`` when
present, else made-up ones.
"""

from __future__ import annotations

import argparse
import gzip
import json
import multiprocessing
import os
import statistics
import sys
import threading
import time
import warnings
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from citekit.bench.fake_crossref import FakeCrossref, sample_record
from citekit.enrich.cache import Cache
from citekit.enrich.crossref import CrossrefResolver, MailtoWarning
from citekit.enrich.pacing import ANONYMOUS, POLITE, Limits, Pacer

# Server answer times (seconds) per scenario.  A client can reach at most
# ``concurrency / mean latency`` requests per second, so these are chosen for the
# rate limit, not the latency, to bind (Crossref's DOI look-ups are quick,
# searches slower).
HEADROOM = Pacer().headroom  # the library default; --headroom overrides it here
LATENCY = {"search": (0.1, 0.6), "lookup": (0.02, 0.15), "mixed": (0.05, 0.3)}


def _records(shared: Path | None, count: int) -> list[dict[str, Any]]:
    if shared is not None:
        path = shared / "data" / "crossref" / "works-sample" / "works-sample.jsonl.gz"
        if path.is_file():
            with gzip.open(path, "rt", encoding="utf-8") as lines:
                records = [json.loads(line) for _, line in zip(range(count), lines, strict=False)]
            for record in records:
                record.pop("_source", None)
            return records
    return [sample_record(n) for n in range(count)]


def _query(record: dict[str, Any]) -> str:
    authors = ", ".join(a.get("family", a.get("name", "")) for a in record.get("author", [])[:3])
    title = (record.get("title") or [""])[0]
    return f"{authors} {title} {(record.get('container-title') or [''])[0]}".strip()


def _serve(
    conn: Connection, records: list[dict[str, Any]], limits: Limits, latency: tuple[float, float]
) -> None:
    """Child process: run the server until told to stop, then send its report."""
    with FakeCrossref(
        records,
        concurrency=limits.concurrency,
        rate=limits.rate,
        search_rate=limits.search_rate,
        latency=latency,
    ) as server:
        conn.send(server.url)
        conn.recv()
        conn.send(server.report())


def _scenario(
    name: str,
    limits: Limits,
    records: list[dict[str, Any]],
    searches: int,
    lookups: int,
    latency: tuple[float, float],
    headroom: float = HEADROOM,
) -> dict[str, Any]:
    # The server runs in its own process, as a real one would: arrival times are
    # then not skewed by the client's threads holding this interpreter's GIL.
    ours, theirs = multiprocessing.Pipe()
    process = multiprocessing.Process(target=_serve, args=(theirs, records, limits, latency))
    process.start()
    starts: list[float] = []  # when the pacer let each request go (same clock as the server)
    try:
        url = ours.recv()
        resolver = CrossrefResolver(
            mailto="bench@example.org" if limits is POLITE else None,
            api_url=url,
            cache=Cache(":memory:"),
            pacer=Pacer(limits, headroom=headroom, on_start=lambda kind, when: starts.append(when)),
            batch_min=10**6,  # single-DOI look-ups: the rate-bound case
            timeout=10,
        )
        queries = [_query(r) for r in records[:searches]]
        dois = [r["DOI"] for r in records[:lookups]]
        start = time.monotonic()
        errors: list[str] = []

        def run_lookups() -> None:
            _, failed = resolver.lookup_outcome(dois)
            errors.extend(failed.values())

        worker = threading.Thread(target=run_lookups) if dois else None
        if worker:
            worker.start()
        if queries:
            errors.extend(r.error for r in resolver.search_many(queries) if r.error)
        if worker:
            worker.join()
        elapsed = time.monotonic() - start
        ours.send("stop")
        report: dict[str, Any] = ours.recv()
    finally:
        process.join(timeout=10)
        if process.is_alive():
            process.terminate()
    arrivals = sorted(t for t, _ in report.pop("arrivals"))
    delays = sorted(a - s for a, s in zip(arrivals, sorted(starts), strict=False))
    report.update(
        name=name,
        limits=limits,
        elapsed=elapsed,
        errors=len(errors),
        delays=delays,
        margin_ms=(1 / headroom - 1) * 1000,
    )
    return report


def _print(report: dict[str, Any]) -> bool:
    limits: Limits = report["limits"]
    ok = not report["violations"] and not report["errors"]
    lines = [
        f"{report['name']}: {report['requests']} requests in {report['elapsed']:.1f} s, "
        f"max in flight {report['max_in_flight']} (limit {limits.concurrency}), "
        f"busiest second {report['peak_per_second']} requests "
        f"/ {report['peak_searches_per_second']} searches"
    ]
    shares = []
    if report["lookups"] and not report["searches"]:
        shares.append(("look-ups", report["lookup_rate"], limits.rate))
    if report["searches"]:
        shares.append(("searches", report["search_rate"], limits.search_rate))
    if report["searches"] and report["lookups"]:
        shares.append(("all requests", report["rate"], limits.rate))
    for label, rate, allowed in shares:
        share = rate / allowed
        lines.append(f"  {label}: {rate:.2f}/s of {allowed:g}/s allowed = {share:.1%}")
        # Mixed traffic cannot fill the overall rate while searches wait on theirs.
        if share < 0.90 and label != "all requests":
            ok = False
    delays = report["delays"]
    if delays:
        lines.append(
            f"  pacer-to-server delay: median {statistics.median(delays) * 1000:.0f} ms, "
            f"spread {(delays[-1] - delays[0]) * 1000:.0f} ms "
            f"(the pacer's margin absorbs a spread up to {report['margin_ms']:.0f} ms)"
        )
    for violation in report["violations"]:
        lines.append(f"  VIOLATION: {violation}")
    if report["errors"]:
        lines.append(f"  {report['errors']} items not looked up")
    lines.append(f"  -> {'ok' if ok else 'FAILED'}")
    print("\n".join(lines))
    return ok


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m citekit.bench.crossref_rate")
    parser.add_argument("--shared", type=Path, default=None, help="the shared data folder")
    parser.add_argument("--quick", action="store_true", help="fewer requests (about 20 s)")
    parser.add_argument(
        "--headroom",
        type=float,
        default=HEADROOM,
        help=f"share of each limit to pace at (default {HEADROOM}, the library's)",
    )
    args = parser.parse_args(argv)
    warnings.simplefilter("ignore", MailtoWarning)
    scale = 1 if args.quick else 2
    records = _records(args.shared, 200)
    scenarios = [
        ("polite searches", POLITE, 15 * scale, 0, LATENCY["search"]),
        ("polite DOI look-ups", POLITE, 0, 40 * scale, LATENCY["lookup"]),
        ("polite mixed", POLITE, 9 * scale, 30 * scale, LATENCY["mixed"]),
        ("anonymous searches", ANONYMOUS, 4 * scale, 0, LATENCY["search"]),
    ]
    ok = True
    for name, limits, searches, lookups, latency in scenarios:
        print(f"{name}: server latency {latency[0] * 1000:.0f}-{latency[1] * 1000:.0f} ms")
        ok &= _print(_scenario(name, limits, records, searches, lookups, latency, args.headroom))
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"machine load average {load:.1f} on {os.cpu_count()} CPUs")
    print("all limits kept, >= 90% of the allowed rate" if ok else "FAILED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
