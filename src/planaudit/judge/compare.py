"""Comparing one jurisdiction's audit at two revisions: what `planaudit diff` reports.

A target is the same target at both sides when its id is; a figure when its metric, scope, date,
aggregate and target (of a share) are, an inconsistency when its metric, scope and date are (the n-th
of them, when a report states several). Where a thing stands
in its file is not part of it: a line moved by an edit above it changes nothing.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Hashable, Iterable
from fractions import Fraction
from typing import TypeVar

from planaudit.model.changes import (
    STATUS_ORDER,
    VERDICT_ORDER,
    Change,
    FigureChange,
    InconsistencyChange,
    ProgressChange,
    TargetChange,
)
from planaudit.model.data import Figure, Provenance, Report, Target
from planaudit.model.period import ProgressResult, Status, TargetProgress
from planaudit.model.result import AuditResult, Inconsistency, Reason, TargetResult

T = TypeVar("T")


def compare_targets(year: int, jurisdiction: str, before: AuditResult | None, after: AuditResult | None
                    ) -> list[TargetChange]:
    """The targets of one jurisdiction that went, came, or whose definition, verdict or evidence
    changed: those removed first (in the base's order), then the rest in the head's."""
    name = next((piece.names[jurisdiction] for piece in (after, before) if piece is not None), jurisdiction)
    old = {item.target.id: item for item in (before.results if before else ())}
    new = {item.target.id: item for item in (after.results if after else ())}
    changes = [TargetChange(Change.REMOVED, year, jurisdiction, name, item, None)
               for target_id, item in old.items() if target_id not in new]
    for target_id, item in new.items():
        change = Change.ADDED if target_id not in old else _how(old[target_id], item)
        if change is not None:
            changes.append(TargetChange(change, year, jurisdiction, name, old.get(target_id), item))
    return changes


def _how(before: TargetResult, after: TargetResult) -> Change | None:
    """A target redefined is named so, whatever its verdict did (a loosened target met is no better
    evidence); else its verdict went down or up, or only what it rests on changed."""
    if before.target.definition() != after.target.definition():
        return _leaning(before, after) or Change.REDEFINED
    was, now = VERDICT_ORDER[before.verdict], VERDICT_ORDER[after.verdict]
    if now < was:
        return Change.WORSE
    if now > was:
        return Change.BETTER
    return Change.REVISED if _judged_on(before) != _judged_on(after) else None


def _judged_on(item: TargetResult) -> tuple[object, ...]:
    """What a verdict says and rests on, without where anything stands in its file."""
    actual = item.actual.value if item.actual else None
    baseline = item.baseline.value if item.baseline else None
    evidence = tuple(_figure_fields(figure) for figure in item.evidence())
    warnings = tuple((warning.stated, warning.derived_reading) for warning in item.warnings)
    return (_target_fields(item.target), item.rule.id, item.reason, item.grounds, item.threshold, actual, baseline, item.growth,
            item.detail, item.target.waiver, evidence, warnings)


def moves(changes: Iterable[TargetChange]) -> list[TargetChange]:
    """The changes with each plan that moved — every target removed from one (year, jurisdiction)
    added, the same id and definition, to one other — as one MOVED change per target, where it
    was added (its verdict at both sides kept); a plan only partly moved stays removed and added."""
    changes = list(changes)
    removed: dict[tuple[int, str], list[TargetChange]] = {}
    added: dict[tuple[int, str], list[TargetChange]] = {}
    for item in changes:
        if item.change is Change.REMOVED:
            removed.setdefault((item.year, item.jurisdiction), []).append(item)
        elif item.change is Change.ADDED:
            added.setdefault((item.year, item.jurisdiction), []).append(item)
    moved: dict[int, TargetChange] = {}  # by id() of the added change it replaces
    gone: set[int] = set()  # id() of the removed changes it takes the place of
    for source, went in removed.items():
        shape = sorted((item.target.id, repr(item.target.definition())) for item in went)
        for place, came in added.items():
            if place != source and sorted((item.target.id, repr(item.target.definition())) for item in came) == shape:
                before = {item.target.id: item.before for item in went}
                moved.update((id(item), TargetChange(Change.MOVED, item.year, item.jurisdiction, item.name,
                                                     before[item.target.id], item.after, source)) for item in came)
                gone.update(id(item) for item in went)
                break
    return [moved.get(id(item), item) for item in changes if id(item) not in gone]


_FLOORS = {"at_least": False, "more_than": True}  # a rule whose value is a floor: whether it is strict
_CEILINGS = {"at_most": False, "less_than": True}
LOOSER, SAME, TIGHTER = -1, 0, 1


def _leaning(before: TargetResult, after: TargetResult) -> Change | None:
    """LOOSENED where the head asks less on every count it changed (a lower floor, a higher
    ceiling, a strict bound made inclusive, a later deadline or none), TIGHTENED where more; None
    where the order is not clear (another metric, scope or kind of rule) or nothing it asks moved
    (a quote reworded alone: redefined)."""
    was, now = before.target, after.target
    kept = (was.metric, was.scope, was.basis, was.baseline, was.tolerance, was.period.over, was.period.aggregate,
            was.items)  # the quote may change with the value it states (受理300件 → 受理290件)
    if kept != (now.metric, now.scope, now.basis, now.baseline, now.tolerance, now.period.over, now.period.aggregate,
                now.items):
        return None
    leanings = {_threshold_leaning(before, after), _deadline_leaning(was, now)} - {SAME}
    if leanings == {LOOSER}:
        return Change.LOOSENED
    if leanings == {TIGHTER}:
        return Change.TIGHTENED
    return None


def _threshold_leaning(before: TargetResult, after: TargetResult) -> int | None:
    """How the head's bound stands to the base's: a floor's (value, strict) higher is tighter, a
    ceiling's lower; None when they are not two bounds of one kind."""
    rules, thresholds = (before.rule.id, after.rule.id), (before.threshold, after.threshold)
    if rules[0] == rules[1] and thresholds[0] == thresholds[1] and before.target.value == after.target.value:
        return SAME
    if None in thresholds:
        return None
    assert thresholds[0] is not None and thresholds[1] is not None
    if all(rule in _FLOORS for rule in rules):
        was, now = (thresholds[0], _FLOORS[rules[0]]), (thresholds[1], _FLOORS[rules[1]])
    elif all(rule in _CEILINGS for rule in rules):
        was, now = (-thresholds[0], _CEILINGS[rules[0]]), (-thresholds[1], _CEILINGS[rules[1]])
    else:
        return None
    return SAME if now == was else TIGHTER if now > was else LOOSER


def _deadline_leaning(was: Target, now: Target) -> int:
    """A later deadline, or none where there was one, asks less."""
    before, after = was.period.deadline, now.period.deadline
    if before == after:
        return SAME
    if after is None or (before is not None and after > before):
        return LOOSER
    return TIGHTER


def _target_fields(target: Target) -> tuple[object, ...]:
    """What a target says, without where it stands in its file: every field, a new one too."""
    return tuple(_said(getattr(target, field.name)) for field in dataclasses.fields(target))


def _figure_fields(figure: Figure) -> tuple[object, ...]:
    """What a figure says, without where it stands in its file (nor whose it is: its report's): every
    other field, a new one too."""
    return tuple(_said(getattr(figure, field.name)) for field in dataclasses.fields(figure)
                 if field.name not in ("jurisdiction", "year"))


def _said(value: object) -> object:
    """A field's value as compared: of its provenance, what it cites, not where its entry stands."""
    return value.cited() if isinstance(value, Provenance) else value


def _figure_key(figure: Figure) -> tuple[Hashable, ...]:
    """What makes two figures at two revisions the same figure."""
    return figure.metric, figure.scope, figure.span.as_of, figure.span.aggregate, figure.of_target, figure.basis


def compare_figures(year: int, jurisdiction: str, before: Report | None, after: Report | None) -> list[FigureChange]:
    """The figures of one report that came, went, or whose value or quote changed."""
    old = _keyed(before.figures if before else (), _figure_key)
    new = _keyed(after.figures if after else (), _figure_key)
    return [FigureChange(change, year, jurisdiction, was, now)
            for change, was, now in _paired(old, new, lambda was, now: _figure_fields(was) != _figure_fields(now))]


def compare_inconsistencies(year: int, jurisdiction: str, before: AuditResult | None, after: AuditResult | None
                            ) -> list[InconsistencyChange]:
    """The inconsistent figures of one jurisdiction that appeared, went away, or changed their numbers."""
    def key(item: Inconsistency) -> Hashable:
        return item.metric.id, item.figure.scope, item.figure.span.as_of

    old = _keyed(before.inconsistencies if before else (), key)
    new = _keyed(after.inconsistencies if after else (), key)
    paired = _paired(old, new, lambda was, now: (was.stated, was.derived_reading) != (now.stated, now.derived_reading))
    return [InconsistencyChange(_weighed(change, was, now, before, after), year, jurisdiction, was, now)
            for change, was, now in paired]


def _weighed(change: Change, was: Inconsistency | None, now: Inconsistency | None, before: AuditResult | None,
             after: AuditResult | None) -> Change:
    """An inconsistent figure whose numbers changed, by its gap (how far the stated figure lies from
    its other reading): WORSE when the gap grew or it now contests a verdict it did not, BETTER when
    the gap shrank and it contests none it did not; else REVISED."""
    if change is not Change.REVISED or was is None or now is None:
        return change
    contests_now, contested = _contests(now, after), _contests(was, before)
    gap_was, gap_now = _gap(was), _gap(now)
    if gap_now > gap_was or (contests_now and not contested):
        return Change.WORSE
    if gap_now < gap_was and not (contests_now and not contested):
        return Change.BETTER
    return Change.REVISED


def _gap(item: Inconsistency) -> Fraction:
    """How far apart the stated figure and its other reading are: 0 where the two ranges touch."""
    stated, other = item.stated, item.derived_reading
    apart = [end for end in (None if stated.lo is None or other.hi is None else stated.lo - other.hi,
                             None if other.lo is None or stated.hi is None else other.lo - stated.hi)
             if end is not None]
    return max([Fraction(0), *apart])


def _contests(item: Inconsistency, audit: AuditResult | None) -> bool:
    """Does the inconsistency keep a verdict of ``audit`` from being given (reason contested)?"""
    return audit is not None and any(result.reason is Reason.CONTESTED and item.figure in
                                     (warning.figure for warning in result.warnings) for result in audit.results)


def _keyed(items: Iterable[T], key: Callable[[T], Hashable]) -> dict[tuple[Hashable, int], T]:
    """Each item by its key and its place among the items with that key."""
    keyed: dict[tuple[Hashable, int], T] = {}
    seen: dict[Hashable, int] = {}
    for item in items:
        found = key(item)
        seen[found] = seen.get(found, -1) + 1
        keyed[(found, seen[found])] = item
    return keyed


def _paired(old: dict[tuple[Hashable, int], T], new: dict[tuple[Hashable, int], T], differ: Callable[[T, T], bool]
            ) -> list[tuple[Change, T | None, T | None]]:
    """Each item of ``new`` that ``old`` lacks (added) or has otherwise (revised), then each of
    ``old`` that ``new`` lacks (removed)."""
    paired: list[tuple[Change, T | None, T | None]] = []
    for key, now in new.items():
        if key not in old:
            paired.append((Change.ADDED, None, now))
        elif differ(old[key], now):
            paired.append((Change.REVISED, old[key], now))
    paired += [(Change.REMOVED, was, None) for key, was in old.items() if key not in new]
    return paired


def compare_progress(period: str, before: ProgressResult | None, after: ProgressResult | None) -> list[ProgressChange]:
    """The period targets (of both sides' jurisdictions, judged as of the same year) that went, came,
    were redefined, or whose status in some year changed: those removed first, then the rest in the
    head's order."""
    names = {**(before.names if before else {}), **(after.names if after else {})}
    old = {(item.target.jurisdiction, item.target.id): item for item in (before.targets if before else ())}
    new = {(item.target.jurisdiction, item.target.id): item for item in (after.targets if after else ())}
    changes = [ProgressChange(Change.REMOVED, period, slug, names.get(slug, slug), item, None)
               for (slug, target_id), item in old.items() if (slug, target_id) not in new]
    for key, item in new.items():
        slug = key[0]
        if key not in old:
            changes.append(ProgressChange(Change.ADDED, period, slug, names.get(slug, slug), None, item))
            continue
        was = old[key]
        years = _status_years(was, item)
        change = _progress_change(was, item, years)
        if change is not None:
            changes.append(ProgressChange(change, period, slug, names.get(slug, slug), was, item, years))
    return changes


def _status_years(before: TargetProgress, after: TargetProgress) -> tuple[int, ...]:
    """The years whose status (or, unmeasured, whose reason) differs."""
    was = {each.year: (each.status, each.why) for each in before.years}
    return tuple(each.year for each in after.years if was.get(each.year) != (each.status, each.why))


def _progress_change(before: TargetProgress, after: TargetProgress, years: tuple[int, ...]) -> Change | None:
    """Redefined whatever its statuses did; else worse or better by the latest year that changed;
    revised when its statuses changed to as good, or only what it says (its title, attribute) did."""
    if before.target.definition() != after.target.definition():
        return Change.REDEFINED
    if years:
        latest = years[-1]
        was, now = (_status_in(side, latest) for side in (before, after))
        order = STATUS_ORDER[now] - STATUS_ORDER[was]
        return Change.WORSE if order < 0 else Change.BETTER if order > 0 else Change.REVISED
    if before.target.said() != after.target.said():
        return Change.REVISED
    return None


def _status_in(progress: TargetProgress, year: int) -> Status:
    """Its status in ``year`` (unmeasured, were the year not judged: both sides are judged as of the same year)."""
    return next((each.status for each in progress.years if each.year == year), Status.UNMEASURED)
