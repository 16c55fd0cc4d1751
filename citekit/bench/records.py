"""Benchmark the records: how often the record ``citekit parse`` writes agrees with the record
the gold labelling gives, field by field.

    python -m citekit.bench.records [--shared PATH] [--set NAME ...] [--model FILE]

For every labelled reference two records are built with the same normalizer
(``citekit.normalize.build_reference``): one from the tagger's segments, as
``citekit parse`` does, and one from the set's gold segments.  So this measures
what tagging errors cost in the record a user gets (a family name, a year, a
volume, the item type), not the normalizer's own reading of a segment (that
is what ``tests/test_normalize.py`` checks).  The field F1 of
``citekit.bench.parse`` scores segments; this scores what is built from them.

Compared per record, where either record has the field:

- ``families``: the family names of the authors (else the editors), in order,
  folded (lower case, no diacritics or punctuation);
- ``year``, ``volume``, ``issue``, ``pages``: equal values;
- ``title``, ``container-title``, ``publisher``, ``location``: equal folded text;
- ``type``: the same CSL item type.

Only fields that the set labels are compared (ETDCite labels no volume, pages
or place, so its gold records never have them), and the item type only where
the set labels everything it depends on.  A set's own conventions count
against the tagger here as in the field F1: AnyStyle labels "36(6),693-695"
all as the volume, so its gold record has no pages there.

A record whose gold segments cannot be located in its text (a few UMass
records) is left out and counted.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from citekit.bench.parse import EVALUATION_SETS, add_set_arguments, read_jsonl, set_path
from citekit.enrich.match import fold
from citekit.model import Reference, Segment
from citekit.normalize import build_reference
from citekit.parser.labels import map_label

FIELDS = (
    "families",
    "year",
    "title",
    "container-title",
    "volume",
    "issue",
    "pages",
    "publisher",
    "location",
    "type",
)


# The labels a field is read from; "type" needs the set to label all of them.
_SOURCES = {
    "families": ("author", "editor"),
    "year": ("date",),
    "title": ("title",),
    "container-title": ("container-title",),
    "volume": ("volume",),
    "issue": ("issue", "volume"),
    "pages": ("pages",),
    "publisher": ("publisher",),
    "location": ("location",),
}
_TYPE_NEEDS = frozenset({"container-title", "volume", "pages", "publisher", "location"})


def compared_fields(labels: set[str]) -> tuple[str, ...]:
    """The fields a set with these gold labels can be compared on."""
    out = [f for f, src in _SOURCES.items() if labels.intersection(src)]
    if labels >= _TYPE_NEEDS:
        out.append("type")
    return tuple(out)


def _families(ref: Reference) -> str:
    return " | ".join(fold(n.full_family) for n in (ref.authors or ref.editors))


_VALUE: dict[str, Callable[[Reference], str]] = {
    "families": _families,
    "year": lambda r: str(r.year or ""),
    "title": lambda r: fold(r.title or ""),
    "container-title": lambda r: fold(r.container_title or ""),
    "volume": lambda r: r.volume or "",
    "issue": lambda r: r.issue or "",
    "pages": lambda r: r.pages or "",
    "publisher": lambda r: fold(r.publisher or ""),
    "location": lambda r: fold(r.location or ""),
    "type": lambda r: r.type,
}


def field_values(ref: Reference) -> dict[str, str]:
    """The compared value of every field of ``ref`` ("" where it has none)."""
    return {f: _VALUE[f](ref) for f in FIELDS}


def gold_segments(record: dict) -> tuple[Segment, ...] | None:
    """The record's gold labelling as citekit segments, or None where it cannot be located."""
    text = record["text"]
    out = []
    at = 0
    for label, piece in record["segments"]:
        start = text.find(piece, at)
        if start < 0:
            return None
        mapped = map_label(label, piece, record.get("fields"))
        out.append(Segment(mapped, start, start + len(piece), piece))
        at = start + len(piece)
    return tuple(out)


@dataclass(frozen=True, slots=True)
class Agreement:
    """Per field: records where either side has it, and where both agree."""

    counted: dict[str, int]
    agreed: dict[str, int]
    records: int
    whole: int  # records agreeing in every field
    unaligned: int

    def rate(self, field: str) -> float | None:
        n = self.counted.get(field, 0)
        return self.agreed.get(field, 0) / n if n else None


def compare(records: Sequence[dict], predicted: Sequence[Sequence[Segment]]) -> Agreement:
    """Agreement of the records built from ``predicted`` with those built from the gold."""
    counted: Counter[str] = Counter()
    agreed: Counter[str] = Counter()
    whole = unaligned = n = 0
    golds = [gold_segments(r) for r in records]
    fields = compared_fields({s.label for g in golds if g for s in g})
    for record, gold, segs in zip(records, golds, predicted, strict=True):
        if gold is None:
            unaligned += 1
            continue
        n += 1
        text = record["text"]
        want = field_values(build_reference(text, gold))
        got = field_values(build_reference(text, tuple(segs)))
        same = True
        for f in fields:
            if want[f] or got[f]:
                counted[f] += 1
                if want[f] == got[f]:
                    agreed[f] += 1
                else:
                    same = False
        whole += same
    return Agreement(dict(counted), dict(agreed), n, whole, unaligned)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        prog="python -m citekit.bench.records", description=__doc__.split("\n\n")[0]
    )
    add_set_arguments(ap)
    ap.add_argument("--model", default=None, help="model file (default: the shipped model)")
    ap.add_argument("--json", action="store_true", help="print one JSON object instead of tables")
    args = ap.parse_args(argv)

    from citekit.parser import load_tagger

    tagger = load_tagger(args.model)
    report = {}
    for name in args.sets or EVALUATION_SETS:
        path = set_path(name, args.shared)
        if not path.is_file():
            print(
                f"error: no labelled set at {path} (set --shared or CITEKIT_SHARED)",
                file=sys.stderr,
            )
            return 2
        records = read_jsonl(path)
        result = compare(records, tagger.tag_many([r["text"] for r in records]))
        report[path.stem] = result
        if not args.json:
            print(
                f"\n== {path.stem}: {result.records} records "
                f"({result.unaligned} left out: gold not found in the text); "
                f"every field agrees in {result.whole} ({result.whole / max(result.records, 1):.1%})"
            )
            print(f"  {'field':<16}{'agree':>8}{'of':>7}")
            for f in FIELDS:
                rate = result.rate(f)
                if rate is not None:
                    print(f"  {f:<16}{rate:>8.1%}{result.counted[f]:>7}")
    if args.json:
        print(
            json.dumps(
                {
                    k: {
                        "records": v.records,
                        "unaligned": v.unaligned,
                        "whole": v.whole,
                        "fields": {f: v.rate(f) for f in FIELDS if v.rate(f) is not None},
                    }
                    for k, v in report.items()
                },
                indent=2,
            )
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
