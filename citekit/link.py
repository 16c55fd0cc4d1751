"""Link in-text citations to reference-list entries (pure functions).

``link_citations(citations, references)`` gives one :class:`~citekit.model.Link`
per citation with a verdict:

- **resolved**: one entry fits (family names and year; a locator inside an
  entry's pages or a co-author list can break a tie between several);
- **ambiguous**: two or more entries fit equally ("Mankoff, 2012" with two
  Mankoff 2012 entries and no 2012a/2012b);
- **suggested**: no entry fits, but one differs in a single respect: the year,
  a misspelt family name, a given name used as the family name, a missing or
  extra co-author, an entry without a year, a missing a/b suffix;
- **unresolved**: nothing near.

Every verdict carries its candidates with :class:`~citekit.model.Evidence`, so a
report can say *why*.  Numeric citations link by list number, key citations by
key.  Names are compared ASCII-folded and case-insensitive, without particles
("van der") and suffixes ("Jr").
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from rapidfuzz import fuzz

from citekit.citations import legal_act_key
from citekit.model import Candidate, Citation, Evidence, Link, Name, Reference
from citekit.names import PARTICLES

_SUFFIXES = frozenset(
    {"jr", "sr", "ii", "iii", "iv", "junior", "senior", "filho", "neto", "sobrinho"}
)
_WORD_RE = re.compile(r"[^\W_]+")  # letters of any script, and digits
_PAGES_RE = re.compile(r"(\d+)\s*(?:[-–—]+\s*(\d+))?")
# Misspelt family names: rapidfuzz ratio at or above this (0-100) on folded keys.
FUZZY_MIN = 85.0

# Kinds of near miss, in the order a suggestion prefers them.
YEAR_DIFFERS = "year-differs"
NO_YEAR = "entry-without-year"
SUFFIX_MISSING = "suffix-missing"
GIVEN_AS_FAMILY = "given-as-family"
MISSPELT = "name-misspelt"
COAUTHOR = "co-author"
_NEAR_ORDER = (SUFFIX_MISSING, NO_YEAR, COAUTHOR, GIVEN_AS_FAMILY, MISSPELT, YEAR_DIFFERS)


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """ASCII-fold and lower-case: "Şahin" -> "sahin", "O'Neill" -> "o'neill"."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


@lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """The comparable core of a family name: folded, no particles, no suffixes, letters only.

    "van der Berg" -> "berg", "Nye Jr" -> "nye", "McFall-Ngai" -> "mcfallngai",
    "World Bank" -> "worldbank".
    """
    words = _WORD_RE.findall(fold(name).replace("'", "").replace("’", ""))
    while len(words) > 1 and words[-1] in _SUFFIXES:
        words.pop()
    core = [w for w in words if w not in PARTICLES] or words
    return "".join(core)


@dataclass(frozen=True, slots=True)
class _Entry:
    """What the linker needs of a reference, computed once."""

    ref: Reference
    index: int
    families: tuple[str, ...]  # name keys of authors (or editors), in order
    givens: tuple[frozenset[str], ...]  # folded given-name words per author
    leads: frozenset[str]  # keys of the entry's first words: a fallback for a misread first author
    raw_names: frozenset[str]  # keys of every word before the year: a fallback for co-authors
    head_given: frozenset[
        str
    ]  # words after the lead in the first name chunk, if no author was parsed
    acronym: str  # "BLS – US Bureau of Labor Statistics" -> "bls", for corporate authors
    initials: str  # "Centro de Gestão e Estudos Estratégicos. (2023)" -> "cgee" (a corporate head)
    raw_years: frozenset[str]  # years printed in an entry without a parsed year ("1922", "2014b")
    legal: str | None  # "lei13146/2015" for "Lei nº 13.146, de 6 de julho de 2015. ..."
    pages: tuple[int, int] | None
    page_count: int | None


def _page_range(pages: str | None) -> tuple[int, int] | None:
    if not pages:
        return None
    m = _PAGES_RE.search(pages)
    if m is None:
        return None
    a = int(m.group(1))
    b = int(m.group(2)) if m.group(2) else a
    if b < a:  # "1433-40"
        digits = str(b)
        b = int(str(a)[: len(str(a)) - len(digits)] + digits)
    return (a, b) if b >= a else (a, a)


def _names_of(ref: Reference) -> tuple[Name, ...]:
    return ref.authors or ref.editors


_RAW_WORD_RE = re.compile(r"[^\W\d_][^\W\d_'’\-]*")
_ACRONYM_RE = re.compile(r"\(([A-Z][A-Z&\-]{1,11})\)")
_RAW_YEAR_RE = re.compile(r"\b(?:1[5-9]\d\d|20\d\d)\b")


