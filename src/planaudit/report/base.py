"""The one interface every output format implements, for `check`, `diff` and `coverage` alike.

A reporter is told, in order: :meth:`~BaseReporter.begin` with what is known of the whole run and
the stream to write to; :meth:`~BaseReporter.jurisdiction` once for each jurisdiction's result, in
order; :meth:`~BaseReporter.end` with the whole run again. It writes as it goes; a format whose text
must say something before the rows that only comes later keeps that part itself (see
:class:`Held`), so that a large audit is never held whole. It sees nothing else of the run: results
reach it as frozen dataclasses (:mod:`planaudit.model.result`), however and wherever they were judged.
A reporter of `check` takes each jurisdiction in two steps (:class:`Reporter`): ``piece(result)``,
which the run calls in the worker process that judged it, and ``add(piece)``, in order, in the run.
"""

from __future__ import annotations

import abc
import io
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Generic, TextIO, TypeVar, final

if TYPE_CHECKING:  # not imported at run time: the run memo's replay imports this module, and no model
    from planaudit.model.changes import DiffResult  # noqa: F401 - named in the bases below
    from planaudit.model.coverage import CoverageResult  # noqa: F401 - named in the bases below
    from planaudit.model.data import Location
    from planaudit.model.period import ProgressResult  # noqa: F401 - named in the bases below
    from planaudit.model.result import AuditResult, JurisdictionResult, Overview  # noqa: F401 - likewise

O = TypeVar("O")  # what a run knows of itself as a whole  # noqa: E741
R = TypeVar("R")  # one jurisdiction's result
P = TypeVar("P")  # what a jurisdiction adds to a report of `check`


@dataclass(frozen=True)
class Limit:
    """The most a report may be where it goes: GitHub holds a comment to 65,536 characters and a
    step's summary to 1 MiB. A Markdown report past it says the most important first, then how many
    more there are (its formats that can be cut: the Markdown of `check` and `diff`)."""

    size: int
    in_bytes: bool = False  # counted in UTF-8 bytes (a step summary), else in characters (a comment)

    def of(self, text: str) -> int:
        return len(text.encode("utf-8", "surrogatepass")) if self.in_bytes else len(text)


COMMENT = Limit(65_536)  # a GitHub comment's characters
STEP_SUMMARY = Limit(1 << 20, in_bytes=True)  # a step summary's bytes


class Rendering:
    """What every reporter is made with: the language, colour and width of its output, what
    --fail-on fails on, for formats that mark it, the most it may write (``limit``), for those
    that can be cut, where the data is in its git repository (``folder``), and whether the run
    judges several years (``several_years``: known before any jurisdiction's part is made, in the
    process that judged it, so that each part names its year where one year is not the whole)."""

    default_fail_on = "missed"

    def __init__(self, lang: str = "en", color: bool = False, width: int | None = None,
                 fail_on: str | None = None, limit: Limit | None = None, folder: str = "",
                 several_years: bool = False) -> None:
        self.lang = lang
        self.several_years = several_years  # the run judges several years: each jurisdiction's part names its year
        self.color = color
        self.width = width
        self.fail_on = self.default_fail_on if fail_on is None else fail_on  # "missed,inconsistent"
        self.limit = limit
        self.folder = folder  # where the data is in its git repository ("data/"): every path is named from its top

    def in_repository(self, path: str) -> str:
        """A data file's path as its git repository names it: every format names files so."""
        return self.folder + path

    def place(self, location: Location) -> str:
        """"path:line", the path as the data's git repository names it."""
        return location.shown(self.folder)

    def fails_on(self, what: str) -> bool:
        """Does the run fail on ``what`` (missed, unmeasured or inconsistent; for `diff`, worse or
        inconsistent)? A target done in part (partly) fails as a missed one does."""
        return ("missed" if what == "partly" else what) in self.fail_on.split(",")


