"""Acceptance: the ``planaudit`` command (run in this process as a new process runs it; once the installed
command itself) over example repositories under tests/examples.

Outputs are compared exactly with the files in tests/acceptance/expected/. After a deliberate
change of output, regenerate them with PLANAUDIT_REGENERATE=1 and review the diff.
"""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import pytest

from acceptance_support import EXAMPLES, assert_matches, planaudit, planaudit_process

NOT_A_REPOSITORY = ("is not a data repository: neither it nor any directory above it has targets/, outcomes/, rules/ "
                    "or planaudit.yaml\n")


@pytest.mark.parametrize(
    ("args", "golden"),
    [(("check", "2022"), "check-2022.txt"),
     (("check", "2022", "--lang", "zh"), "check-2022-zh.txt"),
     (("check", "2022", "--format", "json"), "check-2022.json"),
     (("explain", "2022", "riverton", "mediation-success"), "explain-mediation-success.txt"),
     (("explain", "2022", "riverton", "legal-aid-growth", "--lang", "zh"), "explain-legal-aid-growth-zh.txt"),
     (("explain", "2022", "riverton", "closure-rate"), "explain-closure-rate.txt")],
)
def test_output(args, golden):
    run = planaudit(*args)
    checked = args[0] == "check"  # the example's two missed targets fail it, and the last line says why
    assert run.stderr == ("" if not checked else
                          "failed: 2 missed (riverton/backlog-cleared, riverton/litigation-loss) — --fail-on missed\n"
                          if "zh" not in args else
                          "未通过：未达标2项（riverton/backlog-cleared, riverton/litigation-loss） —— --fail-on missed\n")
    assert_matches(golden, run.stdout)


def test_verdicts_in_json():
    document = json.loads(planaudit("check", "2022", "--format", "json").stdout)
    verdicts = {(item["jurisdiction"], item["id"]): (item["verdict"], item["reason"]) for item in document["results"]}
    assert verdicts == {
        ("hillcounty", "legal-aid-growth"): ("unmeasured", "no_report"),
        ("riverton", "legal-aid-growth"): ("met", "stated"),
        ("riverton", "mediation-success"): ("met", "derived"),
        ("riverton", "backlog-cleared"): ("missed", "stated"),
        ("riverton", "publicity-events"): ("unmeasured", "imprecise"),
        ("riverton", "litigation-loss"): ("missed", "stated"),
        ("riverton", "lawyers-per-10k"): ("unmeasured", "not_reported"),
        ("riverton", "hotline"): ("met", "stated"),
        ("riverton", "early-training"): ("unmeasured", "after_deadline"),
        ("riverton", "closure-rate"): ("met", "stated"),
    }
    assert document["summary"] == {"targets": 10, "met": 3, "missed": 2, "unmeasured": 4, "waived": 1,
                                   "inconsistent": 1, "asserted": 0, "partly": 0, "met_measured": 2, "met_stated": 1,
                                   "met_judged": 0, "missed_measured": 2, "missed_stated": 0, "missed_judged": 0,
                                   "acknowledged": 0, "items": 0, "items_met": 0, "met_strive": 0, "met_explore": 0,
                                   "missed_strive": 0, "missed_explore": 0}
    assert {(item["jurisdiction"], item["id"]): item["grounds"] for item in document["results"]
            if item["verdict"] in ("met", "missed")} == {
        ("riverton", "backlog-cleared"): "measured", ("riverton", "litigation-loss"): "measured",
        ("riverton", "hotline"): "stated", ("riverton", "closure-rate"): "measured", ("riverton", "legal-aid-growth"): "measured",
        ("riverton", "mediation-success"): "measured"}
    assert document["inconsistencies"] == [{
        "year": 2022, "jurisdiction": "riverton", "metric": "disputes.closure_rate", "scope": None, "stated": "91",
        "derived": "97.87", "kind": "counts", "tolerance": "0", "stated_range": ["90.5", "91.5"],
        "derived_range": ["97.87", "97.87"], "acknowledged": None, "file": "outcomes/2022/riverton.yaml", "line": 41}]


