"""Umbrella targets (items:): each item judged as a target of its own, the umbrella met only when
every item is, missed when one is — and every format saying how many items are met."""

from __future__ import annotations

import json

import pytest

from planaudit import Reason, Verdict
from planaudit.report import reporter_class
from planaudit.report.display import actual_text, target_id_text, threshold_text
from planaudit.report.explain import render_explanation
from planaudit.report.i18n import detail_text
from support import RepoBuilder, load_repository

METRICS = """
metrics:
  brand: {label: 品牌, unit: boolean}
  model: {label: 模式, unit: boolean}
  studios: {label: 工作室, unit: item}
"""
UMBRELLA = """
- id: programme
  title: 实施“3+3+3”工程
  quote: 实施“3+3+3”工程
  items:
    - {id: brand, title: 推出品牌, metric: brand, rule: achieved, quote: 推出品牌}
    - {id: model, title: 创新模式, metric: model, rule: achieved, quote: 创新模式}
    - {id: studios, title: 打造2个工作室, metric: studios, rule: at_least, value: 2, quote: 打造2个工作室}
- {id: after, title: 其他, metric: studios, rule: at_least, value: 1, quote: 其他1个}
"""


def audit(tmp_path, figures):
    return RepoBuilder(tmp_path).rules(METRICS).targets(UMBRELLA).outcomes(figures).audit()


@pytest.mark.parametrize(("figures", "verdict", "met"), [
    ("[{metric: brand, value: true, quote: 推出}, {metric: model, value: true, quote: 创新}, "
     "{metric: studios, value: 3, quote: 3个}]", Verdict.MET, 3),
    ("[{metric: brand, value: true, quote: 推出}, {metric: model, value: false, quote: 未创新}, "
     "{metric: studios, value: 3, quote: 3个}]", Verdict.MISSED, 2),  # one item missed: the umbrella is
    ("[{metric: brand, value: true, quote: 推出}, {metric: studios, value: 3, quote: 3个}]",
     Verdict.UNMEASURED, 2),  # the report is silent on one item
    ("[{metric: brand, value: true, quote: 推出}, {metric: studios, value: 1, quote: 1个}]",
     Verdict.MISSED, 1),  # missed outweighs unmeasured
])
def test_the_umbrella_is_decided_by_its_items(tmp_path, figures, verdict, met):
    umbrella, *items, after = audit(tmp_path, figures).results
    assert (umbrella.target.id, umbrella.verdict, umbrella.reason) == ("programme", verdict, Reason.ITEMS)
    assert [item.target.id for item in items] == ["brand", "model", "studios"] == list(umbrella.target.items)
    assert [item.target.parent for item in items] == ["programme"] * 3 and after.target.parent is None
    assert umbrella.items == tuple(items)  # the very results listed after it
    assert actual_text(umbrella, "en") == f"{met} of 3 items met"


def test_every_format_says_how_many_items_are_met(tmp_path):
    result = audit(tmp_path, "[{metric: brand, value: true, quote: 推出}, {metric: studios, value: 3, quote: 3个}]")
    umbrella, brand = result.results[:2]
    assert (threshold_text(umbrella, "zh"), actual_text(umbrella, "zh")) == ("各分项均达标", "3个分项中2项达标")
    assert detail_text(umbrella.detail, "en") == "2 of 3 items met, 0 missed, 1 unmeasured"
    assert (target_id_text(umbrella), target_id_text(brand)) == ("programme", "↳ brand")
    rows = json.loads(reporter_class("json")("en").render(result))["results"]
    assert [(row["id"], row["parent"], row["items"], row["verdict"]) for row in rows[:2]] == [
        ("programme", None, ["brand", "model", "studios"], "unmeasured"), ("brand", "programme", [], "met")]
    markdown = reporter_class("markdown")("en").render(result)
    assert "| 实施“3+3+3”工程 | `programme` targets/2022/testville.yaml:4 | every item met | 2 of 3 items met |" in (
        " ".join(markdown.split()).replace("| |", "|"))
    assert "`brand` ∈ `programme` targets/2022/testville.yaml:8" in markdown
    assert render_explanation(umbrella).splitlines()[3:9] == [
        "Threshold: every item met", "Actual: 2 of 3 items met", "  brand: met (judged) — 推出品牌",
        "  model: unmeasured — 创新模式", "  studios: met (measured) — 打造2个工作室",
        "Verdict: unmeasured — judged on its items (2 of 3 items met, 0 missed, 1 unmeasured)"]


