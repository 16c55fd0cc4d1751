"""The linker: each verdict, each near-miss reason, ties broken by locators and co-authors."""

from __future__ import annotations

from dataclasses import replace

import pytest

from citekit.citations import find_citations
from citekit.link import fold, link_citations, name_key, uncited
from citekit.model import Citation, Name, Reference, Span


def ref(rid: str, authors: list[tuple[str, str]], year: int | None, **kw: object) -> Reference:
    names = tuple(Name(family=f, given=g, literal=(g == "" and " " in f)) for f, g in authors)
    raw = kw.pop("raw", None) or ", ".join(f"{f}, {g}" for f, g in authors) + f", {year}"
    return Reference(id=rid, raw=str(raw), span=Span(0, 1), authors=names, year=year, **kw)  # type: ignore[arg-type]


REFS = [
    ref("r1", [("Donaldson", "Robert H."), ("Nadkarni", "Vidya")], 2014, number=1),
    ref("r2", [("Emerson", "M."), ("Boonstra", "J.")], 2010, number=2),
    ref("r3", [("Goble", "Paul")], None, number=3),
    ref("r4", [("Keohane", "Robert")], 1980, number=4),
    ref("r6", [("Mankoff", "Jeffrey")], 2012, pages="255", type="book", number=6),
    ref("r7", [("Mankoff", "Jeffrey")], 2012, pages="1-31", type="report", number=7),
    ref("r9", [("Nye", "Joseph S.")], 2004, number=9),
    ref("r11", [("Reach", "Clint"), ("Radin", "Andrew")], 2017, number=11),
    ref("r12", [("Thornton", "Susan")], 2021, number=12),
    ref("r13", [("Valeriano", "Brandon")], 2013, number=13),
    ref("r14", [("Mearsheimer", "John J.")], 2014, number=14),
    Reference(
        id="r15",
        raw="van der Berg, A. 2001",
        span=Span(0, 1),
        authors=(Name("Berg", "Anna", particle="van der"),),
        year=2001,
    ),
    Reference(
        id="r16", raw="Şahin, E. 2002", span=Span(0, 1), authors=(Name("Şahin", "Elif"),), year=2002
    ),
    Reference(
        id="r17",
        raw="World Bank 2020",
        span=Span(0, 1),
        authors=(Name("World Bank", literal=True),),
        year=2020,
    ),
    ref("r18", [("Okafor", "Ngozi")], 2019, year_suffix="a"),
    ref("r19", [("Okafor", "Ngozi")], 2019, year_suffix="b"),
    ref("r20", [("Lindqvist", "Karin")], 2015),
    ref("r21", [("Lindqvist", "Karin")], 2015),
    ref("r22", [("Haddad", "Omar"), ("Ferreira", "Lucia")], 2018),
]


def link_one(text: str) -> tuple[str, tuple[str, ...], str]:
    cits = find_citations(text)
    assert len(cits) == 1, cits
    link = link_citations(cits, REFS)[0]
    return link.status, link.targets, link.reason


@pytest.mark.parametrize(
    ("text", "status", "targets"),
    [
        ("(Keohane, 1980)", "resolved", ("r4",)),
        ("(Nye Jr, 2004)", "resolved", ("r9",)),
        ("(NYE 2004)", "resolved", ("r9",)),
        ("(Emerson & Boonstra, 2010)", "resolved", ("r2",)),
        ("(Donaldson, Vidya 2014)", "resolved", ("r1",)),
        ("(van der Berg, 2001)", "resolved", ("r15",)),
        ("(Berg, 2001)", "resolved", ("r15",)),
        ("(Sahin 2002)", "resolved", ("r16",)),
        ("(World Bank, 2020)", "resolved", ("r17",)),
        ("(Okafor, 2019b)", "resolved", ("r19",)),
        ("(Mankoff, 2012)", "ambiguous", ("r6", "r7")),
        ("(Mankoff, 2012: 255)", "resolved", ("r6",)),
        ("(Mankoff, 2012, p. 40)", "resolved", ("r6",)),
        ("(Mankoff, 2012, p. 12)", "ambiguous", ("r6", "r7")),
        ("(Lindqvist, 2015b)", "resolved", ("r21",)),
        ("(Brandon, 2013)", "suggested", ("r13",)),
        ("(Clint and Andrew, 2017)", "suggested", ("r11",)),
        ("(Thornton, 2020)", "suggested", ("r12",)),
        ("(Goble, 2019)", "suggested", ("r3",)),
        ("(Mearsheimmer, 2014)", "suggested", ("r14",)),
        ("(Okafor, 2019)", "suggested", ("r18",)),
        ("(Haddad, 2018)", "suggested", ("r22",)),
        ("(Haddad and Moreau, 2018)", "suggested", ("r22",)),
        ("(Armitage and Nye Jr, 2007)", "unresolved", ()),
        ("(Bendarzsevszkij, 2021)", "unresolved", ()),
    ],
)
def test_verdicts(text: str, status: str, targets: tuple[str, ...]) -> None:
    got_status, got_targets, reason = link_one(text)
    assert (got_status, got_targets) == (status, targets), reason
    assert reason


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("(Brandon, 2013)", "given name"),
        ("(Thornton, 2020)", "2021"),
        ("(Goble, 2019)", "no year"),
        ("(Mearsheimmer, 2014)", "misspelling"),
        ("(Okafor, 2019)", "suffix"),
        ("(Haddad, 2018)", "co-author"),
        ("(Mankoff, 2012: 255)", "locator"),
        ("(Donaldson, Vidya 2014)", "given name of co-author"),
    ],
)
def test_reasons_say_why(text: str, needle: str) -> None:
    assert needle in link_one(text)[2]


