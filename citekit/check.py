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

import bisect
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from citekit.citations import (
    WEAK_NARRATIVE_PREFIXES,
    cjk_cited_forms,
    find_author_page_citations,
    find_bare_citations,
    find_citations,
    find_cjk_narrative_citations,
    find_endnote_temporary_citations,
    find_legal_citations,
    find_page_citations,
    find_paren_numeric_citations,
    find_title_citations,
)
from citekit.config import Settings
from citekit.errors import CitekitError, InputError
from citekit.link import link_citations
from citekit.model import Candidate, Citation, Diagnostic, Evidence, Link, Reference, Span
from citekit.notes import NoteCitations, note_citations
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
from citekit.source import Source, format_for, read_source


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
    cites_everything: bool = False  # LaTeX \nocite{*}: every .bib entry counts as cited

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
    from citekit.formats.bibtex import load_bibtex
    from citekit.latex import duplicate_keys, find_bib_keys

    source = read_source(path, "bibtex")
    try:
        refs, problems = load_bibtex(source.text, path)
    except CitekitError:
        raise
    except Exception as exc:  # a parser's own exception type: report, never a traceback
        raise InputError(f"{path}: malformed BibTeX: {exc}") from None
    duplicates = duplicate_keys(find_bib_keys(source.text))
    # a repeated key is a finding (CIT102), not a malformed file
    problems = [
        p
        for p in problems
        if not any(
            p.span.start <= dup.span.start < max(p.span.end, p.span.start + 1)
            for dup, _ in duplicates
        )
    ]
    if problems:
        # a half-read .bib would make every citation of the lost entries "undefined"
        first = problems[0]
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        raise InputError(f"{path}: malformed BibTeX: {first.message}{more}")
    if not refs and find_bib_keys(source.text):
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
        for dup, first in duplicates
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


# See _own_list: fewer entries than this under no heading are not a reference list.
_MIN_HEADINGLESS_ENTRIES = 3


def _inside(span: Span, regions: Sequence[Span]) -> bool:
    return any(r.start <= span.start < r.end for r in regions)


def _outside_all(items: list[Citation], regions: Sequence[Span]) -> list[Citation]:
    """The citations whose start lies in none of ``regions`` (bisect: many regions)."""
    if not regions:
        return items
    ordered = sorted(regions, key=lambda r: r.start)
    starts = [r.start for r in ordered]
    ends = list(itertools.accumulate((r.end for r in ordered), max))
    out = []
    for c in items:
        i = bisect.bisect_right(starts, c.span.start) - 1
        if i < 0 or ends[i] <= c.span.start:
            out.append(c)
    return out


def _own_list(
    source: Source, tagger: object | None
) -> tuple[list[Reference], list[Span], list[Diagnostic], NoteCitations]:
    """The document's own reference list: entries, the regions it covers, parse
    findings, and what notes beside the list cite."""
    if source.format == "aux":
        # an .aux file cites keys; its databases are the references
        return [], [], [], NoteCitations()
    if source.format == "latex":
        from citekit.latex import bibitem_references, find_bibitems

        items = find_bibitems(source.text)
        bibitems = list(bibitem_references(items)) if items else []
        regions = []
        start = source.text.find("\\begin{thebibliography}")
        if start != -1:
            end = source.text.find("\\end{thebibliography}", start)
            regions.append(Span(start, end if end != -1 else len(source.text)))
        return bibitems, regions, [], NoteCitations()
    from citekit.document import parse_document, parse_notes

    doc = parse_document(source, tagger)  # type: ignore[arg-type]
    notes = NoteCitations()
    if doc.notes:
        entries, parsed = parse_notes(source, doc.notes, tagger)  # type: ignore[arg-type]
        notes = note_citations([e.text for e in entries], parsed)
    sections = []
    refs: list[Reference] = []
    has_list = any(sec.heading and not sec.notes for sec in doc.sections)
    for sec in doc.sections:
        if has_list and sec.heading is None:
            continue  # a citing paragraph beside a headed reference list
        inside = [r for r in doc.references if sec.span.start <= r.span.start < sec.span.end]
        # A headingless block of one or two "entries" is far more often a paragraph
        # dense with citations than a reference list: keep its citations.
        if sec.heading is None and len(inside) < _MIN_HEADINGLESS_ENTRIES:
            continue
        sections.append(sec.span)
        refs.extend(inside)
    kept = {r.id for r in refs}
    diags = [
        d
        for d in doc.diagnostics
        if not _inside(d.span, [s.span for s in doc.sections]) or _inside(d.span, sections)
    ]
    return [r for r in doc.references if r.id in kept], sections, diags, notes


