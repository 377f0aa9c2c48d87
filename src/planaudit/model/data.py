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
from planaudit.exact.numbers import format_number
from planaudit.messages import Message
from planaudit.model.problems import Code, Level

PERCENT = "percent"
RATIO = "ratio"
BOOLEAN = "boolean"
PARTLY = "partly"  # a figure's value that says its commitment is done in part
UNASSIGNED_METRIC = "TODO"  # the placeholder `planaudit extract` writes; validate asks for a real metric
UMBRELLA = "(items)"  # the metric and rule of an umbrella target, which is judged on its items (no metric id has brackets)
NOMINAL = "nominal"  # in current prices: what levels are unless they say otherwise
REAL = "real"  # price changes taken out (扣除价格因素, 按不变价格计算): what stated growth rates usually are


class Bound(enum.Enum):
    EXACT = "exact"
    LOWER = "lower"  # 余、超、多、以上: the true value is at least this
    UPPER = "upper"  # 近、不足: the true value is at most this
    APPROX = "approx"  # 约: within a declared share of this, either way

    @property
    def symbol(self) -> str:
        """How it reads before a number: "≥" for a lower bound, "≤" for an upper, "≈", or nothing."""
        return _BOUND_SYMBOLS[self]


_BOUND_SYMBOLS = {Bound.EXACT: "", Bound.LOWER: "≥", Bound.UPPER: "≤", Bound.APPROX: "≈"}


class Strength(enum.Enum):
    """How firmly a plan commits to a target, as its own words hedge it."""

    FIRM = "firm"  # 确保、完成、实现: promised
    STRIVE = "strive"  # 力争、争取、努力、争创: striven for
    EXPLORE = "explore"  # 探索、研究、试点: to be tried, not promised


@dataclass(frozen=True, order=True, slots=True)
class Location:
    path: str
    line: int
    col: int = 1

    def __str__(self) -> str:
        return f"{self.path}:{self.line}"

    def shown(self, folder: str = "") -> str:
        """"path:line", the path as the data's git repository names it: ``folder`` is where the data
        is in it ("data/"; "" at its top)."""
        return f"{folder}{self.path}:{self.line}"


@dataclass(frozen=True, slots=True)
class Label:
    zh: str
    en: str

    def text(self, lang: str) -> str:
        return self.zh if lang == "zh" else self.en

    @classmethod
    def said(cls, wording: Message) -> Label:
        """A built-in's label (a rule's, the umbrella's), in each language from the catalogue."""
        return cls(zh=wording.render("zh"), en=wording.render("en"))


@dataclass(frozen=True, slots=True)
class SourceDocument:
    """The document a data file encodes (its `document:`): what an audit cites as its source."""

    title: str | None = None
    issuer: str | None = None
    date: dt.date | None = None
    url: str | None = None

    @property
    def given(self) -> bool:
        """Does the file say anything of it?"""
        return any(value is not None for value in (self.title, self.issuer, self.date, self.url))


@dataclass(frozen=True, slots=True)
class NamedDocument:
    """One of several documents a report's figures come from (the year-end report, a department's, Q1's)."""

    id: str
    title: str | None = None
    issuer: str | None = None
    date: dt.date | None = None
    url: str | None = None


Document = SourceDocument | NamedDocument  # what an entry's words are quoted from


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

    def text(self) -> str:
        """How it reads: "gdp.growth", "gdp.growth[county]"."""
        return self.metric + (f"[{self.scope}]" if self.scope else "")


class ValueKind(enum.Enum):
    NONE = "none"  # the rule takes no value (achieved), or the target is an umbrella
    NUMBER = "number"  # a number as written: 85, "85%"
    REFERENCE = "reference"  # another figure of the same report: {metric: gdp.growth}
    UNKNOWN = "unknown"  # `value: unknown`: the source lost the number (研发投入强度达到3.)


