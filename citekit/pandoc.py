"""Pandoc Markdown citations: ``[@key]``, ``[@key, p. 5]``, ``[see @a; @b]``, ``@key``, ``[-@key]``.

Follows pandoc's citation syntax: a key starts with a letter, digit or ``_``
and may hold internal punctuation (``:.#$%&-+?<>~/``) that is not at its end;
``@{...}`` takes any key verbatim.  An ``@`` right after a letter or digit is
an e-mail address or a handle, not a citation.  Code (fenced blocks and inline
backticks) is skipped.  The result is a list of ``Citation`` (kind "key") with
spans in the original text.
"""

from __future__ import annotations

import bisect
import re

from citekit.model import Citation, Span

_KEY = r"(?:\{(?P<bkey>[^{}\n]+)\}|(?P<key>[\w](?:[\w:.#$%&\-+?<>~/]*[\w])?))"
# The "@" of a citation: not after a word character, "@" or backslash (escaped).
_AT = re.compile(r"(?<![\w@\\])(?P<minus>-?)@" + _KEY)
_FENCE = re.compile(
    r"^(?P<fence>`{3,}|~{3,})[^\n]*\n.*?^(?P=fence)[ \t]*$", re.DOTALL | re.MULTILINE
)
_INLINE_CODE = re.compile(r"(?<!`)(`+)(?!`).+?(?<!`)\1(?!`)", re.DOTALL)
# URLs, autolinks and link destinations: an "@" there is part of an address.
_URL = re.compile(r"<[a-z][a-z0-9+.-]*:[^\s>]*>|\b(?:https?|ftp|mailto):[^\s<>()\[\]]+|\]\([^)\s]*")
_LOCATOR_TERMS = (
    r"(?:p|pp|pg|pgs|page|pages|chap|chaps|chapter|chapters|ch|sec|secs|section|sections|"
    r"§|§§|vol|vols|volume|volumes|fig|figs|figure|figures|para|paras|paragraph|n|nn|"
    r"note|notes|l|ll|line|lines|no|nos|number|bk|bks|book|books|col|cols|column|"
    r"pt|pts|part|parts|v|vv|verse|verses|s\.v|sub verbo|op|opp|opus)\.?"
)
_LOCATOR = re.compile(
    r"^\s*,?\s*(?P<loc>(?:"
    + _LOCATOR_TERMS
    + r"\s*)?[\dA-Za-z]*\d[\w\-–—,\s]*?)(?P<rest>\s*$|\s*,\s+(?![\dIVXivx]+\b).*$)",
    re.IGNORECASE | re.DOTALL,
)


def _blank(text: str, pattern: re.Pattern[str]) -> str:
    def repl(m: re.Match[str]) -> str:
        return "".join("\n" if ch == "\n" else " " for ch in m.group(0))

    return pattern.sub(repl, text)


# YAML front matter: metadata, not prose; its ``nocite`` field cites keys (``@*``: all).
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n.*?\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_NOCITE = re.compile(r"^nocite:[^\n]*(?:\n[ \t]+[^\n]*)*", re.MULTILINE)
_NOCITE_KEY = re.compile(r"(?<![\w@])@(\*|" + _KEY + r")")


def _without_code(text: str) -> str:
    return _blank(_blank(_blank(_blank(text, _FRONT_MATTER), _FENCE), _INLINE_CODE), _URL)


def _nocite_keys(text: str) -> list[Citation]:
    """Keys of the front matter's ``nocite`` field (pandoc cites them without a mention)."""
    front = _FRONT_MATTER.match(text)
    if not front:
        return []
    out: list[Citation] = []
    for block in _NOCITE.finditer(text, 0, front.end()):
        for m in _NOCITE_KEY.finditer(text, block.start(), block.end()):
            key = m.group(1) if m.group(1) == "*" else (m.group("bkey") or m.group("key"))
            start = m.start(1) + (1 if m.group("bkey") else 0)
            out.append(
                Citation(
                    kind="key",
                    text=m.group(0),
                    span=Span(start, start + len(key)),
                    group=Span(block.start(), block.end()),
                    key=key,
                    command="nocite",
                )
            )
    return out


_BRACKET_EVENTS = re.compile(r"\\.|[\[\]]|\n[ \t]*\n", re.DOTALL)


def _bracket_pairs(text: str) -> dict[int, int]:
    """Map each "[" to the offset just after its matching "]", in one pass.

    Brackets do not match across a blank line (a paragraph break); escaped
    brackets do not count.  One pass keeps long texts full of stray "[" linear.
    """
    pairs: dict[int, int] = {}
    stack: list[int] = []
    for m in _BRACKET_EVENTS.finditer(text):
        ch = m.group(0)
        if ch == "[":
            stack.append(m.start())
        elif ch == "]":
            if stack:
                pairs[stack.pop()] = m.end()
        elif ch[0] == "\n":
            stack.clear()
    return pairs


