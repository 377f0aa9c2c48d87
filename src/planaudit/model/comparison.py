"""Jurisdictions side by side (`planaudit compare`): each one's targets counted by verdict and by what
the verdict rests on, and the same counts grouped by the plan's section, by kind of commitment (the
metric's prefix) and by rule. Counts keep their denominators; nothing is averaged into a score, and
a row with few measured targets is marked so, never ranked above those with enough.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, fields
from fractions import Fraction

from planaudit.model.data import UMBRELLA, Strength
from planaudit.model.grouping import MIN_MEASURED, Grouping
from planaudit.model.result import Grounds, JurisdictionResult, Reason, TargetResult, Verdict

_RANKED = (Grouping.JURISDICTION, Grouping.METRIC, Grouping.RULE)  # a section stays in its plan's order


@dataclass(frozen=True, slots=True)
class Counts:
    """Targets by verdict, the met and the missed by what they rest on; the waived and those met only
    on the report's claim counted apart; the inconsistent figures (listed, not acknowledged) among
    their evidence — of a jurisdiction, all of its reports'; and the plan's directions, never judged."""

    targets: int = 0
    met: int = 0
    met_measured: int = 0
    met_stated: int = 0
    met_judged: int = 0
    missed: int = 0
    missed_measured: int = 0
    missed_stated: int = 0
    missed_judged: int = 0
    partly: int = 0
    unmeasured: int = 0
    asserted: int = 0
    waived: int = 0
    inconsistent: int = 0
    directions: int = 0

    @property
    def measured(self) -> int:
        """The targets met or missed on a number: the denominator of :attr:`share_met_measured`."""
        return self.met_measured + self.missed_measured

    @property
    def share_met_measured(self) -> Fraction | None:
        """Met as a share of the measured; None when none was measured."""
        return Fraction(self.met_measured, self.measured) if self.measured else None

    def by_grounds(self, verdict: Verdict) -> list[tuple[Grounds, int]]:
        """How many of the met (or missed) rest on each of measured, stated and judged, in that order."""
        return [(grounds, getattr(self, f"{verdict.value}_{grounds.value}")) for grounds in _SPLIT]

    def by_strength(self, verdict: Verdict) -> list[tuple[Strength, int]]:
        """The comparison does not split by strength (see `check`'s summary)."""
        return []

    def __add__(self, other: Counts) -> Counts:
        return Counts(*(getattr(self, item.name) + getattr(other, item.name) for item in fields(Counts)))

    @classmethod
    def of(cls, results: Iterable[TargetResult], inconsistent: int | None = None, directions: int = 0) -> Counts:
        """The counts of ``results``, each counted once; ``inconsistent``, when not given, is the number
        of distinct inconsistent figures (listed, not acknowledged) among their warnings."""
        tally = dict.fromkeys((item.name for item in fields(Counts)), 0)
        figures = set()
        for result in results:
            tally["targets"] += 1
            for column in _columns(result):
                tally[column] += 1
            figures |= {(warning.figure.location, warning.metric.id) for warning in result.warnings
                        if warning.listed and not warning.acknowledged}
        tally["inconsistent"] = len(figures) if inconsistent is None else inconsistent
        tally["directions"] = directions
        return cls(**tally)


def _columns(result: TargetResult) -> list[str]:
    """The counts a target adds to, as `check`'s summary counts it: waived apart, met on a claim alone
    apart; the met and the missed, and among them those resting on a number, a statement or a judgment
    (an umbrella met on an item met on a claim alone rests on none of the three)."""
    if result.waived:
        return ["waived"]
    if result.reason is Reason.ASSERTED:
        return ["asserted"]
    if result.verdict in (Verdict.MET, Verdict.MISSED):
        grounds = result.grounds
        split = [f"{result.verdict.value}_{grounds.value}"] if grounds in _SPLIT else []
        return [result.verdict.value, *split]
    return [result.verdict.value]  # partly, unmeasured


_SPLIT = (Grounds.MEASURED, Grounds.STATED, Grounds.JUDGED)


@dataclass(frozen=True, slots=True)
class Row:
    """A row of one of the comparison's tables: its grouping, year, what it is of — (slug, name) of a
    jurisdiction, (slug, section) of a section, (prefix,) of a kind, (rule,) of a rule — and its counts."""

    grouping: Grouping
    year: int
    key: tuple[str, ...]
    counts: Counts

    def __add__(self, other: Row) -> Row:
        return Row(self.grouping, self.year, self.key, self.counts + other.counts)


NO_SECTION = ""  # the section of a target whose plan names none


def rows_of(result: JurisdictionResult, groupings: Sequence[Grouping]) -> list[Row]:
    """A jurisdiction's rows in each of ``groupings``: its own, its sections' (in its plan's order), and
    what it adds to each kind of commitment and each rule (summed across jurisdictions by :func:`combined`)."""
    commitments = [item for item in result.results if item.target.parent is None]
    judged_on_metrics = [item for item in result.results if item.target.metric != UMBRELLA]
    rows = []
    for grouping in groupings:
        if grouping is Grouping.JURISDICTION:
            listed = sum(1 for item in result.inconsistencies if not item.acknowledged)
            rows.append(Row(grouping, result.year, (result.slug, result.name),
                            Counts.of(commitments, listed, result.directions)))
        elif grouping is Grouping.SECTION:
            rows += _grouped(grouping, result.year, commitments, lambda item: (
                result.slug, item.target.provenance.section or NO_SECTION))
        elif grouping is Grouping.METRIC:
            rows += _grouped(grouping, result.year, judged_on_metrics, lambda item: (metric_kind(item.target.metric),))
        else:
            rows += _grouped(grouping, result.year, judged_on_metrics, lambda item: (item.target.rule,))
    return rows


def metric_kind(metric: str) -> str:
    """A metric's kind: its id before the first dot (legal_aid of legal_aid.cases), or the id itself."""
    return metric.split(".", 1)[0]


def _grouped(grouping: Grouping, year: int, results: list[TargetResult],
             key_of: Callable[[TargetResult], tuple[str, ...]]) -> list[Row]:
    grouped: dict[tuple[str, ...], list[TargetResult]] = {}
    for item in results:
        grouped.setdefault(key_of(item), []).append(item)
    return [Row(grouping, year, key, Counts.of(items)) for key, items in grouped.items()]


class Combined:
    """Rows added up as they come: those of the same grouping, year and key (a kind of commitment, a
    rule, in each jurisdiction that has it) become one, in the order each first came."""

    def __init__(self) -> None:
        self._rows: dict[tuple[Grouping, int, tuple[str, ...]], Row] = {}

    def add(self, rows: Iterable[Row]) -> None:
        for row in rows:
            place = (row.grouping, row.year, row.key)
            self._rows[place] = self._rows[place] + row if place in self._rows else row

    def of(self, grouping: Grouping) -> list[Row]:
        return [row for row in self._rows.values() if row.grouping is grouping]


@dataclass(frozen=True, slots=True)
class Ranked:
    """A row in its table's order: its rank (None where the table is not ranked, or the row has few
    measured targets), and whether it has fewer measured targets than a rank needs."""

    row: Row
    rank: int | None
    few_measured: bool


def ranked(rows: Sequence[Row], min_measured: int = MIN_MEASURED) -> list[Ranked]:
    """A table's rows, year by year: where the grouping is ranked, those with ``min_measured`` measured
    targets or more by their share met of the measured, highest first (ties by key), ranked 1, 2, …;
    then, unranked, those with fewer, by key. A section keeps its plan's order and has no rank."""
    shown: list[Ranked] = []
    for year in sorted({row.year for row in rows}):
        of_year = [row for row in rows if row.year == year]
        if of_year and of_year[0].grouping not in _RANKED:
            shown += [Ranked(row, None, row.counts.measured < min_measured) for row in of_year]
            continue
        enough = sorted((row for row in of_year if row.counts.measured >= min_measured),
                        key=lambda row: (-(row.counts.share_met_measured or 0), row.key))
        few = sorted((row for row in of_year if row.counts.measured < min_measured), key=lambda row: row.key)
        shown += [Ranked(row, rank, False) for rank, row in enumerate(enough, 1)]
        shown += [Ranked(row, None, True) for row in few]
    return shown
