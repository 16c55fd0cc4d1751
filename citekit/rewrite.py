"""Rewrite resolved author-year citations as LaTeX (natbib/biblatex) or pandoc citations.

The input is a document's text, its citations and the linker's verdicts; the
output is new text in which every *resolved* citation group becomes a key
citation:

=====================================  ==========================  ======================  ===================
written                                natbib                      biblatex                pandoc
=====================================  ==========================  ======================  ===================
(Nye, 2004)                            ``\\citep{nye2004}``          ``\\parencite{nye2004}``  ``[@nye2004]``
Nye (2004, p. 5)                       ``\\citet[p.~5]{nye2004}``    ``\\textcite[p.~5]{..}``  ``@nye2004 [p. 5]``
(see A, 2001; B, 2002)                 ``\\citep[see][]{a,b}``       ``\\parencite[see][]..``  ``[see @a; @b]``
(A, 2001: 12; B, 2002)                 ``\\citetext{\\citealp[12]{a}; \\citealp{b}}``  ``\\parencites[12]{a}{b}``  ``[@a, 12; @b]``
Nye's (2004)                           ``Nye's \\citeyearpar{..}``   ``Nye's \\parencite*{..}``  ``Nye's [-@nye2004]``
=====================================  ==========================  ======================  ===================

Ambiguous, suggested and unresolved citations are left exactly as written and
returned in ``RewriteResult.left`` so the caller can report them.  A group is
replaced whole only when it holds nothing but its citations, their lead-ins
("see") and separators; otherwise (a group mixing resolved and unresolved
items, or words of prose inside the parenthesis) LaTeX gets an in-parenthesis
``\\citealp{key}`` for each resolved item with every other character kept,
and pandoc gets the resolved items first and the rest in parentheses after
them, or the group as written (and reported) when it holds prose.  No word
is ever dropped.  The document's own reference list is removed (LaTeX gets
``\\bibliography{...}``; pandoc gets a ``::: {#refs}`` block for citeproc).
For Markdown or plain-text input the LaTeX output is a complete, compilable
document: a minimal preamble, headings, emphasis, lists and escaped prose.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from citekit.formats.latex import ASCII_SPECIALS
from citekit.model import Citation, Link, Reference, Span
from citekit.source import Source

Target = Literal["latex", "pandoc"]
Style = Literal["natbib", "biblatex"]

# Private-use characters stand in for rewritten citations while Markdown prose
# is converted to LaTeX, so escaping never touches a generated command.
_PLACEHOLDER_BASE = 0xF0000
_PLACEHOLDER = re.compile("[\U000f0000-\U000ffffd]")


@dataclass(frozen=True, slots=True)
class Item:
    """One resolved cited item: its key, note and the citation it came from."""

    key: str
    citation: Citation
    locator: str | None
    prefix: str | None


@dataclass(frozen=True, slots=True)
class RewriteResult:
    """The rewritten text, what was rewritten, and the links left as written."""

    text: str
    rewritten: tuple[Citation, ...]
    left: tuple[Link, ...]
    keys: tuple[str, ...]  # cited keys, first-use order, each once


# ---------------------------------------------------------------------------
# Citation commands


def latex_locator(locator: str | None) -> str | None:
    """ "p. 5" -> "p.~5": a tie keeps the label with its number."""
    if not locator:
        return None
    loc = " ".join(locator.split())
    loc = re.sub(r"(\b[A-Za-z]{1,5}\.)\s+(?=\w)", r"\1~", loc)
    return escape_latex(loc).replace(r"\textasciitilde{}", "~")


def _opt(pre: str | None, post: str | None) -> str:
    """natbib/biblatex optional arguments: [post] alone, or [pre][post] when pre exists."""
    if pre:
        return f"[{escape_latex(pre)}][{post or ''}]"
    if post:
        return f"[{post}]"
    return ""


def latex_group(
    items: Sequence[Item], narrative: bool, style: Style, possessive: bool = False
) -> str:
    """A LaTeX citation command for a group of resolved items."""
    keys = ",".join(i.key for i in items)
    locs = [latex_locator(i.locator) for i in items]
    pre = items[0].prefix
    inner_notes = any(locs[:-1]) or any(i.prefix for i in items[1:])
    if style == "biblatex":
        if possessive:
            return f"\\parencite*{_opt(pre, locs[-1])}{{{keys}}}"
        if len(items) > 1 and inner_notes:
            name = "textcites" if narrative else "parencites"
            parts = "".join(
                f"{_opt(i.prefix, loc)}{{{i.key}}}" for i, loc in zip(items, locs, strict=True)
            )
            return f"\\{name}{parts}"
        name = "textcite" if narrative else "parencite"
        return f"\\{name}{_opt(pre, locs[-1])}{{{keys}}}"
    if possessive:
        return f"\\citeyearpar{_opt(pre, locs[-1])}{{{keys}}}"
    if len(items) > 1 and inner_notes and not narrative:
        parts = "; ".join(
            f"\\citealp{_opt(i.prefix, loc)}{{{i.key}}}" for i, loc in zip(items, locs, strict=True)
        )
        return f"\\citetext{{{parts}}}"
    name = "citet" if narrative else "citep"
    return f"\\{name}{_opt(pre, locs[-1])}{{{keys}}}"


def _pandoc_item(item: Item, suppress: bool = False) -> str:
    out = f"{item.prefix} " if item.prefix else ""
    out += ("-@" if suppress else "@") + _pandoc_key(item.key)
    if item.locator:
        out += f", {' '.join(item.locator.split())}"
    return out


def _pandoc_key(key: str) -> str:
    if re.fullmatch(r"[\w](?:[\w:.#$%&\-+?<>~/]*[\w])?", key):
        return key
    return "{" + key + "}"


def pandoc_group(items: Sequence[Item], narrative: bool, possessive: bool = False) -> str:
    """A pandoc citation for a group of resolved items."""
    if possessive or (narrative and len(items) > 1):
        return "[" + "; ".join(_pandoc_item(i, suppress=True) for i in items) + "]"
    if narrative:
        (item,) = items
        out = "@" + _pandoc_key(item.key)
        if item.locator:
            out += f" [{' '.join(item.locator.split())}]"
        return out
    return "[" + "; ".join(_pandoc_item(i) for i in items) + "]"


# ---------------------------------------------------------------------------
# Grouping citations into rewritable regions


@dataclass(frozen=True, slots=True)
class _Region:
    span: Span  # text replaced
    narrative: bool
    possessive: bool
    names_text: str  # narrative: the names as written before "(" (kept for possessives)
    links: tuple[Link, ...]


_POSSESSIVE = re.compile(r"['’]s?\s*$")


def _regions(text: str, links: Sequence[Link], overlapped: list[Link]) -> list[_Region]:
    groups: dict[tuple[int, int, bool], list[Link]] = {}
    for link in links:
        c = link.citation
        if c.kind != "author-year":
            continue
        groups.setdefault((c.group.start, c.group.end, c.narrative), []).append(link)
    out: list[_Region] = []
    for (g_start, g_end, narrative), members in groups.items():
        members.sort(key=lambda lk: lk.citation.span.start)
        start = min(g_start, *(lk.citation.span.start for lk in members))
        end = max(g_end, *(lk.citation.span.end for lk in members))
        names_text = text[start:g_start] if narrative else ""
        out.append(
            _Region(
                Span(start, end),
                narrative,
                bool(narrative and _POSSESSIVE.search(names_text)),
                names_text.rstrip(),
                tuple(members),
            )
        )
    out.sort(key=lambda r: r.span.start)
    # Overlapping regions (a narrative group inside a parenthesis): the later one
    # is left as written.
    kept: list[_Region] = []
    for region in out:
        if kept and region.span.start < kept[-1].span.end:
            overlapped.extend(region.links)
            continue
        kept.append(region)
    return kept


_SEPARATORS = re.compile(r"[\s()\[\]{};,&]+|\band\b|\bet al\.?", re.IGNORECASE)


def _accounted(text: str, region: _Region) -> bool:
    """True when the region holds nothing but its citations, their prefixes and separators.

    Replacing a whole group must never drop prose written inside the
    parentheses ("(as Nye (2004) said, Keohane, 1980)").
    """
    pieces: list[str] = []
    pos = region.span.start
    for link in region.links:
        c = link.citation
        if c.span.start >= pos:
            pieces.append(text[pos : c.span.start])
            pos = c.span.end
    pieces.append(text[pos : region.span.end])
    rest = " ".join(pieces)
    if region.narrative:
        rest = rest.replace(region.names_text, " ", 1) if region.possessive else rest
    for link in region.links:
        if link.citation.prefix:
            rest = rest.replace(link.citation.prefix, " ", 1)
    return not _SEPARATORS.sub("", rest).strip()


def latex_inline(item: Item, style: Style) -> str:
    """A citation for use inside parentheses already written: natbib ``\\citealp``."""
    loc = latex_locator(item.locator)
    opt = f"[{loc}]" if loc else ""
    name = "cite" if style == "biblatex" else "citealp"
    return f"\\{name}{opt}{{{item.key}}}"


def _item(link: Link, keys: dict[str, str]) -> Item | None:
    if link.status != "resolved" or len(link.targets) != 1:
        return None
    key = keys.get(link.targets[0])
    if not key:
        return None
    c = link.citation
    return Item(key, c, c.locator, c.prefix)


def _leftover_text(links: Sequence[Link]) -> str:
    parts: list[str] = []
    for link in links:
        c = link.citation
        parts.append(f"{c.prefix} {c.text}" if c.prefix else c.text)
    return "(" + "; ".join(parts) + ")"


def rewrite_citations(
    text: str,
    links: Sequence[Link],
    references: Sequence[Reference],
    target: Target,
    style: Style = "natbib",
) -> tuple[list[tuple[Span, str]], list[Citation], list[Link], list[str]]:
    """The replacements (span, new text) for every rewritable citation group.

    Returns (replacements, rewritten citations, links left as written, keys in
    first-use order).  Pure; ``apply`` puts the replacements into the text.
    """
    keys = {r.id: r.key for r in references if r.key}
    replacements: list[tuple[Span, str]] = []
    rewritten: list[Citation] = []
    left: list[Link] = []
    used: list[str] = []
    overlapped: list[Link] = []
    regions = _regions(text, links, overlapped)
    left.extend(
        Link(
            lk.citation,
            lk.status,
            lk.targets,
            "inside another citation; " + lk.reason,
            lk.candidates,
        )
        for lk in overlapped
    )

    def use(found: Sequence[Item]) -> None:
        rewritten.extend(i.citation for i in found)
        for i in found:
            if i.key not in used:
                used.append(i.key)

    for region in regions:
        items: list[Item] = []
        rest: list[Link] = []
        for link in region.links:
            item = _item(link, keys)
            if item is None:
                rest.append(link)
            else:
                items.append(item)
        left.extend(rest)
        if not items:
            continue
        accounted = _accounted(text, region)
        if region.narrative and (rest or not accounted):
            # "Wendt (1992, 1999)" with 1999 unknown: rewriting would split the
            # author from a year; leave the whole narrative as written.
            left.extend(lk for lk in region.links if lk not in rest)
            continue
        if not region.narrative and (rest or not accounted) and target == "latex":
            # Keep the parenthesis and every word in it; only the resolved items
            # become in-parenthesis citations: "(as noted by \citealp{nye2004}; Smith, 2010)".
            for i in items:
                replacements.append((i.citation.span, latex_inline(i, style)))
            use(items)
            continue
        if not accounted:
            left.extend(lk for lk in region.links if lk not in rest)
            continue
        if target == "latex":
            cite = latex_group(items, region.narrative, style, region.possessive)
        else:
            cite = pandoc_group(items, region.narrative, region.possessive)
        if region.possessive or (target == "pandoc" and region.narrative and len(items) > 1):
            # The citation prints only years: keep the names as written before it.
            cite = f"{region.names_text} {cite}"
        if rest:
            cite = f"{cite} {_leftover_text(rest)}"
        replacements.append((region.span, cite))
        use(items)
    return replacements, rewritten, left, used


def apply(text: str, replacements: Iterable[tuple[Span, str]]) -> str:
    """``text`` with non-overlapping spans replaced."""
    out: list[str] = []
    pos = 0
    for span, new in sorted(replacements, key=lambda r: r[0].start):
        out.append(text[pos : span.start])
        out.append(new)
        pos = span.end
    out.append(text[pos:])
    return "".join(out)


# ---------------------------------------------------------------------------
# Prose: Markdown / plain text to LaTeX

_SPECIALS = {
    **ASCII_SPECIALS,
    "<": r"\textless{}",
    ">": r"\textgreater{}",
    "|": r"\textbar{}",
}
_ESCAPE = re.compile(r"[\\{}&%$#_~^<>|]")
_UNICODE_TEXT = {
    "\u2018": "`",
    "\u2019": "'",
    "\u201c": "``",
    "\u201d": "''",
    "\u2013": "--",
    "\u2014": "---",
    "\u2026": r"\ldots{}",
    "\u00a0": "~",
    "\u2009": r"\,",
    "\u00ab": r"\guillemotleft{}",
    "\u00bb": r"\guillemotright{}",
}


def escape_latex(text: str) -> str:
    """Escape LaTeX specials and spell out typographic Unicode for pdflatex.

    Letters with diacritics go through ``citekit.formats.latex`` (``Ş`` ->
    ``{\\c S}``) so the output compiles without a Unicode engine.
    """
    from citekit.formats.latex import latex_escape

    out: list[str] = []
    for ch in text:
        if ch in _SPECIALS:
            out.append(_SPECIALS[ch])
        elif ch in _UNICODE_TEXT:
            out.append(_UNICODE_TEXT[ch])
        elif ord(ch) < 128 or _PLACEHOLDER.match(ch):
            out.append(ch)
        else:
            out.append(latex_escape(ch))
    return "".join(out)


_INLINE = re.compile(
    r"!\[(?P<alt>[^\]\n]*)\]\([^)\s]*\)"
    r"|(?P<code>`[^`\n]+`)"
    r"|\[(?P<ltext>[^\]\n]+)\]\((?P<lurl>[^)\s]+)\)"
    r"|<(?P<auto>https?://[^>\s]+)>"
    r"|(?P<url>https?://[^\s<>()\[\]]+[^\s<>()\[\].,;:!?'\"])"
    r"|\*\*(?P<b1>[^*\n]+?)\*\*|__(?P<b2>[^_\n]+?)__"
    r"|(?<![\w*])\*(?P<i1>[^*\n]+?)\*(?!\w)|(?<!\w)_(?P<i2>[^_\n]+?)_(?!\w)"
)


def _url(url: str) -> str:
    # \url takes its argument verbatim, except that % # and braces still need care.
    safe = url.replace("\\", "/").replace("%", r"\%").replace("#", r"\#")
    safe = safe.replace("{", "%7B").replace("}", "%7D")
    return f"\\url{{{safe}}}"


def inline_to_latex(text: str) -> str:
    """Markdown inline markup to LaTeX; everything else escaped."""
    out: list[str] = []
    pos = 0
    for m in _INLINE.finditer(text):
        out.append(escape_latex(text[pos : m.start()]))
        if m.group("alt") is not None:
            out.append(escape_latex(m.group("alt")))  # an image: its description
        elif m.group("code"):
            out.append(f"\\texttt{{{escape_latex(m.group('code')[1:-1])}}}")
        elif m.group("ltext"):
            out.append(f"{inline_to_latex(m.group('ltext'))}\\footnote{{{_url(m.group('lurl'))}}}")
        elif m.group("auto") or m.group("url"):
            out.append(_url(m.group("auto") or m.group("url")))
        elif m.group("b1") or m.group("b2"):
            out.append(f"\\textbf{{{inline_to_latex(m.group('b1') or m.group('b2'))}}}")
        else:
            out.append(f"\\emph{{{inline_to_latex(m.group('i1') or m.group('i2'))}}}")
        pos = m.end()
    out.append(escape_latex(text[pos:]))
    return "".join(out)


_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_FENCE_OPEN = re.compile(r"^\s{0,3}(`{3,}|~{3,})")
_HTML_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_SETEXT = re.compile(r"^(=+|-+)\s*$")
_BULLET = re.compile(r"^\s{0,3}[-*+]\s+(.*)$")
_ORDERED = re.compile(r"^\s{0,3}\d{1,3}[.)]\s+(.*)$")
_SECTION_COMMANDS = (
    "section*",
    "subsection*",
    "subsubsection*",
    "paragraph",
    "paragraph",
    "paragraph",
)


def markdown_to_latex(text: str) -> tuple[str, str | None]:
    """(LaTeX body, title): headings, paragraphs, lists, emphasis, escaped prose.

    A first-level heading at the very top becomes the document title (and the
    "##" headings below it sections); fenced code becomes ``verbatim``, an
    image its description, an HTML comment nothing.  This is a deliberately
    small converter for essays, not a Markdown implementation.
    """
    lines = _HTML_COMMENT.sub("", text).split("\n")
    out: list[str] = []
    title: str | None = None
    list_env: str | None = None
    i = 0

    def close_list() -> None:
        nonlocal list_env
        if list_env:
            out.append(f"\\end{{{list_env}}}")
            list_env = None

    seen_content = False
    while i < len(lines):
        line = lines[i]
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        fence = _FENCE_OPEN.match(line)
        if fence:
            # Fenced code: verbatim, up to the closing fence (or the end).
            close_list()
            marker = fence.group(1)
            code: list[str] = []
            i += 1
            while i < len(lines) and not lines[i].strip().startswith(marker):
                code.append(lines[i].replace("\\end{verbatim}", "\\end {verbatim}"))
                i += 1
            out.extend(["\\begin{verbatim}", *code, "\\end{verbatim}"])
            seen_content = True
            i += 1
            continue
        heading = _HEADING.match(line)
        level = 0
        if heading:
            level, content = len(heading.group(1)), heading.group(2)
        elif line.strip() and _SETEXT.match(nxt) and not _BULLET.match(line):
            level, content = (1 if nxt.strip().startswith("=") else 2), line.strip()
            i += 1
        if level:
            close_list()
            if level == 1 and not seen_content and title is None:
                title = inline_to_latex(content)
            else:
                # Below a title heading, "##" is a section.
                depth = max(0, level - 1 - (1 if title is not None else 0))
                out.append(f"\\{_SECTION_COMMANDS[depth]}{{{inline_to_latex(content)}}}")
            seen_content = True
            i += 1
            continue
        bullet, ordered = _BULLET.match(line), _ORDERED.match(line)
        if bullet or ordered:
            env = "itemize" if bullet else "enumerate"
            if list_env != env:
                close_list()
                out.append(f"\\begin{{{env}}}")
                list_env = env
            item_text = (bullet or ordered).group(1)  # type: ignore[union-attr]
            out.append(f"  \\item {inline_to_latex(item_text)}")
            seen_content = True
            i += 1
            continue
        if not line.strip():
            close_list()
            out.append("")
        elif line.lstrip().startswith(">"):
            close_list()
            out.append(inline_to_latex(line.lstrip()[1:].strip()))
        else:
            if list_env and line.startswith((" ", "\t")):
                out[-1] += " " + inline_to_latex(line.strip())
            else:
                close_list()
                out.append(inline_to_latex(line.rstrip()))
            seen_content = True
        i += 1
    close_list()
    return "\n".join(out).strip("\n") + "\n", title


# ---------------------------------------------------------------------------
# Whole documents


def _restore(text: str, commands: Sequence[str]) -> str:
    return _PLACEHOLDER.sub(lambda m: commands[ord(m.group(0)) - _PLACEHOLDER_BASE], text)


def latex_preamble(style: Style, title: str | None, bib_name: str) -> tuple[str, str]:
    """(preamble through ``\\begin{document}``, closing with the bibliography)."""
    lines = ["\\documentclass{article}"]
    if style == "biblatex":
        lines.append("\\usepackage[style=authoryear]{biblatex}")
        lines.append(f"\\addbibresource{{{bib_name}.bib}}")
    else:
        lines.append("\\usepackage[round,authoryear]{natbib}")
    lines.append("\\usepackage{url}")
    if title:
        lines.append(f"\\title{{{title}}}")
        lines.append("\\date{}")
    lines.append("\\begin{document}")
    if title:
        lines.append("\\maketitle")
    head = "\n".join(lines) + "\n\n"
    if style == "biblatex":
        tail = "\n\\printbibliography\n\\end{document}\n"
    else:
        tail = (
            f"\n\\bibliographystyle{{plainnat}}\n\\bibliography{{{bib_name}}}\n\\end{{document}}\n"
        )
    return head, tail


def rewrite_document(
    text: str,
    links: Sequence[Link],
    references: Sequence[Reference],
    *,
    source_format: str,
    target: Target,
    style: Style = "natbib",
    bib_name: str = "references",
    remove: Sequence[Span] = (),
) -> RewriteResult:
    """The whole output document for ``citekit link``.

    ``remove`` holds the spans of the document's own reference list (heading
    included).  ``bib_name`` is the .bib file's name as the output refers to it
    (without ``.bib`` for ``\\bibliography``).
    """
    replacements, rewritten, left, used = rewrite_citations(text, links, references, target, style)
    removals = [(span, "") for span in remove]
    # A citation inside the removed list (an entry quoting another) is dropped with it.
    replacements = [
        r for r in replacements if not any(s.start <= r[0].start < s.end for s in remove)
    ]
    if target == "pandoc":
        body = apply(text, replacements + removals)
        if remove:
            body = body.rstrip("\n") + "\n\n# References\n\n::: {#refs}\n:::\n"
        body = _front_matter(body, f"{bib_name}.bib")
        return RewriteResult(body, tuple(rewritten), tuple(left), tuple(used))

    if source_format == "latex":
        body = apply(text, replacements + removals)
        body = _ensure_latex_bibliography(body, style, bib_name)
        return RewriteResult(body, tuple(rewritten), tuple(left), tuple(used))

    commands = [new for _, new in replacements]
    marked = apply(
        text,
        [(span, chr(_PLACEHOLDER_BASE + i)) for i, (span, _) in enumerate(replacements)] + removals,
    )
    if source_format == "markdown":
        converted, title = markdown_to_latex(_strip_front_matter(marked))
    else:
        converted, title = _plain_to_latex(marked)
    head, tail = latex_preamble(style, title, bib_name)
    body = head + _restore(converted, commands) + tail
    return RewriteResult(body, tuple(rewritten), tuple(left), tuple(used))


def _plain_to_latex(text: str) -> tuple[str, str | None]:
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]
    title = None
    if (
        paragraphs
        and "\n" not in paragraphs[0]
        and len(paragraphs[0]) < 120
        and len(paragraphs) > 1
    ):
        title = escape_latex(paragraphs.pop(0))
    return "\n\n".join(escape_latex(p) for p in paragraphs) + "\n", title


_FRONT = re.compile(r"\A---\n(.*?\n)(?:---|\.\.\.)\n", re.DOTALL)


def _strip_front_matter(text: str) -> str:
    m = _FRONT.match(text)
    if not m:
        return text
    title = re.search(r"^title:\s*['\"]?(.*?)['\"]?\s*$", m.group(1), re.MULTILINE)
    rest = text[m.end() :]
    return (f"# {title.group(1)}\n\n" + rest) if title else rest


def _front_matter(text: str, bib_file: str) -> str:
    m = _FRONT.match(text)
    if m:
        if re.search(r"^bibliography:", m.group(1), re.MULTILINE):
            return text
        return f"---\n{m.group(1)}bibliography: {bib_file}\n---\n" + text[m.end() :]
    return f"---\nbibliography: {bib_file}\n---\n\n" + text


def _ensure_latex_bibliography(body: str, style: Style, bib_name: str) -> str:
    if style == "natbib" and "natbib" not in body and "\\begin{document}" in body:
        body = body.replace(
            "\\begin{document}", "\\usepackage[round,authoryear]{natbib}\n\\begin{document}", 1
        )
    if style == "biblatex" and "biblatex" not in body and "\\begin{document}" in body:
        body = body.replace(
            "\\begin{document}",
            "\\usepackage[style=authoryear]{biblatex}\n"
            f"\\addbibresource{{{bib_name}.bib}}\n\\begin{{document}}",
            1,
        )
    has_bib = "\\bibliography{" in body or "\\printbibliography" in body
    if not has_bib and "\\end{document}" in body:
        closing = (
            "\\printbibliography\n"
            if style == "biblatex"
            else f"\\bibliographystyle{{plainnat}}\n\\bibliography{{{bib_name}}}\n"
        )
        body = body.replace("\\end{document}", closing + "\\end{document}", 1)
    return body


# ---------------------------------------------------------------------------
# The pipeline behind ``citekit link``


@dataclass(frozen=True, slots=True)
class LinkedDocument:
    """``citekit link``'s result: the new text, the references for the .bib, the verdicts."""

    result: RewriteResult
    references: tuple[Reference, ...]  # every reference available (own list + --bib)
    links: tuple[Link, ...]


