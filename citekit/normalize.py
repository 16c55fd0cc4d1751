"""Small pure normalizers, and ``build_reference``: tagger segments -> ``Reference``.

Every function here takes strings (or segments) and returns new values; none
does IO.  Each has a table of real cases in ``tests/test_normalize.py``.

``build_reference`` runs two visible, ordered lists of steps:

* ``REPAIRS``: fix-ups of segment boundaries that a sequence tagger commonly
  gets wrong on essay-style lists (a boundary that splits "M.E." in two, a title
  cut short where no punctuation separates fields, a subtitle read as the
  journal, a title running on into the publisher, ...).  Each repair is a
  function ``(text, segments) -> segments``;
* field normalizers (names, dates, pages, editions, identifiers, type).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from types import SimpleNamespace

from citekit.model import Name, Reference, Segment, Span
from citekit.names import Order, ascii_fold, is_initial, parse_names

__all__ = [
    "REPAIRS",
    "DateInfo",
    "build_reference",
    "clean_field",
    "expand_pages",
    "find_doi",
    "find_url",
    "genre_type",
    "guess_type",
    "normalize_pages",
    "parse_accessed",
    "parse_date",
    "parse_edition",
    "parse_volume_issue",
    "says_no_date",
    "split_description",
]

# --- generic cleaning -------------------------------------------------------

# CJK title marks too: Japanese 『book』 and 「article」, Chinese 《book》 and 〈article〉
_QUOTES = "\"'“”‘’«»„‟‹›『』「」《》〈〉"
_EDGE_PUNCT = " \t,;:.\u00a0/，。：；、" + _QUOTES
_CURLY_OPEN = "“‘«„"
_CURLY_CLOSE = "”’»"


def clean_field(value: str, keep_final: str = "?!") -> str:
    """Trim surrounding punctuation, quotes and whitespace; keep a final "?"/"!".

    Balanced brackets around the whole value are removed; a trailing "(CEPS)"
    is kept.  Curly quotes glued to words ('the“great game”region') get spaces.
    """
    s = " ".join(value.split())
    if not s.isascii() and _HAS_CURLY.search(s):
        s = _space_quotes(s)
    if not s or (s[0] not in _LEAD_TRIM and s[-1] not in _EDGE_PUNCT and s[-1] not in _OPENER):
        return s
    # strip outer quotes/punctuation, but not a closing ) or ? that belongs to the value;
    # again after the tail is trimmed, so that "(10):" loses its brackets too
    while True:
        while s and s[0] in _EDGE_PUNCT + "([{":
            if s[0] in "([{" and _matching_close(s, 0) != len(s) - 1:
                break
            s = s[1:-1] if s[0] in "([{" else s[1:]
            s = s.strip()
        before = s
        while s and s[-1] in _EDGE_PUNCT:
            if (
                s[-1] in _QUOTES
                and s.count(s[-1]) + _pair_count(s, s[-1]) > 1
                and _balanced_quote(s)
            ):
                break
            s = s[:-1].rstrip()
        if s == before or not s or s[0] not in "([{":
            break
    # a bracket whose partner went to the next field: APA's "[Doctoral dissertation,"
    # + "University College Dublin]"
    if s and s[0] in "([{" and _matching_close(s, 0) == -1:
        s = s[1:].lstrip()
    if s and s[-1] in _OPENER and s.count(_OPENER[s[-1]]) < s.count(s[-1]):
        s = s[:-1].rstrip()
    # a dangling opening quote left after trimming
    if s.count("“") == 1 and s.startswith("“") and "”" not in s:
        s = s[1:]
    return s.strip()


_OPENER = {")": "(", "]": "[", "}": "{"}


def _pair_count(s: str, ch: str) -> int:
    pairs = {"”": "“", "’": "‘", "»": "«"}
    return s.count(pairs[ch]) if ch in pairs else 0


def _balanced_quote(s: str) -> bool:
    for o, c in (("“", "”"), ("‘", "’"), ("«", "»")):
        if s.endswith(c) and o in s:
            return True
    return s.endswith('"') and s.count('"') % 2 == 0


def _matching_close(s: str, i: int) -> int:
    close = {"(": ")", "[": "]", "{": "}"}[s[i]]
    depth = 0
    for k in range(i, len(s)):
        if s[k] == s[i]:
            depth += 1
        elif s[k] == close:
            depth -= 1
            if depth == 0:
                return k
    return -1


_HAS_CURLY = re.compile(r"[“«”»]")
_LEAD_TRIM = frozenset(_EDGE_PUNCT + "([{")
_OPEN_GLUED = re.compile(r"(?<=[^\W\d_])([“«])")
_CLOSE_GLUED = re.compile(r"([”»])(?=[^\W\d_])")


def _space_quotes(s: str) -> str:
    s = _OPEN_GLUED.sub(r" \1", s)
    return _CLOSE_GLUED.sub(r"\1 ", s)


# --- dates ------------------------------------------------------------------

_MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
    # other languages seen in lists
    "ene": 1,
    "fev": 2,
    "fév": 2,
    "abr": 4,
    "mai": 5,
    "mag": 5,
    "giu": 6,
    "lug": 7,
    "ago": 8,
    "set": 9,
    "okt": 10,
    "out": 10,
    "dic": 12,
    "dez": 12,
    "janv": 1,
    "févr": 2,
    "mars": 3,
    "avr": 4,
    "juin": 6,
    "juil": 7,
    "août": 8,
    "déc": 12,
    "märz": 3,
    "mär": 3,
    "genn": 1,
    "ott": 10,
}
_MONTH_WORD = r"[A-Za-zÀ-ÿ]{3,10}\.?"
_YEAR_TOKEN = re.compile(
    r"(?<![\d\w/.-])(?P<year>1[5-9]\d\d|20\d\d)(?P<suffix>[a-z])?(?![\d\w]|-\d|–\d|/\d)"
)
_YEAR_RANGE = re.compile(r"(?<!\d)(1[5-9]\d\d|20\d\d)\s*[-–—/]\s*(1[5-9]\d\d|20\d\d|\d\d)(?!\d)")
_ISO = re.compile(r"(?<!\d)(1[5-9]\d\d|20\d\d)-(0?[1-9]|1[0-2])(?:-(0?[1-9]|[12]\d|3[01]))?(?!\d)")
# "14 February 2021", "12. Mai 2020", Spanish and Portuguese "3 de marzo de 2021"
_DMY = re.compile(
    rf"(?<!\d)(\d{{1,2}})(?:st|nd|rd|th|º)?\.?[ \t]+(?:(?:of|de|di)[ \t]+)?({_MONTH_WORD})"
    r"(?:[ \t]*,[ \t]*|[ \t]+(?:(?:de|del)[ \t]+)?)(1[5-9]\d\d|20\d\d)"
)
_MDY = re.compile(rf"({_MONTH_WORD})\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(1[5-9]\d\d|20\d\d)")
_MY = re.compile(
    rf"({_MONTH_WORD})(?:[ \t]*[/-][ \t]*{_MONTH_WORD})?(?:[ \t]*,[ \t]*|[ \t]+)(1[5-9]\d\d|20\d\d)"
)
# NLM/Vancouver: "2020 Mar 5", "2019 Jan", "2018 Jan-Feb" (two months: the year only);
# APA: "2019, June 8".
_YMD = re.compile(
    rf"(?<![\d\w])(1[5-9]\d\d|20\d\d)(?:[ \t]*,)?[ \t]+({_MONTH_WORD})(?:[ \t]*[/-][ \t]*({_MONTH_WORD}))?"
    r"(?:[ \t]+(\d{1,2}))?(?![\d\w])"
)
_NUMERIC_DMY = re.compile(r"(?<!\d)(\d{1,2})[./](\d{1,2})[./](1[5-9]\d\d|20\d\d)(?!\d)")
# "2011/1979": the edition's year, then the original's (a range never runs backwards).
_YEAR_THEN_ORIGINAL = re.compile(
    r"^[\s(\[]*(1[5-9]\d\d|20\d\d)\s*/\s*(1[5-9]\d\d|20\d\d)[\s)\].,;:]*$"
)
# "[1963]." alone: an original date printed beside the edition's own.
_BRACKETED_YEAR = re.compile(r"^\[\s*(?:1[5-9]|20)\d\d\s*\]\W*$")
_PLAIN_YEAR = re.compile(r"^[\s(\[]*(1[5-9]\d\d|20\d\d)\s?([a-z])?[\s)\].,;:]*$")
# Works not out yet: their date is a status, which the record keeps as its status.
_NOT_OUT_YET_WORDS = r"forthcoming|in\s+press|en\s+prensa|no\s+prelo|im\s+druck"
_NOT_OUT_YET = re.compile(rf"(?i)\b(?:{_NOT_OUT_YET_WORDS})\b")
# A work's publication status standing alone: "in press", "(submitted)", "To appear."
_STATUS_WORDS = (
    rf"{_NOT_OUT_YET_WORDS}|submitted(?:\s+for\s+publication)?|to\s+appear"
    r"|accepted(?:\s+for\s+publication)?|in\s+preparation|under\s+review|in\s+review"
    r"|sous\s+presse|à\s+paraître|in\s+corso\s+di\s+stampa"
)
_STATUS = re.compile(rf"(?i)[\s(\[.,;:]*({_STATUS_WORDS})[\s)\].,;:]*")


_GBT_CITED = re.compile(r"\)\s*\[((?:1[5-9]|20)\d\d-[01]\d-[0-3]\d)\]")
# "Art. No.: CD009257", "Article number 112" in a note
_ARTICLE_NUMBER_NOTE = re.compile(
    r"(?i)\b(?:art(?:icle)?\.?\s*(?:no|number|nr)\.?|article\s+id)\s*:?\s*([a-z]{0,4}\d[^\s,;]*)"
)
_ISSUE_IN_NOTE = re.compile(r"(?i)\bissue\s+(\w+)\.?")


def parse_status(text: str) -> str | None:
    """The publication status a field consists of, lower-cased: "(In press)." ->
    "in press", "Submitted for publication" -> "submitted for publication"; None
    where the text says more than that ("submitted to Phys. Rev.")."""
    m = _STATUS.fullmatch(text)
    return " ".join(m.group(1).lower().split()) if m else None


# "n.d." and its forms: Spanish "s.f." (sin fecha), Portuguese "s.d.", German "o.J."
_NO_DATE = re.compile(
    r"\b(?:n\.\s?d\.|s\.\s?d\.|s\.\s?f\.|o\.\s?J\.)"
    rf"|\b(?:no date|undated|sin fecha|sem data|sans date|ohne jahr|{_NOT_OUT_YET_WORDS})\b",
    re.I,
)


def says_no_date(text: str) -> bool:
    """Does ``text`` say the work has no date ("n.d.", "s.f.", "o. J.", "no date")?"""
    return _NO_DATE.search(text) is not None


@dataclass(frozen=True, slots=True)
class DateInfo:
    year: int | None = None
    suffix: str = ""
    month: int | None = None
    day: int | None = None
    no_date: bool = False

    @property
    def iso(self) -> str | None:
        if self.year is None:
            return None
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"


def _valid_month(word: str) -> int | None:
    w = word.strip(".").lower()
    if not w[:3].isalpha():
        return None
    for name, num in _MONTHS.items():
        if w.startswith(name):
            return num
    # typos such as "Septemer": same first three letters and close in length
    if w[:3] in _MONTHS and len(w) <= 10:
        return _MONTHS[w[:3]]
    return None


def parse_date(text: str) -> DateInfo:
    """The publication date in a date field (or a whole string).

    A year range ("1967-1977", "2014–2015") is not a publication year: such
    ranges are skipped (they belong to titles), but "2011/1979" (an edition and its
    original, a "range" that runs backwards) is 2011.  "2012a" and "2012 a," give suffix "a";
    "Septemer/October 2014" gives 2014; "n.d." gives ``no_date``.
    """
    if not text:
        return DateInfo()
    m = _PLAIN_YEAR.match(text)
    if m:  # the common case: "2014," "(2012a)."
        return DateInfo(int(m.group(1)), m.group(2) or "")
    m = _YEAR_THEN_ORIGINAL.match(text)
    if m and int(m.group(2)) < int(m.group(1)):
        return DateInfo(int(m.group(1)))
    m = _ISO.search(text)
    if m and (
        m.group(3)
        or int(m.group(2)) < int(m.group(1)[2:])
        or not _YEAR_RANGE.match(text, m.start())
    ):
        # "2019-03-07", "2019-03"; but "2014-15" is a range of years
        return DateInfo(
            int(m.group(1)), "", int(m.group(2)), int(m.group(3)) if m.group(3) else None
        )
    m = _DMY.search(text)
    if m and (mon := _valid_month(m.group(2))) and 1 <= int(m.group(1)) <= 31:
        return _first_year(text, m.start()) or DateInfo(int(m.group(3)), "", mon, int(m.group(1)))
    m = _MDY.search(text)
    if m and (mon := _valid_month(m.group(1))) and 1 <= int(m.group(2)) <= 31:
        return _first_year(text, m.start()) or DateInfo(int(m.group(3)), "", mon, int(m.group(2)))
    m = _YMD.search(text)
    if (
        m
        and (mon := _valid_month(m.group(2)))
        and (_whole_month(m.group(2)) or "," not in m.group(0))
    ):
        if m.group(3):
            return DateInfo(int(m.group(1)))
        day = int(m.group(4)) if m.group(4) and 1 <= int(m.group(4)) <= 31 else None
        return DateInfo(int(m.group(1)), "", mon, day)
    m = _NUMERIC_DMY.search(text)
    if m and 1 <= int(m.group(2)) <= 12 and 1 <= int(m.group(1)) <= 31:
        return DateInfo(int(m.group(3)), "", int(m.group(2)), int(m.group(1)))
    m = _MY.search(text)
    if m and (mon := _valid_month(m.group(1))):
        two = re.search(rf"{_MONTH_WORD}\s*[/-]\s*{_MONTH_WORD}", m.group(0))
        year = int(m.group(2))
        suffix = _suffix_after(text, m.end())
        return DateInfo(year, suffix, None if two else mon)
    ranges = [(r.start(), r.end()) for r in _YEAR_RANGE.finditer(text)]
    for y in _YEAR_TOKEN.finditer(text):
        if any(a <= y.start() < b for a, b in ranges):
            continue
        return DateInfo(int(y.group("year")), y.group("suffix") or "")
    if _NO_DATE.search(text):
        return DateInfo(no_date=True)
    return DateInfo()


_MONTH_NAMES = frozenset(
    {"january", "february", "march", "april", "may", "june", "july", "august", "september"}
    | {"october", "november", "december"}
)


def _whole_month(word: str) -> bool:
    """ "June", "Sept." or "Mar": a month, not a word that starts like one ("Marine")."""
    w = word.strip(".").lower()
    return len(w) <= 4 or w in _MONTH_NAMES


def _first_year(text: str, before: int) -> DateInfo | None:
    """ "2014, 8 de abril de 2016": a year standing before a full date is the
    publication's; the full date after it is another (an access date)."""
    for y in _YEAR_TOKEN.finditer(text, 0, before):
        if not _YEAR_RANGE.match(text, y.start()):
            return DateInfo(int(y.group("year")), y.group("suffix") or "")
    return None