@pytest.mark.parametrize(
    ("fail_on", "status"),
    [(None, 1), ("missed", 1), ("never", 0), ("unmeasured", 1), ("inconsistent", 1)],
)
def test_exit_status_follows_fail_on(fail_on, status):
    args = ("check", "2022") + (("--fail-on", fail_on) if fail_on else ())
    assert planaudit(*args).returncode == status


@pytest.mark.parametrize(
    ("jurisdictions", "status", "ids"),
    [(("hillcounty",), 0, ["legal-aid-growth"]),  # unmeasured does not fail the default --fail-on missed
     (("riverton", "hillcounty"), 1, None)],
)
def test_jurisdiction_filter(jurisdictions, status, ids):
    args = [arg for name in jurisdictions for arg in ("-j", name)]
    run = planaudit("check", "2022", "--format", "json", *args)
    assert run.returncode == status
    results = json.loads(run.stdout)["results"]
    assert {item["jurisdiction"] for item in results} == set(jurisdictions)
    if ids is not None:
        assert [item["id"] for item in results] == ids


def test_data_from_the_environment():
    run = planaudit("check", "2022", "--format", "json", data=None, env={"PLANAUDIT_DATA": str(EXAMPLES / "basic")})
    assert json.loads(run.stdout)["summary"]["targets"] == 10


@pytest.mark.parametrize(
    ("args", "data", "message"),
    [(("check", "2031"), "basic", "planaudit: error: no target files for 2031: {data}/targets/2031 has no *.yaml files "
                                  "(years with targets: 2022)\n"),
     (("check", "2022", "-j", "atlantis"), "basic",
      "planaudit: error: no targets for atlantis in 2022 (jurisdictions with targets: hillcounty, riverton)\n"),
     (("explain", "2022", "riverton", "nope"), "basic",
      "planaudit: error: riverton has no target 'nope' in 2022 (its targets: 1–9, or legal-aid-growth, mediation-success, "
      "backlog-cleared, publicity-events, litigation-loss, lawyers-per-10k, hotline, early-training, closure-rate)\n"),
     (("check", "2022"), "missing", "planaudit: error: {data} " + NOT_A_REPOSITORY)],
)
def test_unusable_input_exits_2_with_a_message(args, data, message):
    run = planaudit(*args, data=data)
    assert (run.returncode, run.stdout) == (2, "")
    assert run.stderr == message.format(data=EXAMPLES / data)


def test_invalid_data_lists_every_problem_and_exits_2():
    run = planaudit("check", "2022", data="invalid")
    assert (run.returncode, run.stdout) == (2, "")
    assert_matches("invalid-check-2022.txt", run.stderr)
    assert "Traceback" not in run.stderr
    exported = planaudit("export", "2022", data="invalid")
    assert (exported.returncode, exported.stdout, exported.stderr) == (2, "", run.stderr)


@pytest.mark.parametrize("args", [("check", "twenty"), ("check", "2022", "--format", "yaml"),
                                  ("check", "2022", "--fail-on", "sometimes"), ("explain", "2022")])
def test_bad_usage_exits_2(args):
    run = planaudit(*args)
    assert run.returncode == 2 and "Usage:" in run.stderr and "Traceback" not in run.stderr


def test_version_and_help():
    from planaudit import __version__

    assert planaudit("--version", data=None).stdout == f"planaudit {__version__}\n"
    for command in ("check", "explain", "export", "validate", "schema", "init"):
        run = planaudit(command, "--help", data=None)
        assert run.returncode == 0 and f"Usage: python -m planaudit {command}" in run.stdout


@pytest.mark.process  # the console script's start-up
def test_the_installed_command_says_what_the_in_process_runs_say():
    script = shutil.which("planaudit", path=str(Path(sys.executable).parent))
    assert script is not None, "planaudit's console script is not installed next to this Python"
    for args, data in [(("check", "2022"), "basic"), (("check", "2022", "--lang", "zh"), "basic"),
                       (("validate",), "invalid"), (("explain", "2022", "riverton", "nope"), "basic")]:
        real, here = planaudit_process(*args, data=data, command=(script,)), planaudit(*args, data=data)
        assert (real.returncode, real.stdout, real.stderr) == (here.returncode, here.stdout, here.stderr), args