def find_all_citations(source: Source, exclude: Sequence[Span] = ()) -> list[Citation]:
    """Citations of every kind the document's format allows, outside ``exclude``."""
    text = source.text
    keyed: list[Citation] = []
    if source.format == "aux":
        from citekit.latex import parse_aux

        cites = [c for c in parse_aux(text).citations if not _inside(c.span, exclude)]
        return sorted(cites, key=lambda c: c.span.start)
    if source.format == "latex":
        from citekit.latex import find_cite_keys, strip_comments

        keyed = find_cite_keys(text)
        text = strip_comments(text)  # same length: offsets stay valid
    elif source.format == "markdown":
        from citekit.pandoc import find_pandoc_keys

        keyed = find_pandoc_keys(text)
    if source.format != "latex":
        keyed = [*keyed, *find_endnote_temporary_citations(text, exclude)]
    prose = _outside_all(find_citations(text, exclude), [c.group for c in keyed])
    found = _outside_all(keyed + prose, exclude)
    found.sort(key=lambda c: (c.span.start, c.number or 0))
    return found


def confirmed(link: Link) -> bool:
    """An exact, unqualified resolution: what an unbracketed mention needs to count."""
    if link.status != "resolved" or "(ignoring" in link.reason:
        return False
    chosen = [cand for cand in link.candidates if cand.target == link.targets[0]]
    return bool(chosen) and all(ev.weight >= 0 for ev in chosen[0].evidence)


def _counts(link: Link) -> bool:
    """Whether an unbracketed or MLA candidate is a citation: it resolves exactly, or
    it is MLA's "(Okafor 9)" whose name fits two or more entries exactly (the list
    confirms the name; only the work is unclear)."""
    return confirmed(link) or (
        link.status == "ambiguous" and link.citation.command == "author-page"
    )


def bare_candidates(
    source: Source,
    citations: Sequence[Citation],
    references: Sequence[Reference],
    exclude: Sequence[Span] = (),
) -> list[Citation]:
    """Unbracketed "Name, 2001" mentions, acts of law ("Lei nº 13.146/2015") and MLA's
    "(Okafor 45)" outside ``exclude`` and the found citations.

    Only for prose (text, Markdown; LaTeX and .aux cite by key) with a reference
    list; they count only where they resolve exactly (``confirmed``).
    """
    if source.format in ("latex", "aux") or not references:
        return []
    taken = list(exclude) + [c.group for c in citations] + [c.span for c in citations]
    legal = find_legal_citations(source.text, taken)
    taken += [c.span for c in legal]
    bare = find_bare_citations(source.text, taken)
    taken += [c.span for c in bare]
    author_page = find_author_page_citations(source.text, taken)
    taken += [c.group for c in author_page]
    families = {n.family for r in references for n in r.authors if not n.literal}
    pages = find_page_citations(source.text, families, taken)
    return legal + bare + author_page + pages


def _with_title_citations(
    source: Source, links: list[Link], references: Sequence[Reference], regions: Sequence[Span]
) -> list[Link]:
    """``links`` and MLA's citations by title ('("Voices of the Salar")', "(Shore 112)")
    in parentheses no other citation took, each resolved to the one entry whose title
    it begins.  Prose only, like the other unbracketed forms."""
    if source.format in ("latex", "aux") or not references:
        return links
    taken = [*regions, *(lk.citation.group for lk in links)]
    titles = {r.id: r.title for r in references if r.title}
    found = find_title_citations(source.text, titles, taken)
    if not found:
        return links
    new = [
        Link(
            c,
            "resolved",
            (rid,),
            "cited by its title (MLA)",
            (Candidate(rid, 1.0, (Evidence("title", "the entry's title begins with it", 1.0),)),),
        )
        for c, rid in found
    ]
    return sorted([*links, *new], key=lambda lk: (lk.citation.span.start, lk.citation.number or 0))


def _with_cjk_narratives(
    source: Source,
    citations: list[Citation],
    references: Sequence[Reference],
    regions: Sequence[Span],
) -> list[Citation]:
    """``citations`` with the narrative ones of Chinese, Japanese and Korean prose
    read from the list's names ("…では鈴木ほか（2017）が"); each replaces what the
    general reader made of the same parenthesis ("佐藤(2018)" of "田中・佐藤（2018）")."""
    if source.format in ("latex", "aux") or not references:
        return citations
    forms = cjk_cited_forms({n.family for r in references for n in (*r.authors, *r.editors)})
    found = find_cjk_narrative_citations(source.text, forms, regions)
    if not found:
        return citations
    groups = {c.group for c in found}
    kept = [
        c
        for c in citations
        if c.group not in groups
        and not any(f.span.start < c.span.end and c.span.start < f.span.end for f in found)
    ]
    return sorted([*kept, *found], key=lambda c: (c.span.start, c.number or 0))


