"""Derivations that share inputs take time linear in their metrics: each input is resolved once per
resolution (a "diamond" — each level's two metrics derived from both of the next level's — was
exponential: depth 20 took 72 s and 720 MB), with exactly the results of resolving it afresh on
every path."""

from __future__ import annotations

import datetime as dt
import time
from decimal import Decimal
from pathlib import Path

import pytest

from acceptance_support import planaudit
from planaudit import api
from planaudit.check.validate import MAX_DERIVATION_DEPTH
from planaudit.exact.expr import parse
from planaudit.judge.resolve import Resolver, rounded_value
from planaudit.model.data import (
    Bound,
    Catalogue,
    Figure,
    Label,
    Location,
    Metric,
    Provenance,
    Report,
    Scope,
    SourceDocument,
    Span,
    Stated,
)
from planaudit.model.result import Missing, Resolved
from planaudit.report.explain import render_explanation
from support import JURISDICTION, RepoBuilder
from timing import assert_linear, best_time

_WHERE = Location("rules/metrics.yaml", 1)
YEAR, PLACE = 2022, "j"
END = dt.date(YEAR, 12, 31)


def metric(name: str, derive: str | None = None, unit: str = "case") -> Metric:
    return Metric(name, Label(name, name), unit, None if derive is None else parse(derive), None, _WHERE)


def figure(name: str, value: str, scope: str | None = None, as_of: dt.date = END, bound: Bound = Bound.EXACT,
           line: int = 1) -> Figure:
    stated = Stated(value=Decimal(value), bound=bound, approx_share=Decimal(5) if bound is Bound.APPROX else None)
    return Figure(jurisdiction=PLACE, year=YEAR, metric=name, stated=stated, scope=scope, span=Span(as_of=as_of),
                  provenance=Provenance(quote=f"{name}{value}件", location=Location("outcomes/2022/j.yaml", line)))


def diamond(depth: int) -> list[Metric]:
    """a0 = a1 + b1, b0 = a1 - b1, … down to a{depth} and b{depth}, which are reported."""
    found = []
    for level in range(depth + 1):
        below = level + 1
        found.append(metric(f"a{level}", f"a{below} + b{below}" if level < depth else None))
        found.append(metric(f"b{level}", f"a{below} * 2 - b{below}" if level < depth else None))
    return found


def diamond_figures(depth: int) -> list[Figure]:
    return [figure(f"a{depth}", "3", line=1), figure(f"b{depth}", "1", line=2)]


def resolver(metrics: list[Metric], figures: list[Figure], share_inputs: bool = True,
             scopes: tuple[str, ...] = ()) -> Resolver:
    catalogue = Catalogue({item.id: item for item in metrics}, {}, {name: Scope(name, Label(name, name), _WHERE)
                                                                     for name in scopes})
    report = Report("outcomes/2022/j.yaml", PLACE, PLACE, YEAR, SourceDocument(), tuple(figures))
    made = Resolver(catalogue, [report])
    made.share_inputs = share_inputs
    return made


# The shapes the differential test resolves every metric of, each at several deadlines.
SHAPES = {
    "diamond": (diamond(6), diamond_figures(6)),
    "diamond, a level stated (inexact, so derived around) and one after the deadline": (
        diamond(5), [*diamond_figures(5), figure("a3", "40", bound=Bound.LOWER, line=3),
                     figure("b2", "7", as_of=dt.date(YEAR, 6, 30), line=4), figure("b2", "9", line=5)]),
    "shared leaves, scoped": (
        [metric("x"), metric("y", "x[county] * 2 + x"), metric("total", "x[county] + x + y"),
         metric("share", "y / total * 100", "percent")],
        [figure("x", "4"), figure("x", "1", scope="county", line=2)]),
    "an input missing": (
        [metric("a"), metric("gone"), metric("b", "a + gone"), metric("c", "a + b"), metric("d", "c + a"),
         metric("e", "a * 2"), metric("f", "e + a + e")],
        [figure("a", "2")]),
    "a division by zero": (
        [metric("a"), metric("z"), metric("r", "a / z"), metric("s", "r + a"), metric("t", "z + a"),
         metric("u", "a / t + t")],
        [figure("a", "2"), figure("z", "0", line=2)]),
    "approximate figures": (
        [metric("p"), metric("q"), metric("m", "p + q"), metric("n", "m + p"), metric("o", "q * 3 + q")],
        [figure("p", "100", bound=Bound.APPROX), figure("q", "50", line=2)]),
}


def answers(made: Resolver) -> list[object]:
    """Every metric of the shape resolved (and derived) at several deadlines, with the figures it
    rests on and its value again, each figure for its rounding interval."""
    found: list[object] = []
    for name in sorted(made.catalogue.metrics):
        for scope in (None, "county"):
            for deadline in (None, dt.date(YEAR, 6, 30), dt.date(YEAR, 3, 31)):
                for exact_only in (False, True):
                    resolved = made.resolve((YEAR, PLACE, name, scope), deadline, exact_only)
                    found.append(resolved)
                    if isinstance(resolved, Resolved):
                        found += [resolved.figures(), rounded_value(made, resolved)]
                found.append(made.derive(YEAR, PLACE, name, scope, deadline))
    return found


@pytest.mark.parametrize("shape", list(SHAPES))
def test_shared_inputs_resolve_as_resolving_each_path_afresh(shape):
    metrics, figures = SHAPES[shape]
    shared, afresh = resolver(metrics, figures, scopes=("county",)), resolver(metrics, figures, False, ("county",))
    assert shared.acyclic
    assert answers(shared) == answers(afresh)
    assert any(isinstance(found, Resolved) and found.derivation for found in answers(shared))


