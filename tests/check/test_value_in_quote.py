"""A value never contradicts its quote: value-not-in-quote is an error — the jurisdiction is not
judged on it — unless the data says how the value was computed from its words (value_note:)."""

from __future__ import annotations

from planaudit import api
from planaudit.errors import InvalidData
from planaudit.model.problems import Code, Severity
from support import COUNT_METRICS, RepoBuilder

TARGET = "- {id: r, title: 结案率90%以上, metric: rate, rule: at_least, value: 90, quote: 结案率达90%以上}"


def repository(tmp_path, figure: str, target: str = TARGET) -> RepoBuilder:
    return RepoBuilder(tmp_path).rules(COUNT_METRICS).targets(target).outcomes(f"- {figure}")


def test_a_figure_whose_value_contradicts_its_quote_is_an_error_and_is_not_judged(tmp_path):
    repository(tmp_path, "{metric: rate, value: 97.87, quote: 结案率91%}")  # 91 edited to 97.87, the quote kept
    (problem,) = api.validate(tmp_path)
    assert (problem.code, problem.code.severity, problem.line) == (Code.VALUE_NOT_IN_QUOTE, Severity.ERROR, 4)
    try:
        api.audit(tmp_path, 2022)
    except InvalidData as error:
        assert [found.code for found in error.problems] == [Code.VALUE_NOT_IN_QUOTE]
    else:
        raise AssertionError("a value its quote contradicts was judged")


def test_a_target_whose_value_contradicts_its_quote_is_an_error(tmp_path):
    repository(tmp_path, "{metric: rate, value: 91, quote: 结案率91%}", TARGET.replace("value: 90", "value: 58"))
    assert [(problem.code, problem.line) for problem in api.validate(tmp_path)] == [(Code.VALUE_NOT_IN_QUOTE, 4)]


def test_a_value_computed_from_its_quote_says_so_and_is_held_to_nothing_else(tmp_path):
    repository(tmp_path, "{metric: rate, value: 33.4, quote: 结案率三分之一强, value_note: 三分之一强读作33.4%}")
    assert api.validate(tmp_path) == []
    (item,) = api.audit(tmp_path, 2022).results
    assert item.actual is not None and item.actual.figure is not None
    assert item.actual.figure.value_note == "三分之一强读作33.4%"
