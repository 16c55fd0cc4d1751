"""Zotero and Mendeley citations stored in Word and LibreOffice files: read, located, written."""

from __future__ import annotations

import base64
import json
from collections.abc import Mapping
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

import pytest
from click.testing import CliRunner
from office_maker import docx_from_body, odt_from_body

from citekit.cli import cli, main
from citekit.embedded import cited_items, coins_item
from citekit.office import read_office
from citekit.source import read_source

OKAFOR = {
    "id": 101,
    "type": "book",
    "title": "Shore and the City: Harbour Towns of the Bight",
    "author": [{"family": "Okafor", "given": "Chidi"}],
    "issued": {"date-parts": [[2016]]},
    "publisher": "Lagos University Press",
    "publisher-place": "Lagos",
}
LINDQVIST = {
    "id": 102,
    "type": "article-journal",
    "title": "Salt roads of the Andes",
    "author": [{"family": "Lindqvist", "given": "Sven"}, {"family": "Quispe", "given": "Rosa"}],
    "container-title": "Journal of Mountain Trade",
    "volume": "12",
    "issue": "3",
    "page": "201-230",
    "issued": {"date-parts": [[2011, 5]]},
    "DOI": "10.5555/jmt.2011.12.3.201",
}


def _csl(items: list[dict], shown: str, uris: bool = True) -> str:
    return json.dumps(
        {
            "citationID": "x1",
            "properties": {"formattedCitation": shown, "plainCitation": shown, "noteIndex": 0},
            "citationItems": [
                {"id": it["id"], "uris": [f"http://zotero.org/users/1/items/K{it['id']}"]}
                | {"itemData": it}
                if uris
                else {"id": it["id"], "itemData": it}
                for it in items
            ],
            "schema": "https://github.com/citation-style-language/schema/raw/master/csl-citation.json",
        }
    )