def _suffix_after(text: str, end: int) -> str:
    m = re.match(r"([a-z])(?![a-z])", text[end:])
    return m.group(1) if m else ""


# The words of an access note, in the languages of the lists: "accessed 14 February
# 2021", "Recuperado el 3 de marzo de 2021", "Acesso em: 14 mar. 2020", "abgerufen am
# 12. Mai 2020", "consulté le 12 mai 2020"; and the little word that may follow.
_ACCESS_WORDS = (
    "accessed",
    "retrieved",
    "viewed",
    "consulted",
    "visited",
    "zugegriffen",
    "abgerufen",
    "acesso",
    "acessado",
    "consultado",
    "recuperado",
    "accedido",
    "consulté",
)
_ACCESS_ALT = "|".join(_ACCESS_WORDS)
_ACCESS_THEN = r"(?:\s+(?:on|el|em|am|le|il))?"
# NLM: "[cited 2024 Feb 2]", also after an update: "[updated 2023 Aug 1; cited 2024 Feb 2]"
_ACCESSED = re.compile(
    rf"(?i)(?:{_ACCESS_ALT}|\[cited|\[updated[^\];]*;\s*cited){_ACCESS_THEN}[:\s]+(.{{4,40}})"
)


def parse_accessed(text: str) -> str | None:
    """ISO date of an access note: "accessed 14 February 2021" -> "2021-02-14"."""
    m = _ACCESSED.search(text)
    if not m:
        return None
    d = parse_date(m.group(1))
    return d.iso if d.year is not None and d.month is not None else None


# --- pages, editions, volume/issue -------------------------------------------

_PAGE_RANGE = re.compile(
    r"(?<![\w.])([A-Za-z]?)(\d+)\s*(?:-{1,3}|–|—|‒|―|to)\s*([A-Za-z]?)(\d+)(?![\w])"
)


def expand_pages(first: str, last: str) -> str:
    """The full last page of an abbreviated range: ("1433", "40") -> "1440"."""
    if (len(last) < len(first) and int(last) < int(first[-len(last) :])) or len(last) < len(first):
        full = first[: len(first) - len(last)] + last
        if int(full) >= int(first):
            return full
    return last


def normalize_pages(text: str) -> str | None:
    """ "pp. 168–176" -> "168-176"; "1433-40" -> "1433-1440"; "p. 12" -> "12"; "e1003" kept."""
    if not text:
        return None
    s = _PAGE_MARK.sub("", text.strip())
    s = clean_field(s)
    m = _PAGE_RANGE.search(s)
    if m:
        p1, first, p2, last = m.groups()
        if p2 and p1 and p1 != p2:
            return f"{p1}{first}-{p2}{last}"
        return f"{p1}{first}-{p1 or p2}{expand_pages(first, last)}"
    m = _PAGE_SINGLE.search(s)
    return m.group(1) if m else (s or None)


_PAGE_MARK = re.compile(r"^\s*(?:pp?\.?|pages?|S\.|с\.|pgs?\.?)\s*", re.IGNORECASE)
_PAGE_SINGLE = re.compile(r"(?<![\w])([A-Za-z]?\d+)(?![\w])")


_ORDINALS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "1st": 1,
    "2nd": 2,
    "3rd": 3,
}


def parse_edition(text: str) -> str | None:
    """ "fifth edition" -> "5", "2nd ed." -> "2", "3. Aufl." -> "3", "Rev. ed." kept as words."""
    if not text:
        return None
    s = text.strip().lower()
    m = re.search(
        r"\b(\d{1,3})\s*\.?\s*(?:st|nd|rd|th|e|ª|º|a|o)?\.?,?\s*"
        # "3., überarb. Aufl.", "2nd rev. ed.": a word between the number and the edition
        r"(?:[^\W\d_]{2,12}\.?(?:\s+(?:und|and|u\.)\s+[^\W\d_]{2,12}\.?)?,?\s+)?"
        r"(?:ed\b|edn\b|edition|edici[oó]n|edi[cç][aã]o|edizione|éd|aufl|auflage|ed\.|izd)",
        s,
    )
    if m:
        return str(int(m.group(1)))
    for word, n in _ORDINALS.items():
        if re.search(rf"\b{word}\b", s):
            return str(n)
    m = re.match(r"^\s*(\d{1,3})\s*$", s)
    if m:
        return m.group(1)
    cleaned = clean_field(re.sub(r"\b(?:edition|edn|ed)\b\.?", "", text, flags=re.I))
    return cleaned or None


_VOL_PAREN = re.compile(r"(\d+)\s*\(\s*([\w/–-]+)\s*\)")
_VOL_MARK = re.compile(r"\b(?:vol(?:ume)?|bd|band|t|tom|v|т|том)\.?\s*([\w-]+)", re.IGNORECASE)
_NO_MARK = re.compile(
    r"(?:\b(?:no|nos|nr|num|number|issue|iss|heft|вып)\b\.?|\bn\.\s*[°º]|\bn\.|\b[NH]\.?(?=\s*\d)"
    r"|\bn[°º]|№|#)\s*([\w/–-]+)",
    re.IGNORECASE,
)
# A volume written as one token that is not "vol. 3" or "12(3)": kept whole ("abs/1503.4686").
_VOLUME_DOT_ISSUE = re.compile(r"(\d{1,4})\.(\d{1,2})")
_WHOLE_VOLUME = re.compile(r"[\w-]+(?:/[\w.-]+)+")
_BARE_VOL = re.compile(r"\b([0-9]+[A-Za-z]?|[IVXLC]+)\b")


def parse_volume_issue(text: str) -> tuple[str | None, str | None]:
    """(volume, issue) from "vol. 12, no. 3", "12(3)", "no. 3", "Bd. 4", "т. 5, № 2"."""
    if not text:
        return None, None
    s = text.strip()
    vol = issue = None
    m = _VOL_PAREN.search(s)
    if m:
        return m.group(1), m.group(2)
    m = _VOL_MARK.search(s)
    if (m and any(c.isdigit() for c in m.group(1))) or (m and m.group(1).isupper()):
        vol = m.group(1)
    m = _NO_MARK.search(s)
    if m:
        issue = m.group(1)
    if vol is None:
        # a bare number before the issue's marker is the volume ("41, no. S1")
        bare = _BARE_VOL.search(s if issue is None else s[: m.start()] if m else s)
        if bare:
            vol = bare.group(1)
    return vol, issue


# --- identifiers ------------------------------------------------------------

_DOI = re.compile(r"\b(10\.\d{4,9}/[^\s\"<>“”]+)", re.IGNORECASE)
_URL = re.compile(r"\b(?:https?://|ftp://|www\.)[^\s<>\"“”]+", re.IGNORECASE)


def find_doi(text: str) -> str | None:
    """The first DOI in ``text`` (from "doi:", "https://doi.org/" or bare), trailing punctuation cut."""
    m = _DOI.search(text)
    if not m:
        return None
    doi = m.group(1).rstrip(".,;:")
    while doi.endswith(")") and doi.count("(") < doi.count(")"):
        doi = doi[:-1]
    while doi.endswith("]") and doi.count("[") < doi.count("]"):
        doi = doi[:-1]
    return doi.rstrip(".,;:")


def find_url(text: str) -> str | None:
    """The first URL that is not a DOI link, trailing punctuation cut."""
    for m in _URL.finditer(text):
        url = m.group(0).rstrip(".,;:")
        while url.endswith((")", "]")) and url.count("(") < url.count(")") + (url[-1] == "]"):
            url = url[:-1]
        if re.match(r"(?:https?://)?(?:dx\.)?doi\.org/", url, re.IGNORECASE):
            continue
        if url.lower().startswith("www."):
            url = "http://" + url
        return url
    return None


# --- item type --------------------------------------------------------------

_THESIS = re.compile(
    r"\b(?:thesis|dissertation|ph\.?\s?d|doctoral|master'?s|mémoire|tese|tesis|diss\.)\b", re.I
)
_REPORT = re.compile(
    r"\b(?:report|working\s+paper|technical\s+(?:note|memo)|policy\s+(?:brief|paper)|"
    r"discussion\s+paper|white\s+paper|occasional\s+paper|research\s+paper|briefing)\b",
    re.I,
)
# A genre segment names the kind of work outright, so it may use words too
# ambiguous to trust anywhere in the raw text ("diss", "tesi", "TR 95-90").
_THESIS_GENRE = re.compile(
    r"\b(?:th[eè]se|diss|(?:diplom|magister|master|bachelor|projekt|studien)arbeit|"
    r"habilitationsschrift|disserta[cç][aã]o|tesi|proefschrift|licentiate)\b",
    re.I,
)
_REPORT_GENRE = re.compile(
    r"\b(?:tech(?:nical)?\.?\s*(?:rep|rpt)|TR[\s-]?\d|internet-draft|rapport|bericht|"
    r"documento\s+de\s+(?:trabajo|discusi[oó]n|pol[ií]tica)|informe|relat[oó]rio|"
    r"texto\s+para\s+discuss[aã]o|nota\s+t[eé]cnica|arbeitspapier|"
    r"memorandum|memo\b)",
    re.I,
)
# A genre that names a kind of work outside books and articles (APA's "[Data set]").
_GENRE_TYPES = (
    (re.compile(r"\b(?:data\s*sets?|database)\b", re.I), "dataset"),
    (
        re.compile(
            r"\b(?:computer\s+)?software\b|\bcomputer\s+program\b|\bsource\s+code\b|"
            r"\b(?:mobile\s+)?app\b|\b(?:r|python)\s+package\b|\bvideo\s+games?\b",
            re.I,
        ),
        "software",
    ),
    (re.compile(r"\bpatent\b", re.I), "patent"),
    (
        re.compile(r"\b(?:motion\s+picture|film|dvd|blu-?ray|documentary|video)\b", re.I),
        "motion_picture",
    ),
)
_PREPRINT = re.compile(r"\b(?:preprint|e-?prints?|arxiv|biorxiv|medrxiv|ssrn|hal-\d)", re.I)
_UNPUBLISHED = re.compile(r"\b(?:unpublished|manuscript|submitted|in\s+preparation)\b", re.I)
_CONFERENCE = re.compile(
    r"\b(?:proceedings|conference|congress|symposium|workshop|meeting|colloquium|"
    r"convention|paper\s+presented|presented\s+at)\b|\b(?:conf|symp)\.|"
    r"(?:^|[:(]\s*)(?:in\s+)?proc\.",  # not "Stoch. Proc. Appl." (processes)
    re.I,
)
# Journals named "Proceedings" ("Proc. Natl. Acad. Sci.", "Proceedings of the Royal Society A",
# "Proc. Amer. Math. Soc.", "Proceedings of the IEEE").
_JOURNAL_PROCEEDINGS = re.compile(
    r"\bproc(?:eedings|\.)\s+(?:of\s+)?(?:the\s+)?(?:natl\b|nat\.|national\s+academy|"
    r"r\.\s*soc|roy(?:al|\.)\s+soc|royal\s+irish|am(?:er)?\.\s*math|american\s+math|"
    r"london\s+math|lond(?:on|\.)\s+math|edinb|cambridge\s+phil|camb\.\s+phil|japan\s+acad|"
    r"jpn\.?\s+acad|indian\s+acad|ieee\s*$|the\s+ieee\s*$|inst(?:itution|\.)\s+mech|"
    r"suppl|\w+\s+akad)|\btrans(?:\.|actions\b)",
    re.I,
)
_WEB = re.compile(
    r"\b(?:accessed|retrieved|available\s+(?:at|from|online)|online|blog|website|viewed)\b", re.I
)
_NEWSPAPER = re.compile(
    r"(?i)\b(?:news|times|post|guardian|herald|tribune|gazette|telegraph|globe|chronicle|"
    r"observer|courier|daily|inquirer|reuters|associated\s+press|bbc|cnn|npr|al\s+jazeera|"
    r"zeitung|le\s+monde|el\s+pa[ií]s|la\s+opini[oó]n|folha|estad[aã]o)\b"
)
_INSTITUTION = re.compile(
    r"\b(?:cent(?:er|re)\s+for|institute|institution|council\s+on|foundation|rand\b|brookings|"
    r"chatham|carnegie|commission|ministry|agency|bank|oecd|nato|united\s+nations)\b",
    re.I,
)
_BOOK_PUBLISHER = re.compile(
    r"(?i)\b(?:press|presses|verlag|books|publish\w*|routledge|wiley|springer|palgrave|macmillan|"
    r"elsevier|sage|penguin|norton|harper\w*|random\s+house|bloomsbury|polity|verso|brill|"
    r"gruyter|suhrkamp|gallimard|hachette|pearson|mcgraw|cengage|taylor|edições|editora|editorial|"
    r"éditions|edizioni)\b"
)
_CHAPTER = re.compile(
    r"(?:^|[\s.,])(?:in|in:|dans|em|en)\s+[^,]*\(\s*(?:eds?|hrsg|dir|orgs?|coord)\.?\s*\)|\bin:\s",
    re.I,
)


