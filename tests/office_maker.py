"""Build small Word .docx and OpenDocument .odt files for tests: paragraphs, numbered lists, notes."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Sequence
from xml.sax.saxutils import escape

_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    "</Types>"
)
_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="word/document.xml"/></Relationships>'
)
# numId 1: "1." decimal; numId 2: "[1]" decimal; numId 3: bullets
_NUMBERING = (
    f'<?xml version="1.0" encoding="UTF-8"?><w:numbering {_NS}>'
    '<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
    '<w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>'
    '<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
    '<w:numFmt w:val="decimal"/><w:lvlText w:val="[%1]"/></w:lvl></w:abstractNum>'
    '<w:abstractNum w:abstractNumId="2"><w:lvl w:ilvl="0">'
    '<w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl></w:abstractNum>'
    '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
    '<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>'
    '<w:num w:numId="3"><w:abstractNumId w:val="2"/></w:num>'
    "</w:numbering>"
)


def _runs(text: str) -> str:
    """Runs of a paragraph: "{fn:3}" places a footnote reference, "*x*" italics."""
    out = []
    for piece in _split_markers(text):
        if piece.startswith("{fn:"):
            out.append(f'<w:r><w:footnoteReference w:id="{piece[4:-1]}"/></w:r>')
        elif piece.startswith("*") and piece.endswith("*") and len(piece) > 2:
            out.append(
                f'<w:r><w:rPr><w:i/></w:rPr><w:t xml:space="preserve">{escape(piece[1:-1])}</w:t></w:r>'
            )
        elif piece:
            out.append(f'<w:r><w:t xml:space="preserve">{escape(piece)}</w:t></w:r>')
    return "".join(out)


def _split_markers(text: str) -> list[str]:
    import re

    return [p for p in re.split(r"(\{fn:\d+\}|\*[^*]+\*)", text) if p]


def make_docx(
    paragraphs: Sequence[str | tuple[str, int]],
    footnotes: dict[int, str] | None = None,
) -> bytes:
    """A .docx whose body is ``paragraphs``; a (text, numId) pair is a list item."""
    body = []
    for para in paragraphs:
        text, num = (para, 0) if isinstance(para, str) else para
        ppr = (
            f'<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="{num}"/></w:numPr></w:pPr>'
            if num
            else ""
        )
        body.append(f"<w:p>{ppr}{_runs(text)}</w:p>")
    return docx_from_body("".join(body), footnotes)


def docx_from_body(
    body: str, footnotes: dict[int, str] | None = None, parts: dict[str, str] | None = None
) -> bytes:
    """A .docx whose ``w:body`` holds ``body``, Word XML written by the test; ``parts``:
    more members by name ("docProps/custom.xml")."""
    document = (
        f'<?xml version="1.0" encoding="UTF-8"?><w:document {_NS}><w:body>'
        + body
        + "</w:body></w:document>"
    )
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", _CONTENT_TYPES)
        zf.writestr("_rels/.rels", _RELS)
        zf.writestr("word/document.xml", document)
        zf.writestr("word/numbering.xml", _NUMBERING)
        for name, xml in (parts or {}).items():
            zf.writestr(name, xml)
        if footnotes:
            notes = [
                '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
            ]
            notes += [
                f'<w:footnote w:id="{k}"><w:p><w:r><w:footnoteRef/></w:r>{_runs(" " + v)}</w:p></w:footnote>'
                for k, v in footnotes.items()
            ]
            zf.writestr(
                "word/footnotes.xml",
                f'<?xml version="1.0" encoding="UTF-8"?><w:footnotes {_NS}>'
                + "".join(notes)
                + "</w:footnotes>",
            )
    return buf.getvalue()


_ODT_NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:fo="urn:oasis:names:xmlns:xsl-fo-compatible:1.0"'
)


def _odt_runs(text: str, footnotes: dict[int, str]) -> str:
    out = []
    for piece in _split_markers(text):
        if piece.startswith("{fn:"):
            k = int(piece[4:-1])
            out.append(
                f'<text:note text:id="ftn{k}" text:note-class="footnote">'
                f"<text:note-citation>{k}</text:note-citation>"
                f"<text:note-body><text:p>{escape(footnotes[k].replace('*', ''))}</text:p></text:note-body>"
                "</text:note>"
            )
        elif piece.startswith("*") and piece.endswith("*") and len(piece) > 2:
            out.append(f'<text:span text:style-name="T1">{escape(piece[1:-1])}</text:span>')
        else:
            out.append(escape(piece))
    return "".join(out)


def make_odt(
    paragraphs: Sequence[str | tuple[str, int]],
    footnotes: dict[int, str] | None = None,
) -> bytes:
    """An .odt like ``make_docx``'s .docx: (text, 1) items form a "1." list, 2 a "[1]" list."""
    notes = footnotes or {}
    body: list[str] = []
    open_list = 0
    for para in paragraphs:
        text, num = (para, 0) if isinstance(para, str) else para
        if num != open_list:
            if open_list:
                body.append("</text:list>")
            if num:
                body.append(f'<text:list text:style-name="L{num}">')
            open_list = num
        p = f"<text:p>{_odt_runs(text, notes)}</text:p>"
        body.append(f"<text:list-item>{p}</text:list-item>" if num else p)
    if open_list:
        body.append("</text:list>")
    styles = (
        "<office:automatic-styles>"
        '<text:list-style style:name="L1"><text:list-level-style-number text:level="1" '
        'style:num-suffix="." style:num-format="1"/></text:list-style>'
        '<text:list-style style:name="L2"><text:list-level-style-number text:level="1" '
        'style:num-prefix="[" style:num-suffix="]" style:num-format="1"/></text:list-style>'
        '<text:list-style style:name="L3"><text:list-level-style-bullet text:level="1" '
        'text:bullet-char="•"/></text:list-style>'
        "</office:automatic-styles>"
    )
    return odt_from_body("".join(body), styles)


def odt_from_body(body: str, styles: str = "", parts: dict[str, str] | None = None) -> bytes:
    """An .odt whose ``office:text`` holds ``body``, OpenDocument XML written by the test;
    ``parts``: more members by name ("meta.xml")."""
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {_ODT_NS}>{styles}'
        "<office:body><office:text>"
        + body
        + "</office:text></office:body></office:document-content>"
    )
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text")
        zf.writestr("content.xml", content, zipfile.ZIP_DEFLATED)
        for name, xml in (parts or {}).items():
            zf.writestr(name, xml)
        zf.writestr(
            "META-INF/manifest.xml",
            '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
            'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"/>',
        )
    return buf.getvalue()
