"""Word (.docx) and OpenDocument (.odt) documents as the plain text citekit reads.

Both are zips of XML parts.  ``office_text`` turns either into text laid out
the same way:

- each paragraph of the body (tables, lists and text boxes included) on a line
  of its own followed by a blank line, so paragraph k is line 2k - 1 and a list
  ends where the document's paragraphs say, not where the next line looks
  unlike a reference;
- automatic list numbering written out as it shows ("1.", "[1]", "(1)"),
  since a numbered reference list keeps its numbers only there;
- footnotes and endnotes after the body, under "Footnotes" and "Endnotes",
  numbered in the order the text cites them: a notes list beside the
  bibliography (``citekit.notes``).

Only the standard library is used (``zipfile``, ``xml.etree``).  A damaged
zip, a zip that is neither kind of document, invalid XML, or a file that
unpacks to more than ``MAX_UNPACKED`` bytes gives an ``InputError``.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from xml.etree import ElementTree as ET

from citekit.embedded import EmbeddedCitation, bookmark_codes, docx_citations, odt_citations
from citekit.errors import InputError

__all__ = ["MAX_UNPACKED", "OfficeDocument", "office_text", "read_office"]

MAX_UNPACKED = 200 * 1024 * 1024
_HEADINGS = {"footnote": "Footnotes", "endnote": "Endnotes"}

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
_STYLE = "{urn:oasis:names:tc:opendocument:xmlns:style:1.0}"
_ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"


@dataclass(frozen=True)
class OfficeDocument:
    """A .docx or .odt file read: its text, and the citations a reference manager
    stored in it (``citekit.embedded``), with warnings about any it could not read."""

    text: str
    citations: tuple[EmbeddedCitation, ...] = ()
    warnings: tuple[str, ...] = ()
    places: tuple[str, ...] = ()  # per line of ``text``: "paragraph 12", "footnote 3", or ""


def office_text(data: bytes, path: str = "<document>") -> str:
    """The text of a .docx or .odt file: its paragraphs, then its notes."""
    return read_office(data, path).text


def read_office(data: bytes, path: str = "<document>") -> OfficeDocument:
    """A .docx or .odt file's text and embedded citations."""
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise InputError(f"{path}: not a valid .docx or .odt file (a damaged zip)") from None
    with zf:
        if sum(info.file_size for info in zf.infolist()) > MAX_UNPACKED:
            raise InputError(f"{path}: unpacks to more than {MAX_UNPACKED} bytes; refused")
        names = set(zf.namelist())
        warnings: list[str] = []
        if "word/document.xml" in names:
            body = _parse(zf, "word/document.xml", path)
            assert body is not None
            paragraphs, notes = _docx(zf, body, path)
            citations = docx_citations(
                body, warnings, bookmark_codes(_docx_properties(zf, path, warnings))
            )
        elif "content.xml" in names and _read(zf, "mimetype", path).startswith(_ODT_MIMETYPE):
            content = _parse(zf, "content.xml", path)
            assert content is not None
            paragraphs, notes = _odt(zf, content, path)
            citations = odt_citations(
                _odt_body(content), warnings, bookmark_codes(_odt_properties(zf, path, warnings))
            )
        else:
            raise InputError(f"{path}: a zip file that is not a Word or OpenDocument text document")
    text, places = _layout(paragraphs, notes)
    return OfficeDocument(text, citations, tuple(warnings), places)


_CUSTOM = "{http://schemas.openxmlformats.org/officeDocument/2006/custom-properties}"
_META = "{urn:oasis:names:tc:opendocument:xmlns:meta:1.0}"


def _optional(zf: zipfile.ZipFile, name: str, path: str, warnings: list[str]) -> ET.Element | None:
    """A part the text does not need: damaged, it is a warning, not an error."""
    try:
        return _parse(zf, name, path)
    except InputError as exc:
        warnings.append(f"{exc}; its document properties are not read")
        return None


def _docx_properties(zf: zipfile.ZipFile, path: str, warnings: list[str]) -> dict[str, str]:
    """A Word file's custom document properties and document variables, by name."""
    out: dict[str, str] = {}
    custom = _optional(zf, "docProps/custom.xml", path, warnings)
    if custom is not None:
        for prop in custom.iter(_CUSTOM + "property"):
            out[prop.get("name", "")] = "".join(prop.itertext())
    settings = _optional(zf, "word/settings.xml", path, warnings)
    if settings is not None:
        for var in settings.iter(_W + "docVar"):
            out.setdefault(var.get(_W + "name", ""), var.get(_W + "val", ""))
    return out


def _odt_properties(zf: zipfile.ZipFile, path: str, warnings: list[str]) -> dict[str, str]:
    """An OpenDocument file's user-defined properties (meta.xml), by name."""
    meta = _optional(zf, "meta.xml", path, warnings)
    if meta is None:
        return {}
    return {
        el.get(_META + "name", ""): "".join(el.itertext())
        for el in meta.iter(_META + "user-defined")
    }


