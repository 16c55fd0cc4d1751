"""Reading documents: bytes to text with clear errors, and offsets to lines/columns.

``Source`` is the only thing the pure layers see of a file: its path (for
messages), its decoded text and its format.  Offsets are character offsets into
``text``; ``line_col`` turns them into 1-based line and column for rendering.
A Word .docx or OpenDocument .odt file is read as its text (``citekit.office``):
its paragraphs, then its footnotes and endnotes, with the citations Zotero,
Mendeley or EndNote stored in it (``citekit.embedded``); a web page (.html) as the text
a browser shows (``citekit.html``).
"""

from __future__ import annotations

import bisect
import codecs
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from citekit.embedded import EmbeddedCitation
from citekit.errors import InputError
from citekit.html import read_html
from citekit.office import read_office

Format = Literal["text", "markdown", "latex", "bibtex", "csl-json", "aux"]

_SUFFIX_FORMATS: dict[str, Format] = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".rmd": "markdown",
    ".qmd": "markdown",
    ".tex": "latex",
    ".ltx": "latex",
    ".bib": "bibtex",
    ".json": "csl-json",
    ".aux": "aux",
}

# Files larger than this are refused rather than read into memory.
MAX_BYTES = 200 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class Source:
    """A decoded document.  ``path`` is "-" for standard input."""

    path: str
    text: str
    format: Format = "text"
    _line_starts: tuple[int, ...] = field(default=(), repr=False, compare=False)
    # a .docx or .odt file: the citations Zotero, Mendeley or EndNote stored in it
    embedded: tuple[EmbeddedCitation, ...] = field(default=(), repr=False, compare=False)
    embedded_warnings: tuple[str, ...] = field(default=(), repr=False, compare=False)
    # a .docx or .odt file: where each line of ``text`` is in the document ("paragraph 12")
    places: tuple[str, ...] = field(default=(), repr=False, compare=False)

    def __post_init__(self) -> None:
        if not self._line_starts:
            starts = [0]
            find = self.text.find
            i = find("\n")
            while i != -1:
                starts.append(i + 1)
                i = find("\n", i + 1)
            object.__setattr__(self, "_line_starts", tuple(starts))

    def place(self, line: int) -> str:
        """Where a line is in a Word or LibreOffice document ("paragraph 12",
        "footnote 3"); "" for other sources."""
        return self.places[line - 1] if 0 < line <= len(self.places) else ""

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a character offset."""
        idx = bisect.bisect_right(self._line_starts, offset) - 1
        return idx + 1, offset - self._line_starts[idx] + 1

    def line_of(self, offset: int) -> int:
        return bisect.bisect_right(self._line_starts, offset)

    def offset_of_line(self, line: int) -> int:
        """Offset of the first character of a 1-based line."""
        return self._line_starts[max(0, min(line - 1, len(self._line_starts) - 1))]

    def line_text(self, line: int) -> str:
        start = self.offset_of_line(line)
        end = self.text.find("\n", start)
        return self.text[start : end if end != -1 else len(self.text)]

    @property
    def line_count(self) -> int:
        return len(self._line_starts)


def is_zip(data: bytes) -> bool:
    """Does ``data`` start like a zip file (a .docx or .odt is one)?"""
    return data[:4] == b"PK\x03\x04"


def format_for(path: str, default: Format = "text") -> Format:
    return _SUFFIX_FORMATS.get(Path(path).suffix.lower(), default)


# Files people may hand over for a document, with what to do instead.
_NOT_TEXT = (
    (b"%PDF-", "a PDF, not text: extract its text first (for example: pdftotext -layout FILE.pdf)"),
    (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
        "an old binary Word (.doc) or Office file: save it as .docx or plain text",
    ),
    (b"{\\rtf", "an RTF file: save it as .docx or plain text"),
)


def decode(data: bytes, path: str = "<bytes>") -> str:
    """Decode document bytes: UTF-8 (with or without BOM), UTF-16 with BOM.

    Raises InputError for binary or undecodable data instead of guessing; a
    wrong guess would silently corrupt names with diacritics.
    """
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
        encoding = "utf-8"
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding = "utf-16"
    else:
        encoding = "utf-8"
        sample = data[:8192]
        for magic, what in _NOT_TEXT:
            if data.startswith(magic):
                raise InputError(f"{path}: {what}")
        if b"\x00" in sample:
            # UTF-16 without BOM shows a NUL in every other byte of ASCII text.
            even, odd = sample[0::2], sample[1::2]
            if sample and odd.count(0) > 0.4 * len(odd) and even.count(0) == 0:
                encoding = "utf-16-le"
            elif sample and even.count(0) > 0.4 * len(even) and odd.count(0) == 0:
                encoding = "utf-16-be"
            else:
                raise InputError(f"{path}: looks like a binary file, not text")
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise InputError(
            f"{path}: cannot decode as {encoding} at byte {exc.start} (line {line}); "
            "save the file as UTF-8"
        ) from None
    if "\x00" in text:
        raise InputError(f"{path}: contains NUL characters; is it a binary file?")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_source(path: str, fmt: Format | None = None) -> Source:
    """Read a file (or "-" for stdin) into a Source, raising InputError on failure."""
    if path == "-":
        data = sys.stdin.buffer.read()
    else:
        p = Path(path)
        try:
            if p.is_dir():
                raise InputError(f"{path}: is a directory, not a file")
            size = p.stat().st_size
            if size > MAX_BYTES:
                raise InputError(f"{path}: file is too large ({size} bytes; limit {MAX_BYTES})")
            data = p.read_bytes()
        except FileNotFoundError:
            raise InputError(f"{path}: no such file") from None
        except PermissionError:
            raise InputError(f"{path}: permission denied") from None
        except IsADirectoryError:
            raise InputError(f"{path}: is a directory, not a file") from None
    suffix = Path(path).suffix.lower()
    if suffix in (".docx", ".odt") or (fmt is None and is_zip(data)):
        office = read_office(data, path)
        return Source(
            path,
            office.text,
            "text",
            embedded=office.citations,
            embedded_warnings=office.warnings,
            places=office.places,
        )
    if suffix in (".html", ".htm", ".xhtml") and fmt is None:
        text, citations = read_html(decode(data, path))
        return Source(path, text, "text", embedded=citations)
    return Source(path, decode(data, path), fmt or format_for(path))
