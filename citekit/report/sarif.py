"""SARIF 2.1.0 output with rule metadata, for GitHub code scanning and other viewers."""

from __future__ import annotations

import json
from pathlib import PurePosixPath
from typing import Any

from citekit import __version__
from citekit.check import CheckResult
from citekit.rules import all_rules

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVELS = {"error": "error", "warning": "warning", "info": "note"}
INFORMATION_URI = "https://github.com/citekit/citekit"


def _uri(path: str) -> str:
    return PurePosixPath(path.replace("\\", "/")).as_posix()


def sarif_dict(result: CheckResult) -> dict[str, Any]:
    rules = all_rules()
    index = {r.code: i for i, r in enumerate(rules)}
    sources = result.sources()
    results: list[dict[str, Any]] = []
    for f in result.files:
        for d in f.diagnostics:
            path = d.path or f.path
            src = sources.get(path, f.source)
            line, col = src.line_col(d.span.start)
            end_line, end_col = src.line_col(max(d.span.start, d.span.end - 1))
            text = d.message + (f"\nhelp: {d.help}" if d.help else "")
            item: dict[str, Any] = {
                "ruleId": d.code,
                "level": _LEVELS.get(d.severity, "note"),
                "message": {"text": text},
                "locations": [
                    {
                        "physicalLocation": {
                            "artifactLocation": {"uri": _uri(path)},
                            "region": {
                                "startLine": line,
                                "startColumn": col,
                                "endLine": end_line,
                                "endColumn": end_col + 1,
                            },
                        }
                    }
                ],
            }
            if d.code in index:
                item["ruleIndex"] = index[d.code]
            results.append(item)
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "citekit",
                        "version": __version__,
                        "informationUri": INFORMATION_URI,
                        "rules": [
                            {
                                "id": r.code,
                                "name": r.name,
                                "shortDescription": {"text": r.summary},
                                "fullDescription": {"text": r.doc},
                                "help": {"text": r.doc, "markdown": r.doc},
                                "defaultConfiguration": {"level": _LEVELS[r.severity]},
                            }
                            for r in rules
                        ],
                    }
                },
                "results": results,
            }
        ],
    }


def render_sarif(result: CheckResult) -> str:
    return json.dumps(sarif_dict(result), ensure_ascii=False, indent=2) + "\n"
