"""The data model: what a data repository says, as immutable, typed values.

Every target and figure remembers its file and line. Numbers are ``Decimal`` exactly as
written; nothing here is ever a binary float.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from planaudit.exact.expr import Expression

PERCENT = "percent"
RATIO = "ratio"
BOOLEAN = "boolean"
UNASSIGNED_METRIC = "TODO"  # the placeholder `planaudit extract` writes; validate asks for a real metric
UMBRELLA = "(items)"  # the metric and rule of an umbrella target, which is judged on its items (no metric id has brackets)
NOMINAL = "nominal"  # in current prices: what levels are unless they say otherwise
REAL = "real"  # price changes taken out (扣除价格因素, 按不变价格计算): what stated growth rates usually are


class Bound(enum.Enum):
    EXACT = "exact"
    LOWER = "lower"  # 余、超、多、以上: the true value is at least this
    UPPER = "upper"  # 近、不足: the true value is at most this
    APPROX = "approx"  # 约: within a declared share of this, either way


@dataclass(frozen=True, order=True, slots=True)
class Location:
    path: str
    line: int
    col: int = 1

    def __str__(self) -> str:
        return f"{self.path}:{self.line}"


@dataclass(frozen=True, slots=True)
class Label:
    zh: str
    en: str

    def text(self, lang: str) -> str:
        return self.zh if lang == "zh" else self.en


@dataclass(frozen=True, slots=True)
class SourceDocument:
    title: str | None = None
    issuer: str | None = None
    date: dt.date | None = None


@dataclass(frozen=True, slots=True)
class NamedDocument:
    """One of several documents a report's figures come from (the year-end report, a department's, Q1's)."""

    id: str
    title: str | None = None
    issuer: str | None = None
    date: dt.date | None = None


@dataclass(frozen=True, slots=True)
class Waiver:
    reason: str
    date: dt.date | None = None


# Field positions (line, col) of an entry's values, for problems that point at one field.
Positions = Mapping[str, tuple[int, int]]


def _where() -> Positions:
    return field(default_factory=dict, compare=False, hash=False, repr=False)


@dataclass(frozen=True, slots=True)
class Metric:
    id: str
    label: Label
    unit: str
    derive: Expression | None
    tolerance: Decimal | None
    location: Location
    positions: Positions = _where()
    cumulative: bool = False  # only grows through the year: a figure before the period's end is a floor of its final value


@dataclass(frozen=True, slots=True)
class RuleDefinition:
    """A custom rule from rules/*.yaml: a boolean expression over actual, value and baseline."""

    id: str
    label: Label
    expr: Expression
    location: Location
    positions: Positions = _where()
    growth: bool = False  # it compares the growth over the baseline, in percent (its expression reads growth)


@dataclass(frozen=True, slots=True)
class Scope:
    """A part of a jurisdiction that targets and figures may be limited to (市本级, each county…)."""

    id: str
    label: Label
    location: Location
    positions: Positions = _where()


@dataclass(frozen=True, slots=True)
class Catalogue:
    metrics: Mapping[str, Metric]
    rules: Mapping[str, RuleDefinition]
    scopes: Mapping[str, Scope] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class MetricRef:
    """A target's value taken from another figure of the same report (与经济增长同步, 高于全省平均)."""

    metric: str
    scope: str | None = None


