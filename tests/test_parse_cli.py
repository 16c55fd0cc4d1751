"""``citekit parse`` end to end: the bundled essay, golden files, formats, bad input, atomic writes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from citekit.cli import cli, main


def run(args: list[str], input: bytes | str | None = None) -> tuple[int, str, str]:
    proc = subprocess.run(
        [sys.executable, "-m", "citekit", *args],
        input=input.encode("utf-8") if isinstance(input, str) else input,
        capture_output=True,
        check=False,
    )
    return proc.returncode, proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8")


GOLDEN = [("essay.bib", "bibtex"), ("essay.json", "csl-json"), ("essay.ris", "ris")]


@pytest.mark.parametrize(("name", "fmt"), GOLDEN)
def test_bundled_outputs_are_up_to_date(root_dir: Path, name: str, fmt: str) -> None:
    """bib/essay.{bib,json,ris} are what citekit makes of bib/essay.md today.

    Regenerate with: citekit parse bib/essay.md -o bib/essay.bib (and .json, .ris).
    """
    code, out, err = run(["parse", str(root_dir / "bib" / "essay.md"), "--format", fmt])
    assert code == 0, err
    assert out == (root_dir / "bib" / name).read_text("utf-8"), (
        f"bib/{name} is stale: regenerate it"
    )


def test_essay_to_csl_json(root_dir: Path) -> None:
    code, out, _ = run(["parse", str(root_dir / "bib" / "essay.md"), "--format", "csl-json"])
    assert code == 0
    items = json.loads(out)
    assert len(items) == 13
    assert [i["citation-number"] for i in items] == list(range(1, 14))
    ids = [i["id"] for i in items]
    assert len(set(ids)) == len(ids)
    by_id = {i["id"]: i for i in items}
    assert by_id["jacobs1961death"]["author"] == [{"family": "Jacobs", "given": "Jane"}]
    assert by_id["pucher2008making"]["type"] == "article-journal"
    assert by_id["pucher2008making"]["page"] == "495-528"
    oldenburg = next(i for i in items if i["id"].startswith("oldenburg"))
    assert oldenburg["author"][0]["family"] == "Oldenburg"


def test_output_file_is_written_atomically_and_format_follows_suffix(
    root_dir: Path, tmp_path: Path
) -> None:
    target = tmp_path / "refs.json"
    target.write_text("old content", "utf-8")
    code, out, err = run(["parse", str(root_dir / "bib" / "essay.md"), "-o", str(target)])
    assert code == 0 and out == ""
    assert "13 references" in err
    assert json.loads(target.read_text("utf-8"))[0]["id"] == "jacobs1961death"
    assert [p.name for p in tmp_path.iterdir()] == ["refs.json"]  # no temporary file left behind


def test_stdin_and_all_formats(tmp_path: Path) -> None:
    text = "1. Holt, Margaret, The Allotment Ledgers, Parish Press, Leeds, 1988\n2. Quigley, Sean, Digging for Victory, Harrow Books, London, 2001\n"
    for fmt in ("bibtex", "biblatex", "csl-json", "ris", "jsonl"):
        code, out, err = run(["parse", "-", "--format", fmt], input=text)
        assert code == 0, err
        assert "Holt" in out and "Quigley" in out


def test_low_confidence_entry_reported_with_line_and_kept(tmp_path: Path) -> None:
    src = tmp_path / "list.txt"
    src.write_text(
        "References\n\n1. Holt, Margaret, The Allotment Ledgers, Parish Press, Leeds, 1988\n2. ibid.\n",
        "utf-8",
    )
    code, out, err = run(["parse", str(src), "--format", "csl-json"])
    assert code == 0
    assert f"{src}:4:" in err and "CIT104" in err
    items = json.loads(out)
    assert len(items) == 2 and items[1]["type"] == "document" and items[1]["note"] == "ibid."


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary"),
        (b"Holt, M. caf\xe9 1988\n", "cannot decode"),
        (b"", "empty"),
        (b"   \n\n", "empty"),
        (b"Just a sentence of prose, nothing more to see here today.\n", "no reference list"),
    ],
)
def test_bad_input_exits_2_with_a_clear_message(
    tmp_path: Path, content: bytes, message: str
) -> None:
    src = tmp_path / "input.txt"
    src.write_bytes(content)
    code, out, err = run(["parse", str(src)])
    assert code == 2
    assert message in err and "Traceback" not in err
    assert out == ""


def test_missing_file_and_bad_format(tmp_path: Path) -> None:
    code, _, err = run(["parse", str(tmp_path / "nope.txt")])
    assert code == 2 and "no such file" in err
    code, _, err = run(["parse", str(tmp_path / "nope.txt"), "--format", "endnote"])
    assert code == 2 and "endnote" in err


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "utf-16-le"])
def test_encodings(tmp_path: Path, encoding: str) -> None:
    src = tmp_path / "list.txt"
    src.write_bytes(
        "1. Şahin, Elif, Çay and the City, Parish Press, Leeds, 1988\n2. Müller, Jürgen, Über Brücken, Elbe Verlag, Dresden, 2008\n".encode(
            encoding
        )
    )
    code, out, err = run(["parse", str(src), "--format", "csl-json"])
    assert code == 0, err
    assert [i["author"][0]["family"] for i in json.loads(out)] == ["Şahin", "Müller"]


def test_unbalanced_braces_in_a_title_still_give_valid_bibtex(tmp_path: Path) -> None:
    from pybtex.database import parse_string

    src = tmp_path / "list.txt"
    src.write_text(
        "1. Holt, Margaret, The {Allotment Ledgers, Parish Press, Leeds, 1988\n2. Abara, C., Gardens} and {more, Harbour Books, London, 2019\n",
        "utf-8",
    )
    code, out, err = run(["parse", str(src)])
    assert code == 0, err
    assert len(parse_string(out, "bibtex").entries) == 2


def test_main_entry_point_help(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["parse", "--help"])
    assert exc.value.code == 0
    assert "--format" in capsys.readouterr().out
    assert "parse" in cli.commands


def test_bibtex_source_is_converted(data_dir: Path) -> None:
    code, out, err = run(["parse", str(data_dir / "formats" / "user.bib"), "--format", "csl-json"])
    assert code == 0
    ids = [i["id"] for i in json.loads(out)]
    assert ids == ["abara2019gardens", "holt1988", "site2021"]
    assert "user.bib:24: CIT190" in err and "Parsing of" not in err


def test_progress_bar_only_on_a_terminal_and_for_long_runs(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from citekit.cli.progress import ProgressBar

    long_run = ProgressBar("parsing", minimum=10)
    long_run(10, 20)
    long_run.close()
    assert capsys.readouterr().err == ""  # not a terminal: no bar
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    short = ProgressBar("parsing", minimum=10)
    short(5, 5)
    short.close()
    assert capsys.readouterr().err == ""  # a short run: no bar
    long_run = ProgressBar("parsing", minimum=10)
    long_run(10, 20)
    long_run(20, 20)
    long_run.close()
    assert "parsing" in capsys.readouterr().err


def test_bundled_harvard_essay_parses_to_its_bibliography_and_checks_clean(
    root_dir: Path, tmp_path: Path
) -> None:
    """The Harvard example: web sources, a report, a newspaper, a translated book, a
    video by a channel; its .bib is what ``citekit parse`` writes today."""
    from citekit.check import check_source
    from citekit.source import read_source

    src = root_dir / "bib" / "harvard-essay.md"
    code, out, err = run(["parse", str(src), "--format", "bibtex"])
    assert code == 0, err
    assert out == (root_dir / "bib" / "harvard-essay.bib").read_text("utf-8"), (
        "bib/harvard-essay.bib is stale: regenerate it"
    )
    rep = check_source(read_source(str(src)))
    assert len(rep.links) == 9 and all(lk.status == "resolved" for lk in rep.links)
    assert rep.diagnostics == ()
