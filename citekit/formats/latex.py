"""LaTeX escaping and unescaping of field values for BibTeX/BibLaTeX files.

Specials (``& % $ # _ { } ~ ^ \\``) are escaped so that a value always has
balanced braces; non-ASCII characters become LaTeX accent commands through
latexcodec (``Ş`` -> ``{\\c S}``) so the file works with classic BibTeX too.
"""

from __future__ import annotations

import codecs
import contextlib
import re
from functools import lru_cache
from typing import cast

import latexcodec  # noqa: F401  (registers the "ulatex" codec)

__all__ = ["ASCII_SPECIALS", "latex_escape", "latex_unescape", "protect_capitals"]

# The ASCII characters LaTeX gives a meaning of its own, spelt so they print as themselves.
ASCII_SPECIALS = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}
_SPECIALS = {
    **ASCII_SPECIALS,
    # latexcodec writes these as plain ' which would not read back as the curly quote
    "‘": r"\textquoteleft{}",
    "’": r"\textquoteright{}",
}
_NEEDS = re.compile(r"[\\{}&%$#_~^]|[^\x00-\x7f]")


@lru_cache(maxsize=4096)
def _char(ch: str) -> str:
    if ch in _SPECIALS:
        return _SPECIALS[ch]
    if ch == "\u00a0":
        return "~"
    try:
        enc = cast(str, codecs.encode(ch, "ulatex"))
    except UnicodeEncodeError:
        return ch  # no LaTeX form known (e.g. "ª"): keep the character; the file is UTF-8
    if enc == ch:
        return ch  # no LaTeX form known: keep the character (UTF-8 file)
    if enc.startswith("\\") and not enc.startswith(("\\{", "\\}")):
        return "{" + enc.rstrip() + "}"
    return enc


def latex_escape(value: str) -> str:
    """Escape a plain-text value for a BibTeX field; braces stay balanced.

    Literal braces are written ``\\{``/``\\}`` and then balanced-checked: where
    a value's braces do not pair up (a stray "{" in a title), they are written
    as ``\\textbraceleft{}``/``\\textbraceright{}`` which BibTeX does not count.
    """
    if not _NEEDS.search(value):
        return value
    out = "".join(_char(c) for c in value)
    if not _balanced(out):
        out = out.replace(r"\{", r"\textbraceleft{}").replace(r"\}", r"\textbraceright{}")
    return out


def _balanced(s: str) -> bool:
    depth = 0
    for c in s:
        if c == "{":
            depth += 1
        elif c == "}":
            depth -= 1
            if depth < 0:
                return False
    return depth == 0


_WORD_PROTECT = re.compile(r"(?<![\\{\w])([^\W\d_]*[A-Z][^\W\d_]*[A-Z][\w'’-]*|[a-z]+[A-Z][\w]*)")


def protect_capitals(escaped_title: str) -> str:
    """Brace acronyms and mixed-case words ("NATO", "iPhone") so styles keep their case."""
    if "\\" in escaped_title:
        # keep it simple around commands: protect only plain all-caps words
        return re.sub(r"(?<![\\{\w])([A-Z]{2,})(?![\w}])", r"{\1}", escaped_title)
    return _WORD_PROTECT.sub(r"{\1}", escaped_title)


_PLACEHOLDERS = (
    (re.compile(r"\\textbackslash(?:\{\}|\s+|(?![a-zA-Z]))"), "\\"),
    (re.compile(r"\\textbraceleft(?:\{\}|\s+|(?![a-zA-Z]))"), "{"),
    (re.compile(r"\\textbraceright(?:\{\}|\s+|(?![a-zA-Z]))"), "}"),
    (re.compile(r"\\textasciitilde(?:\{\}|\s+|(?![a-zA-Z]))"), "~"),
    (re.compile(r"\\textasciicircum(?:\{\}|\s+|(?![a-zA-Z]))"), "^"),
    (re.compile(r"\\textquoteleft(?:\{\}|\s+|(?![a-zA-Z]))"), "‘"),
    (re.compile(r"\\textquoteright(?:\{\}|\s+|(?![a-zA-Z]))"), "’"),
    (re.compile(r"\\\{"), "{"),
    (re.compile(r"\\\}"), "}"),
    (re.compile(r"\\([&%$#_])"), None),
)


def latex_unescape(value: str) -> str:
    """A BibTeX field value as plain text: accents decoded, protective braces dropped."""
    if not value:
        return value
    s = value
    kept: list[str] = []

    def hold(ch: str) -> str:
        kept.append(ch)
        return f"\ue000{len(kept) - 1}\ue001"

    for pattern, ch in _PLACEHOLDERS:
        s = pattern.sub(lambda m, ch=ch: hold(ch if ch is not None else m.group(1)), s)  # type: ignore[misc]
    # latexcodec is strict on some malformed input: then keep the raw value
    with contextlib.suppress(Exception):
        s = cast(str, codecs.decode(s, "ulatex"))  # type: ignore[call-overload]
    s = s.replace("{", "").replace("}", "")
    s = re.sub(r"\s+", " ", s).strip()
    return re.sub("\ue000(\\d+)\ue001", lambda m: kept[int(m.group(1))], s)
