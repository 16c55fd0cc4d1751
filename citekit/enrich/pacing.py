"""Client-side pacing for a rate-limited API: request rate, concurrency, backoff with jitter.

Crossref publishes its limits (2026): the polite pool (requests carrying a
``mailto``) allows 3 concurrent requests, 10 requests per second and about 3
searches per second; the anonymous pool 1 concurrent request at 1 per second.
Its 429 answers carry no ``Retry-After``.  ``Pacer`` keeps a client under
such limits on its own instead of waiting to be told:

* a gate caps requests in flight (waiting searches are let in first: their
  budget is the scarcer one);
* requests are *spaced* (one every ``1/rate`` seconds, no bursts), per kind
  ("search" counts against both the search rate and the overall rate), so no
  one-second window ever holds more than the limit; ``headroom`` (default 0.92)
  leaves 87 ms per window for the time between leaving the pacer and reaching
  the server, which varies by some tens of milliseconds;
* a failure the caller marks ``Retryable`` (429, 5xx, timeout, garbled body) is
  retried after an exponential delay with jitter, or the server's
  ``Retry-After`` where one is given; a 429 also pauses every other thread;
* after ``max_retries`` it raises ``GaveUp``; after ``trip_after`` consecutive
  give-ups the pacer *trips* and fails every later call at once, so a long run
  against a refusing server ends quickly with the rest marked "not looked up".

The clock and ``sleep`` are injectable so tests run on simulated time.
"""

from __future__ import annotations

import bisect
import random
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Literal, TypeVar

from citekit.errors import NetworkError

Kind = Literal["search", "lookup"]
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Limits:
    """Published limits of one access pool."""

    concurrency: int
    rate: float  # requests per second, all kinds together
    search_rate: float  # searches per second (a subset of ``rate``)

    def __post_init__(self) -> None:
        if self.concurrency < 1 or self.rate <= 0 or self.search_rate <= 0:
            raise ValueError(f"invalid limits {self}")


POLITE = Limits(concurrency=3, rate=10.0, search_rate=3.0)
ANONYMOUS = Limits(concurrency=1, rate=1.0, search_rate=1.0)


@dataclass(frozen=True, slots=True)
class Backoff:
    """Exponential backoff with "equal jitter": half the step fixed, half random."""

    base: float = 1.0  # seconds before the first retry (on average 0.75 of it)
    factor: float = 2.0
    cap: float = 60.0  # longest computed delay
    max_retries: int = 5
    max_retry_after: float = 300.0  # a server's Retry-After is honoured up to this

    def delay(self, attempt: int, rng: random.Random, retry_after: float | None = None) -> float:
        """Seconds to wait before retry number ``attempt`` (0 = the first retry)."""
        if retry_after is not None and retry_after >= 0:
            return min(retry_after, self.max_retry_after)
        step = min(self.cap, self.base * self.factor**attempt)
        return step / 2 + rng.uniform(0, step / 2)


class Retryable(Exception):
    """Raised by a paced call for a transient failure worth another try."""

    def __init__(self, reason: str, retry_after: float | None = None, throttled: bool = False):
        super().__init__(reason)
        self.reason = reason
        self.retry_after = retry_after
        self.throttled = throttled  # a 429: slow every thread down, not just this one


class GaveUp(NetworkError):
    """The call failed after every retry, or was skipped because the pacer tripped."""

    def __init__(self, reason: str, attempts: int = 0, skipped: bool = False):
        super().__init__(reason)
        self.reason = reason
        self.attempts = attempts
        self.skipped = skipped


@dataclass(slots=True)
class PacerStats:
    """Counters, updated under the pacer's lock; read them for progress and reports."""

    requests: int = 0  # attempts actually sent
    retries: int = 0
    throttled: int = 0  # 429s
    failures: dict[str, int] = field(default_factory=dict)  # reason -> count, every failed attempt
    gave_up: int = 0
    skipped: int = 0  # calls refused because the pacer had tripped
    waited: float = 0.0  # seconds spent sleeping for pacing or backoff

    def snapshot(self) -> PacerStats:
        return PacerStats(
            self.requests,
            self.retries,
            self.throttled,
            dict(self.failures),
            self.gave_up,
            self.skipped,
            self.waited,
        )


