"""What a command does between its options and its exit status (planaudit.session.commands): a warm
`check` answers exactly as a cold one did — warnings, reports, files and exit status alike —, errors
are said afresh, the step summary gets the Markdown audit, and dead options are gone."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from planaudit.cli.app import app
from planaudit.run import runner
from support import COUNT_METRICS, RepoBuilder

ENVIRONMENT = {"LANG": "C.UTF-8", "SOURCE_DATE_EPOCH": "1700000000"}
MISSED = "- {id: x, title: 案件1000件以上, metric: cases, rule: at_least, value: 1000, quote: 受理案件1000件以上}"


def repository(root: Path, outcomes: str, settings: str | None = None) -> RepoBuilder:
    builder = RepoBuilder(root).rules(COUNT_METRICS).targets(MISSED).outcomes(outcomes)
    if settings is not None:
        builder.write("planaudit.yaml", settings)
    return builder


WARNED = """
    - {metric: cases, value: 282, quote: 受理案件282件}
    - {metric: closed, value: 276, quote: 办结276件}
    - {metric: share, value: 0.5, quote: 占比五成}
    - {metric: rate, value: 0.98, quote: 结案率98%}
    """  # 0.98 of a percent, where the quote says 98%: a warning (percent-as-ratio)
BROKEN = """
    - {metric: cases, value: 282, quote: 受理案件282件}
    - {metric: nowhere, value: 1, quote: 1件}
    """  # a metric the catalogue does not define: an error


class Run:
    """Everything a run gave: its exit status, standard output and error, and its files' bytes."""

    def __init__(self, root: Path, args: list[str], files: list[Path], years: tuple[str, ...] = ("2022",)) -> None:
        for path in files:
            path.unlink(missing_ok=True)
        result = CliRunner().invoke(app, ["check", *years, *args, "--data", str(root)], env=ENVIRONMENT)
        self.status, self.stdout, self.stderr = result.exit_code, result.stdout_bytes, result.stderr_bytes
        self.files = [path.read_bytes() for path in files]

    def seen(self) -> tuple[int, bytes, bytes, list[bytes]]:
        return self.status, self.stdout, self.stderr, self.files


def judged_runs(monkeypatch) -> list[int]:
    """Counts the runs that judged the audit rather than replaying a recorded one."""
    calls: list[int] = []
    render = runner.render_years

    def counted(*args, **options):
        calls.append(1)
        return render(*args, **options)

    monkeypatch.setattr(runner, "render_years", counted)
    return calls


@pytest.mark.parametrize(("settings", "args"), [
    (None, ["--format", "table"]),
    (None, ["--format", "json", "--fail-on", "missed,inconsistent"]),
    ("lang: zh\n", []),  # said in planaudit.yaml's language, cold and warm
    (None, ["--lang", "zh", "--fail-on", "never"]),
])
def test_a_warm_check_with_warnings_is_byte_for_byte_the_cold_one(tmp_path, monkeypatch, settings, args):
    root = repository(tmp_path / "data", WARNED, settings).root
    files = [tmp_path / "audit.json", tmp_path / "audit.md", tmp_path / "audit.csv"]
    options = [*args, *(arg for path in files for arg in ("-o", str(path)))]
    judged = judged_runs(monkeypatch)
    cold = Run(root, options, files)
    warm = Run(root, options, files)
    uncached = Run(root, [*options, "--no-cache"], files)
    assert judged == [1, 1]  # the warm run was replayed: nothing was judged
    assert warm.seen() == cold.seen() == uncached.seen()
    assert b"percent-as-ratio" in cold.stderr and cold.status == (0 if "never" in args else 1)
    assert all(cold.files)


def test_a_warm_check_of_every_year_is_replayed_until_a_year_is_added(tmp_path, monkeypatch):
    builder = repository(tmp_path / "data", WARNED).targets(MISSED, year=2021)
    files = [tmp_path / "audit.md"]
    judged = judged_runs(monkeypatch)
    cold, warm = (Run(builder.root, ["-o", str(files[0])], files, ("--all",)) for _ in range(2))
    assert judged == [1] and warm.seen() == cold.seen()
    assert cold.status == 1 and b"failed: 1 missed (2022 testville/x)" in cold.stderr  # 2021 has no report
    builder.targets(MISSED, year=2023)
    added = Run(builder.root, ["-o", str(files[0])], files, ("--all",))
    assert judged == [1, 1] and added.stdout != cold.stdout and b"2023" in added.files[0]
    named = Run(builder.root, ["-o", str(files[0])], files, ("2021", "2022", "2023"))
    assert judged == [1, 1] and named.seen() == added.seen()  # the same years, named: the same run, replayed


def test_a_check_with_an_error_is_judged_and_said_afresh_each_time(tmp_path, monkeypatch):
    root = repository(tmp_path / "data", BROKEN).root
    judged = judged_runs(monkeypatch)
    cold, warm = Run(root, [], []), Run(root, [], [])
    assert judged == [1, 1]
    assert warm.seen() == cold.seen()
    assert cold.status == 2 and b"unknown-metric" in cold.stderr


def test_a_single_word_fails_on_that_word_alone(tmp_path):
    root = repository(tmp_path / "data", "- {metric: cases, value: 282, quote: 受理案件282件}").root
    statuses = [Run(root, ["--fail-on", word, "--no-cache"], []).status
                for word in ("missed", "unmeasured", "inconsistent", "never", "inconsistent,missed")]
    assert statuses == [1, 0, 0, 0, 1]


def test_the_step_summary_gets_the_markdown_audit_each_run(tmp_path, monkeypatch):
    root = repository(tmp_path / "data", WARNED).root
    summary = tmp_path / "summary.md"
    summary.write_text("before\n", encoding="utf-8")
    markdown = Run(root, ["--format", "markdown"], []).stdout
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    judged = judged_runs(monkeypatch)
    first, second = Run(root, ["--format", "github"], []), Run(root, ["--format", "github"], [])
    assert judged == [1, 1]  # a run that appends to the summary is never replayed
    assert first.seen() == second.seen() and first.status == 1
    assert summary.read_bytes() == b"before\n" + markdown + markdown


@pytest.mark.parametrize("args", [["validate", "--no-cache"], ["explain", "2022", "testville", "x", "--no-cache"],
                                  ["export", "2022", "--no-cache"]])
def test_options_that_changed_nothing_are_gone(tmp_path, args):
    root = repository(tmp_path / "data", WARNED).root
    result = CliRunner().invoke(app, [*args, "--data", str(root)], env=ENVIRONMENT)
    assert result.exit_code == 2 and "--no-cache" in result.stderr