_THESIS_KEYS = ("thes", "diss", "ph", "doctor", "master", "mémoire", "tese", "tesis")
_CHAPTER_KEYS = ("in:", "(ed", "( ed", "(hrsg", "(dir", "(org", "(coord")
_WEB_KEYS = ("access", "retriev", "availab", "online", "blog", "website", "viewed")
_REPORT_KEYS = ("report", "paper", "technical", "brief")
# NLM's and IEEE's medium after a title: "Hypertension in adults [Internet]."
# Where a work was read, not what it is: NLM's "[Internet]", "[Online]".
_MEDIUM = r"(?:internet|online|electronic resource|e-?book)"
_MEDIUM_ONLY = re.compile(rf"(?i)\[?\s*{_MEDIUM}\s*\]?")
_MEDIUM_TAIL = re.compile(rf"(?i)\s*\[{_MEDIUM}\][\s.,;:]*$")
# APA's description of a work that is not a book or an article, after its title:
# "harbour-sim: A simulator (Version 2.1.0) [Computer software]".
_DESCRIPTION_TAIL = re.compile(
    r"\s*(?:\((?:version|ver\.|v\.?)\s*(?P<version>\d[\w.-]*)\))?"
    r"\s*(?:\[(?P<what>[^\[\]]{2,60})\])?[\s.,;]*$",
    re.I,
)
_DESCRIPTIONS = re.compile(
    r"(?i)^(?:(?:unpublished\s+)?(?:raw\s+)?data|podcast(?:\s+episode)?|audio|tweet|blog\s+post|"
    r"fact\s+sheet|infographic|map|photograph|press\s+release|white\s+paper|policy\s+brief|"
    r"presentation\s+slides|lecture\s+notes|television\s+series(?:\s+episode)?|"
    r"video\s+file|audio\s+recording|unpublished\s+manuscript)$"
)


def split_description(title: str) -> tuple[str, str | None, str | None]:
    """(title, description, version) of a title that ends in APA's "(Version 2.1.0)"
    or a bracketed description of the kind of work ("[Data set]", "[Computer
    software]", "[Video]").  A bracket that is not such a description (a
    translated title: "[Evaluating urban policy]") stays in the title."""
    m = _DESCRIPTION_TAIL.search(title)
    if not m or not (m.group("version") or m.group("what")):
        return title, None, None
    what = m.group("what")
    if what and not (
        _DESCRIPTIONS.match(what.strip()) or any(p.search(what) for p, _ in _GENRE_TYPES)
    ):
        if not m.group("version"):
            return title, None, None
        # the version is in parentheses before an unrelated bracket: keep the bracket
        v = re.search(r"\s*\((?:version|ver\.|v\.?)\s*\d[\w.-]*\)\s*(?=\[)", title, re.I)
        if v is None:
            return title, None, None
        return title[: v.start()] + " " + title[v.end() :], None, m.group("version")
    head = title[: m.start()].rstrip()
    if len(head.split()) < 1:
        return title, None, None
    return head, (what.strip() if what else None), m.group("version")


_ACCESS_KEYS = ("[cited", "; cited", *_ACCESS_WORDS)


def _has(low: str, keys: tuple[str, ...]) -> bool:
    return any(map(low.__contains__, keys))


def genre_type(genre: str | None) -> str | None:
    """The CSL type a genre names: "Data set" -> dataset, "Computer software" -> software,
    "US Patent" -> patent, "Documentary" -> motion_picture; None for others."""
    if genre:
        for pattern, kind in _GENRE_TYPES:
            if pattern.search(genre):
                return kind
    return None


_DASH_IN = re.compile(r"\w\s*[–—-]\s*\w")  # "11 March-27 November": a span, not a day


_ABBREVIATION = re.compile(r"\b[A-Z][a-z]{0,7}\.(?=\s)")
_LAST_ABBREVIATED = re.compile(r"\b[A-Z][a-z]{0,7}$")


def _abbreviated_keeps_period(cleaned: str, raw: str) -> str:
    """ "IEEE Trans. Pattern Anal. Mach. Intell." keeps the period of its last word,
    as an abbreviated journal title does; "Journal of Trade." loses it."""
    if (
        cleaned
        and "." in cleaned
        and raw.rstrip(" ,;:").endswith(".")
        and _LAST_ABBREVIATED.search(cleaned)
        and _ABBREVIATION.search(cleaned)
    ):
        return cleaned + "."
    return cleaned


_DESCRIPTION_THEN_HOST = re.compile(r"^\[([^\[\]]+)\]\.\s+([A-Z][^\[\]\d]*\w)$")


# "Translated by", "trans.", "Übers. v.", "traduit par", "trad. de", "пер. с англ.": before the names
_TRANSLATOR_LEAD = re.compile(
    r"(?i)^\W*(?:translated(?:\s+from\s+(?:the\s+)?\w+)?(?:\s+by)?|transl?\.(?:\s+by)?|tr\.|"
    r"[uü]bers(?:etzt)?\.?(?:\s+(?:von|v\.))?|traduit(?:\s+de\s+l'\w+)?\s+par|trad\.(?:\s+(?:de|di))?|"
    r"traduction\s+de|"
    r"traducci[oó]n\s+de|tradu[cç][aã]o\s+de|traduzione\s+di|пер\.(?:\s+с\s+\w+\.?)?)\s+"
)
# ... or after them: "(M. Kowalski, Trans.)", "Marta Kowalski, trans."
_TRANSLATOR_TAIL = re.compile(r"(?i)[\s,(]+(?:trans|transl|tr|übers|trad)\.?\)?[\s.,;:)]*$")


def parse_translators(text: str, order: Order = "auto") -> tuple[Name, ...]:
    """The names in a translator segment: "Translated by Marta Kowalski" (given
    first, as the lead says), "(M. Kowalski, Trans.)", "trans. M. Kowalski"."""
    lead = _TRANSLATOR_LEAD.match(text)
    body = _TRANSLATOR_TAIL.sub("", text[lead.end() :] if lead else text).strip(" ().,;:")
    if not body:
        return ()
    names = parse_names(f"by {body}" if lead else body, order).names
    # translators are people: "Trans. ASME" is the Transactions of the ASME, a journal
    return names if any(not n.literal for n in names) else ()


_GBT_CODE = re.compile(r"\s*\[([A-Za-z]{1,2})(?:/(?:OL|CD|MT|DK))?\]\s*[.,:]?\s*$")
_GBT_TYPES = {
    "J": "article-journal",
    "M": "book",
    "D": "thesis",
    "C": "paper-conference",
    "R": "report",
    "N": "article-newspaper",
    "P": "patent",
    "S": "report",  # a standard
    "G": "book",  # a collection
    "A": "chapter",
    "EB": "webpage",
    "DB": "dataset",
    "CP": "software",
    "Z": "document",
}
# "北京: 科学出版社" read as a container of a book, thesis or report: its place and publisher
_PLACE_PUBLISHER = re.compile(r"^([^:：,，]{1,40})\s*[:：]\s*(.+)$")


def _day_and_month_elsewhere(dinfo: DateInfo, others: list[str]) -> DateInfo:
    """Harvard's "(2021) 'Title', *The Guardian*, 15 June": the year in one place,
    the day and month in another, without a year of its own."""
    for text in others:
        if _YEAR_TOKEN.search(text) or not any(c.isalpha() for c in text) or _DASH_IN.search(text):
            continue
        extra = parse_date(f"{text.strip(' .,;:()')} {dinfo.year}")
        if extra.year == dinfo.year and extra.month is not None:
            return DateInfo(dinfo.year, dinfo.suffix, extra.month, extra.day)
    return dinfo


def guess_type(ref: Reference, raw: str | None = None) -> str:
    """The CSL item type from the evidence in the fields and the raw text.

    book, article-journal, chapter, paper-conference, report, thesis, webpage,
    article (a preprint), manuscript, and from a genre dataset, software, patent and
    motion_picture; "document" when there is too little to tell.
    """
    raw = raw if raw is not None else ref.raw
    low = raw.lower()
    genre = ref.genre or ""
    container = ref.container_title or ""
    # substring gates first: most entries hold none of these words, and the
    # case-insensitive regexes are the costliest step of normalizing an entry
    if genre and (_THESIS.search(genre) or _THESIS_GENRE.search(genre)):
        return "thesis"
    if _has(low, _THESIS_KEYS) and _THESIS.search(raw):
        return "thesis"
    kind = genre_type(genre)
    if kind:
        return kind
    if ref.event or (
        _CONFERENCE.search(container)
        and not re.search(r"journal|review", container, re.I)
        and not _JOURNAL_PROCEEDINGS.search(container)
    ):
        return "paper-conference"
    if genre and (_REPORT.search(genre) or _REPORT_GENRE.search(genre)):
        return "report"
    if ref.publisher and _REPORT.search(ref.publisher):
        return "report"
    # A part of an edited book, also of one volume of a multi-volume work
    # ("In A. Editor (Ed.), Handbook (Vol. 3, pp. 1-20). Elsevier").
    if (
        container
        and (ref.editors or (_has(low, _CHAPTER_KEYS) and _CHAPTER.search(raw)))
        and (ref.publisher or not (ref.volume or ref.issue))
    ):
        return "chapter"
    if container and (ref.volume or ref.issue or ref.pages) and not ref.publisher:
        return "article-journal"
    if container and ref.url and not (ref.doi or ref.publisher or ref.editors):
        # MLA's '"Voices of the Salar." Salar Sound Archive, 4 May 2021, www...': a page
        # of a website, which has no volume, issue or pages; a newspaper's, an article
        return "article-newspaper" if _NEWSPAPER.search(container) else "webpage"
    if (
        container
        and not ref.publisher
        and ((ref.date and len(ref.date) > 4) or _MONTH_IN.search(raw))
    ):
        return (
            "article-journal"  # magazines and journals dated by month: "Foreign Affairs, May 2014"
        )
    if ref.note and _REPORT_NUMBER.search(ref.note):
        return "report"  # "(EEA Report No. 09/2020)" beside a URL: a report published online
    if ref.url and ref.location and ref.publisher and not container:
        # an imprint ("London: Community Energy England") beside the link: a document
        # published online, a book where a book publisher issued it
        return "book" if _BOOK_PUBLISHER.search(ref.publisher) else "report"
    if (ref.url or ref.accessed or (_has(low, _WEB_KEYS) and _WEB.search(raw))) and not container:
        return "webpage"
    if container and ref.publisher and not (ref.volume or ref.issue):
        return "chapter"
    if container:
        return "article-journal"
    if _has(low, _REPORT_KEYS) and _REPORT.search(raw):
        return "report"
    if ref.publisher and ref.pages and "-" in ref.pages and _INSTITUTION.search(ref.publisher):
        return "report"  # an institution's publication cited with its page range
    if ref.publisher or ref.location or ref.edition or ref.number_of_pages:
        return "book"
    # Only the genre and the note say so, not the title ("The Voynich Manuscript").
    said = f"{genre} {ref.note or ''} {ref.status or ''}"
    if _PREPRINT.search(said):
        return "article"  # CSL's type for a preprint or working paper
    if _UNPUBLISHED.search(said):
        return "manuscript"
    if ref.title and ref.year is None:
        return "webpage"  # only an author and a title: an online piece whose link was lost
    if ref.title and ref.year is not None:
        return "book"
    return "document"


_ACCESS_IN_NOTE = re.compile(
    rf"(?i)(?:available\s+(?:at|from)\s*:?\s*)?(?:(?:{_ACCESS_ALT})\b.*$|\[?cited\s[^\]]*\]?)"
)
_REPORT_NUMBER = re.compile(
    r"(?i)\b(?:report|working\s+paper|discussion\s+paper|policy\s+brief|occasional\s+paper)"
    r"\s+(?:no\.?|nr\.?|number|n[°º])\s*[\w/-]*\d"
)
_MONTH_IN = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?(?:\s*/\s*[a-z]+)?\s+(?:1[5-9]|20)\d\d\b",
    re.I,
)


# --- segment repairs --------------------------------------------------------

Segs = list[Segment]
_END_PUNCT = ",.;:"


def _seg(text: str, label: str, start: int, end: int) -> Segment:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Segment(label, start, end, text[start:end])


def _cut(
    text: str, seg: Segment, first: str, second: str, cut: int, resume: int | None = None
) -> list[Segment]:
    """``seg`` in two: ``first`` up to offset ``cut``, ``second`` from ``resume``
    (``cut`` if not given) to its end."""
    return [
        _seg(text, first, seg.start, cut),
        _seg(text, second, cut if resume is None else resume, seg.end),
    ]


