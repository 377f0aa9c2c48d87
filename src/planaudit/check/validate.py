"""Validate: the checks that span files — metrics, rules, units and expressions."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

from planaudit.errors import CloseNames, did_you_mean
from planaudit.exact.expr import split_name
from planaudit.exact.numbers import format_number
from planaudit.judge.rules import Rule, builtin_rules, custom, rule_table
from planaudit.judge.units import UnitError, written_unit
from planaudit.messages import Message, msg
from planaudit.model.data import (
    BOOLEAN,
    PERCENT,
    RATIO,
    UNASSIGNED_METRIC,
    Bound,
    Catalogue,
    Figure,
    Location,
    Metric,
    Plan,
    Report,
    Settings,
    Target,
    ValueKind,
)
from planaudit.model.period import PeriodTarget
from planaudit.model.problems import Code, Problem
from planaudit.model.wording import STATED_SHARE, in_targets_words, words_share
from planaudit.read.layout import DataFile
from planaudit.read.load import FileRead, read_file
from planaudit.read.quotes import in_quote, looks_like_a_percentage, looks_like_a_ratio, stated_numbers


def catalogue_problems(catalogue: Catalogue) -> list[Problem]:
    """The problems of the metrics and rules themselves (each data file is checked as it is read)."""
    return list(_check_catalogue(catalogue))


def jurisdiction_problems(root: Path, files: list[DataFile], *, catalogue: Catalogue, settings: Settings,
                          used: frozenset[Key] = frozenset()) -> list[Problem]:
    """The problems of one jurisdiction's target and outcome files, of every year, read from disk:
    each file's, and a warning at each figure that none of its targets uses (nor, in ``used``, its
    period plans: :func:`period_uses`)."""
    checks = item_checks(catalogue, settings)
    return problems_of_reads([read_file(root, file, checks) for file in files], catalogue, used)


def problems_of_reads(reads: list[FileRead], catalogue: Catalogue, used: frozenset[Key] = frozenset()) -> list[Problem]:
    """The problems of one jurisdiction's files, read as :func:`jurisdiction_problems` reads them."""
    items = [read.item for read in reads if read.item is not None]
    return [problem for read in reads for problem in read.problems] + unused_figures(items, catalogue, used) \
        + unknown_named_targets(items) + unexplained_readings(items) + proven_by_one_sentence(items)


def proven_by_one_sentence(items: list[Plan | Report]) -> list[Problem]:
    """A warning at each target (after the first) that a yes/no figure with the very quote of
    another's proves: one sentence of the report, read as two commitments done, counts twice."""
    targets: dict[tuple[int, str, str | None], list[Target]] = {}
    for plan in items:
        if isinstance(plan, Plan):
            for target in plan.targets:
                targets.setdefault((plan.year, target.metric, target.scope), []).append(target)
    found = []
    for report in items:
        if not isinstance(report, Report):
            continue
        proven: dict[str, tuple[Target, Figure]] = {}
        for figure in report.figures:
            if not figure.stated.is_state:
                continue
            for target in targets.get((figure.year, figure.metric, figure.scope), ()):
                first = proven.setdefault(figure.provenance.quote, (target, figure))
                if first[0] is not target and first[0].metric != target.metric:
                    found.append(_same_sentence(target, *first))
    return found


def _same_sentence(target: Target, first: Target, figure: Figure) -> Problem:
    return _at(target, "id", Code.DUPLICATE_TARGET,
               msg("target '{id}' is proven by the very sentence that proves '{first}' (line {line}): “{quote}” "
                   "({where}); one sentence, counted as two commitments done — merge them, or let each rest on words "
                   "of its own", id=target.id, first=first.id, line=first.location.line, quote=figure.provenance.quote,
                   where=f"{figure.location.path}:{figure.location.line}"))


