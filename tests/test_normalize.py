"""Normalizers, each with a table of real cases, and build_reference on hand-built segments."""

from __future__ import annotations

import pytest
from segments import segments_of

from citekit.model import Name, Reference, Segment, Span
from citekit.normalize import (
    DateInfo,
    build_reference,
    clean_field,
    expand_pages,
    find_doi,
    find_url,
    guess_type,
    normalize_pages,
    parse_accessed,
    parse_date,
    parse_edition,
    parse_translators,
    parse_volume_issue,
    repair_segments,
    split_description,
)


@pytest.mark.parametrize(
    ("text", "year", "suffix", "iso"),
    [
        ("2014", 2014, "", "2014"),
        ("(2012a).", 2012, "a", "2012"),
        ("2012b,", 2012, "b", "2012"),
        ("1997 a,", 1997, "a", "1997"),
        ("2011/1979.", 2011, "", "2011"),  # an edition and its original
        ("Septemer/October 2014,", 2014, "", "2014"),
        ("September 2014", 2014, "", "2014-09"),
        ("Sept. 2014", 2014, "", "2014-09"),
        ("14 February 2021", 2021, "", "2021-02-14"),
        ("February 14, 2021", 2021, "", "2021-02-14"),
        ("2019-03-07", 2019, "", "2019-03-07"),
        ("12.05.2003", 2003, "", "2003-05-12"),
        # NLM/Vancouver: year, month, day
        ("2020 Mar 5;", 2020, "", "2020-03-05"),
        ("2019 Jan;", 2019, "", "2019-01"),
        ("2018 Jan-Feb;", 2018, "", "2018"),
        ("1961 Random House", 1961, "", "1961"),
        # APA: year, then month and day after a comma; a word that only starts like a month is not one
        ("(2019, June 8).", 2019, "", "2019-06-08"),
        ("(2004, May).", 2004, "", "2004-05"),
        ("(1989, Sept 1).", 1989, "", "1989-09-01"),
        ("Okafor 2014, Marine Policy 12", 2014, "", "2014"),
        # a year range belongs to a title, not the date
        ("Regimes, 1967-1977. Boulder: Westview, 1980", 1980, "", "1980"),
        ("in 2007–2008 and 2015", 2015, "", "2015"),
        ("Report 2017, 17", 2017, "", "2017"),
        ("no date", None, "", None),
        ("", None, "", None),
        # day, month and year in other languages
        ("3 de marzo de 2021", 2021, "", "2021-03-03"),
        ("14 de março de 2020", 2020, "", "2020-03-14"),
        ("12. Mai 2020", 2020, "", "2020-05-12"),
        ("12 gennaio 2019", 2019, "", "2019-01-12"),
        ("1º de outubro de 2018", 2018, "", "2018-10-01"),
        # a year before a full date is the publication's; the full date is another
        ("2014, 8 de abril de 2016;", 2014, "", "2014"),
    ],
)
def test_parse_date(text: str, year: int | None, suffix: str, iso: str | None) -> None:
    d = parse_date(text)
    assert (d.year, d.suffix, d.iso) == (year, suffix, iso)


@pytest.mark.parametrize(
    "marker", ["n.d.", "(s.f.).", "(s. f.)", "s.d.", "(o. J.)", "sin fecha", "sem data"]
)
def test_no_date_marker(marker: str) -> None:
    assert parse_date(marker) == DateInfo(no_date=True)


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("Available at: accessed 14 February 2021", "2021-02-14"),
        ("Accessed on 3 March 2020.", "2020-03-03"),
        ("retrieved January 5, 2019, from https://example.org", "2019-01-05"),
        ("[accessed 2021-02-14]", "2021-02-14"),
        ("London: NICE; 2019 [cited 2024 Jan 10]. Available from: https://x.org", "2024-01-10"),
        ("accessed 2021", None),  # a year alone is not an access date
        ("Recuperado el 3 de marzo de 2021, de https://example.org", "2021-03-03"),
        ("Consultado el 3 de marzo de 2021", "2021-03-03"),
        ("Acesso em: 14 mar. 2020.", "2020-03-14"),
        ("abgerufen am 12. Mai 2020", "2020-05-12"),
        ("consulté le 12 mai 2020", "2020-05-12"),
        ("no access note here", None),
    ],
)
def test_parse_accessed(text: str, iso: str | None) -> None:
    assert parse_accessed(text) == iso


@pytest.mark.parametrize(
    ("text", "pages"),
    [
        ("168-176", "168-176"),
        ("pp. 168–176", "168-176"),
        ("1433-40", "1433-1440"),
        ("1433–9", "1433-1439"),
        ("592-94", "592-594"),
        ("p. 12", "12"),
        ("pp 99--105.", "99-105"),
        ("e1003", "e1003"),
        ("S. 45-7", "45-47"),
        ("215", "215"),
        ("1-31", "1-31"),
        ("", None),
    ],
)
def test_normalize_pages(text: str, pages: str | None) -> None:
    assert normalize_pages(text) == pages


@pytest.mark.parametrize(
    ("first", "last", "full"),
    [("1433", "40", "1440"), ("99", "105", "105"), ("1433", "1440", "1440"), ("198", "9", "199")],
)
def test_expand_pages(first: str, last: str, full: str) -> None:
    assert expand_pages(first, last) == full


@pytest.mark.parametrize(
    ("text", "edition"),
    [
        ("fifth edition,", "5"),
        ("2nd ed.", "2"),
        # a word between the number and the edition
        ("3., überarb. Aufl.", "3"),
        ("2. erw. und aktualis. Aufl.", "2"),
        ("2nd rev. ed.", "2"),
        ("3rd edn", "3"),
        ("Second Edition", "2"),
        ("4. Aufl.", "4"),
        ("2.ª ed.", "2"),
        ("(3.ª edición)", "3"),
        ("2a ed.", "2"),
        ("3e éd.", "3"),
        ("zweite Auflage", "zweite Auflage"),
        ("Rev. ed.", "Rev"),
        ("", None),
    ],
)
def test_parse_edition(text: str, edition: str | None) -> None:
    assert parse_edition(text) == edition


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("vol. 28, no. 4,", ("28", "4")),
        ("28(4)", ("28", "4")),
        ("no. 3,", (None, "3")),
        ("Vol. 12", ("12", None)),
        ("41", ("41", None)),
        ("issue 7", (None, "7")),
        ("№ 3.", (None, "3")),
        ("т. 5, № 2", ("5", "2")),
        ("v.87 N 8", ("87", "8")),
        ("n° 82", (None, "82")),
        ("vol. 39, n.º 6", ("39", "6")),
        ("Bd. 53, H. 3", ("53", "3")),
        ("41, no. S1", ("41", "S1")),
        ("n° 54, vol. 1,", ("1", "54")),
        ("5.Jg/Heft 3,", ("5", "3")),
        ("vol. 3, nº 4", ("3", "4")),
        ("Nr. 12", (None, "12")),
        ("", (None, None)),
    ],
)
def test_parse_volume_issue(text: str, expected: tuple[str | None, str | None]) -> None:
    assert parse_volume_issue(text) == expected


