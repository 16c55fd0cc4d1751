"""JSON Lines: one object per reference, the CSL-JSON item plus where it came from.

Each line carries ``raw``, ``span`` (character offsets in the source),
``confidence``, ``more-authors`` where the list named only the first authors
("et al."), and the tagger's ``segments``: the format for pipelines and for
inspecting what the parser did.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from citekit.formats.csljson import reference_to_csl
from citekit.model import Reference

__all__ = ["write_jsonl"]


def write_jsonl(refs: Sequence[Reference]) -> str:
    lines = []
    for ref in refs:
        item = reference_to_csl(ref)
        item.pop("custom", None)
        item["raw"] = ref.raw
        item["span"] = [ref.span.start, ref.span.end]
        item["confidence"] = ref.confidence
        if ref.label:
            item["label"] = ref.label
        if ref.more_authors:
            item["more-authors"] = True
        if ref.extra:
            item["fields"] = dict(ref.extra)
        item["segments"] = [[s.label, s.text] for s in ref.segments]
        lines.append(json.dumps(item, ensure_ascii=False))
    return "\n".join(lines) + ("\n" if lines else "")
