"""BibTeX: writing References through bibtexparser v2, and reading .bib files back.

Writing maps CSL types to BibTeX entry types (book, article, incollection,
inproceedings, techreport, phdthesis, misc), escapes LaTeX specials and
non-ASCII characters, and protects acronyms in titles.  Every file written here
loads back through bibtexparser v2 and pybtex with the same fields (tested).

Reading keeps what citekit does not model in ``Reference.extra`` so that a
user's fields survive a round trip; malformed blocks become diagnostics, not
exceptions (``load_bibtex``).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Sequence

import bibtexparser
from bibtexparser import model as bpm
from bibtexparser.writer import BibtexFormat

from citekit.formats.latex import latex_escape, latex_unescape, protect_capitals
from citekit.keys import unique_keys
from citekit.model import Diagnostic, Name, Reference, Span
from citekit.names import format_bibtex_name
from citekit.normalize import genre_type

__all__ = [
    "BIBTEX_TYPES",
    "bibtex_names",
    "entry_fields",
    "load_bibtex",
    "read_bibtex",
    "reference_from_fields",
    "write_bibtex",
]

BIBTEX_TYPES: dict[str, str] = {
    "article-journal": "article",
    "article-magazine": "article",
    "article-newspaper": "article",
    "book": "book",
    "chapter": "incollection",
    "paper-conference": "inproceedings",
    "report": "techreport",
    "thesis": "phdthesis",
    "webpage": "misc",
    "manuscript": "unpublished",
    "article": "misc",
    "document": "misc",
}
_FROM_BIBTEX: dict[str, str] = {
    "article": "article-journal",
    "book": "book",
    "booklet": "book",
    "inbook": "chapter",
    "incollection": "chapter",
    "inproceedings": "paper-conference",
    "conference": "paper-conference",
    "proceedings": "book",
    "techreport": "report",
    "report": "report",
    "phdthesis": "thesis",
    "mastersthesis": "thesis",
    "thesis": "thesis",
    "online": "webpage",
    "www": "webpage",
    "electronic": "webpage",
    "unpublished": "manuscript",
    "manual": "report",
    "misc": "document",
    "dataset": "dataset",
    "software": "software",
    "patent": "patent",
}
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def bibtex_names(names: Iterable[Name]) -> str:
    """An author or editor field's value: the names escaped and joined by "and"."""
    # Escape each part before the name is put together: the braces that
    # format_bibtex_name puts around a family of several words must stay braces.
    return " and ".join(
        format_bibtex_name(
            Name(
                latex_escape(n.family),
                latex_escape(n.given),
                latex_escape(n.particle),
                latex_escape(n.suffix),
            )
        )
        if not n.literal
        else "{" + latex_escape(n.family) + "}"
        for n in names
    )


