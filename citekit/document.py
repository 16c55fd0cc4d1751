"""The public parse API: a document (or a list of strings) to ``Reference``s.

The pipeline is a visible list of pure steps::

    find_sections -> split_entries -> tagger.tag_many -> build_reference -> assign_keys

Nothing is dropped: an entry parsed with low confidence becomes a Reference of
type "document" with its raw text in ``note`` and a ``CIT104`` diagnostic
pointing at its line.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from citekit.keys import assign_keys
from citekit.model import Diagnostic, Reference, Segment, Span
from citekit.names import list_order
from citekit.normalize import build_reference
from citekit.section import Section, find_sections
from citekit.source import Source
from citekit.split import Entry, split_entries

__all__ = [
    "LOW_CONFIDENCE",
    "ParsedDocument",
    "TaggerLike",
    "parse_document",
    "parse_entries",
    "parse_reference_strings",
]

# Below this confidence an entry is kept as type "document" with its raw text in a note.
LOW_CONFIDENCE = 0.5


class TaggerLike(Protocol):
    def tag_many(self, texts: Sequence[str]) -> list[tuple[Segment, ...]]: ...


@dataclass(frozen=True, slots=True)
class ParsedDocument:
    """A document's reference lists, their parsed entries and what went wrong."""

    source: Source
    sections: tuple[Section, ...]
    references: tuple[Reference, ...]
    diagnostics: tuple[Diagnostic, ...] = ()


def _default_tagger() -> TaggerLike:
    from citekit.parser import load_tagger

    return load_tagger()


def _first_author_text(text: str, segs: Sequence[Segment]) -> str:
    for s in segs:
        if s.label == "author":
            return s.text
        if s.label not in {"citation-number"}:
            break
    return ""


def parse_entries(
    entries: Sequence[Entry],
    tagger: TaggerLike | None = None,
    path: str | None = None,
    id_prefix: str = "ref",
) -> tuple[list[Reference], list[Diagnostic]]:
    """Tag and normalize split entries; low-confidence ones are kept and reported."""
    if not entries:
        return [], []
    tagger = tagger or _default_tagger()
    tagged = tagger.tag_many([e.text for e in entries])
    order = list_order(_first_author_text(e.text, segs) for e, segs in zip(entries, tagged, strict=True))
    refs: list[Reference] = []
    diags: list[Diagnostic] = []
    for i, (entry, segs) in enumerate(zip(entries, tagged, strict=True), start=1):
        ref = build_reference(
            entry.raw,
            segs,
            id=f"{id_prefix}{i}",
            span=entry.span,
            label=entry.label,
            number=entry.number,
            order=order,
            text=entry.text,
        )
        if ref.confidence < LOW_CONFIDENCE:
            ref = ref.with_(type="document", note=entry.text)
            where = f"line {entry.first_line}: " if entry.first_line else ""
            diags.append(
                Diagnostic(
                    code="CIT104",
                    severity="warning",
                    message=f"{where}entry parsed with low confidence ({ref.confidence:.2f}); "
                    "kept as type 'document' with its text in a note",
                    span=entry.span,
                    help=entry.text[:120],
                    path=path,
                )
            )
        refs.append(ref)
    return refs, diags


def parse_document(source: Source, tagger: TaggerLike | None = None) -> ParsedDocument:
    """Find every reference list in ``source`` and parse its entries.

    References are numbered ``ref1``, ``ref2`` ... across the whole document, in
    order, and get unique readable keys.
    """
    sections = find_sections(source.text)
    entries: list[Entry] = []
    for section in sections:
        entries.extend(split_entries(source.text, section.span, section.first_line))
    refs, diags = parse_entries(entries, tagger, source.path)
    return ParsedDocument(source, sections, tuple(assign_keys(refs)), tuple(diags))


def parse_reference_strings(
    strings: Sequence[str], tagger: TaggerLike | None = None
) -> list[Reference]:
    """Parse each string as one reference (no section finding, no splitting).

    A leading list label ("12.", "[3]") is recognised and kept in ``label``;
    spans are relative to each string.
    """
    entries: list[Entry] = []
    for s in strings:
        found = split_entries(s.replace("\n", " "))
        if len(found) == 1:
            e = found[0]
            entries.append(Entry(e.text, s, Span(0, len(s)), e.label, e.number, 0))
        else:
            text = " ".join(s.split())
            entries.append(Entry(text, s, Span(0, len(s)), None, None, 0))
    refs, _ = parse_entries(entries, tagger)
    return assign_keys(refs)
