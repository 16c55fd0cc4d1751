"""Find in-text citations in prose: author-year and numeric forms, with spans.

``find_citations(text)`` returns one :class:`~citekit.model.Citation` per cited
item: "(Nye Jr, 2004; Armitage and Nye Jr, 2007)" gives two, "(Smith 2001,
2003)" gives two (the second inherits the names), "[3-5, 9]" gives four.

How it works, and why it cannot backtrack badly: every bracketed group is cut
out with plain string scanning, tokenized once with a single regex made of
simple alternatives, and read by a small hand-written state machine.  Names are
collected *backwards* from each year token, so a run of capitalised words that
is not followed by a year is simply never used, and a rejected candidate cannot
swallow a later citation ("... network and Toran (2017)" yields only "Toran").
Narrative citations ("Smith and Jones (2019)", "Nye's (2004)") are a group that
starts with a year, with the names read backwards from the bracket.

Key citations (``\\cite{}``, ``[@key]``) live in ``citekit.latex`` and
``citekit.pandoc``.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from citekit.model import Citation, Span
from citekit.names import PARTICLES, ascii_fold

# A group longer than this is not a citation group (and is not scanned).
_MAX_GROUP = 1500
# How far back from "(" a narrative citation may start.
_NARRATIVE_LOOKBACK = 160

_LETTER = r"[^\W\d_]"
_YEAR = r"(?:1[5-9]\d\d|20\d\d)"
# "n.d." and what stands for it: Spanish "s.f.", Portuguese "s.d."/"s/d", German "o. J.",
# and works not out yet.  Spaces are escaped: the pattern also serves a verbose regex.
_NO_DATE = (
    r"n\.\s?d\.|s\.\s?d\.|s/d|s\.\s?f\.|o\.\s?J\.|no\ date|sin\ fecha|sem\ data"
    r"|in\ press|in\ review|in\ preparation|forthcoming|no\ prelo|en\ prensa"
)

# One token per match; each alternative is a simple run, so matching is linear.
_TOKEN_RE = re.compile(
    rf"""
    (?P<nd>\b(?:{_NO_DATE})(?!\w))
  | (?P<etal>(?:(?<![\w*])[*_]{{1,2}}|\b)et\ al(?:\.|ii\b|\b)[*_]{{0,2}}|\be\ col(?:s?)\.|\bet\ alli\b|\band\ (?:colleagues|co-?workers)\b
      |\bu\.\s?a\.(?!\w)|\bи\ др\.)
  | (?P<year>(?<![\d/])(?<!\d[.,])\b{_YEAR}(?:[a-z](?![a-z]))?(?![\d]|\s?[–—-]\s?\d|[.,]\d|/\d))
  | (?P<num>\d+(?:[.,]\d+)*)
  | (?P<word>{_LETTER}+(?:['’`\-]{_LETTER}+)*\.?)
  | (?P<dash>[–—-])
  | (?P<punct>[,;:&])
  | (?P<other>\S)
    """,
    re.VERBOSE,
)

# Words joining author names ("Smith and Jones", "Silva e Souza").  Any other
# lower-case word ends a backward name run, so lead-ins ("see", "reviewed in",
# "apud") are never read as names.
_CONNECTORS = frozenset({"and", "&", "e", "y", "und", "et", "with", "og", "och", "ve", "és"})
# Lower-case words inside corporate names: "National Center for Biotechnology Information".
_CORPORATE_INNER = frozenset({"of", "for", "on", "de", "do", "da", "des", "für"})
_SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv", "junior", "filho", "neto"})
# Capitalised words that begin a sentence or a group but are never names.
_STOP_CAPS = frozenset(
    [
        "see",
        "under",
        "over",
        "through",
        "within",
        "without",
        "despite",
        "unlike",
        "like",
        "upon",
        "via",
        "regarding",
        "cf",
        "cf.",
        "also",
        "e.g.",
        "eg",
        "i.e.",
        "ie",
        "in",
        "for",
        "as",
        "according",
        "reviewed",
        "compare",
        "but",
        "and",
        "or",
        "the",
        "a",
        "an",
        "this",
        "that",
        "these",
        "those",
        "our",
        "we",
        "his",
        "her",
        "their",
        "it",
        "its",
        "by",
        "from",
        "with",
        "after",
        "before",
        "since",
        "during",
        "figure",
        "fig",
        "fig.",
        "table",
        "tab",
        "eq",
        "section",
        "chapter",
        "box",
        "appendix",
        "supplementary",
        "supplemental",
        "video",
        "data",
        "source",
        "sources",
        "note",
        "notes",
        "ver",
        "veja",
        "apud",
        "por",
        "segundo",
        "conforme",
        "em",
        "no",
        "na",
        "para",
        "sobre",
        "como",
        "ver,",
        "vide",
        # German, French and Spanish lead-ins: "laut Müller (2014)", "selon Dupont (2010)"
        "laut",
        "vgl",
        "vgl.",
        "siehe",
        "selon",
        "voir",
        "según",
        "véase",
        "also,",
        "while",
        "when",
        "where",
        "although",
        "however",
        "thus",
        "hence",
        "here",
        "there",
        "thereafter",
        "between",
        "among",
        "following",
        "whereas",
        "since",
        "until",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "en",
        "el",
        "los",
        "las",
        "del",
        "según",
        "con",
        "ver",
        "indeed",
        "moreover",
        "furthermore",
        "therefore",
        "similarly",
        "recently",
        "finally",
        "first",
        "second",
        "third",
        "notably",
        "interestingly",
        "importantly",
        "additionally",
        "consequently",
        "instead",
        "specifically",
        "previously",
        "together",
        "likewise",
        "nevertheless",
        "nonetheless",
        "yet",
        "still",
        "thereby",
        "accordingly",
        "conversely",
        "alternatively",
        "overall",
        "again",
        "originally",
        "later",
        "early",
    ]
)
_NUMERIC_GROUP_RE = re.compile(
    r"\s*\d{1,4}(?:\s*[-–—]\s*\d{1,4})?(?:\s*[,;]\s*\d{1,4}(?:\s*[-–—]\s*\d{1,4})?)*\s*"
)
_NUMERIC_ITEM_RE = re.compile(r"(\d{1,4})(?:\s*[-–—]\s*(\d{1,4}))?")
_HAS_YEARISH = re.compile(rf"{_YEAR}|{_NO_DATE}")
# Words that may follow a cited year inside a group: "(see Hone, 2012 for a review)".
_AFTER_YEAR = frozenset(
    [
        "for",
        "and",
        "adapted",
        "modified",
        "apud",
        "cited",
        "quoted",
        "as",
        "with",
        "among",
        "updated",
        "or",
        "in",
        "e",
        "y",
        "et",
        "who",
        "which",
        "see",
        "also",
    ]
)
# Personal communications are not references.
_PERS_COMM_RE = re.compile(r"pers(?:\.|onal)\s*comm|comunica[çc][ãa]o pessoal", re.IGNORECASE)
# A book's imprint in a note or a Chicago reference: "(Lagos: Lagos University Press, 2016)".
_IMPRINT_PLACE_RE = re.compile(r"[A-Z][\w.'’ -]{1,40}:\s*$")
_PUBLISHER_WORD_RE = re.compile(
    r"\b(?:Press|UP|Publishers?|Publishing|Books|Verlag|[EÉ]ditions|Editora|Editorial|Edizioni)\b"
)
# Bare narrative "Khodak et al., 2018" outside brackets.
_BARE_ETAL_RE = re.compile(rf"\bet al\.?,?\s({_YEAR}[a-z]?)\b(?![\d–-])")
_MAX_RANGE = 200


class _Tok(NamedTuple):
    """One token of a group (a tuple: tokens are made by the thousand)."""

    kind: str
    text: str
    start: int
    end: int

    @property
    def low(self) -> str:
        return self.text.lower()


# "followingOstrom": a lead-in glued to a name, as text extracted from markup often is.
_GLUED_RE = re.compile(r"([a-zà-ÿ]{2,})([A-ZÀ-Þ][^\W\d_]+.*)")


def _tokenize(text: str, base: int) -> list[_Tok]:
    out: list[_Tok] = []
    for m in _TOKEN_RE.finditer(text):
        kind = m.lastgroup or "other"
        a, b = base + m.start(), base + m.end()
        if kind == "word" and m.group()[0].islower():
            g = _GLUED_RE.fullmatch(m.group())
            if g is not None:
                cut = a + len(g.group(1))
                out.append(_Tok("word", g.group(1), a, cut))
                out.append(_Tok("word", g.group(2), cut, b))
                continue
        out.append(_Tok(kind, m.group(), a, b))
    return out


# Scripts without capitals: a short word of them may be a name ("山田", "김"); a long run
# is a clause, since Chinese and Japanese prose has no spaces.
_UNCASED_NAME = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]{1,4}")


def _is_name_word(tok: _Tok) -> bool:
    if tok.kind != "word":
        return False
    if tok.text[0].isupper() or _UNCASED_NAME.fullmatch(tok.text):
        return True
    # "McFall-Ngai" is capitalised; particles and "d'Alembert" are lower-case.
    low = tok.low
    return (
        low in PARTICLES
        or low in _SUFFIXES
        or (len(tok.text) > 2 and tok.text[1] in "'’" and tok.text[2:3].isupper())
    )


@dataclass(slots=True)
class _NameRun:
    names: list[tuple[int, int]]  # (start, end) offsets of each name, in text order
    start: int
    et_al: bool


def _clean_name(raw: str) -> str:
    raw = raw.strip().rstrip(",")
    for poss in ("'s", "’s", "'", "’"):
        if raw.endswith(poss) and len(raw) > len(poss) + 1:
            raw = raw[: -len(poss)]
            break
    return raw


def _read_names_backwards(toks: list[_Tok], i: int, narrative: bool = False) -> _NameRun | None:
    """Read author names ending at token ``i`` (inclusive), going backwards.

    Accepts ``Name``, ``Name et al.``, ``A and B``, ``A, B and C``, ``A & B``,
    ``A, B`` and multi-word names ("van der Berg", "World Bank", "Nye Jr").
    Stops at anything else; returns None when no name was found.  In running
    text (``narrative``) a comma joins names only inside a list that ends with
    "and"/"&" ("Brandt, Jansen & Carbonari"), so "In Europe, Smith (2019)"
    gives only Smith.
    """
    seen_and = False
    et_al = False
    j = i
    if j >= 0 and toks[j].kind == "etal":
        et_al = True
        j -= 1
        if j >= 0 and toks[j].text == ",":
            j -= 1
    names: list[tuple[int, int]] = []
    while j >= 0:
        # one name: a run of name words (multi-word names, particles, suffixes)
        end_j = j
        while j >= 0 and (
            (_is_name_word(toks[j]) and (j == end_j or not _POSSESSIVE_RE.search(toks[j].text)))
            or (
                toks[j].low in _CORPORATE_INNER
                and j > 0
                and j < end_j
                and _is_name_word(toks[j - 1])
                and toks[j - 1].text[0].isupper()
            )
        ):
            j -= 1
        if j == end_j:
            break
        start_j = j + 1
        # strip leading stop words ("See Smith", "In Smith", "According Smith")
        while start_j <= end_j and toks[start_j].text.rstrip(",").lower() in _STOP_CAPS:
            if start_j == end_j and et_al and not names:
                break  # "An et al. 2011": a short family name, not the article
            start_j += 1
        # strip leading lower-case particles without a capitalised follower
        while (
            start_j <= end_j
            and not toks[start_j].text[0].isupper()
            and not _UNCASED_NAME.fullmatch(toks[start_j].text)
            and start_j == end_j
        ):
            start_j += 1
        if start_j > end_j:
            break
        # a leading suffix ("Jr") alone is no name
        if all(
            toks[k].low.rstrip(".") in _SUFFIXES - {"filho", "neto"}
            for k in range(start_j, end_j + 1)
        ):
            break
        names.append((toks[start_j].start, toks[end_j].end))
        if start_j != j + 1:
            break  # a stop word ended the run
        # a connector before this name continues the list
        if j >= 0 and toks[j].kind == "punct" and toks[j].text in ",&":
            if toks[j].text == "&":
                seen_and = True
            elif narrative and not seen_and:
                break
            k = j - 1
            if (
                toks[j].text == ","
                and k >= 0
                and toks[k].kind == "word"
                and toks[k].low in _CONNECTORS
            ):
                k -= 1  # Oxford comma ", and"
            elif toks[j].text == "&" and k >= 0 and toks[k].text == ",":
                k -= 1  # APA ", &"
            if k >= 0 and _is_name_word(toks[k]):
                j = k
                continue
            break
        if j >= 1 and toks[j].text in ("/", "・") and _is_name_word(toks[j - 1]):
            seen_and = True  # German "Brandt/Weber (2019)", Japanese "佐藤・鈴木"
            j -= 1
            continue
        if j >= 0 and toks[j].kind == "word" and toks[j].low in _CONNECTORS:
            seen_and = True
            k = j - 1
            if k >= 0 and toks[k].text == ",":
                k -= 1
            if k >= 0 and _is_name_word(toks[k]):
                j = k
                continue
            break
        break
    if not names:
        return None
    names.reverse()
    return _NameRun(names, names[0][0], et_al)


_LOC_WORD_RE = re.compile(
    r"(?:p|pp|s|pag|pág|page|pages|para|par|ch|chap|cap|fig|sec|vol|no|n|§|loc|cit)\.?",
    re.IGNORECASE,
)
_ROMAN_RE = re.compile(r"[ivxlcdm]+")


_FOLLOWING_PAGES = frozenset({"f.", "ff.", "f", "ff", "sq.", "sqq."})


def _locator(text: str, toks: list[_Tok], i: int) -> tuple[str | None, int]:
    """A locator after the year at token ``i``: ": 255", ", p. 12", ", pp. 3-5".

    Returns (locator text, index of its last token) or (None, i).
    """
    n = len(toks)
    j = i + 1
    if j >= n or toks[j].text not in (",", ":"):
        return None, i
    k = j + 1
    word = False
    if k < n and toks[k].kind == "word" and _LOC_WORD_RE.fullmatch(toks[k].text):
        word = True
        k += 1
    if k >= n:
        return None, i
    t = toks[k]
    ok = (
        t.kind == "num"
        or (t.kind == "year" and (word or toks[j].text == ":"))
        or (word and t.kind == "word" and _ROMAN_RE.fullmatch(t.low) is not None)
    )
    if not ok:
        return None, i
    last = k
    # ranges and lists of pages: "3-5", "3–5, 9"
    while last + 2 < n and toks[last + 1].kind == "dash" and toks[last + 2].kind in ("num", "year"):
        last += 2
    while last + 2 < n and toks[last + 1].text == "," and toks[last + 2].kind == "num":
        last += 2
    if last + 1 < n and toks[last + 1].low in _FOLLOWING_PAGES:
        last += 1  # German "45 f.", "45 ff.", Latin "45 sq."
    elif last + 2 < n and toks[last + 1].low in ("n", "n.", "nn.") and toks[last + 2].kind == "num":
        last += 2  # Chicago's note on a page: "12n4", "45 n. 12"
    return text[toks[j + 1].start : toks[last].end], last


def _year_value(tok: _Tok) -> tuple[int | None, str, bool]:
    if tok.kind == "nd":
        return None, "", True
    text = tok.text
    if text[-1].isalpha():
        return int(text[:-1]), text[-1], False
    return int(text), "", False


def _parse_group(
    text: str,
    open_i: int,
    close_i: int,
    out: list[Citation],
) -> None:
    """Read one bracketed group (content between ``open_i`` and ``close_i``)."""
    content = text[open_i + 1 : close_i]
    toks = _tokenize(content, open_i + 1)
    if not toks:
        return
    group = Span(open_i, close_i + 1)
    n = len(toks)
    # "SILVA" in "(SILVA; SOUZA, 2010)": a year-less, names-only segment joins the next.
    pending: list[tuple[int, int]] = []
    pending_start: int | None = None
    prev: Citation | None = None  # the previous item, for "2001, 2003" and "2019a, b"
    seg_start = 0
    narrative_names: _NameRun | None = None
    if toks[0].kind in ("year", "nd"):
        narrative_names = _narrative_names(text, open_i)
        if narrative_names is None:
            return  # "(2010)" with nothing citable before it
        a, b = narrative_names.names[-1]
        if _INITIAL_END_RE.search(text, a, b):
            return  # "Brock, Aaron Z. (2022) ...": a reference written out, not a citation
    i = 0
    bracket = 0  # depth of "[...]" inside the group
    while i < n:
        tok = toks[i]
        if tok.text == "[":
            bracket += 1
        elif tok.text == "]":
            bracket = max(0, bracket - 1)
        if tok.kind == "punct" and tok.text == ";":
            seg = toks[seg_start:i]
            # "cf. BRAIT; PISTORI, 2012": a lead-in may open the first name-only segment
            lead = 0
            while lead < len(seg) and (
                (
                    seg[lead].kind == "word"
                    and seg[lead].text[0].islower()
                    and seg[lead].low not in PARTICLES
                )
                or seg[lead].text in (".", ":")
            ):
                lead += 1
            seg = seg[lead:]
            if (
                seg
                and all(
                    _is_name_word(t)
                    or t.text in ",&"
                    or (t.kind == "word" and t.low in _CONNECTORS)
                    for t in seg
                )
                and not any(t.kind in ("year", "nd") for t in seg)
            ):
                run = _read_names_backwards(toks, i - 1)
                if run is not None and run.start == seg[0].start:
                    pending.extend(run.names)
                    pending_start = run.start if pending_start is None else pending_start
            else:
                pending, pending_start = [], None
            seg_start = i + 1
            i += 1
            continue
        if tok.kind in ("year", "nd"):
            year, ysuf, nd = _year_value(tok)
            # what stands right after the year: end, ",", ";", ":" locator
            loc, last = _locator(text, toks, i)
            nxt = toks[last + 1] if last + 1 < n else None
            if nxt is not None and not (
                nxt.kind in ("punct", "other", "year", "nd")
                or (nxt.kind == "word" and nxt.low in _AFTER_YEAR)
                or (nxt.kind == "word" and _after_et_al(toks, i))
            ):
                # "2019 showed": a year in running text, not a citation
                prev = None
                i = last + 1
                continue
            if bracket > 0:
                i += 1  # "1988 [1975]": the original date, not a second citation
                continue
            # names before the year
            k = i - 1
            if k >= 0 and toks[k].text == ",":
                k -= 1
            # "Instituto Nacional de Estudos [Inep], 2024": APA's abbreviation for later citations
            if (
                k >= seg_start + 3
                and toks[k].text in "])"
                and toks[k - 2].text in "[("
                and toks[k - 1].kind == "word"
                and toks[k - 1].text[:1].isupper()
            ):
                k -= 3
            # "DIÓGENES LAERCIO, VI 40, 2010": book and section of a classical text
            k = _skip_classical(toks, k, seg_start)
            # "LA DAIA..., 2018": a shortened title ends with an ellipsis
            dots = 0
            while k >= 0 and toks[k].text in ("…", ".") and dots < 3:
                k -= 1
                dots += 1
            run = _read_names_backwards(toks, k) if k >= seg_start else None
            if run is not None and run.start < toks[seg_start].start:
                run = None
            start = tok.start
            determiner: str | None = None
            names: tuple[str, ...]
            et_al = False
            narrative = False
            if run is not None:
                name_spans = pending + run.names
                names = tuple(_clean_name(text[a:b]) for a, b in name_spans)
                et_al = run.et_al
                start = pending_start if pending and pending_start is not None else run.start
                pending, pending_start = [], None
            elif i == 0 and narrative_names is not None:
                names = tuple(_clean_name(text[a:b]) for a, b in narrative_names.names)
                et_al = narrative_names.et_al
                start = narrative_names.start
                narrative = True
                determiner = _determiner_before(text, start)
            elif prev is not None and _continues(toks, i, prev):
                names, et_al, narrative = prev.names, prev.et_al, prev.narrative
            else:
                prev = None
                i = last + 1
                continue
            end = toks[last].end
            if narrative and i == 0 and nxt is None:
                end = close_i + 1  # "Smith (2019)": the span ends with the bracket
            if run is not None and (
                _PERS_COMM_RE.search(text, toks[seg_start].start, start)
                or (
                    _IMPRINT_PLACE_RE.fullmatch(text, toks[seg_start].start, start)
                    and _PUBLISHER_WORD_RE.search(text, start, toks[last].start)
                )
            ):
                prev = None
                i = last + 1
                continue
            cit = Citation(
                kind="author-year",
                text=text[start:end],
                span=Span(start, end),
                group=group,
                names=names,
                et_al=et_al,
                year=year,
                year_suffix=ysuf,
                no_date=nd,
                locator=loc,
                narrative=narrative,
                prefix=(
                    _prefix(text, toks, seg_start, start, prev)
                    if run is not None
                    else (determiner if narrative and i == 0 else None)
                ),
                suffix=_original_date(toks, last),
            )
            out.append(cit)
            prev = cit
            i = last + 1
            # "2019a, b": bare suffix letters continue the same year
            while (
                i + 1 < n
                and ysuf
                and toks[i].text == ","
                and toks[i + 1].kind == "word"
                and len(toks[i + 1].text) == 1
                and toks[i + 1].text.islower()
            ):
                t = toks[i + 1]
                cit = Citation(
                    kind="author-year",
                    text=t.text,
                    span=Span(t.start, t.end),
                    group=group,
                    names=prev.names,
                    et_al=prev.et_al,
                    year=year,
                    year_suffix=t.text,
                    narrative=narrative,
                )
                out.append(cit)
                i += 2
            continue
        i += 1


def _skip_classical(toks: list[_Tok], k: int, seg_start: int) -> int:
    """Skip "VI 40," / "VII 187," before a year; return the index before them (or ``k``)."""
    j = k
    roman = False
    while j >= seg_start and (
        toks[j].kind == "num"
        or toks[j].text in (",", ".")
        or toks[j].kind == "dash"
        or (
            toks[j].kind == "word"
            and _ROMAN_RE.fullmatch(toks[j].low) is not None
            and toks[j].text.isupper()
        )
    ):
        roman = roman or toks[j].kind == "word"
        j -= 1
    if not roman or j < seg_start or not _is_name_word(toks[j]):
        return k
    return j


def _after_et_al(toks: list[_Tok], i: int) -> bool:
    """ "Holman et al., 2022 being one exception": "et al." marks a citation on its own."""
    k = i - 1
    if k >= 0 and toks[k].text == ",":
        k -= 1
    return k >= 0 and toks[k].kind == "etal"


def _continues(toks: list[_Tok], i: int, prev: Citation) -> bool:
    """True when the year at ``i`` follows the previous item with only "," ";" "and"
    (or a bracketed original date, "2011 [1954-1961],") between."""
    k = i - 1
    depth = 0
    while k >= 0 and toks[k].end > prev.span.end:
        t = toks[k]
        if t.text == "]":
            depth += 1
        elif t.text == "[":
            depth -= 1
        elif depth == 0 and not (t.text in ",;&" or (t.kind == "word" and t.low in _CONNECTORS)):
            return False
        k -= 1
    return depth == 0


def _original_date(toks: list[_Tok], last: int) -> str | None:
    """The "[1963]" of "2008 [1963]": an original publication date after the cited year."""
    n = len(toks)
    if last + 2 < n and toks[last + 1].text == "[" and toks[last + 2].kind in ("year", "num"):
        return toks[last + 2].text
    return None


def _prefix(
    text: str, toks: list[_Tok], seg_start: int, start: int, prev: Citation | None
) -> str | None:
    """Lead-in words before an item: "see", "e.g.", "reviewed in"."""
    if seg_start >= len(toks):
        return None
    a = toks[seg_start].start
    if prev is not None and prev.span.end > a:
        a = prev.span.end
    if a >= start:
        return None
    pre = text[a:start].strip(" \t\n,;").strip()
    return pre or None


_INITIAL_END_RE = re.compile(r"(?:^|\s)[A-Z]\.$")
_POSSESSIVE_RE = re.compile(r"['’]s$")
_DETERMINER_RE = re.compile(
    r"\b(the|a|an|this|that|these|those|his|her|their|its|our|my|your)\s+$|['’]s\s+$", re.IGNORECASE
)
# Determiners before a narrative "name (year)" that suggest a title or a thing,
# not an author: "the Treaty of Lisbon (2007)", "Keohane's After Hegemony (1984)".
WEAK_NARRATIVE_PREFIXES = frozenset(
    [
        "the",
        "a",
        "an",
        "this",
        "that",
        "these",
        "those",
        "his",
        "her",
        "their",
        "its",
        "our",
        "my",
        "your",
        "'s",
    ]
)


def _determiner_before(text: str, start: int) -> str | None:
    m = _DETERMINER_RE.search(text, max(0, start - 12), start)
    if m is None:
        return None
    return (m.group(1) or "'s").lower()


_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n|\n[ \t]*(?:#|[-*+]\s|\d{1,3}[.)]\s)")


_ROLE_BEFORE_RE = re.compile(
    r"\((?:eds?|hrsg|hg|orgs?|coords?|dirs?|comps?)\.?\)\s*$", re.IGNORECASE
)


def _narrative_names(text: str, open_i: int) -> _NameRun | None:
    """Names standing right before a "(" that opens with a year: "Nye's (2004)",
    also with the editors' role between: "Moreau (Hrsg.) (2017)", "Ortega (Ed.) (2019)"."""
    role = _ROLE_BEFORE_RE.search(text, max(0, open_i - 12), open_i)
    if role:
        open_i = role.start()
    lo = max(0, open_i - _NARRATIVE_LOOKBACK)
    # do not reach back over a paragraph break or a closing bracket; a single
    # line break is hard-wrapped prose ("Lindqvist and Quispe\n(2011) give")
    cut = max(text.rfind(")", lo, open_i), text.rfind("]", lo, open_i))
    for m in _PARAGRAPH_BREAK.finditer(text, lo, open_i):
        cut = max(cut, m.end() - 1)
    if cut != -1:
        lo = cut + 1
    toks = _tokenize(text[lo:open_i], lo)
    if not toks:
        return None
    last_i = len(toks) - 1
    if toks[last_i].text in ("'", "’") and last_i > 0:
        last_i -= 1  # "Andraos’ (2005)"
    if toks[last_i].text == "," and last_i > 0 and toks[last_i - 1].kind == "etal":
        last_i -= 1  # "Woltman et al., (2012)"
    last = toks[last_i]
    if last.end < open_i and text[last.end : open_i].strip(" ,\t\n'’"):
        return None
    return _read_names_backwards(toks, last_i, narrative=True)


def _numeric(text: str, open_i: int, close_i: int, out: list[Citation]) -> None:
    content = text[open_i + 1 : close_i]
    items = list(_NUMERIC_ITEM_RE.finditer(content))
    if any(int(m.group(1)) >= 1000 for m in items):
        return  # "[1998]", "[1954-1961]": years, not list numbers
    group = Span(open_i, close_i + 1)
    base = open_i + 1
    for m in items:
        a = int(m.group(1))
        b = int(m.group(2)) if m.group(2) else a
        if a == 0 or b < a or b - a > _MAX_RANGE:
            continue
        span = Span(base + m.start(), base + m.end())
        for number in range(a, b + 1):
            out.append(
                Citation(
                    kind="numeric",
                    text=m.group(),
                    span=span,
                    group=group,
                    number=number,
                )
            )


# "(1,2)", "(3–5)": numbers in parentheses, as Vancouver lists are often cited.
_PAREN_NUMERIC_RE = re.compile(
    r"\((\s*\d{1,3}(?:\s*[-–—]\s*\d{1,3})?(?:\s*[,;]\s*\d{1,3}(?:\s*[-–—]\s*\d{1,3})?)*\s*)\)"
)
# Words before "(3)" that make it a figure, an equation, a step or a list item.
_PAREN_NUMBER_OWNERS = frozenset(
    [
        "eq",
        "eqs",
        "equation",
        "equations",
        "fig",
        "figs",
        "figure",
        "figures",
        "table",
        "tables",
        "step",
        "steps",
        "section",
        "sections",
        "chapter",
        "chapters",
        "appendix",
        "item",
        "items",
        "no",
        "number",
        "page",
        "pages",
        "p",
        "pp",
        "version",
        "line",
        "lines",
        "phase",
        "stage",
        "case",
        "cases",
        "condition",
        "conditions",
        "rule",
        "rules",
        "type",
        "types",
        "group",
        "groups",
        "article",
        "art",
        "paragraph",
        "para",
        "hypothesis",
        "hypotheses",
        "model",
        "models",
        "formula",
        "theorem",
        "lemma",
        "scheme",
        "and",
        "or",
    ]
)


def find_paren_numeric_citations(text: str, taken: Sequence[Span] = ()) -> list[Citation]:
    """Numeric citations in parentheses ("(1,2)", "(3–5)"), outside ``taken``.

    Only for a document whose list is numbered and which cites nothing in
    brackets (``citekit.check`` decides): a parenthesised number is just as
    often an enumeration, so "(1) collect, (2) clean" is left alone (a number
    after ":", ",", ";", "and", "or" or a line start and before a word), and
    so are "Figure (3)", "equation (2)" and a number inside a word.
    """
    inside = _inside(sorted(taken, key=lambda s: s.start))
    out: list[Citation] = []
    for m in _PAREN_NUMERIC_RE.finditer(text):
        i, j = m.start(), m.end()
        if inside(i) or (i > 0 and (text[i - 1].isalnum() or text[i - 1] in "([")):
            continue
        line_before = text[max(0, i - 40) : i].rsplit("\n", 1)
        before = line_before[-1].rstrip()
        starts_a_word = text[j : j + 3].lstrip()[:1].isalpha()
        word = re.search(r"([^\W\d_]+)\.?$", before)
        owner = word.group(1).lower() if word else ""
        if owner in _PAREN_NUMBER_OWNERS and (owner not in ("and", "or") or starts_a_word):
            continue
        if starts_a_word and (not before or before[-1] in ":,;(["):
            continue  # an enumeration: "steps: (1) collect"
        _numeric(text, i, j - 1, out)
    return out


def _bare_et_al(text: str, out: list[Citation], covered: list[Span]) -> None:
    """ "Khodak et al., 2018 address ..." written without brackets."""
    inside = _inside(covered)
    for m in _BARE_ETAL_RE.finditer(text):
        if inside(m.start()):
            continue
        lo = max(0, m.start() - _NARRATIVE_LOOKBACK)
        nl = text.rfind("\n", lo, m.start())
        if nl != -1:
            lo = nl + 1
        toks = _tokenize(text[lo : m.end()], lo)
        # the tokens end with: etal [","] year
        yi = len(toks) - 1
        ei = yi - 1
        if ei >= 0 and toks[ei].text == ",":
            ei -= 1
        if ei < 0 or toks[ei].kind != "etal":
            continue
        run = _read_names_backwards(toks, ei, narrative=True)
        if run is None:
            continue
        year, ysuf, _ = _year_value(toks[yi])
        out.append(
            Citation(
                kind="author-year",
                text=text[run.start : m.end()],
                span=Span(run.start, m.end()),
                group=Span(run.start, m.end()),
                names=tuple(_clean_name(text[a:b]) for a, b in run.names),
                et_al=True,
                year=year,
                year_suffix=ysuf,
                narrative=True,
            )
        )


# How far back from a free-standing year its names may start ("Acosta Pereira, Brait and Sobral").
_BARE_LOOKBACK = 80
# A year standing free in running text, after a comma or a name: "Owen, 1842", "Flora do Brasil 2020".
# (It starts with a plain space: a leading look-behind makes scanning a long text much slower.)
_BARE_YEAR_RE = re.compile(rf" ({_YEAR}[a-z]?)\b(?![\d–-]|[.,]\d|/\d)")


def _inside(skip: Sequence[Span]) -> Callable[[int], bool]:
    """Is a position inside one of the ``skip`` regions (which may nest)?"""
    regions = sorted(skip, key=lambda r: r.start)
    starts = [r.start for r in regions]
    ends = list(itertools.accumulate((r.end for r in regions), max))

    def inside(pos: int) -> bool:
        i = bisect.bisect_right(starts, pos) - 1
        return i >= 0 and pos < ends[i]

    return inside


def find_bare_citations(text: str, skip: Sequence[Span] = ()) -> list[Citation]:
    """Unbracketed "Name, 2001" / "Name and Other 2001" mentions in running text.

    Outside brackets a name before a year is as often a place, a month or a
    title as an author, so these are candidates only: the check keeps those
    that resolve exactly to an entry of the list (a taxonomic authority
    "Dinosauria Owen, 1842", a table cell "Brait, 2006", "as described by
    Kessler and Baldwin, 2001").  Years inside brackets, in ``skip`` regions
    or after "et al." (found by ``find_citations``) are left alone.
    """
    out: list[Citation] = []
    inside = _inside(skip)
    for m in _BARE_YEAR_RE.finditer(text):
        pos = m.start(1)
        before = text[pos - 2 : pos - 1]
        if not (before.isalnum() or before in (".", ",")):
            continue
        if inside(pos):
            continue
        head = text[pos - 3 : pos - 1].rstrip(",")
        if not (head[-1:].isalpha() or head[-1:] == "."):
            continue  # no word right before the year
        lo = max(0, pos - _BARE_LOOKBACK)
        nl = text.rfind("\n", lo, pos)
        if nl != -1:
            lo = nl + 1
        if text.rfind("(", lo, pos) > text.rfind(")", lo, pos) or text.rfind(
            "[", lo, pos
        ) > text.rfind("]", lo, pos):
            continue  # inside a bracket: the group reader has decided on it
        toks = _tokenize(text[lo : m.end()], lo)
        yi = len(toks) - 1
        if yi < 1 or toks[yi].kind != "year":
            continue
        k = yi - 1
        if toks[k].text == ",":
            k -= 1
        if k < 0 or toks[k].kind == "etal" or not _is_name_word(toks[k]):
            continue
        run = _read_names_backwards(toks, k, narrative=True)
        if run is None:
            continue
        year, ysuf, _ = _year_value(toks[yi])
        out.append(
            Citation(
                kind="author-year",
                text=text[run.start : m.end()],
                span=Span(run.start, m.end()),
                group=Span(run.start, m.end()),
                names=tuple(_clean_name(text[a:b]) for a, b in run.names),
                et_al=run.et_al,
                year=year,
                year_suffix=ysuf,
                narrative=True,
            )
        )
    return out


# Acts of law as Portuguese and Spanish texts cite them: "Lei nº 13.146/2015",
# "Decreto nº 6.949, de 25 de agosto de 2009", "Resolución 4/2009".
_LEGAL_RE = re.compile(
    r"\b(?P<act>Lei(?:\s+Complementar)?|Decreto(?:[-\s]Lei)?|Resolu[çc][ãa]o|Resoluci[óo]n|Portaria"
    r"|Nota\s+T[ée]cnica|Medida\s+Provis[óo]ria|Instru[çc][ãa]o\s+Normativa|Parecer"
    r"|Emenda\s+Constitucional|Ley)"
    r"\s+(?:n\.?\s?[º°o]?\.?\s*)?(?P<num>\d{1,3}(?:\.\d{3})+|\d{1,6})"
    r"(?:\s*/\s*(?P<y1>1[5-9]\d\d|20\d\d)"
    r"|,?\s+de\s+\d{1,2}[º°o]?\.?\s+(?:de\s+)?[^\W\d_]{3,10}\.?\s+(?:de\s+)?(?P<y2>1[5-9]\d\d|20\d\d))\b"
)
# An entry may open with the jurisdiction: "BRASIL. Lei nº 6001, de 19 de dezembro de 1973."
_LEGAL_ENTRY_RE = re.compile(r"(?:[A-ZÀ-Ý]{2,}[.,]\s+)?")


def _legal_key(m: re.Match[str]) -> str:
    act = re.sub(r"[\s-]+", "", m.group("act")).lower()
    act = act.translate(str.maketrans("çãéóí", "caeoi"))
    return f"{act}{m.group('num').replace('.', '')}/{m.group('y1') or m.group('y2')}"


def legal_act_key(entry: str) -> str | None:
    """ "lei13146/2015" for an entry that opens with an act of law, else None."""
    lead = _LEGAL_ENTRY_RE.match(entry)
    m = _LEGAL_RE.match(entry, lead.end() if lead else 0)
    return _legal_key(m) if m else None


def find_legal_citations(text: str, skip: Sequence[Span] = ()) -> list[Citation]:
    """Acts of law cited by type, number and date ("Lei nº 13.146/2015").

    Candidates only, like ``find_bare_citations``: a law is often named
    without being in the list, so the check keeps those an entry confirms.
    The act's key ("lei13146/2015") is in ``key``; ``command`` is "legal-act".
    """
    inside = _inside(skip)
    out: list[Citation] = []
    for m in _LEGAL_RE.finditer(text):
        if inside(m.start()):
            continue
        year = int(m.group("y1") or m.group("y2"))
        out.append(
            Citation(
                kind="author-year",
                text=m.group(),
                span=Span(m.start(), m.end()),
                group=Span(m.start(), m.end()),
                names=(f"{m.group('act')} {m.group('num')}",),
                year=year,
                narrative=True,
                key=_legal_key(m),
                command="legal-act",
            )
        )
    return out


# MLA cites by author and page, without a year: "(Okafor 45)", "(Lindqvist et al. 12-14)".
_NAME_WORD = rf"(?:[A-ZÀ-Þ]{_LETTER}*(?:['’\-]{_LETTER}+)*|van|von|de|der|den|da|di|du|la|le)"
# One cited family name of up to three words; also what a short note names (citekit.notes).
ONE_NAME = rf"{_NAME_WORD}(?:\s{_NAME_WORD}){{0,2}}"
_AUTHOR_PAGE_RE = re.compile(
    rf"\s*(?:(?:see(?:\salso)?|cf\.|e\.g\.,?)\s)?(?P<names>{ONE_NAME}(?:\s(?:and|&)\s{ONE_NAME})?)"
    rf"(?P<etal>,?\set\sal\.)?(?:,\s(?P<title>[^\d;,()]{{1,60}}?))?"
    rf"\s(?P<page>\d{{1,4}}(?:\s?[-–]\s?\d{{1,4}})?)\s*"
)
_PARENS_RE = re.compile(r"\(([^()\n]{1,200})\)")


def find_author_page_citations(text: str, skip: Sequence[Span] = ()) -> list[Citation]:
    """MLA's "(Okafor 45)" and "(Lindqvist et al. 12; Reyes 3)": author and page, no year;
    "(Okafor, Shore 45)" adds a short title (kept in ``title``) where the list has two
    works by one author.  MLA joins two authors by "and" and writes "et al." for more,
    so a comma after the names opens the short title.

    Candidates only, like ``find_bare_citations``: "(Figure 3)" has the same
    shape, so the check keeps those that resolve exactly to an entry.  A page
    that reads as a year ("(Okafor 2016)") is left to ``find_citations``.
    ``command`` is "author-page".
    """
    inside = _inside(skip)
    out: list[Citation] = []
    for m in _PARENS_RE.finditer(text):
        if inside(m.start()):
            continue
        at = m.start(1)
        for piece in m.group(1).split(";"):
            a = _AUTHOR_PAGE_RE.fullmatch(piece)
            page = a.group("page") if a else ""
            if a and not re.fullmatch(_YEAR, page):
                names = re.split(r"\s(?:and|&)\s", a.group("names"))
                start, end = at + a.start("names"), at + a.end("page")
                out.append(
                    Citation(
                        kind="author-year",
                        text=text[start:end],
                        span=Span(start, end),
                        group=Span(m.start(), m.end()),
                        names=tuple(names),
                        et_al=bool(a.group("etal")),
                        locator=page,
                        command="author-page",
                        title=a.group("title"),
                    )
                )
            at += len(piece) + 1
    return out


# MLA's page alone, the author named in the sentence: 'Okafor and Reyes read them as contracts (88-90)'.
_PAGE_ONLY_RE = re.compile(r"\((?:pp?\.\s?)?(\d{1,4}(?:\s?[-–]\s?\d{1,4})?)\)")
# Where a sentence ends, not at an initial or "et al.".
_SENTENCE_END_RE = re.compile(r"(?<!\bal)(?<!\b[A-Z])[.!?]\s|\n\s*\n")
_PAGE_LOOKBACK = 300
_NAME_WORD_RE = re.compile(rf"(?<![\w'’-]){_NAME_WORD}")
_NAME_AND_END_RE = re.compile(rf"(?<![\w'’-])({ONE_NAME}),?\s(?:and|&)\s$")


def find_page_citations(
    text: str, families: Collection[str], skip: Sequence[Span] = ()
) -> list[Citation]:
    """MLA's page-only parenthesis whose author the sentence names: "Lindqvist calls
    them a ledger (112)", "Okafor and Reyes read them as contracts (88-90)",
    "Mamani et al. add verses (201)".

    ``families`` are the family names of the list's authors: the nearest of them
    before the parenthesis in the same sentence is the cited author (with a second
    one joined by "and", or "et al.").  Candidates only: the check keeps those
    that resolve exactly.  ``command`` is "author-page", ``narrative`` is set.
    """
    known = {f.casefold() for f in families if f}
    if not known:
        return []
    inside = _inside(skip)
    out: list[Citation] = []
    for m in _PAGE_ONLY_RE.finditer(text):
        page = m.group(1)
        if inside(m.start()) or re.fullmatch(_YEAR, page):
            continue
        lo = max(0, m.start() - _PAGE_LOOKBACK)
        ends = list(_SENTENCE_END_RE.finditer(text, lo, m.start()))
        lo = ends[-1].end() if ends else lo
        found: tuple[int, int, str] | None = None
        for w in reversed(list(_NAME_WORD_RE.finditer(text[lo : m.start()]))):
            word = re.sub(r"['’]s$", "", w.group())  # "Okafor's reading"
            if word.casefold() in known and word[0].isupper():
                found = (w.start(), w.start() + len(word), word)
                break
        if found is None:
            continue
        name_start, name_end = lo + found[0], lo + found[1]
        names = [found[2]]
        before = _NAME_AND_END_RE.search(text[lo:name_start])
        if before and before.group(1).casefold() in known:
            names.insert(0, before.group(1))
            name_start = lo + before.start(1)
        et_al = re.match(r",?\set\sal\.", text[name_end : m.start()]) is not None
        out.append(
            Citation(
                kind="author-year",
                text=text[name_start : m.end()],
                span=Span(name_start, m.end()),
                group=Span(m.start(), m.end()),
                names=tuple(names),
                et_al=et_al,
                locator=page,
                narrative=True,
                command="author-page",
            )
        )
    return out


# MLA's title instead of a name: '("Voices of the Salar")', "(*Shore* 112)", "(Shore 112)".
_TITLE_PAREN_RE = re.compile(
    r"\(\s*(?P<mark>[\"“'‘*_]*)(?P<title>[^()\d;\"”’*_\n]{2,80}?)[\"”'’*_]*"
    r"(?:,?\s+(?P<page>\d{1,4}(?:\s?[-–]\s?\d{1,4})?))?\s*\)"
)
_ARTICLE_RE = re.compile(r"^(?:the|a|an|le|la|les|el|los|las|der|die|das|il|lo|o|os|as)\s+")


def _title_key(text: str) -> str:
    words = re.sub(r"[^\w]+", " ", ascii_fold(text).lower()).strip()
    return _ARTICLE_RE.sub("", words)


def find_title_citations(
    text: str, titles: Mapping[str, str], skip: Sequence[Span] = ()
) -> list[tuple[Citation, str]]:
    """MLA's citation by title, for a work without an author or one the sentence
    names: '("Voices of the Salar")', "(*Shore* 112)", "(Shore 112)".

    ``titles`` maps reference ids to titles.  A parenthesis counts where its words,
    quoted, set in italics or followed by a page, begin exactly one title (a leading
    article aside, "Shore" for "The Shore and the Ledger"); it is returned with that
    reference's id.  ``command`` is "title-page".
    """
    keys = {rid: _title_key(t) for rid, t in titles.items() if t}
    if not keys:
        return []
    inside = _inside(skip)
    out: list[tuple[Citation, str]] = []
    for m in _TITLE_PAREN_RE.finditer(text):
        if inside(m.start()) or not (m.group("mark") or m.group("page")):
            continue
        if not m.group("mark") and (
            not m.group("title")[:1].isupper() or re.fullmatch(_YEAR, m.group("page") or "")
        ):
            continue  # "(in 2015)", "(Spring 2019)": words and a year, no title
        phrase = _title_key(m.group("title"))
        if not phrase:
            continue
        hits = [rid for rid, k in keys.items() if k == phrase or k.startswith(phrase + " ")]
        if len(hits) != 1:
            continue
        start, end = m.start() + 1, m.end() - 1
        out.append(
            (
                Citation(
                    kind="author-year",
                    text=text[start:end].strip(),
                    span=Span(start, end),
                    group=Span(m.start(), m.end()),
                    locator=m.group("page"),
                    command="title-page",
                    title=m.group("title").strip(),
                ),
                hits[0],
            )
        )
    return out


# Chinese, Japanese and Korean names written whole ("山田太郎", "王小明", "김민준").
_CJK_WHOLE_NAME = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7a3]{2,6}")
_CJK_LETTER = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7a3]")
# between two cited names: "田中・佐藤", "田中と佐藤", "王小明和李华", "김민준과 이서연"
_CJK_JOIN_END_RE = re.compile(r"\s*(?:・|、|，|,|と|和|与|與|及|과|와|&)\s*$")
_CJK_ET_AL_END_RE = re.compile(r"(?:ほか|他|等人|等|외|\s?et\s+al\.?)\s*$")
_CJK_YEAR_PAREN_RE = re.compile(
    r"[(（]\s*(?P<year>\d{4})(?P<suffix>[a-z]?)\s*(?:[,，:：]\s*(?P<loc>[^()（）\n]{1,20}?))?\s*[)）]"
)


def cjk_cited_forms(families: Collection[str]) -> set[str]:
    """The forms in which prose cites Chinese, Japanese and Korean names written
    whole: the name and each of its beginnings ("山田太郎" → 山田太郎, 山田太, 山田, 山)."""
    out: set[str] = set()
    for f in families:
        if _CJK_WHOLE_NAME.fullmatch(f):
            out.update(f[:k] for k in range(1, len(f) + 1))
    return out


def find_cjk_narrative_citations(
    text: str, forms: Collection[str], skip: Sequence[Span] = ()
) -> list[Citation]:
    """Narrative citations in Chinese, Japanese or Korean prose, which has no spaces
    before a name: "…では鈴木ほか（2017）が", "田中・佐藤（2018）は", "王小明等(2019)指出".

    Without spaces the name's beginning is found from the list: ``forms`` are the
    names the list lets prose cite (``cjk_cited_forms``); before each year in
    parentheses the longest of them that ends there is the name.  A one-character
    form (a Chinese surname) counts only after punctuation, a space or the start of
    a line, since it is also a character of many words.
    """
    if not forms:
        return []
    longest = max(map(len, forms))
    inside = _inside(skip)
    out: list[Citation] = []
    for m in _CJK_YEAR_PAREN_RE.finditer(text):
        if inside(m.start()):
            continue
        end = m.start()
        while end and text[end - 1] in " \t":
            end -= 1
        etal = _CJK_ET_AL_END_RE.search(text, max(0, end - 8), end)
        if etal:
            end = etal.start()
        names: list[str] = []
        start = end
        while True:
            name = next(
                (
                    text[start - k : start]
                    for k in range(min(longest, start), 0, -1)
                    if text[start - k : start] in forms
                ),
                None,
            )
            if name is None:
                break
            names.insert(0, name)
            start -= len(name)
            join = _CJK_JOIN_END_RE.search(text, max(0, start - 4), start)
            if join is None or not any(
                text[join.start() - k : join.start()] in forms
                for k in range(1, min(longest, join.start()) + 1)
            ):
                break
            start = join.start()
        if not names:
            continue
        if len(names[0]) == 1 and start and _CJK_LETTER.match(text[start - 1]):
            continue  # "资金(2016)": a word's last character, not a surname
        out.append(
            Citation(
                kind="author-year",
                text=text[start : m.end()],
                span=Span(start, m.end()),
                group=Span(m.start(), m.end()),
                names=tuple(names),
                et_al=etal is not None,
                year=int(m.group("year")),
                year_suffix=m.group("suffix"),
                locator=m.group("loc"),
                narrative=True,
            )
        )
    return out


# EndNote's temporary (unformatted) citation: "{Okafor, 2016 #12}", "{Brandt, 2019 #31@45;
# Okafor, 2016 #12}", "{Okafor et al., 2016 #12}", "{Okafor, n.d. #12}"
_ENDNOTE_GROUP_RE = re.compile(r"\{([^{}\n]{1,600}?#\d+[^{}\n]{0,200})\}")
_ENDNOTE_ITEM_RE = re.compile(
    rf"\s*(?:[^\\;]*\\)?(?P<name>[^,;#\\]*?)(?P<etal>\s+et\s+al\.?)?\s*,?\s*"
    rf"(?:(?P<year>{_YEAR})(?P<suffix>[a-z])?|(?P<nd>n\.\s?d\.))?\s*#(?P<rec>\d+)"
    r"(?:@(?P<loc>[^;\\]*))?(?:\\[^;]*)?\s*"
)


def find_endnote_temporary_citations(text: str, skip: Sequence[Span] = ()) -> list[Citation]:
    """EndNote's temporary citations, which a document holds until EndNote formats it:
    "{Okafor, 2016 #12}", several joined by ";", a page after "@", a prefix or suffix
    set off by "\\" ("{See \\Okafor, 2016 #12}").  ``command`` is "endnote"."""
    if "#" not in text:
        return []
    inside = _inside(skip)
    out: list[Citation] = []
    for g in _ENDNOTE_GROUP_RE.finditer(text):
        if inside(g.start()):
            continue
        base = g.start(1)
        for part in re.finditer(r"[^;]+", g.group(1)):
            m = _ENDNOTE_ITEM_RE.fullmatch(part.group())
            if m is None or not m.group("name").strip() or m.group("name")[0].islower():
                continue
            start = base + part.start() + m.start("name")
            end = base + part.start() + (m.end("loc") if m.group("loc") else m.end("rec"))
            out.append(
                Citation(
                    kind="author-year",
                    text=text[start:end],
                    span=Span(start, end),
                    group=Span(g.start(), g.end()),
                    names=(m.group("name").strip(),),
                    et_al=m.group("etal") is not None,
                    year=int(m.group("year")) if m.group("year") else None,
                    year_suffix=m.group("suffix") or "",
                    no_date=m.group("nd") is not None,
                    locator=(m.group("loc") or "").strip() or None,
                    command="endnote",
                )
            )
    return out


def _closing(text: str, i: int, open_ch: str, close_ch: str) -> int:
    """Index of the bracket closing the one at ``i``, or -1 (nested groups give -1)."""
    limit = min(len(text), i + _MAX_GROUP)
    close = text.find(close_ch, i + 1, limit)
    if close == -1:
        return -1
    inner = text.find(open_ch, i + 1, close)
    # "Bakhtin (2008, na análise (...) ...)": read up to the inner group
    return close if inner == -1 else inner


_OPEN_RE = re.compile(r"[(\[]")
# Full-width brackets and punctuation read as their ASCII forms (one character each, so
# offsets stay): "（山田，2015）" is "(山田,2015)".
_FULL_WIDTH = str.maketrans("（）［］，；：", "()[],;:")


def find_citations(text: str, skip: Sequence[Span] = ()) -> list[Citation]:
    """All author-year and numeric citations in ``text``, in document order.

    ``skip``: regions not to scan (a reference list), for speed; citations
    found elsewhere are the same with or without it.  Full-width brackets and
    punctuation ("（山田，2015）") are read as their ASCII forms.
    """
    if "（" in text or "［" in text:
        text = text.translate(_FULL_WIDTH)
    out: list[Citation] = []
    pos = 0
    for region in sorted(skip, key=lambda r: r.start):
        if region.start > pos:
            _scan(text, pos, region.start, out)
        pos = max(pos, region.end)
    _scan(text, pos, len(text), out)
    if skip:
        out = [c for c in out if not any(r.start <= c.span.start < r.end for r in skip)]
    if "et al" in text:
        covered = sorted({c.group for c in out}, key=lambda s: s.start)
        n = len(out)
        _bare_et_al(text, out, covered)
        if skip:
            out[n:] = [c for c in out[n:] if not any(r.start <= c.span.start < r.end for r in skip)]
    out.sort(key=lambda c: (c.span.start, c.number or 0))
    return out


def _scan(text: str, lo: int, hi: int, out: list[Citation]) -> None:
    """Read every bracketed group opening in ``text[lo:hi]``."""
    for m in _OPEN_RE.finditer(text, lo, hi):
        i = m.start()
        ch = text[i]
        close_ch = ")" if ch == "(" else "]"
        j = _closing(text, i, ch, close_ch)
        if j == -1:
            continue
        if ch == "[" and _NUMERIC_GROUP_RE.fullmatch(text, i + 1, j):
            _numeric(text, i, j, out)
            continue
        if not _HAS_YEARISH.search(text, i + 1, j):
            continue
        if ch == "[" and (text.startswith("@", i + 1) or text.startswith("-@", i + 1)):
            continue  # pandoc keys are read by citekit.pandoc
        _parse_group(text, i, j, out)