def _leads(raw: str) -> frozenset[str]:
    """Keys for the start of an entry: "De Vos, M." -> {"vos"}, "Roll Call. (2020)" -> {"roll", "rollcall"}.

    The first word of an entry is nearly always the first author's family name
    (or the start of a corporate author), whatever the parser made of it.
    """
    head = re.split(r"[.,(:;]|\b(?:1[5-9]\d\d|20\d\d)\b", raw, maxsplit=1)[0]
    words = _RAW_WORD_RE.findall(head)[:8]
    out = set()
    i = 0
    while i < len(words) - 1 and fold(words[i]) in PARTICLES:
        i += 1
    if i < len(words):
        out.add(name_key(words[i]))
    caps = [w for w in words if w[:1].isupper() or fold(w) in PARTICLES]
    if len(caps) >= 2:
        out.add(name_key(" ".join(words)))
        out.add(name_key(" ".join(words[:2])))
    if len(words) >= 2 and len(words[0]) <= 3 and words[1][:1].isupper():
        out.add(name_key(words[1]))  # "LOS PRINCIPALES empresarios...": cited without the article
    # "Instituto Brasileiro de Geografia e Estatística (IBGE). 2012.": cited by its acronym
    year = _RAW_YEAR_RE.search(raw)
    for m in _ACRONYM_RE.finditer(raw, 0, year.start() if year else min(len(raw), 200)):
        out.add(fold(m.group(1)))
    out.discard("")
    return frozenset(out)


_PRINTED_YEAR_RE = re.compile(r"(?<![\d/.-])(1[5-9]\d\d|20\d\d)([a-z]?)(?![\d/]|[a-z])")


_ACCESS_WORD_RE = re.compile(
    r"\b(?:access(?:ed)?|acess(?:o|ado)|consultad[oa]|consult[ée]|retrieved|visited|viewed|"
    r"abgerufen|accedido|zugegriffen)\b",
    re.IGNORECASE,
)


def _years_printed(raw: str) -> list[tuple[str, bool]]:
    """Every year printed in an entry ("1922", "2014b"), each with whether it is the
    access date: the first year within a short reach after "accessed", "Acesso em", ..."""
    access = set()
    for m in _ACCESS_WORD_RE.finditer(raw):
        y = _PRINTED_YEAR_RE.search(raw, m.end(), m.end() + 30)
        if y is not None:
            access.add(y.start())
    return [(m.group(1) + m.group(2), m.start() in access) for m in _PRINTED_YEAR_RE.finditer(raw)]


def _printed_years(raw: str) -> frozenset[str]:
    """Years printed in an entry, except access dates."""
    return frozenset(y for y, accessed in _years_printed(raw) if not accessed)


def _year_only_accessed(year: int, raw: str) -> bool:
    """True if ``year`` is printed in the entry only as its access date ("Last access: Jan. 14, 2024")."""
    marks = [accessed for y, accessed in _years_printed(raw) if y[:4] == str(year)]
    return bool(marks) and all(marks)


_CORPORATE_HEAD_RE = re.compile(r"[^.,;:(\[\d]{10,120}")


def _initials(raw: str) -> str:
    """Initials of a corporate author's capitalised words: "Centro de Gestão e Estudos
    Estratégicos. (2023)" -> "cgee"; "" unless the entry opens with such a name."""
    m = _CORPORATE_HEAD_RE.match(raw)
    if m is None:
        return ""
    words = _RAW_WORD_RE.findall(m.group())
    caps = [w for w in words if w[:1].isupper()]
    # three or more capitalised words, and no "Family A" initials: a body, not people
    if len(caps) < 3 or any(len(w) == 1 for w in caps):
        return ""
    return fold("".join(w[0] for w in caps))


def _head_given(raw: str) -> frozenset[str]:
    """ "Reach Clint, Radin Andrew, ..." -> {"clint"}: the given names of an unparsed first author."""
    head = re.split(r"[,.;:(]", raw, maxsplit=1)[0]
    words = [name_key(w) for w in _RAW_WORD_RE.findall(head)[:4]]
    return frozenset(w for w in words[1:] if len(w) > 1)


def _raw_names(raw: str) -> frozenset[str]:
    m = _RAW_YEAR_RE.search(raw)
    head = raw[: m.start()] if m and m.start() < 400 else raw[:200]
    return frozenset(k for k in (name_key(w) for w in _RAW_WORD_RE.findall(head)) if len(k) > 1)


@lru_cache(maxsize=65536)
def _word_set(name: str) -> frozenset[str]:
    return frozenset(_WORD_RE.findall(fold(name)))


@lru_cache(maxsize=65536)
def _cited_keys(name: str) -> frozenset[str]:
    """Keys a cited name may match: whole, last word, first word ("Saville Kent")."""
    words = _WORD_RE.findall(fold(name).replace("'", ""))
    while len(words) > 1 and words[-1] in _SUFFIXES:
        words.pop()
    out = {name_key(name)}
    if words:
        out.add(words[-1])
        core = [w for w in words if w not in PARTICLES]
        if core:
            out.add(core[0])
    out.discard("")
    return frozenset(out)


