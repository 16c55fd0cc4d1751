"""Benchmark the citation check: link precision/recall on gold JATS articles, and speed.

    python -m citekit.bench.link [--shared PATH] [--only NAME] [--failures N] [--no-speed]

Gold: ``<shared>/data/linking/gold/*.json`` (in-text citations whose publisher
linked them to their references).  For each article the reference strings are
appended after a "References" heading to the text, one per line; the document
is checked as a user's file would be, and predicted links are compared with
the gold by character offset (a predicted citation counts for a gold one when
their spans overlap; predicted entries map to gold ones by the line they start on).

- precision: of the links citekit asserts (resolved, or suggested with a target),
  the share pointing at a gold target; scored only on eLife, PeerJ, PMC and CCR,
  whose publishers tag every citation (SciELO and bioRxiv tag only some);
- recall: of the gold citations, the share linked to a gold target (all articles);
  also given without the citations whose own name/year disagrees with the
  target (the publisher's errors, flagged ``check`` in the gold);
- failures by category, with a few examples each;
- speed: a synthetic 1 MB document with 1,000 references and 5,000 citations.
"""

from __future__ import annotations

import argparse
import json
import random
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from citekit.check import check_source, find_all_citations
from citekit.source import Source

PRECISION_SOURCES = ("elife", "peerj", "pmc", "ccr")


def _default_shared() -> Path:
    return Path(__file__).resolve().parents[2].parent / "shared"


def build_document(gold: dict[str, Any]) -> tuple[str, list[tuple[int, int, str]]]:
    """The article text with its reference strings appended; (start, end, rid) per line."""
    text = gold["text"].rstrip() + "\n\nReferences\n\n"
    lines = []
    for ref in gold["references"]:
        s = " ".join(ref["string"].split())
        lines.append((len(text), len(text) + len(s), ref["id"]))
        text += s + "\n"
    return text, lines


def _rid_for(start: int, lines: list[tuple[int, int, str]]) -> str | None:
    for a, b, rid in lines:
        if a <= start < b + 1:
            return rid
    return None


def evaluate(gold: dict[str, Any]) -> dict[str, Any]:
    text, lines = build_document(gold)
    report = check_source(Source(gold["name"], text))
    rid_of = {r.id: _rid_for(r.span.start, lines) for r in report.references}
    links = (
        [lk for lk in report.links if lk.citation.span.start < lines[0][0]]
        if lines
        else list(report.links)
    )
    cits = gold["citations"]
    out: dict[str, Any] = {
        "tp": 0,
        "asserted": 0,
        "gold": len(cits),
        "hit": 0,
        "clean": 0,
        "clean_hit": 0,
        "split": 0,
        "split_hit": 0,
        "fail": defaultdict(list),
    }
    used: set[int] = set()
    for g in cits:
        gr = set(g["rids"])
        clean = (
            g.get("check", {}).get("name_in_ref") is not False
            and g.get("check", {}).get("year_in_ref") is not False
        )
        out["clean"] += clean
        over = [
            i
            for i, lk in enumerate(links)
            if lk.citation.span.start < g["end"] and g["start"] < lk.citation.span.end
        ]
        used.update(over)
        ok = False
        status = None
        for i in over:
            lk = links[i]
            status = lk.status
            if (
                lk.status in ("resolved", "suggested")
                and lk.targets
                and rid_of.get(lk.targets[0]) in gr
            ):
                ok = True
                break
        out["hit"] += ok
        out["split"] += any(v in gr for v in rid_of.values())
        out["split_hit"] += ok and any(v in gr for v in rid_of.values())
        out["clean_hit"] += ok and clean
        if not ok:
            ctx = text[max(0, g["start"] - 40) : g["end"] + 15].replace("\n", " ")
            if not any(v in gr for v in rid_of.values()):
                cat = "target entry not split out of the list"
            elif not over:
                cat = "not found"
            elif status in ("resolved", "suggested"):
                cat = "wrong target"
            else:
                cat = str(status)
            if not clean:
                cat += " (gold name/year disagree with target)"
            out["fail"][cat].append((gold["name"], g["text"], ctx))
    for lk in links:
        if lk.status not in ("resolved", "suggested") or not lk.targets:
            continue
        out["asserted"] += 1
        c = lk.citation
        gs = [g for g in cits if c.span.start < g["end"] and g["start"] < c.span.end]
        if any(rid_of.get(lk.targets[0]) in g["rids"] for g in gs):
            out["tp"] += 1
        else:
            ctx = text[max(0, c.span.start - 40) : c.span.end + 15].replace("\n", " ")
            cat = "precision: wrong target" if gs else "precision: no gold citation here"
            out["fail"][cat].append(
                (gold["name"], f"{c.text} -> {lk.targets[0]} ({lk.status})", ctx)
            )
    return out


