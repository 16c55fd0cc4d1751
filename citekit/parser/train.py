"""Train the reference tagger: ``python -m citekit.parser.train [--shared PATH] [-o MODEL]``.

By default it trains on the licence-compatible sets of the shared data folder
(AnyStyle core/good/bad, BSD-2-Clause; the GROBID citation corpus, Apache-2.0)
plus the examples written for citekit in ``citekit/parser/data/``.  It trains
the members of ``MEMBERS`` (the same data, different penalties and weights) in
parallel and writes the mean of their weights (``model.weights.npz``, see
``citekit.parser.crf.average``) and a metadata file (inputs with SHA-256 and
record counts, each member's parameters, seed, date) beside it; ``--members 1``
writes one crfsuite model and its exported weights instead.  Training is
deterministic: records are deduplicated and shuffled with a fixed seed and
L-BFGS has no randomness.

AnyStyle's ugly set is licence-compatible too but left out by default: on the
development split, adding it lowered the score of every other set (AnyStyle
core+good, GROBID, UMass CFE dev, ParsCit, citekit's own examples); ``--set``
still takes it.

Evaluation-only sets are refused, and any training record whose text also
occurs in an evaluation set present in the data folder is dropped.

Development split.  Choices (features, parameters, repairs) are made on data
that is neither trained on nor evaluation-only: ``--dev-split`` trains without
a fixed 10% of every training file (chosen by a hash of the normalized text,
so the split never changes), and ``--write-dev DIR`` writes those held-out
records as ``DIR/<set>.dev.jsonl`` for ``python -m citekit.bench.parse --set``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from datetime import UTC, datetime
from functools import partial
from importlib import metadata
from pathlib import Path

import pycrfsuite

from citekit.parser import MODEL_NAME, model_dir
from citekit.parser.corpus import Example, load_examples, read_jsonl
from citekit.parser.crf import average, export, weights_path
from citekit.parser.features import extract

DEFAULT_SETS = ("anystyle-core", "anystyle-good", "anystyle-bad", "grobid-corpus")
EVALUATION_ONLY = ("anystyle-gold-heldout", "umass-cfe-test", "etdcite")
DEFAULT_PARAMS = {
    "c1": 0.1,
    "c2": 0.005,
    "max_iterations": 200,
    "feature.possible_transitions": True,
    "feature.minfreq": 2,
}
SEED = 20260101
# The shipped model is the mean of these members' weights (see
# ``citekit.parser.crf.average``): the same data and features, trained with a
# weaker and a stronger L2 penalty and once with AnyStyle's core set counted
# twice.  On the development split the mean scored at or near the best member
# on every set, where any single member wins on some sets and loses on others.
MEMBERS: tuple[dict, ...] = (
    {},
    {"params": {"c2": 0.002}},
    {"params": {"c2": 0.01}},
    {"set_weights": {"anystyle-core": 2}},
)
# Fields whose first token gets a label of its own (see ``corpus.align``).
DEFAULT_BEGIN = ("author", "editor", "title", "container-title", "publisher", "location", "note")


def own_data_files() -> list[Path]:
    """The labelled examples shipped with citekit."""
    return sorted(model_dir().glob("*.jsonl"))


def default_shared() -> Path:
    return Path(os.environ.get("CITEKIT_SHARED", Path("..") / "shared"))


def sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def _version(dist: str) -> str | None:
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return None


def code_digest() -> str:
    """SHA-256 over the modules that turn data into features and labels."""
    h = hashlib.sha256()
    for name in ("tokenize.py", "features.py", "labels.py", "corpus.py"):
        h.update((Path(__file__).parent / name).read_bytes())
    for path in sorted(model_dir().glob("*.txt")):
        h.update(path.read_bytes())
    return h.hexdigest()


def _norm(text: str) -> str:
    return " ".join(text.split()).lower()


DEV_PERCENT = 10


def in_dev_split(text: str) -> bool:
    """Whether a training record belongs to the fixed development split."""
    digest = hashlib.sha256(_norm(text).encode("utf-8")).digest()
    return int.from_bytes(digest[:4], "big") % 100 < DEV_PERCENT


def train(
    files: list[Path],
    output: Path,
    params: dict | None = None,
    seed: int = SEED,
    exclude_texts: set[str] | None = None,
    own_weight: int = 1,
    log=print,
    dev_split: bool = False,
    begin: frozenset[str] = frozenset(),
    set_weights: dict[str, int] | None = None,
) -> dict:
    """Train a model on ``files``; returns its metadata.

    Every record counts once, citekit's own examples ``own_weight`` times, and a
    file named in ``set_weights`` (by stem, e.g. ``{"anystyle-core": 2}``) that
    many times."""
    params = {**DEFAULT_PARAMS, **(params or {})}
    exclude_texts = exclude_texts or set()
    own = {p.resolve() for p in own_data_files()}

    def weight_of(path: Path) -> int:
        if set_weights and path.stem in set_weights:
            return set_weights[path.stem]
        return own_weight if path.resolve() in own else 1

    inputs = []
    examples: list[Example] = []
    seen: set[str] = set()
    for path in files:
        exs, skipped = load_examples(path, begin)
        kept = dropped = 0
        for ex in exs:
            key = _norm(ex.text)
            if key in exclude_texts:
                dropped += 1
                continue
            if key in seen or (dev_split and in_dev_split(ex.text)):
                continue
            seen.add(key)
            examples.extend([ex] * weight_of(path))
            kept += 1
        inputs.append(
            {
                "file": path.name,
                "sha256": sha256(path),
                "records_used": kept,
                "records_unaligned": skipped,
                "records_in_evaluation_sets": dropped,
                "weight": weight_of(path),
            }
        )
        log(f"{path.name}: {kept} used, {skipped} unaligned, {dropped} overlapping evaluation")
    random.Random(seed).shuffle(examples)
    trainer = pycrfsuite.Trainer(verbose=False)
    trainer.select("lbfgs", "crf1d")
    trainer.set_params(params)
    t0 = time.time()
    for ex in examples:
        _, xseq = extract(ex.text)
        trainer.append(xseq, list(ex.labels))
    log(f"features for {len(examples)} sequences in {time.time() - t0:.1f}s; training...")
    t1 = time.time()
    output.parent.mkdir(parents=True, exist_ok=True)
    tmp = output.with_name(output.name + ".tmp")
    trainer.train(str(tmp))
    os.replace(tmp, output)
    seconds = time.time() - t1
    weights = export(output)
    last = trainer.logparser.last_iteration or {}
    meta = {
        "model": output.name,
        "model_sha256": sha256(output),
        "model_bytes": output.stat().st_size,
        "weights": weights.name,
        "weights_sha256": sha256(weights),
        "weights_bytes": weights.stat().st_size,
        "trained_at": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "training_seconds": round(seconds, 1),
        "sequences": len(examples),
        "seed": seed,
        "algorithm": "lbfgs/crf1d",
        "params": params,
        "final_loss": last.get("loss"),
        "inputs": inputs,
        "python_crfsuite": _version("python-crfsuite"),
        "code_sha256": code_digest(),
        "dev_split_held_out": dev_split,
        "begin_labels": sorted(begin),
    }
    return meta


def _log_stderr(message: str, prefix: str = "") -> None:
    print(prefix + message, file=sys.stderr)


def train_ensemble(
    files: list[Path],
    output: Path,
    params: dict | None = None,
    members: tuple[dict, ...] = MEMBERS,
    jobs: int | None = None,
    **options,
) -> dict:
    """Train ``members`` (each ``train`` with its own ``params`` and ``set_weights``)
    in parallel and write the mean of their weights to ``output`` (a
    ``.weights.npz``); returns the metadata.  The members' own files are temporary."""
    t0 = time.time()
    jobs = jobs or min(len(members), os.cpu_count() or 1)
    output.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=output.parent) as tmp:
        paths = [Path(tmp) / f"member{i}.crfsuite" for i in range(len(members))]
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            futures = [
                pool.submit(
                    train,
                    files,
                    path,
                    {**(params or {}), **m.get("params", {})},
                    set_weights=m.get("set_weights"),
                    log=partial(_log_stderr, prefix=f"member {i + 1}/{len(members)}: "),
                    **options,
                )
                for i, (m, path) in enumerate(zip(members, paths, strict=True))
            ]
            metas = [f.result() for f in futures]
        average([weights_path(p) for p in paths], output)
    first = metas[0]
    return {
        "weights": output.name,
        "weights_sha256": sha256(output),
        "weights_bytes": output.stat().st_size,
        "trained_at": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "training_seconds": round(time.time() - t0, 1),
        "seed": first["seed"],
        "algorithm": f"lbfgs/crf1d, mean weights of {len(members)} members",
        "members": [
            {
                "params": meta["params"],
                "input_weights": {i["file"]: i["weight"] for i in meta["inputs"]},
                "sequences": meta["sequences"],
                "final_loss": meta["final_loss"],
                "training_seconds": meta["training_seconds"],
                "model_sha256": meta["model_sha256"],
            }
            for meta in metas
        ],
        "inputs": [{k: v for k, v in i.items() if k != "weight"} for i in first["inputs"]],
        "python_crfsuite": first["python_crfsuite"],
        "code_sha256": first["code_sha256"],
        "dev_split_held_out": first["dev_split_held_out"],
        "begin_labels": first["begin_labels"],
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        prog="python -m citekit.parser.train", description=__doc__.split("\n\n")[0]
    )
    ap.add_argument(
        "--shared", type=Path, default=None, help="the shared data folder (default ../shared)"
    )
    ap.add_argument("--set", dest="sets", action="append", help="training set name (repeatable)")
    ap.add_argument("--no-own", action="store_true", help="leave out citekit's own examples")
    ap.add_argument(
        "--own-weight", type=int, default=2, help="repeat citekit's own examples N times"
    )
    ap.add_argument(
        "-o",
        "--output",
        type=Path,
        default=None,
        help="model file (default: the shipped one); an ensemble writes its weights "
        "beside it as <stem>.weights.npz",
    )
    ap.add_argument(
        "--members",
        type=int,
        default=len(MEMBERS),
        choices=range(1, len(MEMBERS) + 1),
        metavar=f"1..{len(MEMBERS)}",
        help=f"train the first N members and average them (default {len(MEMBERS)}; "
        "1: one crfsuite model, as for experiments)",
    )
    ap.add_argument(
        "--jobs", type=int, default=None, help="members trained at once (default: one per core)"
    )
    ap.add_argument("--max-iterations", type=int, default=DEFAULT_PARAMS["max_iterations"])
    ap.add_argument("--c1", type=float, default=DEFAULT_PARAMS["c1"])
    ap.add_argument("--c2", type=float, default=DEFAULT_PARAMS["c2"])
    ap.add_argument("--minfreq", type=float, default=DEFAULT_PARAMS["feature.minfreq"])
    ap.add_argument("--seed", type=int, default=SEED)
    ap.add_argument(
        "--allow-experimental",
        action="store_true",
        help="allow sets whose licence forbids shipping (ParsCit, UMass train/dev)",
    )
    ap.add_argument(
        "--begin",
        default=",".join(DEFAULT_BEGIN),
        help="labels whose first token is labelled B-<label> (comma-separated; '' for none)",
    )
    ap.add_argument(
        "--dev-split", action="store_true", help="train without the fixed 10%% development split"
    )
    ap.add_argument(
        "--write-dev",
        type=Path,
        metavar="DIR",
        help="write the development split of each set to DIR and exit",
    )
    args = ap.parse_args(argv)

    shared = args.shared or default_shared()
    data = shared / "data" / "parser"
    sets = args.sets or list(DEFAULT_SETS)
    files: list[Path] = []
    for name in sets:
        if name in EVALUATION_ONLY:
            ap.error(f"{name} is evaluation-only and must never be trained on")
        if not name.startswith(("anystyle", "grobid")) and not args.allow_experimental:
            ap.error(
                f"{name}: licence does not allow shipping a model trained on it "
                "(use --allow-experimental and -o for an experiment)"
            )
        if not name.startswith(("anystyle", "grobid")) and args.output is None:
            ap.error(f"{name}: give -o; a model trained on it must not replace the shipped one")
        path = data / f"{name}.jsonl"
        if not path.is_file():
            ap.error(f"training set not found: {path}")
        files.append(path)
    if not args.no_own:
        files.extend(own_data_files())
    if args.write_dev:
        args.write_dev.mkdir(parents=True, exist_ok=True)
        for path in files:
            dev = [r for r in read_jsonl(path) if in_dev_split(r["text"])]
            out = args.write_dev / f"{path.stem}.dev.jsonl"
            out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in dev), "utf-8")
            print(f"{out}: {len(dev)} records", file=sys.stderr)
        return 0
    if args.dev_split and args.output is None:
        ap.error("--dev-split trains an experiment: give -o")
    exclude: set[str] = set()
    for name in EVALUATION_ONLY:
        path = data / f"{name}.jsonl"
        if path.is_file():
            exclude.update(_norm(r["text"]) for r in read_jsonl(path))
    output = args.output or model_dir() / MODEL_NAME
    params = {
        "c1": args.c1,
        "c2": args.c2,
        "max_iterations": args.max_iterations,
        "feature.minfreq": args.minfreq,
    }
    options = {
        "seed": args.seed,
        "exclude_texts": exclude,
        "own_weight": args.own_weight,
        "dev_split": args.dev_split,
        "begin": frozenset(x for x in args.begin.split(",") if x),
    }
    if args.members == 1:
        meta = train(files, output, params, log=_log_stderr, **options)
        written = output
    else:
        written = output if output.name.endswith(".npz") else weights_path(output)
        meta = train_ensemble(files, written, params, MEMBERS[: args.members], args.jobs, **options)
    meta_path = output.with_suffix(".json")
    meta_path.write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    print(
        f"wrote {written} ({written.stat().st_size} bytes) in {meta['training_seconds']}s; "
        f"metadata {meta_path}",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