def _acronym(name: Name) -> str:
    if not name.literal:
        return ""
    first = re.split(r"\s+[–—-]\s+|\s*[(:,]\s*", name.family, maxsplit=1)[0]
    if first.isupper() and len(first) <= 12:
        return name_key(first)
    caps = [w[0] for w in name.family.split() if w[:1].isupper()]
    return fold("".join(caps)) if len(caps) >= 2 else ""


def _entry(ref: Reference, index: int) -> _Entry:
    names = _names_of(ref)
    families = tuple(name_key(n.family if n.literal else n.full_family) for n in names)
    givens = tuple(
        frozenset(w for w in _WORD_RE.findall(fold(n.given)) if len(w) > 1) for n in names
    )
    # the raw-text fallbacks only make sense for an entry as printed, not for BibTeX source
    free_text = not ref.raw.lstrip().startswith("@")
    pages = _page_range(ref.pages)
    count = None
    if ref.number_of_pages and ref.number_of_pages.strip().isdecimal():
        count = int(ref.number_of_pages.strip())
    return _Entry(
        ref=ref,
        index=index,
        families=families,
        givens=givens,
        leads=_leads(_strip_label(ref.raw)) if free_text else frozenset(),
        raw_names=_raw_names(_strip_label(ref.raw)) if free_text else frozenset(),
        head_given=_head_given(_strip_label(ref.raw)) if free_text and not names else frozenset(),
        acronym=_acronym(names[0]) if names else "",
        initials=_initials(_strip_label(ref.raw)) if free_text else "",
        raw_years=_printed_years(ref.raw) if free_text and ref.year is None else frozenset(),
        legal=legal_act_key(_strip_label(ref.raw).lstrip()) if free_text else None,
        pages=pages,
        page_count=count,
    )


def _strip_label(raw: str) -> str:
    return re.sub(r"^\s*(?:\[\d+\]|\d+[.)]?)\s*", "", raw)


@dataclass(slots=True)
class _Index:
    entries: list[_Entry]
    by_family: dict[str, list[_Entry]]
    by_given: dict[str, list[_Entry]]
    by_number: dict[int, list[Reference]]
    by_key: dict[str, list[Reference]]
    family_keys: list[str]
    by_legal: dict[str, list[Reference]]


# "______. Another title. 1990." / "———. 2005.": the same author(s) as the entry above
_REPEATED_AUTHOR_RE = re.compile(r"\s*(?:_{2,}|-{3,}|[—–]{1,3})\s*[.,]?")


def _entries(references: Sequence[Reference]) -> list[_Entry]:
    out: list[_Entry] = []
    for i, r in enumerate(references):
        e = _entry(r, i)
        if out and not r.raw.lstrip().startswith("@"):
            m = _REPEATED_AUTHOR_RE.match(_strip_label(r.raw))
            if m is not None:
                prev = out[-1]
                e = replace(
                    e,
                    families=prev.families,
                    givens=prev.givens,
                    leads=prev.leads,
                    raw_names=prev.raw_names | _raw_names(_strip_label(r.raw)[m.end() :]),
                    head_given=prev.head_given,
                    acronym=prev.acronym,
                    initials=prev.initials,
                )
        out.append(e)
    return out


def _index(references: Sequence[Reference]) -> _Index:
    entries = _entries(references)
    by_family: dict[str, list[_Entry]] = defaultdict(list)
    by_given: dict[str, list[_Entry]] = defaultdict(list)
    by_number: dict[int, list[Reference]] = defaultdict(list)
    by_key: dict[str, list[Reference]] = defaultdict(list)
    for e in entries:
        keys = set(e.families) | e.leads
        if e.families:
            keys |= _cjk_prefixes(e.families[0])
        if e.acronym:
            keys.add(e.acronym)
        for k in keys:
            if k:
                by_family[k].append(e)
        for g in (*e.givens, e.head_given):
            for w in g:
                by_given[w].append(e)
        if e.ref.number is not None:
            by_number[e.ref.number].append(e.ref)
        if e.ref.key:
            by_key[e.ref.key].append(e.ref)
    by_legal: dict[str, list[Reference]] = defaultdict(list)
    for e in entries:
        if e.legal:
            by_legal[e.legal].append(e.ref)
    return _Index(entries, by_family, by_given, by_number, by_key, sorted(by_family), by_legal)


@dataclass(slots=True)
class _Score:
    entry: _Entry
    name: str  # "exact" | GIVEN_AS_FAMILY | MISSPELT | "none"
    year: str  # "exact" | "suffix-order" | SUFFIX_MISSING | NO_YEAR | YEAR_DIFFERS
    coauthors: str  # "ok" | "given" (co-author cited by given name) | "missing" | "extra"
    evidence: list[Evidence]

    @property
    def deviations(self) -> list[str]:
        out = []
        if self.name != "exact":
            out.append(self.name)
        if self.year not in ("exact", "suffix-order"):
            out.append(self.year)
        if self.coauthors in ("missing", "extra"):
            out.append(COAUTHOR)
        return out


