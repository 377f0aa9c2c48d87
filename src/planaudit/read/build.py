"""Building the model: the frozen dataclasses of plans, reports and the catalogue, from what the
schema says a file holds, with a Problem for every defect that only the model can see (a file
whose header disagrees with its path, repeated ids, repeated figures, expressions that do not
parse)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, TypeVar

from planaudit.exact import expr
from planaudit.exact.numbers import parse_decimal
from planaudit.messages import msg
from planaudit.model.data import (
    NO_TOLERANCE,
    NO_VALUE,
    PARTLY,
    UMBRELLA,
    UNASSIGNED_METRIC,
    YEAR_END,
    Assertion,
    Bound,
    Figure,
    Label,
    Location,
    Metric,
    MetricRef,
    NamedDocument,
    Passage,
    Period,
    Plan,
    Positions,
    Provenance,
    Report,
    RuleDefinition,
    Scope,
    SourceDocument,
    Span,
    Stated,
    Strength,
    Target,
    Threshold,
    Tolerance,
    Waiver,
)
from planaudit.model.problems import Code, Problem
from planaudit.model.wording import strength_of
from planaudit.read.yamltree import MappingNode, Scalar


@dataclass(frozen=True)
class Parsed:
    """A data file as the schema reads it, with where its values stand."""

    instance: dict[str, Any]
    header: Positions  # of the top-level values
    entries: list[tuple[dict[str, Any], Location, Positions]]  # the entries of its list that match the schema
    assertions: list[tuple[dict[str, Any], Location]] = field(default_factory=list)  # a report's, that match it
    items: dict[int, list[tuple[dict[str, Any], Location, Positions]]] = field(default_factory=dict)  # an
    # umbrella target's items, by the umbrella's index in ``entries``, where they stand
    directions: list[tuple[dict[str, Any], Location]] = field(default_factory=list)  # a plan's, that match it


def read_item(parsed: Parsed, display: str, kind: str, year: int, jurisdiction: str,
               problems: list[Problem]) -> Plan | Report | None:
    if not _header_agrees(parsed, display, year, jurisdiction, problems):
        return None
    instance = parsed.instance
    name = instance.get("name") or jurisdiction
    document = instance.get("document") or {}
    source = SourceDocument(document.get("title"), document.get("issuer"), date_of(document.get("date")), document.get("url"))
    quoted = source if source.given else None
    if kind == "targets":
        targets = _unique_entries(
            [target for index, (entry, location, positions) in enumerate(parsed.entries)
             for target in _read_targets(entry, location, positions, parsed.items.get(index, []), year, jurisdiction,
                                         problems, quoted)],
            identity=lambda target: target.id,
            duplicate=lambda target, first: Problem(
                display, *target.positions.get("id", (target.location.line, target.location.col)), Code.DUPLICATE_ID,
                said=msg("target id '{id}' is already used on line {line}", id=target.id, line=first.location.line)),
            problems=problems,
        )
        directions = tuple(_passage(entry, location) for entry, location in parsed.directions)
        return Plan(display, jurisdiction, name, year, source, targets, directions)
    documents = _read_documents(parsed, display, problems)
    figures = _unique_entries(
        [read_figure(entry, location, positions, year, jurisdiction, documents, problems, quoted)
         for entry, location, positions in parsed.entries],
        identity=_figure_identity,
        duplicate=lambda figure, first: Problem(
            display, figure.location.line, figure.location.col, Code.DUPLICATE_FIGURE,
            said=msg("{metric} (scope {scope}, as of {date}{of_target}) is already reported on line {line}",
                     metric=figure.metric, scope=figure.scope or "-", date=str(figure.span.as_of), line=first.location.line,
                     of_target=msg(", of target {target}", target=figure.of_target) if figure.of_target else "")),
        problems=problems,
    )
    problems.extend(_half_conflicts(figures, display))
    assertions = tuple(_assertion(entry, location, quoted) for entry, location in parsed.assertions)
    return Report(display, jurisdiction, name, year, source, figures, assertions, tuple(documents.values()))


def _assertion(entry: dict[str, Any], location: Location, document: SourceDocument | None) -> Assertion:
    """A claim of completion (asserts: all_met, or ids) or an admission (denies: ids): the schema asks for one of them."""
    if "denies" in entry:
        return Assertion(tuple(entry["denies"]), entry["quote"], location, admits=True, document=document)
    return Assertion(None if entry["asserts"] == "all_met" else tuple(entry["asserts"]), entry["quote"], location,
                     document=document)


def _header_agrees(parsed: Parsed, display: str, year: int, jurisdiction: str, problems: list[Problem]) -> bool:
    stated_jurisdiction, stated_year = parsed.instance["jurisdiction"], parsed.instance["year"]
    agrees = True
    if stated_jurisdiction != jurisdiction:
        agrees = False
        problems.append(Problem(display, *parsed.header.get("jurisdiction", (1, 1)), Code.PATH_MISMATCH,
                                said=msg("jurisdiction '{stated}' disagrees with the file name '{file}'",
                                         stated=str(stated_jurisdiction), file=f"{jurisdiction}.yaml")))
    if stated_year != year:
        agrees = False
        problems.append(Problem(display, *parsed.header.get("year", (1, 1)), Code.PATH_MISMATCH,
                                said=msg("year {stated} disagrees with the directory {year}/", stated=str(stated_year),
                                         year=year)))
    return agrees


class Fields:
    """Typed reads of a schema-valid mapping's fields."""

    def __init__(self, node: MappingNode, path: str, problems: list[Problem],
                 usable: Callable[[str, str | int], bool] = lambda key, entry: True) -> None:
        self.node = node
        self.path = path
        self.problems = problems
        self.usable = usable  # which entries of the file's list or table matched the schema

    def location(self) -> Location:
        return Location(self.path, self.node.line, self.node.col)

    def scalar(self, key: str) -> Scalar | None:
        value = self.node.get(key)
        return value if isinstance(value, Scalar) and not value.is_null else None

    def text(self, key: str) -> str | None:
        value = self.scalar(key)
        return None if value is None else value.text

    def required_text(self, key: str) -> str:
        value = self.scalar(key)
        assert value is not None, f"the schema requires '{key}'"
        return value.text

    def flag(self, key: str, default: bool) -> bool:
        """A true/false value (the schema says it is one), or ``default`` when it is not given."""
        value = self.scalar(key)
        return default if value is None else value.text == "true"

    def number(self, key: str) -> tuple[Decimal | None, bool]:
        value = self.scalar(key)
        return (None, False) if value is None else parse_decimal(value.text)

    def named_entries(self, key: str) -> list[tuple[str, MappingNode]]:
        table = self.node.get(key)
        if not isinstance(table, MappingNode):
            return []
        return [(name, entry) for name, entry in table.items() if isinstance(entry, MappingNode) and self.usable(key, name)]

    def label(self, key: str, default: str) -> Label:
        value = self.node.get(key)
        if isinstance(value, MappingNode):
            fields = Fields(value, self.path, self.problems)
            zh, en = fields.text("zh"), fields.text("en")
            return Label(zh or en or default, en or zh or default)
        text = self.text(key) or default
        return Label(text, text)

    def expression(self, key: str, expect: expr.Type) -> expr.Expression | None:
        value = self.scalar(key)
        if value is None:
            return None
        try:
            return expr.parse(value.text, expect)
        except expr.ExprError as error:
            col = value.col + error.offset + (1 if value.quoted else 0)
            self.problems.append(Problem(self.path, value.line, col, Code.EXPRESSION,
                                         said=msg("'{key}': {problem}", key=key, problem=error.said)))
            return None