def unexplained_readings(items: list[Plan | Report]) -> list[Problem]:
    """A warning at each yes/no figure without a note whose quote repeats too little of the words
    of a target it decides (the same year, metric and scope) to state it done: a verdict on it is
    an evaluator's reading, which a note must explain (docs/verdicts.md, What a verdict rests on)."""
    targets: dict[tuple[int, str, str | None], list[Target]] = {}
    for plan in items:
        if isinstance(plan, Plan):
            for target in plan.targets:
                targets.setdefault((plan.year, target.metric, target.scope), []).append(target)
    return [_judged_without_note(figure, target) for report in items if isinstance(report, Report)
            for figure in report.figures if figure.stated.is_state and figure.note is None
            for target in targets.get((figure.year, figure.metric, figure.scope), ())
            if not in_targets_words(target, figure.provenance.quote)]


def _judged_without_note(figure: Figure, target: Target) -> Problem:
    share = words_share(target, figure.provenance.quote)
    return _at(figure, "quote", Code.JUDGED_WITHOUT_NOTE,
               msg("the quote repeats {share}% of the words of target '{id}' (line {line}), under the {least}% that would "
                   "state it done: a verdict on it is an evaluator's reading, which a note must explain", share=int(share * 100),
                   id=target.id, line=target.location.line, least=int(STATED_SHARE * 100)))


def unknown_named_targets(items: list[Plan | Report]) -> list[Problem]:
    """A warning at each claim of completion or admission, or share of a target, that names a target its year's
    plan does not have (or, for a share, one of another metric)."""
    metrics = {(plan.year, target.id): target.metric for plan in items if isinstance(plan, Plan) for target in plan.targets}
    ids: dict[int, CloseNames] = {}  # each year's target ids, indexed once

    def unknown(where: Location, key: str, name: str, year: int) -> Problem:
        if year not in ids:
            ids[year] = CloseNames(target_id for plan_year, target_id in metrics if plan_year == year)
        return Problem(where.path, where.line, where.col, Code.UNKNOWN_TARGET,
                       said=msg("{key} names target '{name}', which the {year} plan does not have{close}", key=key, name=name,
                                year=year, close=did_you_mean(name, ids[year])))

    reports = [item for item in items if isinstance(item, Report)]
    found = [unknown(claim.location, "denies" if claim.admits else "asserts", name, report.year)
             for report in reports for claim in report.assertions
             for name in claim.targets or () if (report.year, name) not in metrics]
    for report in reports:
        for figure in report.figures:
            if figure.of_target is None:
                continue
            metric = metrics.get((report.year, figure.of_target))
            if metric is None:
                found.append(unknown(figure.location, "of_target", figure.of_target, report.year))
            elif metric != figure.metric:
                found.append(_at(figure, "of_target", Code.UNKNOWN_TARGET,
                                 msg("of_target names target '{name}', which is of {metric}, not {other}",
                                     name=figure.of_target, metric=metric, other=figure.metric)))
    return found


Key = tuple[int, "str | None", str]  # year, scope, metric


def unused_figures(items: list[Plan | Report], catalogue: Catalogue, used: frozenset[Key] = frozenset()) -> list[Problem]:
    """A warning at each figure of one jurisdiction's reports that no target of its plans uses,
    nor derives a value from, in the figure's year or (as a baseline) the next — nor one of its
    period plans (``used``)."""
    return [_unused(figure) for figure in figures_no_target_uses(items, catalogue, used)]


def figures_no_target_uses(items: list[Plan | Report], catalogue: Catalogue, used: frozenset[Key] = frozenset()
                           ) -> list[Figure]:
    """The figures of one jurisdiction's reports that no target of its plans uses (see
    :func:`unused_figures`)."""
    rules = rule_table(catalogue)
    needed: set[Key] = set(used)
    for plan in items:
        if isinstance(plan, Plan):
            for target in plan.targets:
                rule = rules.get(target.rule)
                years = [plan.year, plan.year - 1] if rule is not None and rule.uses_baseline else [plan.year]
                needed.update((year, target.scope if scope is None else scope, metric)
                              for metric, scope in _derivation_sources(target.metric, catalogue) for year in years)
    return [figure for report in items if isinstance(report, Report) for figure in report.figures
            if figure.metric != UNASSIGNED_METRIC and (figure.year, figure.scope, figure.metric) not in needed]


