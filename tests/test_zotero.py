"""Zotero pull and push against a loopback server that follows the documented web API v3.

The server keeps a library version, pages ``GET /users/<id>/items`` with
``limit``/``start`` and ``Total-Results``/``Last-Modified-Version``/``Link``
headers, refuses more than 50 objects per ``POST /users/<id>/items`` (413),
answers 412 to a reused ``Zotero-Write-Token`` or a stale
``If-Unmodified-Since-Version``, and can be told to answer 429 with
``Retry-After`` or to send ``Backoff``.
"""

from __future__ import annotations

import json
import threading
import urllib.parse
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from citekit.errors import ConfigError, NetworkError
from citekit.model import Name, Reference, Span
from citekit.zotero import (
    MAX_BATCH,
    DuplicateIndex,
    Library,
    ZoteroClient,
    item_to_reference,
    normalize_title,
    parse_library,
    push,
    reference_to_item,
)

API_KEY = "k" * 24
COMMON_FIELDS = {
    "itemType",
    "title",
    "creators",
    "date",
    "url",
    "accessDate",
    "extra",
    "tags",
    "collections",
    "relations",
    "language",
    "shortTitle",
    "abstractNote",
    "rights",
}
# Fields valid per item type (the subset citekit writes), as in Zotero's schema.
TYPE_FIELDS = {
    "journalArticle": {"publicationTitle", "volume", "issue", "pages", "DOI", "series"},
    "book": {"publisher", "place", "edition", "volume", "numPages", "series"},
    "bookSection": {"bookTitle", "publisher", "place", "pages", "edition", "volume", "series"},
    "conferencePaper": {
        "proceedingsTitle",
        "conferenceName",
        "publisher",
        "place",
        "pages",
        "DOI",
        "volume",
        "series",
    },
    "report": {"institution", "place", "pages", "reportNumber", "reportType", "seriesTitle"},
    "thesis": {"university", "place", "thesisType", "numPages"},
    "webpage": {"websiteTitle", "websiteType"},
    "document": {"publisher"},
}


class ZoteroState:
    """The library behind the fake server, plus knobs to inject faults."""

    def __init__(self, user_id: str = "1", require_key: bool = True) -> None:
        self.prefix = f"/users/{user_id}"
        self.require_key = require_key  # the local API (users/0) needs no key
        self.version = 1
        self.items: list[dict] = []
        self.used_tokens: set[str] = set()
        self.faults: list[tuple[str, int, dict[str, str]]] = []  # (method, status, headers)
        self.extra_headers: list[dict[str, str]] = []  # headers for the next responses
        self.before_post: list = []  # callables run before the next POST is handled
        self.posts: list[int] = []  # number of objects in each accepted POST
        self.requests: list[tuple[str, str]] = []
        self._next = 0
        self.lock = threading.Lock()

    def new_key(self) -> str:
        self._next += 1
        return f"ITEM{self._next:04d}"

    def add(self, data: dict) -> str:
        """Another client adds an item: the library version moves on."""
        self.version += 1
        key = self.new_key()
        self.items.append(
            {
                "key": key,
                "version": self.version,
                "library": {"type": "user", "id": 1},
                "data": {**data, "key": key, "version": self.version},
            }
        )
        return key