def test_candidates_carry_evidence() -> None:
    link = link_citations(find_citations("(Mankoff, 2012)"), REFS)[0]
    assert {c.target for c in link.candidates} == {"r6", "r7"}
    assert all(c.evidence for c in link.candidates)


def test_numeric_and_key_citations() -> None:
    cits = find_citations("see [2] and [13-14], not [40]")
    links = link_citations(cits, REFS)
    assert [(link.status, link.targets) for link in links] == [
        ("resolved", ("r2",)),
        ("resolved", ("r13",)),
        ("resolved", ("r14",)),
        ("unresolved", ()),
    ]
    keyed = [Reference(id="k1", raw="", span=Span(0, 0), key="nye2004soft")]
    cit = Citation(
        kind="key", text="nye2004soft", span=Span(0, 11), group=Span(0, 11), key="nye2004soft"
    )
    bad = Citation(
        kind="key", text="nye2004sotf", span=Span(0, 11), group=Span(0, 11), key="nye2004sotf"
    )
    got = link_citations([cit, bad], keyed)
    assert got[0].status == "resolved" and got[0].targets == ("k1",)
    assert got[1].status == "unresolved" and got[1].candidates[0].target == "k1"


def test_uncited_entries() -> None:
    links = link_citations(find_citations("(Keohane, 1980; Thornton, 2020; Mankoff, 2012)"), REFS)
    left = {r.id for r in uncited(links, REFS)}
    assert "r4" not in left and "r12" not in left  # a suggestion counts as cited
    assert "r6" not in left and "r7" not in left  # so does an ambiguous one
    assert "r9" in left


def test_name_keys() -> None:
    assert fold("Şahin") == "sahin"
    assert name_key("van der Berg") == "berg"
    assert name_key("Nye Jr") == "nye"
    assert name_key("McFall-Ngai") == "mcfallngai"
    assert name_key("O'Neill") == name_key("ONeill")


def test_empty_inputs() -> None:
    assert link_citations([], REFS) == []
    links = link_citations(find_citations("(Keohane, 1980)"), [])
    assert links[0].status == "unresolved"


def test_corporate_authors_by_acronym_and_without_article() -> None:
    refs = [
        Reference(
            id="c1",
            raw="Instituto Nacional de Estadística (INE). 2012. Censo agrario.",
            span=Span(0, 1),
            year=2012,
        ),
        Reference(
            id="c2",
            raw="LOS PRINCIPALES empresarios apoyan el acuerdo. Diario, 3 oct. 2018.",
            span=Span(0, 1),
            year=2018,
        ),
    ]
    links = link_citations(find_citations("(INE, 2012; LOS PRINCIPALES…, 2018)"), refs)
    assert [(lk.status, lk.targets) for lk in links] == [
        ("resolved", ("c1",)),
        ("resolved", ("c2",)),
    ]


def test_et_al_prefers_works_with_three_or_more_authors() -> None:
    refs = [
        ref("e1", [("Gates", "T."), ("Sampson", "S.")], 2007),
        ref("e2", [("Gates", "T."), ("Sampson", "S."), ("Zanno", "L.")], 2007),
    ]
    (link,) = link_citations(find_citations("(Gates et al., 2007)"), refs)
    assert (link.status, link.targets) == ("resolved", ("e2",))
    (link,) = link_citations(find_citations("(Gates and Sampson, 2007)"), refs)
    assert (link.status, link.targets) == ("resolved", ("e1",))


def test_leading_non_name_is_dropped_only_for_an_exact_fit() -> None:
    refs = [ref("b1", [("Blum", "C."), ("Roderjan", "C.")], 2007)]
    (link,) = link_citations(find_citations("Ainda, Blum & Roderjan (2007) mostram"), refs)
    assert (link.status, link.targets) == ("resolved", ("b1",))
    (link,) = link_citations(
        find_citations("(Koenker e Basset, 1978)"),
        [ref("k1", [("Basset", "G."), ("Koenker", "R.")], 1978)],
    )
    assert (link.status, link.targets) == ("suggested", ("k1",)) and "order" in link.reason


