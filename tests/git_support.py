"""Git repositories for the tests of `planaudit diff` and of the GitHub Action: made the same way on
every machine (fixed names, dates and branch, no global or system configuration), so that their
commits are the same; and the edits the tests make to `planaudit init`'s worked example."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

GIT_ENVIRONMENT = {
    "GIT_AUTHOR_NAME": "planaudit tests", "GIT_AUTHOR_EMAIL": "tests@planaudit.invalid",
    "GIT_COMMITTER_NAME": "planaudit tests", "GIT_COMMITTER_EMAIL": "tests@planaudit.invalid",
    "GIT_AUTHOR_DATE": "2023-03-01T12:00:00+08:00", "GIT_COMMITTER_DATE": "2023-03-01T12:00:00+08:00",
    "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1",
}


def git(root: Path, *args: str) -> str:
    """Run git in ``root``; its standard output."""
    environment = {**os.environ, **GIT_ENVIRONMENT}
    environment.pop("GITHUB_BASE_REF", None)
    done = subprocess.run(["git", *args], cwd=root, env=environment, capture_output=True, text=True, check=True)
    return done.stdout


def new_repository(root: Path) -> None:
    """An empty git repository on branch main."""
    root.mkdir(parents=True, exist_ok=True)
    git(root, "init", "--quiet", "--initial-branch=main")


def commit_all(root: Path, message: str) -> str:
    """Commit every file of the working tree; the new commit's id."""
    git(root, "add", "--all")
    git(root, "commit", "--quiet", "--message", message)
    return git(root, "rev-parse", "HEAD").strip()


Entry = tuple[str, str, "bytes | str | list[Entry]"]  # (mode, name, a blob's content, an object id or a folder's entries)
FOLDER, FILE, LINK = "40000", "100644", "120000"


def hash_object(root: Path, content: bytes, kind: str = "blob", write: bool = True) -> str:
    """The id of an object of ``content``: written to the repository as it is (unchecked), or only named."""
    done = subprocess.run(["git", "hash-object", "--literally", "-t", kind, "--stdin", *(["-w"] if write else [])],
                          cwd=root, input=content, env={**os.environ, **GIT_ENVIRONMENT}, capture_output=True, check=True)
    return done.stdout.decode().strip()


def write_tree(root: Path, entries: list[Entry]) -> str:
    """A tree of ``entries`` written exactly as given — in their order, duplicates kept, nothing checked — as a
    hostile repository's may be (git clone does not check trees); its id."""
    raw = b""
    for mode, name, content in entries:
        if isinstance(content, list):
            obj = write_tree(root, content)
        else:
            obj = content if isinstance(content, str) else hash_object(root, content)
        raw += f"{mode} ".encode() + os.fsencode(name) + b"\0" + bytes.fromhex(obj)
    return hash_object(root, raw, "tree")


def folder_entries(folder: Path) -> list[Entry]:
    """The entries of a folder of the working tree (its .git left out), as git would sort them."""
    entries: list[Entry] = []
    for path in folder.iterdir():
        if path.name == ".git":
            continue
        if path.is_symlink():
            entries.append((LINK, path.name, os.fsencode(os.readlink(path))))
        elif path.is_dir():
            entries.append((FOLDER, path.name, folder_entries(path)))
        else:
            entries.append((FILE, path.name, path.read_bytes()))
    return sorted(entries, key=lambda entry: entry[1] + "/" if entry[0] == FOLDER else entry[1])


def commit_tree(root: Path, entries: list[Entry], branch: str, message: str) -> str:
    """A commit of the tree ``entries`` on top of HEAD, on the new ``branch``; its id."""
    commit = git(root, "commit-tree", write_tree(root, entries), "-p", "HEAD", "-m", message).strip()
    git(root, "branch", branch, commit)
    return commit


def replaced(entries: list[Entry], path: str, new: list[Entry]) -> list[Entry]:
    """``entries`` with the entry at ``path`` (a/b/c.yaml) replaced by the entries ``new``."""
    first, _, rest = path.partition("/")
    if not rest:
        return [entry for entry in entries if entry[1] != first] + new
    return [(mode, name, replaced(content, rest, new) if name == first and isinstance(content, list) else content)
            for mode, name, content in entries]


SECOND_TARGET = """\
  - id: cases-filed
    title: 受理医患纠纷250件以上
    metric: medical_dispute.cases_filed
    rule: at_least
    value: 250
    quote: 受理医患纠纷250件以上
"""


def add_a_met_target(root: Path) -> None:
    """A second target of the worked example's plan, met by its report (282 filed)."""
    plan = root / "targets" / "2022" / "example.yaml"
    plan.write_text(plan.read_text(encoding="utf-8") + SECOND_TARGET, encoding="utf-8")


def lower_the_closed_count(root: Path) -> None:
    """250 closed of 282, not 276: the closure rate, 97.87% (met), becomes 88.65% (missed)."""
    report = root / "outcomes" / "2022" / "example.yaml"
    report.write_text(report.read_text(encoding="utf-8").replace("value: 276\n    quote: 结案276件",
                                                                 "value: 250\n    quote: 结案250件"), encoding="utf-8")
