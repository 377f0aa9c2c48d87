"""`-o audit.xlsx`: an Excel workbook — a summary sheet, a chart of the verdicts per jurisdiction (one
for each year), then one sheet per jurisdiction (and year). Every row names its year.

Each sheet has a frozen header row and an autofilter; verdicts are coloured; columns are as wide as
their text (Chinese counting two columns a character, up to a limit past which cells wrap). Data
is written with ``write_string`` only, so a title that begins with "=" is text, never a formula.
The workbook is written by XlsxWriter, into memory, then copied to the output as bytes.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, TextIO

from planaudit.model.result import Inconsistency, JurisdictionResult, Overview, Summary, TargetResult, Verdict
from planaudit.read.text import printable
from planaudit.report.base import Reporter
from planaudit.report.display import (
    acknowledged_text,
    actual_text,
    cited_documents,
    document_cells,
    evidence_text,
    figure_place,
    grounds_text,
    inconsistency_text,
    inconsistency_texts,
    threshold_text,
    verdict_text,
)
from planaudit.report.i18n import GROUNDS, REASONS, WORDS, coverage_line, detail_text
from planaudit.report.markdown import report_date

_FILLS = {Verdict.MET.value: "#C6EFCE", Verdict.MISSED.value: "#FFC7CE", Verdict.UNMEASURED.value: "#FFEB9C",
          Verdict.PARTLY.value: "#F8CBAD"}
_BARS = {Verdict.MET: "#63BE7B", Verdict.MISSED: "#F8696B", Verdict.PARTLY: "#F4B183", Verdict.UNMEASURED: "#FFD966"}
_CHARTED = ((Verdict.MET, "met"), (Verdict.MISSED, "missed"), (Verdict.PARTLY, "partly_count"),
            (Verdict.UNMEASURED, "unmeasured"))  # the summary's columns a chart's bars are made of, and their header words
_NAME_COLUMN = 2  # the summary's column of the jurisdictions' names, which label a chart's bars
_WIDEST = 60  # display columns; a longer cell wraps
_CELL_LIMIT = 32_767  # characters Excel keeps in a cell
_SHEET_NAME = 31  # characters Excel allows in a sheet's name


def display_width(text: str) -> int:
    """Columns ``text`` takes in a monospaced view: two for a Chinese character."""
    from wcwidth import wcswidth

    width = wcswidth(text)
    return width if width >= 0 else len(text)


@dataclass(frozen=True)
class XlsxPiece:
    """A jurisdiction's sheet — its year, slug, name and a row for each target — and its rows of the
    inconsistent figures' sheet."""

    year: int
    slug: str
    name: str
    targets: list[list[Any]]
    inconsistencies: list[list[Any]]
    sources: list[list[Any]]


