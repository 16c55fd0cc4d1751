"""Notes and bibliography (Chicago): repeats, short notes, and notes as citations."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from citekit.check import check_source
from citekit.document import parse_document
from citekit.model import Name, Reference, Span
from citekit.notes import ShortNote, is_ibid, repeated_notes, short_note
from citekit.source import Source, read_source


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ibid., 52.", True),
        ("Ibid.", True),
        ("ibidem, p. 4", True),
        ("Id. at 12.", True),
        ("Ebd., S. 12.", True),
        ("Ibidem", True),
        ("Ibsen, Henrik, A Doll's House, 3.", False),
        ("Idea of a harbour, 4.", False),
    ],
)
def test_is_ibid(text: str, expected: bool) -> None:
    assert is_ibid(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Okafor, Shore and the City, 60.",
            ShortNote(("Okafor",), False, "Shore and the City", "60"),
        ),
        (
            "Okafor, *Shore and the City*, 60–62.",
            ShortNote(("Okafor",), False, "Shore and the City", "60–62"),
        ),
        (
            'Brennan, "Engineers without Archives," 4.',
            ShortNote(("Brennan",), False, "Engineers without Archives", "4"),
        ),
        (
            "Lindqvist and Quispe, Dredging, 130.",
            ShortNote(("Lindqvist", "Quispe"), False, "Dredging", "130"),
        ),
        ("Lindqvist et al., Dredging, 13.", ShortNote(("Lindqvist",), True, "Dredging", "13")),
        ("van Dijk, Harbours.", ShortNote(("van Dijk",), False, "Harbours", None)),
        # not short notes: a full note, a comment
        ("Chidi Okafor, The Shore and the City (Lagos: Lagos UP, 2016), 45.", None),
        ("On borrowing the record is thin; see Brennan (2012).", None),
    ],
)
def test_short_note(text: str, expected: ShortNote | None) -> None:
    assert short_note(text) == expected


def _ref(family: str, title: str) -> Reference:
    return Reference(id=family, raw="", span=Span(0, 0), authors=(Name(family, "A."),), title=title)


def test_repeated_notes() -> None:
    okafor = _ref("Okafor", "The Shore and the City")
    other = Reference(id="x", raw="", span=Span(0, 0))
    texts = [
        "Ibid., 3.",  # nothing before it to repeat: kept
        "Chidi Okafor, The Shore and the City (Lagos: Lagos UP, 2016), 45.",
        "Ibid., 52.",
        "Okafor, Shore and the City, 60.",
        "Okafor, Rivers of Lagos, 8.",  # a short title no earlier note has
        "Brennan, Harbours, 2.",
    ]
    refs = [other, okafor, other, other, other, other]
    assert repeated_notes(texts, refs) == [False, False, True, True, False, False]


NOTES_DOC = """# Harbours

Quays grew.[^1] Salt moved.[^2] Guilds resisted.[^3] Later.[^4] More.[^5]

## Notes

1. Chidi Okafor, *The Shore and the City* (Lagos: Lagos University Press, 2015), 45.
2. Ibid., 52.
3. On guild politics the record is thin; but see Brennan
   (2012) for one port.
4. Marta Reyes, *Salt Roads* (Lima: Andes Press, 2019), 12.
5. Okafor, *Shore and the City*, 60.

## Bibliography

Brennan, Mary. *Harbours of Cork*. Cork: Atlantic Press, 2012.

Lindqvist, Sara. "Tides of Capital." *Journal of Port History* 19, no. 2 (2017): 1–22.

