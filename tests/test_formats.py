"""Writers and readers: round trips through bibtexparser v2 and pybtex, CSL-JSON schema, RIS."""

from __future__ import annotations

import dataclasses
import json
import shutil
import subprocess
from pathlib import Path

import bibtexparser
import pytest
from pybtex.database import parse_string as pybtex_parse

from citekit.document import parse_document, parse_reference_strings
from citekit.errors import CitekitError, InputError
from citekit.formats import FORMATS, write
from citekit.formats.bibtex import load_bibtex, read_bibtex
from citekit.formats.csljson import read_csl_json
from citekit.formats.latex import latex_escape, latex_unescape
from citekit.model import Name, Reference, Span
from citekit.source import read_source


def _refs() -> list[Reference]:
    base = {"raw": "", "span": Span(0, 0)}
    return [
        Reference(
            id="r1",
            key="sahin2020cay",
            type="article-journal",
            number=1,
            label="1.",
            authors=(
                Name("Şahin", "Elif"),
                Name("Berg", "Jan", "van der"),
                Name("Nye", "Joseph S.", suffix="Jr"),
                Name("Di Lisa", "F"),  # a family of two words is braced, not escaped
            ),
            title="The Çay Trade & 50% of {Istanbul}'s NATO markets_now #1 ~ $5 ^ \\ end",
            container_title="Journal of Turkish Studies",
            volume="12",
            issue="3",
            pages="1433-1440",
            year=2020,
            date="2020-09",
            doi="10.1000/xyz_1",
            **base,
        ),
        Reference(
            id="r2",
            key="who2018global",
            type="report",
            number=2,
            authors=(Name("World Health Organization", literal=True),),
            title="Global status report on road safety 2018",
            publisher="WHO",
            genre="Report",
            issue="WHO/NMH/18.20",  # a report's number
            location="Geneva",
            year=2018,
            **base,
        ),
        Reference(
            id="r3",
            key="tfl2018cycling",
            type="webpage",
            authors=(Name("Transport for London", literal=True),),
            title="Cycling action plan",
            url="https://example.org/a_b%20c#top",
            accessed="2021-01-12",
            year=2018,
            **base,
        ),
        Reference(
            id="r4",
            key="holt1988allotment",
            type="book",
            authors=(Name("Holt", "Margaret"),),
            translators=(Name("Kowalski", "Marta"), Name("Lindqvist", "Sven")),
            title="The Allotment Ledgers",
            publisher="Parish Press",
            location="Leeds",
            year=1988,
            edition="5",
            number_of_pages="215",
            extra=(("keywords", "gardens, civic life"),),
            **base,
        ),
        Reference(
            id="r5",
            key="pogacian2015european",
            type="paper-conference",
            authors=(Name("Pogacian", "Adrian"),),
            title="European Union’s uncertain future – a dialogue",
            event="RAPN Congress",
            location="Moscow",
            year=2015,
            **base,
        ),
        Reference(
            id="r7",
            key="nakamura2018harbour",
            type="software",
            authors=(Name("Nakamura", "Kenji"),),
            title="harbour-sim: a sediment transport simulator",
            version="2.1.0",
            genre="Computer software",
            publisher="GitHub",
            year=2018,
            **base,
        ),
        Reference(
            id="r6",
            key="odd2001",
            type="document",
            title="Unbalanced { brace and } reversed }{",
            note="raw text {kept",
            **base,
        ),
    ]


def _pybtex_fields(text: str) -> dict[str, dict[str, str]]:
    db = pybtex_parse(text, "bibtex")
    out = {}
    for key, entry in db.entries.items():
        fields = {k.lower(): str(v) for k, v in entry.fields.items()}
        for role, persons in entry.persons.items():
            fields[role.lower()] = " and ".join(str(p) for p in persons)
        out[key] = fields
    return out


def _bibtexparser_fields(text: str) -> dict[str, dict[str, str]]:
    lib = bibtexparser.parse_string(text)
    assert not lib.failed_blocks
    return {e.key: {f.key.lower(): str(f.value) for f in e.fields} for e in lib.entries}


