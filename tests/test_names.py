"""Personal and corporate names: a table of real cases."""

from __future__ import annotations

import pytest

from citekit.model import Name
from citekit.names import (
    format_bibtex_name,
    is_initial,
    list_order,
    list_writes_commas,
    parse_name,
    parse_names,
    unknown_body,
)

N = Name

CASES = [
    # (author string, list order hint, expected names)
    (
        "Donaldson H. Robert, Nadkarni Vidya,",
        "auto",
        [N("Donaldson", "H. Robert"), N("Nadkarni", "Vidya")],
    ),
    ("Reach Clint, Radin Andrew,", "auto", [N("Reach", "Clint"), N("Radin", "Andrew")]),
    ("Mankoff Jeffrey,", "auto", [N("Mankoff", "Jeffrey")]),
    ("Emerson, M. and Boonstra, J.,", "auto", [N("Emerson", "M."), N("Boonstra", "J.")]),
    ("Mearsheimer, J. John,", "auto", [N("Mearsheimer", "J. John")]),
    ("NYE, Joseph. S.,", "auto", [N("Nye", "Joseph. S.")]),
    ("Zabortseva, Yelena Nikolayevna,", "auto", [N("Zabortseva", "Yelena Nikolayevna")]),
    ("Keohane, R.,", "auto", [N("Keohane", "R.")]),
    (
        "Smith, J., Jones, K., and Brown, L.",
        "auto",
        [N("Smith", "J."), N("Jones", "K."), N("Brown", "L.")],
    ),
    (
        "J. Smith, K. Jones & L. Brown",
        "auto",
        [N("Smith", "J."), N("Jones", "K."), N("Brown", "L.")],
    ),
    ("Chen H, Tafalla M,", "auto", [N("Chen", "H"), N("Tafalla", "M")]),
    ("Smith JR, Jones AB, et al.", "auto", [N("Smith", "JR"), N("Jones", "AB")]),
    ("Heidegger M.,", "auto", [N("Heidegger", "M.")]),
    ("Glaeser, E. L.,", "auto", [N("Glaeser", "E. L.")]),
    ("van der Berg, Jan", "auto", [N("Berg", "Jan", "van der")]),
    ("Jan van der Berg", "auto", [N("Berg", "Jan", "van der")]),
    ("Nye, Joseph S., Jr.", "auto", [N("Nye", "Joseph S.", suffix="Jr")]),
    ("Nye Jr, Joseph", "auto", [N("Nye", "Joseph", suffix="Jr")]),
    ("Martin Luther King Jr.", "auto", [N("King", "Martin Luther", suffix="Jr")]),
    ("Silva; Souza; Pereira", "auto", [N("Silva"), N("Souza"), N("Pereira")]),
    ("SILVA, J.; SOUZA, M.", "auto", [N("Silva", "J."), N("Souza", "M.")]),
    ("World Bank", "auto", [N("World Bank", literal=True)]),
    ("Transport for London,", "auto", [N("Transport for London", literal=True)]),
    ("RAND", "auto", [N("RAND", literal=True)]),
    # news organisations and collective authors; "Times" and "Post" are still family names
    ("BBC News", "auto", [N("BBC News", literal=True)]),
    # a body whose name holds "and" and ends in what makes it a body
    ("Health and Safety Executive.", "auto", [N("Health and Safety Executive", literal=True)]),
    (
        "Occupational Safety and Health Administration (OSHA).",
        "auto",
        [N("Occupational Safety and Health Administration (OSHA)", literal=True)],
    ),
    # a surname that is also a body's word, with Vancouver initials, is a person
    ("Camara O, Banco L", "auto", [N("Camara", "O"), N("Banco", "L")]),
    ("Banco Mundial", "auto", [N("Banco Mundial", literal=True)]),
    # a country's abbreviation opening a body's name is no initial
    (
        "U.S. Food and Drug Administration",
        "auto",
        [N("U.S. Food and Drug Administration", literal=True)],
    ),
    (
        "U.S. Department of Health and Human Services.",
        "auto",
        [N("U.S. Department of Health and Human Services", literal=True)],
    ),
    # bodies in the Romance languages, with APA's abbreviation for later citations dropped
    (
        "Instituto Nacional de Estudos e Pesquisas [Inep].",
        "auto",
        [N("Instituto Nacional de Estudos e Pesquisas", literal=True)],
    ),
    (
        "Banco Interamericano de Desarrollo [BID].",
        "auto",
        [N("Banco Interamericano de Desarrollo", literal=True)],
    ),
    (
        "Ministère des ressources naturelles",
        "auto",
        [N("Ministère des ressources naturelles", literal=True)],
    ),
    ("Silva, J. e Souza, M.", "auto", [N("Silva", "J."), N("Souza", "M.")]),
    # APA's roles after a name are not part of it
    (
        "Marshall, F. (Producer), & Fincher, D. (Director).",
        "auto",
        [N("Marshall", "F."), N("Fincher", "D.")],
    ),
    ("Moore, M. (Writer/Director).", "auto", [N("Moore", "M.")]),
    # Chinese names as GB/T 7714 lists them, written whole; "等" is et al.
    ("王小明, 李华.", "auto", [N("王小明"), N("李华")]),
    ("王小明，张伟、陈静", "auto", [N("王小明"), N("张伟"), N("陈静")]),
    # APA's social-media handles: a display name is kept as written
    ("Ocean Lab [@oceanlab].", "auto", [N("Ocean Lab", literal=True)]),
    ("Okafor, C. [@chidi], & Reyes, S. [@sreyes].", "auto", [N("Okafor", "C."), N("Reyes", "S.")]),
    ("Wikipedia contributors", "auto", [N("Wikipedia contributors", literal=True)]),
    ("Times, J. and Post, Emily", "auto", [N("Times", "J."), N("Post", "Emily")]),
    (
        "National Institute for Health and Care Excellence.",
        "auto",
        [N("National Institute for Health and Care Excellence", literal=True)],
    ),
    (
        "Organisation for Economic Co-operation and Development",
        "auto",
        [N("Organisation for Economic Co-operation and Development", literal=True)],
    ),
    (
        "J. Smith and Institute of Physics",
        "auto",
        [N("Smith", "J."), N("Institute of Physics", literal=True)],
    ),
    # "Family Given" without a comma: decided by the list's style when nothing else tells
    ("Okafor Tunde", "family-first", [N("Okafor", "Tunde")]),
    ("Tunde Okafor", "given-first", [N("Okafor", "Tunde")]),
    ("Jean-Paul Sartre", "family-first", [N("Sartre", "Jean-Paul")]),
    ("J.R.R. Tolkien", "family-first", [N("Tolkien", "J.R.R.")]),
    ("Charles de Gaulle", "auto", [N("Gaulle", "Charles", "de")]),
    ("O'NEILL, Mary", "auto", [N("O'Neill", "Mary")]),
    ("Şahin, Elif and Müller, Jürgen", "auto", [N("Şahin", "Elif"), N("Müller", "Jürgen")]),
    ("Smith, J. (ed.)", "auto", [N("Smith", "J.")]),
    ("edited by J. Smith and K. Jones", "auto", [N("Smith", "J."), N("Jones", "K.")]),
    ("Gisèle De Meur", "auto", [N("De Meur", "Gisèle")]),
    ("Lyle D. Vander Broek", "auto", [N("Vander Broek", "Lyle D.")]),
    ("De Meur, Gisèle", "auto", [N("De Meur", "Gisèle")]),
    ("Van Der Poel, H.", "auto", [N("Van Der Poel", "H.")]),
    ("Etienne Van de Walle", "auto", [N("Van de Walle", "Etienne")]),
    # the period that closes the author block is not part of the name
    ("Braudel, Fernand.", "auto", [N("Braudel", "Fernand")]),
    ("Lewis Mumford.", "given-first", [N("Mumford", "Lewis")]),
    ("Lynch, K.", "auto", [N("Lynch", "K.")]),
    ("Smith, John, Jr.", "auto", [N("Smith", "John", suffix="Jr")]),
    ("Jefferson, Thos.", "auto", [N("Jefferson", "Thos.")]),
    ("Flann O'Brien.", "given-first", [N("O'Brien", "Flann")]),
    ("Kowalski M, Nguyen TL.", "auto", [N("Kowalski", "M"), N("Nguyen", "TL")]),
    ("Okafor T, Reyes S.", "auto", [N("Okafor", "T"), N("Reyes", "S")]),
    (
        "Brennan MS, Sato H, Lindqvist S.",
        "auto",
        [N("Brennan", "MS"), N("Sato", "H"), N("Lindqvist", "S")],
    ),
    # with periods on the others, or alone, "S." may be the initial's own
    ("Okafor, T., Reyes, S.", "auto", [N("Okafor", "T."), N("Reyes", "S.")]),
    ("Reyes S.", "auto", [N("Reyes", "S.")]),
    # "and" in other languages: Turkish, Czech, Polish, Dutch, Hungarian, Finnish, Romanian
    ("Yılmaz, E. ve Demir, A.", "auto", [N("Yılmaz", "E."), N("Demir", "A.")]),
    ("Novák, J. a Svoboda, P.", "auto", [N("Novák", "J."), N("Svoboda", "P.")]),
    ("Kowalski, J. i Nowak, A.", "auto", [N("Kowalski", "J."), N("Nowak", "A.")]),
    ("Jansen, P. en de Vries, K.", "auto", [N("Jansen", "P."), N("Vries", "K.", particle="de")]),
    ("Nagy, A. és Kovács, B.", "auto", [N("Nagy", "A."), N("Kovács", "B.")]),
    ("Virtanen, M. ja Korhonen, L.", "auto", [N("Virtanen", "M."), N("Korhonen", "L.")]),
    ("Popescu, A. și Ionescu, B.", "auto", [N("Popescu", "A."), N("Ionescu", "B.")]),
    ("CHAUÍ, Marilena.", "auto", [N("Chauí", "Marilena")]),
    (
        "edited by Cary Nelson and Lawrence Grossberg,",
        "family-first",
        [N("Nelson", "Cary"), N("Grossberg", "Lawrence")],
    ),
    (
        "edited by Cary Nelson, Paula A. Treichler, and Lawrence Grossberg",
        "family-first",
        [N("Nelson", "Cary"), N("Treichler", "Paula A."), N("Grossberg", "Lawrence")],
    ),
    ("OECD, UNESCO", "auto", [N("OECD", literal=True), N("UNESCO", literal=True)]),
    ("Smith-Jones, Anne-Marie.", "auto", [N("Smith-Jones", "Anne-Marie")]),
    (
        "Beck, Ulrich/Giddens, Anthony/Lash, Scott",
        "auto",
        [N("Beck", "Ulrich"), N("Giddens", "Anthony"), N("Lash", "Scott")],
    ),
    ("Müller/Schmidt", "auto", [N("Müller"), N("Schmidt")]),
    # Chicago and MLA invert only the first name of an entry
    (
        "Horden, Peregrine, and Nicholas Purcell.",
        "family-first",
        [N("Horden", "Peregrine"), N("Purcell", "Nicholas")],
    ),
    (
        "Smith, John, Jane Doe, and Peregrine Horden",
        "family-first",
        [N("Smith", "John"), N("Doe", "Jane"), N("Horden", "Peregrine")],
    ),
    ("Reach Clint, Okafor Tunde,", "family-first", [N("Reach", "Clint"), N("Okafor", "Tunde")]),
    # Vancouver initials follow a family of several words
    ("Di Lisa F, Kaludercic N", "auto", [N("Di Lisa", "F"), N("Kaludercic", "N")]),
    ("Sinninghe Damste JS, Strous M", "auto", [N("Sinninghe Damste", "JS"), N("Strous", "M")]),
    ("Jol-van der Zijde EC", "auto", [N("Jol-van der Zijde", "EC")]),
    ("De Maria R, Miretti S", "auto", [N("De Maria", "R"), N("Miretti", "S")]),
    ("van der Berg J.", "auto", [N("Berg", "J.", "van der")]),
    ("Smith John A", "family-first", [N("Smith", "John A")]),
    # ... or a comma: "Family Family, Initials"
    (
        "Boykin McElhaney, K., & Allen, J. P.",
        "auto",
        [N("Boykin McElhaney", "K."), N("Allen", "J. P.")],
    ),
    ("John Smith, K. Lee", "auto", [N("Smith", "John"), N("Lee", "K.")]),
    # a name that ends on its initials is whole, whatever comes after it
    ("Du W, Simon MS", "auto", [N("Du", "W"), N("Simon", "MS")]),
    ("Court-Brown CM, Schmidt M", "auto", [N("Court-Brown", "CM"), N("Schmidt", "M")]),
    # "In" before editors, in Spanish, Portuguese and French
    ("En L. Torres (Coord.)", "auto", [N("Torres", "L.")]),
    ("Em: SILVA, J. (Org.)", "auto", [N("Silva", "J.")]),
    ("Dans P. Dupont (dir.)", "auto", [N("Dupont", "P.")]),
    ("Emerson, R.", "auto", [N("Emerson", "R.")]),
    # Irish families
    ("Ó Briain, S.", "auto", [N("Ó Briain", "S.")]),
    (
        "Mac Lochlainn, T. and Ní Dhomhnaill, N.",
        "auto",
        [N("Mac Lochlainn", "T."), N("Ní Dhomhnaill", "N.")],
    ),
    ("Seán Ó Briain", "auto", [N("Ó Briain", "Seán")]),
]


