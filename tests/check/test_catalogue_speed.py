"""Validate's search for derivation cycles searches only from metrics on a cycle, through their own
cycles: a wide catalogue without one (each metric derived from every metric of the next level)
was searched once per metric, through everything below it — cubic in its width."""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path

import pytest

from planaudit import api
from planaudit.check.validate import catalogue_problems
from planaudit.exact.expr import parse
from planaudit.model.data import Catalogue, Label, Location, Metric
from planaudit.model.problems import Code
from support import RepoBuilder
from timing import assert_linear, best_time

_WHERE = Location("rules/metrics.yaml", 1)


def cycles_as_they_were_found(catalogue: Catalogue) -> list[str]:
    """The cycle problems' messages as validate found them before: a search from every metric."""

    def cycles_from(start: str) -> Iterator[list[str]]:
        stack: list[tuple[str, list[str]]] = [(start, [start])]
        seen: set[str] = set()
        while stack:
            name, path = stack.pop()
            metric = catalogue.metrics.get(name)
            if metric is None or metric.derive is None:
                continue
            for next_name in sorted(metric.derive.metrics):
                if next_name == start:
                    yield path
                elif next_name not in seen and next_name not in path:
                    seen.add(next_name)
                    stack.append((next_name, [*path, next_name]))

    reported: set[frozenset[str]] = set()
    found = []
    for start in sorted(catalogue.metrics):
        for cycle in cycles_from(start):
            members = frozenset(cycle)
            if members in reported or min(members) != start:
                continue
            reported.add(members)
            found.append(f"derivations form a cycle: {' → '.join([*cycle, cycle[0]])}")
    return found


def random_catalogue(chosen: random.Random) -> Catalogue:
    names = [f"m{index}" for index in range(chosen.randint(1, 12))]
    metrics = {}
    for name in names:
        sources = chosen.sample(names + ["gone"], chosen.randint(0, min(3, len(names))))
        derive = " + ".join(sources) if sources and chosen.random() < 0.7 else None
        metrics[name] = Metric(name, Label(name, name), "case", None if derive is None else parse(derive), None, _WHERE)
    return Catalogue(metrics, {})


@pytest.mark.parametrize("seed", range(300))
def test_cycles_are_found_as_they_were(seed):
    catalogue = random_catalogue(random.Random(seed))
    found = [problem.message for problem in catalogue_problems(catalogue) if problem.code is Code.CYCLE]
    assert found == cycles_as_they_were_found(catalogue)


def wide_repository(root: Path, width: int, depth: int = 12) -> Path:
    lines = ["metrics:"]
    for level in range(depth + 1):
        for index in range(width):
            sources = " + ".join(f"m{level + 1}_{other}" for other in range(width)) if level < depth else ""
            lines.append(f"  m{level}_{index}: {{unit: case{', derive: ' + sources if sources else ''}}}")
    RepoBuilder(root).rules("\n".join(lines) + "\n").targets(
        "- {id: t, title: t, metric: m0_0, rule: at_least, value: 1, quote: q}").outcomes("[]")
    return root


def test_validate_of_a_wide_catalogue_takes_time_linear_in_it(tmp_path):
    small, large = wide_repository(tmp_path / "small", 24, 7), wide_repository(tmp_path / "large", 24, 31)  # 4× deeper

    def validated(root: Path) -> None:
        assert api.validate(root) == []

    assert_linear(best_time(lambda: validated(small)), best_time(lambda: validated(large), repeat=1), growth=4,
                  what="validate, a catalogue with 4× the levels of derivations")
