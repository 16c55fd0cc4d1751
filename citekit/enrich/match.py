"""Validation: decide whether a candidate record is the very work a reference cites.

A resolver's top hit is never trusted.  Each candidate ``Work`` is scored
against the parsed ``Reference`` *and* against the reference's raw text (so a
parser slip does not lose a match: a title the parser ran into the journal
name is still found in the text, a year taken from the journal name is
checked against the other years in the text), field by field; every
agreement or disagreement becomes an ``Evidence`` with a weight.  Names and
titles are compared ascii-folded ("Wójcik" = "Wojcik"), titles with rapidfuzz.

Scoring (all weights add up; the sum, clamped to [0, 1], is the confidence):

=====================  ==========================================================
title                  +0.40 (>= 95% similar), +0.32 (>= 88%), +0.22 (main title
                       only, subtitle omitted, or a truncated title); +0.10 more
                       for a long title (6+ words) found word for word.  Short
                       titles (< 12 characters, "Introduction", "Editorial"...)
                       count only as the whole parsed title or as whole words.
                       A record titled like its own journal has no title.
first author           +0.25 (family name found); co-authors +0.05
year                   +0.15 exact; +0.08 one year off for articles (online
                       first) or found elsewhere in the text
container              +0.10 similar, or an abbreviation of it; -0.05 different
publisher              +0.05 found in the text
volume / issue / page  +0.07 / +0.03 / +0.08; volume or first page differ -0.15
coordinates            +0.25 when first author, year, volume (for a chapter: its
                       book) and first page all agree: the usual route to a
                       match for a reference without a title (Vancouver-style
                       lists that omit titles); there the record's first
                       author must lead the reference, the journal must agree
                       and a first page "1" counts only with its last page.
                       For an unsigned record, when title, journal, year,
                       volume and first page all agree
whole reference        +0.20 (+0.10 for a short title found only as words) for
                       an unsigned record whose exact title, year and
                       container are in a reference made of nothing but the
                       record's words (``coverage``, in the spirit of
                       Crossref's SBMV normalized similarity); a recurring
                       heading ("Necrology") also needs its page
=====================  ==========================================================

Thin references.  Three routes serve references that carry little, each only
when ``coverage`` is at least 0.95 (every word of the reference, bar style
words and initials, is one of the record's):

* an unsigned record matched through "whole reference" (above);
* no title in the reference, a record without a page (online-only articles)
  or without a volume (article numbers, chapters): first author leading, exact
  year, journal and the one number the record has (+0.25);
* no title, no author on record: journal (or book), exact year, volume and a
  real first page ("Arch Dermatol 94 (1966) 791"; not "page 1", not a record
  titled like its journal) (+0.50).

A match through any of these is *thin* (``Assessment.thin``): it must lead
every other candidate not ruled out by ``THIN_MARGIN`` (0.15), and the
pipeline widens a search that came back full before trusting it.

A candidate is accepted only at or above ``ACCEPT_THRESHOLD`` (0.75) and only
when no veto applies.  Vetoes are near misses that must never be attached; each
is recorded with its reason (the most telling first, see ``_VETO_ORDER``):

``other-doi``
    the reference text itself names another DOI.
``review``
    a review of the cited work (``is-review-of`` relation, "Review of ..."
    titles, peer-review records), unless the reference cites a review; a
    reference without a title may cite a "Book review" record by its
    coordinates.
``other-year`` / ``other-edition``
    same title, another year or edition (a 1990 article vs the 2004 book); books
    need the exact year (or the record's year elsewhere in the text: a
    reprint), articles tolerate one year (online first).
``other-author``
    the same title by someone else.
``chapter-of-book`` / ``book-not-chapter``
    a chapter record for a cited book, or the whole book for a cited chapter.
``type``
    a journal article for a cited book whose journal the reference never
    mentions (typically a review), an article for a cited data set, or the
    preprint of an article the reference cites in its journal.
``title-differs``
    the reference has a title and the record's is another.
``other-pages``
    the record starts on another page than the reference.
``too-little-evidence``
    no title in the reference and the coordinates (first author, year,
    volume, first page) do not all agree.
``ambiguous``
    two records fit equally well (duplicates in the registry): no guess.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from rapidfuzz import fuzz

from citekit.enrich import Work
from citekit.model import Evidence, Reference

Status = Literal["matched", "no-match", "verified", "conflict", "not-looked-up"]

ACCEPT_THRESHOLD = 0.75
# An existing DOI is checked with a lower bar: the user chose it, we only look for disagreement.
VERIFY_THRESHOLD = 0.45
# Two accepted candidates closer than this are ambiguous unless one is clearly the same work.
AMBIGUITY_MARGIN = 0.03
AMBIGUOUS = "two records fit equally well"

W_TITLE_EXACT = 0.40
W_TITLE_CLOSE = 0.32
W_TITLE_PARTIAL = 0.22
W_TITLE_LONG = 0.10
W_FIRST_AUTHOR = 0.25
W_COAUTHORS = 0.05
W_YEAR = 0.15
W_YEAR_NEAR = 0.08
W_CONTAINER = 0.10
W_CONTAINER_BAD = -0.05
W_VOLUME = 0.07
W_ISSUE = 0.03
W_PAGE = 0.08
W_NUMBER_BAD = -0.15
W_COORDINATES = 0.25
W_WHOLE = 0.20
# A reference is "all explained" by a record when this share of its words are the record's.
COVERAGE_MIN = 0.95
# A match on thin evidence (see ``Assessment.thin``) must lead every other plausible
# candidate by this much: a clear margin over the runner-up is evidence too.
THIN_MARGIN = 0.15


@dataclass(frozen=True, slots=True)
class Assessment:
    """One candidate scored against one reference."""

    work: Work
    confidence: float
    evidence: tuple[Evidence, ...]
    veto: str = ""  # a reason code (see the module docstring) or ""
    veto_detail: str = ""
    # accepted through a route for references that carry little (no author on record,
    # or no title in the reference): needs a clear lead over the runner-up
    thin: bool = False

    @property
    def acceptable(self) -> bool:
        return not self.veto

    @property
    def reason(self) -> str:
        return self.veto or "below-threshold"

    def describe(self) -> str:
        """One line: why this candidate was not taken."""
        if self.veto:
            return f"{self.veto}: {self.veto_detail}" if self.veto_detail else self.veto
        return f"below-threshold: confidence {self.confidence:.2f}"


@dataclass(frozen=True, slots=True)
class Rejection:
    """A candidate that was not attached, and why."""

    doi: str
    confidence: float
    reason: str
    detail: str
    title: str = ""
    year: int | None = None
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True, slots=True)
class Enrichment:
    """The verdict for one reference.

    ``status``: ``matched`` (``doi`` attached), ``no-match``, ``verified`` (the
    entry's own DOI agrees with its record), ``conflict`` (the entry's own DOI
    does not exist or describes another work; it is never replaced), or
    ``not-looked-up`` (interrupted, offline without an answer, or a network
    failure; ``message`` says which).
    """

    ref_id: str
    status: Status
    doi: str | None = None
    confidence: float = 0.0
    evidence: tuple[Evidence, ...] = ()
    work: Work | None = None
    runner_up: Rejection | None = None
    rejected: tuple[Rejection, ...] = ()
    existing_doi: str | None = None
    message: str = ""
    suggestion: str | None = None  # for a conflict: the DOI of the record that fits
    # matched on thin evidence (see ``Assessment.thin``): the caller should make sure
    # no rival was cut off by the number of search rows
    thin: bool = False


# ---------------------------------------------------------------- normalization

_FOLD = str.maketrans(
    {
        "ß": "ss",
        "æ": "ae",
        "Æ": "AE",
        "œ": "oe",
        "Œ": "OE",
        "ø": "o",
        "Ø": "O",
        "ł": "l",
        "Ł": "L",
        "đ": "d",
        "Đ": "D",
        "ð": "d",
        "þ": "th",
        "ı": "i",
        "‐": "-",
        "‑": "-",
        "–": "-",
        "—": "-",
        "’": "'",
    }
)
_TAGS = re.compile(r"<[^>]{1,40}>")
# letters of any script survive (a Russian or Japanese title must still compare), the rest is a gap
_NON_WORD = re.compile(r"[\W_]+")
_YEAR = re.compile(r"(?<![0-9])(1[5-9][0-9]{2}|20[0-9]{2})(?![0-9])")
_NUMBER = re.compile(r"[0-9]+")
# Titles of book reviews.  "A review of recent developments in ..." is a review
# *article*, a work of its own, so a bare "Review of" counts only when what
# follows is the cited title (see ``_review_of_cited``).
_REVIEW_TITLE = re.compile(
    r"^\W*(book reviews?|reviews? of books|reviewed works?|review essay|books received)\b",
    re.IGNORECASE,
)
_REVIEW_OF = re.compile(r"^\W*(?:a )?review of:?\s+(.+)$", re.IGNORECASE)
_RAW_CHAPTER = re.compile(
    r"(?:^|\s)[Ii]n:\s|(?:^|[.,;?!]\s+)In\s+(?:[A-Z]|the\s)|\([Ee]ds?\.?\)|\b[Ee]ds?\.[\s,)]"
)
_RAW_REVIEW = re.compile(
    r"\b(review(ed)? (of|for)|book reviews?|peer review|decision letter|author response"
    r"|referee report)\b"
)
_RAW_DATASET = re.compile(
    r"\b(data repository|dryad|zenodo|figshare|pangaea|dataverse|depository)\b"
    r"|\[data ?set\]",
    re.IGNORECASE,
)
_RAW_DOI = re.compile(r"\b10\.[0-9]{4,9}/[^\s\"<>]+")
_GENERIC_TITLES = frozenset(
    {
        "introduction",
        "preface",
        "foreword",
        "index",
        "editorial",
        "conclusion",
        "conclusions",
        "contents",
        "front matter",
        "back matter",
        "book reviews",
        "reviewers",
        "erratum",
        "correction",
        "references",
        "bibliography",
        "acknowledgments",
        "acknowledgements",
        "abstracts",
        "discussion",
        "reply",
        "letter",
        "commentary",
        "news",
    }
)
# When several vetoes apply, the report names the most telling one first.
_VETO_ORDER = (
    "other-doi",
    "review",
    "other-edition",
    "other-year",
    "other-author",
    "chapter-of-book",
    "book-not-chapter",
    "type",
    "title-differs",
    "other-pages",
    "too-little-evidence",
    "ambiguous",
)
_BOOK_TYPES = frozenset({"book", "monograph", "edited-book", "reference-book", "book-set"})
_CHAPTER_TYPES = frozenset(
    {"book-chapter", "book-section", "book-part", "reference-entry", "book-track"}
)
_ARTICLE_TYPES = frozenset({"journal-article", "proceedings-article", "posted-content"})


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower-case text: diacritics dropped, markup and punctuation to single spaces.

    Latin letters become ASCII ("Wójcik" = "wojcik"); other scripts are kept as
    they are, lower-cased.
    """
    text = _TAGS.sub(" ", text).translate(_FOLD)
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    return _NON_WORD.sub(" ", text).strip()


