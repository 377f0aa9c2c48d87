"""A stated rate is checked against the rate derived from its counts."""

import pytest

from planaudit import Verdict
from planaudit.exact.numbers import format_number
from support import COUNT_METRICS, RepoBuilder


def audit(tmp_path, rate, cases="282", closed="276", rules=COUNT_METRICS, target=True):
    builder = RepoBuilder(tmp_path).rules(rules)
    builder.targets("- {id: r, title: 结案率90%以上, metric: rate, rule: at_least, value: 90, quote: q}"
                    if target else "- {id: c, title: t, metric: cases, rule: at_least, value: 1, quote: q}")
    builder.outcomes(f"""
        - {{metric: cases, value: {cases}, quote: 立案{cases}件}}
        - {{metric: closed, value: {closed}, quote: 结案{closed}件}}
        - {{metric: rate, value: {rate}, quote: 结案率{rate}%}}
        """)
    return builder.audit()


def test_fuzhou_closure_rate_is_inconsistent(tmp_path):
    result = audit(tmp_path, "91")  # 276/282 = 97.87%, stated 91%
    (inconsistency,) = result.inconsistencies
    assert (format_number(inconsistency.stated.point), format_number(inconsistency.derived_value)) == ("91", "97.87")
    assert inconsistency.tolerance == 1
    (item,) = result.results
    assert item.verdict is Verdict.MET  # the verdict uses the stated figure
    assert item.warnings == (inconsistency,)


@pytest.mark.parametrize(
    ("stated", "closed", "cases", "consistent"),
    [("57.14", "4", "7", True),  # 57.142857… rounded
     ("57.15", "4", "7", True),  # within one unit in the last place
     ("57.16", "4", "7", False),
     ("66.66", "2", "3", True),  # truncated
     ("66.67", "2", "3", True),  # rounded
     ("66.65", "2", "3", False),
     ("98", "276", "282", True),  # 97.87 vs 98: one unit in the last place is 1
     ("96", "276", "282", False)],
)
def test_default_tolerance_is_one_unit_in_the_last_place(tmp_path, stated, closed, cases, consistent):
    result = audit(tmp_path, stated, cases=cases, closed=closed)
    assert (not result.inconsistencies) is consistent


def test_metric_tolerance_overrides_the_default(tmp_path):
    rules = COUNT_METRICS.replace("derive: closed / cases * 100", "derive: closed / cases * 100\n    tolerance: 7")
    assert not audit(tmp_path, "91", rules=rules).inconsistencies


def test_listed_even_when_no_target_uses_the_figure(tmp_path):
    result = audit(tmp_path, "91", target=False)
    assert len(result.inconsistencies) == 1 and result.results[0].warnings == ()
