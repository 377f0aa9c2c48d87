"""Progress toward a period target, year by year (judge/progress.py): each status on exact
arithmetic — a value exactly on a line is on the line's side that docs/verdicts.md names, the
compound path's root included — and each reason a year is unmeasured."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from planaudit.model.period import Event, Status, Why
from planaudit.run.progress import progress

METRICS = {"metrics": {"level": {"unit": "percent"}, "rate": {"unit": "percent"}, "other": {"unit": "percent"},
                       "count": {"unit": "case"}}}


def judged(tmp_path: Path, target: dict[str, Any], figures: dict[int, list[dict[str, Any]]], period: str = "2021-2025",
           as_of: int | None = None) -> list[tuple[Status, Why | None]]:
    """The target's statuses, year by year, over reports of ``figures`` by year."""
    (tmp_path / "rules").mkdir(exist_ok=True)
    (tmp_path / "rules" / "metrics.yaml").write_text(yaml.safe_dump(METRICS), encoding="utf-8")
    plan = tmp_path / "targets" / period / "here.yaml"
    plan.parent.mkdir(parents=True, exist_ok=True)
    plan.write_text(yaml.safe_dump({"jurisdiction": "here", "period": period, "targets": [
        {"id": "t", "title": "t", "quote": "t", **target}]}, allow_unicode=True), encoding="utf-8")
    for year, entries in figures.items():
        report = tmp_path / "outcomes" / str(year) / "here.yaml"
        report.parent.mkdir(parents=True, exist_ok=True)
        report.write_text(yaml.safe_dump({"jurisdiction": "here", "year": year, "figures": [
            {"quote": str(entry["value"]), **entry} for entry in entries]}, allow_unicode=True), encoding="utf-8")
    first, last = map(int, period.split("-"))
    found = progress(tmp_path, first, last, as_of)
    (item,) = found.result.targets
    judged.last = item  # type: ignore[attr-defined]
    return [(year.status, year.why) for year in item.years]


REACH = {"metric": "level", "kind": "reach", "value": 65, "base": {"value": 60, "year": 2020, "quote": "60"}}


@pytest.mark.parametrize(("value", "status"), [
    ("61.5", Status.ON_TRACK),  # p = 0.3, e = 0.2: p − e is the band exactly, on the line: on track
    ("61.5000001", Status.AHEAD),
    ("60.5", Status.ON_TRACK),  # p − e = −0.1 exactly
    ("60.4999999", Status.BEHIND),
    ("60", Status.BEHIND),  # no progress: p = 0
    ("59.9", Status.REGRESSING),
    ("65", Status.ACHIEVED_EARLY),
])
def test_a_level_s_share_covered_against_the_share_of_time(tmp_path, value, status):
    assert judged(tmp_path, REACH, {2021: [{"metric": "level", "value": value}]}) == [(status, None)]


def test_a_year_without_a_figure_takes_the_latest_before_it_never_one_after(tmp_path):
    """2022 has no figure: its status is 2021's figure against the share of time by 2021, its year shown."""
    statuses = judged(tmp_path, REACH, {2021: [{"metric": "level", "value": 61}], 2023: [{"metric": "level", "value": 63}]})
    assert statuses == [(Status.ON_TRACK, None), (Status.ON_TRACK, None), (Status.ON_TRACK, None)]
    second = judged.last.years[1]  # type: ignore[attr-defined]  # 2021's figure, held to the share of time by 2021
    assert (second.data_year, str(second.covered.point), str(second.expected)) == (2021, "1/5", "1/5")


def test_achieved_lost_regained_and_the_due_year_s_verdict(tmp_path):
    figures = {2021: [{"metric": "level", "value": 65}], 2022: [{"metric": "level", "value": 64}],
               2023: [{"metric": "level", "value": 66}], 2025: [{"metric": "level", "value": "64.9"}]}
    statuses = judged(tmp_path, REACH, figures)
    assert [status for status, _ in statuses] == [Status.ACHIEVED_EARLY, Status.AHEAD, Status.ACHIEVED_EARLY,
                                                  Status.ACHIEVED_EARLY, Status.MISSED]
    assert judged.last.events == ((2021, Event.FIRST_ACHIEVED), (2022, Event.LOST), (2023, Event.REGAINED),  # type: ignore[attr-defined]
                                  (2025, Event.LOST))


def test_a_bound_straddling_a_line_is_imprecise_and_one_beyond_it_is_not(tmp_path):
    straddling = {2021: [{"metric": "level", "value": 61, "bound": "lower"}]}  # p ≥ 0.2: on track or ahead
    assert judged(tmp_path, REACH, straddling) == [(Status.UNMEASURED, Why.IMPRECISE)]
    beyond = {2021: [{"metric": "level", "value": 62, "bound": "lower"}]}  # p ≥ 0.4: ahead whatever it is
    assert judged(tmp_path, REACH, beyond) == [(Status.AHEAD, None)]