def _first_page(pages: str | None) -> str:
    if not pages:
        return ""
    match = re.match(r"\s*([A-Za-z]*[0-9]+[A-Za-z]?)", pages)
    return match.group(1).lower().lstrip("0") if match else ""


def _norm_number(value: str | None) -> str:
    return fold(value or "").replace(" ", "").lstrip("0")


def work_title(work: Work) -> str:
    return f"{work.title}: {work.subtitle}" if work.subtitle else work.title


# ---------------------------------------------------------------- the reference side


@dataclass(frozen=True, slots=True)
class _RefView:
    """What matching needs from a Reference, normalized once."""

    raw: str  # folded raw text (or a reconstruction)
    raw_tokens: frozenset[str]
    raw_years: frozenset[int]
    numbers: frozenset[str]
    families: tuple[str, ...]  # folded family names as parsed
    title: str  # folded parsed title
    container: str
    year: int | None
    volume: str
    issue: str
    first_page: str
    edition: str
    kind: str  # "book", "chapter", "article", "dataset" or ""
    dois: frozenset[str]  # DOIs written in the reference text
    is_review: bool  # the reference itself cites a review
    words: tuple[str, ...] = ()  # content words of the text (see ``_content_words``)


def _edition_number(text: str | None) -> str:
    if not text:
        return ""
    match = re.search(r"[0-9]+", text)
    if match:
        return match.group(0)
    words = {"first": "1", "second": "2", "third": "3", "fourth": "4", "fifth": "5", "sixth": "6"}
    for word, num in words.items():
        if word in text.lower():
            return num
    return ""


