"""The citation check as a library: documents in, findings out.

``check_source(source, ...)`` checks one decoded document against its own
reference list (and any external .bib / CSL-JSON references);
``check_paths(paths, settings)`` reads files, loads ``--bib``/``--csl`` sources
once, checks every document and reports .bib-level findings (duplicate keys,
entries no document cites).  The pipeline for one document is a visible list::

    parse the document's own list -> find citations (author-year, numeric, keys)
    -> link -> rules -> select/ignore -> suppressions

Reading files is the only IO here; everything after is pure.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from citekit.citations import find_citations
from citekit.config import Settings
from citekit.errors import CitekitError, InputError
from citekit.link import link_citations
from citekit.model import Citation, Diagnostic, Link, Reference, Span
from citekit.rules import (
    CheckContext,
    RefOrigin,
    all_rules,
    check_prefixes,
    is_enabled,
    run_rules,
    severity_at_least,
)
from citekit.rules.citations import uncited_entry
from citekit.rules.suppressions import apply_suppressions
from citekit.source import Source, read_source


@dataclass(frozen=True, slots=True)
class ReferenceSource:
    """References read from one file: a .bib, a CSL-JSON file, or a document."""

    source: Source
    references: tuple[Reference, ...]
    diagnostics: tuple[Diagnostic, ...] = ()


@dataclass(frozen=True, slots=True)
class FileReport:
    """The outcome for one file: what was found, linked and reported."""

    source: Source
    references: tuple[Reference, ...]  # the entries citations could link to
    links: tuple[Link, ...]
    diagnostics: tuple[Diagnostic, ...]
    origins: dict[str, RefOrigin] = field(default_factory=dict, compare=False)

    @property
    def path(self) -> str:
        return self.source.path

    @property
    def citations(self) -> tuple[Citation, ...]:
        return tuple(link.citation for link in self.links)


@dataclass(frozen=True, slots=True)
class CheckResult:
    files: tuple[FileReport, ...]

    @property
    def diagnostics(self) -> list[Diagnostic]:
        return [d for f in self.files for d in f.diagnostics]

    def sources(self) -> dict[str, Source]:
        out = {f.source.path: f.source for f in self.files}
        for f in self.files:
            for origin in f.origins.values():
                out.setdefault(origin.source.path, origin.source)
        return out

    def failed(self, fail_level: str) -> bool:
        return any(severity_at_least(d.severity, fail_level) for d in self.diagnostics)


# ---------------------------------------------------------------------------
# Reading reference sources


def read_bib(path: str) -> ReferenceSource:
    """A .bib file's entries, with CIT102 findings for duplicate keys."""
    from citekit.formats.bibtex import read_bibtex
    from citekit.latex import duplicate_keys, find_bib_keys

    source = read_source(path, "bibtex")
    try:
        refs = read_bibtex(source.text, path)
    except CitekitError:
        raise
    except Exception as exc:  # a parser's own exception type: report, never a traceback
        raise InputError(f"{path}: malformed BibTeX: {exc}") from None
    if not refs and "@" in source.text and find_bib_keys(source.text):
        raise InputError(f"{path}: malformed BibTeX: no entry could be read")
    diags = [
        Diagnostic(
            "CIT102",
            "error",
            f"duplicate key {dup.key}: first defined on line {source.line_of(first.span.start)}",
            dup.span,
            path=path,
            data=(("key", dup.key),),
        )
        for dup, first in duplicate_keys(find_bib_keys(source.text))
    ]
    return ReferenceSource(source, tuple(refs), tuple(diags))


def read_csl(path: str) -> ReferenceSource:
    """A CSL-JSON file's items as references."""
    from citekit.formats.csljson import read_csl_json

    source = read_source(path, "csl-json")
    try:
        refs = read_csl_json(source.text, path)
    except CitekitError:
        raise
    except Exception as exc:
        raise InputError(f"{path}: malformed CSL-JSON: {exc}") from None
    return ReferenceSource(source, tuple(refs))


