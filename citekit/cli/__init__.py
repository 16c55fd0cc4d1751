"""The ``citekit`` command line: a thin shell over the library.

This package is the only place that uses click, prints to stdout and picks exit
codes.  Each sub-module registers one family of commands on ``cli``.
Exit codes: 0 clean, 1 findings, 2 usage/configuration/IO error.
"""

from __future__ import annotations

import importlib
import sys

import click

from citekit import __version__
from citekit.errors import CitekitError

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_ERROR = 2

# Sub-modules that each define commands on ``cli`` when imported.
_COMMAND_MODULES: tuple[str, ...] = (
    "parse",
    "check",
    "link",
    "zotero",
    "enrich",
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="citekit")
def cli() -> None:
    """Parse reference lists, attach trusted DOIs, and check citations."""


for _name in _COMMAND_MODULES:
    importlib.import_module(f"citekit.cli.{_name}")


def main(argv: list[str] | None = None) -> None:
    """Entry point: run the CLI, turning CitekitError into a message and exit code 2."""
    try:
        rc = cli.main(args=argv, prog_name="citekit", standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("Aborted.", err=True)
        sys.exit(130)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except click.ClickException as exc:
        exc.show()
        sys.exit(EXIT_ERROR)
    except CitekitError as exc:
        click.echo(f"citekit: error: {exc}", err=True)
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        click.echo("Interrupted.", err=True)
        sys.exit(130)
    # Without standalone mode click returns ctx.exit()'s code instead of exiting.
    sys.exit(rc if isinstance(rc, int) else EXIT_OK)