def _cut_groups(
    text: str, segments: Segs, i: int, m: re.Match[str], first: str, second: str
) -> Segs:
    """``segments`` with ``segments[i]`` cut in two where ``m`` (a match on its text)
    ends its first group and starts its second: ``first`` before, ``second`` after."""
    seg = segments[i]
    out = list(segments)
    out[i : i + 1] = _cut(text, seg, first, second, seg.start + m.end(1), seg.start + m.start(2))
    return out


def _relabel(seg: Segment, label: str) -> Segment:
    return Segment(label, seg.start, seg.end, seg.text)


def _merge_same(text: str, segs: Segs) -> Segs:
    prev = ""
    for s in segs:
        if s.start >= s.end or s.label == prev:
            break
        prev = s.label
    else:
        return segs  # nothing to merge (the common case)
    out: Segs = []
    for s in segs:
        if s.start >= s.end:
            continue
        if out and out[-1].label == s.label:
            out[-1] = _seg(text, s.label, out[-1].start, s.end)
        else:
            out.append(s)
    return out


def _closed(segment_text: str) -> bool:
    """Does a segment end on field punctuation, closing quotes and brackets included?

    LaTeX's closing quote ``''`` counts, and so does a straight quote after
    punctuation: ``Title,''`` and ``'Title,'`` are closed."""
    return segment_text.rstrip().endswith((*_END_PUNCT, *'?!)]”’"»', "''", ",'", ".'"))


_CLOSERS = frozenset('?!”’"')
_LEADING_CLOSERS = re.compile(r"[?!”’\"]+")
_ENDS_IN_CAPITAL = re.compile(r"(?:^|\s)[A-Z]$")
_ABBREV_CONT = re.compile(r"^\.[A-Z]\.")
_NOT_CONTINUATION = re.compile(r"(?i)(?:in\b|in:|available|accessed|retrieved|https?:|www\.)")
_NEXT_PUNCT = re.compile(r"[,.;:](?=\s|$)")
_INNER_IN = re.compile(r"[,.;]\s+in:?\s", re.IGNORECASE)
_GIVEN_AT_START = re.compile(r"((?:[A-Z][a-z]+|[A-Z]\.)(?:\s+(?:[A-Z]\.|[A-Z][a-z]+))?),\s*")


def repair_split_initials(text: str, segs: Segs) -> Segs:
    """ "third edition, W" + ".W. Norton": a boundary never splits an abbreviation."""
    out = list(segs)
    for i in range(len(out) - 1):
        a, b = out[i], out[i + 1]
        if _ABBREV_CONT.match(b.text) and _ENDS_IN_CAPITAL.search(a.text):
            cut = a.end - 1
            out[i] = _seg(text, a.label, a.start, cut)
            out[i + 1] = _seg(text, b.label, cut, b.end)
    return out


def repair_leading_punct(text: str, segs: Segs) -> Segs:
    """ "?. Brookings" after a title: the "?" ends the title."""
    out = list(segs)
    for i in range(1, len(out)):
        a, b = out[i - 1], out[i]
        if a.label != "title" or b.text[:1] not in _CLOSERS:
            continue
        m = _LEADING_CLOSERS.match(b.text)
        if m:
            cut = b.start + m.end()
            out[i - 1] = _seg(text, a.label, a.start, cut)
            out[i] = _seg(text, b.label, cut, b.end)
    return out


_CONT_LABELS = {"title", "container-title", "publisher", "event", "collection-title"}


_COORDINATES = frozenset({"volume", "issue", "pages"})


def _next_label(segs: Segs, i: int) -> str | None:
    """The label of the segment after ``segs[i]``, if any."""
    return segs[i + 1].label if i + 1 < len(segs) else None


def _journal_coordinates_follow(segs: Segs, i: int) -> bool:
    """Do a volume, issue or pages follow ``segs[i]``, perhaps after a year ("J 1954; 8: 118")?"""
    nxt = _next_label(segs, i)
    if nxt == "date":
        nxt = _next_label(segs, i + 1)
    return nxt in _COORDINATES


def repair_unpunctuated_boundary(text: str, segs: Segs) -> Segs:
    """Fields are separated by punctuation: a title/publisher/event cut where no
    punctuation stands ("How to stop" | "NATO,") takes the next words up to the
    next punctuation ("How to stop NATO,")."""
    out = list(segs)
    i = 0
    while i < len(out) - 1:
        a, b = out[i], out[i + 1]
        gap = text[a.end : b.start]
        if (
            a.label in _CONT_LABELS
            and b.label in _CONT_LABELS | {"location", "note"}
            and a.label != b.label
            and not _closed(a.text)
            and (b.label != "location" or a.label == "event")
            # "(University of Chicago Press," opens a field of its own, unless closing one
            and (not b.text.startswith("(") or a.text.count("(") > a.text.count(")"))
            and not gap.strip()
            and not _NOT_CONTINUATION.match(b.text)
            # a journal followed by its volume or pages is where the tagger put it
            # ("... interferometer Class. Quantum Grav. 27 084023")
            and not (b.label == "container-title" and _journal_coordinates_follow(out, i + 1))
        ):
            m = _NEXT_PUNCT.search(b.text)
            cut = b.start + (m.end() if m else len(b.text))
            out[i] = _seg(text, a.label, a.start, cut)
            out[i + 1] = _seg(text, b.label, cut, b.end)
            if out[i + 1].start >= out[i + 1].end:
                del out[i + 1]
                continue
        i += 1
    return out


_TRAILING_IN = re.compile(r"[,.;]\s*(?:in|In):?$")


def repair_lowercase_in_container(text: str, segs: Segs) -> Segs:
    """A "container" starting with lowercase "in" right after an unpunctuated title
    ("... Military Bases" | "in Central Asia ...") is the rest of the title; and
    "in Central Asia, in Journal of ..." gives its head back to the title."""
    out = list(segs)
    for i in range(1, len(out)):
        a, b = out[i - 1], out[i]
        if a.label != "title" or b.label != "container-title":
            continue
        tail_in = _TRAILING_IN.search(a.text)
        if tail_in:
            # "... in Central Asia, in" | "Central Asian Survey": the "in" introduces the container
            cut = a.start + tail_in.start() + 1
            out[i - 1] = _seg(text, "title", a.start, cut)
            out[i] = _seg(text, "container-title", cut, b.end)
        elif b.text.startswith("in ") and not _closed(a.text):
            m = _INNER_IN.search(b.text)
            cut = b.start + m.start() + 1 if m else b.end
            out[i - 1] = _seg(text, "title", a.start, cut)
            out[i] = _seg(text, "container-title", cut, b.end)
        else:
            m = _INNER_IN.search(b.text) if " in" in b.text.lower() else None
            if m and m.start() > 0:
                cut = b.start + m.start() + 1
                out[i - 1] = _seg(text, "title", a.start, cut)
                out[i] = _seg(text, "container-title", cut, b.end)
    return [s for s in out if s.start < s.end]


_JOURNALISH = re.compile(
    r"\b(?:journal|review|proceedings|studies|quarterly|bulletin|transactions|annals|letters|magazine)\b",
    re.I,
)


def repair_subtitle_in_container(text: str, segs: Segs) -> Segs:
    """ "Title." + "The Subtitle Runs On, Foreign Affairs,": the head of a container
    with an inner comma, after a title closed by a full stop, is the subtitle."""
    out = list(segs)
    for i in range(1, len(out)):
        a, b = out[i - 1], out[i]
        if a.label != "title" or b.label != "container-title" or not a.text.endswith("."):
            continue
        if _IN_LEAD.match(b.text):
            continue  # "In: Journal, Series" names its container explicitly
        body = b.text.rstrip(_END_PUNCT + " ")
        if "," not in body:
            continue
        head, _, tail = body.rpartition(",")
        tail = tail.strip()
        if (
            len(head.split()) >= 4
            and not _JOURNALISH.search(head)
            and 0 < len(tail.split()) <= 5
            and tail[:1].isupper()
        ):
            cut = b.start + len(head) + 1
            out[i - 1] = _seg(text, "title", a.start, cut)
            out[i] = _seg(text, "container-title", cut, b.end)
    return out


_PUBLISHERISH = re.compile(
    r"[,.]\s+((?:The\s+)?(?:[A-Z][\w&'’.-]*\s+){0,6}?(?:Cent(?:er|re)|Institute|Institution|Council|"
    r"Foundation|Endowment|University|Press|Publishers|Publishing|Verlag|Editions|Books|House|"
    r"Commission|Ministry|Agency|Bank|Office|Society|Association|Trust|Fund)\b[^,.]*)[,.]?\s*$"
)


_REPORT_TAIL = re.compile(
    r"[,.]\s+((?:[A-Z][\w&.’'-]*\s+){0,4}?(?:Report|Working\s+Paper|Policy\s+Brief|Discussion\s+Paper|"
    r"Technical\s+Report|Research\s+Report))[,.]?\s*$"
)


def repair_title_into_publisher(text: str, segs: Segs) -> Segs:
    """A title running on into an institution ("..., Center for Strategic and
    International Studies,") or a report line ("..., WHO Report,") when no
    publisher was tagged: split it off."""
    if any(s.label == "publisher" for s in segs):
        return segs
    out = list(segs)
    for i, s in enumerate(out):
        if s.label != "title" or (", " not in s.text and ". " not in s.text):
            continue
        m = _PUBLISHERISH.search(s.text) or _REPORT_TAIL.search(s.text)
        if m and m.start() > 10:
            cut = s.start + m.start() + 1
            out[i : i + 1] = _cut(text, s, "title", "publisher", cut)
            break
    return out


def repair_name_spill(text: str, segs: Segs) -> Segs:
    """ "Ward," + "Colin, Streets For ...": a given name left at the head of the title."""
    out = list(segs)
    for i in range(1, len(out)):
        a, b = out[i - 1], out[i]
        if a.label != "author" or b.label != "title":
            continue
        if len(a.text.rstrip(",; ").split()) != 1 or not a.text.rstrip().endswith(","):
            continue
        m = _GIVEN_AT_START.match(b.text)
        if not m:
            continue
        first = m.group(1).split()[0].strip(".")
        from citekit.names import given_names

        if is_initial(m.group(1).split()[0]) or ascii_fold(first) in given_names():
            cut = b.start + m.end()
            out[i - 1] = _seg(text, "author", a.start, cut)
            out[i] = _seg(text, "title", cut, b.end)
    return out


def repair_container_as_title(text: str, segs: Segs) -> Segs:
    """A container with no title beside it is the title ("Jacobs Jane," + container
    "The Death and Life of Great American Cities,"): a container needs something
    to contain.  A leading container before a date is handled as an author below."""
    labels = [s.label for s in segs]
    if "title" in labels or labels.count("container-title") != 1:
        return segs
    i = labels.index("container-title")
    if i == 0 and len(segs) > 1 and segs[1].label == "date":
        return segs
    out = list(segs)
    seg = segs[i]
    body = seg.text.rstrip(_END_PUNCT + " ")
    head, comma, tail = body.rpartition(", ")
    numbered = any(lab in {"volume", "issue", "pages"} for lab in labels[i + 1 :])
    if numbered and not (
        comma and 0 < len(tail.split()) <= 5 and tail[:1].isupper() and len(head.split()) >= 2
    ):
        return segs  # "ARA&A, 40, 1": journal styles that omit the title
    if comma and numbered:
        # "Cities, productivity, and quality of life, Science," + "vol. 333": title, journal
        cut = seg.start + len(head) + 1
        out[i : i + 1] = _cut(text, seg, "title", "container-title", cut)
        return out
    out[i] = _relabel(seg, "title")
    return out


def repair_corporate_author_title(text: str, segs: Segs) -> Segs:
    """Corporate authors the tagger misreads.

    * "Transport for London, 2018. Title": a title or container at the entry
      start, before the date or before the real title, is the (corporate) author;
    * "World Health Organization, Global status report ..." read as one title, or
      "International Transport Forum, Cycling, Health and Safety," read as one
      author: the corporate name is the author, the rest the title.
    """
    from citekit.names import _is_corporate

    if not segs or any(s.label == "author" for s in segs[1:]):
        return segs
    out = list(segs)
    first = out[0]
    titles = [i for i, s in enumerate(out) if s.label == "title"]
    if first.label in {"title", "container-title"} and len(out) > 1:
        dated = out[1].label == "date"  # "Name, 2018. Title": author-date order
        later_title = any(i > 0 for i in titles)
        corporate = _is_corporate(first.text.rstrip(",.;: "))
        words = len(first.text.split())
        # a body's name can be long: "Port Authority of New York and New Jersey"
        name_like = not any(c.isdigit() for c in first.text) and (
            words <= 6 or (corporate and words <= 12)
        )
        if later_title and name_like and (dated or corporate):
            out[0] = _relabel(first, "author")
            return out
    if first.label == "title" and len(titles) == 1:
        head, sep, rest = first.text.partition(", ")
        if sep and rest and _is_corporate(head) and len(head.split()) >= 2:
            cut = first.start + len(head) + 1
            out[0:1] = _cut(text, first, "author", "title", cut)
        return out
    if not titles:
        for i, s in enumerate(out):
            if s.label != "author":
                continue
            head, sep, _ = s.text.partition(", ")
            if sep and _is_corporate(head) and len(head.split()) >= 2:
                cut = s.start + len(head) + 1
                out[i : i + 1] = _cut(text, s, "author", "title", cut)
            break
    return out


