"""The cache never changes a verdict, lives where strangers cannot write, holds nothing that can run
code, and answers only for the very bytes a run read."""

from __future__ import annotations

import dataclasses
import json
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from acceptance_support import Run, planaudit, planaudit_process
from planaudit import api
from planaudit.model.result import JurisdictionResult, Verdict
from planaudit.read import layout
from planaudit.report import REPORTERS
from planaudit.run import cache, codec, pool, runner
from planaudit.run.cache import Cache, run_digest, unit_digest
from support import generate, streamed_json

ROOT = Path(__file__).parent.parent.parent
KEY = bytes(range(32))  # a user's secret key, for caches made directly


def verdicts(root: Path) -> str:
    return REPORTERS["json"]().render(api.audit(root, 2022))


def cache_files(root: Path) -> list[Path]:
    return [path for path in (root.parent / "cache").rglob("*") if path.is_file()]


def test_identical_with_and_without_cache_cold_and_warm_serial_and_parallel(repository, monkeypatch):
    uncached = streamed_json(repository, cache=False)
    assert uncached == verdicts(repository)
    assert streamed_json(repository) == uncached  # cold: fills the cache
    assert len(cache_files(repository)) == 2  # one entry per jurisdiction
    assert streamed_json(repository) == uncached  # warm
    monkeypatch.setattr(pool, "PARALLEL_FROM", 1)
    assert streamed_json(repository, workers=2, cache=False) == uncached
    assert streamed_json(repository, workers=2) == uncached
    assert streamed_json(repository, workers=1) == uncached


def test_every_format_renders_alike_from_the_cache(repository):
    for name in REPORTERS:
        fresh = runner.render(runner.prepare(repository, 2022), [REPORTERS[name]("zh")])
        runner.render(runner.prepare(repository, 2022, cache=Cache.open(repository)), [REPORTERS[name]("zh")])
        cached = runner.render(runner.prepare(repository, 2022, cache=Cache.open(repository)), [REPORTERS[name]("zh")])
        texts = []
        for rendered in (fresh, cached):
            import io

            buffer = io.BytesIO()
            out = io.TextIOWrapper(buffer, encoding="utf-8", newline="")  # a workbook writes bytes to out.buffer
            rendered.write(0, out)
            out.flush()
            texts.append(buffer.getvalue())
        assert texts[0] == texts[1], name


def test_entries_are_plain_data_and_corrupt_ones_are_ignored(repository):
    expected = streamed_json(repository)
    shared = runner.Shared(runner.prepare(repository, 2022))
    for path in cache_files(repository):  # after its MAC: JSON of the model's classes, nothing else
        problems, result = codec.loads(path.read_bytes()[cache.MAC_SIZE:], shared.resolve)
        assert isinstance(result, JurisdictionResult) and result.results[0].rule is shared.rules[result.results[0].rule.id]
    for path in cache_files(repository):
        path.write_bytes(path.read_bytes()[:-1])  # cut short by a byte
    assert streamed_json(repository) == expected
    shapeless = [[], ["x", 1, [], []]]
    for garbage in (b"not a cache entry", json.dumps(shapeless).encode(), b"\x80\x04K."):  # with no MAC
        for path in cache_files(repository):
            path.write_bytes(garbage)
        assert streamed_json(repository) == expected
    kept = Cache.open(repository)
    for value in (shapeless, [], [[["a", 1, 1, "nope", "m"]], None], {"t": [{"t": []}, {"C": "Popen", "f": {}}]},
                  {"t": [{"t": []}, {"R": "rule", "id": "no-such-rule"}]}):  # with the user's MAC: read, and refused
        for path in cache_files(repository):
            kept.put(path.name, value)
        assert streamed_json(repository) == expected


def test_an_entry_that_is_not_a_regular_file_is_a_miss_at_once(repository):
    expected = streamed_json(repository)
    for path in cache_files(repository):
        path.unlink()
        os.mkfifo(path)  # reading a FIFO would hang
    assert streamed_json(repository) == expected
    for path in cache_files(repository):
        path.unlink()
        path.symlink_to("/dev/zero")
    assert streamed_json(repository) == expected


