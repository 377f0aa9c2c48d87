"""action.yml, the GitHub Action: its steps run as a runner would run them — bash, each step's
environment, GITHUB_OUTPUT, GITHUB_STEP_SUMMARY, RUNNER_TEMP — in temporary git repositories made
from `planaudit init`, one for each kind of pull request a data repository gets; and the action and
the workflows of docs/ci.md hold to GitHub's published schemas (SchemaStore's, as check-jsonschema
ships them); constraints.txt pins every runtime dependency."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

import acceptance_support
from git_support import GIT_ENVIRONMENT, add_a_met_target, commit_all, git, lower_the_closed_count, new_repository
from planaudit.scaffold import create_repository

ROOT = Path(__file__).parent.parent
ACTION = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
EXPRESSION = re.compile(r"\$\{\{\s*(.*?)\s*\}\}")
SETUP = ("Locate pip's cache", "Install planaudit")  # what the tests' own environment already is
VALIDATE, DIFF, CHECK, FAIL = ("Validate the data repository", "Compare with the pull request's base",
                               "Check the year's targets", "Fail when the comparison failed")
PASSED = [(VALIDATE, 0), (DIFF, 0), (CHECK, 0)]  # a pull request's run that passes


class Runner:
    """The action's steps run one after another, as GitHub runs a composite action's: a step whose
    `if` is false is skipped, and the first that fails ends the run. Steps that use another action
    (the cache) are left out, as are SETUP's."""

    def __init__(self, workspace: Path, tmp_path: Path, inputs: dict[str, str], event_base: str = "",
                 merge_group_base: str = "") -> None:
        self.workspace = workspace
        self.context = {"github.event.pull_request.base.sha": event_base,
                        "github.event.merge_group.base_sha": merge_group_base, "runner.os": "Linux"}
        self.inputs = {name: self.evaluate(spec.get("default", "")) for name, spec in ACTION["inputs"].items()}
        self.inputs.update(inputs)
        self.outputs: dict[str, dict[str, str]] = {}
        self.summary = tmp_path / "step_summary.md"
        self.summary.write_text("", encoding="utf-8")
        self.temp = tmp_path / "runner_temp"
        self.temp.mkdir()
        self.ran: list[tuple[str, int]] = []  # (step name, exit status)
        self.logs: dict[str, str] = {}

    def value(self, name: str) -> str:
        if name.startswith("inputs."):
            return self.inputs[name.removeprefix("inputs.")]
        if name.startswith("steps."):
            step, _, output = name.removeprefix("steps.").split(".", 2)
            return self.outputs.get(step, {}).get(output, "")
        return self.context[name]

    def expression(self, text: str) -> str:
        """``a || b``: the first that is not empty (the only operator the action's values use)."""
        values = [self.value(part.strip()) for part in text.split("||")]
        return next((value for value in values if value), "")

    def evaluate(self, text: str) -> str:
        """``${{ … }}`` replaced by its value (inputs, steps' outputs, the event)."""
        return EXPRESSION.sub(lambda found: self.expression(found[1]), str(text))

    def condition(self, text: str) -> bool:
        """An `if` of the forms the action uses: ``name != 'x'`` or ``name == 'x'`` joined by ``&&``."""
        (inner,) = EXPRESSION.fullmatch(text.strip()).groups()  # type: ignore[union-attr]
        parts = [re.fullmatch(r"([\w.-]+) ([!=]=) '([^']*)'", part.strip()) for part in inner.split("&&")]
        assert all(parts), f"the test does not understand the condition {text!r}"
        return all((self.value(part[1]) == part[3]) == (part[2] == "==") for part in parts)  # type: ignore[index]

    def run(self, skip: tuple[str, ...] = SETUP) -> None:
        for step in ACTION["runs"]["steps"]:
            if "uses" in step or step["name"] in skip or ("if" in step and not self.condition(step["if"])):
                continue
            output = self.temp / f"output-{len(self.ran)}"
            output.write_text("", encoding="utf-8")
            environment = {**os.environ, **GIT_ENVIRONMENT, "GITHUB_ACTIONS": "true", "GITHUB_OUTPUT": str(output),
                           "GITHUB_STEP_SUMMARY": str(self.summary), "RUNNER_TEMP": str(self.temp),
                           "GITHUB_ACTION_PATH": str(ROOT), "GITHUB_WORKSPACE": str(self.workspace),
                           "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}", "LANG": "C.UTF-8",
                           **{name: self.evaluate(value) for name, value in step.get("env", {}).items()}}
            environment.pop("GITHUB_BASE_REF", None)
            done = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", step["run"]],
                                  cwd=self.workspace, env=environment, capture_output=True, text=True, timeout=120)
            self.ran.append((step["name"], done.returncode))
            self.logs[step["name"]] = done.stdout + done.stderr
            if "id" in step:
                self.outputs[step["id"]] = read_outputs(output)
            if done.returncode != 0:
                return

    def output(self, name: str) -> str:
        return self.evaluate(ACTION["outputs"][name]["value"])

    def first_annotation(self, step: str = DIFF) -> str | None:
        return next((line for line in self.logs[step].splitlines() if re.match(r"::(error|warning|notice) ", line)), None)


