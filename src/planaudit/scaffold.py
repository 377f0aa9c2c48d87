"""`planaudit init`: a new data repository with one worked example."""

from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path

from planaudit.errors import CannotWrite, PlanauditError
from planaudit.messages import msg

EXAMPLE_YEAR = 2022

FILES = {
    "planaudit.yaml": """\
# Repository settings: the language of reports and which verdicts fail `planaudit check`.
lang: zh
fail_on: missed
""",
    "rules/metrics.yaml": """\
# The metric catalogue: every metric a target or figure names.
metrics:
  medical_dispute.cases_filed:
    label: {zh: 医患纠纷立案数, en: Medical disputes filed}
    unit: case
  medical_dispute.cases_closed:
    label: {zh: 医患纠纷结案数, en: Medical disputes closed}
    unit: case
  medical_dispute.closure_rate:
    label: {zh: 医患纠纷结案率, en: Medical-dispute closure rate}
    unit: percent
    # Derived from the counts whenever a report states them.
    derive: medical_dispute.cases_closed / medical_dispute.cases_filed * 100
""",
    f"targets/{EXAMPLE_YEAR}/example.yaml": f"""\
# One plan: the targets a jurisdiction set for a year.
jurisdiction: example
name: 示例市
year: {EXAMPLE_YEAR}
document: {{title: {EXAMPLE_YEAR}年司法行政工作要点（示例）, issuer: 示例市司法局}}
targets:
  - id: medical-dispute-closure
    title: 医患纠纷结案率达90%以上
    metric: medical_dispute.closure_rate
    rule: at_least
    value: 90%
    quote: 医患纠纷结案率达90%以上
""",
    f"outcomes/{EXAMPLE_YEAR}/example.yaml": f"""\
# One report: the figures a jurisdiction reported for that year.
jurisdiction: example
name: 示例市
year: {EXAMPLE_YEAR}
document: {{title: {EXAMPLE_YEAR}年司法行政工作总结（示例）, issuer: 示例市司法局}}
figures:
  - metric: medical_dispute.cases_filed
    value: 282
    quote: 立案282件
  - metric: medical_dispute.cases_closed
    value: 276
    quote: 结案276件
""",
}


class WouldOverwrite(PlanauditError):
    def __init__(self, existing: list[Path]) -> None:
        listed = ", ".join(str(path) for path in existing)
        super().__init__(msg("not creating a data repository: these files exist already: {files}", files=listed))


class LinkInTheWay(PlanauditError):
    def __init__(self, path: Path) -> None:
        super().__init__(msg("not creating a data repository: {path} is a symbolic link; init creates files only "
                             "inside its folder, never through a link", path=str(path)))


_FOLDER_FLAGS = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | getattr(os, "O_NOFOLLOW", 0)
_NEW_FILE_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)


def create_repository(directory: Path) -> list[Path]:
    """Write the worked example under ``directory`` (made when missing); refuse, writing nothing, if
    any of its files exists, or a link stands anywhere on their paths inside ``directory`` — a
    dangling one too. Each folder is opened, and each file made, relative to the folder above it,
    never following a link and never replacing anything (O_NOFOLLOW, O_CREAT | O_EXCL), so that
    nothing is written outside ``directory`` even if a link appears while it runs."""
    existing: list[Path] = []
    for name in FILES:
        linked, found = _in_the_way(directory, name)
        if linked is not None:
            raise LinkInTheWay(linked)
        existing += [found] if found is not None else []
    if existing:
        raise WouldOverwrite(existing)
    try:
        os.makedirs(directory, exist_ok=True)  # the folder the user named, as named
        root = os.open(directory, _FOLDER_FLAGS & ~getattr(os, "O_NOFOLLOW", 0))
    except OSError as error:
        raise CannotWrite(directory, error.strerror or str(error)) from error
    try:
        return [_create(root, directory, name, text) for name, text in FILES.items()]
    finally:
        os.close(root)


def _in_the_way(directory: Path, name: str) -> tuple[Path | None, Path | None]:
    """The first link on the path of ``name`` under ``directory``, and what stands where a file or
    folder of it would be made; each None when there is none."""
    parts = name.split("/")
    for count in range(1, len(parts) + 1):
        path = directory.joinpath(*parts[:count])
        try:
            status = os.lstat(path)
        except OSError:
            return None, None  # missing: made, as everything under it
        if stat.S_ISLNK(status.st_mode):
            return path, None
        if count == len(parts) or not stat.S_ISDIR(status.st_mode):
            return None, path
    return None, None


def _create(root: int, directory: Path, name: str, text: str) -> Path:
    """The file ``name`` made under the folder open as ``root``, with ``text`` in it."""
    *folders, file = name.split("/")
    path = directory
    opened: list[int] = []
    try:
        parent = root
        for folder in folders:
            path = path / folder
            with contextlib.suppress(FileExistsError):
                os.mkdir(folder, dir_fd=parent)
            parent = _open_folder(parent, folder, path)
            opened.append(parent)
        path = path / file
        _write_new(parent, file, path, text.encode("utf-8"))
    except OSError as error:
        raise CannotWrite(path, error.strerror or str(error)) from error
    finally:
        for descriptor in opened:
            os.close(descriptor)
    return path


def _open_folder(parent: int, folder: str, path: Path) -> int:
    try:
        return os.open(folder, _FOLDER_FLAGS, dir_fd=parent)
    except OSError:
        if stat.S_ISLNK(os.lstat(folder, dir_fd=parent).st_mode):
            raise LinkInTheWay(path) from None
        raise


def _write_new(parent: int, file: str, path: Path, data: bytes) -> None:
    """A new file, never through a link nor over anything; gone again when it cannot be written whole."""
    try:
        descriptor = os.open(file, _NEW_FILE_FLAGS, 0o666, dir_fd=parent)
    except FileExistsError:
        if stat.S_ISLNK(os.lstat(file, dir_fd=parent).st_mode):
            raise LinkInTheWay(path) from None
        raise WouldOverwrite([path]) from None
    try:
        with os.fdopen(descriptor, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(file, dir_fd=parent)
        raise
