"""Configuration: [tool.citekit] in pyproject.toml, citekit.toml, validation and discovery."""

from __future__ import annotations

from pathlib import Path

import pytest

from citekit.config import Settings, discover, find_config, load_config
from citekit.errors import ConfigError


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_pyproject_table(tmp_path: Path) -> None:
    cfg = write(
        tmp_path / "pyproject.toml",
        '[project]\nname = "x"\n\n[tool.citekit]\nselect = ["CIT0"]\nignore = ["CIT009"]\n'
        'fail-level = "error"\nformat = "json"\nbib = ["refs.bib", "more.bib"]\ncsl = "items.json"\n',
    )
    s = load_config(cfg)
    assert s.select == ("CIT0",) and s.ignore == ("CIT009",)
    assert s.fail_level == "error" and s.format == "json"
    assert s.bib == (str(tmp_path / "refs.bib"), str(tmp_path / "more.bib"))
    assert s.csl == (str(tmp_path / "items.json"),)


def test_citekit_toml_top_level_or_table(tmp_path: Path) -> None:
    top = write(tmp_path / "citekit.toml", 'ignore = ["CIT1"]\n')
    assert load_config(top).ignore == ("CIT1",)
    table = write(tmp_path / "other.toml", '[tool.citekit]\nextend-ignore = ["CIT9"]\n')
    assert load_config(table).ignore == ("CIT9",)


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ('[tool.citekit]\nselct = ["CIT0"]\n', "unknown key"),
        ('[tool.citekit]\nfail-level = "fatal"\n', "fail-level"),
        ('[tool.citekit]\nformat = "xml"\n', "format"),
        ("[tool.citekit]\nselect = 3\n", "select"),
        ("[tool.citekit\n", "invalid TOML"),
    ],
)
def test_bad_configuration_is_a_config_error(tmp_path: Path, body: str, message: str) -> None:
    cfg = write(tmp_path / "pyproject.toml", body)
    with pytest.raises(ConfigError, match=message):
        load_config(cfg)


def test_missing_explicit_config(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="no such configuration file"):
        load_config(tmp_path / "nope.toml")


def test_discovery_walks_up_and_prefers_citekit_toml(tmp_path: Path) -> None:
    deep = tmp_path / "a" / "b"
    deep.mkdir(parents=True)
    write(tmp_path / "pyproject.toml", '[tool.citekit]\nfail-level = "error"\n')
    assert find_config(deep) == tmp_path / "pyproject.toml"
    assert discover(None, deep).fail_level == "error"
    write(tmp_path / "a" / "citekit.toml", 'fail-level = "info"\n')
    assert discover(None, deep).fail_level == "info"


def test_pyproject_without_table_is_skipped(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", '[project]\nname = "x"\n')
    assert find_config(tmp_path) != tmp_path / "pyproject.toml"


def test_cli_values_override_the_file() -> None:
    s = Settings(select=("CIT0",), fail_level="error")
    t = s.override(select=None, fail_level="warning", format="sarif")
    assert t.select == ("CIT0",) and t.fail_level == "warning" and t.format == "sarif"
