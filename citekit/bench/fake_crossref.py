"""A small Crossref-shaped HTTP server on the loopback interface, for tests and benchmarks.

It answers the three routes citekit uses, with the real API's shapes:

* ``GET /works/{doi}``: a ``work`` body, or 404 with the text body
  "Resource not found." (as the real API does);
* ``GET /works?filter=doi:A,doi:B&rows=N``: a ``work-list`` whose items come
  back in another order than asked, each with ``"score": 0.0``;
* ``GET /works?query.bibliographic=...&rows=N&select=...``: a ``work-list``
  ranked by word overlap, with a ``score``.

It can misbehave on purpose: a script of actions for the next requests, or a
random share of failures: ``429`` (``429:5`` adds ``Retry-After: 5``), ``400``
(a JSON validation failure), ``500``/``503``, ``timeout`` (answers only
after a delay longer than the client waits), ``malformed`` (a 200 with broken
JSON) and ``reset`` (closes the connection).  It watches the client: the most
requests in flight at once, and the most requests (and searches) that fell in
any one-second window, checked against the limits it was given.
"""

from __future__ import annotations

import json
import random
import re
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

Action = str  # "ok", "429", "429:<seconds>", "400", "500", "503", "timeout", "malformed", "reset"

_WORD = re.compile(r"\w+")


@dataclass(slots=True)
class Observed:
    """What the server saw (times are ``time.monotonic()`` at arrival)."""

    arrivals: list[tuple[float, str]] = field(default_factory=list)  # (time, kind)
    in_flight: int = 0
    max_in_flight: int = 0
    answered: dict[str, int] = field(default_factory=dict)  # action -> count
    paths: list[str] = field(default_factory=list)
    agents: list[str] = field(default_factory=list)  # User-Agent headers


def max_in_window(times: Iterable[float], window: float = 1.0) -> int:
    """The most events in any half-open window ``[t, t + window)``."""
    ordered = sorted(times)
    best = 0
    start = 0
    for end, t in enumerate(ordered):
        while ordered[start] <= t - window:
            start += 1
        best = max(best, end - start + 1)
    return best


def sample_record(n: int) -> dict[str, Any]:
    """A made-up but Crossref-shaped journal article, number ``n``."""
    rng = random.Random(n)
    words = ["river", "carbon", "network", "model", "urban", "soil", "signal", "policy", "cell"]
    title = " ".join(rng.choice(words).capitalize() for _ in range(4)) + f" study {n}"
    return {
        "DOI": f"10.5555/fake.{n:05d}",
        "type": "journal-article",
        "title": [title],
        "author": [
            {"given": "Ada", "family": f"Author{n}", "sequence": "first"},
            {"given": "B.", "family": "Second", "sequence": "additional"},
        ],
        "issued": {"date-parts": [[1990 + n % 30, 1 + n % 12]]},
        "container-title": ["Journal of Examples"],
        "volume": str(1 + n % 40),
        "issue": str(1 + n % 4),
        "page": f"{n % 300 + 1}-{n % 300 + 12}",
        "publisher": "Example Press",
    }