@pytest.mark.parametrize("fmt", ["bibtex", "biblatex"])
def test_bibtex_loads_in_bibtexparser_and_pybtex_with_the_same_fields(fmt: str) -> None:
    text = write(_refs(), fmt)
    a = _bibtexparser_fields(text)
    b = _pybtex_fields(text)
    assert list(a) == [r.key for r in _refs()]
    assert set(a) == set(b)
    for key in a:
        assert set(a[key]) == set(b[key]), key
        for field, value in a[key].items():
            if field in {"author", "editor"}:
                assert value.count(" and ") == b[key][field].count(" and ")
            else:
                assert value == b[key][field], (key, field)


def test_bibtex_round_trip_keeps_values() -> None:
    refs = _refs()
    back = {r.key: r for r in read_bibtex(write(refs, "bibtex"))}
    for ref in refs:
        got = back[ref.key]
        assert got.title == ref.title, ref.key
        assert [(n.family, n.given, n.particle, n.suffix) for n in got.authors] == [
            (n.family, n.given, n.particle, n.suffix) for n in ref.authors
        ]
        assert got.year == ref.year
        assert got.type == ref.type
        assert got.url == ref.url
        assert got.doi == ref.doi
    assert back["sahin2020cay"].pages == "1433-1440"
    assert back["sahin2020cay"].date == "2020-09"
    assert back["holt1988allotment"].edition == "5"
    assert back["holt1988allotment"].translators == (
        Name("Kowalski", "Marta"),
        Name("Lindqvist", "Sven"),
    )
    assert dict(back["holt1988allotment"].extra)["keywords"] == "gardens, civic life"
    assert back["odd2001"].note == "raw text {kept"
    assert back["nakamura2018harbour"].version == "2.1.0"
    assert back["who2018global"].issue == "WHO/NMH/18.20"


def test_biblatex_fields() -> None:
    text = write(_refs(), "biblatex")
    assert "@online{tfl2018cycling" in text and "urldate = {2021-01-12}" in text
    assert "journaltitle = {Journal of Turkish Studies}" in text
    assert "date = {2020-09}" in text
    assert "@report{who2018global" in text and "institution = {WHO}" in text
    assert "eventtitle = {RAPN Congress}" in text


def test_biblatex_web_page_without_address_is_misc() -> None:
    # biblatex's data model requires a url, doi or eprint in @online.
    page = next(r for r in _refs() if r.key == "tfl2018cycling")
    bare = dataclasses.replace(page, url=None)
    text = write([bare], "biblatex")
    assert text.startswith("@misc{tfl2018cycling") and "urldate = {2021-01-12}" in text
    assert write([bare], "bibtex").startswith("@misc{tfl2018cycling")
    assert write([dataclasses.replace(bare, doi="10.1/x")], "biblatex").startswith("@online{")


def _typed(item_type: str, key: str, family: str, title: str, year: int) -> Reference:
    return Reference(
        id=key,
        raw=f"{family}. {title}. {year}.",
        span=Span(0, 0),
        type=item_type,
        key=key,
        authors=(Name(family, "A."),),
        title=title,
        year=year,
    )


@pytest.mark.parametrize(
    ("item_type", "fmt", "written"),
    [
        ("article", "bibtex", "@misc{k"),  # a preprint
        ("article", "biblatex", "@misc{k"),
        ("article", "ris", "TY  - UNPB"),
        ("article", "csl-json", '"type": "article"'),
        ("motion_picture", "bibtex", "@misc{k"),
        ("motion_picture", "biblatex", "@video{k"),
        ("motion_picture", "ris", "TY  - MPCT"),
        ("motion_picture", "csl-json", '"type": "motion_picture"'),
    ],
)
def test_each_format_writes_the_type_it_has_for_the_work(
    item_type: str, fmt: str, written: str
) -> None:
    assert written in write([_typed(item_type, "k", "Varda", "Vagabond", 1985)], fmt)


