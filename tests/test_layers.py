"""Imports run only down the layers of docs/architecture.md: the import-linter contract of pyproject.toml."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent

importlinter_cli = pytest.importorskip("importlinter.cli", reason="import-linter is in the test extra")


def test_imports_run_only_down_the_pipeline(capsys: pytest.CaptureFixture[str]) -> None:
    status = importlinter_cli.lint_imports(config_filename=str(ROOT / "pyproject.toml"), no_cache=True)
    assert status == 0, capsys.readouterr().out  # the contract it breaks, and the import that breaks it


def test_the_documented_layers_are_the_contract() -> None:
    if sys.version_info < (3, 11):
        pytest.skip("tomllib is in the standard library from Python 3.11")
    import tomllib

    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    (contract,) = config["tool"]["importlinter"]["contracts"]
    documented = (ROOT / "docs/architecture.md").read_text(encoding="utf-8")
    line = next(text for text in documented.splitlines() if text.startswith("cli → "))
    assert [f"planaudit.{name}" for name in line.split(" → ")] == contract["layers"]


def test_a_back_import_breaks_the_contract(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    """The contract bites: a copy of the package whose model imports the judge fails it."""
    import shutil

    copy = tmp_path / "planaudit"
    shutil.copytree(ROOT / "src/planaudit", copy, ignore=shutil.ignore_patterns("__pycache__", "locale"))
    data = copy / "model/data.py"
    data.write_text(data.read_text(encoding="utf-8") + "\nfrom planaudit.judge import units  # noqa\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    for name in [name for name in sys.modules if name == "planaudit" or name.startswith("planaudit.")]:
        monkeypatch.delitem(sys.modules, name)
    status = importlinter_cli.lint_imports(config_filename=str(ROOT / "pyproject.toml"), no_cache=True)
    assert status != 0
    assert "planaudit.model.data -> planaudit.judge.units" in capsys.readouterr().out
