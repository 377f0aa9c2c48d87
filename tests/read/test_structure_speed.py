"""validate of a hostile file takes time linear in it: of a list's entries alike, only as many are
described as can be listed (MAX_PER_CODE of one code per file), the rest counted — with the very
count describing each gives (``targets: [1, 1, …]``, 1 MB of it, took 45 s)."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from planaudit import api
from planaudit.model.problems import capped
from planaudit.read.structure import check_structure
from planaudit.read.yamlsource import decode_document
from planaudit.schemas import Kind
from support import COUNT_METRICS, RepoBuilder
from timing import assert_linear, best_time

TARGET_ENTRIES = [
    "1", "x", "'quoted'", "~", "yes", "010", "[1, 2]", "{}", "{id: a}", "{id: a, title: t}",
    "{id: a, title: t, metric: cases, rule: at_least, value: x, quote: q}",
    "{id: a, title: t, metric: cases, rule: at_least, value: 5, quote: q}",  # valid
    "{id: a, title: t, metric: cases, rule: at_least, value: 5, quote: q, colour: red, size: 3}",
    "{id: u, title: t, items: [1, {}, {id: a}]}",
    "{id: 1, title: [t], metric: {a: 1}, rule: at_least, value: 1.5.5, quote: 3}",
]
FIGURE_ENTRIES = ["1", "{}", "{metric: cases}", "{metric: cases, value: x, quote: q}",
                  "{metric: cases, value: 5, quote: q}", "{metric: cases, value: 5, quote: q, bound: sideways}"]


def file_text(key: str, entries: list[str], block: bool, header: str = "jurisdiction: hostile\nyear: 2022\n") -> str:
    if not block:
        return f"{header}{key}: [{', '.join(entries)}]\n"
    lines = []
    for entry in entries:  # a mapping written as a block, so that an entry's key and the entry share a place
        if entry.startswith("{") and entry.endswith("}") and "[" not in entry and entry != "{}":
            fields = [field.strip() for field in entry[1:-1].split(",")]
            lines.append(f"  - {fields[0]}\n" + "".join(f"    {field}\n" for field in fields[1:]))
        else:
            lines.append(f"  - {entry}\n")
    return f"{header}{key}:\n{''.join(lines)}"


def listed(text: str, kind: Kind, count_alike: bool) -> list[str]:
    document = decode_document(text.encode(), "targets/2022/hostile.yaml")
    checked = check_structure(document, kind, count_alike)
    return [str(problem) for problem in capped(list(checked.problems))] + sorted(map(str, checked.invalid))


@pytest.mark.parametrize("seed", range(16))
def test_counting_alike_entries_lists_and_counts_what_describing_each_does(seed):
    chosen = random.Random(seed)
    kind, key, pool = (Kind.TARGET, "targets", TARGET_ENTRIES) if seed % 3 else (Kind.OUTCOME, "figures", FIGURE_ENTRIES)
    kinds = chosen.sample(pool, chosen.randint(1, 4))
    entries = [chosen.choice(kinds) for _ in range(chosen.choice([5, 150, 400]))]
    text = file_text(key, entries, block=seed % 2 == 0)
    if seed % 4 == 1:
        text = text.replace("year: 2022\n", "year: twenty\nextra: 1\n")  # problems outside the list too
    counted, described = listed(text, kind, True), listed(text, kind, False)
    assert counted == described
    assert any("more schema problems in this file" in line for line in counted) == (len(entries) >= 150 and
                                                                                  any(problem for problem in counted))


def hostile_repository(root: Path, entries: int) -> Path:
    RepoBuilder(root).rules(COUNT_METRICS).outcomes("[]")
    (root / "targets" / "2022").mkdir(parents=True)
    (root / "targets" / "2022" / "testville.yaml").write_text(
        "jurisdiction: testville\nyear: 2022\ntargets: [" + ",".join(["1"] * entries) + "]\n", encoding="utf-8")
    return root


def validated(root: Path, entries: int) -> None:
    problems = api.validate(root)
    assert (len(problems), problems[-1].message) == (101, f"and {entries - 100} more schema problems in this file")


def test_validate_of_a_long_list_of_bad_entries_takes_time_linear_in_it(tmp_path):
    small, large = hostile_repository(tmp_path / "small", 8000), hostile_repository(tmp_path / "large", 64_000)
    assert_linear(best_time(lambda: validated(small, 8000)), best_time(lambda: validated(large, 64_000), repeat=1),
                  what="validate, 8× the bad entries")


def test_validate_of_bad_entries_takes_little_longer_than_reading_them(tmp_path):
    validated(hostile_repository(tmp_path / "first", 200), 200)  # what a first run imports is not what is timed
    root = hostile_repository(tmp_path / "timed", 64_000)
    raw = (root / "targets" / "2022" / "testville.yaml").read_bytes()
    reading = best_time(lambda: decode_document(raw, "targets/2022/testville.yaml"))  # linear: the YAML read once
    assert best_time(lambda: validated(root, 64_000), repeat=1) < 8 * reading + 0.25  # describing each: 40×