@pytest.mark.parametrize(
    ("text", "doi", "url"),
    [
        ("Science 333, 592. doi:10.1126/science.1209264.", "10.1126/science.1209264", None),
        ("https://doi.org/10.1016/j.euras.2012.03.008", "10.1016/j.euras.2012.03.008", None),
        ("see (https://example.org/a_b?x=1).", None, "https://example.org/a_b?x=1"),
        ("www.rand.org/pubs/RR1826.html, accessed", None, "http://www.rand.org/pubs/RR1826.html"),
        (
            "10.1002/(SICI)1097-4571(199806)49:8<693::AID-ASI4>3.0.CO;2-O",
            "10.1002/(SICI)1097-4571(199806)49:8",
            None,
        ),
        ("no identifiers", None, None),
    ],
)
def test_find_doi_and_url(text: str, doi: str | None, url: str | None) -> None:
    assert find_doi(text) == doi
    assert find_url(text) == url


@pytest.mark.parametrize(
    ("value", "clean"),
    [
        ("The foreign policy of Russia,", "The foreign policy of Russia"),
        ("“Soft Power”.", "Soft Power"),
        ("Is China winning the “new great game”?.", "Is China winning the “new great game”?"),
        ("From the“forgotten region”to the", "From the “forgotten region” to the"),
        ("Centre for European policy studies (CEPS)", "Centre for European policy studies (CEPS)"),
        ("(Brussels)", "Brussels"),
        # brackets around a value that punctuation follows ("14(10), 105003")
        ("(10):", "10"),
        ("(3),", "3"),
        ("(Suppl 2):", "Suppl 2"),
        ("[Motion picture].", "Motion picture"),
        ("(Hart) (2nd ed.)", "(Hart) (2nd ed.)"),
        ("  spaced   out ; ", "spaced out"),
        # a bracket whose partner ended up in the next field (APA's thesis genre)
        ("[Doctoral dissertation,", "Doctoral dissertation"),
        ("University College Dublin].", "University College Dublin"),
        ("University College Dublin]", "University College Dublin"),
        ("Report (CEPS)", "Report (CEPS)"),
        ("f(x)", "f(x)"),
    ],
)
def test_clean_field(value: str, clean: str) -> None:
    assert clean_field(value) == clean


