"""Load: the files of a data repository → the model, with a Problem for every defect.

A bad file never raises: it becomes problems, and the rest of the repository still loads so
that one run reports everything.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import TypeVar

from . import expr
from .model import (
    Bound,
    Catalogue,
    Figure,
    Label,
    Location,
    Metric,
    Plan,
    Report,
    Repository,
    RuleDefinition,
    Settings,
    SourceDocument,
    Target,
    Waiver,
)
from .numbers import NumberError, parse_decimal
from .problems import Code, Problem
from .yamlsource import Mapping, Scalar, Sequence, YamlNode, position, read_document

SLUG = re.compile(r"[a-z0-9][a-z0-9_-]*")
METRIC_ID = re.compile(r"[A-Za-z][A-Za-z0-9_]*(?:\.[A-Za-z][A-Za-z0-9_]*)*")
YEAR_DIR = re.compile(r"[0-9]{4}")
DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
SETTINGS_FILE = "planaudit.yaml"
LANGUAGES = ("zh", "en")
FAIL_ON = ("missed", "unmeasured", "inconsistent", "never")


@dataclass
class Loaded:
    repository: Repository
    problems: list[Problem] = field(default_factory=list)


def load_repository(data_dir: Path, target_years: Iterable[int], outcome_years: Iterable[int]) -> Loaded:
    """Read planaudit.yaml, rules/ and the target and outcome files of the given years."""
    problems: list[Problem] = []
    settings = _load_settings(data_dir, problems)
    catalogue = _load_catalogue(data_dir, problems)
    plans = {}
    for year in sorted(set(target_years)):
        for file, display, jurisdiction in _year_files(data_dir, "targets", year, problems):
            plan = _read_plan(_read(file, display, problems), year, jurisdiction, problems)
            if plan is not None:
                plans[(year, jurisdiction)] = plan
    reports = {}
    for year in sorted(set(outcome_years)):
        for file, display, jurisdiction in _year_files(data_dir, "outcomes", year, problems):
            report = _read_report(_read(file, display, problems), year, jurisdiction, problems)
            if report is not None:
                reports[(year, jurisdiction)] = report
    return Loaded(Repository(settings, catalogue, plans, reports), problems)


def target_files(data_dir: Path, year: int) -> list[Path]:
    return sorted((data_dir / "targets" / str(year)).glob("*.yaml"))


def _year_files(data_dir: Path, kind: str, year: int, problems: list[Problem]) -> Iterable[tuple[Path, str, str]]:
    for file in sorted((data_dir / kind / str(year)).glob("*.yaml")):
        display = f"{kind}/{year}/{file.name}"
        jurisdiction = file.stem
        if not SLUG.fullmatch(jurisdiction):
            problems.append(Problem(display, 1, 1, Code.PATH_MISMATCH,
                                    f"file name '{file.name}' is not a jurisdiction slug such as fuzhou.yaml "
                                    "(lower-case letters, digits, - and _)"))
            continue
        yield file, display, jurisdiction


def _read(file: Path, display: str, problems: list[Problem]) -> tuple[str, YamlNode | None]:
    document = read_document(file, display)
    problems.extend(document.problems)
    if document.root is None and not document.problems:
        problems.append(Problem(display, 1, 1, Code.SCHEMA, "the file is empty"))
    return display, document.root


class _Fields:
    """Typed reads of one YAML mapping's fields; each bad field becomes a Problem."""

    def __init__(self, node: Mapping, path: str, problems: list[Problem], allowed: Iterable[str]) -> None:
        self.node = node
        self.path = path
        self.problems = problems
        allowed = tuple(allowed)
        for key in node:
            if key not in allowed:
                self.problem_at(node.key_positions[key], Code.SCHEMA,
                                f"unknown key '{key}' (allowed here: {', '.join(allowed)})")

    def problem_at(self, where: tuple[int, int], code: Code, message: str) -> None:
        self.problems.append(Problem(self.path, where[0], where[1], code, message))

    def location(self) -> Location:
        return Location(self.path, self.node.line, self.node.col)

    def present(self, key: str, required: bool) -> YamlNode | None:
        value = self.node.get(key)
        if value is None or (isinstance(value, Scalar) and value.is_null):
            if required:
                self.problem_at(position(self.node), Code.SCHEMA, f"'{key}' is required")
            return None
        return value

    def scalar(self, key: str, required: bool = False) -> Scalar | None:
        value = self.present(key, required)
        if value is None or isinstance(value, Scalar):
            return value
        self.problem_at(position(value), Code.SCHEMA, f"'{key}' must be a single value, not a list or mapping")
        return None

    def text(self, key: str, required: bool = False, pattern: re.Pattern[str] | None = None,
             described: str = "") -> str | None:
        value = self.scalar(key, required)
        if value is None:
            return None
        if pattern is not None and not pattern.fullmatch(value.text):
            self.problem_at(position(value), Code.SCHEMA, f"'{key}' must be {described}, not '{value.text}'")
            return None
        return value.text

    def number(self, key: str, required: bool = False) -> tuple[Decimal | None, bool]:
        value = self.scalar(key, required)
        if value is None:
            return None, False
        try:
            return parse_decimal(value.text)
        except NumberError as error:
            self.problem_at(position(value), Code.SCHEMA, f"'{key}': {error}")
            return None, False

    def year(self, key: str = "year") -> int | None:
        text = self.text(key, True, YEAR_DIR, "a four-digit year")
        return None if text is None else int(text)

    def date(self, key: str) -> dt.date | None:
        value = self.scalar(key)
        if value is None:
            return None
        if DATE.fullmatch(value.text):
            try:
                return dt.date.fromisoformat(value.text)
            except ValueError:
                pass
        self.problem_at(position(value), Code.SCHEMA, f"'{key}' must be a date such as 2022-04-30, not '{value.text}'")
        return None

    def choice(self, key: str, choices: Iterable[str]) -> str | None:
        choices = tuple(choices)
        return self.text(key, pattern=re.compile("|".join(map(re.escape, choices))), described=" or ".join(choices))

    def mapping(self, key: str, required: bool = False) -> Mapping | None:
        value = self.present(key, required)
        if value is None or isinstance(value, Mapping):
            return value
        self.problem_at(position(value), Code.SCHEMA, f"'{key}' must be a mapping")
        return None

    def sequence(self, key: str) -> Sequence:
        value = self.present(key, False)
        if value is None:
            return Sequence(self.node.line, self.node.col)
        if isinstance(value, Sequence):
            return value
        self.problem_at(position(value), Code.SCHEMA, f"'{key}' must be a list")
        return Sequence(self.node.line, self.node.col)

    def label(self, key: str, required: bool = False) -> Label | None:
        value = self.present(key, required)
        if isinstance(value, Scalar):
            return Label(value.text, value.text)
        if isinstance(value, Mapping):
            fields = _Fields(value, self.path, self.problems, LANGUAGES)
            zh, en = fields.text("zh"), fields.text("en")
            if zh is None and en is None:
                self.problem_at(position(value), Code.SCHEMA, f"'{key}' needs zh or en text")
                return None
            return Label(zh or en or "", en or zh or "")
        if value is not None:
            self.problem_at(position(value), Code.SCHEMA, f"'{key}' must be text or {{zh: …, en: …}}")
        return None

    def expression(self, key: str, expect: expr.Type) -> expr.Expression | None:
        value = self.scalar(key, True)
        if value is None:
            return None
        try:
            return expr.parse(value.text, expect)
        except expr.ExprError as error:
            col = value.col + error.offset + (0 if not value.quoted else 1)
            self.problem_at((value.line, col), Code.EXPRESSION, f"'{key}': {error.message}")
            return None

    def entries(self, key: str, what: str) -> Iterable[Mapping]:
        for item in self.sequence(key):
            if isinstance(item, Mapping):
                yield item
            else:
                self.problem_at(position(item), Code.SCHEMA, f"each entry of '{key}' must be a mapping ({what})")


