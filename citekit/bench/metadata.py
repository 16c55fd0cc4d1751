"""Benchmark the records against metadata known from elsewhere: the first author, title,
journal, volume and first page of real references, read from the publishers' own XML.

    python -m citekit.bench.metadata [--shared PATH] [--n N] [--errors FIELD]

The field F1 of ``citekit.bench.parse`` and ``citekit.bench.records`` both judge
citekit by labelled segments.  This judges the record ``citekit parse`` writes
by values nobody labelled for it: biblio-glutton's 17,015 reference strings
(``data/crossref/biblio-glutton`` under the shared folder), each extracted by
GROBID from a PubMed Central PDF, with the first author, article title, journal,
volume and first page that the same reference has in the article's NLM XML.
citekit was never trained or tuned on these strings.

Each string is parsed as ``citekit.document.parse_reference_strings`` parses a
string (line breaks are spaces), and the record is compared field by field
where the XML has the field:

- ``family``: the first author's family name, folded (lower case, no
  diacritics or punctuation; ``citekit.enrich.match.fold``), with or without
  its particles ("De Valk" or "Valk": the XML files some apart);
- ``title``: folded titles at least 90% similar (``rapidfuzz.fuzz.ratio``,
  the measure of the issue's acceptance test), so that a different dash or a
  compound the PDF broke at a line end does not count as a miss; not compared
  where the XML's title has lost words (``damaged``: 1,089 of the 17,015 lost
  their italic species or gene names);
- ``journal``: equal folded journal names;
- ``volume``: equal values;
- ``first page``: the first page of the record's page range equals it.

The strings are split in two halves by a hash of their text: errors are read
and normalizers mended on the development half only, and the test half
(the default) gives the figure.  The XML is not always right, and GROBID's strings are not always whole (a
string cut short loses its pages), so no parser reaches 100% here; the errors
(``--errors FIELD``) show which side is wrong.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import re
import sys
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path

from rapidfuzz import fuzz

from citekit.enrich.match import fold
from citekit.model import Reference
from citekit.names import PARTICLES

GLUTTON = Path("data", "crossref", "biblio-glutton", "references-doi-matching.json.gz")
FIELDS = ("family", "title", "journal", "volume", "first page")
TITLE_SIMILARITY = 90.0
_FIRST_PAGE = re.compile(r"\s*([A-Za-z]*\d+[A-Za-z]?)")


def _first_page(pages: str | None) -> str:
    m = _FIRST_PAGE.match(pages or "")
    return m.group(1) if m else ""


def _family(ref: Reference) -> str:
    names = ref.authors or ref.editors
    if not names:
        return ""
    return " ".join(p for p in (names[0].particle, names[0].family) if p)


def _same_family(gold: str, got: str) -> bool:
    """Equal folded, with or without the particles, which the XML and citekit may
    file apart or not ("De Valk" / "Valk", "zur Hausen" / "Hausen")."""
    want = fold(gold)
    words = fold(got).split()
    k = 0
    while k < len(words) - 1 and words[k] in PARTICLES:
        k += 1
    return any(want == " ".join(words[j:]) for j in range(k + 1))


# Per field: the gold key, the value of the parsed record, and whether the two agree.
Check = tuple[str, Callable[[Reference], str], Callable[[str, str], bool]]
CHECKS: dict[str, Check] = {
    "family": ("firstAuthor", _family, _same_family),
    "title": (
        "atitle",
        lambda r: r.title or "",
        lambda gold, got: fuzz.ratio(fold(gold), fold(got)) >= TITLE_SIMILARITY,
    ),
    "journal": ("jtitle", lambda r: r.container_title or "", lambda g, p: fold(g) == fold(p)),
    "volume": ("volume", lambda r: r.volume or "", lambda g, p: g.strip() == p.strip()),
    "first page": ("firstPage", lambda r: _first_page(r.pages), lambda g, p: g.strip() == p),
}


def damaged(title: str) -> bool:
    """A title the XML lost words of: its italic words (species, genes) were dropped,
    leaving a space at an end or a double space ("Germline cyst formation in ")."""
    return title != title.strip() or "  " in title or title.endswith(("(", "-", "/"))


def compare(gold: dict, ref: Reference) -> dict[str, tuple[str, str, bool]]:
    """Per field the gold has: (gold value, parsed value, agree?)."""
    out = {}
    for field, (key, value_of, agree) in CHECKS.items():
        want = gold.get(key)
        if want and not (field == "title" and damaged(want)):
            got = value_of(ref)
            out[field] = (str(want), got, bool(got) and agree(str(want), got))
    return out


def score(golds: Sequence[dict], refs: Sequence[Reference]) -> dict:
    """Agreement per field and the share of records right in every field they have."""
    right: Counter = Counter()
    compared: Counter = Counter()
    whole = 0
    for gold, ref in zip(golds, refs, strict=True):
        result = compare(gold, ref)
        for field, (_, _, ok) in result.items():
            compared[field] += 1
            right[field] += ok
        whole += all(ok for _, _, ok in result.values())
    return {
        "records": len(golds),
        "all_right": whole,
        "fields": {
            f: {"right": right[f], "compared": compared[f], "share": right[f] / compared[f]}
            for f in FIELDS
            if compared[f]
        },
    }


def half(record: dict) -> str:
    """ "development" or "test", fixed by a hash of the reference string."""
    digest = hashlib.sha256(record["reference"].encode("utf-8")).digest()
    return "development" if digest[0] % 2 == 0 else "test"


def load(shared: Path, part: str = "test", n: int | None = None) -> list[dict]:
    path = shared / GLUTTON
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        records = [r for r in json.load(fh) if part == "all" or half(r) == part]
    return records[:n] if n else records


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        prog="python -m citekit.bench.metadata", description=__doc__.split("\n\n")[0]
    )
    ap.add_argument("--shared", type=Path, default=Path("../shared"), help="the shared folder")
    ap.add_argument(
        "--part",
        choices=("test", "development", "all"),
        default="test",
        help="which half of the strings (fixed by a hash; default: test)",
    )
    ap.add_argument("--n", type=int, default=0, help="only the first N strings (0: all)")
    ap.add_argument("--errors", choices=FIELDS, help="print every disagreement in this field")
    ap.add_argument("--json", action="store_true", help="print one JSON object")
    args = ap.parse_args(argv)
    if not (args.shared / GLUTTON).is_file():
        print(f"not found: {args.shared / GLUTTON}", file=sys.stderr)
        return 2

    from citekit.document import parse_reference_strings

    golds = load(args.shared, args.part, args.n or None)
    refs = parse_reference_strings([g["reference"] for g in golds])
    if args.errors:
        for gold, ref in zip(golds, refs, strict=True):
            want, got, ok = compare(gold, ref).get(args.errors, ("", "", True))
            if not ok:
                text = " ".join(gold["reference"].split())
                print(f"{want!r}\t{got!r}\t{text}")
        return 0
    result = score(golds, refs)
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    print(
        f"{result['records']} references ({args.part}); right in every field the XML has: "
        f"{result['all_right']} ({result['all_right'] / result['records']:.1%})"
    )
    for field, s in result["fields"].items():
        print(f"  {field:11} {s['share']:7.1%}  ({s['right']} of {s['compared']})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
