"""check/introduced: the problems at the head that the base does not have, matched by code, file
and entry — not by line."""

from __future__ import annotations

from planaudit.check.introduced import introduced
from planaudit.model.problems import Code, Problem


def entries(table: dict[int, str | None]):
    return lambda path, line: table.get(line)


BASE = [Problem("p.yaml", 5, 3, Code.UNUSED_FIGURE, "no target uses cases"),
        Problem("p.yaml", 9, 3, Code.UNUSED_FIGURE, "no target uses closed")]


def test_a_problem_whose_lines_moved_is_not_new():
    head = [Problem("p.yaml", 7, 3, Code.UNUSED_FIGURE, "no target uses cases"),
            Problem("p.yaml", 11, 3, Code.UNUSED_FIGURE, "no target uses closed")]
    found = introduced(head, BASE, entries({7: "figures[metric=cases]", 11: "figures[metric=closed]"}),
                       entries({5: "figures[metric=cases]", 9: "figures[metric=closed]"}))
    assert found == []


def test_a_problem_in_another_entry_or_of_another_code_or_file_is_new():
    head = [Problem("p.yaml", 5, 3, Code.UNUSED_FIGURE, "no target uses cases"),
            Problem("p.yaml", 5, 3, Code.VALUE_NOT_IN_QUOTE, "the value 12 is none of the numbers its quote states (11)"),
            Problem("q.yaml", 5, 3, Code.UNUSED_FIGURE, "no target uses cases"),
            Problem("p.yaml", 13, 3, Code.UNUSED_FIGURE, "no target uses rate")]
    found = introduced(head, BASE, entries({5: "figures[metric=cases]", 13: "figures[metric=rate]"}),
                       entries({5: "figures[metric=cases]", 9: "figures[metric=closed]"}))
    assert found == head[1:]


def test_a_second_problem_of_one_code_in_one_entry_is_new_and_the_one_whose_words_changed_is_it():
    base = [Problem("p.yaml", 5, 3, Code.SCHEMA, "'quote' is required")]
    head = [Problem("p.yaml", 5, 3, Code.SCHEMA, "'title' is required"),
            Problem("p.yaml", 6, 3, Code.SCHEMA, "'quote' is required")]
    same = entries({5: "targets[id=x]", 6: "targets[id=x]"})
    assert introduced(head, base, same, same) == [head[0]]


def test_a_problem_whose_words_changed_in_the_same_entry_is_the_same_problem():
    base = [Problem("p.yaml", 5, 3, Code.VALUE_NOT_IN_QUOTE, "the value 12 is none of the numbers its quote states (11)")]
    head = [Problem("p.yaml", 5, 3, Code.VALUE_NOT_IN_QUOTE, "the value 13 is none of the numbers its quote states (11)")]
    same = entries({5: "figures[metric=cases]"})
    assert introduced(head, base, same, same) == []


def test_outside_any_entry_the_words_stand_for_it_without_the_lines_they_cite():
    base = [Problem("p.yaml", 1, 1, Code.DUPLICATE_KEY, "duplicate key 'year' (first on line 3)")]
    moved = [Problem("p.yaml", 2, 1, Code.DUPLICATE_KEY, "duplicate key 'year' (first on line 4)")]
    other = [Problem("p.yaml", 2, 1, Code.DUPLICATE_KEY, "duplicate key 'name' (first on line 4)")]
    nowhere = entries({})
    assert introduced(moved, base, nowhere, nowhere) == []
    assert introduced(other, base, nowhere, nowhere) == other
