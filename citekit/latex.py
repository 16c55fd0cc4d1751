"""LaTeX sources: ``\\cite``-family keys, bibliography resources, ``.aux`` files, ``thebibliography``.

Everything here is a pure function of a text (plus, for resource paths, the
folder of the ``.tex`` file) and returns values with character spans in that
text, so a check can report every key at its line and column.

Comments (``%`` not escaped as ``\\%``), ``verbatim``-like environments and
``\\verb`` are blanked before scanning: the blanked copy has the same length as
the original, so offsets found in it are offsets in the original.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from citekit.model import Citation, Reference, Span

# natbib, biblatex, apacite and plain LaTeX commands whose mandatory argument is a
# comma-separated list of keys.  ``\\citetext`` (free text) is deliberately absent.
SINGLE_CITE_COMMANDS: frozenset[str] = frozenset(
    {
        # LaTeX
        "cite",
        "nocite",
        # natbib
        "citep",
        "citet",
        "citealp",
        "citealt",
        "citeauthor",
        "citefullauthor",
        "citeyear",
        "citeyearpar",
        "citenum",
        "Citep",
        "Citet",
        "Citealp",
        "Citealt",
        "Citeauthor",
        # biblatex
        "Cite",
        "parencite",
        "Parencite",
        "textcite",
        "Textcite",
        "autocite",
        "Autocite",
        "footcite",
        "Footcite",
        "footcitetext",
        "smartcite",
        "Smartcite",
        "supercite",
        "citetitle",
        "citeurl",
        "citedate",
        "citeurldate",
        "fullcite",
        "footfullcite",
        "Citeyear",
        "citelist",
        "citefield",
        "citename",
        "nptextcite",
        "fnotecite",
        # apacite / harvard-like
        "citeA",
        "citeNP",
        "citeyearNP",
        "shortcite",
        "shortciteA",
        "shortciteNP",
        "fullciteA",
        "fullciteNP",
    }
)
# biblatex multi-cite commands: ``\\cites(pre)(post)[pre][post]{k1}[post]{k2}``.
MULTI_CITE_COMMANDS: frozenset[str] = frozenset(
    {
        "cites",
        "Cites",
        "parencites",
        "Parencites",
        "textcites",
        "Textcites",
        "autocites",
        "Autocites",
        "footcites",
        "footcitetexts",
        "smartcites",
        "Smartcites",
        "supercites",
    }
)
NARRATIVE_COMMANDS: frozenset[str] = frozenset(
    {
        "citet",
        "Citet",
        "textcite",
        "Textcite",
        "textcites",
        "Textcites",
        "citeA",
        "shortciteA",
        "fullciteA",
        "nptextcite",
    }
)

_COMMAND = re.compile(r"\\([A-Za-z]+)(\*?)")
_VERBATIM_ENVS = ("verbatim", "Verbatim", "lstlisting", "minted", "comment", "alltt")
_VERBATIM = re.compile(
    r"\\begin\{(" + "|".join(_VERBATIM_ENVS) + r")\*?\}.*?\\end\{\1\*?\}", re.DOTALL
)
_VERB = re.compile(r"\\verb\*?([^A-Za-z\s])[^\n]*?\1")
_BIB_RESOURCE = re.compile(
    r"\\(bibliography|addbibresource|addglobalbib|addsectionbib)\s*(?:\[[^\]]*\])?\s*\{([^}]*)\}"
)
_AUX_LINE = re.compile(
    r"\\(citation|bibdata|bibcite|abx@aux@cite|abx@aux@refcontext|@input)\{([^}]*)\}(?:\{([^}]*)\})?"
)


def _comment_ranges(text: str) -> list[tuple[int, int]]:
    """Ranges of ``%`` comments: a ``%`` preceded by an even number of backslashes."""
    ranges: list[tuple[int, int]] = []
    pos = text.find("%")
    while pos != -1:
        backslashes = 0
        j = pos - 1
        while j >= 0 and text[j] == "\\":
            backslashes += 1
            j -= 1
        if backslashes % 2 == 0:
            end = text.find("\n", pos)
            end = len(text) if end == -1 else end
            ranges.append((pos, end))
            pos = text.find("%", end)
        else:
            pos = text.find("%", pos + 1)
    return ranges


def _blank(text: str, ranges: Iterable[tuple[int, int]]) -> str:
    """Replace the given ranges with spaces, keeping newlines and so every offset."""
    chars = list(text)
    for start, end in ranges:
        for i in range(start, end):
            if chars[i] != "\n":
                chars[i] = " "
    return "".join(chars)


def strip_comments(text: str) -> str:
    """``text`` with comments, verbatim environments and ``\\verb`` blanked, same length."""
    text = _blank(text, _comment_ranges(text))
    ranges = [m.span() for m in _VERBATIM.finditer(text)]
    ranges += [m.span() for m in _VERB.finditer(text)]
    return _blank(text, ranges) if ranges else text


def _skip_space(text: str, pos: int) -> int:
    """Skip blanks and at most one line break (a blank line ends a LaTeX argument list)."""
    newline = False
    while pos < len(text) and text[pos] in " \t\n":
        if text[pos] == "\n":
            if newline:
                break
            newline = True
        pos += 1
    return pos


# An argument longer than this is not a citation argument (an unclosed brace):
# bounding the scan keeps a file full of unclosed "\\cite{" linear.
_MAX_ARGUMENT = 4000


def _balanced(text: str, pos: int, opening: str, closing: str) -> int | None:
    """End offset (after ``closing``) of a group starting at ``pos``, honouring ``{}`` nesting."""
    if pos >= len(text) or text[pos] != opening:
        return None
    depth_brace = 0
    i = pos + 1
    stop = min(len(text), pos + _MAX_ARGUMENT)
    while i < stop:
        ch = text[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "{":
            depth_brace += 1
        elif ch == "}":
            if depth_brace == 0:
                if closing == "}":
                    return i + 1
                return None  # unbalanced "]" group
            depth_brace -= 1
        elif ch == closing and depth_brace == 0:
            return i + 1
        i += 1
    return None


def _opt_text(text: str, start: int, end: int) -> str | None:
    """The content of an optional argument, whitespace-normalised; None when empty."""
    inner = " ".join(text[start + 1 : end - 1].replace("~", " ").split())
    return inner or None


def _keys_in(
    text: str,
    start: int,
    end: int,
    command: str,
    group: Span,
    prenote: str | None,
    postnote: str | None,
) -> list[Citation]:
    """One Citation per key in the braces ``text[start:end]``."""
    out: list[Citation] = []
    body_start = start + 1
    body = text[body_start : end - 1]
    offset = 0
    name = command.rstrip("*")
    for part in body.split(","):
        stripped = part.strip()
        # "#1" is a macro parameter (\newcommand{\mycite}[1]{\citep{#1}}), not a key.
        if stripped and not stripped.startswith("#"):
            lead = len(part) - len(part.lstrip())
            key_start = body_start + offset + lead
            out.append(
                Citation(
                    kind="key",
                    text=stripped,
                    span=Span(key_start, key_start + len(stripped)),
                    group=group,
                    key=stripped,
                    command=command,
                    locator=postnote,
                    prefix=prenote,
                    narrative=name in NARRATIVE_COMMANDS,
                )
            )
        offset += len(part) + 1
    return out


def _optionals(text: str, pos: int, limit: int) -> tuple[list[tuple[int, int]], int]:
    """Up to ``limit`` ``[...]`` arguments starting at ``pos`` (after blanks)."""
    found: list[tuple[int, int]] = []
    while len(found) < limit:
        p = _skip_space(text, pos)
        end = _balanced(text, p, "[", "]")
        if end is None:
            break
        found.append((p, end))
        pos = end
    return found, pos


def _notes(text: str, opts: Sequence[tuple[int, int]]) -> tuple[str | None, str | None]:
    """(prenote, postnote): one optional argument is a postnote, two are pre and post."""
    if len(opts) == 1:
        return None, _opt_text(text, *opts[0])
    if len(opts) >= 2:
        return _opt_text(text, *opts[0]), _opt_text(text, *opts[1])
    return None, None


def find_cite_keys(text: str) -> list[Citation]:
    """Every key of every ``\\cite``-family command in a LaTeX text, in document order.

    Handles starred forms, one or two optional arguments (one is the postnote,
    kept as ``locator``; with two the first is the prenote, kept as ``prefix``),
    several keys per command, biblatex multi-cite commands with their global
    ``(pre)(post)`` notes, and ``\\nocite{*}`` (a citation whose key is ``*``).
    Commented-out and verbatim text is ignored.
    """
    clean = strip_comments(text)
    out: list[Citation] = []
    for m in _COMMAND.finditer(clean):
        name, star = m.group(1), m.group(2)
        command = name + star
        if name in SINGLE_CITE_COMMANDS:
            opts, pos = _optionals(clean, m.end(), 2)
            p = _skip_space(clean, pos)
            end = _balanced(clean, p, "{", "}")
            if end is None:
                continue
            prenote, postnote = _notes(clean, opts)
            out.extend(_keys_in(text, p, end, command, Span(m.start(), end), prenote, postnote))
        elif name in MULTI_CITE_COMMANDS:
            pos = m.end()
            for _ in range(2):  # global (prenote)(postnote)
                p = _skip_space(clean, pos)
                end = _balanced(clean, p, "(", ")")
                if end is None:
                    break
                pos = end
            pending: list[tuple[int, int, str | None, str | None]] = []
            while True:
                opts, after = _optionals(clean, pos, 2)
                p = _skip_space(clean, after)
                end = _balanced(clean, p, "{", "}")
                if end is None:
                    break
                prenote, postnote = _notes(clean, opts)
                pending.append((p, end, prenote, postnote))
                pos = end
            group = Span(m.start(), pos)
            for p, end, prenote, postnote in pending:
                out.extend(_keys_in(text, p, end, command, group, prenote, postnote))
    return out


# ---------------------------------------------------------------------------
# Bibliography resources


@dataclass(frozen=True, slots=True)
class BibResource:
    """A .bib file named by ``\\bibliography`` or ``\\addbibresource``."""

    written: str  # as written in the source: "refs" or "refs.bib"
    path: str  # resolved path (relative to the .tex file's folder)
    command: str
    span: Span  # span of the name as written


def _resolve(name: str, base_dir: str | Path | None, add_suffix: bool) -> str:
    path = Path(name)
    if add_suffix and path.suffix.lower() != ".bib":
        path = path.with_name(path.name + ".bib")
    if base_dir is not None and not path.is_absolute():
        path = Path(base_dir) / path
    return str(path)


def find_bib_resources(text: str, base_dir: str | Path | None = None) -> list[BibResource]:
    """The .bib files a LaTeX text names, in order, resolved relative to ``base_dir``.

    ``\\bibliography{a,b}`` names ``a.bib`` and ``b.bib`` (BibTeX adds the
    suffix); ``\\addbibresource{x.bib}`` names the file exactly (biblatex).
    """
    clean = strip_comments(text)
    out: list[BibResource] = []
    for m in _BIB_RESOURCE.finditer(clean):
        command = m.group(1)
        body_start = m.start(2)
        offset = 0
        parts = m.group(2).split(",") if command == "bibliography" else [m.group(2)]
        for part in parts:
            name = part.strip()
            if name:
                start = body_start + offset + len(part) - len(part.lstrip())
                out.append(
                    BibResource(
                        written=name,
                        path=_resolve(name, base_dir, add_suffix=command == "bibliography"),
                        command=command,
                        span=Span(start, start + len(name)),
                    )
                )
            offset += len(part) + 1
    return out


# ---------------------------------------------------------------------------
# .aux files


@dataclass(frozen=True, slots=True)
class AuxData:
    """What a LaTeX ``.aux`` file says about citations.

    ``citations`` are the keys of ``\\citation`` (BibTeX) and ``\\abx@aux@cite``
    (biblatex) lines, with spans in the aux text; ``bibdata`` the databases of
    ``\\bibdata``; ``bibcites`` the keys BibTeX defined (``\\bibcite``);
    ``inputs`` the included aux files of ``\\@input`` (chapters).
    """

    citations: tuple[Citation, ...]
    bibdata: tuple[str, ...]
    bibcites: tuple[str, ...]
    inputs: tuple[str, ...]


def parse_aux(text: str) -> AuxData:
    """Read the citation lines of a ``.aux`` file written by LaTeX."""
    citations: list[Citation] = []
    bibdata: list[str] = []
    bibcites: list[str] = []
    inputs: list[str] = []
    for m in _AUX_LINE.finditer(text):
        command, first, second = m.group(1), m.group(2), m.group(3)
        group = Span(m.start(), m.end())
        if command == "citation":
            citations.extend(
                _keys_in(text, m.start(2) - 1, m.end(2) + 1, "citation", group, None, None)
            )
        elif command == "abx@aux@cite":
            # biblatex >= 3.x writes \abx@aux@cite{<refsection>}{<key>}; older ones {<key>}.
            if second is not None and first.isdigit():
                start, key = m.start(3), second
            else:
                start, key = m.start(2), first
            if key.strip():
                citations.append(
                    Citation(
                        kind="key",
                        text=key,
                        span=Span(start, start + len(key)),
                        group=group,
                        key=key,
                        command="abx@aux@cite",
                    )
                )
        elif command == "bibdata":
            bibdata.extend(p.strip() for p in first.split(",") if p.strip())
        elif command == "bibcite":
            bibcites.append(first.strip())
        elif command == "@input":
            inputs.append(first.strip())
    return AuxData(tuple(citations), tuple(bibdata), tuple(bibcites), tuple(inputs))


def aux_bib_paths(aux: AuxData, base_dir: str | Path | None = None) -> list[str]:
    """The .bib files of an aux file's ``\\bibdata``, resolved like ``\\bibliography``."""
    return [_resolve(name, base_dir, add_suffix=True) for name in aux.bibdata]


