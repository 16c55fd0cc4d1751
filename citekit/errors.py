"""Exceptions for misuse and IO.  Content problems are Diagnostics, not exceptions."""

from __future__ import annotations


class CitekitError(Exception):
    """An error the CLI reports as a clear message with exit code 2."""

    exit_code = 2


class InputError(CitekitError):
    """A file that cannot be read or decoded (binary, bad encoding, missing)."""


class ConfigError(CitekitError):
    """A bad ``[tool.citekit]`` / ``citekit.toml`` setting or command-line option."""


class NetworkError(CitekitError):
    """A remote service could not be reached or answered badly after retries."""
