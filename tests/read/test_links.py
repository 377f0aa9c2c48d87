"""read/layout: a symbolic link inside the data repository — a data, rules or settings file that is
one, or a folder on its path that is one — is refused as one that leaves it is, and never read."""

from __future__ import annotations

import shutil

import pytest

from acceptance_support import planaudit
from planaudit import api
from planaudit.errors import InvalidData

LINKED = ("the file is a symbolic link, or a folder on its path in the data repository is one; links are not followed, "
          "and it is not read")


def errors(problems) -> list[tuple[str, int, int, str, str]]:
    return [(problem.path, problem.line, problem.col, problem.code.value, problem.message)
            for problem in problems if problem.is_error]


def test_a_folder_linked_inside_the_repository_refuses_every_file_below_it(repository):
    (repository / "archive").mkdir()
    shutil.move(repository / "outcomes" / "2022", repository / "archive" / "2022")
    (repository / "outcomes" / "2022").symlink_to("../archive/2022")
    assert errors(api.validate(repository)) == [("outcomes/2022/riverton.yaml", 1, 1, "symbolic-link", LINKED)]


def test_linked_settings_and_rules_are_refused_and_nothing_is_judged(repository):
    (repository / "config").mkdir()
    (repository / "config" / "planaudit.yaml").write_text("fail_on: never\n", encoding="utf-8")
    (repository / "planaudit.yaml").symlink_to("config/planaudit.yaml")
    shutil.move(repository / "rules" / "metrics.yaml", repository / "config" / "metrics.yaml")
    (repository / "rules" / "metrics.yaml").symlink_to("../config/metrics.yaml")
    with pytest.raises(InvalidData) as raised:
        api.audit(repository, 2022)
    assert [item for item in errors(raised.value.problems) if item[3] == "symbolic-link"] == [
        ("planaudit.yaml", 1, 1, "symbolic-link", LINKED), ("rules/metrics.yaml", 1, 1, "symbolic-link", LINKED)]
    assert api.settings(repository).fail_on is None  # its words were never read


def test_check_refuses_a_linked_plan_and_exits_2(repository):
    plan = repository / "targets" / "2022" / "riverton.yaml"
    shutil.move(plan, repository / "plan.yaml")
    plan.symlink_to("../../plan.yaml")
    done = planaudit("check", "2022", "--lang", "en", "--data", str(repository), data=None)
    assert done.returncode == 2
    assert f"targets/2022/riverton.yaml:1:1: symbolic-link {LINKED}" in done.stderr.splitlines()