@pytest.mark.parametrize(("text", "order", "expected"), CASES)
def test_parse_names(text: str, order: str, expected: list[Name]) -> None:
    assert list(parse_names(text, order).names) == expected  # type: ignore[arg-type]


def test_et_al_is_flagged_and_dropped() -> None:
    result = parse_names("Smith, J., Jones, K., et al.")
    assert result.et_al
    assert [n.family for n in result.names] == ["Smith", "Jones"]
    assert not parse_names("Smith, J.").et_al


@pytest.mark.parametrize(
    ("token", "expected"),
    [
        ("J.", True),
        ("J", True),
        ("JR", True),
        ("J.-P.", True),
        ("Th.", True),
        ("Jo", False),
        ("John", False),
        ("NYE", True),
    ],
)
def test_is_initial(token: str, expected: bool) -> None:
    assert is_initial(token) is expected


def test_list_order_follows_the_majority() -> None:
    assert list_order(["Mankoff, Jeffrey", "Goble, Paul", "Reach Clint"]) == "family-first"
    assert list_order(["J. Smith", "K. Jones and L. Brown", "A. B. Carter"]) == "given-first"


def test_single_names_and_empty() -> None:
    assert parse_name("Plato") == Name("Plato")
    assert parse_names("").names == ()
    assert parse_names(" , ; ").names == ()


