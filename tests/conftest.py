"""Test-wide setup: planaudit's cache lives in a temporary directory, never in the source tree or the
real home directory."""

import atexit
import os
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import settings

# On CI, hypothesis tries the same examples every run (chosen from each test's name), so that a pull
# request is never failed by a chance find; a run elsewhere explores anew, and what it finds is kept
# as an explicit example.
settings.register_profile("ci", derandomize=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

EXAMPLE = Path(__file__).parent / "examples" / "basic"
_CACHE_HOME = tempfile.mkdtemp(prefix="planaudit-test-cache-")
atexit.register(shutil.rmtree, _CACHE_HOME, ignore_errors=True)
os.environ["XDG_CACHE_HOME"] = _CACHE_HOME
os.environ["PLANAUDIT_CACHE_DIR"] = os.path.join(_CACHE_HOME, "parses")
os.environ.pop("GITHUB_ACTIONS", None)  # tests that want a CI log say so themselves
os.environ.pop("GITHUB_STEP_SUMMARY", None)  # nor does a test's run append to a CI job's summary
os.environ.pop("GITHUB_BASE_REF", None)  # nor compare with a pull request's base
for _size in ("COLUMNS", "LINES"):  # pytest-xdist's workers say 80: a report is drawn as off a terminal in every run
    os.environ.pop(_size, None)


@pytest.fixture(autouse=True)
def own_cache(tmp_path_factory, monkeypatch):
    """Every test has a cache of its own, so whether it takes the cached path never depends on which
    tests ran before it."""
    monkeypatch.setenv("PLANAUDIT_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))


@pytest.fixture
def repository(tmp_path, monkeypatch):
    """A copy of tests/examples/basic, with a cache of its own."""
    root = tmp_path / "data"
    shutil.copytree(EXAMPLE, root)
    monkeypatch.setenv("PLANAUDIT_CACHE_DIR", str(tmp_path / "cache"))
    return root
