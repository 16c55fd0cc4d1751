"""Citations a reference manager stored inside a Word or LibreOffice document, or a web page.

Zotero and Mendeley do not only print "(Okafor, 2016)" into a document: each
citation carries, hidden, the full CSL-JSON record of every work it cites.
That record is what the writer's library holds, exact, so where it exists it
is better than anything parsed back from the printed bibliography.

Where they keep it:

- Zotero in Word: a field whose code is ``ADDIN ZOTERO_ITEM CSL_CITATION
  {json}`` (a complex field, its code often split over several runs, or a
  simple field);
- Mendeley Desktop in Word: the same with ``ADDIN CSL_CITATION {json}``;
- Mendeley Cite in Word: a content control tagged
  ``MENDELEY_CITATION_v3_<base64 of the json>``;
- EndNote in Word: a field whose code is ``ADDIN EN.CITE <EndNote>...``, EndNote's
  own XML with each work's whole ``<record>``; a long one is moved into a field
  nested in it, ``ADDIN EN.CITE.DATA``, whose ``w:fldData`` holds the XML in
  base64 (``endnote_citation`` turns it into CSL-JSON);
- Zotero in LibreOffice: a reference mark named ``ZOTERO_ITEM CSL_CITATION
  {json} RND...``;
- Zotero's "bookmarks" mode (LibreOffice, or Word for a file shared with it):
  a bookmark ``ZOTERO_BREF_<id>`` where the citation stands, its code in the
  document's custom properties ``ZOTERO_BREF_<id>_1``, ``_2`` ... (255
  characters each; ``bookmark_codes`` joins them);
- a web page (Wikipedia's citation templates, many library catalogues): COinS,
  an OpenURL ContextObject in the ``title`` of a ``<span class="Z3988">``
  (``coins_item`` turns one into CSL-JSON; ``citekit.html`` finds them).

Zotero's and Mendeley's JSON is a CSL citation (``citationItems``, each with ``itemData``).
Functions here take the parsed XML of the document (``citekit.office`` parses
it once for both its text and its citations) and return ``EmbeddedCitation`` values; a citation whose
data cannot be read is skipped with a warning, never an error, since the text
of the document is still there.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any
from urllib.parse import parse_qsl
from xml.etree import ElementTree as ET

from citekit.formats.csljson import name_to_csl
from citekit.names import parse_names

__all__ = [
    "EmbeddedCitation",
    "bookmark_codes",
    "cited_items",
    "coins_citation",
    "coins_item",
    "docx_citations",
    "endnote_citation",
    "odt_citations",
]

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
_MENDELEY_TAG = "MENDELEY_CITATION_v3_"


@dataclass(frozen=True)
class EmbeddedCitation:
    """One citation: where it is, what it shows, and the records of the works it cites."""

    line: int  # line of the document's text (citekit.office: paragraph k is line 2k - 1)
    manager: str  # "Zotero", "Mendeley" or "COinS"
    shown: str  # the citation as the document prints it, where the data says
    items: tuple[Mapping[str, Any], ...]  # CSL-JSON, one per work cited
    identities: tuple[str, ...]  # the library's own name of each work ("" where none)


def _manager_and_json(code: str) -> tuple[str, str] | None:
    """("Zotero" | "Mendeley", the text from the JSON on) of a field code or mark name."""
    head, sep, rest = code.partition("CSL_CITATION")
    if not sep:
        return None
    return ("Zotero" if "ZOTERO_ITEM" in head else "Mendeley"), rest


def _citation(
    line: int, manager: str, payload: str, warnings: list[str]
) -> EmbeddedCitation | None:
    start = payload.find("{")
    try:
        data, _ = json.JSONDecoder().raw_decode(payload[start:]) if start >= 0 else (None, 0)
    except json.JSONDecodeError as exc:
        warnings.append(
            f"line {line}: a {manager} citation whose data is not valid JSON ({exc.msg})"
        )
        return None
    if not isinstance(data, dict) or not isinstance(data.get("citationItems"), list):
        warnings.append(f"line {line}: a {manager} citation without citationItems")
        return None
    items: list[Mapping[str, Any]] = []
    identities: list[str] = []
    for entry in data["citationItems"]:
        item = entry.get("itemData") if isinstance(entry, dict) else None
        if isinstance(item, dict) and item:
            uris = entry.get("uris") or entry.get("uri") or ()
            if isinstance(uris, str):
                uris = (uris,)
            elif not isinstance(uris, list):
                uris = ()
            # the library's own identity of the work, for telling two citations of it apart
            identity = next(iter(uris), None) or entry.get("id") or item.get("id")
            items.append(MappingProxyType(item))
            identities.append(str(identity or ""))
    if not items:
        warnings.append(f"line {line}: a {manager} citation that carries no item data")
        return None
    props = data.get("properties")
    if not isinstance(props, dict):
        props = {}
    shown = str(props.get("plainCitation") or props.get("formattedCitation") or "")
    return EmbeddedCitation(line, manager, shown, tuple(items), tuple(identities))


_BOOKMARK_PART = re.compile(r"((?:ZOTERO|CITE)_BREF_.+)_(\d+)")


def bookmark_codes(properties: Mapping[str, str]) -> dict[str, str]:
    """The codes Zotero's bookmarks mode keeps in a document's custom properties,
    by bookmark name: the parts ``NAME_1``, ``NAME_2`` ... joined in number order."""
    parts: dict[str, list[tuple[int, str]]] = {}
    for name, value in properties.items():
        m = _BOOKMARK_PART.fullmatch(name)
        if m:
            parts.setdefault(m.group(1), []).append((int(m.group(2)), value))
    return {name: "".join(v for _, v in sorted(p)) for name, p in parts.items()}


def _bookmark(
    out: list[EmbeddedCitation], line: int, code: str | None, warnings: list[str]
) -> None:
    # the code with or without Zotero's prefix: "ZOTERO_ITEM CSL_CITATION {...}"
    _, sep, payload = (code or "").partition("CSL_CITATION")
    if sep:
        cite = _citation(line, "Zotero", payload, warnings)
        if cite is not None:
            out.append(cite)


def docx_citations(
    body: ET.Element, warnings: list[str], bookmarks: Mapping[str, str] = MappingProxyType({})
) -> tuple[EmbeddedCitation, ...]:
    """The citations in a Word document's ``word/document.xml`` (parsed); ``bookmarks``:
    the codes of Zotero's bookmarks mode (``bookmark_codes``)."""
    out: list[EmbeddedCitation] = []
    para = 0
    # complex fields nest: each open one collects its code until "separate" or "end"
    # (and EndNote's the base64 data of its begin mark)
    stack: list[tuple[int, list[str], bool, list[str]]] = []
    for el in body.iter():
        tag = el.tag
        if tag == _W + "p":
            para += 1
        elif tag == _W + "fldChar":
            kind = el.get(_W + "fldCharType")
            if kind == "begin":
                stack.append((2 * para - 1, [], True, []))
            elif kind == "separate" and stack:
                line, code, _, data = stack[-1]
                stack[-1] = (line, code, False, data)
            elif kind == "end" and stack:
                line, code, _, data = stack.pop()
                _add(out, line, "".join(code), warnings, "".join(data))
        elif tag == _W + "fldData" and stack:
            stack[-1][3].append(el.text or "")
        elif tag == _W + "instrText" and stack and stack[-1][2]:
            stack[-1][1].append(el.text or "")
        elif tag == _W + "fldSimple":
            _add(out, 2 * para - 1, el.get(_W + "instr", ""), warnings)
        elif tag == _W + "bookmarkStart" and bookmarks:
            _bookmark(out, 2 * para - 1, bookmarks.get(el.get(_W + "name", "")), warnings)
        elif tag == _W + "tag":
            value = el.get(_W + "val", "")
            if value.startswith(_MENDELEY_TAG):
                payload = _unbase64(value[len(_MENDELEY_TAG) :])
                line = 2 * para - 1
                if payload is None:
                    warnings.append(f"line {line}: a Mendeley citation whose data is not base64")
                    continue
                cite = _citation(line, "Mendeley", payload, warnings)
                if cite is not None:
                    out.append(cite)
    return tuple(out)


