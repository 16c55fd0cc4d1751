"""Reporters: golden files for text, JSON, GitHub and SARIF; the JSON schema; GitHub's cap.

Set CITEKIT_UPDATE_GOLDEN=1 to rewrite the golden files after an intended change.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import jsonschema
import pytest

from citekit.check import CheckResult, FileReport, check_paths
from citekit.config import Settings
from citekit.model import Diagnostic, Span
from citekit.report import render
from citekit.report.github import CAP
from citekit.source import Source

UPDATE = os.environ.get("CITEKIT_UPDATE_GOLDEN") == "1"
INPUTS = ["findings.txt", "essay.md", "paper.tex"]
SUFFIX = {"text": "txt", "json": "json", "github": "github.txt", "sarif": "sarif"}


@pytest.fixture
def result(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> CheckResult:
    monkeypatch.chdir(data_dir / "check")
    return check_paths(INPUTS, Settings())


def golden(data_dir: Path, name: str, actual: str) -> None:
    path = data_dir / "check" / name
    if UPDATE or not path.exists():
        path.write_text(actual, encoding="utf-8")
    assert actual == path.read_text(encoding="utf-8")


@pytest.mark.parametrize("fmt", ["text", "json", "github", "sarif"])
def test_golden(result: CheckResult, data_dir: Path, fmt: str) -> None:
    golden(data_dir, f"report.{SUFFIX[fmt]}", render(result, fmt))


def test_text_has_location_excerpt_and_help(result: CheckResult) -> None:
    out = render(result, "text")
    assert (
        "findings.txt:5:19: CIT005 Ruth, 2018: 'Ruth' is the given name of Reed, Ruth (2018)" in out
    )
    assert "= help: did you mean Reed (2018)?" in out
    assert "5 | Winds matter too (Ruth, 2018)" in out
    assert "\x1b[" not in out
    assert "\x1b[" in render(result, "text", color=True)


def test_json_matches_the_documented_schema(result: CheckResult) -> None:
    schema_path = Path(__file__).resolve().parents[1] / "citekit" / "report" / "schema-v1.json"
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    data = json.loads(render(result, "json"))
    jsonschema.validate(data, schema)
    assert data["version"] == 1
    paths = [f["path"] for f in data["files"]]
    assert paths == ["findings.txt", "essay.md", "paper.tex", "refs.bib"]
    essay = data["files"][1]
    ids = {r["id"] for r in essay["references"]}
    for c in essay["citations"]:
        assert set(c["targets"]) <= ids
        assert c["line"] >= 1 and c["column"] >= 1
    first = essay["citations"][0]
    assert (first["text"], first["line"], first["column"], first["status"]) == (
        "Okafor, 2019a",
        3,
        58,
        "resolved",
    )


def test_json_schema_rejects_a_broken_report() -> None:
    schema_path = Path(__file__).resolve().parents[1] / "citekit" / "report" / "schema-v1.json"
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"version": 2, "files": []}, schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(
            {
                "version": 1,
                "files": [
                    {
                        "path": "x",
                        "references": [],
                        "citations": [
                            {
                                "text": "x",
                                "line": 1,
                                "column": 1,
                                "status": "found",
                                "targets": [],
                                "reason": "",
                            }
                        ],
                        "diagnostics": [],
                    }
                ],
            },
            schema,
        )


def test_sarif_structure(result: CheckResult) -> None:
    data = json.loads(render(result, "sarif"))
    assert data["version"] == "2.1.0"
    run = data["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert {r["id"] for r in rules} >= {"CIT001", "CIT009", "CIT901"}
    for res in run["results"]:
        assert rules[res["ruleIndex"]]["id"] == res["ruleId"]
        assert res["level"] in ("error", "warning", "note")
        region = res["locations"][0]["physicalLocation"]["region"]
        assert region["startLine"] >= 1 and region["endColumn"] >= 1


def many(n: int, severity: str) -> CheckResult:
    text = "x\n" * n
    src = Source("doc.txt", text)
    diags = tuple(
        Diagnostic("CIT001", severity, f"finding {i}, with 100% detail", Span(2 * i, 2 * i + 1))  # type: ignore[arg-type]
        for i in range(n)
    )
    return CheckResult((FileReport(src, (), (), diags),))


def test_github_caps_annotations_per_type_and_summarises_the_rest() -> None:
    out = render(many(13, "error"), "github").splitlines()
    annotations = [line for line in out if line.startswith("::error ")]
    assert len(annotations) == CAP
    assert (
        annotations[0]
        == "::error file=doc.txt,line=1,col=1,endLine=1,endColumn=2,title=CIT001::finding 0, with 100%25 detail"
    )
    assert any("3 more findings not shown as annotations" in line for line in out)
    assert "doc.txt:13:1: CIT001 finding 12, with 100% detail" in out
    assert out[-1] == "citekit: 13 findings"


def test_github_cap_is_per_type() -> None:
    a, b = many(10, "error"), many(10, "warning")
    both = CheckResult(
        (*a.files, FileReport(Source("w.txt", "x\n" * 10), (), (), b.files[0].diagnostics))
    )
    out = render(both, "github")
    assert out.count("::error ") == 10 and out.count("::warning ") == 10
    assert "not shown" not in out


def test_clean_report(tmp_path: Path) -> None:
    doc = tmp_path / "ok.txt"
    doc.write_text(
        "Fine (Okafor, 2019).\n\nReferences\n\nOkafor, N. (2019). Nets. Lagos Press.\n",
        encoding="utf-8",
    )
    result = check_paths([str(doc)])
    assert result.diagnostics == []
    assert render(result, "text").endswith("All clear; 1 of 1 citations resolved.\n")
    assert render(result, "github") == "citekit: 0 findings\n"
