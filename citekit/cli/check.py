"""``citekit check``, ``citekit rules`` and ``citekit rule CODE``: the CLI over citekit.check."""

from __future__ import annotations

import sys

import click

from citekit.cli import EXIT_FINDINGS, EXIT_OK, cli
from citekit.config import FORMATS, LEVELS, discover


def _codes(values: tuple[str, ...]) -> tuple[str, ...] | None:
    if not values:
        return None
    return tuple(c.strip() for v in values for c in v.split(",") if c.strip())


@cli.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False, allow_dash=True))
@click.option(
    "--bib",
    "bib",
    multiple=True,
    type=click.Path(dir_okay=False),
    help="A .bib file of references (repeatable).",
)
@click.option(
    "--csl",
    "csl",
    multiple=True,
    type=click.Path(dir_okay=False),
    help="A CSL-JSON file of references (repeatable).",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default=None,
    help="Output format (default: text, or the configured one).",
)
@click.option(
    "--select",
    multiple=True,
    metavar="CODES",
    help="Only these rule codes or prefixes, comma-separated (e.g. CIT0,CIT101).",
)
@click.option(
    "--ignore",
    multiple=True,
    metavar="CODES",
    help="Skip these rule codes or prefixes, comma-separated.",
)
@click.option(
    "--fail-level",
    type=click.Choice(LEVELS),
    default=None,
    help="Exit 1 when a finding of this severity or worse remains (default: warning).",
)
@click.option(
    "--config",
    "config",
    type=click.Path(dir_okay=False),
    default=None,
    help="A citekit.toml or pyproject.toml (default: the nearest one).",
)
@click.option(
    "--color/--no-color", default=None, help="Colour the text report (default: on a terminal)."
)
@click.option(
    "--zotero",
    is_flag=True,
    help="Also resolve citations against a running Zotero's library (its local API).",
)
@click.option(
    "--zotero-library",
    metavar="user:ID|group:ID",
    default=None,
    help="Resolve against this library on the Zotero web API (key from $ZOTERO_API_KEY).",
)
def check(
    files: tuple[str, ...],
    bib: tuple[str, ...],
    csl: tuple[str, ...],
    fmt: str | None,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    fail_level: str | None,
    config: str | None,
    color: bool | None,
    zotero: bool,
    zotero_library: str | None,
) -> None:
    """Link every in-text citation of FILES to its reference entry and report problems.

    Exit status: 0 clean, 1 findings at or above the fail level, 2 usage,
    configuration or input error.
    """
    from citekit.check import check_paths
    from citekit.report import render

    settings = discover(config).override(
        select=_codes(select),
        ignore=_codes(ignore),
        fail_level=fail_level,
        format=fmt,
        bib=tuple(bib) or None,
        csl=tuple(csl) or None,
    )
    libraries = []
    if zotero or zotero_library:
        from citekit.check import ReferenceSource
        from citekit.source import Source
        from citekit.zotero import fetch_references

        refs = fetch_references(zotero_library)
        name = f"zotero:{zotero_library or 'local'}"
        libraries.append(ReferenceSource(Source(name, "", "csl-json"), tuple(refs)))
    result = check_paths(files, settings, libraries=libraries)
    use_color = color if color is not None else sys.stdout.isatty()
    click.echo(render(result, settings.format, color=use_color), nl=False, color=use_color)
    # sys.exit rather than ctx.exit: the exit status must survive standalone_mode=False
    sys.exit(EXIT_FINDINGS if result.failed(settings.fail_level) else EXIT_OK)


@cli.command(name="rules")
def rules_cmd() -> None:
    """List every rule: code, name, default severity and summary."""
    from citekit.rules import all_rules

    for r in all_rules():
        click.echo(f"{r.code}  {r.name:<24} {r.severity:<8} {r.summary}")


@cli.command(name="rule")
@click.argument("code")
def rule_cmd(code: str) -> None:
    """Show the documentation of one rule, e.g. `citekit rule CIT001`."""
    from citekit.rules import get_rule

    r = get_rule(code)
    click.echo(f"# {r.code} {r.name} ({r.severity})\n")
    click.echo(r.doc)
