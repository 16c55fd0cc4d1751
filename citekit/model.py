"""Core value types shared by every layer of citekit.

Everything here is a frozen, slotted dataclass: parsers, normalizers and the
linker return new objects and never mutate old ones.  Every ``Reference`` and
``Citation`` keeps its raw text and its character span in the source document,
so any finding can be rendered at a line and column later.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Literal

# CSL item types citekit produces (a subset of the CSL 1.0.2 vocabulary).
ItemType = Literal[
    "article-journal",
    "article-magazine",
    "article-newspaper",
    "book",
    "chapter",
    "paper-conference",
    "report",
    "thesis",
    "webpage",
    "manuscript",
    "article",
    "patent",
    "motion_picture",
    "dataset",
    "software",
    "document",
]

Severity = Literal["error", "warning", "info"]
LinkStatus = Literal["resolved", "ambiguous", "suggested", "unresolved"]
CitationKind = Literal["author-year", "numeric", "key"]


@dataclass(frozen=True, slots=True)
class Span:
    """Half-open character range ``[start, end)`` in a source text."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if self.start < 0 or self.end < self.start:
            raise ValueError(f"invalid span {self.start}..{self.end}")

    def __len__(self) -> int:
        return self.end - self.start

    def shift(self, offset: int) -> Span:
        return Span(self.start + offset, self.end + offset)

    def contains(self, other: Span) -> bool:
        return self.start <= other.start and other.end <= self.end


@dataclass(frozen=True, slots=True)
class Name:
    """A personal or corporate name.

    ``literal`` holds a corporate or unsplittable name ("World Bank"); then
    ``family`` repeats it so that sorting and matching need no special case.
    """

    family: str
    given: str = ""
    particle: str = ""  # "van der", "de", "von"
    suffix: str = ""  # "Jr", "III"
    literal: bool = False

    @property
    def full_family(self) -> str:
        return f"{self.particle} {self.family}".strip()

    def __str__(self) -> str:
        if self.literal:
            return self.family
        parts = [self.full_family]
        if self.suffix:
            parts.append(self.suffix)
        if self.given:
            parts.append(self.given)
        return ", ".join(parts)


@dataclass(frozen=True, slots=True)
class Segment:
    """One labelled stretch of a reference string, as the tagger saw it."""

    label: str
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Reference:
    """One entry of a reference list, parsed and normalized.

    ``span`` is in the coordinates of the document it came from; ``raw`` is the
    entry's text exactly as written (wrapped lines included).  Field names follow
    CSL variables.  ``extra`` keeps fields citekit does not model explicitly
    (for instance fields read from a user's .bib) as sorted (name, value) pairs.
    """

    id: str
    raw: str
    span: Span
    type: str = "document"
    key: str = ""
    label: str | None = None  # the list label as written: "1.", "[12]"
    number: int | None = None  # the numeric value of the label
    authors: tuple[Name, ...] = ()
    more_authors: bool = False  # the list names only the first authors ("et al.")
    editors: tuple[Name, ...] = ()
    translators: tuple[Name, ...] = ()
    title: str | None = None
    container_title: str | None = None
    collection_title: str | None = None
    publisher: str | None = None
    location: str | None = None
    event: str | None = None
    year: int | None = None
    year_suffix: str = ""  # the "a" of "2012a"
    date: str | None = None  # ISO-like "2014-09" where more than a year is known
    volume: str | None = None
    issue: str | None = None
    pages: str | None = None
    edition: str | None = None
    version: str | None = None  # of software or a data set: "2.1.0"
    genre: str | None = None
    url: str | None = None
    doi: str | None = None
    accessed: str | None = None  # ISO date "2021-02-14"
    note: str | None = None
    status: str | None = None  # publication status: "in press", "submitted", "forthcoming"
    number_of_pages: str | None = None
    confidence: float = 1.0
    segments: tuple[Segment, ...] = ()
    extra: tuple[tuple[str, str], ...] = ()

    def with_(self, **changes: object) -> Reference:
        """A copy with some fields changed (``dataclasses.replace``)."""
        return replace(self, **changes)  # type: ignore[arg-type]

    @property
    def families(self) -> tuple[str, ...]:
        return tuple(a.full_family for a in self.authors) or tuple(
            e.full_family for e in self.editors
        )


@dataclass(frozen=True, slots=True)
class Citation:
    """One cited item in running text, as written.

    A parenthetical group "(Nye Jr, 2004; Armitage and Nye Jr, 2007)" yields two
    citations that share ``group``.  For key citations (``\\cite{a,b}``,
    ``[@a; @b]``) one citation per key.
    """

    kind: CitationKind
    text: str  # the item as written, e.g. "Nye Jr, 2004"
    span: Span  # span of ``text`` in the document
    group: Span  # the whole parenthetical / command it stands in
    names: tuple[str, ...] = ()  # family names as cited, in order
    et_al: bool = False
    year: int | None = None
    year_suffix: str = ""
    no_date: bool = False  # "n.d."
    locator: str | None = None  # "255", "p. 12"
    narrative: bool = False  # Nye (2004) rather than (Nye, 2004)
    number: int | None = None  # numeric citations: one number per citation
    key: str | None = None  # key citations
    command: str | None = None  # "citep", "textcite", "@" ...
    prefix: str | None = None  # "see"
    suffix: str | None = None
    title: str | None = None  # MLA's short title: "Shore" in "(Okafor, Shore 45)"


@dataclass(frozen=True, slots=True)
class Evidence:
    """One reason for or against a match, e.g. ("year", "differs: 2020 vs 2021")."""

    what: str
    detail: str
    weight: float = 0.0


@dataclass(frozen=True, slots=True)
class Candidate:
    """A reference considered for a citation (or a record for a reference)."""

    target: str  # reference id, or DOI for enrichment
    score: float
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True, slots=True)
class Link:
    """The linker's verdict for one citation."""

    citation: Citation
    status: LinkStatus
    targets: tuple[str, ...] = ()  # reference ids
    reason: str = ""
    candidates: tuple[Candidate, ...] = ()


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """A finding about the content: never an exception."""

    code: str
    severity: Severity
    message: str
    span: Span
    help: str | None = None
    path: str | None = None
    data: tuple[tuple[str, str], ...] = field(default=())
