"""Benchmark the reference tagger: field accuracy, speed and memory.

    python -m citekit.bench.parse [--shared PATH] [--set NAME ...] [--n 10000] [--model FILE]

For each labelled JSONL set (default: the three evaluation-only sets) it prints
per-field precision, recall and F1 and the micro-averaged F1 over all fields.
The segments scored are those ``citekit parse`` builds its records from: the
tagger's, after the repairs of ``citekit.normalize.REPAIRS`` (``--tagger-only``
scores the tagger's own).

How values are compared.  Every gold field value and every predicted segment
is normalized: a leading marker word ("vol.", "v.", "pp.", "p.", "no.", "In:",
"trans.", ...) is dropped, then surrounding whitespace, punctuation, brackets
and quotes are trimmed and inner whitespace collapsed (sets disagree on
whether "vol." belongs to the volume; this makes them comparable).
Single-valued and repeated fields (title, date, volume, pages, ...) are
compared as multisets of values per record: a predicted value is a true
positive if an equal gold value is still unmatched.  Name fields (author,
editor, translator) are compared as one value per record: all segments of the
field are joined, the separators ``, ; &``, the words "and"/"und"/"et"/"и" and
editor markers ("eds.", "(ed.)", "(edd.)") are dropped, so "Smith, J., & Doe, A." (one
segment) equals "Smith, J." + "Doe, A." (two segments, as in UMass).

Word-level gold.  A set whose gold labelling never puts a boundary inside a
whitespace word (AnyStyle's: its annotation unit is the word) is scored word
by word: each word of the prediction takes the label of its first letter or
digit (``on_words``), as that set's own annotation does, so a
"137(3):322-331" that citekit splits into volume, issue and pages is compared
with the gold's one volume word.  The score on the tagger's own boundaries is
printed beside it; ``--characters`` scores every set that way.

Label vocabularies differ between sets, so before scoring the predictions are
expressed in the set's own vocabulary: where a set never uses ``issue`` (the
AnyStyle sets keep "47(3)" and "Vol. 4, No. 2" in the volume), a predicted
issue is renamed volume and merged with a volume segment right before it,
and, in a record whose gold has no date, a predicted date that is only a year
directly followed by ";" or ":" and a volume (Vancouver style
"2012;30(15):1750") joins that volume: AnyStyle often labels the year there,
and the training converts it to date (see ``citekit.parser.corpus``);
likewise ``event`` becomes container-title and ``accessed`` becomes note where
the set lacks them, a publication ``status`` ("in press") is a note except in
UMass CFE, which leaves it unlabelled (``STATUS_UNLABELLED_SOURCES``), and where a set labels the month apart from the year
(UMass: "Sep." month, "2011" date) the month name of a predicted date is
scored as its month.  Only fields that occur in the set's gold data are scored
(ETDCite labels only author, title, container-title, publisher, editor and
date, so predicted pages there are neither right nor wrong).  A gold
``institution`` (UMass: the school of a thesis, the issuer of a report) is
scored as ``publisher``, the CSL variable for it and the label the training
maps it to (see ``citekit.parser.labels``); other gold fields the tagger has
no label for (isbn, month, chapter, ...) count as misses.

Speed: tagging ``--n`` distinct strings (the evaluated sets' texts, topped up
with the other labelled sets of the folder; cycled only if still short) in a
fresh process, caches cold,
with its peak RSS; then, if ``citekit.document`` is importable, the whole
parse-to-CSL-JSON path on the same strings; then refextract on a sample of
the same strings (installed separately: ``pip install refextract``) and the
speed ratio.  Each speed run is a separate process so peak RSS is its own; the one-time
model load is outside the timed part.  The citekit phases run ``--repeat`` times
(default 3) and the run with the median speed is reported with the range, because
a shared machine's speed drifts by tens of percent between runs.  Wall-clock and CPU seconds are both
printed (the machine may be shared).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path

EVALUATION_SETS = ("anystyle-gold-heldout", "umass-cfe-test", "etdcite")
NAME_FIELDS = frozenset({"author", "editor", "translator"})
_TRIM = " \t\r\n.,;:!?()[]{}<>\"'“”„‘’«»‹›/\\-–—*"
_NAME_SEP_RE = re.compile(r"[,;&]|\b(?:and|und|et|и)\b|\(?\b(?:edd|eds?|hrsg|hg)\b\.?\)?", re.I)
_MARKER_RE = re.compile(
    r"^\W*(?:vols?|volume|v|pp|p|pages?|s|с|nos?|nr|n°|№|issue|in|trans|transl|translated by"
    r"|ed(?:ited)? by|doi|url)(?:\b|(?<=№))[.:]?\s*",
    re.I,
)


def norm_value(value: str) -> str:
    value = " ".join(value.split()).strip(_TRIM)
    return _MARKER_RE.sub("", value, count=1).strip(_TRIM)


def norm_names(values: list[str]) -> str:
    joined = _MARKER_RE.sub("", " ".join(values).strip(_TRIM), count=1)
    return " ".join(_NAME_SEP_RE.sub(" ", joined).split()).strip(_TRIM)


def field_values(fields: dict[str, list[str]]) -> dict[str, Counter]:
    """Normalized comparison values per field (see the module docstring)."""
    out: dict[str, Counter] = {}
    for name, vals in fields.items():
        if name in NAME_FIELDS:
            v = norm_names(vals)
            c = Counter([v] if v else [])
        else:
            c = Counter(v for v in (norm_value(x) for x in vals) if v)
        if c:
            out[name] = c
    return out


# Gold field names that are not CSL variables, scored as the CSL variable.
GOLD_ALIASES = {"institution": "publisher"}


def gold_fields(record: dict) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for k, v in (record.get("fields") or {}).items():
        vals = v if isinstance(v, list) else [v]
        out.setdefault(GOLD_ALIASES.get(k, k), []).extend(str(x) for x in vals if x is not None)
    return out


_YEAR_LED_RE = re.compile(r"\s*(?:1[5-9]|20)\d\d[a-z]?\s*[;:]\s*")
_MONTH_RE = re.compile(
    r"(?i)\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)(?:[a-z]*)\b\.?"
)
_YEAR_RE = re.compile(r"(?:1[5-9]|20)\d\d")


def split_month(text: str, start: int, end: int) -> list[list]:
    """A date span as ``[label, start, end]`` spans for a set that labels the month
    apart (UMass: "Sep." month, "2011" year): the month name, and the part of the
    rest that holds the year."""
    m = _MONTH_RE.search(text, start, end)
    if not m:
        return [["date", start, end]]
    rest = [(a, b) for a, b in ((start, m.start()), (m.end(), end)) if _YEAR_RE.search(text, a, b)]
    return [["month", m.start(), m.end()], *(["date", a, b] for a, b in rest[:1])]


def predicted_fields(
    text: str,
    segments,
    rename: dict[str, str],
    year_in_volume: bool = False,
    words: bool = False,
    months: bool = False,
) -> dict[str, list[str]]:
    """Predicted values per field in a gold set's vocabulary (see the module docstring);
    with ``words``, labelled word by word (``on_words``); with ``months``, the month
    of a date is a field of its own (``split_month``)."""
    merged: list[list] = []
    for seg in segments:
        label = rename.get(seg.label, seg.label)
        if merged and merged[-1][0] == label and not text[merged[-1][2] : seg.start].strip():
            merged[-1][2] = seg.end
        elif (
            year_in_volume
            and label == "volume"
            and merged
            and merged[-1][0] == "date"
            and _YEAR_LED_RE.fullmatch(text[merged[-1][1] : seg.start])
        ):
            merged[-1][0] = "volume"
            merged[-1][2] = seg.end
        else:
            merged.append([label, seg.start, seg.end])
    if words:
        merged = on_words(text, merged)
    if months:
        merged = [
            part
            for span in merged
            for part in (split_month(text, span[1], span[2]) if span[0] == "date" else [span])
        ]
    out: dict[str, list[str]] = defaultdict(list)
    for label, start, end in merged:
        out[label].append(text[start:end])
    return dict(out)


_WORD_RE = re.compile(r"\S+")


def splits_words(records: list[dict]) -> bool:
    """Does any gold segment boundary of ``records`` fall inside a whitespace word?"""
    for rec in records:
        text, pos = rec["text"], 0
        for _, seg in rec.get("segments") or ():
            at = text.find(seg, pos)
            if at < 0:
                break
            if at > 0 and not text[at - 1].isspace() and not text[at].isspace():
                return True
            pos = at + len(seg)
    return False


def on_words(text: str, spans: list[list]) -> list[list]:
    """``[label, start, end]`` spans as a word-level labelling: each whitespace
    word takes the label of its first letter or digit (of its first labelled
    character if it has none), and runs of words with one label join.

    This is how a gold set labelled word by word (AnyStyle's) reads a text: it
    cannot say where inside "137(3):322-331" the volume ends, and labels such a
    word by its first field (its core set labels all twelve of its
    "volume(issue):pages" words volume); an opening quote or bracket goes with
    the word it opens.
    """
    labels: list[str | None] = [None] * len(text)
    for label, start, end in spans:
        labels[start:end] = [label] * (end - start)
    out: list[list] = []
    for m in _WORD_RE.finditer(text):
        word = range(m.start(), m.end())
        label = next((labels[i] for i in word if labels[i] and text[i].isalnum()), None)
        label = label or next((labels[i] for i in word if labels[i]), None)
        if label is None:
            continue
        if out and out[-1][0] == label:
            out[-1][2] = m.end()
        else:
            out.append([label, m.start(), m.end()])
    return out


# Sets that leave a publication status ("in press", "submitted", "to appear") unlabelled:
# UMass CFE's training split labels 2 of its 28 and leaves 26 outside every field. The
# other sets label it note (AnyStyle core 15 of 17, GROBID's corpus 31 of 35, CORA 15 of 15),
# so there a predicted status is scored as a note.
STATUS_UNLABELLED_SOURCES = ("iesl/bibtex-fields-extraction:",)


def vocabulary_rename(gold_names: set[str], status_labelled: bool = True) -> dict[str, str]:
    rename = {"status": "note"} if status_labelled else {}
    if "issue" not in gold_names:
        rename["issue"] = "volume"
    if "event" not in gold_names:
        rename["event"] = "container-title"
    if "accessed" not in gold_names:
        rename["accessed"] = "note"
    return rename


def compared(
    records: list[dict], predictions: list, words: bool = False
) -> Iterator[tuple[dict, dict[str, tuple[Counter, Counter]]]]:
    """Per record: the record and, for each scored field, its gold and predicted values.

    With ``words`` the predictions are first labelled word by word (``on_words``).
    """
    gold_names = {GOLD_ALIASES.get(k, k) for r in records for k in (r.get("fields") or {})}
    status_labelled = not any(
        str(r.get("source", "")).startswith(STATUS_UNLABELLED_SOURCES) for r in records
    )
    rename = vocabulary_rename(gold_names, status_labelled)
    months = "month" in gold_names
    for rec, segs in zip(records, predictions, strict=True):
        g = field_values(gold_fields(rec))
        year_in_volume = "issue" not in gold_names and "date" not in g
        p = field_values(predicted_fields(rec["text"], segs, rename, year_in_volume, words, months))
        names = sorted((set(g) | set(p)) & gold_names)
        yield rec, {n: (g.get(n, Counter()), p.get(n, Counter())) for n in names}


def score(records: list[dict], predictions: list, words: bool = False) -> dict:
    """Per-field and micro precision/recall/F1 (``words``: see ``compared``)."""
    tp: Counter = Counter()
    npred: Counter = Counter()
    ngold: Counter = Counter()
    exact = 0
    for _, values in compared(records, predictions, words):
        ok = True
        for name, (gc, pc) in values.items():
            tp[name] += sum((gc & pc).values())
            npred[name] += sum(pc.values())
            ngold[name] += sum(gc.values())
            ok = ok and gc == pc
        exact += ok
    fields = {}
    for name in sorted(set(ngold) | set(npred), key=lambda n: -ngold[n]):
        fields[name] = prf(tp[name], npred[name], ngold[name])
    micro = prf(sum(tp.values()), sum(npred.values()), sum(ngold.values()))
    return {"records": len(records), "exact_records": exact, "micro": micro, "fields": fields}


def mismatches(
    records: list[dict], predictions: list, field: str | None = None, words: bool = False
) -> list[str]:
    """One line per wrong field value: record id, field, gold values, predicted values."""
    out = []
    for rec, values in compared(records, predictions, words):
        for name, (gc, pc) in values.items():
            if (field is None or name == field) and gc != pc:
                out.append(
                    f"{rec.get('id', '')}\t{name}\tgold={sorted(gc)}"
                    f"\tpred={sorted(pc)}\t{rec['text']}"
                )
    return out


def prf(tp: int, npred: int, ngold: int) -> dict:
    p = tp / npred if npred else 0.0
    r = tp / ngold if ngold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": p, "recall": r, "f1": f, "tp": tp, "predicted": npred, "gold": ngold}


def read_jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _phase(kind: str, input_path: Path, model: str | None) -> dict:
    """One speed measurement, run in its own process."""
    texts = json.loads(input_path.read_text("utf-8"))
    if kind == "tag":
        from citekit.parser import load_tagger

        tagger = load_tagger(model)
        cpu0 = time.process_time()
        t0 = time.perf_counter()
        tagger.tag_many(texts)
        dt = time.perf_counter() - t0
    elif kind == "csl":
        from citekit.document import parse_reference_strings
        from citekit.formats import write
        from citekit.parser import load_tagger

        load_tagger()  # the one-time model load is not part of the throughput
        cpu0 = time.process_time()
        t0 = time.perf_counter()
        refs = parse_reference_strings(texts)
        out = write(refs, "csl-json")
        dt = time.perf_counter() - t0
        json.loads(out)
    elif kind == "refextract":
        from refextract import extract_references_from_string

        cpu0 = time.process_time()
        t0 = time.perf_counter()
        for t in texts:
            extract_references_from_string(t)
        dt = time.perf_counter() - t0
    else:
        raise SystemExit(f"unknown phase {kind}")
    cpu = time.process_time() - cpu0
    return {
        "n": len(texts),
        "seconds": dt,
        "per_second": len(texts) / dt,
        "cpu_seconds": cpu,
        "per_cpu_second": len(texts) / cpu,
        "peak_rss_mb": peak_rss_mb(),
    }


def run_phase(kind: str, texts: list[str], model: str | None) -> dict | str:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "texts.json"
        path.write_text(json.dumps(texts), "utf-8")
        cmd = [sys.executable, "-m", "citekit.bench.parse", "--phase", kind, "--input", str(path)]
        if model:
            cmd += ["--model", model]
        proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode:
        tail = (proc.stderr.strip().splitlines() or ["failed"])[-1]
        return f"not measured: {tail}"
    return json.loads(proc.stdout)


def median_phase(kind: str, texts: list[str], model: str | None, repeat: int) -> dict | str:
    """``run_phase`` ``repeat`` times: the run with the median speed, and the range."""
    runs = [run_phase(kind, texts, model) for _ in range(max(1, repeat))]
    done = sorted((r for r in runs if isinstance(r, dict)), key=lambda r: r["per_second"])
    if not done:
        return runs[0]
    median = dict(done[len(done) // 2])
    median["runs"] = len(done)
    median["slowest_per_second"] = done[0]["per_second"]
    median["fastest_per_second"] = done[-1]["per_second"]
    return median


def print_scores(name: str, result: dict) -> None:
    m = result["micro"]
    print(
        f"\n== {name}: {result['records']} records, micro P {m['precision']:.4f} "
        f"R {m['recall']:.4f} F1 {m['f1']:.4f}; exact records {result['exact_records']}"
    )
    if "on_characters" in result:
        c = result["on_characters"]
        print(
            "  scored on words (the set's gold labels whole words); on characters: "
            f"P {c['precision']:.4f} R {c['recall']:.4f} F1 {c['f1']:.4f}"
        )
    print(f"  {'field':18} {'P':>7} {'R':>7} {'F1':>7} {'gold':>6} {'pred':>6}")
    for field, s in result["fields"].items():
        print(
            f"  {field:18} {s['precision']:7.4f} {s['recall']:7.4f} {s['f1']:7.4f} "
            f"{s['gold']:6d} {s['predicted']:6d}"
        )


def speed_texts(first: list[str], folder: Path, n: int) -> list[str]:
    """``n`` distinct reference strings: ``first``, then other sets' texts."""
    seen = dict.fromkeys(first)
    for path in sorted(folder.glob("*.jsonl")):
        if len(seen) >= n:
            break
        seen.update(dict.fromkeys(r["text"] for r in read_jsonl(path)))
    texts = list(seen)[:n]
    return [texts[i % len(texts)] for i in range(n)]


def add_set_arguments(ap: argparse.ArgumentParser) -> None:
    """``--shared`` and ``--set``, as every labelled-set benchmark takes them."""
    ap.add_argument(
        "--shared", type=Path, default=Path(os.environ.get("CITEKIT_SHARED", "../shared"))
    )
    ap.add_argument("--set", dest="sets", action="append", help="set name or path to a JSONL file")


def set_path(name: str, shared: Path) -> Path:
    """A labelled set: a JSONL path as given, or a set name in the shared data folder."""
    return Path(name) if name.endswith(".jsonl") else shared / "data" / "parser" / f"{name}.jsonl"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        prog="python -m citekit.bench.parse", description=__doc__.split("\n\n")[0]
    )
    add_set_arguments(ap)
    ap.add_argument("--n", type=int, default=10000, help="strings for the speed runs (0: skip)")
    ap.add_argument("--refextract-n", type=int, default=300, help="strings for the refextract run")
    ap.add_argument(
        "--repeat",
        type=int,
        default=3,
        help="runs of each citekit speed phase (the median is kept)",
    )
    ap.add_argument("--model", default=None, help="model file (default: the shipped model)")
    ap.add_argument("--json", action="store_true", help="print one JSON object instead of tables")
    ap.add_argument(
        "--errors", action="store_true", help="print every wrong field value (tab-separated)"
    )
    ap.add_argument("--field", help="with --errors: only this field")
    ap.add_argument(
        "--characters",
        action="store_true",
        help="score every set on the tagger's own boundaries, also a set labelled word by word",
    )
    ap.add_argument("--phase", help=argparse.SUPPRESS)
    ap.add_argument(
        "--tagger-only",
        action="store_true",
        help="score the tagger's own segments, before the repairs citekit parse applies",
    )
    ap.add_argument("--input", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.phase:
        print(json.dumps(_phase(args.phase, args.input, args.model)))
        return 0

    from citekit.normalize import repair_segments
    from citekit.parser import load_tagger

    tagger = load_tagger(args.model)
    report: dict = {"model": str(tagger.path.name), "sets": {}}
    all_texts: list[str] = []
    for name in args.sets or EVALUATION_SETS:
        path = set_path(name, args.shared)
        if not path.is_file():
            print(f"set not found: {path}", file=sys.stderr)
            return 2
        records = read_jsonl(path)
        preds = tagger.tag_many([r["text"] for r in records])
        if not args.tagger_only:
            preds = [repair_segments(r["text"], p) for r, p in zip(records, preds, strict=True)]
        words = not args.characters and not splits_words(records)
        result = score(records, preds, words)
        if words:
            result["on_characters"] = score(records, preds)["micro"]
        if args.errors:
            print("\n".join(mismatches(records, preds, args.field, words)))
            continue
        report["sets"][path.stem] = result
        all_texts.extend(r["text"] for r in records)
        if not args.json:
            print_scores(path.stem, result)
    if args.n and all_texts:
        texts = speed_texts(all_texts, args.shared / "data" / "parser", args.n)
        speed: dict = {
            "tag": median_phase("tag", texts, args.model, args.repeat),
            "parse_to_csl_json": median_phase("csl", texts, None, args.repeat),
        }
        if args.refextract_n:
            speed["refextract"] = run_phase("refextract", texts[: args.refextract_n], None)
        else:
            speed["refextract"] = "not measured (--refextract-n 0)"
        for k in ("tag", "parse_to_csl_json"):
            if isinstance(speed[k], dict) and isinstance(speed["refextract"], dict):
                speed[k]["ratio_to_refextract"] = (
                    speed[k]["per_second"] / speed["refextract"]["per_second"]
                )
        report["speed"] = speed
        if not args.json:
            print("\n== speed (each in a fresh process)")
            for k, v in speed.items():
                if isinstance(v, dict):
                    extra = (
                        f", {v['ratio_to_refextract']:.0f}x refextract"
                        if "ratio_to_refextract" in v
                        else ""
                    )
                    if v.get("runs", 1) > 1:
                        extra += (
                            f" (median of {v['runs']} runs; "
                            f"{v['slowest_per_second']:.0f}-{v['fastest_per_second']:.0f} refs/s)"
                        )
                    print(
                        f"  {k:18} {v['n']} refs in {v['seconds']:.2f}s = "
                        f"{v['per_second']:.0f} refs/s ({v['per_cpu_second']:.0f} per CPU second), "
                        f"peak RSS {v['peak_rss_mb']:.0f} MB{extra}"
                    )
                else:
                    print(f"  {k:18} {v}")
    if args.json:
        print(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
