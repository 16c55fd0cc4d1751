"""``citekit check`` end to end: exit codes, bad input, reference sources, the acceptance essay."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from fuzz import CITATIONS, random_sources

from citekit.check import check_paths, check_source
from citekit.cli import main
from citekit.config import Settings
from citekit.source import Source

ESSAY_REFS = "\n\nReferences\n\nOkafor, N. (2019). Nets and numbers. Lagos Press.\n"


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exc:
        main(argv)
    out, err = capsys.readouterr()
    return int(exc.value.code or 0), out, err


def write(path: Path, text: str) -> str:
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_exit_0_when_clean(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    doc = write(tmp_path / "ok.md", "Fine (Okafor, 2019)." + ESSAY_REFS)
    code, out, _ = run(["check", doc], capsys)
    assert code == 0 and "All clear" in out


def test_exit_1_on_findings_and_fail_level(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    doc = write(tmp_path / "bad.md", "Fine (Okafor, 2019) but (Okafor, 2018)." + ESSAY_REFS)
    code, out, _ = run(["check", doc], capsys)
    assert code == 1 and "CIT003" in out
    assert "\x1b[" not in out  # no colour when stdout is not a terminal
    code, out, _ = run(["check", doc, "--color"], capsys)
    assert "\x1b[" in out
    code, _, _ = run(["check", doc, "--fail-level", "error"], capsys)
    assert code == 0  # a year mismatch is a warning
    code, out, _ = run(["check", doc, "--ignore", "CIT003"], capsys)
    assert code == 0 and "CIT003" not in out


def test_config_file_is_used(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    doc = write(tmp_path / "bad.md", "Fine (Okafor, 2019) but (Okafor, 2018)." + ESSAY_REFS)
    cfg = write(tmp_path / "citekit.toml", 'ignore = ["CIT0"]\nformat = "json"\n')
    code, out, _ = run(["check", doc, "--config", cfg], capsys)
    assert code == 0 and json.loads(out)["files"][0]["diagnostics"] == []


@pytest.mark.parametrize(
    ("setup", "message"),
    [
        ("binary", "binary"),
        ("undecodable", "cannot decode"),
        ("missing", "no such file"),
        ("missing-bib", "no such file"),
        ("malformed-bib", "malformed BibTeX"),
        ("bad-config", "unknown key"),
        ("bad-select", "matches no rule"),
        ("bad-csl", "not valid JSON"),
    ],
)
def test_exit_2_on_bad_input(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], setup: str, message: str
) -> None:
    doc = write(tmp_path / "doc.md", "Fine (Okafor, 2019)." + ESSAY_REFS)
    argv = ["check", doc]
    if setup == "binary":
        (tmp_path / "img.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x01")
        argv = ["check", str(tmp_path / "img.txt")]
    elif setup == "undecodable":
        (tmp_path / "latin.txt").write_bytes("Café (Müller, 2001)".encode("latin-1"))
        argv = ["check", str(tmp_path / "latin.txt")]
    elif setup == "missing":
        argv = ["check", str(tmp_path / "absent.md")]
    elif setup == "missing-bib":
        argv += ["--bib", str(tmp_path / "absent.bib")]
    elif setup == "malformed-bib":
        argv += [
            "--bib",
            write(
                tmp_path / "bad.bib",
                "@article{ok2001,\n  title = {Fine},\n  year = {2001}\n}\n\n@book{broken,\n  title = {Unclosed\n",
            ),
        ]
    elif setup == "bad-config":
        argv += ["--config", write(tmp_path / "citekit.toml", 'selec = ["CIT0"]\n')]
    elif setup == "bad-select":
        argv += ["--select", "XYZ9"]
    elif setup == "bad-csl":
        argv += ["--csl", write(tmp_path / "items.json", "[{")]
    code, out, err = run(argv, capsys)
    assert code == 2, (out, err)
    assert message in err and "Traceback" not in err


def test_usage_error_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(["check", "--format", "xml", "x.md"], capsys)
    assert code == 2 and "xml" in err


def test_bib_and_csl_sources(tmp_path: Path, data_dir: Path) -> None:
    doc = tmp_path / "note.md"
    doc.write_text("Soft power (Nye, 2004) and rivals (Valeriano, 2013).\n", encoding="utf-8")
    csl = tmp_path / "items.json"
    csl.write_text(
        json.dumps(
            [
                {
                    "id": "valeriano2013",
                    "type": "book",
                    "title": "Becoming Rivals",
                    "author": [{"family": "Valeriano", "given": "Brandon"}],
                    "issued": {"date-parts": [[2013]]},
                }
            ]
        ),
        encoding="utf-8",
    )
    settings = Settings(
        bib=(str(data_dir / "check" / "refs.bib"),),
        csl=(str(csl),),
        select=("CIT0",),
        ignore=("CIT009",),
    )
    result = check_paths([str(doc)], settings)
    links = result.files[0].links
    assert [(lk.citation.text, lk.status) for lk in links] == [
        ("Nye, 2004", "resolved"),
        ("Valeriano, 2013", "resolved"),
    ]
    assert result.diagnostics == []


def test_latex_keys_and_bib_findings(data_dir: Path) -> None:
    result = check_paths([str(data_dir / "check" / "paper.tex")])
    tex, bib = result.files
    assert [(lk.citation.key, lk.status) for lk in tex.links if lk.citation.kind == "key"] == [
        ("nye2004soft", "resolved"),
        ("keohane1980theory", "resolved"),
        ("nye2004sotf", "unresolved"),
        ("mankoff2012russian", "resolved"),
    ]
    assert "ghost2000" not in {lk.citation.key for lk in tex.links}  # commented out
    assert [d.code for d in tex.diagnostics] == ["CIT010"]
    assert sorted(d.code for d in bib.diagnostics) == ["CIT009", "CIT009", "CIT102"]
    assert not any("unused2020" in d.message for d in bib.diagnostics)  # suppressed in the .bib


def test_numeric_citations_out_of_range() -> None:
    text = "Shown in [1] and [2-3], not in [7].\n\nReferences\n\n1. Okafor, N. (2019). Nets. Lagos Press.\n2. Brennan, M. (2012). Harbours. Cork Press.\n3. Sato, H. (2013). Tides. Nordic Press.\n"
    rep = check_source(Source("n.txt", text))
    assert [(lk.citation.number, lk.status) for lk in rep.links] == [
        (1, "resolved"),
        (2, "resolved"),
        (3, "resolved"),
        (7, "unresolved"),
    ]
    assert [d.code for d in rep.diagnostics] == ["CIT011"]


_NUMBERED = (
    "\n\nReferences\n\n1. Okafor, N. (2019). Nets. Lagos Press.\n"
    "2. Brennan, M. (2012). Harbours. Cork Press.\n3. Sato, H. (2013). Tides. Nordic Press.\n"
)


@pytest.mark.parametrize(
    ("prose", "numbers"),
    [
        # Vancouver in parentheses: linked like brackets
        ("Heat illness is under-reported (1,2), and uptake varies (3).", [1, 2, 3]),
        ("Hydration helps (1–3) and lasts (2).", [1, 2, 3, 2]),
        # enumerations, figures and equations are not citations
        ("Three steps: (1) collect, (2) clean, and (3) test (2).", [2]),
        ("See Figure (3) and equation (2) for the tides (1).", [1]),
        # a number beyond the list: then none of the parenthesised numbers is trusted
        ("Under-reported (1,2), and see (9).", []),
        # brackets in the text: parentheses are left alone
        ("Under-reported [1], and see (2).", [1]),
    ],
)
def test_parenthesised_numbers_cite_a_numbered_list(prose: str, numbers: list[int]) -> None:
    rep = check_source(Source("v.txt", prose + _NUMBERED))
    assert [lk.citation.number for lk in rep.links] == numbers
    assert all(lk.status == "resolved" for lk in rep.links)


def test_parenthesised_numbers_without_a_numbered_list_are_not_citations() -> None:
    rep = check_source(
        Source("n.md", "Steps (1) and (2) matter (Okafor, 2019)." + ESSAY_REFS, "markdown")
    )
    assert [lk.citation.kind for lk in rep.links] == ["author-year"]


def test_brackets_without_a_numbered_list_are_not_citations() -> None:
    rep = check_source(
        Source("n.md", "A footnote marker [1] here (Okafor, 2019)." + ESSAY_REFS, "markdown")
    )
    assert [lk.citation.kind for lk in rep.links] == ["author-year"]


def test_pandoc_keys_in_markdown(tmp_path: Path) -> None:
    bib = tmp_path / "refs.bib"
    bib.write_text(
        "@book{okafor2019, author = {Okafor, N.}, title = {Nets}, year = {2019}}\n",
        encoding="utf-8",
    )
    doc = tmp_path / "p.md"
    doc.write_text("As shown [@okafor2019, p. 3] and [@nobody2001].\n", encoding="utf-8")
    result = check_paths([str(doc)], Settings(bib=(str(bib),)))
    assert [(lk.citation.key, lk.status) for lk in result.files[0].links] == [
        ("okafor2019", "resolved"),
        ("nobody2001", "unresolved"),
    ]
    assert [d.code for d in result.files[0].diagnostics] == ["CIT010"]


def test_rules_and_rule_commands(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["rules"], capsys)
    assert code == 0 and "CIT001  unresolved-citation" in out and "CIT901" in out
    code, out, _ = run(["rule", "CIT005"], capsys)
    assert code == 0 and "## Why is this bad?" in out and "given-name-as-family" in out
    code, _, err = run(["rule", "CIT999"], capsys)
    assert code == 2 and "unknown rule code" in err


@pytest.mark.shared
def test_acceptance_essay_collection(shared_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    doc = shared_dir / "corpus" / "central-asia-essays.txt"
    gold = json.loads(
        (shared_dir / "corpus" / "central-asia-essays.gold.json").read_text(encoding="utf-8")
    )
    code, out, _ = run(["check", str(doc), "--format", "json"], capsys)
    assert code == 1
    report = json.loads(out)["files"][0]
    number = {r["id"]: r["number"] for r in report["references"]}
    found = {(c["line"], c["text"]): c for c in report["citations"]}
    assert len(report["citations"]) == len(gold["citations"])
    for g in gold["citations"]:
        c = found[(g["line"], g["text"])]
        targets = sorted(number[t] for t in c["targets"])
        expected = (
            g["target"]
            if isinstance(g["target"], list)
            else ([] if g["target"] is None else [g["target"]])
        )
        if g["expect"] == "ambiguous_or_resolved":
            assert (c["status"], targets) in (
                ("ambiguous", sorted(expected)),
                ("resolved", [g["preferred"]]),
            )
        else:
            assert c["status"] == {"suggest": "suggested"}.get(g["expect"], g["expect"]), g
            assert targets == sorted(expected), g
    texts = [c["text"] for c in report["citations"]]
    for non in gold["not_citations"][:4]:
        assert not any(t in non for t in texts), non
    uncited = sorted(r["number"] for r in report["references"] if not r["cited"])
    assert uncited == gold["uncited"]
    messages = [d["message"] for d in report["diagnostics"] if d["code"] == "CIT009"]
    assert len(messages) == 2


@pytest.mark.slow
@pytest.mark.external
def test_pre_commit_try_repo(root_dir: Path, tmp_path: Path, data_dir: Path) -> None:
    """The hook as a pre-commit user gets it: ``pre-commit try-repo <repo> citekit-check``.

    The hook repository is a snapshot of this working tree committed into a
    temporary git repository (try-repo only sees committed or tracked files).
    Building the hook's environment installs citekit's dependencies from PyPI.
    """
    exe = shutil.which("pre-commit")
    if exe is None:
        pytest.skip("pre-commit is not installed")
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    hook_repo = tmp_path / "hook-repo"
    hook_repo.mkdir()
    for name in (".pre-commit-hooks.yaml", "pyproject.toml", "README.md"):
        if (root_dir / name).exists():
            shutil.copy(root_dir / name, hook_repo / name)
    shutil.copytree(
        root_dir / "citekit", hook_repo / "citekit", ignore=shutil.ignore_patterns("__pycache__")
    )
    git = ["git", "-c", "user.name=citekit", "-c", "user.email=citekit@example.invalid"]
    subprocess.run([*git, "init", "-q"], cwd=hook_repo, check=True)
    subprocess.run([*git, "add", "-A"], cwd=hook_repo, check=True)
    subprocess.run([*git, "commit", "-q", "-m", "snapshot"], cwd=hook_repo, check=True)
    work = tmp_path / "work"
    work.mkdir()
    subprocess.run([*git, "init", "-q"], cwd=work, check=True)
    shutil.copy(data_dir / "check" / "essay.md", work / "essay.md")
    subprocess.run([*git, "add", "essay.md"], cwd=work, check=True)
    proc = subprocess.run(
        [exe, "try-repo", str(hook_repo), "citekit-check", "--files", "essay.md"],
        cwd=work,
        capture_output=True,
        text=True,
        timeout=900,
        env={**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home")},
    )
    if "CIT" not in proc.stdout:
        pytest.skip(
            f"the hook environment could not be built or run (it needs PyPI): {proc.stdout[-300:]}"
        )
    # the fixture has findings: the hook fails and shows them
    assert proc.returncode == 1, proc.stdout
    assert "essay.md:22:1: CIT009" in proc.stdout


def test_module_entry_point() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "citekit", "rule", "CIT001"], capture_output=True, text=True
    )
    assert proc.returncode == 0 and "unresolved-citation" in proc.stdout


def test_bib_given_as_a_file_and_nocite_all(tmp_path: Path, data_dir: Path) -> None:
    bib = str(data_dir / "check" / "refs.bib")
    alone = check_paths([bib])
    assert [d.code for d in alone.diagnostics if d.code != "CIT901"] == [
        "CIT102"
    ]  # nothing to be cited by
    shutil.copy(bib, tmp_path / "refs.bib")
    tex = tmp_path / "all.tex"
    tex.write_text("\\nocite{*}\\citep{nye2004soft}\n\\bibliography{refs}\n", encoding="utf-8")
    result = check_paths([str(tex)])
    assert [lk.citation.key for lk in result.files[0].links] == ["nye2004soft"]
    assert "CIT009" not in {d.code for d in result.diagnostics}


def test_missing_bibliography_named_by_latex(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    tex = write(tmp_path / "p.tex", "\\cite{a}\n\\bibliography{nowhere}\n")
    code, _, err = run(["check", tex], capsys)
    assert code == 2 and "nowhere.bib" in err and "not found" in err


def test_empty_document_and_no_reference_list(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    assert check_paths([str(empty)]).diagnostics == []
    rep = check_source(Source("n.txt", "A claim (Okafor, 2019).\n"))
    assert [d.code for d in rep.diagnostics] == ["CIT001"]


def test_link_benchmark_scores_by_offset() -> None:
    from citekit.bench.link import evaluate, synthetic_document

    text = "Dams matter (Okafor, 2019; Brennan, 2012). Later (Sato, 2013)."
    gold = {
        "name": "elife-toy",
        "text": text,
        "citations": [
            {"start": 13, "end": 25, "rids": ["b1"], "text": "Okafor, 2019", "check": {}},
            {"start": 27, "end": 40, "rids": ["b2"], "text": "Brennan, 2012", "check": {}},
            {"start": 50, "end": 60, "rids": ["b3"], "text": "Sato, 2013", "check": {}},
        ],
        "references": [
            {"id": "b1", "string": "Okafor, N. (2019). Nets and numbers. Lagos Press."},
            {"id": "b2", "string": "Brennan, M. (2012). Harbours and their keepers. Cork Press."},
            {"id": "b3", "string": "Sato, H. (2011). Tides in fjords. Nordic Press."},
        ],
    }
    r = evaluate(gold)
    assert (r["gold"], r["hit"]) == (3, 3)  # Sato 2013 is suggested for the 2011 entry
    assert (r["tp"], r["asserted"]) == (3, 3)
    doc = synthetic_document(n_refs=20, n_cits=50, size=20_000)
    assert doc.count("(") >= 50 and "References" in doc


def test_title_like_narrative_mentions_are_not_reported() -> None:
    text = (
        "Under the Treaty of Lisbon (2007) and the GENERAL DATA RULES (2016), "
        "as the World Bank (2021) notes, Okafor (2019) and Quispe (2018) disagree."
        "\n\nReferences\n\nOkafor, N. (2019). Nets and numbers. Lagos Press.\n"
        "World Bank. (2021). Water for growth. Washington, DC: World Bank.\n"
    )
    rep = check_source(Source("t.txt", text))
    assert [(lk.citation.text, lk.status) for lk in rep.links] == [
        ("World Bank (2021)", "resolved"),
        ("Okafor (2019)", "resolved"),
        ("Quispe (2018)", "unresolved"),
    ]


def test_markdown_front_matter_bibliography(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "refs.bib").write_text(
        "@book{okafor2019, author = {Okafor, N.}, title = {Nets}, year = {2019}}\n",
        encoding="utf-8",
    )
    doc = write(
        tmp_path / "p.md",
        "---\ntitle: A note\nbibliography: refs.bib\n---\n\nAs shown [@okafor2019].\n",
    )
    result = check_paths([doc])
    assert [(lk.citation.key, lk.status) for lk in result.files[0].links] == [
        ("okafor2019", "resolved")
    ]
    assert result.diagnostics == []
    missing = write(tmp_path / "q.md", "---\nbibliography: [absent.bib]\n---\n\nText.\n")
    code, _, err = run(["check", missing], capsys)
    assert code == 2 and "absent.bib" in err


def test_exactly_repeated_bib_key_is_a_finding_not_an_error(tmp_path: Path) -> None:
    bib = tmp_path / "refs.bib"
    bib.write_text(
        "@book{nye2004, author = {Nye, J.}, title = {Soft Power}, year = {2004}}\n\n"
        "@book{nye2004, author = {Nye, J.}, title = {Bound to Lead}, year = {1990}}\n",
        encoding="utf-8",
    )
    doc = tmp_path / "a.md"
    doc.write_text("Soft power [@nye2004].\n", encoding="utf-8")
    result = check_paths([str(doc)], Settings(bib=(str(bib),)))
    assert [d.code for d in result.diagnostics] == ["CIT102"]


def test_unparsed_entry_is_reported_once() -> None:
    text = (
        "A claim (Okafor, 2019) and (Sato, 2013).\n\nReferences\n\n"
        "1. Okafor, N. (2019). Nets and numbers. Lagos Press.\n2. ibid.\n"
        "3. Sato, H. (2013). Tides. Nordic Press.\n"
    )
    codes = [d.code for d in check_source(Source("x.txt", text)).diagnostics]
    assert codes.count("CIT104") == 1 and "CIT103" not in codes


def test_unbracketed_mentions_count_only_when_they_resolve_exactly() -> None:
    text = (
        "Specimens were keyed as described by Okafor, 2019 and measured again.\n"
        "Dates in Lagos, 2019 and in Cork, 2012 mean nothing here; nor does Okafor, 2018.\n"
        "Brennan (2012) wrote the rest.\n\n"
        "References\n\n"
        "Okafor, N. (2019). Nets. Lagos Press.\n"
        "Brennan, M. (2012). Harbours. Cork Press.\n"
    )
    rep = check_source(Source("b.txt", text))
    assert [(lk.citation.text, lk.status) for lk in rep.links] == [
        ("Okafor, 2019", "resolved"),
        ("Brennan (2012)", "resolved"),
    ]
    assert rep.links[0].citation.span.start == text.index("Okafor, 2019")
    assert not [d for d in rep.diagnostics if d.code.startswith("CIT0")]


def test_acts_of_law_count_when_the_list_has_them() -> None:
    text = (
        "Conforme a Lei nº 13.146/2015 e a Lei nº 9.394/1996, o acesso é garantido.\n\n"
        "Referências\n\n"
        "Lei n° 13.146, de 6 de julho de 2015. Institui a Lei Brasileira de Inclusão.\n"
        "Okafor, N. (2019). Nets. Lagos Press.\n"
    )
    rep = check_source(Source("l.txt", text))
    assert [(lk.citation.text, lk.status) for lk in rep.links] == [
        ("Lei nº 13.146/2015", "resolved")
    ]


def test_mla_author_page_citations_count_when_the_list_has_them() -> None:
    text = (
        "The quay is contested (Okafor 45; Lindqvist et al. 12-14), as Figure 3 shows\n"
        "(Figure 3). Nobody cites (Brennan 7) here.\n\n"
        "Works Cited\n\n"
        'Lindqvist, Sara, et al. "Tides of Capital." Journal of Ports, vol. 19, 2017, pp. 1-22.\n'
        "Okafor, Tunde. The Shore and the City. U of Lagos P, 2016.\n"
        "Reyes, Marta. Salt. Harbor Books, 2019.\n"
    )
    rep = check_source(Source("m.txt", text))
    assert [(lk.citation.text, lk.status, lk.citation.locator) for lk in rep.links] == [
        ("Okafor 45", "resolved", "45"),
        ("Lindqvist et al. 12-14", "resolved", "12-14"),
    ]
    uncited = [d.message for d in rep.diagnostics if d.code == "CIT009"]
    assert len(uncited) == 1 and "Reyes" in uncited[0]


def test_mla_short_titles_tell_one_authors_works_apart() -> None:
    text = (
        "Compare (Okafor, Shore 45) with (Okafor, Rivers 3); (Okafor 9) could be either.\n\n"
        "Works Cited\n\n"
        "Okafor, Tunde. The Shore and the City. U of Lagos P, 2016.\n"
        "Okafor, Tunde. Rivers of Lagos. U of Lagos P, 2018.\n"
    )
    rep = check_source(Source("m.txt", text))
    by_year = {r.id: r.year for r in rep.references}
    assert [(lk.citation.text, lk.status, by_year[lk.targets[0]]) for lk in rep.links] == [
        ("Okafor, Shore 45", "resolved", 2016),
        ("Okafor, Rivers 3", "resolved", 2018),
        ("Okafor 9", "ambiguous", 2016),
    ]
    # "(Okafor 9)" is reported, with MLA's remedy, not dropped as a non-citation
    (amb,) = [d for d in rep.diagnostics if d.code == "CIT002"]
    assert "Okafor 9" in amb.message and '"(Okafor, Shore 9)"' in (amb.help or "")


@pytest.mark.parametrize("seed", range(3))
def test_random_text_never_crashes_the_check(seed: int) -> None:
    """Random documents with citations in them are checked without a crash."""
    for source in random_sources(seed, 120, extra=CITATIONS, length=80):
        report = check_source(source)
        for d in report.diagnostics:
            assert 0 <= d.span.start <= d.span.end <= len(source.text)


def test_mla_page_after_a_named_author_counts_where_it_resolves() -> None:
    text = (
        "Lindqvist calls the songs a ledger (112), while Okafor and Reyes read them as contracts "
        "(88-90). The caravans walked for weeks (12).\n\nWorks Cited\n\n"
        "Lindqvist, Sven. The Shore and the Ledger. U of Lima P, 2014.\n"
        'Okafor, Chidi, and Sofía Reyes. "Songs as Contracts." Oral Tradition, vol. 33, no. 1, 2018, pp. 77-104.\n'
    )
    rep = check_source(Source("mla.txt", text))
    assert [(lk.citation.names, lk.citation.locator, lk.status) for lk in rep.links] == [
        (("Lindqvist",), "112", "resolved"),
        (("Okafor", "Reyes"), "88-90", "resolved"),
    ]
    assert rep.diagnostics == ()


def test_mla_title_citations_resolve_to_the_one_title_they_begin() -> None:
    text = (
        'Lindqvist calls them a ledger (Shore 112). A sound archive restored the tunes ("Voices of the '
        'Salar").\n\nWorks Cited\n\n'
        "Lindqvist, Sven. The Shore and the Ledger. U of Lima P, 2014.\n"
        '"Voices of the Salar." Salar Sound Archive, 4 May 2021, www.salarsound.org/voices.\n'
    )
    rep = check_source(Source("mla.txt", text))
    assert [(lk.citation.title, lk.status, lk.targets) for lk in rep.links] == [
        ("Shore", "resolved", ("ref1",)),
        ("Voices of the Salar", "resolved", ("ref2",)),
    ]
    assert rep.diagnostics == ()


@pytest.mark.parametrize(
    ("text", "resolved"),
    [
        # Japanese: the list writes the whole name, the text cites the family name that begins it
        (
            "港湾都市の研究は多い（山田, 2015; 佐藤・鈴木, 2019）。\n\n## 参考文献\n\n"
            "山田太郎 (2015). 『港湾都市の歴史』. 東京: 岩波書店.\n\n"
            "佐藤花子・鈴木一郎 (2019). 「港の記憶と地域社会」. 『都市研究』, 12(3), 45–67.\n",
            2,
        ),
        # Russian: Cyrillic family names are compared as they are
        (
            "Как показано (Иванов и др., 2015) и (Петров, 2019).\n\nСписок литературы\n\n"
            "1. Иванов И. И., Сидоров П. П., Козлов А. А. Морские порты. М.: Наука, 2015. 200 с.\n"
            "2. Петров П. П. Гавани и города // Вопросы истории. 2019. № 3. С. 10–20.\n",
            2,
        ),
    ],
)
def test_citations_in_other_scripts_link(text: str, resolved: int) -> None:
    rep = check_source(Source("x.md", text, "markdown"))
    assert [lk.status for lk in rep.links] == ["resolved"] * resolved
    assert rep.diagnostics == ()


CJK_LIST = (
    "\n\n## 参考文献\n\n"
    "1. 山田太郎. 日本の経済と社会[M]. 東京: 岩波書店, 2015.\n"
    "2. 田中一郎, 佐藤花子. 地方市場の変化[J]. 経済研究, 2018, 12(3): 45-60.\n"
    "3. 王小明, 李华, 张伟. 城市化研究[J]. 地理学报, 2019, 74(2): 1-10.\n"
    "4. 鈴木健, 高橋誠, 伊藤学. 市場の歴史[M]. 東京: 有斐閣, 2017.\n"
    "5. 김민준, 이서연. 한국 경제의 미래. 서울: 박영사, 2016.\n"
)


@pytest.mark.parametrize(
    ("prose", "expected"),
    [
        # names after other words, with no space before them
        ("近年の研究では鈴木ほか（2017）が詳しい。", [(("鈴木",), True, "resolved")]),
        (
            "これに対して田中・佐藤（2018）は別の見方を示した。",
            [(("田中", "佐藤"), False, "resolved")],
        ),
        ("有研究表明王小明等(2019)指出，城市化加快。", [(("王小明",), True, "resolved")]),
        (
            "최근 연구에서 김민준과 이서연(2016)은 다르게 본다.",
            [(("김민준", "이서연"), False, "resolved")],
        ),
        # a year the list does not have is still a citation, and reported as a mismatch
        ("これに対して山田（2016）は反論した。", [(("山田",), False, "suggested")]),
        # a one-character surname inside a word is not a citation: 资金 ends in 金, 王 is in 国王
        ("该项目资金(2016)不足，新任国王陛下(2019)出访。", []),
    ],
)
def test_narrative_citations_in_unspaced_prose(prose: str, expected: list) -> None:
    rep = check_source(Source("x.md", prose + CJK_LIST, "markdown"))
    got = [(lk.citation.names, lk.citation.et_al, lk.status) for lk in rep.links]
    assert got == expected


def test_endnote_temporary_citations_link_and_an_unknown_one_says_what_to_do() -> None:
    text = (
        "Trade grew {Okafor, 2016 #12} and salt moved {Brandt, 2019 #31@45; Okafor, 2016 #12}. "
        "Mamani {Mamani, 2011 #40} disagrees.\n\n## References\n\n"
        "Okafor, C. (2016). Shore and the City. Lagos: Lagos University Press.\n\n"
        "Brandt, L. (2019). Salt roads. Journal of Trade, 4(2), 1-10.\n"
    )
    rep = check_source(Source("x.md", text, "markdown"))
    assert [(lk.citation.names, lk.status) for lk in rep.links] == [
        (("Okafor",), "resolved"),
        (("Brandt",), "resolved"),
        (("Okafor",), "resolved"),
        (("Mamani",), "unresolved"),
    ]
    (diag,) = rep.diagnostics
    assert diag.code == "CIT001" and "unformatted EndNote citation" in (diag.help or "")