def _run(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def _complex_field(code: str, shown: str) -> str:
    """A Word complex field, its code split over two runs as Word often writes it."""
    mid = len(code) // 2
    return (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r><w:instrText xml:space="preserve">{escape(code[:mid])}</w:instrText></w:r>'
        f'<w:r><w:instrText xml:space="preserve">{escape(code[mid:])}</w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        + _run(shown)
        + '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )


def _zotero(items: list[dict], shown: str) -> str:
    return _complex_field(f" ADDIN ZOTERO_ITEM CSL_CITATION {_csl(items, shown)} ", shown)


def _para(*parts: str) -> str:
    return "<w:p>" + "".join(parts) + "</w:p>"


def zotero_docx() -> bytes:
    return docx_from_body(
        _para(_run("Harbour towns"))
        + _para(_run("Trade grew fast "), _zotero([OKAFOR], "(Okafor, 2016)"), _run("."))
        + _para(
            _run("Salt moved inland "),
            _zotero([LINDQVIST, OKAFOR], "(Lindqvist & Quispe, 2011; Okafor, 2016)"),
            _run("."),
        )
        + _para(_run("References"))
        + _para(
            _complex_field(
                ' ADDIN ZOTERO_BIBL {"uncited":[],"omitted":[],"custom":[]} CSL_BIBLIOGRAPHY ', ""
            )
            + _run("Okafor, C. (2016). Shore and the City. Lagos University Press.")
        )
    )


def test_zotero_fields_in_word_are_read_with_their_lines() -> None:
    doc = read_office(zotero_docx(), "z.docx")
    assert [c.manager for c in doc.citations] == ["Zotero", "Zotero"]
    assert [c.line for c in doc.citations] == [3, 5]
    lines = doc.text.splitlines()
    for cite in doc.citations:
        assert cite.shown in lines[cite.line - 1]
    assert [it["title"] for it in doc.citations[1].items] == [LINDQVIST["title"], OKAFOR["title"]]
    assert doc.warnings == ()


def test_cited_items_are_distinct_in_first_citation_order_without_library_ids() -> None:
    doc = read_office(zotero_docx(), "z.docx")
    items = cited_items(doc.citations)
    assert [it["title"] for it in items] == [OKAFOR["title"], LINDQVIST["title"]]
    assert all("id" not in it for it in items)


def test_mendeley_desktop_simple_field_and_mendeley_cite_content_control() -> None:
    desktop = f" ADDIN CSL_CITATION {_csl([OKAFOR], '[1]', uris=False)} "
    payload = base64.urlsafe_b64encode(_csl([LINDQVIST], "[2]").encode()).decode().rstrip("=")
    body = _para(
        _run("Towns "),
        f"<w:fldSimple w:instr={quoteattr(desktop)}>{_run('[1]')}</w:fldSimple>",
    ) + _para(
        _run("Roads "),
        f'<w:sdt><w:sdtPr><w:tag w:val="MENDELEY_CITATION_v3_{payload}"/></w:sdtPr>'
        f"<w:sdtContent>{_run('[2]')}</w:sdtContent></w:sdt>",
    )
    doc = read_office(docx_from_body(body), "m.docx")
    assert [(c.manager, c.line, c.shown) for c in doc.citations] == [
        ("Mendeley", 1, "[1]"),
        ("Mendeley", 3, "[2]"),
    ]
    assert [it["title"] for it in cited_items(doc.citations)] == [
        OKAFOR["title"],
        LINDQVIST["title"],
    ]


def test_a_damaged_citation_is_skipped_with_a_warning_and_the_rest_are_read() -> None:
    broken = _complex_field(
        ' ADDIN ZOTERO_ITEM CSL_CITATION {"citationItems": [{"itemData": ', "(?)"
    )
    bad_base64 = '<w:sdt><w:sdtPr><w:tag w:val="MENDELEY_CITATION_v3_%%%"/></w:sdtPr></w:sdt>'
    no_items = _complex_field(' ADDIN ZOTERO_ITEM CSL_CITATION {"citationID": "a"} ', "(?)")
    body = (
        _para(broken)
        + _para(bad_base64)
        + _para(no_items)
        + _para(_zotero([OKAFOR], "(Okafor, 2016)"))
    )
    doc = read_office(docx_from_body(body), "d.docx")
    assert [c.line for c in doc.citations] == [7]
    assert len(doc.warnings) == 3
    assert doc.warnings[0].startswith("line 1: a Zotero citation whose data is not valid JSON")
    assert "not base64" in doc.warnings[1]
    assert "without citationItems" in doc.warnings[2]


def _endnote_cite(author: str, year: str, rec: int, record: str, shown: str) -> str:
    return (
        f"<Cite><Author>{author}</Author><Year>{year}</Year><RecNum>{rec}</RecNum>"
        f"<DisplayText>{escape(shown)}</DisplayText><record><rec-number>{rec}</rec-number>"
        f'<foreign-keys><key app="EN" db-id="d5x0w">{rec}</key></foreign-keys>{record}</record></Cite>'
    )


def _style(text: str) -> str:
    return f'<style face="normal" font="default" size="100%">{escape(text)}</style>'


ENDNOTE_OKAFOR = _endnote_cite(
    "Okafor",
    "2016",
    12,
    '<ref-type name="Book">6</ref-type>'
    f"<contributors><authors><author>{_style('Okafor, Chidi')}</author></authors></contributors>"
    f"<titles><title>{_style(OKAFOR['title'])}</title></titles>"
    f"<dates><year>{_style('2016')}</year></dates>"
    f"<pub-location>{_style('Lagos')}</pub-location>"
    f"<publisher>{_style('Lagos University Press')}</publisher>",
    "(Okafor, 2016)",
)
ENDNOTE_CHAPTER = _endnote_cite(
    "Brandt",
    "2019",
    31,
    '<ref-type name="Book Section">5</ref-type>'
    "<contributors><authors><author>Brandt, Lukas, Jr.</author>"
    "<author>World Harbour Council,</author></authors>"
    "<secondary-authors><author>Moreau, Jean-Pierre</author></secondary-authors></contributors>"
    "<titles><title>Salt and the shore</title><secondary-title>Ports of the Atlantic</secondary-title>"
    "</titles><pages>45-67</pages><dates><year>2019</year></dates>"
    "<electronic-resource-num>https://doi.org/10.5555/ports.2019.3</electronic-resource-num>",
    "(Brandt & World Harbour Council, 2019)",
)


def _endnote_data_field(xml: str, shown: str) -> str:
    """EndNote's long form: the XML, base64, in the data of a field nested in the citation."""
    data = base64.b64encode(xml.encode()).decode()
    return (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        '<w:r><w:instrText xml:space="preserve"> ADDIN EN.CITE </w:instrText></w:r>'
        f'<w:r><w:fldChar w:fldCharType="begin"><w:fldData xml:space="preserve">{data[:40]}\n'
        f"{data[40:]}</w:fldData></w:fldChar></w:r>"
        '<w:r><w:instrText xml:space="preserve"> ADDIN EN.CITE.DATA </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        + _run(shown)
        + '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )


def test_endnote_citations_in_word_inline_and_in_nested_data() -> None:
    body = (
        _para(
            _run("Trade grew "),
            _complex_field(f" ADDIN EN.CITE <EndNote>{ENDNOTE_OKAFOR}</EndNote>", "(Okafor, 2016)"),
        )
        + _para(
            _run("Salt moved "),
            _endnote_data_field(
                f"<EndNote>{ENDNOTE_CHAPTER}{ENDNOTE_OKAFOR}</EndNote>",
                "(Brandt & World Harbour Council, 2019; Okafor, 2016)",
            ),
        )
        + _para(_complex_field(" ADDIN EN.REFLIST ", "Okafor, C. (2016). Shore and the City."))
    )
    doc = read_office(docx_from_body(body), "e.docx")
    assert doc.warnings == ()
    assert [(c.manager, c.line, c.shown) for c in doc.citations] == [
        ("EndNote", 1, "(Okafor, 2016)"),
        ("EndNote", 3, "(Brandt & World Harbour Council, 2019)"),
    ]
    book, chapter = cited_items(doc.citations)
    assert book == {
        "type": "book",
        "author": [{"family": "Okafor", "given": "Chidi"}],
        "title": OKAFOR["title"],
        "publisher": "Lagos University Press",
        "publisher-place": "Lagos",
        "issued": {"date-parts": [[2016]]},
    }
    assert chapter["type"] == "chapter"
    assert chapter["author"] == [
        {"family": "Brandt", "given": "Lukas", "suffix": "Jr"},
        {"literal": "World Harbour Council"},
    ]
    assert chapter["editor"] == [{"family": "Moreau", "given": "Jean-Pierre"}]
    assert chapter["container-title"] == "Ports of the Atlantic"
    assert chapter["page"] == "45-67" and chapter["DOI"] == "10.5555/ports.2019.3"
    # the second citation of Okafor's book is the same work: written once
    assert doc.citations[1].identities[1] == doc.citations[0].identities[0] == "endnote:d5x0w:12"


def test_damaged_endnote_citations_are_skipped_with_warnings() -> None:
    body = (
        _para(_complex_field(" ADDIN EN.CITE <EndNote><Cite><record>", "(?)"))
        + _para(
            _complex_field(
                " ADDIN EN.CITE <EndNote><Cite><Author>X</Author></Cite></EndNote>", "(X)"
            )
        )
        + _para(
            '<w:r><w:fldChar w:fldCharType="begin"><w:fldData>%%%</w:fldData></w:fldChar></w:r>'
            "<w:r><w:instrText> ADDIN EN.CITE.DATA </w:instrText></w:r>"
            '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
        )
        + _para(_complex_field(f" ADDIN EN.CITE <EndNote>{ENDNOTE_OKAFOR}</EndNote>", "(Okafor)"))
    )
    doc = read_office(docx_from_body(body), "d.docx")
    assert [c.line for c in doc.citations] == [7]
    assert [w.split(":")[0] for w in doc.warnings] == ["line 1", "line 3", "line 5"]
    assert "not valid XML" in doc.warnings[0]
    assert "carries no record" in doc.warnings[1]
    assert "not base64" in doc.warnings[2]


def _chunks(name: str, code: str) -> list[tuple[str, str]]:
    """Zotero's bookmarks mode: the code in properties of 255 characters, NAME_1, NAME_2 ..."""
    return [(f"{name}_{k // 255 + 1}", code[k : k + 255]) for k in range(0, len(code), 255)]


def test_zotero_bookmarks_mode_in_libreoffice_and_word() -> None:
    code_a = f"ZOTERO_ITEM CSL_CITATION {_csl([OKAFOR], '(Okafor, 2016)')} RNDa1"
    code_b = f"ITEM CSL_CITATION {_csl([LINDQVIST], '(Lindqvist & Quispe, 2011)')} RNDb2"
    props = _chunks("ZOTERO_BREF_aaaa", code_a) + _chunks("ZOTERO_BREF_bbbb", code_b)
    assert len(props) > 4  # each code spans several properties
    props = props[::-1]  # the order of the properties in the file does not matter
    meta = (
        '<?xml version="1.0" encoding="UTF-8"?><office:document-meta '
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"><office:meta>'
        + "".join(
            f"<meta:user-defined meta:name={quoteattr(n)}>{escape(v)}</meta:user-defined>"
            for n, v in props
        )
        + "</office:meta></office:document-meta>"
    )
    body = (
        "<text:p>Trade grew "
        '<text:bookmark-start text:name="ZOTERO_BREF_aaaa"/>(Okafor, 2016)'
        '<text:bookmark-end text:name="ZOTERO_BREF_aaaa"/>.</text:p>'
        '<text:p>Salt moved <text:bookmark text:name="ZOTERO_BREF_bbbb"/>(Lindqvist &amp; Quispe, '
        '2011). <text:bookmark text:name="ZOTERO_BREF_gone"/>(Brandt, 2019).</text:p>'
    )
    doc = read_office(odt_from_body(body, parts={"meta.xml": meta}), "b.odt")
    assert [(c.manager, c.line, c.shown) for c in doc.citations] == [
        ("Zotero", 1, "(Okafor, 2016)"),
        ("Zotero", 3, "(Lindqvist & Quispe, 2011)"),
    ]
    assert doc.warnings == ()
    # Word keeps them in its custom document properties
    custom = (
        '<?xml version="1.0" encoding="UTF-8"?><Properties '
        'xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" '
        'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
        + "".join(
            f'<property fmtid="{{D5CDD505-2E9C-101B-9397-08002B2CF9AE}}" pid="{k + 2}" '
            f"name={quoteattr(n)}><vt:lpwstr>{escape(v)}</vt:lpwstr></property>"
            for k, (n, v) in enumerate(props)
        )
        + "</Properties>"
    )
    word = _para(
        _run("Trade grew "),
        '<w:bookmarkStart w:id="0" w:name="ZOTERO_BREF_aaaa"/>',
        _run("(Okafor, 2016)"),
        '<w:bookmarkEnd w:id="0"/>',
    ) + _para('<w:bookmarkStart w:id="1" w:name="_GoBack"/>', _run("no citation"))
    doc = read_office(docx_from_body(word, parts={"docProps/custom.xml": custom}), "b.docx")
    assert [(c.line, c.items[0]["title"]) for c in doc.citations] == [(1, OKAFOR["title"])]


def test_damaged_document_properties_are_a_warning() -> None:
    body = "<text:p>Trade grew (Okafor, 2016).</text:p>"
    doc = read_office(odt_from_body(body, parts={"meta.xml": "<office:document-meta"}), "b.odt")
    assert "Trade grew" in doc.text and doc.citations == ()
    assert len(doc.warnings) == 1 and "meta.xml" in doc.warnings[0]


def test_other_fields_are_not_citations() -> None:
    body = _para(
        _complex_field(" PAGE ", "3"), _complex_field(' HYPERLINK "http://example.org" ', "link")
    )
    assert read_office(docx_from_body(body), "p.docx").citations == ()


def test_zotero_reference_marks_in_libreoffice() -> None:
    mark = f"ZOTERO_ITEM CSL_CITATION {_csl([LINDQVIST], '(Lindqvist & Quispe, 2011)')} RNDk3j2h1"
    body = (
        "<text:h>Salt</text:h>"
        '<text:p>Notes aside<text:note text:note-class="footnote"><text:note-body>'
        "<text:p>a note paragraph is not a line of the body</text:p></text:note-body></text:note></text:p>"
        f"<text:p>Salt moved inland <text:reference-mark-start text:name={quoteattr(mark)}/>"
        "(Lindqvist &amp; Quispe, 2011)"
        f"<text:reference-mark-end text:name={quoteattr(mark)}/>.</text:p>"
    )
    doc = read_office(odt_from_body(body), "z.odt")
    assert [(c.manager, c.line) for c in doc.citations] == [("Zotero", 5)]
    assert "(Lindqvist & Quispe, 2011)" in doc.text.splitlines()[4]
    assert doc.citations[0].items[0]["DOI"] == LINDQVIST["DOI"]


def test_parse_embedded_writes_the_library_records(tmp_path: Path) -> None:
    src = tmp_path / "essay.docx"
    src.write_bytes(zotero_docx())
    out = tmp_path / "refs.json"
    result = CliRunner().invoke(cli, ["parse", str(src), "--embedded", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "2 references from 2 Zotero citations written to" in result.stderr
    items = json.loads(out.read_text("utf-8"))
    assert [it["title"] for it in items] == [OKAFOR["title"], LINDQVIST["title"]]
    assert items[1]["DOI"] == LINDQVIST["DOI"]
    assert items[1]["issued"] == {"date-parts": [[2011, 5]]}
    assert [a["family"] for a in items[1]["author"]] == ["Lindqvist", "Quispe"]
    bib = CliRunner().invoke(cli, ["parse", str(src), "--embedded", "-f", "bibtex"])
    assert bib.exit_code == 0
    assert "@book{okafor2016shore," in bib.stdout
    assert "@article{lindqvist2011salt," in bib.stdout


def test_parse_without_embedded_says_the_records_are_there(tmp_path: Path) -> None:
    src = tmp_path / "essay.docx"
    src.write_bytes(zotero_docx())
    result = CliRunner().invoke(cli, ["parse", str(src), "-f", "csl-json"])
    assert result.exit_code == 0, result.output
    assert "2 citations carry their works' records (Zotero); --embedded" in result.stderr
    assert "Okafor" in result.stdout


@pytest.mark.parametrize(
    "name,data",
    [
        ("plain.txt", b"Okafor, C. (2016). Shore. Lagos.\n"),
        ("typed.docx", docx_from_body(_para(_run("Okafor, C. (2016). Shore. Lagos.")))),
    ],
)
def test_embedded_on_a_file_without_citations_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, data: bytes
) -> None:
    src = tmp_path / name
    src.write_bytes(data)
    out = tmp_path / "refs.bib"
    out.write_text("@misc{mine, title = {kept}}\n", "utf-8")
    with pytest.raises(SystemExit) as exc:
        main(["parse", str(src), "--embedded", "-o", str(out)])
    assert exc.value.code == 2
    assert "no Zotero, Mendeley, EndNote or COinS citations" in capsys.readouterr().err
    assert out.read_text("utf-8") == "@misc{mine, title = {kept}}\n"


_FIELD_PIECES = [
    "<w:p>",
    "</w:p>",
    '<w:r><w:fldChar w:fldCharType="begin"/></w:r>',
    '<w:r><w:fldChar w:fldCharType="separate"/></w:r>',
    '<w:r><w:fldChar w:fldCharType="end"/></w:r>',
    "<w:r><w:instrText> ADDIN ZOTERO_ITEM CSL_CITATION </w:instrText></w:r>",
    "<w:r><w:instrText> ADDIN CSL_CITATION </w:instrText></w:r>",
    f"<w:r><w:instrText>{escape(_csl([OKAFOR], '(Okafor, 2016)'))}</w:instrText></w:r>",
    '<w:r><w:instrText>{"citationItems": [1, null, {"itemData": []}]}</w:instrText></w:r>',
    '<w:r><w:instrText>{"citationItems": [{"itemData": {}}], "properties": 3}</w:instrText></w:r>',
    '<w:r><w:instrText>{"citationItems": [{"uris": 5, "itemData": {"title": "T"}}]}</w:instrText></w:r>',
    "<w:r><w:instrText>{{{</w:instrText></w:r>",
    _run("Okafor (2016)"),
    '<w:sdt><w:sdtPr><w:tag w:val="MENDELEY_CITATION_v3_e30"/></w:sdtPr></w:sdt>',
    '<w:sdt><w:sdtPr><w:tag w:val="MENDELEY_CITATION_v3_"/></w:sdtPr></w:sdt>',
    '<w:fldSimple w:instr=" ADDIN CSL_CITATION [] "/>',
    "<w:r><w:instrText> ADDIN EN.CITE </w:instrText></w:r>",
    "<w:r><w:instrText> ADDIN EN.CITE.DATA </w:instrText></w:r>",
    f"<w:r><w:instrText>{escape('<EndNote>' + ENDNOTE_OKAFOR)}</w:instrText></w:r>",
    f"<w:r><w:instrText>{escape('</EndNote>')}</w:instrText></w:r>",
    f"<w:r><w:instrText>{escape(ENDNOTE_CHAPTER)}</w:instrText></w:r>",
    "<w:r><w:instrText>&lt;record&gt;&lt;ref-type/&gt;&lt;dates&gt;&lt;year&gt;x</w:instrText></w:r>",
    '<w:r><w:fldChar w:fldCharType="begin"><w:fldData>'
    + base64.b64encode(f"<EndNote>{ENDNOTE_CHAPTER}</EndNote>".encode()).decode()
    + "</w:fldData></w:fldChar></w:r>",
    '<w:r><w:fldChar w:fldCharType="begin"><w:fldData>PEVu</w:fldData></w:fldChar></w:r>',
]


@pytest.mark.parametrize("seed", range(3))
def test_random_fields_never_crash_the_reader(seed: int) -> None:
    """Unbalanced fields, nested ones, junk codes: citations or warnings, never an exception."""
    import random

    r = random.Random(seed)
    found = 0
    for _ in range(300):
        body = (
            "<w:p>"
            + "".join(r.choice(_FIELD_PIECES[2:]) for _ in range(r.randrange(30)))
            + "</w:p>"
        )
        doc = read_office(docx_from_body(body), "f.docx")
        lines = doc.text.count("\n") + 1
        for cite in doc.citations:
            assert 1 <= cite.line <= lines
            assert cite.items and all(isinstance(it, Mapping) for it in cite.items)
        found += len(doc.citations)
        cited_items(doc.citations)
    assert found > 0  # the good pieces do come together into citations


def test_check_names_the_work_a_stale_bibliography_lacks(tmp_path: Path) -> None:
    """The printed bibliography lists Okafor only; Zotero's data names the work the
    unresolved citation is of, and the help says so."""
    from citekit.check import check_source
    from citekit.source import read_source

    src = tmp_path / "essay.docx"
    src.write_bytes(zotero_docx())
    rep = check_source(read_source(str(src)))
    (d,) = [d for d in rep.diagnostics if d.code == "CIT001"]
    assert "Lindqvist" in d.message
    assert (
        d.help is not None
        and "Zotero holds this work, Lindqvist: 'Salt roads of the Andes'" in d.help
    )


_COINS_ARTICLE = (
    "ctx_ver=Z39.88-2004&rft_val_fmt=info%3Aofi%2Ffmt%3Akev%3Amtx%3Ajournal&rft.genre=article"
    "&rft.jtitle=Journal+of+Mountain+Trade&rft.atitle=Salt+roads+of+the+Andes&rft.volume=12"
    "&rft.issue=3&rft.pages=201-230&rft.date=2011-05&rft_id=info%3Adoi%2F10.5555%2Fjmt.2011.12.3.201"
    "&rft.aulast=Lindqvist&rft.aufirst=Sven&rft.au=Quispe%2C+Rosa"
)
_COINS_BOOK = (
    "ctx_ver=Z39.88-2004&rft_val_fmt=info%3Aofi%2Ffmt%3Akev%3Amtx%3Abook&rft.genre=book"
    "&rft.btitle=Shore+and+the+City&rft.place=Lagos&rft.pub=Lagos+University+Press&rft.date=2016"
    "&rft.aulast=Okafor&rft.aufirst=Chidi&rft_id=https%3A%2F%2Fexample.org%2Fshore"
)


def test_coins_items() -> None:
    article = coins_item(_COINS_ARTICLE)
    assert article == {
        "type": "article-journal",
        "title": "Salt roads of the Andes",
        "container-title": "Journal of Mountain Trade",
        "author": [{"family": "Lindqvist", "given": "Sven"}, {"family": "Quispe", "given": "Rosa"}],
        "issued": {"date-parts": [[2011, 5]]},
        "volume": "12",
        "issue": "3",
        "page": "201-230",
        "DOI": "10.5555/jmt.2011.12.3.201",
    }
    book = coins_item(_COINS_BOOK)
    assert book is not None and book["type"] == "book" and book["publisher-place"] == "Lagos"
    assert book["URL"] == "https://example.org/shore" and "container-title" not in book
    assert coins_item("ctx_ver=Z39.88-2004&rft.genre=article") is None  # no title: no work
    assert coins_item("rft.genre=book&rft.btitle=T&rft.date=2011-13-45")["issued"] == {
        "date-parts": [[2011]]
    }
    assert coins_item("%%%&&&=") is None


def test_parse_embedded_reads_coins_from_a_web_page(tmp_path: Path) -> None:
    page = (
        "<html><head><title>Salt</title></head><body><p>Salt moved inland.</p>"
        "<h2>References</h2><ol>"
        f'<li>Lindqvist, S. (2011). Salt roads. <span class="Z3988" title="{escape(_COINS_ARTICLE)}"></span></li>'
        f'<li>Okafor, C. (2016). Shore. <span class="Z3988" title="{escape(_COINS_BOOK)}"></span></li>'
        f'<li>Again. <span class="Z3988" title="{escape(_COINS_ARTICLE)}"></span></li>'
        "</ol></body></html>"
    )
    src = tmp_path / "page.html"
    src.write_text(page, "utf-8")
    doc = read_source(str(src))
    assert [c.line for c in doc.embedded] == [5, 7, 9]
    assert "2. Okafor, C. (2016). Shore." in doc.text.splitlines()[6]
    result = CliRunner().invoke(cli, ["parse", str(src), "--embedded", "-f", "csl-json"])
    assert result.exit_code == 0, result.output
    items = json.loads(result.stdout)
    assert [it["title"] for it in items] == ["Salt roads of the Andes", "Shore and the City"]
    plain = CliRunner().invoke(cli, ["parse", str(src), "-f", "csl-json"])
    assert "3 citations carry their works' records (COinS); --embedded" in plain.stderr


@pytest.mark.parametrize("seed", range(3))
def test_random_coins_never_crash(seed: int) -> None:
    """Random OpenURL pairs: an item or None, never an exception."""
    import random

    r = random.Random(seed)
    keys = [
        "rft.genre",
        "rft.atitle",
        "rft.btitle",
        "rft.jtitle",
        "rft.au",
        "rft.aulast",
        "rft.date",
    ]
    keys += ["rft_id", "rft.pages", "rft.spage", "rft_val_fmt", "rft.title", "%", "&", "=", ""]
    values = [
        "article",
        "book",
        "bookitem",
        "X",
        "2011",
        "2011-13-45",
        "info:doi/10.1/x",
        "",
        "%zz",
        "Ω",
    ]
    for _ in range(300):
        kev = "&".join(f"{r.choice(keys)}={r.choice(values)}" for _ in range(r.randrange(12)))
        item = coins_item(kev)
        assert item is None or (isinstance(item["title"], str) and item["type"])


def test_an_endnote_entity_bomb_is_refused() -> None:
    from citekit.embedded import endnote_citation

    levels = "".join(f'<!ENTITY l{k} "{f"&l{k - 1};" * 10}">' for k in range(1, 10))
    xml = (
        f'<?xml version="1.0"?><!DOCTYPE b [<!ENTITY l0 "lol">{levels}]>'
        "<EndNote><Cite><record><titles><title>&l9;</title></titles></record></Cite></EndNote>"
    )
    warnings: list[str] = []
    assert endnote_citation(1, xml, warnings) is None
    assert len(warnings) == 1 and "not valid XML" in warnings[0]
