"""Crossref work JSON -> ``Work``: the one place that knows Crossref's record layout.

Pure functions only.  Every resolver (the Crossref client, the local index, a
saved API response) turns raw records into ``Work`` values here, so matching
never sees raw JSON.  Records may be partial (``select=DOI,title`` responses):
every field except ``DOI`` is optional.

Choices worth knowing:

* ``year`` comes from the first date field that holds a year, in this order:
  ``published-print``, ``published-online``, ``published``, ``issued``,
  ``published-other``, ``posted``, ``approved``, ``content-created``, the start
  of the ``event`` (conferences), ``created``.  The print year
  first because reference lists usually cite the volume year of an article that
  appeared online the year before.  ``created`` (when the record was deposited)
  is a last resort: for old works it can be years after publication.
* Titles, subtitles and container titles keep the first list element, with
  JATS/HTML markup (``<i>``, ``<sub>``, ``<mml:math>``...) removed, HTML entities
  decoded and whitespace collapsed.
* An empty ``title`` falls back to ``original-title`` (some records carry the
  title only in its original language there).
* Authors and editors become ``Name``; an organisation (``{"name": ...}``)
  becomes a literal name.
* ``pages`` is ``page``, or ``article-number`` where a record has no page.
* ``relation`` keeps every related identifier as ``(type, id)``; DOIs are
  lower-cased, e.g. ``("is-review-of", "10.1002/2050-7038.12430")``.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Mapping
from typing import Any

from citekit.enrich import Work
from citekit.model import Name

YEAR_FIELDS: tuple[str, ...] = (
    "published-print",
    "published-online",
    "published",
    "issued",
    "published-other",
    "posted",
    "approved",
    "content-created",
    "event.start",
    "created",
)

_TAG = re.compile(r"</?[A-Za-z][\w:.-]*(?:\s[^<>]*)?/?>")
_INLINE_TAG = re.compile(
    r"</?(?:i|b|em|strong|sub|sup|sc|scp|u|span|tt|italic|bold|underline|font|"
    r"mml:[a-z]+|jats:(?:italic|bold|sub|sup|sc|underline))(?:\s[^<>]*)?/?>",
    re.IGNORECASE,
)
_SPACE = re.compile(r"\s+")
_DOI_PREFIX = re.compile(r"^(?:https?://(?:dx\.)?doi\.org/|doi:\s*)", re.IGNORECASE)
_ISBN_CHARS = re.compile(r"[^0-9Xx]")


def clean_text(value: object) -> str:
    """Markup removed, entities decoded, whitespace collapsed; ``""`` for non-strings."""
    if not isinstance(value, str):
        return ""
    text = value
    if "&" in text:
        # Before tag removal: some records escape their markup ("&lt;scp&gt;").
        text = html.unescape(text)
    if "<" in text:
        # Inline tags ("<i>Drosophila</i>") vanish; block-like tags leave a space.
        text = _INLINE_TAG.sub("", text)
        text = _TAG.sub(" ", text)
    return _SPACE.sub(" ", text).strip()


def normalize_doi(doi: str) -> str:
    """Lower-cased DOI without ``https://doi.org/`` or ``doi:`` in front."""
    return _DOI_PREFIX.sub("", doi.strip()).strip().lower()


def _first(value: object) -> str:
    """The first non-empty element of a Crossref string list (or the string itself)."""
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, list):
        for element in value:
            text = clean_text(element)
            if text:
                return text
    return ""