def entry_fields(ref: Reference, biblatex: bool = False) -> tuple[str, list[tuple[str, str]]]:
    """(entry type, [(field, escaped value)]) for one reference."""
    etype = BIBTEX_TYPES.get(ref.type, "misc")
    if biblatex:
        etype = {
            "article-journal": "article",
            "article-magazine": "article",
            "article-newspaper": "article",
            "book": "book",
            "chapter": "incollection",
            "paper-conference": "inproceedings",
            "report": "report",
            "thesis": "thesis",
            "webpage": "online",
            "manuscript": "unpublished",
            "dataset": "dataset",
            "software": "software",
            "patent": "patent",
            "motion_picture": "video",
        }.get(ref.type, "misc")
        if etype == "online" and not (ref.url or ref.doi):
            # biblatex's data model requires a url, doi or eprint in @online.
            etype = "misc"
    out: list[tuple[str, str]] = []

    def add(name: str, value: str | None, escape: bool = True) -> None:
        if value is None or value == "":
            return
        out.append((name, latex_escape(value) if escape else value))

    if ref.authors:
        others = " and others" if ref.more_authors else ""
        out.append(("author", bibtex_names(ref.authors) + others))
    if ref.editors:
        out.append(("editor", bibtex_names(ref.editors)))
    if ref.translators:
        out.append(("translator", bibtex_names(ref.translators)))
    if ref.title:
        out.append(("title", protect_capitals(latex_escape(ref.title))))
    if etype == "article":
        add("journaltitle" if biblatex else "journal", ref.container_title)
    elif etype in {"incollection", "inproceedings"}:
        add("booktitle", ref.container_title or (ref.event if not biblatex else None))
    elif etype == "online":
        add("organization", ref.container_title)
    elif biblatex:
        add("maintitle" if etype == "book" else "howpublished", ref.container_title)
    else:
        add("howpublished", ref.container_title)
    if ref.event and (biblatex or ref.container_title or etype != "inproceedings"):
        add("eventtitle", ref.event)
    add("series", ref.collection_title)
    if etype == "techreport" or (biblatex and etype == "report"):
        add("institution", ref.publisher)
        add("type", ref.genre or ("Report" if biblatex else None))
    elif etype in {"phdthesis", "thesis", "mastersthesis"}:
        add("school" if not biblatex else "institution", ref.publisher)
        add("type", ref.genre if biblatex or ref.genre else None)
    else:
        add("publisher", ref.publisher)
        if ref.genre:
            add("type", ref.genre)
    add("location" if biblatex else "address", ref.location)
    if biblatex:
        if ref.date:
            add("date", ref.date, escape=False)
        elif ref.year is not None:
            add("date", str(ref.year), escape=False)
    else:
        if ref.year is not None:
            add("year", str(ref.year), escape=False)
        if ref.date and len(ref.date) >= 7:
            out.append(("month", _MONTHS[int(ref.date[5:7]) - 1]))
    add("edition", ref.edition)
    add("version", ref.version)
    add("volume", ref.volume)
    add("number", ref.issue)
    if ref.pages:
        add("pages", ref.pages.replace("-", "--"))
    if ref.number_of_pages:
        add("pagetotal", ref.number_of_pages)
    add("doi", ref.doi, escape=False)
    if ref.url:
        out.append(
            (
                "url",
                ref.url.replace("%", r"\%")
                .replace("#", r"\#")
                .replace("{", "%7B")
                .replace("}", "%7D"),
            )
        )
    if ref.accessed:
        add("urldate", ref.accessed, escape=False)
    if biblatex:
        add("note", ref.note)
        add("pubstate", _PUBSTATE.get(ref.status or "", ref.status))
    else:
        # BibTeX has no status field: styles print it from the note
        add("note", "; ".join(filter(None, (ref.note, ref.status))) or None)
    seen = {k for k, _ in out}
    for k, v in ref.extra:
        if k not in seen and re.fullmatch(r"[A-Za-z][\w:+-]*", k):
            out.append((k, _extra_value(v)))
            seen.add(k)
    return etype, out


# biblatex's localisation keys for a publication state (printed in the document's language)
_PUBSTATE = {
    "in press": "inpress",
    "submitted": "submitted",
    "forthcoming": "forthcoming",
    "in preparation": "inpreparation",
}
_PUBSTATE_PHRASE = {v: k for k, v in _PUBSTATE.items()} | {"prepublished": "prepublished"}


def _extra_value(v: str) -> str:
    """A user's field read from a .bib is raw LaTeX already: keep it if its braces balance."""
    depth = 0
    for c in v:
        depth += (c == "{") - (c == "}")
        if depth < 0:
            return latex_escape(v)
    return v if depth == 0 else latex_escape(v)


def _fmt() -> BibtexFormat:
    f = BibtexFormat()
    f.indent = "  "
    f.block_separator = "\n"
    f.trailing_comma = True
    return f


def _library(refs: Sequence[Reference], biblatex: bool) -> bibtexparser.Library:
    lib = bibtexparser.Library()
    for ref, key in zip(refs, unique_keys(refs), strict=True):
        etype, fields = entry_fields(ref, biblatex)
        lib.add(bpm.Entry(etype, key, [bpm.Field(k, v) for k, v in fields]))
    return lib


def write_bibtex(refs: Sequence[Reference]) -> str:
    """BibTeX text for ``refs`` in list order (values braced, specials escaped)."""
    if not refs:
        return ""
    text = bibtexparser.write_string(_library(refs, biblatex=False), bibtex_format=_fmt())
    return text.strip() + "\n"


def write_entries(refs: Sequence[Reference], biblatex: bool) -> str:
    if not refs:
        return ""
    text = bibtexparser.write_string(_library(refs, biblatex=biblatex), bibtex_format=_fmt())
    return text.strip() + "\n"


