"""Resolve figures: a metric's value for a jurisdiction and year, stated or derived (docs/verdicts.md, steps 2, 3 and 8)."""

from __future__ import annotations

import datetime as dt
import graphlib
from collections import defaultdict
from collections.abc import Hashable, Iterable, Mapping
from decimal import Decimal
from fractions import Fraction

from planaudit.exact.expr import split_name
from planaudit.exact.numbers import Interval, decimal_places, to_fraction
from planaudit.judge.rounding import cut_off, rounding_interval
from planaudit.judge.units import convert, written_unit
from planaudit.model.data import PERCENT, Bound, Catalogue, Figure, Metric, Plan, Report, Target
from planaudit.model.result import Agreement, Derivation, Detail, Inconsistency, Missing, Reason, Resolved

FigureKey = tuple[int, str, str, "str | None"]  # which figures: (year, jurisdiction, metric, scope — None: the whole)


SCOPE_WHOLE = "(no scope)"  # how a figure or target of the whole jurisdiction is named beside scoped ones


def figure_value(figure: Figure, metric: Metric, approx_share: Decimal | None = None) -> Interval | bool:
    """A figure's value in its metric's unit: an interval for numbers, a bool for states. A figure
    of bound approx (约) spans its own approx_share, else ``approx_share``, either way of it."""
    stated = figure.stated
    if isinstance(stated.value, bool):
        return stated.value
    point = convert(stated.value, written_unit(stated.percent, None, metric.unit), metric.unit)
    if stated.bound is Bound.LOWER:
        return Interval.at_least(point)
    if stated.bound is Bound.UPPER:
        return Interval.at_most(point)
    if stated.bound is Bound.APPROX:
        share = stated.approx_share if stated.approx_share is not None else approx_share
        off = abs(point) * to_fraction(share or 0) / 100
        return Interval(point - off, point + off)
    return Interval.exact(point)