_CJK_NAME = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]+")


def _cjk_prefixes(family: str) -> set[str]:
    """An East Asian name written whole, family first ("山田太郎"), is cited by its
    family name, which is one of its beginnings ("山田")."""
    if not _CJK_NAME.fullmatch(family):
        return set()
    return {family[:k] for k in range(1, len(family))}


def _match_name(cited: str, e: _Entry, pos: int) -> str:
    """How a cited name matches author ``pos`` of an entry."""
    keys = _cited_keys(cited)
    if pos < len(e.families) and e.families[pos] in keys:
        return "exact"
    if pos < len(e.families) and keys & _cjk_prefixes(e.families[pos]):
        return "exact"
    if pos == 0 and (keys & e.leads or (e.acronym and e.acronym in keys)):
        return "exact"
    if pos == 0 and keys & e.head_given:
        return GIVEN_AS_FAMILY  # no author was parsed; the entry's text shows the given name
    if pos >= len(e.families):
        return "none"
    words = _word_set(cited)
    if words and words <= e.givens[pos]:
        return GIVEN_AS_FAMILY
    fam = e.families[pos]
    if len(fam) >= 5 and any(len(k) >= 5 and fuzz.ratio(k, fam) >= FUZZY_MIN for k in keys):
        return MISSPELT
    return "none"


def _coauthors(c: Citation, e: _Entry) -> tuple[str, list[Evidence]]:
    cited = c.names[1:]
    n_auth = len(e.families)
    ev: list[Evidence] = []
    if c.et_al:
        if n_auth < 2 and not e.ref.more_authors:  # "Lindqvist, Sara, et al." has others
            ev.append(
                Evidence("co-author", "cited with 'et al.' but the entry has one author", -0.05)
            )
        return "ok", ev
    if not cited:
        if n_auth == 2:
            ev.append(
                Evidence(
                    "co-author", f"co-author missing: the entry also lists {_display(e, 1)}", -0.3
                )
            )
            return "missing", ev
        return "ok", ev
    status = "ok"
    for i, name in enumerate(cited, start=1):
        how = _match_name(name, e, i) if i < n_auth else "none"
        if how == "exact" or how == MISSPELT:
            continue
        if how == "none" and (_cited_keys(name) & (set(e.families) | e.raw_names)):
            continue  # named elsewhere in the author list (or the parser misread it)
        if how == GIVEN_AS_FAMILY:
            ev.append(
                Evidence(
                    "co-author",
                    f"'{name}' is the given name of co-author {_display(e, i)}",
                    -0.1,
                )
            )
            status = "given" if status == "ok" else status
            continue
        if i >= n_auth:
            ev.append(Evidence("co-author", f"co-author '{name}' is not in the entry", -0.3))
        else:
            ev.append(
                Evidence("co-author", f"'{name}' differs from co-author {_display(e, i)}", -0.3)
            )
        status = "extra"
    if status != "extra" and len(cited) + 1 < n_auth and n_auth <= 2:
        ev.append(Evidence("co-author", "co-author missing", -0.3))
        status = "missing"
    return status, ev


def _display(e: _Entry, i: int) -> str:
    names = _names_of(e.ref)
    if i >= len(names):
        if i == 0:  # no author parsed: the start of the entry as written
            return re.split(r"[,.;:(]", _strip_label(e.ref.raw), maxsplit=1)[0].strip() or "?"
        return "?"
    n = names[i]
    given = n.given.rstrip(" ([,;:")  # a stray bracket from the entry's "(2020)" is not a name
    return n.family if n.literal else (f"{n.full_family}, {given}" if given else n.full_family)


def _year_of(ref: Reference) -> str:
    return f"{ref.year}{ref.year_suffix}" if ref.year is not None else "n.d."