# --- reading ------------------------------------------------------------------

_KNOWN = {
    "author",
    "editor",
    "translator",
    "title",
    "journal",
    "journaltitle",
    "booktitle",
    "series",
    "publisher",
    "institution",
    "school",
    "organization",
    "address",
    "location",
    "year",
    "date",
    "month",
    "edition",
    "version",
    "volume",
    "number",
    "issue",
    "pages",
    "pagetotal",
    "doi",
    "url",
    "urldate",
    "note",
    "pubstate",
    "type",
    "howpublished",
    "eventtitle",
    "maintitle",
}


def _persons(value: str) -> tuple[Name, ...]:
    from pybtex.database import Person

    out: list[Name] = []
    for part in re.split(r"\s+and\s+", value.strip()):
        part = part.strip()
        if not part:
            continue
        if part == "others":
            continue
        if part.startswith("{") and part.endswith("}") and _balanced_inner(part):
            out.append(Name(latex_unescape(part), literal=True))
            continue
        try:
            p = Person(part)
        except Exception:  # pybtex rejects some malformed names: keep the text
            out.append(Name(latex_unescape(part), literal=True))
            continue
        family = latex_unescape(" ".join(p.last_names))
        given = latex_unescape(" ".join(p.first_names + p.middle_names))
        particle = latex_unescape(" ".join(p.prelast_names))
        suffix = latex_unescape(" ".join(p.lineage_names))
        out.append(Name(family or given, given if family else "", particle, suffix))
    return tuple(out)


def _balanced_inner(s: str) -> bool:
    depth = 0
    for i, c in enumerate(s):
        depth += (c == "{") - (c == "}")
        if depth == 0 and i < len(s) - 1:
            return False
    return True


def reference_from_fields(
    etype: str,
    key: str,
    fields: dict[str, str],
    raw: str = "",
    span: Span | None = None,
    idx: int = 0,
) -> Reference:
    """A Reference from raw BibTeX field values (LaTeX still in them)."""
    f = {k.lower(): v for k, v in fields.items()}

    def get(*names: str) -> str | None:
        for n in names:
            if f.get(n):
                return latex_unescape(f[n])
        return None

    year = None
    date = None
    ytext = f.get("year") or f.get("date") or ""
    m = re.search(r"\d{4}", ytext)
    if m:
        year = int(m.group(0))
    suffix_m = re.search(r"\d{4}([a-z])\b", ytext)
    if f.get("date") and re.fullmatch(r"\d{4}-\d{2}(?:-\d{2})?", f["date"].strip()):
        date = f["date"].strip()
    elif year and f.get("month"):
        mon = f["month"].strip().lower()[:3]
        if mon in _MONTHS:
            date = f"{year:04d}-{_MONTHS.index(mon) + 1:02d}"
        elif mon.isdecimal() and 1 <= int(mon) <= 12:
            date = f"{year:04d}-{int(mon):02d}"
    ctype = _FROM_BIBTEX.get(etype.lower(), "document")
    if ctype == "document" and f.get("type"):
        # BibTeX has no @software or @dataset: "@misc, type = {Data set}" says it
        ctype = genre_type(latex_unescape(f["type"])) or ctype
    if ctype == "document" and (f.get("url") or f.get("urldate")):
        ctype = "webpage"
    publisher = get("publisher", "institution", "school")
    if etype.lower() != "online" and not publisher:
        publisher = get("organization")
    pages = get("pages")
    if pages:
        pages = re.sub(r"\s*[-–—]+\s*", "-", pages)
    container = get("journal", "journaltitle", "booktitle", "maintitle")
    if not container and etype.lower() == "online":
        container = get("organization")
    if not container and ctype not in {"webpage", "document"}:
        container = get("howpublished")
    extra = tuple(sorted((k, v) for k, v in f.items() if k not in _KNOWN))
    if f.get("howpublished") and not container and "howpublished" not in dict(extra):
        extra = tuple(sorted((*extra, ("howpublished", f["howpublished"]))))
    return Reference(
        id=key or f"bib{idx}",
        raw=raw,
        span=span or Span(0, len(raw)),
        type=ctype,
        key=key,
        authors=_persons(f["author"]) if f.get("author") else (),
        more_authors=bool(re.search(r"\sand\s+others\s*$", f.get("author") or "")),
        editors=_persons(f["editor"]) if f.get("editor") else (),
        translators=_persons(f["translator"]) if f.get("translator") else (),
        title=get("title"),
        container_title=container,
        collection_title=get("series"),
        publisher=publisher,
        location=get("address", "location"),
        event=get("eventtitle"),
        year=year,
        year_suffix=suffix_m.group(1) if suffix_m else "",
        date=date,
        volume=get("volume"),
        issue=get("number", "issue"),
        pages=pages,
        edition=get("edition"),
        version=get("version"),
        genre=get("type"),
        url=(f.get("url") or "").replace(r"\%", "%").replace(r"\#", "#").strip() or None,
        doi=(f.get("doi") or "").strip() or None,
        accessed=(f.get("urldate") or "").strip() or None,
        note=get("note"),
        status=_PUBSTATE_PHRASE.get((f.get("pubstate") or "").strip(), get("pubstate")),
        number_of_pages=get("pagetotal"),
        extra=extra,
    )


