"""A report gives a metric in other forms than the target asks: a projection (预计), shown and never
deciding; the year's mean, which decides a target on the year's average (年均) and is named — not
"no figure" — where the target asks for the year's end."""

from __future__ import annotations

import json

from planaudit import Reason, Verdict, api
from planaudit.model.problems import Code
from planaudit.report import reporter_class
from planaudit.report.explain import render_explanation
from support import COUNT_METRICS, RepoBuilder

RATE_TARGET = "- {id: r, title: 结案率90%以上, metric: rate, rule: at_least, value: 90, quote: 结案率达90%以上}"


def judged(tmp_path, figures: str, target: str = RATE_TARGET):
    (item,) = RepoBuilder(tmp_path).rules(COUNT_METRICS).targets(target).outcomes(figures).audit().results
    return item


def test_a_projected_figure_is_shown_and_decides_nothing(tmp_path):
    item = judged(tmp_path, "- {metric: rate, value: 95%, projected: true, quote: 预计全年结案率95%}")
    assert (item.verdict, item.reason, item.actual) == (Verdict.UNMEASURED, Reason.PROJECTED, None)
    assert [figure.provenance.quote for figure in item.projected] == ["预计全年结案率95%"]
    assert "  projected: outcomes/2022/testville.yaml:4 “预计全年结案率95%”" in render_explanation(item)
    assert "Verdict: unmeasured — only a projection (预计) (the report only projects rate (end 2022-12-31), and a " \
           "projection decides nothing)" in render_explanation(item)


def test_a_projection_beside_a_stated_figure_leaves_the_verdict_to_the_stated_one(tmp_path):
    item = judged(tmp_path, "- {metric: rate, value: 85%, quote: 结案率85%}\n"
                            "- {metric: rate, value: 95%, projected: true, quote: 预计全年结案率95%}")
    assert (item.verdict, item.actual.value.point if item.actual else None) == (Verdict.MISSED, 85)


def test_json_lists_the_projections(tmp_path):
    builder = RepoBuilder(tmp_path).rules(COUNT_METRICS).targets(RATE_TARGET)
    builder.outcomes("- {metric: rate, value: 95%, projected: true, quote: 预计全年结案率95%}")
    (row,) = json.loads(reporter_class("json")("en").render(builder.audit()))["results"]
    assert (row["reason"], [figure["quote"] for figure in row["projected"]]) == ("projected", ["预计全年结案率95%"])


def test_a_mean_where_the_end_is_asked_is_named_not_called_missing(tmp_path):
    item = judged(tmp_path, "- {metric: rate, value: 92%, aggregate: mean, quote: 全年平均结案率92%}")
    assert (item.verdict, item.reason) == (Verdict.UNMEASURED, Reason.WRONG_AGGREGATE)
    assert "the target asks for rate at its period's end; the report gives only mean 2022-12-31" in \
        render_explanation(item)


def test_a_target_on_the_year_s_mean_is_judged_on_the_mean(tmp_path):
    target = RATE_TARGET.replace("quote:", "aggregate: mean, quote: 全年平均")
    item = judged(tmp_path, "- {metric: rate, value: 92%, aggregate: mean, quote: 全年平均结案率92%}\n"
                            "- {metric: rate, value: 80%, quote: 年末结案率80%}", target)
    assert (item.verdict, item.reason) == (Verdict.MET, Reason.STATED)
    assert item.actual is not None and item.actual.figure is not None and item.actual.figure.span.aggregate == "mean"


def test_a_target_on_the_year_s_mean_says_what_the_report_gives_instead(tmp_path):
    target = RATE_TARGET.replace("quote:", "aggregate: mean, quote: 全年平均")
    item = judged(tmp_path, "- {metric: rate, value: 80%, quote: 年末结案率80%}", target)
    assert (item.verdict, item.reason) == (Verdict.UNMEASURED, Reason.WRONG_AGGREGATE)
    assert "the target is on the year's mean of rate; the report gives end 2022-12-31" in render_explanation(item)


def test_a_mean_over_the_year_cannot_also_hold_through_it(tmp_path):
    RepoBuilder(tmp_path).rules(COUNT_METRICS).targets(
        RATE_TARGET.replace("rule: at_least,", "rule: at_least, over: year, aggregate: mean,")).outcomes("[]")
    assert [problem.code for problem in api.validate(tmp_path)] == [Code.VALUE_FORBIDDEN]
