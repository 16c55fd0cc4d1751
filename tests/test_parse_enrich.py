"""``citekit parse --enrich`` and the enrich settings taken from ``[tool.citekit]``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from citekit.cli import main
from citekit.config import load_config
from citekit.enrich.index import build_index
from citekit.errors import ConfigError

LIST = """References

1. Nye Joseph S., Soft Power: The Means to Success in World Politics, New York, PublicAffairs, 2004
2. Ostrom Elinor, A Made-Up Book That No Index Holds, Nowhere Press, 1871
"""


@pytest.fixture(autouse=True)
def private_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CITEKIT_CACHE", str(tmp_path / "cache.sqlite"))
    monkeypatch.setenv("CITEKIT_MAILTO", "tests@example.org")
    monkeypatch.chdir(tmp_path)


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exit_info:
        main(args)
    out, err = capsys.readouterr()
    return int(exit_info.value.code or 0), out, err


def test_parse_enrich_offline_with_index(
    tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    index = tmp_path / "works.sqlite"
    build_index([str(data_dir / "enrich" / "works.jsonl")], str(index))
    doc = tmp_path / "list.txt"
    doc.write_text(LIST, encoding="utf-8")
    code, out, err = run(
        ["parse", str(doc), "--format", "csl-json", "--enrich", "--offline", "--index", str(index)],
        capsys,
    )
    assert code == 0
    items = json.loads(out)
    assert len(items) == 2
    # the 2004 book, not the 1990 article of the same title
    assert items[0].get("DOI") == "10.5555/book.softpower.2004"
    assert "DOI" not in items[1]
    assert "10.5555/book.softpower.2004" in err  # the report goes to stderr


def test_parse_without_enrich_adds_no_doi(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    doc = tmp_path / "list.txt"
    doc.write_text(LIST, encoding="utf-8")
    code, out, _ = run(["parse", str(doc), "--format", "csl-json"], capsys)
    assert code == 0
    assert all("DOI" not in item for item in json.loads(out))


def test_config_mailto_and_api_url(tmp_path: Path) -> None:
    cfg = tmp_path / "citekit.toml"
    cfg.write_text('mailto = "me@example.org"\napi-url = "http://127.0.0.1:9"\n', encoding="utf-8")
    settings = load_config(cfg)
    assert settings.mailto == "me@example.org"
    assert settings.api_url == "http://127.0.0.1:9"
    cfg.write_text("mailto = 3\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="mailto"):
        load_config(cfg)
