"""The citation finder: every author-year and numeric form, spans, and the non-citations."""

from __future__ import annotations

import time

import pytest

from citekit.citations import (
    find_author_page_citations,
    find_citations,
    find_endnote_temporary_citations,
    find_page_citations,
    find_paren_numeric_citations,
    find_title_citations,
)
from citekit.model import Span


def items(text: str) -> list[tuple[str, tuple[str, ...], int | None, str]]:
    return [(c.text, c.names, c.year, c.year_suffix) for c in find_citations(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("(Nye, 2004)", [("Nye, 2004", ("Nye",), 2004, "")]),
        ("(Nye 2004)", [("Nye 2004", ("Nye",), 2004, "")]),
        ("as Nye (2004) argued", [("Nye (2004)", ("Nye",), 2004, "")]),
        ("in Nye's (2004) book", [("Nye's (2004)", ("Nye",), 2004, "")]),
        ("in Nye’s (2004) book", [("Nye’s (2004)", ("Nye",), 2004, "")]),
        (
            "(Nye Jr, 2004; Armitage and Nye Jr, 2007)",
            [
                ("Nye Jr, 2004", ("Nye Jr",), 2004, ""),
                ("Armitage and Nye Jr, 2007", ("Armitage", "Nye Jr"), 2007, ""),
            ],
        ),
        (
            "(Emerson & Boonstra, 2010)",
            [("Emerson & Boonstra, 2010", ("Emerson", "Boonstra"), 2010, "")],
        ),
        (
            "(Smith et al., 2019a, b)",
            [("Smith et al., 2019a", ("Smith",), 2019, "a"), ("b", ("Smith",), 2019, "b")],
        ),
        (
            "(Smith 2001, 2003)",
            [("Smith 2001", ("Smith",), 2001, ""), ("2003", ("Smith",), 2003, "")],
        ),
        ("(Mankoff, 2012: 255)", [("Mankoff, 2012: 255", ("Mankoff",), 2012, "")]),
        ("(see Keohane, 1980, p. 12)", [("Keohane, 1980, p. 12", ("Keohane",), 1980, "")]),
        ("(Donaldson, Vidya 2014)", [("Donaldson, Vidya 2014", ("Donaldson", "Vidya"), 2014, "")]),
        ("(van der Berg, 2001)", [("van der Berg, 2001", ("van der Berg",), 2001, "")]),
        ("(Şahin 2002)", [("Şahin 2002", ("Şahin",), 2002, "")]),
        ("(O'Neill, 2003)", [("O'Neill, 2003", ("O'Neill",), 2003, "")]),
        ("(NYE, 2004)", [("NYE, 2004", ("NYE",), 2004, "")]),
        ("(World Bank, 2020)", [("World Bank, 2020", ("World Bank",), 2020, "")]),
        ("(SILVA; SOUZA, 2010)", [("SILVA; SOUZA, 2010", ("SILVA", "SOUZA"), 2010, "")]),
        (
            "(SILVA, 2010; SOUZA, 2011)",
            [("SILVA, 2010", ("SILVA",), 2010, ""), ("SOUZA, 2011", ("SOUZA",), 2011, "")],
        ),
        (
            "(Tanaka, 2001, Brandt, 2003)",
            [("Tanaka, 2001", ("Tanaka",), 2001, ""), ("Brandt, 2003", ("Brandt",), 2003, "")],
        ),
        (
            "Smith and Jones (2019) showed",
            [("Smith and Jones (2019)", ("Smith", "Jones"), 2019, "")],
        ),
        (
            "Brandt, Jansen & Carbonari (1991) found",
            [("Brandt, Jansen & Carbonari (1991)", ("Brandt", "Jansen", "Carbonari"), 1991, "")],
        ),
        ("(Okafor, n.d.)", [("Okafor, n.d.", ("Okafor",), None, "")]),
        # "n.d." as Spanish, Portuguese and German lists write it
        ("Según Okafor (s.f.), la autoridad", [("Okafor (s.f.)", ("Okafor",), None, "")]),
        ("(Okafor, s. f.)", [("Okafor, s. f.", ("Okafor",), None, "")]),
        ("(Müller, o. J.)", [("Müller, o. J.", ("Müller",), None, "")]),
        ("(Akande et al. 2019)", [("Akande et al. 2019", ("Akande",), 2019, "")]),
        ("Khodak et al., 2018 address this", [("Khodak et al., 2018", ("Khodak",), 2018, "")]),
        # names in scripts without capitals, full-width brackets and commas, "・" between names
        (
            "研究は多い（山田, 2015; 佐藤・鈴木, 2019）。",
            [("山田, 2015", ("山田",), 2015, ""), ("佐藤・鈴木, 2019", ("佐藤", "鈴木"), 2019, "")],
        ),
        ("港湾（山田，2015）", [("山田,2015", ("山田",), 2015, "")]),
        ("(김, 2020)", [("김, 2020", ("김",), 2020, "")]),
        # the editors' role between the names and the year
        (
            "die Beiträge in Moreau (Hrsg.) (2017)",
            [("Moreau (Hrsg.) (2017)", ("Moreau",), 2017, "")],
        ),
        (
            "as Ortega and Blum (Eds.) (2019) show",
            [("Ortega and Blum (Eds.) (2019)", ("Ortega", "Blum"), 2019, "")],
        ),
        # Chicago's note on a page, German pages that follow
        ("(Moreau 2017, 12n4)", [("Moreau 2017, 12n4", ("Moreau",), 2017, "")]),
        ("(Hartmann u. a. 2021, 45 f.)", [("Hartmann u. a. 2021, 45 f.", ("Hartmann",), 2021, "")]),
        ("Brandt/Weber (2019) sprechen", [("Brandt/Weber (2019)", ("Brandt", "Weber"), 2019, "")]),
        # "et al." set in italics by Markdown
        (
            "(Pettersen *et al.*, 2021, p. 44)",
            [("Pettersen *et al.*, 2021, p. 44", ("Pettersen",), 2021, "")],
        ),
        (
            "Pettersen _et al._ (2021) agree",
            [("Pettersen _et al._ (2021)", ("Pettersen",), 2021, "")],
        ),
        # "et al." in German and Russian
        ("(Müller u. a. 2014)", [("Müller u. a. 2014", ("Müller",), 2014, "")]),
        ("(Иванов и др., 2015)", [("Иванов и др., 2015", ("Иванов",), 2015, "")]),
        (
            "(National Center for Water Research 2008)",
            [
                (
                    "National Center for Water Research 2008",
                    ("National Center for Water Research",),
                    2008,
                    "",
                )
            ],
        ),
    ],
)
def test_author_year_forms(
    text: str, expected: list[tuple[str, tuple[str, ...], int | None, str]]
) -> None:
    assert items(text) == expected


