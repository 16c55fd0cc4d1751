"""A progress bar on stderr for long runs, shown only when stderr is a terminal."""

from __future__ import annotations

import sys
from typing import Any

import click


class ProgressBar:
    """Call with (done, total) as work proceeds; ``close`` when it ends.

    The bar appears on the first call whose total reaches ``minimum`` and only
    on a terminal, so pipes, files and CI logs stay clean.
    """

    def __init__(self, label: str, minimum: int) -> None:
        self.label = label
        self.minimum = minimum
        self.bar: Any = None
        self.done = 0

    def __call__(self, done: int, total: int, *_: object) -> None:
        if self.bar is None and total >= self.minimum and sys.stderr.isatty():
            self.bar = click.progressbar(length=total, label=self.label, file=sys.stderr)
            self.bar.__enter__()
        if self.bar is not None:
            self.bar.update(done - self.done)
        self.done = done

    def close(self) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)
            self.bar = None