@dataclass(frozen=True, slots=True, kw_only=True)
class Threshold:
    """What a target's value is — a number as written (with the unit it is written in, and whether
    as "85%"), another figure of the same report, unknown, or none — and where it comes from: the
    plan, or (``source`` "report") the report, which restates it in ``quote`` (原定目标为5家).

    It holds what the file says, faults included (a quote without source: report): check/validate
    reads :meth:`restatement_fault` and says so."""

    number: Decimal | None = None
    percent: bool = False  # written as "85%"
    unit: str | None = None  # as declared; None means the metric's unit
    reference: MetricRef | None = None
    unknown: bool = False
    source: str | None = None  # "report": the plan gives no number; the value is the one the report restates
    quote: str | None = None  # with it, the report's words that state the value
    note: str | None = None  # how the value was computed from the quote, which does not state it as written

    @property
    def kind(self) -> ValueKind:
        if self.number is not None:
            return ValueKind.NUMBER
        if self.reference is not None:
            return ValueKind.REFERENCE
        return ValueKind.UNKNOWN if self.unknown else ValueKind.NONE

    @property
    def given(self) -> bool:
        """Does the file give a value (a number, or unknown)? A reference is not one: it names a figure."""
        return self.number is not None or self.unknown

    @property
    def from_report(self) -> bool:
        """Is the value the one the report restates, the plan giving none?"""
        return self.source == "report"

    def restatement_fault(self) -> str | None:
        """The field that is wrong when the value's source and its quote disagree: value_source
        (report, with no quote), value_quote (a quote, not from the report); None when they agree."""
        if self.from_report and self.quote is None:
            return "value_source"
        if self.quote is not None and not self.from_report:
            return "value_quote"
        return None

    def text(self) -> str:
        """How the value reads as written: "85%", "gdp.growth[county]", "?"; "" when there is none."""
        if self.number is not None:
            return format_number(self.number) + ("%" if self.percent else "")
        if self.reference is not None:
            return self.reference.text()
        return "?" if self.unknown else ""


NO_VALUE = Threshold()


@dataclass(frozen=True, slots=True, kw_only=True)
class Tolerance:
    """How far from its value an `about` target still counts as met: ``amount`` in the unit the
    value is written in (``percent``: written as "0.5%"), or ``share`` of the value in percent; on
    ``direction``'s side — floor, ceiling or both (None: both)."""

    amount: Decimal | None = None
    percent: bool = False
    share: Decimal | None = None
    direction: str | None = None

    def given(self) -> list[str]:
        """The fields the file gives, by their keys."""
        return [key for key, value in (("tolerance", self.amount), ("tolerance_share", self.share),
                                       ("direction", self.direction)) if value is not None]

    @property
    def both_given(self) -> bool:
        """Are both an amount and a share given (only one may be)?"""
        return self.amount is not None and self.share is not None

    def percent_of_plain(self, value: Threshold) -> bool:
        """Is the amount written as a percentage while the value is not (a share, meant as tolerance_share)?"""
        return self.amount is not None and self.percent and not value.percent

    @property
    def side(self) -> str:
        """How it reads before its amount: "±" on both sides, "−" for a floor, "+" for a ceiling."""
        return _SIDES.get(self.direction or "both", "±")

    @property
    def sides(self) -> str:
        """floor, ceiling or both."""
        return self.direction or "both"


_SIDES = {"floor": "−", "ceiling": "+"}
NO_TOLERANCE = Tolerance()


@dataclass(frozen=True, slots=True, kw_only=True)
class Period:
    """When a target is judged: by ``deadline`` (None: the year's end), and over what — "year": the
    whole year (全年控制在…以内), not only its end."""

    deadline: dt.date | None = None
    over: str | None = None
    aggregate: str = "end"  # "mean": the target is on the year's average (年均), judged on a figure of the year's mean

    def end(self, year: int) -> dt.date:
        """The day the target's period ends."""
        return self.deadline or dt.date(year, 12, 31)


YEAR_END = Period()


@dataclass(frozen=True, slots=True, kw_only=True)
class Span:
    """The part of its year a figure measures: its value at ``as_of`` (``aggregate`` "end"), or the
    mean, maximum or minimum of the year up to ``as_of``. A report that states no date is taken at
    its year's end: ``as_of_stated`` False says so, and no report shows that date as the report's."""

    as_of: dt.date
    aggregate: str = "end"
    as_of_stated: bool = True


