"""Tests of the benchmark that compares parsed records with metadata known from elsewhere."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from citekit.bench.metadata import GLUTTON, compare, damaged, half, main, score
from citekit.model import Name, Reference, Span


def ref(**fields) -> Reference:
    return Reference(id="r", raw="", span=Span(0, 0), **fields)


GOLD = {
    "reference": "Lorincz A, Nusser Z: Cell-type-dependent molecular composition of the \n"
    "axon initial segment. J Neurosci 2008, 28(53):14329-40.",
    "firstAuthor": "Lorincz",
    "atitle": "Cell-type-dependent molecular composition of the axon initial segment",
    "jtitle": "J Neurosci",
    "volume": "28",
    "firstPage": "14329",
}


def test_a_record_that_agrees_in_every_field() -> None:
    parsed = ref(
        authors=(Name("Lőrincz", "A"),),
        title="Cell-type-dependent molecular composition of the axon initial segment.",
        container_title="J. Neurosci.",
        volume="28",
        pages="14329-40",
    )
    result = compare(GOLD, parsed)
    assert {f: ok for f, (_, _, ok) in result.items()} == {
        "family": True,
        "title": True,
        "journal": True,
        "volume": True,
        "first page": True,
    }


def test_each_field_can_disagree() -> None:
    parsed = ref(
        authors=(Name("Nusser", "Z"),),
        title="Cell-type-dependent molecular composition",
        container_title="J Neurosci 2008",
        volume="53",
        pages="14330",
    )
    assert not any(ok for _, _, ok in compare(GOLD, parsed).values())
    assert not any(ok for _, _, ok in compare(GOLD, ref()).values())  # nothing parsed


def test_a_family_compares_with_or_without_its_particles() -> None:
    gold = {**GOLD, "firstAuthor": "Valk"}
    assert compare(gold, ref(authors=(Name("De Valk", "H"),)))["family"][2]
    gold = {**GOLD, "firstAuthor": "zur Hausen"}
    assert compare(gold, ref(authors=(Name("Hausen", "H", "zur"),)))["family"][2]
    gold = {**GOLD, "firstAuthor": "Brown"}
    assert not compare(gold, ref(authors=(Name("Court-Brown", "CM"),)))["family"][2]


def test_fields_the_xml_lacks_or_lost_are_not_compared() -> None:
    gold = {**GOLD, "atitle": "Germline cyst formation in ", "firstAuthor": None}
    assert damaged(gold["atitle"]) and not damaged(GOLD["atitle"])
    assert set(compare(gold, ref())) == {"journal", "volume", "first page"}


def test_score_counts_agreement_per_field_and_per_record() -> None:
    good = ref(
        authors=(Name("Lorincz", "A"),),
        title=GOLD["atitle"],
        container_title="J Neurosci",
        volume="28",
        pages="14329-14340",
    )
    result = score([GOLD, GOLD], [good, good.with_(volume="29")])
    assert result["all_right"] == 1
    assert result["fields"]["volume"] == {"right": 1, "compared": 2, "share": 0.5}
    assert result["fields"]["title"]["right"] == 2


def test_the_command_parses_the_strings_of_one_half(tmp_path: Path, capsys) -> None:
    # the same reference with other years, until both halves have one
    years = (GOLD["reference"].replace("2008", str(y)) for y in range(1990, 2030))
    other = next(r for r in years if half({"reference": r}) != half(GOLD))
    records = [GOLD, {**GOLD, "reference": other}]
    path = tmp_path / GLUTTON
    path.parent.mkdir(parents=True)
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        json.dump(records, fh)
    assert main(["--shared", str(tmp_path), "--part", "all", "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["records"] == 2
    assert result["fields"]["volume"]["right"] == 2
    assert result["fields"]["family"]["right"] == 2
    assert main(["--shared", str(tmp_path), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["records"] == 1


def test_the_command_says_where_the_data_is_missing(tmp_path: Path, capsys) -> None:
    assert main(["--shared", str(tmp_path)]) == 2
    assert "not found" in capsys.readouterr().err