def _own_list(source: Source) -> tuple[list[Reference], list[Span]]:
    """The document's own reference list and the spans to remove (headings included).

    A LaTeX ``thebibliography`` environment is read item by item, keeping each
    ``\\bibitem`` key, so existing ``\\cite{key}`` commands stay valid.
    """
    if source.format == "latex":
        from citekit.latex import bibitem_references, find_bibitems

        items = find_bibitems(source.text)
        if items:
            start = source.text.rfind("\\begin{thebibliography}", 0, items[0].span.start)
            end_tag = "\\end{thebibliography}"
            end = source.text.find(end_tag, items[-1].span.start)
            env = Span(max(start, 0), end + len(end_tag) if end != -1 else items[-1].span.end)
            return bibitem_references(items), [env]
    from citekit.document import parse_document

    parsed = parse_document(source)
    # A heading-less "list" that starts the document is the whole text taken as
    # a list (the parser's last resort): for linking, that text is the prose.
    first = len(source.text) - len(source.text.lstrip())
    sections = [s for s in parsed.sections if s.heading is not None or s.span.start > first]
    own = [r for r in parsed.references if any(s.span.contains(r.span) for s in sections)]
    remove: list[Span] = []
    for section in sections:
        start = section.span.start
        if section.heading_line is not None:
            start = min(start, source.offset_of_line(section.heading_line))
        remove.append(Span(start, section.span.end))
    return own, remove


