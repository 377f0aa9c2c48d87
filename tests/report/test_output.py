"""Files are written atomically: all of the new text or none of it, and no temporary debris."""

import os

import pytest

from planaudit.errors import CannotWrite
from planaudit.report import output
from planaudit.report.output import write_atomically


def current_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask

def test_replaces_an_existing_file_with_a_normal_mode(tmp_path):
    target = tmp_path / "deep" / "report.md"
    write_atomically(target, "old\n")
    write_atomically(target, "新的报告\n")
    assert target.read_text(encoding="utf-8") == "新的报告\n"
    assert oct(target.stat().st_mode & 0o777) == oct(0o666 & ~current_umask())
    assert os.listdir(target.parent) == ["report.md"]


def test_a_failed_write_leaves_the_old_file_and_no_debris(tmp_path, monkeypatch):
    target = tmp_path / "report.md"
    target.write_text("old\n", encoding="utf-8")

    def broken_replace(source, destination):
        raise OSError("disk full")

    monkeypatch.setattr(output.os, "replace", broken_replace)
    with pytest.raises(CannotWrite, match=f"cannot write {target}: disk full"):
        write_atomically(target, "new\n")
    assert target.read_text(encoding="utf-8") == "old\n"
    assert os.listdir(tmp_path) == ["report.md"]


def test_without_replace_an_existing_file_is_left_alone(tmp_path):
    from planaudit.errors import OutputExists

    path = tmp_path / "draft.yaml"
    write_atomically(path, "first\n", replace=False)
    with pytest.raises(OutputExists, match="draft.yaml exists; pass --force to replace it"):
        write_atomically(path, "second\n", replace=False)
    assert path.read_text(encoding="utf-8") == "first\n"
    assert [file.name for file in tmp_path.iterdir()] == ["draft.yaml"]
