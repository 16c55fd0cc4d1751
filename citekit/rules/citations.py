"""CIT0xx: citations checked against the reference list."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping

from citekit.link import (
    COAUTHOR,
    GIVEN_AS_FAMILY,
    MISSPELT,
    NO_YEAR,
    SUFFIX_MISSING,
    YEAR_DIFFERS,
    describe,
    near_miss,
)
from citekit.model import Diagnostic, Link, Reference
from citekit.rules import CheckContext, RefOrigin, rule


def entry_name(ref: Reference) -> str:
    """ "entry 4", "entry nye2004soft" or "entry" for messages."""
    if ref.number is not None:
        return f"entry {ref.number}"
    if ref.key:
        return f"entry {ref.key}"
    return "entry"


def _diag(
    code: str, severity: str, link: Link, message: str, help_: str | None = None
) -> Diagnostic:
    c = link.citation
    data = [("citation", c.text), ("status", link.status)]
    data.extend(("target", t) for t in link.targets)
    return Diagnostic(
        code=code,
        severity=severity,  # type: ignore[arg-type]
        message=message,
        span=c.span,
        help=help_,
        data=tuple(data),
    )


def _refs(ctx: CheckContext) -> dict[str, Reference]:
    return {r.id: r for r in ctx.references}


def _target(ctx: CheckContext, link: Link) -> Reference | None:
    return _refs(ctx).get(link.targets[0]) if link.targets else None


def _suggested(ctx: CheckContext, kind: str) -> Iterator[tuple[Link, Reference]]:
    refs = _refs(ctx)
    for link in ctx.links:
        if near_miss(link) == kind and link.targets and link.targets[0] in refs:
            yield link, refs[link.targets[0]]


def _detail(link: Link) -> str:
    return link.reason.split(":", 1)[1].strip() if ":" in link.reason else link.reason


@rule("CIT001", "unresolved-citation", "error")
def unresolved(ctx: CheckContext) -> Iterator[Diagnostic]:
    """An author-year citation matches no entry of the reference list.

    ## What it does
    Reports a citation such as "(Ostrom and Walker, 2003)" when no entry has that
    family name, nor anything close to it, with that year or another.

    ## Why is this bad?
    The reader cannot find the work; usually the entry was forgotten or the
    citation names the wrong author.

    ## Example
    ```
    ... as argued before (Ostrom and Walker, 2003).
    References
    Ostrom, E. 1990. Governing the Commons.
    ```
    Add the missing entry, or correct the citation.
    """
    for link in ctx.links:
        if (
            link.status == "unresolved"
            and link.citation.kind == "author-year"
            and link.citation.command != "note"
        ):
            help_ = (
                "an unformatted EndNote citation: its work is in the EndNote library; "
                "Update Citations and Bibliography in Word writes the bibliography with it"
                if link.citation.command == "endnote"
                else None
            )
            yield _diag("CIT001", "error", link, f"{link.citation.text}: {link.reason}", help_)


@rule("CIT002", "ambiguous-citation", "warning")
def ambiguous(ctx: CheckContext) -> Iterator[Diagnostic]:
    """A citation fits two or more entries equally well.

    ## What it does
    Reports "(Mankoff, 2012)" when the list has two Mankoff 2012 entries and
    neither a year suffix (2012a/2012b) nor a page locator tells them apart.

    ## Why is this bad?
    The reader cannot tell which work is meant.

    ## Example
    ```
    (Glaeser, 2011)
    Glaeser, E. 2011. Triumph of the City.
    Glaeser, E. 2011. Cities, productivity, and quality of life.
    ```
    Use "2012a" and "2012b" in the list and in the citations.
    """
    refs = _refs(ctx)
    for link in ctx.links:
        if link.status == "ambiguous":
            labels = [describe(refs[t], title=True) for t in link.targets if t in refs]
            yield _diag(
                "CIT002",
                "warning",
                link,
                f"{link.citation.text}: {len(link.targets)} entries fit: " + "; ".join(labels),
                _short_title_fix(link, refs)
                if link.citation.command == "author-page"
                else "add a/b suffixes to the years in the list and the citations, or a page locator",
            )


def _short_title_fix(link: Link, refs: Mapping[str, Reference]) -> str:
    """MLA's way to tell two works by one author apart: "(Okafor, Shore 45)"."""
    c = link.citation
    first = refs.get(link.targets[0]) if link.targets else None
    words = re.findall(r"[^\W\d_][\w'-]*", (first.title if first else None) or "")
    short = next((w for w in words if w.lower() not in ("a", "an", "the")), "Title")
    return f'add a short title after the name, as MLA does: "({c.names[0]}, {short} {c.locator})"'