def _add(
    out: list[EmbeddedCitation], line: int, code: str, warnings: list[str], data: str = ""
) -> None:
    if "ADDIN" not in code:
        return
    if "EN.CITE" in code:
        xml = code[code.find("<") :] if "<" in code else ""
        if "EN.CITE.DATA" in code and not xml:
            decoded = _unbase64(re.sub(r"\s+", "", data)) if data.strip() else None
            if decoded is None:
                warnings.append(f"line {line}: an EndNote citation whose data is not base64")
                return
            xml = decoded
        if xml:  # an outer EN.CITE whose data is in the field nested in it has none
            cite = endnote_citation(line, xml, warnings)
            if cite is not None:
                out.append(cite)
        return
    found = _manager_and_json(code)
    if found is not None:
        cite = _citation(line, found[0], found[1], warnings)
        if cite is not None:
            out.append(cite)


def _unbase64(text: str) -> str | None:
    text = text.strip().replace("-", "+").replace("_", "/")
    try:
        return base64.b64decode(text + "=" * (-len(text) % 4), validate=True).decode("utf-8")
    except (binascii.Error, UnicodeDecodeError):
        return None


# EndNote's reference types (by name, as its XML gives them) -> CSL types
_ENDNOTE_TYPES = {
    "journal article": "article-journal",
    "electronic article": "article-journal",
    "book": "book",
    "edited book": "book",
    "electronic book": "book",
    "book section": "chapter",
    "electronic book section": "chapter",
    "conference paper": "paper-conference",
    "conference proceedings": "paper-conference",
    "thesis": "thesis",
    "report": "report",
    "government document": "report",
    "web page": "webpage",
    "newspaper article": "article-newspaper",
    "magazine article": "article-magazine",
    "manuscript": "manuscript",
    "unpublished work": "manuscript",
    "dataset": "dataset",
    "computer program": "software",
    "patent": "patent",
    "statute": "legislation",
    "case": "legal_case",
    "film or broadcast": "motion_picture",
    "map": "map",
    "generic": "document",
}
# types whose "secondary title" is the work that holds them (journal, book, proceedings)
_ENDNOTE_CONTAINED = frozenset(
    {"article-journal", "chapter", "paper-conference", "article-newspaper", "article-magazine"}
)


