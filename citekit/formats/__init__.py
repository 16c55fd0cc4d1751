"""Writers and readers for bibliography formats.

``write(refs, fmt)`` renders references as BibTeX, BibLaTeX, CSL-JSON, RIS or
JSON Lines; ``read_bibtex`` and ``read_csl_json`` turn files back into
``Reference``s (fields citekit does not model are kept in ``Reference.extra``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from citekit.errors import ConfigError
from citekit.model import Reference

__all__ = ["FORMATS", "SUFFIXES", "write"]

FORMATS: tuple[str, ...] = ("bibtex", "biblatex", "csl-json", "ris", "jsonl")
SUFFIXES: dict[str, str] = {
    ".bib": "bibtex",
    ".json": "csl-json",
    ".ris": "ris",
    ".jsonl": "jsonl",
}


def _writer(fmt: str) -> Callable[[Sequence[Reference]], str]:
    if fmt == "bibtex":
        from citekit.formats.bibtex import write_bibtex

        return write_bibtex
    if fmt == "biblatex":
        from citekit.formats.biblatex import write_biblatex

        return write_biblatex
    if fmt in {"csl-json", "csljson", "json"}:
        from citekit.formats.csljson import write_csl_json

        return write_csl_json
    if fmt == "ris":
        from citekit.formats.ris import write_ris

        return write_ris
    if fmt == "jsonl":
        from citekit.formats.jsonl import write_jsonl

        return write_jsonl
    raise ConfigError(f"unknown output format {fmt!r}; choose one of {', '.join(FORMATS)}")


def write(refs: Sequence[Reference], fmt: str) -> str:
    """Render ``refs`` in ``fmt`` (bibtex | biblatex | csl-json | ris | jsonl)."""
    return _writer(fmt)(refs)
