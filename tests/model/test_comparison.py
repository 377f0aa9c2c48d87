"""model/comparison: a jurisdiction's row counts what `check`'s summary counts; the kinds of commitment
and rules add up every target judged on a metric; a rank needs enough measured targets."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from planaudit import audit
from planaudit.model.comparison import Combined, Counts, Row, metric_kind, ranked, rows_of
from planaudit.model.data import UMBRELLA
from planaudit.model.grouping import Grouping

BUNDLED = Path(__file__).parent.parent.parent  # the repository's own data: umbrellas, waivers, every grounds
SHARED = ("targets", "met", "met_measured", "met_stated", "met_judged", "missed", "missed_measured", "missed_stated",
          "missed_judged", "partly", "unmeasured", "asserted", "waived", "inconsistent")


@pytest.fixture(scope="module")
def bundled():
    return audit(BUNDLED, 2022).jurisdictions()


def test_a_jurisdiction_s_row_counts_what_its_summary_counts(bundled):
    for result in bundled:
        (row,) = rows_of(result, [Grouping.JURISDICTION])
        summary = result.summary
        assert {name: getattr(row.counts, name) for name in SHARED} == {name: getattr(summary, name) for name in SHARED}
        assert (row.key, row.year, row.counts.directions) == ((result.slug, result.name), 2022, result.directions)
    assert sum(result.directions for result in bundled) > 0  # the bundled plans record directions


def test_sections_count_each_commitment_once_in_its_plan_s_order(bundled):
    fuzhou = next(result for result in bundled if result.slug == "fuzhou")
    rows = rows_of(fuzhou, [Grouping.SECTION])
    commitments = [item for item in fuzhou.results if item.target.parent is None]
    assert sum(row.counts.targets for row in rows) == len(commitments)
    assert [row.key[1] for row in rows] == list(dict.fromkeys(item.target.provenance.section or "" for item in commitments))
    assert sum((row.counts for row in rows), Counts()).met == fuzhou.summary.met


def test_kinds_and_rules_count_every_target_judged_on_a_metric_everywhere(bundled):
    combined = Combined()
    for result in bundled:
        combined.add(rows_of(result, [Grouping.METRIC, Grouping.RULE]))
    on_metrics = [item for result in bundled for item in result.results if item.target.metric != UMBRELLA]
    for grouping in (Grouping.METRIC, Grouping.RULE):
        rows = combined.of(grouping)
        assert sum(row.counts.targets for row in rows) == len(on_metrics)
        assert len({row.key for row in rows}) == len(rows)  # one row a kind (a rule), however many jurisdictions have it
    kinds = {row.key[0]: row.counts.targets for row in combined.of(Grouping.METRIC)}
    assert kinds["legal_aid"] == sum(metric_kind(item.target.metric) == "legal_aid" for item in on_metrics) > 0


def row(key: str, met: int, missed: int, year: int = 2022, grouping: Grouping = Grouping.JURISDICTION) -> Row:
    return Row(grouping, year, (key,), Counts(targets=met + missed, met=met, met_measured=met, missed=missed,
                                               missed_measured=missed))


def test_rows_with_enough_measured_are_ranked_by_their_share_and_the_rest_follow_unranked():
    rows = [row("a", 1, 0), row("b", 6, 4), row("c", 9, 1), row("d", 0, 0), row("e", 8, 2), row("f", 4, 0)]
    shown = [(item.row.key[0], item.rank, item.few_measured) for item in ranked(rows, 5)]
    assert shown == [("c", 1, False), ("e", 2, False), ("b", 3, False),  # 90%, 80% and 80% by key, 60%
                     ("a", None, True), ("d", None, True), ("f", None, True)]  # 100% of 1 is not ranked first
    assert [item.rank for item in ranked(rows, 1)] == [1, 2, 3, 4, 5, None]  # a, f (100%), c, e, b; d measured none


def test_each_year_is_ranked_apart_and_sections_keep_their_order():
    rows = [row("a", 5, 0, 2021), row("b", 5, 5, 2022), row("a", 0, 5, 2022)]
    assert [(item.row.year, item.row.key[0], item.rank) for item in ranked(rows)] == [
        (2021, "a", 1), (2022, "b", 1), (2022, "a", 2)]
    sections = [dataclasses.replace(item, grouping=Grouping.SECTION) for item in (row("z", 0, 9), row("a", 9, 0))]
    assert [(item.row.key[0], item.rank) for item in ranked(sections)] == [("z", None), ("a", None)]


def test_a_share_is_exact_and_none_without_a_measured_target():
    assert str(row("a", 2, 1).counts.share_met_measured) == "2/3"
    assert row("a", 0, 0).counts.share_met_measured is None
    assert (metric_kind("legal_aid.cases"), metric_kind("gdp")) == ("legal_aid", "gdp")
