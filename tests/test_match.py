"""Validation of candidate records: the traps (other edition/year, review, chapter vs book,
same title by another author, no title) and the ordinary matches."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from citekit.enrich import Work
from citekit.enrich.match import (
    ACCEPT_THRESHOLD,
    assess,
    fold,
    validate,
    verify,
)
from citekit.enrich.records import work_from_json
from citekit.model import Name, Reference, Span


@pytest.fixture(scope="module")
def works(data_dir: Path) -> dict[str, Work]:
    lines = (data_dir / "enrich" / "works.jsonl").read_text(encoding="utf-8").splitlines()
    records = [work_from_json(json.loads(line)) for line in lines if line.strip()]
    return {w.doi: w for w in records}


def ref(raw: str = "", **fields: object) -> Reference:
    return Reference(id="r1", raw=raw, span=Span(0, len(raw)), **fields)  # type: ignore[arg-type]


NYE = (Name("Nye", "Joseph S."),)
BOOK_2004 = ref(
    "Nye, J. S. (2004). Soft power: The means to success in world politics. PublicAffairs.",
    type="book",
    authors=NYE,
    title="Soft power: The means to success in world politics",
    publisher="PublicAffairs",
    year=2004,
)
ARTICLE_1990 = ref(
    "Nye, J. S. (1990). Soft power. Foreign Policy, 80, 153–171.",
    type="article-journal",
    authors=NYE,
    title="Soft power",
    container_title="Foreign Policy",
    year=1990,
    volume="80",
    pages="153-171",
)


def reasons(result) -> dict[str, str]:
    return {r.doi: r.reason for r in result.rejected}


def test_fold_drops_diacritics_markup_and_punctuation() -> None:
    assert fold("Wójcik, Łukasz & Øster–Straße") == "wojcik lukasz oster strasse"
    assert fold("<i>Drosophila</i> genetics") == "drosophila genetics"


def test_book_matched_among_its_traps(works: dict[str, Work]) -> None:
    result = validate(BOOK_2004, list(works.values()), keep_rejected=20)
    assert result.status == "matched"
    assert result.doi == "10.5555/book.softpower.2004"
    assert result.confidence >= ACCEPT_THRESHOLD
    whats = {e.what for e in result.evidence}
    assert {"title", "author", "year"} <= whats
    why = reasons(result)
    assert why["10.5555/fp.1990.80.153"] in ("other-year", "other-edition", "review", "type")
    assert why["10.5555/psq.2005.review"] == "review"
    assert why["10.5555/book.softpower.2004.ch1"] == "chapter-of-book"
    assert why["10.5555/jpp.2011.4.25"] in ("other-author", "other-year")
    assert result.runner_up is not None and result.runner_up.doi != result.doi


def test_book_never_gets_the_1990_article_or_the_review(works: dict[str, Work]) -> None:
    traps = [w for d, w in works.items() if d != "10.5555/book.softpower.2004"]
    result = validate(BOOK_2004, traps, keep_rejected=20)
    assert result.status == "no-match"
    assert result.doi is None
    why = reasons(result)
    assert why["10.5555/psq.2005.review"] == "review"
    # the rejection carries a readable detail, not just a code
    article = next(r for r in result.rejected if r.doi == "10.5555/fp.1990.80.153")
    assert "1990" in article.detail and "2004" in article.detail


def test_article_1990_is_not_given_the_2004_book(works: dict[str, Work]) -> None:
    result = validate(ARTICLE_1990, [works["10.5555/book.softpower.2004"]])
    assert result.status == "no-match"
    assert result.rejected[0].reason in ("other-year", "other-edition")
    matched = validate(ARTICLE_1990, list(works.values()))
    assert matched.status == "matched" and matched.doi == "10.5555/fp.1990.80.153"


def test_same_title_by_another_author_is_rejected(works: dict[str, Work]) -> None:
    gallarotti = ref(
        "Gallarotti, G. M. (2011). Soft power. Journal of Political Power, 4(1), 25–47.",
        authors=(Name("Gallarotti", "Giulio M."),),
        title="Soft power",
        container_title="Journal of Political Power",
        year=2011,
        volume="4",
        issue="1",
        pages="25-47",
    )
    result = validate(gallarotti, [works["10.5555/fp.1990.80.153"]])
    assert result.status == "no-match"
    assert result.rejected[0].reason in ("other-author", "other-year")
    same_year = ref(
        "Gallarotti, G. M. (1990). Soft power. Foreign Policy, 80, 153–171.",
        authors=(Name("Gallarotti", "Giulio M."),),
        title="Soft power",
        year=1990,
    )
    result = validate(same_year, [works["10.5555/fp.1990.80.153"]])
    assert result.status == "no-match"
    assert result.rejected[0].reason == "other-author"


def test_review_is_accepted_when_the_reference_cites_the_review(works: dict[str, Work]) -> None:
    review = ref(
        "Keller, A. (2005). [Review of Soft power: The means to success in world politics, by "
        "J. S. Nye]. Political Science Quarterly, 120(1), 130–131.",
        authors=(Name("Keller", "Anna"),),
        year=2005,
        container_title="Political Science Quarterly",
        volume="120",
        issue="1",
        pages="130-131",
    )
    result = validate(review, list(works.values()))
    assert result.status == "matched"
    assert result.doi == "10.5555/psq.2005.review"


def test_chapter_and_its_book_are_told_apart(works: dict[str, Work]) -> None:
    chapter = ref(
        "Wojcik, Z., & Van Der Berg, J. (2019). Grazers and the shape of salt marshes. In C. "
        "Okafor (Ed.), Coastal ecology revisited (pp. 45–67). Example University Press.",
        type="chapter",
        authors=(Name("Wojcik", "Z."), Name("Berg", "J.", particle="Van Der")),
        editors=(Name("Okafor", "C."),),
        title="Grazers and the shape of salt marshes",
        container_title="Coastal ecology revisited",
        year=2019,
        pages="45-67",
    )
    result = validate(chapter, list(works.values()), keep_rejected=20)
    assert result.status == "matched"
    assert result.doi == "10.5555/ecol.2019.chapter"
    assert reasons(result)["10.5555/ecol.2019.book"] == "book-not-chapter"
    only_book = validate(chapter, [works["10.5555/ecol.2019.book"]])
    assert only_book.status == "no-match"
    assert only_book.rejected[0].reason == "book-not-chapter"


def test_cited_book_does_not_get_a_chapter_of_it(works: dict[str, Work]) -> None:
    book = ref(
        "Okafor, C. (Ed.). (2019). Coastal ecology revisited. Example University Press.",
        type="book",
        editors=(Name("Okafor", "C."),),
        title="Coastal ecology revisited",
        publisher="Example University Press",
        year=2019,
    )
    result = validate(book, [works["10.5555/ecol.2019.chapter"]])
    assert result.status == "no-match"
    assert result.rejected[0].reason in ("chapter-of-book", "other-author", "title-differs")
    result = validate(book, [works["10.5555/ecol.2019.chapter"], works["10.5555/ecol.2019.book"]])
    assert result.status == "matched" and result.doi == "10.5555/ecol.2019.book"


def test_other_edition_is_rejected(works: dict[str, Work]) -> None:
    nineteenth = ref(
        "Samuelson, P. A., & Nordhaus, W. D. (2009). Economics (19th ed.). McGraw-Hill.",
        type="book",
        authors=(Name("Samuelson", "P. A."), Name("Nordhaus", "W. D.")),
        title="Economics",
        edition="19",
        publisher="McGraw-Hill",
        year=2009,
    )
    result = validate(nineteenth, [works["10.5555/econ.1948"], works["10.5555/econ.2009"]])
    assert result.status == "matched" and result.doi == "10.5555/econ.2009"
    first = ref(
        "Samuelson, P. A. (1948). Economics: An introductory analysis. McGraw-Hill.",
        type="book",
        authors=(Name("Samuelson", "P. A."),),
        title="Economics: An introductory analysis",
        publisher="McGraw-Hill",
        year=1948,
    )
    result = validate(first, [works["10.5555/econ.2009"]])
    assert result.status == "no-match"
    assert result.rejected[0].reason in ("other-edition", "other-year")


def test_edition_number_disagreement_is_a_veto(works: dict[str, Work]) -> None:
    # same year on purpose: only the edition tells them apart
    wrong_edition = ref(
        "Samuelson, P. A., & Nordhaus, W. D. (2009). Economics (18th ed.). McGraw-Hill.",
        type="book",
        authors=(Name("Samuelson", "P. A."), Name("Nordhaus", "W. D.")),
        title="Economics",
        edition="18th",
        year=2009,
    )
    a = assess(wrong_edition, works["10.5555/econ.2009"])
    assert a.veto == "other-edition"


def test_reference_without_title_needs_all_coordinates(works: dict[str, Work]) -> None:
    right, other = works["10.5555/prb.47.9967"], works["10.5555/prb.47.4420"]
    vancouver = ref("[3] M.J. Shea, R.N. Compton, Phys. Rev. B 47 (1993) 9967.")
    result = validate(vancouver, [other, right])
    assert result.status == "matched" and result.doi == right.doi
    assert any(e.what == "coordinates" for e in result.evidence)
    # the other paper of the same authors, journal, volume and year is not taken
    result = validate(vancouver, [other])
    assert result.status == "no-match"
    assert result.rejected[0].reason in ("too-little-evidence", "other-pages")
    # without a first page there is not enough to be sure, even with the right record
    no_page = ref("[3] M.J. Shea, R.N. Compton, Phys. Rev. B 47 (1993).")
    result = validate(no_page, [right])
    assert result.status == "no-match"
    assert result.rejected[0].reason == "too-little-evidence"
    assert "first page" in result.rejected[0].detail


def test_parsed_fields_alone_are_enough(works: dict[str, Work]) -> None:
    # a .bib entry has no raw text: the reference is rebuilt from its fields
    entry = ref(
        "",
        type="article-journal",
        authors=(Name("Shea", "M. J."), Name("Compton", "R. N.")),
        container_title="Phys. Rev. B",
        year=1993,
        volume="47",
        pages="9967",
    )
    result = validate(entry, [works["10.5555/prb.47.4420"], works["10.5555/prb.47.9967"]])
    assert result.status == "matched" and result.doi == "10.5555/prb.47.9967"
    container = next(e for e in result.evidence if e.what == "container")
    assert container.weight > 0  # "Phys. Rev. B" abbreviates "Physical Review B"


def test_one_year_off_is_tolerated_for_articles_not_books(works: dict[str, Work]) -> None:
    online_first = ARTICLE_1990.with_(year=1989, raw=ARTICLE_1990.raw.replace("1990", "1989"))
    a = assess(online_first, works["10.5555/fp.1990.80.153"])
    assert not a.veto
    assert any("one year off" in e.detail for e in a.evidence)
    book_off = BOOK_2004.with_(year=2005, raw=BOOK_2004.raw.replace("2004", "2005"))
    a = assess(book_off, works["10.5555/book.softpower.2004"])
    assert a.veto in ("other-year", "other-edition")


def test_identical_records_are_ambiguous(works: dict[str, Work]) -> None:
    original = works["10.5555/fp.1990.80.153"]
    twin = replace(original, doi="10.5555/twin")
    result = validate(ARTICLE_1990, [original, twin])
    assert result.status == "no-match"
    assert {r.reason for r in result.rejected} == {"ambiguous"}


def test_threshold_is_respected(works: dict[str, Work]) -> None:
    result = validate(BOOK_2004, [works["10.5555/book.softpower.2004"]], threshold=0.99)
    assert result.status == "no-match"
    assert result.rejected[0].reason == "below-threshold"


def test_doi_written_in_the_reference_wins(works: dict[str, Work]) -> None:
    with_doi = ARTICLE_1990.with_(raw=ARTICLE_1990.raw + " https://doi.org/10.5555/SOMETHING.else")
    a = assess(with_doi, works["10.5555/fp.1990.80.153"])
    assert a.veto == "other-doi"


def test_dataset_reference_does_not_get_the_article(works: dict[str, Work]) -> None:
    data = ref(
        "Nye, J. S. (1990). Soft power [Data set]. Dryad. Foreign Policy 80.",
        authors=NYE,
        title="Soft power",
        year=1990,
    )
    assert assess(data, works["10.5555/fp.1990.80.153"]).veto == "type"


def test_no_candidates_is_no_match() -> None:
    result = validate(BOOK_2004, [])
    assert result.status == "no-match" and result.rejected == () and result.runner_up is None


def test_verify_existing_doi(works: dict[str, Work]) -> None:
    doi = "10.5555/fp.1990.80.153"
    ok = verify(ARTICLE_1990, doi, works[doi])
    assert ok.status == "verified" and ok.doi == doi and ok.existing_doi == doi
    missing = verify(ARTICLE_1990, "10.5555/nothing", None)
    assert missing.status == "conflict" and "does not exist" in missing.message
    wrong = verify(BOOK_2004, doi, works[doi])
    assert wrong.status == "conflict"
    assert wrong.doi == doi  # never replaced
    assert "another work" in wrong.message


def test_review_by_title_but_not_a_review_article(works: dict[str, Work]) -> None:
    book_review = Work(
        doi="10.5555/review.by.title",
        type="journal-article",
        title="Review of Soft power: the means to success in world politics",
        authors=(Name("Keller", "Anna"),),
        container_title="Political Science Quarterly",
        year=2004,
    )
    assert assess(BOOK_2004, book_review).veto == "review"
    survey = Work(
        doi="10.5555/survey",
        type="journal-article",
        title="A review of recent developments in embedded cooling",
        authors=(Name("Rangarajan", "S."),),
        container_title="Engineering",
        volume="26",
        pages="185-197",
        year=2023,
    )
    cited = ref(
        "Rangarajan, S. (2023). A review of recent developments in embedded cooling. "
        "Engineering, 26, 185–197.",
        authors=(Name("Rangarajan", "S."),),
        title="A review of recent developments in embedded cooling",
        container_title="Engineering",
        year=2023,
        volume="26",
        pages="185-197",
    )
    result = validate(cited, [survey])
    assert result.status == "matched"
    no_title = ref("[7] S. Rangarajan, Engineering 26 (2023) 185–197.")
    assert validate(no_title, [survey]).status == "matched"


def test_unsigned_notice_needs_title_and_every_coordinate() -> None:
    notice = Work(
        doi="10.5555/jama.necrology",
        type="journal-article",
        title="Necrology",
        container_title="Journal of the American Medical Association",
        volume="IX",
        issue="24",
        pages="767",
        year=1887,
    )
    neighbour = replace(notice, doi="10.5555/jama.marriages", title="Marriages")
    cited = ref("Necrology. (1887). Journal of the American Medical Association, IX(24), 767.")
    result = validate(cited, [neighbour, notice])
    assert result.status == "matched" and result.doi == notice.doi
    assert any(e.what == "coordinates" for e in result.evidence)
    # the same notice cited without its page is not enough
    no_page = ref("Necrology. (1887). Journal of the American Medical Association, IX.")
    assert validate(no_page, [notice]).status == "no-match"


def test_an_author_name_parsed_as_title_is_no_title(works: dict[str, Work]) -> None:
    # title-less styles make parsers read the last author as the title
    raw = "[3] M.J. Shea, R.N. Compton, Physical Review B 47 (1993) 9967–9970."
    misparsed = ref(
        raw,
        authors=(Name("Shea", "M.J."),),
        title="R.N. Compton",
        container_title="Physical Review B",
        year=1993,
        volume="47",
        pages="9967-9970",
    )
    result = validate(misparsed, [works["10.5555/prb.47.9967"]])
    assert result.status == "matched"
    # a real title that differs still vetoes
    other = misparsed.with_(title="Electron impact ionization of potassium dimers")
    assert validate(other, [works["10.5555/prb.47.9967"]]).rejected[0].reason == "title-differs"


# ---------------------------------------------------------------- thin references
# References that carry little: records without an author, styles without titles.
# Each acceptance route below has a guard test beside it.


def test_fold_keeps_other_scripts() -> None:
    assert fold("Математическое  моделирование.") == "математическое моделирование"
    assert fold("雜録・雜報") == "雜録 雜報"


def test_coverage_counts_the_reference_words_the_record_explains() -> None:
    from citekit.enrich.match import _view, coverage

    work = Work(
        doi="10.5555/cov",
        title="Cardiac surgery",
        container_title="Journal of the American Medical Association",
        volume="XXVI",
        issue="24",
        pages="1183",
        year=1896,
    )
    whole = _view(
        ref(
            "[12] Cardiac surgery. (1896). Journal of the American Medical "
            "Association, XXVI(24), p. 1183."
        )
    )
    assert coverage(whole, work) == 1.0  # citation number, "p." and punctuation do not count
    signed = _view(
        ref(
            "Smith, J. (1896). Cardiac surgery. Journal of the American Medical "
            "Association, XXVI(24), 1183."
        )
    )
    assert coverage(signed, work) < 0.95  # "smith" is not the record's


UNSIGNED = Work(
    doi="10.5555/jama.cardiac",
    type="journal-article",
    title="Cardiac surgery",
    container_title="Journal of the American Medical Association",
    volume="XXVI",
    issue="24",
    pages="1183",
    year=1896,
)


def test_unsigned_record_matched_when_the_reference_is_nothing_but_its_fields() -> None:
    # APA puts the title of an unsigned item in the author's place: the parser's
    # fields are a mess, the text is all the record's
    cited = ref(
        "Cardiac surgery. (1896). Cardiac surgery. Journal of the American Medical "
        "Association, XXVI(24), 1183.",
        title="Cardiac surgery. Journal of the American Medical Association",
        volume="24",
        year=1896,
    )
    result = validate(cited, [UNSIGNED])
    assert result.status == "matched" and result.doi == UNSIGNED.doi
    assert result.thin
    assert any(e.what == "whole reference" for e in result.evidence)


def test_unsigned_record_is_not_given_to_a_signed_reference() -> None:
    unsigned = ref(
        "Cardiac surgery. (1896). Cardiac surgery. Journal of the American Medical "
        "Association, XXVI(24), 1183."
    )
    assert validate(unsigned, [UNSIGNED]).doi == UNSIGNED.doi
    signed = ref(
        "Smith, J. (1896). Cardiac surgery. Journal of the American Medical Association.",
        authors=(Name("Smith", "J."),),
        title="Cardiac surgery",
        container_title="Journal of the American Medical Association",
        year=1896,
    )
    # an author the record does not have, and no volume or page to place it
    result = validate(signed, [UNSIGNED])
    assert result.status == "no-match"
    assert not any(e.what == "whole reference" for e in assess(signed, UNSIGNED).evidence)


def test_recurring_heading_without_its_page_is_not_enough() -> None:
    # "Necrology" ran in every issue: without the page it names none of them
    necrology = replace(UNSIGNED, doi="10.5555/jama.necrology.1896", title="Necrology")
    cited = ref("Necrology. (1896). Journal of the American Medical Association, XXVI(24).")
    assert validate(cited, [necrology]).status == "no-match"
    with_page = ref(
        "Necrology. (1896). Journal of the American Medical Association, XXVI(24), 1183."
    )
    assert validate(with_page, [necrology]).status == "matched"


def test_thin_match_needs_a_clear_margin_over_the_runner_up() -> None:
    cited = ref("Test of large widget. (2016). Test of large widget. Nature.")
    widget = Work(
        doi="10.5555/widget.a",
        type="journal-article",
        title="Test of large widget",
        container_title="Nature",
        year=2016,
    )
    assert validate(cited, [widget]).status == "matched"
    # a duplicate record in the registry: no guess
    twin = replace(widget, doi="10.5555/widget.b")
    result = validate(cited, [widget, twin])
    assert result.status == "no-match"
    assert {r.reason for r in result.rejected} == {"ambiguous"}


def test_unsigned_item_cited_by_its_place_alone() -> None:
    item = Work(
        doi="10.5555/arch.94.791",
        type="journal-article",
        title="Books received",
        container_title="Archives of Dermatology",
        volume="94",
        pages="791",
        year=1966,
    )
    cited = ref("[12] Archives of Dermatology 94 (1966) 791.")
    result = validate(cited, [item])
    assert result.status == "matched" and result.thin
    # another page, another item
    assert validate(ref("[12] Archives of Dermatology 94 (1966) 795."), [item]).status == "no-match"
    # "page 1" places nothing: every separately paginated item starts there
    first = replace(item, pages="1-1")
    assert validate(ref("[12] Archives of Dermatology 94 (1966) 1-1."), [first]).status == (
        "no-match"
    )
    # a record titled like its journal (a journal's self-titled notices) says nothing
    selftitled = replace(item, title="Archives of Dermatology")
    assert validate(cited, [selftitled]).status == "no-match"


def test_unsigned_chapter_cited_by_its_book_and_pages() -> None:
    chapter = Work(
        doi="10.5555/molecol.ch2",
        type="book-chapter",
        title="Behavioural ecology",
        container_title="Molecular Ecology",
        publisher="John Wiley & Sons, Ltd",
        pages="35-75",
        year=2012,
    )
    cited = ref("[218] in: Molecular Ecology, John Wiley & Sons, Ltd, 2012, pp. 35–75.")
    assert validate(cited, [chapter]).doi == chapter.doi
    # the book itself is not the chapter
    book = Work(
        doi="10.5555/molecol",
        type="book",
        title="Molecular Ecology",
        publisher="John Wiley & Sons, Ltd",
        year=2012,
    )
    assert validate(cited, [book]).status == "no-match"


def test_titleless_reference_to_a_record_without_a_page() -> None:
    online = Work(
        doi="10.5555/arch.139.6.787",
        type="journal-article",
        title="Teledermatology",
        authors=(Name("Anderson", "R. Rox"),),
        container_title="Archives of Dermatology",
        volume="139",
        issue="6",
        year=2003,
    )
    cited = ref("[4] R.R. Anderson, Archives of Dermatology 139 (2003).")
    result = validate(cited, [online])
    assert result.status == "matched" and result.thin
    assert any("no page" in e.detail for e in result.evidence if e.what == "coordinates")
    # a word in the reference that the record does not explain: not this record
    assert (
        validate(ref("[4] R.R. Anderson, Archives of Dermatology 139 (2003) 787."), [online]).status
        == "no-match"
    )
    # the record has a page the reference does not give: the old rule (all coordinates)
    paged = replace(online, pages="787-790")
    assert validate(cited, [paged]).status == "no-match"
    # the same author's other paper in that volume, also without a page: ambiguous
    other = replace(online, doi="10.5555/arch.139.6.790", title="Another letter")
    assert validate(cited, [online, other]).status == "no-match"


def test_titleless_reference_to_an_article_numbered_record() -> None:
    numbered = Work(
        doi="10.5555/bjr.20170603",
        type="journal-article",
        title="MRI of the prostate",
        authors=(Name("Elfatairy", "K. K."), Name("Filson", "C. P.")),
        container_title="The British Journal of Radiology",
        pages="20170603",
        year=2018,
    )
    cited = ref(
        "[9] K.K. Elfatairy, C.P. Filson, The British Journal of Radiology (2018) 20170603."
    )
    assert validate(cited, [numbered]).doi == numbered.doi
    assert (
        validate(
            ref(
                "[9] K.K. Elfatairy, C.P. Filson, The British Journal of Radiology (2019) 20170603."
            ),
            [numbered],
        ).status
        == "no-match"
    )


def test_a_titleless_reference_may_cite_a_book_review_by_its_coordinates(
    works: dict[str, Work],
) -> None:
    review = Work(
        doi="10.5555/cities.29.74",
        type="journal-article",
        title="Book review",
        authors=(Name("Garmany", "Jeff"),),
        container_title="Cities",
        volume="29",
        pages="74-75",
        year=2012,
    )
    assert validate(ref("[3] J. Garmany, Cities 29 (2012) 74–75."), [review]).doi == review.doi
    # ... but a reference to the book never gets a review of it (the Nye trap)
    review_of_nye = Work(
        doi="10.5555/review.nye",
        type="journal-article",
        title="Book reviews",
        authors=(Name("Keller", "Anna"),),
        container_title="Political Science Quarterly",
        volume="120",
        pages="130-131",
        year=2004,
    )
    result = validate(BOOK_2004, [review_of_nye])
    assert result.status == "no-match"
    assert validate(BOOK_2004, list(works.values())).doi == "10.5555/book.softpower.2004"


def test_short_chapter_title_in_its_book_without_in() -> None:
    # Vancouver prints a chapter as "Title. Book, Publisher; year, p. x-y." (no "In:")
    olive = Work(
        doi="10.5555/trees.olive",
        type="book-chapter",
        title="Olive",
        container_title="The Long, Long Life of Trees",
        publisher="Yale University Press",
        pages="65-80",
        year=2020,
    )
    cited = ref(
        "[1257] Olive. The Long, Long Life of Trees, Yale University Press; 2020, p. 65–80.",
        title="The Long, Long Life of Trees",
        publisher="Yale University Press",
        year=2020,
    )
    assert validate(cited, [olive]).doi == olive.doi
    # the whole book cited: not its chapter
    book = ref(
        "Tortell, F. (2020). The Long, Long Life of Trees. Yale University Press.",
        type="book",
        authors=(Name("Tortell", "F."),),
        title="The Long, Long Life of Trees",
        year=2020,
    )
    assert validate(book, [olive]).status == "no-match"


def test_a_title_in_cyrillic_is_compared() -> None:
    work = Work(
        doi="10.5555/ru",
        type="journal-article",
        title="Математическое моделирование твердофазной плунжерной экструзии",
        authors=(Name("Паршин", "Д. А."),),
        container_title="Теоретические основы химической технологии",
        volume="49",
        issue="3",
        pages="361-366",
        year=2015,
    )
    cited = ref(
        "Паршин, Д. А. (2015). Математическое моделирование твердофазной плунжерной "
        "экструзии. Теоретические основы химической технологии, 49(3), 361–366."
    )
    result = validate(cited, [work])
    assert result.status == "matched"
    assert any(e.what == "title" and e.weight > 0 for e in result.evidence)
    other = replace(
        work, doi="10.5555/ru2", title="Кинетика полимеризации в расплаве", pages="367-370"
    )
    assert validate(cited, [other]).status == "no-match"


def test_titleless_coordinates_need_the_first_author_in_front() -> None:
    # the record's first author is the reference's second: another paper
    other = Work(
        doi="10.5555/tswj.2014.158601",
        type="journal-article",
        title="Pathogens",
        authors=(Name("Rodriguez", "Alex"), Name("Ilic", "Sanja")),
        container_title="The Scientific World Journal",
        volume="2014",
        pages="7-12",
        year=2014,
    )
    cited = ref(
        "[994] L. Barba, N. Rodríguez, C. Montt, The Scientific World Journal 2014 (2014) 7–12."
    )
    assert validate(cited, [other]).status == "no-match"
    lead = replace(other, authors=(Name("Barba", "Luis"), Name("Rodriguez", "N.")))
    assert validate(cited, [lead]).doi == lead.doi
    # a family name with a particle still leads: "W.A. Van Gool"
    van = replace(other, authors=(Name("Van Gool", "W. A."),))
    assert (
        validate(
            ref("[32] W.A. Van Gool, The Scientific World Journal 2014 (2014) 7–12."), [van]
        ).doi
        == van.doi
    )


def test_titleless_page_one_needs_the_whole_range() -> None:
    # journals that start every article on page 1 of a volume named after the year
    article = Work(
        doi="10.5555/mpe.2018.1",
        type="journal-article",
        title="Scheduling",
        authors=(Name("Zhang", "X."),),
        container_title="Mathematical Problems in Engineering",
        volume="2018",
        pages="1-12",
        year=2018,
    )
    same = ref("[1] X. Zhang, Mathematical Problems in Engineering 2018 (2018) 1–12.")
    assert validate(same, [article]).doi == article.doi
    other = ref("[1] X. Zhang, Mathematical Problems in Engineering 2018 (2018) 1–20.")
    assert validate(other, [article]).status == "no-match"
    # another journal is never the place
    journal = ref("[1] X. Zhang, Journal of Pathogens 2018 (2018) 1–12.")
    assert validate(journal, [article]).status == "no-match"


def test_abbreviated_page_ranges_are_written_out() -> None:
    from citekit.enrich.match import expand_page_ranges

    assert expand_page_ranges("p. 125–7.") == "p. 125–127."
    assert expand_page_ranges("1433-40; 319–27; 12-15") == "1433-1440; 319–327; 12-15"
    assert expand_page_ranges("2019-20 and 1998-2001") == "2019-2020 and 1998-2001"
    assert expand_page_ranges("(1-2), 95-3") == "(1-2), 95-3"  # not a range that grows
    fungi = Work(
        doi="10.5555/fungi",
        type="book-chapter",
        title="Fungi",
        container_title="Handbook of Environmental Data and Ecological Parameters",
        publisher="Elsevier",
        pages="125-127",
        year=1979,
    )
    cited = ref(
        "[347] FUNGI. Handbook of Environmental Data and Ecological Parameters, Elsevier; "
        "1979, p. 125–7."
    )
    assert validate(cited, [fungi]).doi == fungi.doi


def test_initials_written_together_are_the_authors() -> None:
    chapter = Work(
        doi="10.5555/melatonin",
        type="book-chapter",
        title="Melatonin",
        authors=(Name("Iriti", "Marcello"), Name("Varoni", "Elena Maria")),
        container_title="The Mediterranean Diet",
        publisher="Elsevier",
        pages="199-204",
        year=2015,
    )
    cited = ref(
        "[355] Iriti M, Varoni EM. Melatonin. The Mediterranean Diet, Elsevier; 2015, p. 199–204.",
        title="The Mediterranean Diet",
        year=2015,
    )
    assert validate(cited, [chapter]).doi == chapter.doi


def test_a_reference_to_a_peer_review_may_get_the_peer_review() -> None:
    review = Work(
        doi="10.5555/peerj.3819/reviews/2",
        type="peer-review",
        title='Peer Review #2 of "Human agency beliefs influence behaviour (v0.1)"',
        authors=(Name("Georgescu", "A."),),
        year=2017,
    )
    cited = ref(
        'Georgescu A. Peer Review #2 of "Human agency beliefs influence behaviour (v0.1)" 2017.'
    )
    assert validate(cited, [review]).doi == review.doi
    article = ref("Smith J. Human agency beliefs influence behaviour (v0.1). PeerJ 2017.")
    assert validate(article, [review]).status == "no-match"


def test_the_preprint_is_not_the_journal_article() -> None:
    preprint = Work(
        doi="10.5555/biorxiv.014852",
        type="posted-content",
        title="After the games are over: life-history trade-offs drive dispersal "
        "attenuation following range expansion",
        authors=(Name("Perkins", "T. Alex"), Name("Boettiger", "Carl")),
        year=2015,
    )
    article = replace(
        preprint,
        doi="10.5555/ece3.2314",
        type="journal-article",
        container_title="Ecology and Evolution",
        volume="6",
        pages="6425-6434",
    )
    cited = ref(
        "Perkins, T. A., & Boettiger, C. (2016). After the games are over: life-history "
        "trade-offs drive dispersal attenuation following range expansion. Ecology and "
        "Evolution, 6(18), 6425–6434.",
        authors=(Name("Perkins", "T. A."), Name("Boettiger", "C.")),
        title="After the games are over: life-history trade-offs drive dispersal attenuation "
        "following range expansion",
        container_title="Ecology and Evolution",
        volume="6",
        issue="18",
        pages="6425-6434",
        year=2016,
    )
    result = validate(cited, [preprint])
    assert result.status == "no-match" and result.rejected[0].reason == "type"
    assert "preprint" in result.rejected[0].detail
    assert validate(cited, [preprint, article]).doi == article.doi


def test_thin_margin_rule_in_the_decision(monkeypatch: pytest.MonkeyPatch) -> None:
    # the decision alone: scores are given, so the margin rule is what is tested
    from citekit.enrich import match

    scores = {
        "10.5555/a": (0.85, "", True),
        "10.5555/b": (0.74, "too-little-evidence", False),  # 0.11 behind: too close
        "10.5555/c": (0.60, "", False),
    }

    def fake(view: object, work: Work, raw: str) -> match.Assessment:
        conf, veto, thin = scores[work.doi]
        return match.Assessment(work, conf, (), veto, "", thin)

    monkeypatch.setattr(match, "_assess", fake)
    works = [Work(doi=d) for d in scores]
    cited = ref("anything at all")
    assert validate(cited, works).status == "no-match"
    scores["10.5555/b"] = (0.74, "other-year", False)  # ruled out: no rival
    assert validate(cited, works).doi == "10.5555/a"
    scores["10.5555/b"] = (0.74, "too-little-evidence", False)
    scores["10.5555/a"] = (0.85, "", False)  # well-founded: the usual 0.03 margin
    assert validate(cited, works).doi == "10.5555/a"
