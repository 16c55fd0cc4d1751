"""Zotero over HTTP: read a library (local or web API), push references without duplicates.

Talks to the documented Zotero API v3 directly with ``urllib`` (pyzotero pins an
old bibtexparser).  Reading works against a running Zotero's local API
(``http://localhost:23119/api/users/0/items``, no key) or the web API
(``https://api.zotero.org``, key from ``ZOTERO_API_KEY``).  Writing needs the
web API: items are created in batches of at most 50, each request carries a
``Zotero-Write-Token`` and ``If-Unmodified-Since-Version``; ``Backoff`` and
``Retry-After`` are honoured, a 412 (the library changed meanwhile) refetches
the library and retries, and an item already in the library (same DOI, else
same citation key, else same normalized title and year) is never created again.

The conversion between ``Reference`` and Zotero item data is pure
(``reference_to_item`` / ``item_to_reference``); only ``ZoteroClient`` does IO.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import time
import unicodedata
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from email.message import Message

from citekit import __version__
from citekit.errors import ConfigError, NetworkError
from citekit.model import Name, Reference, Span
from citekit.names import PARTICLES

LOCAL_API = "http://localhost:23119/api"
WEB_API = "https://api.zotero.org"
API_KEY_ENV = "ZOTERO_API_KEY"
MAX_BATCH = 50  # the API refuses more than 50 objects per write request
PAGE_SIZE = 100  # the API's maximum ``limit``
_SKIP_TYPES = frozenset({"attachment", "note", "annotation"})

# ---------------------------------------------------------------------------
# Libraries


@dataclass(frozen=True, slots=True)
class Library:
    """A Zotero library: ``user`` or ``group`` and its numeric id (``user:0`` is local)."""

    kind: str
    id: str

    @property
    def prefix(self) -> str:
        return f"/{self.kind}s/{self.id}"

    def __str__(self) -> str:
        return f"{self.kind}:{self.id}"


LOCAL_LIBRARY = Library("user", "0")


def parse_library(spec: str) -> Library:
    """``user:123`` or ``group:456`` as a Library; ConfigError for anything else."""
    m = re.fullmatch(r"\s*(user|group)s?\s*[:/]\s*(\d+)\s*", spec or "")
    if not m:
        raise ConfigError(
            f"Zotero library {spec!r}: expected user:ID or group:ID (numeric id, "
            "shown at zotero.org/settings/keys)"
        )
    return Library(m.group(1), m.group(2))


# ---------------------------------------------------------------------------
# Reference <-> Zotero item data (pure)

_CSL_TO_ZOTERO = {
    "article-journal": "journalArticle",
    "article-magazine": "magazineArticle",
    "article-newspaper": "newspaperArticle",
    "book": "book",
    "chapter": "bookSection",
    "paper-conference": "conferencePaper",
    "report": "report",
    "thesis": "thesis",
    "webpage": "webpage",
    "manuscript": "manuscript",
    "article": "preprint",
    "patent": "patent",
    "motion_picture": "film",
    "dataset": "dataset",
    "software": "computerProgram",
    "document": "document",
}
_ZOTERO_TO_CSL = {v: k for k, v in _CSL_TO_ZOTERO.items()}
_ZOTERO_TO_CSL.update(
    {
        "blogPost": "webpage",
        "forumPost": "webpage",
        "encyclopediaArticle": "chapter",
        "dictionaryEntry": "chapter",
        "letter": "document",
        "presentation": "paper-conference",
        "statute": "document",
        "videoRecording": "motion_picture",
        "case": "document",
    }
)

# Reference attribute -> Zotero field, per item type; a field missing for a type is
# not valid there and the API would reject the item, so it goes to ``extra``.
_CONTAINER = {
    "journalArticle": "publicationTitle",
    "magazineArticle": "publicationTitle",
    "newspaperArticle": "publicationTitle",
    "bookSection": "bookTitle",
    "conferencePaper": "proceedingsTitle",
    "webpage": "websiteTitle",
    "encyclopediaArticle": "encyclopediaTitle",
    "dictionaryEntry": "dictionaryTitle",
    "blogPost": "blogTitle",
    "forumPost": "forumTitle",
    "preprint": "repository",
}
_PUBLISHER = {
    "book": "publisher",
    "bookSection": "publisher",
    "conferencePaper": "publisher",
    "report": "institution",
    "thesis": "university",
    "document": "publisher",
    "computerProgram": "company",
    "dataset": "publisher",
    "manuscript": None,
    "preprint": "repository",
    "film": "distributor",
}
_PLACE = {
    "book",
    "bookSection",
    "conferencePaper",
    "report",
    "thesis",
    "manuscript",
    "newspaperArticle",
    "patent",
    "computerProgram",
    "dataset",
}
_PAGES = {
    "journalArticle",
    "magazineArticle",
    "newspaperArticle",
    "bookSection",
    "conferencePaper",
    "report",
    "encyclopediaArticle",
    "dictionaryEntry",
}
_VOLUME = {
    "journalArticle",
    "magazineArticle",
    "book",
    "bookSection",
    "conferencePaper",
    "dataset",
    "encyclopediaArticle",
    "dictionaryEntry",
}
_ISSUE = {"journalArticle", "magazineArticle"}
_DOI = {"journalArticle", "conferencePaper", "dataset", "preprint"}
_EDITION = {"book", "bookSection", "newspaperArticle", "encyclopediaArticle", "dictionaryEntry"}
_SERIES = {
    "journalArticle": "series",
    "book": "series",
    "bookSection": "series",
    "conferencePaper": "series",
    "report": "seriesTitle",
    "computerProgram": "seriesTitle",
}
_GENRE = {
    "report": "reportType",
    "thesis": "thesisType",
    "webpage": "websiteType",
    "manuscript": "manuscriptType",
    "document": None,
    "dataset": "type",
    "film": "genre",
}
_NUM_PAGES = {"book", "thesis", "manuscript"}
# Item types whose first creator is not an "author" (Zotero's item type schema).
_PRIMARY_CREATOR = {"computerProgram": "programmer", "patent": "inventor", "film": "director"}

_EXTRA_LINE = re.compile(r"^\s*([A-Za-z][A-Za-z -]*?)\s*:\s*(.+?)\s*$")


def _name_to_creator(name: Name, role: str) -> dict[str, str]:
    if name.literal or not name.given:
        return {"creatorType": role, "name": name.full_family if not name.literal else name.family}
    last = name.full_family + (f", {name.suffix}" if name.suffix else "")
    return {"creatorType": role, "firstName": name.given, "lastName": last}


def _creator_to_name(creator: dict[str, str]) -> Name:
    if "name" in creator:
        return Name(family=creator["name"], literal=True)
    last = creator.get("lastName", "").strip()
    suffix = ""
    m = re.fullmatch(r"(.+?),\s*(Jr\.?|Sr\.?|II|III|IV)", last)
    if m:
        last, suffix = m.group(1), m.group(2)
    words = last.split()
    lead = 0
    while lead < len(words) - 1 and words[lead] in PARTICLES:
        lead += 1
    particle, last = " ".join(words[:lead]), " ".join(words[lead:]) or last
    return Name(
        family=last, given=creator.get("firstName", "").strip(), particle=particle, suffix=suffix
    )


def reference_to_item(ref: Reference) -> dict[str, object]:
    """The Zotero item data that creates ``ref`` (fields invalid for its type go to ``extra``)."""
    item_type = _CSL_TO_ZOTERO.get(ref.type, "document")
    data: dict[str, object] = {"itemType": item_type, "title": ref.title or ""}
    extra: list[str] = []
    creators = [_name_to_creator(n, "author") for n in ref.authors]
    creators += [_name_to_creator(n, "editor") for n in ref.editors]
    creators += [_name_to_creator(n, "translator") for n in ref.translators]
    primary = _PRIMARY_CREATOR.get(item_type)
    if primary:  # these types have no "author" or "editor"; Zotero rejects them there
        creators = [
            {**c, "creatorType": primary if c["creatorType"] == "author" else "contributor"}
            for c in creators
        ]
    data["creators"] = creators
    if ref.date or ref.year:
        data["date"] = ref.date or str(ref.year)
    report_number = ref.volume or ref.issue if item_type == "report" else None
    # (value, the item type's Zotero field or None, the CSL name Zotero's "Extra" uses)
    fields = (
        (ref.container_title, _CONTAINER.get(item_type), "Container Title"),
        (ref.publisher, _PUBLISHER.get(item_type), "Publisher"),
        (ref.location, "place" if item_type in _PLACE else None, "Publisher Place"),
        (ref.event, "conferenceName" if item_type == "conferencePaper" else None, "Event"),
        (ref.pages, "pages" if item_type in _PAGES else None, "Page"),
        (ref.volume, "volume" if item_type in _VOLUME else None, "Volume"),
        (ref.issue, "issue" if item_type in _ISSUE else None, "Issue"),
        (ref.edition, "edition" if item_type in _EDITION else None, "Edition"),
        (ref.collection_title, _SERIES.get(item_type), "Collection Title"),
        (ref.genre, _GENRE.get(item_type), "Genre"),
    )
    for value, zfield, label in fields:
        if not value:
            continue
        if zfield:
            data[zfield] = value
        elif label in ("Volume", "Issue") and value == report_number:
            data["reportNumber"] = value  # a report's number, written as volume or issue
        else:
            extra.append(f"{label}: {value}")
    if ref.number_of_pages and item_type in _NUM_PAGES:
        data["numPages"] = ref.number_of_pages
    if ref.url:
        data["url"] = ref.url
    if ref.accessed:
        data["accessDate"] = ref.accessed
    if ref.doi:
        if item_type in _DOI:
            data["DOI"] = ref.doi
        else:
            extra.append(f"DOI: {ref.doi}")  # Zotero's own convention for types without DOI
    if ref.key:
        extra.insert(0, f"Citation Key: {ref.key}")
    if ref.status:
        extra.append(f"Status: {ref.status}")  # a CSL variable, as Zotero reads them from Extra
    if ref.note:
        extra.append(ref.note)
    if extra:
        data["extra"] = "\n".join(extra)
    data["tags"] = []
    data["collections"] = []
    data["relations"] = {}
    return data


def _extra_fields(extra: str) -> dict[str, str]:
    fields: dict[str, str] = {}
    for line in extra.splitlines():
        m = _EXTRA_LINE.match(line)
        if m:
            fields.setdefault(m.group(1).strip().casefold(), m.group(2))
    return fields


def item_to_reference(item: dict[str, object]) -> Reference | None:
    """A Reference from one item of the API (``{"key", "version", "data": {...}}``).

    Notes, attachments and annotations give None.
    """
    raw_data = item.get("data", item)
    if not isinstance(raw_data, dict):
        return None
    data: dict[str, object] = raw_data
    item_type = str(data.get("itemType", "document"))
    if item_type in _SKIP_TYPES:
        return None

    def text(name: str) -> str | None:
        value = data.get(name)
        if value is None:
            return None
        return str(value).strip() or None

    extra_text = text("extra") or ""
    extra = _extra_fields(extra_text)
    raw_creators = data.get("creators")
    creators = (
        [c for c in raw_creators if isinstance(c, dict)] if isinstance(raw_creators, list) else []
    )
    authors = tuple(
        _creator_to_name(c)
        for c in creators
        if c.get("creatorType")
        in ("author", "programmer", "artist", "director", "presenter", "inventor")
    )
    editors = tuple(_creator_to_name(c) for c in creators if c.get("creatorType") == "editor")
    translators = tuple(
        _creator_to_name(c) for c in creators if c.get("creatorType") == "translator"
    )
    date = text("date")
    year = None
    if date:
        ym = re.search(r"\b(1[5-9]\d\d|20\d\d)\b", date)
        year = int(ym.group(1)) if ym else None
    iso = None
    if date:
        dm = re.fullmatch(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?", date)
        if dm and dm.group(2):
            iso = date
    container = None
    for name in (
        "publicationTitle",
        "bookTitle",
        "proceedingsTitle",
        "websiteTitle",
        "encyclopediaTitle",
        "dictionaryTitle",
        "blogTitle",
        "forumTitle",
    ):
        container = container or text(name)
    publisher = None
    for name in (
        "publisher",
        "institution",
        "university",
        "company",
        "repository",
        "label",
        "distributor",
    ):
        publisher = publisher or text(name)
    genre = None
    for name in ("reportType", "thesisType", "websiteType", "manuscriptType", "type", "genre"):
        genre = genre or text(name)
    notes = [
        line for line in extra_text.splitlines() if line.strip() and not _EXTRA_LINE.match(line)
    ]
    key = str(item.get("key") or data.get("key") or "")
    csl_type = _ZOTERO_TO_CSL.get(item_type, "document")
    title = text("title")
    # "Citation Key: ..." in extra (Better BibTeX, citekit), or a native citationKey field.
    cite_key = extra.get("citation key") or text("citationKey") or ""
    return Reference(
        id=key or cite_key,
        raw=title or "",
        span=Span(0, 0),
        type=csl_type,
        key=cite_key,
        authors=authors,
        editors=editors,
        translators=translators,
        title=title,
        container_title=container or extra.get("container title"),
        collection_title=text("series") or text("seriesTitle") or extra.get("collection title"),
        publisher=publisher or extra.get("publisher"),
        location=text("place") or extra.get("publisher place"),
        event=text("conferenceName") or extra.get("event"),
        year=year,
        date=iso,
        volume=text("volume")
        or (text("reportNumber") if item_type == "report" else None)
        or extra.get("volume"),
        issue=text("issue") or extra.get("issue"),
        pages=text("pages") or extra.get("page"),
        edition=text("edition") or extra.get("edition"),
        genre=genre or extra.get("genre"),
        url=text("url"),
        doi=text("DOI") or extra.get("doi"),
        accessed=(text("accessDate") or "")[:10] or None,
        note="\n".join(notes) or None,
        status=extra.get("status"),
        number_of_pages=text("numPages"),
    )


# ---------------------------------------------------------------------------
# Duplicate detection (pure)


def normalize_doi(doi: str | None) -> str:
    if not doi:
        return ""
    doi = doi.strip().lower()
    doi = re.sub(r"^(?:https?://)?(?:dx\.)?doi\.org/|^doi:\s*", "", doi)
    return doi


def normalize_title(title: str | None) -> str:
    """Case, accents, punctuation and spacing removed: "Soft Power: The Means" -> "soft power the means"."""
    if not title:
        return ""
    folded = unicodedata.normalize("NFKD", title.casefold())
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch))
    return " ".join(re.sub(r"[^\w]+", " ", folded).split())


@dataclass(slots=True)
class DuplicateIndex:
    """Items already in a library, looked up by DOI, citation key and title + year."""

    by_doi: dict[str, str] = field(default_factory=dict)
    by_key: dict[str, str] = field(default_factory=dict)
    by_title: dict[tuple[str, int | None], str] = field(default_factory=dict)
    doi_of: dict[str, str] = field(default_factory=dict)  # item key -> its DOI

    def add(self, ref: Reference, item_key: str) -> None:
        doi = normalize_doi(ref.doi)
        if doi:
            self.by_doi.setdefault(doi, item_key)
            self.doi_of.setdefault(item_key, doi)
        if ref.key:
            self.by_key.setdefault(ref.key.casefold(), item_key)
        title = normalize_title(ref.title)
        if title:
            self.by_title.setdefault((title, ref.year), item_key)

    def find(self, ref: Reference) -> tuple[str, str] | None:
        """(item key, how it matched) of an existing item that is ``ref``, or None.

        The DOI decides first, then the citation key, then title and year.  A
        DOI present on both sides vetoes the weaker matches when it differs:
        two items with different DOIs are different works even with the same
        title (a review, another edition).
        """
        doi = normalize_doi(ref.doi)
        if doi and doi in self.by_doi:
            return self.by_doi[doi], "doi"

        def vetoed(item_key: str) -> bool:
            other = self.doi_of.get(item_key)
            return bool(doi and other and other != doi)

        if ref.key:
            hit = self.by_key.get(ref.key.casefold())
            if hit is not None and not vetoed(hit):
                return hit, "citation key"
        title = normalize_title(ref.title)
        if title:
            hit = self.by_title.get((title, ref.year))
            if hit is not None and not vetoed(hit):
                return hit, "title and year"
        return None

    @classmethod
    def of(cls, refs: Iterable[Reference]) -> DuplicateIndex:
        index = cls()
        for ref in refs:
            index.add(ref, ref.id)
        return index


# ---------------------------------------------------------------------------
# HTTP client


@dataclass(frozen=True, slots=True)
class Response:
    status: int
    headers: Message
    body: bytes

    def json(self) -> object:
        try:
            return json.loads(self.body.decode("utf-8") or "null")
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise NetworkError(f"Zotero sent a response that is not JSON: {exc}") from None


def _seconds(value: str | None) -> float | None:
    if value is None:
        return None
    try:
        return max(0.0, float(value.strip()))
    except ValueError:
        return None


class ZoteroClient:
    """A small Zotero API v3 client: paginated reads, batched creates, polite retries.

    ``sleep`` and ``clock`` are injectable so tests run without waiting.
    """

    def __init__(
        self,
        base_url: str = WEB_API,
        library: Library = LOCAL_LIBRARY,
        api_key: str | None = None,
        *,
        timeout: float = 30.0,
        max_retries: int = 5,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.library = library
        self.api_key = api_key
        self.timeout = timeout
        self.max_retries = max_retries
        self._sleep = sleep
        self._clock = clock
        self._not_before = 0.0
        self.requests = 0

    # -- transport ---------------------------------------------------------

    def _wait_backoff(self) -> None:
        delay = self._not_before - self._clock()
        if delay > 0:
            self._sleep(delay)

    def request(
        self,
        method: str,
        path: str,
        params: dict[str, str | int] | None = None,
        body: object = None,
        headers: dict[str, str] | None = None,
    ) -> Response:
        """One API call; waits out ``Backoff``, retries 429/503 after ``Retry-After``."""
        url = self.base_url + path
        if params:
            url += "?" + urllib.parse.urlencode(params)
        all_headers = {
            "Zotero-API-Version": "3",
            "User-Agent": f"citekit/{__version__}",
            "Accept": "application/json",
        }
        if self.api_key:
            all_headers["Zotero-API-Key"] = self.api_key
        data = None
        if body is not None:
            data = json.dumps(body).encode("utf-8")
            all_headers["Content-Type"] = "application/json"
        all_headers.update(headers or {})
        attempt = 0
        while True:
            self._wait_backoff()
            req = urllib.request.Request(url, data=data, headers=all_headers, method=method)
            self.requests += 1
            try:
                with urllib.request.urlopen(req, timeout=self.timeout) as resp:
                    response = Response(resp.status, resp.headers, resp.read())
            except urllib.error.HTTPError as err:
                response = Response(err.code, err.headers, err.read())
            except (urllib.error.URLError, TimeoutError, OSError) as err:
                reason = getattr(err, "reason", err)
                hint = ""
                if self.base_url == LOCAL_API:
                    hint = (
                        ' (is Zotero 7 running, with "Allow other applications on this '
                        'computer to communicate with Zotero" enabled in its settings?)'
                    )
                raise NetworkError(
                    f"cannot reach Zotero at {self.base_url}: {reason}{hint}"
                ) from None
            backoff = _seconds(response.headers.get("Backoff"))
            if backoff:
                self._not_before = max(self._not_before, self._clock() + backoff)
            if response.status in (429, 503) and attempt < self.max_retries:
                attempt += 1
                retry_after = _seconds(response.headers.get("Retry-After"))
                self._sleep(retry_after if retry_after is not None else min(60.0, 2.0**attempt))
                continue
            if response.status in (429, 503):
                raise NetworkError(
                    f"Zotero is still refusing requests after {attempt} retries "
                    f"(HTTP {response.status}); try again later"
                )
            return response

    def _check(self, response: Response, what: str) -> None:
        if 200 <= response.status < 300:
            return
        detail = response.body.decode("utf-8", "replace").strip()[:200]
        hint = {
            403: " (check the API key and its access to this library)",
            404: " (no such library, or the local API is not enabled in Zotero's settings)",
        }.get(response.status, "")
        raise NetworkError(f"Zotero refused {what}: HTTP {response.status} {detail}{hint}")

    # -- reading -------------------------------------------------------------

    def items(self, since: int | None = None) -> tuple[list[dict[str, object]], int]:
        """Every item of the library (all pages) and the library version."""
        out: list[dict[str, object]] = []
        start = 0
        version = 0
        while True:
            params: dict[str, str | int] = {"format": "json", "limit": PAGE_SIZE, "start": start}
            if since is not None:
                params["since"] = since
            response = self.request("GET", f"{self.library.prefix}/items", params)
            self._check(response, f"reading {self.library}")
            page = response.json()
            if not isinstance(page, list):
                raise NetworkError("Zotero sent an unexpected answer to a list of items")
            out.extend(p for p in page if isinstance(p, dict))
            version = int(response.headers.get("Last-Modified-Version") or version or 0)
            total = response.headers.get("Total-Results")
            start += len(page)
            if not page or (total is not None and start >= int(total)):
                break
            if total is None and len(page) < PAGE_SIZE:
                break
        return out, version

    def references(self) -> list[Reference]:
        """The library's items as References (notes and attachments left out)."""
        items, _ = self.items()
        return [r for r in (item_to_reference(i) for i in items) if r is not None]

    # -- writing -------------------------------------------------------------

    def create(self, items: Sequence[dict[str, object]], version: int, token: str) -> Response:
        if len(items) > MAX_BATCH:
            raise ValueError(f"at most {MAX_BATCH} items per write request")
        return self.request(
            "POST",
            f"{self.library.prefix}/items",
            body=list(items),
            headers={"Zotero-Write-Token": token, "If-Unmodified-Since-Version": str(version)},
        )


