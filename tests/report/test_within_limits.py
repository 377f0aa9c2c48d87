"""Reports within GitHub's limits: a diff's Markdown comment (65,536 characters) and a check's step
summary (1 MiB) cut to their limit, the most important first, then how much more the full report has."""

from __future__ import annotations

import io
import re

from planaudit.judge.compare import compare_targets
from planaudit.model.changes import DiffResult
from planaudit.report import DIFF, reporter_class
from planaudit.report.base import Limit
from support import COUNT_METRICS, JURISDICTION, RepoBuilder


def audit(root, targets: list[tuple[str, int]], cases: int = 310):
    builder = RepoBuilder(root).rules(COUNT_METRICS)
    builder.targets("\n".join(f"- {{id: {name}, title: 受理{value}件以上, metric: cases, rule: at_least, value: {value}, "
                              f"quote: 受理{value}件以上}}" for name, value in targets))
    builder.outcomes(f"- {{metric: cases, value: {cases}, quote: 受理{cases}件}}")
    return builder.audit()


def many_changes(tmp_path) -> DiffResult:
    """60 targets removed, 60 worse (met → missed), 60 added."""
    before = audit(tmp_path / "base", [(f"gone-{n}", 300) for n in range(60)] + [(f"worse-{n}", 300) for n in range(60)])
    after = audit(tmp_path / "head", [(f"worse-{n}", 300) for n in range(60)] + [(f"new-{n}", 200) for n in range(60)], 290)
    return DiffResult("main", "working tree", tuple(compare_targets(2022, JURISDICTION, before, after)), (), ())


def markdown(result: DiffResult, limit: Limit | None) -> str:
    out = io.StringIO()
    reporter_class("markdown", DIFF)("en", limit=limit).write(result, out)
    return out.getvalue()


def rows(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.startswith("| ") and not line.startswith("| Change")]


def test_a_comment_past_its_limit_keeps_the_most_important_rows_and_counts_the_rest(tmp_path):
    result = many_changes(tmp_path)
    whole = markdown(result, None)
    assert len(whole) > 20_000 and len(rows(whole)) == 180 and "<details>" in whole
    cut = markdown(result, Limit(20_000))
    assert len(cut) <= 20_000
    assert cut.splitlines()[0] == whole.splitlines()[0]  # the summary counts everything
    shown = rows(cut)
    words = [row.split(" | ")[0].rstrip() for row in shown]
    assert 60 < len(words) < 180
    assert words == ["| **removed**"] * 60 + ["| **worse**"] * min(60, len(words) - 60) + ["| added"] * (len(words) - 120)
    assert "<details>" not in cut
    (count,) = re.fullmatch(r"\*(\d+) more rows, and the evidence before and after, are in the full report — see the "
                            r"artifact \(written with -o\)\*", cut.splitlines()[-1]).groups()
    assert int(count) == 180 - len(shown)


def test_a_comment_within_its_limit_is_the_whole_report(tmp_path):
    result = many_changes(tmp_path)
    assert markdown(result, Limit(1_000_000)) == markdown(result, None)


def test_the_limit_of_a_step_summary_counts_bytes(tmp_path):
    result = many_changes(tmp_path)
    cut = markdown(result, Limit(20_000, in_bytes=True))
    assert len(cut.encode()) <= 20_000 < len(markdown(result, Limit(20_000)).encode())


def test_a_check_s_markdown_past_its_limit_ends_saying_how_much_more_the_full_audit_has(tmp_path):
    builder = RepoBuilder(tmp_path).rules(COUNT_METRICS)
    for n in range(40):
        builder.targets("\n".join(f"- {{id: t{k}, title: 受理{k}件以上, metric: share, rule: at_least, value: 1, quote: q}}"
                                  for k in range(20)), jurisdiction=f"j{n:02}")
    result = builder.audit()
    reporter = reporter_class("markdown")
    whole = reporter("en").render(result)
    cut = reporter("en", limit=Limit(30_000, in_bytes=True)).render(result)
    assert len(whole.encode()) > 30_000 >= len(cut.encode())
    assert cut.startswith(whole[:whole.index("## j00")])  # the summary of the whole audit
    sections = re.findall(r"^## (j\d\d) \(", cut, re.MULTILINE)
    assert sections == [f"j{n:02}" for n in range(len(sections))] and 0 < len(sections) < 40
    assert re.fullmatch(r"\*\d+ more sections and rows are in the full audit — see the artifact \(written with -o\)\*",
                        cut.splitlines()[-1])


