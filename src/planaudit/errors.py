"""One exception hierarchy; every member formats its own message and carries its exit status
(``exit_status``: 2, EXIT_UNUSABLE). The exit status of a command that ran to its end is decided by
planaudit.run.failon.exit_status."""

from __future__ import annotations

import bisect
import difflib
from collections import Counter
from collections.abc import Iterable, Sequence
from itertools import compress
from pathlib import Path

from planaudit.messages import Message, as_written, joined, msg
from planaudit.model.problems import Problem, capped, found

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_UNUSABLE = 2


class PlanauditError(Exception):
    """Base of everything planaudit raises on purpose; never shown as a traceback."""

    exit_status = EXIT_UNUSABLE  # the command could not do what it was asked

    def __init__(self, said: Message | str) -> None:
        self.said = said if isinstance(said, Message) else as_written(said)  # what the error says
        super().__init__(self.said.render("en"))

    def format(self, lang: str = "en") -> str:
        """All that is shown of the error, in ``lang``: "planaudit: error: …"."""
        return msg("planaudit: error: {error}", error=self.said).render(lang)


class InvalidData(PlanauditError):
    """The data repository has problems, so nothing can be judged."""

    def __init__(self, problems: Sequence[Problem], folder: str = "") -> None:
        super().__init__(msg("{count} problem(s) in the data", count=len(problems)))
        self.problems = tuple(capped(list(problems)))
        self.folder = folder  # where the data is in its git repository ("data/"): the paths are said from its top

    def format(self, lang: str = "en") -> str:
        """Each problem on its line, then how many were found."""
        lines = [problem.text(lang, self.folder) for problem in self.problems]
        lines.append(msg("{found}; nothing was judged", found=found(self.problems)).render(lang))
        return "\n".join(lines)


class NoTargets(PlanauditError):
    def __init__(self, data_dir: Path, year: int, years: Sequence[int] = ()) -> None:
        listed = ", ".join(map(str, years)) or "none"
        super().__init__(msg("no target files for {year}: {folder} has no *.yaml files (years with targets: {years})",
                             year=year, folder=str(data_dir / "targets" / str(year)), years=listed))


class NoTargetYears(PlanauditError):
    def __init__(self, data_dir: Path) -> None:
        super().__init__(msg("no target files: {folder} has no year's folder with *.yaml files",
                             folder=str(data_dir / "targets")))


class NoPeriodPlans(PlanauditError):
    def __init__(self, data_dir: Path, period: str, periods: Sequence[str] = ()) -> None:
        listed = ", ".join(periods) or "none"
        super().__init__(msg("no period plans for {period}: {folder} has no *.yaml files (periods with plans: {periods})",
                             period=period, folder=str(data_dir / "targets" / period), periods=listed))


class UnknownJurisdiction(PlanauditError):
    def __init__(self, year: int | str, names: Sequence[str], known: Sequence[str], spellings: Sequence[str] = ()) -> None:
        listed = ", ".join(known) or "none"
        close = did_you_mean(names[0], spellings or known) if len(names) == 1 else ""
        super().__init__(msg("no targets for {names} in {year}{close} (jurisdictions with targets: {known})",
                             names=", ".join(names), year=year, close=close, known=listed))


class UnknownTarget(PlanauditError):
    def __init__(self, year: int | str, jurisdiction: str, wanted: str, known: Sequence[str],
                 starting: Sequence[str] = ()) -> None:
        if len(starting) > 1:
            super().__init__(msg("{wanted} begins more than one target id of {jurisdiction} in {year}: {ids}",
                                 wanted=repr(wanted), jurisdiction=jurisdiction, year=year, ids=", ".join(starting)))
            return
        listed = msg(" (its targets: 1–{count}, or {ids})", count=len(known), ids=", ".join(known)) if known else \
            msg(" (it has none)")
        super().__init__(msg("{jurisdiction} has no target {wanted} in {year}{close}{listed}", jurisdiction=jurisdiction,
                             wanted=repr(wanted), year=year, close=did_you_mean(wanted, known), listed=listed))