def test_latex_escaping() -> None:
    assert latex_escape("Şahin & Co") == "{\\c S}ahin \\& Co"
    assert latex_escape("50% of $5_x #1") == "50\\% of \\$5\\_x \\#1"
    for value in [
        "Şahin & Co. 50% {x}",
        "unbalanced { here",
        "a~b^c\\d",
        "“Quoted” – dash",
        "Müller",
    ]:
        assert latex_unescape(latex_escape(value)) == value.replace("“", "“").replace("”", "”")


def test_read_bibtex_keeps_user_fields_and_reports_broken_blocks(data_dir: Path) -> None:
    text = (data_dir / "formats" / "user.bib").read_text("utf-8")
    refs, diags = load_bibtex(text, "user.bib")
    keys = [r.key for r in refs]
    assert "abara2019gardens" in keys and "holt1988" in keys
    abara = refs[keys.index("abara2019gardens")]
    assert [(n.family, n.particle, n.literal) for n in abara.authors] == [
        ("Abara", "", False),
        ("Berg", "van der", False),
        ("Garden Trust", "", True),
    ]
    extra = dict(abara.extra)
    assert extra["keywords"] == "gardens, civic life"
    assert "abstract" in extra
    assert (
        abara.pages == "800-815"
        and abara.issue == "6"
        and abara.title == "Community gardens and Civic life"
    )
    assert diags and diags[0].code == "CIT190" and "line" in diags[0].message
    assert read_bibtex(text, "user.bib") == refs
    # user fields survive a write
    again = write(refs, "bibtex")
    assert "keywords = {gardens, civic life}" in again


def test_csl_json_validates_against_schema_and_keeps_order(data_dir: Path) -> None:
    import jsonschema

    schema = json.loads((data_dir / "formats" / "csl-data.schema.json").read_text("utf-8"))
    text = write(_refs(), "csl-json")
    items = json.loads(text)
    jsonschema.validate(items, schema)
    assert [i["id"] for i in items] == [r.key for r in _refs()]
    assert items[0]["citation-number"] == 1 and items[1]["citation-number"] == 2
    assert "citation-number" not in items[2]
    assert items[0]["issued"] == {"date-parts": [[2020, 9]]}
    assert items[0]["author"][1] == {
        "family": "Berg",
        "given": "Jan",
        "non-dropping-particle": "van der",
    }
    assert items[1]["author"] == [{"literal": "World Health Organization"}]
    assert items[2]["accessed"] == {"date-parts": [[2021, 1, 12]]}
    # CSL numbers a report with "number", a journal's issue with "issue"
    assert items[1]["number"] == "WHO/NMH/18.20" and "issue" not in items[1]
    assert items[0]["issue"] == "3" and "number" not in items[0]
    assert items[5]["version"] == "2.1.0"
    back = read_csl_json(text)
    assert [(r.key, r.title, r.year, r.number, r.issue, r.version) for r in back] == [
        (r.key, r.title, r.year, r.number, r.issue, r.version) for r in _refs()
    ]


def test_read_csl_json_bad_input() -> None:
    with pytest.raises(InputError, match="not valid JSON"):
        read_csl_json("[{", "x.json")
    with pytest.raises(InputError):
        read_csl_json('"a string"', "x.json")
    assert read_csl_json("[]") == []


def test_ris() -> None:
    text = write(_refs(), "ris")
    records = text.strip().split("\n\n")
    assert len(records) == len(_refs())
    first = records[0].splitlines()
    assert first[0] == "TY  - JOUR" and first[-1] == "ER  - "
    assert "AU  - Şahin, Elif" in first and "AU  - van der Berg, Jan" in first
    assert "SP  - 1433" in first and "EP  - 1440" in first and "DA  - 2020/09//" in first
    assert (
        "TY  - RPRT" in records[1]
        and "TY  - ELEC" in records[2]
        and "Y2  - 2021-01-12" in records[2]
    )


def test_jsonl_one_object_per_reference() -> None:
    lines = write(_refs(), "jsonl").splitlines()
    assert len(lines) == len(_refs())
    obj = json.loads(lines[0])
    assert obj["id"] == "sahin2020cay" and obj["span"] == [0, 0] and "segments" in obj