class Handler(BaseHTTPRequestHandler):
    state: ZoteroState

    def log_message(self, *args: object) -> None:  # keep test output clean
        pass

    def _send(self, status: int, body: object, headers: dict[str, str] | None = None) -> None:
        payload = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.send_header("Zotero-API-Version", "3")
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        if self.state.extra_headers:
            for name, value in self.state.extra_headers.pop(0).items():
                self.send_header(name, value)
        self.end_headers()
        self.wfile.write(payload)

    def _fault(self, method: str) -> bool:
        for i, (m, status, headers) in enumerate(self.state.faults):
            if m == method:
                del self.state.faults[i]
                self._send(status, {"error": "injected"}, headers)
                return True
        return False

    def _authorised(self) -> bool:
        if self.state.require_key and self.headers.get("Zotero-API-Key") != API_KEY:
            self._send(403, "Forbidden")
            return False
        if self.headers.get("Zotero-API-Version") != "3":
            self._send(400, "API version 3 expected")
            return False
        return True

    def do_GET(self) -> None:
        url = urllib.parse.urlsplit(self.path)
        query = dict(urllib.parse.parse_qsl(url.query))
        with self.state.lock:
            self.state.requests.append(("GET", self.path))
            if self._fault("GET") or not self._authorised():
                return
            if url.path != f"{self.state.prefix}/items":
                self._send(404, "Not found")
                return
            limit = min(int(query.get("limit", 25)), 100)
            start = int(query.get("start", 0))
            since = int(query.get("since", 0))
            items = [i for i in self.state.items if i["version"] > since]
            page = items[start : start + limit]
            headers = {
                "Total-Results": str(len(items)),
                "Last-Modified-Version": str(self.state.version),
            }
            if start + limit < len(items):
                nxt = urllib.parse.urlencode({**query, "start": start + limit})
                headers["Link"] = f'<http://localhost{url.path}?{nxt}>; rel="next"'
            self._send(200, page, headers)

    def do_POST(self) -> None:
        url = urllib.parse.urlsplit(self.path)
        length = int(self.headers.get("Content-Length", 0))
        raw = self.rfile.read(length)
        with self.state.lock:
            self.state.requests.append(("POST", self.path))
            hooks, self.state.before_post = self.state.before_post, []
            for hook in hooks:
                hook(self.state)
            if self._fault("POST") or not self._authorised():
                return
            if url.path != f"{self.state.prefix}/items":
                self._send(404, "Not found")
                return
            token = self.headers.get("Zotero-Write-Token")
            if token is not None and token in self.state.used_tokens:
                self._send(412, "Write token already used")
                return
            since = self.headers.get("If-Unmodified-Since-Version")
            if since is not None and int(since) != self.state.version:
                self._send(
                    412,
                    f"Library has been modified since version {since}",
                    {"Last-Modified-Version": str(self.state.version)},
                )
                return
            try:
                body = json.loads(raw)
            except json.JSONDecodeError:
                self._send(400, "Invalid JSON")
                return
            if not isinstance(body, list):
                self._send(400, "Uploaded data must be a JSON array")
                return
            if len(body) > 50:
                self._send(413, "Only 50 objects can be written per request")
                return
            if token is not None:
                self.state.used_tokens.add(token)
            result: dict = {"successful": {}, "success": {}, "unchanged": {}, "failed": {}}
            new_version = self.state.version + 1
            for i, data in enumerate(body):
                allowed = COMMON_FIELDS | TYPE_FIELDS.get(data.get("itemType"), set())
                bad = sorted(set(data) - allowed)
                if data.get("itemType") not in TYPE_FIELDS or bad:
                    result["failed"][str(i)] = {
                        "key": "",
                        "code": 400,
                        "message": f"'{bad[0] if bad else data.get('itemType')}' is not a valid field",
                    }
                    continue
                key = self.state.new_key()
                stored = {
                    "key": key,
                    "version": new_version,
                    "library": {"type": "user", "id": 1},
                    "data": {**data, "key": key, "version": new_version},
                }
                self.state.items.append(stored)
                result["successful"][str(i)] = stored
                result["success"][str(i)] = key
            if result["success"]:
                self.state.version = new_version
                self.state.posts.append(len(result["success"]))
            self._send(200, result, {"Last-Modified-Version": str(self.state.version)})


def _serve(state: ZoteroState) -> Iterator[tuple[ZoteroState, str]]:
    handler = type("BoundHandler", (Handler,), {"state": state})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(
        target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
    )
    thread.start()
    try:
        yield state, f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture()
def zotero() -> Iterator[tuple[ZoteroState, str]]:
    """A web-API library, user 1, that needs the API key."""
    yield from _serve(ZoteroState())


@pytest.fixture()
def local_zotero() -> Iterator[tuple[ZoteroState, str]]:
    """A running Zotero's local API: library users/0, no key."""
    yield from _serve(ZoteroState("0", require_key=False))


