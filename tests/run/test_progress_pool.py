"""run/progress and run/diff's period plans in worker processes: a jurisdiction's plan judged in a
worker gives, byte for byte in every format, the progress (and the diff) judged in this process
alone — and the same problems, in the same order, when files are broken."""

from __future__ import annotations

import io
import shutil

import pytest

from git_support import commit_all, git, new_repository
from planaudit.errors import InvalidData
from planaudit.model.changes import Change, NotCompared
from planaudit.report import DIFF, PROGRESS, TABLE, reporter_class
from planaudit.run.diff import compare_revisions
from planaudit.run.pool import PARALLEL_FROM, can_fork
from planaudit.run.progress import progress
from planaudit.run.wire import JudgedWire
from support import generate
from support import replace_once as replace

JURISDICTIONS = PARALLEL_FROM + 1  # the fewest the pool is started for, once one plan is removed
pytestmark = pytest.mark.skipif(not can_fork(), reason="the pool needs fork")


@pytest.fixture(scope="module")
def repository(tmp_path_factory):
    """bench/generate.py's repository with five-year plans, committed; then a commit that widens the
    progress band (every plan judged again, statuses change), removes one jurisdiction's plan and
    redefines a target of another's."""
    root = generate(tmp_path_factory.mktemp("progress-pool") / "data", JURISDICTIONS, period_plans=True)
    new_repository(root)
    commit_all(root, "generated")
    with (root / "planaudit.yaml").open("a", encoding="utf-8") as settings:
        settings.write("progress_band: 0.3\n")
    (root / "targets" / "2021-2025" / "j0001.yaml").unlink()
    replace(root / "targets" / "2021-2025" / "j0002.yaml", "    kind: maintain\n    value: ", "    kind: maintain\n    value: 1")
    for year, slug in ((2021, "j0010"), (2022, "j0004")):  # a warning each, listed in the files' order, not the jurisdictions'
        replace(root / "outcomes" / str(year) / f"{slug}.yaml", f"name: 模拟县{slug[1:]}", "name: on")
    commit_all(root, "band")
    return root


def crossings(monkeypatch) -> list[int]:
    crossed: list[int] = []
    loads = JudgedWire.loads
    monkeypatch.setattr(JudgedWire, "loads", lambda wire, data: crossed.append(len(data)) or loads(wire, data))
    return crossed


def written(result, command: str) -> dict[str, bytes]:
    """``result`` in every format of ``command``."""
    found = {}
    for item in TABLE:
        if item.command == command:
            out = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")
            reporter_class(item.name, command)("en").write(result, out)
            out.flush()
            found[item.name] = out.buffer.getvalue()  # type: ignore[attr-defined]
    return found


def test_progress_judged_in_workers_is_the_progress_judged_here(repository, monkeypatch):
    crossed = crossings(monkeypatch)
    here = progress(repository, 2021, 2025, workers=1)
    assert crossed == []  # judged in this process, nothing pickled
    pooled = progress(repository, 2021, 2025, workers=2)
    assert len(crossed) == JURISDICTIONS - 1  # a jurisdiction's plan at a time (j0001's is gone)
    assert written(pooled.result, PROGRESS) == written(here.result, PROGRESS)
    assert pooled.problems == here.problems
    assert [(problem.path, problem.code.value) for problem in here.problems] == [
        ("outcomes/2021/j0010.yaml", "yaml11-trap"), ("outcomes/2022/j0004.yaml", "yaml11-trap")]
    assert len(here.result.targets) == 20 * (JURISDICTIONS - 1)
    every = {f"j{index:04}" for index in range(JURISDICTIONS)}
    assert {item.target.jurisdiction for item in here.result.targets} == every - {"j0001"}


def test_a_period_plan_diff_judged_in_workers_is_the_diff_judged_here(repository, monkeypatch):
    crossed = crossings(monkeypatch)
    here = compare_revisions(repository, "main~1", "main", workers=1)
    assert crossed == []
    pooled = compare_revisions(repository, "main~1", "main", workers=2)
    assert len(crossed) == 2 * JURISDICTIONS  # each jurisdiction's audit of 2022, then its period plan, at both sides
    assert written(pooled, DIFF) == written(here, DIFF)
    kinds = {(item.jurisdiction, item.change) for item in here.progress}
    assert ("j0001", Change.REMOVED) in kinds and ("j0002", Change.REDEFINED) in kinds
    assert {Change.BETTER, Change.WORSE} & {change for _, change in kinds}  # the wider band moved statuses
    removed = [index for index, item in enumerate(here.progress) if item.change is Change.REMOVED]
    assert removed == list(range(len(removed)))  # those removed first, as the whole comparison puts them


def test_broken_files_are_the_same_problems_in_the_same_order(repository, tmp_path):
    broken = tmp_path / "data"
    shutil.copytree(repository, broken, ignore=shutil.ignore_patterns(".git"))
    replace(broken / "targets" / "2021-2025" / "j0005.yaml", "targets:\n", "targets: [\n")
    both = next(path.stem for path in sorted((broken / "outcomes" / "2022").glob("j*.yaml"))
                if (broken / "outcomes" / "2021" / path.name).exists() and path.stem > "j0005")
    replace(broken / "outcomes" / "2022" / f"{both}.yaml", "figures:\n", "figures: [\n")
    replace(broken / "outcomes" / "2021" / f"{both}.yaml", "figures:\n", "figures: [\n")
    found = []
    for workers in (1, 2):
        with pytest.raises(InvalidData) as error:
            progress(broken, 2021, 2025, workers=workers)
        found.append(error.value.problems)
    assert found[0] == found[1]
    assert [problem.path for problem in found[0]] == [f"outcomes/2021/{both}.yaml", f"outcomes/2022/{both}.yaml",
                                                      "targets/2021-2025/j0005.yaml"]


def test_a_side_with_a_broken_period_plan_is_not_compared_alike_in_workers(repository):
    """A settings change at the working tree (every plan compared) and a broken plan: the head's whole period is not compared."""
    with (repository / "planaudit.yaml").open("a", encoding="utf-8") as settings:
        settings.write("progress_band: 0.2\n".replace("progress_band", "# progress_band"))
    replace(repository / "targets" / "2021-2025" / "j0005.yaml", "targets:\n", "targets: [\n")
    try:
        here = compare_revisions(repository, "main", None, workers=1)
        pooled = compare_revisions(repository, "main", None, workers=2)
    finally:
        git(repository, "checkout", "--", ".")
    assert written(pooled, DIFF) == written(here, DIFF)
    slugs = sorted(f"j{index:04}" for index in range(JURISDICTIONS) if index != 1)
    assert here.progress == ()
    assert [item for item in here.not_compared if item.period] == [NotCompared(2021, slug, "head", False, "2021-2025")
                                                                    for slug in slugs]
