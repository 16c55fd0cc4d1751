"""The rule registry, its documentation, selection by prefix, and inline suppressions."""

from __future__ import annotations

import re

import pytest

from citekit.check import check_source
from citekit.config import Settings
from citekit.errors import ConfigError
from citekit.model import Diagnostic, Span
from citekit.rules import all_rules, check_prefixes, get_rule, is_enabled
from citekit.rules.suppressions import apply_suppressions, find_suppressions
from citekit.source import Source

REFS = "\n\nReferences\n\nOkafor, N. (2019). Nets and numbers. Lagos Press.\n"


def test_codes_are_stable_unique_and_documented() -> None:
    rules = all_rules()
    codes = [r.code for r in rules]
    assert len(codes) == len(set(codes))
    assert all(re.fullmatch(r"CIT\d{3}", c) for c in codes)
    for required in (
        "CIT001",
        "CIT002",
        "CIT003",
        "CIT004",
        "CIT005",
        "CIT006",
        "CIT007",
        "CIT008",
        "CIT009",
        "CIT010",
        "CIT011",
        "CIT101",
        "CIT102",
        "CIT103",
        "CIT104",
        "CIT901",
    ):
        assert required in codes
    for r in rules:
        assert r.severity in ("error", "warning", "info")
        assert re.fullmatch(r"[a-z0-9-]+", r.name)
        for section in ("## What it does", "## Why is this bad?", "## Example"):
            assert section in r.doc, (r.code, section)
    assert not any(c.startswith("CIT2") for c in codes)  # reserved for DOI rules


def test_get_rule() -> None:
    assert get_rule("cit001").name == "unresolved-citation"
    with pytest.raises(ConfigError):
        get_rule("CIT999")


@pytest.mark.parametrize(
    ("code", "select", "ignore", "enabled"),
    [
        ("CIT001", ("CIT",), (), True),
        ("CIT001", ("CIT",), ("CIT0",), False),
        ("CIT001", ("CIT001",), ("CIT0",), True),  # the longer prefix wins
        ("CIT101", ("CIT0",), (), False),
        ("CIT101", ("ALL",), ("CIT1",), False),
        ("CIT901", ("ALL",), (), True),
    ],
)
def test_prefix_selection(
    code: str, select: tuple[str, ...], ignore: tuple[str, ...], enabled: bool
) -> None:
    assert is_enabled(code, select, ignore) is enabled


def test_unknown_prefix_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="matches no rule"):
        check_prefixes(["XYZ1"], "select")
    assert check_prefixes(["cit0", " CIT101 "], "select") == ("CIT0", "CIT101")


def codes(text: str, fmt: str = "text", **settings: object) -> list[str]:
    """Codes found in ``text`` with a one-entry list that a first line cites."""
    if fmt == "latex":
        tail = "\n\\begin{thebibliography}{1}\n\\bibitem{okafor} Okafor, N. (2019). Nets.\n\\end{thebibliography}\n"
        doc = "Cited \\cite{okafor}.\n" + text + tail
    else:
        doc = "Cited (Okafor, 2019).\n" + text + REFS
    rep = check_source(Source("doc", doc, fmt), Settings(**settings))  # type: ignore[arg-type]
    return [d.code for d in rep.diagnostics]


def test_select_and_ignore_filter_findings() -> None:
    text = "Another (Brennan, 2001)."
    assert codes(text) == ["CIT001"]
    assert codes(text, ignore=("CIT001",)) == []
    assert codes(text, select=("CIT1",)) == []


@pytest.mark.parametrize(
    ("fmt", "comment"),
    [
        ("text", "# citekit: noqa: CIT001"),
        ("markdown", "<!-- citekit: noqa: CIT001 -->"),
        ("latex", "% citekit: noqa: CIT001"),
    ],
)
def test_inline_suppression_in_each_format(fmt: str, comment: str) -> None:
    text = f"A claim (Okafor, 2019) and another (Brennan, 2001). {comment}"
    assert codes(text.split(" " + comment.split()[0])[0], fmt) == ["CIT001"]
    assert codes(text, fmt) == []


def test_blanket_suppression_and_unused_suppressions() -> None:
    assert codes("Another (Brennan, 2001). # citekit: noqa") == []
    assert codes("A sound claim (Okafor, 2019). # citekit: noqa") == ["CIT901"]
    assert codes("A sound claim (Okafor, 2019). # citekit: noqa: CIT003") == ["CIT901"]
    assert codes("Another (Brennan, 2001). # citekit: noqa: CIT001, CIT003") == ["CIT901"]
    assert codes("Another (Brennan, 2001). # citekit: noqa: CIT777") == ["CIT001", "CIT902"]


def test_suppression_only_covers_its_line() -> None:
    text = "Another (Brennan, 2001).\nNothing here. # citekit: noqa: CIT001"
    assert codes(text) == ["CIT001", "CIT901"]


def test_unused_noqa_can_be_ignored() -> None:
    assert codes("A sound claim (Okafor, 2019). # citekit: noqa", ignore=("CIT9",)) == []


def test_markdown_comment_syntax_is_required_in_markdown() -> None:
    src = Source("x.md", "Line (Brennan, 2001). # citekit: noqa: CIT001\n", "markdown")
    assert find_suppressions(src) == []
    diag = Diagnostic("CIT001", "error", "m", Span(6, 19), path="x.md")
    assert apply_suppressions(src, [diag], frozenset({"CIT001"})) == [diag]


def test_diagnostics_of_other_files_pass_through() -> None:
    src = Source("doc.tex", "x % citekit: noqa: CIT102\n", "latex")
    other = Diagnostic("CIT102", "error", "dup", Span(0, 1), path="refs.bib")
    kept = apply_suppressions(src, [other], frozenset({"CIT102"}))
    assert other in kept and [d.code for d in kept] == ["CIT102", "CIT901"]