def link_document(
    source: Source,
    extra_references: Sequence[Reference] = (),
    *,
    target: Target,
    style: Style = "natbib",
    bib_name: str = "references",
) -> LinkedDocument:
    """Parse the document's own list, link its author-year citations, rewrite them.

    ``extra_references`` come from ``--bib`` files and keep their keys.
    Citations inside the reference list itself are not citations.
    """
    from citekit.citations import find_citations, find_endnote_temporary_citations
    from citekit.link import link_citations

    own, remove = _own_list(source)
    taken = {r.key for r in extra_references if r.key}
    refs = list(extra_references) + [r for r in own if r.key not in taken]
    prose = source.text
    if source.format == "latex":
        from citekit.latex import strip_comments

        # Same length, so offsets stay valid; "~" is a space to the citation finder.
        prose = strip_comments(prose).replace("~", " ")
    endnote = find_endnote_temporary_citations(prose) if source.format != "latex" else []
    groups = [c.group for c in endnote]
    found = [
        *endnote,
        *(
            c
            for c in find_citations(prose)
            if not any(g.start <= c.span.start < g.end for g in groups)
        ),
    ]
    citations = sorted(
        (
            c
            for c in found
            if c.kind == "author-year" and not any(s.start <= c.span.start < s.end for s in remove)
        ),
        key=lambda c: c.span.start,
    )
    links = link_citations(citations, refs)
    result = rewrite_document(
        source.text,
        links,
        refs,
        source_format=source.format,
        target=target,
        style=style,
        bib_name=bib_name,
        remove=remove,
    )
    return LinkedDocument(result, tuple(refs), tuple(links))
