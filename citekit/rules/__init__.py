"""The rule registry: stable codes, a severity and documentation for every finding.

A rule is a code ("CIT001"), a kebab-case name, a default severity and a
function that turns a :class:`CheckContext` into Diagnostics; its docstring is
the rule's documentation (What it does / Why is this bad? / Example), shown by
``citekit rule CIT001``.  Families:

- CIT0xx: a citation against the reference list;
- CIT1xx: the reference list itself (hygiene);
- CIT2xx: identifiers (reserved for DOI rules);
- CIT9xx: suppression comments.

``--select``/``--ignore`` take code prefixes ("CIT0", "CIT101"); the more
specific prefix wins, as in ruff.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from citekit.errors import ConfigError
from citekit.model import Citation, Diagnostic, Link, Reference, Severity
from citekit.source import Source

SEVERITY_RANK: dict[str, int] = {"info": 0, "warning": 1, "error": 2}


@dataclass(frozen=True, slots=True)
class RefOrigin:
    """Where a reference came from: the checked document or a .bib/.json file."""

    source: Source
    external: bool


@dataclass(frozen=True, slots=True)
class CheckContext:
    """Everything the rules see of one checked document (read-only)."""

    source: Source
    citations: tuple[Citation, ...]
    links: tuple[Link, ...]
    references: tuple[Reference, ...]  # every entry citations may link to
    origins: dict[str, RefOrigin] = field(default_factory=dict)  # reference id -> origin
    # entries whose "never cited" status this document decides (its own list)
    own_references: tuple[Reference, ...] = ()
    report_uncited: bool = True


RuleFunc = Callable[[CheckContext], Iterable[Diagnostic]]


@dataclass(frozen=True, slots=True)
class Rule:
    code: str
    name: str
    severity: Severity
    summary: str
    doc: str
    func: RuleFunc | None = None  # None: emitted elsewhere (suppressions, key checks)

    @property
    def family(self) -> str:
        return self.code[:4]


_REGISTRY: dict[str, Rule] = {}


def rule(code: str, name: str, severity: Severity) -> Callable[[RuleFunc], RuleFunc]:
    """Register a rule function; its docstring's first line is the summary."""

    def register(func: RuleFunc) -> RuleFunc:
        _add(code, name, severity, func.__doc__ or "", func)
        return func

    return register


def declare(code: str, name: str, severity: Severity, doc: str) -> None:
    """Register a rule whose diagnostics another stage emits."""
    _add(code, name, severity, doc, None)


def _add(code: str, name: str, severity: Severity, doc: str, func: RuleFunc | None) -> None:
    if code in _REGISTRY:
        raise RuntimeError(f"rule code {code} registered twice")
    doc = inspect.cleandoc(doc)
    summary = doc.splitlines()[0].rstrip(".") if doc else name
    _REGISTRY[code] = Rule(code, name, severity, summary, doc, func)


def _load() -> None:
    # the modules register their rules on import
    from citekit.rules import citations, hygiene, suppressions  # noqa: F401


def all_rules() -> list[Rule]:
    _load()
    return [_REGISTRY[c] for c in sorted(_REGISTRY)]


def get_rule(code: str) -> Rule:
    _load()
    rule_ = _REGISTRY.get(code.upper())
    if rule_ is None:
        raise ConfigError(f"unknown rule code {code!r}; `citekit rules` lists them")
    return rule_


def check_prefixes(prefixes: Iterable[str], option: str) -> tuple[str, ...]:
    """Validate code prefixes ("CIT", "CIT0", "CIT101", "ALL")."""
    _load()
    out = []
    for p in prefixes:
        p = p.strip().upper()
        if not p:
            continue
        if (
            p != "ALL"
            and not any(code.startswith(p) for code in _REGISTRY)
            and not (p.startswith("CIT2") or p in ("CIT", "CIT2"))
        ):
            raise ConfigError(f"{option}: {p!r} matches no rule code; `citekit rules` lists them")
        out.append(p)
    return tuple(out)


def is_enabled(code: str, select: Sequence[str], ignore: Sequence[str]) -> bool:
    """ruff's prefix logic: the longest matching prefix of select/ignore decides."""

    def best(prefixes: Sequence[str]) -> int:
        lengths = [
            0 if p == "ALL" else len(p) for p in prefixes if p == "ALL" or code.startswith(p)
        ]
        return max(lengths) if lengths else -1

    s, i = best(select), best(ignore)
    if s < 0:
        return False
    return s > i


def run_rules(ctx: CheckContext) -> list[Diagnostic]:
    """Run every registered rule function over one document."""
    out: list[Diagnostic] = []
    for r in all_rules():
        if r.func is not None:
            out.extend(r.func(ctx))
    return out


def severity_at_least(severity: str, level: str) -> bool:
    return SEVERITY_RANK[severity] >= SEVERITY_RANK[level]