def read_metric(metric_id: str, node: MappingNode, path: str, problems: list[Problem]) -> Metric | None:
    fields = Fields(node, path, problems)
    derive = fields.expression("derive", expr.Type.NUMBER)
    if "derive" in node and derive is None:
        return None
    return Metric(metric_id, fields.label("label", metric_id), fields.required_text("unit"), derive,
                  fields.number("tolerance")[0], fields.location(), node.positions, fields.flag("cumulative", False))


def read_scope(scope_id: str, node: MappingNode, path: str, problems: list[Problem]) -> Scope:
    fields = Fields(node, path, problems)
    return Scope(scope_id, fields.label("label", scope_id), fields.location(), node.positions)


def read_rule(rule_id: str, node: MappingNode, path: str, problems: list[Problem]) -> RuleDefinition | None:
    fields = Fields(node, path, problems)
    expression = fields.expression("expr", expr.Type.BOOLEAN)
    if expression is None:
        return None
    return RuleDefinition(rule_id, fields.label("label", rule_id), expression, fields.location(), node.positions,
                          fields.flag("growth", False))


def _figure_identity(figure: Figure) -> Hashable:
    if figure.metric == UNASSIGNED_METRIC:
        return figure.location  # drafted placeholders name no metric yet, so none repeats another
    if figure.conflict:
        return figure.location  # figures the report states differently are recorded side by side
    return _figure_key(figure)


