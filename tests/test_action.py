"""action.yml, the GitHub Action: its steps run as a runner would run them — bash, each step's
environment, GITHUB_OUTPUT, GITHUB_STEP_SUMMARY, RUNNER_TEMP — in a temporary git repository made
from `planaudit init`; and the action and the workflows of docs/ci.md hold to GitHub's published schemas
(SchemaStore's, as check-jsonschema ships them)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

import acceptance_support
from git_support import GIT_ENVIRONMENT, add_a_met_target, commit_all, git, lower_the_closed_count, new_repository
from planaudit.scaffold import create_repository

ROOT = Path(__file__).parent.parent
ACTION = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
EXPRESSION = re.compile(r"\$\{\{\s*(.*?)\s*\}\}")

class Runner:
    """The action's steps run one after another, as GitHub runs a composite action's: a step whose
    `if` is false is skipped, and the first that fails ends the run."""

    def __init__(self, workspace: Path, tmp_path: Path, inputs: dict[str, str], event_base: str = "") -> None:
        self.workspace = workspace
        self.context = {"github.event.pull_request.base.sha": event_base}
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

    def evaluate(self, text: str) -> str:
        """``${{ name }}`` replaced by its value (inputs, steps' outputs, the event)."""
        return EXPRESSION.sub(lambda found: self.value(found[1]), str(text))

    def condition(self, text: str) -> bool:
        """An `if` of the forms the action uses: ``name != 'x'`` joined by ``&&``."""
        (inner,) = EXPRESSION.fullmatch(text.strip()).groups()  # type: ignore[union-attr]
        parts = [re.fullmatch(r"([\w.-]+) != '([^']*)'", part.strip()) for part in inner.split("&&")]
        assert all(parts), f"the test does not understand the condition {text!r}"
        return all(self.value(part[1]) != part[2] for part in parts)  # type: ignore[index]

    def run(self, skip: tuple[str, ...] = ("Install planaudit",)) -> None:
        for step in ACTION["runs"]["steps"]:
            if step["name"] in skip or ("if" in step and not self.condition(step["if"])):
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


@pytest.fixture
def pull_request(tmp_path) -> tuple[Path, str]:
    """A data repository from `planaudit init` on main, and a branch that adds a target (met)."""
    root = tmp_path / "workspace"
    new_repository(root)
    create_repository(root)
    base = commit_all(root, "the worked example")
    git(root, "checkout", "--quiet", "-b", "topic")
    add_a_met_target(root)
    commit_all(root, "a second target")
    return root, base


def planaudit(root: Path, *args: str) -> str:
    today = {"SOURCE_DATE_EPOCH": None}  # dated as the action's steps date it
    return acceptance_support.planaudit(*args, "--data", str(root), data=None, env={**GIT_ENVIRONMENT, **today}).stdout


@pytest.mark.long  # real shell steps: CI runs them (pytest -m long)
@pytest.mark.process  # the action's shell steps
def test_a_pull_request_that_adds_a_met_target_passes_and_its_comparison_is_an_output(pull_request, tmp_path):
    root, base = pull_request
    runner = Runner(root, tmp_path, {"year": "2022"}, event_base=base)
    runner.run()
    assert runner.ran == [("Validate the data repository", 0), ("Compare with the pull request's base", 0),
                          ("Check the year's targets", 0)]
    comment = planaudit(root, "diff", base, "--format", "markdown")
    assert runner.output("diff-markdown") == comment
    assert Path(runner.output("diff-file")).read_text(encoding="utf-8") == comment
    assert "cases-filed" in comment and "新增" in comment
    summary = runner.summary.read_text(encoding="utf-8")
    assert summary == comment + planaudit(root, "check", "2022", "--format", "markdown")


@pytest.mark.long  # real shell steps: CI runs them (pytest -m long)
@pytest.mark.process  # the action's shell steps
def test_a_verdict_made_worse_fails_the_run_under_diff_fail_on_worse(pull_request, tmp_path):
    root, base = pull_request
    lower_the_closed_count(root)
    commit_all(root, "a lower count")
    runner = Runner(root, tmp_path, {"year": "2022", "diff-fail-on": "worse", "fail-on": "never"}, event_base=base)
    runner.run()
    assert runner.ran == [("Validate the data repository", 0), ("Compare with the pull request's base", 0),
                          ("Check the year's targets", 0), ("Fail when the comparison failed", 1)]
    log = runner.logs["Compare with the pull request's base"]
    assert log.startswith("::error file=targets/2022/example.yaml,line=7,title=")


@pytest.mark.long  # real shell steps: CI runs them (pytest -m long)
@pytest.mark.process  # the action's shell steps
def test_the_check_s_own_fail_on_fails_the_run_after_the_comparison_is_made(pull_request, tmp_path):
    root, base = pull_request
    lower_the_closed_count(root)
    commit_all(root, "a lower count")
    runner = Runner(root, tmp_path, {"year": "2022"}, event_base=base)
    runner.run()
    assert runner.ran[-1] == ("Check the year's targets", 1)
    assert runner.output("diff-markdown").startswith("**planaudit diff** ")


@pytest.mark.long  # real shell steps: CI runs them (pytest -m long)
@pytest.mark.process  # the action's shell steps
def test_on_a_push_nothing_is_compared(pull_request, tmp_path):
    root, _ = pull_request
    runner = Runner(root, tmp_path, {"year": "2022"})
    runner.run()
    assert runner.ran == [("Validate the data repository", 0), ("Check the year's targets", 0)]
    assert runner.output("diff-markdown") == ""


@pytest.mark.long  # real shell steps: CI runs them (pytest -m long)
@pytest.mark.process  # the action's shell steps
def test_a_shallow_checkout_fetches_the_base_commit(pull_request, tmp_path):
    origin, base = pull_request
    shallow = tmp_path / "shallow"
    git(tmp_path, "clone", "--quiet", "--depth=1", "--branch", "topic", f"file://{origin}", str(shallow))
    git(origin, "config", "uploadpack.allowReachableSHA1InWant", "true")
    runner = Runner(shallow, tmp_path, {"year": "2022"}, event_base=base)
    runner.run()
    assert ("Compare with the pull request's base", 0) in runner.ran
    assert "cases-filed" in runner.output("diff-markdown")


def test_the_install_step_installs_from_the_action_s_own_checkout():
    (install,) = [step for step in ACTION["runs"]["steps"] if step["name"] == "Install planaudit"]
    assert install["run"] == 'python -m pip install --quiet "$GITHUB_ACTION_PATH"'


def test_no_input_is_pasted_into_a_script():
    """Inputs reach the shell through the environment only: a value cannot become code."""
    for step in ACTION["runs"]["steps"]:
        assert "${{" not in step["run"], step["name"]


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
