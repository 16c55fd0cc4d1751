"""CIT1xx: the reference list itself (duplicates, missing years, unparsed entries)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from citekit.link import describe, fold
from citekit.model import Diagnostic, Reference
from citekit.normalize import says_no_date
from citekit.rules import CheckContext, declare, rule
from citekit.rules.citations import entry_name

_WORDS = re.compile(r"[a-z0-9]+")


def _fingerprint(ref: Reference) -> str:
    if ref.title and (ref.authors or ref.editors):
        names = ref.authors or ref.editors
        return "|".join(
            (
                fold(names[0].family),
                f"{ref.year}{ref.year_suffix}",
                " ".join(_WORDS.findall(fold(ref.title))),
            )
        )
    return " ".join(_WORDS.findall(fold(ref.raw)))


def _path(ctx: CheckContext, ref: Reference) -> str | None:
    origin = ctx.origins.get(ref.id)
    return origin.source.path if origin else None


@rule("CIT101", "duplicate-entry", "warning")
def duplicate_entry(ctx: CheckContext) -> Iterator[Diagnostic]:
    """The same work appears twice in the reference list.

    ## What it does
    Compares entries by first author, year and title (or by their whole text
    when those are not known) and reports every repeat.

    ## Why is this bad?
    Duplicates make citations ambiguous and the list longer than it is.

    ## Example
    ```
    Nye, J. S. 2004. Soft Power. New York: Public Affairs.
    Nye, J. S. (2004). Soft power. Public Affairs.      <- the same work
    ```
    """
    seen: dict[str, Reference] = {}
    for ref in ctx.own_references:
        fp = _fingerprint(ref)
        if not fp:
            continue
        first = seen.get(fp)
        if first is None:
            seen[fp] = ref
            continue
        yield Diagnostic(
            code="CIT101",
            severity="warning",
            message=f"{entry_name(ref)} repeats {entry_name(first)}: {describe(ref)}",
            span=ref.span,
            path=_path(ctx, ref),
            data=(("reference", ref.id), ("first", first.id)),
        )


declare(
    "CIT102",
    "duplicate-key",
    "error",
    """Two entries of a .bib file share a key.

    ## What it does
    Scans each .bib file for entry keys defined more than once (BibTeX compares
    keys without regard to case).

    ## Why is this bad?
    BibTeX keeps the first and warns; biber may keep either: citations can
    silently point at the wrong work.

    ## Example
    ```
    @book{nye2004, title = {Soft Power}}
    @article{Nye2004, title = {The Decline of America's Soft Power}}
    ```
    """,
)


@rule("CIT103", "missing-year", "warning")
def missing_year(ctx: CheckContext) -> Iterator[Diagnostic]:
    """An entry of the reference list has no year.

    ## What it does
    Reports entries without a publication year (or "n.d.").

    ## Why is this bad?
    Author-year citations cannot point at an entry without a year, and readers
    need the date to judge and find the work.

    ## Example
    ```
    Ward, Colin. Cities in the Age of Bicycles.  <- add the year, or "n.d."
    ```
    """
    for ref in ctx.own_references:
        if ref.year is None and not says_no_date(ref.raw):
            yield Diagnostic(
                code="CIT103",
                severity="warning",
                message=f"{entry_name(ref)} has no year: {describe(ref)}",
                span=ref.span,
                path=_path(ctx, ref),
                data=(("reference", ref.id),),
            )


@rule("CIT104", "unparsed-entry", "warning")
def unparsed_entry(ctx: CheckContext) -> Iterator[Diagnostic]:
    """An entry could not be read: no author and no title were found.

    ## What it does
    Reports entries of the document's list from which the parser recovered
    neither authors (or editors) nor a title.

    ## Why is this bad?
    Citations cannot be linked to such an entry, and an export to BibTeX or
    CSL-JSON would be empty.

    ## Example
    ```
    12. ibid.
    ```
    """
    for ref in ctx.own_references:
        origin = ctx.origins.get(ref.id)
        if origin is not None and origin.external:
            continue
        if not (ref.authors or ref.editors) and not ref.title:
            yield Diagnostic(
                code="CIT104",
                severity="warning",
                message=f"{entry_name(ref)} could not be parsed: {ref.raw[:60].strip()!r}",
                span=ref.span,
                path=_path(ctx, ref),
                data=(("reference", ref.id),),
            )
