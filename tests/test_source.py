"""Reading documents: encodings, BOMs, binary and undecodable input, offsets to lines."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from citekit.errors import InputError
from citekit.source import Source, decode, format_for, read_source

TEXT = "Şahin, Elif. Çay and the City.\nMüller, J. Über Brücken.\n"


@pytest.mark.parametrize(
    "data",
    [
        TEXT.encode("utf-8"),
        codecs.BOM_UTF8 + TEXT.encode("utf-8"),
        TEXT.encode("utf-16"),  # with BOM
        TEXT.encode("utf-16-le"),  # without BOM
        TEXT.encode("utf-16-be"),
        TEXT.replace("\n", "\r\n").encode("utf-8"),
    ],
)
def test_decode_variants(data: bytes) -> None:
    assert decode(data) == TEXT


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x01\x02", "binary"),
        (b"caf\xe9 au lait\n", "cannot decode"),
        (b"ok\x00\x00\x00\x00\xff\xfe\x00binary\x00\x01", "binary"),
        # documents in other formats say what to do instead
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "a PDF, not text: extract its text first"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00\x00", "old binary Word"),
        (b"{\\rtf1\\ansi Holt, M. 1988}", "RTF file: save it as .docx or plain text"),
    ],
)
def test_bad_bytes(data: bytes, message: str) -> None:
    with pytest.raises(InputError, match=message):
        decode(data, "x.txt")


def test_read_source_errors(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_source(str(tmp_path / "missing.md"))
    with pytest.raises(InputError, match="directory"):
        read_source(str(tmp_path))


def test_read_source_format_and_lines(tmp_path: Path) -> None:
    p = tmp_path / "essay.md"
    p.write_bytes(codecs.BOM_UTF8 + TEXT.encode("utf-8"))
    src = read_source(str(p))
    assert src.format == "markdown" and src.text == TEXT
    assert src.line_col(src.text.index("Müller")) == (2, 1)
    assert src.line_text(2) == "Müller, J. Über Brücken."
    assert (
        format_for("paper.TEX") == "latex"
        and format_for("refs.bib") == "bibtex"
        and format_for("notes") == "text"
    )


def test_line_helpers() -> None:
    s = Source("-", "a\nbb\n\nccc")
    assert s.line_count == 4
    assert s.offset_of_line(4) == 6
    assert s.line_of(6) == 4 and s.line_of(5) == 3
    assert s.line_col(3) == (2, 2)