@pytest.mark.parametrize(("target", "figures", "expected"), [
    ({**REACH, "base": None}, {2021: [{"metric": "level", "value": 61}]}, (Status.UNMEASURED, Why.NO_BASE)),
    (REACH, {}, (Status.UNMEASURED, Why.NO_FIGURE)),
    ({**REACH, "basis": "real"}, {2021: [{"metric": "level", "value": 61, "basis": "nominal"}]},
     (Status.UNMEASURED, Why.BASIS_CHANGED)),
    ({"metric": "level", "kind": "milestones", "milestones": [{"year": 2022, "value": 5, "quote": "5"}]},
     {2021: [{"metric": "level", "value": 6}]}, (Status.UNMEASURED, Why.NO_MILESTONE)),
    ({**REACH, "value": 60, "rule": "more_than"}, {2021: [{"metric": "level", "value": 60}]},
     (Status.UNMEASURED, Why.NO_DISTANCE)),
])
def test_each_reason_a_year_is_unmeasured(tmp_path, target, figures, expected):
    target = {key: value for key, value in target.items() if value is not None}
    assert judged(tmp_path, target, figures, as_of=2021) == [expected]


def test_a_milestone_replaces_the_share_of_time(tmp_path):
    target = {**REACH, "milestones": [{"year": 2021, "value": 62, "quote": "62"}]}  # expected 0.4, not 0.2
    assert judged(tmp_path, target, {2021: [{"metric": "level", "value": "61.5"}]}) == [(Status.BEHIND, None)]
    assert str(judged.last.years[0].expected) == "2/5"  # type: ignore[attr-defined]
    met = judged(tmp_path, target, {2021: [{"metric": "level", "value": 62}]})
    assert met == [(Status.ON_TRACK, None)] and judged.last.years[0].milestone.verdict.value == "met"  # type: ignore[attr-defined]


# A fall of 19% over two years: the compound path falls 10% a year (0.9² = 0.81), so after one year
# e = 0.1 / 0.19 = 10/19 exactly; a year's fall of 11.9% puts p − e at the band, 0.1, exactly.
FALL = {"metric": "rate", "kind": "cumulative", "direction": "down", "value": 19}


@pytest.mark.parametrize(("rate", "status"), [
    ("-10", Status.ON_TRACK),  # on the compound path itself
    ("-11.9", Status.ON_TRACK),  # p − e = 0.1 exactly: on the line
    ("-11.9000001", Status.AHEAD),
    ("-8.1", Status.ON_TRACK),  # p − e = −0.1 exactly
    ("-8.0999999", Status.BEHIND),
    ("0.5", Status.REGRESSING),
    ("-19", Status.ACHIEVED_EARLY),
])
def test_a_chained_change_against_the_compound_path_decided_exactly(tmp_path, rate, status):
    statuses = judged(tmp_path, FALL, {2021: [{"metric": "rate", "value": rate}]}, period="2021-2022")
    assert statuses == [(status, None)]


def test_a_chained_change_is_met_on_the_chain_to_its_year_and_broken_by_a_missing_rate(tmp_path):
    figures = {2021: [{"metric": "rate", "value": -10}], 2022: [{"metric": "rate", "value": -10}]}
    assert judged(tmp_path, FALL, figures, period="2021-2022") == [(Status.ON_TRACK, None), (Status.MET, None)]
    assert judged.last.years[1].value.point == -19  # type: ignore[attr-defined]  # 0.9 × 0.9: a fall of 19% exactly
    broken = {2020: [], 2022: [{"metric": "rate", "value": -10}]}
    (tmp_path / "broken").mkdir()
    assert judged(tmp_path / "broken", {**FALL, "value": 30}, broken, period="2021-2023", as_of=2022) == [
        (Status.UNMEASURED, Why.NO_FIGURE), (Status.UNMEASURED, Why.CHAIN_BROKEN)]


def test_an_average_growth_s_expected_share_is_exact(tmp_path):
    target = {"metric": "rate", "kind": "average_growth", "value": 10}
    assert judged(tmp_path, target, {2021: [{"metric": "rate", "value": 10}]}, period="2021-2022") == [(Status.ON_TRACK, None)]
    year = judged.last.years[0]  # type: ignore[attr-defined]
    assert (str(year.expected), str(year.covered.point)) == ("10/21", "10/21")  # 0.1 / (1.1² − 1)