@pytest.mark.parametrize(
    ("name", "bibtex"),
    [
        (Name("Berg", "Jan", "van der"), "van der Berg, Jan"),
        (Name("Nye", "Joseph S.", suffix="Jr"), "Nye, Jr, Joseph S."),
        (Name("World Bank", literal=True), "{World Bank}"),
        (Name("Garcia Marquez", "Gabriel"), "{Garcia Marquez}, Gabriel"),
        (Name("Plato"), "Plato"),
    ],
)
def test_format_bibtex_name(name: Name, bibtex: str) -> None:
    assert format_bibtex_name(name) == bibtex


def test_bibtex_name_agrees_with_pybtex_person() -> None:
    from pybtex.database import Person

    for name in (
        Name("Berg", "Jan", "van der"),
        Name("Nye", "Joseph S.", suffix="Jr"),
        Name("Mankoff", "Jeffrey"),
    ):
        p = Person(format_bibtex_name(name))
        assert " ".join(p.last_names) == name.family
        assert " ".join(p.prelast_names) == name.particle
        assert " ".join(p.first_names + p.middle_names) == name.given
        assert " ".join(p.lineage_names) == name.suffix


def test_many_slashes_are_read_in_one_pass() -> None:
    # A regex for slashed names once backtracked exponentially on this shape of input.
    text = " / ".join(["Abc"] * 60) + " ("
    names = parse_names(text).names
    assert len(names) >= 1 and all(n.family for n in names)
    assert len(parse_names("/".join(["Beck, Ulrich"] * 60)).names) == 60


