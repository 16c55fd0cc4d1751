"""Crossref work JSON -> Work: hand-built records for each rule, then every real recorded response."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from citekit.enrich import Work
from citekit.enrich.records import (
    clean_text,
    normalize_doi,
    work_from_json,
    works_from_message,
    year_of,
)
from citekit.model import Name


def _date(*parts: int | None) -> dict:
    return {"date-parts": [list(parts)]}


def test_full_record_maps_every_field() -> None:
    item = {
        "DOI": "10.1017/CBO9780511735455",
        "type": "book",
        "title": ["The <i>Logic</i> of\n   Collective Action"],
        "subtitle": ["Public Goods &amp; the Theory of Groups"],
        "author": [
            {"given": "Mancur", "family": "Olson", "suffix": "Jr.", "sequence": "first"},
            {"name": "Harvard Economic Studies Group", "sequence": "additional"},
        ],
        "editor": [{"given": "A. B.", "family": "Editor"}],
        "published-print": _date(1971, 1),
        "published-online": _date(2012, 6, 5),
        "issued": _date(1971),
        "created": _date(2012, 6, 5),
        "container-title": ["Harvard Economic Studies", "A Series"],
        "volume": "124",
        "issue": 2,
        "page": "1-186",
        "publisher": "Harvard University Press",
        "edition-number": "2",
        "ISBN": ["978-0-674-53751-4", "http://id.crossref.org/isbn/0674537513"],
        "isbn-type": [{"value": "9780674537514", "type": "print"}],
        "score": 27.5,
        "relation": {
            "has-review": [{"id-type": "doi", "id": "10.2307/ABC", "asserted-by": "object"}],
            "is-identical-to": {"id-type": "uri", "id": "http://example.org/x"},
        },
    }
    assert work_from_json(item) == Work(
        doi="10.1017/cbo9780511735455",
        type="book",
        title="The Logic of Collective Action",
        subtitle="Public Goods & the Theory of Groups",
        authors=(
            Name(family="Olson", given="Mancur", suffix="Jr."),
            Name(family="Harvard Economic Studies Group", literal=True),
        ),
        editors=(Name(family="Editor", given="A. B."),),
        year=1971,
        container_title="Harvard Economic Studies",
        volume="124",
        issue="2",
        pages="1-186",
        publisher="Harvard University Press",
        edition="2",
        isbn=("9780674537514", "0674537513"),
        score=27.5,
        relation=(("has-review", "10.2307/abc"), ("is-identical-to", "http://example.org/x")),
    )


def test_original_title_fallback() -> None:
    work = work_from_json({"DOI": "10.1/t", "title": [""], "original-title": ["Ursprung"]})
    assert work.title == "Ursprung"


def test_minimal_select_record() -> None:
    work = work_from_json({"DOI": "10.1/X", "title": ["Only a title"]})
    assert work == Work(doi="10.1/x", title="Only a title")


def test_no_doi_is_an_error_but_skipped_in_lists() -> None:
    with pytest.raises(ValueError, match="DOI"):
        work_from_json({"title": ["x"]})
    with pytest.raises(ValueError):
        work_from_json(["not", "a", "dict"])  # type: ignore[arg-type]
    body = {
        "message-type": "work-list",
        "message": {"items": [{"title": ["x"]}, {"DOI": "10.1/a"}]},
    }
    assert [w.doi for w in works_from_message(body)] == ["10.1/a"]


@pytest.mark.parametrize(
    ("item", "year"),
    [
        ({"published-print": _date(2020), "published-online": _date(2019, 12)}, 2020),
        ({"published-online": _date(2019, 12), "issued": _date(2019, 12)}, 2019),
        ({"issued": _date(None), "created": _date(2004, 6, 22)}, 2004),
        ({"issued": _date(None), "event": {"start": _date(2003, 5)}, "created": _date(2004)}, 2003),
        ({"issued": {"date-parts": []}}, None),
        ({"issued": {"date-parts": [["1999"]]}}, 1999),
        ({"posted": _date(2021, 3)}, 2021),
        ({}, None),
    ],
)
def test_year_order(item: dict, year: int | None) -> None:
    assert year_of(item) == year


def test_contributors_without_family() -> None:
    work = work_from_json(
        {
            "DOI": "10.1/y",
            "author": [
                {"given": "Plato", "sequence": "first"},
                {"sequence": "additional", "affiliation": []},
                "not a person",
            ],
        }
    )
    assert work.authors == (Name(family="Plato"),)


def test_page_falls_back_to_article_number() -> None:
    assert work_from_json({"DOI": "10.1/z", "article-number": "16696"}).pages == "16696"
    assert work_from_json({"DOI": "10.1/z", "article-number": "1", "page": "e5"}).pages == "e5"


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        (
            "Wärmen <i>c</i><sub><i>p</i></sub> – <i>C</i><sub><i>v</i></sub> im",
            "Wärmen cp – Cv im",
        ),
        ("The role of\n    <scp>AI</scp>\n   in ecology", "The role of AI in ecology"),
        ("x<mml:math><mml:mi>α</mml:mi></mml:math>-rays", "xα-rays"),
        ("line<br/>break", "line break"),
        ("x < y and z > w", "x < y and z > w"),
        ("Colloid &amp; Polymer", "Colloid & Polymer"),
        ("A &lt;scp&gt;DC‐DC&lt;/scp&gt; converter", "A DC‐DC converter"),
        ("INFANT&lt;subtitle&gt;Successful", "INFANT Successful"),
        (None, ""),
    ],
)
def test_clean_text(raw: object, clean: str) -> None:
    assert clean_text(raw) == clean


def test_normalize_doi() -> None:
    assert normalize_doi(" https://doi.org/10.1000/ABC ") == "10.1000/abc"
    assert normalize_doi("doi:10.1000/X") == "10.1000/x"
    assert normalize_doi("http://dx.doi.org/10.1/Y") == "10.1/y"


def test_works_from_message_shapes() -> None:
    record = {"DOI": "10.1/A", "title": ["A"]}
    assert [w.doi for w in works_from_message({"message-type": "work", "message": record})] == [
        "10.1/a"
    ]
    assert [w.doi for w in works_from_message(record)] == ["10.1/a"]
    assert [w.doi for w in works_from_message([record, {"DOI": "10.1/B"}])] == ["10.1/a", "10.1/b"]
    assert (
        works_from_message(
            {"status": "failed", "message-type": "validation-failure", "message": []}
        )
        == []
    )
    assert works_from_message("Resource not found.") == []
    assert works_from_message({"message-type": "work-agency", "message": {"DOI": "10.1/a"}}) == []


# --- every real recorded response ------------------------------------------------------------


def _decoded(shared: Path) -> Path:
    folder = shared / "data" / "crossref" / "habanero-decoded"
    if not folder.is_dir():
        pytest.skip(f"{folder} not found")
    return folder


@pytest.mark.shared
def test_every_recorded_work_maps(shared_dir: Path) -> None:
    folder = _decoded(shared_dir)
    seen = 0
    for path in sorted(folder.glob("*.json")):
        try:
            body = json.loads(path.read_text(encoding="utf-8"))
        except json.JSONDecodeError:
            continue  # a text/plain 404 body saved with a .json name
        works = works_from_message(body)
        kind = body.get("message-type")
        if kind == "work":
            assert len(works) == 1
            assert works[0].doi == body["message"]["DOI"].lower()
        elif kind == "work-list":
            items = body["message"]["items"]
            assert [w.doi for w in works] == [i["DOI"].lower() for i in items]
            for work, item in zip(works, items, strict=True):
                if "title" in item:
                    assert work.title
                if "score" in item:
                    assert work.score == pytest.approx(float(item["score"]))
                assert len(work.authors) == len(
                    [
                        a
                        for a in item.get("author", [])
                        if a.get("family") or a.get("name") or a.get("given")
                    ]
                )
        else:
            assert works == []
        seen += len(works)
    assert seen >= 90


@pytest.mark.shared
def test_recorded_single_work_fields(shared_dir: Path) -> None:
    body = json.loads(
        (_decoded(shared_dir) / "test-works_test_works_with_one_id__0.json").read_text(
            encoding="utf-8"
        )
    )
    work = works_from_message(body)[0]
    assert work.doi == "10.1371/journal.pone.0033693"
    assert work.type == "journal-article"
    assert work.title.startswith("Methylphenidate Exposure Induces Dopamine Neuron Loss")
    assert work.year == 2012
    assert work.container_title == "PLoS ONE"
    assert (work.volume, work.issue, work.pages) == ("7", "3", "e33693")
    assert work.authors[0] == Name(family="Sadasivan", given="Shankar")
    assert len(work.authors) == 6


@pytest.mark.shared
def test_recorded_select_records_are_partial(shared_dir: Path) -> None:
    body = json.loads(
        (_decoded(shared_dir) / "test-works_test_works_with_select_param__0.json").read_text(
            encoding="utf-8"
        )
    )
    works = works_from_message(body)
    assert len(works) == 20
    assert all(w.title and w.year is None and not w.authors and not w.type for w in works)


@pytest.mark.shared
def test_works_sample_all_map(shared_dir: Path) -> None:
    path = shared_dir / "data" / "crossref" / "works-sample" / "works-sample.jsonl.gz"
    if not path.is_file():
        pytest.skip(f"{path} not found")
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        items = [json.loads(line) for line in lines]
    works = [work_from_json(item) for item in items]
    assert len({w.doi for w in works}) == len(items)
    assert all(w.type for w in works)
    untitled = {
        i["DOI"].lower() for i in items if not any(i.get("title", []) + i.get("original-title", []))
    }
    assert {w.doi for w in works if not w.title} == untitled
    assert all(w.year is not None for w in works)
    assert not any("<" in w.title and ">" in w.title for w in works)
    reviews = [w for w in works if any(kind == "is-review-of" for kind, _ in w.relation)]
    assert reviews and all(target.startswith("10.") for w in reviews for _, target in w.relation)


@pytest.mark.shared
def test_older_api_work_lists_map(shared_dir: Path) -> None:
    """Work lists recorded from the 2019 API (Crossref's own matcher tests) map with their scores."""
    folder = shared_dir / "data" / "crossref" / "crossref-sbmv-java" / "api-responses"
    if not folder.is_dir():
        pytest.skip(f"{folder} not found")
    for path in sorted(folder.glob("*.json")):
        body = json.loads(path.read_text(encoding="utf-8"))
        works = works_from_message(body)
        items = body["message"]["items"]
        assert [w.doi for w in works] == [i["DOI"].lower() for i in items]
        scores = [w.score for w in works]
        assert scores == sorted(scores, reverse=True) and scores[0] > 0
    cermine = works_from_message(
        json.loads((folder / "unstructured-ref-response-1.json").read_text(encoding="utf-8"))
    )[0]
    assert cermine.doi == "10.1007/s10032-015-0249-8"
    assert cermine.year == 2015 and cermine.authors[0].family == "Tkaczyk"
    assert cermine.title.startswith("CERMINE: automatic extraction of structured metadata")
