"""The Crossref resolver: habanero for HTTP, plus pacing, retries and a persistent cache.

This is the only module that imports habanero.  ``CrossrefResolver`` implements
``Resolver``:

* ``search(query, rows)`` sends ``query.bibliographic`` with the reference
  string, ``select`` for the fields matching needs and at least 2 rows (to see
  ties);
* ``lookup(dois)`` asks ``/works/{doi}`` for a few DOIs and batches many into
  ``filter=doi:A,doi:B,...`` requests, whose items come back in any order and
  are mapped by DOI; a DOI Crossref does not know is ``None`` (a 404 with the
  text body "Resource not found.", or absent from a batch).

Every answer, a 404 included, goes into the ``Cache`` (one entry per query or
DOI), so a rerun sends nothing; with ``offline=True`` only the cache answers.
habanero's HTTP calls are routed through one kept-alive ``httpx2`` client
(``_KeptAliveHttp``): without it each request pays for a new TLS context and
handshake, and leaves a variable few tens of milliseconds after the pacer let
it go, which defeats exact pacing.
Requests go through a ``Pacer`` set to the polite limits when a mailto is known
(argument, else ``$CITEKIT_MAILTO``) and to the anonymous ones otherwise, with
one ``MailtoWarning``.  Failures that persist after the retries raise
``NotLookedUp`` (a ``NetworkError``), never a bare library exception, so the
pipeline can list the entry as "not looked up" and go on.
"""

from __future__ import annotations

import dataclasses
import email.utils
import json
import os
import re
import threading
import time
import warnings
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote

import habanero
import habanero.request as habanero_request
import habanero.request_class as habanero_request_class
import httpx2
from habanero.exceptions import RequestError
from habanero.select import validate_select

from citekit import __version__
from citekit.enrich import Work
from citekit.enrich.cache import Cache, normalize_key
from citekit.enrich.pacing import ANONYMOUS, POLITE, GaveUp, Kind, Pacer, Retryable
from citekit.enrich.records import normalize_doi, works_from_message
from citekit.errors import ConfigError, NetworkError

DEFAULT_API_URL = "https://api.crossref.org"
MAILTO_ENV = "CITEKIT_MAILTO"
API_URL_ENV = "CITEKIT_API_URL"

# What matching needs; habanero validates these names against the API's list
# (``edition-number`` is not selectable: full records from /works/{doi} carry it).
SELECT: tuple[str, ...] = (
    "DOI",
    "type",
    "title",
    "subtitle",
    "original-title",
    "author",
    "editor",
    "published-print",
    "published-online",
    "published",
    "issued",
    "posted",
    "approved",
    "content-created",
    "event",
    "created",
    "container-title",
    "volume",
    "issue",
    "page",
    "article-number",
    "publisher",
    "ISBN",
    "relation",
    "score",
)
# Bumped when SELECT changes, so cached searches made with other fields are not reused.
_SELECT_TAG = "s1"
MAX_QUERY_CHARS = 1500
NEGATIVE_TTL = 30 * 24 * 3600.0  # a DOI unknown today may be registered later

_MAILTO = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_DOI = re.compile(r"^10\.\d{4,9}/\S+$")
_mailto_warned = False


class MailtoWarning(UserWarning):
    """No contact address: Crossref's slower anonymous pool and limits apply."""


class NotLookedUp(NetworkError):
    """Crossref could not answer (network, throttling after retries, offline cache miss).

    ``partial`` holds what a multi-DOI lookup did get; ``missing`` the DOIs it did not.
    """

    def __init__(
        self,
        reason: str,
        *,
        partial: dict[str, Work | None] | None = None,
        missing: Sequence[str] = (),
        status: int | None = None,
    ) -> None:
        super().__init__(reason)
        self.reason = reason
        self.status = status  # the HTTP status of a refused request (400, 403, ...)
        self.partial = dict(partial or {})
        self.missing = tuple(missing)


