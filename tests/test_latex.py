"""LaTeX key extraction: \\cite-family commands, bibliography resources, .aux files,
thebibliography, and the undefined/unused/duplicate key check on a planted fixture."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from citekit.latex import (
    check_keys,
    duplicate_keys,
    find_bib_keys,
    find_bib_resources,
    find_bibitems,
    find_cite_keys,
    latex_to_text,
    parse_aux,
    strip_comments,
)
from citekit.source import Source


def keys(text: str) -> list[str]:
    return [c.key or "" for c in find_cite_keys(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (r"\cite{a}", ["a"]),
        (r"\citep{a, b,c}", ["a", "b", "c"]),
        (r"\citet*{a}", ["a"]),
        (r"\citealp[p.~3]{a}", ["a"]),
        (r"\citeauthor{a} \citeyear{b} \citeyearpar{c} \Citet{d} \citenum{e}", list("abcde")),
        (
            r"\parencite[see][12]{a} \textcite{b} \autocite*{c} \footcite{d} \Textcite{e}",
            list("abcde"),
        ),
        (r"\cites{a}{b} \parencites(pre)(post)[p. 1]{c}[2]{d,e}", list("abcde")),
        (r"\nocite{*}", ["*"]),
        (r"\cite" + "\n  " + r"[p. 4]{a}", ["a"]),
        (r"\citep{}", []),
        (r"\citetext{not a key} \citestyle{x}", []),
        (r"\cite{a} % \cite{b}", ["a"]),
        (r"50\% \cite{a}", ["a"]),
        ("line\\\\% \\cite{b}\n\\cite{a}", ["a"]),  # \\ then a comment
        ("\\begin{verbatim}\n\\cite{v}\n\\end{verbatim}\\verb|\\cite{w}| \\cite{a}", ["a"]),
        (r"\citep[{[}odd{]}]{a}", ["a"]),
        (r"\excite{a}", []),
        (r"\newcommand{\mycite}[1]{\citep{#1}} \mycite{a}", []),
    ],
)
def test_cite_keys(text: str, expected: list[str]) -> None:
    assert keys(text) == expected


def test_spans_optional_arguments_and_flags() -> None:
    text = r"As \citet[chap.~2]{nye2004} and \citep[see][p.~12]{a1980, b1990} show."
    cites = find_cite_keys(text)
    assert [text[c.span.start : c.span.end] for c in cites] == ["nye2004", "a1980", "b1990"]
    first, second, third = cites
    assert first.kind == "key" and first.narrative and first.command == "citet"
    assert first.locator == "chap. 2" and first.prefix is None
    assert text[first.group.start : first.group.end] == r"\citet[chap.~2]{nye2004}"
    assert second.prefix == "see" and second.locator == "p. 12" and not second.narrative
    assert second.group == third.group


def test_multicite_notes_per_key() -> None:
    cites = find_cite_keys(r"\textcites[see][p. 1]{x}[2]{y,z}")
    assert [(c.key, c.prefix, c.locator) for c in cites] == [
        ("x", "see", "p. 1"),
        ("y", None, "2"),
        ("z", None, "2"),
    ]
    assert all(c.narrative for c in cites)


def test_strip_comments_keeps_offsets() -> None:
    text = "a % c\n\\% b % d\nz"
    clean = strip_comments(text)
    assert len(clean) == len(text)
    assert clean.splitlines() == ["a    ", "\\% b    ", "z"]


def test_bib_resources(tmp_path: Path) -> None:
    text = (
        "\\bibliography{refs, ../shared/more}\n% \\bibliography{old}\n"
        "\\addbibresource[datatype=bibtex]{lit.bib}\\addbibresource{data.json}"
    )
    found = find_bib_resources(text, tmp_path)
    assert [r.written for r in found] == ["refs", "../shared/more", "lit.bib", "data.json"]
    assert [Path(r.path) for r in found] == [
        tmp_path / "refs.bib",
        tmp_path / "../shared/more.bib",
        tmp_path / "lit.bib",
        tmp_path / "data.json",
    ]
    assert text[found[1].span.start : found[1].span.end] == "../shared/more"


def test_parse_aux_bibtex_and_biblatex() -> None:
    aux = parse_aux(
        "\\relax\n\\citation{a,b}\n\\citation{*}\n\\abx@aux@cite{0}{c}\n\\abx@aux@cite{d}\n"
        "\\bibdata{refs,more}\n\\bibcite{a}{1}\n\\@input{chap1.aux}\n"
    )
    assert [c.key for c in aux.citations] == ["a", "b", "*", "c", "d"]
    assert aux.bibdata == ("refs", "more")
    assert aux.bibcites == ("a",)
    assert aux.inputs == ("chap1.aux",)


def test_bib_keys_and_duplicates() -> None:
    bib = (
        "@string{j = {Journal}}\n@comment{x, y}\n"
        "@Article{a1,\n title={T}, note={mail me@example.org, please}}\n"
        "@book(b2,\n title={U})\n"
        "@misc{A1, title={case duplicate}}\n"
    )
    found = find_bib_keys(bib)
    assert [k.key for k in found] == ["a1", "b2", "A1"]
    assert [k.entry_type for k in found] == ["article", "book", "misc"]
    dups = duplicate_keys(found)
    assert [(d.key, f.key) for d, f in dups] == [("A1", "a1")]


def test_check_keys_nocite_star_uses_everything() -> None:
    defined = find_bib_keys("@book{a, title={x}}\n@book{b, title={y}}\n")
    result = check_keys(find_cite_keys(r"\cite{a}\nocite{*}\cite{zz}"), defined)
    assert result.unused == ()
    assert [c.key for c in result.undefined] == ["zz"]


def _positions(source: Source, items: list[tuple[str, int]]) -> list[list[object]]:
    return [[key, Path(source.path).name, *source.line_col(offset)] for key, offset in items]


def test_planted_fixture(data_dir: Path) -> None:
    folder = data_dir / "latex"
    expected = json.loads((folder / "paper.expected.json").read_text())
    tex = Source(str(folder / "paper.tex"), (folder / "paper.tex").read_text(), "latex")
    resources = find_bib_resources(tex.text, folder)
    assert [Path(r.path).name for r in resources] == ["refs.bib"]
    bib = Source(resources[0].path, Path(resources[0].path).read_text(), "bibtex")
    result = check_keys(find_cite_keys(tex.text), find_bib_keys(bib.text))
    assert (
        _positions(tex, [(c.key or "", c.span.start) for c in result.undefined])
        == expected["undefined"]
    )
    assert _positions(bib, [(k.key, k.span.start) for k in result.unused]) == expected["unused"]
    assert [
        [d.key, "refs.bib", *bib.line_col(d.span.start), bib.line_of(f.span.start)]
        for d, f in result.duplicates
    ] == expected["duplicates"]

    aux = Source(str(folder / "paper.aux"), (folder / "paper.aux").read_text(), "aux")
    parsed = parse_aux(aux.text)
    assert parsed.bibdata == ("refs",)
    from_aux = check_keys(parsed.citations, find_bib_keys(bib.text))
    assert (
        _positions(aux, [(c.key or "", c.span.start) for c in from_aux.undefined])
        == expected["undefined_from_aux"]
    )
    assert [k.key for k in from_aux.unused] == ["unused2015"]


def test_latex_to_text() -> None:
    assert latex_to_text(r"M\"{u}ller, J. and {\em Caf\'e} --- \emph{A title}~2.") == (
        "Müller, J. and Café — A title 2."
    )
    assert latex_to_text(r"W{\ae}ver \& \c{S}ahin, pp.~1--5 \newblock \url{https://x.org/a_b}") == (
        "Wæver & Şahin, pp. 1–5 https://x.org/a_b"
    )


def test_bibitems() -> None:
    text = r"""