def _ref_kind(ref: Reference) -> str:
    t = ref.type
    if t == "book":
        return "book"
    if t == "chapter":
        return "chapter"
    if t in (
        "article-journal",
        "paper-conference",
        "article-magazine",
        "article-newspaper",
        "article",
    ):
        return "article"
    if t == "dataset":
        return "dataset"
    return ""


def reference_text(ref: Reference) -> str:
    """The reference as one string: the raw text, or one rebuilt from its fields."""
    if ref.raw and ref.raw.strip():
        return ref.raw
    parts: list[str] = []
    names = ref.authors or ref.editors
    if names:
        parts.append(", ".join(f"{n.full_family} {n.given}".strip() for n in names))
    if ref.year:
        parts.append(f"({ref.year})")
    for value in (
        ref.title,
        ref.container_title,
        ref.volume,
        ref.issue,
        ref.pages,
        ref.edition,
        ref.publisher,
    ):
        if value:
            parts.append(str(value))
    return ". ".join(p.strip().rstrip(".") for p in parts) + "."


def _view(ref: Reference) -> _RefView:
    text = reference_text(ref)
    raw = fold(text)
    years = frozenset(int(y) for y in _YEAR.findall(text))
    families = tuple(fold(n.full_family) for n in (ref.authors or ref.editors) if n.family)
    return _RefView(
        raw=raw,
        raw_tokens=frozenset(raw.split()),
        raw_years=years,
        numbers=frozenset(n.lstrip("0") for n in _NUMBER.findall(text)),
        families=tuple(f for f in families if f),
        title=fold(ref.title or ""),
        container=fold(ref.container_title or ""),
        year=ref.year,
        volume=_norm_number(ref.volume),
        issue=_norm_number(ref.issue),
        first_page=_first_page(ref.pages),
        edition=_edition_number(ref.edition),
        kind="dataset" if _RAW_DATASET.search(text) else _ref_kind(ref),
        is_review=bool(_RAW_REVIEW.search(raw)),
        dois=frozenset(d.rstrip(".,;)]").lower() for d in _RAW_DOI.findall(text)),
        words=_content_words(expand_page_ranges(_LEADING_NUMBER.sub("", text))),
    )


# Words a citation style adds around the fields ("In", "pp.", "Vol.", "[Dataset]", "et al.").
def _word_set(text: str) -> frozenset[str]:
    return frozenset(text.split())


_STYLE_WORDS = _word_set(
    """
    a an and the of in pp pg vol vols volume no nos issue ed eds edn edition edited by editor
    editors trans translated et al dataset data set retrieved from available online at accessed
    doi https http www org dx nd preprint unsigned
    """
)
_LEADING_NUMBER = re.compile(r"^\s*(?:\[[0-9]{1,4}\]|[0-9]{1,4}[.)])\s+")
_ORDINAL = re.compile(r"^([0-9]+)(?:st|nd|rd|th)$")


_ABBREVIATED_RANGE = re.compile(r"(?<![0-9])([0-9]{2,6})\s*[-–—]\s*([0-9]{1,5})(?![0-9])")


def expand_page_ranges(text: str) -> str:
    """Abbreviated page ranges written out: "1433-40" -> "1433-1440", "125–7" -> "125–127"."""

    def full(match: re.Match[str]) -> str:
        first, last = match.group(1), match.group(2)
        if len(last) >= len(first):
            return match.group(0)
        expanded = first[: len(first) - len(last)] + last
        if int(expanded) <= int(first):
            return match.group(0)
        return match.group(0)[: -len(last)] + expanded

    return _ABBREVIATED_RANGE.sub(full, text)


def _content_words(text: str) -> tuple[str, ...]:
    """The words of a text that carry a field: no style words, no single letters (initials)."""
    out: list[str] = []
    for word in fold(text).split():
        ordinal = _ORDINAL.match(word)
        if ordinal:
            word = ordinal.group(1)
        if word in _STYLE_WORDS or (len(word) < 2 and not word.isdigit()):
            continue
        out.append(word)
    return tuple(out)