def _ref(**fields: object) -> Reference:
    return Reference(id="r", raw=str(fields.pop("raw", "")), span=Span(0, 0), **fields)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        (
            {
                "title": "T",
                "container_title": "Journal of Eurasian Studies",
                "issue": "3",
                "pages": "168-176",
            },
            "article-journal",
        ),
        (
            {
                "title": "T",
                "container_title": "Foreign Affairs",
                "raw": "Foreign Affairs, Septemer/October 2014",
            },
            "article-journal",
        ),
        (
            {"title": "T", "publisher": "Public Affairs", "location": "New York", "year": 2004},
            "book",
        ),
        ({"title": "T", "event": "RAPN Congress", "location": "Moscow"}, "paper-conference"),
        ({"title": "T", "publisher": "RAND", "genre": "Report"}, "report"),
        (
            {
                "title": "T",
                "publisher": "Center for Strategic and International Studies",
                "pages": "1-31",
                "year": 2012,
            },
            "report",
        ),
        ({"title": "T", "accessed": "2021-02-14", "publisher": "Brookings"}, "webpage"),
        ({"title": "China Will Have Military Bases"}, "webpage"),
        ({"title": "T", "genre": "PhD thesis", "publisher": "University of Leeds"}, "thesis"),
        # a genre names the kind of work in any language
        ({"title": "T", "genre": "Diplomarbeit", "publisher": "TU Wien"}, "thesis"),
        ({"title": "T", "genre": "Thèse de doctorat", "publisher": "Université de Lyon"}, "thesis"),
        ({"title": "T", "genre": "EdD diss", "publisher": "Columbia University"}, "thesis"),
        ({"title": "T", "genre": "Tesi di laurea magistrale", "year": 2019}, "thesis"),
        ({"title": "T", "genre": "Dissertação (Mestrado em Enfermagem)"}, "thesis"),
        (
            {"title": "T", "genre": "Tech. rep. STAN-CS-TR-94-1511", "publisher": "Stanford"},
            "report",
        ),
        ({"title": "T", "genre": "TR 95-90", "publisher": "Cornell University"}, "report"),
        ({"title": "T", "genre": "Internet-Draft", "year": 2003}, "report"),
        # ... but not a word that only contains one
        ({"title": "T", "genre": "Score", "publisher": "Bärenreiter"}, "book"),
        ({"title": "T", "genre": "Hypothesen", "publisher": "Piper"}, "book"),
        (
            {
                "title": "T",
                "container_title": "Handbook of Cities",
                "raw": "In: Smith, J. (ed.) Handbook of Cities",
                "publisher": "Sage",
            },
            "chapter",
        ),
        (
            {  # a chapter in one volume of a multi-volume edited work
                "title": "T",
                "container_title": "Gale encyclopedia of mental disorders",
                "editors": (Name("Thackery", "E."),),
                "volume": "1",
                "pages": "226-228",
                "publisher": "Gale",
            },
            "chapter",
        ),
        (
            {
                "title": "T",
                "container_title": "Deep Drilling in Crystalline Bedrock",
                "raw": "In: Boden, A., eds., Deep Drilling in Crystalline Bedrock, v. 1, Springer",
                "volume": "1",
                "pages": "148-155",
                "publisher": "Springer",
            },
            "chapter",
        ),
        (  # editors of a journal's special issue, with no publisher, stay an article
            {
                "title": "T",
                "container_title": "Architectural Design",
                "editors": (Name("Oxman", "R."),),
                "volume": "80",
                "issue": "4",
            },
            "article-journal",
        ),
        (
            {"title": "T", "container_title": "Proceedings of the ACL", "pages": "1-9"},
            "paper-conference",
        ),
        # IEEE's abbreviated proceedings, and journals that are called proceedings
        (
            {"title": "T", "container_title": "Proc. IEEE Int. Conf. Robotics and Automation"},
            "paper-conference",
        ),
        ({"title": "T", "container_title": "Proc. IJCAI", "pages": "1-7"}, "paper-conference"),
        (
            {"title": "T", "container_title": "IEEE Int. Conf. on Acoustics", "volume": "3"},
            "paper-conference",
        ),
        (
            {"title": "T", "container_title": "Proc. Natl. Acad. Sci. USA", "volume": "95"},
            "article-journal",
        ),
        (
            {"title": "T", "container_title": "Proceedings of the IEEE", "volume": "77"},
            "article-journal",
        ),
        (
            {"title": "T", "container_title": "Proceedings of the Royal Society A", "volume": "4"},
            "article-journal",
        ),
        ({"title": "T", "container_title": "Stoch. Proc. Appl.", "volume": "6"}, "article-journal"),
        (
            {"title": "T", "container_title": "Nucl. Phys. (Proc. Suppl.)", "volume": "48"},
            "article-journal",
        ),
        # APA's bracketed descriptions of other kinds of work
        ({"title": "T", "genre": "[Data set]", "publisher": "ICPSR"}, "dataset"),
        ({"title": "T", "genre": "Computer software", "publisher": "Posit"}, "software"),
        ({"title": "T", "genre": "US patent 4 0054 881", "year": 1977}, "patent"),
        (
            {"title": "T", "genre": "[Motion picture]", "publisher": "Warner Bros."},
            "motion_picture",
        ),
        ({"title": "T", "genre": "[DVD]", "year": 2004}, "motion_picture"),
        ({"title": "T", "genre": "[Video game]", "publisher": "Nintendo"}, "software"),
        ({"title": "T", "genre": "[Filmmaking handbook]", "year": 2004}, "book"),
        # a preprint or an unpublished paper, said by the note or the genre, not the title
        ({"title": "T", "note": "Preprint, arXiv:1306.5364", "year": 2013}, "article"),
        ({"title": "T", "note": "ArXiv, abs/1911.03842"}, "article"),
        ({"title": "T", "genre": "Manuscript", "year": 1995}, "manuscript"),
        ({"title": "T", "note": "Submitted", "year": 1998}, "manuscript"),
        ({"title": "The Voynich Manuscript", "year": 2016}, "book"),
        (
            {"title": "T", "note": "arXiv:1502.01589", "container_title": "Phys. Rev. D"},
            "article-journal",
        ),
        # an imprint beside a link: published online, a report unless a book publisher issued it
        (
            {
                "title": "T",
                "url": "https://x.org/r.pdf",
                "location": "London",
                "publisher": "Community Energy England",
            },
            "report",
        ),
        (
            {
                "title": "T",
                "url": "https://x.org/b",
                "location": "Cambridge",
                "publisher": "Cambridge University Press",
            },
            "book",
        ),
        (
            {"title": "T", "url": "https://x.org/p", "publisher": "Community Energy England"},
            "webpage",
        ),
        # a container with a link but no volume, issue or pages: a website's page, a newspaper's article
        (
            {"title": "T", "container_title": "Salar Sound Archive", "url": "https://x.org/v"},
            "webpage",
        ),
        (
            {"title": "T", "container_title": "The Guardian", "url": "https://x.org/g"},
            "article-newspaper",
        ),
        (
            {
                "title": "T",
                "container_title": "Ecological Informatics",
                "url": "https://doi.org/10.1/x",
                "doi": "10.1/x",
            },
            "article-journal",
        ),
        ({}, "document"),
    ],
)
def test_guess_type(fields: dict[str, object], expected: str) -> None:
    assert guess_type(_ref(**fields)) == expected


def test_build_reference_book_with_edition_and_page_count() -> None:
    text = "Okafor Tunde, Lind Petra, Bridges of the North, third edition, Harbour Press, Bristol, 2014, 215"
    segs = segments_of(
        text,
        [
            ("author", "Okafor Tunde, Lind Petra,"),
            ("title", "Bridges of the North,"),
            ("edition", "third edition,"),
            ("publisher", "Harbour Press,"),
            ("location", "Bristol,"),
            ("date", "2014,"),
            ("pages", "215"),
        ],
    )
    ref = build_reference(text, segs, order="family-first")
    assert [(a.family, a.given) for a in ref.authors] == [("Okafor", "Tunde"), ("Lind", "Petra")]
    assert ref.title == "Bridges of the North"
    assert (ref.edition, ref.publisher, ref.location, ref.year) == (
        "3",
        "Harbour Press",
        "Bristol",
        2014,
    )
    assert ref.number_of_pages == "215" and ref.pages is None
    assert ref.type == "book"
    assert ref.confidence > 0.8


def test_build_reference_journal_article() -> None:
    text = "Nguyen, L., 2015, Flood markers as public history, Urban History Review, 44(1), 12-30"
    segs = segments_of(
        text,
        [
            ("author", "Nguyen, L.,"),
            ("date", "2015,"),
            ("title", "Flood markers as public history,"),
            ("container-title", "Urban History Review,"),
            ("volume", "44(1),"),
            ("pages", "12-30"),
        ],
    )
    ref = build_reference(text, segs)
    assert (ref.volume, ref.issue, ref.pages, ref.type) == ("44", "1", "12-30", "article-journal")


def test_build_reference_drops_a_volume_marker_left_on_the_container() -> None:
    text = "Schmidt, P. (2009): Kaimauern. In: Becker, L. (Hrsg.): Handbuch. Bd. 2. Stuttgart: Steiner."
    segs = segments_of(
        text,
        [
            ("author", "Schmidt, P."),
            ("date", "(2009):"),
            ("title", "Kaimauern."),
            ("editor", "In: Becker, L. (Hrsg.):"),
            ("container-title", "Handbuch. Bd."),
            ("volume", "2."),
            ("location", "Stuttgart:"),
            ("publisher", "Steiner."),
        ],
    )
    ref = build_reference(text, segs)
    assert (ref.container_title, ref.volume, ref.type) == ("Handbuch", "2", "chapter")


