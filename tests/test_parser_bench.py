"""Tests of the tagger benchmark's scoring (how field values are compared) and our examples."""

from __future__ import annotations

import json
from pathlib import Path

from segments import segments_of

from citekit.bench.parse import (
    norm_names,
    norm_value,
    on_words,
    predicted_fields,
    score,
    splits_words,
)
from citekit.model import Segment
from citekit.parser.corpus import align, split_volume


def segs(text: str, *parts: tuple[str, str]) -> tuple[Segment, ...]:
    return segments_of(text, parts)


def test_values_are_trimmed_and_markers_dropped() -> None:
    assert norm_value("(2004).") == "2004"
    assert norm_value("“Soft  Power,”") == "Soft Power"
    assert norm_value("vol. abs/1103.6246") == "abs/1103.6246"
    assert norm_value("pp. 12-15.") == "12-15"
    assert norm_value("In: Handbook of Things,") == "Handbook of Things"
    assert norm_value("Smith") == "Smith"  # a marker only counts as a whole word


def test_names_compare_as_one_value_per_record() -> None:
    one = norm_names(["Gnedin, A., Pitman, J. and Yor, M.,"])
    split = norm_names(["Gnedin, A.", "Pitman, J.", "Yor, M."])
    assert one == split == "Gnedin A. Pitman J. Yor M"
    assert norm_names(["In: Boden, A. and Eriksson, K.G., eds.,"]) == norm_names(
        ["Boden, A.", "Eriksson, K.G."]
    )


def test_issue_merges_into_volume_where_the_set_has_no_issue() -> None:
    text = "Smith, J. (2001). A title. Journal, 12(3), 4-5."
    pred = segs(
        text,
        ("author", "Smith, J."),
        ("date", "(2001)."),
        ("title", "A title."),
        ("container-title", "Journal,"),
        ("volume", "12"),
        ("issue", "(3),"),
        ("pages", "4-5."),
    )
    assert predicted_fields(text, pred, {"issue": "volume"})["volume"] == ["12(3),"]
    assert predicted_fields(text, pred, {})["issue"] == ["(3),"]


def test_score_counts_hits_misses_and_vocabulary() -> None:
    text = "Smith, J. (2001). A title. Journal, 12(3), 4-5."
    gold = {
        "text": text,
        "fields": {
            "author": ["Smith, J."],
            "date": "(2001).",
            "title": "A title.",
            "container-title": "Journal,",
            "volume": "12(3),",
        },
    }
    pred = segs(
        text,
        ("author", "Smith, J."),
        ("date", "(2001)."),
        ("title", "A title. Journal,"),
        ("volume", "12"),
        ("issue", "(3),"),
        ("pages", "4-5."),
    )
    result = score([gold], [pred])
    f = result["fields"]
    assert f["author"]["tp"] == 1 and f["date"]["tp"] == 1 and f["volume"]["tp"] == 1
    assert f["title"]["tp"] == 0 and f["title"]["predicted"] == 1
    assert f["container-title"]["gold"] == 1 and f["container-title"]["tp"] == 0
    assert "pages" not in f  # the gold set never labels pages: not scored
    m = result["micro"]
    assert (m["tp"], m["predicted"], m["gold"]) == (3, 4, 5)
    assert result["exact_records"] == 0


def test_vancouver_year_joins_the_volume_only_where_the_gold_files_it_there() -> None:
    text = "Doe A. A title. Lancet. 2000;355(9222):2220-1."
    pred = segs(
        text,
        ("author", "Doe A."),
        ("title", "A title."),
        ("container-title", "Lancet."),
        ("date", "2000;"),
        ("volume", "355"),
        ("issue", "(9222):"),
        ("pages", "2220-1."),
    )
    fields = {"author": ["Doe A."], "title": "A title.", "container-title": "Lancet."}
    in_volume = {"text": text, "fields": {**fields, "volume": "2000;355(9222):"}}
    result = score([in_volume], [pred])
    assert result["fields"]["volume"]["tp"] == 1 and "date" not in result["fields"]
    assert result["exact_records"] == 1
    apart = {"text": text, "fields": {**fields, "date": "2000;", "volume": "355(9222):"}}
    result = score([apart], [pred])
    assert result["fields"]["volume"]["tp"] == 1 and result["fields"]["date"]["tp"] == 1
    # a set that labels issues apart (GROBID, UMass) is scored as predicted
    grobid = {"text": text, "fields": {**fields, "volume": "2000;355", "issue": "9222"}}
    assert score([grobid], [pred])["fields"]["volume"]["tp"] == 0