class FakeCrossref:
    """The server; use as a context manager, ``url`` is its base URL."""

    def __init__(
        self,
        records: Iterable[Mapping[str, Any]] = (),
        *,
        concurrency: int | None = None,
        rate: float | None = None,
        search_rate: float | None = None,
        latency: tuple[float, float] = (0.0, 0.0),
        timeout_delay: float = 2.0,
        seed: int = 0,
    ) -> None:
        self.records = {str(r["DOI"]).lower(): dict(r) for r in records}
        self.limits = (concurrency, rate, search_rate)
        self.latency = latency
        self.timeout_delay = timeout_delay
        self.script: deque[Action] = deque()
        self.fault: Action = "429"
        self.fault_rate = 0.0
        self.chooser: Callable[[int, str], Action | None] | None = None
        self.observed = Observed()
        self._rng = random.Random(seed)
        self._lock = threading.Lock()
        self._server = _StampingServer(("127.0.0.1", 0), self._handler_class())
        self._server.daemon_threads = True
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}"

    def __enter__(self) -> FakeCrossref:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()

    # -- what the client did ------------------------------------------------------------------

    @property
    def connections(self) -> int:
        """TCP connections accepted so far (fewer than requests when they are kept alive)."""
        return self._server.connections

    def count(self, kind: str | None = None) -> int:
        with self._lock:
            return sum(1 for _, k in self.observed.arrivals if kind is None or k == kind)

    def report(self) -> dict[str, Any]:
        """Observed concurrency and rates, and any violation of the configured limits."""
        with self._lock:
            arrivals = list(self.observed.arrivals)
            max_flight = self.observed.max_in_flight
            answered = dict(self.observed.answered)
        every = [t for t, _ in arrivals]
        searches = [t for t, k in arrivals if k == "search"]
        lookups = [t for t, k in arrivals if k == "lookup"]
        concurrency, rate, search_rate = self.limits
        violations = []
        peak_all = max_in_window(every)
        peak_search = max_in_window(searches)
        if concurrency is not None and max_flight > concurrency:
            violations.append(f"{max_flight} requests in flight (limit {concurrency})")
        if rate is not None and peak_all > rate:
            violations.append(f"{peak_all} requests in one second (limit {rate:g})")
        if search_rate is not None and peak_search > search_rate:
            violations.append(f"{peak_search} searches in one second (limit {search_rate:g})")
        return {
            "requests": len(every),
            "searches": len(searches),
            "lookups": len(lookups),
            "max_in_flight": max_flight,
            "connections": self._server.connections,
            "peak_per_second": peak_all,
            "peak_searches_per_second": peak_search,
            "search_rate": _mean_rate(searches),
            "lookup_rate": _mean_rate(lookups),
            "rate": _mean_rate(every),
            "answered": answered,
            "violations": violations,
            "arrivals": arrivals,
        }

    # -- answering ----------------------------------------------------------------------------

    def _choose(self, number: int, kind: str) -> Action:
        with self._lock:
            if self.script:
                return self.script.popleft()
            if self.chooser is not None:
                chosen = self.chooser(number, kind)
                if chosen is not None:
                    return chosen
            if self.fault_rate and self._rng.random() < self.fault_rate:
                return self.fault
            return "ok"

    def _search(self, params: Mapping[str, list[str]]) -> dict[str, Any]:
        query = (params.get("query.bibliographic") or params.get("query") or [""])[0]
        rows = int((params.get("rows") or ["20"])[0])
        words = set(_WORD.findall(query.lower()))
        scored = []
        for record in self.records.values():
            text = " ".join(
                [*record.get("title", []), *(a.get("family", "") for a in record.get("author", []))]
            )
            overlap = len(words & set(_WORD.findall(text.lower())))
            if overlap:
                scored.append((overlap, record["DOI"], record))
        scored.sort(key=lambda s: (-s[0], s[1]))
        items = [dict(r, score=float(score) * 3.7) for score, _, r in scored[:rows]]
        return _work_list(items, len(scored), params)

    def _by_filter(self, params: Mapping[str, list[str]]) -> dict[str, Any]:
        wanted = [
            part[4:].lower()
            for part in (params.get("filter") or [""])[0].split(",")
            if part.startswith("doi:")
        ]
        items = [dict(self.records[d], score=0.0) for d in wanted if d in self.records]
        self._rng.shuffle(items)
        if len(items) > 1 and [i["DOI"].lower() for i in items] == [
            d for d in wanted if d in self.records
        ]:
            items.reverse()  # never the order asked for
        return _work_list(items, len(items), params)

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: Any) -> None:
                pass

            def parse_request(self) -> bool:
                # Arrival: when the connection was accepted (before a thread was
                # started for it), else (a kept-alive connection) now.
                stamped = server._server.accepted.pop(id(self.request), None)
                self.arrived = stamped if stamped is not None else time.monotonic()
                return super().parse_request()

            def do_GET(self) -> None:
                parts = urlsplit(self.path)
                params = parse_qs(parts.query)
                if parts.path.rstrip("/") == "/works":
                    kind = "lookup" if "filter" in params else "search"
                else:
                    kind = "lookup"
                with server._lock:
                    server.observed.arrivals.append((self.arrived, kind))
                    server.observed.paths.append(self.path)
                    server.observed.agents.append(self.headers.get("User-Agent", ""))
                    number = len(server.observed.arrivals)
                    server.observed.in_flight += 1
                    server.observed.max_in_flight = max(
                        server.observed.max_in_flight, server.observed.in_flight
                    )
                try:
                    action = server._choose(number, kind)
                    with server._lock:
                        server.observed.answered[action] = (
                            server.observed.answered.get(action, 0) + 1
                        )
                    low, high = server.latency
                    if high > 0:
                        time.sleep(server._rng.uniform(low, high))
                    self._answer(action, parts.path, params)
                except (BrokenPipeError, ConnectionResetError):
                    pass
                finally:
                    with server._lock:
                        server.observed.in_flight -= 1

            def _send(
                self, status: int, body: bytes, ctype: str, extra: Mapping[str, str] = {}
            ) -> None:
                self.send_response(status)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
                for name, value in extra.items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(body)

            def _json(self, status: int, body: object) -> None:
                self._send(status, json.dumps(body).encode(), "application/json")

            def _answer(self, action: Action, path: str, params: Mapping[str, list[str]]) -> None:
                if action == "reset":
                    self.close_connection = True
                    self.connection.close()
                    return
                if action == "timeout":
                    time.sleep(server.timeout_delay)
                    action = "ok"
                if action.startswith("429"):
                    extra = {"Retry-After": action.split(":", 1)[1]} if ":" in action else {}
                    self._send(429, b"Too Many Requests", "text/plain", extra)
                    return
                if action in ("500", "502", "503", "504"):
                    self._send(int(action), b"<html>Server error</html>", "text/html")
                    return
                if action == "400":
                    self._json(
                        400,
                        {
                            "status": "failed",
                            "message-type": "validation-failure",
                            "message": [{"type": "bad-request", "message": "Invalid parameter"}],
                        },
                    )
                    return
                if action == "malformed":
                    self._send(
                        200, b'{"status": "ok", "message-type": "work", "mess', "application/json"
                    )
                    return
                if path.rstrip("/") == "/works":
                    body = self._by_filter(params) if "filter" in params else server._search(params)
                    self._json(200, body)
                    return
                if path.startswith("/works/"):
                    doi = unquote(path[len("/works/") :]).lower()
                    record = server.records.get(doi)
                    if record is None:
                        self._send(404, b"Resource not found.", "text/plain")
                    else:
                        self._json(
                            200,
                            {
                                "status": "ok",
                                "message-type": "work",
                                "message-version": "1.0.0",
                                "message": dict(record, score=1),
                            },
                        )
                    return
                self._send(404, b"Resource not found.", "text/plain")

            def _by_filter(self, params: Mapping[str, list[str]]) -> dict[str, Any]:
                with server._lock:
                    return server._by_filter(params)

        return Handler


class _StampingServer(ThreadingHTTPServer):
    """Notes the time each connection is accepted, before its handler thread starts."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self.accepted: dict[int, float] = {}
        self.connections = 0
        super().__init__(*args, **kwargs)

    def process_request(self, request: Any, client_address: Any) -> None:
        self.accepted[id(request)] = time.monotonic()
        self.connections += 1
        super().process_request(request, client_address)


def _work_list(
    items: list[dict[str, Any]], total: int, params: Mapping[str, list[str]]
) -> dict[str, Any]:
    select = (params.get("select") or [""])[0]
    if select:
        keep = set(select.split(","))
        items = [{k: v for k, v in item.items() if k in keep} for item in items]
    return {
        "status": "ok",
        "message-type": "work-list",
        "message-version": "1.0.0",
        "message": {
            "facets": {},
            "total-results": total,
            "items": items,
            "items-per-page": len(items),
        },
    }


def _mean_rate(times: list[float]) -> float:
    """Requests per second between the first and the last arrival."""
    if len(times) < 2:
        return 0.0
    span = max(times) - min(times)
    return (len(times) - 1) / span if span > 0 else float("inf")
