"""Word .docx and OpenDocument .odt input: body text, list numbering, notes, and bad files."""

from __future__ import annotations

import io
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from office_maker import make_docx, make_odt

from citekit.check import check_source
from citekit.cli import main
from citekit.document import parse_document
from citekit.errors import InputError
from citekit.office import office_text
from citekit.source import read_source

ESSAY = [
    "Harbour cities",
    "Quays grew around the river.{fn:7} Merchants traded salt (Reyes, 2019).{fn:3} See also [1].",
    "References",
    ("Brennan, M. (2012). *Harbours of Cork*. Atlantic Press.", 1),
    ("Okafor, C. (2016). *The shore and the city*. Lagos University Press.", 1),
    ("Reyes, M. (2019). Salt roads of the Andes. *Journal of Andean Trade*, 4(1), 12–30.", 1),
    "Appendix A. Tables",
    "Table 1 shows the tonnage by year, which rose after the dredging of 1880 and fell again.",
]
NOTES = {
    7: "Chidi Okafor, *The Shore and the City* (Lagos: Lagos University Press, 2016), 45.",
    3: "Ibid., 52.",
}
MAKERS = {".docx": make_docx, ".odt": make_odt}
both = pytest.mark.parametrize("suffix", sorted(MAKERS))


@both
def test_text_numbering_and_notes(suffix: str) -> None:
    text = office_text(MAKERS[suffix](ESSAY, NOTES))
    lines = text.split("\n")
    assert lines[::2][:8] == [
        "Harbour cities",
        "Quays grew around the river. Merchants traded salt (Reyes, 2019). See also [1].",
        "References",
        "1. Brennan, M. (2012). Harbours of Cork. Atlantic Press.",
        "2. Okafor, C. (2016). The shore and the city. Lagos University Press.",
        "3. Reyes, M. (2019). Salt roads of the Andes. Journal of Andean Trade, 4(1), 12–30.",
        "Appendix A. Tables",
        "Table 1 shows the tonnage by year, which rose after the dredging of 1880 and fell again.",
    ]
    assert all(line == "" for line in lines[1::2])  # paragraph k is line 2k - 1
    # notes in the order the text cites them, whatever their ids
    assert lines[16:21] == ["Footnotes", "", "1. " + NOTES[7].replace("*", ""), "", "2. Ibid., 52."]


@both
@pytest.mark.parametrize(
    ("num", "labels"),
    [(1, ["1.", "2."]), (2, ["[1]", "[2]"]), (3, ["-", "-"])],
)
def test_list_numbering_is_written_out(suffix: str, num: int, labels: list[str]) -> None:
    text = office_text(
        MAKERS[suffix]([("Brennan, M. Harbours. 2012.", num), ("Okafor, C. Shore. 2016.", num)])
    )
    assert [line.split()[0] for line in text.split("\n") if line] == labels