def _record_words(work: Work) -> frozenset[str]:
    parts = [work.title, work.subtitle, work.container_title, work.publisher, work.edition]
    for name in (*work.authors, *work.editors):
        parts += [name.family, name.given, name.particle, name.suffix]
        # Vancouver writes the initials together: "Varoni EM"
        parts.append("".join(word[0] for word in fold(name.given).split()))
    parts += [str(work.year or ""), work.volume, work.issue, work.pages]
    return frozenset(_content_words(" ".join(p for p in parts if p)))


def coverage(view: _RefView, work: Work) -> float:
    """The share of the reference's content words that are the record's own words.

    Crossref's search-based matching validates a hit by how much of the
    reference string the record explains.  1.0 means that every word of the
    reference (bar style words and initials) is in one of the record's fields;
    a reference with another author, another page or an extra word falls short.
    """
    if not view.words:
        return 0.0
    own = _record_words(work)
    return sum(1 for w in view.words if w in own) / len(view.words)


# ---------------------------------------------------------------- field comparisons


def _family_in_raw(family: str, raw: str) -> bool:
    """A folded family name occurs in the folded raw text at a word start."""
    if not family:
        return False
    if len(family) <= 2:
        return f" {family} " in f" {raw} "
    return f" {family}" in f" {raw}"  # at a word start; "nachlas" in "nachlasmm" too


def _family_found(family: str, view: _RefView) -> bool:
    if not family:
        return False
    if family in view.families:
        return True
    if _family_in_raw(family, view.raw):
        return True
    # compound family names: "garcia marquez" cited as "garcia"; "van der berg" as "berg"
    words = [w for w in family.split() if len(w) > 2]
    return len(words) > 1 and any(_family_in_raw(w, view.raw) for w in words)


def _leads(family: str, view: _RefView) -> bool:
    """The family name is the reference's first author.

    That is: the first word of the reference that is no initial belongs to the
    family name ("Van Gool", "Alex Perkins" and "The PLOS ONE Staff" included),
    or the parser's first family name does.
    """
    words = set(_content_words(family))
    if not words:  # a one-letter family name ("S.")
        return bool(view.families) and view.families[0] == family
    if view.families and view.families[0] in words:
        return True
    lead = next((w for w in view.words if not w.isdigit()), "")
    return lead in words


def _title_score(work: Work, view: _RefView) -> tuple[float, str]:
    """Best similarity (0..100) of the record's title to the reference, and how it was found."""
    full = fold(work_title(work))
    main = fold(work.title.split(":")[0]) if work.title else ""
    if not full:
        return 0.0, ""
    best, how = 0.0, ""
    if view.title:
        for variant, label in ((full, "title"), (fold(work.title), "title"), (main, "main title")):
            if not variant:
                continue
            score = fuzz.ratio(view.title, variant)
            if score > best:
                best, how = score, label
        # a truncated title in the reference: a prefix of the record's title
        if (
            best < 88
            and len(view.title.split()) >= 5
            and full.startswith(view.title[: len(view.title) - 3])
        ):
            best, how = 90.0, "truncated title"
    # the title as it appears anywhere in the raw text (robust to parser slips)
    for variant, label in (
        (full, "title in text"),
        (fold(work.title), "title in text"),
        (main, "main title in text"),
    ):
        if len(variant) < 12 or len(variant) > len(view.raw):
            continue
        score = fuzz.partial_ratio(variant, view.raw, score_cutoff=80)
        if score > best:
            best, how = score, label
    return best, how


def _words_in(words: str, raw: str) -> bool:
    return f" {words} " in f" {raw} "


def _container_similar(ref_container: str, work_container: str, raw: str) -> bool | None:
    """True/False when it can be judged, None when the reference gives no container."""
    if not work_container:
        return None
    if ref_container:
        if fuzz.ratio(ref_container, work_container) >= 85:
            return True
        if _abbreviates(ref_container, work_container) or _abbreviates(
            work_container, ref_container
        ):
            return True
        if fuzz.partial_ratio(work_container, raw) >= 92 and len(work_container) >= 8:
            return True
        # the parser may run the title into the container: "About this journal. JAMA"
        return len(work_container) >= 3 and _words_in(work_container, ref_container)
    if len(work_container) >= 8 and fuzz.partial_ratio(work_container, raw, score_cutoff=92):
        return True
    if len(work_container) >= 3 and _words_in(work_container, raw):
        return True
    if _abbreviation_in(work_container, raw):
        return True
    return None


def _abbreviation_in(work_container: str, raw: str) -> bool:
    """An abbreviation of the journal somewhere in the text: "phys rev b" in "... phys rev b 47"."""
    full = [w for w in work_container.split() if w not in _CONTAINER_STOP]
    words = [w for w in raw.split() if w not in _CONTAINER_STOP]
    n = len(full)
    if n < 2:
        return False
    return any(
        words[i][0] == full[0][0] and _abbreviates(" ".join(words[i : i + n]), work_container)
        for i in range(len(words) - n + 1)
    )


_CONTAINER_STOP = frozenset(
    {"of", "the", "and", "for", "in", "on", "a", "an", "de", "la", "und", "fur"}
)


def _abbreviates(short: str, full: str) -> bool:
    """ "phys rev b" abbreviates "physical review b"; "j biol chem" abbreviates "journal of ..."."""
    s = [w for w in short.split() if w not in _CONTAINER_STOP]
    f = [w for w in full.split() if w not in _CONTAINER_STOP]
    if not s or len(s) != len(f) or s == f:
        return False
    return all(
        b.startswith(a) or (len(a) <= 4 and _initials_fit(a, b)) for a, b in zip(s, f, strict=True)
    )