def read_outputs(path: Path) -> dict[str, str]:
    """GITHUB_OUTPUT's `name=value` lines and `name<<DELIMITER` blocks."""
    lines = path.read_text(encoding="utf-8").splitlines()
    found: dict[str, str] = {}
    index = 0
    while index < len(lines):
        line = lines[index]
        if "<<" in line and ("=" not in line or line.index("<<") < line.index("=")):
            name, delimiter = line.split("<<", 1)
            end = lines.index(delimiter, index + 1)
            found[name] = "\n".join(lines[index + 1:end]) + "\n"
            index = end + 1
        else:
            name, _, value = line.partition("=")
            found[name] = value
            index += 1
    return found


def folder(tmp_path: Path, name: str) -> Path:
    """A folder of its own for one more run in a test (its summary and RUNNER_TEMP)."""
    (tmp_path / name).mkdir()
    return tmp_path / name


def worked_example(root: Path) -> None:
    """A git repository on main holding `planaudit init`'s worked example (one plan, one report of 2022)."""
    new_repository(root)
    create_repository(root)


def planaudit(root: Path, *args: str) -> str:
    today = {"SOURCE_DATE_EPOCH": None}  # dated as the action's steps date it
    return acceptance_support.planaudit(*args, "--data", str(root), data=None, env={**GIT_ENVIRONMENT, **today}).stdout


# The kinds of pull request a data repository gets, each an edit of the worked example; those that
# need a base of their own first edit main (rule: more_than, to be loosened).
PLAN, REPORT, METRICS = "targets/2022/example.yaml", "outcomes/2022/example.yaml", "rules/metrics.yaml"

PLAN_2023_WITH_A_TYPO = """\
jurisdiction: example
name: 示例市
year: 2023
document: {title: 2023年司法行政工作要点（示例）, issuer: 示例市司法局}
targets:
  - id: cases-filed
    title: 受理医患纠纷300件以上
    metric: medical_dispute.cases_filed
    rul: at_least
    value: 300
    quote: 受理医患纠纷300件以上
"""


def edit(root: Path, path: str, old: str, new: str) -> None:
    file = root / path
    text = file.read_text(encoding="utf-8")
    assert old in text, (path, old)
    file.write_text(text.replace(old, new, 1), encoding="utf-8")


def add_a_plan_with_a_typo(root: Path) -> None:
    (root / "targets" / "2023").mkdir()
    (root / "targets" / "2023" / "example.yaml").write_text(PLAN_2023_WITH_A_TYPO, encoding="utf-8")


def rename_the_jurisdiction(root: Path) -> None:
    for path in (PLAN, REPORT):
        git(root, "mv", path, path.replace("example.yaml", "sample.yaml"))
        edit(root, path.replace("example.yaml", "sample.yaml"), "jurisdiction: example", "jurisdiction: sample")


def move_the_plan_to_2023(root: Path) -> None:
    (root / "targets" / "2023").mkdir()
    git(root, "mv", PLAN, "targets/2023/example.yaml")
    edit(root, "targets/2023/example.yaml", "year: 2022", "year: 2023")