def period_uses(targets: Iterable[PeriodTarget], catalogue: Catalogue) -> frozenset[Key]:
    """What a jurisdiction's period targets use: their metric (and what it derives from), and a
    relative target's other metric, in every year from the base's to the year due."""
    needed: set[Key] = set()
    for target in targets:
        if target.metric not in catalogue.metrics:
            continue  # validate says so
        start = target.base.used.year if target.base is not None else target.first - 1
        metrics = _derivation_sources(target.metric, catalogue)
        reference = target.value.reference
        if reference is not None and reference.metric in catalogue.metrics:
            metrics |= {(metric, reference.scope if scope is None else scope)
                        for metric, scope in _derivation_sources(reference.metric, catalogue)}
        needed.update((year, target.scope if scope is None else scope, metric)
                      for metric, scope in metrics for year in range(start, target.due + 1))
    return frozenset(needed)


def _derivation_sources(metric_id: str, catalogue: Catalogue) -> set[tuple[str, str | None]]:
    """The metric and every metric its value may be derived from, each with the scope a derivation
    names it in (projects[province]), or None: the target's own."""
    found: set[tuple[str, str | None]] = set()
    stack: list[tuple[str, str | None]] = [(metric_id, None)]
    while stack:
        name, scope = stack.pop()
        if (name, scope) in found:
            continue
        found.add((name, scope))
        metric = catalogue.metrics.get(name)
        if metric is not None and metric.derive is not None:
            stack.extend((source, named if named is not None else scope)
                         for source, named in map(split_name, metric.derive.names))
    return found


def _unused(figure: Figure) -> Problem:
    where = figure.location  # the entry's, however the file was read (the quick reader keeps no field positions)
    return Problem(where.path, where.line, where.col, Code.UNUSED_FIGURE,
                   said=msg("no target of {year} or {next} uses {metric}{scope}", year=figure.year, next=figure.year + 1,
                            metric=figure.metric, scope=msg(" (scope {scope})", scope=figure.scope) if figure.scope else ""))


@dataclass(frozen=True)
class Known:
    """The names of the catalogue an entry may misspell, each set indexed once for every file's
    did-you-mean (:class:`CloseNames`), not searched whole for each misspelling."""

    metrics: CloseNames
    scopes: CloseNames
    rules: CloseNames

    @classmethod
    def of(cls, catalogue: Catalogue) -> Known:
        return cls(CloseNames(catalogue.metrics), CloseNames(catalogue.scopes), CloseNames(rule_table(catalogue)))


def item_checks(catalogue: Catalogue, settings: Settings) -> Callable[[Plan | Report], Iterator[Problem]]:
    """The checks of one plan or report against the catalogue and the settings (picklable, for
    worker processes)."""
    return functools.partial(_check_against, catalogue=catalogue, settings=settings, known=Known.of(catalogue))


def _check_against(item: Plan | Report, catalogue: Catalogue, settings: Settings, known: Known) -> Iterator[Problem]:
    return _check_item(item, catalogue, rule_table(catalogue), settings, known)  # rules are built here: they do not pickle


def _check_item(item: Plan | Report, catalogue: Catalogue, rules: dict[str, Rule], settings: Settings, known: Known
                ) -> Iterator[Problem]:
    if isinstance(item, Plan):
        yield from _check_repeated_commitments(item)
        for target in item.targets:
            if target.is_umbrella:
                continue  # it has no metric or rule of its own: its items are checked
            yield from _check_target(target, catalogue, rules, known)
            yield from _check_tolerance(target, rules.get(target.rule), settings)
    else:
        for figure in item.figures:
            yield from _check_figure(figure, catalogue, known)
            yield from _check_approx(figure, settings)