class Resolver:
    """Finds figures by (year, jurisdiction, metric, scope), deriving them where none is stated."""

    def __init__(self, catalogue: Catalogue, reports: Iterable[Report], approx_share: Decimal | None = None) -> None:
        self.catalogue = catalogue
        self.approx_share = approx_share  # planaudit.yaml's, for figures of bound approx that give none
        self.figures: dict[FigureKey, list[Figure]] = defaultdict(list)
        self.shares: dict[tuple[int, str, str], list[Figure]] = defaultdict(list)  # by (year, jurisdiction, target id)
        self.over_period: dict[FigureKey, list[Figure]] = defaultdict(list)  # figures of a mean, maximum or minimum
        self.projected: dict[FigureKey, list[Figure]] = defaultdict(list)  # figures the report only projects (预计)
        for report in reports:
            for figure in report.figures:
                if figure.projected:  # shown, never deciding: no verdict, derivation or check reads it
                    self.projected[(report.year, report.jurisdiction, figure.metric, figure.scope)].append(figure)
                elif figure.of_target is not None:  # a share of a target (占年度目标的126%), not the metric's value
                    self.shares[(report.year, report.jurisdiction, figure.of_target)].append(figure)
                elif figure.span.aggregate != "end":  # a mean, maximum or minimum: only a target over the year asks
                    self.over_period[(report.year, report.jurisdiction, figure.metric, figure.scope)].append(figure)
                else:
                    self.figures[(report.year, report.jurisdiction, figure.metric, figure.scope)].append(figure)
        for figures in self.figures.values():
            figures.sort(key=lambda figure: figure.span.as_of)
        for shares in self.shares.values():
            shares.sort(key=share_order)
        self._memo: dict[tuple[FigureKey, dt.date | None, bool, str | None], Resolved | Missing] = {}
        self._scopes: dict[tuple[int, str, str], set[str | None]] | None = None

    def resolve(self, key: FigureKey, deadline: dt.date | None = None, exact_only: bool = False,
                basis: str | None = None) -> Resolved | Missing:
        """The latest figure dated on or before ``deadline`` (of ``basis`` or unstated, where the
        report gives the metric in that basis); else a derivation; else why not."""
        memo_key = (key, deadline, exact_only, basis)
        if memo_key not in self._memo:
            self._memo[memo_key] = self._resolve(memo_key[0], deadline, exact_only, frozenset(), basis)
        return self._memo[memo_key]

    def _resolve(self, key: FigureKey, deadline: dt.date | None, exact_only: bool,
                 visiting: frozenset[str], basis: str | None = None) -> Resolved | Missing:
        year, _, metric_id, _ = key
        metric = self.catalogue.metrics[metric_id]
        candidates = _in_basis(self.figures.get(key, []), basis)
        eligible = [figure for figure in candidates if deadline is None or figure.span.as_of <= deadline]
        if eligible:
            latest = eligible[-1]
            value = figure_value(latest, metric, self.approx_share)
            if not exact_only or isinstance(value, bool) or value.is_exact:
                return Resolved(metric_id, year, value, latest.span.as_of, figure=latest)
        derived = self._derive(key, metric, deadline, visiting)
        if isinstance(derived, Missing) and candidates and not eligible:
            return Missing(Reason.AFTER_DEADLINE, Detail.of("after_deadline", metric=metric_id,
                                                            as_of=candidates[0].span.as_of, deadline=deadline))
        if isinstance(derived, Missing) and derived.reason is Reason.NOT_REPORTED and not candidates:
            return self._other_scopes(key) or derived
        return derived

    def _other_scopes(self, key: FigureKey) -> Missing | None:
        """Why a metric is not reported for a scope when the report gives it for others."""
        year, jurisdiction, metric, scope = key
        others = self.scopes().get((year, jurisdiction, metric), set()) - {scope}
        if not others:
            return None
        given = ", ".join(sorted(SCOPE_WHOLE if other is None else other for other in others))
        return Missing(Reason.NOT_REPORTED, Detail.of("other_scopes", metric=metric, given=given,
                                                      scope=SCOPE_WHOLE if scope is None else scope))

    def value_of(self, figure: Figure, metric: Metric) -> Interval | bool:
        """A figure's value in its metric's unit (see :func:`figure_value`)."""
        return figure_value(figure, metric, self.approx_share)

    def scopes(self) -> dict[tuple[int, str, str], set[str | None]]:
        """The scopes each metric is given for, by (year, jurisdiction, metric): made when first asked."""
        if self._scopes is None:
            self._scopes = defaultdict(set)
            for year, jurisdiction, metric, scope in self.figures:
                self._scopes[(year, jurisdiction, metric)].add(scope)
        return self._scopes

    def derive(self, year: int, jurisdiction: str, metric: str, scope: str | None,
               deadline: dt.date | None = None) -> Resolved | Missing:
        """The metric's value derived from exact figures, ignoring any stated figure of its own."""
        key = (year, jurisdiction, metric, scope)
        return self._derive(key, self.catalogue.metrics[metric], deadline, frozenset())

    share_inputs = True  # False: each derivation's inputs resolved afresh on every path (a differential test's reference)

    @property
    def acyclic(self) -> bool:
        """Whether no metric's derivation leads back to itself (see :func:`derivations_acyclic`)."""
        return derivations_acyclic(self.catalogue)

    def _input(self, key: FigureKey, deadline: dt.date | None, visiting: frozenset[str]) -> Resolved | Missing:
        """A derivation's input, from exact figures: resolved once per key and deadline when the
        catalogue has no cycle, else afresh on each path."""
        if not (self.share_inputs and self.acyclic):
            return self._resolve(key, deadline, True, visiting)
        memo_key = (key, deadline, True, None)
        if memo_key not in self._memo:
            self._memo[memo_key] = self._resolve(key, deadline, True, visiting)
        return self._memo[memo_key]

    def _derive(self, key: FigureKey, metric: Metric, deadline: dt.date | None,
                visiting: frozenset[str]) -> Resolved | Missing:
        year, jurisdiction, metric_id, scope = key
        if metric.derive is None or metric_id in visiting:
            return Missing(Reason.NOT_REPORTED, Detail.of("no_figure", metric=metric_id))
        inputs: list[Resolved] = []
        names = sorted(metric.derive.names)
        for name in names:
            source_metric, named_scope = split_name(name)  # projects[province]: the province's figure
            source = self._input((year, jurisdiction, source_metric, scope if named_scope is None else named_scope),
                                 deadline, visiting | {metric_id})
            if isinstance(source, Missing):
                return Missing(source.reason, Detail.of("derivation_needs", metric=metric_id,
                                                        expression=metric.derive.source, name=name, inner=source.detail))
            inputs.append(source)
        env = {name: source.value for name, source in zip(names, inputs, strict=True)}
        try:
            value = metric.derive.evaluate(env)  # type: ignore[arg-type]
        except ZeroDivisionError:
            return Missing(Reason.NOT_REPORTED, Detail.of("derivation_zero", metric=metric_id,
                                                          expression=metric.derive.source))
        as_of = max(source.as_of for source in inputs) if inputs else dt.date(year, 12, 31)
        derivation = Derivation(metric_id, metric.derive.source, tuple(inputs), tuple(names))
        return Resolved(metric_id, year, value, as_of, derivation=derivation)  # type: ignore[arg-type]


