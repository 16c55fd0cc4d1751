"""The pybtex input plugin: a plain-text list read through pybtex gives citekit parse's BibTeX."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from pybtex.database import BibliographyData, parse_file, parse_string
from pybtex.database.input.bibtex import Parser as BibTeXParser
from pybtex.exceptions import PybtexError
from pybtex.plugin import PluginNotFound, find_plugin

from citekit.pybtex_plugin import Parser, references_as_bibtex


def summary(data: BibliographyData) -> dict[str, tuple[str, dict[str, str], dict[str, list[str]]]]:
    """Entries as comparable values: type, fields, persons per role."""
    return {
        key: (
            entry.type,
            {name.lower(): value for name, value in entry.fields.items()},
            {role: [str(p) for p in people] for role, people in entry.persons.items()},
        )
        for key, entry in data.entries.items()
    }


def test_entry_point_is_registered_without_claiming_txt() -> None:
    assert find_plugin("pybtex.database.input", "citekit") is Parser
    with pytest.raises(PluginNotFound):
        find_plugin("pybtex.database.input", filename="refs.txt")


def test_parse_string_and_file_give_the_parse_pipeline(data_dir: Path) -> None:
    path = data_dir / "pybtex" / "refs.txt"
    text = path.read_text(encoding="utf-8")
    expected = summary(BibTeXParser().parse_string(references_as_bibtex(text, str(path))))
    assert len(expected) == 5
    assert summary(parse_string(text, "citekit")) == expected
    from_file = parse_file(str(path), bib_format="citekit")
    assert summary(from_file) == expected
    nye = [e for e in from_file.entries.values() if "Soft power" in e.fields.get("title", "")]
    assert len(nye) == 1 and [p.last_names for p in nye[0].persons["author"]] == [["Nye"]]


def test_bad_bytes_are_a_pybtex_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01\x02binary\x00\x00")
    with pytest.raises(PybtexError, match="binary"):
        parse_file(str(bad), bib_format="citekit")


def _convert(src: Path, out: Path, fmt: str = "citekit") -> None:
    exe = shutil.which("pybtex-convert")
    cmd = [exe] if exe else [sys.executable, "-m", "pybtex.database.convert"]
    subprocess.run(
        [*cmd, "-f", fmt, "-t", "bibtex", str(src), str(out)],
        check=True,
        capture_output=True,
        text=True,
        timeout=300,
    )


def _citekit_parse(src: Path, out: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "citekit", "parse", "-q", str(src), "-o", str(out)],
        check=True,
        capture_output=True,
        text=True,
        timeout=300,
    )


def _same_as_citekit_parse(src: Path, tmp_path: Path) -> int:
    """Compare ``pybtex-convert -f citekit`` with ``citekit parse``; return the entry count.

    Both sides go through pybtex's BibTeX writer for the file comparison (it
    rewrites some LaTeX, e.g. doubles the backslash of ``\\&``, whatever the input
    format), and are compared as parsed data too.
    """
    _convert(src, tmp_path / "via-pybtex.bib")
    _citekit_parse(src, tmp_path / "via-citekit.bib")
    citekit_data = parse_file(str(tmp_path / "via-citekit.bib"), bib_format="bibtex")
    plugin_data = parse_file(str(src), bib_format="citekit")
    assert summary(plugin_data) == summary(citekit_data)
    _convert(tmp_path / "via-citekit.bib", tmp_path / "via-citekit-pybtex.bib", "bibtex")
    assert (tmp_path / "via-pybtex.bib").read_text(encoding="utf-8") == (
        tmp_path / "via-citekit-pybtex.bib"
    ).read_text(encoding="utf-8")
    converted = parse_file(str(tmp_path / "via-pybtex.bib"), bib_format="bibtex")
    assert list(converted.entries) == list(citekit_data.entries)
    for key, entry in converted.entries.items():
        assert set(entry.fields) == set(citekit_data.entries[key].fields), key
    return len(citekit_data.entries)


def test_pybtex_convert_matches_citekit_parse(data_dir: Path, tmp_path: Path) -> None:
    assert _same_as_citekit_parse(data_dir / "pybtex" / "refs.txt", tmp_path) == 5


@pytest.mark.shared
@pytest.mark.slow
def test_essay_collection_list(shared_dir: Path, tmp_path: Path) -> None:
    src = shared_dir / "corpus" / "central-asia-essays.txt"
    if not src.is_file():
        pytest.skip(f"{src} not found")
    assert _same_as_citekit_parse(src, tmp_path) >= 10
