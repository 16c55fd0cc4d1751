"""``citekit zotero pull`` and ``citekit zotero push``: references in and out of Zotero."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from citekit.cli import EXIT_FINDINGS, EXIT_OK, cli
from citekit.errors import ConfigError
from citekit.fsutil import atomic_write
from citekit.model import Reference
from citekit.source import read_source

_LIBRARY_HELP = (
    "user:ID or group:ID on the Zotero web API (key from $ZOTERO_API_KEY); "
    "default for pull: the local API of a running Zotero (users/0)."
)


def read_references(path: str) -> list[Reference]:
    """References from a .bib, a CSL-JSON file, or any document holding a reference list."""
    source = read_source(path)
    suffix = Path(path).suffix.lower()
    if suffix == ".bib":
        from citekit.formats.bibtex import read_bibtex

        return read_bibtex(source.text, path)
    if suffix == ".json":
        from citekit.formats.csljson import read_csl_json

        return read_csl_json(source.text, path)
    from citekit.document import parse_document

    return list(parse_document(source).references)


@cli.group("zotero")
def zotero_group() -> None:
    """Pull references from Zotero, or push a .bib into a Zotero library."""


@zotero_group.command("pull")
@click.option("--library", help=_LIBRARY_HELP)
@click.option(
    "-o",
    "--output",
    "out",
    type=click.Path(dir_okay=False, allow_dash=True),
    default="-",
    help="Output file (default: stdout).",
)
@click.option(
    "-f",
    "--format",
    "fmt",
    default=None,
    type=click.Choice(["bibtex", "biblatex", "csl-json", "ris", "jsonl"]),
    help="Output format (default: from the output suffix, else bibtex).",
)
@click.option(
    "--api-url",
    envvar="CITEKIT_ZOTERO_URL",
    help="Another API server (a proxy, a self-hosted data server).",
)
def pull_command(library: str | None, out: str, fmt: str | None, api_url: str | None) -> None:
    """Write the references of a Zotero library (notes and attachments left out)."""
    from citekit.formats import SUFFIXES, write
    from citekit.zotero import fetch_references

    refs = fetch_references(library, base_url=api_url)
    fmt = fmt or SUFFIXES.get(Path(out).suffix.lower(), "bibtex")
    text = write(refs, fmt)
    if out == "-":
        sys.stdout.write(text)
    else:
        atomic_write(out, text)
    click.echo(f"{len(refs)} reference(s) from Zotero", err=True)


@zotero_group.command("push")
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("--library", required=True, help="user:ID or group:ID (key from $ZOTERO_API_KEY).")
@click.option(
    "--batch-size",
    default=50,
    show_default=True,
    type=click.IntRange(1, 50),
    help="Items per write request (the API allows at most 50).",
)
@click.option("--dry-run", is_flag=True, help="Say what would be created; write nothing.")
@click.option(
    "--api-url",
    envvar="CITEKIT_ZOTERO_URL",
    help="Another API server (a proxy, a self-hosted data server).",
)
def push_command(
    file: str, library: str, batch_size: int, dry_run: bool, api_url: str | None
) -> None:
    """Create FILE's references in a Zotero library, skipping those already there.

    FILE is a .bib, a CSL-JSON .json or a document with a reference list.  An
    item already in the library (same DOI, else same citation key in "extra",
    else same title and year) is never created twice, so pushing again is safe.
    """
    import os

    from citekit.zotero import API_KEY_ENV, client_for, push

    if not os.environ.get(API_KEY_ENV):
        raise ConfigError(
            f"pushing needs a Zotero API key with write access in ${API_KEY_ENV} "
            "(create one at zotero.org/settings/keys)"
        )
    refs = read_references(file)
    client = client_for(library, base_url=api_url)
    result = push(client, refs, batch_size=batch_size, dry_run=dry_run)
    for ref_id, item_key, how in result.skipped:
        click.echo(f"skipped {ref_id}: already in the library as {item_key} (same {how})", err=True)
    for ref_id, message in result.failed:
        click.echo(f"failed {ref_id}: {message}", err=True)
    verb = "would create" if dry_run else "created"
    count = len(refs) - len(result.skipped) if dry_run else len(result.created)
    click.echo(
        f"{verb} {count}, skipped {len(result.skipped)}, failed {len(result.failed)} "
        f"({result.requests} request(s))",
        err=True,
    )
    # sys.exit rather than ctx.exit: the status must survive standalone_mode=False
    sys.exit(EXIT_FINDINGS if result.failed else EXIT_OK)
