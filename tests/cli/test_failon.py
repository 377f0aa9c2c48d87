"""--fail-on: a set of what fails a run, a single word meaning that word alone; and every exit status."""

from pathlib import Path

import pytest

from planaudit.run.failon import FailOn, changes_fail_on, changes_failure_text, exit_status, failure_text
from support import COUNT_METRICS, JURISDICTION, RepoBuilder


def result_with(tmp_path, targets, rate="91", cases="282"):
    builder = RepoBuilder(tmp_path).rules(COUNT_METRICS).targets(targets)
    builder.outcomes(f"""
        - {{metric: cases, value: {cases}, quote: q}}
        - {{metric: closed, value: 276, quote: q}}
        - {{metric: rate, value: {rate}, quote: q}}
        """)
    return builder.audit()


MET = "- {id: m, title: t, metric: cases, rule: at_least, value: 1, quote: q}"
MISSED = "- {id: x, title: t, metric: cases, rule: at_least, value: 1000, quote: q}"
UNMEASURED = "- {id: u, title: t, metric: share, rule: at_least, value: 1, quote: q}"


WORDS = ["never", "missed", "unmeasured", "inconsistent"]


def status(summary, fail_on: FailOn) -> int:
    return exit_status(failed=fail_on.fails(summary))


@pytest.mark.parametrize(
    ("targets", "rate", "expected"),
    [
        (MET, "97.87", [0, 0, 0, 0]),
        (MET, "91", [0, 0, 0, 1]),
        (UNMEASURED, "97.87", [0, 0, 1, 0]),
        (MISSED, "97.87", [0, 1, 0, 0]),
    ],
    ids=["met", "met-inconsistent", "unmeasured", "missed"],
)
def test_a_single_word_fails_on_that_word_alone(tmp_path, targets, rate, expected):
    """The old ladder is gone: `--fail-on inconsistent` no longer fails on missed or unmeasured targets."""
    result = result_with(tmp_path, targets, rate)
    assert [status(result.summary, FailOn.parse(word)) for word in WORDS] == expected


@pytest.mark.parametrize(("targets", "rate", "fail_on", "expected"), [
    (UNMEASURED, "91", "missed,inconsistent", 1),  # the inconsistent figure, not the unmeasured target
    (UNMEASURED, "97.87", "missed,inconsistent", 0),  # unmeasured alone does not fail it
    (MISSED, "97.87", "unmeasured,inconsistent", 0),  # exactly the words given
    (UNMEASURED, "97.87", "unmeasured,inconsistent", 1),
])
def test_a_set_fails_on_exactly_its_words(tmp_path, targets, rate, fail_on, expected):
    assert status(result_with(tmp_path, targets, rate).summary, FailOn.parse(fail_on)) == expected


def test_words_are_written_in_one_order_and_nothing_else_is_a_fail_on():
    assert FailOn.parse("inconsistent, missed").value == "missed,inconsistent"
    assert FailOn.parse("inconsistent").value == "inconsistent"
    assert FailOn.parse("unmeasured").value == "unmeasured"
    assert FailOn.parse("never").value == FailOn.parse(" never ").value == "never"
    for wrong in ("", "never,missed", "bogus", "missed,,inconsistent"):
        with pytest.raises(ValueError, match="is not a --fail-on"):
            FailOn.parse(wrong)


def test_the_line_that_says_why_a_run_failed(tmp_path):
    targets = "\n".join([MISSED, MISSED.replace("id: x", "id: y"), UNMEASURED])
    overview = result_with(tmp_path, targets, "91").overview()
    assert failure_text(overview, FailOn.parse("missed,inconsistent")).render("en") == (
        "failed: 2 missed (testville/x, testville/y), 1 inconsistent figure — --fail-on missed,inconsistent")