_PUBLISHER_TAIL = re.compile(
    r"^(?P<head>.+?),\s+(?P<tail>(?:[A-Z][\w&'’.-]*\s+)*?(?:Press|Publishing|Publishers|Books|House|"
    r"Verlag|Editions)\b[^,]*)[,.]?\s*$"
)


def repair_title_tail_in_publisher(text: str, segs: Segs) -> Segs:
    """ "Title ... Greener," + "Healthier, and Happier, Penguin Press,": a publisher
    whose last part is the press gives its head back to a title that ended on a
    comma, together with any digit-free segments the tagger put in between."""
    out = list(segs)
    for i, a in enumerate(out):
        if a.label != "title" or not a.text.endswith(","):
            continue
        k = i + 1
        while (
            k < len(out)
            and out[k].label in _BETWEEN_LABELS
            and not any(ch.isdigit() for ch in out[k].text)
            # a place ("London:") is not title material; a run of words ("Smarter, Greener") may be
            and (out[k].label != "location" or "," in out[k].text.rstrip(_END_PUNCT + " "))
        ):
            k += 1
        if k >= len(out) or out[k].label != "publisher":
            continue
        b = out[k]
        m = _PUBLISHER_TAIL.match(b.text)
        if not m:
            continue
        cut = b.start + m.start("tail")
        out[i : k + 1] = [_seg(text, "title", a.start, cut), _seg(text, "publisher", cut, b.end)]
        break
    return out


_BETWEEN_LABELS = frozenset({"note", "location", "editor", "container-title", "collection-title"})


def repair_note_inside_title(text: str, segs: Segs) -> Segs:
    """title "... Richer," + note "Smarter, Greener, and Happier," + publisher: a
    word-only note between a comma-ended title and the imprint continues the title."""
    out = list(segs)
    for i in range(1, len(out) - 1):
        a, b, c = out[i - 1], out[i], out[i + 1]
        if (
            a.label == "title"
            and b.label == "note"
            and c.label in {"publisher", "location"}
            and a.text.endswith(",")
            and not any(ch.isdigit() for ch in b.text)
            and not _ACCESS_WORD.search(b.text)
            and not _URLISH.search(b.text)
            and not _EDITION_PHRASE.search(b.text)
        ):
            out[i - 1] = _seg(text, "title", a.start, b.end)
            out[i] = Segment("title", b.end, b.end, "")
    return [s for s in out if s.start < s.end]


_RANGE_ONLY = re.compile(
    r"^\(?(?:1[5-9]\d\d|20\d\d)\s*[-–—]\s*(?:1[5-9]\d\d|20\d\d|\d\d)\)?[.,:;]?$"
)


_YEAR_ONLY = re.compile(r"^(?:1[5-9]\d\d|20\d\d)[.,:;]?$")
# "Planning since 1880", "Europe after 1945": a title ending in one of these takes the year.
_TITLE_YEAR_LEAD = re.compile(r"(?i)\b(?:since|after|before|until|from|to|in|circa|c\.)\s*$")


def repair_year_range_after_title(text: str, segs: Segs) -> Segs:
    """ "... Labour Relations," + date "1919-1939." + ... + date "1980": a year range
    right after the title is the end of the title, not the publication date; so is a
    single year that a title ending in "since", "after", "until" ... leads into, when a
    later date segment is there to be the publication date."""
    out = list(segs)
    for i in range(1, len(out)):
        a, b = out[i - 1], out[i]
        later_date = any(s.label == "date" for s in out[i + 1 :])
        range_end = _RANGE_ONLY.match(b.text) and (not b.text.endswith(".") or later_date)
        lead_in = (
            _YEAR_ONLY.match(b.text)
            and later_date
            and _TITLE_YEAR_LEAD.search(text[a.start : b.start])
        )
        if a.label == "title" and b.label == "date" and (range_end or lead_in):
            out[i - 1] = _seg(text, "title", a.start, b.end)
            out[i] = Segment("title", b.end, b.end, "")
    return [s for s in out if s.start < s.end]


_CJK_NAMES_OPEN = re.compile(
    r"^(?:[\u3400-\u9fff]{2,4}\s*[,，、]\s*)*(?:[\u3400-\u9fff]{2,4}|等|et\s+al)\s*[.．]\s*"
)


def repair_cjk_names_in_title(text: str, segs: Segs) -> Segs:
    """Chinese GB/T 7714: "王小明, 李华. 城市更新研究[J]": names of two to four characters
    (or "等", et al.) that open the title, up to its full stop, are the last authors."""
    if text.isascii():
        return segs
    for i in range(1, len(segs)):
        a, t = segs[i - 1], segs[i]
        if a.label == "author" and t.label == "title":
            # the author list runs on: it ends in a comma ("王小明, | 李华. 城市...")
            m = (
                _CJK_NAMES_OPEN.match(t.text)
                if a.text.rstrip().endswith((",", "，", "、"))
                else None
            )
            if m and t.text[m.end() :].strip():
                out = list(segs)
                out[i - 1 : i + 1] = [
                    _seg(text, "author", a.start, t.start + m.end()),
                    _seg(text, "title", t.start + m.end(), t.end),
                ]
                return out
            break
    return segs


# "国务院. 关于加快发展的意见[EB/OL].": names, a full stop, then a title closed by its type code
_CJK_TITLE_IN_AUTHOR = re.compile(
    r"^([^.．。\[\]]+?[.．。])\s*([^\[\]]+\[[A-Z]{1,2}(?:/OL)?\][.．]?)\s*$"
)


def repair_cjk_title_in_author(text: str, segs: Segs) -> Segs:
    """Chinese GB/T 7714: a title with its type code ("[EB/OL]", "[J]") read into the
    author segment; the names end at their full stop."""
    if text.isascii() or any(s.label == "title" for s in segs):
        return segs
    for i, a in enumerate(segs):
        if a.label == "author" and (m := _CJK_TITLE_IN_AUTHOR.match(a.text)):
            return _cut_groups(text, segs, i, m, "author", "title")
    return segs


def repair_gost_slashes(text: str, segs: Segs) -> Segs:
    """Russian (GOST) style: "Title // Journal. 2015. № 3": what follows "//" is the container."""
    out = list(segs)
    for i, s in enumerate(out):
        if (
            s.label == "title"
            and " // " in s.text
            and not any(x.label == "container-title" for x in out)
        ):
            cut = s.start + s.text.index(" // ")
            out[i : i + 1] = _cut(text, s, "title", "container-title", cut, cut + 4)
            break
    return out


def repair_edition_overflow(text: str, segs: Segs) -> Segs:
    """ "second edition, John Murray,": what follows the edition phrase is the publisher."""
    if any(s.label == "publisher" for s in segs):
        return segs
    out = list(segs)
    for i, s in enumerate(out):
        if s.label != "edition":
            continue
        m = _EDITION_PHRASE.search(s.text)
        if not m:
            continue
        rest = s.text[m.end() :]
        r = re.match(r"[.,;:]*\s*", rest)
        tail = rest[r.end() if r else 0 :]
        if (
            tail.rstrip(_END_PUNCT + " ")
            and tail[:1].isupper()
            and not any(c.isdigit() for c in tail)
        ):
            cut = s.start + m.end() + (r.end() if r else 0)
            out[i : i + 1] = _cut(text, s, "edition", "publisher", cut)
        break
    return out


def repair_title_in_author(text: str, segs: Segs) -> Segs:
    """ "Appleyard Donald, Livable Streets," all read as author, with no title
    anywhere: a trailing part with neither initials nor given names is the title."""
    from citekit.names import _known_given

    labels = {s.label for s in segs}
    if "title" in labels or "container-title" in labels:
        return segs
    out = list(segs)
    for i, s in enumerate(out):
        if s.label != "author":
            continue
        body = s.text.rstrip(_END_PUNCT + " ")
        head, comma, tail = body.rpartition(", ")
        words = tail.split()
        if (
            comma
            and len(words) >= 2
            and not any(is_initial(w) or _known_given(w) for w in words)
            and not _AND_WORD.search(tail)
            and head.strip()
        ):
            cut = s.start + len(head) + 1
            out[i : i + 1] = _cut(text, s, "author", "title", cut)
        break
    return out


_AND_WORD = re.compile(r"(?:^|\s)(?:and|&|et|und)(?:\s|$)")


_STATE = re.compile(r"^([A-Z]{2})\s*[:,]\s*")


def repair_state_in_publisher(text: str, segs: Segs) -> Segs:
    """ "Ithaca:" + "NY: Cornell University Press": the state code belongs to the place."""
    out = list(segs)
    for i in range(1, len(out)):
        a, b = out[i - 1], out[i]
        if a.label == "location" and b.label == "publisher":
            m = _STATE.match(b.text)
            if m and len(b.text) > m.end():
                cut = b.start + len(m.group(1))
                out[i - 1] = _seg(text, "location", a.start, cut)
                out[i] = _seg(text, "publisher", b.start + m.end(), b.end)
    return out


# "379, 22" / "220 B, 375" / "12, L45": a volume, a comma, then one page-like number.
_VOLUME_PAGE_RE = re.compile(r"(\d+(?:\s?[A-Z])?\s*,)\s*([A-Z]?\d+[a-z]?)\W*\Z")


# A marker word that may end a segment, and the labels of the segment it introduces.
_MARKER_OWNER = {
    "v": ("volume",),
    "vol": ("volume",),
    "vols": ("volume",),
    "volume": ("volume",),
    "in": ("container-title", "editor"),
    "pp": ("pages",),
    "no": ("issue",),
    "nos": ("issue",),
    "nr": ("issue",),
}


def repair_marker_at_end(text: str, segments: Segs) -> Segs:
    """A marker word left at the end of a segment goes to the segment it introduces:
    "Phys.Rev.E v." + "49" -> "Phys.Rev.E" + "v.49"; "splines, in" + "R. Barnhill
    (eds.)" -> "splines," + "in R. Barnhill (eds.)"."""
    out: Segs | None = None
    for i in range(len(segments) - 1):
        seg, nxt = (out or segments)[i], segments[i + 1]
        head, _, last = seg.text.rpartition(" ")
        owners = _MARKER_OWNER.get(last.rstrip(".:").lower())
        if (
            not owners
            or not head.strip()
            or nxt.label not in owners
            or seg.label == nxt.label
            or text[seg.end : nxt.start].strip()
        ):
            continue
        cut = seg.start + len(head.rstrip())
        at = seg.start + len(head) + 1
        out = out or list(segments)
        out[i] = _seg(text, seg.label, seg.start, cut)
        out[i + 1] = _seg(text, nxt.label, at, nxt.end)
    return segments if out is None else out


def repair_volume_page(text: str, segments: Segs) -> Segs:
    """Physics style "Nature 379, 22 (1996)." is tagged as one volume "379, 22",
    because AnyStyle files an issue inside the volume ("Operations Research 36, 3
    (1988), 454").  The two differ in what the tagger's window cannot see: the
    first has no pages anywhere.  There the volume is split into volume and page."""
    if any(s.label == "pages" for s in segments):
        return segments
    out: Segs = []
    changed = False
    for i, seg in enumerate(segments):
        nxt = _next_label(segments, i)
        m = _VOLUME_PAGE_RE.fullmatch(seg.text) if seg.label == "volume" else None
        if m is None or nxt not in (None, "date", "note", "doi", "url"):
            out.append(seg)
            continue
        cut = seg.start + m.end(1)
        page_at = seg.start + m.start(2)
        out.append(_seg(text, "volume", seg.start, cut))
        out.append(_seg(text, "pages", page_at, seg.end))
        changed = True
    return out if changed else segments


# "1997 a," / "2003 b.": a year whose letter is set apart, then punctuation.
_SPACED_SUFFIX_RE = re.compile(r"(?<![\w.])(?:1[5-9]|20)\d\d\s[a-z](?=[,.;:)\]]|\Z)")


def repair_spaced_year_suffix(text: str, segments: Segs) -> Segs:
    """A year with its letter set apart ("McNamara, D. H., 1997 a, PASP, 109") is one
    date, "1997 a,", not a title "1997 a," or a date "1997" and a title "a,"."""
    segs = list(segments)
    for m in _SPACED_SUFFIX_RE.finditer(text):
        at = next((i for i, s in enumerate(segs) if s.start <= m.start() < s.end), None)
        if at is None:
            continue
        holder = segs[at]
        alone = holder.text.rstrip(",.;: ") == m.group(0) and not any(
            s.label == "date" for s in segs
        )
        if holder.label != "date" and not alone:
            continue
        end = m.end()
        while end < len(text) and text[end] in ",.;:":
            end += 1
        out = [*segs[:at], _seg(text, "date", holder.start, max(end, holder.end))]
        for s in segs[at + 1 :]:
            if s.start < end:
                s = _seg(text, s.label, end, s.end)
            if s.start < s.end:
                out.append(s)
        segs = out
    return segs


# "Fischer, Anna (o. J.):" / "Okafor, C. (n.d.)." / "Brandt, L. (2014):" / "Halvorsen, I. M.
# Forthcoming.": the date closes the names.
_DATE_AFTER_NAMES = re.compile(
    rf"\s(\((?:{_NO_DATE.pattern}|(?:1[5-9]|20)\d\d[a-z]?)\)[.:,]?|(?:{_NOT_OUT_YET_WORDS})\.)\s*$",
    re.I,
)
# "Forthcoming.", "n.d." or "(in press)." opening the title: the period is the field's end
_NO_DATE_OPENS = re.compile(
    rf"(?:\((?:{_NO_DATE.pattern})\)|(?:{_NO_DATE.pattern}))\.?(?<=[.)])(?=\s|$)", re.I
)


