"""The enrichment pipeline and the ``citekit enrich`` / ``citekit index build`` commands (offline)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

import pytest

from citekit.cli import main
from citekit.enrich import Work
from citekit.enrich.bibfile import apply_enrichments, read_bibfile, write_bibfile
from citekit.enrich.index import LocalIndex, build_index
from citekit.enrich.report import render_text, to_json
from citekit.enrich.run import enrich_references
from citekit.errors import InputError, NetworkError
from citekit.model import Name, Reference, Span

BIB = r"""% my reading list
@string{fp = "Foreign Policy"}

@book{nye2004,
  author = {Nye, Joseph S.},
  title = {Soft Power: The Means to Success in World Politics},
  publisher = {PublicAffairs},
  year = {2004},
  keywords = {ir, {Power}},
}

@article{nye1990,
  author = {Nye, Jr., Joseph S.},
  title = {Soft power},
  journal = fp,
  year = 1990,
  volume = "80",
  pages = {153--171},
  doi = {10.5555/fp.1990.80.153},
}

@article{shea1993,
  author = {M. J. Shea and R. N. Compton},
  journal = {Phys. Rev. B},
  volume = {47},
  pages = {9967},
  year = {1993},
  number = {},
}

@misc{unknown,
  author = {Nobody, Some},
  title = {A t{\"i}tle found in no index at all},
  year = {2020},
}
"""

WRONG_DOI = r"""
@article{gallarotti2011,
  author = {Gallarotti, Giulio M.},
  title = {Soft Power},
  journal = {Journal of Political Power},
  year = {2011},
  doi = {10.5555/fp.1990.80.153},
}
"""


# ---------------------------------------------------------------- helpers


class FakeResolver:
    """A resolver answering from a list of works; records what it was asked."""

    authoritative = True

    def __init__(self, works: Sequence[Work], name: str = "fake", fail: bool = False) -> None:
        self.works = list(works)
        self.name = name
        self.fail = fail
        self.searched: list[str] = []
        self.looked_up: list[str] = []

    def search(self, query: str, rows: int = 5) -> list[Work]:
        self.searched.append(query)
        if self.fail:
            raise NetworkError("429 Too Many Requests, gave up after 5 tries")
        return self.works[:rows]

    def lookup(self, dois: Sequence[str]) -> dict[str, Work | None]:
        self.looked_up.extend(dois)
        if self.fail:
            raise NetworkError("connection refused")
        by_doi = {w.doi: w for w in self.works}
        return {d: by_doi.get(d) for d in dois}


def ref(raw: str, **fields: object) -> Reference:
    return Reference(id=fields.pop("id", "r"), raw=raw, span=Span(0, len(raw)), **fields)  # type: ignore[arg-type]


@pytest.fixture()
def index_path(tmp_path: Path, data_dir: Path) -> Path:
    path = tmp_path / "works.sqlite"
    build_index([data_dir / "enrich" / "works.jsonl"], path)
    return path


@pytest.fixture()
def index(index_path: Path) -> LocalIndex:
    return LocalIndex(index_path)


@pytest.fixture(autouse=True)
def private_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Never read or write the user's real cache; never need a mailto."""
    monkeypatch.setenv("CITEKIT_CACHE", str(tmp_path / "cache.sqlite"))
    monkeypatch.setenv("CITEKIT_MAILTO", "tests@example.org")


def run_cli(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exit_info:
        main(args)
    out, err = capsys.readouterr()
    return int(exit_info.value.code or 0), out, err


# ---------------------------------------------------------------- the pipeline


def test_pipeline_matches_verifies_and_reports(index: LocalIndex) -> None:
    refs = [
        ref("Shea MJ, Compton RN. Phys Rev B 1993;47:9967.", id="a"),
        ref(
            "Nye, J. S. (1990). Soft power. Foreign Policy, 80, 153-171.",
            id="b",
            doi="10.5555/FP.1990.80.153",
        ),
        ref("Nobody, S. (2020). A title found in no index at all.", id="c"),
    ]
    seen: list[tuple[int, int]] = []
    run = enrich_references(refs, [index], progress=lambda d, t, _: seen.append((d, t)))
    a, b, c = run.results
    assert (a.status, a.doi) == ("matched", "10.5555/prb.47.9967")
    assert (b.status, b.doi) == ("verified", "10.5555/fp.1990.80.153")
    assert c.status == "no-match" and c.doi is None
    assert seen == [(1, 3), (2, 3), (3, 3)]
    assert not run.interrupted
    assert run.lookups == 1 and run.searches == 2


def test_existing_doi_missing_from_the_index_is_not_called_wrong(index: LocalIndex) -> None:
    only = ref("Nye, J. S. (1990). Soft power.", doi="10.5555/elsewhere")
    result = enrich_references([only], [index]).results[0]
    assert result.status == "not-looked-up"  # an index is not the registry
    assert result.existing_doi == "10.5555/elsewhere"
    registry = FakeResolver([])
    result = enrich_references([only], [index, registry]).results[0]
    assert result.status == "conflict" and "does not exist" in result.message
    assert registry.looked_up == ["10.5555/elsewhere"]


def test_later_resolvers_are_asked_only_for_what_is_left(index: LocalIndex) -> None:
    refs = [
        ref("Shea MJ, Compton RN. Phys Rev B 1993;47:9967.", id="a"),
        ref("Nobody, S. (2020). A title found in no index at all.", id="b"),
    ]
    crossref = FakeResolver([], name="crossref")
    run = enrich_references(refs, [index, crossref])
    assert crossref.searched == ["Nobody, S. (2020). A title found in no index at all."]
    assert [r.status for r in run.results] == ["matched", "no-match"]


def test_resolver_failures_leave_entries_not_looked_up(index: LocalIndex) -> None:
    failing = FakeResolver([], name="crossref", fail=True)
    refs = [
        ref("Nobody, S. (2020). A title found in no index at all.", id="a"),
        ref("Someone, A. (2019). Another unknown title entirely.", id="b", doi="10.5555/x"),
    ]
    run = enrich_references(refs, [failing])
    assert [r.status for r in run.results] == ["not-looked-up", "not-looked-up"]
    assert "429" in run.results[0].message
    assert "connection refused" in run.results[1].message
    # with the index in front, what the index rejected is still reported as no-match
    run = enrich_references(
        [ref("Nye, J. S. (2011). Soft power. Some Journal.", id="c")], [index, failing]
    )
    assert run.results[0].status == "not-looked-up"  # Crossref might have had it
    assert run.results[0].rejected and "429" in run.results[0].message


def test_no_resolver_at_all() -> None:
    run = enrich_references([ref("Nye, J. S. (1990). Soft power.")], [])
    assert run.results[0].status == "not-looked-up"


def test_ctrl_c_keeps_what_was_done(index: LocalIndex) -> None:
    class Interrupting(FakeResolver):
        def search(self, query: str, rows: int = 5) -> list[Work]:
            if len(self.searched) == 1:
                raise KeyboardInterrupt
            self.searched.append(query)
            return index.search(query, rows)

    refs = [
        ref("Shea MJ, Compton RN. Phys Rev B 1993;47:9967.", id="a"),
        ref("Nye, J. S. (1990). Soft power. Foreign Policy, 80, 153-171.", id="b"),
        ref("Samuelson, P. A. (1948). Economics. McGraw-Hill.", id="c"),
    ]
    run = enrich_references(refs, [Interrupting([])], batch=1)
    assert run.interrupted
    assert run.results[0].status == "matched"
    assert [r.status for r in run.results[1:]] == ["not-looked-up", "not-looked-up"]
    assert run.results[1].message == "interrupted"


def test_search_many_is_used_when_offered(index: LocalIndex) -> None:
    class Result:
        def __init__(self, works: list[Work], error: str | None = None) -> None:
            self.works, self.error = tuple(works), error

    batches: list[int] = []

    class Concurrent(FakeResolver):
        def search_many(self, queries: Sequence[str], rows: int = 5) -> list[Result]:
            batches.append(len(queries))
            return [
                Result(index.search(q, rows)) if i else Result([], "timeout")
                for i, q in enumerate(queries)
            ]

    refs = [
        ref("Shea MJ, Compton RN. Phys Rev B 1993;47:9967.", id="a"),
        ref("Nye, J. S. (1990). Soft power. Foreign Policy, 80, 153-171.", id="b"),
    ]
    resolver = Concurrent([])
    run = enrich_references(refs, [resolver])
    assert batches == [2]
    assert run.results[0].status == "not-looked-up" and "timeout" in run.results[0].message
    assert run.results[1].doi == "10.5555/fp.1990.80.153"


def test_reference_without_raw_text_is_searched_from_its_fields(index: LocalIndex) -> None:
    fields_only = Reference(
        id="x",
        raw="",
        span=Span(0, 0),
        authors=(Name("Samuelson", "P. A."), Name("Nordhaus", "W. D.")),
        title="Economics",
        edition="19",
        year=2009,
        publisher="McGraw-Hill",
        type="book",
    )
    result = enrich_references([fields_only], [index]).results[0]
    assert result.status == "matched" and result.doi == "10.5555/econ.2009"


# ---------------------------------------------------------------- the .bib file


def test_bibfile_round_trip_keeps_everything() -> None:
    bib = read_bibfile(BIB, "refs.bib")
    text = write_bibfile(bib)
    for piece in (
        "% my reading list",
        '@string{fp = "Foreign Policy"}',
        "journal = fp",
        'volume = "80"',
        "keywords = {ir, {Power}}",
        r"t{\"i}tle",
        "number = {}",
    ):
        assert piece in text
    again = read_bibfile(text, "again.bib")
    assert [r.key for r in again.references] == ["nye2004", "nye1990", "shea1993", "unknown"]
    assert again.references[1].container_title == "Foreign Policy"  # @string resolved for matching


def test_apply_adds_doi_only_where_matched_and_absent(index: LocalIndex) -> None:
    bib = read_bibfile(BIB + WRONG_DOI, "refs.bib")
    run = enrich_references(bib.references, [index])
    statuses = {r.key: e.status for r, e in zip(bib.references, run.results, strict=True)}
    assert statuses == {
        "nye2004": "matched",
        "nye1990": "verified",
        "shea1993": "matched",
        "unknown": "no-match",
        "gallarotti2011": "conflict",
    }
    applied = apply_enrichments(bib, run.results, fill=True)
    assert applied.dois_added == 2
    entries = {e.key: e for e in bib.library.entries}
    assert entries["nye2004"].fields_dict["doi"].value == "{10.5555/book.softpower.2004}"
    # the user's DOI is kept even though it describes another work
    assert entries["gallarotti2011"].fields_dict["doi"].value == "{10.5555/fp.1990.80.153}"
    # --fill: empty or absent fields filled, present ones untouched
    shea = entries["shea1993"].fields_dict
    assert shea["number"].value == "{15}"
    assert shea["title"].value == "{Photoionization of sodium clusters near threshold}"
    assert shea["journal"].value == "{Phys. Rev. B}"
    assert shea["author"].value == "{M. J. Shea and R. N. Compton}"


def test_malformed_bib_is_refused() -> None:
    with pytest.raises(InputError, match="line"):
        read_bibfile(BIB + "\n@article{broken, title = {no end}\n", "bad.bib")
    with pytest.raises(InputError, match="duplicate key 'nye2004'"):
        read_bibfile(BIB + "\n@misc{nye2004, title = {again}}\n", "dup.bib")


def test_reports(index: LocalIndex) -> None:
    bib = read_bibfile(BIB + WRONG_DOI, "refs.bib")
    run = enrich_references(bib.references, [index])
    text = render_text(bib.references, run)
    assert "nye2004: DOI 10.5555/book.softpower.2004 (confidence" in text
    assert "nye1990: DOI 10.5555/fp.1990.80.153 verified" in text
    assert "gallarotti2011: DOI 10.5555/fp.1990.80.153 kept, but" in text
    assert "unknown: no match" in text
    assert "5 entries: 2 DOI(s) added, 1 verified, 1 conflict(s), 1 without a match" in text
    data = to_json(bib.references, run)
    json.dumps(data)  # serialisable
    by_key = {e["key"]: e for e in data["entries"]}
    assert by_key["nye2004"]["evidence"] and by_key["nye2004"]["runner_up"]["reason"]
    assert data["summary"]["matched"] == 2 and data["summary"]["conflict"] == 1


# ---------------------------------------------------------------- the command line


def test_cli_enrich_offline_end_to_end(
    tmp_path: Path, index_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bib = tmp_path / "refs.bib"
    bib.write_text(BIB, encoding="utf-8")
    out = tmp_path / "out.bib"
    code, stdout, _ = run_cli(
        ["enrich", str(bib), "-o", str(out), "--index", str(index_path), "--offline"], capsys
    )
    assert code == 0
    assert "nye2004: DOI 10.5555/book.softpower.2004" in stdout
    assert "crossref requests: 0" in stdout
    text = out.read_text(encoding="utf-8")
    assert "doi = {10.5555/book.softpower.2004}" in text
    assert "doi = {10.5555/prb.47.9967}" in text
    assert "keywords = {ir, {Power}}" in text and "journal = fp" in text
    assert text.count("doi = ") == 3  # nye1990 keeps its own, nothing for unknown
    assert bib.read_text(encoding="utf-8") == BIB  # the input is untouched


def test_cli_conflict_exit_code_and_json_report(
    tmp_path: Path, index_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bib = tmp_path / "refs.bib"
    bib.write_text(BIB + WRONG_DOI, encoding="utf-8")
    report = tmp_path / "report.json"
    code, stdout, _ = run_cli(
        [
            "enrich",
            str(bib),
            "--index",
            str(index_path),
            "--no-crossref",
            "--report",
            "json",
            "--report-file",
            str(report),
            "--min-confidence",
            "0.8",
        ],
        capsys,
    )
    assert code == 1  # an entry's own DOI describes another work
    assert stdout == ""
    data = json.loads(report.read_text(encoding="utf-8"))
    assert data["threshold"] == 0.8
    entry = next(e for e in data["entries"] if e["key"] == "gallarotti2011")
    assert entry["status"] == "conflict" and entry["doi"] == "10.5555/fp.1990.80.153"
    assert bib.read_text(encoding="utf-8") == BIB + WRONG_DOI  # no -o: a preview only


def test_cli_output_to_stdout_and_in_place(
    tmp_path: Path, index_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bib = tmp_path / "refs.bib"
    bib.write_text(BIB, encoding="utf-8")
    code, stdout, stderr = run_cli(
        ["enrich", str(bib), "-o", "-", "--index", str(index_path), "--no-crossref"], capsys
    )
    assert code == 0
    assert stdout.startswith("% my reading list") and "10.5555/prb.47.9967" in stdout
    assert "4 entries" in stderr  # the report moves to stderr
    code, _, _ = run_cli(
        ["enrich", str(bib), "-o", str(bib), "--index", str(index_path), "--no-crossref", "--fill"],
        capsys,
    )
    assert code == 0
    assert "title = {Photoionization of sodium clusters near threshold}" in bib.read_text("utf-8")
    code, stdout, _ = run_cli(
        ["enrich", str(bib), "--index", str(index_path), "--no-crossref", "--quiet"], capsys
    )
    assert code == 0
    assert "nye2004" not in stdout and "unknown: no match" in stdout
    assert stdout.splitlines()[-1].startswith("4 entries:")


def test_cli_bad_input_exits_2_and_writes_nothing(
    tmp_path: Path, index_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.bib"
    bad.write_text(BIB + "\n@article{broken, title = {no end}\n", encoding="utf-8")
    out = tmp_path / "out.bib"
    code, _, stderr = run_cli(
        ["enrich", str(bad), "-o", str(out), "--index", str(index_path), "--offline"], capsys
    )
    assert code == 2
    assert "malformed BibTeX" in stderr and "Traceback" not in stderr
    assert not out.exists()
    code, _, stderr = run_cli(["enrich", str(tmp_path / "absent.bib"), "--offline"], capsys)
    assert code == 2
    code, _, stderr = run_cli(["enrich", str(bad), "--no-crossref"], capsys)
    assert code == 2 and "--index" in stderr


def test_cli_ctrl_c_writes_what_was_done(
    tmp_path: Path,
    index_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import citekit.enrich.run as run_module

    real_validate = run_module.validate
    calls: list[int] = []

    def validate_then_interrupt(*args: object, **kwargs: object):
        calls.append(1)
        if len(calls) > 1:
            raise KeyboardInterrupt
        return real_validate(*args, **kwargs)

    monkeypatch.setattr(run_module, "validate", validate_then_interrupt)
    bib = tmp_path / "refs.bib"
    bib.write_text(BIB, encoding="utf-8")
    out = tmp_path / "out.bib"
    code, stdout, stderr = run_cli(
        ["enrich", str(bib), "-o", str(out), "--index", str(index_path), "--no-crossref"], capsys
    )
    assert code == 130
    assert "interrupted" in stderr
    text = out.read_text(encoding="utf-8")
    assert "doi = {10.5555/book.softpower.2004}" in text  # the first entry's DOI is kept
    assert "keywords = {ir, {Power}}" in text
    assert "not looked up (interrupted)" in stdout


def test_cli_index_build(
    tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "i.sqlite"
    code, stdout, _ = run_cli(
        ["index", "build", str(data_dir / "enrich" / "works.jsonl"), "-o", str(out)], capsys
    )
    assert code == 0 and "indexed 11 work(s)" in stdout
    assert len(LocalIndex(out)) == 11
    empty = tmp_path / "empty.jsonl"
    empty.write_text('{"not": "a work"}\n', encoding="utf-8")
    code, _, stderr = run_cli(
        ["index", "build", str(empty), "-o", str(tmp_path / "e.sqlite")], capsys
    )
    assert code == 2 and "no Crossref work records" in stderr
    assert not (tmp_path / "e.sqlite").exists()
    code, _, _ = run_cli(["index", "build", "-o", str(out)], capsys)
    assert code == 2


def test_cli_help(capsys: pytest.CaptureFixture[str]) -> None:
    for args in (["enrich", "--help"], ["index", "build", "--help"]):
        code, stdout, _ = run_cli(args, capsys)
        assert code == 0 and "Usage:" in stdout


def test_apply_to_references_sets_dois_and_fills(index: LocalIndex) -> None:
    from citekit.enrich.run import apply_to_references

    refs = [
        ref("Shea MJ, Compton RN. Phys Rev B 1993;47:9967.", id="a"),
        ref(
            "Nye, J. S. (1990). Soft power. Foreign Policy, 80, 153-171.",
            id="b",
            doi="10.5555/kept",
        ),
    ]
    run = enrich_references(refs, [index])
    plain = apply_to_references(refs, run)
    assert plain[0].doi == "10.5555/prb.47.9967" and plain[0].title is None
    assert plain[1].doi == "10.5555/kept"
    filled = apply_to_references(refs, run, fill=True)
    assert filled[0].title == "Photoionization of sodium clusters near threshold"
    assert filled[0].issue == "15" and filled[0].authors[0].family == "Shea"
    assert refs[0].doi is None  # the inputs are not changed


@pytest.mark.shared
def test_benchmark_script_runs(shared_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from citekit.bench.enrich import main as bench_main

    code = bench_main(
        ["--shared", str(shared_dir), "--limit", "40", "--styles", "elsevier-vancouver"]
    )
    out, _ = capsys.readouterr()
    assert code == 0
    assert "elsevier-vancouver" in out and "crossref real-unstructured" in out
    assert "queries/s" in out


def test_conflict_names_the_record_that_fits(index: LocalIndex) -> None:
    wrong = ref(
        "Nye, J. S. (2004). Soft power: The means to success in world politics. PublicAffairs.",
        doi="10.5555/fp.1990.80.153",
    )
    result = enrich_references([wrong], [index]).results[0]
    assert result.status == "conflict"
    assert result.doi == result.existing_doi == "10.5555/fp.1990.80.153"  # kept
    assert result.suggestion == "10.5555/book.softpower.2004"
    assert "10.5555/book.softpower.2004" in result.message
    quiet = enrich_references([wrong], [index], suggest=False).results[0]
    assert quiet.status == "conflict" and quiet.suggestion is None


def test_thin_match_widens_the_search_to_see_a_rival() -> None:
    # an unsigned item cited by journal, volume, year and page: a duplicate record
    # ranked just below the rows asked for must still make it ambiguous
    item = Work(
        doi="10.5555/arch.94.791",
        type="journal-article",
        title="Books received",
        container_title="Archives of Dermatology",
        volume="94",
        pages="791",
        year=1966,
    )
    twin = replace(item, doi="10.5555/arch.94.791.dup")
    cited = ref("[12] Archives of Dermatology 94 (1966) 791.")
    alone = FakeResolver([item])
    assert enrich_references([cited], [alone], rows=1).results[0].doi == item.doi
    # a full page of candidates (1 of rows=1): asked once more, wider, and still no rival
    assert alone.searched == [cited.raw, cited.raw]
    few = FakeResolver([item])
    assert enrich_references([cited], [few], rows=5).results[0].doi == item.doi
    assert few.searched == [cited.raw]  # fewer candidates than rows: nothing was cut off
    crowded = FakeResolver([item, twin])
    result = enrich_references([cited], [crowded], rows=1).results[0]
    assert result.status == "no-match"
    assert len(crowded.searched) == 2  # asked again with more rows
    # a well-founded match (author, title and every coordinate) is not searched twice
    article = replace(
        item,
        doi="10.5555/arch.94.795",
        title="Mycosis fungoides in childhood",
        authors=(Name("Moore", "Ann"),),
        pages="795-799",
    )
    signed = FakeResolver([article, twin])
    full = ref(
        "Moore, A. (1966). Mycosis fungoides in childhood. Archives of Dermatology, 94, 795."
    )
    assert enrich_references([full], [signed], rows=1).results[0].doi == article.doi
    assert signed.searched == [full.raw]


def test_filled_names_are_written_as_the_bibtex_writer_writes_them() -> None:
    from bibtexparser.model import Entry as BibEntry

    from citekit.enrich import Work
    from citekit.enrich.bibfile import _fill_values
    from citekit.formats.bibtex import read_bibtex

    work = Work(
        doi="10.5555/x",
        authors=(Name("Di Lisa", "Fabio"), Name("Müller & Söhne", "Anna")),
        title="Mitochondria",
        year=2009,
    )
    values = _fill_values(BibEntry("article", "dilisa2009", []), work)
    assert values["author"].startswith("{Di Lisa}, Fabio and ")
    assert "\\&" in values["author"]  # a bare "&" would stop LaTeX
    (back,) = read_bibtex(f"@article{{k, author = {{{values['author']}}}, title = {{T}}}}")
    assert [(n.family, n.given) for n in back.authors] == [
        ("Di Lisa", "Fabio"),
        ("Müller & Söhne", "Anna"),
    ]
