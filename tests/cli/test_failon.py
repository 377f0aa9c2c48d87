"""--fail-on: a set of what fails a run; a single word of the old ladder keeps its meaning."""

from pathlib import Path

import pytest

from planaudit.cli.failon import FailOn, exit_status, failure_text
from support import COUNT_METRICS, JURISDICTION, RepoBuilder


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


LADDER = ["never", "missed", "unmeasured", "inconsistent"]


@pytest.mark.parametrize(
    ("targets", "rate", "expected"),
    [
        (MET, "97.87", [0, 0, 0, 0]),
        (MET, "91", [0, 0, 0, 1]),
        (UNMEASURED, "97.87", [0, 0, 1, 1]),
        (MISSED, "97.87", [0, 1, 1, 1]),
    ],
    ids=["met", "met-inconsistent", "unmeasured", "missed"],
)
def test_a_single_word_keeps_its_meaning_on_the_ladder(tmp_path, targets, rate, expected):
    result = result_with(tmp_path, targets, rate)
    assert [exit_status(result.summary, FailOn.parse(word)) for word in LADDER] == expected


@pytest.mark.parametrize(("targets", "rate", "fail_on", "status"), [
    (UNMEASURED, "91", "missed,inconsistent", 1),  # the inconsistent figure, not the unmeasured target
    (UNMEASURED, "97.87", "missed,inconsistent", 0),  # unmeasured alone does not fail it
    (MISSED, "97.87", "unmeasured,inconsistent", 0),  # exactly the words given
    (UNMEASURED, "97.87", "unmeasured,inconsistent", 1),
])
def test_a_set_fails_on_exactly_its_words(tmp_path, targets, rate, fail_on, status):
    assert exit_status(result_with(tmp_path, targets, rate).summary, FailOn.parse(fail_on)) == status


def test_words_are_written_in_one_order_and_nothing_else_is_a_fail_on():
    assert FailOn.parse("inconsistent, missed").value == "missed,inconsistent"
    assert FailOn.parse("inconsistent").value == "missed,unmeasured,inconsistent"
    assert FailOn.parse("never").value == "never"
    for wrong in ("", "never,missed", "bogus", "missed,,inconsistent"):
        with pytest.raises(ValueError, match="is not a --fail-on"):
            FailOn.parse(wrong)


def test_the_line_that_says_why_a_run_failed(tmp_path):
    targets = "\n".join([MISSED, MISSED.replace("id: x", "id: y"), UNMEASURED])
    overview = result_with(tmp_path, targets, "91").overview()
    assert failure_text(overview, FailOn.parse("missed,inconsistent")) == (
        "failed: 2 missed (testville/x, testville/y), 1 inconsistent figure — --fail-on missed,inconsistent")


def test_every_exit_status_is_decided_by_one_function():
    from planaudit.errors import NoTargets
    from planaudit.model.problems import Code, Problem

    problem = Problem("targets/2022/a.yaml", 1, 1, Code.SCHEMA, "m")
    assert exit_status(usage=True) == exit_status(error=NoTargets(Path("."), 2022)) == 2
    assert exit_status(problems=[problem]) == exit_status(reader_gone=True) == 1
    assert exit_status(problems=[]) == exit_status() == 0


def diff_with(tmp_path, after_targets, after_rate):
    """A DiffResult of one jurisdiction's audit: MET with consistent figures before, then these."""
    from planaudit.judge.compare import compare_inconsistencies, compare_targets
    from planaudit.model.changes import DiffResult

    before = result_with(tmp_path / "base", MET, "97.87")
    after = result_with(tmp_path / "head", after_targets, after_rate)
    return DiffResult("main (abc1234)", "working tree", tuple(compare_targets(2022, JURISDICTION, before, after)), (),
                      tuple(compare_inconsistencies(2022, JURISDICTION, before, after)))


@pytest.mark.parametrize(("targets", "rate", "expected"), [
    (MET, "97.87", [0, 0, 0, 0]),
    (MET.replace("value: 1,", "value: 1000,"), "97.87", [0, 1, 0, 1]),
    (MET, "91", [0, 0, 1, 1]),
], ids=["same", "worse", "new-inconsistency"])
def test_diff_fails_on_a_verdict_worse_or_a_new_inconsistency_as_asked(tmp_path, targets, rate, expected):
    from planaudit.cli.failon import changes_fail_on

    changes = diff_with(tmp_path, targets, rate)
    statuses = [exit_status(fail_on=changes_fail_on(word), changes=changes)
                for word in ("never", "worse", "inconsistent", "worse,inconsistent")]
    assert statuses == expected


def test_diff_says_why_it_failed(tmp_path):
    from planaudit.cli.failon import changes_fail_on, changes_failure_text

    changes = diff_with(tmp_path, MET.replace("value: 1,", "value: 1000,"), "91")
    assert changes_failure_text(changes, changes_fail_on("inconsistent,worse")) == (
        f"failed: 1 verdict worse (2022 {JURISDICTION}/m), 1 new inconsistent figure — --fail-on worse,inconsistent")
    with pytest.raises(ValueError, match="any of worse, inconsistent"):
        changes_fail_on("missed")


def test_diff_with_an_error_at_the_head_exits_2():
    from planaudit.model.changes import DiffResult
    from planaudit.model.problems import Code, Problem

    broken = DiffResult("a", "b", (), (), (), problems=(Problem("targets/2022/x.yaml", 1, 1, Code.YAML_SYNTAX, "bad"),))
    warned = DiffResult("a", "b", (), (), (), problems=(Problem("x", 1, 1, Code.VALUE_NOT_IN_QUOTE, "w"),))
    assert exit_status(fail_on=FailOn.parse("never"), problems=broken.problems, changes=broken) == 2
    assert exit_status(fail_on=FailOn.parse("never"), problems=warned.problems, changes=warned) == 0
