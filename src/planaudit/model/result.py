"""What an audit finds: verdicts with their reasons and evidence, and inconsistent figures.

Reporters see only these objects.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from typing import TYPE_CHECKING

from planaudit.exact.numbers import Interval
from planaudit.model.data import Assertion, Figure, Metric, Settings, Strength, Target
from planaudit.model.wording import in_targets_words

if TYPE_CHECKING:
    from planaudit.judge.rules import Rule  # in a process, the rule itself; between processes, its id (run/wire.py)


class Verdict(enum.Enum):
    MET = "met"
    MISSED = "missed"
    UNMEASURED = "unmeasured"
    PARTLY = "partly"  # done in part (a figure of `value: partly`): never met, counted apart, failing as missed does


class Grounds(enum.Enum):
    """What a verdict rests on, strongest first."""

    MEASURED = "measured"  # a number the report gives (or its counts give), compared with the threshold
    STATED = "stated"  # the report says it is done (or not), in words that repeat the plan's
    JUDGED = "judged"  # an evaluator's reading of the report's words, which the figure's note explains
    ASSERTED = "asserted"  # the report's blanket claim of completion, naming no figure

    @staticmethod
    def weakest(found: Iterable[Grounds]) -> Grounds:
        return max(found, key=_GROUNDS_ORDER.index)

    @staticmethod
    def strongest(found: Iterable[Grounds]) -> Grounds:
        return min(found, key=_GROUNDS_ORDER.index)


_GROUNDS_ORDER = list(Grounds)


class Reason(enum.Enum):
    STATED = "stated"  # judged on a figure the report states
    DERIVED = "derived"  # judged on a figure derived from stated ones
    NO_REPORT = "no_report"
    AFTER_DEADLINE = "after_deadline"
    NOT_REPORTED = "not_reported"
    NO_BASELINE = "no_baseline"
    IMPRECISE = "imprecise"
    UNDEFINED = "undefined"  # a custom rule divided by zero
    CONTESTED = "contested"  # a stated figure and its counts would give different verdicts
    WITHIN_TOLERANCE = "within_tolerance"  # met only thanks to the tolerance of an `about` target
    NO_THRESHOLD = "no_threshold"  # the plan's value was lost in its source (`value: unknown`)
    ASSERTED = "asserted"  # met on the report's blanket claim of completion, with no figure: never measured
    WRONG_AGGREGATE = "wrong_aggregate"  # a target over the year, and only a year-end (or mean) figure that cannot decide it
    INTERIM_ONLY = "interim_only"  # a cumulative metric's figure before the period's end falls short: it may still grow
    BASIS_MISMATCH = "basis_mismatch"  # nominal against real (growth from levels in current prices, a real target)
    ITEMS = "items"  # an umbrella target, judged on its items: met when all are, missed when one is
    PARTLY = "partly"  # the report's words show it done in part (value: partly), as the figure's note explains
    PROJECTED = "projected"  # the report only projects the figure (预计), which decides nothing
    ADMITTED = "admitted"  # missed on the report's own admission that it was not done (denies:), with no figure deciding
    CONTRADICTED = "contradicted"  # a figure meets it, but the report admits it was not done: unmeasured


@dataclass(frozen=True, slots=True)
class Derivation:
    metric: str
    expression: str
    inputs: tuple[Resolved, ...]
    names: tuple[str, ...] = ()  # each input's name in the expression (projects[province]), in order


@dataclass(frozen=True, slots=True)
class Resolved:
    """A metric's value for one jurisdiction and year: stated by a figure or derived."""

    metric: str
    year: int
    value: Interval | bool
    as_of: dt.date
    figure: Figure | None = None
    derivation: Derivation | None = None

    def figures(self) -> tuple[Figure, ...]:
        """Every stated figure this value rests on, each once, in the order its derivations name
        them (an input that derivations share is walked once: a "diamond" of them stays linear)."""
        if self.figure is not None:
            return (self.figure,)
        found: dict[int, Figure] = {}
        walked: set[int] = set()
        stack: list[Resolved] = [self]
        while stack:
            resolved = stack.pop()
            if id(resolved) in walked:
                continue
            walked.add(id(resolved))
            if resolved.figure is not None:
                found.setdefault(id(resolved.figure), resolved.figure)
            else:
                assert resolved.derivation is not None
                stack.extend(reversed(resolved.derivation.inputs))
        return tuple(found.values())


