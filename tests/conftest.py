"""Shared fixtures: where the project's own test data and the optional shared data live."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent
DATA = TESTS / "data"
# The evaluation data folder lives beside the repository, not in it.
SHARED = Path(os.environ.get("CITEKIT_SHARED", ROOT.parent / "shared")).resolve()


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The ../shared data folder; tests that need it are skipped where it is absent."""
    if not SHARED.is_dir():
        pytest.skip(f"shared data folder not found at {SHARED} (set CITEKIT_SHARED)")
    return SHARED


@pytest.fixture(scope="session")
def data_dir() -> Path:
    return DATA


@pytest.fixture(scope="session")
def root_dir() -> Path:
    return ROOT