# ---------------------------------------------------------------------------
# Keys defined in a .bib file (raw scan: duplicates must be seen, with positions)

_BIB_ENTRY = re.compile(r"@([A-Za-z]+)\s*([{(])\s*([^,\s{}()=\"#%']+)\s*,")
_NON_ENTRIES = frozenset({"comment", "string", "preamble"})


@dataclass(frozen=True, slots=True)
class BibKey:
    """One entry key in a .bib text, with the span of the key."""

    key: str
    entry_type: str
    span: Span


def find_bib_keys(text: str) -> list[BibKey]:
    """Every entry key of a .bib text in order, duplicates included.

    A parser keeps one entry per key; to report a duplicate at its line we scan
    the raw text.  ``@comment``/``@string``/``@preamble`` are not entries; text
    outside entries is a comment in BibTeX, so an ``@`` in running prose that
    does not look like ``@type{key,`` is skipped.
    """
    out: list[BibKey] = []
    for m in _BIB_ENTRY.finditer(text):
        entry_type = m.group(1).lower()
        if entry_type in _NON_ENTRIES:
            continue
        # An "@" inside a field value (e-mail addresses) is not an entry start:
        # entries begin a line or follow only blanks.
        line_start = text.rfind("\n", 0, m.start()) + 1
        if text[line_start : m.start()].strip():
            continue
        out.append(BibKey(m.group(3), entry_type, Span(m.start(3), m.end(3))))
    return out