def test_on_standard_output_the_diff_s_markdown_is_cut_to_a_comment_and_its_file_is_whole(tmp_path, monkeypatch):
    from typer.testing import CliRunner

    from git_support import commit_all, new_repository
    from planaudit.cli.app import app
    from planaudit.report import base

    root = tmp_path / "data"
    new_repository(root)
    RepoBuilder(root).rules(COUNT_METRICS).targets("\n".join(
        f"- {{id: t{n}, title: 受理300件以上, metric: cases, rule: at_least, value: 300, quote: 受理300件以上}}"
        for n in range(80))).outcomes("- {metric: cases, value: 310, quote: 受理310件}")
    commit_all(root, "first")
    RepoBuilder(root).outcomes("- {metric: cases, value: 290, quote: 受理290件}")  # 80 verdicts worse
    monkeypatch.setattr(base, "COMMENT", Limit(3_000))
    summary = tmp_path / "summary.md"
    summary.write_text("earlier step\n", encoding="utf-8")
    done = CliRunner().invoke(app, ["diff", "main", "--format", "markdown", "-o", str(tmp_path / "full.md"),
                                    "--data", str(root)], env={"LANG": "C.UTF-8"})
    assert done.exit_code == 0
    assert len(done.stdout) <= 3_000 and done.stdout.splitlines()[-1].startswith("*")
    full = (tmp_path / "full.md").read_text(encoding="utf-8")
    assert len(rows(full)) == 80 and "<details>" in full
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    done = CliRunner().invoke(app, ["diff", "main", "--format", "github", "--data", str(root)], env={"LANG": "C.UTF-8"})
    assert summary.read_text(encoding="utf-8").startswith("earlier step\n**planaudit diff**")
    assert len(summary.read_text(encoding="utf-8")) <= 3_000 + len("earlier step\n")


def test_a_check_s_step_summary_takes_only_the_room_its_step_has_left(tmp_path, monkeypatch):
    from typer.testing import CliRunner

    from planaudit.cli.app import app
    from planaudit.report import base

    builder = RepoBuilder(tmp_path / "data").rules(COUNT_METRICS)
    for n in range(40):
        builder.targets("\n".join(f"- {{id: t{k}, title: 受理{k}件以上, metric: share, rule: at_least, value: 1, quote: q}}"
                                  for k in range(20)), jurisdiction=f"j{n:02}")
    summary = tmp_path / "summary.md"
    summary.write_bytes(b"x" * 10_000)
    monkeypatch.setattr(base, "STEP_SUMMARY", Limit(40_000, in_bytes=True))
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    done = CliRunner().invoke(app, ["check", "2022", "--format", "github", "--fail-on", "never", "--data",
                                    str(builder.root)], env={"LANG": "C.UTF-8"})
    assert done.exit_code == 0
    written = summary.read_bytes()
    assert 30_000 < len(written) <= 40_000
    assert written.decode().splitlines()[-1].endswith("see the artifact (written with -o)*")


def test_a_step_summary_with_almost_no_room_left_is_never_overfilled(tmp_path):
    builder = RepoBuilder(tmp_path).rules(COUNT_METRICS).targets(
        "- {id: t, title: 受理1件以上, metric: share, rule: at_least, value: 1, quote: q}")
    result = builder.audit()
    for room in (0, 50, 300, 900):
        cut = reporter_class("markdown")("en", limit=Limit(room, in_bytes=True)).render(result)
        assert len(cut.encode()) <= room
    assert reporter_class("markdown")("en", limit=Limit(300, in_bytes=True)).render(result).strip().startswith("*")