def _match_year(c: Citation, e: _Entry) -> tuple[str, Evidence]:
    ref = e.ref
    if c.command == "author-page":
        return "exact", Evidence("year", "cited by author and page (MLA): no year to compare", 0.0)
    if c.no_date or c.year is None:
        if ref.year is None:
            return "exact", Evidence("year", "no date on either side", 0.5)
        return YEAR_DIFFERS, Evidence(
            "year", f"cited without a date; the entry has {ref.year}", -0.5
        )
    if ref.year is None:
        if e.raw_years and f"{c.year}{c.year_suffix}" in e.raw_years:
            # the parser found no date, but the entry as written shows this year
            return "exact", Evidence(
                "year", f"{c.year}{c.year_suffix} is printed in the entry", 0.3
            )
        return NO_YEAR, Evidence("year", "the entry has no year", -0.3)
    if ref.year != c.year:
        cited = f"{c.year}{c.year_suffix}"
        if (c.year_suffix or _year_only_accessed(ref.year, ref.raw)) and cited in _printed_years(
            ref.raw
        ):
            # the parser took another date for the entry's year: its access date, or an
            # original edition's, while the entry prints the cited "1972b" as well
            return "exact", Evidence(
                "year", f"{cited} is printed in the entry (read as {_year_of(ref)})", 0.3
            )
        return YEAR_DIFFERS, Evidence(
            "year", f"differs: cited {c.year}, the entry has {_year_of(ref)}", -0.6
        )
    if c.year_suffix == ref.year_suffix:
        return "exact", Evidence("year", f"{_year_of(ref)} matches", 0.5)
    if not c.year_suffix:
        return SUFFIX_MISSING, Evidence(
            "year", f"the entry is {_year_of(ref)}; the citation lacks the suffix", -0.2
        )
    if not ref.year_suffix:
        return "suffix-order", Evidence(
            "year", f"cited {c.year}{c.year_suffix}; the entry's year has no suffix", 0.3
        )
    return YEAR_DIFFERS, Evidence(
        "year",
        f"suffix differs: cited {c.year}{c.year_suffix}, the entry has {_year_of(ref)}",
        -0.4,
    )


def _score(c: Citation, e: _Entry, name_how: str) -> _Score:
    ev: list[Evidence] = []
    if name_how == "exact":
        ev.append(Evidence("name", f"{c.names[0]} matches the first author", 0.5))
    elif name_how == GIVEN_AS_FAMILY:
        ev.append(
            Evidence(
                "name",
                f"'{c.names[0]}' is the given name of {_display(e, 0)} ({_year_of(e.ref)})",
                -0.4,
            )
        )
    elif name_how == MISSPELT:
        ev.append(
            Evidence("name", f"'{c.names[0]}' looks like a misspelling of {_display(e, 0)}", -0.4)
        )
    year_how, yev = _match_year(c, e)
    ev.append(yev)
    co_how, cev = _coauthors(c, e)
    ev.extend(cev)
    return _Score(e, name_how, year_how, co_how, ev)


def _weight(s: _Score) -> float:
    return sum(ev.weight for ev in s.evidence)


def _locator_fits(locator: str | None, e: _Entry) -> bool | None:
    """True if a page locator lies inside the entry's pages; None if unknown."""
    if not locator:
        return None
    m = re.search(r"\d+", locator)
    if m is None:
        return None
    page = int(m.group())
    if e.pages is not None:
        lo, hi = e.pages
        if (
            lo == hi
            and e.page_count is None
            and lo >= 50
            and e.ref.type in ("book", "document", "report", "thesis")
        ):
            return page <= lo  # a book's single number is its page count
        return lo <= page <= hi
    if e.page_count is not None:
        return page <= e.page_count
    return None


def _suffix_order(c: Citation, group: list[_Score]) -> _Score | None:
    """'2019a' against several same-year entries without suffixes: a -> first in the list."""
    if not c.year_suffix or not all(s.year == "suffix-order" for s in group):
        return None
    pos = ord(c.year_suffix) - ord("a")
    ordered = sorted(group, key=lambda s: s.entry.index)
    return ordered[pos] if 0 <= pos < len(ordered) else None


def _candidate(s: _Score) -> Candidate:
    return Candidate(s.entry.ref.id, round(1.0 + _weight(s), 3), tuple(s.evidence))


def _label(ref: Reference) -> str:
    names = _names_of(ref)
    if not names:
        # no author parsed: the entry's opening words, as a reader sees them
        who = re.split(r"[,.;:(]", _strip_label(ref.raw), maxsplit=1)[0].strip()[:40] or (
            ref.title or "?"
        )
    elif len(names) == 1:
        who = names[0].family if names[0].literal else names[0].full_family
    elif len(names) == 2:
        who = " and ".join(n.family if n.literal else n.full_family for n in names)
    else:
        n = names[0]
        who = f"{n.family if n.literal else n.full_family} et al."
    return f"{who} ({_year_of(ref)})"


def describe(ref: Reference, title: bool = False) -> str:
    """How an entry is named in messages: "Valeriano (2013)", "Reach and Radin (2017)".

    With ``title`` the start of the title follows, to tell same-author-year entries apart.
    """
    label = _label(ref)
    if title and ref.title:
        words = ref.title.split()
        short = " ".join(words[:6]) + ("…" if len(words) > 6 else "")
        label += f" '{short}'"
    return label


