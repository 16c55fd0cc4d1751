"""``citekit parse``: a document or reference list to BibTeX, BibLaTeX, CSL-JSON, RIS or JSON Lines."""

from __future__ import annotations

import click

from citekit.cli import cli
from citekit.document import parse_document
from citekit.errors import InputError
from citekit.formats import FORMATS, SUFFIXES, write
from citekit.fsutil import atomic_write
from citekit.source import read_source


def _guess_format(output: str | None, fmt: str | None) -> str:
    if fmt:
        return fmt
    if output and output != "-":
        for suffix, name in SUFFIXES.items():
            if output.lower().endswith(suffix):
                return name
    return "bibtex"


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
@click.option("--model", metavar="PATH", default=None, help="Use this tagger model instead of the shipped one.")
@click.option("-q", "--quiet", is_flag=True, help="Do not report low-confidence entries on stderr.")
def parse_command(source: str, output: str | None, fmt: str | None, model: str | None, quiet: bool) -> None:
    """Parse the reference list(s) in SOURCE (a file, or - for stdin).

    Finds every reference section (or takes a bare list whole), splits and tags
    the entries, and writes them with stable keys.  Entries parsed with low
    confidence are kept (type "document", raw text in a note) and reported on
    stderr with their line numbers.  A .bib or CSL-JSON SOURCE is read as it
    is and converted.  Exit status: 0 written, 2 unreadable input or no list.
    """
    fmt = _guess_format(output, fmt)
    tagger = None
    if model:
        from citekit.parser import load_tagger

        tagger = load_tagger(model)
    doc = read_source(source)
    if not doc.text.strip():
        raise InputError(f"{source}: the input is empty")
    parsed = parse_document(doc, tagger)
    if not parsed.references:
        raise InputError(
            f"{source}: no reference list found (looked for a References/Bibliography heading, "
            "a numbered list, or a file that is only a list)"
        )
    if not quiet:
        for diag in parsed.diagnostics:
            line = doc.line_of(diag.span.start)
            click.echo(f"{source}:{line}: {diag.code} {diag.message}", err=True)
    references = parsed.references
    # An enrichment step (DOIs from Crossref) slots in here: references -> references.
    text = write(references, fmt)
    if output and output != "-":
        atomic_write(output, text)
        click.echo(
            f"{len(references)} references from {len(parsed.sections)} list(s) written to {output}",
            err=True,
        )
    else:
        click.echo(text, nl=False)