@dataclass(frozen=True, slots=True)
class SearchResult:
    """One query's outcome in ``search_many``: the works, or why there are none."""

    query: str
    works: tuple[Work, ...] = ()
    error: str | None = None  # set when the query was not looked up

    @property
    def ok(self) -> bool:
        return self.error is None


@dataclass(frozen=True, slots=True)
class ResolverStats:
    """Counters for progress displays and reports."""

    requests: int = 0  # HTTP requests sent (retries included)
    retries: int = 0
    throttled: int = 0  # 429 answers
    gave_up: int = 0  # requests abandoned after every retry
    skipped: int = 0  # requests not sent because the server kept failing
    cache_hits: int = 0
    cache_misses: int = 0
    failures: tuple[tuple[str, int], ...] = field(default=())  # (reason, count)


class _NotFound:
    """Marker for a 404 answer."""


_NOT_FOUND = _NotFound()


def resolve_mailto(mailto: str | None) -> str | None:
    """The contact address: the argument, else ``$CITEKIT_MAILTO``; validated."""
    value = (mailto if mailto is not None else os.environ.get(MAILTO_ENV, "")).strip()
    if value.lower().startswith("mailto:"):
        value = value[7:]
    if not value:
        return None
    if not _MAILTO.match(value):
        raise ConfigError(f"not an e-mail address for Crossref's polite pool: {value!r}")
    return value


def resolve_api_url(api_url: str | None) -> str:
    value = (api_url or os.environ.get(API_URL_ENV, "") or DEFAULT_API_URL).strip().rstrip("/")
    if not re.match(r"^https?://[^/\s]+", value):
        raise ConfigError(f"the Crossref API URL must start with http:// or https://: {value!r}")
    return value


def _retry_after(response: httpx2.Response | None) -> float | None:
    """Seconds from a ``Retry-After`` header (delta or HTTP date), if any."""
    if response is None:
        return None
    value = response.headers.get("retry-after")
    if not value:
        return None
    value = value.strip()
    if value.isdecimal():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


def _status_failure(status: int, detail: str, response: httpx2.Response | None = None) -> Exception:
    """The exception for an HTTP error status: retryable, not found, or final."""
    if status < 400:  # habanero's complaint about a non-JSON body
        return Retryable("malformed response")
    if status == 429:
        return Retryable("HTTP 429 too many requests", _retry_after(response), throttled=True)
    if status >= 500 or status == 408:
        return Retryable(f"HTTP {status} server error", _retry_after(response))
    return NotLookedUp(
        f"Crossref refused the request (HTTP {status}: {detail.strip()[:200]})", status=status
    )


def _transport_failure(error: BaseException) -> Exception | None:
    """The retryable failure for an httpx2 transport error (possibly wrapped by habanero)."""
    seen = 0
    current: BaseException | None = error
    while current is not None and seen < 5:
        if isinstance(current, httpx2.TimeoutException):
            return Retryable("timeout")
        if isinstance(current, httpx2.HTTPStatusError):
            return _status_failure(
                current.response.status_code, current.response.text, current.response
            )
        if isinstance(current, httpx2.TransportError):
            return Retryable(f"connection failed ({type(current).__name__})")
        current = current.__cause__ or current.__context__
        seen += 1
    return None