def _link_acronym(c: Citation, idx: _Index) -> Link | None:
    """ "(CGEE, 2023)" for "Centro de Gestão e Estudos Estratégicos. (2023)": an acronym
    equal to (or, from four letters, the start of) a corporate author's initials, same year."""
    if c.et_al or c.year is None or len(c.names) != 1:
        return None
    cited = c.names[0]
    # "CGEE", "CNPq" (capitals after the first letter), or "Inep" (a word of four or more)
    if not (cited.isalpha() and 2 <= len(cited) <= 8):
        return None
    if cited[1:].islower() and len(cited) < 4:
        return None
    key = fold(cited)
    fits = [
        e
        for e in idx.entries
        if e.initials
        and (e.initials == key or (len(key) >= 4 and e.initials.startswith(key)))
        and _match_year(c, e)[0] == "exact"
    ]
    if len(fits) != 1:
        return None
    e = fits[0]
    ev = (Evidence("name", f"{cited} abbreviates {_display(e, 0)}", 0.3), _match_year(c, e)[1])
    return Link(
        c,
        "resolved",
        (e.ref.id,),
        f"{cited} abbreviates {_display(e, 0)}",
        (Candidate(e.ref.id, 1.8, ev),),
    )


def _link_author_year(c: Citation, idx: _Index) -> Link:
    if not c.names:
        return Link(c, "unresolved", reason="no author in the citation")
    link = _link_names(c, idx)
    if link.status != "unresolved":
        return link
    if len(c.names) < 2:
        return (_link_acronym(c, idx) if not link.candidates else None) or link
    # "Ainda, Blum & Roderjan (2007)", "(AIC, Akaike, 1973)": a leading word read
    # as a name; accept only an exact fit of the rest.
    for drop in range(1, min(3, len(c.names))):
        retry = _link_names(replace(c, names=c.names[drop:]), idx)
        if retry.status in ("resolved", "ambiguous"):
            skipped = ", ".join(c.names[:drop])
            return Link(
                c,
                retry.status,
                retry.targets,
                f"{retry.reason} (ignoring '{skipped}')",
                retry.candidates,
            )
    # "Koenker e Basset (1978)" for "Basset, G.; Koenker, R. (1978)": authors swapped
    swapped = _link_names(replace(c, names=(c.names[1], c.names[0], *c.names[2:])), idx)
    if swapped.status == "resolved":
        return Link(
            c,
            "suggested",
            swapped.targets,
            f"{COAUTHOR}: the entry lists the authors in another order",
            swapped.candidates,
        )
    return link


def _link_names(c: Citation, idx: _Index) -> Link:
    first = c.names[0]
    scores: dict[int, _Score] = {}

    def consider(entries: Iterable[_Entry]) -> None:
        for e in entries:
            if e.index in scores:
                continue
            how = _match_name(first, e, 0)
            if how != "none":
                scores[e.index] = _score(c, e, how)

    for k in _cited_keys(first):
        consider(idx.by_family.get(k, ()))
    words = _WORD_RE.findall(fold(first))
    if words:
        consider(idx.by_given.get(words[0], ()))
    exact = [s for s in scores.values() if not s.deviations]
    if not exact:
        # misspelt family names: only when nothing fits exactly
        for k in _cited_keys(first):
            if len(k) < 5:
                continue
            for fam in idx.family_keys:
                if abs(len(fam) - len(k)) <= 3 and fam != k and fuzz.ratio(k, fam) >= FUZZY_MIN:
                    consider(idx.by_family[fam])
    exact = [s for s in scores.values() if not s.deviations]
    all_scores = sorted(scores.values(), key=lambda s: (-_weight(s), s.entry.index))
    candidates = tuple(_candidate(s) for s in all_scores[:5])

    if exact:
        chosen = _break_tie(c, exact)
        if len(chosen) == 1:
            s = chosen[0]
            notes = [ev.detail for ev in s.evidence if ev.weight < 0 or ev.what == "locator"]
            reason = "; ".join(notes) if notes else "exact: family name and year match"
            return Link(c, "resolved", (s.entry.ref.id,), reason, candidates)
        ids = tuple(s.entry.ref.id for s in sorted(chosen, key=lambda s: s.entry.index))
        labels = ", ".join(_label(s.entry.ref) for s in sorted(chosen, key=lambda s: s.entry.index))
        return Link(c, "ambiguous", ids, f"{len(ids)} entries fit: {labels}", candidates)

    near = [s for s in all_scores if len(s.deviations) == 1]
    if near:
        near.sort(
            key=lambda s: (
                _NEAR_ORDER.index(s.deviations[0]),
                -_weight(s),
                _year_gap(c, s),
                s.entry.index,
            )
        )
        best = near[0]
        kind = best.deviations[0]
        reason = "; ".join(ev.detail for ev in best.evidence if ev.weight < 0) or kind
        return Link(
            c,
            "suggested",
            (best.entry.ref.id,),
            f"{kind}: {reason}",
            candidates,
        )
    return Link(c, "unresolved", (), _unresolved_reason(c), candidates)


def _year_gap(c: Citation, s: _Score) -> int:
    if c.year is None or s.entry.ref.year is None:
        return 0
    return abs(c.year - s.entry.ref.year)


def _unresolved_reason(c: Citation) -> str:
    year = f"{c.year}{c.year_suffix}" if c.year is not None else "n.d."
    return f"no entry for {c.names[0]} ({year}) in the reference list"