@dataclass(frozen=True, slots=True)
class Target:
    jurisdiction: str
    year: int
    id: str
    title: str
    metric: str
    rule: str
    value: Decimal | None
    value_is_percent: bool  # written as "85%"
    unit: str | None  # as declared; None means the metric's unit
    scope: str | None
    deadline: dt.date | None
    baseline: Decimal | None
    quote: str
    section: str | None
    waiver: Waiver | None
    location: Location
    positions: Positions = _where()
    tolerance: Decimal | None = None  # `about`: how far off still counts, in the unit the value is written in
    tolerance_is_percent: bool = False  # written as "0.5%"
    tolerance_share: Decimal | None = None  # `about`: the same as a percentage of the value
    direction: str | None = None  # `about`: floor, ceiling or both (None: both)
    value_unknown: bool = False  # `value: unknown`: the source lost the number (研发投入强度达到3.)
    value_ref: MetricRef | None = None  # `value: {metric: gdp.growth}`: another figure of the same report
    over: str | None = None  # "year": the target constrains the whole year (全年控制在…以内), not its end
    value_source: str | None = None  # "report": the plan gives no number; the value is the one the report restates
    value_quote: str | None = None  # with it, the report's words that state the value (原定目标为5家)
    basis: str | None = None  # nominal or real: what its value means (None: unstated, never checked)
    items: tuple[str, ...] = ()  # an umbrella's: the ids of its items, which follow it in the plan
    parent: str | None = None  # an item's: the id of its umbrella

    @property
    def is_umbrella(self) -> bool:
        """Is it judged on its items (the "3+3+3" project: met only when all nine are)?"""
        return bool(self.items)

    @property
    def value_from_report(self) -> bool:
        """Is the value the one the report restates, the plan giving none?"""
        return self.value_source == "report"

    @property
    def key(self) -> str:
        return f"{self.year}/{self.jurisdiction}/{self.id}"


@dataclass(frozen=True, slots=True)
class Figure:
    jurisdiction: str
    year: int
    metric: str
    value: Decimal | bool
    value_is_percent: bool
    bound: Bound
    scope: str | None
    as_of: dt.date
    quote: str
    location: Location
    positions: Positions = _where()
    growth: Decimal | None = None  # the year-on-year growth the report states with it, in percent (同比增长21%)
    approx_share: Decimal | None = None  # bound approx: how far off the true value may be, in percent of this
    of_target: str | None = None  # the id of a target whose value this figure states a share of (占年度目标的126%)
    aggregate: str = "end"  # what it measures over its period: end (the value at as_of), mean, max or min
    source: NamedDocument | None = None  # the document it comes from, when the report names several
    conflict: bool = False  # the report states it again, differently (its text 100%, its table 72%)
    basis: str | None = None  # nominal or real: what its value (and its stated growth) means; None: unstated


@dataclass(frozen=True, slots=True)
class Assertion:
    """A report's blanket claim of completion (各项实事年度目标任务全面完成): of every target, or of some."""

    targets: tuple[str, ...] | None  # the ids it names; None: every target of the year (asserts: all_met)
    quote: str
    location: Location

    def covers(self, target_id: str) -> bool:
        return self.targets is None or target_id in self.targets


@dataclass(frozen=True, slots=True)
class Plan:
    """One target file: targets/<year>/<jurisdiction>.yaml."""

    path: str
    jurisdiction: str
    name: str
    year: int
    document: SourceDocument
    targets: tuple[Target, ...]


@dataclass(frozen=True, slots=True)
class Report:
    """One outcome file: outcomes/<year>/<jurisdiction>.yaml."""

    path: str
    jurisdiction: str
    name: str
    year: int
    document: SourceDocument
    figures: tuple[Figure, ...]
    assertions: tuple[Assertion, ...] = ()
    documents: tuple[NamedDocument, ...] = ()


@dataclass(frozen=True, slots=True)
class Settings:
    """planaudit.yaml: repository-wide defaults."""

    lang: str | None = None
    fail_on: str | None = None
    tolerance: Decimal | None = None
    about_tolerance: Decimal | None = None  # the tolerance of an `about` target that gives none
    about_tolerance_share: Decimal | None = None  # or its share of the value, in percent
    approx_share: Decimal | None = None  # how far off a figure of bound approx may be, in percent, where it says not
    accept_assertions: bool = True  # False: a report's blanket claim of completion makes nothing met
    max_file_size: int | None = None  # the most bytes a rules, target or outcome file may have (None: 10 MB)


@dataclass(frozen=True, slots=True)
class Repository:
    """What one audit reads: settings, the catalogue, and plans and reports by (year, jurisdiction)."""

    settings: Settings
    catalogue: Catalogue
    plans: Mapping[tuple[int, str], Plan]
    reports: Mapping[tuple[int, str], Report]
