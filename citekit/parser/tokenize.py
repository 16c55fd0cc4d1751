"""Split a reference string into tokens that keep their character offsets.

Words (letters and digits, with inner apostrophes) are tokens; every other
non-space character is a token of its own, so "R.,The" gives ``R . , The`` and
"1433-40" gives ``1433 - 40``.  URLs and DOIs stay whole (minus trailing
punctuation) because splitting them only gives the tagger noise to learn.
"""

from __future__ import annotations

import re
from typing import NamedTuple

_TOKEN_RE = re.compile(
    r"""
    (?:https?://|ftp://|www\.)[^\s<>"“”]+?(?=[.,;:)\]>"'”]*(?:\s|$))   # URL
    | (?:doi:\s?)?10\.\d{4,9}/[^\s"<>“”]+?(?=[.,;:)\]]*(?:\s|$))        # DOI
    | [^\W_]+(?:['’][^\W_]+)*                                          # word
    | \S                                                              # one symbol
    """,
    re.VERBOSE | re.IGNORECASE,
)


class Token(NamedTuple):
    """A token and its half-open character range in the tokenized text."""

    text: str
    start: int
    end: int


def tokenize(text: str) -> list[Token]:
    """Tokens of ``text`` in order; ``text[t.start:t.end] == t.text`` for each."""
    return [Token(m.group(), m.start(), m.end()) for m in _TOKEN_RE.finditer(text)]


def token_spans(text: str) -> list[tuple[int, int]]:
    """Only the offsets: the fast path used when tagging."""
    return [m.span() for m in _TOKEN_RE.finditer(text)]