def test_validate_clean_repository():
    run = planaudit("validate")
    assert (run.returncode, run.stdout, run.stderr) == (0, "no problems found\n", "")


def test_validate_lists_every_problem_as_text():
    run = planaudit("validate", data="invalid")
    assert run.returncode == 1
    assert_matches("invalid-validate.txt", run.stdout)


def test_validate_as_json():
    run = planaudit("validate", "--format", "json", data="invalid")
    problems = json.loads(run.stdout)["problems"]
    assert run.returncode == 1 and len(problems) == 7
    assert problems[3] == {"file": "rules/metrics.yaml", "line": 3, "col": 46, "code": "unknown-metric",
                           "severity": "error", "message": "derive names unknown metric 'closed'"}


def test_validate_as_github_annotations():
    run = planaudit("validate", "--format", "github", data="invalid")
    lines = run.stdout.splitlines()
    assert run.returncode == 1 and len(lines) == 7
    assert lines[4] == ("::error file=targets/2022/lakeside.yaml,line=4,col=61,title=schema::'value' must be a decimal "
                        "number such as 85, 97.12 or 85%25, not '1_000' (YAML 1.1 tools would read it as 1000)")


@pytest.mark.parametrize("args", [("validate", "--format", "xml"), ("schema", "everything")])
def test_validate_and_schema_bad_usage(args):
    run = planaudit(*args, data=None)
    assert run.returncode == 2 and "Usage:" in run.stderr


def test_validate_missing_directory():
    run = planaudit("validate", data="missing")
    assert (run.returncode, run.stderr) == (2, f"planaudit: error: {EXAMPLES / 'missing'} " + NOT_A_REPOSITORY)


@pytest.mark.parametrize("kind", ["target", "outcome", "rules", "settings"])
def test_schema_is_printed_for_editors(kind):
    run = planaudit("schema", kind, data=None)
    schema = json.loads(run.stdout)
    assert run.returncode == 0
    assert (schema["$schema"], schema["$id"]) == ("https://json-schema.org/draft/2020-12/schema",
                                                  f"urn:planaudit:schema:{kind}:1")