def _initials_fit(abbr: str, word: str) -> bool:
    # "jpn" for "japanese": letters in order
    pos = 0
    for ch in abbr:
        pos = word.find(ch, pos)
        if pos < 0:
            return False
        pos += 1
    return abbr[0] == word[0]


def _review_of_cited(title: str, view: _RefView) -> bool:
    """A record titled "Review of <the title the reference cites>"."""
    match = _REVIEW_OF.match(title or "")
    if not match or _REVIEW_OF.match(view.title):
        return False
    reviewed = fold(match.group(1))
    if view.title:
        return fuzz.ratio(reviewed, view.title) >= 85
    return len(reviewed) >= 12 and fuzz.partial_ratio(reviewed, view.raw) >= 90


def _kind_of_work(work: Work) -> str:
    if work.type in _BOOK_TYPES:
        return "book"
    if work.type in _CHAPTER_TYPES:
        return "chapter"
    if work.type in _ARTICLE_TYPES:
        return "article"
    return ""


def _looks_like_chapter(view: _RefView, raw_text: str) -> bool:
    return view.kind == "chapter" or bool(_RAW_CHAPTER.search(raw_text))


# ---------------------------------------------------------------- scoring


def assess(ref: Reference, work: Work) -> Assessment:
    """Score one candidate record against one reference; pure."""
    return _assess(_view(ref), work, reference_text(ref))


