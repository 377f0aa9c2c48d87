"""The registry of formats is the one place a format is declared: --format, -o and docs/output.md follow it."""

from __future__ import annotations

from pathlib import Path

import pytest

from planaudit.report import Reporter, by_suffix, formats, reporter_class, reporter_for_file

OUTPUT_PAGE = (Path(__file__).parent.parent.parent / "docs" / "output.md").read_text(encoding="utf-8")


def test_every_format_is_a_reporter_and_every_ending_chooses_its_format():
    for found in formats():
        assert issubclass(reporter_class(found.name), Reporter)
        for suffix in found.suffixes:
            assert reporter_for_file(Path(f"report{suffix.upper()}")) is reporter_class(found.name)
    assert set(by_suffix().values()) <= {found.name for found in formats()}
    assert reporter_for_file(Path("report.txt")) is None


def test_every_format_has_its_line_in_the_docs():
    for found in formats():
        endings = " ".join(f"`{suffix}`" for suffix in found.suffixes)
        assert f"| `{found.name}` | {endings} |".replace("|  |", "| |") in OUTPUT_PAGE, found.name


FORMAT_MODULE = '''
"""`--format tsv`: the verdicts as tab-separated lines (a format added at run time by a test)."""

from planaudit.report.base import Reporter


class TsvReporter(Reporter[str]):
    def piece(self, result):
        return "".join(f"{item.target.id}\\t{item.verdict.value}\\n" for item in result.results)

    def add(self, piece):
        self.out.write(piece)
'''


@pytest.mark.process  # dropped in before the command line is built
def test_a_new_format_is_one_module_and_its_line_in_the_registry(tmp_path):
    """Dropped in at run time, with no other change: offered by --format and chosen by -o's ending."""
    import os
    import subprocess
    import sys

    (tmp_path / "tsv_report.py").write_text(FORMAT_MODULE, encoding="utf-8")
    program = ("import sys, planaudit.report as report; report.__path__.append(sys.argv.pop(1)); "
               "report.register(report.Format('tsv', 'tsv_report', 'TsvReporter', ('.tsv',), for_programs=True)); "
               "from planaudit.cli import main; sys.argv[0] = 'planaudit'; main()")
    example = Path(__file__).parent.parent / "examples" / "basic"
    environment = {**os.environ, "LANG": "C.UTF-8"}

    def planaudit(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-c", program, str(tmp_path), *args, "--no-cache", "--data",
                               str(example)], capture_output=True, text=True, env=environment, timeout=60)

    printed = planaudit("check", "2022", "--format", "tsv")
    assert printed.returncode == 1 and "riverton\t" not in printed.stdout
    assert "litigation-loss\tmissed\n" in printed.stdout
    planaudit("check", "2022", "-o", str(tmp_path / "audit.tsv"))
    assert (tmp_path / "audit.tsv").read_text(encoding="utf-8") == printed.stdout


def test_one_table_serves_every_command_and_every_format_keeps_one_contract():
    from planaudit.report import CHECK, COMPARE, COVERAGE, DIFF, PROGRESS, TABLE, by_suffix, reporter_class
    from planaudit.report.base import BaseReporter, CoverageReporter, DiffReporter, ProgressReporter
    from planaudit.report.compare import CompareReporter

    assert {found.command for found in TABLE} == {CHECK, DIFF, COVERAGE, PROGRESS, COMPARE}
    expected = {CHECK: Reporter, DIFF: DiffReporter, COVERAGE: CoverageReporter, PROGRESS: ProgressReporter,
                COMPARE: CompareReporter}
    for found in TABLE:
        cls = reporter_class(found.name, found.command)
        assert issubclass(cls, expected[found.command]) and issubclass(cls, BaseReporter), found
        assert not cls.__abstractmethods__, found  # begin, jurisdiction, end: each one it has, written
    assert by_suffix(DIFF) == {".md": "markdown", ".json": "json", ".sarif": "sarif"}
    assert by_suffix(COVERAGE) == {".md": "markdown", ".json": "json"}
    assert by_suffix(PROGRESS) == {".md": "markdown", ".json": "json", ".csv": "csv", ".xml": "junit", ".xlsx": "xlsx"}
    assert by_suffix(COMPARE) == {".md": "markdown", ".json": "json", ".csv": "csv", ".xlsx": "xlsx"}
