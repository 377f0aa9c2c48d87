"""The size cap: a file larger than planaudit.yaml's max_file_size (10 MB unless it says) is a problem,
found before it is read — by validate, check and diff alike — and a file at the cap is read."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from git_support import commit_all, new_repository
from planaudit import api
from planaudit.errors import InvalidData
from planaudit.model.problems import Code, Problem
from planaudit.read import layout, load
from planaudit.run.diff import compare_revisions
from support import CASES_TARGET, COUNT_METRICS, RepoBuilder

REPORT = "outcomes/2022/a.yaml"


def too_large(limit: int) -> str:
    return f"the file has more than {limit} bytes (max_file_size in planaudit.yaml); it is not read"


def report_of(size: int) -> bytes:
    """A report of jurisdiction a (310 cases) of exactly ``size`` bytes, made up with a comment."""
    text = b"jurisdiction: a\nyear: 2022\nfigures:\n  - {metric: cases, value: 310, quote: \xe5\x8f\x97\xe7\x90\x86310}\n#"
    return text + b"x" * (size - len(text) - 1) + b"\n"


def repository(root: Path, report_size: int, settings: str | None = "max_file_size: 2KB\n") -> Path:
    builder = RepoBuilder(root).rules(COUNT_METRICS).targets(CASES_TARGET, jurisdiction="a")
    if settings is not None:
        builder.write("planaudit.yaml", settings)
    (root / REPORT).parent.mkdir(parents=True, exist_ok=True)
    (root / REPORT).write_bytes(report_of(report_size))
    return root


def errors(problems) -> list[tuple[str, int, int, str, str]]:
    return [(problem.path, problem.line, problem.col, problem.code.value, problem.message)
            for problem in problems if problem.is_error]


def test_a_file_at_the_cap_is_read_and_one_byte_more_is_refused(tmp_path):
    root = repository(tmp_path, 2048)
    assert api.validate(root) == []
    assert [result.verdict.value for result in api.audit(root, 2022).results] == ["met"]
    (root / REPORT).write_bytes(report_of(2049))
    assert errors(api.validate(root)) == [(REPORT, 1, 1, "file-too-large", too_large(2048))]


def test_check_holds_to_the_cap_that_planaudit_yaml_sets(tmp_path):
    root = repository(tmp_path, 2049)
    with pytest.raises(InvalidData) as raised:
        api.audit(root, 2022)
    assert errors(raised.value.problems) == [(REPORT, 1, 1, "file-too-large", too_large(2048))]
    (root / "planaudit.yaml").write_text("max_file_size: 4096\n", encoding="utf-8")
    assert [result.verdict.value for result in api.audit(root, 2022).results] == ["met"]


def test_a_rules_file_is_held_to_the_cap_too(tmp_path):
    root = repository(tmp_path, 100, settings="max_file_size: 300\n")  # the rules file has 377 bytes
    assert [(path, code) for path, _, _, code, _ in errors(api.validate(root))] == [
        ("rules/", "unknown-metric"), ("rules/metrics.yaml", "file-too-large")]


def test_diff_holds_each_side_to_its_own_cap(tmp_path):
    root = repository(tmp_path / "data", 2048)
    new_repository(root)
    commit_all(root, "at the cap")
    (root / REPORT).write_bytes(report_of(2049))
    result = compare_revisions(root, "main", None)
    assert errors(result.problems) == [(REPORT, 1, 1, "file-too-large", too_large(2048))]
    assert [(item.year, item.side) for item in result.not_compared] == [(2022, "head")]


def test_without_planaudit_yaml_the_cap_is_10_mb(tmp_path):
    root = repository(tmp_path, 100, settings=None)
    with open(root / REPORT, "r+b") as report:
        report.truncate(10 * 1024 * 1024 + 1)  # holes: nothing of it is ever read
    assert errors(api.validate(root)) == [(REPORT, 1, 1, "file-too-large", too_large(10 * 1024 * 1024))]


@pytest.mark.parametrize(("text", "size"), [("20MB", 20 * 1024 * 1024), ("512KB", 512 * 1024), ("1GB", 1024 ** 3),
                                            ("1000", 1000), (None, None)])
def test_max_file_size_is_a_number_of_bytes_or_a_size_in_kb_mb_or_gb(text, size):
    assert load.file_size(text) == size


def test_a_size_the_schema_does_not_know_is_a_problem(tmp_path):
    root = repository(tmp_path, 100, settings="max_file_size: 20 megabytes\n")
    assert errors(api.validate(root)) == [
        ("planaudit.yaml", 1, 16, "schema",
         "'max_file_size' must be a size such as 20MB, 512KB or 1GB, or a number of bytes, not '20 megabytes'")]


def test_a_file_that_grows_while_it_is_read_is_held_to_the_cap():
    assert layout.read_at_most(io.BytesIO(b"x" * 900), 1000, 10) == b"x" * 900  # grew, and is still under it
    assert layout.read_at_most(io.BytesIO(b"x" * 1000), 1000, 1000) == b"x" * 1000
    with pytest.raises(layout.Unreadable) as raised:
        layout.read_at_most(io.BytesIO(b"x" * 1001), 1000, 10)
    assert (raised.value.code, raised.value.message) == ("file-too-large", too_large(1000))


PEAK = """
import sys
from planaudit import api
api.validate(sys.argv[1])
with open("/proc/self/status") as status:  # not getrusage: its peak counts the parent's memory before exec
    print(next(line.split()[1] for line in status if line.startswith("VmHWM:")))
"""


def peak_memory_of_validate(root: Path) -> int:
    """The most memory (kB) a process that validates ``root`` ever held."""
    done = subprocess.run([sys.executable, "-c", PEAK, str(root)], capture_output=True, text=True, check=True,
                          timeout=300, env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)})
    return int(done.stdout.split()[-1])


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="a process's peak memory is read from /proc")
@pytest.mark.long  # a scale run: CI runs it (pytest -m long)
@pytest.mark.process  # a fresh process's peak memory
def test_a_report_over_the_cap_costs_no_memory(tmp_path):
    root = repository(tmp_path / "data", 100, settings=None)
    baseline = peak_memory_of_validate(root)
    figure = "  - {metric: cases, value: 310, quote: 受理310件}\n".encode()
    (root / REPORT).write_bytes(report_of(100) + figure * (12 * 1024 * 1024 // len(figure)))  # 12 MB of figures
    assert peak_memory_of_validate(root) < 1.5 * baseline


def test_the_cap_reads_in_chinese():
    problem = Problem(REPORT, 1, 1, Code.FILE_TOO_LARGE, said=layout.too_large(2048).said)
    assert problem.text("zh") == f"{REPORT}:1:1: file-too-large 文件超过2048字节（planaudit.yaml 的 max_file_size），未读取"
