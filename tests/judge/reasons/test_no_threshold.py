"""no_threshold: a target whose value the source lost (研发投入强度达到3.) is counted, and unmeasured."""

from planaudit import Reason, Verdict
from planaudit.model.data import ValueKind
from planaudit.report import reporter_class
from planaudit.report.display import threshold_text
from support import RepoBuilder, judge


def test_a_lost_value_is_unmeasured_whatever_the_report_says(tmp_path):
    result = judge(tmp_path, "at_least", "unknown", "300")
    assert (result.verdict, result.reason, result.threshold) == (Verdict.UNMEASURED, Reason.NO_THRESHOLD, None)
    assert result.target.value.unknown and result.target.value.number is None
    assert result.target.value.kind is ValueKind.UNKNOWN


def test_it_reads_as_an_unknown_threshold(tmp_path):
    result = judge(tmp_path, "at_least", "unknown", None)
    assert threshold_text(result, "en") == "≥ ?"
    text = reporter_class("markdown")("en").render(RepoBuilder(tmp_path).audit())
    assert "| the plan's value is lost | the plan's number was lost in its source (value: unknown)" in text