Edit = Callable[[Path], None]
KINDS: dict[str, tuple[Edit | None, Edit, list[tuple[str, int]]]] = {  # kind: (edit of main, of the branch, steps run)
    "figure-flip": (None, lower_the_closed_count, [*PASSED, (FAIL, 1)]),
    "typo-in-a-new-plan": (None, add_a_plan_with_a_typo, [*PASSED, (FAIL, 2)]),
    "value-off-its-quote": (None, lambda root: edit(root, REPORT, "value: 276", "value: 267"), [*PASSED, (FAIL, 2)]),
    "rules-unit-change": (None, lambda root: edit(root, METRICS, "unit: percent", "unit: ratio"), PASSED),
    "comments-only": (None, lambda root: edit(root, PLAN, "targets:\n", "# 见《工作要点》第二部分\ntargets:\n"), PASSED),
    "rename": (None, rename_the_jurisdiction, PASSED),
    "move-between-years": (None, move_the_plan_to_2023, [*PASSED, (FAIL, 1)]),
    "syntax-error": (None, lambda root: edit(root, REPORT, "value: 276", "value: [276"), [*PASSED, (FAIL, 2)]),
    "self-contradiction": (None, lambda root: edit(root, REPORT, "quote: 结案276件\n",
                                                   "quote: 结案276件\n  - metric: medical_dispute.closure_rate\n"
                                                   "    value: 91%\n    quote: 结案率91%\n"), [*PASSED, (FAIL, 1)]),
    "loosened-rule": (lambda root: edit(root, PLAN, "rule: at_least", "rule: more_than"),
                      lambda root: edit(root, PLAN, "rule: more_than", "rule: at_least"), [*PASSED, (FAIL, 1)]),
    "deleted-file": (None, lambda root: git(root, "rm", "--quiet", PLAN), [*PASSED, (FAIL, 1)]),
}

FIRST_ANNOTATIONS = {  # the first annotation of the comparison's log (the worked example speaks Chinese)
    "figure-flip": "::error file=outcomes/2022/example.yaml,line=10,title=变差%3A medical-dispute-closure::"
                   "medical-dispute-closure 医患纠纷结案率达90%25以上: 达标 (数据比对)：97.87%25 (推算) → "
                   "未达标 (数据比对)：88.65%25 (推算)",
    "typo-in-a-new-plan": "::error file=targets/2023/example.yaml,line=6,title=新问题%3A schema::缺少必填项 'rule'",
    "value-off-its-quote": "::error file=outcomes/2022/example.yaml,line=11,title=新问题%3A value-not-in-quote::"
                           "值 267 不在其引文所述的数字（276）之中",
    "rules-unit-change": "::warning file=rules/metrics.yaml,line=10,title=改动 指标 medical_dispute.closure_rate::"
                         "unit：percent → ratio — 百分数 ↔ 比值：其上写的每个数值读出来都相差100倍；比较的目标中有1项使用它",
    "comments-only": None,
    "rename": "::notice file=outcomes/2022/sample.yaml,line=7,title=新增 数据%3A medical_dispute.cases_filed::"
              "— → 282；改变了medical-dispute-closure (移动)的结论",
    "move-between-years": "::error file=outcomes/2022/example.yaml,line=7,title=新问题%3A unused-figure::"
                          "2022年和2023年的目标都未使用 medical_dispute.cases_filed",
    "syntax-error": "::error file=outcomes/2022/example.yaml,line=12,title=新问题%3A yaml-syntax::"
                    "YAML 语法错误（YAML 解析器：while parsing a flow sequence did not find expected ',' or ']'）",
    "self-contradiction": "::error file=outcomes/2022/example.yaml,line=13,title=新出现 数据不一致%3A "
                          "medical_dispute.closure_rate::所述 91%25, 按基础数据 97.87%25 (outcomes/2022/example.yaml:13)",
    "loosened-rule": "::error file=targets/2022/example.yaml,line=7,title=放宽%3A medical-dispute-closure::"
                     "医患纠纷结案率达90%25以上: 标准 > 90%25 → ≥ 90%25",
    "deleted-file": "::error file=targets/2022/example.yaml,line=7,title=删除%3A medical-dispute-closure::"
                    "医患纠纷结案率达90%25以上: 达标 (数据比对)：97.87%25 (推算)",
}


def pull_request_of(kind: str, tmp_path: Path) -> tuple[Path, str]:
    """The worked example on main (edited as ``kind`` needs), and a branch that makes the change ``kind``."""
    before, change, _ = KINDS[kind]
    root = tmp_path / "workspace"
    worked_example(root)
    if before is not None:
        before(root)
    base = commit_all(root, "the worked example")
    git(root, "checkout", "--quiet", "-b", "topic")
    change(root)
    commit_all(root, kind.replace("-", " "))
    return root, base