class Sleeper:
    """Records requested sleeps and advances a fake clock instead of waiting."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.sleeps: list[float] = []

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds

    def clock(self) -> float:
        return self.now


def make_client(url: str, sleeper: Sleeper | None = None) -> ZoteroClient:
    sleeper = sleeper or Sleeper()
    return ZoteroClient(
        url, Library("user", "1"), API_KEY, sleep=sleeper.sleep, clock=sleeper.clock, timeout=5
    )


def ref(i: int, **changes: object) -> Reference:
    base = Reference(
        id=f"r{i}",
        raw=f"Author{i}, A. ({2000 + i % 20}). Study number {i}. Journal of Tests, {i}(2), 1-10.",
        span=Span(0, 10),
        type="article-journal",
        key=f"author{i}study",
        authors=(Name(f"Author{i}", "Ann"), Name("Brandt", "Li", particle="van")),
        title=f"Study number {i}",
        container_title="Journal of Tests",
        year=2000 + i % 20,
        volume=str(i),
        issue="2",
        pages="1-10",
        doi=f"10.5555/test.{i}" if i % 2 == 0 else None,
    )
    return base.with_(**changes)


# ---------------------------------------------------------------------------


def test_parse_library() -> None:
    assert parse_library("user:123") == Library("user", "123")
    assert parse_library("group:9").prefix == "/groups/9"
    for bad in ("", "user", "user:abc", "team:1"):
        with pytest.raises(ConfigError):
            parse_library(bad)


@pytest.mark.parametrize(
    ("csl_type", "zotero_type", "container_field"),
    [
        ("article-journal", "journalArticle", "publicationTitle"),
        ("chapter", "bookSection", "bookTitle"),
        ("paper-conference", "conferencePaper", "proceedingsTitle"),
        ("webpage", "webpage", "websiteTitle"),
    ],
)
def test_item_round_trip(csl_type: str, zotero_type: str, container_field: str) -> None:
    r = Reference(
        id="x",
        raw="",
        span=Span(0, 0),
        type=csl_type,
        key="nye2004soft",
        authors=(Name("Nye", "Joseph S.", suffix="Jr"), Name("World Bank", literal=True)),
        editors=(Name("Berg", "Anna", particle="van der"),),
        title="Soft Power",
        container_title="A Container",
        publisher="PublicAffairs",
        location="New York",
        year=2004,
        pages="5-9",
        doi="10.1000/xyz",
        url="https://e.org/x",
        accessed="2021-02-14",
    )
    item = reference_to_item(r)
    assert item["itemType"] == zotero_type
    assert item[container_field] == "A Container"
    assert "Citation Key: nye2004soft" in str(item["extra"]).splitlines()
    creators = item["creators"]
    assert {"creatorType": "author", "name": "World Bank"} in creators
    back = item_to_reference({"key": "K1", "version": 3, "data": item})
    assert back is not None
    assert back.type == csl_type
    assert back.key == "nye2004soft"
    assert back.title == "Soft Power"
    assert back.year == 2004
    assert back.doi == "10.1000/xyz"
    assert back.container_title == "A Container"
    assert back.url == "https://e.org/x"
    assert back.accessed == "2021-02-14"
    assert [a.family for a in back.authors] == ["Nye", "World Bank"]
    assert back.authors[0].suffix == "Jr" and back.authors[0].given == "Joseph S."
    assert back.editors[0].particle == "van der" and back.editors[0].family == "Berg"


def test_a_preprint_is_a_zotero_preprint() -> None:
    r = Reference(
        id="x",
        raw="",
        span=Span(0, 0),
        type="article",
        title="The wave equation",
        publisher="arXiv",
        year=2013,
        doi="10.48550/arXiv.0709.2766",
    )
    item = reference_to_item(r)
    assert (item["itemType"], item["repository"], item["DOI"]) == (
        "preprint",
        "arXiv",
        "10.48550/arXiv.0709.2766",
    )
    back = item_to_reference({"key": "K1", "version": 1, "data": item})
    assert back is not None and (back.type, back.publisher) == ("article", "arXiv")


@pytest.mark.parametrize(
    ("csl_type", "zotero_type", "creator", "publisher_field"),
    [
        ("motion_picture", "film", "director", "distributor"),
        ("patent", "patent", "inventor", None),
        ("software", "computerProgram", "programmer", "company"),
    ],
)
def test_types_without_authors_name_their_creators_as_zotero_does(
    csl_type: str, zotero_type: str, creator: str, publisher_field: str | None
) -> None:
    r = Reference(
        id="x",
        raw="",
        span=Span(0, 0),
        type=csl_type,
        authors=(Name("Varda", "Agnès"),),
        editors=(Name("Patin", "Sabine"),),
        title="Vagabond",
        publisher="MK2",
        year=1985,
    )
    item = reference_to_item(r)
    assert item["itemType"] == zotero_type
    assert [c["creatorType"] for c in item["creators"]] == [creator, "contributor"]
    if publisher_field:
        assert item[publisher_field] == "MK2"
    back = item_to_reference({"key": "K1", "version": 1, "data": item})
    assert back is not None and back.type == csl_type
    assert [a.family for a in back.authors] == ["Varda"]


def test_fields_invalid_for_the_type_go_to_extra() -> None:
    book = Reference(
        id="b",
        raw="",
        span=Span(0, 0),
        type="book",
        title="T",
        year=1990,
        doi="10.1/abc",
        pages="300",
        container_title="Series?",
    )
    item = reference_to_item(book)
    assert "DOI" not in item and "pages" not in item
    assert "DOI: 10.1/abc" in str(item["extra"])
    back = item_to_reference({"key": "K", "data": item})
    assert back is not None and back.doi == "10.1/abc"


def test_notes_and_attachments_are_not_references() -> None:
    assert item_to_reference({"key": "N", "data": {"itemType": "note", "note": "x"}}) is None
    assert item_to_reference({"key": "A", "data": {"itemType": "attachment"}}) is None


def test_duplicate_index_precedence() -> None:
    existing = [
        ref(2, id="Z1"),  # has DOI 10.5555/test.2
        ref(3, id="Z2", key="custom3"),  # no DOI
        ref(5, id="Z3", key="", title="Study Number 5!"),  # title differs only in case/punct.
        ref(8, id="Z4", key="", doi="10.5555/other"),
    ]
    index = DuplicateIndex.of(existing)
    assert index.find(ref(2, key="zzz", title="Another title"))[1] == "doi"
    assert index.find(ref(3, key="custom3", title="Renamed"))[1] == "citation key"
    assert index.find(ref(5, key="fresh"))[1] == "title and year"
    assert index.find(ref(5, key="fresh", year=1999)) is None  # same title, other year
    # Same title and year but both sides have different DOIs: another work.
    assert index.find(ref(8, key="")) is None
    # A citation key shared with an item of another DOI is not enough either.
    other = DuplicateIndex.of([ref(9, id="Z5", key="k9", doi="10.5555/x")])
    assert other.find(ref(9, key="k9", doi="10.5555/y")) is None
    assert other.find(ref(9, key="k9", doi=None))[1] == "citation key"
    assert normalize_title("Ümlaut  & Co.: A Title") == "umlaut co a title"


def test_pull_pages_through_the_library(zotero: tuple[ZoteroState, str]) -> None:
    state, url = zotero
    for i in range(230):
        state.add(reference_to_item(ref(i)))
    state.add({"itemType": "note", "note": "<p>a note</p>"})
    client = make_client(url)
    items, version = client.items()
    assert len(items) == 231 and version == state.version
    refs = client.references()
    assert len(refs) == 230
    assert [r.title for r in refs[:3]] == ["Study number 0", "Study number 1", "Study number 2"]
    assert sum(1 for method, _ in state.requests if method == "GET") == 3 + 3


def test_push_in_batches_then_nothing_new(zotero: tuple[ZoteroState, str]) -> None:
    state, url = zotero
    refs = [ref(i) for i in range(120)]
    result = push(make_client(url), refs)
    assert len(result.created) == 120 and not result.failed and not result.skipped
    assert state.posts == [50, 50, 20]
    assert all(n <= MAX_BATCH for n in state.posts)
    assert len(state.items) == 120

    again = push(make_client(url), refs)
    assert again.created == ()
    assert len(again.skipped) == 120
    assert len(state.items) == 120
    assert state.posts == [50, 50, 20]  # no write request at all the second time


def test_pull_returns_what_was_pushed(zotero: tuple[ZoteroState, str]) -> None:
    _, url = zotero
    refs = [ref(i) for i in range(7)] + [
        Reference(
            id="bk",
            raw="",
            span=Span(0, 0),
            type="book",
            key="nye2004soft",
            authors=(Name("Nye", "Joseph S."),),
            title="Soft Power",
            publisher="PublicAffairs",
            location="New York",
            year=2004,
        ),
        Reference(
            id="ch",
            raw="",
            span=Span(0, 0),
            type="chapter",
            key="berg2010",
            authors=(Name("Berg", "Anna", particle="van der"),),
            editors=(Name("Şahin", "Ece"),),
            title="A Chapter",
            container_title="The Book",
            publisher="Press",
            pages="11-30",
            year=2010,
        ),
    ]
    push(make_client(url), refs)
    pulled = {r.key: r for r in make_client(url).references()}
    assert set(pulled) == {r.key for r in refs}
    fields = (
        "type",
        "title",
        "container_title",
        "publisher",
        "location",
        "year",
        "volume",
        "issue",
        "pages",
        "doi",
    )
    for r in refs:
        got = pulled[r.key]
        for name in fields:
            assert getattr(got, name) == getattr(r, name), (r.key, name)
        assert got.authors == r.authors
        assert got.editors == r.editors


def test_duplicates_inside_the_input_are_created_once(zotero: tuple[ZoteroState, str]) -> None:
    state, url = zotero
    result = push(make_client(url), [ref(1), ref(1, id="r1-copy"), ref(2)])
    assert len(result.created) == 2
    assert result.skipped[0][0] == "r1-copy"
    assert len(state.items) == 2


def test_412_refetches_and_does_not_duplicate(zotero: tuple[ZoteroState, str]) -> None:
    state, url = zotero
    refs = [ref(i) for i in range(10)]
    # Another client adds the same work as ref 4 (same DOI) between our read and our write.
    state.before_post.append(lambda s: s.add(reference_to_item(ref(4, key="theirs"))))
    result = push(make_client(url), refs)
    assert len(result.created) == 9
    assert [(s[0], s[2]) for s in result.skipped] == [("r4", "doi")]
    dois = [i["data"].get("DOI") for i in state.items if i["data"].get("DOI")]
    assert len(dois) == len(set(dois))
    assert len(state.items) == 10
    assert sum(1 for m, _ in state.requests if m == "POST") == 2  # one 412, one success


def test_persistent_412_gives_up_clearly(zotero: tuple[ZoteroState, str]) -> None:
    state, url = zotero

    class Always:
        """Another client writes before each of our writes."""

        def __call__(self, s: ZoteroState) -> None:
            s.add({"itemType": "document", "title": "noise"})
            s.before_post.append(self)

    state.before_post.append(Always())
    with pytest.raises(NetworkError, match="412"):
        push(make_client(url), [ref(1)], max_conflicts=2)


def test_429_retry_after_is_honoured(zotero: tuple[ZoteroState, str]) -> None:
    state, url = zotero
    state.faults.append(("POST", 429, {"Retry-After": "7"}))
    state.faults.append(("GET", 429, {"Retry-After": "3"}))
    sleeper = Sleeper()
    result = push(make_client(url, sleeper), [ref(1), ref(2)])
    assert len(result.created) == 2 and len(state.items) == 2
    assert 3.0 in sleeper.sleeps and 7.0 in sleeper.sleeps


def test_429_without_end_is_a_clear_error(zotero: tuple[ZoteroState, str]) -> None:
    state, url = zotero
    state.faults.extend([("GET", 429, {})] * 10)
    sleeper = Sleeper()
    client = ZoteroClient(
        url, Library("user", "1"), API_KEY, sleep=sleeper.sleep, clock=sleeper.clock, max_retries=3
    )
    with pytest.raises(NetworkError, match="still refusing"):
        client.items()
    assert sleeper.sleeps == [2.0, 4.0, 8.0]  # exponential when no Retry-After


def test_backoff_header_delays_the_next_request(zotero: tuple[ZoteroState, str]) -> None:
    state, url = zotero
    state.extra_headers.append({"Backoff": "30"})
    sleeper = Sleeper()
    client = make_client(url, sleeper)
    client.items()
    assert sleeper.sleeps == []
    client.items()
    assert sleeper.sleeps == [30.0]
    client.items()
    assert sleeper.sleeps == [30.0]  # the backoff is over


def test_failed_items_are_reported_not_lost(zotero: tuple[ZoteroState, str]) -> None:
    _, url = zotero
    result = push(make_client(url), [ref(1)])
    assert result.created and not result.failed
    bad = Reference(id="odd", raw="", span=Span(0, 0), type="patent", title="P", year=2001)
    result = push(make_client(url), [bad])
    assert result.failed and result.failed[0][0] == "odd"


def test_errors_are_network_errors(zotero: tuple[ZoteroState, str]) -> None:
    _, url = zotero
    wrong_key = ZoteroClient(url, Library("user", "1"), "nope")
    with pytest.raises(NetworkError, match="403"):
        wrong_key.items()
    missing = ZoteroClient(url, Library("user", "2"), API_KEY)
    with pytest.raises(NetworkError, match="404"):
        missing.items()
    closed = ZoteroClient("http://127.0.0.1:9", Library("user", "1"), API_KEY, timeout=2)
    with pytest.raises(NetworkError, match="cannot reach"):
        closed.items()


def test_dry_run_writes_nothing(zotero: tuple[ZoteroState, str]) -> None:
    state, url = zotero
    state.add(reference_to_item(ref(1)))
    result = push(make_client(url), [ref(1), ref(2)], dry_run=True)
    assert result.created == () and [s[0] for s in result.skipped] == ["r1"]
    assert len(state.items) == 1


# ---------------------------------------------------------------------------
# The command line

BIB = """@article{hopf1998promise,
  author = {Hopf, Ted},
  title = {The Promise of Constructivism in International Relations Theory},
  journal = {International Security},
  volume = {23},
  number = {1},
  pages = {171--200},
  year = {1998},
  doi = {10.2307/2539267}
}

