"""stated / derived: the reason of a met or missed verdict says where its figure came from."""

from planaudit import Reason, Verdict
from support import COUNT_METRICS, RepoBuilder

TARGET = "- {id: r, title: 结案率达90%以上, metric: rate, rule: at_least, value: 90, quote: q}"


def test_stated_figure(tmp_path):
    builder = RepoBuilder(tmp_path).rules(COUNT_METRICS).targets(TARGET)
    builder.outcomes("- {metric: rate, value: 91, quote: 结案率91%}")
    result = builder.only()
    assert (result.verdict, result.reason) == (Verdict.MET, Reason.STATED)
    assert result.actual is not None and result.actual.derivation is None


def test_derived_figure(tmp_path):
    builder = RepoBuilder(tmp_path).rules(COUNT_METRICS).targets(TARGET)
    builder.outcomes("""
        - {metric: cases, value: 282, quote: 立案282件}
        - {metric: closed, value: 276, quote: 结案276件}
        """)
    result = builder.only()
    assert (result.verdict, result.reason) == (Verdict.MET, Reason.DERIVED)
    assert result.actual is not None and result.actual.derivation is not None
    assert [figure.provenance.quote for figure in result.evidence()] == ["立案282件", "结案276件"]


def test_chained_derivation(tmp_path):
    rules = COUNT_METRICS + """
  open_cases:
    label: Open cases
    unit: case
    derive: cases - closed
  open_rate:
    label: Open rate
    unit: percent
    derive: open_cases / cases * 100
"""
    builder = RepoBuilder(tmp_path).rules(rules)
    builder.targets("- {id: o, title: 未结率10%以内, metric: open_rate, rule: at_most, value: 10, quote: q}")
    builder.outcomes("""
        - {metric: cases, value: 200, quote: q}
        - {metric: closed, value: 185, quote: q}
        """)
    result = builder.only()  # open 15 of 200 = 7.5%
    assert (result.verdict, result.reason) == (Verdict.MET, Reason.DERIVED)
    assert result.actual is not None and result.actual.value.point == 7.5
