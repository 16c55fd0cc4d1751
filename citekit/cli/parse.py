"""``citekit parse``: a document or reference list to BibTeX, BibLaTeX, CSL-JSON, RIS or JSON Lines."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

import click

from citekit.cli import cli
from citekit.cli.progress import ProgressBar
from citekit.document import parse_document
from citekit.embedded import cited_items
from citekit.errors import InputError
from citekit.formats import FORMATS, SUFFIXES, write
from citekit.formats.csljson import read_csl_json
from citekit.fsutil import atomic_write
from citekit.keys import assign_keys
from citekit.model import Reference
from citekit.source import Source, read_source

# A document with fewer entries than this parses in about a second: no bar.
_PROGRESS_MINIMUM = 2000


def _guess_format(output: str | None, fmt: str | None) -> str:
    if fmt:
        return fmt
    if output and output != "-":
        for suffix, name in SUFFIXES.items():
            if output.lower().endswith(suffix):
                return name
    return "bibtex"


def _enrich(
    references: tuple[Reference, ...],
    indexes: tuple[Path, ...],
    offline: bool,
    mailto: str | None,
    api_url: str | None,
    quiet: bool,
) -> tuple[Reference, ...]:
    from citekit.cli.enrich import run_enrichment
    from citekit.enrich.report import render_text
    from citekit.enrich.run import apply_to_references

    refs = list(references)
    run, _ = run_enrichment(refs, indexes=indexes, offline=offline, mailto=mailto, api_url=api_url)
    click.echo(render_text(refs, run, quiet=quiet), nl=False, err=True)
    return tuple(apply_to_references(refs, run))


@cli.command("parse")
@click.argument("source", metavar="SOURCE")
@click.option("-o", "--output", metavar="FILE", help="Write here (atomically) instead of stdout.")
@click.option(
    "-f",
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default=None,
    help="Output format (default: from the -o suffix, else bibtex).",
)
@click.option(
    "--model",
    metavar="PATH",
    default=None,
    help="Use this tagger model (.weights.npz or .crfsuite) instead of the shipped one.",
)
@click.option("-q", "--quiet", is_flag=True, help="Do not report low-confidence entries on stderr.")
@click.option(
    "--enrich", is_flag=True, help="Add validated DOIs (as `citekit enrich`); report on stderr."
)
@click.option(
    "--index",
    "indexes",
    multiple=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="With --enrich: a local index (citekit index build), asked before Crossref.",
)
@click.option(
    "--offline", is_flag=True, help="With --enrich: ask only the cache and the index(es)."
)
@click.option("--mailto", help="With --enrich: contact address for Crossref's polite pool.")
@click.option("--api-url", help="With --enrich: Crossref API base URL (a mirror).")
@click.option(
    "--embedded",
    is_flag=True,
    help="For a .docx or .odt file: write the records Zotero, Mendeley or EndNote stored in its "
    "citations (for a web page, its COinS) instead of parsing its reference list.",
)
def parse_command(
    source: str,
    output: str | None,
    fmt: str | None,
    model: str | None,
    quiet: bool,
    enrich: bool,
    indexes: tuple[Path, ...],
    offline: bool,
    mailto: str | None,
    api_url: str | None,
    embedded: bool,
) -> None:
    """Parse the reference list(s) in SOURCE (a file, or - for stdin).

    Finds every reference section (or takes a bare list whole), splits and tags
    the entries, and writes them with stable keys.  Entries parsed with low
    confidence are kept (type "document", raw text in a note) and reported on
    stderr with their line numbers.  A .bib or CSL-JSON SOURCE is read as it
    is and converted.  With --embedded, a Word or LibreOffice file's Zotero,
    Mendeley or EndNote citations give the records, exactly as the library
    holds them.
    Exit status: 0 written, 2 unreadable input or no list.
    """
    fmt = _guess_format(output, fmt)
    tagger = None
    if model:
        from citekit.parser import load_tagger

        tagger = load_tagger(model)
    doc = read_source(source)
    if not quiet:
        for warning in doc.embedded_warnings:
            click.echo(f"{source}: {warning}; skipped", err=True)
    if embedded:
        references = _embedded_references(doc)
        if enrich:
            references = _enrich(references, indexes, offline, mailto, api_url, quiet)
        managers = " and ".join(sorted({c.manager for c in doc.embedded}))
        _emit(references, fmt, output, f"from {len(doc.embedded)} {managers} citations")
        return
    if not doc.text.strip():
        raise InputError(f"{source}: the input is empty")
    progress = ProgressBar("parsing", minimum=_PROGRESS_MINIMUM)
    try:
        parsed = parse_document(doc, tagger, progress=None if quiet else progress)
    finally:
        progress.close()
    if not parsed.references:
        raise InputError(
            f"{source}: no reference list found (looked for a References/Bibliography heading, "
            "a numbered list, or a file that is only a list)"
        )
    if not quiet:
        for diag in parsed.diagnostics:
            line = doc.line_of(diag.span.start)
            click.echo(f"{source}:{line}: {diag.code} {diag.message}", err=True)
        for ref in parsed.repeats:
            click.echo(
                f"{source}:{doc.line_of(ref.span.start)}: note {ref.number or ref.label} repeats an "
                "earlier note (Ibid. or a short note); not written as a new reference",
                err=True,
            )
        for sec in parsed.notes:
            click.echo(
                f"{source}:{sec.first_line}-{sec.last_line}: the {sec.heading or 'footnotes'} cite the "
                "bibliography; they are not written as references (citekit check links them)",
                err=True,
            )
    if doc.embedded and not quiet:
        managers = " and ".join(sorted({c.manager for c in doc.embedded}))
        click.echo(
            f"{source}: {len(doc.embedded)} citations carry their works' records ({managers}); "
            "--embedded writes those records instead of the parsed list",
            err=True,
        )
    references = parsed.references
    if enrich:
        references = _enrich(references, indexes, offline, mailto, api_url, quiet)
    _emit(references, fmt, output, f"from {len(parsed.sections)} list(s)")


def _embedded_references(doc: Source) -> tuple[Reference, ...]:
    if not doc.embedded:
        raise InputError(
            f"{doc.path}: no Zotero, Mendeley, EndNote or COinS citations with their data in it "
            "(--embedded reads them from .docx, .odt and .html files)"
        )
    items = cited_items(doc.embedded)
    return tuple(assign_keys(read_csl_json(json.dumps(items), doc.path)))


def _emit(references: Sequence[Reference], fmt: str, output: str | None, origin: str) -> None:
    text = write(references, fmt)
    if output and output != "-":
        atomic_write(output, text)
        click.echo(f"{len(references)} references {origin} written to {output}", err=True)
    else:
        click.echo(text, nl=False)