def duplicate_keys(keys: Iterable[BibKey]) -> list[tuple[BibKey, BibKey]]:
    """(duplicate, first) pairs: each later occurrence of a key with its first one.

    BibTeX compares keys case-insensitively, so "Nye2004" duplicates "nye2004".
    """
    first: dict[str, BibKey] = {}
    out: list[tuple[BibKey, BibKey]] = []
    for k in keys:
        folded = k.key.casefold()
        if folded in first:
            out.append((k, first[folded]))
        else:
            first[folded] = k
    return out


@dataclass(frozen=True, slots=True)
class KeyCheck:
    """Keys cited vs keys defined: the three lists a LaTeX check reports."""

    undefined: tuple[Citation, ...]  # cited, not in any .bib
    unused: tuple[BibKey, ...]  # in a .bib, never cited (empty with \\nocite{*})
    duplicates: tuple[tuple[BibKey, BibKey], ...]  # (duplicate, first definition)


def check_keys(citations: Sequence[Citation], defined: Sequence[BibKey]) -> KeyCheck:
    """Compare cited keys with defined keys (a pure function; no IO).

    Key comparison is exact for undefined citations (BibTeX warns about a
    key that differs only in case) and ``\\nocite{*}`` marks every entry used.
    """
    defined_exact = {k.key for k in defined}
    cited = {c.key for c in citations if c.key}
    everything = "*" in cited
    undefined = tuple(c for c in citations if c.key and c.key != "*" and c.key not in defined_exact)
    seen: set[str] = set()
    unused: list[BibKey] = []
    cited_folded = {k.casefold() for k in cited}
    for k in defined:
        folded = k.key.casefold()
        if everything or folded in cited_folded or folded in seen:
            continue
        seen.add(folded)
        unused.append(k)
    return KeyCheck(undefined, tuple(unused), tuple(duplicate_keys(defined)))


