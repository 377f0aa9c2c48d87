"""judge/compare: one jurisdiction's audit at two revisions, compared."""

from __future__ import annotations

import pytest

from planaudit.judge.compare import compare_figures, compare_inconsistencies, compare_targets
from planaudit.model.changes import Change
from planaudit.read.layout import DataFile
from planaudit.read.load import read_file
from support import CASES_TARGET, COUNT_METRICS, JURISDICTION, RepoBuilder

TARGETS = """
- id: closure
  title: 结案率达90%以上
  metric: rate
  rule: at_least
  value: 90%
  quote: 结案率达90%以上
""" + CASES_TARGET.lstrip("\n") + """\
- id: open
  title: 开通服务
  metric: open
  rule: achieved
  quote: 开通服务
"""
FIGURES = """
- metric: cases
  value: 282
  quote: 受理282件
- metric: closed
  value: 276
  quote: 结案276件
"""


def side(root, targets=TARGETS, figures=FIGURES):
    return RepoBuilder(root).rules(COUNT_METRICS).targets(targets).outcomes(figures).audit()


def changes(tmp_path, targets=TARGETS, figures=FIGURES):
    before = side(tmp_path / "base")
    after = side(tmp_path / "head", targets, figures)
    return [(item.change, item.target.id) for item in compare_targets(2022, JURISDICTION, before, after)]


def test_the_same_audit_has_no_change(tmp_path):
    assert changes(tmp_path) == []


def test_a_verdict_that_goes_down_is_worse_and_up_better(tmp_path):
    figures = FIGURES.replace("276", "250").replace("282", "310")  # the value and its quote: a value never contradicts it
    assert changes(tmp_path, figures=figures) == [(Change.WORSE, "closure"), (Change.BETTER, "cases")]


def test_met_to_unmeasured_is_worse_too(tmp_path):
    figures = FIGURES.split("- metric: closed")[0]  # the closed count is gone: the rate cannot be derived
    assert changes(tmp_path, figures=figures) == [(Change.WORSE, "closure")]


def test_targets_removed_come_first_then_added_in_the_head_s_order(tmp_path):
    targets = TARGETS.replace("- id: cases", "- id: cases_new").split("- id: open")[0]
    assert changes(tmp_path, targets=targets) == [(Change.REMOVED, "cases"), (Change.REMOVED, "open"),
                                                  (Change.ADDED, "cases_new")]


def test_the_same_verdict_on_other_evidence_is_revised(tmp_path):
    assert changes(tmp_path, figures=FIGURES.replace("276", "270")) == [(Change.REVISED, "closure")]


@pytest.mark.parametrize(("before", "after", "change"), [
    ("rule: at_least\n  value: 300\n  quote: 受理300件以上", "rule: at_least\n  value: 290\n  quote: 受理290件以上",
     Change.LOOSENED),  # a lower floor, its quote with it; the verdict did not move
    ("rule: at_least\n  value: 300\n  quote: 受理300件以上", "rule: more_than\n  value: 300\n  quote: 受理超过300件",
     Change.TIGHTENED),  # ≥ 300 → > 300
    ("rule: at_least\n  value: 300\n  quote: 受理300件以上", "rule: at_most\n  value: 300\n  quote: 受理300件以内",
     Change.REDEFINED),  # a floor made a ceiling: no order
    ("rule: at_least\n  value: 300\n  quote: 受理300件以上", "rule: at_least\n  value: 300\n  quote: 全年受理300件以上",
     Change.REDEFINED),  # the plan's words alone
    ("rule: at_least\n  value: 300\n  quote: 受理300件以上",
     "rule: at_least\n  value: 300\n  deadline: 2022-06-30\n  quote: 受理300件以上", Change.TIGHTENED),  # a deadline added
])
def test_a_redefined_target_is_named_by_how_its_definition_moved(tmp_path, before, after, change):
    base, head = TARGETS, TARGETS.replace(before, after)
    assert head != base
    found = compare_targets(2022, JURISDICTION, side(tmp_path / "base", base), side(tmp_path / "head", head))
    assert [(item.change, item.target.id) for item in found] == [(change, "cases")]


def test_a_loosened_target_met_is_loosened_not_better(tmp_path):
    """≥ 300 missed on 282; ≥ 280 met on it: the evidence did not change, the target did."""
    figures = FIGURES.replace("276", "270")
    before = side(tmp_path / "base", figures=figures)
    after = side(tmp_path / "head", TARGETS.replace("value: 300\n  quote: 受理300件以上", "value: 280\n  quote: 受理280件以上"),
                 figures)
    (item,) = compare_targets(2022, JURISDICTION, before, after)
    assert (item.change, item.before.verdict.value, item.after.verdict.value) == (Change.LOOSENED, "missed", "met")


def test_a_line_moved_by_an_edit_above_is_no_change(tmp_path):
    assert changes(tmp_path, targets="# a comment\n" + TARGETS, figures="# note\n" + FIGURES) == []


def test_what_a_target_cites_is_part_of_what_it_says(tmp_path):
    """Its plan's words (what it asks: redefined) and its section (how it is shown: revised) are
    compared; where it stands in its file is not."""
    assert changes(tmp_path, targets=TARGETS.replace("quote: 开通服务", "quote: 开通服务热线")) == [(Change.REDEFINED, "open")]
    sectioned = TARGETS.replace("  quote: 开通服务\n", "  quote: 开通服务\n  section: 二\n")
    assert changes(tmp_path, targets=sectioned) == [(Change.REVISED, "open")]