def test_build_reference_issue_tagged_apart_with_its_brackets() -> None:
    # As the tagger labels APA and Vancouver: "(10):" is the issue, brackets and all.
    text = "Kowalski M, Nguyen TL. Salt intake. N Engl J Med 2020 Mar 5;382(10):915-24."
    segs = segments_of(
        text,
        [
            ("author", "Kowalski M, Nguyen TL."),
            ("title", "Salt intake."),
            ("container-title", "N Engl J Med"),
            ("date", "2020 Mar 5;"),
            ("volume", "382"),
            ("issue", "(10):"),
            ("pages", "915-24."),
        ],
    )
    ref = build_reference(text, segs)
    assert (ref.volume, ref.issue, ref.pages, ref.date) == ("382", "10", "915-924", "2020-03-05")


def test_build_reference_nlm_web_page() -> None:
    text = (
        "NICE. Hypertension in adults [Internet]. London: NICE; 2019 [cited 2024 Jan 10]. "
        "Available from: https://www.nice.org.uk/guidance/ng136"
    )
    segs = segments_of(
        text,
        [
            ("author", "NICE."),
            ("title", "Hypertension in adults [Internet]."),
            ("location", "London:"),
            ("publisher", "NICE;"),
            ("date", "2019"),
            ("note", "[cited 2024 Jan 10]. Available from:"),
            ("url", "https://www.nice.org.uk/guidance/ng136"),
        ],
    )
    ref = build_reference(text, segs)
    assert (ref.title, ref.accessed, ref.note) == ("Hypertension in adults", "2024-01-10", None)


def test_build_reference_editors_marked_in_the_author_segment() -> None:
    text = "SANTOS, Boaventura; MENESES, Maria (Orgs.). Epistemologias do Sul. São Paulo: Cortez, 2010."
    segs = segments_of(
        text,
        [
            ("author", "SANTOS, Boaventura; MENESES, Maria (Orgs.)."),
            ("title", "Epistemologias do Sul."),
            ("location", "São Paulo:"),
            ("publisher", "Cortez,"),
            ("date", "2010."),
        ],
    )
    ref = build_reference(text, segs)
    assert ref.authors == ()
    assert [(n.family, n.given) for n in ref.editors] == [
        ("Santos", "Boaventura"),
        ("Meneses", "Maria"),
    ]
    assert ref.type == "book"


def test_build_reference_drops_available_at_in_other_languages() -> None:
    text = "IBGE. Censo 2010. Rio de Janeiro: IBGE, 2011. Disponível em: https://www.ibge.gov.br."
    segs = segments_of(
        text,
        [
            ("author", "IBGE."),
            ("title", "Censo 2010."),
            ("location", "Rio de Janeiro:"),
            ("publisher", "IBGE,"),
            ("date", "2011."),
            ("note", "Disponível em:"),
            ("url", "https://www.ibge.gov.br."),
        ],
    )
    ref = build_reference(text, segs)
    assert (ref.note, ref.url) == (None, "https://www.ibge.gov.br")


def test_repairs_fix_common_boundary_errors() -> None:
    text = "Holt, M., Allotments, second edition, M.E. Parish, Leeds, 1988"
    segs = segments_of(
        text,
        [
            ("author", "Holt, M.,"),
            ("title", "Allotments,"),
            ("edition", "second edition, M"),
            ("publisher", ".E. Parish,"),
            ("location", "Leeds,"),
            ("date", "1988"),
        ],
    )
    fixed = {s.label: s.text for s in repair_segments(text, segs)}
    assert fixed["edition"] == "second edition,"
    assert fixed["publisher"] == "M.E. Parish,"

    text = "Pereira, Jo, How to plant trees in cities,"
    segs = segments_of(
        text,
        [
            ("author", "Pereira,"),
            ("title", "Jo, How to plant trees"),
            ("container-title", "in cities,"),
        ],
    )
    fixed = {s.label: s.text for s in repair_segments(text, segs)}
    assert fixed == {"author": "Pereira, Jo,", "title": "How to plant trees in cities,"}

    text = "Abara, C., Who owns a garden, Harbour"
    segs = segments_of(
        text, [("author", "Abara, C.,"), ("title", "Who owns a"), ("publisher", "garden, Harbour")]
    )
    fixed = [(s.label, s.text) for s in repair_segments(text, segs)]
    assert fixed[1] == ("title", "Who owns a garden,")


def test_low_information_entry_gets_low_confidence() -> None:
    text = "ibid."
    ref = build_reference(text, (Segment("note", 0, 5, "ibid."),))
    assert ref.confidence < 0.5
    assert ref.title is None