def did_you_mean(wanted: str, known: Iterable[str] | CloseNames) -> Message | str:
    """"; did you mean 'x'?" for the known names closest to ``wanted``, or "" when none is close.
    Asked of many names, pass the known ones as one :class:`CloseNames`: each is then answered
    through its index, not by comparing it with every known name."""
    close = known.matches(wanted) if isinstance(known, CloseNames) else \
        difflib.get_close_matches(wanted, list(known), n=SUGGESTED, cutoff=CLOSENESS)
    if not close:
        return ""
    return msg("; did you mean {names}?", names=joined(map(repr, close), OR))


OR = msg(" or ")  # between the names suggested


SUGGESTED = 3  # names suggested at most
CLOSENESS = 0.8  # difflib's ratio a known name needs to be suggested


class CloseNames:
    """Known names, indexed so that those close to a wanted name — exactly the ones
    ``difflib.get_close_matches(wanted, names, SUGGESTED, CLOSENESS)`` gives — are found without
    comparing it with each (10,000 names × 1,000 misspellings took minutes that way).

    difflib's ratio is 2·M / (a + b) for names a and b long with M characters matching, and the
    matching characters are a common subsequence of the two. So a name it accepts has a length in a
    range around a's, shares at least ``need`` characters with it (counted with repeats), and
    shares with it many of its pairs of adjacent characters: making the wanted name into the known
    one by deleting a − M characters and inserting b − M breaks at most 2(a − M) + (b − M) of its
    a − 1 pairs, so at least 3·M − a − b − 1 remain. Only names that pass those three bounds go to
    difflib, which ranks them as it would have ranked every name (its ranking depends only on which
    names pass its cut-off, never on their order)."""

    def __init__(self, names: Iterable[str]) -> None:
        self.names = sorted(names, key=len)  # so that a range of lengths is a range of positions
        self.lengths = [len(name) for name in self.names]
        self._pairs: dict[tuple[str, int], list[int]] | None = None  # (pair, nth time in a name) → positions

    def matches(self, wanted: str) -> list[str]:
        a = len(wanted)
        low, high = _length_range(a)
        start, stop = bisect.bisect_left(self.lengths, low), bisect.bisect_right(self.lengths, high)
        if start >= stop:
            return []
        needs = {b: _matches_needed(a, b) for b in range(low, high + 1)}
        least = min(3 * need - a - b - 1 for b, need in needs.items())
        if least > 0:  # too few pairs in common rules a name out: look only at names that share enough
            shared = self._shared_pairs(wanted, start, stop)
            found: Iterable[int] = (index for index in compress(shared, map(least.__le__, shared.values()))
                                    if shared[index] >= 3 * needs[self.lengths[index]] - a - self.lengths[index] - 1)
        else:  # a name of a few characters: every name of a length in range
            found = range(start, stop)
        counts = Counter(wanted)
        candidates = [self.names[index] for index in found
                      if sum(min(count, self.names[index].count(char)) for char, count in counts.items())
                      >= needs[self.lengths[index]]]
        return difflib.get_close_matches(wanted, candidates, n=SUGGESTED, cutoff=CLOSENESS)

    def _shared_pairs(self, wanted: str, start: int, stop: int) -> Counter[int]:
        """How many pairs of adjacent characters (counted with repeats) each name at positions
        ``start``…``stop`` shares with ``wanted``."""
        if self._pairs is None:
            self._pairs = {}
            for index, name in enumerate(self.names):
                for pair in _pairs(name):
                    self._pairs.setdefault(pair, []).append(index)
        shared: Counter[int] = Counter()
        for pair in _pairs(wanted):
            positions = self._pairs.get(pair)
            if positions:
                shared.update(positions[bisect.bisect_left(positions, start):bisect.bisect_left(positions, stop)])
        return shared


def _ratio_reached(matches: int, length: int) -> bool:
    """Whether ``matches`` characters of two names ``length`` long together make CLOSENESS, computed
    as difflib computes it."""
    return (2.0 * matches / length if length else 1.0) >= CLOSENESS


