"""`planaudit compare --format json`: schema_version 1 — each grouping's rows, in order, with every
count and the share met of the measured as its numerator and denominator (and, exact, as a decimal)."""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Any

from planaudit.exact.numbers import format_number
from planaudit.model.comparison import Ranked
from planaudit.model.grouping import Grouping
from planaudit.model.result import Overview
from planaudit.report.compare import CompareReporter

_KEYS = {Grouping.JURISDICTION: ("jurisdiction", "name"), Grouping.SECTION: ("jurisdiction", "section"),
         Grouping.METRIC: ("kind",), Grouping.RULE: ("rule",)}  # what a row's key is, by grouping


class CompareJsonReporter(CompareReporter):

    def write_tables(self, overview: Overview, tables: dict[Grouping, list[Ranked]]) -> None:
        document = {"schema_version": 1, "years": [year.year for year in overview.years],
                    "min_measured": self.min_measured,
                    "tables": {grouping.value: [row_data(row) for row in rows] for grouping, rows in tables.items()}}
        self.out.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")


def row_data(ranked_row: Ranked) -> dict[str, Any]:
    row = ranked_row.row
    share = row.counts.share_met_measured
    return {"year": row.year, **dict(zip(_KEYS[row.grouping], row.key, strict=True)), "rank": ranked_row.rank,
            "few_measured": ranked_row.few_measured, **asdict(row.counts), "measured": row.counts.measured,
            "share_met_measured": None if share is None else format_number(share * 100)}