def _plain(value: object) -> str:
    """A scalar field (volume, issue, page...) as a stripped string."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return clean_text(value)


def _year_of(date: object) -> int | None:
    """The year of a Crossref date object ``{"date-parts": [[2012, 3, 21]]}``."""
    if not isinstance(date, Mapping):
        return None
    parts = date.get("date-parts")
    if not isinstance(parts, list) or not parts or not isinstance(parts[0], list) or not parts[0]:
        return None
    year = parts[0][0]
    if isinstance(year, str) and year.isdecimal():
        year = int(year)
    if isinstance(year, int) and not isinstance(year, bool) and 0 < year < 10000:
        return year
    return None


def year_of(item: Mapping[str, Any]) -> int | None:
    """The publication year, from the first date field in ``YEAR_FIELDS`` that has one."""
    for field in YEAR_FIELDS:
        if field == "event.start":
            event = item.get("event")
            year = _year_of(event.get("start")) if isinstance(event, Mapping) else None
        else:
            year = _year_of(item.get(field))
        if year is not None:
            return year
    return None


def name_from_json(person: object) -> Name | None:
    """A Crossref contributor as a ``Name``; organisations become literal names."""
    if not isinstance(person, Mapping):
        return None
    family = clean_text(person.get("family"))
    given = clean_text(person.get("given"))
    suffix = clean_text(person.get("suffix"))
    if family:
        return Name(family=family, given=given, suffix=suffix)
    organisation = clean_text(person.get("name"))
    if organisation:
        return Name(family=organisation, literal=True)
    if given:  # a mononym deposited in the wrong field
        return Name(family=given, suffix=suffix)
    return None


def _names(people: object) -> tuple[Name, ...]:
    if not isinstance(people, list):
        return ()
    names = (name_from_json(p) for p in people)
    return tuple(n for n in names if n is not None)


def _isbns(item: Mapping[str, Any]) -> tuple[str, ...]:
    raw: list[object] = []
    if isinstance(item.get("ISBN"), list):
        raw.extend(item["ISBN"])
    if isinstance(item.get("isbn-type"), list):
        raw.extend(t.get("value") for t in item["isbn-type"] if isinstance(t, Mapping))
    seen: dict[str, None] = {}
    for value in raw:
        if not isinstance(value, str):
            continue
        digits = _ISBN_CHARS.sub("", value.rsplit("/", 1)[-1]).upper()
        if len(digits) in (10, 13):
            seen.setdefault(digits, None)
    return tuple(seen)


def _relations(relation: object) -> tuple[tuple[str, str], ...]:
    if not isinstance(relation, Mapping):
        return ()
    out: list[tuple[str, str]] = []
    for kind in sorted(relation):
        targets = relation[kind]
        if isinstance(targets, Mapping):
            targets = [targets]
        if not isinstance(targets, list):
            continue
        for target in targets:
            if not isinstance(target, Mapping) or not isinstance(target.get("id"), str):
                continue
            ident = target["id"].strip()
            if str(target.get("id-type", "")).lower() == "doi":
                ident = normalize_doi(ident)
            if ident:
                out.append((str(kind), ident))
    return tuple(out)


def work_from_json(item: Mapping[str, Any]) -> Work:
    """One Crossref work record as a ``Work``.

    Raises ``ValueError`` when the record has no DOI (the only required field).
    """
    if not isinstance(item, Mapping):
        raise ValueError(f"a Crossref work must be a JSON object, not {type(item).__name__}")
    doi = item.get("DOI")
    if not isinstance(doi, str) or not normalize_doi(doi):
        raise ValueError("Crossref work without a DOI")
    score = item.get("score", 0.0)
    return Work(
        doi=normalize_doi(doi),
        type=_plain(item.get("type")),
        title=_first(item.get("title")) or _first(item.get("original-title")),
        subtitle=_first(item.get("subtitle")),
        authors=_names(item.get("author")),
        editors=_names(item.get("editor")),
        year=year_of(item),
        container_title=_first(item.get("container-title")),
        volume=_plain(item.get("volume")),
        issue=_plain(item.get("issue")),
        pages=_plain(item.get("page")) or _plain(item.get("article-number")),
        publisher=_plain(item.get("publisher")),
        edition=_plain(item.get("edition-number")),
        isbn=_isbns(item),
        score=float(score) if isinstance(score, (int, float)) else 0.0,
        relation=_relations(item.get("relation")),
    )


def _message_items(body: Mapping[str, Any]) -> Iterable[object]:
    message = body.get("message", body) if "message-type" in body or "message" in body else body
    if not isinstance(message, Mapping):
        return ()
    kind = body.get("message-type")
    if kind == "work-list" or (kind is None and isinstance(message.get("items"), list)):
        items = message.get("items")
        return items if isinstance(items, list) else ()
    if kind in (None, "work"):
        return (message,)
    return ()


def works_from_message(body: object) -> list[Work]:
    """Every work in an API response body: a ``work``, a ``work-list``, a bare record or a list.

    Items without a DOI are skipped (they cannot be cited by DOI); other
    message types (``validation-failure``, ``journal``...) yield nothing.
    """
    if isinstance(body, list):
        items: Iterable[object] = body
    elif isinstance(body, Mapping):
        items = _message_items(body)
    else:
        return []
    works: list[Work] = []
    for item in items:
        if isinstance(item, Mapping) and isinstance(item.get("DOI"), str):
            works.append(work_from_json(item))
    return works