def _check_repeated_commitments(plan: Plan) -> Iterator[Problem]:
    """A target that makes the commitment an earlier one of the plan makes — the same metric, rule,
    value, scope, basis, period and tolerance — is judged on the same figure and would count twice."""
    made: dict[tuple[str, str, str | None], list[Target]] = {}  # by metric, rule and scope: then compared whole
    for target in plan.targets:
        if target.is_umbrella:
            continue  # judged on its items
        alike = made.setdefault((target.metric, target.rule, target.scope), [])
        same = next((earlier for earlier in alike if _commitment(earlier) == _commitment(target)), None)
        if same is None:
            alike.append(target)
        else:
            yield _at(target, "id", Code.DUPLICATE_TARGET,
                      msg("target '{id}' makes the commitment of '{first}' on line {line} (the same metric, rule, value "
                          "and scope): one commitment, counted twice; merge them, or say what differs", id=target.id,
                          first=same.id, line=same.location.line))


def _commitment(target: Target) -> tuple[object, ...]:
    return target.metric, target.rule, target.value, target.scope, target.basis, target.period, target.tolerance


def _at(item: Target | Figure | Metric, key: str, code: Code, said: Message) -> Problem:
    line, col = item.positions.get(key, (item.location.line, item.location.col))
    return Problem(item.location.path, line, col, code, said=said)


def _unassigned(item: Target | Figure) -> Problem:
    return _at(item, "metric", Code.UNASSIGNED_METRIC,
               msg("metric not yet assigned: replace {todo} with a metric id from rules/", todo=UNASSIGNED_METRIC))


def _check_catalogue(catalogue: Catalogue) -> Iterator[Problem]:
    for metric in catalogue.metrics.values():
        if metric.derive is None:
            continue
        if metric.unit == BOOLEAN:
            yield _at(metric, "derive", Code.UNIT, msg("{metric} is boolean and cannot be derived by arithmetic",
                                                              metric=metric.id))
        for name in sorted(metric.derive.names):
            metric_name, scope = split_name(name)
            source = catalogue.metrics.get(metric_name)
            if source is None:
                yield _at(metric, "derive", Code.UNKNOWN_METRIC, msg("derive names unknown metric '{name}'",
                                                                                 name=metric_name))
            elif source.unit == BOOLEAN:
                yield _at(metric, "derive", Code.UNIT, msg("derive uses boolean metric '{name}' in arithmetic",
                                                                       name=metric_name))
            if scope is not None and scope not in catalogue.scopes:
                yield _at(metric, "derive", Code.UNKNOWN_SCOPE,
                          msg("derive names unknown scope '{scope}' in {name}: declare it under scopes: in rules/",
                              scope=scope, name=name))
    yield from _cycles(catalogue)
    yield from _too_deep(catalogue)
    for rule_id, definition in catalogue.rules.items():
        if rule_id in builtin_rules():
            yield Problem(definition.location.path, definition.location.line, definition.location.col,
                          Code.DUPLICATE_ID, said=msg("custom rule '{rule}' has the name of a built-in rule", rule=rule_id))
        known = custom.NAMES if definition.growth else custom.NAMES - {"growth"}
        for name in sorted(definition.expr.names - known):
            line, col = definition.positions.get("expr", (definition.location.line, definition.location.col))
            said = msg("expr may name only actual, value and baseline (growth, with growth: true), not '{name}'",
                       name=name) if name == "growth" else \
                msg("expr may name only actual, value and baseline, not '{name}'", name=name)
            yield Problem(definition.location.path, line, col, Code.UNKNOWN_NAME, said=said)


def _cycles(catalogue: Catalogue) -> Iterator[Problem]:
    """One problem per derivation cycle, at the first metric of the cycle in name order. Only a
    metric on a cycle is searched from, and only through the metrics of its own cycles (no other
    leads back to it): a wide catalogue without cycles is not searched once per metric."""
    graph = {name: sorted(metric.derive.metrics) if metric.derive is not None else []
             for name, metric in catalogue.metrics.items()}
    components = cyclic_components(graph)
    reported: set[frozenset[str]] = set()
    for start in sorted(name for name in catalogue.metrics if name in components):
        for cycle in _cycles_from(start, graph, components):
            members = frozenset(cycle)
            if members in reported or min(members) != start:
                continue
            reported.add(members)
            path = " → ".join([*cycle, cycle[0]])
            yield _at(catalogue.metrics[start], "derive", Code.CYCLE, msg("derivations form a cycle: {path}", path=path))


