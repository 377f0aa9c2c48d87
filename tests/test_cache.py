"""The parse cache and parallel reading never change a verdict; a changed, corrupt or forged
cache entry is never used."""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

from planaudit import api, load, runner
from planaudit.cache import ParseCache
from planaudit.reporters import REPORTERS
from support import streamed_json


def verdicts(root: Path, **options) -> str:
    return REPORTERS["json"]().render(api.audit(root, 2022, **options))


def cache_files(root: Path) -> list[Path]:
    return [path for path in (root.parent / "cache").rglob("*") if path.is_file()]


def test_identical_with_and_without_cache_cold_and_warm_serial_and_parallel(repository, monkeypatch):
    uncached = verdicts(repository, cache=False)
    assert cache_files(repository) == []
    assert verdicts(repository) == uncached  # cold: fills the cache
    assert len(cache_files(repository)) == 5  # one entry per target, outcome and rules file
    assert verdicts(repository) == uncached  # warm
    monkeypatch.setattr(runner, "PARALLEL_FROM", 1)
    assert streamed_json(repository, workers=2, cache=False) == uncached
    assert streamed_json(repository, workers=2) == uncached
    assert streamed_json(repository, workers=1, cache=False) == uncached
    assert streamed_json(repository, workers=1) == uncached


def test_a_warm_run_parses_nothing(repository, monkeypatch):
    expected = verdicts(repository)

    def no_parsing(*arguments, **options):
        raise AssertionError("a cached file was parsed again")

    monkeypatch.setattr(load, "read_data_file", no_parsing)
    assert verdicts(repository) == expected


def test_a_changed_file_is_read_afresh(repository):
    verdicts(repository)
    report = repository / "outcomes" / "2022" / "riverton.yaml"
    report.write_text(report.read_text(encoding="utf-8").replace("value: 9.5", "value: 7.5"), encoding="utf-8")
    result = api.audit(repository, 2022)
    assert result.find("riverton", "litigation-loss").verdict.value == "met"


def test_corrupt_entries_are_ignored(repository):
    expected = verdicts(repository)
    for path in cache_files(repository):
        path.write_bytes(b"not a cache entry")
    assert verdicts(repository) == expected


def test_forged_entries_are_never_unpickled(repository, tmp_path):
    verdicts(repository)
    marker = tmp_path / "pwned"

    class Exploit:
        def __reduce__(self):
            return (os.system, (f"touch {marker}",))

    for path in cache_files(repository):
        path.write_bytes(b"\0" * 32 + pickle.dumps(Exploit()))
    verdicts(repository)
    assert not marker.exists()


def test_no_cache_writes_nothing(repository, tmp_path):
    environment = {**os.environ, "PLANAUDIT_CACHE_DIR": str(tmp_path / "cache")}
    completed = subprocess.run([sys.executable, "-m", "planaudit", "check", "2022", "--no-cache", "--format", "json",
                                "--data", str(repository)], capture_output=True, text=True, env=environment)
    assert completed.returncode == 1 and not (tmp_path / "cache").exists()


def test_two_runs_can_share_a_cache(repository, tmp_path):
    environment = {**os.environ, "PLANAUDIT_CACHE_DIR": str(tmp_path / "cache")}
    command = [sys.executable, "-m", "planaudit", "check", "2022", "--format", "json", "--data", str(repository)]
    runs = [subprocess.Popen(command, stdout=subprocess.PIPE, text=True, env=environment) for _ in range(4)]
    outputs = [run.communicate()[0] for run in runs]
    assert len(set(outputs)) == 1 and outputs[0] == verdicts(repository, cache=False)


def test_entries_written_by_other_code_are_not_used(repository, monkeypatch):
    from planaudit import cache

    expected = verdicts(repository)
    cache._code_fingerprint.cache_clear()
    monkeypatch.setattr(cache, "_code_fingerprint", lambda: "another build of planaudit")
    parsed = []
    original = load.read_data_file
    monkeypatch.setattr(load, "read_data_file", lambda *job, **options: parsed.append(job[1]) or original(*job, **options))
    assert verdicts(repository) == expected
    assert len(parsed) == 4  # every target and outcome file read afresh


def cli(repository: Path, cache: Path, *args: str, importtime: bool = False) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "PLANAUDIT_CACHE_DIR": str(cache), "LANG": "C.UTF-8"}
    flags = ["-X", "importtime"] if importtime else []
    return subprocess.run([sys.executable, *flags, "-m", "planaudit", *args, "--data", str(repository)],
                          capture_output=True, text=True, env=environment)


