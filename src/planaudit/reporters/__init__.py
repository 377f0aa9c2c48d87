"""Reporters by name: the table that also feeds the CLI's --format choices."""

from __future__ import annotations

from .base import Reporter
from .json_report import JsonReporter
from .table import TableReporter

REPORTERS: dict[str, type[Reporter]] = {cls.name: cls for cls in (TableReporter, JsonReporter)}

__all__ = ["REPORTERS", "Reporter"]