def test_items_are_read_where_they_stand(tmp_path):
    RepoBuilder(tmp_path).rules(METRICS).targets(UMBRELLA).outcomes("[]")
    plan = load_repository(tmp_path, [2022], [2022]).repository.plans[(2022, "testville")]
    assert [(target.id, target.location.line, target.location.col) for target in plan.targets] == [
        ("programme", 4, 5), ("brand", 8, 9), ("model", 9, 9), ("studios", 10, 9), ("after", 11, 5)]


@pytest.mark.parametrize(("targets", "found"), [
    (UMBRELLA.replace("  title: 实施“3+3+3”工程\n", "  title: 实施“3+3+3”工程\n  metric: brand\n"),
     [(6, "value-forbidden", "an umbrella target (with items:) takes no metric: each item has its own")]),
    (UMBRELLA.replace("{id: model, title: 创新模式,", "{id: model, items: [], title: 创新模式,"),
     [(9, "schema", None)]),  # an item's items: too few, and one level only
    (UMBRELLA.replace("{id: model, title: 创新模式, metric: model, rule: achieved, quote: 创新模式}",
                      "{id: model, title: 创新模式, quote: 创新模式, items: [{id: m1, title: a, metric: model, rule: achieved, "
                      "quote: a}, {id: m2, title: b, metric: model, rule: achieved, quote: b}]}"),
     [(9, "value-forbidden", "an item takes no items of its own: list them all under 'programme'")]),
    ("- {id: lone, title: t, quote: q}", [(4, "schema", "'metric' is required"), (4, "schema", "'rule' is required")]),
    (UMBRELLA.replace("{id: studios,", "{id: brand,"), [(10, "duplicate-id", None)]),
])
def test_what_an_umbrella_may_not_say(tmp_path, targets, found):
    RepoBuilder(tmp_path).rules(METRICS).targets(targets).outcomes("[]")
    problems = load_repository(tmp_path, [2022], [2022]).problems
    assert [(problem.line, problem.code.value) for problem in problems] == [(line, code) for line, code, _ in found]
    assert [problem.message for problem, (_, _, message) in zip(problems, found, strict=True) if message] == [
        message for _, _, message in found if message]


def test_an_umbrella_met_on_a_claim_is_asserted_and_a_waived_item_does_not_make_it_fail(tmp_path):
    claimed = RepoBuilder(tmp_path / "claimed").rules(METRICS).targets(UMBRELLA).outcomes("""
        - {metric: brand, value: true, quote: 推出}
        - {metric: studios, value: 3, quote: 3个}
        """)
    claimed.write("outcomes/2022/testville.yaml", claimed.root.joinpath("outcomes/2022/testville.yaml").read_text(
        encoding="utf-8") + "assertions:\n  - {asserts: [model], quote: 模式已创新}\n")
    result = claimed.audit()
    umbrella = result.results[0]
    assert (umbrella.verdict, umbrella.reason, result.summary.asserted) == (Verdict.MET, Reason.ASSERTED, 1)  # once
    assert (result.summary.items, result.summary.items_met) == (3, 3)  # its items, counted apart
    waived = RepoBuilder(tmp_path / "waived").rules(METRICS).targets(UMBRELLA.replace(
        "rule: at_least, value: 2, quote: 打造2个工作室}",
        "rule: at_least, value: 2, quote: 打造2个工作室, waiver: {reason: 目标调整}}")).outcomes("""
        - {metric: brand, value: true, quote: 推出}
        - {metric: model, value: true, quote: 创新}
        - {metric: studios, value: 1, quote: 1个}
        """).audit()
    umbrella, *items, _ = waived.results
    assert [(item.verdict, item.waived) for item in items][-1] == (Verdict.MISSED, True)
    assert umbrella.verdict is Verdict.UNMEASURED  # never met, but it does not fail on a waived item


def test_every_summary_counts_an_umbrella_once_and_its_items_apart(tmp_path):
    result = audit(tmp_path, "[{metric: brand, value: true, quote: 推出品牌}, {metric: studios, value: 3, quote: 3个}]")
    summary = result.summary  # programme (unmeasured: model is silent), after (met); brand, model, studios apart
    assert (summary.targets, summary.met, summary.unmeasured, summary.items, summary.items_met) == (2, 1, 1, 3, 2)
    assert reporter_class("table")("en").render(result).rstrip().endswith(
        "2022: 2 targets — 1 met (1 measured), 0 missed, 1 unmeasured; and 3 items of umbrella targets, 2 met")
