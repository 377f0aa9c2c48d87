"""`--format markdown` and `planaudit export`: an audit report a justice bureau could publish.

Tables are built with tabulate; every cell is escaped, so that a `|`, a newline, HTML or
Markdown syntax in a title can neither break a table nor turn into a link.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TextIO

from planaudit._version import __version__
from planaudit.exact.numbers import format_number
from planaudit.messages import render
from planaudit.model.data import Document
from planaudit.model.result import Inconsistency, JurisdictionResult, Overview, Summary, TargetResult, Verdict, YearOverview
from planaudit.read.text import printable
from planaudit.report.base import Reporter
from planaudit.report.display import (
    acknowledged_text,
    actual_text,
    cited_documents,
    document_cells,
    evidence_text,
    figure_place,
    inconsistency_texts,
    threshold_text,
    verdict_text,
)
from planaudit.report.i18n import REASONS, VERDICTS, WORDS, coverage_line, date_text, detail_text, grounds_split

# Markdown syntax a cell must not start; "_" unless it stands between two letters or digits, where
# it can neither open nor close emphasis (so metric ids and slugs read plainly; "__x__" is escaped).
_MARKDOWN_SPECIAL = re.compile(r"([\\`*\[\]~|]|(?<![^\W_])_|_(?![^\W_]))")
# What GFM would turn into a link: a scheme's colon, "www.", an e-mail address's "@".
_AUTOLINK = re.compile(r"(?i)\b(?:https?|ftp|mailto|xmpp)(?=:)|\bwww(?=\.)|(?=@)")


def cell(text: str) -> str:
    """Text safe inside a Markdown table cell: literal, on one line, no HTML, no links."""
    text = printable(text).replace("&", "&amp;").replace("<", "&lt;")  # with no "<", a ">" opens nothing
    text = _MARKDOWN_SPECIAL.sub(r"\\\1", text)
    return _AUTOLINK.sub(lambda found: found.group() + "\\", text)  # a backslash before the ":", "." or "@"


def table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """A GitHub Markdown table of cells already escaped (the headers are escaped here)."""
    from tabulate import tabulate  # imported only when a Markdown report is made

    return tabulate(rows, headers=[cell(header) for header in headers], tablefmt="github", disable_numparse=True)


_ENDING_ROOM = 512  # what the line that ends a report cut to its limit may take


def most_rows(render: Callable[[int], str], count: int, fits: Callable[[str], bool]) -> int:
    """The most rows, of ``count``, that ``render(rows)`` can show and still fit (a table's columns
    widen with its rows, so each count is rendered whole: found by halving, not row by row)."""
    low, high = 0, count
    while low < high:
        middle = (low + high + 1) // 2
        if fits(render(middle)):
            low = middle
        else:
            high = middle - 1
    return low


def report_date() -> dt.date:
    """Today, or the date of SOURCE_DATE_EPOCH for reproducible output."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc).date()
    return dt.date.today()


def _id_cell(item: TargetResult, folder: str) -> str:
    """The target's id as code (a slug: nothing in it needs escaping there), and where it stands —
    in its file (named from the top of the git repository: ``folder``), and in its plan (its
    section); an item's, with its umbrella's."""
    parent = "" if item.target.parent is None else f" ∈ `{item.target.parent}`"
    section = "" if item.target.provenance.section is None else f" · {cell(item.target.provenance.section)}"
    return f"`{item.target.id}`{parent} {cell(item.target.location.shown(folder))}{section}"


def _title_cell(item: TargetResult) -> str:
    """The target's title, and the plan's own words where they say more than it."""
    title, quote = item.target.title, item.target.provenance.quote
    return cell(title if quote == title else f"{title} (“{quote}”)")


@dataclass(frozen=True)
class MarkdownPiece:
    """A jurisdiction's section, and its rows of the tables at the end."""

    section: str
    inconsistencies: list[list[str]]
    unmeasured: list[list[str]]
    sources: list[list[str]]