def _root_mapping(display: str, root: YamlNode | None, problems: list[Problem]) -> Mapping | None:
    if root is None or isinstance(root, Mapping):
        return root
    problems.append(Problem(display, root.line, root.col, Code.SCHEMA,
                            "the file must be a mapping of keys to values, not a list or a single value"))
    return None


def _load_settings(data_dir: Path, problems: list[Problem]) -> Settings:
    file = data_dir / SETTINGS_FILE
    if not file.is_file():
        return Settings()
    node = _root_mapping(*_read(file, SETTINGS_FILE, problems), problems)
    if node is None:
        return Settings()
    fields = _Fields(node, SETTINGS_FILE, problems, ("lang", "fail_on", "tolerance"))
    return Settings(fields.choice("lang", LANGUAGES), fields.choice("fail_on", FAIL_ON), fields.number("tolerance")[0])


def _load_catalogue(data_dir: Path, problems: list[Problem]) -> Catalogue:
    metrics: dict[str, Metric] = {}
    rules: dict[str, RuleDefinition] = {}
    for file in sorted((data_dir / "rules").glob("*.yaml")):
        display = f"rules/{file.name}"
        node = _root_mapping(*_read(file, display, problems), problems)
        if node is None:
            continue
        fields = _Fields(node, display, problems, ("metrics", "rules"))
        for metric_id, entry in _named_entries(fields, "metrics", METRIC_ID, "a metric id such as legal_aid.cases"):
            _add_unique(metrics, _read_metric(metric_id, entry, display, problems), problems)
        for rule_id, entry in _named_entries(fields, "rules", SLUG, "a rule id such as within_two_points"):
            _add_unique(rules, _read_rule(rule_id, entry, display, problems), problems)
    return Catalogue(metrics, rules)