@both
def test_parse_and_check_a_document(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"essay{suffix}"
    path.write_bytes(MAKERS[suffix](ESSAY, NOTES))
    source = read_source(str(path))
    doc = parse_document(source)
    # the list ends with Word's paragraphs: the appendix is not part of the last entry
    assert [(r.number, r.authors[0].family, r.note) for r in doc.references] == [
        (1, "Brennan", None),
        (2, "Okafor", None),
        (3, "Reyes", None),
    ]
    rep = check_source(source)
    assert sorted(lk.status for lk in rep.links) == ["resolved"] * 3  # [1], (Reyes, 2019), note 1
    assert rep.diagnostics == ()


@both
def test_findings_say_where_they_are_in_the_document(
    tmp_path: Path, suffix: str, capsys: pytest.CaptureFixture[str]
) -> None:
    essay = [
        *ESSAY[:2],
        "Tides rose (Lindqvist, 2011).{fn:9}",
        *ESSAY[2:],
    ]
    notes = {**NOTES, 9: "Sven Lindqvist, *Tides of the North* (Oslo: Fjord Press, 2011), 4."}
    path = tmp_path / f"essay{suffix}"
    path.write_bytes(MAKERS[suffix](essay, notes))
    source = read_source(str(path))
    assert [source.place(n) for n in (1, 2, 5, 19)] == [
        "paragraph 1",
        "paragraph 1",
        "paragraph 3",
        "",  # the "Footnotes" heading citekit writes
    ]
    with pytest.raises(SystemExit):
        main(["check", str(path)])
    out = capsys.readouterr().out
    assert "essay" + suffix + ":5:" in out and "= in the document: paragraph 3" in out
    assert "= in the document: footnote 3" in out  # the note citing a work the list lacks


@both
def test_cli_parses_a_document(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"essay{suffix}"
    path.write_bytes(MAKERS[suffix](ESSAY, NOTES))
    out = tmp_path / "refs.bib"
    proc = subprocess.run(
        [sys.executable, "-m", "citekit", "parse", str(path), "-o", str(out)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert out.read_text("utf-8").count("@") == 3


def _zip(files: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, data in files.items():
            zf.writestr(name, data)
    return buf.getvalue()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"PK\x03\x04 not really a zip", "damaged zip"),
        (_zip({"content.xml": b"<office/>"}), "not a Word or OpenDocument text document"),
        (_zip({"xl/workbook.xml": b"<workbook/>"}), "not a Word or OpenDocument text document"),
        (_zip({"word/document.xml": b"<w:document"}), "not valid XML"),
        (
            _zip(
                {"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<a><b>"}
            ),
            "content.xml inside the document is not valid XML",
        ),
    ],
)
@both
def test_bad_files_give_clear_errors(
    tmp_path: Path, data: bytes, message: str, suffix: str
) -> None:
    path = tmp_path / f"bad{suffix}"
    path.write_bytes(data)
    with pytest.raises(InputError, match=message):
        read_source(str(path))
    proc = subprocess.run(
        [sys.executable, "-m", "citekit", "parse", str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 2 and message in proc.stderr


def _corrupted() -> bytes:
    """A .docx whose document part has a damaged compressed stream."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("word/document.xml", "<w:document>" + "a" * 5000 + "</w:document>")
    data = bytearray(buf.getvalue())
    at = data.find(b"word/document.xml") + len("word/document.xml")
    for k in range(at + 5, at + 40):
        data[k] ^= 0x55
    return bytes(data)


def test_a_damaged_part_gives_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "damaged.docx"
    path.write_bytes(_corrupted())
    with pytest.raises(InputError, match=r"cannot unpack word/document\.xml"):
        read_source(str(path))


@both
def test_a_file_that_unpacks_too_large_is_refused(
    monkeypatch: pytest.MonkeyPatch, suffix: str
) -> None:
    import citekit.office

    monkeypatch.setattr(citekit.office, "MAX_UNPACKED", 1000)
    with pytest.raises(InputError, match="unpacks to more than 1000 bytes"):
        office_text(MAKERS[suffix](["x" * 2000]), f"big{suffix}")


def test_a_zip_on_stdin_is_read_as_a_document() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "citekit", "parse", "-", "--format", "jsonl"],
        input=make_odt(ESSAY, NOTES),
        capture_output=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert len(proc.stdout.decode("utf-8").splitlines()) == 3


_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
_PIECES = [
    "<w:p>", "</w:p>", "<w:r>", "</w:r>", "<w:t>", "</w:t>", "Okafor (2016)", "&amp;",
    '<w:footnoteReference w:id="1"/>', '<w:footnoteReference w:id="x"/>',
    '<w:pPr><w:numPr><w:numId w:val="1"/><w:ilvl w:val="x"/></w:numPr></w:pPr>',
    '<w:pPr><w:numPr><w:numId w:val="1"/><w:ilvl w:val="999999999"/></w:numPr></w:pPr>',
    '<w:pPr><w:numPr><w:numId w:val="7"/></w:numPr></w:pPr>',
]  # fmt: skip


@pytest.mark.parametrize("seed", range(3))
def test_random_files_give_text_or_a_clear_error(seed: int) -> None:
    """Random zips, random Word XML and odd numbering never crash the reader."""
    import random

    r = random.Random(seed)
    numbering = (
        f'<w:numbering {_W}><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0">'
        '<w:start w:val="q"/><w:numFmt w:val="lowerRoman"/><w:lvlText w:val="%1)"/></w:lvl>'
        '<w:lvl w:ilvl="x"/></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
        "</w:numbering>"
    )
    for _ in range(300):
        data = b"PK\x03\x04" + bytes(r.randrange(256) for _ in range(r.randrange(300)))
        with pytest.raises(InputError):
            office_text(data, "x.docx")
        body = "".join(r.choice(_PIECES) for _ in range(r.randrange(40)))
        try:
            text = office_text(
                _zip(
                    {
                        "word/document.xml": f"<w:document {_W}><w:body>{body}</w:body></w:document>".encode(),
                        "word/numbering.xml": numbering.encode(),
                    }
                ),
                "x.docx",
            )
        except InputError:
            continue  # unbalanced random XML
        assert isinstance(text, str)
