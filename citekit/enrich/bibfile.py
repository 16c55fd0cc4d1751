"""Enriching a user's .bib file without losing anything in it.

The file is read twice with bibtexparser v2: once untouched (no middlewares,
so every value keeps its braces, quotes, ``@string`` references and
concatenations) for writing back, and once decoded to build ``Reference``
objects for matching.  Only a ``doi`` field is added (where the entry has none
or an empty one); ``fill=True`` also fills fields that are absent or empty from
the matched record.  Nothing the user wrote is changed or dropped; a file with
blocks bibtexparser cannot read is refused (writing it back could lose them).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass

import bibtexparser
from bibtexparser.model import Entry, Field
from bibtexparser.writer import BibtexFormat

from citekit.enrich import Work
from citekit.enrich.match import Enrichment
from citekit.errors import InputError
from citekit.formats.bibtex import bibtex_names, reference_from_fields
from citekit.formats.latex import latex_escape
from citekit.model import Reference

_EMPTY = re.compile(r'^\s*(\{\s*\}|"\s*")?\s*$')


@dataclass(frozen=True, slots=True)
class BibFile:
    """A parsed .bib file: the untouched library and one Reference per entry, in order."""

    library: bibtexparser.Library
    references: tuple[Reference, ...]


def _failed(library: bibtexparser.Library, path: str) -> None:
    if not library.failed_blocks:
        return
    problems = []
    for block in library.failed_blocks[:5]:
        line = (block.start_line or 0) + 1
        kind = type(block).__name__
        if kind == "DuplicateBlockKeyBlock":
            why = f"duplicate key {getattr(block, 'key', '?')!r}"
        else:
            error = getattr(block, "error", None)
            reason = getattr(error, "abort_reason", None) or str(error or "")
            lines = reason.strip().splitlines()
            why = lines[0] if lines else "cannot be read"
            if why.startswith("Unexpectedly reached end"):
                why = "unbalanced braces or quotes (the entry runs to the end of the file)"
        problems.append(f"line {line}: {why}")
    more = len(library.failed_blocks) - len(problems)
    tail = f" (and {more} more)" if more > 0 else ""
    raise InputError(f"{path}: malformed BibTeX, nothing written: " + "; ".join(problems) + tail)


def read_bibfile(text: str, path: str = "<bibtex>") -> BibFile:
    """Parse .bib text; ``InputError`` when any block is malformed or a key repeats."""
    logger = logging.getLogger("bibtexparser")
    level = logger.level
    logger.setLevel(logging.CRITICAL)  # its own messages would duplicate ours
    try:
        raw_lib = bibtexparser.parse_string(text, parse_stack=[])
        decoded = bibtexparser.parse_string(text)
    finally:
        logger.setLevel(level)
    _failed(raw_lib, path)
    _failed(decoded, path)
    refs: list[Reference] = []
    if len(raw_lib.entries) != len(decoded.entries):
        raise InputError(f"{path}: entries could not be read consistently")
    for idx, (raw_entry, entry) in enumerate(zip(raw_lib.entries, decoded.entries, strict=True)):
        if raw_entry.key != entry.key:
            raise InputError(f"{path}: entries could not be read consistently")
        fields = {f.key: str(f.value) for f in entry.fields}
        # raw="" makes matching rebuild the reference text from the fields
        refs.append(reference_from_fields(entry.entry_type, entry.key, fields, "", None, idx))
    return BibFile(raw_lib, tuple(refs))


def _is_empty(entry: Entry, name: str) -> bool:
    for field in entry.fields:
        if field.key.lower() == name:
            return bool(_EMPTY.match(str(field.value)))
    return True


def _set(entry: Entry, name: str, value: str) -> None:
    """Set a field, keeping the user's spelling of its name when present."""
    for field in entry.fields:
        if field.key.lower() == name:
            field.value = "{" + value + "}"
            return
    entry.set_field(Field(name, "{" + value + "}"))


def _fill_values(entry: Entry, work: Work) -> dict[str, str]:
    etype = entry.entry_type.lower()
    values: dict[str, str] = {}
    if work.authors:
        values["author"] = bibtex_names(work.authors)
    if work.editors and etype in ("book", "incollection", "inproceedings", "proceedings"):
        values["editor"] = bibtex_names(work.editors)
    if work.title:
        title = f"{work.title}: {work.subtitle}" if work.subtitle else work.title
        values["title"] = latex_escape(title)
    if work.container_title:
        key = "journal" if etype == "article" else "booktitle"
        if etype in ("article", "incollection", "inproceedings", "inbook"):
            values[key] = latex_escape(work.container_title)
    if work.year:
        values["year"] = str(work.year)
    for name, value in (("volume", work.volume), ("number", work.issue), ("edition", work.edition)):
        if value:
            values[name] = latex_escape(value)
    if work.pages:
        values["pages"] = latex_escape(re.sub(r"\s*[-–—]+\s*", "--", work.pages))
    if work.publisher and etype in ("book", "incollection", "inbook", "proceedings", "techreport"):
        values["publisher"] = latex_escape(work.publisher)
    return values


@dataclass(frozen=True, slots=True)
class Applied:
    """What changed in the library."""

    dois_added: int
    fields_filled: int


def apply_enrichments(
    bib: BibFile, results: Sequence[Enrichment], *, fill: bool = False
) -> Applied:
    """Add the matched DOIs (and with ``fill`` the empty fields) to ``bib.library`` in place.

    An entry that already has a DOI keeps it, whatever the verdict.
    """
    added = filled = 0
    for entry, ref, result in zip(bib.library.entries, bib.references, results, strict=True):
        if result.status != "matched" or not result.doi or ref.doi:
            continue
        if not _is_empty(entry, "doi"):
            continue
        _set(entry, "doi", result.doi)
        added += 1
        if fill and result.work is not None:
            for name, value in _fill_values(entry, result.work).items():
                if _is_empty(entry, name):
                    _set(entry, name, value)
                    filled += 1
    return Applied(added, filled)


def write_bibfile(bib: BibFile) -> str:
    """The library as BibTeX text, every value exactly as it was read."""
    fmt = BibtexFormat()
    fmt.indent = "  "
    fmt.block_separator = "\n\n"
    text = bibtexparser.write_string(bib.library, unparse_stack=[], bibtex_format=fmt)
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"
