"""Helpers of the acceptance tests: the real ``planaudit`` command, and exact comparison with the
expected outputs in tests/acceptance/expected/ (PLANAUDIT_REGENERATE=1 rewrites them)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).parent / "acceptance"
EXAMPLES = HERE.parent / "examples"
EXPECTED = HERE / "expected"


def planaudit(*args: str, data: str | None = "basic", env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "LANG": "C.UTF-8", "PYTHONIOENCODING": "utf-8", "SOURCE_DATE_EPOCH": "1700000000"}
    environment.pop("LC_ALL", None)
    environment.pop("PLANAUDIT_DATA", None)
    environment.pop("COLUMNS", None)
    environment.pop("GITHUB_STEP_SUMMARY", None)
    environment.pop("GITHUB_BASE_REF", None)
    environment.update(env or {})
    data_args = ("--data", str(EXAMPLES / data)) if data else ()
    return subprocess.run([sys.executable, "-m", "planaudit", *args, *data_args],
                          capture_output=True, text=True, encoding="utf-8", env=environment, timeout=60)


def assert_matches(name: str, text: str) -> None:
    expected = EXPECTED / name
    if os.environ.get("PLANAUDIT_REGENERATE"):
        expected.write_text(text, encoding="utf-8")
    assert text == expected.read_text(encoding="utf-8")
