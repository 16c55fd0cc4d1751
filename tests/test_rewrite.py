"""``citekit link``: author-year citations rewritten to natbib, biblatex and pandoc citations.

Unit tests build Links by hand (the linker is tested elsewhere); the document
tests run the whole pipeline; the ``external`` tests compile the output with
the real pdflatex + bibtex and pandoc --citeproc and skip where those are absent.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from citekit.cli import cli
from citekit.model import Citation, Link, Name, Reference, Span
from citekit.rewrite import (
    escape_latex,
    latex_locator,
    link_document,
    markdown_to_latex,
    rewrite_citations,
    rewrite_document,
)
from citekit.source import Source


def ref(rid: str, key: str, family: str, year: int) -> Reference:
    return Reference(
        id=rid,
        raw=f"{family} ({year})",
        span=Span(0, 0),
        key=key,
        authors=(Name(family, "A."),),
        title=f"On {family}",
        year=year,
    )


REFS = [
    ref("r1", "nye2004", "Nye", 2004),
    ref("r2", "keo1980", "Keohane", 1980),
    ref("r3", "buz2003", "Buzan", 2003),
]


def cite(
    text: str,
    written: str,
    *,
    group: str | None = None,
    narrative: bool = False,
    locator: str | None = None,
    prefix: str | None = None,
    nth: int = 0,
) -> Citation:
    """A citation of ``written`` (its nth occurrence) inside ``group`` in ``text``."""
    starts = [m.start() for m in re.finditer(re.escape(written), text)]
    start = starts[nth]
    span = Span(start, start + len(written))
    if group is None:
        g = span
    else:
        g_start = text.index(group)
        g = Span(g_start, g_start + len(group))
    return Citation(
        kind="author-year",
        text=written,
        span=span,
        group=g,
        narrative=narrative,
        locator=locator,
        prefix=prefix,
    )


def resolved(c: Citation, rid: str) -> Link:
    return Link(c, "resolved", (rid,), "exact")


def run(text: str, links: list[Link], target: str = "latex", style: str = "natbib") -> str:
    result = rewrite_document(
        text,
        links,
        REFS,
        source_format="latex",
        target=target,  # type: ignore[arg-type]
        style=style,
    )  # type: ignore[arg-type]
    return result.text


def test_parenthetical_narrative_and_locator() -> None:
    text = "Power (Nye, 2004) and Keohane (1980, p. 12) agree."
    links = [
        resolved(cite(text, "Nye, 2004", group="(Nye, 2004)"), "r1"),
        resolved(
            cite(
                text,
                "Keohane (1980, p. 12)",
                group="(1980, p. 12)",
                narrative=True,
                locator="p. 12",
            ),
            "r2",
        ),
    ]
    assert run(text, links) == r"Power \citep{nye2004} and \citet[p.~12]{keo1980} agree."
    assert run(text, links, style="biblatex") == (
        r"Power \parencite{nye2004} and \textcite[p.~12]{keo1980} agree."
    )
    assert run(text, links, target="pandoc").endswith(
        "Power [@nye2004] and @keo1980 [p. 12] agree."
    )


def test_groups_prefix_and_inner_locators() -> None:
    text = "Known (see Nye, 2004; Keohane, 1980)."
    g = "(see Nye, 2004; Keohane, 1980)"
    links = [
        resolved(cite(text, "Nye, 2004", group=g, prefix="see"), "r1"),
        resolved(cite(text, "Keohane, 1980", group=g), "r2"),
    ]
    assert run(text, links) == r"Known \citep[see][]{nye2004,keo1980}."
    assert run(text, links, target="pandoc").endswith("Known [see @nye2004; @keo1980].")

    text = "Known (Nye, 2004: 255; Keohane, 1980)."
    g = "(Nye, 2004: 255; Keohane, 1980)"
    links = [
        resolved(cite(text, "Nye, 2004: 255", group=g, locator="255"), "r1"),
        resolved(cite(text, "Keohane, 1980", group=g), "r2"),
    ]
    # natbib cannot put a note on the first of several keys: \citetext + \citealp.
    assert run(text, links) == r"Known \citetext{\citealp[255]{nye2004}; \citealp{keo1980}}."
    assert run(text, links, style="biblatex") == r"Known \parencites[255]{nye2004}{keo1980}."
    assert run(text, links, target="pandoc").endswith("Known [@nye2004, 255; @keo1980].")


def test_possessive_keeps_the_name() -> None:
    text = "Nye's (2004) book."
    links = [resolved(cite(text, "Nye's (2004)", group="(2004)", narrative=True), "r1")]
    assert run(text, links) == r"Nye's \citeyearpar{nye2004} book."
    assert run(text, links, style="biblatex") == r"Nye's \parencite*{nye2004} book."
    assert run(text, links, target="pandoc").endswith("Nye's [-@nye2004] book.")


def test_unresolved_and_ambiguous_are_left_as_written() -> None:
    text = "A (Smith, 2010) and B (Nye, 2004; Jones, 1999) and Keohane (1980)."
    smith = cite(text, "Smith, 2010", group="(Smith, 2010)")
    nye = cite(text, "Nye, 2004", group="(Nye, 2004; Jones, 1999)")
    jones = cite(text, "Jones, 1999", group="(Nye, 2004; Jones, 1999)")
    keo = cite(text, "Keohane (1980)", group="(1980)", narrative=True)
    links = [
        Link(smith, "unresolved", (), "no entry"),
        resolved(nye, "r1"),
        Link(jones, "unresolved", (), "no entry"),
        Link(keo, "ambiguous", ("r2", "r3"), "two entries fit"),
    ]
    _, rewritten, left, keys = rewrite_citations(text, links, REFS, "latex")
    assert [c.text for c in rewritten] == ["Nye, 2004"]
    assert [lk.citation.text for lk in left] == ["Smith, 2010", "Jones, 1999", "Keohane (1980)"]
    assert keys == ["nye2004"]
    out = run(text, links)
    # The resolved item is cited inside the parenthesis; the unresolved one stays as written.
    assert out == r"A (Smith, 2010) and B (\citealp{nye2004}; Jones, 1999) and Keohane (1980)."
    assert run(text, links, style="biblatex") == (
        r"A (Smith, 2010) and B (\cite{nye2004}; Jones, 1999) and Keohane (1980)."
    )
    # pandoc has no in-parenthesis form: the resolved items go first, the rest follows.
    assert run(text, links, target="pandoc").endswith(
        "A (Smith, 2010) and B [@nye2004] (Jones, 1999) and Keohane (1980)."
    )


def test_reference_list_is_removed() -> None:
    text = "Body (Nye, 2004).\n\nReferences\n\nNye, J. (2004). Soft power.\n"
    start = text.index("References")
    links = [resolved(cite(text, "Nye, 2004", group="(Nye, 2004)"), "r1")]
    latex = rewrite_document(
        text,
        links,
        REFS,
        source_format="text",
        target="latex",
        bib_name="out",
        remove=[Span(start, len(text))],
    ).text
    assert "Soft power" not in latex and "\\bibliography{out}" in latex
    assert latex.startswith("\\documentclass{article}") and latex.rstrip().endswith(
        "\\end{document}"
    )
    pandoc = rewrite_document(
        text,
        links,
        REFS,
        source_format="markdown",
        target="pandoc",
        bib_name="out",
        remove=[Span(start, len(text))],
    ).text
    assert pandoc.startswith("---\nbibliography: out.bib\n---\n")
    assert "Soft power" not in pandoc and "::: {#refs}" in pandoc


def test_escaping_and_markdown() -> None:
    assert escape_latex("50% of $5 & #1_a {x} ~ ^") == (
        r"50\% of \$5 \& \#1\_a \{x\} \textasciitilde{} \textasciicircum{}"
    )
    assert escape_latex("“Şahin” – ok") == "``{\\c S}ahin'' -- ok"
    assert latex_locator("p. 5") == "p.~5" and latex_locator("pp. 3-4") == "pp.~3-4"
    body, title = markdown_to_latex(
        "# Title & more\n\nA *word* and **bold** with `code_x`.\n\n## Part\n\n- one\n- two\n"
        "\nSee <https://example.org/a_b>.\n"
    )
    assert title == r"Title \& more"
    assert r"A \emph{word} and \textbf{bold} with \texttt{code\_x}." in body
    assert "\\section*{Part}" in body
    assert "\\begin{itemize}\n  \\item one\n  \\item two\n\\end{itemize}" in body
    assert "\\url{https://example.org/a_b}" in body


def test_latex_input_gets_natbib_and_bibliography() -> None:
    text = "\\documentclass{article}\n\\begin{document}\nAs (Nye, 2004) said.\n\\end{document}\n"
    links = [resolved(cite(text, "Nye, 2004", group="(Nye, 2004)"), "r1")]
    out = rewrite_document(
        text, links, REFS, source_format="latex", target="latex", bib_name="refs"
    ).text
    assert "\\usepackage[round,authoryear]{natbib}\n\\begin{document}" in out
    assert "As \\citep{nye2004} said." in out
    assert "\\bibliography{refs}\n\\end{document}" in out


# ---------------------------------------------------------------------------
# The whole pipeline on the example essay

ESSAY = Path(__file__).resolve().parents[1] / "bib" / "latex-workflow.md"
ESSAY_KEYS = {
    "nye2004soft",
    "keohane1977power",
    "buzan2003regions",
    "wendt1992anarchy",
    "hopf1998promise",
    "cooley2012great",
    "mearsheimer2001tragedy",
    "walt1987origins",
}


def _keys_in(text: str) -> set[str]:
    found: set[str] = set()
    for m in re.finditer(r"\\cite[a-z]*(?:\[[^\]]*\])*\{([^}]*)\}", text):
        found.update(k.strip() for k in m.group(1).split(","))
    return found


def test_essay_pipeline() -> None:
    source = Source(str(ESSAY), ESSAY.read_text(encoding="utf-8"), "markdown")
    linked = link_document(source, target="latex", bib_name="essay")
    assert linked.result.left == ()
    assert set(linked.result.keys) == ESSAY_KEYS == {r.key for r in linked.references}
    assert _keys_in(linked.result.text) == ESSAY_KEYS
    assert "Regions and powers" not in linked.result.text  # the list is gone
    pandoc = link_document(source, target="pandoc", bib_name="essay").result.text
    assert set(re.findall(r"@([\w]+)", pandoc)) == ESSAY_KEYS


def test_cli_link_reports_and_writes_bib(tmp_path: Path) -> None:
    doc = tmp_path / "essay.md"
    doc.write_text(
        ESSAY.read_text(encoding="utf-8").replace("Walt (1987) showed", "Smith (1999) showed"),
        encoding="utf-8",
    )
    runner = CliRunner()
    res = runner.invoke(cli, ["link", str(doc), "--to", "latex"])
    assert res.exit_code == 1, res.output
    assert "left as written (unresolved) 'Smith (1999)'" in res.stderr
    assert f"{doc}:" in res.stderr
    tex = (tmp_path / "essay.tex").read_text()
    assert "Smith (1999) showed" in tex
    bib = (tmp_path / "essay.bib").read_text()
    assert bib.count("@") == 8 and "walt1987origins" in bib  # uncited entries are kept
    res = runner.invoke(cli, ["link", str(doc), "--to", "pandoc", "-o", str(tmp_path / "p.md")])
    assert res.exit_code == 1
    assert (tmp_path / "p.md").read_text().startswith("---\nbibliography: p.bib\n---")
    assert (tmp_path / "p.bib").exists()


def test_cli_link_with_bib_file(tmp_path: Path) -> None:
    doc = tmp_path / "note.md"
    doc.write_text("Power has faces (Dahl, 1957; Lukes, 2005).\n", encoding="utf-8")
    bib = tmp_path / "mine.bib"
    bib.write_text(
        "@article{dahl57,\n  author = {Dahl, Robert A.},\n  title = {The Concept of Power},\n"
        "  journal = {Behavioral Science},\n  year = {1957},\n  mykeyword = {keep me}\n}\n"
        "@book{lukes05,\n  author = {Lukes, Steven},\n  title = {Power: A Radical View},\n"
        "  publisher = {Palgrave},\n  year = {2005}\n}\n",
        encoding="utf-8",
    )
    res = CliRunner().invoke(
        cli, ["link", str(doc), "--to", "latex", "--bib", str(bib), "--style", "biblatex"]
    )
    assert res.exit_code == 0, res.output
    tex = (tmp_path / "note.tex").read_text()
    assert r"\parencite{dahl57,lukes05}" in tex and r"\addbibresource{note.bib}" in tex
    assert "keep me" in (tmp_path / "note.bib").read_text()


def _citekit(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "citekit", *args], capture_output=True, text=True, timeout=120
    )


def test_cli_link_bad_input(tmp_path: Path) -> None:
    res = _citekit("link", str(tmp_path / "missing.md"), "--to", "latex")
    assert res.returncode == 2 and "no such file" in res.stderr
    binary = tmp_path / "b.md"
    binary.write_bytes(b"\x00\x01\x02\x00")
    res = _citekit("link", str(binary), "--to", "latex")
    assert res.returncode == 2 and "binary" in res.stderr
    res = _citekit("link", str(binary), "--to", "word")
    assert res.returncode == 2 and "word" in res.stderr
    for r in (res,):
        assert "Traceback" not in r.stderr


# ---------------------------------------------------------------------------
# End to end with the real programs


def _need(*programs: str) -> None:
    missing = [p for p in programs if shutil.which(p) is None]
    if missing:
        pytest.skip(f"{', '.join(missing)} not installed (Debian: texlive-latex-base, pandoc)")


def _run(cmd: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        cmd, cwd=cwd, capture_output=True, text=True, timeout=300, stdin=subprocess.DEVNULL
    )


@pytest.mark.external
def test_latex_output_compiles_with_pdflatex_and_bibtex(tmp_path: Path) -> None:
    _need("pdflatex", "bibtex")
    shutil.copy(ESSAY, tmp_path / "essay.md")
    res = _run([sys.executable, "-m", "citekit", "link", "essay.md", "--to", "latex"], tmp_path)
    assert res.returncode == 0, res.stderr
    latex = ["pdflatex", "-interaction=nonstopmode", "-halt-on-error", "essay.tex"]
    first = _run(latex, tmp_path)
    assert first.returncode == 0, first.stdout[-2000:]
    bibtex = _run(["bibtex", "essay"], tmp_path)
    assert bibtex.returncode == 0, bibtex.stdout
    assert "Warning" not in bibtex.stdout, bibtex.stdout
    for _ in range(2):
        final = _run(latex, tmp_path)
        assert final.returncode == 0, final.stdout[-2000:]
    bbl = (tmp_path / "essay.bbl").read_text()
    assert set(re.findall(r"\\bibitem\[[^\]]*\]\{([^}]*)\}", bbl, re.DOTALL)) == ESSAY_KEYS
    log = (tmp_path / "essay.log").read_text(errors="replace")
    assert "undefined" not in log.lower(), re.findall(r".*undefined.*", log, re.IGNORECASE)
    assert (tmp_path / "essay.pdf").stat().st_size > 1000


@pytest.mark.external
def test_biblatex_output_compiles_with_biber(tmp_path: Path) -> None:
    _need("pdflatex", "biber", "kpsewhich")
    if _run(["kpsewhich", "biblatex.sty"], tmp_path).returncode != 0:
        pytest.skip("biblatex.sty not installed (Debian: texlive-bibtex-extra)")
    shutil.copy(ESSAY, tmp_path / "essay.md")
    res = _run(
        [
            sys.executable,
            "-m",
            "citekit",
            "link",
            "essay.md",
            "--to",
            "latex",
            "--style",
            "biblatex",
        ],
        tmp_path,
    )
    assert res.returncode == 0, res.stderr
    latex = ["pdflatex", "-interaction=nonstopmode", "-halt-on-error", "essay.tex"]
    first = _run(latex, tmp_path)
    assert first.returncode == 0, first.stdout[-2000:]
    biber = _run(["biber", "essay"], tmp_path)
    assert biber.returncode == 0, biber.stdout + biber.stderr
    assert "WARN" not in biber.stdout and "ERROR" not in biber.stdout, biber.stdout
    for _ in range(2):
        final = _run(latex, tmp_path)
        assert final.returncode == 0, final.stdout[-2000:]
    bbl = (tmp_path / "essay.bbl").read_text()
    assert set(re.findall(r"\\entry\{([^}]*)\}", bbl)) == ESSAY_KEYS
    log = (tmp_path / "essay.log").read_text(errors="replace")
    assert "undefined" not in log.lower(), re.findall(r".*undefined.*", log, re.IGNORECASE)


def _pandoc_has_citeproc() -> None:
    _need("pandoc")
    first = _run(["pandoc", "--version"], Path.cwd()).stdout.split("\n", 1)[0]
    m = re.search(r"(\d+)\.(\d+)", first)
    if not m or (int(m.group(1)), int(m.group(2))) < (2, 11):
        pytest.skip(f"{first.strip()} has no built-in --citeproc (needs pandoc >= 2.11)")


@pytest.mark.external
def test_pandoc_output_renders_every_entry_with_citeproc(tmp_path: Path) -> None:
    _pandoc_has_citeproc()
    shutil.copy(ESSAY, tmp_path / "essay.md")
    res = _run(
        [sys.executable, "-m", "citekit", "link", "essay.md", "--to", "pandoc", "-o", "linked.md"],
        tmp_path,
    )
    assert res.returncode == 0, res.stderr
    out = _run(["pandoc", "--citeproc", "linked.md", "-t", "plain", "--wrap=none"], tmp_path)
    assert out.returncode == 0, out.stderr
    assert "[WARNING]" not in out.stderr, out.stderr
    text = out.stdout
    body, _, bibliography = text.partition("References")
    assert "@" not in body  # every citation was rendered
    for family in ("Buzan", "Cooley", "Hopf", "Keohane", "Mearsheimer", "Nye", "Walt", "Wendt"):
        assert re.search(rf"^{family}, ", bibliography, re.MULTILINE), family
    assert "Nye (2004) argued" in body


def test_overlapping_citations_are_reported_not_lost() -> None:
    text = "Seen (as Nye (2004) said, Keohane, 1980)."
    outer = "(as Nye (2004) said, Keohane, 1980)"
    links = [
        resolved(cite(text, "Keohane, 1980", group=outer), "r2"),
        resolved(cite(text, "Nye (2004)", group="(2004)", narrative=True), "r1"),
    ]
    _, rewritten, left, _ = rewrite_citations(text, links, REFS, "latex")
    assert [c.text for c in rewritten] == ["Keohane, 1980"]
    assert [lk.citation.text for lk in left] == ["Nye (2004)"]
    assert left[0].reason.startswith("inside another citation")
    # The words inside the parenthesis are kept; only the resolved item changes.
    assert run(text, links) == r"Seen (as Nye (2004) said, \citealp{keo1980})."
    # pandoc cannot keep them inside a citation: the group is left as written.
    assert run(text, links, target="pandoc").endswith("Seen (as Nye (2004) said, Keohane, 1980).")


THEBIB_TEX = r"""\documentclass{article}
\begin{document}
Attraction matters (Nye, 2004), and so do identities, as Hopf (1998, p.~172) shows.
Already cited by key: \cite{nye:soft}. % (Walt, 1987) is a comment
\begin{thebibliography}{2}
\bibitem[Hopf(1998)]{hopf98} Hopf, T. (1998). The promise of constructivism in international
  relations theory. \emph{International Security}, 23(1), 171--200.