@pytest.mark.parametrize("fmt", FORMATS)
def test_empty_list_writes_an_empty_document(fmt: str) -> None:
    out = write([], fmt)
    assert out in {"", "[]\n"}


def test_unknown_format() -> None:
    with pytest.raises(CitekitError):
        write(_refs(), "endnote")


@pytest.mark.shared
@pytest.mark.slow
def test_every_heldout_reference_writes_loadable_bibtex(shared_dir: Path) -> None:
    """Real, messy strings: every one parsed and written; both BibTeX readers agree on every field."""
    from citekit.document import parse_reference_strings

    path = shared_dir / "data" / "parser" / "anystyle-gold-heldout.jsonl"
    texts = [
        json.loads(line)["text"] for line in path.read_text("utf-8").splitlines() if line.strip()
    ]
    refs = parse_reference_strings([*texts, "", "{", "}}{{", "ª 𝔄 中文 ☃", "Jr, III"])
    assert len(refs) == len(texts) + 5
    for fmt in ("bibtex", "biblatex"):
        text = write(refs, fmt)
        a = _bibtexparser_fields(text)
        b = _pybtex_fields(text)
        assert len(a) == len(refs) == len(b)
        for key, fields in a.items():
            assert set(fields) == set(b[key]), key
            for field, value in fields.items():
                if field not in {"author", "editor"}:
                    assert value == b[key][field], (key, field)
    json.loads(write(refs, "csl-json"))


@pytest.mark.parametrize("fmt", ["bibtex", "biblatex", "csl-json"])
def test_duplicate_keys_are_made_unique_on_write(fmt: str) -> None:
    a = Reference(id="a", raw="", span=Span(0, 0), key="holt1988", title="A", year=1988)
    out = write([a, a.with_(title="B"), a.with_(title="C")], fmt)
    if fmt == "csl-json":
        assert [i["id"] for i in json.loads(out)] == ["holt1988", "holt1988a", "holt1988b"]
    else:
        assert list(_pybtex_fields(out)) == ["holt1988", "holt1988a", "holt1988b"]


def test_duplicate_bibtex_keys_are_reported_and_kept_on_request() -> None:
    text = '@book{a, title={X}, year=2000}\n@book{a, title={Y and {Z}}, year=2001}\n@misc{b, title="Q"}\n'
    refs, diags = load_bibtex(text, "dup.bib")
    assert [r.key for r in refs] == ["a", "b"]
    assert len(diags) == 1 and "duplicate key 'a'" in diags[0].message
    kept, _ = load_bibtex(text, "dup.bib", keep_duplicates=True)
    assert [(r.key, r.title, r.year) for r in kept] == [
        ("a", "X", 2000),
        ("a", "Y and Z", 2001),
        ("b", "Q", None),
    ]
    assert list(_pybtex_fields(write(kept, "bibtex"))) == ["a", "aa", "b"]


def test_digits_that_are_not_decimal_do_not_crash_the_readers() -> None:
    """str.isdigit() accepts "²" and int() does not: a month or date part of "²" is ignored."""
    refs, _ = load_bibtex("@article{a, title={T}, year={2001}, month={²}}", "x.bib")
    assert refs[0].year == 2001 and refs[0].date is None
    [ref] = read_csl_json(
        '[{"id": "a", "type": "book", "title": "T", "issued": {"raw": "2001-²"}}]', "x.json"
    )
    assert ref.year == 2001


# ---------------------------------------------------------------------------
# BibLaTeX read by the real biber (Debian: biber); skipped where it is absent

ROOT = Path(__file__).resolve().parents[1]


