"""Benchmark the document pipeline: the acceptance essay and parse-to-CSL-JSON speed.

    python -m citekit.bench.document [--shared PATH] [--n 10000] [--set NAME]

1. Acceptance: parses ``corpus/central-asia-essays.txt`` and compares it with
   ``central-asia-essays.gold.json``: the list's line range, the number of
   references, and per reference the family names (all authors, in order), the
   year (None where the gold has null), the title (case- and punctuation-
   insensitive similarity >= 0.9) and the CSL type.  Every miss is listed.
2. Speed: a document holding ``--n`` numbered references (the texts of a
   labelled set, cycled) is parsed end to end (section finding, splitting,
   tagging, normalizing, keys) and written as CSL-JSON, in a fresh process so
   its peak RSS is its own.  Prints references per second (wall clock and
   per CPU second of this process) and peak RSS in MB.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

__all__ = ["acceptance", "main", "speed"]


def _norm(s: str | None) -> str:
    return re.sub(r"[^\w ]", "", re.sub(r"\s+", " ", (s or "").lower())).strip()


def acceptance(shared: Path) -> dict[str, Any]:
    """Figures and misses of the acceptance essay against its gold file."""
    from rapidfuzz import fuzz

    from citekit.document import parse_document
    from citekit.source import read_source

    corpus = shared / "corpus"
    gold = json.loads((corpus / "central-asia-essays.gold.json").read_text("utf-8"))
    doc = parse_document(read_source(str(corpus / "central-asia-essays.txt")))
    refs = doc.references
    misses: list[str] = []
    counts = {"family": 0, "year": 0, "title": 0, "type": 0}
    for ref, g in zip(refs, gold["references"], strict=False):
        fams = [a.family for a in ref.authors]
        gfams = [a[0] for a in g["author"]]
        sim = fuzz.ratio(_norm(ref.title), _norm(g["title"])) / 100
        checks = {
            "family": (fams == gfams, f"{fams} vs {gfams}"),
            "year": (ref.year == g["year"], f"{ref.year} vs {g['year']}"),
            "title": (sim >= 0.9, f"{sim:.2f}: {ref.title!r}"),
            "type": (ref.type == g["type"], f"{ref.type} vs {g['type']}"),
        }
        for name, (ok, detail) in checks.items():
            if ok:
                counts[name] += 1
            else:
                misses.append(f"#{g['n']} {name}: {detail}")
    want = gold["reference_section"]
    return {
        "references": len(refs),
        "expected": want["count"],
        "sections": [(s.first_line, s.last_line) for s in doc.sections],
        "expected_section": (want["first_line"], want["last_line"]),
        **counts,
        "misses": misses,
    }


def _texts(shared: Path, name: str, n: int) -> list[str]:
    path = Path(name) if name.endswith(".jsonl") else shared / "data" / "parser" / f"{name}.jsonl"
    with path.open(encoding="utf-8") as fh:
        texts = [" ".join(json.loads(line)["text"].split()) for line in fh if line.strip()]
    return list(itertools.islice(itertools.cycle(texts), n))


def _speed_phase(input_path: Path) -> dict[str, float]:
    from citekit.document import parse_document
    from citekit.formats import write
    from citekit.parser import load_tagger
    from citekit.source import Source

    texts = json.loads(input_path.read_text("utf-8"))
    load_tagger()  # loading the model is a one-off cost, not per-reference work
    text = "References\n\n" + "\n".join(f"{i}. {t}" for i, t in enumerate(texts, 1)) + "\n"
    t0, c0 = time.perf_counter(), time.process_time()
    doc = parse_document(Source("bench.txt", text))
    out = write(doc.references, "csl-json")
    dt, cpu = time.perf_counter() - t0, time.process_time() - c0
    items = json.loads(out)
    return {
        "n": len(texts),
        "parsed": len(items),
        "seconds": dt,
        "per_second": len(items) / dt,
        "cpu_seconds": cpu,
        "per_cpu_second": len(items) / cpu,
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def speed(shared: Path, n: int, name: str = "anystyle-gold-heldout") -> dict[str, float]:
    """Run the speed phase in a fresh process and return its figures."""
    texts = _texts(shared, name, n)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "texts.json"
        path.write_text(json.dumps(texts), "utf-8")
        proc = subprocess.run(
            [sys.executable, "-m", "citekit.bench.document", "--phase", str(path)],
            capture_output=True,
            text=True,
            check=False,
        )
    if proc.returncode != 0:
        raise SystemExit(f"speed phase failed:\n{proc.stderr}")
    return json.loads(proc.stdout)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        prog="python -m citekit.bench.document", description=__doc__.split("\n\n")[0]
    )
    ap.add_argument(
        "--shared", type=Path, default=Path(os.environ.get("CITEKIT_SHARED", "../shared"))
    )
    ap.add_argument("--n", type=int, default=10000, help="references for the speed run (0: skip)")
    ap.add_argument(
        "--set",
        dest="set_name",
        default="anystyle-gold-heldout",
        help="labelled set for the speed texts",
    )
    ap.add_argument("--phase", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.phase:
        print(json.dumps(_speed_phase(args.phase)))
        return 0
    if not args.shared.is_dir():
        print(f"shared data folder not found: {args.shared} (use --shared)", file=sys.stderr)
        return 2
    acc = acceptance(args.shared)
    print("Acceptance: corpus/central-asia-essays.txt")
    print(f"  list lines      {acc['sections']} (gold {acc['expected_section']})")
    print(f"  references      {acc['references']} (gold {acc['expected']})")
    for name, need in (("family", 14), ("year", 14), ("title", 13), ("type", 12)):
        print(f"  {name:<15} {acc[name]}/{acc['expected']} right (need {need})")
    for miss in acc["misses"]:
        print(f"    miss {miss}")
    if args.n:
        sp = speed(args.shared, args.n, args.set_name)
        print(
            f"Speed: {sp['parsed']:.0f} references ({args.set_name}, cycled) document -> CSL-JSON"
        )
        print(
            f"  {sp['per_second']:.0f} references/s wall ({sp['seconds']:.2f} s), peak RSS {sp['peak_rss_mb']:.0f} MB"
        )
        print(
            f"  {sp['per_cpu_second']:.0f} references per CPU second ({sp['cpu_seconds']:.2f} s CPU;"
            " the wall figure suffers when the machine is shared)"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