MAX_DERIVATION_DEPTH = 32  # metrics derived from metrics derived from …: judging follows the chain


def _too_deep(catalogue: Catalogue) -> Iterator[Problem]:
    """A problem at each metric whose derivations chain one past the limit (so one per long chain)."""
    for name, depth in sorted(derivation_depths(catalogue).items()):
        if depth == MAX_DERIVATION_DEPTH + 1:
            yield _at(catalogue.metrics[name], "derive", Code.EXPRESSION,
                      msg("derivations chained more than {depth} deep; derive this metric from reported metrics more "
                          "directly", depth=MAX_DERIVATION_DEPTH))


def derivation_depths(catalogue: Catalogue) -> dict[str, int]:
    """How many derivations deep each metric is (a reported one is 0), found without recursion; a
    metric on a cycle counts the cycle once (cycles are reported on their own)."""
    depths: dict[str, int] = {}
    for start in catalogue.metrics:
        stack = [(start, False)]
        visiting: set[str] = set()
        while stack:
            name, expanded = stack.pop()
            metric = catalogue.metrics.get(name)
            sources = sorted(metric.derive.metrics) if metric is not None and metric.derive is not None else []
            if expanded:
                visiting.discard(name)
                depths[name] = max((depths.get(source, 0) + 1 for source in sources), default=0)
            elif name not in depths and name not in visiting:
                visiting.add(name)
                stack.append((name, True))
                stack.extend((source, False) for source in sources if source not in depths)
    return depths


def _cycles_from(start: str, graph: dict[str, list[str]], components: dict[str, int]) -> Iterator[list[str]]:
    stack: list[tuple[str, list[str]]] = [(start, [start])]
    seen: set[str] = set()
    while stack:
        name, path = stack.pop()
        for next_name in graph.get(name, []):
            if next_name == start:
                yield path
            elif next_name not in seen and next_name not in path and components.get(next_name) == components[start]:
                seen.add(next_name)
                stack.append((next_name, [*path, next_name]))


def cyclic_components(graph: dict[str, list[str]]) -> dict[str, int]:
    """The metrics on a derivation cycle, each with a number for the strongly connected component
    (the metrics that all lead to each other) it is in: Tarjan's algorithm, without recursion."""
    order: dict[str, int] = {}  # when each metric was reached
    low: dict[str, int] = {}  # the earliest metric on the stack it leads back to
    stack: list[str] = []
    on_stack: set[str] = set()
    found: dict[str, int] = {}
    for root in graph:
        if root in order:
            continue
        work = [(root, 0)]
        while work:
            name, next_index = work.pop()
            if next_index == 0:
                order[name] = low[name] = len(order)
                stack.append(name)
                on_stack.add(name)
            sources = graph.get(name, [])
            for index in range(next_index, len(sources)):
                source = sources[index]
                if source not in order:
                    work += [(name, index + 1), (source, 0)]  # back to this metric once the source is done
                    break
                if source in on_stack:
                    low[name] = min(low[name], order[source])
            else:
                if low[name] == order[name]:  # the root of a component: it is what is on the stack down to it
                    members = [stack.pop()]
                    while members[-1] != name:
                        members.append(stack.pop())
                    on_stack.difference_update(members)
                    if len(members) > 1 or name in sources:
                        found.update((member, order[name]) for member in members)
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[name])
    return found