def _assess(view: _RefView, work: Work, raw_text: str) -> Assessment:
    ev: list[Evidence] = []
    vetoes: list[tuple[str, str]] = []

    def add(what: str, detail: str, weight: float) -> None:
        ev.append(Evidence(what, detail, weight))

    def set_veto(code: str, detail: str) -> None:
        vetoes.append((code, detail))

    wkind = _kind_of_work(work)
    wtitle = fold(work_title(work))
    review_title = False

    if view.dois and work.doi not in view.dois:
        set_veto("other-doi", f"the reference names {', '.join(sorted(view.dois))}")

    # --- reviews
    review_of = [target for rel, target in work.relation if rel == "is-review-of"]
    if view.is_review:
        pass  # the reference cites a review: a review record may be it
    elif review_of:
        set_veto("review", f"the record is a review (of {review_of[0]})")
    elif _review_of_cited(work.title, view):
        set_veto("review", f"the record's title reads as a review: {work.title!r}")
    elif _REVIEW_TITLE.match(work.title or "") and not _words_in(fold(work.title), view.raw):
        # decided below: a reference without a title may cite the review itself
        # by its coordinates ("J. Garmany, Cities 29 (2012) 74-75")
        review_title = True
    elif work.type == "peer-review":
        set_veto("review", "the record is a peer review")

    # --- title
    wcontainer = fold(work.container_title)
    if wtitle and wcontainer and fuzz.ratio(wtitle, wcontainer) >= 90:
        # a record titled like its own journal or book says nothing by its title
        score, how = 0.0, ""
    else:
        score, how = _title_score(work, view)
    generic = wtitle in _GENERIC_TITLES or len(wtitle) < 12
    has_title = False
    title_sure = False  # the record's whole title, word for word
    covered_memo: list[float] = []

    def covered() -> float:
        if not covered_memo:
            covered_memo.append(coverage(view, work))
        return covered_memo[0]

    if generic:
        # "Introduction" occurs in many texts: count it only as a whole title or whole
        # words; a short but specific title ("Olive", "Web Widget") also where the
        # reference is nothing but the record's words
        if wtitle and (
            view.title == wtitle
            or (_words_in(wtitle, view.raw) and (not view.title or view.title.startswith(wtitle)))
            or (
                wtitle not in _GENERIC_TITLES
                and _words_in(wtitle, view.raw)
                and covered() >= COVERAGE_MIN
            )
        ):
            exact = view.title == wtitle and wtitle not in _GENERIC_TITLES
            add(
                "title",
                f"short title {work.title!r} {'is the title' if exact else 'found'}",
                W_TITLE_CLOSE if exact else W_TITLE_PARTIAL,
            )
            has_title = title_sure = True
    elif score >= 95 and how in ("title", "title in text"):
        add("title", f"{how} matches ({score:.0f}%)", W_TITLE_EXACT)
        has_title = title_sure = True
        if score >= 97 and len(wtitle) >= 40 and len(wtitle.split()) >= 6:
            add("long title", "a long title, the same word for word", W_TITLE_LONG)
    elif score >= 88 and how in ("title", "title in text"):
        add("title", f"{how} similar ({score:.0f}%)", W_TITLE_CLOSE)
        has_title = True
    elif score >= 90:
        add("title", f"{how} matches ({score:.0f}%)", W_TITLE_PARTIAL)
        has_title = True
    ref_container_is_title = (
        bool(view.title)
        and bool(work.container_title)
        and (
            fuzz.ratio(view.title, wcontainer) >= 90
            or fuzz.partial_ratio(wcontainer, view.title) >= 90
            or fuzz.partial_ratio(view.title, wcontainer) >= 90
        )
    )
    wfam = [f for f in (fold(a.full_family) for a in (work.authors or work.editors)) if f]
    # a parsed "title" that is really the container or an author's name (title-less
    # styles confuse the parser) is no title
    title_is_a_name = len(view.title.split()) <= 5 and any(_words_in(f, view.title) for f in wfam)
    ref_has_title = (
        len(view.title.split()) >= 3 and not ref_container_is_title and not title_is_a_name
    )
    if not has_title and ref_has_title:
        best = fuzz.ratio(view.title, wtitle)
        set_veto("title-differs", f"title {work.title!r} vs {view.title!r} ({best:.0f}%)")
        add("title", f"differs ({best:.0f}%)", -0.3)

    # --- chapter vs book, article vs book (the parsed type alone is not trusted)
    csim = _container_similar(view.container, wcontainer, view.raw)
    chapter_like = _looks_like_chapter(view, raw_text)
    in_its_container = csim is True and (has_title or chapter_like)
    if (wkind == "chapter" and view.kind == "book" and not in_its_container) or (
        wkind == "chapter"
        and not has_title
        and wcontainer
        and view.title
        and not chapter_like
        and fuzz.ratio(view.title, wcontainer) >= 90
    ):
        set_veto("chapter-of-book", f"the record is a chapter of {work.container_title!r}")
    if (
        wkind == "book"
        and view.container
        and view.title
        and wtitle
        and fuzz.ratio(view.container, wtitle) >= 90
        and fuzz.ratio(view.title, wtitle) < 80
    ):
        set_veto(
            "book-not-chapter", "the record is the whole book; the reference is a chapter in it"
        )
    elif (
        wkind == "book"
        and has_title
        and view.title
        and fuzz.ratio(view.title, wtitle) < 80
        and chapter_like
    ):
        set_veto("book-not-chapter", "the record's title is the book the cited chapter appears in")
    if (
        work.type == "journal-article"
        and view.kind == "book"
        and wcontainer
        and csim is not True
        and not _words_in(wcontainer, view.raw)
    ):
        set_veto(
            "type",
            f"the record is an article in {work.container_title!r}; the reference is a book"
            + (" (a review of it?)" if has_title else ""),
        )
    if view.kind == "dataset" and wkind in ("article", "book", "chapter"):
        set_veto("type", f"the reference is a data set; the record a {work.type}")
    if work.type == "posted-content" and (
        csim is False or (view.container and not wcontainer and (view.volume or view.first_page))
    ):
        # the preprint of a paper the reference cites in its journal: another version
        set_veto(
            "type",
            "the record is a preprint"
            + (f" in {work.container_title!r}" if work.container_title else "")
            + f"; the reference cites it in {view.container!r}",
        )

    # --- authors
    first_ok = False
    if wfam:
        first_ok = _family_found(wfam[0], view)
        others = sum(1 for f in wfam[1:] if _family_found(f, view))
        if first_ok:
            add(
                "author",
                f"first author {work.authors[0].family if work.authors else wfam[0]} found",
                W_FIRST_AUTHOR,
            )
            if others:
                add("co-authors", f"{others + 1} of {len(wfam)} family names found", W_COAUTHORS)
        elif others:
            add(
                "co-authors",
                f"{others} of {len(wfam)} family names found, not the first",
                W_COAUTHORS,
            )
        elif view.families:
            set_veto("other-author", f"none of {', '.join(wfam[:3])} among the reference's authors")
            add("author", "no family name in common", -0.3)
        elif view.families == () and has_title:
            add("author", "the record's authors do not appear in the reference", -0.2)
    elif view.families:
        add("author", "the record has no authors to compare", 0.0)

    # --- year
    ref_years = {view.year} if view.year else set(view.raw_years)
    if work.year and ref_years:
        diffs = sorted(abs(work.year - y) for y in ref_years)
        if 0 in diffs:
            add("year", f"year {work.year} agrees", W_YEAR)
        elif work.year in view.raw_years and wkind not in ("book", "chapter"):
            # the parser took another number of the text for the year
            add("year", f"year {work.year} appears in the text", W_YEAR_NEAR)
        elif diffs[0] == 1 and (wkind in ("article", "") or work.type == "posted-content"):
            add("year", f"year {work.year} one year off (online first?)", W_YEAR_NEAR)
        elif work.year in view.raw_years and wkind in ("book", "chapter"):
            add("year", f"year {work.year} appears in the text (reprint?)", W_YEAR_NEAR)
        else:
            ref_year = view.year or min(ref_years, key=lambda y: abs(y - work.year))  # type: ignore[operator]
            code = "other-edition" if wkind == "book" and has_title else "other-year"
            set_veto(code, f"the record is from {work.year}, the reference {ref_year}")
            add("year", f"year {work.year} vs {ref_year}", -0.3)

    # --- edition
    wed = _edition_number(work.edition)
    if view.edition and wed and view.edition != wed:
        set_veto("other-edition", f"edition {wed} vs the reference's {view.edition}")
    elif view.edition and wed:
        add("edition", f"edition {wed} agrees", 0.03)

    # --- container
    if csim is True:
        add("container", f"{work.container_title!r} agrees", W_CONTAINER)
    elif csim is False:
        add("container", f"{work.container_title!r} vs {view.container!r}", W_CONTAINER_BAD)

    wpub = fold(work.publisher)
    if wpub and len(wpub) >= 4 and _words_in(wpub, view.raw):
        add("publisher", f"{work.publisher!r} agrees", 0.05)

    # --- volume, issue, first page
    wvol, wiss, wpage = _norm_number(work.volume), _norm_number(work.issue), _first_page(work.pages)
    vol_ok = page_ok = False
    # a parsed number that is really the year, or not a number, is a parser slip: use the text
    years = {str(y) for y in view.raw_years}
    vol_slip = not view.volume or view.volume in years or not view.volume.isdigit()
    page_slip = (
        not view.first_page
        or view.first_page in years
        or view.first_page
        in (
            view.volume,
            wvol,
        )
    )
    if wvol:
        vol_ok = view.volume == wvol or (
            vol_slip and (wvol in view.numbers or wvol in view.raw_tokens)
        )
        if vol_ok:
            add("volume", f"volume {work.volume} agrees", W_VOLUME)
        elif not vol_slip:
            add("volume", f"volume {work.volume} vs {view.volume}", W_NUMBER_BAD)
    if wiss and (view.issue == wiss or (not view.issue and wiss in view.numbers and wiss != wvol)):
        add("issue", f"issue {work.issue} agrees", W_ISSUE)
    # the record's whole page range as words of the text ("1-7", "v-vi", "IFC", "1078c-1078"):
    # the parser may have kept only part of it
    wrange = fold(work.pages)
    range_ok = (
        bool(wrange) and (" " in wrange or not wrange.isdigit()) and _words_in(wrange, view.raw)
    )
    if wpage:
        page_ok = (
            view.first_page == wpage
            or (page_slip and (wpage in view.numbers or wpage in view.raw_tokens))
            or range_ok
        )
        if page_ok:
            add("pages", f"first page {wpage} agrees", W_PAGE)
        elif not page_slip:
            add("pages", f"first page {wpage} vs {view.first_page}", W_NUMBER_BAD)
            if wpage.isdigit() and view.first_page.isdigit() and wpage not in view.numbers:
                set_veto(
                    "other-pages",
                    f"the record starts on page {wpage}, the reference on {view.first_page}",
                )
    year_ok = any(e.what == "year" and e.weight > 0 for e in ev)
    # a chapter has no volume: its book (the container) stands in for it
    # and a proceedings paper its proceedings (but "page 1" alone is no coordinate)
    place_ok = vol_ok or (
        not wvol
        and csim is True
        and (wkind == "chapter" or work.type == "proceedings-article")
        and wpage not in ("", "1")
    )
    year_exact = any(e.what == "year" and e.weight >= W_YEAR for e in ev)
    # a page that places a work: not "1" (every separately paginated item starts there)
    # nor "0"; a front-matter page ("ii", "IFC") only as the whole range in the text
    page_real = (page_ok and wpage not in ("", "0", "1")) or (not wpage and range_ok)
    whole = not vetoes and covered() >= COVERAGE_MIN
    distinctive = not generic and len(wtitle) >= 25 and len(wtitle.split()) >= 4
    thin = False
    coordinates = False
    # Without a title, the numbers must place the very work: the record's first
    # author must lead the reference (not be its third author), the journal must
    # not be another, and "page 1" counts only with its last page (a journal that
    # starts every article on page 1, in a volume named after the year, has
    # hundreds of "2014, 1" articles)
    placed = has_title or (
        first_ok
        and _leads(wfam[0], view)
        and csim is True
        and (wpage != "1" or (range_ok and " " in wrange))
    )
    if first_ok and year_ok and place_ok and page_ok and placed:
        add(
            "coordinates",
            "first author, year, volume (or book) and first page agree",
            W_COORDINATES,
        )
        coordinates = True
    elif not wfam and has_title and year_ok and vol_ok and page_ok and csim is True:
        # an unsigned item (obituary, notice, editorial): its title stands in for an author
        add(
            "coordinates",
            "title, journal, year, volume and first page agree (no author on record)",
            W_COORDINATES,
        )
        coordinates = True
    elif (
        not has_title
        and not ref_has_title
        and first_ok
        and _leads(wfam[0], view)
        and year_exact
        and csim is True
        and ((vol_ok and not wpage and not wrange) or (not wvol and page_real))
        and (not wiss or not view.issue or view.issue == wiss)
        and whole
    ):
        # a title-less reference to a record without a page (online-only articles) or
        # without a volume (article numbers, chapters): first author, year, journal
        # and the one number the record has, nothing else in the text, and no rival
        add(
            "coordinates",
            "first author, year, journal and "
            + ("volume agree; the record has no page" if vol_ok else "first page agree"),
            W_COORDINATES,
        )
        coordinates = thin = True
    elif (
        not wfam
        and not has_title
        and not ref_has_title
        and year_exact
        and (vol_ok or (not wvol and wkind == "chapter"))
        and page_real
        and csim is True
        and not (wtitle and fuzz.ratio(wtitle, wcontainer) >= 90)
        and whole
    ):
        # an unsigned item cited by its place alone: "Arch Dermatol 94 (1966) 791",
        # an index or a chapter by its book and pages (not a record titled like its
        # journal: those are many)
        add(
            "coordinates",
            "journal (or book), year, volume and first page agree "
            "(no author on record, no title cited)",
            W_COORDINATES + W_FIRST_AUTHOR,
        )
        coordinates = thin = True
    if (
        not wfam
        and title_sure
        and year_exact
        and whole
        and (csim is not False)
        and (
            page_ok
            or (not wpage and not wrange)
            or distinctive
            or (wkind == "chapter" and csim is True and wtitle not in _GENERIC_TITLES)
        )
    ):
        # an unsigned record (editorial, notice, standard, dictionary entry): no
        # author to confirm, but the reference is made of nothing but its fields.
        # A recurring heading ("Necrology", "Correspondence") names a different item
        # in every issue: without its page only a long, distinctive title will do
        # (or a chapter's own title within its named book)
        # a short title found only as words ("Biofuels") counts as the title here:
        # nothing else in the reference could be the title
        short = max(0.0, W_TITLE_CLOSE - sum(e.weight for e in ev if e.what == "title"))
        add(
            "whole reference",
            f"{covered():.0%} of the reference's words are the record's",
            W_WHOLE + short,
        )
        thin = True
    if review_title and not (coordinates and not ref_has_title):
        set_veto("review", f"the record's title reads as a review: {work.title!r}")
    if not has_title and not coordinates and not vetoes:
        missing = [
            name
            for name, ok in (
                ("first author", first_ok),
                ("year", year_ok),
                ("volume", place_ok),
                ("first page", page_ok),
            )
            if not ok
        ]
        if missing:
            detail = "no title to compare and " + ", ".join(missing) + " not confirmed"
        else:
            detail = (
                "no title to compare, and the numbers do not place the work: the first "
                "author must lead the reference, the journal must agree, and a first "
                "page 1 needs its last page too"
            )
        set_veto("too-little-evidence", detail)

    confidence = max(0.0, min(1.0, sum(e.weight for e in ev)))
    if thin:
        # thin only where the thin route made the difference
        route = sum(e.weight for e in ev if e.what in ("whole reference", "coordinates"))
        thin = confidence - route < ACCEPT_THRESHOLD
    veto = veto_detail = ""
    if vetoes:
        vetoes.sort(key=lambda v: _VETO_ORDER.index(v[0]))
        veto, veto_detail = vetoes[0]
        also = list(dict.fromkeys(code for code, _ in vetoes[1:] if code != veto))
        if also:
            veto_detail += f" (also: {', '.join(also)})"
    return Assessment(work, round(confidence, 3), tuple(ev), veto, veto_detail, thin)


