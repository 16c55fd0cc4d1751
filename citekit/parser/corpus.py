"""Labelled reference strings (JSON Lines) turned into token label sequences.

Each record is ``{"text": ..., "fields": {...}, "segments": [[label, text], ...]}``
(the format of the shared training sets and of our own examples in
``citekit/parser/data/``).  Segments are located in the text in order; a token
takes the label of the segment its first character falls in; tokens between
segments (stray punctuation) take the label of the segment before them.

AnyStyle keeps a journal's issue inside its volume segment ("47(3),", "Vol. 81,
No. 5,"); GROBID and UMass label it apart.  So that the tagger learns one
convention, volume segments are split here: the parenthesised or "No."-led
part becomes ``issue`` (see ``split_volume``).  AnyStyle also files the year
of Vancouver-style "2012;30(15):1750" under volume; that leading year becomes
``date``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from citekit.parser.labels import BEGIN, map_label
from citekit.parser.tokenize import token_spans

_ISSUE_PAREN_RE = re.compile(r"\d[\w.]*\s*(\(\s*[\w/–.-]+\s*\)\W*)$")
_ISSUE_NO_RE = re.compile(
    r"(?:^|[\s,.;:(])((?:no|nos|nr|n°|nº|№|issue|iss|heft|h|num|n)\.?\s*\d[\w/–-]*\W*)$", re.I
)


_OPENERS = frozenset('([{“‘«„"')
_NAME_MARKERS = frozenset(
    {"", "ed", "eds", "editor", "editors", "edited", "hrsg", "hg", "trans", "transl"}
)


_YEAR_LED_RE = re.compile(r"^\s*(?:1[5-9]|20)\d\d[a-z]?\s*[;:]\s*(?=\S)")


def split_volume(seg: str) -> int:
    """Offset in a volume segment where its issue part starts (``len(seg)`` if none)."""
    m = _ISSUE_PAREN_RE.search(seg) or _ISSUE_NO_RE.search(seg)
    return m.start(1) if m else len(seg)


@dataclass(frozen=True, slots=True)
class Example:
    """One reference string with a tagger label per token."""

    id: str
    text: str
    spans: tuple[tuple[int, int], ...]
    labels: tuple[str, ...]


def read_jsonl(path: Path) -> Iterator[dict]:
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            line = line.strip()
            if line:
                yield json.loads(line)


def align(record: dict, begin: frozenset[str] = frozenset()) -> Example | None:
    """The token labels of one record, or None where its segments cannot be located.

    A token that starts a field whose label is in ``begin`` is labelled
    ``B-<label>``: the first token after a different label, or the first token
    of a new gold segment of the same label (names excepted: some sets give
    every author a segment of their own, others one for the whole list).  An
    opening quote or an "In" between two segments counts in the segment after
    it, so it is that segment's first token.
    """
    text: str = record["text"]
    fields = record.get("fields") or {}
    marks: list[tuple[int, int, str]] = []
    cursor = 0
    for label, seg in record.get("segments") or ():
        seg = seg.strip()
        if not seg:
            continue
        at = text.find(seg, cursor)
        if at < 0:
            return None
        mapped = map_label(label, seg, fields)
        if mapped == "volume" and (m := _YEAR_LED_RE.match(seg)):
            marks.append((at, at + m.end(), "date"))
            at += m.end()
            seg = seg[m.end() :]
        cut = split_volume(seg) if mapped == "volume" else len(seg)
        if cut:
            marks.append((at, at + cut, mapped))
        if cut < len(seg):
            marks.append((at + cut, at + len(seg), "issue"))
        cursor = at + len(seg)
    if not marks:
        return None
    spans = token_spans(text)
    labels: list[str] = []
    owners: list[int] = []  # the gold segment each token is counted in
    k = 0
    prev = marks[0][2]
    word_in_gap = False
    for s, e in spans:
        while k < len(marks) and marks[k][1] <= s:
            prev = marks[k][2]
            k += 1
            word_in_gap = False
        if k < len(marks) and marks[k][0] <= s:
            labels.append(marks[k][2])
            owners.append(k)
            continue
        # a token in a gap between segments
        tok = text[s:e]
        if k >= len(marks) or (
            prev in ("editor", "translator") and tok.lower().strip("().") in _NAME_MARKERS
        ):
            labels.append(prev)
            owners.append(max(k - 1, 0))
        elif word_in_gap or tok in _OPENERS or any(c.isalnum() for c in tok):
            word_in_gap = True
            labels.append(marks[k][2])
            owners.append(k)
        else:
            labels.append(prev)
            owners.append(max(k - 1, 0))
    if begin:
        labels = _mark_begins(labels, owners, begin)
    return Example(str(record.get("id", "")), text, tuple(spans), tuple(labels))


_NAMES = frozenset({"author", "editor", "translator"})


def _mark_begins(labels: list[str], owners: list[int], begin: frozenset[str]) -> list[str]:
    out = []
    for i, y in enumerate(labels):
        if y in begin and (
            i == 0 or labels[i - 1] != y or (owners[i] != owners[i - 1] and y not in _NAMES)
        ):
            out.append(BEGIN + y)
        else:
            out.append(y)
    return out


def load_examples(path: Path, begin: frozenset[str] = frozenset()) -> tuple[list[Example], int]:
    """Aligned examples of a JSONL file and the number of records skipped."""
    out: list[Example] = []
    skipped = 0
    for rec in read_jsonl(path):
        ex = align(rec, begin)
        if ex is None or not ex.spans:
            skipped += 1
        else:
            out.append(ex)
    return out, skipped