@pytest.mark.parametrize(
    ("text", "parts", "expected"),
    [
        # a container with no title beside it is the title
        (
            "Holt Margaret, The Allotment Ledgers, Parish Press, 1988",
            [
                ("author", "Holt Margaret,"),
                ("container-title", "The Allotment Ledgers,"),
                ("publisher", "Parish Press,"),
                ("date", "1988"),
            ],
            {"title": "The Allotment Ledgers", "container_title": None, "type": "book"},
        ),
        # a corporate author read as a title before the date
        (
            "Leeds City Council, 2018. Allotment strategy. Available at: accessed 12 January 2021",
            [
                ("title", "Leeds City Council,"),
                ("date", "2018."),
                ("title", "Allotment strategy."),
                ("publisher", "Available at: accessed 12"),
                ("date", "January 2021"),
            ],
            {
                "authors": "Leeds City Council",
                "title": "Allotment strategy",
                "year": 2018,
                "publisher": None,
                "accessed": "2021-01-12",
                "type": "webpage",
            },
        ),
        # a corporate author run into the title
        (
            "World Garden Trust, Annual review of town gardens 2018, WGT Report, Leeds, 2018",
            [
                ("title", "World Garden Trust, Annual review of town gardens 2018,"),
                ("publisher", "WGT Report,"),
                ("location", "Leeds,"),
                ("date", "2018"),
            ],
            {
                "authors": "World Garden Trust",
                "title": "Annual review of town gardens 2018",
                "publisher": "WGT",
                "genre": "Report",
                "type": "report",
            },
        ),
        # an edition phrase tagged as a note; words between title and imprint tagged as a note
        (
            "Holt, M., Gardens: Older, Wiser, and Greener, Parish Press, Leeds, 1988",
            [
                ("author", "Holt, M.,"),
                ("title", "Gardens: Older,"),
                ("note", "Wiser, and Greener,"),
                ("publisher", "Parish Press,"),
                ("location", "Leeds,"),
                ("date", "1988"),
            ],
            {"title": "Gardens: Older, Wiser, and Greener", "note": None},
        ),
        (
            "Holt, M., Gardens, third edition, Parish Press, Leeds, 1988",
            [
                ("author", "Holt, M.,"),
                ("title", "Gardens,"),
                ("note", "third edition,"),
                ("publisher", "Parish Press,"),
                ("location", "Leeds,"),
                ("date", "1988"),
            ],
            {"title": "Gardens", "edition": "3", "note": None},
        ),
        # explicit "vol."/"no." markers win over a split tagging
        (
            "Abara, C., Gardens, Urban Affairs, vol. 41, no. 6, 2019, 800-15",
            [
                ("author", "Abara, C.,"),
                ("title", "Gardens,"),
                ("container-title", "Urban Affairs, vol."),
                ("volume", "41,"),
                ("issue", "no. 6,"),
                ("date", "2019,"),
                ("pages", "800-15"),
            ],
            {
                "container_title": "Urban Affairs",
                "volume": "41",
                "issue": "6",
                "pages": "800-815",
                "type": "article-journal",
            },
        ),
        # a title cut on a comma, its rest read as a place and as the head of the publisher
        (
            "Holt, M., Gardens: Older, Wiser, Greener, and Kinder, Parish Press, Leeds, 1988",
            [
                ("author", "Holt, M.,"),
                ("title", "Gardens: Older,"),
                ("location", "Wiser, Greener"),
                ("publisher", ", and Kinder, Parish Press,"),
                ("location", "Leeds,"),
                ("date", "1988"),
            ],
            {
                "title": "Gardens: Older, Wiser, Greener, and Kinder",
                "publisher": "Parish Press",
                "location": "Leeds",
            },
        ),
        # the title read as a last author; a corporate name and title read as one container
        (
            "Holt Margaret, Allotment Ledgers, Parish Press, Leeds, 1988",
            [
                ("author", "Holt Margaret, Allotment Ledgers,"),
                ("publisher", "Parish Press,"),
                ("location", "Leeds,"),
                ("date", "1988"),
            ],
            {"authors": "Holt", "title": "Allotment Ledgers", "type": "book"},
        ),
        (
            "World Garden Trust, Gardens and Health, Parish Press, Leeds, 2013",
            [
                ("container-title", "World Garden Trust, Gardens and Health,"),
                ("publisher", "Parish Press,"),
                ("location", "Leeds,"),
                ("date", "2013"),
            ],
            {"authors": "World Garden Trust", "title": "Gardens and Health", "type": "book"},
        ),
        # the publisher run into the edition
        (
            "Holt, M., Gardens, second edition, Parish Press, Leeds, 1988",
            [
                ("author", "Holt, M.,"),
                ("title", "Gardens,"),
                ("edition", "second edition, Parish Press,"),
                ("location", "Leeds,"),
                ("date", "1988"),
            ],
            {"edition": "2", "publisher": "Parish Press", "type": "book"},
        ),
        # a year range after the title belongs to it; the later year is the date
        (
            "Keane, R., Regimes of the North, 1967-1977. Leeds: Parish Press, 1980",
            [
                ("author", "Keane, R.,"),
                ("title", "Regimes of the North,"),
                ("date", "1967-1977."),
                ("location", "Leeds:"),
                ("publisher", "Parish Press,"),
                ("date", "1980"),
            ],
            {"title": "Regimes of the North, 1967-1977", "year": 1980},
        ),
        # Russian (GOST) punctuation: "//" before the journal, "№" for the issue
        (
            "Иванов И.И. Внешняя политика России // Международная жизнь. 2015. № 3. С. 45–60.",
            [
                ("author", "Иванов И.И."),
                ("title", "Внешняя политика России // Международная жизнь."),
                ("date", "2015."),
                ("genre", "№ 3."),
                ("pages", "С. 45–60."),
            ],
            {
                "authors": "Иванов",
                "title": "Внешняя политика России",
                "container_title": "Международная жизнь",
                "issue": "3",
                "pages": "45-60",
                "type": "article-journal",
            },
        ),
        # a title and its journal read as one container
        (
            "Abara, C., Community gardens and civic life, Urban Affairs, vol. 41, 2019, 800-815",
            [
                ("author", "Abara, C.,"),
                ("container-title", "Community gardens and civic life, Urban Affairs,"),
                ("volume", "vol. 41,"),
                ("date", "2019,"),
                ("pages", "800-815"),
            ],
            {
                "title": "Community gardens and civic life",
                "container_title": "Urban Affairs",
                "type": "article-journal",
            },
        ),
        # a report line run into the title
        (
            "Holt, M., Allotments in the North, WGT Report, Leeds, 2018",
            [
                ("author", "Holt, M.,"),
                ("title", "Allotments in the North, WGT Report,"),
                ("location", "Leeds,"),
                ("date", "2018"),
            ],
            {
                "title": "Allotments in the North",
                "publisher": "WGT",
                "genre": "Report",
                "type": "report",
            },
        ),
        (
            "Abara, C., Gardens, in Urban Affairs, no. 6, 2019, 800-815",
            [
                ("author", "Abara, C.,"),
                ("title", "Gardens, in"),
                ("container-title", "Urban Affairs,"),
                ("volume", "no."),
                ("issue", "6,"),
                ("date", "2019,"),
                ("pages", "800-815"),
            ],
            {"title": "Gardens", "container_title": "Urban Affairs", "volume": None, "issue": "6"},
        ),
        (
            # ACS style: a title that opens with a hyphenated word the tagger cut in two
            "Okafor, T. A.; Lindqvist, S. Copper-Catalyzed Coupling in Water. J. Am. Chem. Soc. 2019, 141, 1234-1240.",
            [
                ("author", "Okafor, T. A.; Lindqvist, S. Copper-"),
                ("title", "Catalyzed Coupling in Water."),
                ("container-title", "J. Am. Chem. Soc."),
                ("date", "2019,"),
                ("volume", "141,"),
                ("pages", "1234-1240."),
            ],
            {"authors": "Okafor; Lindqvist", "title": "Copper-Catalyzed Coupling in Water"},
        ),
        (
            # APA 7 software: version and description leave the title; the host publishes
            "Nakamura, K. (2018). harbour-sim: A simulator (Version 2.1.0) [Computer software]. GitHub.",
            [
                ("author", "Nakamura, K."),
                ("date", "(2018)."),
                ("title", "harbour-sim: A simulator (Version 2.1.0) [Computer software]."),
                ("container-title", "GitHub."),
            ],
            {
                "title": "harbour-sim: A simulator",
                "version": "2.1.0",
                "genre": "Computer software",
                "type": "software",
                "publisher": "GitHub",
                "container_title": None,
            },
        ),
        (
            "Lindqvist, S. (2020). Port sediment survey 2019 [Data set]. Zenodo.",
            [
                ("author", "Lindqvist, S."),
                ("date", "(2020)."),
                ("title", "Port sediment survey 2019 [Data set]."),
                ("container-title", "Zenodo."),
            ],
            {
                "title": "Port sediment survey 2019",
                "type": "dataset",
                "publisher": "Zenodo",
                "year": 2020,
            },
        ),
        (
            # a report's number: "No. 2017-04" whole, apart from the kind of report
            "Al-Farsi, A. (2017). Desalination (Working Paper No. 2017-04). Gulf Policy Institute.",
            [
                ("author", "Al-Farsi, A."),
                ("date", "(2017)."),
                ("title", "Desalination"),
                ("genre", "(Working Paper No. 2017-04)."),
                ("publisher", "Gulf Policy Institute."),
            ],
            {"genre": "Working Paper", "issue": "2017-04", "type": "report", "year": 2017},
        ),
        (
            # a volume tagged with the pages after it, in a reference with no volume
            "Wegkamp, M. H. (1999). Quasi-universal bandwidth selection. Canad. J. Statist. 27 409--420.",
            [
                ("author", "Wegkamp, M. H."),
                ("date", "(1999)."),
                ("title", "Quasi-universal bandwidth selection."),
                ("container-title", "Canad. J. Statist."),
                ("pages", "27 409--420."),
            ],
            {"volume": "27", "pages": "409-420"},
        ),
        (
            # ... or with the year after it
            "Cépa, E. Brownian particles. E. S. A. I. M: Probability and Statistics. 5. 2001, 203-224.",
            [
                ("author", "Cépa, E."),
                ("title", "Brownian particles."),
                ("container-title", "E. S. A. I. M: Probability and Statistics."),
                ("date", "5. 2001,"),
                ("pages", "203-224."),
            ],
            {"volume": "5", "year": 2001, "pages": "203-224"},
        ),
        (
            # a body opening the reference is its author, though tagged publisher; the report's
            # title tagged genre is its title; the access date in the date is not the year
            "European Environment Agency. Air quality in Europe — 2020 report [Internet]. Luxembourg: "
            "Publications Office of the European Union; 2020 [cited 2024 Jan 10]. (EEA Report No. "
            "09/2020). Available from: https://www.eea.europa.eu/air",
            [
                ("publisher", "European Environment Agency."),
                ("genre", "Air quality in Europe — 2020 report [Internet]."),
                ("location", "Luxembourg:"),
                ("publisher", "Publications Office of the European Union;"),
                ("date", "2020 [cited 2024 Jan 10]."),
                ("note", "(EEA Report No. 09/2020). Available from:"),
                ("url", "https://www.eea.europa.eu/air"),
            ],
            {
                "authors": "European Environment Agency",
                "title": "Air quality in Europe — 2020 report",
                "publisher": "Publications Office of the European Union",
                "year": 2020,
                "date": None,
                "accessed": "2024-01-10",
                # a report published online, its number kept, the link's announcement dropped
                "type": "report",
                "issue": "09/2020",
                "note": "(EEA Report No. 09/2020)",
            },
        ),
        (
            # a "date" that is an access note is the access date, not the publication's
            "INSTITUTO DE ESTUDOS. Formação de Preço. Disponível em: <http://x.org/p>. Acesso em 28 de novembro de 2017.",
            [
                ("author", "INSTITUTO DE ESTUDOS."),
                ("title", "Formação de Preço."),
                ("note", "Disponível em:"),
                ("url", "<http://x.org/p>."),
                ("date", "Acesso em 28 de novembro de 2017."),
            ],
            {"year": None, "accessed": "2017-11-28", "url": "http://x.org/p"},
        ),
        (
            # Spanish APA: "s.f." is n.d.; the year of "Recuperado el ..." is not the work's
            "Okafor, C. (s.f.). La orilla. Recuperado el 3 de marzo de 2021, de https://example.org/orilla",
            [
                ("author", "Okafor, C."),
                ("date", "(s.f.)."),
                ("title", "La orilla."),
                ("note", "Recuperado el 3 de marzo de 2021, de"),
                ("url", "https://example.org/orilla"),
            ],
            {"year": None, "accessed": "2021-03-03", "title": "La orilla"},
        ),
        (
            # an abbreviated journal title keeps the period of its last word; a full one loses it
            "G. Gallego, Event-based vision, IEEE Trans. Pattern Anal. Mach. Intell., vol. 44, 2022.",
            [
                ("author", "G. Gallego,"),
                ("title", "Event-based vision,"),
                ("container-title", "IEEE Trans. Pattern Anal. Mach. Intell.,"),
                ("volume", "vol. 44,"),
                ("date", "2022."),
            ],
            {"container_title": "IEEE Trans. Pattern Anal. Mach. Intell.", "volume": "44"},
        ),
        (
            "Lindqvist, S. (2011). Salt roads. Journal of Mountain Trade. 12, 201-230.",
            [
                ("author", "Lindqvist, S."),
                ("date", "(2011)."),
                ("title", "Salt roads."),
                ("container-title", "Journal of Mountain Trade."),
                ("volume", "12,"),
                ("pages", "201-230."),
            ],
            {"container_title": "Journal of Mountain Trade"},
        ),
        (
            # NLM: "[Internet]" is no genre; the access date follows an update date
            "Health and Safety Executive. Temperature in the workplace [Internet]. Bootle: HSE; 2023 Jul 14 "
            "[updated 2023 Aug 1; cited 2024 Feb 2]. Available from: https://www.hse.gov.uk/temperature/",
            [
                ("author", "Health and Safety Executive."),
                ("title", "Temperature in the workplace"),
                ("genre", "[Internet]."),
                ("location", "Bootle:"),
                ("publisher", "HSE;"),
                ("date", "2023 Jul 14 [updated 2023 Aug 1; cited 2024 Feb 2]."),
                ("note", "Available from:"),
                ("url", "https://www.hse.gov.uk/temperature/"),
            ],
            {
                "authors": "Health and Safety Executive",
                "genre": None,
                "date": "2023-07-14",
                "accessed": "2024-02-02",
            },
        ),
        (
            # Chicago: ", ed." after a given name makes the names the editors ("Smith, Ed." is Ed Smith)
            "Moreau, Jean-Pierre, ed. 2017. Statuts. Paris: Éditions du Port.",
            [
                ("author", "Moreau, Jean-Pierre, ed."),
                ("date", "2017."),
                ("title", "Statuts."),
                ("location", "Paris:"),
                ("publisher", "Éditions du Port."),
            ],
            {"authors": "", "editors": (Name("Moreau", "Jean-Pierre"),)},
        ),
        (
            "Smith, Ed. 2017. Statuts. Paris: Port.",
            [
                ("author", "Smith, Ed."),
                ("date", "2017."),
                ("title", "Statuts."),
                ("location", "Paris:"),
                ("publisher", "Port."),
            ],
            {"authors": "Smith", "editors": ()},
        ),
        (
            # "Forthcoming." as the date: the record keeps it as its status
            'Reyes, Sofía. Forthcoming. "Guilds without Ledgers." Comparative Studies.',
            [
                ("author", "Reyes, Sofía."),
                ("date", "Forthcoming."),
                ("title", '"Guilds without Ledgers."'),
                ("container-title", "Comparative Studies."),
            ],
            {"year": None, "note": None, "status": "forthcoming"},
        ),
        (
            # GB/T 7714's electronic resource: published (…), cited […]
            "国务院. 关于加快发展的意见[EB/OL]. (2019-05-01)[2020-01-02]. http://www.gov.cn/a.htm.",
            [
                ("author", "国务院."),
                ("title", "关于加快发展的意见[EB/OL]."),
                ("date", "(2019-05-01)[2020-01-02]."),
                ("url", "http://www.gov.cn/a.htm."),
            ],
            {"year": 2019, "date": "2019-05-01", "accessed": "2020-01-02", "type": "webpage"},
        ),
        (
            # Cochrane's own form: the article number is where the pages would be
            "Rueda JR, Solà I. Interventions for the common cold. Cochrane Database of Systematic "
            "Reviews 2013, Issue 6. Art. No.: CD009257. DOI: 10.1002/14651858.CD009257.pub2.",
            [
                ("author", "Rueda JR, Solà I."),
                ("title", "Interventions for the common cold."),
                ("container-title", "Cochrane Database of Systematic Reviews"),
                ("date", "2013,"),
                ("note", "Issue 6. Art. No.: CD009257."),
                ("doi", "DOI: 10.1002/14651858.CD009257.pub2."),
            ],
            {"issue": "6", "pages": "CD009257", "note": None},
        ),
        (
            # Hindawi's "Article ID": the rest of the note stays
            "Walker B. Motion palpation. Evid Based Complement Alternat Med. 2012;2012. "
            "Article ID 815407, 6 pages.",
            [
                ("author", "Walker B."),
                ("title", "Motion palpation."),
                ("container-title", "Evid Based Complement Alternat Med."),
                ("date", "2012;"),
                ("volume", "2012."),
                ("note", "Article ID 815407, 6 pages."),
            ],
            {"pages": "815407", "note": "6 pages"},
        ),
        (
            # a note that is only a status is the status; one that says more stays a note
            "Chiang, J., Dermer, C. D., 1998, ApJ, submitted.",
            [
                ("author", "Chiang, J., Dermer, C. D.,"),
                ("date", "1998,"),
                ("container-title", "ApJ,"),
                ("note", "submitted."),
            ],
            {"note": None, "status": "submitted"},
        ),
        (
            "Eyink, G. L., Exact results on turbulence, Physica D, submitted to Phys. Rev. E.",
            [
                ("author", "Eyink, G. L.,"),
                ("title", "Exact results on turbulence,"),
                ("container-title", "Physica D,"),
                ("note", "submitted to Phys. Rev. E."),
            ],
            {"note": "submitted to Phys. Rev. E", "status": None},
        ),
        (
            # GB/T 7714: the code of the kind of work leaves the title and gives the type; a
            # book's "北京: 科学出版社" is its place and publisher
            "王小明, 张伟, 等. 港口城市产业转型路径[M]. 北京: 科学出版社, 2020: 45-60.",
            [
                ("author", "王小明, 张伟, 等."),
                ("title", "港口城市产业转型路径[M]."),
                ("container-title", "北京: 科学出版社,"),
                ("date", "2020:"),
                ("pages", "45-60."),
            ],
            {
                "title": "港口城市产业转型路径",
                "type": "book",
                "location": "北京",
                "publisher": "科学出版社",
                "container_title": None,
                "more_authors": True,
            },
        ),
        (
            "刘洋. 滨水空间再开发研究[D]. 上海: 同济大学, 2018.",
            [
                ("author", "刘洋."),
                ("title", "滨水空间再开发研究[D]."),
                ("container-title", "上海: 同济大学,"),
                ("date", "2018."),
            ],
            {"type": "thesis", "publisher": "同济大学", "location": "上海"},
        ),
        (
            "LINDQVIST S. Salt roads[J]. Journal of Andean Trade, 2011, 4(1): 12-30.",
            [
                ("author", "LINDQVIST S."),
                ("title", "Salt roads[J]."),
                ("container-title", "Journal of Andean Trade,"),
                ("date", "2011,"),
                ("volume", "4(1):"),
                ("pages", "12-30."),
            ],
            {
                "type": "article-journal",
                "title": "Salt roads",
                "container_title": "Journal of Andean Trade",
            },
        ),
        (
            # Spanish APA: an edition tagged as a genre; a working paper's kind and number
            "Quispe, A. (2011). Caminos de sal (2.ª ed.). Ediciones del Altiplano.",
            [
                ("author", "Quispe, A."),
                ("date", "(2011)."),
                ("title", "Caminos de sal"),
                ("genre", "(2.ª ed.)."),
                ("publisher", "Ediciones del Altiplano."),
            ],
            {"edition": "2", "genre": None, "type": "book"},
        ),
        (
            "BID. (2021). Cadenas andinas (Documento de trabajo N.º 1254). https://x.org/c",
            [
                ("author", "BID."),
                ("date", "(2021)."),
                ("title", "Cadenas andinas"),
                ("genre", "(Documento de trabajo N.º 1254)."),
                ("url", "https://x.org/c"),
            ],
            {"genre": "Documento de trabajo", "issue": "1254", "type": "report"},
        ),
        (
            # APA's "[Video]. YouTube." tagged as one genre: the kind of work, then its host
            "Reef Talks. (2019, June 8). Why a silent reef is a dying reef [Video]. YouTube. https://youtu.be/x",
            [
                ("author", "Reef Talks."),
                ("date", "(2019, June 8)."),
                ("title", "Why a silent reef is a dying reef"),
                ("genre", "[Video]. YouTube."),
                ("url", "https://youtu.be/x"),
            ],
            {
                "genre": "Video",
                "publisher": "YouTube",
                "date": "2019-06-08",
                "type": "motion_picture",
            },
        ),
        (
            # Harvard: the year after the name, the day and month after the newspaper
            "Higgins, C. (2003) 'Behind the scenes', The Guardian, 27 November.",
            [
                ("author", "Higgins, C."),
                ("date", "(2003)"),
                ("title", "'Behind the scenes',"),
                ("container-title", "The Guardian,"),
                ("date", "27 November."),
            ],
            {"year": 2003, "date": "2003-11-27"},
        ),
        (
            # a span of days ("11 March-27 November") is not the date
            "Di Trocchio, P 2011, Manstyle, exhibition catalogue, 11 March-27 November, NGV, Melbourne.",
            [
                ("author", "Di Trocchio, P"),
                ("date", "2011,"),
                ("title", "Manstyle,"),
                ("genre", "exhibition catalogue,"),
                ("date", "11 March-27 November,"),
                ("publisher", "NGV,"),
                ("location", "Melbourne."),
            ],
            {"year": 2011, "date": None},
        ),
    ],
)
def test_build_reference_repairs(
    text: str, parts: list[tuple[str, str]], expected: dict[str, object]
) -> None:
    ref = build_reference(text, segments_of(text, parts), order="family-first")
    for field, value in expected.items():
        if field == "authors":
            assert "; ".join(a.family for a in ref.authors) == value
        else:
            assert getattr(ref, field) == value, field


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        (
            "harbour-sim (Version 2.1.0) [Computer software]",
            ("harbour-sim", "Computer software", "2.1.0"),
        ),
        ("Port survey [Data set].", ("Port survey", "Data set", None)),
        ("Why tides turn [Video]", ("Why tides turn", "Video", None)),
        ("Harbour voices [Podcast episode]", ("Harbour voices", "Podcast episode", None)),
        ("TpsRelw (version 1.46)", ("TpsRelw", None, "1.46")),
        # a translated title in brackets is part of the title
        ("도시 재생 [Urban regeneration]", ("도시 재생 [Urban regeneration]", None, None)),
        (
            "Kentsel dönüşüm (Version 3) [Urban change]",
            ("Kentsel dönüşüm [Urban change]", None, "3"),
        ),
        ("Tides (1998)", ("Tides (1998)", None, None)),
        ("A title", ("A title", None, None)),
    ],
)
def test_split_description(title: str, expected: tuple[str, str | None, str | None]) -> None:
    assert split_description(title) == expected


