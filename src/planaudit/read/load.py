"""Load: the files of a data repository → the model, with a Problem for every defect.

The settings and rules files are read by :class:`Loader`; each target or outcome file by
:func:`read_data_file` — quickly (:mod:`fastread`) where it can vouch for the file, else exactly
(:mod:`yamlsource`, checked against its JSON Schema by :mod:`structure`), and built into the model
by :mod:`build`. A bad file never raises: it becomes problems, and the rest of the repository still
loads, so that one run reports everything.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, TypeVar

from planaudit.messages import Message, msg
from planaudit.model.data import (
    Catalogue,
    Location,
    Metric,
    Plan,
    Positions,
    Report,
    RuleDefinition,
    Scope,
    Settings,
)
from planaudit.model.problems import Code, Level, Problem
from planaudit.read import layout
from planaudit.read.build import Fields, Parsed, read_item, read_metric, read_rule, read_scope
from planaudit.read.layout import SETTINGS_FILE, YEAR_DIR, DataFile
from planaudit.read.yamltree import MappingNode, Scalar
from planaudit.schemas import Kind

_DATA_DIRS = {"targets": Kind.TARGET, "outcomes": Kind.OUTCOME}


Progress = Callable[[int, int], None]  # (files read, files to read)


def plans_and_reports(files: Sequence[DataFile], reads: Sequence[FileRead]
                      ) -> tuple[dict[tuple[int, str], Plan], dict[tuple[int, str], Report]]:
    """The plans and reports that reading ``files`` gave, by (year, jurisdiction)."""
    plans: dict[tuple[int, str], Plan] = {}
    reports: dict[tuple[int, str], Report] = {}
    for file, read in zip(files, reads, strict=True):
        if isinstance(read.item, Plan):
            plans[(file.year, file.jurisdiction)] = read.item
        elif isinstance(read.item, Report):
            reports[(file.year, file.jurisdiction)] = read.item
    return plans, reports


@dataclass
class Scan:
    """What a run has read before the target and outcome files: settings, the catalogue, the
    list of data files, the problems found so far (``loader.problems``) and the head files' bytes
    as read (``loader.head``)."""

    loader: Loader
    settings: Settings
    catalogue: Catalogue
    jobs: list[DataFile]
    misplaced: list[str]  # data files whose names are not jurisdictions


def scan(data_dir: Path, target_years: Iterable[int], outcome_years: Iterable[int],
         progress: Progress | None = None) -> Scan:
    layout.new_run()
    loader = Loader(data_dir, progress)
    targets, misplaced_targets = layout.data_files(data_dir, "targets", sorted(set(target_years)))
    outcomes, misplaced_outcomes = layout.data_files(data_dir, "outcomes", sorted(set(outcome_years)))
    misplaced = [*misplaced_targets, *misplaced_outcomes]
    for item in misplaced:
        loader.problem(item.display, Code.PATH_MISMATCH, msg("file name '{name}' is not a jurisdiction slug such as "
                                                             "fuzhou.yaml (lower-case letters, digits, - and _)", name=item.name))
    jobs = [*targets, *outcomes]
    loader.total = len(layout.head_files(data_dir)) + len(jobs)
    settings = loader.settings()
    jobs = [replace(job, limit=loader.limit) for job in jobs]  # held to the cap the settings give
    return Scan(loader, settings, loader.catalogue(), jobs, [item.display for item in misplaced])


def scan_everything(data_dir: Path, progress: Progress | None = None) -> Scan:
    """Every year's files; files in the wrong place are problems too."""
    years = {kind: sorted(int(path.name) for path in (data_dir / kind).glob("*") if YEAR_DIR.fullmatch(path.name))
             for kind in _DATA_DIRS}
    scanned = scan(data_dir, years["targets"], years["outcomes"], progress)
    scanned.loader.check_placement()
    return scanned


@dataclass(frozen=True)
class FileRead:
    """What reading one target or outcome file gave: its plan or report, and its problems."""

    item: Plan | Report | None
    problems: tuple[Problem, ...]


ASSERTIONS = "assertions"  # a report's claims of completion: read exactly, for their lines
DIRECTIONS = "directions"  # a plan's ongoing directions: located by the quick reader too (fastread.read)
_SCHEMA_AND_LIST = {"targets": (Kind.TARGET, "targets"), "outcomes": (Kind.OUTCOME, "figures")}
ItemChecks = Callable[[Plan | Report], Iterable[Problem]]  # what else a read plan or report is checked for