def test_a_word_takes_the_label_of_its_first_letter_or_digit() -> None:
    text = "Baker, J. (2011). A title. J. Struct. Eng., 137(3):322-331. (translated by Ann Lee)"

    def at(part: str) -> tuple[int, int]:
        i = text.index(part)
        return i, i + len(part)

    spans = [
        ["author", *at("Baker, J.")],
        ["date", *at("(2011).")],
        ["title", *at("A title.")],
        ["container-title", *at("J. Struct. Eng.,")],
        ["volume", *at("137")],
        ["issue", *at("(3):")],
        ["pages", *at("322-331.")],
        # the tagger gave the opening bracket to the title
        ["title", at("(translated")[0], at("(translated")[0] + 1],
        ["translator", at("translated")[0], len(text)],
    ]
    words = [(label, text[a:b]) for label, a, b in on_words(text, spans)]
    assert words == [
        ("author", "Baker, J."),
        ("date", "(2011)."),
        ("title", "A title."),
        ("container-title", "J. Struct. Eng.,"),
        ("volume", "137(3):322-331."),  # one word, labelled by its first field
        ("translator", "(translated by Ann Lee)"),  # the bracket goes with its word
    ]


def test_word_level_scoring_applies_to_sets_that_label_whole_words() -> None:
    text = "Baker, J. (2011). A title. J. Struct. Eng., 137(3):322-331."
    gold = {
        "text": text,
        "fields": {
            "author": ["Baker, J."],
            "date": "(2011).",
            "title": "A title.",
            "container-title": "J. Struct. Eng.,",
            "volume": "137(3):322-331.",
        },
        "segments": [
            ["author", "Baker, J."],
            ["date", "(2011)."],
            ["title", "A title."],
            ["container-title", "J. Struct. Eng.,"],
            ["volume", "137(3):322-331."],
        ],
    }
    assert not splits_words([gold])
    pred = segs(
        text,
        ("author", "Baker, J."),
        ("date", "(2011)."),
        ("title", "A title."),
        ("container-title", "J. Struct. Eng.,"),
        ("volume", "137"),
        ("issue", "(3):"),
        ("pages", "322-331."),
    )
    assert score([gold], [pred])["exact_records"] == 0
    on_words_result = score([gold], [pred], words=True)
    assert on_words_result["exact_records"] == 1
    assert on_words_result["micro"]["f1"] == 1.0
    split = {**gold, "segments": [["volume", "137"], ["pages", "(3):322-331."]]}
    assert splits_words([split])


def test_a_set_that_labels_the_month_apart_gets_it_apart() -> None:
    text = "Doe, J., Sep. 2011. A title. Journal 5, 1-2."
    pred = segs(
        text,
        ("author", "Doe, J.,"),
        ("date", "Sep. 2011."),
        ("title", "A title."),
        ("container-title", "Journal"),
        ("volume", "5,"),
        ("pages", "1-2."),
    )
    fields = {"author": ["Doe, J.,"], "title": "A title.", "container-title": "Journal"}
    umass = {"text": text, "fields": {**fields, "month": "Sep.", "date": "2011."}}
    result = score([umass], [pred])
    assert result["fields"]["month"]["tp"] == 1 and result["fields"]["date"]["tp"] == 1
    whole = {"text": text, "fields": {**fields, "date": "Sep. 2011."}}
    assert score([whole], [pred])["fields"]["date"]["tp"] == 1  # no month label: kept whole


def test_gold_institution_is_scored_as_publisher() -> None:
    text = "Roe, B. 1995. A study. PhD Thesis, Big University."
    pred = segs(
        text,
        ("author", "Roe, B."),
        ("date", "1995."),
        ("title", "A study."),
        ("genre", "PhD Thesis,"),
        ("publisher", "Big University."),
    )
    gold = {
        "text": text,
        "fields": {
            "author": ["Roe, B."],
            "date": "1995",
            "title": "A study.",
            "genre": "PhD Thesis",
            "institution": "Big University",
        },
    }
    result = score([gold], [pred])
    assert result["fields"]["publisher"]["tp"] == 1 and "institution" not in result["fields"]
    assert result["exact_records"] == 1