@pytest.mark.parametrize(
    ("text", "prefix"),
    [
        ("(see Keohane, 1980)", "see"),
        ("(e.g. Smith 2001)", "e.g."),
        ("(reviewed in Lee 2003)", "reviewed in"),
        ("(see also Kim, 2004)", "see also"),
        ("(cf. Park 2005)", "cf."),
        ("(vgl. Müller 2014)", "vgl."),
        ("(selon Dupont 2010)", "selon"),
    ],
)
def test_lead_ins_are_prefixes_not_names(text: str, prefix: str) -> None:
    (c,) = find_citations(text)
    assert c.prefix == prefix
    assert c.names[0][0].isupper() and prefix not in c.text


def test_spans_point_into_the_text() -> None:
    text = "Before (Nye Jr, 2004; Armitage and Nye Jr, 2007) after."
    cits = find_citations(text)
    for c in cits:
        assert text[c.span.start : c.span.end] == c.text
        assert c.group.contains(c.span)
    assert cits[0].group == cits[1].group
    assert (
        text[cits[0].group.start : cits[0].group.end] == "(Nye Jr, 2004; Armitage and Nye Jr, 2007)"
    )


def test_locators_and_flags() -> None:
    (a,) = find_citations("(Mankoff, 2012: 255)")
    assert a.locator == "255"
    (b,) = find_citations("(Smith, 2019, pp. 3-5)")
    assert b.locator == "pp. 3-5"
    (c,) = find_citations("as Smith (2019) says")
    assert c.narrative and not find_citations("(Smith, 2019)")[0].narrative
    (d,) = find_citations("(Smith et al. 2019)")
    assert d.et_al