def _biber_tool(tmp_path: Path, text: str, *options: str) -> str:
    """biber's tool mode on ``text`` (a .bib): its log, after checking it ran."""
    if shutil.which("biber") is None:
        pytest.skip("biber not installed (Debian: biber)")
    (tmp_path / "refs.bib").write_text(text, encoding="utf-8")
    res = subprocess.run(
        ["biber", "--tool", *options, "--output-file=out.bib", "refs.bib"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
        stdin=subprocess.DEVNULL,
    )
    assert res.returncode == 0, res.stdout + res.stderr
    return res.stdout


@pytest.mark.external
def test_biblatex_of_the_bundled_example_fits_biblatexs_data_model(tmp_path: Path) -> None:
    refs = parse_document(read_source(str(ROOT / "bib" / "essay.md"))).references
    log = _biber_tool(tmp_path, write(refs, "biblatex"), "--validate-datamodel")
    assert "Datamodel validation complete" in log
    assert "WARN" not in log and "ERROR" not in log, log


@pytest.mark.external
def test_biblatex_of_many_parsed_references_reads_cleanly_in_biber(tmp_path: Path) -> None:
    # Names, dates, escaping and braces of a few hundred references in many styles.
    data = ROOT / "citekit" / "parser" / "data" / "essay-style.jsonl"
    texts = [json.loads(line)["text"] for line in data.read_text(encoding="utf-8").splitlines()]
    refs = parse_reference_strings(texts)
    log = _biber_tool(tmp_path, write(refs, "biblatex"))
    assert "WARN" not in log and "ERROR" not in log, log
    out = (tmp_path / "out.bib").read_text(encoding="utf-8")
    assert out.count("@") >= len(refs) == len(texts)


def test_an_author_list_cut_short_by_et_al_says_so() -> None:
    (ref,) = parse_reference_strings(
        ["Ortega M, et al. Federated learning over radio. Proc. ICC. 2020:1-6."]
    )
    assert [n.family for n in ref.authors] == ["Ortega"] and ref.more_authors
    bib = write([ref], "bibtex")
    assert "author = {Ortega, M and others}" in bib
    (back,) = read_bibtex(bib)
    assert [n.family for n in back.authors] == ["Ortega"] and back.more_authors
    assert json.loads(write([ref], "jsonl"))["more-authors"] is True
    (whole,) = parse_reference_strings(["Ortega M, Lee K. Radio. Proc. ICC. 2020:1-6."])
    assert not whole.more_authors and "others" not in write([whole], "bibtex")


def test_translators_are_written_and_read_back_in_every_format() -> None:
    refs = _refs()
    holt = next(r for r in refs if r.key == "holt1988allotment")
    csl = {r.key: r for r in read_csl_json(write(refs, "csl-json"))}
    assert csl["holt1988allotment"].translators == holt.translators
    lines = [json.loads(line) for line in write(refs, "jsonl").splitlines()]
    (item,) = [d for d in lines if d["id"] == "holt1988allotment"]
    assert [t["family"] for t in item["translator"]] == ["Kowalski", "Lindqvist"]
    assert "A4  - Kowalski, Marta\nA4  - Lindqvist, Sven" in write(refs, "ris")
    assert "translator = {Kowalski, Marta and Lindqvist, Sven}" in write(refs, "biblatex")


def test_a_publication_status_is_written_and_read_back_in_every_format() -> None:
    texts = [
        "Okafor, C. (in press). Harbour ledgers. Journal of Maritime History.",
        "Chiang, J., Dermer, C. D., 1998, ApJ, submitted.",
        "Weber, F. 2019. Shore markets. Working paper, under review.",
    ]
    refs = parse_reference_strings(texts)
    assert [r.status for r in refs] == ["in press", "submitted", "under review"]
    assert [r.note for r in refs] == [None, None, None]
    assert [r.status for r in read_csl_json(write(refs, "csl-json"))] == [r.status for r in refs]
    biblatex = write(refs, "biblatex")
    # biblatex's own keys where it has one (printed in the document's language), else the words
    assert "pubstate = {inpress}" in biblatex and "pubstate = {under review}" in biblatex
    assert [r.status for r in read_bibtex(biblatex)] == [r.status for r in refs]
    # BibTeX has no such field: the styles print it from the note
    bibtex = write(refs, "bibtex")
    assert "note = {in press}" in bibtex and "note = {under review}" in bibtex
    assert "pubstate" not in bibtex
    assert "N1  - submitted" in write(refs, "ris")