@rule("CIT003", "year-mismatch", "warning")
def year_mismatch(ctx: CheckContext) -> Iterator[Diagnostic]:
    """The cited author is in the list, but with another year.

    ## What it does
    Reports "(Thornton, 2020)" when the list has Thornton (2021) and no
    Thornton 2020.

    ## Why is this bad?
    A wrong year sends the reader to the wrong work, or to none.

    ## Example
    ```
    (Thornton, 2020)      ->  (Thornton, 2021)
    ```
    """
    for link, ref in _suggested(ctx, YEAR_DIFFERS):
        yield _diag(
            "CIT003",
            "warning",
            link,
            f"{link.citation.text}: the list has {describe(ref)}",
            f"did you mean {describe(ref)}?",
        )


@rule("CIT004", "name-mismatch", "warning")
def name_mismatch(ctx: CheckContext) -> Iterator[Diagnostic]:
    """The cited family name looks like a misspelling of an entry's author.

    ## What it does
    Reports "(Mearsheimmer, 2014)" when the list has Mearsheimer (2014): the
    year fits and the names differ by a letter or two.

    ## Why is this bad?
    Misspelt names break search and automatic linking, and look careless.

    ## Example
    ```
    (Mearsheimmer, 2014)  ->  (Mearsheimer, 2014)
    ```
    """
    for link, ref in _suggested(ctx, MISSPELT):
        yield _diag(
            "CIT004",
            "warning",
            link,
            f"{link.citation.text}: {_detail(link)}",
            f"did you mean {describe(ref)}?",
        )


@rule("CIT005", "given-name-as-family", "warning")
def given_as_family(ctx: CheckContext) -> Iterator[Diagnostic]:
    """The citation names an author by the given name instead of the family name.

    ## What it does
    Reports "(Brandon, 2013)" when the list has "Valeriano, Brandon (2013)":
    'Brandon' is the author's given name.

    ## Why is this bad?
    Author-year citations use family names; a given name points nowhere.

    ## Example
    ```
    (Brandon, 2013)       ->  (Valeriano, 2013)
    ```
    """
    for link, ref in _suggested(ctx, GIVEN_AS_FAMILY):
        yield _diag(
            "CIT005",
            "warning",
            link,
            f"{link.citation.text}: {_detail(link)}",
            f"did you mean {describe(ref)}?",
        )


@rule("CIT006", "co-author-mismatch", "warning")
def coauthor(ctx: CheckContext) -> Iterator[Diagnostic]:
    """The citation's co-authors differ from the entry's.

    ## What it does
    Reports a missing or extra co-author ("(Haddad, 2018)" for Haddad and
    Ferreira 2018), or a co-author cited by the given name ("(Donaldson, Vidya
    2014)" for Donaldson and Nadkarni, Vidya).  Where the first author and year
    already identify the entry the citation still resolves, with this warning.

    ## Why is this bad?
    Style guides name both authors of a two-author work and use family names.

    ## Example
    ```
    (Haddad, 2018)        ->  (Haddad and Ferreira, 2018)
    ```
    """
    refs = _refs(ctx)
    for link in ctx.links:
        ref = refs.get(link.targets[0]) if link.targets else None
        if ref is None:
            continue
        if near_miss(link) == COAUTHOR:
            yield _diag(
                "CIT006",
                "warning",
                link,
                f"{link.citation.text}: {_detail(link)}",
                f"did you mean {describe(ref)}?",
            )
        elif link.status == "resolved":
            notes = [
                ev.detail
                for cand in link.candidates
                if cand.target == ref.id
                for ev in cand.evidence
                if ev.what == "co-author" and "given name" in ev.detail
            ]
            if notes:
                yield _diag(
                    "CIT006",
                    "warning",
                    link,
                    f"{link.citation.text}: " + "; ".join(notes),
                    f"cite it as {describe(ref)}",
                )


@rule("CIT007", "entry-without-year", "warning")
def entry_without_year(ctx: CheckContext) -> Iterator[Diagnostic]:
    """The cited author's entry has no year, so the cited year cannot be checked.

    ## What it does
    Reports "(Ward, 2019)" when the list has a Ward entry without any year.

    ## Why is this bad?
    Either the entry lacks its date or the citation's year is invented.

    ## Example
    ```
    (Ward, 2019)
    Ward, Colin. Cities in the Age of Bicycles.   <- add the year
    ```
    """
    for link, ref in _suggested(ctx, NO_YEAR):
        yield _diag(
            "CIT007",
            "warning",
            link,
            f"{link.citation.text}: the entry {describe(ref)} has no year",
            "add the year to the entry",
        )


