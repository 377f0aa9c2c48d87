"""`planaudit extract`: draft target or outcome YAML from the text of a plan or a report.

segment (clauses) → mentions (numbers and their words) → plan | report (draft entries), commitments (a plan's
directions) → render.
The draft is for review: every metric is the placeholder that `validate` reports as unassigned.
"""

from __future__ import annotations

import re
from pathlib import Path

from planaudit.errors import CannotExtract
from planaudit.extract.commitments import draft_directions
from planaudit.extract.draft import DocumentKind, Draft, DraftDirection, DraftFigure, DraftTarget
from planaudit.extract.plan import draft_targets
from planaudit.extract.render import render
from planaudit.extract.report import draft_figures
from planaudit.extract.segment import clauses
from planaudit.messages import msg
from planaudit.read.text import Undecodable, decode_document, simplified

__all__ = ["Draft", "DocumentKind", "DraftDirection", "DraftFigure", "DraftTarget", "CannotExtract", "extract_text",
           "extract_file", "document_kind_and_year", "guess_kind", "guess_period", "guess_year", "read_document", "render"]

_TITLE = re.compile(r"((?:19|20)\d\d)年[^，。,；;\n]{0,16}?(工作要点|工作计划|工作总结|工作报告|要点|计划|总结|报告)")
_KINDS = {"要点": DocumentKind.PLAN, "计划": DocumentKind.PLAN, "总结": DocumentKind.REPORT, "报告": DocumentKind.REPORT}
_YEAR = re.compile(r"((?:19|20)\d\d)年")
_TITLE_LINES = 3  # a period is read from the title: the document's first lines that hold text
_PERIOD = re.compile(r"((?:19|20)\d\d)\s*[-－—–~～至到]\s*((?:19|20)\d\d)\s*年")
_NUMERAL = "(十[一二三四五六七八九]?|二十[一二三四五六七八九]?|[三四五六七八九])"
_FIVE_YEAR_PLAN = re.compile(f"第{_NUMERAL}个五年[规计]划|[“\"]{_NUMERAL}五[”\"][规计]划")
_DIGITS = "一二三四五六七八九"
FIRST_FIVE_YEAR_PLAN = 1966  # the third's first year: the first two (1953–1962) were followed by three years of adjustment
_SLUG_CHARACTERS = re.compile(r"[^a-z0-9_-]+")


def guess_kind(text: str) -> DocumentKind | None:
    """Plan or report, from the first title such as 2022年工作要点 or 2022年工作总结."""
    return _kind(_TITLE.search(text))


def guess_year(text: str) -> int | None:
    """The year of the first title such as 2022年工作要点, else the first year the text names."""
    return _year(text, _TITLE.search(text))


def guess_period(text: str) -> tuple[int, int] | None:
    """The period of a plan over several years, from its title: （2021—2025年）, or the five-year
    plan it is (第十四个五年规划, “十四五”规划: 2021–2025); None when its title names none."""
    title = "\n".join([line for line in simplified(text).splitlines() if line.strip()][:_TITLE_LINES])
    if _TITLE.search(title):  # a year's plan or report (2022年工作要点) that names its five-year plan
        return None
    years = _PERIOD.search(title)
    if years is not None:
        first, last = int(years[1]), int(years[2])
        return (first, last) if first < last else None
    plan = _FIVE_YEAR_PLAN.search(title)
    if plan is None:
        return None
    number = _chinese_number(plan[1] or plan[2])
    first = FIRST_FIVE_YEAR_PLAN + 5 * (number - 3)
    return first, first + 4


def _chinese_number(numeral: str) -> int:
    """十四 → 14, 二十一 → 21, 九 → 9."""
    tens, _, units = numeral.rpartition("十")
    value = (_DIGITS.index(tens) + 1 if tens else 1) * 10 if "十" in numeral else 0
    return value + (_DIGITS.index(units) + 1 if units else 0)


def _kind(title: re.Match[str] | None) -> DocumentKind | None:
    return None if title is None else _KINDS[title.group(2)[-2:]]


def _year(text: str, title: re.Match[str] | None) -> int | None:
    found = title or _YEAR.search(text)
    return None if found is None else int(found.group(1))


def _title_line(text: str, found: re.Match[str] | None) -> str | None:
    """The document's title: the line its first title phrase stands on, when the line is short."""
    if found is None:
        return None
    start = text.rfind("\n", 0, found.start()) + 1
    end = text.find("\n", found.end())
    line = text[start:end if end >= 0 else len(text)].strip()
    return line if len(line) <= 40 else found.group(0)


def extract_text(text: str, source: str, jurisdiction: str, kind: DocumentKind | None = None,
                 year: int | None = None) -> Draft:
    """Draft the entries of ``text`` (the document at ``source``, for messages)."""
    reading = simplified(text)  # the title and year as they are matched; every quote stays verbatim
    title = _TITLE.search(reading)
    kind, year = document_kind_and_year(text, source, kind, year)
    found = list(clauses(text))
    heading = _title_line(text if len(text) == len(reading) else reading, title)  # verbatim where it lines up
    if kind is DocumentKind.PLAN:
        targets = tuple(draft_targets(found, year))
        return Draft(kind, year, jurisdiction, source, heading, targets=targets,
                     directions=tuple(draft_directions(found, year, targets)))
    return Draft(kind, year, jurisdiction, source, heading, figures=tuple(draft_figures(found)))


def extract_file(path: Path, jurisdiction: str | None = None, kind: DocumentKind | None = None,
                 year: int | None = None, encoding: str | None = None) -> Draft:
    """Draft the entries of a text file (UTF-8 unless ``encoding`` names another); the
    jurisdiction defaults to a slug of its name."""
    return extract_text(read_document(path, encoding), str(path), jurisdiction or slug_of(path.stem), kind, year)


def read_document(path: Path, encoding: str | None = None) -> str:
    """A plan's or report's text, from a file in UTF-8 or the ``encoding`` named (gb18030…)."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise CannotExtract(str(path), 1, 1, msg("cannot read the file: {why}", why=str(error.strerror))) from None
    try:
        return decode_document(raw, encoding)
    except Undecodable as error:
        raise CannotExtract(str(path), error.line, error.col, error.said) from None


def document_kind_and_year(text: str, source: str, kind: DocumentKind | None, year: int | None
                           ) -> tuple[DocumentKind, int]:
    """The kind and year given, else those the document's title says; raises CannotExtract when it says none."""
    title = _TITLE.search(simplified(text))
    kind = kind or _kind(title)
    if kind is None:
        raise CannotExtract(source, 1, 1, msg("cannot tell whether this is a plan or a report (no title such as "
                                              "2022年工作要点 or 2022年工作总结); pass --kind plan or --kind report"))
    year = year or _year(simplified(text), title)
    if year is None:
        raise CannotExtract(source, 1, 1, msg("cannot tell the year (no title such as 2022年工作要点); pass --year"))
    return kind, year


def slug_of(name: str) -> str:
    """A jurisdiction slug made of a file name: 000_4374 stays, 'Fuzhou 2022' becomes fuzhou-2022."""
    slug = _SLUG_CHARACTERS.sub("-", name.lower()).strip("-_")
    return slug if slug else "unnamed"
