"""GitHub Actions annotations (workflow commands).

GitHub shows at most 10 annotations of each type (error, warning, notice) per
step and drops the rest silently.  So: the first 10 of each type become
annotations, and the others are printed as plain ``path:line:col`` lines under
a summary, so nothing is lost from the log.
"""

from __future__ import annotations

from collections import defaultdict

from citekit.check import CheckResult
from citekit.model import Diagnostic
from citekit.source import Source

CAP = 10
_TYPES = {"error": "error", "warning": "warning", "info": "notice"}


def _escape_data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_prop(s: str) -> str:
    return _escape_data(s).replace(":", "%3A").replace(",", "%2C")


def _location(d: Diagnostic, source: Source | None) -> tuple[int, int, int, int]:
    if source is None:
        return 1, 1, 1, 1
    line, col = source.line_col(d.span.start)
    end_line, end_col = source.line_col(max(d.span.start, d.span.end - 1))
    return line, col, end_line, end_col + 1


def render_github(result: CheckResult) -> str:
    sources = result.sources()
    shown: dict[str, int] = defaultdict(int)
    rest: list[str] = []
    out: list[str] = []
    for f in result.files:
        for d in f.diagnostics:
            path = d.path or f.path
            line, col, end_line, end_col = _location(d, sources.get(path))
            kind = _TYPES.get(d.severity, "notice")
            message = d.message + (f" (help: {d.help})" if d.help else "")
            if shown[kind] < CAP:
                shown[kind] += 1
                props = [f"file={_escape_prop(path)}", f"line={line}", f"col={col}"]
                props += [f"endLine={end_line}"]
                if end_line == line:
                    props.append(f"endColumn={end_col}")
                props.append(f"title={_escape_prop(d.code)}")
                out.append(f"::{kind} {','.join(props)}::{_escape_data(message)}")
            else:
                rest.append(f"{path}:{line}:{col}: {d.code} {message}")
    if rest:
        out.append(
            f"citekit: {len(rest)} more finding{'s' if len(rest) != 1 else ''} not shown as "
            f"annotations (GitHub shows at most {CAP} of each type per step):"
        )
        out.extend(rest)
    total = len(result.diagnostics)
    out.append(f"citekit: {total} finding{'s' if total != 1 else ''}")
    return "\n".join(out) + "\n"
