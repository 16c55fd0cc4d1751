"""``citekit link``: rewrite author-year citations as LaTeX or pandoc key citations."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from citekit.cli import EXIT_FINDINGS, EXIT_OK, cli
from citekit.errors import ConfigError
from citekit.fsutil import atomic_write
from citekit.model import Reference
from citekit.source import read_source


def _output_path(doc: str, out: str | None, target: str) -> str:
    if out:
        return out
    if doc == "-":
        return "-"
    src = Path(doc)
    suffix = ".tex" if target == "latex" else ".md"
    candidate = src.with_suffix(suffix)
    if candidate.resolve() == src.resolve():
        candidate = src.with_name(f"{src.stem}.linked{suffix}")
    return str(candidate)


def _read_bibs(paths: tuple[str, ...]) -> list[Reference]:
    from citekit.formats.bibtex import read_bibtex

    refs: list[Reference] = []
    for path in paths:
        source = read_source(path)
        refs.extend(read_bibtex(source.text, path))
    return refs


@cli.command("link")
@click.argument("doc", type=click.Path(dir_okay=False, allow_dash=True))
@click.option(
    "--to",
    "target",
    type=click.Choice(["latex", "pandoc"]),
    required=True,
    help="latex: \\citep/\\citet (or \\parencite/\\textcite); pandoc: [@key] / @key.",
)
@click.option(
    "-o",
    "--output",
    "out",
    type=click.Path(dir_okay=False, allow_dash=True),
    help="Output file (default: DOC with .tex or .md; '-' for stdout).",
)
@click.option(
    "--bib",
    "bibs",
    multiple=True,
    type=click.Path(dir_okay=False),
    help="A .bib file whose entries citations may resolve to (repeatable).",
)
@click.option(
    "--style",
    type=click.Choice(["natbib", "biblatex"]),
    default="natbib",
    show_default=True,
    help="LaTeX citation commands to write.",
)
def link_command(doc: str, target: str, out: str | None, bibs: tuple[str, ...], style: str) -> None:
    """Rewrite DOC's resolved author-year citations as key citations.

    "(Nye, 2004)" becomes \\citep{nye2004soft} (or [@nye2004soft]), "Nye (2004,
    p. 5)" becomes \\citet[p.~5]{nye2004soft} (or @nye2004soft [p. 5]).  The
    document's own reference list is removed and written, with any --bib
    entries, to a .bib file beside the output, which the output names.
    Ambiguous and unresolved citations are left as written and listed on
    stderr; the exit code is then 1.
    """
    from citekit.formats import write
    from citekit.rewrite import link_document

    source = read_source(doc)
    output = _output_path(doc, out, target)
    base = Path(output if output != "-" else (doc if doc != "-" else "references"))
    bib_path = base.with_suffix(".bib")
    if source.path != "-" and Path(source.path).resolve() == bib_path.resolve():
        raise ConfigError(f"{doc}: the .bib would overwrite the input; choose another -o")
    bib_inputs = {Path(b).resolve() for b in bibs}
    if output != "-" and Path(output).resolve() == Path(doc).resolve():
        raise ConfigError(f"{output}: refusing to overwrite the input document")
    # The .bib sits beside the output, so the output names it by its stem alone.
    linked = link_document(
        source,
        _read_bibs(bibs),
        target=target,  # type: ignore[arg-type]
        style=style,  # type: ignore[arg-type]
        bib_name=bib_path.stem,
    )
    result = linked.result
    if not result.rewritten and not linked.references:
        raise ConfigError(f"{doc}: no reference list found and no --bib given; nothing to link")

    if bib_path.resolve() not in bib_inputs:
        atomic_write(bib_path, write(list(linked.references), "bibtex"))
    if output == "-":
        sys.stdout.write(result.text)
    else:
        atomic_write(output, result.text)

    for lk in result.left:
        line, col = source.line_col(lk.citation.span.start)
        reason = f": {lk.reason}" if lk.reason else ""
        click.echo(
            f"{source.path}:{line}:{col}: left as written ({lk.status}) "
            f"{lk.citation.text!r}{reason}",
            err=True,
        )
    where = "stdout" if output == "-" else output
    click.echo(
        f"{len(result.rewritten)} citation(s) rewritten, {len(result.left)} left as written; "
        f"wrote {where} and {bib_path}",
        err=True,
    )
    # sys.exit rather than ctx.exit: the status must survive standalone_mode=False
    sys.exit(EXIT_FINDINGS if result.left else EXIT_OK)