def _figure_key(figure: Figure) -> Hashable:
    return (figure.metric, figure.scope, figure.span.as_of, figure.of_target, figure.span.aggregate, figure.basis,
            figure.projected)  # a projection (预计) beside the figure stated is no repeat of it


Entry = TypeVar("Entry", Target, Figure)


def _unique_entries(entries: list[Entry], identity: Callable[[Entry], Hashable],
                    duplicate: Callable[[Entry, Entry], Problem], problems: list[Problem]) -> tuple[Entry, ...]:
    """The entries in order; a repeated identity is a problem and is dropped."""
    seen: dict[Hashable, Entry] = {}
    for entry in entries:
        first = seen.setdefault(identity(entry), entry)
        if first is not entry:
            problems.append(duplicate(entry, first))
    return tuple(seen.values())


def number_of(value: str | int | Decimal | None) -> tuple[Decimal | None, bool]:
    """A number field as the schema read it: a plain number, or text such as "85%"."""
    if value is None:
        return None, False
    if isinstance(value, str):
        return parse_decimal(value)
    return Decimal(value), False


def date_of(value: str | None) -> dt.date | None:
    return None if value is None else dt.date.fromisoformat(value)


def _read_targets(entry: dict[str, Any], location: Location, positions: Positions,
                  items: list[tuple[dict[str, Any], Location, Positions]], year: int, jurisdiction: str,
                  problems: list[Problem], document: SourceDocument | None = None) -> list[Target]:
    """A target; or an umbrella target and, after it, its items (one level: an item has none)."""
    if "items" not in entry:
        return [read_target(entry, location, positions, year, jurisdiction, document)]
    for key in ("metric", "rule", "value", "baseline", "tolerance", "tolerance_share", "direction", "over", "basis",
                "unit", "scope", "deadline", "value_source", "value_quote"):
        if key in entry:
            problems.append(Problem(location.path, *positions.get(key, (location.line, location.col)),
                                    Code.VALUE_FORBIDDEN, said=msg("an umbrella target (with items:) takes no {key}: "
                                                                   "each item has its own", key=key)))
    umbrella = read_target({**entry, "metric": UMBRELLA, "rule": UMBRELLA}, location, positions, year, jurisdiction,
                           document)
    read = []
    for item, where, item_positions in items:
        if "items" in item:  # the schema allows it, so that its own items are checked; the model does not
            problems.append(Problem(where.path, *item_positions.get("items", (where.line, where.col)),
                                    Code.VALUE_FORBIDDEN, said=msg("an item takes no items of its own: list them all "
                                                                   "under '{id}'", id=umbrella.id)))
            item = {**item, "metric": UMBRELLA, "rule": UMBRELLA}
        read.append(dataclasses.replace(read_target(item, where, item_positions, year, jurisdiction, document),
                                        parent=umbrella.id))
    return [dataclasses.replace(umbrella, items=tuple(item.id for item in read)), *read]


