"""The cache never changes a verdict, lives where strangers cannot write, holds nothing that can run
code, and answers only for the very bytes a run read."""

from __future__ import annotations

import hashlib
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
from planaudit.read import layout
from planaudit.report import reporter_class
from planaudit.run import cache, pool, runner
from planaudit.run.cache import Cache, run_digest, unit_digest
from support import generate, streamed_json

ROOT = Path(__file__).parent.parent.parent
KEY = bytes(range(32))  # a user's secret key, for caches made directly
REPORT_FILES = ("out.json", "out.xml", "out.sarif", "out.csv", "out.xlsx", "out.md")  # every file format


def verdicts(root: Path) -> str:
    return reporter_class("json")().render(api.audit(root, 2022))


def cache_files(root: Path) -> list[Path]:
    return [path for path in (root.parent / "cache").rglob("*") if path.is_file()]


def seen(run: Run) -> tuple[int, str, str]:
    """What a run gave: its exit status and what it wrote on standard output and standard error."""
    return run.returncode, run.stdout, run.stderr


def check(root: Path, *args: str) -> Run:
    """`check 2022 --format json` with the repository fixture's cache (beside it): fills the run memo."""
    return planaudit("check", "2022", "--format", "json", *args, "--data", str(root), data=None,
                     env={"PLANAUDIT_CACHE_DIR": str(root.parent / "cache")})


def test_identical_serial_parallel_and_from_the_memo(repository, monkeypatch):
    uncached = streamed_json(repository)
    assert uncached == verdicts(repository)
    assert check(repository).stdout == uncached  # cold: fills the memo
    assert len(cache_files(repository)) == 2  # the memo's record and the report's copy
    assert check(repository).stdout == uncached  # warm: replayed
    monkeypatch.setattr(pool, "PARALLEL_FROM", 1)
    assert streamed_json(repository, workers=2) == uncached
    assert streamed_json(repository, workers=1) == uncached


def test_every_format_is_replayed_byte_for_byte(repository, tmp_path):
    runs = []
    for attempt in ("cold", "warm", "afresh"):
        folder = tmp_path / attempt
        options = [option for name in REPORT_FILES for option in ("-o", str(folder / name))]
        run = check(repository, *options, *(["--no-cache"] if attempt == "afresh" else []))
        runs.append((run.returncode, run.stdout, run.stderr,
                     {name: (folder / name).read_bytes() for name in REPORT_FILES}))
    assert runs[0] == runs[1] == runs[2]
    assert runs[0][0] == 1 and all(runs[0][3].values())


def test_entries_are_plain_data_and_corrupt_ones_are_ignored(repository):
    expected = check(repository)
    (record,) = [path for path in cache_files(repository) if not path.name.endswith("-0")]
    (copy,) = [path for path in cache_files(repository) if path.name.endswith("-0")]
    assert len(json.loads(record.read_bytes()[cache.MAC_SIZE:])) == 5  # after its MAC: JSON, nothing else
    assert copy.read_bytes() == expected.stdout.encode()  # the report's own bytes
    for path in cache_files(repository):
        path.write_bytes(path.read_bytes()[:-1])  # cut short by a byte
    assert check(repository) == expected
    for garbage in (b"not a cache entry", json.dumps([[], ["x", 1, [], []]]).encode(), b"\x80\x04K."):  # with no MAC
        for path in cache_files(repository):
            path.write_bytes(garbage)
        assert check(repository) == expected


def test_an_entry_that_is_not_a_regular_file_is_a_miss_at_once(repository):
    expected = check(repository)
    for path in cache_files(repository):
        path.unlink()
        os.mkfifo(path)  # reading a FIFO would hang
    assert check(repository) == expected
    for path in cache_files(repository):
        path.unlink()
        path.symlink_to("/dev/zero")
    assert check(repository) == expected


def test_the_cache_lives_in_the_users_cache_directory_never_in_the_repository(repository, monkeypatch, tmp_path):
    monkeypatch.delenv("PLANAUDIT_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    (repository / ".planaudit-cache").mkdir()  # a committed one is never looked at
    planaudit("check", "2022", "--data", str(repository), data=None, env={"PLANAUDIT_CACHE_DIR": None})
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
    assert seen(cli(repository, shared, "check", "2022")) == seen(cli(repository, shared, "check", "2022", "--no-cache"))
    assert list(shared.iterdir()) == []


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="giving a folder away needs root")
def test_a_directory_of_another_user_is_not_used(repository, monkeypatch, tmp_path):
    theirs = tmp_path / "theirs"
    theirs.mkdir(mode=0o700)
    os.chown(theirs, 54321, -1)
    monkeypatch.setenv("PLANAUDIT_CACHE_DIR", str(theirs))
    assert Cache.open(repository) is None
    assert seen(cli(repository, theirs, "check", "2022")) == seen(cli(repository, theirs, "check", "2022", "--no-cache"))
    assert list(theirs.iterdir()) == []