def repair_date_after_names(text: str, segments: Segs) -> Segs:
    """A date in brackets at the end of the author segment, where the reference
    has no date of its own, is the date: "Fischer, Anna (o. J.): Der Hafen"; and so
    is a no-date word opening the title right after the names: "Reyes, Sofía.
    Forthcoming. "Guilds without Ledgers."."""
    if any(s.label == "date" for s in segments):
        return segments
    for i, seg in enumerate(segments):
        if seg.label == "author":
            m = _DATE_AFTER_NAMES.search(seg.text)
            if m and m.start() > 0:
                out = list(segments)
                out[i : i + 1] = _cut(text, seg, "author", "date", seg.start + m.start(1))
                return out
            nxt = segments[i + 1] if i + 1 < len(segments) else None
            m = _NO_DATE_OPENS.match(nxt.text) if nxt and nxt.label == "title" else None
            if nxt and m and nxt.text[m.end() :].strip():
                out = list(segments)
                out[i + 1 : i + 2] = _cut(text, nxt, "date", "title", nxt.start + m.end())
                return out
            break
    return segments


# An editor list that introduces a book: "In ...", "in: ...", or marked "(Eds.)", "Hrsg.", ...
_INTRODUCES_BOOK = re.compile(
    r"(?i)^\W*(?:in|dans|w|em|en)\b|\b(?:eds?|edd|editors?|hrsg|hg|dirs?|coord|a cura di|ред)\b"
)


def repair_book_after_editors(text: str, segments: Segs) -> Segs:
    """A second title right after an editor list ("Allen, P. (2004) The use of
    recall. In K. Tudor & M. Worrall (Eds.) Freedom to Practise.") is the book that
    holds the first: a container.  The editor list must introduce it ("In", "eds.",
    "Hrsg.", "dir.", ...); a date may stand between ("In A. Flannery (Ed.) (1984).")."""
    labels = [s.label for s in segments]
    if "container-title" in labels or labels.count("title") < 2:
        return segments
    first = labels.index("title")
    second = labels.index("title", first + 1)
    before = second - 1 - (labels[second - 1] == "date")
    if (
        before <= first
        or labels[before] != "editor"
        or not _INTRODUCES_BOOK.search(segments[before].text)
        or len(segments[first].text.split()) < 2
        or len(segments[second].text.split()) < 2
    ):
        return segments
    out = list(segments)
    out[second] = _relabel(segments[second], "container-title")
    return out


# A word of an abbreviated journal name: "ApJ", "AJ", "Phys.", "A&A", "&".
_ABBREV_WORD = re.compile(r"[A-Z][A-Za-z]{0,5}\.?|&")
_PENDING = re.compile(r"(?i)\W*(?:submitted|in press|to appear|accepted|in preparation|preprint)")


def repair_journal_abbreviation_as_title(text: str, segments: Segs) -> Segs:
    """An abbreviated journal name read as the title of a reference without one
    (astronomy and physics: "Chiang, J., 1998, ApJ, submitted", "Eckhardt, B., Phys.
    Rev. E, to appear") is the container: an abbreviation is never a work's title.
    Only when it has abbreviation marks (a full stop, two capitals, "&"), no
    container exists, and what follows is a volume, pages, issue, a pending-status
    note or nothing."""
    labels = [s.label for s in segments]
    if "container-title" in labels or labels.count("title") != 1:
        return segments
    i = labels.index("title")
    words = segments[i].text.strip(" ,.;:").replace("&", " & ").split()
    if not 0 < len(words) <= 4 or not all(_ABBREV_WORD.fullmatch(w) for w in words):
        return segments
    if not any(w.endswith(".") or w == "&" or sum(c.isupper() for c in w) >= 2 for w in words):
        return segments
    nxt = segments[i + 1] if i + 1 < len(segments) else None
    if nxt is not None and (
        nxt.label not in ("volume", "pages", "issue", "note")
        or (nxt.label == "note" and not _PENDING.match(nxt.text))
    ):
        return segments
    out = list(segments)
    out[i] = _relabel(segments[i], "container-title")
    return out


_VOLUME_MARKED = re.compile(r"(?i)(?:vol(?:ume)?|v)\b")


def repair_series_after_volume(text: str, segments: Segs) -> Segs:
    """A second container right after a marked volume ("CIAA, volume 4783 LNCS,",
    "Quantum Graphs, volume 415 Contemporary Mathematics,") is the series the
    first appeared in: a collection-title."""
    labels = [s.label for s in segments]
    if labels.count("container-title") < 2 or "collection-title" in labels:
        return segments
    first = labels.index("container-title")
    for i in range(first + 2, len(segments)):
        if (
            labels[i] == "container-title"
            and labels[i - 1] == "volume"
            and _VOLUME_MARKED.match(segments[i - 1].text)
        ):
            out = list(segments)
            out[i] = _relabel(segments[i], "collection-title")
            return out
    return segments


_NAME_PIECES = re.compile(r",\s+|\s+(?:and|&)\s+")
_INITIALS_ALONE = re.compile(r"(?:(?:and|&)\s+)?[A-Z]\.(?:\s?-?[A-Z]\.)*")
_INITIALS_FIRST = re.compile(r"[A-Z]\.(?:\s?-?[A-Z]\.)*\s*[A-Z][\w'’-]+")
_FAMILY_LEAD = re.compile(r"([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)\s*[,:]\s+")


def repair_family_after_initials(text: str, segments: Segs) -> Segs:
    """In a list of initials-first names ("E. Jespers, G. Leal, C. Polcino Milies,
    Classifying Loops"), a name cannot end on its initials: the one or two
    capitalised words up to the next comma or colon are its family name, not the
    start of the title."""
    for i in range(len(segments) - 1):
        names, title = segments[i], segments[i + 1]
        if names.label not in ("author", "editor") or title.label != "title":
            continue
        pieces = [p for p in _NAME_PIECES.split(names.text.strip()) if p]
        if (
            len(pieces) < 2
            or not _INITIALS_ALONE.fullmatch(pieces[-1])
            or not any(_INITIALS_FIRST.fullmatch(p) for p in pieces[:-1])
            or text[names.end : title.start].strip()
        ):
            continue
        m = _FAMILY_LEAD.match(title.text)
        if m is None:
            continue
        cut = title.start + m.end(1)
        cut += text[cut] in ",:"
        out = list(segments)
        out[i] = _seg(text, names.label, names.start, cut)
        out[i + 1] = _seg(text, title.label, title.start + m.end(), title.end)
        return out
    return segments


_VOLUME_COMMA_PAGE_RE = re.compile(r"(\d{1,4}[A-Z]?,)\s*([A-Z]?\d+[A-Z]?)\W*")


_VOLUME_COLON_PAGES_RE = re.compile(
    r"(\d{1,4}[A-Z]?(?:\s*\([^()]{1,12}\))?\s*:)\s*([A-Z]?\d+[A-Z]?(?:\s*[-–]\s*[A-Z]?\d+[A-Z]?)?)\W*"
)


def repair_page_volume(text: str, segments: Segs) -> Segs:
    """The mirror of ``repair_volume_page``: "A & A, 290, 443" tagged as pages
    "290, 443" holds the volume too, when the reference has no volume and the
    numbers follow the journal directly; so does "275:447-451" after the journal
    or its year ("JAMA 1996, 275:447-451")."""
    labels = [s.label for s in segments]
    if "volume" in labels or labels.count("pages") != 1:
        return segments
    i = labels.index("pages")
    m = _VOLUME_COMMA_PAGE_RE.fullmatch(segments[i].text)
    if m is None or i == 0 or labels[i - 1] != "container-title":
        m = _VOLUME_COLON_PAGES_RE.fullmatch(segments[i].text)
        after_journal = labels[i - 1 : i] == ["container-title"] or labels[i - 2 : i] == [
            "container-title",
            "date",
        ]
        if m is None or not after_journal:
            return segments
    return _cut_groups(text, segments, i, m, "volume", "pages")


_TITLE_TAIL_EDITION = re.compile(
    r"(?i)[,.]?\s*(\(?\s*(?:(?:\d{1,2}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|revised|rev\.)"
    r"\s+(?:edition|edn\.?|ed\.?)"
    # German: "2. Aufl.", "3., überarb. Aufl.", "5. Auflage"
    r"|\d{1,2}\.,?\s+(?:(?:überarb|erw|aktualis|durchges|neu\w*)\w*\.?(?:\s+und\s+\w+\.?)?,?\s+)?"
    r"(?:aufl\.?|auflage))\s*\)?)\W*$"
)
_TITLE_TAIL_CHARS = 60
_TITLE_TAIL_VOLUME = re.compile(r"(?i),\s*((?:vol\.|volume)\s*(?:[IVXLC]+|\d+))\W*$")


def repair_title_tail_edition_volume(text: str, segments: Segs) -> Segs:
    """An edition or volume left at the end of a title ("System identification
    (2nd Ed.).", "Problems in analysis, vol. I,") is its own field, when the
    reference has none yet."""
    labels = {s.label for s in segments}
    for i, seg in enumerate(segments):
        if seg.label != "title":
            continue
        for pattern, label, marker in (
            (_TITLE_TAIL_EDITION, "edition", ("ed", "aufl")),
            (_TITLE_TAIL_VOLUME, "volume", ("vol",)),
        ):
            # Both patterns end the title: searching only its tail spares
            # a failed match attempt at every character of a long title.
            tail = max(0, len(seg.text) - _TITLE_TAIL_CHARS)
            m = (
                pattern.search(seg.text, tail)
                if label not in labels and any(k in seg.text[tail:].lower() for k in marker)
                else None
            )
            if m and len(seg.text[: m.start()].split()) >= 2:
                out = list(segments)
                out[i : i + 1] = _cut(
                    text, seg, "title", label, seg.start + m.start(), seg.start + m.start(1)
                )
                return out
    return segments


_BARE_ISSUE_RE = re.compile(r"(?i)\W*(?:no|nos|nr|n°|nº|№|issue|iss|num|heft|h)\.?\W*")
_ISSUE_NUMBER_RE = re.compile(r"\W*[A-Z]?\d+[a-z]?(?:\s*[-–/]\s*\d+)?\W*")


def repair_bare_issue(text: str, segments: Segs) -> Segs:
    """An issue that is only its marker ("No.") owns the number after it, even
    when the tagger read that number as pages ("Vol. 4 No. 31 (2009): 469-499")."""
    for i in range(len(segments) - 1):
        marker, number = segments[i], segments[i + 1]
        if (
            marker.label == "issue"
            and number.label == "pages"
            and _BARE_ISSUE_RE.fullmatch(marker.text)
            and _ISSUE_NUMBER_RE.fullmatch(number.text)
        ):
            out = list(segments)
            out[i : i + 2] = [_seg(text, "issue", marker.start, number.end)]
            return out
    return segments


_ET_AL_RUN = re.compile(
    r"(?:[^\W\d_][\w'’.-]*,?\s+){0,2}(?:u\.\s?a\.|et\s?al\.?|and\s+others|и\s+др\.)\W*", re.I
)


def repair_et_al_as_title(text: str, segments: Segs) -> Segs:
    """ "Weber, Jonas u. a. (2014): Hafenstädte ...": a short run that ends the
    names with "u. a." or "et al." and was read as a title, while the real title
    follows, is the end of the author list."""
    for i in range(1, len(segments) - 1):
        seg = segments[i]
        if (
            seg.label == "title"
            and segments[i - 1].label == "author"
            and _ET_AL_RUN.fullmatch(seg.text)
            and any(s.label == "title" for s in segments[i + 1 :])
        ):
            out = list(segments)
            out[i - 1 : i + 1] = [_seg(text, "author", segments[i - 1].start, seg.end)]
            return out
    return segments


_YEAR_THEN_VOLUME = re.compile(r"((?:1[6-9]|20)\d\d[a-z]?\s*[,;])\s*(\d.*)")


def repair_year_in_volume(text: str, segments: Segs) -> Segs:
    """ "JAMA 2010, 303:235-241" tagged as volume "2010, 303:": in a reference with
    no date, the year that leads the volume is the date."""
    if any(s.label == "date" for s in segments):
        return segments
    for i, seg in enumerate(segments):
        m = _YEAR_THEN_VOLUME.fullmatch(seg.text) if seg.label == "volume" else None
        if m:
            return _cut_groups(text, segments, i, m, "date", "volume")
    return segments


_VOLUME_THEN_PAGES = re.compile(r"(\d{1,4}[A-Z]?)\s+(\d{1,6}(?:\s*[-–]+\s*\d{1,6})?)\W*")
_VOLUME_THEN_YEAR = re.compile(r"(\d{1,3})\.\s+((?:1[6-9]|20)\d\d)\W*")


def repair_volume_with_neighbour(text: str, segments: Segs) -> Segs:
    """A journal's volume tagged with the pages or the year after it, in a reference
    with no volume: "Canad. J. Statist. 27 409--420" (pages "27 409--420") and
    "Probability and Statistics. 5. 2001" (date "5. 2001")."""
    if any(s.label == "volume" for s in segments):
        return segments
    for i in range(1, len(segments)):
        seg = segments[i]
        if segments[i - 1].label != "container-title":
            continue
        if seg.label == "pages":
            pattern, second = _VOLUME_THEN_PAGES, "pages"
        elif seg.label == "date":
            pattern, second = _VOLUME_THEN_YEAR, "date"
        else:
            continue
        m = pattern.fullmatch(seg.text)
        if m:
            return _cut_groups(text, segments, i, m, "volume", second)
    return segments