def test_a_catalogue_with_a_cycle_resolves_each_path_afresh():
    made = resolver([metric("a", "b + 1"), metric("b", "a + c"), metric("c")], [figure("c", "1")])
    assert not made.acyclic  # validate reports the cycle; the resolver still answers as it always did
    assert isinstance(made.resolve((YEAR, PLACE, "a", None)), Missing)


def test_the_figures_a_diamond_rests_on_are_each_named_once():
    made = resolver(diamond(3), diamond_figures(3))
    resolved = made.resolve((YEAR, PLACE, "a0", None))
    assert isinstance(resolved, Resolved)
    assert [(item.metric, item.stated.value) for item in resolved.figures()] == [("a3", Decimal(3)), ("b3", Decimal(1))]


def resolve_diamond(depth: int) -> None:
    made = resolver(diamond(depth), diamond_figures(depth))
    resolved = made.resolve((YEAR, PLACE, "a0", None))
    assert isinstance(resolved, Resolved) and {item.metric for item in resolved.figures()} == {f"a{depth}", f"b{depth}"}
    assert rounded_value(made, resolved) == resolved.value  # whole counts: their rounding is themselves


def test_a_diamond_of_derivations_is_resolved_in_linear_time():
    small = best_time(lambda: resolve_diamond(8))
    assert_linear(small, best_time(lambda: resolve_diamond(16), repeat=1), growth=2, what="diamond depth 16")
    assert_linear(small, best_time(lambda: resolve_diamond(64), repeat=1), what="diamond depth 64")
    start = time.process_time()
    resolve_diamond(64)
    assert time.process_time() - start < 1  # the budget: a diamond of depth 64 in under a second


def diamond_repository(root: Path, depth: int) -> Path:
    lines = ["metrics:"]
    for item in diamond(depth):
        lines.append(f"  {item.id}: {{unit: case{', derive: ' + item.derive.source if item.derive else ''}}}")
    builder = RepoBuilder(root).rules("\n".join(lines) + "\n")
    builder.targets("- {id: t, title: t, metric: a0, rule: at_least, value: 1, quote: q}")
    builder.outcomes(f"- {{metric: a{depth}, value: 3, quote: 3件}}\n- {{metric: b{depth}, value: 1, quote: 1件}}")
    return root


def run_command(root: Path, *command: str) -> float:
    """Seconds of processor time a planaudit command takes, in this process, on the repository at ``root`` (it
    must end well, exit 0)."""
    start = time.process_time()
    completed = planaudit(*command, "--data", str(root), data=None)
    assert completed.returncode == 0, completed.stderr
    return time.process_time() - start


def test_check_and_explain_of_the_deepest_diamond_validate_allows_take_no_longer_than_a_shallow_one(tmp_path):
    shallow = diamond_repository(tmp_path / "shallow", 4)
    deepest = diamond_repository(tmp_path / "deepest", MAX_DERIVATION_DEPTH)
    for command in (["check", "2022", "--no-cache", "--format", "json"], ["explain", "2022", JURISDICTION, "t"]):
        small = min(run_command(shallow, *command) for _ in range(2))
        large = run_command(deepest, *command)  # 2**32 paths: it never ended
        assert large < 3 * small + 1, (command, small, large)


def test_explain_sets_out_a_shared_derivation_once(tmp_path):
    text = render_explanation(api.explain(diamond_repository(tmp_path, 3), 2022, JURISDICTION, "t"))
    tree = text.split("Actual: ")[1].split("Comparison")[0]
    assert tree.splitlines() == [
        "12 (derived)",
        "  derived: a0 = a1 + b1",
        "    a1 = 9",
        "      derived: a1 = a2 + b2",
        "        a2 = 4",
        "          derived: a2 = a3 + b3",
        "            a3 = 3",
        "              stated: outcomes/2022/testville.yaml:4 “3件” (date not stated (taken as the year's end))",
        "            b3 = 1",
        "              stated: outcomes/2022/testville.yaml:5 “1件” (date not stated (taken as the year's end))",
        "        b2 = 5",
        "          derived: b2 = a3 * 2 - b3",
        "            a3 = 3",
        "              stated: outcomes/2022/testville.yaml:4 “3件” (date not stated (taken as the year's end))",
        "            b3 = 1",
        "              stated: outcomes/2022/testville.yaml:5 “1件” (date not stated (taken as the year's end))",
        "    b1 = 3",
        "      derived: b1 = a2 * 2 - b2",
        "        a2 = 4",  # set out above: its value only
        "        b2 = 5",
    ]


def test_whether_derivations_cycle_is_each_catalogues_own_when_asked_in_turn():
    """It is worked out once per catalogue (every jurisdiction of an audit shares one): asked of one
    catalogue, then another, then the first again, each gets its own answer."""
    cyclic = resolver([metric("a", "b + 1"), metric("b", "a")], [])
    acyclic = resolver(diamond(2), diamond_figures(2))
    assert [cyclic.acyclic, acyclic.acyclic, cyclic.acyclic, acyclic.acyclic] == [False, True, False, True]
    again = resolver([metric("a", "b + 1"), metric("b", "a")], [])  # an equal catalogue, made anew
    assert not again.acyclic


def test_the_figures_a_stated_value_rests_on_are_its_own_figure():
    made = resolver(diamond(1), diamond_figures(1))
    resolved = made.resolve((YEAR, PLACE, "a1", None))
    assert isinstance(resolved, Resolved) and resolved.figure is not None
    assert resolved.figures() == (resolved.figure,)