@pytest.mark.long  # real shell steps: CI runs them (pytest -m long)
@pytest.mark.process  # the action's shell steps
@pytest.mark.parametrize("kind", KINDS)
def test_each_kind_of_pull_request_under_the_default_inputs(kind, tmp_path):
    """Which step ends the run with which status, the first annotation of the comparison, and the first five
    lines of the comment (tests/acceptance/expected/action/KIND.md) — the base commit is the same on every
    machine (git_support's fixed names and dates)."""
    root, base = pull_request_of(kind, tmp_path)
    runner = Runner(root, tmp_path, {"year": "2022"}, event_base=base)
    runner.run()
    assert runner.ran == KINDS[kind][2]
    assert runner.first_annotation() == FIRST_ANNOTATIONS[kind]
    head = "".join(runner.output("diff-markdown").splitlines(keepends=True)[:5])
    acceptance_support.assert_matches(f"action/{kind}.md", head)
    assert runner.output("diff-status") == str(dict(runner.ran).get(FAIL, 0))


def readme_comments() -> list[str]:
    """The pull-request comments the README's CI section quotes (its blockquotes), without their `>`."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text[text.index("\n## In CI\n"):]
    section = section[:section.index("\n## ", 1)]
    quotes = re.findall(r"(?:^>.*\n)+", section, re.MULTILINE)
    return [re.sub(r"^> ?", "", quote, flags=re.MULTILINE) for quote in quotes]


@pytest.mark.long  # real shell steps: CI runs them (pytest -m long)
@pytest.mark.process  # the action's shell steps
def test_the_readme_shows_the_comments_the_action_makes(tmp_path):
    """A loosened target and a deleted plan, in English (extra-args: --lang en): the README's comments
    are the first five lines the action gives."""
    comments = []
    for kind in ("loosened-rule", "deleted-file"):
        own = folder(tmp_path, kind)
        root, base = pull_request_of(kind, own)
        runner = Runner(root, own, {"year": "2022", "extra-args": "--lang en"}, event_base=base)
        runner.run()
        assert runner.ran == [*PASSED, (FAIL, 1)]
        comments.append("".join(runner.output("diff-markdown").splitlines(keepends=True)[:5]))
    assert readme_comments() == comments


@pytest.fixture
def pull_request(tmp_path) -> tuple[Path, str]:
    """A data repository from `planaudit init` on main, and a branch that adds a target (met)."""
    root = tmp_path / "workspace"
    worked_example(root)
    base = commit_all(root, "the worked example")
    git(root, "checkout", "--quiet", "-b", "topic")
    add_a_met_target(root)
    commit_all(root, "a second target")
    return root, base


def folded(year: str, audit: str) -> str:
    return f"<details><summary>planaudit check {year}</summary>\n\n{audit}\n</details>\n"


@pytest.mark.long  # real shell steps: CI runs them (pytest -m long)
@pytest.mark.process  # the action's shell steps
def test_a_pull_request_that_adds_a_met_target_passes_and_its_comparison_is_an_output(pull_request, tmp_path):
    root, base = pull_request
    runner = Runner(root, tmp_path, {"year": "2022"}, event_base=base)
    runner.run()
    assert runner.ran == PASSED
    comment = planaudit(root, "diff", base, "--format", "markdown")
    assert runner.output("diff-markdown") == comment
    assert Path(runner.output("diff-file")).read_text(encoding="utf-8") == comment
    assert "cases-filed" in comment and "新增" in comment
    summary = runner.summary.read_text(encoding="utf-8")  # the comparison first, then the audit folded
    assert summary == comment + folded("2022", planaudit(root, "check", "2022", "--format", "markdown"))
    assert runner.logs[CHECK] == ""  # on a pull request, the audit's annotations only where it can fail
    # SARIF, for code scanning: each command's file, and all of them one a line
    files = [runner.output(name) for name in ("validate-sarif", "diff-sarif", "check-sarif")]
    assert runner.output("sarif-files") == "".join(f"{file}\n" for file in files)
    for file in files:
        assert json.loads(Path(file).read_text(encoding="utf-8"))["version"] == "2.1.0"


@pytest.mark.long  # real shell steps: CI runs them (pytest -m long)
@pytest.mark.process  # the action's shell steps
def test_what_main_already_has_fails_no_pull_request(tmp_path):
    """Main with a target missed (250 of 282 closed) and an inconsistent figure (a stated 85%): a pull request
    that only adds a comment passes, and the audit, which shows both, stays out of the log."""
    root = tmp_path / "workspace"
    worked_example(root)
    lower_the_closed_count(root)
    edit(root, REPORT, "quote: 结案250件\n", "quote: 结案250件\n  - metric: medical_dispute.closure_rate\n"
                                              "    value: 85%\n    quote: 结案率85%\n")
    base = commit_all(root, "a missed target and an inconsistent figure")
    git(root, "checkout", "--quiet", "-b", "topic")
    KINDS["comments-only"][1](root)
    commit_all(root, "a comment")
    runner = Runner(root, tmp_path, {"year": "2022"}, event_base=base)
    runner.run()
    assert runner.ran == PASSED
    assert runner.first_annotation() is None and runner.logs[CHECK] == ""
    assert "未达标" in runner.summary.read_text(encoding="utf-8")  # in the audit, folded
    asked = Runner(root, folder(tmp_path, "asked"), {"year": "2022", "fail-on": "missed,inconsistent"}, event_base=base)
    asked.run()
    assert asked.ran == [(VALIDATE, 0), (DIFF, 0), (CHECK, 1)]  # the absolute check, when asked for
    assert asked.first_annotation(CHECK).startswith("::error file=targets/2022/example.yaml,line=8,title=未达标%3A ")


@pytest.mark.long  # real shell steps: CI runs them (pytest -m long)
@pytest.mark.process  # the action's shell steps
def test_diff_fail_on_never_lets_a_worse_verdict_pass(pull_request, tmp_path):
    root, base = pull_request
    lower_the_closed_count(root)
    commit_all(root, "a lower count")
    runner = Runner(root, tmp_path, {"year": "2022", "diff-fail-on": "never"}, event_base=base)
    runner.run()
    assert runner.ran == PASSED
    assert runner.first_annotation().startswith("::warning file=outcomes/2022/example.yaml,line=10,title=变差")


@pytest.mark.long  # real shell steps: CI runs them (pytest -m long)
@pytest.mark.process  # the action's shell steps
def test_on_a_push_nothing_is_compared_and_every_error_fails(pull_request, tmp_path):
    root, _ = pull_request
    runner = Runner(root, tmp_path, {"year": "2022"})
    runner.run()
    assert runner.ran == [(VALIDATE, 0), (CHECK, 0)]
    assert runner.output("diff-markdown") == runner.output("diff-status") == ""
    summary = runner.summary.read_text(encoding="utf-8")
    assert summary == folded("2022", planaudit(root, "check", "2022", "--format", "markdown"))
    assert runner.logs[CHECK] == planaudit(root, "check", "2022", "--format", "github")  # no comparison: in the log
    KINDS["syntax-error"][1](root)
    broken = Runner(root, folder(tmp_path, "broken"), {"year": "2022"})
    broken.run()
    assert broken.ran == [(VALIDATE, 1)]
    assert "\n::error file=outcomes/2022/example.yaml,line=12,col=" in "\n" + broken.logs[VALIDATE]


@pytest.mark.long  # real shell steps: CI runs them (pytest -m long)
@pytest.mark.process  # the action's shell steps
def test_the_audit_folded_stays_within_the_step_summary_s_mib(pull_request, tmp_path):
    """planaudit cuts the audit to the room the summary has left, counted with the fold's own tags."""
    root, _ = pull_request
    runner = Runner(root, tmp_path, {"year": "2022"})
    filler = "x" * ((1 << 20) - 2000) + "\n"
    runner.summary.write_text(filler, encoding="utf-8")
    runner.run()
    assert runner.ran == [(VALIDATE, 0), (CHECK, 0)]
    summary = runner.summary.read_bytes()
    assert len(summary) <= 1 << 20
    assert summary.startswith(filler.encode()) and summary.endswith(b"\n</details>\n")
    assert b"<details><summary>planaudit check 2022</summary>\n\n# 2022" in summary
    assert "（以 -o 写出）*\n\n</details>\n".encode() in summary  # cut, saying where the rest is