Okafor, Chidi. *The Shore and the City*. Lagos: Lagos University Press, 2016.
"""


def test_notes_beside_a_bibliography_are_not_references() -> None:
    doc = parse_document(Source("n.md", NOTES_DOC, "markdown"))
    assert [r.authors[0].family for r in doc.references] == ["Brennan", "Lindqvist", "Okafor"]
    assert [s.heading for s in doc.notes] == ["Notes"]


def test_notes_beside_a_bibliography_cite_it() -> None:
    rep = check_source(Source("n.md", NOTES_DOC, "markdown"))
    by_id = {r.id: r.authors[0].family for r in rep.references}
    got = [
        (lk.citation.text.split()[0], lk.status, [by_id[t] for t in lk.targets]) for lk in rep.links
    ]
    assert got == [
        ("note", "suggested", ["Okafor"]),  # note 1: the year differs from the list's
        ("Brennan", "resolved", ["Brennan"]),  # prose in a comment, wrapped over two lines
        ("note", "unresolved", []),  # note 4: Reyes is not in the list
        ("note", "resolved", ["Okafor"]),  # note 5: the short note
    ]
    codes = sorted((d.code, rep.source.line_of(d.span.start)) for d in rep.diagnostics)
    # the year, the work the bibliography lacks (a warning: the note itself is complete), and
    # Lindqvist, whom no note cites; nothing from "(Lagos: ..., 2015)"
    assert codes == [("CIT003", 7), ("CIT009", 18), ("CIT012", 11)]
    (lacking,) = [d for d in rep.diagnostics if d.code == "CIT012"]
    assert lacking.severity == "warning" and "Reyes (2019)" in lacking.message


def test_a_notes_only_list_keeps_full_notes_and_drops_repeats() -> None:
    text = NOTES_DOC.split("## Bibliography")[0]
    doc = parse_document(Source("n.md", text, "markdown"))
    assert [(r.number, r.authors[0].family if r.authors else None) for r in doc.references] == [
        (1, "Okafor"),  # given first, as notes write names
        (3, None),  # a comment is kept, as any entry is
        (4, "Reyes"),
    ]
    assert doc.references[0].number_of_pages is None  # ", 45." is the page cited
    assert [r.number for r in doc.repeats] == [2, 5]


def test_parse_says_what_it_did_with_notes(root_dir: Path, tmp_path: Path) -> None:
    src = root_dir / "bib" / "notes-essay.md"
    proc = subprocess.run(
        [sys.executable, "-m", "citekit", "parse", str(src), "-o", str(tmp_path / "out.bib")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert "the Notes cite the bibliography" in proc.stderr
    assert (tmp_path / "out.bib").read_text("utf-8") == (
        root_dir / "bib" / "notes-essay.bib"
    ).read_text("utf-8")


def test_bundled_notes_essay_checks_clean_but_for_the_uncited_entry(root_dir: Path) -> None:
    rep = check_source(read_source(str(root_dir / "bib" / "notes-essay.md")))
    assert all(lk.status == "resolved" for lk in rep.links) and len(rep.links) == 5
    assert [d.code for d in rep.diagnostics] == ["CIT009"]
    assert "Reyes" in rep.diagnostics[0].message


def test_markdown_footnotes_beside_a_bibliography_cite_it() -> None:
    text = (
        "# Harbours\n\nQuays grew.[^1] Salt moved.[^2] Guilds resisted.[^3]\n\n"
        "[^1]: Chidi Okafor, *The Shore and the City* (Lagos: Lagos University Press, 2016), 45.\n"
        "[^2]: Ibid., 52.\n"
        "[^3]: Mary Brennan, *Harbours of Cork* (Cork: Atlantic Press, 2012), 9.\n\n"
        "## Bibliography\n\n"
        "Brennan, Mary. *Harbours of Cork*. Cork: Atlantic Press, 2012.\n\n"
        "Okafor, Chidi. *The Shore and the City*. Lagos: Lagos University Press, 2016.\n"
    )
    source = Source("f.md", text, "markdown")
    doc = parse_document(source)
    assert len(doc.references) == 2 and len(doc.notes) == 1 and doc.notes[0].heading is None
    rep = check_source(source)
    assert [lk.status for lk in rep.links] == ["resolved", "resolved"]
    assert rep.diagnostics == ()  # the imprints "(Lagos: ..., 2016)" are not citations


def test_an_indented_list_is_not_taken_for_footnotes() -> None:
    text = "References\n\n  Brennan, M. (2012). Harbours of Cork. Atlantic Press.\n  Okafor, C. (2016). The Shore. Lagos UP.\n"
    doc = parse_document(Source("r.txt", text))
    assert len(doc.references) == 2 and doc.notes == () and not doc.sections[0].notes