class XlsxReporter(Reporter[XlsxPiece]):
    binary = True

    def begin(self, overview: Overview, out: TextIO) -> None:
        import xlsxwriter  # imported only when a workbook is written

        super().begin(overview, out)
        self.buffer = io.BytesIO()
        self.workbook = xlsxwriter.Workbook(self.buffer, {"in_memory": True, "strings_to_formulas": False,
                                                          "strings_to_urls": False, "strings_to_numbers": False})
        created = dt.datetime.combine(report_date(), dt.time())
        self.workbook.set_properties({"title": WORDS[self.lang]["report_title"].format(year=overview.span),
                                      "created": created})
        self.sheets = Sheets(self.workbook, self.lang)
        self._summary(self.sheets, overview)
        self.inconsistencies: list[list[str]] = []
        self.sources: list[list[str]] = []  # the documents cited: the last sheet

    def piece(self, result: JurisdictionResult) -> XlsxPiece:
        year = result.year
        return XlsxPiece(year, result.slug, result.name,
                         [self._row(year, number, item) for number, item in enumerate(result.results, 1)],
                         [[year, *self._inconsistency_row(item)] for item in result.inconsistencies],
                         [[year, result.slug, *document_cells(document, self.lang), path]
                          for path, document in cited_documents(result)])

    def add(self, piece: XlsxPiece) -> None:
        self._jurisdiction(self.sheets, piece.year, piece.slug, piece.name, piece.targets)
        self.inconsistencies += piece.inconsistencies
        self.sources += piece.sources

    def end(self, overview: Overview) -> None:
        words = WORDS[self.lang]
        if self.inconsistencies:
            headers = [words["year"], words["jurisdiction"], words["metric"], words["stated"], words["derived_value"],
                       words["evidence"]]
            self.sheets.table(words["inconsistent"], headers, self.inconsistencies)
        if self.sources:
            headers = [words["year"], words["jurisdiction"], words["document"], words["issuer"], words["date"], words["url"],
                       words["file"]]
            self.sheets.table(words["sources"], headers, self.sources)
        self.workbook.close()
        self.out.flush()
        self.out.buffer.write(self.buffer.getvalue())  # type: ignore[attr-defined]

    def _summary(self, sheets: Sheets, overview: Overview) -> None:
        """A row per jurisdiction and year, each year's total (of several), and the run's; then a
        chart of each year's rows."""
        words = WORDS[self.lang]
        split = [grounds for grounds, _ in overview.summary.by_grounds(Verdict.MET)]
        headers = [words["year"], words["jurisdiction"], words["name"], words["targets"], words["decided"], words["met"],
                   *(words["met_grounds"].format(grounds=GROUNDS[self.lang][grounds]) for grounds in split),
                   words["missed"], *(words["missed_grounds"].format(grounds=GROUNDS[self.lang][grounds]) for grounds in split),
                   words["partly_count"], words["unmeasured"], words["asserted_count"], words["waived_count"],
                   words["items_count"], words["items_met_count"]]
        rows: list[list[Any]] = []
        charted: list[tuple[int, int, int]] = []  # each year's first row (counted from the first row of data) and rows
        for year in overview.years:
            if year.names:
                charted.append((year.year, len(rows), len(year.names)))
            rows += [[year.year, slug, name, *_counts(year.summaries[slug])] for slug, name in year.names.items()]
            if overview.several:
                rows.append([year.year, words["total"], "", *_counts(year.summary)])
        rows.append([overview.span if overview.several else overview.years[0].year, words["total"], "",
                     *_counts(overview.summary)])
        notes = [coverage_line(self.lang, overview.summary)]
        if overview.not_judged:
            notes.append(words["not_judged"].format(slugs=", ".join(overview.not_judged)))
        placed = sheets.table(words["summary"], headers, rows, notes)
        columns = {verdict: headers.index(words[word]) for verdict, word in _CHARTED}
        for charted_year, first, count in charted:
            self._chart(sheets, placed, first, count, columns, charted_year, overview.several)

    def _chart(self, sheets: Sheets, summary: Placed, first: int, count: int, columns: dict[Verdict, int], year: int,
               several: bool) -> None:
        """A chart sheet: a stacked bar a jurisdiction, its targets by verdict in ``year``, read from the
        summary's ``count`` rows from its ``first`` (each bar by the jurisdiction's name, as the summary
        lists them); named for its year, of several."""
        words = WORDS[self.lang]
        chart = self.workbook.add_chart({"type": "bar", "subtype": "stacked"})
        top, bottom = summary.header + 1 + first, summary.header + first + count
        for verdict, column in columns.items():
            chart.add_series({"name": [summary.name, summary.header, column],
                              "categories": [summary.name, top, _NAME_COLUMN, bottom, _NAME_COLUMN],
                              "values": [summary.name, top, column, bottom, column],
                              "fill": {"color": _BARS[verdict]}, "gap": 50})
        chart.set_title({"name": words["chart_title"].format(year=year)})
        chart.set_y_axis({"reverse": True})  # a bar chart's y axis is its categories: the first jurisdiction on top
        chart.set_legend({"position": "bottom"})
        name = f"{words['chart_sheet']} {year}" if several else words["chart_sheet"]
        sheet = self.workbook.add_chartsheet(sheets.unique(name))
        sheet.set_chart(chart)

    def _jurisdiction(self, sheets: Sheets, year: int, slug: str, name: str, targets: list[list[Any]]) -> None:
        words = WORDS[self.lang]
        headers = ["#", words["year"], words["id"], words["target"], words["threshold"], words["actual"], words["verdict"],
                   words["verdict_code"], words["grounds"], words["reason"], words["detail"], words["evidence"],
                   words["warnings"], words["file"], words["deadline"], words["scope"], words["section"], words["strength"]]
        sheet = f"{slug} {year}" if self.several_years else slug
        title = f"{year} · {name} ({slug})" if self.several_years else f"{name} ({slug})"
        sheets.table(sheet, headers, targets, title=title, verdict_column=headers.index(words["verdict_code"]))

    def _row(self, year: int, number: int, item: TargetResult) -> list[Any]:
        target, lang = item.target, self.lang
        return [number, year, target.id, target.title, threshold_text(item, lang), actual_text(item, lang),
                verdict_text(item, lang), item.verdict.value, grounds_text(item, lang), REASONS[lang][item.reason],
                detail_text(item.detail, lang),
                evidence_text(item, lang, self.folder),
                "; ".join(inconsistency_text(warning, lang, self.folder) for warning in item.warnings),
                self.place(target.location), target.period.deadline.isoformat() if target.period.deadline else "",
                target.scope or "",
                target.provenance.section or "", WORDS[lang][target.strength.value]]

    def _inconsistency_row(self, item: Inconsistency) -> list[str]:
        stated, derived = inconsistency_texts(item)
        return [item.figure.jurisdiction, item.metric.label.text(self.lang), stated, derived,
                f"“{item.figure.provenance.quote}” ({figure_place(item.figure, self.folder)})"
                + acknowledged_text(item, self.lang)]


