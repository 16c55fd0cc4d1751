"""The enrichment pipeline: references in, one validated verdict per reference out.

For each ``Reference``:

1. a DOI already in the entry is looked up (batched, once for all entries)
   and verified against its record; it is never replaced, a disagreement is
   reported as ``conflict``;
2. otherwise each resolver in turn (the local index first, then Crossref) is
   asked for candidates with the raw reference string (or one rebuilt from the
   fields when there is no raw text); ``match.validate`` decides; the first
   resolver that yields a validated match ends the search;
3. a resolver failure (network, rate limit after retries, offline cache miss)
   leaves the entry ``not-looked-up`` with the reason, and the run goes on.

Ctrl-C stops the loop: every verdict reached so far is kept and the rest are
``not-looked-up``; the caller still writes its output.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from citekit.enrich import Resolver, Work
from citekit.enrich.match import (
    ACCEPT_THRESHOLD,
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
            for doi in pending:
                unknown[doi] = f"{resolver.name}: {exc}"
            continue
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


def _search_one(
    ref: Reference, resolvers: Sequence[Resolver], rows: int, threshold: float
) -> tuple[Enrichment, int]:
    query = reference_text(ref)
    if len(query.strip()) < 8:
        return Enrichment(ref.id, "no-match", message="too little text to search"), 0
    rejected: list[Rejection] = []
    failures: list[str] = []
    searches = 0
    for resolver in resolvers:
        try:
            candidates = resolver.search(query, rows=rows)
            searches += 1
        except CitekitError as exc:
            failures.append(f"{resolver.name}: {exc}")
            continue
        verdict = validate(ref, candidates, threshold=threshold)
        if verdict.status == "matched":
            return verdict, searches
        rejected.extend(verdict.rejected)
        if verdict.message == "two records fit equally well":
            return verdict, searches
    if failures and not rejected:
        return Enrichment(ref.id, "not-looked-up", message="; ".join(failures)), searches
    rejected.sort(key=lambda r: r.confidence, reverse=True)
    seen: set[str] = set()
    unique = [r for r in rejected if not (r.doi in seen or seen.add(r.doi))][:3]  # type: ignore[func-returns-value]
    message = "no candidate passed validation" if unique else "no candidate"
    if failures:
        message += " (" + "; ".join(failures) + ")"
    return Enrichment(
        ref.id,
        "no-match",
        confidence=unique[0].confidence if unique else 0.0,
        rejected=tuple(unique),
        runner_up=unique[0] if unique else None,
        message=message,
    ), searches


def enrich_references(
    refs: Sequence[Reference],
    resolvers: Sequence[Resolver],
    *,
    rows: int = 5,
    threshold: float = ACCEPT_THRESHOLD,
    progress: ProgressFn | None = None,
) -> EnrichRun:
    """Validate a DOI for every reference; never raises for a resolver failure.

    ``resolvers`` are asked in order (put the local index first).  With no
    resolver at all every entry is ``not-looked-up``.
    """
    start = time.perf_counter()
    results: list[Enrichment] = []
    searches = lookups = 0
    interrupted = False
    total = len(refs)
    try:
        existing = [normalize_doi(r.doi) for r in refs if r.doi and normalize_doi(r.doi)]
        found: dict[str, Work | None] = {}
        unknown: dict[str, str] = {}
        if existing and resolvers:
            found, unknown = _lookup_all(resolvers, existing)
            lookups = len(set(existing))
        for ref in refs:
            if not resolvers:
                verdict = Enrichment(
                    ref.id, "not-looked-up", existing_doi=ref.doi, message="no resolver available"
                )
            elif ref.doi and normalize_doi(ref.doi):
                doi = normalize_doi(ref.doi)
                if doi in found:
                    verdict = verify(ref, doi, found[doi])
                else:
                    verdict = Enrichment(
                        ref.id,
                        "not-looked-up",
                        doi=doi,
                        existing_doi=doi,
                        message=f"existing DOI not verified ({unknown.get(doi, 'no answer')})",
                    )
            else:
                verdict, n = _search_one(ref, resolvers, rows, threshold)
                searches += n
            results.append(verdict)
            if progress:
                progress(len(results), total, verdict)
    except KeyboardInterrupt:
        interrupted = True
    for ref in refs[len(results) :]:
        results.append(
            Enrichment(ref.id, "not-looked-up", existing_doi=ref.doi, message="interrupted")
        )
    return EnrichRun(
        results=tuple(results),
        interrupted=interrupted,
        elapsed=time.perf_counter() - start,
        searches=searches,
        lookups=lookups,
    )