def synthetic_document(
    n_refs: int = 1000, n_cits: int = 5000, size: int = 1_000_000, seed: int = 7
) -> str:
    """A deterministic essay of about ``size`` characters citing ``n_refs`` entries."""
    rnd = random.Random(seed)
    syll = [
        "ka",
        "ren",
        "mo",
        "li",
        "sta",
        "vor",
        "den",
        "tal",
        "mir",
        "ho",
        "be",
        "gan",
        "zu",
        "ner",
        "pal",
    ]
    words = [
        "the",
        "of",
        "and",
        "policy",
        "region",
        "state",
        "power",
        "trade",
        "security",
        "growth",
        "market",
        "model",
        "theory",
        "evidence",
        "change",
        "history",
        "reform",
        "crisis",
        "network",
        "influence",
    ]

    def family() -> str:
        return "".join(rnd.choice(syll) for _ in range(rnd.randint(2, 4))).capitalize()

    refs = []
    for _ in range(n_refs):
        fam = [family() for _ in range(rnd.choice((1, 1, 2, 3)))]
        year = rnd.randint(1960, 2024)
        refs.append((fam, year))
    ref_lines = []
    for fam, year in sorted(refs):
        authors = ", ".join(f"{f}, {rnd.choice('ABCDEFGHJKLMN')}." for f in fam)
        title = " ".join(rnd.choice(words) for _ in range(rnd.randint(5, 10))).capitalize()
        ref_lines.append(
            f"{authors} ({year}). {title}. Journal of {rnd.choice(words).capitalize()} Studies, "
            f"{rnd.randint(1, 60)}({rnd.randint(1, 6)}), {rnd.randint(1, 300)}-{rnd.randint(301, 400)}."
        )
    body_target = size - sum(len(x) + 1 for x in ref_lines) - 20
    per_cit = body_target // n_cits
    parts = []
    for i in range(n_cits):
        fam, year = refs[rnd.randrange(n_refs)]
        if len(fam) == 1:
            cite = f"{fam[0]}, {year}"
        elif len(fam) == 2:
            cite = f"{fam[0]} and {fam[1]}, {year}"
        else:
            cite = f"{fam[0]} et al., {year}"
        filler: list[str] = []
        length = 0
        while length < per_cit - len(cite) - 6:
            filler.append(rnd.choice(words))
            length += len(filler[-1]) + 1
        sentence = " ".join(filler).capitalize()
        parts.append(f"{sentence} ({cite}).")
        if i % 8 == 7:
            parts.append("\n\n")
    return " ".join(parts) + "\n\nReferences\n\n" + "\n".join(ref_lines) + "\n"


