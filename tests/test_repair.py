"""Tests of segment repairs (``citekit.normalize``): a physics volume that swallowed its
page (and the mirror case), a marker word left at the end of a segment, a year whose letter
is set apart, a title that runs into its journal without punctuation, a book read as a
second title, a journal abbreviation read as the title, a series read as a second
journal, a family name cut off after its initials, and an issue marker parted from its
number."""

from __future__ import annotations

import pytest
from segments import segments_of

from citekit.model import Segment
from citekit.normalize import (
    repair_article_number_after_volume,
    repair_bare_issue,
    repair_body_as_publisher,
    repair_book_after_editors,
    repair_cjk_names_in_title,
    repair_cjk_title_in_author,
    repair_corporate_author_title,
    repair_country_in_journal,
    repair_date_after_names,
    repair_et_al_as_title,
    repair_family_after_initials,
    repair_journal_abbreviation_as_title,
    repair_marker_at_end,
    repair_page_volume,
    repair_series_after_volume,
    repair_spaced_year_suffix,
    repair_status_note,
    repair_title_tail_edition_volume,
    repair_unpunctuated_boundary,
    repair_volume_page,
    repair_volume_with_neighbour,
    repair_word_after_names,
    repair_year_in_journal,
    repair_year_in_volume,
)


def repair(text: str, segs: tuple[Segment, ...]) -> list[Segment]:
    segs = repair_volume_page(text, repair_marker_at_end(text, list(segs)))
    return repair_spaced_year_suffix(text, segs)


def pairs(segs: list[Segment]) -> list[tuple[str, str]]:
    return [(s.label, s.text) for s in segs]


@pytest.mark.parametrize(
    ("text", "tagged", "expected"),
    [
        # physics style: the page is not part of the volume when no pages follow
        (
            "M. Kardar, Nature 379, 22 (1996).",
            [
                ("author", "M. Kardar,"),
                ("container-title", "Nature"),
                ("volume", "379, 22"),
                ("date", "(1996)."),
            ],
            [
                ("author", "M. Kardar,"),
                ("container-title", "Nature"),
                ("volume", "379,"),
                ("pages", "22"),
                ("date", "(1996)."),
            ],
        ),
        (
            "D. La, Phys. Lett., 220 B, 375 (1989).",
            [
                ("author", "D. La,"),
                ("container-title", "Phys. Lett.,"),
                ("volume", "220 B, 375"),
                ("date", "(1989)."),
            ],
            [
                ("author", "D. La,"),
                ("container-title", "Phys. Lett.,"),
                ("volume", "220 B,"),
                ("pages", "375"),
                ("date", "(1989)."),
            ],
        ),
        # volume and issue, pages later: left alone
        (
            "Library Hi Tech 26, 4 (2008): 598.",
            [
                ("container-title", "Library Hi Tech"),
                ("volume", "26, 4"),
                ("date", "(2008):"),
                ("pages", "598."),
            ],
            [
                ("container-title", "Library Hi Tech"),
                ("volume", "26, 4"),
                ("date", "(2008):"),
                ("pages", "598."),
            ],
        ),
        # a volume followed by something other than a date or a note: left alone
        (
            "Review 12, 3 Springer",
            [("container-title", "Review"), ("volume", "12, 3"), ("publisher", "Springer")],
            [("container-title", "Review"), ("volume", "12, 3"), ("publisher", "Springer")],
        ),
        # a volume marker left on the journal goes to the volume
        (
            "F. Izrailev, Phys.Rev.E v.49 (1994), 130",
            [
                ("author", "F. Izrailev,"),
                ("container-title", "Phys.Rev.E v."),
                ("volume", "49"),
                ("date", "(1994),"),
                ("pages", "130"),
            ],
            [
                ("author", "F. Izrailev,"),
                ("container-title", "Phys.Rev.E"),
                ("volume", "v.49"),
                ("date", "(1994),"),
                ("pages", "130"),
            ],
        ),
        # "in" left on the title goes to the editors or the book it introduces
        (
            "A class of splines, in R. Barnhill (eds.), Geometric Design",
            [
                ("title", "A class of splines, in"),
                ("editor", "R. Barnhill (eds.),"),
                ("container-title", "Geometric Design"),
            ],
            [
                ("title", "A class of splines,"),
                ("editor", "in R. Barnhill (eds.),"),
                ("container-title", "Geometric Design"),
            ],
        ),
        # ... but not to a field it does not introduce, nor from a one-word segment
        (
            "Life in Town, in 2004",
            [("title", "Life in Town, in"), ("date", "2004")],
            [("title", "Life in Town, in"), ("date", "2004")],
        ),
        (
            "Smith, J. In Memoriam",
            [("author", "Smith, J."), ("title", "In"), ("container-title", "Memoriam")],
            [("author", "Smith, J."), ("title", "In"), ("container-title", "Memoriam")],
        ),
        # a word that merely ends in a marker is not one
        (
            "Studies of Ruin, Journal 4",
            [("title", "Studies of Ruin,"), ("container-title", "Journal 4")],
            [("title", "Studies of Ruin,"), ("container-title", "Journal 4")],
        ),
        # a year with its letter set apart is one date: read as a title ...
        (
            "Kwan, D. H., 1997 a, PASP, 109, 1221",
            [
                ("author", "Kwan, D. H.,"),
                ("title", "1997 a,"),
                ("container-title", "PASP,"),
                ("volume", "109,"),
                ("pages", "1221"),
            ],
            [
                ("author", "Kwan, D. H.,"),
                ("date", "1997 a,"),
                ("container-title", "PASP,"),
                ("volume", "109,"),
                ("pages", "1221"),
            ],
        ),
        # ... or the letter taken into the title after the date
        (
            "Ruiz, J. 2003 b. A title of things. Journal 3: 4-5.",
            [
                ("author", "Ruiz, J."),
                ("date", "2003"),
                ("title", "b. A title of things."),
                ("container-title", "Journal"),
                ("volume", "3:"),
                ("pages", "4-5."),
            ],
            [
                ("author", "Ruiz, J."),
                ("date", "2003 b."),
                ("title", "A title of things."),
                ("container-title", "Journal"),
                ("volume", "3:"),
                ("pages", "4-5."),
            ],
        ),
        # ... but a year inside a title stays there, and "2001 a study" is no suffix
        (
            "Jones, K. (1999). Events of 1997 a, b and c. Press.",
            [
                ("author", "Jones, K."),
                ("date", "(1999)."),
                ("title", "Events of 1997 a, b and c."),
                ("publisher", "Press."),
            ],
            [
                ("author", "Jones, K."),
                ("date", "(1999)."),
                ("title", "Events of 1997 a, b and c."),
                ("publisher", "Press."),
            ],
        ),
        (
            "Brown A. 2001 a study of things. Journal 3.",
            [("author", "Brown A."), ("date", "2001"), ("title", "a study of things.")],
            [("author", "Brown A."), ("date", "2001"), ("title", "a study of things.")],
        ),
    ],
)
def test_repair(text: str, tagged: list, expected: list) -> None:
    got = repair(text, segments_of(text, tagged))
    assert pairs(got) == expected
    for s in got:
        assert text[s.start : s.end] == s.text