@book{nye2004soft,
  author = {Nye, Joseph S.},
  title = {Soft Power: The Means to Success in World Politics},
  publisher = {PublicAffairs},
  address = {New York},
  year = {2004}
}
"""


def test_cli_push_twice_then_pull(zotero: tuple[ZoteroState, str], tmp_path) -> None:
    from click.testing import CliRunner

    from citekit.cli import cli

    state, url = zotero
    bib = tmp_path / "refs.bib"
    bib.write_text(BIB, encoding="utf-8")
    env = {"ZOTERO_API_KEY": API_KEY, "CITEKIT_ZOTERO_URL": url}
    runner = CliRunner()
    first = runner.invoke(cli, ["zotero", "push", str(bib), "--library", "user:1"], env=env)
    assert first.exit_code == 0, first.output
    assert "created 2, skipped 0" in first.stderr
    second = runner.invoke(cli, ["zotero", "push", str(bib), "--library", "user:1"], env=env)
    assert second.exit_code == 0, second.output
    assert "created 0, skipped 2" in second.stderr
    assert len(state.items) == 2

    out = tmp_path / "pulled.bib"
    pulled = runner.invoke(cli, ["zotero", "pull", "--library", "user:1", "-o", str(out)], env=env)
    assert pulled.exit_code == 0, pulled.output
    from citekit.formats.bibtex import read_bibtex

    got = {r.key: r for r in read_bibtex(out.read_text(encoding="utf-8"), str(out))}
    assert set(got) == {"hopf1998promise", "nye2004soft"}
    assert got["hopf1998promise"].doi == "10.2307/2539267"
    assert got["hopf1998promise"].pages in ("171-200", "171–200")
    assert got["nye2004soft"].publisher == "PublicAffairs"


def test_cli_push_needs_a_key_and_a_valid_library(tmp_path) -> None:
    import os
    import subprocess
    import sys

    bib = tmp_path / "refs.bib"
    bib.write_text(BIB, encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "ZOTERO_API_KEY"}
    res = subprocess.run(
        [sys.executable, "-m", "citekit", "zotero", "push", str(bib), "--library", "user:1"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert res.returncode == 2 and "ZOTERO_API_KEY" in res.stderr
    env["ZOTERO_API_KEY"] = "x"
    res = subprocess.run(
        [sys.executable, "-m", "citekit", "zotero", "push", str(bib), "--library", "me"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert res.returncode == 2 and "user:ID" in res.stderr and "Traceback" not in res.stderr


def test_cli_push_reads_csl_json_and_plain_lists(zotero: tuple[ZoteroState, str], tmp_path) -> None:
    from click.testing import CliRunner

    from citekit.cli import cli
    from citekit.formats import write

    state, url = zotero
    env = {"ZOTERO_API_KEY": API_KEY, "CITEKIT_ZOTERO_URL": url}
    csl = tmp_path / "refs.json"
    csl.write_text(write([ref(1), ref(2)], "csl-json"), encoding="utf-8")
    res = CliRunner().invoke(cli, ["zotero", "push", str(csl), "--library", "user:1"], env=env)
    assert res.exit_code == 0, res.output
    assert len(state.items) == 2
    listing = tmp_path / "list.txt"
    listing.write_text(
        "References\n\nNye, J. S. (2004). Soft power: The means to success in world politics. "
        "New York: PublicAffairs.\n",
        encoding="utf-8",
    )
    res = CliRunner().invoke(
        cli, ["zotero", "push", str(listing), "--library", "user:1", "--dry-run"], env=env
    )
    assert res.exit_code == 0, res.output
    assert "would create 1, skipped 0" in res.stderr
    assert len(state.items) == 2


def test_cli_check_against_a_zotero_library(zotero: tuple[ZoteroState, str], tmp_path) -> None:
    """`citekit check --zotero-library`: citations resolve to the library's items, and
    the library's other items are not reported as uncited."""
    from click.testing import CliRunner

    from citekit.cli import cli

    state, url = zotero
    for i in range(3):
        state.add(reference_to_item(ref(i)))
    state.add(reference_to_item(ref(7, authors=(Name("Okafor", "Ada"),), year=2002)))
    doc = tmp_path / "essay.md"
    doc.write_text(
        "Known [@author1study] and (Okafor, 2002), but [@nosuch2020].\n", encoding="utf-8"
    )
    env = {"ZOTERO_API_KEY": API_KEY, "CITEKIT_ZOTERO_URL": url}
    res = CliRunner().invoke(
        cli, ["check", str(doc), "--zotero-library", "user:1", "--format", "json"], env=env
    )
    assert res.exit_code == 1, res.output
    import json

    report = json.loads(res.stdout)
    (essay,) = [f for f in report["files"] if f["path"] == str(doc)]
    statuses = {c["text"]: c["status"] for c in essay["citations"]}
    assert statuses["@author1study"] == "resolved"
    assert statuses["Okafor, 2002"] == "resolved"
    assert [d["code"] for d in essay["diagnostics"]] == ["CIT010"]
    assert all(f["path"] == str(doc) for f in report["files"] if f["diagnostics"])