_ACYCLIC: dict[int, tuple[Catalogue, bool]] = {}  # by the catalogue's identity: a catalogue holds mappings, unhashable


def derivations_acyclic(catalogue: Catalogue) -> bool:
    """Whether no metric's derivation leads back to itself. Then what an input resolves to does
    not depend on the derivations that asked for it (only a cycle makes the path matter), so each
    is resolved once: metrics whose derivations share inputs (a "diamond") take time linear in
    their number, not exponential. (A cycle is a problem of validate's; such data is not judged.)
    Worked out once for each catalogue: every jurisdiction of an audit is judged with the same one."""
    known = _ACYCLIC.get(id(catalogue))
    if known is not None and known[0] is catalogue:  # the catalogue is held, so its id is not reused
        return known[1]
    graph = {metric_id: metric.derive.metrics for metric_id, metric in catalogue.metrics.items()
             if metric.derive is not None}
    try:
        graphlib.TopologicalSorter(graph).prepare()
        acyclic = True
    except graphlib.CycleError:
        acyclic = False
    if len(_ACYCLIC) >= 8:  # an audit has one catalogue, a diff two: a few suffice
        _ACYCLIC.clear()
    _ACYCLIC[id(catalogue)] = (catalogue, acyclic)
    return acyclic


def _in_basis(figures: list[Figure], basis: str | None) -> list[Figure]:
    """The figures of ``basis`` or of none stated, when there are any; else all of them (the judge
    then says the basis is not the one asked for)."""
    if basis is None:
        return figures
    matching = [figure for figure in figures if figure.basis in (basis, None)]
    return matching or figures


def find_inconsistencies(resolver: Resolver, reports: Iterable[Report],
                         default_tolerance: Decimal | None) -> list[Inconsistency]:
    """Every stated figure whose derivation from its counts disagrees beyond the tolerance."""
    found = (inconsistency(resolver, figure, default_tolerance) for report in reports for figure in report.figures)
    return [item for item in found if item is not None] + [item for report in reports for item in conflicts(resolver, report)]