def test_repair_keeps_a_clean_tagging_as_it_is() -> None:
    text = "Nye, J. (2004). Soft Power. New York: PublicAffairs."
    segs = segments_of(
        text,
        [
            ("author", "Nye, J."),
            ("date", "(2004)."),
            ("title", "Soft Power."),
            ("location", "New York:"),
            ("publisher", "PublicAffairs."),
        ],
    )
    segs = list(segs)
    assert repair_volume_page(text, repair_marker_at_end(text, segs)) is segs


@pytest.mark.parametrize(
    ("text", "tagged", "expected_title"),
    [
        # the essay case it is for: a title cut where no punctuation stands
        (
            "How to stop NATO, Foreign Affairs, 2019.",
            [
                ("title", "How to stop"),
                ("container-title", "NATO, Foreign Affairs,"),
                ("date", "2019."),
            ],
            "How to stop NATO,",
        ),
        # a journal followed by its year, volume or pages stays the journal
        (
            "Payne WW. Coeliac disease in the same patient Gt Ormond Str J 1954; 8: 118-292.",
            [
                ("author", "Payne WW."),
                ("title", "Coeliac disease in the same patient"),
                ("container-title", "Gt Ormond Str J"),
                ("date", "1954;"),
                ("volume", "8:"),
                ("pages", "118-292."),
            ],
            "Coeliac disease in the same patient",
        ),
        (
            "Goßler S 2010 The 10 m prototype interferometer Class. Quantum Grav. 27 084023",
            [
                ("author", "Goßler S"),
                ("date", "2010"),
                ("title", "The 10 m prototype interferometer"),
                ("container-title", "Class. Quantum Grav."),
                ("volume", "27"),
                ("pages", "084023"),
            ],
            "The 10 m prototype interferometer",
        ),
        # a title closed by a LaTeX or straight quote is closed
        (
            "A. Kallis, ``Reaching definitions,'' Conf. Rec. of the 4th Workshop, 1991.",
            [
                ("author", "A. Kallis,"),
                ("title", "``Reaching definitions,''"),
                ("container-title", "Conf. Rec. of the 4th Workshop,"),
                ("date", "1991."),
            ],
            "``Reaching definitions,''",
        ),
    ],
)
def test_unpunctuated_boundary(text: str, tagged: list, expected_title: str) -> None:
    segs = repair_unpunctuated_boundary(text, list(segments_of(text, tagged)))
    assert [s.text for s in segs if s.label == "title"] == [expected_title]