# ---------------------------------------------------------------------------
# Push and pull


@dataclass(frozen=True, slots=True)
class PushResult:
    """What a push did: created (ref id, item key), skipped (ref id, item key, why), failed."""

    created: tuple[tuple[str, str], ...] = ()
    skipped: tuple[tuple[str, str, str], ...] = ()
    failed: tuple[tuple[str, str], ...] = ()
    requests: int = 0


def _index_items(items: Iterable[dict[str, object]]) -> DuplicateIndex:
    index = DuplicateIndex()
    for item in items:
        ref = item_to_reference(item)
        if ref is not None:
            index.add(ref, ref.id)
    return index


def push(
    client: ZoteroClient,
    refs: Sequence[Reference],
    *,
    batch_size: int = MAX_BATCH,
    max_conflicts: int = 5,
    dry_run: bool = False,
) -> PushResult:
    """Create the references missing from the library, in batches, never a duplicate.

    A 412 (the library changed since the version we read) refetches the
    library, drops what now exists, and retries with a fresh write token.
    """
    batch_size = max(1, min(batch_size, MAX_BATCH))
    items, version = client.items()
    index = _index_items(items)
    skipped: list[tuple[str, str, str]] = []
    pending: list[Reference] = []
    batch_index = DuplicateIndex()  # duplicates inside the pushed list itself
    for ref in refs:
        hit = index.find(ref)
        if hit is None:
            hit = batch_index.find(ref)
            if hit is not None:
                hit = (hit[0], hit[1] + " (repeated in the input)")
        if hit is not None:
            skipped.append((ref.id, hit[0], hit[1]))
            continue
        batch_index.add(ref, ref.id)
        pending.append(ref)
    if dry_run:
        return PushResult((), tuple(skipped), (), client.requests)

    created: list[tuple[str, str]] = []
    failed: list[tuple[str, str]] = []
    queue = list(pending)
    conflicts = 0
    while queue:
        batch, queue = queue[:batch_size], queue[batch_size:]
        token = secrets.token_hex(16)
        response = client.create([reference_to_item(r) for r in batch], version, token)
        if response.status == 412:
            conflicts += 1
            if conflicts > max_conflicts:
                raise NetworkError(
                    "the Zotero library keeps changing during the push (HTTP 412); try again"
                )
            items, version = client.items()
            index = _index_items(items)
            still: list[Reference] = []
            for ref in batch:
                hit = index.find(ref)
                if hit is None:
                    still.append(ref)
                else:
                    skipped.append((ref.id, hit[0], hit[1]))
            queue = still + queue
            continue
        client._check(response, "creating items")
        answer = response.json()
        if not isinstance(answer, dict):
            raise NetworkError("Zotero sent an unexpected answer to a write request")
        success = answer.get("success") or {}
        failures = answer.get("failed") or {}
        for i, ref in enumerate(batch):
            if isinstance(success, dict) and str(i) in success:
                created.append((ref.id, str(success[str(i)])))
            elif isinstance(failures, dict) and str(i) in failures:
                info = failures[str(i)]
                message = info.get("message", "") if isinstance(info, dict) else str(info)
                failed.append((ref.id, str(message)))
        version = int(response.headers.get("Last-Modified-Version") or version)
    return PushResult(tuple(created), tuple(skipped), tuple(failed), client.requests)


