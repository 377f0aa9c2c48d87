"""What `planaudit extract` drafts: target and figure entries awaiting review, and the document."""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass
from decimal import Decimal

from planaudit.model.data import Bound


class DocumentKind(enum.Enum):
    PLAN = "plan"  # 工作要点, 工作计划: targets
    REPORT = "report"  # 工作总结, 工作报告: figures


@dataclass(frozen=True, slots=True)
class DraftTarget:
    clause: str  # the title and the quote
    rule: str
    value: Decimal | None
    percent: bool
    unit: str | None  # in the catalogue's words (case, person, per_10k…)
    counter: str | None  # the counter as written (件, 人…)
    deadline: dt.date | None
    section: str | None
    line: int
    id: str = ""

    def numbered(self, target_id: str) -> DraftTarget:
        return DraftTarget(self.clause, self.rule, self.value, self.percent, self.unit, self.counter, self.deadline,
                           self.section, self.line, target_id)  # not dataclasses.replace: a draft may number 100,000


@dataclass(frozen=True, slots=True)
class DraftDirection:
    """A commitment of the plan that no target is drafted for (持续加强…): drafted as a direction."""

    clause: str  # the quote
    section: str | None
    line: int


@dataclass(frozen=True, slots=True)
class DraftFigure:
    clause: str  # the quote
    value: Decimal
    percent: bool
    counter: str | None
    bound: Bound
    line: int
    projected: bool = False  # its clause projects it (预计): never deciding a verdict


@dataclass(frozen=True, slots=True)
class Draft:
    kind: DocumentKind
    year: int
    jurisdiction: str
    source: str  # the file it was drafted from, as given
    title: str | None
    targets: tuple[DraftTarget, ...] = ()
    figures: tuple[DraftFigure, ...] = ()
    directions: tuple[DraftDirection, ...] = ()  # a plan's commitments with no target drafted
