"""At many jurisdictions every report made for GitHub stays within GitHub's limits: the diff's
Markdown comment within 65,536 characters, a step's summary within 1 MiB, at most ten annotations
of a level then one that counts the rest; the full reports are the files written with -o.

CI runs it at 200 jurisdictions — past each limit, within .ci/run's time — and
PLANAUDIT_LIMITS_JURISDICTIONS=3200 runs it at a national repository's size."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from git_support import GIT_ENVIRONMENT, commit_all, new_repository
from support import generate

JURISDICTIONS = int(os.environ.get("PLANAUDIT_LIMITS_JURISDICTIONS", "200"))


def planaudit(root, *args, summary=None):
    environment = {**os.environ, **GIT_ENVIRONMENT, "LANG": "C.UTF-8", "PLANAUDIT_CACHE_DIR": str(root.parent / "cache")}
    environment.pop("GITHUB_STEP_SUMMARY", None)
    if summary is not None:
        environment["GITHUB_STEP_SUMMARY"] = str(summary)
    return subprocess.run([sys.executable, "-m", "planaudit", *args, "--data", str(root)], env=environment,
                          capture_output=True, text=True, check=False)


@pytest.mark.long  # a large repository judged three times over: CI runs it (pytest -m long)
def test_a_national_repository_s_reports_for_github_stay_within_github_s_limits(tmp_path):
    root = tmp_path / "data"
    new_repository(root)
    generate(root, JURISDICTIONS, seed=1)
    commit_all(root, "a national repository")

    summary = tmp_path / "check-summary.md"
    done = planaudit(root, "check", "2022", "--format", "github", "--fail-on", "never", "-o", str(tmp_path / "audit.md"),
                     summary=summary)
    assert done.returncode == 0, done.stderr
    assert len(summary.read_bytes()) <= 1 << 20 < len((tmp_path / "audit.md").read_bytes())
    assert summary.read_text(encoding="utf-8").splitlines()[-1].endswith("see the artifact (written with -o)*")

    metrics = root / "rules" / "metrics.yaml"
    text = metrics.read_text(encoding="utf-8")
    first_rate = text.index("    unit: percent")
    metrics.write_text(text[:first_rate] + "    unit: ratio" + text[first_rate + len("    unit: percent"):], encoding="utf-8")
    commit_all(root, "a rate made a ratio")  # every value written on it now reads 100 times apart

    summary = tmp_path / "diff-summary.md"
    done = planaudit(root, "diff", "HEAD~1", "HEAD", "--format", "github", "--fail-on", "redefined,new-problems",
                     "-o", str(tmp_path / "diff.md"), summary=summary)
    assert done.returncode == 1, done.stderr
    annotations = [line for line in done.stdout.splitlines() if line.startswith(("::error", "::warning", "::notice"))]
    for level in ("error", "warning", "notice"):
        assert sum(line.startswith(f"::{level} ") for line in annotations) <= 11
    assert annotations[0].startswith("::error file=rules/metrics.yaml,")  # the rate made a ratio, first
    comment = summary.read_text(encoding="utf-8")
    full = (tmp_path / "diff.md").read_text(encoding="utf-8")
    assert len(comment) <= 65_536 < len(full)
    assert comment.splitlines()[0] == full.splitlines()[0]  # the summary line counts everything
    assert comment.splitlines()[-1].endswith("see the artifact (written with -o)*")
