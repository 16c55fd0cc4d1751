"""The public parse API: a document (or a list of strings) to ``Reference``s.

The pipeline is a visible list of pure steps::

    find_sections -> split_entries -> tagger.tag_many -> build_reference -> assign_keys

Nothing is dropped: an entry parsed with low confidence becomes a Reference of
type "document" with its raw text in ``note`` and a ``CIT104`` diagnostic
pointing at its line.
"""

from __future__ import annotations

import gc
import re
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from typing import Protocol

from citekit.keys import assign_keys
from citekit.model import Diagnostic, Reference, Segment, Span
from citekit.names import Order, list_order, list_writes_commas, unknown_body
from citekit.normalize import build_reference
from citekit.notes import repeated_notes
from citekit.section import Section, find_sections, notes_beside_lists
from citekit.source import Source
from citekit.split import Entry, join_lines, split_entries

__all__ = [
    "LOW_CONFIDENCE",
    "ParsedDocument",
    "TaggerLike",
    "parse_document",
    "parse_entries",
    "parse_notes",
    "parse_reference_strings",
    "plain_text",
]

# Below this confidence an entry is kept as type "document" with its raw text in a note.
LOW_CONFIDENCE = 0.5


Progress = Callable[[int, int], None]


class TaggerLike(Protocol):
    def tag_many(self, texts: Sequence[str]) -> list[tuple[Segment, ...]]: ...


@dataclass(frozen=True, slots=True)
class ParsedDocument:
    """A document's reference lists, their parsed entries and what went wrong."""

    source: Source
    sections: tuple[Section, ...]
    references: tuple[Reference, ...]
    diagnostics: tuple[Diagnostic, ...] = ()
    # Notes beside a bibliography: they cite it and are not parsed as references.
    notes: tuple[Section, ...] = ()
    # Notes of a notes-only list that repeat an earlier note ("Ibid."): not written.
    repeats: tuple[Reference, ...] = ()


def _default_tagger() -> TaggerLike:
    from citekit.parser import load_tagger

    return load_tagger()


# The works a channel or an account publishes: "[Video]", "[Podcast episode]", "[Tweet]".
_CHANNEL_MEDIA = re.compile(
    r"(?i)\b(?:video|podcast|tweet|audio|webinar|live\s?stream|stream|post)s?\b"
)


def _first_author_text(text: str, segs: Sequence[Segment]) -> str:
    for s in segs:
        if s.label == "author":
            return s.text
        if s.label not in {"citation-number"}:
            break
    return ""


_BIBITEM_KEY = re.compile(r"\\bibitem(?:\[[^\]]*\])?\{([^}]+)\}")
# "---." or "———." in place of the names: the same author(s) as the entry above (MLA, Chicago).
_SAME_AS_ABOVE = re.compile(r"^(?:[-‐‑‒–—―⸺⸻_]{2,}|[—⸺⸻])[.,]?$")


def same_authors_as_above(ref: Reference, previous: Reference | None) -> Reference:
    """``ref`` with the names of ``previous`` where its list writes a dash for them."""
    names = ref.authors or ref.editors
    if previous is None or len(names) != 1 or not _SAME_AS_ABOVE.match(names[0].family):
        return ref
    if ref.authors:
        return ref.with_(
            authors=previous.authors or previous.editors, more_authors=previous.more_authors
        )
    return ref.with_(editors=previous.editors or previous.authors)


_MD_LINK = re.compile(r"\[([^\]]*)\]\((\S+?)\)")
_MD_EMPH = re.compile(r"(?<![\w*_])([*_]{1,2})(?=\S)(.+?)(?<=\S)\1(?![\w*_])")
_MD_CODE = re.compile(r"`([^`]*)`")
_TEX_CMD = re.compile(
    r"\\(?:emph|textit|textbf|textsc|textup|textrm|textsl|texttt|textsf|textnormal|mbox|hbox"
    r"|mkbibquote|enquote|url|path|doi|eprint|natexlab|bibnamefont|bibfnamefont|citenamefont"
    r"|bibinfo\{[^}]*\}|href\{[^}]*\})\{([^{}]*)\}"
)
# Old-style font switches in a group: "{\em Title}", "{\it J. X}".
_TEX_FONT_GROUP = re.compile(r"\{\\(?:em|it|bf|sc|sl|rm|tt|sf|small|footnotesize)\s+([^{}]*)\}")
# What .bbl files from natbib, IEEEtran or revtex put between the fields: layout only.
_TEX_LAYOUT = re.compile(
    r"\\(?:hskip|vskip|kern)\s*-?[\d.]+\s*(?:em|ex|pt|mm|cm|in|bp|sp)"
    r"(?:\s*plus\s*-?[\d.]+\s*(?:em|ex|pt|fil+))?(?:\s*minus\s*-?[\d.]+\s*(?:em|ex|pt))?"
    r"|\\[hv]space\*?\{[^{}]*\}|\\penalty\s*-?\d+|\\BibitemShut\s*\{[^{}]*\}"
    r"|\\(?:newblock|relax|break|allowbreak|nobreak|linebreak|urlprefix|BibitemOpen|EOS)(?![A-Za-z])"
)


