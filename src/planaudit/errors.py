"""One exception hierarchy; every member formats its own message. (Every exit status is decided by
planaudit.cli.failon.exit_status: an error's is EXIT_UNUSABLE.)"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence
from pathlib import Path

from planaudit.model.problems import Problem, capped, counted

EXIT_FAILED = 1
EXIT_UNUSABLE = 2


class PlanauditError(Exception):
    """Base of everything planaudit raises on purpose; never shown as a traceback."""

    def format(self) -> str:
        return f"planaudit: error: {self}"


class InvalidData(PlanauditError):
    """The data repository has problems, so nothing can be judged."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        super().__init__(f"{len(problems)} problem(s) in the data")
        self.problems = tuple(capped(list(problems)))

    def format(self) -> str:
        lines = [str(problem) for problem in self.problems]
        lines.append(f"{counted(self.problems)} found; nothing was judged")
        return "\n".join(lines)


class NoTargets(PlanauditError):
    def __init__(self, data_dir: Path, year: int, years: Sequence[int] = ()) -> None:
        listed = ", ".join(map(str, years)) or "none"
        super().__init__(f"no target files for {year}: {data_dir / 'targets' / str(year)} has no *.yaml files "
                         f"(years with targets: {listed})")


class UnknownJurisdiction(PlanauditError):
    def __init__(self, year: int, names: Sequence[str], known: Sequence[str], spellings: Sequence[str] = ()) -> None:
        listed = ", ".join(known) or "none"
        close = did_you_mean(names[0], spellings or known) if len(names) == 1 else ""
        super().__init__(f"no targets for {', '.join(names)} in {year}{close} (jurisdictions with targets: {listed})")


class UnknownTarget(PlanauditError):
    def __init__(self, year: int, jurisdiction: str, wanted: str, known: Sequence[str], starting: Sequence[str] = ()) -> None:
        if len(starting) > 1:
            message = f"{wanted!r} begins more than one target id of {jurisdiction} in {year}: {', '.join(starting)}"
        else:
            message = f"{jurisdiction} has no target {wanted!r} in {year}" + did_you_mean(wanted, known)
            message += f" (its targets: 1–{len(known)}, or {', '.join(known)})" if known else " (it has none)"
        super().__init__(message)


def did_you_mean(wanted: str, known: Iterable[str]) -> str:
    """"; did you mean 'x'?" for the known names closest to ``wanted``, or "" when none is close."""
    close = difflib.get_close_matches(wanted, list(known), n=3, cutoff=0.8)
    if not close:
        return ""
    return "; did you mean " + " or ".join(repr(name) for name in close) + "?"


class NotADataRepository(PlanauditError):
    def __init__(self, data_dir: Path) -> None:
        super().__init__(f"{data_dir} is not a data repository: neither it nor any directory above it has "
                         "targets/, outcomes/, rules/ or planaudit.yaml")


class CannotWrite(PlanauditError):
    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"cannot write {path}: {reason}")


class CannotExtract(PlanauditError):
    """A document that `planaudit extract` cannot draft from; said as path:line:col: message."""

    def __init__(self, path: str, line: int, col: int, message: str) -> None:
        super().__init__(f"{path}:{line}:{col}: {message}")

    def format(self) -> str:
        return str(self)


class NoDataFile(PlanauditError):
    """`planaudit coverage` has no entries to hold the document against."""

    def __init__(self, kind: str, year: int, jurisdiction: str, known: Sequence[str]) -> None:
        listed = ", ".join(known) or "none"
        super().__init__(f"no {kind}/{year}/{jurisdiction}.yaml to hold the document against "
                         f"(jurisdictions with one: {listed})")


class UnknownDocument(PlanauditError):
    """`planaudit coverage` cannot tell whose document it is."""

    def __init__(self, kind: str, year: int) -> None:
        super().__init__(f"cannot tell whose document this is: no quote of any {kind}/{year}/*.yaml stands in it, "
                         "or as many of two files' as of each other's; pass -j SLUG")


class OutputExists(PlanauditError):
    def __init__(self, path: Path) -> None:
        super().__init__(f"{path} exists; pass --force to replace it")


class GitError(PlanauditError):
    """`planaudit diff` cannot read the data repository's history."""


class NotAGitRepository(GitError):
    def __init__(self, data_dir: Path) -> None:
        super().__init__(f"{data_dir} is not in a git repository: `planaudit diff` compares revisions of one")


class UnknownRevision(GitError):
    def __init__(self, revision: str) -> None:
        super().__init__(f"git knows no commit {revision!r}")


class NoDefaultBranch(GitError):
    def __init__(self, tried: Sequence[str]) -> None:
        super().__init__(f"cannot tell which branch to compare with (tried {', '.join(tried)}); "
                         "name the base revision: planaudit diff main")


class GitFailed(GitError):
    def __init__(self, command: str, reason: str) -> None:
        super().__init__(f"`git {command}` failed: {reason}")