def _unique_ids(sources: Sequence[ReferenceSource], taken: set[str]) -> list[ReferenceSource]:
    """Give external references ids no other source uses ("refs.bib:nye2004")."""
    out = []
    for rs in sources:
        refs = []
        for r in rs.references:
            rid = r.id or r.key
            if rid in taken:
                rid = f"{Path(rs.source.path).name}:{r.key or r.id}"
                n = 2
                while rid in taken:
                    rid = f"{Path(rs.source.path).name}:{r.key or r.id}~{n}"
                    n += 1
            taken.add(rid)
            refs.append(r if rid == r.id else r.with_(id=rid))
        out.append(ReferenceSource(rs.source, tuple(refs), rs.diagnostics))
    return out


# ---------------------------------------------------------------------------
# One document


def _inside(span: Span, regions: Sequence[Span]) -> bool:
    return any(r.start <= span.start < r.end for r in regions)


def _own_list(source: Source, tagger: object | None) -> tuple[list[Reference], list[Span], list[Diagnostic]]:
    """The document's own reference list: entries, the regions it covers, parse findings."""
    if source.format == "latex":
        from citekit.latex import bibitem_references, find_bibitems

        items = find_bibitems(source.text)
        refs = list(bibitem_references(items)) if items else []
        regions = []
        start = source.text.find("\\begin{thebibliography}")
        if start != -1:
            end = source.text.find("\\end{thebibliography}", start)
            regions.append(Span(start, end if end != -1 else len(source.text)))
        return refs, regions, []
    from citekit.document import parse_document

    doc = parse_document(source, tagger)  # type: ignore[arg-type]
    return list(doc.references), [s.span for s in doc.sections], list(doc.diagnostics)


def find_all_citations(source: Source, exclude: Sequence[Span] = ()) -> list[Citation]:
    """Citations of every kind the document's format allows, outside ``exclude``."""
    text = source.text
    keyed: list[Citation] = []
    if source.format == "latex":
        from citekit.latex import find_cite_keys, strip_comments

        keyed = find_cite_keys(text)
        text = strip_comments(text)  # same length: offsets stay valid
    elif source.format == "markdown":
        from citekit.pandoc import find_pandoc_keys

        keyed = find_pandoc_keys(text)
    prose = find_citations(text)
    if keyed:
        groups = [c.group for c in keyed]
        prose = [c for c in prose if not _inside(c.span, groups)]
    found = [c for c in keyed + prose if not _inside(c.span, exclude)]
    found.sort(key=lambda c: (c.span.start, c.number or 0))
    return found


def _select(diags: Sequence[Diagnostic], settings: Settings) -> list[Diagnostic]:
    select = check_prefixes(settings.select, "select")
    ignore = check_prefixes(settings.ignore, "ignore")
    return [d for d in diags if is_enabled(d.code, select, ignore)]


def check_source(
    source: Source,
    settings: Settings | None = None,
    external: Sequence[ReferenceSource] = (),
    tagger: object | None = None,
) -> FileReport:
    """Check one document against its own list and the ``external`` references.

    Entries of ``external`` sources are not reported as uncited here: whether a
    shared .bib entry is cited is decided over all checked files
    (``check_paths``).
    """
    settings = settings or Settings()
    own, regions, parse_diags = _own_list(source, tagger)
    origins: dict[str, RefOrigin] = {r.id: RefOrigin(source, False) for r in own}
    taken = set(origins)
    external = _unique_ids(external, taken)
    references: list[Reference] = list(own)
    for rs in external:
        for r in rs.references:
            origins[r.id] = RefOrigin(rs.source, True)
            references.append(r)
    citations = find_all_citations(source, regions)
    if not any(r.number is not None for r in references):
        # "[3]" in a document without a numbered list is a footnote or a label
        citations = [c for c in citations if c.kind != "numeric"]
    links = link_citations(citations, references)
    ctx = CheckContext(
        source=source,
        citations=tuple(citations),
        links=tuple(links),
        references=tuple(references),
        origins=origins,
        own_references=tuple(own),
    )
    diags = run_rules(ctx)
    seen = {(d.code, d.span) for d in diags}
    diags.extend(d for d in parse_diags if (d.code, d.span) not in seen)
    diags = [d if d.path else _with_path(d, source.path) for d in diags]
    diags = _select(diags, settings)
    known = frozenset(r.code for r in all_rules())
    diags = apply_suppressions(source, diags, known)
    diags = _select(diags, settings)
    diags.sort(key=lambda d: (d.path != source.path, d.path or "", d.span.start, d.code))
    return FileReport(source, tuple(references), tuple(links), tuple(diags), origins)