def _layout(paragraphs: Sequence[str], notes: dict[str, list[str]]) -> tuple[str, tuple[str, ...]]:
    """The text, and for each of its lines where it is in the document."""
    lines: list[str] = []
    places: list[str] = []
    for k, p in enumerate(paragraphs, start=1):
        lines += [p, ""]
        places += [f"paragraph {k}"] * 2
    for kind, heading in _HEADINGS.items():
        written = [n for n in notes.get(kind, ()) if n]
        if written:
            lines += [heading, ""]
            places += ["", ""]
            for k, text in enumerate(written, start=1):
                lines += [f"{k}. {text}", ""]
                places += [f"{kind} {k}"] * 2
    return "\n".join(lines), tuple(places)


def _read(zf: zipfile.ZipFile, name: str, path: str = "<document>") -> bytes:
    try:
        return zf.read(name)
    except KeyError:
        return b""
    except (zipfile.BadZipFile, NotImplementedError, RuntimeError, EOFError, zlib.error) as exc:
        # a damaged member, an unsupported compression method, a password
        raise InputError(f"{path}: cannot unpack {name} ({exc})") from None


def _parse(zf: zipfile.ZipFile, name: str, path: str) -> ET.Element | None:
    raw = _read(zf, name, path)
    if not raw:
        return None
    try:
        return ET.fromstring(raw)
    except ET.ParseError as exc:
        raise InputError(f"{path}: {name} inside the document is not valid XML ({exc})") from None


def _int(value: str | None, default: int = 1) -> int:
    """A number attribute, or ``default`` where it is missing or not a number."""
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


def _line(text: str) -> str:
    return " ".join(text.split())