@pytest.mark.long  # real shell steps: CI runs them (pytest -m long)
@pytest.mark.process  # the action's shell steps
def test_a_shallow_checkout_fetches_the_base_commit(pull_request, tmp_path):
    origin, base = pull_request
    shallow = tmp_path / "shallow"
    git(tmp_path, "clone", "--quiet", "--depth=1", "--branch", "topic", f"file://{origin}", str(shallow))
    git(origin, "config", "uploadpack.allowReachableSHA1InWant", "true")
    runner = Runner(shallow, tmp_path, {"year": "2022"}, event_base=base)
    runner.run()
    assert (DIFF, 0) in runner.ran
    assert "cases-filed" in runner.output("diff-markdown")


@pytest.mark.long  # real shell steps: CI runs them (pytest -m long)
@pytest.mark.process  # the action's shell steps
def test_extra_args_are_words_never_code(pull_request, tmp_path):
    root, _ = pull_request
    runner = Runner(root, tmp_path, {"year": "2022", "extra-args": "--lang en; touch pwned $(touch pwned2)"})
    runner.run()
    assert runner.ran == [(VALIDATE, 2)]  # planaudit refuses the words it does not take
    assert not (root / "pwned").exists() and not (root / "pwned2").exists()
    english = Runner(root, folder(tmp_path, "english"), {"year": "2022", "extra-args": " --lang\ten "})
    english.run()
    assert english.ran == [(VALIDATE, 0), (CHECK, 0)]
    assert "unmeasured" in english.summary.read_text(encoding="utf-8")