@dataclass(frozen=True, slots=True)
class Detail:
    """Why, in words a reporter renders in its language: a message code and its parameters
    (a parameter may itself be a Detail, as when a derivation explains a missing input)."""

    code: str
    params: tuple[tuple[str, str | Detail], ...] = ()

    @classmethod
    def basis(cls, basis: str) -> Detail:
        """A basis (nominal, real) as a detail of its own, so that each language names it in its words."""
        return cls(f"basis_{basis}")

    @classmethod
    def of(cls, code: str, **params: object) -> Detail:
        return cls(code, tuple((key, value if isinstance(value, Detail) else str(value)) for key, value in params.items()))


@dataclass(frozen=True, slots=True)
class Missing:
    reason: Reason
    detail: Detail


@dataclass(frozen=True, slots=True)
class Baseline:
    value: Interval
    source: Resolved | None  # None: the target's explicit baseline


class Agreement(enum.Enum):
    """How a stated figure and its counts agree, where they do not disagree."""

    NONE = "none"  # they share no value: the figure is inconsistent, and listed
    CUT_OFF = "cut_off"  # the figure is its counts' value cut off at its written place, not rounded (97.12% for 97.1277%)
    ROUNDED = "rounded"  # the figure is its counts' value rounded (83.00% for 82.996%)


@dataclass(frozen=True, slots=True)
class Inconsistency:
    """A stated figure that disagrees with the value derived from its counts — or, ``conflict``,
    with the same figure stated elsewhere in the report. With an ``agreement``, the same pair where
    they agree after all (cut off, or rounded): never listed, but shown where it bears on a verdict."""

    figure: Figure
    metric: Metric
    stated: Interval
    derived: Resolved
    tolerance: Fraction  # the slack declared (the metric's or planaudit.yaml's tolerance), else 0
    conflict: bool = False  # ``derived`` is not from counts but another figure the report states (its table)
    stated_range: Interval | None = None  # what the stated figure may stand for, its rounding allowing
    derived_range: Interval | None = None  # what its counts give when each stands for its rounding interval
    agreement: Agreement = Agreement.NONE

    @property
    def listed(self) -> bool:
        """Is it an inconsistency (listed, counted), not a pair that agrees after all?"""
        return self.agreement is Agreement.NONE

    @property
    def acknowledged(self) -> str | None:
        """Why the data accepts the disagreement (the figure's ``acknowledged:``): still listed, never failing."""
        return self.figure.acknowledged

    @property
    def derived_reading(self) -> Interval:
        """The other reading: what the counts give (one value), or what the report states elsewhere
        (a range, where that figure has a bound)."""
        assert isinstance(self.derived.value, Interval)  # a conflict or a derivation is of numbers
        return self.derived.value

    @property
    def derived_value(self) -> Fraction:
        """The value the counts give (a derivation from exact counts is one value)."""
        return self.derived_reading.point