_ND_PHRASE_RE = re.compile(
    r"in press|in review|in preparation|forthcoming|no prelo|no date|n\.\s?d\.|s\.\s?d\.|s/d",
    re.IGNORECASE,
)


_ARTICLE = re.compile(r"^(?:the|a|an|le|la|les|el|los|las|der|die|das)\s+")


def short_title_fits(short: str, title: str | None) -> bool:
    """Does MLA's short title ("Shore") begin the entry's title ("The Shore and the City")?"""
    if not title:
        return False
    want, have = (_ARTICLE.sub("", " ".join(_WORD_RE.findall(fold(t)))) for t in (short, title))
    return bool(want) and (have + " ").startswith(want + " ")


def _break_tie(c: Citation, exact: list[_Score]) -> list[_Score]:
    if len(exact) == 1:
        return exact
    if c.title:
        # "(Okafor, Shore 45)": MLA names the work by a short title
        titled = [s for s in exact if short_title_fits(c.title, s.entry.ref.title)]
        if len(titled) == 1:
            titled[0].evidence.append(Evidence("title", f"the short title {c.title!r} fits", 0.2))
            return titled
    if c.year_suffix:
        # "2017a": an entry with that very suffix beats one without a suffix
        same = [s for s in exact if s.year == "exact"]
        if 0 < len(same) < len(exact):
            exact = same
            if len(exact) == 1:
                return exact
    if c.no_date:
        # "(Pletsch, in press)": the entry that says "in press" beats one merely undated
        phrase = _ND_PHRASE_RE.search(c.text)
        if phrase is not None:
            said = [s for s in exact if phrase.group().lower() in s.entry.ref.raw.lower()]
            if 0 < len(said) < len(exact):
                exact = said
                if len(exact) == 1:
                    return exact
    if c.year is not None:
        # a year the parser took from an access date loses to an entry that prints it
        printed = [s for s in exact if not _year_only_accessed(c.year, s.entry.ref.raw)]
        if 0 < len(printed) < len(exact):
            exact = printed
            if len(exact) == 1:
                exact[0].evidence.append(
                    Evidence("year", "the other entries print the year only as an access date", 0.1)
                )
                return exact
    # a fuller co-author match wins ("Smith and Jones 2019" over "Smith 2019")
    best_co = [s for s in exact if s.coauthors == "ok" and len(s.entry.families) == len(c.names)]
    if c.names[1:] and not c.et_al and len(best_co) == 1:
        return best_co
    if c.names[1:]:
        # "Fowler, Franz, & Ridout" vs "Fowler, Franz, Martin, et al.": most co-authors named wins
        def overlap(s: _Score) -> int:
            names = set(s.entry.families[1:]) | s.entry.raw_names
            return sum(1 for n in c.names[1:] if _cited_keys(n) & names)

        top = max(overlap(s) for s in exact)
        best = [s for s in exact if overlap(s) == top]
        if top > 0 and len(best) == 1:
            best[0].evidence.append(Evidence("co-author", "co-authors tell the entries apart", 0.2))
            return best
    if not c.names[1:] and not c.et_al:
        # "(Smith, 2019)" names a single-author work rather than Smith and others
        solo = [s for s in exact if len(s.entry.families) == 1]
        if len(solo) == 1:
            return solo
    if c.et_al:
        # "et al." stands for two or more others: a two-author work is "X and Y"
        for least in (3, 2):
            multi = [s for s in exact if len(s.entry.families) >= least]
            if len(multi) == 1:
                return multi
    lead = _WORD_RE.findall(fold(c.names[0]))
    if len(lead) >= 2:
        # "Paul Reynaud (1945)": a given name before the family tells namesakes apart
        initial = lead[0][0]
        named = [
            s
            for s in exact
            if _names_of(s.entry.ref) and fold(_names_of(s.entry.ref)[0].given)[:1] == initial
        ]
        if len(named) == 1:
            named[0].evidence.append(
                Evidence("name", "the given name tells the namesakes apart", 0.2)
            )
            return named
    if c.suffix and c.suffix.isdigit():
        # "2008 [1963]": the original date printed in one entry
        dated = [s for s in exact if c.suffix in s.entry.ref.raw]
        if len(dated) == 1:
            dated[0].evidence.append(
                Evidence("year", f"original date {c.suffix} in the entry", 0.2)
            )
            return dated
    by_order = _suffix_order(c, exact)
    if by_order is not None:
        by_order.evidence.append(Evidence("year", "suffix letter taken in list order", 0.1))
        return [by_order]
    verdicts = [(s, _locator_fits(c.locator, s.entry)) for s in exact]
    fits = [s for s, ok in verdicts if ok]
    if len(fits) == 1:
        fits[0].evidence.append(
            Evidence("locator", f"locator {c.locator} fits the entry's pages", 0.3)
        )
        return fits
    possible = [s for s, ok in verdicts if ok is not False]
    if len(possible) == 1:
        possible[0].evidence.append(
            Evidence("locator", f"locator {c.locator} lies outside the other entries' pages", 0.2)
        )
        return possible
    return exact


