"""The registry of formats is the one place a format is declared: --format, -o and the README follow it."""

from __future__ import annotations

from pathlib import Path

from planaudit.report import BY_SUFFIX, FORMATS, REPORTERS, Reporter, reporter_for_file

README = (Path(__file__).parent.parent.parent / "README.md").read_text(encoding="utf-8")


def test_every_format_is_a_reporter_and_every_ending_chooses_its_format():
    for found in FORMATS:
        assert issubclass(REPORTERS[found.name], Reporter)
        for suffix in found.suffixes:
            assert reporter_for_file(Path(f"report{suffix.upper()}")) is REPORTERS[found.name]
    assert set(BY_SUFFIX.values()) <= set(REPORTERS)
    assert reporter_for_file(Path("report.txt")) is None


def test_every_format_has_its_line_in_the_readme():
    for found in FORMATS:
        endings = " ".join(f"`{suffix}`" for suffix in found.suffixes)
        assert f"| `{found.name}` | {endings} |".replace("|  |", "| |") in README, found.name