def _with_path(d: Diagnostic, path: str) -> Diagnostic:
    return Diagnostic(d.code, d.severity, d.message, d.span, d.help, path, d.data)


# ---------------------------------------------------------------------------
# Several files


def _latex_bibs(source: Source) -> list[str]:
    from citekit.latex import find_bib_resources

    base = Path(source.path).parent if source.path != "-" else None
    out = []
    for res in find_bib_resources(source.text, base):
        if not Path(res.path).is_file():
            line, col = source.line_col(res.span.start)
            raise InputError(
                f"{source.path}:{line}:{col}: {res.written} (named by \\{res.command}) not found at {res.path}"
            )
        out.append(res.path)
    return out


def check_paths(paths: Sequence[str], settings: Settings | None = None, tagger: object | None = None) -> CheckResult:
    """Read and check every file in ``paths``; raise CitekitError on unreadable input."""
    settings = settings or Settings()
    check_prefixes(settings.select, "select")
    check_prefixes(settings.ignore, "ignore")
    if not paths:
        raise InputError("no files to check")
    cache: dict[str, ReferenceSource] = {}

    def load(path: str, reader: object) -> ReferenceSource:
        key = str(Path(path).resolve()) if path != "-" else path
        if key not in cache:
            cache[key] = reader(path)  # type: ignore[operator]
        return cache[key]

    shared = [load(p, read_bib) for p in settings.bib] + [load(p, read_csl) for p in settings.csl]
    reports: list[FileReport] = []
    used_external: list[ReferenceSource] = list(shared)
    for path in paths:
        source = read_source(path)
        external = list(shared)
        if source.format == "latex" and not settings.bib:
            own_bibs = [load(p, read_bib) for p in _latex_bibs(source)]
            external.extend(own_bibs)
            used_external.extend(own_bibs)
        reports.append(check_source(source, settings, external, tagger))
    reports.extend(_external_reports(reports, used_external, settings))
    return CheckResult(tuple(reports))


def _external_reports(
    reports: Sequence[FileReport], externals: Sequence[ReferenceSource], settings: Settings
) -> list[FileReport]:
    """Findings about the .bib/CSL files themselves: duplicate keys, entries nobody cites."""
    cited: set[tuple[str, str]] = set()  # (source path, key or id) of cited external entries
    for rep in reports:
        refs = {r.id: r for r in rep.references}
        for link in rep.links:
            for t in link.targets:
                origin = rep.origins.get(t)
                if origin is not None and origin.external and t in refs:
                    cited.add((origin.source.path, refs[t].key or refs[t].id))
    out: list[FileReport] = []
    done: set[str] = set()
    for rs in externals:
        if rs.source.path in done:
            continue
        done.add(rs.source.path)
        uncited_refs = tuple(
            r for r in rs.references if (rs.source.path, r.key or r.id) not in cited
        )
        origins = {r.id: RefOrigin(rs.source, True) for r in rs.references}
        ctx = CheckContext(
            source=rs.source,
            citations=(),
            links=(),
            references=rs.references,
            origins=origins,
            own_references=uncited_refs,
        )
        diags = list(rs.diagnostics) + list(uncited_entry(ctx))
        diags = _select(diags, settings)
        known = frozenset(r.code for r in all_rules())
        diags = _select(apply_suppressions(rs.source, diags, known), settings)
        diags.sort(key=lambda d: (d.span.start, d.code))
        out.append(FileReport(rs.source, rs.references, (), tuple(diags), origins))
    return out