def _en_text(el: ET.Element | None) -> str:
    # EndNote wraps values in <style face=... font=...> runs
    return " ".join("".join(el.itertext()).split()) if el is not None else ""


def _en_name(text: str) -> dict[str, str]:
    """EndNote writes "Family, Given" (", Jr." after); a body ends with a comma or has none."""
    family, comma, given = text.partition(",")
    if comma and family.strip() and given.strip():
        names = parse_names(text).names
        if len(names) == 1:
            return name_to_csl(names[0])
        return {"family": family.strip(), "given": given.strip()}
    return {"literal": (family if comma else text).strip()}


def _endnote_item(record: ET.Element) -> dict[str, Any] | None:
    ref_type = record.find("ref-type")
    type_name = (ref_type.get("name", "") if ref_type is not None else "").strip().lower()
    csl_type = _ENDNOTE_TYPES.get(type_name, "document")
    item: dict[str, Any] = {"type": csl_type}
    roles = (
        ("authors", "editor" if type_name == "edited book" else "author"),
        ("secondary-authors", "editor" if csl_type in _ENDNOTE_CONTAINED | {"book"} else None),
        ("translated-authors", "translator"),
    )
    for tag, role in roles:
        names = [_en_text(a) for a in record.iterfind(f"contributors/{tag}/author")]
        names = [n for n in names if n]
        if names and role:
            item.setdefault(role, []).extend(_en_name(n) for n in names)
    title = _en_text(record.find("titles/title"))
    if title:
        item["title"] = title
    secondary = _en_text(record.find("titles/secondary-title")) or _en_text(
        record.find("periodical/full-title")
    )
    if secondary:
        item["container-title" if csl_type in _ENDNOTE_CONTAINED else "collection-title"] = (
            secondary
        )
    tertiary = _en_text(record.find("titles/tertiary-title"))
    if tertiary and "collection-title" not in item:
        item["collection-title"] = tertiary
    for tag, var in (
        ("volume", "volume"),
        ("number", "issue"),
        ("pages", "page"),
        ("edition", "edition"),
        ("publisher", "publisher"),
        ("pub-location", "publisher-place"),
        ("work-type", "genre"),
        ("isbn", "ISBN"),
    ):
        value = _en_text(record.find(tag))
        if value:
            item[var] = value
    doi = _DOI_IN_TEXT.search(_en_text(record.find("electronic-resource-num")))
    if doi:
        item["DOI"] = doi.group(0).rstrip(".")
    url = _en_text(record.find("urls/related-urls/url")) or _en_text(
        record.find("urls/web-urls/url")
    )
    if url:
        item["URL"] = url
    year = re.search(r"\d{4}", _en_text(record.find("dates/year")))
    if year:
        item["issued"] = {"date-parts": [[int(year.group(0))]]}
    if len(item) == 1:
        return None
    return item


