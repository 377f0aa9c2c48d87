"""The benchmark's synthetic national repository is valid data with a realistic mix of verdicts."""

from collections import Counter

from planaudit import api
from planaudit.model.problems import Code
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