def _weak(c: Citation) -> bool:
    """A narrative "name (year)" that reads like a title: after a determiner, or in capitals."""
    name = " ".join(c.names)
    return c.prefix in WEAK_NARRATIVE_PREFIXES or (len(name.split()) >= 2 and name.isupper())


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
    own, regions, parse_diags, notes = _own_list(source, tagger)
    regions = [*regions, *notes.covered]
    origins: dict[str, RefOrigin] = {r.id: RefOrigin(source, False) for r in own}
    taken = set(origins)
    external = _unique_ids(external, taken)
    references: list[Reference] = list(own)
    for rs in external:
        for r in rs.references:
            origins[r.id] = RefOrigin(rs.source, True)
            references.append(r)
    citations = find_all_citations(source, regions)
    everything = any(c.kind == "key" and c.key == "*" for c in citations)
    citations = [c for c in citations if not (c.kind == "key" and c.key == "*")]
    numbers = [r.number for r in references if r.number is not None]
    if not numbers:
        # "[3]" in a document without a numbered list is a footnote or a label
        citations = [c for c in citations if c.kind != "numeric"]
    elif source.format not in ("latex", "aux") and not any(c.kind == "numeric" for c in citations):
        # a numbered list cited by "(1,2)" and "(3–5)", as Vancouver allows
        occupied = [*regions, *(c.group for c in citations)]
        paren = find_paren_numeric_citations(source.text, occupied)
        if paren and all(c.number is not None and c.number <= max(numbers) for c in paren):
            citations = [*citations, *paren]
    citations = _with_cjk_narratives(source, citations, references, regions)
    citations = sorted([*citations, *notes.citations], key=lambda c: c.span.start)
    bare = [*bare_candidates(source, citations, references, regions), *notes.candidates]
    links = link_citations(citations + bare, references)
    if bare:
        links = links[: len(citations)] + [lk for lk in links[len(citations) :] if _counts(lk)]
        links.sort(key=lambda lk: (lk.citation.span.start, lk.citation.number or 0))
    # "the Treaty of Lisbon (2007)": a narrative "name (year)" after a determiner
    # that matches nothing at all is a title or a thing, not a citation.
    links = [
        lk
        for lk in links
        if not (
            lk.citation.narrative
            and lk.status == "unresolved"
            and not lk.candidates
            and _weak(lk.citation)
        )
    ]
    links = _with_title_citations(source, links, references, regions)
    citations = [lk.citation for lk in links]
    ctx = CheckContext(
        source=source,
        citations=tuple(citations),
        links=tuple(links),
        references=tuple(references),
        origins=origins,
        own_references=tuple(own),
    )
    diags = run_rules(ctx)
    if source.embedded:
        diags = [_with_embedded_hint(d, source, links) for d in diags]
    seen = {(d.code, d.span) for d in diags}
    diags.extend(d for d in parse_diags if (d.code, d.span) not in seen)
    unparsed = {d.span for d in diags if d.code == "CIT104"}
    diags = [d for d in diags if not (d.code == "CIT103" and d.span in unparsed)]
    diags = [d if d.path else _with_path(d, source.path) for d in diags]
    diags = _select(diags, settings)
    known = frozenset(r.code for r in all_rules())
    diags = apply_suppressions(source, diags, known)
    diags = _select(diags, settings)
    diags.sort(key=lambda d: (d.path != source.path, d.path or "", d.span.start, d.code))
    return FileReport(source, tuple(references), tuple(links), tuple(diags), origins, everything)


def _with_embedded_hint(d: Diagnostic, source: Source, links: Sequence[Link]) -> Diagnostic:
    """An unresolved citation that Zotero, Mendeley or EndNote stored in a Word file names its
    work there: the printed bibliography lacks it (it was not refreshed, or edited by
    hand), and the help says which work and how to mend it."""
    if d.code != "CIT001":
        return d
    cited = next((lk.citation for lk in links if lk.citation.span == d.span), None)
    if cited is None or not cited.names:
        return d
    line = source.line_of(d.span.start)
    first = cited.names[0].casefold()
    for cite in source.embedded:
        if cite.line != line:
            continue
        for item in cite.items:
            authors = item.get("author") or item.get("editor")
            first_name = authors[0] if isinstance(authors, list) and authors else None
            family = (
                first_name.get("family") or first_name.get("literal")
                if isinstance(first_name, dict)
                else None
            )
            if isinstance(family, str) and family.casefold() == first:
                title = item.get("title") or "?"
                mend = (
                    "Refresh it in Word, or `citekit parse --embedded` writes every cited work"
                    if cite.manager != "COinS"
                    else "`citekit parse --embedded` writes every work the page describes"
                )
                return replace(
                    d,
                    help=f"{cite.manager} holds this work, {family}: {title!r}; the bibliography "
                    f"lacks it. {mend}",
                )
    return d


