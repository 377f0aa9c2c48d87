"""The problems a change introduces: those at the head that the base does not have.

Two problems are the same problem when they have the same code, in the same file, in the same entry
(:mod:`planaudit.read.entries`: the target ``gdp-growth``, the figure of ``gdp.growth``, the metric
``gdp.growth``) — not the same line: lines added above a warning do not make it new. Where a line
is in no entry that can be named, the problem's words stand for the entry, any line number they
cite left out. A head problem is matched first to a base one that also says the same words, then
to any of its code in its entry; each base problem is matched once, so a second warning of one
kind in one entry is new.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Hashable, Iterable

from planaudit.model.problems import Problem

EntryOf = Callable[[str, int], "str | None"]  # the entry a line of a file is in: (path, line) → name

_LINE_CITED = re.compile(r"\bline [0-9]+\b|第[0-9]+行")


def introduced(head: Iterable[Problem], base: Iterable[Problem], head_entry: EntryOf, base_entry: EntryOf
               ) -> list[Problem]:
    """The problems of ``head`` that ``base`` does not have, in the order of ``head``."""
    base = list(base)
    exact = Counter(_said(problem, base_entry) for problem in base)
    loose = Counter(_where(problem, base_entry) for problem in base)
    unmatched = []
    for problem in head:
        said = _said(problem, head_entry)
        if exact[said]:
            exact[said] -= 1
            loose[_where(problem, head_entry)] -= 1
        else:
            unmatched.append(problem)
    new = []
    for problem in unmatched:  # second: any of its code in its entry that no exact match took
        where = _where(problem, head_entry)
        if loose[where] > 0:
            loose[where] -= 1
        else:
            new.append(problem)
    return new


def _where(problem: Problem, entry_of: EntryOf) -> Hashable:
    entry = entry_of(problem.path, problem.line)
    return (problem.code, problem.path, entry) if entry is not None else _said(problem, entry_of)


def _said(problem: Problem, entry_of: EntryOf) -> Hashable:
    return problem.code, problem.path, entry_of(problem.path, problem.line), _LINE_CITED.sub("line", problem.message)