# ---------------------------------------------------------------- decisions


def _rejection(a: Assessment) -> Rejection:
    return Rejection(
        doi=a.work.doi,
        confidence=a.confidence,
        reason=a.reason,
        detail=a.veto_detail if a.veto else f"confidence {a.confidence:.2f} below the threshold",
        title=work_title(a.work),
        year=a.work.year,
        evidence=a.evidence,
    )


def validate(
    ref: Reference,
    candidates: Iterable[Work],
    *,
    threshold: float = ACCEPT_THRESHOLD,
    keep_rejected: int = 3,
) -> Enrichment:
    """Choose the candidate that is the same work as ``ref``, or none; pure."""
    view, raw_text = _view(ref), reference_text(ref)
    seen: set[str] = set()
    assessed: list[Assessment] = []
    for work in candidates:
        if work.doi in seen:
            continue
        seen.add(work.doi)
        assessed.append(_assess(view, work, raw_text))
    assessed.sort(key=lambda a: (a.acceptable, a.confidence), reverse=True)
    passing = [a for a in assessed if a.acceptable and a.confidence >= threshold]
    if passing:
        best = passing[0]
        rest = [a for a in assessed if a is not best]
        rivals = [a for a in passing[1:] if best.confidence - a.confidence < AMBIGUITY_MARGIN]
        if best.thin and not rivals:
            # thin evidence: any other candidate not ruled out must trail clearly
            rivals = [
                a
                for a in rest
                if a.veto in ("", "too-little-evidence")
                and best.confidence - a.confidence < THIN_MARGIN
            ]
        if rivals:
            rival = rivals[0]
            amb = Assessment(
                best.work,
                best.confidence,
                best.evidence,
                "ambiguous",
                f"{rival.work.doi} fits as well ({rival.confidence:.2f})",
            )
            rejected = [
                _rejection(amb),
                _rejection(
                    Assessment(
                        rival.work,
                        rival.confidence,
                        rival.evidence,
                        "ambiguous",
                        f"{best.work.doi} fits as well ({best.confidence:.2f})",
                    )
                ),
            ]
            return Enrichment(
                ref.id,
                "no-match",
                confidence=best.confidence,
                rejected=tuple(rejected),
                runner_up=rejected[1],
                existing_doi=ref.doi,
                message=AMBIGUOUS,
            )
        return Enrichment(
            ref.id,
            "matched",
            doi=best.work.doi,
            confidence=best.confidence,
            evidence=best.evidence,
            work=best.work,
            runner_up=_rejection(rest[0]) if rest else None,
            rejected=tuple(_rejection(a) for a in rest[:keep_rejected]),
            thin=best.thin,
        )
    kept = tuple(_rejection(a) for a in assessed[:keep_rejected])
    return Enrichment(
        ref.id,
        "no-match",
        confidence=assessed[0].confidence if assessed else 0.0,
        rejected=kept,
        runner_up=kept[0] if kept else None,
        message="no candidate" if not assessed else "no candidate passed validation",
    )


def verify(ref: Reference, doi: str, work: Work | None) -> Enrichment:
    """Check the DOI already in an entry against its record; the DOI is never replaced."""
    if work is None:
        return Enrichment(
            ref.id, "conflict", doi=doi, existing_doi=doi, message=f"the DOI {doi} does not exist"
        )
    a = assess(ref, work)
    if a.veto in ("", "too-little-evidence") and a.confidence >= VERIFY_THRESHOLD:
        return Enrichment(
            ref.id,
            "verified",
            doi=doi,
            confidence=a.confidence,
            evidence=a.evidence,
            work=work,
            existing_doi=doi,
        )
    detail = a.describe() if a.veto else f"confidence {a.confidence:.2f}"
    return Enrichment(
        ref.id,
        "conflict",
        doi=doi,
        confidence=a.confidence,
        evidence=a.evidence,
        work=work,
        existing_doi=doi,
        rejected=(_rejection(a),),
        message=f"the DOI {doi} describes another work ({detail}): "
        f"{work_title(work)!r} ({work.year})",
    )