class MarkdownReporter(Reporter[MarkdownPiece]):

    def begin(self, overview: Overview, out: TextIO) -> None:
        super().begin(overview, out)
        words = WORDS[self.lang]
        head = [
            f"# {words['report_title'].format(year=overview.span)}",
            words["generated"].format(date=date_text(report_date(), self.lang), version=__version__, year=overview.span),
            f"## {words['summary']}",
            f"**{coverage_line(self.lang, overview.summary)}**",
            *([words["not_judged"].format(slugs=", ".join(overview.not_judged))] if overview.not_judged else []),
        ]
        if overview.several:  # the years side by side, then each year's jurisdictions and chart
            head.append(self._years_table(overview))
            for year in overview.years:
                head += [f"### {year.year}", f"**{coverage_line(self.lang, year.summary)}**",
                         self._summary_table(year, overview.summary), self._chart(year)]
        else:
            head += [self._summary_table(overview.years[0], overview.summary), self._chart(overview.years[0])]
        self.used = 0  # what it has written, as its limit counts it
        self.left_out = 0  # jurisdictions and rows past its limit
        text = "\n\n".join(head)
        if self._fits(text):
            self._write(text)
        else:  # not even the summary fits: the ending line alone says where the audit is
            self.left_out += 1
        self.inconsistencies: list[list[str]] = []  # rows of the tables at the end: tabulate aligns them whole
        self.unmeasured: list[list[str]] = []
        self.sources: list[list[str]] = []

    def piece(self, result: JurisdictionResult) -> MarkdownPiece:
        words = WORDS[self.lang]
        year = f"{result.year} · " * self.several_years
        section = f"\n\n## {year}{cell(result.name)} ({result.slug})\n\n" + (
            self._targets_table(result.results) if result.results else words["no_targets"])
        year_cell = [str(result.year)] * self.several_years  # the tables at the end name each row's year, of several
        return MarkdownPiece(section, [[*year_cell, *self._inconsistency_row(item)] for item in result.inconsistencies],
                             [[*year_cell, *self._unmeasured_row(item)]
                              for item in result.results if item.verdict is Verdict.UNMEASURED],
                             [[*year_cell, *self._source_row(result.slug, path, document)]
                              for path, document in cited_documents(result)])

    def add(self, piece: MarkdownPiece) -> None:
        if self._fits(piece.section):
            self._write(piece.section)
        else:
            self.left_out += 1
        self.inconsistencies += piece.inconsistencies
        self.unmeasured += piece.unmeasured
        self.sources += piece.sources

    def end(self, overview: Overview) -> None:
        words = WORDS[self.lang]
        tail = [f"## {words['inconsistencies']}",
                self._inconsistencies_table(self.inconsistencies) if self.inconsistencies else words["no_inconsistencies"]]
        if self.unmeasured:
            tail += [f"## {words['unmeasured_section']}", self._unmeasured_table(self.unmeasured)]
        if self.sources:
            tail += [f"## {words['sources']}", self._sources_table(self.sources)]
        text = "\n\n" + "\n\n".join(tail) + "\n"
        if self._fits(text) and not self.left_out:
            self._write(text)
        else:
            self._cut_tail(overview)

    def _cut_tail(self, overview: Overview) -> None:
        """The tables at the end, each with its first rows while they fit, then how much was left out."""
        words = WORDS[self.lang]
        tables: list[tuple[str, list[list[str]], Callable[[list[list[str]]], str]]] = [
            (words["inconsistencies"], self.inconsistencies, self._inconsistencies_table),
            (words["unmeasured_section"], self.unmeasured, self._unmeasured_table),
            (words["sources"], self.sources, self._sources_table)]
        for heading, rows, rendered in tables:
            if not rows:
                continue

            def section(count: int, heading: str = heading, rows: list[list[str]] = rows,
                        rendered: Callable[[list[list[str]]], str] = rendered) -> str:
                return f"\n\n## {heading}\n\n" + rendered(rows[:count])

            shown = most_rows(section, len(rows), self._fits)
            if shown:
                self._write(section(shown))
            self.left_out += len(rows) - shown
        ending = f"\n\n*{cell(words['cut'].format(count=self.left_out))}*\n"
        if self.limit is None or self.used + self.limit.of(ending) <= self.limit.size:
            self._write(ending)

    def _fits(self, text: str) -> bool:
        """Whether ``text`` can still be written within the limit, with room for the line that ends a cut report."""
        return self.limit is None or self.used + self.limit.of(text) + _ENDING_ROOM <= self.limit.size

    def _write(self, text: str) -> None:
        self.out.write(text)
        if self.limit is not None:
            self.used += self.limit.of(text)

    def _summary_table(self, year: YearOverview, whole: Summary) -> str:
        """A year's counts, a row per jurisdiction and its total; the columns that only some audits need
        are there when the whole run (``whole``) needs them, so that every year's table has the same."""
        rows = [(f"{cell(name)} ({slug})", year.summaries[slug]) for slug, name in year.names.items()]
        return self._counts_table(WORDS[self.lang]["jurisdiction"], rows, year.summary, whole)

    def _years_table(self, overview: Overview) -> str:
        """The counts of each year, and of them all."""
        rows = [(str(year.year), year.summary) for year in overview.years]
        return self._counts_table(WORDS[self.lang]["year"], rows, overview.summary, overview.summary)

    def _counts_table(self, first: str, rows: Sequence[tuple[str, Summary]], total: Summary, whole: Summary) -> str:
        words = WORDS[self.lang]
        asserted = whole.asserted > 0  # the column is there only when a report asserts something
        partly = whole.partly > 0  # and this one when a commitment is done in part
        items = whole.items > 0  # and this one when a plan has umbrella targets
        shown = [self._summary_row(name, summary, asserted, partly, items) for name, summary in rows]
        shown.append(self._summary_row(f"**{words['total']}**", total, asserted, partly, items))
        headers = [first, words["targets"], words["met"], words["missed"],
                   *([words["partly_count"]] if partly else []), words["unmeasured"],
                   *([words["asserted_count"]] if asserted else []), words["waived_count"], words["share_met"],
                   *([words["items_count"]] if items else [])]
        return table(headers, shown)

    def _summary_row(self, name: str, summary: Summary, asserted: bool, partly: bool, items: bool) -> list[str]:
        """A row of counts; the met and the missed each with what they rest on: "18 (14 stated, 4 judged)"."""
        share = summary.share_met
        shown = "—" if share is None else f"{format_number(share * 100)}%"
        met, missed = (f"{count}{render(grounds_split(summary, verdict), self.lang)}"
                       for count, verdict in ((summary.met, Verdict.MET), (summary.missed, Verdict.MISSED)))
        return [name, str(summary.targets), cell(met), cell(missed), *([str(summary.partly)] if partly else []),
                str(summary.unmeasured), *([str(summary.asserted)] if asserted else []), str(summary.waived), shown,
                *([WORDS[self.lang]["items_met"].format(met=summary.items_met, total=summary.items) if summary.items else "—"]
                  if items else [])]

    def _chart(self, year: YearOverview) -> str:
        """A mermaid pie of a year's verdicts; GitHub and GitLab render it."""
        words, summary = WORDS[self.lang], year.summary
        slices = [(VERDICTS[self.lang][Verdict.MET], summary.met), (VERDICTS[self.lang][Verdict.MISSED], summary.missed),
                  (VERDICTS[self.lang][Verdict.PARTLY], summary.partly),
                  (VERDICTS[self.lang][Verdict.UNMEASURED], summary.unmeasured), (words["asserted_count"], summary.asserted),
                  (words["waived"], summary.waived)]
        lines = [f"pie title {words['chart']} {year.year}"]
        lines += [f'    "{name}" : {count}' for name, count in slices if count]
        return "```mermaid\n" + "\n".join(lines) + "\n```"

    def _targets_table(self, items: Sequence[TargetResult]) -> str:
        words = WORDS[self.lang]
        headers = ["#", words["target"], words["id"], words["threshold"], words["actual"], words["verdict"],
                   words["evidence"]]
        rows = [[str(number), _title_cell(item), _id_cell(item, self.folder), cell(threshold_text(item, self.lang)),
                 cell(actual_text(item, self.lang)), cell(verdict_text(item, self.lang)),
                 cell(evidence_text(item, self.lang, self.folder) or "—")]
                for number, item in enumerate(items, 1)]
        return table(headers, rows)

    def _inconsistency_row(self, item: Inconsistency) -> list[str]:
        stated, derived = inconsistency_texts(item)
        return [item.figure.jurisdiction, cell(item.metric.label.text(self.lang)), cell(stated), cell(derived),
                cell(f"“{item.figure.provenance.quote}” ({figure_place(item.figure, self.folder)})"
                     + acknowledged_text(item, self.lang))]

    def _inconsistencies_table(self, rows: list[list[str]]) -> str:
        words = WORDS[self.lang]
        headers = [words["jurisdiction"], words["metric"], words["stated"], words["derived_value"], words["evidence"]]
        return table(self._years_column(headers), rows)

    def _sources_table(self, rows: list[list[str]]) -> str:
        words = WORDS[self.lang]
        headers = [words["jurisdiction"], words["document"], words["issuer"], words["date"], words["url"], words["file"]]
        return table(self._years_column(headers), rows)

    def _years_column(self, headers: list[str]) -> list[str]:
        """A table's headers, after the year's, of a run of several years (each row then names its year)."""
        return [WORDS[self.lang]["year"], *headers] if self.several_years else headers

    def _source_row(self, slug: str, path: str, document: Document) -> list[str]:
        title, issuer, date, url = document_cells(document, self.lang)
        return [slug, cell(title), cell(issuer), cell(date), f"`{url}`" if url else "", cell(self.in_repository(path))]

    def _unmeasured_row(self, item: TargetResult) -> list[str]:
        return [item.target.jurisdiction, cell(item.target.title), cell(REASONS[self.lang][item.reason]),
                cell(detail_text(item.detail, self.lang))]

    def _unmeasured_table(self, rows: list[list[str]]) -> str:
        words = WORDS[self.lang]
        headers = [words["jurisdiction"], words["target"], words["why"], words["detail"]]
        return table(self._years_column(headers), rows)
