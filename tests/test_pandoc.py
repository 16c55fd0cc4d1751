"""Pandoc Markdown citation keys: bracketed, narrative, suppressed author, locators, non-citations."""

from __future__ import annotations

import pytest

from citekit.pandoc import find_pandoc_keys


def keys(text: str) -> list[str]:
    return [c.key or "" for c in find_pandoc_keys(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("[@nye2004]", ["nye2004"]),
        ("[@nye2004, p. 5]", ["nye2004"]),
        ("[see @a; @b, pp. 3-4; also @c]", ["a", "b", "c"]),
        ("@smith2001 argues", ["smith2001"]),
        ("As @smith2001 [p. 33] argues", ["smith2001"]),
        ("[-@x]", ["x"]),
        ("@doe:2004. Then", ["doe:2004"]),
        ("@{odd key/2020}", ["odd key/2020"]),
        ("write to foo@bar.com or @handle.", ["handle"]),
        ("user@example.org, x@y", []),
        (r"\@notacite", []),
        ("`@code` and\n```\n[@fenced]\n```\n", []),
        ("[a link](http://example.org/@user)", []),
        ("[^1] footnote", []),
        ("[@a] and [@b]", ["a", "b"]),
        ("[@a]\n\n[@b", ["a", "b"]),  # an unclosed bracket: @b is still narrative
    ],
)
def test_keys(text: str, expected: list[str]) -> None:
    assert keys(text) == expected


def test_bracketed_details() -> None:
    text = "Shown before [see @a, pp. 3-4; also @b, chap. 1; @c, emphasis added]."
    a, b, c = find_pandoc_keys(text)
    assert (a.prefix, a.locator, a.suffix) == ("see", "pp. 3-4", None)
    assert (b.prefix, b.locator) == ("also", "chap. 1")
    assert (c.locator, c.suffix) == (None, "emphasis added")
    assert text[a.span.start : a.span.end] == "a" and text[c.span.start : c.span.end] == "c"
    assert a.group == b.group == c.group
    assert text[a.group.start : a.group.end].startswith("[see @a")
    assert not any(x.narrative for x in (a, b, c))
    assert all(x.kind == "key" for x in (a, b, c))


def test_locator_with_extra_suffix_and_bare_number() -> None:
    (c,) = find_pandoc_keys("[@keohane1980, 12, emphasis added]")
    assert c.locator == "12" and c.suffix == "emphasis added"


def test_narrative_and_suppressed() -> None:
    text = "As @nye2004 [p. 33] says, and [-@nye2004, 40] adds."
    first, second = find_pandoc_keys(text)
    assert first.narrative and first.locator == "p. 33" and first.command == "@"
    assert text[first.group.start : first.group.end] == "@nye2004 [p. 33]"
    assert not second.narrative and second.command == "-@" and second.locator == "40"


def test_long_input_is_linear() -> None:
    text = ("word [not a citation " * 2000) + "@last"
    assert keys(text) == ["last"]


def test_front_matter_nocite() -> None:
    text = (
        "---\ntitle: On @notakey\nbibliography: refs.bib\nnocite: |\n  @extra1, @{odd/key}\n"
        "author: me@example.org\n---\n\nBody [@a].\n"
    )
    found = find_pandoc_keys(text)
    assert [(c.key, c.command) for c in found] == [
        ("extra1", "nocite"),
        ("odd/key", "nocite"),
        ("a", "@"),
    ]
    assert all(text[c.span.start : c.span.end] == c.key for c in found)
    star = find_pandoc_keys("---\nnocite: '@*'\n---\ntext\n")
    assert [c.key for c in star] == ["*"]


@pytest.mark.parametrize(
    ("text", "locator", "suffix"),
    [
        ("[@k, pp. 33-35, 38]", "pp. 33-35, 38", None),
        ("[@k, p. 5, emphasis added]", "p. 5", "emphasis added"),
        ("[@k, 12]", "12", None),
        ("[@k, see also]", None, "see also"),
        ("[@k]", None, None),
    ],
)
def test_locators(text: str, locator: str | None, suffix: str | None) -> None:
    (c,) = find_pandoc_keys(text)
    assert (c.locator, c.suffix) == (locator, suffix)