# ---------------------------------------------------------------------------
# thebibliography


@dataclass(frozen=True, slots=True)
class BibItem:
    """One ``\\bibitem[label]{key} text`` of a ``thebibliography`` environment."""

    key: str
    label: str | None
    text: str  # plain text with LaTeX markup removed, for the reference parser
    raw: str  # as written
    span: Span  # of the whole item, in the LaTeX text


_THEBIB = re.compile(
    r"\\begin\{thebibliography\}\s*(?:\{[^}]*\})?(.*?)\\end\{thebibliography\}", re.DOTALL
)
_BIBITEM = re.compile(r"\\bibitem\s*(?:\[((?:[^\[\]{}]|\{[^{}]*\})*)\])?\s*\{([^}]*)\}")
_SIMPLE_MARKUP = re.compile(
    r"\\(?:emph|textit|textbf|textsc|textsl|textrm|textsf|texttt|textup|mbox|url|path|"
    r"bibinfo\{[^}]*\}|bibfnamefont|bibnamefont|enquote|mkbibquote|mkbibemph)\s*\{"
)
_DECLS = re.compile(r"\\(?:em|it|bf|sc|sl|rm|sf|tt|itshape|bfseries|scshape|upshape)\b\s*")
_ACCENTS = {
    "'": "\u0301",
    "`": "\u0300",
    "^": "\u0302",
    '"': "\u0308",
    "~": "\u0303",
    "=": "\u0304",
    ".": "\u0307",
    "u": "\u0306",
    "v": "\u030c",
    "H": "\u030b",
    "c": "\u0327",
    "k": "\u0328",
}
_ACCENT = re.compile(r"\\([`'^\"~=.]|[uvHck](?=[\s{]))\s*(?:\{\\?([A-Za-z])\}|\\?([A-Za-z]))")
_SYMBOLS = {
    r"\&": "&",
    r"\%": "%",
    r"\$": "$",
    r"\#": "#",
    r"\_": "_",
    r"\{": "{",
    r"\}": "}",
    r"\ss": "ß",
    r"\o": "ø",
    r"\O": "Ø",
    r"\aa": "å",
    r"\AA": "Å",
    r"\ae": "æ",
    r"\AE": "Æ",
    r"\l": "ł",
    r"\L": "Ł",
    r"\i": "ı",
    r"\textendash": "–",
    r"\textemdash": "—",
    r"\ldots": "…",
    r"\dots": "…",
    r"\newblock": " ",
    r"\doi": "doi:",
    r"\ ": " ",
    r"\,": " ",
    r"\@": "",
}
_SYMBOL = re.compile(
    "|".join(
        re.escape(s) + (r"(?![A-Za-z])" if s[-1].isalpha() else "")
        for s in sorted(_SYMBOLS, key=len, reverse=True)
    )
)


