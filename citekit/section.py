"""Find the reference section(s) of a document.

A document may hold one list (an essay), several (a collection of essays, each
with its own list) or be nothing but a list.  Lists are found in three ways, in
this order of trust:

1. a heading ("References", "Bibliography", "Works Cited", "Literatur", ...)
   in any syntax: a plain line, Markdown ``#``, an underlined line, LaTeX
   ``\\section*{References}``, a numbered "7. References", bold ``**Sources**``;
   the section runs from the heading while its blocks look like references;
2. a heading-less run of consecutively numbered, reference-like lines (an essay
   whose list lost its heading when copied from the web);
3. a text that is nothing but a list, taken whole.

Text before and after a list (footers such as "Continue Reading", the next
essay's title) is left out: a section ends at the first block that does not
look like a reference.  Everything here is pure: text in, ``Section``s out.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from citekit.model import Span

__all__ = [
    "Section",
    "find_sections",
    "is_heading",
    "notes_beside_lists",
    "reference_likeness",
]


@dataclass(frozen=True, slots=True)
class Section:
    """One reference list: ``span`` covers its body (heading excluded).

    Lines are 1-based and inclusive; ``heading`` is the heading text as written
    ("References") or None for a heading-less list.
    """

    span: Span
    heading: str | None
    first_line: int
    last_line: int
    heading_line: int | None = None
    notes: bool = False  # headed Notes/Endnotes/Footnotes, or Markdown footnotes ("[^1]: ...")


_HEADING_WORDS = (
    r"references?(?:\s+(?:list|cited|and\s+notes|and\s+further\s+reading))?"
    r"|list\s+of\s+references|reference\s+list|cited\s+references"
    r"|bibliography|select(?:ed)?\s+bibliography|bibliographie|bibliograf[ií]a"
    r"|bibliograf[ií]a\s+consultada|works\s+cited|works\s+consulted|literature(?:\s+cited)?"
    r"|literaturverzeichnis|literatur|quellen(?:verzeichnis)?|sources(?:\s+cited)?"
    r"|notes(?:\s+and\s+references)?|endnotes|footnotes"
    r"|refer[eê]ncias(?:\s+bibliogr[aá]ficas)?|referencias(?:\s+bibliogr[aá]ficas)?"
    r"|r[ée]f[ée]rences(?:\s+bibliographiques)?|riferimenti(?:\s+bibliografici)?"
    r"|fuentes|fontes|bronnen|litteratur|kirjallisuus|список\s+литературы|литература"
    # Chinese, Japanese, Korean, Turkish, Polish, Dutch
    r"|参考文献|參考文獻|参考资料|引用文献|参照文献|文献|참고\s*문헌|kaynak[çc]a|kaynaklar"
    r"|bibliografia|literatura|literatuur(?:lijst)?"
)
_HEADING_RE = re.compile(rf"(?:{_HEADING_WORDS})", re.IGNORECASE)
# Heading decorations: Markdown hashes, numbering ("7.", "VII.", "A."), bold/italic marks.
_MD_HASH = re.compile(r"^\s{0,3}#{1,6}\s*")
_NUMBERING = re.compile(r"^(?:\d{1,2}(?:\.\d{1,2})*\.?|[IVXLC]{1,6}\.|[A-Z]\.)\s+")
_EMPHASIS = re.compile(r"^[*_=]{1,3}(.*?)[*_=]{1,3}$")
_LATEX_HEADING = re.compile(
    r"^\s*\\(?:section|subsection|chapter|subsubsection|paragraph)\*?\s*(?:\[[^\]]*\])?"
    r"\s*\{(?P<title>[^{}]*)\}\s*$"
)
_LATEX_BIBLIOGRAPHY = re.compile(r"^\s*\\begin\{thebibliography\}")
_UNDERLINE = re.compile(r"^\s*(?:={3,}|-{3,}|~{3,}|\*{3,})\s*$")
_HTML_HEADING = re.compile(r"^\s*<h[1-6][^>]*>(?P<title>.*?)</h[1-6]>\s*$", re.IGNORECASE)


def is_heading(line: str) -> str | None:
    """The heading word(s) if ``line`` is a reference-section heading, else None.

    >>> is_heading("## Works Cited")
    'Works Cited'
    >>> is_heading("\\\\section*{References}")
    'References'
    >>> is_heading("References are listed below.") is None
    True
    """
    text = line.strip()
    if not text or len(text) > 80:
        return None
    m = _LATEX_HEADING.match(text) or _HTML_HEADING.match(text)
    if m:
        text = m.group("title").strip()
    text = _MD_HASH.sub("", text)
    m = _EMPHASIS.match(text)
    if m:
        text = m.group(1).strip()
    text = _NUMBERING.sub("", text)
    m = _EMPHASIS.match(text)
    if m:
        text = m.group(1).strip()
    text = text.rstrip(":.").strip()
    m = _EMPHASIS.match(text)
    if m:
        text = m.group(1).strip()
    if _HEADING_RE.fullmatch(text):
        return text
    return None


# --- reference-likeness of a line or block ----------------------------------

_YEAR = re.compile(r"(?<!\d)(?:1[5-9]\d\d|20\d\d)(?!\d)|\bn\.\s?d\.")
_LABEL = re.compile(
    r"^\s*(?:\[\^?(\d{1,5})\]:?|\((\d{1,5})\)|(\d{1,5})[.)](?=\s|[A-Z\u00c0-\u024f\"“‘'])|[-*•]\s|\[\^\w+\]:)"
)
_NAME_START = re.compile(
    r"^\s*(?:\[?\d{1,4}[\].)]?\s*)?(?:[-*•]\s+)?"
    r"(?:"
    r"[A-Z\u00c0-\u024f][\w'’\-]+(?:\s+[A-Z\u00c0-\u024f][\w'’\-]+)?,\s*(?:[A-Z\u00c0-\u024f])"  # Family, G
    r"|[A-Z\u00c0-\u024f][\w'’\-]+\s+[A-Z]\.|[A-Z]\.\s*(?:[A-Z]\.\s*)*[A-Z][\w'’\-]+"  # Family G. / G. Family
    r"|[A-Z\u00c0-\u024f][\w'’\-]+\s+[A-Z\u00c0-\u024f][\w'’\-]+,\s"  # Family Given,
    r"|(?:van|von|de|da|del|der|di|du|le|la)\s+[A-Z]"
    r"|[A-Z]{2,}[\s,]"
    r")"
)
_BIB_CUES = re.compile(
    r"\bpp?\.\s*\d|\bvol\.|\bno\.\s*\d|\bed(?:s|n)?\.|\bedition\b|\bpress\b|\bjournal\b|"
    r"\bproceedings\b|\buniversity\b|\bpublish|\bdoi\b|\b10\.\d{4,9}/|https?://|www\.|"
    r"\baccessed\b|\bretrieved\b|\bavailable\b|\bin:|\bet al\b|\breport\b|\bthesis\b|"
    r"\bdissertation\b|\(\d{4}[a-z]?\)|\d+\s*[-–]\s*\d+|[,.]\s*\d{4}[a-z]?[,.]",
    re.IGNORECASE,
)
# Words frequent in running prose but rare in references.
_PROSE_WORDS = re.compile(
    r"\b(?:is|are|was|were|has|have|had|will|would|can|could|should|it|this|these|that|"
    r"which|we|they|our|their|there|not|but|also|however|because|when|while|very|"
    r"more|most|been|being|does|did|its|such|she|he|her|his|who|where|since|i|my|you|your|"
    r"we|us|currently|teaches|lives|works)\b",
    re.IGNORECASE,
)


def reference_likeness(text: str) -> float:
    """A rough score: > 0 for a reference-like line or block, <= 0 for prose or chrome.

    Cheap cues only: a year, a list label, a name at the start, bibliographic
    words; running prose (many function words, long) and short title-like lines
    score low.
    """
    stripped = text.strip()
    if not stripped:
        return -1.0
    words = stripped.split()
    n = len(words)
    score = 0.0
    if _YEAR.search(stripped):
        score += 1.0
    if _LABEL.match(text):
        score += 0.6
    if _NAME_START.match(text):
        score += 1.0
    cues = len(_BIB_CUES.findall(stripped))
    score += min(cues, 3) * 0.5
    commas = stripped.count(",") + stripped.count(".")
    if commas >= 2:
        score += 0.4
    prose = len(_PROSE_WORDS.findall(stripped))
    if n >= 6:
        ratio = prose / n
        score -= ratio * 8.0
    if n > 90:
        score -= 1.5
    if n <= 3 and not _YEAR.search(stripped):
        score -= 1.5
    if stripped.endswith(("?", "!")) and n < 15:
        score -= 1.0
    return score


def _label_number(line: str) -> int | None:
    m = _LABEL.match(line)
    if not m:
        return None
    for g in m.groups():
        if g:
            return int(g)
    return None


def _blocks(lines: Sequence[str], start: int, stop: int) -> list[tuple[int, int]]:
    """Blank-line separated blocks of ``lines[start:stop]`` as (first, last) 0-based indexes."""
    out: list[tuple[int, int]] = []
    i = start
    while i < stop:
        if not lines[i].strip():
            i += 1
            continue
        j = i
        while j + 1 < stop and lines[j + 1].strip():
            j += 1
        out.append((i, j))
        i = j + 1
    return out


def _block_is_reference(lines: Sequence[str], first: int, last: int) -> bool:
    """A block counts as references if most of its entry-starting lines look like them."""
    starts = [k for k in range(first, last + 1) if not lines[k][:1].isspace()] or [first]
    if len(starts) == last - first + 1 and last > first:
        # one entry per line, or a single entry wrapped without indentation;
        # a long block is judged on an even sample of its lines
        sample = starts if len(starts) <= 60 else starts[:: len(starts) // 60 + 1]
        scores = [reference_likeness(lines[k]) for k in sample]
        if sum(s > 0 for s in scores) >= max(1, len(scores) // 2 + 1):
            return True
        return (
            len(scores) <= 4
            and reference_likeness(" ".join(lines[k].strip() for k in range(first, last + 1))) > 0
        )
    text = " ".join(lines[k].strip() for k in range(first, last + 1))
    if last > first and len(starts) > 1:
        entries = []
        cur: list[str] = []
        for k in range(first, last + 1):
            if not lines[k][:1].isspace() and cur:
                entries.append(" ".join(cur))
                cur = []
            cur.append(lines[k].strip())
        entries.append(" ".join(cur))
        return sum(reference_likeness(e) > 0 for e in entries) * 2 > len(entries)
    return reference_likeness(text) > 0


_STOP_LINE = re.compile(
    r"^\s*(?:#{1,6}\s|\\(?:section|chapter|subsection|end\{document\}|appendix)\b|"
    r"continue reading\b|read more\b|related\b|share this\b|about the author\b|"
    r"appendix\b|acknowledg)",
    re.IGNORECASE,
)


def _extend(lines: Sequence[str], start: int, stop: int) -> int:
    """Last 0-based line index of the list that begins at ``start`` (or start-1 if none)."""
    last = start - 1
    numbered_prev: int | None = None
    marked = True  # every entry so far opens with a number or a bullet
    for first, blk_last in _blocks(lines, start, stop):
        if _STOP_LINE.match(lines[first]) or is_heading(lines[first]):
            break
        unmarked = _LABEL.match(lines[first]) is None
        if (
            marked
            and last >= start
            and unmarked
            and not lines[first][:1].isspace()
            and lines[last].rstrip().endswith(".")
        ):
            break  # a line after a finished, marked list is not an entry ("*Written in 2024.*")
        marked = marked and not unmarked
        # A block continuing a numbered run is part of the list whatever its wording.
        num = _label_number(lines[first])
        if numbered_prev is not None and num is not None and 0 < num - numbered_prev <= 2:
            pass
        elif (
            lines[first][:1].isspace()
            and last >= start
            and numbered_prev is None
            and not (_label_number(lines[first]) is not None)
        ):
            # indented continuation of an unnumbered entry (hanging indent across a blank line)
            if (
                not _block_is_reference(lines, first, blk_last)
                and reference_likeness(lines[first]) < -1
            ):
                break
        elif not _block_is_reference(lines, first, blk_last):
            break
        for k in range(first, blk_last + 1):
            n = _label_number(lines[k])
            if n is not None:
                numbered_prev = n
        trimmed = _trim_tail(lines, first, blk_last)
        last = trimmed
        if trimmed < blk_last:
            break  # a footer glued to the list ends it
    return last


def _trim_tail(lines: Sequence[str], first: int, last: int) -> int:
    """Drop chrome glued below a list without a blank line ("Continue Reading", a short title)."""
    while last > first:
        line = lines[last].strip()
        words = line.split()
        chrome = (
            bool(_STOP_LINE.match(line))
            or is_heading(line) is not None
            or (
                len(words) <= 4
                and not any(c.isdigit() for c in line)
                and not line.endswith((",", ".", ";", ":", "-"))
                and not lines[last][:1].isspace()
                and line[:1].isupper()
                and _label_number(lines[last]) is None
            )
        )
        if not chrome:
            break
        last -= 1
    return last


def _numbered_runs(lines: Sequence[str]) -> list[tuple[int, int]]:
    """Runs of lines labelled 1, 2, 3 ... (blank lines and wrapped lines allowed between)."""
    runs: list[tuple[int, int]] = []
    i = 0
    n = len(lines)
    while i < n:
        num = _label_number(lines[i])
        if num != 1:
            i += 1
            continue
        expected = 2
        first = i
        last = i
        j = i + 1
        while j < n:
            line = lines[j]
            if not line.strip():
                j += 1
                continue
            m = _label_number(line)
            if m == expected:
                expected += 1
                last = j
            elif m is None and j == last + 1 and not _STOP_LINE.match(line):
                last = j  # wrapped continuation directly below an entry
            else:
                break
            j += 1
        count = expected - 1
        if count >= 3:
            runs.append((first, last))
            i = last + 1
        else:
            i += 1
    return runs


def _trim_continuations(lines: Sequence[str], first: int, last: int) -> int:
    """Drop trailing unnumbered lines of a numbered run that read like prose or chrome."""
    while last > first and _label_number(lines[last]) is None:
        line = lines[last]
        if line[:1].isspace() and reference_likeness(line) > -2:
            break
        if reference_likeness(line) > 0 and not _STOP_LINE.match(line):
            break
        last -= 1
    return last


_NOTES_HEADING = re.compile(r"(?:end|foot)?notes?\W*$", re.IGNORECASE)


_FOOTNOTE_DEFINITION = re.compile(r"^\s{0,3}\[\^[\w-]+\]:")


def notes_beside_lists(
    sections: Sequence[Section],
) -> tuple[tuple[Section, ...], tuple[Section, ...]]:
    """(reference lists, notes).  In a document that also has a headed reference list
    ("Bibliography"), a Notes section holds notes that cite that list (Chicago's
    notes and bibliography), not more references.  Alone, Notes is the list."""
    if not any(s.heading and not s.notes for s in sections):
        return tuple(sections), ()
    return tuple(s for s in sections if not s.notes), tuple(s for s in sections if s.notes)


def _make(
    text: str,
    starts: Sequence[int],
    lines: Sequence[str],
    first: int,
    last: int,
    heading: str | None,
    heading_line: int | None,
) -> Section:
    start = starts[first]
    end = starts[last] + len(lines[last])
    body = lines[first : last + 1]
    notes = (heading is not None and _NOTES_HEADING.match(heading.strip()) is not None) or (
        any(_FOOTNOTE_DEFINITION.match(line) for line in body)
        and all(
            _FOOTNOTE_DEFINITION.match(line) or not line.strip() or line[:1].isspace()
            for line in body
        )
    )
    return Section(Span(start, end), heading, first + 1, last + 1, heading_line, notes)


def find_sections(text: str) -> tuple[Section, ...]:
    """All reference lists in ``text``, in document order."""
    lines = text.split("\n")
    starts: list[int] = []
    pos = 0
    for line in lines:
        starts.append(pos)
        pos += len(line) + 1
    n = len(lines)
    found: list[tuple[int, int, str | None, int | None]] = []

    # 1. headings
    heads: list[tuple[int, str]] = []
    for i, line in enumerate(lines):
        h = is_heading(line)
        if h is None:
            if _LATEX_BIBLIOGRAPHY.match(line):
                heads.append((i, "thebibliography"))
            continue
        heads.append((i, h))
    for idx, (i, h) in enumerate(heads):
        body = i + 1
        if body < n and _UNDERLINE.match(lines[body]):
            body += 1
        nxt = heads[idx + 1][0] if idx + 1 < len(heads) else n
        last = _extend(lines, body, nxt)
        if h == "thebibliography":
            end = next((k for k in range(body, n) if "\\end{thebibliography}" in lines[k]), None)
            if end is not None:
                last = end - 1
            h_text: str | None = "thebibliography"
        else:
            h_text = h
        # skip leading blank lines
        while body <= last and not lines[body].strip():
            body += 1
        if last >= body:
            found.append((body, last, h_text, i + 1))

    # 2. heading-less numbered runs
    covered = [(a, b) for a, b, _, _ in found]
    for first, last in _numbered_runs(lines):
        if any(a <= first <= b or a <= last <= b for a, b in covered):
            continue
        last = _trim_continuations(lines, first, last)
        entries = _run_entries(lines, first, last)
        liked = sum(reference_likeness(e) > 0 for e in entries)
        if liked * 3 >= len(entries) * 2:
            found.append((first, last, None, None))

    # 3. the whole input is a list
    if not found:
        whole = _whole_list(lines)
        if whole is not None:
            found.append((whole[0], whole[1], None, None))

    found.sort()
    return tuple(_make(text, starts, lines, a, b, h, hl) for a, b, h, hl in found)


def _run_entries(lines: Sequence[str], first: int, last: int) -> list[str]:
    entries: list[str] = []
    for k in range(first, last + 1):
        line = lines[k]
        if not line.strip():
            continue
        if _label_number(line) is not None or not entries:
            entries.append(line.strip())
        else:
            entries[-1] += " " + line.strip()
    return entries


def _whole_list(lines: Sequence[str]) -> tuple[int, int] | None:
    """(first, last) if the non-blank lines are, by and large, references."""
    nonblank = [i for i, line in enumerate(lines) if line.strip()]
    if not nonblank:
        return None
    first, last = nonblank[0], nonblank[-1]
    blocks = _blocks(lines, first, last + 1)
    good = [b for b in blocks if _block_is_reference(lines, *b)]
    if len(good) * 3 >= len(blocks) * 2 and good:
        # trim leading/trailing non-reference blocks (a title line, a footer)
        while blocks and not _block_is_reference(lines, *blocks[0]):
            blocks.pop(0)
        while blocks and not _block_is_reference(lines, *blocks[-1]):
            blocks.pop()
        return blocks[0][0], blocks[-1][1]
    return None