def test_pre_commit_hook_runs_validate():
    import yaml

    (hook,) = yaml.safe_load((Path(__file__).parent.parent.parent / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert (hook["id"], hook["entry"], hook["pass_filenames"]) == ("planaudit-validate", "planaudit validate", False)
    assert (hook["always_run"], "files" in hook) == (True, False)  # a deletion-only commit, data in a subfolder: run
    assert tuple(map(int, hook["minimum_pre_commit_version"].split("."))) >= (3, 2, 0)
    program, *args = hook["entry"].split()
    assert program == "planaudit"
    assert planaudit(*args, data="basic").returncode == 0
    assert planaudit(*args, data="invalid").returncode == 1


def test_one_run_writes_several_reports(tmp_path):
    outputs = [tmp_path / name for name in ("audit.md", "audit.json", "audit.csv", "audit.xml", "audit.sarif")]
    run = planaudit("check", "2022", "--lang", "en", *[arg for path in outputs for arg in ("-o", str(path))])
    assert run.returncode == 1
    assert run.stdout == planaudit("check", "2022", "--lang", "en").stdout  # the terminal still shows the table
    for path, output_format in zip(outputs, ["markdown", "json", "csv", "junit", "sarif"], strict=True):
        assert path.read_text(encoding="utf-8") == planaudit("check", "2022", "--format", output_format,
                                                             "--lang", "en").stdout
    assert sorted(path.name for path in tmp_path.iterdir()) == sorted(path.name for path in outputs)  # no debris


def test_output_with_an_unknown_ending_is_refused_before_anything_is_written(tmp_path):
    run = planaudit("check", "2022", "-o", str(tmp_path / "a.md"), "-o", str(tmp_path / "audit.txt"))
    assert run.returncode == 2
    assert run.stderr == (f"planaudit: error: cannot tell the format of {tmp_path / 'audit.txt'} from its ending; "
                          "use one of .csv .json .md .sarif .xlsx .xml\n")
    assert list(tmp_path.iterdir()) == []


def test_export_to_a_file(tmp_path):
    target = tmp_path / "reports" / "audit-2022.md"
    run = planaudit("export", "2022", "-o", str(target), "--lang", "zh")
    assert (run.returncode, run.stdout) == (0, "")
    assert target.read_text(encoding="utf-8").startswith("# 2022年工作要点目标落实情况核查报告\n")


def test_init_creates_a_repository_that_passes_validate_and_check(tmp_path):
    directory = tmp_path / "new"
    run = planaudit("init", str(directory), data=None)
    assert run.returncode == 0 and run.stdout.endswith(f"Try: planaudit check 2022 --data {directory}\n")
    assert sorted(path.relative_to(directory).as_posix() for path in directory.rglob("*.yaml")) == [
        "outcomes/2022/example.yaml", "planaudit.yaml", "rules/metrics.yaml", "targets/2022/example.yaml"]
    assert planaudit("validate", "--data", str(directory), data=None).returncode == 0
    checked = json.loads(planaudit("check", "2022", "--format", "json", "--data", str(directory), data=None).stdout)
    assert [(item["verdict"], item["reason"], item["actual"]) for item in checked["results"]] == [
        ("met", "derived", "97.87")]


def test_init_refuses_to_overwrite_and_writes_nothing(tmp_path):
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "metrics.yaml").write_text("mine\n", encoding="utf-8")
    run = planaudit("init", str(tmp_path), data=None)
    assert run.returncode == 2
    assert run.stderr == (f"planaudit: error: not creating a data repository: these files exist already: "
                          f"{tmp_path / 'rules' / 'metrics.yaml'}\n")
    assert (tmp_path / "rules" / "metrics.yaml").read_text(encoding="utf-8") == "mine\n"
    assert sorted(path.name for path in tmp_path.rglob("*")) == ["metrics.yaml", "rules"]


def test_unwritable_output_is_a_clean_error(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("", encoding="utf-8")
    for args in (("check", "2022", "-o", str(blocker / "audit.md")), ("export", "2022", "-o", str(blocker / "x.md"))):
        run = planaudit(*args)
        assert run.returncode == 2 and run.stderr.startswith(f"planaudit: error: cannot write {blocker}/")
        assert "Traceback" not in run.stderr


def test_explain_in_chinese_is_chinese_throughout():
    achieved = planaudit("explain", "2022", "riverton", "hotline", "--lang", "zh").stdout
    assert "实际: 是\n" in achieved and "比较: 是 → 成立\n" in achieved
    waived = planaudit("explain", "2022", "riverton", "closure-rate", "--lang", "zh").stdout
    assert ("警告: 数据不一致 — disputes.closure_rate 所述 91%, 推算值 97.87% (outcomes/2022/riverton.yaml:41, "
            "《2022年全市司法行政工作总结》)\n") in waived


def test_validate_no_warnings_lists_the_errors_and_counts_the_warnings_it_left_out():
    root = Path(__file__).parent.parent.parent  # the bundled data: no error, 26 warnings
    every = planaudit("validate", data=None, cwd=root)
    quiet = planaudit("validate", "--no-warnings", data=None, cwd=root)
    warnings = every.stdout.splitlines()[-1].split()[0]
    assert (quiet.returncode, quiet.stdout) == (0, f"no errors found; {warnings} warnings not listed (--no-warnings)\n")
    assert planaudit("validate", "--no-warnings", "--strict", data=None, cwd=root).returncode == 1  # counted still
    assert planaudit("validate", "--no-warnings", "--format", "json", data=None, cwd=root).stdout == '{\n  "problems": []\n}\n'
    broken = planaudit("validate", "--no-warnings", data="invalid")
    assert broken.returncode == 1 and broken.stdout == planaudit("validate", data="invalid").stdout  # errors alone there