def latex_to_text(s: str) -> str:
    """A LaTeX fragment as plain text: markup dropped, accents and symbols as Unicode.

    Enough for reference entries (``\\emph``, ``{\\em ...}``, ``\\"o``, ``--``,
    ``~``), not a TeX interpreter.
    """
    import unicodedata

    s = strip_comments(s)
    s = _ACCENT.sub(
        lambda m: unicodedata.normalize("NFC", (m.group(2) or m.group(3)) + _ACCENTS[m.group(1)]),
        s,
    )
    s = _SYMBOL.sub(lambda m: _SYMBOLS[m.group(0)], s)
    s = _SIMPLE_MARKUP.sub("{", s)
    s = _DECLS.sub("", s)
    s = re.sub(r"\\(?:url|href)\{([^}]*)\}(?:\{[^}]*\})?", r"\1", s)
    s = s.replace("---", "—").replace("--", "–").replace("~", " ")
    s = s.replace("``", "“").replace("''", "”")
    s = re.sub(r"\\[A-Za-z]+\*?", "", s)  # any command left: drop the name
    s = s.replace("{", "").replace("}", "")
    return " ".join(s.split())


def find_bibitems(text: str) -> list[BibItem]:
    """The ``\\bibitem`` entries of every ``thebibliography`` environment, in order."""
    clean = strip_comments(text)
    out: list[BibItem] = []
    for env in _THEBIB.finditer(clean):
        body_start, body_end = env.start(1), env.end(1)
        items = list(_BIBITEM.finditer(clean, body_start, body_end))
        for i, m in enumerate(items):
            end = items[i + 1].start() if i + 1 < len(items) else body_end
            raw = text[m.start() : end].rstrip()
            body = clean[m.end() : end]
            label = m.group(1)
            out.append(
                BibItem(
                    key=m.group(2).strip(),
                    label=latex_to_text(label) if label is not None else None,
                    text=latex_to_text(body),
                    raw=raw,
                    span=Span(m.start(), m.start() + len(raw)),
                )
            )
    return out


def bibitem_references(items: Sequence[BibItem]) -> list[Reference]:
    """Parse ``thebibliography`` items like any free-text list, keeping each item's key.

    The parsed references keep the ``\\bibitem`` key as ``key`` and the item's
    span in the LaTeX text, so they can be exported to .bib under the same keys
    the document cites.
    """
    from citekit.document import parse_reference_strings

    if not items:
        return []
    parsed = parse_reference_strings([item.text for item in items])
    return [
        ref.with_(key=item.key, span=item.span, label=item.label or ref.label)
        for ref, item in zip(parsed, items, strict=True)
    ]
