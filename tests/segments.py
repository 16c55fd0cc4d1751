"""Test helper: tagger segments for consecutive substrings of a reference string."""

from __future__ import annotations

from collections.abc import Iterable

from citekit.model import Segment


def segments_of(text: str, parts: Iterable[tuple[str, str]]) -> tuple[Segment, ...]:
    """Segments of ``text`` from (label, substring) pairs, located left to right."""
    out = []
    at = 0
    for label, piece in parts:
        start = text.index(piece, at)
        out.append(Segment(label, start, start + len(piece), piece))
        at = start + len(piece)
    return tuple(out)
