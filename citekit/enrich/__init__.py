"""DOI enrichment: resolvers that find candidate works, and the validation that trusts one.

A ``Resolver`` answers two questions: which works look like this reference
string (``search``), and what are these DOIs (``lookup``).  Two resolvers exist:
Crossref through habanero (``crossref.py``, the only module importing habanero)
and a local SQLite FTS5 index (``index.py``).  ``match.py`` decides, from the
parsed fields, whether a candidate is the same work; nothing is attached
without that decision.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from citekit.model import Name


@dataclass(frozen=True, slots=True)
class Work:
    """A bibliographic record from Crossref (or the local index), reduced to what matching needs."""

    doi: str  # lower-cased, without "https://doi.org/"
    type: str = ""  # Crossref type: journal-article, book, book-chapter, ...
    title: str = ""
    subtitle: str = ""
    authors: tuple[Name, ...] = ()
    editors: tuple[Name, ...] = ()
    year: int | None = None
    container_title: str = ""
    volume: str = ""
    issue: str = ""
    pages: str = ""
    publisher: str = ""
    edition: str = ""
    isbn: tuple[str, ...] = ()
    score: float = 0.0  # the resolver's own relevance score, not a confidence
    relation: tuple[tuple[str, str], ...] = ()  # ("is-review-of", DOI), ...


class Resolver(Protocol):
    """Finds candidate works; must not decide which one is right."""

    name: str

    def search(self, query: str, rows: int = 5) -> list[Work]:
        """Works that look like the free-text reference ``query``, best first."""
        ...

    def lookup(self, dois: Sequence[str]) -> dict[str, Work | None]:
        """Each DOI (lower-cased) mapped to its work, or None where it does not exist."""
        ...
