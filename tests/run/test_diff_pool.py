"""run/diff in worker processes: a rules change judges every jurisdiction of both revisions in the pool,
and the diff it writes is, byte for byte in every format, the diff judged in this process alone."""

from __future__ import annotations

import gc
import io
import re

import pytest

from git_support import commit_all, new_repository
from planaudit.model.changes import NotCompared
from planaudit.report import DIFF, TABLE, reporter_class
from planaudit.run import diff, runner
from planaudit.run.diff import compare_revisions
from planaudit.run.pool import PARALLEL_FROM, can_fork
from planaudit.run.wire import JudgedWire
from support import generate
from support import replace_once as replace

JURISDICTIONS = PARALLEL_FROM  # the fewest the pool is started for
NEAR_TARGET = "expr: abs(actual - value) <= 2"  # bench/generate.py's custom rule


@pytest.fixture(scope="module")
def repository(tmp_path_factory):
    """bench/generate.py's repository, committed; then a commit that loosens its custom rule (verdicts
    change), renames a metric, edits a figure of one report and breaks another jurisdiction's plan."""
    root = generate(tmp_path_factory.mktemp("pool") / "data", JURISDICTIONS)
    new_repository(root)
    commit_all(root, "generated")
    replace(root / "rules" / "metrics.yaml", NEAR_TARGET, NEAR_TARGET.replace("<= 2", "<= 10"))
    replace(root / "rules" / "metrics.yaml", "en: Count count_00}", "en: Cases of count_00}")
    report = sorted((root / "outcomes" / "2022").glob("*.yaml"))[0]
    text = report.read_text(encoding="utf-8")
    figure = re.search(r"value: (\d+)\n(?:    .*\n)*?    quote: .*?(\d+)\n", text)  # a number, and its quote's
    assert figure is not None and figure[1] == figure[2]
    changed = str(int(figure[1]) + 1)
    report.write_text(text[:figure.start(1)] + changed + text[figure.end(1):figure.start(2)] + changed
                      + text[figure.end(2):], encoding="utf-8")
    replace(root / "targets" / "2022" / "j0002.yaml", "targets:\n", "targets: [\n")
    commit_all(root, "rules")
    return root


def written(result) -> dict[str, str]:
    """The diff in every format of `diff`."""
    found = {}
    for item in TABLE:
        if item.command == DIFF:
            out = io.StringIO()
            reporter_class(item.name, DIFF)("en").write(result, out)
            found[item.name] = out.getvalue()
    return found


@pytest.mark.skipif(not can_fork(), reason="the pool needs fork")
def test_a_rules_change_judged_in_workers_is_the_diff_judged_here(repository, monkeypatch):
    crossed = []
    loads = JudgedWire.loads
    monkeypatch.setattr(JudgedWire, "loads", lambda wire, data: crossed.append(len(data)) or loads(wire, data))
    here = compare_revisions(repository, "main~1", "main", workers=1)
    assert crossed == []  # judged in this process, nothing pickled
    pooled = compare_revisions(repository, "main~1", "main", workers=2)
    assert len(crossed) == JURISDICTIONS  # each jurisdiction judged at both sides and compared in a worker
    assert written(pooled) == written(here)
    assert "better" in {item.change.value for item in here.targets}  # the custom rule, loosened, meets more
    assert [(item.year, item.jurisdiction) for item in here.figures] == [(2022, "j0000")]
    assert here.not_compared == (NotCompared(2022, "j0002", "head"),)


def test_what_a_worker_judged_crosses_whole_with_the_audit_s_own_rules_and_metrics(repository):
    audit = runner.prepare(repository, 2022)
    wire = JudgedWire((audit.rules, audit.catalogue.metrics))
    for jurisdiction in audit.jurisdictions:
        reads = runner.read_items(audit, jurisdiction)
        problems, result = runner.judge_reads(audit, jurisdiction, reads)
        pickled = wire.dumps((reads, problems, result))
        assert b"planaudit.judge.rules" not in pickled and b"abs(actual" not in pickled  # rules by their ids alone
        back = wire.loads(pickled)
        assert back == (reads, problems, result)
        if result is not None:  # j0002's plan is broken at the head: its problems cross, and no verdicts
            for item in back[2].results:
                assert item.rule is audit.rules[item.rule.id] and item.metric is audit.catalogue.metrics[item.metric.id]


def test_this_process_collects_its_garbage_while_it_judges_and_not_while_it_holds_the_sides(repository, monkeypatch):
    """Judging makes cyclic garbage; the results held while the sides are compared make none."""
    seen: dict[str, set[bool]] = {"judging": set(), "comparing": set()}
    judge_reads, compare_targets = runner.judge_reads, diff.compare_targets
    monkeypatch.setattr(diff.runner, "judge_reads", lambda *args: seen["judging"].add(gc.isenabled()) or judge_reads(*args))
    monkeypatch.setattr(diff, "compare_targets", lambda *args: seen["comparing"].add(gc.isenabled()) or compare_targets(*args))
    compare_revisions(repository, "main~1", "main", workers=1)
    assert seen == {"judging": {True}, "comparing": {False}}
    assert gc.isenabled()