def test_an_unchanged_repository_is_answered_without_loading_the_library(repository, tmp_path):
    cache = tmp_path / "run-cache"
    first = cli(repository, cache, "check", "2022", importtime=True)
    second = cli(repository, cache, "check", "2022", importtime=True)
    assert (second.returncode, second.stdout) == (first.returncode, first.stdout) == (
        1, cli(repository, tmp_path / "none", "check", "2022", "--no-cache").stdout)
    assert "planaudit.judge" in first.stderr and "planaudit.judge" not in second.stderr


def test_the_memo_follows_every_input_and_option(repository, tmp_path):
    cache = tmp_path / "run-cache"
    for args in (("check", "2022"), ("check", "2022", "--format", "json"), ("check", "2022", "--lang", "zh"),
                 ("check", "2022", "-j", "riverton", "--fail-on", "never")):
        cli(repository, cache, *args)  # fill the memo
        assert cli(repository, cache, *args).stdout == cli(repository, tmp_path / "none", *args, "--no-cache").stdout
    report = repository / "outcomes" / "2022" / "riverton.yaml"
    report.write_text(report.read_text(encoding="utf-8").replace("value: 9.5", "value: 7.5"), encoding="utf-8")
    changed = cli(repository, cache, "check", "2022", "--format", "json")
    assert '"verdict": "met"' in changed.stdout.split('"id": "litigation-loss"')[1].split("}")[0]


def test_a_replay_writes_the_output_files_again(repository, tmp_path):
    cache, target = tmp_path / "run-cache", tmp_path / "out" / "audit.md"
    cli(repository, cache, "check", "2022", "-o", str(target))
    expected = target.read_text(encoding="utf-8")
    target.unlink()
    cli(repository, cache, "check", "2022", "-o", str(target))
    assert target.read_text(encoding="utf-8") == expected


def test_a_tampered_memo_copy_is_never_replayed(repository, tmp_path):
    cache = tmp_path / "run-cache"
    expected = cli(repository, cache, "check", "2022", "--format", "json").stdout
    blobs = [path for path in cache.rglob("*-0") if path.is_file()]
    assert len(blobs) == 1  # the one output's copy
    blobs[0].write_bytes(blobs[0].read_bytes().replace(b'"verdict": "missed"', b'"verdict": "met"   '))
    again = cli(repository, cache, "check", "2022", "--format", "json", importtime=True)
    assert again.stdout == expected and "planaudit.judge" in again.stderr  # judged afresh


def test_an_unwritable_cache_never_fails_a_run(repository, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory", encoding="utf-8")
    expected = cli(repository, tmp_path / "none", "check", "2022", "--no-cache", "-o", str(tmp_path / "a.md"))
    run = cli(repository, blocker / "cache", "check", "2022", "-o", str(tmp_path / "b.md"))
    assert (run.returncode, run.stdout, run.stderr) == (expected.returncode, expected.stdout, "")
    assert (tmp_path / "a.md").read_text(encoding="utf-8") == (tmp_path / "b.md").read_text(encoding="utf-8")


def test_a_copy_that_fails_halfway_is_dropped_quietly(tmp_path):
    cache = ParseCache(tmp_path / "cache", b"k" * 32)
    with cache.writing("ab-blob") as copy:
        assert copy is not None
        copy.write(b"the first half")
        copy.stream.write = lambda data: (_ for _ in ()).throw(OSError(28, "No space left on device"))
        copy.write(b"the second half")
    assert cache.reading("ab-blob") is None
    assert [path.name for path in (tmp_path / "cache").rglob("*")] == ["ab"]  # no entry, no debris


def test_what_fails_while_a_copy_is_kept_is_not_swallowed(tmp_path):
    cache = ParseCache(tmp_path / "cache", b"k" * 32)
    with pytest.raises(BrokenPipeError), cache.writing("ab-blob") as copy:
        copy.write(b"written")
        raise BrokenPipeError("standard output went away")
    assert cache.reading("ab-blob") is None


def test_a_kept_copy_reads_back_only_with_its_signature(tmp_path):
    cache = ParseCache(tmp_path / "cache", b"k" * 32)
    with cache.writing("ab-blob") as copy:
        copy.write("报告\n".encode())
    with cache.reading("ab-blob") as kept:
        assert kept.read() == "报告\n".encode()
    assert ParseCache(tmp_path / "cache", b"x" * 32).reading("ab-blob") is None  # another user's key
