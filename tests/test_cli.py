"""The command line as a whole: every command documents itself, and errors map to exit codes."""

from __future__ import annotations

import subprocess
import sys

import click
import pytest

from citekit.cli import cli, main


def _commands(group: click.Group, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    found = []
    for name, command in sorted(group.commands.items()):
        path = (*prefix, name)
        found.append(path)
        if isinstance(command, click.Group):
            found.extend(_commands(command, path))
    return found


COMMANDS = _commands(cli)


def test_the_expected_commands_are_registered() -> None:
    top = {path[0] for path in COMMANDS}
    assert {"parse", "check", "rules", "rule", "enrich", "index", "link", "zotero"} <= top


@pytest.mark.parametrize("path", COMMANDS, ids=" ".join)
def test_every_command_has_help(path: tuple[str, ...], capsys: pytest.CaptureFixture[str]) -> None:
    command: click.Command = cli
    for name in path:
        assert isinstance(command, click.Group)
        command = command.commands[name]
    assert command.help and command.help.strip(), f"{' '.join(path)} has no help text"
    with pytest.raises(SystemExit) as info:
        main([*path, "--help"])
    assert info.value.code == 0
    assert "Usage:" in capsys.readouterr().out


def test_unknown_command_and_option_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["no-such-command"])
    assert info.value.code == 2
    with pytest.raises(SystemExit) as info:
        main(["parse", "--no-such-option", "x"])
    assert info.value.code == 2


def test_python_dash_m_runs_the_cli() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "citekit", "--version"], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0
    assert "citekit" in done.stdout
