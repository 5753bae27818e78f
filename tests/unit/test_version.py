"""``wolkvox_desktop.__version__`` is a literal (start-up time): it must match pyproject.toml."""

from __future__ import annotations

import re
from importlib import metadata
from pathlib import Path

import pytest

import wolkvox_desktop

PYPROJECT = Path(__file__).resolve().parents[2] / "pyproject.toml"


def pyproject_version(text: str) -> str:
    """``version`` of the ``[project]`` table (no tomllib: Python 3.10 has none)."""
    table = re.search(r"^\[project\][ \t]*$(.*?)(?=^\[|\Z)", text, re.M | re.S)
    assert table is not None, "pyproject.toml has no [project] table"
    found = re.search(r"""^version\s*=\s*["']([^"']+)["']""", table.group(1), re.M)
    assert found is not None, "[project] has no static version"
    return found.group(1)


def test_version_matches_pyproject() -> None:
    assert wolkvox_desktop.__version__ == pyproject_version(PYPROJECT.read_text("utf-8"))


def test_pyproject_version_reads_the_project_table_only() -> None:
    text = (
        '[build-system]\nversion = "9"\n\n[project]\nname = "x"\nversion = "1.2.3"\n\n'
        '[tool.x]\nversion = "8"\n'
    )
    assert pyproject_version(text) == "1.2.3"


def test_installed_metadata_agrees() -> None:
    try:
        installed = metadata.version("wolkvox-desktop")
    except metadata.PackageNotFoundError:
        pytest.skip("wolkvox-desktop is not installed (bare checkout)")
    assert installed == wolkvox_desktop.__version__, (
        "the installed metadata is stale: reinstall (pip install -e .)"
    )