class CrossrefResolver:
    """``Resolver`` over the Crossref REST API (through habanero)."""

    name = "crossref"
    authoritative = True  # a DOI Crossref does not know is reported as not existing

    def __init__(
        self,
        mailto: str | None = None,
        api_url: str | None = None,
        timeout: float = 20.0,
        pacer: Pacer | None = None,
        cache: Cache | None = None,
        offline: bool = False,
        *,
        batch_size: int = 20,
        batch_min: int = 3,
        select: Sequence[str] | None = SELECT,
        query_field: str | None = "bibliographic",
    ) -> None:
        self.mailto = resolve_mailto(mailto)
        self.api_url = resolve_api_url(api_url)
        self.offline = offline
        self.cache = cache
        self.timeout = timeout
        self.batch_size = min(100, max(1, batch_size))  # keeps the URL a sane length
        self.batch_min = max(2, batch_min)
        self.select = ",".join(select) if select else None
        try:
            validate_select(self.select)
        except ValueError as error:
            raise ConfigError(f"Crossref cannot select that: {error}") from None
        self.query_field = query_field
        self.pacer = pacer or Pacer(POLITE if self.mailto else ANONYMOUS)
        self._client = habanero.Crossref(
            base_url=self.api_url,
            mailto=self.mailto,
            ua_string=f"citekit/{__version__}",
            timeout=timeout,
        )
        self._stop = threading.Event()
        self._owns_cache = False  # set by open_crossref, which opened the cache itself
        if not self.mailto and not offline:
            _warn_no_mailto()

    # -- statistics ---------------------------------------------------------------------------

    def stats(self) -> ResolverStats:
        pacing = self.pacer.stats.snapshot()
        cached = self.cache.stats.snapshot() if self.cache is not None else None
        return ResolverStats(
            requests=pacing.requests,
            retries=pacing.retries,
            throttled=pacing.throttled,
            gave_up=pacing.gave_up,
            skipped=pacing.skipped,
            cache_hits=cached.hits if cached else 0,
            cache_misses=cached.misses if cached else 0,
            failures=tuple(sorted(pacing.failures.items())),
        )

    # -- the one request path -----------------------------------------------------------------

    def _request(self, kind: Kind, call: Callable[[], Any]) -> object:
        """``call()`` (a habanero call) paced and retried; errors mapped; 404 -> ``_NOT_FOUND``."""

        def attempt() -> object:
            if self._stop.is_set():
                raise NotLookedUp("interrupted")
            if self.cache is not None:
                self.cache.record_request()
            try:
                body = call()
            except RequestError as error:  # habanero: an error status with a JSON body
                if error.status_code == 404:
                    return _NOT_FOUND
                raise _status_failure(int(error.status_code), str(error.error)) from error
            except httpx2.HTTPStatusError as error:
                if error.response.status_code == 404:
                    return _NOT_FOUND
                raise _status_failure(
                    error.response.status_code, error.response.text, error.response
                ) from error
            except (httpx2.HTTPError, RuntimeError) as error:
                failure = _transport_failure(error)
                if failure is None:
                    raise NotLookedUp(f"request failed: {error}") from error
                raise failure from error
            except json.JSONDecodeError as error:
                raise Retryable("malformed response") from error
            if not isinstance(body, dict) or not isinstance(body.get("message"), (dict, list)):
                raise Retryable("malformed response")
            return body

        _warm_up()
        try:
            return self.pacer.run(kind, attempt)
        except GaveUp as error:
            raise NotLookedUp(error.reason) from error

    def _cached(self, kind: str, key: str) -> tuple[bool, object]:
        """(found, body) from the cache; a cached 404 is ``_NOT_FOUND``."""
        if self.cache is None:
            return False, None
        entry = self.cache.get(kind, key)
        if entry is None:
            return False, None
        if entry.status == 404:
            if not self.offline and time.time() - entry.fetched_at > NEGATIVE_TTL:
                return False, None
            return True, _NOT_FOUND
        return True, entry.body

    def _store(self, kind: str, key: str, body: object) -> None:
        if self.cache is None:
            return
        if body is _NOT_FOUND:
            self.cache.put(kind, key, 404, None)
        else:
            self.cache.put(kind, key, 200, body)

    # -- search -------------------------------------------------------------------------------

    def search_key(self, query: str, rows: int | None) -> str:
        return f"{self.query_field or 'query'}|{self.select or '*'}|{_SELECT_TAG}|{rows}|{normalize_key(query)}"

    def search(self, query: str, rows: int | None = 5) -> list[Work]:
        """Candidate works for a free-text reference, in Crossref's order (best first).

        ``rows`` is raised to at least 2 (a tie must be visible); ``None`` leaves
        it to the server (20).
        """
        if self._stop.is_set():
            raise NotLookedUp("interrupted")
        query = _trim_query(query)
        if not query:
            return []
        if rows is not None:
            rows = min(1000, max(2, int(rows)))  # 1000: the API's maximum
        key = self.search_key(query, rows)
        found, body = self._cached("search", key)
        if not found:
            if self.offline:
                raise NotLookedUp("offline: this search is not in the cache")
            params: dict[str, Any] = {} if rows is None else {"limit": rows}
            if self.select:
                params["select"] = self.select
            if self.query_field:
                params[f"query_{self.query_field.replace('-', '_')}"] = query
            else:
                params["query"] = query
            body = self._request("search", lambda: self._client.works(**params))
            if body is _NOT_FOUND:
                raise NotLookedUp("Crossref answered 404 to a search")
            self._store("search", key, body)
        return works_from_message(body)

    def search_many(
        self,
        queries: Sequence[str],
        rows: int | None = 5,
        on_result: Callable[[int, SearchResult], None] | None = None,
        workers: int | None = None,
    ) -> list[SearchResult]:
        """Search every query, as concurrently as the limits allow; results in input order.

        ``on_result(index, result)`` is called (in this thread) as each finishes,
        for a progress bar.  A failed query gets ``error`` set; nothing raises
        except ``KeyboardInterrupt``, after which every answer already received
        is in the cache.
        """

        def one(query: str) -> SearchResult:
            try:
                return SearchResult(query, tuple(self.search(query, rows)))
            except NetworkError as error:
                return SearchResult(query, (), str(error))

        # The same reference twice is searched once (both would miss the cache at once).
        firsts: dict[str, int] = {}
        unique: list[str] = []
        for query in queries:
            key = normalize_key(_trim_query(query))
            if key not in firsts:
                firsts[key] = len(unique)
                unique.append(query)
        slots = [firsts[normalize_key(_trim_query(q))] for q in queries]
        waiting: dict[int, list[int]] = {}
        for index, slot in enumerate(slots):
            waiting.setdefault(slot, []).append(index)

        def report(slot: int, result: SearchResult) -> None:
            if on_result:
                for index in waiting[slot]:
                    on_result(index, dataclasses.replace(result, query=queries[index]))

        found = self._run_many(unique, one, report, workers)
        return [dataclasses.replace(found[slot], query=queries[i]) for i, slot in enumerate(slots)]

    # -- lookup -------------------------------------------------------------------------------

    def lookup(self, dois: Sequence[str]) -> dict[str, Work | None]:
        """Each DOI (lower-cased) -> its work, or None where Crossref does not know it.

        Raises ``NotLookedUp`` (with ``partial`` results) if some could not be asked.
        """
        results, failed = self.lookup_outcome(dois)
        if failed:
            reasons = sorted(set(failed.values()))
            raise NotLookedUp(
                f"{len(failed)} DOI(s) not looked up: " + "; ".join(reasons),
                partial=results,
                missing=tuple(failed),
            )
        return results

    def lookup_outcome(self, dois: Sequence[str]) -> tuple[dict[str, Work | None], dict[str, str]]:
        """Like ``lookup`` but never raises: (answers, {doi: reason not looked up})."""
        results: dict[str, Work | None] = {}
        failed: dict[str, str] = {}
        todo: list[str] = []
        for raw in dois:
            doi = normalize_doi(raw)
            if doi in results or doi in failed or doi in todo:
                continue
            if self._stop.is_set():
                failed[doi] = "interrupted"
                continue
            if not _DOI.match(doi):
                results[doi] = None  # not a DOI at all: it cannot exist
                continue
            found, body = self._cached("doi", doi)
            if found:
                results[doi] = None if body is _NOT_FOUND else _single_work(body)
            elif self.offline:
                failed[doi] = "offline: not in the cache"
            else:
                todo.append(doi)
        if not todo:
            return results, failed
        batchable = [d for d in todo if "," not in d]
        singles = [d for d in todo if "," in d]
        jobs: list[list[str]] = []
        if len(todo) >= self.batch_min:
            jobs = [
                batchable[i : i + self.batch_size]
                for i in range(0, len(batchable), self.batch_size)
            ]
            jobs += [[d] for d in singles]
        else:
            jobs = [[d] for d in todo]
        outcomes = self._run_many(jobs, self._lookup_job)
        for outcome in outcomes:
            for doi, answer in outcome.items():
                if isinstance(answer, str):
                    failed[doi] = answer
                else:
                    results[doi] = answer
        return results, failed

    def _lookup_job(self, dois: list[str]) -> dict[str, Work | str | None]:
        """One request: ``/works/{doi}`` for one DOI, ``filter=doi:...`` for several."""
        try:
            if len(dois) == 1:
                doi = dois[0]
                path = quote(doi, safe="/:;()[]@!$&'*+=,-._~")
                body = self._request("lookup", lambda: self._client.works(ids=path))
                self._store("doi", doi, body if body is _NOT_FOUND else _as_work_body(body))
                return {doi: None if body is _NOT_FOUND else _single_work(body)}
            params: dict[str, Any] = {"filter": {"doi": list(dois)}, "limit": len(dois)}
            if self.select:
                params["select"] = self.select
            body = self._request("lookup", lambda: self._client.works(**params))
        except NotLookedUp as error:
            if error.status is not None and len(dois) > 1:
                # One odd DOI can make the API refuse a whole batch: ask each on its own.
                out_each: dict[str, Work | str | None] = {}
                for doi in dois:
                    out_each.update(self._lookup_job([doi]))
                return out_each
            return dict.fromkeys(dois, error.reason)
        by_doi = {w.doi: w for w in works_from_message(body)} if body is not _NOT_FOUND else {}
        items = _items_by_doi(body)
        out: dict[str, Work | str | None] = {}
        for doi in dois:
            work = by_doi.get(doi)
            out[doi] = work
            self._store("doi", doi, _NOT_FOUND if work is None else _as_work_body(items[doi]))
        return out

    # -- concurrency --------------------------------------------------------------------------

    def _run_many(
        self,
        jobs: Sequence[Any],
        fn: Callable[[Any], Any],
        on_result: Callable[[int, Any], None] | None = None,
        workers: int | None = None,
    ) -> list[Any]:
        count = workers or self.pacer.limits.concurrency
        results: list[Any] = [None] * len(jobs)
        if count <= 1 or len(jobs) <= 1:
            for index, job in enumerate(jobs):
                results[index] = fn(job)
                if on_result:
                    on_result(index, results[index])
            return results
        executor = ThreadPoolExecutor(max_workers=count, thread_name_prefix="citekit-crossref")
        try:
            pending: dict[Future[Any], int] = {
                executor.submit(fn, job): index for index, job in enumerate(jobs)
            }
            while pending:
                done, _ = wait(pending, timeout=0.5, return_when=FIRST_COMPLETED)
                for future in done:
                    index = pending.pop(future)
                    results[index] = future.result()
                    if on_result:
                        on_result(index, results[index])
        except BaseException:
            # Ctrl-C: send nothing new, let requests in flight finish and be cached.
            self._stop.set()
            self.pacer.cancel()
            executor.shutdown(wait=True, cancel_futures=True)
            raise
        executor.shutdown(wait=True)
        return results

    def close(self) -> None:
        """Stop sending requests (threads finish what they are doing); close an own cache."""
        self._stop.set()
        self.pacer.cancel()
        if self._owns_cache and self.cache is not None:
            self.cache.close()
            self._owns_cache = False


