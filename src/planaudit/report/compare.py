"""What every format of `planaudit compare` shares: the rows each jurisdiction adds (made in the worker
that judged it), added up across jurisdictions, ranked, and the words of their cells.

A comparison is read a table at a time — by jurisdiction, by plan section, by kind of commitment, by
rule (:class:`~planaudit.model.comparison.Grouping`) — and each format writes the tables it is handed
at the end (:meth:`CompareReporter.tables`), since a rank is only known once every row is.
"""

from __future__ import annotations

import abc
from collections.abc import Sequence
from typing import Any

from planaudit.exact.numbers import format_number
from planaudit.messages import render
from planaudit.model.comparison import NO_SECTION, Combined, Counts, Ranked, Row, ranked, rows_of
from planaudit.model.grouping import MIN_MEASURED, Grouping
from planaudit.model.result import JurisdictionResult, Overview, Verdict
from planaudit.report.base import Reporter
from planaudit.report.i18n import WORDS, grounds_split

HEADINGS = {Grouping.JURISDICTION: "by_jurisdiction", Grouping.SECTION: "by_section", Grouping.METRIC: "by_metric",
            Grouping.RULE: "by_rule"}  # each table's heading, in WORDS


class CompareCells:
    """The words of a comparison's cells, in ``self.lang``: what every format of `compare` — and the
    audit site's tables — writes of a row."""

    lang: str

    def key_cells(self, row: Row) -> list[str]:
        """What a row is of, in a column each: a jurisdiction's slug and name, a section's jurisdiction
        and section, a kind's prefix, a rule's name."""
        if row.grouping is Grouping.SECTION:
            slug, section = row.key
            return [slug, section if section != NO_SECTION else WORDS[self.lang]["no_section"]]
        return list(row.key)

    def key_headers(self, grouping: Grouping) -> list[str]:
        words = WORDS[self.lang]
        return {Grouping.JURISDICTION: [words["jurisdiction"], words["name"]],
                Grouping.SECTION: [words["jurisdiction"], words["section"]],
                Grouping.METRIC: [words["kind"]], Grouping.RULE: [words["rule"]]}[grouping]

    def count_headers(self, grouping: Grouping, rows: Sequence[Ranked]) -> list[str]:
        """The headers of a table's counts; partly done, asserted only and waived only where a row has any."""
        words = WORDS[self.lang]
        rare = _rare(rows)
        return [words["targets"], words["met"], words["missed"], *([words["partly_count"]] if rare["partly"] else []),
                words["unmeasured"], *([words["asserted_count"]] if rare["asserted"] else []),
                *([words["waived_count"]] if rare["waived"] else []), words["met_of_measured"],
                words["inconsistent_figures"], *([words["directions"]] if grouping is Grouping.JURISDICTION else [])]

    def count_cells(self, ranked_row: Ranked, rows: Sequence[Ranked]) -> list[str]:
        """A row's counts as text, under :meth:`count_headers`: the met and the missed with what they rest
        on, the share met of the measured with its denominator ("3 of 4 (75%)"), marked when few are measured."""
        counts, rare = ranked_row.row.counts, _rare(rows)
        return [str(counts.targets), self._split(counts, counts.met, Verdict.MET),
                self._split(counts, counts.missed, Verdict.MISSED), *([str(counts.partly)] if rare["partly"] else []),
                str(counts.unmeasured), *([str(counts.asserted)] if rare["asserted"] else []),
                *([str(counts.waived)] if rare["waived"] else []), self.share_text(ranked_row), str(counts.inconsistent),
                *([str(counts.directions)] if ranked_row.row.grouping is Grouping.JURISDICTION else [])]

    def share_text(self, ranked_row: Ranked) -> str:
        """"3 of 4 (75%)", and "— few measured" when that is too few to rank; "none measured"."""
        words, counts = WORDS[self.lang], ranked_row.row.counts
        share = counts.share_met_measured
        if share is None:
            return words["none_measured"]
        text = words["met_of"].format(met=counts.met_measured, measured=counts.measured, share=percent(share))
        return text + (f" — {words['few_measured']}" if ranked_row.few_measured else "")

    def _split(self, counts: Counts, count: int, verdict: Verdict) -> str:
        return f"{count}{render(grounds_split(counts, verdict), self.lang)}"

    def rank_text(self, ranked_row: Ranked) -> str:
        return "" if ranked_row.rank is None else str(ranked_row.rank)

    def count_values(self, ranked_row: Ranked, rows: Sequence[Ranked]) -> list[str]:
        """What each of :meth:`count_cells` sorts by: its number (the share: its percentage, -1 for none)."""
        counts, rare = ranked_row.row.counts, _rare(rows)
        share = counts.share_met_measured
        values = [counts.targets, counts.met, counts.missed, *([counts.partly] if rare["partly"] else []),
                  counts.unmeasured, *([counts.asserted] if rare["asserted"] else []),
                  *([counts.waived] if rare["waived"] else []), "-1" if share is None else format_number(share * 100),
                  counts.inconsistent, *([counts.directions] if ranked_row.row.grouping is Grouping.JURISDICTION else [])]
        return [str(value) for value in values]


class CompareReporter(Reporter[list[Row]], CompareCells):
    """Rows in, tables out: a jurisdiction's rows are its own piece; the rows of a kind of commitment
    or a rule are added up across jurisdictions as they come."""

    def __init__(self, *args: Any, groupings: Sequence[Grouping] = tuple(Grouping), min_measured: int = MIN_MEASURED,
                 **options: Any) -> None:
        super().__init__(*args, **options)
        self.groupings = tuple(groupings)
        self.min_measured = min_measured

    def begin(self, overview: Overview, out: Any) -> None:
        super().begin(overview, out)
        self.rows = Combined()

    def piece(self, result: JurisdictionResult) -> list[Row]:
        return rows_of(result, self.groupings)

    def add(self, piece: list[Row]) -> None:
        self.rows.add(piece)

    def end(self, overview: Overview) -> None:
        tables = {grouping: ranked(self.rows.of(grouping), self.min_measured) for grouping in self.groupings}
        self.write_tables(overview, tables)

    @abc.abstractmethod
    def write_tables(self, overview: Overview, tables: dict[Grouping, list[Ranked]]) -> None:
        """Write the comparison: each grouping's rows, in order."""

def percent(share: Any) -> str:
    """A share as a percentage, as every report writes one: "75%", "66.67%"."""
    return f"{format_number(share * 100)}%"


def _rare(rows: Sequence[Ranked]) -> dict[str, bool]:
    """Whether any row of a table counts a target done in part, met only on a claim, or waived."""
    return {name: any(getattr(row.row.counts, name) for row in rows) for name in ("partly", "asserted", "waived")}