_DOI_IN_TEXT = re.compile(r"10\.\d{4,9}/\S+")


def endnote_citation(line: int, xml: str, warnings: list[str]) -> EmbeddedCitation | None:
    """One EndNote citation (``<EndNote><Cite>...<record>...</record></Cite>...``) with
    a CSL-JSON item per cited work."""
    try:
        root = ET.fromstring(xml.strip())
    except ET.ParseError as exc:
        warnings.append(f"line {line}: an EndNote citation whose data is not valid XML ({exc})")
        return None
    cites = [root] if root.tag == "Cite" else list(root.iter("Cite"))
    items: list[Mapping[str, Any]] = []
    identities: list[str] = []
    shown = ""
    for cite in cites:
        shown = shown or _en_text(cite.find("DisplayText"))
        record = cite.find("record")
        item = _endnote_item(record) if record is not None else None
        if item is None:
            continue
        key = record.find("foreign-keys/key") if record is not None else None
        db = key.get("db-id", "") if key is not None else ""
        number = _en_text(cite.find("RecNum")) or _en_text(key)
        items.append(MappingProxyType(item))
        identities.append(f"endnote:{db}:{number}" if number else "")
    if not items:
        warnings.append(f"line {line}: an EndNote citation that carries no record")
        return None
    return EmbeddedCitation(line, "EndNote", shown, tuple(items), tuple(identities))


def odt_citations(
    body: ET.Element, warnings: list[str], bookmarks: Mapping[str, str] = MappingProxyType({})
) -> tuple[EmbeddedCitation, ...]:
    """The citations in an OpenDocument ``content.xml`` (parsed), numbered as
    ``citekit.office`` numbers its paragraphs (notes do not count); ``bookmarks``:
    the codes of Zotero's bookmarks mode (``bookmark_codes``)."""
    out: list[EmbeddedCitation] = []
    para = 0

    def walk(el: ET.Element, line: int, inside: bool) -> None:
        # ``inside``: within a paragraph or a note, whose own paragraphs are not lines
        nonlocal para
        for child in el:
            tag = child.tag
            here = line
            para_tag = tag in (_TEXT + "p", _TEXT + "h")
            if para_tag and not inside:
                para += 1
                here = 2 * para - 1
            elif tag in (_TEXT + "reference-mark-start", _TEXT + "reference-mark"):
                found = _manager_and_json(child.get(_TEXT + "name", ""))
                if found is not None:
                    cite = _citation(line, found[0], found[1], warnings)
                    if cite is not None:
                        out.append(cite)
            elif tag in (_TEXT + "bookmark-start", _TEXT + "bookmark") and bookmarks:
                _bookmark(out, line, bookmarks.get(child.get(_TEXT + "name", "")), warnings)
            if tag != _TEXT + "tracked-changes":
                walk(child, here, inside or para_tag or tag == _TEXT + "note")

    walk(body, 0, False)
    return tuple(out)


def cited_items(citations: Sequence[EmbeddedCitation]) -> list[dict[str, Any]]:
    """The distinct works cited, in the order of their first citation, as CSL-JSON
    items without the library's own ids (citekit gives them readable keys)."""
    seen: set[str] = set()
    out: list[dict[str, Any]] = []
    for cite in citations:
        for item, name in zip(cite.items, cite.identities, strict=True):
            clean = {k: v for k, v in item.items() if k != "id"}
            identity = name or json.dumps(clean, sort_keys=True)
            if identity not in seen:
                seen.add(identity)
                out.append(clean)
    return out


