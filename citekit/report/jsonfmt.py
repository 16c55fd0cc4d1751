"""The JSON report: a versioned contract (``version`` 1), see ``schema-v1.json``.

Shape::

    {"version": 1,
     "files": [{"path": str,
                "references": [{"id", "number", "key", "line", "path", "cited"}],
                "citations": [{"text", "line", "column", "end_line", "end_column",
                               "kind", "status", "targets", "reason"}],
                "diagnostics": [{"code", "severity", "message", "line", "column",
                                 "end_line", "end_column", "path", "help"}]}],
     "summary": {"files", "citations", "resolved", "ambiguous", "suggested",
                 "unresolved", "errors", "warnings", "infos"}}

Lines and columns are 1-based; ``end_column`` is one past the last character
(exclusive, as in SARIF).  ``targets`` are reference ids of the same file's
``references``.  Within version 1 fields are only ever
added, never renamed or removed; a breaking change bumps ``version``.
"""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

from citekit.check import CheckResult, FileReport
from citekit.model import Span
from citekit.source import Source

VERSION = 1


def _pos(source: Source, span: Span) -> dict[str, int]:
    line, col = source.line_col(span.start)
    end_line, end_col = source.line_col(max(span.start, span.end - 1))
    return {"line": line, "column": col, "end_line": end_line, "end_column": end_col + 1}


def _file(f: FileReport, sources: dict[str, Source]) -> dict[str, Any]:
    cited = {t for link in f.links for t in link.targets}
    refs = []
    for r in f.references:
        origin = f.origins.get(r.id)
        src = origin.source if origin else f.source
        refs.append(
            {
                "id": r.id,
                "number": r.number,
                "key": r.key,
                "line": src.line_of(r.span.start),
                "path": src.path,
                "cited": r.id in cited,
            }
        )
    citations = []
    for link in f.links:
        c = link.citation
        citations.append(
            {
                "text": c.text,
                **_pos(f.source, c.span),
                "kind": c.kind,
                "status": link.status,
                "targets": list(link.targets),
                "reason": link.reason,
            }
        )
    diags = []
    for d in f.diagnostics:
        src = sources.get(d.path or f.path, f.source)
        diags.append(
            {
                "code": d.code,
                "severity": d.severity,
                "message": d.message,
                **_pos(src, d.span),
                "path": d.path or f.path,
                "help": d.help,
            }
        )
    return {"path": f.path, "references": refs, "citations": citations, "diagnostics": diags}


def report_dict(result: CheckResult) -> dict[str, Any]:
    sources = result.sources()
    statuses: Counter[str] = Counter(link.status for f in result.files for link in f.links)
    severities: Counter[str] = Counter(d.severity for d in result.diagnostics)
    return {
        "version": VERSION,
        "files": [_file(f, sources) for f in result.files],
        "summary": {
            "files": len(result.files),
            "citations": sum(statuses.values()),
            **{s: statuses[s] for s in ("resolved", "ambiguous", "suggested", "unresolved")},
            "errors": severities["error"],
            "warnings": severities["warning"],
            "infos": severities["info"],
        },
    }


def render_json(result: CheckResult) -> str:
    return json.dumps(report_dict(result), ensure_ascii=False, indent=2) + "\n"