def test_past_five_the_targets_are_counted_not_named(tmp_path):
    targets = "\n".join(MISSED.replace("id: x", f"id: x{index}") for index in range(7))
    overview = result_with(tmp_path, targets).overview()
    named = ", ".join(f"testville/x{index}" for index in range(5))
    assert failure_text(overview, FailOn.parse("missed")).render("en") == (
        f"failed: 7 missed ({named}, and 2 more) — --fail-on missed")


def test_every_exit_status_is_decided_by_one_function():
    assert exit_status(unusable=True) == exit_status(unusable=True, failed=True) == 2
    assert exit_status(failed=True) == 1
    assert exit_status() == 0


def test_every_error_carries_exit_status_2():
    from planaudit import errors

    classes = [value for value in vars(errors).values()
               if isinstance(value, type) and issubclass(value, errors.PlanauditError)]
    assert len(classes) > 10
    assert {cls.exit_status for cls in classes} == {2}
    assert errors.NoTargets(Path("."), 2022).exit_status == 2


AT_280 = MET.replace("value: 1,", "value: 280,")  # met on 282 cases


def diff_with(tmp_path, after_targets, after_rate, after_cases="282", before_targets=AT_280):
    """A DiffResult of one jurisdiction's audit: ``before_targets`` met with consistent figures before, then these."""
    from planaudit.judge.compare import compare_inconsistencies, compare_targets
    from planaudit.model.changes import DiffResult

    before = result_with(tmp_path / "base", before_targets, "97.87")
    after = result_with(tmp_path / "head", after_targets, after_rate, after_cases)
    return DiffResult("main (abc1234)", "working tree", tuple(compare_targets(2022, JURISDICTION, before, after)), (),
                      tuple(compare_inconsistencies(2022, JURISDICTION, before, after)))


DIFF_WORDS = ("never", "worse", "inconsistent", "worse,inconsistent", "loosened", "redefined", "removed")


@pytest.mark.parametrize(("targets", "rate", "cases", "expected"), [
    (AT_280, "97.87", "282", [0, 0, 0, 0, 0, 0, 0]),
    (AT_280, "98.92", "279", [0, 1, 0, 1, 0, 0, 0]),  # the evidence moved: 279 < 280 (276 / 279 = 98.92%)
    (AT_280.replace("value: 280,", "value: 1000,"), "97.87", "282", [0, 0, 0, 0, 0, 1, 0]),  # tightened: missed now
    (AT_280.replace("value: 280,", "value: 200,"), "97.87", "282", [0, 0, 0, 0, 1, 1, 0]),  # loosened
    ("[]", "97.87", "282", [0, 0, 0, 0, 0, 0, 1]),  # the target is gone
    (AT_280, "91", "282", [0, 0, 1, 1, 0, 0, 0]),
], ids=["same", "worse", "tightened", "loosened", "removed", "new-inconsistency"])
def test_diff_fails_on_what_is_asked(tmp_path, targets, rate, cases, expected):
    changes = diff_with(tmp_path, targets, rate, cases)
    statuses = [exit_status(failed=changes_fail_on(word).fails_diff(changes)) for word in DIFF_WORDS]
    assert statuses == expected


def test_diff_says_why_it_failed(tmp_path):
    changes = diff_with(tmp_path, AT_280, "91", "279")
    assert changes_failure_text(changes, changes_fail_on("inconsistent,worse")).render("en") == (
        f"failed: 1 verdict worse (2022 {JURISDICTION}/m), 1 new inconsistent figure — --fail-on worse,inconsistent")
    loosened = diff_with(tmp_path / "loosened", AT_280.replace("value: 280,", "value: 200,"), "97.87")
    assert changes_failure_text(loosened, changes_fail_on("worse,loosened")).render("en") == (
        f"failed: 1 target loosened (2022 {JURISDICTION}/m) — --fail-on worse,loosened")
    with pytest.raises(ValueError, match="any of worse, inconsistent, loosened, redefined, removed"):
        changes_fail_on("missed")
