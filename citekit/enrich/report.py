"""Reports of an enrichment run, per entry: the DOI with its evidence, or why there is none.

Pure functions from ``EnrichRun`` (plus the references, for their keys and
titles) to text or JSON-ready dictionaries.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from citekit.enrich.match import ACCEPT_THRESHOLD, Enrichment, Rejection
from citekit.enrich.run import EnrichRun
from citekit.model import Reference

STATUSES = ("matched", "verified", "conflict", "no-match", "not-looked-up")


def _label(ref: Reference) -> str:
    if ref.key:
        return ref.key
    text = " ".join((ref.raw or ref.title or ref.id).split())
    return text[:70] + ("…" if len(text) > 70 else "")


def _rejection_line(r: Rejection) -> str:
    year = f" ({r.year})" if r.year else ""
    title = f" {r.title[:60]!r}{year}" if r.title else ""
    return f"{r.doi}{title}: {r.reason}: {r.detail}"


def summary(run: EnrichRun) -> dict[str, int]:
    counts = {status: run.count(status) for status in STATUSES}
    counts["entries"] = len(run.results)
    return counts


def render_text(
    refs: Sequence[Reference], run: EnrichRun, *, verbose: bool = True, quiet: bool = False
) -> str:
    """A human-readable report, one block per entry, then a summary line.

    ``quiet`` leaves out the entries that got or kept a DOI without a problem.
    """
    lines: list[str] = []
    for ref, e in zip(refs, run.results, strict=True):
        if quiet and e.status in ("matched", "verified"):
            continue
        head = f"{_label(ref)}: "
        if e.status == "matched":
            lines.append(f"{head}DOI {e.doi} (confidence {e.confidence:.2f})")
            if verbose:
                lines.append("    evidence: " + "; ".join(ev.detail for ev in e.evidence))
                if e.runner_up:
                    lines.append(f"    runner-up: {_rejection_line(e.runner_up)}")
        elif e.status == "verified":
            lines.append(f"{head}DOI {e.doi} verified (confidence {e.confidence:.2f})")
        elif e.status == "conflict":
            lines.append(f"{head}DOI {e.existing_doi} kept, but {e.message}")
        elif e.status == "no-match":
            lines.append(f"{head}no match ({e.message})")
            for r in e.rejected:
                lines.append(f"    rejected {_rejection_line(r)}")
        else:
            lines.append(f"{head}not looked up ({e.message})")
            for r in e.rejected:
                lines.append(f"    rejected {_rejection_line(r)}")
    s = summary(run)
    lines.append(
        f"{s['entries']} entries: {s['matched']} DOI(s) added, {s['verified']} verified, "
        f"{s['conflict']} conflict(s), {s['no-match']} without a match, "
        f"{s['not-looked-up']} not looked up" + (" (interrupted)" if run.interrupted else "")
    )
    return "\n".join(lines) + "\n"


def _evidence(e: Enrichment) -> list[dict[str, Any]]:
    return [{"what": ev.what, "detail": ev.detail, "weight": ev.weight} for ev in e.evidence]


def _rejection(r: Rejection) -> dict[str, Any]:
    return {
        "doi": r.doi,
        "title": r.title,
        "year": r.year,
        "confidence": r.confidence,
        "reason": r.reason,
        "detail": r.detail,
    }


def to_json(
    refs: Sequence[Reference],
    run: EnrichRun,
    *,
    threshold: float = ACCEPT_THRESHOLD,
    **extra: Any,
) -> dict[str, Any]:
    """A JSON-ready report: ``entries`` (one per reference, in order) and ``summary``."""
    entries = []
    for ref, e in zip(refs, run.results, strict=True):
        entries.append(
            {
                "id": ref.id,
                "key": ref.key or None,
                "status": e.status,
                "doi": e.doi,
                "existing_doi": e.existing_doi,
                "confidence": e.confidence,
                "evidence": _evidence(e),
                "runner_up": _rejection(e.runner_up) if e.runner_up else None,
                "rejected": [_rejection(r) for r in e.rejected],
                "message": e.message,
                "suggestion": e.suggestion,
            }
        )
    return {
        "threshold": threshold,
        "interrupted": run.interrupted,
        "summary": summary(run),
        "searches": run.searches,
        "lookups": run.lookups,
        "entries": entries,
        **extra,
    }