@dataclass(frozen=True, slots=True, kw_only=True)
class Provenance:
    """What an entry rests on and where it comes from: the document's own words (``quote``); where in
    the document — a plan's section (``section``), or, when a report names several documents, which
    one (``source``); and where the entry stands in its data file (``location``, and ``positions``:
    each key's, so that a problem points at a field)."""

    quote: str
    location: Location
    positions: Positions = _where()
    section: str | None = None
    source: NamedDocument | None = None
    document: Document | None = None  # the document quoted: ``source``, else the file's document: (None: it names none)
    at: str | None = None  # where in the document: a section, paragraph or page

    def cited(self) -> tuple[str, str | None, NamedDocument | None, str | None]:
        """What it rests on, wherever its entry stands in its file (what `diff` compares)."""
        return self.quote, self.section, self.source, self.at

    def place(self, folder: str = "") -> str:
        """Its file and line, and the document it is quoted from, and where in it, when the data says:
        "outcomes/2022/fuzhou.yaml:37, 《2022年全市司法行政工作总结》 三（二）" (the file as
        :meth:`Location.shown` names it)."""
        place = self.location.shown(folder)
        document = self.document
        name = None if document is None else document.title or (document.id if isinstance(document, NamedDocument) else None)
        cited = " ".join(part for part in (f"《{name}》" if name else None, self.at) if part)
        return f"{place}, {cited}" if cited else place


def _entry_hash(entry: Target | Figure) -> int:
    """A target's or figure's hash, from its metric and place alone: equal entries share them, so it
    agrees with ==, and the judge, which keys its findings by figure, does not hash every part of each."""
    location = entry.provenance.location
    return hash((entry.metric, location.path, location.line, location.col))


class Placed:
    """An entry that stands where its provenance says: its ``location`` and ``positions`` read as
    every entry of a data file's do."""

    __slots__ = ()
    provenance: Provenance

    @property
    def location(self) -> Location:
        return self.provenance.location

    @property
    def positions(self) -> Positions:
        return self.provenance.positions


@dataclass(frozen=True, slots=True, kw_only=True)
class Target(Placed):
    """One target of a plan, built by keyword from small values: what its threshold is
    (:class:`Threshold`), its tolerance, its period, and what it rests on and where it stands
    (:class:`Provenance`: the plan's words, its section, its place in the file)."""

    jurisdiction: str
    year: int
    id: str
    title: str
    metric: str
    rule: str
    provenance: Provenance
    value: Threshold = NO_VALUE
    tolerance: Tolerance = NO_TOLERANCE
    period: Period = YEAR_END
    scope: str | None = None
    basis: str | None = None  # nominal or real: what its value means (None: unstated, never checked)
    baseline: Decimal | None = None
    waiver: Waiver | None = None
    items: tuple[str, ...] = ()  # an umbrella's: the ids of its items, which follow it in the plan
    parent: str | None = None  # an item's: the id of its umbrella
    strength: Strength = Strength.FIRM  # as `strength:` says, else as the plan's words hedge it (力争: strive)
    restated: tuple[Passage, ...] = ()  # the plan's other passages that make the same commitment

    def __hash__(self) -> int:
        return _entry_hash(self)

    @property
    def is_umbrella(self) -> bool:
        """Is it judged on its items (the "3+3+3" project: met only when all nine are)?"""
        return bool(self.items)

    def definition(self) -> dict[str, object]:
        """What the target asks, by field: its metric, rule, value, scope, period, basis, baseline,
        tolerance, the plan's words and its items — not its title, section, strength or place, which
        say how and where it is shown (`diff` names a change of these a redefinition)."""
        return {"metric": self.metric, "rule": self.rule, "value": self.value, "scope": self.scope,
                "period": self.period, "basis": self.basis, "baseline": self.baseline, "tolerance": self.tolerance,
                "quote": self.provenance.quote, "items": self.items}

    @property
    def key(self) -> str:
        return f"{self.year}/{self.jurisdiction}/{self.id}"


