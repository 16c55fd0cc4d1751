"""Reporters: one renderer per output format, all reading the same CheckResult.

- ``text``: ``path:line:col: CODE message``, a source excerpt and a help line;
  colour only when asked (the CLI asks on a terminal);
- ``json``: the versioned contract documented in ``citekit/report/schema-v1.json``;
- ``github``: GitHub Actions workflow commands (annotations), capped per type;
- ``sarif``: SARIF 2.1.0 with rule metadata, for code-scanning upload.
"""

from __future__ import annotations

from citekit.check import CheckResult
from citekit.errors import ConfigError

FORMATS = ("text", "json", "github", "sarif")


def render(result: CheckResult, fmt: str, color: bool = False) -> str:
    """The whole report as one string (ends with a newline when not empty)."""
    if fmt == "text":
        from citekit.report.text import render_text

        return render_text(result, color=color)
    if fmt == "json":
        from citekit.report.jsonfmt import render_json

        return render_json(result)
    if fmt == "github":
        from citekit.report.github import render_github

        return render_github(result)
    if fmt == "sarif":
        from citekit.report.sarif import render_sarif

        return render_sarif(result)
    raise ConfigError(f"unknown report format {fmt!r}; choose one of {', '.join(FORMATS)}")
