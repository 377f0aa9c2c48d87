"""The small values a Target and a Figure are made of: each read from its own fields, each with its
own display and its own checks."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal

import pytest

from planaudit.model.data import (
    NO_TOLERANCE,
    NO_VALUE,
    YEAR_END,
    Bound,
    Figure,
    Location,
    MetricRef,
    NamedDocument,
    Period,
    Provenance,
    Span,
    Stated,
    Target,
    Threshold,
    Tolerance,
    ValueKind,
)
from planaudit.read.build import read_figure, read_target

HERE = Location("targets/2022/x.yaml", 3)


def target(**fields: object) -> Target:
    entry = {"id": "t", "title": "t", "metric": "cases", "rule": "at_least", "quote": "q", **fields}
    return read_target(entry, HERE, {}, 2022, "x")


@pytest.mark.parametrize(("fields", "kind", "text"), [
    ({"value": "85%"}, ValueKind.NUMBER, "85%"),
    ({"value": 12000}, ValueKind.NUMBER, "12000"),
    ({"value": {"metric": "gdp.growth", "scope": "county"}}, ValueKind.REFERENCE, "gdp.growth[county]"),
    ({"value": {"metric": "gdp.growth"}}, ValueKind.REFERENCE, "gdp.growth"),
    ({"value": "unknown"}, ValueKind.UNKNOWN, "?"),
    ({}, ValueKind.NONE, ""),
])
def test_a_value_reads_as_it_is_written(fields, kind, text):
    value = target(**fields).value
    assert (value.kind, value.text()) == (kind, text)


def test_a_target_without_value_tolerance_or_period_shares_the_empty_ones():
    read = target(rule="achieved")
    assert (read.value, read.tolerance, read.period) == (NO_VALUE, NO_TOLERANCE, YEAR_END)
    assert read.value is NO_VALUE and read.tolerance is NO_TOLERANCE and read.period is YEAR_END


def test_the_value_keeps_its_unit_and_where_it_comes_from():
    value = target(value=5, unit="万户", value_source="report", value_quote="原定目标为5万户").value
    assert value == Threshold(number=Decimal(5), unit="万户", source="report", quote="原定目标为5万户")
    assert value.from_report and value.given and value.restatement_fault() is None


@pytest.mark.parametrize(("fields", "fault"), [
    ({"value_source": "report"}, "value_source"),  # restated, but the report's words are not given
    ({"value_quote": "原定目标为5家"}, "value_quote"),  # the report's words, for a value the plan gives
    ({"value_source": "report", "value_quote": "原定目标为5家"}, None),
    ({}, None),
])
def test_a_value_says_which_of_its_fields_is_wrong(fields, fault):
    assert target(value=5, **fields).value.restatement_fault() == fault


@pytest.mark.parametrize(("fields", "given", "side"), [
    ({"tolerance": "0.5%"}, ["tolerance"], "±"),
    ({"tolerance_share": "5%", "direction": "floor"}, ["tolerance_share", "direction"], "−"),
    ({"tolerance": 1, "direction": "ceiling"}, ["tolerance", "direction"], "+"),
    ({"direction": "both"}, ["direction"], "±"),
])
def test_a_tolerance_says_what_is_given_and_how_it_reads(fields, given, side):
    tolerance = target(rule="about", value="7%", **fields).tolerance
    assert (tolerance.given(), tolerance.side) == (given, side)


def test_a_tolerance_knows_its_own_faults():
    assert Tolerance(amount=Decimal(1), share=Decimal(5)).both_given
    assert not Tolerance(amount=Decimal(1)).both_given
    percent = Tolerance(amount=Decimal("0.5"), percent=True)
    assert percent.percent_of_plain(Threshold(number=Decimal(100)))  # 100 ± 0.5%: a share, not an amount
    assert not percent.percent_of_plain(Threshold(number=Decimal(7), percent=True))  # 7% ± 0.5%
    assert (percent.amount, percent.percent) == (Decimal("0.5"), True)


def test_a_period_ends_at_its_deadline_or_the_year_s_end():
    assert target(deadline="2022-06-30", over="year").period == Period(deadline=dt.date(2022, 6, 30), over="year")
    assert Period(deadline=dt.date(2022, 6, 30)).end(2022) == dt.date(2022, 6, 30)
    assert YEAR_END.end(2023) == dt.date(2023, 12, 31)


def test_a_target_s_parts_are_never_changed():
    read = target(value=5)
    with pytest.raises(dataclasses.FrozenInstanceError):
        read.value.number = Decimal(6)  # type: ignore[misc]
    assert MetricRef("gdp").text() == "gdp"


@pytest.mark.parametrize(("fields", "written"), [
    ({"value": "91%"}, "91%"),
    ({"value": 1600, "bound": "lower"}, "≥1600"),
    ({"value": "0.5", "bound": "upper"}, "≤0.5"),
    ({"value": 12, "bound": "approx"}, "≈12"),
])
def test_a_figure_reads_as_the_report_writes_it(fields, written):
    figure = read_figure({"metric": "cases", "quote": "q", **fields}, HERE, {}, 2022, "x")
    assert isinstance(figure, Figure)
    assert figure.stated.written() == written


def test_a_figure_states_a_number_or_a_state():
    state = read_figure({"metric": "open", "value": True, "quote": "q"}, HERE, {}, 2022, "x").stated
    assert state == Stated(value=True) and state.is_state
    number = read_figure({"metric": "rate", "value": "5%", "bound": "approx", "approx_share": "10%", "quote": "约5%"},
                         HERE, {}, 2022, "x")
    assert number.stated == Stated(value=Decimal(5), percent=True, bound=Bound.APPROX, approx_share=Decimal(10))
    assert not number.stated.is_state


def test_a_bound_reads_before_its_number():
    assert [bound.symbol for bound in Bound] == ["", "≥", "≤", "≈"]


@pytest.mark.parametrize(("stated", "default", "fault"), [
    (Stated(value=Decimal(5), bound=Bound.APPROX), None, "bound"),  # 约5: off by how much?
    (Stated(value=Decimal(5), bound=Bound.APPROX), Decimal(10), None),  # planaudit.yaml says
    (Stated(value=Decimal(5), bound=Bound.APPROX, approx_share=Decimal(10)), None, None),
    (Stated(value=Decimal(5), approx_share=Decimal(10)), None, "approx_share"),  # exact, yet off by 10%?
    (Stated(value=Decimal(5)), Decimal(10), None),
])
def test_a_stated_value_knows_when_its_approximation_is_wrong(stated, default, fault):
    assert stated.approx_fault(default) == fault


def test_a_target_rests_on_its_plan_s_words_in_its_section():
    read = target(section="一（二）", quote="确保行政败诉率控制在8%以内")
    assert read.provenance == Provenance(quote="确保行政败诉率控制在8%以内", location=HERE, section="一（二）")
    assert (read.location, read.provenance.place()) == (HERE, "targets/2022/x.yaml:3")


def test_a_figure_names_the_document_it_comes_from_where_the_report_names_several():
    documents = {"q1": NamedDocument("q1", title="一季度通报")}
    figure = read_figure({"metric": "cases", "value": 3, "quote": "受理3件", "source": "q1"}, HERE, {"value": (4, 10)},
                         2022, "x", documents)
    assert figure.provenance == Provenance(quote="受理3件", location=HERE, source=documents["q1"],
                                           document=documents["q1"])
    assert figure.provenance.place() == "targets/2022/x.yaml:3, 《一季度通报》"
    assert figure.positions == {"value": (4, 10)}


def test_what_an_entry_cites_does_not_change_when_it_moves_in_its_file():
    here = target(section="一", quote="q").provenance
    moved = dataclasses.replace(here, location=Location(HERE.path, 30), positions={"quote": (30, 5)})
    assert moved.cited() == here.cited() and moved != here
    assert dataclasses.replace(here, section="二").cited() != here.cited()


@pytest.mark.parametrize("cls", [Target, Figure, Threshold, Tolerance, Period, Provenance, Stated, Span])
def test_a_target_a_figure_and_their_parts_are_built_by_keyword_only(cls):
    assert all(field.kw_only for field in dataclasses.fields(cls))


def test_equal_entries_hash_alike_so_a_copy_finds_the_original():
    """A target's or figure's hash is quick (its metric and place), and agrees with ==."""
    figure = read_figure({"metric": "cases", "value": 5, "quote": "5件"}, HERE, {}, 2022, "x")
    copy = dataclasses.replace(figure, stated=dataclasses.replace(figure.stated))
    assert copy == figure and copy is not figure and hash(copy) == hash(figure)
    assert {figure: "found"}[copy] == "found"
    other = dataclasses.replace(figure, stated=Stated(value=Decimal(6)))
    assert other != figure and {figure: 1}.get(other) is None
    made = target(value=5)
    assert {made: "found"}[dataclasses.replace(made)] == "found"
    assert dataclasses.replace(made, title="another") not in {made}
