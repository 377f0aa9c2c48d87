"""within_tolerance: an `about` target met only thanks to its tolerance says so, in every format."""

from __future__ import annotations

import csv
import io
import json

import pytest

from planaudit import Reason, Verdict
from planaudit.report import reporter_class
from planaudit.report.explain import render_explanation
from support import COUNT_METRICS, RepoBuilder

TARGET = ("- {id: gdp, title: 增长7%左右, metric: rate, rule: about, value: 7%, tolerance: 0.5%, direction: floor, "
          "quote: 增长7%左右}")


@pytest.fixture
def result(tmp_path):
    builder = RepoBuilder(tmp_path).rules(COUNT_METRICS).targets(TARGET)
    return builder.outcomes("- {metric: rate, value: 6.8%, quote: 增长6.8%}").audit()


def test_the_verdict_is_met_with_its_own_reason_and_why(result):
    (item,) = result.results
    assert (item.verdict, item.reason) == (Verdict.MET, Reason.WITHIN_TOLERANCE)
    assert render_explanation(item, "en").count("met only thanks to the tolerance of 0.5%") == 1


@pytest.mark.parametrize(("name", "shown"), [
    ("table", "met (measured, within tolerance)"), ("markdown", "met (measured, within tolerance)"),
    ("junit", "met only thanks to the tolerance of 0.5%"), ("sarif", "met within the tolerance (about)"),
])
def test_every_human_format_says_so(result, name, shown):
    text = reporter_class(name)("en").render(result)
    assert shown in text
    assert "≈ 7% −0.5%" in text or name == "sarif"


def test_programs_read_the_reason_and_the_tolerance(result):
    (target,) = json.loads(reporter_class("json")("en").render(result))["results"]
    assert (target["verdict"], target["reason"], target["tolerance"], target["direction"]) == (
        "met", "within_tolerance", "0.5", "floor")
    (row,) = csv.DictReader(io.StringIO(reporter_class("csv")("zh").render(result).lstrip("\ufeff")))
    assert (row["reason"], row["reason_text"]) == ("within_tolerance", "在“左右”允许范围内达标")