def _check_target(target: Target, catalogue: Catalogue, rules: dict[str, Rule], known: Known) -> Iterator[Problem]:
    metric = catalogue.metrics.get(target.metric)
    rule = rules.get(target.rule)
    if target.metric == UNASSIGNED_METRIC:
        yield _unassigned(target)
    elif metric is None and catalogue.metrics:
        yield _at(target, "metric", Code.UNKNOWN_METRIC, _unknown_metric(target.metric, known))
    yield from _check_scope(target, catalogue, known)
    if rule is None:
        listed = ", ".join(sorted(rules))
        yield _at(target, "rule", Code.UNKNOWN_RULE,
                  msg("unknown rule '{rule}' (known: {known}){close}", rule=target.rule, known=listed,
                      close=did_you_mean(target.rule, known.rules)))
        return
    yield from _check_reference(target, rule, metric, catalogue, known)
    fault = target.value.restatement_fault()
    if fault == "value_source":
        yield _at(target, "value_source", Code.VALUE_MISSING, msg("value_source: report needs value_quote: the report's "
                                                                  "words that state the value"))
    elif fault == "value_quote":
        yield _at(target, "value_quote", Code.VALUE_FORBIDDEN, msg("value_quote is for value_source: report"))
    if target.basis is not None and (rule.boolean or (metric is not None and metric.unit == BOOLEAN)):
        yield _at(target, "basis", Code.VALUE_FORBIDDEN, msg("basis is for numbers: a true/false target has none"))
    if target.period.over is not None and target.period.aggregate != "end":
        yield _at(target, "aggregate", Code.VALUE_FORBIDDEN,
                  msg("a target on the year's {aggregate} (aggregate:) holds at no time of it: over: year is for a ceiling or a "
                      "floor through the year", aggregate=target.period.aggregate))
    if target.period.over is not None and rule.over_year is None:
        yield _at(target, "over", Code.VALUE_FORBIDDEN, msg("rule {rule} cannot hold over a year: over: year is for a "
                                                            "ceiling or a floor (at_most, less_than, at_least, more_than)",
                                                            rule=rule.id))
    if rule.needs_value and target.value.kind is ValueKind.NONE:
        yield _at(target, "rule", Code.VALUE_MISSING, msg("rule {rule} needs a value", rule=rule.id))
    if not rule.needs_value and target.value.given:
        yield _at(target, "value", Code.VALUE_FORBIDDEN, msg("rule {rule} takes no value", rule=rule.id))
    if not rule.uses_baseline and target.baseline is not None:
        yield _at(target, "baseline", Code.VALUE_FORBIDDEN, msg("rule {rule} uses no baseline", rule=rule.id))
    if metric is not None:
        yield from _check_target_units(target, metric, rule)
        value = target.value
        if value.number is not None and rule.boolean == (metric.unit == BOOLEAN):
            yield from _check_quote(target, value.number, rule.value_unit(target, metric.unit), value.percent,
                                    (value.quote or "") if value.from_report else None, computed=value.note is not None)


def _check_reference(target: Target, rule: Rule, metric: Metric | None, catalogue: Catalogue, known: Known
                     ) -> Iterator[Problem]:
    """A relative target's value names a known metric (and scope) in its own metric's unit, for a
    rule that compares two numbers."""
    reference = target.value.reference
    if reference is None:
        return
    if not rule.needs_value or rule.measure is not None or rule.boolean:
        yield _at(target, "value", Code.VALUE_FORBIDDEN, msg("rule {rule} cannot take another metric's figure as its value",
                                                            rule=rule.id))
        return
    named = catalogue.metrics.get(reference.metric)
    if named is None:
        yield _at(target, "value", Code.UNKNOWN_METRIC, _unknown_metric(reference.metric, known))
    elif metric is not None and named.unit != metric.unit:
        yield _at(target, "value", Code.UNIT, msg("value names {named}, in {unit}; {metric} is in {own}", named=named.id,
                                                  unit=named.unit, metric=metric.id, own=metric.unit))
    if reference.scope is not None and reference.scope not in catalogue.scopes:
        yield _at(target, "value", Code.UNKNOWN_SCOPE, msg("unknown scope '{scope}': declare it under scopes: in rules/{close}",
                                                            scope=reference.scope,
                                                            close=did_you_mean(reference.scope, known.scopes)))