_JOURNAL_THEN_YEAR = re.compile(r"(.*\w)\W*\s((?:1[6-9]|20)\d\d[a-z]?)\W*")


def repair_year_in_journal(text: str, segments: Segs) -> Segs:
    """BMC style "Am J Cardiol 2001, 87:262-66": a year that ends the journal of a
    reference with no date is the date (the tagger sometimes reads the journal on
    through it after a long title)."""
    if any(s.label == "date" for s in segments):
        return segments
    for i, seg in enumerate(segments):
        if seg.label != "container-title":
            continue
        m = _JOURNAL_THEN_YEAR.fullmatch(seg.text)
        if m and _next_label(segments, i) in ("volume", "issue", "pages"):
            return _cut_groups(text, segments, i, m, "container-title", "date")
    return segments


_COUNTRY_IN_JOURNAL = re.compile(r"U\.?\s?S\.?\s?A\.?")


def repair_country_in_journal(text: str, segments: Segs) -> Segs:
    """ "Proc Natl Acad Sci USA 100:1450": the USA is part of the journal's name,
    not a place of publication, when a volume, issue, pages or date follows it."""
    for i in range(1, len(segments) - 1):
        seg = segments[i]
        if (
            seg.label == "location"
            and segments[i - 1].label == "container-title"
            and _next_label(segments, i) in ("volume", "issue", "pages", "date")
            and _COUNTRY_IN_JOURNAL.fullmatch(seg.text.rstrip(",.;:"))
            and not text[segments[i - 1].end : seg.start].strip()
        ):
            out = list(segments)
            out[i - 1 : i + 1] = [_seg(text, "container-title", segments[i - 1].start, seg.end)]
            return out
    return segments


_NAME_LABELS = frozenset({"author", "editor", "translator"})


def repair_body_as_publisher(text: str, segments: Segs) -> Segs:
    """ "European Environment Agency. Air quality in Europe — 2020 report [Internet].
    Luxembourg: Publications Office; 2020": a body that opens the reference, tagged
    publisher while the imprint comes later, is the author; a report's title
    tagged genre right after it, in a reference with no title, is the title."""
    if len(segments) < 3 or segments[0].label != "publisher" or not segments[0].text.endswith("."):
        return segments
    if not any(s.label == "publisher" for s in segments[2:]):
        return segments
    out = list(segments)
    out[0] = _relabel(segments[0], "author")
    if (
        segments[1].label == "genre"
        and not any(s.label == "title" for s in segments)
        and len(segments[1].text.split()) >= 3
    ):
        out[1] = _relabel(segments[1], "title")
    return out


def repair_word_after_names(text: str, segments: Segs) -> Segs:
    """ "Lindqvist, S. Copper-" + "Catalyzed Coupling ...": a name field never ends
    inside a word; the word goes to the field after it (ACS style has no year
    between the names and a title that may open with a hyphenated word)."""
    for i in range(1, len(segments)):
        a, b = segments[i - 1], segments[i]
        if a.label not in _NAME_LABELS or b.label in _NAME_LABELS or a.end != b.start:
            continue
        if (
            not (text[a.end - 1].isalpha() or text[a.end - 1] in "-‐")
            or not text[b.start].isalpha()
        ):
            continue
        cut = a.start
        for j in range(a.end - 1, a.start - 1, -1):
            if text[j].isspace():
                cut = j + 1
                break
        word = text[cut : a.end]
        if cut == a.start or not word[:1].isupper() or "." in word or "," in word:
            continue
        out = list(segments)
        out[i - 1 : i + 1] = [_seg(text, a.label, a.start, cut), _seg(text, b.label, cut, b.end)]
        return out
    return segments


_ARTICLE_NUMBER = re.compile(r"[A-Za-z]{0,3}\d{4,}[.,;]?")


def repair_article_number_after_volume(text: str, segments: Segs) -> Segs:
    """Vancouver's "2014;1:Cd001431." ends with an article number where the pages
    stand; the tagger reads a mixed-case one as a publisher or place."""
    for i in range(1, len(segments)):
        seg, before = segments[i], segments[i - 1]
        if (
            seg.label in ("publisher", "location", "note")
            and before.label in ("volume", "issue")
            and before.text.endswith(":")
            and _ARTICLE_NUMBER.fullmatch(seg.text)
            and not any(s.label == "pages" for s in segments)
        ):
            out = list(segments)
            out[i] = _relabel(seg, "pages")
            return out
    return segments


def repair_status_note(text: str, segments: Segs) -> Segs:
    """A note that is only a publication status ("in press", "(submitted)", "To
    appear.") is the record's status, which CSL and BibLaTeX keep apart from notes."""
    if not any(s.label == "note" and parse_status(s.text) for s in segments):
        return segments
    return [
        _relabel(s, "status") if s.label == "note" and parse_status(s.text) else s for s in segments
    ]


REPAIRS: tuple[Callable[[str, Segs], Segs], ...] = (
    repair_split_initials,
    repair_container_as_title,
    repair_corporate_author_title,
    repair_title_in_author,
    repair_leading_punct,
    repair_name_spill,
    repair_lowercase_in_container,
    repair_unpunctuated_boundary,
    repair_subtitle_in_container,
    repair_title_into_publisher,
    repair_title_tail_in_publisher,
    repair_note_inside_title,
    repair_state_in_publisher,
    repair_year_range_after_title,
    repair_gost_slashes,
    repair_edition_overflow,
    repair_marker_at_end,
    repair_volume_page,
    repair_spaced_year_suffix,
    repair_book_after_editors,
    repair_journal_abbreviation_as_title,
    repair_series_after_volume,
    repair_family_after_initials,
    repair_page_volume,
    repair_title_tail_edition_volume,
    repair_bare_issue,
    repair_et_al_as_title,
    repair_year_in_journal,
    repair_year_in_volume,
    repair_country_in_journal,
    repair_word_after_names,
    repair_volume_with_neighbour,
    repair_body_as_publisher,
    repair_date_after_names,
    repair_cjk_names_in_title,
    repair_cjk_title_in_author,
    repair_article_number_after_volume,
    repair_status_note,
)


# The labels a repair needs to see before it can change anything (a cheap gate).
_NEEDS: dict[Callable[[str, Segs], Segs], frozenset[str]] = {
    repair_container_as_title: frozenset({"container-title"}),
    repair_leading_punct: frozenset({"title"}),
    repair_name_spill: frozenset({"author", "title"}),
    repair_lowercase_in_container: frozenset({"title", "container-title"}),
    repair_subtitle_in_container: frozenset({"title", "container-title"}),
    repair_title_into_publisher: frozenset({"title"}),
    repair_title_tail_in_publisher: frozenset({"title", "publisher"}),
    repair_note_inside_title: frozenset({"title", "note"}),
    repair_state_in_publisher: frozenset({"location", "publisher"}),
    repair_year_range_after_title: frozenset({"title", "date"}),
    repair_gost_slashes: frozenset({"title"}),
    repair_edition_overflow: frozenset({"edition"}),
    repair_title_in_author: frozenset({"author"}),
    repair_volume_page: frozenset({"volume"}),
    repair_book_after_editors: frozenset({"title", "editor"}),
    repair_journal_abbreviation_as_title: frozenset({"title"}),
    repair_series_after_volume: frozenset({"container-title", "volume"}),
    repair_family_after_initials: frozenset({"title"}),
    repair_page_volume: frozenset({"pages", "container-title"}),
    repair_title_tail_edition_volume: frozenset({"title"}),
    repair_et_al_as_title: frozenset({"author", "title"}),
    repair_year_in_journal: frozenset({"container-title"}),
    repair_year_in_volume: frozenset({"volume"}),
    repair_country_in_journal: frozenset({"container-title", "location"}),
    repair_bare_issue: frozenset({"issue", "pages"}),
    repair_volume_with_neighbour: frozenset({"container-title"}),
    repair_body_as_publisher: frozenset({"publisher"}),
    repair_date_after_names: frozenset({"author"}),
    repair_cjk_names_in_title: frozenset({"author", "title"}),
    repair_cjk_title_in_author: frozenset({"author"}),
    repair_article_number_after_volume: frozenset({"volume"}),
    repair_status_note: frozenset({"note"}),
}


def repair_segments(text: str, segments: Sequence[Segment]) -> tuple[Segment, ...]:
    """Run ``REPAIRS`` in order over the tagger's segments (adjacent equal labels merged)."""
    # The tagger's segments start and end on tokens: most need no trimming.
    segs = _merge_same(
        text,
        [
            s
            if s.start < s.end and not text[s.start].isspace() and not text[s.end - 1].isspace()
            else _seg(text, s.label, s.start, s.end)
            for s in segments
        ],
    )
    labels = {s.label for s in segs}
    for step in REPAIRS:
        needs = _NEEDS.get(step)
        if needs is not None and not needs <= labels:
            continue
        out = step(text, segs)
        if out is segs or out == segs:  # the common case: the repair did not apply
            continue
        new = _merge_same(text, out)
        if new != segs:
            segs = new
            labels = {s.label for s in segs}
    return tuple(segs)


# --- segments -> Reference ----------------------------------------------------

_EVENT_LEAD = re.compile(
    r"^(?:(?:a\s+)?(?:paper|poster|talk|keynote)\s+)?(?:presented|delivered|given)\s+(?:at|to)\s+(?:the\s+)?",
    re.I,
)
_GENRE_IS_ISSUE = re.compile(r"(?i)^(?:№|no\.?|nr\.?|issue)\s*\d+\W*$")
_GENRE_NUMBER = re.compile(
    r"(?i)^(\w.*?\w)\W*\s(?:no|nr|number|n[°º]|n\.\s?[°º]|№)\.?\s*([A-Z]{0,4}[-/ ]?\d[\w./–-]*)\W*$"
)
# "(2.ª ed.)" tagged as a genre: an edition
_GENRE_IS_EDITION = re.compile(
    r"(?i)^\(?\s*\d{1,3}\s*\.?\s*(?:ª|º|st|nd|rd|th|e|ème|a|o)?\.?\s*"
    r"(?:ed|edn|edition|edici[oó]n|edi[cç][aã]o|éd|édition|aufl|auflage)\.?\s*\)?\W*$"
)
_GENRE_TAIL = re.compile(
    r"\s+(Report|Working\s+Paper|Research\s+Report|Policy\s+Brief|Technical\s+Report|Discussion\s+Paper)$",
    re.I,
)


# "Available at:" left over where a link was stripped from the text
_ROMAN = re.compile(r"[IVXLCivxlc]+")
# Phrases that only announce a link: "Available from:", "Disponível em:".
_LINK_LEAD = (
    r"available(?:\s+(?:at|from|online))?|retrieved\s+from|dispon[ií]vel\s+em|disponible\s+(?:en|sur)"
    r"|verf[üu]gbar\s+unter|consultabile\s+su"
)
_BOILERPLATE = re.compile(rf"(?i)(?:{_LINK_LEAD}|online|en\s+ligne|accessed|url|link)\s*:?")
# ... left at the end of a note once the link went to its own field: "(EEA Report No. 09/2020).
# Available from"
_BOILERPLATE_TAIL = re.compile(rf"(?i)[\s.,;:]*\b(?:{_LINK_LEAD})\s*:?\s*$")
_EDITOR_ROLE_AT_END = re.compile(
    r"(?i)\(\s*(?:eds?|editors?|orgs?|hrsg|hg|coords?|dirs?|comps?)\.?\s*\)\W*$"
    # Chicago: "Moreau, Jean-Pierre, ed." (the given name before it: "Smith, Ed." is Ed Smith),
    # "Brandt, Lukas, and Eva Hartmann, eds."
    r"|,[^,]+,\s*(?:eds?|editors?)\.?\W*$"
)
_MARKER_TAIL = re.compile(r"(?i)[,.;]?\s*\b(?:vol|vols|volume|bd|no|nr|issue|pp?|pages)\.?\s*$")
_ACCESS_TAIL = re.compile(
    rf"(?i)\b(?:{_ACCESS_ALT}){_ACCESS_THEN}[\s:]*(?:\d{{1,2}}(?:st|nd|rd|th)?)?[\s,]*$"
)
_ACCESS_LEAD = re.compile(rf"(?i)\W*(?:{_ACCESS_ALT}|cited)\b")
_ACCESS_PHRASE = re.compile(
    rf"(?i)\b(?:available\s+(?:at|from|online)\s*:?\s*)?(?:{_ACCESS_ALT})\b.*$"
)
_ACCESS_REST = re.compile(rf"(?i)(?:\[\s*(?:cited|updated)|{_ACCESS_ALT})\b.*$")
_EDITION_PHRASE = re.compile(
    r"(?i)\b(?:\d{1,3}(?:st|nd|rd|th)?|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|"
    r"revised|rev\.|new|expanded)\s+(?:edition|edn\.?|ed\.)"
)
_VOL_OR_NO = re.compile(r"(?i)\b(?:vol|volume|no|issue)\.?\s*\d[\w/–-]*")


def _strip_access(value: str) -> str:
    """ "Available at: accessed 12" -> "": an access note is not a publisher or place."""
    return _ACCESS_PHRASE.sub("", value) if value and _ACCESS_WORD.search(value) else value