@pytest.mark.parametrize(
    ("step", "text", "tagged", "expected"),
    [
        # a second title after an editor list that introduces it is the book
        (
            repair_book_after_editors,
            "Lund, K. (2010) On ferries. In A. Berg & T. Holm (Eds.) Coastal Lives. Oslo: Nord.",
            [
                ("author", "Lund, K."),
                ("date", "(2010)"),
                ("title", "On ferries."),
                ("editor", "In A. Berg & T. Holm (Eds.)"),
                ("title", "Coastal Lives."),
                ("location", "Oslo:"),
                ("publisher", "Nord."),
            ],
            [
                ("author", "Lund, K."),
                ("date", "(2010)"),
                ("title", "On ferries."),
                ("editor", "In A. Berg & T. Holm (Eds.)"),
                ("container-title", "Coastal Lives."),
                ("location", "Oslo:"),
                ("publisher", "Nord."),
            ],
        ),
        # ... with the book's own date between
        (
            repair_book_after_editors,
            "Vale, R. (1990). Old roads. In M. Ash (Ed.) (1995). Roads and Maps. Leeds: Hill.",
            [
                ("author", "Vale, R."),
                ("date", "(1990)."),
                ("title", "Old roads."),
                ("editor", "In M. Ash (Ed.)"),
                ("date", "(1995)."),
                ("title", "Roads and Maps."),
                ("location", "Leeds:"),
                ("publisher", "Hill."),
            ],
            [
                ("author", "Vale, R."),
                ("date", "(1990)."),
                ("title", "Old roads."),
                ("editor", "In M. Ash (Ed.)"),
                ("date", "(1995)."),
                ("container-title", "Roads and Maps."),
                ("location", "Leeds:"),
                ("publisher", "Hill."),
            ],
        ),
        # an editor list that introduces nothing (a translator's note, a bare name): left alone
        (
            repair_book_after_editors,
            "Ives, P. Two essays. R. Moss, Other Essays. Boston: Pine, 1999.",
            [
                ("author", "Ives, P."),
                ("title", "Two essays."),
                ("editor", "R. Moss,"),
                ("title", "Other Essays."),
                ("location", "Boston:"),
                ("publisher", "Pine,"),
                ("date", "1999."),
            ],
            [
                ("author", "Ives, P."),
                ("title", "Two essays."),
                ("editor", "R. Moss,"),
                ("title", "Other Essays."),
                ("location", "Boston:"),
                ("publisher", "Pine,"),
                ("date", "1999."),
            ],
        ),
        # an abbreviated journal alone is the container, not the title
        (
            repair_journal_abbreviation_as_title,
            "Ortiz, L., Baum, K., 2001, ApJ, submitted",
            [
                ("author", "Ortiz, L., Baum, K.,"),
                ("date", "2001,"),
                ("title", "ApJ,"),
                ("note", "submitted"),
            ],
            [
                ("author", "Ortiz, L., Baum, K.,"),
                ("date", "2001,"),
                ("container-title", "ApJ,"),
                ("note", "submitted"),
            ],
        ),
        (
            repair_journal_abbreviation_as_title,
            "N. Roy, Phys. Rev. E 51, 12 (1995).",
            [
                ("author", "N. Roy,"),
                ("title", "Phys. Rev. E"),
                ("volume", "51,"),
                ("pages", "12 (1995)."),
            ],
            [
                ("author", "N. Roy,"),
                ("container-title", "Phys. Rev. E"),
                ("volume", "51,"),
                ("pages", "12 (1995)."),
            ],
        ),
        # ... but a short real title is kept: a plain word, or one followed by a publisher
        (
            repair_journal_abbreviation_as_title,
            "Amis, K. 1954. Lucky. London: Gollancz.",
            [
                ("author", "Amis, K."),
                ("date", "1954."),
                ("title", "Lucky."),
                ("location", "London:"),
            ],
            [
                ("author", "Amis, K."),
                ("date", "1954."),
                ("title", "Lucky."),
                ("location", "London:"),
            ],
        ),
        (
            repair_journal_abbreviation_as_title,
            "ACM. 1990. TOCS. ACM Press.",
            [
                ("author", "ACM."),
                ("date", "1990."),
                ("title", "TOCS."),
                ("publisher", "ACM Press."),
            ],
            [
                ("author", "ACM."),
                ("date", "1990."),
                ("title", "TOCS."),
                ("publisher", "ACM Press."),
            ],
        ),
        # the series named after "volume N" is a collection, not a second container
        (
            repair_series_after_volume,
            "A. Kay. Safe queues. TACAS, volume 4321 LNCS, pages 1--9. Springer, 2007.",
            [
                ("author", "A. Kay."),
                ("title", "Safe queues."),
                ("container-title", "TACAS,"),
                ("volume", "volume 4321"),
                ("container-title", "LNCS,"),
                ("pages", "pages 1--9."),
            ],
            [
                ("author", "A. Kay."),
                ("title", "Safe queues."),
                ("container-title", "TACAS,"),
                ("volume", "volume 4321"),
                ("collection-title", "LNCS,"),
                ("pages", "pages 1--9."),
            ],
        ),
        # ... but a journal after an unmarked number stays a journal
        (
            repair_series_after_volume,
            "Z. Oz. Tools: Release v1.2.1. Journal of Tools, 21 (2): 1--9, 1998.",
            [
                ("title", "Tools:"),
                ("container-title", "Release v1."),
                ("volume", "2.1."),
                ("container-title", "Journal of Tools,"),
            ],
            [
                ("title", "Tools:"),
                ("container-title", "Release v1."),
                ("volume", "2.1."),
                ("container-title", "Journal of Tools,"),
            ],
        ),
        # a name does not end on its initials in an initials-first list
        (
            repair_family_after_initials,
            "R. Hale, T. Van Buren, Short Loops, J. Algebra, 12, 1-9 (1990).",
            [
                ("author", "R. Hale, T."),
                ("title", "Van Buren, Short Loops,"),
                ("container-title", "J. Algebra,"),
            ],
            [
                ("author", "R. Hale, T. Van Buren,"),
                ("title", "Short Loops,"),
                ("container-title", "J. Algebra,"),
            ],
        ),
        # ... but "Family, Given I." ends on an initial and is whole
        (
            repair_family_after_initials,
            "Dale, Anna M. Grief, memory, and place. Pine Press, 1996.",
            [
                ("author", "Dale, Anna M."),
                ("title", "Grief, memory, and place."),
                ("publisher", "Pine Press,"),
            ],
            [
                ("author", "Dale, Anna M."),
                ("title", "Grief, memory, and place."),
                ("publisher", "Pine Press,"),
            ],
        ),
        # two numbers after a journal, no volume anywhere: volume and page
        (
            repair_page_volume,
            "Lind, E., 1994, A & A, 290, 443",
            [
                ("author", "Lind, E.,"),
                ("date", "1994,"),
                ("container-title", "A & A,"),
                ("pages", "290, 443"),
            ],
            [
                ("author", "Lind, E.,"),
                ("date", "1994,"),
                ("container-title", "A & A,"),
                ("volume", "290,"),
                ("pages", "443"),
            ],
        ),
        # ... but not a page range, nor when a volume is there
        (
            repair_page_volume,
            "Lind, E., 1994, Icarus, 290-443",
            [
                ("author", "Lind, E.,"),
                ("date", "1994,"),
                ("container-title", "Icarus,"),
                ("pages", "290-443"),
            ],
            [
                ("author", "Lind, E.,"),
                ("date", "1994,"),
                ("container-title", "Icarus,"),
                ("pages", "290-443"),
            ],
        ),
        (
            repair_page_volume,
            "Lind, E., 1994, Icarus, 7, 290, 443",
            [
                ("author", "Lind, E.,"),
                ("container-title", "Icarus,"),
                ("volume", "7,"),
                ("pages", "290, 443"),
            ],
            [
                ("author", "Lind, E.,"),
                ("container-title", "Icarus,"),
                ("volume", "7,"),
                ("pages", "290, 443"),
            ],
        ),
        # an edition or a volume at the end of a title is its own field
        (
            repair_title_tail_edition_volume,
            "Ward, T. Signals and noise (3rd ed.). Pine Press, 2001.",
            [
                ("author", "Ward, T."),
                ("title", "Signals and noise (3rd ed.)."),
                ("publisher", "Pine Press,"),
            ],
            [
                ("author", "Ward, T."),
                ("title", "Signals and noise"),
                ("edition", "(3rd ed.)."),
                ("publisher", "Pine Press,"),
            ],
        ),
        (
            repair_title_tail_edition_volume,
            "G. Ross, Lectures on sums, vol. II, Springer, 1980.",
            [
                ("author", "G. Ross,"),
                ("title", "Lectures on sums, vol. II,"),
                ("publisher", "Springer,"),
            ],
            [
                ("author", "G. Ross,"),
                ("title", "Lectures on sums"),
                ("volume", "vol. II,"),
                ("publisher", "Springer,"),
            ],
        ),
        # ... not when the reference has one already, nor when it is the whole title
        (
            repair_title_tail_edition_volume,
            "Ward, T. Signals, 2nd ed. 4th ed. Pine, 2001.",
            [("author", "Ward, T."), ("title", "Signals, 2nd ed."), ("edition", "4th ed.")],
            [("author", "Ward, T."), ("title", "Signals, 2nd ed."), ("edition", "4th ed.")],
        ),
        (
            repair_title_tail_edition_volume,
            "Ward, T. Second edition. Pine, 2001.",
            [("author", "Ward, T."), ("title", "Second edition."), ("publisher", "Pine,")],
            [("author", "Ward, T."), ("title", "Second edition."), ("publisher", "Pine,")],
        ),
        # the number after a bare "No." is the issue, not a page
        (
            repair_bare_issue,
            "Bandy, A. Rev. Lit. Vol. 4 No. 31 (2009): 469-499.",
            [
                ("author", "Bandy, A."),
                ("container-title", "Rev. Lit."),
                ("volume", "Vol. 4"),
                ("issue", "No."),
                ("pages", "31"),
                ("date", "(2009):"),
                ("pages", "469-499."),
            ],
            [
                ("author", "Bandy, A."),
                ("container-title", "Rev. Lit."),
                ("volume", "Vol. 4"),
                ("issue", "No. 31"),
                ("date", "(2009):"),
                ("pages", "469-499."),
            ],
        ),
        (
            repair_bare_issue,
            "Vale, B. Arch. fr., Vol. 34, No. 369-370, 1973, 38-39",
            [
                ("author", "Vale, B."),
                ("container-title", "Arch. fr.,"),
                ("volume", "Vol. 34,"),
                ("issue", "No."),
                ("pages", "369-370,"),
                ("date", "1973,"),
                ("pages", "38-39"),
            ],
            [
                ("author", "Vale, B."),
                ("container-title", "Arch. fr.,"),
                ("volume", "Vol. 34,"),
                ("issue", "No. 369-370,"),
                ("date", "1973,"),
                ("pages", "38-39"),
            ],
        ),
        # an issue that has its number keeps the pages after it
        (
            repair_bare_issue,
            "Vale, B. Arch. fr., 34, no. 3, 38-39",
            [
                ("author", "Vale, B."),
                ("container-title", "Arch. fr.,"),
                ("volume", "34,"),
                ("issue", "no. 3,"),
                ("pages", "38-39"),
            ],
            [
                ("author", "Vale, B."),
                ("container-title", "Arch. fr.,"),
                ("volume", "34,"),
                ("issue", "no. 3,"),
                ("pages", "38-39"),
            ],
        ),
        # pages that are not a number stay pages
        (
            repair_bare_issue,
            "Vale, B. Arch. fr., 34, no. pp. 38-39",
            [
                ("author", "Vale, B."),
                ("container-title", "Arch. fr.,"),
                ("volume", "34,"),
                ("issue", "no."),
                ("pages", "pp. 38-39"),
            ],
            [
                ("author", "Vale, B."),
                ("container-title", "Arch. fr.,"),
                ("volume", "34,"),
                ("issue", "no."),
                ("pages", "pp. 38-39"),
            ],
        ),
        # BMC style: the year after the journal, read as part of it, is the date
        (
            repair_year_in_journal,
            "Warf MB: MBNL binds RNA. RNA 2007, 13:2238-2251.",
            [
                ("author", "Warf MB:"),
                ("title", "MBNL binds RNA."),
                ("container-title", "RNA 2007,"),
                ("volume", "13:"),
                ("pages", "2238-2251."),
            ],
            [
                ("author", "Warf MB:"),
                ("title", "MBNL binds RNA."),
                ("container-title", "RNA"),
                ("date", "2007,"),
                ("volume", "13:"),
                ("pages", "2238-2251."),
            ],
        ),
        # ... but not where the reference has its date already
        (
            repair_year_in_journal,
            "Doe J (2009) A talk. Proc ICML 2009, 5:1-8.",
            [
                ("author", "Doe J"),
                ("date", "(2009)"),
                ("title", "A talk."),
                ("container-title", "Proc ICML 2009,"),
                ("volume", "5:"),
                ("pages", "1-8."),
            ],
            [
                ("author", "Doe J"),
                ("date", "(2009)"),
                ("title", "A talk."),
                ("container-title", "Proc ICML 2009,"),
                ("volume", "5:"),
                ("pages", "1-8."),
            ],
        ),
        # a body with a long name, read as a title before its date and the real title
        (
            repair_corporate_author_title,
            'Port Authority of New York and New Jersey. n.d. "Port Master Plan 2050." Accessed 2024.',
            [
                ("title", "Port Authority of New York and New Jersey."),
                ("date", "n.d."),
                ("title", '"Port Master Plan 2050."'),
                ("accessed", "Accessed 2024."),
            ],
            [
                ("author", "Port Authority of New York and New Jersey."),
                ("date", "n.d."),
                ("title", '"Port Master Plan 2050."'),
                ("accessed", "Accessed 2024."),
            ],
        ),
        # German "u. a." (et al.) read as a title before the real one
        (
            repair_et_al_as_title,
            "Müller, Anna / Weber, Jonas u. a. (2014): Hafenstädte. Bielefeld: transcript.",
            [
                ("author", "Müller, Anna / Weber,"),
                ("title", "Jonas u. a."),
                ("date", "(2014):"),
                ("title", "Hafenstädte."),
                ("location", "Bielefeld:"),
                ("publisher", "transcript."),
            ],
            [
                ("author", "Müller, Anna / Weber, Jonas u. a."),
                ("date", "(2014):"),
                ("title", "Hafenstädte."),
                ("location", "Bielefeld:"),
                ("publisher", "transcript."),
            ],
        ),
        # "year, volume:" read as one volume, in a reference with no date
        (
            repair_year_in_volume,
            "Flegal KM: Obesity. JAMA 2010, 303:235-241.",
            [
                ("author", "Flegal KM:"),
                ("title", "Obesity."),
                ("container-title", "JAMA"),
                ("volume", "2010, 303:"),
                ("pages", "235-241."),
            ],
            [
                ("author", "Flegal KM:"),
                ("title", "Obesity."),
                ("container-title", "JAMA"),
                ("date", "2010,"),
                ("volume", "303:"),
                ("pages", "235-241."),
            ],
        ),
        # "volume:pages" read as pages after the journal's year
        (
            repair_page_volume,
            "Rimm EB: Fibre. JAMA 1996, 275:447-451.",
            [
                ("author", "Rimm EB:"),
                ("title", "Fibre."),
                ("container-title", "JAMA"),
                ("date", "1996,"),
                ("pages", "275:447-451."),
            ],
            [
                ("author", "Rimm EB:"),
                ("title", "Fibre."),
                ("container-title", "JAMA"),
                ("date", "1996,"),
                ("volume", "275:"),
                ("pages", "447-451."),
            ],
        ),
        # the USA of "Proc Natl Acad Sci USA" is the journal's, not a place
        (
            repair_country_in_journal,
            "Hall SD. Homologous pairing. Proc Natl Acad Sci USA 1994; 91:3205-3209.",
            [
                ("author", "Hall SD."),
                ("title", "Homologous pairing."),
                ("container-title", "Proc Natl Acad Sci"),
                ("location", "USA"),
                ("date", "1994;"),
                ("volume", "91:"),
                ("pages", "3205-3209."),
            ],
            [
                ("author", "Hall SD."),
                ("title", "Homologous pairing."),
                ("container-title", "Proc Natl Acad Sci USA"),
                ("date", "1994;"),
                ("volume", "91:"),
                ("pages", "3205-3209."),
            ],
        ),
        # a conference's place stays a place
        (
            repair_country_in_journal,
            "Doe J. A talk. In Proc. CHI, Boston, USA, pp. 1-8, 2009.",
            [
                ("author", "Doe J."),
                ("title", "A talk."),
                ("container-title", "In Proc. CHI,"),
                ("location", "Boston, USA,"),
                ("pages", "pp. 1-8,"),
                ("date", "2009."),
            ],
            [
                ("author", "Doe J."),
                ("title", "A talk."),
                ("container-title", "In Proc. CHI,"),
                ("location", "Boston, USA,"),
                ("pages", "pp. 1-8,"),
                ("date", "2009."),
            ],
        ),
        # a name field never ends inside a word: ACS titles may open with a hyphenated one
        (
            repair_word_after_names,
            "Okafor, T. A.; Lindqvist, S. Copper-Catalyzed Coupling. J. Am. Chem. Soc. 2019, 141, 12.",
            [
                ("author", "Okafor, T. A.; Lindqvist, S. Copper-"),
                ("title", "Catalyzed Coupling."),
                ("container-title", "J. Am. Chem. Soc."),
                ("date", "2019,"),
                ("volume", "141,"),
                ("pages", "12."),
            ],
            [
                ("author", "Okafor, T. A.; Lindqvist, S."),
                ("title", "Copper-Catalyzed Coupling."),
                ("container-title", "J. Am. Chem. Soc."),
                ("date", "2019,"),
                ("volume", "141,"),
                ("pages", "12."),
            ],
        ),
        # ... but a name that ends a field at a space is left alone
        (
            repair_word_after_names,
            "Okafor, T. A. Coupling. J. Chem. 2019, 141, 12.",
            [
                ("author", "Okafor, T. A."),
                ("title", "Coupling."),
                ("container-title", "J. Chem."),
                ("date", "2019, 141, 12."),
            ],
            [
                ("author", "Okafor, T. A."),
                ("title", "Coupling."),
                ("container-title", "J. Chem."),
                ("date", "2019, 141, 12."),
            ],
        ),
        # a volume tagged with the pages after it, in a reference with no volume
        (
            repair_volume_with_neighbour,
            "C. Meneveau, Analysis of turbulence, J. Fluid Mech. 232 469 (1991).",
            [
                ("author", "C. Meneveau,"),
                ("title", "Analysis of turbulence,"),
                ("container-title", "J. Fluid Mech."),
                ("pages", "232 469"),
                ("date", "(1991)."),
            ],
            [
                ("author", "C. Meneveau,"),
                ("title", "Analysis of turbulence,"),
                ("container-title", "J. Fluid Mech."),
                ("volume", "232"),
                ("pages", "469"),
                ("date", "(1991)."),
            ],
        ),
        # ... not where the reference has a volume (a range broken by a space)
        (
            repair_volume_with_neighbour,
            "A. Sayed. A survey. Numer. Linear Algebra Appl., 8: 467 469, 2001.",
            [
                ("author", "A. Sayed."),
                ("title", "A survey."),
                ("container-title", "Numer. Linear Algebra Appl.,"),
                ("volume", "8:"),
                ("pages", "467 469,"),
                ("date", "2001."),
            ],
            [
                ("author", "A. Sayed."),
                ("title", "A survey."),
                ("container-title", "Numer. Linear Algebra Appl.,"),
                ("volume", "8:"),
                ("pages", "467 469,"),
                ("date", "2001."),
            ],
        ),
        # a body opening the reference, tagged publisher before the real imprint, is the author
        (
            repair_body_as_publisher,
            "Environmental Protection Agency (EPA). 2000. Methods for sediment. Washington, DC: EPA Press.",
            [
                ("publisher", "Environmental Protection Agency (EPA)."),
                ("date", "2000."),
                ("title", "Methods for sediment."),
                ("location", "Washington, DC:"),
                ("publisher", "EPA Press."),
            ],
            [
                ("author", "Environmental Protection Agency (EPA)."),
                ("date", "2000."),
                ("title", "Methods for sediment."),
                ("location", "Washington, DC:"),
                ("publisher", "EPA Press."),
            ],
        ),
        # ... but a company that makes and publishes its manual stays its publisher
        (
            repair_body_as_publisher,
            'CONVEX Computer Corporation, "Exemplar Programming Guide," Richardson, TX, 1993.',
            [
                ("publisher", "CONVEX Computer Corporation,"),
                ("title", '"Exemplar Programming Guide,"'),
                ("location", "Richardson, TX,"),
                ("date", "1993."),
            ],
            [
                ("publisher", "CONVEX Computer Corporation,"),
                ("title", '"Exemplar Programming Guide,"'),
                ("location", "Richardson, TX,"),
                ("date", "1993."),
            ],
        ),
        # a date in brackets closing the names, where the reference has no date of its own
        (
            repair_date_after_names,
            "Fischer, Anna (o. J.): Der Hamburger Hafen. https://example.org/hafen",
            [
                ("author", "Fischer, Anna (o. J.):"),
                ("title", "Der Hamburger Hafen."),
                ("url", "https://example.org/hafen"),
            ],
            [
                ("author", "Fischer, Anna"),
                ("date", "(o. J.):"),
                ("title", "Der Hamburger Hafen."),
                ("url", "https://example.org/hafen"),
            ],
        ),
        # ... not where a date was tagged, and not a bracket that is no date
        (
            repair_date_after_names,
            "Fischer, Anna (2001): Der Hafen (2003).",
            [("author", "Fischer, Anna (2001):"), ("title", "Der Hafen"), ("date", "(2003).")],
            [("author", "Fischer, Anna (2001):"), ("title", "Der Hafen"), ("date", "(2003).")],
        ),
        (
            repair_date_after_names,
            "Fischer, Anna (Hg.): Der Hafen.",
            [("author", "Fischer, Anna (Hg.):"), ("title", "Der Hafen.")],
            [("author", "Fischer, Anna (Hg.):"), ("title", "Der Hafen.")],
        ),
        # GB/T 7714: the last names (or "等", et al.) read as the start of the title
        (
            repair_cjk_names_in_title,
            "王小明, 张伟, 等. 港口城市产业转型路径[M]. 北京: 科学出版社, 2020.",
            [
                ("author", "王小明,"),
                ("title", "张伟, 等. 港口城市产业转型路径[M]."),
                ("container-title", "北京: 科学出版社,"),
                ("date", "2020."),
            ],
            [
                ("author", "王小明, 张伟, 等."),
                ("title", "港口城市产业转型路径[M]."),
                ("container-title", "北京: 科学出版社,"),
                ("date", "2020."),
            ],
        ),
        # ... not where the names ended before the title (Korean lists quote Han titles)
        (
            repair_cjk_names_in_title,
            "최성운, 김남일. 東武遺稿.知風兆를 통해 본 이제마. 원광한의학회지. 1997.",
            [
                ("author", "최성운, 김남일."),
                ("title", "東武遺稿.知風兆를 통해 본 이제마."),
                ("container-title", "원광한의학회지."),
                ("date", "1997."),
            ],
            [
                ("author", "최성운, 김남일."),
                ("title", "東武遺稿.知風兆를 통해 본 이제마."),
                ("container-title", "원광한의학회지."),
                ("date", "1997."),
            ],
        ),
        # a no-date word opening the title right after the names
        (
            repair_date_after_names,
            'Reyes, Sofía. Forthcoming. "Guilds without Ledgers." Comparative Studies.',
            [
                ("author", "Reyes, Sofía."),
                ("title", 'Forthcoming. "Guilds without Ledgers."'),
                ("container-title", "Comparative Studies."),
            ],
            [
                ("author", "Reyes, Sofía."),
                ("date", "Forthcoming."),
                ("title", '"Guilds without Ledgers."'),
                ("container-title", "Comparative Studies."),
            ],
        ),
        # APA's "(in press)." where the date stands, read as the title's start
        (
            repair_date_after_names,
            "Okafor, C. (in press). Harbour ledgers. Journal of Maritime History.",
            [
                ("author", "Okafor, C."),
                ("title", "(in press). Harbour ledgers."),
                ("container-title", "Journal of Maritime History."),
            ],
            [
                ("author", "Okafor, C."),
                ("date", "(in press)."),
                ("title", "Harbour ledgers."),
                ("container-title", "Journal of Maritime History."),
            ],
        ),
        # Chicago's "Forthcoming." read into the names
        (
            repair_date_after_names,
            "Halvorsen, I. M. Forthcoming. Guilds without Ledgers. Oxford: Clarendon Press.",
            [
                ("author", "Halvorsen, I. M. Forthcoming."),
                ("title", "Guilds without Ledgers."),
                ("location", "Oxford:"),
                ("publisher", "Clarendon Press."),
            ],
            [
                ("author", "Halvorsen, I. M."),
                ("date", "Forthcoming."),
                ("title", "Guilds without Ledgers."),
                ("location", "Oxford:"),
                ("publisher", "Clarendon Press."),
            ],
        ),
        # a note that is only a publication status is the status; one that says more is not
        (
            repair_status_note,
            "Chiang, J., 1998, ApJ, submitted. Eckhardt, B., Phys. Rev. E, to appear in vol. 3.",
            [
                ("author", "Chiang, J.,"),
                ("date", "1998,"),
                ("container-title", "ApJ,"),
                ("note", "submitted."),
                ("author", "Eckhardt, B.,"),
                ("container-title", "Phys. Rev. E,"),
                ("note", "to appear in vol. 3."),
            ],
            [
                ("author", "Chiang, J.,"),
                ("date", "1998,"),
                ("container-title", "ApJ,"),
                ("status", "submitted."),
                ("author", "Eckhardt, B.,"),
                ("container-title", "Phys. Rev. E,"),
                ("note", "to appear in vol. 3."),
            ],
        ),
        # GB/T 7714: a title with its type code read into the names
        (
            repair_cjk_title_in_author,
            "国务院. 关于加快发展的意见[EB/OL]. (2019-05-01)[2020-01-02]. http://www.gov.cn/a.htm.",
            [
                ("author", "国务院. 关于加快发展的意见[EB/OL]."),
                ("date", "(2019-05-01)[2020-01-02]."),
                ("url", "http://www.gov.cn/a.htm."),
            ],
            [
                ("author", "国务院."),
                ("title", "关于加快发展的意见[EB/OL]."),
                ("date", "(2019-05-01)[2020-01-02]."),
                ("url", "http://www.gov.cn/a.htm."),
            ],
        ),
        # Vancouver's article number after the volume, in mixed case, read as a publisher
        (
            repair_article_number_after_volume,
            "Stacey D. Decision aids. Cochrane Database Syst Rev. 2014;1:Cd001431.",
            [
                ("author", "Stacey D."),
                ("title", "Decision aids."),
                ("container-title", "Cochrane Database Syst Rev."),
                ("date", "2014;"),
                ("volume", "1:"),
                ("publisher", "Cd001431."),
            ],
            [
                ("author", "Stacey D."),
                ("title", "Decision aids."),
                ("container-title", "Cochrane Database Syst Rev."),
                ("date", "2014;"),
                ("volume", "1:"),
                ("pages", "Cd001431."),
            ],
        ),
        # ... not a publisher after a volume without the colon
        (
            repair_article_number_after_volume,
            "Brandt L. Salt roads. Vol. 2. Lagos 2016.",
            [
                ("author", "Brandt L."),
                ("title", "Salt roads."),
                ("volume", "Vol. 2."),
                ("publisher", "Lagos 2016."),
            ],
            [
                ("author", "Brandt L."),
                ("title", "Salt roads."),
                ("volume", "Vol. 2."),
                ("publisher", "Lagos 2016."),
            ],
        ),
        # German editions at the end of a title
        (
            repair_title_tail_edition_volume,
            "Belting, H.: Kunstgeschichte. Eine Einführung, 6. Aufl. Berlin 2003.",
            [
                ("author", "Belting, H.:"),
                ("title", "Kunstgeschichte. Eine Einführung, 6. Aufl."),
                ("location", "Berlin"),
                ("date", "2003."),
            ],
            [
                ("author", "Belting, H.:"),
                ("title", "Kunstgeschichte. Eine Einführung"),
                ("edition", "6. Aufl."),
                ("location", "Berlin"),
                ("date", "2003."),
            ],
        ),
        (
            repair_title_tail_edition_volume,
            "Brandt, L.: Häfen und Hinterland. 3., überarb. Aufl. Hamburg 2014.",
            [
                ("author", "Brandt, L.:"),
                ("title", "Häfen und Hinterland. 3., überarb. Aufl."),
                ("location", "Hamburg"),
                ("date", "2014."),
            ],
            [
                ("author", "Brandt, L.:"),
                ("title", "Häfen und Hinterland"),
                ("edition", "3., überarb. Aufl."),
                ("location", "Hamburg"),
                ("date", "2014."),
            ],
        ),
    ],
)
def test_structure_repair(step, text: str, tagged: list, expected: list) -> None:
    got = step(text, list(segments_of(text, tagged)))
    assert pairs(got) == expected
    for s in got:
        assert text[s.start : s.end] == s.text