@pytest.mark.long  # real shell steps: CI runs them (pytest -m long)
@pytest.mark.process  # the action's shell steps
def test_the_audit_is_of_the_years_named_or_of_every_year(pull_request, tmp_path):
    root, _ = pull_request
    for number, (year, shown) in enumerate((("all", "--all"), ("2022", "2022"), (" 2022 ", "2022"))):
        runner = Runner(root, folder(tmp_path, f"run-{number}"), {"year": year})
        runner.run()
        assert runner.ran[-1][0] == CHECK, runner.ran
        assert f"<summary>planaudit check {shown}</summary>" in runner.summary.read_text(encoding="utf-8")


@pytest.mark.long  # real shell steps: CI runs them (pytest -m long)
@pytest.mark.process  # the action's shell steps
def test_the_action_builds_the_audit_site_when_asked(pull_request, tmp_path):
    root, _ = pull_request
    runner = Runner(root, tmp_path, {"year": "2022", "site": "audit-site"})
    runner.run()
    assert ("Build the audit site", 0) in runner.ran and runner.ran[-1][0] == CHECK
    assert runner.outputs["site"] == {"folder": "audit-site"}
    assert (root / "audit-site" / "en" / "index.html").is_file() and (root / "audit-site" / "zh" / "index.html").is_file()
    plain = Runner(root, folder(tmp_path, "no-site"), {"year": "2022"})
    plain.run()
    assert "Build the audit site" not in [name for name, _ in plain.ran]


def test_the_base_is_the_pull_request_s_or_the_merge_queue_s(tmp_path):
    assert Runner(tmp_path, tmp_path, {}, event_base="abc").inputs["base"] == "abc"
    assert Runner(tmp_path, folder(tmp_path, "queue"), {}, merge_group_base="def").inputs["base"] == "def"
    assert Runner(tmp_path, folder(tmp_path, "push"), {}).inputs["base"] == ""


def test_the_defaults_judge_the_change_and_only_show_the_audit():
    inputs = ACTION["inputs"]
    assert inputs["diff-fail-on"]["default"] == "worse,removed,loosened,new-problems,inconsistent"
    assert inputs["fail-on"]["default"] == "never"


def test_the_install_step_installs_the_pinned_versions_from_the_action_s_own_checkout():
    (install,) = [step for step in ACTION["runs"]["steps"] if step["name"] == "Install planaudit"]
    assert ('--constraint "$GITHUB_ACTION_PATH/constraints.txt" "$GITHUB_ACTION_PATH"' in install["run"]
            and 'echo "$RUNNER_TEMP/planaudit-bin" >> "$GITHUB_PATH"' in install["run"])
    cache = [step for step in ACTION["runs"]["steps"] if step.get("uses", "").startswith("actions/cache/")]
    assert [step["uses"] for step in cache] == ["actions/cache/restore@v4", "actions/cache/save@v4"]
    assert len({step["with"]["key"] for step in cache}) == 1  # saved under the key it was looked for by


