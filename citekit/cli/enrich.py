"""``citekit enrich`` (validated DOIs for a .bib file) and ``citekit index build``.

A thin shell over ``citekit.enrich``: reading and writing files, options,
the progress bar and exit codes.  Exit codes: 0 done, 1 an entry's own DOI
does not exist or describes another work (``conflict``), 2 bad input or
options, 130 interrupted (what was done is still written).
"""

from __future__ import annotations

import json
import os
import sys
import time
import warnings
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from citekit.cli import EXIT_FINDINGS, EXIT_OK, cli
from citekit.cli.progress import ProgressBar
from citekit.config import discover
from citekit.enrich.match import ACCEPT_THRESHOLD
from citekit.errors import ConfigError
from citekit.fsutil import atomic_write
from citekit.source import read_source

if TYPE_CHECKING:
    from citekit.enrich import Resolver
    from citekit.enrich.run import EnrichRun
    from citekit.model import Reference

EXIT_INTERRUPTED = 130


def _show_warnings(caught: list[warnings.WarningMessage]) -> None:
    seen: set[str] = set()
    for w in caught:
        text = str(w.message)
        if text not in seen:
            seen.add(text)
            click.echo(f"citekit: warning: {text}", err=True)


def run_enrichment(
    refs: list[Reference],
    *,
    indexes: tuple[Path, ...] = (),
    offline: bool = False,
    crossref: bool = True,
    mailto: str | None = None,
    api_url: str | None = None,
    cache_path: Path | None = None,
    min_confidence: float = ACCEPT_THRESHOLD,
) -> tuple[EnrichRun, list[Resolver]]:
    """Open the resolvers, enrich ``refs`` with a progress bar, close them; shared by
    ``citekit enrich`` and ``citekit parse --enrich``.  mailto and api-url fall back to
    the environment, then to ``[tool.citekit]``."""
    from citekit.enrich.run import enrich_references, open_resolvers

    settings = discover()
    mailto = mailto or os.environ.get("CITEKIT_MAILTO") or settings.mailto
    api_url = api_url or os.environ.get("CITEKIT_API_URL") or settings.api_url
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        resolvers = open_resolvers(
            index=[str(p) for p in indexes],
            offline=offline,
            crossref=crossref,
            mailto=mailto,
            api_url=api_url,
            cache=str(cache_path) if cache_path else True,
        )
        progress = ProgressBar("enriching", minimum=5)
        try:
            run = enrich_references(refs, resolvers, threshold=min_confidence, progress=progress)
        finally:
            progress.close()
            for resolver in resolvers:
                close = getattr(resolver, "close", None)
                if close:
                    close()
    _show_warnings(caught)
    return run, resolvers