def _split_locator(suffix: str) -> tuple[str | None, str | None]:
    """(locator, rest of suffix) of a citation suffix such as ", p. 5" or ", pp. 3-4, emphasis added"."""
    stripped = suffix.strip()
    if not stripped:
        return None, None
    m = _LOCATOR.match(suffix)
    if m:
        loc = " ".join(m.group("loc").split()).rstrip(",")
        rest = m.group("rest").strip().lstrip(",").strip()
        return loc or None, rest or None
    return None, stripped.lstrip(",").strip() or None


def _item(text: str, clean: str, start: int, end: int, group: Span) -> Citation | None:
    """One ``prefix @key suffix`` item of a bracketed citation."""
    m = _AT.search(clean, start, end)
    if m is None:
        return None
    key = m.group("bkey") or m.group("key")
    key_start = m.start("bkey") if m.group("bkey") else m.start("key")
    prefix = " ".join(text[start : m.start()].split()) or None
    locator, rest = _split_locator(text[m.end() : end])
    return Citation(
        kind="key",
        text=text[m.start() : m.end()],
        span=Span(key_start, key_start + len(key)),
        group=group,
        key=key,
        command="-@" if m.group("minus") else "@",
        locator=locator,
        prefix=prefix,
        suffix=rest,
    )


def find_pandoc_keys(text: str) -> list[Citation]:
    """Every pandoc citation key in a Markdown text, in document order.

    Bracketed citations give one Citation per ``@key`` with its prefix
    ("see"), locator ("p. 5") and the rest of the suffix; ``[-@key]`` has
    ``command`` "-@" (author suppressed); a bare ``@key`` is narrative, and a
    bracket right after it (``@key [p. 33]``) is its locator.  Keys of the
    YAML front matter's ``nocite`` field are citations with ``command``
    "nocite" (``@*`` gives the key ``*``: every entry); the rest of the front
    matter is not prose.
    """
    clean = _without_code(text)
    out: list[Citation] = []
    taken: list[tuple[int, int]] = []

    # Bracketed groups first: "[" ... "@key" ... "]" not followed by "(" or "[" (a link).
    pairs = _bracket_pairs(clean)
    i = clean.find("[")
    while i != -1:
        end = pairs.get(i)
        if end is None:
            i = clean.find("[", i + 1)
            continue
        inner_start, inner_end = i + 1, end - 1
        is_link = end < len(clean) and clean[end] in "(["
        is_footnote_ref = clean.startswith("^", inner_start)
        if is_link or is_footnote_ref or not _AT.search(clean, inner_start, inner_end):
            i = clean.find("[", i + 1)
            continue
        group = Span(i, end)
        items: list[Citation] = []
        for part in re.finditer(r"[^;]+", clean[inner_start:inner_end]):
            s, e = inner_start + part.start(), inner_start + part.end()
            item = _item(text, clean, s, e, group)
            if item is not None:
                items.append(item)
        if items:
            out.extend(items)
            taken.append((i, end))
            i = clean.find("[", end)
        else:
            i = clean.find("[", i + 1)

    # Narrative @key outside bracketed groups, with an optional "[locator]" after it.
    starts = [s for s, _ in taken]  # bracket groups: found in order, disjoint
    for m in _AT.finditer(clean):
        k = bisect.bisect_right(starts, m.start()) - 1
        if k >= 0 and m.start() < taken[k][1]:
            continue
        if m.group("minus"):
            continue  # "-@key" is only meaningful inside brackets
        key = m.group("bkey") or m.group("key")
        key_start = m.start("bkey") if m.group("bkey") else m.start("key")
        group_end = m.end()
        locator = suffix = None
        after = m.end()
        if clean.startswith(" [", after) or clean.startswith("[", after):
            b = clean.index("[", after)
            b_end = pairs.get(b)
            if (
                b_end is not None
                and "@" not in clean[b:b_end]
                and not (b_end < len(clean) and clean[b_end] in "([")
            ):
                locator, suffix = _split_locator(text[b + 1 : b_end - 1])
                if locator is None and suffix is not None:
                    locator, suffix = suffix, None
                group_end = b_end
        out.append(
            Citation(
                kind="key",
                text=text[m.start() : m.end()],
                span=Span(key_start, key_start + len(key)),
                group=Span(m.start(), group_end),
                key=key,
                command="@",
                narrative=True,
                locator=locator,
                suffix=suffix,
            )
        )
    out.extend(_nocite_keys(text))
    out.sort(key=lambda c: c.span.start)
    return out
