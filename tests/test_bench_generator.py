"""The benchmark's synthetic national repository is valid data with a realistic mix of verdicts."""

from collections import Counter

from planaudit import api
from planaudit.model.problems import Code
from planaudit.run.progress import progress
from support import generate


def test_generated_repository_is_valid_and_mixed(tmp_path):
    generate(tmp_path, 12, seed=3)
    # Every figure of a generated report is there to be judged or to be derived from, save a few
    # that, as in real reports, no target asks for; a plan makes each of its commitments once.
    assert {problem.code for problem in api.validate(tmp_path)} <= {Code.UNUSED_FIGURE}
    result = api.audit(tmp_path, 2022)
    assert len(result.results) == 12 * 50
    reasons = Counter(item.reason.value for item in result.results)
    assert {"stated", "derived", "not_reported", "imprecise"} <= set(reasons)
    assert reasons["stated"] + reasons["derived"] > len(result.results) // 3
    assert result.inconsistencies  # stated rates that disagree with their counts


def test_its_period_plans_are_valid_and_followed_without_changing_the_rest(tmp_path):
    with_plans, without = generate(tmp_path / "with", 6, seed=3, period_plans=True), generate(tmp_path / "without", 6, seed=3)
    assert {problem.code for problem in api.validate(with_plans)} <= {Code.UNUSED_FIGURE}
    same = [path.relative_to(without) for path in sorted(without.rglob("*.yaml"))]
    assert all((with_plans / path).read_bytes() == (without / path).read_bytes() for path in same)
    targets = progress(with_plans, 2021, 2025).result.targets
    statuses = Counter(year.status.value for item in targets for year in item.years)
    assert len(targets) == 6 * 20
    assert {"held", "breached"} <= set(statuses) and len(statuses) >= 4  # levels on their path, rates held or not