def test_the_cache_lives_in_the_users_cache_directory_never_in_the_repository(repository, monkeypatch, tmp_path):
    monkeypatch.delenv("PLANAUDIT_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    (repository / ".planaudit-cache").mkdir()  # a committed one is never looked at
    streamed_json(repository)
    assert list((repository / ".planaudit-cache").iterdir()) == []
    folder, key = sorted((tmp_path / "xdg" / "planaudit").iterdir(), key=lambda path: path.name == cache.KEY_FILE)
    assert folder.stat().st_mode & 0o777 == 0o700 and any(folder.rglob("*"))
    assert key.name == cache.KEY_FILE and key.stat().st_mode & 0o777 == 0o600 and key.stat().st_size == cache.KEY_SIZE
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert cache.cache_directory(repository).parent == tmp_path / "home" / ".cache" / "planaudit"


def test_a_directory_others_may_write_to_is_not_used(repository, monkeypatch, tmp_path):
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o777)
    monkeypatch.setenv("PLANAUDIT_CACHE_DIR", str(shared))
    assert Cache.open(repository) is None
    assert streamed_json(repository) == streamed_json(repository, cache=False)
    assert list(shared.iterdir()) == []


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="giving a folder away needs root")
def test_a_directory_of_another_user_is_not_used(repository, monkeypatch, tmp_path):
    theirs = tmp_path / "theirs"
    theirs.mkdir(mode=0o700)
    os.chown(theirs, 54321, -1)
    monkeypatch.setenv("PLANAUDIT_CACHE_DIR", str(theirs))
    assert Cache.open(repository) is None
    assert streamed_json(repository) == streamed_json(repository, cache=False)
    assert list(theirs.iterdir()) == []


