"""A pybtex database-input plugin that reads plain-text reference lists.

Registered as the ``citekit`` format in the ``pybtex.database.input`` entry-point
group, so both of these work once citekit is installed::

    pybtex-convert -f citekit refs.txt refs.bib

    from pybtex.database import parse_file
    bib = parse_file("essay.md", bib_format="citekit")

It does not claim the ``.txt`` suffix: plain text is not always a reference
list, so the format is chosen explicitly.  The list goes through the same
pipeline as ``citekit parse`` (find the reference section, split, tag,
normalize, assign keys) and through citekit's own BibTeX writer; pybtex then
reads that BibTeX, so the entries and fields are exactly those of
``citekit parse -o refs.bib``.
"""

from __future__ import annotations

from typing import IO

from pybtex.database import BibliographyData
from pybtex.database.input import BaseParser
from pybtex.database.input.bibtex import Parser as BibTeXParser
from pybtex.exceptions import PybtexError

from citekit.errors import CitekitError
from citekit.source import Source, decode, format_for


def references_as_bibtex(text: str, path: str = "<INPUT>") -> str:
    """The BibTeX ``citekit parse`` writes for a document's reference list."""
    from citekit.document import parse_document
    from citekit.formats import write

    source = Source(path, text, format_for(path))
    return write(list(parse_document(source).references), "bibtex")


class Parser(BaseParser):
    """pybtex input plugin: a free-text reference list (or a document holding one)."""

    default_suffix = None  # never chosen by file suffix
    unicode_io = False  # citekit decodes bytes itself (BOM, UTF-16, clear errors)

    def parse_stream(self, stream: IO[bytes] | IO[str]) -> BibliographyData:
        raw = stream.read()
        try:
            text = raw if isinstance(raw, str) else decode(raw, self.filename)
            bibtex = references_as_bibtex(text, self.filename)
        except CitekitError as exc:
            raise PybtexError(str(exc), filename=self.filename) from None
        parsed = BibTeXParser(encoding="utf-8").parse_string(bibtex)
        for key, entry in parsed.entries.items():
            self.data.add_entry(key, entry)
        return self.data
