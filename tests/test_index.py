"""The local SQLite FTS5 index: building from every accepted record format, searching, lookups."""

from __future__ import annotations

import gzip
import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from citekit.enrich.index import LocalIndex, build_index, query_tokens, read_records
from citekit.enrich.match import validate
from citekit.errors import InputError
from citekit.model import Reference, Span


@pytest.fixture()
def works_jsonl(data_dir: Path) -> Path:
    return data_dir / "enrich" / "works.jsonl"


@pytest.fixture()
def index(tmp_path: Path, works_jsonl: Path) -> LocalIndex:
    path = tmp_path / "works.sqlite"
    stats = build_index([works_jsonl], path)
    assert stats.records == 11 and stats.skipped == 0
    return LocalIndex(path)


def test_build_from_jsonl_gz_and_plain_give_the_same_index(
    tmp_path: Path, works_jsonl: Path
) -> None:
    gz = tmp_path / "works.jsonl.gz"
    with gzip.open(gz, "wt", encoding="utf-8") as handle:
        handle.write(works_jsonl.read_text(encoding="utf-8"))
    # a gzipped file is recognised by its content, whatever its name
    renamed = tmp_path / "works.data"
    shutil.copy(gz, renamed)
    plain = build_index([works_jsonl], tmp_path / "a.sqlite")
    zipped = build_index([gz], tmp_path / "b.sqlite")
    odd = build_index([renamed], tmp_path / "c.sqlite")
    assert plain.records == zipped.records == odd.records == 11
    a, b = LocalIndex(tmp_path / "a.sqlite"), LocalIndex(tmp_path / "b.sqlite")
    dois = ["10.5555/prb.47.9967", "10.5555/econ.2009"]
    assert a.lookup(dois) == b.lookup(dois)


def test_build_from_api_responses(tmp_path: Path, data_dir: Path) -> None:
    folder = data_dir / "enrich"
    stats = build_index(
        [folder / "response-work-list.json", folder / "response-work.json"], tmp_path / "r.sqlite"
    )
    assert stats.records == 3
    idx = LocalIndex(tmp_path / "r.sqlite")
    found = idx.lookup(["10.5555/jpp.2011.4.25", "10.5555/book.softpower.2004"])
    assert found["10.5555/jpp.2011.4.25"].container_title == "Journal of Political Power"
    assert found["10.5555/book.softpower.2004"].subtitle == "The Means to Success in World Politics"


def test_duplicates_count_once_and_bad_items_are_skipped(tmp_path: Path, works_jsonl: Path) -> None:
    lines = works_jsonl.read_text(encoding="utf-8").splitlines()
    mixed = tmp_path / "mixed.jsonl"
    mixed.write_text(
        "\n".join([*lines[:3], lines[0], '{"title": ["no DOI"]}', "not json", ""]) + "\n",
        encoding="utf-8",
    )
    stats = build_index([mixed], tmp_path / "m.sqlite")
    assert stats.records == 3
    assert stats.skipped == 2
    assert len(LocalIndex(tmp_path / "m.sqlite")) == 3


def test_json_list_of_records(tmp_path: Path, works_jsonl: Path) -> None:
    records = [json.loads(line) for line in works_jsonl.read_text(encoding="utf-8").splitlines()]
    listing = tmp_path / "list.json"
    listing.write_text(json.dumps(records[:4]), encoding="utf-8")
    works = [w for w, _ in read_records(listing)]
    assert [w.doi for w in works if w] == [r["DOI"].lower() for r in records[:4]]


def test_bad_inputs_are_input_errors(tmp_path: Path) -> None:
    with pytest.raises(InputError):
        build_index([], tmp_path / "x.sqlite")
    with pytest.raises(InputError):
        build_index([tmp_path / "missing.jsonl"], tmp_path / "x.sqlite")
    binary = tmp_path / "binary.jsonl"
    binary.write_bytes(b"\xff\xfe\x00\x81" * 100)
    with pytest.raises(InputError):
        build_index([binary], tmp_path / "x.sqlite")
    assert not (tmp_path / "x.sqlite").exists()  # nothing half-written
    not_index = tmp_path / "plain.sqlite"
    sqlite3.connect(not_index).execute("CREATE TABLE t (a)").connection.close()
    with pytest.raises(InputError):
        LocalIndex(not_index)
    with pytest.raises(InputError):
        LocalIndex(tmp_path / "absent.sqlite")


def test_rebuild_replaces_the_old_index(tmp_path: Path, works_jsonl: Path, data_dir: Path) -> None:
    out = tmp_path / "i.sqlite"
    build_index([works_jsonl], out)
    build_index([data_dir / "enrich" / "response-work.json"], out)
    assert len(LocalIndex(out)) == 1


