"""Small repairs to the tagger's segments where one style is misread as another.

The training data files the issue of "Operations Research 36, 3 (1988), 454"
inside the volume (AnyStyle's convention), so the tagger also reads the physics
style "Nature 379, 22 (1996)." as one volume "379, 22" and loses the page.  The
two differ in one thing the tagger cannot see with a window of a few tokens:
the first style has pages later, the second has none.  ``repair`` splits such a
volume into volume and pages when the reference has no pages at all.

It also hands a marker word left at the end of one segment to the segment it
introduces: "Phys.Rev.E v." + "49" becomes "Phys.Rev.E" + "v.49", "splines, in"
+ "R. Barnhill (eds.)" becomes "splines," + "in R. Barnhill (eds.)".
"""

from __future__ import annotations

import re

from citekit.model import Segment

# "379, 22" / "220 B, 375" / "12, L45": a volume, a comma, then one page-like number.
_VOLUME_PAGE_RE = re.compile(r"(\d+(?:\s?[A-Z])?\s*,)\s*([A-Z]?\d+[a-z]?)\W*\Z")


# A marker word that may end a segment, and the labels of the segment it introduces.
_MARKER_OWNER = {
    "v": ("volume",),
    "vol": ("volume",),
    "vols": ("volume",),
    "volume": ("volume",),
    "in": ("container-title", "editor"),
    "pp": ("pages",),
    "no": ("issue",),
    "nos": ("issue",),
    "nr": ("issue",),
}


def repair(text: str, segments: tuple[Segment, ...]) -> tuple[Segment, ...]:
    """``segments`` with the repairs of the module doc applied."""
    return _split_volume_page(text, _move_markers(text, segments))


def _move_markers(text: str, segments: tuple[Segment, ...]) -> tuple[Segment, ...]:
    out: list[Segment] | None = None
    for i in range(len(segments) - 1):
        seg, nxt = (out or segments)[i], segments[i + 1]
        head, _, last = seg.text.rpartition(" ")
        owners = _MARKER_OWNER.get(last.rstrip(".:").lower())
        if (
            not owners
            or not head.strip()
            or nxt.label not in owners
            or seg.label == nxt.label
            or text[seg.end : nxt.start].strip()
        ):
            continue
        cut = seg.start + len(head.rstrip())
        at = seg.start + len(head) + 1
        out = out or list(segments)
        out[i] = Segment(seg.label, seg.start, cut, text[seg.start : cut])
        out[i + 1] = Segment(nxt.label, at, nxt.end, text[at : nxt.end])
    return segments if out is None else tuple(out)


def _split_volume_page(text: str, segments: tuple[Segment, ...]) -> tuple[Segment, ...]:
    labels = {s.label for s in segments}
    if "volume" not in labels or "pages" in labels:
        return segments
    out: list[Segment] = []
    changed = False
    for i, seg in enumerate(segments):
        nxt = segments[i + 1].label if i + 1 < len(segments) else None
        m = _VOLUME_PAGE_RE.fullmatch(seg.text) if seg.label == "volume" else None
        if m is None or nxt not in (None, "date", "note", "doi", "url"):
            out.append(seg)
            continue
        cut = seg.start + m.end(1)
        page_at = seg.start + m.start(2)
        out.append(Segment("volume", seg.start, cut, text[seg.start : cut]))
        out.append(Segment("pages", page_at, seg.end, text[page_at : seg.end]))
        changed = True
    return tuple(out) if changed else segments
