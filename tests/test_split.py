"""Splitting a section into entries: numbering styles, indents, wrapped lines, blank lines."""

from __future__ import annotations

import pytest

from citekit.model import Span
from citekit.split import join_broken_word, join_lines, split_entries


def texts(text: str) -> list[tuple[str | None, int | None, str]]:
    return [(e.label, e.number, e.text) for e in split_entries(text)]


@pytest.mark.parametrize(
    ("label_fmt", "label"),
    [("{}.", "1."), ("[{}]", "[1]"), ("{})", "1)"), ("({})", "(1)"), ("[^{}]:", "[^1]:")],
)
def test_numbering_styles(label_fmt: str, label: str) -> None:
    lines = [f"{label_fmt.format(i)} Author{i}, A. Title {i}. Press, 200{i}." for i in (1, 2, 3)]
    got = texts("\n".join(lines))
    assert [g[1] for g in got] == [1, 2, 3]
    assert got[0][0] == label
    assert got[1][2] == "Author2, A. Title 2. Press, 2002."


def test_wrapped_numbered_entries_and_stray_blank_lines() -> None:
    text = (
        "1. Holt, Margaret, The Allotment Ledgers,\n"
        "   Parish Press, Leeds, 1988\n"
        "\n"
        "2. Quigley, Sean, Digging for Victory,\n"
        "Harrow Books, London, 2001\n"
        "\n\n"
        "3. Abara, C., 2019. Community gardens and civic life."
    )
    got = texts(text)
    assert got == [
        ("1.", 1, "Holt, Margaret, The Allotment Ledgers, Parish Press, Leeds, 1988"),
        ("2.", 2, "Quigley, Sean, Digging for Victory, Harrow Books, London, 2001"),
        ("3.", 3, "Abara, C., 2019. Community gardens and civic life."),
    ]


def test_hanging_indent() -> None:
    text = (
        "Holt, M. (1988). The allotment ledgers: a history of\n"
        "    town gardens. Leeds: Parish Press.\n"
        "Quigley, S. (2001). Digging for victory.\n"
        "    London: Harrow Books."
    )
    got = texts(text)
    assert [g[2] for g in got] == [
        "Holt, M. (1988). The allotment ledgers: a history of town gardens. Leeds: Parish Press.",
        "Quigley, S. (2001). Digging for victory. London: Harrow Books.",
    ]


def test_one_per_line_and_paragraphs() -> None:
    one = "Holt, M. 1988. Ledgers. Leeds.\nQuigley, S. 2001. Victory. London.\nAbara, C. 2019. Gardens. Urban Affairs."
    assert len(split_entries(one)) == 3
    paras = (
        "Holt, M. 1988. The allotment ledgers and the long history\nof town gardens. Leeds.\n\n"
        "Quigley, S. 2001. Digging for victory, once again,\nand again. London."
    )
    assert [e.text for e in split_entries(paras)] == [
        "Holt, M. 1988. The allotment ledgers and the long history of town gardens. Leeds.",
        "Quigley, S. 2001. Digging for victory, once again, and again. London.",
    ]


def test_year_at_line_start_is_not_a_label_unless_it_continues_the_numbering() -> None:
    text = "1. Holt, M., Ledgers,\n2012. Leeds\n2. Quigley, S., Victory, 2001"
    got = texts(text)
    assert [g[1] for g in got] == [1, 2]
    assert got[0][2] == "Holt, M., Ledgers, 2012. Leeds"
    # nor in brackets: "(2011)" opening a wrapped line is not item 2011
    text = "1. Thin record; see Lindqvist\n   (2011) for figures.\n2. Quigley, S., Victory, 2001"
    got = texts(text)
    assert [g[1] for g in got] == [1, 2]
    assert got[0][2] == "Thin record; see Lindqvist (2011) for figures."
    # a four-digit label in square brackets is a label: long lists reach [1500]
    got = texts("[1500] Holt, M. Ledgers. 2012.\n[1501] Quigley, S. Victory. 2001.")
    assert [g[1] for g in got] == [1500, 1501]
    assert [g[1] for g in texts("[1600] Holt, M. Ledgers. 2012.")] == [1600]


