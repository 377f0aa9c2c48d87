"""The benchmark's synthetic national repository is valid data with a realistic mix of verdicts."""

import subprocess
import sys
from collections import Counter
from pathlib import Path

from planaudit import api
from planaudit.model.problems import Code

GENERATOR = Path(__file__).parent.parent / "bench" / "generate.py"


def test_generated_repository_is_valid_and_mixed(tmp_path):
    subprocess.run([sys.executable, str(GENERATOR), str(tmp_path), "--jurisdictions", "12", "--seed", "3"], check=True)
    # Every figure of a generated report is there to be judged or to be derived from, save a few
    # that, as in real reports, no target asks for.
    assert {problem.code for problem in api.validate(tmp_path)} <= {Code.UNUSED_FIGURE}
    result = api.audit(tmp_path, 2022, cache=False)
    assert len(result.results) == 12 * 50
    reasons = Counter(item.reason.value for item in result.results)
    assert {"stated", "derived", "not_reported", "imprecise"} <= set(reasons)
    assert reasons["stated"] + reasons["derived"] > len(result.results) // 3
    assert result.inconsistencies  # stated rates that disagree with their counts