def runtime_dependencies() -> dict[str, list[str]]:
    """Every package planaudit needs to run, by its normalised name: pyproject.toml's dependencies and,
    as the installed ones declare them, theirs (extras aside), with every requirement made of it."""
    from importlib import metadata

    from packaging.requirements import Requirement
    from packaging.utils import canonicalize_name

    tomllib = pytest.importorskip("tomllib", reason="tomllib comes with Python 3.11")
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    found: dict[str, list[str]] = {}
    waiting = [Requirement(text) for text in project["dependencies"]]
    while waiting:
        requirement = waiting.pop()
        name = canonicalize_name(requirement.name)
        try:
            requires = metadata.distribution(name).requires or []
        except metadata.PackageNotFoundError:
            assert requirement.marker is not None and not requirement.marker.evaluate(), requirement
            requires = []
        known = name in found
        found.setdefault(name, []).append(str(requirement.specifier))
        if not known:
            waiting += [Requirement(text) for text in requires if "extra ==" not in text]
    return found


def test_constraints_pin_every_runtime_dependency_within_its_range():
    from packaging.requirements import Requirement
    from packaging.specifiers import SpecifierSet
    from packaging.utils import canonicalize_name

    lines = [line for line in (ROOT / "constraints.txt").read_text(encoding="utf-8").splitlines()
             if line and not line.startswith("#")]
    pins = [Requirement(line) for line in lines]
    assert all(re.fullmatch(r"==[\w.]+", str(pin.specifier)) for pin in pins), "only exact versions"
    needed = runtime_dependencies()
    assert {canonicalize_name(pin.name) for pin in pins} == set(needed)
    for pin in pins:
        (version,) = [spec.version for spec in pin.specifier]
        for specifier in needed[canonicalize_name(pin.name)]:
            assert SpecifierSet(specifier).contains(version, prereleases=True), (pin, specifier)
    here = [pin for pin in pins if pin.marker is None or pin.marker.evaluate()]
    assert len(here) == len(needed)  # one version a package for any one Python


def test_no_input_is_pasted_into_a_script():
    """Inputs reach the shell through the environment only: a value cannot become code."""
    for step in ACTION["runs"]["steps"]:
        assert "${{" not in step.get("run", ""), step["name"]


def documented_workflows() -> list[str]:
    text = (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")
    return [block for block in re.findall(r"```yaml\n(.*?)```", text, re.DOTALL) if "\njobs:" in block]


def schema_check(schema: str, path: Path) -> int:
    checker = shutil.which("check-jsonschema", path=str(Path(sys.executable).parent)) or shutil.which("check-jsonschema")
    assert checker, "check-jsonschema is a test dependency"
    return subprocess.run([checker, "--builtin-schema", schema, str(path)], capture_output=True, check=False).returncode


def test_the_action_holds_to_github_s_schema(tmp_path):
    assert schema_check("vendor.github-actions", ROOT / "action.yml") == 0
    broken = tmp_path / "action.yml"
    broken.write_text((ROOT / "action.yml").read_text(encoding="utf-8").replace("using: composite", "using: compose"),
                      encoding="utf-8")
    assert schema_check("vendor.github-actions", broken) == 1


def test_the_documented_workflows_hold_to_github_s_schema(tmp_path):
    workflows = documented_workflows()
    assert len(workflows) == 2  # one that uses the action, one that runs the commands
    for number, text in enumerate(workflows):
        path = tmp_path / f"workflow{number}.yml"
        path.write_text(text, encoding="utf-8")
        assert schema_check("vendor.github-workflows", path) == 0, text


def test_the_workflow_without_the_action_judges_the_change_too():
    """Not the whole repository: main's own missed targets and inconsistent figures fail no pull request."""
    _, without = documented_workflows()
    assert "planaudit diff" in without and "--fail-on worse,removed,loosened,new-problems,inconsistent" in without
    assert re.search(r"planaudit check \S+ --format github --fail-on never", without)