def test_a_plan_that_is_new_adds_every_target(tmp_path):
    after = side(tmp_path / "head")
    found = compare_targets(2022, JURISDICTION, None, after)
    assert [(item.change, item.target.id, item.before, item.name) for item in found] == [
        (Change.ADDED, "closure", None, JURISDICTION), (Change.ADDED, "cases", None, JURISDICTION),
        (Change.ADDED, "open", None, JURISDICTION)]


def report(root, figures):
    RepoBuilder(root).rules(COUNT_METRICS).outcomes(figures)
    path = root / "outcomes" / "2022" / f"{JURISDICTION}.yaml"
    return read_file(root, DataFile(path, f"outcomes/2022/{JURISDICTION}.yaml", "outcomes", 2022, JURISDICTION)).item


def test_figures_are_paired_by_metric_scope_and_date(tmp_path):
    before = report(tmp_path / "base", FIGURES + "- metric: open\n  value: true\n  quote: 已开通\n")
    after = report(tmp_path / "head", "# moved\n" + FIGURES.replace("受理282件", "受理 282 件")
                   + "- metric: share\n  value: 0.5\n  quote: 一半\n")
    found = compare_figures(2022, JURISDICTION, before, after)
    assert [(item.change, item.figure.metric, item.before and item.before.provenance.quote,
             item.after and item.after.provenance.quote)
            for item in found] == [(Change.REVISED, "cases", "受理282件", "受理 282 件"),
                                   (Change.ADDED, "share", None, "一半"), (Change.REMOVED, "open", "已开通", None)]


def test_inconsistencies_that_appear_go_or_change_their_gap(tmp_path):
    stated = "- metric: rate\n  value: 91%\n  quote: 结案率91%\n"
    plain = side(tmp_path / "plain")
    inconsistent = side(tmp_path / "inconsistent", figures=FIGURES + stated)
    other = side(tmp_path / "other", figures=FIGURES + stated.replace("91%", "90%"))
    assert [item.change for item in compare_inconsistencies(2022, JURISDICTION, plain, inconsistent)] == [Change.ADDED]
    assert [item.change for item in compare_inconsistencies(2022, JURISDICTION, inconsistent, plain)] == [Change.REMOVED]
    # 91% then 90% against 97.87% from the counts: the gap grew (6.37 → 7.37 points, each by its rounding)
    assert [(item.change, item.metric) for item in compare_inconsistencies(2022, JURISDICTION, inconsistent, other)] == [
        (Change.WORSE, "rate")]
    assert [(item.change, item.metric) for item in compare_inconsistencies(2022, JURISDICTION, other, inconsistent)] == [
        (Change.BETTER, "rate")]


def test_a_figure_s_aggregate_makes_it_another_figure(tmp_path):
    before = report(tmp_path / "base", "- {metric: cases, value: 282, quote: 受理282件}\n")
    after = report(tmp_path / "head", "- {metric: cases, value: 282, aggregate: max, quote: 受理282件}\n")
    assert [item.change for item in compare_figures(2022, JURISDICTION, before, after)] == [Change.ADDED, Change.REMOVED]


def test_an_inconsistency_that_now_keeps_a_verdict_from_being_given_is_worse_though_its_gap_shrank(tmp_path):
    stated = "- metric: rate\n  value: 91%\n  quote: 结案率91%\n"
    before = side(tmp_path / "base", figures=FIGURES + stated)  # ≥ 90%: 91% and 97.87% both meet it
    stricter = TARGETS.replace("value: 90%\n  quote: 结案率达90%以上", "value: 95%\n  quote: 结案率达95%以上")
    after = side(tmp_path / "head", stricter, FIGURES + stated.replace("91%", "93%"))  # ≥ 95%: 93% misses, 97.87% meets
    assert [item.reason.value for item in after.results if item.target.id == "closure"] == ["contested"]
    assert [item.change for item in compare_inconsistencies(2022, JURISDICTION, before, after)] == [Change.WORSE]


def renamed(root, targets=TARGETS):
    """The plan and report as lakeside's: a jurisdiction renamed."""
    builder = RepoBuilder(root).rules(COUNT_METRICS)
    builder.targets(targets, jurisdiction="lakeside").outcomes(FIGURES, jurisdiction="lakeside")
    return builder.audit()


def test_a_plan_moved_whole_to_another_jurisdiction_is_moved_not_removed_and_added(tmp_path):
    from planaudit.judge.compare import moves

    went = compare_targets(2022, JURISDICTION, side(tmp_path / "plan"), None)  # the plan left testville …
    came = compare_targets(2022, "lakeside", None, renamed(tmp_path / "renamed"))  # … for lakeside: the same targets
    found = moves([*went, *came])
    assert [(item.change, item.jurisdiction, item.target.id, item.moved_from) for item in found] == [
        (Change.MOVED, "lakeside", target_id, (2022, JURISDICTION)) for target_id in ("closure", "cases", "open")]
    assert all(item.before is not None and item.after is not None for item in found)


def test_a_plan_only_partly_moved_stays_removed_and_added(tmp_path):
    from planaudit.judge.compare import moves

    went = compare_targets(2022, JURISDICTION, side(tmp_path / "plan"), None)
    came = compare_targets(2022, "lakeside", None, renamed(tmp_path / "renamed", TARGETS.split("- id: open")[0]))
    assert [item.change for item in moves([*went, *came])] == [Change.REMOVED] * 3 + [Change.ADDED] * 2
