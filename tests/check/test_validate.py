"""Cross-file validation: metrics, rules, values, units and derivations."""

import pytest

from planaudit.check.validate import catalogue_problems, item_checks
from support import COUNT_METRICS, RepoBuilder, load_repository


def problems(builder):
    loaded = load_repository(builder.root, [2022], [2021, 2022], checks=item_checks)
    return [str(problem) for problem in loaded.problems + catalogue_problems(loaded.repository.catalogue)]


@pytest.mark.parametrize(
    ("target", "at", "message"),
    [
        ("{id: a, title: t, metric: nope, rule: at_least, value: 1, quote: q}", "nope",
         "unknown-metric unknown metric 'nope'"),
        ("{id: a, title: t, metric: cases, rule: at_leastt, value: 1, quote: q}", "at_leastt",
         "unknown-rule unknown rule 'at_leastt' (known: about, achieved, at_least, at_most, equals, "
         "growth_at_least, less_than, more_than); did you mean 'at_least'?"),
        ("{id: a, title: t, metric: cases, rule: at_least, quote: q}", "at_least",
         "value-missing rule at_least needs a value"),
        ("{id: a, title: t, metric: open, rule: achieved, value: 1, quote: q}", "1,",
         "value-forbidden rule achieved takes no value"),
        ("{id: a, title: t, metric: cases, rule: at_least, value: 1, baseline: 5, quote: q}", "5",
         "value-forbidden rule at_least uses no baseline"),
        ("{id: a, title: t, metric: cases, rule: at_least, value: 85%, quote: q}", "85%",
         "unit a value in percent cannot be compared with a metric in case"),
        ("{id: a, title: t, metric: rate, rule: at_least, value: 85, unit: person, quote: q}", "person",
         "unit a value in person cannot be compared with a metric in percent"),
        ("{id: a, title: t, metric: cases, rule: achieved, quote: q}", "achieved",
         "unit rule achieved needs a boolean metric; cases is in case"),
        ("{id: a, title: t, metric: open, rule: at_least, value: 1, quote: q}", "at_least",
         "unit rule at_least needs a numeric metric; open is in boolean"),
        ("{id: a, title: t, metric: cases, rule: growth_at_least, value: 20, unit: case, quote: q}", "case,",
         "unit a value in case cannot be compared with a metric in percent"),
        ("{id: a, title: t, metric: cases, rule: at_least, value: 1, tolerance: 2, quote: q}", "2,",
         "value-forbidden rule at_least takes no tolerance (only a rule such as about does)"),
        ("{id: a, title: t, metric: cases, rule: at_least, value: 1, direction: floor, quote: q}", "floor",
         "value-forbidden rule at_least takes no direction (only a rule such as about does)"),
        ("{id: a, title: t, metric: cases, rule: about, value: 100, quote: q}", "about",
         "value-missing rule about needs a tolerance: tolerance: (0.5) or tolerance_share: (5%) here, "
         "or about_tolerance: in planaudit.yaml"),
        ("{id: a, title: t, metric: cases, rule: about, value: 100, tolerance: 5, tolerance_share: 5%, quote: q}",
         "5%", "value-forbidden give tolerance or tolerance_share, not both"),
        ("{id: a, title: t, metric: cases, rule: about, value: 100, tolerance: 5%, quote: q}", "5%",
         "unit tolerance 5% is a percentage but the value is not; for a share of the value write tolerance_share: 5%"),
    ],
)
def test_target_problems(tmp_path, target, at, message):
    builder = RepoBuilder(tmp_path).rules(COUNT_METRICS).targets(f"- {target}")
    col = len("  - ") + target.index(at) + 1
    assert problems(builder) == [f"targets/2022/testville.yaml:4:{col}: {message}"]


@pytest.mark.parametrize(
    ("figure", "expected"),
    [
        ("{metric: nope, value: 1, quote: q}", "unknown-metric unknown metric 'nope'"),
        ("{metric: open, value: 1, quote: q}", "unit open is in boolean: its value must be true or false"),
        ("{metric: cases, value: true, quote: q}", "unit cases is in case: its value must be a number"),
        ("{metric: open, value: true, bound: lower, quote: q}", "unit a true/false figure cannot have a bound"),
        ("{metric: cases, value: 5%, quote: q}", "unit a percentage cannot be a figure of cases, which is in case"),
        ("{metric: cases, value: 1204, growth: 12%, quote: 1204件，同比增长21%}",
         "value-not-in-quote the growth 12% is none of the numbers its quote states (1204, 21%)"),
        ("{metric: cases, value: 1204, scope: 市本级, quote: 1204件}",
         "unknown-scope unknown scope '市本级': declare it under scopes: in rules/ (declared: county)"),
    ],
)
def test_figure_problems(tmp_path, figure, expected):
    builder = RepoBuilder(tmp_path).rules(COUNT_METRICS).targets("[]").outcomes(f"- {figure}")
    (problem,) = problems(builder)
    assert problem.split(": ", 1)[1] == expected


def test_derivation_problems(tmp_path):
    builder = RepoBuilder(tmp_path).rules("""
        metrics:
          a: {label: A, unit: case, derive: b + 1}
          b: {label: B, unit: case, derive: c * 2}
          c: {label: C, unit: case, derive: a - 1}
          d: {label: D, unit: case, derive: missing + flag}
          flag: {label: F, unit: boolean}
          e: {label: E, unit: boolean, derive: d}
        rules:
          at_least: {label: shadow, expr: actual >= value}
          odd: {label: odd, expr: actual > limit}
        """).targets("[]")
    assert problems(builder) == [
        "rules/metrics.yaml:5:37: unit derive uses boolean metric 'flag' in arithmetic",
        "rules/metrics.yaml:5:37: unknown-metric derive names unknown metric 'missing'",
        "rules/metrics.yaml:7:40: unit e is boolean and cannot be derived by arithmetic",
        "rules/metrics.yaml:2:37: cycle derivations form a cycle: a → b → c → a",
        "rules/metrics.yaml:9:13: duplicate-id custom rule 'at_least' has the name of a built-in rule",
        "rules/metrics.yaml:10:27: unknown-name expr may name only actual, value and baseline, not 'limit'",
    ]


def test_the_repository_s_about_tolerance_is_a_target_s_tolerance(tmp_path):
    builder = RepoBuilder(tmp_path).rules(COUNT_METRICS)
    builder.targets("- {id: a, title: t, metric: cases, rule: about, value: 100, quote: 100}").outcomes("[]")
    assert [problem.split(" ", 2)[1] for problem in problems(builder)] == ["value-missing"]
    builder.write("planaudit.yaml", "about_tolerance: 5\n")
    assert problems(builder) == []


@pytest.mark.parametrize(("value", "quote", "expected"), [
    ("1", "刑事案件发案率1%", []),  # the quote states 1 as a percentage: as written
    ("0.9", "结案率90%", ["percent-as-ratio"]),
])
def test_a_small_percent_its_quote_states_is_no_ratio(tmp_path, value, quote, expected):
    builder = RepoBuilder(tmp_path).rules(COUNT_METRICS).targets("[]").outcomes(
        f"- {{metric: rate, value: {value}, quote: {quote}}}")
    assert [problem.split(": ", 1)[1].split()[0] for problem in problems(builder)] == expected