@pytest.mark.parametrize(
    "text",
    [
        "(USD 25,877)",
        "(in 2007–2008 and in 2014–2015)",
        "(207 BCE–220 CE)",
        "(in the 3rd quarter of 2021, the region had 2.13 million self-employed persons)",
        "(Kazakhstan, Tajikistan, and Kyrgyzstan)",
        "(2019)",
        "in the year (2010) nothing happened",
        "(pers. comm. to A. Okafor, 2013)",
        "(Figure 2)",
        "[1998]",
    ],
)
def test_non_citations_stay_silent(text: str) -> None:
    assert find_citations(text) == []


def test_rejected_candidate_does_not_swallow_the_next() -> None:
    assert items("the network and Toran (2017) shows") == [("Toran (2017)", ("Toran",), 2017, "")]
    assert items("In Europe, Smith (2019) found") == [("Smith (2019)", ("Smith",), 2019, "")]
    assert items("(In 2019) and (Lee, 2020)") == [("Lee, 2020", ("Lee",), 2020, "")]


def test_no_catastrophic_backtracking() -> None:
    names = " and ".join(f"A{chr(97 + i % 26)}{i}" for i in range(3000))
    text = f"({names}) " * 5 + "(" + ", ".join(["Bb"] * 5000) + ")" + " Cc and" * 5000
    start = time.perf_counter()
    assert find_citations(text) == []
    # generous bound: linear scanning takes milliseconds; backtracking takes minutes
    assert time.perf_counter() - start < 5


def test_numeric_forms() -> None:
    cits = find_citations("as in [12], [3-5, 9] and [3–5]")
    assert [(c.kind, c.number) for c in cits] == [
        ("numeric", 12),
        ("numeric", 3),
        ("numeric", 4),
        ("numeric", 5),
        ("numeric", 9),
        ("numeric", 3),
        ("numeric", 4),
        ("numeric", 5),
    ]
    assert cits[1].text == "3-5" and cits[4].text == "9"


def test_original_dates_and_classical_locators() -> None:
    got = items("(BAKHTIN, 1988 [1975], 2008 [1963])")
    assert [g[2] for g in got] == [1988, 2008]
    assert items("(DIÓGENES LAERCIO, VI 40, 2010, p. 220)")[0][1:3] == (("DIÓGENES LAERCIO",), 2010)


def test_empty_and_plain_text() -> None:
    assert find_citations("") == []
    assert find_citations("No brackets here at all, 2019.") == []


def test_written_out_references_and_lead_ins_before_abnt_lists() -> None:
    assert find_citations("Cite as: Brock, Aaron Z. (2022) Secrets and cooperation.") == []
    assert items("(cf. BRAIT; PISTORI, 2012, p. 371)") == [
        ("BRAIT; PISTORI, 2012, p. 371", ("BRAIT", "PISTORI"), 2012, "")
    ]
    # a title after a determiner keeps the determiner as prefix, for the check to judge
    (c,) = find_citations("under the Treaty of Lisbon (2007) the")
    assert c.narrative and c.prefix == "the"


def test_abbreviation_after_a_corporate_author_is_not_a_name() -> None:
    got = items("(World Health Organization [WHO], 2019; Lindqvist, 2015)")
    assert got == [
        ("World Health Organization [WHO], 2019", ("World Health Organization",), 2019, ""),
        ("Lindqvist, 2015", ("Lindqvist",), 2015, ""),
    ]


def test_bare_candidates_outside_brackets() -> None:
    from citekit.citations import find_bare_citations

    def bare(text: str) -> list[tuple[str, tuple[str, ...], int | None]]:
        return [(c.text, c.names, c.year) for c in find_bare_citations(text)]

    assert bare("Dinosauria Owen, 1842 | Ornithischia Seeley, 1888") == [
        ("Dinosauria Owen, 1842", ("Dinosauria Owen",), 1842),
        ("Ornithischia Seeley, 1888", ("Ornithischia Seeley",), 1888),
    ]
    assert bare("as described by Kessler and Baldwin, 2001 and others") == [
        ("Kessler and Baldwin, 2001", ("Kessler", "Baldwin"), 2001)
    ]
    assert bare("species listed in Flora do Brasil 2020. Most were") == [
        ("Flora do Brasil 2020", ("Flora do Brasil",), 2020)
    ]
    # years inside brackets, after "et al." or after lower-case words are left alone
    assert bare("(Kessler and Baldwin, 2001)") == []
    assert bare("the market grew in 2001 and in May, 2002-2003") == []
    assert bare("Smith et al., 2019 showed") == []
    # a region to skip (the reference list, citations already found)
    text = "Lindqvist, 2015 wrote it"
    assert find_bare_citations(text, [Span(0, len(text))]) == []