def _named_entries(fields: _Fields, key: str, pattern: re.Pattern[str], described: str) -> Iterable[tuple[str, Mapping]]:
    table = fields.mapping(key)
    if table is None:
        return
    for name, entry in table.items():
        where = table.positions[name]
        if not pattern.fullmatch(name):
            fields.problem_at(where, Code.SCHEMA, f"'{name}' is not {described}")
        elif not isinstance(entry, Mapping):
            fields.problem_at(where, Code.SCHEMA, f"'{name}' must be a mapping of its properties")
        else:
            yield name, entry


def _add_unique(table: dict, item: Metric | RuleDefinition | None, problems: list[Problem]) -> None:  # type: ignore[type-arg]
    if item is None:
        return
    if item.id in table:
        first = table[item.id].location
        problems.append(Problem(item.location.path, item.location.line, item.location.col, Code.DUPLICATE_ID,
                                f"'{item.id}' is already defined at {first}"))
        return
    table[item.id] = item


def _read_metric(metric_id: str, node: Mapping, path: str, problems: list[Problem]) -> Metric | None:
    fields = _Fields(node, path, problems, ("label", "unit", "derive", "tolerance"))
    label = fields.label("label") or Label(metric_id, metric_id)
    unit = fields.text("unit", True)
    derive = fields.expression("derive", expr.Type.NUMBER) if "derive" in node else None
    tolerance, _ = fields.number("tolerance")
    if unit is None:
        return None
    return Metric(metric_id, label, unit, derive, tolerance, fields.location(), node.positions)


def _read_rule(rule_id: str, node: Mapping, path: str, problems: list[Problem]) -> RuleDefinition | None:
    fields = _Fields(node, path, problems, ("label", "expr"))
    label = fields.label("label") or Label(rule_id, rule_id)
    expression = fields.expression("expr", expr.Type.BOOLEAN)
    if expression is None:
        return None
    return RuleDefinition(rule_id, label, expression, fields.location(), node.positions)


_HEADER_KEYS = ("jurisdiction", "name", "year", "document")


def _read_header(display: str, root: YamlNode | None, year: int, jurisdiction: str, entries_key: str,
                 problems: list[Problem]) -> tuple[_Fields, str, SourceDocument] | None:
    node = _root_mapping(display, root, problems)
    if node is None:
        return None
    fields = _Fields(node, display, problems, (*_HEADER_KEYS, entries_key))
    stated_jurisdiction = fields.text("jurisdiction", True)
    stated_year = fields.year()
    if stated_jurisdiction is not None and stated_jurisdiction != jurisdiction:
        fields.problem_at(node.positions["jurisdiction"], Code.PATH_MISMATCH,
                          f"jurisdiction '{stated_jurisdiction}' disagrees with the file name '{jurisdiction}.yaml'")
    if stated_year is not None and stated_year != year:
        fields.problem_at(node.positions["year"], Code.PATH_MISMATCH,
                          f"year {stated_year} disagrees with the directory {year}/")
    name = fields.text("name") or jurisdiction
    return fields, name, _read_source(fields)


def _read_source(fields: _Fields) -> SourceDocument:
    node = fields.mapping("document")
    if node is None:
        return SourceDocument()
    document = _Fields(node, fields.path, fields.problems, ("title", "issuer", "date"))
    return SourceDocument(document.text("title"), document.text("issuer"), document.date("date"))


_TARGET_KEYS = ("id", "title", "metric", "rule", "value", "unit", "scope", "deadline", "baseline",
                "quote", "section", "waiver")


