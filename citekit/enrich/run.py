"""The enrichment pipeline: references in, one validated verdict per reference out.

For each ``Reference``:

1. a DOI already in the entry is looked up (batched, once for all entries)
   and verified against its record; it is never replaced, a disagreement is
   reported as ``conflict``;
2. otherwise each resolver in turn (the local index first, then Crossref) is
   asked for candidates with the raw reference string (or one rebuilt from the
   fields when there is no raw text); ``match.validate`` decides; the first
   resolver that yields a validated match ends the search.  A match on thin
   evidence (no author on record, no title in the reference) from a full page
   of candidates is checked once more against a wider search (``WIDE_ROWS``),
   so that a rival cut off by the row limit still makes it ambiguous;
3. a resolver failure (network, rate limit after retries, offline cache miss)
   leaves the entry ``not-looked-up`` with the reason (and whatever candidates
   the other resolvers rejected), and the run goes on.

Ctrl-C stops the loop: every verdict reached so far is kept and the rest are
``not-looked-up``; the caller still writes its output.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace

from citekit.enrich import Resolver, Work
from citekit.enrich.match import (
    ACCEPT_THRESHOLD,
    AMBIGUOUS,
    Enrichment,
    Rejection,
    reference_text,
    validate,
    verify,
)
from citekit.enrich.records import normalize_doi
from citekit.errors import CitekitError
from citekit.model import Reference

ProgressFn = Callable[[int, int, Enrichment], None]


@dataclass(frozen=True, slots=True)
class EnrichRun:
    """The outcome of one run, in the order of the input references."""

    results: tuple[Enrichment, ...]
    interrupted: bool = False
    elapsed: float = 0.0
    searches: int = 0
    lookups: int = 0
    errors: tuple[str, ...] = field(default=())

    def count(self, status: str) -> int:
        return sum(1 for r in self.results if r.status == status)


def _authoritative(resolver: Resolver) -> bool:
    """Whether ``None`` from this resolver's lookup means the DOI does not exist.

    A local index only knows what it holds; Crossref is the registry.
    """
    return bool(getattr(resolver, "authoritative", True))


def _lookup_all(
    resolvers: Sequence[Resolver], dois: Sequence[str]
) -> tuple[dict[str, Work | None], dict[str, str]]:
    """Existing DOIs resolved through the resolvers in order.

    Returns found works (``None`` = an authoritative resolver says it does not
    exist) and, for DOIs nobody could answer, the reason.
    """
    found: dict[str, Work | None] = {}
    unknown: dict[str, str] = {}
    pending = list(dict.fromkeys(dois))
    for resolver in resolvers:
        if not pending:
            break
        try:
            answer = resolver.lookup(pending)
        except CitekitError as exc:
            # a partial answer (some DOIs could not be asked) still counts
            answer = dict(getattr(exc, "partial", {}) or {})
            for doi in pending:
                if doi not in answer:
                    unknown[doi] = f"{resolver.name}: {exc}"
        still: list[str] = []
        for doi in pending:
            work = answer.get(doi)
            if work is not None:
                found[doi] = work
                unknown.pop(doi, None)
            elif doi in answer and _authoritative(resolver):
                found[doi] = None
                unknown.pop(doi, None)
            else:
                still.append(doi)
                unknown.setdefault(doi, f"not in the {resolver.name}")
        pending = still
    return found, unknown


@dataclass(slots=True)
class _Pending:
    """A reference still being searched for (mutable bookkeeping inside one run)."""

    index: int
    ref: Reference
    query: str
    rejected: list[Rejection] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    conflict: Enrichment | None = None  # an entry's own DOI that disagrees: search for a hint


def _search_batch(
    resolver: Resolver, queries: list[str], rows: int
) -> list[tuple[list[Work], str | None]]:
    """Candidates (or an error) for each query; concurrent where the resolver can."""
    many = getattr(resolver, "search_many", None)
    if many is not None and len(queries) > 1:
        return [(list(r.works), r.error) for r in many(queries, rows=rows)]
    out: list[tuple[list[Work], str | None]] = []
    for query in queries:
        try:
            out.append((resolver.search(query, rows=rows), None))
        except CitekitError as exc:
            out.append(([], str(exc)))
    return out


# A match on thin evidence is accepted only when no rival is in sight; with a full
# page of candidates a rival may have been cut off, so that search is widened once.
WIDE_ROWS = 20


def _widen(
    resolver: Resolver, item: _Pending, verdict: Enrichment, rows: int, threshold: float
) -> Enrichment:
    try:
        wider = resolver.search(item.query, rows=max(WIDE_ROWS, rows * 2))
    except CitekitError:
        return verdict  # the narrower answer stands: it already had no rival in sight
    return validate(item.ref, wider, threshold=threshold)


def _with_suggestion(conflict: Enrichment, found: Enrichment) -> Enrichment:
    if found.doi == conflict.existing_doi or found.doi is None:
        return conflict
    return replace(
        conflict,
        suggestion=found.doi,
        message=f"{conflict.message}; the record that fits the entry is {found.doi} "
        f"(confidence {found.confidence:.2f})",
    )


def _finish(item: _Pending) -> Enrichment:
    ref = item.ref
    if item.failures and not item.rejected:
        return Enrichment(ref.id, "not-looked-up", message="; ".join(item.failures))
    item.rejected.sort(key=lambda r: r.confidence, reverse=True)
    seen: set[str] = set()
    unique: list[Rejection] = []
    for rejection in item.rejected:
        if rejection.doi not in seen:
            seen.add(rejection.doi)
            unique.append(rejection)
    message = "no candidate passed validation" if unique else "no candidate"
    if item.failures:
        # a resolver that could not answer might have had the work: not a verdict
        message = "; ".join(item.failures) + f" ({message} elsewhere)"
    return Enrichment(
        ref.id,
        "not-looked-up" if item.failures else "no-match",
        confidence=unique[0].confidence if unique else 0.0,
        rejected=tuple(unique[:3]),
        runner_up=unique[0] if unique else None,
        message=message,
    )


def enrich_references(
    refs: Sequence[Reference],
    resolvers: Sequence[Resolver],
    *,
    rows: int = 5,
    threshold: float = ACCEPT_THRESHOLD,
    progress: ProgressFn | None = None,
    batch: int = 12,
    suggest: bool = True,
) -> EnrichRun:
    """Validate a DOI for every reference; never raises for a resolver failure.

    ``resolvers`` are asked in order (put the local index first); a later one
    only for the references an earlier one could not match.  With no resolver
    at all every entry is ``not-looked-up``.  References are searched ``batch``
    at a time, so a resolver with ``search_many`` (Crossref) can overlap
    requests within its limits.  With ``suggest``, an entry whose own DOI
    disagrees with it is also searched, and a validated match is named in the
    verdict (``suggestion``); the entry's DOI is still never replaced.
    """
    start = time.perf_counter()
    total = len(refs)
    verdicts: dict[int, Enrichment] = {}
    searches = lookups = 0
    interrupted = False
    queue: list[_Pending] = []

    def done(index: int, verdict: Enrichment) -> None:
        verdicts[index] = verdict
        if progress:
            progress(len(verdicts), total, verdict)

    try:
        existing = [normalize_doi(r.doi) for r in refs if r.doi and normalize_doi(r.doi)]
        found: dict[str, Work | None] = {}
        unknown: dict[str, str] = {}
        if existing and resolvers:
            found, unknown = _lookup_all(resolvers, existing)
            lookups = len(set(existing))
        for index, ref in enumerate(refs):
            doi = normalize_doi(ref.doi) if ref.doi else ""
            if not resolvers:
                done(
                    index,
                    Enrichment(
                        ref.id,
                        "not-looked-up",
                        existing_doi=ref.doi,
                        message="no resolver available",
                    ),
                )
            elif doi:
                if doi in found:
                    verdict = verify(ref, doi, found[doi])
                    query = reference_text(ref)
                    if verdict.status == "conflict" and suggest and len(query.strip()) >= 8:
                        queue.append(_Pending(index, ref, query, conflict=verdict))
                    else:
                        done(index, verdict)
                else:
                    reason = unknown.get(doi, "no answer")
                    done(
                        index,
                        Enrichment(
                            ref.id,
                            "not-looked-up",
                            doi=doi,
                            existing_doi=doi,
                            message=f"existing DOI not verified ({reason})",
                        ),
                    )
            else:
                query = reference_text(ref)
                if len(query.strip()) < 8:
                    done(index, Enrichment(ref.id, "no-match", message="too little text to search"))
                else:
                    queue.append(_Pending(index, ref, query))
        for lo in range(0, len(queue), max(1, batch)):
            pending = queue[lo : lo + max(1, batch)]
            for resolver in resolvers:
                if not pending:
                    break
                answers = _search_batch(resolver, [p.query for p in pending], rows)
                searches += sum(1 for _, error in answers if error is None)
                still: list[_Pending] = []
                for item, (candidates, error) in zip(pending, answers, strict=True):
                    if error is not None:
                        item.failures.append(f"{resolver.name}: {error}")
                        still.append(item)
                        continue
                    verdict = validate(item.ref, candidates, threshold=threshold)
                    if verdict.thin and len(candidates) >= rows:
                        verdict = _widen(resolver, item, verdict, rows, threshold)
                    if item.conflict is not None and verdict.status == "matched":
                        done(item.index, _with_suggestion(item.conflict, verdict))
                    elif item.conflict is not None and verdict.message == AMBIGUOUS:
                        done(item.index, item.conflict)
                    elif verdict.status == "matched" or verdict.message == AMBIGUOUS:
                        done(item.index, verdict)
                    else:
                        item.rejected.extend(verdict.rejected)
                        still.append(item)
                pending = still
            for item in pending:
                done(item.index, item.conflict or _finish(item))
    except KeyboardInterrupt:
        interrupted = True
    conflicts = {item.index: item.conflict for item in queue if item.conflict is not None}
    results = tuple(
        verdicts.get(i)
        or conflicts.get(i)
        or Enrichment(ref.id, "not-looked-up", existing_doi=ref.doi, message="interrupted")
        for i, ref in enumerate(refs)
    )
    return EnrichRun(
        results=results,
        interrupted=interrupted,
        elapsed=time.perf_counter() - start,
        searches=searches,
        lookups=lookups,
    )


def open_resolvers(
    *,
    index: Sequence[str] = (),
    offline: bool = False,
    crossref: bool = True,
    mailto: str | None = None,
    api_url: str | None = None,
    cache: str | bool = True,
) -> list[Resolver]:
    """The resolvers for a run, in the order they are asked: local indexes, then Crossref.

    With ``offline`` Crossref answers from its cache only.  Crossref (habanero)
    is imported only when it is used.
    """
    from citekit.enrich.index import LocalIndex

    resolvers: list[Resolver] = [LocalIndex(path) for path in index]
    if crossref:
        from citekit.enrich.crossref import open_crossref

        resolvers.append(
            open_crossref(mailto=mailto, api_url=api_url, offline=offline, cache=cache)
        )
    return resolvers


def apply_to_references(
    refs: Sequence[Reference], run: EnrichRun, *, fill: bool = False
) -> list[Reference]:
    """The references with their matched DOIs set; an existing DOI is never replaced.

    With ``fill`` the fields a reference lacks are taken from the matched record
    (authors, title, container, year, volume, issue, pages, publisher, edition).
    """
    out: list[Reference] = []
    for ref, verdict in zip(refs, run.results, strict=True):
        if verdict.status != "matched" or not verdict.doi or ref.doi:
            out.append(ref)
            continue
        changes: dict[str, object] = {"doi": verdict.doi}
        work = verdict.work
        if fill and work is not None:
            title = f"{work.title}: {work.subtitle}" if work.subtitle else work.title
            candidates: dict[str, object] = {
                "authors": work.authors,
                "editors": work.editors,
                "title": title,
                "container_title": work.container_title,
                "year": work.year,
                "volume": work.volume,
                "issue": work.issue,
                "pages": work.pages,
                "publisher": work.publisher,
                "edition": work.edition,
            }
            for name, value in candidates.items():
                if value and not getattr(ref, name):
                    changes[name] = value
        out.append(ref.with_(**changes))
    return out
