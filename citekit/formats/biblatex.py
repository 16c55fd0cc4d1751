"""BibLaTeX writer: ``date``, ``journaltitle``, ``location``, ``@online`` with ``urldate``,
``@report`` with ``institution``, ``eventtitle``; through bibtexparser v2 like BibTeX."""

from __future__ import annotations

from collections.abc import Sequence

from citekit.formats.bibtex import write_entries
from citekit.model import Reference

__all__ = ["write_biblatex"]


def write_biblatex(refs: Sequence[Reference]) -> str:
    """BibLaTeX text for ``refs`` in list order."""
    return write_entries(refs, biblatex=True)
