"""Loading: files → typed, immutable model, with a problem for every defect."""

import datetime as dt
from decimal import Decimal

import pytest

from planaudit.model.data import Bound
from planaudit.model.problems import Code
from support import COUNT_METRICS, RepoBuilder, load_repository


def load(builder, year=2022):
    return load_repository(builder.root, [year], [year - 1, year])


def test_yaml11_lookalikes_stay_strings(tmp_path):
    builder = RepoBuilder(tmp_path).rules("metrics:\n  on.off:\n    label: x\n    unit: case\n")
    builder.write("targets/2022/no.yaml", """
        jurisdiction: no
        year: 2022
        targets:
          - {id: yes, title: on, metric: on.off, rule: at_least, value: 1, quote: 010}
          - {id: 2022-03-01, title: 1e3, metric: on.off, rule: at_least, value: 1, quote: null-ish, scope: 0x1F}
        """)
    loaded = load(builder)
    assert [(problem.line, problem.col, problem.code) for problem in loaded.problems] == [
        (1, 15, Code.YAML11), (4, 10, Code.YAML11), (4, 22, Code.YAML11), (4, 75, Code.YAML11), (5, 100, Code.YAML11)]
    first, second = loaded.repository.plans[(2022, "no")].targets
    assert (first.jurisdiction, first.id, first.title, first.metric, first.provenance.quote) == (
        "no", "yes", "on", "on.off", "010")
    assert (second.id, second.title, second.scope) == ("2022-03-01", "1e3", "0x1F")


def test_numbers_are_exact_decimals_from_their_text(tmp_path):
    builder = RepoBuilder(tmp_path).rules(COUNT_METRICS)
    builder.targets("""
        - {id: a, title: t, metric: rate, rule: at_least, value: 85%, quote: q, deadline: 2022-04-30}
        - {id: b, title: t, metric: share, rule: at_least, value: "0.16", quote: q}
        """)
    builder.outcomes("""
        - {metric: rate, value: 97.12, quote: q}
        - {metric: cases, value: 1600, bound: lower, as_of: 2022-06-30, quote: 1600余}
        - {metric: open, value: true, quote: q}
        """)
    repository = load(builder).repository
    a, b = repository.plans[(2022, "testville")].targets
    assert (a.value.number, a.value.percent, a.period.deadline) == (Decimal("85"), True, dt.date(2022, 4, 30))
    assert (b.value.number, b.value.percent) == (Decimal("0.16"), False)
    rate, cases, state = repository.reports[(2022, "testville")].figures
    assert type(rate.stated.value) is Decimal and str(rate.stated.value) == "97.12"
    assert (rate.stated.bound, rate.span.as_of) == (Bound.EXACT, dt.date(2022, 12, 31))
    assert (cases.stated.bound, cases.span.as_of, cases.location.line) == (Bound.LOWER, dt.date(2022, 6, 30), 5)
    assert state.stated.value is True


def test_model_is_immutable(tmp_path):
    builder = RepoBuilder(tmp_path).rules(COUNT_METRICS)
    builder.targets("- {id: a, title: t, metric: rate, rule: at_least, value: 85, quote: q}")
    target = load(builder).repository.plans[(2022, "testville")].targets[0]
    with pytest.raises(AttributeError):
        target.value = Decimal(1)
    with pytest.raises(AttributeError):
        target.value.number = Decimal(1)


NOT_A_NUMBER = "'value' must be a decimal number such as 85, 97.12 or 85%, not"
PROBLEMS = [
    ("- {id: a, title: t, metric: cases, rule: at_least, value: yes, quote: q}", (5, 61), Code.SCHEMA,
     f"{NOT_A_NUMBER} 'yes' (YAML 1.1 tools would read it as true)"),
    ("- {id: a, title: t, metric: cases, rule: at_least, value: 1_000, quote: q}", (5, 61), Code.SCHEMA,
     f"{NOT_A_NUMBER} '1_000' (YAML 1.1 tools would read it as 1000)"),
    ("- {id: a, title: t, metric: cases, rule: at_least, value: .nan, quote: q}", (5, 61), Code.SCHEMA,
     f"{NOT_A_NUMBER} '.nan' (YAML 1.1 tools would read it as nan)"),
    ("- {id: a, title: t, metric: cases, rule: at_least, value: 0x1F, quote: q}", (5, 61), Code.SCHEMA,
     f"{NOT_A_NUMBER} '0x1F' (YAML 1.1 tools would read it as 31)"),
    ("- {id: a, title: t, metric: cases, rule: at_least, value: " + "9" * 40 + ", quote: q}", (5, 61), Code.SCHEMA,
     "'value': a number may have at most 30 digits"),
    ("- {id: a, title: t, metric: cases, rule: at_least, value: 1, deadline: 2022-02-30, quote: q}", (5, 74),
     Code.SCHEMA, "'deadline' must be a date such as 2022-04-30, not '2022-02-30'"),
    ("- {id: a, title: t, metric: cases, rule: at_least, value: 1}", (5, 5), Code.SCHEMA, "'quote' is required"),
    ("- {id: A B, title: t, metric: cases, rule: at_least, value: 1, quote: q}", (5, 10), Code.SCHEMA,
     "'id' must be a slug such as legal-aid-growth (lower-case letters, digits, - and _), not 'A B'"),
    ("- {id: a, title: t, metric: cases, rule: at_least, value: 1, quote: q, deadlin: 2022-04-30}", (5, 74),
     Code.SCHEMA, "unknown key 'deadlin' (allowed here: id, title, items, metric, rule, value, value_source, value_quote, "
                  "value_note, unit, scope, deadline, over, aggregate, basis, baseline, tolerance, tolerance_share, direction, "
                  "quote, section, at, restated, strength, waiver)"),
    ("- {id: a, title: [t], metric: cases, rule: at_least, value: 1, quote: q}", (5, 20), Code.SCHEMA,
     "'title' must be text, not a list"),
    ("- just text", (5, 5), Code.SCHEMA, "entry 1 of 'targets' must be a mapping (one target), not 'just text'"),
    ("- {id: no, title: on, metric: cases, rule: at_least, value: 1, quote: 010}", (5, 10), Code.YAML11,
     "'no' is read as false by YAML 1.1 tools; quote it if you mean the text: \"no\""),
]


