"""Word documents (.docx): the text of the body, its numbered lists and its notes.

A .docx file is a zip of XML parts.  ``docx_text`` turns one into the plain
text the rest of citekit reads:

- each paragraph of the body (tables and text boxes included) on a line of
  its own followed by a blank line, so paragraph k is line 2k - 1 and a list
  ends where Word's paragraphs say, not where the next line looks unlike a
  reference;
- Word's automatic numbering written out as it shows ("1.", "[1]", "(1)"),
  since a numbered reference list keeps its numbers only there;
- footnotes and endnotes after the body, under "Footnotes" and "Endnotes",
  numbered in the order the text cites them, as a notes list beside the
  bibliography.

Only the standard library is used (``zipfile``, ``xml.etree``).  A file that is
not a Word document, or one that unpacks to more than ``MAX_UNPACKED`` bytes,
gives an ``InputError``.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from xml.etree import ElementTree as ET

from citekit.errors import InputError

__all__ = ["MAX_UNPACKED", "docx_text"]

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MAX_UNPACKED = 200 * 1024 * 1024
_NOTE_KINDS = (("footnote", "Footnotes"), ("endnote", "Endnotes"))


def _parse(zf: zipfile.ZipFile, name: str, path: str) -> ET.Element | None:
    try:
        raw = zf.read(name)
    except KeyError:
        return None
    try:
        return ET.fromstring(raw)
    except ET.ParseError as exc:
        raise InputError(f"{path}: {name} inside the .docx is not valid XML ({exc})") from None


def _texts(el: ET.Element) -> Iterator[str]:
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
        elif tag in (_W + "footnoteReference", _W + "endnoteReference"):
            continue
        elif tag != _W + "p" and tag not in (_W + "delText", _W + "instrText"):
            yield from _texts(child)


def _paragraphs(root: ET.Element) -> Iterator[ET.Element]:
    return root.iter(_W + "p")


class _Numbering:
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
                fmt = lvl.find(_W + "numFmt")
                text = lvl.find(_W + "lvlText")
                start = lvl.find(_W + "start")
                levels[lvl.get(_W + "ilvl", "0")] = (
                    fmt.get(_W + "val", "decimal") if fmt is not None else "decimal",
                    text.get(_W + "val", "%1.") if text is not None else "%1.",
                    int(start.get(_W + "val", "1")) if start is not None else 1,
                )
            abstract[a.get(_W + "abstractNumId", "")] = levels
        for num in root.iter(_W + "num"):
            ref = num.find(_W + "abstractNumId")
            if ref is None:
                continue
            for ilvl, spec in abstract.get(ref.get(_W + "val", ""), {}).items():
                self._formats[(num.get(_W + "numId", ""), ilvl)] = spec

    def label(self, p: ET.Element) -> str:
        props = p.find(_W + "pPr")
        num = props.find(_W + "numPr") if props is not None else None
        if num is None:
            return ""
        num_id_el, ilvl_el = num.find(_W + "numId"), num.find(_W + "ilvl")
        num_id = num_id_el.get(_W + "val", "") if num_id_el is not None else ""
        ilvl = ilvl_el.get(_W + "val", "0") if ilvl_el is not None else "0"
        fmt, text, start = self._formats.get((num_id, ilvl), ("", "", 1))
        if fmt in ("bullet", "none", ""):
            return "- " if fmt == "bullet" else ""
        depth = int(ilvl) if ilvl.isdigit() else 0
        counters = self._counters.setdefault(num_id, [])
        while len(counters) <= depth:
            counters.append(start - 1)
        counters[depth] += 1
        del counters[depth + 1 :]
        value = counters[depth]
        shown = str(value) if fmt == "decimal" else _letters(value, fmt)
        return re.sub(r"%\d", shown, text, count=1) + " "


def _letters(n: int, fmt: str) -> str:
    if fmt in ("lowerLetter", "upperLetter"):
        s = chr(ord("a") + (n - 1) % 26)
        return s.upper() if fmt == "upperLetter" else s
    if fmt in ("lowerRoman", "upperRoman"):
        vals = ((10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))
        out = ""
        for v, r in vals:
            while n >= v:
                out, n = out + r, n - v
        return out.upper() if fmt == "upperRoman" else out
    return str(n)


def _line(text: str) -> str:
    return " ".join(text.split())


def docx_text(data: bytes, path: str = "<docx>") -> str:
    """The text of a .docx file: body paragraphs, then its notes, each paragraph
    followed by a blank line."""
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise InputError(f"{path}: not a valid .docx file (a damaged zip)") from None
    with zf:
        if sum(info.file_size for info in zf.infolist()) > MAX_UNPACKED:
            raise InputError(f"{path}: unpacks to more than {MAX_UNPACKED} bytes; refused")
        body = _parse(zf, "word/document.xml", path)
        if body is None:
            raise InputError(f"{path}: a zip file without word/document.xml, not a Word document")
        numbering = _Numbering(_parse(zf, "word/numbering.xml", path))
        lines: list[str] = []
        order: dict[str, list[str]] = {kind: [] for kind, _ in _NOTE_KINDS}
        for p in _paragraphs(body):
            lines += [_line(numbering.label(p) + "".join(_texts(p))), ""]
            for kind, _ in _NOTE_KINDS:
                for ref in p.iter(_W + f"{kind}Reference"):
                    note_id = ref.get(_W + "id", "")
                    if note_id not in order[kind]:
                        order[kind].append(note_id)
        for kind, heading in _NOTE_KINDS:
            root = _parse(zf, f"word/{kind}s.xml", path)
            if root is None or not order[kind]:
                continue
            notes = {
                n.get(_W + "id", ""): " ".join(_line("".join(_texts(p))) for p in _paragraphs(n))
                for n in root.iter(_W + kind)
                if n.get(_W + "type") in (None, "normal")
            }
            written = [notes[i].strip() for i in order[kind] if i in notes]
            if written:
                lines += [heading, ""]
                for k, text in enumerate(written, start=1):
                    lines += [f"{k}. {text}", ""]
    return "\n".join(lines)