def _counter_text(n: int, fmt: str) -> str:
    """``n`` in a list's number format: decimal, letters or Roman numerals."""
    if fmt in ("lowerLetter", "upperLetter", "a", "A"):
        s = chr(ord("a") + (n - 1) % 26)
        return s.upper() if fmt in ("upperLetter", "A") else s
    if fmt in ("lowerRoman", "upperRoman", "i", "I"):
        out = ""
        for v, r in ((10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
            while n >= v:
                out, n = out + r, n - v
        return out.upper() if fmt in ("upperRoman", "I") else out
    return str(n)


# --- Word ---------------------------------------------------------------------


def _docx(
    zf: zipfile.ZipFile, body: ET.Element, path: str
) -> tuple[list[str], dict[str, list[str]]]:
    numbering = _WordNumbering(_parse(zf, "word/numbering.xml", path))
    paragraphs: list[str] = []
    order: dict[str, list[str]] = {kind: [] for kind in _HEADINGS}
    for p in body.iter(_W + "p"):
        paragraphs.append(_line(numbering.label(p) + "".join(_word_texts(p))))
        for kind, ids in order.items():
            for ref in p.iter(_W + f"{kind}Reference"):
                if ref.get(_W + "id", "") not in ids:
                    ids.append(ref.get(_W + "id", ""))
    notes: dict[str, list[str]] = {}
    for kind, ids in order.items():
        root = _parse(zf, f"word/{kind}s.xml", path)
        if root is None or not ids:
            continue
        text = {
            n.get(_W + "id", ""): _line(" ".join("".join(_word_texts(p)) for p in n.iter(_W + "p")))
            for n in root.iter(_W + kind)
            if n.get(_W + "type") in (None, "normal")
        }
        notes[kind] = [text[i] for i in ids if i in text]
    return paragraphs, notes


def _word_texts(el: ET.Element) -> Iterator[str]:
    """The text of a paragraph in order, not descending into nested paragraphs
    (a text box's paragraphs are paragraphs of their own)."""
    for child in el:
        tag = child.tag
        if tag == _W + "t":
            yield child.text or ""
        elif tag == _W + "tab":
            yield "\t"
        elif tag in (_W + "br", _W + "cr"):
            yield " "
        elif tag == _W + "noBreakHyphen":
            yield "-"
        elif tag not in (_W + "p", _W + "delText", _W + "instrText"):
            yield from _word_texts(child)


class _WordNumbering:
    """Word's list numbering: the label each numbered paragraph shows."""

    def __init__(self, root: ET.Element | None) -> None:
        self._formats: dict[tuple[str, str], tuple[str, str, int]] = {}
        self._counters: dict[str, list[int]] = {}
        if root is None:
            return
        abstract: dict[str, dict[str, tuple[str, str, int]]] = {}
        for a in root.iter(_W + "abstractNum"):
            levels: dict[str, tuple[str, str, int]] = {}
            for lvl in a.iter(_W + "lvl"):
                fmt, text, start = (lvl.find(_W + t) for t in ("numFmt", "lvlText", "start"))
                levels[lvl.get(_W + "ilvl", "0")] = (
                    fmt.get(_W + "val", "decimal") if fmt is not None else "decimal",
                    text.get(_W + "val", "%1.") if text is not None else "%1.",
                    _int(start.get(_W + "val") if start is not None else None),
                )
            abstract[a.get(_W + "abstractNumId", "")] = levels
        for num in root.iter(_W + "num"):
            ref = num.find(_W + "abstractNumId")
            if ref is not None:
                for ilvl, spec in abstract.get(ref.get(_W + "val", ""), {}).items():
                    self._formats[(num.get(_W + "numId", ""), ilvl)] = spec

    def label(self, p: ET.Element) -> str:
        num = p.find(f"{_W}pPr/{_W}numPr")
        if num is None:
            return ""
        num_id_el, ilvl_el = num.find(_W + "numId"), num.find(_W + "ilvl")
        num_id = num_id_el.get(_W + "val", "") if num_id_el is not None else ""
        ilvl = ilvl_el.get(_W + "val", "0") if ilvl_el is not None else "0"
        fmt, text, start = self._formats.get((num_id, ilvl), ("", "", 1))
        if fmt in ("bullet", "none", ""):
            return "- " if fmt == "bullet" else ""
        depth = min(int(ilvl), 8) if ilvl.isdigit() else 0  # Word has nine levels, 0-8
        counters = self._counters.setdefault(num_id, [])
        while len(counters) <= depth:
            counters.append(start - 1)
        counters[depth] += 1
        del counters[depth + 1 :]
        return re.sub(r"%\d", _counter_text(counters[depth], fmt), text, count=1) + " "


# --- OpenDocument -------------------------------------------------------------


def _odt_body(content: ET.Element) -> ET.Element:
    body = content.find("{urn:oasis:names:tc:opendocument:xmlns:office:1.0}body")
    return body if body is not None else content


def _odt(
    zf: zipfile.ZipFile, content: ET.Element, path: str
) -> tuple[list[str], dict[str, list[str]]]:
    numbered = _odt_list_styles([content, _parse(zf, "styles.xml", path)])
    paragraphs: list[str] = []
    notes: dict[str, list[str]] = {kind: [] for kind in _HEADINGS}
    counters: dict[int, int] = {}

    def walk(el: ET.Element, label: str = "") -> None:
        for child in el:
            tag = child.tag
            if tag in (_TEXT + "p", _TEXT + "h"):
                paragraphs.append(_line(label + "".join(_odt_texts(child, notes))))
                label = ""
            elif tag == _TEXT + "list":
                style = child.get(_TEXT + "style-name", "")
                spec = numbered.get(style)
                key = id(child)
                for item in child:
                    if item.tag != _TEXT + "list-item":
                        continue
                    shown = ""
                    if spec is not None and spec[3] == "bullet":
                        shown = "- "
                    elif spec is not None:
                        counters[key] = counters.get(key, spec[2] - 1) + 1
                        shown = f"{spec[0]}{_counter_text(counters[key], spec[3])}{spec[1]} "
                    walk(item, shown)
            elif tag not in (_TEXT + "note", _TEXT + "tracked-changes"):
                walk(child)

    walk(_odt_body(content))
    return paragraphs, notes


def _odt_texts(el: ET.Element, notes: dict[str, list[str]]) -> Iterator[str]:
    """A paragraph's text; its notes go to ``notes`` in the order they are met."""
    if el.text:
        yield el.text
    for child in el:
        tag = child.tag
        if tag == _TEXT + "s":
            yield " " * int(child.get(_TEXT + "c", "1"))
        elif tag == _TEXT + "tab":
            yield "\t"
        elif tag == _TEXT + "line-break":
            yield " "
        elif tag == _TEXT + "note":
            body = child.find(_TEXT + "note-body")
            kind = child.get(_TEXT + "note-class", "footnote")
            if body is not None and kind in notes:
                parts = ("".join(_odt_texts(p, notes)) for p in body.iter(_TEXT + "p"))
                notes[kind].append(_line(" ".join(parts)))
        elif tag not in (_TEXT + "p", _TEXT + "h"):
            yield from _odt_texts(child, notes)
        if child.tail:
            yield child.tail


def _odt_list_styles(roots: Sequence[ET.Element | None]) -> dict[str, tuple[str, str, int, str]]:
    """List styles: name -> (prefix, suffix, start, format) of the first level; the
    format of a bulleted list is "bullet"."""
    out: dict[str, tuple[str, str, int, str]] = {}
    for root in roots:
        for style in root.iter(_TEXT + "list-style") if root is not None else ():
            name = style.get(_STYLE + "name", "")
            for level in style:
                if level.get(_TEXT + "level", "1") != "1":
                    continue
                if level.tag == _TEXT + "list-level-style-bullet":
                    out[name] = ("", "", 1, "bullet")
                elif level.tag == _TEXT + "list-level-style-number":
                    out[name] = (
                        level.get(_STYLE + "num-prefix", ""),
                        level.get(_STYLE + "num-suffix", "."),
                        _int(level.get(_TEXT + "start-value")),
                        level.get(_STYLE + "num-format", "1"),
                    )
    return out