def read_target(entry: dict[str, Any], location: Location, positions: Positions, year: int,
                jurisdiction: str, document: SourceDocument | None = None) -> Target:
    """One entry of a target file, as the schema read it, → its Target, by keyword: each part
    (value, tolerance, period) from its own fields. A new field of a target is read here (see
    docs/architecture.md, "Adding a field")."""
    waiver = entry.get("waiver")
    return Target(
        jurisdiction=jurisdiction, year=year, id=entry["id"], title=entry["title"], metric=entry["metric"],
        rule=entry["rule"], provenance=Provenance(quote=entry["quote"], location=location, positions=positions,
                                                  section=entry.get("section"), document=document, at=entry.get("at")),
        value=threshold_of(entry), tolerance=tolerance_of(entry), period=judging_period(entry),
        scope=entry.get("scope"), basis=entry.get("basis"), baseline=number_of(entry.get("baseline"))[0],
        waiver=None if waiver is None else Waiver(waiver["reason"], date_of(waiver.get("date"))),
        strength=Strength(entry["strength"]) if "strength" in entry else strength_of(entry["quote"]),
        restated=tuple(_passage(passage, location) for passage in entry.get("restated", ())),
    )


def _passage(entry: dict[str, Any], location: Location) -> Passage:
    """A passage of a plan (a direction, a restatement), at the place of the entry that records it."""
    return Passage(entry["quote"], location, entry.get("section"), entry.get("at"))


def threshold_of(entry: dict[str, Any]) -> Threshold:
    """The target's value, its unit and where it comes from (value, unit, value_source, value_quote)."""
    raw = entry.get("value")
    unit, source, quote, note = entry.get("unit"), entry.get("value_source"), entry.get("value_quote"), entry.get("value_note")
    if raw is None and unit is None and source is None and quote is None and note is None:
        return NO_VALUE
    if raw == "unknown":
        return Threshold(unit=unit, unknown=True, source=source, quote=quote, note=note)
    if isinstance(raw, dict):
        return Threshold(unit=unit, reference=MetricRef(raw["metric"], raw.get("scope")), source=source, quote=quote,
                         note=note)
    number, percent = number_of(raw)
    return Threshold(number=number, percent=percent, unit=unit, source=source, quote=quote, note=note)


def tolerance_of(entry: dict[str, Any]) -> Tolerance:
    """An `about` target's tolerance (tolerance, tolerance_share, direction)."""
    amount, share, direction = entry.get("tolerance"), entry.get("tolerance_share"), entry.get("direction")
    if amount is None and share is None and direction is None:
        return NO_TOLERANCE
    number, percent = number_of(amount)
    return Tolerance(amount=number, percent=percent, share=number_of(share)[0], direction=direction)


def judging_period(entry: dict[str, Any]) -> Period:
    """When the target is judged, and on what of its period (deadline, over, aggregate)."""
    deadline, over, aggregate = entry.get("deadline"), entry.get("over"), entry.get("aggregate")
    if deadline is None and over is None and aggregate is None:
        return YEAR_END
    return Period(deadline=date_of(deadline), over=over, aggregate=aggregate or "end")


def _half_conflicts(figures: tuple[Figure, ...], display: str) -> list[Problem]:
    """A figure stated again with conflict: true, but itself without it: both must say so."""
    flagged = {_figure_key(figure): figure for figure in figures if figure.conflict}
    return [Problem(display, figure.location.line, figure.location.col, Code.DUPLICATE_FIGURE,
                    said=msg("{metric} is also reported on line {line} with conflict: true; a figure the report "
                             "states twice says conflict: true at both", metric=figure.metric,
                             line=flagged[_figure_key(figure)].location.line))
            for figure in figures if not figure.conflict and _figure_key(figure) in flagged]