_IN_LEAD = re.compile(r"^\s*(?:in|dans|em|en)\s*:?\s+", re.I)
_YEAR_THEN_COUNT = re.compile(r"(?:1[5-9]\d\d|20\d\d)[a-z]?\s*,\s*(\d{1,4})\s*\.?$")
_ISSUE_LEAD = re.compile(r"(?i)(?:(?:no|n|issue)\b|№|#)")
_URLISH = re.compile(r"(?i)https?:|www\.|ftp:")
_ACCESS_WORD = re.compile(rf"(?i){_ACCESS_ALT}")


def _first(fields: dict[str, list[str]], label: str) -> str | None:
    vals = fields.get(label)
    return vals[0] if vals else None


def build_reference(
    raw: str,
    segments: Sequence[Segment],
    *,
    id: str = "",
    span: Span | None = None,
    label: str | None = None,
    number: int | None = None,
    order: Order = "auto",
    text: str | None = None,
) -> Reference:
    """Turn the tagger's segments of one entry into a normalized ``Reference``.

    ``text`` is the string the segments index into (the entry with its label
    removed and wrapped lines joined); it defaults to ``raw``.  ``order`` is the
    list's name order (``citekit.names.list_order``).  The confidence is lowered
    when the result lacks a title or a family name, or most of the text is
    untagged or a note.
    """
    text = raw if text is None else text
    low = text.lower()
    segs = repair_segments(text, segments)
    fields: dict[str, list[str]] = {}
    for s in segs:
        fields.setdefault(s.label, []).append(s.text)

    author_text = " ".join(fields.get("author", []))
    names = parse_names(author_text, order) if author_text else None
    authors: tuple[Name, ...] = names.names if names else ()
    editor_text = " ".join(fields.get("editor", []))
    editors = parse_names(editor_text, order).names if editor_text else ()
    if authors and not editors and _EDITOR_ROLE_AT_END.search(author_text):
        # "SANTOS, B.; MENESES, M. P. (Orgs.)." heads an edited book: its editors
        authors, editors = (), authors
    translator_text = " ".join(fields.get("translator", []))
    translators = parse_translators(translator_text, order) if translator_text else ()

    title = _first(fields, "title")
    # a book's title marks (Japanese 『…』, Chinese 《…》): no container around it
    book_marks = title is not None and title.lstrip().startswith(("『", "《"))
    if title and "]" in title:
        title = _MEDIUM_TAIL.sub("", title)
    version = described = None
    if title and title.rstrip(" .,;").endswith((")", "]")):
        title, described, version = split_description(title)
    gbt_type = None
    if title and "]" in title and (m := _GBT_CODE.search(title)):
        # GB/T 7714's code of the kind of work: "城市更新研究[J]", "... city[M]"
        title, gbt_type = title[: m.start()], _GBT_TYPES.get(m.group(1).upper())
    title = clean_field(title) if title else None
    container = _first(fields, "container-title")
    if container:
        container = _abbreviated_keeps_period(
            clean_field(_MARKER_TAIL.sub("", _IN_LEAD.sub("", container))), container
        )
    collection = _first(fields, "collection-title")
    publisher = clean_field(_strip_access(" ".join(fields.get("publisher", [])))) or None
    genre = clean_field(" ".join(fields.get("genre", []))) or described
    if genre and _MEDIUM_ONLY.fullmatch(genre):
        genre = None  # NLM's "[Internet]" says where it was read, not what it is
    elif genre and (m := _DESCRIPTION_THEN_HOST.match(genre)):
        # APA's "[Video]. YouTube." tagged as one genre: the kind of work, then its host
        genre, publisher = m.group(1), publisher or m.group(2)
    if genre and _GENRE_IS_EDITION.match(genre) and "edition" not in fields:
        fields["edition"] = [genre]
        genre = None
    if genre and _GENRE_IS_ISSUE.match(genre) and "issue" not in fields:
        fields["issue"] = [genre]  # "№ 3" read as a genre
        genre = None
    elif genre and "issue" not in fields and (m := _GENRE_NUMBER.match(genre)):
        # "Working Paper No. 2017-04": the kind of report and its number
        genre, fields["issue"] = m.group(1), [m.group(2)]
    if publisher:
        m = _GENRE_TAIL.search(publisher)
        if m:
            genre = genre or m.group(1)
            publisher = publisher[: m.start()].strip() or publisher
    location = clean_field(_strip_access(" ".join(fields.get("location", [])))) or None
    if book_marks and container and publisher and not location and len(container) <= 20:
        location, container = container, None  # 『港湾都市の歴史』. 東京: 岩波書店.
    event = _first(fields, "event")
    if event:
        event = clean_field(_EVENT_LEAD.sub("", clean_field(event))) or None

    # date: the date segment first; else a year outside the title anywhere in the entry
    # (a date tagged right after "accessed" is the access date, not the issued one)
    date_segs = [
        d
        for k, d in enumerate(segs)
        if d.label == "date"
        and not (k > 0 and _ACCESS_TAIL.search(segs[k - 1].text))
        and not _ACCESS_LEAD.match(d.text)
    ]
    # "Title [1963]. ... 2008.": the bracketed original date gives way to the edition's
    date_segs.sort(key=lambda d: bool(_BRACKETED_YEAR.match(d.text)))
    dinfo = DateInfo()
    date_text = ""
    for d in date_segs:
        # "2023 [cited 2024 Feb 2]": the access date after the year is not the work's
        dinfo = parse_date(_ACCESS_REST.sub("", d.text) if len(d.text) > 10 else d.text)
        if dinfo.year is not None or dinfo.no_date:
            date_text = d.text
            if dinfo.month is None and len(date_segs) > 1:
                dinfo = _day_and_month_elsewhere(dinfo, [e.text for e in date_segs if e is not d])
            break
    if dinfo.year is None and not dinfo.no_date:
        outside = " ; ".join(
            s.text
            for s in segs
            if s.label not in {"title", "container-title", "url", "doi", "accessed"}
        )
        outside = _ACCESS_REST.sub("", outside)
        dinfo = parse_date(outside)
    trailing = None
    if date_text:
        # "2013, 5": a bare number after the year (the page count of a book)
        m = _YEAR_THEN_COUNT.search(date_text.strip())
        if m:
            trailing = m.group(1)

    volume = clean_field(_first(fields, "volume") or "") or None
    issue = clean_field(_first(fields, "issue") or "") or None
    if volume and _ISSUE_LEAD.match(volume) and not issue:
        # "no. 4" is an issue; "n° 54, vol. 1" holds the volume too
        volume, issue = parse_volume_issue(volume)
    elif volume and (m := _VOLUME_DOT_ISSUE.fullmatch(volume)):
        volume, issue = m.group(1), issue or m.group(2)  # MLA's "16.2": volume 16, issue 2
    elif (
        volume
        and not volume.isdigit()
        and not (_WHOLE_VOLUME.fullmatch(volume) and not _VOL_MARK.match(volume))
    ):
        v, i2 = parse_volume_issue(volume)
        if v is None and i2:
            volume, issue = None, issue or i2  # the "volume" was only an issue ("n° 352")
        else:
            volume, issue = v or volume, issue or i2
    if issue and not issue.isdigit():
        issue = parse_volume_issue(issue if _ISSUE_LEAD.match(issue) else "no. " + issue)[1]
    if volume and not any(c.isdigit() for c in volume) and not _ROMAN.fullmatch(volume):
        volume = None  # a bare "no." or "vol." whose number was tagged separately

    pages_text = " ".join(fields.get("pages", []))
    pages = normalize_pages(pages_text) if pages_text else None
    number_of_pages = None
    if pages and "-" not in pages and not container:
        number_of_pages, pages = pages, None  # "..., 2012, 255": a book's page count
    if trailing and not pages and not number_of_pages:
        number_of_pages = trailing

    edition = parse_edition(" ".join(fields.get("edition", []))) if "edition" in fields else None
    if edition is None and "note" in fields:
        # "fourth edition," tagged as a note: an explicit edition phrase is unambiguous
        for k, n in enumerate(fields["note"]):
            m = _EDITION_PHRASE.search(n)
            if m:
                edition = parse_edition(m.group(0))
                fields["note"][k] = n[: m.start()] + n[m.end() :]
                break
    if (
        volume is None
        and issue is None
        and _has(low, ("vol", "no", "issue"))
        and _VOL_OR_NO.search(text)
    ):
        # explicit "vol. 28, no. 4" in the text, whatever the tagger made of it
        v, i2 = parse_volume_issue(" ".join(m.group(0) for m in _VOL_OR_NO.finditer(text)))
        volume, issue = v, i2
    doi = (find_doi(" ".join(fields["doi"])) if "doi" in fields else None) or (
        find_doi(text) if "10." in text else None
    )
    url = (find_url(" ".join(fields["url"])) if "url" in fields else None) or (
        find_url(text) if ("http" in low or "www." in low or "ftp:" in low) else None
    )
    accessed = None
    if "accessed" in fields or _has(low, _ACCESS_KEYS):
        accessed = parse_accessed(" ".join(fields.get("accessed", [])) or text) or parse_accessed(
            text
        )
    if accessed is None and (m := _GBT_CITED.search(date_text)):
        accessed = m.group(1)  # GB/T 7714: "(2019-05-01)[2020-01-02]", the date it was cited
    note = clean_field(" ".join(fields.get("note", []))) or None
    if note and _BOILERPLATE.fullmatch(note):
        note = None
    if location and _BOILERPLATE.fullmatch(location):
        location = None
    if publisher and _BOILERPLATE.fullmatch(publisher):
        publisher = None
    if note and accessed and _ACCESS_IN_NOTE.search(note):
        note = _ACCESS_IN_NOTE.sub("", note).strip(" .,:") or None
        if note and _BOILERPLATE.fullmatch(note):
            note = None  # "[cited 2024 Jan 10]. Available from:" once the date is taken
    if note and _BOILERPLATE_TAIL.search(note):
        note = _BOILERPLATE_TAIL.sub("", note) or None
    if note and not pages and (m := _ARTICLE_NUMBER_NOTE.search(note)):
        # Cochrane's "Issue 6. Art. No.: CD009257.": the article number is where a page would be
        pages = m.group(1).rstrip(".")
        note = note[: m.start()] + note[m.end() :]
        if issue and (i := _ISSUE_IN_NOTE.search(note)) and i.group(1) == issue:
            note = note[: i.start()] + note[i.end() :]
        note = note.strip(" .,;:") or None
    status = next(filter(None, map(parse_status, fields.get("status", []))), None)
    if note and not status and (status := parse_status(note)):
        note = None
    if dinfo.no_date and not status and (m := _NOT_OUT_YET.search(date_text)):
        status = " ".join(m.group(0).lower().split())  # "Forthcoming." or "(in press)" as the date

    fields_kw: dict[str, object] = dict(
        id=id,
        raw=raw,
        span=span or Span(0, len(raw)),
        label=label,
        number=number,
        authors=authors,
        more_authors=bool(names and names.et_al),
        editors=editors,
        translators=translators,
        title=title or None,
        container_title=container or None,
        collection_title=clean_field(collection) if collection else None,
        publisher=publisher,
        location=location,
        event=event,
        year=dinfo.year,
        year_suffix=dinfo.suffix,
        date=dinfo.iso if dinfo.month else None,
        volume=volume,
        issue=issue,
        pages=pages,
        edition=edition,
        version=version,
        genre=genre,
        url=url,
        doi=doi,
        accessed=accessed,
        note=note,
        status=status,
        number_of_pages=number_of_pages,
        segments=segs,
    )
    # type and confidence are judged on the fields before the (single) construction
    if gbt_type in ("book", "thesis", "report") and fields_kw["container_title"]:
        m = _PLACE_PUBLISHER.match(str(fields_kw["container_title"]))
        if m and not (fields_kw["publisher"] or fields_kw["location"]):
            fields_kw["location"], fields_kw["publisher"] = m.group(1), m.group(2)
            fields_kw["container_title"] = None
    view = SimpleNamespace(**fields_kw)
    fields_kw["type"] = gbt_type or guess_type(view, text)  # type: ignore[arg-type]
    if (
        fields_kw["type"] in ("software", "dataset")
        and fields_kw["container_title"]
        and not (fields_kw["publisher"] or fields_kw["volume"] or fields_kw["pages"])
    ):
        # "[Data set]. Zenodo." and "[Computer software]. GitHub.": the host publishes it
        fields_kw["publisher"], fields_kw["container_title"] = fields_kw["container_title"], None
    fields_kw["confidence"] = _confidence(text, segs, view)  # type: ignore[arg-type]
    ref = Reference(**fields_kw)  # type: ignore[arg-type]
    return ref


_IDENTIFIER_NOTE = re.compile(
    r"(?i)\barxiv\b|\b(?:hep|astro-ph|gr-qc|math|cond-mat|quant-ph)[-./]|\bdoi\b|\bisbn\b|\bpmid\b"
)


def _confidence(text: str, segs: Sequence[Segment], ref: Reference) -> float:
    """A rough 0..1 score: 1 for a reference with names, a title and a year."""
    if not text.strip():
        return 0.0
    covered = sum(
        s.end - s.start for s in segs if s.label != "note" or _IDENTIFIER_NOTE.search(s.text)
    )
    coverage = covered / max(1, len(text.strip()))
    score = min(1.0, coverage + 0.1)
    if not ref.title:
        # physics and Vancouver lists often cite an article by its journal alone:
        # "Phys. Rev. 47, 777 (1935)" is whole without a title
        journal = ref.container_title and (ref.volume or ref.pages)
        score -= 0.1 if journal else 0.4
    if not ref.authors and not ref.editors:
        score -= 0.15
    if ref.year is None:
        score -= 0.1
    if len(text.split()) < 3:
        score -= 0.4
    return max(0.0, round(score, 2))