@dataclass(frozen=True, slots=True)
class TargetResult:
    target: Target
    metric: Metric
    rule: Rule
    verdict: Verdict
    reason: Reason
    threshold: Fraction | None  # in the metric's unit (a growth rule: in percent)
    actual: Resolved | None = None
    baseline: Baseline | None = None
    growth: Interval | None = None  # growth rules: the growth the figures show, in percent
    detail: Detail | None = None
    warnings: tuple[Inconsistency, ...] = ()
    tolerance: Fraction | None = None  # a rule with a band (`about`): how far off still counts, in the metric's unit
    assertion: Assertion | None = None  # the report's claim it was met on (asserted), or admission it was missed on (admitted)
    reference: Resolved | None = None  # the figure a `value: {metric: …}` target was compared with
    items: tuple[TargetResult, ...] = ()  # an umbrella target's: its items' results, which decide it
    compared: Interval | None = None  # what the rule compared the figure with: the value, its band, or the reference
    agreeing: tuple[Inconsistency, ...] = ()  # counts that agree with its figures only cut off (or, contested, rounded)
    projected: tuple[Figure, ...] = ()  # the report's projections of its metric (预计), where it states no figure

    @property
    def compared_with(self) -> Interval | None:
        """A relative target's value: the figure of the metric it names, as the report gives it."""
        return self.reference.value if self.reference is not None and isinstance(self.reference.value, Interval) else None

    @property
    def waived(self) -> bool:
        return self.target.waiver is not None

    def evidence(self) -> tuple[Figure, ...]:
        figures = self.actual.figures() if self.actual else ()
        if self.baseline and self.baseline.source:
            figures += self.baseline.source.figures()
        if self.reference is not None:
            figures += self.reference.figures()
        return figures

    @property
    def grounds(self) -> Grounds | None:
        """What the verdict rests on; None for an unmeasured target, which rests on nothing. A
        yes/no figure is *stated* when its quote repeats the target's words, else *judged*; a
        figure with a note is an evaluator's reading, *judged*, and so is a commitment done in part.
        An umbrella met rests on its weakest item; one missed (or done in part), on the strongest
        of the items that make it so."""
        if self.verdict is Verdict.UNMEASURED:
            return None
        if self.reason is Reason.ASSERTED:
            return Grounds.ASSERTED
        if self.reason is Reason.ADMITTED:
            return Grounds.STATED  # the report's own words that it was not done
        if self.items:
            deciding = [item.grounds for item in self.items
                        if item.verdict is self.verdict and (self.verdict is Verdict.MET or not item.waived)]
            found = [grounds for grounds in deciding if grounds is not None]
            if not found:
                return None
            return Grounds.weakest(found) if self.verdict is Verdict.MET else Grounds.strongest(found)
        if self.verdict is Verdict.PARTLY or any(figure.note is not None for figure in self.evidence()):
            return Grounds.JUDGED
        figure = None if self.actual is None else self.actual.figure
        if figure is not None and figure.stated.is_state:
            return Grounds.STATED if in_targets_words(self.target, figure.provenance.quote) else Grounds.JUDGED
        return Grounds.MEASURED


@dataclass(frozen=True, slots=True)
class Summary:
    """A year's counts. Each target counts once: waived ones apart, those met only on the report's
    claim of completion (``asserted``) apart from the met, those done in part (``partly``) apart
    from the missed; the met and the missed are split by what they rest on (:class:`Grounds`)."""

    targets: int
    met: int
    missed: int
    unmeasured: int
    waived: int
    inconsistent: int  # not acknowledged: what fails --fail-on inconsistent
    asserted: int = 0  # met only on the report's claim of completion: apart from met, never measured
    partly: int = 0  # done in part: neither met nor missed, and failing as missed does
    met_measured: int = 0
    met_stated: int = 0
    met_judged: int = 0
    missed_measured: int = 0
    missed_stated: int = 0
    missed_judged: int = 0
    acknowledged: int = 0  # inconsistent figures the data acknowledges (acknowledged:): listed, never failing
    items: int = 0  # the items of umbrella targets: counted apart, each umbrella once among the targets
    items_met: int = 0
    met_strive: int = 0  # of the met, those the plan only strove for (力争), and those it would explore (探索)
    met_explore: int = 0
    missed_strive: int = 0
    missed_explore: int = 0

    @property
    def share_met(self) -> Fraction | None:
        """Met as a share of the targets measured (met or missed), None when none was measured."""
        measured = self.met + self.missed
        return Fraction(self.met, measured) if measured else None

    def by_grounds(self, verdict: Verdict) -> list[tuple[Grounds, int]]:
        """How many of the met (or missed) rest on each of measured, stated and judged, in that order."""
        name = verdict.value
        return [(grounds, getattr(self, f"{name}_{grounds.value}")) for grounds in _SPLIT]

    def by_strength(self, verdict: Verdict) -> list[tuple[Strength, int]]:
        """How many of the met (or missed) the plan only strove for, and only would explore."""
        name = verdict.value
        return [(strength, getattr(self, f"{name}_{strength.value}")) for strength in _HEDGED]

    def __add__(self, other: Summary) -> Summary:
        return Summary(*(getattr(self, name) + getattr(other, name) for name in _SUMMARY_COUNTS))