def _strip_enclosing(value: str) -> str:
    v = value.strip()
    if len(v) >= 2 and ((v[0] == "{" and v[-1] == "}") or (v[0] == '"' and v[-1] == '"')):
        return v[1:-1]
    return v


def load_bibtex(
    text: str, path: str = "<bibtex>", keep_duplicates: bool = False
) -> tuple[list[Reference], list[Diagnostic]]:
    """References and diagnostics (one per malformed block) from BibTeX text.

    An entry whose key repeats an earlier one is reported (as a block that
    cannot be read); with ``keep_duplicates`` it is also returned, in file
    order, so that converting a file loses no entry (writers make keys unique).
    """
    # bibtexparser logs each failed block itself; they are reported as diagnostics instead
    log = logging.getLogger("bibtexparser.splitter")
    was_disabled = log.disabled
    log.disabled = True
    try:
        lib = bibtexparser.parse_string(text)
    finally:
        log.disabled = was_disabled
    line_starts = [0]
    for m in re.finditer("\n", text):
        line_starts.append(m.end())
    refs: list[Reference] = []
    for i, entry in enumerate(lib.entries):
        fields = {fld.key: str(fld.value) for fld in entry.fields}
        raw = entry.raw or ""
        start = (
            line_starts[min(entry.start_line, len(line_starts) - 1)]
            if entry.start_line is not None
            else 0
        )
        span = Span(start, start + len(raw))
        refs.append(reference_from_fields(entry.entry_type, entry.key, fields, raw, span, i))
    diags: list[Diagnostic] = []
    for block in lib.failed_blocks:
        dup = getattr(block, "ignore_error_block", None)
        if keep_duplicates and isinstance(dup, bpm.Entry):
            fields = {fld.key: _strip_enclosing(str(fld.value)) for fld in dup.fields}
            start = line_starts[min(dup.start_line or 0, len(line_starts) - 1)]
            raw = block.raw or ""
            refs.append(
                reference_from_fields(
                    dup.entry_type, dup.key, fields, raw, Span(start, start + len(raw)), len(refs)
                )
            )
        line = (block.start_line or 0) + 1
        start = line_starts[min(block.start_line or 0, len(line_starts) - 1)]
        raw = block.raw or ""
        reason = getattr(block, "error", None)
        detail = (getattr(reason, "abort_reason", "") or str(reason or "")).strip()
        detail = detail.splitlines()[0] if detail else "malformed entry"
        diags.append(
            Diagnostic(
                code="CIT190",
                severity="error",
                message=(
                    f"line {line}: duplicate key {dup.key!r}"
                    if isinstance(dup, bpm.Entry)
                    else f"line {line}: cannot read this BibTeX block ({detail})"
                ),
                span=Span(start, start + len(raw)),
                path=path,
            )
        )
    refs.sort(key=lambda r: r.span.start)
    return refs, diags


def read_bibtex(text: str, path: str = "<bibtex>") -> list[Reference]:
    """References from BibTeX text; malformed blocks are skipped (see ``load_bibtex``)."""
    return load_bibtex(text, path)[0]
