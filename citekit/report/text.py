"""The human report: ``path:line:col: CODE message``, an excerpt, a help line, a summary."""

from __future__ import annotations

from collections import Counter

from citekit.check import CheckResult
from citekit.model import Diagnostic
from citekit.source import Source

_WIDTH = 100  # excerpt lines longer than this are cut around the finding
_COLORS = {"error": "31", "warning": "33", "info": "36"}


def _style(text: str, code: str, color: bool) -> str:
    return f"\x1b[{code}m{text}\x1b[0m" if color else text


def _excerpt(source: Source, d: Diagnostic, color: bool) -> list[str]:
    line, col = source.line_col(d.span.start)
    text = source.line_text(line).replace("\t", " ")
    end_line, end_col = source.line_col(max(d.span.start, d.span.end - 1))
    width = (end_col - col + 1) if end_line == line else len(text) - col + 1
    width = max(1, width)
    start = 0
    if len(text) > _WIDTH:
        start = max(0, min(col - 1 - _WIDTH // 3, len(text) - _WIDTH))
        text = text[start : start + _WIDTH]
        prefix = "…" if start else ""
        suffix = "…" if start + _WIDTH < len(source.line_text(line)) else ""
        text = prefix + text + suffix
        start -= len(prefix)
    gutter = " " * len(str(line))
    caret = " " * (col - 1 - start) + "^" * min(width, _WIDTH)
    return [
        f"{gutter} |",
        f"{line} | {text}",
        f"{gutter} | {_style(caret, _COLORS.get(d.severity, '0'), color)}",
    ]


def format_diagnostic(d: Diagnostic, source: Source | None, color: bool = False) -> list[str]:
    path = d.path or (source.path if source else "-")
    if source is not None:
        line, col = source.line_col(d.span.start)
    else:
        line, col = 1, 1
    code = _style(d.code, "1;" + _COLORS.get(d.severity, "0"), color)
    out = [f"{_style(f'{path}:{line}:{col}:', '1', color)} {code} {d.message}"]
    if source is not None:
        out.extend(_excerpt(source, d, color))
        if source.place(line):
            out.append(f"{' ' * len(str(line))} = in the document: {source.place(line)}")
    if d.help:
        out.append(f"{' ' * len(str(line))} = help: {d.help}")
    return out


def render_text(result: CheckResult, color: bool = False) -> str:
    sources = result.sources()
    lines: list[str] = []
    counts: Counter[str] = Counter()
    for f in result.files:
        for d in f.diagnostics:
            lines.extend(format_diagnostic(d, sources.get(d.path or f.path), color))
            lines.append("")
            counts[d.severity] += 1
    n_cit = sum(len(f.links) for f in result.files)
    resolved = sum(1 for f in result.files for link in f.links if link.status == "resolved")
    total = sum(counts.values())
    if total:
        parts = [
            f"{counts[s]} {s}{'s' if counts[s] != 1 else ''}"
            for s in ("error", "warning", "info")
            if counts[s]
        ]
        summary = f"Found {total} finding{'s' if total != 1 else ''} ({', '.join(parts)})"
    else:
        summary = "All clear"
    lines.append(f"{summary}; {resolved} of {n_cit} citations resolved.")
    return "\n".join(lines) + "\n"