def conflicts(resolver: Resolver, report: Report) -> list[Inconsistency]:
    """The figures a report states twice, differently (`conflict: true`): each after the first, set
    against the first — the one judged (the latest, so the last) is then seen to disagree. Shares of
    a target are set against the first in :func:`share_order`, in percent of the target: that first
    is the one judged, and each rival names it as its other reading."""
    groups: dict[Hashable, list[Figure]] = defaultdict(list)
    for figure in report.figures:
        if figure.conflict and not figure.stated.is_state and not figure.projected:
            groups[(figure.metric, figure.scope, figure.span.as_of, figure.span.aggregate, figure.of_target,
                    figure.basis)].append(figure)
    found = []
    for group in groups.values():
        first, *others = sorted(group, key=share_order) if group[0].of_target is not None else group
        metric = resolver.catalogue.metrics[first.metric]
        if first.of_target is not None:
            metric = share_metric(metric, first.of_target)
        said = share_value(first) if first.of_target is not None else resolver.value_of(first, metric)
        for other in others:
            stated = share_value(other) if other.of_target is not None else resolver.value_of(other, metric)
            if isinstance(stated, Interval) and isinstance(said, Interval) and not stated.overlaps(said):
                found.append(Inconsistency(other, metric, stated, Resolved(metric.id, first.year, said, first.span.as_of,
                                                                           figure=first), Fraction(0), conflict=True))
    return found


def share_order(share: Figure) -> tuple[dt.date, Decimal, str]:
    """How a target's stated shares are ordered, whatever the file's order: by date, then value (the
    first of the latest date is the one judged, the others of that date are its rivals)."""
    assert isinstance(share.stated.value, Decimal)  # validate: a share is a percentage
    return share.span.as_of, share.stated.value, share.provenance.quote or ""


def implied_level(share: Figure, threshold: Fraction) -> Interval:
    """The level a stated share of a target of value ``threshold`` implies (126% of 10万:
    12.55万–12.65万, as the share's rounding allows)."""
    return stated_share(share) * Interval.exact(threshold) / Interval.exact(100)


def share_value(share: Figure) -> Interval:
    """The share of its target a figure states, exactly as written, in percent."""
    assert isinstance(share.stated.value, Decimal)
    return Interval.exact(to_fraction(share.stated.value))


def inconsistency(resolver: Resolver, figure: Figure, default_tolerance: Decimal | None,
                  quick: bool = True) -> Inconsistency | None:
    """A stated figure set against the value derived from its counts: inconsistent (agreement
    none) when what the figure may stand for (its rounding interval, widened by any tolerance
    declared) and what its counts give, each standing for its own rounding interval, share no
    value — unless the figure is their value cut off (agreement cut_off); else agreeing by rounding
    (rounded). None when it has no counts to set it against.

    ``quick``: the counts' value as written lies within their range (each input's written value is
    in its rounding interval, and the arithmetic keeps that), so when the stated range holds it the
    two share it and the range need not be computed — the same answer (a differential test holds
    it to that) for most figures at a fraction of the work."""
    metric = resolver.catalogue.metrics[figure.metric]
    if metric.derive is None or figure.stated.is_state or figure.of_target is not None or figure.projected:
        return None  # a share of a target is checked against its level (share_inconsistencies)
    derived = resolver.derive(figure.year, figure.jurisdiction, figure.metric, figure.scope, figure.span.as_of)
    if isinstance(derived, Missing):
        return None
    stated = figure_value(figure, metric, resolver.approx_share)
    assert isinstance(stated, Interval) and isinstance(derived.value, Interval)
    tolerance = _tolerance(metric, default_tolerance)
    stated_range = rounding_interval(figure, metric, stated).widened(tolerance)
    rounded = Inconsistency(figure, metric, stated, derived, tolerance, agreement=Agreement.ROUNDED)
    if quick and stated_range.overlaps(derived.value):
        return rounded
    derived_range = rounded_value(resolver, derived)
    if derived_range is None:  # the wider counts divide by a range holding zero: only the counts as written tell
        return rounded if stated_range.overlaps(derived.value) else None
    if stated_range.overlaps(derived_range):
        return rounded
    agreement = Agreement.CUT_OFF if cut_off(figure, metric, stated, derived.value) else Agreement.NONE
    return Inconsistency(figure, metric, stated, derived, tolerance, stated_range=stated_range,
                         derived_range=derived_range, agreement=agreement)