\bibitem[Nye(2004)]{nye:soft} Nye, J.~S. (2004). \emph{Soft Power: The Means to Success in
  World Politics}. New York: PublicAffairs.
\end{thebibliography}
\end{document}
"""


def test_latex_thebibliography_becomes_a_bib(tmp_path: Path) -> None:
    doc = tmp_path / "paper.tex"
    doc.write_text(THEBIB_TEX, encoding="utf-8")
    res = CliRunner().invoke(
        cli, ["link", str(doc), "--to", "latex", "-o", str(tmp_path / "out.tex")]
    )
    assert res.exit_code == 0, res.output
    out = (tmp_path / "out.tex").read_text()
    assert "thebibliography" not in out and "\\bibitem" not in out
    assert r"Attraction matters \citep{nye:soft}" in out
    assert r"as \citet[p.~172]{hopf98} shows" in out
    assert r"\cite{nye:soft}" in out and "% (Walt, 1987) is a comment" in out
    assert "\\usepackage[round,authoryear]{natbib}\n\\begin{document}" in out
    assert "\\bibliography{out}\n\\end{document}" in out
    bib = (tmp_path / "out.bib").read_text()
    assert "@article{hopf98," in bib.replace(" ", "") or "{hopf98," in bib
    assert "nye:soft" in bib


@pytest.mark.external
def test_latex_thebibliography_output_compiles(tmp_path: Path) -> None:
    _need("pdflatex", "bibtex")
    (tmp_path / "paper.tex").write_text(THEBIB_TEX, encoding="utf-8")
    res = _run(
        [sys.executable, "-m", "citekit", "link", "paper.tex", "--to", "latex", "-o", "out.tex"],
        tmp_path,
    )
    assert res.returncode == 0, res.stderr
    latex = ["pdflatex", "-interaction=nonstopmode", "-halt-on-error", "out.tex"]
    assert _run(latex, tmp_path).returncode == 0
    assert _run(["bibtex", "out"], tmp_path).returncode == 0
    _run(latex, tmp_path)
    final = _run(latex, tmp_path)
    assert final.returncode == 0, final.stdout[-2000:]
    bbl = (tmp_path / "out.bbl").read_text()
    assert set(re.findall(r"\\bibitem\[[^\]]*\]\{([^}]*)\}", bbl, re.DOTALL)) == {
        "hopf98",
        "nye:soft",
    }
    assert "undefined" not in (tmp_path / "out.log").read_text(errors="replace").lower()


def test_narrative_with_several_years() -> None:
    refs = [*REFS, ref("r4", "nye1990", "Nye", 1990)]
    text = "So does Nye (1990, 2004)."
    g = "(1990, 2004)"
    links = [
        resolved(cite(text, "Nye (1990", group=g, narrative=True), "r4"),
        resolved(cite(text, "2004", group=g, narrative=True), "r1"),
    ]
    latex = rewrite_document(text, links, refs, source_format="latex", target="latex").text
    assert latex == r"So does \citet{nye1990,nye2004}."
    pandoc = rewrite_document(text, links, refs, source_format="markdown", target="pandoc").text
    assert pandoc.endswith("So does Nye [-@nye1990; -@nye2004].")


def test_markdown_code_images_and_comments() -> None:
    body, _ = markdown_to_latex(
        "Text <!-- a note\nover lines --> here.\n\n```python\nx = {'a': 1}  # 100%\n```\n\n"
        "![A chart of bases](chart.png) and more.\n"
    )
    assert "a note" not in body and "Text  here." in body
    assert "\\begin{verbatim}\nx = {'a': 1}  # 100%\n\\end{verbatim}" in body
    assert "A chart of bases and more." in body and "chart.png" not in body


def test_endnote_temporary_citations_become_keys() -> None:
    text = (
        "Trade grew {Okafor, 2016 #12} and salt moved {Brandt, 2019 #31@45; Okafor, 2016 #12}. "
        "Mamani {Mamani, 2011 #40} disagrees.\n\n## References\n\n"
        "Okafor, C. (2016). Shore and the City. Lagos: Lagos University Press.\n\n"
        "Brandt, L. (2019). Salt roads. Journal of Trade, 4(2), 1-10.\n"
    )
    source = Source("x.md", text, "markdown")
    pandoc = link_document(source, target="pandoc", bib_name="x").result
    assert (
        "Trade grew [@okafor2016shore] and salt moved [@brandt2019salt, 45; @okafor2016shore]."
        in (pandoc.text)
    )
    # the one the list lacks is left as written, and reported
    assert "{Mamani, 2011 #40}" in pandoc.text
    assert [lk.citation.names for lk in pandoc.left] == [("Mamani",)]
    latex = link_document(source, target="latex", bib_name="x").result.text
    assert "Trade grew \\citep{okafor2016shore}" in latex
