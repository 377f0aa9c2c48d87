"""--fail-on: each level fails on what the one before fails on, and more."""

from pathlib import Path

import pytest

from planaudit.cli.failon import FailOn, exit_status
from support import COUNT_METRICS, RepoBuilder


def result_with(tmp_path, targets, rate="91"):
    builder = RepoBuilder(tmp_path).rules(COUNT_METRICS).targets(targets)
    builder.outcomes(f"""
        - {{metric: cases, value: 282, quote: q}}
        - {{metric: closed, value: 276, quote: q}}
        - {{metric: rate, value: {rate}, quote: q}}
        """)
    return builder.audit()


MET = "- {id: m, title: t, metric: cases, rule: at_least, value: 1, quote: q}"
MISSED = "- {id: x, title: t, metric: cases, rule: at_least, value: 1000, quote: q}"
UNMEASURED = "- {id: u, title: t, metric: share, rule: at_least, value: 1, quote: q}"


@pytest.mark.parametrize(
    ("targets", "rate", "expected"),
    [
        (MET, "97.87", {FailOn.NEVER: 0, FailOn.MISSED: 0, FailOn.UNMEASURED: 0, FailOn.INCONSISTENT: 0}),
        (MET, "91", {FailOn.NEVER: 0, FailOn.MISSED: 0, FailOn.UNMEASURED: 0, FailOn.INCONSISTENT: 1}),
        (UNMEASURED, "97.87", {FailOn.NEVER: 0, FailOn.MISSED: 0, FailOn.UNMEASURED: 1, FailOn.INCONSISTENT: 1}),
        (MISSED, "97.87", {FailOn.NEVER: 0, FailOn.MISSED: 1, FailOn.UNMEASURED: 1, FailOn.INCONSISTENT: 1}),
    ],
    ids=["met", "met-inconsistent", "unmeasured", "missed"],
)
def test_exit_status(tmp_path, targets, rate, expected):
    result = result_with(tmp_path, targets, rate)
    assert {level: exit_status(result.summary, level) for level in FailOn} == expected


def test_every_exit_status_is_decided_by_one_function():
    from planaudit.errors import NoTargets
    from planaudit.model.problems import Code, Problem

    problem = Problem("targets/2022/a.yaml", 1, 1, Code.SCHEMA, "m")
    assert exit_status(usage=True) == exit_status(error=NoTargets(Path("."), 2022)) == 2
    assert exit_status(problems=[problem]) == exit_status(reader_gone=True) == 1
    assert exit_status(problems=[]) == exit_status() == 0