def _link_numeric(c: Citation, idx: _Index) -> Link:
    refs = idx.by_number.get(c.number or -1, [])
    if len(refs) == 1:
        return Link(c, "resolved", (refs[0].id,), f"entry [{c.number}]")
    if len(refs) > 1:
        return Link(
            c, "ambiguous", tuple(r.id for r in refs), f"{len(refs)} entries numbered {c.number}"
        )
    top = max(idx.by_number) if idx.by_number else 0
    return Link(c, "unresolved", (), f"no entry numbered {c.number} (the list has {top})")


def _link_legal(c: Citation, idx: _Index) -> Link:
    """An act of law: the entry that opens with the same act, number and year."""
    refs = idx.by_legal.get(c.key or "", [])
    if len(refs) == 1:
        ev = (Evidence("name", f"{c.text} opens the entry", 0.8),)
        return Link(
            c, "resolved", (refs[0].id,), f"the act {c.names[0]}", (Candidate(refs[0].id, 1.8, ev),)
        )
    if len(refs) > 1:
        return Link(
            c, "ambiguous", tuple(r.id for r in refs), f"{len(refs)} entries for {c.names[0]}"
        )
    return Link(c, "unresolved", (), f"no entry for {c.text} in the reference list")


def _link_key(c: Citation, idx: _Index) -> Link:
    refs = idx.by_key.get(c.key or "", [])
    if len(refs) == 1:
        return Link(c, "resolved", (refs[0].id,), f"key {c.key}")
    if len(refs) > 1:
        return Link(
            c, "ambiguous", tuple(r.id for r in refs), f"key {c.key} is defined {len(refs)} times"
        )
    close = [k for k in idx.by_key if fuzz.ratio(k, c.key or "") >= 85]
    if close:
        ref = idx.by_key[sorted(close, key=lambda k: -fuzz.ratio(k, c.key or ""))[0]][0]
        return Link(
            c,
            "unresolved",
            (),
            f"undefined key {c.key}",
            (Candidate(ref.id, 0.5, (Evidence("key", f"similar key {ref.key}", 0.0),)),),
        )
    return Link(c, "unresolved", (), f"undefined key {c.key}")


_DEFINES_RE = re.compile(r"[\[(]([A-Z][\w&]{1,11})[\])]\s*,?\s*(?:1[5-9]\d\d|20\d\d|n\.\s?d)")


def _abbreviations(citations: Sequence[Citation]) -> dict[str, tuple[str, ...]]:
    """ "(World Health Organization [WHO], 2019)" defines WHO for later "(WHO, 2020)"."""
    out: dict[str, tuple[str, ...]] = {}
    for c in citations:
        if c.kind == "author-year" and c.names and ("[" in c.text or "(" in c.text):
            m = _DEFINES_RE.search(c.text)
            if m is not None:
                out.setdefault(fold(m.group(1)), c.names)
    return out


def link_citations(citations: Sequence[Citation], references: Sequence[Reference]) -> list[Link]:
    """One Link per citation, in the order given."""
    idx = _index(references)
    abbreviations = _abbreviations(citations)
    out: list[Link] = []
    # A work is usually cited many times in the same words: decide each form once.
    seen: dict[tuple[object, ...], Link] = {}
    for c in citations:
        if c.kind == "numeric":
            out.append(_link_numeric(c, idx))
        elif c.kind == "key":
            out.append(_link_key(c, idx))
        elif c.command == "legal-act":
            out.append(_link_legal(c, idx))
        else:
            memo = (c.names, c.et_al, c.year, c.year_suffix, c.no_date, c.locator, c.suffix)
            done = seen.get(memo)
            if done is None:
                done = _link_author_year(c, idx)
                full = abbreviations.get(fold(c.names[0])) if len(c.names) == 1 else None
                if done.status == "unresolved" and full:
                    retry = _link_author_year(replace(c, names=full), idx)
                    if retry.status != "unresolved":
                        done = replace(
                            retry,
                            citation=c,
                            reason=f"{retry.reason} ({c.names[0]} abbreviates {' '.join(full)})",
                        )
                seen[memo] = done
                out.append(done)
            else:
                out.append(replace(done, citation=c))
    return out


def uncited(links: Sequence[Link], references: Sequence[Reference]) -> list[Reference]:
    """Entries no citation points at (resolved, ambiguous or suggested)."""
    cited = {t for link in links for t in link.targets}
    return [r for r in references if r.id not in cited]


NEAR_MISS_KINDS = frozenset(_NEAR_ORDER)


def near_miss(link: Link) -> str | None:
    """The kind of near miss of a suggested link ("year-differs", ...), else None."""
    if link.status != "suggested":
        return None
    kind = link.reason.split(":", 1)[0]
    return kind if kind in NEAR_MISS_KINDS else None