def test_given_name_seen_in_an_entry_whose_authors_were_not_parsed() -> None:
    unparsed = Reference(
        id="u1",
        raw="11. Quarshie Kwame, Lindahl Maja, Coastal views, 2017, 17",
        span=Span(0, 1),
        year=2017,
        number=11,
    )
    (link,) = link_citations(find_citations("(Kwame and Maja, 2017)"), [unparsed])
    assert (link.status, link.targets) == ("suggested", ("u1",))
    assert "given name" in link.reason
    (link,) = link_citations(find_citations("(Quarshie, 2017)"), [unparsed])
    assert link.status == "resolved"


def test_repeated_citations_get_their_own_spans() -> None:
    cits = find_citations("(Keohane, 1980) and again (Keohane, 1980).")
    links = link_citations(cits, REFS)
    assert [lk.status for lk in links] == ["resolved", "resolved"]
    assert links[0].citation.span != links[1].citation.span
    assert links[1].citation is cits[1]


def test_year_read_from_an_access_date_loses_the_tie() -> None:
    # the parser took 2024 from "Last access" in the first entry
    refs = [
        Reference(
            id="s1",
            raw="STAT – Statistics Office. Annual survey 2022. Apr. 28, 2023. Last access: Jan. 14, 2024.",
            span=Span(0, 1),
            authors=(Name("STAT – Statistics Office", literal=True),),
            year=2024,
        ),
        Reference(
            id="s2",
            raw="STAT – Statistics Office. National data. Capital: STAT, 2024. Accessed 2 Feb 2024.",
            span=Span(0, 1),
            authors=(Name("STAT – Statistics Office", literal=True),),
            year=2024,
        ),
    ]
    (link,) = link_citations(find_citations("(STAT, 2024)"), refs)
    assert (link.status, link.targets) == ("resolved", ("s2",))
    # without that evidence the two stay ambiguous
    plain = [replace(r, raw=r.raw.split(" Last access")[0]) for r in refs]
    (link,) = link_citations(find_citations("(STAT, 2024)"), plain)
    assert link.status == "ambiguous"


def test_acronym_of_a_corporate_author() -> None:
    refs = [
        Reference(
            id="c1",
            raw="Centro de Gestão e Estudos Estratégicos. (2023). Boletim anual. Brasília.",
            span=Span(0, 1),
            year=2023,
        ),
        Reference(
            id="c2",
            raw="Instituto Nacional de Estudos e Pesquisas Educacionais. (2024a). Resumo técnico.",
            span=Span(0, 1),
            year=2024,
            year_suffix="a",
        ),
        ref("c3", [("Lindqvist", "Karin")], 2015),
    ]
    links = link_citations(find_citations("(CGEE, 2023; Inep, 2024a; CGEE, 2022; LK, 2015)"), refs)
    assert [(lk.status, lk.targets) for lk in links] == [
        ("resolved", ("c1",)),
        ("resolved", ("c2",)),
        ("unresolved", ()),  # the year must match too
        ("unresolved", ()),  # a person's initials are no corporate acronym
    ]
    assert "abbreviates" in links[0].reason


def test_abbreviation_defined_in_an_earlier_citation() -> None:
    refs = [
        Reference(
            id="w1",
            raw="Observatório de Gestão Urbana. (2024). Tabela de áreas. Brasília.",
            span=Span(0, 1),
            year=2024,
        ),
    ]
    # "OGUrb" is not the initials of the name: only the definition tells
    cits = find_citations(
        "First (Observatório de Gestão Urbana [OGUrb], 2024), later (OGUrb, 2024)."
    )
    links = link_citations(cits, refs)
    assert [(lk.status, lk.targets) for lk in links] == [
        ("resolved", ("w1",)),
        ("resolved", ("w1",)),
    ]
    assert "OGUrb abbreviates" in links[1].reason
    # not defined: unresolved
    (link,) = link_citations(find_citations("(OGUrb, 2024)"), refs)
    assert link.status == "unresolved"


def test_repeated_author_dash_takes_the_names_of_the_entry_above() -> None:
    refs = [
        ref(
            "d1",
            [("Crafton", "D.")],
            1982,
            raw="CRAFTON, D. Before Mickey. Cambridge: MIT Press, 1982.",
        ),
        # what a parser makes of "_______.": no usable author
        ref(
            "d2",
            [("_______.", "")],
            1990,
            raw="_______. Émile Cohl and Film. Princeton: PUP, 1990.",
        ),
        ref("d3", [("———.", "")], 1993, raw="———. 1993. Another title. London: Verso."),
        ref("d4", [("Holt", "M.")], 1990, raw="Holt, M. 1990. Ledgers. Leeds."),
    ]
    links = link_citations(find_citations("(Crafton, 1990; Crafton, 1993; Holt, 1990)"), refs)
    assert [(lk.status, lk.targets) for lk in links] == [
        ("resolved", ("d2",)),
        ("resolved", ("d3",)),
        ("resolved", ("d4",)),
    ]


