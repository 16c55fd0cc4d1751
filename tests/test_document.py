"""The public parse API: documents and strings to References; nothing dropped; acceptance set."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

import pytest
from fuzz import random_sources

from citekit.bench.document import acceptance
from citekit.document import (
    parse_document,
    parse_reference_strings,
    plain_text,
    same_authors_as_above,
)
from citekit.model import Name, Reference, Segment, Span
from citekit.source import Source, read_source


class CommaTagger:
    """A stand-in tagger: first comma part author, second title, a year is the date."""

    def tag_many(self, texts: Sequence[str]) -> list[tuple[Segment, ...]]:
        out = []
        for text in texts:
            segs = []
            labels = iter(["author", "author", "title"])
            for m in re.finditer(r"[^,]+,?", text):
                part = m.group(0)
                label = (
                    "date"
                    if re.search(r"\b1[5-9]\d\d|20\d\d\b", part)
                    else next(labels, "publisher")
                )
                segs.append(Segment(label, m.start(), m.end(), part))
            out.append(tuple(segs))
        return out


def test_parse_document_with_a_stand_in_tagger(data_dir: Path) -> None:
    source = Source("multi.txt", (data_dir / "section" / "multi-essays.txt").read_text("utf-8"))
    doc = parse_document(source, CommaTagger())
    assert len(doc.sections) == 2
    assert len(doc.references) == 5
    assert [r.id for r in doc.references] == ["ref1", "ref2", "ref3", "ref4", "ref5"]
    first = doc.references[0]
    assert first.authors[0].family == "Marsh" and first.year == 1999
    assert source.text[first.span.start : first.span.end] == first.raw
    assert len({r.key for r in doc.references}) == 5


def test_progress_is_reported_while_tagging_and_changes_nothing() -> None:
    lines = [
        f"{i}. Holt, Margaret, Ledger number {i}, Parish Press, {1900 + i % 100}"
        for i in range(1, 4501)
    ]
    source = Source("long.txt", "References\n\n" + "\n".join(lines) + "\n")
    calls: list[tuple[int, int]] = []
    with_bar = parse_document(
        source, CommaTagger(), progress=lambda done, total: calls.append((done, total))
    )
    assert calls == [(2000, 4500), (4000, 4500), (4500, 4500)]
    assert with_bar == parse_document(source, CommaTagger())


def test_low_confidence_entries_are_kept_and_reported() -> None:
    text = "References\n\n1. Holt, Margaret, The Allotment Ledgers, Parish Press, Leeds, 1988\n2. ibid.\n3. Quigley, Sean, Digging for Victory, Harrow Books, London, 2001\n"
    doc = parse_document(Source("x.txt", text))
    assert len(doc.references) == 3
    weak = doc.references[1]
    assert weak.type == "document" and weak.note == "ibid."
    (diag,) = doc.diagnostics
    assert diag.code == "CIT104" and "line 4" in diag.message
    assert doc.source.line_of(diag.span.start) == 4


def test_journal_references_without_titles_are_articles_not_low_confidence() -> None:
    # physics and Vancouver lists cite by journal, volume and page; an arXiv id is no noise
    text = (
        "References\n\n"
        "1. A. Einstein, B. Podolsky, N. Rosen, Phys. Rev. 47, 777 (1935).\n"
        "2. J. Maldacena, Adv. Theor. Math. Phys. 2, 231 (1998), arXiv:hep-th/9711200.\n"
        "3. ibid.\n"
    )
    doc = parse_document(Source("p.txt", text))
    assert [r.type for r in doc.references] == ["article-journal", "article-journal", "document"]
    assert [doc.source.line_of(d.span.start) for d in doc.diagnostics] == [5]
    assert (doc.references[1].container_title, doc.references[1].volume) == (
        "Adv. Theor. Math. Phys.",
        "2",
    )


def test_parse_reference_strings() -> None:
    refs = parse_reference_strings(
        [
            "[3] Holt, M. (1988). The allotment ledgers. Leeds: Parish Press.",
            "Abara, C., 2019. Community gardens and civic life. Journal of Urban Affairs, 41(6), 800-815.",
            "",
        ]
    )
    assert len(refs) == 3
    assert refs[0].label == "[3]" and refs[0].number == 3 and refs[0].year == 1988
    assert refs[1].authors[0].family == "Abara" and refs[1].pages == "800-815"
    assert refs[2].type == "document"
    assert len({r.key for r in refs}) == 3


def test_markup_is_removed_before_tagging() -> None:
    assert (
        plain_text(r"Holt, M. \emph{The Ledgers}. Leeds, 800--815.", "latex")
        == "Holt, M. The Ledgers. Leeds, 800–815."
    )
    assert (
        plain_text("Holt, M. *The Ledgers*. [site](https://x.org/a).", "markdown")
        == "Holt, M. The Ledgers. site https://x.org/a."
    )


@pytest.mark.parametrize(
    ("bbl", "text"),
    [
        # IEEEtran's glue between fields
        (
            r"K.~Bauer, \emph{Networks}, 3rd~ed.\hskip 1em plus 0.5em minus 0.4em\relax Berlin:"
            r" Springer, 2018.",
            "K. Bauer, Networks, 3rd ed. Berlin: Springer, 2018.",
        ),
        # natbib / plain: \newblock and old font switches
        (
            r"A.~Smith. \newblock A title. \newblock {\em J. X}, 3:1--2, 2001\natexlab{a}.",
            "A. Smith. A title. J. X, 3:1–2, 2001a.",
        ),
        # revtex: every field wrapped in \bibinfo
        (
            r"\bibinfo{author}{\bibfnamefont{A.}~\bibnamefont{Smith}}, \bibinfo{journal}{Phys."
            r" Rev.} \textbf{\bibinfo{volume}{5}}, \bibinfo{pages}{1} (\bibinfo{year}{2001}).",
            "A. Smith, Phys. Rev. 5, 1 (2001).",
        ),
        (
            r"B. Lee\hspace{2pt}and\penalty0 C. Wu, Title, \urlprefix\url{http://a.b/c}",
            "B. Lee and C. Wu, Title, http://a.b/c",
        ),
    ],
)
def test_layout_of_bbl_files_is_removed(bbl: str, text: str) -> None:
    assert plain_text(bbl, "latex") == text


def test_latex_document(data_dir: Path) -> None:
    doc = parse_document(read_source(str(data_dir / "section" / "headings.tex")))
    assert [r.title for r in doc.references] == [
        "The Allotment Ledgers",
        "Community gardens and civic life",
    ]


def test_bundled_essay(root_dir: Path) -> None:
    doc = parse_document(read_source(str(root_dir / "bib" / "essay.md")))
    (section,) = doc.sections
    assert section.heading == "References"
    assert len(doc.references) == 13
    glaeser = [r for r in doc.references if r.authors and r.authors[0].family == "Glaeser"]
    assert len(glaeser) == 2 and {r.year for r in glaeser} == {2011}
    assert glaeser[0].key != glaeser[1].key


@pytest.mark.shared
def test_acceptance_central_asia_essays(shared_dir: Path) -> None:
    fig = acceptance(shared_dir)
    assert fig["references"] == fig["expected"] == 14
    assert fig["sections"] == [fig["expected_section"]]
    assert fig["family"] == 14, fig["misses"]
    assert fig["year"] == 14, fig["misses"]
    assert fig["title"] >= 13, fig["misses"]
    assert fig["type"] >= 12, fig["misses"]


def test_thebibliography_keeps_bibitem_keys(data_dir: Path) -> None:
    doc = parse_document(read_source(str(data_dir / "document" / "thebibliography.tex")))
    assert [(s.heading, s.first_line, s.last_line) for s in doc.sections] == [
        ("thebibliography", 4, 6)
    ]
    assert [r.key for r in doc.references] == ["holt", "abara"]
    assert doc.references[1].container_title == "Journal of Urban Affairs"
    assert doc.references[1].pages == "800-815"


@pytest.mark.parametrize(
    "entry",
    [
        " and ".join(["Aa"] * 3000) + ", Title, 2000",  # a long name chain (no year near the names)
        "Smith, J. " + " " * 20000 + "Title, May , 2000",  # long whitespace runs
        " ".join(["May"] * 5000) + " 2000",
        "(" * 3000 + "x" + ")" * 3000,
    ],
)
def test_pathological_entries_stay_fast(entry: str) -> None:
    import time

    start = time.process_time()
    (ref,) = parse_reference_strings([entry])
    assert ref.raw == entry
    # generous bound: linear-time work takes milliseconds; a backtracking regex takes seconds
    assert time.process_time() - start < 2.0


@pytest.mark.parametrize("seed", range(4))
def test_random_text_never_crashes_the_parser(seed: int) -> None:
    """Random strings of list-like and odd characters parse (or are refused) without a crash."""
    for source in random_sources(seed, 150):
        doc = parse_document(source)
        for ref in doc.references:
            assert ref.raw.strip()
        for ref in parse_reference_strings([source.text]):
            assert ref.raw == source.text


def _named(*families: str, editors: bool = False) -> Reference:
    names = tuple(Name(f, "A.") for f in families)
    if editors:
        return Reference(id="r", raw="", span=Span(0, 0), editors=names)
    return Reference(id="r", raw="", span=Span(0, 0), authors=names)


@pytest.mark.parametrize("dash", ["---.", "———.", "—.", "___", "–––,", "⸻."])
def test_a_dash_for_the_names_repeats_the_entry_above(dash: str) -> None:
    above = _named("Achebe", "Irele")
    got = same_authors_as_above(_named(dash), above)
    assert got.authors == above.authors
    assert same_authors_as_above(_named(dash, editors=True), above).editors == above.authors


@pytest.mark.parametrize("family", ["-", "A-B", "Smith"])
def test_names_that_are_not_a_dash_stay(family: str) -> None:
    ref = _named(family)
    assert same_authors_as_above(ref, _named("Achebe")) is ref
    assert same_authors_as_above(_named("---."), None).authors[0].family == "---."


def test_an_mla_list_repeats_authors_for_the_dashes() -> None:
    text = (
        "Works Cited\n\n"
        "Okafor, Tunde. Bridges of the North. Harbour Press, 2014.\n"
        "---. Rivers and Their Towns. Harbour Press, 2019.\n"
    )
    refs = parse_document(Source("x.txt", text)).references
    assert [[a.family for a in r.authors] for r in refs] == [["Okafor"], ["Okafor"]]
    assert refs[1].key == "okafor2019rivers"


def test_a_sole_unknown_comma_less_author_in_a_comma_list_is_a_body() -> None:
    text = (
        "References\n\n"
        "Duarte, L. (2018) Blue Economies. Abingdon: Routledge.\n\n"
        "Hale, R.J. (2022) Commons talk. Cham: Palgrave.\n\n"
        "Marsh, T. and Oyelaran, F. (2019) Community Energy. London: CEE.\n\n"
        "Reef Talks (2019) Why a silent reef is a dying reef [Video]. YouTube.\n"
    )
    doc = parse_document(Source("h.md", text, "markdown"))
    reef = doc.references[-1]
    assert [(a.family, a.literal) for a in reef.authors] == [("Reef Talks", True)]
    assert reef.key == "reef2019silent"
