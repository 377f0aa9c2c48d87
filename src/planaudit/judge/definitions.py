"""What a change to rules/ or planaudit.yaml redefines: each metric, custom rule, scope and setting
that came, went or changed, the fields that changed, and how many of the targets compared use it —
so that a diff says "metric x: unit percent → ratio, 3 targets" before the verdicts it moved."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TypeVar

from planaudit.exact.expr import split_name
from planaudit.exact.numbers import format_number
from planaudit.model.changes import Change, DefinitionChange
from planaudit.model.data import Catalogue, Label, Metric, RuleDefinition, Scope, Settings, Target

T = TypeVar("T", Metric, RuleDefinition, Scope)

# The settings that change verdicts or what fails a run, as planaudit.yaml names them.
SETTINGS = ("tolerance", "about_tolerance", "about_tolerance_share", "approx_share", "accept_assertions", "fail_on",
            "problems")


@dataclass(frozen=True)
class Sides:
    """Both revisions' catalogue and settings, and the targets compared (at the head, and those gone)."""

    before: Catalogue
    after: Catalogue
    settings_before: Settings
    settings_after: Settings
    targets: Sequence[Target]


def compare_definitions(sides: Sides) -> list[DefinitionChange]:
    """Every metric, rule, scope and setting that changed, in that order, each by name."""
    uses = _Uses(sides.after, sides.before, sides.targets)
    return [*_compared("metric", sides.before.metrics, sides.after.metrics, _metric_fields, uses.of_metric),
            *_compared("rule", sides.before.rules, sides.after.rules, _rule_fields, uses.of_rule),
            *_compared("scope", sides.before.scopes, sides.after.scopes, _scope_fields, uses.of_scope),
            *_settings(sides.settings_before, sides.settings_after, len(sides.targets))]


def _compared(kind: str, before: Mapping[str, T], after: Mapping[str, T], fields: Callable[[T], dict[str, str]],
              touches: Callable[[str], int]) -> list[DefinitionChange]:
    found = []
    for name in sorted(before.keys() | after.keys()):
        was, now = before.get(name), after.get(name)
        old: dict[str, str] = fields(was) if was is not None else {}
        new: dict[str, str] = fields(now) if now is not None else {}
        changed = tuple((key, old.get(key, ""), new.get(key, "")) for key in dict.fromkeys([*old, *new])
                        if old.get(key, "") != new.get(key, ""))
        if not changed:
            continue
        change = Change.ADDED if was is None else Change.REMOVED if now is None else Change.REDEFINED
        found.append(DefinitionChange(change, kind, name, changed, (now or was).location, touches(name)))  # type: ignore[union-attr]
    return found


def _label(label: Label) -> str:
    return label.zh if label.zh == label.en else f"{label.zh} / {label.en}"


def _metric_fields(metric: Metric) -> dict[str, str]:
    return {"label": _label(metric.label), "unit": metric.unit, "derive": metric.derive.source if metric.derive else "",
            "tolerance": format_number(metric.tolerance) if metric.tolerance is not None else "",
            "cumulative": "true" if metric.cumulative else ""}


def _rule_fields(rule: RuleDefinition) -> dict[str, str]:
    return {"label": _label(rule.label), "expr": rule.expr.source, "growth": "true" if rule.growth else ""}


def _scope_fields(scope: Scope) -> dict[str, str]:
    return {"label": _label(scope.label)}


def _settings(before: Settings, after: Settings, targets: int) -> list[DefinitionChange]:
    found = []
    for key in SETTINGS:
        was, now = _setting_text(getattr(before, key)), _setting_text(getattr(after, key))
        if was != now:
            found.append(DefinitionChange(Change.REDEFINED, "setting", key, ((key, was, now),), None, targets))
    return found


def _setting_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Mapping):
        return ", ".join(f"{code.value}: {level.value}" for code, level in sorted(value.items(), key=lambda pair: pair[0].value))
    return format_number(value) if not isinstance(value, str) else value  # type: ignore[arg-type]


class _Uses:
    """How many of the targets use a metric (directly, through their value, or through a metric
    derived from it), a rule or a scope."""

    def __init__(self, after: Catalogue, before: Catalogue, targets: Sequence[Target]) -> None:
        self.targets = targets
        self.derived_from: dict[str, set[str]] = {}
        for catalogue in (before, after):
            for metric in catalogue.metrics.values():
                for name in metric.derive.names if metric.derive else ():
                    self.derived_from.setdefault(split_name(name)[0], set()).add(metric.id)

    def of_metric(self, name: str) -> int:
        reached = self._reached(name)
        return sum(bool(reached & set(_metrics_of(target))) for target in self.targets)

    def of_rule(self, name: str) -> int:
        return sum(target.rule == name for target in self.targets)

    def of_scope(self, name: str) -> int:
        return sum(target.scope == name for target in self.targets)

    def _reached(self, name: str) -> set[str]:
        """The metric and every metric derived from it, however deep."""
        reached, waiting = {name}, [name]
        while waiting:
            for derived in self.derived_from.get(waiting.pop(), ()):
                if derived not in reached:
                    reached.add(derived)
                    waiting.append(derived)
        return reached


def _metrics_of(target: Target) -> Iterable[str]:
    yield target.metric
    if target.value.reference is not None:
        yield target.value.reference.metric