def open_crossref(
    *,
    mailto: str | None = None,
    api_url: str | None = None,
    offline: bool = False,
    cache: str | os.PathLike[str] | bool = True,
    timeout: float = 20.0,
) -> CrossrefResolver:
    """A resolver with the usual settings, for the command line.

    ``cache``: True for the default cache file (``$CITEKIT_CACHE`` or the user
    cache directory), a path for another file, False for none.
    """
    store = None
    if cache is True:
        store = Cache()
    elif cache is not False:
        store = Cache(cache)
    if offline and store is None:
        raise ConfigError("--offline needs the cache (it is the only thing asked)")
    try:
        resolver = CrossrefResolver(
            mailto=mailto, api_url=api_url, timeout=timeout, cache=store, offline=offline
        )
    except BaseException:
        if store is not None:
            store.close()
        raise
    resolver._owns_cache = store is not None
    return resolver


def _trim_query(query: str) -> str:
    text = " ".join(query.split())
    if len(text) > MAX_QUERY_CHARS:
        text = text[:MAX_QUERY_CHARS].rsplit(" ", 1)[0]
    return text


def _as_work_body(item_or_body: object) -> dict[str, Any]:
    """A single work stored as a ``work`` response body."""
    if isinstance(item_or_body, dict) and "message" in item_or_body:
        return item_or_body
    return {"status": "ok", "message-type": "work", "message": item_or_body}