def test_split_volume_separates_the_issue() -> None:
    cases = {
        "47(3),": ("47", "(3),"),
        "Vol. 81, No. 5,": ("Vol. 81, ", "No. 5,"),
        "106,": ("106,", ""),
        "n° 5,": ("", "n° 5,"),
    }
    for seg, (vol, iss) in cases.items():
        cut = split_volume(seg)
        assert (seg[:cut], seg[cut:]) == (vol, iss)


def test_bench_command_scores_a_labelled_file(data_dir: Path, capsys) -> None:
    from citekit.bench.parse import main

    path = data_dir / "parser" / "essay-eval.jsonl"
    for line in path.read_text("utf-8").splitlines():
        assert align(json.loads(line)) is not None
    assert main(["--set", str(path), "--n", "0", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    result = report["sets"]["essay-eval"]
    assert result["records"] == 30
    assert 0.0 < result["micro"]["f1"] <= 1.0
    assert {"author", "title", "date"} <= set(result["fields"])


def test_bench_lists_the_wrong_values(data_dir: Path, capsys) -> None:
    from citekit.bench.parse import mismatches
    from citekit.model import Segment

    rec = {
        "id": "r1",
        "text": "Doe, J. 2001. A title. Journal 5: 1-2.",
        "fields": {"author": ["Doe, J."], "date": "2001.", "title": "A title.", "volume": "5:"},
    }
    t = rec["text"]

    def seg(label: str, part: str) -> Segment:
        i = t.index(part)
        return Segment(label, i, i + len(part), part)

    preds = [(seg("author", "Doe, J."), seg("date", "2001"), seg("title", "A title. Journal 5"))]
    lines = mismatches([rec], preds)
    assert [ln.split("\t")[:2] for ln in lines] == [["r1", "title"], ["r1", "volume"]]
    assert "pred=['A title. Journal 5']" in lines[0]
    assert mismatches([rec], preds, "volume") == lines[1:]


def _labelled(text: str, *parts: tuple[str, str]) -> dict:
    return {"text": text, "fields": {}, "segments": [list(p) for p in parts]}


def test_records_bench_compares_the_records_built_from_both_labellings() -> None:
    from citekit.bench.records import compare

    text = "Holt, Margaret (1988). The Allotment Ledgers. Leeds: Parish Press."
    parts = (
        ("author", "Holt, Margaret"),
        ("date", "(1988)."),
        ("title", "The Allotment Ledgers."),
        ("location", "Leeds:"),
        ("publisher", "Parish Press."),
    )
    record = _labelled(text, *parts)
    same = compare([record], [segs(text, *parts)])
    assert same.records == same.whole == 1
    assert same.rate("families") == same.rate("year") == same.rate("publisher") == 1.0
    # the tagger reads the publisher as part of the place: the record loses its publisher
    wrong = segs(
        text,
        ("author", "Holt, Margaret"),
        ("date", "(1988)."),
        ("title", "The Allotment Ledgers."),
        ("location", "Leeds: Parish Press."),
    )
    worse = compare([record], [wrong])
    assert worse.whole == 0 and worse.rate("publisher") == 0.0
    assert worse.rate("title") == worse.rate("year") == 1.0


def test_records_bench_compares_only_what_the_set_labels() -> None:
    from citekit.bench.records import compare, compared_fields

    assert "pages" not in compared_fields({"author", "title", "date", "container-title"})
    assert "type" not in compared_fields({"author", "title", "date", "container-title"})
    full = {
        "author",
        "title",
        "date",
        "container-title",
        "volume",
        "pages",
        "publisher",
        "location",
    }
    assert {"pages", "type", "issue"} <= set(compared_fields(full))
    text = "Holt, M. (1988). Allotments. Parish Review, 4, 1-9."
    record = _labelled(text, ("author", "Holt, M."), ("title", "Allotments."))
    tagged = segs(
        text,
        ("author", "Holt, M."),
        ("date", "(1988)."),
        ("title", "Allotments."),
        ("container-title", "Parish Review,"),
        ("volume", "4,"),
        ("pages", "1-9."),
    )
    result = compare([record], [tagged])
    assert result.rate("pages") is None and result.rate("title") == 1.0


def test_records_bench_leaves_out_gold_it_cannot_locate() -> None:
    from citekit.bench.records import compare

    record = _labelled("Holt, M. Allotments.", ("author", "Holt, M."), ("title", "Gardens"))
    result = compare([record], [()])
    assert (result.records, result.unaligned) == (0, 1)