\begin{thebibliography}{9}
\bibitem[Nye(2004)]{nye2004} Nye, J.~S. (2004).
  \newblock \emph{Soft Power}. PublicAffairs.
% \bibitem{gone} commented out
\bibitem{keo}
Keohane, R. (1980). {\em After Hegemony}.
\end{thebibliography}
"""
    items = find_bibitems(text)
    assert [(i.key, i.label) for i in items] == [("nye2004", "Nye(2004)"), ("keo", None)]
    assert items[0].text == "Nye, J. S. (2004). Soft Power. PublicAffairs."
    assert items[1].text == "Keohane, R. (1980). After Hegemony."
    assert text[items[1].span.start : items[1].span.end].startswith(r"\bibitem{keo}")


def test_thebibliography_exports_to_bibtex_under_its_keys() -> None:
    from pybtex.database import parse_string

    from citekit.formats import write
    from citekit.latex import bibitem_references

    text = r"""\begin{thebibliography}{2}
\bibitem[Nye(2004)]{nye:soft} Nye, J.~S. (2004). \emph{Soft Power: The Means to Success in
  World Politics}. New York: PublicAffairs.
\bibitem{hopf98} Hopf, T. (1998). The promise of constructivism in international relations
  theory. \emph{International Security}, 23(1), 171--200.