@rule("CIT008", "year-suffix-mismatch", "warning")
def suffix_mismatch(ctx: CheckContext) -> Iterator[Diagnostic]:
    """The citation lacks the a/b suffix the list gives the year.

    ## What it does
    Reports "(Okafor, 2019)" when the list has Okafor (2019a) and Okafor (2019b).

    ## Why is this bad?
    Without the suffix the reader cannot tell which entry is meant.

    ## Example
    ```
    (Okafor, 2019)        ->  (Okafor, 2019a)
    ```
    """
    refs = _refs(ctx)
    for link, ref in _suggested(ctx, SUFFIX_MISSING):
        fits = [
            describe(refs[c.target])
            for c in link.candidates
            if c.target in refs and any("lacks the suffix" in ev.detail for ev in c.evidence)
        ]
        listed = " and ".join(fits) if len(fits) > 1 else describe(ref)
        yield _diag(
            "CIT008",
            "warning",
            link,
            f"{link.citation.text}: the list has {listed}; the citation lacks the a/b suffix",
            f"did you mean {describe(ref)}?",
        )


@rule("CIT009", "uncited-entry", "warning")
def uncited_entry(ctx: CheckContext) -> Iterator[Diagnostic]:
    """An entry of the reference list (or of the .bib) is never cited.

    ## What it does
    Reports every entry no citation resolves to, is ambiguous with or is
    suggested for.  For a .bib passed with ``--bib`` the entries count as cited
    when any checked file cites them.

    ## Why is this bad?
    Most styles list only cited works; an uncited entry is often a citation
    that was deleted or misspelt beyond recognition.

    ## Example
    ```
    References
    Keohane, R. 1980. The Theory of Hegemonic Stability...   <- never cited
    ```
    """
    if not ctx.report_uncited:
        return
    cited = {t for link in ctx.links for t in link.targets}
    for ref in ctx.own_references:
        if ref.id in cited:
            continue
        origin = ctx.origins.get(ref.id)
        yield Diagnostic(
            code="CIT009",
            severity="warning",
            message=f"{entry_name(ref)} is never cited: {describe(ref)}",
            span=ref.span,
            path=origin.source.path if origin else None,
            data=(("reference", ref.id),),
        )


@rule("CIT010", "undefined-key", "error")
def undefined_key(ctx: CheckContext) -> Iterator[Diagnostic]:
    """A ``\\cite{key}`` or ``[@key]`` names a key that no entry has.

    ## What it does
    Reports cited keys missing from the .bib / CSL-JSON files (and from the
    document's ``thebibliography``).

    ## Why is this bad?
    LaTeX prints "?" and pandoc prints the raw key in place of the citation.

    ## Example
    ```
    \\citep{nye2004sotf}   % the .bib defines nye2004soft
    ```
    """
    refs = _refs(ctx)
    for link in ctx.links:
        if link.status == "unresolved" and link.citation.kind == "key":
            help_ = None
            if link.candidates and link.candidates[0].target in refs:
                help_ = f"did you mean {refs[link.candidates[0].target].key}?"
            yield _diag("CIT010", "error", link, f"{link.citation.text}: {link.reason}", help_)


@rule("CIT011", "number-out-of-range", "error")
def number_out_of_range(ctx: CheckContext) -> Iterator[Diagnostic]:
    """A numeric citation "[12]" points past the end of the numbered list.

    ## What it does
    Reports numbers no entry of a numbered reference list carries.

    ## Why is this bad?
    The citation points at nothing; usually the list was shortened or renumbered.

    ## Example
    ```
    as shown in [14]      <- the list ends at [12]
    ```
    """
    for link in ctx.links:
        if link.status == "unresolved" and link.citation.kind == "numeric":
            yield _diag("CIT011", "error", link, f"[{link.citation.number}]: {link.reason}")


@rule("CIT012", "note-not-in-bibliography", "warning")
def note_not_in_bibliography(ctx: CheckContext) -> Iterator[Diagnostic]:
    """A note gives a work in full that the bibliography beside it lacks.

    ## What it does
    In a document with notes and a bibliography (Chicago's notes and
    bibliography style), reports a full note ("Marta Reyes, *Salt Roads* (Lima:
    Andes Press, 2019), 12.") whose work matches no entry of the bibliography.

    ## Why is this bad?
    A reader who looks the work up in the bibliography does not find it. The
    note itself is complete, so this is a warning; a selected bibliography may
    leave works out on purpose (then ignore CIT012).

    ## Example
    ```
    4. Marta Reyes, Salt Roads (Lima: Andes Press, 2019), 12.
    Bibliography
    Okafor, Chidi. The Shore and the City. Lagos: Lagos UP, 2016.
    ```
    Add the work to the bibliography.
    """
    for link in ctx.links:
        if link.status == "unresolved" and link.citation.command == "note":
            yield _diag(
                "CIT012",
                "warning",
                link,
                f"{link.citation.text}: {link.reason.replace('reference list', 'bibliography')}",
                "add the work to the bibliography, or ignore CIT012 for a selected bibliography",
            )


__all__ = ["RefOrigin"]