@pytest.mark.parametrize(
    ("title", "year_seg", "kept_in_title"),
    [
        ("Nations and Nationalism since", "1780,", True),  # a title leading into a year
        ("Allotment Gardens in", "1919-1939.", True),  # a year range ending the title
        ("Allotment Gardens", "1936,", False),  # a plain year after a title is a date
    ],
)
def test_year_after_title_joins_the_title_only_when_the_title_leads_into_it(
    title: str, year_seg: str, kept_in_title: bool
) -> None:
    text = f"Holt, M., {title} {year_seg} Leeds Press, 1988"
    segs = segments_of(
        text,
        [
            ("author", "Holt, M.,"),
            ("title", title),
            ("date", year_seg),
            ("publisher", "Leeds Press,"),
            ("date", "1988"),
        ],
    )
    labels = [(s.label, s.text) for s in repair_segments(text, segs)]
    assert (("date", year_seg) not in labels) is kept_in_title
    ref = build_reference(text, segs)
    assert ref.year == (1988 if kept_in_title else 1936)


def test_a_bracketed_original_date_gives_way_to_the_editions() -> None:
    text = (
        "SILVA, M. Estudos do discurso [1963]. Trad. A. Souza. 4. ed. Recife: Editora Norte, 2008."
    )
    segs = segments_of(
        text,
        [
            ("author", "SILVA, M."),
            ("title", "Estudos do discurso"),
            ("date", "[1963]."),
            ("translator", "Trad. A. Souza."),
            ("edition", "4. ed."),
            ("location", "Recife:"),
            ("publisher", "Editora Norte,"),
            ("date", "2008."),
        ],
    )
    assert build_reference(text, segs).year == 2008
    # alone, the bracketed year is still the date
    alone = "SILVA, M. Estudos do discurso [1963]."
    assert (
        build_reference(
            alone,
            segments_of(
                alone,
                [("author", "SILVA, M."), ("title", "Estudos do discurso"), ("date", "[1963].")],
            ),
        ).year
        == 1963
    )


