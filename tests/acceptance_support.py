"""Helpers of the acceptance tests: the ``planaudit`` command run in-process (click's CliRunner, as a
new process would run it), the real command for the few smoke tests that need a process, and exact
comparison with the expected outputs in tests/acceptance/expected/ (PLANAUDIT_REGENERATE=1 rewrites them)."""

from __future__ import annotations

import contextlib
import io
import os
import subprocess
import sys
import traceback
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from click.testing import CliRunner
from typer.main import get_command

from planaudit.cli import app as cli_app

HERE = Path(__file__).parent / "acceptance"
EXAMPLES = HERE.parent / "examples"
EXPECTED = HERE / "expected"

PROGRAM = "python -m planaudit"  # the name a usage line shows, as `python -m planaudit` shows it
RUN_ENVIRONMENT: dict[str, str | None] = {  # what every run sees, whatever the test's own environment: None unsets
    "LANG": "C.UTF-8", "PYTHONIOENCODING": "utf-8", "SOURCE_DATE_EPOCH": "1700000000",
    "LC_ALL": None, "LC_MESSAGES": None, "PLANAUDIT_DATA": None, "COLUMNS": None, "LINES": None,
    "GITHUB_STEP_SUMMARY": None, "GITHUB_BASE_REF": None, "GITHUB_WORKSPACE": None,
}


@dataclass(frozen=True)
class Run:
    """A finished run of the command: what tests read of a subprocess.CompletedProcess."""

    args: tuple[str, ...]
    returncode: int
    stdout: str
    stderr: str


def planaudit(*args: str, data: str | None = "basic", env: Mapping[str, str | None] | None = None,
              cwd: Path | None = None, input: str | bytes | None = None) -> Run:
    """``planaudit *args --data tests/examples/<data>`` run in this process, with standard output and
    standard error apart, in ``cwd``, under RUN_ENVIRONMENT and then ``env``: the exit status and text a
    new process would give (an unexpected exception is its traceback on standard error and status 1)."""
    arguments = (*args, *(("--data", str(EXAMPLES / data)) if data else ()))
    environment = {**RUN_ENVIRONMENT, **_checked_out(data), **(env or {})}
    with _inside(cwd), _environment(environment):  # the command line keeps no state between runs
        result = CliRunner().invoke(get_command(cli_app.app), arguments, input=input, prog_name=PROGRAM,
                                    terminal_width=_help_width())
    stderr = _text(result.stderr_bytes)
    status = result.exit_code
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        stderr += "".join(traceback.format_exception(result.exception))
        status = 1
    return Run(arguments, status, _text(result.stdout_bytes), stderr)


def planaudit_process(*args: str, data: str | None = "basic", env: Mapping[str, str | None] | None = None,
                      cwd: Path | None = None, command: tuple[str, ...] = (sys.executable, "-m", "planaudit"),
                      timeout: float = 60, **options) -> subprocess.CompletedProcess[str]:
    """The same run as a real process — for the smoke tests that need one: the console script's
    start-up, a closed or broken standard output, the real streams' encoding, import time."""
    arguments = (*args, *(("--data", str(EXAMPLES / data)) if data else ()))
    environment = {**os.environ, **RUN_ENVIRONMENT, **_checked_out(data), **(env or {})}
    environment = {name: value for name, value in environment.items() if value is not None}
    streams = {"capture_output": True} if "stdout" not in options and "stderr" not in options else {}
    return subprocess.run([*command, *arguments], text=True, encoding="utf-8", env=environment, cwd=cwd,
                          timeout=timeout, **streams, **options)


def _checked_out(data: str | None) -> dict[str, str | None]:
    """An example run as the data repository it is, checked out on its own: GitHub's workspace is its
    folder, so annotations and SARIF name its files from there (not from planaudit's own repository,
    which holds it)."""
    return {"GITHUB_WORKSPACE": str(EXAMPLES / data) if data else None}


def _text(output: bytes) -> str:
    """Bytes written to a stream, read back as a subprocess run with text=True reads them (universal newlines)."""
    return io.TextIOWrapper(io.BytesIO(output), encoding="utf-8").read()


def _help_width() -> int:
    """The width click draws --help in off a terminal, as shutil.get_terminal_size sees it: $COLUMNS, else 80."""
    columns = os.environ.get("COLUMNS", "")
    return max(min(int(columns) if columns.isdecimal() and int(columns) > 0 else 80, 80) - 2, 50)


@contextlib.contextmanager
def _inside(directory: Path | None) -> Iterator[None]:
    """The run's working directory (a process-wide setting: each pytest-xdist worker is a process of its own)."""
    before = os.getcwd()
    if directory is not None:
        os.chdir(directory)
    try:
        yield
    finally:
        os.chdir(before)


@contextlib.contextmanager
def _environment(changes: Mapping[str, str | None]) -> Iterator[None]:
    """The process's environment with ``changes`` (None unsets), restored after."""
    before = dict(os.environ)
    for name, value in changes.items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value
    try:
        yield
    finally:
        os.environ.clear()
        os.environ.update(before)


def assert_matches(name: str, text: str) -> None:
    expected = EXPECTED / name
    if os.environ.get("PLANAUDIT_REGENERATE"):
        expected.write_text(text, encoding="utf-8")
    assert text == expected.read_text(encoding="utf-8")