def _length_range(a: int) -> tuple[int, int]:
    """The lengths a name may have to be CLOSENESS close to one ``a`` long (at best all of the
    shorter one matches)."""
    low = max(0, int(a * CLOSENESS / (2 - CLOSENESS)) - 1)
    while not _ratio_reached(min(a, low), a + low):
        low += 1
    high = int(a * (2 - CLOSENESS) / CLOSENESS) + 1
    while not _ratio_reached(min(a, high), a + high):
        high -= 1
    return low, high


def _matches_needed(a: int, b: int) -> int:
    """The fewest matching characters that make names ``a`` and ``b`` long CLOSENESS close."""
    need = max(0, int(CLOSENESS * (a + b) / 2) - 1)
    while not _ratio_reached(need, a + b):
        need += 1
    return need


def _pairs(text: str) -> list[tuple[str, int]]:
    """The text's pairs of adjacent characters, each with how many times it came before: ("ab", 1),
    ("ab", 2)… — so that names sharing a pair twice count it twice, and once only once."""
    seen: dict[str, int] = {}
    found = []
    for index in range(len(text) - 1):
        pair = text[index:index + 2]
        seen[pair] = seen.get(pair, 0) + 1
        found.append((pair, seen[pair]))
    return found


class NotADataRepository(PlanauditError):
    def __init__(self, data_dir: Path) -> None:
        super().__init__(msg("{folder} is not a data repository: neither it nor any directory above it has "
                             "targets/, outcomes/, rules/ or planaudit.yaml", folder=str(data_dir)))


class CannotWrite(PlanauditError):
    def __init__(self, path: Path, reason: str | Message) -> None:
        super().__init__(msg("cannot write {path}: {reason}", path=str(path), reason=reason))


class CannotExtract(PlanauditError):
    """A document that `planaudit extract` cannot draft from; said as path:line:col: message."""

    def __init__(self, path: str, line: int, col: int, message: str | Message) -> None:
        super().__init__(msg("{path}:{line}:{col}: {message}", path=path, line=line, col=col, message=message))

    def format(self, lang: str = "en") -> str:
        return self.said.render(lang)


class NoDataFile(PlanauditError):
    """`planaudit coverage` has no entries to hold the document against."""

    def __init__(self, kind: str, year: int | str, jurisdiction: str, known: Sequence[str]) -> None:
        listed = ", ".join(known) or "none"
        super().__init__(msg("no {file} to hold the document against (jurisdictions with one: {known})",
                             file=f"{kind}/{year}/{jurisdiction}.yaml", known=listed))


class UnknownDocument(PlanauditError):
    """`planaudit coverage` cannot tell whose document it is."""

    def __init__(self, kind: str, year: int | str) -> None:
        super().__init__(msg("cannot tell whose document this is: no quote of any {files} stands in it, "
                             "or as many of two files' as of each other's; pass -j SLUG", files=f"{kind}/{year}/*.yaml"))


class OutputExists(PlanauditError):
    def __init__(self, path: Path) -> None:
        super().__init__(msg("{path} exists; pass --force to replace it", path=str(path)))


class GitError(PlanauditError):
    """`planaudit diff` cannot read the data repository's history."""


class NotAGitRepository(GitError):
    def __init__(self, data_dir: Path) -> None:
        super().__init__(msg("{folder} is not in a git repository: `planaudit diff` compares revisions of one",
                             folder=str(data_dir)))


class UnknownRevision(GitError):
    def __init__(self, revision: str) -> None:
        super().__init__(msg("git knows no commit {revision}", revision=repr(revision)))


class NoDefaultBranch(GitError):
    def __init__(self, tried: Sequence[str]) -> None:
        super().__init__(msg("cannot tell which branch to compare with (tried {names}); name the base revision: "
                             "planaudit diff main", names=", ".join(tried)))


class GitFailed(GitError):
    def __init__(self, command: str, reason: str | Message) -> None:
        super().__init__(msg("`git {command}` failed: {reason}", command=command, reason=reason))
