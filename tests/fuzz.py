"""Test helper: random documents of reference-list pieces and troublesome characters."""

from __future__ import annotations

import random
from collections.abc import Iterator

from citekit.source import Source

PIECES = [
    *"abcXYZ019 .,;:()[]{}\"'-–—/&\\%$#@!?*+=<>|~^_`",
    *["³", "²", "①", "½", "٣", "Ⅻ", "ﬁ", "\u200b", "\u0301", "\ufeff", "\x00", "\x0c"],
    *["\u2028", "é", "ß", "İ", "Ω", "中", "😀", "\t", "\r", "\n", "\n\n", "19", "2004"],
    *["pp.", "vol.", "In ", "eds.", "(Eds.)", "http://x.org/a", "doi:10.1/x", "et al."],
    *["Jr.", "&amp;", "\\textit{", "}", "$", "~", "--"],
]
CITATIONS = [
    *["(Smith, 2004)", "(Nye Jr, 2004)", "[1]", "[2-4]", "\\cite{a}", "@smith2004"],
    *["(1,2)", "(3–5)", "(12)", "Smith and Nye", "Smith/Nye", "*et al.*", "45 f.", "[@x]"],
]


def random_sources(
    seed: int, n: int, extra: list[str] | None = None, length: int = 60
) -> Iterator[Source]:
    """``n`` random documents (text, Markdown or LaTeX); half of them hold a numbered list."""
    r = random.Random(seed)
    pieces = PIECES + (extra or [])
    for _ in range(n):
        s = "".join(r.choice(pieces) for _ in range(r.randint(0, length)))
        if r.random() < 0.5:
            s = "References\n\n" + "\n".join(f"{k}. " + s[k * 5 :] for k in range(1, 4))
        yield Source(path="x", text=s, format=r.choice(["text", "markdown", "latex"]))
