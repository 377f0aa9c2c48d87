"""Progress: the library reports files read; the command draws a bar only on a terminal."""

import pytest
from typer.testing import CliRunner

from planaudit import api
from planaudit.cli.app import app
from support import COUNT_METRICS, RepoBuilder


def repository(tmp_path, jurisdictions=5):
    builder = RepoBuilder(tmp_path).rules(COUNT_METRICS)
    for index in range(jurisdictions):
        name = f"county{index}"
        builder.targets("- {id: a, title: t, metric: cases, rule: at_least, value: 1, quote: q}", jurisdiction=name)
        builder.outcomes("- {metric: cases, value: 2, quote: q}", jurisdiction=name)
    return builder


def test_progress_counts_every_file_read_a_jurisdiction_at_a_time(tmp_path):
    calls = []
    repository(tmp_path).audit()
    api.audit(tmp_path, 2022, progress=lambda done, total: calls.append((done, total)))
    assert calls == [(1, 11), (3, 11), (5, 11), (7, 11), (9, 11), (11, 11)]  # the rules file, then 5 × (plan, report)


def test_no_progress_bar_when_piped(tmp_path):
    repository(tmp_path, jurisdictions=30)
    result = CliRunner().invoke(app, ["check", "2022", "--data", str(tmp_path)], env={"LANG": "C.UTF-8"})
    assert result.exit_code == 0 and result.stderr == ""


def stderr_on_a_terminal(root) -> bytes:
    """What `planaudit validate` draws on standard error when that is a terminal."""
    import os
    import pty
    import subprocess
    import sys

    controller, terminal = pty.openpty()
    environment = {**os.environ, "PLANAUDIT_CACHE_DIR": str(root / "cache"), "TERM": "xterm"}
    completed = subprocess.run([sys.executable, "-m", "planaudit", "validate", "--data", str(root)],
                               stdout=subprocess.DEVNULL, stderr=terminal, env=environment, timeout=120)
    os.close(terminal)
    drawn = b""
    while True:
        try:
            chunk = os.read(controller, 65536)
        except OSError:  # the terminal's other end is closed: all was read
            break
        if not chunk:
            break
        drawn += chunk
    os.close(controller)
    assert completed.returncode == 0
    return drawn


@pytest.mark.process  # standard error a real terminal (a pty)
def test_a_progress_bar_on_a_terminal_when_many_files_are_read(tmp_path):
    repository(tmp_path, jurisdictions=30)  # 61 files: above the bar's threshold of 50
    drawn = stderr_on_a_terminal(tmp_path)
    assert b"reading" in drawn and b"\x1b[" in drawn


def test_no_progress_bar_for_a_few_files_even_on_a_terminal(tmp_path):
    repository(tmp_path, jurisdictions=5)
    assert b"reading" not in stderr_on_a_terminal(tmp_path)