def test_symlinked_fan_out_folders_write_nothing_elsewhere(repository, tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    expected = check(repository)
    files = cache_files(repository)
    for path in files:
        path.unlink()
    for folder in {path.parent for path in files}:  # two entries may share a folder: each is replaced once
        folder.rmdir()
        folder.symlink_to(elsewhere)
    assert check(repository) == check(repository) == expected


def test_keys_are_length_prefixed():
    """Names and contents are not merely joined: a + b is not one file holding both."""
    two = unit_digest([("targets/2022/a.yaml", b"a"), ("targets/2022/b.yaml", b"b")])
    one = unit_digest([("targets/2022/a.yaml", b"a\0targets/2022/b.yaml\0b")])
    assert two != one
    assert run_digest([("rules/a.yaml", b"x")], [], []) != run_digest([("rules/a.yaml", b""), ("x", b"")], [], [])
    assert Cache.key("ab", "c") != Cache.key("a", "bc")


def test_the_digest_a_run_records_is_the_one_a_lookup_computes(repository):
    rendered = runner.render(runner.prepare(repository, 2022), [reporter_class("json")()])
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
    expected = check(repository)
    cache.code_fingerprint.cache_clear()
    monkeypatch.setattr(cache, "code_fingerprint", lambda: "another build of planaudit")
    judged = []
    original = runner.judge_jurisdiction
    monkeypatch.setattr(runner, "judge_jurisdiction", lambda audit, unit, *contents: judged.append(unit.slug)
                        or original(audit, unit, *contents))
    assert check(repository) == expected
    assert "riverton" in judged  # judged afresh: the memo of the other build is not replayed


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
    library = ("planaudit.judge", "planaudit.model.data", "planaudit.model.changes")  # the model is never loaded
    assert [name in first.stderr for name in library] == [True, True, True]
    assert [name in second.stderr for name in library] == [False, False, False]
    why = "failed: 2 missed (riverton/backlog-cleared, riverton/litigation-loss) — --fail-on missed"
    assert first.stderr.splitlines()[-1] == second.stderr.splitlines()[-1] == why  # replayed, said again


def verdict_of(document: str, target: str) -> str:
    return next(row["verdict"] for row in json.loads(document)["results"] if row["id"] == target)


def test_the_memo_follows_every_input_and_option(repository, tmp_path):
    cache_dir = tmp_path / "run-cache"
    for args in (("check", "2022"), ("check", "2022", "--format", "json"), ("check", "2022", "--lang", "zh"),
                 ("check", "2022", "-j", "riverton", "--fail-on", "never")):
        cli(repository, cache_dir, *args)  # fill the memo
        assert cli(repository, cache_dir, *args).stdout == cli(repository, tmp_path / "none", *args, "--no-cache").stdout
    report = repository / "outcomes" / "2022" / "riverton.yaml"
    report.write_text(report.read_text(encoding="utf-8").replace("9.5", "7.5"), encoding="utf-8")
    changed = cli(repository, cache_dir, "check", "2022", "--format", "json")
    assert verdict_of(changed.stdout, "litigation-loss") == "met"


def test_a_file_edited_during_a_run_and_restored_never_brings_back_that_runs_answer(repository, tmp_path, monkeypatch):
    """The reported race: the memo was keyed on a digest taken before the files were read."""
    report = repository / "outcomes" / "2022" / "riverton.yaml"
    original = report.read_bytes()
    edited = original.replace(b"9.5", b"7.5")
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
    assert verdict_of(during.stdout, "litigation-loss") == "met"
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
    """Only run/wire.py pickles: what a jurisdiction adds to each report, crossing from a worker to the
    run, kept in the run's own unnamed temporary file (runner.Pieces) until the reporters add it, the problems `validate`
    found, kept in memory by file (validate.Found) until they are listed, and what `diff`'s workers judged, read by the
    pool as it arrives from them (pool.ordered_map, with diff's JudgedWire). Nothing that outlives a run — the cache,
    the memo — and nothing read from a file is ever unpickled."""
    import re

    package = ROOT / "src" / "planaudit"
    pattern = r"\bimport (?:c?pickle|marshal|shelve|dill)\b|\b(?:pickle|marshal)\.loads?\("
    found = {path.relative_to(package).as_posix(): re.findall(pattern, path.read_text(encoding="utf-8"))
             for path in package.rglob("*.py")}
    assert {path: calls for path, calls in found.items() if calls} == {"run/wire.py": ["import pickle", "pickle.loads("]}
    sources = {path.relative_to(package).as_posix(): path.read_text(encoding="utf-8") for path in package.rglob("*.py")}
    assert sorted(path for path, text in sources.items() if re.search(r"unpickled\(|wire(?:\(\))?\.loads\(", text)) == [
        "run/pool.py", "run/runner.py", "run/validate.py"]
    assert re.findall(r"\bwire\.loads\(", sources["run/pool.py"]) == ["wire.loads("]  # of what its own workers sent
    assert re.findall(r"\w+\.unpickled\(|\bwire\.loads\(", sources["run/runner.py"]) == [
        "wire.loads(", "shared.unpickled("]  # in Shared.unpickled, which Pieces alone calls
    assert re.findall(r"\S*wire\(\)\.loads\(", sources["run/validate.py"]) == ["process_wire().loads("]  # of what add_packed kept


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
    from planaudit.session.memo import RunMemo

    memo = RunMemo.open(repository, [2022], [], ["the options"])
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
    expected = check(repository)
    for path in cache_files(repository):
        path.unlink()
        path.mkdir()
    assert check(repository) == expected


def test_a_memo_record_of_lists_nested_two_hundred_thousand_deep_is_a_miss(repository, monkeypatch):
    """The reported attack on the reader of entries — JSON nested past Python's stack — on the memo's record."""
    from planaudit.session.memo import RunMemo

    memo = RunMemo.open(repository, [2022], [], ["the options"])
    key = memo.key(cache.inputs_digest(repository, 2022))
    deep = "[" * 200_000 + "]" * 200_000
    with monkeypatch.context() as writing:
        writing.setattr(json, "dumps", lambda value: deep)
        memo.cache.put(key, None)  # with the user's MAC: read, and refused
    assert json.dumps([]) == "[]" and len(cache_files(repository)) == 1
    assert memo.recorded() is None


def forged_memo(repository: Path, cache_dir: Path, monkeypatch) -> dict[Path, bytes]:
    """The run memo in ``cache_dir`` forged to say met what the run missed, exit 0 — with the user's own key,
    as if the forger had it: the record's data (after its MAC) and the report's copy, by path."""
    honest = cli(repository, cache_dir, "check", "2022", "--format", "json")
    monkeypatch.setenv("PLANAUDIT_CACHE_DIR", str(cache_dir))
    kept = Cache.open(repository)
    (record,) = [path for path in cache_dir.rglob("*") if path.is_file() and not path.name.endswith("-0")]
    (copy,) = cache_dir.rglob("*-0")
    paths, _, _, lang, _ = kept.get(record.name)
    report = copy.read_bytes().replace(b'"verdict": "missed"', b'"verdict": "met"')
    copy.write_bytes(report)
    kept.put(record.name, [paths, 0, [[hashlib.blake2b(report, digest_size=20).hexdigest(), len(report)]], lang, []])
    forged = cli(repository, cache_dir, "check", "2022", "--format", "json")
    assert (forged.returncode, forged.stdout) == (0, report.decode()) != (honest.returncode, honest.stdout)  # replayed
    return {record: record.read_bytes()[cache.MAC_SIZE:], copy: report}


def test_a_cache_directory_in_the_repository_is_not_used(repository, tmp_path, monkeypatch):
    """The reported attack: PLANAUDIT_CACHE_DIR inside the repository, and a forged entry committed there —
    a missed target reported met, exit 0."""
    fresh = cli(repository, tmp_path / "none", "check", "2022", "--format", "json", "--no-cache")
    assert fresh.returncode == 1
    forged_memo(repository, tmp_path / "forged", monkeypatch)
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
    environment = {"PLANAUDIT_CACHE_DIR": os.environ.get("PLANAUDIT_CACHE_DIR")}  # None: unset
    runs = [planaudit("check", "2022", *options, "--data", str(repository), data=None, env=environment)
            for options in ([], [], ["--no-cache"])]
    assert seen(runs[0]) == seen(runs[1]) == seen(runs[2])
    assert sorted(repository.rglob("*")) == before  # nothing made there


def test_an_entry_planaudit_did_not_write_for_this_user_is_a_miss(repository, tmp_path, monkeypatch):
    """Entries are keyed by content, which anyone can compute: each also carries a MAC under the user's
    own key, so that one forged without it — or written for another user — is a miss."""
    expected = cli(repository, tmp_path / "none", "check", "2022", "--format", "json", "--no-cache")
    forged = forged_memo(repository, tmp_path / "forged", monkeypatch)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "another-user"))  # the same entries, another user's key
    assert seen(cli(repository, tmp_path / "forged", "check", "2022", "--format", "json")) == seen(expected)
    (record,) = [path for path in forged if not path.name.endswith("-0")]
    for made_up in (b"", bytes(32)):  # the forged record with no MAC, or a made-up one
        for path, value in forged.items():
            path.write_bytes((made_up if path == record else b"") + value)
        assert seen(cli(repository, tmp_path / "forged", "check", "2022", "--format", "json")) == seen(expected)


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
