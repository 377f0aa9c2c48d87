"""Did-you-mean through an index: the same suggestions difflib gives by comparing a misspelt name
with every known one, in time that does not grow with catalogue × misspellings (5,000 metrics and
500 misspelt names took 101 s)."""

from __future__ import annotations

import difflib
import random
import time
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from planaudit import api
from planaudit.errors import CLOSENESS, SUGGESTED, CloseNames, did_you_mean
from support import RepoBuilder
from timing import best_time

LETTERS = "abcdefghijklmnopqrstuvwxyz"


def catalogue(count: int, seed: int = 1) -> list[str]:
    """Metric ids as a catalogue has them: one to four words of a small vocabulary, joined by _."""
    chosen = random.Random(seed)
    words = sorted({"".join(chosen.choice(LETTERS) for _ in range(chosen.randint(3, 9))) for _ in range(400)})
    names: set[str] = set()
    while len(names) < count:
        names.add("_".join(chosen.choice(words) for _ in range(chosen.randint(1, 4))))
    return sorted(names)


def misspelt(name: str, chosen: random.Random) -> str:
    """``name`` with one or two letters replaced, added, dropped or swapped."""
    letters = list(name)
    for _ in range(chosen.randint(1, 2)):
        at, edit = chosen.randrange(len(letters)), chosen.randrange(4)
        if edit == 0:
            letters[at] = chosen.choice(LETTERS + "_")
        elif edit == 1:
            letters.insert(at, chosen.choice(LETTERS))
        elif edit == 2 and len(letters) > 1:
            del letters[at]
        elif at + 1 < len(letters):
            letters[at], letters[at + 1] = letters[at + 1], letters[at]
    return "".join(letters)


def misspellings(names: list[str], count: int, seed: int = 2) -> list[str]:
    """``count`` misspelt names, each still a well-formed metric id (a letter first)."""
    chosen = random.Random(seed)
    found = [misspelt(chosen.choice(names), chosen) for _ in range(count)]
    return [name if name[:1].isalpha() else f"m{name}" for name in found]


def difflib_says(wanted: str, names: list[str]) -> list[str]:
    return difflib.get_close_matches(wanted, names, n=SUGGESTED, cutoff=CLOSENESS)


def test_the_index_suggests_what_difflib_suggests_on_generated_names():
    names = catalogue(1000)
    index = CloseNames(names)
    tricky = ["", "a", "ab", "abc", "_", "x" * 250, names[0], names[-1] + "s", names[5][::-1], "ａｂｃ"]
    for wanted in misspellings(names, 100) + tricky:
        assert index.matches(wanted) == difflib_says(wanted, names), wanted


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text("abc_xyé", max_size=12), max_size=40), st.text("abc_xyé", max_size=14))
def test_the_index_suggests_what_difflib_suggests_on_any_names(names, wanted):
    # a small alphabet: many names share many characters and pairs, and some are repeated
    assert CloseNames(names).matches(wanted) == difflib_says(wanted, names)


@settings(max_examples=20, deadline=None)
@given(st.lists(st.text("ab", min_size=195, max_size=215), min_size=1, max_size=6), st.text("ab", min_size=195,
                                                                                             max_size=215))
def test_the_index_suggests_what_difflib_suggests_on_long_names(names, wanted):
    # from 200 characters difflib treats a frequent character as junk: the index still lets it decide
    assert CloseNames(names).matches(wanted) == difflib_says(wanted, names)


def test_did_you_mean_reads_the_same_through_the_index():
    known = ["cases", "closed", "rate", "closure_rate"]
    for wanted in ("casez", "closd", "rat", "nothing", "closure_rat"):
        assert did_you_mean(wanted, CloseNames(known)) == did_you_mean(wanted, known)
    assert str(did_you_mean("closure_rat", CloseNames(known))) == "; did you mean 'closure_rate'?"
    assert did_you_mean("closure_rat", CloseNames(known)).render("zh") == "；是否指 'closure_rate'？"


def test_ten_thousand_metrics_and_a_thousand_misspellings_within_the_budget():
    names = catalogue(10_000)
    wanted = misspellings(names, 1000)

    suggested: list[list[str]] = []

    def suggest() -> None:
        index = CloseNames(names)
        suggested[:] = [index.matches(name) for name in wanted]

    assert best_time(suggest, repeat=2) < 2  # the budget: 10,000 metrics × 1,000 misspellings in under 2 s
    assert sum(1 for found in suggested if found) > 900  # most misspellings are close enough to suggest


def repository(root: Path, metrics: int, targets: int, misspelt: bool) -> Path:
    """``metrics`` metrics and ``targets`` targets, each naming one of them, misspelt or not."""
    names = catalogue(metrics)
    named = misspellings(names, targets) if misspelt else random.Random(2).choices(names, k=targets)
    rules = "metrics:\n" + "".join(f"  {name}: {{unit: case}}\n" for name in names)
    entries = "\n".join(f"- {{id: t{index}, title: t, metric: {name}, rule: at_least, value: {index + 1}, quote: q}}"
                        for index, name in enumerate(named))
    RepoBuilder(root).rules(rules).targets(entries).outcomes("[]")
    return root


def test_validate_of_many_misspelt_metrics_takes_little_longer_than_of_as_many_right_ones(tmp_path):
    right, misspelt = repository(tmp_path / "right", 5000, 500, False), repository(tmp_path / "wrong", 5000, 500, True)

    def validate(root: Path) -> float:
        start = time.process_time()
        problems = api.validate(root)
        assert len(problems) == (101 if root == misspelt else 0)
        return time.process_time() - start

    baseline = validate(right)  # the same files, read and checked the same way, with nothing to suggest
    assert validate(misspelt) < 2 * baseline + 1  # comparing each with every metric took 10 s (the issue: 101 s)