def test_lists_that_write_family_comma_given() -> None:
    harvard = [
        "Duarte, L.",
        "Hale, R.J.",
        "Marsh, T. and Oyelaran, F.",
        "Scottish Government",
        "Reef Talks",
    ]
    assert list_writes_commas(harvard)
    assert not list_writes_commas(["Reach Clint", "Radin Andrew", "Nye, Joseph", "Mankoff Jeffrey"])
    assert not list_writes_commas(["Duarte, L.", "Hale, R.J."])  # too few to tell


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("Reef Talks", "Reef Talks"),
        ("Ocean Lab.", "Ocean Lab"),
        ("Jane Smith", None),  # a known given name: a person
        ("J. Smith", None),
        ("Reef Talks and Ocean Lab", None),
        ("Talks", None),
    ],
)
def test_unknown_body(text: str, body: str | None) -> None:
    got = unknown_body(text)
    assert (got.family if got else None) == body
    assert got is None or got.literal


@pytest.mark.parametrize(
    ("text", "families", "et_al"),
    [
        ("王小明, 张伟, 陈静, 等.", ["王小明", "张伟", "陈静"], True),
        ("최성운, 황지혜, 김남일.", ["최성운", "황지혜", "김남일"], False),
        ("김남일 외 3인.", ["김남일"], True),
        ("千相默 外 3人.", ["千相默"], True),
        ("佐藤花子・鈴木一郎", ["佐藤花子", "鈴木一郎"], False),
    ],
)
def test_east_asian_names_and_et_al(text: str, families: list[str], et_al: bool) -> None:
    names = parse_names(text)
    assert [n.family for n in names.names] == families and names.et_al is et_al
