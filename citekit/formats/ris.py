"""RIS (Research Information Systems) writer: one ``TY``...``ER`` record per reference."""

from __future__ import annotations

from collections.abc import Sequence

from citekit.model import Name, Reference

__all__ = ["RIS_TYPES", "write_ris"]

RIS_TYPES: dict[str, str] = {
    "article-journal": "JOUR",
    "article-magazine": "MGZN",
    "article-newspaper": "NEWS",
    "book": "BOOK",
    "chapter": "CHAP",
    "paper-conference": "CPAPER",
    "report": "RPRT",
    "thesis": "THES",
    "webpage": "ELEC",
    "manuscript": "UNPB",
    "article": "UNPB",
    "patent": "PAT",
    "motion_picture": "MPCT",
    "dataset": "DATA",
    "software": "COMP",
    "document": "GEN",
}


def _name(n: Name) -> str:
    if n.literal:
        return n.family
    family = f"{n.particle} {n.family}".strip()
    parts = [family, n.given] if n.given else [family]
    if n.suffix:
        parts.append(n.suffix)
    return ", ".join(parts)


def _line(tag: str, value: str | None) -> list[str]:
    if value is None or value == "":
        return []
    return [f"{tag}  - {' '.join(str(value).split())}"]


def write_ris(refs: Sequence[Reference]) -> str:
    """RIS text, records in list order."""
    out: list[str] = []
    for ref in refs:
        rec: list[str] = [f"TY  - {RIS_TYPES.get(ref.type, 'GEN')}"]
        rec += _line("ID", ref.key or ref.id)
        for a in ref.authors:
            rec += _line("AU", _name(a))
        for e in ref.editors:
            rec += _line("ED", _name(e))
        for t in ref.translators:
            rec += _line("A4", _name(t))  # RIS's subsidiary author, Zotero's translator
        rec += _line("TI", ref.title)
        rec += _line("T2", ref.container_title or ref.event)
        rec += _line("T3", ref.collection_title)
        if ref.year is not None:
            rec += _line("PY", str(ref.year))
        if ref.date:
            parts = [*ref.date.split("-"), "", ""]
            rec += _line("DA", f"{parts[0]}/{parts[1]}/{parts[2]}/")
        rec += _line("PB", ref.publisher)
        rec += _line("CY", ref.location)
        rec += _line("ET", ref.edition or ref.version)  # RIS's ET is a program's version
        rec += _line("VL", ref.volume)
        rec += _line("IS", ref.issue)
        if ref.pages:
            first, _, last = ref.pages.partition("-")
            rec += _line("SP", first)
            rec += _line("EP", last)
        rec += _line("M3", ref.genre)
        rec += _line("DO", ref.doi)
        rec += _line("UR", ref.url)
        rec += _line("Y2", ref.accessed)
        rec += _line("N1", ref.note)
        rec += _line("N1", ref.status)
        if ref.number is not None:
            rec += _line("N1", f"List label: {ref.label or ref.number}")
        rec.append("ER  - ")
        out.append("\n".join(rec))
    return "\n\n".join(out) + ("\n" if out else "")
