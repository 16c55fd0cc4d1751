"""Pacer: spacing, concurrency, backoff with jitter, Retry-After, circuit breaker (simulated time)."""

from __future__ import annotations

import itertools
import random
import threading
import time
from collections.abc import Iterator

import pytest

from citekit.bench.fake_crossref import max_in_window
from citekit.enrich.pacing import (
    ANONYMOUS,
    POLITE,
    Backoff,
    GaveUp,
    Limits,
    Pacer,
    Retryable,
)
from citekit.errors import NetworkError


class FakeClock:
    """Simulated time: ``sleep`` advances the clock and records each wait."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.sleeps: list[float] = []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        assert seconds >= 0
        self.sleeps.append(seconds)
        self.now += seconds


def _pacer(limits: Limits = POLITE, **kwargs: object) -> tuple[Pacer, FakeClock]:
    clock = FakeClock()
    pacer = Pacer(limits, clock=clock, sleep=clock.sleep, rng=random.Random(1), **kwargs)  # type: ignore[arg-type]
    return pacer, clock


def _starts(pacer: Pacer, clock: FakeClock, kinds: list[str]) -> list[tuple[float, str]]:
    starts = []
    for kind in kinds:
        with pacer.slot(kind):  # type: ignore[arg-type]
            starts.append((clock.now, kind))
    return starts


def test_searches_spaced_under_three_per_second() -> None:
    pacer, clock = _pacer()
    starts = [t for t, _ in _starts(pacer, clock, ["search"] * 30)]
    gaps = [b - a for a, b in itertools.pairwise(starts)]
    assert min(gaps) == pytest.approx(1 / (3 * pacer.headroom))
    assert max_in_window(starts) == 3
    rate = (len(starts) - 1) / (starts[-1] - starts[0])
    assert 0.9 * 3 <= rate <= 3


def test_lookups_spaced_under_ten_per_second() -> None:
    pacer, clock = _pacer()
    starts = [t for t, _ in _starts(pacer, clock, ["lookup"] * 50)]
    assert max_in_window(starts) == 10
    assert (len(starts) - 1) / (starts[-1] - starts[0]) >= 9.0


def test_mixed_traffic_keeps_both_limits() -> None:
    pacer, clock = _pacer()
    kinds = ["search", "lookup", "lookup", "lookup"] * 15
    starts = _starts(pacer, clock, kinds)
    assert max_in_window(t for t, _ in starts) <= 10
    assert max_in_window(t for t, k in starts if k == "search") <= 3


def test_anonymous_pool_one_per_second() -> None:
    pacer, clock = _pacer(ANONYMOUS)
    starts = [t for t, _ in _starts(pacer, clock, ["lookup", "search"] * 5)]
    assert max_in_window(starts) == 1
    assert pacer.limits.concurrency == 1


def test_concurrency_is_capped_with_real_threads() -> None:
    pacer = Pacer(Limits(concurrency=2, rate=1000, search_rate=1000))
    lock = threading.Lock()
    flight = {"now": 0, "max": 0}

    def work() -> None:
        for _ in range(5):
            with pacer.slot("search"):
                with lock:
                    flight["now"] += 1
                    flight["max"] = max(flight["max"], flight["now"])
                time.sleep(0.01)
                with lock:
                    flight["now"] -= 1

    threads = [threading.Thread(target=work) for _ in range(5)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert flight["max"] == 2
    assert pacer.stats.requests == 25


def test_backoff_delays_grow_and_are_jittered() -> None:
    backoff = Backoff(base=1.0, factor=2.0, cap=8.0)
    rng = random.Random(3)
    for attempt, step in enumerate([1, 2, 4, 8, 8]):
        delays = [backoff.delay(attempt, rng) for _ in range(50)]
        assert all(step / 2 <= d <= step for d in delays)
        assert len(set(delays)) > 1  # jitter
    assert backoff.delay(0, rng, retry_after=30) == 30
    assert backoff.delay(0, rng, retry_after=10_000) == backoff.max_retry_after


def test_retries_then_succeeds() -> None:
    pacer, clock = _pacer(backoff=Backoff(base=1.0))
    answers: Iterator[Retryable | str] = iter(
        [Retryable("HTTP 500 server error"), Retryable("timeout"), "done"]
    )

    def call() -> str:
        answer = next(answers)
        if isinstance(answer, Exception):
            raise answer
        return answer

    assert pacer.run("lookup", call) == "done"
    assert pacer.stats.requests == 3
    assert pacer.stats.retries == 2
    assert pacer.stats.failures == {"HTTP 500 server error": 1, "timeout": 1}
    backoffs = [s for s in clock.sleeps if s >= 0.5]
    assert len(backoffs) == 2 and 0.5 <= backoffs[0] <= 1.0 and 1.0 <= backoffs[1] <= 2.0


def test_429_pauses_every_thread_and_honours_retry_after() -> None:
    pacer, clock = _pacer()
    calls: list[float] = []

    def call() -> str:
        calls.append(clock.now)
        if len(calls) == 1:
            raise Retryable("HTTP 429 too many requests", retry_after=7, throttled=True)
        return "ok"

    assert pacer.run("search", call) == "ok"
    assert calls[1] - calls[0] >= 7
    assert pacer.stats.throttled == 1


def test_pause_delays_a_booked_request() -> None:
    pacer, clock = _pacer()
    with pacer.slot("search"):
        pass
    pacer.pause(5)
    start = clock.now
    with pacer.slot("search"):
        assert clock.now >= start + 5


def test_gives_up_after_bounded_retries() -> None:
    pacer, _clock = _pacer(backoff=Backoff(max_retries=2), trip_after=None)
    count = 0

    def call() -> None:
        nonlocal count
        count += 1
        raise Retryable("HTTP 503 server error")

    with pytest.raises(GaveUp) as info:
        pacer.run("lookup", call)
    assert count == 3
    assert info.value.attempts == 3
    assert "503" in str(info.value) and "3 attempts" in str(info.value)
    assert isinstance(info.value, NetworkError)
    assert pacer.stats.gave_up == 1


def test_trips_after_consecutive_give_ups_and_resets() -> None:
    pacer, _ = _pacer(backoff=Backoff(max_retries=0), trip_after=2)
    sent = 0

    def failing() -> None:
        nonlocal sent
        sent += 1
        raise Retryable("timeout")

    for _ in range(2):
        with pytest.raises(GaveUp):
            pacer.run("lookup", failing)
    assert pacer.tripped
    with pytest.raises(GaveUp) as info:
        pacer.run("lookup", failing)
    assert info.value.skipped and sent == 2
    assert pacer.stats.skipped == 1
    pacer.reset()
    assert pacer.run("lookup", lambda: 5) == 5


def test_success_resets_the_consecutive_count() -> None:
    pacer, _ = _pacer(backoff=Backoff(max_retries=0), trip_after=2)

    def failing() -> None:
        raise Retryable("timeout")

    with pytest.raises(GaveUp):
        pacer.run("lookup", failing)
    pacer.run("lookup", lambda: None)
    with pytest.raises(GaveUp):
        pacer.run("lookup", failing)
    assert not pacer.tripped


def test_other_exceptions_pass_through_without_retry() -> None:
    pacer, _ = _pacer()

    def call() -> None:
        raise KeyError("bug")

    with pytest.raises(KeyError):
        pacer.run("lookup", call)
    assert pacer.stats.retries == 0


def test_cancel_stops_at_once() -> None:
    pacer, _ = _pacer()
    pacer.cancel()
    with pytest.raises(GaveUp) as info:
        pacer.run("search", lambda: 1)
    assert info.value.skipped
    pacer.reset()
    assert pacer.run("search", lambda: 1) == 1


def test_invalid_settings() -> None:
    with pytest.raises(ValueError):
        Limits(concurrency=0, rate=1, search_rate=1)
    with pytest.raises(ValueError):
        Pacer(POLITE, headroom=1.5)


def test_waiting_search_goes_before_waiting_lookups() -> None:
    pacer = Pacer(Limits(concurrency=1, rate=1000, search_rate=1000))
    order: list[str] = []
    holding = threading.Event()
    release = threading.Event()

    def first() -> None:
        with pacer.slot("lookup"):
            holding.set()
            release.wait(5)

    def later(kind: str) -> None:
        with pacer.slot(kind):  # type: ignore[arg-type]
            order.append(kind)

    threads = [threading.Thread(target=first)]
    threads[0].start()
    holding.wait(5)
    for kind in ("lookup", "lookup", "search"):
        threads.append(threading.Thread(target=later, args=(kind,)))
        threads[-1].start()
        time.sleep(0.1)
    deadline = time.monotonic() + 5
    while pacer._searches_pending != 1 and time.monotonic() < deadline:
        time.sleep(0.01)
    time.sleep(0.1)  # everyone is now waiting at the gate
    release.set()
    for thread in threads:
        thread.join(5)
    assert order == ["search", "lookup", "lookup"]


def test_on_start_reports_each_request() -> None:
    seen: list[tuple[str, float]] = []
    clock = FakeClock()
    pacer = Pacer(
        POLITE, clock=clock, sleep=clock.sleep, on_start=lambda kind, t: seen.append((kind, t))
    )
    pacer.run("search", lambda: None)
    pacer.run("lookup", lambda: None)
    assert [k for k, _ in seen] == ["search", "lookup"]
    assert seen[1][1] - seen[0][1] >= 1 / (POLITE.rate * pacer.headroom) - 1e-9