# Fields a record must keep whenever the tagger found them (pages may become a page
# count, a date may be "n.d.", a DOI link becomes the DOI: those are left out).
KEPT = {
    "title": "title",
    "publisher": "publisher",
    "location": "location",
    "volume": "volume",
    "issue": "issue",
    "edition": "edition",
    "doi": "doi",
}


def test_records_keep_every_field_their_segments_hold() -> None:
    import json
    from pathlib import Path

    from citekit.parser import model_dir
    from citekit.parser.labels import map_label

    lost: list[str] = []
    seen = 0
    for path in sorted(Path(model_dir()).glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            text = record["text"]
            parts = [
                (map_label(label, piece, record["fields"]), piece)
                for label, piece in record["segments"]
            ]
            ref = build_reference(text, segments_of(text, parts))
            for label, attr in KEPT.items():
                if any(lab == label for lab, _ in parts):
                    seen += 1
                    if not getattr(ref, attr):
                        lost.append(f"{label}: {text[:100]}")
    assert seen > 5000
    assert not lost, "\n".join(lost[:20])


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Translated by Marta Kowalski,", [("Kowalski", "Marta")]),
        ("trans. Marta Kowalski.", [("Kowalski", "Marta")]),
        ("(M. Kowalski, Trans.).", [("Kowalski", "M.")]),
        ("Übers. v. Marta Kowalski", [("Kowalski", "Marta")]),
        (
            "translated from the Spanish by Marta Kowalski and Sven Lindqvist",
            [("Kowalski", "Marta"), ("Lindqvist", "Sven")],
        ),
        ("traduit par Jean-Pierre Moreau", [("Moreau", "Jean-Pierre")]),
        ("(translated by Douglas Martin).", [("Martin", "Douglas")]),
        ("Traduction de Chantal Thérond.", [("Thérond", "Chantal")]),
        ("Trans.", []),
        ("Trans. ASME,", []),  # the Transactions of the ASME, a journal
    ],
)
def test_parse_translators(text: str, names: list[tuple[str, str]]) -> None:
    assert [(n.family, n.given) for n in parse_translators(text)] == names