def test_spanish_particles_inside_a_family_name() -> None:
    assert items("como Slee (2016) e Yarza De los Ríos (2011) mostram") == [
        ("Slee (2016)", ("Slee",), 2016, ""),
        ("Yarza De los Ríos (2011)", ("Yarza De los Ríos",), 2011, ""),
    ]
    assert items("(Fuente de las Casas, 2004)") == [
        ("Fuente de las Casas, 2004", ("Fuente de las Casas",), 2004, "")
    ]


def test_acts_of_law() -> None:
    from citekit.citations import find_legal_citations, legal_act_key

    text = (
        "Segundo a Lei nº 13.146/2015 e o Decreto nº 6.949, de 25 de agosto de 2009, "
        "e a Resolução n° 4/ 2009 (Nota Técnica n.º 4, de 23 de janeiro de 2014); "
        "a Lei 8.080 sem data não conta."
    )
    got = [(c.text, c.key, c.year) for c in find_legal_citations(text)]
    assert got == [
        ("Lei nº 13.146/2015", "lei13146/2015", 2015),
        ("Decreto nº 6.949, de 25 de agosto de 2009", "decreto6949/2009", 2009),
        ("Resolução n° 4/ 2009", "resolucao4/2009", 2009),
        ("Nota Técnica n.º 4, de 23 de janeiro de 2014", "notatecnica4/2014", 2014),
    ]
    assert legal_act_key("Lei n° 13.146, de 6 de julho de 2015. Institui a Lei.") == "lei13146/2015"
    assert legal_act_key("BRASIL. Lei n.º 6001, de 19 de dezembro de 1973. Estatuto.") == (
        "lei6001/1973"
    )
    assert legal_act_key("Leite, R. P. (2007). Contra-usos da cidade.") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("(Okafor 45)", [(("Okafor",), False, "45")]),
        (
            "(Lindqvist et al. 12-14; Reyes 3)",
            [(("Lindqvist",), True, "12-14"), (("Reyes",), False, "3")],
        ),
        ("(see van der Berg and Smith 7)", [(("van der Berg", "Smith"), False, "7")]),
        ("(Okafor & Lee 7)", [(("Okafor", "Lee"), False, "7")]),
        # a year is author-year, not a page; lower-case words are not names
        ("(Okafor 2016)", []),
        ("(in 45 cases)", []),
    ],
)
def test_mla_author_page_candidates(text: str, expected: list) -> None:
    got = find_author_page_citations(text)
    assert [(c.names, c.et_al, c.locator) for c in got] == expected
    assert all(c.title is None for c in got)
    for c in got:
        assert text[c.span.start : c.span.end] == c.text and c.command == "author-page"


def test_mla_short_title_after_the_names() -> None:
    (c,) = find_author_page_citations("(Okafor, Shore 45)")
    assert (c.names, c.title, c.locator) == (("Okafor",), "Shore", "45")
    (c,) = find_author_page_citations("(Lindqvist et al., Tides of Capital 12)")
    assert (c.names, c.et_al, c.title) == (("Lindqvist",), True, "Tides of Capital")


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # hard-wrapped prose: a single line break between the names and the year
        ("the record is thin; Lindqvist and Quispe\n(2011) give figures", ("Lindqvist", "Quispe")),
        ("as Lindqvist\n   (2011) shows", ("Lindqvist",)),
        ("as Lindqvist and\nQuispe (2011) show", ("Lindqvist", "Quispe")),
        # a paragraph break or a new list item is not wrapping
        ("Lindqvist\n\n(2011) is a year in a new paragraph", None),
        ("- the harbour of Okafor\n- (2011) a year in a list", None),
    ],
)
def test_narrative_citation_over_a_line_break(text: str, names: tuple[str, ...] | None) -> None:
    found = [c for c in find_citations(text) if c.narrative]
    assert (found[0].names if found else None) == names


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # a book's imprint in a note is not a citation of its publisher
        ("Okafor, The Shore (Lagos: Lagos University Press, 2016), 45.", []),
        ("(New York: Oxford University Press, 2004)", []),
        ("Brennan, Harbours (Cork: Atlantic Books, 2012), 9.", []),
        # a lead-in with a colon is still a citation
        ("as argued (see also: Okafor, 2016)", [("Okafor",)]),
        ("(Brasil: Ministério da Saúde, 2010)", [("Ministério da Saúde",)]),
    ],
)
def test_imprints_are_not_citations(text: str, found: list[tuple[str, ...]]) -> None:
    assert [c.names for c in find_citations(text)] == found