def _counts(summary: Summary) -> list[int]:
    return [summary.targets, summary.met + summary.missed, summary.met,
            *(count for _, count in summary.by_grounds(Verdict.MET)), summary.missed,
            *(count for _, count in summary.by_grounds(Verdict.MISSED)), summary.partly, summary.unmeasured,
            summary.asserted, summary.waived, summary.items, summary.items_met]


@dataclass(frozen=True)
class Placed:
    """Where a table was written: its sheet's name and its header's row (counted from 0)."""

    name: str
    header: int


class Sheets:
    """Sheets of one workbook, each a table with a frozen header and an autofilter."""

    def __init__(self, workbook: Any, lang: str) -> None:
        self.workbook = workbook
        self.lang = lang
        self.names: set[str] = set()
        self.header = workbook.add_format({"bold": True, "bg_color": "#D9D9D9", "border": 1, "valign": "top"})
        self.title = workbook.add_format({"bold": True, "font_size": 13})
        self.wrapped = workbook.add_format({"text_wrap": True, "valign": "top"})
        self.fills = {verdict: workbook.add_format({"bg_color": colour, "valign": "top"})
                      for verdict, colour in _FILLS.items()}

    def table(self, name: str, headers: Sequence[str], rows: Sequence[Sequence[Any]], notes: Sequence[str] = (),
              title: str | None = None, verdict_column: int | None = None) -> Placed:
        """A sheet of ``rows`` under ``headers`` (after a title and notes): its name and header row."""
        unique = self.unique(name)
        sheet = self.workbook.add_worksheet(unique)
        top = 0
        for line in [*([title] if title else []), *notes]:
            sheet.write_string(top, 0, _text(line), self.title if line == title else None)
            top += 1
        top += 1 if top else 0
        for column, header in enumerate(headers):
            sheet.write_string(top, column, header, self.header)
        coloured = set() if verdict_column is None else {verdict_column - 1, verdict_column}  # the verdict, in words and code
        for index, row in enumerate(rows, top + 1):
            fill = self.fills.get(row[verdict_column]) if verdict_column is not None else None
            for column, value in enumerate(row):
                style = fill if column in coloured else None
                if isinstance(value, int):
                    sheet.write_number(index, column, value, style)
                else:
                    sheet.write_string(index, column, _text(value), style or self.wrapped)
        sheet.freeze_panes(top + 1, 0)
        sheet.autofilter(top, 0, top + len(rows), len(headers) - 1)
        for column, header in enumerate(headers):
            width = max([display_width(header), *(display_width(_text(str(row[column]))) for row in rows)])
            sheet.set_column(column, column, min(width, _WIDEST) + 2)
        return Placed(unique, top)

    def unique(self, name: str) -> str:
        """A sheet name Excel accepts, unlike every one before it."""
        base = "".join("_" if char in "[]:*?/\\" else char for char in name)[:_SHEET_NAME] or "sheet"
        candidate, number = base, 2
        while candidate.lower() in self.names:
            suffix = f"~{number}"
            candidate, number = base[:_SHEET_NAME - len(suffix)] + suffix, number + 1
        self.names.add(candidate.lower())
        return candidate


def _text(value: str) -> str:
    """A cell from data: shown literally, and no longer than Excel keeps."""
    text = printable(value)
    return text if len(text) <= _CELL_LIMIT else text[:_CELL_LIMIT - 1] + "…"