def test_year_printed_in_an_entry_whose_year_was_not_parsed() -> None:
    refs = [
        ref(
            "p1",
            [("Parks", "W. A.")],
            None,
            raw="Parks WA. 1922. Parasaurolophus walkeri. Toronto.",
        ),
        ref("p2", [("Parks", "W. A.")], 1923, raw="Parks WA. 1923. Corythosaurus. Toronto."),
        ref("p3", [("Quigley", "S.")], None, raw="Quigley S. Digging. Accessed 2 May 2021."),
    ]
    links = link_citations(find_citations("(Parks, 1922; Parks, 1923; Quigley, 2021)"), refs)
    assert [(lk.status, lk.targets) for lk in links] == [
        ("resolved", ("p1",)),
        ("resolved", ("p2",)),
        ("suggested", ("p3",)),  # an access date is not the work's year
    ]
    chosen = next(cand for cand in links[0].candidates if cand.target == "p1")
    assert any("printed in the entry" in ev.detail for ev in chosen.evidence)
    assert links[2].reason.startswith("entry-without-year")


def test_exact_suffix_beats_an_entry_without_one() -> None:
    refs = [
        ref("a1", [("Campos", "J.")], 2017, year_suffix="a"),
        ref("a2", [("Campos", "J.")], 2017),
    ]
    (link,) = link_citations(find_citations("(CAMPOS, 2017a)"), refs)
    assert (link.status, link.targets) == ("resolved", ("a1",))


def test_in_press_citation_prefers_the_entry_in_press() -> None:
    refs = [
        ref(
            "n1",
            [("Pletsch", "M. D.")],
            None,
            raw="Pletsch, M. D. (2023, 17 de novembro). Palestra.",
        ),
        ref(
            "n2",
            [("Pletsch", "M. D.")],
            None,
            raw="Pletsch, M. D. (no prelo). Plano de atendimento.",
        ),
    ]
    (link,) = link_citations(find_citations("(Pletsch, no prelo)"), refs)
    assert (link.status, link.targets) == ("resolved", ("n2",))
    (link,) = link_citations(find_citations("(Pletsch, n.d.)"), refs)
    assert link.status == "ambiguous"


def test_year_taken_from_an_access_date() -> None:
    refs = [
        ref(
            "v1",
            [("Ventura", "Antoine")],
            2019,
            raw="VENTURA, Antoine. Viajeros. ELOHI, n.9. Acesso em: 19. jan. 2019. 2016.",
        ),
    ]
    (link,) = link_citations(find_citations("(Ventura, 2016)"), refs)
    assert (link.status, link.targets) == ("resolved", ("v1",))
    (link,) = link_citations(find_citations("(Ventura, 2015)"), refs)
    assert link.status == "suggested" and link.reason.startswith("year-differs")


def test_acts_of_law_link_by_type_number_and_year() -> None:
    from citekit.citations import find_legal_citations

    refs = [
        ref("l1", [], 2015, raw="Lei n° 13.146, de 6 de julho de 2015. Institui a Lei Brasileira."),
        ref(
            "l2", [], 2016, raw="Lei nº 13.409, de 28 de dezembro de 2016. Altera a Lei nº 12.711."
        ),
        ref("l3", [], 1973, raw="BRASIL. Lei n.º 6001, de 19 de dezembro de 1973. Estatuto."),
    ]
    cits = find_legal_citations("(Lei n° 13.146/2015), a Lei 6.001/1973 e a Lei nº 13.146/2016.")
    links = link_citations(cits, refs)
    assert [(lk.status, lk.targets) for lk in links] == [
        ("resolved", ("l1",)),
        ("resolved", ("l3",)),
        ("unresolved", ()),
    ]


def test_suffixed_year_printed_in_an_entry_read_with_another_year() -> None:
    raw = "Sadoul, G. Dictionary of Films. Berkeley: UCP, 1972b. (First published Paris: Seuil, 1965)."
    refs = [
        ref("y1", [("Sadoul", "G.")], 1972, year_suffix="a", raw="Sadoul, G. Film Makers. 1972a."),
        ref("y2", [("Sadoul", "G.")], 1965, raw=raw),  # the parser read the original date
    ]
    links = link_citations(find_citations("(Sadoul, 1972b; Sadoul, 1972c)"), refs)
    assert [(lk.status, lk.targets) for lk in links] == [
        ("resolved", ("y2",)),
        ("suggested", ("y1",)),
    ]