def _single_work(body: object) -> Work | None:
    works = works_from_message(body)
    return works[0] if works else None


def _items_by_doi(body: object) -> dict[str, dict[str, Any]]:
    if not isinstance(body, dict):
        return {}
    message = body.get("message")
    items: Iterable[Any] = message.get("items", []) if isinstance(message, dict) else []
    return {
        normalize_doi(item["DOI"]): item
        for item in items
        if isinstance(item, dict) and isinstance(item.get("DOI"), str)
    }


class _KeptAliveHttp:
    """Stands in for the ``httpx2`` module inside habanero's request code.

    habanero 2.9 calls ``httpx2.get`` for every request, which builds a new
    client each time: a fresh TLS context (tens of milliseconds of CPU) and a
    new connection (a TCP and TLS handshake with the API).  Through this
    stand-in the same calls go through one long-lived client instead, so
    connections are kept alive and a request leaves soon after the pacer lets
    it go.  Every other name is the real module's.
    """

    def __init__(self, module: Any, client: httpx2.Client) -> None:
        self._module = module
        self._client = client

    def __getattr__(self, name: str) -> Any:
        return getattr(self._module, name)

    _CLIENT_ARGS = frozenset(
        {"params", "headers", "cookies", "auth", "follow_redirects", "timeout", "extensions"}
    )

    def get(self, url: str, **kwargs: Any) -> httpx2.Response:
        if not kwargs.keys() <= self._CLIENT_ARGS:  # e.g. verify=: needs a client of its own
            return self._module.get(url, **kwargs)
        return self._client.get(url, **kwargs)


_http_lock = threading.Lock()
_http_ready = False


def _warm_up() -> None:
    """Route habanero through one kept-alive client (once per process).

    Done only where habanero's request modules use the ``httpx2`` module as
    expected; otherwise habanero is left as it is (a client per request).
    """
    global _http_ready
    with _http_lock:
        if _http_ready:
            return
        _http_ready = True
        targets = [m for m in (habanero_request, habanero_request_class) if m.httpx2 is httpx2]
        if len(targets) != 2:
            httpx2.Client().close()  # at least pay the one-time set-up cost now
            return
        client = httpx2.Client(
            limits=httpx2.Limits(max_connections=10, max_keepalive_connections=5)
        )
        shim = _KeptAliveHttp(httpx2, client)
        for module in targets:
            module.httpx2 = shim


def _warn_no_mailto() -> None:
    global _mailto_warned
    if _mailto_warned:
        return
    _mailto_warned = True
    warnings.warn(
        "no contact e-mail for Crossref (give --mailto or set CITEKIT_MAILTO): "
        "using the anonymous pool, paced to 1 request per second",
        MailtoWarning,
        stacklevel=3,
    )