def _check_tolerance(target: Target, rule: Rule | None, settings: Settings) -> Iterator[Problem]:
    """A tolerance is for a rule with a band (`about`), which needs one: the target's or planaudit.yaml's."""
    tolerance = target.tolerance
    given = tolerance.given()
    if rule is None:
        return
    if rule.band is None:
        for key in given:
            yield _at(target, key, Code.VALUE_FORBIDDEN, msg("rule {rule} takes no {key} (only a rule such as about does)",
                                                             rule=rule.id, key=key))
        return
    if tolerance.both_given:
        yield _at(target, "tolerance_share", Code.VALUE_FORBIDDEN, msg("give tolerance or tolerance_share, not both"))
    elif tolerance.amount is None and tolerance.share is None and settings.about_tolerance is None \
            and settings.about_tolerance_share is None:
        yield _at(target, "rule", Code.VALUE_MISSING,
                  msg("rule {rule} needs a tolerance: tolerance: (0.5) or tolerance_share: (5%) here, "
                      "or about_tolerance: in planaudit.yaml", rule=rule.id))
    if tolerance.percent_of_plain(target.value):
        yield _at(target, "tolerance", Code.UNIT,
                  msg("tolerance {amount}% is a percentage but the value is not; "
                      "for a share of the value write tolerance_share: {amount}%", amount=str(tolerance.amount)))


def _check_target_units(target: Target, metric: Metric, rule: Rule) -> Iterator[Problem]:
    if rule.boolean != (metric.unit == BOOLEAN):
        yield _at(target, "rule", Code.UNIT,
                  msg("rule {rule} needs a boolean metric; {metric} is in {unit}", rule=rule.id, metric=metric.id,
                      unit=metric.unit) if rule.boolean else
                  msg("rule {rule} needs a numeric metric; {metric} is in {unit}", rule=rule.id, metric=metric.id,
                      unit=metric.unit))
        return
    if target.value.number is None:
        return
    try:
        rule.threshold(target, metric.unit)
    except UnitError as error:
        yield _at(target, "unit" if target.value.unit else "value", Code.UNIT, error.said)


def _unknown_metric(metric: str, known: Known) -> Message:
    return msg("unknown metric '{metric}'{close}", metric=metric, close=did_you_mean(metric, known.metrics))


def no_metrics(catalogue: Catalogue, data_files: int) -> list[Problem]:
    """With data files and no metric in rules/, one problem says so: every metric they name is
    unknown for that one reason, and is not said again at each of them."""
    if catalogue.metrics or not data_files:
        return []
    return [Problem("rules/", 1, 1, Code.UNKNOWN_METRIC,
                    said=msg("rules/ defines no metrics (is rules/metrics.yaml missing?), so no target or figure can "
                             "name one"))]


def _check_scope(item: Target | Figure, catalogue: Catalogue, known: Known) -> Iterator[Problem]:
    if item.scope is None or item.scope in catalogue.scopes:
        return
    declared = msg(" (declared: {scopes})", scopes=", ".join(catalogue.scopes)) if catalogue.scopes else ""
    yield _at(item, "scope", Code.UNKNOWN_SCOPE,
              msg("unknown scope '{scope}': declare it under scopes: in rules/{declared}{close}", scope=item.scope,
                  declared=declared, close=did_you_mean(item.scope, known.scopes)))


def _check_approx(figure: Figure, settings: Settings) -> Iterator[Problem]:
    """A figure of bound approx (约) needs the share it may be off by; no other figure takes one."""
    fault = figure.stated.approx_fault(settings.approx_share)
    if fault == "approx_share":
        yield _at(figure, "approx_share", Code.VALUE_FORBIDDEN, msg("approx_share is for a figure of bound approx"))
    elif fault == "bound":
        yield _at(figure, "bound", Code.VALUE_MISSING,
                  msg("bound approx needs the share the figure may be off by: approx_share: (5%) here, "
                      "or approx_share: in planaudit.yaml"))