_SPLIT = (Grounds.MEASURED, Grounds.STATED, Grounds.JUDGED)
_HEDGED = (Strength.STRIVE, Strength.EXPLORE)
_SUMMARY_COUNTS = ("targets", "met", "missed", "unmeasured", "waived", "inconsistent", "asserted", "partly",
                   "met_measured", "met_stated", "met_judged", "missed_measured", "missed_stated", "missed_judged",
                   "acknowledged", "items", "items_met", "met_strive", "met_explore", "missed_strive", "missed_explore")
EMPTY_SUMMARY = Summary(*(0 for _ in _SUMMARY_COUNTS))


def _summarize(results: Sequence[TargetResult], inconsistencies: Sequence[Inconsistency]) -> Summary:
    """Counts of verdicts, and of what the met and the missed rest on; a waived target is counted
    apart, not under its verdict, and so is one met on an assertion alone. A commitment is counted
    once: an umbrella target by its own verdict, its items apart (``items``, ``items_met``)."""
    items = [result for result in results if result.target.parent is not None]
    results = [result for result in results if result.target.parent is None]
    counted = [result for result in results if not result.waived]
    asserted = sum(result.reason is Reason.ASSERTED for result in counted)
    verdicts = [result.verdict for result in counted]
    split = Counter((result.verdict, result.grounds) for result in counted
                    if result.verdict in (Verdict.MET, Verdict.MISSED))
    acknowledged = sum(item.acknowledged is not None for item in inconsistencies)
    hedged = Counter((result.verdict, result.target.strength) for result in counted
                     if result.verdict in (Verdict.MET, Verdict.MISSED) and result.reason is not Reason.ASSERTED)
    return Summary(
        targets=len(results),
        met=verdicts.count(Verdict.MET) - asserted,
        missed=verdicts.count(Verdict.MISSED),
        unmeasured=verdicts.count(Verdict.UNMEASURED),
        waived=len(results) - len(counted),
        inconsistent=len(inconsistencies) - acknowledged,
        asserted=asserted,
        partly=verdicts.count(Verdict.PARTLY),
        acknowledged=acknowledged,
        items=len(items),
        items_met=sum(item.verdict is Verdict.MET for item in items),
        **{f"{verdict.value}_{strength.value}": hedged[verdict, strength]
           for verdict in (Verdict.MET, Verdict.MISSED) for strength in _HEDGED},
        **{f"{verdict.value}_{grounds.value}": split[verdict, grounds]
           for verdict in (Verdict.MET, Verdict.MISSED) for grounds in _SPLIT},
    )


def years_span(years: Sequence[int]) -> str:
    """Years as a report names them: "2022"; "2021–2023" when they follow each other; else "2021, 2023"."""
    if len(years) > 1 and list(years) == list(range(years[0], years[-1] + 1)):
        return f"{years[0]}–{years[-1]}"
    return ", ".join(map(str, years))


@dataclass(frozen=True, slots=True)
class YearOverview:
    """What a report says of one year of an audit: every audited jurisdiction's name and counts, in
    order. Small, and made without holding every result."""

    year: int
    names: Mapping[str, str]  # jurisdiction slug → its name
    summaries: Mapping[str, Summary]  # jurisdiction slug → its counts
    not_judged: tuple[str, ...] = ()  # jurisdictions asked for whose files have errors
    missed: tuple[str, ...] = ()  # "jurisdiction/id" of every missed target (not waived), in order
    unmeasured: tuple[str, ...] = ()  # and of every unmeasured one
    partly: tuple[str, ...] = ()  # and of every one done in part

    @staticmethod
    def named(results: Sequence[TargetResult], verdict: Verdict) -> tuple[str, ...]:
        """The targets of ``results`` with ``verdict``, not waived, as "jurisdiction/id" — an umbrella
        by its own verdict, not its items', as every summary counts it."""
        return tuple(f"{item.target.jurisdiction}/{item.target.id}" for item in results
                     if item.verdict is verdict and not item.waived and item.target.parent is None)

    @property
    def summary(self) -> Summary:
        return sum(self.summaries.values(), EMPTY_SUMMARY)


