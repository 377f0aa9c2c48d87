"""read/entries: the entry a line of a data file is in, named by what identifies it, not by where it is."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planaudit.read.entries import Entries, entry_at, line_entries

REPOSITORY = Path(__file__).resolve().parents[2]
BUNDLED = sorted(path for folder in ("targets", "outcomes", "rules") for path in (REPOSITORY / folder).rglob("*.yaml"))

PLAN = """\
# a plan
jurisdiction: a
year: 2022
targets:
  - id: cases
    title: 受理300件以上
    metric: cases
    restated: [{quote: 再次, section: 二}]
  - {id: closed, metric: closed}
  -
    metric: rate
    scope: county
"""

REPORT = """\
figures:
- metric: cases
  value: 310
- metric: cases
  scope: county
  as_of: 2022-04-30
  value: 3
"""

RULES = """\
metrics:
  # counts
  cases:
    label: Cases
    unit: case
  "rate.closed":
    unit: percent
"""


@pytest.mark.parametrize(("line", "entry"), [
    (1, None), (2, "jurisdiction"), (4, "targets"), (5, "targets[id=cases]"), (6, "targets[id=cases]"),
    (8, "targets[id=cases]"), (9, "targets[id=closed]"), (10, "targets[metric=rate,scope=county]"),
    (12, "targets[metric=rate,scope=county]"), (14, None), (0, None),
])
def test_a_plan_s_lines(line, entry):
    assert entry_at(PLAN, line) == entry


@pytest.mark.parametrize(("line", "entry"), [
    (2, "figures[metric=cases]"), (3, "figures[metric=cases]"),
    (4, "figures[metric=cases,scope=county,as_of=2022-04-30]"), (7, "figures[metric=cases,scope=county,as_of=2022-04-30]"),
])
def test_a_report_s_figures_at_the_first_column(line, entry):
    assert entry_at(REPORT, line) == entry


@pytest.mark.parametrize(("line", "entry"), [(1, "metrics"), (2, "metrics"), (3, "metrics.cases"), (5, "metrics.cases"),
                                             (6, "metrics.rate.closed"), (7, "metrics.rate.closed")])
def test_a_rules_file_s_metrics_are_its_keys(line, entry):
    assert entry_at(RULES, line) == entry


def test_lines_added_above_keep_every_entry_s_name():
    shifted = "# one more comment\n\n" + PLAN
    assert [entry_at(shifted, line + 2) for line in range(1, 13)] == [entry_at(PLAN, line) for line in range(1, 13)]


def test_a_file_yaml_cannot_parse_still_has_entries():
    broken = "targets:\n  - id: cases\n    title: [oops\n  - id: closed\n"
    assert entry_at(broken, 3) == "targets[id=cases]"
    assert entry_at(broken, 4) == "targets[id=closed]"


def test_only_regular_files_inside_the_repository_are_read(tmp_path):
    root = tmp_path / "data"
    root.mkdir()
    (root / "plan.yaml").write_text(PLAN, encoding="utf-8")
    (tmp_path / "outside.yaml").write_text(PLAN, encoding="utf-8")
    (root / "link.yaml").symlink_to(tmp_path / "outside.yaml")
    entries = Entries(root)
    assert entries.entry("plan.yaml", 5) == "targets[id=cases]"
    assert entries.entry("../outside.yaml", 5) is None
    assert entries.entry("link.yaml", 5) is None
    assert entries.entry("missing.yaml", 5) is None


# Lines of the shapes entries are read from, and some that are not, for line_entries to agree on.
_LINES = st.sampled_from([
    "targets:", "figures:", "metrics:", "jurisdiction: a", '"quoted": 1', "'single':", "# comment", "", "  ", "- x",
    "  - id: a", "  - id: b", "  -", "  - metric: m", "    scope: s", "    as_of: 2022-04-30", "  - {id: c, metric: m}",
    "  - {metric: m, scope: t}", "- metric: m", "  value: 3", "  cases:", "    unit: case", '  "rate.x":', "    id: nested",
    "\t- id: tab", "  title: [oops", "key: value # note", "    - metric: deep", "? complex", "-: odd",
])


@settings(max_examples=300, deadline=None)
@given(st.lists(_LINES, max_size=25))
def test_every_line_named_at_once_as_each_is_named_alone(lines):
    text = "\n".join(lines)
    assert line_entries(text) == tuple(entry_at(text, line) for line in range(1, len(text.split("\n")) + 1))


@pytest.mark.parametrize("path", BUNDLED, ids=lambda path: path.relative_to(REPOSITORY).as_posix())
def test_every_line_of_the_bundled_files_named_at_once_as_alone(path):
    text = path.read_text(encoding="utf-8")
    assert line_entries(text) == tuple(entry_at(text, line) for line in range(1, text.count("\n") + 2))


def test_the_repository_s_entries_are_entry_at_s(tmp_path):
    (tmp_path / "plan.yaml").write_text(PLAN, encoding="utf-8")
    entries = Entries(tmp_path)
    assert [entries.entry("plan.yaml", line) for line in range(0, 16)] == [entry_at(PLAN, line) for line in range(0, 16)]
