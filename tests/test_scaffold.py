"""`planaudit init` creates only inside its folder: a link anywhere on the way — dangling, to a file, to
a folder — is refused before anything is written (exit 2), and no file is made through one."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from acceptance_support import Run, planaudit
from planaudit.scaffold import FILES, LinkInTheWay, create_repository


def init(directory: Path) -> Run:
    return planaudit("init", str(directory), data=None, env={"GITHUB_ACTIONS": None})


def everything(*folders: Path) -> list[str]:
    return sorted(str(path) for folder in folders for path in folder.rglob("*"))


@pytest.mark.parametrize("name", ["planaudit.yaml", "rules", "rules/metrics.yaml", "targets", "targets/2022",
                                  "targets/2022/example.yaml", "outcomes/2022"])
@pytest.mark.parametrize("to", ["a dangling link", "a link to a folder outside"])
def test_a_link_on_the_way_is_refused_and_nothing_is_written(tmp_path, name, to):
    """The reported attack: a dangling planaudit.yaml, or a linked rules/, and init wrote outside its folder."""
    directory, outside = tmp_path / "new", tmp_path / "outside"
    outside.mkdir()
    link = directory / name
    link.parent.mkdir(parents=True, exist_ok=True)
    link.symlink_to(outside / "made-here" if to == "a dangling link" else outside)
    before = everything(directory)
    run = init(directory)
    assert (run.returncode, run.stdout) == (2, "")
    assert run.stderr == (f"planaudit: error: not creating a data repository: {link} is a symbolic link; init "
                          "creates files only inside its folder, never through a link\n")
    assert everything(outside) == [] and everything(directory) == before


def test_a_link_that_appears_after_the_look_is_not_followed(tmp_path, monkeypatch):
    """The folders are opened without following links, and files made only where nothing is: what
    the look before missed (a link made meanwhile) is refused all the same."""
    directory, outside = tmp_path / "new", tmp_path / "outside"
    outside.mkdir()
    made = os.mkdir

    def mkdir_then_swap(path, *args, **options):  # the rules folder becomes a link as it is made
        made(path, *args, **options)
        if path == "rules":
            (directory / "rules").rmdir()
            (directory / "rules").symlink_to(outside)

    monkeypatch.setattr(os, "mkdir", mkdir_then_swap)
    with pytest.raises(LinkInTheWay):
        create_repository(directory)
    assert everything(outside) == []


def test_the_worked_example_is_made_whole_and_private_to_nothing(tmp_path):
    directory = tmp_path / "new"
    run = init(directory)
    assert run.returncode == 0
    for name, text in FILES.items():
        assert (directory / name).read_text(encoding="utf-8") == text
        assert (directory / name).stat().st_mode & 0o777 == 0o666 & ~current_umask()


def test_the_refusal_reads_in_chinese(tmp_path):
    assert LinkInTheWay(tmp_path / "rules").format("zh") == (
        f"planaudit：错误：未创建数据仓库：{tmp_path / 'rules'} 是符号链接；init 只在其目录内创建文件，从不经由链接")


def current_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