class BaseReporter(Rendering, abc.ABC, Generic[O, R]):
    """begin(overview, out) → jurisdiction(result), for each in order → end(overview)."""

    binary = False  # writes bytes, to ``out.buffer`` (a workbook): only to a file, never to a terminal

    def begin(self, overview: O, out: TextIO) -> None:
        """Start the report on ``out``; ``overview`` says what is known of the whole run."""
        self.out = out

    @abc.abstractmethod
    def jurisdiction(self, result: R) -> None:
        """Report one jurisdiction's result (they come in order)."""

    def end(self, overview: O) -> None:  # noqa: B027 - most formats have nothing to close
        """Finish the report: whatever comes after the last jurisdiction."""

    def write_all(self, overview: O, results: Iterable[R], out: TextIO) -> None:
        """The whole report of ``results`` to ``out``: begin, each jurisdiction, end."""
        self.begin(overview, out)
        for result in results:
            self.jurisdiction(result)
        self.end(overview)


class Reporter(BaseReporter["Overview", "JurisdictionResult"], Generic[P]):
    """Renders an audit (`check`). The overview it is begun with is the whole run's: every
    jurisdiction's name and counts, known before the first result is handed to it.

    It reports a jurisdiction in two steps: :meth:`piece` makes what the jurisdiction adds to the
    report — from its result and the reporter's options alone, so that the run may make it in the
    process that judged the jurisdiction, while others are judged — and :meth:`add` puts it into the
    report, in order, after :meth:`begin`."""

    @abc.abstractmethod
    def piece(self, result: JurisdictionResult) -> P:
        """What ``result`` adds to the report: a value of plain data (text, numbers, lists, frozen
        dataclasses of them), made without changing the reporter."""

    @abc.abstractmethod
    def add(self, piece: P) -> None:
        """Put a jurisdiction's :meth:`piece` into the report (they come in order)."""

    @final  # the run calls piece and add apart: a format that did more here would differ across processes
    def jurisdiction(self, result: JurisdictionResult) -> None:
        self.add(self.piece(result))

    def render(self, result: AuditResult) -> str:
        """The whole report as text, ending with a newline."""
        return self.render_bytes(result).decode("utf-8")

    def render_bytes(self, result: AuditResult) -> bytes:
        """The whole report as the bytes a file of it holds."""
        buffer = io.BytesIO()
        text = io.TextIOWrapper(buffer, encoding="utf-8", newline="")
        self.write_all(result.overview(), result.jurisdictions(), text)
        text.flush()
        return buffer.getvalue()


class DiffReporter(BaseReporter["DiffResult", "DiffResult"]):
    """Renders what `planaudit diff` found. A comparison is one whole: it is begun with it, and
    handed it once (its sections run across jurisdictions, so it is not cut by them)."""

    default_fail_on = "never"

    def write(self, result: DiffResult, out: TextIO) -> None:
        """Write the whole comparison to ``out``."""
        self.write_all(result, [result], out)


class CoverageReporter(BaseReporter["CoverageResult", "CoverageResult"]):
    """Renders what `planaudit coverage` found: one jurisdiction's document against its data file."""

    def write(self, result: CoverageResult, out: TextIO) -> None:
        """Write the whole finding to ``out``."""
        self.write_all(result, [result], out)


class ProgressReporter(BaseReporter["ProgressResult", "ProgressResult"]):
    """Renders what `planaudit progress` found: a period's targets, year by year, as one whole."""

    def write(self, result: ProgressResult, out: TextIO) -> None:
        """Write the whole finding to ``out``."""
        self.write_all(result, [result], out)


class Held:
    """Text a reporter keeps until its end — rows that follow what only the last jurisdiction
    decides — in a temporary file once it grows, so that a large audit is not held in memory."""

    def __init__(self) -> None:
        self._file = tempfile.SpooledTemporaryFile(  # noqa: SIM115 - as long-lived as the report
            max_size=1 << 20, mode="w+", encoding="utf-8", errors="surrogatepass", newline="")
        self.empty = True

    def write(self, text: str) -> None:
        if text:
            self._file.write(text)
            self.empty = False

    def __iter__(self) -> Iterator[str]:
        """What was kept, in pieces, from the start; then it is dropped."""
        self._file.seek(0)
        while chunk := self._file.read(1 << 16):
            yield chunk
        self._file.close()
