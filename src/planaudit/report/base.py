"""The interfaces output formats implement: Reporter for an audit, DiffReporter for a comparison."""

from __future__ import annotations

import abc
import io
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    from planaudit.model.changes import DiffResult
    from planaudit.model.coverage import CoverageResult
    from planaudit.model.result import AuditResult, Overview

# What a format renders of one piece of an audit: a sequence of plain values (text, whole numbers,
# None, lists of them) that the spool keeps, in the order the format's own assemble unpacks them.
Part = Sequence[Any]


class Rendering:
    """What every reporter is made with: the language, colour and width of its output, and what
    --fail-on fails on, for formats that mark it."""

    default_fail_on = "missed"

    def __init__(self, lang: str = "en", color: bool = False, width: int | None = None,
                 fail_on: str | None = None) -> None:
        self.lang = lang
        self.color = color
        self.width = width
        self.fail_on = self.default_fail_on if fail_on is None else fail_on  # "missed,inconsistent"

    def fails_on(self, what: str) -> bool:
        """Does the run fail on ``what`` (missed, unmeasured or inconsistent; for `diff`, worse or inconsistent)?"""
        return what in self.fail_on.split(",")


class Reporter(Rendering, abc.ABC):
    """Renders an audit; sees nothing else of the run.

    A report is rendered piece by piece, so that a large audit never has to be held at once: each
    piece (one or more whole jurisdictions, in order) becomes a :data:`Part` — on whichever
    process judged it — and :meth:`assemble` writes the report from the :class:`Overview` and the
    parts. Rendering an audit whole or in pieces gives the same text.
    """


    binary = False  # writes bytes, to ``out.buffer`` (a workbook): only to a file, never to a terminal

    def render(self, result: AuditResult) -> str:
        """The whole report as text, ending with a newline."""
        return self.render_bytes(result).decode("utf-8")

    def render_bytes(self, result: AuditResult) -> bytes:
        """The whole report as the bytes a file of it holds."""
        buffer = io.BytesIO()
        text = io.TextIOWrapper(buffer, encoding="utf-8", newline="")
        self.assemble(result.overview(), [self.part(result)], text)
        text.flush()
        return buffer.getvalue()

    @abc.abstractmethod
    def part(self, piece: AuditResult) -> Part:
        """What the report says of the targets and inconsistencies of one piece of an audit."""

    @abc.abstractmethod
    def assemble(self, overview: Overview, parts: Iterable[Part], out: TextIO) -> None:
        """Write the whole report to ``out``: the parts of every piece in order, within what the
        overview says of them all. ``parts`` may be iterated more than once."""


class DiffReporter(Rendering, abc.ABC):
    """Renders what `planaudit diff` found; sees nothing else of the run."""

    default_fail_on = "never"

    @abc.abstractmethod
    def write(self, result: DiffResult, out: TextIO) -> None:
        """Write the whole comparison to ``out``."""


class CoverageReporter(Rendering, abc.ABC):
    """Renders what `planaudit coverage` found; sees nothing else of the run."""

    @abc.abstractmethod
    def write(self, result: CoverageResult, out: TextIO) -> None:
        """Write the whole finding to ``out``."""