@cli.command("enrich")
@click.argument("bibfile", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path, allow_dash=True),
    help="Write the enriched .bib here (may be BIBFILE itself; '-' for stdout). "
    "Without it nothing is written: a preview.",
)
@click.option(
    "--report",
    "report_format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="Report format.",
)
@click.option(
    "--report-file",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the report here instead of stdout.",
)
@click.option("--fill", is_flag=True, help="Also fill EMPTY fields from the matched record.")
@click.option(
    "--index",
    "indexes",
    multiple=True,
    type=click.Path(dir_okay=False, exists=True, path_type=Path),
    help="A local index (citekit index build), asked before Crossref. Repeatable.",
)
@click.option("--offline", is_flag=True, help="Ask only the cache and the local index(es).")
@click.option("--no-crossref", is_flag=True, help="Do not ask Crossref at all (index only).")
@click.option("--mailto", help="Contact address for Crossref's polite pool ($CITEKIT_MAILTO).")
@click.option("--api-url", help="Crossref API base URL (a mirror); $CITEKIT_API_URL.")
@click.option(
    "--cache",
    "cache_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Cache file (default: $CITEKIT_CACHE or the user cache directory).",
)
@click.option(
    "--min-confidence",
    type=click.FloatRange(0.0, 1.0),
    default=ACCEPT_THRESHOLD,
    show_default=True,
    help="Accept a validated match only at or above this confidence.",
)
@click.option(
    "-q", "--quiet", is_flag=True, help="Leave out the entries that got or kept a DOI cleanly."
)
def enrich_command(
    bibfile: Path,
    output: Path | None,
    report_format: str,
    report_file: Path | None,
    fill: bool,
    indexes: tuple[Path, ...],
    offline: bool,
    no_crossref: bool,
    mailto: str | None,
    api_url: str | None,
    cache_path: Path | None,
    min_confidence: float,
    quiet: bool,
) -> None:
    """Add validated DOIs to the entries of BIBFILE.

    Every candidate is checked against the entry (authors, year, title,
    container, volume, pages, edition, type); a DOI is added only when the
    record is the same work.  An entry's own DOI is verified, never replaced.
    The user's fields, entries, comments and @strings are kept as they are.
    """
    from citekit.enrich.bibfile import apply_enrichments, read_bibfile, write_bibfile
    from citekit.enrich.report import render_text, to_json

    if no_crossref and not indexes:
        raise ConfigError("--no-crossref needs at least one --index")
    source = read_source(str(bibfile))
    bib = read_bibfile(source.text, str(bibfile))
    refs = list(bib.references)

    start = time.perf_counter()
    run, resolvers = run_enrichment(
        refs,
        indexes=indexes,
        offline=offline,
        crossref=not no_crossref,
        mailto=mailto,
        api_url=api_url,
        cache_path=cache_path,
        min_confidence=min_confidence,
    )

    applied = apply_enrichments(bib, run.results, fill=fill)
    if output is not None:
        text = write_bibfile(bib)
        if str(output) == "-":
            click.echo(text, nl=False)
        else:
            atomic_write(output, text)

    stats: dict[str, Any] = {
        "dois_added": applied.dois_added,
        "fields_filled": applied.fields_filled,
    }
    for resolver in resolvers:
        get_stats = getattr(resolver, "stats", None)
        if callable(get_stats):
            s = get_stats()
            stats[f"{resolver.name}_requests"] = getattr(s, "requests", 0)
            stats[f"{resolver.name}_cache_hits"] = getattr(s, "cache_hits", 0)
    stats["seconds"] = round(time.perf_counter() - start, 3)

    if report_format == "json":
        report = json.dumps(
            to_json(refs, run, threshold=min_confidence, stats=stats), indent=2, ensure_ascii=False
        )
        report += "\n"
    else:
        report = render_text(refs, run, quiet=quiet)
        requests = {k: v for k, v in stats.items() if k.endswith("_requests")}
        if requests:
            report += ", ".join(f"{k.replace('_', ' ')}: {v}" for k, v in requests.items()) + "\n"
    if report_file is not None:
        atomic_write(report_file, report)
    elif output is not None and str(output) == "-":
        click.echo(report, nl=False, err=True)
    else:
        click.echo(report, nl=False)

    if run.interrupted:
        click.echo("citekit: interrupted; the entries done so far were kept", err=True)
        sys.exit(EXIT_INTERRUPTED)
    sys.exit(EXIT_FINDINGS if run.count("conflict") else EXIT_OK)


@cli.group("index")
def index_group() -> None:
    """Build local indexes of Crossref records for offline enrichment."""


@index_group.command("build")
@click.argument(
    "records", nargs=-1, required=True, type=click.Path(dir_okay=False, exists=True, path_type=Path)
)
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="The index file to write (replaced atomically).",
)
def index_build(records: tuple[Path, ...], output: Path) -> None:
    """Index Crossref work records for `citekit enrich --index`.

    RECORDS are JSON Lines files (gzipped or not) of work records, JSON lists,
    or saved API responses (a "work" or a "work-list" message).
    """
    from citekit.enrich.index import LocalIndex, build_index

    start = time.perf_counter()
    stats = build_index(list(records), output)
    seconds = time.perf_counter() - start
    size = len(LocalIndex(output))
    click.echo(
        f"indexed {stats.records} work(s) from {stats.files} file(s) in {seconds:.1f}s "
        f"({stats.skipped} item(s) skipped); {size} in {output}"
    )