_FAMILIES = {"Okafor", "Reyes", "Lindqvist", "Mamani", "Le"}


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Lindqvist calls them a ledger (112).", [(("Lindqvist",), "112", False)]),
        (
            "Okafor and Reyes read them as contracts (88-90).",
            [(("Okafor", "Reyes"), "88-90", False)],
        ),
        ("Mamani et al. add verses of their own (201).", [(("Mamani",), "201", True)]),
        # the nearest named author of the sentence; a page after an earlier sentence's name is not
        ("Okafor agrees. The songs are contracts (88).", []),
        ("In Lima, Okafor's reading holds (p. 45).", [(("Okafor",), "45", False)]),
        # a year in parentheses, a lower-case word ("while" holds "le"), an unknown name
        ("Okafor wrote it (2016).", []),
        ("Songs were sung while walking (12).", []),
        ("Quispe calls them ledgers (45).", []),
    ],
)
def test_mla_page_after_a_named_author(
    text: str, found: list[tuple[tuple[str, ...], str, bool]]
) -> None:
    cites = find_page_citations(text, _FAMILIES)
    assert [(c.names, c.locator, c.et_al) for c in cites] == found
    for c in cites:
        assert text[c.span.start : c.span.end] == c.text and c.narrative


def test_parenthesised_numbers_and_enumerations() -> None:
    text = "Under-reported (1,2). Steps: (1) collect, (2) clean. See Figure (3). Helps (3-5), but"
    assert [c.number for c in find_paren_numeric_citations(text)] == [1, 2, 3, 4, 5]


_TITLES = {
    "salar": "Voices of the Salar",
    "shore": "The Shore and the Ledger",
    "defense": "In Defense of Food",
    "shores": "Shores of Memory",
}


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ('("Voices of the Salar")', [("salar", None)]),
        ("(*Shore* 112)", [("shore", "112")]),
        ("(Shore and the Ledger 12-14)", [("shore", "12-14")]),
        # words that begin no title, or two; lower case and a year; a page alone
        ("(Shores 3)", [("shores", "3")]),
        ('("Sho")', []),
        ("(in 2015)", []),
        ("(Spring 2019)", []),
        ("(see Figure 3)", []),
        ("(12)", []),
    ],
)
def test_mla_title_citations(text: str, found: list[tuple[str, str | None]]) -> None:
    got = find_title_citations(text, _TITLES)
    assert [(rid, c.locator) for c, rid in got] == found
    for c, _ in got:
        assert text[c.span.start : c.span.end] == c.text and c.command == "title-page"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("grew {Okafor, 2016 #12}.", [(("Okafor",), 2016, "", False, None, False)]),
        (
            "{Brandt, 2019 #31@45-47; Lindqvist et al., 2011a #7}",
            [
                (("Brandt",), 2019, "", False, "45-47", False),
                (("Lindqvist",), 2011, "a", True, None, False),
            ],
        ),
        # a prefix and a suffix set off by backslashes; no date; no year at all
        ("{See \\Okafor, 2016 #12\\ for more}", [(("Okafor",), 2016, "", False, None, False)]),
        ("{Okafor, n.d. #12}", [(("Okafor",), None, "", False, None, True)]),
        (
            "{World Health Organization #3}",
            [(("World Health Organization",), None, "", False, None, False)],
        ),
        # braces that are no EndNote citation
        ("a {set #1} b, {x}, {Okafor, 2016}, {#12}", []),
    ],
)
def test_endnote_temporary_citations(text: str, expected: list) -> None:
    got = find_endnote_temporary_citations(text)
    assert [
        (c.names, c.year, c.year_suffix, c.et_al, c.locator, c.no_date) for c in got
    ] == expected
    for c in got:
        assert text[c.span.start : c.span.end] == c.text and c.command == "endnote"