def _read_plan(read: tuple[str, YamlNode | None], year: int, jurisdiction: str, problems: list[Problem]) -> Plan | None:
    display, root = read
    header = _read_header(display, root, year, jurisdiction, "targets", problems)
    if header is None:
        return None
    fields, name, source = header
    targets = _unique_entries(
        fields, "targets", "one target",
        read=lambda entry: _read_target(entry, display, year, jurisdiction, problems),
        identity=lambda target: target.id,
        duplicate=lambda target, first: Problem(display, *target.positions["id"], Code.DUPLICATE_ID,
                                                f"target id '{target.id}' is already used on line {first.location.line}"),
    )
    return Plan(display, jurisdiction, name, year, source, targets)


Entry = TypeVar("Entry", Target, Figure)


def _unique_entries(fields: _Fields, key: str, what: str, read: Callable[[Mapping], Entry | None],
                    identity: Callable[[Entry], Hashable], duplicate: Callable[[Entry, Entry], Problem]) -> tuple[Entry, ...]:
    """The readable entries of list ``key``; a repeated identity is a problem and is dropped."""
    seen: dict[Hashable, Entry] = {}
    for node in fields.entries(key, what):
        entry = read(node)
        if entry is None:
            continue
        first = seen.setdefault(identity(entry), entry)
        if first is not entry:
            fields.problems.append(duplicate(entry, first))
    return tuple(seen.values())


def _read_target(node: Mapping, path: str, year: int, jurisdiction: str, problems: list[Problem]) -> Target | None:
    fields = _Fields(node, path, problems, _TARGET_KEYS)
    before = len(problems)
    target_id = fields.text("id", True, SLUG, "a slug such as legal-aid-growth (lower-case letters, digits, - and _)")
    title = fields.text("title", True)
    metric = fields.text("metric", True)
    rule = fields.text("rule", True)
    value, percent = fields.number("value")
    baseline, _ = fields.number("baseline")
    target = Target(
        jurisdiction=jurisdiction, year=year, id=target_id or "", title=title or "", metric=metric or "",
        rule=rule or "", value=value, value_is_percent=percent, unit=fields.text("unit"),
        scope=fields.text("scope"), deadline=fields.date("deadline"), baseline=baseline,
        quote=fields.text("quote", True) or "", section=fields.text("section"),
        waiver=_read_waiver(fields), location=fields.location(), positions=node.positions,
    )
    return target if len(problems) == before else None


def _read_waiver(fields: _Fields) -> Waiver | None:
    node = fields.mapping("waiver")
    if node is None:
        return None
    waiver = _Fields(node, fields.path, fields.problems, ("reason", "date"))
    reason = waiver.text("reason", True)
    return None if reason is None else Waiver(reason, waiver.date("date"))


_FIGURE_KEYS = ("metric", "value", "bound", "scope", "as_of", "quote")


def _read_report(read: tuple[str, YamlNode | None], year: int, jurisdiction: str, problems: list[Problem]) -> Report | None:
    display, root = read
    header = _read_header(display, root, year, jurisdiction, "figures", problems)
    if header is None:
        return None
    fields, name, source = header
    figures = _unique_entries(
        fields, "figures", "one figure",
        read=lambda entry: _read_figure(entry, display, year, jurisdiction, problems),
        identity=lambda figure: (figure.metric, figure.scope, figure.as_of),
        duplicate=lambda figure, first: Problem(
            display, figure.location.line, figure.location.col, Code.DUPLICATE_FIGURE,
            f"{figure.metric} (scope {figure.scope or '-'}, as of {figure.as_of}) is already reported on line "
            f"{first.location.line}"),
    )
    return Report(display, jurisdiction, name, year, source, figures)


_BOOLEANS = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}


def _read_figure(node: Mapping, path: str, year: int, jurisdiction: str, problems: list[Problem]) -> Figure | None:
    fields = _Fields(node, path, problems, _FIGURE_KEYS)
    before = len(problems)
    metric = fields.text("metric", True)
    raw = fields.scalar("value", True)
    value: Decimal | bool | None = None
    percent = False
    if raw is not None and not raw.quoted and raw.text in _BOOLEANS:
        value = _BOOLEANS[raw.text]
    elif raw is not None:
        value, percent = fields.number("value")
    bound = fields.choice("bound", [b.value for b in Bound])
    figure = Figure(
        jurisdiction=jurisdiction, year=year, metric=metric or "", value=value if value is not None else False,
        value_is_percent=percent, bound=Bound(bound) if bound else Bound.EXACT, scope=fields.text("scope"),
        as_of=fields.date("as_of") or dt.date(year, 12, 31), quote=fields.text("quote", True) or "",
        location=fields.location(), positions=node.positions,
    )
    return figure if len(problems) == before else None
