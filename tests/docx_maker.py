"""Build small Word .docx files for tests: paragraphs, numbered lists and notes."""

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
    document = (
        f'<?xml version="1.0" encoding="UTF-8"?><w:document {_NS}><w:body>'
        + "".join(body)
        + "</w:body></w:document>"
    )
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", _CONTENT_TYPES)
        zf.writestr("_rels/.rels", _RELS)
        zf.writestr("word/document.xml", document)
        zf.writestr("word/numbering.xml", _NUMBERING)
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
