"""Notes that cite a bibliography: Chicago's notes and bibliography style.

A numbered note is one of three things:

- a *repeat*: "Ibid., 52." (the work of the note before) or a short note
  "Okafor, Shore and the City, 60." (a work an earlier note gave in full);
- a *full note*: "Chidi Okafor, The Shore and the City (Lagos: Lagos UP, 2016), 45.",
  a whole reference with the names written given first;
- anything else: a comment, perhaps with citations in its prose.

In a document whose notes stand beside a bibliography, each note that is a
reference becomes a citation of that bibliography (``note_citations``); in a
document whose notes are its only list, repeats are not new references
(``repeated_notes``).  Pure functions: texts and parsed notes in, verdicts out.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from citekit.citations import ONE_NAME
from citekit.link import name_key, short_title_fits
from citekit.model import Citation, Reference, Span

__all__ = [
    "NoteCitations",
    "ShortNote",
    "is_ibid",
    "note_citations",
    "repeated_notes",
    "short_note",
]

_IBID = re.compile(r"(?i)^\W*(?:ibid(?:em)?|ib\.|idem|id\.|ebd|ebenda)(?![\w])")
_SHORT_NOTE = re.compile(
    rf"^(?P<names>{ONE_NAME}(?:,?\s(?:and|&)\s{ONE_NAME})?)(?P<etal>\s+et\s+al\.?)?,\s+"
    r"(?P<title>[^,;()]{2,80}?)"
    r"(?:,\s+(?P<loc>(?:pp?\.\s*)?[\dxivlc]+(?:\s?[-–]\s?[\dxivlc]+)?))?\W*$"
)
_EMPHASIS = re.compile(r"[*_]{1,2}|[“”\"]")
# What a full note needs to count as a reference: a name, a title and a date.
_FULL_NOTE_CONFIDENCE = 0.5
_LONGEST_BODY = 6  # words in an author that is a body ("Port Authority of New York")


def is_ibid(text: str) -> bool:
    """ "Ibid., 52.", "Ibid.", "Id. at 4", "Ebd., S. 12": the work of the note before."""
    return _IBID.match(text) is not None


@dataclass(frozen=True, slots=True)
class ShortNote:
    """ "Okafor, Shore and the City, 60.": family names, short title and locator."""

    names: tuple[str, ...]
    et_al: bool
    title: str
    locator: str | None


def short_note(text: str) -> ShortNote | None:
    """The parts of a short note, or None for text of another shape."""
    m = _SHORT_NOTE.match(_EMPHASIS.sub("", " ".join(text.split())))
    if not m:
        return None
    names = tuple(n.strip() for n in re.split(r",?\s(?:and|&)\s", m.group("names")))
    return ShortNote(names, bool(m.group("etal")), m.group("title").strip(), m.group("loc"))


def _fits(note: ShortNote, ref: Reference) -> bool:
    """Does the short note name ``ref``: its first family name and its title's start?"""
    people = ref.authors or ref.editors
    return bool(people) and (
        name_key(note.names[0]) == name_key(people[0].full_family)
        and short_title_fits(note.title, ref.title)
    )


def repeated_notes(texts: Sequence[str], refs: Sequence[Reference]) -> list[bool]:
    """For each note (its text without the label, and its parse), whether it repeats
    an earlier one: "Ibid." after a note, or a short note whose name and title
    begin a note given in full before it."""
    out: list[bool] = []
    full: list[Reference] = []
    for text, ref in zip(texts, refs, strict=True):
        if is_ibid(text) and out:
            out.append(True)
            continue
        s = short_note(text)
        if s is not None and any(_fits(s, r) for r in full):
            out.append(True)
            continue
        out.append(False)
        full.append(ref)
    return out


@dataclass(frozen=True, slots=True)
class NoteCitations:
    """What notes beside a bibliography cite.

    ``citations`` come from full notes and count whatever they resolve to;
    ``candidates`` come from short notes and count only where the list confirms
    them (a comment can have a short note's shape); ``covered`` are the notes
    read here, which the prose scan skips.
    """

    citations: tuple[Citation, ...] = ()
    candidates: tuple[Citation, ...] = ()
    covered: tuple[Span, ...] = ()


def _full(note: Reference) -> bool:
    """A note that is a whole reference: it opens with names and a comma
    ("Chidi Okafor, The Shore ..."), then a title, and has a year.  A comment
    ("On borrowing the record is thin; ...") has no such opening."""
    people = note.authors or note.editors
    segs = note.segments
    return bool(
        people
        and note.title
        and note.year is not None
        and note.confidence >= _FULL_NOTE_CONFIDENCE
        and segs
        and segs[0].label in ("author", "editor")
        and segs[0].text.rstrip().endswith(",")
        and not any(p.literal and len(p.family.split()) > _LONGEST_BODY for p in people)
    )


def _citation(note: Reference, i: int, **fields: Any) -> Citation:
    """A citation made by the whole of note ``i``, named "note 3" in findings."""
    label = f"note {note.number if note.number is not None else i}"
    return Citation(kind="author-year", text=label, span=note.span, group=note.span, **fields)


def note_citations(texts: Sequence[str], notes: Sequence[Reference]) -> NoteCitations:
    """Citations of a bibliography made by numbered notes (text without the label,
    and the note parsed as a reference with its names read given first)."""
    citations: list[Citation] = []
    candidates: list[Citation] = []
    covered: list[Span] = []
    for i, (text, note) in enumerate(zip(texts, notes, strict=True), start=1):
        span = note.span
        if is_ibid(text):
            covered.append(span)
            continue
        s = short_note(text)
        if s is not None:
            candidates.append(
                _citation(
                    note,
                    i,
                    names=s.names,
                    et_al=s.et_al,
                    locator=s.locator,
                    command="author-page",  # no year to compare
                    title=s.title,
                )
            )
            covered.append(span)
            continue
        people = note.authors or note.editors
        if _full(note):
            citations.append(
                _citation(
                    note,
                    i,
                    names=tuple(p.full_family for p in people[:3]),
                    et_al=note.more_authors or len(people) > 3,
                    year=note.year,
                    year_suffix=note.year_suffix,
                    no_date=note.year is None,
                    command="note",
                    title=note.title,
                )
            )
            covered.append(span)
    return NoteCitations(tuple(citations), tuple(candidates), tuple(covered))