def test_local_api_pull_and_check(local_zotero: tuple[ZoteroState, str], tmp_path) -> None:
    from click.testing import CliRunner

    from citekit.cli import cli
    from citekit.zotero import fetch_references

    state, url = local_zotero
    state.add(reference_to_item(ref(7, authors=(Name("Okafor", "Ada"),), year=2002)))
    state.add({"itemType": "attachment", "title": "PDF"})
    refs = fetch_references(base_url=url)
    assert [(r.key, r.year) for r in refs] == [("author7study", 2002)]
    env = {"CITEKIT_ZOTERO_URL": url, "ZOTERO_API_KEY": ""}
    pulled = CliRunner().invoke(cli, ["zotero", "pull", "-f", "csl-json"], env=env)
    assert pulled.exit_code == 0, pulled.output
    assert '"author7study"' in pulled.stdout
    doc = tmp_path / "essay.md"
    doc.write_text("As shown (Okafor, 2002).\n", encoding="utf-8")
    res = CliRunner().invoke(cli, ["check", str(doc), "--zotero"], env=env)
    assert res.exit_code == 0, res.output


@pytest.mark.parametrize(
    ("volume", "issue", "number", "extra"),
    [("17", None, "17", None), (None, "RR-1826", "RR-1826", None), ("4", "2", "4", "Issue: 2")],
)
def test_a_reports_number_comes_from_its_volume_or_issue(
    volume: str | None, issue: str | None, number: str, extra: str | None
) -> None:
    report = Reference(
        id="r", raw="", span=Span(0, 0), type="report", title="T", volume=volume, issue=issue
    )
    item = reference_to_item(report)
    assert item["itemType"] == "report"
    assert item["reportNumber"] == number
    if extra:
        assert extra in str(item.get("extra", ""))


def test_particles_are_kept_apart_from_the_family_name() -> None:
    item = {
        "key": "K",
        "data": {
            "itemType": "book",
            "title": "T",
            "creators": [
                {"creatorType": "author", "lastName": "van der Berg", "firstName": "Jan"},
                {"creatorType": "author", "lastName": "Vander", "firstName": "Ann"},
            ],
        },
    }
    ref = item_to_reference(item)
    assert ref is not None
    assert (ref.authors[0].particle, ref.authors[0].family) == ("van der", "Berg")
    assert (ref.authors[1].particle, ref.authors[1].family) == ("", "Vander")


def test_a_publication_status_goes_to_extra_and_back() -> None:
    r = Reference(
        id="a",
        raw="",
        span=Span(0, 0),
        type="article-journal",
        title="Harbour ledgers",
        status="in press",
        note="Read in draft",
    )
    item = reference_to_item(r)
    assert item["extra"].splitlines() == ["Status: in press", "Read in draft"]
    back = item_to_reference({"key": "K1", "version": 3, "data": item})
    assert back is not None and back.status == "in press" and back.note == "Read in draft"
