"""Web pages: the text a browser shows, one block per line, and essays saved as HTML."""

from __future__ import annotations

from pathlib import Path

import pytest

from citekit.check import check_source
from citekit.document import parse_document
from citekit.html import html_text
from citekit.source import read_source


def blocks(html: str) -> list[str]:
    return [line for line in html_text(html).split("\n") if line]


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ("<p>One</p><p>Two &amp; three</p>", ["One", "Two & three"]),
        ("<h2>References</h2><ol><li>A</li><li>B</li></ol>", ["References", "1. A", "2. B"]),
        ('<ol start="7"><li>G</li><li>H</li></ol>', ["7. G", "8. H"]),
        ("<ul><li>A</li><li>B</li></ul>", ["- A", "- B"]),
        ("<p>line one<br>line two</p>", ["line one", "line two"]),
        (
            "<p>Okafor, C. (2016). <em>The shore</em>. Lagos UP.</p>",
            ["Okafor, C. (2016). The shore. Lagos UP."],
        ),
        # what a reader does not see
        ("<head><title>T</title><style>p{}</style></head><body><p>Body</p></body>", ["Body"]),
        ('<script>var c = "(Smith, 2010)";</script><p>Text</p>', ["Text"]),
        ("<nav><a href='/'>Home</a></nav><p>Text</p>", ["Text"]),
        # bad markup still gives its text
        ("<head><title>T</title><body><p>Unclosed head", ["Unclosed head"]),
        ("<p>Unclosed <b>bold <p>next", ["Unclosed bold", "next"]),
        ("<ol><li>one<li>two</ol>", ["1. one", "2. two"]),
        ("", []),
    ],
)
def test_html_text(html: str, expected: list[str]) -> None:
    assert blocks(html) == expected


PAGE = """<!DOCTYPE html>
<html><head><title>Harbour cities</title><script>var x = "(Smith, 2010)";</script></head>
<body><nav><a href="/">Home</a></nav><article>
<h1>Harbour cities</h1>
<p>Quays grew around the river (Okafor, 2016). Merchants traded salt
(Reyes, 2019) and the guilds resisted change (Brennan &amp; Lindqvist, 2012).</p>
<h2>References</h2>
<ol>
<li>Brennan, M., &amp; Lindqvist, S. (2012). <em>Harbours of Cork</em>. Atlantic Press.</li>
<li>Okafor, C. (2016). <i>The shore and the city</i>. Lagos University Press.
<a href="https://doi.org/10.1234/shore">https://doi.org/10.1234/shore</a></li>
<li>Reyes, M. (2019). Salt roads of the Andes. <em>Journal of Andean Trade</em>, 4(1), 12&ndash;30.</li>
</ol></article>
<footer><p>Continue Reading</p><p>&copy; 2024 Harbour Review</p></footer>
</body></html>
"""


def test_an_essay_saved_as_html(tmp_path: Path) -> None:
    path = tmp_path / "essay.html"
    path.write_text(PAGE, "utf-8")
    source = read_source(str(path))
    doc = parse_document(source)
    assert [(r.number, r.authors[0].family, r.year) for r in doc.references] == [
        (1, "Brennan", 2012),
        (2, "Okafor", 2016),
        (3, "Reyes", 2019),
    ]
    assert doc.references[1].doi == "10.1234/shore" and doc.references[2].pages == "12-30"
    rep = check_source(source)
    # the script's "(Smith, 2010)" is not a citation; the three in the text resolve
    assert [lk.status for lk in rep.links] == ["resolved"] * 3 and rep.diagnostics == ()


@pytest.mark.parametrize("seed", range(3))
def test_random_markup_never_fails(seed: int) -> None:
    import random

    r = random.Random(seed)
    pieces = [
        "<p>", "</p>", "<ol start='x'>", "<ol start='-3'>", "</ol>", "<li>", "<ul>", "</ul>",
        "<script>", "</script>", "<head>", "<body>", "&amp;", "&#xZZ;", "(Okafor, 2016)",
        "<br/>", "<nav>", "</nav>", "<svg>", "<img>", "<br>", "</li>", "<h2>References</h2>",
    ]  # fmt: skip
    for _ in range(300):
        text = html_text("".join(r.choice(pieces) for _ in range(r.randrange(60))))
        assert "<" not in text and all(line.strip() == line for line in text.split("\n"))