def _read_documents(parsed: Parsed, display: str, problems: list[Problem]) -> dict[str, NamedDocument]:
    """The documents a report's figures may name as their source, by id; a repeated id is a problem."""
    documents: dict[str, NamedDocument] = {}
    for entry in parsed.instance.get("documents") or ():
        if entry["id"] in documents:
            line, col = parsed.header.get("documents", (1, 1))
            problems.append(Problem(display, line, col, Code.DUPLICATE_ID,
                                    said=msg("document id '{id}' is listed twice", id=str(entry["id"]))))
            continue
        documents[entry["id"]] = NamedDocument(entry["id"], entry.get("title"), entry.get("issuer"), date_of(entry.get("date")),
                                               entry.get("url"))
    return documents


def read_figure(entry: dict[str, Any], location: Location, positions: Positions, year: int, jurisdiction: str,
                documents: dict[str, NamedDocument] | None = None, problems: list[Problem] | None = None,
                document: SourceDocument | None = None) -> Figure:
    """One entry of an outcome file → its Figure, by keyword; its ``source`` one of ``documents``,
    else it is quoted from ``document`` (the file's)."""
    as_of = entry.get("as_of")
    source = None if entry.get("source") is None else (documents or {}).get(entry["source"])
    if entry.get("source") is not None and source is None and problems is not None:
        line, col = positions.get("source", (location.line, location.col))
        listed = ", ".join(documents or {}) or "none"
        problems.append(Problem(location.path, line, col, Code.UNKNOWN_DOCUMENT,
                                said=msg("source '{name}' is not one of the report's documents (listed: {listed})",
                                         name=str(entry["source"]), listed=listed)))
    growth = entry.get("growth")
    return Figure(
        jurisdiction=jurisdiction, year=year, metric=entry["metric"], stated=_stated(entry), scope=entry.get("scope"),
        span=_span(year, as_of, entry.get("aggregate")),
        provenance=Provenance(quote=entry["quote"], location=location, positions=positions, source=source,
                              document=source or document, at=entry.get("at")),
        growth=None if growth is None else number_of(growth)[0],
        of_target=entry.get("of_target"),
        conflict=entry.get("conflict") is True, basis=entry.get("basis"), note=entry.get("note"),
        acknowledged=entry.get("acknowledged"), value_note=entry.get("value_note"), projected=entry.get("projected") is True,
    )


_STATES = {True: Stated(value=True), False: Stated(value=False), PARTLY: Stated(value=False, partly=True)}


def _stated(entry: dict[str, Any]) -> Stated:
    """What a figure states (value, bound, approx_share)."""
    raw, bound, approx_share = entry["value"], entry.get("bound"), entry.get("approx_share")
    if type(raw) is Decimal and bound is None and approx_share is None:
        return Stated(value=raw)  # a number as most reports give it (the quick reader's Decimal, exact)
    partly = type(raw) is str and raw == PARTLY  # not raw == PARTLY: a Decimal compared with a str is slow
    if (type(raw) is bool or partly) and bound is None and approx_share is None:
        return _STATES[raw]  # a state as most reports give it: one value for each, shared
    if partly:
        return Stated(value=False, partly=True, bound=Bound(bound) if bound else Bound.EXACT,
                      approx_share=None if approx_share is None else number_of(approx_share)[0])
    if isinstance(raw, bool) or type(raw) is Decimal:
        value, percent = raw, False
    else:
        value, percent = number_of(raw)
        assert value is not None, "the schema requires 'value'"
    return Stated(value=value, percent=percent, bound=Bound(bound) if bound else Bound.EXACT,
                  approx_share=None if approx_share is None else number_of(approx_share)[0])


@functools.lru_cache(maxsize=256)
def _span(year: int, as_of: str | None, aggregate: str | None) -> Span:
    """What a figure measures (as_of, aggregate): by default, the value at its year's end. (Most of a
    report's figures share a few: each is made once.)"""
    return Span(as_of=dt.date(year, 12, 31) if as_of is None else dt.date.fromisoformat(as_of),
                aggregate=aggregate or "end", as_of_stated=as_of is not None)