def plain_text(text: str, fmt: str) -> str:
    """Entry text without Markdown or LaTeX markup (what the tagger should see).

    Markdown links keep both their text and their target ("Title https://..."),
    since the target is often the only URL of a web reference.
    """
    if fmt == "markdown":
        text = _MD_LINK.sub(lambda m: f"{m.group(1)} {m.group(2)}".strip(), text)
        text = _MD_CODE.sub(r"\1", text)
        text = _MD_EMPH.sub(r"\2", text)
        text = text.replace("\\", "")
    elif fmt == "latex":
        text = _TEX_LAYOUT.sub(" ", text)
        for _ in range(3):
            new = _TEX_FONT_GROUP.sub(r"\1", _TEX_CMD.sub(r"\1", text))
            if new == text:
                break
            text = new
        from citekit.formats.latex import latex_unescape

        text = latex_unescape(
            text.replace("---", "—").replace("--", "–").replace("``", "“").replace("''", "”")
        )
    return " ".join(text.split())


@contextmanager
def _bulk() -> Iterator[None]:
    """Pause the cyclic garbage collector during bulk parsing.

    Parsing allocates many short-lived, acyclic objects (freed by reference
    counting anyway); the collector's repeated scans of them cost about a third
    of the normalizing time on large lists.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def parse_entries(
    entries: Sequence[Entry],
    tagger: TaggerLike | None = None,
    path: str | None = None,
    id_prefix: str = "ref",
    order: Order | None = None,
    progress: Progress | None = None,
) -> tuple[list[Reference], list[Diagnostic]]:
    """Tag and normalize split entries; low-confidence ones are kept and reported.

    ``order`` is the name order of names written without a comma; by default
    the list's own (``citekit.names.list_order``).  ``progress(done, total)`` is
    called as the entries are tagged, the bulk of the work."""
    if not entries:
        return [], []
    tagger = tagger or _default_tagger()
    with _bulk():
        return _parse_entries(entries, tagger, path, id_prefix, order, progress)


# Entries tagged between two progress reports.
_PROGRESS_STEP = 2000


def _parse_entries(
    entries: Sequence[Entry],
    tagger: TaggerLike,
    path: str | None,
    id_prefix: str,
    order: Order | None,
    progress: Progress | None,
) -> tuple[list[Reference], list[Diagnostic]]:
    texts = [e.text for e in entries]
    if progress is None:
        tagged = tagger.tag_many(texts)
    else:
        tagged = []
        for i in range(0, len(texts), _PROGRESS_STEP):
            tagged += tagger.tag_many(texts[i : i + _PROGRESS_STEP])
            progress(len(tagged), len(texts))
    author_texts = [
        _first_author_text(e.text, segs) for e, segs in zip(entries, tagged, strict=True)
    ]
    if order is None:
        order = list_order(author_texts)
    commas = list_writes_commas(author_texts)
    refs: list[Reference] = []
    diags: list[Diagnostic] = []
    for i, (entry, segs) in enumerate(zip(entries, tagged, strict=True), start=1):
        try:
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
        except Exception as exc:  # a normalizer bug must not lose the entry: keep it raw
            ref = Reference(
                id=f"{id_prefix}{i}",
                raw=entry.raw,
                span=entry.span,
                label=entry.label,
                number=entry.number,
                confidence=0.0,
                segments=tuple(segs),
            )
            diags.append(
                Diagnostic(
                    code="CIT104",
                    severity="warning",
                    message=f"{f'line {entry.first_line}: ' if entry.first_line else ''}"
                    f"entry could not be normalized "
                    f"({type(exc).__name__}); kept as type 'document'",
                    span=entry.span,
                    path=path,
                )
            )
            refs.append(ref.with_(note=entry.text))
            continue
        ref = same_authors_as_above(ref, refs[-1] if refs else None)
        if (
            commas
            and len(ref.authors) == 1
            and not ref.authors[0].literal
            and _CHANNEL_MEDIA.search(ref.genre or "")
        ):
            body = unknown_body(author_texts[i - 1])
            if body is not None:
                ref = ref.with_(authors=(body,))  # "Reef Talks [Video]" among "Hale, R.J." names
        bibitem = _BIBITEM_KEY.match(entry.label or "")
        if bibitem:
            ref = ref.with_(key=bibitem.group(1))  # the document's own cite key
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


def parse_document(
    source: Source, tagger: TaggerLike | None = None, progress: Progress | None = None
) -> ParsedDocument:
    """Find every reference list in ``source`` and parse its entries.

    A BibTeX or CSL-JSON source is read as it is (its entries are already
    structured), so ``parse`` doubles as a format converter.

    References are numbered ``ref1``, ``ref2`` ... across the whole document, in
    order, and get unique readable keys.  ``progress`` as for ``parse_entries``.
    """
    with _bulk():
        return _parse_document(source, tagger, progress)


def _parse_document(
    source: Source, tagger: TaggerLike | None, progress: Progress | None
) -> ParsedDocument:
    if source.format == "bibtex":
        # already structured: read it (a converter path: .bib -> CSL-JSON/RIS/...)
        from citekit.formats.bibtex import load_bibtex

        refs, diags = load_bibtex(source.text, source.path, keep_duplicates=True)
        return ParsedDocument(source, (), tuple(assign_keys(refs)), tuple(diags))
    if source.format == "csl-json":
        from citekit.formats.csljson import read_csl_json

        return ParsedDocument(
            source, (), tuple(assign_keys(read_csl_json(source.text, source.path)))
        )
    lists, notes = notes_beside_lists(find_sections(source.text))
    entries = _entries(source, lists)
    refs, diags = parse_entries(entries, tagger, source.path, progress=progress)
    repeats: list[Reference] = []
    if any(s.notes for s in lists):
        # a notes-only list: "Ibid." and short notes are not new references
        in_notes = [
            any(s.notes and s.span.start <= e.span.start < s.span.end for s in lists)
            for e in entries
        ]
        again = repeated_notes([e.text for e in entries], refs)
        repeats = [r for r, n, a in zip(refs, in_notes, again, strict=True) if n and a]
        dropped = {r.id for r in repeats}
        # "(Lagos: Lagos UP, 2016), 45.": a note ends on the page it cites, not a page count
        refs = [
            r.with_(number_of_pages=None) if n and r.number_of_pages else r
            for r, n in zip(refs, in_notes, strict=True)
            if r.id not in dropped
        ]
        diags = [d for d in diags if not any(d.span == r.span for r in repeats)]
    return ParsedDocument(
        source, lists, tuple(assign_keys(refs)), tuple(diags), notes, tuple(repeats)
    )


def _entries(source: Source, sections: Sequence[Section]) -> list[Entry]:
    entries: list[Entry] = []
    for section in sections:
        for entry in split_entries(source.text, section.span, section.first_line):
            if source.format in {"markdown", "latex"}:
                entry = replace(entry, text=plain_text(entry.text, source.format))
            entries.append(entry)
    return entries


def parse_notes(
    source: Source, sections: Sequence[Section], tagger: TaggerLike | None = None
) -> tuple[list[Entry], list[Reference]]:
    """The notes of ``sections`` (see ``ParsedDocument.notes``), each parsed as a
    reference with its names read given first, as notes write them."""
    entries = _entries(source, sections)
    refs, _ = parse_entries(entries, tagger, source.path, "note", "given-first")
    return entries, refs


def parse_reference_strings(
    strings: Sequence[str], tagger: TaggerLike | None = None
) -> list[Reference]:
    """Parse each string as one reference (no section finding, no splitting).

    A leading list label ("12.", "[3]") is recognised and kept in ``label``;
    spans are relative to each string.
    """
    with _bulk():
        return _parse_reference_strings(strings, tagger)


def _parse_reference_strings(strings: Sequence[str], tagger: TaggerLike | None) -> list[Reference]:
    entries: list[Entry] = []
    for s in strings:
        found = split_entries(join_lines(s))
        if len(found) == 1:
            e = found[0]
            entries.append(Entry(e.text, s, Span(0, len(s)), e.label, e.number, 0))
        else:
            text = " ".join(s.split())
            entries.append(Entry(text, s, Span(0, len(s)), None, None, 0))
    refs, _ = parse_entries(entries, tagger)
    return assign_keys(refs)