def test_symlinked_fan_out_folders_write_nothing_elsewhere(repository, tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    streamed_json(repository)
    files = cache_files(repository)
    for path in files:
        path.unlink()
    for folder in {path.parent for path in files}:  # two entries may share a folder: each is replaced once
        folder.rmdir()
        folder.symlink_to(elsewhere)
    assert streamed_json(repository) == streamed_json(repository, cache=False)


def test_keys_are_length_prefixed():
    """Names and contents are not merely joined: a + b is not one file holding both."""
    two = unit_digest([("targets/2022/a.yaml", b"a"), ("targets/2022/b.yaml", b"b")])
    one = unit_digest([("targets/2022/a.yaml", b"a\0targets/2022/b.yaml\0b")])
    assert two != one
    assert run_digest([("rules/a.yaml", b"x")], [], []) != run_digest([("rules/a.yaml", b""), ("x", b"")], [], [])
    assert Cache.key("ab", "c") != Cache.key("a", "bc")


def test_the_digest_a_run_records_is_the_one_a_lookup_computes(repository):
    rendered = runner.render(runner.prepare(repository, 2022), [REPORTERS["json"]()])
    assert rendered.inputs == cache.inputs_digest(repository, 2022)
    report = repository / "outcomes" / "2022" / "riverton.yaml"
    report.write_bytes(report.read_bytes() + b"# changed\n")
    assert rendered.inputs != cache.inputs_digest(repository, 2022)


def test_no_cache_writes_nothing(repository, tmp_path):
    completed = cli(repository, tmp_path / "cache", "check", "2022", "--no-cache", "--format", "json")
    assert completed.returncode == 1 and not (tmp_path / "cache").exists()


@pytest.mark.long  # a race: four processes at once
@pytest.mark.process
def test_two_runs_can_share_a_cache(repository, tmp_path):
    environment = {**os.environ, "PLANAUDIT_CACHE_DIR": str(tmp_path / "cache")}
    command = [sys.executable, "-m", "planaudit", "check", "2022", "--format", "json", "--data", str(repository)]
    runs = [subprocess.Popen(command, stdout=subprocess.PIPE, text=True, env=environment) for _ in range(4)]
    outputs = [run.communicate()[0] for run in runs]
    assert len(set(outputs)) == 1 and outputs[0] == verdicts(repository)


def test_entries_written_by_other_code_are_not_used(repository, monkeypatch):
    streamed_json(repository)
    cache.code_fingerprint.cache_clear()
    monkeypatch.setattr(cache, "code_fingerprint", lambda: "another build of planaudit")
    judged = []
    original = runner.judge_jurisdiction
    monkeypatch.setattr(runner, "judge_jurisdiction", lambda audit, unit, *contents: judged.append(unit.slug)
                        or original(audit, unit, *contents))
    assert streamed_json(repository) == streamed_json(repository, cache=False)
    assert "riverton" in judged


def cli(repository: Path, cache_dir: Path, *args: str, importtime: bool = False) -> Run | subprocess.CompletedProcess[str]:
    """The command with its own cache: in this process, or a real one that reports what it imports."""
    environment = {"PLANAUDIT_CACHE_DIR": str(cache_dir)}
    if importtime:
        return planaudit_process(*args, "--data", str(repository), data=None, env=environment,
                                 command=(sys.executable, "-X", "importtime", "-m", "planaudit"))
    return planaudit(*args, "--data", str(repository), data=None, env=environment)


@pytest.mark.process  # what the process imports
def test_an_unchanged_repository_is_answered_without_loading_the_library(repository, tmp_path):
    cache_dir = tmp_path / "run-cache"
    first = cli(repository, cache_dir, "check", "2022", importtime=True)
    second = cli(repository, cache_dir, "check", "2022", importtime=True)
    assert (second.returncode, second.stdout) == (first.returncode, first.stdout) == (
        1, cli(repository, tmp_path / "none", "check", "2022", "--no-cache").stdout)
    assert "planaudit.judge" in first.stderr and "planaudit.judge" not in second.stderr
    why = "failed: 2 missed (riverton/backlog-cleared, riverton/litigation-loss) — --fail-on missed"
    assert first.stderr.splitlines()[-1] == second.stderr.splitlines()[-1] == why  # replayed, said again


def test_the_memo_follows_every_input_and_option(repository, tmp_path):
    cache_dir = tmp_path / "run-cache"
    for args in (("check", "2022"), ("check", "2022", "--format", "json"), ("check", "2022", "--lang", "zh"),
                 ("check", "2022", "-j", "riverton", "--fail-on", "never")):
        cli(repository, cache_dir, *args)  # fill the memo
        assert cli(repository, cache_dir, *args).stdout == cli(repository, tmp_path / "none", *args, "--no-cache").stdout
    report = repository / "outcomes" / "2022" / "riverton.yaml"
    report.write_text(report.read_text(encoding="utf-8").replace("value: 9.5", "value: 7.5"), encoding="utf-8")
    changed = cli(repository, cache_dir, "check", "2022", "--format", "json")
    assert '"verdict": "met"' in changed.stdout.split('"id": "litigation-loss"')[1].split("}")[0]


def test_a_file_edited_during_a_run_and_restored_never_brings_back_that_runs_answer(repository, tmp_path, monkeypatch):
    """The reported race: the memo was keyed on a digest taken before the files were read."""
    report = repository / "outcomes" / "2022" / "riverton.yaml"
    original = report.read_bytes()
    edited = original.replace(b"value: 9.5", b"value: 7.5")
    reading = layout.read_bytes

    def edit_while_reading(root, path, *limit):  # the edit lands between the lookup and the run's own reading
        if path == report:
            report.write_bytes(edited)
        return reading(root, path, *limit)

    cache_dir = tmp_path / "run-cache"
    monkeypatch.setenv("PLANAUDIT_CACHE_DIR", str(cache_dir))
    from typer.testing import CliRunner

    from planaudit.cli.app import app

    monkeypatch.setattr(layout, "read_bytes", edit_while_reading)
    during = CliRunner().invoke(app, ["check", "2022", "--format", "json", "--data", str(repository)])
    monkeypatch.setattr(layout, "read_bytes", reading)
    report.write_bytes(original)
    after = cli(repository, cache_dir, "check", "2022", "--format", "json")
    assert '"verdict": "met"' in during.stdout.split('"id": "litigation-loss"')[1].split("}")[0]
    assert after.stdout == cli(repository, tmp_path / "none", "check", "2022", "--format", "json", "--no-cache").stdout
    assert after.stdout != during.stdout


@pytest.mark.long  # a race, timed: test_a_file_edited_during_a_run_and_restored_never_brings_back_that_runs_answer holds it
@pytest.mark.process
def test_a_file_overwritten_while_check_runs_is_never_replayed_later(tmp_path):
    """As reported: 300 jurisdictions, one target file overwritten 0.2 s into a run, restored after."""
    data = tmp_path / "data"
    generate(data, 300)
    environment = {**os.environ, "PLANAUDIT_CACHE_DIR": str(tmp_path / "cache")}
    command = [sys.executable, "-m", "planaudit", "check", "2022", "--format", "json", "--data", str(data)]
    target = sorted((data / "targets" / "2022").glob("*.yaml"))[-1]
    original = target.read_bytes()
    run = subprocess.Popen(command, stdout=subprocess.PIPE, env=environment)
    overwrite = threading.Timer(0.2, target.write_bytes, [original.replace(b"rule: at_least", b"rule: at_most")])
    overwrite.start()
    run.communicate()
    overwrite.join()
    target.write_bytes(original)
    later = subprocess.run(command, capture_output=True, env=environment).stdout
    fresh = subprocess.run([*command, "--no-cache"], capture_output=True, env=environment).stdout
    assert later == fresh


def test_a_replay_writes_the_output_files_again(repository, tmp_path):
    cache_dir, target = tmp_path / "run-cache", tmp_path / "out" / "audit.md"
    cli(repository, cache_dir, "check", "2022", "-o", str(target))
    expected = target.read_text(encoding="utf-8")
    target.unlink()
    cli(repository, cache_dir, "check", "2022", "-o", str(target))
    assert target.read_text(encoding="utf-8") == expected


@pytest.mark.process  # what the process imports
def test_a_tampered_memo_copy_is_never_replayed(repository, tmp_path):
    cache_dir = tmp_path / "run-cache"
    expected = cli(repository, cache_dir, "check", "2022", "--format", "json").stdout
    blobs = [path for path in cache_dir.rglob("*-0") if path.is_file()]
    assert len(blobs) == 1  # the one output's copy
    blobs[0].write_bytes(blobs[0].read_bytes().replace(b'"verdict": "missed"', b'"verdict": "met"   '))
    again = cli(repository, cache_dir, "check", "2022", "--format", "json", importtime=True)
    assert again.stdout == expected and "planaudit.judge" in again.stderr  # judged afresh


def test_an_unwritable_cache_never_fails_a_run(repository, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory", encoding="utf-8")
    expected = cli(repository, tmp_path / "none", "check", "2022", "--no-cache", "-o", str(tmp_path / "a.md"))
    run = cli(repository, blocker / "cache", "check", "2022", "-o", str(tmp_path / "b.md"))
    assert (run.returncode, run.stdout, run.stderr) == (expected.returncode, expected.stdout, expected.stderr)
    assert (tmp_path / "a.md").read_text(encoding="utf-8") == (tmp_path / "b.md").read_text(encoding="utf-8")


def test_a_copy_that_fails_halfway_is_dropped_quietly(tmp_path):
    kept = Cache(tmp_path / "cache", KEY)
    with kept.writing("ab-blob") as copy:
        assert copy is not None
        copy.write(b"the first half")
        copy.stream.write = lambda data: (_ for _ in ()).throw(OSError(28, "No space left on device"))
        copy.write(b"the second half")
    assert copy.failed
    assert kept.reading("ab-blob", copy.hexdigest(), copy.size) is None
    assert [path.name for path in (tmp_path / "cache").rglob("*")] == ["ab"]  # no entry, no debris


def test_what_fails_while_a_copy_is_kept_is_not_swallowed(tmp_path):
    kept = Cache(tmp_path / "cache", KEY)
    with pytest.raises(BrokenPipeError), kept.writing("ab-blob") as copy:
        copy.write(b"written")
        raise BrokenPipeError("standard output went away")
    assert kept.reading("ab-blob", copy.hexdigest(), copy.size) is None


def test_a_kept_copy_reads_back_only_with_its_digest_and_size(tmp_path):
    kept = Cache(tmp_path / "cache", KEY)
    with kept.writing("ab-blob") as copy:
        copy.write("报告\n".encode())
    with kept.reading("ab-blob", copy.hexdigest(), copy.size) as back:
        assert back.read() == "报告\n".encode()
    assert kept.reading("ab-blob", copy.hexdigest(), copy.size + 1) is None
    assert kept.reading("ab-blob", "0" * 40, copy.size) is None


def test_nothing_in_planaudit_unpickles_what_it_did_not_pickle_in_this_run():
    """Only run/wire.py pickles: a result crossing from a worker to the run, kept in the run's own
    unnamed temporary file (runner.Results) until the reporters read it. Nothing that outlives a
    run — the cache, the memo — and nothing read from a file is ever unpickled."""
    import re

    package = ROOT / "src" / "planaudit"
    pattern = r"\bimport (?:c?pickle|marshal|shelve|dill)\b|\b(?:pickle|marshal)\.loads?\("
    found = {path.relative_to(package).as_posix(): re.findall(pattern, path.read_text(encoding="utf-8"))
             for path in package.rglob("*.py")}
    assert {path: calls for path, calls in found.items() if calls} == {"run/wire.py": ["import pickle", "pickle.loads("]}
    sources = {path.relative_to(package).as_posix(): path.read_text(encoding="utf-8") for path in package.rglob("*.py")}
    assert [path for path, text in sources.items() if "unpickled(" in text or "wire.loads(" in text] == ["run/runner.py"]
    assert re.findall(r"\w+\.unpickled\(|\bwire\.loads\(", sources["run/runner.py"]) == [
        "wire.loads(", "shared.unpickled("]  # in Shared.unpickled, which Results alone calls


def test_timing_is_not_what_keeps_a_copy_whole(tmp_path):
    """A copy being written is never read: it becomes the entry only when it is whole."""
    kept = Cache(tmp_path / "cache", KEY)
    with kept.writing("ab-blob") as copy:
        copy.write(b"half")
        assert kept.reading("ab-blob", copy.hexdigest(), copy.size) is None


@pytest.mark.parametrize("record", [None, "text", ["abc", 0, ["ab", "cd", "ef"]], [[None], "1", [["d", 1]]],
                                    [[None], 0, [["d", "1"]]], [[None, None], 0, [["d", 1]]],
                                    [[None], 0, [["d", 1]], 1, []], [[None], 0, [["d", 1]], "en", [1]],
                                    [[None], 0, [["d", 1]], "en", "said"], [[None], 0, [["d", 1]], "en"]])
def test_a_memo_record_of_any_other_shape_is_a_miss(repository, record):
    from planaudit.run.memo import RunMemo

    memo = RunMemo.open(repository, 2022, [], ["the options"])
    memo.cache.put(memo.key(cache.inputs_digest(repository, 2022)), record)
    assert memo.recorded() is None


def test_a_memo_record_planaudit_did_not_write_is_never_replayed(repository, tmp_path, monkeypatch):
    cache_dir = tmp_path / "run-cache"
    first = cli(repository, cache_dir, "check", "2022", "--format", "json")
    assert first.returncode == 1
    monkeypatch.setenv("PLANAUDIT_CACHE_DIR", str(cache_dir))
    kept = Cache.open(repository)
    entries = {path: kept.get(path.name) for path in cache_dir.rglob("*") if path.is_file()}
    ((path, (paths, _, blobs, lang, _)),) = [(path, value) for path, value in entries.items()
                                             if type(value) is list and len(value) == 5]  # the memo's one record
    path.write_bytes(json.dumps([paths, 0, blobs, lang, []]).encode())  # passed, says its plain form, with no MAC
    again = cli(repository, cache_dir, "check", "2022", "--format", "json")
    assert (again.returncode, again.stdout) == (1, first.stdout)


def test_an_entry_that_is_a_directory_is_a_miss(repository):
    """The reported attack: a directory where an entry belongs was a traceback."""
    expected = streamed_json(repository, cache=False)
    streamed_json(repository)
    for path in cache_files(repository):
        path.unlink()
        path.mkdir()
    assert streamed_json(repository) == expected


def test_an_entry_of_lists_nested_two_hundred_thousand_deep_is_a_miss(repository, monkeypatch):
    """The reported attack: the reader of entries recursed once per list, past Python's stack."""
    deep = b"[" * 200_000 + b"]" * 200_000
    with pytest.raises(codec.CodecError):
        codec.loads(deep)
    with pytest.raises(codec.CodecError):
        codec.loads(b'{"t":[' * 100_000 + b"null" + b"]}" * 100_000)
    value = codec.loads(b'{"t": [' * 32 + b"null" + b"]}" * 32)  # a few deep: read
    for _ in range(32):
        (value,) = value
    assert value is None
    expected = streamed_json(repository, cache=False)
    streamed_json(repository)
    monkeypatch.setenv("PLANAUDIT_CACHE_DIR", str(repository.parent / "cache"))
    kept = Cache.open(repository)
    for path in cache_files(repository):
        kept.put_bytes(path.name, deep)  # with the user's MAC: read, and refused
    assert streamed_json(repository) == expected


def forged_cache(repository: Path, cache_dir: Path, monkeypatch) -> dict[Path, bytes]:
    """Every judged jurisdiction in ``cache_dir`` forged to have met what it missed — with the user's own
    key, as if the forger had it — and the run memo dropped: the forged entries, by path."""
    monkeypatch.setenv("PLANAUDIT_CACHE_DIR", str(cache_dir))
    honest = streamed_json(repository)
    kept = Cache.open(repository)
    shared = runner.Shared(runner.prepare(repository, 2022))
    forged = {}
    for path in [path for path in cache_dir.rglob("*") if path.is_file()]:
        try:
            problems, result = codec.loads(kept.get_bytes(path.name) or b"", shared.resolve)
        except (codec.CodecError, ValueError):  # the memo's record, or a report's copy
            path.unlink()
            continue
        met = tuple(dataclasses.replace(item, verdict=Verdict.MET) if item.verdict is Verdict.MISSED else item
                    for item in result.results)
        forged[path] = codec.dumps((problems, dataclasses.replace(result, results=met)), shared.reference)
        kept.put_bytes(path.name, forged[path])
    assert streamed_json(repository) != honest  # the forged entries are what a run reads
    return forged


def test_a_cache_directory_in_the_repository_is_not_used(repository, tmp_path, monkeypatch):
    """The reported attack: PLANAUDIT_CACHE_DIR inside the repository, and a forged entry committed there —
    a missed target reported met, exit 0."""
    fresh = cli(repository, tmp_path / "none", "check", "2022", "--format", "json", "--no-cache")
    assert fresh.returncode == 1
    forged_cache(repository, tmp_path / "forged", monkeypatch)
    shutil.move(tmp_path / "forged", repository / ".cache")  # committed with the data
    run = cli(repository, repository / ".cache", "check", "2022", "--format", "json")
    assert (run.returncode, run.stdout) == (1, fresh.stdout)


@pytest.mark.parametrize("where", ["the repository", "a folder of it", "a link to a folder of it", "its parent",
                                   "the cache home in it"])
def test_a_cache_directory_that_is_or_holds_the_repository_or_is_in_it_is_never_used(repository, tmp_path,
                                                                                      monkeypatch, where):
    repository.chmod(0o755)  # a folder others may not write to: refused for where it is, not for its mode
    link = tmp_path / "link"
    link.symlink_to(repository / "rules")
    directory = {"the repository": repository, "a folder of it": repository / "targets" / "cache",
                 "a link to a folder of it": link / "cache", "its parent": repository.parent}.get(where)
    if directory is None:
        monkeypatch.delenv("PLANAUDIT_CACHE_DIR")
        monkeypatch.setenv("XDG_CACHE_HOME", str(repository / ".cache"))
    else:
        monkeypatch.setenv("PLANAUDIT_CACHE_DIR", str(directory))
    before = sorted(repository.rglob("*"))
    assert Cache.open(repository) is None
    assert streamed_json(repository) == streamed_json(repository, cache=False)
    assert sorted(repository.rglob("*")) == before  # nothing made there


def test_an_entry_planaudit_did_not_write_for_this_user_is_a_miss(repository, tmp_path, monkeypatch):
    """Entries are keyed by content, which anyone can compute: each also carries a MAC under the user's
    own key, so that one forged without it — or written for another user — is a miss."""
    expected = streamed_json(repository, cache=False)
    forged = forged_cache(repository, tmp_path / "forged", monkeypatch)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "another-user"))  # the same entries, another user's key
    assert streamed_json(repository) == expected
    for made_up in (b"", bytes(32)):  # the forged data with no MAC, or a made-up one
        for path, value in forged.items():
            path.write_bytes(made_up + value)
        assert streamed_json(repository) == expected


def test_a_file_holding_an_unreadable_files_marker_has_its_own_digest(repository, tmp_path):
    """The reported attack: a regular file whose bytes were the digest's marker for an unreadable one
    was answered from the cache with that one's problem."""
    report = repository / "outcomes" / "2022" / "riverton.yaml"
    report.unlink()
    os.mkfifo(report)
    cache_dir = tmp_path / "cache-of-a-fifo"
    assert "not-a-regular-file" in cli(repository, cache_dir, "check", "2022").stderr
    try:
        layout.read_bytes(repository, report)
    except layout.Unreadable as error:
        unread = error.marker
    marker = bytes(unread)  # the same bytes, in a regular file
    report.unlink()
    report.write_bytes(marker)
    cached = cli(repository, cache_dir, "check", "2022")
    fresh = cli(repository, tmp_path / "none", "check", "2022", "--no-cache")
    assert (cached.returncode, cached.stderr) == (fresh.returncode, fresh.stderr) == (
        2, "outcomes/2022/riverton.yaml:1:1: yaml-syntax U+0000 is a control character or a non-character, which a "
           "YAML file may not hold; remove it\n1 error found; not judged: riverton\n")
    assert unit_digest([("a.yaml", marker)]) != unit_digest([("a.yaml", unread)])