def rounded_value(resolver: Resolver, resolved: Resolved, done: dict[int, Interval | None] | None = None
                  ) -> Interval | None:
    """A resolved value again, each stated figure it rests on standing for its rounding interval
    (276 / 282 × 100 from exact counts stays 97.87…; 38.94万 / 37万 × 100 is 105.23…–105.26…);
    None when the wider inputs make the derivation divide by a range that holds zero. ``done``: the
    inputs worked out so far in this call, by identity — an input that derivations share is worked
    out once."""
    if resolved.figure is not None:
        value = resolver.value_of(resolved.figure, resolver.catalogue.metrics[resolved.figure.metric])
        assert isinstance(value, Interval)  # a derivation's inputs and a checked figure are numbers
        return rounding_interval(resolved.figure, resolver.catalogue.metrics[resolved.figure.metric], value)
    assert resolved.derivation is not None
    derivation = resolved.derivation
    done = {} if done is None else done
    for source in derivation.inputs:
        if id(source) not in done:
            done[id(source)] = rounded_value(resolver, source, done)
    inputs = [done[id(source)] for source in derivation.inputs]
    if any(value is None for value in inputs):
        return None
    expression = resolver.catalogue.metrics[derivation.metric].derive
    assert expression is not None
    try:
        derived = expression.evaluate(dict(zip(derivation.names, inputs, strict=True)))  # type: ignore[arg-type]
    except ZeroDivisionError:
        return None
    assert isinstance(derived, Interval)
    return derived


def _tolerance(metric: Metric, default: Decimal | None) -> Fraction:
    """The slack declared for a metric's consistency: its own tolerance, else the repository's, else
    none — each figure's rounding is allowed for already."""
    if metric.tolerance is not None:
        return Fraction(metric.tolerance)
    return Fraction(default) if default is not None else Fraction(0)


def stated_share(figure: Figure) -> Interval:
    """The share of its target a figure states, in percent, as the interval its rounding allows:
    126% stands for 125.5%–126.5%, 100% for 99.5%–100.5%."""
    value = figure.stated.value
    assert isinstance(value, Decimal)
    half = Fraction(1, 2 * 10 ** decimal_places(value))
    return Interval(to_fraction(value) - half, to_fraction(value) + half)


def share_metric(metric: Metric, target_id: str) -> Metric:
    """What a share of a target is measured in, for reports: percent of the target's value."""
    return Metric(f"{metric.id} ({target_id}: share of the target)", metric.label, PERCENT, None, None, metric.location)


def share_inconsistencies(resolver: Resolver, plans: Iterable[Plan], thresholds: Mapping[Target, Fraction]
                          ) -> list[Inconsistency]:
    """Every stated share of a target (`of_target`) that its level figure, divided by the target's
    value, does not round to."""
    found = []
    for plan in plans:
        for target in plan.targets:
            threshold = thresholds.get(target)
            if not threshold:
                continue
            for share in resolver.shares.get((plan.year, plan.jurisdiction, target.id), []):
                disagreement = share_inconsistency(resolver, target, share, threshold)
                if disagreement is not None:
                    found.append(disagreement)
    return found


def share_inconsistency(resolver: Resolver, target: Target, share: Figure, threshold: Fraction) -> Inconsistency | None:
    """How a stated share of ``target`` disagrees with its level figure of the same date divided by
    the target's value, if it does."""
    level = resolver.resolve((target.year, target.jurisdiction, target.metric, target.scope), share.span.as_of,
                             exact_only=True)  # the level when the share was stated (1至6月…完成59%)
    if isinstance(level, Missing) or not isinstance(level.value, Interval):
        return None
    level_range = rounded_value(resolver, level)
    if level_range is None:
        return None
    per_cent = Interval.exact(100) / Interval.exact(threshold)
    derived_range, stated = level_range * per_cent, stated_share(share)
    if stated.overlaps(derived_range):
        return None
    resolved = Resolved(level.metric, level.year, level.value * per_cent, level.as_of, figure=level.figure,
                        derivation=level.derivation)
    return Inconsistency(share, share_metric(resolver.catalogue.metrics[target.metric], target.id), share_value(share),
                         resolved, Fraction(0), stated_range=stated, derived_range=derived_range)