def test_query_tokens_drop_stop_words_and_fold() -> None:
    tokens = query_tokens(
        "Nye, J. S. (2004). Soft power: the means to Success — in World Politics. pp. 1-2"
    )
    assert tokens[:3] == ["nye", "2004", "soft"]
    assert "the" not in tokens and "pp" not in tokens and "j" not in tokens
    assert query_tokens("Wójcik") == ["wojcik"]
    assert query_tokens("the of and") == []


def test_a_reference_in_another_script_is_searched(tmp_path: Path) -> None:
    assert query_tokens("Паршин Д.А. Математическое моделирование, 2015") == [
        "паршин",
        "математическое",
        "моделирование",
        "2015",
    ]
    records = tmp_path / "ru.jsonl"
    item = {
        "DOI": "10.5555/ru",
        "type": "journal-article",
        "title": ["Математическое моделирование экструзии"],
        "author": [{"family": "Паршин", "given": "Д. А."}],
        "container-title": ["Теоретические основы химической технологии"],
        "issued": {"date-parts": [[2015]]},
    }
    other = {**item, "DOI": "10.5555/en", "title": ["Modelling of extrusion"], "author": []}
    records.write_text(
        json.dumps(item, ensure_ascii=False) + "\n" + json.dumps(other) + "\n", encoding="utf-8"
    )
    build_index([records], tmp_path / "ru.sqlite")
    hits = LocalIndex(tmp_path / "ru.sqlite").search("Паршин. Математическое моделирование", rows=2)
    assert [h.doi for h in hits] == ["10.5555/ru"]


def test_search_ranks_the_cited_work_first(index: LocalIndex) -> None:
    hits = index.search(
        "Shea MJ, Compton RN. Photoionization of sodium clusters. Phys Rev B 1993;47:9967", rows=3
    )
    assert hits[0].doi == "10.5555/prb.47.9967"
    assert hits[0].score > 0
    assert len(index.search("Soft power", rows=2)) == 2
    assert index.search("", rows=5) == []
    assert index.search('"; DROP TABLE works; --', rows=5) == []


def test_lookup_by_doi(index: LocalIndex) -> None:
    found = index.lookup(
        ["10.5555/ECON.2009", "https://doi.org/10.5555/econ.1948", "10.5555/absent"]
    )
    assert found["10.5555/econ.2009"].edition == "19"
    assert found["10.5555/econ.1948"].year == 1948
    assert found["10.5555/absent"] is None
    assert index.authoritative is False  # absent here does not mean it does not exist


def test_search_then_validate(index: LocalIndex) -> None:
    raw = "Nye, J. S. (2004). Soft power: The means to success in world politics. PublicAffairs."
    ref = Reference(id="r", raw=raw, span=Span(0, len(raw)))
    result = validate(ref, index.search(raw, rows=10))
    assert result.status == "matched"
    assert result.doi == "10.5555/book.softpower.2004"


@pytest.mark.shared
def test_index_of_the_works_sample(shared_dir: Path, tmp_path: Path) -> None:
    sample = shared_dir / "data" / "crossref" / "works-sample" / "works-sample.jsonl.gz"
    if not sample.is_file():
        pytest.skip("works sample not in the shared folder")
    stats = build_index([sample], tmp_path / "sample.sqlite")
    assert stats.records == 1747
    idx = LocalIndex(tmp_path / "sample.sqlite")
    with gzip.open(sample, "rt", encoding="utf-8") as handle:
        first = json.loads(handle.readline())
    doi = first["DOI"].lower()
    assert idx.lookup([doi])[doi] is not None
    hits = idx.search(first["title"][0] + " " + first["container-title"][0], rows=5)
    assert doi in [h.doi for h in hits]


@pytest.mark.shared
def test_index_from_recorded_api_responses(shared_dir: Path, tmp_path: Path) -> None:
    decoded = shared_dir / "data" / "crossref" / "habanero-decoded"
    files = sorted(decoded.glob("test-works_test_works_with_many_ids__*.json"))
    if not files:
        pytest.skip("decoded habanero responses not in the shared folder")
    stats = build_index(files, tmp_path / "api.sqlite")
    assert stats.records == len(files)  # one work per single-DOI response
    idx = LocalIndex(tmp_path / "api.sqlite")
    for path in files:
        doi = json.loads(path.read_text(encoding="utf-8"))["message"]["DOI"].lower()
        assert idx.lookup([doi])[doi] is not None