def _check_figure(figure: Figure, catalogue: Catalogue, known: Known) -> Iterator[Problem]:
    yield from _check_scope(figure, catalogue, known)
    metric = catalogue.metrics.get(figure.metric)
    if figure.metric == UNASSIGNED_METRIC:
        yield _unassigned(figure)
        return
    if metric is None:
        if catalogue.metrics:
            yield _at(figure, "metric", Code.UNKNOWN_METRIC, _unknown_metric(figure.metric, known))
        return
    stated = figure.stated
    is_state = stated.is_state
    if stated.partly and figure.note is None:
        yield _at(figure, "value", Code.VALUE_MISSING,
                  msg("a commitment done in part needs a note: saying what was done and what was not"))
    if is_state != (metric.unit == BOOLEAN):
        yield _at(figure, "value", Code.UNIT,
                  msg("{metric} is in {unit}: its value must be true or false", metric=metric.id, unit=metric.unit)
                  if metric.unit == BOOLEAN else
                  msg("{metric} is in {unit}: its value must be a number", metric=metric.id, unit=metric.unit))
    elif is_state and stated.bound is not Bound.EXACT:
        yield _at(figure, "bound", Code.UNIT, msg("a true/false figure cannot have a bound"))
    elif is_state and figure.basis is not None:
        yield _at(figure, "basis", Code.VALUE_FORBIDDEN, msg("basis is for numbers: a true/false figure has none"))
    elif figure.of_target is not None:
        if not stated.percent:
            yield _at(figure, "value", Code.UNIT, msg("a share of target {name} is a percentage: write {value}%",
                                                      name=figure.of_target, value=format_number(stated.value)))
    elif stated.percent and metric.unit not in (PERCENT, RATIO):
        yield _at(figure, "value", Code.UNIT, msg("a percentage cannot be a figure of {metric}, which is in {unit}",
                                                  metric=metric.id, unit=metric.unit))
    elif not isinstance(stated.value, bool):
        unit = written_unit(stated.percent, None, metric.unit)
        yield from _check_quote(figure, stated.value, unit, stated.percent, computed=figure.value_note is not None)
    if figure.growth is not None and in_quote(figure.growth, PERCENT, figure.provenance.quote) is False:
        yield _at(figure, "growth", Code.VALUE_NOT_IN_QUOTE,
                  msg("the growth {value}% is none of the numbers its quote states ({numbers})",
                      value=format_number(figure.growth), numbers=_numbers_text(figure.provenance.quote)))


def _check_quote(item: Target | Figure, value: Decimal, unit: str, percent_sign: bool, quote: str | None = None,
                 computed: bool = False) -> Iterator[Problem]:
    """An error for a value that its own quote (or ``quote``, the words that state it) does not
    state — unless the data says how it was ``computed`` from it (value_note:); a warning for a
    percentage written as a ratio, and for a ratio written as its quote's percentage."""
    quote = item.provenance.quote if quote is None else quote
    if looks_like_a_ratio(value, unit, percent_sign, quote):
        shown = format_number(value)
        hundredfold = format_number(Fraction(value) * 100)
        yield _at(item, "value", Code.PERCENT_AS_RATIO,
                  msg("{shown} is read as {shown}%, not {hundredfold}%; write {hundredfold}% if that is meant", shown=shown,
                      hundredfold=hundredfold))
    elif looks_like_a_percentage(value, unit, percent_sign, quote):
        shown = format_number(value)
        yield _at(item, "value", Code.RATIO_AS_PERCENT,
                  msg("{shown} is a ratio of {shown} ({hundredfold}%), as the metric's unit is ratio; write {shown}% "
                      "if that is meant", shown=shown, hundredfold=format_number(Fraction(value) * 100)))
    elif not computed and in_quote(value, unit, quote) is False:
        shown = format_number(value) + ("%" if percent_sign else "")
        yield _at(item, "value", Code.VALUE_NOT_IN_QUOTE,
                  msg("the value {shown} is none of the numbers its quote states ({numbers})", shown=shown,
                      numbers=_numbers_text(quote)))


def _numbers_text(quote: str) -> str:
    return ", ".join(dict.fromkeys(number.text for number in stated_numbers(quote)))