@dataclass(frozen=True, slots=True)
class Overview:
    """What a report says of a run as a whole: its settings and each of its years, in order (a run
    of `check 2021 2022 2023` has three; most have one)."""

    settings: Settings
    years: tuple[YearOverview, ...]

    @property
    def several(self) -> bool:
        """Does the run judge several years (so that each one is named wherever it is not the only one)?"""
        return len(self.years) > 1

    @property
    def span(self) -> str:
        """Its years as a report names them: "2022", "2021–2023", "2021, 2023"."""
        return years_span([year.year for year in self.years])

    @property
    def summary(self) -> Summary:
        """The counts of every year together."""
        return sum((year.summary for year in self.years), EMPTY_SUMMARY)

    @property
    def not_judged(self) -> tuple[str, ...]:
        """The jurisdictions asked for whose files have errors: "fuzhou", or of a run of several years,
        "2022 fuzhou"."""
        return self._each("not_judged")

    @property
    def missed(self) -> tuple[str, ...]:
        """Every missed target (not waived): "fuzhou/x", or of a run of several years, "2022 fuzhou/x"."""
        return self._each("missed")

    @property
    def unmeasured(self) -> tuple[str, ...]:
        return self._each("unmeasured")

    @property
    def partly(self) -> tuple[str, ...]:
        return self._each("partly")

    def _each(self, field_name: str) -> tuple[str, ...]:
        return tuple(f"{year.year} {name}" if self.several else name
                     for year in self.years for name in getattr(year, field_name))


@dataclass(frozen=True, slots=True)
class JurisdictionResult:
    """One audited jurisdiction's verdicts and inconsistent figures: what a reporter is handed, a
    jurisdiction at a time, in order (see :class:`planaudit.report.base.Reporter`)."""

    year: int  # the year whose targets were judged
    slug: str
    name: str
    results: tuple[TargetResult, ...]
    inconsistencies: tuple[Inconsistency, ...]
    directions: int = 0  # the plan's directions: commitments it records that have no checkable end, never judged

    @property
    def summary(self) -> Summary:
        return _summarize(self.results, self.inconsistencies)

    @property
    def missed(self) -> tuple[str, ...]:
        """"jurisdiction/id" of its missed targets (not waived), in order."""
        return YearOverview.named(self.results, Verdict.MISSED)

    @property
    def unmeasured(self) -> tuple[str, ...]:
        return YearOverview.named(self.results, Verdict.UNMEASURED)

    @property
    def partly(self) -> tuple[str, ...]:
        return YearOverview.named(self.results, Verdict.PARTLY)


@dataclass(frozen=True, slots=True)
class AuditResult:
    year: int
    settings: Settings
    names: Mapping[str, str]  # jurisdiction slug → its name, for every audited jurisdiction
    results: tuple[TargetResult, ...]
    inconsistencies: tuple[Inconsistency, ...]
    directions: Mapping[str, int] = field(default_factory=dict)  # jurisdiction slug → its plan's directions

    @property
    def summary(self) -> Summary:
        return _summarize(self.results, self.inconsistencies)

    def overview(self) -> Overview:
        """The year, settings, names and each jurisdiction's counts: what a report says of the whole."""
        inconsistencies: dict[str, list[Inconsistency]] = {slug: [] for slug in self.names}
        for item in self.inconsistencies:
            inconsistencies[item.figure.jurisdiction].append(item)
        summaries = {slug: _summarize(items, inconsistencies[slug]) for slug, items in self.by_jurisdiction().items()}
        year = YearOverview(self.year, self.names, summaries, (), YearOverview.named(self.results, Verdict.MISSED),
                            YearOverview.named(self.results, Verdict.UNMEASURED),
                            YearOverview.named(self.results, Verdict.PARTLY))
        return Overview(self.settings, (year,))

    def jurisdictions(self) -> list[JurisdictionResult]:
        """The audit a jurisdiction at a time, in the order of its names."""
        inconsistencies: dict[str, list[Inconsistency]] = {slug: [] for slug in self.names}
        for item in self.inconsistencies:
            inconsistencies[item.figure.jurisdiction].append(item)
        return [JurisdictionResult(self.year, slug, self.names[slug], tuple(items), tuple(inconsistencies[slug]),
                                   self.directions.get(slug, 0))
                for slug, items in self.by_jurisdiction().items()]

    def by_jurisdiction(self) -> dict[str, list[TargetResult]]:
        grouped: dict[str, list[TargetResult]] = {slug: [] for slug in self.names}
        for result in self.results:
            grouped[result.target.jurisdiction].append(result)
        return grouped