def test_a_level_held_every_year_lists_the_years_it_was_not(tmp_path):
    target = {"metric": "level", "kind": "maintain", "direction": "down", "value": "5.5"}
    figures = {2021: [{"metric": "level", "value": "5.1"}], 2022: [{"metric": "level", "value": "5.6"}],
               2023: [{"metric": "level", "value": "5.5"}]}
    assert judged(tmp_path, target, figures) == [(Status.HELD, None), (Status.BREACHED, None), (Status.BREACHED, None)]
    assert judged.last.years[2].breaches == (2022,) and judged.last.events == ((2022, Event.BREACHED),)  # type: ignore[attr-defined]


@pytest.mark.parametrize(("each_year", "statuses"), [
    ({}, [(Status.HELD, None), (Status.HELD, None)]),  # at each year's end: 5.0, then 5.5
    ({"aggregate": "mean"}, [(Status.HELD, None), (Status.BREACHED, None)]),  # on each year's mean: 5.1, then 5.6
    # through each year: 2021's end and mean cannot show every month under the line; April 2022's 6.1 breaks it
    ({"over": "year"}, [(Status.UNMEASURED, Why.ANNUAL), (Status.BREACHED, None)]),
])
def test_a_level_held_every_year_on_the_part_of_each_year_it_names(tmp_path, each_year, statuses):
    target = {"metric": "level", "kind": "maintain", "direction": "down", "value": "5.5", **each_year}
    figures = {2021: [{"metric": "level", "value": "5.0"}, {"metric": "level", "value": "5.1", "aggregate": "mean"}],
               2022: [{"metric": "level", "value": "5.5"}, {"metric": "level", "value": "5.6", "aggregate": "mean"},
                      {"metric": "level", "value": "6.1", "as_of": "2022-04-30"}]}
    assert judged(tmp_path, target, figures, as_of=2022) == statuses


def test_a_relative_target_is_held_against_the_other_figure_of_each_year(tmp_path):
    target = {"metric": "level", "kind": "relative", "rule": "more_than", "value": {"metric": "other"}}
    figures = {2021: [{"metric": "level", "value": 6}, {"metric": "other", "value": 5}],
               2022: [{"metric": "level", "value": 5}, {"metric": "other", "value": 5}]}
    assert judged(tmp_path, target, figures, as_of=2022) == [(Status.HELD, None), (Status.BREACHED, None)]
    (tmp_path / "due").mkdir()  # due in 2022: met or missed on 2022's two figures, the breach of 2021 listed
    figures = {2021: [{"metric": "level", "value": 5}, {"metric": "other", "value": 5}],
               2022: [{"metric": "level", "value": 6}, {"metric": "other", "value": 5}]}
    assert judged(tmp_path / "due", target, figures, period="2021-2022") == [(Status.BREACHED, None), (Status.MET, None)]
    assert judged.last.years[1].breaches == (2021,)  # type: ignore[attr-defined]


def test_a_target_of_milestones_only_is_judged_on_each_year_s(tmp_path):
    target = {"metric": "level", "kind": "milestones", "milestones": [
        {"year": 2021, "value": 6, "quote": "6%以上"}, {"year": 2022, "value": "5.5", "rule": "about", "tolerance": "0.5",
                                                       "quote": "5.5%左右"}]}
    figures = {2021: [{"metric": "level", "value": "8.1"}], 2022: [{"metric": "level", "value": 3}]}
    assert judged(tmp_path, target, figures, as_of=2022) == [(Status.ON_TRACK, None), (Status.BEHIND, None)]


def test_a_later_report_s_revision_is_listed_beside_the_year_never_rewriting_it(tmp_path):
    figures = {2021: [{"metric": "level", "value": "61.5"}],
               2022: [{"metric": "level", "value": 62}, {"metric": "level", "value": "60.4", "as_of": "2021-12-31"}]}
    statuses = judged(tmp_path, REACH, figures, as_of=2022)
    assert statuses == [(Status.ON_TRACK, None), (Status.ON_TRACK, None)]  # 2021 on 61.5, as 2021's report said
    first = judged.last.years[0]  # type: ignore[attr-defined]
    assert [(figure.year, str(figure.stated.value)) for figure in first.revisions] == [(2022, "60.4")]
    assert judged.last.years[1].revisions == ()  # type: ignore[attr-defined]


def test_a_report_that_only_restates_an_earlier_year_gives_no_figure_of_its_own(tmp_path):
    figures = {2021: [{"metric": "level", "value": 61}], 2022: [{"metric": "level", "value": 63, "as_of": "2021-12-31"}]}
    judged(tmp_path, REACH, figures, as_of=2022)
    second = judged.last.years[1]  # type: ignore[attr-defined]
    assert (second.data_year, second.value.point) == (2021, 61)  # 2021's own figure, its revision beside it
    assert [str(figure.stated.value) for figure in second.revisions] == ["63"]
