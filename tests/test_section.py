"""Finding reference sections: headings in any syntax, several essays, no heading, bare lists."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from citekit.section import find_sections, is_heading, reference_likeness


@pytest.mark.parametrize(
    ("line", "heading"),
    [
        ("References", "References"),
        ("REFERENCES", "REFERENCES"),
        ("## Works Cited", "Works Cited"),
        ("# Bibliography", "Bibliography"),
        ("**Sources**", "Sources"),
        ("__Literature Cited__", "Literature Cited"),
        ("7. References", "References"),
        ("VII. Bibliography", "Bibliography"),
        ("\\section*{References}", "References"),
        ("\\section{Literatur}", "Literatur"),
        ("Referências bibliográficas", "Referências bibliográficas"),
        ("Bibliografía", "Bibliografía"),
        ("Literaturverzeichnis", "Literaturverzeichnis"),
        ("Notes", "Notes"),
        ("References:", "References"),
        ("<h2>References</h2>", "References"),
        ("References are listed below.", None),
        ("The sources of the river are in the hills.", None),
        ("", None),
    ],
)
def test_is_heading(line: str, heading: str | None) -> None:
    assert is_heading(line) == heading


def test_reference_likeness_separates_references_from_prose() -> None:
    assert (
        reference_likeness("Holt, Margaret, The Allotment Ledgers, Parish Press, Leeds, 1988") > 0
    )
    assert (
        reference_likeness(
            "  3. Abara, C., 2019. Community gardens. Journal of Urban Affairs, 41(6), 800-815"
        )
        > 0
    )
    prose = (
        "Most of what we know comes from those ledgers, and it is clear that they were kept with "
        "care because the council was worried about disputes that had been going on since 1946."
    )
    assert reference_likeness(prose) <= 0
    assert reference_likeness("Continue Reading") <= 0
    assert reference_likeness("Central Asia") <= 0


def _lines(path: Path) -> list[str]:
    return path.read_text("utf-8").split("\n")


def test_several_essays_each_with_its_list(data_dir: Path) -> None:
    text = (data_dir / "section" / "multi-essays.txt").read_text("utf-8")
    sections = find_sections(text)
    assert [(s.heading, s.first_line, s.last_line) for s in sections] == [
        ("References", 14, 15),
        ("Bibliography", 29, 31),
    ]
    lines = text.split("\n")
    # the footers and the next essay's title are outside every section
    for s in sections:
        body = "\n".join(lines[s.first_line - 1 : s.last_line])
        assert "Continue Reading" not in body and "Share this essay" not in body
        assert text[s.span.start : s.span.end] == body


def test_numbered_list_without_heading(data_dir: Path) -> None:
    text = (data_dir / "section" / "headless.txt").read_text("utf-8")
    sections = find_sections(text)
    assert [(s.heading, s.first_line, s.last_line) for s in sections] == [(None, 8, 11)]


def test_input_that_is_only_a_list_is_taken_whole(data_dir: Path) -> None:
    text = (data_dir / "section" / "only-list.txt").read_text("utf-8")
    (section,) = find_sections(text)
    assert (section.first_line, section.last_line, section.heading) == (1, 3, None)


def test_latex_heading(data_dir: Path) -> None:
    text = (data_dir / "section" / "headings.tex").read_text("utf-8")
    (section,) = find_sections(text)
    assert (section.heading, section.heading_line, section.first_line, section.last_line) == (
        "References",
        6,
        8,
        10,
    )


def test_underlined_and_markdown_headings() -> None:
    text = "Essay text here.\n\nReferences\n----------\nHolt, M. (1988). The Allotment Ledgers. Leeds: Parish Press.\n"
    (s,) = find_sections(text)
    assert (s.first_line, s.last_line) == (5, 5)
    text = "# Essay\n\nProse.\n\n## Works Cited\n\n- Holt, M. (1988). The Allotment Ledgers. Leeds: Parish Press.\n- Abara, C. (2019). Gardens. Urban Affairs, 41, 800-815.\n\n## Appendix\n\nMore prose with 1999 in it.\n"
    (s,) = find_sections(text)
    assert (s.heading, s.first_line, s.last_line) == ("Works Cited", 7, 8)


def test_prose_without_a_list_gives_nothing() -> None:
    text = "A short essay.\n\nIt mentions 1999 and 2004 but cites nothing. It is prose, as you can see, and it has no list.\n"
    assert find_sections(text) == ()
    assert find_sections("") == ()


@pytest.mark.shared
def test_acceptance_document_section(shared_dir: Path) -> None:
    corpus = shared_dir / "corpus"
    text = (corpus / "central-asia-essays.txt").read_text("utf-8")
    gold = json.loads((corpus / "central-asia-essays.gold.json").read_text("utf-8"))[
        "reference_section"
    ]
    (section,) = find_sections(text)
    assert (section.first_line, section.last_line) == (gold["first_line"], gold["last_line"])


def test_author_bio_after_the_list_is_not_a_reference() -> None:
    text = (
        "Essay prose that ends here.\n\nReferences\n\n"
        "Holt, Margaret, The Allotment Ledgers, Parish Press, Leeds, 1988\n"
        "Abara, C., 2019. Community gardens and civic life. Journal of Urban Affairs, 41(6), 800-815\n\n"
        "Jane Okafor is a lecturer at the University of Leeds, where she has taught urban history since 2010.\n"
    )
    (s,) = find_sections(text)
    assert (s.first_line, s.last_line) == (5, 6)


def test_footer_glued_to_the_list_is_left_out() -> None:
    text = (
        "Prose.\n\nReferences\n"
        "1. Holt, Margaret, The Allotment Ledgers, Parish Press, Leeds, 1988\n"
        "2. Quigley, Sean, Digging for Victory,\n"
        "Harrow Books, London, 2001\n"
        "Continue Reading\n"
        "Garden Weekly\n"
    )
    (s,) = find_sections(text)
    assert (s.first_line, s.last_line) == (4, 6)


def test_a_line_after_a_finished_bulleted_list_is_left_out() -> None:
    text = (
        "# Harbours\n\nProse (Holt 1988).\n\n## Bibliography\n\n"
        "- Holt, Margaret. *The Allotment Ledgers*. Leeds: Parish Press, 1988.\n"
        "- Quigley, Sean. *Digging for Victory*. London: Harrow Books, 2001.\n"
        "\n*Written in 2024.*\n"
    )
    (s,) = find_sections(text)
    assert (s.first_line, s.last_line) == (7, 8)


def test_an_unfinished_entry_may_go_on_after_a_blank_line() -> None:
    text = (
        "References\n\n"
        "1. Holt, Margaret, The Allotment Ledgers,\n\n"
        "Parish Press, Leeds, 1988\n"
        "2. Quigley, Sean, Digging for Victory, Harrow Books, London, 2001.\n"
    )
    (s,) = find_sections(text)
    assert (s.first_line, s.last_line) == (3, 6)