\end{thebibliography}"""
    refs = bibitem_references(find_bibitems(text))
    assert [r.key for r in refs] == ["nye:soft", "hopf98"]
    assert text[refs[1].span.start : refs[1].span.end].startswith(r"\bibitem{hopf98}")
    data = parse_string(write(refs, "bibtex"), "bibtex")
    assert list(data.entries) == ["nye:soft", "hopf98"]
    assert data.entries["hopf98"].fields["year"] == "1998"
    assert "Soft Power" in data.entries["nye:soft"].fields["title"]
    assert [p.last_names for p in data.entries["hopf98"].persons["author"]] == [["Hopf"]]


@pytest.mark.parametrize(
    ("document", "undefined_key"), [("paper.tex", "undefined"), ("paper.aux", "undefined_from_aux")]
)
def test_citekit_check_reports_the_planted_keys(
    data_dir: Path, document: str, undefined_key: str
) -> None:
    """The acceptance check: `citekit check` on the paper (or on its .aux) finds exactly
    the planted undefined, unused and duplicate keys, at their lines and columns."""
    import subprocess
    import sys

    folder = data_dir / "latex"
    expected = json.loads((folder / "paper.expected.json").read_text())
    res = subprocess.run(
        [sys.executable, "-m", "citekit", "check", str(folder / document), "--format", "json"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert res.returncode == 1, res.stderr
    report = json.loads(res.stdout)
    found = {
        (d["code"], Path(f["path"]).name, d["line"], d["column"])
        for f in report["files"]
        for d in f["diagnostics"]
    }
    undefined = {(code, name, line, col) for code, name, line, col in found if code == "CIT010"}
    assert undefined == {("CIT010", p, line, col) for _, p, line, col in expected[undefined_key]}
    unused = {(name, line) for code, name, line, _ in found if code == "CIT009"}
    assert unused == {(p, line) for _, p, line, _ in expected["unused"]}
    duplicates = {(name, line, col) for code, name, line, col in found if code == "CIT102"}
    assert duplicates == {(p, line, col) for _, p, line, col, _ in expected["duplicates"]}
    assert {code for code, *_ in found} == {"CIT010", "CIT009", "CIT102"}


def test_unclosed_arguments_are_silent() -> None:
    # 5,000 unclosed "\cite{": argument scans are bounded, so this stays linear.
    text = ("\\cite{a " + "word " * 20) * 5000 + "\\citep{last}"
    assert [c.key for c in find_cite_keys(text)] == ["last"]