def read_data_file(raw: bytes, display: str, kind: str, year: int, jurisdiction: str,
                   checks: ItemChecks | None = None) -> FileRead:
    """Parse, check and read one target or outcome file from its bytes: the same bytes give the same
    reading, on any process. (The quick reader keeps its output buffer between calls and silences
    file descriptor 2 while rapidyaml parses; neither changes a reading.)

    A clean file is read quickly (:mod:`fastread`); a file that the quick reader refuses, or
    whose quick reading finds any problem (also among ``checks``), is read again exactly, so that
    every problem is reported where it stands.
    """
    from planaudit.read import fastread

    schema, key = _SCHEMA_AND_LIST[kind]
    quick = fastread.read(raw, schema, key, DIRECTIONS)
    if quick is not None and ASSERTIONS not in quick.instance and not _has_items(quick.instance.get(key)):
        # the quick reader locates the lists' entries, not what stands within them: a report's claims and an
        # umbrella's items are read exactly
        problems: list[Problem] = []
        entries: list[tuple[dict[str, Any], Location, Positions]] = [(entry, Location(display, line, col), {})
                   for entry, (line, col) in zip(quick.instance[key], quick.entries, strict=True)]
        directions = [(entry, Location(display, line, col))
                      for entry, (line, col) in zip(quick.instance.get(DIRECTIONS, ()), quick.others.get(DIRECTIONS, ()),
                                                    strict=True)]
        item = read_item(Parsed(quick.instance, {}, entries, directions=directions), display, kind, year, jurisdiction,
                         problems)
        if item is not None and not problems and not any(checks(item) if checks else ()):
            return FileRead(item, ())
    return read_exactly(raw, display, kind, year, jurisdiction, checks)


def _has_items(entries: Any) -> bool:
    """Is one of the list's entries an umbrella target (with items)?"""
    return isinstance(entries, list) and any(isinstance(entry, dict) and "items" in entry for entry in entries)


def read_exactly(raw: bytes, display: str, kind: str, year: int, jurisdiction: str,
                  checks: ItemChecks | None) -> FileRead:
    problems: list[Problem] = []
    parsed = parse_data(raw, display, *_SCHEMA_AND_LIST[kind], problems)
    item = None if parsed is None else read_item(parsed, display, kind, year, jurisdiction, problems)
    if item is not None and checks is not None:
        problems.extend(checks(item))
    return FileRead(item, tuple(problems))


Result = TypeVar("Result")
Reader = Callable[[bytes, str, str, int, str], Result]  # (content, display path, kind, year, jurisdiction)


def unreadable_file(problem: Problem) -> FileRead:
    return FileRead(None, (problem,))


def unreadable_problem(display: str, error: layout.Unreadable) -> Problem:
    """The problem of a file that is not read (outside the repository, not a regular file, failing)."""
    return Problem(display, 1, 1, Code(error.code), said=error.said)


def read_file(root: Path, file: DataFile, checks: ItemChecks | None = None) -> FileRead:
    """One target or outcome file read from disk (:func:`planaudit.read.layout.read_bytes`) and as
    :func:`read_data_file` reads it; a file that is not read is its problem."""
    try:
        raw = layout.read_bytes(root, file.file, file.limit)
    except layout.Unreadable as error:
        return unreadable_file(unreadable_problem(file.display, error))
    return read_data_file(raw, file.display, file.kind, file.year, file.jurisdiction, checks)


_Read = TypeVar("_Read", bound=tuple)  # type: ignore[type-arg]


ONLY_YAML = msg("planaudit reads only .yaml files; rename it to .yaml")