# OpenURL genres and formats -> CSL types
_COINS_GENRES = {
    "article": "article-journal",
    "bookitem": "chapter",
    "book": "book",
    "proceeding": "paper-conference",
    "conference": "paper-conference",
    "report": "report",
    "preprint": "article",
    "dissertation": "thesis",
    "patent": "patent",
}
_COINS_FORMATS = {
    "dissertation": "thesis",
    "patent": "patent",
    "book": "book",
    "journal": "article-journal",
}
_DOI_ID = re.compile(r"^(?:info:doi/|https?://(?:dx\.)?doi\.org/)(10\..+)$", re.I)


def coins_item(kev: str) -> dict[str, Any] | None:
    """The CSL-JSON item of one COinS ``title`` (an OpenURL ContextObject written as
    key=value pairs: ``rft.atitle``, ``rft.jtitle``, ``rft.aulast``, ``rft.au``,
    ``rft.date``, ``rft_id=info:doi/...``, ...); None where it names no work."""
    pairs = parse_qsl(kev, keep_blank_values=False)
    one: dict[str, str] = {}
    many: dict[str, list[str]] = {}
    for key, value in pairs:
        value = " ".join(value.split())
        if value:
            one.setdefault(key, value)
            many.setdefault(key, []).append(value)
    fmt = one.get("rft_val_fmt", "").rsplit(":", 1)[-1]
    genre = one.get("rft.genre", "").lower()
    kind = _COINS_GENRES.get(genre) or _COINS_FORMATS.get(fmt) or "document"
    item: dict[str, Any] = {"type": kind}
    container = None
    if kind in ("article-journal", "paper-conference", "chapter") or fmt == "journal":
        title = one.get("rft.atitle") or one.get("rft.title")
        container = one.get("rft.jtitle") or one.get("rft.btitle") or one.get("rft.stitle")
    else:
        title = one.get("rft.btitle") or one.get("rft.title") or one.get("rft.atitle")
    if not title:
        return None
    item["title"] = title
    if container and container != title:
        item["container-title"] = container
    authors: list[dict[str, str]] = []
    if one.get("rft.aulast"):
        first = {"family": one["rft.aulast"]}
        given = one.get("rft.aufirst") or one.get("rft.auinit")
        if given:
            first["given"] = given
        authors.append(first)
    for full in many.get("rft.au", []):
        for name in parse_names(full).names[:1]:  # "Quispe, Rosa" or "Rosa Quispe"
            person = name_to_csl(name)
            if not authors or person.get("family") != authors[0].get("family"):
                authors.append(person)
    if authors:
        item["author"] = authors
    date = one.get("rft.date", "")
    parts = [int(p) for p in re.findall(r"\d+", date)[:3]] if re.match(r"\d{4}", date) else []
    if len(parts) > 1 and not 1 <= parts[1] <= 12:
        parts = parts[:1]  # "2011-13-45": the year only
    if len(parts) > 2 and not 1 <= parts[2] <= 31:
        parts = parts[:2]
    if parts:
        item["issued"] = {"date-parts": [parts]}
    pages = one.get("rft.pages") or "-".join(
        p for p in (one.get("rft.spage"), one.get("rft.epage")) if p
    )
    for variable, key in (
        ("volume", "rft.volume"),
        ("issue", "rft.issue"),
        ("publisher", "rft.pub"),
        ("publisher-place", "rft.place"),
        ("edition", "rft.edition"),
        ("collection-title", "rft.series"),
    ):
        if one.get(key):
            item[variable] = one[key]
    if pages:
        item["page"] = pages
    for ident in many.get("rft_id", []):
        doi = _DOI_ID.match(ident)
        if doi:
            item.setdefault("DOI", doi.group(1))
        elif ident.startswith(("http://", "https://")):
            item.setdefault("URL", ident)
    return item


def coins_citation(line: int, kev: str) -> EmbeddedCitation | None:
    """One COinS span as a citation at ``line`` (None where it names no work)."""
    item = coins_item(kev)
    if item is None:
        return None
    identity = str(item.get("DOI") or item.get("URL") or "")
    return EmbeddedCitation(line, "COinS", "", (MappingProxyType(item),), (identity,))
