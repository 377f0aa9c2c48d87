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

from planaudit import api
from planaudit.exceptions import NotADataRepository

EXAMPLE = Path(__file__).parent / "examples" / "basic"


def run(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None, **options) -> subprocess.CompletedProcess:
    environment = {**os.environ, "LANG": "C.UTF-8", **(env or {})}
    environment.pop("GITHUB_ACTIONS", None) if env is None or "GITHUB_ACTIONS" not in env else None
    return subprocess.run([sys.executable, "-m", "planaudit", *args], capture_output=True, cwd=cwd, env=environment,
                          timeout=60, **options)


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
    output = completed.stdout.decode() + completed.stderr.decode()
    assert "SECRET" not in output
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
    completed = run("validate", "--data", str(repository), stdin=subprocess.DEVNULL)
    assert completed.returncode == 1
    assert expected in completed.stdout.decode()


def test_a_link_inside_the_repository_is_read(repository):
    target = repository / "targets" / "2022" / "riverton.yaml"
    kept = repository / "kept.yaml"
    shutil.move(target, kept)
    target.symlink_to(kept)
    assert api.validate(repository) == []


@pytest.mark.parametrize("folder", ["empty", "/"])
@pytest.mark.parametrize("command", [["validate"], ["check", "2022"], ["export", "2022"],
                                     ["explain", "2022", "a", "b"]])
def test_a_folder_that_is_not_a_data_repository_never_passes(tmp_path, folder, command):
    where = tmp_path if folder == "empty" else Path(folder)
    completed = run(*command, cwd=where)
    assert completed.returncode == 2
    assert completed.stdout == b""
    assert b"is not a data repository" in completed.stderr


def test_a_command_in_a_subfolder_finds_the_repositorys_root(repository):
    inside = repository / "targets" / "2022"
    completed = run("validate", cwd=inside)
    assert (completed.returncode, completed.stdout) == (0, b"no problems found\n")
    assert run("check", "2022", "--format", "json", "--no-cache", cwd=inside).stdout == run(
        "check", "2022", "--format", "json", "--no-cache", cwd=repository).stdout
    with pytest.raises(NotADataRepository):
        api.validate(repository / "no-such-folder")


# -o onto what is not a plain file


def test_output_onto_a_device_writes_into_it_and_never_replaces_it(repository, tmp_path):
    devices = tmp_path / "devs"
    devices.mkdir()
    null = devices / "null"
    os.mknod(null, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    completed = run("export", "2022", "-o", str(null), "--data", str(repository))
    assert completed.returncode == 0
    assert stat.S_ISCHR(null.stat().st_mode)


def test_output_onto_dev_stdout_and_a_fifo(repository, tmp_path):
    completed = run("export", "2022", "-o", "/dev/stdout", "--data", str(repository))
    assert completed.returncode == 0 and completed.stdout.startswith(b"# ")
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    reader = subprocess.Popen(["cat", str(fifo)], stdout=subprocess.PIPE)
    completed = run("export", "2022", "-o", str(fifo), "--data", str(repository))
    assert reader.communicate(timeout=60)[0].startswith(b"# ") and completed.returncode == 0
    assert stat.S_ISFIFO(fifo.stat().st_mode)


def test_output_onto_a_directory_is_refused(repository, tmp_path):
    before = sorted(tmp_path.iterdir())
    completed = run("export", "2022", "-o", str(tmp_path), "--data", str(repository))
    assert completed.returncode == 2 and str(tmp_path) in completed.stderr.decode()
    assert sorted(tmp_path.iterdir()) == before
    from planaudit.exceptions import CannotWrite
    from planaudit.output import write_atomically

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
