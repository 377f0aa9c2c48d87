"""Data from strangers reaches neither the file system outside the repository nor the terminal raw;
special files are never read, replaced or hung on; a command in the wrong folder never passes."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from acceptance_support import Run, planaudit, planaudit_process
from planaudit import api
from planaudit.errors import NotADataRepository
from support import generate

EXAMPLE = Path(__file__).parent / "examples" / "basic"


def run(*args: str, cwd: Path | None = None) -> Run:
    return planaudit(*args, data=None, cwd=cwd, env={"GITHUB_ACTIONS": None})


@pytest.fixture
def secret(tmp_path) -> Path:
    path = tmp_path / "token.txt"
    path.write_text("ghp_SECRET_TOKEN_do_not_print\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("command", [["validate"], ["check", "2022"], ["explain", "2022", "riverton", "closure-rate"]])
def test_a_data_file_linked_outside_the_repository_is_a_problem_and_never_read(repository, secret, command):
    (repository / "targets" / "2022" / "leak.yaml").symlink_to(secret)
    (repository / "rules" / "leak.yaml").symlink_to(secret)
    completed = run(*command, "--data", str(repository))
    output = completed.stdout + completed.stderr
    assert "SECRET" not in output
    if command[0] != "explain":  # explain reads only its jurisdiction's files, not leak's
        assert "targets/2022/leak.yaml:1:1: outside-repository the file's real path is outside the data repository; " \
               "it is not read" in output
    assert "rules/leak.yaml:1:1: outside-repository" in output
    assert completed.returncode == (1 if command == ["validate"] else 2)


@pytest.mark.parametrize("special", ["fifo", "/dev/zero", "/dev/stdin"])
def test_a_special_file_as_data_is_a_problem_at_once(repository, special):
    path = repository / "outcomes" / "2022" / "riverton.yaml"
    path.unlink()
    if special == "fifo":
        os.mkfifo(path)
        expected = "outcomes/2022/riverton.yaml:1:1: not-a-regular-file not a regular file; it is not read"
    else:
        path.symlink_to(special)
        expected = "outcomes/2022/riverton.yaml:1:1: outside-repository"
    completed = run("validate", "--data", str(repository))
    assert completed.returncode == 1
    assert expected in completed.stdout


def test_a_link_inside_the_repository_is_refused_and_never_read(repository):
    target = repository / "targets" / "2022" / "riverton.yaml"
    kept = repository / "kept.yaml"
    shutil.move(target, kept)
    target.symlink_to(kept)
    errors = [problem for problem in api.validate(repository) if problem.is_error]  # its report's figures go unused
    assert [(problem.path, problem.code.value, problem.message) for problem in errors] == [
        ("targets/2022/riverton.yaml", "symbolic-link", "the file is a symbolic link, or a folder on its path in the "
                                                        "data repository is one; links are not followed, and it is "
                                                        "not read")]


@pytest.mark.parametrize("folder", ["empty", "/"])
@pytest.mark.parametrize("command", [["validate"], ["check", "2022"], ["export", "2022"],
                                     ["explain", "2022", "a", "b"]])
def test_a_folder_that_is_not_a_data_repository_never_passes(tmp_path, folder, command):
    where = tmp_path if folder == "empty" else Path(folder)
    completed = run(*command, cwd=where)
    assert completed.returncode == 2
    assert completed.stdout == ""
    assert "is not a data repository" in completed.stderr


def test_a_command_in_a_subfolder_finds_the_repositorys_root(repository):
    inside = repository / "targets" / "2022"
    completed = run("validate", cwd=inside)
    assert (completed.returncode, completed.stdout) == (0, "no problems found\n")
    assert run("check", "2022", "--format", "json", "--no-cache", cwd=inside).stdout == run(
        "check", "2022", "--format", "json", "--no-cache", cwd=repository).stdout
    with pytest.raises(NotADataRepository):
        api.validate(repository / "no-such-folder")


# -o onto what is not a plain file


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="making a device node needs root")
def test_output_onto_a_device_writes_into_it_and_never_replaces_it(repository, tmp_path):
    devices = tmp_path / "devs"
    devices.mkdir()
    null = devices / "null"
    os.mknod(null, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    completed = run("export", "2022", "-o", str(null), "--data", str(repository))
    assert completed.returncode == 0
    assert stat.S_ISCHR(null.stat().st_mode)


@pytest.mark.process
def test_output_onto_dev_stdout_and_a_fifo(repository, tmp_path):
    shown = planaudit_process("export", "2022", "-o", "/dev/stdout", "--data", str(repository), data=None)
    assert shown.returncode == 0 and shown.stdout.startswith("# ")  # the process's own standard output
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    reader = subprocess.Popen(["cat", str(fifo)], stdout=subprocess.PIPE)
    completed = run("export", "2022", "-o", str(fifo), "--data", str(repository))
    assert reader.communicate(timeout=60)[0].startswith(b"# ") and completed.returncode == 0
    assert stat.S_ISFIFO(fifo.stat().st_mode)


def test_output_onto_a_directory_is_refused(repository, tmp_path):
    before = sorted(tmp_path.iterdir())
    completed = run("export", "2022", "-o", str(tmp_path), "--data", str(repository))
    assert completed.returncode == 2 and str(tmp_path) in completed.stderr
    assert sorted(tmp_path.iterdir()) == before
    from planaudit.errors import CannotWrite
    from planaudit.report.output import write_atomically

    with pytest.raises(CannotWrite) as raised:
        write_atomically(tmp_path, "text")
    assert raised.value.format() == f"planaudit: error: cannot write {tmp_path}: it is a directory"


def test_a_replaced_file_keeps_its_mode_and_a_link_is_followed(repository, tmp_path):
    private = tmp_path / "private.md"
    private.write_text("old", encoding="utf-8")
    private.chmod(0o600)
    link = tmp_path / "link.md"
    link.symlink_to(private)
    assert run("export", "2022", "-o", str(link), "--data", str(repository)).returncode == 0
    assert link.is_symlink() and private.read_text(encoding="utf-8").startswith("# ")
    assert stat.S_IMODE(private.stat().st_mode) == 0o600


def test_a_long_output_name_fits(repository, tmp_path):
    (tmp_path / "out").mkdir()
    name = tmp_path / "out" / ("a" * 250 + ".md")
    completed = run("export", "2022", "-o", str(name), "--data", str(repository))
    assert completed.returncode == 0 and name.read_text(encoding="utf-8").startswith("# ")
    assert [path.name for path in (tmp_path / "out").iterdir()] == [name.name]


# No traceback, whatever the input or the state of standard output


def test_non_utf8_file_names_are_problems_not_tracebacks(repository):
    (repository / "targets" / "2022" / os.fsdecode(b"bad\xff.yaml")).write_text("", encoding="utf-8")
    (repository / "rules" / os.fsdecode(b"r\xfe.yaml")).write_text("metrics: {}\n", encoding="utf-8")
    for command in (["validate"], ["check", "2022"], ["explain", "2022", "riverton", "closure-rate"]):
        completed = run(*command, "--data", str(repository))
        output = completed.stdout + completed.stderr
        assert "Traceback" not in output and completed.returncode in (1, 2)
        assert "targets/2022/bad\\xff.yaml:1:1: path-mismatch file name 'bad\\xff.yaml' is not a jurisdiction slug" in output


def test_a_derivation_chain_past_the_limit_is_a_problem(tmp_path):
    from support import RepoBuilder

    chain = "".join(f"  m{index}: {{unit: case, derive: m{index - 1} + 1}}\n" for index in range(1, 600))
    RepoBuilder(tmp_path).rules("metrics:\n  m0: {unit: case}\n" + chain).targets(
        "- {id: a, title: t, metric: m599, rule: at_least, value: 5, quote: q}").outcomes(
        "- {metric: m0, value: 5, quote: q}")
    (problem,) = api.validate(tmp_path)
    assert (problem.path, problem.line, problem.code.value, problem.message) == (
        "rules/metrics.yaml", 35, "expression",
        "derivations chained more than 32 deep; derive this metric from reported metrics more directly")
    completed = run("check", "2022", "--no-cache", "--data", str(tmp_path))
    assert completed.returncode == 2 and "Traceback" not in completed.stderr


@pytest.mark.process
def test_closed_standard_output_is_an_error_not_a_traceback(repository):
    completed = subprocess.run(f"{sys.executable} -m planaudit check 2022 --data {repository} >&-", shell=True,
                               capture_output=True)
    assert (completed.returncode, completed.stderr) == (2, b"planaudit: error: standard output is closed\n")


@pytest.mark.process
def test_an_encoding_that_cannot_show_the_text_escapes_it(repository):
    completed = planaudit_process("check", "2022", "--no-cache", "--data", str(repository), data=None,
                                  env={"PYTHONIOENCODING": "ascii"})
    assert completed.returncode == 1 and "Traceback" not in completed.stderr
    assert "\\u6cb3" in completed.stdout  # 河, escaped


@pytest.mark.process
def test_a_reader_that_stops_early_is_no_traceback(repository):
    completed = subprocess.run(f"{sys.executable} -m planaudit check 2022 --no-cache --format json --data {repository}"
                               " | head -c 10", shell=True, capture_output=True)
    assert b"Traceback" not in completed.stderr


# Size: nothing grows faster than the input


def test_at_most_a_hundred_problems_of_one_code_per_file(tmp_path):
    from support import RepoBuilder

    RepoBuilder(tmp_path).rules("metrics:\n  cases: {unit: case}\n")
    (tmp_path / "targets" / "2022").mkdir(parents=True)
    (tmp_path / "targets" / "2022" / "x.yaml").write_text(
        "jurisdiction: x\nyear: 2022\ntargets:\n" + "".join("  - 1\n" for _ in range(5000)), encoding="utf-8")
    problems = api.validate(tmp_path)
    assert len(problems) == 101
    assert [problem.code.value for problem in problems] == ["schema"] * 101
    assert problems[-1].message == "and 4900 more schema problems in this file"
    assert problems[-1].line == 104  # where the first one left out stands


# Schema holes: one validator decides, patterns anchored, each problem once


def test_an_id_with_a_final_newline_is_refused(tmp_path):
    from support import RepoBuilder

    RepoBuilder(tmp_path).rules("metrics:\n  cases: {unit: case}\n").targets(
        '- {id: "medical-dispute-closure\\n", title: t, metric: cases, rule: at_least, value: 5, quote: q}')
    (problem,) = api.validate(tmp_path)
    assert (problem.code.value, problem.line) == ("schema", 4)


def test_a_negative_tolerance_is_refused(tmp_path):
    from support import RepoBuilder

    RepoBuilder(tmp_path).rules("metrics:\n  cases: {unit: case, tolerance: -1}\n")
    (tmp_path / "planaudit.yaml").write_text("tolerance: '-0.5'\n", encoding="utf-8")
    problems = api.validate(tmp_path)
    assert [(problem.path, problem.code.value) for problem in problems] == [
        ("planaudit.yaml", "schema"), ("rules/metrics.yaml", "schema")]


def test_each_missing_key_is_reported_once(tmp_path):
    from support import RepoBuilder

    RepoBuilder(tmp_path).rules("metrics:\n  cases: {unit: case}\n").targets("- {id: a, metric: cases, rule: at_least}")
    problems = api.validate(tmp_path)
    assert len(problems) == len(set(problems)) == len({problem.message for problem in problems})


def test_what_the_quick_validator_refuses_is_never_valid(monkeypatch):
    from planaudit.read import structure
    from planaudit.read.yamlsource import parse_text
    from planaudit.schemas import Kind

    document = parse_text("jurisdiction: x\nyear: 2022\ntargets: []\n", "targets/2022/x.yaml")
    assert structure.check_structure(document, Kind.TARGET).problems == ()
    monkeypatch.setattr(structure, "matches_schema", lambda kind, instance: False)
    check = structure.check_structure(document, Kind.TARGET)
    assert [(problem.code.value, problem.message) for problem in check.problems] == [
        ("schema", "the file does not match its schema")]


@pytest.mark.process
def test_workers_of_a_killed_check_print_no_traceback(tmp_path):
    import signal
    import time

    data = tmp_path / "data"
    generate(data, 300)
    check = subprocess.Popen([sys.executable, "-m", "planaudit", "check", "2022", "--no-cache", "--format", "json",
                              "--data", str(data)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             start_new_session=True)
    time.sleep(1.5)
    os.kill(check.pid, signal.SIGKILL)
    try:
        _, errors = check.communicate(timeout=60)  # until every worker has let go of standard error
    finally:
        with __import__("contextlib").suppress(ProcessLookupError):
            os.killpg(check.pid, signal.SIGKILL)
    assert b"Traceback" not in errors and b"BrokenPipe" not in errors


def test_a_dangling_link_outside_says_nothing_of_what_is_there(repository):
    (repository / "targets" / "2022" / "probe.yaml").symlink_to("/no/such/file")
    (problem,) = api.validate(repository)
    assert (problem.code.value, problem.message) == (
        "outside-repository", "the file's real path is outside the data repository; it is not read")


def test_a_folder_linked_outside_after_a_first_run_is_caught(repository, tmp_path):
    assert api.validate(repository) == []
    outside = tmp_path / "outside"
    shutil.move(repository / "outcomes" / "2022", outside)
    (repository / "outcomes" / "2022").symlink_to(outside)
    assert {problem.code.value for problem in api.validate(repository)} == {"outside-repository"}
