"""Data in a subfolder of its git repository: every command names every data file, in every format,
as the repository does (``data/outcomes/2022/lakeview.yaml``), so a path in a pull request's comment,
an annotation, a CI log or an exported audit can be opened from the repository's top as it is."""

from __future__ import annotations

import io
import re
import shutil
import zipfile

import pytest

from acceptance_support import EXAMPLES, planaudit
from git_support import commit_all, new_repository
from planaudit.report import CHECK, COVERAGE, DIFF, formats
from planaudit.report.problems import PROBLEM_FORMAT_NAMES

# A data file's path: a run of path characters that ends in targets/, outcomes/ or rules/ and a .yaml file.
DATA_PATH = re.compile(r"[\w./-]*(?:targets|outcomes|rules)/[\w./-]*\.yaml")


@pytest.fixture(scope="module")
def repository(tmp_path_factory):
    """evaluator's data at data/ and coverage's at cov/ of one git repository; a figure of data/ then
    changed (a verdict turns) and left uncommitted, for diff."""
    top = tmp_path_factory.mktemp("repository")
    new_repository(top)
    shutil.copytree(EXAMPLES / "evaluator", top / "data")
    shutil.copytree(EXAMPLES / "coverage", top / "cov")
    commit_all(top, "the data")
    report = top / "data" / "outcomes" / "2022" / "lakeview.yaml"
    report.write_text(report.read_text(encoding="utf-8").replace("91%", "80%"), encoding="utf-8")
    return top


def run(repository, folder, *args):
    """A run on the data in ``folder`` of ``repository``, on GitHub's runner: its workspace the
    repository's top."""
    return planaudit(*args, "--data", str(repository / folder), data=None, env={"GITHUB_WORKSPACE": str(repository)})


def paths_in(text: str) -> list[str]:
    return DATA_PATH.findall(text)


def written(done, output=None) -> str:
    """Everything a run wrote: standard output and error, and the file it wrote (a workbook's XML)."""
    text = done.stdout + done.stderr
    if output is not None and output.suffix == ".xlsx":
        with zipfile.ZipFile(io.BytesIO(output.read_bytes())) as book:
            text += "".join(book.read(name).decode("utf-8") for name in book.namelist() if name.endswith(".xml"))
    elif output is not None:
        text += output.read_text(encoding="utf-8")
    return text


def assert_from_the_top(text: str, folder: str) -> None:
    found = paths_in(text)
    assert found, "the run named no data file"
    assert [path for path in found if not path.startswith(folder + "/")] == []


@pytest.mark.parametrize("name", [found.name for found in formats(CHECK)])
def test_check_names_the_repository_s_paths(repository, tmp_path, name):
    output = tmp_path / "audit.xlsx" if name == "xlsx" else None  # a workbook only to a file
    where = ("-o", str(output)) if output is not None else ("--format", name)
    done = run(repository, "data", "check", "2022", *where, "--fail-on", "never")
    assert done.returncode == 0, done.stderr
    assert_from_the_top(written(done, output), "data")


@pytest.mark.parametrize("name", PROBLEM_FORMAT_NAMES)
def test_validate_names_the_repository_s_paths(repository, name):
    done = run(repository, "data", "validate", "--format", name)
    assert done.returncode == 0, done.stderr
    assert_from_the_top(written(done), "data")


@pytest.mark.parametrize("name", [found.name for found in formats(DIFF)])
def test_diff_names_the_repository_s_paths(repository, name):
    done = run(repository, "data", "diff", "HEAD", "--format", name)
    assert done.returncode == 0, done.stderr
    assert "80%" in done.stdout  # the changed figure is there, with its place
    assert_from_the_top(written(done), "data")


@pytest.mark.parametrize("name", [found.name for found in formats(COVERAGE)])
def test_coverage_names_the_repository_s_paths(repository, name):
    done = run(repository, "cov", "coverage", str(repository / "cov" / "sources" / "plan.txt"), "--format", name)
    assert done.returncode in (0, 1), done.stderr
    assert_from_the_top(written(done), "cov")


def test_explain_names_the_repository_s_paths(repository):
    done = run(repository, "data", "explain", "2022", "lakeview", "closure-rate-85")
    assert done.returncode == 0, done.stderr
    assert_from_the_top(written(done), "data")


def test_an_error_that_stops_the_run_names_the_repository_s_path(repository, tmp_path):
    broken = tmp_path / "repository"
    shutil.copytree(repository, broken)
    (broken / "data" / "rules" / "metrics.yaml").write_text("metrics: [\n", encoding="utf-8")
    done = run(broken, "data", "check", "2022")
    assert done.returncode == 2
    assert [line.split(" ")[:2] for line in done.stderr.splitlines()[:2]] == [
        ["data/rules/:1:1:", "unknown-metric"], ["data/rules/metrics.yaml:2:1:", "yaml-syntax"]]
