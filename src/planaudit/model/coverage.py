"""What `planaudit coverage` finds when it holds a document against the repository: the clauses
that no entry quotes, the quotes the document does not hold, the figures no target uses."""

from __future__ import annotations

from dataclasses import dataclass

from planaudit.model.data import Location


@dataclass(frozen=True, slots=True)
class Clause:
    """A clause of the document that reads as a commitment (a plan) or states a figure (a report)."""

    text: str
    line: int
    section: str | None


@dataclass(frozen=True, slots=True)
class Quote:
    """A quote of the data file, where it stands."""

    text: str
    location: Location


@dataclass(frozen=True, slots=True)
class CoverageResult:
    document: str  # the document's path, as given
    kind: str  # plan or report
    jurisdiction: str
    year: int  # a period plan's: the period's first
    data_file: str  # targets/2022/fuzhou.yaml
    clauses: tuple[Clause, ...]  # every commitment (a plan) or figure-bearing clause (a report)
    uncovered: tuple[Clause, ...]  # those no entry quotes
    not_verbatim: tuple[Quote, ...]  # quotes of the data file that the document does not hold
    unused: tuple[Quote, ...] = ()  # a report's figures that no target uses (the figure's quote and place)
    directions: tuple[Clause, ...] = ()  # a plan's commitments that only a direction quotes: accounted for, never judged
    last: int | None = None  # a period plan's last year (targets/2021-2025/); None for a year's

    @property
    def period(self) -> str | None:
        """A period plan's period, "2021-2025"; None for a year's plan or report."""
        return None if self.last is None else f"{self.year}-{self.last}"

    @property
    def when(self) -> str:
        """The year or the period, as its folder names it."""
        return self.period or str(self.year)

    @property
    def covered(self) -> int:
        return len(self.clauses) - len(self.uncovered)

    @property
    def share(self) -> int | None:
        """The share covered, in whole percent rounded down (a 100 means every one); None when the
        document has none to cover — not a 100% that a wrong document or --part would earn."""
        return None if not self.clauses else self.covered * 100 // len(self.clauses)
