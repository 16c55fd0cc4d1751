"""CSL-JSON (CSL data schema 1.0.2): writing References and reading them back.

Items keep list order; ``citation-number`` comes from a numbered list's label.
What CSL has no variable for (the raw entry, its list label, user fields)
goes into the schema's ``custom`` object, so nothing is lost.  Parse
confidence and character spans are in the JSON Lines output.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any, get_args

from citekit.errors import InputError
from citekit.keys import unique_keys
from citekit.model import ItemType, Name, Reference, Span

__all__ = ["name_from_csl", "name_to_csl", "read_csl_json", "reference_to_csl", "write_csl_json"]

_CSL_TYPES = frozenset(get_args(ItemType))
_NUMBERED_TYPES = frozenset({"report", "patent"})


def name_to_csl(name: Name) -> dict[str, str]:
    if name.literal:
        return {"literal": name.family}
    out = {"family": name.family}
    if name.given:
        out["given"] = name.given
    if name.particle:
        # lowercase particles are "non-dropping" when written before the family ("van der Berg")
        out["non-dropping-particle"] = name.particle
    if name.suffix:
        out["suffix"] = name.suffix
    return out


def name_from_csl(item: dict[str, Any]) -> Name:
    if "literal" in item:
        return Name(str(item["literal"]), literal=True)
    particle = " ".join(
        p for p in (item.get("dropping-particle", ""), item.get("non-dropping-particle", "")) if p
    )
    return Name(
        str(item.get("family", "")),
        str(item.get("given", "")),
        particle,
        str(item.get("suffix", "")),
    )


def _date_parts(year: int | None, iso: str | None) -> dict[str, Any] | None:
    if iso:
        parts = [int(p) for p in iso.split("-") if p.isdecimal()]
        if parts:
            return {"date-parts": [parts]}
    if year is not None:
        return {"date-parts": [[year]]}
    return None


def reference_to_csl(ref: Reference) -> dict[str, Any]:
    """One CSL-JSON item (only schema 1.0.2 variables; extras under ``custom``)."""
    item: dict[str, Any] = {
        "id": ref.key or ref.id,
        "type": ref.type if ref.type in _CSL_TYPES else "document",
    }
    if ref.number is not None:
        item["citation-number"] = ref.number
    if ref.authors:
        item["author"] = [name_to_csl(n) for n in ref.authors]
    if ref.editors:
        item["editor"] = [name_to_csl(n) for n in ref.editors]
    if ref.translators:
        item["translator"] = [name_to_csl(n) for n in ref.translators]
    for var, value in (
        ("title", ref.title),
        ("container-title", ref.container_title),
        ("collection-title", ref.collection_title),
        ("publisher", ref.publisher),
        ("publisher-place", ref.location),
        ("event", ref.event),
    ):
        if value:
            item[var] = value
    issued = _date_parts(ref.year, ref.date)
    if issued:
        item["issued"] = issued
    if ref.year_suffix:
        item["year-suffix"] = ref.year_suffix
    for var, value in (
        ("volume", ref.volume),
        # CSL numbers a report or a patent with "number", an issue of a serial with "issue"
        ("number" if ref.type in _NUMBERED_TYPES else "issue", ref.issue),
        ("page", ref.pages),
        ("number-of-pages", ref.number_of_pages),
        ("edition", ref.edition),
        ("version", ref.version),
        ("genre", ref.genre),
        ("DOI", ref.doi),
        ("URL", ref.url),
        ("note", ref.note),
        ("status", ref.status),
    ):
        if value:
            item[var] = value
    accessed = _date_parts(None, ref.accessed)
    if accessed:
        item["accessed"] = accessed
    custom: dict[str, Any] = {}
    if ref.raw:
        custom["raw"] = ref.raw
    if ref.label:
        custom["label"] = ref.label
    if ref.extra:
        custom["fields"] = dict(ref.extra)
    if custom:
        item["custom"] = custom
    return item


def write_csl_json(refs: Sequence[Reference]) -> str:
    """A CSL-JSON array, items in list order."""
    # one item per line: readable, diff-friendly, and written by json's C encoder
    if not refs:
        return "[]\n"
    rows = []
    for ref, key in zip(refs, unique_keys(refs), strict=True):
        item = reference_to_csl(ref)
        item["id"] = key  # CSL ids must be unique within a file
        rows.append("  " + json.dumps(item, ensure_ascii=False))
    items = ",\n".join(rows)
    return "[\n" + items + "\n]\n"


def _str(v: Any) -> str | None:
    if v is None or v == "":
        return None
    return str(v)


def _iso(d: Any) -> tuple[int | None, str | None]:
    if not isinstance(d, dict):
        if isinstance(d, str) and d[:4].isdigit():
            return int(d[:4]), d if len(d) > 4 else None
        return None, None
    parts = d.get("date-parts") or []
    if parts and parts[0]:
        try:
            nums = [int(p) for p in parts[0]]
        except (TypeError, ValueError):
            return None, None
        iso = "-".join(f"{n:04d}" if i == 0 else f"{n:02d}" for i, n in enumerate(nums))
        return nums[0], iso if len(nums) > 1 else None
    raw = d.get("raw") or d.get("literal")
    if isinstance(raw, str):
        import re

        m = re.search(r"\d{4}", raw)
        return (int(m.group(0)), None) if m else (None, None)
    return None, None


def read_csl_json(text: str, path: str = "<csl-json>") -> list[Reference]:
    """References from a CSL-JSON array (or a single item).  Raises InputError on bad JSON."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(
            f"{path}: not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})"
        ) from None
    if isinstance(data, dict) and "items" in data:
        data = data["items"]
    if isinstance(data, dict):
        data = [data]
    if not isinstance(data, list):
        raise InputError(f"{path}: expected a CSL-JSON array of items")
    refs: list[Reference] = []
    for i, item in enumerate(data):
        if not isinstance(item, dict):
            raise InputError(f"{path}: item {i + 1} is not a JSON object")
        year, date = _iso(item.get("issued"))
        _, accessed = _iso(item.get("accessed"))
        custom = item.get("custom") if isinstance(item.get("custom"), dict) else {}
        raw = str(custom.get("raw", "")) if custom else ""
        known = {
            "id",
            "type",
            "citation-number",
            "author",
            "editor",
            "translator",
            "title",
            "container-title",
            "collection-title",
            "publisher",
            "publisher-place",
            "event",
            "event-title",
            "issued",
            "year-suffix",
            "volume",
            "issue",
            "number",
            "version",
            "page",
            "number-of-pages",
            "edition",
            "genre",
            "DOI",
            "URL",
            "note",
            "status",
            "accessed",
            "custom",
        }
        extra = {
            k: json.dumps(v, ensure_ascii=False) if not isinstance(v, str) else v
            for k, v in item.items()
            if k not in known
        }
        if custom and isinstance(custom.get("fields"), dict):
            extra.update({str(k): str(v) for k, v in custom["fields"].items()})
        num = item.get("citation-number")
        try:
            number = int(num) if num is not None else None
        except (TypeError, ValueError):
            number = None
        refs.append(
            Reference(
                id=str(item.get("id", f"item{i + 1}")),
                raw=raw,
                span=Span(0, len(raw)),
                type=str(item.get("type", "document")),
                key=str(item.get("id", "")),
                label=_str(custom.get("label")) if custom else None,
                number=number,
                authors=tuple(
                    name_from_csl(n) for n in item.get("author", []) if isinstance(n, dict)
                ),
                editors=tuple(
                    name_from_csl(n) for n in item.get("editor", []) if isinstance(n, dict)
                ),
                translators=tuple(
                    name_from_csl(n) for n in item.get("translator", []) if isinstance(n, dict)
                ),
                title=_str(item.get("title")),
                container_title=_str(item.get("container-title")),
                collection_title=_str(item.get("collection-title")),
                publisher=_str(item.get("publisher")),
                location=_str(item.get("publisher-place")),
                event=_str(item.get("event") or item.get("event-title")),
                year=year,
                year_suffix=str(item.get("year-suffix", "")),
                date=date,
                volume=_str(item.get("volume")),
                issue=_str(item.get("issue") or item.get("number")),
                pages=_str(item.get("page")),
                edition=_str(item.get("edition")),
                version=_str(item.get("version")),
                genre=_str(item.get("genre")),
                url=_str(item.get("URL")),
                doi=_str(item.get("DOI")),
                accessed=accessed,
                note=_str(item.get("note")),
                status=_str(item.get("status")),
                number_of_pages=_str(item.get("number-of-pages")),
                confidence=float(custom.get("confidence", 1.0)) if custom else 1.0,
                extra=tuple(sorted(extra.items())),
            )
        )
    return refs