def speed(repeat: int = 3) -> None:
    """Time the check of the synthetic document: best and median of ``repeat`` runs."""
    text = synthetic_document()
    src = Source("synthetic.txt", text, "text")
    check_source(
        Source("warm.txt", "Warm up (Nye, 2004).\n\nReferences\n\nNye, J. (2004). Soft power.\n")
    )
    totals = []
    rep = None
    for _ in range(repeat):
        t0 = time.perf_counter()
        rep = check_source(src)
        totals.append(time.perf_counter() - t0)
    assert rep is not None
    from citekit.document import parse_document
    from citekit.link import link_citations

    t0 = time.perf_counter()
    doc = parse_document(src)
    t_parse = time.perf_counter() - t0
    t0 = time.perf_counter()
    cits = find_all_citations(src, [s.span for s in doc.sections])
    t_find = time.perf_counter() - t0
    t0 = time.perf_counter()
    link_citations(cits, doc.references)
    t_link = time.perf_counter() - t0
    statuses = Counter(lk.status for lk in rep.links)
    totals.sort()
    print(
        f"speed: {len(text) / 1e6:.2f} MB, {len(rep.references)} references, {len(rep.links)} citations "
        f"({dict(statuses)}): check best {totals[0]:.2f} s, median {totals[len(totals) // 2]:.2f} s "
        f"of {repeat} (one run: parse list {t_parse:.2f} s, find citations {t_find:.2f} s, "
        f"link {t_link:.2f} s)"
    )


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(
        prog="python -m citekit.bench.link", description=__doc__.split("\n")[0]
    )
    ap.add_argument("--shared", type=Path, default=_default_shared(), help="the shared data folder")
    ap.add_argument("--only", help="evaluate only articles whose name contains this")
    ap.add_argument("--failures", type=int, default=3, help="examples per failure category")
    ap.add_argument("--no-speed", action="store_true", help="skip the speed measurement")
    ap.add_argument("--speed-only", action="store_true", help="only measure speed")
    args = ap.parse_args(argv)
    if args.speed_only:
        speed()
        return
    gold_dir = args.shared / "data" / "linking" / "gold"
    files = sorted(gold_dir.glob("*.json"))
    if args.only:
        files = [f for f in files if args.only in f.name]
    if not files:
        raise SystemExit(f"no gold files under {gold_dir}")
    tp = asserted = hit = total = clean = clean_hit = split = split_hit = 0
    fails: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
    t0 = time.perf_counter()
    print(f"{'article':36s} {'recall':>7s} {'precision':>9s}")
    for f in files:
        gold = json.loads(f.read_text(encoding="utf-8"))
        r = evaluate(gold)
        scored = gold["name"].split("-")[0].startswith(PRECISION_SOURCES)
        total += r["gold"]
        hit += r["hit"]
        clean += r["clean"]
        clean_hit += r["clean_hit"]
        split += r["split"]
        split_hit += r["split_hit"]
        if scored:
            tp += r["tp"]
            asserted += r["asserted"]
        for cat, items in r["fail"].items():
            if cat.startswith("precision") and not scored:
                continue
            fails[cat].extend(items)
        prec = f"{r['tp'] / r['asserted']:.3f}" if scored and r["asserted"] else "-"
        print(f"{gold['name']:36s} {r['hit'] / max(1, r['gold']):7.3f} {prec:>9s}")
    elapsed = time.perf_counter() - t0
    print()
    print(f"articles: {len(files)}, gold citations: {total}, time {elapsed:.1f} s")
    print(f"precision (eLife, PeerJ, PMC, CCR): {tp / max(1, asserted):.4f} ({tp}/{asserted})")
    print(f"recall (all articles): {hit / max(1, total):.4f} ({hit}/{total})")
    print(
        f"recall without gold name/year errors: {clean_hit / max(1, clean):.4f} ({clean_hit}/{clean})"
    )
    print(
        f"recall where the target entry was split out of the list: {split_hit / max(1, split):.4f} "
        f"({split_hit}/{split})"
    )
    print("\nfailures by category:")
    for cat, items in sorted(fails.items(), key=lambda kv: -len(kv[1])):
        print(f"  {len(items):5d}  {cat}")
        for name, what, ctx in items[: args.failures]:
            print(f"           {name}: {what!r} in {ctx!r}")
    if not args.no_speed:
        print()
        speed()


if __name__ == "__main__":
    main()
