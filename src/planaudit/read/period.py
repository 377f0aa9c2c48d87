"""Reading a period plan: targets/<first>-<last>/<jurisdiction>.yaml → :class:`PeriodPlan`.

Period plans are few (one per jurisdiction and period) and small, so they are always read exactly:
parsed into a located tree and checked against their schema (``period.schema.json``) as every other
file is when the quick reader does not vouch for it. Each target is built by keyword; a file
whose header disagrees with its path is a problem, and nothing of it is built.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from planaudit.messages import msg
from planaudit.model.data import Location, Positions, Provenance, SourceDocument, Strength, Tolerance
from planaudit.model.period import (
    Attribute,
    Base,
    Direction,
    Milestone,
    PeriodKind,
    PeriodPlan,
    PeriodTarget,
    Quoted,
)
from planaudit.model.problems import Code, Problem
from planaudit.model.wording import strength_of
from planaudit.read import layout
from planaudit.read.build import date_of, judging_period, number_of, threshold_of, tolerance_of
from planaudit.read.layout import PeriodFile
from planaudit.read.load import parse_data, unreadable_problem
from planaudit.schemas import Kind

DEFAULT_RULES = {Direction.UP: "at_least", Direction.DOWN: "at_most"}


def read_period_file(root: Path, file: PeriodFile) -> tuple[PeriodPlan | None, tuple[Problem, ...]]:
    """One period plan read from disk, or why not (a file that is not read is its problem)."""
    try:
        raw = layout.read_bytes(root, file.file, file.limit)
    except layout.Unreadable as error:
        return None, (unreadable_problem(file.display, error),)
    return read_period_plan(raw, file)


def read_period_plan(raw: bytes, file: PeriodFile) -> tuple[PeriodPlan | None, tuple[Problem, ...]]:
    """A period plan from its bytes: the same bytes give the same reading."""
    problems: list[Problem] = []
    parsed = parse_data(raw, file.display, Kind.PERIOD, "targets", problems)
    if parsed is None or not _header_agrees(parsed.instance, parsed.header, file, problems):
        return None, tuple(problems)
    instance = parsed.instance
    document = instance.get("document") or {}
    source = SourceDocument(document.get("title"), document.get("issuer"), date_of(document.get("date")), document.get("url"))
    quoted = source if source.given else None
    targets: dict[str, PeriodTarget] = {}
    for entry, location, positions in parsed.entries:
        target = read_period_target(entry, location, positions, file, quoted)
        if target.id in targets:
            problems.append(Problem(file.display, *positions.get("id", (location.line, location.col)), Code.DUPLICATE_ID,
                                    said=msg("target id '{id}' is already used on line {line}", id=target.id,
                                             line=targets[target.id].location.line)))
            continue
        targets[target.id] = target
    plan = PeriodPlan(file.display, file.jurisdiction, instance.get("name") or file.jurisdiction, file.first, file.last,
                      source, tuple(targets.values()))
    return plan, tuple(problems)


def _header_agrees(instance: dict[str, Any], header: Positions, file: PeriodFile, problems: list[Problem]) -> bool:
    agrees = True
    if instance["jurisdiction"] != file.jurisdiction:
        agrees = False
        problems.append(Problem(file.display, *header.get("jurisdiction", (1, 1)), Code.PATH_MISMATCH,
                                said=msg("jurisdiction '{stated}' disagrees with the file name '{file}'",
                                         stated=str(instance["jurisdiction"]), file=f"{file.jurisdiction}.yaml")))
    if instance["period"] != f"{file.first}-{file.last}":
        agrees = False
        problems.append(Problem(file.display, *header.get("period", (1, 1)), Code.PATH_MISMATCH,
                                said=msg("period {stated} disagrees with the directory {period}/", stated=instance["period"],
                                         period=f"{file.first}-{file.last}")))
    return agrees


def read_period_target(entry: dict[str, Any], location: Location, positions: Positions, file: PeriodFile,
                       document: SourceDocument | None) -> PeriodTarget:
    """One entry of a period plan, as the schema read it, → its PeriodTarget, by keyword."""
    direction = Direction(entry.get("direction", "up"))
    return PeriodTarget(
        jurisdiction=file.jurisdiction, first=file.first, last=file.last, id=entry["id"], title=entry["title"],
        metric=entry["metric"], kind=PeriodKind(entry["kind"]), direction=direction,
        rule=entry.get("rule") or DEFAULT_RULES[direction],
        provenance=Provenance(quote=entry["quote"], location=location, positions=positions, section=entry.get("section"),
                              document=document, at=entry.get("at")),
        value=threshold_of(entry), due=entry.get("year", file.last),
        attribute=Attribute(entry["attribute"]) if "attribute" in entry else None,
        base=_base(entry["base"]) if "base" in entry else None,
        milestones=tuple(_milestone(item) for item in entry.get("milestones", ())),
        scope=entry.get("scope"), basis=entry.get("basis"),
        tolerance=tolerance_of(entry) if "tolerance" in entry else None,
        strength=Strength(entry["strength"]) if "strength" in entry else strength_of(entry["quote"]),
        each_year=judging_period(entry),
    )


def _quoted(entry: dict[str, Any], year: int | None = None) -> Quoted:
    document = entry.get("document")
    named = None if document is None else SourceDocument(document.get("title"), document.get("issuer"),
                                                          date_of(document.get("date")), document.get("url"))
    value, stated_year = number_of(entry["value"])[0], entry.get("year", year)
    assert value is not None and stated_year is not None, "the schema requires a value and a year (a revision: its base's)"
    return Quoted(value=value, year=stated_year, quote=entry["quote"], document=named, at=entry.get("at"),
                  basis=entry.get("basis"))


def _base(entry: dict[str, Any]) -> Base:
    first = _quoted(entry)
    revised = entry.get("revised")
    return Base(first=first, revised=None if revised is None else _quoted(revised, first.year))


def _milestone(entry: dict[str, Any]) -> Milestone:
    if "tolerance" not in entry:
        return Milestone(stated=_quoted(entry), rule=entry.get("rule"))
    amount, percent = number_of(entry["tolerance"])
    return Milestone(stated=_quoted(entry), rule=entry.get("rule"), tolerance=Tolerance(amount=amount, percent=percent))