@pytest.mark.parametrize(("entries", "where", "code", "message"), PROBLEMS)
def test_target_problems(tmp_path, entries, where, code, message):
    builder = RepoBuilder(tmp_path).rules(COUNT_METRICS)
    header = "jurisdiction: testville\nname: 测试县\nyear: 2022\ntargets:\n  "
    builder.write("targets/2022/testville.yaml", header + entries + "\n")
    problem = load(builder).problems[0]
    assert (problem.path, (problem.line, problem.col), problem.code, problem.message) == (
        "targets/2022/testville.yaml", where, code, message)


def test_path_and_header_must_agree(tmp_path):
    builder = RepoBuilder(tmp_path).rules(COUNT_METRICS)
    builder.write("targets/2022/testville.yaml", "jurisdiction: elsewhere\nyear: 2021\ntargets: []\n")
    builder.write("targets/2022/Bad Name.yaml", "jurisdiction: x\nyear: 2022\ntargets: []\n")
    problems = sorted(str(problem) for problem in load(builder).problems)
    assert problems == [
        "targets/2022/Bad Name.yaml:1:1: path-mismatch file name 'Bad Name.yaml' is not a jurisdiction slug "
        "such as fuzhou.yaml (lower-case letters, digits, - and _)",
        "targets/2022/testville.yaml:1:15: path-mismatch jurisdiction 'elsewhere' disagrees with the file name "
        "'testville.yaml'",
        "targets/2022/testville.yaml:2:7: path-mismatch year 2021 disagrees with the directory 2022/",
    ]


def test_duplicate_ids_and_figures(tmp_path):
    builder = RepoBuilder(tmp_path).rules(COUNT_METRICS)
    builder.targets("""
        - {id: a, title: t, metric: cases, rule: at_least, value: 1, quote: q}
        - {id: a, title: t, metric: cases, rule: at_least, value: 2, quote: q}
        """)
    builder.outcomes("""
        - {metric: cases, value: 1, quote: q}
        - {metric: cases, value: 2, scope: county, quote: q}
        - {metric: cases, value: 3, quote: q}
        """)
    assert sorted(str(problem) for problem in load(builder).problems) == [
        "outcomes/2022/testville.yaml:6:5: duplicate-figure cases (scope -, as of 2022-12-31) is already "
        "reported on line 4",
        "targets/2022/testville.yaml:5:10: duplicate-id target id 'a' is already used on line 4",
    ]


@pytest.mark.parametrize(
    ("text", "message"),
    [("", "targets/2022/testville.yaml:1:1: schema the file is empty"),
     ("- a\n- b\n", "targets/2022/testville.yaml:1:1: schema the file must be a mapping of keys to values, "
                    "not a list"),
     ("just a scalar\n", "targets/2022/testville.yaml:1:1: schema the file must be a mapping of keys to values, "
                         "not 'just a scalar'")],
)
def test_files_that_are_not_mappings(tmp_path, text, message):
    builder = RepoBuilder(tmp_path).rules(COUNT_METRICS)
    builder.write("targets/2022/testville.yaml", text)
    assert [str(problem) for problem in load(builder).problems] == [message]


def test_rules_files_are_merged_and_duplicates_refused(tmp_path):
    builder = RepoBuilder(tmp_path).rules("metrics:\n  a: {label: A, unit: case}\n", name="one.yaml")
    builder.rules("metrics:\n  b: {label: B, unit: case}\n  a: {label: A again, unit: case}\n", name="two.yaml")
    loaded = load(builder)
    assert sorted(loaded.repository.catalogue.metrics) == ["a", "b"]
    assert [str(problem) for problem in loaded.problems] == [
        "rules/two.yaml:3:6: duplicate-id 'a' is already defined at rules/one.yaml:2"]


def test_expression_errors_point_into_the_expression(tmp_path):
    builder = RepoBuilder(tmp_path).rules("metrics:\n  a:\n    unit: case\n    derive: b ** 2\n")
    assert [str(problem) for problem in load(builder).problems] == [
        "rules/metrics.yaml:4:16: expression 'derive': unexpected '*'"]
