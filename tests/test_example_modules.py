"""The labelled examples written for citekit: deterministic, committed, and aligned.

Each module composes its examples from hand-written tables with a fixed seed;
the committed JSONL file must be exactly what the module generates, every
segment must be found in order in its text, and the token alignment used for
training must succeed on every record.
"""

from __future__ import annotations

import importlib
import json
from pathlib import Path

import pytest

from citekit.parser.corpus import align, split_volume
from citekit.parser.labels import LABELS, map_label

DATA = Path(__file__).resolve().parents[1] / "citekit" / "parser" / "data"
CORE = {"author", "title", "container-title", "publisher", "location", "date", "pages", "genre"}

MODULES = [
    ("essay_examples", "essay-style.jsonl", 300, {"event", "accessed", "url", "edition"}),
    (
        "style_examples",
        "styles.jsonl",
        800,
        {"editor", "translator", "collection-title", "volume", "issue", "note", "doi"},
    ),
    (
        "thesis_examples",
        "thesis-styles.jsonl",
        800,
        {"editor", "translator", "edition", "url", "doi", "accessed", "event", "citation-number"},
    ),
]


@pytest.mark.parametrize(("module", "filename", "at_least", "labels"), MODULES)
def test_examples_are_well_formed_and_committed(
    module: str, filename: str, at_least: int, labels: set[str]
) -> None:
    mod = importlib.import_module(f"citekit.parser.{module}")
    records = mod.generate()
    assert len(records) >= at_least
    assert mod.generate() == records  # deterministic
    lines = (DATA / filename).read_text("utf-8").splitlines()
    assert [json.loads(line) for line in lines] == records
    seen: set[str] = set()
    for rec in records:
        at = 0
        for label, seg in rec["segments"]:
            assert label in LABELS, (label, rec["text"])
            found = rec["text"].find(seg, at)
            assert found >= 0, (seg, rec["text"])
            at = found + len(seg)
            if module != "essay_examples":
                # the label survives the mapping, and no issue hides in a volume segment
                assert map_label(label, seg, rec["fields"]) == label, (label, seg, rec["text"])
                if label == "volume":
                    assert split_volume(seg) == len(seg), (seg, rec["text"])
        ex = align(rec)
        assert ex is not None, rec["text"]
        seen.update(ex.labels)
    assert CORE | labels <= seen


@pytest.mark.parametrize("module", ["style_examples", "thesis_examples"])
def test_science_and_thesis_modules_use_many_templates(module: str) -> None:
    mod = importlib.import_module(f"citekit.parser.{module}")
    assert len(mod.TEMPLATES) >= 30
    assert len(mod.generate()) == sum(count for _, count in mod.TEMPLATES)