def _with_path(d: Diagnostic, path: str) -> Diagnostic:
    return Diagnostic(d.code, d.severity, d.message, d.span, d.help, path, d.data)


# ---------------------------------------------------------------------------
# Several files


def _latex_bibs(source: Source) -> list[str]:
    from citekit.latex import find_bib_resources

    base = Path(source.path).parent if source.path != "-" else None
    out = []
    if source.format == "aux":
        from citekit.latex import aux_bib_paths, parse_aux

        for path in aux_bib_paths(parse_aux(source.text), base):
            if not Path(path).is_file():
                raise InputError(f"{source.path}: {path} (named by \\bibdata) not found")
            out.append(path)
        return out
    for res in find_bib_resources(source.text, base):
        if not Path(res.path).is_file():
            line, col = source.line_col(res.span.start)
            raise InputError(
                f"{source.path}:{line}:{col}: {res.written} (named by \\{res.command}) not found at {res.path}"
            )
        out.append(res.path)
    return out


_FRONT_MATTER_RE = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_BIB_KEY_RE = re.compile(r"^bibliography:[ \t]*(.*)$", re.MULTILINE)


def front_matter_bibliographies(text: str) -> list[str]:
    """The files of a Markdown file's YAML ``bibliography:`` (a name, a [list] or "- " items)."""
    fm = _FRONT_MATTER_RE.match(text)
    if fm is None:
        return []
    block = fm.group(1)
    m = _BIB_KEY_RE.search(block)
    if m is None:
        return []
    value = m.group(1).strip()
    if value.startswith("["):
        names = value.strip("[]").split(",")
    elif value:
        names = [value]
    else:
        names = []
        for line in block[m.end() :].splitlines()[1:] if block[m.end() :].startswith("\n") else []:
            item = re.match(r"^\s+-\s*(.+)$", line)
            if item is None:
                break
            names.append(item.group(1))
    return [n.strip().strip("'\"") for n in names if n.strip().strip("'\"")]


def _markdown_sources(source: Source) -> tuple[list[str], list[str]]:
    """(.bib files, CSL-JSON files) named in a Markdown file's front matter."""
    base = Path(source.path).parent if source.path != "-" else Path(".")
    bibs: list[str] = []
    csls: list[str] = []
    for name in front_matter_bibliographies(source.text):
        path = base / name
        if not path.is_file() and Path(name).is_file():
            path = Path(name)  # pandoc resolves against the working folder
        if not path.is_file():
            raise InputError(f"{source.path}: bibliography {name} (front matter) not found")
        (csls if path.suffix.lower() == ".json" else bibs).append(str(path))
    return bibs, csls


def check_paths(
    paths: Sequence[str],
    settings: Settings | None = None,
    tagger: object | None = None,
    libraries: Sequence[ReferenceSource] = (),
) -> CheckResult:
    """Read and check every file in ``paths``; raise CitekitError on unreadable input.

    ``libraries`` are reference sources such as a Zotero library: citations may
    resolve to their entries, but an entry nobody cites is not reported.
    """
    settings = settings or Settings()
    check_prefixes(settings.select, "select")
    check_prefixes(settings.ignore, "ignore")
    if not paths:
        raise InputError("no files to check")
    # A .bib or CSL-JSON file among FILES is a reference source, as with --bib/--csl.
    docs = [p for p in paths if format_for(p) not in ("bibtex", "csl-json")]
    bibs = tuple(p for p in paths if format_for(p) == "bibtex")
    csls = tuple(p for p in paths if format_for(p) == "csl-json")
    if bibs or csls:
        settings = replace(settings, bib=settings.bib + bibs, csl=settings.csl + csls)
    paths = docs
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
        external = list(shared) + list(libraries)
        if not settings.bib and not settings.csl:
            # the document's own declarations: \bibliography{} or YAML "bibliography:"
            own_bibs: list[ReferenceSource] = []
            if source.format in ("latex", "aux"):
                own_bibs = [load(p, read_bib) for p in _latex_bibs(source)]
            elif source.format == "markdown":
                md_bibs, md_csls = _markdown_sources(source)
                own_bibs = [load(p, read_bib) for p in md_bibs] + [
                    load(p, read_csl) for p in md_csls
                ]
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
    # with no document checked, or with \nocite{*}, "never cited" means nothing
    judge_uncited = bool(reports) and not any(r.cites_everything for r in reports)
    out: list[FileReport] = []
    done: set[str] = set()
    for rs in externals:
        if rs.source.path in done:
            continue
        done.add(rs.source.path)
        uncited_refs = tuple(
            r
            for r in rs.references
            if judge_uncited and (rs.source.path, r.key or r.id) not in cited
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