class Pacer:
    """Thread-safe pacing, concurrency cap, retries and circuit breaker for one API."""

    def __init__(
        self,
        limits: Limits = POLITE,
        *,
        headroom: float = 0.92,
        backoff: Backoff | None = None,
        trip_after: int | None = 3,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
        rng: random.Random | None = None,
        on_start: Callable[[Kind, float], None] | None = None,
    ) -> None:
        if not 0 < headroom <= 1:
            raise ValueError("headroom must be in (0, 1]")
        self.limits = limits
        self.headroom = headroom
        self.backoff = backoff or Backoff()
        self.trip_after = trip_after
        self._clock = clock
        self._sleep = sleep
        self._rng = rng or random.Random()
        self.on_start = on_start  # called as each request starts: (kind, clock time)
        self._interval = 1.0 / (limits.rate * headroom)
        self._search_interval = 1.0 / (limits.search_rate * headroom)
        self._lock = threading.Lock()
        self._gate = threading.Condition()  # guards the two counters below
        self._in_flight = 0
        self._searches_pending = 0
        self._booked: list[float] = []  # start times handed out (all kinds), sorted
        self._search_starts: list[float] = []  # start times handed to searches, sorted
        self._paused_until = float("-inf")
        self._consecutive_give_ups = 0
        self._cancelled = threading.Event()
        self.stats = PacerStats()

    # -- pacing -------------------------------------------------------------------------------

    def _free_slot(self, earliest: float) -> float:
        """The first time >= ``earliest`` at least one interval away from every booking."""
        start = earliest
        for booked in self._booked:  # sorted
            if booked + self._interval <= start:
                continue
            if start + self._interval <= booked:
                break
            start = booked + self._interval
        return start

    def _book(self, kind: Kind) -> float:
        """Book a start time for a request of ``kind``; returns it (clock time).

        Every booking keeps one overall interval from every other, so any window
        of ``1 / (rate * headroom)`` seconds holds at most ``rate`` of them; a
        search also keeps one search interval from the searches before it.
        Searches book ahead of time and lookups fill the gaps around them.
        """
        with self._lock:
            now = self._clock()
            for times, gap in ((self._booked, self._interval), (self._search_starts, 0.0)):
                while len(times) > 1 and times[0] <= now - max(gap, self._search_interval):
                    times.pop(0)
            earliest = max(now, self._paused_until)
            if kind == "search" and self._search_starts:
                earliest = max(earliest, self._search_starts[-1] + self._search_interval)
            start = self._free_slot(earliest)
            bisect.insort(self._booked, start)
            if kind == "search":
                bisect.insort(self._search_starts, start)
            return start

    def _unbook(self, start: float, kind: Kind) -> None:
        with self._lock:
            for times in (
                (self._booked, self._search_starts) if kind == "search" else (self._booked,)
            ):
                index = bisect.bisect_left(times, start)
                if index < len(times) and times[index] == start:
                    times.pop(index)

    def _sleep_counted(self, seconds: float) -> None:
        if self._cancelled.is_set():
            raise GaveUp("interrupted", skipped=True)
        with self._lock:
            self.stats.waited += seconds
        self._sleep(seconds)

    def cancel(self) -> None:
        """Make every waiting or later call fail at once (Ctrl-C); ``reset`` undoes it."""
        self._cancelled.set()

    def _book_and_wait(self, kind: Kind) -> float:
        """Book a start time and sleep until it; returns it."""
        while True:
            start = self._book(kind)
            while True:
                with self._lock:
                    paused_until = self._paused_until
                if paused_until > start:
                    # A 429 arrived after this booking: book again behind the pause, so
                    # that the waiting threads do not all start at its end at once.
                    self._unbook(start, kind)
                    break
                now = self._clock()
                if start <= now:
                    return start
                try:
                    self._sleep_counted(min(start - now, 0.25))
                except BaseException:
                    self._unbook(start, kind)
                    raise

    @contextmanager
    def slot(self, kind: Kind = "lookup") -> Iterator[None]:
        """Hold one concurrency slot, starting no earlier than the rates allow.

        A lookup takes its slot and then waits for its start time.  A search
        books and waits first, without a slot, then takes one ahead of any
        waiting lookup; while a search is pending, lookups leave one slot free
        for it.  If taking the slot made the search late, it books again.
        """
        if kind == "search":
            with self._gate:
                self._searches_pending += 1
            try:
                start = self._book_and_wait("search")
                try:
                    self._acquire("search")
                except BaseException:
                    self._unbook(start, "search")
                    raise
            finally:
                with self._gate:
                    self._searches_pending -= 1
                    self._gate.notify_all()
            try:
                if self._clock() > start + 0.01:
                    self._unbook(start, "search")
                    self._book_and_wait("search")
            except BaseException:
                self._release()
                raise
        else:
            self._acquire("lookup")
            try:
                self._book_and_wait("lookup")
            except BaseException:
                self._release()
                raise
        try:
            with self._lock:
                self.stats.requests += 1
            if self.on_start is not None:
                self.on_start(kind, self._clock())
            yield
        finally:
            self._release()

    def _acquire(self, kind: Kind) -> None:
        with self._gate:
            while True:
                if self._cancelled.is_set():
                    raise GaveUp("interrupted", skipped=True)
                free = self.limits.concurrency - self._in_flight
                if kind == "search" and free > 0:
                    break
                if kind == "lookup" and free > (1 if self._searches_pending else 0):
                    break
                self._gate.wait(0.25)
            self._in_flight += 1

    def _release(self) -> None:
        with self._gate:
            self._in_flight -= 1
            self._gate.notify_all()

    def pause(self, seconds: float) -> None:
        """Hold every thread's next request back for ``seconds`` (after a 429)."""
        with self._lock:
            self._paused_until = max(self._paused_until, self._clock() + seconds)

    # -- retries ------------------------------------------------------------------------------

    @property
    def tripped(self) -> bool:
        return self.trip_after is not None and self._consecutive_give_ups >= self.trip_after

    def reset(self) -> None:
        """Close the circuit breaker again (for a new run)."""
        with self._lock:
            self._consecutive_give_ups = 0
        self._cancelled.clear()

    def run(self, kind: Kind, call: Callable[[], T]) -> T:
        """``call()`` paced; retried while it raises ``Retryable``; ``GaveUp`` at the end."""
        if self._cancelled.is_set():
            raise GaveUp("interrupted", skipped=True)
        if self.tripped:
            with self._lock:
                self.stats.skipped += 1
            raise GaveUp(
                "skipped: the server kept failing, so no more requests were sent in this run",
                skipped=True,
            )
        attempt = 0
        while True:
            try:
                with self.slot(kind):
                    result = call()
            except Retryable as failure:
                with self._lock:
                    self.stats.failures[failure.reason] = (
                        self.stats.failures.get(failure.reason, 0) + 1
                    )
                    if failure.throttled:
                        self.stats.throttled += 1
                if attempt >= self.backoff.max_retries:
                    with self._lock:
                        self.stats.gave_up += 1
                        self._consecutive_give_ups += 1
                    raise GaveUp(
                        f"{failure.reason} (gave up after {attempt + 1} attempts)", attempt + 1
                    ) from failure
                delay = self.backoff.delay(attempt, self._rng, failure.retry_after)
                attempt += 1
                with self._lock:
                    self.stats.retries += 1
                if failure.throttled:
                    self.pause(delay)  # this thread waits for it in its next slot()
                else:
                    self._sleep_counted(delay)
                continue
            with self._lock:
                self._consecutive_give_ups = 0
            return result