def test_spans_and_lines_point_into_the_document() -> None:
    doc = "Intro\n\nReferences\n  1. Holt, M., Ledgers, 1988\n  2. Quigley, S.,\n     Victory, 2001\nEnd"
    start = doc.index("  1.")
    end = doc.index("\nEnd")
    entries = split_entries(doc, Span(start, end), first_line=4)
    assert [e.first_line for e in entries] == [4, 5]
    assert doc[entries[0].span.start : entries[0].span.end] == "1. Holt, M., Ledgers, 1988"
    assert entries[1].raw == "2. Quigley, S.,\n     Victory, 2001"
    assert entries[1].text == "Quigley, S., Victory, 2001"


def test_bullets_and_hyphenated_url_wraps() -> None:
    text = "- Holt, M., Ledgers, 1988, https://example.org/\n  ledgers/1988\n- Quigley, S., Victory, 2001"
    got = split_entries(text)
    assert [e.label for e in got] == [None, None]
    assert got[0].text == "Holt, M., Ledgers, 1988, https://example.org/ledgers/1988"


def test_empty() -> None:
    assert split_entries("") == ()
    assert split_entries("\n\n  \n") == ()


@pytest.mark.parametrize(
    ("left", "right", "joined"),
    [
        # a word split for the line is mended
        ("Gastro-", "enterology", "Gastroenterology"),
        ("nuclear architec-", "ture and", "nuclear architecture and"),
        ("Acta Neuro-", "pathol 2006", "Acta Neuropathol 2006"),
        # the hyphen of a compound stays
        ("IFN-", "gamma", "IFN-gamma"),
        ("T-", "cell", "T-cell"),
        ("21-", "aminosteroid", "21-aminosteroid"),
        ("anti-", "myosin", "anti-myosin"),
        ("bleomycin-", "induced lung", "bleomycin-induced lung"),
        ("population-", "based study", "population-based study"),
        # a suspended hyphen keeps its space
        ("pre-", "and post-operative", "pre- and post-operative"),
    ],
)
def test_a_word_broken_at_a_line_end(left: str, right: str, joined: str) -> None:
    assert join_broken_word(left, right) == joined
    assert join_lines(f"{left}\n   {right}") == joined


@pytest.mark.parametrize(
    ("text", "joined"),
    [
        # a URL or DOI wrapped at a slash, a hyphen or a dot is made whole; its hyphen stays
        ("https://example.org/\nledgers/1988", "https://example.org/ledgers/1988"),
        (
            "at https://example.org/salt-roads-of-the-\nandes.pdf",
            "at https://example.org/salt-roads-of-the-andes.pdf",
        ),
        (
            "https://doi.org/10.1080/03088839.2020.\n1712345",
            "https://doi.org/10.1080/03088839.2020.1712345",
        ),
        ("doi:10.1080/0308-\n8839", "doi:10.1080/0308-8839"),
        # after a URL that ends a sentence, more words are more words
        (
            "https://example.org/report.\nAccessed 3 May 2020.",
            "https://example.org/report. Accessed 3 May 2020.",
        ),
        ("https://example.org/report.\n(2019).", "https://example.org/report. (2019)."),
        # outside a URL a dot ends a sentence and a hyphen is mended as a word's
        ("Ledgers 2019.\n1712345", "Ledgers 2019. 1712345"),
        ("Gastro-\nenterology", "Gastroenterology"),
    ],
)
def test_a_url_wrapped_over_lines(text: str, joined: str) -> None:
    assert join_lines(text) == joined


def test_wrapped_entry_mends_its_broken_words() -> None:
    text = "1. Doe J (2004) Nuclear architec-\n   ture. Gastro-\n   enterology 12:1-9"
    (entry,) = split_entries(text)
    assert entry.text == "Doe J (2004) Nuclear architecture. Gastroenterology 12:1-9"
