"""CIT9xx: inline suppression comments, and applying them to diagnostics.

A comment ``citekit: noqa`` suppresses every finding on its line;
``citekit: noqa: CIT001, CIT003`` only those codes.  The comment is written in
the document's own comment syntax:

- LaTeX and BibTeX: ``% citekit: noqa: CIT001``
- Markdown/HTML: ``<!-- citekit: noqa: CIT001 -->``
- plain text: ``# citekit: noqa: CIT001`` (or the bare words at the end of a line)

A suppression that suppresses nothing is itself a finding (CIT901), and so is
one naming an unknown code (CIT902).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from citekit.model import Diagnostic, Span
from citekit.rules import declare
from citekit.source import Source

_CODES = r"(?::\s*(?P<codes>[A-Za-z]+\d+(?:\s*[, ]\s*[A-Za-z]+\d+)*))?"
_PATTERNS: dict[str, re.Pattern[str]] = {
    "latex": re.compile(r"(?<!\\)%\s*citekit:\s*noqa" + _CODES, re.IGNORECASE),
    "bibtex": re.compile(r"%\s*citekit:\s*noqa" + _CODES, re.IGNORECASE),
    "markdown": re.compile(r"<!--\s*citekit:\s*noqa" + _CODES + r"\s*-->", re.IGNORECASE),
    "text": re.compile(r"(?:#|//|<!--)?\s*citekit:\s*noqa" + _CODES, re.IGNORECASE),
}

declare(
    "CIT901",
    "unused-noqa",
    "warning",
    """A ``citekit: noqa`` comment suppresses nothing.

    ## What it does
    Reports suppression comments whose line has no finding (of the named codes).

    ## Why is this bad?
    A stale suppression hides the next real problem on that line.

    ## Example
    ```
    A sound claim (Nye, 2004). <!-- citekit: noqa: CIT003 -->   <- nothing to suppress
    ```
    """,
)
declare(
    "CIT902",
    "unknown-noqa-code",
    "warning",
    """A ``citekit: noqa`` comment names a code that no rule has.

    ## What it does
    Reports codes in suppression comments that `citekit rules` does not list.

    ## Why is this bad?
    A typo in a code suppresses nothing and hides that fact.

    ## Example
    ```
    % citekit: noqa: CIT0001
    ```
    """,
)


@dataclass(frozen=True, slots=True)
class Suppression:
    line: int
    span: Span
    codes: tuple[str, ...]  # empty: every code


def find_suppressions(source: Source) -> list[Suppression]:
    pattern = _PATTERNS.get(source.format, _PATTERNS["text"])
    if "noqa" not in source.text and "NOQA" not in source.text.upper():
        return []
    out = []
    for m in pattern.finditer(source.text):
        codes = tuple(c.upper() for c in re.split(r"[\s,]+", m.group("codes") or "") if c)
        start = m.start() + (len(m.group()) - len(m.group().lstrip()))
        out.append(Suppression(source.line_of(m.start()), Span(start, m.end()), codes))
    return out


def apply_suppressions(
    source: Source,
    diagnostics: Sequence[Diagnostic],
    known_codes: frozenset[str],
    line_of: dict[int, int] | None = None,
) -> list[Diagnostic]:
    """Drop suppressed diagnostics of ``source``; add CIT901/CIT902 findings.

    Diagnostics of other files (their ``path`` differs) pass through untouched.
    """
    sups = find_suppressions(source)
    if not sups:
        return list(diagnostics)
    by_line: dict[int, list[Suppression]] = {}
    for s in sups:
        by_line.setdefault(s.line, []).append(s)
    used: set[tuple[int, str]] = set()
    kept: list[Diagnostic] = []
    for d in diagnostics:
        if d.path not in (None, source.path):
            kept.append(d)
            continue
        line = source.line_of(d.span.start)
        hit = False
        for s in by_line.get(line, ()):
            if not s.codes:
                used.add((s.span.start, "*"))
                hit = True
            elif d.code in s.codes:
                used.add((s.span.start, d.code))
                hit = True
        if not hit:
            kept.append(d)
    for s in sups:
        unknown = [c for c in s.codes if c not in known_codes]
        for c in unknown:
            kept.append(
                Diagnostic(
                    "CIT902",
                    "warning",
                    f"noqa names unknown rule code {c}",
                    s.span,
                    path=source.path,
                )
            )
        if not s.codes:
            if (s.span.start, "*") not in used:
                kept.append(
                    Diagnostic(
                        "CIT901",
                        "warning",
                        "unused suppression: nothing to suppress on this line",
                        s.span,
                        path=source.path,
                    )
                )
            continue
        unused = [c for c in s.codes if c in known_codes and (s.span.start, c) not in used]
        if unused:
            kept.append(
                Diagnostic(
                    "CIT901",
                    "warning",
                    f"unused suppression of {', '.join(unused)}: no such finding on this line",
                    s.span,
                    path=source.path,
                )
            )
    return kept
