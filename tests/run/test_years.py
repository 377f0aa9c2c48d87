"""run/runner over several years: one run of the audits of each year, judged on the pool as in this
process (`check`'s formats and `compare`'s alike), its overview the years' in order, its digest what
the run memo looks it up under."""

from __future__ import annotations

import dataclasses
import io

import pytest

from planaudit.model.data import Settings
from planaudit.model.result import Overview, YearOverview, years_span
from planaudit.report import CHECK, COMPARE, formats, reporter_class
from planaudit.run import cache, runner
from planaudit.run.pool import PARALLEL_FROM, can_fork
from support import generate


@pytest.fixture(scope="module")
def repository(tmp_path_factory):
    """bench/generate.py's repository of 2022, and the same plans a year earlier (judged on the
    reports of 2021, with no report of 2020 to grow from): as many jurisdictions' years as the pool
    is started for."""
    root = generate(tmp_path_factory.mktemp("years") / "data", PARALLEL_FROM // 2)
    (root / "targets" / "2021").mkdir()
    for plan in (root / "targets" / "2022").glob("*.yaml"):
        text = plan.read_text(encoding="utf-8")
        (root / "targets" / "2021" / plan.name).write_text(text.replace("year: 2022", "year: 2021", 1), encoding="utf-8")
    return root


def every_format(root, workers: int) -> list[bytes]:
    """The run of 2021 and 2022 in every format of `check` and of `compare`, judged once on ``workers`` processes."""
    reporters = [*(reporter_class(found.name)("en", several_years=True) for found in formats(CHECK)),
                 *(reporter_class(found.name, COMPARE)("en", several_years=True, min_measured=1) for found in formats(COMPARE))]
    names = [type(reporter).__name__ for reporter in reporters]
    rendered = runner.render_years(runner.prepare_years(root, [2021, 2022]), reporters, workers=workers)
    written = []
    for index in range(len(names)):
        buffer = io.BytesIO()
        out = io.TextIOWrapper(buffer, encoding="utf-8", newline="")
        rendered.write(index, out)
        out.flush()
        written.append(buffer.getvalue())
    return written


@pytest.mark.skipif(not can_fork(), reason="the pool needs fork")
def test_several_years_judged_in_workers_are_those_judged_here(repository):
    assert sum(len(audit.jurisdictions) for audit in runner.prepare_years(repository, [2021, 2022])) >= PARALLEL_FROM
    alone = every_format(repository, workers=1)
    assert every_format(repository, workers=2) == alone
    assert all(len(written) > 1000 for written in alone)


def test_the_run_digest_is_what_the_memo_looks_up(repository):
    prepared = runner.prepare_years(repository, [2021, 2022])
    rendered = runner.render_years(prepared, [], workers=1)
    assert rendered.inputs == cache.inputs_digest(repository, [2021, 2022])
    assert rendered.inputs not in {cache.inputs_digest(repository, 2021), cache.inputs_digest(repository, 2022)}
    assert cache.inputs_digest(repository, [2022]) == cache.inputs_digest(repository, 2022)  # one year: its own
    assert [year.year for year in rendered.overview.years] == [2021, 2022]


def test_a_run_of_several_years_names_each_target_with_its_year(repository):
    overview = runner.render_years(runner.prepare_years(repository, [2021, 2022]), [], workers=1).overview
    first, second = overview.years
    assert overview.several and overview.span == "2021–2022"
    assert overview.missed == tuple(f"2021 {name}" for name in first.missed) + tuple(f"2022 {name}" for name in second.missed)
    assert overview.summary.targets == first.summary.targets + second.summary.targets == 2 * first.summary.targets
    one = dataclasses.replace(overview, years=(second,))
    assert not one.several and one.missed == second.missed and one.span == "2022"


def test_not_judged_is_named_with_its_year_only_among_several():
    settings = Settings()
    broken = YearOverview(2022, {}, {}, ("east",))
    assert Overview(settings, (broken,)).not_judged == ("east",)
    assert Overview(settings, (YearOverview(2021, {}, {}), broken)).not_judged == ("2022 east",)


@pytest.mark.parametrize(("years", "said"), [([2022], "2022"), ([2021, 2022, 2023], "2021–2023"),
                                             ([2021, 2023], "2021, 2023"), ([2019, 2020, 2022], "2019, 2020, 2022")])
def test_years_are_named_as_a_span_only_when_they_follow_each_other(years, said):
    assert years_span(years) == said