def client_for(
    library: str | None = None,
    api_key: str | None = None,
    base_url: str | None = None,
    **kwargs: object,
) -> ZoteroClient:
    """A client for the local API (no library given) or the web API (``user:ID``/``group:ID``).

    The key defaults to ``$ZOTERO_API_KEY``; ``$CITEKIT_ZOTERO_URL`` overrides the
    server (a proxy, a self-hosted dataserver).
    """
    if library is None:
        url = base_url or os.environ.get("CITEKIT_ZOTERO_URL") or LOCAL_API
        return ZoteroClient(url, LOCAL_LIBRARY, api_key, **kwargs)  # type: ignore[arg-type]
    lib = parse_library(library)
    key = api_key or os.environ.get(API_KEY_ENV) or None
    url = base_url or os.environ.get("CITEKIT_ZOTERO_URL") or WEB_API
    return ZoteroClient(url, lib, key, **kwargs)  # type: ignore[arg-type]


def fetch_references(
    library: str | None = None, api_key: str | None = None, base_url: str | None = None
) -> list[Reference]:
    """References of a Zotero library: a running Zotero's local API by default.

    ``library`` is ``user:ID`` or ``group:ID`` for the web API (key from
    ``$ZOTERO_API_KEY`` unless given).  This is what ``citekit check --zotero``
    and ``citekit zotero pull`` read.
    """
    return client_for(library, api_key, base_url).references()