@dataclass(frozen=True, slots=True, kw_only=True)
class Stated:
    """A figure's value as its report states it: a number — written as "91%" or not — with its bound
    (余: at least, 近: at most, 约: about, and how far off then: ``approx_share``, in percent of it, or
    planaudit.yaml's); or a state, true or false — or done in part (``partly``: its value is False)."""

    value: Decimal | bool
    percent: bool = False  # written as "91%"
    bound: Bound = Bound.EXACT
    approx_share: Decimal | None = None  # bound approx: how far off the true value may be, in percent of this
    partly: bool = False  # `value: partly`: done in part — a state whose value is False, so that it never meets a target

    @property
    def is_state(self) -> bool:
        """Is it true or false (建成、开通), not a number?"""
        return isinstance(self.value, bool)

    def approx_fault(self, default_share: Decimal | None) -> str | None:
        """The field that is wrong about how far off it may be: approx_share (given, for a bound that
        is not approx), bound (approx, with no share here, nor ``default_share``: planaudit.yaml's);
        None when neither is."""
        if self.bound is not Bound.APPROX:
            return "approx_share" if self.approx_share is not None else None
        return "bound" if self.approx_share is None and default_share is None else None

    def written(self) -> str:
        """The number as the report writes it, with its bound: "≥85%", "≈12", "276"; a state's words
        are the reader's language's (see report/changes.py)."""
        assert not isinstance(self.value, bool)
        return self.bound.symbol + format_number(self.value) + ("%" if self.percent else "")


@dataclass(frozen=True, slots=True, kw_only=True)
class Figure(Placed):
    """One figure of a report, built by keyword: what it states (:class:`Stated`), of which metric and
    scope, over which part of its year (:class:`Span`), and what it rests on and where it stands
    (:class:`Provenance`: the report's words, the document, its place in the file)."""

    jurisdiction: str
    year: int
    metric: str
    stated: Stated
    scope: str | None
    span: Span
    provenance: Provenance
    growth: Decimal | None = None  # the year-on-year growth the report states with it, in percent (同比增长21%)
    of_target: str | None = None  # the id of a target whose value this figure states a share of (占年度目标的126%)
    conflict: bool = False  # the report states it again, differently (its text 100%, its table 72%)
    basis: str | None = None  # nominal or real: what its value (and its stated growth) means; None: unstated
    note: str | None = None  # an evaluator's reading of the quote (why it proves the target): a verdict on it is judged
    value_note: str | None = None  # how its value was computed from the quote, which does not state it as written
    projected: bool = False  # the report projects it (预计): shown, never deciding a verdict
    acknowledged: str | None = None  # why its disagreement with its counts is accepted: listed still, never failing

    def __hash__(self) -> int:
        return _entry_hash(self)


@dataclass(frozen=True, slots=True)
class Passage:
    """Words of a plan that have no target of their own: an ongoing direction with no checkable end
    (a plan's ``directions:``, 持续加强党的政治建设), recorded so that `coverage` accounts for it and
    never judged; or another place where the plan makes a target's commitment again (``restated:``)."""

    quote: str
    location: Location
    section: str | None = None
    at: str | None = None


@dataclass(frozen=True, slots=True)
class Assertion:
    """A report's words on whether targets were done, with no figure: a claim of completion
    (asserts:, 各项实事年度目标任务全面完成), of every target or of some; or an admission that named
    targets were not done (denies:, 6项指标距离目标还有差距, 未完成)."""

    targets: tuple[str, ...] | None  # the ids it names; None: every target of the year (asserts: all_met)
    quote: str
    location: Location
    admits: bool = False  # denies: the report admits the targets were not done
    document: Document | None = None  # the report's document its words are quoted from (None: it names none)

    def covers(self, target_id: str) -> bool:
        return self.targets is None or target_id in self.targets

    def place(self, folder: str = "") -> str:
        """Its file and line, and the document it is quoted from, as a figure's (:meth:`Provenance.place`)."""
        return Provenance(quote=self.quote, location=self.location, document=self.document).place(folder)


@dataclass(frozen=True, slots=True)
class Plan:
    """One target file: targets/<year>/<jurisdiction>.yaml."""

    path: str
    jurisdiction: str
    name: str
    year: int
    document: SourceDocument
    targets: tuple[Target, ...]
    directions: tuple[Passage, ...] = ()  # its ongoing directions: accounted for by coverage, never judged


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
    problems: Mapping[Code, Level] = field(default_factory=dict)  # a warning's code made an error, or disabled
    progress_band: Decimal | None = None  # `progress`: how far from the share expected is still on track (None: 0.10)


@dataclass(frozen=True, slots=True)
class Repository:
    """What one audit reads: settings, the catalogue, and plans and reports by (year, jurisdiction)."""

    settings: Settings
    catalogue: Catalogue
    plans: Mapping[tuple[int, str], Plan]
    reports: Mapping[tuple[int, str], Report]