class Loader:
    """Reads the settings and rules files of a repository, collecting their problems and keeping
    the bytes it read (``head``: what every verdict of the run depends on, for cache keys)."""

    def __init__(self, data_dir: Path, progress: Progress | None = None) -> None:
        self.data_dir = data_dir
        self.problems: list[Problem] = []
        self.progress = progress
        self.head: list[tuple[str, bytes]] = []
        self.read = 0
        self.total = 0
        self.limit = layout.MAX_FILE_SIZE  # the size cap: planaudit.yaml's, once it is read

    def problem(self, path: str, code: Code, said: Message, line: int = 1, col: int = 1) -> None:
        self.problems.append(Problem(path, line, col, code, said=said))

    def tick(self) -> None:
        self.read += 1
        if self.progress is not None:
            self.progress(self.read, max(self.total, self.read))

    def check_placement(self) -> None:
        """YAML files that planaudit would not read where they stand."""
        for kind in _DATA_DIRS:
            for file in sorted((self.data_dir / kind).rglob("*")):
                relative = layout.shown(file.relative_to(self.data_dir).as_posix())
                if file.suffix not in (".yaml", ".yml") or not file.is_file():
                    continue
                parts = file.relative_to(self.data_dir / kind).parts
                if file.suffix == ".yml":
                    self.problem(relative, Code.PATH_MISMATCH, ONLY_YAML)
                elif kind == "targets" and len(parts) == 2 and layout.PERIOD_DIR.fullmatch(parts[0]):
                    if layout.period_of(parts[0]) is None:
                        self.problem(relative, Code.PATH_MISMATCH,
                                     msg("a period's folder names its first year, then a later last year at most {most} "
                                         "years on: {example}", most=layout.MOST_YEARS, example="targets/2021-2025/"))
                elif len(parts) != 2 or not YEAR_DIR.fullmatch(parts[0]):
                    self.problem(relative, Code.PATH_MISMATCH,
                                 msg("a data file belongs at {kind}/<year>/<jurisdiction>.yaml, e.g. {example}", kind=kind,
                                     example=f"{kind}/2022/fuzhou.yaml"))
        for file in sorted((self.data_dir / "rules").glob("*.yml")):
            self.problem(f"rules/{layout.shown(file.name)}", Code.PATH_MISMATCH, ONLY_YAML)

    def read_head_file(self, file: Path, display: str, reader: Callable[[bytes, str], _Read]) -> _Read | None:
        """``reader(bytes, display)`` of a settings or rules file; its bytes are kept in ``head``."""
        self.tick()
        try:
            raw = layout.read_bytes(self.data_dir, file, self.limit)
        except layout.Unreadable as error:
            self.problems.append(unreadable_problem(display, error))
            self.head.append((display, error.marker))
            return None
        self.head.append((display, raw))
        value = reader(raw, display)
        self.problems.extend(value[-1])
        return value

    def settings(self) -> Settings:
        file = layout.settings_file(self.data_dir)
        read = None if file is None else self.read_head_file(file, SETTINGS_FILE, read_settings_file)
        settings = Settings() if read is None else read[0]
        self.limit = settings.max_file_size or layout.MAX_FILE_SIZE
        return settings

    def catalogue(self) -> Catalogue:
        metrics: dict[str, Metric] = {}
        rules: dict[str, RuleDefinition] = {}
        scopes: dict[str, Scope] = {}
        for display, file in layout.rules_files(self.data_dir):
            read = self.read_head_file(file, display, read_rules_file)
            if read is None:
                continue
            for metric in read[0]:
                self.add_unique(metrics, metric)
            for rule in read[1]:
                self.add_unique(rules, rule)
            for scope in read[2]:
                self.add_unique(scopes, scope)
        return Catalogue(metrics, rules, scopes)

    def add_unique(self, table: dict[str, Metric] | dict[str, RuleDefinition] | dict[str, Scope],
                   item: Metric | RuleDefinition | Scope | None) -> None:
        if item is None:
            return
        if item.id in table:
            where = item.location
            self.problem(where.path, Code.DUPLICATE_ID, msg("'{id}' is already defined at {where}", id=item.id,
                                                            where=str(table[item.id].location)), where.line, where.col)
            return
        table[item.id] = item  # type: ignore[assignment]

def parse_fields(raw: bytes, display: str, kind: Kind, problems: list[Problem], *entries_keys: str) -> Fields | None:
    """Fields of a document from its bytes, read exactly; entries of the lists or tables
    ``entries_keys`` that do not match the schema are left out. Its problems go to ``problems``."""
    checked = _parse_checked(raw, display, kind, entries_keys, problems)
    return None if checked is None else Fields(checked[0], display, problems, checked[1])


def parse_data(raw: bytes, display: str, kind: Kind, list_key: str, problems: list[Problem]) -> Parsed | None:
    """A target or outcome file as the schema reads it, read exactly, with the entries of its list
    (and of a report's assertions) that match. Its problems go to ``problems``."""
    checked = _parse_checked(raw, display, kind, (list_key, ASSERTIONS, DIRECTIONS), problems)
    if checked is None:
        return None
    root, usable, instance = checked
    entries = [(entry, Location(display, node.line, node.col), node.positions)
               for index, (node, entry) in enumerate(zip(root[list_key], instance[list_key], strict=True))
               if usable(list_key, index)]

    def located(key: str) -> list[tuple[dict[str, Any], Location]]:
        """The usable entries of the list ``key`` (a report's assertions, a plan's directions), where they stand."""
        if key not in instance or key not in root:
            return []
        return [(entry, Location(display, node.line, node.col))
                for index, (node, entry) in enumerate(zip(root[key], instance[key], strict=True)) if usable(key, index)]

    nodes = [node for index, node in enumerate(root[list_key]) if usable(list_key, index)]
    items = {index: [(item, Location(display, node.line, node.col), node.positions)
                     for node, item in zip(umbrella["items"], entry["items"], strict=True)]
             for index, (umbrella, (entry, _, _)) in enumerate(zip(nodes, entries, strict=True))
             if isinstance(umbrella, MappingNode) and "items" in umbrella and "items" in entry}
    return Parsed(instance, root.positions, entries, located(ASSERTIONS), items, located(DIRECTIONS))


def _parse_checked(raw: bytes, display: str, kind: Kind, entries_keys: tuple[str, ...], problems: list[Problem]
                   ) -> tuple[MappingNode, Callable[[str, str | int], bool], Any] | None:
    from planaudit.read.structure import check_structure  # the exact parser is needed only when the quick one refuses
    from planaudit.read.yamlsource import decode_document

    document = decode_document(raw, display)
    problems.extend(document.problems)
    if document.root is None and document.problems:
        return None
    check = check_structure(document, kind)
    problems.extend(check.problems)
    usable = check.usable_entries(*entries_keys)
    if usable is None or not isinstance(document.root, MappingNode):
        return None
    return document.root, usable, check.instance


def read_settings_file(raw: bytes, display: str) -> tuple[Settings, tuple[Problem, ...]]:
    problems: list[Problem] = []
    fields = parse_fields(raw, display, Kind.SETTINGS, problems)
    if fields is None:
        return Settings(), tuple(problems)
    settings = Settings(fields.text("lang"), fields.text("fail_on"), fields.number("tolerance")[0],
                        fields.number("about_tolerance")[0], fields.number("about_tolerance_share")[0],
                        fields.number("approx_share")[0], fields.flag("accept_assertions", True),
                        file_size(fields.text("max_file_size")), problem_levels(fields), fields.number("progress_band")[0])
    return settings, tuple(problems)


def problem_levels(fields: Fields) -> dict[Code, Level]:
    """planaudit.yaml's ``problems:``: each warning's code and what it is made (the schema has
    held both to what they may be)."""
    table = fields.node.get("problems")
    if not isinstance(table, MappingNode):
        return {}
    return {Code(name): Level(value.text) for name, value in table.items() if isinstance(value, Scalar)}


_SIZE = re.compile(r"([0-9]+)(KB|MB|GB)?")
_UNITS = {None: 1, "KB": 1024, "MB": layout.MEGABYTE, "GB": 1024 * layout.MEGABYTE}


def file_size(text: str | None) -> int | None:
    """A max_file_size in bytes: 20MB, 512KB, 1GB (binary units: 1 MB is 1,048,576 bytes) or a number of
    bytes; None when it is not given (or not one: the schema has said so)."""
    found = None if text is None else _SIZE.fullmatch(text)
    return None if found is None else int(found.group(1)) * _UNITS[found.group(2)] or None


def read_rules_file(raw: bytes, display: str) -> tuple[list[Metric], list[RuleDefinition], list[Scope], tuple[Problem, ...]]:
    """The metrics, custom rules and scopes of one rules file, and its problems."""
    problems: list[Problem] = []
    fields = parse_fields(raw, display, Kind.RULES, problems, "metrics", "rules", "scopes")
    if fields is None:
        return [], [], [], tuple(problems)
    metrics = [read_metric(name, entry, display, problems) for name, entry in fields.named_entries("metrics")]
    rules = [read_rule(name, entry, display, problems) for name, entry in fields.named_entries("rules")]
    scopes = [read_scope(name, entry, display, problems) for name, entry in fields.named_entries("scopes")]
    return ([metric for metric in metrics if metric is not None], [rule for rule in rules if rule is not None],
            scopes, tuple(problems))
